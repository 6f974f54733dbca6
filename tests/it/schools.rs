//! The schools: the import from NCES's and Scorecard's files (a trimmed copy in
//! `tests/fixtures/ipeds/`), the extract the pay-site fixture ships, and the start-up checks.

use him_guide::oews::{AreaCode, Extract};
use him_guide::schools::{Field, ImportError, ImportOptions, Level, UnitId, import, load};
use him_guide::site::Site;

use crate::helpers::{copy_dir, fixture, pay_site, scratch};

const EXTRACT_FILES: [&str; 3] = ["release.toml", "schools.tsv", "programmes.tsv"];

#[test]
fn importing_the_fixture_files_writes_the_extract_the_pay_site_ships() {
    let shipped = load(&pay_site())
        .unwrap_or_else(|p| panic!("{p:#?}"))
        .expect("the pay site has schools");
    let extract = Extract::load(&pay_site()).unwrap_or_else(|p| panic!("{p:#?}"));
    let options = ImportOptions {
        extract: &extract,
        retrieved: shipped.release.retrieved,
        command: shipped.release.command.clone(),
    };
    let imported = import(&fixture("ipeds"), &options).unwrap_or_else(|e| panic!("{e}"));
    let out = scratch("schools-import");
    let schools = &imported.schools;
    schools.write(&out, &schools.release.to_toml()).unwrap();
    for name in EXTRACT_FILES {
        let written = std::fs::read_to_string(out.join(name)).unwrap();
        let ships = std::fs::read_to_string(pay_site().join("content/schools").join(name)).unwrap();
        assert_eq!(
            written, ships,
            "{name}: import tests/fixtures/ipeds again (its README gives the command)"
        );
    }
    // The other CIP code and the second major are dropped; every metro CBSA has its OEWS area.
    assert_eq!(schools.all().len(), 7);
    assert_eq!(imported.programmes(), 16);
    assert_eq!(imported.completers(), 222);
    assert!(imported.unmatched.is_empty(), "{:?}", imported.unmatched);
    let school = |id| schools.get(UnitId(id)).unwrap();
    let austin_cc = school(222_992);
    assert_eq!(austin_cc.area, AreaCode::parse("0012420"));
    assert_eq!(austin_cc.programmes.len(), 1);
    assert_eq!(
        (austin_cc.programmes[0].field, austin_cc.programmes[0].level),
        (Field::Technology, Level::Associate)
    );
    assert_eq!(austin_cc.earnings_10_years, Some(43_177));
    assert_eq!(school(230_764).area, AreaCode::parse("0041620"));
    // No tuition in cost.csv; earnings withheld; no CBSA; a micropolitan CBSA.
    assert_eq!(school(226_903).tuition_in_state, None);
    assert_eq!(school(227_386).earnings_10_years, None);
    assert_eq!(
        (school(227_386).cbsa.clone(), school(227_386).area),
        (None, None)
    );
    assert_eq!(school(223_427).area, None);
    assert!(
        school(228_459)
            .programmes
            .iter()
            .any(|p| p.completers == 0 && p.level == Level::PostBaccalaureateCertificate)
    );
}

#[test]
fn a_programme_whose_school_is_not_in_the_directory_is_an_import_error() {
    let dir = scratch("schools-no-school");
    copy_dir(&fixture("ipeds"), &dir);
    let hd = dir.join("hd2024.csv");
    let text = std::fs::read_to_string(&hd).unwrap();
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| !line.starts_with("227386,"))
        .collect();
    std::fs::write(&hd, kept).unwrap();
    let extract = Extract::load(&pay_site()).unwrap_or_else(|p| panic!("{p:#?}"));
    let options = ImportOptions {
        extract: &extract,
        retrieved: him_guide::oews::codes::parse_date("2026-12-04").unwrap(),
        command: String::new(),
    };
    let error = import(&dir, &options).unwrap_err();
    assert!(
        matches!(
            error,
            ImportError::NoSchool {
                unitid: UnitId(227_386),
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("c2024_a.csv, line 7"), "{error}");
    assert!(
        error.to_string().contains("no row in hd2024.csv"),
        "{error}"
    );
}

/// The pay site with `change` made to its schools extract's file `name`.
fn pay_site_with(test: &str, name: &str, change: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = scratch(test);
    copy_dir(&pay_site(), &dir);
    let path = dir.join("content/schools").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, change(text)).unwrap();
    dir
}

fn problems(site: &std::path::Path) -> String {
    Site::load(site).unwrap_err().to_string()
}

fn without_lines(text: &str, starting: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with(starting))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn a_programme_of_another_field_or_without_its_school_stops_start_up() {
    let site = pay_site_with("schools-unknown-cip", "programmes.tsv", |text| {
        text.replace("230764\t51.2706\t17", "230764\t51.9999\t17")
    });
    let found = problems(&site);
    assert!(
        found.contains(
            "content/schools/programmes.tsv:18: `51.9999` is not one of the HIM programme codes"
        ),
        "{found}"
    );
    assert!(found.contains("fix: import the schools again"), "{found}");

    let site = pay_site_with("schools-missing-school", "schools.tsv", |text| {
        without_lines(&text, "227386\t")
    });
    let found = problems(&site);
    assert!(
        found.contains(
            "content/schools/programmes.tsv:9: the school 227386 has a programme and no row in schools.tsv"
        ),
        "{found}"
    );

    let site = pay_site_with("schools-no-programme", "programmes.tsv", |text| {
        without_lines(&text, "227386\t")
    });
    let found = problems(&site);
    assert!(
        found.contains(
            "content/schools/schools.tsv:5: Panola College (227386) has no HIM programme"
        ),
        "{found}"
    );
    assert!(found.contains("or remove its row"), "{found}");
}

#[test]
fn an_area_the_oews_extract_lacks_or_a_missing_source_stops_start_up() {
    let site = pay_site_with("schools-unknown-area", "schools.tsv", |text| {
        text.replace("\t41620\tmetro\t0041620\t", "\t99999\tmetro\t0099999\t")
    });
    let found = problems(&site);
    assert!(
        found.contains(
            "content/schools/schools.tsv:6: Salt Lake Community College (230746) is placed in the area 0099999, which the OEWS extract has no metro area for"
        ),
        "{found}"
    );
    assert!(found.contains("or empty its `area` cell"), "{found}");

    let site = scratch("schools-no-source");
    copy_dir(&pay_site(), &site);
    let sources = site.join("content/sources.toml");
    let text = std::fs::read_to_string(&sources).unwrap();
    let cut = text
        .find("[[source]]\nid = \"scorecard-earnings-2025-05\"")
        .unwrap();
    std::fs::write(&sources, &text[..cut]).unwrap();
    let release = std::fs::read_to_string(site.join("content/schools/release.toml")).unwrap();
    let line = release
        .lines()
        .position(|l| l == "source = \"scorecard-earnings-2025-05\"")
        .unwrap()
        + 1;
    let found = problems(&site);
    assert!(
        found.contains(&format!(
            "content/schools/release.toml:{line}: the schools' earnings file scorecard_earnings.csv has no source `scorecard-earnings-2025-05`"
        )),
        "{found}"
    );
    assert!(
        found.contains("add a [[source]] with id = \"scorecard-earnings-2025-05\""),
        "{found}"
    );
}

#[test]
fn the_site_exposes_its_schools() {
    let site = Site::load(&pay_site()).unwrap_or_else(|p| panic!("{p}"));
    let schools = site.schools.as_ref().expect("the pay site has schools");
    let austin = AreaCode::parse("0012420").unwrap();
    assert_eq!(schools.in_area(austin).count(), 3);
}
