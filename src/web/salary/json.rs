//! `/salary.json`: the comparison as JSON, amounts in integer cents with their provenance.

use serde::Serialize;

use super::{Format, wording};
use crate::money::Difference;
use crate::oews::bls_series_url;
use crate::oews::{AreaCode, AreaType};
use crate::salary::compare::{Estimate, NotPublished, OfferCheck, Report, Rows, Shown};
use crate::salary::current::Missing;
use crate::salary::data::{Figure, Occupation, PayBasis, Statistic};
use crate::salary::query::Rejected;
use crate::site::Site;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::words::Words;

/// The JSON answer.
pub(crate) struct Json;

impl Format for Json {
    const CONTENT_TYPE: &'static str = "application/json";

    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError> {
        serde_json::to_vec_pretty(&JsonReport::new(&state.site, report)).map_err(AppError::internal)
    }

    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError> {
        let errors: Vec<JsonError> = rejected
            .errors
            .iter()
            .map(|error| JsonError {
                field: error.field.as_str(),
                message: wording::field_message(state.site.words, error, &state.site.salary),
            })
            .collect();
        let body = serde_json::json!({ "error": "bad query", "errors": errors });
        Ok(body.to_string().into_bytes())
    }
}

#[derive(Serialize)]
struct JsonError {
    field: &'static str,
    message: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    /// The canonical query that reproduces this result.
    query: String,
    compare: &'static str,
    /// The BLS area of the ladder and the offer check (pay by industry is always national).
    area: JsonArea<'a>,
    display: &'static str,
    occupation: JsonOccupation<'a>,
    baseline: JsonOccupation<'a>,
    offer: Option<JsonOffer<'a>>,
    /// An offer not checked because BLS released no wages for its occupation in the area.
    #[serde(skip_serializing_if = "Option::is_none")]
    offer_not_checked: Option<JsonUnpublished<'a>>,
    rows: Vec<JsonRow<'a>>,
    /// In an area BEA has a price level for: the level and the amounts at national prices.
    #[serde(skip_serializing_if = "Option::is_none")]
    prices: Option<JsonPrices<'a>>,
    /// The occupations BLS released no wages for in the area, with where to look instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_published: Vec<JsonUnpublished<'a>>,
    notes: Vec<String>,
    sources: Vec<JsonSource<'a>>,
    /// With a second place (`vs`): the same comparison there, with the offer made there.
    #[serde(skip_serializing_if = "Option::is_none")]
    versus: Option<Box<JsonReport<'a>>>,
    /// With a second place: each occupation's yearly medians in both places and the second's
    /// difference from the first, as published and at national prices (our arithmetic).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    side_by_side: Vec<JsonPairRow<'a>>,
    /// With offers in both places: both at national prices, and which buys more, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    offers_compared: Option<JsonPairOffers>,
}

/// One occupation in both places; amounts in cents, yearly. `null` where BLS released no wages
/// or BEA publishes no price level (the nation's level is 100 by definition).
#[derive(Serialize)]
struct JsonPairRow<'a> {
    occupation: &'a str,
    here_median_cents: Option<i64>,
    there_median_cents: Option<i64>,
    here_at_national_prices_cents: Option<i64>,
    there_at_national_prices_cents: Option<i64>,
    /// The second place less the first.
    difference: Option<JsonDifference>,
    difference_at_national_prices: Option<JsonDifference>,
}

#[derive(Serialize)]
struct JsonPairOffers {
    /// Each yearly offer at national prices, in cents; `null` when a place has no price level.
    here_at_national_prices_cents: Option<i64>,
    there_at_national_prices_cents: Option<i64>,
    /// The second less the first, at national prices.
    difference: Option<JsonDifference>,
    summary: Option<String>,
}

impl JsonDifference {
    fn new(difference: Difference) -> Self {
        JsonDifference {
            amount_cents: difference.amount.0,
            percent: difference.percent(),
        }
    }
}

