//! Tests of the figure tokens on the salary module's fixture data.
use super::*;
use crate::salary::fixture;

fn figures() -> GuideFigures<'static> {
    let sources = crate::salary::fixture_sources();
    let projections: &'static Projections = Box::leak(Box::new(projections_2024_34()));
    // The fixture's salary data with the extract's edition added, as `Site::load` adds it.
    let mut data = fixture().clone();
    let problems = super::super::add_projections(&mut data, projections, &[]);
    assert!(problems.is_empty(), "{problems:?}");
    GuideFigures {
        w: &crate::words::Words::english().tables,
        statistics: &crate::words::Words::english().numbers.statistics,
        data: Box::leak(Box::new(data)),
        sources: Box::leak(sources.into_boxed_slice()),
        pay: None,
        areas: Box::leak(Box::default()),
        projections: Some(projections),
    }
}

/// A projections extract for the fixture's three occupations: BLS's 2024-34 Tables 1.2 and 1.10.
fn projections_2024_34() -> Projections {
    use crate::projections::{Release, Tenths};
    let row = |soc: &str, title: &str, jobs: [i64; 7], percent: i64| OccupationProjection {
        soc: crate::oews::Soc::parse(soc).unwrap(),
        title: title.into(),
        employment_start: jobs[0],
        employment_end: jobs[1],
        change: jobs[1] - jobs[0],
        change_percent: Tenths(percent),
        openings_per_year: jobs[2],
        exits_per_year: jobs[3],
        transfers_per_year: jobs[4],
        separations_per_year: jobs[3] + jobs[4],
        exit_rate: Tenths(jobs[5]),
        transfer_rate: Tenths(jobs[6]),
        separations_rate: Tenths(jobs[5] + jobs[6]),
        median_wage: None,
        education: "Associate's degree".into(),
        experience: "None".into(),
        training: "None".into(),
    };
    Projections {
        release: Release {
            edition: "2024-34".into(),
            start_year: 2024,
            end_year: 2034,
            published: crate::diagnostics::Date {
                year: 2025,
                month: 8,
                day: 28,
            },
            retrieved: crate::diagnostics::Date::default(),
            url: String::new(),
            tables_url: String::new(),
            read_bytes: 0,
            read_sha256: String::new(),
            command: String::new(),
        },
        occupations: vec![
            row(
                "29-2072",
                "Medical records specialists",
                [194_800, 208_600, 14_200, 7_100, 5_800, 35, 29],
                71,
            ),
            row(
                "29-9021",
                "Health information technologists and medical registrars",
                [41_900, 48_100, 3_200, 1_300, 1_300, 30, 28],
                147,
            ),
            row(
                "11-9111",
                "Medical and health services managers",
                [616_200, 759_100, 62_100, 18_000, 29_800, 26, 43],
                232,
            ),
        ],
    }
}

#[test]
fn answers_figures_and_their_fields() {
    let figures = figures();
    assert_eq!(
        figures.inline("technologist-median-2022").unwrap(),
        "$58,250"
    );
    assert_eq!(
        figures.inline("technologist-median-2022:release").unwrap(),
        "OOH May 2022"
    );
    assert_eq!(
        figures.inline("manager-2019-hospitals:employment").unwrap(),
        "125,230"
    );
    assert_eq!(figures.inline("manager-2023-33:growth").unwrap(), "29%");
    assert_eq!(figures.inline("manager-2023-33:window").unwrap(), "2023-33");
}

#[test]
fn says_what_is_wrong_with_a_token() {
    let figures = figures();
    assert!(
        figures
            .inline("nope")
            .unwrap_err()
            .contains("no figure, fee or projection has the id `nope`")
    );
    assert!(
        figures
            .inline("manager-2023-33")
            .unwrap_err()
            .contains("cite a projection with a field")
    );
    assert!(
        figures
            .inline("technologist-median-2022:colour")
            .unwrap_err()
            .contains("no field `colour`")
    );
    let err = figures.table("pie").unwrap_err();
    assert!(
        err.contains("there is no table `pie`") && err.contains("quick-facts"),
        "{err}"
    );
    assert!(figures.table("industry-employment:wizard").is_err());
}

