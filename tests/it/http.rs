//! The server over real HTTP on `127.0.0.1:0`: every page, every internal link, errors, sitemap.

use std::collections::{BTreeSet, HashMap};

use him_guide::site::Site;

use crate::helpers::{
    Html, TestApp, copy_dir, fixture, pay_site, published_urls, repo_dir, scratch, unanswered,
};

/// Site paths listed in the sitemap, read as XML.
fn sitemap_paths(app: &TestApp) -> Vec<String> {
    let answer = app.get("/sitemap.xml");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.content_type, "application/xml; charset=utf-8");
    let xml = roxmltree::Document::parse(&answer.body).expect("the sitemap is well-formed XML");
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let mut paths = Vec::new();
    for url in root.children().filter(|n| n.has_tag_name("url")) {
        let text = |tag| {
            url.children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap()
        };
        let loc = text("loc");
        let path = loc
            .strip_prefix(&app.base_url)
            .unwrap_or_else(|| panic!("{loc} is not on the base URL"));
        let lastmod = text("lastmod");
        assert!(
            lastmod.len() == 10 && lastmod.as_bytes()[4] == b'-',
            "lastmod {lastmod} is not a date"
        );
        paths.push(path.to_string());
    }
    paths
}

/// Checks that the sitemap of the site in `site_dir` lists every page, the generated ones and every
/// area page; gives the number of area pages.
fn sitemap_lists_every_page_of(site_dir: &std::path::Path) -> usize {
    let app = TestApp::spawn(site_dir);
    let site = Site::load(site_dir).unwrap();
    let listed: BTreeSet<String> = sitemap_paths(&app).into_iter().collect();
    let mut expected: BTreeSet<String> = site.pages.iter().map(|p| p.url.clone()).collect();
    expected.insert("/guide".to_string());
    expected.insert("/salary".to_string());
    expected.insert("/pay".to_string());
    expected.extend(site.areas.pages().map(|area| area.url()));
    if let Some(schools) = &site.schools {
        expected.insert("/programs".to_string());
        expected.extend(
            site.areas
                .states()
                .filter(|state| schools.in_state(state.state).next().is_some())
                .map(|state| format!("/programs/{}", state.slug)),
        );
        expected.extend(
            schools
                .all()
                .iter()
                .map(|s| format!("/schools/{}", s.unitid)),
        );
    }
    assert_eq!(listed, expected);
    site.areas.pages().count()
}

#[test]
fn sitemap_lists_every_page_and_the_guide_index() {
    let areas = sitemap_lists_every_page_of(&repo_dir());
    assert!(areas > 0, "the shipped guide has area pages");
    // The pay-site fixture: seven states and six other areas with an HIM occupation.
    assert_eq!(sitemap_lists_every_page_of(&pay_site()), 13);
}

#[test]
fn every_page_is_html_with_navigation_one_h1_and_its_metadata() {
    let app = TestApp::spawn(&repo_dir());
    for path in sitemap_paths(&app) {
        let answer = app.get(&path);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.content_type, "text/html; charset=utf-8", "{path}");
        let html = Html::parse(&answer.body);
        assert_eq!(
            html.select("h1").len(),
            1,
            "{path} must have exactly one h1"
        );
        assert_eq!(
            html.select("nav[aria-label=Primary] a").len(),
            6,
            "{path} lacks the primary navigation"
        );
        assert_eq!(html.attrs("html", "lang"), ["en"], "{path}");
        assert_eq!(html.select("main#main").len(), 1, "{path}");
        assert_eq!(html.attrs("a.skip-link", "href"), ["#main"], "{path}");
        let description = html.attrs("meta[name=description]", "content");
        assert!(
            description.len() == 1 && description[0].len() > 20,
            "{path} needs a meta description"
        );
        assert_eq!(
            html.attrs("link[rel=canonical]", "href"),
            [format!("{}{path}", app.base_url)]
        );
        let ids = html.ids();
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{path} repeats an id");
        if path.starts_with("/guide/") {
            assert_eq!(
                html.texts(".page-sources h2"),
                ["Sources for this page"],
                "{path}"
            );
            assert!(
                !html
                    .select(".page-sources li a[href^='/sources#']")
                    .is_empty(),
                "{path}"
            );
            assert!(
                html.texts(".reviewed")
                    .iter()
                    .any(|t| t.starts_with("Last reviewed")),
                "{path}"
            );
            assert_eq!(html.select("nav.breadcrumbs li").len(), 3, "{path}");
        }
    }
}

