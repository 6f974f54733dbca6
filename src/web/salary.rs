//! The salary comparison over HTTP: `/salary` (HTML), `/salary.json` and `/salary.csv`, all from one
//! computed report. Bad input answers 400 in the format asked for, never with a parser's text.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};

use super::hardening::EMBED_CSP;
use super::prepared::CACHE_PAGE;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Serialize;

use super::AppState;
use super::views::Chrome;
use crate::salary::capitalise;
use crate::salary::compare::{Estimate, LadderRow, Report, Rows, SettingRow, Shown, compute};
use crate::salary::data::{Figure, Occupation, SalaryData};
use crate::salary::money::{Cents, Period, from_annual};
use crate::salary::query::{Compare, Display, FieldError, Input, Query, Rejected};
use crate::site::{SALARY_PAGE, Site};

/// `/salary`: the form, and the comparison it asks for.
pub async fn page(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let site = &state.site;
    let layout = &state.salary_layout;
    let (status, view) = match Query::parse(request.query_string(), &site.salary) {
        Ok(query) => match compute(&site.salary, &query) {
            Some(report) => (StatusCode::OK, SalaryView::result(&state, &query, &report)),
            None => (
                StatusCode::BAD_REQUEST,
                SalaryView::rejected(layout, &unknown_occupation(&query)),
            ),
        },
        Err(rejected) => (
            StatusCode::BAD_REQUEST,
            SalaryView::rejected(layout, &rejected),
        ),
    };
    let (before, after) = if status == StatusCode::OK {
        &layout.result
    } else {
        &layout.rejected
    };
    let mut html = String::with_capacity(before.len() + after.len() + 32 * 1024);
    html.push_str(before);
    if let Err(err) = view.render_into(&mut html) {
        log::error!("cannot render the salary page: {err}");
        return HttpResponse::InternalServerError()
            .content_type("text/plain; charset=utf-8")
            .body("");
    }
    html.push_str(after);
    let mut response = HttpResponse::build(status);
    if status == StatusCode::OK {
        // The same query always gives the same answer until the data is edited.
        response.insert_header((header::CACHE_CONTROL, CACHE_PAGE));
    }
    response.content_type("text/html; charset=utf-8").body(html)
}

/// `/embed/salary`: the same query, answered compactly for other sites to frame.
pub async fn embed(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let site = &state.site;
    let full_url = |query: &str| format!("{}{SALARY_PAGE}?{query}", state.base_url);
    let (status, view) = match Query::parse(request.query_string(), &site.salary) {
        Ok(query) => match compute(&site.salary, &query) {
            Some(report) => {
                let full = SalaryView::result(&state, &query, &report);
                let view = EmbedView {
                    stylesheet: &state.assets.urls.stylesheet,
                    offer_summary: full.offer_summary,
                    tables: full.tables,
                    footnotes: full.footnotes,
                    full_url: full_url(&query.to_query_string()),
                    errors: Vec::new(),
                };
                (StatusCode::OK, view)
            }
            None => (
                StatusCode::BAD_REQUEST,
                EmbedView::rejected(&state, unknown_occupation(&query).errors, full_url("")),
            ),
        },
        Err(rejected) => (
            StatusCode::BAD_REQUEST,
            EmbedView::rejected(&state, rejected.errors, full_url("")),
        ),
    };
    match view.render() {
        Ok(html) => {
            let mut response = HttpResponse::build(status);
            if status == StatusCode::OK {
                response.insert_header((header::CACHE_CONTROL, CACHE_PAGE));
            }
            // The one address other sites may frame.
            response
                .insert_header((header::CONTENT_SECURITY_POLICY, EMBED_CSP))
                .content_type("text/html; charset=utf-8")
                .body(html)
        }
        Err(err) => {
            log::error!("cannot render the embedded salary view: {err}");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("")
        }
    }
}

/// `templates/embed_salary.html`: a compact result for other sites' iframes.
#[derive(Template)]
#[template(path = "embed_salary.html")]
pub struct EmbedView<'a> {
    pub stylesheet: &'a str,
    pub offer_summary: Option<String>,
    pub tables: Vec<TableView>,
    pub footnotes: Vec<Footnote>,
    /// The full comparison on this site, absolute, opened in the top window.
    pub full_url: String,
    pub errors: Vec<FieldError>,
}

