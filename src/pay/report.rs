//! One area's May figures for one occupation set against the nation's: employment, jobs per
//! 1,000, location quotient, hourly and annual percentiles and mean, each with its BLS series,
//! what BLS did not release, and which estimates are imprecise by their relative standard error.

use crate::money::Cents;
use crate::oews::{
    AreaCode, Datatype, Extract, FootnoteCode, IndustryCode, Series, SeriesId, Soc, Value,
};

use super::{Directory, Listing};

/// The wage rows of an area's table: percentiles, then the mean, each hourly and annual.
pub const WAGE_ROWS: [(Datatype, Datatype); 6] = [
    (Datatype::HourlyP10, Datatype::AnnualP10),
    (Datatype::HourlyP25, Datatype::AnnualP25),
    (Datatype::HourlyMedian, Datatype::AnnualMedian),
    (Datatype::HourlyP75, Datatype::AnnualP75),
    (Datatype::HourlyP90, Datatype::AnnualP90),
    (Datatype::HourlyMean, Datatype::AnnualMean),
];

/// One statistic as BLS left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimate {
    Released {
        value: Value,
        id: SeriesId,
        /// BLS's footnote on a released value (`5`: at or above the top wage BLS prints).
        footnote: Option<FootnoteCode>,
    },
    /// BLS has a line for it but released no value, for the reason its footnote gives.
    NotReleased {
        id: SeriesId,
        footnote: FootnoteCode,
    },
    /// BLS published nothing for this statistic here.
    NotPublished,
}

impl Estimate {
    fn of(series: Option<&Series>, datatype: Datatype) -> Estimate {
        let Some(series) = series else {
            return Estimate::NotPublished;
        };
        let id = series.id(datatype);
        match series.cell(datatype) {
            None => Estimate::NotPublished,
            Some(cell) => match cell.value() {
                Some(value) => Estimate::Released {
                    value,
                    id,
                    footnote: cell.footnote(),
                },
                None => Estimate::NotReleased {
                    id,
                    footnote: cell
                        .footnote()
                        .expect("a value not released has its footnote"),
                },
            },
        }
    }

    pub fn value(&self) -> Option<Value> {
        match *self {
            Estimate::Released { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn wage(&self) -> Option<Cents> {
        self.value().and_then(|v| v.wage())
    }

    pub fn series_id(&self) -> Option<SeriesId> {
        match *self {
            Estimate::Released { id, .. } | Estimate::NotReleased { id, .. } => Some(id),
            Estimate::NotPublished => None,
        }
    }
}

/// How an area's wage compares with the nation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub amount: Cents,
    /// Tenths of a percent of the national figure, rounded: `-53` is 5.3% below.
    pub tenths_of_percent: i64,
}

impl Gap {
    /// The size of the gap in percent, one decimal, without its sign: `4.2%`.
    pub fn percent_text(&self) -> String {
        let tenths = self.tenths_of_percent.unsigned_abs();
        format!("{}.{}%", tenths / 10, tenths % 10)
    }

    pub fn between(here: Cents, national: Cents) -> Option<Gap> {
        (national.0 > 0).then(|| {
            let amount = Cents(here.0 - national.0);
            Gap {
                amount,
                tenths_of_percent: Cents(amount.0 * 1000).div_round(national.0).0,
            }
        })
    }
}

/// One wage statistic, hourly and annual, here and nationally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageRow {
    /// Which statistic the row holds, by its annual datatype: `AnnualMedian` for the median.
    pub statistic: Datatype,
    pub hourly: Estimate,
    pub annual: Estimate,
    pub national_hourly: Estimate,
    pub national_annual: Estimate,
    /// The annual figure's gap from the nation's (the hourly gap in percent is the same).
    pub gap: Option<Gap>,
}

/// One occupation in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupationPay<'a> {
    pub soc: Soc,
    /// `None` where BLS published nothing for the occupation in the area.
    pub series: Option<&'a Series>,
    pub employment: Estimate,
    pub national_employment: Estimate,
    pub per_thousand_jobs: Estimate,
    pub location_quotient: Estimate,
    /// By [`WAGE_ROWS`].
    pub wages: Vec<WageRow>,
    pub employment_rse: Estimate,
    pub wage_rse: Estimate,
}

