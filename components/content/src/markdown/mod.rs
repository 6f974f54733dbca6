//! The one Markdown entry point: turns a page body into HTML, headings, anchors and the links to check.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{
    Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset, html,
};

use diagnostics::{Problem, line_at};

/// Figures that pages cite by token instead of typing them: `{{fig:KEY}}` within text, and
/// `{{table:NAME}}` alone in a paragraph for a whole table (given as Markdown).
pub trait Figures {
    fn inline(&self, key: &str) -> Result<String, String>;
    fn table(&self, name: &str) -> Result<String, String>;
}

/// What the renderer needs to know about the rest of the site to resolve links and figures.
pub struct RenderContext<'a> {
    /// The page's file, relative to the site folder (`content/en/guide/salary.md`), for problems.
    pub file: &'a Path,
    /// The page's file relative to `content/` (`guide/salary.md`), against which relative links resolve.
    pub content_path: &'a Path,
    /// Every page's URL, keyed by its file's path relative to `content/`.
    pub urls: &'a HashMap<PathBuf, String>,
    /// The file line on which the body starts.
    pub first_line: usize,
    pub figures: &'a dyn Figures,
    /// Raw HTML snippets this page may contain, from its front matter.
    pub reviewed_html: &'a [String],
    /// What a heading's link to itself is called for screen readers, in the page's language
    /// (words that hold no markup: the words layer refuses it).
    pub anchor_label: &'a str,
}

/// A heading of the page with its anchor id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to a page of this site, to be checked once every page is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink {
    /// The site path it points to, such as `/guide/salary`; `None` for a link within the same page.
    pub path: Option<String>,
    /// The `#anchor`, without the `#`.
    pub fragment: Option<String>,
    /// The file line the link is written on.
    pub line: usize,
}

/// HTML that [`render`] wrote. Only this module can make one (its field is private), so a value of
/// this type always came out of pulldown-cmark, which escapes the text it is given, with raw HTML
/// refused except the snippets a page lists in `reviewed_html`. The web layer writes it into pages
/// unescaped on that ground (`src/web/trusted.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A page body rendered to HTML, with what the site needs to know about it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: Html,
    pub headings: Vec<Heading>,
    /// Every id a link may target: headings and footnotes.
    pub anchors: HashSet<String>,
    pub links: Vec<InternalLink>,
    /// Words written in the page itself, not counting tables generated from the salary data.
    pub word_count: usize,
    pub problems: Vec<Problem>,
}

/// Ids the page layout gives its own elements; a heading in the content may not take them.
pub const LAYOUT_IDS: &[&str] = &[
    "main",
    "page-title",
    "toc-title",
    "page-sources",
    "chapters-title",
    "source-documents",
    "data-pages",
    "cite-title",
];

