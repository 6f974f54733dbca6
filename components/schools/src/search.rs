//! Finding schools: words in the name or city, a state or metro area, and the levels, fields and
//! kinds of school a reader ticks, with each school's programmes that match.

use oews::{AreaCode, StateCode};

use crate::{Control, Field, Level, Programme, School, Schools};

/// What a reader asks for. Empty lists keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Folded words ([`fold`]), each of which must appear in the school's name or city, or in the
    /// names of its state and metro area where those were added ([`Schools::add_place_names`]).
    pub words: Vec<String>,
    pub state: Option<StateCode>,
    pub area: Option<AreaCode>,
    pub levels: Vec<Level>,
    pub fields: Vec<Field>,
    pub controls: Vec<Control>,
}

impl Filter {
    /// The words of what a reader typed, folded as the schools' names are.
    pub fn words_of(text: &str) -> Vec<String> {
        fold(text).split_whitespace().map(str::to_string).collect()
    }

    /// The kinds of programme ([`kind`]) kept, as bits.
    fn kinds(&self) -> u32 {
        let mut kinds = 0;
        for level in Level::ALL {
            for field in Field::ALL {
                if (self.levels.is_empty() || self.levels.contains(&level))
                    && (self.fields.is_empty() || self.fields.contains(&field))
                {
                    kinds |= 1 << kind(level, field);
                }
            }
        }
        kinds
    }

    fn keeps_place_and_control(&self, key: &Key) -> bool {
        self.state.is_none_or(|state| key.fips == state)
            && self.area.is_none_or(|area| key.area == Some(area))
            && (self.controls.is_empty() || self.controls.contains(&key.control))
    }

    /// Whether the school's words (by its place in `haystacks`) hold every word asked for: a
    /// school's words are read only if some were asked for, which the bare search spares.
    fn keeps_words(&self, haystacks: &[String], at: usize) -> bool {
        self.words.is_empty()
            || self
                .words
                .iter()
                .all(|word| haystacks[at].contains(word.as_str()))
    }
}

/// A programme's level and field as one number under 32: its level's place times four, plus its
/// field's. Levels come shortest first, so the smallest kind has the shortest award.
fn kind(level: Level, field: Field) -> u8 {
    level as u8 * 4 + field as u8
}

/// The level of a [`kind`].
fn level_of(kind: u8) -> Level {
    Level::ALL[usize::from(kind / 4)]
}

/// What a search reads of a school besides its words.
#[derive(Debug, Clone)]
struct Key {
    fips: StateCode,
    area: Option<AreaCode>,
    control: Control,
    /// The kinds of its programmes, as bits.
    offered: u32,
    /// Where its programmes' kinds start in [`Index::kinds`].
    first: usize,
    count: usize,
}

/// What a search reads of every school besides its words, packed into two arrays of about 40 kB in
/// all, so that a search over every school reads them in order instead of visiting each school and
/// its list of programmes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    keys: Vec<Key>,
    /// Each school's programmes' kinds, in its programmes' order, one school after another.
    kinds: Vec<u8>,
}

impl Index {
    /// The index of `schools`, whose programmes are in their final order.
    pub(crate) fn of(schools: &[School]) -> Index {
        let mut index = Index::default();
        for school in schools {
            index.keys.push(Key {
                fips: school.fips,
                area: school.area,
                control: school.control,
                offered: school
                    .programmes
                    .iter()
                    .fold(0, |bits, p| bits | 1 << kind(p.level, p.field)),
                first: index.kinds.len(),
                count: school.programmes.len(),
            });
            index
                .kinds
                .extend(school.programmes.iter().map(|p| kind(p.level, p.field)));
        }
        index
    }
}

/// How the results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// The shortest matching award first, then by name: a reader sees where they could start.
    #[default]
    Level,
    /// By name alone.
    Name,
}

/// A school that matches, with the programmes that do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub school: &'a School,
    /// Bit `i` set: the school's programme `i` matches. A school has one programme per field and
    /// award level code at most (the extract refuses a second), 4 × 12 = 48 in all, so 64 bits
    /// hold them, and a search allocates nothing per school (8 at most in 2023-24).
    matched: u64,
    /// The shortest award among the matching programmes.
    lowest: Level,
}

