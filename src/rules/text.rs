//! Helpers the rules share: skeleton token comparison and showing invisible characters.

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

/// Zero-width, bidirectional control and other invisible format characters (tabs and line
/// ends excepted).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}'..='\u{2064}' | '\u{180E}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// The values of a segment's skeleton tokens with `prefix` (e.g. `"code:"`), sorted.
pub fn tokens<'a>(seg: &'a crate::parse::Segment, prefix: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> = seg.skeleton.iter().filter_map(|t| t.strip_prefix(prefix)).collect();
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
    let has = |s: &crate::parse::Segment| s.skeleton.iter().any(|t| t.starts_with(prefix));
    if !has(english) && !has(input.translation) || tokens(english, prefix) == tokens(input.translation, prefix) {
        return;
    }
    // What precedes a block can change how it parses (an unclosed HTML block, a footnote defined
    // on one side only): blocks that differ are compared again on their own.
    let (e_page, t_page) = (crate::parse::parse(&english.raw), crate::parse::parse(&input.translation.raw));
    report_difference(input, &page_tokens(&e_page, prefix), &page_tokens(&t_page, prefix), describe, out);
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
    let raw = &input.translation.raw;
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
        page.segments.iter().flat_map(|s| &s.skeleton).filter_map(|t| t.strip_prefix(prefix)).collect();
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
    fn invisible_characters_are_shown() {
        assert_eq!(visible("a\u{202E}b\u{200B}"), "a<U+202E>b<U+200B>");
        assert_eq!(visible("שלום\tx"), "שלום\tx");
    }
}
