//! Pay where you live: the directory of BLS areas that have figures for at least one HIM
//! occupation, each with a stable address, grouped by state, a forgiving search over their
//! names, and the rankings read from each area's pay ([`salary::area`]).

pub mod aliases;

use rustc_hash::FxHashMap;

use oews::{AreaCode, AreaType, Extract, IndustryCode, Soc, StateCode};
use salary::area::{AreaMedian, Areas};

/// Where area pages live: `/pay/texas`, `/pay/austin-round-rock-san-marcos-tx`.
pub const PAY_PAGE: &str = "/pay";

/// One area in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub code: AreaCode,
    pub area_type: AreaType,
    /// The state a state's or nonmetro area's code names; a metro area's primary state.
    pub state: StateCode,
    /// BLS's name: `Austin-Round Rock-San Marcos, TX`.
    pub name: String,
    /// The last part of the page's address, from the name: `austin-round-rock-san-marcos-tx`.
    pub slug: String,
    /// How much of the slug is the name's words (the rest is the code a slug shared with
    /// another area gets): search reads the words there rather than keeping them twice.
    name_words: usize,
}

impl Listing {
    pub fn new(code: AreaCode, area_type: AreaType, state: StateCode, name: &str) -> Listing {
        let slug = slug(name);
        Listing {
            code,
            area_type,
            state,
            name: name.to_string(),
            name_words: slug.len(),
            slug,
        }
    }

    /// The name's words, lower-case, for search.
    fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.slug[..self.name_words]
            .split('-')
            .filter(|word| !word.is_empty())
    }

    /// The page's site path: `/pay/austin-round-rock-san-marcos-tx`.
    pub fn url(&self) -> String {
        format!("{PAY_PAGE}/{}", self.slug)
    }
}

/// Every area with figures for at least one of the occupations: the nation, then the states by
/// name, each followed by its areas by name.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    listings: Vec<Listing>,
    by_slug: FxHashMap<String, usize>,
    by_code: FxHashMap<AreaCode, usize>,
}

