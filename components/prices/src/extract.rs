//! The price extract on disk: `content/prices/release.toml` (which year, which OEWS release its
//! areas come from, BEA's files read) and `parities.tsv` (one row per OEWS area), written by the
//! import and read at start-up, each problem with its file, line and fix.

use std::fmt::Write as _;
use std::path::Path;

use diagnostics::{Date, Problem, toml_date};
use oews::{AreaCode, Extract};
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::{AreaPrice, Measure, Parity, PriceLevel};

/// The extract's folder, under the site folder.
pub const EXTRACT_DIR: &str = "content/prices";
const RELEASE_FILE: &str = "release.toml";
const TABLE_FILE: &str = "parities.tsv";
const COLUMNS: [&str; 6] = ["area", "name", "measure", "bea_code", "bea_name", "rpp"];
const REIMPORT: &str =
    "import the price levels again (docs/data-refresh.md, \"Refreshing the price levels\")";

/// The year of BEA's price levels, the OEWS release whose areas were matched, and the files read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub year: u16,
    /// The day BEA released the year's levels (the newest of its tables' notes), and the day the
    /// copies read were retrieved.
    pub published: Date,
    pub retrieved: Date,
    /// BEA's page for the Regional Price Parities.
    pub url: String,
    /// BLS's name of the OEWS release whose areas the extract matched: `May 2025`.
    pub oews_release: String,
    /// The command that wrote the extract.
    pub command: String,
    pub files: Vec<SourceFile>,
}

impl Release {
    /// The id the guide's sources list this year's price levels under: `bea-rpp-2024`.
    pub fn source_id(&self) -> String {
        format!("bea-rpp-{}", self.year)
    }
}

/// One of BEA's tables as read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// `SARPP`, `MARPP` or `PARPP`.
    pub table: String,
    pub name: String,
    /// The date of the table's `Last updated` note.
    #[serde(deserialize_with = "date")]
    pub updated: Date,
    pub bytes: u64,
    pub sha256: String,
}

fn date<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    let value = toml::value::Datetime::deserialize(deserializer)?;
    toml_date(&value).ok_or_else(|| serde::de::Error::custom("expected a date, as in 2026-02-19"))
}

/// The extract: every OEWS area of one release and the price level that stands for it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prices {
    pub release: Release,
    /// In the OEWS extract's order.
    pub areas: Vec<AreaPrice>,
    positions: FxHashMap<AreaCode, usize>,
}

impl Prices {
    pub fn new(release: Release, areas: Vec<AreaPrice>) -> Prices {
        let positions = areas.iter().enumerate().map(|(i, a)| (a.area, i)).collect();
        Prices {
            release,
            areas,
            positions,
        }
    }

    /// The price level standing for the area, if BEA publishes one.
    pub fn parity(&self, area: AreaCode) -> Option<&Parity> {
        self.areas[*self.positions.get(&area)?].parity.as_ref()
    }

    /// The areas no BEA area matched.
    pub fn unmatched(&self) -> impl Iterator<Item = &AreaPrice> {
        self.areas.iter().filter(|a| a.parity.is_none())
    }

    /// A problem for each way the extract and the OEWS `extract` disagree: another release, or an
    /// area one has and the other lacks. The areas are matched at import, so either means the
    /// price levels must be imported again after the pay data.
    pub fn check_against(&self, extract: &Extract) -> Vec<Problem> {
        let table = Path::new(EXTRACT_DIR).join(TABLE_FILE);
        let fix = format!(
            "{REIMPORT}: the OEWS extract changed since the price levels were matched to its areas"
        );
        let mut problems = Vec::new();
        if self.release.oews_release != extract.release.name {
            problems.push(Problem::new(
                Path::new(EXTRACT_DIR).join(RELEASE_FILE),
                None,
                format!(
                    "the price levels were matched to the areas of OEWS {}, and the pay data is {}",
                    self.release.oews_release, extract.release.name
                ),
                fix.clone(),
            ));
        }
        for area in &extract.areas {
            if !self.positions.contains_key(&area.code) {
                problems.push(Problem::new(
                    &table,
                    None,
                    format!(
                        "no row for the OEWS area {} ({})",
                        area.code.as_str(),
                        area.name
                    ),
                    fix.clone(),
                ));
            }
        }
        for row in &self.areas {
            if extract.area(row.area).is_none() {
                problems.push(Problem::new(
                    &table,
                    None,
                    format!(
                        "the OEWS extract has no area {} ({})",
                        row.area.as_str(),
                        row.name
                    ),
                    fix.clone(),
                ));
            }
        }
        problems
    }

