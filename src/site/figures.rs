//! Answers the figure tokens in guide pages, `{{fig:ID}}` and `{{table:NAME}}`, from the salary data,
//! so that the pages and the salary comparison show the same figures and none is typed twice.

use crate::content::markdown::Figures;
use crate::money::{Side, group_thousands};
use crate::oews::{AreaCode, Extract, bls_series_url};
use crate::pay::Directory;
use crate::projections::{OccupationProjection, Projections};
use crate::salary::area::{AreaCache, Areas};
use crate::salary::capitalise;
use crate::salary::compare::MAX_DISTRIBUTION_AGE;
use crate::salary::data::{Figure, PayBasis, Projection, SalaryData, Scope, Statistic};
use crate::sources::Source;
use crate::words::{StatisticWords, TableWords, Words};

/// The salary data and the sources its figures cite, as seen from a guide page.
pub(super) struct GuideFigures<'a> {
    /// The tables' words, in the site's language, and the statistics' names.
    pub w: &'a TableWords,
    pub statistics: &'a StatisticWords,
    pub data: &'a SalaryData,
    pub sources: &'a [Source],
    /// Pay in each area of the OEWS extract (`None` without one) and the directory of their
    /// pages, for tables of pay by area.
    pub pay: Option<Areas<'a>>,
    pub areas: &'a Directory,
    /// BLS's projections extract (`content/projections/`), which alone breaks openings down into
    /// exits, transfers and growth; `None` for a site without one.
    pub projections: Option<&'a Projections>,
}

