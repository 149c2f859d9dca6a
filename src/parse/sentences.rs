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

/// The byte ranges of the sentences of `text` (as [`sentences`] trims them).
pub fn sentence_ranges(text: &str) -> Vec<[u32; 2]> {
    let mut out = Vec::new();
    if text.chars().all(never_ends_sentence) {
        let start = text.len() - text.trim_start().len();
        let stop = text.trim_end().len();
        if start < stop {
            out.push([start as u32, stop as u32]);
        }
        return out;
    }
    let mut push = |begin: usize, end: usize| {
        let piece = &text[begin..end];
        let start = begin + (piece.len() - piece.trim_start().len());
        let stop = begin + piece.trim_end().len();
        if start < stop {
            out.push([start as u32, stop as u32]);
        }
    };
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for piece in text.split_sentence_bounds() {
        let begin = *start.get_or_insert(offset);
        offset += piece.len();
        let trimmed = piece.trim_end();
        let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = ABBREVIATIONS.iter().any(|a| last_word.eq_ignore_ascii_case(a));
        if !abbreviation || offset == text.len() {
            push(begin, offset);
            start = None;
        }
    }
    if let Some(begin) = start {
        push(begin, text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use super::{never_ends_sentence, sentences};

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