    /// The two files of the extract, as the import writes them.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(RELEASE_FILE), self.release_toml())?;
        std::fs::write(dir.join(TABLE_FILE), self.table_tsv())
    }

    fn release_toml(&self) -> String {
        let r = &self.release;
        let mut out = format!(
            "# BEA's Regional Price Parities (all items) this folder holds, and the copies read.\n\
             # Written by him-guide data import-prices; import again rather than edit\n\
             # (docs/data-refresh.md, \"Refreshing the price levels\").\n\
             year = {year}\n\
             published = {published}\n\
             retrieved = {retrieved}\n\
             url = {url:?}\n\
             oews_release = {oews:?}\n\
             command = {command:?}\n",
            year = r.year,
            published = r.published.iso(),
            retrieved = r.retrieved.iso(),
            url = r.url,
            oews = r.oews_release,
            command = r.command,
        );
        for file in &r.files {
            let _ = write!(
                out,
                "\n[[files]]\ntable = {:?}\nname = {:?}\nupdated = {}\nbytes = {}\nsha256 = {:?}\n",
                file.table,
                file.name,
                file.updated.iso(),
                file.bytes,
                file.sha256
            );
        }
        out
    }

    fn table_tsv(&self) -> String {
        let mut out = format!(
            "# BEA Regional Price Parities {}, all items, US = 100, for the areas of OEWS {}; empty where no BEA area matches. See release.toml.\n{}\n",
            self.release.year,
            self.release.oews_release,
            COLUMNS.join("\t")
        );
        for row in &self.areas {
            let _ = write!(out, "{}\t{}", row.area.as_str(), row.name);
            match &row.parity {
                Some(p) => {
                    let _ = writeln!(
                        out,
                        "\t{}\t{}\t{}\t{}",
                        p.measure.name(),
                        p.bea_code,
                        p.bea_name,
                        p.level
                    );
                }
                None => out.push_str("\t\t\t\t\n"),
            }
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseFile {
    year: u16,
    published: toml::value::Datetime,
    retrieved: toml::value::Datetime,
    url: String,
    oews_release: String,
    command: String,
    files: Vec<SourceFile>,
}

/// Reads and checks the extract under `site_dir`; `Ok(None)` when the site has none.
pub fn load(site_dir: &Path) -> Result<Option<Prices>, Vec<Problem>> {
    let dir = site_dir.join(EXTRACT_DIR);
    if !dir.is_dir() {
        return Ok(None);
    }
    let release_path = Path::new(EXTRACT_DIR).join(RELEASE_FILE);
    let table_path = Path::new(EXTRACT_DIR).join(TABLE_FILE);
    let read = |name: &str, shown: &Path| {
        std::fs::read_to_string(dir.join(name)).map_err(|err| {
            vec![Problem::new(
                shown,
                None,
                format!("cannot read the price extract: {err}"),
                REIMPORT,
            )]
        })
    };
    let release = read_release(&read(RELEASE_FILE, &release_path)?, &release_path);
    let areas = read_table(&read(TABLE_FILE, &table_path)?, &table_path);
    match (release, areas) {
        (Ok(release), Ok(areas)) => Ok(Some(Prices::new(release, areas))),
        (release, areas) => Err(release
            .err()
            .into_iter()
            .flatten()
            .chain(areas.err().into_iter().flatten())
            .collect()),
    }
}

fn read_release(text: &str, path: &Path) -> Result<Release, Vec<Problem>> {
    let file: ReleaseFile = toml::from_str(text).map_err(|err| {
        let line = err
            .span()
            .map(|span| diagnostics::line_at(text, span.start));
        vec![Problem::new(
            path,
            line,
            err.message().to_string(),
            REIMPORT,
        )]
    })?;
    let date = |value: &toml::value::Datetime, key: &str| {
        toml_date(value).ok_or_else(|| {
            vec![Problem::new(
                path,
                None,
                format!("`{key}` is not a date"),
                format!("write `{key}` as a date, as in `{key} = 2026-02-19`"),
            )]
        })
    };
    Ok(Release {
        year: file.year,
        published: date(&file.published, "published")?,
        retrieved: date(&file.retrieved, "retrieved")?,
        url: file.url,
        oews_release: file.oews_release,
        command: file.command,
        files: file.files,
    })
}

fn read_table(text: &str, path: &Path) -> Result<Vec<AreaPrice>, Vec<Problem>> {
    // Thousands of rows at the largest: a set, not a scan of the rows read, finds a second row.
    let mut seen = rustc_hash::FxHashSet::default();
    diagnostics::read_tsv(text, path, &COLUMNS, REIMPORT, |cells| {
        let row = read_row(cells)?;
        if !seen.insert(row.area) {
            return Err(format!("the area {} has a second row", row.area.as_str()));
        }
        Ok(row)
    })
}

/// One row, or what is wrong with it.
fn read_row(cells: &[&str]) -> Result<AreaPrice, String> {
    let [area, name, measure, bea_code, bea_name, rpp] = cells[..] else {
        return Err(format!("{} cells where the extract has 6", cells.len()));
    };
    let area =
        AreaCode::parse(area).ok_or_else(|| format!("`{area}` is not a 7-digit OEWS area code"))?;
    if name.is_empty() {
        return Err("name is empty".into());
    }
    let parity = if [measure, bea_code, bea_name, rpp]
        .iter()
        .all(|c| c.is_empty())
    {
        None
    } else {
        let measure = Measure::parse(measure).ok_or_else(|| {
            format!("`{measure}` is not a measure (nation, state, metro or state-nonmetro)")
        })?;
        if bea_code.len() != 5 || !bea_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{bea_code}` is not a 5-digit BEA GeoFIPS code"));
        }
        if bea_name.is_empty() {
            return Err("bea_name is empty".into());
        }
        let level = PriceLevel::parse(rpp).ok_or_else(|| {
            format!("`{rpp}` is not a price level with three decimals, as in 110.720")
        })?;
        Some(Parity {
            measure,
            bea_code: bea_code.to_string(),
            bea_name: bea_name.to_string(),
            level,
        })
    };
    Ok(AreaPrice {
        area,
        name: name.to_string(),
        parity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract() -> Prices {
        let date = |year, month, day| Date { year, month, day };
        Prices::new(
            Release {
                year: 2024,
                published: date(2026, 2, 19),
                retrieved: date(2026, 12, 4),
                url: "https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area".into(),
                oews_release: "May 2025".into(),
                command: "him-guide data import-prices rpp --retrieved 2026-12-04".into(),
                files: vec![SourceFile {
                    table: "SARPP".into(),
                    name: "SARPP_STATE_2008_2024.csv".into(),
                    updated: date(2026, 2, 19),
                    bytes: 50_949,
                    sha256: "ab".repeat(32),
                }],
            },
            vec![
                AreaPrice {
                    area: AreaCode::parse("0600000").unwrap(),
                    name: "California".into(),
                    parity: Some(Parity {
                        measure: Measure::State,
                        bea_code: "06000".into(),
                        bea_name: "California".into(),
                        level: PriceLevel(110_720),
                    }),
                },
                AreaPrice {
                    area: AreaCode::parse("7200000").unwrap(),
                    name: "Puerto Rico".into(),
                    parity: None,
                },
            ],
        )
    }

    fn site_with(prices: &Prices) -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        prices.write(&site.path().join(EXTRACT_DIR)).unwrap();
        site
    }

    #[test]
    fn the_extract_reads_back_as_written() {
        let prices = extract();
        let site = site_with(&prices);
        let read = load(site.path()).unwrap().unwrap();
        assert_eq!(read, prices);
        let california = AreaCode::parse("0600000").unwrap();
        assert_eq!(read.parity(california).unwrap().level, PriceLevel(110_720));
        assert_eq!(read.parity(AreaCode::parse("7200000").unwrap()), None);
        assert_eq!(read.unmatched().count(), 1);
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line() {
        let site = site_with(&extract());
        let table = site.path().join(EXTRACT_DIR).join(TABLE_FILE);
        let text = std::fs::read_to_string(&table).unwrap();
        std::fs::write(&table, text.replace("110.720", "110.72")).unwrap();
        let problems = load(site.path()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert!(
            problems[0].message.contains("`110.72`"),
            "{}",
            problems[0].message
        );
        std::fs::write(&table, text.replace("\tstate\t", "\tcounty\t")).unwrap();
        let problems = load(site.path()).unwrap_err();
        assert!(
            problems[0].message.contains("`county`"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_release_file_without_its_files_is_refused() {
        let site = site_with(&extract());
        let release = site.path().join(EXTRACT_DIR).join(RELEASE_FILE);
        let text = std::fs::read_to_string(&release).unwrap();
        let cut = text.find("[[files]]").unwrap();
        std::fs::write(&release, &text[..cut]).unwrap();
        let problems = load(site.path()).unwrap_err();
        assert!(
            problems[0].message.contains("files"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[0].file, Path::new(EXTRACT_DIR).join(RELEASE_FILE));
    }

    /// A duplicate check that scanned every row read made 5,341 areas take 20 ms at start-up
    /// (`bench/scaling`, 6,000 pages). 50,000 rows would take seconds that way; with a set they
    /// take a small fraction of the bound, even unoptimised.
    #[test]
    fn a_large_extract_reads_in_linear_time() {
        let mut text = format!("# comment\n{}\n", COLUMNS.join("\t"));
        for i in 0..50_000 {
            text.push_str(&format!(
                "{:07}\tArea {i}\tmetro\t{:05}\tArea {i}\t100.000\n",
                1_000_000 + i,
                i % 100_000
            ));
        }
        let started = std::time::Instant::now();
        let areas = read_table(&text, Path::new("parities.tsv")).unwrap();
        assert_eq!(areas.len(), 50_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "50,000 rows took {:?}",
            started.elapsed()
        );
    }
}