impl<'a> Hit<'a> {
    /// The matching programmes, in the school's order, with their places among its programmes.
    pub fn programmes(&self) -> impl Iterator<Item = (usize, &'a Programme)> + use<'a> {
        let matched = self.matched;
        self.school
            .programmes
            .iter()
            .enumerate()
            .filter(move |(i, _)| matched & (1 << i) != 0)
    }

    /// The shortest award among the matching programmes.
    pub fn lowest_level(&self) -> Level {
        self.lowest
    }
}

impl Schools {
    /// The schools that match `filter`, each with at least one matching programme, in `order`.
    pub fn search(&self, filter: &Filter, order: Order) -> Vec<Hit<'_>> {
        let wanted = filter.kinds();
        // Sized for every school, as the bare search finds, so that it never grows.
        let mut hits = Vec::with_capacity(self.schools.len());
        for (at, key) in self.index.keys.iter().enumerate() {
            let kept = key.offered & wanted;
            if kept == 0
                || !filter.keeps_place_and_control(key)
                || !filter.keeps_words(&self.haystacks, at)
            {
                continue;
            }
            // Only a school some of whose programmes are left out needs them one by one: that loop,
            // run for every school, took a fifth of the bare search's time.
            let matched = if kept == key.offered {
                u64::MAX >> (64 - key.count)
            } else {
                self.index.kinds[key.first..key.first + key.count]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &kind)| wanted & (1 << kind) != 0)
                    .fold(0, |bits, (i, _)| bits | 1 << i)
            };
            hits.push(Hit {
                school: &self.schools[at],
                matched,
                // Kinds rise with levels: the lowest bit kept is the shortest award kept.
                lowest: level_of(kept.trailing_zeros() as u8),
            });
        }
        // The schools are by name already, and the sort is stable.
        if order == Order::Level {
            hits.sort_by_key(Hit::lowest_level);
        }
        hits
    }
}

