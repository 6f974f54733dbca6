//! BLS's OEWS flat files into the extract: the HIM occupations in every area that has one of them,
//! and their national industry rows, each value with its footnote, and the provenance of it all.
//!
//! Reads a folder holding BLS's files as published at `download.bls.gov/pub/time.series/oe/`
//! (`oe.data.0.Current`, `oe.area`, `oe.industry`, `oe.occupation`, `oe.datatype`, `oe.footnote`,
//! `oe.release`), and `provenance.json` when `data/oews/package-to-bls.py` wrote them. Columns are
//! found by their header names, so a column BLS adds or moves does no harm.

mod lookup;
mod provenance;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::codes::{
    AreaCode, AreaType, Datatype, FootnoteCode, IndustryCode, ReleaseCode, SeriesId, SeriesKey,
    Soc, StateCode,
};
use super::extract::{Area, Extract, Footnote, Release};
use super::flat::{self, Fingerprint};
use super::value::Cell;
use diagnostics::{Date, Problem};
use provenance::Provenance;

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
    /// The occupations to keep, as the guide's content names them (`content/salary.toml`); BLS's
    /// data holds about 830 more.
    pub occupations: Vec<Soc>,
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
    let (published, retrieved) = run.dates(options, provenance.as_ref());
    let (texts, mut fingerprints) = run.read_lists();
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    let (release, lists) = run.lists(&texts, provenance.as_ref());
    let Some(release_code) = release.as_ref().map(|r| r.0) else {
        return Err(run.problems);
    };
    if options.occupations.is_empty() {
        return Err(vec![Problem::new(
            dir,
            None,
            "no occupation to keep was given, so the import would keep nothing",
            "name the occupations in content/salary.toml, each [[occupation]] with its soc",
        )]);
    }
    let (series, data_lines, data_fingerprint) = run.data(release_code, &options.occupations);
    if let Some(fingerprint) = data_fingerprint {
        fingerprints.insert(DATA_FILE, fingerprint);
    }
    let (checks, inputs) = run.compare_all(&fingerprints, provenance.as_ref());
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    let used = run.look_up(series, &lists);
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
        used.areas,
        used.industries,
        used.occupations,
        lists.footnotes,
        used.rows,
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

/// BLS's lists, by code, for looking up what the series name.
struct Lists {
    footnotes: Vec<Footnote>,
    areas: HashMap<AreaCode, Area>,
    /// Display level and name by code.
    industries: HashMap<IndustryCode, (u8, String)>,
    /// Display level and name by SOC code.
    occupations: HashMap<Soc, (u8, String)>,
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
                "download it from {BLS_BASE_URL}{name}, or run data/oews/package-to-bls.py (docs/data-refresh.md)"
            ),
        );
    }

    /// BLS's files other than the data file, each with its size and SHA-256.
    fn read_lists(
        &mut self,
    ) -> (
        HashMap<&'static str, String>,
        HashMap<&'static str, Fingerprint>,
    ) {
        let mut texts = HashMap::new();
        let mut fingerprints = HashMap::new();
        for name in &BLS_FILES[1..] {
            match flat::read_small(&self.dir.join(name)) {
                Ok((text, fingerprint)) => {
                    texts.insert(*name, text);
                    fingerprints.insert(*name, fingerprint);
                }
                Err(err) => self.unreadable(name, &err),
            }
        }
        (texts, fingerprints)
    }

    /// Reads and checks BLS's lists: the release (agreeing with `provenance.json`), the datatypes,
    /// and the footnotes, areas, industries and occupations the series may name.
    fn lists(
        &mut self,
        texts: &HashMap<&'static str, String>,
        provenance: Option<&Provenance>,
    ) -> (Option<(ReleaseCode, String)>, Lists) {
        let release = self.release(&texts["oe.release"], provenance);
        self.datatypes(&texts["oe.datatype"]);
        let footnotes = self.footnotes(&texts["oe.footnote"]);
        let areas = self.areas(&texts["oe.area"]);
        let industries = self.coded(&texts["oe.industry"], "oe.industry", "industry", |code| {
            IndustryCode::parse(code)
        });
        let occupations = self.coded(
            &texts["oe.occupation"],
            "oe.occupation",
            "occupation",
            Soc::from_digits,
        );
        let lists = Lists {
            footnotes,
            areas,
            industries,
            occupations,
        };
        (release, lists)
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
                    "BLS changed its datatypes: update Datatype in components/oews/src/codes.rs to match",
                ),
            }
        }
        if seen.len() != Datatype::ALL.len() {
            self.problem(
                file,
                None,
                format!("{} of the 17 datatypes are listed", seen.len()),
                "BLS changed its datatypes: update Datatype in components/oews/src/codes.rs to match",
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
                    "BLS changed the file's layout: update components/oews/src/import.rs to read it",
                );
                None
            }
        }
    }

    /// Streams `oe.data.0.Current`, keeping the HIM occupations' lines.
    fn data(
        &mut self,
        release: ReleaseCode,
        occupations: &[Soc],
    ) -> (SeriesRows, usize, Option<Fingerprint>) {
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
            if !soc.is_some_and(|soc| occupations.contains(&soc)) {
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
        for &soc in occupations {
            if lines > 0 && !series.keys().any(|key| key.soc == soc) {
                problems.push((lines, format!("there is no series for occupation {soc}")));
            }
        }
        if let Some(message) = header_problem {
            self.problem(
                DATA_FILE,
                Some(1),
                message,
                "BLS changed the file's layout: update components/oews/src/import.rs to read it",
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
