//! Reads `content/sources.toml`, the list of every document and data page the guide cites.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use diagnostics::{Problem, is_slug, line_at};

/// One cited document or public data page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// A few words to cite it by in tables: `BLS OOH 2023-33`.
    pub short: String,
    pub kind: SourceKind,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: String,
    pub url: Option<String>,
    /// What the guide takes from it.
    pub contributed: String,
    /// What a reader should know before trusting it.
    pub caveat: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An article the guide took facts from.
    Document,
    /// A public statistics page.
    Data,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    short: String,
    kind: SourceKind,
    publisher: Option<String>,
    author: Option<String>,
    date: String,
    url: Option<String>,
    contributed: String,
    caveat: Option<String>,
}

/// Parses the sources list at `file` (a path for messages) from `text`, reporting every problem.
pub fn parse(file: &Path, text: &str) -> Result<Vec<Source>, Vec<Problem>> {
    let parsed: SourcesFile = toml::from_str(text).map_err(|err| {
        let line = err.span().map(|span| line_at(text, span.start));
        vec![Problem::new(
            file,
            line,
            format!("sources list: {}", err.message().trim()),
            "each entry is a [[source]] table with id, title, short, kind (\"document\" or \"data\"), \
             date and contributed; publisher, author, url and caveat are optional",
        )]
    })?;

    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut sources = Vec::with_capacity(parsed.source.len());
    for entry in parsed.source {
        let line = Some(line_at(text, entry.span().start));
        let raw = entry.into_inner();
        if !is_slug(&raw.id) {
            problems.push(Problem::new(
                file,
                line,
                format!("source id `{}` is not usable as an anchor", raw.id),
                "use only lowercase letters, digits and hyphens, e.g. id = \"bls-ooh-mhsm-2023\"",
            ));
        } else if !seen.insert(raw.id.clone()) {
            problems.push(Problem::new(
                file,
                line,
                format!("source id `{}` is listed twice", raw.id),
                "keep one entry per source, or give the second a different id",
            ));
        }
        for (key, value) in [
            ("title", &raw.title),
            ("short", &raw.short),
            ("date", &raw.date),
            ("contributed", &raw.contributed),
        ] {
            if value.trim().is_empty() {
                problems.push(Problem::new(
                    file,
                    line,
                    format!("source `{}` has an empty `{key}`", raw.id),
                    "fill it in; readers use it to judge the source",
                ));
            }
        }
        sources.push(Source {
            id: raw.id,
            title: raw.title,
            short: raw.short,
            kind: raw.kind,
            publisher: raw.publisher,
            author: raw.author,
            date: raw.date,
            url: raw.url,
            contributed: raw.contributed,
            caveat: raw.caveat,
        });
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "[[source]]\nid = \"bls\"\ntitle = \"T\"\nshort = \"S\"\nkind = \"data\"\ndate = \"May 2023\"\n\
                         contributed = \"Pay\"\n";

    #[test]
    fn parses_sources_in_order() {
        let text = format!("{ENTRY}\n{}", ENTRY.replace("bls", "onet"));
        let sources = parse(Path::new("content/sources.toml"), &text).unwrap();
        let ids: Vec<_> = sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["bls", "onet"]);
        assert_eq!(sources[0].kind, SourceKind::Data);
    }

    #[test]
    fn rejects_duplicate_ids_naming_the_entry_line() {
        let text = format!("{ENTRY}\n{ENTRY}");
        let problems = parse(Path::new("content/sources.toml"), &text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(9));
        assert!(problems[0].message.contains("`bls` is listed twice"));
    }

    #[test]
    fn rejects_unknown_kinds_and_keys() {
        let problems =
            parse(Path::new("s.toml"), &ENTRY.replace("\"data\"", "\"blog\"")).unwrap_err();
        assert!(
            problems[0].message.contains("unknown variant `blog`"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[0].line, Some(5));
        let problems =
            parse(Path::new("s.toml"), &format!("{ENTRY}colour = \"red\"\n")).unwrap_err();
        assert!(problems[0].message.contains("unknown field `colour`"));
    }
}
