//! Computes what a query asks for: the occupations side by side, one occupation by work setting,
//! and where an offer falls. Every amount keeps the figure it came from, and says whether it was
//! published or computed by us.

use super::capitalise;
use super::data::{Distribution, Figure, Occupation, PayBasis, SalaryData};
use super::money::{Cents, Period, from_annual};
use super::percentile::{Placement, Position, ordinal, place};
use super::query::{Compare, Display, Offer, Query};

/// An amount as shown, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown<'a> {
    /// The amount per the display period.
    pub amount: Cents,
    pub period: Period,
    /// The published figure it is, or was computed from.
    pub figure: &'a Figure,
    /// True when we converted it (annual to monthly or hourly); false when BLS published it as is.
    pub computed: bool,
}

impl Shown<'_> {
    pub fn text(&self) -> String {
        self.period.amount_text(self.amount)
    }
}

/// A difference from the baseline occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub amount: Cents,
    /// In tenths of a percent, rounded: 905 is 90.5%.
    pub tenths_of_percent: i64,
}

impl Difference {
    fn between(value: Cents, baseline: Cents) -> Difference {
        let diff = value.0 - baseline.0;
        Difference {
            amount: Cents(diff),
            tenths_of_percent: Cents(diff * 1000).div_round(baseline.0).0,
        }
    }

    /// "+$14,090 (+32.0%)".
    pub fn text(&self, period: Period) -> String {
        let sign = if self.amount.0 >= 0 { "+" } else { "-" };
        let amount = period.amount_text(Cents(self.amount.0.abs()));
        let tenths = self.tenths_of_percent.abs();
        format!("{sign}{amount} ({sign}{}.{}%)", tenths / 10, tenths % 10)
    }

    pub fn percent(&self) -> f64 {
        self.tenths_of_percent as f64 / 10.0
    }
}

/// One occupation on the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderRow<'a> {
    pub occupation: &'a Occupation,
    /// The newest median, per the display period.
    pub median: Shown<'a>,
    /// The same median per year and per hour, whatever the display period.
    pub median_annual: Shown<'a>,
    pub median_hourly: Shown<'a>,
    /// The 10th and 90th percentiles of the newest distribution, if there is one.
    pub p10: Option<Shown<'a>>,
    pub p90: Option<Shown<'a>>,
    /// `None` for the baseline itself.
    pub difference: Option<Difference>,
}

/// One work setting.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingRow<'a> {
    pub setting: &'a str,
    pub shown: Shown<'a>,
}

/// What the comparison shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows<'a> {
    Ladder(Vec<LadderRow<'a>>),
    Settings {
        /// BLS mean wages by industry for the chosen occupation.
        industries: Vec<SettingRow<'a>>,
        /// Articles' figures by type of workplace, shown apart with their caveat.
        claims: Vec<SettingRow<'a>>,
    },
}

/// How an offer could be judged.
#[derive(Debug, Clone, PartialEq)]
pub enum Estimate<'a> {
    /// Placed in a recent enough distribution.
    Placed {
        distribution: Distribution<'a>,
        placement: Placement,
    },
    /// The only distribution is too old to place an offer in.
    TooOld { distribution: Distribution<'a> },
    /// The data has no percentile distribution for the occupation.
    NoDistribution,
}

/// An offer checked against the chosen occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferCheck<'a> {
    pub offer: Offer,
    pub estimate: Estimate<'a>,
    /// The occupation's newest median, and the offer's difference from it (both annual).
    pub median: &'a Figure,
    pub versus_median: Difference,
    /// The result in words, with the numbers and the data year.
    pub summary: String,
}

/// Everything a query asks for, ready to be shown as HTML, JSON or CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    pub query: &'a Query,
    pub occupation: &'a Occupation,
    pub baseline: &'a Occupation,
    pub rows: Rows<'a>,
    pub offer: Option<OfferCheck<'a>>,
    /// Caveats a reader needs, in plain words.
    pub notes: Vec<String>,
    /// Ids of every source behind a figure in the report, in first-use order.
    pub sources: Vec<&'a str>,
}

