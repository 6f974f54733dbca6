//! What the salary page needs besides its comparison, made once at start-up: the site's chrome for
//! a result and for a rejected query, the occupations' structured data, and the form's choices. A
//! comparison in an area gets the chrome with the area's name in its title and `area=` in its
//! canonical address, made on its first request and kept. `templates/salary.html` renders the whole
//! page with them.

use std::sync::Arc;

use super::form::FormChoices;
use super::wording::{self, Piece};
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
    /// The page's sentences with links in them, cut around their links.
    pub(crate) linked: LinkedSentences,
    /// The words of the site's language.
    w: &'static Words,
    /// Set in a static export: the address of a live him-guide (possibly empty), which the page
    /// points to and sends its form to, since a static copy cannot compute.
    pub static_copy: Option<String>,
}

/// The salary page's sentences that hold links, each cut once into the words around its links
/// ([`wording::around`]), in the order its placeholders are named here.
pub(crate) struct LinkedSentences {
    /// A static copy's pointer to the live comparison: `link`.
    pub(crate) static_copy_live: Vec<Piece>,
    /// The share section: the result's `address`; its data, `json` then `csv`; the method,
    /// `chapter` then `checking`.
    pub(crate) share_address: Vec<Piece>,
    pub(crate) share_data: Vec<Piece>,
    pub(crate) share_method: Vec<Piece>,
}

impl LinkedSentences {
    fn new(w: &Words) -> LinkedSentences {
        let says = &w.salary;
        LinkedSentences {
            static_copy_live: wording::around(&says.page.static_copy_live, &["link"]),
            share_address: wording::around(&says.share.address, &["address"]),
            share_data: wording::around(&says.share.data, &["json", "csv"]),
            share_method: wording::around(&says.share.method, &["chapter", "checking"]),
        }
    }
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
            linked: LinkedSentences::new(w),
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
