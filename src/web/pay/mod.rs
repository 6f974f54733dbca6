//! `/pay` and `/pay/<area>`: pay where you live. Each area's page is rendered on its first request
//! and kept compressed. The index without a search is rendered once at start-up; a search renders it
//! again by its template, with the results, from parts made once (maps, table, every area).

mod map;
mod prices;

use std::sync::OnceLock;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::AppState;
use super::error::AppError;
use super::prepared::{CACHE_PAGE, Keep, Prepared, made_once, respond};
use super::segments::{Segment, linked, plain, sentences};
use super::views::{AssetUrls, Chrome, chrome_for};
use crate::money::group_thousands;
use crate::money::{Cents, Difference};
use crate::oews::{
    AreaType, Datatype, Extract, FootnoteCode, IMPRECISE_EMPLOYMENT_RSE, IMPRECISE_WAGE_RSE, Soc,
    Value, bls_series_url,
};
use crate::pay::{
    Basis, Directory, Listing, MAX_SEARCH_CHARS, PAY_PAGE, SearchProblem, ranked_in_state,
    search_query, state_medians, view_basis,
};
use crate::prices::{PriceLevel, Prices};
use crate::salary::area::{Areas, Estimate, OccupationPay};
use crate::salary::data::Occupation;
use crate::site::{SALARY_PAGE, Site};
use crate::words::{PayWords, Text, Words};

const HTML: &str = "text/html; charset=utf-8";

/// The chapter that says why these occupations, linked from `/pay`.
const WHY_THESE_OCCUPATIONS: &str = "/guide/salary#three-occupations";

/// "Source: ..., May 2025 (our entry for it).", linking to the release's entry in the sources.
fn source_sentence(words: &PayWords, release: &str, source_id: &str) -> Vec<Segment> {
    linked(
        words.source.with("release", release).parts(&["entry"]),
        &[(
            "entry",
            format!("/sources#{source_id}"),
            words.source_entry_link.to_string(),
        )],
    )
}

/// One figure as a table cell: its text, the BLS series it links to, and BLS's footnote on it.
pub(super) struct CellView {
    pub(super) text: String,
    pub(super) href: Option<String>,
    pub(super) footnote: Option<char>,
    /// Flagged as imprecise, linking to the page's `#imprecise` note (where the area's own page
    /// is not at hand to say so).
    pub(super) imprecise: bool,
}

impl CellView {
    /// The cell flagged as imprecise when `imprecise` holds.
    fn flagged(self, imprecise: bool) -> CellView {
        CellView { imprecise, ..self }
    }

    pub(super) fn of(words: &PayWords, estimate: Estimate) -> CellView {
        let href = estimate.series_id().map(bls_series_url);
        match estimate {
            Estimate::Released {
                value, footnote, ..
            } => CellView {
                text: value_text(value),
                href,
                footnote: footnote.map(|f| f.as_char()),
                imprecise: false,
            },
            Estimate::NotReleased { footnote, .. } => CellView {
                text: words.not_released.to_string(),
                href,
                footnote: Some(footnote.as_char()),
                imprecise: false,
            },
            Estimate::NotPublished => CellView {
                text: words.not_published_cell.to_string(),
                href: None,
                footnote: None,
                imprecise: false,
            },
        }
    }
}

/// A value as a reader reads it: `$48,990`, `$23.55`, `1,320`, `1.018`.
fn value_text(value: Value) -> String {
    match value {
        Value::Jobs(n) => group_thousands(n),
        Value::Hourly(cents) => cents.cents_text(),
        Value::Annual(cents) => cents.dollars_text(),
        Value::Rse(rse) => format!("{rse}%"),
        Value::PerThousand(n) => n.to_string(),
        Value::Quotient(q) => q.to_string(),
    }
}

/// `$2,150 (4.2%) below`, `$1,200 (2.3%) above`, `The same`.
fn gap_text(w: &Words, gap: Option<Difference>) -> String {
    gap.map_or_else(
        || w.pay.no_comparison.to_string(),
        |gap| super::words::difference(w, gap, Cents::dollars_text, None),
    )
}

pub(super) struct WageRowView {
    pub(super) label: String,
    /// Where the label links: the section that explains a row of our own arithmetic.
    pub(super) label_href: Option<String>,
    pub(super) hourly: CellView,
    pub(super) national_hourly: CellView,
    pub(super) annual: CellView,
    pub(super) national_annual: CellView,
    pub(super) gap: String,
}

