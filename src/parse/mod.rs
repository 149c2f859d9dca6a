//! Turns a Markdown page into segments, the units of alignment (SPEC §2).
//!
//! Parsing never fails: whatever the bytes say, the result is a list of segments whose line
//! ranges lie inside the page and do not overlap. MkDocs constructs that CommonMark does not
//! know (front matter, `!!!`/`???`/`===` blocks) are taken out by [`containers`] first; the rest
//! goes through pulldown-cmark with one fixed set of options ([`options`]).

mod containers;
mod inline;
mod sentences;
mod shared;
mod skeleton;
mod windows;

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use serde::Serialize;

pub use inline::{analysed, normalise, MAX_ANALYSED};
pub use sentences::{sentence_ranges, sentences};
pub use shared::{ContainerPath, SharedStr};
pub use skeleton::Skeleton;

/// What kind of block a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    FrontMatter,
    Heading(u8),
    Paragraph,
    ListItem,
    TableRow,
    Admonition,
    Tab,
    Html,
    Code,
    Footnote,
    Definition,
    /// A thematic break, or a front-matter delimiter.
    Rule,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::FrontMatter => "front-matter",
            Kind::Heading(1) => "heading-1",
            Kind::Heading(2) => "heading-2",
            Kind::Heading(3) => "heading-3",
            Kind::Heading(4) => "heading-4",
            Kind::Heading(5) => "heading-5",
            Kind::Heading(_) => "heading-6",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list-item",
            Kind::TableRow => "table-row",
            Kind::Admonition => "admonition",
            Kind::Tab => "tab",
            Kind::Html => "html",
            Kind::Code => "code",
            Kind::Footnote => "footnote",
            Kind::Definition => "definition",
            Kind::Rule => "rule",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One alignment unit of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub kind: Kind,
    /// Enclosing containers, outermost first ("admonition:tip", "details.downloads", "list").
    pub container: ContainerPath,
    /// 1-based, inclusive.
    pub lines: [u32; 2],
    /// The segment's skeleton, its lines as written (indentation removed), their normal form
    /// (the harmless rewrites of translation platforms undone, SPEC §1.2), its translatable
    /// prose and the number of its words.
    written: shared::Written,
    /// Nothing to translate: code, or no letters outside markup, or bare names behind links.
    pub verbatim: bool,
    /// The text holds a letter (found once: each pass over a million segments' texts costs).
    letters: bool,
    /// The text holds a letter of ASCII (found with its words).
    ascii_letters: bool,
}

impl Segment {
    /// The segment's lines as written (indentation removed).
    pub fn raw(&self) -> &str {
        self.written.raw()
    }

    /// [`Segment::raw`], kept beyond the segment (by a pair of an alignment).
    pub fn raw_shared(&self) -> SharedStr {
        self.written.raw_shared()
    }

    /// [`Segment::raw`] with the harmless rewrites of translation platforms undone (SPEC §1.2).
    pub fn norm(&self) -> &str {
        self.written.norm()
    }

    /// The translatable prose: text outside markup, link and image texts included.
    pub fn text(&self) -> &str {
        self.written.text()
    }

    /// Language-neutral tokens: link targets, code, HTML tags, attribute lists, icons,
    /// footnote references, numbers.
    pub fn skeleton(&self) -> Skeleton<'_> {
        Skeleton::new(self.written.skeleton())
    }

    /// Gives the segment a normal form other than the one found from its lines.
    fn set_norm(&mut self, norm: &str) {
        let w = &self.written;
        self.written =
            shared::Written::new(w.skeleton(), w.raw(), (norm != w.raw()).then_some(norm), w.text(), w.words());
    }

    /// True when the text holds at least one letter, i.e. there is something to translate.
    pub fn has_letters(&self) -> bool {
        self.letters
    }

    /// True when the text holds a Latin letter of ASCII.
    pub fn has_ascii_letters(&self) -> bool {
        self.ascii_letters
    }

    /// The part of the text analysed for language and likeness (see [`MAX_ANALYSED`]).
    pub fn prose(&self) -> &str {
        inline::analysed(self.text())
    }

    /// The sentences of the text (of its analysed part).
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> {
        sentence_ranges(self.prose()).into_iter().map(|[a, b]| &self.text()[a as usize..b as usize])
    }

    /// The number of words of the text: whitespace-separated words that hold a word character
    /// (counted when the segment is made; saturates at `u32::MAX`, far beyond any page lockstep
    /// reads).
    pub fn words(&self) -> usize {
        self.written.words() as usize
    }

    /// The number of characters of the text.
    pub fn chars(&self) -> usize {
        self.text().chars().count()
    }
}

