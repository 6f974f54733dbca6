//! Tests of the area directory and its search, and of an area's figures against the nation's, on
//! the pay-site fixture's extract (`tests/fixtures/pay-site/content/oews/`): real May 2025 rows for
//! the nation, seven states, five metropolitan areas and a nonmetropolitan one, so that next year's
//! import of the shipped extract changes none of these answers.

use std::sync::OnceLock;

use super::*;
use money::{Cents, Difference};
use oews::{AreaCode, Datatype, Extract, Soc};
use salary::area::report::occupation_pay;
use salary::area::{AreaCache, Estimate};

const SOCS: [&str; 3] = ["29-2072", "29-9021", "11-9111"];

fn extract() -> &'static Extract {
    static EXTRACT: OnceLock<Extract> = OnceLock::new();
    EXTRACT.get_or_init(|| {
        Extract::load(&salary::fixtures_dir().join("pay-site"))
            .expect("the fixture's extract loads")
    })
}

fn directory() -> &'static Directory {
    static DIRECTORY: OnceLock<Directory> = OnceLock::new();
    DIRECTORY.get_or_init(|| {
        let socs: Vec<Soc> = SOCS.iter().map(|s| Soc::parse(s).unwrap()).collect();
        Directory::build(extract(), &socs)
    })
}

fn soc(text: &str) -> Soc {
    Soc::parse(text).unwrap()
}

fn names(found: &[&Listing]) -> Vec<String> {
    found.iter().map(|l| l.name.clone()).collect()
}

#[test]
fn slugs_are_lower_case_words_joined_by_hyphens() {
    assert_eq!(
        slug("Austin-Round Rock-San Marcos, TX"),
        "austin-round-rock-san-marcos-tx"
    );
    assert_eq!(slug("Coeur d'Alene, ID"), "coeur-dalene-id");
    assert_eq!(slug("District of Columbia"), "district-of-columbia");
    assert_eq!(slug("  Cañon City!! "), "canon-city");
}

#[test]
fn the_directory_lists_every_area_once_at_its_own_address() {
    let dir = directory();
    // The fixture's seven states and six other areas each have one of the three occupations, plus
    // the nation, which has no page of its own.
    assert_eq!(dir.all().len(), 14);
    assert_eq!(dir.pages().count(), 13);
    assert_eq!(dir.states().count(), 7);
    let mut slugs: Vec<&str> = dir.all().iter().map(|l| l.slug.as_str()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), 14);
    let austin = dir.by_code(AreaCode::parse("0012420").unwrap()).unwrap();
    assert_eq!(austin.url(), "/pay/austin-round-rock-san-marcos-tx");
    assert_eq!(dir.by_slug("texas").unwrap().code.as_str(), "4800000");
    assert_eq!(dir.state_of(austin).unwrap().name, "Texas");
    assert!(dir.areas_in(austin.state).any(|l| l.code == austin.code));
    // Every page's address leads back to its listing; nothing else has a position.
    for listing in dir.pages() {
        let position = dir.page_position(&listing.url()).unwrap();
        assert_eq!(dir.all()[position].code, listing.code);
    }
    let national = dir.all()[0].url();
    for other in [
        national.as_str(),
        "/pay",
        "/pay/",
        "/pay/atlantis",
        "/payroll/texas",
        "/texas",
    ] {
        assert_eq!(dir.page_position(other), None, "{other}");
    }
}

#[test]
fn search_forgives_case_punctuation_and_partial_words() {
    let dir = directory();
    for query in [
        "austin",
        "AUSTIN",
        "Austin,",
        "aust",
        "round rock",
        "san marcos tx",
    ] {
        assert_eq!(
            names(&dir.search(query)),
            ["Austin-Round Rock-San Marcos, TX"],
            "{query}"
        );
    }
    assert_eq!(
        names(&dir.search("salt lake"))[0],
        "Salt Lake City-Murray, UT"
    );
    assert_eq!(names(&dir.search("d'alene")), ["Coeur d'Alene, ID"]);
    assert_eq!(names(&dir.search("dalene")), ["Coeur d'Alene, ID"]);
}

#[test]
fn search_puts_states_first_and_finds_areas_by_their_state() {
    let dir = directory();
    let found = dir.search("texas");
    assert_eq!(
        names(&found),
        [
            "Texas",
            "Austin-Round Rock-San Marcos, TX",
            "Hill Country Region of Texas nonmetropolitan area"
        ],
        "Texas, then the areas listed under it"
    );
}