/// One occupation's section of an area page.
pub(super) struct OccupationView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) soc: Soc,
    pub(super) him_titles: String,
    /// Whether BLS published the occupation here at all.
    pub(super) published: bool,
    /// Where it did not: that it did not, and links to the state's figures and the nation's.
    pub(super) not_published: Vec<Segment>,
    pub(super) employment: CellView,
    pub(super) national_employment: CellView,
    pub(super) per_thousand: CellView,
    pub(super) quotient: CellView,
    pub(super) wages: Vec<WageRowView>,
    pub(super) has_wages: bool,
    /// BLS's relative standard errors, in words, and our flags on imprecise estimates.
    pub(super) reliability: Vec<String>,
    /// The offer check for the occupation in the area, where it can answer: BLS released the
    /// median the check needs.
    pub(super) compare_url: Option<String>,
}

/// A wage row's label, by the statistic it holds (its annual datatype).
fn wage_label(w: &Words, statistic: Datatype) -> String {
    let percentile = |n| {
        w.pay
            .percentile
            .with("ordinal", w.numbers.ordinal(n))
            .to_string()
    };
    match statistic {
        Datatype::AnnualP10 => percentile(10),
        Datatype::AnnualP25 => percentile(25),
        Datatype::AnnualMedian => w.pay.median.to_string(),
        Datatype::AnnualP75 => percentile(75),
        Datatype::AnnualP90 => percentile(90),
        _ => w.pay.mean.to_string(),
    }
}

impl OccupationView {
    fn new(
        w: &Words,
        occupation: &Occupation,
        pay: &OccupationPay,
        listing: &Listing,
        release: &str,
        state: Option<&Listing>,
        price_level: Option<PriceLevel>,
    ) -> OccupationView {
        let words = &w.pay;
        let mut wages: Vec<WageRowView> = pay
            .wages
            .iter()
            .map(|row| WageRowView {
                label: wage_label(w, row.statistic),
                label_href: None,
                hourly: CellView::of(words, row.hourly),
                national_hourly: CellView::of(words, row.national_hourly),
                annual: CellView::of(words, row.annual),
                national_annual: CellView::of(words, row.national_annual),
                gap: gap_text(w, row.versus_nation),
            })
            .collect();
        // The median at national prices goes right under the median it adjusts.
        let median = pay
            .wages
            .iter()
            .position(|row| row.statistic == Datatype::AnnualMedian);
        if let (Some(level), Some(at)) = (price_level, median)
            && let Some(row) = prices::adjusted_median_row(w, level, &pay.wages[at])
        {
            wages.insert(at + 1, row);
        }
        let nation = (
            "nation",
            format!("{SALARY_PAGE}?occupation={}", occupation.id),
            words.nation_link.to_string(),
        );
        let see = match state {
            Some(state) => linked(
                words.see_state_or_nation.parts(&["state", "nation"]),
                &[
                    (
                        "state",
                        format!("{}#{}", state.url(), occupation.id),
                        state.name.clone(),
                    ),
                    nation,
                ],
            ),
            None => linked(words.see_nation.parts(&["nation"]), &[nation]),
        };
        let not_published = sentences([
            plain(
                words
                    .not_published
                    .with("release", release)
                    .with("area", &listing.name),
            ),
            see,
        ]);
        OccupationView {
            id: occupation.id.clone(),
            title: occupation.title.clone(),
            soc: occupation.soc,
            him_titles: occupation.him_titles.join(", "),
            published: pay.published,
            not_published,
            employment: CellView::of(words, pay.employment),
            national_employment: CellView::of(words, pay.national_employment),
            per_thousand: CellView::of(words, pay.per_thousand_jobs),
            quotient: CellView::of(words, pay.location_quotient),
            wages,
            has_wages: pay.has_wages(),
            reliability: reliability(words, occupation, pay),
            compare_url: pay.missing_median().is_none().then(|| {
                format!(
                    "{SALARY_PAGE}?occupation={}&area={}",
                    occupation.id, listing.code
                )
            }),
        }
    }
}