/// A parsed page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub segments: Vec<Segment>,
    pub line_count: u32,
    /// What alignment derives from the page alone, computed once when first needed: an
    /// English page is compared with every locale's translation.
    derived: crate::align::Derived,
}

impl Page {
    /// The words of the page's prose (lowercased and hashed).
    pub fn vocabulary(&self) -> &rustc_hash::FxHashSet<u64> {
        self.derived.vocabulary.get_or_init(|| crate::align::vocabulary(&self.segments))
    }

    pub(crate) fn derived(&self) -> &crate::align::Derived {
        &self.derived
    }
}

/// The pulldown-cmark options used for every input, so that parses are comparable.
pub fn options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_DEFINITION_LIST
}

/// The texts of this many segments share one buffer (see `shared.rs`).
const SHARED_BY: usize = 4096;

/// Parses a page. `text` is already decoded (see [`crate::load`]): no BOM, `\n` line ends.
pub fn parse(text: &str) -> Page {
    parse_in_windows(text, windows::WINDOW)
}

/// [`parse`], handing pulldown-cmark windows of at least `window` bytes (see `windows.rs`):
/// the same segments whatever the window, which the tests and the fuzzer check with small ones.
pub fn parse_in_windows(text: &str, window: usize) -> Page {
    let mut pre = containers::prepare(text);
    // The page's lines, as the pre-pass found them; they are those of the text pulldown-cmark
    // reads unless the pre-pass rewrote a line (most pages it leaves as they are).
    let page_lines = LineIndex::with_starts(std::mem::take(&mut pre.line_starts), text.len());
    let line_count = page_lines.line_count();
    let lines = match &pre.markdown {
        Cow::Borrowed(_) => page_lines,
        Cow::Owned(markdown) => LineIndex::new(markdown),
    };
    let mut segments = pre.segments;
    let mut walker = Walker {
        original: Original { text: &pre.markdown, lines: &lines },
        lines: &lines,
        containers: &pre.containers,
        stack: Vec::new(),
        last_container: ContainerPath::default(),
        leaf: None,
        pending: Vec::new(),
        out: Vec::new(),
    };
    // Texts are gathered into shared buffers as segments are made, so that the small buffers
    // they were made with are reused for the next ones.
    let mut gathered = 0;
    windows::for_each_event(&pre.markdown, window, |event, range| {
        walker.event(event, range);
        if walker.out.len() - gathered >= SHARED_BY {
            share_texts(&mut walker.out[gathered..]);
            gathered = walker.out.len();
        }
    });
    walker.flush();
    share_texts(&mut walker.out[gathered..]);
    share_texts(&mut segments);
    // The pre-pass's segments (front matter, markers) and the walker's, in line order; mostly
    // one of the two lists is empty or they are in order already, and nothing is moved.
    if segments.is_empty() {
        segments = walker.out;
    } else {
        segments.extend(walker.out);
    }
    if !segments.is_sorted_by_key(|s| s.lines) {
        segments.sort_by_key(|s| s.lines);
    }
    without_overlaps(&mut segments, line_count);
    // Held for the whole run: without the spare capacity of its growth.
    segments.shrink_to_fit();
    Page { segments, line_count, derived: Default::default() }
}

/// Gathers the texts of `segments` into buffers they share (see `shared.rs`).
fn share_texts(segments: &mut [Segment]) {
    shared::share(segments.iter_mut().map(|s| &mut s.written));
}

