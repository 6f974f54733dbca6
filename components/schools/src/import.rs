//! The import: NCES's completions (`c2024_a.csv`) and directory (`hd2024.csv`) in NCES's own CSV
//! layout, and the tuition, graduation and earnings files beside them, read from one folder whose
//! `files.toml` says what each file is; the four HIM fields' first majors kept, each school placed
//! in its OEWS metro area, every file's fingerprint recorded.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use diagnostics::Date;
use oews::{AreaCode, AreaType, Extract, Sha256Sum, StateCode};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::{
    Cbsa, CbsaType, Control, Conversion, Field, Level, Programme, Release, Role, School, Schools,
    SourceFile, UnitId,
};

/// The file in the import folder that says what each other file is.
pub const FILES_TOML: &str = "files.toml";

/// What the import needs besides the files: the OEWS extract whose metro areas the schools are
/// placed in, and what the files do not say about themselves.
pub struct ImportOptions<'a> {
    pub extract: &'a Extract,
    pub retrieved: Date,
    pub command: String,
}

/// The extract, and every metropolitan CBSA of a school that no OEWS metro area matched.
#[derive(Debug)]
pub struct Imported {
    pub schools: Schools,
    pub unmatched: Vec<UnmatchedCbsa>,
}

/// A metropolitan CBSA a school lies in that the OEWS extract has no metro area for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedCbsa {
    pub code: String,
    /// The schools' cities there, `City, ST`, once each: IPEDS names no CBSA.
    pub places: Vec<String>,
    pub schools: usize,
}

impl Imported {
    /// Completers over every programme.
    pub fn completers(&self) -> u64 {
        self.schools
            .all()
            .iter()
            .flat_map(|s| &s.programmes)
            .map(|p| u64::from(p.completers))
            .sum()
    }

    pub fn programmes(&self) -> usize {
        self.schools.all().iter().map(|s| s.programmes.len()).sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{FILES_TOML}: {message}")]
    Described { message: String },
    #[error("{file}: no column headed `{heading}` (the publisher's layout has changed)")]
    MissingColumn { file: String, heading: String },
    #[error("{file}, line {line}: {message}")]
    BadRow {
        file: String,
        line: u64,
        message: String,
    },
    #[error(
        "{file}, line {line}: the school {unitid} has an HIM programme ({cip}) and no row in {directory}"
    )]
    NoSchool {
        file: String,
        line: u64,
        unitid: UnitId,
        cip: &'static str,
        directory: String,
    },
}

