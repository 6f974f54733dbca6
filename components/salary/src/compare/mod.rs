//! Computes what a query asks for: the occupations side by side, one occupation by work setting,
//! and where an offer falls. Every amount keeps the figure it came from, and says whether it was
//! published or computed by us.

mod area;

pub use area::NotPublished;

use super::area::{AreaPay, LocalPrices, PriceHere};
use super::data::{Distribution, Figure, Occupation, PayBasis, SalaryData, Statistic};
use super::percentile::{Placement, place};
use super::query::{Compare, Display, Offer, Query, Versus};
use money::{Cents, Difference, Period, from_annual};
use oews::{Area, Tenths};

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

/// The offer set against a median. Every median is above zero (salary.toml's check and the OEWS
/// loader refuse $0), so a percent of it exists.
fn versus_median(offer: &Offer, median: &Figure) -> Difference {
    Difference::between(offer.annual, median.amount)
        .expect("medians are above zero: their loaders refuse $0")
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
    /// The 10th and 90th percentiles, where the row is a median BLS published them with.
    pub range: Option<(Shown<'a>, Shown<'a>)>,
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
    pub occupation: &'a Occupation,
    pub estimate: Estimate<'a>,
    /// The occupation's newest median, and the offer's difference from it (both annual).
    pub median: &'a Figure,
    pub versus_median: Difference,
    /// The year the data was reviewed, against which a distribution's age is judged.
    pub reviewed_year: u16,
    /// The BLS area whose median and distribution these are; `None` for the nation.
    pub area: Option<&'a Area>,
}

/// The comparison in an area at national prices: the yearly amounts divided by BEA's price level
/// there (see [`prices::PriceLevel::at_national_prices`]), our arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct AtNationalPrices<'a> {
    /// The level, its year and source.
    pub here: &'a PriceHere,
    /// Each ladder row's yearly median at national prices, in the ladder's order.
    pub medians: Vec<(&'a Occupation, Cents)>,
    /// The offer's yearly amount and the median it was checked against, at national prices.
    pub offer: Option<(Cents, Cents)>,
}

/// A caveat a reader needs beside the comparison: a fact the web layer puts into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note<'a> {
    /// The ladder's medians come from these different releases.
    MixedReleases(Vec<&'a str>),
    /// Some ranges come from an older release than their occupation's median (each range is the
    /// occupation's newest full distribution).
    RangeOlderThanMedian,
    /// Amounts per month or hour that are ours: annual pay divided by the periods in a year.
    ComputedFromAnnual(Period),
    /// The data holds no BLS pay by industry for the occupation.
    NoIndustryPay(&'a Occupation),
    /// Pay by industry is a mean, not a median.
    IndustryMeansNotMedians,
    /// Articles' workplace figures have no source, occupation, statistic or year.
    ArticleWorkplaceFigures,
    /// BLS publishes pay by industry only for the nation, not for the chosen area.
    IndustriesNationalOnly(&'a Area),
    /// The baseline occupation has no pay in the chosen area, so no differences are measured.
    NoBaselineInArea(&'a Occupation, &'a Area),
    /// BEA's price level for the area (or the nonmetropolitan portion of `state`, its state) sets
    /// its amounts at national prices.
    AtNationalPrices {
        here: &'a PriceHere,
        area: &'a Area,
        state: Option<&'a Area>,
    },
    /// BEA publishes no price level that stands for the area, so nothing is set at national prices.
    NoPriceLevel(&'a Area),
    /// BLS's relative standard error of the occupation's wages in the area is above our line for
    /// imprecise wages.
    ImpreciseWages {
        occupation: &'a Occupation,
        area: &'a Area,
        rse: Tenths,
    },
}

/// Everything a query asks for, ready to be shown as HTML, JSON or CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    pub query: Query<'a>,
    pub rows: Rows<'a>,
    pub offer: Option<OfferCheck<'a>>,
    /// In an area with a price level: the ladder's medians and the offer at national prices.
    pub prices: Option<AtNationalPrices<'a>>,
    pub notes: Vec<Note<'a>>,
    /// Ids of every source behind a figure in the report, in first-use order.
    pub sources: Vec<&'a str>,
    /// In an area: the occupations BLS released no wages for there, and where to look instead.
    /// Such an occupation has no ladder row, and an offer in it is not checked.
    pub not_published: Vec<NotPublished<'a>>,
    /// With a second place (`vs`): its report and the two set side by side.
    pub versus: Option<Pair<'a>>,
}

/// Two places side by side: the second place's own report (the same query there, with the offer
/// made there), and the differences between the two, our arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair<'a> {
    pub report: Box<Report<'a>>,
    /// Every occupation of the data with its yearly median in either place, in the data's order.
    pub rows: Vec<PairRow<'a>>,
    /// Both offers at national prices, where both places have a price level (the nation's is
    /// 100 by definition), and the second's difference from the first.
    pub offers: Option<PairOffers>,
}

/// One occupation in both places: yearly medians, as published and at national prices.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow<'a> {
    pub occupation: &'a Occupation,
    /// The ladder row in the first place and in the second; `None` where BLS released no wages.
    pub here: Option<LadderRow<'a>>,
    pub there: Option<LadderRow<'a>>,
    /// The yearly median at national prices in each place; `None` without a price level.
    pub here_adjusted: Option<Cents>,
    pub there_adjusted: Option<Cents>,
    /// The second place's yearly median less the first's, as published and at national prices.
    pub difference: Option<Difference>,
    pub adjusted_difference: Option<Difference>,
}