/// The invariant every consumer relies on: segments in order, inside the page, never sharing
/// a line. The pre-pass and pulldown-cmark can disagree on exotic input (a marker line inside
/// an HTML block, say); the first segment to claim a line keeps it.
fn without_overlaps(segments: &mut Vec<Segment>, line_count: u32) {
    // The first line not claimed by a segment kept so far.
    let mut free = 1;
    segments.retain_mut(|s| {
        s.lines[0] = s.lines[0].max(free);
        s.lines[1] = s.lines[1].min(line_count.max(1));
        let keep = s.lines[0] <= s.lines[1];
        if keep {
            free = s.lines[1] + 1;
        }
        keep
    });
}

/// Maps byte offsets to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// The line last asked for: events come in order, so the next is mostly the same or the next.
    hint: std::cell::Cell<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self::with_starts(starts, text.len())
    }

    /// The index of a text of `len` bytes whose lines start at `starts` (0 first).
    fn with_starts(starts: Vec<usize>, len: usize) -> Self {
        LineIndex { starts, len, hint: Default::default() }
    }

    fn line_count(&self) -> u32 {
        let n = self.starts.len();
        // A final newline does not open a line.
        let n = if self.starts.last() == Some(&self.len) && n > 1 { n - 1 } else { n };
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    fn line(&self, offset: usize) -> u32 {
        // The number of line starts at or before `offset` (at least 1).
        let holds = |i: usize| {
            (1..=self.starts.len()).contains(&i)
                && self.starts[i - 1] <= offset
                && self.starts.get(i).is_none_or(|&s| s > offset)
        };
        let hint = self.hint.get();
        let i = if holds(hint) {
            hint
        } else if holds(hint + 1) {
            hint + 1
        } else {
            self.starts.partition_point(|&s| s <= offset).max(1)
        };
        self.hint.set(i);
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    /// Line of the last byte of `range` (an end offset is exclusive and may sit after a `\n`).
    fn last_line(&self, range: &Range<usize>) -> u32 {
        let mut end = range.end.max(range.start + 1) - 1;
        end = end.min(self.len.saturating_sub(1));
        self.line(end).max(self.line(range.start))
    }
}

/// Inline material of a leaf block, kept with the line it sits on.
#[derive(Debug, Clone)]
enum Piece {
    /// A text, and where it stands in the page when the parser took it as written there (as
    /// an address: a block can be megabytes long, and then one pass over it finds whether it
    /// is the text as written).
    Text(String, Option<usize>),
    Code(String),
    LinkTarget(String),
    ImageTarget(String),
    Html(String),
    FootnoteRef(String),
    Break,
}

struct Leaf {
    kind: Kind,
    first: u32,
    last: u32,
    pieces: Vec<(u32, Piece)>,
    container: ContainerPath,
    /// Depth of open links: text inside links is recorded as such for the verbatim test.
    link_depth: usize,
    linked_text: String,
    external_links: bool,
}

/// The page as handed to pulldown-cmark (marker lines blank, bodies de-indented), for the raw
/// lines of segments.
struct Original<'a> {
    text: &'a str,
    lines: &'a LineIndex,
}

impl<'a> Original<'a> {
    /// The lines `first..=last` (1-based), indentation removed.
    fn lines(&self, first: u32, last: u32) -> Vec<&'a str> {
        (first..=last)
            .filter_map(|n| {
                let start = *self.lines.starts.get(n.checked_sub(1)? as usize)?;
                let end = self.lines.starts.get(n as usize).map_or(self.text.len(), |e| e - 1);
                Some(indentation_removed(&self.text[start..end.max(start)]))
            })
            .collect()
    }
}

/// A line without the white space at its ends. LINE SEPARATOR and PARAGRAPH SEPARATOR are
/// Unicode white space but no indentation: kept, so that `invisible-chars` sees them at a line's
/// ends too.
fn indentation_removed(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() && !is_line_separator(c))
}

/// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

