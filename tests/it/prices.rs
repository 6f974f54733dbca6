//! BEA's price levels: the import from BEA's files (a trimmed copy in `tests/fixtures/bea-rpp/`),
//! the extract the pay-site fixture ships, the start-up checks, and what area pages say with them.

use him_guide::oews::Extract;
use him_guide::prices::{ImportOptions, Measure, PriceLevel, import, load};
use him_guide::site::Site;

use crate::helpers::{Html, TestApp, copy_dir, fixture, pay_site, scratch};

#[test]
fn importing_the_fixture_files_writes_the_extract_the_pay_site_ships() {
    let shipped = load(&pay_site())
        .unwrap()
        .expect("the pay site has price levels");
    let extract = Extract::load(&pay_site()).unwrap_or_else(|p| panic!("{p:#?}"));
    let options = ImportOptions {
        areas: &extract.areas,
        oews_release: extract.release.name.clone(),
        year: None,
        retrieved: shipped.release.retrieved,
        url: shipped.release.url.clone(),
        command: shipped.release.command.clone(),
    };
    let imported = import(&fixture("bea-rpp"), &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported, shipped,
        "import tests/fixtures/bea-rpp again (its README gives the command)"
    );
    // BEA's note dates the release; the newest year is read.
    assert_eq!(shipped.release.year, 2024);
    assert_eq!(shipped.release.published.iso(), "2026-02-19");
    // Each kind of area finds its measure; Wyoming has no all-items line, so no level.
    let measure = |code: &str| {
        let code = him_guide::oews::AreaCode::parse(code).unwrap();
        shipped.parity(code).map(|p| (p.measure, p.level))
    };
    assert_eq!(
        measure("0000000"),
        Some((Measure::Nation, PriceLevel::NATIONAL))
    );
    assert_eq!(
        measure("4800000"),
        Some((Measure::State, PriceLevel(97_057)))
    );
    assert_eq!(
        measure("0012420"),
        Some((Measure::Metro, PriceLevel(98_066)))
    );
    assert_eq!(
        measure("4800004"),
        Some((Measure::StateNonmetro, PriceLevel(87_835)))
    );
    assert_eq!(measure("5600000"), None);
}

#[test]
fn another_year_or_a_missing_table_is_refused() {
    let extract = Extract::load(&pay_site()).unwrap_or_else(|p| panic!("{p:#?}"));
    let options = |year| ImportOptions {
        areas: &extract.areas,
        oews_release: extract.release.name.clone(),
        year,
        retrieved: him_guide::oews::codes::parse_date("2026-12-04").unwrap(),
        url: String::new(),
        command: String::new(),
    };
    let older = import(&fixture("bea-rpp"), &options(Some(2023))).unwrap();
    assert_eq!(older.release.year, 2023);
    let error = import(&fixture("bea-rpp"), &options(Some(2031))).unwrap_err();
    assert!(error.to_string().contains("`2031`"), "{error}");
    let dir = scratch("prices-missing-table");
    for name in ["SARPP_STATE_2008_2024.csv", "MARPP_MSA_2008_2024.csv"] {
        std::fs::copy(fixture("bea-rpp").join(name), dir.join(name)).unwrap();
    }
    let error = import(&dir, &options(None)).unwrap_err();
    assert!(error.to_string().contains("PARPP"), "{error}");
}

/// The pay site with `change` made to its price extract's file `name`.
fn pay_site_with(test: &str, name: &str, change: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = scratch(test);
    copy_dir(&pay_site(), &dir);
    let path = dir.join("content/prices").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, change(text)).unwrap();
    dir
}

