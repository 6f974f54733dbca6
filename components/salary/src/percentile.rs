//! Places an annual amount in a published percentile distribution by linear interpolation.

use money::Cents;

/// Where an amount falls among the published 10th, 25th, 50th, 75th and 90th percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    BelowP10,
    P10P25,
    P25P50,
    P50P75,
    P75P90,
    AboveP90,
}

impl Position {
    /// The name used in the JSON and CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Position::BelowP10 => "below_p10",
            Position::P10P25 => "p10_p25",
            Position::P25P50 => "p25_p50",
            Position::P50P75 => "p50_p75",
            Position::P75P90 => "p75_p90",
            Position::AboveP90 => "above_p90",
        }
    }

    const BRACKETS: [Position; 4] = [
        Position::P10P25,
        Position::P25P50,
        Position::P50P75,
        Position::P75P90,
    ];
}

/// An amount's place in a distribution: always a position, and a percentile when it is inside the
/// published 10th-90th range (outside it, the data says nothing about how far out it is).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub position: Position,
    pub percentile: Option<f64>,
    /// When the amount is the one BLS published for two or more neighbouring percentiles (its 75th
    /// and 90th can both be $106,240): the lowest and the highest of them. `percentile` is then the
    /// highest, as it is for an amount at one published percentile.
    pub tie: Option<(u8, u8)>,
}

