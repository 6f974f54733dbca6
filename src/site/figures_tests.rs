//! Tests of the figure tokens on the salary module's fixture data.
use super::*;
use crate::salary::fixture;

fn figures() -> GuideFigures<'static> {
    let sources = crate::salary::fixture_sources();
    GuideFigures {
        w: &crate::words::Words::english().tables,
        statistics: &crate::words::Words::english().numbers.statistics,
        data: fixture(),
        sources: Box::leak(sources.into_boxed_slice()),
        pay: None,
        areas: Box::leak(Box::default()),
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
        assert!(
            lines
                .iter()
                .skip(2)
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
