//! Hostile requests against the running server, sent as raw bytes so nothing tidies them first:
//! path traversal in its encodings, invalid UTF-8, overlong URLs and headers, odd methods, repeated
//! and huge parameters, markup in every parameter, bodies. Never a 5xx, never an unescaped echo.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use crate::helpers::{Html, TestApp, copy_dir, fixture, repo_dir};

/// A raw answer: status, headers (lowercased names) and body.
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn send(app: &TestApp, request: &[u8]) -> Raw {
    let mut stream = TcpStream::connect(app.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Raw {
        status,
        headers,
        body: body.to_string(),
    }
}

fn get(app: &TestApp, target: &[u8]) -> Raw {
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(target);
    request.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    send(app, &request)
}

#[test]
fn path_traversal_in_every_encoding_finds_nothing() {
    let app = TestApp::spawn(&repo_dir());
    for target in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/%2E%2E%2FCargo.toml",
        "/static/..%2fCargo.toml",
        "/static/..%5cCargo.toml",
        "/static/%252e%252e/Cargo.toml",
        "/static/.%2e/.%2e/Cargo.toml",
        "/static/%c0%ae%c0%ae/Cargo.toml",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/style.css%00.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/../../etc/passwd",
        "/static/.git/config",
        "/static/.hidden",
        "/content/sources.toml",
        "/guide/../../Cargo.toml",
    ] {
        let answer = get(&app, target.as_bytes());
        assert!(
            answer.status == 404 || answer.status == 400,
            "{target}: {}",
            answer.status
        );
        assert!(
            !answer.body.contains("[package]") && !answer.body.contains("root:"),
            "{target} leaked a file"
        );
        if answer.status == 404 {
            assert!(
                answer
                    .header("content-type")
                    .unwrap()
                    .starts_with("text/html"),
                "{target}"
            );
        }
    }
}

/// A copy of the good fixture whose static folder holds symlinks pointing out of it.
fn site_with_symlinks() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("him-guide-symlinks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixture("good"), &dir);
    std::os::unix::fs::symlink(repo_dir().join("Cargo.toml"), dir.join("static/leak.txt")).unwrap();
    std::os::unix::fs::symlink(repo_dir().join("src"), dir.join("static/code")).unwrap();
    dir
}

#[test]
fn symlinks_out_of_the_static_folder_are_never_followed() {
    let app = TestApp::spawn(&site_with_symlinks());
    for target in ["/static/leak.txt", "/static/code/main.rs", "/static/code/"] {
        let answer = get(&app, target.as_bytes());
        assert_eq!(answer.status, 404, "{target}");
        assert!(
            !answer.body.contains("[package]") && !answer.body.contains("fn main"),
            "{target}"
        );
    }
    assert_eq!(get(&app, b"/static/style.css").status, 200);
    assert_eq!(get(&app, b"/static/").status, 404, "no directory listing");
}

