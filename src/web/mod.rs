//! The web layer, the only part that knows actix-web and askama: state rendered at start-up, the one
//! app factory used by the binary and the tests, and the server.

mod answers;
mod assets;
pub(crate) mod error;
mod export;
pub mod hardening;
mod json_ld;
mod pay;
mod prepared;
pub mod programs;
mod routes;
mod salary;
mod segments;
pub mod trusted;
pub mod views;
mod watch;
mod words;

pub use export::{Exported, export};
pub use watch::{Generation, serve_watching, serve_watching_observed};

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Weak};

use actix_files::Files;
use actix_web::body::MessageBody;
use actix_web::dev::{
    Server, ServerHandle, ServiceFactory, ServiceRequest, ServiceResponse, fn_service,
};
use actix_web::middleware::{Condition, ErrorHandlers, Logger, from_fn};
use actix_web::web;
use actix_web::{App, HttpServer, guard};
use anyhow::{Context, bail};

pub use error::AppError;

use assets::Assets;
use prepared::{Keep, Prepared};

use crate::config::Settings;
use crate::site::routes::{ROUTES, Route};
use crate::site::{self, Site};

/// The folder under the site folder whose files are served at `/static/`.
pub const STATIC_DIR: &str = "static";

/// What every request reads: all of it prepared at start-up, none of it changed afterwards.
pub struct AppState {
    /// The site model: the salary comparison computes from its data per request.
    pub site: Site,
    /// Public base URL without a trailing slash.
    pub base_url: String,
    /// Every guide page, by site path, in every encoding.
    pub pages: HashMap<String, Prepared>,
    /// Every area's page, rendered on its first request.
    area_pages: pay::AreaPages,
    /// Former addresses of pages, answered with 301 to the page's address.
    pub redirects: HashMap<String, String>,
    pub sitemap: Prepared,
    pub robots: Prepared,
    /// Fingerprinted static files and the addresses the layout uses.
    pub assets: Assets,
    /// The salary page's layout and form choices, rendered once.
    pub salary_layout: salary::Layout,
    /// The comparison's answers to queries asked more than once, kept by format and query.
    pub salary_answers: answers::AnswerCache,
    /// A search of the schools' answers to queries asked more than once, kept by format and query.
    pub program_answers: answers::AnswerCache,
    /// The parts of comparisons that do not depend on the offer, built once each.
    pub salary_figures: salary::FiguresCache,
    /// `/pay` around its search box, rendered once; `None` for a site without pay data.
    pub pay_index: Option<pay::PayIndex>,
    /// `/programs` rendered once, and the states' and schools' pages as they are asked for;
    /// `None` for a site without schools.
    pub program_pages: Option<programs::ProgramPages>,
    /// The primary navigation, for error pages.
    pub nav: Vec<views::NavLink>,
    pub static_dir: PathBuf,
    /// Under `serve --watch`: which version of the site this is, counted from 1 at start.
    pub generation: Option<u64>,
    /// Last, so that it is dropped after everything above: see [`ReturnFreedMemory`].
    _return_freed_memory: Option<ReturnFreedMemory>,
}

/// Under `serve --watch`, hands the memory of a replaced site back to the system once it is freed.
/// glibc keeps freed memory in the arena of the thread that allocated it, and every version of the
/// site is rendered, served and compressed by threads of its own: without this, each edit left a
/// few hundred kB resident for good (15 MB over 50 edits of the shipped guide; see
/// `bench/watch-memory`).
struct ReturnFreedMemory;

