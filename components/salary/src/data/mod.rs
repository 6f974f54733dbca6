//! The salary data: occupations, pay figures and projections, and the lookups the comparison and
//! the figure tokens make. [`parse`] reads and checks `content/salary.toml`.

mod parse;

pub use parse::parse;

use serde::Deserialize;

use diagnostics::Date;
use money::Cents;
use oews::Soc;

/// One of the BLS occupations HIM jobs are counted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The id used in URLs: `specialist`, `technologist`, `manager`.
    pub id: String,
    /// BLS's Standard Occupational Classification code, parsed once at load.
    pub soc: Soc,
    /// The BLS title, capitalised as BLS writes it.
    pub title: String,
    /// The title for use inside a sentence.
    pub short: String,
    pub him_titles: Vec<String>,
    pub entry_education: String,
    /// The AHIMA credential the guide maps the occupation to (the certification chapter), if any.
    pub credential: Option<String>,
    pub note: Option<String>,
}

/// Which statistic a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Statistic {
    Median,
    Mean,
    P10,
    P25,
    P75,
    P90,
    /// An article's figure that does not say what statistic it is.
    Unstated,
}

impl Statistic {
    /// The five percentiles BLS publishes, lowest first.
    pub const PERCENTILES: [Statistic; 5] = [
        Statistic::P10,
        Statistic::P25,
        Statistic::Median,
        Statistic::P75,
        Statistic::P90,
    ];

    /// The percentile this statistic stands for, if it is one (the median is the 50th).
    pub fn percentile(self) -> Option<u8> {
        match self {
            Statistic::P10 => Some(10),
            Statistic::P25 => Some(25),
            Statistic::Median => Some(50),
            Statistic::P75 => Some(75),
            Statistic::P90 => Some(90),
            Statistic::Mean | Statistic::Unstated => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Statistic::Median => "median",
            Statistic::Mean => "mean",
            Statistic::P10 => "10th percentile",
            Statistic::P25 => "25th percentile",
            Statistic::P75 => "75th percentile",
            Statistic::P90 => "90th percentile",
            Statistic::Unstated => "statistic not stated",
        }
    }

    /// The machine name, as in the data file and the JSON and CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Statistic::Median => "median",
            Statistic::Mean => "mean",
            Statistic::P10 => "p10",
            Statistic::P25 => "p25",
            Statistic::P75 => "p75",
            Statistic::P90 => "p90",
            Statistic::Unstated => "unstated",
        }
    }
}

/// Whether a published figure is a yearly or an hourly wage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PayBasis {
    Annual,
    Hourly,
}

impl PayBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            PayBasis::Annual => "annual",
            PayBasis::Hourly => "hourly",
        }
    }
}

/// Who a figure covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    National,
    /// A BLS industry, e.g. "General medical and surgical hospitals".
    Industry(String),
    /// A type of workplace named by an article, e.g. "Hospitals".
    Facility(String),
    /// A group of workers named by an article, e.g. "less experienced professionals".
    Group(String),
    /// A BLS state, metropolitan or nonmetropolitan area, by name: built from the OEWS extract
    /// for the comparison, never read from the data file.
    Area(String),
}

impl Scope {
    fn parse(text: &str) -> Option<Scope> {
        if text == "national" {
            return Some(Scope::National);
        }
        let (kind, name) = text.split_once(':')?;
        let name = name.trim().to_string();
        if name.is_empty() {
            return None;
        }
        match kind.trim() {
            "industry" => Some(Scope::Industry(name)),
            "facility" => Some(Scope::Facility(name)),
            "group" => Some(Scope::Group(name)),
            _ => None,
        }
    }

    /// "national", or the industry, facility or group's name.
    pub fn label(&self) -> &str {
        match self {
            Scope::National => "national",
            Scope::Industry(name)
            | Scope::Facility(name)
            | Scope::Group(name)
            | Scope::Area(name) => name,
        }
    }
}

/// Whether the quick facts' rows come from one release and one projection window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuickFactsDating<'a> {
    /// The release all the newest medians share: "OEWS May 2025".
    pub median_release: Option<&'a str>,
    /// The window all the newest projections share: "2023-33".
    pub projection_window: Option<&'a str>,
}

/// What our check of an article's figure found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// BLS published the figure for the occupation and year the article names.
    Confirmed,
    /// Pages quoting BLS give the same figure for that occupation and year, but no BLS page we
    /// read shows it.
    MatchesQuotes,
    Mislabelled,
    Unattributed,
    NotFound,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::MatchesQuotes => "matches pages quoting BLS",
            Status::Mislabelled => "mislabelled",
            Status::Unattributed => "unattributed",
            Status::NotFound => "not found",
        }
    }
}

