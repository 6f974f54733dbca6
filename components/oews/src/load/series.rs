//! `series.tsv`, the extract's rows: each key checked against the areas, industries and
//! occupations the other files list, each cell read, and the values of each row checked against
//! each other (percentiles in order, annual = hourly x 2,080 within BLS's rounding).

use rustc_hash::FxHashSet;

use super::{Checker, Known, REIMPORT};
use crate::codes::{Datatype, Percentile, ReleaseCode, SeriesKey};
use crate::extract::{SERIES_FILE, Series, series_header};
use crate::value::Cell;
use diagnostics::Problem;
use money::Cents;

/// How far a published annual wage may be from the published hourly wage x 2,080.
///
/// BLS computes both from the same unrounded hourly wage, then rounds the hourly one to the cent
/// (off by at most half a cent, or $10.40 over 2,080 hours) and the annual one to the nearest
/// $10 (off by at most $5). So the published pair differ by at most $15.40; in May 2025 the
/// largest difference across all 2.1 million pairs is $15.20.
pub const ANNUAL_TOLERANCE: Cents = Cents(1540);

impl Checker {
    /// `series.tsv`: the rows whose key, cells and values all check; every problem is reported,
    /// in the order of the file's lines.
    pub(super) fn series(
        &mut self,
        text: &str,
        release: Option<ReleaseCode>,
        known: &Known,
    ) -> Vec<Series> {
        let header = series_header();
        let reported_before = self.problems.len();
        let rows = self.table_lines(SERIES_FILE, text, &header, release);
        // Keys first, in the file's order, so that a key listed twice is reported at its second line.
        let mut seen = FxHashSet::default();
        seen.reserve(rows.len());
        let mut keyed = Vec::with_capacity(rows.len());
        for &(line, text) in &rows {
            let here = Some(line);
            let (key_text, cells) = text.split_once('\t').unwrap_or((text, ""));
            let Some(key) = SeriesKey::parse(key_text) else {
                self.problem(
                    SERIES_FILE,
                    here,
                    format!("`{key_text}` is not a series key: OEU, area type N/S/M, 7-digit area, 6-character industry, 6-digit SOC"),
                    REIMPORT,
                );
                continue;
            };
            if !seen.insert(key) {
                self.problem(
                    SERIES_FILE,
                    here,
                    format!("series {key} is listed twice"),
                    "keep one line per series key",
                );
                continue;
            }
            let codes_known = self.series_codes(key, here, known);
            keyed.push((line, key, codes_known, cells));
        }
        // The cells and their values are most of start-up at thousands of areas: split over the
        // cores, each part with its own list of problems, joined in order.
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = keyed.len().div_ceil(cores).max(1);
        let folder = &self.folder;
        let parts: Vec<(Vec<Series>, Vec<Problem>)> = std::thread::scope(|scope| {
            let spawned: Vec<_> = keyed
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut checker = Checker {
                            folder: folder.clone(),
                            problems: Vec::new(),
                        };
                        let series = part
                            .iter()
                            .filter_map(|&(line, key, codes_known, cells)| {
                                let here = Some(line);
                                let (cells, cells_read) = checker.series_cells(cells, here, known);
                                let series = Series::new(key, cells);
                                let values_agree = checker.series_values(&series, here);
                                (codes_known && cells_read && values_agree).then_some(series)
                            })
                            .collect();
                        (series, checker.problems)
                    })
                })
                .collect();
            spawned
                .into_iter()
                .map(|part| {
                    part.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let mut out = Vec::with_capacity(keyed.len());
        for (series, problems) in parts {
            out.extend(series);
            self.problems.extend(problems);
        }
        // Each line's problems together, as if the file had been read row by row (the sort is stable).
        self.problems[reported_before..].sort_by_key(|problem| problem.line);
        out
    }

    /// Whether the key's area (with its area type), industry and occupation are all listed;
    /// each that is not is reported.
    fn series_codes(&mut self, key: SeriesKey, here: Option<usize>, known: &Known) -> bool {
        let mut consistent = true;
        match known.areas.get(&key.area) {
            None => {
                consistent = false;
                self.problem(
                    SERIES_FILE,
                    here,
                    format!(
                        "series {key} is for area {}, which areas.tsv does not list",
                        key.area
                    ),
                    "add the area to areas.tsv, or import again",
                );
            }
            Some(&area_type) if area_type != key.area_type => {
                consistent = false;
                self.problem(
                    SERIES_FILE,
                    here,
                    format!(
                        "series {key} says area {} is of type {}, but areas.tsv says {area_type}",
                        key.area, key.area_type
                    ),
                    REIMPORT,
                );
            }
            Some(_) => {}
        }
        if !known.industries.contains(&key.industry) {
            consistent = false;
            self.problem(
                SERIES_FILE,
                here,
                format!(
                    "series {key} is for industry {}, which industries.tsv does not list",
                    key.industry
                ),
                "add the industry to industries.tsv, or import again",
            );
        }
        if !known.occupations.contains(&key.soc) {
            consistent = false;
            self.problem(
                SERIES_FILE,
                here,
                format!(
                    "series {key} is for occupation {}, which occupations.tsv does not list",
                    key.soc
                ),
                "add the occupation to occupations.tsv, or import again",
            );
        }
        consistent
    }

    /// The row's cells (its tab-separated text after the key) in datatype order, and whether each
    /// read and names a listed footnote.
    fn series_cells(
        &mut self,
        fields: &str,
        here: Option<usize>,
        known: &Known,
    ) -> ([Option<Cell>; 17], bool) {
        let mut consistent = true;
        let mut cells: [Option<Cell>; 17] = [None; 17];
        for (datatype, text) in Datatype::ALL.into_iter().zip(fields.split('\t')) {
            if text.is_empty() {
                continue;
            }
            match Cell::parse(datatype, text) {
                Ok(cell) => {
                    if let Some(code) = cell.footnote().filter(|c| !known.footnotes.contains(c)) {
                        consistent = false;
                        self.problem(
                            SERIES_FILE,
                            here,
                            format!(
                                "{}: footnote {code} is not in footnotes.tsv",
                                datatype.column()
                            ),
                            "add BLS's footnote to footnotes.tsv, or import again",
                        );
                    }
                    cells[datatype.index()] = Some(cell);
                }
                Err(err) => {
                    consistent = false;
                    self.problem(
                        SERIES_FILE,
                        here,
                        format!("{}: {err}", datatype.column()),
                        REIMPORT,
                    );
                }
            }
        }
        (cells, consistent)
    }

    /// Whether the row's values agree with each other ([`check_values`]); each that does not is
    /// reported.
    fn series_values(&mut self, series: &Series, here: Option<usize>) -> bool {
        let mut consistent = true;
        for message in check_values(series) {
            consistent = false;
            self.problem(
                SERIES_FILE,
                here,
                format!("series {}: {message}", series.key),
                REIMPORT,
            );
        }
        consistent
    }
}

