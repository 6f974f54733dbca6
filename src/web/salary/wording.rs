//! The salary comparison's sentences, chosen from the facts the domain returns and filled from the
//! words of `words/<lang>/salary.toml` (and `numbers.toml` for what an amount is per and
//! ordinals). The page, the embed, the JSON and the CSV all say them through here.

use crate::money::{Cents, Difference, Period, group_thousands};
use crate::oews::{Area, FootnoteCode, IMPRECISE_WAGE_RSE};
use crate::prices::Measure;
use crate::salary::capitalise;
use crate::salary::compare::{Estimate, NotPublished, Note, OfferCheck, Report};
use crate::salary::current::Missing;
use crate::salary::data::{Distribution, SalaryData};
use crate::salary::percentile::{Placement, Position};
use crate::salary::query::{Compare, Display, Field, FieldError, Problem};
use crate::words::{Message, Part, Words};

/// What the reader should do about a rejected field.
pub(super) fn field_message(w: &Words, error: &FieldError, data: &SalaryData) -> String {
    let says = &w.salary.field_errors;
    match (error.problem, error.field) {
        (Problem::Malformed, _) => says.malformed.to_string(),
        (Problem::TooManyParameters { max }, _) => {
            says.too_many_parameters.with("max", max).to_string()
        }
        (Problem::Repeated, field) => says.repeated.with("field", field.as_str()).to_string(),
        (Problem::UnknownChoice, Field::Compare) => says.unknown_compare.to_string(),
        (Problem::UnknownChoice, Field::Occupation | Field::Baseline) => {
            let ids: Vec<&str> = data.occupations.iter().map(|o| o.id.as_str()).collect();
            says.unknown_occupation
                .with("ids", ids.join(w.numbers.lists.separator.as_str()))
                .to_string()
        }
        (Problem::UnknownChoice, Field::Display) => says.unknown_display.to_string(),
        (Problem::UnknownChoice, Field::Area | Field::Vs) => says.unknown_area.to_string(),
        (Problem::NotAnAreaCode, _) => says.not_an_area_code.to_string(),
        (Problem::NoPayInArea, _) => says.no_pay_in_area.to_string(),
        (Problem::UnknownChoice, _) => says.unknown_period.to_string(),
        (Problem::Zero, _) => says.zero.to_string(),
        (Problem::Negative, _) => says.negative.to_string(),
        (Problem::TooLarge, _) => says.too_large.to_string(),
        (Problem::NotANumber, _) => says.not_a_number.to_string(),
        (Problem::AboveMaximum { max }, _) => says
            .above_maximum
            .with("amount", w.numbers.per(Period::Year, &max.dollars_text()))
            .to_string(),
        (Problem::SamePlace, _) => says.same_place.to_string(),
        (Problem::VersusNeedsLadder, _) => says.versus_needs_ladder.to_string(),
        (Problem::NoSecondPlace, _) => says.no_second_place.to_string(),
    }
}

/// A caveat beside the comparison.
pub(super) fn note(w: &Words, note: &Note<'_>) -> String {
    let says = &w.salary.notes;
    match note {
        Note::MixedReleases(releases) => says
            .mixed_releases
            .with(
                "releases",
                releases.join(w.numbers.lists.separator.as_str()),
            )
            .to_string(),
        Note::RangeOlderThanMedian => says.range_older_than_median.to_string(),
        Note::ComputedFromAnnual(period) => says
            .computed_from_annual
            .with("amounts", says.computed_amounts.of(*period))
            .with("count", period.per_year())
            .to_string(),
        Note::NoIndustryPay(occupation) => says
            .no_industry_pay
            .with("occupation", &occupation.short)
            .to_string(),
        Note::IndustryMeansNotMedians => says.industry_means.to_string(),
        Note::ArticleWorkplaceFigures => says.article_workplace.to_string(),
        Note::IndustriesNationalOnly(area) => says
            .industries_national_only
            .with("area", &area.name)
            .to_string(),
        Note::NoBaselineInArea(occupation, area) => says
            .no_baseline_in_area
            .with("occupation", &occupation.short)
            .with("area", &area.name)
            .to_string(),
        Note::AtNationalPrices { here, area, state } => {
            let words = &w.prices;
            let place = match (here.parity.measure, state) {
                (Measure::StateNonmetro, Some(state)) => {
                    words.portion_place.with("state", &state.name).to_string()
                }
                _ => area.name.clone(),
            };
            words
                .comparison_level
                .with("year", here.year)
                .with("place", place)
                .with("level", here.parity.level.one_decimal())
                .with(
                    "difference",
                    crate::web::words::price_difference(words, here.parity.level),
                )
                .to_string()
        }
        Note::NoPriceLevel(area) => w
            .prices
            .comparison_none
            .with("area", &area.name)
            .to_string(),
        Note::ImpreciseWages {
            occupation,
            area,
            rse,
        } => says
            .imprecise
            .with("occupation", &occupation.short)
            .with("area", &area.name)
            .with("rse", rse)
            .with("limit", IMPRECISE_WAGE_RSE)
            .to_string(),
    }
}

