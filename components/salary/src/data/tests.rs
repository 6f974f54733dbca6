//! Tests of reading and checking the salary data file, and of the lookups on it.

use super::*;
use diagnostics::Problem;
use parse::release_year;
use sources::Source;
use std::path::Path;

fn sources() -> Vec<Source> {
    sources::parse(
            Path::new("s.toml"),
            "[[source]]\nid=\"bls\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"data\"\ndate=\"d\"\ncontributed=\"c\"\n\
             [[source]]\nid=\"blog\"\ntitle=\"t\"\nshort=\"s\"\nkind=\"document\"\ndate=\"d\"\ncontributed=\"c\"\n",
        )
        .unwrap()
}

const HEAD: &str = "reviewed = 2026-11-22\n[[occupation]]\nid = \"manager\"\nsoc = \"11-9111\"\n\
                        title = \"T\"\nshort = \"t\"\nhim_titles = []\nentry_education = \"BA\"\n";

fn figure(id: &str, statistic: &str, amount: &str, extra: &str) -> String {
    format!(
        "[[figure]]\nid = \"{id}\"\noccupation = \"manager\"\nstatistic = \"{statistic}\"\nperiod = \"annual\"\n\
             amount = \"{amount}\"\nrelease = \"OEWS May 2019\"\nscope = \"national\"\nsource = \"bls\"\n{extra}"
    )
}

fn parse_text(text: &str) -> Result<SalaryData, Vec<Problem>> {
    parse(Path::new("content/salary.toml"), text, &sources())
}

fn distribution_text() -> String {
    [
        ("p10", "$10"),
        ("p25", "$20"),
        ("median", "$30"),
        ("p75", "$40"),
        ("p90", "$50"),
    ]
    .iter()
    .map(|(s, a)| figure(s, s, a, ""))
    .collect()
}

#[test]
fn loads_a_distribution_and_finds_the_latest_median() {
    let data = parse_text(&format!("{HEAD}{}", distribution_text())).unwrap();
    let dists = data.distributions("manager");
    assert_eq!(dists.len(), 1);
    assert_eq!(dists[0].year, 2019);
    assert_eq!(dists[0].points[2], (50, Cents::from_dollars(30)));
    assert_eq!(data.latest_median("manager").unwrap().id, "median");
}

#[test]
fn an_occupation_without_a_median_parses_and_is_listed_as_lacking_one() {
    // Its median may come from the OEWS extract, which the site's loader adds after parsing.
    let clerk = "[[occupation]]\nid = \"clerk\"\nsoc = \"43-6013\"\ntitle = \"C\"\nshort = \"c\"\n\
                 him_titles = []\nentry_education = \"HS\"\n";
    let data = parse_text(&format!("{HEAD}{clerk}{}", distribution_text())).unwrap();
    let lacking: Vec<&str> = data
        .occupations_without_median()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(lacking, ["clerk"]);
    let with_median = parse_text(&format!("{HEAD}{}", distribution_text())).unwrap();
    assert_eq!(with_median.occupations_without_median().count(), 0);
}

#[test]
fn rejects_percentiles_out_of_order_naming_the_line() {
    let text = format!(
        "{HEAD}{}",
        distribution_text().replace("\"$40\"", "\"$25\"")
    );
    let problems = parse_text(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .starts_with("percentiles out of order: `median` ($30) is not above `p75` ($25)")
            || problems[0]
                .message
                .starts_with("percentiles out of order: `p75` ($25) is not above `median` ($30)"),
        "{}",
        problems[0].message
    );
    assert!(problems[0].line.is_some());
}

#[test]
fn rejects_unknown_sources_non_positive_amounts_and_missing_status() {
    let text = format!(
        "{HEAD}{}{}{}{}",
        figure("a", "median", "$30", ""),
        figure("b", "mean", "$0", ""),
        figure("c", "mean", "$5", "").replace("\"bls\"", "\"nope\""),
        figure("d", "mean", "$5", "").replace("\"bls\"", "\"blog\""),
    );
    let problems = parse_text(&text).unwrap_err();
    let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages.contains(&"figure `b` has a zero amount"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"unknown source id `nope`"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"a figure from an article has no `status`"),
        "{messages:?}"
    );
    let line_of_b = problems
        .iter()
        .find(|p| p.message.contains("`b`"))
        .unwrap()
        .line
        .unwrap();
    assert_eq!(line_of_b, 18);
}

#[test]
fn rejects_negative_amounts_and_missing_fields() {
    let problems = parse_text(&format!("{HEAD}{}", figure("a", "median", "-$5", ""))).unwrap_err();
    assert!(
        problems[0].message.contains("the amount is negative"),
        "{}",
        problems[0].message
    );
    let problems = parse_text(&format!(
        "{HEAD}{}",
        figure("a", "median", "$5", "").replace("scope = \"national\"\n", "")
    ))
    .unwrap_err();
    assert!(
        problems[0].message.contains("missing field `scope`"),
        "{}",
        problems[0].message
    );
}

