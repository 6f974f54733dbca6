//! The salary page's layout: the site's chrome around the comparison, rendered once at start-up
//! and split where each request's comparison goes.

use askama::Template;

use super::form::FormChoices;
use crate::salary::data::SalaryData;
use crate::site::SALARY_PAGE;
use crate::web::views::Chrome;

/// The salary page around the form and comparison, rendered once at start-up: the part before and
/// the part after, for a result and for a rejected query (whose title asks to check the choices).
pub struct Layout {
    pub result: (String, String),
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
    ) -> askama::Result<Layout> {
        const SLOT: &str = "<!-- the salary comparison -->";
        let split = |title: &str| -> askama::Result<(String, String)> {
            let mut chrome = state_chrome(
                title,
                "Compare the pay of health information occupations, by work setting, and check a job offer.",
            );
            chrome.canonical = Some(format!("{base_url}{SALARY_PAGE}"));
            let page = SalaryShell {
                chrome,
                slot: SLOT,
                json_ld: crate::web::json_ld::occupations(data),
            }
            .render()?;
            let (before, after) = page.split_once(SLOT).expect("the shell holds the slot");
            Ok((before.to_string(), after.to_string()))
        };
        Ok(Layout {
            result: split("Compare HIM pay")?,
            rejected: split("Check your choices: Compare HIM pay")?,
            choices: FormChoices::new(data),
            static_copy: None,
        })
    }
}
