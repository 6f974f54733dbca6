//! BLS OEWS codes as validated types: areas, industries, occupations, datatypes, series ids, releases.
//!
//! A series id is `OEU` + area type + 7-digit area + 6-character industry + 6-digit SOC + 2-digit
//! datatype: `OEUN000000000000029902113` is the national, cross-industry annual median of 29-9021.
//! Each type here can only hold a value of its BLS form, so later steps need not check again.

mod series;

use std::fmt;

pub use series::{ReleaseCode, SeriesId, SeriesKey, parse_date, parse_date_arg, valid_date};

/// Writes fixed-width ASCII code bytes as text (the constructors only ever store ASCII).
fn ascii(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// Copies `text` into `N` bytes if it is exactly `N` ASCII bytes that all pass `allowed`.
fn fixed<const N: usize>(text: &str, allowed: impl Fn(u8) -> bool) -> Option<[u8; N]> {
    let bytes = text.as_bytes();
    if bytes.len() != N || !bytes.iter().all(|&b| allowed(b)) {
        return None;
    }
    let mut out = [0u8; N];
    out.copy_from_slice(bytes);
    Some(out)
}

/// The kind of area an estimate covers, as the letter after `OEU` in a series id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaType {
    /// `N`: the United States.
    National,
    /// `S`: a state, the District of Columbia or a territory.
    State,
    /// `M`: a metropolitan or nonmetropolitan area.
    Metro,
}

impl AreaType {
    pub const ALL: [AreaType; 3] = [AreaType::National, AreaType::State, AreaType::Metro];

    /// `N`, `S` or `M`.
    pub const fn letter(self) -> char {
        match self {
            AreaType::National => 'N',
            AreaType::State => 'S',
            AreaType::Metro => 'M',
        }
    }

    pub fn parse(text: &str) -> Option<AreaType> {
        AreaType::ALL
            .into_iter()
            .find(|t| text.len() == 1 && text.starts_with(t.letter()))
    }
}

impl fmt::Display for AreaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// A 7-digit OEWS area code: `0000000` national, `4800000` Texas, `0012420` Austin's metro area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaCode([u8; 7]);

impl AreaCode {
    pub const NATIONAL: AreaCode = AreaCode(*b"0000000");

    pub fn parse(text: &str) -> Option<AreaCode> {
        fixed(text, |b| b.is_ascii_digit()).map(AreaCode)
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }

    /// The state a state or nonmetropolitan area code begins with (metro codes begin `00`).
    pub fn state_prefix(&self) -> StateCode {
        StateCode([self.0[0], self.0[1]])
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 2-digit state FIPS code; `00` for the nation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StateCode([u8; 2]);

impl StateCode {
    pub const NATIONAL: StateCode = StateCode(*b"00");

    pub fn parse(text: &str) -> Option<StateCode> {
        fixed(text, |b| b.is_ascii_digit()).map(StateCode)
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }

    /// The area code of this state's own estimates: the FIPS code and `00000`.
    pub fn area(&self) -> AreaCode {
        let mut code = *b"0000000";
        code[..2].copy_from_slice(&self.0);
        AreaCode(code)
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 6-character OEWS industry code: `000000` cross-industry, a sector such as `62--63` or
/// `99-100`, a NAICS-based code such as `622000` (codes ending in `5` are ownership splits), or an
/// OEWS grouping of 4-digit industries such as `3250A1` ("3251, 3252, 3253, and 3259 only").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndustryCode([u8; 6]);

impl IndustryCode {
    pub const CROSS_INDUSTRY: IndustryCode = IndustryCode(*b"000000");

    /// Two digits (the NAICS sector), then digits, capital letters or hyphens: the forms of
    /// `oe.industry` in May 2025.
    pub fn parse(text: &str) -> Option<IndustryCode> {
        let code: [u8; 6] = fixed(text, |b| {
            b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'-'
        })?;
        (code[0].is_ascii_digit() && code[1].is_ascii_digit()).then_some(IndustryCode(code))
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }
}

impl fmt::Display for IndustryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Standard Occupational Classification code, shown as `29-9021` and written in series ids
/// without its hyphen (`299021`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Soc([u8; 6]);

impl Soc {
    /// `29-9021`, as BLS shows it to readers.
    pub fn parse(text: &str) -> Option<Soc> {
        let (major, minor) = text.split_once('-')?;
        if major.len() != 2 {
            return None;
        }
        Soc::from_digits(&format!("{major}{minor}"))
    }

    /// `299021`, as series ids and `oe.occupation` write it.
    pub fn from_digits(text: &str) -> Option<Soc> {
        fixed(text, |b| b.is_ascii_digit()).map(Soc)
    }

    /// A valid code that names no occupation, for a loader to carry on with after reporting a
    /// bad one.
    pub const PLACEHOLDER: Soc = Soc(*b"000000");

    /// `299021`.
    pub fn digits(&self) -> &str {
        ascii(&self.0)
    }
}

/// `29-9021`.
impl fmt::Display for Soc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.digits()[..2], &self.digits()[2..])
    }
}

/// A BLS footnote code. OEWS uses single digits (`8`: estimate not released); other BLS surveys
/// use single letters, so one ASCII letter or digit is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FootnoteCode(u8);

impl FootnoteCode {
    /// `8`: "Estimate not released."
    pub const NOT_RELEASED: FootnoteCode = FootnoteCode(b'8');

