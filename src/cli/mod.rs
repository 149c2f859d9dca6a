//! The command line: arguments (clap), dispatch, exit codes. Commands read files through
//! [`crate::load`], compute with the library and hand the result to a reporter.

mod align;
mod catalog;
mod help;
mod report;
mod rules;
mod site;

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::ui::{self, arg, Messages};

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

// The doc comments are the English help; `help::localise` replaces each with its message.
#[derive(Debug, Parser)]
#[command(
    name = "lockstep",
    version,
    about = "Keeps translated documentation in step with its English source",
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of lockstep's messages (en-US, he); default: LC_ALL, LC_MESSAGES or LANG
    #[arg(long, global = true, value_name = "L", env = "LOCKSTEP_LANG", hide_env_values = true)]
    lang: Option<String>,
    /// Print help
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// Print version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
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
    /// Write a static HTML report of a whole site (self-contained: opens from file://)
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
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = |name: &str| std::env::var(name).ok();
    // The language is needed before clap parses, for `--help` and clap's errors.
    let early = lang_in_args(&args).or_else(|| env("LOCKSTEP_LANG"));
    let messages = Messages::new(Some(&ui::choose(early.as_deref(), env)));
    let parsed =
        help::localise(Cli::command(), &messages).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let messages =
        if cli.lang == early { messages } else { Messages::new(Some(&ui::choose(cli.lang.as_deref(), env))) };
    if let Some(lang) = cli.lang.as_deref().filter(|l| !l.trim().is_empty()) {
        if ui::language_tag(lang).and_then(|t| ui::shipped(&t)).is_none() {
            let known: Vec<&str> = ui::LOCALES.iter().map(|(t, _)| *t).collect();
            let note = messages.get("notice-lang-unknown", &[("lang", arg(lang)), ("known", arg(known.join(", ")))]);
            let note = crate::shown::message(&note, true);
            let _ = writeln!(anstream::stderr(), "{}: {note}", messages.text("notice-prefix"));
        }
    }
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
            // File names in it are on one line already; line breaks of a detail (a TOML error
            // with its excerpt) stay.
            let prefix = messages.text("error-prefix");
            let _ = writeln!(anstream::stderr(), "{prefix}: {}", crate::shown::message(&message, false));
            Exit::Error
        }
    };
    write_stdout(&out, &messages).unwrap_or(exit).into()
}

/// The value of `--lang` on the command line, before clap has parsed it (it is global, so it
/// may come after a subcommand).
fn lang_in_args(args: &[OsString]) -> Option<String> {
    let mut rest = args.iter().skip(1).map(|a| a.to_str());
    while let Some(a) = rest.next() {
        match a {
            Some("--") => break,
            Some("--lang") => return rest.next().flatten().map(str::to_owned),
            Some(a) => {
                if let Some(value) = a.strip_prefix("--lang=") {
                    return Some(value.to_owned());
                }
            }
            None => {}
        }
    }
    None
}

/// The message ids of `--help` (for the test that every id used exists).
#[cfg(test)]
pub(crate) fn help_ids() -> Vec<String> {
    help::ids(Messages::english()).0
}

/// Writes the output; a closed pipe (`lockstep … | head`) is not an error.
fn write_stdout(out: &[u8], messages: &Messages) -> Option<Exit> {
    // Output without an escape sequence (every machine format) needs no colour stripping.
    let plain = !out.contains(&0x1b);
    let result = if plain {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(out).and_then(|()| stdout.flush())
    } else {
        let mut stdout = anstream::stdout().lock();
        stdout.write_all(out).and_then(|()| stdout.flush())
    };
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Some(Exit::Success),
        Err(e) => {
            let msg = messages.get("error-write", &[("reason", arg(e.to_string()))]);
            let _ = writeln!(anstream::stderr(), "{}: {msg}", messages.text("error-prefix"));
            Some(Exit::Error)
        }
    }
}

/// Reads a page named on the command line of `align` or `segments`, turning a load error
/// into a message for the user. Permissive on purpose ([`crate::load::read_page`]): the user
/// typed the name, and `<(git show REV:page.md)` is a pipe.
fn read(path: &Path, messages: &Messages) -> Result<String, Failure> {
    crate::load::read_page(path).map_err(|e| Failure(e.text().format(messages)))
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::{CommandFactory, Parser};

    use super::{help, lang_in_args, Cli};
    use crate::ui::Messages;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        help::localise(Cli::command(), &Messages::new(Some("he"))).debug_assert();
    }

    /// Every command and argument with a help text, in help order, with that text.
    fn texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((path.to_owned(), about.to_string()));
        }
        for a in cmd.get_arguments() {
            if let Some(h) = a.get_help() {
                out.push((format!("{path} --{}", a.get_id()), h.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn the_help_texts_are_the_english_messages() {
        let (_, missing) = help::ids(Messages::english());
        assert!(missing.is_empty(), "help texts with no cmd-… or opt-… message: {missing:?}");
        let mut doc = Vec::new();
        texts(&Cli::command(), "lockstep", &mut doc);
        let mut english = Vec::new();
        texts(&help::localise(Cli::command(), Messages::english()), "lockstep", &mut english);
        assert_eq!(doc, english, "a doc comment and its message in locales/en-US/lockstep.ftl differ");
        let mut hebrew = Vec::new();
        texts(&help::localise(Cli::command(), &Messages::new(Some("he"))), "lockstep", &mut hebrew);
        for ((what, en), (_, he)) in doc.iter().zip(&hebrew) {
            assert_ne!(en, he, "{what} is not translated into Hebrew");
        }
    }

    #[test]
    fn lang_is_found_before_parsing_and_is_global() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_in_args(&args(&["lockstep", "check", "--lang", "he", "site"])).as_deref(), Some("he"));
        assert_eq!(lang_in_args(&args(&["lockstep", "--lang=he", "rules"])).as_deref(), Some("he"));
        assert_eq!(lang_in_args(&args(&["lockstep", "stamp", "--", "--lang"])), None);
        assert_eq!(lang_in_args(&args(&["lockstep", "rules"])), None);
        let cli = Cli::try_parse_from(["lockstep", "check", "site", "--lang", "he"]).unwrap();
        assert_eq!(cli.lang.as_deref(), Some("he"));
    }
}
