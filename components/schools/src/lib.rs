//! The schools that award HIM credentials: each school's directory entry, costs and outcomes, and
//! its programmes in the four HIM fields, from the extract in `content/schools/` (written by
//! [`import`] from NCES's and College Scorecard's files, checked at start-up), and the search over
//! them. Pure: it returns facts, never sentences.

mod extract;
pub mod import;
pub mod query;
mod search;

pub use extract::{Conversion, EXTRACT_DIR, Release, Role, SourceFile, load};
pub use import::{ImportError, ImportOptions, Imported, UnmatchedCbsa, import};
pub use query::{Query, QueryProblem};
pub use search::{Filter, Hit, Order};

use oews::{AreaCode, StateCode};
use rustc_hash::FxHashMap;

/// The search's address, and the folder of the schools' pages.
pub const PROGRAMS_PAGE: &str = "/programs";
pub const SCHOOLS_FOLDER: &str = "/schools";

/// The address of a school's page: `/schools/228778`. The UNITID does not change with a name.
pub fn school_url(unitid: UnitId) -> String {
    format!("{SCHOOLS_FOLDER}/{unitid}")
}

/// The address of a state's list of schools, by the state's page name as `/pay/texas` has it:
/// `/programs/texas`.
pub fn state_list_url(slug: &str) -> String {
    format!("{PROGRAMS_PAGE}/{slug}")
}

/// An IPEDS institution id (UNITID), the key of every NCES and Scorecard file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

impl UnitId {
    /// Six digits, as NCES writes them.
    pub fn parse(text: &str) -> Option<UnitId> {
        (text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok().map(UnitId))
            .flatten()
    }
}

impl std::fmt::Display for UnitId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

/// The four HIM programme codes of NCES's Classification of Instructional Programs (CIP 2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 51.0707 Health Information/Medical Records Technology/Technician.
    Technology,
    /// 51.0706 Health Information/Medical Records Administration/Administrator.
    Administration,
    /// 51.0713 Medical Insurance Coding Specialist/Coder.
    Coding,
    /// 51.2706 Medical Informatics.
    Informatics,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Coding,
        Field::Technology,
        Field::Administration,
        Field::Informatics,
    ];

    /// The CIP 2020 code, as NCES writes it: `51.0707`.
    pub const fn cip(self) -> &'static str {
        match self {
            Field::Technology => "51.0707",
            Field::Administration => "51.0706",
            Field::Coding => "51.0713",
            Field::Informatics => "51.2706",
        }
    }

    pub fn from_cip(text: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.cip() == text)
    }

    /// The field's name in addresses and the extract: `coding`.
    pub const fn slug(self) -> &'static str {
        match self {
            Field::Technology => "technology",
            Field::Administration => "administration",
            Field::Coding => "coding",
            Field::Informatics => "informatics",
        }
    }

    pub fn from_slug(text: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.slug() == text)
    }

    /// The guide's occupations (SOC 2018) that NCES's CIP 2020 to SOC 2018 crosswalk pairs with
    /// the field; it also pairs informatics with computer occupations the guide does not cover.
    pub const fn occupations(self) -> &'static [&'static str] {
        match self {
            Field::Administration => &["11-9111", "29-2072", "29-9021"],
            Field::Technology | Field::Coding => &["29-2072", "29-9021"],
            Field::Informatics => &["29-9021"],
        }
    }

    /// Whether CAHIIM accredits the field as health information management, the programmes the
    /// RHIT and RHIA ask for. Informatics is accredited apart and leads to neither; coding
    /// credentials ask for no programme.
    pub const fn is_him(self) -> bool {
        matches!(self, Field::Technology | Field::Administration)
    }
}

