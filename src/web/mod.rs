//! The web layer, the only part that knows actix-web and askama: state rendered at start-up, the one
//! app factory used by the binary and the tests, and the server.

mod error;
mod routes;
mod salary;
pub mod views;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServerHandle, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{ErrorHandlers, Logger};
use actix_web::web::{self, Bytes};
use actix_web::{App, HttpServer, guard};
use anyhow::{Context, bail};

pub use error::AppError;

use crate::config::Settings;
use crate::site::Site;

/// The folder under the site folder whose files are served at `/static/`.
pub const STATIC_DIR: &str = "static";

/// What every request reads: all of it prepared at start-up, none of it changed afterwards.
pub struct AppState {
    /// The site model: the salary comparison computes from its data per request.
    pub site: Site,
    /// Public base URL without a trailing slash.
    pub base_url: String,
    /// Every page's HTML, by site path.
    pub pages: HashMap<String, Bytes>,
    pub sitemap: Bytes,
    pub robots: Bytes,
    /// The primary navigation, for error pages.
    pub nav: Vec<views::NavLink>,
    pub static_dir: PathBuf,
}

impl AppState {
    /// Renders every page of `site`; fails if the static folder is missing.
    pub fn new(site: Site, settings: &Settings) -> anyhow::Result<AppState> {
        let static_dir = settings.site_dir.join(STATIC_DIR);
        if !static_dir.is_dir() {
            bail!(
                "the static folder {} does not exist; run from the repository's root or pass --site-dir",
                static_dir.display()
            );
        }
        let rendered =
            views::render_site(&site, &settings.base_url).context("rendering the pages")?;
        let robots = format!(
            "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
            settings.base_url
        );
        Ok(AppState {
            site,
            base_url: settings.base_url.clone(),
            pages: rendered.pages,
            sitemap: rendered.sitemap,
            robots: Bytes::from(robots),
            nav: rendered.nav,
            static_dir,
        })
    }
}

impl AppState {
    /// The layout's data for a page at `url` that is not one of the pre-rendered ones.
    pub fn chrome_for(&self, url: &str, title: &str, description: &str) -> views::Chrome {
        views::chrome_for(&self.site, &self.base_url, url, title, description)
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
    let read = || web::route().guard(guard::Any(guard::Get()).or(guard::Head()));
    let favicon = state.static_dir.join("favicon.ico");
    App::new()
        .app_data(state.clone())
        .wrap(ErrorHandlers::new().default_handler(error::render_error_page))
        .wrap(Logger::new(r#"%a "%r" %s %b %Dms"#))
        .route("/healthz", read().to(routes::healthz))
        .route("/sitemap.xml", read().to(routes::sitemap))
        .route("/robots.txt", read().to(routes::robots))
        .route("/salary", read().to(salary::page))
        .route("/salary.json", read().to(salary::json))
        .route("/salary.csv", read().to(salary::csv))
        .route(
            "/favicon.ico",
            read().to(move || {
                let favicon = NamedFile::open(&favicon);
                async move { favicon }
            }),
        )
        .service(Files::new("/static", &state.static_dir))
        .default_service(web::to(routes::page))
}

/// A bound server, ready to run: the binary runs it; tests ask its address first.
pub struct Application {
    server: Server,
    addr: SocketAddr,
}

impl Application {
    /// Renders the site and binds `settings.addr` (port 0 picks a free port). Call inside an actix system.
    pub fn build(settings: &Settings, site: Site) -> anyhow::Result<Application> {
        let state = web::Data::new(AppState::new(site, settings)?);
        let listener = TcpListener::bind(settings.addr)
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        let addr = listener.local_addr()?;
        let server = HttpServer::new(move || app(state.clone()))
            .listen(listener)?
            .shutdown_timeout(10)
            .run();
        Ok(Application { server, addr })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
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
