//! Pay and outlook figures, and the salary comparison computed from them. Pure: no HTTP in here.
//!
//! - [`data`] reads and checks `content/salary.toml`.
//! - [`money`] holds amounts in integer cents and converts pay periods explicitly.
//! - [`percentile`] places an annual amount in a published percentile distribution.
//! - [`query`] reads the comparison's query string into validated choices.
//! - [`compare`] computes the comparison a query asks for.

pub mod compare;
pub mod data;
pub mod money;
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
