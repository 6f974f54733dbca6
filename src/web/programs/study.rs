//! Where to study from the pay pages: "Where to study here" on an area's or a state's page, and
//! the link under a comparison in an area.

use super::wording::{level_words, state_url};
use crate::oews::AreaType;
use crate::pay::Listing;
use crate::schools::{Level, PROGRAMS_PAGE, school_url};
use crate::site::Site;
use crate::web::segments::{Segment, linked, plain};

/// "Where to study here" on an area's or a state's pay page.
pub(in crate::web) struct StudyView {
    pub(in crate::web) intro: Vec<Segment>,
    /// A metro area's schools: name, page, city and awards.
    pub(in crate::web) schools: Vec<(String, String, String)>,
    pub(in crate::web) more: Vec<Segment>,
}

/// The schools of a pay page's place: a state's count with its list's link, a metro area's
/// schools, or, for a nonmetropolitan area (which the data cannot place schools in), its state's
/// list. `None` for a site without schools.
pub(in crate::web) fn study_here(
    site: &Site,
    listing: &Listing,
    nonmetro: bool,
) -> Option<StudyView> {
    let schools = site.schools.as_ref()?;
    let w = &site.words.programs;
    let year = &schools.release.academic_year;
    let state = site.areas.by_code(listing.state.area())?;
    let state_link = || {
        (
            "link",
            state_url(state),
            w.study_state_link.with("state", &state.name).to_string(),
        )
    };
    let view = |intro, schools, more| StudyView {
        intro,
        schools,
        more,
    };
    if listing.area_type == AreaType::State {
        let count = schools.in_state(listing.state).count();
        let intro = if count == 0 {
            plain(
                w.study_state_none
                    .with("state", &state.name)
                    .with("year", year),
            )
        } else {
            linked(
                w.study_state
                    .with("count", count)
                    .with("state", &state.name)
                    .with("year", year)
                    .parts(&["link"]),
                &[state_link()],
            )
        };
        return Some(view(intro, Vec::new(), Vec::new()));
    }
    if nonmetro {
        let intro = linked(w.study_nonmetro.parts(&["link"]), &[state_link()]);
        return Some(view(intro, Vec::new(), Vec::new()));
    }
    let here: Vec<(String, String, String)> = schools
        .in_area(listing.code)
        .map(|s| {
            let mut levels: Vec<Level> = s.programmes.iter().map(|p| p.level).collect();
            levels.dedup();
            let levels: Vec<&str> = levels.iter().map(|&l| level_words(w, l).as_str()).collect();
            let detail = w
                .study_school_levels
                .with("city", &s.city)
                .with("levels", site.words.numbers.lists.and_list(&levels))
                .to_string();
            (s.name.clone(), school_url(s.unitid), detail)
        })
        .collect();
    let intro = plain(match here.len() {
        0 => w
            .study_area_none
            .with("area", &listing.name)
            .with("year", year),
        1 => w
            .study_area_one
            .with("area", &listing.name)
            .with("year", year),
        n => w
            .study_area_many
            .with("count", n)
            .with("area", &listing.name)
            .with("year", year),
    });
    let more = if here.is_empty() {
        linked(w.study_nonmetro_state.parts(&["link"]), &[state_link()])
    } else {
        linked(
            w.study_search.parts(&["link"]),
            &[(
                "link",
                format!("{PROGRAMS_PAGE}?area={}", listing.code),
                w.study_search_link.to_string(),
            )],
        )
    };
    Some(view(intro, here, more))
}

/// Under a comparison in an area: where to study there, linking the search narrowed to a metro
/// area, or the state's list for a state or a nonmetropolitan area. Empty without schools.
pub(in crate::web) fn study_link(site: &Site, area: Option<crate::oews::AreaCode>) -> Vec<Segment> {
    let (Some(schools), Some(area)) = (&site.schools, area) else {
        return Vec::new();
    };
    let Some(listing) = site.areas.by_code(area) else {
        return Vec::new();
    };
    let w = &site.words.programs;
    let href = match listing.area_type {
        AreaType::National => return Vec::new(),
        AreaType::Metro if schools.in_area(area).next().is_some() => {
            format!("{PROGRAMS_PAGE}?area={area}")
        }
        _ => match site.areas.by_code(listing.state.area()) {
            Some(state) => state_url(state),
            None => return Vec::new(),
        },
    };
    linked(
        w.study_comparison
            .with("area", &listing.name)
            .parts(&["link"]),
        &[("link", href, w.study_comparison_link.to_string())],
    )
}
