//! Human output of `lockstep catalog`: what `build` wrote, the per-locale counts and findings
//! of `check` (its other formats are the reporters of `lockstep check`), and the repeated
//! labels with their renderings.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::human::{finding, table, Align};
use crate::catalog::BuildReport;
use crate::check::{Finding, Level, SiteReport};
use crate::shown::inline;
use crate::ui::{arg, num, Messages};

/// First strong isolate … pop directional isolate, around text that may be right-to-left.
fn isolate(s: &str) -> String {
    format!("\u{2068}{}\u{2069}", inline(s))
}

pub fn build(r: &BuildReport, messages: &Messages, out: &mut Vec<u8>) {
    for f in &r.findings {
        finding(f, messages, out);
    }
    let bold = Style::new().bold();
    for b in &r.files {
        let id = if b.changed { "catalog-built" } else { "catalog-unchanged" };
        let args = [
            ("file", arg(inline(&b.file))),
            ("locale", arg(inline(&b.locale))),
            ("messages", num(b.messages)),
            ("added", num(b.added)),
            ("untranslated", num(b.untranslated.len())),
            ("missing", num(b.missing)),
            ("obsolete", num(b.obsolete)),
        ];
        let _ = writeln!(out, "{}", messages.get(id, &args));
    }
    let _ = writeln!(out, "{bold}{}{bold:#}", summary(&r.findings, r.files.len(), messages));
}

pub fn check(r: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    use Align::{Left, Right};
    for f in &r.findings {
        finding(f, messages, out);
    }
    let columns = [
        ("col-locale", Left),
        ("col-files", Right),
        ("col-translated", Right),
        ("col-untranslated", Right),
        ("col-missing", Right),
        ("col-obsolete", Right),
        ("col-errors", Right),
        ("col-warnings", Right),
        ("col-coverage", Right),
    ];
    let rows: Vec<Vec<String>> = r
        .locales
        .iter()
        .map(|l| {
            let t = &l.counts.segments;
            let errors = r.findings.iter().filter(|f| f.locale == l.locale && f.level == Level::Error).count();
            let warnings = r.findings.iter().filter(|f| f.locale == l.locale && f.level == Level::Warning).count();
            let mut row = vec![inline(&l.locale).into_owned()];
            row.extend(
                [l.pages, t.translated, t.untranslated, t.missing, t.obsolete, errors, warnings].map(|n| n.to_string()),
            );
            row.push(format!("{:.1}%", l.coverage_segments));
            row
        })
        .collect();
    let _ = writeln!(out);
    table(&columns, &rows, messages, out);
    let bold = Style::new().bold();
    let _ = writeln!(out, "{bold}{}{bold:#}", summary(&r.findings, r.pages.len(), messages));
}

fn summary(findings: &[Finding], files: usize, messages: &Messages) -> String {
    let count = |lv: Level| findings.iter().filter(|f| f.level == lv).count();
    messages.get(
        "catalog-summary",
        &[
            ("findings", num(findings.len())),
            ("errors", num(count(Level::Error))),
            ("warnings", num(count(Level::Warning))),
            ("infos", num(count(Level::Info))),
            ("files", num(files)),
        ],
    )
}

pub fn labels(r: &crate::catalog::labels::Report, messages: &Messages, out: &mut Vec<u8>) {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into()));
    let header = messages.get(
        "catalog-labels-header",
        &[
            ("labels", num(r.labels.len())),
            ("pages", num(r.source_pages)),
            ("min", num(r.options.min_count)),
            ("words", num(r.options.max_words)),
        ],
    );
    let _ = writeln!(out, "{bold}{header}{bold:#}");
    for l in &r.labels {
        let args = [
            ("id", arg(inline(&l.id))),
            ("text", arg(isolate(&l.text))),
            ("count", num(l.count)),
            ("pages", num(l.pages)),
            ("kinds", arg(l.kinds.join(", "))),
        ];
        let _ = writeln!(out, "\n{bold}{}{bold:#}", messages.get("catalog-label", &args));
        for loc in &l.locales {
            let shown: Vec<String> = loc
                .renderings
                .iter()
                .map(|r| {
                    let mark = if r.untranslated {
                        format!(" {}", messages.text("catalog-label-untranslated"))
                    } else {
                        String::new()
                    };
                    format!("{} ×{}{mark}", isolate(&r.text), r.count)
                })
                .collect();
            let line = if shown.is_empty() { format!("{dim}–{dim:#}") } else { shown.join(", ") };
            let note = if loc.inconsistent {
                let n = loc.renderings.iter().filter(|r| !r.untranslated).count();
                format!("  {warn}{}{warn:#}", messages.get("catalog-label-inconsistent", &[("renderings", num(n))]))
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {:<8} {line}{note}", inline(&loc.locale));
        }
    }
    let inconsistent: usize = r.labels.iter().map(|l| l.locales.iter().filter(|x| x.inconsistent).count()).sum();
    let _ = writeln!(
        out,
        "\n{bold}{}{bold:#}",
        messages.get("catalog-labels-summary", &[("labels", num(r.labels.len())), ("inconsistent", num(inconsistent))])
    );
}
