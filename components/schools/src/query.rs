//! A search of the schools as an address holds it: `?q=&state=&area=&level=&field=&control=&sort=
//! &page=`, read into a [`Filter`] or the [`QueryProblem`] a reader is told about.

use oews::{AreaCode, StateCode};

use crate::{Control, Field, Filter, Level, Order};

/// The longest search text read; a name or a city is much shorter.
pub const MAX_TEXT_CHARS: usize = 100;
/// Results on one page of `/programs`; JSON and CSV give every result.
pub const PAGE_SIZE: usize = 50;
/// The last page number read; the whole list is 19 pages at [`PAGE_SIZE`].
const MAX_PAGE: usize = 1_000;

/// A search read from an address, with what the reader chose, to fill the form again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub filter: Filter,
    pub order: Order,
    /// From 1.
    pub page: usize,
    /// What was typed, as typed (trimmed).
    pub text: String,
    /// The state's page name as in `/programs/texas`, and the area's code, as chosen.
    pub state: Option<String>,
    pub area: Option<AreaCode>,
}

impl Query {
    /// Whether the reader asked for anything at all: a bare `/programs` shows no results.
    pub fn is_empty(&self) -> bool {
        self.filter == Filter::default() && self.page == 1 && self.order == Order::default()
    }
}

/// Why a search cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryProblem {
    /// Not a query string: a bad percent escape or bytes that are not UTF-8.
    Malformed,
    /// `q`, `state`, `area`, `sort` or `page` given twice.
    Repeated,
    TooLong,
    UnknownState,
    UnknownArea,
    UnknownLevel,
    UnknownField,
    UnknownControl,
    UnknownSort,
    BadPage,
}

/// Reads `pairs` (decoded already), naming a state by its page name with `state` and an area by
/// its code with `area`; each returns `None` for one the site does not know. Empty values are
/// left out, as a form sends for "any"; other keys are ignored, as links carry tracking tags.
pub fn parse(
    pairs: &[(String, String)],
    state: impl Fn(&str) -> Option<StateCode>,
    area: impl Fn(AreaCode) -> bool,
) -> Result<Query, QueryProblem> {
    let mut query = Query {
        page: 1,
        ..Query::default()
    };
    let mut seen = Vec::new();
    for (key, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let single = matches!(key.as_str(), "q" | "state" | "area" | "sort" | "page");
        if single {
            if seen.contains(&key.as_str()) {
                return Err(QueryProblem::Repeated);
            }
            seen.push(key.as_str());
        }
        match key.as_str() {
            "q" => {
                if value.chars().count() > MAX_TEXT_CHARS {
                    return Err(QueryProblem::TooLong);
                }
                query.text = value.to_string();
                query.filter.words = Filter::words_of(value);
            }
            "state" => {
                let slug = value.to_ascii_lowercase();
                query.filter.state = Some(state(&slug).ok_or(QueryProblem::UnknownState)?);
                query.state = Some(slug);
            }
            "area" => {
                let code = AreaCode::parse(value)
                    .filter(|&code| area(code))
                    .ok_or(QueryProblem::UnknownArea)?;
                query.filter.area = Some(code);
                query.area = Some(code);
            }
            "level" => add(
                &mut query.filter.levels,
                Level::from_slug(value).ok_or(QueryProblem::UnknownLevel)?,
            ),
            "field" => add(
                &mut query.filter.fields,
                Field::from_slug(value).ok_or(QueryProblem::UnknownField)?,
            ),
            "control" => add(
                &mut query.filter.controls,
                Control::from_slug(value).ok_or(QueryProblem::UnknownControl)?,
            ),
            "sort" => {
                query.order = match value {
                    "level" => Order::Level,
                    "name" => Order::Name,
                    _ => return Err(QueryProblem::UnknownSort),
                }
            }
            "page" => {
                query.page = value
                    .parse()
                    .ok()
                    .filter(|page| (1..=MAX_PAGE).contains(page))
                    .ok_or(QueryProblem::BadPage)?;
            }
            _ => {}
        }
    }
    // The form's order, whatever the address's: one search, one canonical list of choices.
    query.filter.levels.sort();
    query.filter.fields.sort();
    query.filter.controls.sort();
    Ok(query)
}