impl<'a> GuideFigures<'a> {
    pub(super) fn new(
        words: &'a Words,
        data: &'a SalaryData,
        sources: &'a [Source],
        oews: Option<&'a Extract>,
        projections: Option<&'a Projections>,
        areas: &'a Directory,
        area_pay: &'a AreaCache,
    ) -> GuideFigures<'a> {
        GuideFigures {
            w: &words.tables,
            statistics: &words.numbers.statistics,
            data,
            sources,
            pay: oews.map(|extract| Areas::new(extract, data, area_pay)),
            areas,
            projections,
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
    "projection-history",
    "openings",
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
                Some("exits") => self
                    .breakdown(projection)
                    .map(|(_, row)| jobs(row.exits_per_year)),
                Some("transfers") => self
                    .breakdown(projection)
                    .map(|(_, row)| jobs(row.transfers_per_year)),
                Some("separations") => self
                    .breakdown(projection)
                    .map(|(_, row)| jobs(row.separations_per_year)),
                Some("new-jobs-a-year") => self
                    .breakdown(projection)
                    .map(|(years, row)| jobs(per_year(row.change, years))),
                Some("separations-share") => self.breakdown(projection).map(|(_, row)| {
                    self.w
                        .openings
                        .share_percent
                        .with("percent", separations_share(row))
                        .to_string()
                }),
                _ => Err(
                    "cite a projection with a field: growth, new-jobs, base-jobs, openings, \
                          window, or for the edition in content/projections/ also exits, \
                          transfers, separations, new-jobs-a-year or separations-share"
                        .into(),
                ),
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
            None if name == "projection-history" => Ok(self.projection_history()),
            None if name == "openings" => self.openings(),
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
            |o| {
                self.w
                    .occupation_with_code
                    .with("occupation", capitalise(&o.short))
                    .with("soc", o.soc)
                    .to_string()
            },
        )
    }

    /// Amount and release, e.g. "$110,680 (OOH May 2023)".
    fn dated(&self, figure: &Figure) -> String {
        self.w
            .dated
            .with("amount", figure.amount_text())
            .with("release", &figure.release)
            .to_string()
    }

    fn quick_facts(&self) -> String {
        let w = self.w;
        let mut out = table_head(&[
            &w.occupation,
            &w.him_titles,
            &w.quick_facts.median_pay,
            &w.quick_facts.projected_growth,
            &w.quick_facts.entry_education,
        ]);
        for occupation in &self.data.occupations {
            let median = self
                .data
                .latest_median(&occupation.id)
                .map(|median| self.dated(median))
                .unwrap_or_default();
            let growth = self
                .data
                .latest_projection(&occupation.id)
                .map(|p| {
                    w.growth
                        .with("percent", p.growth_percent)
                        .with("window", &p.window)
                        .to_string()
                })
                .unwrap_or_else(|| w.quick_facts.no_projection.to_string());
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
        let w = self.w;
        let mut out = table_head(&[
            &w.median_pay.soc,
            &w.median_pay.bls_occupation,
            &w.him_titles,
            &w.median_annual,
            &w.median_pay.median_hourly,
            &w.data,
            &w.source,
            &w.bls_series,
        ]);
        for occupation in &self.data.occupations {
            let Some(median) = self.data.latest_median(&occupation.id) else {
                continue;
            };
            let hourly = self
                .data
                .counterpart(median, PayBasis::Hourly)
                .map_or_else(|| w.not_published.to_string(), Figure::amount_text);
            out += &row(&[
                &occupation.soc.to_string(),
                &occupation.title,
                &occupation.him_titles.join(", "),
                &median.amount_text(),
                &hourly,
                &median.release,
                &self.cite(&median.source),
                &median.series.map_or_else(
                    || w.median_pay.not_in_extract.to_string(),
                    |id| format!("[{id}]({})", bls_series_url(id)),
                ),
            ]);
        }
        out
    }

    fn spread_of_pay(&self) -> String {
        let (w, spread) = (self.w, &self.w.spread_of_pay);
        let mut out = table_head(&[
            &spread.occupation_and_data,
            &spread.p10,
            &spread.p25,
            &spread.median,
            &spread.p75,
            &spread.p90,
            &spread.mean,
            &w.source,
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
                let note = p10.and_then(|f| f.note.as_deref());
                let old = dist.year + MAX_DISTRIBUTION_AGE < self.data.reviewed.year;
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
                    .map_or_else(|| w.not_published.to_string(), Figure::amount_text);
                // Figures published under an older code say so: never a 29-2071 figure as 29-2072.
                let mut label = match p10.and_then(|f| f.soc) {
                    Some(soc) => spread
                        .row_former_code
                        .with("occupation", capitalise(&occupation.short))
                        .with("soc", soc)
                        .with("release", dist.release)
                        .to_string(),
                    None => spread
                        .row
                        .with("occupation", self.occupation_label(&occupation.id))
                        .with("release", dist.release)
                        .to_string(),
                };
                if let Some(note) = note {
                    label = spread
                        .with_note
                        .with("label", label)
                        .with("note", note.trim_end_matches('.'))
                        .to_string();
                }
                if old {
                    label = spread.old.with("label", label).to_string();
                }
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
        let w = self.w;
        let mut out = table_head(&[
            &w.industry,
            &w.occupation,
            &w.by_industry.mean_annual,
            &w.jobs,
            &w.data,
            &w.source,
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
        let w = self.w;
        let mut out = table_head(&[
            &w.industry,
            &w.occupation,
            &w.median_annual,
            &w.by_industry.range,
            &w.jobs,
            &w.data,
            &w.bls_series,
        ]);
        for occupation in &self.data.occupations {
            for median in self.data.industry_pay(&occupation.id) {
                let end = |statistic| {
                    self.data
                        .counterpart_of(median, statistic)
                        .map_or_else(|| w.not_published.to_string(), Figure::amount_text)
                };
                let jobs = median
                    .employment
                    .map(|n| group_thousands(u64::from(n)))
                    .unwrap_or_default();
                out += &row(&[
                    median.scope.label(),
                    &self.occupation_label(&occupation.id),
                    &median.amount_text(),
                    &w.by_industry
                        .from_to
                        .with("low", end(Statistic::P10))
                        .with("high", end(Statistic::P90))
                        .to_string(),
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
        let words = &self.w.area_pay;
        let mut headers = vec![words.area.to_string()];
        headers.extend(self.data.occupations.iter().map(|o| {
            words
                .median_header
                .with("occupation", capitalise(&o.short))
                .to_string()
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
                        let mut cell = format!("[{}]({})", wage.dollars_text(), bls_series_url(id));
                        if let Some(gap) = median.versus_nation {
                            let side = match gap.side() {
                                Side::Below => &words.below_the_us,
                                Side::Above | Side::Same => &words.above_the_us,
                            };
                            cell = side
                                .with("median", cell)
                                .with("percent", gap.percent_text())
                                .to_string();
                        }
                        // The same flag as the area's page and /pay: BLS's wage error above our line.
                        if pay.median_imprecise() {
                            flagged = true;
                            cell = words.imprecise.with("median", cell).to_string();
                        }
                        cell
                    }
                    _ => words.not_released.to_string(),
                });
            }
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            out += &row(&cells);
        }
        if flagged {
            let note = words
                .imprecise_note
                .with("line", crate::oews::IMPRECISE_WAGE_RSE);
            out += &format!("\n{note}\n");
        }
        Ok(out)
    }

    /// Every national annual median in the data, by occupation and release, oldest first, each
    /// under the occupation code BLS published it with: how pay has moved, in dollars of its day.
    fn pay_history(&self) -> String {
        let w = self.w;
        let mut out = table_head(&[
            &w.occupation,
            &w.pay_history.code,
            &w.pay_history.data_release,
            &w.median_annual,
            &w.source,
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
        let jobs_in = self
            .w
            .industry_employment
            .jobs_in
            .with("release", release)
            .to_string();
        let mut out = table_head(&[&self.w.industry, &jobs_in]);
        for figure in figures {
            let jobs = figure
                .employment
                .map(|n| group_thousands(u64::from(n)))
                .unwrap_or_default();
            out += &row(&[figure.scope.label(), &jobs]);
        }
        out
    }

    /// The current projection of each occupation: its newest window.
    fn projections(&self) -> String {
        let current: Vec<&Projection> = self
            .data
            .occupations
            .iter()
            .filter_map(|o| self.data.latest_projection(&o.id))
            .collect();
        self.projection_table(&current)
    }

    /// Every older edition's projection, by occupation, newest window first: how the forecast has
    /// moved. Each occupation's newest window is in [`Self::projections`] instead.
    fn projection_history(&self) -> String {
        let mut older = Vec::new();
        for occupation in &self.data.occupations {
            let newest = self.data.latest_projection(&occupation.id).map(|p| &p.id);
            let mut editions: Vec<&Projection> = self
                .data
                .projections
                .iter()
                .filter(|p| {
                    p.occupation == occupation.id && p.status.is_none() && Some(&p.id) != newest
                })
                .collect();
            editions.sort_by(|a, b| b.window.cmp(&a.window));
            older.extend(editions);
        }
        self.projection_table(&older)
    }

    fn projection_table(&self, projections: &[&Projection]) -> String {
        let (w, words) = (self.w, &self.w.projections);
        let mut out = table_head(&[
            &w.occupation,
            &words.window,
            &words.growth,
            &words.new_jobs,
            &words.jobs_at_start,
            &words.openings,
            &w.source,
        ]);
        for p in projections {
            let count = |n: Option<u32>| {
                n.map_or_else(
                    || w.not_published.to_string(),
                    |n| group_thousands(u64::from(n)),
                )
            };
            let growth = match &p.pace {
                Some(pace) => w
                    .growth_with_pace
                    .with("percent", p.growth_percent)
                    .with("pace", pace)
                    .to_string(),
                None => w
                    .growth_percent
                    .with("percent", p.growth_percent)
                    .to_string(),
            };
            out += &row(&[
                &self.occupation_label(&p.occupation),
                &p.window,
                &growth,
                &words.added.with("count", count(p.new_jobs)).to_string(),
                &count(p.base_jobs),
                &count(p.openings_per_year),
                &self.cite(&p.source),
            ]);
        }
        out
    }

    /// The extract's row behind `projection`, with its window's length in years, when
    /// `projection` is the extract's edition (`OCCUPATION-EDITION`, cited to `bls-ep-EDITION`):
    /// only that edition says how many openings replace workers who leave or move.
    fn breakdown(&self, projection: &Projection) -> Result<(i64, &OccupationProjection), String> {
        let not_imported = || {
            format!(
                "projection `{}` does not break openings down: only the edition imported into \
                 content/projections/ does; cite its id, as in `{}-EDITION`",
                projection.id, projection.occupation
            )
        };
        let extract = self.projections.ok_or_else(not_imported)?;
        let release = &extract.release;
        let edition = &release.edition;
        if projection.id != format!("{}-{edition}", projection.occupation)
            || projection.source != format!("bls-ep-{edition}")
        {
            return Err(not_imported());
        }
        let row = self
            .data
            .occupation(&projection.occupation)
            .and_then(|o| extract.for_soc(o.soc))
            .ok_or_else(not_imported)?;
        Ok((i64::from(release.end_year - release.start_year), row))
    }

    /// `{{table:openings}}`: for the extract's edition, each occupation's openings a year and
    /// where they come from: workers leaving the labor force, workers moving to another
    /// occupation, and growth.
    fn openings(&self) -> Result<String, String> {
        let extract = self
            .projections
            .ok_or("the openings table needs BLS's projections in content/projections/")?;
        let (w, words) = (self.w, &self.w.openings);
        let mut out = table_head(&[
            &w.occupation,
            &w.projections.window,
            &words.openings,
            &words.exits,
            &words.transfers,
            &words.growth,
            &words.share,
            &w.source,
        ]);
        let release = &extract.release;
        let years = i64::from(release.end_year - release.start_year);
        let source = format!("bls-ep-{}", release.edition);
        for occupation in &self.data.occupations {
            let Some(projection) = extract.for_soc(occupation.soc) else {
                continue;
            };
            let share = words
                .share_percent
                .with("percent", separations_share(projection))
                .to_string();
            out += &row(&[
                &self.occupation_label(&occupation.id),
                &release.edition,
                &jobs(projection.openings_per_year),
                &jobs(projection.exits_per_year),
                &jobs(projection.transfers_per_year),
                &jobs(per_year(projection.change, years)),
                &share,
                &self.cite(&source),
            ]);
        }
        out += &format!("\n{}\n", words.rounding_note);
        Ok(out)
    }

    /// The public figure or projection a claim is checked against, with its release and source.
    fn verified(&self, checked_against: Option<&str>) -> String {
        let words = &self.w.claims;
        let Some(id) = checked_against else {
            return words.no_match.to_string();
        };
        if let Some(figure) = self.data.figure(id) {
            return words
                .figure
                .with("amount", figure.amount_text())
                .with(
                    "occupation",
                    self.data
                        .occupation(&figure.occupation)
                        .map_or("", |o| o.short.as_str()),
                )
                .with("statistic", self.statistics.of(figure.statistic))
                .with("release", &figure.release)
                .with("source", self.cite(&figure.source))
                .to_string();
        }
        match self.data.projection(id) {
            Some(p) => {
                let message = match &p.pace {
                    Some(pace) => words.projection_with_pace.with("pace", pace),
                    None => words.projection.with("pace", ""),
                };
                message
                    .with("percent", p.growth_percent)
                    .with("window", &p.window)
                    .with("source", self.cite(&p.source))
                    .to_string()
            }
            None => String::new(),
        }
    }

    fn claims(&self) -> String {
        let (w, words) = (self.w, &self.w.claims);
        let mut out = table_head(&[
            &words.what_the_article_says,
            &words.article,
            &words.our_check,
            &words.verified,
            &words.what_we_found,
        ]);
        for figure in self.data.claims() {
            let what = match figure.statistic {
                Statistic::Unstated => words
                    .unstated
                    .with("amount", figure.amount_text())
                    .with("scope", figure.scope.label())
                    .to_string(),
                statistic => words
                    .stated
                    .with(
                        "statistic",
                        capitalise(self.statistics.of(statistic).as_str()),
                    )
                    .with("amount", figure.amount_text())
                    .to_string(),
            };
            let dated = if figure.release == "undated" {
                what
            } else {
                words
                    .with_release
                    .with("claim", what)
                    .with("release", &figure.release)
                    .to_string()
            };
            let status = figure.status.map_or("", |s| w.checks.of(s).as_str());
            out += &row(&[
                &dated,
                &self.cite(&figure.source),
                status,
                &self.verified(figure.checked_against.as_deref()),
                figure.note.as_deref().unwrap_or_default(),
            ]);
        }
        for p in self.data.projections.iter().filter(|p| p.status.is_some()) {
            let growth = match &p.pace {
                Some(pace) => words.growth_claim_with_pace.with("pace", pace),
                None => words.growth_claim.with("pace", ""),
            };
            out += &row(&[
                &growth
                    .with("percent", p.growth_percent)
                    .with("window", &p.window)
                    .to_string(),
                &self.cite(&p.source),
                p.status.map_or("", |s| w.checks.of(s).as_str()),
                &self.verified(p.checked_against.as_deref()),
                p.note.as_deref().unwrap_or_default(),
            ]);
        }
        out
    }
}

/// A count of jobs with its thousands grouped, and its sign when negative.
fn jobs(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

/// `change` spread evenly over a window of `years`, to the nearest whole job: how much of a
/// year's openings growth accounts for (BLS counts a tenth of the decade's change in each year).
fn per_year(change: i64, years: i64) -> i64 {
    let half = years / 2;
    if change < 0 {
        (change - half) / years
    } else {
        (change + half) / years
    }
}

/// The share of a year's openings that replace workers who leave the labor force or move to
/// another occupation, in whole percent: what makes most openings, not growth.
fn separations_share(projection: &OccupationProjection) -> i64 {
    let (part, whole) = (
        projection.separations_per_year,
        projection.openings_per_year,
    );
    if whole <= 0 {
        return 0;
    }
    (part * 100 + whole / 2) / whole
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
