//! Request handlers: they only look up what was rendered at start-up.

use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::AppState;
use super::error::{AppError, HTML};

/// Any guide page, by its path; also the fallback for every unknown URL.
pub async fn page(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let path = request.path();
    if let Some(body) = state.pages.get(path) {
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            return Err(AppError::MethodNotAllowed);
        }
        return Ok(HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, HTML))
            .body(body.clone()));
    }
    // `/guide/salary/` means `/guide/salary`: send readers to the one address each page has.
    let trimmed = path.trim_end_matches('/');
    if trimmed.len() < path.len() && state.pages.contains_key(trimmed) {
        let location = match request.query_string() {
            "" => trimmed.to_string(),
            query => format!("{trimmed}?{query}"),
        };
        return Ok(HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, location))
            .finish());
    }
    Err(AppError::NotFound)
}

pub async fn sitemap(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(state.sitemap.clone())
}

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(state.robots.clone())
}

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}
