//! `/programs` (the search of the schools that award HIM credentials, with its JSON and CSV),
//! `/programs/<state>` (a state's schools) and `/schools/<unitid>` (a school's page). The bare
//! search page is rendered at start-up; a state's page and a school's on their first request, then
//! kept compressed; a search renders its results from parts made once (`list.rs`), and is kept
//! from its query's second request on.

mod data;
mod list;
mod school;
pub(super) mod study;
mod wording;

use std::sync::OnceLock;

use super::prepared::{CACHE_PAGE, Keep, Prepared, made_once};
use super::views::{AssetUrls, Chrome, chrome_for};
use crate::schools::Query;
use crate::site::Site;
use list::HTML;

pub(super) use data::{csv, json};
pub(super) use list::index;

pub use crate::schools::{PROGRAMS_PAGE, SCHOOLS_FOLDER, school_url};

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
        let parts = list::ListParts::new(site, schools)?;
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
                .map(|s| (wording::state_url(s), OnceLock::new()))
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
            return Some(made_once(&self.schools[position], self.keep, || {
                school::page(site, schools, base_url, assets, &schools.all()[position])
            }));
        }
        let position = self.states.iter().position(|(url, _)| url == path)?;
        let state = site.areas.states().nth(position)?;
        Some(made_once(&self.states[position].1, self.keep, || {
            list::state_page(site, schools, &self.parts, base_url, assets, state)
        }))
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
