//! `persian-arabic-letters`: Arabic yeh and kaf in Persian text, Persian yeh and keheh in Arabic
//! text.

use super::text::{holds, language, word_at};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "persian-arabic-letters",
    group: Group::Script,
    default: Level::Warning,
    summary: "Arabic ي ى ك in Persian text, or Persian ی ک in Arabic text",
    detects: "In Persian (`fa`, and Dari `prs`): ARABIC LETTER YEH ي (U+064A), ALEF MAKSURA ى (U+0649) and \
        KAF ك (U+0643) where Persian writes FARSI YEH ی (U+06CC) and KEHEH ک (U+06A9). In Arabic (`ar`): the \
        Persian ی and ک where Arabic writes ي or ى and ك. Prose only (code, link targets and attributes are \
        not read); a word that the English block also holds (a quoted name) is left alone. Other \
        Arabic-script languages have conventions of their own — Urdu, Pashto, Sorani Kurdish, Sindhi and \
        Uyghur use these letters differently (Pashto writes ي, Urdu adds ے) — and are not checked.",
    why: "The letters look alike (ی and ي differ only in their isolated and final forms) but are different \
        characters: a Persian word typed on an Arabic keyboard, or pasted from an Arabic source, is not found \
        by search, breaks sorting and spell checking, and shows dotted final yehs that Persian readers do not \
        write.",
    example: ["Settings", "تنظيمات كاربر"],
    precision: None,
    check: Check::Pair(check),
};

/// A letter of the other language and the one to write instead.
struct Swap {
    wrong: char,
    name: &'static str,
    right: &'static str,
}

const IN_PERSIAN: [Swap; 3] = [
    Swap { wrong: '\u{064A}', name: "Arabic yeh ي (U+064A)", right: "Farsi yeh ی (U+06CC)" },
    Swap { wrong: '\u{0649}', name: "Arabic alef maksura ى (U+0649)", right: "Farsi yeh ی (U+06CC)" },
    Swap { wrong: '\u{0643}', name: "Arabic kaf ك (U+0643)", right: "keheh ک (U+06A9)" },
];
const IN_ARABIC: [Swap; 2] = [
    Swap {
        wrong: '\u{06CC}',
        name: "Farsi yeh ی (U+06CC)",
        right: "yeh ي (U+064A), or alef maksura ى (U+0649) at the end",
    },
    Swap { wrong: '\u{06A9}', name: "keheh ک (U+06A9)", right: "kaf ك (U+0643)" },
];

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let (swaps, language_name): (&[Swap], _) = match language(&input.facts.tag).as_str() {
        "fa" | "prs" => (&IN_PERSIAN, "Persian"),
        "ar" => (&IN_ARABIC, "Arabic"),
        _ => return,
    };
    let seg = input.translation;
    let mut leads: Vec<u8> = swaps.iter().map(|s| s.wrong.to_string().as_bytes()[0]).collect();
    leads.sort_unstable();
    leads.dedup();
    if seg.kind == Kind::Code || !holds(seg.text(), &leads, |c| swaps.iter().any(|s| s.wrong == c)) {
        return;
    }
    let english = input.english.map_or("", |e| e.raw());
    for swap in swaps {
        let mut first = None;
        let mut count = 0;
        for word in seg.text().split(|c: char| !c.is_alphabetic() && !is_mark(c)) {
            if word.contains(swap.wrong) && !english.contains(word) {
                count += 1;
                first.get_or_insert(word);
            }
        }
        let Some(word) = first else { continue };
        let at = seg.raw().find(word).map_or(0, |w| w + word.find(swap.wrong).unwrap_or(0));
        let more = match count {
            1 => String::new(),
            2 => " and 1 more word".to_owned(),
            n => format!(" and {} more words", n - 1),
        };
        out.push(Hit::new(
            at,
            format!(
                "{} in {}{more}: {language_name} writes {}; the word was typed on another keyboard or \
                 pasted from another language",
                swap.name,
                word_at(seg.raw(), at),
                swap.right
            ),
        ));
    }
}

/// Combining marks (harakat) are part of a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}')
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn arabic_letters_in_persian_are_found() {
        let found = hits(&RULE, "User settings and a key.\n", "تنظيمات كاربر و يك كليد.\n", "fa");
        assert_eq!(
            found,
            [
                "1: Arabic yeh ي (U+064A) in تنظيمات and 2 more words: Persian writes Farsi yeh ی (U+06CC); the word \
                  was typed on another keyboard or pasted from another language",
                "1: Arabic kaf ك (U+0643) in كاربر and 2 more words: Persian writes keheh ک (U+06A9); the word was \
                  typed on another keyboard or pasted from another language"
            ]
        );
        assert_eq!(hits(&RULE, "Moses\n", "موسى\n", "fa").len(), 1);
    }

    #[test]
    fn persian_letters_in_arabic_are_found() {
        let found = hits(&RULE, "Network settings.\n", "إعدادات الشبکة فی الجهاز.\n", "ar");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("1: Farsi yeh ی (U+06CC) in فی:"), "{found:?}");
        assert!(found[1].starts_with("1: keheh ک (U+06A9) in الشبکة:"), "{found:?}");
    }

    #[test]
    fn correct_letters_code_and_other_languages_are_fine() {
        // Persian with its own letters and a ZWNJ; Arabic with its own; code is not read.
        assert!(hits(&RULE, "Settings.\n", "تنظیمات کاربر می‌شود `كود`.\n", "fa").is_empty());
        assert!(hits(&RULE, "Settings.\n", "إعدادات الشبكة في الجهاز على.\n", "ar").is_empty());
        // Urdu and Pashto have their own conventions.
        assert!(hits(&RULE, "Settings.\n", "ترتیبات کي\n", "ur").is_empty());
        assert!(hits(&RULE, "Settings.\n", "تنظيمات كاربر\n", "ps").is_empty());
    }
}