/// BLS's relative standard errors in words, with our flags on imprecise estimates.
fn reliability(words: &PayWords, occupation: &Occupation, pay: &OccupationPay) -> Vec<String> {
    let mut lines = Vec::new();
    let rse = |e: Estimate| e.value().map(value_text);
    match (rse(pay.employment_rse), rse(pay.wage_rse)) {
        (Some(employment), Some(wages)) => lines.push(
            words
                .rse_both
                .with("employment", employment)
                .with("wages", wages)
                .to_string(),
        ),
        (None, Some(wages)) => lines.push(words.rse_wages_only.with("wages", wages).to_string()),
        (Some(employment), None) => lines.push(
            words
                .rse_employment_only
                .with("employment", employment)
                .to_string(),
        ),
        (None, None) => {}
    }
    if pay.employment_imprecise() {
        lines.push(
            words
                .imprecise_employment
                .with("occupation", &occupation.short)
                .with("line", IMPRECISE_EMPLOYMENT_RSE)
                .to_string(),
        );
    }
    if pay.wages_imprecise() {
        lines.push(
            words
                .imprecise_wages
                .with("occupation", &occupation.short)
                .with("line", IMPRECISE_WAGE_RSE)
                .to_string(),
        );
    }
    lines
}

/// A state's areas ranked by one occupation's median.
pub(super) struct RankingView {
    pub(super) title: String,
    pub(super) rows: Vec<RankedArea>,
}

/// One area in a state's ranking.
pub(super) struct RankedArea {
    /// None without a median.
    pub(super) rank: Option<usize>,
    pub(super) name: String,
    pub(super) href: String,
    pub(super) median: String,
    /// The area's wages for the occupation are imprecise: flagged beside the median.
    pub(super) imprecise: bool,
}

/// An area's page: `templates/pay_area.html`.
#[derive(Template)]
#[template(path = "pay_area.html")]
struct AreaView<'a> {
    chrome: Chrome,
    listing: &'a Listing,
    /// What kind of area it is, in words.
    kind: String,
    release: &'a str,
    /// Under the heading: the area's state, or the way back to every area.
    header: Vec<Segment>,
    occupations: Vec<OccupationView>,
    rankings: Vec<RankingView>,
    /// Whether a ranking flags an area's median as imprecise, so the note on flags is shown.
    rankings_flagged: bool,
    /// Our line for imprecise wages, as a percentage: "10.0".
    imprecise_line: String,
    /// What the pay buys: BEA's price level here; `None` for a site without price levels.
    prices: Option<prices::PricesView>,
    /// Where to study here: the schools; `None` for a site without schools.
    study: Option<super::programs::study::StudyView>,
    footnotes: Vec<(char, String)>,
    /// "About these figures": the source, and how the figures were made.
    about: Vec<Segment>,
}

/// Every area's page, rendered on its first request and then kept compressed
/// ([`Prepared::compact`]): at thousands of areas, rendering them all before the first answer
/// took a third of a second and 175 MB; now start-up does not depend on their number, and memory
/// follows the pages asked for.
pub(super) struct AreaPages {
    /// One slot per listing of the directory, in its order; the nation's stays empty.
    made: Vec<OnceLock<Prepared>>,
    keep: Keep,
}

impl AreaPages {
    /// Slots for every area of `site`, none rendered yet. One page of each kind (state,
    /// metropolitan and nonmetropolitan area) is rendered now and dropped, so that a template that
    /// cannot render fails start-up, not a reader's request; compressing them would cost start-up
    /// more than rendering them again.
    pub(super) fn new(
        site: &Site,
        base_url: &str,
        assets: &AssetUrls,
        keep: Keep,
    ) -> askama::Result<AreaPages> {
        let mut kinds_rendered = Vec::new();
        if let Some(extract) = &site.oews {
            for listing in site.areas.pages() {
                let kind = Kind::of(listing);
                if !kinds_rendered.contains(&kind) {
                    kinds_rendered.push(kind);
                    area_page(site, extract, base_url, assets, listing)?;
                }
            }
        }
        Ok(AreaPages {
            made: site.areas.all().iter().map(|_| OnceLock::new()).collect(),
            keep,
        })
    }

