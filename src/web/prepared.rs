//! Response bodies prepared once: identity at start-up, gzip and brotli on the first request that
//! asks for them or in a background pass after start-up ([`Prepared::compress`]), each with a
//! strong ETag, and the cache policy; a request only picks the variant its `Accept-Encoding` allows
//! (RFC 9110's rules over actix-web's typed headers) and answers 304 when its `If-None-Match`
//! already holds it. A body prepared on demand ([`Prepared::compact`]) keeps only its compressed
//! variants; the rare client that takes no compression gets it inflated from gzip, through a
//! bounded cache.

use std::io::{Read, Write};
use std::sync::{LazyLock, OnceLock};

use actix_web::http::StatusCode;
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, EntityTag, Header, HeaderValue, IfNoneMatch, Preference,
    Quality,
};
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
/// The page kept in `slot`, or the one `render` makes now, kept compressed
/// ([`Prepared::compact`]) from then on: the pages made on their first request (an area's, a
/// state's list of schools, a school's). Two first requests at once may both render it; the first
/// to finish is kept, and the pages are the same.
pub(super) fn made_once(
    slot: &OnceLock<Prepared>,
    keep: Keep,
    render: impl FnOnce() -> askama::Result<String>,
) -> askama::Result<&Prepared> {
    if let Some(page) = slot.get() {
        return Ok(page);
    }
    let html = render()?;
    Ok(slot.get_or_init(|| Prepared::compact("text/html; charset=utf-8", CACHE_PAGE, html, keep)))
}

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

    fn content_encoding(self) -> ContentEncoding {
        match self {
            Encoding::Identity => ContentEncoding::Identity,
            Encoding::Gzip => ContentEncoding::Gzip,
            Encoding::Brotli => ContentEncoding::Brotli,
        }
    }
}

struct Variant {
    encoding: Encoding,
    body: Bytes,
    etag: HeaderValue,
    /// The same ETag, typed, to compare with `If-None-Match`.
    entity_tag: EntityTag,
}

impl Variant {
    fn new(encoding: Encoding, body: Bytes, hash: u64) -> Variant {
        let tag = match encoding {
            Encoding::Identity => format!("{hash:016x}"),
            other => format!("{hash:016x}-{}", other.token()),
        };
        let entity_tag = EntityTag::new_strong(tag);
        Variant {
            encoding,
            body,
            etag: HeaderValue::from_str(&entity_tag.to_string()).expect("hex is a valid header"),
            entity_tag,
        }
    }
}

/// What a request's `Accept-Encoding` allows, read as RFC 9110 (section 12.5.3) asks.
#[derive(Debug)]
struct Acceptable(Option<AcceptEncoding>);

impl Acceptable {
    /// A missing, empty or malformed header allows identity only: a client that names no coding
    /// gets none, and a header we cannot read is treated as absent rather than refused.
    fn of(request: &HttpRequest) -> Acceptable {
        Acceptable(
            AcceptEncoding::parse(request)
                .ok()
                .filter(|header| !header.0.is_empty()),
        )
    }

    /// The weight the client gives `encoding`: that of its own entry, else that of `*`; `None`
    /// when the header names neither.
    fn weight(&self, encoding: Encoding) -> Option<Quality> {
        let header = self.0.as_ref()?;
        let weight = |wanted: &Preference<header::Encoding>| {
            let item = header.0.iter().find(|item| item.item == *wanted)?;
            Some(item.quality)
        };
        let named = Preference::Specific(header::Encoding::Known(encoding.content_encoding()));
        weight(&named).or_else(|| weight(&Preference::Any))
    }

