//! `/salary.csv`: the comparison as CSV, one figure a row, written by the `csv` crate.

use super::{Format, wording};
use crate::money::{Cents, Difference};
use crate::oews::AreaCode;
use crate::salary::compare::{
    Estimate, LadderRow, NotPublished, OfferCheck, Pair, Report, Rows, Shown,
};
use crate::salary::data::{Occupation, Statistic};
use crate::salary::query::Rejected;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::words::Words;

/// The CSV answer.
pub(crate) struct Csv;

impl Format for Csv {
    const CONTENT_TYPE: &'static str = "text/csv; charset=utf-8";

    fn answer(state: &AppState, report: &Report<'_>) -> Result<Vec<u8>, AppError> {
        csv_report(state.site.words, report).map_err(AppError::internal)
    }

    fn reject(state: &AppState, rejected: &Rejected) -> Result<Vec<u8>, AppError> {
        let mut out = Records::new();
        out.push(&["field", "message"])
            .map_err(AppError::internal)?;
        for error in &rejected.errors {
            let message = wording::field_message(state.site.words, error, &state.site.salary);
            out.push(&[error.field.as_str(), &message])
                .map_err(AppError::internal)?;
        }
        out.finish().map_err(AppError::internal)
    }

    fn headers(headers: &mut actix_web::http::header::HeaderMap) {
        use actix_web::http::header::{CONTENT_DISPOSITION, HeaderValue};
        headers.insert(
            CONTENT_DISPOSITION,
            HeaderValue::from_static("inline; filename=\"him-salary.csv\""),
        );
    }
}

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
    "series_id",
    "area_code",
    "area_name",
];

fn csv_report(w: &Words, report: &Report<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut out = Records::new();
    out.push(CSV_HEADER)?;
    place_rows(&mut out, w, report)?;
    if let Some(pair) = &report.versus {
        // The second place's rows name it in their last columns, as its difference rows do.
        place_rows(&mut out, w, &pair.report)?;
        pair_rows(&mut out, w, report, pair)?;
    }
    out.finish()
}

/// The second place's yearly median less the first's, for each occupation, as published and at
/// national prices (our arithmetic); the note names the two places.
fn pair_rows(
    out: &mut Records,
    w: &Words,
    report: &Report<'_>,
    pair: &Pair<'_>,
) -> Result<(), csv::Error> {
    let Some((here, there)) = super::pair::names(w, report) else {
        return Ok(());
    };
    let says = &w.salary.pair;
    let note = wording::capitalised(says.difference.with("here", here).with("there", there));
    let adjusted_note = wording::capitalised(
        says.adjusted_difference
            .with("here", here)
            .with("there", there),
    );
    for row in &pair.rows {
        for (kind, difference, note) in [
            ("side_by_side_difference", row.difference, &note),
            (
                "side_by_side_difference_at_national_prices",
                row.adjusted_difference,
                &adjusted_note,
            ),
        ] {
            let Some(difference) = difference else {
                continue;
            };
            out.push(&[
                kind,
                &row.occupation.id,
                &row.occupation.soc.to_string(),
                "",
                "median",
                "year",
                "",
                "",
                "",
                "",
                "true",
                &difference.amount.0.to_string(),
                &format!("{:.1}", difference.percent()),
                "",
                "",
                note,
                "",
            ])?;
        }
    }
    if let (Some(offers), Some(summary)) =
        (pair.offers, super::pair::offers_compared(w, report, pair))
    {
        out.push(&[
            "side_by_side_offers_at_national_prices",
            &report.query.occupation.id,
            &report.query.occupation.soc.to_string(),
            "",
            "",
            "year",
            "",
            "",
            "",
            "",
            "true",
            &offers.difference.amount.0.to_string(),
            &format!("{:.1}", offers.difference.percent()),
            "",
            "",
            &summary,
            "",
        ])?;
    }
    Ok(())
}

