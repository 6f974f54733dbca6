//! The one table of addresses the site answers itself, apart from its pages: the app factory mounts
//! them, the alias check keeps pages' former addresses off them, and the export writes the ones a
//! static host can serve.

/// What answers at a reserved address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Healthz,
    Sitemap,
    Robots,
    Favicon,
    /// The salary comparison as a page.
    Salary,
    SalaryJson,
    SalaryCsv,
    /// The compact comparison other sites frame.
    SalaryEmbed,
    /// Pay where you live: every area, the maps, and the search.
    Pay,
    /// Where to study: the search of the schools, as a page, JSON and CSV.
    Programs,
    ProgramsJson,
    ProgramsCsv,
    /// Under `serve --watch`: the version of the site, and the script that reloads on a new one.
    LiveReload,
    LiveReloadScript,
}

/// A reserved address and what answers there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reserved {
    pub path: &'static str,
    pub route: Route,
    /// Whether a static export writes it as a file (a health check or a framed view has no use there).
    pub exported: bool,
}

const fn reserved(path: &'static str, route: Route, exported: bool) -> Reserved {
    Reserved {
        path,
        route,
        exported,
    }
}

/// Under `serve --watch`: where the script asks for the version of the site (src/web/livereload.js
/// names it too; a test checks they agree), and where pages load the script.
pub const LIVE_RELOAD_VERSION: &str = "/__livereload";
pub const LIVE_RELOAD_SCRIPT: &str = "/__livereload.js";

/// Every address answered by a route rather than a page.
pub const ROUTES: &[Reserved] = &[
    reserved("/healthz", Route::Healthz, false),
    reserved("/sitemap.xml", Route::Sitemap, true),
    reserved("/robots.txt", Route::Robots, true),
    reserved("/favicon.ico", Route::Favicon, true),
    reserved(super::SALARY_PAGE, Route::Salary, true),
    reserved("/salary.json", Route::SalaryJson, true),
    reserved("/salary.csv", Route::SalaryCsv, true),
    reserved("/embed/salary", Route::SalaryEmbed, false),
    reserved(crate::pay::PAY_PAGE, Route::Pay, true),
    reserved(crate::schools::PROGRAMS_PAGE, Route::Programs, true),
    reserved("/programs.json", Route::ProgramsJson, true),
    reserved("/programs.csv", Route::ProgramsCsv, true),
    reserved(LIVE_RELOAD_VERSION, Route::LiveReload, false),
    reserved(LIVE_RELOAD_SCRIPT, Route::LiveReloadScript, false),
];

/// Folders whose every address the site serves itself: static files, fingerprinted assets, and
/// the area pages, the states' lists of schools and the schools' pages.
pub const RESERVED_FOLDERS: &[&str] = &["/static/", "/assets/", "/pay/", "/programs/", "/schools/"];

/// Whether `path` is answered by a route or lies in a reserved folder.
pub fn is_reserved(path: &str) -> bool {
    ROUTES.iter().any(|r| r.path == path)
        || RESERVED_FOLDERS
            .iter()
            .any(|folder| path.starts_with(folder) || path == folder.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_reserved_folders_are_reserved_and_pages_are_not() {
        for route in ROUTES {
            assert!(is_reserved(route.path), "{}", route.path);
        }
        assert!(is_reserved("/static/style.css"));
        assert!(is_reserved("/assets"));
        assert!(!is_reserved("/salary-guide"));
        assert!(!is_reserved("/guide/salary"));
    }

    #[test]
    fn every_route_has_one_address() {
        for (i, a) in ROUTES.iter().enumerate() {
            assert!(
                ROUTES[i + 1..]
                    .iter()
                    .all(|b| b.path != a.path && b.route != a.route)
            );
        }
    }
}
