//! Properties of parsing and alignment on generated pages.
//!
//! Pages come from a small Markdown grammar (front matter, headings, paragraphs with links, code,
//! numbers and icons, lists, tables, fences, admonitions, `<div markdown>` blocks, footnotes).
//! A translation is the same page with words replaced by Hebrew ones and blocks deleted,
//! inserted, moved, duplicated or left in English; the source may have moved on from the base
//! the translation was made from. Whatever the edits, the alignment must account for every
//! line of both pages exactly once and keep its statuses consistent.

use lockstep::parse::{parse, Kind, Page};
use lockstep::{align_pages, Alignment, Status};
use proptest::prelude::*;
use proptest::test_runner::Config;

const ENGLISH: &str =
    "backup key file phone privacy network secure password device update the with your data open server";
const HEBREW: &str = "גיבוי מפתח קובץ טלפון פרטיות רשת מאובטח סיסמה מכשיר עדכון של עם שלך נתונים פתוח שרת";
const ADMONITIONS: [&str; 4] = ["note", "tip", "warning", "info"];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Lang {
    English,
    Hebrew,
}

#[derive(Clone, Debug)]
enum Inline {
    Word(usize),
    Link(usize, usize),
    Code(usize),
    Number(u32),
    Icon(usize),
    FootnoteRef(usize),
}

#[derive(Clone, Debug)]
enum Block {
    Heading(u8, Vec<Inline>),
    /// Lines of one paragraph.
    Paragraph(Vec<Vec<Inline>>),
    /// Items with their nesting depth.
    List(Vec<(usize, Vec<Inline>)>),
    /// Rows of cells; a delimiter row follows the first.
    Table(Vec<Vec<Vec<Inline>>>),
    Fence(Vec<usize>),
    Admonition {
        kind: usize,
        title: Option<Vec<Inline>>,
        body: Vec<Block>,
        indented: bool,
    },
    Div(Vec<Block>),
    Footnote(usize, Vec<Inline>),
}

#[derive(Clone, Debug)]
struct Doc {
    front_matter: Option<(Vec<Inline>, Vec<Inline>)>,
    /// Blocks, each with the language it is written in and the blank lines before it.
    blocks: Vec<(Block, Lang, usize)>,
}

// --- rendering ----------------------------------------------------------------------------

/// The `i`-th word of a vocabulary, cyclically.
fn pick(words: &'static str, i: usize) -> &'static str {
    let n = words.split_whitespace().count();
    words.split_whitespace().nth(i % n).expect("i % n < n")
}

fn word(i: usize, lang: Lang) -> &'static str {
    match lang {
        Lang::English => pick(ENGLISH, i),
        Lang::Hebrew => pick(HEBREW, i),
    }
}

fn inline(items: &[Inline], lang: Lang) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| match item {
            Inline::Word(w) => word(*w, lang).to_owned(),
            Inline::Link(w, target) => {
                format!("[{} {}](https://example.org/{})", word(*w, lang), word(w + 1, lang), pick(ENGLISH, *target))
            }
            Inline::Code(w) => format!("`{} --{}`", pick(ENGLISH, *w), pick(ENGLISH, w + 3)),
            Inline::Number(n) => n.to_string(),
            Inline::Icon(w) => format!(":material-{}:", pick(ENGLISH, *w)),
            Inline::FootnoteRef(n) => format!("[^{n}]"),
        })
        .collect();
    let line = parts.join(" ");
    if line.is_empty() {
        word(0, lang).to_owned()
    } else {
        line
    }
}

