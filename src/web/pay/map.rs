//! The states as a tile grid, one square each, shaded by an occupation's median: drawn as SVG on
//! the server, no map library, no tiles, no script. Each square links to the state's page.

use crate::money::Cents;
use crate::pay::Listing;
use crate::salary::area::AreaMedian;

/// Side of a square and the gap between squares, in SVG user units.
const TILE: u32 = 44;
const GAP: u32 = 4;
const COLUMNS: u32 = 12;
const ROWS: u32 = 8;
/// How many shades the medians are split into, from lowest to highest.
pub(super) const SHADES: usize = 5;

/// Each state's FIPS code, postal abbreviation, and place in the grid (column, row): a layout in the
/// manner of the tile-grid maps newsrooms use, with the territories in the bottom row.
const GRID: [(&str, &str, u32, u32); 54] = [
    ("02", "AK", 0, 0),
    ("23", "ME", 11, 0),
    ("50", "VT", 10, 1),
    ("33", "NH", 11, 1),
    ("53", "WA", 1, 2),
    ("16", "ID", 2, 2),
    ("30", "MT", 3, 2),
    ("38", "ND", 4, 2),
    ("27", "MN", 5, 2),
    ("55", "WI", 6, 2),
    ("26", "MI", 8, 2),
    ("36", "NY", 9, 2),
    ("25", "MA", 10, 2),
    ("44", "RI", 11, 2),
    ("41", "OR", 1, 3),
    ("32", "NV", 2, 3),
    ("56", "WY", 3, 3),
    ("46", "SD", 4, 3),
    ("19", "IA", 5, 3),
    ("17", "IL", 6, 3),
    ("18", "IN", 7, 3),
    ("39", "OH", 8, 3),
    ("42", "PA", 9, 3),
    ("34", "NJ", 10, 3),
    ("09", "CT", 11, 3),
    ("06", "CA", 1, 4),
    ("49", "UT", 2, 4),
    ("08", "CO", 3, 4),
    ("31", "NE", 4, 4),
    ("29", "MO", 5, 4),
    ("21", "KY", 6, 4),
    ("54", "WV", 7, 4),
    ("51", "VA", 8, 4),
    ("24", "MD", 9, 4),
    ("10", "DE", 10, 4),
    ("04", "AZ", 2, 5),
    ("35", "NM", 3, 5),
    ("20", "KS", 4, 5),
    ("05", "AR", 5, 5),
    ("47", "TN", 6, 5),
    ("37", "NC", 7, 5),
    ("45", "SC", 8, 5),
    ("11", "DC", 9, 5),
    ("40", "OK", 4, 6),
    ("22", "LA", 5, 6),
    ("28", "MS", 6, 6),
    ("01", "AL", 7, 6),
    ("13", "GA", 8, 6),
    ("15", "HI", 0, 7),
    ("66", "GU", 1, 7),
    ("48", "TX", 4, 7),
    ("12", "FL", 9, 7),
    ("72", "PR", 10, 7),
    ("78", "VI", 11, 7),
];

/// One square: where it is, what it links to and says, and its shade (`None`: no median).
pub(super) struct Tile {
    pub(super) x: u32,
    pub(super) y: u32,
    /// The centre of the square, for its label.
    pub(super) cx: u32,
    pub(super) cy: u32,
    pub(super) abbreviation: &'static str,
    pub(super) href: String,
    /// The state's name and median, for the link's accessible name and tooltip.
    pub(super) label: String,
    pub(super) shade: Option<usize>,
    /// The median is imprecise: the square is marked, and the legend says what the mark means.
    pub(super) imprecise: bool,
}

/// One shade and the medians it covers.
pub(super) struct LegendEntry {
    pub(super) shade: usize,
    pub(super) from: String,
    pub(super) to: String,
}

/// A map of one occupation's state medians.
pub(super) struct Map {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) tiles: Vec<Tile>,
    pub(super) legend: Vec<LegendEntry>,
    /// Whether a square is marked imprecise, so the legend explains the mark.
    pub(super) any_imprecise: bool,
}

