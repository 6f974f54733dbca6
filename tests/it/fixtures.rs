//! Whole fixture sites: the good one loads; each broken one fails with the message an editor reads.

use std::process::Command;

use him_guide::site::Site;

use crate::helpers::fixture;

/// The problems report for a fixture that must fail to load.
fn report(name: &str) -> String {
    match Site::load(&fixture(name)) {
        Ok(_) => panic!("fixture {name} loaded, but it is broken on purpose"),
        Err(problems) => problems.to_string(),
    }
}

#[test]
fn good_fixture_loads_with_slugs_tocs_and_rewritten_links() {
    let site = Site::load(&fixture("good")).unwrap_or_else(|problems| panic!("{problems}"));
    let urls: Vec<_> = site.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        urls,
        ["/", "/guide/first", "/guide/second", "/sources", "/about"],
        "ordered by kind, then weight"
    );
    let first = site.page("/guide/first").unwrap();
    let toc: Vec<_> = first.toc.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(toc, ["one", "two", "three"]);
    assert_eq!(first.toc[2].children[0].id, "three-point-one");
    assert!(
        first.html.contains(r#"href="/guide/second#details""#),
        "{}",
        first.html
    );
    let home = site.page("/").unwrap();
    assert!(home.html.contains(r#"href="/guide/first""#));
    assert!(
        !home.html.contains("style="),
        "aligned cells must not carry inline styles"
    );
}

#[test]
fn reports_every_front_matter_problem_with_file_line_and_fix() {
    let report = report("broken-front-matter");
    assert!(
        report.starts_with("found 3 problems in the content:"),
        "{report}"
    );
    assert!(
        report
            .contains("content/en/guide/bad-toml.md:3: front matter: string values must be quoted")
    );
    assert!(
        report.contains("content/en/guide/bare.md:1: the page does not start with front matter")
    );
    assert!(
        report.contains("content/en/guide/extra-key.md:7: front matter: unknown field `author`")
    );
    assert!(report.contains("fix: remove the key or correct its spelling"));
}

#[test]
fn reports_every_broken_link_with_its_line() {
    let report = report("broken-links");
    assert!(
        report.starts_with("found 4 problems in the content:"),
        "{report}"
    );
    assert!(
        report.contains("content/en/guide/links.md:10: broken link: no page at /guide/missing")
    );
    assert!(report.contains(
        "content/en/guide/links.md:10: broken link: /guide/links#nowhere has no anchor `nowhere`"
    ));
    assert!(report.contains(
        "content/en/guide/links.md:12: the link `gone.md` points to a file that is not a page"
    ));
    assert!(report.contains(
        "content/en/guide/links.md:12: the link `javascript:alert(1)` uses the `javascript:` scheme"
    ));
}

#[test]
fn reports_an_unknown_source_id() {
    let report = report("unknown-source");
    assert!(
        report.contains("content/en/guide/cites.md:5: unknown source id `made-up` in `sources`"),
        "{report}"
    );
    assert!(report.contains("fix: use an id listed in content/sources.toml"));
}

#[test]
fn reports_two_pages_claiming_one_url() {
    let report = report("duplicate-slug");
    assert!(
        report.contains("content/en/guide/two.md: the page's URL /guide/same is already taken by content/en/guide/one.md"),
        "{report}"
    );
    assert!(report.contains("give one of the two pages a different `slug`"));
}

#[test]
fn reports_a_missing_content_folder() {
    let report = report("no-content");
    assert!(
        report.contains("no-content/content: the content folder does not exist"),
        "{report}"
    );
    assert!(report.contains("pass --site-dir"));
}

fn check(site: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_him-guide"))
        .args(["check", "--site-dir"])
        .arg(site)
        .env_remove("HIM_GUIDE_SITE_DIR")
        .output()
        .expect("the binary runs")
}

#[test]
fn check_command_exits_zero_on_clean_content() {
    let output = check(&fixture("good"));
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("content is clean: 5 pages and 2 sources"),
        "{stdout}"
    );
}

#[test]
fn check_command_exits_one_and_lists_problems_on_broken_content() {
    let output = check(&fixture("broken-links"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("found 4 problems in the content:"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was served"));
}

#[test]
fn serve_refuses_to_start_on_broken_content() {
    let output = Command::new(env!("CARGO_BIN_EXE_him-guide"))
        .args(["serve", "--addr", "127.0.0.1:0", "--site-dir"])
        .arg(fixture("unknown-source"))
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("unknown source id `made-up`")
    );
}

#[test]
fn reports_aliases_that_clash_or_are_not_paths() {
    let report = report("alias-clash");
    assert!(
        report.contains(
            "content/en/guide/one.md:7: the alias `/sources` is the address of a page that exists"
        ),
        "{report}"
    );
    assert!(report.contains("content/en/guide/two.md:7: the alias `/guide/former` is already an alias of content/en/guide/one.md"), "{report}");
    assert!(
        report.contains("content/en/guide/three.md:7: the alias `guide/../x` is not a site path"),
        "{report}"
    );
    // Addresses the site answers itself: before the one route table, these passed the check and
    // then never redirected.
    for alias in ["/embed/salary", "/favicon.ico", "/assets/x.css"] {
        let line = format!(
            "content/en/guide/four.md:7: the alias `{alias}` is an address the site answers itself"
        );
        assert!(report.contains(&line), "{line}\n{report}");
    }
    assert!(
        report.contains(
            "content/en/guide/four.md:7: the alias `/guide/one/fact-sheet` is the address of a page that exists"
        ),
        "{report}"
    );
}

#[test]
fn a_page_outside_its_language_folder_is_refused_with_where_it_goes() {
    let site = crate::helpers::scratch("stray-page");
    crate::helpers::copy_dir(&fixture("good"), &site);
    std::fs::rename(
        site.join("content/en/about.md"),
        site.join("content/about.md"),
    )
    .unwrap();
    let report = match Site::load(&site) {
        Ok(_) => panic!("a page outside content/en/ loaded"),
        Err(problems) => problems.to_string(),
    };
    assert!(
        report.contains(
            "content/about.md: a page outside a language folder\n   fix: move it to content/en/about.md"
        ),
        "{report}"
    );
    std::fs::remove_dir_all(site.join("content/en")).unwrap();
    let Err(problems) = Site::load(&site) else {
        panic!("a site without content/en/ loaded");
    };
    let report = problems.to_string();
    assert!(
        report.contains("content/en: the folder of this language's pages does not exist"),
        "{report}"
    );
}

#[test]
fn the_projections_extract_must_cover_every_occupation_the_guide_names() {
    let site = crate::helpers::scratch("projections");
    crate::helpers::copy_dir(&fixture("good"), &site);
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/projections");
    crate::helpers::copy_dir(&shipped, &site.join("content/projections"));
    let sources = site.join("content/sources.toml");
    let listed = std::fs::read_to_string(&sources).unwrap();
    let Err(problems) = Site::load(&site) else {
        panic!("a site whose projections' source is not listed loaded");
    };
    assert!(
        problems.to_string().contains(
            "content/projections/release.toml: the projections edition 2024-34 has no source \
             `bls-ep-2024-34`"
        ),
        "{problems}"
    );
    std::fs::write(
        &sources,
        format!(
            "{listed}\n[[source]]\nid = \"bls-ep-2024-34\"\ntitle = \"Projections\"\nshort = \"BLS 2024-34\"\n\
             kind = \"data\"\ndate = \"2025\"\ncontributed = \"Projections for the fixture.\"\n"
        ),
    )
    .unwrap();
    let loaded = Site::load(&site).unwrap_or_else(|problems| panic!("{problems}"));
    let projections = loaded.projections.expect("the extract is read");
    assert_eq!(projections.release.edition, "2024-34");
    let added = loaded.salary.projection("technologist-2024-34").unwrap();
    assert_eq!(
        (
            added.growth_percent,
            added.new_jobs,
            added.openings_per_year
        ),
        (15, Some(6_200), Some(3_200)),
        "14.7% rounds to 15%, as BLS's Handbook shows it"
    );
    assert_eq!(
        loaded
            .salary
            .latest_projection("technologist")
            .map(|p| p.window.as_str()),
        Some("2024-34")
    );
    // The entry education the quick facts and structured data show must be the edition's.
    let salary = site.join("content/salary.toml");
    let salary_text = std::fs::read_to_string(&salary).unwrap();
    let stale_line = salary_text
        .lines()
        .position(|l| l.starts_with("entry_education"))
        .expect("the fixture's technologist has an entry education")
        + 1;
    std::fs::write(
        &salary,
        salary_text.replacen(
            "entry_education = \"Associate's degree\"",
            "entry_education = \"Bachelor's degree\"",
            1,
        ),
    )
    .unwrap();
    let Err(problems) = Site::load(&site) else {
        panic!("a site whose entry education disagrees with its projections loaded");
    };
    assert!(
        problems.to_string().contains(&format!(
            "content/salary.toml:{stale_line}: occupation `technologist` (29-9021) gives its entry \
             education as `Bachelor's degree`, but BLS's 2024-34 projections give `Associate's \
             degree`\n   fix: write entry_education = \"Associate's degree\""
        )),
        "{problems}"
    );
    std::fs::write(&salary, &salary_text).unwrap();
    let table = site.join("content/projections/occupations.tsv");
    let text = std::fs::read_to_string(&table).unwrap();
    let without: Vec<&str> = text.lines().filter(|l| !l.starts_with("29-9021")).collect();
    std::fs::write(&table, without.join("\n")).unwrap();
    let Err(problems) = Site::load(&site) else {
        panic!("a site whose projections lack its occupation loaded");
    };
    assert!(
        problems.to_string().contains(
            "content/projections/occupations.tsv: the projections extract has no row for \
             technologist (29-9021), which content/salary.toml names"
        ),
        "{problems}"
    );
    std::fs::remove_dir_all(&site).unwrap();
}
