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

/// The workspace's `tests/fixtures`, where the OEWS fixture extracts live, for any crate's tests.
#[cfg(any(test, feature = "fixtures"))]
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("components/salary sits two folders below the workspace root")
        .join("tests/fixtures")
}

/// The sources [`fixture`] cites, from `testdata/sources.toml`.
#[cfg(any(test, feature = "fixtures"))]
pub fn fixture_sources() -> Vec<sources::Source> {
    sources::parse(
        std::path::Path::new("sources.toml"),
        include_str!("testdata/sources.toml"),
    )
    .expect("the fixture's sources load")
}

/// The salary crate's test data: a frozen, trimmed copy of the guide's figures, so that editing
/// `content/salary.toml` breaks no unit test. Other crates' tests reach it through the `fixtures`
/// feature.
#[cfg(any(test, feature = "fixtures"))]
pub fn fixture() -> &'static SalaryData {
    use std::path::Path;
    static DATA: std::sync::LazyLock<SalaryData> = std::sync::LazyLock::new(|| {
        data::parse(
            Path::new("salary.toml"),
            include_str!("testdata/salary.toml"),
            &fixture_sources(),
        )
        .expect("the fixture loads")
    });
    &DATA
}

/// The OEWS fixture extract's areas over [`fixture`]: Texas, Utah and Austin, with few series
/// (Austin has managers only; Texas managers and specialists; Utah technologists).
#[cfg(any(test, feature = "fixtures"))]
pub fn fixture_areas() -> area::Areas<'static> {
    use std::path::Path;
    static EXTRACT: std::sync::LazyLock<oews::Extract> = std::sync::LazyLock::new(|| {
        oews::load::load_from(&fixtures_dir(), Path::new("oews-extract"))
            .expect("the fixture extract loads")
    });
    static CACHE: std::sync::LazyLock<area::AreaCache> =
        std::sync::LazyLock::new(|| area::AreaCache::new(Some(&EXTRACT)));
    area::Areas::new(&EXTRACT, fixture(), &CACHE)
}
