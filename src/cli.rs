//! The command line: `him-guide [serve] [options]`, `him-guide check [options]`, `him-guide export`
//! `him-guide data import-oews DIR`, `him-guide data import-projections FILE`,
//! `him-guide data import-prices DIR` and `him-guide data import-schools DIR`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::Date;

#[derive(Debug, Parser)]
#[command(
    name = "him-guide",
    version,
    about = "A career guide to Health Information Management"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub options: Options,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve {
        /// Reload the site when a file under content/ or static/ changes; a broken edit is reported
        /// and the last good version stays up. For editors, not for production.
        #[arg(long, env = "HIM_GUIDE_WATCH")]
        watch: bool,
    },
    /// Load and check all content without serving; exit status 0 when it is clean, 1 when not.
    Check,
    /// Write the whole site as files for a static host or CDN (needs --base-url).
    Export {
        /// Folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// A running him-guide whose salary comparison the static copy points to.
        #[arg(long)]
        live_url: Option<String>,
    },
    /// Maintain the data the guide ships.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Read BLS's OEWS flat files in DIR and write the pay data extract (docs/data-refresh.md).
    ImportOews {
        /// Folder with BLS's files (oe.data.0.Current, oe.area, ...) and, when
        /// data/oews/package-to-bls.py wrote them, its provenance.json.
        dir: PathBuf,
        /// Folder to write the extract into [default: SITE_DIR/content/oews]
        #[arg(long)]
        out: Option<PathBuf>,
        /// When BLS published the files (YYYY-MM-DD); needed without provenance.json.
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        published: Option<Date>,
        /// When you downloaded them (YYYY-MM-DD); needed without provenance.json.
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        retrieved: Option<Date>,
    },
    /// Read BLS's Employment Projections workbook (occupation.xlsx) and write the projections
    /// extract for the guide's occupations (docs/data-refresh.md).
    ImportProjections {
        /// BLS's occupation.xlsx.
        file: PathBuf,
        /// Folder to write the extract into [default: SITE_DIR/content/projections]
        #[arg(long)]
        out: Option<PathBuf>,
        /// When BLS released this edition (YYYY-MM-DD), from its news release.
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        published: Date,
        /// When you downloaded the workbook (YYYY-MM-DD).
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        retrieved: Date,
    },
    /// Read BEA's Regional Price Parities tables in DIR (SARPP_*.csv, MARPP_*.csv, PARPP_*.csv)
    /// and write the price extract for the OEWS extract's areas (docs/data-refresh.md).
    ImportPrices {
        /// Folder with BEA's three CSV files.
        dir: PathBuf,
        /// Folder to write the extract into [default: SITE_DIR/content/prices]
        #[arg(long)]
        out: Option<PathBuf>,
        /// The year to read [default: the newest year in the tables]
        #[arg(long)]
        year: Option<u16>,
        /// When you downloaded the files (YYYY-MM-DD).
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        retrieved: Date,
    },
    /// Read NCES's completions and directory CSVs and the tuition, graduation and earnings files
    /// in DIR, as its files.toml describes them, and write the schools extract placed in the OEWS
    /// extract's metro areas (docs/data-refresh.md).
    ImportSchools {
        /// Folder with c2024_a.csv, hd2024.csv, cost.csv, gradrates.csv,
        /// scorecard_earnings.csv (or next year's) and files.toml.
        dir: PathBuf,
        /// Folder to write the extract into [default: SITE_DIR/content/schools]
        #[arg(long)]
        out: Option<PathBuf>,
        /// When you downloaded the files (YYYY-MM-DD).
        #[arg(long, value_parser = crate::oews::codes::parse_date_arg)]
        retrieved: Date,
    },
}

/// Options every command takes; each may also come from the environment.
#[derive(Debug, Clone, Args)]
pub struct Options {
    /// Address to listen on.
    #[arg(
        long,
        global = true,
        env = "HIM_GUIDE_ADDR",
        default_value = "127.0.0.1:8080"
    )]
    pub addr: SocketAddr,
    /// Public base URL, used for canonical links and the sitemap [default: http://ADDR]
    #[arg(long, global = true, env = "HIM_GUIDE_BASE_URL")]
    pub base_url: Option<String>,
    /// Folder that holds content/ and static/.
    #[arg(long, global = true, env = "HIM_GUIDE_SITE_DIR", default_value = ".")]
    pub site_dir: PathBuf,
}
