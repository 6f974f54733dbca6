//! `/salary` and `/embed/salary`: the comparison as HTML, the form around it, and the parts of a
//! comparison that do not depend on the offer, built once per comparison.

use std::sync::Arc;

use askama::Template;

use super::Format;
use super::chart::{ChartMark, ChartView, DrawnChart};
use super::form::{FieldMessage, FormChoices, FormView};
use super::layout::LinkedSentences;
use super::pair;
use super::table::{Cell, Footnote, Footnotes, TableView};
use super::wording::{self, Piece};
use crate::money::Period;
use crate::oews::{Area, AreaCode};
use crate::salary::compare::{
    AtNationalPrices, Estimate, LadderRow, NotPublished, Report, Rows, SettingRow,
};
use crate::salary::data::Occupation;
use crate::salary::query::{Display, Rejected};
use crate::site::{SALARY_PAGE, Site};
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::hardening::EMBED_CSP;
use crate::web::programs::study;
use crate::web::trusted::{Fragment, JsonLd};
use crate::web::views::Chrome;
use crate::words::Words;

/// The full page: the site's layout, the form and the comparison, rendered whole by its template.
pub(crate) struct Page;

impl Format for Page {
    const CONTENT_TYPE: &'static str = "text/html; charset=utf-8";

    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError> {
        render_page(&SalaryView::result(state, report)?)
    }

    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError> {
        render_page(&SalaryView::rejected(state, rejected)?)
    }
}

/// The whole page, in one buffer sized for it.
fn render_page(view: &SalaryView<'_>) -> Result<Vec<u8>, AppError> {
    let mut html = String::with_capacity(32 * 1024);
    view.render_into(&mut html).map_err(AppError::internal)?;
    Ok(html.into_bytes())
}

/// The compact view other sites frame.
pub(crate) struct Embed;

impl Format for Embed {
    const CONTENT_TYPE: &'static str = "text/html; charset=utf-8";

    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError> {
        let full = SalaryView::result(state, report)?;
        let area = report.query.area.map(|pay| &pay.area);
        let w = state.site.words;
        let view = EmbedView {
            w,
            stylesheet: &state.assets.urls.stylesheet,
            title: pair::title(w, report).unwrap_or_else(|| wording::embed_title(w, area)),
            heading: pair::embed_heading(w, report)
                .unwrap_or_else(|| wording::embed_heading(w, area)),
            base_url: &state.base_url,
            pair_offers: full.pair_offers,
            not_published: full.not_published,
            offer_unchecked: full.offer_unchecked,
            offer_summary: full.offer_summary,
            figures: full.figures,
            full_url: full_url(state, &report.query.to_query_string()),
            errors: Vec::new(),
        };
        render(&view)
    }

    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError> {
        let w = state.site.words;
        render(&EmbedView {
            w,
            stylesheet: &state.assets.urls.stylesheet,
            title: wording::embed_title(w, None),
            heading: wording::embed_heading(w, None),
            base_url: &state.base_url,
            pair_offers: Vec::new(),
            not_published: Vec::new(),
            offer_unchecked: None,
            offer_summary: None,
            figures: Arc::default(),
            full_url: full_url(state, ""),
            errors: FieldMessage::all(state, rejected),
        })
    }

    /// The one address other sites may frame.
    fn headers(headers: &mut actix_web::http::header::HeaderMap) {
        use actix_web::http::header::{CONTENT_SECURITY_POLICY, HeaderValue};
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(EMBED_CSP));
    }
}

fn full_url(state: &AppState, query: &str) -> String {
    format!("{}{SALARY_PAGE}?{query}", state.base_url)
}

fn render(view: &impl Template) -> Result<Vec<u8>, AppError> {
    view.render()
        .map(String::into_bytes)
        .map_err(AppError::internal)
}

/// `templates/embed_salary.html`: a compact result for other sites' iframes.
#[derive(Template)]
#[template(path = "embed_salary.html")]
pub(crate) struct EmbedView<'a> {
    /// Every word the embed says, in the site's language.
    pub w: &'static crate::words::Words,
    pub stylesheet: &'a str,
    /// The document's title and heading, naming the area when one is chosen.
    pub title: String,
    pub heading: String,
    /// This site's address, before the site paths of `not_published`'s links.
    pub base_url: &'a str,
    pub not_published: Vec<Unpublished>,
    pub offer_unchecked: Option<Unpublished>,
    pub offer_summary: Option<String>,
    /// With a second place: its offer in words, and how the two offers compare.
    pub pair_offers: Vec<String>,
    pub figures: Arc<Figures>,
    /// The full comparison on this site, absolute, opened in the top window.
    pub full_url: String,
    pub errors: Vec<FieldMessage>,
}

