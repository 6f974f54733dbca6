//! BLS's Employment Projections for the guide's occupations: the extract in `content/projections/`
//! (one row per occupation, written by [`import`] from BLS's occupation workbook), read and checked
//! at start-up with each problem's file, line and fix. Pure: it returns figures, never sentences.

mod extract;
pub mod import;

pub use extract::{EXTRACT_DIR, Projections, Release, load};
pub use import::{ImportError, ImportOptions, import};

use oews::Soc;

/// A signed number with one decimal, held as tenths: `Tenths(71)` is 7.1 and `Tenths(-5)` is -0.5.
/// BLS publishes every percent and rate of its projections with one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenths(pub i64);

impl Tenths {
    /// Reads `7.1`, `-0.5` or `12.0`: digits with exactly one decimal, an optional leading `-`.
    pub fn parse(text: &str) -> Option<Tenths> {
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, text),
        };
        let units = oews::value::parse_fixed(digits, 1)?;
        Some(Tenths(sign * i64::try_from(units).ok()?))
    }
}

/// `7.1`, `-0.5`: as [`Tenths::parse`] reads it.
impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let units = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", units / 10, units % 10)
    }
}

/// One occupation's projection over the release's window (for 2024-34: from 2024 to 2034), as BLS
/// published it. Counts of workers are whole jobs: BLS publishes thousands with one decimal, so
/// each is a multiple of 100.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupationProjection {
    pub soc: Soc,
    /// BLS's title in the National Employment Matrix.
    pub title: String,
    /// Employment in the window's first and last year.
    pub employment_start: i64,
    pub employment_end: i64,
    /// The change between them, in jobs and in percent.
    pub change: i64,
    pub change_percent: Tenths,
    /// Openings a year, on average over the window: growth plus the workers who leave the labour
    /// force (exits) or move to another occupation (transfers), who make most of them.
    pub openings_per_year: i64,
    pub exits_per_year: i64,
    pub transfers_per_year: i64,
    pub separations_per_year: i64,
    /// Exits, transfers and both, a year, as a percent of the occupation's employment.
    pub exit_rate: Tenths,
    pub transfer_rate: Tenths,
    pub separations_rate: Tenths,
    /// BLS's median annual wage in the window's first year, in whole dollars; `None` where BLS
    /// shows no figure.
    pub median_wage: Option<u32>,
    /// BLS's typical entry requirements, in its own category names.
    pub education: String,
    pub experience: String,
    pub training: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_read_and_write_signed_one_decimal_numbers() {
        assert_eq!(Tenths::parse("7.1"), Some(Tenths(71)));
        assert_eq!(Tenths::parse("-0.5"), Some(Tenths(-5)));
        assert_eq!(Tenths::parse("12.0"), Some(Tenths(120)));
        for bad in ["7", "7.12", "", "-", "7,1", "+7.1", "--1.0", "1.-0"] {
            assert_eq!(Tenths::parse(bad), None, "{bad}");
        }
        for text in ["7.1", "-0.5", "0.0", "23.2"] {
            assert_eq!(Tenths::parse(text).unwrap().to_string(), text);
        }
    }
}