/// What the offer and its median buy at national prices, where the report sets them so.
pub(super) fn offer_at_national_prices(w: &Words, report: &Report<'_>) -> Option<String> {
    let (offer, median) = report.prices.as_ref()?.offer?;
    Some(
        w.prices
            .offer_at_national_prices
            .with("offer", offer.dollars_text())
            .with("median", median.dollars_text())
            .to_string(),
    )
}

/// "United States" or the BLS area's name, as a heading or a label says it.
pub(super) fn area_name<'a>(w: &'a Words, area: Option<&'a Area>) -> &'a str {
    area.map_or(w.salary.page.the_nation.as_str(), |area| area.name.as_str())
}

/// The page's heading and title: "Compare HIM pay", or "Compare HIM pay in Texas".
pub(super) fn page_title(w: &Words, area: Option<&str>) -> String {
    let page = &w.salary.page;
    match area {
        None => page.title.to_string(),
        Some(name) => page.title_in_area.with("area", name).to_string(),
    }
}

/// The embed's document title, and the title of the `<iframe>` other sites copy.
pub(super) fn embed_title(w: &Words, area: Option<&Area>) -> String {
    let embed = &w.salary.embed;
    match area {
        None => embed.title.to_string(),
        Some(area) => embed.title_in_area.with("area", &area.name).to_string(),
    }
}

/// The embed's heading.
pub(super) fn embed_heading(w: &Words, area: Option<&Area>) -> String {
    let embed = &w.salary.embed;
    match area {
        None => embed.heading.to_string(),
        Some(area) => embed.heading_in_area.with("area", &area.name).to_string(),
    }
}

/// Why an occupation has no pay in the chosen area, said plainly.
pub(super) fn not_published(w: &Words, missing: &NotPublished<'_>) -> String {
    let says = &w.salary.unpublished;
    let (message, code) = match missing.missing {
        Missing::NoSeries => (&says.no_series, None),
        Missing::NotReleased(Some(FootnoteCode::NOT_RELEASED)) => {
            (&says.not_released_footnote_8, None)
        }
        Missing::NotReleased(Some(code)) => (&says.not_released_footnote, Some(code)),
        Missing::NotReleased(None) => (&says.not_released, None),
    };
    let filled = message
        .with("occupation", capitalise(&missing.occupation.short))
        .with("area", &missing.area.name);
    match code {
        Some(code) => filled.with("code", code).to_string(),
        None => filled.to_string(),
    }
}

/// Why an offer was not placed: the occupation has no pay in the chosen area.
pub(super) fn offer_not_checked(w: &Words, missing: &NotPublished<'_>) -> String {
    let says = &w.salary.offer;
    let message = match missing.state {
        Some(_) => &says.not_checked_state,
        None => &says.not_checked,
    };
    let filled = message
        .with("area", &missing.area.name)
        .with("occupation", &missing.occupation.short);
    match missing.state {
        Some(state) => filled.with("state", &state.name).to_string(),
        None => filled.to_string(),
    }
}

/// "The same comparison in Texas", "... for the whole country": a link to the comparison elsewhere.
pub(super) fn elsewhere_link(w: &Words, area: Option<&Area>) -> String {
    let says = &w.salary.unpublished;
    match area {
        Some(area) => says.elsewhere_in.with("area", &area.name).to_string(),
        None => says.elsewhere_nation.to_string(),
    }
}

