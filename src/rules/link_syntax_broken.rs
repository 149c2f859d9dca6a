//! `link-syntax-broken`: a link or image of the English that the translation's syntax broke.

use std::ops::Range;

use pulldown_cmark::{Event, Parser};

use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::{Kind, Segment};

pub static RULE: Rule = Rule {
    id: "link-syntax-broken",
    group: Group::Markup,
    default: Level::Warning,
    summary: "Markdown link syntax broken: `[text] (url)`, a lost `[` or `]`, unbalanced brackets",
    detects: "A link or image that parses in the English block but whose target stands as plain text in the \
        translation: a space between `]` and `(` (`[text] (url)`, as some platforms write right-to-left \
        and French text), a lost `[` or `]`, a lost `)`, an extra `(`, or `[text]` separated from its \
        `(url)`. The finding points at the broken spot.",
    why: "A broken link renders as brackets and a raw URL: the reader loses the link, and the page looks \
        garbled. Link checkers do not see it, since there is no link left to check.",
    example: [
        "[Learn more about threat modeling](basics/threat-modeling.md)",
        "[تعرف على المزيد حول نمذجة التهديدات] (basics/threat-modeling.md)",
    ],
    precision: Some("16/16 judged (a sample of 10, and 6 more) of the 43 findings on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    out.extend(broken(input).into_iter().map(|(hit, _)| hit));
}

/// Every broken link of the translated block, with its target.
fn broken<'a>(input: &Input<'a>) -> Vec<(Hit, &'a str)> {
    let Some(english) = input.english else { return Vec::new() };
    let t = input.translation;
    if matches!(t.kind, Kind::Code | Kind::FrontMatter) || !t.raw().contains('(') {
        return Vec::new();
    }
    let lost = lost_targets(english, t);
    let gaps = t.raw().contains("] ") || t.raw().contains("]\n") || t.raw().contains("]\t");
    if lost.is_empty() && !gaps {
        return Vec::new();
    }
    let raw = t.raw();
    let literal = literal_ranges(raw);
    let mut hits: Vec<(Hit, &str)> = Vec::new();
    for (target, image, count) in lost {
        for at in unparsed_targets(raw, target, &literal).into_iter().take(count) {
            let (offset, mut what) = diagnose(raw, at, target.len());
            let noun = if image { "image" } else { "link" };
            if image && what == LOST_OPEN {
                what = "`![` lost before the alternative text";
            }
            hits.push((Hit::new(offset, format!("{noun} to `{target}` broken: {what}")), target));
        }
    }
    if gaps {
        let english_gaps = gap_targets(english.raw(), &literal_ranges(english.raw()));
        let mut english_gaps: Vec<&str> = english_gaps.into_iter().map(|(_, t)| t).collect();
        for (at, target) in gap_targets(raw, &literal) {
            if let Some(k) = english_gaps.iter().position(|e| *e == target) {
                english_gaps.swap_remove(k);
                continue;
            }
            if !hits.iter().any(|(h, _)| h.offset == at) {
                hits.push((Hit::new(at, format!("link to `{target}` broken: {SPACE}")), target));
            }
        }
    }
    hits.sort_by_key(|(h, _)| h.offset);
    hits
}

const LOST_OPEN: &str = "`[` lost before the link text";
const SPACE: &str = "a space between `]` and `(` (`[text] (url)` is not a link)";

/// Link and image targets of the English that the translation's links lack, with how many
/// times each is missing.
fn lost_targets<'a>(english: &'a Segment, translation: &Segment) -> Vec<(&'a str, bool, usize)> {
    let mut out: Vec<(&str, bool, usize)> = Vec::new();
    if english.skeleton() == translation.skeleton() {
        return out;
    }
    for token in english.skeleton() {
        let (target, image) = match (token.strip_prefix("link:"), token.strip_prefix("img:")) {
            (Some(t), _) => (t, false),
            (_, Some(t)) => (t, true),
            _ => continue,
        };
        if target.is_empty() || out.iter().any(|(t, i, _)| *t == target && *i == image) {
            continue;
        }
        let count = |s: &Segment| s.skeleton().iter().filter(|k| *k == token).count();
        let missing = count(english).saturating_sub(count(translation));
        if missing > 0 {
            out.push((target, image, missing));
        }
    }
    out
}

/// Byte ranges of `raw` that pulldown-cmark reads as plain text (not link, code or HTML).
fn literal_ranges(raw: &str) -> Vec<Range<usize>> {
    Parser::new_ext(raw, crate::parse::options())
        .into_offset_iter()
        .filter_map(|(event, range)| matches!(event, Event::Text(_)).then_some(range))
        .collect()
}

fn is_literal(literal: &[Range<usize>], at: usize) -> bool {
    literal.iter().any(|r| r.contains(&at))
}

/// Offsets of the `(` of every `(target` in `raw` that is plain text, the target ending there.
fn unparsed_targets(raw: &str, target: &str, literal: &[Range<usize>]) -> Vec<usize> {
    let needle = format!("({target}");
    raw.match_indices(&needle)
        .map(|(at, _)| at)
        .filter(|&at| {
            let next = raw[at + needle.len()..].chars().next();
            next.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | '"' | '\'')) && is_literal(literal, at)
        })
        .collect()
}

