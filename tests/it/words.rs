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
    english_in(app, path, &app.get(path).body, skip)
}

/// [`english_outside_the_words`] in `body`, an answer got some other way; `path` names it.
fn english_in(app: &TestApp, path: &str, body: &str, skip: &[&str]) -> Vec<String> {
    let html = Html::parse(body);
    let mut data = data_strings(&app.state().site);
    // Addresses are not words: the site's own, with and without its scheme (as MLA writes it).
    let host = app.base_url.split_once("://").map_or("", |(_, host)| host);
    data.extend([app.base_url.clone(), host.to_string()]);
    data.sort_by_key(|value| std::cmp::Reverse(value.len()));
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
        // A page's address, written out where a page gives its own.
        data.push(page.url.clone());
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
        // What the guide takes from a source, shown on the sources page: content, from sources.toml.
        data.push(source.contributed.clone());
        data.extend(source.url.clone());
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
    if let Some(schools) = &site.schools {
        for school in schools.all() {
            data.extend([
                school.name.clone(),
                school.city.clone(),
                school.state.clone(),
            ]);
        }
        data.push(schools.release.academic_year.clone());
        data.extend(schools.release.files.iter().map(|f| f.year.clone()));
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
const PAGE_KINDS: [&str; 14] = [
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
    "/programs",
    "/programs?q=college",
    "/programs/texas",
    "/schools/222992",
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

// ---------------------------------------------------------------------------------------------
// The guide's pages and the site's errors (words/en/guide.toml, the errors of words/en/site.toml):
// each page rendered whole, its <title>, description and breadcrumbs included, and every error page.

/// The guide's page kinds in `site_dir`: home, the guide's index, each chapter and its fact sheet,
/// the sources page and the other content pages.
fn guide_pages(app: &TestApp) -> Vec<String> {
    let site = &app.state().site;
    let mut paths: Vec<String> = site.pages.iter().map(|page| page.url.clone()).collect();
    paths.extend(
        site.chapters()
            .map(|page| format!("{}{}", page.url, him_guide::site::FACT_SHEET)),
    );
    if site.has_generated_guide_index() {
        paths.push(him_guide::site::GUIDE_INDEX.to_string());
    }
    paths
}

/// Every page of the guide says every word through the words layer, whole: `.prose` and the
/// fact sheet's `.outline` (the chapter's headings) are Markdown content.
fn assert_guide_pages_say_every_word_through_the_words_layer(site_dir: &Path) {
    let app = pseudo_app(site_dir);
    let mut found = Vec::new();
    let paths = guide_pages(&app);
    for path in &paths {
        let answer = app.get(path);
        assert_eq!(answer.status, 200, "{path}");
        found.extend(english_in(&app, path, &answer.body, &[]));
    }
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guide_says_every_word_through_the_words_layer() {
    for site_dir in [pay_site(), crate::helpers::fixture("good")] {
        assert_guide_pages_say_every_word_through_the_words_layer(&site_dir);
    }
}

#[test]
fn every_chapter_of_the_shipped_guide_says_every_word_through_the_words_layer() {
    assert_guide_pages_say_every_word_through_the_words_layer(&crate::helpers::repo_dir());
}

#[test]
fn every_error_page_says_every_word_through_the_words_layer() {
    let app = pseudo_app(&pay_site());
    let client: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let read = |what: &str, answer: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        let mut answer = answer.unwrap_or_else(|e| panic!("{what}: {e}"));
        let body = answer.body_mut().read_to_string().unwrap_or_default();
        (answer.status().as_u16(), body)
    };
    let big = "b".repeat(20_000);
    let long = format!("/{}", "a".repeat(5_000));
    let answers = [
        (
            404,
            "/no-such-page",
            read("404", client.get(app.url("/no-such-page")).call()),
        ),
        (
            404,
            "/guide/nope/fact-sheet",
            read("404", client.get(app.url("/guide/nope/fact-sheet")).call()),
        ),
        (
            404,
            "/static/missing.css",
            read("404", client.get(app.url("/static/missing.css")).call()),
        ),
        (
            405,
            "POST /guide/pay",
            read("405", client.post(app.url("/guide/pay")).send_empty()),
        ),
        (
            405,
            "POST /sitemap.xml",
            read("405", client.post(app.url("/sitemap.xml")).send_empty()),
        ),
        (
            406,
            "/guide/pay refusing every encoding",
            read(
                "406",
                client
                    .get(app.url("/guide/pay"))
                    .header("Accept-Encoding", "identity;q=0, *;q=0")
                    .call(),
            ),
        ),
        (
            413,
            "POST / with a body",
            read("413", client.post(app.url("/")).send("data")),
        ),
        (
            414,
            "a 5 kB address",
            read("414", client.get(app.url(&long)).call()),
        ),
        (
            431,
            "a 20 kB header",
            read("431", client.get(app.url("/")).header("X-Big", &big).call()),
        ),
        (
            400,
            "/static/..%2fCargo.toml",
            read("400", client.get(app.url("/static/..%2fCargo.toml")).call()),
        ),
    ];
    let mut found = Vec::new();
    for (status, what, (answered, body)) in &answers {
        assert_eq!(answered, status, "{what}");
        let html = Html::parse(body);
        assert_eq!(
            html.select(".error-page").len(),
            1,
            "{what}: the error page"
        );
        found.extend(english_in(&app, what, body, &[]));
    }
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guide_checks_find_the_guide_s_english_words_when_they_are_not_bracketed() {
    // The same checks on the shipped English words find each page's words: they look where the
    // guide's and the error pages' words are.
    let app = TestApp::spawn(&crate::helpers::repo_dir());
    for (path, words) in [
        ("/guide", "Start at the top"),
        ("/guide/salary", "Last reviewed"),
        ("/guide/salary", "Previous chapter"),
        ("/guide/salary", "Link to this page or cite it"),
        ("/guide/salary", "On this page"),
        (
            "/guide/salary/fact-sheet",
            "Key figures for the HIM occupations",
        ),
        ("/guide/salary/fact-sheet", "Fact sheet:"),
        ("/sources", "What the guide takes from it"),
        ("/no-such-page", "Page not found"),
        ("/no-such-page", "It may have been mistyped"),
    ] {
        let found = english_outside_the_words(&app, path, &[]);
        assert!(
            found.iter().any(|line| line.contains(words)),
            "{path}: {words}\n{found:#?}"
        );
    }
}

// ─── The salary comparison (branch w-salary) ─────────────────────────────────────────────────
// `/salary`, `/embed/salary` and the messages of `/salary.json` and `/salary.csv`, whole, through
// the pseudo-locale: their words are `words/en/salary.toml`.

/// Each kind of salary answer, with the status it gives in English.
const SALARY_PAGES: [(&str, u16); 16] = [
    // The empty form and the ladder.
    ("/salary", 200),
    ("/salary?display=month&baseline=manager", 200),
    // Work settings, with an offer in the settings' chart.
    ("/salary?compare=settings", 200),
    (
        "/salary?compare=settings&occupation=manager&offer=120000",
        200,
    ),
    (
        "/salary?compare=settings&area=4800000&occupation=technologist&display=hour",
        200,
    ),
    // An offer nationally, yearly and hourly, and one beyond the chart's axis.
    ("/salary?offer=52000", 200),
    (
        "/salary?occupation=technologist&offer=24.50&period=hour",
        200,
    ),
    (
        "/salary?occupation=manager&offer=400000&period=year&display=month",
        200,
    ),
    // An offer in an area, yearly and hourly, and in a state.
    ("/salary?area=0012420&offer=52000", 200),
    (
        "/salary?area=0012420&occupation=manager&offer=60&period=hour",
        200,
    ),
    ("/salary?area=4800000&offer=2000&period=biweek", 200),
    // An area without pay for one occupation, with the offer in that occupation left unchecked.
    (
        "/salary?area=0012420&occupation=specialist&offer=40000",
        200,
    ),
    // A query rejected on several fields.
    (
        "/salary?compare=x&occupation=nurse&display=week&offer=abc&period=fortnight&area=12",
        400,
    ),
    // The embed: a result, an unchecked offer, a rejected query.
    ("/embed/salary?area=0012420&offer=52000", 200),
    (
        "/embed/salary?area=0012420&occupation=specialist&offer=40000",
        200,
    ),
    ("/embed/salary?offer=-5&period=hour", 400),
];

#[test]
fn the_salary_comparison_says_every_word_through_the_words_layer() {
    let site_dir = pay_site();
    let english = TestApp::spawn(&site_dir);
    let app = pseudo_app(&site_dir);
    let mut found = Vec::new();
    for (path, status) in SALARY_PAGES {
        assert_eq!(english.get(path).status, status, "{path} in English");
        assert_eq!(app.get(path).status, status, "{path} in the pseudo-locale");
        // The embed code is HTML for another site to copy, BLS series ids are codes, and the
        // share section shows the result's address as its link's text.
        let not_words = [
            "textarea.embed-code",
            "a.series",
            ".share a[href^='/salary?']",
        ];
        found.extend(english_outside_the_words(&app, path, &not_words));
    }
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
    );
}

/// The reader-facing strings of a JSON answer: its messages, summaries and notes (keys and codes
/// are the API, and amounts, names and releases are data).
fn json_messages(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("message" | "summary", serde_json::Value::String(text)) => {
                        out.push(text.clone())
                    }
                    ("notes", serde_json::Value::Array(notes)) => {
                        out.extend(notes.iter().filter_map(|n| n.as_str().map(String::from)))
                    }
                    _ => json_messages(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_messages(v, out)),
        _ => {}
    }
}

#[test]
fn the_salary_data_gives_its_messages_through_the_words_layer() {
    let app = pseudo_app(&pay_site());
    let data = data_strings(&app.state().site);
    let english_in = |text: &str| {
        let left = strip_data(&strip_words(text), &data);
        left.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() > 1)
            .then(|| left.trim().to_string())
    };
    let queries = [
        ("occupation=technologist&offer=24.50&period=hour", 200),
        ("compare=settings&occupation=manager&offer=120000", 200),
        ("area=0012420&occupation=specialist&offer=40000", 200),
        ("area=0012420&occupation=manager&offer=100000", 200),
        ("offer=abc&period=fortnight&occupation=nurse&repeat=1", 400),
    ];
    let mut found = Vec::new();
    for (query, status) in queries {
        let path = format!("/salary.json?{query}");
        let answer = app.get(&path);
        assert_eq!(answer.status, status, "{path}");
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        let mut messages = Vec::new();
        json_messages(&json, &mut messages);
        assert!(!messages.is_empty(), "{path} has messages");
        for message in messages {
            if let Some(left) = english_in(&message) {
                found.push(format!("{path}: {message:?} leaves {left:?}"));
            }
        }
        // The CSV's `note` and `message` columns, and its `area_name` (the nation's name is a
        // word): the other columns are codes, amounts and data.
        let path = format!("/salary.csv?{query}");
        let answer = app.get(&path);
        assert_eq!(answer.status, status, "{path}");
        let mut rows = csv::Reader::from_reader(answer.body.as_bytes());
        let headers = rows.headers().unwrap().clone();
        let said: Vec<usize> = ["note", "message", "area_name"]
            .iter()
            .filter_map(|name| headers.iter().position(|h| h == *name))
            .collect();
        assert!(!said.is_empty(), "{path} has a column of words");
        for row in rows.records() {
            let row = row.unwrap();
            for &i in &said {
                let text = row.get(i).unwrap_or_default();
                if let Some(left) = english_in(text) {
                    found.push(format!("{path}: {text:?} leaves {left:?}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English outside the words layer:\n{}",
        found.join("\n")
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

#[test]
fn the_markdown_names_its_heading_links_through_the_words_layer() {
    // The Markdown body is the editors', but the link each heading gets is the site's.
    let app = pseudo_app(&pay_site());
    let html = Html::parse(&app.get("/guide/pay").body);
    let labels = html.texts(".prose .heading-anchor .visually-hidden");
    assert!(!labels.is_empty(), "the chapter's headings have links");
    assert!(
        labels.iter().all(|label| label == "⟦Link to this section⟧"),
        "{labels:?}"
    );
}