fn render_block(block: &Block, lang: Lang, indent: &str, out: &mut Vec<String>) {
    match block {
        Block::Heading(level, text) => {
            out.push(format!("{indent}{} {}", "#".repeat(*level as usize), inline(text, lang)))
        }
        Block::Paragraph(lines) => out.extend(lines.iter().map(|l| format!("{indent}{}", inline(l, lang)))),
        Block::List(items) => {
            out.extend(items.iter().map(|(depth, l)| format!("{indent}{}- {}", "    ".repeat(*depth), inline(l, lang))))
        }
        Block::Table(rows) => {
            for (r, row) in rows.iter().enumerate() {
                let cells: Vec<String> = row.iter().map(|c| inline(c, lang)).collect();
                out.push(format!("{indent}| {} |", cells.join(" | ")));
                if r == 0 {
                    out.push(format!("{indent}|{}", "---|".repeat(row.len())));
                }
            }
        }
        Block::Fence(lines) => {
            out.push(format!("{indent}```sh"));
            out.extend(lines.iter().map(|w| format!("{indent}run {} {w}", pick(ENGLISH, *w))));
            out.push(format!("{indent}```"));
        }
        Block::Admonition { kind, title, body, indented } => {
            let title = title.as_ref().map_or(String::new(), |t| format!(" \"{}\"", inline(t, lang)));
            out.push(format!("{indent}!!! {}{title}", ADMONITIONS[kind % ADMONITIONS.len()]));
            let inner = if *indented { format!("{indent}    ") } else { indent.to_owned() };
            for b in body {
                if *indented {
                    out.push(String::new());
                }
                render_block(b, lang, &inner, out);
            }
        }
        Block::Div(body) => {
            out.push(format!("{indent}<div class=\"grid cards\" markdown>"));
            for b in body {
                out.push(String::new());
                render_block(b, lang, indent, out);
            }
            out.push(String::new());
            out.push(format!("{indent}</div>"));
        }
        Block::Footnote(n, text) => out.push(format!("{indent}[^{n}]: {}", inline(text, lang))),
    }
}

fn render(doc: &Doc, lang_of_front_matter: Lang) -> String {
    let mut out = Vec::new();
    if let Some((title, description)) = &doc.front_matter {
        out.push("---".to_owned());
        out.push(format!("title: {}", inline(title, lang_of_front_matter)));
        out.push(format!("description: \"{}\"", inline(description, lang_of_front_matter)));
        out.push("icon: material/lock".to_owned());
        out.push("---".to_owned());
    }
    for (block, lang, blanks) in &doc.blocks {
        out.extend(std::iter::repeat_n(String::new(), *blanks));
        render_block(block, *lang, "", &mut out);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

// --- generation ---------------------------------------------------------------------------

fn inline_strategy() -> impl Strategy<Value = Inline> {
    prop_oneof![
        6 => (0..64usize).prop_map(Inline::Word),
        1 => (0..64usize, 0..64usize).prop_map(|(w, t)| Inline::Link(w, t)),
        1 => (0..64usize).prop_map(Inline::Code),
        1 => (0..3000u32).prop_map(Inline::Number),
        1 => (0..64usize).prop_map(Inline::Icon),
        1 => (1..4usize).prop_map(Inline::FootnoteRef),
    ]
}

fn text_strategy() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline_strategy(), 1..10)
}

fn leaf_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        2 => (1..=4u8, text_strategy()).prop_map(|(l, t)| Block::Heading(l, t)),
        4 => prop::collection::vec(text_strategy(), 1..4).prop_map(Block::Paragraph),
        2 => prop::collection::vec((0..3usize, text_strategy()), 1..5).prop_map(|mut items| {
            // A list starts at depth 0 and goes at most one level deeper per item.
            let mut previous = 0;
            for (i, (depth, _)) in items.iter_mut().enumerate() {
                *depth = if i == 0 { 0 } else { (*depth).min(previous + 1) };
                previous = *depth;
            }
            Block::List(items)
        }),
        1 => (1..4usize, 1..4usize).prop_flat_map(|(rows, cols)| {
            prop::collection::vec(prop::collection::vec(prop::collection::vec(inline_strategy(), 1..3), cols), rows)
                .prop_map(Block::Table)
        }),
        1 => prop::collection::vec(0..64usize, 1..4).prop_map(Block::Fence),
        1 => (1..4usize, text_strategy()).prop_map(|(n, t)| Block::Footnote(n, t)),
    ]
}

fn block_strategy() -> impl Strategy<Value = Block> {
    prop_oneof![
        8 => leaf_block(),
        1 => (0..4usize, prop::option::of(text_strategy()), prop::collection::vec(leaf_block(), 1..3), prop::bool::weighted(0.8))
            .prop_map(|(kind, title, body, indented)| Block::Admonition { kind, title, body, indented }),
        1 => prop::collection::vec(leaf_block(), 1..3).prop_map(Block::Div),
    ]
}

