//! What the pay buys on an area's page: BEA's price level for the area (or for its state's
//! nonmetropolitan portion), in words, and the row of each occupation's pay table that sets the
//! area's median at national prices. The words are `words/<lang>/prices.toml`.

use super::{CellView, Segment, WageRowView, gap_text, linked, sentences};
use crate::money::Difference;
use crate::pay::PRICES_ANCHOR;
use crate::prices::{Measure, Parity, PriceLevel, Prices};
use crate::salary::area::WageRow;
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
        let source = sentences([linked(
            words.source.with("year", year).parts(&["entry"]),
            &[(
                "entry",
                format!("/sources#bea-rpp-{year}"),
                w.pay.source_entry_link.to_string(),
            )],
        )]);
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
