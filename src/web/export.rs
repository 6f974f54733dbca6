//! `him-guide export`: the whole site as files for any static host or CDN, fetched through the same
//! app factory that serves it, so the files are byte for byte what the server would answer.

use std::fs;
use std::path::{Path, PathBuf};

use actix_web::http::header;
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use anyhow::{Context, bail};

use super::{AppState, app, hardening};
use crate::config::Settings;
use crate::site::Site;
use crate::site::routes::ROUTES;

/// What an export wrote.
#[derive(Debug, Default)]
pub struct Exported {
    pub files: usize,
    pub bytes: u64,
}

/// Writes the site under `out`. `live_url`, if given, is a running him-guide whose salary
/// comparison the static copy points to and sends its form to.
pub async fn export(
    settings: &Settings,
    site: Site,
    out: &Path,
    live_url: Option<&str>,
) -> anyhow::Result<Exported> {
    let mut state = AppState::new(site, settings)?;
    state.salary_layout.static_copy = Some(
        live_url
            .map(|url| url.trim_end_matches('/').to_string())
            .unwrap_or_default(),
    );
    // Every prepared page (fact sheets too, which the sitemap leaves out), the salary page and
    // its data, and the files.
    let mut addresses: Vec<String> = state.page_paths().collect();
    addresses.sort();
    addresses.extend(
        ROUTES
            .iter()
            .filter(|reserved| reserved.exported)
            .map(|reserved| reserved.path.to_string()),
    );
    addresses.extend(state.assets.by_path.keys().cloned());
    let redirects: Vec<(String, String)> = state
        .redirects
        .iter()
        .map(|(a, b)| (a.clone(), b.clone()))
        .collect();
    let service = init_service(app(actix_web::web::Data::new(state))).await;

    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut exported = Exported::default();
    let mut write = |path: PathBuf, bytes: &[u8]| -> anyhow::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        exported.files += 1;
        exported.bytes += bytes.len() as u64;
        Ok(())
    };
    for address in &addresses {
        let file = out.join(file_for(address));
        for (encoding, suffix) in [("identity", ""), ("gzip", ".gz"), ("br", ".br")] {
            let request = TestRequest::get()
                .uri(address)
                .insert_header((header::ACCEPT_ENCODING, encoding))
                .to_request();
            let response = call_service(&service, request).await;
            if !response.status().is_success() {
                bail!("{address} answered {} while exporting", response.status());
            }
            let encoded = response.headers().get(header::CONTENT_ENCODING).is_some();
            let body = read_body(response).await;
            // Only compressed answers get a compressed file; an identity answer to gzip is skipped.
            if suffix.is_empty() || encoded {
                write(file.with_extension(extension_with(&file, suffix)), &body)?;
            }
        }
    }
    write(
        out.join("_headers"),
        hardening::headers_file(settings.base_url.starts_with("https://")).as_bytes(),
    )?;
    let missing = call_service(
        &service,
        TestRequest::get().uri("/no-such-page").to_request(),
    )
    .await;
    write(out.join("404.html"), &read_body(missing).await)?;
    for (alias, target) in redirects {
        let page = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>\
             <link rel=\"canonical\" href=\"{base}{target}\"><meta http-equiv=\"refresh\" content=\"0; url={target}\">\
             </head><body><p>This page has moved to <a href=\"{target}\">{target}</a>.</p></body></html>\n",
            base = settings.base_url
        );
        write(out.join(file_for(&alias)), page.as_bytes())?;
    }
    Ok(exported)
}

/// The file a static host serves for `address`: clean page addresses (slugs never hold a dot)
/// become `.html` files; files keep their names.
pub(super) fn file_for(address: &str) -> PathBuf {
    match address.trim_start_matches('/') {
        "" => PathBuf::from("index.html"),
        file if file.contains('.') => PathBuf::from(file),
        page => PathBuf::from(format!("{page}.html")),
    }
}

/// `page.html` with suffix `.gz` is `page.html.gz`: the extension to give `with_extension`.
fn extension_with(file: &Path, suffix: &str) -> String {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{extension}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_addresses_to_files_a_static_host_serves() {
        assert_eq!(file_for("/"), PathBuf::from("index.html"));
        assert_eq!(file_for("/guide"), PathBuf::from("guide.html"));
        assert_eq!(
            file_for("/guide/salary"),
            PathBuf::from("guide/salary.html")
        );
        assert_eq!(file_for("/salary"), PathBuf::from("salary.html"));
        assert_eq!(file_for("/salary.json"), PathBuf::from("salary.json"));
        assert_eq!(file_for("/sitemap.xml"), PathBuf::from("sitemap.xml"));
        assert_eq!(
            file_for("/assets/style.0123.css"),
            PathBuf::from("assets/style.0123.css")
        );
        assert_eq!(extension_with(Path::new("a/b.html"), ".br"), "html.br");
    }
}
