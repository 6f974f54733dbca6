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
use crate::words::{Text, Words};

/// What can go wrong while answering a request. Its text is for the log and the plain answer that
/// [`render_error_page`] replaces; readers see [`AppError::words`] in the site's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("no page at this address")]
    NotFound,
    #[error("only GET and HEAD are answered here")]
    MethodNotAllowed,
    /// Something on our side failed; the cause goes to the log, never to the reader.
    #[error("the request could not be answered")]
    Internal,
}

impl AppError {
    /// Logs `cause` and answers 500: for failures a reader can do nothing about.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        log::error!("cannot answer a request: {cause}");
        AppError::Internal
    }

    /// The heading and the message a reader sees for this error, in `w`'s language.
    pub fn words(&self, w: &'static Words) -> (&'static Text, &'static Text) {
        let errors = &w.site.errors;
        match self {
            AppError::NotFound => (&errors.not_found.heading, &w.site.no_page_here),
            AppError::MethodNotAllowed => describe(StatusCode::METHOD_NOT_ALLOWED, w),
            AppError::Internal => describe(StatusCode::INTERNAL_SERVER_ERROR, w),
        }
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
    let state = response
        .request()
        .app_data::<web::Data<AppState>>()
        .cloned();
    // Only a test app without state lacks the site; its error page is in English.
    let w = state
        .as_ref()
        .map_or_else(Words::english, |state| state.site.words);
    let (heading, message) = response
        .response()
        .error()
        .and_then(|err| err.as_error::<AppError>())
        .map_or_else(|| describe(status, w), |error| error.words(w));
    let (request, original) = response.into_parts();
    let nav = state
        .as_ref()
        .map(|state| state.nav.clone())
        .unwrap_or_default();
    let assets = state.as_ref().map_or_else(
        // Only a test app without state lacks these; the page then goes without styles.
        || views::AssetUrls {
            stylesheet: String::new(),
            icon: None,
            live_reload: None,
        },
        |state| state.assets.urls.clone(),
    );
    let html = views::render_error(
        w,
        &nav,
        &assets,
        status.as_u16(),
        heading.as_str(),
        message.as_str(),
    );

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

/// The heading and the message of an error answer that carried no [`AppError`], by its status.
fn describe(status: StatusCode, w: &'static Words) -> (&'static Text, &'static Text) {
    let errors = &w.site.errors;
    let error = match status {
        StatusCode::NOT_FOUND => &errors.not_found,
        StatusCode::METHOD_NOT_ALLOWED => &errors.method_not_allowed,
        StatusCode::NOT_ACCEPTABLE => &errors.not_acceptable,
        StatusCode::PAYLOAD_TOO_LARGE => &errors.body_refused,
        StatusCode::URI_TOO_LONG => &errors.address_too_long,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => &errors.headers_too_large,
        status if status.is_client_error() => &errors.bad_request,
        _ => &errors.internal,
    };
    (&error.heading, &error.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_says_its_words_through_the_words_layer() {
        let pseudo = Words::pseudo();
        let statuses = [400, 404, 405, 406, 413, 414, 418, 431, 500, 503];
        for status in statuses.map(|s| StatusCode::from_u16(s).unwrap()) {
            let (heading, message) = describe(status, pseudo);
            for words in [heading, message] {
                assert!(words.as_str().starts_with('⟦'), "{status}: {words}");
            }
        }
        for error in [
            AppError::NotFound,
            AppError::MethodNotAllowed,
            AppError::Internal,
        ] {
            let (heading, message) = error.words(pseudo);
            assert!(heading.as_str().starts_with('⟦'), "{error}");
            assert!(message.as_str().starts_with('⟦'), "{error}");
        }
        let english = Words::english();
        assert_eq!(
            AppError::NotFound.words(english).1.as_str(),
            "There is no page at this address. It may have been mistyped, or the page may have moved."
        );
    }
}