impl Directory {
    /// The areas of `extract` where BLS published a cross-industry series for any of `socs`.
    pub fn build(extract: &Extract, socs: &[Soc]) -> Directory {
        let published = |code: AreaCode| {
            socs.iter().any(|&soc| {
                extract
                    .series(code, IndustryCode::CROSS_INDUSTRY, soc)
                    .is_some()
            })
        };
        let listing =
            |area: &oews::Area| Listing::new(area.code, area.area_type, area.state, &area.name);
        let mut states: Vec<&oews::Area> = extract
            .areas_of_type(AreaType::State)
            .filter(|a| published(a.code))
            .collect();
        states.sort_by(|a, b| a.name.cmp(&b.name));
        let mut listings: Vec<Listing> = extract
            .areas_of_type(AreaType::National)
            .filter(|a| published(a.code))
            .map(listing)
            .collect();
        for state in states {
            listings.push(listing(state));
            let mut within: Vec<&oews::Area> = extract
                .areas_in_state(state.state)
                .filter(|a| a.area_type == AreaType::Metro && published(a.code))
                .collect();
            within.sort_by(|a, b| a.name.cmp(&b.name));
            listings.extend(within.into_iter().map(listing));
        }
        // Two names that reduce to one slug would share an address: the later one takes its code.
        let mut by_slug = FxHashMap::default();
        for (i, listing) in listings.iter_mut().enumerate() {
            if by_slug.contains_key(&listing.slug) {
                listing.slug = format!("{}-{}", listing.slug, listing.code);
            }
            by_slug.insert(listing.slug.clone(), i);
        }
        let by_code = listings
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code, i))
            .collect();
        Directory {
            listings,
            by_slug,
            by_code,
        }
    }

    /// Every listing, in directory order.
    pub fn all(&self) -> &[Listing] {
        &self.listings
    }

    /// Every listing but the nation's: the areas that have a page under `/pay/`.
    pub fn pages(&self) -> impl Iterator<Item = &Listing> {
        self.listings
            .iter()
            .filter(|l| l.area_type != AreaType::National)
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Listing> {
        self.by_slug.get(slug).map(|&i| &self.listings[i])
    }

    /// The position in [`Directory::all`] of the area whose page is at `url` (`/pay/<slug>`):
    /// `None` for any other address, and for the nation, which has no page there.
    pub fn page_position(&self, url: &str) -> Option<usize> {
        let slug = url.strip_prefix(PAY_PAGE)?.strip_prefix('/')?;
        let &i = self.by_slug.get(slug)?;
        (self.listings[i].area_type != AreaType::National).then_some(i)
    }

    pub fn by_code(&self, code: AreaCode) -> Option<&Listing> {
        self.by_code.get(&code).map(|&i| &self.listings[i])
    }

    /// The states, territories and the District of Columbia, by name.
    pub fn states(&self) -> impl Iterator<Item = &Listing> {
        self.listings
            .iter()
            .filter(|l| l.area_type == AreaType::State)
    }

    /// The metropolitan and nonmetropolitan areas listed under `state`, by name.
    pub fn areas_in(&self, state: StateCode) -> impl Iterator<Item = &Listing> {
        self.listings
            .iter()
            .filter(move |l| l.area_type == AreaType::Metro && l.state == state)
    }

    /// The state an area is listed under, or the state itself.
    pub fn state_of(&self, listing: &Listing) -> Option<&Listing> {
        self.by_code(listing.state.area())
    }

    /// The areas whose names hold every word of `query`, each as the start of a word of the name
    /// or of its state's name: `austin`, `Round rock`, `salt lake`, `san ant`. Case, accents and
    /// punctuation do not matter. States first, then the other areas, each in directory order.
    pub fn search(&self, query: &str) -> Vec<&Listing> {
        let wanted = words(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let matches = |listing: &Listing| {
            let state_words = match listing.area_type {
                AreaType::Metro => self.state_of(listing).map(Listing::words),
                _ => None,
            };
            wanted.iter().all(|w| {
                listing
                    .words()
                    .chain(state_words.clone().into_iter().flatten())
                    .any(|word| word.starts_with(w.as_str()))
            })
        };
        let mut found: Vec<&Listing> = self.pages().filter(|l| matches(l)).collect();
        found.sort_by_key(|l| l.area_type != AreaType::State);
        found
    }
}

/// The anchors links may point to on `url` if the directory makes that page: `/pay`'s sections,
/// and on an area's page each occupation's section (by its id), the section on prices when the
/// site has price levels (`with_prices`), the figures' notes and, on a state's page, its ranked
/// areas; `None` for any other address. The templates write these ids;
/// `tests/it/pay.rs` keeps them in step. Asked per link, so that checking the content's links does
/// not list thousands of area pages.
pub fn page_anchors(
    directory: &Directory,
    occupations: &[salary::data::Occupation],
    with_prices: bool,
    url: &str,
) -> Option<Vec<String>> {
    if directory.all().is_empty() {
        return None;
    }
    if url == PAY_PAGE {
        let index = ["maps-title", "state-table", "every-area", "about-figures"];
        return Some(index.iter().map(|s| s.to_string()).collect());
    }
    let listing = &directory.all()[directory.page_position(url)?];
    let mut ids: Vec<String> = occupations.iter().map(|o| o.id.clone()).collect();
    if with_prices {
        ids.push(PRICES_ANCHOR.into());
    }
    ids.push("about-figures".into());
    if listing.area_type == AreaType::State {
        ids.push("areas".into());
    }
    Some(ids)
}

/// The id of an area page's section on prices.
pub const PRICES_ANCHOR: &str = "prices";

/// The longest search the box accepts, in characters: longer than any area's name.
pub const MAX_SEARCH_CHARS: usize = 100;

/// Why a search cannot be answered: facts for the web layer to put into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchProblem {
    /// The address's %-escapes are malformed or not UTF-8, or it has far too many parameters.
    Malformed,
    /// `q` is given twice with different words.
    Repeated,
    /// Longer than [`MAX_SEARCH_CHARS`].
    TooLong,
    /// `prices` names no view the page has, or is given twice with different values.
    UnknownPrices,
}

/// How `/pay`'s maps and table of states show the medians.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// As BLS published them: dollars as paid in each state.
    AsPaid,
    /// Divided by each state's BEA price level: `?prices=national`.
    AtNationalPrices,
}

impl Basis {
    /// The query that asks for this view: empty for the default.
    pub fn query(self) -> &'static str {
        match self {
            Basis::AsPaid => "",
            Basis::AtNationalPrices => "prices=national",
        }
    }
}

