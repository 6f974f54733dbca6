//! Pay where you live on the fixture site, with its OEWS extract edited to hold what the flags are
//! for: imprecise wages shown, ranked and coloured on `/pay` and a state's page, the offer check
//! offered only where it can answer, and our own arithmetic labelled as ours.

use std::path::{Path, PathBuf};

use crate::helpers::{Html, TestApp, copy_dir, fixture};

/// The fixture site, with all three occupations, and the fixture extract, edited: Utah's technologists' wages and Austin's
/// managers' wages imprecise (wage RSE 12.3% and 11.5%), Austin's specialists published with no
/// wages released, and national figures for the specialists and managers.
fn site(name: &str) -> PathBuf {
    let site =
        std::env::temp_dir().join(format!("him-guide-pay-flags-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&fixture("good"), &site);
    let oews = site.join("content/oews");
    copy_dir(&fixture("oews-extract"), &oews);
    let series = oews.join("series.tsv");
    let text = std::fs::read_to_string(&series).unwrap();
    let utah = "OEUS4900000000000299021\t-#8\t-#8\t35.44\t73720\t4.6\t";
    let austin = "OEUM0012420000000119111\t5160\t9.2\t68.62\t142730\t9.5\t";
    assert!(
        text.contains(utah) && text.contains(austin),
        "the fixture's series"
    );
    let withheld = "-#8\t".repeat(13);
    let text = text
        .replace(utah, &utah.replace("\t4.6\t", "\t12.3\t"))
        .replace(austin, &austin.replace("\t9.5\t", "\t11.5\t"))
        + &format!("OEUM0012420000000292072\t80\t10.4\t{withheld}2.268\t1.81\n")
        // National figures for the two occupations the fixture extract has none for.
        + "OEUN0000000000000292072\t190000\t0.8\t24.00\t49920\t0.3\t16.00\t19.00\t23.50\t29.00\t36.00\t\
           33280\t39520\t48880\t60320\t74880\t\t\n"
        + "OEUN0000000000000119111\t560000\t0.5\t60.00\t124800\t0.2\t30.00\t40.00\t55.00\t70.00\t100.00\t\
           62400\t83200\t114400\t145600\t208000\t\t\n";
    std::fs::write(&series, text).unwrap();
    // The fixture site has technologists only: add the other two occupations, each with the
    // national median every occupation needs.
    let salary = site.join("content/salary.toml");
    let mut data = std::fs::read_to_string(&salary).unwrap();
    for (id, soc, title, amount) in [
        (
            "specialist",
            "29-2072",
            "Medical Records Specialists",
            "$44,090",
        ),
        (
            "manager",
            "11-9111",
            "Medical and Health Services Managers",
            "$104,280",
        ),
    ] {
        data += &format!(
            "\n[[occupation]]\nid = \"{id}\"\nsoc = \"{soc}\"\ntitle = \"{title}\"\nshort = \"{}\"\n\
             him_titles = []\nentry_education = \"Varies\"\n\n[[figure]]\nid = \"{id}-median\"\n\
             occupation = \"{id}\"\nstatistic = \"median\"\nperiod = \"annual\"\namount = \"{amount}\"\n\
             release = \"OEWS May 2020\"\nscope = \"national\"\nsource = \"bls-test\"\n",
            title.to_lowercase()
        );
    }
    std::fs::write(&salary, data).unwrap();
    let sources = site.join("content/sources.toml");
    let listed = std::fs::read_to_string(&sources).unwrap()
        + "\n[[source]]\nid = \"bls-oews-2025\"\ntitle = \"OEWS May 2025\"\nshort = \"BLS OEWS May 2025\"\n\
           kind = \"data\"\ndate = \"May 2025 data\"\ncontributed = \"Current pay.\"\n";
    std::fs::write(&sources, listed).unwrap();
    site
}

fn cleanup(site: &Path) {
    let _ = std::fs::remove_dir_all(site);
}

#[test]
fn pay_flags_an_imprecise_median_in_the_state_table_and_on_the_map() {
    let site = site("index");
    let app = TestApp::spawn(&site);
    let html = Html::parse(&app.get("/pay").body);
    let utah = html
        .select("#state-table tbody tr")
        .into_iter()
        .find(|row| row.text().any(|t| t == "Utah"))
        .expect("Utah's row");
    let cells: String = utah.text().collect();
    assert!(cells.contains("$75,320 (imprecise)"), "{cells}");
    let texas = html
        .select("#state-table tbody tr")
        .into_iter()
        .find(|row| row.text().any(|t| t == "Texas"))
        .expect("Texas's row");
    let cells: String = texas.text().collect();
    assert!(
        !cells.contains("imprecise"),
        "Texas's wages are precise: {cells}"
    );
    assert_eq!(html.select("#imprecise").len(), 1, "the flags' note");
    let labels = html.attrs("figure.tile-map svg a", "aria-label");
    assert!(
        labels.contains(&"Utah, UT: $75,320, imprecise".to_string()),
        "{labels:?}"
    );
    assert!(
        html.texts("figure.tile-map text")
            .contains(&"UT*".to_string())
    );
    assert!(
        html.texts(".map-legend a")
            .iter()
            .any(|t| t.contains("Imprecise"))
    );
    cleanup(&site);
}

#[test]
fn a_state_page_flags_an_imprecise_median_in_its_ranking() {
    let site = site("ranking");
    let app = TestApp::spawn(&site);
    let html = Html::parse(&app.get("/pay/texas").body);
    let rows: Vec<String> = html
        .select("#areas ~ .ranking-grid tbody tr")
        .into_iter()
        .map(|r| r.text().collect())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Austin-Round Rock-San Marcos, TX$126,110 (imprecise)")),
        "{rows:?}"
    );
    assert_eq!(html.select("#imprecise-areas").len(), 1, "the flags' note");
    cleanup(&site);
}

#[test]
fn an_area_offers_the_offer_check_only_where_bls_released_wages() {
    let site = site("offer-link");
    let app = TestApp::spawn(&site);
    let html = Html::parse(&app.get("/pay/austin-round-rock-san-marcos-tx").body);
    let checks = html.attrs("a[href^='/salary?']", "href");
    assert!(
        checks.contains(&"/salary?occupation=manager&area=0012420".to_string()),
        "{checks:?}"
    );
    assert!(
        !checks
            .iter()
            .any(|href| href.contains("occupation=specialist")),
        "no wages were released for specialists in Austin: {checks:?}"
    );
    // Every check the page offers answers.
    for href in checks {
        assert_eq!(app.get(&href).status, 200, "{href}");
    }
    let specialists: String = html
        .select("section")
        .into_iter()
        .find(|s| s.value().attr("aria-labelledby") == Some("specialist"))
        .expect("the specialists' section")
        .text()
        .collect();
    assert!(
        specialists.contains("BLS released no wages"),
        "{specialists}"
    );
    cleanup(&site);
}

#[test]
fn an_areas_gap_from_the_nation_is_labelled_our_arithmetic() {
    let site = site("arithmetic");
    let app = TestApp::spawn(&site);
    let html = Html::parse(&app.get("/pay/texas").body);
    let headers = html.texts("th[scope=col]");
    assert!(
        headers
            .iter()
            .any(|h| h == "Yearly, here against the nation (our arithmetic)"),
        "{headers:?}"
    );
    cleanup(&site);
}
