//! The site model built from the loaded content: pages with their URLs, navigation, tables of
//! contents, sources, and the check that every internal link and anchor resolves.

mod figures;
mod links;
pub mod routes;

use crate::words::Words;
use std::path::{Path, PathBuf};

use crate::content::{self, Figures, Heading, LoadedPage};
use crate::diagnostics::{Date, Problem, Problems};
use crate::oews::{Extract, Soc};
use crate::pay::Directory;
use crate::salary::data::Scope;
use crate::salary::{self, SalaryData};
use crate::sources::Source;
use figures::GuideFigures;

/// The home page's site path.
pub const HOME: &str = "/";
/// The guide's chapter list; generated unless `content/en/guide/index.md` exists.
pub const GUIDE_INDEX: &str = "/guide";
/// The page that lists every source; each source id is an anchor on it.
pub const SOURCES_PAGE: &str = "/sources";
/// What a chapter's printable fact sheet adds to the chapter's address.
pub const FACT_SHEET: &str = "/fact-sheet";
/// The salary comparison, computed per request from the salary data.
pub const SALARY_PAGE: &str = "/salary";

/// What part a page plays in the site's navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `/`.
    Home,
    /// A chapter of the guide, under `/guide/`.
    Chapter,
    /// Any other page (`/sources`, `/glossary`, `/about`), listed in the primary navigation.
    Other,
}

/// One entry of a table of contents; `children` holds the level-3 headings under a level-2 one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    pub children: Vec<TocEntry>,
}

/// A page ready to be put in the layout: checked, rendered, with its place in the site.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    /// The file it came from, relative to the site folder.
    pub file: PathBuf,
    pub kind: PageKind,
    pub title: String,
    pub description: String,
    pub updated: Date,
    pub source_ids: Vec<String>,
    pub weight: i64,
    /// The body as HTML, from the one Markdown entry point.
    pub html: content::markdown::Html,
    pub toc: Vec<TocEntry>,
    pub word_count: usize,
    /// Former addresses that redirect here.
    pub aliases: Vec<String>,
}

/// The whole site: pages in navigation order, the sources they cite, and the salary data.
#[derive(Debug, Clone)]
pub struct Site {
    /// Every word the site says outside its Markdown, in the site's language.
    pub words: &'static Words,
    /// Home first, then chapters by weight, then other pages by weight.
    pub pages: Vec<Page>,
    pub sources: Vec<Source>,
    pub salary: SalaryData,
    /// The OEWS release's extract from `content/oews/`, behind pay by area; `None` for a site
    /// without one (fixture sites that need no pay data).
    pub oews: Option<Extract>,
    /// The areas with figures for at least one occupation, each with its page's address; empty
    /// without an extract.
    pub areas: Directory,
    /// Former addresses of area pages, from `content/pay-aliases.toml`.
    pub area_aliases: Vec<crate::pay::aliases::AreaAlias>,
    /// BLS's Employment Projections for the guide's occupations, from `content/projections/`;
    /// `None` for a site without them.
    pub projections: Option<crate::projections::Projections>,
    /// The schools that award HIM credentials, from `content/schools/`; `None` for a site
    /// without them.
    pub schools: Option<crate::schools::Schools>,
    /// Pay in each area of `oews`, built on the area's first request, with BEA's price levels
    /// from `content/prices/` if the site has them.
    pub area_pay: salary::area::AreaCache,
    /// The quick-facts table (every occupation's newest median, growth and entry education) as
    /// HTML from the one Markdown entry point, for the printable fact sheets.
    pub quick_facts_html: content::markdown::Html,
}

/// A page's place in the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapEntry {
    pub url: String,
    pub lastmod: Date,
}

/// Home first, then chapters by weight, then other pages by weight; titles break ties.
fn in_navigation_order(mut pages: Vec<Page>) -> Vec<Page> {
    pages.sort_by(|a, b| {
        let rank = |kind| match kind {
            PageKind::Home => 0,
            PageKind::Chapter => 1,
            PageKind::Other => 2,
        };
        (rank(a.kind), a.weight, &a.title).cmp(&(rank(b.kind), b.weight, &b.title))
    });
    pages
}

