//! `/programs` (the search of the schools that award HIM credentials, with its JSON and CSV),
//! `/programs/<state>` (a state's schools) and `/schools/<unitid>` (a school's page). The bare
//! search page is rendered at start-up; a state's page and a school's on their first request, then
//! kept; a search renders its results each time, from the one template.

mod data;
mod school;

use std::sync::OnceLock;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::AppState;
use super::error::AppError;
use super::pay::{Segment, linked, plain, sentences};
use super::prepared::{CACHE_PAGE, Keep, Prepared, respond};
use super::views::{AssetUrls, Chrome, chrome_for};
use crate::oews::{AreaType, StateCode};
use crate::pay::Listing;
use crate::schools::query::{self, MAX_TEXT_CHARS, PAGE_SIZE};
use crate::schools::{Control, Field, Hit, Level, Query, QueryProblem, Route, Schools};
use crate::site::Site;
use crate::words::{ProgramWords, Text};

pub(super) use data::{csv, json};

const HTML: &str = "text/html; charset=utf-8";

pub use crate::schools::{PROGRAMS_PAGE, SCHOOLS_FOLDER, school_url};
/// CAHIIM's directory of accredited programmes, which the data cannot replace.
pub const CAHIIM_DIRECTORY: &str = "https://www.cahiim.org/programs/program-directory";

/// The address of a state's list: `/programs/texas`.
fn state_url(state: &Listing) -> String {
    crate::schools::state_list_url(&state.slug)
}

/// A choice of the form: its value, words, and whether it is chosen.
pub(super) struct Choice {
    value: &'static str,
    label: String,
    checked: bool,
}

/// The words of a level, a field, a kind of school and a route.
pub(super) fn level_words(w: &ProgramWords, level: Level) -> &Text {
    match level {
        Level::ShortCertificate => &w.level_short_certificate,
        Level::Certificate => &w.level_certificate,
        Level::Associate => &w.level_associate,
        Level::Bachelor => &w.level_bachelor,
        Level::PostBaccalaureateCertificate => &w.level_post_baccalaureate_certificate,
        Level::Master => &w.level_master,
        Level::PostMasterCertificate => &w.level_post_master_certificate,
        Level::Doctorate => &w.level_doctorate,
    }
}

pub(super) fn field_words(w: &ProgramWords, field: Field) -> &Text {
    match field {
        Field::Coding => &w.field_coding,
        Field::Technology => &w.field_technology,
        Field::Administration => &w.field_administration,
        Field::Informatics => &w.field_informatics,
    }
}

pub(super) fn control_words(w: &ProgramWords, control: Control) -> &Text {
    match control {
        Control::Public => &w.control_public,
        Control::Nonprofit => &w.control_nonprofit,
        Control::ForProfit => &w.control_for_profit,
    }
}

pub(super) fn route_words(w: &ProgramWords, route: Route) -> &Text {
    match route {
        Route::Rhit => &w.route_rhit,
        Route::Rhia => &w.route_rhia,
        Route::CodingCredentials => &w.route_coding,
        Route::Neither => &w.route_neither,
    }
}

fn problem_words(w: &ProgramWords, problem: QueryProblem) -> String {
    match problem {
        QueryProblem::Malformed => w.problem_malformed.to_string(),
        QueryProblem::Repeated => w.problem_repeated.to_string(),
        QueryProblem::TooLong => w.problem_too_long.with("max", MAX_TEXT_CHARS).to_string(),
        QueryProblem::UnknownState => w.problem_unknown_state.to_string(),
        QueryProblem::UnknownArea => w.problem_unknown_area.to_string(),
        QueryProblem::UnknownLevel => w.problem_unknown_level.to_string(),
        QueryProblem::UnknownField => w.problem_unknown_field.to_string(),
        QueryProblem::UnknownControl => w.problem_unknown_control.to_string(),
        QueryProblem::UnknownSort => w.problem_unknown_sort.to_string(),
        QueryProblem::BadPage => w.problem_bad_page.to_string(),
    }
}

/// "NCES does not record ... Check both in CAHIIM's directory ...": beside every list.
pub(super) fn cannot_say(w: &ProgramWords) -> Vec<Segment> {
    linked(
        w.cannot_say.parts(&["link"]),
        &[(
            "link",
            CAHIIM_DIRECTORY.to_string(),
            w.cahiim_link.to_string(),
        )],
    )
}

