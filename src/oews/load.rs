//! Reads an extract's files back and checks them, gathering every problem with its file and line.
//!
//! Checked: each file's release line and header, column counts, codes; series keys against the
//! areas (which must exist with the key's area type), industries and occupations; percentiles in
//! order; annual = hourly x 2,080 within BLS's rounding; a not-released cell's footnote; one
//! release across all files.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::codes::{
    AreaCode, AreaType, Datatype, FootnoteCode, IndustryCode, Percentile, ReleaseCode, SeriesKey,
    Soc, StateCode,
};
use super::extract::{
    AREAS_FILE, AREAS_HEADER, Area, Conversion, Extract, ExtractFiles, FOOTNOTES_FILE,
    FOOTNOTES_HEADER, Footnote, INDUSTRIES_FILE, INDUSTRIES_HEADER, Industry, Input,
    OCCUPATIONS_FILE, OCCUPATIONS_HEADER, Occupation, Published, RELEASE_FILE, Release,
    SERIES_FILE, Series, series_header,
};
use super::flat::{Fingerprint, Sha256Sum};
use super::value::Cell;
use crate::diagnostics::line_at;
use crate::diagnostics::{Date, Problem};
use crate::salary::money::Cents;

/// How far a published annual wage may be from the published hourly wage x 2,080.
///
/// BLS computes both from the same unrounded hourly wage, then rounds the hourly one to the cent
/// (off by at most half a cent, or $10.40 over 2,080 hours) and the annual one to the nearest
/// $10 (off by at most $5). So the published pair differ by at most $15.40; in May 2025 the
/// largest difference across all 2.1 million pairs is $15.20.
pub const ANNUAL_TOLERANCE: Cents = Cents(1540);

