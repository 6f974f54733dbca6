//! Every sentence the salary comparison says to readers, written from the facts the domain returns.
//! A translation would hook in here: nothing else in the comparison writes words for readers.

use crate::money::{Cents, Difference, Period, group_thousands};
use crate::oews::{Area, FootnoteCode, IMPRECISE_WAGE_RSE};
use crate::salary::capitalise;
use crate::salary::compare::{Estimate, NotPublished, Note, OfferCheck};
use crate::salary::current::Missing;
use crate::salary::data::Distribution;
use crate::salary::data::SalaryData;
use crate::salary::percentile::{Placement, Position, ordinal};
use crate::salary::query::{Compare, Display, Field, FieldError, Problem};

/// What the reader should do about a rejected field.
pub(super) fn field_message(error: &FieldError, data: &SalaryData) -> String {
    match (error.problem, error.field) {
        (Problem::Malformed, _) => "The address could not be read: it contains a malformed %-escape or text that is not UTF-8.".into(),
        (Problem::TooManyParameters { max }, _) => {
            format!("The address has more than {max} parameters; use the form to make a new one.")
        }
        (Problem::Repeated, field) => format!(
            "`{}` is given more than once with different values; keep one.",
            field.as_str()
        ),
        (Problem::UnknownChoice, Field::Compare) => {
            "Choose what to compare: the occupations (ladder) or work settings (settings).".into()
        }
        (Problem::UnknownChoice, Field::Occupation | Field::Baseline) => {
            let ids: Vec<&str> = data.occupations.iter().map(|o| o.id.as_str()).collect();
            format!("Choose one of the listed occupations ({}).", ids.join(", "))
        }
        (Problem::UnknownChoice, Field::Display) => "Show pay per year, month or hour.".into(),
        (Problem::UnknownChoice, Field::Area) => {
            "The pay data we hold has no BLS area with that code; choose the nation, a state or an area from the list.".into()
        }
        (Problem::NotAnAreaCode, _) => {
            "An area is BLS's seven-digit area code, like 4800000 (Texas) or 0012420 (Austin-Round Rock-San Marcos, TX); choose one from the list.".into()
        }
        (Problem::NoPayInArea, _) => {
            "BLS released no wages for any of these occupations in that area; choose its state or the nation.".into()
        }
        (Problem::UnknownChoice, _) => {
            "Choose how often the offer is paid: hour, week, two weeks, month or year.".into()
        }
        (Problem::Zero, _) => "Enter an offer above $0.".into(),
        (Problem::Negative, _) => "An offer cannot be negative.".into(),
        (Problem::TooLarge, _) => "That amount is far too large; check it.".into(),
        (Problem::NotANumber, _) => {
            "Enter the offer as a number of dollars, like 52,000 or 24.50.".into()
        }
        (Problem::AboveMaximum { max }, _) => format!(
            "That comes to more than {} a year; check the amount and how often it is paid.",
            max.dollars_text()
        ),
    }
}

/// A caveat beside the comparison.
pub(super) fn note(note: &Note<'_>) -> String {
    match note {
        Note::MixedReleases(releases) => format!(
            "The medians come from different releases ({}), because BLS updates each occupation's page on its own \
             schedule. Differences between them mix years.",
            releases.join(", ")
        ),
        Note::RangeOlderThanMedian => {
            "The 10th to 90th percentile range comes from each occupation's newest full distribution, which can be \
             older than its median; each is labelled with its release."
                .into()
        }
        Note::ComputedFromAnnual(period) => format!(
            "BLS publishes annual pay and, for some figures, hourly pay. {} amounts marked as computed are ours: \
             annual pay divided by {}.",
            capitalise(adjective(*period)),
            period.per_year()
        ),
        Note::NoIndustryPay(occupation) => format!(
            "Our data holds no BLS pay by industry for {}.",
            occupation.short
        ),
        Note::IndustryMeansNotMedians => {
            "BLS pay by industry is the mean (average), not the median: a few high earners pull a mean up, so \
             it is not directly comparable with the medians elsewhere on this page."
                .into()
        }
        Note::ArticleWorkplaceFigures => {
            "The workplace figures from an article are shown apart: the article gives no source, occupation, \
             statistic or year for them, and we could not find them in BLS tables."
                .into()
        }
        Note::IndustriesNationalOnly(area) => format!(
            "Pay by industry is for the whole country: BLS publishes it by industry only nationally, not for {}. \
             An offer is checked against the occupation's pay in {} where BLS published it.",
            area.name, area.name
        ),
        Note::NoBaselineInArea(occupation, area) => format!(
            "BLS released no wages for {} in {}, so no differences from them are shown.",
            occupation.short, area.name
        ),
        Note::ImpreciseWages {
            occupation,
            area,
            rse,
        } => format!(
            "Imprecise: BLS puts the relative standard error of the wages of {} in {} at {rse}%, above the \
             {IMPRECISE_WAGE_RSE}% at which this guide flags wages. Few employers there answered the survey for \
             this occupation, so read its figures, and an offer's place among them, as rough.",
            occupation.short, area.name
        ),
    }
}

