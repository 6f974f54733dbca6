//! BEA's Regional Price Parities (all items) for the guide's BLS areas: the extract in
//! `content/prices/` (one row per OEWS area, with the BEA area whose price level stands for it, or
//! none), written by [`import`] from BEA's CSV tables and checked at start-up; and the one
//! conversion of pay to national prices. Pure: it returns figures, never sentences.

mod extract;
pub mod import;

pub use extract::{EXTRACT_DIR, Prices, Release, SourceFile, load};
pub use import::{ImportError, ImportOptions, import};

use money::Cents;
use oews::AreaCode;

/// A price level as BEA publishes it, the nation = 100, held in thousandths: `PriceLevel(110_720)`
/// is 110.720, prices 10.7% above the nation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PriceLevel(pub u32);

impl PriceLevel {
    pub const NATIONAL: PriceLevel = PriceLevel(100_000);

    /// Reads `110.720`: digits with exactly three decimals, as BEA writes them, above zero.
    pub fn parse(text: &str) -> Option<PriceLevel> {
        let units = oews::value::parse_fixed(text, 3)?;
        u32::try_from(units).ok().filter(|&u| u > 0).map(PriceLevel)
    }

    /// What `amount` paid here buys at national prices: `amount` × 100 / the level, to the nearest
    /// $100, halves away from zero. An RPP has a margin of its own, so cents or even single dollars
    /// would claim a precision the measure does not have.
    pub fn at_national_prices(self, amount: Cents) -> Cents {
        // amount × 100,000 / thousandths, in units of $100 (10,000 cents): amount × 10 / thousandths.
        let hundreds = Cents(amount.0 * 10).div_round(i64::from(self.0)).0;
        Cents(hundreds * 10_000)
    }

    /// How far prices here are from the nation's, in tenths of a percent, halves away from zero:
    /// 110.720 is `107` (10.7% above), 88.699 is `-113`.
    pub fn tenths_from_national(self) -> i64 {
        Cents(i64::from(self.0) - 100_000).div_round(100).0
    }

    /// `110.7`: the level with one decimal, as a reader reads it.
    pub fn one_decimal(self) -> String {
        let tenths = Cents(i64::from(self.0)).div_round(100).0;
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// `110.720`: as BEA writes it and [`PriceLevel::parse`] reads it.
impl std::fmt::Display for PriceLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:03}", self.0 / 1000, self.0 % 1000)
    }
}

/// Which BEA area stands for an OEWS area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The United States: 100 by definition.
    Nation,
    /// The state itself (`SARPP`).
    State,
    /// The metropolitan area with the same CBSA code (`MARPP`).
    Metro,
    /// The nonmetropolitan portion of the area's state (`PARPP`): BEA has no price level for BLS's
    /// nonmetropolitan areas, which are parts of that portion, so it is the nearest measure.
    StateNonmetro,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::Nation,
        Measure::State,
        Measure::Metro,
        Measure::StateNonmetro,
    ];

    /// The extract's name for it.
    pub const fn name(self) -> &'static str {
        match self {
            Measure::Nation => "nation",
            Measure::State => "state",
            Measure::Metro => "metro",
            Measure::StateNonmetro => "state-nonmetro",
        }
    }

    pub fn parse(name: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// The BEA area whose price level stands for an OEWS area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parity {
    pub measure: Measure,
    /// BEA's GeoFIPS: `00000`, a state's FIPS code and `000`, a CBSA code, or a state's FIPS code
    /// and `999` for its nonmetropolitan portion.
    pub bea_code: String,
    /// BEA's GeoName, without its `*` footnote marks.
    pub bea_name: String,
    pub level: PriceLevel,
}

/// One OEWS area and its price level, if BEA publishes one that stands for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaPrice {
    pub area: AreaCode,
    /// BLS's name for the area, so the extract reads without the OEWS extract beside it.
    pub name: String,
    /// `None` where no BEA area matches: Puerto Rico and the territories, or a code BEA's
    /// delineation does not share with BLS's.
    pub parity: Option<Parity>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_levels_read_and_write_three_decimals() {
        assert_eq!(PriceLevel::parse("110.720"), Some(PriceLevel(110_720)));
        assert_eq!(PriceLevel::parse("88.699"), Some(PriceLevel(88_699)));
        for bad in ["110.72", "110", "", "-1.000", "0.000", "1,10.720", "(NA)"] {
            assert_eq!(PriceLevel::parse(bad), None, "{bad}");
        }
        assert_eq!(PriceLevel(88_699).to_string(), "88.699");
        assert_eq!(PriceLevel(100_000).to_string(), "100.000");
        assert_eq!(PriceLevel(110_720).one_decimal(), "110.7");
        assert_eq!(PriceLevel(88_650).one_decimal(), "88.7");
        assert_eq!(PriceLevel(99_949).one_decimal(), "99.9");
        assert_eq!(PriceLevel(99_950).one_decimal(), "100.0");
    }

    #[test]
    fn pay_at_national_prices_divides_by_the_level_to_the_nearest_hundred_dollars() {
        let dollars = |d| Cents::from_dollars(d);
        // 79,510 / 1.10720 = 71,812.6
        assert_eq!(
            PriceLevel(110_720).at_national_prices(dollars(79_510)),
            dollars(71_800)
        );
        // 50,250 / 0.88699 = 56,652.3
        assert_eq!(
            PriceLevel(88_699).at_national_prices(dollars(50_250)),
            dollars(56_700)
        );
        assert_eq!(
            PriceLevel::NATIONAL.at_national_prices(dollars(79_510)),
            dollars(79_500)
        );
        // Halves away from zero: 150 / 1.000 is 1.5 hundreds.
        assert_eq!(
            PriceLevel::NATIONAL.at_national_prices(dollars(150)),
            dollars(200)
        );
        assert_eq!(
            PriceLevel(120_000).at_national_prices(Cents::from_dollars(1_000_000)),
            dollars(833_300)
        );
    }

    #[test]
    fn distance_from_the_nation_is_in_tenths_of_a_percent() {
        assert_eq!(PriceLevel(110_720).tenths_from_national(), 107);
        assert_eq!(PriceLevel(88_699).tenths_from_national(), -113);
        assert_eq!(PriceLevel(100_049).tenths_from_national(), 0);
        assert_eq!(PriceLevel(100_050).tenths_from_national(), 1);
    }

    #[test]
    fn measures_round_trip_their_names() {
        for measure in Measure::ALL {
            assert_eq!(Measure::parse(measure.name()), Some(measure));
        }
        assert_eq!(Measure::parse("county"), None);
    }
}
