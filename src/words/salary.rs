//! The words of the salary comparison: `words/<lang>/salary.toml`. `/salary` and `/embed/salary`
//! say them, and `/salary.json` and `/salary.csv` give their messages in them; the web layer's
//! `salary::wording` chooses which to say and fills them.

use serde::Deserialize;

use super::{Message, Text};
use crate::money::Period;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryWords {
    pub page: PageWords,
    pub form: FormWords,
    pub field_errors: FieldErrorWords,
    pub offer: OfferWords,
    pub unpublished: UnpublishedWords,
    pub table: TableWords,
    /// "annual", "hourly": pay per period as an adjective.
    pub period_adjectives: PerPeriod,
    pub chart: ChartWords,
    pub notes: NoteWords,
    pub sources: SourceWords,
    pub share: ShareWords,
    pub embed: EmbedWords,
    pub pair: PairWords,
}

/// The page's titles, its introduction, and the note of a static copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageWords {
    /// The heading and `<title>`, without and with an area.
    pub title: Text,
    pub title_in_area: Message,
    /// `Check your choices: {page}`: the `<title>` of a rejected query.
    pub title_rejected: Message,
    /// The meta description.
    pub description: Text,
    pub lede: Text,
    /// A static copy's note; `static_copy_live` has a `{link}` to the live comparison.
    pub static_copy: Text,
    pub static_copy_no_live: Text,
    pub static_copy_live: Message,
    /// The whole country, where no area is chosen.
    pub the_nation: Text,
}

/// The form's legends, labels, hints and choices.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormWords {
    pub errors_title: Text,
    pub compare: Text,
    pub compare_ladder: Text,
    pub compare_settings: Text,
    pub area: Text,
    pub area_hint: Text,
    pub area_nation: Text,
    /// The `<optgroup>` of a state's areas.
    pub areas_in_state: Message,
    pub occupation: Text,
    pub occupation_hint: Text,
    /// `{occupation} ({soc})`, in the lists and the ladder's first column.
    pub occupation_choice: Message,
    pub baseline: Text,
    pub display: Text,
    pub offer: Text,
    pub offer_amount: Text,
    pub offer_hint: Text,
    pub period: Text,
    pub submit: Text,
    /// The choices of how often an offer is paid and how pay is shown: "per hour".
    pub periods: PerPeriod,
}

/// What to fix in a rejected query, by problem.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldErrorWords {
    pub malformed: Text,
    pub too_many_parameters: Message,
    pub repeated: Message,
    pub unknown_compare: Text,
    pub unknown_occupation: Message,
    pub unknown_display: Text,
    pub unknown_area: Text,
    pub not_an_area_code: Text,
    pub no_pay_in_area: Text,
    pub unknown_period: Text,
    pub zero: Text,
    pub negative: Text,
    pub too_large: Text,
    pub not_a_number: Text,
    pub above_maximum: Message,
    pub same_place: Text,
    pub versus_needs_ladder: Text,
    pub no_second_place: Text,
}

/// The offer check: its heading and the sentences of its summary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferWords {
    pub title: Text,
    pub embed_title: Text,
    pub estimate: Text,
    pub yearly: Message,
    pub converted: Message,
    pub periods_hour: Message,
    pub periods_week: Message,
    pub periods_biweek: Message,
    pub periods_month: Message,
    pub in_area: Message,
    pub nationally: Text,
    pub below_p10: Message,
    pub above_p90: Message,
    pub between: Message,
    pub tie_two: Message,
    pub tie_many: Message,
    pub the_median: Text,
    pub the_percentile: Message,
    pub estimate_caveat: Text,
    pub too_old: Message,
    pub no_distribution: Message,
    pub versus_median: Message,
    pub their_median_in: Message,
    pub their_newest_median: Text,
    pub not_checked: Message,
    pub not_checked_state: Message,
}

impl OfferWords {
    /// `{count} hours a year`: the pay periods in a year, for an offer paid every `period`.
    pub fn periods(&self, period: Period) -> &Message {
        match period {
            Period::Hour => &self.periods_hour,
            Period::Week => &self.periods_week,
            Period::Biweek => &self.periods_biweek,
            // A yearly offer is not converted; `month` is the nearest words if one ever is.
            Period::Month | Period::Year => &self.periods_month,
        }
    }
}

