//! `/programs` (the search of the schools that award HIM credentials, with its JSON and CSV),
//! `/programs/<state>` (a state's schools) and `/schools/<unitid>` (a school's page). The bare
//! search page is rendered at start-up; a state's page and a school's on their first request, then
//! kept compressed; a search renders its results from parts made once (`list.rs`), and is kept
//! from its query's second request on.

mod data;
mod list;
mod school;

use std::sync::OnceLock;

use super::pay::{Segment, linked, plain, sentences};
use super::prepared::{CACHE_PAGE, Keep, Prepared};
use super::views::{AssetUrls, Chrome, chrome_for};
use crate::oews::{AreaType, StateCode};
use crate::pay::Listing;
use crate::schools::query::{self, MAX_TEXT_CHARS};
use crate::schools::{Control, Field, Level, Query, QueryProblem, Route, Schools};
use crate::site::Site;
use crate::words::{ProgramWords, Text};

pub(super) use data::{csv, json};
pub(super) use list::index;

const HTML: &str = "text/html; charset=utf-8";

pub use crate::schools::{PROGRAMS_PAGE, SCHOOLS_FOLDER, school_url};
/// CAHIIM's directory of accredited programs, which the data cannot replace.
pub const CAHIIM_DIRECTORY: &str = "https://www.cahiim.org/programs/program-directory";

/// The address of a state's list: `/programs/texas`.
fn state_url(state: &Listing) -> String {
    crate::schools::state_list_url(&state.slug)
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
    /// What every list shows that no search changes.
    parts: list::ListParts,
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
        let parts = list::ListParts::new(site, schools);
        let index = list::render_search(site, schools, &parts, &chrome, &query, None, None)?;
        if let Some(state) = site.areas.states().next() {
            list::state_page(site, schools, &parts, base_url, assets, state)?;
        }
        if let Some(first) = schools.all().first() {
            school::page(site, schools, base_url, assets, first)?;
        }
        Ok(Some(ProgramPages {
            chrome,
            parts,
            index: Prepared::new(HTML, CACHE_PAGE, index, keep),
            states: site
                .areas
                .states()
                .map(|s| (state_url(s), OnceLock::new()))
                .collect(),
            schools: schools.all().iter().map(|_| OnceLock::new()).collect(),
            keep,
        }))
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
            let position = schools.position(unitid)?;
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
                list::state_page(site, schools, &self.parts, base_url, assets, state).map(|html| {
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
