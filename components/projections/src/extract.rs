//! The projections extract on disk: `content/projections/release.toml` (which edition, where it
//! came from) and `occupations.tsv` (one row per occupation), written by the import and read at
//! start-up, each problem with its file, line and fix.

use std::fmt::Write as _;
use std::path::Path;

use diagnostics::{Date, Problem, toml_date};
use oews::Soc;
use serde::Deserialize;

use crate::{OccupationProjection, Tenths};

/// The extract's folder, under the site folder.
pub const EXTRACT_DIR: &str = "content/projections";
const RELEASE_FILE: &str = "release.toml";
const TABLE_FILE: &str = "occupations.tsv";

/// The extract's columns, in order.
const COLUMNS: [&str; 17] = [
    "soc",
    "title",
    "employment_start",
    "employment_end",
    "change",
    "change_percent",
    "openings_per_year",
    "exits_per_year",
    "transfers_per_year",
    "separations_per_year",
    "exit_rate",
    "transfer_rate",
    "separations_rate",
    "median_wage",
    "education",
    "experience",
    "training",
];

/// Which edition of the projections the extract holds, and the copy of BLS's workbook it was read
/// from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `2024-34`, as BLS names the edition.
    pub edition: String,
    pub start_year: u16,
    pub end_year: u16,
    /// The day BLS released the edition, and the day the copy read was retrieved.
    pub published: Date,
    pub retrieved: Date,
    /// BLS's address of the workbook, and of its tables' page for readers.
    pub url: String,
    pub tables_url: String,
    /// The copy read: its size and SHA-256.
    pub read_bytes: u64,
    pub read_sha256: String,
    /// The command that wrote the extract.
    pub command: String,
}

/// The extract: the edition, and one projection for each occupation the guide names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projections {
    pub release: Release,
    pub occupations: Vec<OccupationProjection>,
}

impl Projections {
    pub fn for_soc(&self, soc: Soc) -> Option<&OccupationProjection> {
        self.occupations.iter().find(|o| o.soc == soc)
    }