impl OccupationPay<'_> {
    /// Whether BLS released any wage for the occupation here.
    pub fn has_wages(&self) -> bool {
        self.wages.iter().any(|row| row.annual.wage().is_some())
    }

    /// The row of the median wage.
    pub fn median_row(&self) -> &WageRow {
        self.wages
            .iter()
            .find(|row| row.statistic == Datatype::AnnualMedian)
            .expect("WAGE_ROWS holds the median")
    }

    /// The annual median, if released.
    pub fn median(&self) -> Option<Cents> {
        self.median_row().annual.wage()
    }

    pub fn employment_imprecise(&self) -> bool {
        self.series.and_then(Series::imprecise_employment).is_some()
    }

    pub fn wages_imprecise(&self) -> bool {
        self.series.and_then(Series::imprecise_wages).is_some()
    }

    /// Whether a median is shown here that must carry the imprecise flag: one is released and
    /// BLS's wage error is above our line. Maps, tables and rankings all flag by this.
    pub fn median_imprecise(&self) -> bool {
        self.median().is_some() && self.wages_imprecise()
    }
}

/// What BLS published for `soc` in `area`, set against the nation.
pub fn occupation_pay(extract: &Extract, area: AreaCode, soc: Soc) -> OccupationPay<'_> {
    let cross = IndustryCode::CROSS_INDUSTRY;
    let series = extract.series(area, cross, soc);
    let national = extract.series(AreaCode::NATIONAL, cross, soc);
    let wages = WAGE_ROWS
        .iter()
        .map(|&(hourly, annual)| {
            let row = WageRow {
                statistic: annual,
                hourly: Estimate::of(series, hourly),
                annual: Estimate::of(series, annual),
                national_hourly: Estimate::of(national, hourly),
                national_annual: Estimate::of(national, annual),
                gap: None,
            };
            WageRow {
                gap: row
                    .annual
                    .wage()
                    .zip(row.national_annual.wage())
                    .and_then(|(here, nation)| Gap::between(here, nation)),
                ..row
            }
        })
        .collect();
    OccupationPay {
        soc,
        series,
        employment: Estimate::of(series, Datatype::Employment),
        national_employment: Estimate::of(national, Datatype::Employment),
        per_thousand_jobs: Estimate::of(series, Datatype::PerThousandJobs),
        location_quotient: Estimate::of(series, Datatype::LocationQuotient),
        wages,
        employment_rse: Estimate::of(series, Datatype::EmploymentRse),
        wage_rse: Estimate::of(series, Datatype::WageRse),
    }
}

/// An area's annual median for one occupation, as the maps and rankings show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaMedian {
    /// `None` where BLS released no annual median.
    pub amount: Option<Cents>,
    /// A median is released and BLS's relative standard error of the occupation's wages here is
    /// above our line for imprecise wages ([`OccupationPay::median_imprecise`]).
    pub imprecise: bool,
}

impl AreaMedian {
    fn of(pay: &OccupationPay<'_>) -> AreaMedian {
        AreaMedian {
            amount: pay.median(),
            imprecise: pay.median_imprecise(),
        }
    }
}

/// The areas listed under a state with their annual median for `soc`, highest first; areas
/// without a released median follow, by name.
pub fn ranked_in_state<'d>(
    extract: &Extract,
    directory: &'d Directory,
    state: &Listing,
    soc: Soc,
) -> Vec<(&'d Listing, AreaMedian)> {
    let mut ranked: Vec<(&Listing, AreaMedian)> = directory
        .areas_in(state.state)
        .map(|area| {
            (
                area,
                AreaMedian::of(&occupation_pay(extract, area.code, soc)),
            )
        })
        .collect();
    // `None` sorts first in `Option`'s order: reverse the median, keep the name order otherwise.
    ranked.sort_by(|a, b| {
        b.1.amount
            .is_some()
            .cmp(&a.1.amount.is_some())
            .then(b.1.amount.cmp(&a.1.amount))
            .then(a.0.name.cmp(&b.0.name))
    });
    ranked
}

/// Every state's annual median for `soc`, in directory order, for the map and the state table.
pub fn state_medians<'d>(
    extract: &Extract,
    directory: &'d Directory,
    soc: Soc,
) -> Vec<(&'d Listing, AreaMedian)> {
    directory
        .states()
        .map(|state| {
            (
                state,
                AreaMedian::of(&occupation_pay(extract, state.code, soc)),
            )
        })
        .collect()
}