/// The two offers (yearly) at national prices, and the second's difference from the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairOffers {
    pub here: Cents,
    pub there: Cents,
    pub difference: Difference,
}

/// `amount` (yearly) in `area` at national prices: the amount itself for the nation, whose level
/// is 100 by definition; `None` where BEA has no level.
fn at_national_prices(area: Option<&AreaPay>, amount: Cents) -> Option<Cents> {
    match area {
        None => Some(amount),
        Some(pay) => match &pay.prices {
            LocalPrices::Level(here) => Some(here.parity.level.at_national_prices(amount)),
            _ => None,
        },
    }
}

/// The second place of `first`'s query: its report, and the occupations side by side.
fn pair<'a>(data: &'a SalaryData, first: &Report<'a>, vs: Versus<'a>) -> Pair<'a> {
    let report = compute(
        data,
        Query {
            area: vs.area,
            offer: vs.offer,
            vs: None,
            ..first.query
        },
    );
    let ladder_row = |report: &Report<'a>, occupation: &Occupation| match &report.rows {
        Rows::Ladder(rows) => rows.iter().find(|r| r.occupation == occupation).cloned(),
        Rows::Settings { .. } => None,
    };
    let adjusted = |area, row: &Option<LadderRow<'a>>| {
        row.as_ref()
            .and_then(|row| at_national_prices(area, row.median_annual.figure.amount))
    };
    let rows = data
        .occupations
        .iter()
        .filter_map(|occupation| {
            let here = ladder_row(first, occupation);
            let there = ladder_row(&report, occupation);
            if here.is_none() && there.is_none() {
                return None;
            }
            let here_adjusted = adjusted(first.query.area, &here);
            let there_adjusted = adjusted(vs.area, &there);
            let difference = here.as_ref().zip(there.as_ref()).and_then(|(h, t)| {
                Difference::between(t.median_annual.figure.amount, h.median_annual.figure.amount)
            });
            Some(PairRow {
                occupation,
                difference,
                adjusted_difference: here_adjusted
                    .zip(there_adjusted)
                    .and_then(|(h, t)| Difference::between(t, h)),
                here,
                there,
                here_adjusted,
                there_adjusted,
            })
        })
        .collect();
    let offers = first.query.offer.zip(vs.offer).and_then(|(here, there)| {
        let here = at_national_prices(first.query.area, here.annual)?;
        let there = at_national_prices(vs.area, there.annual)?;
        Some(PairOffers {
            here,
            there,
            difference: Difference::between(there, here)?,
        })
    });
    Pair {
        report: Box::new(report),
        rows,
        offers,
    }
}

/// A distribution older than this many years before the data's review is too old to place an offer.
pub const MAX_DISTRIBUTION_AGE: u16 = 10;

