//! The comparison's tests, on the salary crate's fixture data.

use super::*;
use crate::current::Missing;
use crate::fixture;
use crate::percentile::Position;

fn report(raw: &str) -> Report<'static> {
    compute(fixture(), Query::parse(raw, fixture(), None).unwrap())
}

#[test]
fn the_ladder_shows_every_occupation_with_differences_from_the_baseline() {
    let report = report("compare=ladder&baseline=specialist");
    let Rows::Ladder(rows) = &report.rows else {
        panic!("a ladder")
    };
    let ids: Vec<_> = rows.iter().map(|r| r.occupation.id.as_str()).collect();
    assert_eq!(ids, ["specialist", "technologist", "manager"]);
    assert_eq!(rows[0].difference, None);
    assert_eq!(rows[0].median.text(), "$44,090");
    assert_eq!(
        (rows[0].median_hourly.text(), rows[0].median_hourly.computed),
        ("$21.20".to_string(), false)
    );
    assert_eq!(rows[0].median_annual.text(), "$44,090");
    // $58,250 - $44,090 = $14,160, which is 32.1% of $44,090.
    assert_eq!(
        rows[1].difference,
        Some(Difference {
            amount: Cents::from_dollars(14_160),
            tenths_of_percent: 321
        })
    );
    assert_eq!(rows[2].p90.as_ref().unwrap().text(), "$189,000");
    assert_eq!(
        rows[2].p90.as_ref().unwrap().figure.release,
        "OEWS May 2019"
    );
    assert_eq!(
        report.notes,
        [
            Note::MixedReleases(vec!["OOH May 2020", "OOH May 2022", "OOH May 2023"]),
            Note::RangeOlderThanMedian
        ]
    );
    assert_eq!(report.sources[0], "bls-ooh-mrs-2020");
}

#[test]
fn hourly_pay_uses_published_hourly_figures_and_monthly_pay_is_computed() {
    let report = report("display=hour");
    let Rows::Ladder(rows) = &report.rows else {
        panic!()
    };
    assert_eq!(
        (rows[1].median.text(), rows[1].median.computed),
        ("$28.01".to_string(), false)
    );
    // The May 2011 distribution has no hourly figures: its ends are computed from annual pay.
    assert_eq!(
        (
            rows[0].p10.as_ref().unwrap().text(),
            rows[0].p10.as_ref().unwrap().computed
        ),
        ("$10.42".to_string(), true)
    );
    let monthly = super::tests::report("display=month");
    let Rows::Ladder(rows) = &monthly.rows else {
        panic!()
    };
    assert_eq!(
        (rows[1].median.text(), rows[1].median.computed),
        ("$4,854".to_string(), true)
    );
    assert!(
        monthly
            .notes
            .contains(&Note::ComputedFromAnnual(Period::Month))
    );
}

#[test]
fn places_an_hourly_offer_among_technologists() {
    let check = report("occupation=technologist&offer=24.50&period=hour")
        .offer
        .unwrap();
    assert_eq!(check.offer.annual, Cents::from_dollars(50_960));
    let Estimate::Placed {
        placement,
        distribution,
    } = &check.estimate
    else {
        panic!("placed")
    };
    assert_eq!(distribution.release, "OEWS May 2021");
    assert_eq!(placement.position, Position::P25P50);
    // 25 + (50,960 - 37,500) / (55,560 - 37,500) x 25 = 43.63
    assert!((placement.percentile.unwrap() - 43.632).abs() < 0.001);
    // $50,960 - $58,250 = -$7,290, 12.5% below the newest median.
    assert_eq!(check.median.release, "OOH May 2022");
    assert_eq!(check.versus_median.amount, Cents::from_dollars(-7_290));
    assert_eq!(check.versus_median.tenths_of_percent, -125);
}

#[test]
fn does_not_place_an_offer_in_a_distribution_too_old() {
    let check = report("occupation=specialist&offer=40000").offer.unwrap();
    let Estimate::TooOld { distribution } = &check.estimate else {
        panic!("too old: {:?}", check.estimate)
    };
    assert_eq!(distribution.year, 2011);
    assert_eq!(check.reviewed_year - distribution.year, 15);
}

#[test]
fn names_offers_outside_the_published_range() {
    let position = |raw: &str| match report(raw).offer.unwrap().estimate {
        Estimate::Placed { placement, .. } => (placement.position, placement.percentile),
        other => panic!("placed: {other:?}"),
    };
    assert_eq!(
        position("occupation=manager&offer=50000"),
        (Position::BelowP10, None)
    );
    assert_eq!(
        position("occupation=manager&offer=200000"),
        (Position::AboveP90, None)
    );
}