fn add<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The query string of `query` with `page` (1 leaves it out), in one order whatever was typed:
/// the address each result page, and each format, is shared by.
pub fn query_string(query: &Query, page: usize) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.text.is_empty() {
        pairs.push(("q", query.text.clone()));
    }
    if let Some(state) = &query.state {
        pairs.push(("state", state.clone()));
    }
    if let Some(area) = query.area {
        pairs.push(("area", area.to_string()));
    }
    pairs.extend(
        query
            .filter
            .levels
            .iter()
            .map(|l| ("level", l.slug().into())),
    );
    pairs.extend(
        query
            .filter
            .fields
            .iter()
            .map(|f| ("field", f.slug().into())),
    );
    pairs.extend(
        query
            .filter
            .controls
            .iter()
            .map(|c| ("control", c.slug().into())),
    );
    if query.order == Order::Name {
        pairs.push(("sort", "name".into()));
    }
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes all but unreserved characters; a space becomes `+`, as forms send it.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char);
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn read(list: &[(&str, &str)]) -> Result<Query, QueryProblem> {
        parse(
            &pairs(list),
            |slug| (slug == "texas").then(|| StateCode::parse("48").unwrap()),
            |code| code.as_str() == "0012420",
        )
    }

    #[test]
    fn a_full_search_is_read_and_written_back_in_one_order() {
        let query = read(&[
            ("field", "coding"),
            ("q", " Austin  College "),
            ("level", "associate"),
            ("state", "Texas"),
            ("level", "certificate"),
            ("control", "public"),
            ("area", "0012420"),
            ("utm_source", "newsletter"),
            ("page", "2"),
            ("level", "associate"),
        ])
        .unwrap();
        assert_eq!(query.filter.words, ["austin", "college"]);
        assert_eq!(query.filter.levels, [Level::Certificate, Level::Associate]);
        assert_eq!(query.page, 2);
        assert_eq!(
            query_string(&query, 1),
            "q=Austin++College&state=texas&area=0012420&level=certificate&level=associate&field=coding&control=public"
        );
        assert_eq!(query_string(&query, 3).rsplit('&').next(), Some("page=3"));
    }

    #[test]
    fn empty_values_are_any_and_a_bare_query_is_empty() {
        let query = read(&[("q", ""), ("state", ""), ("level", "")]).unwrap();
        assert!(query.is_empty());
        assert!(!read(&[("sort", "name")]).unwrap().is_empty());
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            read(&[("state", "atlantis")]),
            Err(QueryProblem::UnknownState)
        );
        assert_eq!(read(&[("area", "0099999")]), Err(QueryProblem::UnknownArea));
        assert_eq!(read(&[("area", "<b>")]), Err(QueryProblem::UnknownArea));
        assert_eq!(read(&[("level", "phd")]), Err(QueryProblem::UnknownLevel));
        assert_eq!(
            read(&[("field", "nursing")]),
            Err(QueryProblem::UnknownField)
        );
        assert_eq!(
            read(&[("control", "state")]),
            Err(QueryProblem::UnknownControl)
        );
        assert_eq!(read(&[("sort", "price")]), Err(QueryProblem::UnknownSort));
        assert_eq!(read(&[("page", "0")]), Err(QueryProblem::BadPage));
        assert_eq!(read(&[("page", "1001")]), Err(QueryProblem::BadPage));
        assert_eq!(read(&[("page", "-1")]), Err(QueryProblem::BadPage));
        assert_eq!(read(&[("q", "a"), ("q", "b")]), Err(QueryProblem::Repeated));
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(read(&[("q", &long)]), Err(QueryProblem::TooLong));
        assert!(read(&[("q", &"é".repeat(MAX_TEXT_CHARS))]).is_ok());
    }

    #[test]
    fn values_are_encoded_so_that_they_read_back() {
        assert_eq!(encode("a b&c=d<é"), "a+b%26c%3Dd%3C%C3%A9");
    }
}
