//! BLS's OEWS flat files into the extract: the HIM occupations in every area that has one of them,
//! and their national industry rows, each value with its footnote, and the provenance of it all.
//!
//! Reads a folder holding BLS's files as published at `download.bls.gov/pub/time.series/oe/`
//! (`oe.data.0.Current`, `oe.area`, `oe.industry`, `oe.occupation`, `oe.datatype`, `oe.footnote`,
//! `oe.release`), and `provenance.json` when `data/oews/package-to-bls.py` wrote them. Columns are
//! found by their header names, so a column BLS adds or moves does no harm.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::codes::{
    AreaCode, AreaType, Datatype, FootnoteCode, HIM_OCCUPATIONS, IndustryCode, ReleaseCode,
    SeriesId, SeriesKey, Soc, StateCode, parse_date,
};
use super::extract::{
    Area, Conversion, Extract, Footnote, Industry, Input, Occupation, Published, Release, Series,
};
use super::flat::{self, Fingerprint, Sha256Sum};
use super::value::Cell;
use crate::diagnostics::{Date, Problem};

/// BLS's files the import reads, the data file first.
pub const BLS_FILES: [&str; 7] = [
    DATA_FILE,
    "oe.area",
    "oe.industry",
    "oe.occupation",
    "oe.datatype",
    "oe.footnote",
    "oe.release",
];
pub const DATA_FILE: &str = "oe.data.0.Current";
/// Where BLS publishes them.
pub const BLS_BASE_URL: &str = "https://download.bls.gov/pub/time.series/oe/";
/// Written beside BLS's files by `data/oews/package-to-bls.py`.
pub const PROVENANCE_FILE: &str = "provenance.json";

/// Past this many problems in the data file, the rest are counted, not listed.
const MAX_DATA_PROBLEMS: usize = 50;

/// What the import needs besides the files.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The command line, recorded in `release.toml`.
    pub command: String,
    /// When BLS published the files; needed when there is no `provenance.json`, and wins over it.
    pub published: Option<Date>,
    /// When the files were downloaded from BLS; as `published`.
    pub retrieved: Option<Date>,
}

/// How a file read compared with its record in `provenance.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputCheck {
    /// Byte for byte the file BLS published.
    AsPublished,
    /// Not BLS's file, but exactly what the converter wrote from the checked package.
    AsConverted,
    /// No record to compare with (files downloaded from BLS directly).
    Unrecorded,
}

/// The extract, and what the import saw on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub extract: Extract,
    /// Each BLS file with how it compared with its record.
    pub checks: Vec<(&'static str, InputCheck)>,
    /// Lines in BLS's data file, header included.
    pub data_lines: usize,
}

