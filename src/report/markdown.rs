//! Markdown for a CI step summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: a
//! progress table per locale, then the pages that need most work.

use std::io::Write;

use crate::check::{Level, SiteReport};
use crate::ui::{arg, num, Messages};

use super::human::{bar, worst_first};

/// Pages listed in the "needs most work" table.
const WORST_PAGES: usize = 15;

pub fn status(r: &SiteReport, pages: bool, messages: &Messages, out: &mut Vec<u8>) {
    locale_table(r, messages, out);
    if pages {
        page_table(r, usize::MAX, messages, out);
    } else {
        page_table(r, WORST_PAGES, messages, out);
    }
    let _ = writeln!(out, "\n<sub>{}</sub>", messages.text("md-counts-note"));
}

pub fn check(r: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    let verdict = messages.text(if r.failed() { "md-check-failed" } else { "md-check-passed" });
    let _ = writeln!(out, "## {verdict}\n");
    locale_table(r, messages, out);
    let failed: Vec<String> = r
        .locales
        .iter()
        .flat_map(|l| l.gates.iter().filter(|g| !g.passed).map(move |g| (l, g)))
        .map(|(l, g)| {
            let limit = messages
                .get("md-gate-limit", &[("limit", arg(g.limit.to_string())), ("actual", arg(g.actual.to_string()))]);
            format!("- **{}**: `{}` {limit}", l.locale, g.gate)
        })
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\n### {}\n\n{}", messages.text("md-failed-gates"), failed.join("\n"));
    }
    page_table(r, WORST_PAGES, messages, out);
    stale_diffs(r, messages, out);
    let count = |lv: Level| r.findings.iter().filter(|f| f.level == lv).count();
    let summary = messages.get(
        "md-summary",
        &[
            ("findings", num(r.findings.len())),
            ("errors", num(count(Level::Error))),
            ("warnings", num(count(Level::Warning))),
            ("infos", num(count(Level::Info))),
        ],
    );
    let _ = writeln!(out, "\n{summary}");
}

/// A table header from column messages (`""`: a column without a header), capitalised as
/// Markdown tables are.
fn header(ids: &[&str], messages: &Messages) -> String {
    let cells: Vec<String> = ids
        .iter()
        .map(|id| {
            let text = if id.is_empty() { String::new() } else { messages.text(id) };
            let mut chars = text.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    let row: Vec<String> =
        cells.iter().map(|c| if c.is_empty() { "| ".to_owned() } else { format!("| {c} ") }).collect();
    format!("{}|", row.concat())
}

/// Stale blocks shown in the report.
const STALE_DIFFS: usize = 10;

/// What changed in the source since the first stale blocks were translated, as diff blocks.
fn stale_diffs(r: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    let stale: Vec<_> = r.findings.iter().filter(|f| f.diff.is_some()).collect();
    if stale.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", messages.text("md-stale-heading"));
    for f in stale.iter().take(STALE_DIFFS) {
        let diff = f.diff.as_deref().unwrap_or_default();
        let old: String = diff.iter().filter(|d| d.0 != "insert").map(|d| d.1.as_str()).collect();
        let new: String = diff.iter().filter(|d| d.0 != "delete").map(|d| d.1.as_str()).collect();
        let _ = writeln!(out, "`{}:{}` ({})\n", f.file, f.line, f.locale);
        let _ = writeln!(out, "```diff");
        for line in old.lines() {
            let _ = writeln!(out, "- {line}");
        }
        for line in new.lines() {
            let _ = writeln!(out, "+ {line}");
        }
        let _ = writeln!(out, "```\n");
    }
    if stale.len() > STALE_DIFFS {
        let _ = writeln!(out, "{}", messages.get("md-more-stale", &[("count", num(stale.len() - STALE_DIFFS))]));
    }
}

fn locale_table(r: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    let columns = [
        "col-locale",
        "col-pages",
        "col-coverage",
        "",
        "col-untranslated",
        "col-partial",
        "col-stale",
        "col-missing",
        "col-obsolete",
        "col-gates",
    ];
    let _ = writeln!(out, "{}", header(&columns, messages));
    let _ = writeln!(out, "|---|---:|---:|---|---:|---:|---:|---:|---:|---|");
    for l in &r.locales {
        let w = &l.counts.words;
        let gates = if l.gates.is_empty() {
            "–"
        } else if l.passed() {
            "✅"
        } else {
            "❌"
        };
        let _ = writeln!(
            out,
            "| {} | {} | {:.1}% | `{}` | {} | {} | {} | {} | {} | {} |",
            l.locale,
            l.pages,
            l.coverage,
            bar(l.coverage),
            w.untranslated,
            w.partial,
            w.stale,
            w.missing,
            w.obsolete,
            gates
        );
    }
}

fn page_table(r: &SiteReport, limit: usize, messages: &Messages, out: &mut Vec<u8>) {
    let pages: Vec<_> = worst_first(&r.pages).into_iter().filter(|p| p.words_to_do > 0).take(limit).collect();
    if pages.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", messages.text("md-pages-heading"));
    let _ = writeln!(out, "{}", header(&["col-page", "col-locale", "col-coverage", "col-to-do", "col-base"], messages));
    let _ = writeln!(out, "|---|---|---:|---:|---|");
    for p in pages {
        let kind = messages.text(&format!("base-kind-{}", p.base.kind.as_str()));
        let base = match (&p.base.revision, &p.base.date) {
            (Some(rev), Some(date)) => format!("{kind} `{}` {date}", rev.get(..12).unwrap_or(rev)),
            (Some(rev), None) => format!("{kind} `{}`", rev.get(..19).unwrap_or(rev)),
            _ => kind,
        };
        let page = p.page.replace('|', "\\|");
        let _ = writeln!(out, "| `{page}` | {} | {:.1}% | {} | {base} |", p.locale, p.coverage, p.words_to_do);
    }
}
