//! Where to study: `/programs` with its JSON and CSV, the states' lists, the schools' pages, and
//! the schools on the pay pages, on the pay-site fixture's schools (`tests/fixtures/pay-site/
//! content/schools/`). Tests pick schools by what they hold, not by name, so a new cut of the
//! fixture breaks none.

use him_guide::schools::{Field, Level, Order, Route, School, Schools};
use him_guide::site::Site;

use crate::helpers::{Html, TestApp, pay_site};

fn site() -> Site {
    Site::load(&pay_site()).unwrap_or_else(|p| panic!("{p}"))
}

fn schools(site: &Site) -> &Schools {
    site.schools.as_ref().expect("the pay site has schools")
}

fn school_where(site: &Site, keep: impl Fn(&School) -> bool) -> School {
    schools(site)
        .all()
        .iter()
        .find(|s| keep(s))
        .cloned()
        .expect("the fixture has such a school")
}

#[test]
fn the_fixture_has_each_case_the_pages_must_handle() {
    let site = site();
    let all = schools(&site).all();
    assert!(
        all.iter().any(|s| s.tuition_in_state.is_none()),
        "a school without tuition"
    );
    assert!(
        all.iter().any(|s| s.area.is_none()),
        "a school in no metro area"
    );
    assert!(
        all.iter()
            .flat_map(|s| &s.programmes)
            .any(|p| p.completers == 0),
        "a programme with 0 completers"
    );
    let areas: std::collections::BTreeSet<_> = all.iter().filter_map(|s| s.area).collect();
    assert!(areas.len() >= 2, "schools in two metro areas: {areas:?}");
}

#[test]
fn the_bare_page_lists_the_states_and_says_what_the_data_cannot() {
    let site = site();
    let app = TestApp::spawn(&pay_site());
    let answer = app.get("/programs");
    assert_eq!(answer.status, 200);
    let html = Html::parse(&answer.body);
    let cahiim = html.select("a[href^='https://www.cahiim.org/']");
    assert!(!cahiim.is_empty(), "links CAHIIM's directory");
    let states: Vec<String> = html
        .select("#states-title ~ ul a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    let with_schools: Vec<String> = site
        .areas
        .states()
        .filter(|s| schools(&site).in_state(s.state).next().is_some())
        .map(|s| format!("/programs/{}", s.slug))
        .collect();
    assert_eq!(states, with_schools);
    for state in &states {
        assert_eq!(app.get(state).status, 200, "{state}");
    }
    assert!(
        html.select(".search-results").is_empty(),
        "no results before a search"
    );
}

#[test]
fn a_search_filters_by_name_level_field_and_kind_and_every_format_agrees() {
    let site = site();
    let app = TestApp::spawn(&pay_site());
    let first = &schools(&site).all()[0];
    let word = first.name.split_whitespace().next().unwrap();
    let page = app.get(&format!("/programs?q={word}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(&format!("href=\"/schools/{}\"", first.unitid))
    );

    // A school is found by its metro area's or state's name too, not only its own and its city's.
    let first_word = |code| {
        let area = site.areas.by_code(code).unwrap();
        area.name
            .split(['-', ',', ' '])
            .next()
            .unwrap()
            .to_lowercase()
    };
    let outside_its_city = school_where(&site, |s| {
        s.area.is_some_and(|code| {
            let word = first_word(code);
            !s.name.to_lowercase().contains(&word) && !s.city.to_lowercase().contains(&word)
        })
    });
    let area = site.areas.by_code(outside_its_city.area.unwrap()).unwrap();
    let first_word = first_word(area.code);
    let page = app.get(&format!("/programs?q={first_word}"));
    assert!(
        page.body
            .contains(&format!("href=\"/schools/{}\"", outside_its_city.unitid)),
        "{} in {} found by {first_word}",
        outside_its_city.name,
        area.name
    );

    // An associate's in HIM technology: every programme listed is one, and each says the RHIT.
    let query = "level=associate&field=technology";
    let html = Html::parse(&app.get(&format!("/programs?{query}")).body);
    let listed = html.select(".school-list > li");
    let expected = schools(&site).search(
        &him_guide::schools::Filter {
            levels: vec![Level::Associate],
            fields: vec![Field::Technology],
            ..Default::default()
        },
        Order::Level,
    );
    assert!(!expected.is_empty(), "the fixture has an HIM associate's");
    assert_eq!(listed.len(), expected.len());
    assert_eq!(Route::of(Field::Technology, Level::Associate), Route::Rhit);
    for route in html.texts(".school-list .route") {
        assert!(route.contains("RHIT"), "{route}");
    }

    let json = app.get(&format!("/programs.json?{query}"));
    assert_eq!(json.status, 200);
    assert_eq!(json.content_type, "application/json");
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(value["count"], expected.len());
    assert_eq!(value["query"], query);
    assert!(value["caveat"].as_str().unwrap().contains("CAHIIM"));
    for school in value["schools"].as_array().unwrap() {
        for programme in school["programs"].as_array().unwrap() {
            assert_eq!(programme["level"], "associate");
            assert_eq!(programme["route"], "rhit-if-accredited");
        }
    }
    let csv = app.get(&format!("/programs.csv?{query}"));
    assert_eq!(csv.status, 200);
    let rows = csv.body.lines().count() - 1;
    let programmes: usize = expected.iter().map(|h| h.programmes().count()).sum();
    assert_eq!(rows, programmes);
    assert!(csv.body.starts_with("unitid,school,city,state,control"));
}

