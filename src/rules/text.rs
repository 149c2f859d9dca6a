//! Helpers the rules share: skeleton token comparison, showing invisible characters, and
//! telling code and markup from prose inside a block.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;
use unicode_bidi::{bidi_class, BidiClass};

use super::{Hit, Input};

/// `s` with every invisible or bidirectional control character shown as `<U+XXXX>`, so that
/// excerpts can be printed without reordering or hiding anything.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Zero-width, bidirectional control and other invisible format characters, control
/// characters other than tab and line feed, and LINE SEPARATOR and PARAGRAPH SEPARATOR
/// (U+2028, U+2029), which have no glyph and break the line in some renderers only.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}'..='\u{2064}' | '\u{180E}'
        | '\u{2028}' | '\u{2029}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// The short name of a bidirectional embedding, override or isolate control: the Trojan Source
/// set (CVE-2021-42574), U+202A–U+202E and U+2066–U+2069.
pub fn bidi_control(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        _ => return None,
    })
}

/// Whether `s` holds a character `wanted` accepts, looking only at the characters whose UTF-8
/// encoding starts with one of the bytes `leads`, which must cover every character `wanted`
/// accepts: rules that look for rare characters scan bytes (SIMD, three lead bytes per pass)
/// instead of decoding every character of every block.
pub fn holds(s: &str, leads: &[u8], wanted: impl Fn(char) -> bool) -> bool {
    let at = |i: usize| s[i..].chars().next().is_some_and(&wanted);
    leads.chunks(3).any(|chunk| match *chunk {
        [a] => memchr::memchr_iter(a, s.as_bytes()).any(at),
        [a, b] => memchr::memchr2_iter(a, b, s.as_bytes()).any(at),
        [a, b, c] => memchr::memchr3_iter(a, b, c, s.as_bytes()).any(at),
        _ => false,
    })
}

/// The first byte of the UTF-8 encoding of every bidirectional control ([`bidi_control`]).
pub const BIDI_LEADS: &[u8] = &[0xE2];

/// Whether every character `wanted` accepts starts with one of `leads` (see [`holds`]).
#[cfg(test)]
pub fn leads_cover(leads: &[u8], wanted: impl Fn(char) -> bool) -> bool {
    ('\0'..=char::MAX).filter(|c| wanted(*c)).all(|c| leads.contains(&c.to_string().as_bytes()[0]))
}

/// A character named and shown by code point: `RLO <U+202E>`.
pub fn named(name: &str, c: char) -> String {
    format!("{name} <U+{:04X}>", c as u32)
}

/// A letter written right to left (bidirectional class R or AL: Hebrew, Arabic, Syriac, Thaana,
/// N'Ko…).
pub fn is_rtl_letter(c: char) -> bool {
    c.is_alphabetic() && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The primary language subtag of a locale tag, lowercased (`fa-IR` → `fa`).
pub fn language(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// The whitespace-delimited word of `s` around byte offset `at`, shown with [`visible`] and cut
/// to a readable length.
pub fn word_at(s: &str, at: usize) -> String {
    let at = at.min(s.len());
    let start = s[..at].rfind(char::is_whitespace).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..].find(char::is_whitespace).map_or(s.len(), |i| at + i);
    shorten(&s[start..end], 40)
}

/// `s` shown with [`visible`], cut to at most `max` characters of the original.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return visible(s);
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", visible(&cut))
}

/// At most this many findings of one rule in one block; past it, one more finding says how many
/// were left out (a pasted block can hold thousands of the same invisible character).
pub const MAX_HITS_PER_BLOCK: usize = 10;

/// Runs a rule's `find` and keeps at most [`MAX_HITS_PER_BLOCK`] of its hits.
pub fn capped(input: &Input<'_>, out: &mut Vec<Hit>, find: fn(&Input<'_>, &mut Vec<Hit>)) {
    let from = out.len();
    find(input, out);
    let found = out.len() - from;
    if found > MAX_HITS_PER_BLOCK {
        let offset = out[from + MAX_HITS_PER_BLOCK].offset;
        out.truncate(from + MAX_HITS_PER_BLOCK);
        out.push(Hit::new(offset, format!("and {} more like these in this block", found - MAX_HITS_PER_BLOCK)));
    }
}

/// What a stretch of a block's source is, when it is not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// An inline code span, backticks included.
    Code,
    /// A link or image target (inline, autolink or reference definition).
    Target,
    /// An HTML tag, from `<` to `>`.
    Tag,
    /// An attribute list `{ .class key=value }`.
    AttrList,
}