#[test]
fn invalid_utf8_overlong_urls_and_headers_never_get_a_5xx() {
    let app = TestApp::spawn(&repo_dir());
    for target in [
        &b"/%ff%fe"[..],
        b"/guide/\xff\xfe",
        b"/salary?offer=%ff",
        b"/salary?\xff=\xfe",
        b"/salary?area=%ff%fe%fd%fc%fb%fa%f9",
        b"/salary.json?area=\xff\xfe",
        b"/pay?q=%ff",
        b"/pay?q=\xff\xfe",
        b"/pay?prices=%ff",
        b"/pay?prices=\xff\xfe",
        b"/pay/\xff",
    ] {
        let answer = get(&app, target);
        assert!(
            (400..500).contains(&answer.status),
            "{}: {}",
            String::from_utf8_lossy(target),
            answer.status
        );
    }
    let long_path = format!("/{}", "a".repeat(20_000));
    let answer = get(&app, long_path.as_bytes());
    assert_eq!(answer.status, 414, "a 20 kB URL");
    assert_eq!(Html::parse(&answer.body).texts("h1"), ["Address too long"]);
    let long_query = format!("/salary?offer={}", "9".repeat(3_000));
    assert_eq!(get(&app, long_query.as_bytes()).status, 400);
    let long_area = format!("/salary?area={}", "0".repeat(3_000));
    assert_eq!(get(&app, long_area.as_bytes()).status, 400);
    let many_areas: String = (0..40).map(|i| format!("area={i:07}&")).collect();
    assert_eq!(
        get(&app, format!("/salary.csv?{many_areas}").as_bytes()).status,
        400
    );
    let long_search = format!("/pay?q={}", "a".repeat(3_000));
    assert_eq!(get(&app, long_search.as_bytes()).status, 400);
    let many_searches: String = (0..500).map(|i| format!("q={i}&")).collect();
    assert_eq!(
        get(&app, format!("/pay?{many_searches}").as_bytes()).status,
        400
    );

    let big_header = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "b".repeat(40_000)
    );
    let answer = send(&app, big_header.as_bytes());
    assert_eq!(answer.status, 431, "a 40 kB header");
    assert_eq!(
        Html::parse(&answer.body).texts("h1"),
        ["Request too large"],
        "the app answers 431 as a page"
    );
    let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
    let answer = send(
        &app,
        format!("GET / HTTP/1.1\r\nHost: x\r\n{many}Connection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(answer.status, 431, "200 headers");
}

#[test]
fn odd_methods_are_refused_without_echoing_anything() {
    let app = TestApp::spawn(&repo_dir());
    for method in [
        "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND",
    ] {
        for path in [
            "/",
            "/guide/salary",
            "/salary",
            "/static/style.css",
            "/nowhere",
        ] {
            let request = format!(
                "{method} {path} HTTP/1.1\r\nHost: x\r\nX-Echo: <script>alert(1)</script>\r\nConnection: close\r\n\r\n"
            );
            let answer = send(&app, request.as_bytes());
            assert!(
                matches!(answer.status, 404 | 405),
                "{method} {path}: {}",
                answer.status
            );
            assert!(
                !answer.body.contains("<script>alert"),
                "{method} {path} echoed a header"
            );
        }
    }
}

#[test]
fn request_bodies_are_refused_with_413_as_a_page() {
    let app = TestApp::spawn(&repo_dir());
    let body = "x".repeat(1_000);
    let request = format!(
        "POST /salary HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = send(&app, request.as_bytes());
    assert_eq!(answer.status, 413);
    assert!(
        answer
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(Html::parse(&answer.body).texts("h1"), ["Request too large"]);
    let chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    assert_eq!(send(&app, chunked.as_bytes()).status, 413);
}

#[test]
fn markup_in_every_parameter_is_never_reflected_unescaped() {
    let app = TestApp::spawn(&repo_dir());
    let markup = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27";
    for parameter in [
        "compare",
        "area",
        "occupation",
        "baseline",
        "display",
        "offer",
        "period",
        "vs",
        "offer_vs",
        "utm_source",
    ] {
        for route in ["/salary", "/salary.json", "/salary.csv"] {
            let target = format!("{route}?{parameter}={markup}");
            let answer = get(&app, target.as_bytes());
            assert!(answer.status < 500, "{target}");
            assert!(
                !answer.body.contains("<script>"),
                "{target} reflected markup: {}",
                answer.body
            );
        }
    }
    for target in [
        format!("/pay?q={markup}"),
        format!("/pay?prices={markup}"),
        format!("/pay?prices=national&q={markup}"),
    ] {
        let answer = get(&app, target.as_bytes());
        assert!(
            answer.status < 500 && !answer.body.contains("<script>"),
            "{target}"
        );
    }
    let repeated: String = (0..31).map(|i| format!("offer={i}&")).collect();
    assert_eq!(
        get(&app, format!("/salary?{repeated}").as_bytes()).status,
        400
    );
    let many: String = (0..500).map(|i| format!("p{i}=1&")).collect();
    assert_eq!(get(&app, format!("/salary?{many}").as_bytes()).status, 400);
}

#[test]
fn every_kind_of_answer_carries_the_security_headers() {
    let app = TestApp::spawn(&repo_dir());
    for target in [
        "/",
        "/guide/salary",
        "/salary?offer=52000",
        "/salary?offer=nope",
        "/salary.json",
        "/salary.csv?offer=x",
        "/static/style.css",
        "/favicon.ico",
        "/sitemap.xml",
        "/nowhere",
        "/static/missing.css",
    ] {
        let answer = get(&app, target.as_bytes());
        let csp = answer
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{target} has no CSP"));
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{target}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{target}"
        );
        for name in [
            "referrer-policy",
            "cross-origin-opener-policy",
            "cross-origin-resource-policy",
            "permissions-policy",
        ] {
            assert!(answer.header(name).is_some(), "{target} lacks {name}");
        }
        assert!(
            answer.header("strict-transport-security").is_some(),
            "{target}: the test app's base URL is https"
        );
        assert!(
            !answer.body.contains(" style=\"") && !answer.body.contains("<style"),
            "{target} has inline style"
        );
        // Structured data is the only script element, and browsers do not run it.
        let scripts = answer.body.matches("<script").count();
        let data = answer
            .body
            .matches("<script type=\"application/ld+json\">")
            .count();
        assert_eq!(scripts, data, "{target} has a script that is not JSON-LD");
    }
}