fn doc_strategy() -> impl Strategy<Value = Doc> {
    (prop::option::of((text_strategy(), text_strategy())), prop::collection::vec((block_strategy(), 1..3usize), 0..14))
        .prop_map(|(front_matter, blocks)| Doc {
            front_matter,
            blocks: blocks.into_iter().map(|(b, blanks)| (b, Lang::English, blanks)).collect(),
        })
}

/// An edit made to a page: by the English authors after the base, or by translators.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize),
    Insert(usize, Block),
    Move(usize, usize),
    Duplicate(usize),
    /// Changes the words of a block (an English rewrite).
    Reword(usize, usize),
    /// Leaves a block in English (translations only).
    KeepEnglish(usize),
    /// Sets the number of blank lines before a block.
    Blanks(usize, usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<usize>().prop_map(Edit::Delete),
        2 => (any::<usize>(), block_strategy()).prop_map(|(i, b)| Edit::Insert(i, b)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::Move(i, j)),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        2 => (any::<usize>(), 1..64usize).prop_map(|(i, shift)| Edit::Reword(i, shift)),
        2 => any::<usize>().prop_map(Edit::KeepEnglish),
        1 => (any::<usize>(), 1..4usize).prop_map(|(i, n)| Edit::Blanks(i, n)),
    ]
}

fn reword(block: &mut Block, shift: usize) {
    let words = |text: &mut Vec<Inline>| {
        for item in text.iter_mut() {
            if let Inline::Word(w) = item {
                *w += shift;
            }
        }
    };
    match block {
        Block::Heading(_, t) | Block::Footnote(_, t) => words(t),
        Block::Paragraph(lines) => lines.iter_mut().for_each(words),
        Block::List(items) => items.iter_mut().for_each(|(_, t)| words(t)),
        Block::Table(rows) => rows.iter_mut().flatten().for_each(words),
        Block::Fence(lines) => lines.iter_mut().for_each(|w| *w += shift),
        Block::Admonition { body, .. } | Block::Div(body) => body.iter_mut().for_each(|b| reword(b, shift)),
    }
}

/// Applies `edits`; blocks inserted get `lang`.
fn apply(doc: &Doc, edits: &[Edit], lang: Lang) -> Doc {
    let mut doc = doc.clone();
    let blocks = &mut doc.blocks;
    for edit in edits {
        let n = blocks.len();
        match edit {
            Edit::Insert(i, b) => blocks.insert(i % (n + 1), (b.clone(), lang, 1)),
            _ if n == 0 => {}
            Edit::Delete(i) => {
                blocks.remove(i % n);
            }
            Edit::Move(i, j) => {
                let b = blocks.remove(i % n);
                blocks.insert(j % n, b);
            }
            Edit::Duplicate(i) => {
                let b = blocks[i % n].clone();
                blocks.insert(i % n + 1, b);
            }
            Edit::Reword(i, shift) => reword(&mut blocks[i % n].0, *shift),
            Edit::KeepEnglish(i) => blocks[i % n].1 = Lang::English,
            Edit::Blanks(i, k) => blocks[i % n].2 = *k,
        }
    }
    doc
}

fn translate(doc: &Doc) -> Doc {
    let mut doc = doc.clone();
    for b in &mut doc.blocks {
        b.1 = Lang::Hebrew;
    }
    doc
}

/// A source page, a translation of it (or of its base) and, sometimes, that base.
#[derive(Debug)]
struct Case {
    source: String,
    translation: String,
    base: Option<String>,
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        doc_strategy(),
        prop::collection::vec(edit_strategy(), 0..4),
        prop::collection::vec(edit_strategy(), 0..5),
        any::<bool>(),
        prop::bool::weighted(0.8),
    )
        .prop_map(|(base, english_edits, translator_edits, with_base, hebrew_front_matter)| {
            let source = apply(&base, &english_edits, Lang::English);
            let translation = apply(&translate(&base), &translator_edits, Lang::Hebrew);
            let fm = if hebrew_front_matter { Lang::Hebrew } else { Lang::English };
            Case {
                source: render(&source, Lang::English),
                translation: render(&translation, fm),
                base: with_base.then(|| render(&base, Lang::English)),
            }
        })
}

