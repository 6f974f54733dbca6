//! The import against small workbooks laid out as BLS's `occupation.xlsx` (written by
//! `tests/fixtures/make-workbooks.py`): the rows it keeps, what it leaves out, and the workbooks it
//! refuses, each with the sheet and heading an editor needs to look at.

use std::path::PathBuf;

use diagnostics::Date;
use oews::Soc;
use projections::{ImportError, ImportOptions, OccupationProjection, Tenths, import};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn soc(code: &str) -> Soc {
    Soc::parse(code).expect("a SOC code")
}

fn options(socs: &[Soc]) -> ImportOptions<'_> {
    ImportOptions {
        socs,
        published: Date {
            year: 2025,
            month: 8,
            day: 28,
        },
        retrieved: Date {
            year: 2026,
            month: 12,
            day: 4,
        },
        url: "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx".into(),
        tables_url:
            "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm".into(),
        command: "him-guide data import-projections occupation-2024-34.xlsx".into(),
    }
}

/// BLS 2024-34, Tables 1.2 and 1.10, medical records specialists, as the fixture writes them.
fn specialists() -> OccupationProjection {
    OccupationProjection {
        soc: soc("29-2072"),
        title: "Medical records specialists".into(),
        employment_start: 194_800,
        employment_end: 208_600,
        change: 13_800,
        change_percent: Tenths(71),
        openings_per_year: 14_200,
        exits_per_year: 7_100,
        transfers_per_year: 5_800,
        separations_per_year: 12_900,
        exit_rate: Tenths(35),
        transfer_rate: Tenths(29),
        separations_rate: Tenths(64),
        median_wage: Some(50_250),
        education: "Postsecondary nondegree award".into(),
        experience: "None".into(),
        training: "None".into(),
    }
}

#[test]
fn imports_the_named_occupations_in_the_order_asked_and_no_other() {
    let socs = [soc("29-2072"), soc("29-9021"), soc("11-9111")];
    let path = fixture("occupation-2024-34.xlsx");
    let extract = import(&path, &options(&socs)).unwrap();

    let release = &extract.release;
    assert_eq!(release.edition, "2024-34");
    assert_eq!((release.start_year, release.end_year), (2024, 2034));
    assert_eq!(
        release.read_bytes,
        std::fs::metadata(&path).unwrap().len(),
        "the size of the copy read"
    );
    assert_eq!(release.read_sha256.len(), 64);

    let codes: Vec<String> = extract
        .occupations
        .iter()
        .map(|o| o.soc.to_string())
        .collect();
    assert_eq!(
        codes,
        ["29-2072", "29-9021", "11-9111"],
        "registered nurses left out"
    );
    assert_eq!(extract.occupations[0], specialists());

    // BLS's indented title loses its spaces; thousands with one decimal become whole jobs.
    let managers = &extract.occupations[2];
    assert_eq!(managers.title, "Medical and health services managers");
    assert_eq!(
        (
            managers.employment_start,
            managers.change,
            managers.openings_per_year
        ),
        (616_200, 142_900, 62_100)
    );
    assert_eq!(
        (managers.exits_per_year, managers.transfers_per_year),
        (18_000, 29_800)
    );
    assert_eq!(managers.separations_rate, Tenths(70));
    assert_eq!(managers.experience, "Less than 5 years");

    let technologists = &extract.occupations[1];
    assert_eq!(technologists.median_wage, Some(67_310));
    assert_eq!(technologists.change_percent, Tenths(147));
}

#[test]
fn refuses_a_workbook_without_a_heading_naming_sheet_and_heading() {
    let socs = [soc("29-2072")];
    let err = import(&fixture("occupation-missing-heading.xlsx"), &options(&socs)).unwrap_err();
    match &err {
        ImportError::MissingColumn { sheet, heading } => {
            assert_eq!(sheet, "Table 1.10");
            assert_eq!(heading, "Labor force exits, 2024–34 annual average");
        }
        other => panic!("expected a missing column, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("Table 1.10")
            && message.contains("`Labor force exits, 2024–34 annual average`"),
        "{message}"
    );
}

#[test]
fn refuses_an_occupation_the_workbook_lacks_naming_the_sheet() {
    let socs = [soc("29-2072"), soc("29-2071")];
    let err = import(&fixture("occupation-2024-34.xlsx"), &options(&socs)).unwrap_err();
    assert_eq!(err.to_string(), "Table 1.2: no row for 29-2071");
}