/// The pulldown-cmark options the whole site uses.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `body` to HTML: headings get stable unique ids, `.md` links become site paths, internal
/// links are collected for checking, and raw HTML is refused.
#[allow(
    clippy::too_many_lines,
    reason = "the one pass over pulldown-cmark's events: splitting it would split the state it keeps"
)]
pub fn render(body: &str, ctx: &RenderContext<'_>) -> Rendered {
    let mut out = Rendered::default();
    let line_of = |offset: usize| ctx.first_line + line_at(body, offset) - 1;
    let problem = |out: &mut Rendered, offset: usize, message: String, fix: &str| {
        out.problems
            .push(Problem::new(ctx.file, Some(line_of(offset)), message, fix));
    };

    let events = expand_figures(body, ctx, &mut out);
    let mut html_events = Vec::with_capacity(events.len());
    let mut index = 0;
    while index < events.len() {
        let (event, range) = events[index].clone();
        index += 1;
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let text = heading_text(&events[index..]);
                if level == HeadingLevel::H1 {
                    problem(
                        &mut out,
                        range.start,
                        format!("a level-1 heading (`# {text}`) in the body"),
                        "the page title comes from `title` in the front matter; use `##` for sections",
                    );
                }
                let taken = |id: &str| out.anchors.contains(id) || LAYOUT_IDS.contains(&id);
                let id = match id {
                    Some(explicit) if taken(explicit.as_ref()) => {
                        problem(
                            &mut out,
                            range.start,
                            format!("the heading id `{explicit}` is already used on this page"),
                            &format!(
                                "give the heading another {{#id}}: each must be unique, and the layout keeps {}",
                                LAYOUT_IDS.join(", ")
                            ),
                        );
                        explicit.to_string()
                    }
                    Some(explicit) => explicit.to_string(),
                    None => unique_id(&slugify(&text), taken),
                };
                out.anchors.insert(id.clone());
                out.headings.push(Heading {
                    level: level as u8,
                    id: id.clone(),
                    text,
                });
                html_events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = match classify_link(&dest_url, ctx) {
                    Ok(Destination::External) => dest_url,
                    Ok(Destination::Internal {
                        href,
                        path,
                        fragment,
                    }) => {
                        out.links.push(InternalLink {
                            path,
                            fragment,
                            line: line_of(range.start),
                        });
                        CowStr::from(href)
                    }
                    Err((message, fix)) => {
                        problem(&mut out, range.start, message, fix);
                        dest_url
                    }
                };
                html_events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            // Raw HTML could carry script or inline style past the Content-Security-Policy; only
            // snippets listed in the page's `reviewed_html` pass, exactly as reviewed.
            Event::Html(raw) | Event::InlineHtml(raw)
                if ctx
                    .reviewed_html
                    .iter()
                    .any(|allowed| allowed.trim() == raw.trim()) =>
            {
                html_events.push(Event::InlineHtml(raw));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => problem(
                &mut out,
                range.start,
                format!("raw HTML `{}` in Markdown", raw.trim()),
                "write it in Markdown instead; if it is truly needed, have it reviewed and list it \
                 exactly in the page's `reviewed_html`",
            ),
            Event::Start(Tag::Table(alignments)) => {
                // pulldown-cmark writes alignment as inline `style` attributes, which a strict
                // Content-Security-Policy forbids; the stylesheet aligns table cells instead.
                let plain = vec![Alignment::None; alignments.len()];
                html_events.push(Event::Start(Tag::Table(plain)));
            }
            // Footnote labels become ids in the HTML; a prefix keeps them apart from heading ids.
            Event::FootnoteReference(label) => {
                html_events.push(Event::FootnoteReference(footnote_id(&label)));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let id = footnote_id(&label);
                out.anchors.insert(id.to_string());
                html_events.push(Event::Start(Tag::FootnoteDefinition(id)));
            }
            // Every heading ends with a visible link to itself, for readers who want to cite it.
            Event::End(TagEnd::Heading(level)) => {
                if let Some(heading) = out.headings.last() {
                    html_events.push(Event::InlineHtml(CowStr::from(heading_anchor(
                        &heading.id,
                        ctx.anchor_label,
                    ))));
                }
                html_events.push(Event::End(TagEnd::Heading(level)));
            }
            other => html_events.push(other),
        }
    }
    html::push_html(&mut out.html.0, html_events.into_iter());
    out
}

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// Parses `body` and replaces figure tokens with what they stand for: `{{table:NAME}}` alone in a
/// paragraph becomes that table's events, `{{fig:KEY}}` in text becomes the figure.
fn expand_figures<'a>(
    body: &'a str,
    ctx: &RenderContext<'_>,
    out: &mut Rendered,
) -> Vec<Spanned<'a>> {
    let parsed: Vec<Spanned<'a>> =
        TextMergeWithOffset::new(Parser::new_ext(body, options()).into_offset_iter()).collect();
    let mut problem = |offset: usize, message: String, fix: &str| {
        let line = ctx.first_line + line_at(body, offset) - 1;
        out.problems
            .push(Problem::new(ctx.file, Some(line), message, fix));
    };
    let mut events = Vec::with_capacity(parsed.len());
    let mut index = 0;
    while index < parsed.len() {
        if let (
            Event::Start(Tag::Paragraph),
            Some((Event::Text(text), range)),
            Some((Event::End(TagEnd::Paragraph), _)),
        ) = (
            &parsed[index].0,
            parsed.get(index + 1),
            parsed.get(index + 2),
        ) && let Some(name) = text
            .trim()
            .strip_prefix("{{table:")
            .and_then(|rest| rest.strip_suffix("}}"))
        {
            match ctx.figures.table(name) {
                Ok(markdown) => events.extend(
                    Parser::new_ext(&markdown, options())
                        .map(|event| (event.into_static(), range.clone())),
                ),
                Err(message) => problem(
                    range.start,
                    format!("`{{{{table:{name}}}}}`: {message}"),
                    "correct the table's name",
                ),
            }
            index += 3;
            continue;
        }
        let (event, range) = parsed[index].clone();
        index += 1;
        // Words are the page's own writing: generated tables do not count towards its length.
        if let Event::Text(text) | Event::Code(text) = &event {
            out.word_count += text.split_whitespace().count();
        }
        match event {
            Event::Text(text) if text.contains("{{") => {
                let mut replaced = String::with_capacity(text.len());
                let mut rest: &str = &text;
                while let Some(start) = rest.find("{{") {
                    replaced.push_str(&rest[..start]);
                    let Some(len) = rest[start..].find("}}") else {
                        break;
                    };
                    let token = &rest[start + 2..start + len];
                    match token
                        .strip_prefix("fig:")
                        .map(|key| ctx.figures.inline(key))
                    {
                        Some(Ok(value)) => replaced.push_str(&value),
                        Some(Err(message)) => {
                            problem(
                                range.start,
                                format!("`{{{{{token}}}}}`: {message}"),
                                "cite an id from content/salary.toml",
                            );
                        }
                        None => problem(
                            range.start,
                            format!("unknown token `{{{{{token}}}}}`"),
                            "write {{fig:ID}} for a figure, or {{table:NAME}} alone in its own paragraph for a table",
                        ),
                    }
                    rest = &rest[start + len + 2..];
                }
                replaced.push_str(rest);
                events.push((Event::Text(CowStr::from(replaced)), range));
            }
            other => events.push((other, range)),
        }
    }
    events
}

