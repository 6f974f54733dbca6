//! The salary comparison over real HTTP: the page, JSON and CSV, with good and bad input, on the
//! pay-site fixture (the salary test data and real May 2025 national rows, so figures can be named).

use std::collections::BTreeSet;

use crate::helpers::{Html, TestApp, copy_dir, fixture, pay_site, repo_dir, scratch};

fn app() -> TestApp {
    TestApp::spawn(&pay_site())
}

fn json(app: &TestApp, query: &str) -> (u16, serde_json::Value) {
    let answer = app.get(&format!("/salary.json?{query}"));
    assert_eq!(answer.content_type, "application/json", "{query}");
    (
        answer.status,
        serde_json::from_str(&answer.body).expect("valid JSON"),
    )
}

#[test]
fn the_default_page_compares_the_three_occupations() {
    let app = app();
    let answer = app.get("/salary");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    assert_eq!(html.texts("h1"), ["Compare HIM pay"]);
    let rows = html.texts(".comparison tbody th[scope=row]");
    assert_eq!(
        rows,
        [
            "Medical records specialists (29-2072)",
            "Health information technologists and medical registrars (29-9021)",
            "Medical and health services managers (11-9111)"
        ]
    );
    assert_eq!(
        html.texts(".comparison thead th"),
        [
            "Occupation",
            "Median, annual",
            "Median, hourly",
            "10th to 90th percentile, annual",
            "Median difference from medical records specialists, annual"
        ]
    );
    let first_row = html.texts(".comparison tbody tr:first-child td");
    // BLS OEWS May 2025: OEUN000000000000029207213 and ...08.
    assert!(first_row[0].starts_with("$51,140"), "{first_row:?}");
    assert!(
        first_row[1].starts_with("$24.59"),
        "published hourly median: {first_row:?}"
    );
    assert!(
        html.texts(".comparison caption")[0].contains(", all from OEWS May 2025 ("),
        "one release, named once"
    );
    assert_eq!(html.select("figure.chart svg[role=img] title").len(), 1);
    assert!(
        !html.texts("figure.chart svg desc")[0].is_empty(),
        "the chart needs a text alternative"
    );
    assert_eq!(
        html.attrs("#field-occupation option[selected]", "value"),
        ["technologist"]
    );
    assert!(
        html.texts(".footnotes li")
            .iter()
            .any(|t| t.contains("data release OEWS May 2025"))
    );
}

#[test]
fn an_offer_is_placed_and_the_result_is_a_link_that_reproduces_it() {
    let app = app();
    let query = "occupation=technologist&offer=24.50&period=hour";
    let page = app.get(&format!("/salary?{query}"));
    assert_eq!(page.status, 200);
    let html = Html::parse(&page.body);
    let summary = html.texts(".offer-result p").join(" ");
    // 25 + (50,960 - 48,940) / (68,020 - 48,940) x 25 = 27.6: May 2025, not the 44th of May 2021.
    assert!(summary.contains("about the 28th percentile"), "{summary}");
    assert!(
        summary.contains("OEWS May 2025") && summary.contains("estimate"),
        "{summary}"
    );
    assert_eq!(
        html.attrs("#field-offer", "value"),
        ["24.50"],
        "the form shows the current choices"
    );
    assert_eq!(
        html.attrs("#field-period option[selected]", "value"),
        ["hour"]
    );
    let share = html.attrs(".share a", "href")[0].clone();
    assert_eq!(
        share,
        "/salary?compare=ladder&occupation=technologist&baseline=specialist&display=year&offer=24.50&period=hour"
    );
    let again = Html::parse(&app.get(&share).body);
    assert_eq!(
        again.texts(".offer-result p"),
        html.texts(".offer-result p")
    );
}