/// A programme in a list of results.
pub(super) struct ProgrammeLine {
    text: String,
    route: String,
}

/// A school in a list of results.
pub(super) struct ResultView {
    name: String,
    href: String,
    place: String,
    programmes: Vec<ProgrammeLine>,
}

impl ResultView {
    fn of(w: &ProgramWords, year: &str, hit: &Hit<'_>) -> ResultView {
        let school = hit.school;
        ResultView {
            name: school.name.clone(),
            href: school_url(school.unitid),
            place: w
                .result_place
                .with("place", format!("{}, {}", school.city, school.state))
                .with("control", control_words(w, school.control))
                .to_string(),
            programmes: hit
                .programmes
                .iter()
                .map(|p| {
                    let message = if p.completers == 1 {
                        &w.result_program_one
                    } else {
                        &w.result_program
                    };
                    ProgrammeLine {
                        text: message
                            .with("field", field_words(w, p.field))
                            .with("level", level_words(w, p.level))
                            .with("completers", p.completers)
                            .with("year", year)
                            .to_string(),
                        route: route_words(w, p.route()).to_string(),
                    }
                })
                .collect(),
        }
    }
}

/// What a search found, one page of it.
pub(super) struct Results {
    title: String,
    shown: Option<String>,
    list: Vec<ResultView>,
    /// The links to the previous and next page of results.
    previous: Option<String>,
    next: Option<String>,
    json: String,
    csv: String,
}

/// The form's choices and what was chosen.
pub(super) struct FormView {
    text: String,
    states: Vec<(String, String, bool)>,
    /// The metro area a link chose: its code, and the sentence naming it with the link that
    /// drops it.
    area: Option<(String, Vec<Segment>)>,
    levels: Vec<Choice>,
    fields: Vec<Choice>,
    controls: Vec<Choice>,
    by_name: bool,
    max_chars: usize,
}

impl FormView {
    fn new(site: &Site, schools: &Schools, query: &Query) -> FormView {
        let w = &site.words.programs;
        let mut without_area = query.clone();
        without_area.area = None;
        without_area.filter.area = None;
        FormView {
            text: query.text.clone(),
            states: site
                .areas
                .states()
                .filter(|s| schools.in_state(s.state).next().is_some())
                .map(|s| {
                    let chosen = query.state.as_deref() == Some(s.slug.as_str());
                    (s.slug.clone(), s.name.clone(), chosen)
                })
                .collect(),
            area: query.area.and_then(|code| {
                let listing = site.areas.by_code(code)?;
                let sentence = linked(
                    w.area_chosen.with("area", &listing.name).parts(&["remove"]),
                    &[(
                        "remove",
                        search_url(&without_area, 1),
                        w.area_remove.to_string(),
                    )],
                );
                Some((code.to_string(), sentence))
            }),
            levels: Level::ALL
                .into_iter()
                .map(|level| Choice {
                    value: level.slug(),
                    label: level_words(w, level).to_string(),
                    checked: query.filter.levels.contains(&level),
                })
                .collect(),
            fields: Field::ALL
                .into_iter()
                .map(|field| Choice {
                    value: field.slug(),
                    label: field_words(w, field).to_string(),
                    checked: query.filter.fields.contains(&field),
                })
                .collect(),
            controls: Control::ALL
                .into_iter()
                .map(|control| Choice {
                    value: control.slug(),
                    label: control_words(w, control).to_string(),
                    checked: query.filter.controls.contains(&control),
                })
                .collect(),
            by_name: query.order == crate::schools::Order::Name,
            max_chars: MAX_TEXT_CHARS,
        }
    }
}

fn search_url(query: &Query, page: usize) -> String {
    search_url_of(&query::query_string(query, page))
}

/// `/programs` with a query string, if any.
fn search_url_of(query_string: &str) -> String {
    if query_string.is_empty() {
        PROGRAMS_PAGE.to_string()
    } else {
        format!("{PROGRAMS_PAGE}?{query_string}")
    }
}

