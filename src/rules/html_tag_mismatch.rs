//! `html-tag-mismatch`: HTML tags lost, added, retyped, or cut off.

use std::sync::LazyLock;

use regex::Regex;

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "html-tag-mismatch",
    group: Group::Markup,
    default: Level::Warning,
    summary: "HTML tags or their classes differ from the English, or a tag is cut off",
    detects: "Opening and closing HTML tags (with their classes) that differ between the English block and \
        its translation, and a `<` that no longer starts a tag (a tag truncated by the platform, such as a \
        line ending in `<`).",
    why: "A lost closing tag swallows the rest of the page into the element; a truncated tag shows raw markup; \
        a translated class loses its styling.",
    example: [
        "<details class=\"downloads\"><summary>Downloads</summary>",
        "<details class=\"downloads\"><summary>Téléchargements<",
    ],
    precision: Some(
        "14/14 findings on the Privacy Guides snapshot (platform placeholders such as `<0>`, cut-off tags)",
    ),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    compare_tokens(
        input,
        "html:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) => Some(format!("HTML tag `<{l}>` changed to `<{a}>`")),
            (Some(l), None) => Some(format!("HTML tag `<{l}>` lost")),
            (None, Some(a)) => Some(format!("HTML tag `<{a}>` added")),
            (None, None) => None,
        },
        out,
    );
    let Some(english) = input.english else { return };
    let raw = &input.translation.raw();
    if !raw.contains('<') {
        return;
    }
    if let Some(m) = PLACEHOLDER.find(raw).filter(|_| !PLACEHOLDER.is_match(english.raw())) {
        out.push(Hit::new(
            m.start(),
            format!("platform placeholder `{}` left where the English has an HTML tag", m.as_str()),
        ));
        return;
    }
    if stray_angles(raw).count() > stray_angles(english.raw()).count() {
        if let Some(at) = stray_angles(raw).last() {
            out.push(Hit::new(at, "`<` that starts no tag: an HTML tag may be cut off"));
        }
    }
}

/// Numbered tags such as `<0>`, `</1>` or `<2/>`: a translation platform's stand-ins for the
/// source's tags, exported instead of them.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?\d+/?>").unwrap());

/// Offsets of `<` characters that start no tag, comment or autolink, outside inline code.
fn stray_angles(raw: &str) -> impl Iterator<Item = usize> + '_ {
    let mut in_code = false;
    raw.char_indices().filter_map(move |(i, c)| {
        if c == '`' {
            in_code = !in_code;
        }
        if c != '<' || in_code {
            return None;
        }
        let next = raw[i + 1..].chars().next();
        let starts_tag = next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '/' || n == '!');
        (!starts_tag && next != Some('=') && next != Some(' ')).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn lost_tag_and_truncation_are_found() {
        let en = "<p>Some <strong>bold</strong> text and <em>this</em>.</p>\n";
        let fa = "<p>متن <strong>پررنگ</strong> و <em>این.</p><\n";
        assert_eq!(
            hits(&RULE, en, fa, "fa"),
            ["1: HTML tag `</em>` lost", "1: `<` that starts no tag: an HTML tag may be cut off"]
        );
    }

    #[test]
    fn platform_placeholders_are_found() {
        let en = "<button class=\"top\">[Back to top](#top)</button>\n";
        let de = "<0>[Nach oben](#top)</0>\n";
        assert_eq!(
            hits(&RULE, en, de, "de"),
            [
                "1: HTML tag `</button>` lost",
                "1: HTML tag `<button.top>` lost",
                "1: platform placeholder `<0>` left where the English has an HTML tag"
            ]
        );
    }

    #[test]
    fn same_tags_and_comparisons_are_fine() {
        let en = "<kbd>Ctrl</kbd> if a < b\n";
        let de = "<kbd>Strg</kbd> falls a < b\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
    }
}
