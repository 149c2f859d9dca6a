//! `bidi-control-dangerous`: bidirectional controls inside code, targets or attributes (Trojan
//! Source).

use super::text::{bidi_control, capped, holds, markup_spans, named, shorten, BIDI_LEADS};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "bidi-control-dangerous",
    group: Group::Script,
    default: Level::Error,
    summary: "a bidirectional control character inside code, a link target or an attribute",
    detects: "An embedding, override or isolate control (U+202A–U+202E LRE, RLE, PDF, LRO, RLO; U+2066–U+2069 \
        LRI, RLI, FSI, PDI — the characters rustc refuses in source code) inside inline code, a line of a \
        fenced code block, a link or image target, an HTML tag (its attribute values) or an attribute list. \
        Every locale is checked: a left-to-right page can carry them as well. A stretch of code or markup \
        that the English block holds identically is the source's own content (a page about Trojan Source \
        quoting the characters) and is not reported.",
    why: "These characters reorder what is displayed without changing what is copied or executed: a command \
        that reads `rm -rf ./build` can run something else, a link can show one address and open another \
        (Trojan Source, CVE-2021-42574). Prose has legitimate uses for isolates; code and URLs have none.",
    example: ["Run `git log --oneline`.", "הריצו `git log \u{202E}enilieno-- `."],
    precision: None,
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let raw: &str = input.translation.raw();
    if !holds(raw, BIDI_LEADS, |c| bidi_control(c).is_some()) {
        return;
    }
    let english = input.english.map_or("", |e| e.raw());
    if input.translation.kind == Kind::Code {
        if !english.contains(raw) {
            report(raw, 0..raw.len(), "a code block line", out);
        }
        return;
    }
    let mut spans = markup_spans(raw);
    // Outermost first, so that a tag inside inline code is reported once, as code.
    spans.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut covered = 0;
    for (range, kind) in spans {
        if range.end <= covered {
            continue;
        }
        covered = range.end;
        let text = &raw[range.clone()];
        if text.chars().any(|c| bidi_control(c).is_some()) && !english.contains(text) {
            report(raw, range, kind.describe(), out);
        }
    }
}

/// One hit per stretch of code or markup, at its first control, naming every control in it.
fn report(raw: &str, range: std::ops::Range<usize>, context: &str, out: &mut Vec<Hit>) {
    let text = &raw[range.clone()];
    let mut controls: Vec<String> = Vec::new();
    let mut first = None;
    for (i, c) in text.char_indices() {
        if let Some(name) = bidi_control(c) {
            first.get_or_insert(range.start + i);
            let shown = named(name, c);
            if !controls.contains(&shown) {
                controls.push(shown);
            }
        }
    }
    let Some(at) = first else { return };
    out.push(Hit::new(
        at,
        format!(
            "{} inside {context} `{}`: it displays the code or address in another order than it is copied or \
             run (Trojan Source); remove it",
            controls.join(", "),
            shorten(text.trim().trim_matches('`'), 60)
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn override_in_inline_code_is_an_error() {
        let en = "Run `git log --oneline` first.\n";
        let he = "הריצו קודם `git log \u{202E}enilieno--\u{202C}`.\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            ["1: RLO <U+202E>, PDF <U+202C> inside inline code `git log <U+202E>enilieno--<U+202C>`: it displays the \
              code or address in another order than it is copied or run (Trojan Source); remove it"]
        );
    }

    #[test]
    fn isolate_in_a_fenced_code_line_is_found() {
        let en = "```sh\nrm -rf ./build\n```\n";
        let ar = "```sh\nrm -rf ./build \u{2067}# تنظيف\u{2069}\n```\n";
        let found = hits(&RULE, en, ar, "ar");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("2: RLI <U+2067>, PDI <U+2069> inside a code block line `rm -rf"), "{found:?}");
    }

    #[test]
    fn controls_in_link_and_image_targets_are_found() {
        let en = "See [the guide](https://example.org/guide) and ![logo](logo.svg).\n";
        let de = "Siehe [den Leitfaden](https://example.org/\u{202E}ediug) und ![Logo](lo\u{2066}go.svg).\n";
        let found = hits(&RULE, en, de, "de");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("RLO <U+202E> inside a link or image target `https://example.org/<U+202E>ediug`"));
        assert!(found[1].contains("LRI <U+2066> inside a link or image target `lo<U+2066>go.svg`"));
    }

    #[test]
    fn controls_in_html_attributes_and_attribute_lists_are_found() {
        let en = "<a href=\"https://example.org\" title=\"Home\">Home</a>\n\n[Download](https://example.org){ .md-button title=\"Get it\" }\n";
        let fa = "<a href=\"https://example.org\" title=\"\u{202B}خانه\">خانه</a>\n\n[دانلود](https://example.org){ .md-button title=\"\u{202D}دریافت\" }\n";
        let found = hits(&RULE, en, fa, "fa");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("1: RLE <U+202B> inside an HTML tag `<a href="), "{found:?}");
        assert!(found[1].starts_with("3: LRO <U+202D> inside an attribute list `{ .md-button title="), "{found:?}");
    }

    #[test]
    fn controls_in_attribute_list_keys_and_autolinks_are_found() {
        let en = "[Get it](https://example.org){ .md-button }\n\nSee <https://example.org/download>.\n";
        let de =
            "[Holen](https://example.org){ .md-\u{202E}button }\n\nSiehe <https://example.org/\u{2067}download>.\n";
        let found = hits(&RULE, en, de, "de");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("1: RLO <U+202E> inside an attribute list `{ .md-<U+202E>button }`"), "{found:?}");
        assert!(found[1].starts_with("3: RLI <U+2067> inside a link or image target"), "{found:?}");
        assert_eq!(RULE.default, crate::check::Level::Error);
    }

    #[test]
    fn controls_in_prose_and_inherited_code_are_not_this_rule() {
        // An isolate around a name in prose is legitimate (and balanced).
        let en = "Open **Settings** and `Ctrl\u{2066}x\u{2069}`.\n";
        let zh = "打開 **\u{2068}Mozilla 帳號\u{2069}** 與 `Ctrl\u{2066}x\u{2069}`。\n";
        assert!(hits(&RULE, en, zh, "zh-Hant").is_empty());
        // Nothing to look at: no control at all.
        assert!(hits(&RULE, "Run `ls`.\n", "הריצו `ls`.\n", "he").is_empty());
    }
}