/// One place's rows: its ladder or settings, prices, gaps and offer, each ending with the place.
fn place_rows(out: &mut Records, w: &Words, report: &Report<'_>) -> Result<(), csv::Error> {
    // Every row names the area of the ladder and the offer check.
    let area = report.query.area.map(|pay| &pay.area);
    out.area = vec![
        area.map_or(AreaCode::NATIONAL, |a| a.code).to_string(),
        wording::area_name(w, area).to_string(),
    ];
    let occupation = report.query.occupation;
    match &report.rows {
        Rows::Ladder(rows) => {
            let setting = area.map_or("national", |a| a.name.as_str());
            for row in rows {
                ladder_rows(out, row, setting)?;
            }
        }
        Rows::Settings { industries, claims } => {
            for row in industries {
                // A median comes with its 10th and 90th percentiles; an older mean stands alone.
                let kind = match row.shown.figure.statistic {
                    Statistic::Mean => "industry_mean",
                    _ => "industry",
                };
                out.figure(kind, occupation, row.setting, &row.shown, None, "")?;
                for end in row.range.iter().flat_map(|(p10, p90)| [p10, p90]) {
                    out.figure(kind, occupation, row.setting, end, None, "")?;
                }
            }
            for row in claims {
                let note = row.shown.figure.note.as_deref().unwrap_or_default();
                out.figure(
                    "article_claim",
                    occupation,
                    row.setting,
                    &row.shown,
                    None,
                    note,
                )?;
            }
        }
    }
    price_rows(out, w, report)?;
    for missing in &report.not_published {
        unpublished_row(
            out,
            "not_published",
            missing,
            wording::not_published(w, missing),
        )?;
    }
    if let Some(check) = &report.offer {
        offer_row(out, w, check)?;
    } else if let Some(missing) = report
        .not_published
        .iter()
        .find(|m| report.query.offer.is_some() && m.occupation == occupation)
    {
        unpublished_row(
            out,
            "offer",
            missing,
            wording::offer_not_checked(w, missing),
        )?;
    }
    Ok(())
}

/// In an area with a price level: a row for the level, then each ladder
/// median and the offer at national prices, our arithmetic, citing BEA's source.
fn price_rows(out: &mut Records, w: &Words, report: &Report<'_>) -> Result<(), csv::Error> {
    let Some(prices) = &report.prices else {
        return Ok(());
    };
    let here = prices.here;
    let year = here.year.to_string();
    let setting = report
        .query
        .area
        .map_or("national", |pay| pay.area.name.as_str());
    // The level row: BEA's area (its name says whether it is a state's nonmetropolitan portion)
    // in `setting`, and the level, the nation = 100, in `amount`.
    let level = here.parity.level.to_string();
    let mut fields = vec![
        "price_level",
        "",
        "",
        &here.parity.bea_name,
        "price_level",
        "",
        "",
    ];
    fields.extend([level.as_str(), year.as_str(), here.source.as_str(), "false"]);
    fields.extend([""; 6]);
    out.push(&fields)?;
    let adjusted =
        |out: &mut Records, row: &str, occupation: &Occupation, amount: Cents, note: &str| {
            let statistic = if row == "offer_at_national_prices" {
                "offer"
            } else {
                "median"
            };
            out.push(&[
                row,
                &occupation.id,
                &occupation.soc.to_string(),
                setting,
                statistic,
                "year",
                &amount.0.to_string(),
                &amount.dollars_text(),
                &year,
                &here.source,
                "true",
                "",
                "",
                "",
                "",
                note,
                "",
            ])
        };
    for &(occupation, amount) in &prices.medians {
        adjusted(out, "at_national_prices", occupation, amount, "")?;
    }
    if let (Some((offer, _)), Some(check)) = (prices.offer, &report.offer) {
        let note = wording::offer_at_national_prices(w, report).unwrap_or_default();
        adjusted(
            out,
            "offer_at_national_prices",
            check.occupation,
            offer,
            &note,
        )?;
    }
    Ok(())
}

/// An occupation without wages in the area (or an offer left unchecked for that reason): the
/// words say why and where to look instead.
fn unpublished_row(
    out: &mut Records,
    row: &str,
    missing: &NotPublished<'_>,
    note: String,
) -> Result<(), csv::Error> {
    let occupation = missing.occupation;
    let soc = occupation.soc.to_string();
    let mut fields = vec![row, &occupation.id, &soc, &missing.area.name];
    fields.extend([""; 11]);
    fields.push(&note);
    fields.push("");
    out.push(&fields)
}