/// Occupations BLS released no wages for in the chosen area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnpublishedWords {
    pub title: Text,
    pub no_series: Message,
    pub not_released: Message,
    pub not_released_footnote_8: Message,
    pub not_released_footnote: Message,
    pub elsewhere_in: Message,
    pub elsewhere_nation: Text,
}

/// The ladder's and the settings' tables: captions, headers, cells.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableWords {
    pub section_title: Text,
    pub ladder_caption: Message,
    pub ladder_caption_in_area: Message,
    pub ladder_caption_shared: Message,
    pub ladder_caption_in_area_shared: Message,
    pub occupation: Text,
    pub median_in: Message,
    pub range_in: Message,
    pub data: Text,
    pub difference_from: Message,
    pub no_distribution: Text,
    pub data_median: Message,
    pub data_median_and_range: Message,
    pub baseline: Text,
    pub no_baseline: Text,
    pub range: Message,
    pub industry_caption: Message,
    pub industry: Text,
    pub statistic_pay: Message,
    pub range_header: Text,
    pub jobs: Text,
    pub not_published: Text,
    pub claims_caption: Text,
    pub workplace: Text,
    pub article_figure: Text,
    pub our_check: Text,
    /// For screen readers: after a computed figure, before a source note's number.
    pub computed: Text,
    pub source_note: Text,
}

/// One word or phrase per pay period.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerPeriod {
    pub hour: Text,
    pub week: Text,
    pub biweek: Text,
    pub month: Text,
    pub year: Text,
}

impl PerPeriod {
    pub fn of(&self, period: Period) -> &Text {
        match period {
            Period::Hour => &self.hour,
            Period::Week => &self.week,
            Period::Biweek => &self.biweek,
            Period::Month => &self.month,
            Period::Year => &self.year,
        }
    }
}

/// The chart's title, text alternative, labels and the offer's mark.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartWords {
    pub ladder_title: Message,
    pub industry_title: Message,
    pub ladder_row: Message,
    pub ladder_row_range: Message,
    pub industry_row: Message,
    pub bar: Message,
    pub ladder_value: Message,
    pub industry_value: Message,
    pub offer: Message,
    pub caption: Message,
}

/// The caveats beside the comparison.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteWords {
    pub title: Text,
    pub mixed_releases: Message,
    pub range_older_than_median: Text,
    pub computed_from_annual: Message,
    /// "Hourly amounts": what `computed_from_annual` is about.
    pub computed_amounts: PerPeriod,
    pub no_industry_pay: Message,
    pub industry_means: Text,
    pub article_workplace: Text,
    pub industries_national_only: Message,
    pub no_baseline_in_area: Message,
    pub imprecise: Message,
}

/// The sources of the figures, as numbered notes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceWords {
    pub title: Text,
    pub note: Message,
    pub note_article: Message,
    /// `BLS series: {series}.`, the series links in place of `{series}`.
    pub series: Message,
    pub series_separator: Text,
    pub about_source: Text,
    /// What † means, on the page and in the embed.
    pub computed: Text,
    pub computed_short: Text,
}

/// Keeping and sharing a result: its address, its data, the embed code, the method.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareWords {
    pub title: Text,
    pub address: Message,
    pub data: Message,
    pub json: Text,
    pub csv: Text,
    pub embed: Text,
    pub method: Message,
    pub chapter: Text,
    pub checking: Text,
}

/// The compact embed's title, heading and link back.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedWords {
    pub title: Text,
    pub title_in_area: Message,
    pub heading: Text,
    pub heading_in_area: Message,
    pub errors: Text,
    pub full: Message,
}

/// Two places side by side: the heading, the second place's fields, the table, the offers and
/// the notes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairWords {
    /// The nation as one of the two places, inside a sentence.
    pub the_nation: Text,
    /// `{here}` and `{there}`: the two places' names.
    pub title: Message,
    pub embed_heading: Message,
    pub vs: Text,
    pub vs_hint: Text,
    pub vs_none: Text,
    pub offer_vs: Text,
    pub offer_vs_hint: Text,
    pub caption: Message,
    /// Column headers; `{place}` is one place's name.
    pub median_in: Message,
    pub range_in: Message,
    pub adjusted_in: Message,
    pub difference: Message,
    pub adjusted_difference: Message,
    pub not_released: Text,
    pub no_level: Text,
    pub offers_title: Text,
    pub offers_more: Message,
    pub offers_same: Text,
    pub offers_no_level: Text,
    pub nation_level: Text,
    pub caveat: Text,
}