/// One file as `files.toml` describes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Described {
    role: Role,
    name: String,
    source: String,
    year: String,
    url: String,
    #[serde(default)]
    converted_from: Option<ConversionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConversionFile {
    name: String,
    bytes: u64,
    sha256: String,
    by: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilesToml {
    file: Vec<Described>,
}

/// Reads the files in `dir` and builds the extract, each school placed in the OEWS metro area of
/// its CBSA where `options.extract` has one.
pub fn import(dir: &Path, options: &ImportOptions<'_>) -> Result<Imported, ImportError> {
    let described = read_described(dir)?;
    let read = |role: Role| -> Result<(SourceFile, Vec<u8>), ImportError> {
        let d = &described[&role];
        let path = dir.join(&d.name);
        let bytes = std::fs::read(&path).map_err(|err| ImportError::Read {
            path: path.display().to_string(),
            message: err.to_string(),
        })?;
        let file = SourceFile {
            role,
            source: d.source.clone(),
            year: d.year.clone(),
            url: d.url.clone(),
            name: d.name.clone(),
            bytes: bytes.len() as u64,
            sha256: Sha256Sum::of(&bytes).to_string(),
            converted_from: d.converted_from.as_ref().map(|c| Conversion {
                name: c.name.clone(),
                bytes: c.bytes,
                sha256: c.sha256.clone(),
                by: c.by.clone(),
            }),
        };
        Ok((file, bytes))
    };
    let (completions_file, bytes) = read(Role::Completions)?;
    let programmes = read_completions(&completions_file.name, &bytes)?;
    let wanted: FxHashSet<UnitId> = programmes.iter().map(|(_, id, _)| *id).collect();
    let (directory_file, bytes) = read(Role::Directory)?;
    let mut schools = read_directory(&directory_file.name, &bytes, &wanted)?;
    for (line, unitid, programme) in &programmes {
        if !schools.contains_key(unitid) {
            return Err(ImportError::NoSchool {
                file: completions_file.name.clone(),
                line: *line,
                unitid: *unitid,
                cip: programme.field.cip(),
                directory: directory_file.name.clone(),
            });
        }
    }
    let (tuition_file, bytes) = read(Role::Tuition)?;
    for (unitid, (in_state, out_of_state)) in read_tuition(&tuition_file.name, &bytes)? {
        if let Some(school) = schools.get_mut(&unitid) {
            school.tuition_in_state = in_state;
            school.tuition_out_of_state = out_of_state;
        }
    }
    let (graduation_file, bytes) = read(Role::Graduation)?;
    for (line, unitid, percent) in read_column(&graduation_file.name, &bytes, &["PCT_AWARD_6YRS"])?
    {
        let Some(school) = schools.get_mut(&unitid) else {
            continue;
        };
        school.graduation_percent = match percent {
            None => None,
            Some(p) => Some(u8::try_from(p).ok().filter(|&p| p <= 100).ok_or_else(|| {
                ImportError::BadRow {
                    file: graduation_file.name.clone(),
                    line,
                    message: format!("PCT_AWARD_6YRS: {p} is above 100"),
                }
            })?),
        };
    }
    let (earnings_file, bytes) = read(Role::Earnings)?;
    for (_, unitid, earnings) in read_column(&earnings_file.name, &bytes, &["MD_EARN_WNE_P10"])? {
        if let Some(school) = schools.get_mut(&unitid) {
            school.earnings_10_years = earnings;
        }
    }
    for (_, unitid, programme) in programmes {
        if let Some(school) = schools.get_mut(&unitid) {
            school.programmes.push(programme);
        }
    }
    let unmatched = place_in_areas(schools.values_mut(), options.extract);
    let release = Release {
        academic_year: completions_file.year.clone(),
        retrieved: options.retrieved,
        oews_release: options.extract.release.name.clone(),
        command: options.command.clone(),
        files: vec![
            completions_file,
            directory_file,
            tuition_file,
            graduation_file,
            earnings_file,
        ],
    };
    Ok(Imported {
        schools: Schools::new(release, schools.into_values().collect()),
        unmatched,
    })
}

/// `files.toml`: one `[[file]]` for each role.
fn read_described(dir: &Path) -> Result<FxHashMap<Role, Described>, ImportError> {
    let path = dir.join(FILES_TOML);
    let text = std::fs::read_to_string(&path).map_err(|err| ImportError::Read {
        path: path.display().to_string(),
        message: format!(
            "{err} (the folder needs a {FILES_TOML} saying what each file is: docs/data-refresh.md)"
        ),
    })?;
    let files: FilesToml = toml::from_str(&text).map_err(|err| ImportError::Described {
        message: err.to_string(),
    })?;
    let mut described = FxHashMap::default();
    for file in files.file {
        let role = file.role;
        if described.insert(role, file).is_some() {
            return Err(ImportError::Described {
                message: format!("two [[file]] with role = \"{}\"", role.name()),
            });
        }
    }
    for role in Role::ALL {
        if !described.contains_key(&role) {
            return Err(ImportError::Described {
                message: format!("no [[file]] with role = \"{}\"", role.name()),
            });
        }
    }
    Ok(described)
}

/// A CSV file read with its header: each column found by its heading, whatever its case.
struct Table<'a> {
    name: &'a str,
    headers: csv::StringRecord,
    reader: csv::Reader<&'a [u8]>,
}

