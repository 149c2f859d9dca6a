//! `invisible-chars`: zero-width and invisible format characters, and the Unicode line and
//! paragraph separators, that the translation added.

use unicode_script::{Script, UnicodeScript};

use super::text::{capped, holds, visible};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "invisible-chars",
    group: Group::Script,
    default: Level::Warning,
    summary: "a zero-width or invisible character that the English does not have",
    detects: "ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060), the invisible operators U+2061–U+2064, a \
        byte order mark (U+FEFF) inside the text, SOFT HYPHEN (U+00AD), MONGOLIAN VOWEL SEPARATOR (U+180E), \
        LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), and the joiners ZWJ (U+200D) and ZWNJ (U+200C) where no script needs them, in any block (code \
        included) when the English block does not hold the same character. ZWNJ and ZWJ next to a letter of \
        a script that uses them to control joining — Arabic script (Persian, Urdu, Kurdish, Pashto…), \
        Syriac, N'Ko, Mongolian and the Indic scripts (Devanagari, Bengali, Tamil…) — and ZWJ inside an \
        emoji sequence are correct. Direction marks (LRM, RLM, ALM) are legitimate in prose and are not \
        this rule's; embeddings and isolates are `bidi-control-dangerous`'s and `bidi-control-unbalanced`'s.",
    why: "Invisible characters split words for search and spell checking, break commands and URLs that \
        readers copy, and cannot be seen in review; they usually arrive by pasting from a web page or a \
        word processor. LINE SEPARATOR and PARAGRAPH SEPARATOR have no glyph either, and break the line in \
        some renderers and not in others, so the page looks different depending on where it is read.",
    example: ["Combining Tor with a VPN", "將\u{200B}Tor 與 VPN 結合"],
    precision: Some("1 of 1, the only finding on the Privacy Guides snapshot (zh-Hant)"),
    check: Check::Pair(check),
};

/// The first bytes of the UTF-8 encodings of the characters [`name`] knows.
const LEADS: &[u8] = &[0xC2, 0xE1, 0xE2, 0xEF];

fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        _ => return None,
    })
}

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let raw = input.translation.raw();
    if !holds(raw, LEADS, |c| name(c).is_some()) {
        return;
    }
    // The invisible characters the English block has: the translation may keep those.
    let mut english: Vec<char> =
        input.english.map_or_else(Vec::new, |e| e.raw().chars().filter(|c| name(*c).is_some()).collect());
    english.sort_unstable();
    english.dedup();
    let code = if input.translation.kind == Kind::Code { " (in code)" } else { "" };
    let mut run_end = 0;
    for (i, c) in raw.char_indices() {
        if i < run_end {
            continue;
        }
        let Some(char_name) = name(c) else { continue };
        // A run of invisible characters is one finding.
        let end = raw[i..].find(|c: char| name(c).is_none()).map_or(raw.len(), |k| i + k);
        run_end = end;
        let before = raw[..i].chars().next_back();
        let after = raw[end..].chars().next();
        if english.contains(&c) || legitimate(c, before, after) {
            continue;
        }
        let from = raw[..i].char_indices().rev().nth(7).map_or(0, |(k, _)| k);
        let to = raw[end..].char_indices().nth(8).map_or(raw.len(), |(k, _)| end + k);
        let harm = match c {
            '\u{2028}' | '\u{2029}' => "it breaks the line in some renderers and not in others",
            _ => "it splits the word for search and copying",
        };
        out.push(Hit::new(
            i,
            format!(
                "invisible {} {}{code} in \"{}\": {harm} and cannot be seen in review; remove it",
                char_name,
                visible(&c.to_string()),
                visible(&raw[from..to]).trim()
            ),
        ));
    }
}

/// ZWNJ and ZWJ where a script needs them, ZWJ inside an emoji sequence.
fn legitimate(c: char, before: Option<char>, after: Option<char>) -> bool {
    let joining = |x: Option<char>| x.is_some_and(uses_joiners);
    match c {
        '\u{200C}' => joining(before) || joining(after),
        '\u{200D}' => {
            joining(before) || joining(after) || (before.is_some_and(is_emoji) && after.is_some_and(is_emoji))
        }
        _ => false,
    }
}

/// Letters and marks of scripts whose spelling uses ZWNJ and ZWJ to control joining or conjuncts.
fn uses_joiners(c: char) -> bool {
    matches!(
        c.script(),
        Script::Arabic
            | Script::Syriac
            | Script::Nko
            | Script::Mongolian
            | Script::Devanagari
            | Script::Bengali
            | Script::Gurmukhi
            | Script::Gujarati
            | Script::Oriya
            | Script::Tamil
            | Script::Telugu
            | Script::Kannada
            | Script::Malayalam
            | Script::Sinhala
            | Script::Myanmar
            | Script::Khmer
            | Script::Tibetan
    )
}

