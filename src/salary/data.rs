//! Reads `content/salary.toml`: occupations, pay figures and projections, each checked at start-up.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::money::Cents;
use crate::diagnostics::{Date, Problem, is_slug, line_at, toml_date};
use crate::sources::{Source, SourceKind};

/// One of the BLS occupations HIM jobs are counted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The id used in URLs: `specialist`, `technologist`, `manager`.
    pub id: String,
    pub soc: String,
    /// The BLS title, capitalised as BLS writes it.
    pub title: String,
    /// The title for use inside a sentence.
    pub short: String,
    pub him_titles: Vec<String>,
    pub entry_education: String,
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
            Scope::Industry(name) | Scope::Facility(name) | Scope::Group(name) => name,
        }
    }
}

/// What our check of an article's figure found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Confirmed,
    Mislabelled,
    Unattributed,
    NotFound,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
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
}

/// Everything in the salary data file.
#[derive(Debug, Clone)]
pub struct SalaryData {
    /// When the figures were last checked.
    pub reviewed: Date,
    pub occupations: Vec<Occupation>,
    pub figures: Vec<Figure>,
    pub projections: Vec<Projection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    reviewed: Spanned<toml::value::Datetime>,
    occupation: Vec<Spanned<RawOccupation>>,
    figure: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    projection: Vec<Spanned<RawProjection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOccupation {
    id: String,
    soc: String,
    title: String,
    short: String,
    him_titles: Vec<String>,
    entry_education: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: String,
    occupation: String,
    statistic: Statistic,
    period: PayBasis,
    amount: String,
    release: String,
    scope: String,
    source: String,
    employment: Option<u32>,
    status: Option<Status>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProjection {
    id: String,
    occupation: String,
    window: String,
    growth_percent: u32,
    pace: Option<String>,
    new_jobs: Option<u32>,
    base_jobs: Option<u32>,
    openings_per_year: Option<u32>,
    source: String,
    status: Option<Status>,
    note: Option<String>,
}

/// Parses and checks the salary data at `file` (a path for messages) against the sources list.
#[allow(
    clippy::too_many_lines,
    reason = "one check per entry kind, gathered so every problem is reported at once"
)]
pub fn parse(file: &Path, text: &str, sources: &[Source]) -> Result<SalaryData, Vec<Problem>> {
    let raw: RawFile = toml::from_str(text).map_err(|err| {
        let line = err.span().map(|span| line_at(text, span.start));
        vec![Problem::new(
            file,
            line,
            format!("salary data: {}", err.message().trim()),
            "see the field list at the top of content/salary.toml",
        )]
    })?;
    let mut checker = Checker {
        file,
        text,
        sources,
        problems: Vec::new(),
        ids: HashSet::new(),
    };

    let reviewed_line = line_at(text, raw.reviewed.span().start);
    let reviewed = toml_date(raw.reviewed.get_ref()).unwrap_or_else(|| {
        checker.problem(
            reviewed_line,
            "`reviewed` must be a date",
            "write reviewed = 2026-11-22",
        );
        Date::default()
    });

    let mut occupations = Vec::new();
    for entry in raw.occupation {
        let line = checker.line(entry.span().start);
        let o = entry.into_inner();
        checker.unique_id(&o.id, line);
        for (key, value) in [("soc", &o.soc), ("title", &o.title), ("short", &o.short)] {
            checker.not_empty(key, value, line);
        }
        occupations.push(Occupation {
            id: o.id,
            soc: o.soc,
            title: o.title,
            short: o.short,
            him_titles: o.him_titles,
            entry_education: o.entry_education,
            note: o.note,
        });
    }
    let occupation_ids: HashSet<&str> = occupations.iter().map(|o| o.id.as_str()).collect();

    let mut figures = Vec::new();
    let mut lines = HashMap::new();
    for entry in raw.figure {
        let line = checker.line(entry.span().start);
        let f = entry.into_inner();
        checker.unique_id(&f.id, line);
        checker.known_occupation(&occupation_ids, &f.occupation, line);
        let kind = checker.known_source(&f.source, line);
        checker.status_fits_source(kind, f.status, f.note.as_deref(), line);
        let amount = match Cents::parse(&f.amount) {
            Ok(amount) if amount.0 > 0 => amount,
            Ok(_) => {
                checker.problem(
                    line,
                    format!("figure `{}` has a zero amount", f.id),
                    "amounts must be positive",
                );
                Cents(0)
            }
            Err(err) => {
                checker.problem(
                    line,
                    format!("figure `{}` has the amount `{}`: {err}", f.id, f.amount),
                    "write the amount as BLS prints it, e.g. amount = \"$110,680\" or \"$53.21\"",
                );
                Cents(0)
            }
        };
        let year = release_year(&f.release);
        if year.is_none() && kind == Some(SourceKind::Data) {
            checker.problem(
                line,
                format!(
                    "figure `{}` has the release `{}`, which does not end in a year",
                    f.id, f.release
                ),
                "name the release with its year, e.g. release = \"OEWS May 2019\"",
            );
        }
        let scope = Scope::parse(&f.scope).unwrap_or_else(|| {
            checker.problem(
                line,
                format!("figure `{}` has the scope `{}`", f.id, f.scope),
                "use \"national\", \"industry: NAME\", \"facility: NAME\" or \"group: WHO\"",
            );
            Scope::National
        });
        lines.insert(f.id.clone(), line);
        figures.push(Figure {
            id: f.id,
            occupation: f.occupation,
            statistic: f.statistic,
            basis: f.period,
            amount,
            release: f.release,
            year,
            scope,
            source: f.source,
            employment: f.employment,
            status: f.status,
            note: f.note,
        });
    }
    checker.percentiles_in_order(&figures, &lines);

    let mut projections = Vec::new();
    for entry in raw.projection {
        let line = checker.line(entry.span().start);
        let p = entry.into_inner();
        checker.unique_id(&p.id, line);
        checker.known_occupation(&occupation_ids, &p.occupation, line);
        let kind = checker.known_source(&p.source, line);
        checker.status_fits_source(kind, p.status, p.note.as_deref(), line);
        projections.push(Projection {
            id: p.id,
            occupation: p.occupation,
            window: p.window,
            growth_percent: p.growth_percent,
            pace: p.pace,
            new_jobs: p.new_jobs,
            base_jobs: p.base_jobs,
            openings_per_year: p.openings_per_year,
            source: p.source,
            status: p.status,
            note: p.note,
        });
    }

    let data = SalaryData {
        reviewed,
        occupations,
        figures,
        projections,
    };
    if data.occupations.is_empty() {
        checker.problem(
            1,
            "the salary data has no [[occupation]]",
            "add the occupations the comparison shows, each with its national median",
        );
    }
    for occupation in &data.occupations {
        if data.latest_median(&occupation.id).is_none() {
            checker.problem(
                1,
                format!(
                    "occupation `{}` has no national annual median from a data source",
                    occupation.id
                ),
                "add its median from the BLS Occupational Outlook Handbook or OEWS",
            );
        }
    }
    if checker.problems.is_empty() {
        Ok(data)
    } else {
        Err(checker.problems)
    }
}

