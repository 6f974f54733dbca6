//! The words of the layout every page shares: `words/<lang>/site.toml`.

use serde::Deserialize;

use super::{Message, Text};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteWords {
    /// The site's name, in the header and every `<title>`.
    pub name: Text,
    /// `{page} | {site}`: a page's `<title>`.
    pub title: Message,
    pub skip_link: Text,
    /// A heading's link to itself, for screen readers (the `#` after each heading of a page).
    pub heading_anchor: Text,
    /// The accessible names of the navigation landmarks.
    pub primary_nav: Text,
    pub breadcrumb_nav: Text,
    /// The first two links of a breadcrumb trail.
    pub home: Text,
    pub the_guide: Text,
    /// The primary navigation's links to the comparison and to pay by area.
    pub compare_pay: Text,
    pub pay_where_you_live: Text,
    /// The footer: what the site is, its links, its promise.
    pub footer_about: Message,
    pub sitemap: Text,
    pub no_tracking: Text,
    /// The error page: `Error {status}` under its heading, and its two links on.
    pub error_status: Message,
    pub error_home: Text,
    pub error_guide: Text,
    /// What a missing page says, where the site looked the address up itself.
    pub no_page_here: Text,
    /// The structured data of the salary comparison: `Annual wage, {release} (...)`, an
    /// occupation's `{titles}`, the country.
    pub annual_wage: Message,
    pub typical_titles: Message,
    pub country: Text,
    /// Every kind of error a reader can meet, each with its heading and message.
    pub errors: ErrorsWords,
}

/// The errors a reader can meet, by what went wrong.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorsWords {
    /// 404.
    pub not_found: ErrorWords,
    /// 405: a request that is not GET or HEAD.
    pub method_not_allowed: ErrorWords,
    /// 406: an Accept-Encoding that refuses every encoding.
    pub not_acceptable: ErrorWords,
    /// 413: a request with a body.
    pub body_refused: ErrorWords,
    /// 414.
    pub address_too_long: ErrorWords,
    /// 431.
    pub headers_too_large: ErrorWords,
    /// Any other 4xx.
    pub bad_request: ErrorWords,
    /// Any 5xx.
    pub internal: ErrorWords,
}

/// An error page's heading (also its title) and its message (also its description).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorWords {
    pub heading: Text,
    pub message: Text,
}