/// Draws `medians` (each state with its median, if BLS released one). The shades split the
/// states with a median into [`SHADES`] groups of nearly equal size, lowest first; an imprecise
/// median is shaded like the others and marked.
pub(super) fn draw(
    medians: &[(&Listing, AreaMedian)],
    label: impl Fn(&Listing, &str, AreaMedian) -> String,
) -> Map {
    let mut sorted: Vec<Cents> = medians.iter().filter_map(|(_, m)| m.amount).collect();
    sorted.sort_unstable();
    // The upper bound of each shade: the median at each fifth of the sorted list.
    let bounds: Vec<Cents> = (1..=SHADES)
        .filter_map(|k| {
            sorted
                .get((k * sorted.len()).div_ceil(SHADES).saturating_sub(1))
                .copied()
        })
        .collect();
    let shade_of = |m: Cents| bounds.iter().position(|&b| m <= b);
    let step = TILE + GAP;
    let tiles: Vec<Tile> = medians
        .iter()
        .filter_map(|&(state, median)| {
            let &(_, abbreviation, col, row) = GRID
                .iter()
                .find(|(fips, ..)| *fips == state.state.as_str())?;
            Some(Tile {
                x: col * step,
                y: row * step,
                cx: col * step + TILE / 2,
                cy: row * step + TILE / 2,
                abbreviation,
                href: state.url(),
                label: label(state, abbreviation, median),
                shade: median.amount.and_then(shade_of),
                imprecise: median.imprecise,
            })
        })
        .collect();
    let mut legend = Vec::new();
    let mut from = sorted.first().copied();
    for (shade, &to) in bounds.iter().enumerate() {
        if let Some(start) = from {
            legend.push(LegendEntry {
                shade,
                from: start.dollars_text(),
                to: to.dollars_text(),
            });
        }
        from = sorted.iter().copied().find(|&m| m > to);
    }
    Map {
        width: COLUMNS * step - GAP,
        height: ROWS * step - GAP,
        any_imprecise: tiles.iter().any(|t| t.imprecise),
        tiles,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oews::{AreaCode, AreaType};

    fn state(fips: &str, name: &str) -> Listing {
        let code = AreaCode::parse(&format!("{fips}00000")).unwrap();
        Listing::new(code, AreaType::State, code.state_prefix(), name)
    }

    #[test]
    fn every_state_has_its_own_square() {
        let mut places: Vec<(u32, u32)> = GRID.iter().map(|&(_, _, c, r)| (c, r)).collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), GRID.len());
        assert!(GRID.iter().all(|&(_, _, c, r)| c < COLUMNS && r < ROWS));
    }

    #[test]
    fn shades_split_the_medians_lowest_first_and_no_median_is_unshaded() {
        let states: Vec<Listing> = (1..=11)
            .map(|i| {
                state(
                    &format!("{:02}", [1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13][i - 1]),
                    "S",
                )
            })
            .collect();
        let medians: Vec<(&Listing, AreaMedian)> = states
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s,
                    AreaMedian {
                        amount: (i < 10).then(|| Cents::from_dollars(40_000 + 1_000 * i as i64)),
                        imprecise: i == 3,
                    },
                )
            })
            .collect();
        let map = draw(&medians, |s, _, _| s.name.clone());
        assert_eq!(map.tiles.len(), 11);
        let shades: Vec<Option<usize>> = map.tiles.iter().map(|t| t.shade).collect();
        assert_eq!(
            shades,
            [
                Some(0),
                Some(0),
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                Some(3),
                Some(3),
                Some(4),
                Some(4),
                None
            ]
        );
        assert_eq!(map.legend.len(), SHADES);
        assert_eq!(map.legend[0].from, "$40,000");
        assert_eq!(map.legend[0].to, "$41,000");
        assert_eq!(map.legend[4].to, "$49,000");
        assert_eq!(map.tiles[0].href, "/pay/s");
        let marked: Vec<usize> = (0..map.tiles.len())
            .filter(|&i| map.tiles[i].imprecise)
            .collect();
        assert_eq!(marked, [3], "only the imprecise median is marked");
        assert!(map.any_imprecise);
    }
}
