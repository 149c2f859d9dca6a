//! `link-target-changed`: a link of the translation points somewhere else than the English one.

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "link-target-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "a link target differs from the English",
    detects: "A link whose target (URL or page path) differs between the English block and its translation, or \
        a link one side has and the other lacks. Targets that differ only by the locale's language code \
        (`en.wikipedia.org` → `he.wikipedia.org`, `/en/` → `/he/`) are localisations, not findings; a link \
        title (`(url \"\")`) is not part of the target.",
    why: "Translators retype or shorten URLs, platforms mangle them, and an English link updated after the \
        translation was made keeps pointing at the old place in the translation. Readers of the translation \
        land on a wrong or dead page.",
    example: ["Read [the guide](https://example.org/guide/).", "Lies [die Anleitung](https://example.org/gide/)."],
    precision: Some("1/1 on the Privacy Guides snapshot (its only finding without history)"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let lang = input.facts.tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let raw = &input.translation.raw();
    compare_tokens(
        input,
        "link:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) if localised(l, a, &lang) => None,
            (Some(l), Some(a)) => Some(format!("link target changed: `{l}` → `{a}`")),
            // The target is still there but no longer parses as a link: `link-syntax-broken`.
            (Some(l), None) if raw.contains(l) => None,
            (Some(l), None) => Some(format!("link to `{l}` lost")),
            (None, Some(a)) => Some(format!("link to `{a}` added")),
            (None, None) => None,
        },
        out,
    );
}

/// A target localised for the locale: the English language code swapped for the locale's, in
/// the path (`/en/` → `/he/`) or in the host, where the page itself may be another language's
/// article (`en.wikipedia.org/wiki/Tor` → `fr.wikipedia.org/wiki/Réseau_Tor`).
fn localised(old: &str, new: &str, lang: &str) -> bool {
    if lang.is_empty() || lang == "en" {
        return false;
    }
    let host = |u: &str| u.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or(rest).to_owned());
    let same_site_in_locale =
        matches!((host(old), host(new)), (Some(o), Some(n)) if o != n && replace_code(&n, lang, "en") == o);
    same_site_in_locale || replace_code(new, lang, "en") == old
}

/// `s` with `code` replaced where it stands alone between non-alphanumeric characters.
fn replace_code(s: &str, code: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(code) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + code.len()..].chars().next();
        let alone = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..i]);
        out.push_str(if alone { with } else { code });
        rest = &rest[i + code.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn changed_lost_and_added_targets() {
        let en = "Read [the guide](https://example.org/guide/) and [this](a.md).\n";
        let de = "Lies [die Anleitung](https://example.org/gide/) und [das](a.md) und [mehr](b.md).\n";
        assert_eq!(
            hits(&RULE, en, de, "de"),
            [
                "1: link target changed: `https://example.org/guide/` → `https://example.org/gide/`",
                "1: link to `b.md` added"
            ]
        );
    }

    #[test]
    fn a_broken_link_is_left_to_link_syntax_broken() {
        let en = "[Learn more](basics/threat-modeling.md){ .md-button }\n";
        let ar = "[تعرف على المزيد] (basics/threat-modeling.md){ .md-button }\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
    }

    #[test]
    fn platform_rewrites_and_localised_targets_are_not_findings() {
        let en = "See [it](https://en.wikipedia.org/wiki/Tor) and [doc](https://example.org/en/doc/).\n";
        let he = "ראו [זה](https://he.wikipedia.org/wiki/Tor \"\") ו[מסמך](https://example.org/he/doc/).\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        let en = "A [network](https://en.wikipedia.org/wiki/Overlay_network).\n";
        let fr = "Un [réseau](https://fr.wikipedia.org/wiki/Réseau_superposé).\n";
        assert_eq!(hits(&RULE, en, fr, "fr"), Vec::<String>::new());
        // Another site is not a localisation.
        let de = "Ein [Netz](https://de.example.org/wiki/Overlay_network).\n";
        assert_eq!(hits(&RULE, en, de, "de").len(), 1);
    }
}
