//! Request handlers: they look up what was rendered at start-up, or on a page's first request.

use std::panic::AssertUnwindSafe;

use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::FutureExt;

use super::hardening;
use super::prepared::{CACHE_NEVER, respond};

use super::AppState;
use super::error::AppError;

/// The app's default service: every address no route claims is a page, a redirect or a 404. A
/// function service rather than a catch-all route, which would cost a pattern match per request;
/// panics are caught here as resources catch theirs.
pub(super) async fn pages(request: ServiceRequest) -> Result<ServiceResponse, actix_web::Error> {
    let (request, _payload) = request.into_parts();
    let response = match AssertUnwindSafe(page(&request)).catch_unwind().await {
        Ok(Ok(response)) => response,
        Ok(Err(error)) => HttpResponse::from_error(error),
        Err(_) => hardening::panicked(&request),
    };
    Ok(ServiceResponse::new(request, response))
}

/// A guide page or a fingerprinted asset by its path.
async fn page(request: &HttpRequest) -> Result<HttpResponse, AppError> {
    let state = request
        .app_data::<web::Data<AppState>>()
        .expect("the app factory registers the state");
    let path = request.path();
    if let Some(page) = state.page(path) {
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            return Err(AppError::MethodNotAllowed);
        }
        return Ok(page?.respond(request));
    }
    // `/guide/salary/` means `/guide/salary`, and `/pay/Texas` means `/pay/texas`: send readers to
    // the one address each page has (addresses are lower-case).
    let canonical = path.trim_end_matches('/').to_ascii_lowercase();
    // A page's former address, however typed: the move is permanent, so links and bookmarks
    // follow it, in one step.
    if let Some(target) = state
        .redirects
        .get(path)
        .or_else(|| state.redirects.get(&canonical))
    {
        return Ok(redirect(
            HttpResponse::MovedPermanently(),
            target,
            request.query_string(),
        ));
    }
    let answers =
        |p: &str| state.has_page(p) || crate::site::routes::ROUTES.iter().any(|r| r.path == p);
    if canonical != path && !canonical.is_empty() && answers(&canonical) {
        return Ok(redirect(
            HttpResponse::PermanentRedirect(),
            &canonical,
            request.query_string(),
        ));
    }
    Err(AppError::NotFound)
}

pub(super) async fn favicon(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let favicon = state
        .assets
        .favicon_ico
        .as_ref()
        .ok_or(AppError::NotFound)?;
    Ok(favicon.respond(&request))
}

pub(super) async fn sitemap(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    state.sitemap.respond(&request)
}

pub(super) async fn robots(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    state.robots.respond(&request)
}

pub(super) async fn healthz() -> HttpResponse {
    respond(StatusCode::OK, "text/plain; charset=utf-8", CACHE_NEVER).body("ok\n")
}

/// A redirect to one of our own addresses, keeping the query.
fn redirect(mut response: actix_web::HttpResponseBuilder, to: &str, query: &str) -> HttpResponse {
    let location = if query.is_empty() {
        to.to_string()
    } else {
        format!("{to}?{query}")
    };
    response
        .insert_header((header::LOCATION, location))
        .finish()
}
