//! Two places side by side, in words: the heading, the table of both places' medians, ranges and
//! amounts at national prices with their differences, each place's offer, and how the two offers
//! compare. The domain's [`Pair`] holds the facts; this module only says them.

use super::table::{Cell, Footnotes, TableView};
use super::wording;
use crate::money::{Cents, Difference, Period, Side};
use crate::oews::Area;
use crate::salary::area::PriceHere;
use crate::salary::compare::{LadderRow, Pair, Report};
use crate::words::Words;

/// The two places' names, as a sentence says them: the first's, then the second's ("the United
/// States" for the nation).
pub(super) fn names<'a>(w: &'a Words, report: &'a Report<'a>) -> Option<(&'a str, &'a str)> {
    let pair = report.versus.as_ref()?;
    let name = |report: &'a Report<'a>| {
        report
            .query
            .area
            .map_or(w.salary.pair.the_nation.as_str(), |pay| {
                pay.area.name.as_str()
            })
    };
    Some((name(report), name(&pair.report)))
}

/// The page's heading and title naming both places, when there are two.
pub(super) fn title(w: &Words, report: &Report<'_>) -> Option<String> {
    let (here, there) = names(w, report)?;
    Some(
        w.salary
            .pair
            .title
            .with("here", here)
            .with("there", there)
            .to_string(),
    )
}

/// The embed's heading naming both places, when there are two.
pub(super) fn embed_heading(w: &Words, report: &Report<'_>) -> Option<String> {
    let (here, there) = names(w, report)?;
    Some(
        w.salary
            .pair
            .embed_heading
            .with("here", here)
            .with("there", there)
            .to_string(),
    )
}

/// The side-by-side table: each occupation's yearly median, range and median at national prices
/// in each place, then the second place's difference from the first, as published and adjusted.
pub(super) fn table(
    w: &Words,
    report: &Report<'_>,
    notes: &mut Footnotes<'_>,
) -> Option<TableView> {
    let pair = report.versus.as_ref()?;
    let (here, there) = names(w, report)?;
    let says = &w.salary.pair;
    let levels = [
        report.prices.as_ref().map(|p| p.here),
        pair.report.prices.as_ref().map(|p| p.here),
    ];
    let rows = pair
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::plain(wording::occupation_label(w, row.occupation))];
            for (place, adjusted, level) in [
                (&row.here, row.here_adjusted, levels[0]),
                (&row.there, row.there_adjusted, levels[1]),
            ] {
                place_cells(w, &mut cells, place.as_ref(), adjusted, level, notes);
            }
            // A difference is missing where either place has no wages, or, at national prices,
            // no price level.
            let missing = |published: bool| match published {
                true => says.no_level.as_str(),
                false => says.not_released.as_str(),
            };
            for difference in [row.difference, row.adjusted_difference] {
                cells.push(difference.map_or_else(
                    || Cell::plain(missing(row.here.is_some() && row.there.is_some())),
                    |d| Cell::computed(wording::difference(w, d, Period::Year)),
                ));
            }
            cells
        })
        .collect();
    let mut headers = vec![w.salary.table.occupation.to_string()];
    for place in [here, there] {
        headers.extend([
            says.median_in.with("place", place).to_string(),
            says.range_in.with("place", place).to_string(),
            says.adjusted_in.with("place", place).to_string(),
        ]);
    }
    // The second place's name begins these headers: "The United States less Austin".
    headers.extend([
        wording::capitalised(says.difference.with("here", here).with("there", there)),
        wording::capitalised(
            says.adjusted_difference
                .with("here", here)
                .with("there", there),
        ),
    ]);
    Some(TableView {
        caption: says
            .caption
            .with("here", here)
            .with("there", there)
            .to_string(),
        headers,
        rows,
    })
}

/// One place's median, range and median at national prices; "no wages released" or "no price
/// level" where there are none.
fn place_cells(
    w: &Words,
    cells: &mut Vec<Cell>,
    row: Option<&LadderRow<'_>>,
    adjusted: Option<Cents>,
    level: Option<&PriceHere>,
    notes: &mut Footnotes<'_>,
) {
    let says = &w.salary.pair;
    let Some(row) = row else {
        cells.extend((0..3).map(|_| Cell::plain(says.not_released.as_str())));
        return;
    };
    cells.push(notes.cell(&row.median_annual));
    cells.push(match (&row.p10, &row.p90) {
        (Some(p10), Some(p90)) => notes.range_cell(p10, p90),
        _ => Cell::plain(w.salary.table.no_distribution.as_str()),
    });
    cells.push(match (adjusted, level) {
        (Some(amount), Some(here)) => Cell {
            text: Period::Year.amount_text(amount),
            notes: vec![notes.price_number(here)],
            computed: true,
        },
        // The nation: its amounts are at national prices by definition.
        (Some(amount), None) => Cell::plain(Period::Year.amount_text(amount)),
        (None, _) => Cell::plain(says.no_level.as_str()),
    });
}

/// The second place's offer in words (its check, or why it was not checked), then how the two
/// offers compare at national prices when both were made.
pub(super) fn offers(w: &Words, report: &Report<'_>) -> Vec<String> {
    let Some(pair) = report.versus.as_ref() else {
        return Vec::new();
    };
    let there = &pair.report;
    let mut said = Vec::new();
    if let Some(check) = &there.offer {
        let mut summary = wording::offer_summary(w, check);
        if let Some(line) = wording::offer_at_national_prices(w, there) {
            summary.push(' ');
            summary.push_str(&line);
        }
        said.push(summary);
    } else if let Some(missing) = there
        .not_published
        .iter()
        .find(|m| there.query.offer.is_some() && m.occupation == there.query.occupation)
    {
        said.push(wording::offer_not_checked(w, missing));
    }
    if let Some(compared) = offers_compared(w, report, pair) {
        said.push(compared);
    }
    said
}

/// Which offer buys more at national prices, and by how much; `None` without two offers.
pub(super) fn offers_compared(w: &Words, report: &Report<'_>, pair: &Pair<'_>) -> Option<String> {
    report.query.offer?;
    pair.report.query.offer?;
    let says = &w.salary.pair;
    let (here, there) = names(w, report)?;
    let Some(offers) = pair.offers else {
        return Some(says.offers_no_level.to_string());
    };
    let (more, less, difference) = match offers.difference.side() {
        Side::Same => return Some(says.offers_same.to_string()),
        Side::Above => (there, here, offers.difference),
        Side::Below => (here, there, Difference::between(offers.here, offers.there)?),
    };
    Some(
        says.offers_more
            .with("more", more)
            .with("less", less)
            .with("amount", difference.size().dollars_text())
            .with("percent", difference.percent_text())
            .to_string(),
    )
}

/// Both places' notes, each said once, then the pair's own: that a price level is no wage index,
/// and, when one place is the nation, that its amounts are at national prices by definition.
pub(super) fn notes(w: &Words, report: &Report<'_>) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    let reports = std::iter::once(report).chain(report.versus.iter().map(|p| &*p.report));
    for note in reports.flat_map(|r| r.notes.iter()) {
        let text = wording::note(w, note);
        if !said.contains(&text) {
            said.push(text);
        }
    }
    if let Some(pair) = &report.versus {
        let nation = |area: Option<&Area>| area.is_none();
        if nation(report.query.area.map(|p| &p.area))
            || nation(pair.report.query.area.map(|p| &p.area))
        {
            said.push(w.salary.pair.nation_level.to_string());
        }
        said.push(w.salary.pair.caveat.to_string());
    }
    said
}
