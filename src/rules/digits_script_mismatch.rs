//! `digits-script-mismatch`: digits of two systems in one number or one block, or the digits
//! of another language (Arabic's in Persian, Persian's in Arabic).

use super::text::{capped, holds, language, shorten};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "digits-script-mismatch",
    group: Group::Script,
    default: Level::Warning,
    summary: "digits of two systems mixed in a number or a block, or another language's digits",
    detects: "Among ASCII digits (0–9), Arabic-Indic digits (U+0660–U+0669, ٠–٩) and Extended Arabic-Indic \
        digits (U+06F0–U+06F9, ۰–۹): a number written with two systems (`۲٠۲۴`); Arabic-Indic digits in \
        Persian, Dari, Urdu or Pashto (`fa`, `prs`, `ur`, `ps`), which write the extended forms; extended \
        digits in Arabic or Sorani Kurdish (`ar`, `ckb`); and a block whose numbers in running text use two \
        systems (`منذ ٢٠١٤ … في 2023`). Numbers inside code, link targets, HTML and attribute lists are not \
        read; URLs, and for the block-level comparison numbers next to Latin-script words (`Windows 10`, \
        `Quad9`, an English sentence left in the block), are left out.",
    why: "The two Arabic digit sets look alike but are different characters: a number mixing them or using the \
        other language's set does not match in search, sorts wrongly and renders ۴ ۵ ۶ with the wrong shapes \
        for the reader; a paragraph that switches systems reads as careless.",
    example: ["Available since 2014.", "متوفر منذ ۲٠۱٤."],
    precision: None,
    check: Check::Pair(check),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum System {
    Ascii,
    Arabic,
    Extended,
}

impl System {
    fn of(c: char) -> Option<System> {
        match c {
            '0'..='9' => Some(System::Ascii),
            '\u{0660}'..='\u{0669}' => Some(System::Arabic),
            '\u{06F0}'..='\u{06F9}' => Some(System::Extended),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            System::Ascii => "ASCII digits",
            System::Arabic => "Arabic-Indic digits (U+0660–U+0669)",
            System::Extended => "Extended Arabic-Indic digits (U+06F0–U+06F9)",
        }
    }
}

/// Languages whose native digits are the extended forms, and those whose are Arabic-Indic.
const EXTENDED_LANGUAGES: [&str; 4] = ["fa", "prs", "ur", "ps"];
const ARABIC_LANGUAGES: [&str; 2] = ["ar", "ckb"];

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    let text = &seg.text();
    if seg.kind == Kind::Code
        || !holds(text, &[0xD9, 0xDB], |c| matches!(System::of(c), Some(System::Arabic | System::Extended)))
    {
        return;
    }
    let lang = language(&input.facts.tag);
    let native = if EXTENDED_LANGUAGES.contains(&lang.as_str()) {
        Some(System::Extended)
    } else if ARABIC_LANGUAGES.contains(&lang.as_str()) {
        Some(System::Arabic)
    } else {
        None
    };
    let raw = &seg.raw();
    // Numbers come in the order of the text, which is the order of `raw`: each is looked for
    // after the previous one.
    let mut cursor = 0;
    let mut place = |number: &str| {
        let at = raw[cursor..].find(number).map(|k| cursor + k).or_else(|| raw.find(number)).unwrap_or(0);
        cursor = at.max(cursor);
        at
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let latin = |w: &str| w.chars().any(|c| c.is_ascii_alphabetic());
    // The first number of running text, by system, for the block-level comparison.
    let mut prose: Vec<(System, &str)> = Vec::new();
    for (k, word) in words.iter().enumerate() {
        if word.contains("://") || word.starts_with("www.") {
            continue;
        }
        for number in numbers(word) {
            let systems = systems(number);
            if systems.len() > 1 {
                out.push(Hit::new(
                    place(number),
                    format!("{number} mixes {} and {}: write it in one system", systems[0].name(), systems[1].name()),
                ));
                continue;
            }
            let system = systems[0];
            if let Some(native) = native.filter(|n| *n != system && system != System::Ascii) {
                out.push(Hit::new(
                    place(number),
                    format!(
                        "{number} is written in {}; {} writes {}",
                        system.name(),
                        language_name(&lang),
                        native.name()
                    ),
                ));
                continue;
            }
            let beside_latin = latin(word)
                || k.checked_sub(1).and_then(|p| words.get(p)).is_some_and(|w| latin(w))
                || words.get(k + 1).is_some_and(|w| latin(w));
            if !beside_latin && !prose.iter().any(|(s, _)| *s == system) {
                prose.push((system, number));
            }
        }
    }
    if let [(first, a), (second, b), ..] = prose[..] {
        out.push(Hit::new(
            place(b),
            format!(
                "this block writes {} in {} and {} in {}: use one system for the numbers of a text",
                shorten(a, 20),
                first.name(),
                shorten(b, 20),
                second.name()
            ),
        ));
    }
}

