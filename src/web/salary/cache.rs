//! The offer-independent parts of comparisons, kept by comparison (the answers themselves are
//! kept by [`crate::web::answers::AnswerCache`]).

use std::sync::Arc;

use quick_cache::sync::Cache;

use super::page::Figures;

/// The offer-independent parts of results ([`Figures`]), by the comparison's canonical query
/// without the offer: a reader trying offer after offer in one comparison gets its tables built
/// and rendered once. Bounded by count; a comparison's figures take about 15 kB, most of it the
/// form's area list.
pub struct FiguresCache {
    kept: Cache<String, Arc<Figures>>,
}

/// Comparisons whose figures are kept at most.
const FIGURES_KEPT: usize = 512;

impl Default for FiguresCache {
    fn default() -> FiguresCache {
        FiguresCache {
            kept: Cache::new(FIGURES_KEPT),
        }
    }
}

impl FiguresCache {
    /// The figures kept for `comparison`, or those `build` makes, kept from now on.
    pub(crate) fn get_or_build<E>(
        &self,
        comparison: &str,
        build: impl FnOnce() -> Result<Figures, E>,
    ) -> Result<Arc<Figures>, E> {
        if let Some(figures) = self.kept.get(comparison) {
            return Ok(figures);
        }
        let figures = Arc::new(build()?);
        self.kept
            .insert(comparison.to_string(), Arc::clone(&figures));
        Ok(figures)
    }
}