/// The difference cell of an occupation when the baseline has no pay in the area.
pub(super) const NO_BASELINE: &str = "Not available: no baseline pay in this area";

/// The nation, as the area list offers it.
pub(super) const NATIONAL_CHOICE: &str = "United States (national)";

/// The label of a state's metro and nonmetro areas in the area list.
pub(super) fn areas_in(state: &str) -> String {
    format!("Metropolitan and nonmetropolitan areas in {state}")
}

/// "United States" or the BLS area's name, as a heading or a label says it.
pub(super) fn area_name(area: Option<&Area>) -> &str {
    area.map_or("United States", |area| area.name.as_str())
}

/// The page's heading and title: "Compare HIM pay", or "Compare HIM pay in Texas".
pub(super) fn page_title(area: Option<&str>) -> String {
    match area {
        None => "Compare HIM pay".into(),
        Some(name) => format!("Compare HIM pay in {name}"),
    }
}

/// The embed's document title, and the title of the `<iframe>` other sites copy.
pub(super) fn embed_title(area: Option<&Area>) -> String {
    match area {
        None => "HIM pay comparison".into(),
        Some(area) => format!("HIM pay comparison: {}", area.name),
    }
}

/// The embed's heading.
pub(super) fn embed_heading(area: Option<&Area>) -> String {
    match area {
        None => "Health information pay, compared".into(),
        Some(area) => format!("Health information pay in {}, compared", area.name),
    }
}

/// Why an occupation has no pay in the chosen area, said plainly.
pub(super) fn not_published(missing: &NotPublished<'_>) -> String {
    let who = capitalise(&missing.occupation.short);
    match missing.missing {
        Missing::NoSeries => format!(
            "{who}: BLS published no wage estimates for this occupation in {}. We do not fill the gap with \
             figures from elsewhere.",
            missing.area.name
        ),
        Missing::NotReleased(footnote) => format!(
            "{who}: BLS did not release wage estimates for this occupation in {}{}. We do not fill the gap \
             with figures from elsewhere.",
            missing.area.name,
            match footnote {
                Some(FootnoteCode::NOT_RELEASED) =>
                    " (BLS footnote 8: estimate not released)".to_string(),
                Some(code) => format!(" (BLS footnote {code})"),
                None => String::new(),
            }
        ),
    }
}

/// Why an offer was not placed: the occupation has no pay in the chosen area.
pub(super) fn offer_not_checked(missing: &NotPublished<'_>) -> String {
    let elsewhere = match missing.state {
        Some(state) => format!("in {} or for the whole country", state.name),
        None => "for the whole country".into(),
    };
    format!(
        "We do not check this offer in {}: BLS released no wages for {} there. Check it against the \
         same comparison {elsewhere} instead.",
        missing.area.name, missing.occupation.short
    )
}

/// "Compare in Texas", "Compare nationally": a link to the same comparison elsewhere.
pub(super) fn elsewhere_link(area: Option<&Area>) -> String {
    match area {
        Some(area) => format!("The same comparison in {}", area.name),
        None => "The same comparison for the whole country".into(),
    }
}

/// The offer check in words, with its numbers and data years.
pub(super) fn offer_summary(check: &OfferCheck<'_>) -> String {
    let offer = check.offer;
    let occupation = check.occupation;
    let mut text = if offer.period == Period::Year {
        format!("An offer of {} a year. ", offer.annual.dollars_text())
    } else {
        format!(
            "An offer of {} {} comes to {} a year (at {} {}s a year). ",
            offer.period.amount_text(offer.amount),
            offer.period.phrase(),
            offer.annual.dollars_text(),
            group_thousands(offer.period.per_year().unsigned_abs()),
            if offer.period == Period::Biweek {
                "pay period"
            } else {
                offer.period.as_str()
            },
        )
    };
    match &check.estimate {
        Estimate::Placed {
            distribution,
            placement,
        } => {
            let place = match check.area {
                Some(area) => format!("in {}", area.name),
                None => "nationally".into(),
            };
            text += &format!(
                "Among {} {place} ({}), ",
                occupation.short, distribution.release
            );
            text += &placement_words(distribution, placement);
            text += " This is an estimate: we draw a straight line between the published percentiles, and real pay \
                     also depends on place, setting and experience.";
        }
        Estimate::TooOld { distribution } => {
            text += &format!(
                "We do not place this offer in a percentile: the newest distribution we hold for {} is from {}, \
                 {} years before these figures were reviewed, which is too old to be fair to you.",
                occupation.short,
                distribution.release,
                check.reviewed_year - distribution.year
            );
        }
        Estimate::NoDistribution => {
            text += &format!(
                "We do not place this offer in a percentile: our data holds no percentile distribution for {}.",
                occupation.short
            );
        }
    }
    let median = match check.area {
        Some(area) => format!("their median in {}", area.name),
        None => "their newest median".into(),
    };
    text += &format!(
        " It is {}, {} ({}); that difference is our arithmetic.",
        crate::web::words::difference(check.versus_median, Cents::dollars_text, Some(&median)),
        check.median.amount_text(),
        check.median.release,
    );
    text
}

