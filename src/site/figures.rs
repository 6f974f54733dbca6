//! Answers the figure tokens in guide pages, `{{fig:ID}}` and `{{table:NAME}}`, from the salary data,
//! so that the pages and the salary comparison show the same figures and none is typed twice.

use crate::content::markdown::Figures;
use crate::money::{Side, group_thousands};
use crate::oews::{AreaCode, Extract, bls_series_url};
use crate::pay::Directory;
use crate::salary::area::{AreaCache, Areas};
use crate::salary::capitalise;
use crate::salary::compare::MAX_DISTRIBUTION_AGE;
use crate::salary::data::{Figure, PayBasis, SalaryData, Scope, Statistic};
use crate::sources::Source;

/// The salary data and the sources its figures cite, as seen from a guide page.
pub(super) struct GuideFigures<'a> {
    pub data: &'a SalaryData,
    pub sources: &'a [Source],
    /// Pay in each area of the OEWS extract (`None` without one) and the directory of their
    /// pages, for tables of pay by area.
    pub pay: Option<Areas<'a>>,
    pub areas: &'a Directory,
}

impl<'a> GuideFigures<'a> {
    pub(super) fn new(
        data: &'a SalaryData,
        sources: &'a [Source],
        oews: Option<&'a Extract>,
        areas: &'a Directory,
        area_pay: &'a AreaCache,
    ) -> GuideFigures<'a> {
        GuideFigures {
            data,
            sources,
            pay: oews.map(|extract| Areas::new(extract, data, area_pay)),
            areas,
        }
    }
}

/// The tables a page can place with `{{table:NAME}}`.
pub(super) const TABLES: &[&str] = &[
    "quick-facts",
    "median-pay",
    "spread-of-pay",
    "mean-pay-by-industry",
    "pay-by-industry",
    "pay-history",
    "industry-employment:OCCUPATION",
    "area-pay:AREA,AREA,...",
    "projections",
    "claims",
];

impl Figures for GuideFigures<'_> {
    fn inline(&self, key: &str) -> Result<String, String> {
        let (id, field) = match key.split_once(':') {
            Some((id, field)) => (id, Some(field)),
            None => (key, None),
        };
        if let Some(figure) = self.data.figure(id) {
            return match field {
                None => Ok(figure.amount_text()),
                Some("employment") => figure
                    .employment
                    .map(|n| group_thousands(u64::from(n)))
                    .ok_or_else(|| format!("figure `{id}` has no employment")),
                Some("release") => Ok(figure.release.clone()),
                Some(other) => Err(format!(
                    "figures have no field `{other}`; use employment or release"
                )),
            };
        }
        if let Some(fee) = self.data.fee(id) {
            return match field {
                None if fee.amount.0 % 100 == 0 => Ok(fee.amount.dollars_text()),
                None => Ok(fee.amount.cents_text()),
                Some("as-of") => Ok(fee.as_of.clone()),
                Some(other) => Err(format!("fees have no field `{other}`; use as-of")),
            };
        }
        if let Some(projection) = self.data.projection(id) {
            let count = |n: Option<u32>, what: &str| {
                n.map(|n| group_thousands(u64::from(n)))
                    .ok_or_else(|| format!("projection `{id}` has no {what}"))
            };
            return match field {
                Some("growth") => Ok(format!("{}%", projection.growth_percent)),
                Some("new-jobs") => count(projection.new_jobs, "new_jobs"),
                Some("base-jobs") => count(projection.base_jobs, "base_jobs"),
                Some("openings") => count(projection.openings_per_year, "openings_per_year"),
                Some("window") => Ok(projection.window.clone()),
                _ => Err("cite a projection with a field: growth, new-jobs, base-jobs, openings or window".into()),
            };
        }
        Err(format!("no figure, fee or projection has the id `{id}`"))
    }

    fn table(&self, name: &str) -> Result<String, String> {
        match name.split_once(':') {
            None if name == "quick-facts" => Ok(self.quick_facts()),
            None if name == "median-pay" => Ok(self.median_pay()),
            None if name == "spread-of-pay" => Ok(self.spread_of_pay()),
            None if name == "mean-pay-by-industry" => Ok(self.mean_pay_by_industry()),
            None if name == "pay-by-industry" => Ok(self.pay_by_industry()),
            None if name == "pay-history" => Ok(self.pay_history()),
            None if name == "projections" => Ok(self.projections()),
            None if name == "claims" => Ok(self.claims()),
            Some(("area-pay", codes)) => self.area_pay(codes),
            Some(("industry-employment", occupation))
                if self.data.occupation(occupation).is_some() =>
            {
                Ok(self.industry_employment(occupation))
            }
            _ => Err(format!(
                "there is no table `{name}`; the tables are {}",
                TABLES.join(", ")
            )),
        }
    }
}