/// A distribution older than this many years before the data's review is too old to place an offer.
pub const MAX_DISTRIBUTION_AGE: u16 = 10;

/// Computes the report for a valid `query`; `None` only if it names an occupation not in `data`.
pub fn compute<'a>(data: &'a SalaryData, query: &'a Query) -> Option<Report<'a>> {
    let occupation = data.occupation(&query.occupation)?;
    let baseline = data.occupation(&query.baseline)?;
    let mut notes = Vec::new();
    let rows = match query.compare {
        Compare::Ladder => Rows::Ladder(ladder(data, query, &mut notes)),
        Compare::Settings => settings(data, occupation, query.display, &mut notes),
    };
    let offer = query
        .offer
        .and_then(|offer| check_offer(data, occupation, offer));
    if query.display != Display::Year {
        notes.push(format!(
            "BLS publishes annual pay and, for some figures, hourly pay. {} amounts marked as computed are ours: \
             annual pay divided by {}.",
            capitalise(query.display.adjective()),
            query.display.period().per_year()
        ));
    }
    let mut sources: Vec<&str> = Vec::new();
    let mut cite = |figure: &'a Figure| {
        if !sources.contains(&figure.source.as_str()) {
            sources.push(&figure.source);
        }
    };
    match &rows {
        Rows::Ladder(rows) => rows.iter().for_each(|row| {
            cite(row.median.figure);
            row.p10
                .iter()
                .chain(row.p90.iter())
                .for_each(|s| cite(s.figure));
        }),
        Rows::Settings { industries, claims } => industries
            .iter()
            .chain(claims)
            .for_each(|row| cite(row.shown.figure)),
    }
    if let Some(check) = &offer {
        cite(check.median);
        if let Estimate::Placed { distribution, .. } | Estimate::TooOld { distribution } =
            &check.estimate
            && let Some(figure) = data
                .figures
                .iter()
                .find(|f| f.release == distribution.release && f.source == distribution.source)
        {
            cite(figure);
        }
    }
    Some(Report {
        query,
        occupation,
        baseline,
        rows,
        offer,
        notes,
        sources,
    })
}

/// `figure` (annual) as shown per `display`: the published hourly figure where BLS gives one.
fn shown<'a>(data: &'a SalaryData, figure: &'a Figure, display: Display) -> Shown<'a> {
    let period = display.period();
    if display == Display::Hour
        && let Some(hourly) = data.counterpart(figure, PayBasis::Hourly)
    {
        return Shown {
            amount: hourly.amount,
            period,
            figure: hourly,
            computed: false,
        };
    }
    Shown {
        amount: from_annual(figure.amount, period),
        period,
        figure,
        computed: period != Period::Year,
    }
}

fn ladder<'a>(data: &'a SalaryData, query: &Query, notes: &mut Vec<String>) -> Vec<LadderRow<'a>> {
    let median_of = |occupation: &str, display: Display| {
        data.latest_median(occupation)
            .map(|f| shown(data, f, display))
    };
    let baseline = median_of(&query.baseline, query.display);
    let rows: Vec<LadderRow<'a>> = data
        .occupations
        .iter()
        .filter_map(|occupation| {
            let median = median_of(&occupation.id, query.display)?;
            let median_annual = median_of(&occupation.id, Display::Year)?;
            let median_hourly = median_of(&occupation.id, Display::Hour)?;
            let newest = data.distributions(&occupation.id).into_iter().next();
            let end = |index: usize| {
                let distribution = newest.as_ref()?;
                let statistic = if index == 0 {
                    super::data::Statistic::P10
                } else {
                    super::data::Statistic::P90
                };
                let figure = data.figures.iter().find(|f| {
                    f.occupation == occupation.id
                        && f.release == distribution.release
                        && f.statistic == statistic
                        && f.basis == PayBasis::Annual
                        && !f.is_claim()
                })?;
                Some(shown(data, figure, query.display))
            };
            let difference = match &baseline {
                Some(base) if occupation.id != query.baseline => {
                    Some(Difference::between(median.amount, base.amount))
                }
                _ => None,
            };
            Some(LadderRow {
                occupation,
                p10: end(0),
                p90: end(1),
                median,
                median_annual,
                median_hourly,
                difference,
            })
        })
        .collect();

    let mut releases: Vec<&str> = rows
        .iter()
        .map(|r| r.median.figure.release.as_str())
        .collect();
    releases.dedup();
    if releases.len() > 1 {
        notes.push(format!(
            "The medians come from different releases ({}), because BLS updates each occupation's page on its own \
             schedule. Differences between them mix years.",
            releases.join(", ")
        ));
    }
    notes.push(
        "The 10th to 90th percentile range comes from each occupation's newest full distribution, which can be \
         older than its median; each is labelled with its release."
            .into(),
    );
    rows
}

