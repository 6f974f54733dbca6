//! Pay in one BLS area, the one model that area pages, `/pay` and the comparison read. [`report`]
//! reads each occupation's figures there against the nation's from the extract, as area pages,
//! maps and rankings show them. The comparison's [`AreaPay`] is made from those reports (the
//! distribution as figures, or why BLS published none) on the area's first comparison and kept,
//! never for every area at start-up; a report itself is cheap and not kept, as the pages that
//! show it are.

pub mod report;

use std::sync::OnceLock;

pub use report::{AreaMedian, Estimate, OccupationPay, WAGE_ROWS, WageRow};

use super::current::{Missing, Published, ReleaseLabels, jobs};
use super::data::{Distribution, Figure, Occupation, PayBasis, SalaryData, Scope, Statistic};
use oews::{Area, AreaCode, AreaType, Extract, Soc, Tenths};

/// One occupation in an area, as the comparison reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InArea {
    /// The occupation's id in the salary data.
    pub id: String,
    /// The 10th to 90th percentiles, annual and hourly, from the occupation's report here, each
    /// with its series; or why the comparison has none.
    pub figures: Result<Vec<Figure>, Missing>,
    /// BLS's relative standard error of the wages here, when above our line for imprecise wages.
    pub imprecise_wages: Option<Tenths>,
}

/// The state a metro or nonmetro area lies in, offered where BLS published nothing in the area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFallback {
    pub area: Area,
    /// The occupations (by id) BLS published a median for in the state.
    pub published: Vec<String>,
}

/// BEA's price level standing for an area, with its year and the source it is cited by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceHere {
    pub parity: prices::Parity,
    pub year: u16,
    /// The source id: `bea-rpp-2024`.
    pub source: String,
}

/// What the site knows of prices in an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalPrices {
    /// The site has no price levels at all.
    Unknown,
    /// BEA publishes none that stands for this area (Puerto Rico, the territories).
    NotPublished,
    Level(PriceHere),
}

/// Pay in one area as the comparison reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaPay {
    pub area: Area,
    /// BEA's price level here, which sets the area's pay at national prices.
    pub prices: LocalPrices,
    /// For a metro area, its state (BLS's primary state for one across state lines).
    pub state: Option<StateFallback>,
    /// Each occupation of the salary data, in the data's order.
    pub occupations: Vec<InArea>,
}

impl AreaPay {
    /// The pay of every occupation of `data` in `area`; for a metro area, which occupations its
    /// state has a median for (read from the state's own pay, built here if not yet).
    fn build(areas: Areas<'_>, area: &Area) -> AreaPay {
        let occupations = areas
            .data
            .occupations
            .iter()
            .map(|occupation| {
                let report = areas.report(area.code, occupation.soc);
                InArea {
                    id: occupation.id.clone(),
                    figures: area_figures(areas.extract, area, occupation, &report),
                    imprecise_wages: report.imprecise_wages,
                }
            })
            .collect();
        let state = (area.area_type == AreaType::Metro)
            .then(|| areas.pay(area.state.area()))
            .flatten()
            .map(|state| StateFallback {
                area: state.area.clone(),
                published: state
                    .occupations
                    .iter()
                    .filter(|o| o.figures.is_ok())
                    .map(|o| o.id.clone())
                    .collect(),
            });
        let prices = match &areas.cache.prices {
            None => LocalPrices::Unknown,
            Some(prices) => prices
                .parity(area.code)
                .map_or(LocalPrices::NotPublished, |parity| {
                    LocalPrices::Level(PriceHere {
                        parity: parity.clone(),
                        year: prices.release.year,
                        source: prices.release.source_id(),
                    })
                }),
        };
        AreaPay {
            area: area.clone(),
            prices,
            state,
            occupations,
        }
    }

    fn of(&self, occupation: &Occupation) -> Option<&InArea> {
        self.occupations.iter().find(|o| o.id == occupation.id)
    }

    /// The occupation's figures in the area, or why there are none.
    pub fn pay_of(&self, occupation: &Occupation) -> Result<&[Figure], Missing> {
        match self.of(occupation) {
            Some(InArea { figures, .. }) => figures.as_deref().map_err(|&missing| missing),
            None => Err(Missing::NoSeries),
        }
    }

    /// BLS's relative standard error of the occupation's wages here, when above our line for
    /// imprecise wages.
    pub fn imprecise_wages(&self, occupation: &Occupation) -> Option<Tenths> {
        self.of(occupation)?.imprecise_wages
    }

    /// Whether BLS published a median for at least one of the occupations in the area.
    pub fn has_pay(&self) -> bool {
        self.occupations.iter().any(|o| o.figures.is_ok())
    }