/// What is wrong with the values of one series: percentiles out of order, or an annual wage that
/// is not the hourly one x 2,080 within [`ANNUAL_TOLERANCE`].
pub fn check_values(series: &Series) -> Vec<String> {
    let mut messages = Vec::new();
    for (basis, datatype) in [
        ("hourly", Datatype::hourly as fn(Percentile) -> Datatype),
        ("annual", Datatype::annual),
    ] {
        let released: Vec<(Datatype, Cents)> = Percentile::ALL
            .into_iter()
            .map(datatype)
            .filter_map(|d| series.wage(d).map(|w| (d, w)))
            .collect();
        for pair in released.windows(2) {
            let ((low_dt, low), (high_dt, high)) = (pair[0], pair[1]);
            if high < low {
                messages.push(format!(
                    "{basis} percentiles out of order: {} {} is below {} {}",
                    high_dt.column(),
                    high.cents_text(),
                    low_dt.column(),
                    low.cents_text()
                ));
            }
        }
    }
    for hourly_dt in Datatype::ALL {
        let Some(annual_dt) = hourly_dt.annual_of() else {
            continue;
        };
        let (Some(hourly), Some(annual)) = (series.wage(hourly_dt), series.wage(annual_dt)) else {
            continue;
        };
        let expected = Cents(hourly.0 * 2080);
        if (annual.0 - expected.0).abs() > ANNUAL_TOLERANCE.0 {
            messages.push(format!(
                "{} {} is not {} {} x 2,080 = {} (BLS's rounding allows {} either way)",
                annual_dt.column(),
                annual.dollars_text(),
                hourly_dt.column(),
                hourly.cents_text(),
                expected.cents_text(),
                ANNUAL_TOLERANCE.cents_text()
            ));
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(cells: &[(Datatype, &str)]) -> Series {
        let mut all: [Option<Cell>; 17] = [None; 17];
        for &(dt, text) in cells {
            all[dt.index()] = Some(Cell::parse(dt, text).unwrap());
        }
        Series::new(SeriesKey::parse("OEUN0000000000000299021").unwrap(), all)
    }

    #[test]
    fn accepts_bls_rounding_between_hourly_and_annual() {
        // From May 2025: 59.44 x 2,080 = 123,635.20, published as 123,620; $15.20 apart.
        let ok = series(&[
            (Datatype::HourlyP75, "59.44"),
            (Datatype::AnnualP75, "123620"),
        ]);
        assert!(check_values(&ok).is_empty(), "{:?}", check_values(&ok));
        let off = series(&[
            (Datatype::HourlyP75, "59.44"),
            (Datatype::AnnualP75, "123610"),
        ]);
        let messages = check_values(&off);
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].contains(
                "14_annual_p75 $123,610 is not 09_hourly_p75 $59.44 x 2,080 = $123,635.20"
            ),
            "{}",
            messages[0]
        );
    }

    #[test]
    fn rejects_percentiles_out_of_order_skipping_those_not_released() {
        let ok = series(&[
            (Datatype::HourlyP10, "10.00"),
            (Datatype::HourlyP25, "-#8"),
            (Datatype::HourlyMedian, "10.00"),
            (Datatype::HourlyP90, "30.00"),
        ]);
        assert!(check_values(&ok).is_empty());
        let bad = series(&[
            (Datatype::AnnualP10, "40000"),
            (Datatype::AnnualP25, "-#8"),
            (Datatype::AnnualMedian, "39990"),
        ]);
        assert_eq!(
            check_values(&bad),
            [
                "annual percentiles out of order: 13_annual_median $39,990.00 is below 11_annual_p10 $40,000.00"
            ]
        );
    }
}
