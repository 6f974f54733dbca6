//! The comparison's answers kept by format and query string: the same query always gives the same
//! bytes until the site is reloaded, and a shared result's address is asked for again and again.
//! An answer is kept from its query's second request on, so that a stream of one-off queries (a
//! new offer each time) passes by without evicting the answers worth keeping.

use std::any::TypeId;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use actix_web::web::Bytes;

/// Bytes kept at most: about 200 comparison pages. Past it the cache starts afresh, so that a
/// client asking twice for endless different offers churns the cache but cannot grow the process.
const CAPACITY_BYTES: usize = 4 * 1024 * 1024;
/// Queries remembered as asked once (by hash, 8 bytes each) before that list starts afresh.
const SEEN_CAPACITY: usize = 16 * 1024;

/// Successful answers by format and the query string as the client sent it.
#[derive(Default)]
pub struct AnswerCache {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// By format, then by query string (looked up without allocating).
    answers: HashMap<TypeId, HashMap<Box<str>, Bytes>>,
    bytes: usize,
    /// Hashes of the queries (with their format) answered once and not kept yet.
    seen_once: HashSet<u64>,
}

impl AnswerCache {
    /// The answer kept for `query` in format `F`.
    pub fn get<F: 'static>(&self, query: &str) -> Option<Bytes> {
        let kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.answers.get(&TypeId::of::<F>())?.get(query).cloned()
    }

    /// Keeps `body` as the answer to `query` in format `F` if that query was answered before; a
    /// body larger than the whole capacity is never kept.
    pub fn put<F: 'static>(&self, query: &str, body: Bytes) {
        if body.len() > CAPACITY_BYTES {
            return;
        }
        let mut hasher = DefaultHasher::new();
        (TypeId::of::<F>(), query).hash(&mut hasher);
        let fingerprint = hasher.finish();
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !kept.seen_once.remove(&fingerprint) {
            if kept.seen_once.len() >= SEEN_CAPACITY {
                kept.seen_once.clear();
            }
            kept.seen_once.insert(fingerprint);
            return;
        }
        if kept.bytes + body.len() > CAPACITY_BYTES {
            kept.answers.clear();
            kept.bytes = 0;
        }
        kept.bytes += body.len();
        let format = kept.answers.entry(TypeId::of::<F>()).or_default();
        if let Some(replaced) = format.insert(query.into(), body) {
            kept.bytes -= replaced.len();
        }
    }

    /// Bytes kept now.
    pub fn bytes(&self) -> usize {
        self.kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Page;
    struct Json;

    /// Puts an answer twice, as its query's second request does.
    fn put_twice<F: 'static>(cache: &AnswerCache, query: &str, body: Bytes) {
        cache.put::<F>(query, body.clone());
        cache.put::<F>(query, body);
    }

    #[test]
    fn keeps_an_answer_from_its_second_request_on() {
        let cache = AnswerCache::default();
        cache.put::<Page>("offer=30", Bytes::from_static(b"<p>page</p>"));
        assert!(cache.get::<Page>("offer=30").is_none(), "asked once");
        cache.put::<Json>("offer=30", Bytes::from_static(b"{}"));
        assert!(cache.get::<Json>("offer=30").is_none(), "another format");
        cache.put::<Page>("offer=30", Bytes::from_static(b"<p>page</p>"));
        assert_eq!(cache.get::<Page>("offer=30").unwrap(), "<p>page</p>");
        for offer in 0..3 * SEEN_CAPACITY {
            cache.put::<Page>(&format!("offer={offer}"), Bytes::from_static(b"x"));
        }
        assert_eq!(cache.bytes(), 11, "one-off queries are not kept");
        assert!(cache.kept.lock().unwrap().seen_once.len() <= SEEN_CAPACITY);
    }

    #[test]
    fn keeps_each_format_apart_and_replaces_without_counting_twice() {
        let cache = AnswerCache::default();
        put_twice::<Page>(&cache, "offer=30", Bytes::from_static(b"<p>page</p>"));
        put_twice::<Json>(&cache, "offer=30", Bytes::from_static(b"{}"));
        assert_eq!(cache.get::<Page>("offer=30").unwrap(), "<p>page</p>");
        assert_eq!(cache.get::<Json>("offer=30").unwrap(), "{}");
        assert!(cache.get::<Page>("offer=31").is_none());
        put_twice::<Json>(&cache, "offer=30", Bytes::from_static(b"{ }"));
        assert_eq!(cache.bytes(), 11 + 3);
    }

    #[test]
    fn starts_afresh_when_full_and_never_holds_more_than_its_capacity() {
        let cache = AnswerCache::default();
        let body = Bytes::from(vec![b'x'; CAPACITY_BYTES / 4 + 1]);
        for offer in 0..10 {
            put_twice::<Page>(&cache, &format!("offer={offer}"), body.clone());
            assert!(cache.bytes() <= CAPACITY_BYTES);
        }
        assert!(cache.get::<Page>("offer=9").is_some(), "the newest is kept");
        assert!(cache.get::<Page>("offer=0").is_none(), "the oldest went");
        put_twice::<Page>(&cache, "huge", Bytes::from(vec![0; CAPACITY_BYTES + 1]));
        assert!(cache.get::<Page>("huge").is_none());
    }
}
