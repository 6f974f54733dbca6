//! The schools extract on disk: `content/schools/release.toml` (the files read, each with its
//! publisher's year and source), `schools.tsv` (one row per school) and `programmes.tsv` (one row
//! per school, field and award level), written by the import and read at start-up, each problem
//! with its file, line and fix.

use std::fmt::Write as _;
use std::path::Path;

use diagnostics::{Date, Problem, toml_date};
use oews::{AreaCode, AreaType, Extract, StateCode};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::{Cbsa, CbsaType, Control, Field, Level, Programme, School, Schools, UnitId};

/// The extract's folder, under the site folder.
pub const EXTRACT_DIR: &str = "content/schools";
const RELEASE_FILE: &str = "release.toml";
const SCHOOLS_FILE: &str = "schools.tsv";
const PROGRAMMES_FILE: &str = "programmes.tsv";
const SCHOOL_COLUMNS: [&str; 17] = [
    "unitid",
    "name",
    "city",
    "state",
    "fips",
    "zip",
    "county",
    "cbsa",
    "cbsa_type",
    "area",
    "control",
    "website",
    "net_price_url",
    "tuition_in_state",
    "tuition_out_of_state",
    "graduation_percent",
    "earnings_10_years",
];
const PROGRAMME_COLUMNS: [&str; 4] = ["unitid", "cip", "awlevel", "completers"];
const REIMPORT: &str =
    "import the schools again (docs/data-refresh.md, \"Refreshing the schools\")";

/// What each file read gives the extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// NCES IPEDS completions: the programmes and their completers.
    Completions,
    /// NCES IPEDS institutional characteristics: name, place, control, addresses.
    Directory,
    /// IPEDS published tuition and fees.
    Tuition,
    /// IPEDS graduation rates.
    Graduation,
    /// College Scorecard institution-level earnings.
    Earnings,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Completions,
        Role::Directory,
        Role::Tuition,
        Role::Graduation,
        Role::Earnings,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Role::Completions => "completions",
            Role::Directory => "directory",
            Role::Tuition => "tuition",
            Role::Graduation => "graduation",
            Role::Earnings => "earnings",
        }
    }
}

/// One file read, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub role: Role,
    /// The id of its entry in `content/sources.toml`.
    pub source: String,
    /// The year the figures describe, as the publisher labels it: `2023-24`.
    pub year: String,
    /// The official download the copy stands for.
    pub url: String,
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
    /// Where the copy read was itself converted from another file, that file and how.
    #[serde(default)]
    pub converted_from: Option<Conversion>,
}

/// A file converted into the form the import reads, and the step that did it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
    /// The command that converted it.
    pub by: String,
}

/// The files read, the OEWS release whose areas the schools were matched to, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The academic year of the completions: `2023-24`.
    pub academic_year: String,
    pub retrieved: Date,
    /// BLS's name of the OEWS release whose metro areas the schools were matched to: `May 2025`.
    pub oews_release: String,
    /// The command that wrote the extract.
    pub command: String,
    pub files: Vec<SourceFile>,
}

