//! The salary page's layout: the site's chrome around the comparison, rendered once at start-up
//! and split where each request's comparison goes. A comparison in an area gets the same layout
//! with the area's name in its title and `area=` in its canonical address.

use std::sync::Arc;

use askama::Template;

use super::form::FormChoices;
use super::options::escape_html;
use super::wording;
use crate::oews::{Area, AreaCode, Extract};
use crate::salary::data::SalaryData;
use crate::site::SALARY_PAGE;
use crate::web::views::Chrome;

/// Stands for the area's name (HTML-escaped) in [`Layout::area_result`].
const AREA_NAME: &str = "@@area-name@@";
/// Stands for `?area=CODE` after the canonical address in [`Layout::area_result`].
const AREA_QUERY: &str = "@@area-query@@";

/// The salary page around the form and comparison, rendered once at start-up: the part before and
/// the part after, for a result and for a rejected query (whose title asks to check the choices).
pub struct Layout {
    pub result: (Arc<str>, String),
    /// As `result`, for a comparison in an area: its title and canonical address hold markers
    /// that [`Layout::for_area`] fills in.
    area_result: (String, String),
    /// The first part of `area_result` filled in for each area asked for, kept: every request in
    /// an area needs it, and filling it is two passes over the page's head.
    area_heads: quick_cache::sync::Cache<AreaCode, Arc<str>>,
    pub rejected: (String, String),
    pub choices: FormChoices,
    /// Set in a static export: the address of a live him-guide (possibly empty), which the page
    /// points to and sends its form to, since a static copy cannot compute.
    pub static_copy: Option<String>,
}

/// `templates/salary_shell.html`: the site's layout with a marker where the comparison goes.
#[derive(Template)]
#[template(path = "salary_shell.html")]
struct SalaryShell {
    chrome: Chrome,
    slot: &'static str,
    json_ld: String,
}

impl Layout {
    pub fn new(
        state_chrome: impl Fn(&str, &str) -> Chrome,
        base_url: &str,
        data: &SalaryData,
        extract: Option<&Extract>,
    ) -> askama::Result<Layout> {
        const SLOT: &str = "<!-- the salary comparison -->";
        let split = |title: &str, canonical: String| -> askama::Result<(String, String)> {
            let mut chrome = state_chrome(
                title,
                "Compare the pay of health information occupations, by work setting, and check a job offer.",
            );
            chrome.canonical = Some(canonical);
            let page = SalaryShell {
                chrome,
                slot: SLOT,
                json_ld: crate::web::json_ld::occupations(data),
            }
            .render()?;
            let (before, after) = page.split_once(SLOT).expect("the shell holds the slot");
            Ok((before.to_string(), after.to_string()))
        };
        let canonical = format!("{base_url}{SALARY_PAGE}");
        Ok(Layout {
            result: {
                let (before, after) = split(&wording::page_title(None), canonical.clone())?;
                (before.into(), after)
            },
            area_result: split(
                &wording::page_title(Some(AREA_NAME)),
                format!("{canonical}{AREA_QUERY}"),
            )?,
            rejected: split(
                &format!("Check your choices: {}", wording::page_title(None)),
                canonical,
            )?,
            area_heads: quick_cache::sync::Cache::new(AREA_HEADS_KEPT),
            choices: FormChoices::new(data, extract),
            static_copy: None,
        })
    }

    /// The layout of a result in `area` (`None`: the nation, as rendered at start-up): the part
    /// before the comparison (which holds the title and canonical address) and the part after.
    pub(super) fn for_area(&self, area: Option<&Area>) -> (Arc<str>, &str) {
        let Some(area) = area else {
            return (Arc::clone(&self.result.0), &self.result.1);
        };
        let before = self.area_heads.get(&area.code).unwrap_or_else(|| {
            let before: Arc<str> = self
                .area_result
                .0
                .replace(AREA_NAME, &escape_html(&area.name))
                .replace(AREA_QUERY, &format!("?area={}", area.code))
                .into();
            self.area_heads.insert(area.code, Arc::clone(&before));
            before
        });
        (before, &self.area_result.1)
    }
}

/// Areas whose filled-in layout is kept at most (each about 5 kB): every area of a release.
const AREA_HEADS_KEPT: usize = 1024;