/// The award a programme leads to, from IPEDS's award level (AWLEVEL, 2024 codes), shortest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// AWLEVEL 20 and 21: a certificate of less than one year.
    ShortCertificate,
    /// AWLEVEL 2 and 4: a certificate of one year or more, below a bachelor's.
    Certificate,
    /// AWLEVEL 3.
    Associate,
    /// AWLEVEL 5.
    Bachelor,
    /// AWLEVEL 6.
    PostBaccalaureateCertificate,
    /// AWLEVEL 7.
    Master,
    /// AWLEVEL 8.
    PostMasterCertificate,
    /// AWLEVEL 17, 18 and 19.
    Doctorate,
}

impl Level {
    pub const ALL: [Level; 8] = [
        Level::ShortCertificate,
        Level::Certificate,
        Level::Associate,
        Level::Bachelor,
        Level::PostBaccalaureateCertificate,
        Level::Master,
        Level::PostMasterCertificate,
        Level::Doctorate,
    ];

    /// The level of an IPEDS award level code, `None` for a code that is not an award (or not
    /// one of the 2024 codes).
    pub const fn from_awlevel(code: u8) -> Option<Level> {
        Some(match code {
            20 | 21 => Level::ShortCertificate,
            2 | 4 => Level::Certificate,
            3 => Level::Associate,
            5 => Level::Bachelor,
            6 => Level::PostBaccalaureateCertificate,
            7 => Level::Master,
            8 => Level::PostMasterCertificate,
            17..=19 => Level::Doctorate,
            _ => return None,
        })
    }

    /// The level's name in addresses: `associate`.
    pub const fn slug(self) -> &'static str {
        match self {
            Level::ShortCertificate => "short-certificate",
            Level::Certificate => "certificate",
            Level::Associate => "associate",
            Level::Bachelor => "bachelor",
            Level::PostBaccalaureateCertificate => "post-baccalaureate-certificate",
            Level::Master => "master",
            Level::PostMasterCertificate => "post-master-certificate",
            Level::Doctorate => "doctorate",
        }
    }

    pub fn from_slug(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.slug() == text)
    }
}

/// Who runs the school, from IPEDS's CONTROL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    /// CONTROL 1.
    Public,
    /// CONTROL 2: private not-for-profit.
    Nonprofit,
    /// CONTROL 3: private for-profit.
    ForProfit,
}

impl Control {
    pub const ALL: [Control; 3] = [Control::Public, Control::Nonprofit, Control::ForProfit];

    pub const fn from_ipeds(code: u8) -> Option<Control> {
        match code {
            1 => Some(Control::Public),
            2 => Some(Control::Nonprofit),
            3 => Some(Control::ForProfit),
            _ => None,
        }
    }

    /// In addresses and the extract: `public`, `nonprofit`, `for-profit`.
    pub const fn slug(self) -> &'static str {
        match self {
            Control::Public => "public",
            Control::Nonprofit => "nonprofit",
            Control::ForProfit => "for-profit",
        }
    }

    pub fn from_slug(text: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.slug() == text)
    }
}

/// Which credential a programme of this field and level can lead to if CAHIIM accredits it, by
/// the certification chapter's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// An HIM associate's programme: the RHIT exam.
    Rhit,
    /// An HIM bachelor's, master's or post-baccalaureate certificate: the RHIA exam.
    Rhia,
    /// A coding programme: coding credentials (CCA, CCS, CPC) ask for no accredited programme,
    /// so the course prepares for them but is not a condition.
    CodingCredentials,
    /// Neither exam: informatics, or an HIM certificate or degree at another level.
    Neither,
}

impl Route {
    pub const fn of(field: Field, level: Level) -> Route {
        match (field, level) {
            (Field::Coding, _) => Route::CodingCredentials,
            (Field::Technology | Field::Administration, Level::Associate) => Route::Rhit,
            (
                Field::Technology | Field::Administration,
                Level::Bachelor | Level::Master | Level::PostBaccalaureateCertificate,
            ) => Route::Rhia,
            _ => Route::Neither,
        }
    }
}

