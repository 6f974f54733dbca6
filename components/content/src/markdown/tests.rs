//! Tests of the one Markdown entry point: headings, links, figures, footnotes and refusals.

use super::*;

fn render_at(content_path: &str, body: &str) -> Rendered {
    let urls: HashMap<PathBuf, String> = [
        ("index.md", "/"),
        ("about.md", "/about"),
        ("guide/salary.md", "/guide/salary"),
        ("guide/outlook.md", "/guide/outlook"),
    ]
    .into_iter()
    .map(|(file, url)| (PathBuf::from(file), url.to_string()))
    .collect();
    let file = Path::new("content").join(content_path);
    let ctx = RenderContext {
        file: &file,
        content_path: Path::new(content_path),
        urls: &urls,
        first_line: 10,
        figures: &TestFigures,
        reviewed_html: &["<br>".to_string()],
        anchor_label: "Link to this section",
    };
    super::render(body, &ctx)
}

fn render(body: &str) -> Rendered {
    render_at("guide/salary.md", body)
}

struct TestFigures;

impl Figures for TestFigures {
    fn inline(&self, key: &str) -> Result<String, String> {
        match key {
            "median" => Ok("$58,250".into()),
            _ => Err(format!("no figure `{key}`")),
        }
    }

    fn table(&self, name: &str) -> Result<String, String> {
        match name {
            "pay" => Ok("| Job | Pay |\n|---|---|\n| [Tech](/guide/outlook) | $1 |\n".into()),
            _ => Err(format!("no table `{name}`")),
        }
    }
}

#[test]
fn replaces_figure_tokens_in_text_and_headings() {
    let out = render("## Median: {{fig:median}}\n\nThe median was {{fig:median}} in May 2022.\n");
    assert!(
        out.html.contains("The median was $58,250 in May 2022."),
        "{}",
        out.html
    );
    assert_eq!(out.headings[0].text, "Median: $58,250");
    assert!(out.problems.is_empty());
}

#[test]
fn expands_a_table_token_and_checks_its_links() {
    let out = render("Before.\n\n{{table:pay}}\n\nAfter.\n");
    assert!(out.html.contains("<table>"), "{}", out.html);
    assert!(out.html.contains(r#"<a href="/guide/outlook">Tech</a>"#));
    assert_eq!(
        out.word_count, 2,
        "generated tables are not the page's own words"
    );
    assert_eq!(
        out.links[0].line, 12,
        "links in a table report the token's line"
    );
}

#[test]
fn reports_unknown_figures_tables_and_tokens_with_their_lines() {
    let out =
        render("A {{fig:nope}} b.\n\n{{table:nope}}\n\nC {{oops}} and `{{fig:nope}}` in code.\n");
    let messages: Vec<_> = out
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (Some(10), "`{{fig:nope}}`: no figure `nope`"),
            (Some(12), "`{{table:nope}}`: no table `nope`"),
            (Some(14), "unknown token `{{oops}}`"),
        ]
    );
}

#[test]
fn renders_heading_anchors_from_text() {
    let out = render("## What moves pay?\n\n### Experience & education\n");
    assert!(
            out.html
                .contains(r##"<h2 id="what-moves-pay">What moves pay? <a class="heading-anchor" href="#what-moves-pay">"##),
            "{}",
            out.html
        );
    assert!(out.html.contains(r#"<h3 id="experience-education">"#));
    assert_eq!(out.headings[1].level, 3);
    assert_eq!(out.headings[1].text, "Experience & education");
}

#[test]
fn keeps_explicit_heading_ids() {
    let out = render("## Median pay by occupation {#median-pay}\n");
    assert_eq!(out.headings[0].id, "median-pay");
    assert_eq!(out.headings[0].text, "Median pay by occupation");
}

#[test]
fn makes_repeated_heading_ids_unique() {
    let out = render("## Pay\n\n## Pay\n\n## Pay\n");
    let ids: Vec<_> = out.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["pay", "pay-1", "pay-2"]);
}

#[test]
fn reports_a_repeated_explicit_id_with_its_line() {
    let out = render("## One {#same}\n\n## Two {#same}\n");
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].line, Some(12));
    assert!(out.problems[0].message.contains("`same` is already used"));
}

