//! The shipped guide itself: every page required by the brief is there, long enough, and sourced.

use him_guide::site::{PageKind, Site};

use crate::helpers::repo_dir;

fn site() -> Site {
    Site::load(&repo_dir()).unwrap_or_else(|problems| panic!("{problems}"))
}

#[test]
fn has_every_page_of_the_guide() {
    let site = site();
    for url in [
        "/",
        "/guide/what-they-do",
        "/guide/where-they-work",
        "/guide/education",
        "/guide/certification",
        "/guide/skills",
        "/guide/salary",
        "/guide/outlook",
        "/guide/career-paths",
        "/guide/him-vs-informatics",
        "/sources",
        "/glossary",
        "/about",
    ] {
        assert!(site.page(url).is_some(), "missing page {url}");
    }
}

#[test]
fn every_article_is_400_to_1200_words() {
    for page in site().pages.iter().filter(|p| p.url != "/sources") {
        assert!(
            (400..=1200).contains(&page.word_count),
            "{} has {} words; articles run 400-1200",
            page.file.display(),
            page.word_count
        );
    }
}

#[test]
fn every_page_cites_listed_sources_and_every_source_is_cited() {
    let site = site();
    for page in &site.pages {
        assert!(
            !page.source_ids.is_empty(),
            "{} cites nothing",
            page.file.display()
        );
    }
    // The schools extract names a source per file it was read from; the school pages, built from
    // the extract rather than from Markdown, cite those.
    let from_schools = |id: &str| {
        site.schools
            .as_ref()
            .is_some_and(|s| s.release.files.iter().any(|f| f.source == id))
    };
    for source in &site.sources {
        let cited = site.pages.iter().any(|p| p.source_ids.contains(&source.id))
            || from_schools(&source.id);
        assert!(cited, "source {} is listed but no page cites it", source.id);
    }
}

#[test]
fn home_links_to_every_chapter() {
    let site = site();
    let home = site.page("/").unwrap();
    for chapter in site.pages.iter().filter(|p| p.kind == PageKind::Chapter) {
        assert!(
            home.html.contains(&format!("href=\"{}\"", chapter.url)),
            "the home page does not link to {}",
            chapter.url
        );
    }
}

#[test]
fn glossary_defines_every_term_the_brief_names() {
    let site = site();
    let glossary = site.page("/glossary").unwrap();
    for id in [
        "ahima",
        "cahiim",
        "rhia",
        "rhit",
        "ehr",
        "hie",
        "hipaa",
        "bls",
        "oews",
        "ooh",
        "soc",
        "cmio",
        "median",
        "percentile",
    ] {
        assert!(
            glossary.html.contains(&format!("id=\"{id}\"")),
            "the glossary has no entry #{id}"
        );
    }
}

/// Where a line types a dollar amount (`$1`) or a thousands-grouped count (`125,230`).
fn typed_figure(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let dollar = bytes[i] == b'$' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        let grouped = bytes[i].is_ascii_digit()
            && bytes.get(i + 1) == Some(&b',')
            && bytes
                .get(i + 2..i + 5)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        (dollar || grouped).then(|| &line[i..line.len().min(i + 12)])
    })
}

#[test]
fn pages_notes_and_caveats_cite_figures_from_the_data_instead_of_typing_them() {
    let content = repo_dir().join("content");
    let mut files = vec![content.join("sources.toml"), content.join("salary.toml")];
    for dir in [content.join("en"), content.join("en/guide")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let is_data = file.extension().is_some_and(|e| e == "toml");
        for (number, line) in text.lines().enumerate() {
            // In the data files only the prose fields must not repeat figures; amounts live there.
            let prose = !is_data
                || line.starts_with("note")
                || line.starts_with("caveat")
                || line.starts_with("contributed");
            // A token's own arguments (BLS area codes in `{{table:area-pay:0012420,...}}`) are not figures.
            let line = match (line.find("{{"), line.find("}}")) {
                (Some(start), Some(end)) if start < end => {
                    format!("{}{}", &line[..start], &line[end + 2..])
                }
                _ => line.to_string(),
            };
            if let (true, Some(figure)) = (prose, typed_figure(&line)) {
                panic!(
                    "{}:{}: `{figure}` is typed; cite it with {{{{fig:ID}}}} from content/salary.toml",
                    file.display(),
                    number + 1
                );
            }
        }
    }
}

#[test]
fn spots_typed_figures() {
    assert_eq!(typed_figure("paid $58,250 a year"), Some("$58,250 a ye"));
    assert_eq!(typed_figure("125,230 jobs"), Some("5,230 jobs"));
    assert_eq!(
        typed_figure("{{fig:manager-median-2023}} in 2023-33, 10th percentile"),
        None
    );
}
