//! `lockstep report`: the same analysis as `check`, rendered as a static HTML site into a folder.

use std::path::PathBuf;

use clap::Args;

use super::site::{run_with_config, SiteArgs};
use super::{Exit, Failure};
use crate::report::html;
use crate::ui::{arg, num, Messages};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The folder to write the report into (created when missing; files of an earlier report are replaced)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// `lockstep report`: writes below `--out` only (created when missing), never through a
/// symbolic link left in it that leads out of it.
pub fn report(args: &ReportArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    // The report speaks the interface language (`--lang`, or the environment's).
    let (report, config) = run_with_config(&args.site, messages, messages)?;
    let options = html::Options { lang: messages.tag().to_owned(), edit_url: config.edit_url.clone() };
    let files = html::render(&report, &options);
    let tree: Vec<(&str, &[u8])> = files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())).collect();
    crate::site::write_tree(&args.out, &tree).map_err(|e| Failure(e.text().format(messages)))?;
    let written =
        messages.get("report-written", &[("path", arg(args.out.display().to_string())), ("files", num(files.len()))]);
    out.extend_from_slice(written.as_bytes());
    out.push(b'\n');
    Ok(super::site::input_problems(&report, messages).unwrap_or(Exit::Success))
}
