//! Typed views, one per template, and the start-up rendering of every page into bytes.

use std::collections::HashMap;

use askama::Template;

pub use super::assets::AssetUrls;

use crate::pay::PAY_PAGE;
use crate::site::{
    FACT_SHEET, GUIDE_INDEX, HOME, Page, PageKind, SALARY_PAGE, SOURCES_PAGE, Site, SitemapEntry,
};
use crate::sources::{Source, SourceKind};

use super::trusted::{JsonLd, MarkdownHtml};
use crate::words::{Text, Words};

/// A link in the primary navigation.
#[derive(Debug, Clone)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    /// `page` when this is the current page, `true` when the current page is inside its section.
    pub current: Option<&'static str>,
}

/// What the base layout needs on every page.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Every word the page says outside its Markdown, in the page's language.
    pub w: &'static Words,
    /// The page's own title; the layout adds the site name.
    pub title: String,
    pub description: String,
    /// Absolute canonical URL; `None` on error pages, which have no address of their own.
    pub canonical: Option<String>,
    pub nav: Vec<NavLink>,
    /// Links from home down to the current page's parent; the current page ends the trail unlinked.
    pub breadcrumbs: Vec<(String, String)>,
    /// The fingerprinted stylesheet and icon.
    pub assets: AssetUrls,
    /// OpenGraph type: `article` for chapters, `website` otherwise.
    pub og_type: &'static str,
}

/// A content page: `templates/page.html`.
#[derive(Template)]
#[template(path = "page.html")]
pub struct PageView<'a> {
    pub chrome: Chrome,
    pub page: &'a Page,
    /// The page's body, written as is.
    pub body: MarkdownHtml<'a>,
    /// The sources this page cites, in its front matter's order.
    pub sources: Vec<&'a Source>,
    /// The guide's chapters, shown beside a chapter; empty on other pages.
    pub chapters: Vec<&'a Page>,
    pub previous: Option<&'a Page>,
    pub next: Option<&'a Page>,
    /// schema.org JSON-LD for chapters, safe inside `<script>`.
    pub json_ld: Option<JsonLd>,
}

/// The sources page: its Markdown introduction, then every source: `templates/sources.html`.
#[derive(Template)]
#[template(path = "sources.html")]
pub struct SourcesView<'a> {
    pub chrome: Chrome,
    pub page: &'a Page,
    /// The page's Markdown introduction, written as is.
    pub body: MarkdownHtml<'a>,
    /// The articles first, then the public data pages.
    pub groups: Vec<SourceGroup<'a>>,
}

/// Sources of one kind, under a heading with its own anchor.
pub struct SourceGroup<'a> {
    pub id: &'static str,
    pub title: &'static Text,
    pub sources: Vec<&'a Source>,
}

/// A chapter's one-page fact sheet at `/guide/<slug>/fact-sheet`: `templates/fact_sheet.html`.
#[derive(Template)]
#[template(path = "fact_sheet.html")]
pub struct FactSheetView<'a> {
    pub chrome: Chrome,
    pub page: &'a Page,
    pub sources: Vec<&'a Source>,
    /// The chapter's address, absolute.
    pub chapter_url: String,
    /// The quick-facts table, HTML from the one Markdown entry point.
    pub quick_facts: MarkdownHtml<'a>,
    /// Whether the table's medians share one release and its projections one window.
    pub dating: crate::salary::data::QuickFactsDating<'a>,
}

/// The generated chapter list at `/guide`: `templates/guide_index.html`.
#[derive(Template)]
#[template(path = "guide_index.html")]
pub struct GuideIndexView<'a> {
    pub chrome: Chrome,
    pub chapters: Vec<&'a Page>,
}

/// Any error: `templates/error.html`.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorView {
    pub chrome: Chrome,
    /// The status code, e.g. 404.
    pub status: u16,
    /// A short heading, such as the words for "Page not found".
    pub heading: String,
    /// What happened and what the reader can do, in plain words.
    pub message: String,
}

/// The XML sitemap: `templates/sitemap.xml`.
#[derive(Template)]
#[template(path = "sitemap.xml")]
pub struct SitemapView {
    pub base_url: String,
    pub entries: Vec<SitemapEntry>,
}

/// Every page of the site rendered once, keyed by site path, plus what error pages need.
pub struct Rendered {
    pub pages: HashMap<String, String>,
    pub sitemap: String,
    /// The primary navigation with nothing marked current, for error pages.
    pub nav: Vec<NavLink>,
}

