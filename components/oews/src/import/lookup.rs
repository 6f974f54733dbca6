//! The series the data file gave, each area, industry, occupation and footnote they name looked up
//! in BLS's lists: what is found is what the extract keeps, what is not is a problem.

use std::collections::{BTreeMap, HashMap};

use super::{DATA_FILE, Lists, Run, SeriesRows};
use crate::codes::{AreaCode, SeriesKey};
use crate::extract::{Area, Footnote, Industry, Occupation, Series};
use crate::value::Cell;

/// The rows of the extract, and the areas, industries and occupations they name, each once and
/// in code order.
pub(super) struct Used {
    pub(super) areas: Vec<Area>,
    pub(super) industries: Vec<Industry>,
    pub(super) occupations: Vec<Occupation>,
    pub(super) rows: Vec<Series>,
}

impl Run {
    /// Everything the series name, looked up in BLS's lists.
    pub(super) fn look_up(&mut self, series: SeriesRows, lists: &Lists) -> Used {
        let mut areas = BTreeMap::new();
        let mut industries = BTreeMap::new();
        let mut occupations = BTreeMap::new();
        let mut rows = Vec::new();
        for (key, (line, cells)) in series {
            let here = Some(line);
            if let Some(area) = self.area_of(here, key, &lists.areas) {
                areas.insert(key.area, area);
            }
            match lists.industries.get(&key.industry) {
                Some((level, name)) => {
                    industries.insert(
                        key.industry,
                        Industry {
                            code: key.industry,
                            level: *level,
                            name: name.clone(),
                        },
                    );
                }
                None => self.missing(
                    here,
                    key,
                    "industry",
                    key.industry.to_string(),
                    "oe.industry",
                ),
            }
            match lists.occupations.get(&key.soc) {
                Some((level, name)) => {
                    occupations.insert(
                        key.soc,
                        Occupation {
                            soc: key.soc,
                            level: *level,
                            name: name.clone(),
                        },
                    );
                }
                None => self.missing(
                    here,
                    key,
                    "occupation",
                    key.soc.to_string(),
                    "oe.occupation",
                ),
            }
            self.check_footnotes(here, key, &cells, &lists.footnotes);
            rows.push(Series::new(key, cells));
        }
        Used {
            areas: areas.into_values().collect(),
            industries: industries.into_values().collect(),
            occupations: occupations.into_values().collect(),
            rows,
        }
    }

    /// The series' area, if `oe.area` lists it with the series' area type.
    fn area_of(
        &mut self,
        here: Option<usize>,
        key: SeriesKey,
        areas: &HashMap<AreaCode, Area>,
    ) -> Option<Area> {
        match areas.get(&key.area) {
            Some(area) if area.area_type == key.area_type => return Some(area.clone()),
            Some(area) => self.problem(
                DATA_FILE,
                here,
                format!(
                    "series {key} has area type {}, but oe.area says {} is of type {}",
                    key.area_type, key.area, area.area_type
                ),
                "download BLS's files again, all from the same release",
            ),
            None => self.missing(here, key, "area", key.area.to_string(), "oe.area"),
        }
        None
    }

    /// Each footnote the series' cells carry must be one `oe.footnote` lists.
    fn check_footnotes(
        &mut self,
        here: Option<usize>,
        key: SeriesKey,
        cells: &[Option<Cell>; 17],
        footnotes: &[Footnote],
    ) {
        for cell in cells.iter().flatten() {
            if let Some(code) = cell
                .footnote()
                .filter(|c| !footnotes.iter().any(|f| f.code == *c))
            {
                self.missing(here, key, "footnote", code.to_string(), "oe.footnote");
            }
        }
    }

    fn missing(
        &mut self,
        line: Option<usize>,
        key: SeriesKey,
        what: &str,
        code: String,
        list: &str,
    ) {
        self.problem(
            DATA_FILE,
            line,
            format!("series {key} names {what} {code}, which {list} does not list"),
            "download BLS's files again, all from the same release",
        );
    }
}