/// `templates/salary.html`: the whole page, with the form and, when the query is valid, the
/// comparison; its chrome and structured data come from [`super::Layout`].
#[derive(Template)]
#[template(path = "salary.html")]
pub(crate) struct SalaryView<'a> {
    pub chrome: Arc<Chrome>,
    /// The occupations as schema.org data.
    pub json_ld: &'a JsonLd,
    /// The page's sentences with links, cut around them once.
    pub linked: &'a LinkedSentences,
    /// "Compare HIM pay", with the area's name when one is chosen.
    pub heading: String,
    /// The offer's fields, with what the reader typed; the fields before them are in `choices`.
    pub form: FormView<'a>,
    /// The form's fields before the offer, rendered for this page when the query was rejected
    /// (with its errors); otherwise the comparison's, in `figures`.
    pub rejected_choices: Option<Fragment>,
    /// In a static export: where the live comparison runs (empty when unknown).
    pub static_copy: Option<&'a str>,
    /// The offer check in words, when an offer was given.
    pub offer_summary: Option<String>,
    /// Whether the offer was placed by estimate (so the page says so beside it).
    pub offer_estimated: bool,
    /// An offer not checked because BLS released no wages for its occupation in the area.
    pub offer_unchecked: Option<Unpublished>,
    /// With a second place: its offer in words, and how the two offers compare.
    pub pair_offers: Vec<String>,
    /// The occupations BLS released no wages for in the area, each with links to pay elsewhere.
    pub not_published: Vec<Unpublished>,
    /// The tables and their source notes, the same for every offer.
    pub figures: Arc<Figures>,
    /// A chart drawn for this offer alone, when it lies beyond the comparison's axis; see
    /// [`SalaryView::chart`].
    pub chart: Option<DrawnChart>,
    /// The offer's mark on the chart.
    pub chart_offer: Option<ChartMark>,
    pub notes: Vec<String>,
    /// Where to study in the area: a link to its schools; empty without an area or schools.
    pub study: Vec<crate::web::segments::Segment>,
    /// The canonical link to this result, and its JSON and CSV twins (site paths with query).
    pub links: Option<ResultLinks>,
    /// Absolute address of this result, for copying.
    pub share_url: Option<String>,
}

/// A gap in the area's data said plainly, with links to the same comparison where BLS published.
pub(crate) struct Unpublished {
    pub text: String,
    pub links: Vec<Link>,
}

pub(crate) struct Link {
    /// A site path with its query: `/salary?compare=ladder&area=4800000&...`.
    pub href: String,
    pub label: String,
}

impl Unpublished {
    /// Each gap of `report`, and the offer left unchecked by one.
    fn all(w: &Words, report: &Report<'_>) -> (Vec<Unpublished>, Option<Unpublished>) {
        let query = &report.query;
        let links = |missing: &NotPublished<'_>| {
            let state = missing.state.map(|state| Link {
                href: format!(
                    "{SALARY_PAGE}?{}",
                    query.to_query_string_in(Some(state.code))
                ),
                label: wording::elsewhere_link(w, Some(state)),
            });
            let nation = Link {
                href: format!("{SALARY_PAGE}?{}", query.to_query_string_in(None)),
                label: wording::elsewhere_link(w, None),
            };
            state.into_iter().chain([nation]).collect()
        };
        let gaps = report
            .not_published
            .iter()
            .map(|missing| Unpublished {
                text: wording::not_published(w, missing),
                links: links(missing),
            })
            .collect();
        let unchecked = report
            .not_published
            .iter()
            .find(|m| query.offer.is_some() && m.occupation == query.occupation)
            .map(|missing| Unpublished {
                text: wording::offer_not_checked(w, missing),
                links: links(missing),
            });
        (gaps, unchecked)
    }
}

pub(crate) struct ResultLinks {
    pub page: String,
    pub json: String,
    pub csv: String,
    /// A copy-ready `<iframe>` for other sites, showing this result compactly: [`EmbedCode`]
    /// rendered, which the page shows as text.
    pub iframe: String,
}