/// Renders every page of `site` into bytes; called once at start-up.
pub fn render_site(
    site: &Site,
    base_url: &str,
    assets: &AssetUrls,
) -> Result<Rendered, askama::Error> {
    let w = site.words;
    let mut pages = HashMap::new();
    for page in &site.pages {
        let chrome = chrome_for(
            site,
            base_url,
            assets,
            &page.url,
            &page.title,
            &page.description,
        );
        let html = if page.url == SOURCES_PAGE {
            let group = |id, title, kind| SourceGroup {
                id,
                title,
                sources: site.sources.iter().filter(|s| s.kind == kind).collect(),
            };
            SourcesView {
                chrome,
                page,
                body: MarkdownHtml::new(&page.html),
                groups: vec![
                    group(
                        "source-documents",
                        &w.guide.source_documents,
                        SourceKind::Document,
                    ),
                    group("data-pages", &w.guide.data_pages, SourceKind::Data),
                ],
            }
            .render()?
        } else {
            let is_chapter = page.kind == PageKind::Chapter;
            let (previous, next) = site.neighbours(&page.url);
            PageView {
                chrome,
                page,
                body: MarkdownHtml::new(&page.html),
                sources: site.sources_of(page),
                chapters: if is_chapter {
                    site.chapters().collect()
                } else {
                    Vec::new()
                },
                previous,
                next,
                json_ld: is_chapter.then(|| super::json_ld::chapter(page, base_url, w)),
            }
            .render()?
        };
        pages.insert(page.url.clone(), html);
    }
    for page in site.chapters() {
        let url = format!("{}{FACT_SHEET}", page.url);
        let html = render_fact_sheet(site, base_url, assets, page, &url)?;
        pages.insert(url, html);
    }
    if site.has_generated_guide_index() {
        let view = GuideIndexView {
            chrome: chrome_for(
                site,
                base_url,
                assets,
                GUIDE_INDEX,
                w.site.the_guide.as_str(),
                w.guide.index_description.as_str(),
            ),
            chapters: site.chapters().collect(),
        };
        pages.insert(GUIDE_INDEX.to_string(), view.render()?);
    }
    let sitemap = SitemapView {
        base_url: base_url.to_string(),
        entries: site.sitemap(),
    }
    .render()?;
    Ok(Rendered {
        pages,
        sitemap,
        nav: primary_nav(site, ""),
    })
}

/// Renders the fact sheet of the chapter `page`, at `url`.
fn render_fact_sheet(
    site: &Site,
    base_url: &str,
    assets: &AssetUrls,
    page: &Page,
    url: &str,
) -> Result<String, askama::Error> {
    let title = site
        .words
        .guide
        .fact_sheet_title
        .with("chapter", &page.title)
        .to_string();
    let mut chrome = chrome_for(site, base_url, assets, url, &title, &page.description);
    chrome
        .breadcrumbs
        .push((page.url.clone(), page.title.clone()));
    FactSheetView {
        chrome,
        page,
        sources: site.sources_of(page),
        chapter_url: format!("{base_url}{}", page.url),
        quick_facts: MarkdownHtml::new(&site.quick_facts_html),
        dating: site.salary.quick_facts_dating(),
    }
    .render()
}

/// Renders the error page for `status`.
pub fn render_error(
    w: &'static Words,
    nav: &[NavLink],
    assets: &AssetUrls,
    status: u16,
    heading: &str,
    message: &str,
) -> String {
    let view = ErrorView {
        chrome: Chrome {
            w,
            title: heading.to_string(),
            description: message.to_string(),
            canonical: None,
            nav: nav.to_vec(),
            breadcrumbs: vec![(HOME.to_string(), w.site.home.to_string())],
            assets: assets.clone(),
            og_type: "website",
        },
        status,
        heading: heading.to_string(),
        message: message.to_string(),
    };
    view.render().unwrap_or_else(|err| {
        // The error template is compiled in and has no fallible parts; this is a last resort.
        log::error!("cannot render the error page: {err}");
        format!("<!doctype html><title>{status}</title><p>{status}")
    })
}

/// The layout's data for the page at `url`.
pub fn chrome_for(
    site: &Site,
    base_url: &str,
    assets: &AssetUrls,
    url: &str,
    title: &str,
    description: &str,
) -> Chrome {
    let w = site.words;
    let mut breadcrumbs = Vec::new();
    if url != HOME {
        breadcrumbs.push((HOME.to_string(), w.site.home.to_string()));
        if PageKind::of(url) == PageKind::Chapter {
            breadcrumbs.push((GUIDE_INDEX.to_string(), w.site.the_guide.to_string()));
        }
    }
    Chrome {
        w,
        title: title.to_string(),
        description: description.to_string(),
        canonical: Some(format!("{base_url}{url}")),
        nav: primary_nav(site, url),
        breadcrumbs,
        assets: assets.clone(),
        og_type: if PageKind::of(url) == PageKind::Chapter {
            "article"
        } else {
            "website"
        },
    }
}

/// The guide's index, the salary comparison, then every page that is neither home nor a chapter.
fn primary_nav(site: &Site, current_url: &str) -> Vec<NavLink> {
    let w = &site.words.site;
    let guide = site
        .chapters()
        .next()
        .map(|_| (GUIDE_INDEX, w.the_guide.as_str()));
    let pay = (!site.areas.all().is_empty()).then_some((PAY_PAGE, w.pay_where_you_live.as_str()));
    guide
        .into_iter()
        .chain([(SALARY_PAGE, w.compare_pay.as_str())])
        .chain(pay)
        .chain(
            site.other_pages()
                .map(|page| (page.url.as_str(), page.title.as_str())),
        )
        .map(|(href, label)| NavLink {
            current: if href == current_url {
                Some("page")
            } else if (href == GUIDE_INDEX && PageKind::of(current_url) == PageKind::Chapter)
                || (href == PAY_PAGE && current_url.starts_with(PAY_PAGE))
            {
                Some("true")
            } else {
                None
            },
            href: href.to_string(),
            label: label.to_string(),
        })
        .collect()
}
