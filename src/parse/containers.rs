//! The pre-pass for what CommonMark does not know: YAML front matter, admonitions and
//! collapsibles (`!!!`, `???`, `???+`), content tabs (`===`), and the container paths of
//! `<div markdown>` / `<details>` blocks.
//!
//! It turns those lines into segments of their own and hands pulldown-cmark a text with the
//! same number of lines, where marker lines are blank and indented bodies are de-indented, so
//! that byte offsets of the rewritten text still give the original line numbers.

use std::borrow::Cow;
use std::sync::LazyLock;

use compact_str::format_compact;
use regex::Regex;

use super::{inline, ContainerPath, Kind, Segment};

pub(super) struct Prepared<'a> {
    pub markdown: Cow<'a, str>,
    /// Where each line of the page starts (byte offsets), 0 first: those of `markdown` too
    /// when it is borrowed.
    pub line_starts: Vec<usize>,
    pub segments: Vec<Segment>,
    pub containers: ContainerMap,
}

/// The container path of each line, interned.
#[derive(Default)]
pub(super) struct ContainerMap {
    paths: Vec<Vec<String>>,
    by_line: Vec<u32>,
}

impl ContainerMap {
    /// Container path of 1-based `line`.
    pub fn at(&self, line: u32) -> &[String] {
        let id = self.by_line.get(line.saturating_sub(1) as usize).copied().unwrap_or(0);
        self.paths.get(id as usize).map_or(&[], Vec::as_slice)
    }