#[test]
fn keeps_heading_ids_apart_from_the_layouts_ids() {
    let out = render("## Main\n\n## Page sources {#page-sources}\n");
    assert_eq!(out.headings[0].id, "main-1");
    assert_eq!(out.problems.len(), 1);
    assert!(out.problems[0].fix.contains("the layout keeps"));
}

#[test]
fn slugifies_punctuation_and_apostrophes() {
    assert_eq!(
        slugify("HIM vs. health informatics"),
        "him-vs-health-informatics"
    );
    assert_eq!(slugify("What's a master’s worth?"), "whats-a-masters-worth");
    assert_eq!(slugify("RHIA (AHIMA)"), "rhia-ahima");
    assert_eq!(slugify("!!!"), "section");
}

#[test]
fn rewrites_markdown_file_links_to_site_paths() {
    let out = render("See [outlook](outlook.md#projections) and [about](../about.md).");
    assert!(
        out.html.contains(r#"href="/guide/outlook#projections""#),
        "{}",
        out.html
    );
    assert!(out.html.contains(r#"href="/about""#));
    assert_eq!(
        out.links[0],
        InternalLink {
            path: Some("/guide/outlook".into()),
            fragment: Some("projections".into()),
            line: 10
        }
    );
}

#[test]
fn collects_site_paths_and_same_page_anchors() {
    let out = render("[a](/guide/outlook/#x) [b](#top)\n");
    assert_eq!(out.links[0].path.as_deref(), Some("/guide/outlook"));
    assert_eq!(out.links[0].fragment.as_deref(), Some("x"));
    assert_eq!(out.links[1].path, None);
    assert_eq!(out.links[1].fragment.as_deref(), Some("top"));
    assert!(out.problems.is_empty());
}

#[test]
fn leaves_external_links_alone() {
    let out = render("[BLS](https://www.bls.gov/ooh/) [mail](mailto:a@b.org)");
    assert!(out.links.is_empty());
    assert!(out.problems.is_empty());
    assert!(out.html.contains(r#"href="https://www.bls.gov/ooh/""#));
}

#[test]
fn reports_links_to_missing_files_and_bad_schemes() {
    let out = render("[x](nowhere.md)\n\n[y](javascript:alert(1))\n\n[z](other/page)");
    let messages: Vec<_> = out.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages[0].contains("`nowhere.md` points to a file that is not a page"));
    assert!(messages[1].contains("`javascript:` scheme"));
    assert!(messages[2].contains("relative path that is not a Markdown file"));
    assert_eq!(out.problems[1].line, Some(12));
}

#[test]
fn refuses_raw_html_and_level_one_headings() {
    let out = render("# Title\n\nText <b>bold</b>\n\n<div>block</div>\n");
    assert_eq!(out.problems.len(), 4, "{:?}", out.problems);
    assert!(out.problems[0].message.contains("level-1 heading"));
    assert!(
        out.problems
            .iter()
            .skip(1)
            .all(|p| p.message.contains("raw HTML"))
    );
    assert!(!out.html.contains("<b>"));
    assert!(!out.html.contains("<div>"));
}

#[test]
fn lets_through_only_raw_html_an_editor_reviewed() {
    let out = render("Line one<br>line two and <br/>.\n");
    assert!(out.html.contains("Line one<br>line two"), "{}", out.html);
    assert_eq!(
        out.problems.len(),
        1,
        "`<br/>` was not the reviewed snippet"
    );
    assert!(out.problems[0].fix.contains("reviewed_html"));
}

#[test]
fn renders_tables_without_inline_styles() {
    let out = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
    assert!(out.html.contains("<table>"));
    assert!(!out.html.contains("style="), "{}", out.html);
}

#[test]
fn prefixes_footnote_ids_and_counts_them_as_anchors() {
    let out = render("Claim.[^1]\n\n[^1]: The source.\n");
    assert!(out.html.contains(r##"href="#fn-1""##), "{}", out.html);
    assert!(out.html.contains(r#"id="fn-1""#));
    assert!(out.anchors.contains("fn-1"));
}

#[test]
fn counts_words() {
    assert_eq!(
        render("One two three.\n\n- four\n- `five six`\n").word_count,
        6
    );
}

proptest::proptest! {
    #[test]
    fn no_markdown_makes_rendering_panic(body in "(\\PC|[#*_`\\[\\]()<>!|{}:^\n -])*") {
        let out = render(&body);
        // Whatever the input, raw HTML never reaches the output.
        proptest::prop_assert!(!out.html.contains("<script"));
    }
}
