//! The two kinds of word: [`Text`], said as is, and [`Message`], with `{name}` placeholders that
//! the caller fills. Both are checked as they are read: a text with a placeholder, or a message
//! with an unclosed one, does not load.

use std::fmt;

use serde::{Deserialize, Deserializer, de};

/// The characters HTML reads as markup in text and in double-quoted attributes: a [`Text`] holds
/// none, so a page can write it as it is (`src/web/trusted.rs`).
pub const MARKUP: [char; 4] = ['<', '>', '&', '"'];

/// Words said as they are: a heading, a label, a link's text. Never markup (see [`MARKUP`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A text reads as the `str` it holds, wherever words are passed on as text.
impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.contains('{') || text.contains('}') {
            return Err(de::Error::custom(format!(
                "`{text}` has a placeholder, which a text cannot fill; make it a message where the code fills it"
            )));
        }
        if let Some(c) = text.chars().find(|c| MARKUP.contains(c)) {
            return Err(de::Error::custom(format!(
                "`{text}` has `{c}`, which HTML reads as markup; write words only (`and` for `&`, curly quotes for quotes)"
            )));
        }
        Ok(Text(text))
    }
}

/// One piece of a message: words, or the name of a value filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Words(String),
    Placeholder(String),
}

/// Words with `{name}` placeholders: `{amount} a year`. [`Message::with`] fills them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pieces: Vec<Piece>,
}

impl Message {
    /// Reads `{name}` placeholders (letters, digits and `_`) out of `text`.
    fn parse(text: &str) -> Result<Message, String> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Words(rest[..open].to_string()));
            }
            let close = rest[open..].find('}').ok_or_else(|| {
                format!("`{text}` opens a placeholder with `{{` and never closes it")
            })?;
            let name = &rest[open + 1..open + close];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!(
                    "`{text}` has a placeholder `{{{name}}}`; a name is letters, digits and `_`"
                ));
            }
            pieces.push(Piece::Placeholder(name.to_string()));
            rest = &rest[open + close + 1..];
        }
        if rest.contains('}') {
            return Err(format!("`{text}` closes a placeholder it never opened"));
        }
        if !rest.is_empty() {
            pieces.push(Piece::Words(rest.to_string()));
        }
        Ok(Message { pieces })
    }

    /// The names of the placeholders, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name.as_str()),
            Piece::Words(_) => None,
        })
    }

    /// The words before and after `{name}`, for a sentence around markup that the template writes
    /// in its place (a link, a `<time>`): `Last reviewed {date}` gives `("Last reviewed ", "")`.
    /// Any other placeholder shows as written.
    pub fn around(&self, name: &'static str) -> (String, String) {
        let (mut before, mut after, mut seen) = (String::new(), String::new(), false);
        for part in self.parts(&[name]) {
            match part {
                Part::Slot(_) => seen = true,
                Part::Words(words) if seen => after.push_str(&words),
                Part::Words(words) => before.push_str(&words),
            }
        }
        (before, after)
    }

    /// The message with `{name}` filled by `value`; chain `with` for the others.
    pub fn with(&self, name: &'static str, value: impl fmt::Display) -> Filled<'_> {
        Filled {
            message: self,
            values: vec![(name, value.to_string())],
        }
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Message, D::Error> {
        let text = String::deserialize(deserializer)?;
        Message::parse(&text).map_err(de::Error::custom)
    }
}

/// A message with its values: displays as the finished words. A placeholder left unfilled shows
/// as written, `{name}`, where a test of the page will see it.
#[derive(Debug, Clone)]
pub struct Filled<'a> {
    message: &'a Message,
    values: Vec<(&'static str, String)>,
}

impl Filled<'_> {
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.values.push((name, value.to_string()));
        self
    }

    /// The value of the placeholder `name`, or the placeholder as written when none was given.
    fn write_value(&self, out: &mut impl fmt::Write, name: &str) -> fmt::Result {
        match self.values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.write_str(value),
            None => write!(out, "{{{name}}}"),
        }
    }
}

impl fmt::Display for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in &self.message.pieces {
            match piece {
                Piece::Words(words) => f.write_str(words)?,
                Piece::Placeholder(name) => self.write_value(f, name)?,
            }
        }
        Ok(())
    }
}