/// Reads the view from `/pay`'s raw query string: `prices=national`, or nothing for pay as paid.
pub fn view_basis(raw: &str) -> Result<Basis, SearchProblem> {
    let pairs = salary::query::decode(raw).map_err(|_| SearchProblem::Malformed)?;
    let mut basis: Option<Basis> = None;
    for (key, value) in pairs {
        if key != "prices" {
            continue;
        }
        let this = match value.trim() {
            "national" => Basis::AtNationalPrices,
            "" | "paid" => Basis::AsPaid,
            _ => return Err(SearchProblem::UnknownPrices),
        };
        if basis.is_some_and(|earlier| earlier != this) {
            return Err(SearchProblem::UnknownPrices);
        }
        basis = Some(this);
    }
    Ok(basis.unwrap_or(Basis::AsPaid))
}

/// Reads the search from `/pay`'s raw query string: `q`, trimmed; other parameters are ignored,
/// as tracking parameters on a shared link should be. `Ok(None)` when there is no search at all.
pub fn search_query(raw: &str) -> Result<Option<String>, SearchProblem> {
    let pairs = salary::query::decode(raw).map_err(|_| SearchProblem::Malformed)?;
    let mut found: Option<String> = None;
    for (key, value) in pairs {
        if key != "q" {
            continue;
        }
        let value = value.trim().to_string();
        match &found {
            Some(earlier) if !earlier.is_empty() && !value.is_empty() && *earlier != value => {
                return Err(SearchProblem::Repeated);
            }
            Some(earlier) if !earlier.is_empty() => {}
            _ => found = Some(value),
        }
    }
    match found {
        Some(q) if q.chars().count() > MAX_SEARCH_CHARS => Err(SearchProblem::TooLong),
        Some(q) if q.is_empty() => Ok(None),
        other => Ok(other),
    }
}

/// What was typed in a search box (`q`) of a query that cannot be answered, to show it again:
/// the first `q`, or nothing where the query cannot be read at all.
pub fn typed_query(raw: &str) -> String {
    salary::query::decode(raw)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "q").map(|(_, v)| v))
        .unwrap_or_default()
}

/// A name as an address segment: lower-case ASCII letters and digits, runs of anything else one
/// hyphen: `Austin-Round Rock-San Marcos, TX` gives `austin-round-rock-san-marcos-tx`.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut between_words = false;
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if between_words && !slug.is_empty() {
                slug.push('-');
            }
            between_words = false;
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // An apostrophe joins its word: `Coeur d'Alene` is found by `d'alene` and `dalene`.
        } else {
            between_words = true;
        }
    }
    slug
}

/// The words of a text for matching: letters and digits, lower-case, accents dropped
/// (`Cañon City` gives `canon`, `city`).
fn words(text: &str) -> Vec<String> {
    slug(text)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The letters BLS's area names and readers' queries carry with accents, as plain ASCII.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ó' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
        'ñ' | 'Ñ' => 'n',
        other => other,
    }
}

/// The areas listed under a state with their annual median for `soc`, highest first; areas
/// without a released median follow, by name.
pub fn ranked_in_state<'d>(
    areas: Areas<'_>,
    directory: &'d Directory,
    state: &Listing,
    soc: Soc,
) -> Vec<(&'d Listing, AreaMedian)> {
    let mut ranked: Vec<(&Listing, AreaMedian)> = directory
        .areas_in(state.state)
        .map(|area| (area, area_median(areas, area, soc)))
        .collect();
    // `None` sorts first in `Option`'s order: reverse the median, keep the name order otherwise.
    ranked.sort_by(|a, b| {
        b.1.amount
            .is_some()
            .cmp(&a.1.amount.is_some())
            .then(b.1.amount.cmp(&a.1.amount))
            .then(a.0.name.cmp(&b.0.name))
    });
    ranked
}

/// Every state's annual median for `soc`, in directory order, for the map and the state table.
pub fn state_medians<'d>(
    areas: Areas<'_>,
    directory: &'d Directory,
    soc: Soc,
) -> Vec<(&'d Listing, AreaMedian)> {
    directory
        .states()
        .map(|state| (state, area_median(areas, state, soc)))
        .collect()
}

/// The area's annual median for `soc`.
fn area_median(areas: Areas<'_>, listing: &Listing, soc: Soc) -> AreaMedian {
    AreaMedian::of(&areas.report(listing.code, soc))
}

#[cfg(test)]
mod tests;
