//! The comparison's answers kept by format and query string: the same query always gives the same
//! bytes until the site is reloaded, and a shared result's address is asked for again and again.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::web::Bytes;

/// Bytes kept at most: about 400 comparison pages. Past it the cache starts afresh, so that a
/// client asking for endless different offers churns the cache but cannot grow the process.
const CAPACITY_BYTES: usize = 8 * 1024 * 1024;

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

    /// Keeps `body` as the answer to `query` in format `F`; a body larger than the whole capacity
    /// is not kept.
    pub fn put<F: 'static>(&self, query: &str, body: Bytes) {
        if body.len() > CAPACITY_BYTES {
            return;
        }
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
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

    #[test]
    fn keeps_each_format_apart_and_replaces_without_counting_twice() {
        let cache = AnswerCache::default();
        cache.put::<Page>("offer=30", Bytes::from_static(b"<p>page</p>"));
        cache.put::<Json>("offer=30", Bytes::from_static(b"{}"));
        assert_eq!(cache.get::<Page>("offer=30").unwrap(), "<p>page</p>");
        assert_eq!(cache.get::<Json>("offer=30").unwrap(), "{}");
        assert!(cache.get::<Page>("offer=31").is_none());
        cache.put::<Json>("offer=30", Bytes::from_static(b"{ }"));
        assert_eq!(cache.bytes(), 11 + 3);
    }

    #[test]
    fn starts_afresh_when_full_and_never_holds_more_than_its_capacity() {
        let cache = AnswerCache::default();
        let body = Bytes::from(vec![b'x'; CAPACITY_BYTES / 4 + 1]);
        for offer in 0..10 {
            cache.put::<Page>(&format!("offer={offer}"), body.clone());
            assert!(cache.bytes() <= CAPACITY_BYTES);
        }
        assert!(cache.get::<Page>("offer=9").is_some(), "the newest is kept");
        assert!(cache.get::<Page>("offer=0").is_none(), "the oldest went");
        cache.put::<Page>("huge", Bytes::from(vec![0; CAPACITY_BYTES + 1]));
        assert!(cache.get::<Page>("huge").is_none());
    }
}