    fn record(&mut self, path: Vec<String>) {
        if self.paths.last() != Some(&path) {
            if self.paths.is_empty() && !path.is_empty() {
                self.paths.push(Vec::new());
            }
            self.paths.push(path);
        }
        self.by_line.push(self.paths.len().saturating_sub(1) as u32);
    }
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(!!!|\?\?\?\+?)[ \t]*([\w-]+(?:[ \t]+[\w-]+)*)?[ \t]*(?:"([^"]*)")?[ \t]*$"#).unwrap()
});
static TAB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^===[+!]?[ \t]+"([^"]*)"[ \t]*$"#).unwrap());
/// The HTML elements whose blocks are containers (`<div markdown>`, `<details>`…).
const CONTAINER_TAGS: &str = "div|details|section|article|figure";
static HTML_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r#"^<({CONTAINER_TAGS})\b([^>]*)>"#)).unwrap());
static HTML_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r#"^</({CONTAINER_TAGS})\s*>"#)).unwrap());
/// A `markdown` attribute among an opening tag's attributes (`markdown`, `markdown="1"`).
static MARKDOWN_ATTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(^|\s)markdown(\s*=|\s|$)").unwrap());
static CLASS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"class\s*=\s*["']([^"']*)["']"#).unwrap());
static BLOCK_SCALAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[>|][+-]?[0-9]?$").unwrap());
static FM_KEY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$").unwrap());

/// Containers deeper than this are not named in paths: no real page nests so deep, and a hostile
/// one (a thousand nested `<div markdown>`) must not cost time or memory quadratic in its depth.
pub(super) const MAX_PATH_DEPTH: usize = 16;

/// Front-matter keys whose values are prose to translate (SPEC §1.2).
const TRANSLATABLE_KEYS: [&str; 4] = ["title", "description", "meta_title", "summary"];

struct Open {
    body_indent: usize,
    name: String,
}

struct Fence {
    ch: char,
    len: usize,
}

pub(super) fn prepare(text: &str) -> Prepared<'_> {
    // Split with a vectorised search: a page can be one line of megabytes.
    let mut lines = Vec::new();
    let mut line_starts = vec![0];
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(&text[line_starts[line_starts.len() - 1]..end]);
        line_starts.push(end + 1);
    }
    lines.push(&text[line_starts[line_starts.len() - 1]..]);
    let mut out = Rewritten { text, copy: None };
    let mut segments = Vec::new();
    let mut containers = ContainerMap::default();
    let fm_end = front_matter(&lines, &mut segments);
    let mut blocks: Vec<Open> = Vec::new();
    let mut html: Vec<String> = Vec::new();
    let mut fence: Option<Fence> = None;
    // Inside an HTML comment or a raw HTML block (`<pre>`, `<script>`…), until its end marker.
    let mut raw_html: Option<&str> = None;

    for (i, line) in lines.iter().enumerate() {
        let number = i as u32 + 1;
        let start = line.as_ptr() as usize - text.as_ptr() as usize;
        if i < fm_end {
            containers.record(vec!["front-matter".into()]);
            out.line(start, line, "");
            continue;
        }
        let indent = indent_width(line);
        let blank = line.trim().is_empty();
        if !blank && fence.is_none() {
            while blocks.last().is_some_and(|b| indent < b.body_indent) {
                blocks.pop();
            }
        }
        let content = strip_columns(line, 4 * blocks.len());
        let path: Vec<String> =
            blocks.iter().map(|b| b.name.clone()).chain(html.iter().cloned()).take(MAX_PATH_DEPTH).collect();
        containers.record(path.clone());
        if blank {
            out.line(start, line, "");
            continue;
        }
        let trimmed = content.trim();
        if let Some(f) = &fence {
            if is_fence_close(trimmed, f) {
                fence = None;
            }
            out.line(start, line, content);
            continue;
        }
        // Markers inside a comment or raw HTML are not markers.
        if let Some(end) = raw_html {
            if trimmed.contains(end) {
                raw_html = None;
            }
            out.line(start, line, content);
            continue;
        }
        if let Some((open, end)) = raw_html_open(trimmed) {
            if !trimmed[open..].contains(end) {
                raw_html = Some(end);
            }
            out.line(start, line, content);
            continue;
        }
        if let Some(f) = fence_open(trimmed) {
            fence = Some(f);
            out.line(start, line, content);
            continue;
        }
        // The regexes run only on lines that can match them: this loop sees every line.
        let marker = trimmed.starts_with("!!!") || trimmed.starts_with("???");
        if let Some(c) = marker.then(|| MARKER.captures(trimmed)).flatten() {
            let kind = c.get(2).map_or("note", |m| m.as_str()).split_whitespace().next().unwrap_or("note");
            let title = c.get(3).map_or("", |m| m.as_str());
            let skeleton = vec![format_compact!("admonition:{kind}")];
            segments.push(inline::simple(Kind::Admonition, path.into(), number, trimmed, title, skeleton));
            blocks.push(Open { body_indent: indent + 4, name: format!("admonition:{kind}") });
            out.line(start, line, "");
            continue;
        }
        if let Some(c) = trimmed.starts_with("===").then(|| TAB.captures(trimmed)).flatten() {
            let title = c.get(1).map_or("", |m| m.as_str());
            segments.push(inline::simple(Kind::Tab, path.into(), number, trimmed, title, vec!["tab".into()]));
            blocks.push(Open { body_indent: indent + 4, name: "tab".into() });
            out.line(start, line, "");
            continue;
        }
        if !trimmed.starts_with('<') {
            out.line(start, line, content);
            continue;
        }
        let open = HTML_OPEN.captures(trimmed);
        let markdown_next = || lines.get(i + 1).is_some_and(|l| starts_markdown(strip_columns(l, 4 * blocks.len())));
        if content.starts_with('<') && open.as_ref().is_some_and(|c| is_markdown_opener(trimmed, c)) && markdown_next()
        {
            // Python-Markdown reads Markdown right after `<div markdown>`; CommonMark would take
            // those lines into the HTML block, which only a blank line ends. pulldown-cmark sees
            // a blank line instead, and the tag becomes a segment as an HTML line does.
            segments.push(inline::html_line(path.into(), number, super::indentation_removed(content)));
            out.line(start, line, "");
        } else {
            out.line(start, line, content);
        }
        if let Some(c) = open {
            let tag = &c[1];
            if !trimmed.contains(&format!("</{tag}")) {
                let classes = CLASS.captures(&c[2]).map(|m| m[1].split_whitespace().collect::<Vec<_>>().join("."));
                html.push(match classes {
                    Some(cl) if !cl.is_empty() => format!("{tag}.{cl}"),
                    _ => tag.to_owned(),
                });
            }
        } else if let Some(c) = HTML_CLOSE.captures(trimmed) {
            let tag = &c[1];
            if let Some(pos) = html.iter().rposition(|h| h == tag || h.starts_with(&format!("{tag}."))) {
                html.truncate(pos);
            }
        }
    }
    Prepared { markdown: out.finish(), line_starts, segments, containers }
}

