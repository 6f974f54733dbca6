//! Splits a page into TOML front matter and Markdown body, and checks the front matter's fields.

use serde::Deserialize;
use toml::Spanned;

use diagnostics::{Date, Problem, is_slug, line_at, toml_date};
use std::path::Path;

const FENCE: &str = "+++";

/// The fields a page may set in its front matter; any other key is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub description: String,
    pub updated: Date,
    /// Source ids with the line each was written on, to be checked against the sources list.
    pub sources: Vec<(String, usize)>,
    pub weight: i64,
    pub slug: Option<String>,
    /// Raw HTML snippets an editor reviewed and allowed on this page, exactly as written.
    pub reviewed_html: Vec<String>,
    /// Former addresses of the page, with the line each was written on; they answer 301 to it.
    pub aliases: Vec<(String, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Spanned<String>,
    description: Spanned<String>,
    updated: Spanned<toml::value::Datetime>,
    sources: Spanned<Vec<Spanned<String>>>,
    weight: i64,
    slug: Option<Spanned<String>>,
    #[serde(default)]
    reviewed_html: Vec<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

/// A page split in two: its front matter and where its Markdown body starts.
#[derive(Debug)]
pub struct Split<'a> {
    pub front_matter: FrontMatter,
    pub body: &'a str,
    /// The 1-based file line on which the body starts, so Markdown problems can name their line.
    pub body_first_line: usize,
}

/// Splits `text` (the whole file at `file`) and parses its front matter; every problem found is returned.
#[allow(
    clippy::too_many_lines,
    reason = "one check per field, in the order editors write them; each is a few lines"
)]
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Vec<Problem>> {
    let (toml_text, toml_offset, body_offset) = fences(file, text).map_err(|p| vec![p])?;
    let line_of = |offset_in_toml: usize| line_at(text, toml_offset + offset_in_toml);

    let raw: RawFrontMatter = toml::from_str(toml_text).map_err(|err| {
        let line = err.span().map(|span| line_of(span.start));
        vec![toml_problem(file, line, err.message())]
    })?;

    let mut problems = Vec::new();
    let mut require_text = |value: &Spanned<String>, key: &str, fix: &str| {
        if value.get_ref().trim().is_empty() {
            problems.push(Problem::new(
                file,
                Some(line_of(value.span().start)),
                format!("`{key}` is empty"),
                fix,
            ));
        }
    };
    require_text(
        &raw.title,
        "title",
        "give the page a title, e.g. title = \"Job outlook\"",
    );
    require_text(
        &raw.description,
        "description",
        "write one sentence for search results, e.g. description = \"How fast HIM jobs are growing\"",
    );

    let updated_line = line_of(raw.updated.span().start);
    let updated = toml_date(raw.updated.get_ref()).unwrap_or_else(|| {
        problems.push(Problem::new(
            file,
            Some(updated_line),
            "`updated` must be a date without a time",
            "write the date of the last review as updated = 2026-11-22 (no quotes, no time)",
        ));
        Date::default()
    });

    if raw.sources.get_ref().is_empty() {
        problems.push(Problem::new(
            file,
            Some(line_of(raw.sources.span().start)),
            "`sources` is empty: every page must say where its facts come from",
            "list the ids of the sources this page uses, e.g. sources = [\"bls-ooh-mhsm-2023\"]",
        ));
    }
    let sources = raw
        .sources
        .into_inner()
        .into_iter()
        .map(|id| (id.get_ref().clone(), line_of(id.span().start)))
        .collect();

    let slug = raw.slug.map(|slug| {
        if !is_slug(slug.get_ref()) {
            problems.push(Problem::new(
                file,
                Some(line_of(slug.span().start)),
                format!("slug `{}` is not a valid URL segment", slug.get_ref()),
                "use only lowercase letters, digits and hyphens, e.g. slug = \"job-outlook\"",
            ));
        }
        slug.into_inner()
    });

    let aliases: Vec<(String, usize)> = raw
        .aliases
        .into_iter()
        .map(|alias| (alias.get_ref().clone(), line_of(alias.span().start)))
        .collect();
    for (alias, line) in &aliases {
        let valid = alias.starts_with('/')
            && alias.len() > 1
            && !alias.ends_with('/')
            && alias[1..].split('/').all(|segment| {
                !segment.is_empty()
                    && segment
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                    && segment != "."
                    && segment != ".."
            });
        if !valid {
            problems.push(Problem::new(
                file,
                Some(*line),
                format!("the alias `{alias}` is not a site path"),
                "write the page's former address as a path, e.g. aliases = [\"/guide/pay\"]",
            ));
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Split {
        front_matter: FrontMatter {
            title: raw.title.into_inner().trim().to_string(),
            description: raw.description.into_inner().trim().to_string(),
            updated,
            sources,
            weight: raw.weight,
            slug,
            reviewed_html: raw.reviewed_html,
            aliases,
        },
        body: &text[body_offset..],
        body_first_line: line_at(text, body_offset),
    })
}

/// Finds the `+++` fences: returns the TOML text, its byte offset and the body's byte offset.
fn fences<'a>(file: &Path, text: &'a str) -> Result<(&'a str, usize, usize), Problem> {
    let missing = || {
        Problem::new(
            file,
            Some(1),
            "the page does not start with front matter",
            "begin the file with a line `+++`, the fields (title, description, updated, sources, \
             weight), and another line `+++`",
        )
    };
    let after_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.len() - after_bom.len();
    let first_line_end = after_bom.find('\n').ok_or_else(missing)?;
    if after_bom[..first_line_end].trim_end() != FENCE {
        return Err(missing());
    }
    let toml_offset = start + first_line_end + 1;
    let mut offset = toml_offset;
    for line in text[toml_offset..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            let body_offset = offset + line.len();
            return Ok((&text[toml_offset..offset], toml_offset, body_offset));
        }
        offset += line.len();
    }
    Err(Problem::new(
        file,
        Some(1),
        "the front matter is never closed",
        "add a line `+++` after the last front matter field",
    ))
}