    /// The page at `path` if it is an area's, rendered now if no one asked for it before.
    pub(super) fn get(
        &self,
        path: &str,
        site: &Site,
        base_url: &str,
        assets: &AssetUrls,
    ) -> Option<askama::Result<&Prepared>> {
        let position = site.areas.page_position(path)?;
        let extract = site
            .oews
            .as_ref()
            .expect("a site with areas has their extract");
        let listing = &site.areas.all()[position];
        Some(made_once(&self.made[position], self.keep, || {
            area_page(site, extract, base_url, assets, listing)
        }))
    }

    /// The address of every area's page, in directory order.
    pub(super) fn paths(site: &Site) -> impl Iterator<Item = String> + '_ {
        site.areas.pages().map(Listing::url)
    }

    /// How many pages were rendered so far.
    pub(super) fn rendered_count(&self) -> usize {
        self.made.iter().filter(|slot| slot.get().is_some()).count()
    }
}

fn area_page(
    site: &Site,
    extract: &Extract,
    base_url: &str,
    assets: &AssetUrls,
    listing: &Listing,
) -> askama::Result<String> {
    let directory = &site.areas;
    let state = match listing.area_type {
        AreaType::Metro => directory.state_of(listing),
        _ => None,
    };
    let w = site.words;
    let words = &w.pay;
    let release = extract.release.name.as_str();
    let occupations = &site.salary.occupations;
    let areas = area_lookup(site);
    let parity = site.prices().and_then(|p| p.parity(listing.code));
    let price_level = parity.map(|p| p.level);
    let prices = site.prices().map(|p| {
        prices::PricesView::new(w, p, &listing.name, state.map(|s| s.name.as_str()), parity)
    });
    let pays: Vec<OccupationPay> = occupations
        .iter()
        .map(|occupation| areas.report(listing.code, occupation.soc))
        .collect();
    let views: Vec<OccupationView> = occupations
        .iter()
        .zip(&pays)
        .map(|(occupation, pay)| {
            OccupationView::new(w, occupation, pay, listing, release, state, price_level)
        })
        .collect();
    let rankings = if listing.area_type == AreaType::State {
        occupations
            .iter()
            .map(|occupation| ranking(words, areas, directory, listing, occupation))
            .filter(|r| !r.rows.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    let footnotes = footnotes_of(extract, words, &pays);
    let title = words.area_title.with("area", &listing.name).to_string();
    let description = words
        .area_description
        .with("release", release)
        .with("occupations", occupation_names(site))
        .with("area", &listing.name)
        .to_string();
    let header = header(words, listing, state, !rankings.is_empty());
    let source_id = crate::salary::current::source_id(extract);
    let mut chrome = chrome_for(site, base_url, assets, &listing.url(), &title, &description);
    chrome.breadcrumbs.push((
        PAY_PAGE.to_string(),
        site.words.site.pay_where_you_live.to_string(),
    ));
    if let Some(state) = state {
        chrome.breadcrumbs.push((state.url(), state.name.clone()));
    }
    AreaView {
        chrome,
        listing,
        kind: Kind::of(listing).words(words).to_string(),
        release,
        header,
        occupations: views,
        rankings_flagged: rankings.iter().flat_map(|r| &r.rows).any(|r| r.imprecise),
        rankings,
        imprecise_line: IMPRECISE_WAGE_RSE.to_string(),
        prices,
        study: super::programs::study::study_here(
            site,
            listing,
            Kind::of(listing) == Kind::Nonmetro,
        ),
        footnotes,
        about: sentences([
            source_sentence(words, release, &source_id),
            plain(&words.area_method),
        ]),
    }
    .render()
}

/// BLS's footnotes on any figure of `pays`, each once, by code, with its text.
fn footnotes_of(
    extract: &Extract,
    words: &PayWords,
    pays: &[OccupationPay],
) -> Vec<(char, String)> {
    let mut footnotes: Vec<FootnoteCode> = pays
        .iter()
        .flat_map(|pay| {
            [
                pay.employment,
                pay.national_employment,
                pay.per_thousand_jobs,
                pay.location_quotient,
            ]
            .into_iter()
            .chain(
                pay.wages
                    .iter()
                    .flat_map(|r| [r.hourly, r.annual, r.national_hourly, r.national_annual]),
            )
        })
        .filter_map(|e| match e {
            Estimate::Released { footnote, .. } => footnote,
            Estimate::NotReleased { footnote, .. } => Some(footnote),
            Estimate::NotPublished => None,
        })
        .collect();
    footnotes.sort_unstable();
    footnotes.dedup();
    footnotes
        .into_iter()
        .map(|code| {
            let text = extract.footnote(code).map_or_else(
                || words.footnote_without_text.to_string(),
                |f| f.text.clone(),
            );
            (code.as_char(), text)
        })
        .collect()
}

/// Under an area page's heading: the area's state, or the way back to every area and, on a state's
/// page, to its ranked areas.
fn header(
    words: &PayWords,
    listing: &Listing,
    state: Option<&Listing>,
    ranked: bool,
) -> Vec<Segment> {
    let every_area = (
        "every_area",
        PAY_PAGE.to_string(),
        words.every_area.to_string(),
    );
    match state {
        Some(state) => sentences([
            linked(
                words.in_state.parts(&["state"]),
                &[("state", state.url(), state.name.clone())],
            ),
            linked(words.every_area_link.parts(&["every_area"]), &[every_area]),
        ]),
        None if ranked => linked(
            words.every_area_or_ranked.parts(&["every_area", "ranked"]),
            &[
                every_area,
                (
                    "ranked",
                    "#areas".to_string(),
                    words.ranked_link.with("area", &listing.name).to_string(),
                ),
            ],
        ),
        None => linked(words.every_area_link.parts(&["every_area"]), &[every_area]),
    }
}

fn ranking(
    words: &PayWords,
    areas: Areas<'_>,
    directory: &Directory,
    state: &Listing,
    occupation: &Occupation,
) -> RankingView {
    let mut rank = 0;
    let rows = ranked_in_state(areas, directory, state, occupation.soc)
        .into_iter()
        .map(|(area, median)| RankedArea {
            rank: median.amount.map(|_| {
                rank += 1;
                rank
            }),
            name: area.name.clone(),
            href: area.url(),
            median: median
                .amount
                .map_or_else(|| words.no_median.to_string(), |m| m.dollars_text()),
            imprecise: median.imprecise,
        })
        .collect();
    RankingView {
        title: occupation.title.clone(),
        rows,
    }
}

/// The occupations' short names as a list in a sentence: "a, b and c", or "a; b and c; and d"
/// when a name has an "and" of its own, so that the reader can tell where each name ends.
fn occupation_names(site: &Site) -> String {
    let names: Vec<&str> = site
        .salary
        .occupations
        .iter()
        .map(|o| o.short.as_str())
        .collect();
    let lists = &site.words.numbers.lists;
    if names.iter().any(|name| name.contains(" and ")) {
        lists.and_list_nested(&names)
    } else {
        lists.and_list(&names)
    }
}

/// What kind of area a listing is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Nation,
    State,
    Metro,
    Nonmetro,
}

impl Kind {
    fn of(listing: &Listing) -> Kind {
        match listing.area_type {
            AreaType::National => Kind::Nation,
            AreaType::State => Kind::State,
            AreaType::Metro if is_nonmetro(listing) => Kind::Nonmetro,
            AreaType::Metro => Kind::Metro,
        }
    }

    /// The kind as a phrase in a sentence: "a metropolitan area".
    fn words(self, words: &PayWords) -> &Text {
        match self {
            Kind::Nation => &words.kind_nation,
            Kind::State => &words.kind_state,
            Kind::Metro => &words.kind_metro,
            Kind::Nonmetro => &words.kind_nonmetro,
        }
    }
}

/// BLS names every nonmetropolitan area so; metro areas' codes and names say nothing else.
fn is_nonmetro(listing: &Listing) -> bool {
    listing.name.ends_with("nonmetropolitan area")
}

/// `/pay`: the page with an empty search box, rendered once, and the parts a search renders again
/// around its results.
pub struct PayIndex {
    parts: IndexParts,
    chrome: Chrome,
    /// `/pay` with no search, whole.
    pub(super) page: Prepared,
    /// The same at national prices (`?prices=national`), made on its first request; `None` for a
    /// site without price levels.
    national: Option<OnceLock<(IndexParts, Prepared)>>,
    keep: Keep,
}

/// What `/pay` shows besides the search, made once at start-up.
struct IndexParts {
    /// Whether the medians are as paid or at national prices.
    basis: Basis,
    /// The link to the other view (address, words); `None` without price levels.
    switch: Option<(String, String)>,
    /// At national prices: how the medians were set so, the caveat, and BEA's source.
    price_lines: Vec<String>,
    price_source: Vec<Segment>,
    release: String,
    /// The occupations' short names, "a, b and c".
    occupation_names: String,
    maps: Vec<MapView>,
    /// The maps' introduction, which links to the table of states.
    maps_intro: Vec<Segment>,
    /// Our line for imprecise wages, as a percentage: "10.0".
    imprecise_line: String,
    /// Each state with its median per occupation (text, series link and flag); at national prices
    /// its price level first.
    table_caption: String,
    table_titles: Vec<String>,
    table: Vec<(String, String, Vec<CellView>)>,
    states: Vec<StateEntry>,
    /// "About these figures": the source, what BLS publishes, why these occupations.
    about: Vec<Segment>,
    /// What a search that found nothing suggests.
    no_match: Vec<Segment>,
}

/// `templates/pay_index.html`, with `templates/pay_search.html` in it: the search box and what it
/// found, the maps, the table of state medians and every area.
#[derive(Template)]
#[template(path = "pay_index.html")]
struct IndexView<'a> {
    chrome: &'a Chrome,
    index: &'a IndexParts,
    query: &'a str,
    max_chars: usize,
    /// `None`: no search made.
    results: Option<Vec<(String, String, String)>>,
    problem: Option<String>,
}

