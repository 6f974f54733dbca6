//! The salary comparison's query: decoded strictly, validated into typed choices, and written back
//! as a canonical link. Every rejected field gets a message a reader can act on.

use super::area::{AreaPay, Areas};
use super::data::{Occupation, SalaryData};
use money::{Cents, MoneyError, Period, to_annual};
use oews::AreaCode;

/// The largest yearly offer the comparison accepts; anything above is surely a typo.
pub const MAX_ANNUAL: Cents = Cents::from_dollars(10_000_000);
/// More pairs than any form sends; a longer query is refused, not parsed.
const MAX_PAIRS: usize = 32;

/// Which comparison to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Every occupation content/salary.toml names, side by side.
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
}

/// An offer to check, with its yearly equivalent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub amount: Cents,
    pub period: Period,
    pub annual: Cents,
}

/// The second place of a two-place comparison, and the offer there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versus<'a> {
    /// The BLS area; `None` for the nation.
    pub area: Option<&'a AreaPay>,
    /// An offer in that place, paid every [`Query::period`] like the first.
    pub offer: Option<Offer>,
}

/// A valid query: every occupation it names is one of the data's, so computing it cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Query<'a> {
    pub compare: Compare,
    /// The BLS area whose pay the ladder and the offer check use; `None` for the nation.
    pub area: Option<&'a AreaPay>,
    /// The occupation whose settings are compared and in which an offer is placed.
    pub occupation: &'a Occupation,
    /// The occupation the ladder's differences are measured from.
    pub baseline: &'a Occupation,
    pub display: Display,
    pub offer: Option<Offer>,
    /// The period chosen in the form, kept even without an offer so the form shows it.
    pub period: Period,
    /// A second place to set beside the first (the ladder only).
    pub vs: Option<Versus<'a>>,
}

/// A field of the query, as named in the address; `Query` stands for the address as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Query,
    Compare,
    Area,
    Occupation,
    Baseline,
    Display,
    Offer,
    Period,
    /// The second place.
    Vs,
    /// The offer in the second place.
    OfferVs,
}

impl Field {
    /// The fields a reader sets, in the form's order.
    pub const INPUTS: [Field; 9] = [
        Field::Compare,
        Field::Area,
        Field::Vs,
        Field::Occupation,
        Field::Baseline,
        Field::Display,
        Field::Offer,
        Field::OfferVs,
        Field::Period,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Query => "query",
            Field::Compare => "compare",
            Field::Area => "area",
            Field::Occupation => "occupation",
            Field::Baseline => "baseline",
            Field::Display => "display",
            Field::Offer => "offer",
            Field::Period => "period",
            Field::Vs => "vs",
            Field::OfferVs => "offer_vs",
        }
    }

    fn parse(name: &str) -> Option<Field> {
        Field::INPUTS.into_iter().find(|f| f.as_str() == name)
    }
}

/// What is wrong with a field: facts for the web layer to put into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A %-escape is malformed, or the text is not UTF-8.
    Malformed,
    /// More parameters than any form sends.
    TooManyParameters {
        max: usize,
    },
    /// The field is given twice with different values.
    Repeated,
    /// Not one of the field's choices.
    UnknownChoice,
    /// An area code that is not seven digits.
    NotAnAreaCode,
    /// An area of the extract in which BLS released no wages for any of the occupations.
    NoPayInArea,
    /// An offer of zero.
    Zero,
    Negative,
    NotANumber,
    /// An amount too large to hold.
    TooLarge,
    /// An offer that comes to more than `max` a year.
    AboveMaximum {
        max: Cents,
    },
    /// The second place is the first one again.
    SamePlace,
    /// A second place asked for with a comparison other than the ladder.
    VersusNeedsLadder,
    /// An offer in the second place without a second place.
    NoSecondPlace,
}

/// A field the reader must correct, and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// What the reader typed, as text, so a rejected form can be shown again exactly as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    pub compare: String,
    pub area: String,
    pub occupation: String,
    pub baseline: String,
    pub display: String,
    pub offer: String,
    pub period: String,
    pub vs: String,
    pub offer_vs: String,
}