/// The four-digit year at the end of a release name, such as 2019 in "OEWS May 2019".
fn release_year(release: &str) -> Option<u16> {
    let last = release.split_whitespace().last()?;
    (last.len() == 4).then(|| last.parse().ok()).flatten()
}

struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    sources: &'a [Source],
    problems: Vec<Problem>,
    ids: HashSet<String>,
}

impl Checker<'_> {
    fn line(&self, offset: usize) -> usize {
        line_at(self.text, offset)
    }

    fn problem(&mut self, line: usize, message: impl Into<String>, fix: impl Into<String>) {
        self.problems
            .push(Problem::new(self.file, Some(line), message, fix));
    }

    fn unique_id(&mut self, id: &str, line: usize) {
        if !is_slug(id) {
            self.problem(
                line,
                format!("the id `{id}` is not usable"),
                "use lowercase letters, digits and hyphens",
            );
        } else if !self.ids.insert(id.to_string()) {
            self.problem(
                line,
                format!("the id `{id}` is used twice"),
                "give each entry its own id",
            );
        }
    }

    fn not_empty(&mut self, key: &str, value: &str, line: usize) {
        if value.trim().is_empty() {
            self.problem(line, format!("`{key}` is empty"), "fill it in");
        }
    }

    fn known_occupation(&mut self, ids: &HashSet<&str>, id: &str, line: usize) {
        if !ids.contains(id) {
            self.problem(
                line,
                format!("unknown occupation `{id}`"),
                "use the id of an [[occupation]] entry: specialist, technologist or manager",
            );
        }
    }

    fn known_source(&mut self, id: &str, line: usize) -> Option<SourceKind> {
        if self.sources.is_empty() {
            // The sources list failed to load; its own problems say why.
            return None;
        }
        let kind = self.sources.iter().find(|s| s.id == id).map(|s| s.kind);
        if kind.is_none() {
            self.problem(
                line,
                format!("unknown source id `{id}`"),
                "use an id listed in content/sources.toml, or add a [[source]] entry for it",
            );
        }
        kind
    }

    /// Articles' figures must say what our check found; public statistics must not.
    fn status_fits_source(
        &mut self,
        kind: Option<SourceKind>,
        status: Option<Status>,
        note: Option<&str>,
        line: usize,
    ) {
        match (kind, status) {
            (Some(SourceKind::Document), None) => self.problem(
                line,
                "a figure from an article has no `status`",
                "say what checking it found: status = \"confirmed\", \"mislabelled\", \"unattributed\" or \
                 \"not_found\", with a one-line note",
            ),
            (Some(SourceKind::Data), Some(_)) => self.problem(
                line,
                "a figure from a public data page has a `status`",
                "status is only for figures taken from articles; remove it",
            ),
            (_, Some(_)) if note.is_none_or(|n| n.trim().is_empty()) => self.problem(
                line,
                "a checked figure has no `note`",
                "explain in one line what the check found",
            ),
            _ => {}
        }
    }

    /// Within one release, scope and basis, the published percentiles must rise.
    fn percentiles_in_order(&mut self, figures: &[Figure], lines: &HashMap<String, usize>) {
        let mut groups: HashMap<(&str, &str, &Scope, PayBasis, &str), Vec<&Figure>> =
            HashMap::new();
        for f in figures
            .iter()
            .filter(|f| !f.is_claim() && f.statistic.percentile().is_some())
        {
            groups
                .entry((&f.occupation, &f.release, &f.scope, f.basis, &f.source))
                .or_default()
                .push(f);
        }
        for group in groups.values_mut() {
            group.sort_by_key(|f| f.statistic.percentile());
            for pair in group.windows(2) {
                if pair[0].statistic == pair[1].statistic {
                    self.problem(
                        lines[&pair[1].id],
                        format!(
                            "`{}` repeats the {} of `{}`",
                            pair[1].id,
                            pair[1].statistic.label(),
                            pair[0].id
                        ),
                        "keep one figure per statistic and release",
                    );
                } else if pair[0].amount >= pair[1].amount {
                    self.problem(
                        lines[&pair[1].id],
                        format!(
                            "percentiles out of order: `{}` ({}) is not above `{}` ({})",
                            pair[1].id,
                            pair[1].amount_text(),
                            pair[0].id,
                            pair[0].amount_text()
                        ),
                        "check both amounts against the published table",
                    );
                }
            }
        }
    }
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

