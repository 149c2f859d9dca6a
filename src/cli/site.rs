//! `lockstep status`, `lockstep check` and `lockstep init`: whole sites.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Exit, Failure};
use crate::check::SiteReport;
use crate::report;
use crate::site::{analyse::analyse, config, Config, Site};
use crate::ui::{arg, Messages};

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site root
    #[arg(default_value = ".")]
    root: PathBuf,
    /// The configuration file (default: ROOT/lockstep.toml when it exists)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Only these locales
    #[arg(long = "locale", value_name = "L")]
    locales: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// One row per page, worst first
    #[arg(long)]
    pages: bool,
    #[arg(long, value_enum, default_value = "human")]
    format: StatusFormat,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The site root
    #[arg(default_value = ".")]
    root: PathBuf,
    /// Replace an existing lockstep.toml
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
    Markdown,
    Junit,
}

impl CheckFormat {
    fn reporter(self) -> &'static dyn report::Reporter {
        match self {
            CheckFormat::Human => &report::Human,
            CheckFormat::Json => &report::Json,
            CheckFormat::Sarif => &report::Sarif,
            CheckFormat::Github => &report::Github,
            CheckFormat::Markdown => &report::Markdown,
            CheckFormat::Junit => &report::Junit,
        }
    }
}

pub fn status(args: &StatusArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let report = run(&args.site, messages)?;
    match args.format {
        StatusFormat::Human => report::human::status(&report, args.pages, messages, out),
        StatusFormat::Json => report::json::write(&report::json::status(&report, args.pages), out),
        StatusFormat::Markdown => report::markdown::status(&report, args.pages, out),
    }
    Ok(input_problems(&report, messages).unwrap_or(Exit::Success))
}

pub fn check(args: &CheckArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let report = run(&args.site, messages)?;
    args.format.reporter().write(&report, messages, out);
    let verdict = if report.failed() { Exit::GateFailed } else { Exit::Success };
    Ok(input_problems(&report, messages).unwrap_or(verdict))
}

/// Unreadable files are reported on stderr and make the exit code 2, after every other file
/// was checked.
fn input_problems(report: &SiteReport, messages: &Messages) -> Option<Exit> {
    for p in &report.errors {
        eprintln!("{}: {}", messages.text("error-prefix"), p.message);
    }
    (!report.errors.is_empty()).then_some(Exit::Error)
}

fn run(args: &SiteArgs, messages: &Messages) -> Result<SiteReport, Failure> {
    let config = load_config(&args.root, args.config.as_deref(), messages)?;
    let mut site = Site::discover(&args.root, &config).map_err(Failure)?;
    if !args.locales.is_empty() {
        site.locales.retain(|l| args.locales.contains(l));
        for page in &mut site.pages {
            page.translations.retain(|(l, _)| args.locales.contains(l));
        }
        site.orphans.retain(|o| args.locales.contains(&o.locale));
    }
    let progress = report::progress::Progress::new(site.pages.len());
    let report = analyse(&site, &config, &|| progress.tick());
    progress.finish();
    Ok(report)
}

fn load_config(root: &Path, explicit: Option<&Path>, messages: &Messages) -> Result<Config, Failure> {
    let path = match explicit {
        Some(p) => p.to_owned(),
        None => {
            let p = root.join(config::FILE_NAME);
            if !p.exists() {
                return Ok(Config::default());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure(
            messages.get("error-read", &[("path", arg(path.display().to_string())), ("reason", arg(e.to_string()))]),
        )
    })?;
    Config::parse(&text).map_err(|e| {
        Failure(messages.get("error-config", &[("path", arg(path.display().to_string())), ("reason", arg(e))]))
    })
}

pub fn init(args: &InitArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let path = args.root.join(config::FILE_NAME);
    if path.exists() && !args.force {
        return Err(Failure(messages.get("error-init-exists", &[("path", arg(path.display().to_string()))])));
    }
    let site = Site::discover(&args.root, &Config::default()).map_err(Failure)?;
    let text = config::template(&site);
    crate::site::write_atomically(&path, text.as_bytes()).map_err(|e| {
        Failure(
            messages
                .get("error-write-file", &[("path", arg(path.display().to_string())), ("reason", arg(e.to_string()))]),
        )
    })?;
    out.extend_from_slice(messages.get("init-written", &[("path", arg(path.display().to_string()))]).as_bytes());
    out.push(b'\n');
    Ok(Exit::Success)
}
