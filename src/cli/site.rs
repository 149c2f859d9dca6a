//! `lockstep status`, `lockstep check` and `lockstep init`: whole sites.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Exit, Failure};
use crate::check::SiteReport;
use crate::report;
use crate::site::stamp::{self, LockFile};
use crate::site::write::resolve_inside;
use crate::site::{analyse::analyse, config, write_inside, Config, Site};
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

#[derive(Debug, Args)]
pub struct StampArgs {
    /// Translated pages to stamp (or source pages, with --locale)
    #[arg(required = true)]
    pages: Vec<PathBuf>,
    /// The site root
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The configuration file (default: ROOT/lockstep.toml when it exists)
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// With source pages: the locales whose translations to stamp
    #[arg(long = "locale", value_name = "L")]
    locales: Vec<String>,
    /// Write the stamp into the page's front matter instead of lockstep.lock
    #[arg(long)]
    front_matter: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
    Markdown,
}

impl StatusFormat {
    /// The messages of the report's own sentences (see [`CheckFormat::report_messages`]).
    fn report_messages(self, messages: &Messages) -> &Messages {
        match self {
            StatusFormat::Human | StatusFormat::Markdown => messages,
            StatusFormat::Json => Messages::english(),
        }
    }
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
    /// The messages that word the report — its findings, notes and errors included. People read
    /// the human and Markdown formats: those speak the interface language. JSON, SARIF, JUnit
    /// and GitHub annotations are read by programs that compare, store and deduplicate their
    /// texts (SARIF fingerprints hash the message): those are always English.
    pub(super) fn report_messages(self, messages: &Messages) -> &Messages {
        match self {
            CheckFormat::Human | CheckFormat::Markdown => messages,
            CheckFormat::Json | CheckFormat::Sarif | CheckFormat::Github | CheckFormat::Junit => Messages::english(),
        }
    }

    pub(super) fn reporter(self) -> &'static dyn report::Reporter {
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
    let report = run(&args.site, messages, args.format.report_messages(messages))?;
    match args.format {
        StatusFormat::Human => report::human::status(&report, args.pages, messages, out),
        StatusFormat::Json => report::json::write(&report::json::status(&report, args.pages), out),
        StatusFormat::Markdown => report::markdown::status(&report, args.pages, messages, out),
    }
    Ok(input_problems(&report, messages).unwrap_or(Exit::Success))
}

pub fn check(args: &CheckArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let wording = args.format.report_messages(messages);
    let report = run(&args.site, messages, wording)?;
    args.format.reporter().write(&report, wording, out);
    let verdict = if report.failed() { Exit::GateFailed } else { Exit::Success };
    Ok(input_problems(&report, messages).unwrap_or(verdict))
}

/// Unreadable files are reported on stderr and make the exit code 2, after every other file
/// was checked.
pub(super) fn input_problems(report: &SiteReport, messages: &Messages) -> Option<Exit> {
    for p in &report.errors {
        eprintln!("{}: {}", messages.text("error-prefix"), crate::shown::message(&p.message, true));
    }
    (!report.errors.is_empty()).then_some(Exit::Error)
}

/// Finds and analyses the site; `wording` words the report (see [`CheckFormat::report_messages`]),
/// `messages` everything else.
fn run(args: &SiteArgs, messages: &Messages, wording: &Messages) -> Result<SiteReport, Failure> {
    run_with_config(args, messages, wording).map(|(report, _)| report)
}

/// Finds the site, reads its configuration and history, and analyses every page.
pub(super) fn run_with_config(
    args: &SiteArgs,
    messages: &Messages,
    wording: &Messages,
) -> Result<(SiteReport, Config), Failure> {
    let config = load_config(&args.root, args.config.as_deref(), messages)?;
    let mut site = Site::discover(&args.root, &config).map_err(|e| Failure(e.format(messages)))?;
    if !args.locales.is_empty() {
        site.locales.retain(|l| args.locales.contains(l));
        for page in &mut site.pages {
            page.translations.retain(|(l, _)| args.locales.contains(l));
        }
        site.orphans.retain(|o| args.locales.contains(&o.locale));
    }
    let progress = report::progress::Progress::new(site.pages.len(), messages);
    let lock = LockFile::load(&args.root).map_err(|e| Failure(e.format(messages)))?;
    let bases = crate::site::bases::Bases::read(&site);
    let report = analyse(&site, &config, &lock, &bases, wording, &|| progress.tick());
    for notice in &report.notices {
        eprintln!("{}: {}", messages.text("notice-prefix"), crate::shown::message(notice, true));
    }
    progress.finish();
    Ok((report, config))
}

/// Reads the configuration: `explicit` (`--config FILE`) or `ROOT/lockstep.toml` when there
/// is one. Both are read as regular files only, never opened when they are a named pipe or a
/// device ([`crate::load::read_checked`]). `ROOT/lockstep.toml` is a file of the site: a
/// symbolic link in its place may not lead out of the root (a link to a secret file would
/// have its lines quoted by a TOML error) and a dangling one is an error, not "no config". A
/// file named with `--config` is the user's choice and may be anywhere.
pub(super) fn load_config(root: &Path, explicit: Option<&Path>, messages: &Messages) -> Result<Config, Failure> {
    let (path, read) = match explicit {
        Some(p) => (p.to_owned(), crate::load::read_named_file(p)),
        None => {
            let p = root.join(config::FILE_NAME);
            // Anything there, a dangling link included, is read (and refused if need be).
            if std::fs::symlink_metadata(&p).is_err() {
                return Ok(Config::default());
            }
            let read = crate::load::read_site_file(&p, &crate::load::tops_of(root));
            (p, read)
        }
    };
    let text = read.map_err(|e| Failure(e.text().format(messages)))?;
    Config::parse(&text).map_err(|e| {
        let reason = arg(e.format(messages));
        Failure(messages.get("error-config", &[("path", arg(path.display().to_string())), ("reason", reason)]))
    })
}