/// A problem for each page every site needs (home and sources) that it lacks.
fn required_pages(loaded: &[LoadedPage], failed_urls: &[String], words: &Words) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (url, file) in [(HOME, "index.md"), (SOURCES_PAGE, "sources.md")] {
        let exists =
            loaded.iter().any(|page| page.url == url) || failed_urls.iter().any(|u| u == url);
        if !exists {
            problems.push(Problem::new(
                content::pages_dir(words.lang.tag()).join(file),
                None,
                format!("the site has no page at {url}"),
                format!(
                    "create content/{}/{file}: every site needs it",
                    words.lang.tag()
                ),
            ));
        }
    }
    problems
}

impl Site {
    /// Loads, renders and checks everything under `site_dir`; the error lists every problem found.
    pub fn load(site_dir: &Path) -> Result<Site, Problems> {
        Site::load_with(site_dir, Words::english())
    }

    /// [`Site::load`], saying everything outside the Markdown in `words`: the tests' pseudo-locale.
    pub fn load_with(site_dir: &Path, words: &'static Words) -> Result<Site, Problems> {
        if let Some(problem) = content::missing_content_dir(site_dir) {
            return Err(Problems(vec![problem]));
        }
        let (sources, mut problems) = content::load_sources(site_dir);
        let Extracts {
            oews,
            projections,
            prices,
            mut schools,
        } = load_extracts(site_dir, &sources, &mut problems);
        let salary = load_salary(site_dir, &sources).and_then(|mut data| {
            problems.extend(add_imported(
                site_dir,
                &mut data,
                oews.as_ref(),
                projections.as_ref(),
                &sources,
            ));
            // Pages and the comparison read every occupation's median: refuse the data without.
            let missing = missing_medians(&data);
            if missing.is_empty() {
                Ok(data)
            } else {
                Err(missing)
            }
        });
        let areas = match (&oews, &salary) {
            (Some(extract), Ok(data)) => area_directory(extract, data),
            _ => Directory::default(),
        };
        if let Some(schools) = &mut schools {
            add_place_names(schools, &areas);
        }
        // Pay in each area, built as the guide's tables ask for it and kept for the site.
        let has_prices = prices.is_some();
        let area_pay = salary::area::AreaCache::new(oews.as_ref()).with_prices(prices);
        // The figure tokens answer from the salary data; without it they stay unchecked, so its
        // problems are not repeated for every token that cites it.
        let figures = salary.as_ref().ok().map(|data| {
            GuideFigures::new(
                words,
                data,
                &sources,
                oews.as_ref(),
                projections.as_ref(),
                &areas,
                &area_pay,
            )
        });
        if let Err(found) = &salary {
            problems.extend(found.iter().cloned());
        }
        let content = content::load(
            site_dir,
            words.lang.tag(),
            &words.site.heading_anchor,
            &sources,
            figures.as_ref().map_or(&Unchecked as &dyn Figures, |f| f),
        );
        let quick_facts_html = figures.as_ref().map(quick_facts_html).unwrap_or_default();
        let content::Content {
            pages: loaded,
            failed_urls,
            problems: page_problems,
        } = content;
        problems.extend(page_problems);
        problems.extend(required_pages(&loaded, &failed_urls, words));
        let generated = |url: &str| {
            generated_anchors(
                url,
                schools.as_ref(),
                &areas,
                salary.as_ref().ok(),
                has_prices,
            )
        };
        problems.extend(links::check(&loaded, &sources, &failed_urls, &generated));
        problems.extend(check_aliases(&loaded));

        let area_aliases = crate::pay::aliases::load(site_dir, &areas).unwrap_or_else(|found| {
            problems.extend(found);
            Vec::new()
        });
        let salary = match salary {
            Ok(salary) if problems.is_empty() => salary,
            _ => {
                problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
                return Err(Problems(problems));
            }
        };

        let pages = in_navigation_order(loaded.into_iter().map(Page::from_loaded).collect());
        Ok(Site {
            words,
            pages,
            sources,
            salary,
            area_pay,
            oews,
            projections,
            schools,
            areas,
            area_aliases,
            quick_facts_html,
        })
    }

