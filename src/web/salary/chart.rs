//! The comparison's chart: horizontal bars drawn on the server as inline SVG, with a text alternative.
//! The geometry (scale, ticks, rows) is computed here; `templates/salary.html` only draws it. The
//! chart of a comparison is the same for every offer that fits its axis, so it is drawn once per
//! comparison and an offer adds only its mark ([`ChartView::offer_mark`]); a larger offer stretches
//! the axis, and gets a chart of its own.

use std::ops::Deref;

use askama::Template;

use super::wording;
use crate::money::{Cents, Period, from_annual};
use crate::salary::capitalise;
use crate::salary::compare::{LadderRow, Report, SettingRow};
use crate::salary::query::Display;
use crate::web::trusted::Fragment;
use crate::words::Words;

/// A horizontal bar chart drawn on the server as inline SVG; `description` is its text
/// alternative, without its final full stop, which the template writes after the offer's mark when
/// `describes_offer`.
pub(super) struct ChartView {
    pub title: String,
    pub description: String,
    pub describes_offer: bool,
    pub height: u32,
    pub rows: Vec<ChartRow>,
    pub ticks: Vec<ChartMark>,
    /// The largest amount drawn, before headroom, and the axis's top.
    drawn_max: Cents,
    axis_max: Cents,
    period: Period,
}

/// A chart with its grid and bars rendered once, ready for any offer's mark: the template writes
/// `body` and draws only the mark around it.
pub(super) struct DrawnChart {
    view: ChartView,
    pub body: Fragment,
}

impl DrawnChart {
    pub(super) fn draw(w: &Words, view: ChartView) -> askama::Result<DrawnChart> {
        let body = Fragment::render(&ChartBody { w, chart: &view })?;
        Ok(DrawnChart { view, body })
    }
}

impl Deref for DrawnChart {
    type Target = ChartView;

    fn deref(&self) -> &ChartView {
        &self.view
    }
}

/// `templates/chart_body.html`: the chart's grid, ticks and bars, without the offer's mark.
#[derive(Template)]
#[template(path = "chart_body.html")]
struct ChartBody<'a> {
    w: &'a Words,
    chart: &'a ChartView,
}

pub(super) struct ChartRow {
    /// The bar's label and value, written beside it as the words' `chart.bar` says.
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

pub(super) struct ChartMark {
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

    /// The offer of `report` in the chart's period, if there is one.
    pub(crate) fn offer_amount(report: &Report<'_>, display: Display) -> Option<Cents> {
        report
            .offer
            .as_ref()
            .map(|check| from_annual(check.offer.annual, display.period()))
    }

    /// Whether an offer of `amount` (in the chart's period) fits this chart's axis as drawn.
    pub(crate) fn fits(&self, amount: Cents) -> bool {
        amount <= self.drawn_max
    }

    /// The mark of an offer of `amount`, in the chart's period, on this chart's axis.
    pub(crate) fn offer_mark(&self, w: &Words, amount: Cents) -> ChartMark {
        let x = Self::scale(self.axis_max);
        let label = w
            .salary
            .chart
            .offer
            .with("amount", self.period.amount_text(amount));
        ChartMark::new(x(amount), label.to_string(), "start")
    }

    /// The axis for `amounts` and `offer`, if any, with a tenth of headroom: the largest amount
    /// drawn, the axis's top and its scale.
    fn axis(
        amounts: impl Iterator<Item = Cents>,
        offer: Option<Cents>,
    ) -> (Cents, Cents, impl Fn(Cents) -> u32) {
        let drawn = amounts.chain(offer).max().unwrap_or(Cents(1));
        let max = Cents(drawn.0 + drawn.0 / 10);
        (drawn, max, Self::scale(max))
    }