/// An occupation's median in `setting` (the nation or the area) as shown, with its difference from the baseline, then the median per
/// year and per hour where the display period is neither, then the 10th and 90th percentiles.
fn ladder_rows(out: &mut Records, row: &LadderRow<'_>, setting: &str) -> Result<(), csv::Error> {
    let figure = |out: &mut Records, shown, difference| {
        out.figure("occupation", row.occupation, setting, shown, difference, "")
    };
    figure(out, &row.median, row.difference)?;
    let others = [&row.median_annual, &row.median_hourly];
    for other in others.into_iter().filter(|m| m.period != row.median.period) {
        figure(out, other, None)?;
    }
    for end in row.p10.iter().chain(row.p90.iter()) {
        figure(out, end, None)?;
    }
    Ok(())
}

fn offer_row(out: &mut Records, w: &Words, check: &OfferCheck<'_>) -> Result<(), csv::Error> {
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
    out.push(&[
        "offer",
        &check.occupation.id,
        &check.occupation.soc.to_string(),
        check.area.map_or("national", |a| a.name.as_str()),
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
        &wording::offer_summary(w, check),
        "",
    ])
}

/// CSV records (RFC 4180, CRLF line ends) in memory. Text a spreadsheet would run as a formula is
/// prefixed with an apostrophe; negative numbers stay numbers.
struct Records {
    writer: csv::Writer<Vec<u8>>,
    /// Fields added to the end of every record pushed: the area's code and name.
    area: Vec<String>,
}

impl Records {
    fn new() -> Records {
        Records {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new()),
            area: Vec::new(),
        }
    }

    fn push(&mut self, fields: &[&str]) -> Result<(), csv::Error> {
        let area = self.area.iter().map(String::as_str);
        self.writer.write_record(
            fields
                .iter()
                .copied()
                .chain(area)
                .map(|field| defused(field).into_owned()),
        )
    }

    /// One figure as shown, with its provenance and, on the ladder, its difference from the baseline.
    fn figure(
        &mut self,
        row: &str,
        occupation: &Occupation,
        setting: &str,
        shown: &Shown<'_>,
        difference: Option<Difference>,
        note: &str,
    ) -> Result<(), csv::Error> {
        let (difference, percent) = difference.map_or((String::new(), String::new()), |d| {
            (d.amount.0.to_string(), format!("{:.1}", d.percent()))
        });
        self.push(&[
            row,
            &occupation.id,
            &occupation.soc.to_string(),
            setting,
            shown.figure.statistic.as_str(),
            shown.period.as_str(),
            &shown.amount.0.to_string(),
            &shown.text(),
            &shown.figure.release,
            &shown.figure.source,
            if shown.computed { "true" } else { "false" },
            &difference,
            &percent,
            "",
            "",
            note,
            &shown
                .figure
                .series
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ])
    }

    fn finish(self) -> Result<Vec<u8>, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|err| err.into_error().into())
    }
}

fn defused(field: &str) -> std::borrow::Cow<'_, str> {
    let looks_like_formula = field.starts_with(['=', '+', '@', '\t', '\r'])
        || (field.starts_with('-') && field[1..].parse::<f64>().is_err());
    if looks_like_formula {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(fields: &[&str]) -> String {
        let mut records = Records::new();
        records.push(fields).unwrap();
        String::from_utf8(records.finish().unwrap()).unwrap()
    }

    #[test]
    fn quotes_csv_fields_that_need_it() {
        assert_eq!(
            line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(line(&["line\nbreak"]), "\"line\nbreak\"\r\n");
    }

    #[test]
    fn defuses_spreadsheet_formulas_but_keeps_negative_numbers() {
        assert_eq!(
            line(&["=1+1", "+x", "@cmd", "-729000", "-x"]),
            "'=1+1,'+x,'@cmd,-729000,'-x\r\n"
        );
    }
}
