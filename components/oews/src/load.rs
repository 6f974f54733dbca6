//! Reads an extract's files back and checks them, gathering every problem with its file and line.
//!
//! Checked: each file's release line and header, column counts, codes; series keys against the
//! areas (which must exist with the key's area type), industries and occupations; percentiles in
//! order; annual = hourly x 2,080 within BLS's rounding; a not-released cell's footnote; one
//! release across all files.

mod release;
mod series;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

use super::codes::{AreaCode, AreaType, FootnoteCode, IndustryCode, ReleaseCode, Soc, StateCode};
use super::extract::{
    AREAS_FILE, AREAS_HEADER, Area, Extract, ExtractFiles, FOOTNOTES_FILE, FOOTNOTES_HEADER,
    Footnote, INDUSTRIES_FILE, INDUSTRIES_HEADER, Industry, OCCUPATIONS_FILE, OCCUPATIONS_HEADER,
    Occupation, RELEASE_FILE, SERIES_FILE,
};
use diagnostics::Problem;
pub use series::{ANNUAL_TOLERANCE, check_values};

const REIMPORT: &str = "BLS's figures do not change after release: import again from BLS's files \
                        (docs/data-refresh.md) rather than edit the extract";

impl Extract {
    /// Reads and checks `content/oews/` under `site_dir`, reporting every problem at once.
    pub fn load(site_dir: &Path) -> Result<Extract, Vec<Problem>> {
        load_from(site_dir, Path::new(super::EXTRACT_DIR))
    }

    /// As [`Extract::load`], but `Ok(None)` when the site has no `content/oews/` folder at all
    /// (fixture sites that do not need pay data).
    pub fn load_if_present(site_dir: &Path) -> Result<Option<Extract>, Vec<Problem>> {
        if !site_dir.join(super::EXTRACT_DIR).is_dir() {
            return Ok(None);
        }
        Extract::load(site_dir).map(Some)
    }
}

