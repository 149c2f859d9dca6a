//! `attr-list-changed`: an attribute list lost, gained or translated a class, id or key.

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "attr-list-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "an attribute list `{ .class #id key=value }` differs from the English",
    detects: "Classes, ids and attribute keys of attribute lists (`{ .md-button }`, `{ #anchor }`, \
        `{ target=_blank }`) that differ between the English block and its translation. Spacing \
        (`{ .x }` ≡ `{.x}`) is a harmless platform rewrite and never a finding; attribute values such as \
        titles may be translated.",
    why: "Classes and ids are code: a translated class name loses its styling (a button becomes plain text) \
        and a changed id breaks every link to the anchor.",
    example: ["[Download](https://example.org){ .md-button }", "[تنزيل](https://example.org){ .زر }"],
    precision: Some("10/10 of a sample of the 26 findings on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    compare_tokens(
        input,
        "attr:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) => Some(format!("attribute `{l}` changed to `{a}`")),
            (Some(l), None) => Some(format!("attribute `{l}` lost")),
            (None, Some(a)) => Some(format!("attribute `{a}` added")),
            (None, None) => None,
        },
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn translated_class_is_found() {
        let en = "[Download](https://example.org){ .md-button }\n";
        let ar = "[تنزيل](https://example.org){ .زر }\n";
        assert_eq!(hits(&RULE, en, ar, "ar"), ["1: attribute `.md-button` changed to `.زر`"]);
    }

    #[test]
    fn spacing_and_translated_values_are_fine() {
        let en = "## Heading { #anchor .x title=\"Hello\" }\n";
        let de = "## Überschrift {#anchor .x title=\"Hallo\"}\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
    }
}
