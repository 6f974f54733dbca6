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

/// How many industries each occupation's pay by work setting shows: those employing the most of it.
pub const INDUSTRIES_SHOWN: usize = 5;

/// BLS's display level of three-digit NAICS industries (`622000` Hospitals): specific enough to be
/// a work setting, broad enough that BLS publishes most of them.
const INDUSTRY_LEVEL: u8 = 3;

/// The current figures of every occupation BLS published nationally in `extract`, and its pay in
/// the industries employing most of it; an occupation whose SOC code is not in the extract gets
/// none (the site's check says so).
pub fn figures(extract: &Extract, occupations: &[Occupation]) -> Vec<Figure> {
    let mut figures = national(extract, occupations);
    figures.extend(by_industry(extract, occupations));
    figures
}

/// Each occupation's median and 10th-90th percentile range in the [`INDUSTRIES_SHOWN`] three-digit
/// industries that employ the most of it, largest first.
fn by_industry(extract: &Extract, occupations: &[Occupation]) -> Vec<Figure> {
    let year = extract.release.code.year_text();
    let release = format!("OEWS {}", extract.release.name);
    let source = source_id(extract);
    let mut figures = Vec::new();
    for occupation in occupations {
        let Some(soc) = Soc::parse(&occupation.soc) else {
            continue;
        };
        let mut settings: Vec<(u32, &crate::oews::Industry, &crate::oews::Series)> = extract
            .industries
            .iter()
            .filter(|industry| industry.level == INDUSTRY_LEVEL)
            .filter_map(|industry| {
                let series = extract.series(AreaCode::NATIONAL, industry.code, soc)?;
                let Some(Value::Jobs(jobs)) = series.value(Datatype::Employment) else {
                    return None;
                };
                series.wage(Datatype::AnnualMedian)?;
                Some((u32::try_from(jobs).ok()?, industry, series))
            })
            .collect();
        settings.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.code.cmp(&b.1.code)));
        for (jobs, industry, series) in settings.into_iter().take(INDUSTRIES_SHOWN) {
            for percentile in [Percentile::P10, Percentile::Median, Percentile::P90] {
                let statistic = match percentile {
                    Percentile::P10 => Statistic::P10,
                    Percentile::P90 => Statistic::P90,
                    _ => Statistic::Median,
                };
                for (basis, datatype) in [
                    (PayBasis::Annual, Datatype::annual(percentile)),
                    (PayBasis::Hourly, Datatype::hourly(percentile)),
                ] {
                    let Some(amount) = series.wage(datatype) else {
                        continue;
                    };
                    let hourly = if basis == PayBasis::Hourly {
                        "-hourly"
                    } else {
                        ""
                    };
                    figures.push(Figure {
                        id: format!(
                            "{}-{year}-{}-{}{hourly}",
                            occupation.id,
                            industry.code.as_str(),
                            statistic.as_str()
                        ),
                        occupation: occupation.id.clone(),
                        statistic,
                        basis,
                        amount,
                        release: release.clone(),
                        year: year.parse().ok(),
                        scope: Scope::Industry(industry.name.clone()),
                        source: source.clone(),
                        employment: (statistic == Statistic::Median && basis == PayBasis::Annual)
                            .then_some(jobs),
                        status: None,
                        note: None,
                        checked_against: None,
                        series: Some(series.id(datatype)),
                        soc: None,
                    });
                }
            }
        }
    }
    figures
}

fn national(extract: &Extract, occupations: &[Occupation]) -> Vec<Figure> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::fixture;
    use std::path::Path;

    fn extract() -> Extract {
        crate::oews::load::load_from(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
            Path::new("oews-extract"),
        )
        .expect("the fixture extract loads")
    }

    #[test]
    fn national_figures_carry_their_release_source_and_series() {
        let extract = extract();
        let figures = figures(&extract, &fixture().occupations);
        let median = figures
            .iter()
            .find(|f| f.id == "technologist-2025-median")
            .expect("the technologists' national median");
        assert_eq!(
            median.amount,
            crate::salary::money::Cents::from_dollars(68_020)
        );
        assert_eq!(median.release, "OEWS May 2025");
        assert_eq!(median.source, source_id(&extract));
        assert_eq!(median.employment, Some(38_100));
        assert_eq!(
            median.series.map(|s| s.to_string()).as_deref(),
            Some("OEUN000000000000029902113")
        );
        assert!(
            figures
                .iter()
                .any(|f| f.id == "technologist-2025-median-hourly")
        );
    }

    #[test]
    fn industries_are_three_digit_ones_with_a_published_median() {
        let figures = figures(&extract(), &fixture().occupations);
        let industries: Vec<&Figure> = figures
            .iter()
            .filter(|f| matches!(f.scope, Scope::Industry(_)) && f.statistic == Statistic::Median)
            .filter(|f| f.basis == PayBasis::Annual)
            .collect();
        assert!(!industries.is_empty());
        for figure in &industries {
            assert!(
                figure.id.contains("-2025-") && figure.series.is_some(),
                "{}",
                figure.id
            );
            assert!(
                figure.employment.is_some(),
                "{}: ranked by its jobs",
                figure.id
            );
        }
        for occupation in &fixture().occupations {
            let shown = industries
                .iter()
                .filter(|f| f.occupation == occupation.id)
                .count();
            assert!(shown <= INDUSTRIES_SHOWN, "{}: {shown}", occupation.id);
        }
    }
}