/// Reads `folder` (relative to `base`) and checks it; problems name files as `folder/<file>`.
pub fn load_from(base: &Path, folder: &Path) -> Result<Extract, Vec<Problem>> {
    let mut files = ExtractFiles::default();
    let mut problems = Vec::new();
    let slots: [(&str, &mut String); 6] = [
        (RELEASE_FILE, &mut files.release),
        (AREAS_FILE, &mut files.areas),
        (INDUSTRIES_FILE, &mut files.industries),
        (OCCUPATIONS_FILE, &mut files.occupations),
        (FOOTNOTES_FILE, &mut files.footnotes),
        (SERIES_FILE, &mut files.series),
    ];
    for (name, slot) in slots {
        match std::fs::read_to_string(base.join(folder).join(name)) {
            Ok(text) => *slot = text,
            Err(err) => problems.push(Problem::new(
                folder.join(name),
                None,
                format!("cannot read the pay data extract: {err}"),
                "write the extract with `him-guide data import-oews` (docs/data-refresh.md), or pass \
                 --site-dir with the folder that holds content/",
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    parse(folder, &files)
}

/// Parses and checks the files of an extract; `folder` is how problems name them.
pub fn parse(folder: &Path, files: &ExtractFiles) -> Result<Extract, Vec<Problem>> {
    let mut checker = Checker {
        folder: folder.to_path_buf(),
        problems: Vec::new(),
    };
    let release = checker.release(&files.release);
    let release_code = release.as_ref().map(|r| r.code);
    let footnotes = checker.footnotes(&files.footnotes, release_code);
    let occupations = checker.occupations(&files.occupations, release_code);
    let industries = checker.industries(&files.industries, release_code);
    let areas = checker.areas(&files.areas, release_code);
    let known = Known {
        areas: areas.iter().map(|a| (a.code, a.area_type)).collect(),
        industries: industries.iter().map(|i| i.code).collect(),
        occupations: occupations.iter().map(|o| o.soc).collect(),
        footnotes: footnotes.iter().map(|f| f.code).collect(),
    };
    let series = checker.series(&files.series, release_code, &known);
    match release {
        Some(release) if checker.problems.is_empty() => Ok(Extract::new(
            release,
            areas,
            industries,
            occupations,
            footnotes,
            series,
        )),
        _ => Err(checker.problems),
    }
}

/// The codes the series may name.
struct Known {
    areas: FxHashMap<AreaCode, AreaType>,
    industries: FxHashSet<IndustryCode>,
    occupations: FxHashSet<Soc>,
    footnotes: FxHashSet<FootnoteCode>,
}

struct Checker {
    folder: PathBuf,
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, file: &str, line: Option<usize>, message: String, fix: &str) {
        self.problems
            .push(Problem::new(self.folder.join(file), line, message, fix));
    }

    /// The rows of a table after its release line and header, as (line, text); checks both
    /// lines and each row's column count. A row with the wrong count is reported and skipped.
    fn table_lines<'t>(
        &mut self,
        file: &str,
        text: &'t str,
        header: &str,
        release: Option<ReleaseCode>,
    ) -> Vec<(usize, &'t str)> {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        match first
            .strip_prefix("# BLS OEWS ")
            .and_then(|rest| rest.split(' ').next())
            .map(|code| (code, ReleaseCode::parse(code)))
        {
            Some((_, Some(code))) if release.is_none_or(|r| r == code) => {}
            Some((_, Some(code))) => self.problem(
                file,
                Some(1),
                format!(
                    "this file is from release {code}, but release.toml is from {}: an extract holds one release",
                    release.map(|r| r.to_string()).unwrap_or_default()
                ),
                "import all the files of the extract again, together",
            ),
            _ => self.problem(
                file,
                Some(1),
                format!("the first line should name the release, as in `# BLS OEWS 2025A01 (May 2025): ...`, not `{first}`"),
                "restore the first line the import wrote, or import again",
            ),
        }
        let found = lines.next().unwrap_or_default();
        if found != header {
            self.problem(
                file,
                Some(2),
                format!(
                    "the header should be `{}`, not `{}`",
                    header.replace('\t', " TAB "),
                    found.replace('\t', " TAB ")
                ),
                "restore the header the import wrote (columns are separated by tabs)",
            );
            return Vec::new();
        }
        let columns = header.split('\t').count();
        // Sized once: `series.tsv` has tens of thousands of rows at every area of a release.
        let mut rows = Vec::with_capacity(memchr_count(text, b'\n'));
        for (i, line) in lines.enumerate() {
            let number = i + 3;
            if line.trim().is_empty() {
                continue;
            }
            let found = memchr_count(line, b'\t') + 1;
            if found != columns {
                self.problem(
                    file,
                    Some(number),
                    format!("{found} columns where the header has {columns}"),
                    "separate the columns with single tabs, one per column of the header",
                );
                continue;
            }
            rows.push((number, line));
        }
        rows
    }

    /// [`Checker::table_lines`], each row split into its fields.
    fn table<'t>(
        &mut self,
        file: &str,
        text: &'t str,
        header: &str,
        release: Option<ReleaseCode>,
    ) -> Vec<(usize, Vec<&'t str>)> {
        self.table_lines(file, text, header, release)
            .into_iter()
            .map(|(number, line)| (number, line.split('\t').collect()))
            .collect()
    }

    fn footnotes(&mut self, text: &str, release: Option<ReleaseCode>) -> Vec<Footnote> {
        let mut out: Vec<Footnote> = Vec::new();
        for (line, fields) in self.table(FOOTNOTES_FILE, text, FOOTNOTES_HEADER, release) {
            let Some(code) = FootnoteCode::parse(fields[0]) else {
                self.problem(
                    FOOTNOTES_FILE,
                    Some(line),
                    format!("`{}` is not a footnote code", fields[0]),
                    "use BLS's code: one letter or digit",
                );
                continue;
            };
            if out.iter().any(|f| f.code == code) {
                self.problem(
                    FOOTNOTES_FILE,
                    Some(line),
                    format!("footnote {code} is listed twice"),
                    "keep one line per footnote",
                );
                continue;
            }
            if let Some(text) = self.name(FOOTNOTES_FILE, line, fields[1]) {
                out.push(Footnote { code, text });
            }
        }
        out
    }

    fn occupations(&mut self, text: &str, release: Option<ReleaseCode>) -> Vec<Occupation> {
        let mut out: Vec<Occupation> = Vec::new();
        for (line, fields) in self.table(OCCUPATIONS_FILE, text, OCCUPATIONS_HEADER, release) {
            let Some(soc) = Soc::parse(fields[0]) else {
                self.problem(
                    OCCUPATIONS_FILE,
                    Some(line),
                    format!("`{}` is not a SOC code", fields[0]),
                    "write it as BLS does, for example 29-9021",
                );
                continue;
            };
            if out.iter().any(|o| o.soc == soc) {
                self.problem(
                    OCCUPATIONS_FILE,
                    Some(line),
                    format!("occupation {soc} is listed twice"),
                    "keep one line per occupation",
                );
                continue;
            }
            let level = self.level(OCCUPATIONS_FILE, line, fields[1]);
            if let (Some(level), Some(name)) = (level, self.name(OCCUPATIONS_FILE, line, fields[2]))
            {
                out.push(Occupation { soc, level, name });
            }
        }
        out
    }

    fn industries(&mut self, text: &str, release: Option<ReleaseCode>) -> Vec<Industry> {
        let mut out: Vec<Industry> = Vec::new();
        for (line, fields) in self.table(INDUSTRIES_FILE, text, INDUSTRIES_HEADER, release) {
            let Some(code) = IndustryCode::parse(fields[0]) else {
                self.problem(
                    INDUSTRIES_FILE,
                    Some(line),
                    format!("`{}` is not an OEWS industry code", fields[0]),
                    "use BLS's 6-character code, for example 622000, 62--63 or 3250A1",
                );
                continue;
            };
            if out.iter().any(|i| i.code == code) {
                self.problem(
                    INDUSTRIES_FILE,
                    Some(line),
                    format!("industry {code} is listed twice"),
                    "keep one line per industry",
                );
                continue;
            }
            let level = self.level(INDUSTRIES_FILE, line, fields[1]);
            if let (Some(level), Some(name)) = (level, self.name(INDUSTRIES_FILE, line, fields[2]))
            {
                out.push(Industry { code, level, name });
            }
        }
        out
    }

    fn areas(&mut self, text: &str, release: Option<ReleaseCode>) -> Vec<Area> {
        let mut out: Vec<Area> = Vec::new();
        let mut seen = FxHashSet::default();
        for (line, fields) in self.table(AREAS_FILE, text, AREAS_HEADER, release) {
            let (code, area_type, state) = (
                AreaCode::parse(fields[0]),
                AreaType::parse(fields[1]),
                StateCode::parse(fields[2]),
            );
            let (Some(code), Some(area_type), Some(state)) = (code, area_type, state) else {
                self.problem(
                    AREAS_FILE,
                    Some(line),
                    format!(
                        "`{}`, `{}`, `{}` are not an area code, type and state",
                        fields[0], fields[1], fields[2]
                    ),
                    "use BLS's 7-digit area code, N, S or M, and the 2-digit state code",
                );
                continue;
            };
            if !seen.insert(code) {
                self.problem(
                    AREAS_FILE,
                    Some(line),
                    format!("area {code} is listed twice"),
                    "keep one line per area",
                );
                continue;
            }
            if let Some(message) = area_mismatch(code, area_type, state) {
                self.problem(AREAS_FILE, Some(line), message, REIMPORT);
                continue;
            }
            if let Some(name) = self.name(AREAS_FILE, line, fields[3]) {
                out.push(Area {
                    code,
                    area_type,
                    state,
                    name,
                });
            }
        }
        out
    }

    fn level(&mut self, file: &str, line: usize, text: &str) -> Option<u8> {
        let level = text
            .parse()
            .ok()
            .filter(|&l: &u8| l <= 9 && text.len() == 1);
        if level.is_none() {
            self.problem(
                file,
                Some(line),
                format!("`{text}` is not a display level"),
                "use BLS's display_level, a digit",
            );
        }
        level
    }

    fn name(&mut self, file: &str, line: usize, text: &str) -> Option<String> {
        if text.trim().is_empty() || text.trim() != text {
            self.problem(
                file,
                Some(line),
                format!("the name `{text}` is empty or has spaces around it"),
                "use BLS's name as it is",
            );
            return None;
        }
        Some(text.to_string())
    }
}

/// Whether an area's code agrees with its type and state: the nation is `0000000` in state `00`,
/// a state's code is its FIPS code and `00000`, a nonmetro area's code starts with its state's
/// FIPS code (metro areas are `00` and the 5-digit CBSA code).
/// How many times `byte` occurs in `text`.
fn memchr_count(text: &str, byte: u8) -> usize {
    text.bytes().filter(|&b| b == byte).count()
}

fn area_mismatch(code: AreaCode, area_type: AreaType, state: StateCode) -> Option<String> {
    let agrees = match area_type {
        AreaType::National => code == AreaCode::NATIONAL && state == StateCode::NATIONAL,
        AreaType::State => state != StateCode::NATIONAL && code == state.area(),
        AreaType::Metro => {
            state != StateCode::NATIONAL
                && !code.as_str().ends_with("00000")
                && (code.state_prefix() == StateCode::NATIONAL || code.state_prefix() == state)
        }
    };
    (!agrees).then(|| format!("area {code} of type {area_type} does not agree with state {state}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_area_codes_against_type_and_state() {
        let area = |code, t, state| {
            area_mismatch(
                AreaCode::parse(code).unwrap(),
                AreaType::parse(t).unwrap(),
                StateCode::parse(state).unwrap(),
            )
        };
        assert_eq!(area("0000000", "N", "00"), None);
        assert_eq!(area("4800000", "S", "48"), None);
        assert_eq!(area("0012420", "M", "48"), None);
        assert_eq!(area("0100001", "M", "01"), None);
        assert!(area("4800000", "S", "47").is_some());
        assert!(area("4800000", "M", "48").is_some());
        assert!(area("0100001", "M", "02").is_some());
        assert!(area("0000000", "S", "00").is_some());
    }
}
