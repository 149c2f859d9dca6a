//! `footnote-ref-changed`: footnote references differ between the two sides.

use std::sync::LazyLock;

use regex::Regex;

use super::text::report_difference;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;

pub static RULE: Rule = Rule {
    id: "footnote-ref-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "footnote references `[^label]` differ from the English",
    detects: "A footnote reference that the translation lost, added or relabelled. Moving footnote \
        definitions to the end of the file is a harmless platform rewrite and never a finding.",
    why: "A lost reference hides the footnote (often the source of a claim); a relabelled one points at a \
        definition that does not exist and renders as literal `[^x]` text.",
    example: ["Audited in 2024.[^1]", "Geprüft im Jahr 2024."],
    precision: Some("1/1 on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\^([^\]\s]+)\](:)?").unwrap());

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let Some(english) = input.english else { return };
    if !english.raw().contains("[^") && !input.translation.raw().contains("[^") {
        return;
    }
    let (e, t) = (references(english.raw()), references(input.translation.raw()));
    if e != t {
        report_difference(
            input,
            &e,
            &t,
            |lost, added| match (lost, added) {
                (Some(l), Some(a)) => Some(format!("footnote reference `[^{l}]` changed to `[^{a}]`")),
                (Some(l), None) => Some(format!("footnote reference `[^{l}]` lost")),
                (None, Some(a)) => Some(format!("footnote reference `[^{a}]` added")),
                (None, None) => None,
            },
            out,
        );
    }
}

/// Labels of the footnote references of a block (definitions' own labels excluded), sorted.
/// Read from the text rather than the parse: a reference to a footnote defined nowhere on the
/// page is plain text to CommonMark, and still a reference to the reader.
fn references(raw: &str) -> Vec<&str> {
    let mut v: Vec<&str> = REFERENCE
        .captures_iter(raw)
        .filter(|c| {
            let start = c.get(0).map_or(0, |m| m.start());
            let definition = c.get(2).is_some() && (start == 0 || raw[..start].ends_with('\n'));
            !definition
        })
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::{references, RULE};
    use crate::rules::testing::{hits, hits_without_base};

    #[test]
    fn lost_reference_is_found() {
        let en = "Audited in 2024.[^1]\n\n[^1]: A report.\n";
        let de = "Geprüft im Jahr 2024.\n\n[^1]: Ein Bericht.\n";
        assert_eq!(hits(&RULE, en, de, "de"), ["1: footnote reference `[^1]` lost"]);
        // Without a base the English may have gained the footnote since.
        assert!(hits_without_base(&RULE, en, de, "de").is_empty());
    }

    #[test]
    fn kept_reference_and_definitions_are_fine() {
        let en = "Audited in 2024.[^1]\n\n[^1]: A report.\n";
        let de = "Geprüft im Jahr 2024.[^1]\n\n[^1]: Ein Bericht.\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
        assert_eq!(references("[^a]: def with [^b]"), ["b"]);
    }
}
