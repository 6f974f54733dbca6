//! What the pay buys on an area's page: BEA's price level for the area (or for its state's
//! nonmetropolitan portion), in words, and the row of each occupation's pay table that sets the
//! area's median at national prices. The words are `words/<lang>/prices.toml`.

use super::{CellView, Segment, WageRowView, gap_text, linked};
use crate::money::{Cents, Difference};
use crate::pay::{Basis, Listing, PAY_PAGE, PRICES_ANCHOR};
use crate::prices::{Measure, Parity, PriceLevel, Prices};
use crate::salary::area::{AreaMedian, WageRow};
use crate::words::Words;

/// The section on prices of an area's page.
pub(in crate::web) struct PricesView {
    /// The level and how it was chosen, or that there is none; the method and the caveat.
    pub(in crate::web) lines: Vec<String>,
    /// The source, linking to its entry.
    pub(in crate::web) source: Vec<Segment>,
}

impl PricesView {
    /// The section for the area `name` (in `state`, for a nonmetropolitan area), whose price level
    /// is `parity`, if BEA has one.
    pub(super) fn new(
        w: &Words,
        prices: &Prices,
        name: &str,
        state: Option<&str>,
        parity: Option<&Parity>,
    ) -> PricesView {
        let words = &w.prices;
        let year = prices.release.year;
        let level_line = match parity {
            None => words.none.with("area", name).to_string(),
            Some(parity) => {
                let difference = crate::web::words::price_difference(words, parity.level);
                let level = parity.level.one_decimal();
                match (parity.measure, state) {
                    (Measure::StateNonmetro, Some(state)) => words
                        .portion_level
                        .with("state", state)
                        .with("level", level)
                        .with("year", year)
                        .with("difference", difference)
                        .to_string(),
                    _ => words
                        .own_level
                        .with("area", name)
                        .with("year", year)
                        .with("level", level)
                        .with("difference", difference)
                        .to_string(),
                }
            }
        };
        let mut lines = vec![level_line];
        if parity.is_some() {
            lines.extend([words.method.to_string(), words.caveat.to_string()]);
        }
        let source = source(w, prices);
        PricesView { lines, source }
    }
}

/// The row of an occupation's pay table that sets the area's yearly median (`median`, BLS's row)
/// at national prices, against the nation's median; `None` where BLS released no median here. The
/// hourly cells say they do not apply: the adjustment is made once, on the yearly figure.
pub(super) fn adjusted_median_row(
    w: &Words,
    level: PriceLevel,
    median: &WageRow,
) -> Option<WageRowView> {
    let adjusted = level.at_national_prices(median.annual.wage()?);
    let not_applicable = || CellView {
        text: w.pay.not_applicable.to_string(),
        href: None,
        footnote: None,
        imprecise: false,
    };
    let gap = median
        .national_annual
        .wage()
        .and_then(|national| Difference::between(adjusted, national));
    Some(WageRowView {
        label: w.prices.adjusted_median.to_string(),
        label_href: Some(format!("#{PRICES_ANCHOR}")),
        hourly: not_applicable(),
        national_hourly: not_applicable(),
        annual: CellView {
            text: adjusted.dollars_text(),
            ..not_applicable()
        },
        national_annual: CellView::of(&w.pay, median.national_annual),
        gap: gap_text(w, gap),
    })
}

/// Each state's median at national prices: `None` where BEA has no level for the state.
pub(super) fn at_national_prices<'d>(
    prices: &Prices,
    medians: Vec<(&'d Listing, AreaMedian)>,
) -> Vec<(&'d Listing, AreaMedian)> {
    medians
        .into_iter()
        .map(|(state, median)| {
            let level = prices.parity(state.code).map(|p| p.level);
            let amount = level
                .zip(median.amount)
                .map(|(l, a)| l.at_national_prices(a));
            (state, AreaMedian { amount, ..median })
        })
        .collect()
}

/// A state's price level as a cell of `/pay`'s table: `110.7`, or that BEA has none.
pub(super) fn level_cell(w: &Words, level: Option<PriceLevel>) -> CellView {
    CellView {
        text: level.map_or_else(|| w.prices.no_level.to_string(), PriceLevel::one_decimal),
        href: None,
        footnote: None,
        imprecise: false,
    }
}

/// A state's median `cell` at national prices: our arithmetic, so no BLS series link; BLS's cell
/// as it is where it released no median, and "no price level" where BEA has none.
pub(super) fn adjusted_cell(
    w: &Words,
    level: Option<PriceLevel>,
    cell: CellView,
    median: Option<Cents>,
) -> CellView {
    match (level, median) {
        (None, _) => level_cell(w, None),
        (Some(_), None) => cell,
        (Some(level), Some(median)) => CellView {
            text: level.at_national_prices(median).dollars_text(),
            href: None,
            footnote: None,
            ..cell
        },
    }
}

/// What `/pay` at national prices says above its maps: how, the method, the caveat; and BEA's
/// source.
pub(super) fn index_lines(w: &Words, prices: &Prices) -> (Vec<String>, Vec<Segment>) {
    let words = &w.prices;
    let year = prices.release.year;
    let lines = vec![
        words.index_national.with("year", year).to_string(),
        words.method.to_string(),
        words.caveat.to_string(),
    ];
    (lines, source(w, prices))
}

/// "Source: BEA, Regional Price Parities, 2024 (our entry for it)."
fn source(w: &Words, prices: &Prices) -> Vec<Segment> {
    let year = prices.release.year;
    linked(
        w.prices.source.with("year", year).parts(&["entry"]),
        &[(
            "entry",
            format!("/sources#{}", prices.release.source_id()),
            w.pay.source_entry_link.to_string(),
        )],
    )
}

/// The link from one view of `/pay` to the other: its address and words.
pub(super) fn switch(w: &Words, basis: Basis) -> (String, String) {
    match basis {
        Basis::AsPaid => (
            format!("{PAY_PAGE}?{}", Basis::AtNationalPrices.query()),
            w.prices.show_national.to_string(),
        ),
        Basis::AtNationalPrices => (PAY_PAGE.to_string(), w.prices.show_as_paid.to_string()),
    }
}
