//! The words layer's seam, proved with a pseudo-locale: the site rendered through
//! `Words::pseudo()`, where every word of `words/en/` is wrapped in `⟦…⟧`. Any reader-facing
//! English left on a page that is neither inside those brackets, nor data (an area's or an
//! occupation's name, a source's title, a release, a figure), nor the Markdown content, was written
//! somewhere other than the words layer.

use std::path::Path;

use him_guide::site::Site;
use him_guide::words::Words;

use crate::helpers::{Html, TestApp, pay_site};

/// What a page says outside its Markdown that does not come from the words layer: each piece of
/// text or reader-facing attribute, with the English left once the words (bracketed) and the data
/// the site holds are taken out.
fn english_outside_the_words(app: &TestApp, path: &str, skip: &[&str]) -> Vec<String> {
    let answer = app.get(path);
    let html = Html::parse(&answer.body);
    let data = data_strings(&app.state().site);
    let mut found = Vec::new();
    let mut check = |what: String, text: &str| {
        let left = strip_data(&strip_words(text), &data);
        if left
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() > 1)
        {
            found.push(format!(
                "{path} {what}: {:?} leaves {:?}",
                text.trim(),
                left.trim()
            ));
        }
    };
    // The Markdown content is the editors' and is translated as content, not as words.
    let excluded = ["script", "style", ".prose", ".outline"];
    let skipped = |element: &scraper::ElementRef<'_>| {
        element
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .chain([*element])
            .any(|e| {
                excluded
                    .iter()
                    .chain(skip)
                    .any(|css| scraper::Selector::parse(css).unwrap().matches(&e))
            })
    };
    for element in html.select("*") {
        if skipped(&element) {
            continue;
        }
        let own_text: String = element
            .children()
            .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
            .collect();
        if !own_text.trim().is_empty() {
            check(format!("<{}>", element.value().name()), &own_text);
        }
        for attribute in ["aria-label", "title", "alt", "placeholder"] {
            if let Some(value) = element.value().attr(attribute) {
                check(format!("<{} {attribute}>", element.value().name()), value);
            }
        }
        if element.value().name() == "meta" && element.value().attr("name") == Some("description") {
            check(
                "<meta description>".into(),
                element.value().attr("content").unwrap_or(""),
            );
        }
    }
    found
}