/// `templates/embed_code.html`: the `<iframe>` another site copies to show one result.
#[derive(Template)]
#[template(path = "embed_code.html")]
pub(crate) struct EmbedCode<'a> {
    /// This site's address, before `/embed/salary`.
    pub base_url: &'a str,
    /// The result's canonical query string, its pairs joined by `&`.
    pub query: &'a str,
    /// The frame's title, which names the area when one is chosen.
    pub title: String,
}

impl SalaryView<'_> {
    /// The chart to draw: the one drawn for this offer, or the comparison's.
    fn chart(&self) -> Option<&DrawnChart> {
        self.chart.as_ref().or(self.figures.chart.as_ref())
    }

    /// The form's fields before the offer.
    fn choices(&self) -> &Fragment {
        self.rejected_choices
            .as_ref()
            .unwrap_or(&self.figures.choices)
    }

    /// The static copy's sentence around its `{link}` to the live comparison.
    fn static_copy_live(&self) -> &[Piece] {
        &self.linked.static_copy_live
    }

    /// The sentences of the share section around their links: the result's address, its data
    /// (`json`, then `csv`), and the method (`chapter`, then `checking`).
    fn share_address(&self) -> &[Piece] {
        &self.linked.share_address
    }

    fn share_data(&self) -> &[Piece] {
        &self.linked.share_data
    }

    fn share_method(&self) -> &[Piece] {
        &self.linked.share_method
    }
}

/// `templates/salary_choices.html`: the form's fields before the offer.
#[derive(Template)]
#[template(path = "salary_choices.html")]
struct SalaryChoices<'a> {
    w: &'a Words,
    form: &'a FormView<'a>,
}

impl SalaryChoices<'_> {
    fn render(w: &Words, form: &FormView<'_>) -> Result<Fragment, AppError> {
        Fragment::render(&SalaryChoices { w, form }).map_err(AppError::internal)
    }
}

/// `templates/comparison_tables.html`: a comparison's tables, for the page and the embed.
#[derive(Template)]
#[template(path = "comparison_tables.html")]
struct ComparisonTables<'a> {
    w: &'a Words,
    tables: &'a [TableView],
}

/// `templates/salary_footnotes.html`: the page's source notes, as list items.
#[derive(Template)]
#[template(path = "salary_footnotes.html")]
struct PageFootnotes<'a> {
    w: &'a Words,
    footnotes: &'a [Footnote],
}

impl PageFootnotes<'_> {
    /// A source note's sentence around its list of BLS series.
    fn series_note(&self) -> Vec<Piece> {
        wording::around(&self.w.salary.sources.series, &["series"])
    }
}

impl EmbedView<'_> {
    /// A source note's sentence around its list of BLS series.
    fn series_note(&self) -> Vec<Piece> {
        wording::around(&self.w.salary.sources.series, &["series"])
    }
}

/// The parts of a result that do not depend on the offer: the form's fields before the offer, the
/// tables and their source notes, numbered in reading order, and the chart. Built and rendered
/// once for each comparison (what to compare, where, the occupation, the baseline and the display)
/// and kept, so that a new offer in the same comparison builds and renders only its own part (see
/// [`super::cache::FiguresCache`]).
#[derive(Default)]
pub(crate) struct Figures {
    /// The form's fields before the offer, as chosen for this comparison.
    pub choices: Fragment,
    /// The tables, rendered; `None` when the comparison has none.
    pub tables: Option<Fragment>,
    /// The source notes, for the embed's list, and rendered as the page's.
    pub footnotes: Vec<Footnote>,
    pub page_footnotes: Fragment,
    /// The chart without an offer: an offer that fits its axis only adds its mark.
    pub(super) chart: Option<DrawnChart>,
}