impl Input {
    fn slot(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Query => None,
            Field::Compare => Some(&mut self.compare),
            Field::Area => Some(&mut self.area),
            Field::Occupation => Some(&mut self.occupation),
            Field::Baseline => Some(&mut self.baseline),
            Field::Display => Some(&mut self.display),
            Field::Offer => Some(&mut self.offer),
            Field::Period => Some(&mut self.period),
            Field::Vs => Some(&mut self.vs),
            Field::OfferVs => Some(&mut self.offer_vs),
        }
    }
}

/// A query that cannot be answered: what was typed and what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub input: Input,
    pub errors: Vec<FieldError>,
}

impl Rejected {
    pub fn error_for(&self, field: Field) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }

    /// Records `problem` for `field`, unless the field already has one.
    fn add(&mut self, field: Field, problem: Problem) {
        if self.error_for(field).is_none() {
            self.errors.push(FieldError { field, problem });
        }
    }
}

impl<'a> Query<'a> {
    /// The comparison shown when the page is opened without a query.
    pub fn default_for(data: &'a SalaryData) -> Query<'a> {
        let first = data.first_occupation();
        Query {
            compare: Compare::Ladder,
            area: None,
            occupation: data
                .occupation(&data.comparison.occupation)
                .unwrap_or(first),
            baseline: data.occupation(&data.comparison.baseline).unwrap_or(first),
            display: Display::Year,
            offer: None,
            period: Period::Year,
            vs: None,
        }
    }

    /// Reads a raw query string (without the `?`). Empty fields count as absent; unknown
    /// parameters are ignored, so a link with tracking parameters still works. `areas` is where
    /// an `area` is looked up: without it (a site without the OEWS extract) only the nation is known.
    #[allow(
        clippy::too_many_lines,
        reason = "one short step per field, in the form's order"
    )]
    pub fn parse(
        raw: &str,
        data: &'a SalaryData,
        areas: Option<Areas<'a>>,
    ) -> Result<Query<'a>, Box<Rejected>> {
        let mut rejected = Rejected {
            input: Input::default(),
            errors: Vec::new(),
        };
        let pairs = match decode(raw) {
            Ok(pairs) => pairs,
            Err(problem) => {
                rejected.add(Field::Query, problem);
                return Err(Box::new(rejected));
            }
        };
        for (key, value) in &pairs {
            let Some(field) = Field::parse(key) else {
                continue;
            };
            let slot = rejected.input.slot(field).expect("an input field");
            let value = value.trim();
            if !slot.is_empty() && !value.is_empty() && slot != value {
                rejected.add(field, Problem::Repeated);
            } else if slot.is_empty() {
                *slot = value.to_string();
            }
        }
        let input = rejected.input.clone();
        let defaults = Query::default_for(data);
        let compare = match input.compare.as_str() {
            "" => Ok(defaults.compare),
            name => Compare::ALL
                .into_iter()
                .find(|c| c.as_str() == name)
                .ok_or(Problem::UnknownChoice),
        };
        let occupation_named = |field: Field, text: &str, default: &'a Occupation| match text {
            "" => Ok(default),
            id => data.occupation(id).ok_or(FieldError {
                field,
                problem: Problem::UnknownChoice,
            }),
        };
        let display = match input.display.as_str() {
            "" => Ok(defaults.display),
            name => Display::ALL
                .into_iter()
                .find(|d| d.as_str() == name)
                .ok_or(Problem::UnknownChoice),
        };
        let period = match input.period.as_str() {
            "" => Ok(Period::Year),
            name => Period::parse(name).ok_or(Problem::UnknownChoice),
        };
        let fields = (
            occupation_named(Field::Occupation, &input.occupation, defaults.occupation),
            occupation_named(Field::Baseline, &input.baseline, defaults.baseline),
        );
        let compare = compare.unwrap_or_else(|p| {
            rejected.add(Field::Compare, p);
            defaults.compare
        });
        let area = parse_area(&input.area, areas).unwrap_or_else(|p| {
            rejected.add(Field::Area, p);
            None
        });
        let occupation = fields.0.unwrap_or_else(|e| {
            rejected.add(e.field, e.problem);
            defaults.occupation
        });
        let baseline = fields.1.unwrap_or_else(|e| {
            rejected.add(e.field, e.problem);
            defaults.baseline
        });
        let display = display.unwrap_or_else(|p| {
            rejected.add(Field::Display, p);
            defaults.display
        });
        let period = period.unwrap_or_else(|p| {
            rejected.add(Field::Period, p);
            Period::Year
        });
        let offer = match parse_offer(&input.offer, period) {
            Ok(offer) => offer,
            Err(problem) => {
                rejected.add(Field::Offer, problem);
                None
            }
        };
        let vs = parse_versus(&input, areas, compare, area, period).unwrap_or_else(
            |(field, problem)| {
                rejected.add(field, problem);
                None
            },
        );

        if rejected.errors.is_empty() {
            return Ok(Query {
                compare,
                area,
                occupation,
                baseline,
                display,
                offer,
                period,
                vs,
            });
        }
        // Fields the reader left out show the defaults again, so the form is whole.
        let shown = defaults.to_input();
        let input = &mut rejected.input;
        for (field, default) in [
            (&mut input.compare, shown.compare),
            (&mut input.area, shown.area),
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

    /// The canonical query string that reproduces this comparison; it names no area for the nation.
    /// A second place follows the rest (`&vs=…&offer_vs=…`), so a one-place query reads as before.
    pub fn to_query_string(&self) -> String {
        let mut query = self.to_query_string_in(self.area.map(|pay| pay.area.code));
        self.push_versus(&mut query, true);
        query
    }

    /// The canonical query string without the offers: what the comparison's tables depend on.
    pub fn comparison_query_string(&self) -> String {
        let area = self.area.map(|pay| pay.area.code);
        let mut query = Query {
            offer: None,
            ..*self
        }
        .to_query_string_in(area);
        self.push_versus(&mut query, false);
        query
    }

    /// Appends the second place (`vs=0000000` for the nation) and, with `offer`, its offer, with
    /// the period when the first place's offer did not already write it.
    fn push_versus(&self, query: &mut String, offer: bool) {
        use std::fmt::Write;
        let Some(vs) = self.vs else {
            return;
        };
        let code = vs.area.map_or(AreaCode::NATIONAL, |pay| pay.area.code);
        let _ = write!(query, "&vs={code}");
        if let Some(there) = vs.offer.filter(|_| offer) {
            let _ = write!(query, "&offer_vs={}", plain_amount(there.amount));
            if self.offer.is_none() {
                let _ = write!(query, "&period={}", there.period.as_str());
            }
        }
    }

    /// The canonical query string of the same comparison in another area (`None`: the nation).
    pub fn to_query_string_in(&self, area: Option<AreaCode>) -> String {
        use std::fmt::Write;
        // Written into one buffer: the comparison asks for several of these on every request.
        let mut query = String::with_capacity(112);
        query.push_str("compare=");
        query.push_str(self.compare.as_str());
        if let Some(code) = area.filter(|code| *code != AreaCode::NATIONAL) {
            let _ = write!(query, "&area={code}");
        }
        let _ = write!(
            query,
            "&occupation={}&baseline={}&display={}",
            self.occupation.id,
            self.baseline.id,
            self.display.as_str()
        );
        if let Some(offer) = self.offer {
            let _ = write!(
                query,
                "&offer={}&period={}",
                plain_amount(offer.amount),
                offer.period.as_str()
            );
        }
        query
    }

    /// The query as form input, for showing the current choices.
    pub fn to_input(&self) -> Input {
        Input {
            compare: self.compare.as_str().into(),
            area: self
                .area
                .map_or(AreaCode::NATIONAL, |pay| pay.area.code)
                .to_string(),
            occupation: self.occupation.id.clone(),
            baseline: self.baseline.id.clone(),
            display: self.display.as_str().into(),
            offer: self
                .offer
                .map(|o| plain_amount(o.amount))
                .unwrap_or_default(),
            period: self.period.as_str().into(),
            vs: self
                .vs
                .map(|vs| {
                    vs.area
                        .map_or(AreaCode::NATIONAL, |pay| pay.area.code)
                        .to_string()
                })
                .unwrap_or_default(),
            offer_vs: self
                .vs
                .and_then(|vs| vs.offer)
                .map(|o| plain_amount(o.amount))
                .unwrap_or_default(),
        }
    }
}