    /// The area's figure of `statistic` on `basis` for the occupation, if BLS released it.
    pub fn figure(
        &self,
        occupation: &Occupation,
        statistic: Statistic,
        basis: PayBasis,
    ) -> Option<&Figure> {
        self.pay_of(occupation)
            .ok()?
            .iter()
            .find(|f| f.statistic == statistic && f.basis == basis)
    }

    /// The occupation's annual median in the area: present whenever its pay is published.
    pub fn median(&self, occupation: &Occupation) -> Option<&Figure> {
        self.figure(occupation, Statistic::Median, PayBasis::Annual)
    }

    /// The occupation's five annual percentiles in the area, if BLS released all five.
    pub fn distribution<'a>(&'a self, occupation: &'a Occupation) -> Option<Distribution<'a>> {
        let median = self.median(occupation)?;
        Distribution::of(occupation, median, |statistic| {
            Some(self.figure(occupation, statistic, PayBasis::Annual)?.amount)
        })
    }
}

/// The occupation's distribution in `area` (cross-industry), annual and hourly, as figures read
/// from the area's `report`, each with its series; or why there is none: no series, or a median
/// BLS did not release. Figures for the nation are the current figures of [`figures`] instead,
/// which the guide's pages also cite.
fn area_figures(
    extract: &Extract,
    area: &Area,
    occupation: &Occupation,
    report: &OccupationPay,
) -> Result<Vec<Figure>, Missing> {
    if let Some(missing) = report.missing_median() {
        return Err(missing);
    }
    let release = ReleaseLabels::of(extract);
    let prefix = format!("{}-{}-{}", occupation.id, release.year, area.code);
    let scope = Scope::Area(area.name.clone());
    let from_report = Published {
        wage: |datatype| {
            let estimate = report.estimate(datatype);
            Some((estimate.wage()?, estimate.series_id()?))
        },
        employment: jobs(report.employment.value()),
    };
    Ok(release.figures(
        &prefix,
        occupation,
        from_report,
        scope,
        &Statistic::PERCENTILES,
    ))
}

/// The areas' pay, each built on its first request and kept: one empty slot per area of the
/// extract until then. BEA's price levels live here too, so that every area is built with them,
/// whoever asks first.
#[derive(Debug, Clone, Default)]
pub struct AreaCache {
    built: Vec<OnceLock<AreaPay>>,
    prices: Option<prices::Prices>,
}

impl AreaCache {
    pub fn new(extract: Option<&Extract>) -> AreaCache {
        let count = extract.map_or(0, |e| e.areas.len());
        AreaCache {
            built: (0..count).map(|_| OnceLock::new()).collect(),
            prices: None,
        }
    }

    /// The same cache, its areas to be built with BEA's price levels (matched to the extract's
    /// areas at import).
    pub fn with_prices(self, prices: Option<prices::Prices>) -> AreaCache {
        AreaCache { prices, ..self }
    }

    /// BEA's price levels, if the site has them.
    pub fn prices(&self) -> Option<&prices::Prices> {
        self.prices.as_ref()
    }
}

/// What the comparison reads areas from: the extract, the salary data and the cache of built areas.
#[derive(Debug, Clone, Copy)]
pub struct Areas<'a> {
    pub extract: &'a Extract,
    data: &'a SalaryData,
    cache: &'a AreaCache,
}

impl<'a> Areas<'a> {
    pub fn new(extract: &'a Extract, data: &'a SalaryData, cache: &'a AreaCache) -> Areas<'a> {
        Areas {
            extract,
            data,
            cache,
        }
    }

    /// The pay in the area with `code`, if the extract has that area (national included).
    pub fn pay(self, code: AreaCode) -> Option<&'a AreaPay> {
        let index = self.extract.area_position(code)?;
        let slot = self.cache.built.get(index)?;
        Some(slot.get_or_init(|| AreaPay::build(self, &self.extract.areas[index])))
    }