    fn allows(&self, encoding: Encoding) -> bool {
        self.weight(encoding).is_some_and(|q| q > Quality::ZERO)
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
    /// A hash of the identity bytes: the ETag's core, an asset's fingerprint, and the key under
    /// which a compact body's identity, inflated again, is kept in [`INFLATED`].
    hash: u64,
    /// Whether the identity body was given up ([`Prepared::compact`]): the identity variant's own
    /// body is then empty, and made again from gzip when asked for.
    identity_inflated: bool,
    /// The identity body's length, kept or not.
    identity_len: usize,
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
        let hash = content_hash(&body);
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
        let identity_len = body.len();
        Prepared {
            content_type: keep.header(content_type),
            cache_control: HeaderValue::from_static(cache_control),
            identity: Variant::new(Encoding::Identity, body, hash),
            compressed,
            keep,
            hash,
            identity_inflated: false,
            identity_len,
        }
    }

    /// Prepares `body` compressed at once, and keeps only the compressed variants: for pages made
    /// on their first request, which may number thousands (every area's page), so that memory
    /// follows the pages asked for at about a fifth of their size. Browsers always take brotli or
    /// gzip; a client that takes neither gets the body inflated from gzip, kept for the next one in
    /// a cache of bounded size. A body gzip cannot shrink is kept as it is.
    pub fn compact(
        content_type: &str,
        cache_control: &'static str,
        body: impl Into<Bytes>,
        keep: Keep,
    ) -> Prepared {
        let mut prepared = Prepared::new(content_type, cache_control, body, keep);
        prepared.compress();
        if prepared.made_gzip().is_some() {
            prepared.identity.body = Bytes::new();
            prepared.identity_inflated = true;
        }
        prepared
    }

    /// The gzip variant, if made.
    fn made_gzip(&self) -> Option<&Variant> {
        self.compressed
            .iter()
            .find(|c| c.encoding == Encoding::Gzip)
            .and_then(|c| c.made.get()?.as_ref())
    }

    /// The bytes of `variant`, one of this body's: the identity of a compact body is inflated from
    /// gzip (or taken from the cache of bodies inflated before).
    fn body(&self, variant: &Variant) -> Bytes {
        match variant.encoding {
            Encoding::Identity if self.identity_inflated => {
                if let Some(body) = INFLATED.get(&self.hash) {
                    return body;
                }
                let gzip = self
                    .made_gzip()
                    .expect("a compact body gives up identity only once gzip is made");
                let mut inflated = Vec::new();
                flate2::read::GzDecoder::new(&gzip.body[..])
                    .read_to_end(&mut inflated)
                    .expect("our own gzip inflates");
                let body = Bytes::from(inflated);
                INFLATED.insert(self.hash, body.clone());
                body
            }
            _ => variant.body.clone(),
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
                    .then(|| Variant::new(compressed.encoding, self.keep.bytes(bytes), self.hash))
            })
            .as_ref()
    }

    /// The length of the identity body.
    pub fn identity_len(&self) -> usize {
        self.identity_len
    }

    /// The content hash in hex, for fingerprinted names.
    pub fn hash(&self) -> String {
        format!("{:016x}", self.hash)
    }

    /// The variant the client weighs highest among those made (brotli, then gzip, then identity
    /// when weighed equally), compressing the body now where `make` and no one has yet. Identity
    /// unnamed is acceptable too, after every coding the client named; `None` when the client
    /// refuses every variant, identity included.
    fn variant(&self, acceptable: &Acceptable, make: bool) -> Option<&Variant> {
        let named = self
            .compressed
            .iter()
            .filter(|c| acceptable.allows(c.encoding))
            .filter_map(|c| {
                if make {
                    self.made(c)
                } else {
                    c.made.get()?.as_ref()
                }
            })
            .chain(std::iter::once(&self.identity))
            .filter_map(|variant| {
                let weight = acceptable.weight(variant.encoding)?;
                (weight > Quality::ZERO).then_some((weight, variant))
            })
            // The first of the highest weight: `max_by_key` would keep the last.
            .fold(
                None,
                |best: Option<(Quality, &Variant)>, (weight, variant)| match best {
                    Some((top, _)) if top >= weight => best,
                    _ => Some((weight, variant)),
                },
            );
        match named {
            Some((_, variant)) => Some(variant),
            None if acceptable.weight(Encoding::Identity).is_none() => Some(&self.identity),
            None if !make => self.variant(acceptable, true),
            None => None,
        }
    }

    /// The answer to `request`: the best variant, or 304 if the client's copy is current, or 406
    /// if the client accepts no variant at all.
    pub fn respond(&self, request: &HttpRequest) -> HttpResponse {
        self.respond_with(request, true)
    }

    /// As [`Prepared::respond`], but compressing nothing for this request unless the client
    /// refuses every variant made so far: for an answer computed for this very request, which
    /// may never be asked for again (a comparison's new offer).
    pub fn respond_as_made(&self, request: &HttpRequest) -> HttpResponse {
        self.respond_with(request, false)
    }

    fn respond_with(&self, request: &HttpRequest, make: bool) -> HttpResponse {
        let Some(variant) = self.variant(&Acceptable::of(request), make) else {
            return HttpResponse::NotAcceptable()
                .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")))
                .finish();
        };
        let unchanged = not_modified(request, &variant.entity_tag);
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
            .body(self.body(variant))
    }
}