#[test]
fn every_listed_table_renders_with_a_row_per_entry() {
    let figures = figures();
    // `area-pay` needs an OEWS extract, which this fixture has not: see the test below.
    for name in TABLES.iter().filter(|n| !n.starts_with("area-pay")) {
        let name = name.replace("OCCUPATION", "manager");
        let table = figures.table(&name).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines.len() > 2,
            "{name}: a header, a rule and rows:\n{table}"
        );
        let columns = lines[0].matches(" | ").count();
        // A note may follow the rows, after a blank line.
        assert!(
            lines
                .iter()
                .skip(2)
                .take_while(|l| !l.is_empty())
                .all(|l| l.matches(" | ").count() >= columns),
            "{name}"
        );
    }
    let quick_facts = figures.table("quick-facts").unwrap();
    assert_eq!(quick_facts.lines().count(), 2 + fixture().occupations.len());
}

#[test]
fn sets_each_claim_beside_the_figure_it_is_checked_against() {
    let claims = figures().table("claims").unwrap();
    let row = claims
        .lines()
        .find(|line| line.starts_with("| 90th percentile $189,000"))
        .expect("the claim's row");
    assert!(
        row.contains("| $189,000, medical and health services managers 90th percentile, OEWS May 2019 ([BLS OEWS May 2019](/sources#bls-oews-2019-11-9111)) |"),
        "{row}"
    );
    assert!(
        claims.contains("No matching BLS figure"),
        "claims without one say so"
    );
}

#[test]
fn escapes_pipes_in_cells_and_keeps_links() {
    assert_eq!(row(&["a|b", "[x](/y)"]), "| a\\|b | [x](/y) |\n");
    assert_eq!(table_head(&["A", "B"]), "| A | B |\n|---|---|\n");
}

#[test]
fn area_pay_sets_each_areas_medians_against_the_nation_with_series_links() {
    // The pay-site fixture's real May 2025 rows, so next year's import leaves this test alone.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pay-site");
    let extract: &'static crate::oews::Extract =
        Box::leak(Box::new(crate::oews::Extract::load(&root).unwrap()));
    let data = fixture();
    let socs: Vec<crate::oews::Soc> = data.occupations.iter().map(|o| o.soc).collect();
    let areas = Box::leak(Box::new(crate::pay::Directory::build(extract, &socs)));
    let cache = crate::salary::area::AreaCache::new(Some(extract));
    let figures = GuideFigures {
        w: &crate::words::Words::english().tables,
        statistics: &crate::words::Words::english().numbers.statistics,
        data,
        sources: &[],
        pay: Some(crate::salary::area::Areas::new(extract, data, &cache)),
        areas,
        projections: None,
    };
    let table = figures.table("area-pay:0012420, 0041620").unwrap();
    assert_eq!(table.lines().count(), 4, "{table}");
    let austin = table.lines().nth(2).unwrap();
    assert!(
        austin.starts_with(
            "| [Austin-Round Rock-San Marcos, TX](/pay/austin-round-rock-san-marcos-tx) |"
        ),
        "{austin}"
    );
    assert!(
        austin.contains("[$48,990](https://data.bls.gov/timeseries/OEUM001242000000029207213) (4.2% below the US)"),
        "{austin}"
    );
    assert!(
        table.lines().next().unwrap().contains("our arithmetic"),
        "{austin}"
    );
    let err = figures.table("area-pay:0012420,9999999").unwrap_err();
    assert!(err.contains("`9999999`"), "{err}");
    let without = GuideFigures {
        w: &crate::words::Words::english().tables,
        statistics: &crate::words::Words::english().numbers.statistics,
        data,
        sources: &[],
        pay: None,
        areas,
        projections: None,
    };
    assert!(without.table("area-pay:0012420").is_err());
}

#[test]
fn pay_history_names_a_figure_under_an_older_code_by_that_codes_title() {
    let mut data = fixture().clone();
    // The fixture's May 2011 specialists median, as the shipped data marks it: under 29-2071.
    let median = data
        .figures
        .iter_mut()
        .find(|f| {
            f.occupation == "specialist"
                && f.release == "OEWS May 2011"
                && f.statistic == Statistic::Median
                && f.basis == PayBasis::Annual
        })
        .expect("the fixture's May 2011 specialists median");
    median.soc = crate::oews::Soc::parse("29-2071");
    median.soc_title = Some("Medical Records and Health Information Technicians".into());
    let figures = GuideFigures {
        w: &crate::words::Words::english().tables,
        statistics: &crate::words::Words::english().numbers.statistics,
        data: &data,
        ..figures()
    };
    let history = figures.table("pay-history").unwrap();
    let row = history
        .lines()
        .find(|l| l.contains("OEWS May 2011"))
        .expect("the May 2011 row");
    assert!(
        row.starts_with("| Medical Records and Health Information Technicians | 29-2071 |"),
        "{row}"
    );
}

