//! Markdown for a CI step summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: a
//! progress table per locale, then the pages that need most work. Text from a site cannot
//! change the document's structure: names go into code spans fenced by more backticks than
//! they hold (a `|` escaped inside a table), other text has its punctuation escaped, the stale
//! diffs are fenced by more backticks than any run in them, and control, bidirectional and
//! invisible characters are shown as `<U+XXXX>` marks.

use std::io::Write;

use crate::check::{Level, SiteReport};
use crate::ui::{arg, num, Messages};

use super::human::{bar, worst_first};
use crate::shown::{inline, visible};

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
            format!("- **{}**: {} {limit}", text(&l.locale), code(&g.gate, false))
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
        let _ = writeln!(out, "{} ({})\n", code(&format!("{}:{}", f.file, f.line), false), text(&f.locale));
        let fence = "`".repeat(longest_run(&format!("{old}{new}"), '`').max(2) + 1);
        let _ = writeln!(out, "{fence}diff");
        for line in old.lines() {
            let _ = writeln!(out, "- {}", visible(line));
        }
        for line in new.lines() {
            let _ = writeln!(out, "+ {}", visible(line));
        }
        let _ = writeln!(out, "{fence}\n");
    }
    if stale.len() > STALE_DIFFS {
        let _ = writeln!(out, "{}", messages.get("md-more-stale", &[("count", num(stale.len() - STALE_DIFFS))]));
    }
}

/// A code span holding `s` on one line, whatever backticks it holds; in a table cell a `|`
/// is escaped too (GitHub reads the escape in a cell before the code span).
fn code(s: &str, in_table: bool) -> String {
    let mut content = inline(s).into_owned();
    if in_table {
        content = content.replace('|', "\\|");
    }
    let ticks = "`".repeat(longest_run(&content, '`') + 1);
    // A space on each side is taken away again, and keeps a backtick at an end from joining the fence.
    let pad = if content.starts_with(['`', ' ']) || content.ends_with(['`', ' ']) { " " } else { "" };
    format!("{ticks}{pad}{content}{pad}{ticks}")
}

/// Text on one line whose Markdown punctuation is escaped, so that it is shown as it is: no
/// emphasis, link, HTML, math or table cell border can come of it.
fn text(s: &str) -> String {
    const SPECIAL: &str = "\\`*_[]<>|!#&~$";
    let mut out = String::with_capacity(s.len());
    for c in inline(s).chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
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
            text(&l.locale),
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
        let short = |rev: &str, n: usize| rev.char_indices().nth(n).map_or(rev.len(), |(i, _)| i);
        let base = match (&p.base.revision, &p.base.date) {
            (Some(rev), Some(date)) => format!("{kind} {} {}", code(&rev[..short(rev, 12)], true), text(date)),
            (Some(rev), None) => format!("{kind} {}", code(&rev[..short(rev, 19)], true)),
            _ => kind,
        };
        let page = code(&p.page, true);
        let _ = writeln!(out, "| {page} | {} | {:.1}% | {} | {base} |", text(&p.locale), p.coverage, p.words_to_do);
    }
}

#[cfg(test)]
mod tests {
    use super::{code, longest_run, text};

    #[test]
    fn code_spans_hold_any_name() {
        assert_eq!(code("a.md", true), "`a.md`");
        assert_eq!(code("a|b.md", true), "`a\\|b.md`");
        assert_eq!(code("a|b.md", false), "`a|b.md`");
        assert_eq!(code("a`b``c.md", true), "```a`b``c.md```");
        assert_eq!(code("`x`", true), "`` `x` ``");
        assert_eq!(code("x\n<b>y\u{1b}[1m", true), "`x<U+000A><b>y<U+001B>[1m`");
    }

    #[test]
    fn text_is_shown_as_it_is() {
        assert_eq!(text("he"), "he");
        assert_eq!(text("*a* | <b> [x](y)"), "\\*a\\* \\| \\<b\\> \\[x\\](y)");
        assert_eq!(text("2024-03-01T10:00:00Z"), "2024-03-01T10:00:00Z");
        assert_eq!(longest_run("a``b```c", '`'), 3);
        assert_eq!(longest_run("abc", '`'), 0);
    }
}