/// The second place as typed in `input`, checked against the first (`area`) and the comparison;
/// `None` when none is asked for. An error names the field to correct.
fn parse_versus<'a>(
    input: &Input,
    areas: Option<Areas<'a>>,
    compare: Compare,
    area: Option<&'a AreaPay>,
    period: Period,
) -> Result<Option<Versus<'a>>, (Field, Problem)> {
    let offer = parse_offer(&input.offer_vs, period).map_err(|p| (Field::OfferVs, p))?;
    if input.vs.is_empty() {
        return match offer {
            Some(_) => Err((Field::OfferVs, Problem::NoSecondPlace)),
            None => Ok(None),
        };
    }
    let there = parse_area(&input.vs, areas).map_err(|p| (Field::Vs, p))?;
    if compare != Compare::Ladder {
        return Err((Field::Vs, Problem::VersusNeedsLadder));
    }
    let code = |pay: Option<&AreaPay>| pay.map(|pay| pay.area.code);
    if code(there) == code(area) {
        return Err((Field::Vs, Problem::SamePlace));
    }
    Ok(Some(Versus { area: there, offer }))
}

/// The area typed as `text`: `None` for the nation (empty or `0000000`), else an area of `areas`
/// in which BLS released wages for at least one of the occupations.
fn parse_area<'a>(text: &str, areas: Option<Areas<'a>>) -> Result<Option<&'a AreaPay>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    let code = AreaCode::parse(text).ok_or(Problem::NotAnAreaCode)?;
    if code == AreaCode::NATIONAL {
        return Ok(None);
    }
    let pay = areas
        .and_then(|areas| areas.pay(code))
        .ok_or(Problem::UnknownChoice)?;
    if pay.has_pay() {
        Ok(Some(pay))
    } else {
        Err(Problem::NoPayInArea)
    }
}