/// Whether `line`, whose opening tag [`HTML_OPEN`] found, is only that tag and gives its
/// content as Markdown (`<div class="grid" markdown>`).
fn is_markdown_opener(line: &str, open: &regex::Captures<'_>) -> bool {
    open[0].len() == line.len() && MARKDOWN_ATTR.is_match(&open[2])
}

/// Whether a line (container indentation removed) right after a Markdown opener is Markdown:
/// not blank, not HTML, and not indented as code.
fn starts_markdown(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && !trimmed.starts_with('<') && indent_width(line) < 4
}

/// The text handed to pulldown-cmark: the page itself as long as no line is rewritten, a copy
/// from the first rewritten line on (most pages need no rewrite, and a page can be large).
struct Rewritten<'a> {
    text: &'a str,
    copy: Option<String>,
}

impl<'a> Rewritten<'a> {
    /// `line`, at byte `start` of the text, is written as `content` (itself, a suffix of it, or
    /// nothing). Every line is given, in order.
    fn line(&mut self, start: usize, line: &str, content: &str) {
        match &mut self.copy {
            // A suffix as long as the line is the line.
            None if content.len() == line.len() => {}
            None => {
                let mut copy = String::with_capacity(self.text.len());
                copy.push_str(&self.text[..start]);
                copy.push_str(content);
                self.copy = Some(copy);
            }
            Some(copy) => {
                if start > 0 {
                    copy.push('\n');
                }
                copy.push_str(content);
            }
        }
    }

    fn finish(self) -> Cow<'a, str> {
        self.copy.map_or(Cow::Borrowed(self.text), Cow::Owned)
    }
}

/// When `line` opens a comment or a raw HTML block (CommonMark HTML blocks of types 1 and 2):
/// the length of the opening and the end marker.
fn raw_html_open(line: &str) -> Option<(usize, &'static str)> {
    const RAW: [(&str, &str); 5] = [
        ("<!--", "-->"),
        ("<pre", "</pre>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ];
    RAW.into_iter()
        .find(|(open, _)| line.get(..open.len()).is_some_and(|p| p.eq_ignore_ascii_case(open)))
        .map(|(open, end)| (open.len(), end))
}

/// Recognises YAML front matter at the top of the page, turns each top-level key into a
/// segment, and returns the number of lines it occupies (0 when there is none).
fn front_matter(lines: &[&str], segments: &mut Vec<Segment>) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    let Some(close) = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) else {
        return 0;
    };
    let close = close + 1;
    let path = ContainerPath::from(vec!["front-matter".to_owned()]);
    for delimiter in [0, close] {
        let raw = lines[delimiter].trim();
        segments.push(inline::simple(
            Kind::Rule,
            path.clone(),
            delimiter as u32 + 1,
            raw,
            "",
            vec![format_compact!("fm:{raw}")],
        ));
    }
    let mut i = 1;
    while i < close {
        let line = lines[i];
        let mut end = i;
        while end + 1 < close && (lines[end + 1].starts_with([' ', '\t', '-']) || lines[end + 1].trim().is_empty()) {
            end += 1;
        }
        while end > i && lines[end].trim().is_empty() {
            end -= 1;
        }
        // The lines as written, for rules that check the YAML itself.
        let written = lines[i..=end].iter().map(|l| l.trim_end()).collect::<Vec<_>>().join("\n");
        let Some(c) = FM_KEY.captures(line) else {
            if !line.trim().is_empty() && !line.starts_with([' ', '\t', '-', '#']) {
                // Not `key: value` (a translated key, a stray line): a field of its own, so that
                // it is seen, with no text to translate.
                let key = line.split([':', '\u{FF1A}']).next().unwrap_or(line).trim();
                let mut seg = inline::simple(
                    Kind::FrontMatter,
                    path.clone(),
                    i as u32 + 1,
                    &written,
                    "",
                    vec![format_compact!("fm:{key}")],
                );
                seg.lines[1] = end as u32 + 1;
                seg.verbatim = true;
                segments.push(seg);
            }
            i = end + 1;
            continue;
        };
        let key = &c[1];
        if key == crate::site::stamp::FRONT_MATTER_KEY {
            // lockstep's own stamp, not content.
            i = end + 1;
            continue;
        }
        // A block scalar (`description: >-` and indented lines) is the same value as one line.
        let first = c[2].trim();
        let first = if BLOCK_SCALAR.is_match(first) { "" } else { first };
        let value: String = std::iter::once(first)
            .filter(|v| !v.is_empty())
            .chain(lines[i + 1..=end].iter().map(|l| l.trim()))
            .collect::<Vec<_>>()
            .join(" ");
        let value = unquote(value.trim());
        let text = if TRANSLATABLE_KEYS.contains(&key) { value.as_str() } else { "" };
        let mut seg = inline::simple(
            Kind::FrontMatter,
            path.clone(),
            i as u32 + 1,
            &written,
            text,
            vec![format_compact!("fm:{key}")],
        );
        // Platforms re-serialise YAML: the value compares unquoted and on one line.
        seg.set_norm(&super::normalise(&format!("{key}: {value}")));
        seg.lines[1] = end as u32 + 1;
        if text.is_empty() {
            seg.verbatim = true;
        }
        segments.push(seg);
        i = end + 1;
    }
    close + 1
}