impl Figures {
    fn build(
        site: &Site,
        form_choices: &FormChoices,
        report: &Report<'_>,
    ) -> Result<Figures, AppError> {
        let query = &report.query;
        let display = query.display;
        let w = site.words;
        let says = &w.salary.table;
        let mut footnotes = Footnotes::new(site);
        let mut tables = Vec::new();
        let chart = match &report.rows {
            Rows::Ladder(rows) => {
                let area = query.area.map(|pay| &pay.area);
                tables.push(ladder_table(
                    w,
                    rows,
                    query.baseline,
                    display,
                    area,
                    report.prices.as_ref(),
                    &mut footnotes,
                ));
                tables.extend(pair::table(w, report, &mut footnotes));
                Some(ChartView::ladder(w, rows, None, display))
            }
            Rows::Settings { industries, claims } => {
                if let Some(first) = industries.first() {
                    let statistic = w.numbers.statistics.of(first.shown.figure.statistic);
                    tables.push(settings_table(
                        w,
                        wording::capitalised(
                            says.industry_caption
                                .with("statistic", statistic)
                                .with("period", wording::adjective(w, display.period()))
                                .with("occupation", &query.occupation.short)
                                .with("release", &first.shown.figure.release),
                        ),
                        says.industry.as_str(),
                        &wording::capitalised(says.statistic_pay.with("statistic", statistic)),
                        industries,
                        &mut footnotes,
                    ));
                }
                if !claims.is_empty() {
                    tables.push(settings_table(
                        w,
                        says.claims_caption.to_string(),
                        says.workplace.as_str(),
                        says.article_figure.as_str(),
                        claims,
                        &mut footnotes,
                    ));
                }
                (!industries.is_empty()).then(|| {
                    ChartView::settings(w, industries, &query.occupation.short, None, display)
                })
            }
        };
        let form = FormView::new(query.to_input(), Vec::new(), form_choices);
        let tables = (!tables.is_empty())
            .then(|| Fragment::render(&ComparisonTables { w, tables: &tables }))
            .transpose();
        let page_footnotes = Fragment::render(&PageFootnotes {
            w,
            footnotes: &footnotes.list,
        });
        Ok(Figures {
            choices: SalaryChoices::render(w, &form)?,
            tables: tables.map_err(AppError::internal)?,
            page_footnotes: page_footnotes.map_err(AppError::internal)?,
            footnotes: footnotes.list,
            chart: chart
                .map(|view| DrawnChart::draw(w, view))
                .transpose()
                .map_err(AppError::internal)?,
        })
    }
}

impl<'a> SalaryView<'a> {
    fn result(state: &'a AppState, report: &Report<'_>) -> Result<SalaryView<'a>, AppError> {
        let query = &report.query;
        let display = query.display;
        let w = state.site.words;
        let figures = state
            .salary_figures
            .get_or_build(&query.comparison_query_string(), || {
                Figures::build(&state.site, &state.salary_layout.choices, report)
            })?;
        // The comparison's chart with the offer's mark, or, for an offer beyond its axis, a chart
        // drawn for this offer.
        let offer = ChartView::offer_amount(report, display);
        let chart = match (&figures.chart, offer) {
            (Some(drawn), Some(offer)) if !drawn.fits(offer) => match &report.rows {
                Rows::Ladder(rows) => Some(ChartView::ladder(w, rows, Some(offer), display)),
                Rows::Settings { industries, .. } => Some(ChartView::settings(
                    w,
                    industries,
                    &query.occupation.short,
                    Some(offer),
                    display,
                )),
            },
            _ => None,
        }
        .map(|view| DrawnChart::draw(w, view))
        .transpose()
        .map_err(AppError::internal)?;
        let chart_offer = offer.and_then(|offer| {
            chart
                .as_ref()
                .or(figures.chart.as_ref())
                .map(|drawn| drawn.offer_mark(w, offer))
        });
        let (offer_summary, offer_estimated) = match &report.offer {
            Some(check) => {
                let mut summary = wording::offer_summary(w, check);
                if let Some(line) = wording::offer_at_national_prices(w, report) {
                    summary.push(' ');
                    summary.push_str(&line);
                }
                (
                    Some(summary),
                    matches!(check.estimate, Estimate::Placed { .. }),
                )
            }
            None => (None, false),
        };
        let canonical = query.to_query_string();
        let area = query.area.map(|pay| &pay.area);
        let (not_published, offer_unchecked) = Unpublished::all(w, report);
        let mut chrome = state.salary_layout.chrome_for(area);
        let heading = match pair::title(w, report) {
            Some(title) => {
                let mut named = Chrome::clone(&chrome);
                named.title.clone_from(&title);
                // The two places' page is its own address: `?area=A&vs=B`, without the offers.
                if let (Some(canonical), Some(versus)) = (&mut named.canonical, &query.vs) {
                    let code = versus.area.map_or(AreaCode::NATIONAL, |pay| pay.area.code);
                    let joint = if canonical.contains('?') { '&' } else { '?' };
                    canonical.push_str(&format!("{joint}vs={code}"));
                }
                chrome = Arc::new(named);
                title
            }
            None => wording::page_title(w, area.map(|a| a.name.as_str())),
        };
        let notes = if report.versus.is_some() {
            pair::notes(w, report)
        } else {
            report.notes.iter().map(|n| wording::note(w, n)).collect()
        };
        Ok(SalaryView {
            chrome,
            json_ld: &state.salary_layout.json_ld,
            linked: &state.salary_layout.linked,
            heading,
            form: FormView::new(query.to_input(), Vec::new(), &state.salary_layout.choices),
            rejected_choices: None,
            static_copy: state.salary_layout.static_copy.as_deref(),
            offer_summary,
            offer_estimated,
            offer_unchecked,
            pair_offers: pair::offers(w, report),
            not_published,
            figures,
            chart,
            chart_offer,
            notes,
            study: study::study_link(&state.site, area.map(|a| a.code)),
            share_url: Some(format!("{}{SALARY_PAGE}?{canonical}", state.base_url)),
            links: Some(ResultLinks {
                page: format!("{SALARY_PAGE}?{canonical}"),
                json: format!("{SALARY_PAGE}.json?{canonical}"),
                csv: format!("{SALARY_PAGE}.csv?{canonical}"),
                iframe: EmbedCode {
                    base_url: &state.base_url,
                    query: &canonical,
                    title: wording::embed_title(w, area),
                }
                .render()
                .map_err(AppError::internal)?,
            }),
        })
    }

    fn rejected(state: &'a AppState, rejected: &Rejected) -> Result<SalaryView<'a>, AppError> {
        let layout = &state.salary_layout;
        let w = state.site.words;
        let form = FormView::new(
            rejected.input.clone(),
            FieldMessage::all(state, rejected),
            &layout.choices,
        );
        Ok(SalaryView {
            chrome: Arc::clone(&layout.rejected),
            json_ld: &layout.json_ld,
            linked: &layout.linked,
            heading: wording::page_title(w, None),
            rejected_choices: Some(SalaryChoices::render(w, &form)?),
            form,
            static_copy: layout.static_copy.as_deref(),
            offer_summary: None,
            offer_estimated: false,
            offer_unchecked: None,
            pair_offers: Vec::new(),
            not_published: Vec::new(),
            figures: Arc::default(),
            chart: None,
            chart_offer: None,
            notes: Vec::new(),
            study: Vec::new(),
            links: None,
            share_url: None,
        })
    }
}

