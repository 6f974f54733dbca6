//! Pay where you live over real HTTP: `/pay` with its maps, table and search, and the area pages
//! with their BLS series, footnotes and reliability notes, on the pay-site fixture (real May 2025
//! rows, so figures can be named); and one test of the shipped guide's shape, which names none.

use crate::helpers::{Html, TestApp, pay_site, repo_dir};

#[test]
fn the_index_lists_every_area_with_a_map_per_occupation_and_a_table() {
    let app = TestApp::spawn(&pay_site());
    let answer = app.get("/pay");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let mut areas = html.attrs(".area-list a", "href");
    areas.sort();
    areas.dedup();
    assert_eq!(areas.len(), 13, "every state and area, once");
    assert!(areas.iter().all(|href| href.starts_with("/pay/")));
    let maps = html.select("figure.tile-map svg");
    assert_eq!(maps.len(), 3, "one map per occupation");
    for map in maps {
        let squares = map.select(&scraper::Selector::parse("a").unwrap()).count();
        assert_eq!(squares, 7, "one linked square per state of the fixture");
    }
    assert_eq!(html.select("#state-table tbody tr").len(), 7);
    let texas = html
        .select("#state-table tbody tr")
        .into_iter()
        .find(|row| row.text().any(|t| t == "Texas"))
        .unwrap();
    let cells: Vec<String> = texas.text().map(str::to_string).collect();
    assert!(cells.contains(&"$48,860".to_string()), "{cells:?}");
    assert_eq!(html.attrs("input#q", "value"), [""]);
}

#[test]
fn search_forgives_case_and_punctuation_and_says_when_nothing_matches() {
    let app = TestApp::spawn(&pay_site());
    for query in ["austin", "AUSTIN%2C", "+round+rock", "aust"] {
        let answer = app.get(&format!("/pay?q={query}"));
        assert_eq!(answer.status, 200, "{query}");
        let html = Html::parse(&answer.body);
        assert_eq!(
            html.attrs(".search-results a", "href"),
            ["/pay/austin-round-rock-san-marcos-tx"],
            "{query}"
        );
        assert!(html.texts(".search-results h2")[0].starts_with("1 area matches"));
    }
    let answer = app.get("/pay?q=atlantis");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    assert_eq!(
        html.texts(".search-results h2"),
        ["No area matches “atlantis”"]
    );
    assert!(html.texts(".search-results p")[0].contains("Try a city's name"));
    assert_eq!(
        html.attrs("input#q", "value"),
        ["atlantis"],
        "the box keeps what was typed"
    );
    // An empty search is the index itself.
    assert_eq!(app.get("/pay?q=").body, app.get("/pay").body);
}