#[test]
fn a_crawl_from_home_finds_every_page_and_no_broken_link_or_anchor() {
    let app = TestApp::spawn(&repo_dir());
    // Every address met, with its status and ids; HTML pages are followed, anything else only fetched.
    let mut seen: HashMap<String, (u16, Vec<String>)> = HashMap::new();
    let mut queue = vec!["/".to_string()];
    let mut broken = Vec::new();
    let mut links_checked = 0;
    while let Some(address) = queue.pop() {
        if seen.contains_key(&address) {
            continue;
        }
        let answer = app.get(&address);
        let is_html = answer.content_type.starts_with("text/html");
        let html = Html::parse(if is_html { &answer.body } else { "" });
        seen.insert(address.clone(), (answer.status, html.ids()));
        if !is_html || answer.status != 200 {
            continue;
        }
        for href in html.attrs("a[href], link[href]", "href") {
            if !(href.starts_with('/') || href.starts_with('#')) || href.starts_with("//") {
                continue;
            }
            let (target, fragment) = match href.split_once('#') {
                Some((target, fragment)) => (target.to_string(), Some(fragment.to_string())),
                None => (href.clone(), None),
            };
            let target = if target.is_empty() {
                address.clone()
            } else {
                target
            };
            links_checked += 1;
            if !seen.contains_key(&target) {
                let answer = app.get(&target);
                if answer.status != 200 {
                    broken.push(format!("{address} links to {href}: {}", answer.status));
                    continue;
                }
                queue.push(target.clone());
                if !answer.content_type.starts_with("text/html") {
                    seen.insert(target.clone(), (answer.status, Vec::new()));
                }
            }
            if let Some(fragment) = fragment {
                let ids = match seen.get(&target) {
                    Some((_, ids)) => ids.clone(),
                    None => Html::parse(&app.get(&target).body).ids(),
                };
                if !ids.contains(&fragment) {
                    broken.push(format!(
                        "{address} links to {href}, which has no #{fragment}"
                    ));
                }
            }
        }
    }
    assert_eq!(broken, Vec::<String>::new());
    for path in sitemap_paths(&app) {
        assert!(
            seen.contains_key(&path),
            "the crawl from / never reaches {path}"
        );
    }
    assert!(
        links_checked > 400,
        "only {links_checked} links were checked"
    );
}

#[test]
fn unknown_urls_get_the_html_404_page_with_the_sites_chrome() {
    let app = TestApp::spawn(&repo_dir());
    let primary = "nav[aria-label=Primary] a";
    let home_nav = Html::parse(&app.get("/").body).attrs(primary, "href");
    assert!(home_nav.len() >= 2, "the guide and the comparison at least");
    for path in [
        "/no-such-page",
        "/guide/nope",
        "/static/missing.css",
        "/guide/%3Cscript%3E",
    ] {
        let answer = app.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(answer.content_type, "text/html; charset=utf-8", "{path}");
        let html = Html::parse(&answer.body);
        assert_eq!(html.texts("h1"), ["Page not found"], "{path}");
        assert_eq!(
            html.attrs(primary, "href"),
            home_nav,
            "{path}: the same navigation"
        );
        assert!(html.attrs("a", "href").contains(&"/".to_string()));
        assert!(!answer.body.contains("<script"), "{path}");
    }
}

#[test]
fn dotfiles_and_missing_static_files_get_the_html_404_page() {
    let app = TestApp::spawn(&fixture("good"));
    for path in ["/static/.hidden", "/static/.git/config", "/static/nope.css"] {
        let answer = app.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(answer.content_type, "text/html; charset=utf-8");
        assert_eq!(Html::parse(&answer.body).texts("h1"), ["Page not found"]);
    }
}

#[test]
fn pages_answer_head_and_refuse_other_methods_with_an_html_page() {
    let app = TestApp::spawn(&fixture("good"));
    let head = app.head("/guide/first");
    assert_eq!(head.status, 200);
    assert_eq!(head.content_type, "text/html; charset=utf-8");
    assert!(head.body.is_empty());
    let post = app.post("/guide/first");
    assert_eq!(post.status, 405);
    assert_eq!(post.headers.get("allow").unwrap(), "GET, HEAD");
    assert_eq!(post.content_type, "text/html; charset=utf-8");
    assert_eq!(Html::parse(&post.body).texts("h1"), ["Method not allowed"]);
    assert_eq!(app.head("/sitemap.xml").status, 200);
}

#[test]
fn a_trailing_slash_redirects_to_the_pages_one_address() {
    let app = TestApp::spawn(&fixture("good"));
    let answer = app.get("/guide/first/");
    assert_eq!(answer.status, 308);
    assert_eq!(answer.headers.get("location").unwrap(), "/guide/first");
    assert_eq!(app.get("/guide/nope/").status, 404);
    for (typed, one) in [
        ("/Guide/First", "/guide/first"),
        ("/salary/?offer=1", "/salary?offer=1"),
    ] {
        let answer = app.get(typed);
        assert_eq!(answer.status, 308, "{typed}");
        assert_eq!(answer.headers.get("location").unwrap(), one, "{typed}");
    }
    assert_eq!(
        app.get("/").status,
        200,
        "the root is not trimmed to nothing"
    );
}

