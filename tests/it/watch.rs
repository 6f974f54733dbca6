//! `serve --watch` as an editor uses it: the real binary over a copy of a site, edited on disk.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::helpers::{Html, copy_dir, fixture};

struct Watching {
    child: Child,
    base: String,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn watch(site: &std::path::Path) -> Watching {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_him-guide"))
        .args([
            "serve",
            "--watch",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--site-dir",
        ])
        .arg(site)
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let lines = BufReader::new(child.stderr.take().unwrap());
    let sink = Arc::clone(&stderr);
    std::thread::spawn(move || {
        for line in lines.lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let watching = Watching {
        child,
        base: format!("http://127.0.0.1:{port}"),
        stderr,
    };
    wait_for(|| title(&watching).is_some(), "the server to start");
    watching
}

fn title(watching: &Watching) -> Option<String> {
    let mut response = ureq::get(format!("{}/guide/first", watching.base))
        .call()
        .ok()?;
    let body = response.body_mut().read_to_string().ok()?;
    Html::parse(&body).texts("h1").into_iter().next()
}

fn wait_for(mut done: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn edits_go_live_and_broken_edits_keep_the_last_good_site() {
    let site = std::env::temp_dir().join(format!("him-guide-watch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&fixture("good"), &site);
    let page = site.join("content/en/guide/first.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let watching = watch(&site);
    assert_eq!(title(&watching).as_deref(), Some("First chapter"));

    std::fs::write(
        &page,
        original.replace(
            "title = \"First chapter\"",
            "title = \"First chapter, revised\"",
        ),
    )
    .unwrap();
    wait_for(
        || title(&watching).as_deref() == Some("First chapter, revised"),
        "the edit to go live",
    );

    std::fs::write(
        &page,
        original.replace("weight = 10", "weight = 10\nauthor = \"someone\""),
    )
    .unwrap();
    wait_for(
        || {
            watching
                .stderr
                .lock()
                .unwrap()
                .contains("unknown field `author`")
        },
        "the broken edit to be reported",
    );
    let log = watching.stderr.lock().unwrap().clone();
    assert!(
        log.contains("content/en/guide/first.md:7: front matter: unknown field `author`"),
        "{log}"
    );
    assert!(log.contains("the last good version of the site is still being served"));
    assert_eq!(
        title(&watching).as_deref(),
        Some("First chapter, revised"),
        "the last good site stays up"
    );

    std::fs::write(&page, &original).unwrap();
    wait_for(
        || title(&watching).as_deref() == Some("First chapter"),
        "the fix to go live",
    );
    drop(watching);
    let _ = std::fs::remove_dir_all(&site);
}

/// Status, Content-Security-Policy and body; `None` while the server restarts.
fn try_get(watching: &Watching, path: &str) -> Option<(u16, String, String)> {
    let mut response = ureq::get(format!("{}{path}", watching.base))
        .config()
        .http_status_as_error(false)
        .build()
        .call()
        .ok()?;
    let csp = response
        .headers()
        .get("content-security-policy")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let status = response.status().as_u16();
    Some((status, csp, response.body_mut().read_to_string().ok()?))
}

fn get(watching: &Watching, path: &str) -> (u16, String, String) {
    try_get(watching, path).expect("an answer")
}

#[test]
fn open_pages_reload_when_the_site_changes_and_only_under_watch() {
    let site = std::env::temp_dir().join(format!("him-guide-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&fixture("good"), &site);
    let watching = watch(&site);
    let (status, csp, page) = get(&watching, "/guide/first");
    assert_eq!(status, 200);
    let scripts = Html::parse(&page).attrs("script[src]", "src");
    assert_eq!(scripts, ["/__livereload.js"]);
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let (status, _, script) = get(&watching, "/__livereload.js");
    assert_eq!(status, 200);
    assert!(script.contains(&format!(
        "fetch(\"{}\"",
        him_guide::site::routes::LIVE_RELOAD_VERSION
    )));
    let (_, _, first) = get(&watching, "/__livereload");
    assert_eq!(first, "1");

    let about = site.join("content/en/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, text + "\nOne more line.\n").unwrap();
    wait_for(
        || try_get(&watching, "/__livereload").is_some_and(|(_, _, version)| version == "2"),
        "the version to change after an edit",
    );
    drop(watching);
    let _ = std::fs::remove_dir_all(&site);

    // Served normally, the site sends no script and its policy allows none.
    let app = crate::helpers::TestApp::spawn(&fixture("good"));
    let page = app.get("/guide/first");
    assert!(Html::parse(&page.body).select("script[src]").is_empty());
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("script-src"), "{csp}");
    assert_eq!(app.get("/__livereload").status, 404);
    assert_eq!(app.get("/__livereload.js").status, 404);
}

/// Each version of the site `serve --watch` replaces is freed: its pages, its area pay and its
/// compressed bodies. A reference kept anywhere (a background thread, a cache, a server that never
/// ends) would keep a whole site alive at every edit, as it once kept 7 MB an edit of the shipped guide.
#[test]
fn a_reload_frees_the_site_it_replaces() {
    use him_guide::config::Settings;
    use him_guide::site::Site;
    use him_guide::web::{Generation, serve_watching_observed};

    let site_dir = std::env::temp_dir().join(format!("him-guide-freed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site_dir);
    copy_dir(&fixture("pay-site"), &site_dir);
    let site = Site::load(&site_dir).unwrap_or_else(|problems| panic!("{problems}"));
    assert!(site.oews.is_some(), "the fixture carries an OEWS extract");
    let settings = Settings {
        addr: "127.0.0.1:0".parse().unwrap(),
        base_url: "https://guide.example.org".into(),
        site_dir: site_dir.clone(),
    };
    let (generations, started) = std::sync::mpsc::channel::<Generation>();
    let server = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(serve_watching_observed(&settings, site, |g| {
            generations.send(g).unwrap();
        }))
    });
    let next = || {
        started
            .recv_timeout(Duration::from_secs(15))
            .expect("a version of the site is served")
    };
    let mut generation = next();
    let index = site_dir.join("content/en/index.md");
    for edit in 2..=4 {
        let replaced = generation.state.clone();
        assert!(replaced.upgrade().is_some(), "the served site is alive");
        let text = std::fs::read_to_string(&index).unwrap();
        std::fs::write(&index, format!("{text}\nEdit {edit}.\n")).unwrap();
        generation = next();
        assert_eq!(generation.number, edit);
        wait_for(
            || replaced.upgrade().is_none(),
            &format!("version {} to be freed after the reload", edit - 1),
        );
    }
    drop(generation.server.stop(true));
    drop(generation);
    server.join().unwrap().expect("the watch loop ends cleanly");
    let _ = std::fs::remove_dir_all(&site_dir);
}