/// Pictographs, variation selector 16, skin tones and tag characters: the parts of an emoji
/// ZWJ sequence (`🏳️‍🌈`, `🧑‍⚖️`).
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{2460}'..='\u{24FF}' | '\u{25A0}'..='\u{27BF}'
        | '\u{2900}'..='\u{297F}' | '\u{2B00}'..='\u{2BFF}' | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0020}'..='\u{E007F}' | '\u{00A9}' | '\u{00AE}'
        | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}')
}

#[cfg(test)]
mod tests {
    use super::{name, LEADS, RULE};
    use crate::rules::testing::hits;
    use crate::rules::text::leads_cover;

    #[test]
    fn the_lead_bytes_cover_every_named_character() {
        assert!(leads_cover(LEADS, |c| name(c).is_some()));
    }

    #[test]
    fn zero_width_space_and_soft_hyphen_are_found() {
        let en = "Combining Tor with a VPN.\n\nSee the settings.\n";
        let zh = "將\u{200B}\u{200B}Tor 與 VPN 結合。\n\nSiehe die Ein\u{00AD}stellungen.\n";
        assert_eq!(
            hits(&RULE, en, zh, "zh-Hant"),
            [
                "1: invisible ZERO WIDTH SPACE <U+200B> in \"將<U+200B><U+200B>Tor 與 VP\": it splits the word for \
                 search and copying and cannot be seen in review; remove it",
                "3: invisible SOFT HYPHEN <U+00AD> in \"die Ein<U+00AD>stellung\": it splits the word for \
                 search and copying and cannot be seen in review; remove it"
            ]
        );
    }

    #[test]
    fn joiners_outside_their_scripts_and_in_code_are_found() {
        let en = "Use `apt install tor` and OpenPGP.\n\n```\nrm -rf build\n```\n";
        let he = "השתמשו ב-`apt install\u{2060} tor` וב-Open\u{200C}PGP וב-\u{200D}גרסה.\n\n```\nrm -rf\u{FEFF} build\n```\n";
        let found = hits(&RULE, en, he, "he");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].contains("WORD JOINER <U+2060>"));
        assert!(found[1].contains("ZERO WIDTH NON-JOINER <U+200C>"));
        assert!(found[2].contains("ZERO WIDTH JOINER <U+200D>"));
        assert!(
            found[3].starts_with("4: invisible ZERO WIDTH NO-BREAK SPACE (byte order mark) <U+FEFF> (in code)"),
            "{found:?}"
        );
    }

    #[test]
    fn line_and_paragraph_separators_are_found() {
        let en = "Open the app.\n\nThen sign in with your key.\n\n```\nssh-add key\n```\n";
        let he = "פתחו את האפליקציה.\u{2028}\n\nאחר כך\u{2029}היכנסו עם המפתח.\n\n```\nssh-add\u{2028} key\n```\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            [
                "1: invisible LINE SEPARATOR <U+2028> in \"פליקציה.<U+2028>\": it breaks the line in some renderers \
                 and not in others and cannot be seen in review; remove it",
                "3: invisible PARAGRAPH SEPARATOR <U+2029> in \"אחר כך<U+2029>היכנסו ע\": it breaks the line in some \
                 renderers and not in others and cannot be seen in review; remove it",
                "6: invisible LINE SEPARATOR <U+2028> (in code) in \"ssh-add<U+2028> key\": it breaks the line in \
                 some renderers and not in others and cannot be seen in review; remove it"
            ]
        );
    }

    #[test]
    fn separators_the_english_has_too_are_kept() {
        let en = "First line\u{2028}second line.\n";
        let de = "Erste Zeile\u{2028}zweite Zeile.\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
        assert!(crate::rules::is_invisible('\u{2028}') && crate::rules::is_invisible('\u{2029}'));
    }

    #[test]
    fn a_block_full_of_them_gives_ten_findings_and_a_count() {
        let de = format!("{}\n", "Wort\u{200B} ".repeat(15));
        let found = hits(&RULE, "Word.\n", &de, "de");
        assert_eq!(found.len(), 11);
        assert_eq!(found[10], "1: and 5 more like these in this block");
    }

    #[test]
    fn joiners_where_scripts_need_them_emoji_marks_and_inherited_characters_are_fine() {
        let en = "It comes as a file.\n\nSymbols: \"🏳️\u{200D}🌈\" and a soft\u{00AD}hyphen.\n";
        // Persian ZWNJ (می‌شود), Arabic ZWNJ, Hindi ZWJ, emoji ZWJ sequences, RLM/LRM in prose,
        // and a soft hyphen the English has too.
        let fa = "این فایل می\u{200C}آید و ‏Tor\u{200E} را.\n\nنمادها: \"🏳️\u{200D}🌈\" و \"🧑\u{200D}⚖️\" و soft\u{00AD}hyphen.\n";
        assert!(hits(&RULE, en, fa, "fa").is_empty());
        assert!(hits(&RULE, "OpenPGP\n", "أوبن\u{200C}بي\u{200C}جي\u{200C}بي\n", "ar").is_empty());
        assert!(hits(&RULE, "Hindi\n", "क्\u{200D}ष\n", "hi").is_empty());
    }
}