// --- properties ---------------------------------------------------------------------------

/// The invariants of every parse: segments in line order, disjoint, inside the page.
fn page_invariants(page: &Page) -> Result<(), TestCaseError> {
    let mut previous_last = 0;
    for s in &page.segments {
        let [first, last] = s.lines;
        prop_assert!(first >= 1 && first <= last, "bad range {:?}", s.lines);
        prop_assert!(last <= page.line_count, "{:?} beyond line {}", s.lines, page.line_count);
        prop_assert!(first > previous_last, "{:?} overlaps or precedes line {}", s.lines, previous_last);
        previous_last = last;
        // What a segment finds about its text when it is made is what the text says.
        prop_assert_eq!(s.chars(), s.text().chars().count(), "characters of {:?}", s.text());
        prop_assert_eq!(s.has_ascii_letters(), s.text().bytes().any(|b| b.is_ascii_alphabetic()));
        prop_assert_eq!(s.has_letters(), s.text().chars().any(char::is_alphabetic));
        if s.kind != Kind::FrontMatter {
            // Front matter's values are unquoted and joined; every other block's normal form is
            // that of its lines, whatever the shortcuts that found it.
            prop_assert_eq!(s.norm(), &*lockstep::parse::normalise(s.raw()));
        }
    }
    Ok(())
}

/// Lines of `page` that lie in some segment.
fn segment_lines(page: &Page) -> Vec<u32> {
    page.segments.iter().flat_map(|s| s.lines[0]..=s.lines[1]).collect()
}

/// Checks one side of an alignment: ranges in the file, disjoint, and every segment line in
/// exactly one pair.
fn side(name: &str, text: &str, ranges: Vec<[u32; 2]>) -> Result<(), TestCaseError> {
    let page = parse(text);
    let line_count = text.lines().count() as u32;
    let mut sorted = ranges.clone();
    sorted.sort();
    for r in &sorted {
        prop_assert!(r[0] >= 1 && r[0] <= r[1] && r[1] <= line_count, "{name}: {r:?} outside 1..={line_count}");
    }
    for w in sorted.windows(2) {
        prop_assert!(w[0][1] < w[1][0], "{name}: pairs overlap: {:?} and {:?}", w[0], w[1]);
    }
    for line in segment_lines(&page) {
        let holders = ranges.iter().filter(|r| r[0] <= line && line <= r[1]).count();
        prop_assert_eq!(holders, 1, "{}: line {} is in {} pairs", name, line, holders);
    }
    Ok(())
}

fn alignment_invariants(case: &Case, alignment: &Alignment) -> Result<(), TestCaseError> {
    let ranges = |f: fn(&lockstep::AlignedPair) -> Option<[u32; 2]>| alignment.pairs.iter().filter_map(f).collect();
    side("source", &case.source, ranges(|p| p.source_lines))?;
    side("translation", &case.translation, ranges(|p| p.translation_lines))?;
    for p in &alignment.pairs {
        prop_assert!(!p.status.is_empty(), "a pair without status: {:?}", p);
        match (p.source_lines, p.translation_lines) {
            (Some(_), Some(_)) => {
                prop_assert!(!p.has(Status::Missing) && !p.has(Status::Obsolete), "a paired pair is {:?}", p.status)
            }
            (Some(_), None) => prop_assert_eq!(p.status.as_slice(), &[Status::Missing]),
            (None, Some(_)) => prop_assert_eq!(p.status.as_slice(), &[Status::Obsolete]),
            (None, None) => prop_assert!(false, "a pair with no side"),
        }
        if p.has(Status::Missing) {
            prop_assert!(p.translation_lines.is_none());
        }
        if p.has(Status::Obsolete) {
            prop_assert!(p.source_lines.is_none());
        }
        if case.base.is_none() {
            prop_assert!(!p.has(Status::Stale), "stale without a base: {:?}", p);
            prop_assert!(p.diff().is_none());
        }
        if p.diff().is_some() {
            prop_assert!(p.has(Status::Stale));
        }
    }
    Ok(())
}