impl SalaryData {
    pub fn occupation(&self, id: &str) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.id == id)
    }

    /// The first occupation of the file; the loader refuses a file without one.
    pub fn first_occupation(&self) -> &Occupation {
        &self.occupations[0]
    }

    /// The newest national annual median of `occupation`; the loader refuses an occupation without one.
    pub fn median_of(&self, occupation: &Occupation) -> &Figure {
        self.latest_median(&occupation.id)
            .expect("the loader checks that every occupation has a median")
    }

    fn statistics(&self, occupation: &str) -> impl Iterator<Item = &Figure> {
        self.figures
            .iter()
            .filter(move |f| f.occupation == occupation && !f.is_claim())
    }

    /// The newest national annual median of a public data source.
    pub fn latest_median(&self, occupation: &str) -> Option<&Figure> {
        self.statistics(occupation)
            .filter(|f| {
                f.statistic == Statistic::Median
                    && f.basis == PayBasis::Annual
                    && f.scope == Scope::National
            })
            .max_by_key(|f| f.year)
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
                let point = |statistic: Statistic| {
                    self.statistics(occupation)
                        .find(|f| {
                            f.statistic == statistic
                                && f.basis == PayBasis::Annual
                                && f.scope == Scope::National
                                && f.release == p10.release
                        })
                        .map(|f| (statistic.percentile().expect("a percentile"), f.amount))
                };
                Some(Distribution {
                    occupation: occ,
                    release: &p10.release,
                    year: p10.year?,
                    source: &p10.source,
                    points: [
                        point(Statistic::P10)?,
                        point(Statistic::P25)?,
                        point(Statistic::Median)?,
                        point(Statistic::P75)?,
                        point(Statistic::P90)?,
                    ],
                })
            })
            .collect()
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

    pub fn projection(&self, id: &str) -> Option<&Projection> {
        self.projections.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        crate::sources::parse(
            Path::new("s.toml"),
            "[[source]]\nid=\"bls\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"data\"\ndate=\"d\"\ncontributed=\"c\"\n\
             [[source]]\nid=\"blog\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"document\"\ndate=\"d\"\ncontributed=\"c\"\n",
        )
        .unwrap()
    }

    const HEAD: &str = "reviewed = 2026-11-22\n[[occupation]]\nid = \"manager\"\nsoc = \"11-9111\"\n\
                        title = \"T\"\nshort = \"t\"\nhim_titles = []\nentry_education = \"BA\"\n";

    fn figure(id: &str, statistic: &str, amount: &str, extra: &str) -> String {
        format!(
            "[[figure]]\nid = \"{id}\"\noccupation = \"manager\"\nstatistic = \"{statistic}\"\nperiod = \"annual\"\n\
             amount = \"{amount}\"\nrelease = \"OEWS May 2019\"\nscope = \"national\"\nsource = \"bls\"\n{extra}"
        )
    }

    fn parse_text(text: &str) -> Result<SalaryData, Vec<Problem>> {
        parse(Path::new("content/salary.toml"), text, &sources())
    }

    fn distribution_text() -> String {
        [
            ("p10", "$10"),
            ("p25", "$20"),
            ("median", "$30"),
            ("p75", "$40"),
            ("p90", "$50"),
        ]
        .iter()
        .map(|(s, a)| figure(s, s, a, ""))
        .collect()
    }

    #[test]
    fn loads_a_distribution_and_finds_the_latest_median() {
        let data = parse_text(&format!("{HEAD}{}", distribution_text())).unwrap();
        let dists = data.distributions("manager");
        assert_eq!(dists.len(), 1);
        assert_eq!(dists[0].year, 2019);
        assert_eq!(dists[0].points[2], (50, Cents::from_dollars(30)));
        assert_eq!(data.latest_median("manager").unwrap().id, "median");
    }

    #[test]
    fn rejects_percentiles_out_of_order_naming_the_line() {
        let text = format!(
            "{HEAD}{}",
            distribution_text().replace("\"$40\"", "\"$25\"")
        );
        let problems = parse_text(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("percentiles out of order: `median` ($30) is not above `p75` ($25)")
                || problems[0].message.starts_with(
                    "percentiles out of order: `p75` ($25) is not above `median` ($30)"
                ),
            "{}",
            problems[0].message
        );
        assert!(problems[0].line.is_some());
    }

    #[test]
    fn rejects_unknown_sources_non_positive_amounts_and_missing_status() {
        let text = format!(
            "{HEAD}{}{}{}{}",
            figure("a", "median", "$30", ""),
            figure("b", "mean", "$0", ""),
            figure("c", "mean", "$5", "").replace("\"bls\"", "\"nope\""),
            figure("d", "mean", "$5", "").replace("\"bls\"", "\"blog\""),
        );
        let problems = parse_text(&text).unwrap_err();
        let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages.contains(&"figure `b` has a zero amount"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"unknown source id `nope`"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"a figure from an article has no `status`"),
            "{messages:?}"
        );
        let line_of_b = problems
            .iter()
            .find(|p| p.message.contains("`b`"))
            .unwrap()
            .line
            .unwrap();
        assert_eq!(line_of_b, 18);
    }

    #[test]
    fn rejects_negative_amounts_and_missing_fields() {
        let problems =
            parse_text(&format!("{HEAD}{}", figure("a", "median", "-$5", ""))).unwrap_err();
        assert!(
            problems[0].message.contains("the amount is negative"),
            "{}",
            problems[0].message
        );
        let problems = parse_text(&format!(
            "{HEAD}{}",
            figure("a", "median", "$5", "").replace("scope = \"national\"\n", "")
        ))
        .unwrap_err();
        assert!(
            problems[0].message.contains("missing field `scope`"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn reads_scopes_and_release_years() {
        assert_eq!(
            Scope::parse("industry: Offices of physicians"),
            Some(Scope::Industry("Offices of physicians".into()))
        );
        assert_eq!(Scope::parse("planet: Mars"), None);
        assert_eq!(Scope::parse("facility:"), None);
        assert_eq!(release_year("OEWS May 2019"), Some(2019));
        assert_eq!(release_year("undated"), None);
    }
}