/// The offer check in words, with its numbers and data years: sentences joined by spaces.
pub(super) fn offer_summary(w: &Words, check: &OfferCheck<'_>) -> String {
    let says = &w.salary.offer;
    let offer = check.offer;
    let occupation = check.occupation;
    let annual = w.numbers.per(Period::Year, &offer.annual.dollars_text());
    let mut sentences = vec![if offer.period == Period::Year {
        says.yearly.with("amount", annual).to_string()
    } else {
        let periods = says.periods(offer.period).with(
            "count",
            group_thousands(offer.period.per_year().unsigned_abs()),
        );
        says.converted
            .with(
                "amount",
                w.numbers
                    .per(offer.period, &offer.period.amount_text(offer.amount)),
            )
            .with("annual", annual)
            .with("periods", periods)
            .to_string()
    }];
    match &check.estimate {
        Estimate::Placed {
            distribution,
            placement,
        } => {
            let place = match check.area {
                Some(area) => says.in_area.with("area", &area.name).to_string(),
                None => says.nationally.to_string(),
            };
            if let Some(placed) = placement_words(w, distribution, placement) {
                sentences.push(
                    placed
                        .with("occupation", &occupation.short)
                        .with("place", place)
                        .with("release", distribution.release)
                        .to_string(),
                );
            }
            sentences.push(says.estimate_caveat.to_string());
        }
        Estimate::TooOld { distribution } => sentences.push(
            says.too_old
                .with("occupation", &occupation.short)
                .with("release", distribution.release)
                .with("years", check.reviewed_year - distribution.year)
                .to_string(),
        ),
        Estimate::NoDistribution => sentences.push(
            says.no_distribution
                .with("occupation", &occupation.short)
                .to_string(),
        ),
    }
    let median = match check.area {
        Some(area) => says.their_median_in.with("area", &area.name).to_string(),
        None => says.their_newest_median.to_string(),
    };
    sentences.push(
        says.versus_median
            .with(
                "difference",
                crate::web::words::difference(
                    w,
                    check.versus_median,
                    Cents::dollars_text,
                    Some(&median),
                ),
            )
            .with("median", check.median.amount_text())
            .with("release", &check.median.release)
            .to_string(),
    );
    sentences.join(" ")
}

/// Where a placed offer falls, with the published amounts around it: the sentence, left to fill
/// with the occupation, the place and the release. `None` only for a placement inside the range
/// without a percentile, which `place` never gives.
fn placement_words<'w>(
    w: &'w Words,
    distribution: &Distribution<'_>,
    placement: &Placement,
) -> Option<crate::words::Filled<'w>> {
    let says = &w.salary.offer;
    let amount_of = |pct: u8| {
        distribution
            .points
            .iter()
            .find(|(p, _)| *p == pct)
            .map(|(_, a)| a.dollars_text())
            .unwrap_or_default()
    };
    let name = |pct: u8| {
        if pct == 50 {
            says.the_median.to_string()
        } else {
            says.the_percentile
                .with("ordinal", w.numbers.ordinal(pct.into()))
                .to_string()
        }
    };
    if let Some((low, high)) = placement.tie {
        let shared: Vec<String> = distribution
            .points
            .iter()
            .map(|(pct, _)| *pct)
            .filter(|pct| (low..=high).contains(pct))
            .map(name)
            .collect();
        let filled = match shared.as_slice() {
            [first, second] => says.tie_two.with("first", first).with("second", second),
            _ => says
                .tie_many
                .with("list", w.numbers.lists.and_list(&shared)),
        };
        return Some(filled.with("amount", amount_of(high)));
    }
    match (placement.position, placement.percentile) {
        (Position::BelowP10, _) => Some(says.below_p10.with("amount", amount_of(10))),
        (Position::AboveP90, _) => Some(says.above_p90.with("amount", amount_of(90))),
        (position, Some(percentile)) => {
            let (low, high) = match position {
                Position::P10P25 => (10, 25),
                Position::P25P50 => (25, 50),
                Position::P50P75 => (50, 75),
                _ => (75, 90),
            };
            Some(
                says.between
                    .with("percentile", w.numbers.ordinal(percentile.round() as u32))
                    .with("low", name(low))
                    .with("low_amount", amount_of(low))
                    .with("high", name(high))
                    .with("high_amount", amount_of(high)),
            )
        }
        (_, None) => None,
    }
}

/// A difference from the baseline, per `period`: `$14,090 (32.0%) above`.
pub(super) fn difference(w: &Words, difference: Difference, period: Period) -> String {
    crate::web::words::difference(w, difference, |amount| period.amount_text(amount), None)
}

/// "annual", "monthly", "hourly", "weekly".
pub(super) fn adjective(w: &Words, period: Period) -> &str {
    w.salary.period_adjectives.of(period).as_str()
}