struct Walker<'a> {
    original: Original<'a>,
    lines: &'a LineIndex,
    /// Container paths opened by the pre-pass and by HTML blocks, by line.
    containers: &'a containers::ContainerMap,
    stack: Vec<String>,
    /// The container path of the last block opened, shared with it.
    last_container: ContainerPath,
    leaf: Option<Leaf>,
    /// Material that belongs to the next leaf (a footnote definition's label).
    pending: Vec<(u32, Piece)>,
    out: Vec<Segment>,
}

impl Walker<'_> {
    fn open(&mut self, kind: Kind, range: &Range<usize>) {
        self.flush();
        let line = self.lines.line(range.start);
        if kind == Kind::Footnote {
            self.label_line_apart(line);
        }
        let first = self.pending.first().map_or(line, |p| p.0.min(line));
        let container = self.container(first);
        self.leaf = Some(Leaf {
            kind,
            first,
            last: line,
            pieces: std::mem::take(&mut self.pending),
            container,
            link_depth: 0,
            linked_text: String::new(),
            external_links: true,
        });
    }

    /// A footnote definition whose text starts on a line after its label (`[^1]:`, then the
    /// note indented below) has its label line as a segment of its own, wordless like a
    /// container's opening line: the note's text is the block a translation renders, and a
    /// translation written with the label and text on one line pairs with the text.
    fn label_line_apart(&mut self, text_line: u32) {
        let Some((label_line, Piece::FootnoteRef(_))) = self.pending.first_mut() else { return };
        if *label_line >= text_line {
            return;
        }
        let line = std::mem::replace(label_line, text_line);
        let raw = self.original.lines(line, line).concat();
        let container = self.container(line);
        self.out.push(inline::simple(Kind::Footnote, container, line, &raw, "", Vec::new()));
    }

    /// The containers of a block that starts on `line`: the same shared path as the block
    /// before when they are equal (most are), so that a page of a million list items holds one.
    /// Lists and quotes nest as deep as a page likes: like the pre-pass's, the path names the
    /// outermost `MAX_PATH_DEPTH` only, so that a thousand nested quotes cost no more than a
    /// thousand quotes.
    fn container(&mut self, line: u32) -> ContainerPath {
        let outer = self.containers.at(line);
        let path = || outer.iter().chain(&self.stack).take(containers::MAX_PATH_DEPTH);
        if !self.last_container.iter().eq(path()) {
            self.last_container = path().cloned().collect::<Vec<_>>().into();
        }
        self.last_container.clone()
    }

    fn leaf(&mut self, range: &Range<usize>) -> &mut Leaf {
        if self.leaf.is_none() {
            let kind = match self.stack.last().map(String::as_str) {
                Some("list") => Kind::ListItem,
                Some("footnote") => Kind::Footnote,
                Some("definition") => Kind::Definition,
                _ => Kind::Paragraph,
            };
            self.open(kind, range);
        }
        let last = self.lines.last_line(range);
        let leaf = self.leaf.as_mut().expect("opened above");
        leaf.last = leaf.last.max(last);
        leaf
    }

    fn push(&mut self, range: &Range<usize>, piece: Piece) {
        let line = self.lines.line(range.start);
        let leaf = self.leaf(range);
        if let Piece::Text(t, _) = &piece {
            if leaf.link_depth > 0 {
                leaf.linked_text.push_str(t);
            }
        }
        leaf.pieces.push((line, piece));
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => {
                if matches!(self.leaf.as_ref().map(|l| l.kind), Some(Kind::Code)) {
                    let leaf = self.leaf(&range);
                    leaf.pieces.push((0, Piece::Code(t.into_string())));
                } else {
                    let at = matches!(t, CowStr::Borrowed(_)).then(|| t.as_ptr() as usize);
                    self.push(&range, Piece::Text(t.into_string(), at));
                }
            }
            Event::Code(t) => self.push(&range, Piece::Code(t.into_string())),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(&range, Piece::Code(t.into_string())),
            Event::Html(t) | Event::InlineHtml(t) => self.push(&range, Piece::Html(t.into_string())),
            Event::FootnoteReference(t) => self.push(&range, Piece::FootnoteRef(t.into_string())),
            Event::SoftBreak | Event::HardBreak => self.push(&range, Piece::Break),
            Event::Rule => {
                self.open(Kind::Rule, &range);
                self.flush();
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                let kind = match self.stack.last().map(String::as_str) {
                    Some("footnote") => Kind::Footnote,
                    Some("definition") => Kind::Definition,
                    Some("list") => Kind::ListItem,
                    _ => Kind::Paragraph,
                };
                self.open(kind, &range);
            }
            Tag::Heading { level, .. } => self.open(Kind::Heading(level as u8), &range),
            Tag::TableHead | Tag::TableRow => self.open(Kind::TableRow, &range),
            Tag::HtmlBlock => self.open(Kind::Html, &range),
            Tag::DefinitionListTitle => self.open(Kind::Definition, &range),
            Tag::CodeBlock(kind) => {
                self.open(Kind::Code, &range);
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                let leaf = self.leaf(&range);
                leaf.pieces.push((0, Piece::Html(format!("fence:{lang}"))));
            }
            Tag::Item => {
                self.flush();
                self.stack.push("list".into());
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.stack.push("quote".into());
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.stack.push("footnote".into());
                let line = self.lines.line(range.start);
                self.pending.push((line, Piece::FootnoteRef(label.into_string())));
            }
            Tag::DefinitionListDefinition => {
                self.flush();
                self.stack.push("definition".into());
            }
            Tag::List(_) | Tag::Table(_) | Tag::DefinitionList => self.flush(),
            Tag::Link { dest_url, .. } => {
                let external = dest_url.contains("://");
                self.push(&range, Piece::LinkTarget(dest_url.into_string()));
                let leaf = self.leaf(&range);
                leaf.link_depth += 1;
                leaf.external_links &= external;
            }
            Tag::Image { dest_url, .. } => self.push(&range, Piece::ImageTarget(dest_url.into_string())),
            Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::HtmlBlock
            | TagEnd::CodeBlock
            | TagEnd::DefinitionListTitle => {
                if let Some(leaf) = self.leaf.as_mut() {
                    leaf.last = leaf.last.max(self.lines.last_line(&range));
                }
                self.flush();
                if tag == TagEnd::TableHead {
                    // The delimiter row is a line of the table too.
                    let line = self.lines.last_line(&range) + 1;
                    let raw = self.original.lines(line, line).concat();
                    let container = self.containers.at(line).into();
                    self.out.push(inline::simple(Kind::TableRow, container, line, &raw, "", Vec::new()));
                }
            }
            TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition | TagEnd::DefinitionListDefinition => {
                if !self.pending.is_empty() {
                    // An empty footnote definition is a segment of its own.
                    self.open(Kind::Footnote, &range);
                }
                self.flush();
                self.stack.pop();
            }
            TagEnd::TableCell => {
                if let Some(leaf) = self.leaf.as_mut() {
                    leaf.pieces.push((self.lines.line(range.start), Piece::Break));
                }
            }
            TagEnd::Link => {
                if let Some(leaf) = self.leaf.as_mut() {
                    leaf.link_depth = leaf.link_depth.saturating_sub(1);
                }
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        let Some(leaf) = self.leaf.take() else { return };
        let last = leaf.last.min(self.lines.line_count()).max(leaf.first);
        let raw_lines = self.original.lines(leaf.first, last);
        if leaf.kind == Kind::Paragraph && is_row_of_elements(&raw_lines) {
            // Buttons, cards and abbreviation lines: each line renders as its own element.
            for (line, raw) in numbered(leaf.first, &raw_lines) {
                let pieces = leaf.pieces.iter().filter(|(l, _)| *l == line).cloned();
                self.out.push(inline::build(leaf.kind, leaf.container.clone(), [line, line], raw, pieces, false));
            }
            return;
        }
        if leaf.kind == Kind::Code && raw_lines.len() > 1 {
            // Line by line: a code block usually changes in one line (a version, a flag).
            for (line, raw) in numbered(leaf.first, &raw_lines) {
                let mut seg = inline::simple(Kind::Code, leaf.container.clone(), line, raw, raw, Vec::new());
                seg.verbatim = true;
                self.out.push(seg);
            }
            return;
        }
        if leaf.kind == Kind::Html && raw_lines.len() > 1 {
            let inner = leaf.container.len().saturating_sub(self.containers.at(leaf.first).len());
            for (line, raw) in numbered(leaf.first, &raw_lines) {
                // Each line of an HTML block may open or close a container (`<details>` then
                // `<summary>`), so each takes the path of its own line.
                let mut container = self.containers.at(line).to_vec();
                container.extend(leaf.container[leaf.container.len() - inner..].iter().cloned());
                self.out.push(inline::html_line(container.into(), line, raw));
            }
            return;
        }
        let names_only = leaf.external_links
            && !leaf.linked_text.trim().is_empty()
            && inline::outside_links_is_empty(&leaf.pieces, &leaf.linked_text);
        let raw = match raw_lines.as_slice() {
            [line] => Cow::Borrowed(*line),
            lines => Cow::Owned(lines.join("\n")),
        };
        self.out.push(inline::build(
            leaf.kind,
            leaf.container,
            [leaf.first, last],
            &raw,
            leaf.pieces.into_iter(),
            names_only,
        ));
    }
}