/// Whether the school's county lies in a metropolitan or micropolitan statistical area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CbsaType {
    Metropolitan,
    Micropolitan,
}

impl CbsaType {
    pub const fn slug(self) -> &'static str {
        match self {
            CbsaType::Metropolitan => "metro",
            CbsaType::Micropolitan => "micro",
        }
    }

    pub fn from_slug(text: &str) -> Option<CbsaType> {
        [CbsaType::Metropolitan, CbsaType::Micropolitan]
            .into_iter()
            .find(|t| t.slug() == text)
    }
}

/// The core-based statistical area a school's county lies in, as IPEDS gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cbsa {
    /// Five digits: `12420`.
    pub code: String,
    pub kind: CbsaType,
}

/// One HIM programme: what a school awarded in one field at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub field: Field,
    pub level: Level,
    /// IPEDS's award level code, kept because [`Level`] joins some codes.
    pub awlevel: u8,
    /// Awards to first majors in the academic year; 0 is a programme that awarded none.
    pub completers: u32,
}

impl Programme {
    pub const fn route(&self) -> Route {
        Route::of(self.field, self.level)
    }
}

/// A school with at least one HIM programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    pub unitid: UnitId,
    pub name: String,
    pub city: String,
    /// The postal abbreviation: `TX`.
    pub state: String,
    pub fips: StateCode,
    pub zip: String,
    pub county: String,
    pub cbsa: Option<Cbsa>,
    /// The OEWS metropolitan area the school lies in, where BLS publishes one for its CBSA.
    pub area: Option<AreaCode>,
    pub control: Control,
    /// The school's address and its net price calculator's, as IPEDS lists them (often without
    /// `https://`), `None` where it lists none.
    pub website: Option<String>,
    pub net_price_url: Option<String>,
    /// Published tuition and fees a year, in whole dollars.
    pub tuition_in_state: Option<u32>,
    pub tuition_out_of_state: Option<u32>,
    /// Percent of the entering cohort awarded a degree or certificate within six years.
    pub graduation_percent: Option<u8>,
    /// Scorecard's median earnings ten years after entry, whole dollars a year.
    pub earnings_10_years: Option<u32>,
    /// Ordered by level, then field.
    pub programmes: Vec<Programme>,
}

impl School {
    /// The shortest award among the programmes that `keep` keeps.
    pub fn lowest_level(&self, keep: impl Fn(&Programme) -> bool) -> Option<Level> {
        self.programmes
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.level)
            .min()
    }

    /// The credential routes of all its programmes, once each.
    pub fn routes(&self) -> Vec<Route> {
        let mut routes = Vec::new();
        for route in self.programmes.iter().map(Programme::route) {
            if !routes.contains(&route) {
                routes.push(route);
            }
        }
        routes
    }
}

/// The extract: the release it came from and every school, by name.
#[derive(Debug, Clone)]
pub struct Schools {
    pub release: Release,
    schools: Vec<School>,
    positions: FxHashMap<UnitId, usize>,
    /// Each school's name and city, and the names of the places it lies in once known
    /// ([`Schools::add_place_names`]), folded for the search.
    haystacks: Vec<String>,
    index: search::Index,
    /// Each school's line in `schools.tsv`, for problems found after loading.
    lines: FxHashMap<UnitId, usize>,
    /// The line of each source id in `release.toml`.
    source_lines: FxHashMap<String, usize>,
}

impl Schools {
    pub fn new(release: Release, mut schools: Vec<School>) -> Schools {
        schools.sort_by(|a, b| a.name.cmp(&b.name).then(a.unitid.cmp(&b.unitid)));
        for school in &mut schools {
            school
                .programmes
                .sort_by_key(|p| (p.level, p.field, p.awlevel));
        }
        let positions = schools
            .iter()
            .enumerate()
            .map(|(i, s)| (s.unitid, i))
            .collect();
        let haystacks = schools
            .iter()
            .map(|s| search::fold(&format!("{} {}", s.name, s.city)))
            .collect();
        Schools {
            release,
            index: search::Index::of(&schools),
            schools,
            positions,
            haystacks,
            lines: FxHashMap::default(),
            source_lines: FxHashMap::default(),
        }
    }