    pub fn parse(text: &str) -> Option<FootnoteCode> {
        fixed::<1>(text, |b| b.is_ascii_alphanumeric()).map(|[b]| FootnoteCode(b))
    }

    pub fn as_char(&self) -> char {
        char::from(self.0)
    }
}

impl fmt::Display for FootnoteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_char())
    }
}

/// What a value measures, and the form BLS writes it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A whole number of jobs: `51140`.
    Jobs,
    /// A relative standard error in percent, one decimal: `2.1`.
    Rse,
    /// Dollars an hour with two decimals: `24.59`.
    Hourly,
    /// Whole dollars a year: `51140`.
    Annual,
    /// Jobs per 1,000 jobs in the area, three decimals: `1.234`.
    PerThousand,
    /// A location quotient, two decimals: `1.02`.
    Quotient,
}

impl Unit {
    /// The form a value of this unit must have, for messages: "dollars with two decimals (24.59)".
    pub const fn form(self) -> &'static str {
        match self {
            Unit::Jobs => "a whole number of jobs (51140)",
            Unit::Rse => "a percentage with one decimal (2.1)",
            Unit::Hourly => "dollars with two decimals (24.59)",
            Unit::Annual => "whole dollars (51140)",
            Unit::PerThousand => "a number with three decimals (1.234)",
            Unit::Quotient => "a number with two decimals (1.02)",
        }
    }
}

/// Which percentile of a wage distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Percentile {
    P10,
    P25,
    Median,
    P75,
    P90,
}

impl Percentile {
    pub const ALL: [Percentile; 5] = [
        Percentile::P10,
        Percentile::P25,
        Percentile::Median,
        Percentile::P75,
        Percentile::P90,
    ];
}

/// The 17 statistics OEWS publishes for a series key, numbered as in series ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Datatype {
    Employment = 1,
    EmploymentRse = 2,
    HourlyMean = 3,
    AnnualMean = 4,
    WageRse = 5,
    HourlyP10 = 6,
    HourlyP25 = 7,
    HourlyMedian = 8,
    HourlyP75 = 9,
    HourlyP90 = 10,
    AnnualP10 = 11,
    AnnualP25 = 12,
    AnnualMedian = 13,
    AnnualP75 = 14,
    AnnualP90 = 15,
    PerThousandJobs = 16,
    LocationQuotient = 17,
}