/// Where a placed offer falls, with the published amounts around it.
fn placement_words(distribution: &Distribution<'_>, placement: &Placement) -> String {
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
            "the median".to_string()
        } else {
            format!("the {} percentile", ordinal(pct.into()))
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
        let (last, rest) = shared
            .split_last()
            .expect("a tie names two percentiles or more");
        let which = match rest {
            [only] => format!("both {only} and {last}"),
            _ => format!("all of {} and {last}", rest.join(", ")),
        };
        return format!(
            "that is the amount BLS published for {which} ({}), so it sits between those percentiles.",
            amount_of(high)
        );
    }
    match (placement.position, placement.percentile) {
        (Position::BelowP10, _) => format!(
            "that is below the 10th percentile ({}): fewer than one in ten of them earned less.",
            amount_of(10)
        ),
        (Position::AboveP90, _) => format!(
            "that is above the 90th percentile ({}): more than nine in ten of them earned less.",
            amount_of(90)
        ),
        (position, Some(percentile)) => {
            let (low, high) = match position {
                Position::P10P25 => (10, 25),
                Position::P25P50 => (25, 50),
                Position::P50P75 => (50, 75),
                _ => (75, 90),
            };
            format!(
                "that is about the {} percentile: between {} ({}) and {} ({}).",
                ordinal(percentile.round() as u32),
                name(low),
                amount_of(low),
                name(high),
                amount_of(high)
            )
        }
        (_, None) => String::new(),
    }
}

/// A difference from the baseline, per `period`: `$14,090 (32.0%) above`.
pub(super) fn difference(difference: Difference, period: Period) -> String {
    crate::web::words::difference(difference, |amount| period.amount_text(amount), None)
}

/// "annual", "monthly", "hourly", "weekly".
pub(super) fn adjective(period: Period) -> &'static str {
    match period {
        Period::Year => "annual",
        Period::Month => "monthly",
        Period::Hour => "hourly",
        Period::Week => "weekly",
        Period::Biweek => "biweekly",
    }
}

/// How often an offer is paid, as the form lists it.
pub(super) fn period_label(period: Period) -> &'static str {
    match period {
        Period::Hour => "per hour",
        Period::Week => "per week",
        Period::Biweek => "every two weeks",
        Period::Month => "per month",
        Period::Year => "per year",
    }
}

/// What a comparison shows, as the form lists it.
pub(super) fn compare_label(compare: Compare) -> &'static str {
    match compare {
        Compare::Ladder => "The HIM occupations side by side",
        Compare::Settings => "Work settings for one occupation",
    }
}

/// How pay is shown, as the form lists it.
pub(super) fn display_label(display: Display) -> &'static str {
    period_label(display.period())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::compare::compute;
    use crate::salary::fixture;
    use crate::salary::query::Query;

    fn summary(raw: &str) -> String {
        let data = fixture();
        let report = compute(data, Query::parse(raw, data, None).unwrap());
        offer_summary(&report.offer.unwrap())
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
            placement_words(distribution, &placement)
        };
        assert_eq!(
            words(&distribution, 106_240),
            "that is the amount BLS published for both the 75th percentile and the 90th percentile \
             ($106,240), so it sits between those percentiles."
        );
        distribution.points[1].1 = distribution.points[2].1;
        distribution.points[3].1 = distribution.points[2].1;
        assert_eq!(
            words(&distribution, 88_560),
            "that is the amount BLS published for all of the 25th percentile, the median and the \
             75th percentile ($88,560), so it sits between those percentiles."
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
        let text = offer_summary(placed.offer.as_ref().unwrap());
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
            not_published(specialists),
            "Medical records specialists: BLS published no wage estimates for this occupation in \
             Austin-Round Rock-San Marcos, TX. We do not fill the gap with figures from elsewhere."
        );
        assert!(offer_not_checked(specialists).ends_with(
            "Check it against the same comparison in Texas or for the whole country instead."
        ));
        let technologists = &unchecked.not_published[1];
        assert!(
            offer_not_checked(technologists)
                .ends_with("the same comparison for the whole country instead.")
        );
    }

    #[test]
    fn writes_a_ladder_difference_per_the_display_period() {
        let up =
            Difference::between(Cents::from_dollars(58_250), Cents::from_dollars(44_160)).unwrap();
        assert_eq!(difference(up, Period::Year), "$14,090 (31.9%) above");
        let down = Difference::between(Cents(49_750), Cents(50_000)).unwrap();
        assert_eq!(difference(down, Period::Hour), "$2.50 (0.5%) below");
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
        ];
        for field in Field::INPUTS {
            for problem in all {
                let message = field_message(&FieldError { field, problem }, data);
                assert!(message.ends_with('.'), "{field:?} {problem:?}: {message}");
            }
        }
        let occupation = FieldError {
            field: Field::Occupation,
            problem: Problem::UnknownChoice,
        };
        assert_eq!(
            field_message(&occupation, data),
            "Choose one of the listed occupations (specialist, technologist, manager)."
        );
    }
}