impl<'a> EmbedView<'a> {
    fn rejected(state: &'a AppState, errors: Vec<FieldError>, full_url: String) -> EmbedView<'a> {
        EmbedView {
            stylesheet: &state.assets.urls.stylesheet,
            offer_summary: None,
            tables: Vec::new(),
            footnotes: Vec::new(),
            full_url,
            errors,
        }
    }
}

/// `/salary.json`: the same computation as JSON.
pub async fn json(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let site = &state.site;
    let body = match Query::parse(request.query_string(), &site.salary) {
        Ok(query) => match compute(&site.salary, &query) {
            Some(report) => Ok(serde_json::to_vec_pretty(&JsonReport::new(site, &report))),
            None => Err(unknown_occupation(&query)),
        },
        Err(rejected) => Err(rejected),
    };
    match body {
        Ok(Ok(bytes)) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, CACHE_PAGE))
            .content_type("application/json")
            .body(bytes),
        Ok(Err(err)) => {
            log::error!("cannot write the salary JSON: {err}");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("")
        }
        Err(rejected) => {
            let errors: Vec<JsonError> = rejected
                .errors
                .iter()
                .map(|e| JsonError {
                    field: e.field,
                    message: &e.message,
                })
                .collect();
            let body = serde_json::json!({ "error": "bad query", "errors": errors });
            HttpResponse::BadRequest()
                .content_type("application/json")
                .body(body.to_string())
        }
    }
}

/// `/salary.csv`: the same computation as CSV, one figure a row, with a header row.
pub async fn csv(request: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let site = &state.site;
    let result = Query::parse(request.query_string(), &site.salary).and_then(|query| {
        compute(&site.salary, &query)
            .map(|r| csv_report(&r))
            .ok_or_else(|| unknown_occupation(&query))
    });
    let csv_type = "text/csv; charset=utf-8";
    match result {
        Ok(body) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, CACHE_PAGE))
            .content_type(csv_type)
            .insert_header(("Content-Disposition", "inline; filename=\"him-salary.csv\""))
            .body(body),
        Err(rejected) => {
            let mut body = String::from("field,message\r\n");
            for error in &rejected.errors {
                body += &csv_line(&[error.field, &error.message]);
            }
            HttpResponse::BadRequest().content_type(csv_type).body(body)
        }
    }
}

fn unknown_occupation(query: &Query) -> Box<Rejected> {
    Box::new(Rejected {
        input: query.to_input(),
        errors: vec![FieldError {
            field: "occupation",
            message: "Choose one of the listed occupations.".into(),
        }],
    })
}

// ---- The HTML view ------------------------------------------------------------------------------

/// `templates/salary.html`: the form, and when the query is valid, the comparison; the layout around
/// it comes from [`Layout`].
#[derive(Template)]
#[template(path = "salary.html")]
pub struct SalaryView<'a> {
    pub form: FormView<'a>,
    /// In a static export: where the live comparison runs (empty when unknown).
    pub static_copy: Option<&'a str>,
    /// The offer check in words, when an offer was given.
    pub offer_summary: Option<String>,
    /// Whether the offer was placed by estimate (so the page says so beside it).
    pub offer_estimated: bool,
    pub tables: Vec<TableView>,
    pub chart: Option<ChartView>,
    pub notes: Vec<String>,
    pub footnotes: Vec<Footnote>,
    /// The canonical link to this result, and its JSON and CSV twins (site paths with query).
    pub links: Option<ResultLinks>,
    /// Absolute address of this result, for copying.
    pub share_url: Option<String>,
}

/// What the reader typed and what to correct, with the form's fixed choices.
pub struct FormView<'a> {
    pub input: Input,
    pub errors: Vec<FieldError>,
    pub choices: &'a FormChoices,
}

impl FormView<'_> {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The options of the form's fields, the same for every request.
pub struct FormChoices {
    pub occupations: Vec<Choice>,
    pub compares: Vec<Choice>,
    pub displays: Vec<Choice>,
    pub periods: Vec<Choice>,
}

impl FormChoices {
    fn new(data: &SalaryData) -> FormChoices {
        let choice = |value: &str, label: &str| Choice {
            value: value.into(),
            label: label.into(),
        };
        FormChoices {
            occupations: data
                .occupations
                .iter()
                .map(|o| choice(&o.id, &format!("{} ({})", capitalise(&o.short), o.soc)))
                .collect(),
            compares: vec![
                choice(Compare::Ladder.as_str(), "The three HIM occupations"),
                choice(
                    Compare::Settings.as_str(),
                    "Work settings for one occupation",
                ),
            ],
            displays: vec![
                choice(Display::Year.as_str(), "per year"),
                choice(Display::Month.as_str(), "per month"),
                choice(Display::Hour.as_str(), "per hour"),
            ],
            periods: Period::ALL
                .iter()
                .map(|p| choice(p.as_str(), period_label(*p)))
                .collect(),
        }
    }
}