#[test]
fn hostile_values_get_the_form_back_with_400_and_never_markup() {
    let app = TestApp::spawn(&pay_site());
    let markup = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22";
    for parameter in ["state", "area", "level", "field", "control", "sort", "page"] {
        for route in ["/programs", "/programs.json", "/programs.csv"] {
            let target = format!("{route}?{parameter}={markup}");
            let answer = app.get(&target);
            assert_eq!(answer.status, 400, "{target}");
            assert!(
                !answer.body.contains("<script>"),
                "{target}: {}",
                answer.body
            );
            if route == "/programs" {
                let html = Html::parse(&answer.body);
                assert_eq!(html.select("form[action='/programs']").len(), 1, "{target}");
                assert_eq!(html.select("[role=alert]").len(), 1, "{target}");
            }
        }
    }
    // Typed words are kept and escaped: a search for markup finds nothing and says so.
    let answer = app.get(&format!("/programs?q={markup}"));
    assert_eq!(answer.status, 200);
    assert!(!answer.body.contains("<script>"));
    let html = Html::parse(&answer.body);
    let kept = html.select("input#q")[0]
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert_eq!(kept, "<script>alert(1)</script>\"");
    for target in [
        format!("/programs?q={}", "x".repeat(101)),
        "/programs?q=a&q=b".to_string(),
        "/programs?page=0".to_string(),
        "/programs?page=999".to_string(),
        "/programs?q=%ZZ".to_string(),
        "/programs?q=%FF".to_string(),
    ] {
        let answer = app.get(&target);
        assert_eq!(answer.status, 400, "{target}");
    }
    assert_eq!(app.get("/programs?utm_source=x").status, 200);
    for missing in [
        "/schools/999999",
        "/schools/abc",
        "/schools/",
        "/programs/atlantis",
    ] {
        assert_eq!(app.get(missing).status, 404, "{missing}");
    }
}

