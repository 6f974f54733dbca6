//! Response bodies prepared once: identity at start-up, gzip and brotli on the first request that
//! asks for them or in a background pass after start-up ([`Prepared::compress`]), each with a
//! strong ETag, and the cache policy; a request only picks the variant its `Accept-Encoding` allows
//! and answers 304 when its `If-None-Match` already holds it.

use std::io::Write;
use std::sync::OnceLock;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};

/// Pages change when the guide is edited: caches keep them briefly and revalidate with the ETag.
pub(super) const CACHE_PAGE: &str = "public, max-age=300";
/// Fingerprinted assets never change under their name.
pub(super) const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else that is static but not fingerprinted.
pub(super) const CACHE_DAY: &str = "public, max-age=86400";

/// Starts an answer computed per request: its status and content type, and `cache` as its cache
/// policy when it succeeded (an error is never stored).
pub(super) fn respond(
    status: StatusCode,
    content_type: &'static str,
    cache: &'static str,
) -> HttpResponseBuilder {
    let mut response = HttpResponse::build(status);
    let cache = if status.is_success() {
        cache
    } else {
        CACHE_NEVER
    };
    response
        .insert_header((header::CACHE_CONTROL, cache))
        .content_type(content_type);
    response
}

/// Answers that must not be kept: errors, and what changes between requests.
pub(super) const CACHE_NEVER: &str = "no-store";

/// Brotli quality: 5 comes within 15% of quality 11's size at a fifteenth of its time (see
/// BENCHMARKS.md), which matters now that 600 pages are compressed after every start, on the
/// same two cores that serve, and a page's first reader may wait for its own.
const BROTLI_QUALITY: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    fn token(self) -> &'static str {
        match self {
            Encoding::Identity => "identity",
            Encoding::Gzip => "gzip",
            Encoding::Brotli => "br",
        }
    }
}

struct Variant {
    encoding: Encoding,
    body: Bytes,
    etag: HeaderValue,
}

impl Variant {
    fn new(encoding: Encoding, body: Bytes, hash: &str) -> Variant {
        let etag = match encoding {
            Encoding::Identity => format!("\"{hash}\""),
            other => format!("\"{hash}-{}\"", other.token()),
        };
        Variant {
            encoding,
            body,
            etag: HeaderValue::from_str(&etag).expect("hex is a valid header"),
        }
    }
}

/// A compressed variant made on first use: `None` inside once made if it came out no smaller.
struct Compressed {
    encoding: Encoding,
    made: OnceLock<Option<Variant>>,
}

/// How long prepared bodies live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// For the life of the process, as `serve` and `export` prepare them once: the compressed
    /// bodies are then served without a reference count. Every worker thread clones a body for each
    /// answer; a shared count would bounce between cores on each clone and drop.
    Forever,
    /// Until the site is replaced, as under `serve --watch`, which prepares the site again at every
    /// edit: reference-counted, and freed with the site it belongs to.
    UntilReload,
}

impl Keep {
    fn bytes(self, bytes: Vec<u8>) -> Bytes {
        match self {
            Keep::Forever => Bytes::from_static(Box::leak(bytes.into_boxed_slice())),
            Keep::UntilReload => Bytes::from(bytes),
        }
    }

    fn header(self, text: &str) -> HeaderValue {
        match self {
            Keep::Forever => HeaderValue::from_static(Box::leak(text.into())),
            Keep::UntilReload => {
                HeaderValue::from_str(text).expect("a content type is a valid header")
            }
        }
    }
}

/// One response body in every encoding worth having, with its headers.
pub struct Prepared {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    identity: Variant,
    /// Brotli, then gzip, in order of preference; empty for content types not worth compressing.
    /// Compressing every page at start-up took about 0.6 s for the site's 600 pages, so each
    /// variant is made when first asked for, or by the background pass, whichever comes first.
    compressed: Vec<Compressed>,
    keep: Keep,
    /// A hash of the identity bytes: the ETag's core and an asset's fingerprint.
    hash: String,
}