    /// Where the salary comparison looks areas up; `None` for a site without the OEWS extract.
    pub fn area_lookup(&self) -> Option<salary::area::Areas<'_>> {
        let extract = self.oews.as_ref()?;
        Some(salary::area::Areas::new(
            extract,
            &self.salary,
            &self.area_pay,
        ))
    }

    /// BEA's price levels for the areas of `oews`; `None` for a site without them.
    pub fn prices(&self) -> Option<&crate::prices::Prices> {
        self.area_pay.prices()
    }

    pub fn page(&self, url: &str) -> Option<&Page> {
        self.pages.iter().find(|page| page.url == url)
    }

    /// The guide's chapters in reading order.
    pub fn chapters(&self) -> impl Iterator<Item = &Page> {
        self.pages
            .iter()
            .filter(|page| page.kind == PageKind::Chapter)
    }

    /// Pages other than home and chapters, in navigation order.
    pub fn other_pages(&self) -> impl Iterator<Item = &Page> {
        self.pages
            .iter()
            .filter(|page| page.kind == PageKind::Other)
    }

    /// Whether the chapter list at `/guide` is generated (no page of the content claims that URL).
    pub fn has_generated_guide_index(&self) -> bool {
        self.page(GUIDE_INDEX).is_none() && self.chapters().next().is_some()
    }

    /// The chapters before and after `url` in reading order.
    pub fn neighbours(&self, url: &str) -> (Option<&Page>, Option<&Page>) {
        let chapters: Vec<&Page> = self.chapters().collect();
        match chapters.iter().position(|page| page.url == url) {
            Some(i) => (
                i.checked_sub(1).map(|j| chapters[j]),
                chapters.get(i + 1).copied(),
            ),
            None => (None, None),
        }
    }

    /// Every former address with the page it now redirects to.
    pub fn redirects(&self) -> impl Iterator<Item = (&str, &str)> {
        let pages = self.pages.iter().flat_map(|page| {
            page.aliases
                .iter()
                .map(move |alias| (alias.as_str(), page.url.as_str()))
        });
        let areas = self
            .area_aliases
            .iter()
            .map(|alias| (alias.from.as_str(), alias.to.as_str()));
        pages.chain(areas)
    }

    /// The sources `page` cites, in the order its front matter lists them.
    pub fn sources_of(&self, page: &Page) -> Vec<&Source> {
        page.source_ids
            .iter()
            .filter_map(|id| self.source(id))
            .collect()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Every page a search engine should know, with the date it last changed.
    pub fn sitemap(&self) -> Vec<SitemapEntry> {
        let mut entries: Vec<SitemapEntry> = self
            .pages
            .iter()
            .map(|page| SitemapEntry {
                url: page.url.clone(),
                lastmod: page.updated,
            })
            .collect();
        if self.has_generated_guide_index() {
            let lastmod = self
                .chapters()
                .map(|page| page.updated)
                .max()
                .expect("chapters exist");
            entries.insert(
                1,
                SitemapEntry {
                    url: GUIDE_INDEX.to_string(),
                    lastmod,
                },
            );
        }
        entries.push(SitemapEntry {
            url: SALARY_PAGE.to_string(),
            lastmod: self.salary.reviewed,
        });
        if let Some(extract) = &self.oews {
            // Area pages change when a release is imported: they date from its retrieval.
            let lastmod = extract.release.retrieved;
            entries.push(SitemapEntry {
                url: crate::pay::PAY_PAGE.to_string(),
                lastmod,
            });
            entries.extend(self.areas.pages().map(|area| SitemapEntry {
                url: area.url(),
                lastmod,
            }));
        }
        if let Some(schools) = &self.schools {
            // The schools' pages change when the schools are imported again.
            let lastmod = schools.release.retrieved;
            let entry = |url: String| SitemapEntry { url, lastmod };
            entries.push(entry(crate::schools::PROGRAMS_PAGE.to_string()));
            entries.extend(
                self.areas
                    .states()
                    .filter(|state| schools.in_state(state.state).next().is_some())
                    .map(|state| entry(crate::schools::state_list_url(&state.slug))),
            );
            entries.extend(
                schools
                    .all()
                    .iter()
                    .map(|school| entry(crate::schools::school_url(school.unitid))),
            );
        }
        entries
    }
}