impl<'a> Table<'a> {
    fn new(name: &'a str, bytes: &'a [u8]) -> Result<Table<'a>, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(without_bom(bytes));
        let headers = reader.headers().cloned().map_err(|err| ImportError::Read {
            path: name.to_string(),
            message: err.to_string(),
        })?;
        Ok(Table {
            name,
            headers,
            reader,
        })
    }

    /// The position of the first of `headings` the file has.
    fn column(&self, headings: &[&str]) -> Result<usize, ImportError> {
        headings
            .iter()
            .find_map(|heading| {
                self.headers
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(heading))
            })
            .ok_or_else(|| ImportError::MissingColumn {
                file: self.name.to_string(),
                heading: headings.join("` or `"),
            })
    }

    /// Each row with its line, or the reader's error.
    fn rows(
        &mut self,
    ) -> impl Iterator<Item = Result<(u64, csv::StringRecord), ImportError>> + use<'_, 'a> {
        let name = self.name;
        self.reader.records().map(move |record| {
            let record = record.map_err(|err| ImportError::Read {
                path: name.to_string(),
                message: err.to_string(),
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            Ok((line, record))
        })
    }

    fn bad(&self, line: u64, message: String) -> ImportError {
        ImportError::BadRow {
            file: self.name.to_string(),
            line,
            message,
        }
    }
}

/// NCES writes its directory with a UTF-8 byte order mark, which would otherwise become part of
/// the first heading (`\u{feff}UNITID`).
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

fn unitid(table: &Table<'_>, line: u64, cell: &str) -> Result<UnitId, ImportError> {
    UnitId::parse(cell.trim())
        .ok_or_else(|| table.bad(line, format!("`{cell}` is not a 6-digit UNITID")))
}

/// The UNITID of a row of an outcome file; `None` for Scorecard's 8-digit ids (a UNITID with
/// two more digits for a campus that reports apart), which are no IPEDS school.
fn outcome_unitid(table: &Table<'_>, line: u64, cell: &str) -> Result<Option<UnitId>, ImportError> {
    let cell = cell.trim();
    if cell.len() == 8 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    unitid(table, line, cell).map(Some)
}

/// The HIM programmes in NCES's completions file: first majors of the four HIM CIP codes, each
/// with the line it was read from.
fn read_completions(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<(u64, UnitId, Programme)>, ImportError> {
    let mut table = Table::new(name, bytes)?;
    let [id_at, cip_at, major_at, level_at, total_at] =
        ["UNITID", "CIPCODE", "MAJORNUM", "AWLEVEL", "CTOTALT"].map(|h| table.column(&[h]));
    let (id_at, cip_at, major_at, level_at, total_at) =
        (id_at?, cip_at?, major_at?, level_at?, total_at?);
    let mut seen = FxHashSet::default();
    let mut programmes = Vec::new();
    let rows: Vec<_> = table.rows().collect();
    for row in rows {
        let (line, record) = row?;
        let Some(field) = Field::from_cip(record[cip_at].trim()) else {
            continue;
        };
        // Second majors would count a student twice.
        if record[major_at].trim() != "1" {
            continue;
        }
        let unitid = unitid(&table, line, &record[id_at])?;
        let code: u8 = record[level_at].trim().parse().map_err(|_| {
            table.bad(
                line,
                format!("`{}` is not an IPEDS award level", &record[level_at]),
            )
        })?;
        let level = Level::from_awlevel(code).ok_or_else(|| {
            table.bad(
                line,
                format!("`{code}` is not an IPEDS award level of 2024"),
            )
        })?;
        let completers = whole_number(&record[total_at])
            .map_err(|message| table.bad(line, format!("CTOTALT: {message}")))?
            .ok_or_else(|| table.bad(line, "CTOTALT is empty".into()))?;
        if !seen.insert((unitid, field, code)) {
            return Err(table.bad(
                line,
                format!(
                    "the school {unitid} has a second row for {} at level {code}",
                    field.cip()
                ),
            ));
        }
        programmes.push((
            line,
            unitid,
            Programme {
                field,
                level,
                awlevel: code,
                completers,
            },
        ));
    }
    Ok(programmes)
}

/// The directory entries of the schools in `wanted`, from NCES's HD file.
fn read_directory(
    name: &str,
    bytes: &[u8],
    wanted: &FxHashSet<UnitId>,
) -> Result<BTreeMap<UnitId, School>, ImportError> {
    let mut table = Table::new(name, bytes)?;
    let headings = [
        "UNITID", "INSTNM", "CITY", "STABBR", "FIPS", "ZIP", "COUNTYNM", "CBSA", "CBSATYPE",
        "CONTROL", "WEBADDR", "NPRICURL",
    ];
    let mut at = [0; 12];
    for (i, heading) in headings.iter().enumerate() {
        at[i] = table.column(&[heading])?;
    }
    let mut schools = BTreeMap::new();
    let rows: Vec<_> = table.rows().collect();
    for row in rows {
        let (line, record) = row?;
        let unitid = unitid(&table, line, &record[at[0]])?;
        if !wanted.contains(&unitid) {
            continue;
        }
        let cell = |i: usize| record[at[i]].trim();
        let school =
            directory_entry(unitid, std::array::from_fn(cell)).map_err(|m| table.bad(line, m))?;
        if schools.insert(unitid, school).is_some() {
            return Err(table.bad(line, format!("the school {unitid} has a second row")));
        }
    }
    Ok(schools)
}

/// One school from its HD cells, in the order `read_directory` names them.
fn directory_entry(unitid: UnitId, cells: [&str; 12]) -> Result<School, String> {
    let [
        _,
        name,
        city,
        state,
        fips,
        zip,
        county,
        cbsa,
        cbsa_type,
        control,
        website,
        net_price_url,
    ] = cells;
    // The extract is tab-separated, one school a line.
    if let Some(bad) = cells.iter().find(|c| c.contains(['\t', '\n', '\r'])) {
        return Err(format!("`{bad}` holds a tab or a line break"));
    }
    if name.is_empty() || city.is_empty() {
        return Err("INSTNM and CITY must not be empty".into());
    }
    if state.len() != 2 || !state.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("STABBR `{state}` is not a postal abbreviation"));
    }
    // NCES writes the state's FIPS code without its leading zero: `1` for Alabama.
    let fips = (fips.len() <= 2 && !fips.is_empty())
        .then(|| StateCode::parse(&format!("{fips:0>2}")))
        .flatten()
        .ok_or_else(|| format!("FIPS `{fips}` is not a state's FIPS code"))?;
    let kind = match cbsa_type {
        "1" => Some(CbsaType::Metropolitan),
        "2" => Some(CbsaType::Micropolitan),
        "-2" => None,
        other => return Err(format!("CBSATYPE `{other}` is not 1, 2 or -2")),
    };
    let cbsa = match kind {
        Some(kind) if cbsa.len() == 5 && cbsa.bytes().all(|b| b.is_ascii_digit()) => Some(Cbsa {
            code: cbsa.to_string(),
            kind,
        }),
        Some(_) => return Err(format!("CBSA `{cbsa}` is not a 5-digit code")),
        None => None,
    };
    let control = cells_u8(control)
        .and_then(Control::from_ipeds)
        .ok_or_else(|| format!("CONTROL `{control}` is not 1, 2 or 3"))?;
    let optional = |cell: &str| (!cell.is_empty()).then(|| cell.to_string());
    Ok(School {
        unitid,
        name: name.to_string(),
        city: city.to_string(),
        state: state.to_string(),
        fips,
        zip: zip.to_string(),
        county: county.to_string(),
        cbsa,
        area: None,
        control,
        website: optional(website),
        net_price_url: optional(net_price_url),
        tuition_in_state: None,
        tuition_out_of_state: None,
        graduation_percent: None,
        earnings_10_years: None,
        programmes: Vec::new(),
    })
}

