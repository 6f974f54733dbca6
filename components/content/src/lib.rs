//! Reads `content/`: every page's front matter and Markdown (in a folder per language,
//! `content/en/`), rendered once, and the sources list.
//!
//! Nothing here knows about HTTP or templates. Loading gathers every problem it finds, so an editor
//! sees them all at once, each with its file, line and a fix.

pub mod front_matter;
pub mod markdown;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use front_matter::FrontMatter;
pub use markdown::{Figures, Heading, InternalLink, Rendered};

use diagnostics::{Problem, is_slug};
use sources::{self, Source};

/// The folder under the site folder that holds the pages and the sources list.
pub const CONTENT_DIR: &str = "content";

/// The folder of one language's pages, relative to the site folder: `content/en`. The data the
/// languages share (salary.toml, sources.toml, the OEWS extract) sits beside the language folders.
pub fn pages_dir(lang: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(lang)
}
/// The sources list, relative to the content folder.
pub const SOURCES_FILE: &str = "sources.toml";

/// A page read from disk, its front matter checked and its body rendered.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    /// The file relative to the site folder, as editors know it: `content/en/guide/salary.md`.
    pub file: PathBuf,
    /// The page's site path: `/`, `/about`, `/guide/salary`.
    pub url: String,
    pub front_matter: FrontMatter,
    pub rendered: Rendered,
}

/// The pages in `content/` that loaded, and every problem met on the way.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub pages: Vec<LoadedPage>,
    /// The URLs of pages whose front matter failed: they exist, so links to them are not reported
    /// as broken on top of the problem that stopped them.
    pub failed_urls: Vec<String>,
    pub problems: Vec<Problem>,
}

/// A problem if `site_dir` has no content folder: nothing else can be loaded then.
pub fn missing_content_dir(site_dir: &Path) -> Option<Problem> {
    let content_dir = site_dir.join(CONTENT_DIR);
    (!content_dir.is_dir()).then(|| {
        Problem::new(
            &content_dir,
            None,
            "the content folder does not exist",
            "run him-guide from the repository's root, or pass --site-dir with the folder that holds \
             content/ and static/",
        )
    })
}

/// Reads `content/sources.toml`; on failure the list is empty and the problems say why.
pub fn load_sources(site_dir: &Path) -> (Vec<Source>, Vec<Problem>) {
    let sources_path = Path::new(CONTENT_DIR).join(SOURCES_FILE);
    match fs::read_to_string(site_dir.join(&sources_path)) {
        Ok(text) => match sources::parse(&sources_path, &text) {
            Ok(sources) => (sources, Vec::new()),
            Err(problems) => (Vec::new(), problems),
        },
        Err(err) => {
            let problem = Problem::new(
                &sources_path,
                None,
                format!("cannot read the sources list: {err}"),
                "create content/sources.toml with a [[source]] entry for every source pages cite",
            );
            (Vec::new(), vec![problem])
        }
    }
}

/// Loads and renders every page of the language `lang` (under `site_dir/content/<lang>`), checking
/// the source ids each cites against `sources` (unless that list is empty because it failed to
/// load) and answering figure tokens from `figures`.
pub fn load(
    site_dir: &Path,
    lang: &str,
    anchor_label: &str,
    sources: &[Source],
    figures: &dyn Figures,
) -> Content {
    let pages = pages_dir(lang);
    let content_dir = site_dir.join(&pages);
    let mut problems = pages_outside_language_folders(site_dir, lang);
    let mut failed_urls = Vec::new();
    let sources_path = Path::new(CONTENT_DIR).join(SOURCES_FILE);
    if !content_dir.is_dir() {
        problems.push(Problem::new(
            &pages,
            None,
            "the folder of this language's pages does not exist",
            format!(
                "put the Markdown pages in {}/ (content/{lang}/index.md is the home page)",
                pages.display()
            ),
        ));
        return Content {
            pages: Vec::new(),
            failed_urls,
            problems,
        };
    }

    // First pass: read every page and its front matter, so that links between pages can be resolved.
    let texts = read_pages(&content_dir, &pages, &mut problems);
    let mut splits = Vec::new();
    let mut urls: HashMap<PathBuf, String> = HashMap::new();
    let mut files_by_url: HashMap<String, PathBuf> = HashMap::new();
    for (content_path, file, text) in &texts {
        let split = match front_matter::split(file, text) {
            Ok(split) => split,
            Err(found) => {
                problems.extend(found);
                failed_urls.extend(page_url(content_path, None, file, &mut Vec::new()));
                continue;
            }
        };
        let Some(url) = page_url(
            content_path,
            split.front_matter.slug.as_deref(),
            file,
            &mut problems,
        ) else {
            continue;
        };
        if let Some(other) = files_by_url.get(&url) {
            problems.push(Problem::new(
                file,
                None,
                format!("the page's URL {url} is already taken by {}", other.display()),
                "give one of the two pages a different `slug` in its front matter, or rename its file",
            ));
            continue;
        }
        files_by_url.insert(url.clone(), file.clone());
        urls.insert(content_path.clone(), url.clone());
        splits.push((content_path, file, url, split));
    }

    // Second pass: render each body now that every page's URL is known.
    let known_sources: std::collections::HashSet<&str> =
        sources.iter().map(|s| s.id.as_str()).collect();
    let mut pages = Vec::with_capacity(splits.len());
    for (content_path, file, url, split) in splits {
        for (id, line) in &split.front_matter.sources {
            if !sources.is_empty() && !known_sources.contains(id.as_str()) {
                problems.push(Problem::new(
                    file,
                    Some(*line),
                    format!("unknown source id `{id}` in `sources`"),
                    format!(
                        "use an id listed in {}, or add a [[source]] entry for it",
                        sources_path.display()
                    ),
                ));
            }
        }
        let ctx = markdown::RenderContext {
            file,
            content_path,
            urls: &urls,
            first_line: split.body_first_line,
            figures,
            reviewed_html: &split.front_matter.reviewed_html,
            anchor_label,
        };
        let mut rendered = markdown::render(split.body, &ctx);
        problems.append(&mut rendered.problems);
        pages.push(LoadedPage {
            file: file.to_path_buf(),
            url,
            front_matter: split.front_matter,
            rendered,
        });
    }

    Content {
        pages,
        failed_urls,
        problems,
    }
}