/// The salary page around the form and comparison, rendered once at start-up: the part before and
/// the part after, for a result and for a rejected query (whose title asks to check the choices).
pub struct Layout {
    pub result: (String, String),
    pub rejected: (String, String),
    pub choices: FormChoices,
    /// Set in a static export: the address of a live him-guide (possibly empty), which the page
    /// points to and sends its form to, since a static copy cannot compute.
    pub static_copy: Option<String>,
}

/// `templates/salary_shell.html`: the site's layout with a marker where the comparison goes.
#[derive(Template)]
#[template(path = "salary_shell.html")]
struct SalaryShell {
    chrome: Chrome,
    slot: &'static str,
    json_ld: String,
}

impl Layout {
    pub fn new(
        state_chrome: impl Fn(&str, &str) -> Chrome,
        base_url: &str,
        data: &SalaryData,
    ) -> askama::Result<Layout> {
        const SLOT: &str = "<!-- the salary comparison -->";
        let split = |title: &str| -> askama::Result<(String, String)> {
            let mut chrome = state_chrome(
                title,
                "Compare the pay of health information occupations, by work setting, and check a job offer.",
            );
            chrome.canonical = Some(format!("{base_url}{SALARY_PAGE}"));
            let page = SalaryShell {
                chrome,
                slot: SLOT,
                json_ld: super::json_ld::occupations(data),
            }
            .render()?;
            let (before, after) = page.split_once(SLOT).expect("the shell holds the slot");
            Ok((before.to_string(), after.to_string()))
        };
        Ok(Layout {
            result: split("Compare HIM pay")?,
            rejected: split("Check your choices: Compare HIM pay")?,
            choices: FormChoices::new(data),
            static_copy: None,
        })
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

pub struct ResultLinks {
    pub page: String,
    pub json: String,
    pub csv: String,
    /// A copy-ready `<iframe>` for other sites, showing this result compactly.
    pub iframe: String,
}

/// An accessible table: a caption, column headers, and rows whose first cell heads the row.
pub struct TableView {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

pub struct Cell {
    pub text: String,
    /// Footnote numbers: the figure's source and release.
    pub notes: Vec<usize>,
    /// Computed by us, not published.
    pub computed: bool,
}

impl Cell {
    fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            notes: Vec::new(),
            computed: false,
        }
    }
}

pub struct Footnote {
    pub number: usize,
    pub source_id: String,
    pub text: String,
}

/// The footnotes of one page: one per source and release, numbered in order of first use.
struct Footnotes<'a> {
    site: &'a Site,
    numbers: HashMap<(String, String), usize>,
    list: Vec<Footnote>,
}

impl<'a> Footnotes<'a> {
    fn new(site: &'a Site) -> Self {
        Footnotes {
            site,
            numbers: HashMap::new(),
            list: Vec::new(),
        }
    }

    fn number(&mut self, figure: &Figure) -> usize {
        let key = (figure.source.clone(), figure.release.clone());
        if let Some(number) = self.numbers.get(&key) {
            return *number;
        }
        let number = self.list.len() + 1;
        let source = self.site.source(&figure.source);
        let title = source.map_or(figure.source.as_str(), |s| s.title.as_str());
        let text = if figure.is_claim() {
            format!("{title}, as the article states it ({}).", figure.release)
        } else {
            format!("{title}; data release {}.", figure.release)
        };
        self.list.push(Footnote {
            number,
            source_id: figure.source.clone(),
            text,
        });
        self.numbers.insert(key, number);
        number
    }

    fn cell(&mut self, shown: &Shown<'_>) -> Cell {
        Cell {
            text: shown.text(),
            notes: vec![self.number(shown.figure)],
            computed: shown.computed,
        }
    }
}

