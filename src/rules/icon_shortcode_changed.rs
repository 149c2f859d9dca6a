//! `icon-shortcode-changed`: an icon shortcode was translated, retyped or dropped.

use super::text::compare_tokens;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "icon-shortcode-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "an icon shortcode `:material-name:` differs from the English",
    detects: "Icon and emoji shortcodes (`:material-source-branch:`, `:fontawesome-brands-git:`) that the \
        translation lost, added or changed.",
    why: "A shortcode with a translated or mistyped name renders as literal `:text:` instead of the icon.",
    example: [":material-source-branch: Source code", ":material-fuente-rama: Código fuente"],
    precision: None,
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    compare_tokens(
        input,
        "icon:",
        |lost, added| match (lost, added) {
            (Some(l), Some(a)) => Some(format!("icon `:{l}:` changed to `:{a}:`")),
            (Some(l), None) => Some(format!("icon `:{l}:` lost")),
            (None, Some(a)) => Some(format!("icon `:{a}:` added")),
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
    fn changed_icon_is_found() {
        let en = "[:material-source-branch: Source](https://example.org)\n";
        let es = "[:material-fuente-rama: Fuente](https://example.org)\n";
        assert_eq!(
            hits(&RULE, en, es, "es"),
            ["1: icon `:material-source-branch:` changed to `:material-fuente-rama:`"]
        );
    }

    #[test]
    fn kept_icon_is_fine() {
        let en = ":material-check: Works offline\n";
        let fr = ":material-check: Fonctionne hors ligne\n";
        assert!(hits(&RULE, en, fr, "fr").is_empty());
    }
}