/// `text` without anything inside `⟦…⟧` (nested brackets included).
fn strip_words(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `text` without any of `data`, longest first.
fn strip_data(text: &str, data: &[String]) -> String {
    let mut text = text.to_string();
    for value in data {
        if text.contains(value.as_str()) {
            text = text.replace(value.as_str(), " ");
        }
    }
    text
}

/// Every name and title the site holds as data or content rather than words, longest first.
fn data_strings(site: &Site) -> Vec<String> {
    let mut data: Vec<String> = Vec::new();
    for page in &site.pages {
        data.extend([page.title.clone(), page.description.clone()]);
        let mut toc: Vec<&him_guide::site::TocEntry> = page.toc.iter().collect();
        while let Some(entry) = toc.pop() {
            data.push(entry.text.clone());
            toc.extend(&entry.children);
        }
    }
    for source in &site.sources {
        data.extend([
            source.title.clone(),
            source.short.clone(),
            source.date.clone(),
        ]);
        data.extend(source.publisher.clone());
        data.extend(source.author.clone());
        data.extend(source.caveat.clone());
    }
    for occupation in &site.salary.occupations {
        data.extend([
            occupation.title.clone(),
            occupation.short.clone(),
            occupation.entry_education.clone(),
        ]);
        data.extend(occupation.him_titles.iter().cloned());
        data.extend(occupation.credential.clone());
        data.extend(occupation.note.clone());
    }
    for figure in &site.salary.figures {
        data.extend([figure.release.clone(), figure.scope.label().to_string()]);
        data.extend(figure.note.clone());
        data.extend(figure.soc_title.clone());
    }
    if let Some(extract) = &site.oews {
        data.push(extract.release.name.clone());
        data.extend(extract.areas.iter().map(|a| a.name.clone()));
        data.extend(extract.industries.iter().map(|i| i.name.clone()));
        data.extend(extract.occupations.iter().map(|o| o.name.clone()));
        data.extend(extract.footnotes.iter().map(|f| f.text.clone()));
    }
    // BLS's own abbreviations and codes, which a translation keeps.
    data.extend(
        [
            "BLS", "OEWS", "SOC", "RSE", "AHIMA", "RHIA", "RHIT", "CAHIIM", "HIM",
        ]
        .map(String::from),
    );
    data.retain(|value| !value.trim().is_empty());
    data.sort_by_key(|value| std::cmp::Reverse(value.len()));
    data.dedup();
    data
}

fn pseudo_app(site_dir: &Path) -> TestApp {
    let site = Site::load_with(site_dir, Words::pseudo()).unwrap_or_else(|p| panic!("{p}"));
    TestApp::spawn_site(site_dir, site)
}

/// One address of every kind of page.
const PAGE_KINDS: [&str; 10] = [
    "/",
    "/guide",
    "/guide/pay",
    "/guide/pay/fact-sheet",
    "/sources",
    "/pay",
    "/pay?q=austin",
    "/pay/texas",
    "/pay/austin-round-rock-san-marcos-tx",
    "/salary?area=0012420&offer=52000",
];

#[test]
fn the_layout_says_every_word_through_the_words_layer() {
    let app = pseudo_app(&pay_site());
    let mut found = Vec::new();
    for path in PAGE_KINDS {
        // The layout only: the header, the breadcrumbs, the footer. The page's own title (in
        // <title>, the description and the breadcrumbs' last step) is its kind's to say.
        let answer = app.get(path);
        assert_eq!(answer.status, 200, "{path}");
        let html = Html::parse(&answer.body);
        assert!(
            !html.select(".site-header").is_empty(),
            "{path} has the layout"
        );
        found.extend(
            english_outside_the_words(&app, path, &["main", ".breadcrumbs [aria-current]"])
                .into_iter()
                .filter(|line| !line.contains("<title>") && !line.contains("<meta description>")),
        );
    }
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_english_written_outside_the_words_layer() {
    // The same check, on the shipped English words: every word is then "outside", so it must
    // find the layout's words. A check that found nothing here could not fail.
    let app = TestApp::spawn(&pay_site());
    let found = english_outside_the_words(&app, "/", &["main"]);
    assert!(
        found
            .iter()
            .any(|line| line.contains("Skip to main content")),
        "{found:#?}"
    );
}

// ---- Pay where you live: /pay, its searches, and every area's page ----

/// `/pay` with every kind of search: results, one result, none, and the searches it refuses (400).
const PAY_SEARCHES: [(&str, u16); 8] = [
    ("/pay", 200),
    ("/pay?q=austin", 200),
    ("/pay?q=salt+lake", 200),
    ("/pay?q=texas", 200),
    ("/pay?q=zzzzqq", 200),
    ("/pay?q=%ZZ", 400),
    ("/pay?q=austin&q=texas", 400),
    (
        "/pay?q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        400,
    ),
];

/// What a pay page shows that is neither words nor data the site holds: the postal codes on the
/// maps' squares (`TX`), codes a translation keeps (the squares' accessible names, which say the
/// state's name, come from the words layer).
const PAY_CODES: [&str; 1] = [".tile-map svg text"];

#[test]
fn pay_where_you_live_says_every_word_through_the_words_layer() {
    let app = pseudo_app(&pay_site());
    let mut paths: Vec<(String, u16)> = PAY_SEARCHES
        .iter()
        .map(|&(path, status)| (path.to_string(), status))
        .collect();
    // Every area's page: states (ranked areas, an imprecise median), metropolitan areas (values
    // not released, no series at all) and the nonmetropolitan area.
    paths.extend(app.state().site.areas.pages().map(|l| (l.url(), 200)));
    let mut found = Vec::new();
    for (path, status) in &paths {
        let answer = app.get(path);
        assert_eq!(answer.status, *status, "{path}");
        found.extend(english_outside_the_words(&app, path, &PAY_CODES));
    }
    assert!(paths.len() > 15, "{paths:?}");
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_pay_check_finds_english_on_pay_pages() {
    // The pay pages' own words, checked on the shipped English: the check must see them.
    let app = TestApp::spawn(&pay_site());
    let found = english_outside_the_words(
        &app,
        "/pay/texas",
        &[".site-header", ".site-footer", ".breadcrumbs"],
    );
    for english in ["Health information pay in", "Employment", "Median"] {
        assert!(
            found.iter().any(|line| line.contains(english)),
            "{english}: {found:#?}"
        );
    }
}
