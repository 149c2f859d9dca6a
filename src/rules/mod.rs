//! The rule registry (SPEC §4): every check lockstep makes, in one ordered list, each in a file
//! of its own with its documentation, its code and its tests.
//!
//! A rule is a pure function of an aligned pair — the translated segment, the English segment
//! it was made from (the base revision's when known, else the current source's) — and the
//! locale's facts. Rules never read files or print: [`check_pair`] turns their [`Hit`]s into
//! [`Finding`]s at the configured level, with file, line and column.
//!
//! Coverage rules (`untranslated`, `stale`, …) are statuses of the pair computed by
//! `classify`; they are listed here for their documentation and levels, and reported by
//! `check`.

mod ascii_quote_as_gershayim;
mod attr_list_changed;
mod bidi_control_dangerous;
mod bidi_control_unbalanced;
mod block_structure_changed;
mod code_span_changed;
pub mod coverage;
mod digits_script_mismatch;
mod emphasis_changed;
mod footnote_ref_changed;
mod front_matter_broken;
mod html_tag_mismatch;
mod icon_shortcode_changed;
mod image_changed;
mod invisible_chars;
mod kashida;
mod link_syntax_broken;
mod link_target_changed;
mod persian_arabic_letters;
mod physical_direction_attr;
mod rtl_first_strong_ltr;
mod text;
mod untranslated_block_in_rtl;

use crate::check::{Finding, Level};
use crate::classify::{AlignedPair, Alignment, BaseKind, Status};
use crate::parse::{Page, Segment};
use crate::script::LocaleFacts;

pub use text::{is_invisible, shorten, visible};

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Coverage,
    Markup,
    Script,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Coverage => "coverage",
            Group::Markup => "markup",
            Group::Script => "script",
        }
    }
}

/// How a rule decides.
#[derive(Clone, Copy)]
pub enum Check {
    /// A status of the pair (computed by `classify`).
    Status(Status),
    /// No base is known and the markup of the two sides differs (computed by `classify`).
    Suspect,
    /// A function of the pair.
    Pair(PairCheck),
}

/// A rule's check of one pair: it adds what it finds to the hits.
pub type PairCheck = fn(&Input<'_>, &mut Vec<Hit>);

/// One rule: a stable id, a default level, its documentation and its check.
pub struct Rule {
    /// Stable kebab-case id, used in `lockstep.toml`, findings and `lockstep explain`.
    pub id: &'static str,
    pub group: Group,
    pub default: Level,
    /// One line for `lockstep rules`.
    pub summary: &'static str,
    /// What the rule detects (Markdown).
    pub detects: &'static str,
    /// Why it matters (Markdown).
    pub why: &'static str,
    /// An example: English, then the translation that triggers the rule.
    pub example: [&'static str; 2],
    /// Precision measured on a hand-judged sample of real findings (`cargo xtask rules-audit`).
    pub precision: Option<&'static str>,
    pub check: Check,
}

/// The registry, in the order rules are listed and documented.
pub static RULES: &[&Rule] = &[
    &coverage::UNTRANSLATED,
    &coverage::PARTIAL,
    &coverage::STALE,
    &coverage::STALE_SUSPECTED,
    &coverage::MISSING,
    &coverage::OBSOLETE,
    &link_target_changed::RULE,
    &link_syntax_broken::RULE,
    &code_span_changed::RULE,
    &attr_list_changed::RULE,
    &emphasis_changed::RULE,
    &html_tag_mismatch::RULE,
    &block_structure_changed::RULE,
    &footnote_ref_changed::RULE,
    &icon_shortcode_changed::RULE,
    &image_changed::RULE,
    &front_matter_broken::RULE,
    &bidi_control_dangerous::RULE,
    &bidi_control_unbalanced::RULE,
    &rtl_first_strong_ltr::RULE,
    &untranslated_block_in_rtl::RULE,
    &ascii_quote_as_gershayim::RULE,
    &digits_script_mismatch::RULE,
    &persian_arabic_letters::RULE,
    &kashida::RULE,
    &invisible_chars::RULE,
    &physical_direction_attr::RULE,
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// A summary as a sentence: capitalised (`a block is …` → `A block is …`).
pub fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// What a pair rule sees.
pub struct Input<'a> {
    pub pair: &'a AlignedPair,
    /// The English the translation was made from: the base revision's segment when a base is
    /// known, else the current source's.
    pub english: Option<&'a Segment>,
    pub translation: &'a Segment,
    /// `english` is the English the translation was made from (a base or a stamp vouches for
    /// it). Otherwise it is the current source, which may have changed since.
    pub known_english: bool,
    pub facts: &'a LocaleFacts,
    /// The translation file's lines as written (line `n` is `lines[n - 1]`), for what parsing
    /// normalises away, such as the quotes around a front-matter value.
    pub lines: &'a [&'a str],
    /// The two blocks parsed again, each on its own (see [`Input::alone`]).
    pub(crate) alone: std::cell::OnceCell<(Page, Page)>,
}

impl Input<'_> {
    /// The English and the translated block parsed again, each on its own (`None` without an
    /// English block): what precedes a block can change how it parses (an unclosed HTML block, a
    /// footnote defined on one side only). Parsed once for all the rules that compare the two
    /// blocks' markup.
    pub fn alone(&self) -> Option<&(Page, Page)> {
        let english = self.english?;
        Some(
            self.alone
                .get_or_init(|| (crate::parse::parse(english.raw()), crate::parse::parse(self.translation.raw()))),
        )
    }
}

