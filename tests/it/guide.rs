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
    for source in &site.sources {
        let cited = site.pages.iter().any(|p| p.source_ids.contains(&source.id));
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