#[test]
fn settings_show_industry_means_and_set_the_articles_figures_apart() {
    let report = report("compare=settings&occupation=manager");
    let Rows::Settings { industries, claims } = &report.rows else {
        panic!()
    };
    assert!(!industries.is_empty());
    assert!(industries.iter().all(|r| !r.shown.figure.is_claim()));
    assert_eq!(
        (industries[0].setting, industries[0].shown.text()),
        (
            "General medical and surgical hospitals",
            "$124,180".to_string()
        )
    );
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c.shown.figure.is_claim()));
    assert!(report.notes.contains(&Note::IndustryMeansNotMedians));
    assert!(report.notes.contains(&Note::ArticleWorkplaceFigures));
    let specialists = super::tests::report("compare=settings&occupation=specialist");
    assert!(matches!(
        specialists.notes[0],
        Note::NoIndustryPay(o) if o.id == "specialist"
    ));
}

proptest::proptest! {
    #[test]
    fn no_query_makes_parsing_or_computing_panic(raw in "[a-z=&%0-9A-F.,$+-]{0,80}|\\PC{0,60}") {
        if let Ok(query) = Query::parse(&raw, fixture(), None) {
            let report = compute(fixture(), query);
            proptest::prop_assert_eq!(report.offer.is_some(), query.offer.is_some());
        }
    }

    #[test]
    fn an_offer_in_any_area_is_checked_exactly_where_bls_published_its_occupation(
        area in 0usize..6, occupation in 0usize..3, dollars in 1i64..400_000, compare in 0usize..2,
    ) {
        let areas = crate::fixture_areas();
        let code = ["", "0000000", "4800000", "4900000", "0012420", "9999999"][area];
        let raw = format!(
            "area={code}&occupation={}&offer={dollars}&compare={}",
            fixture().occupations[occupation].id, Compare::ALL[compare].as_str()
        );
        match Query::parse(&raw, fixture(), Some(areas)) {
            Ok(query) => {
                let report = compute(fixture(), query);
                let published = query.area.is_none_or(|pay| pay.median(query.occupation).is_some());
                proptest::prop_assert_eq!(report.offer.is_some(), published);
                proptest::prop_assert_eq!(
                    report.not_published.iter().any(|m| m.occupation == query.occupation),
                    !published
                );
            }
            Err(rejected) => proptest::prop_assert_eq!(code, "9999999", "{:?}", rejected.errors),
        }
    }

    #[test]
    fn any_valid_offer_is_checked_against_the_newest_median(
        cents in 1i64..1_000_000_000, period in 0usize..5, occupation in 0usize..3, display in 0usize..3,
    ) {
        let data = fixture();
        let period = Period::ALL[period];
        let raw = format!(
            "occupation={}&offer={}.{:02}&period={}&display={}",
            data.occupations[occupation].id, cents / 100, cents % 100, period.as_str(), Display::ALL[display].as_str()
        );
        match Query::parse(&raw, data, None) {
            Ok(query) => {
                let check = compute(data, query).offer.unwrap();
                proptest::prop_assert_eq!(check.median, data.median_of(check.occupation));
            }
            Err(rejected) => proptest::prop_assert_eq!(rejected.errors[0].field, crate::query::Field::Offer),
        }
    }
}

fn in_area(raw: &str) -> Report<'static> {
    let areas = crate::fixture_areas();
    compute(
        fixture(),
        Query::parse(raw, fixture(), Some(areas)).unwrap(),
    )
}