#[test]
fn json_carries_the_offer_rows_and_sources() {
    let app = app();
    let (status, body) = json(&app, "occupation=technologist&offer=24.50&period=hour");
    assert_eq!(status, 200);
    assert_eq!(body["occupation"]["id"], "technologist");
    assert_eq!(body["occupation"]["soc"], "29-9021");
    assert_eq!(body["offer"]["annual"], 50960);
    assert_eq!(body["offer"]["percentile"], 27.6);
    assert_eq!(body["offer"]["position"], "p25_p50");
    assert_eq!(body["offer"]["data_release"], "OEWS May 2025");
    let occupations = him_guide::site::Site::load(&pay_site())
        .unwrap()
        .salary
        .occupations
        .len();
    assert_eq!(
        body["rows"].as_array().unwrap().len(),
        occupations,
        "one row per occupation"
    );
    // $68,020 - $51,140, both May 2025 medians.
    assert_eq!(body["rows"][1]["difference"]["amount_cents"], 1688000);
    assert_eq!(body["rows"][1]["median_hourly"]["amount_cents"], 3270);
    assert_eq!(body["rows"][1]["median_hourly"]["computed"], false);
    assert_eq!(
        body["rows"][1]["median"]["series_id"],
        "OEUN000000000000029902113"
    );
    assert_eq!(
        body["rows"][1]["median"]["series_url"],
        "https://data.bls.gov/timeseries/OEUN000000000000029902113"
    );
    assert_eq!(
        body["offer"]["median"]["series_id"],
        "OEUN000000000000029902113"
    );
    assert!(
        body["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "bls-oews-2025")
    );
}

#[test]
fn json_positions_offers_outside_the_range_and_refuses_to_estimate_on_old_data() {
    let app = app();
    let (_, low) = json(&app, "occupation=manager&offer=20000");
    assert_eq!(low["offer"]["position"], "below_p10");
    assert!(low["offer"]["percentile"].is_null());
    let (_, high) = json(&app, "occupation=manager&offer=250000");
    assert_eq!(high["offer"]["position"], "above_p90");
    // The specialists had only a May 2011 distribution, too old to place an offer in; May 2025 has one.
    // 10 + (40,000 - 37,000) / (43,490 - 37,000) x 15 = 16.9.
    let (_, specialist) = json(&app, "occupation=specialist&offer=40000");
    assert_eq!(specialist["offer"]["estimate"], "placed");
    assert_eq!(specialist["offer"]["percentile"], 16.9);
    assert_eq!(specialist["offer"]["data_release"], "OEWS May 2025");
}

#[test]
fn csv_has_a_header_and_a_row_per_figure() {
    let app = app();
    let answer = app.get("/salary.csv?compare=settings&occupation=manager&offer=90000");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.content_type, "text/csv; charset=utf-8");
    let lines: Vec<&str> = answer.body.lines().collect();
    assert!(
        lines[0].starts_with("row,occupation_id,soc,setting,statistic,pay_period,amount_cents")
    );
    // May 2025: each industry's median, then its 10th and 90th percentiles.
    let industries = him_guide::salary::current::INDUSTRIES_SHOWN;
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("industry,")).count(),
        3 * industries
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("article_claim,"))
            .count(),
        5
    );
    assert_eq!(lines.iter().filter(|l| l.starts_with("offer,")).count(), 1);
    // The industry employing the most managers, with its BLS series in the last column.
    assert!(
        lines[1].starts_with(
            "industry,manager,11-9111,Ambulatory Health Care Services,median,year,10364000,"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with(",OEUN000000062100011911113,0000000,United States"),
        "{}",
        lines[1]
    );
}

#[test]
fn settings_set_the_articles_figures_apart() {
    let app = app();
    let html = Html::parse(&app.get("/salary?compare=settings&occupation=manager").body);
    let captions = html.texts(".comparison caption");
    assert_eq!(captions.len(), 2);
    assert!(captions[0].starts_with(
        "Median annual pay of medical and health services managers by industry (BLS, OEWS May 2025)"
    ));
    assert!(captions[1].contains("unsourced"));
}