impl<'a> SalaryView<'a> {
    fn result(state: &'a AppState, query: &Query, report: &Report<'_>) -> SalaryView<'a> {
        let site = &state.site;
        let mut footnotes = Footnotes::new(site);
        let display = query.display;
        let mut tables = Vec::new();
        let chart = match &report.rows {
            Rows::Ladder(rows) => {
                tables.push(ladder_table(rows, report.baseline, display, &mut footnotes));
                Some(ChartView::ladder(rows, report, display))
            }
            Rows::Settings { industries, claims } => {
                if !industries.is_empty() {
                    tables.push(settings_table(
                        format!(
                            "Mean {} pay of {} by industry (BLS, {})",
                            display.adjective(),
                            report.occupation.short,
                            industries[0].shown.figure.release
                        ),
                        "Industry",
                        "Mean pay",
                        industries,
                        &mut footnotes,
                    ));
                }
                if !claims.is_empty() {
                    tables.push(settings_table(
                        "What one article says about pay by workplace (unsourced; see the note below)".into(),
                        "Workplace",
                        "Article's figure",
                        claims,
                        &mut footnotes,
                    ));
                }
                (!industries.is_empty()).then(|| ChartView::settings(industries, report, display))
            }
        };
        let (offer_summary, offer_estimated) = match &report.offer {
            Some(check) => (
                Some(check.summary.clone()),
                matches!(check.estimate, Estimate::Placed { .. }),
            ),
            None => (None, false),
        };
        let canonical = query.to_query_string();
        SalaryView {
            form: FormView {
                input: query.to_input(),
                errors: Vec::new(),
                choices: &state.salary_layout.choices,
            },
            static_copy: state.salary_layout.static_copy.as_deref(),
            offer_summary,
            offer_estimated,
            tables,
            chart,
            notes: report.notes.clone(),
            footnotes: footnotes.list,
            share_url: Some(format!("{}{SALARY_PAGE}?{canonical}", state.base_url)),
            links: Some(ResultLinks {
                page: format!("{SALARY_PAGE}?{canonical}"),
                json: format!("{SALARY_PAGE}.json?{canonical}"),
                csv: format!("{SALARY_PAGE}.csv?{canonical}"),
                iframe: format!(
                    "<iframe src=\"{}/embed{SALARY_PAGE}?{}\" title=\"HIM pay comparison\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>",
                    state.base_url,
                    canonical.replace('&', "&amp;")
                ),
            }),
        }
    }

    fn rejected(layout: &'a Layout, rejected: &Rejected) -> SalaryView<'a> {
        SalaryView {
            form: FormView {
                input: rejected.input.clone(),
                errors: rejected.errors.clone(),
                choices: &layout.choices,
            },
            static_copy: layout.static_copy.as_deref(),
            offer_summary: None,
            offer_estimated: false,
            tables: Vec::new(),
            chart: None,
            notes: Vec::new(),
            footnotes: Vec::new(),
            links: None,
            share_url: None,
        }
    }
}

