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
}
