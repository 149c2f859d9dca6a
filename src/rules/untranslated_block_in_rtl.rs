//! `untranslated-block-in-rtl`: a block of Latin-script prose without a single right-to-left
//! letter on a right-to-left page.

use std::sync::LazyLock;

use regex::Regex;

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
        footnote…) whose text has Latin-script words — at least three, two of them lower-case, so that a \
        row of product names and logos is not prose — and no right-to-left letter at all. It complements \
        `untranslated`: blocks that are the English text itself already carry that status and are not \
        reported again; this rule finds the others — English blocks the current English no longer has \
        (obsolete, still shown on the page), English that differs from the revision it was translated from, \
        or a block written in English on purpose. Verbatim blocks \
        (code, names behind links, no letters) are never reported.",
    why: "The page is laid out right to left: such a block is right-aligned, its final punctuation and \
        parentheses land at the wrong end, and a reader of the locale gets English where the coverage figures \
        may count a translation.",
    example: ["Mullvad is a fast and inexpensive VPN.", "Mullvad is a fast and affordable VPN service."],
    precision: Some("10 of 10 sampled findings (Privacy Guides snapshot, he and ar)"),
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
    let text = &seg.text();
    if text.chars().any(is_rtl_letter) {
        return;
    }
    // Words as written (`Mailbox.org` is one), their punctuation trimmed; the alternative texts
    // of images (`Brave logo`) are labels, not prose.
    let (mut words, mut lower) = latin_words(text);
    if seg.raw().contains("![") {
        for alt in IMAGE_ALT.captures_iter(seg.raw()) {
            let (alt_words, alt_lower) = latin_words(&alt[1]);
            words = words.saturating_sub(alt_words);
            lower = lower.saturating_sub(alt_lower);
        }
    }
    if words < 3 || lower < 2 {
        return;
    }
    let at = seg.raw().find(|c: char| c.is_alphabetic() && is_latin(c)).unwrap_or(0);
    let fix = if input.pair.has(Status::Obsolete) {
        "the English no longer has it: remove it, or translate it"
    } else {
        "translate it"
    };
    out.push(Hit::new(
        at,
        format!(
            "\"{}\" has no {} letter: Latin-script prose on a right-to-left page is right-aligned, with its \
             punctuation at the wrong end; {fix}",
            shorten(text, 50),
            script_name(&input.facts.script)
        ),
    ));
}

/// The Latin-script words of `text`, and how many of them are lower-case.
fn latin_words(text: &str) -> (usize, usize) {
    let (mut latin, mut lower) = (0, 0);
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        if word.chars().count() < 2 || !word.chars().all(|c| is_latin(c) || c == '\'' || c == '-') {
            continue;
        }
        latin += 1;
        if word.chars().all(|c| !c.is_uppercase()) {
            lower += 1;
        }
    }
    (latin, lower)
}

static IMAGE_ALT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[([^\]]+)\]").unwrap());

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
        // An English block the English no longer has (obsolete) is found too.
        let found = hits(&RULE, "# VPN\n", "# VPN\n\nThis paragraph was dropped from the English.\n", "ar");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("the English no longer has it: remove it, or translate it"), "{found:?}");
        let fa = "- Briar works without the internet at all.\n";
        assert_eq!(hits_with_base(&RULE, "- Briar works offline.\n", fa, "fa").len(), 1);
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
        // Logos and names behind internal links are not prose.
        let he = "- ![Brave logo](brave.svg){ .twemoji }![Brave logo](brave-dark.svg){ .twemoji } [Brave (Android)](browsers.md)\n";
        assert!(hits_with_base(&RULE, "- [Brave](browsers.md)\n", he, "he").is_empty());
        // A left-to-right locale is not concerned.
        assert!(hits(&RULE, en, "Mullvad is a fast VPN for everyone.\n", "de").is_empty());
    }
}