impl PageKind {
    /// The part a page at site path `url` plays: chapters are the pages under `/guide/`.
    pub fn of(url: &str) -> PageKind {
        if url == HOME {
            PageKind::Home
        } else if url.starts_with("/guide/") {
            PageKind::Chapter
        } else {
            PageKind::Other
        }
    }
}

impl Page {
    fn from_loaded(loaded: LoadedPage) -> Page {
        let kind = PageKind::of(&loaded.url);
        let front = loaded.front_matter;
        Page {
            toc: table_of_contents(&loaded.rendered.headings),
            url: loaded.url,
            file: loaded.file,
            kind,
            title: front.title,
            description: front.description,
            updated: front.updated,
            source_ids: front.sources.into_iter().map(|(id, _)| id).collect(),
            weight: front.weight,
            html: loaded.rendered.html,
            word_count: loaded.rendered.word_count,
            aliases: front.aliases.into_iter().map(|(alias, _)| alias).collect(),
        }
    }
}

/// Adds the OEWS extract's current figures to `data`: they must cite a listed source, and their ids
/// must be free.
fn add_current_figures(
    data: &mut SalaryData,
    extract: &Extract,
    sources: &[Source],
) -> Vec<Problem> {
    let release_file = Path::new(crate::oews::EXTRACT_DIR).join("release.toml");
    let source = salary::current::source_id(extract);
    let mut problems = Vec::new();
    if !sources.is_empty() && !sources.iter().any(|s| s.id == source) {
        problems.push(Problem::new(
            &release_file,
            None,
            format!(
                "the OEWS release {} has no source `{source}`",
                extract.release.name
            ),
            format!("add a [[source]] with id = \"{source}\" for it to content/sources.toml"),
        ));
    }
    let current = salary::current::figures(extract, &data.occupations);
    for occupation in &data.occupations {
        if !current
            .iter()
            .any(|f| f.occupation == occupation.id && f.scope == Scope::National)
        {
            problems.push(Problem::new(
                &release_file,
                None,
                format!("the OEWS extract has no national figures for {} ({})", occupation.id, occupation.soc),
                "import the release again with this occupation, or check its soc in content/salary.toml",
            ));
        }
    }
    for figure in &current {
        if data.figure(&figure.id).is_some() {
            problems.push(Problem::new(
                Path::new(content::CONTENT_DIR).join(SALARY_FILE),
                None,
                format!(
                    "the figure id `{}` is taken by the OEWS extract's current figures",
                    figure.id
                ),
                "rename the figure in content/salary.toml",
            ));
        }
    }
    data.figures.extend(current);
    problems
}

/// One problem for each occupation with no national annual median, from `content/salary.toml` or
/// the OEWS extract's current figures (added before this check).
fn missing_medians(data: &SalaryData) -> Vec<Problem> {
    data.occupations_without_median()
        .map(|occupation| {
            Problem::new(
                Path::new(content::CONTENT_DIR).join(SALARY_FILE),
                None,
                format!(
                    "occupation `{}` ({}) has no national annual median from a data source",
                    occupation.id, occupation.soc
                ),
                "import the OEWS release again so that it keeps this occupation (README.md, \
                 \"Refreshing the pay data\"), or add its median from the BLS Occupational \
                 Outlook Handbook to content/salary.toml",
            )
        })
        .collect()
}

