//! Pay and outlook figures, and the salary comparison computed from them. Pure: no HTTP in here.
//!
//! - [`data`] reads and checks `content/salary.toml`.
//! - [`percentile`] places an annual amount in a published percentile distribution.
//! - [`query`] reads the comparison's query string into validated choices.
//! - [`current`] turns the OEWS extract into the current figures, with their series ids.
//! - [`area`] holds pay in one BLS area, built from the extract on the area's first use.
//! - [`compare`] computes the comparison a query asks for.

pub mod area;
pub mod compare;
pub mod current;
pub mod data;
pub mod percentile;
pub mod query;

pub use data::SalaryData;

/// `text` with its first letter in upper case: "medical records specialists" starts a sentence.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The salary module's test data: a frozen, trimmed copy of the guide's figures, so that editing
/// `content/salary.toml` breaks no unit test.
#[cfg(test)]
pub(crate) fn fixture() -> &'static SalaryData {
    use std::path::Path;
    static DATA: std::sync::LazyLock<SalaryData> = std::sync::LazyLock::new(|| {
        let sources = crate::sources::parse(
            Path::new("sources.toml"),
            include_str!("testdata/sources.toml"),
        )
        .expect("the fixture's sources load");
        data::parse(
            Path::new("salary.toml"),
            include_str!("testdata/salary.toml"),
            &sources,
        )
        .expect("the fixture loads")
    });
    &DATA
}

/// The OEWS fixture extract's areas over [`fixture`]: Texas, Utah and Austin, with few series
/// (Austin has managers only; Texas managers and specialists; Utah technologists).
#[cfg(test)]
pub(crate) fn fixture_areas() -> area::Areas<'static> {
    use std::path::Path;
    static EXTRACT: std::sync::LazyLock<crate::oews::Extract> = std::sync::LazyLock::new(|| {
        crate::oews::load::load_from(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
            Path::new("oews-extract"),
        )
        .expect("the fixture extract loads")
    });
    static CACHE: std::sync::LazyLock<area::AreaCache> =
        std::sync::LazyLock::new(|| area::AreaCache::new(Some(&EXTRACT)));
    area::Areas::new(&EXTRACT, fixture(), &CACHE)
}