/// `templates/programs.html`: the search, a search's results or a state's list, and the states.
#[derive(Template)]
#[template(path = "programs.html")]
struct ProgramsView<'a> {
    chrome: &'a Chrome,
    heading: String,
    lede: String,
    form: FormView,
    problem: Option<String>,
    results: Option<Results>,
    /// Each state with schools, its page and how many (on the bare search page only).
    states: Vec<(String, String, String)>,
    /// On a state's page: the way back to every state.
    every_state: Option<String>,
    cannot_say: Vec<Segment>,
    completions_note: String,
    sources: Vec<Vec<Segment>>,
}

/// The source lines of the extract's files, each linking to its entry.
pub(super) fn source_lines(w: &ProgramWords, schools: &Schools) -> Vec<Vec<Segment>> {
    use crate::schools::Role;
    Role::ALL
        .into_iter()
        .map(|role| {
            let file = schools.release.file(role);
            let words = match role {
                Role::Completions => &w.role_completions,
                Role::Directory => &w.role_directory,
                Role::Tuition => &w.role_tuition,
                Role::Graduation => &w.role_graduation,
                Role::Earnings => &w.role_earnings,
            };
            linked(
                w.source_line
                    .with("role", words)
                    .with("year", &file.year)
                    .parts(&["entry"]),
                &[(
                    "entry",
                    format!("/sources#{}", file.source),
                    w.source_entry_link.to_string(),
                )],
            )
        })
        .collect()
}

/// The search's parts made once: the chrome of `/programs` and the bare page.
pub struct ProgramPages {
    chrome: Chrome,
    /// `/programs` with no search.
    pub(super) index: Prepared,
    /// One slot per state listing of the directory (by position among the states) and per school.
    states: Vec<(String, OnceLock<Prepared>)>,
    schools: Vec<OnceLock<Prepared>>,
    keep: Keep,
}

impl ProgramPages {
    /// `None` for a site without schools. A state's page and a school's are rendered once now and
    /// dropped, so a template that cannot render fails start-up, not a reader's request.
    pub(super) fn new(
        site: &Site,
        base_url: &str,
        assets: &AssetUrls,
        keep: Keep,
    ) -> askama::Result<Option<ProgramPages>> {
        let Some(schools) = &site.schools else {
            return Ok(None);
        };
        let w = &site.words.programs;
        let year = &schools.release.academic_year;
        let count = schools.all().len();
        let chrome = chrome_for(
            site,
            base_url,
            assets,
            PROGRAMS_PAGE,
            w.index_title.as_str(),
            &w.index_description
                .with("count", crate::money::group_thousands(count as u64))
                .with("year", year)
                .to_string(),
        );
        let query = Query {
            page: 1,
            ..Query::default()
        };
        let index = render_search(site, schools, &chrome, &query, None)?;
        let pages = ProgramPages {
            chrome,
            index: Prepared::new(HTML, CACHE_PAGE, index, keep),
            states: site
                .areas
                .states()
                .map(|s| (state_url(s), OnceLock::new()))
                .collect(),
            schools: schools.all().iter().map(|_| OnceLock::new()).collect(),
            keep,
        };
        if let Some(state) = site.areas.states().next() {
            state_page(site, schools, base_url, assets, state)?;
        }
        if let Some(first) = schools.all().first() {
            school::page(site, schools, base_url, assets, first)?;
        }
        Ok(Some(pages))
    }

    /// The page at `path` if it is a state's list or a school's, rendered now if no one asked
    /// for it before.
    pub(super) fn get(
        &self,
        path: &str,
        site: &Site,
        base_url: &str,
        assets: &AssetUrls,
    ) -> Option<askama::Result<&Prepared>> {
        let schools = site.schools.as_ref()?;
        if let Some(id) = path
            .strip_prefix(SCHOOLS_FOLDER)
            .and_then(|p| p.strip_prefix('/'))
        {
            let unitid = crate::schools::UnitId::parse(id)?;
            let position = schools.all().iter().position(|s| s.unitid == unitid)?;
            let slot = &self.schools[position];
            return Some(match slot.get() {
                Some(page) => Ok(page),
                None => school::page(site, schools, base_url, assets, &schools.all()[position])
                    .map(|html| {
                        slot.get_or_init(|| Prepared::compact(HTML, CACHE_PAGE, html, self.keep))
                    }),
            });
        }
        let position = self.states.iter().position(|(url, _)| url == path)?;
        let slot = &self.states[position].1;
        Some(match slot.get() {
            Some(page) => Ok(page),
            None => {
                let state = site.areas.states().nth(position)?;
                state_page(site, schools, base_url, assets, state).map(|html| {
                    slot.get_or_init(|| Prepared::compact(HTML, CACHE_PAGE, html, self.keep))
                })
            }
        })
    }