impl GuideFigures<'_> {
    /// `[BLS OOH 2023-33](/sources#bls-ooh-mhsm-2023)`.
    fn cite(&self, source_id: &str) -> String {
        let short = self
            .sources
            .iter()
            .find(|s| s.id == source_id)
            .map_or(source_id, |s| s.short.as_str());
        format!("[{}](/sources#{source_id})", cell(short))
    }

    fn occupation_label(&self, id: &str) -> String {
        self.data.occupation(id).map_or_else(
            || id.to_string(),
            |o| format!("{} ({})", capitalise(&o.short), o.soc),
        )
    }

    /// Amount and release, e.g. "$110,680 (OOH May 2023)".
    fn dated(figure: &Figure) -> String {
        format!("{} ({})", figure.amount_text(), figure.release)
    }

    fn quick_facts(&self) -> String {
        let mut out = table_head(&[
            "Occupation",
            "Typical HIM job titles",
            "Median pay",
            "Projected growth",
            "Typical entry education",
        ]);
        for occupation in &self.data.occupations {
            let median = self
                .data
                .latest_median(&occupation.id)
                .map(Self::dated)
                .unwrap_or_default();
            let growth = self
                .data
                .latest_projection(&occupation.id)
                .map(|p| format!("{}% ({})", p.growth_percent, p.window))
                .unwrap_or_else(|| "not in our data".into());
            out += &row(&[
                &self.occupation_label(&occupation.id),
                &occupation.him_titles.join(", "),
                &median,
                &growth,
                &occupation.entry_education,
            ]);
        }
        out
    }

    fn median_pay(&self) -> String {
        let mut out = table_head(&[
            "SOC",
            "BLS occupation",
            "Typical HIM job titles",
            "Median, annual",
            "Median, hourly",
            "Data",
            "Source",
            "BLS series",
        ]);
        for occupation in &self.data.occupations {
            let Some(median) = self.data.latest_median(&occupation.id) else {
                continue;
            };
            let hourly = self
                .data
                .counterpart(median, PayBasis::Hourly)
                .map_or_else(|| "not published".to_string(), Figure::amount_text);
            out += &row(&[
                &occupation.soc.to_string(),
                &occupation.title,
                &occupation.him_titles.join(", "),
                &median.amount_text(),
                &hourly,
                &median.release,
                &self.cite(&median.source),
                &median.series.map_or_else(
                    || "not in our extract".to_string(),
                    |id| format!("[{id}]({})", bls_series_url(id)),
                ),
            ]);
        }
        out
    }

    fn spread_of_pay(&self) -> String {
        let mut out = table_head(&[
            "Occupation and data",
            "10th",
            "25th",
            "Median",
            "75th",
            "90th",
            "Mean",
            "Source",
        ]);
        // The newest distribution of each occupation; older ones belong to the pay history.
        for occupation in &self.data.occupations {
            for dist in self.data.distributions(&occupation.id).into_iter().take(1) {
                let p10 = self.data.figures.iter().find(|f| {
                    f.occupation == occupation.id
                        && f.release == dist.release
                        && f.statistic == Statistic::P10
                        && !f.is_claim()
                });
                let note = p10
                    .and_then(|f| f.note.as_deref())
                    .map(|n| format!(" ({})", n.trim_end_matches('.')))
                    .unwrap_or_default();
                let old = if dist.year + MAX_DISTRIBUTION_AGE < self.data.reviewed.year {
                    "Old: "
                } else {
                    ""
                };
                let mean = self
                    .data
                    .figures
                    .iter()
                    .find(|f| {
                        f.occupation == occupation.id
                            && f.release == dist.release
                            && f.statistic == Statistic::Mean
                            && f.scope == Scope::National
                            && f.basis == PayBasis::Annual
                    })
                    .map_or_else(|| "not published".to_string(), Figure::amount_text);
                // Figures published under an older code say so: never a 29-2071 figure as 29-2072.
                let label = match p10.and_then(|f| f.soc) {
                    Some(soc) => format!(
                        "{old}{} under the code before it, {soc}, {}{note}",
                        capitalise(&occupation.short),
                        dist.release
                    ),
                    None => format!(
                        "{old}{}, {}{note}",
                        self.occupation_label(&occupation.id),
                        dist.release
                    ),
                };
                let amounts: Vec<String> =
                    dist.points.iter().map(|(_, a)| a.dollars_text()).collect();
                out += &row(&[
                    &label,
                    &amounts[0],
                    &amounts[1],
                    &amounts[2],
                    &amounts[3],
                    &amounts[4],
                    &mean,
                    &self.cite(dist.source),
                ]);
            }
        }
        out
    }

    fn mean_pay_by_industry(&self) -> String {
        let mut out = table_head(&[
            "Industry",
            "Occupation",
            "Mean, annual",
            "Jobs",
            "Data",
            "Source",
        ]);
        for occupation in &self.data.occupations {
            for figure in self.data.industry_means(&occupation.id) {
                let jobs = figure
                    .employment
                    .map(|n| group_thousands(u64::from(n)))
                    .unwrap_or_default();
                out += &row(&[
                    figure.scope.label(),
                    &self.occupation_label(&occupation.id),
                    &figure.amount_text(),
                    &jobs,
                    &figure.release,
                    &self.cite(&figure.source),
                ]);
            }
        }
        out
    }

    /// Each occupation's median pay and 10th-90th percentile range in the industries that employ
    /// the most of it, from the newest release, with the BLS series of each median.
    fn pay_by_industry(&self) -> String {
        let mut out = table_head(&[
            "Industry",
            "Occupation",
            "Median, annual",
            "10th to 90th percentile",
            "Jobs",
            "Data",
            "BLS series",
        ]);
        for occupation in &self.data.occupations {
            for median in self.data.industry_pay(&occupation.id) {
                let end = |statistic| {
                    self.data
                        .counterpart_of(median, statistic)
                        .map_or_else(|| "not published".to_string(), Figure::amount_text)
                };
                let jobs = median
                    .employment
                    .map(|n| group_thousands(u64::from(n)))
                    .unwrap_or_default();
                out += &row(&[
                    median.scope.label(),
                    &self.occupation_label(&occupation.id),
                    &median.amount_text(),
                    &format!("{} to {}", end(Statistic::P10), end(Statistic::P90)),
                    &jobs,
                    &median.release,
                    &median.series.map_or_else(
                        || self.cite(&median.source),
                        |id| format!("[{id}]({})", bls_series_url(id)),
                    ),
                ]);
            }
        }
        out
    }

    /// `area-pay:0012420,0041700`: each area's annual median for every occupation, linked to its
    /// BLS series, against the national median, and the area's name linked to its page.
    fn area_pay(&self, codes: &str) -> Result<String, String> {
        let pay_in = self
            .pay
            .ok_or("area-pay needs the OEWS extract in content/oews/")?;
        let mut headers = vec!["Area".to_string()];
        headers.extend(self.data.occupations.iter().map(|o| {
            format!(
                "{}, median (and its gap from the US median, our arithmetic)",
                capitalise(&o.short)
            )
        }));
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut out = table_head(&headers);
        let mut flagged = false;
        for code in codes.split(',').map(str::trim) {
            let listing = AreaCode::parse(code)
                .and_then(|code| self.areas.by_code(code))
                .ok_or_else(|| {
                    format!("`{code}` is not the seven-digit code of an area in content/oews/areas.tsv with HIM figures (Austin's is 0012420)")
                })?;
            let mut cells = vec![format!("[{}]({})", listing.name, listing.url())];
            for occupation in &self.data.occupations {
                let pay = pay_in.report(listing.code, occupation.soc);
                let median = pay.median_row();
                cells.push(match (median.annual.wage(), median.annual.series_id()) {
                    (Some(wage), Some(id)) => {
                        let gap = median.versus_nation.map_or_else(String::new, |gap| {
                            let side = match gap.side() {
                                Side::Below => "below",
                                Side::Above | Side::Same => "above",
                            };
                            format!(" ({} {side} the US)", gap.percent_text())
                        });
                        // The same flag as the area's page and /pay: BLS's wage error above our line.
                        let flag = if pay.median_imprecise() {
                            flagged = true;
                            "; imprecise"
                        } else {
                            ""
                        };
                        format!(
                            "[{}]({}){gap}{flag}",
                            wage.dollars_text(),
                            bls_series_url(id)
                        )
                    }
                    _ => "not released by BLS".to_string(),
                });
            }
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            out += &row(&cells);
        }
        if flagged {
            out += &format!(
                "\n*Imprecise*: BLS estimated these wages with a relative standard error above {}%, \
                 the line above which this guide flags wages; the area's page gives the error. Read \
                 such a median, and its gap from the nation's, as rough.\n",
                crate::oews::IMPRECISE_WAGE_RSE
            );
        }
        Ok(out)
    }

    /// Every national annual median in the data, by occupation and release, oldest first, each
    /// under the occupation code BLS published it with: how pay has moved, in dollars of its day.
    fn pay_history(&self) -> String {
        let mut out = table_head(&[
            "Occupation",
            "Code",
            "Data release",
            "Median, annual",
            "Source",
        ]);
        for occupation in &self.data.occupations {
            let mut medians: Vec<&Figure> = self
                .data
                .figures
                .iter()
                .filter(|f| {
                    f.occupation == occupation.id
                        && !f.is_claim()
                        && f.statistic == Statistic::Median
                        && f.basis == PayBasis::Annual
                        && f.scope == Scope::National
                })
                .collect();
            medians.sort_by_key(|f| (f.year, f.release.starts_with("OOH")));
            for median in medians {
                // Under an older code, the title BLS gave that code: never today's title on it.
                let title = median
                    .soc_title
                    .clone()
                    .unwrap_or_else(|| capitalise(&occupation.short));
                out += &row(&[
                    &title,
                    &median.soc.unwrap_or(occupation.soc).to_string(),
                    &median.release,
                    &median.amount_text(),
                    &self.cite(&median.source),
                ]);
            }
        }
        out
    }

    fn industry_employment(&self, occupation: &str) -> String {
        let figures = self.data.industry_pay(occupation);
        let release = figures.first().map_or("", |f| f.release.as_str());
        let mut out = table_head(&["Industry", &format!("Jobs ({release})")]);
        for figure in figures {
            let jobs = figure
                .employment
                .map(|n| group_thousands(u64::from(n)))
                .unwrap_or_default();
            out += &row(&[figure.scope.label(), &jobs]);
        }
        out
    }

    fn projections(&self) -> String {
        let mut out = table_head(&[
            "Occupation",
            "Window",
            "Growth",
            "New jobs",
            "Jobs at start",
            "Openings a year",
            "Source",
        ]);
        for p in self.data.projections.iter().filter(|p| p.status.is_none()) {
            let count = |n: Option<u32>| {
                n.map_or_else(
                    || "not published".to_string(),
                    |n| group_thousands(u64::from(n)),
                )
            };
            let growth = match &p.pace {
                Some(pace) => format!("{}% ({pace})", p.growth_percent),
                None => format!("{}%", p.growth_percent),
            };
            out += &row(&[
                &self.occupation_label(&p.occupation),
                &p.window,
                &growth,
                &format!("+{}", count(p.new_jobs)),
                &count(p.base_jobs),
                &count(p.openings_per_year),
                &self.cite(&p.source),
            ]);
        }
        out
    }

    /// The public figure or projection a claim is checked against, with its release and source.
    fn verified(&self, checked_against: Option<&str>) -> String {
        let Some(id) = checked_against else {
            return "No matching BLS figure".into();
        };
        if let Some(figure) = self.data.figure(id) {
            return format!(
                "{}, {} {}, {} ({})",
                figure.amount_text(),
                self.data
                    .occupation(&figure.occupation)
                    .map_or("", |o| o.short.as_str()),
                figure.statistic.label(),
                figure.release,
                self.cite(&figure.source)
            );
        }
        match self.data.projection(id) {
            Some(p) => format!(
                "{}% over {}{} ({})",
                p.growth_percent,
                p.window,
                p.pace
                    .as_ref()
                    .map(|pace| format!(", {pace}"))
                    .unwrap_or_default(),
                self.cite(&p.source)
            ),
            None => String::new(),
        }
    }

    fn claims(&self) -> String {
        let mut out = table_head(&[
            "What the article says",
            "Article",
            "Our check",
            "The verified figure beside it",
            "What we found",
        ]);
        for figure in self.data.claims() {
            let what = match figure.statistic {
                Statistic::Unstated => {
                    format!("{} ({})", figure.amount_text(), figure.scope.label())
                }
                statistic => format!("{} {}", capitalise(statistic.label()), figure.amount_text()),
            };
            let dated = if figure.release == "undated" {
                what
            } else {
                format!("{what}, {}", figure.release)
            };
            let status = figure.status.map_or("", |s| s.label());
            out += &row(&[
                &dated,
                &self.cite(&figure.source),
                status,
                &self.verified(figure.checked_against.as_deref()),
                figure.note.as_deref().unwrap_or_default(),
            ]);
        }
        for p in self.data.projections.iter().filter(|p| p.status.is_some()) {
            let pace = p
                .pace
                .as_ref()
                .map(|pace| format!(", {pace}"))
                .unwrap_or_default();
            out += &row(&[
                &format!("Growth of {}% over {}{pace}", p.growth_percent, p.window),
                &self.cite(&p.source),
                p.status.map_or("", |s| s.label()),
                &self.verified(p.checked_against.as_deref()),
                p.note.as_deref().unwrap_or_default(),
            ]);
        }
        out
    }
}

/// Makes `text` safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn table_head(headers: &[&str]) -> String {
    let cells: Vec<String> = headers.iter().map(|h| cell(h)).collect();
    format!(
        "| {} |\n|{}\n",
        cells.join(" | "),
        "---|".repeat(headers.len())
    )
}

/// A table row; cells that are already Markdown links pass through, others are escaped.
fn row(cells: &[&str]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.starts_with('[') {
                c.to_string()
            } else {
                cell(c)
            }
        })
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
