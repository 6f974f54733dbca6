//! `serve --watch`, for editors: content and static files are polled, and a change that loads cleanly
//! replaces the running site, while a broken one is reported and the last good site stays up.
//!
//! The swap restarts the server on the same listening socket, which stays open meanwhile: waiting
//! connections queue in its backlog, and requests never pay for a lock on the site.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use actix_web::dev::ServerHandle;
use anyhow::Context;

use super::{AppState, Application};
use crate::config::Settings;
use crate::content::CONTENT_DIR;
use crate::site::Site;

/// How often the folders are looked at.
const POLL: Duration = Duration::from_millis(500);

/// Serves `site` and reloads it whenever a file under `content/` or `static/` changes.
pub async fn serve_watching(settings: &Settings, site: Site) -> anyhow::Result<()> {
    let listener = TcpListener::bind(settings.addr)
        .with_context(|| format!("cannot listen on {}", settings.addr))?;
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
        std::thread::spawn(move || watch(&site_dir, &reloads, &running));
    }
    let mut site = site;
    loop {
        let server = Application::on(listener.try_clone()?, AppState::new(site, settings)?)?;
        *running.lock().expect("not poisoned") = Some(server.handle());
        server.run().await?;
        // The server stops for a reload, or for Ctrl-C / SIGTERM, when there is no new site.
        match reloaded.try_recv() {
            Ok(new_site) => site = new_site,
            Err(_) => return Ok(()),
        }
    }
}

/// Polls the site folder; hands every cleanly loading change to the server loop.
fn watch(site_dir: &Path, reloads: &mpsc::Sender<Site>, running: &Mutex<Option<ServerHandle>>) {
    let mut seen = fingerprint(site_dir);
    loop {
        std::thread::sleep(POLL);
        let now = fingerprint(site_dir);
        if now == seen {
            continue;
        }
        seen = now;
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

/// Every file under `content/` and `static/` with its size and modification time, in order.
fn fingerprint(site_dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    for folder in [CONTENT_DIR, super::STATIC_DIR] {
        walk(&site_dir.join(folder), &mut files);
    }
    files.sort();
    files
}

fn walk(dir: &Path, files: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            walk(&entry.path(), files);
        } else {
            files.push((entry.path(), meta.len(), meta.modified().ok()));
        }
    }
}