/// Lines made of the characters that matter to the dialect, and some that should not.
fn markdownish_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[ a-zA-Zא-ת٠-٩0-9#>*_`|:!?=<>/\\[\\]()^{}.~\\-\\\\\"'\t]{0,30}",
        1 => prop::sample::select(vec![
            "---", "...", "```", "~~~", "!!! note \"T\"", "??? tip", "???+ warning", "=== \"Tab\"",
            "<div class=\"x\" markdown>", "</div>", "<details>", "<summary>S</summary>", "</details>",
            "| a | b |", "|---|---|", "[^1]: note", "*[HTML]: text", "--8<-- \"x.md\"", ":   definition",
            "    indented", "- item", "1. item", "> quote", "title: x", "",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Lines that the pre-pass turns into segments of their own, as opposed to CommonMark.
const MARKERS: [&str; 5] = ["!!! note \"T\"", "??? tip", "???+ warning", "=== \"Tab\"", "---"];

/// Keeps `text` clear of the known overlap bug (see the ignored properties): marker lines get
/// a letter in front, and so do HTML blocks that CommonMark ends only at `-->`, `?>` or `>`.
fn defused(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            let marker = ["!!!", "???", "===", "<!", "<?"].iter().any(|m| t.starts_with(m));
            if marker {
                format!("x{l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn config() -> Config {
    Config { cases: 256, failure_persistence: None, ..Config::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn alignment_accounts_for_every_line_once(case in case_strategy()) {
        let alignment = align_pages(&case.source, &case.translation, case.base.as_deref(), "he");
        alignment_invariants(&case, &alignment)?;
    }

    #[test]
    fn alignment_without_base_has_no_stale(case in case_strategy()) {
        let alignment = align_pages(&case.source, &case.translation, None, "he");
        let case = Case { base: None, ..case };
        alignment_invariants(&case, &alignment)?;
    }

    #[test]
    fn alignment_with_itself_is_exact(doc in doc_strategy()) {
        let page = render(&doc, Lang::English);
        let alignment = align_pages(&page, &page, Some(&page), "de");
        for p in &alignment.pairs {
            prop_assert_eq!(p.source_lines, p.translation_lines);
            prop_assert!(!p.has(Status::Stale) && !p.has(Status::Missing) && !p.has(Status::Obsolete));
        }
        prop_assert_eq!(alignment.pairs.len(), parse(&page).segments.len());
    }

    #[test]
    fn generated_pages_keep_the_parse_invariants(case in case_strategy()) {
        page_invariants(&parse(&case.source))?;
        page_invariants(&parse(&case.translation))?;
    }

    #[test]
    fn arbitrary_text_keeps_the_parse_invariants(text in any::<String>()) {
        page_invariants(&parse(&text))?;
    }

    /// Marker lines only where the pre-pass and CommonMark agree; pages end with a newline.
    /// The two ignored properties below lift these restrictions.
    #[test]
    fn markdownish_lines_keep_the_parse_invariants(lines in prop::collection::vec(markdownish_line(), 0..30)) {
        let text = defused(&lines.join("\n")) + "\n";
        page_invariants(&parse(&text))?;
        let other = text.replace('א', "ב");
        let alignment = align_pages(&text, &other, Some(&text), "he");
        let case = Case { source: text.clone(), translation: other, base: Some(text) };
        alignment_invariants(&case, &alignment)?;
    }
}

// Known bugs: these fail today; they run many cases so that a fix can be trusted.
proptest! {
    #![proptest_config(Config { cases: 4096, ..config() })]

    #[test]
    fn markdownish_lines_with_markers_anywhere_keep_the_parse_invariants(
        lines in prop::collection::vec(markdownish_line(), 0..30)
    ) {
        page_invariants(&parse(&(lines.join("\n") + "\n")))?;
    }

    #[test]
    fn a_marker_on_the_last_line_without_newline_keeps_the_parse_invariants(
        lines in prop::collection::vec(markdownish_line(), 0..30),
        last in prop::sample::select(MARKERS.to_vec()),
    ) {
        page_invariants(&parse(&(defused(&lines.join("\n")) + "\n" + last)))?;
    }
}