    /// The two files of the extract, as the import writes them.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(RELEASE_FILE), self.release_toml())?;
        std::fs::write(dir.join(TABLE_FILE), self.table_tsv())
    }

    fn release_toml(&self) -> String {
        let r = &self.release;
        format!(
            "# BLS's Employment Projections edition this folder holds, and the copy it was read from.\n\
             # Written by him-guide data import-projections; import again rather than edit\n\
             # (docs/data-refresh.md, \"Refreshing the projections\").\n\
             edition = {edition:?}\n\
             start_year = {start}\n\
             end_year = {end}\n\
             published = {published}\n\
             retrieved = {retrieved}\n\
             url = {url:?}\n\
             tables_url = {tables:?}\n\
             read_bytes = {bytes}\n\
             read_sha256 = {sha:?}\n\
             command = {command:?}\n",
            edition = r.edition,
            start = r.start_year,
            end = r.end_year,
            published = r.published.iso(),
            retrieved = r.retrieved.iso(),
            url = r.url,
            tables = r.tables_url,
            bytes = r.read_bytes,
            sha = r.read_sha256,
            command = r.command,
        )
    }

    fn table_tsv(&self) -> String {
        let mut out = COLUMNS.join("\t");
        out.push('\n');
        for o in &self.occupations {
            let wage = o.median_wage.map_or(String::new(), |w| w.to_string());
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                o.soc,
                o.title,
                o.employment_start,
                o.employment_end,
                o.change,
                o.change_percent,
                o.openings_per_year,
                o.exits_per_year,
                o.transfers_per_year,
                o.separations_per_year,
                o.exit_rate,
                o.transfer_rate,
                o.separations_rate,
                wage,
                o.education,
                o.experience,
                o.training,
            );
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseFile {
    edition: String,
    start_year: u16,
    end_year: u16,
    published: toml::value::Datetime,
    retrieved: toml::value::Datetime,
    url: String,
    tables_url: String,
    read_bytes: u64,
    read_sha256: String,
    command: String,
}

/// Reads and checks the extract under `site_dir`; `Ok(None)` when the site has none.
pub fn load(site_dir: &Path) -> Result<Option<Projections>, Vec<Problem>> {
    let dir = site_dir.join(EXTRACT_DIR);
    if !dir.is_dir() {
        return Ok(None);
    }
    let release_path = Path::new(EXTRACT_DIR).join(RELEASE_FILE);
    let table_path = Path::new(EXTRACT_DIR).join(TABLE_FILE);
    let reimport =
        "import the projections again (docs/data-refresh.md, \"Refreshing the projections\")";
    let read = |name: &str, shown: &Path| {
        std::fs::read_to_string(dir.join(name)).map_err(|err| {
            vec![Problem::new(
                shown,
                None,
                format!("cannot read the projections extract: {err}"),
                reimport,
            )]
        })
    };
    let release_text = read(RELEASE_FILE, &release_path)?;
    let table_text = read(TABLE_FILE, &table_path)?;
    let release = read_release(&release_text, &release_path, reimport);
    let occupations = read_table(&table_text, &table_path, reimport);
    match (release, occupations) {
        (Ok(release), Ok(occupations)) => Ok(Some(Projections {
            release,
            occupations,
        })),
        (release, occupations) => Err(release
            .err()
            .into_iter()
            .flatten()
            .chain(occupations.err().into_iter().flatten())
            .collect()),
    }
}

fn read_release(text: &str, path: &Path, fix: &str) -> Result<Release, Vec<Problem>> {
    let file: ReleaseFile = toml::from_str(text).map_err(|err| {
        let line = err
            .span()
            .map(|span| diagnostics::line_at(text, span.start));
        vec![Problem::new(path, line, err.message().to_string(), fix)]
    })?;
    let mut problems = Vec::new();
    let mut date = |value: &toml::value::Datetime, key: &str| {
        toml_date(value).unwrap_or_else(|| {
            problems.push(Problem::new(
                path,
                None,
                format!("`{key}` is not a date"),
                format!("write `{key}` as a date, as in `{key} = 2025-08-28`"),
            ));
            Date::default()
        })
    };
    let published = date(&file.published, "published");
    let retrieved = date(&file.retrieved, "retrieved");
    if file.end_year <= file.start_year {
        problems.push(Problem::new(
            path,
            None,
            format!(
                "the window ends ({}) before it starts ({})",
                file.end_year, file.start_year
            ),
            fix,
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Release {
        edition: file.edition,
        start_year: file.start_year,
        end_year: file.end_year,
        published,
        retrieved,
        url: file.url,
        tables_url: file.tables_url,
        read_bytes: file.read_bytes,
        read_sha256: file.read_sha256,
        command: file.command,
    })
}

fn read_table(
    text: &str,
    path: &Path,
    fix: &str,
) -> Result<Vec<OccupationProjection>, Vec<Problem>> {
    let mut seen = Vec::new();
    diagnostics::read_tsv(text, path, &COLUMNS, fix, |cells| {
        let row = read_row(cells)?;
        if seen.contains(&row.soc) {
            return Err(format!("{} has a second row", row.soc));
        }
        seen.push(row.soc);
        Ok(row)
    })
}

/// One row of the table, or what is wrong with its first bad cell.
fn read_row(cells: &[&str]) -> Result<OccupationProjection, String> {
    let cell = |i: usize| cells[i];
    let jobs = |i: usize| -> Result<i64, String> {
        let text = cell(i);
        let (sign, digits) = text.strip_prefix('-').map_or((1, text), |d| (-1, d));
        oews::value::parse_fixed(digits, 0)
            .and_then(|n| i64::try_from(n).ok())
            .map(|n| sign * n)
            .ok_or_else(|| format!("`{text}` in {} is not a whole number of jobs", COLUMNS[i]))
    };
    let tenths = |i: usize| {
        Tenths::parse(cell(i)).ok_or_else(|| {
            format!(
                "`{}` in {} is not a number with one decimal, as in 7.1",
                cell(i),
                COLUMNS[i]
            )
        })
    };
    let words = |i: usize| {
        let text = cell(i);
        if text.is_empty() {
            Err(format!("{} is empty", COLUMNS[i]))
        } else {
            Ok(text.to_string())
        }
    };
    let soc = Soc::parse(cell(0))
        .ok_or_else(|| format!("`{}` is not a SOC code, as in 29-2072", cell(0)))?;
    let median_wage = match cell(13) {
        "" => None,
        text => Some(text.parse::<u32>().map_err(|_| {
            format!("`{text}` in median_wage is not whole dollars (or empty where BLS shows none)")
        })?),
    };
    Ok(OccupationProjection {
        soc,
        title: words(1)?,
        employment_start: jobs(2)?,
        employment_end: jobs(3)?,
        change: jobs(4)?,
        change_percent: tenths(5)?,
        openings_per_year: jobs(6)?,
        exits_per_year: jobs(7)?,
        transfers_per_year: jobs(8)?,
        separations_per_year: jobs(9)?,
        exit_rate: tenths(10)?,
        transfer_rate: tenths(11)?,
        separations_rate: tenths(12)?,
        median_wage,
        education: words(14)?,
        experience: words(15)?,
        training: words(16)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BLS 2024-34, Table 1.2 and Table 1.10, medical records specialists (29-2072).
    fn specialists() -> OccupationProjection {
        OccupationProjection {
            soc: Soc::parse("29-2072").unwrap(),
            title: "Medical records specialists".into(),
            employment_start: 194_800,
            employment_end: 208_600,
            change: 13_800,
            change_percent: Tenths(71),
            openings_per_year: 14_200,
            exits_per_year: 7_100,
            transfers_per_year: 5_800,
            separations_per_year: 12_900,
            exit_rate: Tenths(35),
            transfer_rate: Tenths(29),
            separations_rate: Tenths(64),
            median_wage: Some(50_250),
            education: "Postsecondary nondegree award".into(),
            experience: "None".into(),
            training: "None".into(),
        }
    }

    fn extract() -> Projections {
        Projections {
            release: Release {
                edition: "2024-34".into(),
                start_year: 2024,
                end_year: 2034,
                published: Date {
                    year: 2025,
                    month: 8,
                    day: 28,
                },
                retrieved: Date {
                    year: 2026,
                    month: 12,
                    day: 4,
                },
                url: "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx".into(),
                tables_url: "https://www.bls.gov/emp/tables.htm".into(),
                read_bytes: 407_365,
                read_sha256: "ab".repeat(32),
                command: "him-guide data import-projections occupation.xlsx".into(),
            },
            occupations: vec![specialists()],
        }
    }

    fn site_with(release: &str, table: &str) -> tempdir::Dir {
        let site = tempdir::Dir::new();
        let dir = site.path().join(EXTRACT_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(RELEASE_FILE), release).unwrap();
        std::fs::write(dir.join(TABLE_FILE), table).unwrap();
        site
    }

    #[test]
    fn an_extract_written_reads_back_the_same() {
        let site = tempdir::Dir::new();
        let written = extract();
        written.write(&site.path().join(EXTRACT_DIR)).unwrap();
        assert_eq!(load(site.path()).unwrap(), Some(written));
    }

    #[test]
    fn a_site_without_projections_loads_none() {
        let site = tempdir::Dir::new();
        assert_eq!(load(site.path()).unwrap(), None);
    }

    #[test]
    fn each_bad_row_is_reported_with_its_line() {
        let good = extract();
        let table = good.table_tsv();
        let row = table.lines().nth(1).unwrap();
        let bad_soc = row.replacen("29-2072", "29-20X2", 1);
        let bad_percent = row.replacen("\t7.1\t", "\t7\t", 1);
        let short = row.rsplit_once('\t').unwrap().0.to_string();
        let broken = format!(
            "{}\n{bad_soc}\n{row}\n{bad_percent}\n{short}\n{row}\n",
            COLUMNS.join("\t")
        );
        let site = site_with(&good.release_toml(), &broken);
        let problems = load(site.path()).unwrap_err();
        let found: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(2), "`29-20X2` is not a SOC code, as in 29-2072"),
                (
                    Some(4),
                    "`7` in change_percent is not a number with one decimal, as in 7.1"
                ),
                (Some(5), "16 cells where the header has 17"),
                (Some(6), "29-2072 has a second row"),
            ]
        );
        assert!(problems.iter().all(|p| p.file.ends_with("occupations.tsv")));
        assert!(problems[0].fix.contains("import the projections again"));
    }

    #[test]
    fn a_bad_release_file_names_its_line() {
        let good = extract();
        let release = good
            .release_toml()
            .replace("end_year = 2034", "end_year = \"2034\"");
        let site = site_with(&release, &good.table_tsv());
        let problems = load(site.path()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(6));
        assert!(problems[0].file.ends_with("release.toml"));
    }

    /// A folder under the system's temporary directory, removed when dropped.
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};

        pub(crate) struct Dir(PathBuf);

        impl Dir {
            pub(crate) fn new() -> Dir {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "him-projections-{}-{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }

            pub(crate) fn path(&self) -> &Path {
                &self.0
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