/// Whether `If-None-Match` is `*` or lists `etag` (weak comparison, as RFC 9110 asks for this
/// header); a malformed header is ignored, so the client gets the full answer.
fn not_modified(request: &HttpRequest, etag: &EntityTag) -> bool {
    if !request.headers().contains_key(header::IF_NONE_MATCH) {
        return false;
    }
    match IfNoneMatch::parse(request) {
        Ok(IfNoneMatch::Any) => true,
        Ok(IfNoneMatch::Items(tags)) => tags.iter().any(|tag| tag.weak_eq(etag)),
        Err(_) => false,
    }
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

/// Identity bodies of compact pages, inflated for clients that take no compression, by content
/// hash. One cache for the process rather than one per site: a body's hash names its bytes (it is
/// its ETag too), so a version of the site reloaded under `serve --watch` shares the entries that
/// did not change, and the others age out.
static INFLATED: LazyLock<quick_cache::sync::Cache<u64, Bytes, ByLength>> =
    LazyLock::new(|| quick_cache::sync::Cache::with_weighter(256, INFLATED_BYTES, ByLength));

/// About 400 area pages.
const INFLATED_BYTES: u64 = 8 * 1024 * 1024;

/// Weighs a cached body by its length.
#[derive(Clone)]
struct ByLength;

impl quick_cache::Weighter<u64, Bytes> for ByLength {
    fn weight(&self, _key: &u64, body: &Bytes) -> u64 {
        body.len() as u64
    }
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

    /// The encoding `page` answers a request carrying each of `headers` as an `Accept-Encoding`
    /// line (none: no header); `None` for 406.
    fn chosen(page: &Prepared, headers: &[&str]) -> Option<Encoding> {
        let mut request = TestRequest::get();
        for header in headers {
            request = request.append_header((header::ACCEPT_ENCODING, *header));
        }
        let acceptable = Acceptable::of(&request.to_http_request());
        page.variant(&acceptable, true)
            .map(|variant| variant.encoding)
    }

    #[test]
    fn an_answer_as_made_is_sent_plain_until_compressed_unless_plain_is_refused() {
        let page = page();
        let asked = |header: &str| {
            let request = TestRequest::get()
                .insert_header((header::ACCEPT_ENCODING, header))
                .to_http_request();
            page.variant(&Acceptable::of(&request), false)
                .map(|variant| variant.encoding)
        };
        assert_eq!(
            asked("br, gzip"),
            Some(Encoding::Identity),
            "nothing made yet"
        );
        assert_eq!(
            asked("gzip, identity;q=0"),
            Some(Encoding::Gzip),
            "made now"
        );
        assert_eq!(
            asked("br, gzip"),
            Some(Encoding::Gzip),
            "what was made is used"
        );
        page.compress();
        assert_eq!(asked("br, gzip"), Some(Encoding::Brotli));
    }

    #[test]
    fn prefers_brotli_then_gzip_then_identity_at_equal_weight() {
        let page = page();
        assert_eq!(chosen(&page, &[]), Some(Encoding::Identity), "no header");
        let chosen = |header| chosen(&page, &[header]);
        assert_eq!(chosen("gzip, deflate, br"), Some(Encoding::Brotli));
        assert_eq!(chosen("gzip"), Some(Encoding::Gzip));
        assert_eq!(
            chosen("GZIP"),
            Some(Encoding::Gzip),
            "codings are case-insensitive"
        );
        assert_eq!(chosen("*"), Some(Encoding::Brotli));
        assert_eq!(chosen("deflate"), Some(Encoding::Identity));
    }

    #[test]
    fn follows_the_clients_weights_and_never_sends_what_it_refuses() {
        let page = page();
        let chosen = |header| chosen(&page, &[header]);
        // RFC 9110: q=0 means "not acceptable", whatever `*` says of the rest.
        assert_eq!(chosen("br;q=0, *;q=1"), Some(Encoding::Gzip));
        assert_eq!(chosen("br;q=0, gzip;q=0, *"), Some(Encoding::Identity));
        assert_eq!(chosen("br;q=0, gzip;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(chosen("gzip;q=1, br;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(
            chosen("br;q=0.001"),
            Some(Encoding::Brotli),
            "any weight above 0"
        );
        assert_eq!(chosen("gzip;q=0.5, identity"), Some(Encoding::Identity));
        assert_eq!(chosen("identity;q=0, gzip"), Some(Encoding::Gzip));
        assert_eq!(chosen("identity;q=0"), None, "nothing left to send");
        assert_eq!(chosen("*;q=0"), None);
        assert_eq!(chosen("gzip, *;q=0"), Some(Encoding::Gzip));
        assert_eq!(chosen("*;q=0, identity;q=0.1"), Some(Encoding::Identity));
    }

    #[test]
    fn reads_repeated_headers_as_one_list_and_ignores_malformed_ones() {
        let page = page();
        assert_eq!(chosen(&page, &["br;q=0", "gzip"]), Some(Encoding::Gzip));
        assert_eq!(
            chosen(&page, &["identity;q=0", "br"]),
            Some(Encoding::Brotli)
        );
        for malformed in ["gzip;q=high", "br;q=2", ";;", "gzip;q="] {
            assert_eq!(
                chosen(&page, &[malformed]),
                Some(Encoding::Identity),
                "{malformed}: read as no header"
            );
        }
        assert_eq!(
            chosen(&page, &[""]),
            Some(Encoding::Identity),
            "empty: no coding"
        );
    }

    #[test]
    fn answers_406_when_every_variant_is_refused() {
        let request = TestRequest::get()
            .insert_header((header::ACCEPT_ENCODING, "identity;q=0, *;q=0"))
            .to_http_request();
        let response = page().respond(&request);
        assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
        assert_eq!(response.headers().get("vary").unwrap(), "Accept-Encoding");
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
        chosen(&page, &["gzip"]);
        assert_eq!(made(&page), [false, true], "brotli not asked for");
        page.compress();
        assert_eq!(made(&page), [true, true]);
        let tiny = Prepared::new("text/plain", CACHE_DAY, "a", Keep::UntilReload);
        assert_eq!(
            chosen(&tiny, &["br, gzip"]),
            Some(Encoding::Identity),
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
        let size = |header| {
            let request = TestRequest::get().insert_header((header::ACCEPT_ENCODING, header));
            page.variant(&Acceptable::of(&request.to_http_request()), true)
                .unwrap()
                .body
                .len()
        };
        assert!(size("br") < size("identity") / 10);
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