/// Where and how the link whose target starts at the `(` at `open` is broken.
fn diagnose(raw: &str, open: usize, target_len: usize) -> (usize, &'static str) {
    let before = &raw[..open];
    let trimmed = before.trim_end();
    let closed = raw[open + 1 + target_len..].trim_start().starts_with([')', '"', '\'']);
    if let Some(text_end) = trimmed.strip_suffix(']').map(str::len) {
        if matching_open(raw, text_end).is_none() {
            return (text_end, LOST_OPEN);
        }
        if trimmed.len() < before.len() {
            return (text_end, SPACE);
        }
        if !closed {
            return (open, "`)` lost after the target");
        }
        return (open, "unbalanced brackets or parentheses around the target");
    }
    if trimmed.ends_with('(') {
        return (open, "an extra `(` before the target");
    }
    if unmatched_open(before).is_some() {
        return (open, "`]` lost after the link text");
    }
    if trimmed.contains(']') {
        return (open, "`[text]` is separated from its `(url)`");
    }
    (open, "the brackets around the link text are lost")
}

/// The `[` that the `]` at `close` closes.
fn matching_open(raw: &str, close: usize) -> Option<usize> {
    unmatched_open(&raw[..close])
}

/// The last `[` of `before` that no later `]` closes.
fn unmatched_open(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    let mut depth = 0usize;
    for i in (0..bytes.len()).rev() {
        let escaped = bytes[..i].iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1;
        match bytes[i] {
            b']' if !escaped => depth += 1,
            b'[' if !escaped => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Every plain-text `[text]` followed by whitespace and `(target)`: the offset of the `]` and
/// the target.
fn gap_targets<'r>(raw: &'r str, literal: &[Range<usize>]) -> Vec<(usize, &'r str)> {
    let mut out = Vec::new();
    for (at, _) in raw.match_indices(']') {
        let rest = &raw[at + 1..];
        let after = rest.trim_start_matches([' ', '\t', '\n']);
        let gap = rest.len() - after.len();
        if gap == 0 || gap > 3 || !after.starts_with('(') || !is_literal(literal, at) {
            continue;
        }
        let Some(end) = after.find(')') else { continue };
        let inside = &after[1..end];
        let (target, title) = inside.split_once(char::is_whitespace).unwrap_or((inside, ""));
        // `[x] (Optional)` or `[sic] (see below)` in prose is not a link: the target must look
        // like one, followed by nothing but a title.
        let title = title.trim();
        let titled =
            title.is_empty() || (title.len() >= 2 && title.starts_with(['"', '\'']) && title.ends_with(['"', '\'']));
        let looks_like_target = !target.is_empty() && target.contains(['/', '.', '#', ':']);
        if looks_like_target && titled && matching_open(raw, at).is_some() {
            out.push((at, target));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{hits, hits_without_base};

    #[test]
    fn space_between_text_and_target_is_found() {
        let en = "[Learn more](basics/threat-modeling.md){ .md-button }\n";
        let ar = "[تعرف على المزيد] (basics/threat-modeling.md){ .md-button }\n";
        let want = [
            "1: link to `basics/threat-modeling.md` broken: a space between `]` and `(` (`[text] (url)` is not a link)",
        ];
        assert_eq!(hits_without_base(&RULE, en, ar, "ar"), want);
        assert_eq!(hits(&RULE, en, ar, "ar"), want);
        // French typography puts a space before a parenthesis too.
        let fr = "[En savoir plus] (basics/threat-modeling.md){ .md-button }\n";
        assert_eq!(hits(&RULE, en, fr, "fr").len(), 1);
    }

    #[test]
    fn lost_brackets_and_parentheses_are_found() {
        let en = "See [the guide](https://example.org/guide) and ![a logo](logo.svg) here.\n";
        let cases = [
            (
                "Siehe die Anleitung](https://example.org/guide) und ![ein Logo](logo.svg).",
                "`[` lost before the link text",
            ),
            (
                "Siehe [die Anleitung(https://example.org/guide) und ![ein Logo](logo.svg).",
                "`]` lost after the link text",
            ),
            ("Siehe [die Anleitung](https://example.org/guide und ![ein Logo](logo.svg).", "`)` lost after the target"),
            (
                "Siehe [die Anleitung]((https://example.org/guide) und ![ein Logo](logo.svg).",
                "an extra `(` before the target",
            ),
            (
                "Siehe [die Anleitung] hier (https://example.org/guide) und ![ein Logo](logo.svg).",
                "`[text]` is separated from its `(url)`",
            ),
            (
                "Siehe die Anleitung (https://example.org/guide) und ![ein Logo](logo.svg).",
                "the brackets around the link text are lost",
            ),
        ];
        for (de, what) in cases {
            assert_eq!(
                hits_without_base(&RULE, en, de, "de"),
                [format!("1: link to `https://example.org/guide` broken: {what}")],
                "{de}"
            );
        }
        let he = "ראו [המדריך](https://example.org/guide) ו-![לוגו] (logo.svg).\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            ["1: image to `logo.svg` broken: a space between `]` and `(` (`[text] (url)` is not a link)"]
        );
    }

    #[test]
    fn parsed_links_titles_task_lists_and_changed_targets_are_fine() {
        let en = "- [x] (Optional) Read [the guide](guide.md) and [this](a.md).\n";
        let de = "- [x] (Optional) Lies [die Anleitung](guide.md \"\") und [das](b.md).\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
        // A target that changed is `link-target-changed`'s business.
        let zh = "閱讀[指南](guide2.md)和[這個](a.md)。\n";
        assert!(hits(&RULE, "Read [the guide](guide.md) and [this](a.md).\n", zh, "zh-Hant").is_empty());
        // The English itself has the gap: nothing the translation did.
        let en = "Press [Ctrl] (on a PC) or see [notes] (notes.md).\n";
        let fr = "Appuyez sur [Ctrl] (sur un PC) ou voir [notes] (notes.md).\n";
        assert!(hits(&RULE, en, fr, "fr").is_empty());
    }
}