fn cells_u8(cell: &str) -> Option<u8> {
    cell.parse().ok()
}

type Tuition = (Option<u32>, Option<u32>);

/// In-state and out-of-state tuition and fees by school: the copy's `TUITION_FEES_INSTATE2023`
/// and `TUITION_FEES_2023_OUTSTATE`, or NCES's own IC_AY names for the newest year, `CHG2AY3`
/// and `CHG3AY3`.
fn read_tuition(name: &str, bytes: &[u8]) -> Result<Vec<(UnitId, Tuition)>, ImportError> {
    let mut table = Table::new(name, bytes)?;
    let id_at = table.column(&["UNITID"])?;
    let heading_with = |part: &str| {
        table
            .headers
            .iter()
            .position(|h| h.to_ascii_uppercase().contains(part))
    };
    let in_at = match heading_with("INSTATE") {
        Some(at) => at,
        None => table.column(&["CHG2AY3"])?,
    };
    let out_at = match heading_with("OUTSTATE") {
        Some(at) => at,
        None => table.column(&["CHG3AY3"])?,
    };
    let mut rows = Vec::new();
    let records: Vec<_> = table.rows().collect();
    for row in records {
        let (line, record) = row?;
        let Some(unitid) = outcome_unitid(&table, line, &record[id_at])? else {
            continue;
        };
        let amount = |at: usize| {
            whole_number(&record[at])
                .map_err(|m| table.bad(line, format!("{}: {m}", &table.headers[at])))
        };
        rows.push((unitid, (amount(in_at)?, amount(out_at)?)));
    }
    Ok(rows)
}

