//! The static export: every page written as a file, and the same link crawl as the live site.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use him_guide::config::Settings;
use him_guide::site::Site;

use crate::helpers::{Html, repo_dir};

/// The file a static host serves for a site path, as `export` writes it.
fn file_for(root: &Path, address: &str) -> PathBuf {
    match address.trim_start_matches('/') {
        "" => root.join("index.html"),
        file if file.contains('.') => root.join(file),
        page => root.join(format!("{page}.html")),
    }
}

fn export_to(out: &Path) {
    let settings = Settings {
        addr: "127.0.0.1:0".parse().unwrap(),
        base_url: "https://guide.example.org".into(),
        site_dir: repo_dir(),
    };
    let site = Site::load(&repo_dir()).unwrap();
    actix_web::rt::System::new()
        .block_on(him_guide::web::export(
            &settings,
            site,
            out,
            Some("https://live.example.org"),
        ))
        .unwrap();
}

#[test]
fn the_export_holds_every_page_with_compressed_variants_and_no_broken_link() {
    let out = std::env::temp_dir().join(format!("him-guide-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    export_to(&out);

    for file in [
        "index.html",
        "guide/salary.html",
        "salary.html",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "salary.json",
        "salary.csv",
    ] {
        assert!(out.join(file).is_file(), "{file} was not exported");
    }
    assert!(
        out.join("guide/salary.html.br").is_file() && out.join("guide/salary.html.gz").is_file()
    );
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://guide.example.org/sitemap.xml"));
    let salary = Html::parse(&std::fs::read_to_string(out.join("salary.html")).unwrap());
    assert!(
        salary.texts(".static-copy")[0].contains("static copy"),
        "the static salary page says what it is"
    );
    assert_eq!(
        salary.attrs("form.salary-form", "action"),
        ["https://live.example.org/salary"]
    );

    // Crawl from the home page as a static host would serve the files.
    let mut ids: HashMap<PathBuf, Vec<String>> = HashMap::new();
    let mut queue = vec!["/".to_string()];
    let mut seen = BTreeSet::new();
    let mut broken = Vec::new();
    while let Some(address) = queue.pop() {
        if !seen.insert(address.clone()) {
            continue;
        }
        let file = file_for(&out, &address);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if file.extension().is_some_and(|e| e != "html") {
            continue;
        }
        let html = Html::parse(&text);
        for href in html.attrs("a[href], link[href]", "href") {
            if !(href.starts_with('/') || href.starts_with('#')) {
                continue;
            }
            let (path, fragment) = href
                .split_once('#')
                .map_or((href.as_str(), None), |(p, f)| (p, Some(f)));
            let path = path.split('?').next().unwrap_or_default();
            let path = if path.is_empty() {
                address.as_str()
            } else {
                path
            };
            let target = file_for(&out, path);
            if !target.is_file() {
                broken.push(format!(
                    "{address} links to {href}: no file {}",
                    target.display()
                ));
                continue;
            }
            if let Some(fragment) = fragment {
                let target_ids = ids.entry(target.clone()).or_insert_with(|| {
                    Html::parse(&std::fs::read_to_string(&target).unwrap_or_default()).ids()
                });
                if !target_ids.iter().any(|id| id == fragment) {
                    broken.push(format!(
                        "{address} links to {href}, which has no #{fragment}"
                    ));
                }
            }
            queue.push(path.to_string());
        }
    }
    assert_eq!(broken, Vec::<String>::new());
    assert!(
        seen.len() >= 16,
        "the crawl reached only {} addresses",
        seen.len()
    );
    let _ = std::fs::remove_dir_all(&out);
}

/// Header name (lower case) and value, as sent by the live server to a page request.
fn served_security_headers() -> Vec<(String, String)> {
    let app = crate::helpers::TestApp::spawn(&crate::helpers::fixture("good"));
    let answer = app.get("/");
    him_guide::web::hardening::security_header_list(true, false)
        .into_iter()
        .map(|(name, _)| {
            let value = answer.headers[name].to_str().unwrap().to_string();
            (name.to_string(), value)
        })
        .collect()
}

#[test]
fn static_hosts_send_the_security_headers_the_server_sends() {
    let served = served_security_headers();
    assert!(
        served
            .iter()
            .any(|(name, _)| name == "content-security-policy")
    );

    let out = std::env::temp_dir().join(format!("him-guide-headers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    export_to(&out);
    let headers_file = std::fs::read_to_string(out.join("_headers")).unwrap();
    let _ = std::fs::remove_dir_all(&out);
    let mut lines = headers_file.lines();
    assert_eq!(lines.next(), Some("/*"), "one rule for every address");
    let from_file: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.trim().split_once(": ").unwrap();
            (name.to_string(), value.to_string())
        })
        .collect();
    assert_eq!(from_file, served, "the export's _headers file");

    let nginx =
        std::fs::read_to_string(repo_dir().join("deploy/nginx-security-headers.conf")).unwrap();
    let from_nginx: Vec<(String, String)> = nginx
        .lines()
        .filter_map(|line| line.strip_prefix("add_header "))
        .map(|rest| {
            let (name, value) = rest.split_once(' ').unwrap();
            let value = value.trim_end_matches(" always;");
            (
                name.to_ascii_lowercase(),
                value.trim_matches('"').to_string(),
            )
        })
        .collect();
    assert_eq!(from_nginx, served, "deploy/nginx-security-headers.conf");
}
