//! The only text the templates write without escaping, each kind in a type of its own: HTML from
//! the one Markdown entry point, JSON-LD made safe inside `<script>`, the words layer's texts,
//! which hold no markup characters, and fragments a template rendered earlier, kept to be written
//! into many pages. Every `HtmlSafe` in the
//! site is implemented here, so this is the file to review; templates use no `|safe` (the tests
//! below fail if one does, or if `HtmlSafe` is implemented anywhere else).

use std::fmt;

use serde_json::Value;

use crate::content::markdown;

/// A page body or table as HTML from the one Markdown entry point, for a template to write as is.
#[derive(Clone, Copy)]
pub struct MarkdownHtml<'a>(&'a markdown::Html);

impl<'a> MarkdownHtml<'a> {
    pub fn new(html: &'a markdown::Html) -> MarkdownHtml<'a> {
        MarkdownHtml(html)
    }
}

impl fmt::Display for MarkdownHtml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// Safe because a `markdown::Html` can only come out of `content::markdown::render`: pulldown-cmark
/// escapes the text it is given, and raw HTML in a page is refused unless the page lists that
/// exact snippet in `reviewed_html`, which an editor reviewed.
impl askama::filters::HtmlSafe for MarkdownHtml<'_> {}

/// schema.org data as JSON, for the body of a `<script type="application/ld+json">` element.
#[derive(Debug, Clone)]
pub struct JsonLd(String);

impl JsonLd {
    /// `value` as JSON whose `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`.
    /// JSON has those characters only inside strings, where the escape means the same character,
    /// so the data read back is unchanged; and with no `<` left, the text cannot end its script
    /// element (`</script>`) or open a comment in it (`<!--`), whatever the data says.
    pub(super) fn from_value(value: &Value) -> JsonLd {
        let json = value.to_string();
        let mut escaped = String::with_capacity(json.len());
        for c in json.chars() {
            match c {
                '<' => escaped.push_str("\\u003c"),
                '>' => escaped.push_str("\\u003e"),
                '&' => escaped.push_str("\\u0026"),
                c => escaped.push(c),
            }
        }
        JsonLd(escaped)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JsonLd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Safe because its only constructor, [`JsonLd::from_value`], leaves no `<`, `>` or `&` in the
/// text: nothing in it can end the script element or be read as markup. Escaping it as HTML
/// instead would corrupt the JSON, since a script element's text is not decoded.
impl askama::filters::HtmlSafe for JsonLd {}

/// Safe because a `Text` cannot be read with any of `<`, `>`, `&` or `"` in it
/// (`crate::words::MARKUP`, refused as the words load): it is the same escaped or not, in text and
/// in double-quoted attributes (the templates quote every attribute with `"`). Writing the site's
/// every label as is spares each page escaping its words again on every request, and keeps an
/// apostrophe an apostrophe.
impl askama::filters::HtmlSafe for crate::words::Text {}

/// Part of a page rendered once by its own template and kept, to be written as is into every page
/// that shows it: the parts of a comparison that are the same for every offer, for one. The default
/// is empty.
#[derive(Default)]
pub struct Fragment(String);

impl Fragment {
    /// `template` rendered, as a fragment to write into other templates.
    pub fn render(template: &impl askama::Template) -> askama::Result<Fragment> {
        template.render().map(Fragment)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Safe because its only constructor, [`Fragment::render`], takes the output of an askama
/// template of this site: every value in it was escaped when it was rendered (the rules above hold
/// for that template too), and writing it again as is gives the bytes rendering it in place would.
impl askama::filters::HtmlSafe for Fragment {}

/// A fragment goes into a page with one `write_str`, not through `fmt::Display`'s formatter: a
/// search's page writes some 200 of them.
impl askama::FastWritable for Fragment {
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(dest.write_str(&self.0)?)
    }
}

/// The words too, for the same reason.
impl askama::FastWritable for crate::words::Text {
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn askama::Values) -> askama::Result<()> {
        Ok(dest.write_str(self.as_str())?)
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use serde_json::json;

    use super::*;

    fn files_under(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(&path, extension, found);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let hostile = "</script><script>alert(1)</script><!-- & -->";
        let ld = JsonLd::from_value(&json!({ "name": hostile }));
        assert_eq!(
            ld.as_str(),
            r#"{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#
        );
        let read_back: Value = serde_json::from_str(ld.as_str()).unwrap();
        assert_eq!(read_back["name"], hostile);
    }

    #[test]
    fn no_template_writes_text_unescaped() {
        let mut templates = Vec::new();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        files_under(&dir, "html", &mut templates);
        files_under(&dir, "xml", &mut templates);
        assert!(!templates.is_empty());
        for path in templates {
            let text: String = std::fs::read_to_string(&path)
                .unwrap()
                .split_whitespace()
                .collect();
            for unescaped in ["|safe", "filtersafe", "(\"none\")"] {
                assert!(
                    !text.contains(unescaped),
                    "{} writes text unescaped ({unescaped}): give the text a type in \
                     src/web/trusted.rs instead",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn html_safe_is_implemented_only_here() {
        let mut sources = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        files_under(&root.join("src"), "rs", &mut sources);
        files_under(&root.join("components"), "rs", &mut sources);
        assert!(sources.iter().any(|p| p.ends_with("oews/src/lib.rs")));
        let this = root.join("src").join("web").join("trusted.rs");
        for path in sources.into_iter().filter(|p| *p != this) {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains("HtmlSafe"),
                "{} marks a type HtmlSafe: only src/web/trusted.rs may",
                path.display()
            );
        }
    }
}