    /// Whether a page answers at `path`.
    pub(super) fn has(&self, path: &str, site: &Site) -> bool {
        self.states.iter().any(|(url, _)| url == path)
            || path
                .strip_prefix(SCHOOLS_FOLDER)
                .and_then(|p| p.strip_prefix('/'))
                .and_then(crate::schools::UnitId::parse)
                .is_some_and(|id| site.schools.as_ref().is_some_and(|s| s.get(id).is_some()))
    }

    /// The address of every state's list and every school's page.
    pub(super) fn paths(&self, site: &Site) -> Vec<String> {
        let schools = site
            .schools
            .iter()
            .flat_map(|s| s.all())
            .map(|s| school_url(s.unitid));
        self.states
            .iter()
            .map(|(url, _)| url.clone())
            .chain(schools)
            .collect()
    }
}

/// A search's page: the form holding `query`, and its results unless it is empty or has a problem.
fn render_search(
    site: &Site,
    schools: &Schools,
    chrome: &Chrome,
    query: &Query,
    problem: Option<String>,
) -> askama::Result<String> {
    let w = &site.words.programs;
    let year = &schools.release.academic_year;
    let count = schools.all().len();
    let results = (!query.is_empty() && problem.is_none()).then(|| results(w, schools, query));
    let states = if results.is_none() {
        site.areas
            .states()
            .filter_map(|s| {
                let n = schools.in_state(s.state).count();
                let label = match n {
                    0 => return None,
                    1 => w.state_count_one.to_string(),
                    n => w.state_count_many.with("count", n).to_string(),
                };
                Some((s.name.clone(), state_url(s), label))
            })
            .collect()
    } else {
        Vec::new()
    };
    ProgramsView {
        chrome,
        heading: w.index_title.to_string(),
        lede: w
            .index_lede
            .with("count", crate::money::group_thousands(count as u64))
            .with("year", year)
            .to_string(),
        form: FormView::new(site, schools, query),
        problem,
        results,
        states,
        every_state: None,
        cannot_say: cannot_say(w),
        completions_note: w.completions_note.with("year", year).to_string(),
        sources: source_lines(w, schools),
    }
    .render()
}

/// One page of what `query` finds.
fn results(w: &ProgramWords, schools: &Schools, query: &Query) -> Results {
    let hits = schools.search(&query.filter, query.order);
    let year = &schools.release.academic_year;
    let count = hits.len();
    let from = (query.page - 1) * PAGE_SIZE;
    let list: Vec<ResultView> = hits
        .iter()
        .skip(from)
        .take(PAGE_SIZE)
        .map(|hit| ResultView::of(w, year, hit))
        .collect();
    let title = match count {
        0 => w.no_results_title.to_string(),
        1 => w.results_title_one.to_string(),
        n => w.results_title_many.with("count", n).to_string(),
    };
    let formats = query::query_string(query, 1);
    Results {
        title,
        shown: (count > PAGE_SIZE).then(|| {
            w.results_shown
                .with("from", (from + 1).min(count))
                .with("to", (from + list.len()).min(count))
                .with("count", count)
                .to_string()
        }),
        previous: (query.page > 1).then(|| search_url(query, query.page - 1)),
        next: (from + PAGE_SIZE < count).then(|| search_url(query, query.page + 1)),
        list,
        json: format!("{PROGRAMS_PAGE}.json?{formats}"),
        csv: format!("{PROGRAMS_PAGE}.csv?{formats}"),
    }
}

