//! `physical-direction-attr`: markup on a right-to-left page that says left or right where it
//! means start or end.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::text::capped;
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "physical-direction-attr",
    group: Group::Script,
    default: Level::Info,
    summary: "on a right-to-left page, the translation added markup with a physical direction (left/right, dir=ltr)",
    detects: "In a right-to-left locale, physical-direction markup inside HTML tags and attribute lists that \
        the translation added: `dir=\"ltr\"`, `align=\"left\"`/`align=right` (HTML or `{ align=right }`), and \
        in inline styles `text-align: left|right`, `float: left|right`, `margin-`/`padding-`/`border-left|right` \
        and `left:`/`right:` offsets. Each is compared with the English block: markup the English has as \
        well (the logos of Privacy Guides carry `{ align=right }` on every product) is the source's layout, \
        repeated on every page of every locale — a site fixes it once, in its stylesheet for `[dir=rtl]`, \
        not in each translation — and is not reported; nor is its mirror image (`align=right` made \
        `align=left`), which is the translator doing the right thing. A block without English counterpart \
        (an obsolete block, which carries an older English's markup) is not read.",
    why: "A right-to-left page mirrors its layout through logical properties; physical ones do not mirror. \
        `text-align: left` puts a Hebrew paragraph against the wrong margin, `dir=\"ltr\"` lays out a whole \
        block left to right (punctuation at the wrong end), and an image aligned right sits where the lines \
        start instead of where they end.",
    example: ["<p>Choose a provider.</p>", "<p style=\"text-align: left\">اختر مزودًا.</p>"],
    precision: None,
    check: Check::Pair(check),
};

static PHYSICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(?:dir[ \t]*=[ \t]*["']?ltr\b|align[ \t]*=[ \t]*["']?(?:left|right)\b|text-align[ \t]*:[ \t]*(?:left|right)\b|float[ \t]*:[ \t]*(?:left|right)\b|(?:margin|padding|border)-(?:left|right)\b)|(?:^|[;"' \t])(?:left|right)[ \t]*:"#,
    )
    .unwrap()
});

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    if !input.facts.rtl || seg.kind == Kind::Code || !mentions_direction(seg.raw()) {
        return;
    }
    // Without an English block there is no telling what the translation added: an obsolete block
    // carries the markup of an older English.
    let Some(e) = input.english else { return };
    let mut english: HashMap<String, usize> = HashMap::new();
    if mentions_direction(e.raw()) {
        for (_, _, token) in physical(e.raw()) {
            *english.entry(token).or_default() += 1;
        }
    }
    // Whether the element of the last region looked at is one the English block lacks.
    let mut elsewhere: Option<(usize, bool)> = None;
    for (at, region, token) in physical(seg.raw()) {
        if elsewhere.is_none_or(|(r, _)| r != region) {
            let lacks = element(seg.raw(), region).is_some_and(|target| !e.raw().contains(target));
            elsewhere = Some((region, lacks));
        }
        if elsewhere.is_some_and(|(_, lacks)| lacks) {
            // An image or link the English block does not hold: the blocks were cut differently
            // (a blank line dropped), and its markup is the English's from a neighbouring block.
            continue;
        }
        // The English's own markup, or its mirror image (`align=right` made `align=left`: the
        // translator mirrored the layout, as a right-to-left page wants).
        let mirrored = mirror(&token);
        let left = |t: &String| english.get(t).is_some_and(|n| *n > 0);
        let matched = if left(&token) { Some(token.clone()) } else { left(&mirrored).then_some(mirrored) };
        if let Some(n) = matched.and_then(|t| english.get_mut(&t)) {
            *n -= 1;
            continue;
        }
        out.push(Hit::new(at, format!("`{token}` does not mirror on a right-to-left page: {}", advice(&token))));
    }
}

fn mentions_direction(raw: &str) -> bool {
    // Only HTML tags and attribute lists are looked at: without `<` or `{` there is none.
    memchr::memchr2(b'<', b'{', raw.as_bytes()).is_some()
        && (raw.contains("left")
            || raw.contains("right")
            || raw.contains("ltr")
            || raw.contains("LEFT")
            || raw.contains("RIGHT"))
}