    /// What BLS published for the occupation with `soc` in the area with `code`, against the
    /// nation: read from the extract each time, as cheap as a few lookups.
    pub fn report(self, code: AreaCode, soc: Soc) -> OccupationPay {
        report::occupation_pay(self.extract, code, soc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixture, fixture_areas};
    use money::Cents;
    use oews::{Cell, Datatype, FootnoteCode};

    fn code(text: &str) -> AreaCode {
        AreaCode::parse(text).unwrap()
    }

    #[test]
    fn builds_an_areas_distribution_with_its_series_and_says_what_is_missing() {
        let pay = fixture_areas().pay(code("0012420")).expect("Austin");
        assert_eq!(pay.area.name, "Austin-Round Rock-San Marcos, TX");
        let data = fixture();
        let manager = data.occupation("manager").unwrap();
        let median = pay.median(manager).expect("managers' median in Austin");
        assert_eq!(median.amount, Cents::from_dollars(126_110));
        assert_eq!(median.release, "OEWS May 2025");
        assert_eq!(
            median.series.unwrap().to_string(),
            "OEUM001242000000011911113"
        );
        let hourly = pay
            .figure(manager, Statistic::Median, PayBasis::Hourly)
            .unwrap();
        assert_eq!(hourly.amount, Cents(6063));
        let distribution = pay.distribution(manager).expect("all five percentiles");
        assert_eq!(distribution.points[0], (10, Cents::from_dollars(64_210)));
        assert_eq!(distribution.points[4], (90, Cents::from_dollars(269_090)));
        let specialist = data.occupation("specialist").unwrap();
        assert_eq!(pay.pay_of(specialist), Err(Missing::NoSeries));
        assert!(pay.median(specialist).is_none());
        let state = pay.state.as_ref().expect("Austin lies in Texas");
        assert_eq!(state.area.name, "Texas");
        assert_eq!(state.published, ["specialist", "manager"]);
        assert!(pay.has_pay());
    }

    #[test]
    fn the_comparisons_figures_are_read_from_the_areas_report() {
        let areas = fixture_areas();
        let austin = code("0012420");
        let manager = fixture().occupation("manager").unwrap();
        let report = areas.report(austin, manager.soc);
        assert_eq!(report.missing_median(), None);
        let figures = areas.pay(austin).unwrap().pay_of(manager).unwrap();
        assert_eq!(figures.len(), 10, "five percentiles, annual and hourly");
        for figure in figures {
            let id = figure.series.expect("each figure has its series");
            let estimate = report.estimate(id.datatype);
            assert_eq!(
                (estimate.wage(), estimate.series_id()),
                (Some(figure.amount), Some(id))
            );
        }
        let specialist = fixture().occupation("specialist").unwrap();
        assert_eq!(
            areas.report(austin, specialist.soc).missing_median(),
            Some(Missing::NoSeries)
        );
    }

    #[test]
    fn a_state_has_no_state_to_fall_back_on_and_unknown_areas_no_pay() {
        let areas = fixture_areas();
        assert!(areas.pay(code("4800000")).unwrap().state.is_none());
        assert!(areas.pay(code("9999999")).is_none());
        let same = areas.pay(code("4800000")).unwrap();
        assert!(
            std::ptr::eq(same, areas.pay(code("4800000")).unwrap()),
            "built once and kept"
        );
    }

    /// The fixture extract with Utah's technologist median not released and a fifth area, Provo,
    /// in which BLS published nothing.
    fn extract_with_gaps() -> Extract {
        let fixture = fixture_areas().extract;
        let mut series: Vec<oews::Series> = fixture.all_series().to_vec();
        let utah = series
            .iter_mut()
            .find(|s| s.key.area == code("4900000"))
            .unwrap();
        let mut cells: [Option<Cell>; 17] =
            std::array::from_fn(|i| utah.cell(Datatype::ALL[i]).cloned());
        cells[Datatype::AnnualMedian.index()] =
            Some(Cell::parse(Datatype::AnnualMedian, "-#8").unwrap());
        *utah = oews::Series::new(utah.key, cells);
        let mut areas = fixture.areas.clone();
        areas.push(Area {
            code: code("0039340"),
            area_type: AreaType::Metro,
            state: oews::StateCode::parse("49").unwrap(),
            name: "Provo-Orem-Lehi, UT".into(),
        });
        Extract::new(
            fixture.release.clone(),
            areas,
            fixture.industries.clone(),
            fixture.occupations.clone(),
            fixture.footnotes.clone(),
            series,
        )
    }

    #[test]
    fn a_median_not_released_is_missing_with_its_footnote() {
        let extract = extract_with_gaps();
        let cache = AreaCache::new(Some(&extract));
        let areas = Areas::new(&extract, fixture(), &cache);
        let utah = areas.pay(code("4900000")).unwrap();
        let technologist = fixture().occupation("technologist").unwrap();
        assert_eq!(
            utah.pay_of(technologist),
            Err(Missing::NotReleased(Some(FootnoteCode::NOT_RELEASED)))
        );
        assert!(!utah.has_pay(), "nothing else in Utah");
        let provo = areas.pay(code("0039340")).unwrap();
        assert!(!provo.has_pay());
        let state = provo.state.as_ref().unwrap();
        assert!(state.published.is_empty());
    }

    #[test]
    fn an_area_without_any_pay_is_refused_by_the_query() {
        use crate::query::{Field, Problem, Query};
        let extract = extract_with_gaps();
        let cache = AreaCache::new(Some(&extract));
        let areas = Areas::new(&extract, fixture(), &cache);
        for area in ["4900000", "0039340"] {
            let rejected =
                Query::parse(&format!("area={area}"), fixture(), Some(areas)).unwrap_err();
            assert_eq!(
                rejected.error_for(Field::Area).map(|e| e.problem),
                Some(Problem::NoPayInArea),
                "{area}"
            );
            assert_eq!(rejected.input.area, area);
        }
    }
}
