//! Spawns the app on `127.0.0.1:0` in its own thread and gives tests a small HTTP client for it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Weak, mpsc};
use std::thread;

use actix_web::dev::ServerHandle;
use him_guide::config::Settings;
use him_guide::site::Site;
use him_guide::web::{AppState, Application};

/// The repository's own site folder: the content the guide ships with.
pub(crate) fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn fixture(name: &str) -> PathBuf {
    repo_dir().join("tests/fixtures").join(name)
}

/// The fixture site with pay where you live: real May 2025 rows for the nation, seven states, five
/// metropolitan areas and a nonmetropolitan one (`tests/fixtures/pay-site/README.md`). Tests that
/// name a figure, an area or a count use it, so next year's import of the shipped data breaks none.
pub(crate) fn pay_site() -> PathBuf {
    fixture("pay-site")
}

/// A fresh, empty folder under the system's temporary folder, for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("him-guide-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The addresses `site_dir` has published, from its `content/published-urls.txt`.
pub(crate) fn published_urls(site_dir: &Path) -> Vec<String> {
    std::fs::read_to_string(site_dir.join("content/published-urls.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The addresses of `urls` that answer neither 200 nor a 301 to a page that answers 200.
pub(crate) fn unanswered(app: &TestApp, urls: &[String]) -> Vec<String> {
    urls.iter()
        .filter(|url| {
            let answer = app.get(url);
            let landed = match answer.headers.get("location") {
                Some(moved) if answer.status == 301 => app.get(moved.to_str().unwrap()).status,
                _ => answer.status,
            };
            landed != 200
        })
        .cloned()
        .collect()
}

/// A running server and a client that does not follow redirects or treat 4xx/5xx as errors.
pub(crate) struct TestApp {
    pub addr: SocketAddr,
    pub base_url: String,
    handle: ServerHandle,
    agent: ureq::Agent,
    state: Weak<AppState>,
}

/// An answer, read in full.
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: String,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl TestApp {
    pub(crate) fn spawn(site_dir: &Path) -> TestApp {
        let site = Site::load(site_dir).unwrap_or_else(|problems| panic!("{problems}"));
        TestApp::spawn_site(site_dir, site)
    }

    /// Serves `site`, loaded from `site_dir` by the test (in the pseudo-locale, say).
    pub(crate) fn spawn_site(site_dir: &Path, site: Site) -> TestApp {
        let base_url = "https://guide.example.org".to_string();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            base_url: base_url.clone(),
            site_dir: site_dir.to_path_buf(),
        };
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let app = Application::build(&settings, site).expect("the app builds");
                sender
                    .send((app.addr(), app.handle(), app.state()))
                    .unwrap();
                app.run().await.expect("the server runs");
            })
        });
        let (addr, handle, state) = receiver.recv().expect("the server starts");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        TestApp {
            addr,
            base_url,
            handle,
            agent,
            state,
        }
    }

    /// The state the server answers from, while it runs.
    pub(crate) fn state(&self) -> std::sync::Arc<AppState> {
        self.state.upgrade().expect("the server is running")
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub(crate) fn get(&self, path: &str) -> Answer {
        read(self.agent.get(self.url(path)).call())
    }

    /// A GET with extra request headers, such as `Accept-Encoding` or `If-None-Match`.
    pub(crate) fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.agent.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        read(request.call())
    }

    /// A GET with extra request headers, its body as bytes, undecoded: for compressed answers.
    pub(crate) fn get_bytes(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (ureq::http::HeaderMap, Vec<u8>) {
        let mut request = self.agent.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = request.call().expect("the server answers");
        let body = response.body_mut().read_to_vec().expect("a body");
        (response.headers().clone(), body)
    }

    pub(crate) fn head(&self, path: &str) -> Answer {
        read(self.agent.head(self.url(path)).call())
    }

    pub(crate) fn post(&self, path: &str) -> Answer {
        read(self.agent.post(self.url(path)).send_empty())
    }
}

fn read(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = result.expect("the server answers");
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = match response.body_mut().read_to_vec() {
        // Compressed bodies are not text; tests that ask for them look at their length.
        Ok(bytes) => {
            String::from_utf8(bytes.clone()).unwrap_or_else(|_| format!("<{} bytes>", bytes.len()))
        }
        Err(_) => String::new(),
    };
    Answer {
        status: response.status().as_u16(),
        content_type,
        headers: response.headers().clone(),
        body,
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

/// Copies a folder tree, so a test can change a fixture site without touching the original.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Parsed HTML with the queries the tests need.
pub(crate) struct Html(scraper::Html);

impl Html {
    pub(crate) fn parse(text: &str) -> Html {
        Html(scraper::Html::parse_document(text))
    }

    pub(crate) fn select<'a>(&'a self, css: &str) -> Vec<scraper::ElementRef<'a>> {
        let selector = scraper::Selector::parse(css).expect("valid selector");
        self.0.select(&selector).collect()
    }

    pub(crate) fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    pub(crate) fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(attr))
            .map(str::to_string)
            .collect()
    }

    pub(crate) fn ids(&self) -> Vec<String> {
        self.attrs("[id]", "id")
    }
}
