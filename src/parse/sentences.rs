//! Splits prose into sentences (Unicode sentence boundaries), without breaking after common
//! abbreviations such as "e.g." or "Dr.".

use unicode_segmentation::UnicodeSegmentation;

const ABBREVIATIONS: [&str; 18] = [
    "e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Inc.", "Ltd.",
    "Co.", "No.", "U.S.", "Jr.",
];

/// The sentences of `text`, trimmed, never empty.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_ranges(text).into_iter().map(|[a, b]| &text[a as usize..b as usize]).collect()
}

/// Whether `c` can never end a sentence (UAX #29): letters, digits, spaces other than paragraph
/// separators and ASCII punctuation other than `.`, `!` and `?`. A text made only of these is
/// one sentence, found without running the segmenter (most headings, items and cells).
fn never_ends_sentence(c: char) -> bool {
    if c.is_ascii() {
        return !matches!(c, '.' | '!' | '?' | '\n' | '\r');
    }
    crate::script::is_word_char(c) || c.is_whitespace() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Letters whose sentence-break class (UAX #29) is Upper, Lower or OLetter, known without
/// tables: ASCII, Hebrew and Arabic letters and CJK ideographs. No boundary falls between two of
/// them, and no rule of UAX #29 looks across such a pair: the segmenter can start afresh there.
fn is_plain_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{4E00}'..='\u{9FEF}')
}

/// The sentence boundaries of `text` after its start, in order, ending with `text.len()`: those
/// of `split_sentence_bounds`. The segmenter runs only on windows around the characters that can
/// end a sentence, each window cut between two plain letters (most of a paragraph is never
/// segmented).
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let segment = |from: usize, to: usize, out: &mut Vec<usize>| {
        let mut at = from;
        for piece in text[from..to].split_sentence_bounds() {
            at += piece.len();
            if at < to {
                out.push(at);
            }
        }
    };
    // The last place between two plain letters, and the start of the window being gathered.
    let mut cut = 0;
    let mut window: Option<usize> = None;
    let mut previous_plain = false;
    for (i, c) in text.char_indices() {
        let plain = is_plain_letter(c);
        if plain && previous_plain {
            if let Some(start) = window.take() {
                segment(start, i, &mut out);
            }
            cut = i;
        }
        previous_plain = plain;
        if window.is_none() && !never_ends_sentence(c) {
            window = Some(cut);
        }
    }
    if let Some(start) = window {
        segment(start, text.len(), &mut out);
    }
    out.push(text.len());
    out
}

/// The byte ranges of the sentences of `text` (as [`sentences`] trims them).
pub fn sentence_ranges(text: &str) -> Vec<[u32; 2]> {
    let mut out = Vec::new();
    let mut push = |begin: usize, end: usize| {
        let piece = &text[begin..end];
        let start = begin + (piece.len() - piece.trim_start().len());
        let stop = begin + piece.trim_end().len();
        if start < stop {
            out.push([start as u32, stop as u32]);
        }
    };
    let mut begin = 0;
    let mut piece_start = 0;
    for end in boundaries(text) {
        let trimmed = text[piece_start..end].trim_end();
        piece_start = end;
        let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = ABBREVIATIONS.iter().any(|a| last_word.eq_ignore_ascii_case(a));
        if !abbreviation || end == text.len() {
            push(begin, end);
            begin = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use proptest::prelude::*;

    use super::{boundaries, never_ends_sentence, sentences};

    /// Characters of every sentence-break class that matters, several scripts among them.
    const ALPHABET: &[char] = &[
        'a', 'e', 'B', 'Z', 'é', 'İ', 'ß', 'א', 'ש', 'ب', 'ي', '中', '文', 'ـ', '\u{05B8}', '\u{064E}', '\u{200F}',
        '\u{200D}', ' ', ' ', '\t', '\n', '\r', '\u{85}', '\u{2029}', '.', '.', '!', '?', '。', '؟', '۔', '…', '"',
        '\'', '’', '»', '(', ')', ',', ':', ';', '-', '1', '7', '٣',
    ];

    /// Boundaries as the segmenter finds them on the whole text.
    fn whole(text: &str) -> Vec<usize> {
        let mut at = 0;
        let mut out: Vec<usize> = text
            .split_sentence_bounds()
            .map(|p| {
                at += p.len();
                at
            })
            .collect();
        if out.last() != Some(&text.len()) {
            out.push(text.len());
        }
        out
    }

    #[test]
    fn every_plain_letter_is_a_letter_to_the_segmenter() {
        let templates = ["{}{}. {}{}", "a.{}{} b. c", "{}{}. a{}", "x. ({}{}. y", "{}\u{5B8}{}.{}{}", "{}{}? 1{}{}"];
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| super::is_plain_letter(*c)) {
            for t in templates {
                let text = t.replace("{}", &c.to_string());
                assert_eq!(boundaries(&text), whole(&text), "U+{:04X} in {t}", c as u32);
            }
        }
    }

    proptest! {
        #[test]
        fn windows_find_the_boundaries_the_whole_text_has(chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..48)) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(boundaries(&text), whole(&text), "{:?}", text);
        }
    }

    #[test]
    fn the_segmenter_agrees_that_these_characters_never_end_a_sentence() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| never_ends_sentence(*c)) {
            let text = format!("ab{c} Cd");
            assert_eq!(text.split_sentence_bounds().count(), 1, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn splits_on_sentence_ends_but_not_abbreviations() {
        let s = sentences("Use a VPN, e.g. Mullvad. It hides your IP. Really?");
        assert_eq!(s, vec!["Use a VPN, e.g. Mullvad.", "It hides your IP.", "Really?"]);
    }

    #[test]
    fn hebrew_and_empty() {
        assert_eq!(sentences("שלום עולם. מה נשמע?"), vec!["שלום עולם.", "מה נשמע?"]);
        assert!(sentences("   ").is_empty());
    }
}
