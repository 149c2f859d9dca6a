//! `lockstep rules` and `lockstep explain`: the rule registry and one rule's documentation.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::{Exit, Failure};
use crate::report;
use crate::rules::{explain as doc, rule, RULES};
use crate::ui::{arg, Messages};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// markdown: the rule documentation as docs/rules.md holds it
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, as `lockstep rules` lists them
    rule: String,
}

pub fn rules(args: &RulesArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    match args.format {
        RulesFormat::Markdown => out.extend_from_slice(crate::rules::docs_markdown().as_bytes()),
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "group": r.group.as_str(),
                        "default": r.default.as_str(),
                        "summary": r.summary,
                    })
                })
                .collect();
            report::json::pretty(&list, out);
        }
        RulesFormat::Human => {
            use report::human::Align::Left;
            let columns = [("col-rule", Left), ("col-group", Left), ("col-default", Left), ("col-detects", Left)];
            // The summaries are the rules' documentation, which is English (src/rules).
            let rows: Vec<Vec<String>> = RULES
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_owned(),
                        r.group.as_str().to_owned(),
                        r.default.as_str().to_owned(),
                        r.summary.to_owned(),
                    ]
                })
                .collect();
            report::human::table(&columns, &rows, messages, out);
            let _ = writeln!(out, "\n{}", messages.text("rules-footer"));
        }
    }
    Ok(Exit::Success)
}

pub fn explain(args: &ExplainArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let r =
        rule(&args.rule).ok_or_else(|| Failure(messages.get("error-unknown-rule", &[("rule", arg(&args.rule))])))?;
    out.extend_from_slice(doc(r).as_bytes());
    Ok(Exit::Success)
}