/// The link a heading carries to itself: `#`, named for screen readers.
fn heading_anchor(id: &str, label: &str) -> String {
    let id = id
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r##" <a class="heading-anchor" href="#{id}"><span class="visually-hidden">{label}</span><span aria-hidden="true">#</span></a>"##
    )
}

fn footnote_id(label: &str) -> CowStr<'static> {
    CowStr::from(format!("fn-{}", slugify(label)))
}

/// The plain text of a heading whose events start at `events[0]` and run to its end tag.
fn heading_text(events: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// A heading's anchor id: lowercase ASCII letters and digits joined by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') && ch != '\'' && ch != '’' {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

/// `base`, or `base-1`, `base-2`... whichever is not taken yet.
fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("an unused suffix exists")
}

enum Destination {
    External,
    Internal {
        href: String,
        path: Option<String>,
        fragment: Option<String>,
    },
}

type LinkError = (String, &'static str);

fn classify_link(dest: &str, ctx: &RenderContext<'_>) -> Result<Destination, LinkError> {
    let (before_fragment, fragment) = match dest.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment.to_string())),
        None => (dest, None),
    };
    if before_fragment.is_empty() {
        return Ok(Destination::Internal {
            href: dest.to_string(),
            path: None,
            fragment,
        });
    }
    if let Some(scheme) = scheme_of(dest) {
        if matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
            return Ok(Destination::External);
        }
        return Err((
            format!("the link `{dest}` uses the `{scheme}:` scheme"),
            "link only to http(s) addresses, mailto: or pages of this site",
        ));
    }
    if dest.starts_with("//") {
        return Ok(Destination::External);
    }
    let path = before_fragment.split('?').next().unwrap_or_default();
    if path.starts_with('/') {
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        return Ok(Destination::Internal {
            href: dest.to_string(),
            path: Some(path.to_string()),
            fragment,
        });
    }
    if path.ends_with(".md") {
        let target = ctx
            .content_path
            .parent()
            .unwrap_or(Path::new(""))
            .join(path);
        let url = normalize(&target).and_then(|target| ctx.urls.get(&target));
        return match url {
            Some(url) => {
                let href = match &fragment {
                    Some(fragment) => format!("{url}#{fragment}"),
                    None => url.clone(),
                };
                Ok(Destination::Internal {
                    href,
                    path: Some(url.clone()),
                    fragment,
                })
            }
            None => Err((
                format!("the link `{dest}` points to a file that is not a page of this site"),
                "check the file name; paths are relative to this page's folder, e.g. `salary.md` \
                 or `../about.md`",
            )),
        };
    }
    Err((
        format!("the link `{dest}` is a relative path that is not a Markdown file"),
        "link to a page as a site path such as `/guide/salary`, or as its file such as `salary.md`",
    ))
}

/// The URL scheme (`https`, `javascript`...), lowercased, if `dest` starts with one.
fn scheme_of(dest: &str) -> Option<String> {
    let (scheme, _) = dest.split_once(':')?;
    let valid = scheme.chars().next()?.is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Resolves `.` and `..` in a path relative to `content/`; `None` if it climbs out of it.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

#[cfg(test)]
mod tests;