struct MapView {
    id: String,
    title: String,
    map: map::Map,
}

struct StateEntry {
    name: String,
    href: String,
    areas: Vec<(String, String)>,
}

impl PayIndex {
    pub(super) fn new(
        site: &Site,
        base_url: &str,
        assets: &AssetUrls,
        keep: Keep,
    ) -> askama::Result<Option<PayIndex>> {
        let Some(extract) = &site.oews else {
            return Ok(None);
        };
        let words = &site.words.pay;
        let chrome = chrome_for(
            site,
            base_url,
            assets,
            PAY_PAGE,
            words.index_title.as_str(),
            &words
                .index_description
                .with("release", &extract.release.name)
                .to_string(),
        );
        let parts = IndexParts::new(site, extract, Basis::AsPaid);
        let empty = IndexView::new(&chrome, &parts, "", None, None).render()?;
        Ok(Some(PayIndex {
            parts,
            chrome,
            page: Prepared::new(HTML, CACHE_PAGE, empty, keep),
            national: site.prices().map(|_| OnceLock::new()),
            keep,
        }))
    }

    /// The parts and the whole page of the view `basis`; `None` for pay at national prices on a
    /// site without price levels. The view at national prices is made on its first request, so
    /// that start-up does not pay for a page few ask for.
    fn view(&self, site: &Site, basis: Basis) -> Option<askama::Result<(&IndexParts, &Prepared)>> {
        let national = match basis {
            Basis::AsPaid => return Some(Ok((&self.parts, &self.page))),
            Basis::AtNationalPrices => self.national.as_ref()?,
        };
        if let Some((parts, page)) = national.get() {
            return Some(Ok((parts, page)));
        }
        let extract = site.oews.as_ref()?;
        let parts = IndexParts::new(site, extract, basis);
        let page = match IndexView::new(&self.chrome, &parts, "", None, None).render() {
            Ok(page) => page,
            Err(err) => return Some(Err(err)),
        };
        // Two first requests at once may both make it; the first kept wins, and they are equal.
        let (parts, page) =
            national.get_or_init(|| (parts, Prepared::new(HTML, CACHE_PAGE, page, self.keep)));
        Some(Ok((parts, page)))
    }