fn side_by_side<'a>(report: &'a Report<'a>) -> Vec<JsonPairRow<'a>> {
    let Some(pair) = &report.versus else {
        return Vec::new();
    };
    let median = |row: &Option<crate::salary::compare::LadderRow<'_>>| {
        row.as_ref().map(|r| r.median_annual.figure.amount.0)
    };
    pair.rows
        .iter()
        .map(|row| JsonPairRow {
            occupation: &row.occupation.id,
            here_median_cents: median(&row.here),
            there_median_cents: median(&row.there),
            here_at_national_prices_cents: row.here_adjusted.map(|c| c.0),
            there_at_national_prices_cents: row.there_adjusted.map(|c| c.0),
            difference: row.difference.map(JsonDifference::new),
            difference_at_national_prices: row.adjusted_difference.map(JsonDifference::new),
        })
        .collect()
}

fn offers_compared(w: &Words, report: &Report<'_>) -> Option<JsonPairOffers> {
    let pair = report.versus.as_ref()?;
    report.query.offer?;
    pair.report.query.offer?;
    Some(JsonPairOffers {
        here_at_national_prices_cents: pair.offers.map(|o| o.here.0),
        there_at_national_prices_cents: pair.offers.map(|o| o.there.0),
        difference: pair.offers.map(|o| JsonDifference::new(o.difference)),
        summary: super::pair::offers_compared(w, report, pair),
    })
}

#[derive(Serialize)]
struct JsonArea<'a> {
    /// BLS's seven-digit area code: `0000000` for the nation.
    code: String,
    name: &'a str,
    /// `national`, `state` or `metro` (metropolitan or nonmetropolitan area).
    #[serde(rename = "type")]
    area_type: &'static str,
}

/// An occupation without wages in the area, and the comparisons to see instead.
#[derive(Serialize)]
struct JsonUnpublished<'a> {
    occupation: JsonOccupation<'a>,
    /// `no_series` (BLS published no estimates) or `not_released` (with BLS's footnote).
    reason: &'static str,
    footnote: Option<String>,
    message: String,
    /// The same comparison in the area's state, where BLS released the occupation's wages.
    state: Option<JsonElsewhere<'a>>,
    national_query: String,
}

#[derive(Serialize)]
struct JsonElsewhere<'a> {
    code: String,
    name: &'a str,
    query: String,
}

impl<'a> JsonUnpublished<'a> {
    fn new(report: &Report<'a>, missing: &NotPublished<'a>, message: String) -> Self {
        let (reason, footnote) = match missing.missing {
            Missing::NoSeries => ("no_series", None),
            Missing::NotReleased(code) => ("not_released", code.map(|c| c.to_string())),
        };
        JsonUnpublished {
            occupation: JsonOccupation::new(missing.occupation),
            reason,
            footnote,
            message,
            state: missing.state.map(|state| JsonElsewhere {
                code: state.code.to_string(),
                name: &state.name,
                query: report.query.to_query_string_in(Some(state.code)),
            }),
            national_query: report.query.to_query_string_in(None),
        }
    }
}

#[derive(Serialize)]
struct JsonOccupation<'a> {
    id: &'a str,
    soc: String,
    title: &'a str,
}

impl<'a> JsonOccupation<'a> {
    fn new(occupation: &'a Occupation) -> Self {
        JsonOccupation {
            id: &occupation.id,
            soc: occupation.soc.to_string(),
            title: &occupation.title,
        }
    }
}

#[derive(Serialize)]
struct JsonOffer<'a> {
    /// The amount as entered, in cents, and how often it is paid.
    amount_cents: i64,
    period: &'static str,
    /// The yearly equivalent, in whole dollars.
    annual: i64,
    /// 10 to 90 when the offer is inside the published range and a recent distribution exists.
    percentile: Option<f64>,
    /// The published percentiles the offer equals when BLS gave two or more of them one amount
    /// (`[75, 90]`); `percentile` is then the highest of them.
    tied_percentiles: Option<[u8; 2]>,
    position: Option<&'static str>,
    /// `placed`, `distribution_too_old` or `no_distribution`.
    estimate: &'static str,
    data_release: Option<&'a str>,
    median: JsonValue<'a>,
    /// The offer's difference from that median, in whole dollars and percent (computed).
    versus_median: JsonDifference,
    summary: String,
}

