//! The import: BEA's Regional Price Parities tables as BEA's regional data download writes them
//! (`SARPP_STATE_*.csv` states, `MARPP_MSA_*.csv` metropolitan areas, `PARPP_PORT_*.csv` the
//! metropolitan and nonmetropolitan portions of each state), the all-items line of one year read
//! from each, and every OEWS area matched to the BEA area whose price level stands for it.

use std::path::{Path, PathBuf};

use diagnostics::Date;
use oews::{Area, AreaType, Sha256Sum};
use rustc_hash::FxHashMap;

use crate::{AreaPrice, Measure, Parity, PriceLevel, Prices, Release, SourceFile};

/// BEA's three tables, by the prefix of their file names.
pub const TABLES: [&str; 3] = ["SARPP", "MARPP", "PARPP"];

/// BEA's line for the price level of all items (goods, housing, utilities and other services).
const ALL_ITEMS_LINE: &str = "1";

/// What the import needs besides BEA's files: the OEWS release's areas to match, and what the
/// files do not say about themselves.
pub struct ImportOptions<'a> {
    pub areas: &'a [Area],
    /// The OEWS release the areas come from: `May 2025`.
    pub oews_release: String,
    /// The year to read; `None` for the newest year the tables have.
    pub year: Option<u16>,
    pub retrieved: Date,
    pub url: String,
    pub command: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{dir}: {count} files named {table}_*.csv where one was expected")]
    Files {
        dir: String,
        table: &'static str,
        count: usize,
    },
    #[error("{file}: no column headed `{heading}` (BEA's layout has changed)")]
    MissingColumn { file: String, heading: String },
    #[error("{file}, line {line}: {message}")]
    BadRow {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: no line `Last updated: Month D, YYYY` saying when BEA released it")]
    NoDate { file: String },
    #[error("{file}: no all-items price level for {code} ({what})")]
    Missing {
        file: String,
        code: String,
        what: &'static str,
    },
}

/// One BEA table read: its file's fingerprint and release date, and each area's all-items level.
struct Table {
    file: SourceFile,
    year: u16,
    levels: FxHashMap<String, (String, PriceLevel)>,
}

/// Reads BEA's three tables in `dir` and matches every area of `options.areas` to its price level.
pub fn import(dir: &Path, options: &ImportOptions<'_>) -> Result<Prices, ImportError> {
    let files = TABLES.map(|table| find_file(dir, table));
    let [states, metros, portions] = files;
    let states = read_table("SARPP", &states?, options.year)?;
    let year = states.year;
    let metros = read_table("MARPP", &metros?, Some(year))?;
    let portions = read_table("PARPP", &portions?, Some(year))?;
    let nation = states
        .levels
        .get("00000")
        .ok_or_else(|| ImportError::Missing {
            file: states.file.name.clone(),
            code: "00000".into(),
            what: "the United States",
        })?;
    if nation.1 != PriceLevel::NATIONAL {
        return Err(ImportError::BadRow {
            file: states.file.name.clone(),
            line: 0,
            message: format!("the United States is {}, not 100.000", nation.1),
        });
    }
    let areas = options
        .areas
        .iter()
        .map(|area| AreaPrice {
            area: area.code,
            name: area.name.clone(),
            parity: matching(area, &states, &metros, &portions),
        })
        .collect();
    let published = [&states, &metros, &portions]
        .iter()
        .map(|t| t.file.updated)
        .max()
        .unwrap_or_default();
    Ok(Prices::new(
        Release {
            year,
            published,
            retrieved: options.retrieved,
            url: options.url.clone(),
            oews_release: options.oews_release.clone(),
            command: options.command.clone(),
            files: vec![states.file, metros.file, portions.file],
        },
        areas,
    ))
}

/// The BEA area whose price level stands for `area`, if BEA publishes one.
fn matching(area: &Area, states: &Table, metros: &Table, portions: &Table) -> Option<Parity> {
    let state = area.code.state_prefix();
    let (measure, table, code) = match area.area_type {
        AreaType::National => (Measure::Nation, states, "00000".to_string()),
        AreaType::State => (Measure::State, states, format!("{}000", state.as_str())),
        // Metro codes are `00` and the CBSA; nonmetropolitan ones the state's FIPS and 5 digits.
        AreaType::Metro if state == oews::StateCode::NATIONAL => {
            (Measure::Metro, metros, area.code.as_str()[2..].to_string())
        }
        AreaType::Metro => (
            Measure::StateNonmetro,
            portions,
            format!("{}999", state.as_str()),
        ),
    };
    let (name, level) = table.levels.get(&code)?;
    Some(Parity {
        measure,
        bea_code: code,
        bea_name: name.clone(),
        level: *level,
    })
}