/// One pay figure with everything a reader needs to judge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub id: String,
    pub occupation: String,
    pub statistic: Statistic,
    pub basis: PayBasis,
    pub amount: Cents,
    /// "OEWS May 2019", "OOH May 2023", or an article's own dating.
    pub release: String,
    /// The data year, read from the end of `release`.
    pub year: Option<u16>,
    pub scope: Scope,
    pub source: String,
    pub employment: Option<u32>,
    /// Set on figures taken from articles: what our check found.
    pub status: Option<Status>,
    pub note: Option<String>,
    /// On an article's claim: the id of the public figure (or projection) it is checked against.
    pub checked_against: Option<String>,
    /// The BLS series id of a figure from the OEWS extract: `OEUN000000000000029902113`.
    pub series: Option<oews::SeriesId>,
    /// The BLS occupation code the figure was published under, where it is not its occupation's
    /// current one: `29-2071` for medical records figures from before the 2018 codes.
    pub soc: Option<Soc>,
    /// BLS's title for `soc`: "Medical Records and Health Information Technicians".
    pub soc_title: Option<String>,
}

impl Figure {
    /// The amount as BLS would print it: cents for hourly wages, whole dollars for annual ones.
    pub fn amount_text(&self) -> String {
        match self.basis {
            PayBasis::Annual => self.amount.dollars_text(),
            PayBasis::Hourly => self.amount.cents_text(),
        }
    }

    /// Whether this is an article's claim rather than a public statistic.
    pub fn is_claim(&self) -> bool {
        self.status.is_some()
    }
}

/// An employment projection over a ten-year window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub id: String,
    pub occupation: String,
    /// "2023-33".
    pub window: String,
    pub growth_percent: u32,
    /// BLS's words for the pace, e.g. "much faster than average".
    pub pace: Option<String>,
    pub new_jobs: Option<u32>,
    pub base_jobs: Option<u32>,
    pub openings_per_year: Option<u32>,
    pub source: String,
    pub status: Option<Status>,
    pub note: Option<String>,
    /// On an article's claim: the id of the public figure (or projection) it is checked against.
    pub checked_against: Option<String>,
}

/// Everything in the salary data file.
#[derive(Debug, Clone)]
pub struct SalaryData {
    /// When the figures were last checked.
    pub reviewed: Date,
    pub occupations: Vec<Occupation>,
    pub figures: Vec<Figure>,
    pub projections: Vec<Projection>,
    /// What it costs to sit an exam or keep a credential: not pay, but typed once like it.
    pub fees: Vec<Fee>,
    /// What the comparison shows when opened without a query.
    pub comparison: ComparisonDefaults,
}

/// The comparison's default occupations, ids of `occupations` checked at load.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComparisonDefaults {
    /// The occupation of the offer check and of pay by work setting.
    pub occupation: String,
    /// The occupation the ladder's differences are measured from.
    pub baseline: String,
}

/// A cost a student meets, such as an exam fee, with the date its source gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    pub id: String,
    /// What the fee is for: "RHIA exam, AHIMA members".
    pub what: String,
    pub amount: Cents,
    /// When the source gave it: "June 2026", or "undated".
    pub as_of: String,
    pub source: String,
}

/// The five published percentiles of one release, from which an offer can be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution<'a> {
    pub occupation: &'a Occupation,
    pub release: &'a str,
    pub year: u16,
    pub source: &'a str,
    /// The 10th, 25th, 50th, 75th and 90th percentiles, annual.
    pub points: [(u8, Cents); 5],
}

impl<'a> Distribution<'a> {
    /// The distribution of `occupation` with the release, year and source of `labelled` (one of
    /// its figures), each percentile's annual amount from `amount`; `None` if one is missing.
    pub fn of(
        occupation: &'a Occupation,
        labelled: &'a Figure,
        amount: impl Fn(Statistic) -> Option<Cents>,
    ) -> Option<Distribution<'a>> {
        let mut points = [(0, Cents(0)); 5];
        for (point, statistic) in points.iter_mut().zip(Statistic::PERCENTILES) {
            *point = (statistic.percentile()?, amount(statistic)?);
        }
        Some(Distribution {
            occupation,
            release: &labelled.release,
            year: labelled.year?,
            source: &labelled.source,
            points,
        })
    }
}