/// A problem a rule found, placed in the translated segment's `raw` text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte offset in `raw` of the translated segment.
    pub offset: usize,
    pub message: String,
}

impl Hit {
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        Hit { offset, message: message.into() }
    }
}

/// Runs every pair rule over every pair of an alignment that has a translated side. `base` is
/// the page the alignment's base indices point into, when it was made with one; `text` is the
/// translation file's text (for columns as written).
pub fn check_alignment(
    alignment: &Alignment,
    source: &Page,
    base: Option<&Page>,
    translation: &Page,
    text: &str,
    facts: &LocaleFacts,
    level: &dyn Fn(&Rule) -> Level,
) -> Vec<Finding> {
    let lines: Vec<&str> = text.lines().collect();
    // The pair rules that are on for this locale, with their levels, found once per page.
    let rules: Vec<(&Rule, PairCheck, Level)> = RULES
        .iter()
        .filter_map(|r| match r.check {
            Check::Pair(check) => Some((*r, check, level(r))),
            Check::Status(_) | Check::Suspect => None,
        })
        .filter(|(.., level)| *level != Level::Off)
        .collect();
    let mut out = Vec::new();
    for pair in &alignment.pairs {
        let Some(j) = pair.segments.translation() else { continue };
        let english = match base {
            Some(b) => pair.segments.base().map(|k| &b.segments[k]),
            None => pair.segments.source().map(|i| &source.segments[i]),
        };
        let known_english = alignment.base.kind != BaseKind::None && (base.is_some() || !pair.has(Status::Stale));
        let input = Input {
            pair,
            english,
            translation: &translation.segments[j],
            known_english,
            facts,
            lines: &lines,
            alone: Default::default(),
        };
        check_pair(&input, &alignment.translation, &lines, &rules, &mut out);
    }
    out
}

/// Runs the given pair rules, at their levels, on one pair; `lines` are the translation file's
/// lines, for columns as written.
fn check_pair(
    input: &Input<'_>,
    file: &str,
    lines: &[&str],
    rules: &[(&Rule, PairCheck, Level)],
    out: &mut Vec<Finding>,
) {
    let mut hits = Vec::new();
    for &(rule, check, level) in rules {
        hits.clear();
        check(input, &mut hits);
        for hit in &hits {
            let (line, column) = place(input.translation, hit.offset, lines);
            out.push(Finding {
                rule: rule.id,
                level,
                locale: input.facts.tag.clone(),
                file: file.to_owned(),
                line,
                column,
                end_line: line,
                // Page text quoted in a message never carries a raw control character.
                message: visible(&hit.message),
                source_excerpt: input.english.map(|e| e.raw_shared()),
                // The line as written, for an annotated excerpt.
                translation_excerpt: lines.get(line as usize - 1).map(|l| (*l).into()),
                diff: None,
            });
        }
    }
}

/// The file line and 1-based column (in characters) of a byte offset in a segment's `raw`
/// text. `raw` lines lost their indentation; the column counts it back from the file's line.
fn place(seg: &Segment, offset: usize, lines: &[&str]) -> (u32, u32) {
    let offset = offset.min(seg.raw().len());
    let before = &seg.raw()[..offset];
    let line_in_seg = before.matches('\n').count() as u32;
    let line = (seg.lines[0] + line_in_seg).min(seg.lines[1]);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let raw_line = seg.raw()[line_start..].split('\n').next().unwrap_or("");
    let in_raw = seg.raw()[line_start..offset].chars().count();
    let indent = lines
        .get(line as usize - 1)
        .and_then(|file_line| file_line.find(raw_line.trim_start()).map(|b| file_line[..b].chars().count()))
        .map_or(0, |n| n.saturating_sub(raw_line.len() - raw_line.trim_start().len()));
    (line, (indent + in_raw + 1) as u32)
}

/// Unknown rule ids in a configuration (neither page rules nor `catalog check` rules), to be
/// reported as errors.
pub fn unknown_ids<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let catalog = |id: &str| crate::catalog::check::RULES.iter().any(|(c, ..)| *c == id);
    ids.map(String::as_str).filter(|id| rule(id).is_none() && !catalog(id)).collect()
}

/// The documentation of every rule, as `docs/rules.md` holds it.
pub fn docs_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from src/rules/ by `lockstep rules --format markdown`; a test keeps it in sync. -->\n\n\
         Every rule has a stable id, a default level, and can be set per rule and per locale in\n\
         `lockstep.toml`:\n\n```toml\n[rules]\nemphasis-changed = \"error\"\n\n[locale.fa.rules]\ninvisible-chars = \"off\"\n```\n\n\
         | rule | group | default | detects |\n|---|---|---|---|\n",
    );
    for r in RULES {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} | {3} |\n",
            r.id,
            r.group.as_str(),
            r.default.as_str(),
            r.summary
        ));
    }
    for r in RULES {
        out.push('\n');
        out.push_str(&explain(r));
    }
    out
}

