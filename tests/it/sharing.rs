//! What schools and search engines read: citations, OpenGraph tags and schema.org JSON-LD.

use serde_json::Value;

use crate::helpers::{Html, TestApp, pay_site, repo_dir};

/// Every JSON-LD block on the page, parsed.
fn json_ld(html: &Html) -> Vec<Value> {
    html.select("script[type='application/ld+json']")
        .iter()
        .map(|script| serde_json::from_str(&script.inner_html()).expect("JSON-LD parses as JSON"))
        .collect()
}

fn graph_item<'a>(blocks: &'a [Value], kind: &str) -> Vec<&'a Value> {
    blocks
        .iter()
        .flat_map(|b| b["@graph"].as_array().unwrap().iter())
        .filter(|i| i["@type"] == kind)
        .collect()
}

#[test]
fn guide_pages_carry_article_and_breadcrumb_data() {
    let app = TestApp::spawn(&repo_dir());
    let html = Html::parse(&app.get("/guide/certification").body);
    let blocks = json_ld(&html);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0]["@context"], "https://schema.org");
    let article = graph_item(&blocks, "Article")[0];
    assert_eq!(
        article["headline"],
        "Certifications: RHIA, RHIT and the coding credentials"
    );
    assert_eq!(
        article["url"],
        "https://guide.example.org/guide/certification"
    );
    assert_eq!(article["dateModified"], "2026-11-22");
    let crumbs = graph_item(&blocks, "BreadcrumbList")[0]["itemListElement"]
        .as_array()
        .unwrap();
    let names: Vec<_> = crumbs.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Home",
            "The guide",
            "Certifications: RHIA, RHIT and the coding credentials"
        ]
    );
    assert_eq!(crumbs[2]["position"], 3);
}

#[test]
fn the_salary_page_describes_each_occupation_with_its_pay_distribution() {
    let app = TestApp::spawn(&pay_site());
    for query in ["", "?occupation=manager&offer=90000"] {
        let html = Html::parse(&app.get(&format!("/salary{query}")).body);
        let blocks = json_ld(&html);
        let occupations = graph_item(&blocks, "Occupation");
        let soc: Vec<_> = occupations
            .iter()
            .map(|o| o["occupationalCategory"].as_str().unwrap())
            .collect();
        assert_eq!(soc, ["29-2072", "29-9021", "11-9111"]);
        let technologists = occupations[1];
        let pay = &technologists["estimatedSalary"][0];
        assert_eq!(pay["@type"], "MonetaryAmountDistribution");
        assert_eq!(pay["currency"], "USD");
        assert_eq!(
            (
                pay["percentile10"].as_i64(),
                pay["median"].as_i64(),
                pay["percentile90"].as_i64()
            ),
            (Some(39_830), Some(68_020), Some(117_420))
        );
        assert_eq!(pay["validFrom"], "2025-05");
        assert!(pay["name"].as_str().unwrap().contains("OEWS May 2025"));
        assert_eq!(technologists["educationRequirements"], "Associate's degree");
        assert!(
            occupations[2]["qualifications"]
                .as_str()
                .unwrap()
                .contains("RHIA")
        );
        assert!(
            occupations[0]["qualifications"]
                .as_str()
                .unwrap()
                .contains("RHIT")
        );
        // Specialists had only a May 2011 distribution (too old to show); May 2025 gives a full one.
        let specialists = &occupations[0]["estimatedSalary"][0];
        assert_eq!(
            (
                specialists["percentile10"].as_i64(),
                specialists["median"].as_i64()
            ),
            (Some(37_000), Some(51_140))
        );
    }
}

#[test]
fn guide_pages_offer_a_link_and_apa_and_mla_citations() {
    let app = TestApp::spawn(&repo_dir());
    let html = Html::parse(&app.get("/guide/outlook").body);
    let citations = html.texts(".cite .citation");
    assert_eq!(citations.len(), 2);
    assert!(
        citations[0].starts_with("HIM Career Guide. (2026, December 4). Job outlook"),
        "{}",
        citations[0]
    );
    assert!(citations[0].ends_with("https://guide.example.org/guide/outlook"));
    assert!(
        citations[1].contains("HIM Career Guide, 4 Dec. 2026, guide.example.org/guide/outlook."),
        "{}",
        citations[1]
    );
    assert_eq!(
        html.attrs(".cite a", "href"),
        [
            "https://guide.example.org/guide/outlook",
            "/guide/outlook/fact-sheet"
        ]
    );
    // As many headings as the chapter's Markdown writes at levels 2 and 3, so an editor's new
    // section does not break the test.
    let markdown = std::fs::read_to_string(repo_dir().join("content/en/guide/outlook.md")).unwrap();
    let sections = markdown
        .lines()
        .filter(|l| l.starts_with("## ") || l.starts_with("### "))
        .count();
    assert!(sections > 0);
    assert_eq!(
        html.select(".prose h2, .prose h3").len(),
        sections,
        "the outlook chapter's sections"
    );
    for heading in html.select(".prose h2, .prose h3") {
        let id = heading.value().attr("id").unwrap();
        let anchor = scraper::Selector::parse("a.heading-anchor").unwrap();
        let link = heading
            .select(&anchor)
            .next()
            .unwrap_or_else(|| panic!("heading #{id} has no anchor link"));
        assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
    }
}

