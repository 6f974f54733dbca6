//! The salary comparison in a BLS area, over real HTTP on the pay-site fixture (real May 2025 rows,
//! so its figures can be named): the page, the embed, JSON and CSV, the area list of the form, the
//! gaps BLS left, and bad area codes.

use crate::helpers::{Html, TestApp, pay_site};

fn app() -> TestApp {
    TestApp::spawn(&pay_site())
}

const AUSTIN_OFFER: &str = "area=0012420&occupation=technologist&offer=24.50&period=hour";

#[test]
fn compares_pay_in_austin_with_its_series_and_places_the_offer_there() {
    let app = app();
    let answer = app.get(&format!("/salary?{AUSTIN_OFFER}"));
    assert_eq!(answer.status, 200);
    assert!(!answer.body.contains("@@"), "no marker left in the page");
    let html = Html::parse(&answer.body);
    assert_eq!(
        html.texts("h1"),
        ["Compare HIM pay in Austin-Round Rock-San Marcos, TX"]
    );
    assert_eq!(
        html.texts("nav.breadcrumbs [aria-current=page]"),
        ["Compare HIM pay in Austin-Round Rock-San Marcos, TX"]
    );
    assert_eq!(
        html.texts("head title"),
        ["Compare HIM pay in Austin-Round Rock-San Marcos, TX | HIM Career Guide"]
    );
    assert_eq!(
        html.attrs("link[rel=canonical]", "href"),
        ["https://guide.example.org/salary?area=0012420"]
    );
    // BLS OEWS May 2025, Austin: technologists' (29-9021) annual median OEUM001242000000029902113.
    let technologists = html.texts(".comparison tbody tr:nth-child(2) td");
    assert!(technologists[0].starts_with("$79,510"), "{technologists:?}");
    // BEA 2024, Austin-Round Rock-San Marcos: 98.066; $79,510 × 100 / 98.066 = $81,078.
    assert!(technologists[1].starts_with("$81,100"), "{technologists:?}");
    assert!(technologists[2].starts_with("$38.23"), "{technologists:?}");
    let series = html.texts(".footnotes a.series");
    for prefix in ["OEUM001242000000029902", "OEUM001242000000029207"] {
        assert!(
            series.iter().any(|s| s.starts_with(prefix)),
            "{prefix}: {series:?}"
        );
    }
    assert!(
        series.iter().all(|s| s.starts_with("OEUM0012420")),
        "every figure is Austin's: {series:?}"
    );
    assert!(
        html.attrs(".footnotes a.series", "href")
            .iter()
            .all(|h| h.starts_with("https://data.bls.gov/timeseries/OEUM0012420"))
    );
    let offer = html.texts(".offer-result p").join(" ");
    assert!(
        offer.contains(
            "in Austin-Round Rock-San Marcos, TX (OEWS May 2025), that is about the 13th percentile"
        ),
        "{offer}"
    );
    let links = [
        html.attrs(".share a[href^='/salary']", "href"),
        vec![html.texts("#embed-code").join("")],
    ]
    .concat();
    assert!(links.len() >= 4);
    for link in &links {
        assert!(link.contains("area=0012420"), "{link}");
    }
    assert!(links[3].contains("title=\"HIM pay comparison: Austin-Round Rock-San Marcos, TX\""));
}

#[test]
fn the_form_lists_states_then_the_chosen_states_areas_without_a_script() {
    let app = app();
    let national = Html::parse(&app.get("/salary").body);
    let options = national.attrs("#field-area option", "value");
    assert_eq!(
        options.len(),
        8,
        "the nation and the fixture's seven states"
    );
    assert_eq!(
        national.attrs("#field-area option[selected]", "value"),
        ["0000000"]
    );
    assert!(national.select("#field-area optgroup").is_empty());
    assert_eq!(
        national.select("[name=area]").len(),
        1,
        "one area parameter"
    );

    let texas = Html::parse(&app.get("/salary?area=4800000").body);
    assert_eq!(
        texas.attrs("#field-area option[selected]", "value"),
        ["4800000"]
    );
    let group = texas.attrs("#field-area optgroup", "label");
    assert_eq!(group, ["Metropolitan and nonmetropolitan areas in Texas"]);
    let areas = texas.attrs("#field-area optgroup option", "value");
    assert!(areas.contains(&"0012420".to_string()), "{areas:?}");

    let austin = Html::parse(&app.get(&format!("/salary?{AUSTIN_OFFER}")).body);
    assert_eq!(
        austin.attrs("#field-area option[selected]", "value"),
        ["0012420"]
    );
    assert_eq!(austin.select("#field-area optgroup").len(), 1);
    assert_eq!(austin.select("[name=area]").len(), 1);
}

