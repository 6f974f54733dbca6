//! The comparison in one BLS area: the ladder and the offer check from the area's May
//! distribution, and the occupations BLS released no wages for there, never filled in silently
//! from elsewhere.

use super::{
    AtNationalPrices, Difference, LadderRow, Note, OfferCheck, Rows, Shown, estimate, shown_as,
};
use crate::area::{AreaPay, LocalPrices};
use crate::current::Missing;
use crate::data::{Occupation, PayBasis, SalaryData, Statistic};
use crate::query::{Display, Offer, Query};
use oews::Area;

/// An occupation without pay in the chosen area: why, and where its pay can be seen instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPublished<'a> {
    pub occupation: &'a Occupation,
    pub missing: Missing,
    /// The area itself (for the words).
    pub area: &'a Area,
    /// The area's state, when the area is a metro or nonmetro one and BLS released the
    /// occupation's wages in that state.
    pub state: Option<&'a Area>,
}

/// `statistic` of the occupation in the area, shown per `display`.
fn shown_in<'a>(
    pay: &'a AreaPay,
    occupation: &Occupation,
    statistic: Statistic,
    display: Display,
) -> Option<Shown<'a>> {
    let annual = pay.figure(occupation, statistic, PayBasis::Annual)?;
    let hourly = pay.figure(occupation, statistic, PayBasis::Hourly);
    Some(shown_as(annual, hourly, display))
}

/// The occupations BLS released wages for in the area, side by side; the others are left out
/// (see [`not_published`]).
pub(super) fn ladder<'a>(
    data: &'a SalaryData,
    pay: &'a AreaPay,
    query: &Query<'a>,
    notes: &mut Vec<Note<'a>>,
) -> Vec<LadderRow<'a>> {
    let baseline = shown_in(pay, query.baseline, Statistic::Median, query.display);
    if baseline.is_none() {
        notes.push(Note::NoBaselineInArea(query.baseline, &pay.area));
    }
    data.occupations
        .iter()
        .filter_map(|occupation| {
            let median = shown_in(pay, occupation, Statistic::Median, query.display)?;
            let difference = baseline
                .as_ref()
                .filter(|_| occupation != query.baseline)
                .and_then(|baseline| Difference::between(median.amount, baseline.amount));
            Some(LadderRow {
                occupation,
                median_annual: shown_in(pay, occupation, Statistic::Median, Display::Year)?,
                median_hourly: shown_in(pay, occupation, Statistic::Median, Display::Hour)?,
                p10: shown_in(pay, occupation, Statistic::P10, query.display),
                p90: shown_in(pay, occupation, Statistic::P90, query.display),
                median,
                difference,
            })
        })
        .collect()
}

/// The offer checked against the occupation's median and distribution in the area; `None` when
/// BLS released no wages for it there.
pub(super) fn check_offer<'a>(
    data: &'a SalaryData,
    pay: &'a AreaPay,
    occupation: &'a Occupation,
    offer: Offer,
) -> Option<OfferCheck<'a>> {
    let median = pay.median(occupation)?;
    Some(OfferCheck {
        offer,
        occupation,
        estimate: estimate(pay.distribution(occupation), offer, data.reviewed.year),
        median,
        versus_median: super::versus_median(&offer, median),
        reviewed_year: data.reviewed.year,
        area: Some(&pay.area),
    })
}

/// A note for each occupation shown (in the ladder or the offer check) whose wages in the area BLS
/// estimated imprecisely, in the data's order.
pub(super) fn imprecise<'a>(
    data: &'a SalaryData,
    pay: &'a AreaPay,
    rows: &Rows<'a>,
    offer: Option<&OfferCheck<'a>>,
) -> Vec<Note<'a>> {
    let shown = |occupation: &Occupation| {
        offer.is_some_and(|check| check.occupation == occupation)
            || matches!(rows, Rows::Ladder(rows) if rows.iter().any(|row| row.occupation == occupation))
    };
    data.occupations
        .iter()
        .filter(|occupation| shown(occupation))
        .filter_map(|occupation| {
            Some(Note::ImpreciseWages {
                occupation,
                area: &pay.area,
                rse: pay.imprecise_wages(occupation)?,
            })
        })
        .collect()
}

/// Every occupation of `data` without wages in the area, in the data's order.
pub(super) fn not_published<'a>(data: &'a SalaryData, pay: &'a AreaPay) -> Vec<NotPublished<'a>> {
    data.occupations
        .iter()
        .filter_map(|occupation| {
            let missing = pay.pay_of(occupation).err()?;
            let state = pay
                .state
                .as_ref()
                .filter(|state| state.published.contains(&occupation.id))
                .map(|state| &state.area);
            Some(NotPublished {
                occupation,
                missing,
                area: &pay.area,
                state,
            })
        })
        .collect()
}

/// The ladder's yearly medians and the offer (with its median) at national prices, where BEA has
/// a price level for the area.
pub(super) fn at_national_prices<'a>(
    pay: &'a AreaPay,
    rows: &Rows<'a>,
    offer: Option<&OfferCheck<'a>>,
) -> Option<AtNationalPrices<'a>> {
    let LocalPrices::Level(here) = &pay.prices else {
        return None;
    };
    let level = here.parity.level;
    let medians = match rows {
        Rows::Ladder(rows) => rows
            .iter()
            .map(|row| {
                let adjusted = level.at_national_prices(row.median_annual.figure.amount);
                (row.occupation, adjusted)
            })
            .collect(),
        Rows::Settings { .. } => Vec::new(),
    };
    Some(AtNationalPrices {
        here,
        medians,
        offer: offer.map(|check| {
            (
                level.at_national_prices(check.offer.annual),
                level.at_national_prices(check.median.amount),
            )
        }),
    })
}
