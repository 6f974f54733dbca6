//! The salary comparison's query: decoded strictly, validated into typed choices, and written back
//! as a canonical link. Every rejected field gets a message a reader can act on.

use super::data::SalaryData;
use super::money::{Cents, MoneyError, Period, to_annual};

/// The largest yearly offer the comparison accepts; anything above is surely a typo.
pub const MAX_ANNUAL: Cents = Cents::from_dollars(10_000_000);
/// More pairs than any form sends; a longer query is refused, not parsed.
const MAX_PAIRS: usize = 32;

/// Which comparison to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// The three HIM occupations side by side.
    Ladder,
    /// One occupation's pay by work setting.
    Settings,
}

impl Compare {
    pub const ALL: [Compare; 2] = [Compare::Ladder, Compare::Settings];

    pub fn as_str(self) -> &'static str {
        match self {
            Compare::Ladder => "ladder",
            Compare::Settings => "settings",
        }
    }
}

/// How pay is shown: per year, month or hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    Year,
    Month,
    Hour,
}

impl Display {
    pub const ALL: [Display; 3] = [Display::Year, Display::Month, Display::Hour];

    pub fn as_str(self) -> &'static str {
        self.period().as_str()
    }

    pub fn period(self) -> Period {
        match self {
            Display::Year => Period::Year,
            Display::Month => Period::Month,
            Display::Hour => Period::Hour,
        }
    }

    /// "annual", "monthly", "hourly".
    pub fn adjective(self) -> &'static str {
        match self {
            Display::Year => "annual",
            Display::Month => "monthly",
            Display::Hour => "hourly",
        }
    }
}

/// An offer to check, with its yearly equivalent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub amount: Cents,
    pub period: Period,
    pub annual: Cents,
}

/// A valid query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub compare: Compare,
    /// The occupation whose settings are compared and in which an offer is placed.
    pub occupation: String,
    /// The occupation the ladder's differences are measured from.
    pub baseline: String,
    pub display: Display,
    pub offer: Option<Offer>,
    /// The period chosen in the form, kept even without an offer so the form shows it.
    pub period: Period,
}

/// What the reader typed, as text, so a rejected form can be shown again exactly as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    pub compare: String,
    pub occupation: String,
    pub baseline: String,
    pub display: String,
    pub offer: String,
    pub period: String,
}

/// A field the reader must correct, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The query parameter's name, or `query` for the address as a whole.
    pub field: &'static str,
    pub message: String,
}

/// A query that cannot be answered: what was typed and what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub input: Input,
    pub errors: Vec<FieldError>,
}

