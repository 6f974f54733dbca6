//! Answers computed per query, kept by format and query string: the same query always gives the
//! same bytes until the site is reloaded, and a shared result's address is asked for again and
//! again (the comparison's, a search of the schools). Each answer is kept as a [`Prepared`] body,
//! so a repeated query is served like a page: with its ETag (and 304), and compressed once it is
//! asked for again. An answer is kept from its query's second request on: a stream of one-off
//! queries (a new offer each time) only leaves the hashes of their queries, and costs no
//! insertion. The cache is `quick_cache`'s, bounded by bytes, whose policy also keeps the answers
//! asked for most.

use std::any::TypeId;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

use quick_cache::{Equivalent, Weighter, sync::Cache};

use crate::web::prepared::Prepared;

/// Bytes kept at most by each cache, counting each answer's compressed variants as half its size
/// again: about 150 comparison pages.
const CAPACITY_BYTES: u64 = 4 * 1024 * 1024;

/// Queries remembered as asked once (a hash each) before the oldest are forgotten.
const SEEN_CAPACITY: usize = 16 * 1024;

/// Successful answers by format and the query string as the client sent it.
pub struct AnswerCache {
    kept: Cache<AnswerKey, Arc<Prepared>, ByWeight>,
    /// Hashes of the queries (with their format) answered once and not kept.
    seen_once: Cache<u64, ()>,
    hasher: std::hash::RandomState,
}

impl Default for AnswerCache {
    fn default() -> AnswerCache {
        AnswerCache {
            kept: Cache::with_weighter(256, CAPACITY_BYTES, ByWeight),
            seen_once: Cache::new(SEEN_CAPACITY),
            hasher: std::hash::RandomState::new(),
        }
    }
}

impl AnswerCache {
    /// The answer kept for `query` in format `F`, looked up without allocating.
    pub fn get<F: 'static>(&self, query: &str) -> Option<Arc<Prepared>> {
        self.kept.get(&QueryOf {
            format: TypeId::of::<F>(),
            query,
        })
    }

    /// Keeps `answer` as the answer to `query` in format `F` if that query was answered before;
    /// one larger than the whole capacity is never kept.
    pub fn put<F: 'static>(&self, query: &str, answer: Arc<Prepared>) {
        let asked = QueryOf {
            format: TypeId::of::<F>(),
            query,
        };
        let fingerprint = self.hasher.hash_one(&asked);
        if self.seen_once.remove(&fingerprint).is_none() {
            self.seen_once.insert(fingerprint, ());
            return;
        }
        let key = AnswerKey {
            format: asked.format,
            query: query.into(),
        };
        if ByWeight.weight(&key, &answer) <= CAPACITY_BYTES {
            self.kept.insert(key, answer);
        }
    }

    /// Bytes kept now, as weighed.
    pub fn bytes(&self) -> u64 {
        self.kept.weight()
    }
}

/// A query string answered in a format.
#[derive(PartialEq, Eq)]
struct AnswerKey {
    format: TypeId,
    query: Box<str>,
}

/// An [`AnswerKey`] borrowed from the request, to look one up; hashes as the key does.
struct QueryOf<'a> {
    format: TypeId,
    query: &'a str,
}

impl Hash for AnswerKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        QueryOf {
            format: self.format,
            query: &self.query,
        }
        .hash(state);
    }
}

impl Hash for QueryOf<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.format.hash(state);
        self.query.hash(state);
    }
}

impl Equivalent<AnswerKey> for QueryOf<'_> {
    fn equivalent(&self, key: &AnswerKey) -> bool {
        self.format == key.format && self.query == &*key.query
    }
}

/// Weighs an answer by its bytes: the identity body, half as much again for the compressed
/// variants made when it is asked for again, and the query.
#[derive(Clone)]
struct ByWeight;

impl Weighter<AnswerKey, Arc<Prepared>> for ByWeight {
    fn weight(&self, key: &AnswerKey, answer: &Arc<Prepared>) -> u64 {
        let body = answer.identity_len() as u64;
        body + body / 2 + key.query.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::prepared::{CACHE_PAGE, Keep};

    struct Page;
    struct Json;

    fn answer(body: &str) -> Arc<Prepared> {
        Arc::new(Prepared::new(
            "text/html; charset=utf-8",
            CACHE_PAGE,
            body.to_string(),
            Keep::UntilReload,
        ))
    }

    /// Puts an answer twice, as its query's second request does.
    fn put_twice<F: 'static>(cache: &AnswerCache, query: &str, body: &str) {
        cache.put::<F>(query, answer(body));
        cache.put::<F>(query, answer(body));
    }

    fn body(cache: &AnswerCache, query: &str) -> Option<usize> {
        cache.get::<Page>(query).map(|answer| answer.identity_len())
    }

    #[test]
    fn keeps_each_format_apart() {
        let cache = AnswerCache::default();
        cache.put::<Page>("offer=30", answer("<p>page</p>"));
        assert!(body(&cache, "offer=30").is_none(), "asked once");
        cache.put::<Json>("offer=30", answer("{}"));
        assert!(cache.get::<Json>("offer=30").is_none(), "another format");
        cache.put::<Page>("offer=30", answer("<p>page</p>"));
        cache.put::<Json>("offer=30", answer("{}"));
        assert_eq!(body(&cache, "offer=30"), Some(11));
        assert_eq!(cache.get::<Json>("offer=30").unwrap().identity_len(), 2);
        assert!(cache.get::<Page>("offer=31").is_none());
        assert!(cache.get::<Json>("offer=31").is_none());
    }

    #[test]
    fn never_holds_more_than_its_capacity_nor_an_answer_larger_than_it() {
        let cache = AnswerCache::default();
        let large = "x".repeat(CAPACITY_BYTES as usize / 8);
        for offer in 0..100 {
            put_twice::<Page>(&cache, &format!("offer={offer}"), &large);
            assert!(cache.bytes() <= CAPACITY_BYTES, "{}", cache.bytes());
        }
        let huge = "x".repeat(CAPACITY_BYTES as usize);
        put_twice::<Page>(&cache, "huge", &huge);
        assert!(body(&cache, "huge").is_none());
    }

    #[test]
    fn answers_asked_for_again_outlive_a_stream_of_one_off_queries() {
        let cache = AnswerCache::default();
        let page = "x".repeat(20 * 1024);
        // As the handler does: a miss computes the answer and keeps it.
        let ask = |query: &str| {
            if cache.get::<Page>(query).is_none() {
                cache.put::<Page>(query, answer(&page));
            }
        };
        ask("shared");
        ask("shared");
        // Ten times the capacity in new offers, each asked for once: none is kept.
        for offer in 0..2_000 {
            ask(&format!("offer={offer}"));
        }
        assert_eq!(cache.kept.len(), 1);
        assert_eq!(
            body(&cache, "shared"),
            Some(page.len()),
            "the shared answer stays"
        );
        // A query first asked for once the cache is full is kept from its second request on.
        ask("late");
        ask("late");
        assert_eq!(body(&cache, "late"), Some(page.len()));
    }

    #[test]
    fn remembers_a_bounded_number_of_queries_asked_once() {
        let cache = AnswerCache::default();
        for offer in 0..3 * SEEN_CAPACITY {
            cache.put::<Page>(&format!("offer={offer}"), answer("x"));
        }
        assert!(cache.seen_once.len() <= SEEN_CAPACITY);
        assert_eq!(cache.kept.len(), 0);
    }
}