impl Release {
    /// The file that gave the extract `role`; every release has one of each (checked at load).
    pub fn file(&self, role: Role) -> &SourceFile {
        self.files
            .iter()
            .find(|f| f.role == role)
            .unwrap_or_else(|| &self.files[0])
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseFile {
    academic_year: String,
    retrieved: toml::value::Datetime,
    oews_release: String,
    command: String,
    files: Vec<SourceFile>,
}

impl Schools {
    /// A problem for each way the extract and the OEWS `extract` disagree: another release, or a
    /// school placed in an area BLS does not publish as a metro area.
    pub fn check_against(&self, extract: &Extract) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.release.oews_release != extract.release.name {
            problems.push(Problem::new(
                Path::new(EXTRACT_DIR).join(RELEASE_FILE),
                None,
                format!(
                    "the schools were matched to the areas of OEWS {}, and the pay data is {}",
                    self.release.oews_release, extract.release.name
                ),
                format!("{REIMPORT}: the OEWS extract changed since"),
            ));
        }
        for school in &self.schools {
            let Some(area) = school.area else { continue };
            let known = extract
                .area(area)
                .is_some_and(|a| a.area_type == AreaType::Metro);
            if !known {
                problems.push(Problem::new(
                    Path::new(EXTRACT_DIR).join(SCHOOLS_FILE),
                    self.lines.get(&school.unitid).copied(),
                    format!(
                        "{} ({}) is placed in the area {}, which the OEWS extract has no metro area for",
                        school.name, school.unitid, area
                    ),
                    format!("{REIMPORT}, or empty its `area` cell"),
                ));
            }
        }
        problems
    }

    /// A problem for each file read whose source id `known` does not know (the ids of
    /// `content/sources.toml`), at its `source` line in `release.toml`.
    pub fn check_sources(&self, known: impl Fn(&str) -> bool) -> Vec<Problem> {
        self.release
            .files
            .iter()
            .filter(|file| !known(&file.source))
            .map(|file| {
                Problem::new(
                    Path::new(EXTRACT_DIR).join(RELEASE_FILE),
                    self.source_lines.get(&file.source).copied(),
                    format!(
                        "the schools' {} file {} has no source `{}`",
                        file.role.name(),
                        file.name,
                        file.source
                    ),
                    format!(
                        "add a [[source]] with id = \"{}\" to content/sources.toml",
                        file.source
                    ),
                )
            })
            .collect()
    }

    /// The three files of the extract, as the import writes them.
    pub fn write(&self, dir: &Path, release_toml: &str) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(RELEASE_FILE), release_toml)?;
        std::fs::write(dir.join(SCHOOLS_FILE), self.schools_tsv())?;
        std::fs::write(dir.join(PROGRAMMES_FILE), self.programmes_tsv())
    }

    fn schools_tsv(&self) -> String {
        let mut out = format!(
            "# The schools that awarded an HIM credential (CIP {}) in {}, from NCES IPEDS and College Scorecard; area is the OEWS {} metro area. Written by him-guide data import-schools; see release.toml.\n{}\n",
            Field::ALL.map(Field::cip).join(", "),
            self.release.academic_year,
            self.release.oews_release,
            SCHOOL_COLUMNS.join("\t")
        );
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        for s in &self.schools {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                s.unitid,
                s.name,
                s.city,
                s.state,
                s.fips,
                s.zip,
                s.county,
                s.cbsa.as_ref().map_or("", |c| c.code.as_str()),
                s.cbsa.as_ref().map_or("", |c| c.kind.slug()),
                s.area.map(|a| a.to_string()).unwrap_or_default(),
                s.control.slug(),
                s.website.as_deref().unwrap_or_default(),
                s.net_price_url.as_deref().unwrap_or_default(),
                number(s.tuition_in_state),
                number(s.tuition_out_of_state),
                number(s.graduation_percent.map(u32::from)),
                number(s.earnings_10_years),
            );
        }
        out
    }

    fn programmes_tsv(&self) -> String {
        let mut out = format!(
            "# Each school's HIM programmes: CIP code, IPEDS award level and completers (first majors) in {}. Written by him-guide data import-schools; see release.toml.\n{}\n",
            self.release.academic_year,
            PROGRAMME_COLUMNS.join("\t")
        );
        let mut schools: Vec<&School> = self.schools.iter().collect();
        schools.sort_by_key(|s| s.unitid);
        for s in schools {
            for p in &s.programmes {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    s.unitid,
                    p.field.cip(),
                    p.awlevel,
                    p.completers
                );
            }
        }
        out
    }
}

/// Reads and checks the extract under `site_dir`; `Ok(None)` when the site has none.
pub fn load(site_dir: &Path) -> Result<Option<Schools>, Vec<Problem>> {
    let dir = site_dir.join(EXTRACT_DIR);
    if !dir.is_dir() {
        return Ok(None);
    }
    let shown = |name: &str| Path::new(EXTRACT_DIR).join(name);
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|err| {
            vec![Problem::new(
                shown(name),
                None,
                format!("cannot read the schools extract: {err}"),
                REIMPORT,
            )]
        })
    };
    let release_text = read(RELEASE_FILE)?;
    let release = read_release(&release_text, &shown(RELEASE_FILE));
    let schools = read_schools(&read(SCHOOLS_FILE)?, &shown(SCHOOLS_FILE));
    let (release, (mut schools, lines)) = match (release, schools) {
        (Ok(release), Ok(schools)) => (release, schools),
        (release, schools) => {
            return Err(release
                .err()
                .into_iter()
                .flatten()
                .chain(schools.err().into_iter().flatten())
                .collect());
        }
    };
    read_programmes(
        &read(PROGRAMMES_FILE)?,
        &shown(PROGRAMMES_FILE),
        &mut schools,
        &lines,
    )?;
    let mut schools = Schools::new(release, schools);
    schools.lines = lines;
    schools.source_lines = source_lines(&release_text);
    Ok(Some(schools))
}

