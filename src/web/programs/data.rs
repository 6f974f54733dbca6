//! `/programs.json` and `/programs.csv`: every school a search finds, for counsellors, with each
//! figure's year and source. A search that cannot be answered gets status 400 and its reason.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::list::read_query;
use super::wording::{cannot_say, problem_words, route_words};
use crate::schools::{Hit, Role, Route, Schools, school_url};
use crate::site::Site;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::prepared::{CACHE_PAGE, Keep, Prepared, respond};

const JSON: &str = "application/json";
const CSV: &str = "text/csv; charset=utf-8";

/// The machine name of a route, in JSON and CSV.
fn route_name(route: Route) -> &'static str {
    match route {
        Route::Rhit => "rhit-if-accredited",
        Route::Rhia => "rhia-if-accredited",
        Route::CodingCredentials => "coding-credentials",
        Route::Neither => "neither",
    }
}

#[derive(Serialize)]
struct JsonSource<'a> {
    role: &'static str,
    year: &'a str,
    source: String,
    file: &'a str,
}

#[derive(Serialize)]
struct JsonProgramme {
    cip: &'static str,
    field: &'static str,
    level: &'static str,
    /// IPEDS's award level code.
    award_level: u8,
    completers: u32,
    /// What the programme can lead to if CAHIIM accredits it (IPEDS does not say whether it is).
    route: &'static str,
    route_words: String,
}

#[derive(Serialize)]
struct JsonSchool<'a> {
    unitid: String,
    name: &'a str,
    city: &'a str,
    state: &'a str,
    control: &'static str,
    /// The OEWS metropolitan area, if BLS publishes one for the school's place.
    area: Option<JsonArea<'a>>,
    page: String,
    website: Option<&'a str>,
    net_price_calculator: Option<&'a str>,
    /// Published tuition and fees a year, whole dollars.
    tuition_in_state: Option<u32>,
    tuition_out_of_state: Option<u32>,
    /// Whole school, not the programme.
    graduation_percent: Option<u8>,
    earnings_10_years: Option<u32>,
    #[serde(rename = "programs")]
    programmes: Vec<JsonProgramme>,
}

#[derive(Serialize)]
struct JsonArea<'a> {
    code: String,
    name: &'a str,
    page: String,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    /// The canonical query that gives these results.
    query: String,
    page: String,
    academic_year: &'a str,
    count: usize,
    caveat: String,
    sources: Vec<JsonSource<'a>>,
    schools: Vec<JsonSchool<'a>>,
}