/// Computes the report for a valid `query`.
pub fn compute<'a>(data: &'a SalaryData, query: Query<'a>) -> Report<'a> {
    let mut notes = Vec::new();
    let rows = match (query.compare, query.area) {
        (Compare::Ladder, None) => Rows::Ladder(ladder(data, &query, &mut notes)),
        (Compare::Ladder, Some(pay)) => Rows::Ladder(area::ladder(data, pay, &query, &mut notes)),
        (Compare::Settings, area) => {
            if let Some(pay) = area {
                notes.push(Note::IndustriesNationalOnly(&pay.area));
            }
            settings(data, query.occupation, query.display, &mut notes)
        }
    };
    let offer = query.offer.and_then(|offer| match query.area {
        None => Some(check_offer(data, query.occupation, offer)),
        Some(pay) => area::check_offer(data, pay, query.occupation, offer),
    });
    if let Some(pay) = query.area {
        notes.extend(area::imprecise(data, pay, &rows, offer.as_ref()));
        if pay.prices == LocalPrices::NotPublished {
            notes.push(Note::NoPriceLevel(&pay.area));
        }
    }
    let prices = query
        .area
        .and_then(|pay| area::at_national_prices(pay, &rows, offer.as_ref()));
    if let (Some(prices), Some(pay)) = (&prices, query.area) {
        notes.push(Note::AtNationalPrices {
            here: prices.here,
            area: &pay.area,
            state: pay.state.as_ref().map(|state| &state.area),
        });
    }
    if query.display != Display::Year {
        notes.push(Note::ComputedFromAnnual(query.display.period()));
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
    if let Some(prices) = &prices {
        sources.push(&prices.here.source);
    }
    let mut report = Report {
        query,
        rows,
        offer,
        prices,
        notes,
        sources,
        not_published: query
            .area
            .map(|pay| area::not_published(data, pay))
            .unwrap_or_default(),
        versus: None,
    };
    report.versus = query.vs.map(|vs| pair(data, &report, vs));
    report
}

/// `figure` (annual) as shown per `display`: the published hourly figure where BLS gives one.
fn shown<'a>(data: &'a SalaryData, figure: &'a Figure, display: Display) -> Shown<'a> {
    let hourly = (display == Display::Hour)
        .then(|| data.counterpart(figure, PayBasis::Hourly))
        .flatten();
    shown_as(figure, hourly, display)
}

/// `figure` (annual) as shown per `display`, using `hourly`, its published hourly counterpart, if
/// there is one and pay is shown by the hour.
fn shown_as<'a>(figure: &'a Figure, hourly: Option<&'a Figure>, display: Display) -> Shown<'a> {
    let period = display.period();
    if display == Display::Hour
        && let Some(hourly) = hourly
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

fn ladder<'a>(
    data: &'a SalaryData,
    query: &Query<'a>,
    notes: &mut Vec<Note<'a>>,
) -> Vec<LadderRow<'a>> {
    let median_of = |occupation: &'a Occupation, display: Display| {
        shown(data, data.median_of(occupation), display)
    };
    let baseline = median_of(query.baseline, query.display);
    let rows: Vec<LadderRow<'a>> = data
        .occupations
        .iter()
        .map(|occupation| {
            let median = median_of(occupation, query.display);
            let median_annual = median_of(occupation, Display::Year);
            let median_hourly = median_of(occupation, Display::Hour);
            let newest = data.distributions(&occupation.id).into_iter().next();
            let end = |statistic: Statistic| {
                let distribution = newest.as_ref()?;
                let figure = data.figures.iter().find(|f| {
                    f.occupation == occupation.id
                        && f.release == distribution.release
                        && f.statistic == statistic
                        && f.basis == PayBasis::Annual
                        && !f.is_claim()
                })?;
                Some(shown(data, figure, query.display))
            };
            let difference = (occupation != query.baseline)
                .then(|| Difference::between(median.amount, baseline.amount))
                .flatten();
            LadderRow {
                occupation,
                p10: end(Statistic::P10),
                p90: end(Statistic::P90),
                median,
                median_annual,
                median_hourly,
                difference,
            }
        })
        .collect();

    let mut releases: Vec<&str> = rows
        .iter()
        .map(|r| r.median.figure.release.as_str())
        .collect();
    releases.dedup();
    if releases.len() > 1 {
        notes.push(Note::MixedReleases(releases));
    }
    let older = |row: &LadderRow<'_>| {
        [&row.p10, &row.p90]
            .into_iter()
            .flatten()
            .any(|end| end.figure.release != row.median_annual.figure.release)
    };
    if rows.iter().any(older) {
        notes.push(Note::RangeOlderThanMedian);
    }
    rows
}

fn settings<'a>(
    data: &'a SalaryData,
    occupation: &'a Occupation,
    display: Display,
    notes: &mut Vec<Note<'a>>,
) -> Rows<'a> {
    let industries: Vec<SettingRow<'a>> = data
        .industry_pay(&occupation.id)
        .into_iter()
        .map(|figure| {
            let end = |statistic| data.counterpart_of(figure, statistic);
            SettingRow {
                setting: figure.scope.label(),
                shown: shown(data, figure, display),
                range: end(Statistic::P10)
                    .zip(end(Statistic::P90))
                    .map(|(p10, p90)| (shown(data, p10, display), shown(data, p90, display))),
            }
        })
        .collect();
    match industries.first() {
        None => notes.push(Note::NoIndustryPay(occupation)),
        Some(row) if row.shown.figure.statistic == Statistic::Mean => {
            notes.push(Note::IndustryMeansNotMedians);
        }
        Some(_) => {}
    }
    let claims: Vec<SettingRow<'a>> = data
        .facility_claims()
        .into_iter()
        .map(|figure| SettingRow {
            setting: figure.scope.label(),
            shown: shown(data, figure, display),
            range: None,
        })
        .collect();
    if !claims.is_empty() {
        notes.push(Note::ArticleWorkplaceFigures);
    }
    Rows::Settings { industries, claims }
}

fn check_offer<'a>(
    data: &'a SalaryData,
    occupation: &'a Occupation,
    offer: Offer,
) -> OfferCheck<'a> {
    let median = data.median_of(occupation);
    let newest = data.distributions(&occupation.id).into_iter().next();
    OfferCheck {
        offer,
        occupation,
        estimate: estimate(newest, offer, data.reviewed.year),
        median,
        versus_median: versus_median(&offer, median),
        reviewed_year: data.reviewed.year,
        area: None,
    }
}

/// How `offer` can be judged against `distribution`, given the year the data was reviewed.
fn estimate(distribution: Option<Distribution<'_>>, offer: Offer, reviewed: u16) -> Estimate<'_> {
    match distribution {
        None => Estimate::NoDistribution,
        Some(distribution) if distribution.year + MAX_DISTRIBUTION_AGE < reviewed => {
            Estimate::TooOld { distribution }
        }
        Some(distribution) => {
            let placement = place(&distribution.points, offer.annual);
            Estimate::Placed {
                distribution,
                placement,
            }
        }
    }
}

#[cfg(test)]
mod tests;