    /// Lets the search find each school by the names of the places it lies in as well (its
    /// state's, its metro area's), which the extract holds only as codes: `names` gives them.
    pub fn add_place_names<'a>(&mut self, names: impl Fn(&School) -> Vec<&'a str>) {
        for (school, haystack) in self.schools.iter().zip(&mut self.haystacks) {
            for name in names(school) {
                haystack.push(' ');
                haystack.push_str(&search::fold(name));
            }
        }
    }

    /// Every school, by name.
    pub fn all(&self) -> &[School] {
        &self.schools
    }

    pub fn get(&self, unitid: UnitId) -> Option<&School> {
        self.position(unitid).map(|i| &self.schools[i])
    }

    /// Where the school is in [`Schools::all`].
    pub fn position(&self, unitid: UnitId) -> Option<usize> {
        self.positions.get(&unitid).copied()
    }

    /// The schools in a state, by name.
    pub fn in_state(&self, state: StateCode) -> impl Iterator<Item = &School> {
        self.schools.iter().filter(move |s| s.fips == state)
    }

    /// The schools in an OEWS metropolitan area, by name.
    pub fn in_area(&self, area: AreaCode) -> impl Iterator<Item = &School> {
        self.schools.iter().filter(move |s| s.area == Some(area))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn award_levels_map_to_the_levels_a_reader_chooses() {
        assert_eq!(Level::from_awlevel(20), Some(Level::ShortCertificate));
        assert_eq!(Level::from_awlevel(21), Some(Level::ShortCertificate));
        assert_eq!(Level::from_awlevel(2), Some(Level::Certificate));
        assert_eq!(Level::from_awlevel(4), Some(Level::Certificate));
        assert_eq!(Level::from_awlevel(3), Some(Level::Associate));
        assert_eq!(
            Level::from_awlevel(6),
            Some(Level::PostBaccalaureateCertificate)
        );
        assert_eq!(Level::from_awlevel(18), Some(Level::Doctorate));
        // 1 was the old code for certificates under one year; the 2024 files split it into 20/21.
        assert_eq!(Level::from_awlevel(1), None);
        assert_eq!(Level::from_awlevel(99), None);
        for level in Level::ALL {
            assert_eq!(Level::from_slug(level.slug()), Some(level));
        }
    }

    #[test]
    fn routes_follow_the_certification_chapter() {
        use Level::*;
        assert_eq!(Route::of(Field::Technology, Associate), Route::Rhit);
        assert_eq!(Route::of(Field::Administration, Associate), Route::Rhit);
        assert_eq!(Route::of(Field::Administration, Bachelor), Route::Rhia);
        assert_eq!(Route::of(Field::Technology, Master), Route::Rhia);
        assert_eq!(
            Route::of(Field::Administration, PostBaccalaureateCertificate),
            Route::Rhia
        );
        assert_eq!(Route::of(Field::Technology, Certificate), Route::Neither);
        assert_eq!(Route::of(Field::Informatics, Master), Route::Neither);
        assert_eq!(
            Route::of(Field::Coding, Associate),
            Route::CodingCredentials
        );
        for field in Field::ALL {
            assert_eq!(Field::from_cip(field.cip()), Some(field));
            assert_eq!(Field::from_slug(field.slug()), Some(field));
        }
    }

    #[test]
    fn unitids_are_six_digits() {
        assert_eq!(UnitId::parse("100654"), Some(UnitId(100_654)));
        assert_eq!(UnitId::parse("10065"), None);
        assert_eq!(UnitId::parse("10065x"), None);
        assert_eq!(UnitId(100_654).to_string(), "100654");
    }
}
