//! Checks every internal link and `#anchor` in the content against the pages and ids that exist.

use std::collections::{HashMap, HashSet};

use super::{GUIDE_INDEX, PageKind, SALARY_PAGE, SOURCES_PAGE};
use crate::content::LoadedPage;
use crate::diagnostics::Problem;
use crate::sources::Source;

/// Every broken internal link in `pages`, each naming the file and line it is written on. Links to
/// `failed_urls` (pages that exist but did not load) are not checked; `generated` gives the anchors
/// of a page made from data rather than Markdown (`/pay` and the area pages), `None` for any other
/// address.
pub(super) fn check(
    pages: &[LoadedPage],
    sources: &[Source],
    failed_urls: &[String],
    generated: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Vec<Problem> {
    let mut anchors: HashMap<&str, HashSet<&str>> = pages
        .iter()
        .map(|page| {
            (
                page.url.as_str(),
                page.rendered.anchors.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    // The sources page lists every source under an anchor named by its id.
    if let Some(ids) = anchors.get_mut(SOURCES_PAGE) {
        for source in sources {
            if !ids.insert(source.id.as_str()) {
                let page = pages
                    .iter()
                    .find(|page| page.url == SOURCES_PAGE)
                    .expect("page exists");
                problems.push(Problem::new(
                    &page.file,
                    None,
                    format!(
                        "a heading on the sources page has the id `{}`, which a source uses",
                        source.id
                    ),
                    "give that heading another {#id}: each source's id is its anchor on this page",
                ));
            }
        }
    }
    let has_chapters = pages
        .iter()
        .any(|page| PageKind::of(&page.url) == PageKind::Chapter);
    if has_chapters {
        anchors.entry(GUIDE_INDEX).or_default();
    }
    // The salary comparison is computed per request; links to it may carry a query.
    anchors.entry(SALARY_PAGE).or_default();
    for page in pages {
        for link in &page.rendered.links {
            let target = link.path.as_deref().unwrap_or(&page.url);
            let shown = match (&link.path, &link.fragment) {
                (Some(path), Some(fragment)) => format!("{path}#{fragment}"),
                (Some(path), None) => path.clone(),
                (None, Some(fragment)) => format!("#{fragment}"),
                (None, None) => continue,
            };
            if failed_urls.iter().any(|url| url == target) {
                continue;
            }
            // Whether the page has the link's anchor, if it names one.
            let fragment = link.fragment.as_deref().filter(|f| !f.is_empty());
            let has_anchor = if let Some(ids) = anchors.get(target) {
                fragment.map(|f| ids.contains(f))
            } else if let Some(ids) = generated(target) {
                fragment.map(|f| ids.iter().any(|id| id == f))
            } else {
                problems.push(Problem::new(
                    &page.file,
                    Some(link.line),
                    format!("broken link: no page at {target}"),
                    "link to an existing page such as /guide/salary, or to its file such as salary.md",
                ));
                continue;
            };
            if let Some(fragment) = fragment
                && has_anchor == Some(false)
            {
                problems.push(Problem::new(
                    &page.file,
                    Some(link.line),
                    format!("broken link: {shown} has no anchor `{fragment}`"),
                    format!(
                        "use the id of a heading on {target} (shown in its table of contents), or \
                         give that heading an explicit id with {{#{fragment}}}"
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FrontMatter, InternalLink, Rendered};
    use crate::diagnostics::Date;
    use std::path::PathBuf;

    fn page(url: &str, anchors: &[&str], links: Vec<InternalLink>) -> LoadedPage {
        LoadedPage {
            file: PathBuf::from(format!("content{url}.md")),
            url: url.to_string(),
            front_matter: FrontMatter {
                title: "T".into(),
                description: "D".into(),
                updated: Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                },
                sources: vec![],
                weight: 0,
                slug: None,
                reviewed_html: Vec::new(),
                aliases: Vec::new(),
            },
            rendered: Rendered {
                anchors: anchors.iter().map(|a| a.to_string()).collect(),
                links,
                ..Rendered::default()
            },
        }
    }

    fn link(path: Option<&str>, fragment: Option<&str>, line: usize) -> InternalLink {
        InternalLink {
            path: path.map(Into::into),
            fragment: fragment.map(Into::into),
            line,
        }
    }

    fn source(id: &str) -> Source {
        crate::sources::parse(
            std::path::Path::new("s.toml"),
            &format!("[[source]]\nid=\"{id}\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"data\"\ndate=\"d\"\ncontributed=\"c\"\n"),
        )
        .unwrap()
        .remove(0)
    }

    #[test]
    fn accepts_links_to_pages_anchors_sources_and_the_guide_index() {
        let pages = vec![
            page(
                "/guide/salary",
                &["median"],
                vec![
                    link(Some("/guide/salary"), Some("median"), 3),
                    link(None, Some("median"), 4),
                    link(Some("/sources"), Some("bls"), 5),
                    link(Some("/guide"), None, 6),
                ],
            ),
            page("/sources", &[], vec![]),
        ];
        assert_eq!(check(&pages, &[source("bls")], &[], &|_| None), vec![]);
    }

    #[test]
    fn reports_missing_pages_and_anchors_with_their_lines() {
        let pages = vec![page(
            "/about",
            &["top"],
            vec![
                link(Some("/nowhere"), None, 7),
                link(Some("/about"), Some("bottom"), 8),
                link(None, Some("middle"), 9),
            ],
        )];
        let problems = check(&pages, &[], &[], &|_| None);
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[0].line, Some(7));
        assert_eq!(problems[0].message, "broken link: no page at /nowhere");
        assert_eq!(
            problems[1].message,
            "broken link: /about#bottom has no anchor `bottom`"
        );
        assert_eq!(
            problems[2].message,
            "broken link: #middle has no anchor `middle`"
        );
        assert!(problems[2].fix.contains("{#middle}"));
    }

    #[test]
    fn links_to_generated_pages_and_their_anchors_resolve_and_others_do_not() {
        let generated = |url: &str| (url == "/pay/texas").then(|| vec!["technologist".to_string()]);
        let pages = vec![page(
            "/about",
            &[],
            vec![
                link(Some("/pay/texas"), Some("technologist"), 2),
                link(Some("/pay/texas"), Some("nurse"), 3),
                link(Some("/pay/atlantis"), None, 4),
            ],
        )];
        let lines: Vec<_> = check(&pages, &[], &[], &generated)
            .iter()
            .map(|p| p.line)
            .collect();
        assert_eq!(lines, [Some(3), Some(4)]);
    }
}