    /// The page of `parts` with the search box holding `query`, and its results or problem.
    fn render(
        &self,
        parts: &IndexParts,
        query: &str,
        results: Option<Vec<(String, String, String)>>,
        problem: Option<String>,
    ) -> askama::Result<String> {
        IndexView::new(&self.chrome, parts, query, results, problem).render()
    }
}

impl IndexParts {
    /// Everything `/pay` shows besides the search, with the medians per `basis`.
    fn new(site: &Site, extract: &Extract, basis: Basis) -> IndexParts {
        let directory = &site.areas;
        let occupations = &site.salary.occupations;
        let w = site.words;
        let words = &w.pay;
        let release = extract.release.name.clone();
        let prices = site.prices().filter(|_| basis == Basis::AtNationalPrices);
        let maps = maps(site, &release, prices);
        let table = state_table(site, prices);
        let states = directory
            .states()
            .map(|state| StateEntry {
                name: state.name.clone(),
                href: state.url(),
                areas: directory
                    .areas_in(state.state)
                    .map(|a| (a.name.clone(), a.url()))
                    .collect(),
            })
            .collect();
        let source_id = crate::salary::current::source_id(extract);
        let (maps_intro, about, no_match) = index_sentences(words, &release, &source_id);
        let (price_lines, price_source) = prices
            .map(|prices| self::prices::index_lines(w, prices))
            .unwrap_or_default();
        let mut table_titles: Vec<String> = prices
            .map(|_| w.prices.level_column.to_string())
            .into_iter()
            .collect();
        table_titles.extend(occupations.iter().map(|o| o.title.clone()));
        IndexParts {
            basis,
            switch: site.prices().map(|_| self::prices::switch(w, basis)),
            price_lines,
            price_source,
            occupation_names: occupation_names(site),
            maps_intro,
            about,
            no_match,
            table_caption: match prices {
                Some(prices) => w
                    .prices
                    .table_caption
                    .with("release", &release)
                    .with("year", prices.release.year)
                    .to_string(),
                None => words
                    .state_table_caption
                    .with("release", &release)
                    .to_string(),
            },
            release,
            maps,
            imprecise_line: IMPRECISE_WAGE_RSE.to_string(),
            table_titles,
            table,
            states,
        }
    }