/// A piece of a finished message: its words, or the place of a placeholder that the caller fills
/// with an element of its own (a link), which a text value cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'n> {
    Words(String),
    Slot(&'n str),
}

impl Message {
    /// The message in parts, with the placeholders named in `slots` left as [`Part::Slot`].
    pub fn parts<'n>(&self, slots: &[&'n str]) -> Vec<Part<'n>> {
        Filled {
            message: self,
            values: Vec::new(),
        }
        .parts(slots)
    }
}

impl Filled<'_> {
    /// The finished words in parts, in the message's order (a translation may move a slot), with
    /// the placeholders named in `slots` left as [`Part::Slot`] for the caller to fill.
    pub fn parts<'n>(&self, slots: &[&'n str]) -> Vec<Part<'n>> {
        let mut parts = Vec::new();
        let mut words = String::new();
        for piece in &self.message.pieces {
            let slot = match piece {
                Piece::Placeholder(name) => slots.iter().find(|slot| **slot == name.as_str()),
                Piece::Words(_) => None,
            };
            match slot {
                Some(slot) => {
                    if !words.is_empty() {
                        parts.push(Part::Words(std::mem::take(&mut words)));
                    }
                    parts.push(Part::Slot(slot));
                }
                None => match piece {
                    Piece::Words(text) => words.push_str(text),
                    // Writing to a String cannot fail.
                    Piece::Placeholder(name) => drop(self.write_value(&mut words, name)),
                },
            }
        }
        if !words.is_empty() {
            parts.push(Part::Words(words));
        }
        parts
    }
}

/// Wraps every string in `value` in `⟦…⟧`: the pseudo-locale of [`super::Words::pseudo`].
pub(super) fn pseudo_value(value: &mut toml::Value) {
    match value {
        toml::Value::String(text) => *text = format!("⟦{text}⟧"),
        toml::Value::Array(items) => items.iter_mut().for_each(pseudo_value),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| pseudo_value(v)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_by_name_in_any_order() {
        let message = Message::parse("{amount} ({percent}) {side}").unwrap();
        assert_eq!(
            message.placeholders().collect::<Vec<_>>(),
            ["amount", "percent", "side"]
        );
        let filled = message
            .with("side", "below")
            .with("amount", "$2,150")
            .with("percent", "4.2%");
        assert_eq!(filled.to_string(), "$2,150 (4.2%) below");
        assert_eq!(
            message.with("amount", 5).to_string(),
            "5 ({percent}) {side}",
            "an unfilled placeholder shows as written"
        );
    }

    #[test]
    fn splits_around_a_placeholder_for_markup() {
        let message = Message::parse("Read it at {address}, {when}.").unwrap();
        assert_eq!(
            message.around("address"),
            ("Read it at ".to_string(), ", {when}.".to_string())
        );
        let end = Message::parse("Last reviewed {date}").unwrap();
        assert_eq!(end.around("date"), ("Last reviewed ".into(), String::new()));
    }

    #[test]
    fn leaves_slots_for_elements_in_the_message_order() {
        let message = Message::parse("See {state} or {nation} in {release}.").unwrap();
        let parts = message
            .with("release", "May 2025")
            .parts(&["nation", "state"]);
        assert_eq!(
            parts,
            [
                Part::Words("See ".into()),
                Part::Slot("state"),
                Part::Words(" or ".into()),
                Part::Slot("nation"),
                Part::Words(" in May 2025.".into()),
            ]
        );
        assert_eq!(
            Message::parse("{link}.").unwrap().parts(&["link"]),
            [Part::Slot("link"), Part::Words(".".into())]
        );
    }

    #[test]
    fn refuses_placeholders_it_cannot_read() {
        for bad in ["{amount a year", "a } b", "{} x", "{two words}"] {
            assert!(Message::parse(bad).is_err(), "{bad}");
        }
        let text: Result<Text, _> = toml::from_str::<toml::Table>("t = \"{x}\"")
            .unwrap()
            .remove("t")
            .unwrap()
            .try_into();
        assert!(text.is_err(), "a text with a placeholder is a mistake");
        for markup in ["a <b>", "R&D", r#"say \"hi\""#] {
            let text: Result<Text, _> = toml::from_str::<toml::Table>(&format!("t = \"{markup}\""))
                .unwrap()
                .remove("t")
                .unwrap()
                .try_into();
            assert!(text.is_err(), "{markup} is markup");
        }
    }
}
