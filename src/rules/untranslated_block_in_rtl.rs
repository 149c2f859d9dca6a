//! `untranslated-block-in-rtl`: a block of Latin-script prose without a single right-to-left
//! letter on a right-to-left page.

use super::text::{is_rtl_letter, shorten};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::classify::Status;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "untranslated-block-in-rtl",
    group: Group::Script,
    default: Level::Info,
    summary: "on a right-to-left page, a block of Latin-script prose holds no right-to-left letter",
    detects: "In a right-to-left locale, a prose block (paragraph, list item, heading, table row, title, \
        footnote…) whose text has Latin-script words — at least three, one of them lower-case, so that a \
        row of product names is not prose — and no right-to-left letter at all. It complements \
        `untranslated`: blocks that are the English text itself already carry that status and are not \
        reported again; this rule finds the others — English that differs from the current source (kept \
        from an older revision, or rewritten), or a block written in English on purpose. Verbatim blocks \
        (code, names behind links, no letters) are never reported.",
    why: "The page is laid out right to left: such a block is right-aligned, its final punctuation and \
        parentheses land at the wrong end, and a reader of the locale gets English where the coverage figures \
        may count a translation.",
    example: ["Mullvad is a fast and inexpensive VPN.", "Mullvad is a fast and affordable VPN service."],
    precision: None,
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    if !input.facts.rtl
        || seg.verbatim
        || input.pair.verbatim
        || matches!(seg.kind, Kind::Code | Kind::Rule)
        || input.pair.has(Status::Untranslated)
    {
        return;
    }
    let text = &seg.text;
    if text.chars().any(is_rtl_letter) {
        return;
    }
    let mut latin_words = 0;
    let mut lower = false;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() < 2 || !word.chars().all(is_latin) {
            continue;
        }
        latin_words += 1;
        lower |= word.chars().all(char::is_lowercase);
    }
    if latin_words < 3 || !lower {
        return;
    }
    let at = seg.raw.find(|c: char| c.is_alphabetic() && is_latin(c)).unwrap_or(0);
    out.push(Hit::new(
        at,
        format!(
            "\"{}\" has no {} letter: Latin-script prose on a right-to-left page is right-aligned, with its \
             punctuation at the wrong end; translate it",
            shorten(text, 50),
            script_name(&input.facts.script)
        ),
    ));
}

fn is_latin(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    c.script() == Script::Latin
}

fn script_name(script: &str) -> &str {
    match script {
        "Hebr" => "Hebrew",
        "Arab" => "Arabic-script",
        "Syrc" => "Syriac",
        "Thaa" => "Thaana",
        _ => "right-to-left",
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{hits, hits_with_base};

    #[test]
    fn english_that_is_not_the_source_text_is_found() {
        let en = "# VPN\n\nMullvad is a fast and inexpensive VPN.\n";
        let ar = "# VPN\n\nMullvad is a fast and affordable VPN service.\n";
        assert_eq!(
            hits_with_base(&RULE, en, ar, "ar"),
            ["3: \"Mullvad is a fast and affordable VPN service.\" has no Arabic-script letter: Latin-script prose \
              on a right-to-left page is right-aligned, with its punctuation at the wrong end; translate it"]
        );
        let he = "- Tor Browser is recommended here.\n";
        assert_eq!(hits_with_base(&RULE, "- Tor Browser is best.\n", he, "he").len(), 1);
        // Without a base, Latin text in a Hebrew-script locale is `untranslated` already.
        assert!(hits(&RULE, "- Tor Browser is best.\n", he, "he").is_empty());
    }

    #[test]
    fn translated_verbatim_identical_and_name_blocks_are_fine() {
        // Identical to the English: `untranslated` reports it.
        let en = "Mullvad is a fast and inexpensive VPN.\n\n| Proton Mail | Tuta | Mailbox Mail |\n\n```\nsudo apt install tor\n```\n";
        assert!(hits(&RULE, en, en, "he").is_empty());
        // Names only, code, and translated text with Latin names.
        let ar = "Mullvad شبكة افتراضية سريعة.\n\n| Proton Mail | Tuta | Posteo Mail |\n\n```\nsudo apt install tor now\n```\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
        // A left-to-right locale is not concerned.
        assert!(hits(&RULE, en, "Mullvad is a fast VPN for everyone.\n", "de").is_empty());
    }
}
