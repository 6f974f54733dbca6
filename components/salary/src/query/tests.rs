//! The query's tests: parsing, rejecting and writing back, on small fixture data.

use super::*;
use sources::Source;
use std::path::Path;
use std::sync::LazyLock;

fn data() -> &'static SalaryData {
    static DATA: LazyLock<SalaryData> = LazyLock::new(|| {
        let sources: Vec<Source> = sources::parse(
            Path::new("s.toml"),
            "[[source]]\nid=\"bls\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"data\"\ndate=\"d\"\ncontributed=\"c\"\n",
        )
        .unwrap();
        let occupation = |id: &str, soc: &str| {
            format!(
                "[[occupation]]\nid=\"{id}\"\nsoc=\"{soc}\"\ntitle=\"T\"\nshort=\"t\"\nhim_titles=[]\nentry_education=\"e\"\n\
                 [[figure]]\nid=\"{id}-m\"\noccupation=\"{id}\"\nstatistic=\"median\"\nperiod=\"annual\"\n\
                 amount=\"$50,000\"\nrelease=\"OOH May 2023\"\nscope=\"national\"\nsource=\"bls\"\n"
            )
        };
        let text = format!(
            "reviewed = 2026-11-22\n{}{}",
            occupation("specialist", "29-2072"),
            occupation("technologist", "29-9021")
        );
        crate::data::parse(Path::new("salary.toml"), &text, &sources).unwrap()
    });
    &DATA
}

fn parse(raw: &str) -> Result<Query<'static>, Box<Rejected>> {
    Query::parse(raw, data(), None)
}

fn errors(raw: &str) -> Vec<(Field, Problem)> {
    parse(raw)
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn an_empty_query_is_the_default_comparison() {
    assert_eq!(parse("").unwrap(), Query::default_for(data()));
    assert_eq!(
        parse("offer=&period=&occupation=").unwrap(),
        Query::default_for(data())
    );
}

#[test]
fn reads_an_offer_and_converts_it_to_a_year() {
    let query =
        parse("occupation=technologist&offer=24.50&period=hour&display=month&utm_source=school")
            .unwrap();
    assert_eq!(
        query.offer,
        Some(Offer {
            amount: Cents(2450),
            period: Period::Hour,
            annual: Cents::from_dollars(50_960)
        })
    );
    assert_eq!(query.display, Display::Month);
    assert_eq!(query.occupation.id, "technologist");
    assert_eq!(
        query.to_query_string(),
        "compare=ladder&occupation=technologist&baseline=specialist&display=month&offer=24.50&period=hour"
    );
}

#[test]
fn decodes_percent_escapes_and_plus_signs() {
    let query = parse("offer=%2452%2C000+&period=year").unwrap();
    assert_eq!(query.offer.unwrap().amount, Cents::from_dollars(52_000));
    assert_eq!(
        decode("q=a+b%2Bc%C3%A9&empty=&bare").unwrap(),
        [
            ("q".to_string(), "a b+cé".to_string()),
            ("empty".to_string(), String::new()),
            ("bare".to_string(), String::new()),
        ],
        "a plus is a space, an escaped one a plus"
    );
}

#[test]
fn rejects_each_bad_field_and_keeps_the_input() {
    let rejected =
        parse("occupation=wizard&offer=lots&period=fortnight&display=week&compare=x").unwrap_err();
    assert_eq!(rejected.input.offer, "lots");
    assert_eq!(rejected.input.occupation, "wizard");
    let fields: Vec<_> = rejected.errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::Compare,
            Field::Occupation,
            Field::Display,
            Field::Period,
            Field::Offer
        ]
    );
    assert_eq!(
        rejected.error_for(Field::Offer).unwrap().problem,
        Problem::NotANumber
    );
    let partial = parse("offer=abc").unwrap_err();
    assert_eq!(
        (
            partial.input.compare.as_str(),
            partial.input.period.as_str()
        ),
        ("ladder", "year"),
        "defaults fill the gaps"
    );
}