fn ladder_table(
    rows: &[LadderRow<'_>],
    baseline: &Occupation,
    display: Display,
    notes: &mut Footnotes<'_>,
) -> TableView {
    // Annual and hourly medians always; a monthly view adds its own column first.
    let monthly = display == Display::Month;
    let rows = rows
        .iter()
        .map(|row| {
            // Cells are built left to right so that footnotes are numbered in reading order.
            let mut cells = vec![Cell::plain(format!(
                "{} ({})",
                capitalise(&row.occupation.short),
                row.occupation.soc
            ))];
            if monthly {
                cells.push(notes.cell(&row.median));
            }
            cells.push(notes.cell(&row.median_annual));
            cells.push(notes.cell(&row.median_hourly));
            cells.push(match (&row.p10, &row.p90) {
                (Some(p10), Some(p90)) => Cell {
                    text: format!("{} to {}", p10.text(), p90.text()),
                    notes: vec![notes.number(p10.figure)],
                    computed: p10.computed || p90.computed,
                },
                _ => Cell::plain("No distribution in our data"),
            });
            let range_release = row
                .p10
                .as_ref()
                .map_or(String::new(), |p| format!("; range {}", p.figure.release));
            cells.push(Cell::plain(format!(
                "Median {}{range_release}",
                row.median.figure.release
            )));
            cells.push(match row.difference {
                Some(difference) => Cell {
                    text: difference.text(display.period()),
                    notes: Vec::new(),
                    computed: true,
                },
                None => Cell::plain("Baseline"),
            });
            cells
        })
        .collect();
    let mut headers = vec!["Occupation".to_string()];
    if monthly {
        headers.push("Median, monthly".into());
    }
    headers.extend([
        "Median, annual".into(),
        "Median, hourly".into(),
        format!("10th to 90th percentile, {}", display.adjective()),
        "Data".into(),
        format!(
            "Median difference from {}, {}",
            baseline.short,
            display.adjective()
        ),
    ]);
    TableView {
        caption: format!(
            "Median pay and the 10th to 90th percentile range, by occupation ({} figures in the chart)",
            display.adjective()
        ),
        headers,
        rows,
    }
}

fn settings_table(
    caption: String,
    first: &str,
    second: &str,
    rows: &[SettingRow<'_>],
    notes: &mut Footnotes<'_>,
) -> TableView {
    let claims = rows.iter().any(|r| r.shown.figure.is_claim());
    let rows = rows
        .iter()
        .map(|row| {
            let last = if claims {
                Cell::plain(row.shown.figure.note.clone().unwrap_or_default())
            } else {
                Cell::plain(row.shown.figure.employment.map_or_else(
                    || "not published".into(),
                    |n| crate::salary::money::group_thousands(n.into()),
                ))
            };
            vec![Cell::plain(row.setting), notes.cell(&row.shown), last]
        })
        .collect();
    TableView {
        caption,
        headers: vec![
            first.into(),
            second.into(),
            if claims {
                "Our check".into()
            } else {
                "Jobs".into()
            },
        ],
        rows,
    }
}

// ---- The chart ----------------------------------------------------------------------------------

/// A horizontal bar chart drawn on the server as inline SVG; `description` is its text alternative.
pub struct ChartView {
    pub title: String,
    pub description: String,
    pub height: u32,
    pub rows: Vec<ChartRow>,
    pub offer: Option<ChartMark>,
    pub ticks: Vec<ChartMark>,
}

pub struct ChartRow {
    pub label: String,
    pub label_y: u32,
    pub bar_y: u32,
    /// The bar: the 10th-90th range on the ladder, zero to the amount in settings.
    pub from_x: u32,
    pub to_x: u32,
    /// The median on the ladder.
    pub mark_x: Option<u32>,
    pub value: String,
}

pub struct ChartMark {
    pub x: u32,
    pub label: String,
    /// `start`, `middle` or `end`: labels near the right edge end at their mark.
    pub anchor: &'static str,
}

impl ChartMark {
    fn new(x: u32, label: String, anchor: &'static str) -> ChartMark {
        let anchor = if anchor == "start" && x > CHART_WIDTH * 3 / 5 {
            "end"
        } else {
            anchor
        };
        ChartMark { x, label, anchor }
    }
}

const CHART_WIDTH: u32 = 640;
const CHART_LEFT: u32 = 8;
const CHART_RIGHT: u32 = 24;
const ROW_HEIGHT: u32 = 52;

impl ChartView {
    fn scale(max: Cents) -> impl Fn(Cents) -> u32 {
        let plot = f64::from(CHART_WIDTH - CHART_LEFT - CHART_RIGHT);
        let max = max.0.max(1) as f64;
        move |amount: Cents| CHART_LEFT + ((amount.0.max(0) as f64 / max) * plot).round() as u32
    }

    fn ticks(max: Cents, period: Period, x: &impl Fn(Cents) -> u32) -> Vec<ChartMark> {
        // Four ticks at round amounts.
        let step_dollars = {
            let raw = (max.0 / 100 / 4).max(1);
            let magnitude = 10_i64.pow(raw.ilog10());
            [1, 2, 5, 10]
                .iter()
                .map(|m| m * magnitude)
                .find(|s| *s >= raw)
                .unwrap_or(raw)
        };
        (0..=4)
            .map(|i| Cents::from_dollars(i * step_dollars))
            .filter(|amount| *amount <= max)
            .map(|amount| ChartMark::new(x(amount), period.amount_text(amount), "middle"))
            .collect()
    }

    fn offer_mark(
        report: &Report<'_>,
        display: Display,
        x: &impl Fn(Cents) -> u32,
    ) -> Option<ChartMark> {
        report.offer.as_ref().map(|check| {
            let amount = from_annual(check.offer.annual, display.period());
            ChartMark::new(
                x(amount),
                format!("Your offer: {}", display.period().amount_text(amount)),
                "start",
            )
        })
    }

    /// The axis for `amounts` and the offer, if any, with a tenth of headroom: its top and scale.
    fn axis(
        amounts: impl Iterator<Item = Cents>,
        report: &Report<'_>,
        display: Display,
    ) -> (Cents, impl Fn(Cents) -> u32) {
        let offer = report
            .offer
            .as_ref()
            .map(|c| from_annual(c.offer.annual, display.period()));
        let max = amounts.chain(offer).max().unwrap_or(Cents(1));
        let max = Cents(max.0 + max.0 / 10);
        (max, Self::scale(max))
    }

    fn ladder(rows: &[LadderRow<'_>], report: &Report<'_>, display: Display) -> ChartView {
        let amounts = rows
            .iter()
            .flat_map(|r| [Some(r.median.amount), r.p90.as_ref().map(|s| s.amount)])
            .flatten();
        let (max, x) = Self::axis(amounts, report, display);
        let mut description = Vec::new();
        let chart_rows = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let top = 28 + i as u32 * ROW_HEIGHT;
                let (from_x, to_x) = match (&row.p10, &row.p90) {
                    (Some(p10), Some(p90)) => (x(p10.amount), x(p90.amount)),
                    _ => (x(row.median.amount), x(row.median.amount)),
                };
                let range = match (&row.p10, &row.p90) {
                    (Some(p10), Some(p90)) => format!(
                        ", middle 80% from {} to {} ({})",
                        p10.text(),
                        p90.text(),
                        p10.figure.release
                    ),
                    _ => String::new(),
                };
                description.push(format!(
                    "{}: median {} ({}){range}",
                    capitalise(&row.occupation.short),
                    row.median.text(),
                    row.median.figure.release
                ));
                ChartRow {
                    label: capitalise(&row.occupation.short),
                    label_y: top + 12,
                    bar_y: top + 20,
                    from_x,
                    to_x,
                    mark_x: Some(x(row.median.amount)),
                    value: format!("median {}", row.median.text()),
                }
            })
            .collect();
        let offer_mark = Self::offer_mark(report, display, &x);
        if let Some(mark) = &offer_mark {
            description.push(mark.label.clone());
        }
        ChartView {
            title: format!(
                "Median {} pay (dot) and 10th-90th percentile range (bar) by occupation",
                display.adjective()
            ),
            description: description.join("; ") + ".",
            height: 28 + rows.len() as u32 * ROW_HEIGHT + 24,
            rows: chart_rows,
            offer: offer_mark,
            ticks: Self::ticks(max, display.period(), &x),
        }
    }

    fn settings(rows: &[SettingRow<'_>], report: &Report<'_>, display: Display) -> ChartView {
        let (max, x) = Self::axis(rows.iter().map(|r| r.shown.amount), report, display);
        let description: Vec<String> = rows
            .iter()
            .map(|r| format!("{}: mean {}", r.setting, r.shown.text()))
            .collect();
        let chart_rows = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let top = 28 + i as u32 * ROW_HEIGHT;
                ChartRow {
                    label: row.setting.to_string(),
                    label_y: top + 12,
                    bar_y: top + 20,
                    from_x: CHART_LEFT,
                    to_x: x(row.shown.amount),
                    mark_x: None,
                    value: format!("mean {}", row.shown.text()),
                }
            })
            .collect();
        let release = rows.first().map_or("", |r| r.shown.figure.release.as_str());
        ChartView {
            title: format!(
                "Mean {} pay of {} by industry ({release})",
                display.adjective(),
                report.occupation.short
            ),
            description: description.join("; ") + ".",
            height: 28 + rows.len() as u32 * ROW_HEIGHT + 24,
            rows: chart_rows,
            offer: Self::offer_mark(report, display, &x),
            ticks: Self::ticks(max, display.period(), &x),
        }
    }
}

