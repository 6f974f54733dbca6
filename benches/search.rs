//! What one answer of `/programs` costs the server, without the network: the shipped site served
//! in-process through the one app factory, a new search each request (so none is served from the
//! answers kept), timed in batches; and the search alone (`Schools::search`), without the page.
//! It prints the fastest batch and the median per request: the fastest is the figure to compare
//! between two builds on a machine others share.
//!
//!   cargo bench --bench search            # BATCHES=30 REQUESTS=2000 by default

use std::time::{Duration, Instant};

use actix_web::{test, web};
use him_guide::config::Settings;
use him_guide::schools::{Filter, Level, Order};
use him_guide::site::Site;
use him_guide::web::{AppState, app};

/// The searches timed: every school by name (50 on a page, the most a page shows) and a narrow one.
const SEARCHES: [(&str, &str); 3] = [
    ("every school, by name", "/programs?sort=name"),
    (
        "every school, shortest award first",
        "/programs?level=associate&level=bachelor",
    ),
    (
        "a search",
        "/programs?q=college&state=texas&level=associate",
    ),
];

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[actix_web::main]
async fn main() {
    let batches = setting("BATCHES", 30);
    let requests = setting("REQUESTS", 2000);
    let site_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let settings = Settings {
        addr: "127.0.0.1:0".parse().expect("an address"),
        base_url: "http://127.0.0.1".into(),
        site_dir: site_dir.clone(),
    };
    let site = Site::load(&site_dir).unwrap_or_else(|problems| panic!("{problems}"));
    let schools = site
        .schools
        .clone()
        .expect("the shipped site has its schools");
    let state = web::Data::new(AppState::new(site, &settings).expect("the site renders"));
    let service = test::init_service(app(state)).await;
    println!("{batches} batches of {requests} requests, a new search each; per request:\n");
    println!("| search | fastest batch | median batch |\n|---|---|---|");
    let mut tag = 0u64;
    for (name, search) in SEARCHES {
        let mut per_request: Vec<Duration> = Vec::with_capacity(batches);
        for _ in 0..batches {
            let started = Instant::now();
            for _ in 0..requests {
                tag += 1;
                let request = test::TestRequest::get()
                    .uri(&format!("{search}&ref={tag}"))
                    .to_request();
                let answer = test::call_service(&service, request).await;
                assert!(
                    answer.status().is_success(),
                    "{search} answered {}",
                    answer.status()
                );
            }
            per_request.push(started.elapsed() / requests as u32);
        }
        print_row(name, per_request);
    }

    println!("\nThe search alone, {batches} batches of {requests}:\n");
    println!("| search | fastest batch | median batch |\n|---|---|---|");
    let associate = Filter {
        levels: vec![Level::Associate],
        ..Filter::default()
    };
    for (name, filter, order) in [
        ("every school, by name", Filter::default(), Order::Name),
        ("associate's, shortest award first", associate, Order::Level),
    ] {
        let per_request = (0..batches)
            .map(|_| {
                let started = Instant::now();
                for _ in 0..requests {
                    std::hint::black_box(schools.search(std::hint::black_box(&filter), order));
                }
                started.elapsed() / requests as u32
            })
            .collect();
        print_row(name, per_request);
    }
}

fn print_row(name: &str, mut per_request: Vec<Duration>) {
    per_request.sort();
    println!(
        "| {name} | {:.2} µs | {:.2} µs |",
        per_request[0].as_secs_f64() * 1e6,
        per_request[per_request.len() / 2].as_secs_f64() * 1e6
    );
}