#[test]
fn json_and_csv_carry_the_area_and_every_figures_series() {
    let app = app();
    let answer = app.get(&format!("/salary.json?{AUSTIN_OFFER}"));
    assert_eq!(answer.status, 200);
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(json["area"]["code"], "0012420");
    assert_eq!(json["area"]["name"], "Austin-Round Rock-San Marcos, TX");
    assert_eq!(json["area"]["type"], "metro");
    assert!(json["query"].as_str().unwrap().contains("&area=0012420&"));
    let technologists = &json["rows"][1];
    assert_eq!(technologists["occupation"]["id"], "technologist");
    assert_eq!(technologists["median"]["amount_cents"], 7_951_000);
    assert_eq!(
        technologists["median"]["series_id"],
        "OEUM001242000000029902113"
    );
    assert_eq!(
        technologists["median"]["series_url"],
        "https://data.bls.gov/timeseries/OEUM001242000000029902113"
    );
    assert_eq!(json["offer"]["estimate"], "placed");
    assert_eq!(
        json["offer"]["median"]["series_id"],
        "OEUM001242000000029902113"
    );
    assert!(json.get("not_published").is_none());

    let csv = app.get(&format!("/salary.csv?{AUSTIN_OFFER}"));
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(lines[0].ends_with(",series_id,area_code,area_name"));
    let figures: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("occupation,"))
        .collect();
    assert!(!figures.is_empty());
    for line in &figures {
        assert!(
            line.ends_with(",0012420,\"Austin-Round Rock-San Marcos, TX\""),
            "{line}"
        );
        assert!(line.contains(",OEUM0012420000000"), "{line}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("occupation,technologist,29-9021,")
                && l.contains(",OEUM001242000000029902113,"))
    );
}

#[test]
fn an_area_without_specialists_wages_says_so_and_links_to_the_state_and_the_nation() {
    let app = app();
    // BLS published no May 2025 estimates for 29-2072 in Lafayette-West Lafayette, IN.
    let query = "area=0029200&occupation=specialist&offer=40000";
    let answer = app.get(&format!("/salary?{query}"));
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let gap = html.texts(".not-published p").join(" ");
    assert!(
        gap.contains("Medical records specialists: BLS published no wage estimates for this occupation in Lafayette-West Lafayette, IN."),
        "{gap}"
    );
    let links = html.attrs(".not-published a", "href");
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links[0].contains("area=1800000"), "Indiana: {links:?}");
    assert!(!links[1].contains("area="), "the nation: {links:?}");
    let offer = html.texts(".offer-result p").join(" ");
    assert!(
        offer.starts_with("We do not check this offer in Lafayette-West Lafayette, IN"),
        "{offer}"
    );
    assert!(!offer.contains("percentile"), "{offer}");
    let offer_links = html.attrs(".offer-result a", "href");
    assert!(offer_links[0].contains("area=1800000") && offer_links[0].contains("offer=40000"));
    let rows = html.texts(".comparison tbody th[scope=row]");
    assert!(
        !rows.iter().any(|r| r.starts_with("Medical records")),
        "{rows:?}"
    );
    assert!(
        html.texts(".comparison tbody td")
            .contains(&"Not available: no baseline pay in this area".to_string())
    );

    let json: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/salary.json?{query}")).body).unwrap();
    assert_eq!(json["offer"], serde_json::Value::Null);
    assert_eq!(json["offer_not_checked"]["occupation"]["id"], "specialist");
    assert_eq!(json["not_published"][0]["reason"], "no_series");
    assert_eq!(json["not_published"][0]["state"]["code"], "1800000");
    let csv = app.get(&format!("/salary.csv?{query}")).body;
    assert!(
        csv.lines()
            .any(|l| l.starts_with("not_published,specialist,29-2072,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("offer,specialist,") && l.contains("We do not check"))
    );

    let embed = Html::parse(&app.get(&format!("/embed/salary?{query}")).body);
    assert_eq!(
        embed.texts("h1"),
        ["Health information pay in Lafayette-West Lafayette, IN, compared"]
    );
    assert!(
        embed
            .attrs("a[target=_top]", "href")
            .iter()
            .any(|h| h.starts_with("https://guide.example.org/salary?")
                && h.contains("area=1800000"))
    );
}

#[test]
fn a_median_bls_did_not_release_is_named_with_its_footnote() {
    let app = app();
    // Elmira, NY: 29-2072 is listed with employment, every wage `-` with footnote 8.
    let html = Html::parse(&app.get("/salary?area=0021300&occupation=specialist").body);
    let gap = html.texts(".not-published p").join(" ");
    assert!(
        gap.contains("Medical records specialists: BLS did not release wage estimates for this occupation in Elmira, NY (BLS footnote 8: estimate not released)."),
        "{gap}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/salary.json?area=0021300").body).unwrap();
    let first = &json["not_published"][0];
    assert_eq!(
        (
            &first["occupation"]["id"],
            &first["reason"],
            &first["footnote"]
        ),
        (
            &serde_json::json!("specialist"),
            &serde_json::json!("not_released"),
            &serde_json::json!("8")
        )
    );
    assert_eq!(first["state"]["name"], "New York");
}