impl Prepared {
    /// Prepares `body`; text-like content types also get gzip and brotli variants, made later.
    pub fn new(
        content_type: &str,
        cache_control: &'static str,
        body: impl Into<Bytes>,
        keep: Keep,
    ) -> Prepared {
        let body = body.into();
        let hash = format!("{:016x}", content_hash(&body));
        let compressed = if compressible(content_type) {
            [Encoding::Brotli, Encoding::Gzip]
                .map(|encoding| Compressed {
                    encoding,
                    made: OnceLock::new(),
                })
                .into()
        } else {
            Vec::new()
        };
        Prepared {
            content_type: keep.header(content_type),
            cache_control: HeaderValue::from_static(cache_control),
            identity: Variant::new(Encoding::Identity, body, &hash),
            compressed,
            keep,
            hash,
        }
    }

    /// Makes every compressed variant not made yet; the background pass calls it for each body.
    pub fn compress(&self) {
        for compressed in &self.compressed {
            self.made(compressed);
        }
    }

    /// The variant `compressed` stands for, compressing the body now if no one has yet.
    fn made<'a>(&'a self, compressed: &'a Compressed) -> Option<&'a Variant> {
        compressed
            .made
            .get_or_init(|| {
                let body = &self.identity.body;
                let bytes = match compressed.encoding {
                    Encoding::Brotli => brotli(body),
                    Encoding::Gzip => gzip(body),
                    Encoding::Identity => return None,
                };
                (bytes.len() < body.len())
                    .then(|| Variant::new(compressed.encoding, self.keep.bytes(bytes), &self.hash))
            })
            .as_ref()
    }

    /// The content hash, for fingerprinted names.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The size of the variant a client accepting `accept_encoding` receives.
    pub fn size_for(&self, accept_encoding: &str) -> usize {
        self.variant(Some(accept_encoding)).body.len()
    }

    /// The preferred variant `accept_encoding` allows: brotli, then gzip, then identity.
    fn variant(&self, accept_encoding: Option<&str>) -> &Variant {
        self.compressed
            .iter()
            .filter(|c| accepts(accept_encoding, c.encoding))
            .find_map(|c| self.made(c))
            .unwrap_or(&self.identity)
    }

    /// The answer to `request`: the best variant, or 304 if the client's copy is current.
    pub fn respond(&self, request: &HttpRequest) -> HttpResponse {
        let accept = request
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok());
        let variant = self.variant(accept);
        let unchanged = not_modified(request, &variant.etag);
        let mut response = if unchanged {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        response
            .insert_header((header::ETAG, variant.etag.clone()))
            .insert_header((header::CACHE_CONTROL, self.cache_control.clone()));
        if !self.compressed.is_empty() {
            response.insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")));
        }
        if unchanged {
            return response.finish();
        }
        if variant.encoding != Encoding::Identity {
            response.insert_header((
                header::CONTENT_ENCODING,
                HeaderValue::from_static(variant.encoding.token()),
            ));
        }
        response
            .insert_header((header::CONTENT_TYPE, self.content_type.clone()))
            .body(variant.body.clone())
    }
}

/// Whether `If-None-Match` lists `etag` (weak comparison, as RFC 9110 asks for this header) or `*`.
fn not_modified(request: &HttpRequest, etag: &HeaderValue) -> bool {
    let Some(listed) = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let ours = etag.to_str().unwrap_or_default();
    listed
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

/// Whether `accept_encoding` allows `encoding`. A missing header allows identity only; `q=0`
/// refuses an encoding.
fn accepts(accept_encoding: Option<&str>, encoding: Encoding) -> bool {
    let Some(header) = accept_encoding else {
        return false;
    };
    header.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let token = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (token.eq_ignore_ascii_case(encoding.token()) || token == "*") && !refused
    })
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || [
            "application/xml",
            "application/json",
            "image/svg+xml",
            "image/x-icon",
        ]
        .iter()
        .any(|t| content_type.starts_with(t))
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

fn brotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).expect("writing to memory");
    out
}