/// Reads BLS's files in `dir` and builds the extract, or says every problem found.
pub fn import(dir: &Path, options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    let mut run = Run {
        dir: dir.to_path_buf(),
        problems: Vec::new(),
    };
    let provenance = run.provenance();
    let published = options
        .published
        .or(provenance.as_ref().and_then(|p| p.published));
    let retrieved = options
        .retrieved
        .or(provenance.as_ref().and_then(|p| p.retrieved));
    if published.is_none() || retrieved.is_none() {
        run.problem(
            PROVENANCE_FILE,
            None,
            "there is no provenance.json to say when BLS published the files and when they were \
             downloaded",
            "pass --published YYYY-MM-DD (the date BLS's directory listing shows) and \
             --retrieved YYYY-MM-DD (the day you downloaded them)",
        );
    }

    let mut texts = HashMap::new();
    let mut fingerprints = HashMap::new();
    for name in &BLS_FILES[1..] {
        match flat::read_small(&dir.join(name)) {
            Ok((text, fingerprint)) => {
                texts.insert(*name, text);
                fingerprints.insert(*name, fingerprint);
            }
            Err(err) => run.unreadable(name, &err),
        }
    }
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    let release = run.release(&texts["oe.release"], provenance.as_ref());
    run.datatypes(&texts["oe.datatype"]);
    let footnotes = run.footnotes(&texts["oe.footnote"]);
    let areas = run.areas(&texts["oe.area"]);
    let industries = run.coded(&texts["oe.industry"], "oe.industry", "industry", |code| {
        IndustryCode::parse(code)
    });
    let occupations = run.coded(
        &texts["oe.occupation"],
        "oe.occupation",
        "occupation",
        Soc::from_digits,
    );
    let Some(release_code) = release.as_ref().map(|r| r.0) else {
        return Err(run.problems);
    };
    let (series, data_lines, data_fingerprint) = run.data(release_code);
    if let Some(fingerprint) = data_fingerprint {
        fingerprints.insert(DATA_FILE, fingerprint);
    }
    let mut checks = Vec::new();
    let mut inputs = Vec::new();
    for name in BLS_FILES {
        let Some(&read) = fingerprints.get(name) else {
            continue;
        };
        let (check, input) = run.compare(name, read, provenance.as_ref());
        checks.push((name, check));
        inputs.push(input);
    }
    if !run.problems.is_empty() {
        return Err(run.problems);
    }

    // Everything the series name, looked up in BLS's lists.
    let mut used_areas = BTreeMap::new();
    let mut used_industries = BTreeMap::new();
    let mut used_occupations = BTreeMap::new();
    let mut rows = Vec::new();
    for (key, (line, cells)) in series {
        let here = Some(line);
        match areas.get(&key.area) {
            Some(area) if area.area_type == key.area_type => {
                used_areas.insert(key.area, area.clone());
            }
            Some(area) => run.problem(
                DATA_FILE,
                here,
                format!(
                    "series {key} has area type {}, but oe.area says {} is of type {}",
                    key.area_type, key.area, area.area_type
                ),
                "download BLS's files again, all from the same release",
            ),
            None => run.missing(here, key, "area", key.area.to_string(), "oe.area"),
        }
        match industries.get(&key.industry) {
            Some((level, name)) => {
                used_industries.insert(
                    key.industry,
                    Industry {
                        code: key.industry,
                        level: *level,
                        name: name.clone(),
                    },
                );
            }
            None => run.missing(
                here,
                key,
                "industry",
                key.industry.to_string(),
                "oe.industry",
            ),
        }
        match occupations.get(&key.soc) {
            Some((level, name)) => {
                used_occupations.insert(
                    key.soc,
                    Occupation {
                        soc: key.soc,
                        level: *level,
                        name: name.clone(),
                    },
                );
            }
            None => run.missing(
                here,
                key,
                "occupation",
                key.soc.to_string(),
                "oe.occupation",
            ),
        }
        for cell in cells.iter().flatten() {
            if let Some(code) = cell
                .footnote()
                .filter(|c| !footnotes.iter().any(|f| f.code == *c))
            {
                run.missing(here, key, "footnote", code.to_string(), "oe.footnote");
            }
        }
        rows.push(Series::new(key, cells));
    }
    let (Some((code, name)), Some(published), Some(retrieved)) = (release, published, retrieved)
    else {
        return Err(run.problems);
    };
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    let release = Release {
        code,
        name,
        published,
        retrieved,
        command: options.command.clone(),
        conversion: provenance.and_then(|p| p.conversion),
        inputs,
    };
    let extract = Extract::new(
        release,
        used_areas.into_values().collect(),
        used_industries.into_values().collect(),
        used_occupations.into_values().collect(),
        footnotes,
        rows,
    );
    // The extract must pass the checks it will meet at start-up: parse what would be written.
    let reread = super::load::parse(Path::new(super::EXTRACT_DIR), &extract.files())?;
    debug_assert_eq!(reread, extract, "the extract's files read back as written");
    Ok(Imported {
        extract,
        checks,
        data_lines,
    })
}

/// `provenance.json`, checked and typed.
struct Provenance {
    code: Option<ReleaseCode>,
    published: Option<Date>,
    retrieved: Option<Date>,
    files: BTreeMap<String, (String, Published)>,
    conversion: Option<Conversion>,
    written: BTreeMap<String, Fingerprint>,
}