// ---- JSON ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct JsonError<'a> {
    field: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    /// The canonical query that reproduces this result.
    query: String,
    compare: &'static str,
    display: &'static str,
    occupation: JsonOccupation<'a>,
    baseline: JsonOccupation<'a>,
    offer: Option<JsonOffer<'a>>,
    rows: Vec<JsonRow<'a>>,
    notes: &'a [String],
    sources: Vec<JsonSource<'a>>,
}

#[derive(Serialize)]
struct JsonOccupation<'a> {
    id: &'a str,
    soc: &'a str,
    title: &'a str,
}

impl<'a> JsonOccupation<'a> {
    fn new(occupation: &'a Occupation) -> Self {
        JsonOccupation {
            id: &occupation.id,
            soc: &occupation.soc,
            title: &occupation.title,
        }
    }
}

#[derive(Serialize)]
struct JsonOffer<'a> {
    /// The amount as entered, in cents, and how often it is paid.
    amount_cents: i64,
    period: &'static str,
    /// The yearly equivalent, in whole dollars.
    annual: i64,
    /// 10 to 90 when the offer is inside the published range and a recent distribution exists.
    percentile: Option<f64>,
    position: Option<&'static str>,
    /// `placed`, `distribution_too_old` or `no_distribution`.
    estimate: &'static str,
    data_release: Option<&'a str>,
    median: JsonValue<'a>,
    /// The offer's difference from that median, in whole dollars and percent (computed).
    versus_median: JsonDifference,
    summary: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per request and serialised at once"
)]
enum JsonRow<'a> {
    Occupation {
        occupation: JsonOccupation<'a>,
        median: JsonValue<'a>,
        median_annual: JsonValue<'a>,
        median_hourly: JsonValue<'a>,
        p10: Option<JsonValue<'a>>,
        p90: Option<JsonValue<'a>>,
        difference: Option<JsonDifference>,
    },
    IndustryMean {
        setting: &'a str,
        value: JsonValue<'a>,
        employment: Option<u32>,
    },
    ArticleClaim {
        setting: &'a str,
        value: JsonValue<'a>,
        status: &'static str,
        note: Option<&'a str>,
    },
}

