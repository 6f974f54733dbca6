//! The comparison's form: its fixed choices, what the reader typed, and what to correct.

use std::collections::HashMap;

use super::wording;
use crate::money::Period;
use crate::oews::{Area, AreaCode, AreaType, Extract};
use crate::salary::data::SalaryData;
use crate::salary::query::{Compare, Display, Input, Rejected};
use crate::web::AppState;
use crate::words::Words;

/// One choice of a form's list: the value sent and the label shown.
pub struct Choice {
    pub value: String,
    pub label: String,
}

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
                message: wording::field_message(state.site.words, error, &state.site.salary),
            })
            .collect()
    }
}

/// What the reader typed and what to correct, with the form's fixed choices.
pub(crate) struct FormView<'a> {
    pub input: Input,
    pub errors: Vec<FieldMessage>,
    pub choices: &'a FormChoices,
    /// The metro and nonmetro areas of the state the chosen area is, or lies in.
    pub area_group: Option<&'a AreaGroup>,
    /// The same for the second place.
    pub vs_group: Option<&'a AreaGroup>,
}

impl<'a> FormView<'a> {
    pub(super) fn new(
        input: Input,
        errors: Vec<FieldMessage>,
        choices: &'a FormChoices,
    ) -> FormView<'a> {
        FormView {
            area_group: choices.group_for(&input.area),
            vs_group: choices.group_for(&input.vs),
            input,
            errors,
            choices,
        }
    }

    pub(super) fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The options of the form's fields, the same for every request.
pub struct FormChoices {
    /// The nation, then every state and territory of the extract.
    pub areas: Vec<Choice>,
    /// Each state's metro and nonmetro areas, shown once the state (or one of them) is chosen, so
    /// that a reader picks a state, then an area, without a script.
    pub area_groups: Vec<AreaGroup>,
    /// Each state's and listed area's code, with its group's place in `area_groups`.
    group_of: HashMap<String, usize>,
    pub occupations: Vec<Choice>,
    pub compares: Vec<Choice>,
    pub displays: Vec<Choice>,
    pub periods: Vec<Choice>,
}

impl FormChoices {
    pub(super) fn new(w: &Words, data: &SalaryData, extract: Option<&Extract>) -> FormChoices {
        let choice = |value: &str, label: &str| Choice {
            value: value.into(),
            label: label.into(),
        };
        let states: Vec<&Area> = extract
            .into_iter()
            .flat_map(|e| e.areas_of_type(AreaType::State))
            .collect();
        let area_groups: Vec<AreaGroup> = extract.map_or_else(Vec::new, |extract| {
            states
                .iter()
                .map(|state| AreaGroup {
                    state: state.code.to_string(),
                    label: w
                        .salary
                        .form
                        .areas_in_state
                        .with("state", &state.name)
                        .to_string(),
                    areas: extract
                        .areas_in_state(state.state)
                        .filter(|a| a.area_type == AreaType::Metro)
                        .map(|a| choice(a.code.as_str(), &a.name))
                        .collect(),
                })
                .filter(|group| !group.areas.is_empty())
                .collect()
        });
        let group_of = area_groups
            .iter()
            .enumerate()
            .flat_map(|(i, group)| {
                let areas = group.areas.iter().map(|area| area.value.clone());
                std::iter::once(group.state.clone())
                    .chain(areas)
                    .map(move |code| (code, i))
            })
            .collect();
        FormChoices {
            group_of,
            area_groups,
            areas: std::iter::once(choice(
                AreaCode::NATIONAL.as_str(),
                w.salary.form.area_nation.as_str(),
            ))
            .chain(states.iter().map(|s| choice(s.code.as_str(), &s.name)))
            .collect(),
            occupations: data
                .occupations
                .iter()
                .map(|o| choice(&o.id, &wording::occupation_label(w, o)))
                .collect(),
            compares: Compare::ALL
                .map(|c| choice(c.as_str(), wording::compare_label(w, c)))
                .into(),
            displays: Display::ALL
                .map(|d| choice(d.as_str(), wording::display_label(w, d)))
                .into(),
            periods: Period::ALL
                .map(|p| choice(p.as_str(), wording::period_label(w, p)))
                .into(),
        }
    }
}

impl FormChoices {
    /// The group of the state `area` (a code as typed) is, or lies in; `None` for the nation or
    /// a code the form does not list.
    fn group_for(&self, area: &str) -> Option<&AreaGroup> {
        self.group_of.get(area).map(|&i| &self.area_groups[i])
    }
}

/// One state's metro and nonmetro areas, as an `<optgroup>` of the area list.
pub struct AreaGroup {
    /// The state's own area code: `4800000`.
    pub state: String,
    pub label: String,
    pub areas: Vec<Choice>,
}