/// The line of each `source = "id"` in `release.toml`, for problems with a source found later.
fn source_lines(text: &str) -> FxHashMap<String, usize> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (key, value) = line.split_once('=')?;
            let id = value.trim().strip_prefix('"')?.strip_suffix('"')?;
            (key.trim() == "source").then(|| (id.to_string(), i + 1))
        })
        .collect()
}

fn read_release(text: &str, path: &Path) -> Result<Release, Vec<Problem>> {
    let problem = |line, message: String, fix: String| vec![Problem::new(path, line, message, fix)];
    let file: ReleaseFile = toml::from_str(text).map_err(|err| {
        let line = err
            .span()
            .map(|span| diagnostics::line_at(text, span.start));
        problem(line, err.message().to_string(), REIMPORT.into())
    })?;
    let retrieved = toml_date(&file.retrieved).ok_or_else(|| {
        problem(
            None,
            "`retrieved` is not a date".into(),
            "write it as a date, as in `retrieved = 2026-12-04`".into(),
        )
    })?;
    for role in Role::ALL {
        let count = file.files.iter().filter(|f| f.role == role).count();
        if count != 1 {
            return Err(problem(
                None,
                format!(
                    "{count} [[files]] with role = \"{}\", where the extract needs one",
                    role.name()
                ),
                REIMPORT.into(),
            ));
        }
    }
    Ok(Release {
        academic_year: file.academic_year,
        retrieved,
        oews_release: file.oews_release,
        command: file.command,
        files: file.files,
    })
}

type SchoolRows = (Vec<School>, FxHashMap<UnitId, usize>);

fn read_schools(text: &str, path: &Path) -> Result<SchoolRows, Vec<Problem>> {
    let mut lines = FxHashMap::default();
    let schools =
        diagnostics::read_numbered_tsv(text, path, &SCHOOL_COLUMNS, REIMPORT, |line, cells| {
            let school = read_school(cells)?;
            if lines.insert(school.unitid, line).is_some() {
                return Err(format!("the school {} has a second row", school.unitid));
            }
            Ok(school)
        })?;
    Ok((schools, lines))
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

fn optional_number<T: std::str::FromStr>(cell: &str, column: &str) -> Result<Option<T>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    if !cell.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{column} `{cell}` is not a whole number"));
    }
    cell.parse()
        .map(Some)
        .map_err(|_| format!("{column} `{cell}` is out of range"))
}

