//! `serve --watch`, for editors: the operating system reports every change under `content/` and
//! `static/` (through the `notify` crate, as Zola and mdBook do); a change that loads cleanly replaces
//! the running site and reloads the editor's open pages, while a broken one is reported and the last
//! good site stays up.
//!
//! The swap restarts the server on the same listening socket, which stays open meanwhile: waiting
//! connections queue in its backlog, and requests never pay for a lock on the site. Each version of
//! the site is prepared to be dropped with it (see [`super::prepared::Keep`]).

use std::net::TcpListener;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use actix_web::dev::ServerHandle;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};

use super::error::AppError;
use super::prepared::{CACHE_NEVER, respond};
use super::{AppState, Application};
use crate::config::Settings;
use crate::content::CONTENT_DIR;
use crate::site::Site;

/// Editors write a file in several steps; changes this close together are loaded once.
const SETTLE: Duration = Duration::from_millis(100);

/// One version of the site served under `serve --watch`, as [`serve_watching_observed`] reports it.
pub struct Generation {
    /// Counted from 1 at start.
    pub number: u64,
    /// The version's state, held weakly: it must be freed once the next version replaced it.
    pub state: Weak<AppState>,
    /// Stops the server (and with it the watching) when no reload is pending.
    pub server: ServerHandle,
}

/// Serves `site` and reloads it whenever a file under `content/` or `static/` changes.
pub async fn serve_watching(settings: &Settings, site: Site) -> anyhow::Result<()> {
    serve_watching_observed(settings, site, |_| {}).await
}

/// [`serve_watching`], telling `observe` of each version of the site as it starts to be served:
/// tests hold on to the versions weakly to check that each is freed when replaced.
pub async fn serve_watching_observed(
    settings: &Settings,
    site: Site,
    mut observe: impl FnMut(Generation),
) -> anyhow::Result<()> {
    let listener = TcpListener::bind(settings.addr)
        .with_context(|| format!("cannot listen on {}", settings.addr))?;
    let (changes, changed) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(changes).context("cannot watch the site folder")?;
    for folder in [CONTENT_DIR, super::STATIC_DIR] {
        let path = settings.site_dir.join(folder);
        watcher
            .watch(&path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    log::info!(
        "serving {} on http://{} and watching it for edits",
        settings.site_dir.display(),
        listener.local_addr()?
    );
    let running: Arc<Mutex<Option<ServerHandle>>> = Arc::default();
    let (reloads, reloaded) = mpsc::channel::<Site>();
    {
        let running = Arc::clone(&running);
        let site_dir = settings.site_dir.clone();
        std::thread::spawn(move || reload_on_change(&site_dir, &changed, &reloads, &running));
    }
    let mut site = site;
    for generation in 1.. {
        let state = AppState::watching(site, settings, generation)?;
        let server = Application::on(listener.try_clone()?, state)?;
        *running.lock().expect("not poisoned") = Some(server.handle());
        observe(Generation {
            number: generation,
            state: server.state(),
            server: server.handle(),
        });
        server.run().await?;
        // The server stops for a reload, or for Ctrl-C / SIGTERM, when there is no new site.
        match reloaded.try_recv() {
            Ok(new_site) => site = new_site,
            Err(_) => break,
        }
    }
    drop(watcher);
    Ok(())
}

/// Loads the site again after each settled change; hands every clean load to the server loop.
fn reload_on_change(
    site_dir: &Path,
    changed: &mpsc::Receiver<notify::Result<notify::Event>>,
    reloads: &mpsc::Sender<Site>,
    running: &Mutex<Option<ServerHandle>>,
) {
    while let Ok(event) = changed.recv() {
        if !is_edit(&event) {
            continue;
        }
        // Let the editor finish writing, and take the rest of its burst with this change.
        std::thread::sleep(SETTLE);
        while changed.try_recv().is_ok() {}
        match Site::load(site_dir) {
            Ok(site) => {
                log::info!("content changed: reloaded {} pages", site.pages.len());
                if reloads.send(site).is_err() {
                    return;
                }
                if let Some(handle) = running.lock().expect("not poisoned").as_ref() {
                    // The stop command is sent now; the server loop awaits its completion.
                    drop(handle.stop(true));
                }
            }
            Err(problems) => {
                eprint!("{problems}");
                eprintln!(
                    "the last good version of the site is still being served; fix these and save again."
                );
            }
        }
    }
}

/// Whether `event` changed a file; reading one (as the reload itself does) is no edit.
fn is_edit(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(event) => matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ),
        Err(err) => {
            log::warn!("watching the site folder: {err}");
            false
        }
    }
}

/// `/__livereload`: the version of the site being served, under `serve --watch` only.
pub(super) async fn generation(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let generation = state.generation.ok_or(AppError::NotFound)?;
    Ok(
        respond(StatusCode::OK, "text/plain; charset=utf-8", CACHE_NEVER)
            .body(generation.to_string()),
    )
}

/// `/__livereload.js`: the script that asks for that version, under `serve --watch` only.
pub(super) async fn script(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    state.generation.ok_or(AppError::NotFound)?;
    Ok(respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        CACHE_NEVER,
    )
    .body(include_str!("livereload.js")))
}