/// One rule's documentation (Markdown), as `lockstep explain` prints it.
pub fn explain(r: &Rule) -> String {
    // Examples of the script rules hold invisible and bidirectional controls: shown as code points.
    let fence = |s: &str| format!("```markdown\n{}\n```\n", visible(s.trim_end()));
    format!(
        "## {id}\n\nGroup: {group}. Default level: `{level}`.{precision}\n\n**Detects.** {detects}\n\n**Why it matters.** {why}\n\n\
         **Example.** English:\n\n{english}\nTranslation:\n\n{translation}",
        id = r.id,
        precision = r.precision.map(|p| format!(" Precision on real pages: {p}.")).unwrap_or_default(),
        group = r.group.as_str(),
        level = r.default.as_str(),
        detects = r.detects.trim(),
        why = r.why.trim(),
        english = fence(r.example[0]),
        translation = fence(r.example[1]),
    )
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !r.id.starts_with('-'),
                "{} is not kebab-case",
                r.id
            );
            assert!(!r.summary.is_empty() && !r.detects.trim().is_empty() && !r.why.trim().is_empty(), "{}", r.id);
            assert!(!r.example[0].is_empty() || !r.example[1].is_empty(), "{} has no example", r.id);
        }
    }

    #[test]
    fn every_spec_rule_is_registered() {
        // SPEC §4's starting set.
        let spec = "untranslated partial-translation stale missing obsolete link-target-changed \
            link-syntax-broken code-span-changed attr-list-changed emphasis-changed html-tag-mismatch \
            block-structure-changed footnote-ref-changed icon-shortcode-changed image-changed \
            front-matter-broken bidi-control-dangerous bidi-control-unbalanced rtl-first-strong-ltr \
            untranslated-block-in-rtl ascii-quote-as-gershayim digits-script-mismatch \
            persian-arabic-letters kashida invisible-chars physical-direction-attr";
        for id in spec.split_whitespace() {
            assert!(rule(id).is_some(), "{id} is not registered");
        }
    }

    #[test]
    fn docs_rules_md_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        let generated = docs_markdown();
        if committed != generated {
            if std::env::var_os("LOCKSTEP_BLESS").is_some() {
                std::fs::write(path, &generated).expect("write docs/rules.md");
            } else {
                panic!("docs/rules.md is out of date: run `LOCKSTEP_BLESS=1 cargo test --lib rules` and commit it");
            }
        }
    }

    #[test]
    fn script_rules_stay_linear_on_pathological_blocks() {
        // One long line of what each script rule looks at: a quadratic scan would take minutes.
        let n = 2_000;
        let blocks = [
            format!("# {}\n", "בְּـ".repeat(n)),
            format!("- {}\n", "![x".repeat(n)),
            format!("{}\n", "ש](u \"צה\"ל".repeat(n)),
            format!("{}\n", "<a\u{202E}".repeat(n)),
            format!("| {} |\n", "\u{2067}|\u{202C}".repeat(n)),
            format!("{}\n", "א\u{200B}b\u{200D}".repeat(n)),
            format!("{}\n", "٣ 3 ۳ ".repeat(n)),
            format!("<p style=\"{}\">x</p>\n", "margin-left:0;".repeat(n)),
        ];
        let start = std::time::Instant::now();
        for block in &blocks {
            for locale in ["he", "fa", "ar"] {
                for rule in RULES.iter().filter(|r| r.group == Group::Script) {
                    testing::hits(rule, "x\n", block, locale);
                }
            }
        }
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    /// Found by the `rules` fuzz target: a rule quoted a broken admonition marker holding a
    /// right-to-left override in its message.
    #[test]
    fn messages_never_carry_raw_bidi_controls() {
        let english = "!!! note \"Keys\"\n\n    Keep two.\n";
        let translation = "!!! note \"מפתחות \u{202E}x\n\n    שמרו שניים.\n";
        let (src, tr) = (crate::parse::parse(english), crate::parse::parse(translation));
        let facts = LocaleFacts::new("he");
        let a = crate::classify::classify(&src, &tr, Some(&src), &facts);
        let found = check_alignment(&a, &src, Some(&src), &tr, translation, &facts, &|r| r.default);
        assert!(found.iter().any(|f| f.message.contains("<U+202E>")), "{found:?}");
        assert!(found.iter().all(|f| !f.message.contains('\u{202E}')));
    }

    #[test]
    fn columns_count_indentation_back() {
        let seg = crate::parse::parse("!!! note\n\n    Some `code` here.\n").segments.into_iter().last().unwrap();
        let lines = ["!!! note", "", "    Some `code` here."];
        let offset = seg.raw().find('`').unwrap();
        assert_eq!(place(&seg, offset, &lines), (3, 10));
    }
}