/// Every page's path in the language's folder `pages`, its file as editors know it, and its text.
fn read_pages(
    content_dir: &Path,
    pages: &Path,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, PathBuf, String)> {
    let mut files = Vec::new();
    collect_markdown(content_dir, pages, Path::new(""), &mut files, problems);
    files.sort();
    let mut texts = Vec::new();
    for content_path in files {
        let file = pages.join(&content_path);
        match fs::read_to_string(content_dir.join(&content_path)) {
            Ok(text) => texts.push((content_path, file, text)),
            Err(err) => problems.push(Problem::new(
                &file,
                None,
                format!("cannot read the page: {err}"),
                "save the file as UTF-8 text",
            )),
        }
    }
    texts
}

/// A problem for each Markdown page directly in `content/`: pages sit in a language's folder.
fn pages_outside_language_folders(site_dir: &Path, lang: &str) -> Vec<Problem> {
    let Ok(entries) = fs::read_dir(site_dir.join(CONTENT_DIR)) else {
        return Vec::new();
    };
    let mut stray: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    stray.sort();
    stray
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Problem::new(
                Path::new(CONTENT_DIR).join(&name),
                None,
                "a page outside a language folder",
                format!(
                    "move it to content/{lang}/{name}: each language's pages sit in its own folder"
                ),
            )
        })
        .collect()
}

/// Adds every `.md` file below `root` (relative paths from it, the language's folder `shown`),
/// skipping hidden entries.
fn collect_markdown(
    root: &Path,
    shown: &Path,
    relative: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    let entries = match fs::read_dir(root.join(relative)) {
        Ok(entries) => entries,
        Err(err) => {
            let folder = shown.join(relative);
            problems.push(Problem::new(
                folder,
                None,
                format!("cannot read the folder: {err}"),
                "check its permissions",
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = relative.join(&name);
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_markdown(root, shown, &path, out, problems),
            Ok(kind) if kind.is_file() && path.extension().is_some_and(|ext| ext == "md") => {
                out.push(path)
            }
            _ => {}
        }
    }
}

/// The site path of the page at `content_path`: folders become path segments, `index.md` stands for
/// its folder, and `slug` replaces the file name.
fn page_url(
    content_path: &Path,
    slug: Option<&str>,
    file: &Path,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let stem = content_path.file_stem()?.to_string_lossy();
    let mut segments: Vec<String> = content_path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let is_index = stem == "index";
    if is_index && slug.is_some() {
        problems.push(Problem::new(
            file,
            None,
            "an index.md page cannot set `slug`: it always stands for its folder",
            "remove `slug`, or rename the file",
        ));
        return None;
    }
    if !is_index {
        segments.push(
            slug.map(str::to_string)
                .unwrap_or_else(|| stem.into_owned()),
        );
    }
    if let Some(bad) = segments.iter().find(|s| !is_slug(s)) {
        problems.push(Problem::new(
            file,
            None,
            format!("`{bad}` cannot be part of a URL"),
            "name files and folders with lowercase letters, digits and hyphens, or set `slug`",
        ));
        return None;
    }
    Some(format!("/{}", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(path: &str, slug: Option<&str>) -> Result<String, Vec<Problem>> {
        let mut problems = Vec::new();
        page_url(Path::new(path), slug, Path::new(path), &mut problems).ok_or(problems)
    }

    #[test]
    fn maps_files_to_site_paths() {
        assert_eq!(url("index.md", None).unwrap(), "/");
        assert_eq!(url("about.md", None).unwrap(), "/about");
        assert_eq!(url("guide/salary.md", None).unwrap(), "/guide/salary");
        assert_eq!(
            url("guide/pay.md", Some("salary")).unwrap(),
            "/guide/salary"
        );
        assert_eq!(url("guide/index.md", None).unwrap(), "/guide");
    }

    #[test]
    fn rejects_file_names_that_make_bad_urls() {
        let problems = url("guide/Salary Guide.md", None).unwrap_err();
        assert!(
            problems[0]
                .message
                .contains("`Salary Guide` cannot be part of a URL")
        );
        assert!(url("index.md", Some("home")).is_err());
    }
}
