//! Numbers, amounts, pay periods, ordinals and dates in words: `words/<lang>/numbers.toml`.
//! Digits and the dollar sign are written by `money`; these say what an amount is per.

use serde::Deserialize;

use super::{Message, Text};
use crate::money::Period;
use crate::salary::data::Statistic;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWords {
    /// `{amount} a year`, ... : an amount paid per period.
    pub per_hour: Message,
    pub per_week: Message,
    pub per_biweek: Message,
    pub per_month: Message,
    pub per_year: Message,
    /// Ordinal numbers: `{n}st` for 1, 21, 31..., `{n}nd`, `{n}rd`, and `{n}th` for the rest
    /// (11th, 12th and 13th included). A language without such endings gives all four the same.
    pub ordinal_one: Message,
    pub ordinal_two: Message,
    pub ordinal_few: Message,
    pub ordinal_other: Message,
    /// `{day} {month} {year}`: a date as readers see it.
    pub date: Message,
    /// January to December.
    pub months: [Text; 12],
    pub statistics: StatisticWords,
    pub lists: ListWords,
}

/// BLS's statistics, as a sentence names them: "median", "10th percentile".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticWords {
    pub median: Text,
    pub mean: Text,
    pub p10: Text,
    pub p25: Text,
    pub p75: Text,
    pub p90: Text,
    pub unstated: Text,
}

impl StatisticWords {
    pub fn of(&self, statistic: Statistic) -> &Text {
        match statistic {
            Statistic::Median => &self.median,
            Statistic::Mean => &self.mean,
            Statistic::P10 => &self.p10,
            Statistic::P25 => &self.p25,
            Statistic::P75 => &self.p75,
            Statistic::P90 => &self.p90,
            Statistic::Unstated => &self.unstated,
        }
    }
}

impl NumberWords {
    /// `$52,000 a year`: `amount` (already written) paid every `period`.
    pub fn per(&self, period: Period, amount: &str) -> String {
        let message = match period {
            Period::Hour => &self.per_hour,
            Period::Week => &self.per_week,
            Period::Biweek => &self.per_biweek,
            Period::Month => &self.per_month,
            Period::Year => &self.per_year,
        };
        message.with("amount", amount).to_string()
    }

    /// `25th`.
    pub fn ordinal(&self, n: u32) -> String {
        let message = match (n % 10, n % 100) {
            (_, 11..=13) => &self.ordinal_other,
            (1, _) => &self.ordinal_one,
            (2, _) => &self.ordinal_two,
            (3, _) => &self.ordinal_few,
            _ => &self.ordinal_other,
        };
        message.with("n", n).to_string()
    }

    /// `22 November 2026`.
    pub fn date(&self, year: u16, month: u8, day: u8) -> String {
        let month = &self.months[usize::from(month.clamp(1, 12)) - 1];
        self.date
            .with("day", day)
            .with("month", month)
            .with("year", year)
            .to_string()
    }
}

/// Lists in a sentence: "a, b and c", and "a; b and c; and d" when an item has commas or "and"
/// of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListWords {
    pub separator: Text,
    pub and: Message,
    pub separator_nested: Text,
    pub and_nested: Message,
}

impl ListWords {
    /// `items` joined by the separator, the last by `and`: "a, b and c"; one item alone.
    pub fn and_list(&self, items: &[impl AsRef<str>]) -> String {
        join(items, &self.separator, &self.and)
    }

    /// The same for items that hold separators or "and" themselves: "a; b and c; and d".
    pub fn and_list_nested(&self, items: &[impl AsRef<str>]) -> String {
        join(items, &self.separator_nested, &self.and_nested)
    }
}

fn join(items: &[impl AsRef<str>], separator: &Text, and: &Message) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            and.with("items", rest.join(separator))
                .with("last", last.as_ref())
                .to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::money::Period;
    use crate::words::Words;

    #[test]
    fn says_amounts_per_period_ordinals_and_dates() {
        let numbers = &Words::english().numbers;
        assert_eq!(numbers.per(Period::Year, "$52,000"), "$52,000 a year");
        assert_eq!(
            numbers.per(Period::Biweek, "$2,000"),
            "$2,000 every two weeks"
        );
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .into_iter()
            .map(|n| numbers.ordinal(n))
            .collect();
        assert_eq!(
            ordinals,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
        assert_eq!(numbers.date(2026, 11, 22), "22 November 2026");
        let lists = &numbers.lists;
        assert_eq!(lists.and_list(&[] as &[&str]), "");
        assert_eq!(lists.and_list(&["a"]), "a");
        assert_eq!(lists.and_list(&["a", "b"]), "a and b");
        assert_eq!(lists.and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(
            lists.and_list_nested(&["a, x", "b", "c and d"]),
            "a, x; b; and c and d"
        );
    }
}