impl<'a> JsonOffer<'a> {
    fn new(w: &Words, check: &OfferCheck<'a>) -> Self {
        let (placement, estimate, release) = match &check.estimate {
            Estimate::Placed {
                distribution,
                placement,
            } => (Some(placement), "placed", Some(distribution.release)),
            Estimate::TooOld { distribution } => {
                (None, "distribution_too_old", Some(distribution.release))
            }
            Estimate::NoDistribution => (None, "no_distribution", None),
        };
        JsonOffer {
            amount_cents: check.offer.amount.0,
            period: check.offer.period.as_str(),
            annual: check.offer.annual.whole_dollars(),
            percentile: placement
                .and_then(|p| p.percentile)
                .map(|p| (p * 10.0).round() / 10.0),
            tied_percentiles: placement.and_then(|p| p.tie).map(|(low, high)| [low, high]),
            position: placement.map(|p| p.position.as_str()),
            estimate,
            data_release: release,
            median: JsonValue::figure(check.median),
            versus_median: JsonDifference {
                amount_cents: check.versus_median.amount.0,
                percent: check.versus_median.percent(),
            },
            summary: wording::offer_summary(w, check),
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per request and serialised at once"
)]
enum JsonRow<'a> {
    Occupation {
        occupation: JsonOccupation<'a>,
        median: JsonValue<'a>,
        median_annual: JsonValue<'a>,
        median_hourly: JsonValue<'a>,
        p10: Option<JsonValue<'a>>,
        p90: Option<JsonValue<'a>>,
        difference: Option<JsonDifference>,
    },
    IndustryMean {
        setting: &'a str,
        value: JsonValue<'a>,
        employment: Option<u32>,
    },
    /// An industry's median with its 10th and 90th percentiles (the current release).
    Industry {
        setting: &'a str,
        median: JsonValue<'a>,
        p10: Option<JsonValue<'a>>,
        p90: Option<JsonValue<'a>>,
        employment: Option<u32>,
    },
    ArticleClaim {
        setting: &'a str,
        value: JsonValue<'a>,
        status: &'static str,
        note: Option<&'a str>,
    },
}

/// A figure as shown: amount in cents per `period`, with its provenance.
#[derive(Serialize)]
struct JsonValue<'a> {
    amount_cents: i64,
    text: String,
    period: &'static str,
    statistic: &'static str,
    data_release: &'a str,
    source: &'a str,
    computed: bool,
    /// The BLS series the figure is, or was computed from, and its page on data.bls.gov.
    series_id: Option<String>,
    series_url: Option<String>,
}

impl<'a> JsonValue<'a> {
    fn shown(shown: &Shown<'a>) -> Self {
        JsonValue {
            amount_cents: shown.amount.0,
            text: shown.text(),
            period: shown.period.as_str(),
            statistic: shown.figure.statistic.as_str(),
            data_release: &shown.figure.release,
            source: &shown.figure.source,
            computed: shown.computed,
            series_id: shown.figure.series.map(|id| id.to_string()),
            series_url: shown.figure.series.map(bls_series_url),
        }
    }

    fn figure(figure: &'a Figure) -> Self {
        JsonValue {
            amount_cents: figure.amount.0,
            text: figure.amount_text(),
            period: match figure.basis {
                PayBasis::Annual => "year",
                PayBasis::Hourly => "hour",
            },
            statistic: figure.statistic.as_str(),
            data_release: &figure.release,
            source: &figure.source,
            computed: false,
            series_id: figure.series.map(|id| id.to_string()),
            series_url: figure.series.map(bls_series_url),
        }
    }
}

/// BEA's price level for the area and the amounts it sets at national prices (our arithmetic:
/// yearly pay × 100 / the level, to the nearest $100), in whole dollars.
#[derive(Serialize)]
struct JsonPrices<'a> {
    source: &'a str,
    year: u16,
    /// The level as BEA publishes it, the nation = 100: `"110.720"`.
    level: String,
    /// `state`, `metro`, or `state-nonmetro` where BEA's level is for the nonmetropolitan
    /// portion of the area's state.
    measure: &'static str,
    bea_area: &'a str,
    bea_code: &'a str,
    medians: Vec<JsonAdjusted<'a>>,
    offer: Option<i64>,
    /// The median the offer was checked against, at national prices.
    offer_median: Option<i64>,
    /// The offer and its median at national prices, in words.
    summary: Option<String>,
}

#[derive(Serialize)]
struct JsonAdjusted<'a> {
    occupation: &'a str,
    annual: i64,
}

