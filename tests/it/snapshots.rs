//! Snapshots of what readers and programs receive from the fixture site: the `<main>` fragment of a
//! chapter and of the salary comparison, and the JSON and CSV answers; and, on the pay-site fixture,
//! of `/pay`, a state's page and a metropolitan area's. A change to any of them shows
//! as a reviewable diff (`cargo insta review`, or compare the `.snap.new` file insta writes).

use crate::helpers::{Html, TestApp, fixture, pay_site};

fn main_fragment(body: &str) -> String {
    let html = Html::parse(body);
    let main = html.select("main");
    assert_eq!(main.len(), 1, "one <main>");
    main[0].html()
}

#[test]
fn pages_json_and_csv_keep_their_shape() {
    let app = TestApp::spawn(&fixture("good"));
    let chapter = app.get("/guide/first");
    insta::assert_snapshot!("chapter_main", main_fragment(&chapter.body));
    let offer = "occupation=technologist&offer=24.50&period=hour";
    let salary = app.get(&format!("/salary?{offer}&display=month"));
    insta::assert_snapshot!("salary_offer_main", main_fragment(&salary.body));
    let rejected = app.get("/salary?offer=lots&period=fortnight");
    assert_eq!(rejected.status, 400);
    insta::assert_snapshot!("salary_rejected_main", main_fragment(&rejected.body));
    insta::assert_snapshot!(
        "salary_json",
        app.get(&format!("/salary.json?{offer}")).body
    );
    insta::assert_snapshot!(
        "salary_csv",
        app.get(&format!("/salary.csv?compare=settings&{offer}"))
            .body
    );
}

#[test]
fn pay_pages_keep_their_shape() {
    // The pay-site fixture: /pay, a state (Wyoming, whose technologists' 75th and 90th percentiles
    // are equal) and a metropolitan area (Austin, with an imprecise count).
    let app = TestApp::spawn(&pay_site());
    for (name, path) in [
        ("pay_index_main", "/pay"),
        ("pay_state_main", "/pay/wyoming"),
        ("pay_metro_main", "/pay/austin-round-rock-san-marcos-tx"),
    ] {
        let answer = app.get(path);
        assert_eq!(answer.status, 200, "{path}");
        insta::assert_snapshot!(name, main_fragment(&answer.body));
    }
}
