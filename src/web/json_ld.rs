//! schema.org structured data as JSON-LD: `Article` and `BreadcrumbList` for guide pages, and an
//! `Occupation` for each occupation on the salary page, built once at start-up.

use serde_json::{Value, json};

use super::trusted::JsonLd;
use crate::salary::SalaryData;
use crate::salary::compare::MAX_DISTRIBUTION_AGE;
use crate::site::{GUIDE_INDEX, HOME, Page};
use crate::words::Words;

/// The JSON-LD for a guide chapter: the article and the trail from home down to it.
pub(super) fn chapter(page: &Page, base_url: &str, w: &Words) -> JsonLd {
    let url = format!("{base_url}{}", page.url);
    let crumb = |position: u32, name: &str, path: &str| json!({ "@type": "ListItem", "position": position, "name": name, "item": format!("{base_url}{path}") });
    JsonLd::from_value(&json!({
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": page.title,
                "description": page.description,
                "url": url,
                "mainEntityOfPage": url,
                "dateModified": page.updated.iso(),
                "inLanguage": w.lang.tag(),
                "publisher": { "@type": "Organization", "name": w.site.name.as_str(), "url": base_url },
            },
            {
                "@type": "BreadcrumbList",
                "itemListElement": [crumb(1, w.site.home.as_str(), HOME), crumb(2, w.site.the_guide.as_str(), GUIDE_INDEX), crumb(3, &page.title, &page.url)],
            }
        ]
    }))
}

/// The JSON-LD for the salary page: each occupation with its pay distribution and requirements.
pub(super) fn occupations(data: &SalaryData, w: &Words) -> JsonLd {
    let occupations: Vec<Value> = data
        .occupations
        .iter()
        .map(|occupation| {
            let mut salary = Vec::new();
            // The newest percentile distribution, unless it is too old to stand for today's pay;
            // then the newest median alone.
            let recent = data
                .distributions(&occupation.id)
                .into_iter()
                .next()
                .filter(|d| d.year + MAX_DISTRIBUTION_AGE >= data.reviewed.year);
            if let Some(distribution) = recent {
                let dollars = |pct: u8| {
                    distribution.points.iter().find(|(p, _)| *p == pct).map(|(_, a)| a.whole_dollars())
                };
                salary.push(json!({
                    "@type": "MonetaryAmountDistribution",
                    "name": w.site.annual_wage.with("release", distribution.release).to_string(),
                    "currency": "USD",
                    "duration": "P1Y",
                    "validFrom": format!("{}-05", distribution.year),
                    "percentile10": dollars(10),
                    "percentile25": dollars(25),
                    "median": dollars(50),
                    "percentile75": dollars(75),
                    "percentile90": dollars(90),
                }));
            } else if let Some(median) = data.latest_median(&occupation.id) {
                salary.push(json!({
                    "@type": "MonetaryAmountDistribution",
                    "name": w.site.annual_wage.with("release", &median.release).to_string(),
                    "currency": "USD",
                    "duration": "P1Y",
                    "validFrom": median.year.map(|y| format!("{y}-05")),
                    "median": median.amount.whole_dollars(),
                }));
            }
            let mut value = json!({
                "@type": "Occupation",
                "name": occupation.title,
                "occupationalCategory": occupation.soc.to_string(),
                "description": w.site.typical_titles.with("titles", occupation.him_titles.join(", ")).to_string(),
                "educationRequirements": occupation.entry_education,
                "estimatedSalary": salary,
                "occupationLocation": { "@type": "Country", "name": w.site.country.as_str() },
            });
            if let Some(credential) = &occupation.credential {
                value["qualifications"] = json!(credential);
            }
            value
        })
        .collect();
    JsonLd::from_value(&json!({ "@context": "https://schema.org", "@graph": occupations }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Date;
    use crate::site::PageKind;

    #[test]
    fn a_hostile_title_cannot_close_the_script_element() {
        let hostile = "</script><script>alert(1)</script>";
        let page = Page {
            url: "/guide/pay".into(),
            file: "content/en/guide/pay.md".into(),
            kind: PageKind::Chapter,
            title: hostile.into(),
            description: "A & B".into(),
            updated: Date::default(),
            source_ids: Vec::new(),
            weight: 0,
            html: crate::content::markdown::Html::default(),
            toc: Vec::new(),
            word_count: 0,
            aliases: Vec::new(),
        };
        let ld = chapter(&page, "https://guide.example.org", Words::english());
        assert!(!ld.as_str().contains(['<', '>', '&']), "{}", ld.as_str());
        let read_back: Value = serde_json::from_str(ld.as_str()).unwrap();
        assert_eq!(read_back["@graph"][0]["headline"], hostile);
        assert_eq!(read_back["@graph"][0]["description"], "A & B");
        assert_eq!(
            read_back["@graph"][1]["itemListElement"][2]["name"],
            hostile
        );
    }
}
