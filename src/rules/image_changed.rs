//! `image-changed`: an image's source differs between the two sides.

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "image-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "an image source differs from the English",
    detects: "An image (`![alt](src)`) whose source the translation changed, lost or added. The alternative \
        text is prose and may be translated.",
    why: "A retyped path shows a broken image; a lost one removes a screenshot or logo readers of the English \
        see.",
    example: ["![Logo](assets/logo.svg)", "![Logo](assets/logo.png)"],
    precision: Some("1/1 on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let raw = &input.translation.raw();
    compare_tokens(
        input,
        "img:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) => Some(format!("image source changed: `{l}` → `{a}`")),
            // The source is still there but no longer parses as an image: `link-syntax-broken`.
            (Some(l), None) if raw.contains(l) => None,
            (Some(l), None) => Some(format!("image `{l}` lost")),
            (None, Some(a)) => Some(format!("image `{a}` added")),
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
    fn changed_source_is_found() {
        let en = "![Logo](assets/logo.svg){ width=100 }\n";
        let de = "![Logo](assets/logo.png){ width=100 }\n";
        assert_eq!(hits(&RULE, en, de, "de"), ["1: image source changed: `assets/logo.svg` → `assets/logo.png`"]);
    }

    #[test]
    fn a_broken_image_is_left_to_link_syntax_broken() {
        assert!(hits(&RULE, "![A cat](cat.png)\n", "![Eine Katze] (cat.png)\n", "de").is_empty());
    }

    #[test]
    fn translated_alt_text_is_fine() {
        assert!(hits(&RULE, "![A cat](cat.png)\n", "![Eine Katze](cat.png)\n", "de").is_empty());
    }
}