/// A state's list: every school in it, shortest award first.
fn state_page(
    site: &Site,
    schools: &Schools,
    base_url: &str,
    assets: &AssetUrls,
    state: &Listing,
) -> askama::Result<String> {
    let w = &site.words.programs;
    let year = &schools.release.academic_year;
    let url = state_url(state);
    let mut chrome = chrome_for(
        site,
        base_url,
        assets,
        &url,
        &w.state_title.with("state", &state.name).to_string(),
        &w.state_description.with("state", &state.name).to_string(),
    );
    chrome
        .breadcrumbs
        .push((PROGRAMS_PAGE.to_string(), w.index_title.to_string()));
    let query = Query {
        page: 1,
        state: Some(state.slug.clone()),
        filter: crate::schools::Filter {
            state: Some(state.state),
            ..Default::default()
        },
        ..Query::default()
    };
    let hits = schools.search(&query.filter, query.order);
    let count = hits.len();
    let mut results = results(w, schools, &query);
    // The state's page lists every school, not one page of them.
    results.list = hits
        .iter()
        .map(|hit| ResultView::of(w, year, hit))
        .collect();
    results.shown = None;
    results.next = None;
    ProgramsView {
        chrome: &chrome,
        heading: chrome.title.clone(),
        lede: if count == 0 {
            w.state_none
                .with("state", &state.name)
                .with("year", year)
                .to_string()
        } else {
            w.state_lede
                .with("count", count)
                .with("state", &state.name)
                .with("year", year)
                .to_string()
        },
        form: FormView::new(site, schools, &query),
        problem: None,
        results: (count > 0).then_some(results),
        states: Vec::new(),
        every_state: Some(PROGRAMS_PAGE.to_string()),
        cannot_say: cannot_say(w),
        completions_note: w.completions_note.with("year", year).to_string(),
        sources: source_lines(w, schools),
    }
    .render()
}

/// Reads the search in `request`'s query string.
pub(super) fn read_query(site: &Site, raw: &str) -> Result<Query, QueryProblem> {
    let pairs = crate::salary::query::decode(raw).map_err(|_| QueryProblem::Malformed)?;
    let areas = &site.areas;
    query::parse(
        &pairs,
        |slug| {
            areas
                .by_slug(slug)
                .filter(|l| l.area_type == AreaType::State)
                .map(|l| l.state)
        },
        |code| {
            areas
                .by_code(code)
                .is_some_and(|l| l.area_type == AreaType::Metro && l.state != StateCode::NATIONAL)
        },
    )
}

/// `/programs`: the bare page as prepared, or a search's results, or the form with its problem
/// (status 400, what was typed kept).
pub(super) async fn index(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (Some(pages), Some(schools)) = (&state.program_pages, &state.site.schools) else {
        return Err(AppError::NotFound);
    };
    let site = &state.site;
    let raw = request.query_string();
    // A page past the last one is an address no link gives: the form, with the reason.
    let past_the_end = |query: &Query| {
        query.page > 1
            && (query.page - 1) * PAGE_SIZE >= schools.search(&query.filter, query.order).len()
    };
    let read = read_query(site, raw).and_then(|query| {
        if past_the_end(&query) {
            Err(QueryProblem::BadPage)
        } else {
            Ok(query)
        }
    });
    let (status, body) = match read {
        Ok(query) if query.is_empty() => return Ok(pages.index.respond(&request)),
        Ok(query) => (
            StatusCode::OK,
            render_search(site, schools, &pages.chrome, &query, None),
        ),
        Err(problem) => {
            // Keep what was typed in the box, so nothing is lost.
            let typed = super::pay::typed_search(raw);
            let query = Query {
                text: typed.chars().take(MAX_TEXT_CHARS).collect(),
                page: 1,
                ..Query::default()
            };
            (
                StatusCode::BAD_REQUEST,
                render_search(
                    site,
                    schools,
                    &pages.chrome,
                    &query,
                    Some(problem_words(&site.words.programs, problem)),
                ),
            )
        }
    };
    Ok(respond(status, HTML, CACHE_PAGE).body(body.map_err(AppError::internal)?))
}

/// Sentences under a school's name: its area's pay page or its state's.
pub(super) fn place_sentence(
    w: &ProgramWords,
    area: Option<&Listing>,
    state: &str,
) -> Vec<Segment> {
    match area {
        Some(area) => linked(
            w.school_in_area.parts(&["area"]),
            &[("area", area.url(), area.name.clone())],
        ),
        None => sentences([plain(w.school_no_area.with("state", state))]),
    }
}

