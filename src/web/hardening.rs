//! What every answer carries and every request must pass: security headers, no request bodies, and
//! a panic in a handler answered as a 500 page instead of a dropped connection.

use std::panic::AssertUnwindSafe;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{Error, HttpResponse};
use futures_util::FutureExt;

/// The Content-Security-Policy of every page but the embeddable view: only our own stylesheet and
/// images load, nothing may frame the site, and forms may only be sent to it.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                       form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/// The policy under `serve --watch`: the same, plus our own live-reload script.
pub const WATCH_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                             connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; \
                             frame-ancestors 'none'";

/// The policy of `/embed/salary`, the one view other sites may frame.
pub const EMBED_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                             form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors *";

/// The security headers every answer carries (OWASP Secure Headers Project), in the one list the
/// server, the export's `_headers` file and `deploy/nginx-security-headers.conf` all send. `https`
/// adds Strict-Transport-Security: a browser must only ever be told so over HTTPS. `watching` allows
/// the live-reload script of `serve --watch`; served normally, the site runs no script at all.
pub fn security_header_list(https: bool, watching: bool) -> Vec<(&'static str, &'static str)> {
    let mut headers = vec![
        (
            "content-security-policy",
            if watching { WATCH_CSP } else { CSP },
        ),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), \
             payment=(), usb=()",
        ),
    ];
    if https {
        headers.push((
            "strict-transport-security",
            "max-age=63072000; includeSubDomains",
        ));
    }
    headers
}

/// Adds [`security_header_list`] to every response that does not set a header of its own.
pub fn security_headers(https: bool, watching: bool) -> DefaultHeaders {
    security_header_list(https, watching)
        .into_iter()
        .fold(DefaultHeaders::new(), |headers, (name, value)| {
            headers.add((HeaderName::from_static(name), value))
        })
}

/// The security headers as a `_headers` file, the format Netlify and Cloudflare Pages read.
pub fn headers_file(https: bool) -> String {
    let mut file = String::from("/*\n");
    for (name, value) in security_header_list(https, false) {
        file.push_str(&format!("  {name}: {value}\n"));
    }
    file
}

/// The longest request target (path and query) the site answers; its own links are far shorter.
pub const MAX_URI_BYTES: usize = 4_096;
/// The most header bytes (names and values) a request may carry; the site sets no cookies.
pub const MAX_HEADER_BYTES: usize = 16_384;

/// Refuses, before any handler runs, what no route of this site needs: a request body (413), an
/// overlong address (414) or overlong headers (431). actix-http's own ceilings (128 KiB of head,
/// 96 headers) stay behind these as the last line.
pub async fn limit_requests(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let headers = request.headers();
    let has_body = headers
        .get(header::CONTENT_LENGTH)
        .is_some_and(|length| length.as_bytes() != b"0")
        || headers.contains_key(header::TRANSFER_ENCODING);
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    let uri_bytes = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    let refusal = if has_body {
        Some(HttpResponse::PayloadTooLarge())
    } else if uri_bytes > MAX_URI_BYTES {
        Some(HttpResponse::UriTooLong())
    } else if header_bytes > MAX_HEADER_BYTES {
        Some(HttpResponse::RequestHeaderFieldsTooLarge())
    } else {
        None
    };
    if let Some(mut response) = refusal {
        // The error-page middleware writes the page; closing spares reading an unwanted body.
        let response = response
            .insert_header((header::CONNECTION, HeaderValue::from_static("close")))
            .content_type("text/plain; charset=utf-8")
            .finish();
        return Ok(request.into_response(response));
    }
    next.call(request)
        .await
        .map(ServiceResponse::map_into_boxed_body)
}

/// Turns a panic in a handler into a plain 500, which the error-page middleware then dresses; without
/// this actix drops the connection and the reader sees a browser error. Wrap resources with it, not
/// the app: it keeps a clone of the request, and routing needs the only one.
pub async fn catch_panics(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let http_request = request.request().clone();
    match AssertUnwindSafe(next.call(request)).catch_unwind().await {
        Ok(result) => result.map(ServiceResponse::map_into_boxed_body),
        Err(_) => Ok(ServiceResponse::new(
            http_request.clone(),
            panicked(&http_request),
        )),
    }
}

/// The plain 500 given for a panic, for the error-page middleware to dress; the panic is logged.
pub fn panicked(request: &actix_web::HttpRequest) -> HttpResponse {
    HttpResponse::from_error(super::error::AppError::internal(format!(
        "a handler panicked answering {}",
        request.path()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::middleware::{ErrorHandlers, from_fn};
    use actix_web::{App, test, web};

    #[actix_web::test]
    async fn a_panicking_handler_answers_500_instead_of_dropping_the_connection() {
        let app = test::init_service(
            App::new()
                .wrap(ErrorHandlers::new().default_handler(crate::web::error::render_error_page))
                .service(
                    web::resource("/boom")
                        .wrap(from_fn(catch_panics))
                        .to(|| async {
                            panic!("a bug");
                            #[allow(unreachable_code)]
                            HttpResponse::Ok().finish()
                        }),
                ),
        )
        .await;
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/boom").to_request()).await;
        assert_eq!(response.status(), 500);
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            "text/html; charset=utf-8"
        );
        let body = String::from_utf8(test::read_body(response).await.to_vec()).unwrap();
        assert!(
            body.contains("<h1 id=\"page-title\">Something went wrong</h1>"),
            "{body}"
        );
    }

    #[actix_web::test]
    async fn bodies_long_addresses_and_big_headers_are_refused_before_any_handler() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(limit_requests))
                .route("/", web::to(|| async { HttpResponse::Ok().finish() })),
        )
        .await;
        let request = test::TestRequest::post()
            .uri("/")
            .set_payload("data")
            .to_request();
        assert_eq!(test::call_service(&app, request).await.status(), 413);
        let empty = test::TestRequest::post().uri("/").to_request();
        assert_eq!(test::call_service(&app, empty).await.status(), 200);
        let long = test::TestRequest::get()
            .uri(&format!("/?q={}", "a".repeat(MAX_URI_BYTES)))
            .to_request();
        assert_eq!(test::call_service(&app, long).await.status(), 414);
        let big = test::TestRequest::get()
            .uri("/")
            .insert_header(("x-big", "b".repeat(MAX_HEADER_BYTES)))
            .to_request();
        assert_eq!(test::call_service(&app, big).await.status(), 431);
    }
}