/// The one file in `dir` named `TABLE_*.csv`.
fn find_file(dir: &Path, table: &'static str) -> Result<PathBuf, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|err| ImportError::Read {
        path: dir.display().to_string(),
        message: err.to_string(),
    })?;
    let found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| {
                    name.starts_with(&format!("{table}_")) && name.ends_with(".csv")
                })
        })
        .collect();
    match <[PathBuf; 1]>::try_from(found) {
        Ok([path]) => Ok(path),
        Err(found) => Err(ImportError::Files {
            dir: dir.display().to_string(),
            table,
            count: found.len(),
        }),
    }
}

/// Reads one BEA table: the all-items level of `year` (or the newest year) for every area.
fn read_table(table: &str, path: &Path, year: Option<u16>) -> Result<Table, ImportError> {
    let bytes = std::fs::read(path).map_err(|err| ImportError::Read {
        path: path.display().to_string(),
        message: err.to_string(),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let updated = release_date(&text).ok_or_else(|| ImportError::NoDate { file: name.clone() })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|err| ImportError::Read {
        path: name.clone(),
        message: err.to_string(),
    })?;
    let column = |heading: &str| {
        headers
            .iter()
            .position(|h| h.trim() == heading)
            .ok_or_else(|| ImportError::MissingColumn {
                file: name.clone(),
                heading: heading.to_string(),
            })
    };
    let (code_at, name_at, line_at) = (column("GeoFIPS")?, column("GeoName")?, column("LineCode")?);
    let year = match year {
        Some(year) => year,
        None => headers
            .iter()
            .filter_map(|h| h.trim().parse::<u16>().ok())
            .max()
            .ok_or_else(|| ImportError::MissingColumn {
                file: name.clone(),
                heading: "a year".into(),
            })?,
    };
    let year_at = column(&year.to_string())?;
    let mut levels = FxHashMap::default();
    for record in reader.records() {
        let record = record.map_err(|err| ImportError::Read {
            path: name.clone(),
            message: err.to_string(),
        })?;
        // BEA's notes at the end are lines of one field.
        if record.len() <= year_at || record[line_at].trim() != ALL_ITEMS_LINE {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let bad = |message: String| ImportError::BadRow {
            file: name.clone(),
            line,
            message,
        };
        // BEA writes ` "01000"`: a space before the quotes, which the CSV reader keeps.
        let code = record[code_at].trim().trim_matches('"').to_string();
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(format!("`{code}` is not a 5-digit GeoFIPS code")));
        }
        let value = record[year_at].trim();
        // BEA writes `0.000` for a portion a state does not have (New Jersey has no
        // nonmetropolitan portion) and `(NA)` where it publishes no level: no row, as no area.
        if value == "0.000" || value == "(NA)" {
            continue;
        }
        let level = PriceLevel::parse(value).ok_or_else(|| {
            bad(format!(
                "`{}` for {year} is not a price level with three decimals",
                &record[year_at]
            ))
        })?;
        let area_name = record[name_at]
            .trim()
            .trim_end_matches('*')
            .trim()
            .to_string();
        if levels.insert(code.clone(), (area_name, level)).is_some() {
            return Err(bad(format!("{code} has a second all-items line")));
        }
    }
    Ok(Table {
        file: SourceFile {
            table: table.to_string(),
            name,
            updated,
            bytes: bytes.len() as u64,
            sha256: Sha256Sum::of(&bytes).to_string(),
        },
        year,
        levels,
    })
}

/// The date in BEA's note `Last updated: February 19, 2026-- new statistics for 2024; ...`.
fn release_date(text: &str) -> Option<Date> {
    let rest = &text[text.find("Last updated:")? + "Last updated:".len()..];
    let mut words = rest.split_whitespace();
    let month = Date::month_from_name(words.next()?)?;
    let day = words.next()?.strip_suffix(',')?.parse().ok()?;
    let year: String = words.next()?.chars().take(4).collect();
    let date = Date {
        year: year.parse().ok()?,
        month,
        day,
    };
    oews::codes::valid_date(&date).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_release_date_is_read_from_beas_note() {
        let note = "\"Last updated: February 19, 2026-- new statistics for 2024; revised\"";
        assert_eq!(
            release_date(note),
            Some(Date {
                year: 2026,
                month: 2,
                day: 19
            })
        );
        assert_eq!(release_date("Last updated: Febuary 19, 2026--"), None);
        assert_eq!(release_date("Last updated: February 30, 2026--"), None);
        assert_eq!(release_date("no note"), None);
    }
}
