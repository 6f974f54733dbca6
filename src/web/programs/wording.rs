//! The words of the schools' pages in one place: levels, fields, kinds of school and routes, what
//! the data cannot say, the sources, a search's problems, and a school's place.

use crate::pay::Listing;
use crate::schools::query::MAX_TEXT_CHARS;
use crate::schools::{Control, Field, Level, QueryProblem, Route, Schools};
use crate::web::segments::{Segment, linked, plain, rendered, sentences};
use crate::web::trusted::Fragment;
use crate::words::{ProgramWords, Text};

/// CAHIIM's directory of accredited programs, which the data cannot replace.
pub(super) const CAHIIM_DIRECTORY: &str = "https://www.cahiim.org/programs/program-directory";

/// The address of a state's list: `/programs/texas`.
pub(super) fn state_url(state: &Listing) -> String {
    crate::schools::state_list_url(&state.slug)
}

/// The words of a level, a field, a kind of school and a route.
pub(super) fn level_words(w: &ProgramWords, level: Level) -> &Text {
    match level {
        Level::ShortCertificate => &w.level_short_certificate,
        Level::Certificate => &w.level_certificate,
        Level::Associate => &w.level_associate,
        Level::Bachelor => &w.level_bachelor,
        Level::PostBaccalaureateCertificate => &w.level_post_baccalaureate_certificate,
        Level::Master => &w.level_master,
        Level::PostMasterCertificate => &w.level_post_master_certificate,
        Level::Doctorate => &w.level_doctorate,
    }
}

pub(super) fn field_words(w: &ProgramWords, field: Field) -> &Text {
    match field {
        Field::Coding => &w.field_coding,
        Field::Technology => &w.field_technology,
        Field::Administration => &w.field_administration,
        Field::Informatics => &w.field_informatics,
    }
}

pub(super) fn control_words(w: &ProgramWords, control: Control) -> &Text {
    match control {
        Control::Public => &w.control_public,
        Control::Nonprofit => &w.control_nonprofit,
        Control::ForProfit => &w.control_for_profit,
    }
}

pub(super) fn route_words(w: &ProgramWords, route: Route) -> &Text {
    match route {
        Route::Rhit => &w.route_rhit,
        Route::Rhia => &w.route_rhia,
        Route::CodingCredentials => &w.route_coding,
        Route::Neither => &w.route_neither,
    }
}

pub(super) fn problem_words(w: &ProgramWords, problem: QueryProblem) -> String {
    match problem {
        QueryProblem::Malformed => w.problem_malformed.to_string(),
        QueryProblem::Repeated => w.problem_repeated.to_string(),
        QueryProblem::TooLong => w.problem_too_long.with("max", MAX_TEXT_CHARS).to_string(),
        QueryProblem::UnknownState => w.problem_unknown_state.to_string(),
        QueryProblem::UnknownArea => w.problem_unknown_area.to_string(),
        QueryProblem::UnknownLevel => w.problem_unknown_level.to_string(),
        QueryProblem::UnknownField => w.problem_unknown_field.to_string(),
        QueryProblem::UnknownControl => w.problem_unknown_control.to_string(),
        QueryProblem::UnknownSort => w.problem_unknown_sort.to_string(),
        QueryProblem::BadPage => w.problem_bad_page.to_string(),
    }
}

/// "NCES does not record ... Check both in CAHIIM's directory ...": beside every list.
pub(super) fn cannot_say(w: &ProgramWords) -> Vec<Segment> {
    linked(
        w.cannot_say.parts(&["link"]),
        &[(
            "link",
            CAHIIM_DIRECTORY.to_string(),
            w.cahiim_link.to_string(),
        )],
    )
}

/// The source lines of the extract's files, each linking to its entry, rendered once.
pub(super) fn source_lines(w: &ProgramWords, schools: &Schools) -> askama::Result<Vec<Fragment>> {
    use crate::schools::Role;
    Role::ALL
        .into_iter()
        .map(|role| {
            let file = schools.release.file(role);
            let words = match role {
                Role::Completions => &w.role_completions,
                Role::Directory => &w.role_directory,
                Role::Tuition => &w.role_tuition,
                Role::Graduation => &w.role_graduation,
                Role::Earnings => &w.role_earnings,
            };
            rendered(&linked(
                w.source_line
                    .with("role", words)
                    .with("year", &file.year)
                    .parts(&["entry"]),
                &[(
                    "entry",
                    format!("/sources#{}", file.source),
                    w.source_entry_link.to_string(),
                )],
            ))
        })
        .collect()
}

/// Sentences under a school's name: its area's pay page or its state's.
pub(super) fn place_sentence(
    w: &ProgramWords,
    area: Option<&Listing>,
    state: &str,
) -> Vec<Segment> {
    match area {
        Some(area) => linked(
            w.school_in_area.parts(&["area"]),
            &[("area", area.url(), area.name.clone())],
        ),
        None => sentences([plain(w.school_no_area.with("state", state))]),
    }
}