fn toml_problem(file: &Path, line: Option<usize>, message: &str) -> Problem {
    let fix = if message.contains("unknown field") {
        "remove the key or correct its spelling; the allowed keys are title, description, updated, \
         sources, weight, slug, aliases and reviewed_html"
    } else if message.contains("missing field") {
        "add the missing key; every page needs title, description, updated, sources and weight"
    } else {
        "write the front matter as TOML, e.g. title = \"Salary\" with the text in double quotes"
    };
    Problem::new(file, line, format!("front matter: {}", message.trim()), fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"Salary\"\ndescription = \"Pay\"\nupdated = 2026-11-22\n\
                        sources = [\"a\", \"b\"]\nweight = 3\n+++\nBody here\n";

    fn problems(text: &str) -> Vec<Problem> {
        split(Path::new("content/x.md"), text).expect_err("should fail")
    }

    #[test]
    fn splits_front_matter_from_body() {
        let split = split(Path::new("content/x.md"), GOOD).unwrap();
        assert_eq!(split.front_matter.title, "Salary");
        assert_eq!(
            split.front_matter.updated,
            Date {
                year: 2026,
                month: 11,
                day: 22
            }
        );
        assert_eq!(
            split.front_matter.sources,
            vec![("a".into(), 5), ("b".into(), 5)]
        );
        assert_eq!(split.front_matter.weight, 3);
        assert_eq!(split.body, "Body here\n");
        assert_eq!(split.body_first_line, 8);
    }

    #[test]
    fn rejects_a_page_without_front_matter() {
        let found = problems("# Just markdown\n");
        assert_eq!(found[0].line, Some(1));
        assert!(
            found[0]
                .message
                .contains("does not start with front matter")
        );
    }

    #[test]
    fn rejects_unclosed_front_matter() {
        let found = problems("+++\ntitle = \"x\"\n");
        assert!(found[0].message.contains("never closed"));
    }

    #[test]
    fn rejects_an_unknown_key_naming_its_line() {
        let text = GOOD.replace("weight = 3\n", "weight = 3\nauthor = \"me\"\n");
        let found = problems(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(7));
        assert!(
            found[0].message.contains("unknown field `author`"),
            "{}",
            found[0].message
        );
        assert!(found[0].fix.contains("allowed keys"));
    }

    #[test]
    fn rejects_a_missing_key() {
        let found = problems(&GOOD.replace("weight = 3\n", ""));
        assert!(
            found[0].message.contains("missing field `weight`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn rejects_malformed_toml_naming_its_line() {
        let found = problems(&GOOD.replace("title = \"Salary\"", "title = Salary"));
        assert_eq!(found[0].line, Some(2));
        assert!(found[0].fix.contains("TOML"));
    }

    #[test]
    fn rejects_a_date_with_a_time_and_an_empty_title_together() {
        let text = GOOD
            .replace("2026-11-22", "2026-11-22T10:00:00")
            .replace("\"Salary\"", "\"  \"");
        let found = problems(&text);
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .any(|p| p.message == "`title` is empty" && p.line == Some(2))
        );
        assert!(
            found
                .iter()
                .any(|p| p.message.contains("without a time") && p.line == Some(4))
        );
    }

    #[test]
    fn rejects_empty_sources_and_bad_slugs() {
        let text = GOOD
            .replace("[\"a\", \"b\"]", "[]")
            .replace("weight = 3", "weight = 3\nslug = \"Bad Slug\"");
        let found = problems(&text);
        assert!(
            found
                .iter()
                .any(|p| p.message.contains("`sources` is empty"))
        );
        assert!(
            found
                .iter()
                .any(|p| p.message.contains("slug `Bad Slug`") && p.line == Some(7))
        );
    }

    #[test]
    fn shows_dates_for_readers_and_for_machines() {
        let date = Date {
            year: 2026,
            month: 3,
            day: 5,
        };
        assert_eq!(date.to_string(), "5 March 2026");
        assert_eq!(date.iso(), "2026-03-05");
        assert_eq!(date.apa(), "2026, March 5");
        assert_eq!(date.mla(), "5 Mar. 2026");
        assert_eq!(
            Date {
                year: 2026,
                month: 9,
                day: 1
            }
            .mla(),
            "1 Sept. 2026"
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 6,
                day: 1
            }
            .mla(),
            "1 June 2026"
        );
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_splitting_panic(text in "\\PC{0,300}") {
            let _ = split(Path::new("content/x.md"), &text);
        }

        #[test]
        fn no_front_matter_body_makes_splitting_panic(toml in "[a-z_ =\"\\[\\],0-9.:\n+-]{0,200}", body in "\\PC{0,100}") {
            let _ = split(Path::new("content/x.md"), &format!("+++\n{toml}\n+++\n{body}"));
        }
    }
}
