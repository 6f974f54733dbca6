//! Pay and outlook figures, and the salary comparison computed from them. Pure: no HTTP in here.
//!
//! - [`data`] reads and checks `content/salary.toml`.
//! - [`money`] holds amounts in integer cents and converts pay periods explicitly.
//! - [`percentile`] places an annual amount in a published percentile distribution.
//! - [`query`] reads the comparison's query string into validated choices.
//! - [`compare`] computes the comparison a query asks for.
//! - [`tokens`] answers the figure tokens in guide pages.

pub mod compare;
pub mod data;
pub mod money;
pub mod percentile;
pub mod query;

pub use data::SalaryData;
pub mod tokens;

use std::fs;
use std::path::Path;

use crate::content::{CONTENT_DIR, Problem, Source};

/// `text` with its first letter in upper case: "medical records specialists" starts a sentence.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The salary data file, relative to the content folder.
pub const SALARY_FILE: &str = "salary.toml";

/// Reads and checks `content/salary.toml` under `site_dir` against `sources`.
pub fn load(site_dir: &Path, sources: &[Source]) -> Result<SalaryData, Vec<Problem>> {
    let path = Path::new(CONTENT_DIR).join(SALARY_FILE);
    let text = fs::read_to_string(site_dir.join(&path)).map_err(|err| {
        vec![Problem::new(
            &path,
            None,
            format!("cannot read the salary data: {err}"),
            "create content/salary.toml with the pay figures the guide and the salary comparison show",
        )]
    })?;
    data::parse(&path, &text, sources)
}