impl Datatype {
    pub const ALL: [Datatype; 17] = [
        Datatype::Employment,
        Datatype::EmploymentRse,
        Datatype::HourlyMean,
        Datatype::AnnualMean,
        Datatype::WageRse,
        Datatype::HourlyP10,
        Datatype::HourlyP25,
        Datatype::HourlyMedian,
        Datatype::HourlyP75,
        Datatype::HourlyP90,
        Datatype::AnnualP10,
        Datatype::AnnualP25,
        Datatype::AnnualMedian,
        Datatype::AnnualP75,
        Datatype::AnnualP90,
        Datatype::PerThousandJobs,
        Datatype::LocationQuotient,
    ];

    /// 1 to 17.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// This datatype's place in [`Datatype::ALL`] (its number less one).
    pub const fn index(self) -> usize {
        self as usize - 1
    }

    /// `01` to `17`, as in series ids and `oe.datatype`.
    pub fn code(self) -> String {
        format!("{:02}", self.number())
    }

    /// Reads `01` to `17`.
    pub fn parse(text: &str) -> Option<Datatype> {
        let digits: [u8; 2] = fixed(text, |b| b.is_ascii_digit())?;
        let number = usize::from((digits[0] - b'0') * 10 + (digits[1] - b'0'));
        number
            .checked_sub(1)
            .and_then(|i| Datatype::ALL.get(i))
            .copied()
    }

    /// The name BLS gives it in `oe.datatype`; the importer refuses a release whose names differ.
    pub const fn bls_name(self) -> &'static str {
        match self {
            Datatype::Employment => "Employment",
            Datatype::EmploymentRse => "Employment percent relative standard error",
            Datatype::HourlyMean => "Hourly mean wage",
            Datatype::AnnualMean => "Annual mean wage",
            Datatype::WageRse => "Wage percent relative standard error",
            Datatype::HourlyP10 => "Hourly 10th percentile wage",
            Datatype::HourlyP25 => "Hourly 25th percentile wage",
            Datatype::HourlyMedian => "Hourly median wage",
            Datatype::HourlyP75 => "Hourly 75th percentile wage",
            Datatype::HourlyP90 => "Hourly 90th percentile wage",
            Datatype::AnnualP10 => "Annual 10th percentile wage",
            Datatype::AnnualP25 => "Annual 25th percentile wage",
            Datatype::AnnualMedian => "Annual median wage",
            Datatype::AnnualP75 => "Annual 75th percentile wage",
            Datatype::AnnualP90 => "Annual 90th percentile wage",
            Datatype::PerThousandJobs => "Employment per 1,000 jobs",
            Datatype::LocationQuotient => "Location Quotient",
        }
    }

    /// The column name in `series.tsv`: the code and a short name, `08_hourly_median`.
    pub const fn column(self) -> &'static str {
        match self {
            Datatype::Employment => "01_employment",
            Datatype::EmploymentRse => "02_employment_rse",
            Datatype::HourlyMean => "03_hourly_mean",
            Datatype::AnnualMean => "04_annual_mean",
            Datatype::WageRse => "05_wage_rse",
            Datatype::HourlyP10 => "06_hourly_p10",
            Datatype::HourlyP25 => "07_hourly_p25",
            Datatype::HourlyMedian => "08_hourly_median",
            Datatype::HourlyP75 => "09_hourly_p75",
            Datatype::HourlyP90 => "10_hourly_p90",
            Datatype::AnnualP10 => "11_annual_p10",
            Datatype::AnnualP25 => "12_annual_p25",
            Datatype::AnnualMedian => "13_annual_median",
            Datatype::AnnualP75 => "14_annual_p75",
            Datatype::AnnualP90 => "15_annual_p90",
            Datatype::PerThousandJobs => "16_per_1000_jobs",
            Datatype::LocationQuotient => "17_location_quotient",
        }
    }

    pub const fn unit(self) -> Unit {
        match self {
            Datatype::Employment => Unit::Jobs,
            Datatype::EmploymentRse | Datatype::WageRse => Unit::Rse,
            Datatype::HourlyMean
            | Datatype::HourlyP10
            | Datatype::HourlyP25
            | Datatype::HourlyMedian
            | Datatype::HourlyP75
            | Datatype::HourlyP90 => Unit::Hourly,
            Datatype::AnnualMean
            | Datatype::AnnualP10
            | Datatype::AnnualP25
            | Datatype::AnnualMedian
            | Datatype::AnnualP75
            | Datatype::AnnualP90 => Unit::Annual,
            Datatype::PerThousandJobs => Unit::PerThousand,
            Datatype::LocationQuotient => Unit::Quotient,
        }
    }

    /// The hourly wage at `percentile`.
    pub const fn hourly(percentile: Percentile) -> Datatype {
        match percentile {
            Percentile::P10 => Datatype::HourlyP10,
            Percentile::P25 => Datatype::HourlyP25,
            Percentile::Median => Datatype::HourlyMedian,
            Percentile::P75 => Datatype::HourlyP75,
            Percentile::P90 => Datatype::HourlyP90,
        }
    }

    /// The annual wage at `percentile`.
    pub const fn annual(percentile: Percentile) -> Datatype {
        match percentile {
            Percentile::P10 => Datatype::AnnualP10,
            Percentile::P25 => Datatype::AnnualP25,
            Percentile::Median => Datatype::AnnualMedian,
            Percentile::P75 => Datatype::AnnualP75,
            Percentile::P90 => Datatype::AnnualP90,
        }
    }

    /// The annual wage BLS derives from this hourly one (mean or percentile).
    pub const fn annual_of(self) -> Option<Datatype> {
        match self {
            Datatype::HourlyMean => Some(Datatype::AnnualMean),
            Datatype::HourlyP10 => Some(Datatype::AnnualP10),
            Datatype::HourlyP25 => Some(Datatype::AnnualP25),
            Datatype::HourlyMedian => Some(Datatype::AnnualMedian),
            Datatype::HourlyP75 => Some(Datatype::AnnualP75),
            Datatype::HourlyP90 => Some(Datatype::AnnualP90),
            _ => None,
        }
    }
}

