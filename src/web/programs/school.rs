//! A school's page, `/schools/<unitid>`: its HIM programmes with the route each can lead to, what
//! it costs, how its students fare, and the pay of the programmes' occupations where it is.

use askama::Template;

use super::wording::{
    cannot_say, control_words, field_words, level_words, place_sentence, route_words, source_lines,
    state_url,
};
use crate::oews::{AreaCode, Soc};
use crate::pay::Listing;
use crate::schools::{Field, School, Schools};
use crate::schools::{PROGRAMS_PAGE, school_url};
use crate::site::Site;
use crate::web::pay::CellView;
use crate::web::segments::{Segment, linked, rendered};
use crate::web::trusted::{Fragment, JsonLd};
use crate::web::views::{AssetUrls, Chrome, chrome_for};

/// A programme's row.
struct ProgrammeRow {
    field: String,
    level: String,
    completers: String,
    route: String,
}

/// One occupation's median where the school is, and in the nation.
struct PayRow {
    title: String,
    here: CellView,
    nation: CellView,
}

/// `templates/school.html`.
#[derive(Template)]
#[template(path = "school.html")]
struct SchoolView<'a> {
    chrome: Chrome,
    school: &'a School,
    lede: String,
    place: Vec<Segment>,
    website: Option<String>,
    programmes_caption: String,
    completers_column: String,
    programmes: Vec<ProgrammeRow>,
    completions_note: String,
    cannot_say: Fragment,
    tuition: Vec<(String, String)>,
    tuition_note: String,
    net_price: Option<String>,
    graduation: String,
    earnings: String,
    /// Pay where the school is: the intro, the rows and the link to the area's page.
    pay_intro: String,
    pay: Vec<PayRow>,
    pay_more: Vec<Segment>,
    sources: Vec<Fragment>,
    json_ld: JsonLd,
}

/// `https://` before an address IPEDS lists without one.
fn absolute(address: &str) -> String {
    if address.starts_with("http://") || address.starts_with("https://") {
        address.to_string()
    } else {
        format!("https://{address}")
    }
}

pub(super) fn page(
    site: &Site,
    schools: &Schools,
    base_url: &str,
    assets: &AssetUrls,
    school: &School,
) -> askama::Result<String> {
    use crate::schools::Role;
    let w = &site.words.programs;
    let release = &schools.release;
    let year = &release.academic_year;
    let place = format!("{}, {}", school.city, school.state);
    let url = school_url(school.unitid);
    let mut chrome = chrome_for(
        site,
        base_url,
        assets,
        &url,
        &w.school_title.with("school", &school.name).to_string(),
        &w.school_description
            .with("school", &school.name)
            .with("place", &place)
            .to_string(),
    );
    chrome
        .breadcrumbs
        .push((PROGRAMS_PAGE.to_string(), w.index_title.to_string()));
    let state = site.areas.by_code(school.fips.area());
    if let Some(state) = state {
        chrome
            .breadcrumbs
            .push((state_url(state), state.name.clone()));
    }
    let area = school.area.and_then(|code| site.areas.by_code(code));
    let state_name = state.map_or(school.state.as_str(), |s| s.name.as_str());
    let tuition_cell = |amount: Option<u32>| {
        amount.map_or_else(
            || w.tuition_none.to_string(),
            |a| w.tuition_amount.with("amount", dollars(a)).to_string(),
        )
    };
    let (pay_intro, pay, pay_more) = pay_nearby(site, school, area.or(state));
    let (graduation, earnings) = outcomes(site, schools, school);
    SchoolView {
        json_ld: json_ld(site, school, base_url, &url),
        chrome,
        school,
        lede: w
            .school_lede
            .with("control", control_words(w, school.control))
            .with("place", &place)
            .to_string(),
        place: place_sentence(w, area, state_name),
        website: school.website.as_deref().map(absolute),
        programmes_caption: w
            .programs_caption
            .with("school", &school.name)
            .with("year", year)
            .to_string(),
        completers_column: w.column_completers.with("year", year).to_string(),
        programmes: school
            .programmes
            .iter()
            .map(|p| ProgrammeRow {
                field: field_words(w, p.field).to_string(),
                level: level_words(w, p.level).to_string(),
                completers: p.completers.to_string(),
                route: route_words(w, p.route()).to_string(),
            })
            .collect(),
        completions_note: w.completions_note.with("year", year).to_string(),
        cannot_say: rendered(&cannot_say(w))?,
        tuition: vec![
            (
                w.tuition_in_state.to_string(),
                tuition_cell(school.tuition_in_state),
            ),
            (
                w.tuition_out_of_state.to_string(),
                tuition_cell(school.tuition_out_of_state),
            ),
        ],
        tuition_note: w
            .tuition_note
            .with("year", &release.file(Role::Tuition).year)
            .to_string(),
        net_price: school.net_price_url.as_deref().map(absolute),
        graduation,
        earnings,
        pay_intro,
        pay,
        pay_more,
        sources: source_lines(w, schools)?,
    }
    .render()
}

