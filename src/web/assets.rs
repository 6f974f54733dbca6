//! The files in `static/`, read once at start-up and served from memory under fingerprinted names
//! (`/assets/style.3f2a9c1d0b7e4a55.css`), so browsers may keep them for a year.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, bail};

use super::prepared::{CACHE_DAY, CACHE_IMMUTABLE, Keep, Prepared};

/// Where fingerprinted assets are served.
pub(super) const ASSETS_PATH: &str = "/assets";

/// The addresses the layout links to, fixed at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetUrls {
    pub stylesheet: String,
    /// The SVG icon, if `static/favicon.svg` exists.
    pub icon: Option<String>,
    /// Under `serve --watch` only: the script that reloads the page when the site changes.
    pub live_reload: Option<&'static str>,
}

/// Every top-level file of the static folder, prepared and keyed by its fingerprinted path.
pub struct Assets {
    pub by_path: HashMap<String, Prepared>,
    pub urls: AssetUrls,
    /// `/favicon.ico`, which browsers ask for by that name.
    pub favicon_ico: Option<Prepared>,
}

impl Assets {
    /// Reads `static_dir`; hidden files, folders and symlinks are left to actix-files' rules.
    pub fn load(static_dir: &Path, keep: Keep) -> anyhow::Result<Assets> {
        let mut by_path = HashMap::new();
        let mut by_name = HashMap::new();
        let mut favicon_ico = None;
        let entries = fs::read_dir(static_dir)
            .with_context(|| format!("reading {}", static_dir.display()))?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.file_type()?.is_file() {
                continue;
            }
            let bytes = fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            let content_type =
                actix_files::file_extension_to_mime(name.rsplit('.').next().unwrap_or_default());
            let content_type = if content_type.type_() == "text" {
                format!("{content_type}; charset=utf-8")
            } else {
                content_type.to_string()
            };
            if name == "favicon.ico" {
                favicon_ico = Some(Prepared::new(&content_type, CACHE_DAY, bytes.clone(), keep));
            }
            let prepared = Prepared::new(&content_type, CACHE_IMMUTABLE, bytes, keep);
            let path = format!(
                "{ASSETS_PATH}/{}",
                fingerprinted(&name, &prepared.hash()[..16])
            );
            by_name.insert(name, path.clone());
            by_path.insert(path, prepared);
        }
        let Some(stylesheet) = by_name.get("style.css").cloned() else {
            bail!(
                "{} has no style.css; every page links to it",
                static_dir.display()
            );
        };
        let urls = AssetUrls {
            stylesheet,
            icon: by_name.get("favicon.svg").cloned(),
            live_reload: None,
        };
        Ok(Assets {
            by_path,
            urls,
            favicon_ico,
        })
    }
}

/// `style.css` with hash `abc` is `style.abc.css`.
fn fingerprinted(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{hash}.{extension}"),
        None => format!("{name}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_content_hash_before_the_extension() {
        assert_eq!(fingerprinted("style.css", "0123"), "style.0123.css");
        assert_eq!(fingerprinted("LICENSE", "0123"), "LICENSE.0123");
    }

    #[test]
    fn loads_the_shipped_static_folder() {
        let assets = Assets::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("static"),
            Keep::UntilReload,
        )
        .unwrap();
        assert!(
            assets.urls.stylesheet.starts_with("/assets/style.")
                && assets.urls.stylesheet.ends_with(".css")
        );
        assert!(assets.urls.icon.is_some());
        assert!(assets.favicon_ico.is_some());
        assert!(assets.by_path.contains_key(&assets.urls.stylesheet));
    }
}
