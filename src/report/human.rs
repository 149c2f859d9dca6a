//! Output for people at a terminal. Styles are always written; `anstream` strips them when
//! stdout is not a terminal or `NO_COLOR` is set. Right-to-left excerpts are wrapped in
//! Unicode isolates so that they cannot reorder the columns around them, and whatever comes
//! from a site — excerpts, file and page names, revisions, messages quoting a page — goes
//! through [`crate::shown`]: control characters (escape sequences included), bidirectional
//! controls and invisible characters are shown as `<U+XXXX>`, never emitted raw.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use crate::classify::{AlignedPair, Alignment, BaseKind, DiffOp, Status};
use crate::parse::Page;
use crate::shown::{inline, visible};
use crate::ui::{arg, num, Messages};

const EXCERPT: usize = 48;

/// First strong isolate … pop directional isolate.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

pub fn alignment(a: &Alignment, messages: &Messages, out: &mut Vec<u8>) {
    let bold = Style::new().bold();
    let header = messages.get(
        "align-header",
        &[
            ("source", arg(inline(&a.source))),
            ("translation", arg(inline(&a.translation))),
            ("locale", arg(inline(&a.locale))),
        ],
    );
    let _ = writeln!(out, "{bold}{header}{bold:#}");
    let base = match (a.base.kind, &a.base.revision) {
        (BaseKind::None, _) | (_, None) => messages.text("align-base-none"),
        (_, Some(rev)) => messages.get("align-base-file", &[("revision", arg(inline(rev)))]),
    };
    let dim = Style::new().dimmed();
    let _ = writeln!(out, "{dim}{base}{dim:#}");
    for pair in &a.pairs {
        line(pair, messages, out);
    }
    let count = |s: Status| a.pairs.iter().filter(|p| p.has(s)).count();
    let summary = messages.get(
        "align-summary",
        &[
            ("pairs", num(a.pairs.len())),
            ("translated", num(count(Status::Translated))),
            ("untranslated", num(count(Status::Untranslated))),
            ("partial", num(count(Status::Partial))),
            ("stale", num(count(Status::Stale))),
            ("missing", num(count(Status::Missing))),
            ("obsolete", num(count(Status::Obsolete))),
        ],
    );
    let _ = writeln!(out, "{bold}{summary}{bold:#}");
    if a.pairs.iter().any(|p| p.verbatim) {
        let _ = writeln!(out, "{dim}{}{dim:#}", messages.text("align-verbatim-note"));
    }
}

fn line(pair: &AlignedPair, messages: &Messages, out: &mut Vec<u8>) {
    let names: Vec<String> = pair.status.iter().map(|s| messages.text(&format!("status-{}", s.as_str()))).collect();
    let mut label = names.join("+");
    if pair.verbatim {
        label.push_str(&format!(" ({})", messages.text("verbatim")));
    }
    let style = status_style(&pair.status);
    let range = |r: Option<[u32; 2]>| match r {
        None => "-".to_owned(),
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}-{b}"),
    };
    let excerpt = match (&pair.source_text, &pair.translation_text) {
        (Some(s), Some(t)) if s == t => isolate(&excerpt(s)),
        (Some(s), Some(t)) => format!("{} │ {}", isolate(&excerpt(s)), isolate(&excerpt(t))),
        (Some(s), None) => isolate(&excerpt(s)),
        (None, Some(t)) => isolate(&excerpt(t)),
        (None, None) => String::new(),
    };
    let label = pad(&label, 28);
    let _ = writeln!(
        out,
        "  {style}{label}{style:#} {:>9} {:>9}  {excerpt}",
        range(pair.source_lines),
        range(pair.translation_lines)
    );
    if let Some(diff) = pair.diff() {
        let _ = writeln!(out, "{:>51}{}", "", diff_line(diff));
    }
}

fn diff_line(diff: &[DiffOp]) -> String {
    let del = Style::new().fg_color(Some(AnsiColor::Red.into())).strikethrough();
    let ins = Style::new().fg_color(Some(AnsiColor::Green.into())).underline();
    let mut s = String::new();
    for DiffOp(tag, text) in diff {
        let text = visible(text).replace('\n', "⏎");
        match *tag {
            "delete" => s.push_str(&format!("{del}[-{text}-]{del:#}")),
            "insert" => s.push_str(&format!("{ins}{{+{text}+}}{ins:#}")),
            _ => s.push_str(&shorten_context(&text)),
        }
    }
    s
}