/// The school's graduation rate and its students' earnings, each with its year, or that there is
/// none.
fn outcomes(site: &Site, schools: &Schools, school: &School) -> (String, String) {
    use crate::schools::Role;
    let w = &site.words.programs;
    let graduation = school.graduation_percent.map_or_else(
        || w.graduation_none.to_string(),
        |p| {
            w.graduation
                .with("percent", p)
                .with("year", &schools.release.file(Role::Graduation).year)
                .to_string()
        },
    );
    let earnings = school.earnings_10_years.map_or_else(
        || w.earnings_none.to_string(),
        |e| {
            w.earnings
                .with("amount", dollars(e))
                .with("year", &schools.release.file(Role::Earnings).year)
                .to_string()
        },
    );
    (graduation, earnings)
}

/// `$43,177`.
fn dollars(amount: u32) -> String {
    crate::money::Cents(i64::from(amount) * 100).dollars_text()
}

/// The occupations NCES's crosswalk pairs with the school's fields, in the guide's order, with
/// their medians in `listing` (the school's metro area, or its state) and the nation.
fn pay_nearby(
    site: &Site,
    school: &School,
    listing: Option<&Listing>,
) -> (String, Vec<PayRow>, Vec<Segment>) {
    let w = &site.words.programs;
    let (Some(listing), Some(areas), Some(extract)) = (listing, site.area_lookup(), &site.oews)
    else {
        return (w.pay_none.to_string(), Vec::new(), Vec::new());
    };
    let paired = |soc: Soc| {
        school
            .programmes
            .iter()
            .any(|p| p.field.occupations().contains(&soc.to_string().as_str()))
    };
    let rows = site
        .salary
        .occupations
        .iter()
        .filter(|o| paired(o.soc))
        .map(|occupation| {
            let pay = areas.report(listing.code, occupation.soc);
            let national = areas.report(AreaCode::NATIONAL, occupation.soc);
            PayRow {
                title: occupation.title.clone(),
                here: CellView::of(&site.words.pay, pay.median_row().annual),
                nation: CellView::of(&site.words.pay, national.median_row().annual),
            }
        })
        .collect();
    let intro = w
        .pay_intro
        .with("area", &listing.name)
        .with("release", &extract.release.name)
        .to_string();
    let more = linked(
        w.pay_more.parts(&["area"]),
        &[("area", listing.url(), listing.name.clone())],
    );
    (intro, rows, more)
}

/// schema.org: the school as an `EducationalOrganization`, each programme an
/// `EducationalOccupationalProgram` it provides, with the award's level and the occupations the
/// crosswalk pairs with it. Nothing on accreditation, cost or mode: the data does not say.
fn json_ld(site: &Site, school: &School, base_url: &str, url: &str) -> JsonLd {
    use serde_json::json;
    let w = &site.words.programs;
    let id = format!("{base_url}{url}#school");
    let programmes: Vec<serde_json::Value> = school
        .programmes
        .iter()
        .map(|p| {
            let occupations: Vec<serde_json::Value> = p
                .field
                .occupations()
                .iter()
                .map(|soc| json!({ "@type": "CategoryCode", "codeValue": soc, "inCodeSet": "https://www.bls.gov/soc/2018/" }))
                .collect();
            json!({
                "@type": "EducationalOccupationalProgram",
                "name": format!("{}, {}", field_words(w, p.field), level_words(w, p.level)),
                "educationalCredentialAwarded": level_words(w, p.level).as_str(),
                "programType": cip_name(p.field),
                "occupationalCategory": occupations,
                "provider": { "@id": id },
            })
        })
        .collect();
    let mut organization = json!({
        "@type": "EducationalOrganization",
        "@id": id,
        "name": school.name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": school.city,
            "addressRegion": school.state,
            "postalCode": school.zip,
            "addressCountry": "US",
        },
    });
    if let Some(website) = &school.website {
        organization["url"] = json!(absolute(website));
    }
    JsonLd::from_value(&json!({
        "@context": "https://schema.org",
        "@graph": std::iter::once(organization).chain(programmes).collect::<Vec<_>>(),
    }))
}

/// The CIP code and title as NCES gives them, for structured data.
fn cip_name(field: Field) -> String {
    let title = match field {
        Field::Administration => "Health Information/Medical Records Administration/Administrator",
        Field::Technology => "Health Information/Medical Records Technology/Technician",
        Field::Coding => "Medical Insurance Coding Specialist/Coder",
        Field::Informatics => "Medical Informatics",
    };
    format!("CIP {} {title}", field.cip())
}