#[test]
fn settings_in_an_area_say_that_industries_are_national() {
    let app = app();
    let html = Html::parse(
        &app.get("/salary?compare=settings&occupation=manager&area=4800000")
            .body,
    );
    let notes = html.texts(".notes li").join(" ");
    assert!(
        notes.contains("BLS publishes it by industry only nationally, not for Texas"),
        "{notes}"
    );
    let series = html.texts(".footnotes a.series");
    assert!(series.iter().all(|s| s.starts_with("OEUN")), "{series:?}");
}

#[test]
fn bad_areas_are_a_clear_400_in_each_format() {
    let app = app();
    for (query, message) in [
        ("area=12420", "seven-digit area code"),
        ("area=9999999", "no BLS area with that code"),
        ("area=0012420&area=4800000", "more than once"),
        ("area=%30012420x", "seven-digit area code"),
    ] {
        let page = app.get(&format!("/salary?{query}"));
        assert_eq!(page.status, 400, "{query}");
        let html = Html::parse(&page.body);
        let error = html.texts("#area-error").join("");
        assert!(error.contains(message), "{query}: {error}");
        assert_eq!(html.select("#field-area").len(), 1, "the form again");
        let (json, csv, embed) = (
            app.get(&format!("/salary.json?{query}")),
            app.get(&format!("/salary.csv?{query}")),
            app.get(&format!("/embed/salary?{query}")),
        );
        assert_eq!(
            (json.status, csv.status, embed.status),
            (400, 400, 400),
            "{query}"
        );
        let json: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(json["errors"][0]["field"], "area", "{query}");
        assert!(
            csv.body.lines().nth(1).unwrap().starts_with("area,"),
            "{query}"
        );
        assert!(embed.body.contains(message), "{query}");
    }
    let national = app.get("/salary?area=0000000");
    assert_eq!(national.status, 200);
    assert_eq!(
        Html::parse(&national.body).attrs("link[rel=canonical]", "href"),
        ["https://guide.example.org/salary"]
    );
}

#[test]
fn wages_bls_estimated_imprecisely_are_flagged_where_they_are_shown() {
    let app = app();
    // BLS OEWS May 2025, District of Columbia, specialists (29-2072): wage RSE 11.5%
    // (OEUS110000000000029207205), above the guide's 10% line; technologists' is 1.8%.
    let flagged = |query: &str| -> Vec<String> {
        let answer = app.get(&format!("/salary.json?{query}"));
        assert_eq!(answer.status, 200, "{query}");
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        json["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.as_str().filter(|n| n.starts_with("Imprecise")))
            .map(String::from)
            .collect()
    };
    let ladder = flagged("area=1100000");
    assert_eq!(ladder.len(), 1, "{ladder:?}");
    assert!(
        ladder[0].contains("medical records specialists in District of Columbia at 11.5%"),
        "{ladder:?}"
    );
    let settings =
        flagged("area=1100000&compare=settings&occupation=technologist&offer=30&period=hour");
    assert!(
        settings.is_empty(),
        "specialists are not shown: {settings:?}"
    );
    let offer = flagged("area=1100000&compare=settings&occupation=specialist&offer=30&period=hour");
    assert_eq!(
        offer.len(),
        1,
        "the offer is checked against specialists: {offer:?}"
    );
    assert!(
        flagged("area=4800000").is_empty(),
        "Texas's wages are precise"
    );
    let page = app.get("/salary?area=1100000");
    assert!(
        page.body
            .contains("above the 10.0% at which this guide flags wages")
    );
}