fn ladder_table(
    w: &Words,
    rows: &[LadderRow<'_>],
    baseline: &Occupation,
    display: Display,
    area: Option<&Area>,
    prices: Option<&AtNationalPrices<'_>>,
    notes: &mut Footnotes<'_>,
) -> TableView {
    // Annual and hourly medians always; a monthly view adds its own column first.
    let monthly = display == Display::Month;
    // Where every figure shares one release the caption names it once; otherwise each row says
    // which releases its median and range come from.
    let shared = shared_release(rows);
    let says = &w.salary.table;
    let adjective = wording::adjective(w, display.period());
    let rows = rows
        .iter()
        .map(|row| {
            // Cells are built left to right so that footnotes are numbered in reading order.
            let mut cells = vec![Cell::plain(wording::occupation_label(w, row.occupation))];
            if monthly {
                cells.push(notes.cell(&row.median));
            }
            cells.push(notes.cell(&row.median_annual));
            if let Some(prices) = prices {
                let adjusted = prices
                    .medians
                    .iter()
                    .find(|(occupation, _)| *occupation == row.occupation)
                    .map(|&(_, amount)| amount);
                cells.push(adjusted.map_or_else(
                    || Cell::plain(says.no_distribution.as_str()),
                    |amount| Cell {
                        text: Period::Year.amount_text(amount),
                        notes: vec![notes.price_number(prices.here)],
                        computed: true,
                    },
                ));
            }
            cells.push(notes.cell(&row.median_hourly));
            cells.push(match (&row.p10, &row.p90) {
                (Some(p10), Some(p90)) => notes.range_cell(p10, p90),
                _ => Cell::plain(says.no_distribution.as_str()),
            });
            if shared.is_none() {
                let median = &row.median.figure.release;
                cells.push(Cell::plain(match &row.p10 {
                    Some(p10) => says
                        .data_median_and_range
                        .with("release", median)
                        .with("range_release", &p10.figure.release)
                        .to_string(),
                    None => says.data_median.with("release", median).to_string(),
                }));
            }
            cells.push(match row.difference {
                Some(difference) => Cell {
                    text: wording::difference(w, difference, display.period()),
                    notes: Vec::new(),
                    computed: true,
                },
                None if row.occupation == baseline => Cell::plain(says.baseline.as_str()),
                None => Cell::plain(says.no_baseline.as_str()),
            });
            cells
        })
        .collect();
    let median_in = |period| {
        says.median_in
            .with("period", wording::adjective(w, period))
            .to_string()
    };
    let mut headers = vec![says.occupation.to_string()];
    if monthly {
        headers.push(median_in(Period::Month));
    }
    headers.push(median_in(Period::Year));
    if prices.is_some() {
        headers.push(w.prices.median_column.to_string());
    }
    headers.extend([
        median_in(Period::Hour),
        says.range_in.with("period", adjective).to_string(),
    ]);
    if shared.is_none() {
        headers.push(says.data.to_string());
    }
    headers.push(
        says.difference_from
            .with("baseline", &baseline.short)
            .with("period", adjective)
            .to_string(),
    );
    let caption = ladder_caption(w, adjective, area, shared);
    TableView {
        caption,
        headers,
        rows,
    }
}

/// The ladder's caption: its period, and the area and the one release its figures share, if so.
fn ladder_caption(w: &Words, adjective: &str, area: Option<&Area>, shared: Option<&str>) -> String {
    let says = &w.salary.table;
    let caption = match (area, shared) {
        (None, None) => says.ladder_caption.with("period", adjective),
        (Some(area), None) => says
            .ladder_caption_in_area
            .with("period", adjective)
            .with("area", &area.name),
        (None, Some(release)) => says
            .ladder_caption_shared
            .with("period", adjective)
            .with("release", release),
        (Some(area), Some(release)) => says
            .ladder_caption_in_area_shared
            .with("period", adjective)
            .with("area", &area.name)
            .with("release", release),
    };
    caption.to_string()
}

/// The one release every figure in `rows` comes from (medians, their hourly and annual forms and
/// the ranges' ends), or `None` when they come from more than one.
fn shared_release<'a>(rows: &[LadderRow<'a>]) -> Option<&'a str> {
    let mut releases = rows.iter().flat_map(|row| {
        [
            Some(&row.median),
            Some(&row.median_annual),
            Some(&row.median_hourly),
            row.p10.as_ref(),
            row.p90.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(|shown| shown.figure.release.as_str())
    });
    let first = releases.next()?;
    releases.all(|release| release == first).then_some(first)
}

