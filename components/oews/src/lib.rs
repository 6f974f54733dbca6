//! Current pay from BLS's OEWS release: the import from BLS's flat files, and the checked extract
//! in `content/oews/` the guide ships. Pure: no HTTP, no templates.
//!
//! - [`codes`]: areas, industries, occupations (SOC), datatypes, series ids and releases as
//!   validated types.
//! - [`value`]: BLS's value text as integers (cents, tenths of a percent...) and cells that may
//!   not be released.
//! - [`flat`]: reading BLS's tab-separated flat files, with each file's size and SHA-256.
//! - [`import`]: BLS's flat files into an [`Extract`] of the HIM occupations.
//! - [`extract`]: the extract, its lookups and the text of its files.
//! - [`load`]: reading the extract back at start-up and checking it, every problem with its line.

pub mod codes;
pub mod extract;
pub mod flat;
pub mod import;
pub mod load;
pub mod value;

pub use codes::{
    AreaCode, AreaType, Datatype, FootnoteCode, IndustryCode, Percentile, ReleaseCode, SeriesId,
    SeriesKey, Soc, StateCode, Unit,
};
pub use extract::{
    Area, Extract, Footnote, IMPRECISE_EMPLOYMENT_RSE, IMPRECISE_WAGE_RSE, Industry, Input,
    Occupation, Release, Series, bls_series_url, occupation_profile_url,
};
pub use flat::Sha256Sum;
pub use import::{ImportOptions, Imported, InputCheck, import};
pub use value::{Cell, Tenths, Value};

/// The file-and-line problem type of the content checks; the extract reports in the same form.
pub use diagnostics::Problem;

/// Where the extract lives, relative to the site folder.
pub const EXTRACT_DIR: &str = "content/oews";
