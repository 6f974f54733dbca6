//! Occupations are data (issue 18): the four-occupations fixture adds 43-6013 Medical Secretaries and
//! Administrative Assistants with one `[[occupation]]` in its salary.toml and a fresh import of the
//! May 2025 release, and nothing else; here it shows on every kind of page with no code change.
//! Figures are the real May 2025 ones of `tests/fixtures/four-occupations/content/oews/`.

use std::path::PathBuf;

use him_guide::oews::Extract;
use him_guide::site::Site;
use serde_json::Value;

use crate::helpers::{
    Html, TestApp, copy_dir, fixture, pay_site, published_urls, scratch, unanswered,
};

fn four_occupations() -> PathBuf {
    fixture("four-occupations")
}

const TITLE: &str = "Medical Secretaries and Administrative Assistants";
/// The ladder's and the form's label: the occupation's `short`, capitalised, with its SOC.
const LABEL: &str = "Medical secretaries and administrative assistants (43-6013)";

#[test]
fn the_extract_is_as_the_import_writes_it_and_adds_rows_without_changing_any() {
    let site = four_occupations();
    let extract = Extract::load(&site).unwrap_or_else(|p| panic!("{p:#?}"));
    for (name, text) in extract.files().iter() {
        let on_disk = std::fs::read_to_string(site.join("content/oews").join(name)).unwrap();
        assert_eq!(on_disk, *text, "{name} is not as the import writes it");
    }
    let socs: Vec<String> = extract
        .occupations
        .iter()
        .map(|o| o.soc.to_string())
        .collect();
    assert_eq!(socs, ["11-9111", "29-2072", "29-9021", "43-6013"]);
    // The three HIM occupations' rows are the pay-site fixture's, line for line.
    let series =
        |dir: PathBuf| std::fs::read_to_string(dir.join("content/oews/series.tsv")).unwrap();
    let four = series(four_occupations());
    let key = |line: &&str| line.split('\t').next().unwrap().to_string();
    let (new, old): (Vec<&str>, Vec<&str>) = four.lines().partition(|l| key(l).ends_with("436013"));
    let new_keys: Vec<String> = new.iter().map(key).collect();
    assert_eq!(new_keys.len(), 20, "{new_keys:?}");
    assert!(new_keys.contains(&"OEUM0029200000000436013".to_string()));
    assert_eq!(old, series(pay_site()).lines().collect::<Vec<_>>());
}