/// The series read so far: each key with its first line in the data file and its cells.
type SeriesRows = BTreeMap<SeriesKey, (usize, [Option<Cell>; 17])>;

struct Run {
    dir: PathBuf,
    problems: Vec<Problem>,
}

impl Run {
    fn problem(
        &mut self,
        file: &str,
        line: Option<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems
            .push(Problem::new(self.dir.join(file), line, message, fix));
    }

    fn unreadable(&mut self, name: &str, err: &std::io::Error) {
        self.problem(
            name,
            None,
            format!("cannot read BLS's file: {err}"),
            format!(
                "download it from {BLS_BASE_URL}{name}, or run data/oews/package-to-bls.py (README.md, \"Refreshing the pay data\")"
            ),
        );
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

    /// Reads `provenance.json` if there is one.
    fn provenance(&mut self) -> Option<Provenance> {
        let path = self.dir.join(PROVENANCE_FILE);
        let text = std::fs::read_to_string(&path).ok()?;
        let raw: RawProvenance = match serde_json::from_str(&text) {
            Ok(raw) => raw,
            Err(err) => {
                self.problem(
                    PROVENANCE_FILE,
                    Some(err.line()),
                    format!("cannot read it: {err}"),
                    "run data/oews/package-to-bls.py again to rewrite it",
                );
                return None;
            }
        };
        let before = self.problems.len();
        let date = |run: &mut Run, text: &str, what: &str| {
            let date = parse_date(text);
            if date.is_none() {
                run.problem(
                    PROVENANCE_FILE,
                    None,
                    format!("{what} `{text}` is not a date written as YYYY-MM-DD"),
                    "run data/oews/package-to-bls.py again to rewrite it",
                );
            }
            date
        };
        let sha = |run: &mut Run, text: &str, what: &str| {
            let sha = Sha256Sum::parse(text);
            if sha.is_none() {
                run.problem(
                    PROVENANCE_FILE,
                    None,
                    format!("{what} `{text}` is not a SHA-256"),
                    "run data/oews/package-to-bls.py again to rewrite it",
                );
            }
            sha
        };
        let published = date(self, &raw.published, "published");
        let retrieved = date(self, &raw.retrieved, "retrieved");
        let mut files = BTreeMap::new();
        for (name, file) in &raw.files {
            let published = date(self, &file.date, &format!("files.{name}.date"));
            let sha256 = sha(self, &file.sha256, &format!("files.{name}.sha256"));
            if let (Some(date), Some(sha256)) = (published, sha256) {
                let record = Published {
                    date,
                    bytes: file.bytes,
                    sha256,
                };
                files.insert(name.clone(), (file.url.clone(), record));
            }
        }
        let mut written = BTreeMap::new();
        let conversion = raw.conversion.and_then(|c| {
            for (name, file) in &c.written {
                if let Some(sha256) = sha(self, &file.sha256, &format!("written.{name}.sha256")) {
                    written.insert(
                        name.clone(),
                        Fingerprint {
                            bytes: file.bytes,
                            sha256,
                        },
                    );
                }
            }
            let wheel = match c.wheel {
                Some(w) => Some((w.file, sha(self, &w.sha256, "wheel.sha256")?)),
                None => None,
            };
            let database_sha256 = match c.database_sha256 {
                Some(text) => Some(sha(self, &text, "database_sha256")?),
                None => None,
            };
            Some(Conversion {
                package: c.package,
                wheel,
                database_file: c.database_file,
                database_file_sha256: sha(self, &c.database_file_sha256, "database_file_sha256")?,
                database_sha256,
                script: c.script,
            })
        });
        let code = ReleaseCode::parse(&raw.release.code);
        if code.is_none() {
            self.problem(
                PROVENANCE_FILE,
                None,
                format!(
                    "release.code `{}` is not a BLS release code",
                    raw.release.code
                ),
                "run data/oews/package-to-bls.py again to rewrite it",
            );
        }
        (self.problems.len() == before).then_some(Provenance {
            code,
            published,
            retrieved,
            files,
            conversion,
            written,
        })
    }

    /// How a file read compares with its record: refused if it matches neither BLS's published
    /// file nor the converter's output.
    fn compare(
        &mut self,
        name: &'static str,
        read: Fingerprint,
        provenance: Option<&Provenance>,
    ) -> (InputCheck, Input) {
        let record = provenance.and_then(|p| p.files.get(name));
        let written = provenance.and_then(|p| p.written.get(name));
        let input = Input {
            file: name.to_string(),
            url: record.map_or_else(|| format!("{BLS_BASE_URL}{name}"), |(url, _)| url.clone()),
            published: record.map(|(_, published)| *published),
            read,
        };
        let check = match (input.is_as_published(), written) {
            (Some(true), _) => InputCheck::AsPublished,
            (_, Some(written)) if *written == read => InputCheck::AsConverted,
            (None, None) => InputCheck::Unrecorded,
            (_, written) => {
                let expected = record
                    .map(|(_, p)| format!("BLS's published {} ({} bytes)", p.sha256, p.bytes))
                    .into_iter()
                    .chain(
                        written
                            .map(|w| format!("the converter's {} ({} bytes)", w.sha256, w.bytes)),
                    )
                    .collect::<Vec<_>>();
                let expected = match expected.as_slice() {
                    [one] => format!("is not {one}"),
                    many => format!("is neither {}", many.join(" nor ")),
                };
                self.problem(
                    name,
                    None,
                    format!(
                        "SHA-256 {} ({} bytes) {expected}: the file changed after it was downloaded or converted",
                        read.sha256, read.bytes
                    ),
                    "download the file again, or run data/oews/package-to-bls.py again",
                );
                InputCheck::Unrecorded
            }
        };
        (check, input)
    }

    /// `oe.release`: exactly one release, agreeing with `provenance.json`.
    fn release(
        &mut self,
        text: &str,
        provenance: Option<&Provenance>,
    ) -> Option<(ReleaseCode, String)> {
        let file = "oe.release";
        let cols = self.columns(file, text, &["release_date", "description"])?;
        let rows: Vec<_> = flat::rows(text).collect();
        if rows.len() != 1 {
            self.problem(
                file,
                None,
                format!(
                    "{} releases are listed; the extract holds exactly one",
                    rows.len()
                ),
                "use the files of one BLS release",
            );
            return None;
        }
        let (line, row) = rows[0];
        let fields = flat::fields(row);
        let (code_text, name) = (field(&fields, cols[0]), field(&fields, cols[1]));
        let Some(code) = ReleaseCode::parse(code_text) else {
            self.problem(
                file,
                Some(line),
                format!("`{code_text}` is not a release code such as 2025A01"),
                "download oe.release again",
            );
            return None;
        };
        if let Some(recorded) = provenance.and_then(|p| p.code).filter(|&c| c != code) {
            self.problem(
                file,
                Some(line),
                format!("this is release {code}, but provenance.json records {recorded}"),
                "use the files and provenance.json of one release",
            );
        }
        Some((code, name.to_string()))
    }

    /// `oe.datatype` must be the 17 datatypes this code knows, under BLS's names.
    fn datatypes(&mut self, text: &str) {
        let file = "oe.datatype";
        let Some(cols) = self.columns(file, text, &["datatype_code", "datatype_name"]) else {
            return;
        };
        let mut seen = Vec::new();
        for (line, row) in flat::rows(text) {
            let fields = flat::fields(row);
            let (code, name) = (field(&fields, cols[0]), field(&fields, cols[1]));
            match Datatype::parse(code) {
                Some(datatype) if datatype.bls_name() == name => seen.push(datatype),
                _ => self.problem(
                    file,
                    Some(line),
                    format!("datatype {code} `{name}` is not one the guide knows"),
                    "BLS changed its datatypes: update Datatype in src/oews/codes.rs to match",
                ),
            }
        }
        if seen.len() != Datatype::ALL.len() {
            self.problem(
                file,
                None,
                format!("{} of the 17 datatypes are listed", seen.len()),
                "BLS changed its datatypes: update Datatype in src/oews/codes.rs to match",
            );
        }
    }

    fn footnotes(&mut self, text: &str) -> Vec<Footnote> {
        let file = "oe.footnote";
        let Some(cols) = self.columns(file, text, &["footnote_code", "footnote_text"]) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (line, row) in flat::rows(text) {
            let fields = flat::fields(row);
            let (code, text) = (field(&fields, cols[0]), field(&fields, cols[1]));
            match FootnoteCode::parse(code) {
                Some(code) if !text.is_empty() => out.push(Footnote {
                    code,
                    text: text.to_string(),
                }),
                _ => self.problem(
                    file,
                    Some(line),
                    format!("`{code}` `{text}` is not a footnote"),
                    "download oe.footnote again",
                ),
            }
        }
        out
    }

    fn areas(&mut self, text: &str) -> HashMap<AreaCode, Area> {
        let file = "oe.area";
        let wanted = ["area_code", "areatype_code", "state_code", "area_name"];
        let Some(cols) = self.columns(file, text, &wanted) else {
            return HashMap::new();
        };
        let mut out = HashMap::new();
        for (line, row) in flat::rows(text) {
            let fields = flat::fields(row);
            let f = |i: usize| field(&fields, cols[i]);
            match (
                AreaCode::parse(f(0)),
                AreaType::parse(f(1)),
                StateCode::parse(f(2)),
            ) {
                (Some(code), Some(area_type), Some(state)) if !f(3).is_empty() => {
                    out.insert(
                        code,
                        Area {
                            code,
                            area_type,
                            state,
                            name: f(3).to_string(),
                        },
                    );
                }
                _ => self.problem(
                    file,
                    Some(line),
                    format!("`{row}` is not an area"),
                    "download oe.area again",
                ),
            }
        }
        out
    }

    /// `oe.industry` or `oe.occupation`: code, name and display level by code.
    fn coded<C: std::hash::Hash + Eq>(
        &mut self,
        text: &str,
        file: &str,
        table: &str,
        parse: impl Fn(&str) -> Option<C>,
    ) -> HashMap<C, (u8, String)> {
        let wanted = [
            format!("{table}_code"),
            format!("{table}_name"),
            "display_level".to_string(),
        ];
        let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let Some(cols) = self.columns(file, text, &wanted) else {
            return HashMap::new();
        };
        let mut out = HashMap::new();
        for (line, row) in flat::rows(text) {
            let fields = flat::fields(row);
            let f = |i: usize| field(&fields, cols[i]);
            match (parse(f(0)), f(2).parse::<u8>()) {
                (Some(code), Ok(level)) if level <= 9 && !f(1).is_empty() => {
                    out.insert(code, (level, f(1).to_string()));
                }
                _ => self.problem(
                    file,
                    Some(line),
                    format!("`{row}` is not an {table} row"),
                    format!("download {file} again"),
                ),
            }
        }
        out
    }

    fn columns(&mut self, file: &str, text: &str, wanted: &[&str]) -> Option<Vec<usize>> {
        let header = text.lines().next().unwrap_or_default();
        match flat::columns(header, wanted) {
            Ok(cols) => Some(cols),
            Err(message) => {
                self.problem(
                    file,
                    Some(1),
                    message,
                    "BLS changed the file's layout: update src/oews/import.rs to read it",
                );
                None
            }
        }
    }

    /// Streams `oe.data.0.Current`, keeping the HIM occupations' lines.
    fn data(&mut self, release: ReleaseCode) -> (SeriesRows, usize, Option<Fingerprint>) {
        let path = self.dir.join(DATA_FILE);
        let (year, period) = (release.year_text(), release.period_text());
        let mut series: SeriesRows = BTreeMap::new();
        let mut problems: Vec<(usize, String)> = Vec::new();
        let mut cols: Option<Vec<usize>> = None;
        let mut header_problem = None;
        let mut lines = 0;
        let result = flat::stream_lines(&path, |number, line| {
            lines = number;
            let Some(cols) = &cols else {
                if number == 1 {
                    match flat::columns(
                        line,
                        &["series_id", "year", "period", "value", "footnote_codes"],
                    ) {
                        Ok(found) => cols = Some(found),
                        Err(message) => header_problem = Some(message),
                    }
                }
                return;
            };
            if line.trim().is_empty() {
                return;
            }
            // Most lines are other occupations: look at the series id's SOC before splitting more.
            let id = line.split('\t').nth(cols[0]).unwrap_or_default().trim();
            let soc = id.get(17..23).and_then(Soc::from_digits);
            if !soc.is_some_and(|soc| HIM_OCCUPATIONS.contains(&soc)) {
                return;
            }
            let fields = flat::fields(line);
            let f = |i: usize| field(&fields, cols[i]);
            let Some(id) = SeriesId::parse(id) else {
                problems.push((number, format!("`{id}` is not a series id")));
                return;
            };
            if f(1) != year || f(2) != period {
                problems.push((
                    number,
                    format!("series {id} is for {}{}, but oe.release is {release}: an extract holds one release", f(1), f(2)),
                ));
                return;
            }
            match Cell::from_bls(id.datatype, f(3), f(4)) {
                Ok(cell) => {
                    let (_, cells) = series.entry(id.key).or_insert((number, [None; 17]));
                    let slot = &mut cells[id.datatype.index()];
                    if slot.is_some() {
                        problems.push((number, format!("series {id} appears twice")));
                    }
                    *slot = Some(cell);
                }
                Err(err) => problems.push((number, format!("series {id}: {err}"))),
            }
        });
        let fingerprint = match result {
            Ok(fingerprint) => Some(fingerprint),
            Err(err) => {
                self.unreadable(DATA_FILE, &err);
                None
            }
        };
        if lines == 0 && fingerprint.is_some() {
            header_problem = Some("the file is empty".to_string());
        }
        for soc in HIM_OCCUPATIONS {
            if lines > 0 && !series.keys().any(|key| key.soc == soc) {
                problems.push((lines, format!("there is no series for occupation {soc}")));
            }
        }
        if let Some(message) = header_problem {
            self.problem(
                DATA_FILE,
                Some(1),
                message,
                "BLS changed the file's layout: update src/oews/import.rs to read it",
            );
        }
        let extra = problems.len().saturating_sub(MAX_DATA_PROBLEMS);
        for (line, message) in problems.into_iter().take(MAX_DATA_PROBLEMS) {
            self.problem(
                DATA_FILE,
                Some(line),
                message,
                "download BLS's files again, all from the same release",
            );
        }
        if extra > 0 {
            self.problem(
                DATA_FILE,
                None,
                format!("and {extra} more problems like these"),
                "download BLS's files again",
            );
        }
        (series, lines, fingerprint)
    }
}

/// Field `i` of a row, or empty if the row is short.
fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or_default()
}

#[derive(Deserialize)]
struct RawProvenance {
    release: RawProvenanceRelease,
    published: String,
    retrieved: String,
    files: BTreeMap<String, RawPublished>,
    conversion: Option<RawConversion>,
}

#[derive(Deserialize)]
struct RawProvenanceRelease {
    code: String,
}

#[derive(Deserialize)]
struct RawPublished {
    url: String,
    bytes: u64,
    sha256: String,
    date: String,
}

#[derive(Deserialize)]
struct RawConversion {
    package: String,
    wheel: Option<RawWheel>,
    database_file: String,
    database_file_sha256: String,
    database_sha256: Option<String>,
    script: String,
    written: BTreeMap<String, RawWritten>,
}

#[derive(Deserialize)]
struct RawWheel {
    file: String,
    sha256: String,
}

#[derive(Deserialize)]
struct RawWritten {
    bytes: u64,
    sha256: String,
}
