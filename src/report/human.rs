//! Output for people at a terminal. Styles are always written; `anstream` strips them when
//! stdout is not a terminal or `NO_COLOR` is set. Right-to-left excerpts are wrapped in
//! Unicode isolates so that they cannot reorder the columns around them, and invisible or
//! bidirectional control characters are shown as `<U+XXXX>`, never emitted raw.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use crate::classify::{AlignedPair, Alignment, BaseKind, DiffOp, Status};
use crate::parse::Page;
use crate::rules::visible;
use crate::ui::{arg, num, Messages};

const EXCERPT: usize = 48;

/// First strong isolate … pop directional isolate.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

pub fn alignment(a: &Alignment, messages: &Messages, out: &mut Vec<u8>) {
    let bold = Style::new().bold();
    let header = messages.get(
        "align-header",
        &[("source", arg(&a.source)), ("translation", arg(&a.translation)), ("locale", arg(&a.locale))],
    );
    let _ = writeln!(out, "{bold}{header}{bold:#}");
    let base = match (a.base.kind, &a.base.revision) {
        (BaseKind::None, _) | (_, None) => messages.text("align-base-none"),
        (_, Some(rev)) => messages.get("align-base-file", &[("revision", arg(rev))]),
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
    if let Some(diff) = &pair.diff {
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
    visible(&s)
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

pub fn segments(page: &Page, out: &mut Vec<u8>) {
    for s in &page.segments {
        let lines =
            if s.lines[0] == s.lines[1] { s.lines[0].to_string() } else { format!("{}-{}", s.lines[0], s.lines[1]) };
        let container =
            if s.container.is_empty() { String::new() } else { format!(" [{}]", s.container.join(" › ")) };
        let verbatim = if s.verbatim { " (verbatim)" } else { "" };
        let _ = writeln!(out, "{lines:>9}  {}{container}{verbatim}  {}", s.kind.as_str(), isolate(&excerpt(&s.text)));
        if !s.skeleton.is_empty() {
            let _ = writeln!(out, "{:>11}{}", "", visible(&s.skeleton.join("  ")));
        }
    }
}

/// `lockstep status`: one row per locale (and per page with `pages`), coverage with a bar.
pub fn status(r: &crate::check::SiteReport, pages: bool, messages: &Messages, out: &mut Vec<u8>) {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let header = messages.get(
        "status-header",
        &[("root", arg(&r.root)), ("locales", num(r.locales.len())), ("source", arg(&r.source_locale))],
    );
    let _ = writeln!(out, "{bold}{header}{bold:#}");
    for (unit, words) in [("status-unit-words", true), ("status-unit-segments", false)] {
        let _ =
            writeln!(out, "\n{bold}{}{bold:#}\n{dim}{}{dim:#}", messages.text(unit), messages.text("status-columns"));
        for l in &r.locales {
            let (t, coverage) =
                if words { (&l.counts.words, l.coverage) } else { (&l.counts.segments, l.coverage_segments) };
            let _ = writeln!(
                out,
                "{:<8} {:<4} {:>5} {:>11} {:>13} {:>8} {:>6} {:>8} {:>9}  {} {:>5.1}%",
                l.locale,
                l.direction,
                l.pages,
                t.translated,
                t.untranslated,
                t.partial,
                t.stale,
                t.missing,
                l.counts.segments.obsolete,
                bar(coverage),
                coverage
            );
        }
    }
    if pages {
        let _ = writeln!(out);
        let _ = writeln!(out, "{dim}{}{dim:#}", messages.text("status-pages-columns"));
        for p in worst_first(&r.pages) {
            let w = &p.counts.words;
            let base = match (&p.base.revision, &p.base.date) {
                (Some(rev), Some(date)) => format!("{} {} {}", p.base.kind.as_str(), short(rev), date),
                (Some(rev), None) => format!("{} {}", p.base.kind.as_str(), short(rev)),
                _ => p.base.kind.as_str().to_owned(),
            };
            let _ = writeln!(
                out,
                "{:<40} {:<8} {:>5.1}% {:>8} {:>6} {:>6} {:>6} {:>6} {:>6}  {base}",
                p.page, p.locale, p.coverage, p.words_to_do, w.untranslated, w.partial, w.stale, w.missing, w.obsolete
            );
        }
    }
    for o in &r.orphans {
        let _ = writeln!(out, "{}", messages.get("orphan", &[("file", arg(&o.file)), ("message", arg(&o.message))]));
    }
    let _ = writeln!(out, "{dim}{}{dim:#}", messages.text("status-verbatim-note"));
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
    let before: String = chars[start..at].iter().collect();
    let before = format!("{}{}", ellipsis(start > 0), visible(&before));
    let rest: String = chars[at..end].iter().collect();
    let shown = format!("{before}{}{}", visible(&rest), ellipsis(end < chars.len()));
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
        finding(f, out);
    }
    for o in &r.orphans {
        let _ = writeln!(out, "{}", messages.get("orphan", &[("file", arg(&o.file)), ("message", arg(&o.message))]));
    }
    for l in &r.locales {
        for g in &l.gates {
            let id = if g.passed { "gate-passed" } else { "gate-failed" };
            let args = [
                ("locale", arg(&l.locale)),
                ("gate", arg(&g.gate)),
                ("actual", arg(g.actual.to_string())),
                ("limit", arg(g.limit.to_string())),
            ];
            let style = if g.passed { Style::new() } else { Style::new().fg_color(Some(AnsiColor::Red.into())).bold() };
            let _ = writeln!(out, "{style}{}{style:#}", messages.get(id, &args));
        }
    }
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for p in r.pages.iter().filter(|p| p.exists) {
        match kinds.iter_mut().find(|(k, _)| *k == p.base.kind.as_str()) {
            Some((_, n)) => *n += 1,
            None => kinds.push((p.base.kind.as_str(), 1)),
        }
    }
    if !kinds.is_empty() {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
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
/// of a stale block under it.
pub fn finding(f: &crate::check::Finding, out: &mut Vec<u8>) {
    use crate::check::Level;
    let style = match f.level {
        Level::Error => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        Level::Warning => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
        _ => Style::new().fg_color(Some(AnsiColor::Blue.into())),
    };
    // Markup and script findings show the line they are on; other findings an excerpt.
    let line = f.translation_excerpt.as_deref().filter(|_| is_pair_rule(&f.rule));
    let excerpt = match line {
        Some(_) => String::new(),
        None => f.translation_excerpt.as_deref().or(f.source_excerpt.as_deref()).map(excerpt).unwrap_or_default(),
    };
    let _ = writeln!(
        out,
        "{}:{}:{}: {style}{}[{}]{style:#} {}: {}{}",
        f.file,
        f.line,
        f.column,
        f.level.as_str(),
        f.rule,
        f.locale,
        visible(&f.message),
        if excerpt.is_empty() { String::new() } else { format!("  {}", isolate(&excerpt)) }
    );
    if let Some(line) = line {
        snippet(f.line, f.column, line, style, out);
    }
    if let Some(diff) = &f.diff {
        let _ = writeln!(out, "    {}", diff_line(diff));
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