#[test]
fn price_levels_matched_to_another_release_or_without_their_source_stop_start_up() {
    let site = pay_site_with("prices-release", "release.toml", |text| {
        text.replace("oews_release = \"May 2025\"", "oews_release = \"May 2024\"")
    });
    let problems = Site::load(&site).unwrap_err().to_string();
    assert!(
        problems.contains("content/prices/release.toml"),
        "{problems}"
    );
    assert!(problems.contains("OEWS May 2024"), "{problems}");
    assert!(
        problems.contains("import the price levels again"),
        "{problems}"
    );

    let site = pay_site_with("prices-missing-area", "parities.tsv", |text| {
        text.lines()
            .filter(|line| !line.starts_with("4900000"))
            .map(|line| format!("{line}\n"))
            .collect()
    });
    let problems = Site::load(&site).unwrap_err().to_string();
    assert!(
        problems.contains("no row for the OEWS area 4900000 (Utah)"),
        "{problems}"
    );

    let site = pay_site_with("prices-bad-cell", "parities.tsv", |text| {
        text.replace("97.057", "97,057")
    });
    let problems = Site::load(&site).unwrap_err().to_string();
    assert!(
        problems.contains("content/prices/parities.tsv:8"),
        "{problems}"
    );
    assert!(problems.contains("`97,057`"), "{problems}");

    let site = scratch("prices-no-source");
    copy_dir(&pay_site(), &site);
    let sources = site.join("content/sources.toml");
    let text = std::fs::read_to_string(&sources).unwrap();
    let cut = text.find("[[source]]\nid = \"bea-rpp-2024\"").unwrap();
    std::fs::write(&sources, &text[..cut]).unwrap();
    let problems = Site::load(&site).unwrap_err().to_string();
    assert!(problems.contains("no source `bea-rpp-2024`"), "{problems}");
}

#[test]
fn area_pages_say_what_the_pay_buys_and_where_no_level_exists() {
    let app = TestApp::spawn(&pay_site());
    let austin = Html::parse(&app.get("/pay/austin-round-rock-san-marcos-tx").body);
    let section = austin.texts("#prices ~ p").join(" ");
    assert!(section.contains("98.1"), "{section}");
    assert!(
        section.contains("1.9% below the national average"),
        "{section}"
    );
    assert!(section.contains("rounded to the nearest $100"), "{section}");
    assert_eq!(
        austin
            .attrs("a[href='/sources#bea-rpp-2024']", "href")
            .len(),
        1
    );
    // Specialists in Austin: BLS's median $48,990 at a price level of 98.066 is $49,956, shown
    // to the nearest $100, and set against the nation's $51,140.
    let rows = austin.texts("#specialist ~ div tr");
    let adjusted = rows
        .iter()
        .find(|row| row.contains("Median at national prices"))
        .expect("the specialists' table has the adjusted median");
    assert!(adjusted.contains("$50,000"), "{adjusted}");
    assert!(adjusted.contains("$1,140 (2.2%) below"), "{adjusted}");

    let nonmetro = Html::parse(
        &app.get("/pay/hill-country-region-of-texas-nonmetropolitan-area")
            .body,
    );
    let section = nonmetro.texts("#prices ~ p").join(" ");
    assert!(
        section.contains("no price level for this area itself"),
        "{section}"
    );
    assert!(
        section.contains("the part of Texas outside its metropolitan areas"),
        "{section}"
    );
    assert!(section.contains("87.8"), "{section}");

    let wyoming = Html::parse(&app.get("/pay/wyoming").body);
    let section = wyoming.texts("#prices ~ p").join(" ");
    assert!(section.contains("no price level for Wyoming"), "{section}");
    assert!(
        !wyoming
            .texts("tr")
            .iter()
            .any(|r| r.contains("national prices")),
        "no adjusted row without a level"
    );
}

#[test]
fn a_site_without_price_levels_shows_no_section_on_prices() {
    let site = scratch("prices-none");
    copy_dir(&pay_site(), &site);
    std::fs::remove_dir_all(site.join("content/prices")).unwrap();
    let app = TestApp::spawn(&site);
    let texas = Html::parse(&app.get("/pay/texas").body);
    assert!(texas.select("#prices").is_empty());
    assert!(
        !texas
            .texts("tr")
            .iter()
            .any(|r| r.contains("national prices"))
    );
}

