//! Settings for serving, from the command line and environment, with defaults for the shipped site.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::cli::Options;

/// Everything the server needs to know before it starts.
#[derive(Debug, Clone)]
pub struct Settings {
    pub addr: SocketAddr,
    /// Public base URL without a trailing slash, e.g. `https://him-guide.example.org`.
    pub base_url: String,
    /// Folder that holds `content/` and `static/`.
    pub site_dir: PathBuf,
}

#[derive(Debug, thiserror::Error)]
#[error("--base-url must be an absolute http:// or https:// address without a query, got `{0}`")]
pub struct BadBaseUrl(String);

impl Settings {
    pub fn from_options(options: &Options) -> Result<Settings, BadBaseUrl> {
        let base_url = match &options.base_url {
            Some(url) => parse_base_url(url)?,
            None => format!("http://{}", options.addr),
        };
        Ok(Settings {
            addr: options.addr,
            base_url,
            site_dir: options.site_dir.clone(),
        })
    }
}

/// Checks that `url` can prefix site paths, and drops any trailing slash.
fn parse_base_url(url: &str) -> Result<String, BadBaseUrl> {
    let trimmed = url.trim().trim_end_matches('/');
    let host = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .unwrap_or_default();
    let host_ok = !host.is_empty() && !host.starts_with('/');
    let clean = !trimmed.contains(['?', '#', ' ', '"', '<', '>']);
    if host_ok && clean {
        Ok(trimmed.to_string())
    } else {
        Err(BadBaseUrl(url.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_a_trailing_slash_from_the_base_url() {
        assert_eq!(
            parse_base_url("https://example.org/").unwrap(),
            "https://example.org"
        );
        assert_eq!(
            parse_base_url("http://a.b/guide").unwrap(),
            "http://a.b/guide"
        );
    }

    #[test]
    fn rejects_base_urls_that_cannot_prefix_paths() {
        for bad in [
            "example.org",
            "ftp://x",
            "https://",
            "https://a?b=1",
            "https:///x",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad}");
        }
    }
}
