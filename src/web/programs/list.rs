//! The lists of schools: `/programs` (the form, and a search's results) and a state's list, from
//! one template. What does not depend on the search is made once ([`ListParts`]): the page's
//! sentences, the states, and each school's lines, on the first list that shows the school.

use std::sync::{Arc, OnceLock};

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::wording::{
    cannot_say, control_words, field_words, level_words, problem_words, route_words, source_lines,
    state_url,
};
use crate::oews::{AreaType, StateCode};
use crate::pay::Listing;
use crate::schools::query::{self, MAX_TEXT_CHARS, PAGE_SIZE};
use crate::schools::{
    Control, Field, Hit, Level, Order, PROGRAMS_PAGE, Query, QueryProblem, School, Schools,
    school_url,
};
use crate::site::Site;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::prepared::{CACHE_PAGE, Keep, Prepared, respond};
use crate::web::segments::{Segment, linked, rendered};
use crate::web::trusted::Fragment;
use crate::web::views::{AssetUrls, Chrome, chrome_for};
use crate::words::ProgramWords;

pub(super) const HTML: &str = "text/html; charset=utf-8";

/// A school's name, page, place and kind in a list of results: `templates/_school_result.html`.
#[derive(Template)]
#[template(path = "_school_result.html")]
struct SchoolResult<'a> {
    name: &'a str,
    href: &'a str,
    place: &'a str,
}

/// One program in a list of results: `templates/_program_result.html`.
#[derive(Template)]
#[template(path = "_program_result.html")]
struct ProgramResult<'a> {
    text: &'a str,
    route: &'a str,
}

/// A school's parts of a list, rendered once each: its heading and place, and each of its
/// programs, of which a list shows those that match.
pub(super) struct SchoolLines {
    head: Fragment,
    programs: Vec<Fragment>,
}

impl SchoolLines {
    fn of(w: &ProgramWords, year: &str, school: &School) -> askama::Result<SchoolLines> {
        let place = w
            .result_place
            .with("place", format!("{}, {}", school.city, school.state))
            .with("control", control_words(w, school.control))
            .to_string();
        let head = Fragment::render(&SchoolResult {
            name: &school.name,
            href: &school_url(school.unitid),
            place: &place,
        })?;
        let programs = school
            .programmes
            .iter()
            .map(|p| {
                let message = if p.completers == 1 {
                    &w.result_program_one
                } else {
                    &w.result_program
                };
                let text = message
                    .with("field", field_words(w, p.field))
                    .with("level", level_words(w, p.level))
                    .with("completers", p.completers)
                    .with("year", year)
                    .to_string();
                Fragment::render(&ProgramResult {
                    text: &text,
                    route: route_words(w, p.route()).as_str(),
                })
            })
            .collect::<askama::Result<_>>()?;
        Ok(SchoolLines { head, programs })
    }
}

/// An option of one of the form's menus: `templates/_form_option.html`.
#[derive(Template)]
#[template(path = "_form_option.html")]
struct FormOption<'a> {
    value: &'a str,
    label: &'a str,
    chosen: bool,
}

/// A checkbox of the form: `templates/_form_checkbox.html`.
#[derive(Template)]
#[template(path = "_form_checkbox.html")]
struct FormCheckbox<'a> {
    name: &'a str,
    value: &'a str,
    label: &'a str,
    chosen: bool,
}

/// A choice of the form, rendered once as it is and once chosen, so that a search writes its form
/// from lines made once (the 52 states' options were a tenth of a search's time).
struct Choice {
    value: String,
    /// Not chosen, then chosen.
    lines: [Fragment; 2],
}

impl Choice {
    /// An option of a menu.
    fn option(value: &str, label: &str) -> askama::Result<Choice> {
        Choice::made(value, |chosen| {
            Fragment::render(&FormOption {
                value,
                label,
                chosen,
            })
        })
    }

    /// A checkbox sent as `name`.
    fn checkbox(name: &str, value: &str, label: &str) -> askama::Result<Choice> {
        Choice::made(value, |chosen| {
            Fragment::render(&FormCheckbox {
                name,
                value,
                label,
                chosen,
            })
        })
    }

    fn made(
        value: &str,
        render: impl Fn(bool) -> askama::Result<Fragment>,
    ) -> askama::Result<Choice> {
        Ok(Choice {
            value: value.to_string(),
            lines: [render(false)?, render(true)?],
        })
    }