#[test]
fn rejects_zero_negative_and_absurd_offers() {
    assert_eq!(errors("offer=0"), [(Field::Offer, Problem::Zero)]);
    assert_eq!(errors("offer=-5"), [(Field::Offer, Problem::Negative)]);
    let too_much = [(Field::Offer, Problem::AboveMaximum { max: MAX_ANNUAL })];
    assert_eq!(errors("offer=10000001"), too_much);
    assert_eq!(errors("offer=5000&period=hour"), too_much);
    assert!(parse("offer=10000000").is_ok());
}

#[test]
fn rejects_malformed_encoding_and_conflicting_repeats() {
    assert_eq!(errors("offer=%zz"), [(Field::Query, Problem::Malformed)]);
    assert_eq!(errors("offer=%FF"), [(Field::Query, Problem::Malformed)]);
    // A sign is not a hexadecimal digit: u8::from_str_radix once read "%+1" as byte 1.
    assert_eq!(errors("offer=%+1"), [(Field::Query, Problem::Malformed)]);
    assert_eq!(errors("offer=5%"), [(Field::Query, Problem::Malformed)]);
    assert_eq!(errors("offer=%4"), [(Field::Query, Problem::Malformed)]);
    assert_eq!(
        errors("offer=1&offer=2"),
        [(Field::Offer, Problem::Repeated)]
    );
    assert!(parse("offer=1&offer=1").is_ok());
    let many = vec!["a=1"; 40].join("&");
    assert_eq!(
        errors(&many),
        [(Field::Query, Problem::TooManyParameters { max: 32 })]
    );
}

fn in_areas(raw: &str) -> Result<Query<'static>, Box<Rejected>> {
    Query::parse(raw, crate::fixture(), Some(crate::fixture_areas()))
}

#[test]
fn reads_an_area_and_keeps_it_in_the_canonical_query() {
    let query = in_areas("area=0012420&occupation=manager&offer=24.50&period=hour").unwrap();
    let pay = query.area.expect("an area");
    assert_eq!(pay.area.name, "Austin-Round Rock-San Marcos, TX");
    assert_eq!(
        query.to_query_string(),
        "compare=ladder&area=0012420&occupation=manager&baseline=specialist&display=year&offer=24.50&period=hour"
    );
    assert_eq!(query.to_input().area, "0012420");
    let texas = oews::AreaCode::parse("4800000");
    assert!(query.to_query_string_in(texas).contains("&area=4800000&"));
    assert!(!query.to_query_string_in(None).contains("area="));
}

#[test]
fn the_nation_is_no_area_and_its_query_names_none() {
    for raw in ["", "area=", "area=0000000", "area=0000000&area="] {
        let query = in_areas(raw).unwrap();
        assert_eq!(query.area, None, "{raw}");
        assert!(!query.to_query_string().contains("area"), "{raw}");
        assert_eq!(query.to_input().area, "0000000");
    }
    assert_eq!(parse("area=0000000").unwrap(), Query::default_for(data()));
}

#[test]
fn rejects_malformed_unknown_and_repeated_areas() {
    let area_error = |raw: &str| {
        let rejected = in_areas(raw).unwrap_err();
        (
            rejected.input.area.clone(),
            rejected.error_for(Field::Area).map(|e| e.problem),
        )
    };
    for bad in ["12420", "00124200", "austin", "00 1242", "-012420"] {
        assert_eq!(
            area_error(&format!("area={bad}")).1,
            Some(Problem::NotAnAreaCode),
            "{bad}"
        );
    }
    assert_eq!(
        area_error("area=9999999"),
        ("9999999".to_string(), Some(Problem::UnknownChoice))
    );
    assert_eq!(
        area_error("area=0012420&area=4800000").1,
        Some(Problem::Repeated)
    );
    assert!(in_areas("area=0012420&area=0012420").is_ok());
    // Without the extract, only the nation is known.
    assert_eq!(
        errors("area=4800000"),
        [(Field::Area, Problem::UnknownChoice)]
    );
    let other = parse("offer=lots").unwrap_err();
    assert_eq!(other.input.area, "0000000", "the nation fills the gap");
}