#[test]
fn robots_health_favicon_and_static_files_answer() {
    let app = TestApp::spawn(&fixture("good"));
    let robots = app.get("/robots.txt");
    assert_eq!(robots.status, 200);
    assert!(
        robots
            .body
            .contains("Sitemap: https://guide.example.org/sitemap.xml"),
        "{}",
        robots.body
    );
    assert_eq!(app.get("/healthz").body, "ok\n");
    let favicon = app.get("/favicon.ico");
    assert_eq!(
        (favicon.status, favicon.content_type.as_str()),
        (200, "image/x-icon")
    );
    let css = app.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.content_type.starts_with("text/css"));
}

#[test]
fn the_guide_index_and_chapters_show_navigation_between_chapters() {
    let app = TestApp::spawn(&fixture("good"));
    let index = Html::parse(&app.get("/guide").body);
    assert_eq!(
        index.attrs(".chapter-list a", "href"),
        ["/guide/first", "/guide/second"]
    );
    let first = Html::parse(&app.get("/guide/first").body);
    assert_eq!(first.attrs("a[rel=next]", "href"), ["/guide/second"]);
    assert!(first.select("a[rel=prev]").is_empty());
    assert_eq!(
        first.attrs(".chapters a[aria-current=page]", "href"),
        ["/guide/first"]
    );
    assert_eq!(
        first.attrs("nav[aria-label=Primary] a[aria-current=true]", "href"),
        ["/guide"]
    );
    assert_eq!(
        first.attrs(".toc a", "href"),
        ["#one", "#two", "#three", "#three-point-one"]
    );
    let about = Html::parse(&app.get("/about").body);
    assert!(
        about.select(".chapters").is_empty(),
        "only chapters list the chapters"
    );
}

#[test]
fn the_sources_page_gives_every_source_an_anchor() {
    let app = TestApp::spawn(&repo_dir());
    let site = Site::load(&repo_dir()).unwrap();
    let html = Html::parse(&app.get("/sources").body);
    let ids = html.attrs(".source", "id");
    let expected: Vec<_> = site.sources.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, expected, "every source, in the order of sources.toml");
}

#[test]
fn every_published_url_still_answers_200() {
    let app = TestApp::spawn(&repo_dir());
    let published = published_urls(&repo_dir());
    assert!(published.len() >= 15, "{published:?}");
    // A moved page answers at its old address with a 301 to the new one (its aliases).
    assert_eq!(
        unanswered(&app, &published),
        Vec::<String>::new(),
        "each was published and must keep answering"
    );
    for path in sitemap_paths(&app) {
        assert!(
            published.contains(&path),
            "{path} is in the sitemap: add it to content/published-urls.txt"
        );
    }
}

#[test]
fn a_renamed_area_keeps_its_old_address_through_a_301() {
    let dir = scratch("area-alias");
    copy_dir(&pay_site(), &dir);
    // As if BLS had renamed Austin's metro area after the guide published its page.
    std::fs::write(
        dir.join("content/pay-aliases.toml"),
        "[aliases]\n\"/pay/austin-round-rock-georgetown-tx\" = \"0012420\"\n",
    )
    .unwrap();
    let app = TestApp::spawn(&dir);
    for query in ["", "?utm_source=school"] {
        let answer = app.get(&format!("/pay/austin-round-rock-georgetown-tx{query}"));
        assert_eq!(answer.status, 301, "{query}");
        assert_eq!(
            answer.headers.get("location").unwrap().to_str().unwrap(),
            format!("/pay/austin-round-rock-san-marcos-tx{query}")
        );
    }
    let typed = app.get("/pay/Austin-Round-Rock-Georgetown-TX/");
    assert_eq!(typed.status, 301, "typed with capitals, still one step");
    assert_eq!(
        typed.headers.get("location").unwrap(),
        "/pay/austin-round-rock-san-marcos-tx"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_renamed_page_keeps_its_old_addresses_through_301s() {
    let app = TestApp::spawn(&fixture("good"));
    for old in ["/guide/second-file", "/guide/old/second"] {
        let answer = app.get(old);
        assert_eq!(answer.status, 301, "{old}");
        assert_eq!(answer.headers.get("location").unwrap(), "/guide/second");
    }
    let with_query = app.get("/guide/second-file?utm_source=school");
    assert_eq!(
        with_query.headers.get("location").unwrap(),
        "/guide/second?utm_source=school"
    );
    assert_eq!(app.get("/guide/second").status, 200);
}