#[test]
fn bad_input_answers_400_with_the_form_the_input_and_a_message_by_each_field() {
    let app = app();
    let answer = app.get("/salary?occupation=wizard&offer=%3Cb%3Elots%3C%2Fb%3E&period=hour");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.content_type, "text/html; charset=utf-8");
    assert!(!answer.body.contains("<b>lots"), "input must be escaped");
    let html = Html::parse(&answer.body);
    assert_eq!(
        html.attrs("#field-offer", "value"),
        ["<b>lots</b>"],
        "the input is kept"
    );
    assert_eq!(html.attrs("#field-offer", "aria-invalid"), ["true"]);
    assert_eq!(
        html.texts("#offer-error"),
        ["Enter the offer as a number of dollars, like 52,000 or 24.50."]
    );
    assert!(html.texts("#occupation-error")[0].starts_with("Choose one of the listed occupations"));
    assert_eq!(html.select(".error-summary[role=alert] li").len(), 2);
    assert!(html.select(".comparison").is_empty());
}

#[test]
fn every_kind_of_bad_input_is_a_clear_400_in_each_format() {
    let app = app();
    for (query, field) in [
        ("offer=0", "offer"),
        ("offer=-100", "offer"),
        ("offer=10000001", "offer"),
        ("offer=5001&period=hour", "offer"),
        ("period=fortnight&offer=5", "period"),
        ("display=decade", "display"),
        ("compare=everything", "compare"),
        ("baseline=ceo", "baseline"),
        ("offer=%E0%A4%A", "query"),
        ("offer=%FF", "query"),
        ("offer=1&offer=2", "offer"),
    ] {
        let page = app.get(&format!("/salary?{query}"));
        assert_eq!(page.status, 400, "{query}");
        assert!(
            Html::parse(&page.body)
                .select(&format!("a[href='#field-{field}']"))
                .len()
                == 1,
            "{query}: {}",
            page.body
        );
        let (status, body) = json(&app, query);
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["errors"][0]["field"], field, "{query}");
        let csv = app.get(&format!("/salary.csv?{query}"));
        assert_eq!(
            (csv.status, csv.content_type.as_str()),
            (400, "text/csv; charset=utf-8"),
            "{query}"
        );
        assert!(
            csv.body.starts_with(&format!("field,message\r\n{field},")),
            "{query}: {}",
            csv.body
        );
    }
}

#[test]
fn empty_fields_and_unknown_parameters_are_ignored() {
    let app = app();
    let answer = app.get("/salary?offer=&period=&occupation=&utm_source=school-site");
    assert_eq!(answer.status, 200);
    assert!(Html::parse(&answer.body).select(".offer-result").is_empty());
}

#[test]
fn older_figures_keep_their_own_occupation_code_and_series_ids_lead_to_bls() {
    // The shipped salary chapter, whose table shows the older figures.
    let app = TestApp::spawn(&repo_dir());
    let page = Html::parse(&app.get("/guide/salary").body);
    let rows = page.texts("table tbody tr");
    let old: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains("OEWS May 2011"))
        .collect();
    assert!(!old.is_empty(), "the May 2011 row is shown: {rows:?}");
    for row in &old {
        assert!(row.contains("29-2071"), "{row}");
        assert!(
            !row.contains("(29-2072)"),
            "a 29-2071 figure labelled 29-2072: {row}"
        );
    }
    let links = page.attrs("a[href^='https://data.bls.gov/timeseries/']", "href");
    assert!(
        links.contains(&"https://data.bls.gov/timeseries/OEUN000000000000029902113".to_string()),
        "{links:?}"
    );
}

#[test]
fn the_comparison_links_each_bls_series_it_shows() {
    let app = app();
    let page = Html::parse(&app.get("/salary?occupation=technologist&offer=52000").body);
    let links = page.attrs(".footnotes a.series", "href");
    for datatype in ["13", "08", "11", "15"] {
        let url = format!("https://data.bls.gov/timeseries/OEUN0000000000000299021{datatype}");
        assert!(links.contains(&url), "{url} missing from {links:?}");
    }
    let embed = Html::parse(&app.get("/embed/salary?occupation=technologist").body);
    assert!(!embed.attrs(".footnotes a.series", "href").is_empty());
}

