//! Former addresses of area pages: an area's address comes from BLS's name for it, so when BLS
//! renames an area its page moves, and `content/pay-aliases.toml` keeps the old address answering
//! with a redirect. An alias names the area by its BLS code, so a later rename needs no edit.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Directory, PAY_PAGE, slug};
use diagnostics::{Problem, line_at};
use oews::AreaCode;

/// The file, under the site folder.
pub const ALIASES_FILE: &str = "content/pay-aliases.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAliases {
    #[serde(default)]
    aliases: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// One former address and the address of the area's page now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaAlias {
    pub from: String,
    pub to: String,
}

/// The aliases of `site_dir`'s alias file, each checked against `directory`; none without a file.
pub fn load(site_dir: &Path, directory: &Directory) -> Result<Vec<AreaAlias>, Vec<Problem>> {
    let path = site_dir.join(ALIASES_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    parse(Path::new(ALIASES_FILE), &text, directory)
}

/// The aliases in `text` (the content of `file`), each checked against `directory`.
pub fn parse(
    file: &Path,
    text: &str,
    directory: &Directory,
) -> Result<Vec<AreaAlias>, Vec<Problem>> {
    let raw: RawAliases = toml::from_str(text).map_err(|error| {
        vec![Problem::new(
            file,
            error.span().map(|span| line_at(text, span.start)),
            format!("this is not a valid alias file: {}", error.message()),
            "write one line per alias under `[aliases]`: \"/pay/old-name\" = \"0012420\"",
        )]
    })?;
    let mut aliases = Vec::new();
    let mut problems = Vec::new();
    for (from, code) in &raw.aliases {
        let line = line_at(text, from.span().start);
        let problem = |message: String, fix: &str| Problem::new(file, Some(line), message, fix);
        let from = from.get_ref();
        let Some(old_slug) = from
            .strip_prefix(PAY_PAGE)
            .and_then(|s| s.strip_prefix('/'))
        else {
            problems.push(problem(
                format!("the alias `{from}` is not an area page's address"),
                "an area page's former address starts with /pay/; move other aliases to the page's front matter",
            ));
            continue;
        };
        if slug(old_slug) != old_slug {
            problems.push(problem(
                format!("the alias `{from}` is not written as the site writes addresses"),
                &format!(
                    "write it in lower case, words joined by hyphens: {PAY_PAGE}/{}",
                    slug(old_slug)
                ),
            ));
            continue;
        }
        if directory.by_slug(old_slug).is_some() {
            problems.push(problem(
                format!("the alias `{from}` is the address of an area page that exists"),
                "an alias must be a former address that no page answers now; remove it",
            ));
            continue;
        }
        let Some(area) = AreaCode::parse(code.get_ref()).and_then(|c| directory.by_code(c)) else {
            problems.push(problem(
                format!(
                    "the alias `{from}` names `{}`, which is not an area with a page",
                    code.get_ref()
                ),
                "name the area by its seven-digit BLS code, as listed in content/oews/areas.tsv",
            ));
            continue;
        };
        aliases.push(AreaAlias {
            from: from.clone(),
            to: area.url(),
        });
    }
    if problems.is_empty() {
        Ok(aliases)
    } else {
        Err(problems)
    }
}