fn settings<'a>(
    data: &'a SalaryData,
    occupation: &'a Occupation,
    display: Display,
    notes: &mut Vec<String>,
) -> Rows<'a> {
    let industries: Vec<SettingRow<'a>> = data
        .industry_means(&occupation.id)
        .into_iter()
        .map(|figure| SettingRow {
            setting: figure.scope.label(),
            shown: shown(data, figure, display),
        })
        .collect();
    if industries.is_empty() {
        notes.push(format!(
            "Our data holds no BLS pay by industry for {}.",
            occupation.short
        ));
    } else {
        notes.push(
            "BLS pay by industry is the mean (average), not the median: a few high earners pull a mean up, so \
             it is not directly comparable with the medians elsewhere on this page."
                .into(),
        );
    }
    let claims: Vec<SettingRow<'a>> = data
        .facility_claims()
        .into_iter()
        .map(|figure| SettingRow {
            setting: figure.scope.label(),
            shown: shown(data, figure, display),
        })
        .collect();
    if !claims.is_empty() {
        notes.push(
            "The workplace figures from an article are shown apart: the article gives no source, occupation, \
             statistic or year for them, and we could not find them in BLS tables."
                .into(),
        );
    }
    Rows::Settings { industries, claims }
}

fn check_offer<'a>(
    data: &'a SalaryData,
    occupation: &'a Occupation,
    offer: Offer,
) -> Option<OfferCheck<'a>> {
    let median = data.latest_median(&occupation.id)?;
    let versus_median = Difference::between(offer.annual, median.amount);
    let estimate = match data.distributions(&occupation.id).into_iter().next() {
        None => Estimate::NoDistribution,
        Some(distribution) if distribution.year + MAX_DISTRIBUTION_AGE < data.reviewed.year => {
            Estimate::TooOld { distribution }
        }
        Some(distribution) => {
            let placement = place(&distribution.points, offer.annual);
            Estimate::Placed {
                distribution,
                placement,
            }
        }
    };
    let summary = summarise(
        occupation,
        offer,
        &estimate,
        median,
        versus_median,
        data.reviewed.year,
    );
    Some(OfferCheck {
        offer,
        estimate,
        median,
        versus_median,
        summary,
    })
}