const REIMPORT: &str = "BLS's figures do not change after release: import again from BLS's files \
                        (README.md, \"Refreshing the pay data\") rather than edit the extract";

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
                "write the extract with `him-guide data import-oews` (README.md, \"Refreshing the \
                 pay data\"), or pass --site-dir with the folder that holds content/",
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
    areas: HashMap<AreaCode, AreaType>,
    industries: HashSet<IndustryCode>,
    occupations: HashSet<Soc>,
    footnotes: HashSet<FootnoteCode>,
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

    /// The rows of a table after its release line and header, as (line, fields); checks both
    /// lines and each row's column count. A row with the wrong count is reported and skipped.
    fn table<'t>(
        &mut self,
        file: &str,
        text: &'t str,
        header: &str,
        release: Option<ReleaseCode>,
    ) -> Vec<(usize, Vec<&'t str>)> {
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
        let mut rows = Vec::new();
        for (i, line) in lines.enumerate() {
            let number = i + 3;
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != columns {
                self.problem(
                    file,
                    Some(number),
                    format!("{} columns where the header has {columns}", fields.len()),
                    "separate the columns with single tabs, one per column of the header",
                );
                continue;
            }
            rows.push((number, fields));
        }
        rows
    }

    fn release(&mut self, text: &str) -> Option<Release> {
        let raw: RawRelease = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                let line = err.span().map(|span| line_at(text, span.start));
                self.problem(
                    RELEASE_FILE,
                    line,
                    format!("cannot read it: {}", err.message()),
                    "import again, or correct the line (keys and tables are as the import writes them)",
                );
                return None;
            }
        };
        let before = self.problems.len();
        let line = |span: std::ops::Range<usize>| Some(line_at(text, span.start));
        let code = ReleaseCode::parse(raw.code.get_ref());
        if code.is_none() {
            self.problem(
                RELEASE_FILE,
                line(raw.code.span()),
                format!("`{}` is not a BLS release code", raw.code.get_ref()),
                "write the code as in oe.release, for example \"2025A01\"",
            );
        }
        let published = self.date(text, &raw.published, "published");
        let retrieved = self.date(text, &raw.retrieved, "retrieved");
        let conversion = raw.conversion.and_then(|c| {
            Some(Conversion {
                package: c.package,
                wheel: match (c.wheel, c.wheel_sha256) {
                    (Some(wheel), Some(sha)) => Some((wheel, self.sha256(text, &sha)?)),
                    _ => None,
                },
                database_file: c.database_file,
                database_file_sha256: self.sha256(text, &c.database_file_sha256)?,
                database_sha256: match c.database_sha256 {
                    Some(sha) => Some(self.sha256(text, &sha)?),
                    None => None,
                },
                script: c.script,
            })
        });
        let mut inputs = Vec::new();
        for input in raw.input {
            let span = input.span();
            let input = input.into_inner();
            let published = match (
                input.published,
                input.published_bytes,
                input.published_sha256,
            ) {
                (None, None, None) => None,
                (Some(date), Some(bytes), Some(sha)) => Some(Published {
                    date: self.date(text, &date, "published")?,
                    bytes,
                    sha256: self.sha256(text, &sha)?,
                }),
                _ => {
                    self.problem(
                        RELEASE_FILE,
                        line(span),
                        format!("input {} has some of published, published_bytes and published_sha256 but not all", input.file),
                        "give all three, as BLS's download recorded them, or none",
                    );
                    None
                }
            };
            inputs.push(Input {
                file: input.file,
                url: input.url,
                published,
                read: Fingerprint {
                    bytes: input.read_bytes,
                    sha256: self.sha256(text, &input.read_sha256)?,
                },
            });
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Release {
            code: code?,
            name: raw.name,
            published: published?,
            retrieved: retrieved?,
            command: raw.command,
            conversion,
            inputs,
        })
    }

    fn date(
        &mut self,
        text: &str,
        date: &Spanned<toml::value::Datetime>,
        key: &str,
    ) -> Option<Date> {
        let value = date.get_ref();
        let parsed = match (value.date, value.time, value.offset) {
            (Some(d), None, None) => Some(Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => None,
        };
        if parsed.is_none() {
            self.problem(
                RELEASE_FILE,
                Some(line_at(text, date.span().start)),
                format!("{key} should be a date without a time, not {value}"),
                "write the date as YYYY-MM-DD",
            );
        }
        parsed
    }

    fn sha256(&mut self, text: &str, sha: &Spanned<String>) -> Option<Sha256Sum> {
        let parsed = Sha256Sum::parse(sha.get_ref());
        if parsed.is_none() {
            self.problem(
                RELEASE_FILE,
                Some(line_at(text, sha.span().start)),
                format!("`{}` is not a SHA-256 (64 hex digits)", sha.get_ref()),
                "copy the SHA-256 from the import's output, or import again",
            );
        }
        parsed
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
        let mut seen = HashSet::new();
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

    fn series(&mut self, text: &str, release: Option<ReleaseCode>, known: &Known) -> Vec<Series> {
        let header = series_header();
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (line, fields) in self.table(SERIES_FILE, text, &header, release) {
            let here = Some(line);
            let Some(key) = SeriesKey::parse(fields[0]) else {
                self.problem(
                    SERIES_FILE,
                    here,
                    format!("`{}` is not a series key: OEU, area type N/S/M, 7-digit area, 6-character industry, 6-digit SOC", fields[0]),
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
                        format!("series {key} says area {} is of type {}, but areas.tsv says {area_type}", key.area, key.area_type),
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
            let mut cells: [Option<Cell>; 17] = [None; 17];
            for (datatype, text) in Datatype::ALL.into_iter().zip(&fields[1..]) {
                if text.is_empty() {
                    continue;
                }
                match Cell::parse(datatype, text) {
                    Ok(cell) => {
                        if let Some(code) = cell.footnote().filter(|c| !known.footnotes.contains(c))
                        {
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
            let series = Series::new(key, cells);
            for message in check_values(&series) {
                consistent = false;
                self.problem(
                    SERIES_FILE,
                    here,
                    format!("series {key}: {message}"),
                    REIMPORT,
                );
            }
            if consistent {
                out.push(series);
            }
        }
        out
    }
}

/// Whether an area's code agrees with its type and state: the nation is `0000000` in state `00`,
/// a state's code is its FIPS code and `00000`, a nonmetro area's code starts with its state's
/// FIPS code (metro areas are `00` and the 5-digit CBSA code).
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    code: Spanned<String>,
    name: String,
    published: Spanned<toml::value::Datetime>,
    retrieved: Spanned<toml::value::Datetime>,
    command: String,
    conversion: Option<RawConversion>,
    #[serde(default)]
    input: Vec<Spanned<RawInput>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConversion {
    package: String,
    wheel: Option<String>,
    wheel_sha256: Option<Spanned<String>>,
    database_file: String,
    database_file_sha256: Spanned<String>,
    database_sha256: Option<Spanned<String>>,
    script: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    file: String,
    url: String,
    published: Option<Spanned<toml::value::Datetime>>,
    published_bytes: Option<u64>,
    published_sha256: Option<Spanned<String>>,
    read_bytes: u64,
    read_sha256: Spanned<String>,
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