    /// The hidden field that keeps the view when the search box is used.
    fn prices_field(&self) -> Option<&'static str> {
        (self.basis == Basis::AtNationalPrices).then_some("national")
    }
}

/// One tile map per occupation of its state medians, as paid or, given `prices`, at national prices.
fn maps(site: &Site, release: &str, prices: Option<&Prices>) -> Vec<MapView> {
    let directory = &site.areas;
    let areas = area_lookup(site);
    let w = site.words;
    let words = &w.pay;
    site.salary
        .occupations
        .iter()
        .map(|occupation| {
            let medians = state_medians(areas, directory, occupation.soc);
            let medians = match prices {
                Some(prices) => self::prices::at_national_prices(prices, medians),
                None => medians,
            };
            let title = match prices {
                Some(_) => &w.prices.map_title,
                None => &words.map_title,
            };
            MapView {
                id: occupation.id.clone(),
                title: title
                    .with("occupation", &occupation.title)
                    .with("release", release)
                    .to_string(),
                // The accessible name holds the square's visible letters, as speech input needs.
                map: map::draw(&medians, |state, abbreviation, median| {
                    let no_level = prices.is_some_and(|p| p.parity(state.code).is_none());
                    let square = match (median.amount, median.imprecise) {
                        _ if no_level => &w.prices.map_square_no_level,
                        (Some(_), false) => &words.map_square,
                        (Some(_), true) => &words.map_square_imprecise,
                        (None, _) => &words.map_square_no_median,
                    };
                    let median = median.amount.map(Cents::dollars_text).unwrap_or_default();
                    square
                        .with("state", &state.name)
                        .with("abbreviation", abbreviation)
                        .with("median", median)
                        .to_string()
                }),
            }
        })
        .collect()
}

/// Each state's median per occupation (and, given `prices`, its price level first, then the
/// medians at national prices): name, address and cells.
fn state_table(site: &Site, prices: Option<&Prices>) -> Vec<(String, String, Vec<CellView>)> {
    let areas = area_lookup(site);
    let w = site.words;
    let words = &w.pay;
    site.areas
        .states()
        .map(|state| {
            let level = prices.map(|p| p.parity(state.code).map(|parity| parity.level));
            let mut cells: Vec<CellView> = level
                .map(|level| self::prices::level_cell(w, level))
                .into_iter()
                .collect();
            cells.extend(site.salary.occupations.iter().map(|occupation| {
                let pay = areas.report(state.code, occupation.soc);
                let cell =
                    CellView::of(words, pay.median_row().annual).flagged(pay.median_imprecise());
                match level {
                    Some(level) => self::prices::adjusted_cell(w, level, cell, pay.median()),
                    None => cell,
                }
            }));
            (state.name.clone(), state.url(), cells)
        })
        .collect()
}

