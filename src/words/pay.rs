//! The words of pay where you live: `/pay` (the search, the maps, the table of states) and each
//! area's page, and the words for a difference between two amounts, which the comparison says
//! too: `words/<lang>/pay.toml`.

use serde::Deserialize;

use super::{Message, Text};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayWords {
    // /pay: the index
    /// Its `<title>` and heading, and its description for search engines.
    pub index_title: Text,
    pub index_description: Message,
    /// {occupations}: the occupations' short names as a list ("a, b and c").
    pub index_lede: Message,
    /// The maps: one per occupation, a square per state.
    pub maps_title: Text,
    pub maps_intro: Message,
    pub maps_table_link: Text,
    /// A map's caption.
    pub map_title: Message,
    /// A square's accessible name: {abbreviation} is the postal code shown on it, {median} an amount.
    pub map_square: Message,
    pub map_square_imprecise: Message,
    pub map_square_no_median: Message,
    /// The legend: the medians a shade covers, squares without a median, the mark on imprecise ones.
    pub legend_range: Message,
    pub legend_imprecise: Text,
    /// The table of states, below the maps.
    pub state_table_caption: Message,
    pub state_table_state: Text,
    /// {line}: the relative standard error above which the guide flags wages, as a number ("10.0").
    pub index_imprecise: Message,
    /// The list of every state with its areas (folded).
    pub every_area: Text,
    pub areas_in_state_one: Message,
    pub areas_in_state_many: Message,
    /// The index's "About these figures" (the heading is about_title, below).
    pub index_coverage: Text,
    pub index_why: Message,
    pub index_why_link: Text,
    // /pay?q=: the search box and what it found
    pub search_label: Text,
    pub search_button: Text,
    /// {query}: what the reader typed.
    pub no_match_title: Message,
    pub no_match_help: Text,
    /// {every_area}: a link whose words are every_area.
    pub no_match_every_area: Message,
    pub results_one: Message,
    pub results_many: Message,
    /// What kind of area a result is, under its name.
    pub result_state: Text,
    pub result_metro: Message,
    pub result_nonmetro: Message,
    /// A search the page cannot make (answered with status 400, the typed words kept in the box).
    pub problem_malformed: Text,
    pub problem_repeated: Text,
    pub problem_too_long: Text,
    pub problem_unknown_prices: Text,
    // /pay/<area>: an area's page
    /// Its <title>, description and heading; {area} is the area's name as BLS gives it.
    pub area_title: Message,
    pub area_description: Message,
    pub area_heading: Message,
    /// {kind}: one of the kinds below.
    pub area_lede: Message,
    pub kind_nation: Text,
    pub kind_state: Text,
    pub kind_metro: Text,
    pub kind_nonmetro: Text,
    /// Under the heading: an area's state ({state}, a link), and the way back to every area
    /// ({every_area}, a link whose words are every_area); a state's page also links its ranking.
    pub in_state: Message,
    pub every_area_link: Message,
    pub every_area_or_ranked: Message,
    pub ranked_link: Message,
    pub toc_title: Text,
    /// Each occupation's section. {soc}: the occupation's code ("29-2072").
    pub occupation_soc: Message,
    pub him_titles: Message,
    pub not_published: Message,
    /// Links to the state's page ({state}) and the national figures ({nation}).
    pub see_state_or_nation: Message,
    pub see_nation: Message,
    pub nation_link: Text,
    /// The table of jobs.
    pub jobs_caption: Message,
    pub measure: Text,
    pub united_states: Text,
    pub employment: Text,
    pub per_thousand: Text,
    pub not_applicable: Text,
    pub quotient: Text,
    pub quotient_by_definition: Text,
    /// The table of pay.
    pub pay_caption: Message,
    pub statistic: Text,
    pub hourly_here: Text,
    pub hourly_nation: Text,
    pub yearly_here: Text,
    pub yearly_nation: Text,
    pub yearly_gap: Text,
    /// The rows of the pay table: {ordinal} is an ordinal number ("10th").
    pub percentile: Message,
    pub median: Text,
    pub mean: Text,
    pub no_wages: Message,
    /// BLS's relative standard errors ({employment}, {wages}: percentages, "12.2%").
    pub rse_both: Message,
    pub rse_wages_only: Message,
    pub rse_employment_only: Message,
    /// Our flags: {occupation} is the occupation's short name, {line} our line as a number ("20.0").
    pub imprecise_employment: Message,
    pub imprecise_wages: Message,
    pub compare_link: Text,
    /// A state's areas ranked by median (the heading is also in the page's contents).
    pub ranked_title: Message,
    pub ranked_intro: Message,
    pub area: Text,
    pub yearly_median: Text,
    pub rank: Text,
    pub not_ranked: Text,
    pub ranked_imprecise: Message,
    /// The area page's "About these figures" (the source line is source, below).
    pub area_method: Text,
    pub footnotes_title: Text,
    /// {code}: BLS's footnote letter or digit.
    pub footnote: Message,
    pub footnote_without_text: Text,
    // Both pages
    pub about_title: Text,
    /// {release}: "May 2025"; {entry}: a link whose words are source_entry_link.
    pub source: Message,
    pub source_entry_link: Text,
    /// A figure in a table: BLS withheld it (with a footnote saying why), or has no series for it.
    pub not_released: Text,
    pub not_published_cell: Text,
    /// Hidden words before a footnote's mark, read out by screen readers.
    pub cell_footnote: Text,
    /// The flag beside an imprecise figure or median.
    pub imprecise: Text,
    /// A state or area without a median, in a ranking and in the maps' legend.
    pub no_median: Text,
    // A difference between two amounts (area pages, and the comparison's ladder and offer check)
    /// {amount}: the difference, written for its period ("$2,150"); {percent}: "4.2%". The _than
    /// forms continue a sentence, {against} naming what the value is set against ("the nation's").
    pub gap_above: Message,
    pub gap_below: Message,
    pub gap_same: Text,
    pub gap_above_than: Message,
    pub gap_below_than: Message,
    pub gap_same_as: Message,
    /// A row with nothing to set against.
    pub no_comparison: Text,
}