/// The anchors of a page the site generates rather than reads from `content/` (an area's pay, the
/// schools' pages), if `url` is one, for the link check.
fn generated_anchors(
    url: &str,
    schools: Option<&crate::schools::Schools>,
    areas: &Directory,
    salary: Option<&SalaryData>,
    has_prices: bool,
) -> Option<Vec<String>> {
    if url.starts_with(crate::schools::PROGRAMS_PAGE)
        || url.starts_with(crate::schools::SCHOOLS_FOLDER)
    {
        return program_anchors(schools?, areas, url);
    }
    crate::pay::page_anchors(areas, &salary?.occupations, has_prices, url)
}

/// Lets a reader search the schools by their state's or metro area's name, as the directory of
/// areas names them.
fn add_place_names(schools: &mut crate::schools::Schools, areas: &Directory) {
    schools.add_place_names(|school| {
        [Some(school.fips.area()), school.area]
            .into_iter()
            .flatten()
            .filter_map(|code| areas.by_code(code))
            .map(|listing| listing.name.as_str())
            .collect()
    });
}

/// The anchors of `/programs`, a state's list of schools or a school's page, if `url` is one
/// of them, for the link check.
fn program_anchors(
    schools: &crate::schools::Schools,
    areas: &Directory,
    url: &str,
) -> Option<Vec<String>> {
    let anchors = |ids: &[&str]| Some(ids.iter().map(|id| (*id).to_string()).collect());
    if url == crate::schools::PROGRAMS_PAGE {
        return anchors(&["search-title", "cannot-say-title", "states-title"]);
    }
    if let Some(slug) = url
        .strip_prefix(crate::schools::PROGRAMS_PAGE)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        areas
            .by_slug(slug)
            .filter(|l| l.area_type == crate::oews::AreaType::State)?;
        return anchors(&["search-title", "cannot-say-title", "results-title"]);
    }
    let id = url
        .strip_prefix(crate::schools::SCHOOLS_FOLDER)?
        .strip_prefix('/')
        .and_then(crate::schools::UnitId::parse)?;
    schools.get(id)?;
    anchors(&[
        "programmes-title",
        "costs-title",
        "outcomes-title",
        "pay-title",
    ])
}

/// The imported data extracts a site may have.
struct Extracts {
    oews: Option<Extract>,
    projections: Option<crate::projections::Projections>,
    prices: Option<crate::prices::Prices>,
    schools: Option<crate::schools::Schools>,
}

/// The imported data extracts the site has, `content/oews/`, `content/projections/`,
/// `content/prices/` and `content/schools/`, each `None` where the site has none or it has
/// problems, which go to `problems`. The price levels and the schools must match the OEWS
/// extract's areas and have their sources listed.
fn load_extracts(site_dir: &Path, sources: &[Source], problems: &mut Vec<Problem>) -> Extracts {
    fn reported<T>(
        loaded: Result<Option<T>, Vec<Problem>>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        loaded.unwrap_or_else(|found| {
            problems.extend(found);
            None
        })
    }
    let oews = reported(Extract::load_if_present(site_dir), problems);
    let projections = reported(crate::projections::load(site_dir), problems);
    let prices = reported(crate::prices::load(site_dir), problems);
    if let Some(prices) = &prices {
        let release = Path::new(crate::prices::EXTRACT_DIR).join("release.toml");
        match &oews {
            Some(extract) => problems.extend(prices.check_against(extract)),
            None => problems.push(Problem::new(
                &release,
                None,
                "the price levels are matched to the OEWS extract's areas, and the site has none",
                "import the pay data (content/oews/) or remove content/prices/",
            )),
        }
        let source = prices.release.source_id();
        if !sources.iter().any(|s| s.id == source) {
            problems.push(Problem::new(
                &release,
                None,
                format!(
                    "the price levels of {} have no source `{source}`",
                    prices.release.year
                ),
                format!("add a [[source]] with id `{source}` to content/sources.toml"),
            ));
        }
    }
    let schools = reported(crate::schools::load(site_dir), problems);
    if let Some(schools) = &schools {
        let release = Path::new(crate::schools::EXTRACT_DIR).join("release.toml");
        match &oews {
            Some(extract) => problems.extend(schools.check_against(extract)),
            None => problems.push(Problem::new(
                &release,
                None,
                "the schools are placed in the OEWS extract's metro areas, and the site has none",
                "import the pay data (content/oews/) or remove content/schools/",
            )),
        }
        problems.extend(schools.check_sources(|id| sources.iter().any(|s| s.id == id)));
    }
    Extracts {
        oews,
        projections,
        prices,
        schools,
    }
}