impl Rejected {
    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl Query {
    /// The comparison shown when the page is opened without a query.
    pub fn default_for(data: &SalaryData) -> Query {
        let first = data
            .occupations
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default();
        let has = |id: &str| data.occupation(id).is_some();
        Query {
            compare: Compare::Ladder,
            occupation: if has("technologist") {
                "technologist".into()
            } else {
                first.clone()
            },
            baseline: if has("specialist") {
                "specialist".into()
            } else {
                first
            },
            display: Display::Year,
            offer: None,
            period: Period::Year,
        }
    }

    /// Reads a raw query string (without the `?`). Empty fields count as absent; unknown
    /// parameters are ignored, so a link with tracking parameters still works.
    pub fn parse(raw: &str, data: &SalaryData) -> Result<Query, Box<Rejected>> {
        let mut rejected = Rejected {
            input: Input::default(),
            errors: Vec::new(),
        };
        let pairs = match decode(raw) {
            Ok(pairs) => pairs,
            Err(message) => {
                rejected.errors.push(FieldError {
                    field: "query",
                    message,
                });
                return Err(Box::new(rejected));
            }
        };
        let defaults = Query::default_for(data);
        for (key, value) in &pairs {
            let slot = match key.as_str() {
                "compare" => &mut rejected.input.compare,
                "occupation" => &mut rejected.input.occupation,
                "baseline" => &mut rejected.input.baseline,
                "display" => &mut rejected.input.display,
                "offer" => &mut rejected.input.offer,
                "period" => &mut rejected.input.period,
                _ => continue,
            };
            let value = value.trim();
            if !slot.is_empty() && !value.is_empty() && slot != value {
                let field = static_name(key);
                if !rejected.errors.iter().any(|e| e.field == field) {
                    rejected.errors.push(FieldError {
                        field,
                        message: format!(
                            "`{key}` is given more than once with different values; keep one."
                        ),
                    });
                }
            } else if slot.is_empty() {
                *slot = value.to_string();
            }
        }
        let input = rejected.input.clone();
        let mut error = |field: &'static str, message: String| {
            if !rejected.errors.iter().any(|e| e.field == field) {
                rejected.errors.push(FieldError { field, message });
            }
        };

        let compare = match input.compare.as_str() {
            "" => defaults.compare,
            name => Compare::ALL.into_iter().find(|c| c.as_str() == name).unwrap_or_else(|| {
                error("compare", "Choose what to compare: the occupations (ladder) or work settings (settings).".into());
                defaults.compare
            }),
        };
        let occupation_ids: Vec<&str> = data.occupations.iter().map(|o| o.id.as_str()).collect();
        let mut occupation_field = |field: &'static str, value: &str, default: String| match value {
            "" => default,
            id if occupation_ids.contains(&id) => id.to_string(),
            _ => {
                error(
                    field,
                    format!(
                        "Choose one of the listed occupations ({}).",
                        occupation_ids.join(", ")
                    ),
                );
                default
            }
        };
        let occupation = occupation_field("occupation", &input.occupation, defaults.occupation);
        let baseline = occupation_field("baseline", &input.baseline, defaults.baseline);
        let display = match input.display.as_str() {
            "" => defaults.display,
            name => Display::ALL
                .into_iter()
                .find(|d| d.as_str() == name)
                .unwrap_or_else(|| {
                    error("display", "Show pay per year, month or hour.".into());
                    defaults.display
                }),
        };
        let period = match input.period.as_str() {
            "" => Period::Year,
            name => Period::parse(name).unwrap_or_else(|| {
                error(
                    "period",
                    "Choose how often the offer is paid: hour, week, two weeks, month or year."
                        .into(),
                );
                Period::Year
            }),
        };
        let offer = match input.offer.as_str() {
            "" => None,
            text => match Cents::parse(text) {
                Ok(amount) if amount.0 == 0 => {
                    error("offer", "Enter an offer above $0.".into());
                    None
                }
                Ok(amount) => {
                    match to_annual(amount, period).filter(|annual| *annual <= MAX_ANNUAL) {
                        Some(annual) => Some(Offer {
                            amount,
                            period,
                            annual,
                        }),
                        None => {
                            error(
                                "offer",
                                format!(
                                    "That comes to more than {} a year; check the amount and how often it is paid.",
                                    MAX_ANNUAL.dollars_text()
                                ),
                            );
                            None
                        }
                    }
                }
                Err(MoneyError::Negative) => {
                    error("offer", "An offer cannot be negative.".into());
                    None
                }
                Err(MoneyError::TooLarge) => {
                    error("offer", "That amount is far too large; check it.".into());
                    None
                }
                Err(MoneyError::Empty | MoneyError::NotANumber) => {
                    error(
                        "offer",
                        "Enter the offer as a number of dollars, like 52,000 or 24.50.".into(),
                    );
                    None
                }
            },
        };

        if rejected.errors.is_empty() {
            return Ok(Query {
                compare,
                occupation,
                baseline,
                display,
                offer,
                period,
            });
        }
        // Fields the reader left out show the defaults again, so the form is whole.
        let input = &mut rejected.input;
        let shown = Query::default_for(data).to_input();
        for (field, default) in [
            (&mut input.compare, shown.compare),
            (&mut input.occupation, shown.occupation),
            (&mut input.baseline, shown.baseline),
            (&mut input.display, shown.display),
            (&mut input.period, shown.period),
        ] {
            if field.is_empty() {
                *field = default;
            }
        }
        Err(Box::new(rejected))
    }
    /// The canonical query string that reproduces this comparison.
    pub fn to_query_string(&self) -> String {
        let mut query = format!(
            "compare={}&occupation={}&baseline={}&display={}",
            self.compare.as_str(),
            self.occupation,
            self.baseline,
            self.display.as_str()
        );
        if let Some(offer) = self.offer {
            query.push_str(&format!(
                "&offer={}&period={}",
                plain_amount(offer.amount),
                offer.period.as_str()
            ));
        }
        query
    }

    /// The query as form input, for showing the current choices.
    pub fn to_input(&self) -> Input {
        Input {
            compare: self.compare.as_str().into(),
            occupation: self.occupation.clone(),
            baseline: self.baseline.clone(),
            display: self.display.as_str().into(),
            offer: self
                .offer
                .map(|o| plain_amount(o.amount))
                .unwrap_or_default(),
            period: self.period.as_str().into(),
        }
    }
}

/// `52000` or `24.50`: an amount as it goes back into a form or a URL.
fn plain_amount(amount: Cents) -> String {
    if amount.0 % 100 == 0 {
        (amount.0 / 100).to_string()
    } else {
        format!("{}.{:02}", amount.0 / 100, amount.0 % 100)
    }
}

fn static_name(key: &str) -> &'static str {
    match key {
        "compare" => "compare",
        "occupation" => "occupation",
        "baseline" => "baseline",
        "display" => "display",
        "offer" => "offer",
        _ => "period",
    }
}