/// Physical-direction markup inside HTML tags and attribute lists: offset, start of the tag or
/// attribute list, and normalised form (`align=right`, `text-align:left`, `margin-left`, `left:`).
fn physical(raw: &str) -> Vec<(usize, usize, String)> {
    let markup = markup_regions(raw);
    let mut region = markup.iter().peekable();
    let mut out = Vec::new();
    for m in PHYSICAL.find_iter(raw) {
        // Matches come in order: the regions before this one are done with.
        while region.peek().is_some_and(|r| r.end <= m.start()) {
            region.next();
        }
        let Some(inside) = region.peek().filter(|r| r.start < m.start()).map(|r| r.start) else { continue };
        let text = m.as_str();
        let trimmed = text.trim_start_matches([';', '"', '\'', ' ', '\t']);
        let at = m.start() + (text.len() - trimmed.len());
        let token: String = trimmed.chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'').collect();
        out.push((at, inside, token.to_ascii_lowercase()));
    }
    out
}

/// The HTML tags (`<…>`) and attribute lists (`{…}`) of `raw`, in order; one left open runs to
/// the end of its line.
fn markup_regions(raw: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let close = match bytes[i] {
            b'<' => b'>',
            b'{' => b'}',
            _ => {
                i += 1;
                continue;
            }
        };
        let end = bytes[i + 1..].iter().position(|b| *b == close || *b == b'\n').map_or(bytes.len(), |k| i + 1 + k);
        out.push(i..end);
        i = end + 1;
    }
    out
}

/// The target of the image or link the attribute list starting at `brace` belongs to
/// (`![x](logo.svg){ … }`).
fn element(raw: &str, brace: usize) -> Option<&str> {
    if raw.as_bytes().get(brace) != Some(&b'{') {
        return None;
    }
    let line_start = raw[..brace].rfind('\n').map_or(0, |k| k + 1);
    let before = raw[line_start..brace].trim_end().strip_suffix(')')?;
    let open = before.rfind("](")? + 2;
    before[open..].split_whitespace().next()
}

/// `left` and `right` swapped.
fn mirror(token: &str) -> String {
    if token.contains("left") {
        token.replace("left", "right")
    } else {
        token.replace("right", "left")
    }
}

fn advice(token: &str) -> &'static str {
    let side_end = token.ends_with("right") || token.starts_with("right");
    match token {
        "dir=ltr" => {
            "the block is laid out left to right; use dir=\"auto\", or isolate the left-to-right run with <bdi>"
        }
        t if t.starts_with("align=") => {
            if side_end {
                "the element stays on the right, where lines start; align it to the end with a class using float: inline-end (or align=left to mirror the English layout)"
            } else {
                "the element stays on the left, where lines end; align it to the start with a class using float: inline-start (or align=right to mirror the English layout)"
            }
        }
        t if t.starts_with("text-align") => "use text-align: start or end",
        t if t.starts_with("float") => "use float: inline-start or inline-end",
        t if t.starts_with("margin") => "use margin-inline-start or margin-inline-end",
        t if t.starts_with("padding") => "use padding-inline-start or padding-inline-end",
        t if t.starts_with("border") => "use border-inline-start or border-inline-end",
        _ => "use inset-inline-start or inset-inline-end",
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn physical_markup_the_translation_added_is_found() {
        let en = "<p>Choose a provider.</p>\n\n![Logo](logo.svg){ width=100 }\n\n<div markdown>\n\nText.\n\n</div>\n";
        let ar = "<p style=\"text-align: left; margin-right:1em\">اختر مزودًا.</p>\n\n![الشعار](logo.svg){ align=right width=100 }\n\n<div dir=\"ltr\" markdown>\n\nنص.\n\n</div>\n";
        let found = hits(&RULE, en, ar, "ar");
        let tokens: Vec<&str> = found.iter().map(|f| f.split('`').nth(1).unwrap()).collect();
        assert_eq!(tokens, ["text-align:left", "margin-right", "align=right", "dir=ltr"], "{found:?}");
        assert!(found[0]
            .starts_with("1: `text-align:left` does not mirror on a right-to-left page: use text-align: start or end"));
    }

    #[test]
    fn markup_inherited_from_the_english_prose_and_ltr_pages_are_fine() {
        let en = "![Logo](logo.svg){ align=right }\n\n![Logo](logo.svg){ align=right }\n\nTurn left: then right.\n";
        let he = "![לוגו](logo.svg){ align=right }\n\n![לוגו](logo.svg){ align=left }\n\nפנו left: ואז right.\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        // A logo the English block does not have: the translation joined it to the next block.
        let en = "![Logo](logo.svg){ align=right }\n\nThe browser.\n";
        let ar = "![الشعار](logo.svg){ align=right }\nالمتصفح.\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
        assert!(hits(&RULE, "<p>x</p>\n", "<p align=\"left\">x</p>\n", "de").is_empty());
    }
}
