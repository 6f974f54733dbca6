//! The one error type of the web layer, and the one place that turns any error answer into the
//! site's HTML error page.
//!
//! Handlers return [`AppError`]; actix-files, extractors and the router produce their own plain-text
//! errors. [`render_error_page`] runs as `ErrorHandlers` middleware, where the app's state (the
//! navigation) is at hand, and gives every one of those answers the site's chrome.

use actix_web::body::{BoxBody, EitherBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError, web};

use super::AppState;
use super::prepared::{CACHE_NEVER, respond};
use super::views;

/// What can go wrong while answering a request; its text is shown to the reader as is.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(
        "There is no page at this address. It may have been mistyped, or the page may have moved."
    )]
    NotFound,
    #[error("This address can only be read (GET or HEAD requests).")]
    MethodNotAllowed,
    /// Something on our side failed; the cause goes to the log, never to the reader.
    #[error("The site could not answer this request. Please try again in a moment.")]
    Internal,
}

impl AppError {
    /// Logs `cause` and answers 500: for failures a reader can do nothing about.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        log::error!("cannot answer a request: {cause}");
        AppError::Internal
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A plain answer that [`render_error_page`] dresses in the site's HTML.
    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = respond(self.status_code(), "text/plain; charset=utf-8", CACHE_NEVER);
        if let AppError::MethodNotAllowed = self {
            response.insert_header((header::ALLOW, "GET, HEAD"));
        }
        response.body(self.to_string())
    }
}

/// Replaces a plain error answer (ours or one of actix's) with the HTML error page; answers that
/// already carry their own HTML or another format are left alone.
pub(crate) fn render_error_page<B>(
    response: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|value| value.as_bytes().starts_with(b"text/plain"));
    if !is_plain {
        return Ok(ErrorHandlerResponse::Response(
            response.map_into_left_body(),
        ));
    }
    let status = response.status();
    let own_message = response
        .response()
        .error()
        .and_then(|err| err.as_error::<AppError>())
        .map(ToString::to_string);
    let (request, original) = response.into_parts();
    let (heading, generic) = describe(status);
    let message = own_message.unwrap_or_else(|| generic.to_string());
    let state = request.app_data::<web::Data<AppState>>();
    let nav = state.map(|state| state.nav.clone()).unwrap_or_default();
    let assets = state.map_or_else(
        // Only a test app without state lacks these; the page then goes without styles.
        || views::AssetUrls {
            stylesheet: String::new(),
            icon: None,
            live_reload: None,
        },
        |state| state.assets.urls.clone(),
    );
    // Only a test app without state lacks the site; its error page is in English.
    let w = state.map_or_else(crate::words::Words::english, |state| state.site.words);
    let html = views::render_error(w, &nav, &assets, status.as_u16(), heading, &message);

    let mut page = HttpResponse::build(status);
    page.content_type("text/html; charset=utf-8");
    if let Some(allow) = original.headers().get(header::ALLOW) {
        page.insert_header((header::ALLOW, allow.clone()));
    }
    let page = page.body(html);
    let response: ServiceResponse<EitherBody<B>> =
        ServiceResponse::new(request, page).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(response))
}

/// A heading and a plain-words explanation for a status code whose error carried no message of ours.
fn describe(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("Page not found", "There is no page at this address."),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Method not allowed",
            "This address can only be read (GET or HEAD requests).",
        ),
        StatusCode::NOT_ACCEPTABLE => (
            "Not acceptable",
            "Your browser's Accept-Encoding header refuses every form this page is sent in, \
             uncompressed included.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => {
            ("Request too large", "This site does not accept uploads.")
        }
        StatusCode::URI_TOO_LONG => (
            "Address too long",
            "The address is longer than this site accepts.",
        ),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => (
            "Request too large",
            "The request's headers are larger than this site accepts.",
        ),
        status if status.is_client_error() => (
            "Bad request",
            "The request could not be understood. Check the address and try again.",
        ),
        _ => (
            "Something went wrong",
            "The site could not answer this request. Please try again in a moment.",
        ),
    }
}
