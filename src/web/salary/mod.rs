//! The salary comparison over HTTP: one handler parses the query, computes the comparison and hands
//! it to a [`Format`] (the page, the embed, JSON or CSV) to render, or the rejected query to answer
//! 400 in that format. Adding a format is one file with one `Format` and one route.

mod cache;
mod chart;
mod csv;
mod form;
mod json;
mod layout;
mod options;
mod page;
mod wording;

use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, web};

pub(super) use cache::AnswerCache;
pub(super) use layout::Layout;

use super::AppState;
use super::error::AppError;
use super::prepared::{CACHE_PAGE, respond};
use crate::salary::compare::{Report, compute};
use crate::salary::query::{Query, Rejected};

/// One way of answering the comparison.
pub(crate) trait Format: 'static {
    const CONTENT_TYPE: &'static str;

    /// The body for a computed comparison.
    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError>;

    /// The body of the 400 answer for a query that cannot be answered: what was typed and what to fix.
    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError>;

    /// Headers of this format beyond status, content type and cache policy.
    fn headers(_response: &mut HttpResponseBuilder) {}
}

/// `/salary`, `/embed/salary`, `/salary.json` and `/salary.csv`, each in its format.
pub(crate) async fn answer<F: Format>(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let query = request.query_string();
    // The same query always gives the same answer until the site is reloaded.
    let answered = |status, body| {
        let mut response = respond(status, F::CONTENT_TYPE, CACHE_PAGE);
        F::headers(&mut response);
        Ok(response.body(body))
    };
    if let Some(body) = state.salary_answers.get::<F>(query) {
        return answered(StatusCode::OK, body);
    }
    let data = &state.site.salary;
    match Query::parse(query, data, state.site.area_lookup()) {
        Ok(parsed) => {
            let body = Bytes::from(F::answer(&state, &compute(data, parsed))?);
            state.salary_answers.put::<F>(query, body.clone());
            answered(StatusCode::OK, body)
        }
        // Not kept: a rejected query is rare, and it would only crowd out answers worth keeping.
        Err(rejected) => answered(
            StatusCode::BAD_REQUEST,
            F::reject(&state, &rejected)?.into(),
        ),
    }
}

pub(crate) use csv::Csv;
pub(crate) use json::Json;
pub(crate) use page::{Embed, Page};