/// Adds what the imported extracts provide to `data`: the OEWS release's current figures and the
/// projections' newest edition, whose entry education `content/salary.toml` under `site_dir` must
/// agree with.
fn add_imported(
    site_dir: &Path,
    data: &mut SalaryData,
    oews: Option<&Extract>,
    projections: Option<&crate::projections::Projections>,
    sources: &[Source],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(extract) = oews {
        problems.extend(add_current_figures(data, extract, sources));
    }
    if let Some(projections) = projections {
        problems.extend(add_projections(data, projections, sources));
        problems.extend(entry_education_problems(site_dir, data, projections));
    }
    problems
}

/// Adds the projections extract's edition to `data`'s projections, one for each occupation, with
/// the id `OCCUPATION-EDITION` (`manager-2024-34`): pages cite them like any projection, and the
/// newest window leads the quick facts. Its source, `bls-ep-EDITION`, must be listed; an occupation
/// without a row, or an id `salary.toml` already uses, is a problem.
fn add_projections(
    data: &mut SalaryData,
    projections: &crate::projections::Projections,
    sources: &[Source],
) -> Vec<Problem> {
    let table = Path::new(crate::projections::EXTRACT_DIR).join("occupations.tsv");
    let edition = &projections.release.edition;
    let source = format!("bls-ep-{edition}");
    let mut problems = Vec::new();
    if !sources.is_empty() && !sources.iter().any(|s| s.id == source) {
        problems.push(Problem::new(
            Path::new(crate::projections::EXTRACT_DIR).join("release.toml"),
            None,
            format!("the projections edition {edition} has no source `{source}`"),
            format!("add a [[source]] with id = \"{source}\" for it to content/sources.toml"),
        ));
    }
    let mut added = Vec::new();
    for occupation in &data.occupations {
        let Some(row) = projections.for_soc(occupation.soc) else {
            problems.push(Problem::new(
                &table,
                None,
                format!(
                    "the projections extract has no row for {} ({}), which content/salary.toml names",
                    occupation.id, occupation.soc
                ),
                "import the projections again, which keeps every occupation content/salary.toml \
                 names (docs/data-refresh.md, \"Refreshing the projections\")",
            ));
            continue;
        };
        let id = format!("{}-{edition}", occupation.id);
        if data.projection(&id).is_some() {
            problems.push(Problem::new(
                Path::new("content").join(SALARY_FILE),
                None,
                format!("the projection id `{id}` is taken by the projections extract"),
                format!("remove the [[projection]] `{id}`: the extract provides it"),
            ));
            continue;
        }
        // A projection here is growth; a decline would need words of its own first.
        let tenths = row.change_percent.0;
        if tenths < 0 {
            problems.push(Problem::new(
                &table,
                None,
                format!(
                    "BLS projects {} to decline, which the guide cannot show yet",
                    occupation.soc
                ),
                "teach salary's Projection a decline before importing this edition",
            ));
            continue;
        }
        // BLS's Occupational Outlook Handbook shows growth as a whole percent: so does the guide.
        let growth = (tenths + 5) / 10;
        added.push(salary::data::Projection {
            id,
            occupation: occupation.id.clone(),
            window: edition.clone(),
            growth_percent: u32::try_from(growth).unwrap_or(u32::MAX),
            pace: None,
            new_jobs: u32::try_from(row.change).ok(),
            base_jobs: u32::try_from(row.employment_start).ok(),
            openings_per_year: u32::try_from(row.openings_per_year).ok(),
            source: source.clone(),
            status: None,
            note: None,
            checked_against: None,
        });
    }
    // The newest edition first: tables of projections lead with it.
    data.projections.splice(0..0, added);
    problems
}