    /// Each of `choices`' lines, chosen where `chosen` holds for its value.
    fn lines(choices: &[Choice], chosen: impl Fn(&str) -> bool) -> Vec<&Fragment> {
        choices
            .iter()
            .map(|c| &c.lines[usize::from(chosen(&c.value))])
            .collect()
    }
}

/// A state with schools, for the form's list and the bare page's.
struct StateEntry {
    slug: String,
    name: String,
    href: String,
    /// "12 schools".
    count: String,
}

/// What every list shows that no search changes, made once at start-up.
pub(super) struct ListParts {
    lede: String,
    cannot_say: Fragment,
    completions_note: String,
    sources: Vec<Fragment>,
    states: Vec<StateEntry>,
    /// The form's choices: the states, awards, fields and kinds of school.
    state_options: Vec<Choice>,
    levels: Vec<Choice>,
    fields: Vec<Choice>,
    controls: Vec<Choice>,
    /// Each school's lines, by its place in [`Schools::all`], made on the first list that shows it.
    lines: Vec<OnceLock<SchoolLines>>,
}

impl ListParts {
    pub(super) fn new(site: &Site, schools: &Schools) -> askama::Result<ListParts> {
        let w = &site.words.programs;
        let year = &schools.release.academic_year;
        let states: Vec<StateEntry> = site
            .areas
            .states()
            .filter_map(|s| {
                let count = match schools.in_state(s.state).count() {
                    0 => return None,
                    1 => w.state_count_one.to_string(),
                    n => w.state_count_many.with("count", n).to_string(),
                };
                Some(StateEntry {
                    slug: s.slug.clone(),
                    name: s.name.clone(),
                    href: state_url(s),
                    count,
                })
            })
            .collect();
        Ok(ListParts {
            lede: w
                .index_lede
                .with(
                    "count",
                    crate::money::group_thousands(schools.all().len() as u64),
                )
                .with("year", year)
                .to_string(),
            cannot_say: rendered(&cannot_say(w))?,
            completions_note: w.completions_note.with("year", year).to_string(),
            sources: source_lines(w, schools)?,
            state_options: states
                .iter()
                .map(|s| Choice::option(&s.slug, &s.name))
                .collect::<askama::Result<_>>()?,
            states,
            levels: Level::ALL
                .iter()
                .map(|&l| Choice::checkbox("level", l.slug(), level_words(w, l).as_str()))
                .collect::<askama::Result<_>>()?,
            fields: Field::ALL
                .iter()
                .map(|&f| Choice::checkbox("field", f.slug(), field_words(w, f).as_str()))
                .collect::<askama::Result<_>>()?,
            controls: Control::ALL
                .iter()
                .map(|&c| Choice::checkbox("control", c.slug(), control_words(w, c).as_str()))
                .collect::<askama::Result<_>>()?,
            lines: schools.all().iter().map(|_| OnceLock::new()).collect(),
        })
    }

    /// The school's lines, rendered now if no list showed it before. Two first requests at once
    /// may both render them; the first kept wins, and they are the same.
    fn lines(
        &self,
        site: &Site,
        schools: &Schools,
        school: &School,
    ) -> askama::Result<&SchoolLines> {
        let position = schools
            .position(school.unitid)
            .expect("a hit is one of the schools");
        if let Some(lines) = self.lines[position].get() {
            return Ok(lines);
        }
        let lines = SchoolLines::of(&site.words.programs, &schools.release.academic_year, school)?;
        Ok(self.lines[position].get_or_init(|| lines))
    }
}

/// A school in a list of results, with the programs that matched.
pub(super) struct ResultView<'a> {
    lines: &'a SchoolLines,
    hit: Hit<'a>,
}

impl<'a> ResultView<'a> {
    fn head(&self) -> &'a Fragment {
        &self.lines.head
    }

    /// The lines of the programs that matched.
    fn programs(&self) -> impl Iterator<Item = &'a Fragment> + use<'a> {
        let lines = self.lines;
        self.hit
            .programmes()
            .filter_map(move |(at, _)| lines.programs.get(at))
    }
}

/// What a search found, one page of it.
pub(super) struct Results<'a> {
    title: String,
    shown: Option<String>,
    list: Vec<ResultView<'a>>,
    /// The links to the previous and next page of results.
    previous: Option<String>,
    next: Option<String>,
    json: String,
    csv: String,
}

