//! The comparison's tables as views (caption, headers, cells with their source notes and our mark)
//! and the numbered source notes they cite: built by the page, the embed and the two-place table.

use std::collections::HashMap;

use crate::oews::bls_series_url;
use crate::salary::area::PriceHere;
use crate::salary::compare::Shown;
use crate::salary::data::Figure;
use crate::site::Site;

/// An accessible table: a caption, column headers, and rows whose first cell heads the row.
pub(crate) struct TableView {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

pub(crate) struct Cell {
    pub text: String,
    /// Footnote numbers: the figure's source and release.
    pub notes: Vec<usize>,
    /// Computed by us, not published.
    pub computed: bool,
}

impl Cell {
    pub(super) fn computed(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            notes: Vec::new(),
            computed: true,
        }
    }

    pub(super) fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            notes: Vec::new(),
            computed: false,
        }
    }
}

pub(crate) struct Footnote {
    pub number: usize,
    pub source_id: String,
    pub text: String,
    /// The BLS series of the figures that cite this note, each with its page on data.bls.gov.
    pub series: Vec<SeriesLink>,
}

pub(crate) struct SeriesLink {
    pub id: String,
    pub url: String,
}

/// The footnotes of one page: one per source and release, numbered in order of first use.
pub(super) struct Footnotes<'a> {
    site: &'a Site,
    numbers: HashMap<(String, String), usize>,
    pub(super) list: Vec<Footnote>,
}

impl<'a> Footnotes<'a> {
    pub(super) fn new(site: &'a Site) -> Self {
        Footnotes {
            site,
            numbers: HashMap::new(),
            list: Vec::new(),
        }
    }

    /// The note of `figure`'s source and release, which lists the figure's BLS series.
    pub(super) fn number(&mut self, figure: &Figure) -> usize {
        let key = (figure.source.clone(), figure.release.clone());
        let number = match self.numbers.get(&key) {
            Some(number) => *number,
            None => self.add(figure, key),
        };
        if let Some(id) = figure.series {
            let series = &mut self.list[number - 1].series;
            let id_text = id.to_string();
            if !series.iter().any(|s| s.id == id_text) {
                series.push(SeriesLink {
                    id: id_text,
                    url: bls_series_url(id),
                });
            }
        }
        number
    }

    fn add(&mut self, figure: &Figure, key: (String, String)) -> usize {
        let number = self.list.len() + 1;
        let source = self.site.source(&figure.source);
        let title = source.map_or(figure.source.as_str(), |s| s.title.as_str());
        let says = &self.site.words.salary.sources;
        let note = if figure.is_claim() {
            &says.note_article
        } else {
            &says.note
        };
        let text = note
            .with("title", title)
            .with("release", &figure.release)
            .to_string();
        self.list.push(Footnote {
            number,
            source_id: figure.source.clone(),
            text,
            series: Vec::new(),
        });
        self.numbers.insert(key, number);
        number
    }

    /// The note of BEA's price levels of one year, which the amounts at national prices cite.
    pub(super) fn price_number(&mut self, here: &PriceHere) -> usize {
        let key = (here.source.clone(), here.year.to_string());
        if let Some(number) = self.numbers.get(&key) {
            return *number;
        }
        let number = self.list.len() + 1;
        let title = self
            .site
            .source(&here.source)
            .map_or(here.source.as_str(), |s| s.title.as_str());
        let text = self
            .site
            .words
            .salary
            .sources
            .note
            .with("title", title)
            .with("release", here.year)
            .to_string();
        self.list.push(Footnote {
            number,
            source_id: here.source.clone(),
            text,
            series: Vec::new(),
        });
        self.numbers.insert(key, number);
        number
    }

    /// "$39,830 to $117,420": both ends come from one release, whose note lists both series.
    pub(super) fn range_cell(&mut self, p10: &Shown<'_>, p90: &Shown<'_>) -> Cell {
        let (low, high) = (self.number(p10.figure), self.number(p90.figure));
        Cell {
            text: self
                .site
                .words
                .salary
                .table
                .range
                .with("low", p10.text())
                .with("high", p90.text())
                .to_string(),
            notes: if low == high {
                vec![low]
            } else {
                vec![low, high]
            },
            computed: p10.computed || p90.computed,
        }
    }

    pub(super) fn cell(&mut self, shown: &Shown<'_>) -> Cell {
        Cell {
            text: shown.text(),
            notes: vec![self.number(shown.figure)],
            computed: shown.computed,
        }
    }
}
