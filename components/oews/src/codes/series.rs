//! The codes made of other codes: series keys and series ids, and the release a series belongs
//! to, with the dates a release records.

use std::fmt;

use super::{AreaCode, AreaType, Datatype, IndustryCode, Soc, ascii, fixed};
use diagnostics::Date;

/// What one row of the extract is about: an area, an industry and an occupation.
/// Written as a series id without its datatype: `OEUN000000000000029902113` less `13`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub area_type: AreaType,
    pub area: AreaCode,
    pub industry: IndustryCode,
    pub soc: Soc,
}

impl SeriesKey {
    /// The length of a key as text: `OEU` + 1 + 7 + 6 + 6.
    pub const LEN: usize = 23;

    pub fn parse(text: &str) -> Option<SeriesKey> {
        if text.len() != SeriesKey::LEN || !text.is_ascii() {
            return None;
        }
        let rest = text.strip_prefix("OEU")?;
        Some(SeriesKey {
            area_type: AreaType::parse(&rest[..1])?,
            area: AreaCode::parse(&rest[1..8])?,
            industry: IndustryCode::parse(&rest[8..14])?,
            soc: Soc::from_digits(&rest[14..20])?,
        })
    }
}

impl fmt::Display for SeriesKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "OEU{}{}{}{}",
            self.area_type,
            self.area,
            self.industry,
            self.soc.digits()
        )
    }
}

/// A BLS series id: a key and a datatype, `OEUN000000000000029902113`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesId {
    pub key: SeriesKey,
    pub datatype: Datatype,
}

impl SeriesId {
    pub const LEN: usize = SeriesKey::LEN + 2;

    pub fn parse(text: &str) -> Option<SeriesId> {
        if text.len() != SeriesId::LEN || !text.is_ascii() {
            return None;
        }
        let (key, datatype) = text.split_at(SeriesKey::LEN);
        Some(SeriesId {
            key: SeriesKey::parse(key)?,
            datatype: Datatype::parse(datatype)?,
        })
    }
}

impl fmt::Display for SeriesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.key, self.datatype.code())
    }
}

/// An OEWS release: `2025A01` is the May 2025 estimates (`A01`, the annual release).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReleaseCode {
    pub year: u16,
    pub period: u8,
}

impl ReleaseCode {
    pub fn parse(text: &str) -> Option<ReleaseCode> {
        let year: [u8; 4] = fixed(text.get(..4)?, |b| b.is_ascii_digit())?;
        let period: [u8; 2] = fixed(text.get(5..)?, |b| b.is_ascii_digit())?;
        if text.as_bytes().get(4) != Some(&b'A') {
            return None;
        }
        Some(ReleaseCode {
            year: ascii(&year).parse().ok()?,
            period: ascii(&period).parse().ok()?,
        })
    }

    /// The year as BLS writes it in `oe.data`: `2025`.
    pub fn year_text(&self) -> String {
        format!("{:04}", self.year)
    }

    /// The period as BLS writes it in `oe.data`: `A01`.
    pub fn period_text(&self) -> String {
        format!("A{:02}", self.period)
    }
}

impl fmt::Display for ReleaseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.year_text(), self.period_text())
    }
}

/// Reads an ISO date, `2026-05-15`, checking that the day exists.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) {
        return None;
    }
    let date = Date {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    valid_date(&date).then_some(date)
}

/// Whether `date` is a day of the calendar.
pub fn valid_date(date: &Date) -> bool {
    let leap = date.year.is_multiple_of(4)
        && (!date.year.is_multiple_of(100) || date.year.is_multiple_of(400));
    let days = match date.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&date.day)
}

/// For clap: `--published 2026-05-15`.
pub fn parse_date_arg(text: &str) -> Result<Date, String> {
    parse_date(text).ok_or_else(|| format!("`{text}` is not a date written as YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_series_ids_as_bls_does() {
        let id = SeriesId::parse("OEUN000000000000029902113").unwrap();
        assert_eq!(id.key.area_type, AreaType::National);
        assert_eq!(id.key.area, AreaCode::NATIONAL);
        assert_eq!(id.key.industry, IndustryCode::CROSS_INDUSTRY);
        assert_eq!(id.key.soc.to_string(), "29-9021");
        assert_eq!(id.datatype, Datatype::AnnualMedian);
        assert_eq!(id.to_string(), "OEUN000000000000029902113");
        let metro = SeriesKey::parse("OEUM001242062--63292072").unwrap();
        assert_eq!(metro.area.as_str(), "0012420");
        assert_eq!(metro.industry.as_str(), "62--63");
        assert_eq!(metro.to_string(), "OEUM001242062--63292072");
    }

    #[test]
    fn refuses_ids_that_are_not_bls_series_ids() {
        for bad in [
            "",
            "OEUN0000000000000299021",
            "OEUX00000000000000299021",
            "XXXN0000000000000029902113",
            "OEUN000000000000029902118",
            "OEUN000000000000029902100",
            "OEUN00000000-0000029902113",
            "OEUN0000000000000299O2113",
            "OEUN00000000000002990211é",
        ] {
            assert!(SeriesId::parse(bad).is_none(), "{bad:?} should be refused");
        }
        assert!(SeriesKey::parse("OEUN0000000000000029902").is_some());
        assert!(SeriesKey::parse("OEUN00000000000000299021").is_none());
    }

    #[test]
    fn reads_release_codes_and_dates() {
        let release = ReleaseCode::parse("2025A01").unwrap();
        assert_eq!((release.year, release.period), (2025, 1));
        assert_eq!(release.to_string(), "2025A01");
        assert_eq!(release.period_text(), "A01");
        for bad in ["2025", "2025M01", "2025A1", "25A01", "2025A01x", "２025A01"] {
            assert!(ReleaseCode::parse(bad).is_none(), "{bad:?}");
        }
        let date = parse_date("2026-05-15").unwrap();
        assert_eq!(date.iso(), "2026-05-15");
        assert!(parse_date("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-5-15",
            "20260515",
            "",
        ] {
            assert!(parse_date(bad).is_none(), "{bad:?}");
        }
    }
}