fn settings_table(
    w: &Words,
    caption: String,
    first: &str,
    second: &str,
    rows: &[SettingRow<'_>],
    notes: &mut Footnotes<'_>,
) -> TableView {
    let says = &w.salary.table;
    let claims = rows.iter().any(|r| r.shown.figure.is_claim());
    let ranges = rows.iter().any(|r| r.range.is_some());
    let rows = rows
        .iter()
        .map(|row| {
            let last = if claims {
                Cell::plain(row.shown.figure.note.clone().unwrap_or_default())
            } else {
                Cell::plain(row.shown.figure.employment.map_or_else(
                    || says.not_published.to_string(),
                    |n| crate::money::group_thousands(n.into()),
                ))
            };
            let mut cells = vec![Cell::plain(row.setting), notes.cell(&row.shown)];
            if ranges {
                cells.push(match &row.range {
                    Some((p10, p90)) => notes.range_cell(p10, p90),
                    None => Cell::plain(says.not_published.as_str()),
                });
            }
            cells.push(last);
            cells
        })
        .collect();
    let mut headers = vec![first.to_string(), second.to_string()];
    if ranges {
        headers.push(says.range_header.to_string());
    }
    headers.push(if claims { &says.our_check } else { &says.jobs }.to_string());
    TableView {
        caption,
        headers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_code_joins_the_query_with_amp_and_escapes_the_title() {
        let code = EmbedCode {
            base_url: "https://guide.example.org",
            query: "area=4800000&offer=52000",
            title: "Pay in \"A & B\" <here>".into(),
        };
        assert_eq!(
            code.render().unwrap(),
            "<iframe src=\"https://guide.example.org/embed/salary?area=4800000&amp;offer=52000\" title=\"Pay in &#34;A &#38; B&#34; &#60;here&#62;\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>"
        );
    }
}
