//! The words of what pay buys: BEA's price levels beside pay on area pages, `/pay` and the
//! comparison: `words/<lang>/prices.toml`.

use serde::Deserialize;

use super::{Message, Text};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceWords {
    /// The area page's section on prices.
    pub title: Text,
    /// {area}, {year}, {level} ("110.7") and {difference} (one of `above`, `below`, `same`).
    pub own_level: Message,
    /// A nonmetropolitan area, measured by its state's nonmetropolitan portion: {state} too.
    pub portion_level: Message,
    /// {percent}: how far from the nation, one decimal ("10.7").
    pub above: Message,
    pub below: Message,
    pub same: Text,
    pub none: Message,
    pub method: Text,
    pub caveat: Text,
    /// {year}; {entry}: a link.
    pub source: Message,
    /// The row each occupation's pay table adds.
    pub adjusted_median: Text,
    // The comparison in an area
    /// A note: {place} (the area, or `portion_place` with {state}), {year}, {level}, {difference}.
    pub comparison_level: Message,
    pub portion_place: Message,
    pub comparison_none: Message,
    /// Under the offer's result: {offer} and {median}, yearly amounts.
    pub offer_at_national_prices: Message,
    /// The column of the comparison's table.
    pub median_column: Text,
    // /pay at national prices
    pub show_national: Text,
    pub show_as_paid: Text,
    /// {year}: BEA's year.
    pub index_national: Message,
    /// {occupation}, {release}.
    pub map_title: Message,
    /// {release}, {year}.
    pub table_caption: Message,
    pub level_column: Text,
    /// {state}, {abbreviation}.
    pub map_square_no_level: Message,
    pub no_level: Text,
}
