//! Markdown for a CI step summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: a
//! progress table per locale, then the pages that need most work.

use std::io::Write;

use crate::check::{Level, SiteReport};

use super::human::{bar, worst_first};

/// Pages listed in the "needs most work" table.
const WORST_PAGES: usize = 15;

pub fn status(r: &SiteReport, pages: bool, out: &mut Vec<u8>) {
    locale_table(r, out);
    if pages {
        page_table(r, usize::MAX, out);
    } else {
        page_table(r, WORST_PAGES, out);
    }
    let _ = writeln!(out, "\n<sub>Counts are source words. Blocks with nothing to translate (code, names, links only) are not counted.</sub>");
}

pub fn check(r: &SiteReport, out: &mut Vec<u8>) {
    let verdict = if r.failed() { "❌ failed" } else { "✅ passed" };
    let _ = writeln!(out, "## lockstep check: {verdict}\n");
    locale_table(r, out);
    let failed: Vec<String> = r
        .locales
        .iter()
        .flat_map(|l| l.gates.iter().filter(|g| !g.passed).map(move |g| (l, g)))
        .map(|(l, g)| format!("- **{}**: `{}` {} (actual {})", l.locale, g.gate, g.limit, g.actual))
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\n### Failed gates\n\n{}", failed.join("\n"));
    }
    page_table(r, WORST_PAGES, out);
    stale_diffs(r, out);
    let count = |lv: Level| r.findings.iter().filter(|f| f.level == lv).count();
    let _ = writeln!(
        out,
        "\n{} findings: {} errors, {} warnings, {} notes.",
        r.findings.len(),
        count(Level::Error),
        count(Level::Warning),
        count(Level::Info)
    );
}

/// Stale blocks shown in the report.
const STALE_DIFFS: usize = 10;

/// What changed in the source since the first stale blocks were translated, as diff blocks.
fn stale_diffs(r: &SiteReport, out: &mut Vec<u8>) {
    let stale: Vec<_> = r.findings.iter().filter(|f| f.diff.is_some()).collect();
    if stale.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### What changed in the source\n");
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
        let _ = writeln!(out, "…and {} more stale blocks.", stale.len() - STALE_DIFFS);
    }
}

fn locale_table(r: &SiteReport, out: &mut Vec<u8>) {
    let _ =
        writeln!(out, "| Locale | Pages | Coverage | | Untranslated | Partial | Stale | Missing | Obsolete | Gates |");
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

fn page_table(r: &SiteReport, limit: usize, out: &mut Vec<u8>) {
    let pages: Vec<_> = worst_first(&r.pages).into_iter().filter(|p| p.words_to_do > 0).take(limit).collect();
    if pages.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### Pages that need most work\n");
    let _ = writeln!(out, "| Page | Locale | Coverage | To do (words) | Base |");
    let _ = writeln!(out, "|---|---|---:|---:|---|");
    for p in pages {
        let base = match (&p.base.revision, &p.base.date) {
            (Some(rev), Some(date)) => format!("{} `{}` {date}", p.base.kind.as_str(), rev.get(..12).unwrap_or(rev)),
            (Some(rev), None) => format!("{} `{}`", p.base.kind.as_str(), rev.get(..19).unwrap_or(rev)),
            _ => p.base.kind.as_str().to_owned(),
        };
        let page = p.page.replace('|', "\\|");
        let _ = writeln!(out, "| `{page}` | {} | {:.1}% | {} | {base} |", p.locale, p.coverage, p.words_to_do);
    }
}