fn summarise(
    occupation: &Occupation,
    offer: Offer,
    estimate: &Estimate<'_>,
    median: &Figure,
    versus_median: Difference,
    reviewed_year: u16,
) -> String {
    let mut text = String::new();
    if offer.period == Period::Year {
        text += &format!("An offer of {} a year. ", offer.annual.dollars_text());
    } else {
        text += &format!(
            "An offer of {} {} comes to {} a year (at {} {}s a year). ",
            offer.period.amount_text(offer.amount),
            offer.period.phrase(),
            offer.annual.dollars_text(),
            super::money::group_thousands(offer.period.per_year().unsigned_abs()),
            if offer.period == Period::Biweek {
                "pay period"
            } else {
                offer.period.as_str()
            },
        );
    }
    let among = format!("Among {} nationally", occupation.short);
    match estimate {
        Estimate::Placed {
            distribution,
            placement,
        } => {
            let amount_of = |pct: u8| {
                distribution
                    .points
                    .iter()
                    .find(|(p, _)| *p == pct)
                    .map(|(_, a)| a.dollars_text())
                    .unwrap_or_default()
            };
            let name = |pct: u8| {
                if pct == 50 {
                    "the median".to_string()
                } else {
                    format!("the {} percentile", ordinal(pct.into()))
                }
            };
            text += &format!("{among} ({}), ", distribution.release);
            text += &match (placement.position, placement.percentile) {
                (Position::BelowP10, _) => format!(
                    "that is below the 10th percentile ({}): fewer than one in ten of them earned less.",
                    amount_of(10)
                ),
                (Position::AboveP90, _) => format!(
                    "that is above the 90th percentile ({}): more than nine in ten of them earned less.",
                    amount_of(90)
                ),
                (position, Some(percentile)) => {
                    let (low, high) = match position {
                        Position::P10P25 => (10, 25),
                        Position::P25P50 => (25, 50),
                        Position::P50P75 => (50, 75),
                        _ => (75, 90),
                    };
                    format!(
                        "that is about the {} percentile: between {} ({}) and {} ({}).",
                        ordinal(percentile.round() as u32),
                        name(low),
                        amount_of(low),
                        name(high),
                        amount_of(high)
                    )
                }
                (_, None) => String::new(),
            };
            text += " This is an estimate: we draw a straight line between the published percentiles, and real pay \
                     also depends on place, setting and experience.";
        }
        Estimate::TooOld { distribution } => {
            text += &format!(
                "We do not place this offer in a percentile: the newest distribution we hold for {} is from {}, \
                 {} years before these figures were reviewed, which is too old to be fair to you.",
                occupation.short,
                distribution.release,
                reviewed_year - distribution.year
            );
        }
        Estimate::NoDistribution => {
            text += &format!(
                "We do not place this offer in a percentile: our data holds no percentile distribution for {}.",
                occupation.short
            );
        }
    }
    let direction = if versus_median.amount.0 >= 0 {
        "above"
    } else {
        "below"
    };
    text += &format!(
        " It is {} ({}.{}%) {direction} their newest median, {} ({}); that difference is our arithmetic.",
        Cents(versus_median.amount.0.abs()).dollars_text(),
        versus_median.tenths_of_percent.abs() / 10,
        versus_median.tenths_of_percent.abs() % 10,
        median.amount_text(),
        median.release,
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The guide's own data: these tests check the figures readers will see.
    fn data() -> SalaryData {
        let sources = crate::sources::parse(
            Path::new("sources.toml"),
            include_str!("../../content/sources.toml"),
        )
        .unwrap();
        super::super::data::parse(
            Path::new("salary.toml"),
            include_str!("../../content/salary.toml"),
            &sources,
        )
        .unwrap()
    }

    fn query(raw: &str, data: &SalaryData) -> Query {
        Query::parse(raw, data).unwrap()
    }

    #[test]
    fn the_ladder_shows_every_occupation_with_differences_from_the_baseline() {
        let data = data();
        let query = query("compare=ladder&baseline=specialist", &data);
        let report = compute(&data, &query).unwrap();
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
            rows[1].difference.unwrap().text(Period::Year),
            "+$14,160 (+32.1%)"
        );
        assert_eq!(rows[2].p90.as_ref().unwrap().text(), "$189,000");
        assert_eq!(
            rows[2].p90.as_ref().unwrap().figure.release,
            "OEWS May 2019"
        );
        assert!(
            report.notes[0]
                .contains("different releases (OOH May 2020, OOH May 2022, OOH May 2023)")
        );
        assert_eq!(report.sources[0], "bls-ooh-mrs-2020");
    }

    #[test]
    fn hourly_pay_uses_published_hourly_figures_and_monthly_pay_is_computed() {
        let data = data();
        let hourly = query("display=hour", &data);
        let report = compute(&data, &hourly).unwrap();
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
        let monthly = query("display=month", &data);
        let report = compute(&data, &monthly).unwrap();
        let Rows::Ladder(rows) = &report.rows else {
            panic!()
        };
        assert_eq!(
            (rows[1].median.text(), rows[1].median.computed),
            ("$4,854".to_string(), true)
        );
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains("annual pay divided by 12"))
        );
    }

    #[test]
    fn places_an_hourly_offer_among_technologists() {
        let data = data();
        let query = query("occupation=technologist&offer=24.50&period=hour", &data);
        let check = compute(&data, &query).unwrap().offer.unwrap();
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
        assert!(
            check
                .summary
                .contains("comes to $50,960 a year (at 2,080 hours a year)"),
            "{}",
            check.summary
        );
        assert!(check.summary.contains("about the 44th percentile: between the 25th percentile ($37,500) and the median ($55,560)"), "{}", check.summary);
        assert!(check.summary.contains("This is an estimate"));
        assert!(
            check
                .summary
                .contains("$7,290 (12.5%) below their newest median, $58,250 (OOH May 2022)"),
            "{}",
            check.summary
        );
    }

    #[test]
    fn says_plainly_when_the_only_distribution_is_too_old() {
        let data = data();
        let query = query("occupation=specialist&offer=40000", &data);
        let check = compute(&data, &query).unwrap().offer.unwrap();
        assert!(matches!(check.estimate, Estimate::TooOld { .. }));
        assert!(
            check
                .summary
                .contains("from OEWS May 2011, 15 years before"),
            "{}",
            check.summary
        );
        assert!(
            check.summary.starts_with(
                "An offer of $40,000 a year. We do not place this offer in a percentile"
            )
        );
        assert!(
            !check.summary.contains("about the"),
            "no estimate may slip in: {}",
            check.summary
        );
    }

    #[test]
    fn names_offers_outside_the_published_range() {
        let data = data();
        let low = query("occupation=manager&offer=50000", &data);
        let check = compute(&data, &low).unwrap().offer.unwrap();
        assert!(
            check
                .summary
                .contains("below the 10th percentile ($58,820)"),
            "{}",
            check.summary
        );
        let high = query("occupation=manager&offer=200000", &data);
        let check = compute(&data, &high).unwrap().offer.unwrap();
        assert!(
            check
                .summary
                .contains("above the 90th percentile ($189,000)"),
            "{}",
            check.summary
        );
    }

    #[test]
    fn settings_show_industry_means_and_set_the_articles_figures_apart() {
        let data = data();
        let query = query("compare=settings&occupation=manager", &data);
        let report = compute(&data, &query).unwrap();
        let Rows::Settings { industries, claims } = &report.rows else {
            panic!()
        };
        assert_eq!(industries.len(), 5);
        assert_eq!(
            (industries[0].setting, industries[0].shown.text()),
            (
                "General medical and surgical hospitals",
                "$124,180".to_string()
            )
        );
        assert_eq!(claims.len(), 5);
        assert!(claims.iter().all(|c| c.shown.figure.is_claim()));
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains("mean (average), not the median"))
        );
        let specialists = query_for_settings(&data, "specialist");
        assert!(
            specialists
                .iter()
                .any(|n| n.contains("no BLS pay by industry for medical records specialists"))
        );
    }

    proptest::proptest! {
        #[test]
        fn no_query_makes_parsing_or_computing_panic(raw in "[a-z=&%0-9A-F.,$+-]{0,80}|\\PC{0,60}") {
            let data = data();
            if let Ok(query) = Query::parse(&raw, &data) {
                let report = compute(&data, &query);
                proptest::prop_assert!(report.is_some());
            }
        }

        #[test]
        fn any_valid_offer_gets_a_summary_with_its_data_year(
            cents in 1i64..1_000_000_000, period in 0usize..5, occupation in 0usize..3, display in 0usize..3,
        ) {
            let data = data();
            let period = Period::ALL[period];
            let raw = format!(
                "occupation={}&offer={}.{:02}&period={}&display={}",
                data.occupations[occupation].id, cents / 100, cents % 100, period.as_str(), Display::ALL[display].as_str()
            );
            match Query::parse(&raw, &data) {
                Ok(query) => {
                    let report = compute(&data, &query).unwrap();
                    let check = report.offer.unwrap();
                    proptest::prop_assert!(check.summary.contains(&check.median.release));
                }
                Err(rejected) => proptest::prop_assert_eq!(rejected.errors[0].field, "offer"),
            }
        }
    }

    fn query_for_settings(data: &SalaryData, occupation: &str) -> Vec<String> {
        let query = query(&format!("compare=settings&occupation={occupation}"), data);
        compute(data, &query).unwrap().notes
    }
}