#[test]
fn the_import_reads_a_new_occupation_that_has_no_figures_yet() {
    // Before its first import the occupation has no figures anywhere: the import must still read
    // the salary data to learn what to keep, and the site must refuse to serve without them.
    let site = scratch("four-occupations-before-import");
    copy_dir(&four_occupations(), &site);
    std::fs::remove_dir_all(site.join("content/oews")).unwrap();
    let socs: Vec<String> = him_guide::site::occupation_socs(&site)
        .unwrap_or_else(|p| panic!("{p}"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(socs, ["29-2072", "29-9021", "11-9111", "43-6013"]);
    let report = match Site::load(&site) {
        Ok(_) => panic!("a site with an occupation without a median loaded"),
        Err(problems) => problems.to_string(),
    };
    assert!(
        report.contains(
            "content/salary.toml: occupation `secretary` (43-6013) has no national annual median"
        ),
        "{report}"
    );
    assert!(report.contains("import the OEWS release again"), "{report}");
    assert!(
        !report.contains("`manager`"),
        "only the new one lacks a median: {report}"
    );
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn the_ladder_ranks_it_beside_the_others_and_measures_from_it() {
    let app = TestApp::spawn(&four_occupations());
    let html = Html::parse(&app.get("/salary").body);
    for field in ["#field-occupation", "#field-baseline"] {
        assert_eq!(
            html.attrs(&format!("{field} option"), "value"),
            ["specialist", "technologist", "manager", "secretary"],
            "{field}"
        );
    }
    assert!(
        html.texts("#field-occupation option")
            .contains(&LABEL.to_string())
    );
    assert_eq!(
        html.texts(".comparison tbody th[scope=row]")[3],
        LABEL,
        "the fourth row, in the file's order"
    );
    let row = html.texts(".comparison tbody tr:nth-child(4) td");
    assert!(row[0].starts_with("$45,930"), "{row:?}");
    assert!(row[1].starts_with("$22.08"), "{row:?}");
    assert!(row[2].starts_with("$35,930 to $60,530"), "{row:?}");
    assert!(row[3].starts_with("$5,210 (10.2%) below"), "{row:?}");
    assert_eq!(html.select("figure.chart rect.chart-bar").len(), 4);
    assert!(html.texts("figure.chart svg desc")[0].contains(
        "Medical secretaries and administrative assistants: median $45,930 (OEWS May 2025), \
             middle 80% from $35,930 to $60,530"
    ));
    assert!(
        html.attrs(".footnotes a.series", "href")
            .contains(&"https://data.bls.gov/timeseries/OEUN000000000000043601313".to_string())
    );

    // As the baseline, the others are measured from its median.
    let html = Html::parse(&app.get("/salary?baseline=secretary").body);
    let specialists = html.texts(".comparison tbody tr:nth-child(1) td");
    assert!(
        specialists[3].starts_with("$5,210 (11.3%) above"),
        "{specialists:?}"
    );
    assert!(html.texts(".comparison tbody tr:nth-child(4) td")[3].starts_with("Baseline"));
}

#[test]
fn the_offer_check_places_an_offer_among_its_percentiles_nationally_and_in_an_area() {
    let app = TestApp::spawn(&four_occupations());
    let answer = app.get("/salary?occupation=secretary&offer=45000&period=year");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let summary = html.texts(".offer-result p").join(" ");
    // $45,000 between the 25th percentile ($38,570) and the median ($45,930): 25 + 25 x 6,430 / 7,360.
    assert!(
        summary.contains("Among medical secretaries and administrative assistants nationally"),
        "{summary}"
    );
    assert!(summary.contains("about the 47th percentile"), "{summary}");
    assert!(
        summary.contains("between the 25th percentile ($38,570) and the median ($45,930)"),
        "{summary}"
    );
    assert!(
        summary.contains("$930 (2.0%) below their newest median"),
        "{summary}"
    );
    assert_eq!(
        html.attrs("#field-occupation option[selected]", "value"),
        ["secretary"]
    );

    // In Austin the offer is placed among Austin's secretaries: median $46,510.
    let html = Html::parse(
        &app.get("/salary?area=0012420&occupation=secretary&offer=45000&period=year")
            .body,
    );
    let summary = html.texts(".offer-result p").join(" ");
    assert!(
        summary.contains("Austin-Round Rock-San Marcos, TX"),
        "{summary}"
    );
    assert!(summary.contains("$46,510"), "{summary}");
    let row = html.texts(".comparison tbody tr:nth-child(4) td");
    assert!(row[0].starts_with("$46,510"), "{row:?}");
}

#[test]
fn pay_by_work_setting_lists_its_largest_industries() {
    let app = TestApp::spawn(&four_occupations());
    let html = Html::parse(
        &app.get("/salary?compare=settings&occupation=secretary")
            .body,
    );
    assert!(
        html.texts(".comparison caption")[0]
            .contains("medical secretaries and administrative assistants by industry")
    );
    let rows = html.texts(".comparison tbody tr");
    assert!(
        rows[0].starts_with("Ambulatory Health Care Services") && rows[0].contains("$45,390"),
        "{rows:?}"
    );
    assert!(rows[0].contains("612,750"), "jobs: {rows:?}");
    assert!(rows[1].starts_with("Hospitals") && rows[1].contains("$47,180"));
}

#[test]
fn pay_index_has_its_map_and_a_column_in_the_state_table() {
    let app = TestApp::spawn(&four_occupations());
    let html = Html::parse(&app.get("/pay").body);
    assert_eq!(
        html.select("figure.tile-map svg").len(),
        4,
        "one map per occupation"
    );
    assert_eq!(
        html.texts("figure.tile-map figcaption")[3],
        format!("{TITLE}: May 2025 median pay by state")
    );
    assert!(
        html.attrs("#map-secretary ~ svg a", "aria-label")
            .contains(&"Texas, TX: $42,910".to_string())
    );
    assert!(
        html.texts("#state-table thead th")
            .contains(&TITLE.to_string())
    );
    let texas = html
        .texts("#state-table tbody tr")
        .into_iter()
        .find(|row| row.starts_with("Texas"))
        .unwrap();
    assert!(
        texas.contains("$48,860") && texas.contains("$42,910"),
        "{texas}"
    );
    assert!(
        html.texts("main > p, main p")
            .join(" ")
            .contains("medical secretaries")
    );
}

#[test]
fn area_pages_give_its_figures_against_the_nation() {
    let app = TestApp::spawn(&four_occupations());
    let state = Html::parse(&app.get("/pay/texas").body);
    assert_eq!(
        state.texts("h2#secretary"),
        [format!("{TITLE} (SOC 43-6013)")]
    );
    let rows = state.texts("section[aria-labelledby=secretary] tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Employment") && r.contains("78,740")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("Median")
            && r.contains("$42,910")
            && r.contains("$45,930")
            && r.contains("$3,020 (6.6%) below")),
        "{rows:?}"
    );
    assert!(
        state
            .attrs("a[href^='/salary?']", "href")
            .contains(&"/salary?occupation=secretary&area=4800000".to_string())
    );
    let ranking = state.texts("#areas ~ .ranking-grid caption");
    assert_eq!(
        ranking.last().map(String::as_str),
        Some(TITLE),
        "{ranking:?}"
    );
    assert!(
        state
            .texts(".ranking-grid tbody tr")
            .iter()
            .any(|r| r.contains("$46,510"))
    );

    let metro = Html::parse(&app.get("/pay/austin-round-rock-san-marcos-tx").body);
    assert_eq!(
        metro.select(".data-table table").len(),
        8,
        "four occupations, each with a jobs table and a pay table"
    );
    assert!(
        metro
            .attrs("a[href^='https://data.bls.gov/timeseries/']", "href")
            .contains(&"https://data.bls.gov/timeseries/OEUM001242000000043601313".to_string())
    );
    let rows = metro.texts("section[aria-labelledby=secretary] tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Median") && r.contains("$580 (1.3%) above")),
        "{rows:?}"
    );

    // Where specialists have no series, the new occupation still has its figures.
    let lafayette = Html::parse(&app.get("/pay/lafayette-west-lafayette-in").body);
    let rows = lafayette.texts("section[aria-labelledby=secretary] tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Median") && r.contains("$43,840")),
        "{rows:?}"
    );
}