fn read_school(cells: &[&str]) -> Result<School, String> {
    let [
        unitid,
        name,
        city,
        state,
        fips,
        zip,
        county,
        cbsa,
        cbsa_type,
        area,
        control,
        website,
        net_price_url,
        tuition_in_state,
        tuition_out_of_state,
        graduation_percent,
        earnings_10_years,
    ] = cells[..]
    else {
        return Err(format!("{} cells where the extract has 17", cells.len()));
    };
    let unitid =
        UnitId::parse(unitid).ok_or_else(|| format!("`{unitid}` is not a 6-digit UNITID"))?;
    if name.is_empty() || city.is_empty() {
        return Err("name and city must not be empty".into());
    }
    if state.len() != 2 || !state.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("`{state}` is not a two-letter postal abbreviation"));
    }
    let fips =
        StateCode::parse(fips).ok_or_else(|| format!("`{fips}` is not a 2-digit FIPS code"))?;
    let cbsa = match (cbsa, cbsa_type) {
        ("", "") => None,
        (code, kind) => {
            let kind = CbsaType::from_slug(kind)
                .ok_or_else(|| format!("cbsa_type `{kind}` is not metro or micro"))?;
            if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{code}` is not a 5-digit CBSA code"));
            }
            Some(Cbsa {
                code: code.to_string(),
                kind,
            })
        }
    };
    let area = match area {
        "" => None,
        code => Some(
            AreaCode::parse(code)
                .ok_or_else(|| format!("`{code}` is not a 7-digit OEWS area code"))?,
        ),
    };
    if let (Some(area), Some(cbsa)) = (area, &cbsa)
        && area.as_str()[2..] != cbsa.code
    {
        return Err(format!(
            "the area {area} is not the OEWS code of the CBSA {} (00{})",
            cbsa.code, cbsa.code
        ));
    }
    let control = Control::from_slug(control)
        .ok_or_else(|| format!("control `{control}` is not public, nonprofit or for-profit"))?;
    let graduation_percent = optional_number::<u8>(graduation_percent, "graduation_percent")?;
    if graduation_percent.is_some_and(|p| p > 100) {
        return Err("graduation_percent is above 100".into());
    }
    Ok(School {
        unitid,
        name: name.to_string(),
        city: city.to_string(),
        state: state.to_string(),
        fips,
        zip: zip.to_string(),
        county: county.to_string(),
        cbsa,
        area,
        control,
        website: optional(website),
        net_price_url: optional(net_price_url),
        tuition_in_state: optional_number(tuition_in_state, "tuition_in_state")?,
        tuition_out_of_state: optional_number(tuition_out_of_state, "tuition_out_of_state")?,
        graduation_percent,
        earnings_10_years: optional_number(earnings_10_years, "earnings_10_years")?,
        programmes: Vec::new(),
    })
}

fn read_programmes(
    text: &str,
    path: &Path,
    schools: &mut [School],
    lines: &FxHashMap<UnitId, usize>,
) -> Result<(), Vec<Problem>> {
    let positions: FxHashMap<UnitId, usize> = schools
        .iter()
        .enumerate()
        .map(|(i, s)| (s.unitid, i))
        .collect();
    let mut seen = FxHashSet::default();
    let rows = diagnostics::read_tsv(text, path, &PROGRAMME_COLUMNS, REIMPORT, |cells| {
        let [unitid, cip, awlevel, completers] = cells[..] else {
            return Err(format!("{} cells where the extract has 4", cells.len()));
        };
        let unitid =
            UnitId::parse(unitid).ok_or_else(|| format!("`{unitid}` is not a 6-digit UNITID"))?;
        let school = *positions.get(&unitid).ok_or_else(|| {
            format!("the school {unitid} has a programme and no row in {SCHOOLS_FILE}")
        })?;
        let field = Field::from_cip(cip).ok_or_else(|| {
            format!(
                "`{cip}` is not one of the HIM programme codes ({})",
                Field::ALL.map(Field::cip).join(", ")
            )
        })?;
        let code: u8 = awlevel
            .parse()
            .map_err(|_| format!("`{awlevel}` is not an IPEDS award level"))?;
        let level = Level::from_awlevel(code)
            .ok_or_else(|| format!("`{awlevel}` is not an IPEDS award level of 2024"))?;
        let completers = completers
            .parse()
            .map_err(|_| format!("completers `{completers}` is not a whole number"))?;
        if !seen.insert((unitid, field, code)) {
            return Err(format!(
                "the school {unitid} has a second row for {cip} at level {code}"
            ));
        }
        Ok((
            school,
            Programme {
                field,
                level,
                awlevel: code,
                completers,
            },
        ))
    })?;
    for (school, programme) in rows {
        schools[school].programmes.push(programme);
    }
    let problems: Vec<Problem> = schools
        .iter()
        .filter(|s| s.programmes.is_empty())
        .map(|s| {
            Problem::new(
                Path::new(EXTRACT_DIR).join(SCHOOLS_FILE),
                lines.get(&s.unitid).copied(),
                format!(
                    "{} ({}) has no HIM programme in {PROGRAMMES_FILE}",
                    s.name, s.unitid
                ),
                format!("{REIMPORT}, or remove its row"),
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn release() -> Release {
        Release {
            academic_year: "2023-24".into(),
            retrieved: Date {
                year: 2026,
                month: 12,
                day: 4,
            },
            oews_release: "May 2025".into(),
            command: "test".into(),
            files: Vec::new(),
        }
    }
}