/// The form, with what was chosen.
pub(super) struct FormView<'a> {
    text: &'a str,
    states: Vec<&'a Fragment>,
    /// The metro area a link chose: its code, and the sentence naming it with the link that
    /// drops it.
    area: Option<(String, Vec<Segment>)>,
    levels: Vec<&'a Fragment>,
    fields: Vec<&'a Fragment>,
    controls: Vec<&'a Fragment>,
    by_name: bool,
    max_chars: usize,
}

impl<'a> FormView<'a> {
    fn new(site: &Site, parts: &'a ListParts, query: &'a Query) -> FormView<'a> {
        let w = &site.words.programs;
        FormView {
            text: &query.text,
            states: Choice::lines(&parts.state_options, |slug| {
                query.state.as_deref() == Some(slug)
            }),
            area: query.area.and_then(|code| {
                let listing = site.areas.by_code(code)?;
                let mut without_area = query.clone();
                without_area.area = None;
                without_area.filter.area = None;
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
            levels: Choice::lines(&parts.levels, |slug| {
                query.filter.levels.iter().any(|l| l.slug() == slug)
            }),
            fields: Choice::lines(&parts.fields, |slug| {
                query.filter.fields.iter().any(|f| f.slug() == slug)
            }),
            controls: Choice::lines(&parts.controls, |slug| {
                query.filter.controls.iter().any(|c| c.slug() == slug)
            }),
            by_name: query.order == Order::Name,
            max_chars: MAX_TEXT_CHARS,
        }
    }
}

pub(super) fn search_url(query: &Query, page: usize) -> String {
    search_url_of(&query::query_string(query, page))
}

/// `/programs` with a query string, if any.
pub(super) fn search_url_of(query_string: &str) -> String {
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
    heading: &'a str,
    lede: &'a str,
    form: FormView<'a>,
    problem: Option<String>,
    results: Option<Results<'a>>,
    /// Each state with schools, its page and how many (on the bare search page only).
    states: &'a [StateEntry],
    /// On a state's page: the way back to every state.
    every_state: Option<&'static str>,
    cannot_say: &'a Fragment,
    completions_note: &'a str,
    sources: &'a [Fragment],
}

/// About the bytes of a list's page around its results, and of each school in them, to size the
/// page's buffer once (growing it as it was written took a twentieth of a search's time).
const PAGE_BYTES: usize = 12 * 1024;
const SCHOOL_BYTES: usize = 512;

impl ProgramsView<'_> {
    /// The page, written into one buffer sized for it.
    fn render_sized(&self) -> askama::Result<String> {
        let shown = self.results.as_ref().map_or(0, |r| r.list.len());
        let mut html = String::with_capacity(PAGE_BYTES + SCHOOL_BYTES * shown);
        self.render_into(&mut html)?;
        Ok(html)
    }
}

/// The page of `hits` that `query` asks for; the whole list for a state's page (`all`).
fn results<'a>(
    site: &'a Site,
    schools: &'a Schools,
    parts: &'a ListParts,
    query: &Query,
    hits: &[Hit<'a>],
    all: bool,
) -> askama::Result<Results<'a>> {
    let w = &site.words.programs;
    let count = hits.len();
    let (from, size) = if all {
        (0, count)
    } else {
        ((query.page - 1) * PAGE_SIZE, PAGE_SIZE)
    };
    let list: Vec<ResultView<'a>> = hits
        .iter()
        .skip(from)
        .take(size)
        .map(|hit| {
            Ok(ResultView {
                lines: parts.lines(site, schools, hit.school)?,
                hit: *hit,
            })
        })
        .collect::<askama::Result<_>>()?;
    let title = match count {
        0 => w.no_results_title.to_string(),
        1 => w.results_title_one.to_string(),
        n => w.results_title_many.with("count", n).to_string(),
    };
    let formats = query::query_string(query, 1);
    Ok(Results {
        title,
        shown: (count > size).then(|| {
            w.results_shown
                .with("from", from + 1)
                .with("to", from + list.len())
                .with("count", count)
                .to_string()
        }),
        previous: (query.page > 1).then(|| search_url(query, query.page - 1)),
        next: (from + size < count).then(|| search_url(query, query.page + 1)),
        list,
        json: format!("{PROGRAMS_PAGE}.json?{formats}"),
        csv: format!("{PROGRAMS_PAGE}.csv?{formats}"),
    })
}