#[test]
fn json_and_csv_carry_its_figures_and_series() {
    let app = TestApp::spawn(&four_occupations());
    let json: Value = serde_json::from_str(
        &app.get("/salary.json?occupation=secretary&offer=45000&period=year")
            .body,
    )
    .unwrap();
    assert_eq!(json["occupation"]["soc"], "43-6013");
    assert_eq!(json["occupation"]["title"], TITLE);
    assert_eq!(json["offer"]["median"]["amount_cents"], 4_593_000);
    assert_eq!(json["offer"]["versus_median"]["amount_cents"], -93_000);
    assert_eq!(json["offer"]["percentile"], 46.8);
    let row = &json["rows"][3];
    assert_eq!(row["occupation"]["id"], "secretary");
    assert_eq!(row["median"]["amount_cents"], 4_593_000);
    assert_eq!(row["median"]["series_id"], "OEUN000000000000043601313");
    assert_eq!(row["p90"]["amount_cents"], 6_053_000);
    assert_eq!(row["difference"]["amount_cents"], -521_000);

    let area: Value = serde_json::from_str(
        &app.get("/salary.json?area=0012420&occupation=secretary")
            .body,
    )
    .unwrap();
    assert_eq!(area["rows"][3]["median"]["amount_cents"], 4_651_000);
    assert_eq!(
        area["rows"][3]["median"]["series_id"],
        "OEUM001242000000043601313"
    );

    let csv = app.get("/salary.csv?occupation=secretary&offer=45000&period=year");
    assert!(
        csv.content_type.starts_with("text/csv"),
        "{}",
        csv.content_type
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with(
            "occupation,secretary,43-6013,national,median,year,4593000,\"$45,930\",OEWS May 2025,bls-oews-2025,false,-521000,-10.2,"
        ) && l.contains("OEUN000000000000043601313")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("offer,secretary,43-6013,national,offer,year,4500000,")
                && l.contains(",46.8,p25_p50,")
        ),
        "{lines:?}"
    );
}

