//! What the salary page needs besides its comparison, made once at start-up: the site's chrome for
//! a result and for a rejected query, the occupations' structured data, and the form's choices. A
//! comparison in an area gets the chrome with the area's name in its title and `area=` in its
//! canonical address, made on its first request and kept. `templates/salary.html` renders the whole
//! page with them.

use std::sync::Arc;

use super::form::FormChoices;
use super::wording;
use crate::oews::{Area, AreaCode, Extract};
use crate::salary::data::SalaryData;
use crate::web::trusted::JsonLd;
use crate::web::views::Chrome;
use crate::words::Words;

/// The salary page around the form and comparison.
pub struct Layout {
    /// The chrome of a result in the nation.
    result: Arc<Chrome>,
    /// The chrome of each area asked for, kept: every request in an area needs it.
    areas: quick_cache::sync::Cache<AreaCode, Arc<Chrome>>,
    /// The chrome of a rejected query, whose title asks to check the choices.
    pub rejected: Arc<Chrome>,
    /// The occupations as schema.org data, for the page's head.
    pub json_ld: JsonLd,
    pub choices: FormChoices,
    /// The words of the site's language.
    w: &'static Words,
    /// Set in a static export: the address of a live him-guide (possibly empty), which the page
    /// points to and sends its form to, since a static copy cannot compute.
    pub static_copy: Option<String>,
}

/// Areas whose chrome is kept at most (each about 1 kB): every area of a release.
const AREAS_KEPT: usize = 1024;

impl Layout {
    /// `chrome` gives the site's chrome for the salary page with a title and description.
    pub fn new(
        w: &'static Words,
        chrome: impl Fn(&str, &str) -> Chrome,
        data: &SalaryData,
        extract: Option<&Extract>,
    ) -> Layout {
        let page = &w.salary.page;
        let title = wording::page_title(w, None);
        Layout {
            result: Arc::new(chrome(&title, page.description.as_str())),
            areas: quick_cache::sync::Cache::new(AREAS_KEPT),
            rejected: Arc::new(chrome(
                &page.title_rejected.with("page", &title).to_string(),
                page.description.as_str(),
            )),
            json_ld: crate::web::json_ld::occupations(data, w),
            choices: FormChoices::new(w, data, extract),
            w,
            static_copy: None,
        }
    }

    /// The chrome of a result in `area` (`None`: the nation): the area's name in its title and
    /// `?area=CODE` after its canonical address.
    pub(super) fn chrome_for(&self, area: Option<&Area>) -> Arc<Chrome> {
        let Some(area) = area else {
            return Arc::clone(&self.result);
        };
        self.areas.get(&area.code).unwrap_or_else(|| {
            let mut chrome = Chrome::clone(&self.result);
            chrome.title = wording::page_title(self.w, Some(&area.name));
            if let Some(canonical) = &mut chrome.canonical {
                canonical.push_str(&format!("?area={}", area.code));
            }
            let chrome = Arc::new(chrome);
            self.areas.insert(area.code, Arc::clone(&chrome));
            chrome
        })
    }
}
