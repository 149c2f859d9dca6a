//! `code-span-changed`: inline code was translated, retyped or dropped.

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "code-span-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "inline code differs from the English",
    detects: "An inline code span (`` `…` ``) whose content differs between the English block and its \
        translation, or one that a side lacks. The same code written as HTML (`<code>…</code>`) on the other \
        side counts as kept. Fenced code blocks are not compared: comments in code may be translated.",
    why: "Inline code is what readers type or look for: commands, file names, settings, URL schemes. A \
        translated `encrypt` or `briar://` no longer works when copied.",
    example: ["Run `encrypt` first.", "הריצו קודם את `הצפן`."],
    precision: Some("9/10 of a sample of the 33 findings on the Privacy Guides snapshot (the miss: a UI value translated on purpose)"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    if input.translation.kind == Kind::Code {
        return;
    }
    // `<code>…</code>` is inline code too, written as HTML (a platform may write it so).
    let as_html = |raw: &str, code: &str| raw.contains(&format!("<code>{code}</code>"));
    let english = input.english.map_or("", |e| e.raw());
    compare_tokens(
        input,
        "code:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) => Some(format!("inline code changed: `{l}` → `{a}`")),
            (Some(l), None) if as_html(input.translation.raw(), l) => None,
            (Some(l), None) => Some(format!("inline code `{l}` lost")),
            (None, Some(a)) if as_html(english, a) => None,
            (None, Some(a)) => Some(format!("inline code `{a}` added")),
            (None, None) => None,
        },
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{hits, hits_without_base};

    #[test]
    fn translated_code_is_found() {
        let en = "Title\n\nRun `encrypt` and open `briar://` links.\n";
        let he = "כותרת\n\nהריצו `הצפן` ופתחו קישורי `בריאר://`.\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            ["3: inline code changed: `briar://` → `בריאר://`", "3: inline code changed: `encrypt` → `הצפן`"]
        );
    }

    #[test]
    fn code_written_as_html_is_kept() {
        let en = "Title\n\nSet `lang=\"he\"` and `dir=\"rtl\"` on the page.\n";
        let he = "כותרת\n\nהגדירו <code>lang=\"he\"</code> ו־`dir=\"rtl\"` בדף.\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        assert!(hits_without_base(&RULE, en, he, "he").is_empty());
        assert!(hits(&RULE, he, en, "en").is_empty());
        let dropped = "כותרת\n\nהגדירו lang=\"he\" ו־`dir=\"rtl\"` בדף.\n";
        assert_eq!(hits(&RULE, en, dropped, "he"), ["3: inline code `lang=\"he\"` lost"]);
    }

    #[test]
    fn same_code_in_another_order_and_fenced_code_are_fine() {
        let en = "Use `a` then `b`.\n\n```\n# comment\n```\n";
        let de = "Nutze `b` nach `a`.\n\n```\n# Kommentar\n```\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
    }
}
