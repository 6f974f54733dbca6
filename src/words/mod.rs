//! Every word the site says to readers outside the Markdown content, per language: one folder of
//! TOML files per language (`words/en/`), read into typed structs so that a template or a view
//! naming a word that does not exist fails to compile, and a file missing one fails to load.
//! Knows nothing of HTTP or templates: the site model and the web layer both read it.
//!
//! A [`Message`] holds `{name}` placeholders, filled with [`Message::with`]; a [`Text`] holds none.
//! [`Words::pseudo`] wraps every word in `⟦…⟧`, which the tests use to find English written
//! anywhere but here.

mod guide;
mod message;
mod numbers;
mod pay;
mod prices;
mod programs;
mod salary;
mod site;
mod tables;

use std::sync::LazyLock;

use serde::de::DeserializeOwned;

pub use guide::GuideWords;
pub use message::{Filled, MARKUP, Message, Part, Text};
pub use numbers::{NumberWords, StatisticWords};
pub use pay::PayWords;
pub use prices::PriceWords;
pub use programs::ProgramWords;
pub use salary::SalaryWords;
pub use site::{ErrorWords, ErrorsWords, SiteWords};
pub use tables::TableWords;

/// A language the site is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
}

impl Lang {
    /// Every language the site has words for.
    pub const ALL: [Lang; 1] = [Lang::English];

    /// The BCP 47 tag, for `<html lang>` and the folders `words/en/` and `content/en/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en",
        }
    }

    /// The language whose folders are named `tag`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.tag() == tag)
    }
}

/// The words of one language, by the part of the site that says them: each part is one file of
/// the language's folder, `words/en/site.toml` for [`Words::site`].
#[derive(Debug, Clone)]
pub struct Words {
    pub lang: Lang,
    /// The layout every page shares, navigation, error pages.
    pub site: SiteWords,
    /// Numbers, amounts, pay periods, ordinals and dates in words.
    pub numbers: NumberWords,
    /// The tables the guide's pages place with `{{table:NAME}}`.
    pub tables: TableWords,
    /// The guide's pages: chapters, the guide's index, the sources page, fact sheets.
    pub guide: GuideWords,
    /// The salary comparison: its page, embed, and the messages of its JSON and CSV.
    pub salary: SalaryWords,
    /// Pay where you live (`/pay` and each area's page), and a difference between two amounts.
    pub pay: PayWords,
    /// What pay buys: BEA's price levels beside pay.
    pub prices: PriceWords,
    /// Where to study: the schools' search, state pages and school pages.
    pub programs: ProgramWords,
}

/// Each file of a language's folder, built into the program: the words are part of it, as the
/// templates are.
struct Files {
    site: &'static str,
    numbers: &'static str,
    tables: &'static str,
    guide: &'static str,
    salary: &'static str,
    pay: &'static str,
    prices: &'static str,
    programs: &'static str,
}

impl Files {
    fn of(lang: Lang) -> Files {
        match lang {
            Lang::English => Files {
                site: include_str!("../../words/en/site.toml"),
                numbers: include_str!("../../words/en/numbers.toml"),
                tables: include_str!("../../words/en/tables.toml"),
                guide: include_str!("../../words/en/guide.toml"),
                salary: include_str!("../../words/en/salary.toml"),
                pay: include_str!("../../words/en/pay.toml"),
                prices: include_str!("../../words/en/prices.toml"),
                programs: include_str!("../../words/en/programs.toml"),
            },
        }
    }
}

/// Why a language's words cannot be read: the file, and what is wrong in the TOML parser's words
/// (the line and the key).
#[derive(Debug, thiserror::Error)]
#[error("words/{lang}/{file}.toml: {message}")]
pub struct WordsError {
    pub lang: &'static str,
    pub file: &'static str,
    pub message: String,
}

/// How the words are read: as written, or each passed through a change that keeps placeholders.
#[derive(Clone, Copy)]
enum Reading {
    AsWritten,
    Pseudo,
}

impl Words {
    /// The words of `lang`, read from its folder and checked.
    pub fn load(lang: Lang) -> Result<Words, WordsError> {
        Words::read(lang, Reading::AsWritten)
    }

    fn read(lang: Lang, reading: Reading) -> Result<Words, WordsError> {
        let files = Files::of(lang);
        Ok(Words {
            lang,
            site: section(lang, "site", files.site, reading)?,
            numbers: section(lang, "numbers", files.numbers, reading)?,
            tables: section(lang, "tables", files.tables, reading)?,
            guide: section(lang, "guide", files.guide, reading)?,
            salary: section(lang, "salary", files.salary, reading)?,
            pay: section(lang, "pay", files.pay, reading)?,
            prices: section(lang, "prices", files.prices, reading)?,
            programs: section(lang, "programs", files.programs, reading)?,
        })
    }

    /// English, read once: the words the site is served in.
    pub fn english() -> &'static Words {
        static ENGLISH: LazyLock<Words> = LazyLock::new(|| {
            Words::load(Lang::English).expect("the English words load (a unit test checks them)")
        });
        &ENGLISH
    }

    /// English with every word wrapped in `⟦…⟧` (placeholders kept): rendered through these, a
    /// page shows at once any reader-facing English that does not come from here.
    pub fn pseudo() -> &'static Words {
        static PSEUDO: LazyLock<Words> = LazyLock::new(|| {
            Words::read(Lang::English, Reading::Pseudo)
                .expect("the pseudo-locale loads as English does")
        });
        &PSEUDO
    }
}

/// One file of a language's folder, read into its section.
fn section<T: DeserializeOwned>(
    lang: Lang,
    file: &'static str,
    text: &str,
    reading: Reading,
) -> Result<T, WordsError> {
    let read = match reading {
        Reading::AsWritten => toml::from_str(text),
        Reading::Pseudo => text.parse::<toml::Table>().and_then(|mut table| {
            table.iter_mut().for_each(|(_, v)| message::pseudo_value(v));
            table.try_into()
        }),
    };
    read.map_err(|e| WordsError {
        lang: lang.tag(),
        file,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_with_every_word() {
        for lang in Lang::ALL {
            let words = Words::load(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(words.lang, lang);
        }
        assert_eq!(
            Words::english().site.skip_link.as_str(),
            "Skip to main content"
        );
    }

    #[test]
    fn the_pseudo_locale_wraps_every_word_and_keeps_placeholders() {
        let pseudo = Words::pseudo();
        assert_eq!(pseudo.site.skip_link.as_str(), "⟦Skip to main content⟧");
        let filled = pseudo
            .numbers
            .per_year
            .with("amount", "$52,000")
            .to_string();
        assert_eq!(filled, "⟦$52,000 a year⟧");
    }

    #[test]
    fn a_missing_or_unknown_word_names_its_file_line_and_key() {
        let without = Files::of(Lang::English)
            .site
            .replace("skip_link =", "skip_lnk =");
        let error = section::<SiteWords>(Lang::English, "site", &without, Reading::AsWritten)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("words/en/site.toml: TOML parse error at line"),
            "{error}"
        );
        assert!(error.contains("skip_lnk"), "{error}");
    }
}
