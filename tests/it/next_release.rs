//! Next year's import, rehearsed: `tests/fixtures/pay-site-2026` is the pay-site fixture after a
//! May 2026 import (every wage $1.00 an hour, $2,080 a year, higher; Salt Lake City-Murray, UT
//! renamed; Elmira, NY dropped) and the content edits docs/data-refresh.md's "Next year" asks for.
//! It must load, render and redirect with no change to the code. Also: both fixtures' extracts are exactly what
//! the import writes, so they stand for real ones.

use him_guide::oews::Extract;

use crate::helpers::{
    Html, TestApp, copy_dir, fixture, pay_site, published_urls, scratch, unanswered,
};

fn next_year() -> std::path::PathBuf {
    fixture("pay-site-2026")
}

#[test]
fn the_fixture_extracts_are_as_the_import_writes_them() {
    for site in [pay_site(), next_year()] {
        let extract = Extract::load(&site).unwrap_or_else(|p| panic!("{p:#?}"));
        for (name, text) in extract.files().iter() {
            let path = site.join("content/oews").join(name);
            let on_disk = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                on_disk,
                *text,
                "{} is not as the import writes it",
                path.display()
            );
        }
    }
}

#[test]
fn a_new_release_renders_its_own_figures() {
    let app = TestApp::spawn(&next_year());
    let html = Html::parse(&app.get("/pay/austin-round-rock-san-marcos-tx").body);
    let rows = html.texts("section tbody tr");
    // May 2026 (rehearsal): Austin's specialists $48,990 + $2,080 = $51,070 against the nation's
    // $51,140 + $2,080 = $53,220; the gap is still $2,150, now 4.0% of the nation's.
    assert!(
        rows.iter()
            .any(|r| r.contains("$51,070") && r.contains("$2,150 (4.0%) below")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.contains("$48,990")), "{rows:?}");
    let page = app.get("/pay/austin-round-rock-san-marcos-tx").body;
    assert!(page.contains("May 2026"), "the release is named");
    assert!(!page.contains("May 2025"), "no trace of the old release");

    let json: serde_json::Value = serde_json::from_str(
        &app.get("/salary.json?occupation=technologist&offer=24.50&period=hour")
            .body,
    )
    .unwrap();
    assert_eq!(json["offer"]["data_release"], "OEWS May 2026");
    assert_eq!(json["rows"][1]["median"]["amount_cents"], 7_010_000);
    assert!(
        json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "bls-oews-2026")
    );
    let state_table = Html::parse(&app.get("/pay").body).texts("#state-table tbody tr");
    let texas = state_table.iter().find(|r| r.starts_with("Texas")).unwrap();
    assert!(texas.contains("$50,940"), "48,860 + 2,080: {texas}");
}

#[test]
fn a_renamed_area_moves_and_its_old_address_answers_301() {
    let app = TestApp::spawn(&next_year());
    let renamed = app.get("/pay/salt-lake-city-murray-draper-ut");
    assert_eq!(renamed.status, 200);
    assert_eq!(
        Html::parse(&renamed.body).texts("h1"),
        ["Health information pay in Salt Lake City-Murray-Draper, UT"]
    );
    let old = app.get("/pay/salt-lake-city-murray-ut?utm_source=school");
    assert_eq!(old.status, 301);
    assert_eq!(
        old.headers.get("location").unwrap(),
        "/pay/salt-lake-city-murray-draper-ut?utm_source=school"
    );
    let search = Html::parse(&app.get("/pay?q=salt+lake").body);
    assert_eq!(
        search.attrs(".search-results a", "href"),
        ["/pay/salt-lake-city-murray-draper-ut"]
    );
}

#[test]
fn a_dropped_area_leaves_the_lists_and_its_address_leads_to_its_state() {
    let app = TestApp::spawn(&next_year());
    let index = Html::parse(&app.get("/pay").body);
    let areas = index.attrs(".area-list a", "href");
    assert!(!areas.iter().any(|a| a.contains("elmira")), "{areas:?}");
    assert!(!app.get("/sitemap.xml").body.contains("elmira"));
    let old = app.get("/pay/elmira-ny");
    assert_eq!(old.status, 301, "its readers are sent to New York's page");
    assert_eq!(old.headers.get("location").unwrap(), "/pay/new-york");
    let comparison = app.get("/salary?area=0021300");
    assert_eq!(comparison.status, 400);
    assert!(
        Html::parse(&comparison.body).texts("#area-error")[0]
            .contains("no BLS area with that code")
    );
    // Every address published in May 2025 and since still answers, directly or through one 301.
    assert_eq!(
        unanswered(&app, &published_urls(&next_year())),
        Vec::<String>::new()
    );
}

#[test]
fn without_an_alias_a_dropped_areas_address_is_a_404_the_published_check_names() {
    let dir = scratch("next-release-no-alias");
    copy_dir(&next_year(), &dir);
    let aliases = dir.join("content/pay-aliases.toml");
    let text = std::fs::read_to_string(&aliases).unwrap();
    let kept: String = text
        .lines()
        .filter(|line| !line.starts_with("\"/pay/elmira-ny\""))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(kept, text, "the alias was there to remove");
    std::fs::write(&aliases, kept).unwrap();
    let app = TestApp::spawn(&dir);
    assert_eq!(app.get("/pay/elmira-ny").status, 404);
    assert_eq!(
        unanswered(&app, &published_urls(&dir)),
        ["/pay/elmira-ny"],
        "the test of published addresses tells the editor"
    );
    drop(app);
    std::fs::remove_dir_all(&dir).unwrap();
}