/// Long unchanged runs keep a few words at each end.
fn shorten_context(text: &str) -> String {
    const KEEP: usize = 24;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 3 * KEEP {
        return text.to_owned();
    }
    let head: String = chars[..KEEP].iter().collect();
    let tail: String = chars[chars.len() - KEEP..].iter().collect();
    format!("{head}…{tail}")
}

fn status_style(status: &[Status]) -> Style {
    let color = if status.contains(&Status::Missing) || status.contains(&Status::Untranslated) {
        AnsiColor::Red
    } else if status.contains(&Status::Stale) {
        AnsiColor::Magenta
    } else if status.contains(&Status::Partial) {
        AnsiColor::Yellow
    } else if status.contains(&Status::Obsolete) {
        AnsiColor::Blue
    } else {
        AnsiColor::Green
    };
    Style::new().fg_color(Some(color.into()))
}

/// The start of a segment's text on one line, shortened with an ellipsis.
fn excerpt(raw: &str) -> String {
    let one_line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(EXCERPT).collect();
    if one_line.chars().count() > EXCERPT {
        s.push('…');
    }
    visible(&s).into_owned()
}

fn isolate(s: &str) -> String {
    format!("{FSI}{s}{PDI}")
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_owned()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

pub fn segments(page: &Page, messages: &Messages, out: &mut Vec<u8>) {
    for s in &page.segments {
        let lines =
            if s.lines[0] == s.lines[1] { s.lines[0].to_string() } else { format!("{}-{}", s.lines[0], s.lines[1]) };
        let container =
            if s.container.is_empty() { String::new() } else { format!(" [{}]", inline(&s.container.join(" › "))) };
        let verbatim = if s.verbatim { format!(" ({})", messages.text("verbatim")) } else { String::new() };
        let _ = writeln!(out, "{lines:>9}  {}{container}{verbatim}  {}", s.kind.as_str(), isolate(&excerpt(s.text())));
        if !s.skeleton().is_empty() {
            let _ = writeln!(out, "{:>11}{}", "", inline(&s.skeleton().join("  ")));
        }
    }
}

/// `lockstep status`: one row per locale (and per page with `pages`), coverage with a bar.
pub fn status(r: &crate::check::SiteReport, pages: bool, messages: &Messages, out: &mut Vec<u8>) {
    use Align::{Left, Right};
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let header = messages.get(
        "status-header",
        &[("root", arg(inline(&r.root))), ("locales", num(r.locales.len())), ("source", arg(inline(&r.source_locale)))],
    );
    let _ = writeln!(out, "{bold}{header}{bold:#}");
    let columns = [
        ("col-locale", Left),
        ("col-dir", Left),
        ("col-pages", Right),
        ("col-translated", Right),
        ("col-untranslated", Right),
        ("col-partial", Right),
        ("col-stale", Right),
        ("col-missing", Right),
        ("col-obsolete", Right),
        ("col-coverage", Left),
    ];
    for (unit, words) in [("status-unit-words", true), ("status-unit-segments", false)] {
        let _ = writeln!(out, "\n{bold}{}{bold:#}", messages.text(unit));
        let rows: Vec<Vec<String>> = r
            .locales
            .iter()
            .map(|l| {
                let (t, coverage) =
                    if words { (&l.counts.words, l.coverage) } else { (&l.counts.segments, l.coverage_segments) };
                let mut row = vec![inline(&l.locale).into_owned(), l.direction.to_owned(), l.pages.to_string()];
                row.extend([t.translated, t.untranslated, t.partial, t.stale, t.missing].map(|n| n.to_string()));
                row.push(l.counts.segments.obsolete.to_string());
                row.push(format!("{} {:>5.1}%", bar(coverage), coverage));
                row
            })
            .collect();
        table(&columns, &rows, messages, out);
    }
    if pages {
        let _ = writeln!(out);
        let columns = [
            ("col-page", Left),
            ("col-locale", Left),
            ("col-coverage", Right),
            ("col-to-do", Right),
            ("col-untranslated", Right),
            ("col-partial", Right),
            ("col-stale", Right),
            ("col-missing", Right),
            ("col-obsolete", Right),
            ("col-base", Left),
        ];
        let rows: Vec<Vec<String>> = worst_first(&r.pages)
            .into_iter()
            .map(|p| {
                let w = &p.counts.words;
                let kind = base_kind(p.base.kind, messages);
                let base = match (&p.base.revision, &p.base.date) {
                    (Some(rev), Some(date)) => format!("{kind} {} {}", inline(short(rev)), inline(date)),
                    (Some(rev), None) => format!("{kind} {}", inline(short(rev))),
                    _ => kind,
                };
                let mut row =
                    vec![inline(&p.page).into_owned(), inline(&p.locale).into_owned(), format!("{:.1}%", p.coverage)];
                row.extend(
                    [p.words_to_do, w.untranslated, w.partial, w.stale, w.missing, w.obsolete].map(|n| n.to_string()),
                );
                row.push(base);
                row
            })
            .collect();
        table(&columns, &rows, messages, out);
    }
    orphans(r, messages, out);
    let _ = writeln!(out, "{dim}{}{dim:#}", messages.text("status-verbatim-note"));
}

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table: a dimmed header row of messages, then the rows; each column as wide as its widest
/// cell, two spaces apart. In a right-to-left interface each header is isolated, so that a
/// terminal that reorders bidirectional text keeps the headers in the order of the columns.
pub fn table(columns: &[(&str, Align)], rows: &[Vec<String>], messages: &Messages, out: &mut Vec<u8>) {
    use unicode_width::UnicodeWidthStr;
    let width = |s: &str| s.replace([FSI, PDI], "").width();
    let headers: Vec<String> = columns.iter().map(|(id, _)| messages.text(id)).collect();
    let widths: Vec<usize> = (0..columns.len())
        .map(|i| rows.iter().map(|r| width(&r[i])).chain([width(&headers[i])]).max().unwrap_or(0))
        .collect();
    let line = |cells: &[String], isolated: bool| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
            let cell = if isolated { isolate(cell) } else { cell.clone() };
            if i > 0 {
                s.push_str("  ");
            }
            match columns[i].1 {
                Align::Left => s.push_str(&format!("{cell}{pad}")),
                Align::Right => s.push_str(&format!("{pad}{cell}")),
            }
        }
        s.trim_end().to_owned()
    };
    let dim = Style::new().dimmed();
    let _ = writeln!(out, "{dim}{}{dim:#}", line(&headers, messages.is_rtl()));
    for row in rows {
        let _ = writeln!(out, "{}", line(row, false));
    }
}

