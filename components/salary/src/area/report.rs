//! One area's May figures for one occupation set against the nation's: employment, jobs per
//! 1,000, location quotient, hourly and annual percentiles and mean, each with its BLS series,
//! what BLS did not release, and which estimates are imprecise by their relative standard error.

use crate::current::Missing;
use money::{Cents, Difference};
use oews::{
    AreaCode, Datatype, Extract, FootnoteCode, IndustryCode, Series, SeriesId, Soc, Tenths, Value,
};

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

/// One wage statistic, hourly and annual, here and nationally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageRow {
    /// Which statistic the row holds, by its annual datatype: `AnnualMedian` for the median.
    pub statistic: Datatype,
    pub hourly: Estimate,
    pub annual: Estimate,
    pub national_hourly: Estimate,
    pub national_annual: Estimate,
    /// The annual figure set against the nation's (the hourly one differs by the same percent).
    pub versus_nation: Option<Difference>,
}

/// One occupation in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupationPay {
    pub soc: Soc,
    /// Whether BLS published a series for the occupation in the area at all.
    pub published: bool,
    pub employment: Estimate,
    pub national_employment: Estimate,
    pub per_thousand_jobs: Estimate,
    pub location_quotient: Estimate,
    /// By [`WAGE_ROWS`].
    pub wages: Vec<WageRow>,
    pub employment_rse: Estimate,
    pub wage_rse: Estimate,
    /// BLS's relative standard error of the employment count, when above our line for imprecise
    /// counts.
    pub imprecise_employment: Option<Tenths>,
    /// BLS's relative standard error of the mean wage, when above our line for imprecise wages.
    pub imprecise_wages: Option<Tenths>,
}

impl OccupationPay {
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

    /// Why the comparison cannot use the occupation's pay here, if it cannot: it needs BLS's
    /// annual median. Area pages offer the offer check by this same rule.
    pub fn missing_median(&self) -> Option<Missing> {
        match self.median_row().annual {
            _ if !self.published => Some(Missing::NoSeries),
            Estimate::Released { .. } => None,
            Estimate::NotReleased { footnote, .. } => Some(Missing::NotReleased(Some(footnote))),
            Estimate::NotPublished => Some(Missing::NotReleased(None)),
        }
    }

    /// The wage estimate of `datatype` here (hourly or annual, any statistic of [`WAGE_ROWS`]).
    pub fn estimate(&self, datatype: Datatype) -> Estimate {
        let Some(&(hourly, annual)) = WAGE_ROWS
            .iter()
            .find(|(h, a)| datatype == *h || datatype == *a)
        else {
            return Estimate::NotPublished;
        };
        match self.wages.iter().find(|row| row.statistic == annual) {
            Some(row) if datatype == hourly => row.hourly,
            Some(row) => row.annual,
            None => Estimate::NotPublished,
        }
    }

    pub fn employment_imprecise(&self) -> bool {
        self.imprecise_employment.is_some()
    }

    pub fn wages_imprecise(&self) -> bool {
        self.imprecise_wages.is_some()
    }

    /// Whether a median is shown here that must carry the imprecise flag: one is released and
    /// BLS's wage error is above our line. Maps, tables and rankings all flag by this.
    pub fn median_imprecise(&self) -> bool {
        self.median().is_some() && self.wages_imprecise()
    }
}

/// What BLS published for `soc` in `area`, set against the nation.
pub fn occupation_pay(extract: &Extract, area: AreaCode, soc: Soc) -> OccupationPay {
    let cross = IndustryCode::CROSS_INDUSTRY;
    let series = extract.series(area, cross, soc);
    let national = extract.series(AreaCode::NATIONAL, cross, soc);
    let wages = WAGE_ROWS
        .iter()
        .map(|&(hourly, annual)| {
            let annual_here = Estimate::of(series, annual);
            let annual_nation = Estimate::of(national, annual);
            WageRow {
                statistic: annual,
                hourly: Estimate::of(series, hourly),
                annual: annual_here,
                national_hourly: Estimate::of(national, hourly),
                national_annual: annual_nation,
                versus_nation: annual_here
                    .wage()
                    .zip(annual_nation.wage())
                    .and_then(|(here, nation)| Difference::between(here, nation)),
            }
        })
        .collect();
    OccupationPay {
        soc,
        published: series.is_some(),
        employment: Estimate::of(series, Datatype::Employment),
        national_employment: Estimate::of(national, Datatype::Employment),
        per_thousand_jobs: Estimate::of(series, Datatype::PerThousandJobs),
        location_quotient: Estimate::of(series, Datatype::LocationQuotient),
        wages,
        employment_rse: Estimate::of(series, Datatype::EmploymentRse),
        wage_rse: Estimate::of(series, Datatype::WageRse),
        imprecise_employment: series.and_then(Series::imprecise_employment),
        imprecise_wages: series.and_then(Series::imprecise_wages),
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
    pub fn of(pay: &OccupationPay) -> AreaMedian {
        AreaMedian {
            amount: pay.median(),
            imprecise: pay.median_imprecise(),
        }
    }
}