#[test]
fn a_school_page_labels_each_figure_and_links_the_pay_where_it_is() {
    let site = site();
    let app = TestApp::spawn(&pay_site());
    let in_area = school_where(&site, |s| s.area.is_some() && s.tuition_in_state.is_some());
    let page = app.get(&format!("/schools/{}", in_area.unitid));
    assert_eq!(page.status, 200);
    let html = Html::parse(&page.body);
    assert_eq!(html.texts("h1"), std::slice::from_ref(&in_area.name));
    let area = site.areas.by_code(in_area.area.unwrap()).unwrap();
    assert!(
        page.body.contains(&format!("href=\"{}\"", area.url())),
        "links its area's pay"
    );
    assert_eq!(html.select("table").len(), 2, "programmes and pay");
    assert_eq!(
        html.select("#programmes-title ~ div tbody tr").len(),
        in_area.programmes.len()
    );
    assert!(
        page.body.contains("if CAHIIM accredits it") || page.body.contains("Coding credentials")
    );
    assert!(page.body.contains("before any grant or scholarship"));
    assert!(
        page.body
            .contains("not for its health information students")
    );
    assert!(page.body.contains("https://www.cahiim.org/"));
    let json_ld = html.select("script[type='application/ld+json']");
    let data: serde_json::Value =
        serde_json::from_str(&json_ld[0].text().collect::<String>()).unwrap();
    assert_eq!(data["@graph"][0]["@type"], "EducationalOrganization");
    assert_eq!(data["@graph"][1]["@type"], "EducationalOccupationalProgram");

    let no_tuition = school_where(&site, |s| s.tuition_in_state.is_none());
    let page = app.get(&format!("/schools/{}", no_tuition.unitid));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Not published"));

    let outside = school_where(&site, |s| s.area.is_none());
    let page = app.get(&format!("/schools/{}", outside.unitid));
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("outside the metropolitan areas BLS publishes pay for")
    );

    let zero = school_where(&site, |s| s.programmes.iter().any(|p| p.completers == 0));
    let html = Html::parse(&app.get(&format!("/schools/{}", zero.unitid)).body);
    assert!(
        html.texts("#programmes-title ~ div td")
            .iter()
            .any(|t| t == "0")
    );
}

#[test]
fn pay_pages_list_their_schools_and_the_comparison_links_them() {
    let site = site();
    let app = TestApp::spawn(&pay_site());
    let school = school_where(&site, |s| s.area.is_some());
    let area = site.areas.by_code(school.area.unwrap()).unwrap();
    let page = app.get(&area.url());
    assert!(
        page.body
            .contains(&format!("href=\"/schools/{}\"", school.unitid))
    );
    assert!(page.body.contains(&format!("/programs?area={}", area.code)));
    let state = site.areas.state_of(area).unwrap();
    let page = app.get(&state.url());
    assert!(
        page.body
            .contains(&format!("href=\"/programs/{}\"", state.slug))
    );
    let comparison = app.get(&format!("/salary?area={}", area.code));
    assert!(
        comparison
            .body
            .contains(&format!("/programs?area={}", area.code))
    );
    // An area search lists exactly the area's schools.
    let html = Html::parse(&app.get(&format!("/programs?area={}", area.code)).body);
    assert_eq!(
        html.select(".school-list > li").len(),
        schools(&site).in_area(area.code).count()
    );
}

#[test]
fn the_sitemap_has_the_search_the_states_and_every_school() {
    let site = site();
    let app = TestApp::spawn(&pay_site());
    let sitemap = app.get("/sitemap.xml").body;
    assert!(sitemap.contains("/programs</loc>"));
    for school in schools(&site).all() {
        assert!(sitemap.contains(&format!("/schools/{}</loc>", school.unitid)));
    }
}

#[test]
fn a_search_asked_for_again_is_kept_and_each_format_keeps_its_headers() {
    let app = TestApp::spawn(&pay_site());
    let kept = || app.state().program_answers.bytes();
    for target in [
        "/programs?level=associate",
        "/programs.json?level=associate",
        "/programs.csv?level=associate",
    ] {
        let before = kept();
        let first = app.get(target);
        assert_eq!(kept(), before, "{target}: asked once, not kept");
        let second = app.get(target);
        assert!(kept() > before, "{target}: asked twice, kept");
        let third = app.get(target);
        assert_eq!(first.body, second.body, "{target}");
        assert_eq!(second.body, third.body, "{target}");
        assert_eq!(first.content_type, third.content_type, "{target}");
        assert!(third.headers.get("etag").is_some(), "{target}");
        if target.contains(".csv") {
            for answer in [&first, &third] {
                assert_eq!(
                    answer.headers.get("content-disposition").unwrap(),
                    "attachment; filename=\"him-programs.csv\""
                );
            }
        }
    }
    // A rejected search is never kept.
    let before = kept();
    for _ in 0..3 {
        assert_eq!(app.get("/programs?level=phd").status, 400);
    }
    assert_eq!(kept(), before);
}
