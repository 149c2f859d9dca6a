//! Is a translated segment still (wholly or partly) in the source language?
//!
//! Equality with the English after normalisation decides first. Otherwise sentences are
//! examined: an English sentence found verbatim, or (for non-Latin locales) a sentence written
//! in Latin letters or one that holds an English sentence, or (for Latin-script locales) a
//! sentence that language identification restricted to {English, the locale's language} calls
//! English.

use crate::parse::{Page, Segment};
use crate::script::{is_letter, is_non_latin_letter, latin_share, LocaleFacts};

/// A sentence long enough to be prose rather than a name (SPEC, truth definition of partial).
fn is_prose(sentence: &str) -> bool {
    sentence.split_whitespace().nth(2).is_some() || sentence.chars().nth(19).is_some()
}

/// A web address shown as text (`[https://example.org/privacy](…)`): words of no language.
fn is_address(sentence: &str) -> bool {
    let s = sentence.trim();
    !s.contains(char::is_whitespace) && (s.contains("://") || s.starts_with("www."))
}

/// What is left of the source language in a translated segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left<'a> {
    /// All of it: the segment is untranslated.
    All,
    /// Some sentences (a partial translation); the first of them.
    Part(&'a str),
}

/// What is left of the source language in translation `t` against the English segment
/// `english` it was made from (the base when known, else the current source, on the English
/// page `page`); `None` when `t` is translated.
pub fn content_status<'a>(
    t: &'a Segment,
    english: &'a Segment,
    english_is_base: bool,
    page: &Page,
    facts: &LocaleFacts,
) -> Option<Left<'a>> {
    if !t.has_letters() {
        return None;
    }
    if t.norm() == english.norm() || (!t.text().is_empty() && t.text() == english.text()) {
        return Some(Left::All);
    }
    if !english_is_base && !facts.latin() && latin_share(t.prose()).is_some_and(|s| s >= 0.98) {
        // Only Latin letters in a locale that writes in another script: still English (or a
        // name kept as is, which the English page has too).
        return Some(Left::All);
    }
    if !facts.latin() && !t.has_ascii_letters() {
        // Not one Latin letter in a locale that writes in another script: no English left.
        return None;
    }
    // Web addresses shown as text are neither English nor translated.
    let verbatim_english: Vec<&str> = english.sentence_texts().filter(|s| is_prose(s) && !is_address(s)).collect();
    let prose: Vec<&str> = t.sentence_texts().filter(|s| s.chars().any(is_letter) && !is_address(s)).collect();
    if prose.is_empty() {
        return None;
    }
    // A sentence of the translation is a slice of its prose: none can contain an English
    // sentence that the whole prose does not contain.
    let first_verbatim = verbatim_english.iter().find(|e| contains(t.prose(), e)).copied();
    let any_verbatim = first_verbatim.is_some();
    // The first sentence found English, or holding an English clause.
    let mut first = None;
    let mut english_count = 0;
    for s in &prose {
        let prose = is_prose(s);
        let verbatim = |e: &&str| any_verbatim && contains(s, e) || prose && e.len() >= s.len() && contains(e, s);
        let english = verbatim_english.iter().any(verbatim) || (!english_is_base && looks_english(s, page, facts));
        if english {
            english_count += 1;
        }
        if first.is_none() && (english || !english_is_base && !facts.latin() && holds_english_clause(s, page)) {
            first = Some(*s);
        }
    }
    if english_count == prose.len() && !english_is_base {
        Some(Left::All)
    } else {
        first.or(first_verbatim).map(Left::Part)
    }
}

/// Whether `needle` occurs in `haystack`. The standard library finds needles of up to 32 bytes
/// with a SIMD scan and longer ones with a searcher it builds first: a long needle is first
/// looked for by its first 32 bytes, which rules out most (an English sentence in a translation).
fn contains(haystack: &str, needle: &str) -> bool {
    const QUICK: usize = 32;
    if needle.len() > QUICK && needle.len() <= haystack.len() {
        let mut k = QUICK;
        while !needle.is_char_boundary(k) {
            k -= 1;
        }
        if !haystack.contains(&needle[..k]) {
            return false;
        }
    }
    haystack.contains(needle)
}

/// Language evidence for one sentence of a translation.
fn looks_english(sentence: &str, page: &Page, facts: &LocaleFacts) -> bool {
    if facts.latin() {
        if sentence.split_whitespace().count() < 4 {
            return false;
        }
        if sentence.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()).nth(3).is_some() {
            // Four letters English does not use (ä, é, ß…), more than names have: not English.
            return false;
        }
        if crate::align::known_share(sentence, page.vocabulary()).is_none_or(|k| k < 0.5) {
            // English left in a translation comes from the English page: most of its words
            // are words of that page. A sentence made of other words is not English.
            return false;
        }
        // Between English and the locale's language; among all languages the identifier knows
        // when it does not know the locale's (Kurdish, Irish, Basque…).
        let detector = match facts.lang {
            Some(lang) => whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, lang]),
            None => whatlang::Detector::new(),
        };
        detector.detect(sentence).is_some_and(|i| i.lang() == whatlang::Lang::Eng && i.confidence() > 0.5)
    } else {
        is_prose(sentence) && latin_share(sentence).is_some_and(|s| s >= 0.9)
    }
}

/// Whether a sentence of a locale written in another script holds a sentence of English: a run
/// of Latin-script text of six words or more that ends as a sentence does, most of its words
/// lowercase and words of the English page. Names ("Proton Mail Bridge") and the labels of an
/// English interface ("Set the default behavior for AutoRun") are not sentences. Scripts that
/// mark no end of sentence (Thai, Khmer, Burmese), and abbreviations ("etc."), leave such an
/// English sentence inside a translated one.
fn holds_english_clause(sentence: &str, page: &Page) -> bool {
    sentence.split(is_non_latin_letter).any(|run| {
        let words: Vec<&str> = run.split_whitespace().filter(|w| w.chars().any(|c| c.is_ascii_alphabetic())).collect();
        words.len() >= 6
            && run.trim_end().ends_with(['.', '!', '?'])
            && 2 * words.iter().filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).count() > words.len()
            && crate::align::known_share(run, page.vocabulary()).is_some_and(|k| k >= 0.5)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn contains_agrees_with_the_standard_library(
            haystack in "[ab \u{5d0}]{0,90}",
            needle in "[ab \u{5d0}]{20,50}",
        ) {
            prop_assert_eq!(super::contains(&haystack, &needle), haystack.contains(&needle));
            let inside = format!("{haystack}{needle}{haystack}");
            prop_assert!(super::contains(&inside, &needle));
        }
    }
}