/// "Where to study here" on an area's or a state's pay page.
pub(super) struct StudyView {
    pub(super) intro: Vec<Segment>,
    /// A metro area's schools: name, page, city and awards.
    pub(super) schools: Vec<(String, String, String)>,
    pub(super) more: Vec<Segment>,
}

/// The schools of a pay page's place: a state's count with its list's link, a metro area's
/// schools, or, for a nonmetropolitan area (which the data cannot place schools in), its state's
/// list. `None` for a site without schools.
pub(super) fn study_here(site: &Site, listing: &Listing, nonmetro: bool) -> Option<StudyView> {
    let schools = site.schools.as_ref()?;
    let w = &site.words.programs;
    let year = &schools.release.academic_year;
    let state = site.areas.by_code(listing.state.area())?;
    let state_link = || {
        (
            "link",
            state_url(state),
            w.study_state_link.with("state", &state.name).to_string(),
        )
    };
    let view = |intro, schools, more| StudyView {
        intro,
        schools,
        more,
    };
    if listing.area_type == AreaType::State {
        let count = schools.in_state(listing.state).count();
        let intro = if count == 0 {
            plain(
                w.study_state_none
                    .with("state", &state.name)
                    .with("year", year),
            )
        } else {
            linked(
                w.study_state
                    .with("count", count)
                    .with("state", &state.name)
                    .with("year", year)
                    .parts(&["link"]),
                &[state_link()],
            )
        };
        return Some(view(intro, Vec::new(), Vec::new()));
    }
    if nonmetro {
        let intro = linked(w.study_nonmetro.parts(&["link"]), &[state_link()]);
        return Some(view(intro, Vec::new(), Vec::new()));
    }
    let here: Vec<(String, String, String)> = schools
        .in_area(listing.code)
        .map(|s| {
            let mut levels: Vec<Level> = s.programmes.iter().map(|p| p.level).collect();
            levels.dedup();
            let levels: Vec<&str> = levels.iter().map(|&l| level_words(w, l).as_str()).collect();
            let detail = w
                .study_school_levels
                .with("city", &s.city)
                .with("levels", site.words.numbers.lists.and_list(&levels))
                .to_string();
            (s.name.clone(), school_url(s.unitid), detail)
        })
        .collect();
    let intro = plain(match here.len() {
        0 => w
            .study_area_none
            .with("area", &listing.name)
            .with("year", year),
        1 => w
            .study_area_one
            .with("area", &listing.name)
            .with("year", year),
        n => w
            .study_area_many
            .with("count", n)
            .with("area", &listing.name)
            .with("year", year),
    });
    let more = if here.is_empty() {
        linked(w.study_nonmetro_state.parts(&["link"]), &[state_link()])
    } else {
        linked(
            w.study_search.parts(&["link"]),
            &[(
                "link",
                format!("{PROGRAMS_PAGE}?area={}", listing.code),
                w.study_search_link.to_string(),
            )],
        )
    };
    Some(view(intro, here, more))
}

/// Under a comparison in an area: where to study there, linking the search narrowed to a metro
/// area, or the state's list for a state or a nonmetropolitan area. Empty without schools.
pub(super) fn study_link(site: &Site, area: Option<crate::oews::AreaCode>) -> Vec<Segment> {
    let (Some(schools), Some(area)) = (&site.schools, area) else {
        return Vec::new();
    };
    let Some(listing) = site.areas.by_code(area) else {
        return Vec::new();
    };
    let w = &site.words.programs;
    let href = match listing.area_type {
        AreaType::National => return Vec::new(),
        AreaType::Metro if schools.in_area(area).next().is_some() => {
            format!("{PROGRAMS_PAGE}?area={area}")
        }
        _ => match site.areas.by_code(listing.state.area()) {
            Some(state) => state_url(state),
            None => return Vec::new(),
        },
    };
    linked(
        w.study_comparison
            .with("area", &listing.name)
            .parts(&["link"]),
        &[("link", href, w.study_comparison_link.to_string())],
    )
}