/// One column of whole numbers by school (`MD_EARN_WNE_P10`, `PCT_AWARD_6YRS`).
fn read_column(
    name: &str,
    bytes: &[u8],
    heading: &[&str],
) -> Result<Vec<(u64, UnitId, Option<u32>)>, ImportError> {
    let mut table = Table::new(name, bytes)?;
    let id_at = table.column(&["UNITID"])?;
    let at = table.column(heading)?;
    let mut rows = Vec::new();
    let records: Vec<_> = table.rows().collect();
    for row in records {
        let (line, record) = row?;
        let Some(unitid) = outcome_unitid(&table, line, &record[id_at])? else {
            continue;
        };
        let value = whole_number(&record[at])
            .map_err(|m| table.bad(line, format!("{}: {m}", heading[0])))?;
        rows.push((line, unitid, value));
    }
    Ok(rows)
}

/// A count, an amount in dollars or a percent as the publishers write it, rounded half up to a
/// whole number without passing through floating point: `40628`, `40628.0` (Scorecard writes
/// every amount so), `36.5`. Empty, `NULL` and `PrivacySuppressed` (Scorecard's mark for a value
/// withheld) are no value.
fn whole_number(cell: &str) -> Result<Option<u32>, String> {
    let cell = cell.trim();
    if cell.is_empty() || cell.eq_ignore_ascii_case("NULL") || cell == "PrivacySuppressed" {
        return Ok(None);
    }
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(format!("`{cell}` is not a number"));
    }
    let whole: u32 = whole
        .parse()
        .map_err(|_| format!("`{cell}` is out of range"))?;
    let up = fraction.bytes().next().is_some_and(|b| b >= b'5');
    whole
        .checked_add(u32::from(up))
        .map(Some)
        .ok_or_else(|| format!("`{cell}` is out of range"))
}

/// Places each school of a metropolitan CBSA in the OEWS metro area `00` + CBSA where the extract
/// has it; the metropolitan CBSAs it has not, with their schools' places.
fn place_in_areas<'a>(
    schools: impl Iterator<Item = &'a mut School>,
    extract: &Extract,
) -> Vec<UnmatchedCbsa> {
    let mut unmatched: BTreeMap<String, UnmatchedCbsa> = BTreeMap::new();
    for school in schools {
        let Some(cbsa) = &school.cbsa else { continue };
        if cbsa.kind != CbsaType::Metropolitan {
            continue;
        }
        let area = AreaCode::parse(&format!("00{}", cbsa.code)).filter(|&code| {
            extract
                .area(code)
                .is_some_and(|a| a.area_type == AreaType::Metro)
        });
        school.area = area;
        if area.is_none() {
            let entry = unmatched
                .entry(cbsa.code.clone())
                .or_insert_with(|| UnmatchedCbsa {
                    code: cbsa.code.clone(),
                    places: Vec::new(),
                    schools: 0,
                });
            entry.schools += 1;
            let place = format!("{}, {}", school.city, school.state);
            if !entry.places.contains(&place) {
                entry.places.push(place);
            }
        }
    }
    unmatched.into_values().collect()
}

