//! The current pay figures: each occupation's national distribution, and its pay in the industries
//! employing most of it, from BLS's OEWS extract in `content/oews/`, as figures beside the guide's
//! older ones, each with its BLS series id. The ladder, the offer check and the figure tables take
//! the newest release, so these lead.

use super::data::{Figure, Occupation, PayBasis, Scope, Statistic};
use money::Cents;
use oews::{
    AreaCode, Datatype, Extract, FootnoteCode, Industry, IndustryCode, Percentile, Series,
    SeriesId, Soc, Value,
};

/// Why the comparison has no pay for an occupation in an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// BLS published no estimates for the occupation in the area.
    NoSeries,
    /// BLS lists the occupation in the area but did not release its median wage, with BLS's
    /// footnote (8: "Estimate not released").
    NotReleased(Option<FootnoteCode>),
}

/// The source id the current figures cite: `bls-oews-2025` for the May 2025 release.
pub fn source_id(extract: &Extract) -> String {
    format!("bls-oews-{}", extract.release.code.year_text())
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
    let release = ReleaseLabels::of(extract);
    let mut figures = Vec::new();
    for occupation in occupations {
        let soc = occupation.soc;
        if let Some(series) = extract.series(AreaCode::NATIONAL, IndustryCode::CROSS_INDUSTRY, soc)
        {
            let prefix = format!("{}-{}", occupation.id, release.year);
            let mut statistics = Statistic::PERCENTILES.to_vec();
            statistics.push(Statistic::Mean);
            figures.extend(release.figures(
                &prefix,
                occupation,
                published(series),
                Scope::National,
                &statistics,
            ));
        }
        for (industry, series) in largest_industries(extract, soc) {
            let prefix = format!(
                "{}-{}-{}",
                occupation.id,
                release.year,
                industry.code.as_str()
            );
            let scope = Scope::Industry(industry.name.clone());
            let statistics = [Statistic::P10, Statistic::Median, Statistic::P90];
            figures.extend(release.figures(
                &prefix,
                occupation,
                published(series),
                scope,
                &statistics,
            ));
        }
    }
    figures
}

/// The [`INDUSTRIES_SHOWN`] three-digit industries employing the most of `soc` nationally, largest
/// first, among those where BLS published a median.
fn largest_industries(extract: &Extract, soc: Soc) -> Vec<(&Industry, &Series)> {
    let mut settings: Vec<(u64, &Industry, &Series)> = extract
        .industries
        .iter()
        .filter(|industry| industry.level == INDUSTRY_LEVEL)
        .filter_map(|industry| {
            let series = extract.series(AreaCode::NATIONAL, industry.code, soc)?;
            let Some(Value::Jobs(jobs)) = series.value(Datatype::Employment) else {
                return None;
            };
            series.wage(Datatype::AnnualMedian)?;
            Some((jobs, industry, series))
        })
        .collect();
    settings.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.code.cmp(&b.1.code)));
    settings
        .into_iter()
        .take(INDUSTRIES_SHOWN)
        .map(|(_, industry, series)| (industry, series))
        .collect()
}

/// What figures are made from: each wage BLS released, with its series id, and the employment
/// count; read from a series, or from an area's report of one.
pub(super) struct Published<F: Fn(Datatype) -> Option<(Cents, SeriesId)>> {
    pub(super) wage: F,
    pub(super) employment: Option<u32>,
}

/// The employment count as figures carry it.
pub(super) fn jobs(value: Option<Value>) -> Option<u32> {
    match value {
        Some(Value::Jobs(jobs)) => u32::try_from(jobs).ok(),
        _ => None,
    }
}

fn published(series: &Series) -> Published<impl Fn(Datatype) -> Option<(Cents, SeriesId)> + '_> {
    Published {
        wage: |datatype| Some((series.wage(datatype)?, series.id(datatype))),
        employment: jobs(series.value(Datatype::Employment)),
    }
}

/// What every figure of one release shares: its year, name and source.
pub(super) struct ReleaseLabels {
    pub(super) year: String,
    name: String,
    source: String,
}

impl ReleaseLabels {
    pub(super) fn of(extract: &Extract) -> ReleaseLabels {
        ReleaseLabels {
            year: extract.release.code.year_text(),
            name: format!("OEWS {}", extract.release.name),
            source: source_id(extract),
        }
    }

    /// `statistics` of `series`, annual and hourly, as figures with ids `PREFIX-median` and
    /// `PREFIX-median-hourly`; employment goes on the annual median. A value BLS did not release is
    /// left out, never made a zero.
    pub(super) fn figures(
        &self,
        prefix: &str,
        occupation: &Occupation,
        published: Published<impl Fn(Datatype) -> Option<(Cents, SeriesId)>>,
        scope: Scope,
        statistics: &[Statistic],
    ) -> Vec<Figure> {
        let Published { wage, employment } = published;
        let mut figures = Vec::new();
        for &statistic in statistics {
            for basis in [PayBasis::Annual, PayBasis::Hourly] {
                let Some(datatype) = datatype(statistic, basis) else {
                    continue;
                };
                let Some((amount, id)) = wage(datatype) else {
                    continue;
                };
                let hourly = if basis == PayBasis::Hourly {
                    "-hourly"
                } else {
                    ""
                };
                figures.push(Figure {
                    id: format!("{prefix}-{}{hourly}", statistic.as_str()),
                    occupation: occupation.id.clone(),
                    statistic,
                    basis,
                    amount,
                    release: self.name.clone(),
                    year: self.year.parse().ok(),
                    scope: scope.clone(),
                    source: self.source.clone(),
                    employment: (statistic == Statistic::Median && basis == PayBasis::Annual)
                        .then_some(employment)
                        .flatten(),
                    status: None,
                    note: None,
                    checked_against: None,
                    series: Some(id),
                    soc: None,
                    soc_title: None,
                });
            }
        }
        figures
    }
}

/// The OEWS datatype of a statistic on a pay basis, if OEWS publishes one.
fn datatype(statistic: Statistic, basis: PayBasis) -> Option<Datatype> {
    let percentile = match statistic {
        Statistic::P10 => Percentile::P10,
        Statistic::P25 => Percentile::P25,
        Statistic::Median => Percentile::Median,
        Statistic::P75 => Percentile::P75,
        Statistic::P90 => Percentile::P90,
        Statistic::Mean => {
            return Some(match basis {
                PayBasis::Annual => Datatype::AnnualMean,
                PayBasis::Hourly => Datatype::HourlyMean,
            });
        }
        Statistic::Unstated => return None,
    };
    Some(match basis {
        PayBasis::Annual => Datatype::annual(percentile),
        PayBasis::Hourly => Datatype::hourly(percentile),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixture, fixtures_dir};
    use std::path::Path;

    fn extract() -> Extract {
        oews::load::load_from(&fixtures_dir(), Path::new("oews-extract"))
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
        assert_eq!(median.amount, money::Cents::from_dollars(68_020));
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