#[test]
fn search_without_words_or_match_finds_nothing() {
    let dir = directory();
    assert!(dir.search("").is_empty());
    assert!(dir.search(" ,.- ").is_empty());
    assert!(dir.search("atlantis").is_empty());
}

#[test]
fn an_area_is_set_against_the_nation_with_its_series() {
    let austin = AreaCode::parse("0012420").unwrap();
    let pay = occupation_pay(extract(), austin, soc("29-2072"));
    let median = pay.median_row();
    assert_eq!(median.statistic, Datatype::AnnualMedian);
    assert_eq!(median.annual.wage(), Some(Cents::from_dollars(48_990)));
    assert_eq!(
        median.national_annual.wage(),
        Some(Cents::from_dollars(51_140))
    );
    assert_eq!(median.hourly.wage(), Some(Cents(2355)));
    // 48,990 - 51,140 = -2,150, which is 4.2% of 51,140.
    assert_eq!(
        median.versus_nation,
        Some(Difference {
            amount: Cents::from_dollars(-2_150),
            tenths_of_percent: -42
        })
    );
    assert_eq!(
        median.annual.series_id().unwrap().to_string(),
        "OEUM001242000000029207213"
    );
    assert_eq!(pay.employment.value(), Some(oews::Value::Jobs(1320)));
    assert!(
        !pay.employment_imprecise(),
        "an RSE of 12.2% is within our threshold"
    );
    assert!(!pay.wages_imprecise());
}

#[test]
fn imprecise_and_not_released_estimates_are_told_apart() {
    // Salt Lake City's specialists: wages released, employment not (footnote 8).
    let salt_lake = AreaCode::parse("0041620").unwrap();
    let pay = occupation_pay(extract(), salt_lake, soc("29-9021"));
    assert!(matches!(
        pay.employment,
        Estimate::NotReleased { footnote, .. } if footnote.as_char() == '8'
    ));
    assert!(pay.has_wages());
    assert!(
        !pay.employment_imprecise(),
        "no RSE released, nothing to flag"
    );
    // Austin's specialists: an employment RSE of 20.0% is at the threshold, not above it.
    let austin = AreaCode::parse("0012420").unwrap();
    assert!(!occupation_pay(extract(), austin, soc("29-9021")).employment_imprecise());
    let flagged = directory()
        .pages()
        .filter(|l| occupation_pay(extract(), l.code, soc("29-9021")).employment_imprecise())
        .count();
    // Hill Country Region of Texas nonmetropolitan area: an employment RSE of 26.8%.
    assert_eq!(flagged, 1, "some small areas' counts are imprecise");
}

#[test]
fn a_state_ranks_its_areas_by_median_and_the_map_has_every_state() {
    let dir = directory();
    let texas = dir.by_slug("texas").unwrap();
    let cache = AreaCache::new(Some(extract()));
    let areas = Areas::new(extract(), salary::fixture(), &cache);
    let ranked = ranked_in_state(areas, dir, texas, soc("29-2072"));
    let medians: Vec<Cents> = ranked.iter().filter_map(|(_, m)| m.amount).collect();
    assert!(medians.windows(2).all(|w| w[0] >= w[1]));
    assert!(
        ranked
            .iter()
            .any(|(l, _)| l.name == "Austin-Round Rock-San Marcos, TX")
    );
    let states = state_medians(areas, dir, soc("29-2072"));
    assert_eq!(states.len(), 7);
    let tx = states.iter().find(|(l, _)| l.name == "Texas").unwrap();
    assert_eq!(tx.1.amount, Some(Cents::from_dollars(48_860)));
}

#[test]
fn an_area_without_the_occupation_has_nothing_published() {
    let pay = occupation_pay(
        extract(),
        AreaCode::parse("0099999").unwrap(),
        soc("29-2072"),
    );
    assert!(!pay.published);
    assert_eq!(pay.employment, Estimate::NotPublished);
    assert!(!pay.has_wages());
    assert_eq!(pay.median(), None);
    assert!(pay.wages.iter().all(|row| row.annual.series_id().is_none()));
    assert!(
        pay.median_row()
            .national_annual
            .series_id()
            .is_some_and(|id| id.datatype == Datatype::AnnualMedian)
    );
}

