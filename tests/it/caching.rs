//! Serving prepared bytes: compressed variants by Accept-Encoding, strong ETags and 304s, cache
//! lifetimes, fingerprinted assets, and HEAD.

use crate::helpers::{Html, TestApp, repo_dir};

#[test]
fn pages_come_in_the_encoding_asked_for_with_an_etag_per_variant() {
    let app = TestApp::spawn(&repo_dir());
    let plain = app.get("/guide/salary");
    let gzip = app.get_with("/guide/salary", &[("Accept-Encoding", "gzip")]);
    let brotli = app.get_with("/guide/salary", &[("Accept-Encoding", "gzip, deflate, br")]);
    assert!(plain.headers.get("content-encoding").is_none());
    assert_eq!(gzip.headers.get("content-encoding").unwrap(), "gzip");
    assert_eq!(brotli.headers.get("content-encoding").unwrap(), "br");
    for answer in [&plain, &gzip, &brotli] {
        assert_eq!(answer.status, 200);
        assert_eq!(answer.headers.get("vary").unwrap(), "Accept-Encoding");
        assert_eq!(
            answer.headers.get("cache-control").unwrap(),
            "public, max-age=300"
        );
    }
    let etags: Vec<_> = [&plain, &gzip, &brotli]
        .iter()
        .map(|a| a.headers.get("etag").unwrap().clone())
        .collect();
    assert!(
        etags[0] != etags[1] && etags[1] != etags[2],
        "each variant has its own strong ETag: {etags:?}"
    );
    let length = |a: &crate::helpers::Answer| {
        a.headers
            .get("content-length")
            .unwrap()
            .to_str()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    assert!(
        length(&brotli) * 3 < length(&plain),
        "brotli {} vs {}",
        length(&brotli),
        length(&plain)
    );
}

#[test]
fn a_current_copy_gets_304_and_head_gets_the_headers_alone() {
    let app = TestApp::spawn(&repo_dir());
    let first = app.get_with("/", &[("Accept-Encoding", "br")]);
    let etag = first
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let again = app.get_with("/", &[("Accept-Encoding", "br"), ("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.headers.get("etag").unwrap().to_str().unwrap(), etag);
    let stale = app.get_with(
        "/",
        &[("Accept-Encoding", "br"), ("If-None-Match", "\"0000\"")],
    );
    assert_eq!(stale.status, 200);
    let head = app.head("/guide/outlook");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert!(head.headers.get("etag").is_some());
}

/// RFC 9110's reading of `Accept-Encoding` and `If-None-Match` over real HTTP: a coding weighed
/// 0 is never sent, `*` speaks for the codings not named, and a request that refuses everything
/// gets the 406 page rather than bytes it cannot read.
#[test]
fn q_values_wildcards_and_malformed_headers_are_read_as_rfc_9110_says() {
    let app = TestApp::spawn(&repo_dir());
    let encoding = |accept: &str| {
        let answer = app.get_with("/guide/salary", &[("Accept-Encoding", accept)]);
        assert_eq!(answer.status, 200, "{accept}");
        answer
            .headers
            .get("content-encoding")
            .map_or("identity".to_string(), |v| v.to_str().unwrap().to_string())
    };
    assert_eq!(encoding("br;q=0, *;q=1"), "gzip");
    assert_eq!(encoding("br;q=0, gzip;q=0, *;q=1"), "identity");
    assert_eq!(encoding("identity;q=0, gzip;q=0.5"), "gzip");
    assert_eq!(encoding("gzip;q=oops"), "identity");
    let refused = app.get_with(
        "/guide/salary",
        &[("Accept-Encoding", "identity;q=0, *;q=0")],
    );
    assert_eq!(refused.status, 406);
    assert!(
        refused.content_type.starts_with("text/html"),
        "the error page"
    );
    assert!(
        refused
            .body
            .contains(r#"<h1 id="page-title">Not acceptable</h1>"#),
        "{}",
        refused.body
    );

    let etag = app.get("/").headers["etag"].to_str().unwrap().to_string();
    let status = |if_none_match: &str| {
        app.get_with("/", &[("If-None-Match", if_none_match)])
            .status
    };
    assert_eq!(status("*"), 304);
    assert_eq!(
        status(&format!("\"elsewhere\", W/{etag}")),
        304,
        "weak comparison"
    );
    assert_eq!(status("\"elsewhere\""), 200);
    assert_eq!(status("not-a-tag"), 200, "malformed: ignored");
}

#[test]
fn assets_have_fingerprinted_names_and_are_cached_for_a_year() {
    let app = TestApp::spawn(&repo_dir());
    let page = Html::parse(&app.get("/").body);
    let stylesheet = page.attrs("link[rel=stylesheet]", "href").remove(0);
    assert!(
        stylesheet.starts_with("/assets/style.") && stylesheet.ends_with(".css"),
        "{stylesheet}"
    );
    let css = app.get_with(&stylesheet, &[("Accept-Encoding", "gzip")]);
    assert_eq!(css.status, 200);
    assert_eq!(
        css.headers.get("cache-control").unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(css.headers.get("content-encoding").unwrap(), "gzip");
    assert!(css.content_type.starts_with("text/css"));
    let icon = page
        .attrs("link[rel=icon][type='image/svg+xml']", "href")
        .remove(0);
    assert_eq!(app.get(&icon).status, 200);
    assert_eq!(app.get("/assets/style.0000000000000000.css").status, 404);
    let old = app.get("/static/style.css");
    assert_eq!(old.status, 200, "the unfingerprinted address keeps working");
}

#[test]
fn a_comparison_has_an_etag_and_is_sent_compressed_once_kept() {
    let app = TestApp::spawn(&crate::helpers::pay_site());
    let path = "/salary?area=0012420&occupation=technologist&offer=51234";
    let browser = [("Accept-Encoding", "gzip, deflate, br")];
    let first = app.get_with(path, &browser);
    assert_eq!(first.status, 200);
    assert!(
        first.headers.get("content-encoding").is_none(),
        "computed for this request: sent as made"
    );
    let etag = first.headers.get("etag").expect("an ETag").clone();
    // Kept from its second request on, and served compressed from then.
    let second = app.get_with(path, &browser);
    assert_eq!(
        second.headers.get("etag").unwrap(),
        &etag,
        "the same answer"
    );
    let again = app.get_with(path, &browser);
    assert_eq!(again.headers.get("content-encoding").unwrap(), "br");
    assert_ne!(
        again.headers.get("etag").unwrap(),
        &etag,
        "each variant its own"
    );
    let unchanged = app.get_with(path, &[("If-None-Match", etag.to_str().unwrap())]);
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.body.is_empty());
    // The same for JSON and CSV, each kept apart; CSV keeps its own header.
    for (format, disposition) in [("/salary.json", None), ("/salary.csv", Some("inline"))] {
        let path = format!("{format}?area=0012420&offer=51234");
        let first = app.get(&path);
        let etag = first.headers.get("etag").expect("an ETag");
        let unchanged = app.get_with(&path, &[("If-None-Match", etag.to_str().unwrap())]);
        assert_eq!(unchanged.status, 304, "{format}");
        if let Some(disposition) = disposition {
            let header = unchanged.headers.get("content-disposition").unwrap();
            assert!(header.to_str().unwrap().starts_with(disposition));
        }
    }
    // A rejected query is neither kept nor given an ETag.
    let rejected = app.get("/salary?offer=-5");
    assert_eq!(rejected.status, 400);
    assert!(rejected.headers.get("etag").is_none());
}