/// The sentences with links on `/pay`: the maps' introduction, "About these figures", and what a
/// search that found nothing suggests.
fn index_sentences(
    words: &PayWords,
    release: &str,
    source_id: &str,
) -> (Vec<Segment>, Vec<Segment>, Vec<Segment>) {
    let every_area = (
        "every_area",
        "#every-area".to_string(),
        words.every_area.to_string(),
    );
    let maps_intro = linked(
        words.maps_intro.parts(&["table"]),
        &[(
            "table",
            "#state-table".to_string(),
            words.maps_table_link.to_string(),
        )],
    );
    let about = sentences([
        source_sentence(words, release, source_id),
        plain(&words.index_coverage),
        linked(
            words.index_why.parts(&["chapter"]),
            &[(
                "chapter",
                WHY_THESE_OCCUPATIONS.to_string(),
                words.index_why_link.to_string(),
            )],
        ),
    ]);
    let no_match = sentences([
        plain(&words.no_match_help),
        linked(
            words.no_match_every_area.parts(&["every_area"]),
            &[every_area],
        ),
    ]);
    (maps_intro, about, no_match)
}

impl<'a> IndexView<'a> {
    fn new(
        chrome: &'a Chrome,
        index: &'a IndexParts,
        query: &'a str,
        results: Option<Vec<(String, String, String)>>,
        problem: Option<String>,
    ) -> IndexView<'a> {
        IndexView {
            chrome,
            index,
            query,
            max_chars: MAX_SEARCH_CHARS,
            results,
            problem,
        }
    }
}

/// `/pay`: the index as prepared, or with the results of `?q=`.
pub(super) async fn index(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some(index) = &state.pay_index else {
        return Err(AppError::NotFound);
    };
    let words = &state.site.words.pay;
    let view = view_basis(request.query_string())
        .ok()
        .and_then(|basis| index.view(&state.site, basis));
    let (parts, page) = match view {
        Some(view) => view.map_err(AppError::internal)?,
        None => {
            // A view the page does not have: the page as paid, saying so, with status 400.
            let body = index
                .render(
                    &index.parts,
                    "",
                    None,
                    Some(words.problem_unknown_prices.to_string()),
                )
                .map_err(AppError::internal)?;
            return Ok(respond(StatusCode::BAD_REQUEST, HTML, CACHE_PAGE).body(body));
        }
    };
    let (status, search) = match search_query(request.query_string()) {
        Ok(None) => return Ok(page.respond(&request)),
        Ok(Some(query)) => {
            let directory = &state.site.areas;
            let found = directory
                .search(&query)
                .into_iter()
                .map(|l| {
                    let kind = describe(words, directory, l);
                    (l.name.clone(), l.url(), kind)
                })
                .collect();
            (
                StatusCode::OK,
                index.render(parts, &query, Some(found), None),
            )
        }
        Err(problem) => {
            // Keep what was typed where it can be read back, so nothing is lost.
            let typed = crate::pay::typed_query(request.query_string());
            (
                StatusCode::BAD_REQUEST,
                index.render(
                    parts,
                    &typed,
                    None,
                    Some(problem_text(words, problem).to_string()),
                ),
            )
        }
    };
    let body = search.map_err(AppError::internal)?;
    Ok(respond(status, HTML, CACHE_PAGE).body(body))
}

/// `State or territory`, or `Metropolitan area in Texas`, under a search result.
fn describe(words: &PayWords, directory: &Directory, listing: &Listing) -> String {
    let state = directory.state_of(listing).map_or("", |s| s.name.as_str());
    match listing.area_type {
        AreaType::Metro if is_nonmetro(listing) => {
            words.result_nonmetro.with("state", state).to_string()
        }
        AreaType::Metro => words.result_metro.with("state", state).to_string(),
        _ => words.result_state.to_string(),
    }
}

fn problem_text(words: &PayWords, problem: SearchProblem) -> &Text {
    match problem {
        SearchProblem::Malformed => &words.problem_malformed,
        SearchProblem::Repeated => &words.problem_repeated,
        SearchProblem::TooLong => &words.problem_too_long,
        SearchProblem::UnknownPrices => &words.problem_unknown_prices,
    }
}

/// Pay in each area, for a site with areas (and so with their extract).
fn area_lookup(site: &Site) -> Areas<'_> {
    site.area_lookup()
        .expect("a site with areas has their extract")
}