impl fmt::Display for Datatype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.bls_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_hold_only_their_bls_form() {
        assert!(AreaCode::parse("4800000").is_some());
        assert!(AreaCode::parse("480000").is_none());
        assert!(AreaCode::parse("48000a0").is_none());
        assert!(IndustryCode::parse("622005").is_some());
        assert!(IndustryCode::parse("62--63").is_some());
        assert!(IndustryCode::parse("99-100").is_some());
        assert!(IndustryCode::parse("3250A1").is_some());
        assert!(IndustryCode::parse("6--263").is_none());
        assert!(IndustryCode::parse("------").is_none());
        assert!(IndustryCode::parse("3250a1").is_none());
        assert!(IndustryCode::parse("62 000").is_none());
        assert_eq!(Soc::parse("29-2072"), Soc::from_digits("292072"));
        assert!(Soc::parse("292-072").is_none());
        assert!(Soc::parse("292072").is_none());
        assert_eq!(StateCode::parse("48").unwrap().area().as_str(), "4800000");
        assert_eq!(
            AreaCode::parse("0100001").unwrap().state_prefix().as_str(),
            "01"
        );
        assert_eq!(FootnoteCode::parse("8"), Some(FootnoteCode::NOT_RELEASED));
        assert!(FootnoteCode::parse("88").is_none());
        assert!(FootnoteCode::parse("").is_none());
        assert_eq!(AreaType::parse("S"), Some(AreaType::State));
        assert_eq!(AreaType::parse("SM"), None);
    }

    #[test]
    fn numbers_datatypes_as_series_ids_do() {
        for (i, datatype) in Datatype::ALL.into_iter().enumerate() {
            assert_eq!(datatype.index(), i);
            assert_eq!(Datatype::parse(&datatype.code()), Some(datatype));
            assert!(datatype.column().starts_with(&datatype.code()));
        }
        assert_eq!(Datatype::parse("00"), None);
        assert_eq!(Datatype::parse("18"), None);
        assert_eq!(
            Datatype::HourlyP75.annual_of(),
            Some(Datatype::annual(Percentile::P75))
        );
        assert_eq!(Datatype::Employment.annual_of(), None);
    }
}