#[test]
fn a_search_that_cannot_be_answered_gets_a_400_that_keeps_what_was_typed() {
    let app = TestApp::spawn(&pay_site());
    let long = "a".repeat(101);
    for (target, kept) in [
        ("/pay?q=austin&q=dallas".to_string(), "austin".to_string()),
        (format!("/pay?q={long}"), long.clone()),
        ("/pay?q=%ff".to_string(), String::new()),
    ] {
        let answer = app.get(&target);
        assert_eq!(answer.status, 400, "{target}");
        assert_eq!(answer.content_type, "text/html; charset=utf-8");
        let html = Html::parse(&answer.body);
        assert_eq!(html.select("[role=alert]").len(), 1, "{target}");
        assert_eq!(html.attrs("input#q", "value"), [kept], "{target}");
        assert_eq!(html.attrs("input#q", "aria-invalid"), ["true"]);
    }
    let answer = app.get("/pay?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(answer.status, 200);
    assert!(!answer.body.contains("<script>alert"), "markup is escaped");
}

#[test]
fn an_area_page_sets_each_figure_against_the_nation_and_links_its_series() {
    let app = TestApp::spawn(&pay_site());
    let answer = app.get("/pay/austin-round-rock-san-marcos-tx");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let title = html.texts("title").remove(0);
    assert!(
        title.contains("technician") && title.contains("Austin"),
        "{title}"
    );
    assert_eq!(
        html.texts("h1"),
        ["Health information pay in Austin-Round Rock-San Marcos, TX"]
    );
    assert!(
        html.attrs("article a", "href")
            .contains(&"/pay/texas".to_string())
    );
    // Three occupations, each with a jobs table and a pay table of six statistics.
    assert_eq!(html.select(".data-table table").len(), 6);
    let series = html.attrs("a[href^='https://data.bls.gov/timeseries/']", "href");
    assert!(
        series.contains(&"https://data.bls.gov/timeseries/OEUM001242000000029207213".to_string())
    );
    assert!(
        series.contains(&"https://data.bls.gov/timeseries/OEUN000000000000029207213".to_string()),
        "the national figure beside it"
    );
    let rows = html.texts("#technologist ~ div tbody tr, section tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("$48,990") && r.contains("$2,150 (4.2%) below")),
        "{rows:?}"
    );
    assert!(html.texts(".reliability")[0].contains("12.2%"));
    assert!(
        html.attrs("a[href^='/salary?']", "href")
            .contains(&"/salary?occupation=technologist&area=0012420".to_string()),
        "each occupation links to the offer check for the area"
    );
}

#[test]
fn what_bls_did_not_release_says_so_with_its_footnote() {
    let app = TestApp::spawn(&pay_site());
    let html = Html::parse(&app.get("/pay/salt-lake-city-murray-ut").body);
    // Health information technologists (29-9021): wages released, employment not.
    let technologists = html
        .select("section")
        .into_iter()
        .find(|s| s.value().attr("aria-labelledby") == Some("technologist"))
        .expect("the technologists' section");
    let text: String = technologists.text().collect();
    assert!(text.contains("Not released"), "{text}");
    assert!(html.attrs("a[href='#bls-note-8']", "href").len() >= 2);
    assert_eq!(html.texts("dt#bls-note-8"), ["Footnote 8"]);
    assert_eq!(html.texts("dt#bls-note-8 + dd"), ["Estimate not released."]);
}

#[test]
fn a_state_page_ranks_its_areas_by_median() {
    let app = TestApp::spawn(&pay_site());
    let html = Html::parse(&app.get("/pay/texas").body);
    let ranking = &html.select("#areas ~ .ranking-grid table")[0];
    let rows: Vec<String> = ranking
        .select(&scraper::Selector::parse("tbody tr").unwrap())
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(rows.len(), 2, "Texas's areas: {rows:?}");
    assert!(rows[0].ends_with("|1"), "{rows:?}");
    let medians: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.split('|').find(|c| c.starts_with('$')))
        .map(|m| m.trim_start_matches('$').replace(',', "").parse().unwrap())
        .collect();
    assert!(medians.windows(2).all(|w| w[0] >= w[1]), "{medians:?}");
    // Specialists' medians: Austin $48,990, Hill Country Region $42,790.
    assert!(
        rows[0].starts_with("Austin-Round Rock-San Marcos, TX|"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Hill Country Region of Texas nonmetropolitan area|"),
        "{rows:?}"
    );
}

/// The rows of the pay table of the occupation whose section is labelled `id`, cells joined by `|`.
fn pay_rows(html: &Html, id: &str) -> Vec<String> {
    let section = html
        .select("section")
        .into_iter()
        .find(|s| s.value().attr("aria-labelledby") == Some(id))
        .unwrap_or_else(|| panic!("a section for {id}"));
    section
        .select(&scraper::Selector::parse("tbody tr").unwrap())
        .map(|r| {
            r.text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn equal_neighbouring_percentiles_are_shown_as_published() {
    let app = TestApp::spawn(&pay_site());
    // BLS OEWS May 2025, Wyoming, technologists (29-9021): 75th and 90th percentiles both $106,240.
    let answer = app.get("/pay/wyoming");
    assert_eq!(answer.status, 200);
    let rows = pay_rows(&Html::parse(&answer.body), "technologist");
    let row = |label: &str| {
        rows.iter()
            .find(|r| r.starts_with(label))
            .unwrap_or_else(|| panic!("{label}: {rows:?}"))
            .clone()
    };
    assert!(row("75th").contains("$106,240"), "{rows:?}");
    assert!(row("90th").contains("$106,240"), "{rows:?}");
    // Hill Country Region of Texas nonmetropolitan area: 10th, 25th and median all $49,520.
    let answer = app.get("/pay/hill-country-region-of-texas-nonmetropolitan-area");
    assert_eq!(answer.status, 200);
    let rows = pay_rows(&Html::parse(&answer.body), "technologist");
    assert_eq!(
        rows.iter().filter(|r| r.contains("$49,520")).count(),
        3,
        "{rows:?}"
    );
}

/// Whether `text` is a dollar amount as the pages write one: `$48,990` or `$23.55`.
fn is_dollars(text: &str) -> bool {
    let Some(amount) = text.strip_prefix('$') else {
        return false;
    };
    let (whole, cents) = amount.split_once('.').unwrap_or((amount, "00"));
    let groups: Vec<&str> = whole.split(',').collect();
    cents.len() == 2
        && cents.bytes().all(|b| b.is_ascii_digit())
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn the_shipped_pay_pages_answer_with_dollar_figures_whatever_the_release() {
    // Shape, not values: this holds for any release the import writes into content/oews/.
    let app = TestApp::spawn(&repo_dir());
    let answer = app.get("/pay");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let states = html.select("#state-table tbody tr");
    assert!(!states.is_empty(), "/pay lists at least one state");
    let medians: Vec<String> = html
        .texts("#state-table tbody td")
        .into_iter()
        .filter(|t| t.starts_with('$'))
        // A flagged median carries its flag after the amount: "$93,300 (imprecise)".
        .filter_map(|t| t.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(!medians.is_empty(), "the state table shows medians");
    for median in &medians {
        assert!(is_dollars(median), "{median:?} is not an amount in dollars");
    }
    let mut areas = html.attrs(".area-list a", "href");
    areas.sort();
    areas.dedup();
    assert!(areas.len() >= states.len(), "{areas:?}");
    for area in &areas {
        let answer = app.get(area);
        assert_eq!(answer.status, 200, "{area}");
        let page = Html::parse(&answer.body);
        assert_eq!(page.select("h1").len(), 1, "{area}");
        let amounts: Vec<String> = page
            .texts(".data-table td")
            .iter()
            .flat_map(|cell| {
                cell.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|word| word.starts_with('$'))
            .map(|word| word.trim_end_matches([',', ')', ';']).to_string())
            .collect();
        assert!(!amounts.is_empty(), "{area} shows no figure");
        for amount in &amounts {
            assert!(
                is_dollars(amount),
                "{area}: {amount:?} is not an amount in dollars"
            );
        }
    }
}

#[test]
fn every_anchor_the_link_check_accepts_on_pay_pages_is_an_id_the_page_has() {
    let site = him_guide::site::Site::load(&pay_site()).unwrap_or_else(|p| panic!("{p}"));
    let app = TestApp::spawn(&pay_site());
    let anchors = |url: &str| {
        him_guide::pay::page_anchors(&site.areas, &site.salary.occupations, true, url)
            .unwrap_or_else(|| panic!("{url} is a page of the directory"))
    };
    // The index, a state (with its ranked areas), a metropolitan and a nonmetropolitan area.
    for url in [
        "/pay",
        "/pay/texas",
        "/pay/austin-round-rock-san-marcos-tx",
        "/pay/hill-country-region-of-texas-nonmetropolitan-area",
    ] {
        let html = Html::parse(&app.get(url).body);
        for id in anchors(url) {
            assert_eq!(html.select(&format!("[id='{id}']")).len(), 1, "{url}#{id}");
        }
    }
    assert!(anchors("/pay/texas").contains(&"areas".to_string()));
    assert!(anchors("/pay/texas").contains(&"prices".to_string()));
    for other in [
        "/pay/atlantis",
        "/pay/national",
        "/guide/salary",
        "/payroll",
    ] {
        let found =
            him_guide::pay::page_anchors(&site.areas, &site.salary.occupations, true, other);
        assert_eq!(found, None, "{other}");
    }
}