/// XXH3, 64 bits: a stable content hash for ETags and fingerprints (not for security), fast enough
/// to run over every page at start-up (FNV-1a, a byte at a time, took a tenth of start-up).
fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;
    use std::io::Read;

    fn page() -> Prepared {
        Prepared::new(
            "text/html; charset=utf-8",
            CACHE_PAGE,
            "<p>health information</p>".repeat(200),
            Keep::UntilReload,
        )
    }

    #[test]
    fn prefers_brotli_then_gzip_then_identity() {
        let page = page();
        let chosen = |accept| page.variant(accept).encoding;
        assert_eq!(chosen(Some("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(chosen(Some("gzip")), Encoding::Gzip);
        assert_eq!(chosen(Some("br;q=0, gzip;q=0.5")), Encoding::Gzip);
        assert_eq!(chosen(Some("*")), Encoding::Brotli);
        assert_eq!(chosen(Some("deflate")), Encoding::Identity);
        assert_eq!(chosen(None), Encoding::Identity);
    }

    #[test]
    fn compresses_a_variant_only_when_first_asked_for_or_by_the_background_pass() {
        let page = page();
        let made = |page: &Prepared| {
            page.compressed
                .iter()
                .map(|c| c.made.get().is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(made(&page), [false, false]);
        page.variant(Some("gzip"));
        assert_eq!(made(&page), [false, true], "brotli not asked for");
        page.compress();
        assert_eq!(made(&page), [true, true]);
        let tiny = Prepared::new("text/plain", CACHE_DAY, "a", Keep::UntilReload);
        assert_eq!(
            tiny.variant(Some("br, gzip")).encoding,
            Encoding::Identity,
            "compressing made it larger"
        );
    }

    #[test]
    fn serves_the_variant_asked_for_and_it_decodes_to_the_page() {
        let page = page();
        let request = TestRequest::get()
            .insert_header(("accept-encoding", "gzip"))
            .to_http_request();
        let response = page.respond(&request);
        assert_eq!(response.headers().get("content-encoding").unwrap(), "gzip");
        assert_eq!(response.headers().get("vary").unwrap(), "Accept-Encoding");
        assert_eq!(response.headers().get("cache-control").unwrap(), CACHE_PAGE);
        let body = actix_web::body::to_bytes(response.into_body());
        let compressed = futures_util::FutureExt::now_or_never(body)
            .unwrap()
            .unwrap();
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, "<p>health information</p>".repeat(200));
        assert!(page.size_for("br") < page.size_for("identity") / 10);
    }

    #[test]
    fn answers_304_when_the_client_holds_the_same_variant() {
        let page = page();
        let first = page.respond(
            &TestRequest::get()
                .insert_header(("accept-encoding", "br"))
                .to_http_request(),
        );
        let etag = first
            .headers()
            .get("etag")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(etag.ends_with("-br\""), "{etag}");
        let again = TestRequest::get()
            .insert_header(("accept-encoding", "br"))
            .insert_header(("if-none-match", format!("\"other\", W/{etag}")))
            .to_http_request();
        let response = page.respond(&again);
        assert_eq!(response.status(), 304);
        assert_eq!(
            response.headers().get("etag").unwrap().to_str().unwrap(),
            etag
        );
        let other_encoding = TestRequest::get()
            .insert_header(("if-none-match", etag))
            .to_http_request();
        assert_eq!(
            page.respond(&other_encoding).status(),
            200,
            "identity has its own ETag"
        );
    }

    #[test]
    fn leaves_incompressible_bodies_alone() {
        let png = Prepared::new("image/png", CACHE_DAY, vec![0u8; 10], Keep::Forever);
        assert!(png.compressed.is_empty());
        let response = png.respond(
            &TestRequest::get()
                .insert_header(("accept-encoding", "br"))
                .to_http_request(),
        );
        assert!(response.headers().get("content-encoding").is_none());
        assert!(response.headers().get("vary").is_none());
    }

    #[test]
    fn bodies_kept_until_reload_are_freed_with_their_site() {
        // A reference-counted body is freed when its last owner drops it; a static one never is.
        assert!(Keep::UntilReload.bytes(vec![1, 2, 3]).is_unique());
        assert!(!Keep::Forever.bytes(vec![1, 2, 3]).is_unique());
    }

    #[test]
    fn hashes_are_stable() {
        // XXH3's published value for no input; a fingerprint must not change with a crate update.
        assert_eq!(content_hash(b""), 0x2d06_8005_38d3_94c2);
        assert_eq!(format!("{:016x}", content_hash(b"a")), "e6c632b61e964e1f");
    }
}