/// The offer typed as `text`, paid every `period`; empty text is no offer.
fn parse_offer(text: &str, period: Period) -> Result<Option<Offer>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    let amount = Cents::parse(text).map_err(|err| match err {
        MoneyError::Negative => Problem::Negative,
        MoneyError::TooLarge => Problem::TooLarge,
        MoneyError::Empty | MoneyError::NotANumber => Problem::NotANumber,
    })?;
    if amount.0 == 0 {
        return Err(Problem::Zero);
    }
    let annual = to_annual(amount, period)
        .filter(|annual| *annual <= MAX_ANNUAL)
        .ok_or(Problem::AboveMaximum { max: MAX_ANNUAL })?;
    Ok(Some(Offer {
        amount,
        period,
        annual,
    }))
}

/// `52000` or `24.50`: an amount as it goes back into a form or a URL.
fn plain_amount(amount: Cents) -> String {
    if amount.0 % 100 == 0 {
        (amount.0 / 100).to_string()
    } else {
        format!("{}.{:02}", amount.0 / 100, amount.0 % 100)
    }
}

/// Splits and percent-decodes `application/x-www-form-urlencoded` text, refusing malformed
/// escapes and invalid UTF-8 instead of guessing.
pub fn decode(raw: &str) -> Result<Vec<(String, String)>, Problem> {
    let malformed = || Problem::Malformed;
    let mut pairs = Vec::new();
    for part in raw.split('&').filter(|p| !p.is_empty()) {
        if pairs.len() == MAX_PAIRS {
            return Err(Problem::TooManyParameters { max: MAX_PAIRS });
        }
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((
            percent_decode(key).ok_or_else(malformed)?,
            percent_decode(value).ok_or_else(malformed)?,
        ));
    }
    Ok(pairs)
}

/// `+` as a space, then the `percent-encoding` crate's decoding; `None` for an escape that is not
/// `%` and two hexadecimal digits (which the crate would pass through as typed) or for text that is
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &byte)| {
        byte != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    let spaced = text.replace('+', " ");
    let decoded = percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .ok()?;
    Some(decoded.into_owned())
}

#[cfg(test)]
mod tests;
