//! Words for readers shared by every kind of page. A difference between two amounts is worded
//! here only: area pages, the comparison's ladder and its offer check all say it this way (the
//! words are the pay section's, `words/<lang>/pay.toml`, `gap_*`); so is how far a price level
//! lies from the nation's (`words/<lang>/prices.toml`).

use crate::money::{Cents, Difference, Side};
use crate::prices::PriceLevel;
use crate::words::{PriceWords, Words};

/// How far a value lies from the one it is set against, in `w`'s words: `$2,150 (4.2%) below`,
/// `$14,090 (32.0%) above the nation's`, `the same as their median`. `amount_text` writes the
/// amount (per year, per hour, ...); `against`, when given, names what it is set against and the
/// words continue a sentence; without it they stand alone, in a table cell (`The same`).
pub(crate) fn difference(
    w: &Words,
    difference: Difference,
    amount_text: impl Fn(Cents) -> String,
    against: Option<&str>,
) -> String {
    let words = &w.pay;
    let (alone, continued) = match difference.side() {
        Side::Above => (&words.gap_above, &words.gap_above_than),
        Side::Below => (&words.gap_below, &words.gap_below_than),
        Side::Same => {
            return match against {
                Some(against) => words.gap_same_as.with("against", against).to_string(),
                None => words.gap_same.to_string(),
            };
        }
    };
    let amount = amount_text(difference.size());
    let percent = difference.percent_text();
    match against {
        Some(against) => continued
            .with("amount", amount)
            .with("percent", percent)
            .with("against", against)
            .to_string(),
        None => alone
            .with("amount", amount)
            .with("percent", percent)
            .to_string(),
    }
}

/// How far a level is from the nation's, in words: "10.7% above the national average".
pub(crate) fn price_difference(words: &PriceWords, level: PriceLevel) -> String {
    let tenths = level.tenths_from_national();
    let percent = || {
        let size = tenths.unsigned_abs();
        format!("{}.{}", size / 10, size % 10)
    };
    match tenths.signum() {
        1 => words.above.with("percent", percent()).to_string(),
        -1 => words.below.with("percent", percent()).to_string(),
        _ => words.same.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Period;

    #[test]
    fn words_a_difference_by_its_side_with_the_amount_as_asked() {
        let w = Words::english();
        let year = |c: Cents| Period::Year.amount_text(c);
        let up =
            Difference::between(Cents::from_dollars(58_250), Cents::from_dollars(44_160)).unwrap();
        assert_eq!(difference(w, up, year, None), "$14,090 (31.9%) above");
        let down = Difference::between(Cents(47_250), Cents(49_750)).unwrap();
        assert_eq!(
            difference(
                w,
                down,
                |c| Period::Hour.amount_text(c),
                Some("the nation's")
            ),
            "$25.00 (5.0%) below the nation's"
        );
        let same = Difference::between(Cents(100), Cents(100)).unwrap();
        assert_eq!(difference(w, same, year, None), "The same");
        assert_eq!(
            difference(w, same, year, Some("their median")),
            "the same as their median"
        );
    }

    #[test]
    fn says_a_difference_in_the_words_it_is_given() {
        let up = Difference::between(Cents(200), Cents(100)).unwrap();
        assert_eq!(
            difference(Words::pseudo(), up, Cents::dollars_text, Some("x")),
            "⟦$1 (100.0%) above x⟧"
        );
    }
}