/// `lockstep init`: writes `ROOT/lockstep.toml`. It writes below ROOT only: a `lockstep.toml`
/// that is a symbolic link leading out of ROOT is refused.
pub fn init(args: &InitArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let path = args.root.join(config::FILE_NAME);
    if path.exists() && !args.force {
        return Err(Failure(messages.get("error-init-exists", &[("path", arg(path.display().to_string()))])));
    }
    let site = Site::discover(&args.root, &Config::default()).map_err(|e| Failure(e.format(messages)))?;
    let text = config::template(&site);
    write_inside(&args.root, &path, text.as_bytes()).map_err(|e| Failure(e.text().format(messages)))?;
    out.extend_from_slice(messages.get("init-written", &[("path", arg(path.display().to_string()))]).as_bytes());
    out.push(b'\n');
    Ok(Exit::Success)
}

/// `lockstep stamp`: records that translations now match their source's current revision.
/// It writes below the site root (`--root`) only — `lockstep.lock` there, or the translations
/// with `--front-matter` — and never through a symbolic link that leads out of it. Every file
/// is checked before the first is written, so a refusal writes nothing.
pub fn stamp(args: &StampArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let config = load_config(&args.root, args.config.as_deref(), messages)?;
    let site = Site::discover(&args.root, &config).map_err(|e| Failure(e.format(messages)))?;
    let mut lock = LockFile::load(&args.root).map_err(|e| Failure(e.format(messages)))?;
    // What to write (path, bytes, the translations it stamps), prepared before anything is written.
    let mut writes: Vec<(PathBuf, Vec<u8>, Vec<String>)> = Vec::new();
    let mut in_lock: Vec<String> = Vec::new();
    for page in &args.pages {
        let wanted = site.relative(page);
        let targets: Vec<(&crate::site::PagePlan, &PathBuf)> = site
            .pages
            .iter()
            .flat_map(|p| p.translations.iter().map(move |(l, t)| (p, l, t)))
            .filter(|(p, l, t)| {
                site.relative(t) == wanted || (site.relative(&p.source) == wanted && args.locales.contains(l))
            })
            .map(|(p, _, t)| (p, t))
            .collect();
        if targets.is_empty() {
            return Err(Failure(messages.get("error-stamp-unknown", &[("path", arg(page.display().to_string()))])));
        }
        for (plan, translation) in targets {
            // Pages of the site, read as `check` reads them: never a pipe, a device or a link
            // out of the site.
            let source_text = site.read(&plan.source).map_err(|e| Failure(e.text().format(messages)))?;
            let source = crate::parse::parse(&source_text);
            let commit = committed_as(&plan.source, &source_text);
            let name = site.relative(translation);
            let s = stamp::stamp(&name, &site.relative(&plan.source), &source_text, &source, commit);
            if args.front_matter {
                // It is rewritten: below the root, or refused before it is read.
                resolve_inside(&args.root, translation).map_err(|e| Failure(e.text().format(messages)))?;
                let text = site.read_bytes(translation).map_err(|e| Failure(e.text_as(&name).format(messages)))?;
                let text = String::from_utf8(text)
                    .map_err(|_| Failure(messages.get("error-not-utf8", &[("path", arg(name.clone()))])))?;
                let value = s.commit.clone().unwrap_or_else(|| s.source_hash.clone());
                let updated = stamp::set_front_matter_key(&text, stamp::FRONT_MATTER_KEY, &value);
                writes.push((translation.clone(), updated.into_bytes(), vec![name]));
            } else {
                lock.set(s);
                in_lock.push(name);
            }
        }
    }
    if !in_lock.is_empty() {
        writes.push((args.root.join(stamp::LOCK_FILE), lock.render().into_bytes(), in_lock));
    }
    for (path, _, _) in &writes {
        resolve_inside(&args.root, path).map_err(|e| Failure(e.text().format(messages)))?;
    }
    for (path, bytes, names) in writes {
        write_inside(&args.root, &path, &bytes).map_err(|e| Failure(e.text().format(messages)))?;
        for name in names {
            let name = crate::shown::inline(&name).into_owned();
            out.extend_from_slice(messages.get("stamp-written", &[("path", arg(name))]).as_bytes());
            out.push(b'\n');
        }
    }
    Ok(Exit::Success)
}

/// The commit of the newest version of `path` in its repository, when the file on disk is that
/// version (an edited, uncommitted source has no commit to name).
fn committed_as(path: &Path, text: &str) -> Option<String> {
    use crate::history::RepoHistory;
    let root = RepoHistory::toplevel(path).ok()?;
    let rel = crate::site::inside(&root, path)?;
    let history = RepoHistory::read(&root, &[rel.as_str()]).ok()?;
    let newest = history.revisions(&rel).first()?;
    let committed = history.blobs(&[newest.blob.as_str()]).ok()?;
    (committed.first().map(String::as_str) == Some(text)).then(|| newest.commit.clone())
}