    /// The ladder's chart, its axis stretched to `offer` (in the display's period) if given.
    pub(crate) fn ladder(
        w: &Words,
        rows: &[LadderRow<'_>],
        offer: Option<Cents>,
        display: Display,
    ) -> ChartView {
        let amounts = rows
            .iter()
            .flat_map(|r| [Some(r.median.amount), r.p90.as_ref().map(|s| s.amount)])
            .flatten();
        let (drawn_max, max, x) = Self::axis(amounts, offer);
        let says = &w.salary.chart;
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
                let label = capitalise(&row.occupation.short);
                let described = match (&row.p10, &row.p90) {
                    (Some(p10), Some(p90)) => says
                        .ladder_row_range
                        .with("occupation", &label)
                        .with("low", p10.text())
                        .with("high", p90.text())
                        .with("range_release", &p10.figure.release),
                    _ => says.ladder_row.with("occupation", &label),
                };
                description.push(
                    described
                        .with("median", row.median.text())
                        .with("release", &row.median.figure.release)
                        .to_string(),
                );
                let value = says
                    .ladder_value
                    .with("amount", row.median.text())
                    .to_string();
                ChartRow {
                    label,
                    label_y: top + 12,
                    bar_y: top + 20,
                    from_x,
                    to_x,
                    mark_x: Some(x(row.median.amount)),
                    value,
                }
            })
            .collect();
        ChartView {
            title: says
                .ladder_title
                .with("period", wording::adjective(w, display.period()))
                .to_string(),
            description: description.join("; "),
            describes_offer: true,
            height: 28 + rows.len() as u32 * ROW_HEIGHT + 24,
            rows: chart_rows,
            ticks: Self::ticks(max, display.period(), &x),
            drawn_max,
            axis_max: max,
            period: display.period(),
        }
    }

