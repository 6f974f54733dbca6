//! The current pay figures: each occupation's national, cross-industry distribution from BLS's OEWS
//! extract in `content/oews/`, as figures beside the guide's older ones, each with its BLS series id.
//! The ladder, the offer check and the figure tables take the newest release, so these lead.

use super::data::{Figure, Occupation, PayBasis, Scope, Statistic};
use crate::oews::{AreaCode, Datatype, Extract, IndustryCode, Percentile, Soc, Value};

/// The source id the current figures cite: `bls-oews-2025` for the May 2025 release.
pub fn source_id(extract: &Extract) -> String {
    format!("bls-oews-{}", extract.release.code.year_text())
}

/// The figure id of one current statistic: `technologist-2025-median`, `...-median-hourly`.
pub fn figure_id(
    occupation: &Occupation,
    year: &str,
    statistic: Statistic,
    basis: PayBasis,
) -> String {
    let hourly = if basis == PayBasis::Hourly {
        "-hourly"
    } else {
        ""
    };
    format!("{}-{year}-{}{hourly}", occupation.id, statistic.as_str())
}

/// The current figures of every occupation BLS published nationally in `extract`; an occupation
/// whose SOC code is not in the extract gets none (the site's check says so).
pub fn figures(extract: &Extract, occupations: &[Occupation]) -> Vec<Figure> {
    let year = extract.release.code.year_text();
    let release = format!("OEWS {}", extract.release.name);
    let source = source_id(extract);
    let statistics = [
        (Statistic::P10, Some(Percentile::P10)),
        (Statistic::P25, Some(Percentile::P25)),
        (Statistic::Median, Some(Percentile::Median)),
        (Statistic::P75, Some(Percentile::P75)),
        (Statistic::P90, Some(Percentile::P90)),
        (Statistic::Mean, None),
    ];
    let mut figures = Vec::new();
    for occupation in occupations {
        let Some(series) = Soc::parse(&occupation.soc)
            .and_then(|soc| extract.series(AreaCode::NATIONAL, IndustryCode::CROSS_INDUSTRY, soc))
        else {
            continue;
        };
        let employment = match series.value(Datatype::Employment) {
            Some(Value::Jobs(jobs)) => u32::try_from(jobs).ok(),
            _ => None,
        };
        for (statistic, percentile) in statistics {
            let datatypes = match percentile {
                Some(p) => [
                    (PayBasis::Annual, Datatype::annual(p)),
                    (PayBasis::Hourly, Datatype::hourly(p)),
                ],
                None => [
                    (PayBasis::Annual, Datatype::AnnualMean),
                    (PayBasis::Hourly, Datatype::HourlyMean),
                ],
            };
            for (basis, datatype) in datatypes {
                // A value BLS did not release is left out, never made a zero.
                let Some(amount) = series.wage(datatype) else {
                    continue;
                };
                figures.push(Figure {
                    id: figure_id(occupation, &year, statistic, basis),
                    occupation: occupation.id.clone(),
                    statistic,
                    basis,
                    amount,
                    release: release.clone(),
                    year: year.parse().ok(),
                    scope: Scope::National,
                    source: source.clone(),
                    employment: (statistic == Statistic::Median && basis == PayBasis::Annual)
                        .then_some(employment)
                        .flatten(),
                    status: None,
                    note: None,
                    checked_against: None,
                    series: Some(series.id(datatype)),
                    soc: None,
                });
            }
        }
    }
    figures
}
