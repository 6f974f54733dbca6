//! OEWS values parsed from BLS's decimal text into integers, and cells that may not be released.
//!
//! Nothing goes through a float: a wage is integer cents, an RSE tenths of a percent, a location
//! quotient hundredths, employment per 1,000 jobs thousandths. Each parser accepts exactly the form
//! BLS prints for its datatype (two decimals for hourly wages, none for annual ones...), so a
//! parsed value prints back to the very text it came from.

use std::fmt;

use super::codes::{Datatype, FootnoteCode, Unit};
use money::Cents;

/// Digits allowed before the decimal point: far above any OEWS figure, far below `u64` overflow.
const MAX_WHOLE_DIGITS: usize = 12;

/// Why a text is not a value of the form its datatype needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("`{text}` is not {}", .unit.form())]
    NotItsForm { text: String, unit: Unit },
    #[error("`{text}` has more than {MAX_WHOLE_DIGITS} digits before the decimal point")]
    TooLarge { text: String },
    #[error("`{text}` is a wage of $0, which BLS never publishes; re-import the extract")]
    ZeroWage { text: String },
    #[error("`-` (not released) needs its footnote, as in `-#8`")]
    NotReleasedWithoutFootnote,
    #[error("`{text}` is not a footnote code (one letter or digit, as in `#8`)")]
    BadFootnote { text: String },
}

/// Reads digits with exactly `places` decimals (`places` = 0: no point at all) as an integer
/// count of 10^-`places` units: `parse_fixed("2.1", 1)` is 21.
pub fn parse_fixed(text: &str, places: usize) -> Option<u64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) if places > 0 => (whole, fraction),
        None if places == 0 => (text, ""),
        _ => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || whole.len() > MAX_WHOLE_DIGITS || fraction.len() != places {
        return None;
    }
    if places > 0 && !digits(fraction) {
        return None;
    }
    // At most 12 + 3 digits: fits in u64 with room to spare.
    let units = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(units)
}

/// Writes `units` 10^-`places` units with exactly `places` decimals: `fixed_text(21, 1)` is `2.1`.
pub fn fixed_text(units: u64, places: u32) -> String {
    if places == 0 {
        return units.to_string();
    }
    let scale = 10u64.pow(places);
    format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = places as usize
    )
}

/// A non-negative number held as an integer count of 10^-`PLACES`: `Fixed::<1>(21)` is 2.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fixed<const PLACES: u32>(pub u64);

/// A relative standard error in tenths of a percent: `Tenths(21)` is 2.1%.
pub type Tenths = Fixed<1>;
/// A location quotient in hundredths: `Hundredths(102)` is 1.02.
pub type Hundredths = Fixed<2>;
/// Employment per 1,000 jobs in thousandths: `Thousandths(1234)` is 1.234.
pub type Thousandths = Fixed<3>;

impl<const PLACES: u32> Fixed<PLACES> {
    /// Reads digits with exactly `PLACES` decimals.
    pub fn parse(text: &str) -> Option<Self> {
        parse_fixed(text, PLACES as usize).map(Fixed)
    }
}

impl<const PLACES: u32> fmt::Display for Fixed<PLACES> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fixed_text(self.0, PLACES))
    }
}

/// A released OEWS value, in the integer unit of its datatype.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// Employment, in jobs.
    Jobs(u64),
    /// A relative standard error.
    Rse(Tenths),
    /// An hourly wage.
    Hourly(Cents),
    /// An annual wage, whole dollars as BLS publishes it.
    Annual(Cents),
    /// Employment per 1,000 jobs.
    PerThousand(Thousandths),
    /// A location quotient.
    Quotient(Hundredths),
}

impl Value {
    /// Reads BLS's text for a value of `datatype`: `51140`, `2.1`, `24.59`, `1.234`, `1.02`.
    pub fn parse(datatype: Datatype, text: &str) -> Result<Value, ValueError> {
        let unit = datatype.unit();
        let places = match unit {
            Unit::Jobs | Unit::Annual => 0,
            Unit::Rse => 1,
            Unit::Hourly | Unit::Quotient => 2,
            Unit::PerThousand => 3,
        };
        let units = parse_fixed(text, places).ok_or_else(|| {
            let whole = text.split_once('.').map_or(text, |(whole, _)| whole);
            if whole.len() > MAX_WHOLE_DIGITS && whole.bytes().all(|b| b.is_ascii_digit()) {
                ValueError::TooLarge { text: text.into() }
            } else {
                ValueError::NotItsForm {
                    text: text.into(),
                    unit,
                }
            }
        })?;
        // Every difference from a wage is a percent of it: a wage of zero has none.
        if units == 0 && matches!(unit, Unit::Hourly | Unit::Annual) {
            return Err(ValueError::ZeroWage { text: text.into() });
        }
        // At most 15 digits: below i64::MAX / 100, so dollars convert to cents exactly.
        let cents = |n: u64| Cents(n as i64);
        Ok(match unit {
            Unit::Jobs => Value::Jobs(units),
            Unit::Rse => Value::Rse(Fixed(units)),
            Unit::Hourly => Value::Hourly(cents(units)),
            Unit::Annual => Value::Annual(cents(units * 100)),
            Unit::PerThousand => Value::PerThousand(Fixed(units)),
            Unit::Quotient => Value::Quotient(Fixed(units)),
        })
    }

