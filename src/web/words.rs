//! Words for readers shared by every kind of page. A difference between two amounts is worded
//! here only: area pages, the comparison's ladder and its offer check all say it this way.

use crate::money::{Cents, Difference, Side};

/// How far a value lies from the one it is set against: `$2,150 (4.2%) below`, `$14,090 (32.0%)
/// above the nation's`, `the same as their median`. `amount_text` writes the amount (per year,
/// per hour, ...); `against`, when given, names what it is set against and the words continue a
/// sentence; without it they stand alone, in a table cell (`The same`).
pub(crate) fn difference(
    difference: Difference,
    amount_text: impl Fn(Cents) -> String,
    against: Option<&str>,
) -> String {
    let side = match difference.side() {
        Side::Above => "above",
        Side::Below => "below",
        Side::Same => {
            return match against {
                Some(against) => format!("the same as {against}"),
                None => "The same".into(),
            };
        }
    };
    let mut text = format!(
        "{} ({}) {side}",
        amount_text(difference.size()),
        difference.percent_text()
    );
    if let Some(against) = against {
        text.push(' ');
        text.push_str(against);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Period;

    #[test]
    fn words_a_difference_by_its_side_with_the_amount_as_asked() {
        let year = |c: Cents| Period::Year.amount_text(c);
        let up =
            Difference::between(Cents::from_dollars(58_250), Cents::from_dollars(44_160)).unwrap();
        assert_eq!(difference(up, year, None), "$14,090 (31.9%) above");
        let down = Difference::between(Cents(47_250), Cents(49_750)).unwrap();
        assert_eq!(
            difference(down, |c| Period::Hour.amount_text(c), Some("the nation's")),
            "$25.00 (5.0%) below the nation's"
        );
        let same = Difference::between(Cents(100), Cents(100)).unwrap();
        assert_eq!(difference(same, year, None), "The same");
        assert_eq!(
            difference(same, year, Some("their median")),
            "the same as their median"
        );
    }
}
