//! `kashida`: a tatweel (kashida) stretching a word between two letters.

use unicode_script::{Script, UnicodeScript};

use super::text::{capped, markup_spans, shorten};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

const TATWEEL: char = '\u{0640}';

pub static RULE: Rule = Rule {
    id: "kashida",
    group: Group::Script,
    default: Level::Info,
    summary: "a tatweel ـ stretches a word between two letters",
    detects: "An ARABIC TATWEEL ـ (U+0640) between two Arabic-script letters, inside a word (`يلغـي`), in \
        prose. A tatweel that ends a letter before a space, a Latin word or punctuation (`بـ Firefox`, \
        `الـVPN`, `لـ[Tor]`: an Arabic prefix joined to a foreign word) or that stands alone or at the start \
        (`ـه`, naming a suffix) is how the character is meant to be used and is not reported.",
    why: "A stretched word is a different string: search, spell checking and hyphenation miss it, and the \
        stretch was chosen for one line width that the page does not have. Justification is the renderer's \
        job.",
    example: ["This cancels the benefit.", "وهذا يلغـي الفائدة."],
    precision: Some("1 of 1, the only finding on the Privacy Guides snapshot (ar)"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    if seg.kind == Kind::Code || !seg.raw().contains(TATWEEL) {
        return;
    }
    let raw = seg.raw();
    let mut markup = None;
    // Each run of tatweels (and the marks on them) is looked at once.
    let mut next = 0;
    for (i, c) in raw.char_indices() {
        if c != TATWEEL || i < next {
            continue;
        }
        let run_end = raw[i..].find(|c: char| !is_mark(c) && c != TATWEEL).map_or(raw.len(), |k| i + k);
        next = run_end;
        let before = raw[..i].chars().rev().find(|c| !is_mark(*c));
        let after = raw[run_end..].chars().next();
        if !(before.is_some_and(is_arabic_letter) && after.is_some_and(is_arabic_letter)) {
            continue;
        }
        let spans = markup.get_or_insert_with(|| markup_spans(raw));
        if spans.iter().any(|(r, _)| r.contains(&i)) {
            continue;
        }
        let start = raw[..i]
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |k| k + raw[k..].chars().next().map_or(1, char::len_utf8));
        let end = raw[i..].find(|c: char| !is_word_char(c)).map_or(raw.len(), |k| i + k);
        let word = &raw[start..end];
        next = end;
        out.push(Hit::new(
            i,
            format!(
                "tatweel ـ (U+0640) stretches {}: search and spell checking miss the stretched word, and \
                 justification is the renderer's job; write {}",
                shorten(word, 30),
                shorten(&word.replace(TATWEEL, ""), 30)
            ),
        ));
    }
}

fn is_arabic_letter(c: char) -> bool {
    c != TATWEEL && c.is_alphabetic() && c.script() == Script::Arabic
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_mark(c) || c == TATWEEL
}

/// Harakat and other combining marks sit on a letter or on a tatweel.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn stretched_words_are_found() {
        let found = hits(&RULE, "This cancels the benefit.\n", "وهذا يلغـي الفائدة، والعـــربية.\n", "ar");
        assert_eq!(
            found,
            [
                "1: tatweel ـ (U+0640) stretches يلغـي: search and spell checking miss the stretched word, and \
                 justification is the renderer's job; write يلغي",
                "1: tatweel ـ (U+0640) stretches والعـــربية: search and spell checking miss the stretched word, and \
                 justification is the renderer's job; write والعربية"
            ]
        );
        // A haraka on the tatweel does not hide it; Persian is checked too.
        assert_eq!(hits(&RULE, "Good.\n", "خـُوب است.\n", "fa").len(), 1);
    }

    #[test]
    fn prefixes_suffix_names_and_code_are_fine() {
        let en = "Use Firefox, a VPN and [Tor](tor.md). The suffix -h.\n";
        let ar = "استخدم بـ Firefox والـVPN ولـ[Tor](tor.md) و الـ \"VPN\". اللاحقة ـه وحدها: ـ و`يلغـي`.\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
    }
}
