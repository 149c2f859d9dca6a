//! What the fuzz targets share: structure-aware pages (so that inputs get past the parser into
//! the aligner) and the invariants every target asserts, not only "no panic".

use arbitrary::Arbitrary;
use lockstep::parse::Page;
use lockstep::Alignment;

/// A block of a MkDocs-Material page.
#[derive(Debug, Arbitrary)]
pub enum Block {
    Heading(u8, Words),
    Paragraph(Words),
    List(Vec<Words>),
    Code(Words),
    Admonition(Words, Words),
    Tab(Words, Words),
    Details(Words),
    Table(Vec<Words>),
    Footnote(u8, Words),
    Link(Words, u8),
    Raw(String),
}

/// Words drawn from a small vocabulary in several scripts, plus markup pieces.
#[derive(Debug, Arbitrary)]
pub struct Words(pub Vec<u8>);

const VOCABULARY: &[&str] = &[
    "privacy", "the", "encrypt", "Signal", "שלום", "הצפנה", "خصوصية", "隱私", "Schlüssel", "2024", "`code`",
    "**bold**", "*em*", "[link](a.md)", "![img](i.png)", "{ .md-button }", ":material-check:", "[^1]", "<kbd>x</kbd>",
    "\u{202E}", "\u{200B}", "\"", "—", ".", "!",
];

impl Words {
    fn render(&self) -> String {
        let words: Vec<&str> = self.0.iter().map(|b| VOCABULARY[*b as usize % VOCABULARY.len()]).collect();
        if words.is_empty() {
            "text".to_owned()
        } else {
            words.join(" ")
        }
    }
}

/// A page made of `blocks`, as Markdown.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        let s = match b {
            Block::Heading(level, w) => format!("{} {}", "#".repeat(1 + *level as usize % 6), w.render()),
            Block::Paragraph(w) => w.render(),
            Block::List(items) => items.iter().map(|w| format!("- {}", w.render())).collect::<Vec<_>>().join("\n"),
            Block::Code(w) => format!("```\n{}\n```", w.render()),
            Block::Admonition(title, body) => format!("!!! note \"{}\"\n\n    {}", title.render(), body.render()),
            Block::Tab(title, body) => format!("=== \"{}\"\n\n    {}", title.render(), body.render()),
            Block::Details(w) => format!("<details markdown>\n<summary>{}</summary>\n\n{}\n\n</details>", w.render(), w.render()),
            Block::Table(cells) => {
                let row: Vec<String> = cells.iter().take(4).map(Words::render).collect();
                format!("| {} |\n|{}|\n| {} |", row.join(" | "), "---|".repeat(row.len().max(1)), row.join(" | "))
            }
            Block::Footnote(n, w) => format!("[^{n}]: {}", w.render()),
            Block::Link(w, n) => format!("[{}](page{n}.md){{ .card-link }}", w.render()),
            Block::Raw(s) => s.chars().take(200).collect(),
        };
        out.push_str(&s);
        out.push_str("\n\n");
    }
    out
}

/// Segments are in line order, inside the page, and never share a line.
pub fn assert_page(page: &Page, text: &str) {
    let lines = text.split('\n').count() as u32;
    let mut last = 0;
    for s in &page.segments {
        assert!(s.lines[0] >= 1 && s.lines[0] <= s.lines[1], "bad range {:?}", s.lines);
        assert!(s.lines[1] <= lines.max(1), "segment {:?} beyond the page's {lines} lines", s.lines);
        assert!(s.lines[0] > last, "segments overlap or are out of order at {:?}", s.lines);
        last = s.lines[1];
    }
}

/// Every segment of each page lies in exactly one pair, and no pair is empty.
pub fn assert_alignment(a: &Alignment, source: &Page, translation: &Page) {
    let mut seen_s = vec![0u8; source.segments.len()];
    let mut seen_t = vec![0u8; translation.segments.len()];
    for p in &a.pairs {
        assert!(p.source_lines.is_some() || p.translation_lines.is_some(), "empty pair");
        if let Some(l) = p.source_lines {
            let i = source.segments.iter().position(|s| s.lines == l).expect("a source pair is a source segment");
            seen_s[i] += 1;
        }
        if let Some(l) = p.translation_lines {
            let j = translation.segments.iter().position(|s| s.lines == l).expect("a pair is a translation segment");
            seen_t[j] += 1;
        }
    }
    assert!(seen_s.iter().all(|n| *n == 1), "a source segment is in {:?} pairs", seen_s);
    assert!(seen_t.iter().all(|n| *n == 1), "a translation segment is in {:?} pairs", seen_t);
}
