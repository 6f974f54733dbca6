//! him-guide: a career guide to Health Information Management, served from Markdown content.
//!
//! The pure domain lives in the workspace's crates under `components/`, re-exported here so that
//! `crate::oews::...` and `him_guide::oews::...` read as before:
//!
//! - [`diagnostics`] and [`sources`] are shared by every loader: problems with file, line and fix,
//!   dates, and the list of cited sources; [`money`] holds amounts in integer cents and converts
//!   pay periods explicitly, for the OEWS data and the salary figures alike.
//! - [`content`] reads `content/`: front matter and the one Markdown entry point.
//! - [`oews`] imports BLS's OEWS release into `content/oews/` and checks that extract at start-up.
//! - [`salary`] holds the pay and outlook figures and computes the salary comparison.
//! - [`pay`] lists the areas with figures: their addresses, search and rankings.
//! - [`schools`] holds the schools with HIM programmes, imported from NCES and College Scorecard.
//!
//! This package keeps what writes words and pages, and the edges:
//!
//! - [`words`] holds every word the site says outside the Markdown, per language.
//! - [`site`] builds the site model: pages, navigation, tables of contents, link checks.
//! - [`web`] is the only part that knows HTTP and templates: the app factory, views and errors.
//!   Templates write a [`words::Text`] unescaped through an askama trait implemented in `web`,
//!   which Rust allows only while `Text` is defined in this crate: so `words` and `site` stay here.
//! - [`cli`] and [`config`] turn the command line and environment into settings.

pub use content;
pub use diagnostics;
pub use money;
pub use oews;
pub use pay;
pub use prices;
pub use projections;
pub use salary;
pub use schools;
pub use sources;

pub mod cli;
pub mod config;
pub mod site;
pub mod web;
pub mod words;
