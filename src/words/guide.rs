//! The words of the guide's own pages: chapters, the guide's index at `/guide`, the sources page
//! and each chapter's fact sheet: `words/<lang>/guide.toml`.

use serde::Deserialize;

use super::{Message, NumberWords, Text};
use crate::diagnostics::Date;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideWords {
    /// `Last reviewed {date}`: under a chapter's and the sources page's title; `{date}` is a
    /// `<time>` element.
    pub last_reviewed: Message,

    /// The heading of a chapter's table of contents.
    pub on_this_page: Text,
    /// The heading of the chapter list beside a chapter.
    pub chapters: Text,
    /// The heading of the list of a page's sources, below it.
    pub sources_for_this_page: Text,
    /// `How we check figures: {link}.` below the sources; `{link}` says [`Self::about_link`].
    pub how_we_check: Message,
    pub about_link: Text,
    /// The accessible name of the previous/next links below a chapter, and their labels.
    pub pager: Text,
    pub previous_chapter: Text,
    pub next_chapter: Text,

    /// The block below a chapter that gives its address and its citations.
    pub cite_title: Text,
    /// `Link to this page: {address}`, the address a link.
    pub link_to_this_page: Message,
    /// `For a handout: {link}.`, the link saying [`Self::fact_sheet_link`].
    pub for_a_handout: Message,
    pub fact_sheet_link: Text,
    /// The citation styles' names.
    pub apa: Text,
    pub mla: Text,
    /// `{year}, {month} {day}`: the date of an APA citation, the month named in full.
    pub apa_date: Message,
    /// `{day} {month} {year}`: the date of an MLA citation, the month as [`Self::mla_months`].
    pub mla_date: Message,
    /// January to December as MLA abbreviates them.
    pub mla_months: [Text; 12],

    /// The guide index's description (its lede and meta description) and the sentence after it.
    pub index_description: Text,
    pub index_start: Text,

    /// The sources page's two groups.
    pub source_documents: Text,
    pub data_pages: Text,
    /// The labels of what is known of a source, and what stands for an unnamed publisher.
    pub author: Text,
    pub publisher: Text,
    pub publisher_unknown: Text,
    pub date: Text,
    pub address: Text,
    pub contributed: Text,
    pub caveat: Text,

    /// `Fact sheet: {chapter}`: a fact sheet's title.
    pub fact_sheet_title: Message,
    /// The fact sheet's opening sentences: the site, the review date (a `<time>`), the chapter's
    /// address (a link).
    pub fact_sheet_from: Message,
    pub fact_sheet_reviewed: Message,
    pub fact_sheet_read_chapter: Message,
    pub print_hint: Text,
    /// The fact sheet's headings.
    pub in_this_chapter: Text,
    pub key_figures: Text,
    /// Below the key figures: whether the medians share one `{release}` and the projections one
    /// `{window}`, then a pointer to the salary chapter.
    pub medians_share_a_release: Message,
    pub medians_differ: Text,
    pub projections_share_a_window: Message,
    pub projections_differ: Text,
    pub salary_chapter_explains: Text,
    pub fact_sheet_sources: Text,
    /// Before the fact sheet's citation.
    pub cite_as: Text,
}

impl GuideWords {
    /// `2026, November 22`, as an APA citation dates a web page.
    pub fn apa_date(&self, numbers: &NumberWords, date: &Date) -> String {
        let month = &numbers.months[usize::from(date.month.clamp(1, 12)) - 1];
        self.apa_date
            .with("year", date.year)
            .with("month", month)
            .with("day", date.day)
            .to_string()
    }

    /// `22 Nov. 2026`, as an MLA citation does.
    pub fn mla_date(&self, date: &Date) -> String {
        let month = &self.mla_months[usize::from(date.month.clamp(1, 12)) - 1];
        self.mla_date
            .with("day", date.day)
            .with("month", month)
            .with("year", date.year)
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Date;
    use crate::words::Words;

    #[test]
    fn dates_citations_as_apa_and_mla_do() {
        let w = Words::english();
        let date = |month, day| Date {
            year: 2026,
            month,
            day,
        };
        assert_eq!(
            w.guide.apa_date(&w.numbers, &date(11, 22)),
            "2026, November 22"
        );
        assert_eq!(w.guide.mla_date(&date(3, 5)), "5 Mar. 2026");
        assert_eq!(w.guide.mla_date(&date(6, 1)), "1 June 2026");
        assert_eq!(w.guide.mla_date(&date(9, 30)), "30 Sept. 2026");
        for month in 1..=12 {
            let d = date(month, 9);
            assert_eq!(w.guide.apa_date(&w.numbers, &d), d.apa(), "the old wording");
            assert_eq!(w.guide.mla_date(&d), d.mla(), "the old wording");
        }
    }
}