/// A figure as shown: amount in cents per `period`, with its provenance.
#[derive(Serialize)]
struct JsonValue<'a> {
    amount_cents: i64,
    text: String,
    period: &'static str,
    statistic: &'static str,
    data_release: &'a str,
    source: &'a str,
    computed: bool,
}

impl<'a> JsonValue<'a> {
    fn shown(shown: &Shown<'a>) -> Self {
        JsonValue {
            amount_cents: shown.amount.0,
            text: shown.text(),
            period: shown.period.as_str(),
            statistic: shown.figure.statistic.as_str(),
            data_release: &shown.figure.release,
            source: &shown.figure.source,
            computed: shown.computed,
        }
    }

    fn figure(figure: &'a Figure) -> Self {
        JsonValue {
            amount_cents: figure.amount.0,
            text: figure.amount_text(),
            period: match figure.basis {
                crate::salary::data::PayBasis::Annual => "year",
                crate::salary::data::PayBasis::Hourly => "hour",
            },
            statistic: figure.statistic.as_str(),
            data_release: &figure.release,
            source: &figure.source,
            computed: false,
        }
    }
}

#[derive(Serialize)]
struct JsonDifference {
    amount_cents: i64,
    percent: f64,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
}

impl<'a> JsonReport<'a> {
    fn new(site: &'a Site, report: &'a Report<'a>) -> Self {
        let rows = match &report.rows {
            Rows::Ladder(rows) => rows
                .iter()
                .map(|row| JsonRow::Occupation {
                    occupation: JsonOccupation::new(row.occupation),
                    median: JsonValue::shown(&row.median),
                    median_annual: JsonValue::shown(&row.median_annual),
                    median_hourly: JsonValue::shown(&row.median_hourly),
                    p10: row.p10.as_ref().map(JsonValue::shown),
                    p90: row.p90.as_ref().map(JsonValue::shown),
                    difference: row.difference.map(|d| JsonDifference {
                        amount_cents: d.amount.0,
                        percent: d.percent(),
                    }),
                })
                .collect(),
            Rows::Settings { industries, claims } => industries
                .iter()
                .map(|row| JsonRow::IndustryMean {
                    setting: row.setting,
                    value: JsonValue::shown(&row.shown),
                    employment: row.shown.figure.employment,
                })
                .chain(claims.iter().map(|row| JsonRow::ArticleClaim {
                    setting: row.setting,
                    value: JsonValue::shown(&row.shown),
                    status: row.shown.figure.status.map_or("", |s| s.label()),
                    note: row.shown.figure.note.as_deref(),
                }))
                .collect(),
        };
        let offer = report.offer.as_ref().map(|check| {
            let (percentile, position, estimate, release) = match &check.estimate {
                Estimate::Placed {
                    distribution,
                    placement,
                } => (
                    placement.percentile.map(|p| (p * 10.0).round() / 10.0),
                    Some(placement.position.as_str()),
                    "placed",
                    Some(distribution.release),
                ),
                Estimate::TooOld { distribution } => (
                    None,
                    None,
                    "distribution_too_old",
                    Some(distribution.release),
                ),
                Estimate::NoDistribution => (None, None, "no_distribution", None),
            };
            JsonOffer {
                amount_cents: check.offer.amount.0,
                period: check.offer.period.as_str(),
                annual: check.offer.annual.whole_dollars(),
                percentile,
                position,
                estimate,
                data_release: release,
                median: JsonValue::figure(check.median),
                versus_median: JsonDifference {
                    amount_cents: check.versus_median.amount.0,
                    percent: check.versus_median.percent(),
                },
                summary: &check.summary,
            }
        });
        JsonReport {
            query: report.query.to_query_string(),
            compare: report.query.compare.as_str(),
            display: report.query.display.as_str(),
            occupation: JsonOccupation::new(report.occupation),
            baseline: JsonOccupation::new(report.baseline),
            offer,
            rows,
            notes: &report.notes,
            sources: report
                .sources
                .iter()
                .filter_map(|id| site.source(id))
                .map(|s| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    url: s.url.as_deref(),
                })
                .collect(),
        }
    }
}

// ---- CSV ----------------------------------------------------------------------------------------