impl Release {
    /// `release.toml` as the import writes it.
    pub fn to_toml(&self) -> String {
        let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = format!(
            "# The schools extract: the files read, each with its publisher's year and source. Written by him-guide data import-schools.\nacademic_year = {}\nretrieved = {}\noews_release = {}\ncommand = {}\n",
            quoted(&self.academic_year),
            self.retrieved.iso(),
            quoted(&self.oews_release),
            quoted(&self.command),
        );
        for file in &self.files {
            let _ = write!(
                out,
                "\n[[files]]\nrole = {}\nsource = {}\nyear = {}\nurl = {}\nname = {}\nbytes = {}\nsha256 = {}\n",
                quoted(file.role.name()),
                quoted(&file.source),
                quoted(&file.year),
                quoted(&file.url),
                quoted(&file.name),
                file.bytes,
                quoted(&file.sha256),
            );
            if let Some(c) = &file.converted_from {
                let _ = write!(
                    out,
                    "\n[files.converted_from]\nname = {}\nbytes = {}\nsha256 = {}\nby = {}\n",
                    quoted(&c.name),
                    c.bytes,
                    quoted(&c.sha256),
                    quoted(&c.by),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_order_mark_is_not_part_of_the_first_heading() {
        let hd = "\u{feff}UNITID,INSTNM\r\n100654,Alabama A & M University\r\n";
        let table = Table::new("hd2024.csv", hd.as_bytes()).unwrap();
        assert_eq!(table.column(&["UNITID"]).unwrap(), 0);
        let plain = Table::new("hd.csv", b"UNITID,INSTNM\n").unwrap();
        assert_eq!(plain.column(&["unitid"]).unwrap(), 0);
        assert!(plain.column(&["CBSA"]).is_err());
    }

    #[test]
    fn scorecards_amounts_with_a_decimal_point_are_whole_dollars() {
        assert_eq!(whole_number("40628.0"), Ok(Some(40_628)));
        assert_eq!(whole_number("40628"), Ok(Some(40_628)));
        assert_eq!(whole_number(" 36 "), Ok(Some(36)));
        // Rounded half up by its digits, never through f64.
        assert_eq!(whole_number("36.5"), Ok(Some(37)));
        assert_eq!(whole_number("36.49"), Ok(Some(36)));
        assert!(whole_number("4,0628").is_err());
        assert!(whole_number("-1").is_err());
        assert!(whole_number(".5").is_err());
        assert!(whole_number("40628.0.0").is_err());
        assert!(whole_number("99999999999").is_err());
    }

    #[test]
    fn suppressed_null_and_empty_cells_are_no_value() {
        assert_eq!(whole_number("PrivacySuppressed"), Ok(None));
        assert_eq!(whole_number("NULL"), Ok(None));
        assert_eq!(whole_number(""), Ok(None));
        assert_eq!(whole_number("  "), Ok(None));
    }

    fn entry(fips: &str, cbsa: &str, cbsa_type: &str, control: &str) -> Result<School, String> {
        directory_entry(
            UnitId(100_654),
            [
                "100654",
                "A School",
                "Austin",
                "TX",
                fips,
                "78701",
                "Travis County",
                cbsa,
                cbsa_type,
                control,
                "",
                "",
            ],
        )
    }

    #[test]
    fn directory_cells_are_read_as_nces_writes_them() {
        let school = entry("48", "12420", "1", "1").unwrap();
        assert_eq!(school.fips.as_str(), "48");
        assert_eq!(school.cbsa.unwrap().kind, CbsaType::Metropolitan);
        assert_eq!(school.website, None);
        // One-digit FIPS codes, as NCES writes Alabama's.
        assert_eq!(entry("1", "-2", "-2", "2").unwrap().fips.as_str(), "01");
        assert_eq!(entry("1", "-2", "-2", "2").unwrap().cbsa, None);
        let micro = entry("16", "17660", "2", "3").unwrap();
        assert_eq!(micro.cbsa.unwrap().kind, CbsaType::Micropolitan);
        assert!(entry("48", "12420", "3", "1").is_err());
        assert!(entry("48", "-2", "1", "1").is_err());
        assert!(entry("48", "12420", "1", "-3").is_err());
        assert!(entry("480", "12420", "1", "1").is_err());
    }
}