/// Splits and percent-decodes `application/x-www-form-urlencoded` text, refusing malformed
/// escapes and invalid UTF-8 instead of guessing.
pub fn decode(raw: &str) -> Result<Vec<(String, String)>, String> {
    let malformed = || {
        "The address could not be read: it contains a malformed %-escape or text that is not UTF-8."
            .to_string()
    };
    let mut pairs = Vec::new();
    for part in raw.split('&').filter(|p| !p.is_empty()) {
        if pairs.len() == MAX_PAIRS {
            return Err(format!(
                "The address has more than {MAX_PAIRS} parameters; use the form to make a new one."
            ));
        }
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((
            percent_decode(key).ok_or_else(malformed)?,
            percent_decode(value).ok_or_else(malformed)?,
        ));
    }
    Ok(pairs)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                out.push(value);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::Source;
    use std::path::Path;

    fn data() -> SalaryData {
        let sources: Vec<Source> = crate::sources::parse(
            Path::new("s.toml"),
            "[[source]]\nid=\"bls\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"data\"\ndate=\"d\"\ncontributed=\"c\"\n",
        )
        .unwrap();
        let occupation = |id: &str| {
            format!(
                "[[occupation]]\nid=\"{id}\"\nsoc=\"1\"\ntitle=\"T\"\nshort=\"t\"\nhim_titles=[]\nentry_education=\"e\"\n\
                 [[figure]]\nid=\"{id}-m\"\noccupation=\"{id}\"\nstatistic=\"median\"\nperiod=\"annual\"\n\
                 amount=\"$50,000\"\nrelease=\"OOH May 2023\"\nscope=\"national\"\nsource=\"bls\"\n"
            )
        };
        let text = format!(
            "reviewed = 2026-11-22\n{}{}",
            occupation("specialist"),
            occupation("technologist")
        );
        super::super::data::parse(Path::new("salary.toml"), &text, &sources).unwrap()
    }

    fn parse(raw: &str) -> Result<Query, Box<Rejected>> {
        Query::parse(raw, &data())
    }

    fn errors(raw: &str) -> Vec<(&'static str, String)> {
        parse(raw)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn an_empty_query_is_the_default_comparison() {
        assert_eq!(parse("").unwrap(), Query::default_for(&data()));
        assert_eq!(
            parse("offer=&period=&occupation=").unwrap(),
            Query::default_for(&data())
        );
    }

    #[test]
    fn reads_an_offer_and_converts_it_to_a_year() {
        let query = parse(
            "occupation=technologist&offer=24.50&period=hour&display=month&utm_source=school",
        )
        .unwrap();
        assert_eq!(
            query.offer,
            Some(Offer {
                amount: Cents(2450),
                period: Period::Hour,
                annual: Cents::from_dollars(50_960)
            })
        );
        assert_eq!(query.display, Display::Month);
        assert_eq!(
            query.to_query_string(),
            "compare=ladder&occupation=technologist&baseline=specialist&display=month&offer=24.50&period=hour"
        );
    }

    #[test]
    fn decodes_percent_escapes_and_plus_signs() {
        let query = parse("offer=%2452%2C000+&period=year").unwrap();
        assert_eq!(query.offer.unwrap().amount, Cents::from_dollars(52_000));
    }

    #[test]
    fn rejects_each_bad_field_with_a_message_and_keeps_the_input() {
        let rejected =
            parse("occupation=wizard&offer=lots&period=fortnight&display=week&compare=x")
                .unwrap_err();
        assert_eq!(rejected.input.offer, "lots");
        let partial = parse("offer=abc").unwrap_err();
        assert_eq!(
            (
                partial.input.compare.as_str(),
                partial.input.period.as_str()
            ),
            ("ladder", "year"),
            "defaults fill the gaps"
        );
        assert_eq!(rejected.input.occupation, "wizard");
        let fields: Vec<_> = rejected.errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["compare", "occupation", "display", "period", "offer"]
        );
        assert!(
            rejected
                .error_for("occupation")
                .unwrap()
                .contains("specialist, technologist")
        );
    }

    #[test]
    fn rejects_zero_negative_and_absurd_offers() {
        assert_eq!(
            errors("offer=0"),
            [("offer", "Enter an offer above $0.".to_string())]
        );
        assert_eq!(
            errors("offer=-5"),
            [("offer", "An offer cannot be negative.".to_string())]
        );
        assert!(
            errors("offer=10000001")[0]
                .1
                .contains("more than $10,000,000 a year")
        );
        assert!(
            errors("offer=5000&period=hour")[0]
                .1
                .contains("more than $10,000,000 a year")
        );
        assert!(parse("offer=10000000").is_ok());
    }

    #[test]
    fn rejects_malformed_encoding_and_conflicting_repeats() {
        assert_eq!(errors("offer=%zz")[0].0, "query");
        assert_eq!(errors("offer=%FF")[0].0, "query");
        assert!(errors("offer=1&offer=2")[0].1.contains("more than once"));
        assert!(parse("offer=1&offer=1").is_ok());
        let many = vec!["a=1"; 40].join("&");
        assert!(errors(&many)[0].1.contains("more than 32 parameters"));
    }

    #[test]
    fn writes_amounts_back_plainly() {
        assert_eq!(plain_amount(Cents(5_200_000)), "52000");
        assert_eq!(plain_amount(Cents(2405)), "24.05");
    }
}