/// How often an offer is paid, as the form lists it.
pub(super) fn period_label(w: &Words, period: Period) -> &str {
    w.salary.form.periods.of(period).as_str()
}

/// What a comparison shows, as the form lists it.
pub(super) fn compare_label(w: &Words, compare: Compare) -> &str {
    let form = &w.salary.form;
    match compare {
        Compare::Ladder => form.compare_ladder.as_str(),
        Compare::Settings => form.compare_settings.as_str(),
    }
}

/// How pay is shown, as the form lists it.
pub(super) fn display_label(w: &Words, display: Display) -> &str {
    period_label(w, display.period())
}

/// `{occupation} ({soc})`, the occupation's name capitalised: the lists' and the ladder's label.
pub(super) fn occupation_label(w: &Words, occupation: &crate::salary::data::Occupation) -> String {
    w.salary
        .form
        .occupation_choice
        .with("occupation", capitalise(&occupation.short))
        .with("soc", occupation.soc)
        .to_string()
}

/// `message` filled with `values` and capitalised: a sentence that may begin with a placeholder.
pub(super) fn capitalised(message: crate::words::Filled<'_>) -> String {
    capitalise(&message.to_string())
}

/// The pieces of `message` around its placeholders `names`, for a template that writes each
/// placeholder as markup (a link, a list of links): words, then which of `names` follows them.
pub(crate) fn around(message: &Message, names: &[&'static str]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut words = String::new();
    for part in message.parts(names) {
        match part {
            Part::Words(text) => words = text,
            Part::Slot(name) => pieces.push(Piece {
                words: std::mem::take(&mut words),
                slot: names.iter().position(|n| *n == name),
            }),
        }
    }
    pieces.push(Piece { words, slot: None });
    pieces
}

/// Words, then the placeholder that follows them: its place in the names given to [`around`].
pub(crate) struct Piece {
    pub words: String,
    pub slot: Option<usize>,
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::compare::compute;
    use crate::salary::fixture;
    use crate::salary::query::Query;
    use crate::words::Words;

    fn w() -> &'static Words {
        Words::english()
    }

    fn summary(raw: &str) -> String {
        let data = fixture();
        let report = compute(data, Query::parse(raw, data, None).unwrap());
        offer_summary(w(), &report.offer.unwrap())
    }

    #[test]
    fn places_an_hourly_offer_in_words() {
        let text = summary("occupation=technologist&offer=24.50&period=hour");
        assert!(
            text.starts_with(
                "An offer of $24.50 an hour comes to $50,960 a year (at 2,080 hours a year). "
            ),
            "{text}"
        );
        assert!(text.contains("Among health information technologists and medical registrars nationally (OEWS May 2021), that is about the 44th percentile: between the 25th percentile ($37,500) and the median ($55,560)."), "{text}");
        assert!(text.contains("This is an estimate"));
        assert!(
            text.ends_with("It is $7,290 (12.5%) below their newest median, $58,250 (OOH May 2022); that difference is our arithmetic."),
            "{text}"
        );
    }

    #[test]
    fn places_an_offer_at_percentiles_bls_published_as_one_amount() {
        // Wyoming's technologists, May 2025: BLS's 75th and 90th percentiles are both $106,240.
        let occupation = fixture().occupation("technologist").unwrap();
        let mut distribution = Distribution {
            occupation,
            release: "OEWS May 2025",
            year: 2025,
            source: "bls-oews-2025",
            points: [52_750, 69_660, 88_560, 106_240, 106_240]
                .map(Cents::from_dollars)
                .map(|amount| (0, amount)),
        };
        for (point, pct) in distribution.points.iter_mut().zip([10, 25, 50, 75, 90]) {
            point.0 = pct;
        }
        let words = |distribution: &Distribution<'_>, dollars| {
            let placement = crate::salary::percentile::place(
                &distribution.points,
                Cents::from_dollars(dollars),
            );
            placement_words(w(), distribution, &placement)
                .unwrap()
                .with("occupation", "them")
                .with("place", "here")
                .with("release", "May")
                .to_string()
        };
        assert_eq!(
            words(&distribution, 106_240),
            "Among them here (May), that is the amount BLS published for both the 75th percentile \
             and the 90th percentile ($106,240), so it sits between those percentiles."
        );
        distribution.points[1].1 = distribution.points[2].1;
        distribution.points[3].1 = distribution.points[2].1;
        assert_eq!(
            words(&distribution, 88_560),
            "Among them here (May), that is the amount BLS published for all of the 25th \
             percentile, the median and the 75th percentile ($88,560), so it sits between those \
             percentiles."
        );
        assert!(
            !words(&distribution, 88_561).contains("NaN"),
            "just above a tie is interpolated as usual"
        );
    }

    #[test]
    fn says_plainly_when_the_only_distribution_is_too_old() {
        let text = summary("occupation=specialist&offer=40000");
        assert!(
            text.starts_with(
                "An offer of $40,000 a year. We do not place this offer in a percentile"
            ),
            "{text}"
        );
        assert!(
            text.contains("from OEWS May 2011, 15 years before"),
            "{text}"
        );
        assert!(
            !text.contains("about the"),
            "no estimate may slip in: {text}"
        );
    }

    #[test]
    fn names_offers_outside_the_published_range() {
        assert!(
            summary("occupation=manager&offer=50000")
                .contains("below the 10th percentile ($58,820)")
        );
        assert!(
            summary("occupation=manager&offer=200000")
                .contains("above the 90th percentile ($189,000)")
        );
    }

    #[test]
    fn says_which_area_an_offer_is_placed_in_and_what_bls_did_not_publish() {
        let data = fixture();
        let areas = Some(crate::salary::fixture_areas());
        let report = |raw: &str| compute(data, Query::parse(raw, data, areas).unwrap());
        let placed = report("area=0012420&occupation=manager&offer=100000");
        let text = offer_summary(w(), placed.offer.as_ref().unwrap());
        assert!(
            text.contains("Among medical and health services managers in Austin-Round Rock-San Marcos, TX (OEWS May 2025), that is about the 30th percentile"),
            "{text}"
        );
        assert!(
            text.contains(
                "below their median in Austin-Round Rock-San Marcos, TX, $126,110 (OEWS May 2025)"
            ),
            "{text}"
        );
        let unchecked = report("area=0012420&occupation=specialist&offer=40000");
        let specialists = &unchecked.not_published[0];
        assert_eq!(
            not_published(w(), specialists),
            "Medical records specialists: BLS published no wage estimates for this occupation in \
             Austin-Round Rock-San Marcos, TX. We do not fill the gap with figures from elsewhere."
        );
        assert!(offer_not_checked(w(), specialists).ends_with(
            "Check it against the same comparison in Texas or for the whole country instead."
        ));
        let technologists = &unchecked.not_published[1];
        assert!(
            offer_not_checked(w(), technologists)
                .ends_with("the same comparison for the whole country instead.")
        );
    }

    #[test]
    fn writes_a_ladder_difference_per_the_display_period() {
        let up =
            Difference::between(Cents::from_dollars(58_250), Cents::from_dollars(44_160)).unwrap();
        assert_eq!(
            difference(Words::english(), up, Period::Year),
            "$14,090 (31.9%) above"
        );
        let down = Difference::between(Cents(49_750), Cents(50_000)).unwrap();
        assert_eq!(
            difference(Words::english(), down, Period::Hour),
            "$2.50 (0.5%) below"
        );
    }

    #[test]
    fn every_field_problem_has_a_message() {
        let data = fixture();
        let all = [
            Problem::Malformed,
            Problem::TooManyParameters { max: 32 },
            Problem::Repeated,
            Problem::UnknownChoice,
            Problem::NotAnAreaCode,
            Problem::NoPayInArea,
            Problem::Zero,
            Problem::Negative,
            Problem::NotANumber,
            Problem::TooLarge,
            Problem::AboveMaximum {
                max: Cents::from_dollars(10),
            },
            Problem::SamePlace,
            Problem::VersusNeedsLadder,
            Problem::NoSecondPlace,
        ];
        for field in Field::INPUTS {
            for problem in all {
                let message = field_message(w(), &FieldError { field, problem }, data);
                assert!(message.ends_with('.'), "{field:?} {problem:?}: {message}");
            }
        }
        let occupation = FieldError {
            field: Field::Occupation,
            problem: Problem::UnknownChoice,
        };
        assert_eq!(
            field_message(w(), &occupation, data),
            "Choose one of the listed occupations (specialist, technologist, manager)."
        );
    }

    #[test]
    fn an_unknown_second_place_is_an_unknown_area() {
        let vs = FieldError {
            field: Field::Vs,
            problem: Problem::UnknownChoice,
        };
        assert_eq!(
            field_message(w(), &vs, fixture()),
            w().salary.field_errors.unknown_area.to_string()
        );
    }
}