/// A search's page: the form holding `query`, and `hits` unless none was asked for (`None`: the
/// bare page, with the states, or a page with a problem).
pub(super) fn render_search(
    site: &Site,
    schools: &Schools,
    parts: &ListParts,
    chrome: &Chrome,
    query: &Query,
    hits: Option<&[Hit<'_>]>,
    problem: Option<String>,
) -> askama::Result<String> {
    let w = &site.words.programs;
    let results = hits
        .map(|hits| results(site, schools, parts, query, hits, false))
        .transpose()?;
    ProgramsView {
        chrome,
        heading: w.index_title.as_str(),
        lede: &parts.lede,
        form: FormView::new(site, parts, query),
        problem,
        states: if results.is_none() {
            &parts.states
        } else {
            &[]
        },
        results,
        every_state: None,
        cannot_say: &parts.cannot_say,
        completions_note: &parts.completions_note,
        sources: &parts.sources,
    }
    .render_sized()
}

/// A state's list: every school in it, shortest award first.
pub(super) fn state_page(
    site: &Site,
    schools: &Schools,
    parts: &ListParts,
    base_url: &str,
    assets: &AssetUrls,
    state: &Listing,
) -> askama::Result<String> {
    let w = &site.words.programs;
    let year = &schools.release.academic_year;
    let mut chrome = chrome_for(
        site,
        base_url,
        assets,
        &state_url(state),
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
    let lede = if hits.is_empty() {
        w.state_none.with("state", &state.name).with("year", year)
    } else {
        w.state_lede
            .with("count", hits.len())
            .with("state", &state.name)
            .with("year", year)
    }
    .to_string();
    ProgramsView {
        chrome: &chrome,
        heading: &chrome.title,
        lede: &lede,
        form: FormView::new(site, parts, &query),
        problem: None,
        results: (!hits.is_empty())
            .then(|| results(site, schools, parts, &query, &hits, true))
            .transpose()?,
        states: &[],
        every_state: Some(PROGRAMS_PAGE),
        cannot_say: &parts.cannot_say,
        completions_note: &parts.completions_note,
        sources: &parts.sources,
    }
    .render_sized()
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

/// What a search's page is kept as in `AppState::program_answers`.
struct ListPage;

/// `/programs`: the bare page as prepared, or a search's results (kept from the query's second
/// request on), or the form with its problem (status 400, what was typed kept).
pub(in crate::web) async fn index(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (Some(pages), Some(schools)) = (&state.program_pages, &state.site.schools) else {
        return Err(AppError::NotFound);
    };
    let site = &state.site;
    let raw = request.query_string();
    if let Some(kept) = state.program_answers.get::<ListPage>(raw) {
        return Ok(kept.respond(&request));
    }
    let found = read_query(site, raw).and_then(|query| {
        let hits = schools.search(&query.filter, query.order);
        // A page past the last is an address no link gives: the form, with the reason.
        if query.page > 1 && (query.page - 1) * PAGE_SIZE >= hits.len() {
            return Err(QueryProblem::BadPage);
        }
        Ok((query, hits))
    });
    let body = match found {
        Ok((query, _)) if query.is_empty() => return Ok(pages.index.respond(&request)),
        Ok((query, hits)) => {
            let body = render_search(
                site,
                schools,
                &pages.parts,
                &pages.chrome,
                &query,
                Some(&hits),
                None,
            )
            .map_err(AppError::internal)?;
            let answer = Arc::new(Prepared::new(HTML, CACHE_PAGE, body, Keep::UntilReload));
            state
                .program_answers
                .put::<ListPage>(raw, Arc::clone(&answer));
            return Ok(answer.respond_as_made(&request));
        }
        Err(problem) => {
            // Keep what was typed in the box, so nothing is lost.
            let typed = crate::pay::typed_query(raw);
            let query = Query {
                text: typed.chars().take(MAX_TEXT_CHARS).collect(),
                page: 1,
                ..Query::default()
            };
            // Not kept: a rejected search is rare, and would only crowd out answers worth keeping.
            render_search(
                site,
                schools,
                &pages.parts,
                &pages.chrome,
                &query,
                None,
                Some(problem_words(&site.words.programs, problem)),
            )
        }
    };
    Ok(respond(StatusCode::BAD_REQUEST, HTML, CACHE_PAGE).body(body.map_err(AppError::internal)?))
}