    /// A wage in cents, if this is one.
    pub fn wage(&self) -> Option<Cents> {
        match *self {
            Value::Hourly(cents) | Value::Annual(cents) => Some(cents),
            _ => None,
        }
    }
}

/// BLS's text for the value: what [`Value::parse`] read.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::Jobs(jobs) => write!(f, "{jobs}"),
            Value::Rse(rse) => write!(f, "{rse}"),
            Value::Hourly(cents) => f.write_str(&fixed_text(cents.0.unsigned_abs(), 2)),
            Value::Annual(cents) => write!(f, "{}", cents.0 / 100),
            Value::PerThousand(per) => write!(f, "{per}"),
            Value::Quotient(quotient) => write!(f, "{quotient}"),
        }
    }
}

/// One published statistic of a series: its value, or BLS's word that it is not released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cell {
    Released {
        value: Value,
        /// A note BLS attached to the value, if any.
        footnote: Option<FootnoteCode>,
    },
    /// BLS printed `-`; the footnote says why (`8`: estimate not released; `5`: above the top
    /// wage BLS publishes; `4`: hourly wages not published for this occupation).
    NotReleased { footnote: FootnoteCode },
}

impl Cell {
    /// Reads a cell as BLS's data file gives it: the value text (`-` when not released) and the
    /// footnote codes column, both already trimmed.
    pub fn from_bls(datatype: Datatype, value: &str, footnote: &str) -> Result<Cell, ValueError> {
        let footnote = match footnote {
            "" => None,
            code => Some(
                FootnoteCode::parse(code)
                    .ok_or_else(|| ValueError::BadFootnote { text: code.into() })?,
            ),
        };
        if value == "-" {
            return footnote
                .map(|footnote| Cell::NotReleased { footnote })
                .ok_or(ValueError::NotReleasedWithoutFootnote);
        }
        Ok(Cell::Released {
            value: Value::parse(datatype, value)?,
            footnote,
        })
    }

    /// Reads a cell of `series.tsv`: BLS's value text, then `#` and the footnote code if any:
    /// `51140`, `-#8`, `239200#5`.
    pub fn parse(datatype: Datatype, text: &str) -> Result<Cell, ValueError> {
        match text.split_once('#') {
            Some((_, "")) => Err(ValueError::BadFootnote { text: text.into() }),
            Some((value, footnote)) => Cell::from_bls(datatype, value, footnote),
            None => Cell::from_bls(datatype, text, ""),
        }
    }

    pub fn value(&self) -> Option<Value> {
        match *self {
            Cell::Released { value, .. } => Some(value),
            Cell::NotReleased { .. } => None,
        }
    }

    pub fn footnote(&self) -> Option<FootnoteCode> {
        match *self {
            Cell::Released { footnote, .. } => footnote,
            Cell::NotReleased { footnote } => Some(footnote),
        }
    }
}