#[test]
fn every_table_says_its_words_through_the_words_layer() {
    // Through the pseudo-locale every header is bracketed, and so is every cell's English.
    let figures = GuideFigures {
        w: &crate::words::Words::pseudo().tables,
        statistics: &crate::words::Words::pseudo().numbers.statistics,
        ..figures()
    };
    let names = TABLES
        .iter()
        .map(|name| match name.split_once(':') {
            Some(("industry-employment", _)) => "industry-employment:manager".to_string(),
            _ => name.to_string(),
        })
        .filter(|name| !name.starts_with("area-pay"));
    for name in names {
        let table = figures
            .table(&name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let header = table.lines().next().unwrap();
        for cell in header.trim_matches('|').split(" | ") {
            assert!(cell.trim().starts_with('⟦'), "{name}: header {cell:?}");
        }
        for phrase in [
            "not published",
            "not in our",
            "No matching",
            "Old:",
            "Growth of",
        ] {
            assert!(
                !outside_brackets(&table).contains(phrase),
                "{name} says {phrase:?} outside the words: {table}"
            );
        }
    }
}

/// `text` without what the pseudo-locale bracketed (nested brackets included).
fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '⟦' => depth += 1,
                '⟧' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

#[test]
fn breaks_the_imported_editions_openings_down() {
    let figures = figures();
    let field = |f: &str| figures.inline(&format!("specialist-2024-34:{f}")).unwrap();
    assert_eq!(field("openings"), "14,200");
    assert_eq!(field("exits"), "7,100");
    assert_eq!(field("transfers"), "5,800");
    assert_eq!(field("separations"), "12,900");
    // 13,800 new jobs over ten years.
    assert_eq!(field("new-jobs"), "13,800");
    assert_eq!(field("new-jobs-a-year"), "1,380");
    // 12,900 of 14,200 is 90.8%.
    assert_eq!(field("separations-share"), "91%");
    assert_eq!(
        figures.inline("manager-2024-34:separations-share").unwrap(),
        "77%"
    );
}

#[test]
fn an_edition_not_imported_does_not_break_openings_down() {
    let figures = figures();
    let err = figures.inline("manager-2023-33:exits").unwrap_err();
    assert!(
        err.contains("only the edition imported into content/projections/"),
        "{err}"
    );
    let without = GuideFigures {
        projections: None,
        ..figures
    };
    assert!(without.inline("specialist-2024-34:transfers").is_err());
    assert!(without.table("openings").is_err());
}

#[test]
fn the_openings_table_sets_each_occupations_openings_beside_their_parts() {
    let table = figures().table("openings").unwrap();
    let rows: Vec<&str> = table.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 1 + fixture().occupations.len(), "{table}");
    let specialists = rows
        .iter()
        .find(|r| r.contains("29-2072"))
        .expect("the specialists' row");
    assert!(
        specialists.ends_with(
            "| 2024-34 | 14,200 | 7,100 | 5,800 | 1,380 | 91% | [bls-ep-2024-34](/sources#bls-ep-2024-34) |"
        ),
        "{specialists}"
    );
    assert!(table.contains("nearest hundred"), "the rounding note");
}

#[test]
fn the_projections_table_holds_the_newest_window_and_the_history_the_older_ones() {
    let figures = figures();
    let windows = |table: &str| -> Vec<(String, String)> {
        table
            .lines()
            .skip(2)
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
                (cells[0].trim().to_string(), cells[1].trim().to_string())
            })
            .collect()
    };
    let current = windows(&figures.table("projections").unwrap());
    assert_eq!(current.len(), fixture().occupations.len());
    assert!(current.iter().all(|(_, w)| w == "2024-34"), "{current:?}");

    let history = windows(&figures.table("projection-history").unwrap());
    assert!(!history.is_empty());
    assert!(history.iter().all(|(_, w)| w != "2024-34"), "{history:?}");
    let managers: Vec<&str> = history
        .iter()
        .filter(|(o, _)| o.contains("11-9111"))
        .map(|(_, w)| w.as_str())
        .collect();
    let mut newest_first = managers.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(managers, newest_first);
    assert!(managers.contains(&"2023-33"), "{managers:?}");
}