/// Places `annual` among `points` (percentile, amount), whose percentiles rise and whose amounts
/// never fall; neighbouring amounts may be equal, as BLS publishes some distributions.
pub fn place(points: &[(u8, Cents); 5], annual: Cents) -> Placement {
    let outside = |position| Placement {
        position,
        percentile: None,
        tie: None,
    };
    if annual < points[0].1 {
        return outside(Position::BelowP10);
    }
    if annual > points[4].1 {
        return outside(Position::AboveP90);
    }
    // An amount at a published percentile starts the bracket above it (the 90th closes the last
    // one); at several equal ones, the bracket above the highest of them.
    let at = |(_, amount): &(u8, Cents)| *amount == annual;
    if let (Some(low), Some(high)) = (points.iter().position(at), points.iter().rposition(at)) {
        return Placement {
            position: Position::BRACKETS[high.min(3)],
            percentile: Some(f64::from(points[high].0)),
            tie: (low < high).then_some((points[low].0, points[high].0)),
        };
    }
    // Strictly inside a bracket, so the bracket's ends differ and the division is defined.
    let bracket = (0..4)
        .find(|&i| annual < points[i + 1].1)
        .expect("an amount inside the range and at no published percentile lies below the 90th");
    let (low_pct, low) = points[bracket];
    let (high_pct, high) = points[bracket + 1];
    let fraction = (annual.0 - low.0) as f64 / (high.0 - low.0) as f64;
    Placement {
        position: Position::BRACKETS[bracket],
        percentile: Some(f64::from(low_pct) + fraction * f64::from(high_pct - low_pct)),
        tie: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The OEWS May 2021 distribution for health information technologists and medical registrars.
    fn technologists() -> [(u8, Cents); 5] {
        [
            (10, Cents::from_dollars(29_680)),
            (25, Cents::from_dollars(37_500)),
            (50, Cents::from_dollars(55_560)),
            (75, Cents::from_dollars(76_960)),
            (90, Cents::from_dollars(98_490)),
        ]
    }

    #[test]
    fn interpolates_between_neighbouring_percentiles() {
        // Halfway between the 25th ($37,500) and the median ($55,560) is the 37.5th percentile.
        let placement = place(&technologists(), Cents::from_dollars(46_530));
        assert_eq!(placement.position, Position::P25P50);
        assert!((placement.percentile.unwrap() - 37.5).abs() < 1e-9);
    }

    #[test]
    fn says_below_and_above_the_published_range_without_a_number() {
        let below = place(&technologists(), Cents::from_dollars(29_679));
        assert_eq!(
            below,
            Placement {
                position: Position::BelowP10,
                percentile: None,
                tie: None,
            }
        );
        let above = place(&technologists(), Cents::from_dollars(98_491));
        assert_eq!(
            above,
            Placement {
                position: Position::AboveP90,
                percentile: None,
                tie: None,
            }
        );
    }

    #[test]
    fn the_ends_of_the_range_are_inside_it() {
        assert_eq!(
            place(&technologists(), Cents::from_dollars(29_680)).position,
            Position::P10P25
        );
        assert_eq!(
            place(&technologists(), Cents::from_dollars(98_490)).position,
            Position::P75P90
        );
        assert_eq!(
            place(&technologists(), Cents::from_dollars(55_560)).position,
            Position::P50P75
        );
    }

    /// BLS's May 2025 distribution for health information technologists in Wyoming, whose 75th and
    /// 90th percentiles are the same amount.
    fn equal_top() -> [(u8, Cents); 5] {
        [
            (10, Cents::from_dollars(52_750)),
            (25, Cents::from_dollars(69_660)),
            (50, Cents::from_dollars(88_560)),
            (75, Cents::from_dollars(106_240)),
            (90, Cents::from_dollars(106_240)),
        ]
    }

    #[test]
    fn an_amount_shared_by_the_75th_and_90th_is_between_them() {
        let placement = place(&equal_top(), Cents::from_dollars(106_240));
        assert_eq!(
            placement,
            Placement {
                position: Position::P75P90,
                percentile: Some(90.0),
                tie: Some((75, 90)),
            }
        );
        let just_below = place(&equal_top(), Cents::from_dollars(106_239));
        assert_eq!(just_below.position, Position::P50P75);
        assert!(just_below.percentile.unwrap() < 75.0);
        assert_eq!(
            place(&equal_top(), Cents::from_dollars(106_241)).position,
            Position::AboveP90
        );
    }

    #[test]
    fn an_amount_shared_by_lower_percentiles_starts_the_bracket_above_them() {
        let mut points = technologists();
        points[1].1 = points[0].1;
        points[2].1 = points[0].1;
        let placement = place(&points, points[0].1);
        assert_eq!(placement.position, Position::P50P75);
        assert_eq!(placement.percentile, Some(50.0));
        assert_eq!(placement.tie, Some((10, 50)));
        assert_eq!(
            place(&technologists(), Cents::from_dollars(55_560)).tie,
            None
        );
    }

    /// Five amounts of at least a cent that never fall; about one step in four is zero, as BLS
    /// publishes some distributions with equal neighbouring percentiles.
    fn distribution() -> impl Strategy<Value = [(u8, Cents); 5]> {
        let step = prop_oneof![1 => Just(0i64), 3 => 1i64..10_000_000];
        (1i64..10_000_000, proptest::collection::vec(step, 4)).prop_map(|(start, steps)| {
            let mut amount = start;
            let mut points = [
                (10, Cents(0)),
                (25, Cents(0)),
                (50, Cents(0)),
                (75, Cents(0)),
                (90, Cents(0)),
            ];
            for (i, point) in points.iter_mut().enumerate() {
                if i > 0 {
                    amount += steps[i - 1];
                }
                point.1 = Cents(amount);
            }
            points
        })
    }

    proptest! {
        #[test]
        fn equals_the_highest_published_percentile_at_its_amount(points in distribution()) {
            for (pct, amount) in points {
                let highest = points.iter().rev().find(|(_, a)| *a == amount).unwrap().0;
                let placement = place(&points, amount);
                let got = placement.percentile.unwrap();
                prop_assert!(got.is_finite());
                prop_assert!((got - f64::from(highest)).abs() < 1e-9, "{got} at the {pct}th");
                prop_assert_eq!(placement.tie.is_some(), points.iter().filter(|(_, a)| *a == amount).count() > 1);
            }
        }

        #[test]
        fn is_monotonic_in_the_offer(points in distribution(), a in 0i64..100_000_000, b in 0i64..100_000_000) {
            let (low, high) = (Cents(a.min(b)), Cents(a.max(b)));
            let (p_low, p_high) = (place(&points, low), place(&points, high));
            prop_assert!(p_low.position <= p_high.position);
            if let (Some(x), Some(y)) = (p_low.percentile, p_high.percentile) {
                prop_assert!(x <= y + 1e-9, "{x} > {y}");
            }
        }

        #[test]
        fn stays_within_ten_and_ninety(points in distribution(), offer in any::<i64>()) {
            let placement = place(&points, Cents(offer));
            match placement.percentile {
                Some(pct) => prop_assert!((10.0..=90.0).contains(&pct), "{pct}"),
                None => prop_assert!(matches!(placement.position, Position::BelowP10 | Position::AboveP90)),
            }
        }
    }
}