#[test]
fn pages_carry_opengraph_and_twitter_tags() {
    let app = TestApp::spawn(&repo_dir());
    let chapter = Html::parse(&app.get("/guide/skills").body);
    assert_eq!(
        chapter.attrs("meta[property='og:type']", "content"),
        ["article"]
    );
    assert_eq!(
        chapter.attrs("meta[property='og:url']", "content"),
        ["https://guide.example.org/guide/skills"]
    );
    assert_eq!(
        chapter.attrs("meta[name='twitter:card']", "content"),
        ["summary"]
    );
    let home = Html::parse(&app.get("/").body);
    assert_eq!(
        home.attrs("meta[property='og:type']", "content"),
        ["website"]
    );
    assert!(!home.attrs("meta[property='og:title']", "content")[0].is_empty());
}

#[test]
fn the_embedded_view_is_compact_frameable_and_links_back() {
    let app = TestApp::spawn(&repo_dir());
    let query = "occupation=technologist&offer=24.50&period=hour";
    let answer = app.get(&format!("/embed/salary?{query}"));
    assert_eq!(answer.status, 200);
    let csp = answer
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors *") && !csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    let html = Html::parse(&answer.body);
    assert!(
        html.select("nav").is_empty(),
        "no site navigation inside a frame"
    );
    assert!(html.texts(".offer-result p")[0].contains("about the 28th percentile"));
    assert_eq!(html.select(".comparison table").len(), 1);
    assert_eq!(html.attrs("meta[name=robots]", "content"), ["noindex"]);
    let back = html.attrs(".embed-link a", "href");
    assert_eq!(
        back,
        [
            "https://guide.example.org/salary?compare=ladder&occupation=technologist&baseline=specialist&display=year&offer=24.50&period=hour"
        ]
    );
    assert_eq!(html.attrs(".embed-link a", "target"), ["_top"]);

    let bad = app.get("/embed/salary?offer=lots");
    assert_eq!(bad.status, 400);
    assert!(
        Html::parse(&bad.body).texts(".error-summary li")[0]
            .contains("Enter the offer as a number")
    );

    for other in ["/salary", "/", "/guide/salary"] {
        let csp = app
            .get(other)
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            csp.contains("frame-ancestors 'none'"),
            "{other} must not be frameable: {csp}"
        );
    }
}

#[test]
fn the_salary_page_offers_the_iframe_for_its_current_query() {
    let app = TestApp::spawn(&repo_dir());
    let html = Html::parse(&app.get("/salary?compare=settings&occupation=manager").body);
    let code = html.texts("#embed-code").remove(0);
    assert_eq!(
        code,
        "<iframe src=\"https://guide.example.org/embed/salary?compare=settings&amp;occupation=manager&amp;baseline=specialist&amp;display=year\" title=\"HIM pay comparison\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>"
    );
}

#[test]
fn each_chapter_has_a_printable_fact_sheet_with_figures_outline_and_sources() {
    let app = TestApp::spawn(&repo_dir());
    let answer = app.get("/guide/education/fact-sheet");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    assert_eq!(
        html.texts("h1"),
        ["Education: what to study and how far to go"]
    );
    assert_eq!(html.attrs("meta[name=robots]", "content"), ["noindex"]);
    assert!(
        html.texts(".outline li")
            .contains(&"Choosing a program".to_string()),
        "{:?}",
        html.texts(".outline li")
    );
    let rows = html.texts(".fact-sheet table tbody tr");
    let occupations = him_guide::site::Site::load(&repo_dir())
        .unwrap()
        .salary
        .occupations
        .len();
    assert_eq!(rows.len(), occupations, "one row per occupation");
    assert!(
        rows.iter()
            .all(|row| row.contains('$') && row.contains("(OEWS ")),
        "each with its newest median and release: {rows:?}"
    );
    assert!(
        !html.texts(".fact-sheet h2 + ul.small li").is_empty(),
        "sources kept"
    );
    assert!(
        html.texts(".small cite")
            .contains(&"Education: what to study and how far to go".to_string())
    );
}

#[test]
fn a_fact_sheet_shows_each_occupations_newest_median_with_its_release() {
    let app = TestApp::spawn(&pay_site());
    let answer = app.get("/guide/pay/fact-sheet");
    assert_eq!(answer.status, 200);
    let rows = Html::parse(&answer.body).texts(".fact-sheet table tbody tr");
    assert_eq!(rows.len(), 3, "one row per occupation: {rows:?}");
    // BLS OEWS May 2025: OEUN000000000000029902113, the technologists' national median.
    assert!(rows[1].contains("$68,020 (OEWS May 2025)"), "{rows:?}");
}
