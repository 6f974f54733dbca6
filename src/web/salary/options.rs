//! The area list's `<option>`s, escaped and rendered once at start-up: the list is the largest
//! part of the form (the nation, 54 states and territories, and up to 35 areas of one state), and
//! each request only picks the option to mark selected.

use std::fmt;

/// One choice of a form's list: the value sent and the label shown.
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// `text` safe inside HTML text and quoted attributes, escaped as the templates escape it.
pub(super) fn escape_html(text: &str) -> String {
    let Ok(escaped) = askama::filters::escape(text, askama::filters::Html);
    escaped.to_string()
}

/// `<option>` elements for a list of choices, each ready both plain and selected.
pub struct Options {
    list: Vec<Rendered>,
}

struct Rendered {
    value: String,
    plain: String,
    selected: String,
}

impl Options {
    pub(super) fn new(choices: &[Choice]) -> Options {
        let list = choices
            .iter()
            .map(|choice| {
                let (value, label) = (escape_html(&choice.value), escape_html(&choice.label));
                Rendered {
                    value: choice.value.clone(),
                    plain: format!("\n<option value=\"{value}\">{label}</option>"),
                    selected: format!("\n<option value=\"{value}\" selected>{label}</option>"),
                }
            })
            .collect();
        Options { list }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The values, in order.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|r| r.value.as_str())
    }

    /// The options with the one whose value is `selected` (as typed) marked selected.
    pub fn with_selected<'a>(&'a self, selected: &'a str) -> Selected<'a> {
        Selected {
            options: self,
            selected,
        }
    }
}

/// HTML of [`Options`] with one selected: escaped at start-up, so the template writes it as is.
pub struct Selected<'a> {
    options: &'a Options,
    selected: &'a str,
}

impl fmt::Display for Selected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for option in &self.options.list {
            f.write_str(if option.value == self.selected {
                &option.selected
            } else {
                &option.plain
            })?;
        }
        Ok(())
    }
}

impl askama::filters::HtmlSafe for Selected<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_once_and_marks_only_the_chosen_option() {
        let choices = [
            Choice {
                value: "4800000".into(),
                label: "Texas".into(),
            },
            Choice {
                value: "x\"y".into(),
                label: "A & <B>".into(),
            },
        ];
        let options = Options::new(&choices);
        assert_eq!(
            options.with_selected("4800000").to_string(),
            "\n<option value=\"4800000\" selected>Texas</option>\n<option value=\"x&#34;y\">A &#38; &#60;B&#62;</option>"
        );
        assert!(
            !options
                .with_selected("nothing")
                .to_string()
                .contains("selected")
        );
    }
}