#[test]
fn reads_scopes_and_release_years() {
    assert_eq!(
        Scope::parse("industry: Offices of physicians"),
        Some(Scope::Industry("Offices of physicians".into()))
    );
    assert_eq!(Scope::parse("planet: Mars"), None);
    assert_eq!(Scope::parse("facility:"), None);
    assert_eq!(release_year("OEWS May 2019"), Some(2019));
    assert_eq!(release_year("undated"), None);
}

#[test]
fn reads_fees_and_refuses_a_fee_without_a_usable_amount() {
    let fee = |id: &str, amount: &str| {
        format!(
            "[[fee]]\nid = \"{id}\"\nwhat = \"RHIT exam\"\namount = \"{amount}\"\nas_of = \"June 2026\"\nsource = \"bls\"\n"
        )
    };
    let median = figure("m", "median", "$30", "");
    let data = parse_text(&format!("{HEAD}{median}{}", fee("rhit", "$229"))).unwrap();
    assert_eq!(data.fee("rhit").unwrap().amount, Cents::from_dollars(229));
    let problems = parse_text(&format!("{HEAD}{median}{}", fee("rhit", "free"))).unwrap_err();
    assert!(
        problems[0]
            .message
            .contains("fee `rhit` has the amount `free`"),
        "{problems:?}"
    );
}

#[test]
fn a_claim_is_checked_against_an_existing_public_figure_only() {
    let median = figure("m", "median", "$30", "");
    let claim = |target: &str| {
        figure(
            "c",
            "median",
            "$31",
            &format!("status = \"mislabelled\"\nnote = \"n\"\nchecked_against = \"{target}\"\n"),
        )
        .replace("source = \"bls\"", "source = \"blog\"")
    };
    assert!(parse_text(&format!("{HEAD}{median}{}", claim("m"))).is_ok());
    let problems = parse_text(&format!("{HEAD}{median}{}", claim("nope"))).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("`c` is checked against `nope`")),
        "{problems:?}"
    );
}

#[test]
fn an_older_code_comes_with_its_bls_title() {
    let older =
        "soc = \"29-2071\"\nsoc_title = \"Medical Records and Health Information Technicians\"\n";
    let data = parse_text(&format!("{HEAD}{}", figure("old", "median", "$30", older))).unwrap();
    assert_eq!(
        data.figures[0].soc_title.as_deref(),
        Some("Medical Records and Health Information Technicians")
    );
    let problems = parse_text(&format!(
        "{HEAD}{}",
        figure("old", "median", "$30", "soc = \"29-2071\"\n")
    ))
    .unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .contains("figure `old` gives one of `soc` and `soc_title` without the other"),
        "{problems:?}"
    );
}

#[test]
fn a_claim_only_pages_quoting_bls_back_is_not_labelled_confirmed() {
    let claim = figure(
        "c",
        "p90",
        "$31",
        "status = \"matches_quotes\"\nnote = \"n\"\n",
    )
    .replace("source = \"bls\"", "source = \"blog\"");
    let data = parse_text(&format!(
        "{HEAD}{}{claim}",
        figure("m", "median", "$30", "")
    ))
    .unwrap();
    let status = data.figures[1].status.unwrap();
    assert_eq!(status, Status::MatchesQuotes);
    assert_ne!(status.label(), Status::Confirmed.label());
}

#[test]
fn parses_each_soc_code_once_and_names_a_bad_one_with_its_line_and_fix() {
    let data = parse_text(&format!("{HEAD}{}", distribution_text())).unwrap();
    assert_eq!(data.occupations[0].soc.to_string(), "11-9111");
    assert_eq!(data.occupations[0].credential, None);
    let bad = HEAD.replace("\"11-9111\"", "\"119111\"");
    let problems = parse_text(&format!("{bad}{}", distribution_text())).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message,
        "occupation `manager` has `soc = \"119111\"`, which is not a SOC code"
    );
    assert_eq!(problems[0].line, Some(2), "the occupation's line");
    assert!(
        problems[0].fix.contains("soc = \"29-2072\""),
        "{:?}",
        problems[0].fix
    );
    let older = figure(
        "old",
        "median",
        "$5",
        "soc = \"29-207\"\nsoc_title = \"T\"\n",
    );
    let problems = parse_text(&format!("{HEAD}{older}")).unwrap_err();
    assert_eq!(
        problems[0].message,
        "figure `old` has `soc = \"29-207\"`, which is not a SOC code"
    );
}

#[test]
fn the_comparisons_defaults_are_content_checked_against_the_occupations() {
    let data = parse_text(&format!("{HEAD}{}", distribution_text())).unwrap();
    assert_eq!(
        data.comparison.occupation, "manager",
        "the first occupation"
    );
    assert_eq!(data.comparison.baseline, "manager");
    let chosen = "[comparison]\noccupation = \"manager\"\nbaseline = \"nurse\"\n";
    let occupations = HEAD.strip_prefix("reviewed = 2026-11-22\n").unwrap();
    let text = format!("reviewed = 2026-11-22\n{chosen}{occupations}");
    let problems = parse_text(&format!("{text}{}", distribution_text())).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].message, "unknown occupation `nurse`");
    assert_eq!(problems[0].line, Some(2), "the [comparison] table's line");
    assert_eq!(
        problems[0].fix,
        "use the id of an [[occupation]] entry: manager"
    );
}
