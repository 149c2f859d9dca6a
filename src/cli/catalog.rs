//! `lockstep catalog build|check|labels`: a site's UI strings as a Fluent catalogue.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::site::{load_config, CheckFormat};
use super::{Exit, Failure};
use crate::catalog;
use crate::report;
use crate::ui::Messages;

#[derive(Debug, Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    command: CatalogCommand,
}

#[derive(Debug, Subcommand)]
enum CatalogCommand {
    /// Convert the UI strings of [catalog] sources into one Fluent file per locale, merged into the files already there
    Build(BuildArgs),
    /// Check the Fluent files of every locale against the source locale's
    Check(CheckArgs),
    /// Find the short labels repeated across pages, and how each locale renders them
    Labels(LabelsArgs),
}

#[derive(Debug, Args)]
struct Common {
    /// The site root
    #[arg(default_value = ".")]
    root: PathBuf,
    /// The configuration file (default: ROOT/lockstep.toml when it exists)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    /// A folder of Fluent files, one sub-folder per locale (DIR/<locale>/*.ftl, relative to
    /// the root); default: the [catalog] out pattern
    #[arg(long, value_name = "DIR")]
    ftl: Option<String>,
    /// The locale the others are checked against (default: source-locale of the config, or en;
    /// en finds en-US when that is the only English)
    #[arg(long, value_name = "L")]
    source_locale: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
}

#[derive(Debug, Args)]
struct LabelsArgs {
    #[command(flatten)]
    common: Common,
    /// Only these locales
    #[arg(long = "locale", value_name = "L")]
    locales: Vec<String>,
    /// How many times a label must occur in the source pages (default: label-min-count, or 3)
    #[arg(long, value_name = "N")]
    min_count: Option<usize>,
    /// The most words a label may have (default: label-max-words, or 5)
    #[arg(long, value_name = "N")]
    max_words: Option<usize>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: &CatalogArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    match &args.command {
        CatalogCommand::Build(a) => build(a, messages, out),
        CatalogCommand::Check(a) => check(a, messages, out),
        CatalogCommand::Labels(a) => labels(a, messages, out),
    }
}

fn build(args: &BuildArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let config = load_config(&args.common.root, args.common.config.as_deref(), messages)?;
    // As in `check`: JSON is read by programs, so its findings are in English.
    let wording = if args.format == Format::Human { messages } else { Messages::english() };
    let report = catalog::build(&args.common.root, &config, wording).map_err(Failure)?;
    match args.format {
        Format::Human => report::catalog::build(&report, messages, out),
        Format::Json => report::json::write(&report, out),
    }
    let verdict = if report.failed() { Exit::GateFailed } else { Exit::Success };
    Ok(input_problems(&report.errors, messages).unwrap_or(verdict))
}

fn check(args: &CheckArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let config = load_config(&args.common.root, args.common.config.as_deref(), messages)?;
    let pattern = match &args.ftl {
        Some(dir) => format!("{}/{{locale}}/*.ftl", dir.trim_end_matches('/')),
        None => config.catalog.as_ref().and_then(|c| c.out.clone()).unwrap_or_else(|| catalog::DEFAULT_OUT.to_owned()),
    };
    let source = args.source_locale.clone().or_else(|| config.source_locale.clone()).unwrap_or_else(|| "en".into());
    let wording = args.format.report_messages(messages);
    let report = catalog::check(&args.common.root, &config, &pattern, &source, wording).map_err(Failure)?;
    match args.format {
        CheckFormat::Human => report::catalog::check(&report, messages, out),
        other => other.reporter().write(&report, wording, out),
    }
    let verdict = if report.failed() { Exit::GateFailed } else { Exit::Success };
    Ok(input_problems(&report.errors, messages).unwrap_or(verdict))
}

fn labels(args: &LabelsArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let config = load_config(&args.common.root, args.common.config.as_deref(), messages)?;
    let defaults = catalog::labels::Options::default();
    let configured = config.catalog.clone().unwrap_or_default();
    let options = catalog::labels::Options {
        min_count: args.min_count.or(configured.label_min_count).unwrap_or(defaults.min_count).max(1),
        max_words: args.max_words.or(configured.label_max_words).unwrap_or(defaults.max_words),
    };
    let report = catalog::labels(&args.common.root, &config, &args.locales, options, messages).map_err(Failure)?;
    match args.format {
        Format::Human => report::catalog::labels(&report, messages, out),
        Format::Json => report::json::write(&report, out),
    }
    Ok(Exit::Success)
}

/// Unreadable files are reported on stderr and make the exit code 2, after every other file
/// was processed. Each message names its file already.
fn input_problems(errors: &[crate::check::Problem], messages: &Messages) -> Option<Exit> {
    for p in errors {
        eprintln!("{}: {}", messages.text("error-prefix"), crate::shown::message(&p.message, true));
    }
    (!errors.is_empty()).then_some(Exit::Error)
}