/// One problem for each occupation whose `entry_education` in `content/salary.toml` is not the
/// typical entry education of the projections' edition. The quick facts and the salary page's
/// structured data (schema.org's `educationRequirements`) show that field, so it must say what the
/// newest edition says; each problem names the field's line.
fn entry_education_problems(
    site_dir: &Path,
    data: &SalaryData,
    projections: &crate::projections::Projections,
) -> Vec<Problem> {
    let path = Path::new(content::CONTENT_DIR).join(SALARY_FILE);
    let text = std::fs::read_to_string(site_dir.join(&path)).unwrap_or_default();
    let edition = &projections.release.edition;
    data.occupations
        .iter()
        .filter_map(|occupation| {
            let row = projections.for_soc(occupation.soc)?;
            (occupation.entry_education != row.education).then(|| {
                Problem::new(
                    &path,
                    entry_education_line(&text, &occupation.id),
                    format!(
                        "occupation `{}` ({}) gives its entry education as `{}`, but BLS's \
                         {edition} projections give `{}`",
                        occupation.id, occupation.soc, occupation.entry_education, row.education
                    ),
                    format!(
                        "write entry_education = \"{}\", as BLS's newest edition has it",
                        row.education
                    ),
                )
            })
        })
        .collect()
}

/// The line of `entry_education` in the `[[occupation]]` whose id is `id`, in salary.toml's
/// `text`; `None` if it is not written on a line of its own.
fn entry_education_line(text: &str, id: &str) -> Option<usize> {
    let wanted = format!("id = {id:?}");
    // Per `[[occupation]]` block: whether it is `id`'s, and its entry_education's line.
    let (mut in_occupation, mut is_wanted, mut line_of) = (false, false, None);
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            if is_wanted {
                break;
            }
            (in_occupation, line_of) = (line == "[[occupation]]", None);
        } else if in_occupation && line == wanted {
            is_wanted = true;
        } else if in_occupation && line.starts_with("entry_education") {
            line_of = Some(number + 1);
        }
    }
    line_of.filter(|_| is_wanted)
}

/// The areas of `extract` with figures for at least one of `data`'s occupations.
fn area_directory(extract: &Extract, data: &SalaryData) -> Directory {
    let socs: Vec<Soc> = data.occupations.iter().map(|o| o.soc).collect();
    Directory::build(extract, &socs)
}

/// The salary data file, relative to the content folder.
pub const SALARY_FILE: &str = "salary.toml";

/// The SOC codes of the occupations `content/salary.toml` under `site_dir` names, in its order:
/// what the OEWS import keeps of BLS's data. Reads only the sources and the salary data, so it
/// works before the first import as after it.
pub fn occupation_socs(site_dir: &Path) -> Result<Vec<Soc>, Problems> {
    let (sources, mut problems) = content::load_sources(site_dir);
    match load_salary(site_dir, &sources) {
        Ok(data) if problems.is_empty() => Ok(data.occupations.iter().map(|o| o.soc).collect()),
        Ok(_) => Err(Problems(problems)),
        Err(found) => {
            problems.extend(found);
            Err(Problems(problems))
        }
    }
}

/// Reads and checks `content/salary.toml` under `site_dir` against `sources`.
fn load_salary(site_dir: &Path, sources: &[Source]) -> Result<SalaryData, Vec<Problem>> {
    let path = Path::new(content::CONTENT_DIR).join(SALARY_FILE);
    let text = std::fs::read_to_string(site_dir.join(&path)).map_err(|err| {
        vec![Problem::new(
            &path,
            None,
            format!("cannot read the salary data: {err}"),
            "create content/salary.toml with the pay figures the guide and the salary comparison show",
        )]
    })?;
    salary::data::parse(&path, &text, sources)
}

