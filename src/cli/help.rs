//! `--help` in the user's language. The doc comments of the clap definitions stay the English
//! text (a test keeps each equal to its message); at run time every command's `about` and every
//! argument's help come from the messages: `cmd-PATH` for a command (`cmd-lockstep`,
//! `cmd-catalog-build`), `opt-PATH-ARG` for an argument, or `opt-ARG` when it means the same in
//! every command (`opt-root`, `opt-config`). clap's own words (`[default: …]`, its error
//! messages) stay English: clap has no way to translate them.

use anstyle::Style;
use clap::Command;

use crate::ui::Messages;

/// The root command's path in message ids.
const ROOT: &str = "lockstep";

/// `cmd` with its texts in the language of `messages`.
pub fn localise(cmd: Command, messages: &Messages) -> Command {
    let mut walk = Walk { messages, used: Vec::new(), missing: Vec::new() };
    let cmd = walk.command(cmd, ROOT);
    if messages.tag() == crate::ui::DEFAULT {
        // clap's own headings are English already.
        return cmd;
    }
    headings(cmd, messages)
}

/// The message ids the help uses, and the commands and arguments with a help text but no
/// message (`PATH` or `PATH ARG`).
#[cfg(test)]
pub fn ids(messages: &Messages) -> (Vec<String>, Vec<String>) {
    let mut walk = Walk { messages, used: Vec::new(), missing: Vec::new() };
    walk.command(<super::Cli as clap::CommandFactory>::command(), ROOT);
    let mut used = walk.used;
    used.extend(["help-usage", "help-commands", "help-arguments", "help-options"].map(str::to_owned));
    (used, walk.missing)
}

struct Walk<'a> {
    messages: &'a Messages,
    used: Vec<String>,
    missing: Vec<String>,
}

impl Walk<'_> {
    fn command(&mut self, mut cmd: Command, path: &str) -> Command {
        if cmd.get_about().is_some() {
            let id = format!("cmd-{path}");
            match self.messages.lookup(&id, &[]) {
                Some(text) => {
                    cmd = cmd.about(text);
                    self.used.push(id);
                }
                None => self.missing.push(path.to_owned()),
            }
        }
        // `mut_args` keeps the arguments in place (`mut_arg` would move each to the end).
        cmd = cmd.mut_args(|a| {
            if a.get_help().is_none() {
                return a;
            }
            let name = a.get_id().as_str().replace('_', "-");
            let found = [format!("opt-{path}-{name}"), format!("opt-{name}")]
                .into_iter()
                .find_map(|id| self.messages.lookup(&id, &[]).map(|text| (id, text)));
            match found {
                Some((id, text)) => {
                    self.used.push(id);
                    a.help(text)
                }
                None => {
                    self.missing.push(format!("{path} {}", a.get_id()));
                    a
                }
            }
        });
        let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
        for name in subcommands {
            let sub_path = if path == ROOT { name.clone() } else { format!("{path}-{name}") };
            cmd = cmd.mut_subcommand(&name, |sub| self.command(sub, &sub_path));
        }
        cmd
    }
}

/// clap's headings (`Usage:`, `Commands:`, `Arguments:`, `Options:`) from the messages: a
/// template for the first, headings of every argument for the others.
fn headings(cmd: Command, messages: &Messages) -> Command {
    let style = Style::new().bold().underline();
    let usage = messages.text("help-usage");
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{style}{usage}:{style:#} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    let (arguments, options) = (messages.text("help-arguments"), messages.text("help-options"));
    let mut cmd = cmd.help_template(template).subcommand_help_heading(messages.text("help-commands")).mut_args(|a| {
        let heading = if a.is_positional() { arguments.clone() } else { options.clone() };
        a.help_heading(heading)
    });
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(&name, |sub| headings(sub, messages));
    }
    cmd
}