impl Drop for ReturnFreedMemory {
    fn drop(&mut self) {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim only returns free pages of the allocator's arenas to the system.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}

impl AppState {
    /// Renders every guide page of `site` once, for the life of the process (and compresses them
    /// in the background: see [`compress_in_background`]); area pages are rendered on their first
    /// request. Fails if the static folder is missing or a page cannot render.
    pub fn new(site: Site, settings: &Settings) -> anyhow::Result<AppState> {
        AppState::prepare(site, settings, None)
    }

    /// The state of `serve --watch`: version `generation` of the site, whose pages load the
    /// live-reload script, prepared to be replaced at the next edit.
    pub fn watching(site: Site, settings: &Settings, generation: u64) -> anyhow::Result<AppState> {
        AppState::prepare(site, settings, Some(generation))
    }

    fn prepare(
        site: Site,
        settings: &Settings,
        generation: Option<u64>,
    ) -> anyhow::Result<AppState> {
        let keep = match generation {
            Some(_) => Keep::UntilReload,
            None => Keep::Forever,
        };
        let static_dir = settings.site_dir.join(STATIC_DIR);
        if !static_dir.is_dir() {
            bail!(
                "the static folder {} does not exist; run from the repository's root or pass --site-dir",
                static_dir.display()
            );
        }
        let mut assets = Assets::load(&static_dir, keep)?;
        if generation.is_some() {
            assets.urls.live_reload = Some(site::routes::LIVE_RELOAD_SCRIPT);
        }
        // Rendered on both cores: at thousands of areas `/pay` (which lists them all) and the
        // salary layout (whose form offers them all) take as long as the guide's pages.
        let (rendered, pay_index, salary_layout, area_pages, program_pages) =
            std::thread::scope(|scope| {
                let guide_and_index = scope.spawn(|| {
                    let rendered = views::render_site(&site, &settings.base_url, &assets.urls)
                        .context("rendering the pages")?;
                    let pay_index =
                        pay::PayIndex::new(&site, &settings.base_url, &assets.urls, keep)
                            .context("rendering /pay")?;
                    anyhow::Ok((rendered, pay_index))
                });
                let salary_layout = salary::Layout::new(
                    site.words,
                    |title, description| {
                        views::chrome_for(
                            &site,
                            &settings.base_url,
                            &assets.urls,
                            site::SALARY_PAGE,
                            title,
                            description,
                        )
                    },
                    &site.salary,
                    site.oews.as_ref(),
                );
                let area_pages = pay::AreaPages::new(&site, &settings.base_url, &assets.urls, keep)
                    .context("rendering the area pages");
                let program_pages =
                    programs::ProgramPages::new(&site, &settings.base_url, &assets.urls, keep)
                        .context("rendering /programs");
                let (rendered, pay_index) = guide_and_index
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                anyhow::Ok((
                    rendered,
                    pay_index,
                    salary_layout,
                    area_pages?,
                    program_pages?,
                ))
            })?;
        let html = "text/html; charset=utf-8";
        let pages = rendered
            .pages
            .into_iter()
            .map(|(url, page)| (url, Prepared::new(html, prepared::CACHE_PAGE, page, keep)))
            .collect();
        let robots = format!(
            "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
            settings.base_url
        );
        let redirects = site
            .redirects()
            .map(|(from, to)| (from.to_string(), to.to_string()))
            .collect();
        Ok(AppState {
            site,
            base_url: settings.base_url.clone(),
            pages,
            area_pages,
            redirects,
            sitemap: Prepared::new(
                "application/xml; charset=utf-8",
                prepared::CACHE_PAGE,
                rendered.sitemap,
                keep,
            ),
            robots: Prepared::new(
                "text/plain; charset=utf-8",
                prepared::CACHE_DAY,
                robots,
                keep,
            ),
            assets,
            salary_layout,
            salary_answers: answers::AnswerCache::default(),
            program_answers: answers::AnswerCache::default(),
            salary_figures: salary::FiguresCache::default(),
            pay_index,
            program_pages,
            nav: rendered.nav,
            static_dir,
            generation,
            _return_freed_memory: generation.map(|_| ReturnFreedMemory),
        })
    }

    /// The page or fingerprinted asset at `path`: a guide page, an asset, or an area's page
    /// (rendered now if no one asked for it before).
    fn page(&self, path: &str) -> Option<Result<&Prepared, AppError>> {
        if let Some(page) = self
            .pages
            .get(path)
            .or_else(|| self.assets.by_path.get(path))
        {
            return Some(Ok(page));
        }
        let made = match self
            .area_pages
            .get(path, &self.site, &self.base_url, &self.assets.urls)
        {
            Some(area) => area,
            None => self.program_pages.as_ref()?.get(
                path,
                &self.site,
                &self.base_url,
                &self.assets.urls,
            )?,
        };
        Some(made.map_err(AppError::internal))
    }

    /// How many area pages were rendered and kept so far: one for each area asked for.
    pub fn area_pages_rendered(&self) -> usize {
        self.area_pages.rendered_count()
    }

    /// Whether a page answers at `path`.
    fn has_page(&self, path: &str) -> bool {
        self.pages.contains_key(path)
            || self.site.areas.page_position(path).is_some()
            || self
                .program_pages
                .as_ref()
                .is_some_and(|p| p.has(path, &self.site))
    }

    /// The address of every page: the guide's and every area's (rendered or not).
    fn page_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.pages
            .keys()
            .cloned()
            .chain(pay::AreaPages::paths(&self.site))
            .chain(self.program_pages.iter().flat_map(|p| p.paths(&self.site)))
    }

    /// Every prepared body, to compress ahead of the requests that would otherwise wait for it.
    fn prepared(&self) -> impl Iterator<Item = &Prepared> {
        self.pages
            .values()
            .chain(self.assets.by_path.values())
            .chain(&self.assets.favicon_ico)
            .chain(self.pay_index.as_ref().map(|index| &index.page))
            .chain(self.program_pages.as_ref().map(|p| &p.index))
            .chain([&self.sitemap, &self.robots])
    }
}

/// Keeps glibc from raising its mmap threshold after the first large buffer is freed, as it does by
/// default: the compressor's working buffers (hundreds of kB each) would then be carved from the
/// heap between the compressed pages kept for good, and stay resident after being freed.
fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; 128 kB is glibc's own default threshold.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Compresses every prepared body on a thread of its own, so that start-up waits only for the
/// rendering; a request that comes first compresses its own page (see `prepared`). The thread holds
/// the state weakly and stops once the state is gone, so that under `serve --watch` a site replaced
/// by an edit is freed at once instead of when its compression would have finished.
fn compress_in_background(state: Weak<AppState>) {
    fix_mmap_threshold();
    /// Bodies compressed between two checks that the state is still served.
    const BATCH: usize = 16;
    let spawned = std::thread::Builder::new()
        .name("compress".into())
        .spawn(move || {
            let started = std::time::Instant::now();
            let mut count = 0;
            while let Some(state) = state.upgrade() {
                let batch = state.prepared().skip(count).take(BATCH);
                let done = batch.inspect(|body| body.compress()).count();
                count += done;
                if done < BATCH {
                    log::info!(
                        "compressed {count} bodies in {} ms",
                        started.elapsed().as_millis()
                    );
                    return;
                }
            }
            log::debug!("the site was replaced: compression stopped after {count} bodies");
        });
    if let Err(error) = spawned {
        // Not fatal: each body is then compressed by the first request that asks for it.
        log::warn!("cannot start the compression thread: {error}");
    }
}

/// The one app factory, shared by the binary and the tests.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let static_dir = state.static_dir.clone();
    let https = state.base_url.starts_with("https://");
    // The last `wrap` is the outermost: log, add headers, render errors, enforce request limits.
    let app = App::new()
        .app_data(state.clone())
        .wrap(from_fn(hardening::limit_requests))
        .wrap(ErrorHandlers::new().default_handler(error::render_error_page))
        .wrap(hardening::security_headers(
            https,
            state.generation.is_some(),
        ))
        // The logger formats every request before knowing whether the line is wanted: skip it
        // entirely when info logging is off, as under load tests.
        .wrap(Condition::new(
            log::log_enabled!(target: "actix_web::middleware::logger", log::Level::Info),
            // The live-reload script asks once a second; its answers would drown the editor's log.
            Logger::new(r#"%a "%r" %s %b %Dms"#).exclude(site::routes::LIVE_RELOAD_VERSION),
        ));
    ROUTES
        .iter()
        .fold(app, |app, reserved| {
            // Panics are caught per resource, after routing: the router needs the request to itself.
            app.service(
                web::resource(reserved.path)
                    .wrap(from_fn(hardening::catch_panics))
                    .route(handler(reserved.route)),
            )
        })
        .service(
            // Hidden files pass actix-files' own parser (which would answer 400) so that the filter
            // can answer every refused path the same way: 404, as if it did not exist.
            Files::new("/static", &state.static_dir)
                .use_hidden_files()
                .path_filter(move |path, _| servable(&static_dir, path)),
        )
        // Every other address: a pre-rendered page or asset, a redirect to a page, or the 404 page.
        // As the default service it costs no pattern match, unlike a catch-all route.
        .default_service(fn_service(routes::pages))
}

/// What answers at a reserved address: reads only (GET and HEAD).
fn handler(route: Route) -> actix_web::Route {
    let read = web::route().guard(guard::Any(guard::Get()).or(guard::Head()));
    match route {
        Route::Healthz => read.to(routes::healthz),
        Route::Sitemap => read.to(routes::sitemap),
        Route::Robots => read.to(routes::robots),
        Route::Favicon => read.to(routes::favicon),
        Route::Salary => read.to(salary::answer::<salary::Page>),
        Route::SalaryJson => read.to(salary::answer::<salary::Json>),
        Route::SalaryCsv => read.to(salary::answer::<salary::Csv>),
        Route::SalaryEmbed => read.to(salary::answer::<salary::Embed>),
        Route::Pay => read.to(pay::index),
        Route::Programs => read.to(programs::index),
        Route::ProgramsJson => read.to(programs::json),
        Route::ProgramsCsv => read.to(programs::csv),
        Route::LiveReload => read.to(watch::generation),
        Route::LiveReloadScript => read.to(watch::script),
    }
}

/// Whether `path` (relative to the static folder) may be served: no hidden segment anywhere, and no
/// symlink on the way, which could lead out of the folder.
fn servable(static_dir: &Path, path: &Path) -> bool {
    let mut on_disk = static_dir.to_path_buf();
    path.components().all(|component| match component {
        Component::Normal(segment) => {
            on_disk.push(segment);
            let hidden = segment.to_string_lossy().starts_with('.');
            let symlink = on_disk
                .symlink_metadata()
                .is_ok_and(|meta| meta.file_type().is_symlink());
            !hidden && !symlink
        }
        _ => false,
    })
}

/// Limits set on purpose, so a slow or greedy client cannot hold the server (docs/operations.md,
/// "Security and limits").
pub mod limits {
    use std::time::Duration;

