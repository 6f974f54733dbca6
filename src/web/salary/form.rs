//! The comparison's form: its fixed choices, what the reader typed, and what to correct.

use super::wording;
use crate::salary::capitalise;
use crate::salary::data::SalaryData;
use crate::salary::money::Period;
use crate::salary::query::{Compare, Display, Input, Rejected};
use crate::web::AppState;

/// A rejected field and what the reader should do, in words.
pub(crate) struct FieldMessage {
    /// The query parameter's name, or `query` for the address as a whole.
    pub field: &'static str,
    pub message: String,
}

impl FieldMessage {
    pub(super) fn all(state: &AppState, rejected: &Rejected) -> Vec<FieldMessage> {
        rejected
            .errors
            .iter()
            .map(|error| FieldMessage {
                field: error.field.as_str(),
                message: wording::field_message(error, &state.site.salary),
            })
            .collect()
    }
}

/// What the reader typed and what to correct, with the form's fixed choices.
pub(crate) struct FormView<'a> {
    pub input: Input,
    pub errors: Vec<FieldMessage>,
    pub choices: &'a FormChoices,
}

impl FormView<'_> {
    pub(super) fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The options of the form's fields, the same for every request.
pub struct FormChoices {
    pub occupations: Vec<Choice>,
    pub compares: Vec<Choice>,
    pub displays: Vec<Choice>,
    pub periods: Vec<Choice>,
}

impl FormChoices {
    pub(super) fn new(data: &SalaryData) -> FormChoices {
        let choice = |value: &str, label: &str| Choice {
            value: value.into(),
            label: label.into(),
        };
        FormChoices {
            occupations: data
                .occupations
                .iter()
                .map(|o| choice(&o.id, &format!("{} ({})", capitalise(&o.short), o.soc)))
                .collect(),
            compares: Compare::ALL
                .map(|c| choice(c.as_str(), wording::compare_label(c)))
                .into(),
            displays: Display::ALL
                .map(|d| choice(d.as_str(), wording::display_label(d)))
                .into(),
            periods: Period::ALL
                .map(|p| choice(p.as_str(), wording::period_label(p)))
                .into(),
        }
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
}