#[test]
fn the_search_is_read_from_q_alone() {
    assert_eq!(search_query(""), Ok(None));
    assert_eq!(search_query("q="), Ok(None));
    assert_eq!(search_query("q=+salt+lake+"), Ok(Some("salt lake".into())));
    assert_eq!(
        search_query("utm_source=x&q=austin"),
        Ok(Some("austin".into()))
    );
    assert_eq!(search_query("q=austin&q=austin"), Ok(Some("austin".into())));
    assert_eq!(search_query("q=&q=austin"), Ok(Some("austin".into())));
    assert_eq!(
        search_query("q=austin&q=dallas"),
        Err(SearchProblem::Repeated)
    );
    assert_eq!(search_query("q=%FF"), Err(SearchProblem::Malformed));
    assert_eq!(search_query("q=%2"), Err(SearchProblem::Malformed));
    let long = format!("q={}", "a".repeat(MAX_SEARCH_CHARS + 1));
    assert_eq!(search_query(&long), Err(SearchProblem::TooLong));
    assert_eq!(
        search_query(&format!("q={}", "é".repeat(MAX_SEARCH_CHARS))).map(|q| q.is_some()),
        Ok(true)
    );
}

mod aliases {
    use super::directory;
    use crate::aliases::{AreaAlias, parse};
    use std::path::Path;

    fn parsed(text: &str) -> Result<Vec<AreaAlias>, Vec<(Option<usize>, String)>> {
        parse(Path::new("content/pay-aliases.toml"), text, directory()).map_err(|problems| {
            problems
                .into_iter()
                .map(|p| {
                    assert_eq!(p.file, Path::new("content/pay-aliases.toml"));
                    (p.line, p.message)
                })
                .collect()
        })
    }

    #[test]
    fn an_old_address_leads_to_the_page_of_the_area_it_names() {
        let aliases = parsed(
            "# Renamed by BLS\n[aliases]\n\"/pay/austin-round-rock-georgetown-tx\" = \"0012420\"\n",
        )
        .unwrap();
        assert_eq!(
            aliases,
            [AreaAlias {
                from: "/pay/austin-round-rock-georgetown-tx".into(),
                to: "/pay/austin-round-rock-san-marcos-tx".into(),
            }]
        );
        assert_eq!(parsed("# none yet\n[aliases]\n").unwrap(), []);
        assert_eq!(parsed("").unwrap(), []);
    }

    #[test]
    fn each_wrong_alias_is_named_with_its_line() {
        let problems = parsed(
            "[aliases]\n\
             \"/guide/old\" = \"0012420\"\n\
             \"/pay/Old-Austin\" = \"0012420\"\n\
             \"/pay/texas\" = \"0012420\"\n\
             \"/pay/atlantis\" = \"9999999\"\n\
             \"/pay/austin-old\" = \"Austin\"\n",
        )
        .unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|(line, _)| *line).collect();
        let messages: Vec<&str> = problems.iter().map(|(_, m)| m.as_str()).collect();
        // The aliases are checked in address order: /guide first, then /pay/Old- before /pay/a.
        assert_eq!(
            lines,
            [Some(2), Some(3), Some(5), Some(6), Some(4)],
            "{messages:?}"
        );
        assert!(messages[0].contains("is not an area page's address"));
        assert!(messages[1].contains("is not written as the site writes addresses"));
        assert!(messages[2].contains("names `9999999`, which is not an area with a page"));
        assert!(messages[3].contains("names `Austin`"));
        assert!(messages[4].contains("is the address of an area page that exists"));
        let broken = parsed("[aliases]\n\"/pay/x\" = 12420\n").unwrap_err();
        assert_eq!(broken[0].0, Some(2), "{broken:?}");
        assert!(broken[0].1.starts_with("this is not a valid alias file"));
    }
}

#[test]
fn the_view_is_read_from_prices_and_anything_else_is_refused() {
    assert_eq!(view_basis(""), Ok(Basis::AsPaid));
    assert_eq!(view_basis("q=austin"), Ok(Basis::AsPaid));
    assert_eq!(view_basis("prices=national"), Ok(Basis::AtNationalPrices));
    assert_eq!(
        view_basis("prices=national&q=utah&prices=national"),
        Ok(Basis::AtNationalPrices)
    );
    assert_eq!(view_basis("prices=paid"), Ok(Basis::AsPaid));
    for bad in [
        "prices=real",
        "prices=national&prices=paid",
        "prices=%3Cb%3E",
    ] {
        assert_eq!(view_basis(bad), Err(SearchProblem::UnknownPrices), "{bad}");
    }
    assert_eq!(view_basis("prices=%FF"), Err(SearchProblem::Malformed));
}
