//! The him-guide binary: parse the command line, load the site, then check it or serve it.

use std::process::ExitCode;

use clap::Parser;
use him_guide::cli::{Cli, Command, DataCommand};
use him_guide::config::Settings;
use him_guide::diagnostics::Date;
use him_guide::site::Site;
use him_guide::web::Application;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // An export's requests are its own: logging each one would only bury what matters.
    let quiet = matches!(cli.command, Some(Command::Export { .. }));
    let level = if quiet { "warn" } else { "info" };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(level)).init();
    let settings = match Settings::from_options(&cli.options) {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };

    if let Some(Command::Data { command }) = &cli.command {
        return data(command, &settings);
    }

    let started = std::time::Instant::now();
    let site = match Site::load(&settings.site_dir) {
        Ok(site) => site,
        Err(problems) => {
            eprint!("{problems}");
            eprintln!("fix these and run `him-guide check` again; nothing was served.");
            return ExitCode::FAILURE;
        }
    };

    match cli.command.unwrap_or(Command::Serve { watch: false }) {
        Command::Check => {
            println!(
                "content is clean: {} pages and {} sources loaded and checked in {} ms",
                site.pages.len(),
                site.sources.len(),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Command::Export { out, live_url } => {
            if cli.options.base_url.is_none() {
                eprintln!(
                    "error: export needs --base-url, the address the files will be served from"
                );
                return ExitCode::from(2);
            }
            let exported = actix_web::rt::System::new().block_on(him_guide::web::export(
                &settings,
                site,
                &out,
                live_url.as_deref(),
            ));
            match exported {
                Ok(done) => {
                    println!(
                        "exported {} files ({} bytes) to {}",
                        done.files,
                        done.bytes,
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("error: {err:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Data { .. } => unreachable!("data commands return before the site is loaded"),
        Command::Serve { watch } => match serve(settings, site, watch) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn serve(settings: Settings, site: Site, watch: bool) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        if watch {
            return him_guide::web::serve_watching(&settings, site).await;
        }
        let app = Application::build(&settings, site)?;
        log::info!(
            "serving {} on http://{} (public address {})",
            settings.site_dir.display(),
            app.addr(),
            settings.base_url
        );
        app.run().await?;
        Ok(())
    })
}

/// `him-guide data ...`: an import of public data into the extract the guide ships.
fn data(command: &DataCommand, settings: &Settings) -> ExitCode {
    match command {
        DataCommand::ImportOews {
            dir,
            out,
            published,
            retrieved,
        } => import_oews(dir, out.as_deref(), *published, *retrieved, settings),
        DataCommand::ImportProjections {
            file,
            out,
            published,
            retrieved,
        } => import_projections(file, out.as_deref(), *published, *retrieved, settings),
        DataCommand::ImportPrices {
            dir,
            out,
            year,
            retrieved,
        } => import_prices(dir, out.as_deref(), *year, *retrieved, settings),
        DataCommand::ImportSchools {
            dir,
            out,
            retrieved,
        } => import_schools(dir, out.as_deref(), *retrieved, settings),
    }
}

/// The command line as typed, less the path to the binary, as the extracts record it.
fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).map(|a| shell_word(&a)).collect();
    format!("him-guide {}", args.join(" "))
}

/// The SOC codes of the occupations `content/salary.toml` names, which each import keeps.
fn occupation_socs(settings: &Settings) -> Option<Vec<him_guide::oews::Soc>> {
    match him_guide::site::occupation_socs(&settings.site_dir) {
        Ok(occupations) => Some(occupations),
        Err(problems) => {
            eprint!("{problems}");
            eprintln!("the import keeps the occupations content/salary.toml names: fix it first.");
            None
        }
    }
}

/// `him-guide data import-projections FILE`: BLS's occupation workbook into the projections
/// extract, and a summary.
fn import_projections(
    file: &std::path::Path,
    out: Option<&std::path::Path>,
    published: Date,
    retrieved: Date,
    settings: &Settings,
) -> ExitCode {
    let out = out.map_or_else(
        || settings.site_dir.join(him_guide::projections::EXTRACT_DIR),
        std::path::Path::to_path_buf,
    );
    let Some(socs) = occupation_socs(settings) else {
        return ExitCode::FAILURE;
    };
    let options = him_guide::projections::ImportOptions {
        socs: &socs,
        published,
        retrieved,
        url: "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx".into(),
        tables_url:
            "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm".into(),
        command: command_line(),
    };
    let projections = match him_guide::projections::import(file, &options) {
        Ok(projections) => projections,
        Err(err) => {
            eprintln!("error: {err}\nnothing was written.");
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = projections.write(&out) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    let release = &projections.release;
    println!(
        "read BLS Employment Projections {} from {} ({} bytes, sha256 {}); wrote {} with {} occupations",
        release.edition,
        file.display(),
        release.read_bytes,
        release.read_sha256,
        out.display(),
        projections.occupations.len()
    );
    ExitCode::SUCCESS
}

/// The site's OEWS extract, which an import matches its areas to (`why`, said when it is missing
/// or broken); `None` once the reason is printed.
fn oews_extract(settings: &Settings, why: &str) -> Option<him_guide::oews::Extract> {
    match him_guide::oews::Extract::load_if_present(&settings.site_dir) {
        Ok(Some(extract)) => Some(extract),
        Ok(None) => {
            eprintln!(
                "error: no OEWS extract in {}: {why}, so import the pay data first",
                settings
                    .site_dir
                    .join(him_guide::oews::EXTRACT_DIR)
                    .display()
            );
            None
        }
        Err(problems) => {
            eprint!("{}", him_guide::diagnostics::Problems(problems));
            eprintln!("the OEWS extract has problems ({why}): fix it first.");
            None
        }
    }
}

/// `him-guide data import-prices DIR`: BEA's price parity tables matched to the OEWS extract's
/// areas, and a report of every area without a price level.
fn import_prices(
    dir: &std::path::Path,
    out: Option<&std::path::Path>,
    year: Option<u16>,
    retrieved: Date,
    settings: &Settings,
) -> ExitCode {
    let out = out.map_or_else(
        || settings.site_dir.join(him_guide::prices::EXTRACT_DIR),
        std::path::Path::to_path_buf,
    );
    let Some(extract) = oews_extract(settings, "the price levels are matched to its areas") else {
        return ExitCode::FAILURE;
    };
    let options = him_guide::prices::ImportOptions {
        areas: &extract.areas,
        oews_release: extract.release.name.clone(),
        year,
        retrieved,
        url:
            "https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area"
                .into(),
        command: command_line(),
    };
    let prices = match him_guide::prices::import(dir, &options) {
        Ok(prices) => prices,
        Err(err) => {
            eprintln!("error: {err}\nnothing was written.");
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = prices.write(&out) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    let unmatched: Vec<_> = prices.unmatched().collect();
    println!(
        "read BEA Regional Price Parities {} (released {}); wrote {}: {} of {} OEWS {} areas have a price level",
        prices.release.year,
        prices.release.published.iso(),
        out.display(),
        prices.areas.len() - unmatched.len(),
        prices.areas.len(),
        prices.release.oews_release,
    );
    if !unmatched.is_empty() {
        println!(
            "no BEA area matches these {} OEWS areas; their pages say they have no price level:",
            unmatched.len()
        );
        for area in unmatched {
            println!("  {} {}", area.area.as_str(), area.name);
        }
    }
    ExitCode::SUCCESS
}

/// `him-guide data import-schools DIR`: NCES's and Scorecard's files into the schools extract,
/// each school placed in its OEWS metro area, and a summary with every metro CBSA none matched.
fn import_schools(
    dir: &std::path::Path,
    out: Option<&std::path::Path>,
    retrieved: Date,
    settings: &Settings,
) -> ExitCode {
    let out = out.map_or_else(
        || settings.site_dir.join(him_guide::schools::EXTRACT_DIR),
        std::path::Path::to_path_buf,
    );
    let Some(extract) = oews_extract(settings, "the schools are placed in its metro areas") else {
        return ExitCode::FAILURE;
    };
    let options = him_guide::schools::ImportOptions {
        extract: &extract,
        retrieved,
        command: command_line(),
    };
    let imported = match him_guide::schools::import(dir, &options) {
        Ok(imported) => imported,
        Err(err) => {
            eprintln!("error: {err}\nnothing was written.");
            return ExitCode::FAILURE;
        }
    };
    let schools = &imported.schools;
    if let Err(err) = schools.write(&out, &schools.release.to_toml()) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "read NCES IPEDS completions {} and College Scorecard earnings; wrote {}: {} schools, {} programmes, {} completers; {} schools in {} OEWS {} metro areas",
        schools.release.academic_year,
        out.display(),
        schools.all().len(),
        imported.programmes(),
        imported.completers(),
        schools.all().iter().filter(|s| s.area.is_some()).count(),
        schools
            .all()
            .iter()
            .filter_map(|s| s.area)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        schools.release.oews_release,
    );
    for file in &schools.release.files {
        println!(
            "  {:<12} {:<24} {:>9} bytes  sha256 {}",
            file.role.name(),
            file.name,
            file.bytes,
            file.sha256
        );
    }
    if !imported.unmatched.is_empty() {
        eprintln!(
            "no OEWS metro area matches these {} metropolitan CBSAs; their {} schools have no area:",
            imported.unmatched.len(),
            imported.unmatched.iter().map(|u| u.schools).sum::<usize>()
        );
        for cbsa in &imported.unmatched {
            eprintln!(
                "  {} ({} schools in {})",
                cbsa.code,
                cbsa.schools,
                cbsa.places.join("; ")
            );
        }
    }
    ExitCode::SUCCESS
}

/// `him-guide data import-oews DIR`: BLS's flat files into the pay data extract, and a summary.
fn import_oews(
    dir: &std::path::Path,
    out: Option<&std::path::Path>,
    published: Option<Date>,
    retrieved: Option<Date>,
    settings: &Settings,
) -> ExitCode {
    use him_guide::oews::{ImportOptions, InputCheck};
    let out = out.map_or_else(
        || settings.site_dir.join(him_guide::oews::EXTRACT_DIR),
        std::path::Path::to_path_buf,
    );
    let Some(occupations) = occupation_socs(settings) else {
        return ExitCode::FAILURE;
    };
    let options = ImportOptions {
        command: command_line(),
        published,
        retrieved,
        occupations,
    };
    let started = std::time::Instant::now();
    let imported = match him_guide::oews::import(dir, &options) {
        Ok(imported) => imported,
        Err(problems) => {
            eprintln!("found {} problems in BLS's files:", problems.len());
            for (number, problem) in problems.iter().enumerate() {
                eprintln!("{:>3}. {problem}", number + 1);
            }
            eprintln!("nothing was written.");
            return ExitCode::FAILURE;
        }
    };
    let extract = &imported.extract;
    if let Err(err) = extract.write(&out) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    let release = &extract.release;
    println!(
        "read BLS OEWS {} ({}) from {} in {} ms ({} lines in {}):",
        release.code,
        release.name,
        dir.display(),
        started.elapsed().as_millis(),
        imported.data_lines,
        him_guide::oews::import::DATA_FILE
    );
    for (input, (_, check)) in release.inputs.iter().zip(&imported.checks) {
        let check = match check {
            InputCheck::AsPublished => "identical to BLS's published file",
            InputCheck::AsConverted => "the converter's output (BLS's file could not be rebuilt)",
            InputCheck::Unrecorded => "no record to compare with",
        };
        println!(
            "  {:<18} {:>11} bytes  sha256 {}  {check}",
            input.file, input.read.bytes, input.read.sha256
        );
    }
    let counts = extract.counts();
    println!(
        "wrote {}: {} series rows, {} areas ({} national, {} state, {} metro and nonmetro), \
         {} industries, {} occupations; {} cells released, {} not released, {} not published",
        out.display(),
        extract.all_series().len(),
        extract.areas.len(),
        extract
            .areas_of_type(him_guide::oews::AreaType::National)
            .count(),
        extract
            .areas_of_type(him_guide::oews::AreaType::State)
            .count(),
        extract
            .areas_of_type(him_guide::oews::AreaType::Metro)
            .count(),
        extract.industries.len(),
        extract.occupations.len(),
        counts.released,
        counts.not_released,
        counts.not_published
    );
    ExitCode::SUCCESS
}

/// An argument as a shell would need it: quoted when it holds anything but plain characters.
fn shell_word(arg: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:+,@".contains(c);
    if !arg.is_empty() && arg.chars().all(plain) {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}