const CSV_HEADER: &[&str] = &[
    "row",
    "occupation_id",
    "soc",
    "setting",
    "statistic",
    "pay_period",
    "amount_cents",
    "amount",
    "data_release",
    "source",
    "computed",
    "difference_cents",
    "difference_percent",
    "percentile",
    "position",
    "note",
];

fn csv_report(report: &Report<'_>) -> String {
    let mut out = csv_line(CSV_HEADER);
    let mut value_row = |row: &str,
                         occupation: &Occupation,
                         setting: &str,
                         shown: &Shown<'_>,
                         difference: Option<String>,
                         percent: Option<String>,
                         note: &str| {
        out += &csv_line(&[
            row,
            &occupation.id,
            &occupation.soc,
            setting,
            shown.figure.statistic.as_str(),
            shown.period.as_str(),
            &shown.amount.0.to_string(),
            &shown.text(),
            &shown.figure.release,
            &shown.figure.source,
            if shown.computed { "true" } else { "false" },
            difference.as_deref().unwrap_or(""),
            percent.as_deref().unwrap_or(""),
            "",
            "",
            note,
        ]);
    };
    match &report.rows {
        Rows::Ladder(rows) => {
            for row in rows {
                let (difference, percent) = match row.difference {
                    Some(d) => (
                        Some(d.amount.0.to_string()),
                        Some(format!("{:.1}", d.percent())),
                    ),
                    None => (None, None),
                };
                value_row(
                    "occupation",
                    row.occupation,
                    "national",
                    &row.median,
                    difference,
                    percent,
                    "",
                );
                // The median per year and per hour too, where the display period is neither.
                let others = [&row.median_annual, &row.median_hourly];
                for other in others.into_iter().filter(|m| m.period != row.median.period) {
                    value_row(
                        "occupation",
                        row.occupation,
                        "national",
                        other,
                        None,
                        None,
                        "",
                    );
                }
                for end in row.p10.iter().chain(row.p90.iter()) {
                    value_row(
                        "occupation",
                        row.occupation,
                        "national",
                        end,
                        None,
                        None,
                        "",
                    );
                }
            }
        }
        Rows::Settings { industries, claims } => {
            for row in industries {
                value_row(
                    "industry_mean",
                    report.occupation,
                    row.setting,
                    &row.shown,
                    None,
                    None,
                    "",
                );
            }
            for row in claims {
                let note = row.shown.figure.note.as_deref().unwrap_or_default();
                value_row(
                    "article_claim",
                    report.occupation,
                    row.setting,
                    &row.shown,
                    None,
                    None,
                    note,
                );
            }
        }
    }
    if let Some(check) = &report.offer {
        let (percentile, position, release) = match &check.estimate {
            Estimate::Placed {
                distribution,
                placement,
            } => (
                placement
                    .percentile
                    .map(|p| format!("{p:.1}"))
                    .unwrap_or_default(),
                placement.position.as_str(),
                distribution.release,
            ),
            Estimate::TooOld { distribution } => (String::new(), "", distribution.release),
            Estimate::NoDistribution => (String::new(), "", ""),
        };
        out += &csv_line(&[
            "offer",
            &report.occupation.id,
            &report.occupation.soc,
            "national",
            "offer",
            "year",
            &check.offer.annual.0.to_string(),
            &check.offer.annual.dollars_text(),
            release,
            "",
            "true",
            &check.versus_median.amount.0.to_string(),
            &format!("{:.1}", check.versus_median.percent()),
            &percentile,
            position,
            &check.summary,
        ]);
    }
    out
}

/// One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted, and text that a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
fn csv_line(fields: &[&str]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let looks_like_formula = field.starts_with(['=', '+', '@', '\t', '\r'])
            || (field.starts_with('-') && field[1..].parse::<f64>().is_err());
        let field = if looks_like_formula {
            format!("'{field}")
        } else {
            field.to_string()
        };
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&field);
        }
    }
    line.push_str("\r\n");
    line
}

fn period_label(period: Period) -> &'static str {
    match period {
        Period::Hour => "per hour",
        Period::Week => "per week",
        Period::Biweek => "every two weeks",
        Period::Month => "per month",
        Period::Year => "per year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_csv_fields_that_need_it() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(csv_line(&["line\nbreak"]), "\"line\nbreak\"\r\n");
    }

    #[test]
    fn defuses_spreadsheet_formulas_but_keeps_negative_numbers() {
        assert_eq!(
            csv_line(&["=1+1", "+x", "@cmd", "-729000", "-x"]),
            "'=1+1,'+x,'@cmd,-729000,'-x\r\n"
        );
    }
}