impl<'a> JsonPrices<'a> {
    fn new(w: &Words, report: &'a Report<'a>) -> Option<Self> {
        let prices = report.prices.as_ref()?;
        let parity = &prices.here.parity;
        Some(JsonPrices {
            source: &prices.here.source,
            year: prices.here.year,
            level: parity.level.to_string(),
            measure: parity.measure.name(),
            bea_area: &parity.bea_name,
            bea_code: &parity.bea_code,
            medians: prices
                .medians
                .iter()
                .map(|(occupation, amount)| JsonAdjusted {
                    occupation: &occupation.id,
                    annual: amount.whole_dollars(),
                })
                .collect(),
            offer: prices.offer.map(|(offer, _)| offer.whole_dollars()),
            offer_median: prices.offer.map(|(_, median)| median.whole_dollars()),
            summary: wording::offer_at_national_prices(w, report),
        })
    }
}

#[derive(Serialize)]
struct JsonDifference {
    amount_cents: i64,
    percent: f64,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
}

impl<'a> JsonReport<'a> {
    fn new(site: &'a Site, report: &'a Report<'a>) -> Self {
        let rows = match &report.rows {
            Rows::Ladder(rows) => rows
                .iter()
                .map(|row| JsonRow::Occupation {
                    occupation: JsonOccupation::new(row.occupation),
                    median: JsonValue::shown(&row.median),
                    median_annual: JsonValue::shown(&row.median_annual),
                    median_hourly: JsonValue::shown(&row.median_hourly),
                    p10: row.p10.as_ref().map(JsonValue::shown),
                    p90: row.p90.as_ref().map(JsonValue::shown),
                    difference: row.difference.map(|d| JsonDifference {
                        amount_cents: d.amount.0,
                        percent: d.percent(),
                    }),
                })
                .collect(),
            Rows::Settings { industries, claims } => industries
                .iter()
                .map(|row| match row.shown.figure.statistic {
                    Statistic::Mean => JsonRow::IndustryMean {
                        setting: row.setting,
                        value: JsonValue::shown(&row.shown),
                        employment: row.shown.figure.employment,
                    },
                    _ => JsonRow::Industry {
                        setting: row.setting,
                        median: JsonValue::shown(&row.shown),
                        p10: row.range.as_ref().map(|(p10, _)| JsonValue::shown(p10)),
                        p90: row.range.as_ref().map(|(_, p90)| JsonValue::shown(p90)),
                        employment: row.shown.figure.employment,
                    },
                })
                .chain(claims.iter().map(|row| JsonRow::ArticleClaim {
                    setting: row.setting,
                    value: JsonValue::shown(&row.shown),
                    status: row.shown.figure.status.map_or("", |s| s.label()),
                    note: row.shown.figure.note.as_deref(),
                }))
                .collect(),
        };
        let w = site.words;
        let offer = report.offer.as_ref().map(|check| JsonOffer::new(w, check));
        let area = report.query.area.map(|pay| &pay.area);
        JsonReport {
            query: report.query.to_query_string(),
            compare: report.query.compare.as_str(),
            area: JsonArea {
                code: area.map_or(AreaCode::NATIONAL, |a| a.code).to_string(),
                name: wording::area_name(w, area),
                area_type: match area.map(|a| a.area_type) {
                    None | Some(AreaType::National) => "national",
                    Some(AreaType::State) => "state",
                    Some(AreaType::Metro) => "metro",
                },
            },
            offer_not_checked: report
                .not_published
                .iter()
                .find(|m| report.query.offer.is_some() && m.occupation == report.query.occupation)
                .map(|m| JsonUnpublished::new(report, m, wording::offer_not_checked(w, m))),
            not_published: report
                .not_published
                .iter()
                .map(|m| JsonUnpublished::new(report, m, wording::not_published(w, m)))
                .collect(),
            display: report.query.display.as_str(),
            occupation: JsonOccupation::new(report.query.occupation),
            baseline: JsonOccupation::new(report.query.baseline),
            offer,
            rows,
            prices: JsonPrices::new(w, report),
            notes: report.notes.iter().map(|n| wording::note(w, n)).collect(),
            versus: report
                .versus
                .as_ref()
                .map(|pair| Box::new(JsonReport::new(site, &pair.report))),
            side_by_side: side_by_side(report),
            offers_compared: offers_compared(w, report),
            sources: report
                .sources
                .iter()
                .filter_map(|id| site.source(id))
                .map(|s| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    url: s.url.as_deref(),
                })
                .collect(),
        }
    }
}
