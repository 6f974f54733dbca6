//! Every percentile distribution in the shipped extract places every offer: at, between and beyond
//! each published percentile (equal neighbours included, as BLS publishes some), the answer is a
//! percentile from 10 to 90 or a stated position below or above the range, never NaN, and it never
//! falls as the offer rises. Shape only: next year's figures pass it as well. The fixture site's
//! Wyoming, with its published tie, shows the answer in each format.

use him_guide::salary::compare::{Estimate, compute};
use him_guide::salary::percentile::{Placement, Position};
use him_guide::salary::query::Query;
use him_guide::site::Site;

use crate::helpers::repo_dir;

/// Offers around `amounts` (cents, never falling): a dollar below the lowest, each amount and a
/// cent either side of it, halfway between neighbours, and far above the highest.
fn offers_around(amounts: &[i64]) -> Vec<i64> {
    let mut offers = vec![amounts[0] - 100, amounts[amounts.len() - 1] * 2];
    for pair in amounts.windows(2) {
        offers.push((pair[0] + pair[1]) / 2);
    }
    for amount in amounts {
        offers.extend([amount - 1, *amount, amount + 1]);
    }
    offers.retain(|&cents| cents > 0);
    offers.sort_unstable();
    offers.dedup();
    offers
}

/// What a reader is told, checked: a percentile inside the range, or a position outside it.
fn assert_sound(placement: &Placement, context: &str) {
    match (placement.position, placement.percentile) {
        (Position::BelowP10 | Position::AboveP90, None) => {}
        (_, Some(pct)) => assert!(
            pct.is_finite() && (10.0..=90.0).contains(&pct),
            "{context}: percentile {pct}"
        ),
        (position, None) => panic!("{context}: {position:?} without a percentile"),
    }
}

#[test]
fn every_shipped_distribution_places_every_offer_soundly_and_in_order() {
    let site = Site::load(&repo_dir()).unwrap_or_else(|problems| panic!("{problems}"));
    let data = &site.salary;
    let areas = site
        .area_lookup()
        .expect("the shipped site has an OEWS extract");
    let mut distributions = 0;
    for area in &areas.extract.areas {
        let Some(pay) = areas.pay(area.code) else {
            continue;
        };
        for occupation in &data.occupations {
            let Some(distribution) = pay.distribution(occupation) else {
                continue;
            };
            distributions += 1;
            let amounts: Vec<i64> = distribution.points.iter().map(|(_, a)| a.0).collect();
            let mut previous: Option<Placement> = None;
            for cents in offers_around(&amounts) {
                let raw = format!(
                    "area={}&occupation={}&offer={}.{:02}",
                    area.code,
                    occupation.id,
                    cents / 100,
                    cents % 100
                );
                let query = Query::parse(&raw, data, Some(areas))
                    .unwrap_or_else(|errors| panic!("{raw}: {errors:?}"));
                let report = compute(data, query);
                let check = report.offer.unwrap_or_else(|| panic!("{raw}: not checked"));
                let Estimate::Placed { placement, .. } = check.estimate else {
                    panic!("{raw}: a published distribution did not place the offer");
                };
                assert_sound(&placement, &raw);
                if let Some(before) = previous {
                    assert!(
                        placement.position >= before.position,
                        "{raw}: position fell"
                    );
                    if let (Some(low), Some(high)) = (before.percentile, placement.percentile) {
                        assert!(high >= low, "{raw}: percentile fell from {low} to {high}");
                    }
                }
                previous = Some(placement);
            }
        }
    }
    assert!(
        distributions > areas.extract.areas.len(),
        "only {distributions} distributions found: is the extract loaded?"
    );
}

/// Wyoming's technologists in the fixture, as BLS published them for May 2025: the 75th and 90th
/// percentiles are both $106,240. An offer of exactly that once came out as `null` in JSON, `NaN`
/// in CSV and "about the 0th percentile" on the page.
#[test]
fn an_offer_at_a_tied_amount_is_placed_between_the_tied_percentiles_in_every_format() {
    let app = crate::helpers::TestApp::spawn(&crate::helpers::pay_site());
    let query = "area=5600000&occupation=technologist&offer=106240";
    let json = app.get(&format!("/salary.json?{query}"));
    assert_eq!(json.status, 200, "{}", json.body);
    let json: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let offer = &json["offer"];
    assert_eq!(offer["percentile"], 90.0, "{offer}");
    assert_eq!(offer["tied_percentiles"], serde_json::json!([75, 90]));
    assert_eq!(offer["position"], "p75_p90");
    let csv = app.get(&format!("/salary.csv?{query}")).body;
    let offer_row = csv.lines().find(|l| l.starts_with("offer,")).unwrap();
    assert!(offer_row.contains(",90.0,p75_p90,"), "{offer_row}");
    assert!(!csv.contains("NaN"), "{csv}");
    let page = app.get(&format!("/salary?{query}")).body;
    let text = crate::helpers::Html::parse(&page)
        .texts(".offer-result p")
        .join(" ");
    assert!(
        text.contains(
            "that is the amount BLS published for both the 75th percentile and the 90th \
             percentile ($106,240), so it sits between those percentiles."
        ),
        "{text}"
    );
    assert!(!text.contains("about the 0th"), "{text}");
    assert!(!page.contains("NaN"));
}