/// Platforms re-serialise YAML: `"x"`, `'x'` and `x` are the same value.
fn unquote(v: &str) -> String {
    let inner = v
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    match inner {
        Some(s) => s.replace("\\\"", "\"").replace("''", "'"),
        None => v.to_owned(),
    }
}

fn indent_width(line: &str) -> usize {
    let mut w = 0;
    for c in line.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w += 4 - w % 4,
            _ => break,
        }
    }
    w
}

/// Removes up to `cols` columns of leading whitespace.
fn strip_columns(line: &str, cols: usize) -> &str {
    let mut w = 0;
    for (i, c) in line.char_indices() {
        if w >= cols {
            return &line[i..];
        }
        match c {
            ' ' => w += 1,
            '\t' => w += 4 - w % 4,
            _ => return &line[i..],
        }
    }
    ""
}

fn fence_open(trimmed: &str) -> Option<Fence> {
    let ch = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == ch).count();
    (len >= 3 && !(ch == '`' && trimmed[len..].contains('`'))).then_some(Fence { ch, len })
}

fn is_fence_close(trimmed: &str, f: &Fence) -> bool {
    let len = trimmed.chars().take_while(|c| *c == f.ch).count();
    len >= f.len && trimmed[len * f.ch.len_utf8()..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{prepare, HTML_OPEN};

    fn is_markdown_opener(line: &str) -> bool {
        HTML_OPEN.captures(line).is_some_and(|c| super::is_markdown_opener(line, &c))
    }

    #[test]
    fn markdown_openers_are_tags_with_the_markdown_attribute() {
        for yes in [
            "<div markdown>",
            "<div class=\"grid cards\" markdown>",
            "<details class=\"downloads\" markdown=\"1\">",
            "<section markdown='block' id=\"s\">",
            "<div markdown=1>",
            "<figure markdown=\"span\">",
        ] {
            assert!(is_markdown_opener(yes), "{yes}");
        }
        for no in [
            "<div>",
            "<div class=\"markdown\">",
            "<div class=\"x markdown\">",
            "<div data-markdown>",
            "<span markdown>",
            "<div markdown>text</div>",
        ] {
            assert!(!is_markdown_opener(no), "{no}");
        }
    }

    #[test]
    fn a_page_without_rewrites_is_not_copied() {
        let page = "# Title\n\nA paragraph.\n\n- an item\n";
        assert!(matches!(prepare(page).markdown, Cow::Borrowed(p) if p == page));
    }

    #[test]
    fn rewritten_lines_keep_the_line_count_and_the_lines_before_them() {
        let page = "Intro.\n\n!!! note \"Title\"\n\n    Body.\n   \nEnd.";
        let markdown = prepare(page).markdown;
        assert!(matches!(markdown, Cow::Owned(_)));
        assert_eq!(markdown, "Intro.\n\n\n\nBody.\n\nEnd.");
        let front = "---\ntitle: T\n---\n\nText.\n";
        assert_eq!(prepare(front).markdown, "\n\n\n\nText.\n");
    }
}
