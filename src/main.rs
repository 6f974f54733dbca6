//! The him-guide binary: parse the command line, load the site, then check it or serve it.

use std::process::ExitCode;

use clap::Parser;
use him_guide::cli::{Cli, Command};
use him_guide::config::Settings;
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