/// The non-blank lines of a block with their numbers.
fn numbered<'l>(first: u32, lines: &'l [&'l str]) -> impl Iterator<Item = (u32, &'l str)> + 'l {
    (first..).zip(lines.iter().copied()).filter(|(_, l)| !l.is_empty())
}

/// A paragraph whose every line starts with a link, an image, HTML, an icon or an abbreviation.
fn is_row_of_elements(lines: &[&str]) -> bool {
    lines.len() > 1
        && lines.iter().all(|l| {
            let l = l.trim_start();
            l.starts_with('[') || l.starts_with("![") || l.starts_with('<') || l.starts_with("*[") || l.starts_with(':')
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::LineIndex;

    proptest! {
        #[test]
        fn lines_found_from_the_last_one_are_those_a_search_finds(
            text in "[ab\n]{0,40}",
            offsets in proptest::collection::vec(0usize..48, 0..30),
        ) {
            let index = LineIndex::new(&text);
            for offset in offsets {
                let expected = index.starts.partition_point(|&s| s <= offset).max(1) as u32;
                prop_assert_eq!(index.line(offset), expected);
            }
        }

        /// Lines of the constructs whose extent a cut could change: lists (tight and loose,
        /// nested, of both kinds), fences and HTML blocks that span blank lines, quotes, lazy
        /// continuations, setext underlines, tables, indented code, MkDocs blocks.
        #[test]
        fn a_page_read_in_windows_gives_the_segments_of_a_page_read_whole(
            lines in proptest::collection::vec(proptest::sample::select(&[
                "", "", "  ", "- a", "- b", "* c", "+ i", "1. d", "2) e", "10. j", "  - f", "   - h",
                "    - deep", "\t- tab", "- [x] t", "    g", "text", "more text", "  text", "```", "~~~",
                "- ```", "  ```", "1. ```", "> ```", "> q", "> - r", "# h", "Title", "===", "---",
                "***", "| a | b |", "|---|---|", "<div>", "</div>", "<pre>", "</pre>", "<script>",
                "</script>", "<!--", "-->", "<details>", "</details>", "<p>x</p>", "<div markdown>",
                "!!! note", "??? tip \"Title\"", "    body", "=== \"Tab\"", "[^1] x", "Term",
                ":   Definition",
            ][..]), 0..60),
            window in 0usize..40,
        ) {
            let text = lines.join("\n");
            let whole = super::parse_in_windows(&text, usize::MAX);
            prop_assert_eq!(super::parse_in_windows(&text, window), whole);
        }

        #[test]
        fn the_pre_pass_finds_the_lines_an_index_finds(text in "[ab!\n]{0,40}") {
            prop_assert_eq!(super::containers::prepare(&text).line_starts, LineIndex::new(&text).starts);
        }
    }
}