fn answer_json(
    site: &Site,
    schools: &Schools,
    base_url: &str,
    query_string: String,
    hits: &[Hit<'_>],
) -> serde_json::Result<Vec<u8>> {
    let w = &site.words.programs;
    let release = &schools.release;
    let caveat: String = cannot_say(w)
        .into_iter()
        .map(|segment| match segment.href {
            Some(href) => format!("{} ({href})", segment.text),
            None => segment.text,
        })
        .collect();
    let answer = JsonAnswer {
        page: format!("{base_url}{}", super::list::search_url_of(&query_string)),
        query: query_string,
        academic_year: &release.academic_year,
        count: hits.len(),
        caveat,
        sources: Role::ALL
            .into_iter()
            .map(|role| {
                let file = release.file(role);
                JsonSource {
                    role: role.name(),
                    year: &file.year,
                    source: format!("{base_url}/sources#{}", file.source),
                    file: &file.name,
                }
            })
            .collect(),
        schools: hits
            .iter()
            .map(|hit| {
                let s = hit.school;
                JsonSchool {
                    unitid: s.unitid.to_string(),
                    name: &s.name,
                    city: &s.city,
                    state: &s.state,
                    control: s.control.slug(),
                    area: s
                        .area
                        .and_then(|code| site.areas.by_code(code))
                        .map(|l| JsonArea {
                            code: l.code.to_string(),
                            name: &l.name,
                            page: format!("{base_url}{}", l.url()),
                        }),
                    page: format!("{base_url}{}", school_url(s.unitid)),
                    website: s.website.as_deref(),
                    net_price_calculator: s.net_price_url.as_deref(),
                    tuition_in_state: s.tuition_in_state,
                    tuition_out_of_state: s.tuition_out_of_state,
                    graduation_percent: s.graduation_percent,
                    earnings_10_years: s.earnings_10_years,
                    programmes: hit
                        .programmes()
                        .map(|(_, p)| JsonProgramme {
                            cip: p.field.cip(),
                            field: p.field.slug(),
                            level: p.level.slug(),
                            award_level: p.awlevel,
                            completers: p.completers,
                            route: route_name(p.route()),
                            route_words: route_words(w, p.route()).to_string(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    serde_json::to_vec_pretty(&answer)
}

const CSV_COLUMNS: [&str; 18] = [
    "unitid",
    "school",
    "city",
    "state",
    "control",
    "area_code",
    "area",
    "cip",
    "field",
    "level",
    "award_level",
    "completers",
    "route_if_accredited",
    "tuition_in_state",
    "tuition_out_of_state",
    "graduation_percent",
    "earnings_10_years",
    "page",
];

fn answer_csv(site: &Site, base_url: &str, hits: &[Hit<'_>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)?;
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    for hit in hits {
        let s = hit.school;
        let area = s.area.and_then(|code| site.areas.by_code(code));
        for (_, p) in hit.programmes() {
            out.write_record([
                s.unitid.to_string().as_str(),
                &s.name,
                &s.city,
                &s.state,
                s.control.slug(),
                &area.map(|a| a.code.to_string()).unwrap_or_default(),
                area.map_or("", |a| a.name.as_str()),
                p.field.cip(),
                p.field.slug(),
                p.level.slug(),
                &p.awlevel.to_string(),
                &p.completers.to_string(),
                route_name(p.route()),
                &number(s.tuition_in_state),
                &number(s.tuition_out_of_state),
                &number(s.graduation_percent.map(u32::from)),
                &number(s.earnings_10_years),
                &format!("{base_url}{}", school_url(s.unitid)),
            ])?;
        }
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// What the answers are kept as in `AppState::program_answers`, one type a format.
struct JsonKept;
struct CsvKept;

/// The CSV is a file to save: its name.
fn with_headers(format: Format, mut response: HttpResponse) -> HttpResponse {
    if let Format::Csv = format {
        response.headers_mut().insert(
            actix_web::http::header::CONTENT_DISPOSITION,
            actix_web::http::header::HeaderValue::from_static(
                "attachment; filename=\"him-programs.csv\"",
            ),
        );
    }
    response
}

/// Which of the two formats.
#[derive(Clone, Copy)]
pub(super) enum Format {
    Json,
    Csv,
}

async fn answer(
    request: &HttpRequest,
    state: &AppState,
    format: Format,
) -> Result<HttpResponse, AppError> {
    let Some(schools) = &state.site.schools else {
        return Err(AppError::NotFound);
    };
    let site = &state.site;
    let content_type = match format {
        Format::Json => JSON,
        Format::Csv => CSV,
    };
    let kept = match format {
        Format::Json => state
            .program_answers
            .get::<JsonKept>(request.query_string()),
        Format::Csv => state.program_answers.get::<CsvKept>(request.query_string()),
    };
    if let Some(kept) = kept {
        return Ok(with_headers(format, kept.respond(request)));
    }
    let query = match read_query(site, request.query_string()) {
        Ok(query) => query,
        Err(problem) => {
            let message = problem_words(&site.words.programs, problem);
            let body = match format {
                Format::Json => {
                    serde_json::json!({ "error": "bad query", "message": message }).to_string()
                }
                Format::Csv => format!("error\n\"{}\"\n", message.replace('"', "\"\"")),
            };
            return Ok(respond(StatusCode::BAD_REQUEST, content_type, CACHE_PAGE).body(body));
        }
    };
    let hits = schools.search(&query.filter, query.order);
    let base_url = &state.base_url;
    let body = match format {
        Format::Json => answer_json(
            site,
            schools,
            base_url,
            crate::schools::query::query_string(&query, 1),
            &hits,
        )
        .map_err(AppError::internal)?,
        Format::Csv => answer_csv(site, base_url, &hits).map_err(AppError::internal)?,
    };
    let answer = Arc::new(Prepared::new(
        content_type,
        CACHE_PAGE,
        body,
        Keep::UntilReload,
    ));
    let raw = request.query_string();
    match format {
        Format::Json => state
            .program_answers
            .put::<JsonKept>(raw, Arc::clone(&answer)),
        Format::Csv => state
            .program_answers
            .put::<CsvKept>(raw, Arc::clone(&answer)),
    }
    Ok(with_headers(format, answer.respond_as_made(request)))
}

/// `/programs.json`.
pub(in crate::web) async fn json(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    answer(&request, &state, Format::Json).await
}

/// `/programs.csv`.
pub(in crate::web) async fn csv(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    answer(&request, &state, Format::Csv).await
}