/// A kind of base as people read it.
fn base_kind(kind: BaseKind, messages: &Messages) -> String {
    messages.text(&format!("base-kind-{}", kind.as_str()))
}

/// A commit id or hash, shortened for a table.
fn short(revision: &str) -> &str {
    let r = revision.strip_prefix("sha256:").unwrap_or(revision);
    r.get(..12).unwrap_or(r)
}

/// Pages with the most source words needing work first.
pub fn worst_first(pages: &[crate::check::PageReport]) -> Vec<&crate::check::PageReport> {
    let mut v: Vec<&crate::check::PageReport> = pages.iter().collect();
    v.sort_by(|a, b| b.words_to_do.cmp(&a.words_to_do).then(a.page.cmp(&b.page)).then(a.locale.cmp(&b.locale)));
    v
}

fn is_pair_rule(id: &str) -> bool {
    crate::rules::rule(id).is_some_and(|r| matches!(r.check, crate::rules::Check::Pair(_)))
}

/// The line a finding is on, with a caret under its column:
///
/// ```text
///    |
/// 12 | Run `enrypt` first.
///    |     ^
/// ```
///
/// Invisible characters are shown as `<U+XXXX>`. A line holding right-to-left letters is
/// isolated and gets no caret: a terminal's bidi reordering would put it in the wrong place.
fn snippet(line_number: u32, column: u32, line: &str, style: Style, out: &mut Vec<u8>) {
    use unicode_width::UnicodeWidthStr;
    const BEFORE: usize = 40;
    const WIDTH: usize = 100;
    // Long lines are cut to a window around the column.
    let chars: Vec<char> = line.chars().collect();
    let at = (column.saturating_sub(1) as usize).min(chars.len());
    let start = at.saturating_sub(BEFORE);
    let end = (start + WIDTH).min(chars.len());
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    let window: String = chars[start..end].iter().collect();
    let cut = chars[start..at].iter().map(|c| c.len_utf8()).sum();
    let (before, rest) = crate::shown::visible_split(&window, cut);
    let before = format!("{}{before}", ellipsis(start > 0));
    let shown = format!("{before}{rest}{}", ellipsis(end < chars.len()));
    let gutter = line_number.to_string().len();
    let rtl =
        shown.chars().any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'));
    let dim = Style::new().dimmed();
    let _ = writeln!(out, "{dim}{:gutter$} |{dim:#}", "");
    if rtl {
        let _ = writeln!(out, "{dim}{line_number} |{dim:#} {}", isolate(&shown));
        return;
    }
    let _ = writeln!(out, "{dim}{line_number} |{dim:#} {shown}");
    let offset = before.width();
    let _ = writeln!(out, "{dim}{:gutter$} |{dim:#} {:offset$}{style}^{style:#}", "", "");
}