    /// The chart of pay by setting, its axis stretched to `offer` (in the display's period) if
    /// given.
    pub(crate) fn settings(
        w: &Words,
        rows: &[SettingRow<'_>],
        occupation_short: &str,
        offer: Option<Cents>,
        display: Display,
    ) -> ChartView {
        let (drawn_max, max, x) = Self::axis(rows.iter().map(|r| r.shown.amount), offer);
        let says = &w.salary.chart;
        let statistic = |row: &SettingRow<'_>| w.numbers.statistics.of(row.shown.figure.statistic);
        let description: Vec<String> = rows
            .iter()
            .map(|r| {
                says.industry_row
                    .with("setting", r.setting)
                    .with("statistic", statistic(r))
                    .with("amount", r.shown.text())
                    .to_string()
            })
            .collect();
        let chart_rows = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let top = 28 + i as u32 * ROW_HEIGHT;
                let value = says
                    .industry_value
                    .with("statistic", statistic(row))
                    .with("amount", row.shown.text())
                    .to_string();
                ChartRow {
                    label: row.setting.to_string(),
                    label_y: top + 12,
                    bar_y: top + 20,
                    from_x: CHART_LEFT,
                    to_x: x(row.shown.amount),
                    mark_x: None,
                    value,
                }
            })
            .collect();
        let release = rows.first().map_or("", |r| r.shown.figure.release.as_str());
        ChartView {
            title: wording::capitalised(
                says.industry_title
                    .with(
                        "statistic",
                        rows.first().map_or("", |r| statistic(r).as_str()),
                    )
                    .with("period", wording::adjective(w, display.period()))
                    .with("occupation", occupation_short)
                    .with("release", release),
            ),
            description: description.join("; "),
            describes_offer: false,
            height: 28 + rows.len() as u32 * ROW_HEIGHT + 24,
            rows: chart_rows,
            ticks: Self::ticks(max, display.period(), &x),
            drawn_max,
            axis_max: max,
            period: display.period(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::compare::{Rows, compute};
    use crate::salary::fixture;
    use crate::salary::query::Query;

    #[test]
    fn scales_amounts_onto_the_plot_from_the_left_edge() {
        let x = ChartView::scale(Cents::from_dollars(1_000));
        assert_eq!(x(Cents(0)), CHART_LEFT);
        assert_eq!(x(Cents::from_dollars(1_000)), CHART_WIDTH - CHART_RIGHT);
        assert_eq!(
            x(Cents::from_dollars(500)),
            CHART_LEFT + (CHART_WIDTH - CHART_LEFT - CHART_RIGHT) / 2
        );
        assert_eq!(
            x(Cents(-5)),
            CHART_LEFT,
            "negative amounts stay on the plot"
        );
    }

    #[test]
    fn puts_ticks_at_round_amounts_within_the_axis() {
        let max = Cents::from_dollars(209_000);
        let x = ChartView::scale(max);
        let ticks = ChartView::ticks(max, Period::Year, &x);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["$0", "$100,000", "$200,000"]);
        assert!(ticks.windows(2).all(|pair| pair[0].x < pair[1].x));
    }

    #[test]
    fn labels_near_the_right_edge_end_at_their_mark() {
        assert_eq!(ChartMark::new(100, String::new(), "start").anchor, "start");
        assert_eq!(
            ChartMark::new(CHART_WIDTH - 30, String::new(), "start").anchor,
            "end"
        );
        assert_eq!(
            ChartMark::new(CHART_WIDTH - 30, String::new(), "middle").anchor,
            "middle"
        );
    }

    #[test]
    fn draws_one_row_per_occupation_with_the_offer_inside_the_plot() {
        let data = fixture();
        let report = compute(data, Query::parse("offer=300000", data, None).unwrap());
        let Rows::Ladder(rows) = &report.rows else {
            panic!()
        };
        let offer = ChartView::offer_amount(&report, Display::Year).unwrap();
        let chart = ChartView::ladder(Words::english(), rows, Some(offer), Display::Year);
        assert_eq!(chart.rows.len(), rows.len());
        assert_eq!(chart.height, 28 + rows.len() as u32 * ROW_HEIGHT + 24);
        for (row, drawn) in rows.iter().zip(&chart.rows) {
            assert!(
                drawn.from_x <= drawn.mark_x.unwrap() && drawn.mark_x.unwrap() <= drawn.to_x,
                "{}",
                drawn.label
            );
            assert!(drawn.value.contains(&row.median.text()));
        }
        assert!(chart.fits(offer));
        let mark = chart.offer_mark(Words::english(), offer);
        assert_eq!(mark.label, "Your offer: $300,000");
        // The axis has a tenth of headroom above the largest amount, here the offer.
        assert!(mark.x < CHART_WIDTH - CHART_RIGHT && mark.x > chart.rows[2].to_x);
        // Drawn without the offer, the axis ends near the largest figure, and the offer does not fit.
        let plain = ChartView::ladder(Words::english(), rows, None, Display::Year);
        assert!(!plain.fits(offer));
        assert!(plain.fits(Cents::from_dollars(1)));
        assert_eq!(plain.offer_mark(Words::english(), Cents(0)).x, CHART_LEFT);
    }

    /// What the template draws of a chart and an offer's mark.
    fn drawn(chart: &ChartView, offer: Cents) -> String {
        let mark = chart.offer_mark(Words::english(), offer);
        let ticks: Vec<_> = chart.ticks.iter().map(|t| (t.x, &t.label)).collect();
        let rows: Vec<_> = chart
            .rows
            .iter()
            .map(|r| (r.from_x, r.to_x, r.mark_x, &r.value))
            .collect();
        format!(
            "{ticks:?} {rows:?} {} {} {}",
            mark.x, mark.label, mark.anchor
        )
    }

    #[test]
    fn an_offer_within_the_axis_is_drawn_as_on_a_chart_drawn_for_it() {
        let data = fixture();
        let report = compute(data, Query::parse("", data, None).unwrap());
        let Rows::Ladder(rows) = &report.rows else {
            panic!()
        };
        let kept = ChartView::ladder(Words::english(), rows, None, Display::Year);
        for dollars in [1, 20_000, 45_000, 80_000, 150_000] {
            let offer = Cents::from_dollars(dollars);
            if kept.fits(offer) {
                let own = ChartView::ladder(Words::english(), rows, Some(offer), Display::Year);
                assert_eq!(drawn(&kept, offer), drawn(&own, offer), "${dollars}");
            }
        }
        assert!(
            kept.fits(Cents::from_dollars(45_000)),
            "the test covers a fitting offer"
        );
    }
}
