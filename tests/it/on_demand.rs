//! Area pages made on their first request (issue 18): start-up keeps none, a request renders its
//! own page once, and every encoding of it answers the same bytes, the plain one inflated from gzip.

use std::io::Read;

use crate::helpers::{TestApp, pay_site};

#[test]
fn start_up_keeps_no_area_page_and_a_request_renders_its_own_once() {
    let app = TestApp::spawn(&pay_site());
    assert_eq!(app.state().area_pages_rendered(), 0);
    let first = app.get("/pay/idaho");
    assert_eq!(first.status, 200);
    assert!(first.body.contains("Idaho"), "{}", first.body);
    assert_eq!(app.state().area_pages_rendered(), 1);
    let again = app.get("/pay/idaho");
    assert_eq!(again.body, first.body);
    assert_eq!(app.state().area_pages_rendered(), 1, "kept");
    // Addresses that are no area's page render nothing.
    for missing in ["/pay/nowhere", "/pay/national", "/pay/idaho/more", "/pay/"] {
        assert_ne!(app.get(missing).status, 200, "{missing}");
    }
    assert_eq!(app.state().area_pages_rendered(), 1);
    // A mistyped case still leads to the page.
    let moved = app.get("/pay/Utah");
    assert_eq!(moved.status, 308);
    assert_eq!(moved.headers["location"], "/pay/utah");
}

/// The body of `path` asked for in `encoding`, decoded, with its ETag.
fn decoded(app: &TestApp, path: &str, encoding: &str) -> (String, String) {
    let (headers, body) = app.get_bytes(path, &[("Accept-Encoding", encoding)]);
    let sent = headers
        .get("content-encoding")
        .map_or("identity", |value| value.to_str().unwrap());
    assert_eq!(sent, encoding, "{path}");
    let mut text = String::new();
    match encoding {
        "gzip" => {
            flate2::read::GzDecoder::new(&body[..])
                .read_to_string(&mut text)
                .unwrap();
        }
        "br" => {
            brotli::Decompressor::new(&body[..], 4096)
                .read_to_string(&mut text)
                .unwrap();
        }
        _ => text = String::from_utf8(body).unwrap(),
    }
    (text, headers["etag"].to_str().unwrap().to_string())
}

#[test]
fn an_area_page_answers_the_same_bytes_in_every_encoding_with_its_own_etags() {
    let app = TestApp::spawn(&pay_site());
    let (br, br_tag) = decoded(&app, "/pay/utah", "br");
    let (gzip, gzip_tag) = decoded(&app, "/pay/utah", "gzip");
    let (plain, plain_tag) = decoded(&app, "/pay/utah", "identity");
    let (plain_again, _) = decoded(&app, "/pay/utah", "identity");
    assert!(plain.starts_with("<!doctype html>"), "{plain}");
    assert!(plain.contains("Salt Lake City-Murray, UT"));
    assert_eq!(br, plain);
    assert_eq!(gzip, plain);
    assert_eq!(
        plain_again, plain,
        "inflated again or from the cache, the same"
    );
    assert_eq!(br_tag, format!("{}-br\"", plain_tag.trim_end_matches('"')));
    assert_eq!(
        gzip_tag,
        format!("{}-gzip\"", plain_tag.trim_end_matches('"'))
    );
    let unchanged = app.get_with(
        "/pay/utah",
        &[
            ("Accept-Encoding", "identity"),
            ("If-None-Match", &plain_tag),
        ],
    );
    assert_eq!(unchanged.status, 304);
}