/// The cell as `series.tsv` writes it: what [`Cell::parse`] reads.
impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Released { value, .. } => write!(f, "{value}")?,
            Cell::NotReleased { .. } => f.write_str("-")?,
        }
        match self.footnote() {
            Some(code) => write!(f, "#{code}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_each_datatype_in_the_form_bls_prints_it() {
        let value = |dt, text| Value::parse(dt, text).unwrap();
        assert_eq!(value(Datatype::Employment, "51140"), Value::Jobs(51_140));
        assert_eq!(value(Datatype::EmploymentRse, "2.1"), Value::Rse(Fixed(21)));
        assert_eq!(value(Datatype::WageRse, "0.0"), Value::Rse(Fixed(0)));
        assert_eq!(
            value(Datatype::HourlyMedian, "24.59"),
            Value::Hourly(Cents(2459))
        );
        assert_eq!(
            value(Datatype::AnnualMedian, "51140"),
            Value::Annual(Cents(5_114_000))
        );
        assert_eq!(
            value(Datatype::PerThousandJobs, "1000.000"),
            Value::PerThousand(Fixed(1_000_000))
        );
        assert_eq!(
            value(Datatype::LocationQuotient, "1.02"),
            Value::Quotient(Fixed(102))
        );
    }

    #[test]
    fn rejects_text_not_in_its_datatypes_form() {
        for (dt, bad) in [
            (Datatype::HourlyMedian, "24.5"),
            (Datatype::HourlyMedian, "24"),
            (Datatype::HourlyMedian, "24.590"),
            (Datatype::AnnualMedian, "51140.00"),
            (Datatype::AnnualMedian, "51,140"),
            (Datatype::AnnualMedian, "$51140"),
            (Datatype::Employment, "-5"),
            (Datatype::Employment, " 5"),
            (Datatype::EmploymentRse, "2"),
            (Datatype::EmploymentRse, ".5"),
            (Datatype::LocationQuotient, "1.0e2"),
            (Datatype::PerThousandJobs, "1.23"),
            (Datatype::Employment, ""),
        ] {
            assert!(
                matches!(Value::parse(dt, bad), Err(ValueError::NotItsForm { .. })),
                "{bad:?} as {dt:?}"
            );
        }
        assert!(matches!(
            Value::parse(Datatype::Employment, "12345678901234567890"),
            Err(ValueError::TooLarge { .. })
        ));
        let message = Value::parse(Datatype::HourlyMedian, "24.5")
            .unwrap_err()
            .to_string();
        assert_eq!(message, "`24.5` is not dollars with two decimals (24.59)");
        for (dt, zero) in [(Datatype::HourlyMedian, "0.00"), (Datatype::AnnualP10, "0")] {
            assert!(
                matches!(Value::parse(dt, zero), Err(ValueError::ZeroWage { .. })),
                "{zero:?} as {dt:?}"
            );
        }
        assert_eq!(Value::parse(Datatype::Employment, "0"), Ok(Value::Jobs(0)));
    }

    #[test]
    fn reads_cells_released_or_not_with_their_footnotes() {
        let dt = Datatype::AnnualP90;
        assert_eq!(
            Cell::parse(dt, "239200#5").unwrap(),
            Cell::Released {
                value: Value::Annual(Cents(23_920_000)),
                footnote: FootnoteCode::parse("5"),
            }
        );
        assert_eq!(
            Cell::parse(Datatype::Employment, "-#8").unwrap(),
            Cell::NotReleased {
                footnote: FootnoteCode::NOT_RELEASED
            }
        );
        assert_eq!(
            Cell::parse(Datatype::Employment, "-"),
            Err(ValueError::NotReleasedWithoutFootnote)
        );
        assert_eq!(Cell::from_bls(dt, "-", "8").unwrap().value(), None);
        for bad in ["5#", "5##8", "5#88", "-#", "#8"] {
            assert!(Cell::parse(dt, bad).is_err(), "{bad:?}");
        }
        for text in ["239200#5", "-#8", "51140", "-#4"] {
            assert_eq!(Cell::parse(dt, text).unwrap().to_string(), text);
        }
    }

    proptest! {
        #[test]
        fn every_value_prints_back_to_the_text_it_was_read_from(
            units in 0u64..1_000_000_000_000,
            dt in 0usize..17,
        ) {
            let datatype = Datatype::ALL[dt];
            let places = match datatype.unit() {
                Unit::Jobs | Unit::Annual => 0,
                Unit::Rse => 1,
                Unit::Hourly | Unit::Quotient => 2,
                Unit::PerThousand => 3,
            };
            let wage = matches!(datatype.unit(), Unit::Hourly | Unit::Annual);
            let text = fixed_text(if wage { units.max(1) } else { units }, places);
            let value = Value::parse(datatype, &text).unwrap();
            prop_assert_eq!(value.to_string(), text);
        }

        #[test]
        fn fixed_point_text_round_trips(units in any::<u32>()) {
            let units = u64::from(units);
            prop_assert_eq!(Tenths::parse(&Fixed::<1>(units).to_string()), Some(Fixed(units)));
            prop_assert_eq!(Hundredths::parse(&Fixed::<2>(units).to_string()), Some(Fixed(units)));
            prop_assert_eq!(Thousandths::parse(&Fixed::<3>(units).to_string()), Some(Fixed(units)));
        }

        #[test]
        fn parsing_any_text_never_panics(text in "\\PC{0,20}", dt in 0usize..17) {
            let _ = Cell::parse(Datatype::ALL[dt], &text);
        }

        #[test]
        fn hourly_text_is_exact_cents(cents in 1i64..100_000_000) {
            let text = format!("{}.{:02}", cents / 100, cents % 100);
            prop_assert_eq!(Value::parse(Datatype::HourlyMean, &text), Ok(Value::Hourly(Cents(cents))));
        }
    }
}
