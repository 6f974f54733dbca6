//! Reads `content/salary.toml` into [`SalaryData`], checking every entry; all problems are reported
//! at once, each with its line and a fix.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{
    ComparisonDefaults, Fee, Figure, Occupation, PayBasis, Projection, SalaryData, Scope,
    Statistic, Status,
};
use diagnostics::{Date, Problem, is_slug, line_at, toml_date};
use money::Cents;
use oews::Soc;
use sources::{Source, SourceKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    reviewed: Spanned<toml::value::Datetime>,
    occupation: Vec<Spanned<RawOccupation>>,
    figure: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    projection: Vec<Spanned<RawProjection>>,
    #[serde(default)]
    fee: Vec<Spanned<RawFee>>,
    comparison: Option<Spanned<RawComparison>>,
}

/// The comparison's defaults: occupation ids, each the first occupation when left out.
#[derive(Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    occupation: Option<String>,
    baseline: Option<String>,
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
    /// The AHIMA credential the guide maps the occupation to, if any.
    credential: Option<String>,
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
    soc: Option<String>,
    soc_title: Option<String>,
    status: Option<Status>,
    note: Option<String>,
    checked_against: Option<String>,
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
    checked_against: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFee {
    id: String,
    what: String,
    amount: String,
    as_of: String,
    source: String,
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
        for (key, value) in [("title", &o.title), ("short", &o.short)] {
            checker.not_empty(key, value, line);
        }
        let soc = checker.soc(&format!("occupation `{}`", o.id), &o.soc, line);
        occupations.push(Occupation {
            id: o.id,
            soc,
            title: o.title,
            short: o.short,
            him_titles: o.him_titles,
            entry_education: o.entry_education,
            credential: o.credential,
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
        let older_soc = f
            .soc
            .as_deref()
            .map(|soc| checker.soc(&format!("figure `{}`", f.id), soc, line));
        if f.soc.is_some() != f.soc_title.is_some() {
            checker.problem(
                line,
                format!(
                    "figure `{}` gives one of `soc` and `soc_title` without the other",
                    f.id
                ),
                "a figure published under an older code names it and BLS's title for it, e.g. \
                 soc = \"29-2071\" and soc_title = \"Medical Records and Health Information Technicians\"",
            );
        }
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
            checked_against: f.checked_against,
            series: None,
            soc: older_soc,
            soc_title: f.soc_title,
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
        lines.insert(p.id.clone(), line);
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
            checked_against: p.checked_against,
        });
    }

    // A claim's verified figure must exist, and be a public figure of the same kind.
    for (id, target, line) in figures
        .iter()
        .map(|f| (&f.id, &f.checked_against))
        .chain(projections.iter().map(|p| (&p.id, &p.checked_against)))
        .filter_map(|(id, target)| {
            Some((id, target.as_ref()?, lines.get(id).copied().unwrap_or(1)))
        })
    {
        let figure_ok = figures.iter().any(|f| &f.id == target && !f.is_claim())
            && figures.iter().any(|f| &f.id == id && f.is_claim());
        let projection_ok = projections
            .iter()
            .any(|p| &p.id == target && p.status.is_none())
            && projections
                .iter()
                .any(|p| &p.id == id && p.status.is_some());
        if !figure_ok && !projection_ok {
            checker.problem(
                line,
                format!(
                    "`{id}` is checked against `{target}`: only an article's claim is checked, against a public figure or projection of its kind"
                ),
                "name the id of a BLS figure (for a figure) or projection (for a projection) in checked_against",
            );
        }
    }

    let mut fees = Vec::new();
    for entry in raw.fee {
        let line = checker.line(entry.span().start);
        let f = entry.into_inner();
        checker.unique_id(&f.id, line);
        checker.known_source(&f.source, line);
        checker.not_empty("what", &f.what, line);
        checker.not_empty("as_of", &f.as_of, line);
        let amount = match Cents::parse(&f.amount) {
            Ok(amount) if amount.0 > 0 => amount,
            _ => {
                checker.problem(
                    line,
                    format!("fee `{}` has the amount `{}`", f.id, f.amount),
                    "write a positive amount in dollars, e.g. amount = \"$229\"",
                );
                Cents(0)
            }
        };
        fees.push(Fee {
            id: f.id,
            what: f.what,
            amount,
            as_of: f.as_of,
            source: f.source,
        });
    }

    let (comparison, line) = match raw.comparison {
        Some(entry) => (entry.get_ref().clone(), checker.line(entry.span().start)),
        None => (RawComparison::default(), 1),
    };
    let first = occupations
        .first()
        .map(|o| o.id.clone())
        .unwrap_or_default();
    let mut default = |chosen: Option<String>| match chosen {
        Some(id) => {
            checker.known_occupation(&occupation_ids, &id, line);
            id
        }
        None => first.clone(),
    };
    let comparison = ComparisonDefaults {
        occupation: default(comparison.occupation),
        baseline: default(comparison.baseline),
    };
    let data = SalaryData {
        reviewed,
        occupations,
        figures,
        projections,
        fees,
        comparison,
    };
    if data.occupations.is_empty() {
        checker.problem(
            1,
            "the salary data has no [[occupation]]",
            "add the occupations the comparison shows, each with its national median",
        );
    }
    // An occupation's national median may come from the OEWS extract rather than this file, so
    // the site's loader checks for one once the extract's figures are in
    // (`SalaryData::occupations_without_median`); the import, which reads this file to learn
    // which occupations to keep, must not need the figures it is about to write.
    if checker.problems.is_empty() {
        Ok(data)
    } else {
        Err(checker.problems)
    }
}

/// The four-digit year at the end of a release name, such as 2019 in "OEWS May 2019".
pub(super) fn release_year(release: &str) -> Option<u16> {
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

    /// `text` as a SOC code (`29-2072`); a placeholder after reporting a bad one, as the load
    /// then fails anyway.
    fn soc(&mut self, what: &str, text: &str, line: usize) -> Soc {
        Soc::parse(text.trim()).unwrap_or_else(|| {
            self.problem(
                line,
                format!("{what} has `soc = \"{text}\"`, which is not a SOC code"),
                "write BLS's code as two digits, a hyphen and four digits, e.g. soc = \"29-2072\"",
            );
            Soc::PLACEHOLDER
        })
    }

    fn not_empty(&mut self, key: &str, value: &str, line: usize) {
        if value.trim().is_empty() {
            self.problem(line, format!("`{key}` is empty"), "fill it in");
        }
    }

    fn known_occupation(&mut self, ids: &HashSet<&str>, id: &str, line: usize) {
        if !ids.contains(id) {
            let mut known: Vec<&str> = ids.iter().copied().collect();
            known.sort_unstable();
            self.problem(
                line,
                format!("unknown occupation `{id}`"),
                format!(
                    "use the id of an [[occupation]] entry: {}",
                    known.join(", ")
                ),
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
                "say what checking it found: status = \"confirmed\", \"matches_quotes\", \"mislabelled\", \
                 \"unattributed\" or \"not_found\", with a one-line note",
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