#[test]
fn writes_amounts_back_plainly() {
    assert_eq!(plain_amount(Cents(5_200_000)), "52000");
    assert_eq!(plain_amount(Cents(2405)), "24.05");
}

#[test]
fn the_comparison_without_its_offer_is_the_same_for_every_offer_and_only_then() {
    let key = |raw: &str| in_areas(raw).unwrap().comparison_query_string();
    let base = "area=0012420&occupation=technologist&baseline=manager&display=hour";
    let without = key(base);
    assert_eq!(
        without,
        "compare=ladder&area=0012420&occupation=technologist&baseline=manager&display=hour"
    );
    for offer in ["&offer=24.50&period=hour", "&offer=51000", "&period=month"] {
        assert_eq!(key(&format!("{base}{offer}")), without, "{offer}");
    }
    for other in [
        "area=4800000&occupation=technologist&baseline=manager&display=hour",
        "area=0012420&occupation=manager&baseline=manager&display=hour",
        "area=0012420&occupation=technologist&baseline=specialist&display=hour",
        "area=0012420&occupation=technologist&baseline=manager&display=year",
        "compare=settings&occupation=technologist&baseline=manager&display=hour",
    ] {
        assert_ne!(key(other), without, "{other}");
    }
}

#[test]
fn reads_a_second_place_and_writes_it_last_in_the_canonical_query() {
    let query = in_areas("vs=0012420&offer_vs=61000&offer=55000&area=4800000").unwrap();
    let vs = query.vs.expect("a second place");
    assert_eq!(vs.area.map(|pay| pay.area.code.as_str()), Some("0012420"));
    assert_eq!(
        vs.offer.map(|o| o.annual),
        Some(Cents::from_dollars(61_000))
    );
    assert_eq!(
        query.to_query_string(),
        "compare=ladder&area=4800000&occupation=technologist&baseline=specialist&display=year&offer=55000&period=year&vs=0012420&offer_vs=61000"
    );
    // The tables depend on the second place, not on either offer.
    assert_eq!(
        query.comparison_query_string(),
        "compare=ladder&area=4800000&occupation=technologist&baseline=specialist&display=year&vs=0012420"
    );
    // The nation as the second place; its offer alone still writes the period.
    let nation = in_areas("area=0012420&vs=0000000&offer_vs=30&period=hour").unwrap();
    assert_eq!(nation.vs.map(|vs| vs.area), Some(None));
    assert!(
        nation
            .to_query_string()
            .ends_with("&display=year&vs=0000000&offer_vs=30&period=hour")
    );
    assert_eq!(nation.to_input().vs, "0000000");
    assert_eq!(in_areas("area=0012420").unwrap().vs, None);
}

#[test]
fn rejects_the_same_place_twice_an_offer_without_a_place_and_settings_with_two() {
    let error = |raw: &str| {
        in_areas(raw)
            .unwrap_err()
            .errors
            .iter()
            .map(|e| (e.field, e.problem))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        error("area=0012420&vs=0012420"),
        [(Field::Vs, Problem::SamePlace)]
    );
    assert_eq!(error("vs=0000000"), [(Field::Vs, Problem::SamePlace)]);
    assert_eq!(
        error("offer_vs=50000"),
        [(Field::OfferVs, Problem::NoSecondPlace)]
    );
    assert_eq!(
        error("compare=settings&vs=4800000"),
        [(Field::Vs, Problem::VersusNeedsLadder)]
    );
    assert_eq!(
        error("vs=4800000&offer_vs=-5"),
        [(Field::OfferVs, Problem::Negative)]
    );
    assert_eq!(error("vs=9999999"), [(Field::Vs, Problem::UnknownChoice)]);
    assert_eq!(error("vs=<b>"), [(Field::Vs, Problem::NotAnAreaCode)]);
    assert_eq!(
        error("vs=4800000&vs=0012420"),
        [(Field::Vs, Problem::Repeated)]
    );
}
