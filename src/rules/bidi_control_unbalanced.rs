//! `bidi-control-unbalanced`: an embedding, override or isolate in prose that is never closed,
//! or a closing control with nothing to close.

use super::text::{bidi_control, capped, holds, markup_spans, named, BIDI_LEADS};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "bidi-control-unbalanced",
    group: Group::Script,
    default: Level::Warning,
    summary: "a bidirectional embedding or isolate in prose is not closed, or a PDF/PDI closes nothing",
    detects: "In prose (code and markup are `bidi-control-dangerous`'s), an embedding or override (LRE, RLE, \
        LRO, RLO) that no PDF closes, an isolate (LRI, RLI, FSI) that no PDI closes, or a PDF or PDI with \
        nothing open to close. Pairs are matched as the Unicode Bidirectional Algorithm (UAX #9, X1–X8) does: \
        a PDI closes its isolate and every embedding opened inside it, a PDF never closes across an isolate, \
        and the end of the block — and of each table cell — closes everything.",
    why: "An unclosed override keeps reordering the rest of the paragraph (words and punctuation appear in the \
        wrong order up to its end); a stray closer is usually the remnant of a pair that a copy or an edit \
        broke, and its partner is missing somewhere else.",
    example: ["Use the **Mozilla account** menu.", "השתמשו בתפריט **\u{2067}Mozilla account** ."],
    precision: None,
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    if seg.kind == Kind::Code || !holds(seg.raw(), BIDI_LEADS, |c| bidi_control(c).is_some()) {
        return;
    }
    let raw = &seg.raw();
    let markup = markup_spans(raw);
    let in_markup = |i: usize| markup.iter().any(|(r, _)| r.contains(&i));
    // Open embeddings and isolates: (offset, character, is an isolate).
    let mut open: Vec<(usize, char, bool)> = Vec::new();
    let mut previous = ' ';
    for (i, c) in raw.char_indices() {
        let cell_end = seg.kind == Kind::TableRow && c == '|' && previous != '\\' && !in_markup(i);
        previous = c;
        if cell_end {
            unclosed(&mut open, "table cell", out);
            continue;
        }
        let Some(name) = bidi_control(c) else { continue };
        if in_markup(i) {
            continue;
        }
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push((i, c, false)),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push((i, c, true)),
            '\u{202C}' => {
                if open.last().is_some_and(|(_, _, isolate)| !isolate) {
                    open.pop();
                } else {
                    let why = if open.is_empty() { "no embedding or override is open" } else { "an isolate is open" };
                    out.push(Hit::new(i, format!("{} closes nothing: {why}", named(name, c))));
                }
            }
            _ => {
                // PDI: closes the innermost isolate and whatever was opened inside it.
                if let Some(k) = open.iter().rposition(|(_, _, isolate)| *isolate) {
                    for (at, e, _) in open.drain(k..).skip(1) {
                        let e_name = bidi_control(e).unwrap_or_default();
                        out.push(Hit::new(
                            at,
                            format!(
                                "{} is not closed by PDF <U+202C> before the PDI <U+2069> that ends its isolate",
                                named(e_name, e)
                            ),
                        ));
                    }
                } else {
                    out.push(Hit::new(i, format!("{} closes nothing: no isolate is open", named(name, c))));
                }
            }
        }
    }
    unclosed(&mut open, "block", out);
}

/// Reports what is still open at the end of a block or table cell.
fn unclosed(open: &mut Vec<(usize, char, bool)>, unit: &str, out: &mut Vec<Hit>) {
    for (at, c, isolate) in open.drain(..) {
        let name = bidi_control(c).unwrap_or_default();
        let closer = if isolate { "PDI <U+2069>" } else { "PDF <U+202C>" };
        out.push(Hit::new(
            at,
            format!(
                "{} is not closed by {closer} in this {unit}: it reorders the text up to the {unit}'s end",
                named(name, c)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn unclosed_isolate_and_override_are_found() {
        let en = "Use the Mozilla account menu.\n\nThen restart.\n";
        let he = "השתמשו בתפריט \u{2067}Mozilla account.\n\nואז \u{202E}הפעילו מחדש.\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            [
                "1: RLI <U+2067> is not closed by PDI <U+2069> in this block: it reorders the text up to the block's end",
                "3: RLO <U+202E> is not closed by PDF <U+202C> in this block: it reorders the text up to the block's end"
            ]
        );
    }

    #[test]
    fn stray_closers_are_found() {
        let en = "A menu.\n";
        let ar = "قائمة\u{202C} و\u{2069}.\n";
        assert_eq!(
            hits(&RULE, en, ar, "ar"),
            [
                "1: PDF <U+202C> closes nothing: no embedding or override is open",
                "1: PDI <U+2069> closes nothing: no isolate is open"
            ]
        );
    }

    #[test]
    fn uax9_matching_rules() {
        // A PDF does not close across an isolate; the PDI closes the isolate and the embedding in it.
        let ar = "أ \u{202B}ب \u{2066}ج \u{202A}د\u{2069} هـ\u{202C}.\n";
        let found = hits(&RULE, "a b c d e.\n", ar, "ar");
        assert_eq!(
            found,
            ["1: LRE <U+202A> is not closed by PDF <U+202C> before the PDI <U+2069> that ends its isolate"]
        );
        // Each table cell is a paragraph of its own.
        let row = "| a | b |\n|---|---|\n| \u{2068}x | y\u{2069} |\n";
        let found = hits(&RULE, row, row, "he");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn balanced_controls_and_marks_are_fine() {
        let en = "Open **Mozilla account** and press Ctrl.\n";
        let zh = "打開 **\u{2068}Mozilla 帳號\u{2069}** 並按 \u{202B}Ctrl\u{202C}。\n";
        assert!(hits(&RULE, en, zh, "zh-Hant").is_empty());
        // LRM and RLM are not embeddings; controls inside code are bidi-control-dangerous's.
        let he = "הקישו \u{200F}Ctrl\u{200E} ואז `a\u{202E}b`.\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
    }
}
