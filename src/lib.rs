//! him-guide: a career guide to Health Information Management, served from Markdown content.
//!
//! - [`diagnostics`] and [`sources`] are shared by every loader: problems with file, line and fix,
//!   dates, and the list of cited sources; [`money`] holds amounts in integer cents and converts
//!   pay periods explicitly, for the OEWS data and the salary figures alike.
//! - [`content`] reads `content/`: front matter and the one Markdown entry point.
//! - [`salary`] holds the pay and outlook figures and computes the salary comparison.
//! - [`oews`] imports BLS's OEWS release into `content/oews/` and checks that extract at start-up.
//! - [`site`] builds the site model from it: pages, navigation, tables of contents, link checks.
//! - [`web`] is the only part that knows HTTP and templates: the app factory, views and errors.
//! - [`cli`] and [`config`] turn the command line and environment into settings.

pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod money;
pub mod oews;
pub mod pay;
pub mod salary;
pub mod site;
pub mod sources;
pub mod web;
pub mod words;