/// The quick-facts table as HTML, through the one Markdown entry point.
fn quick_facts_html(figures: &GuideFigures<'_>) -> content::markdown::Html {
    let ctx = content::markdown::RenderContext {
        file: Path::new("content/salary.toml"),
        content_path: Path::new(""),
        urls: &std::collections::HashMap::new(),
        first_line: 1,
        figures,
        reviewed_html: &[],
        // A table has no headings to link to.
        anchor_label: "",
    };
    content::markdown::render("{{table:quick-facts}}", &ctx).html
}

/// Every alias must be free: not a page or a chapter's fact sheet, not an address the site answers
/// itself, not another page's alias.
fn check_aliases(pages: &[LoadedPage]) -> Vec<Problem> {
    let is_page = |alias: &str| {
        alias == GUIDE_INDEX
            || pages.iter().any(|p| {
                p.url == alias
                    || (PageKind::of(&p.url) == PageKind::Chapter
                        && alias.strip_prefix(p.url.as_str()) == Some(FACT_SHEET))
            })
    };
    let mut seen: std::collections::HashMap<&str, &Path> = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for page in pages {
        for (alias, line) in &page.front_matter.aliases {
            let clash = if is_page(alias) {
                Some("is the address of a page that exists".to_string())
            } else if routes::is_reserved(alias) {
                Some("is an address the site answers itself".to_string())
            } else {
                seen.insert(alias, &page.file)
                    .map(|other| format!("is already an alias of {}", other.display()))
            };
            if let Some(clash) = clash {
                problems.push(Problem::new(
                    &page.file,
                    Some(*line),
                    format!("the alias `{alias}` {clash}"),
                    "an alias must be a former address that nothing else answers now; remove it",
                ));
            }
        }
    }
    problems
}

/// Stands in for the salary data when it failed to load, so that its problems are not repeated for
/// every token that cites it.
struct Unchecked;

impl Figures for Unchecked {
    fn inline(&self, _: &str) -> Result<String, String> {
        Ok(String::new())
    }

    fn table(&self, _: &str) -> Result<String, String> {
        Ok(String::new())
    }
}

/// Level-2 headings with the level-3 headings under each; deeper headings stay out of the way.
fn table_of_contents(headings: &[Heading]) -> Vec<TocEntry> {
    let mut toc: Vec<TocEntry> = Vec::new();
    for heading in headings {
        let entry = TocEntry {
            id: heading.id.clone(),
            text: heading.text.clone(),
            children: Vec::new(),
        };
        match (heading.level, toc.last_mut()) {
            (2, _) => toc.push(entry),
            (3, Some(parent)) => parent.children.push(entry),
            (3, None) => toc.push(entry),
            _ => {}
        }
    }
    toc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.into(),
            text: id.to_uppercase(),
        }
    }

    #[test]
    fn finds_the_entry_education_line_of_the_occupation_named() {
        let text = "reviewed = 2026-11-22\n\n[[occupation]]\nid = \"specialist\"\n\
                    entry_education = \"Postsecondary nondegree award\"\n\n[[occupation]]\n\
                    entry_education = \"Associate's degree\"\nid = \"technologist\"\n\n\
                    [[figure]]\nid = \"manager\"\nentry_education = \"x\"\n";
        assert_eq!(entry_education_line(text, "specialist"), Some(5));
        assert_eq!(entry_education_line(text, "technologist"), Some(8));
        // A [[figure]] with the same id is not an occupation.
        assert_eq!(entry_education_line(text, "manager"), None);
    }

    #[test]
    fn nests_level_three_headings_under_level_two() {
        let toc = table_of_contents(&[
            heading(3, "orphan"),
            heading(2, "pay"),
            heading(3, "by-year"),
            heading(4, "deep"),
            heading(3, "by-place"),
            heading(2, "outlook"),
        ]);
        let top: Vec<_> = toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(top, ["orphan", "pay", "outlook"]);
        let under_pay: Vec<_> = toc[1].children.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(under_pay, ["by-year", "by-place"]);
        assert_eq!(toc[1].text, "PAY");
    }
}