    /// Connections each worker holds at once; more wait in the listen backlog.
    pub const MAX_CONNECTIONS_PER_WORKER: usize = 2_048;
    /// Time a client has to send the whole request head.
    pub const REQUEST_HEAD_TIMEOUT: Duration = Duration::from_secs(5);
    /// Time an idle keep-alive connection stays open.
    pub const KEEP_ALIVE: Duration = Duration::from_secs(5);
    /// Time given to a client to acknowledge the close of its connection.
    pub const DISCONNECT_TIMEOUT: Duration = Duration::from_secs(1);
    /// Seconds given to requests in flight on Ctrl-C or SIGTERM.
    pub const SHUTDOWN_TIMEOUT_SECS: u64 = 10;
}

/// A bound server, ready to run: the binary runs it; tests ask its address first.
pub struct Application {
    server: Server,
    addr: SocketAddr,
    state: Weak<AppState>,
}

impl Application {
    /// Renders the site and binds `settings.addr` (port 0 picks a free port). Call inside an actix system.
    pub fn build(settings: &Settings, site: Site) -> anyhow::Result<Application> {
        let state = AppState::new(site, settings)?;
        let listener = TcpListener::bind(settings.addr)
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        Application::on(listener, state)
    }

    /// Serves `state` on a listener bound already, with the limits set on purpose.
    pub fn on(listener: TcpListener, state: AppState) -> anyhow::Result<Application> {
        let addr = listener.local_addr()?;
        let state = Arc::new(state);
        let weak = Arc::downgrade(&state);
        compress_in_background(weak.clone());
        let state = web::Data::from(state);
        let server = HttpServer::new(move || app(state.clone()))
            .max_connections(limits::MAX_CONNECTIONS_PER_WORKER)
            .client_request_timeout(limits::REQUEST_HEAD_TIMEOUT)
            .keep_alive(limits::KEEP_ALIVE)
            .client_disconnect_timeout(limits::DISCONNECT_TIMEOUT)
            .shutdown_timeout(limits::SHUTDOWN_TIMEOUT_SECS)
            .listen(listener)?
            .run();
        Ok(Application {
            server,
            addr,
            state: weak,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The state served, held weakly: it lives as long as the server does, and no longer.
    pub fn state(&self) -> Weak<AppState> {
        self.state.clone()
    }

    /// A handle that stops the server.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
    pub async fn run(self) -> std::io::Result<()> {
        self.server.await
    }
}