#[test]
fn the_embed_shows_its_row_and_offer() {
    let app = TestApp::spawn(&four_occupations());
    let answer = app.get("/embed/salary?occupation=secretary&offer=45000&period=year");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    assert_eq!(html.texts(".comparison tbody th[scope=row]")[3], LABEL);
    assert!(html.texts(".comparison tbody tr:nth-child(4) td")[0].starts_with("$45,930"));
    assert!(
        html.texts(".offer-result p")
            .join(" ")
            .contains("about the 47th percentile")
    );
}

#[test]
fn json_ld_describes_it_as_an_occupation_with_its_pay() {
    let app = TestApp::spawn(&four_occupations());
    let html = Html::parse(&app.get("/salary").body);
    let graph: Vec<Value> = html
        .select("script[type='application/ld+json']")
        .iter()
        .map(|s| serde_json::from_str::<Value>(&s.inner_html()).unwrap())
        .flat_map(|block| block["@graph"].as_array().cloned().unwrap_or_default())
        .collect();
    let occupations: Vec<&Value> = graph
        .iter()
        .filter(|n| n["@type"] == "Occupation")
        .collect();
    assert_eq!(occupations.len(), 4);
    let secretaries = occupations
        .iter()
        .find(|o| o["occupationalCategory"] == "43-6013")
        .expect("an Occupation for 43-6013");
    assert_eq!(secretaries["name"], TITLE);
    assert_eq!(
        secretaries["educationRequirements"],
        "High school diploma or equivalent"
    );
    let salary = &secretaries["estimatedSalary"][0];
    assert_eq!(salary["median"], 45_930);
    assert_eq!(salary["percentile10"], 35_930);
    assert_eq!(salary["percentile90"], 60_530);
    assert_eq!(salary["currency"], "USD");
}

#[test]
fn figure_tokens_and_tables_in_pages_include_it() {
    let app = TestApp::spawn(&four_occupations());
    let home = Html::parse(&app.get("/").body);
    let facts = home.texts("table tbody tr");
    assert!(
        facts.iter().any(|r| r.starts_with(LABEL)
            && r.contains("$45,930 (OEWS May 2025)")
            && r.contains("High school diploma or equivalent")),
        "{facts:?}"
    );
    let chapter = Html::parse(&app.get("/guide/pay").body);
    let text = chapter.texts("article p").join(" ");
    assert!(
        text.contains("earned a median $45,930 in May 2025"),
        "{{fig:secretary-2025-median}}: {text}"
    );
    let rows = chapter.texts("table tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Austin-Round Rock-San Marcos, TX")
                && r.contains("$46,510 (1.3% above the US)")),
        "area-pay: {rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Ambulatory Health Care Services")
                && r.contains(LABEL)
                && r.contains("$45,390")),
        "pay-by-industry: {rows:?}"
    );
}

#[test]
fn every_address_the_fixture_lists_answers() {
    let site = four_occupations();
    let app = TestApp::spawn(&site);
    let urls = published_urls(&site);
    assert_eq!(
        urls,
        published_urls(&pay_site()),
        "the new occupation adds no address"
    );
    assert_eq!(unanswered(&app, &urls), Vec::<String>::new());
}