/// The releases of every figure in the ladder's rows, as the JSON gives them.
fn ladder_releases(app: &TestApp, query: &str) -> BTreeSet<String> {
    let (status, body) = json(app, query);
    assert_eq!(status, 200, "{query}");
    body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| {
            ["median", "median_annual", "median_hourly", "p10", "p90"]
                .map(|figure| row[figure]["data_release"].as_str().map(String::from))
        })
        .flatten()
        .collect()
}

#[test]
fn a_release_every_row_shares_is_named_once_in_the_caption_instead_of_a_data_column() {
    let app = app();
    for query in [
        "",
        "display=month",
        "area=0012420&occupation=technologist&offer=24.50&period=hour",
    ] {
        let releases = ladder_releases(&app, query);
        assert_eq!(
            releases.len(),
            1,
            "the fixture's rows share a release: {query}"
        );
        let release = releases.first().unwrap();
        for page in ["/salary", "/embed/salary"] {
            let html = Html::parse(&app.get(&format!("{page}?{query}")).body);
            let headers = html.texts(".comparison thead th");
            assert!(
                !headers.contains(&"Data".to_string()),
                "{page}?{query}: {headers:?}"
            );
            let caption = &html.texts(".comparison caption")[0];
            assert!(
                caption.contains(&format!(", all from {release} (")),
                "{page}?{query}: {caption}"
            );
            let cells: Vec<usize> = html
                .select(".comparison tbody tr")
                .iter()
                .map(|row| row.children().filter_map(scraper::ElementRef::wrap).count())
                .collect();
            assert!(
                cells.iter().all(|&n| n == headers.len()),
                "{page}?{query}: a cell under every header, {cells:?}"
            );
        }
    }
}

#[test]
fn rows_from_different_releases_each_say_theirs_in_a_data_column() {
    // The good fixture (technologists, one release) with a second occupation whose only figure,
    // its median, comes from another release.
    let site = scratch("mixed-releases");
    copy_dir(&fixture("good"), &site);
    let salary = site.join("content/salary.toml");
    let data = std::fs::read_to_string(&salary).unwrap()
        + "\n[[occupation]]\nid = \"specialist\"\nsoc = \"29-2072\"\n\
           title = \"Medical Records Specialists\"\nshort = \"medical records specialists\"\n\
           him_titles = []\nentry_education = \"Varies\"\n\n[[figure]]\nid = \"specialist-median\"\n\
           occupation = \"specialist\"\nstatistic = \"median\"\nperiod = \"annual\"\n\
           amount = \"$44,090\"\nrelease = \"OEWS May 2020\"\nscope = \"national\"\nsource = \"bls-test\"\n";
    std::fs::write(&salary, data).unwrap();
    let app = TestApp::spawn(&site);
    let releases = ladder_releases(&app, "");
    assert!(
        releases.len() > 1,
        "the rows' releases differ: {releases:?}"
    );
    let (_, body) = json(&app, "");
    for page in ["/salary", "/embed/salary"] {
        let html = Html::parse(&app.get(page).body);
        let headers = html.texts(".comparison thead th");
        let column = headers
            .iter()
            .position(|h| h == "Data")
            .unwrap_or_else(|| panic!("{page}: {headers:?}"));
        let rows = html.select(".comparison tbody tr");
        assert_eq!(rows.len(), body["rows"].as_array().unwrap().len());
        for (row, json_row) in rows.iter().zip(body["rows"].as_array().unwrap()) {
            let cells: Vec<String> = row
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|cell| cell.text().collect::<String>().trim().to_string())
                .collect();
            assert_eq!(cells.len(), headers.len(), "{page}: {cells:?}");
            let median = json_row["median"]["data_release"].as_str().unwrap();
            assert!(
                cells[column].starts_with(&format!("Median {median}")),
                "{page}: {cells:?}"
            );
        }
        let caption = &html.texts(".comparison caption")[0];
        assert!(!caption.contains("all from"), "{page}: {caption}");
    }
    let _ = std::fs::remove_dir_all(&site);
}