/// Lowercase letters and digits, everything else a space: "St. Louis" and "st louis" match.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cbsa, CbsaType, UnitId};

    fn school(
        unitid: u32,
        name: &str,
        city: &str,
        fips: &str,
        programmes: &[(Field, u8)],
    ) -> School {
        School {
            unitid: UnitId(unitid),
            name: name.into(),
            city: city.into(),
            state: "TX".into(),
            fips: StateCode::parse(fips).unwrap(),
            zip: "78701".into(),
            county: "Travis County".into(),
            cbsa: Some(Cbsa {
                code: "12420".into(),
                kind: CbsaType::Metropolitan,
            }),
            area: (fips == "48").then(|| AreaCode::parse("0012420").unwrap()),
            control: if unitid.is_multiple_of(2) {
                Control::Public
            } else {
                Control::ForProfit
            },
            website: None,
            net_price_url: None,
            tuition_in_state: None,
            tuition_out_of_state: None,
            graduation_percent: None,
            earnings_10_years: None,
            programmes: programmes
                .iter()
                .map(|&(field, awlevel)| Programme {
                    field,
                    level: Level::from_awlevel(awlevel).unwrap(),
                    awlevel,
                    completers: 1,
                })
                .collect(),
        }
    }

    fn schools() -> Schools {
        Schools::new(
            crate::extract::tests::release(),
            vec![
                school(
                    100_002,
                    "Zephyr College",
                    "Austin",
                    "48",
                    &[(Field::Technology, 3)],
                ),
                school(
                    100_003,
                    "Alamo Institute",
                    "St. Louis",
                    "29",
                    &[(Field::Coding, 21)],
                ),
                school(
                    100_004,
                    "Austin State University",
                    "Round Rock",
                    "48",
                    &[(Field::Administration, 5), (Field::Coding, 2)],
                ),
            ],
        )
    }

    fn names<'a>(hits: &[Hit<'a>]) -> Vec<&'a str> {
        hits.iter().map(|h| h.school.name.as_str()).collect()
    }

    #[test]
    fn a_school_has_fewer_possible_programmes_than_a_hit_has_bits() {
        let award_levels = (0..=u8::MAX).filter(|&code| Level::from_awlevel(code).is_some());
        assert!(award_levels.count() * Field::ALL.len() <= 64);
    }

    #[test]
    fn kinds_fit_the_filters_bits_and_keep_the_order_of_levels() {
        let every = || {
            Level::ALL
                .into_iter()
                .flat_map(|l| Field::ALL.map(|f| (l, f, kind(l, f))))
        };
        for (level, field, kind) in every() {
            assert!(kind < 32, "{level:?} {field:?} is kind {kind}");
            assert_eq!(level_of(kind), level);
            for (other_level, other_field, other) in every() {
                assert_eq!(kind == other, (level, field) == (other_level, other_field));
                if level < other_level {
                    assert!(kind < other, "a shorter award has a smaller kind");
                }
            }
        }
    }

    #[test]
    fn everything_is_found_shortest_award_first() {
        let schools = schools();
        let hits = schools.search(&Filter::default(), Order::Level);
        assert_eq!(
            names(&hits),
            [
                "Alamo Institute",
                "Austin State University",
                "Zephyr College"
            ]
        );
        let by_name = schools.search(&Filter::default(), Order::Name);
        assert_eq!(
            names(&by_name),
            [
                "Alamo Institute",
                "Austin State University",
                "Zephyr College"
            ]
        );
        let associate_first = schools.search(
            &Filter {
                fields: vec![Field::Technology, Field::Administration],
                ..Filter::default()
            },
            Order::Level,
        );
        assert_eq!(
            names(&associate_first),
            ["Zephyr College", "Austin State University"]
        );
    }

    #[test]
    fn words_match_name_or_city_whatever_the_case_and_punctuation() {
        let schools = schools();
        let find = |q: &str| {
            let filter = Filter {
                words: Filter::words_of(q),
                ..Filter::default()
            };
            names(&schools.search(&filter, Order::Name))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            find("AUSTIN"),
            ["Austin State University", "Zephyr College"]
        );
        assert_eq!(find("st louis"), ["Alamo Institute"]);
        assert_eq!(find("st. louis"), ["Alamo Institute"]);
        assert_eq!(find("austin round"), ["Austin State University"]);
        assert!(find("nowhere").is_empty());
        assert_eq!(find("  ").len(), 3);
    }

    #[test]
    fn place_names_added_are_found_too() {
        let mut schools = schools();
        schools.add_place_names(|s| match s.area {
            Some(_) => vec!["Texas", "Austin-Round Rock-San Marcos, TX"],
            None => vec!["Missouri"],
        });
        let find = |q: &str| {
            let filter = Filter {
                words: Filter::words_of(q),
                ..Filter::default()
            };
            names(&schools.search(&filter, Order::Name)).len()
        };
        assert_eq!(find("san marcos"), 2);
        assert_eq!(find("missouri"), 1);
        assert_eq!(find("texas zephyr"), 1);
    }

    #[test]
    fn filters_keep_only_matching_programmes() {
        let schools = schools();
        let filter = Filter {
            state: StateCode::parse("48"),
            levels: vec![Level::Certificate],
            ..Filter::default()
        };
        let hits = schools.search(&filter, Order::Level);
        assert_eq!(names(&hits), ["Austin State University"]);
        let matched: Vec<_> = hits[0].programmes().collect();
        assert_eq!(matched.len(), 1);
        assert_eq!(
            matched[0].0, 0,
            "its programmes are by level: the certificate first"
        );
        assert_eq!(matched[0].1.field, Field::Coding);
        assert_eq!(hits[0].lowest_level(), Level::Certificate);
        let bachelor = Filter {
            levels: vec![Level::Bachelor],
            ..Filter::default()
        };
        let hits = schools.search(&bachelor, Order::Level);
        assert_eq!(names(&hits), ["Austin State University"]);
        assert_eq!(
            hits[0].lowest_level(),
            Level::Bachelor,
            "the shortest award among those that match, not among all it offers"
        );
        assert_eq!(
            hits[0].programmes().map(|(at, _)| at).collect::<Vec<_>>(),
            [1]
        );

        let public = Filter {
            controls: vec![Control::Public],
            area: AreaCode::parse("0012420"),
            ..Filter::default()
        };
        assert_eq!(
            names(&schools.search(&public, Order::Name)),
            ["Austin State University", "Zephyr College"]
        );
        let for_profit_in_austin = Filter {
            controls: vec![Control::ForProfit],
            area: AreaCode::parse("0012420"),
            ..Filter::default()
        };
        assert!(
            schools
                .search(&for_profit_in_austin, Order::Name)
                .is_empty()
        );
    }
}