impl Markup {
    pub fn describe(self) -> &'static str {
        match self {
            Markup::Code => "inline code",
            Markup::Target => "a link or image target",
            Markup::Tag => "an HTML tag",
            Markup::AttrList => "an attribute list",
        }
    }
}

/// `{ .class #id key=value }`, loosely: the controls a Trojan Source edit hides in one are
/// allowed before its first attribute.
static ATTR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{:?[ \t\u{202A}-\u{202E}\u{2066}-\u{2069}]*(?:[.#][^\s}]|[\w-]+[ \t]*=)[^}\n]*\}").unwrap()
});
static REFERENCE_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*\[[^\]]+\]:[ \t]*(\S+)").unwrap());

/// The stretches of a block's `raw` text that are code or markup rather than prose, in no
/// particular order (they may nest: an HTML tag inside inline code). This parses the block
/// again: call it only once a block holds a character worth placing.
pub fn markup_spans(raw: &str) -> Vec<(Range<usize>, Markup)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(raw, crate::parse::options()).into_offset_iter() {
        match event {
            Event::Code(_) => out.push((range, Markup::Code)),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if !dest_url.is_empty() => {
                if let Some(at) = raw[range.clone()].rfind(dest_url.as_ref()) {
                    let start = range.start + at;
                    out.push((start..start + dest_url.len(), Markup::Target));
                }
            }
            _ => {}
        }
    }
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if bytes[i] == b'<' && (next.is_ascii_alphabetic() || next == b'/') {
            let end = raw[i..].find('>').map_or(raw.len(), |e| i + e + 1);
            // An autolink (`<https://…>`, `<a@b.org>`) has no space; a tag with attributes does.
            let inner = &raw[i..end];
            let autolink = !inner.contains(char::is_whitespace) && inner.contains([':', '@']);
            let kind = if autolink { Markup::Target } else { Markup::Tag };
            out.push((i..end, kind));
            i = end;
            continue;
        }
        i += 1;
    }
    if raw.contains('{') {
        out.extend(ATTR_LIST.find_iter(raw).map(|m| (m.range(), Markup::AttrList)));
    }
    if raw.contains("]:") {
        out.extend(
            REFERENCE_DEFINITION.captures_iter(raw).filter_map(|c| c.get(1)).map(|m| (m.range(), Markup::Target)),
        );
    }
    out
}

/// The values of a segment's skeleton tokens with `prefix` (e.g. `"code:"`), sorted.
pub fn tokens<'a>(seg: &'a crate::parse::Segment, prefix: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> = seg.skeleton().iter().filter_map(|t| t.strip_prefix(prefix)).collect();
    v.sort_unstable();
    v
}

/// What one sorted list has that the other lacks: `(only in english, only in translation)`.
pub fn difference<'a>(english: &[&'a str], translation: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut i, mut j) = (0, 0);
    let (mut lost, mut added) = (Vec::new(), Vec::new());
    while i < english.len() || j < translation.len() {
        match (english.get(i), translation.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                lost.push(*a);
                i += 1;
            }
            (Some(_), Some(b)) | (None, Some(b)) => {
                added.push(*b);
                j += 1;
            }
            (Some(a), None) => {
                lost.push(*a);
                i += 1;
            }
            (None, None) => unreachable!(),
        }
    }
    (lost, added)
}

/// Compares the skeleton tokens with `prefix` of the two sides of a pair: one hit per token
/// the translation changed (placed where it is written, worded by `describe(Some(lost),
/// Some(added))`, which may also decline), lost or added. Nothing is compared when the pair has no English side.
///
/// When the English the translation was made from is unknown (no base), a difference may just
/// be a change of the source since (`stale-suspected` reports those); then only differences
/// the translation evidently made are reported: a token that became non-ASCII words (translated
/// code, a translated path), or one whose text is still in the block but no longer parses as
/// markup (broken syntax).
pub fn compare_tokens(
    input: &Input<'_>,
    prefix: &str,
    describe: impl Fn(Option<&str>, Option<&str>) -> Option<String>,
    out: &mut Vec<Hit>,
) {
    let Some(english) = input.english else { return };
    // Most translations keep their block's markup as it was: one comparison says so.
    if english.skeleton() == input.translation.skeleton() {
        return;
    }
    let has = |s: &crate::parse::Segment| s.skeleton().iter().any(|t| t.starts_with(prefix));
    if !has(english) && !has(input.translation) || tokens(english, prefix) == tokens(input.translation, prefix) {
        return;
    }
    // Blocks that differ are compared again on their own (see `Input::alone`).
    let Some((e_page, t_page)) = input.alone() else { return };
    report_difference(input, &page_tokens(e_page, prefix), &page_tokens(t_page, prefix), describe, out);
}