/// A 20-cell coverage bar.
pub fn bar(percent: f64) -> String {
    let filled = ((percent / 5.0).round() as usize).min(20);
    format!("{}{}", "█".repeat(filled), "░".repeat(20 - filled))
}

/// `lockstep check`: every finding as `file:line:col: level[rule]: message`, then the gates.
pub fn check(r: &crate::check::SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    use crate::check::Level;
    for f in &r.findings {
        finding(f, messages, out);
    }
    orphans(r, messages, out);
    for l in &r.locales {
        for g in &l.gates {
            let id = if g.passed { "gate-passed" } else { "gate-failed" };
            let args = [
                ("locale", arg(inline(&l.locale))),
                ("gate", arg(inline(&g.gate))),
                ("actual", arg(g.actual.to_string())),
                ("limit", arg(g.limit.to_string())),
            ];
            let style = if g.passed { Style::new() } else { Style::new().fg_color(Some(AnsiColor::Red.into())).bold() };
            let _ = writeln!(out, "{style}{}{style:#}", messages.get(id, &args));
        }
    }
    let mut kinds: Vec<(BaseKind, usize)> = Vec::new();
    for p in r.pages.iter().filter(|p| p.exists) {
        match kinds.iter_mut().find(|(k, _)| *k == p.base.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((p.base.kind, 1)),
        }
    }
    if !kinds.is_empty() {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{} {n}", base_kind(*k, messages))).collect();
        let _ = writeln!(out, "{}", messages.get("check-bases", &[("bases", arg(list.join(", ")))]));
    }
    let count = |lv: Level| r.findings.iter().filter(|f| f.level == lv).count();
    let summary = messages.get(
        "check-summary",
        &[
            ("findings", num(r.findings.len())),
            ("errors", num(count(Level::Error))),
            ("warnings", num(count(Level::Warning))),
            ("infos", num(count(Level::Info))),
            ("pages", num(r.pages.len())),
        ],
    );
    let bold = Style::new().bold();
    let _ = writeln!(out, "{bold}{summary}{bold:#}");
}

/// One finding as `file:line:col: level[rule] locale: message  excerpt`, with the word diff
/// of a stale block under it. In a right-to-left interface the message is isolated as a whole,
/// so that its punctuation stays with it in a line that starts with a file name.
pub fn finding(f: &crate::check::Finding, messages: &Messages, out: &mut Vec<u8>) {
    use crate::check::Level;
    let style = match f.level {
        Level::Error => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        Level::Warning => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
        _ => Style::new().fg_color(Some(AnsiColor::Blue.into())),
    };
    // Markup and script findings show the line they are on; other findings an excerpt.
    let line = f.translation_excerpt.as_deref().filter(|_| is_pair_rule(f.rule));
    let excerpt = match line {
        Some(_) => String::new(),
        None => f.translation_excerpt.as_deref().or(f.source_excerpt.as_deref()).map(excerpt).unwrap_or_default(),
    };
    // One line per finding, whatever the message quotes: editors and CI problem matchers read
    // these lines.
    let message = crate::shown::message(&f.message, true);
    let message = if messages.is_rtl() { isolate(&message) } else { message };
    let _ = writeln!(
        out,
        "{}:{}:{}: {style}{}[{}]{style:#} {}: {message}{}",
        inline(&f.file),
        f.line,
        f.column,
        messages.text(&format!("level-{}", f.level.as_str())),
        inline(f.rule),
        inline(&f.locale),
        if excerpt.is_empty() { String::new() } else { format!("  {}", isolate(&excerpt)) }
    );
    if let Some(line) = line {
        snippet(f.line, f.column, line, style, out);
    }
    if let Some(diff) = &f.diff {
        let _ = writeln!(out, "    {}", diff_line(diff));
    }
}

/// The translations that have no source page, one line each.
fn orphans(r: &crate::check::SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    for o in &r.orphans {
        let args = [("file", arg(inline(&o.file))), ("message", arg(crate::shown::message(&o.message, true)))];
        let _ = writeln!(out, "{}", messages.get("orphan", &args));
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn bidi_controls_are_shown_not_emitted() {
        assert_eq!(visible("a\u{202E}b\u{200F}"), "a<U+202E>b<U+200F>");
        assert_eq!(visible("שלום"), "שלום");
    }
}
