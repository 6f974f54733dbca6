//! Two places side by side (`vs` and `offer_vs`): the page, JSON, CSV and embed on the pay-site
//! fixture, the nation as the second place, a place without a price level, and hostile values.

use crate::helpers::{Html, TestApp, pay_site};

const AUSTIN_VS_SALT_LAKE: &str =
    "area=0012420&vs=0041620&offer=60000&offer_vs=65000&occupation=technologist";

fn json_of(app: &TestApp, query: &str) -> serde_json::Value {
    let answer = app.get(&format!("/salary.json?{query}"));
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

fn row<'a>(json: &'a serde_json::Value, occupation: &str) -> &'a serde_json::Value {
    json["side_by_side"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["occupation"] == occupation)
        .unwrap_or_else(|| panic!("no {occupation} row in {json}"))
}

#[test]
fn two_areas_side_by_side_in_json_with_our_differences() {
    let app = TestApp::spawn(&pay_site());
    let json = json_of(&app, AUSTIN_VS_SALT_LAKE);
    let canonical = json["query"].as_str().unwrap();
    assert!(
        canonical.starts_with("compare=ladder&area=0012420&occupation=technologist&")
            && canonical.ends_with("&offer=60000&period=year&vs=0041620&offer_vs=65000"),
        "{canonical}"
    );
    assert_eq!(json["area"]["code"], "0012420");
    let versus = &json["versus"];
    assert_eq!(versus["area"]["code"], "0041620");
    assert_eq!(versus["offer"]["amount_cents"], 6_500_000);
    assert!(versus.get("versus").is_none(), "one level deep");
    // Each difference is the second place's median less the first's, from the two reports.
    let technologist = row(&json, "technologist");
    let median_in = |report: &serde_json::Value| {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["occupation"]["id"] == "technologist")
            .unwrap()["median_annual"]["amount_cents"]
            .as_i64()
            .unwrap()
    };
    let (here, there) = (median_in(&json), median_in(versus));
    assert_eq!(technologist["here_median_cents"], here);
    assert_eq!(technologist["there_median_cents"], there);
    assert_eq!(technologist["difference"]["amount_cents"], there - here);
    // Austin's level is BEA's 98.066: its median at national prices is the one `prices` gives.
    let adjusted = |report: &serde_json::Value| {
        report["prices"]["medians"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["occupation"] == "technologist")
            .unwrap()["annual"]
            .as_i64()
            .unwrap()
            * 100
    };
    assert_eq!(
        technologist["here_at_national_prices_cents"],
        adjusted(&json)
    );
    assert_eq!(
        technologist["there_at_national_prices_cents"],
        adjusted(versus)
    );
    assert_eq!(
        technologist["difference_at_national_prices"]["amount_cents"],
        adjusted(versus) - adjusted(&json)
    );
    // Both offers at national prices: each place's own `prices.offer`.
    let offers = &json["offers_compared"];
    assert_eq!(
        offers["here_at_national_prices_cents"],
        json["prices"]["offer"].as_i64().unwrap() * 100
    );
    assert_eq!(
        offers["there_at_national_prices_cents"],
        versus["prices"]["offer"].as_i64().unwrap() * 100
    );
    let summary = offers["summary"].as_str().unwrap();
    assert!(
        summary.contains("At national prices, the offer in"),
        "{summary}"
    );
    let notes = json["notes"].to_string();
    assert!(
        !notes.contains("not a wage index"),
        "the pair's notes are the page's: {notes}"
    );
}

#[test]
fn two_areas_side_by_side_on_the_page_csv_and_embed() {
    let app = TestApp::spawn(&pay_site());
    let page = app.get(&format!("/salary?{AUSTIN_VS_SALT_LAKE}"));
    assert_eq!(page.status, 200);
    let html = Html::parse(&page.body);
    let heading = html.texts("h1").join(" ");
    assert!(
        heading.contains("Austin") && heading.contains("Salt Lake City"),
        "{heading}"
    );
    let title = html.texts("title").join(" ");
    assert!(title.contains("Salt Lake City"), "{title}");
    // The two places' page is its own address, without the offers; one place's stays as it was.
    let canonical = html.attrs("link[rel=canonical]", "href");
    assert_eq!(canonical.len(), 1);
    assert!(
        canonical[0].ends_with("/salary?area=0012420&vs=0041620"),
        "{canonical:?}"
    );
    let captions = html.texts(".comparison caption").join(" | ");
    assert!(captions.contains("in Salt Lake City"), "{captions}");
    let headers = html.texts(".comparison th").join(" | ");
    assert!(headers.contains("At national prices, Austin"), "{headers}");
    let offers = html.texts(".offer-result p").join(" ");
    assert!(offers.contains("Salt Lake City"), "{offers}");
    assert!(
        offers.contains("At national prices, the offer in"),
        "{offers}"
    );
    let notes = html.texts(".notes li").join(" ");
    assert!(notes.contains("not a wage index"), "{notes}");
    // The form keeps both places and both offers, with no script.
    assert_eq!(
        html.attrs("#field-vs option[selected]", "value"),
        ["0041620"]
    );
    assert_eq!(html.attrs("#field-offer_vs", "value"), ["65000"]);
    assert!(!page.body.contains("<script>"));

    let csv = app.get(&format!("/salary.csv?{AUSTIN_VS_SALT_LAKE}")).body;
    assert!(
        csv.lines()
            .any(|l| l.starts_with("occupation,technologist,") && l.contains(",0041620,")),
        "the second place's rows end with its code"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("side_by_side_difference,technologist,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("side_by_side_difference_at_national_prices,technologist,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("side_by_side_offers_at_national_prices,"))
    );

    let embed = Html::parse(
        &app.get(&format!("/embed/salary?{AUSTIN_VS_SALT_LAKE}"))
            .body,
    );
    assert!(embed.texts("h1").join(" ").contains("Salt Lake City"));
    assert!(
        embed
            .texts("caption")
            .join(" ")
            .contains("in Salt Lake City")
    );
    assert!(
        embed
            .texts(".offer-result")
            .join(" ")
            .contains("At national prices, the offer in")
    );
}