#[test]
fn the_ladder_in_an_area_uses_its_distribution_and_leaves_out_what_bls_did_not_publish() {
    let report = in_area("area=0012420&baseline=manager&display=hour");
    let Rows::Ladder(rows) = &report.rows else {
        panic!("a ladder")
    };
    let ids: Vec<_> = rows.iter().map(|r| r.occupation.id.as_str()).collect();
    assert_eq!(ids, ["manager"], "Austin's fixture has managers only");
    let manager = &rows[0];
    assert_eq!(
        (manager.median.text(), manager.median.computed),
        ("$60.63".to_string(), false)
    );
    assert_eq!(manager.median_annual.text(), "$126,110");
    assert_eq!(manager.p90.as_ref().unwrap().text(), "$129.37");
    assert_eq!(
        manager.median_annual.figure.series.unwrap().to_string(),
        "OEUM001242000000011911113"
    );
    assert_eq!(manager.difference, None);
    let missing: Vec<_> = report
        .not_published
        .iter()
        .map(|m| {
            (
                m.occupation.id.as_str(),
                m.missing,
                m.state.map(|s| s.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        missing,
        [
            ("specialist", Missing::NoSeries, Some("Texas")),
            ("technologist", Missing::NoSeries, None),
        ]
    );
    assert!(
        !report
            .notes
            .iter()
            .any(|n| matches!(n, Note::RangeOlderThanMedian | Note::MixedReleases(_)))
    );
    assert_eq!(report.sources, ["bls-oews-2025"]);
}

#[test]
fn a_baseline_without_pay_in_the_area_measures_no_differences() {
    let report = in_area("area=4800000&baseline=technologist");
    let Rows::Ladder(rows) = &report.rows else {
        panic!("a ladder")
    };
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.difference.is_none()));
    assert!(matches!(
        report.notes[0],
        Note::NoBaselineInArea(o, a) if o.id == "technologist" && a.name == "Texas"
    ));
}

#[test]
fn places_an_offer_in_the_areas_distribution() {
    let check = in_area("area=0012420&occupation=manager&offer=100000")
        .offer
        .unwrap();
    assert_eq!(
        check.area.map(|a| a.name.as_str()),
        Some("Austin-Round Rock-San Marcos, TX")
    );
    assert_eq!(check.median.amount, Cents::from_dollars(126_110));
    let Estimate::Placed {
        placement,
        distribution,
    } = &check.estimate
    else {
        panic!("placed: {:?}", check.estimate)
    };
    assert_eq!(distribution.release, "OEWS May 2025");
    // Between the 25th ($93,110) and the median ($126,110).
    assert_eq!(placement.position, Position::P25P50);
}

#[test]
fn does_not_check_an_offer_where_bls_published_no_pay() {
    let report = in_area("area=0012420&occupation=specialist&offer=40000");
    assert_eq!(report.offer, None, "no national figure slips in");
    assert!(
        report
            .not_published
            .iter()
            .any(|m| m.occupation.id == "specialist")
    );
}

#[test]
fn settings_in_an_area_stay_national_and_say_so() {
    let national = report("compare=settings&occupation=manager");
    let texas = in_area("compare=settings&occupation=manager&area=4800000");
    assert_eq!(texas.rows, national.rows);
    assert!(matches!(
        texas.notes[0],
        Note::IndustriesNationalOnly(area) if area.name == "Texas"
    ));
}

#[test]
fn ranges_from_the_medians_own_release_need_no_note_about_their_age() {
    // Keep, for each occupation, only the medians of its newest full distribution's release.
    let mut data = fixture().clone();
    let newest: Vec<(String, String)> = data
        .occupations
        .iter()
        .map(|o| {
            let release = data.distributions(&o.id)[0].release.to_string();
            (o.id.clone(), release)
        })
        .collect();
    data.figures.retain(|f| {
        f.is_claim()
            || f.statistic != Statistic::Median
            || newest
                .iter()
                .any(|(id, release)| *id == f.occupation && *release == f.release)
    });
    let report = compute(&data, Query::parse("", &data, None).unwrap());
    assert!(
        !report.notes.contains(&Note::RangeOlderThanMedian),
        "{:?}",
        report.notes
    );
    // The fixture as it is mixes a 2023 median with a 2019 range: the note stays.
    assert!(self::report("").notes.contains(&Note::RangeOlderThanMedian));
}

proptest::proptest! {
    #[test]
    fn two_places_are_each_computed_alone_and_differ_by_their_medians(
        here in 0usize..4, there in 0usize..4, dollars in 1i64..400_000,
    ) {
        let codes = ["0000000", "4800000", "4900000", "0012420"];
        let raw = format!(
            "area={}&vs={}&offer={dollars}&offer_vs={}",
            codes[here], codes[there], dollars + 1_000
        );
        let parsed = Query::parse(&raw, fixture(), Some(crate::fixture_areas()));
        if here == there {
            let rejected = parsed.unwrap_err();
            proptest::prop_assert_eq!(rejected.errors.len(), 1);
            proptest::prop_assert_eq!(rejected.errors[0].problem, crate::query::Problem::SamePlace);
            return Ok(());
        }
        let query = parsed.unwrap();
        let report = compute(fixture(), query);
        let pair = report.versus.as_ref().expect("a second place");
        // The second place's report is the one a query for it alone gives.
        let alone = compute(fixture(), Query { area: query.vs.unwrap().area, offer: query.vs.unwrap().offer, vs: None, ..query });
        proptest::prop_assert_eq!(&*pair.report, &alone);
        for row in &pair.rows {
            let median = |row: &Option<LadderRow<'_>>| row.as_ref().map(|r| r.median_annual.figure.amount);
            let expected = median(&row.here).zip(median(&row.there)).map(|(h, t)| t.0 - h.0);
            proptest::prop_assert_eq!(row.difference.map(|d| d.amount.0), expected);
        }
        if let Some(offers) = pair.offers {
            proptest::prop_assert_eq!(offers.difference.amount.0, offers.there.0 - offers.here.0);
        }
    }
}