impl SalaryData {
    pub fn occupation(&self, id: &str) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.id == id)
    }

    /// The first occupation of the file; the loader refuses a file without one.
    pub fn first_occupation(&self) -> &Occupation {
        &self.occupations[0]
    }

    /// The occupations without a national annual median from a data source, in the file's order.
    /// The site's loader refuses them once the OEWS extract's figures are added, so that
    /// [`SalaryData::median_of`] always finds one.
    pub fn occupations_without_median(&self) -> impl Iterator<Item = &Occupation> {
        self.occupations
            .iter()
            .filter(|o| self.latest_median(&o.id).is_none())
    }

    /// The newest national annual median of `occupation`; the site's loader refuses an occupation
    /// without one.
    pub fn median_of(&self, occupation: &Occupation) -> &Figure {
        self.latest_median(&occupation.id)
            .expect("the loader checks that every occupation has a median")
    }

    /// The newest public projection of `occupation`, by its window.
    pub fn latest_projection(&self, occupation: &str) -> Option<&Projection> {
        self.projections
            .iter()
            .filter(|p| p.occupation == occupation && p.status.is_none())
            .max_by(|a, b| a.window.cmp(&b.window))
    }

    /// What the quick facts' rows share: the release of every occupation's newest median and the
    /// window of every newest projection, each `None` where the rows differ.
    pub fn quick_facts_dating(&self) -> QuickFactsDating<'_> {
        fn shared<'a>(mut values: impl Iterator<Item = Option<&'a str>>) -> Option<&'a str> {
            let first = values.next()??;
            values.all(|v| v == Some(first)).then_some(first)
        }
        let ids = || self.occupations.iter().map(|o| o.id.as_str());
        QuickFactsDating {
            median_release: shared(
                ids().map(|id| self.latest_median(id).map(|f| f.release.as_str())),
            ),
            projection_window: shared(
                ids().map(|id| self.latest_projection(id).map(|p| p.window.as_str())),
            ),
        }
    }

    fn statistics(&self, occupation: &str) -> impl Iterator<Item = &Figure> {
        self.figures
            .iter()
            .filter(move |f| f.occupation == occupation && !f.is_claim())
    }

    /// The newest national annual median of a public data source.
    pub fn latest_median(&self, occupation: &str) -> Option<&Figure> {
        // A plain loop: every comparison calls this for each occupation, and `max_by_key` over
        // the filter compiled to a loop that moved its accumulator on every figure (seen in perf).
        let mut newest: Option<&Figure> = None;
        for f in self.statistics(occupation) {
            let median = f.statistic == Statistic::Median
                && f.basis == PayBasis::Annual
                && matches!(f.scope, Scope::National);
            // On a tie the later figure wins, as with `max_by_key`.
            if median && newest.is_none_or(|n| f.year >= n.year) {
                newest = Some(f);
            }
        }
        newest
    }

    /// The published figure with the same statistic, release and scope as `figure`, on `basis`.
    pub fn counterpart(&self, figure: &Figure, basis: PayBasis) -> Option<&Figure> {
        self.statistics(&figure.occupation).find(|f| {
            f.basis == basis
                && f.statistic == figure.statistic
                && f.release == figure.release
                && f.scope == figure.scope
        })
    }

    /// Every complete national percentile distribution of the occupation, newest first.
    pub fn distributions(&self, occupation: &str) -> Vec<Distribution<'_>> {
        let Some(occ) = self.occupation(occupation) else {
            return Vec::new();
        };
        let mut releases: Vec<&Figure> = self
            .statistics(occupation)
            .filter(|f| {
                f.statistic == Statistic::P10
                    && f.basis == PayBasis::Annual
                    && f.scope == Scope::National
            })
            .collect();
        releases.sort_by_key(|f| std::cmp::Reverse(f.year));
        releases
            .into_iter()
            .filter_map(|p10| {
                Distribution::of(occ, p10, |statistic| {
                    self.statistics(occupation)
                        .find(|f| {
                            f.statistic == statistic
                                && f.basis == PayBasis::Annual
                                && f.scope == Scope::National
                                && f.release == p10.release
                        })
                        .map(|f| f.amount)
                })
            })
            .collect()
    }

    /// BLS pay by industry for the occupation: the newest release's annual medians where the data
    /// has any (each with its 10th and 90th percentiles beside it, see [`Self::counterpart_of`]),
    /// else the mean annual wages of older releases, in the file's order.
    pub fn industry_pay(&self, occupation: &str) -> Vec<&Figure> {
        let medians: Vec<&Figure> = self
            .statistics(occupation)
            .filter(|f| {
                matches!(f.scope, Scope::Industry(_))
                    && f.statistic == Statistic::Median
                    && f.basis == PayBasis::Annual
            })
            .collect();
        let newest = medians.iter().filter_map(|f| f.year).max();
        if newest.is_some() {
            return medians.into_iter().filter(|f| f.year == newest).collect();
        }
        self.industry_means(occupation)
    }

    /// The published figure of `statistic` with the same release, scope and basis as `figure`.
    pub fn counterpart_of(&self, figure: &Figure, statistic: Statistic) -> Option<&Figure> {
        self.statistics(&figure.occupation).find(|f| {
            f.statistic == statistic
                && f.basis == figure.basis
                && f.release == figure.release
                && f.scope == figure.scope
        })
    }

    /// BLS mean annual wages by industry for the occupation, in the file's order.
    pub fn industry_means(&self, occupation: &str) -> Vec<&Figure> {
        self.statistics(occupation)
            .filter(|f| {
                matches!(f.scope, Scope::Industry(_))
                    && f.statistic == Statistic::Mean
                    && f.basis == PayBasis::Annual
            })
            .collect()
    }

    /// Articles' pay figures for types of workplace, whatever occupation they claim to describe.
    pub fn facility_claims(&self) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.is_claim() && matches!(f.scope, Scope::Facility(_)))
            .collect()
    }

    pub fn claims(&self) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(|f| f.is_claim())
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn fee(&self, id: &str) -> Option<&Fee> {
        self.fees.iter().find(|f| f.id == id)
    }

    pub fn projection(&self, id: &str) -> Option<&Projection> {
        self.projections.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests;