/// Runs of digits (of any system) in a word, with the separators between digits.
fn numbers(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_digit_end = 0;
    for (i, c) in word.char_indices() {
        if System::of(c).is_some() {
            start.get_or_insert(i);
            last_digit_end = i + c.len_utf8();
        } else if start.is_some() && matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}' | ':' | '/') && i == last_digit_end
        {
            continue;
        } else if let Some(s) = start.take() {
            out.push(&word[s..last_digit_end]);
        }
    }
    if let Some(s) = start {
        out.push(&word[s..last_digit_end]);
    }
    out
}

/// The digit systems of a number, in order of first appearance.
fn systems(number: &str) -> Vec<System> {
    let mut out: Vec<System> = Vec::new();
    for s in number.chars().filter_map(System::of) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn language_name(lang: &str) -> &'static str {
    match lang {
        "fa" => "Persian",
        "prs" => "Dari",
        "ur" => "Urdu",
        "ps" => "Pashto",
        "ar" => "Arabic",
        "ckb" => "Sorani Kurdish",
        _ => "this language",
    }
}

#[cfg(test)]
mod tests {
    use super::{System, RULE};
    use crate::rules::testing::hits;
    use crate::rules::text::leads_cover;

    #[test]
    fn the_lead_bytes_cover_the_arabic_digits() {
        assert!(leads_cover(&[0xD9, 0xDB], |c| matches!(System::of(c), Some(System::Arabic | System::Extended))));
    }

    #[test]
    fn a_number_with_two_systems_is_found() {
        let found = hits(&RULE, "Since 2024.\n", "منذ ۲٠۲٤.\n", "ar");
        assert_eq!(
            found,
            ["1: ۲٠۲٤ mixes Extended Arabic-Indic digits (U+06F0–U+06F9) and Arabic-Indic digits (U+0660–U+0669): \
              write it in one system"]
        );
        assert_eq!(hits(&RULE, "Version 1.5\n", "Version 1.۵\n", "de").len(), 1);
    }

    #[test]
    fn another_languages_digits_are_found() {
        assert_eq!(
            hits(&RULE, "For 14 days.\n", "برای ١٤ روز.\n", "fa"),
            ["1: ١٤ is written in Arabic-Indic digits (U+0660–U+0669); Persian writes Extended Arabic-Indic digits \
              (U+06F0–U+06F9)"]
        );
        assert_eq!(hits(&RULE, "For 14 days.\n", "لمدة ۱۴ يومًا.\n", "ar").len(), 1);
        assert_eq!(hits(&RULE, "For 14 days.\n", "۱٤ دن کے لیے۔\n", "ur").len(), 1);
    }

    #[test]
    fn two_systems_in_the_running_text_of_a_block_are_found() {
        let found = hits(&RULE, "Since 2014, and 30 days.\n", "منذ ٢٠١٤، ولمدة 30 يومًا.\n", "ar");
        assert_eq!(
            found,
            ["1: this block writes ٢٠١٤ in Arabic-Indic digits (U+0660–U+0669) and 30 in ASCII digits: use one system \
              for the numbers of a text"]
        );
    }

    #[test]
    fn consistent_digits_names_code_and_urls_are_fine() {
        let en = "Windows 10 since 2014, see `v2.0` and [docs](https://example.org/2014).\n";
        // Arabic-Indic throughout, ASCII only in a product name, in code and in a link target.
        let ar = "Windows 10 منذ ٢٠١٤، انظر `v٢.0` و[التوثيق](https://example.org/2014) وQuad9.\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
        // Persian with its own digits and ZWNJ; ASCII digits alone are fine everywhere.
        assert!(hits(&RULE, "In 2024.\n", "در سال ۲۰۲۴ می‌آید.\n", "fa").is_empty());
        assert!(hits(&RULE, "In 2024.\n", "در سال 2024.\n", "fa").is_empty());
        // An English sentence kept in the block is not the translator's numbering.
        assert!(hits(&RULE, "x\n", "It uses 100% green energy. وهم يعملون منذ ٢٠١٤.\n", "ar").is_empty());
    }
}