#[test]
fn the_comparison_in_an_area_sets_its_medians_and_the_offer_at_national_prices() {
    let app = TestApp::spawn(&pay_site());
    // Austin, technologists: BEA 2024 98.066; BLS's median $79,510 is $81,078 at national
    // prices, an offer of $70,000 is $71,381: each to the nearest $100.
    let query = "area=0012420&occupation=technologist&offer=70000";
    let json: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/salary.json?{query}")).body).unwrap();
    let prices = &json["prices"];
    assert_eq!(prices["level"], "98.066");
    assert_eq!(prices["year"], 2024);
    assert_eq!(prices["measure"], "metro");
    assert_eq!(prices["source"], "bea-rpp-2024");
    assert_eq!(prices["offer"], 71_400);
    assert_eq!(prices["offer_median"], 81_100);
    let technologist = prices["medians"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["occupation"] == "technologist")
        .unwrap();
    assert_eq!(technologist["annual"], 81_100);
    assert!(
        json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "bea-rpp-2024")
    );

    let csv = app.get(&format!("/salary.csv?{query}")).body;
    let offer = csv
        .lines()
        .find(|line| line.starts_with("offer_at_national_prices,technologist,"))
        .expect("a CSV row for the offer at national prices");
    assert!(offer.contains(",7140000,"), "{offer}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("price_level,") && l.contains(",98.066,2024,"))
    );

    let page = Html::parse(&app.get(&format!("/salary?{query}")).body);
    let result = page.texts(".offer-result p").join(" ");
    assert!(result.contains("$71,400"), "{result}");
    assert!(
        page.texts(".comparison th")
            .iter()
            .any(|h| h == "Yearly median at national prices")
    );
    let notes = page.texts(".notes li, .comparison ~ * li").join(" ");
    assert!(notes.contains("98.1"), "{notes}");

    // The nation has nothing to adjust; Wyoming has no level, and the comparison says so.
    let national: serde_json::Value =
        serde_json::from_str(&app.get("/salary.json?occupation=technologist").body).unwrap();
    assert!(national.get("prices").is_none());
    let wyoming: serde_json::Value =
        serde_json::from_str(&app.get("/salary.json?area=5600000").body).unwrap();
    assert!(wyoming.get("prices").is_none());
    let said = wyoming["notes"].to_string();
    assert!(said.contains("no price level for Wyoming"), "{said}");
}

#[test]
fn pay_offers_its_maps_and_table_of_states_at_national_prices() {
    let app = TestApp::spawn(&pay_site());
    let as_paid = Html::parse(&app.get("/pay").body);
    assert_eq!(
        as_paid.attrs(".view-switch a", "href"),
        ["/pay?prices=national"]
    );
    let national = app.get("/pay?prices=national");
    assert_eq!(national.status, 200);
    let page = Html::parse(&national.body);
    assert_eq!(page.attrs(".view-switch a", "href"), ["/pay"]);
    let rows = page.texts("#state-table tbody tr");
    // Texas: BEA 2024 97.057; the technologists' median is set at national prices, with the
    // level in the first column. Wyoming has no level in the fixture.
    let texas = rows.iter().find(|r| r.starts_with("Texas")).unwrap();
    assert!(texas.contains("97.1"), "{texas}");
    let wyoming = rows.iter().find(|r| r.starts_with("Wyoming")).unwrap();
    assert!(wyoming.contains("No price level"), "{wyoming}");
    assert!(
        page.attrs("svg a", "aria-label")
            .iter()
            .any(|label| label == "Wyoming, WY: no price level")
    );
    // Each figure at national prices is ours: no BLS series link in Texas's cells, which link
    // their series as paid.
    let texas_row = |html: &Html| {
        html.select("#state-table tbody tr")
            .into_iter()
            .find(|row| row.text().collect::<String>().starts_with("Texas"))
            .unwrap()
            .html()
    };
    assert!(!texas_row(&page).contains("data.bls.gov"));
    assert!(texas_row(&as_paid).contains("data.bls.gov"));
    // The search keeps the view; a view the page does not have is a 400 with the page.
    let search = Html::parse(&app.get("/pay?prices=national&q=austin").body);
    assert_eq!(search.attrs("input[name=prices]", "value"), ["national"]);
    for bad in [
        "prices=real",
        "prices=%3Cscript%3E",
        "prices=national&prices=paid",
    ] {
        let answer = app.get(&format!("/pay?{bad}"));
        assert_eq!(answer.status, 400, "{bad}");
        assert!(!answer.body.contains("<script>"), "{bad}");
        assert!(
            answer.body.contains("view of the page that does not exist"),
            "{bad}"
        );
    }
}

#[test]
fn pay_without_price_levels_has_no_view_at_national_prices() {
    let site = scratch("prices-none-index");
    copy_dir(&pay_site(), &site);
    std::fs::remove_dir_all(site.join("content/prices")).unwrap();
    let app = TestApp::spawn(&site);
    assert!(
        Html::parse(&app.get("/pay").body)
            .select(".view-switch")
            .is_empty()
    );
    assert_eq!(app.get("/pay?prices=national").status, 400);
}
