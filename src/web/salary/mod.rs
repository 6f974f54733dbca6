//! The salary comparison over HTTP: one handler parses the query, computes the comparison and hands
//! it to a [`Format`] (the page, the embed, JSON or CSV) to render, or the rejected query to answer
//! 400 in that format. Adding a format is one file with one `Format` and one route.

mod cache;
mod chart;
mod csv;
mod form;
mod json;
mod layout;
mod page;
mod pair;
mod table;
mod wording;

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use actix_web::{HttpRequest, HttpResponse, web};

pub(super) use cache::FiguresCache;
pub(super) use layout::Layout;

use super::AppState;
use super::error::AppError;
use super::prepared::{CACHE_PAGE, Keep, Prepared, respond};
use crate::salary::compare::{Report, compute};
use crate::salary::query::{Query, Rejected};

/// One way of answering the comparison.
pub(crate) trait Format: 'static {
    const CONTENT_TYPE: &'static str;

    /// The body for a computed comparison.
    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError>;

    /// The body of the 400 answer for a query that cannot be answered: what was typed and what to fix.
    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError>;

    /// Headers of this format beyond status, content type, cache policy and ETag.
    fn headers(_headers: &mut HeaderMap) {}
}

/// `/salary`, `/embed/salary`, `/salary.json` and `/salary.csv`, each in its format. An answer is
/// kept by format and query: the same query always gives the same answer until the site is
/// reloaded. A kept answer is served as a page is (its ETag, 304, compressed); the first, computed
/// for this request, goes out as made, with its ETag, uncompressed unless the client refuses that.
pub(crate) async fn answer<F: Format>(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let query = request.query_string();
    let with_headers = |mut response: HttpResponse| {
        F::headers(response.headers_mut());
        Ok(response)
    };
    if let Some(kept) = state.salary_answers.get::<F>(query) {
        return with_headers(kept.respond(&request));
    }
    let data = &state.site.salary;
    match Query::parse(query, data, state.site.area_lookup()) {
        Ok(parsed) => {
            let body = F::answer(&state, &compute(data, parsed))?;
            let answer = Arc::new(Prepared::new(
                F::CONTENT_TYPE,
                CACHE_PAGE,
                body,
                Keep::UntilReload,
            ));
            state.salary_answers.put::<F>(query, Arc::clone(&answer));
            with_headers(answer.respond_as_made(&request))
        }
        // Not kept: a rejected query is rare, and it would only crowd out answers worth keeping.
        Err(rejected) => {
            let mut response = respond(StatusCode::BAD_REQUEST, F::CONTENT_TYPE, CACHE_PAGE);
            with_headers(response.body(F::reject(&state, &rejected)?))
        }
    }
}

pub(crate) use csv::Csv;
pub(crate) use json::Json;
pub(crate) use page::{Embed, Page};
