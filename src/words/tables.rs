//! The words of the tables the guide's pages place with `{{table:NAME}}`:
//! `words/<lang>/tables.toml`.

use serde::Deserialize;

use super::{Message, Text};
use crate::salary::data::Status;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableWords {
    pub occupation: Text,
    pub him_titles: Text,
    pub source: Text,
    pub data: Text,
    pub bls_series: Text,
    pub industry: Text,
    pub jobs: Text,
    pub median_annual: Text,
    pub not_published: Text,
    pub occupation_with_code: Message,
    pub dated: Message,
    pub growth: Message,
    pub growth_percent: Message,
    pub growth_with_pace: Message,
    pub quick_facts: QuickFactsWords,
    pub median_pay: MedianPayWords,
    pub spread_of_pay: SpreadWords,
    pub by_industry: ByIndustryWords,
    pub area_pay: AreaPayWords,
    pub pay_history: PayHistoryWords,
    pub industry_employment: IndustryEmploymentWords,
    pub projections: ProjectionWords,
    pub openings: OpeningsWords,
    pub claims: ClaimWords,
    pub checks: CheckWords,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickFactsWords {
    pub median_pay: Text,
    pub projected_growth: Text,
    pub entry_education: Text,
    pub no_projection: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedianPayWords {
    pub soc: Text,
    pub bls_occupation: Text,
    pub median_hourly: Text,
    pub not_in_extract: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpreadWords {
    pub occupation_and_data: Text,
    pub p10: Text,
    pub p25: Text,
    pub median: Text,
    pub p75: Text,
    pub p90: Text,
    pub mean: Text,
    pub row: Message,
    pub row_former_code: Message,
    pub with_note: Message,
    pub old: Message,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByIndustryWords {
    pub mean_annual: Text,
    pub range: Text,
    pub from_to: Message,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPayWords {
    pub area: Text,
    pub median_header: Message,
    pub below_the_us: Message,
    pub above_the_us: Message,
    pub imprecise: Message,
    pub not_released: Text,
    pub imprecise_note: Message,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayHistoryWords {
    pub code: Text,
    pub data_release: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustryEmploymentWords {
    pub jobs_in: Message,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionWords {
    pub window: Text,
    pub growth: Text,
    pub new_jobs: Text,
    pub jobs_at_start: Text,
    pub openings: Text,
    pub added: Message,
}

/// The table of where a year's openings come from: `{{table:openings}}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningsWords {
    pub openings: Text,
    pub exits: Text,
    pub transfers: Text,
    pub growth: Text,
    pub share: Text,
    pub share_percent: Message,
    pub rounding_note: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimWords {
    pub what_the_article_says: Text,
    pub article: Text,
    pub our_check: Text,
    pub verified: Text,
    pub what_we_found: Text,
    pub no_match: Text,
    pub unstated: Message,
    pub stated: Message,
    pub with_release: Message,
    pub figure: Message,
    pub projection: Message,
    pub projection_with_pace: Message,
    pub growth_claim: Message,
    pub growth_claim_with_pace: Message,
}

/// What our check of an article's figure found.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckWords {
    pub confirmed: Text,
    pub matches_quotes: Text,
    pub mislabelled: Text,
    pub unattributed: Text,
    pub not_found: Text,
}

impl CheckWords {
    pub fn of(&self, status: Status) -> &Text {
        match status {
            Status::Confirmed => &self.confirmed,
            Status::MatchesQuotes => &self.matches_quotes,
            Status::Mislabelled => &self.mislabelled,
            Status::Unattributed => &self.unattributed,
            Status::NotFound => &self.not_found,
        }
    }
}