#[test]
fn an_area_beside_the_nation_and_a_place_without_a_price_level() {
    let app = TestApp::spawn(&pay_site());
    let json = json_of(&app, "area=0012420&vs=0000000&offer=60000&offer_vs=60000");
    assert_eq!(json["versus"]["area"]["code"], "0000000");
    let technologist = row(&json, "technologist");
    // The nation's level is 100: its amounts are already at national prices.
    assert_eq!(
        technologist["there_at_national_prices_cents"],
        technologist["there_median_cents"].as_i64().unwrap()
    );
    // The same offer buys more in Austin, where prices run below the nation's.
    let summary = json["offers_compared"]["summary"].as_str().unwrap();
    assert!(summary.contains("the offer in Austin"), "{summary}");
    let page = Html::parse(&app.get("/salary?area=0012420&vs=0000000").body);
    let canonical = page.attrs("link[rel=canonical]", "href");
    assert!(
        canonical[0].ends_with("/salary?area=0012420&vs=0000000"),
        "{canonical:?}"
    );
    // The nation as a place reads "the United States", capitalised where it opens a header.
    assert!(
        page.texts("h1")
            .join(" ")
            .ends_with("and the United States"),
        "{:?}",
        page.texts("h1")
    );
    assert!(
        page.texts("th")
            .iter()
            .any(|h| h.starts_with("The United States less Austin"))
    );
    assert!(
        page.texts(".notes li")
            .join(" ")
            .contains("at national prices by definition")
    );

    let json = json_of(&app, "area=5600000&vs=4800000&offer=55000&offer_vs=55000");
    let rows = json["side_by_side"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row["here_at_national_prices_cents"].is_null(), "{row}");
        assert!(row["difference_at_national_prices"].is_null(), "{row}");
    }
    assert!(json["offers_compared"]["here_at_national_prices_cents"].is_null());
    let summary = json["offers_compared"]["summary"].as_str().unwrap();
    assert!(summary.contains("no price level"), "{summary}");
    let page = Html::parse(&app.get("/salary?area=5600000&vs=4800000").body);
    let cells = page.texts(".comparison td").join(" | ");
    assert!(cells.contains("No price level"), "{cells}");
    assert!(!cells.contains("No wages released"), "{cells}");
}

#[test]
fn hostile_second_places_get_400_with_the_form_never_a_5xx_nor_an_echo() {
    let app = TestApp::spawn(&pay_site());
    for (query, field) in [
        ("vs=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "vs"),
        ("vs=9999999", "vs"),
        ("area=0012420&vs=0012420", "vs"),
        ("vs=0000000", "vs"),
        ("area=0012420&vs=0041620&offer_vs=-5", "offer_vs"),
        ("offer_vs=60000", "offer_vs"),
        ("area=0012420&vs=0041620&vs=4800000", "vs"),
        ("compare=settings&vs=4800000", "vs"),
        ("vs=0041620&offer_vs=%3Cb%3E", "offer_vs"),
    ] {
        let page = app.get(&format!("/salary?{query}"));
        assert_eq!(page.status, 400, "{query}");
        assert!(
            !page.body.contains("<script>") && !page.body.contains("<b>"),
            "{query}"
        );
        let html = Html::parse(&page.body);
        assert_eq!(
            html.select("form.salary-form").len(),
            1,
            "{query}: the form"
        );
        assert_eq!(
            html.attrs(".error-summary a", "href"),
            [format!("#field-{field}")],
            "{query}"
        );
        for route in ["/salary.json", "/salary.csv", "/embed/salary"] {
            let answer = app.get(&format!("{route}?{query}"));
            assert_eq!(answer.status, 400, "{route}?{query}");
            assert!(!answer.body.contains("<script>"), "{route}?{query}");
        }
    }
    // The same place twice is said plainly.
    let page = Html::parse(&app.get("/salary?area=0012420&vs=0012420").body);
    assert!(
        page.texts(".error-summary li")
            .join(" ")
            .contains("two different places")
    );
}
