//! The command line: arguments (clap), dispatch, exit codes. Commands read files through
//! [`crate::load`], compute with the library and hand the result to a reporter.

mod align;
mod catalog;
mod report;
mod rules;
mod site;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::ui::Messages;

/// What a run of lockstep ended with (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// No gate failed.
    Success = 0,
    /// A gate failed or an error-level finding exists.
    GateFailed = 1,
    /// Usage, configuration or I/O error.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

#[derive(Debug, Parser)]
#[command(name = "lockstep", version, about = "Keeps translated documentation in step with its English source")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Align one translated page with its source and classify every block
    Align(align::AlignArgs),
    /// Show how a page is cut into segments (the units of alignment)
    Segments(align::SegmentsArgs),
    /// Coverage per locale (and per page) of a whole site
    Status(site::StatusArgs),
    /// Every finding of a whole site, the release gates, and an exit code for CI
    Check(site::CheckArgs),
    /// Record that translations now match their source's current revision
    Stamp(site::StampArgs),
    /// Write a commented lockstep.toml for the detected layout
    Init(site::InitArgs),
    /// List the rules, with their default levels
    Rules(rules::RulesArgs),
    /// Print the documentation of one rule
    Explain(rules::ExplainArgs),
    /// UI strings as a Fluent catalogue: build, check, and the labels repeated across pages
    Catalog(catalog::CatalogArgs),
    /// A static HTML report of a whole site: locales, pages, and every page side by side
    Report(report::ReportArgs),
}

/// Output formats of the page-level commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// The input error reported to the user, already in their language.
pub struct Failure(pub String);

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let messages = Messages::from_env();
    let mut out = Vec::new();
    let result = match &cli.command {
        Command::Align(args) => align::align(args, &messages, &mut out),
        Command::Segments(args) => align::segments(args, &messages, &mut out),
        Command::Status(args) => site::status(args, &messages, &mut out),
        Command::Check(args) => site::check(args, &messages, &mut out),
        Command::Stamp(args) => site::stamp(args, &messages, &mut out),
        Command::Init(args) => site::init(args, &messages, &mut out),
        Command::Rules(args) => rules::rules(args, &messages, &mut out),
        Command::Explain(args) => rules::explain(args, &messages, &mut out),
        Command::Catalog(args) => catalog::run(args, &messages, &mut out),
        Command::Report(args) => report::report(args, &messages, &mut out),
    };
    let exit = match result {
        Ok(exit) => exit,
        Err(Failure(message)) => {
            let prefix = messages.text("error-prefix");
            let _ = writeln!(anstream::stderr(), "{prefix}: {message}");
            Exit::Error
        }
    };
    write_stdout(&out, &messages).unwrap_or(exit).into()
}

/// Writes the output; a closed pipe (`lockstep … | head`) is not an error.
fn write_stdout(out: &[u8], messages: &Messages) -> Option<Exit> {
    let mut stdout = anstream::stdout().lock();
    match stdout.write_all(out).and_then(|()| stdout.flush()) {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Some(Exit::Success),
        Err(e) => {
            let msg = messages.get("error-write", &[("reason", crate::ui::arg(e.to_string()))]);
            let _ = writeln!(anstream::stderr(), "{}: {msg}", messages.text("error-prefix"));
            Some(Exit::Error)
        }
    }
}

/// Reads a page, turning a load error into a message for the user.
fn read(path: &Path, messages: &Messages) -> Result<String, Failure> {
    use crate::load::LoadError;
    use crate::ui::{arg, num};
    crate::load::read_page(path).map_err(|e| {
        let p = arg(e.path().display().to_string());
        Failure(match e {
            LoadError::Io { error, .. } => {
                messages.get("error-read", &[("path", p), ("reason", arg(error.to_string()))])
            }
            LoadError::Binary { .. } => messages.get("error-binary", &[("path", p)]),
            LoadError::Utf8 { line, column, .. } => {
                messages.get("error-utf8", &[("path", p), ("line", num(line)), ("column", num(column))])
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::Cli;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