/// Reports the difference of two sorted token lists of a pair as `compare_tokens` describes.
pub fn report_difference(
    input: &Input<'_>,
    english: &[&str],
    translation: &[&str],
    describe: impl Fn(Option<&str>, Option<&str>) -> Option<String>,
    out: &mut Vec<Hit>,
) {
    let (lost, added) = difference(english, translation);
    let raw = &input.translation.raw();
    let mut report = |l: Option<&str>, a: Option<&str>| {
        if input.known_english || evidently_made_by_translation(l, a, raw) {
            if let Some(message) = describe(l, a) {
                let offset = a.and_then(|a| raw.find(a)).or_else(|| l.and_then(|l| raw.find(l))).unwrap_or(0);
                out.push(Hit::new(offset, message));
            }
        }
    };
    // A changed token reads better as one finding "x → y" than as one lost and one added: each
    // lost token is paired with the most similar added one.
    let mut unused: Vec<Option<&str>> = added.iter().map(|a| Some(*a)).collect();
    for l in lost {
        let best = unused
            .iter()
            .enumerate()
            .filter_map(|(k, a)| a.map(|a| (k, affix(l, a))))
            .max_by_key(|(k, score)| (*score, std::cmp::Reverse(*k)));
        let a = best.and_then(|(k, _)| unused[k].take());
        report(Some(l), a);
    }
    for a in unused.into_iter().flatten() {
        report(None, Some(a));
    }
}

fn page_tokens<'a>(page: &'a crate::parse::Page, prefix: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> =
        page.segments.iter().flat_map(|s| s.skeleton()).filter_map(|t| t.strip_prefix(prefix)).collect();
    v.sort_unstable();
    v
}

/// A token turned into words of another script or with accents (translated), or a token whose
/// text is still in the block without parsing as markup (broken).
fn evidently_made_by_translation(lost: Option<&str>, added: Option<&str>, raw: &str) -> bool {
    let worded = |s: &str| s.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    match (lost, added) {
        (Some(l), Some(a)) => worded(a) && !worded(l),
        (Some(l), None) => raw.contains(l),
        _ => false,
    }
}

/// Length of the common prefix plus the common suffix, in characters.
fn affix(a: &str, b: &str) -> usize {
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let suffix = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count();
    (prefix + suffix).min(a.chars().count().max(b.chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difference_of_sorted_lists() {
        assert_eq!(difference(&["a", "b", "b", "d"], &["b", "c", "d"]), (vec!["a", "b"], vec!["c"]));
        assert_eq!(difference(&[], &["x"]), (vec![], vec!["x"]));
    }

    #[test]
    fn markup_spans_find_code_targets_tags_and_attribute_lists() {
        let raw = "See `a b` and [x](https://e.org/p \"t\") <b class=\"c\">y</b>{ .k title=\"v\" }\n\n[r]: ref.md";
        let mut found: Vec<(&str, Markup)> = markup_spans(raw).into_iter().map(|(r, k)| (&raw[r], k)).collect();
        found.sort_by_key(|(s, _)| raw.find(s));
        assert_eq!(
            found,
            [
                ("`a b`", Markup::Code),
                ("https://e.org/p", Markup::Target),
                ("<b class=\"c\">", Markup::Tag),
                ("</b>", Markup::Tag),
                ("{ .k title=\"v\" }", Markup::AttrList),
                ("ref.md", Markup::Target),
            ]
        );
    }

    #[test]
    fn words_and_letters() {
        assert_eq!(word_at("one tw\u{200B}o three", 5), "tw<U+200B>o");
        assert!(is_rtl_letter('ש') && is_rtl_letter('ب') && !is_rtl_letter('a') && !is_rtl_letter('\u{200F}'));
        assert_eq!(language("fa-IR"), "fa");
        assert_eq!(bidi_control('\u{202E}'), Some("RLO"));
    }

    #[test]
    fn bidi_controls_start_with_their_lead_byte() {
        assert!(leads_cover(BIDI_LEADS, |c| bidi_control(c).is_some()));
        assert!(holds("a\u{2067}b", BIDI_LEADS, |c| bidi_control(c).is_some()));
        assert!(!holds("a “b” — c", BIDI_LEADS, |c| bidi_control(c).is_some()));
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("a\u{202E}b\u{200B}"), "a<U+202E>b<U+200B>");
        assert_eq!(visible("שלום\tx"), "שלום\tx");
    }
}
