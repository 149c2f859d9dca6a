//! `ascii-quote-as-gershayim`: an ASCII `"` written as gershayim (`צה"ל`) inside a quoted
//! string, where it ends the string early.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::text::{capped, markup_spans, Markup};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "ascii-quote-as-gershayim",
    group: Group::Script,
    default: Level::Warning,
    summary: "an ASCII `\"` used as gershayim ends a quoted title or attribute value early",
    detects: "In Hebrew-script locales (Hebrew, Yiddish), an ASCII double quote between two Hebrew letters — \
        gershayim in an acronym or a number (`צה\"ל`, `ארה\"ב`, `תשפ\"ד`) — inside a double-quoted string: an \
        admonition, collapsible or tab title (`!!! note \"…\"`), an HTML attribute value, an attribute-list \
        value (`{ title=\"…\" }`), a link title (`[x](url \"…\")`) or a double-quoted front-matter value. The \
        fix is the Hebrew punctuation gershayim ״ (U+05F4). In running prose an ASCII `\"` as gershayim is \
        common and harmless, and is not reported.",
    why: "The quote closes the string where the acronym is: the admonition title is cut short (or the \
        admonition is not recognised at all and its marker is shown as text), the attribute loses the rest of \
        its value, the link is not a link any more, and a front-matter value is invalid YAML, which can break \
        the build of the page.",
    example: ["!!! note \"US only\"", "!!! note \"ארה\"ב בלבד\""],
    precision: None,
    check: Check::Pair(check),
};

static ATTR_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{:?[ \t]*(?:[.#][^\s}]|[\w-]+[ \t]*=)[^}\n]*\}").unwrap());
static REFERENCE_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?m)^[ \t]*\[[^\]]+\]:[ \t]*\S+[ \t]+("[^\n]*)$"#).unwrap());
static FRONT_MATTER_QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[A-Za-z_][\w-]*[ \t]*:[ \t]*"(.*)"[ \t]*$"#).unwrap());

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    if input.facts.script != "Hebr" || seg.kind == Kind::Code || !seg.raw().contains('"') {
        return;
    }
    let raw = seg.raw();
    if seg.kind == Kind::FrontMatter {
        front_matter(input, out);
        return;
    }
    let mut regions: Vec<(Range<usize>, &str)> = Vec::new();
    let mut line_start = 0;
    for line in raw.split('\n') {
        let t = line.trim_start();
        if t.starts_with("!!!") || t.starts_with("???") || t.starts_with("===") {
            let what = if t.starts_with("===") { "tab label" } else { "admonition title" };
            if let (Some(a), Some(b)) = (line.find('"'), line.rfind('"')) {
                regions.push((line_start + a + 1..line_start + b.max(a + 1), what));
            }
        }
        tags_and_link_titles(line, line_start, &mut regions);
        line_start += line.len() + 1;
    }
    if raw.contains('{') {
        regions.extend(ATTR_LIST.find_iter(raw).map(|m| (m.range(), "attribute-list value")));
    }
    if raw.contains("]:") {
        regions.extend(REFERENCE_TITLE.captures_iter(raw).filter_map(|c| c.get(1)).map(|m| (m.range(), "link title")));
    }
    let mut found: Vec<(usize, &str)> = Vec::new();
    for (range, what) in regions {
        for at in gershayim(raw, range) {
            if !found.iter().any(|(f, _)| *f == at) {
                found.push((at, what));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let code: Vec<Range<usize>> =
        markup_spans(raw).into_iter().filter(|(_, k)| *k == Markup::Code).map(|(r, _)| r).collect();
    found.sort_unstable();
    for (at, what) in found {
        if !code.iter().any(|r| r.contains(&at)) {
            out.push(hit(raw, at, at, what));
        }
    }
}

/// The insides of HTML tags (`<…>`) and the titles of inline links (`](url "…")`) on one line
/// starting at `offset` in the block.
fn tags_and_link_titles(line: &str, offset: usize, regions: &mut Vec<(Range<usize>, &str)>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    // The next `")` at or after where the last title search began (None: there is none left), so
    // that a line of many links is searched once.
    let mut close: Option<Option<usize>> = None;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if bytes[i] == b'<' && next.is_ascii_alphabetic() {
            let end = line[i..].find('>').map_or(line.len(), |e| i + e);
            regions.push((offset + i..offset + end, "HTML attribute value"));
            i = end.max(i + 1);
            continue;
        }
        if bytes[i] == b']' && next == b'(' {
            // The title follows the destination and a space, and ends with `")`.
            let rest = &line[i..];
            if let Some(space) = rest.find([' ', '\t', ')']).filter(|s| rest.as_bytes()[*s] != b')') {
                let open = space + rest[space..].len() - rest[space..].trim_start().len();
                let from = i + open + 1;
                if rest[open..].starts_with('"') {
                    if close.is_none_or(|c| c.is_some_and(|c| c < from)) {
                        close = Some(line[from..].find("\")").map(|k| from + k));
                    }
                    if let Some(Some(end)) = close {
                        regions.push((offset + from..offset + end, "link title"));
                        i = end;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
}

/// A double-quoted front-matter value: parsing unquoted it, so the line is read as written.
fn front_matter(input: &Input<'_>, out: &mut Vec<Hit>) {
    let seg = input.translation;
    let Some(line) = input.lines.get(seg.lines[0] as usize - 1) else { return };
    let Some(value) = FRONT_MATTER_QUOTED.captures(line).and_then(|c| c.get(1)) else { return };
    let key = seg.raw().split(':').next().unwrap_or("");
    for at in gershayim(line, value.range()) {
        // Place it on the same word of the segment's (unquoted) text.
        let word = hebrew_word(line, at);
        let in_raw = seg.raw().find(&line[word.clone()]).map_or(0, |w| w + (at - word.start));
        out.push(hit(line, at, in_raw, &format!("front-matter `{key}` value")));
    }
}

/// Offsets of ASCII `"` between two Hebrew letters inside `range` of `s`.
fn gershayim(s: &str, range: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, _) in s[range.clone()].match_indices('"') {
        let at = range.start + k;
        let before = s[..at].chars().next_back();
        let after = s[at + 1..].chars().next();
        if before.is_some_and(is_hebrew_letter) && after.is_some_and(is_hebrew_letter) {
            out.push(at);
        }
    }
    out
}

fn hit(text: &str, at: usize, offset: usize, what: &str) -> Hit {
    let word = &text[hebrew_word(text, at)];
    Hit::new(
        offset,
        format!(
            "ASCII \" in {word} ends the quoted {what} early; write gershayim ״ (U+05F4): {}",
            word.replace('"', "״")
        ),
    )
}

/// The Hebrew word around the quote at `at` (letters and the quote itself).
fn hebrew_word(s: &str, at: usize) -> Range<usize> {
    let start = s[..at].char_indices().rev().take_while(|(_, c)| is_hebrew_letter(*c)).last().map_or(at, |(i, _)| i);
    let end = s[at + 1..].char_indices().find(|(_, c)| !is_hebrew_letter(*c)).map_or(s.len(), |(i, _)| at + 1 + i);
    start..end
}

fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{05EF}'..='\u{05F2}')
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn gershayim_in_an_admonition_title_is_found() {
        let en = "!!! note \"US only\"\n\n    Text.\n";
        let he = "!!! note \"ארה\"ב בלבד\"\n\n    טקסט.\n";
        assert_eq!(
            hits(&RULE, en, he, "he"),
            ["1: ASCII \" in ארה\"ב ends the quoted admonition title early; write gershayim ״ (U+05F4): ארה״ב"]
        );
    }

    #[test]
    fn gershayim_in_attributes_link_titles_and_front_matter_are_found() {
        let en = "---\ntitle: \"The army\"\n---\n\n<abbr title=\"Israel Defense Forces\">IDF</abbr>\n\n![Logo](logo.svg){ title=\"US flag\" }\n\nSee [the army](https://example.org \"The army\").\n";
        let he = "---\ntitle: \"על צה\"ל\"\n---\n\n<abbr title=\"צבא ההגנה לישראל, צה\"ל\">צה״ל</abbr>\n\n![לוגו](logo.svg){ title=\"דגל ארה\"ב\" }\n\nראו [הצבא](https://example.org \"צה\"ל\").\n";
        let found = hits(&RULE, en, he, "he");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].starts_with("2: ASCII \" in צה\"ל ends the quoted front-matter `title` value early"));
        assert!(found[1].starts_with("5: ASCII \" in צה\"ל ends the quoted HTML attribute value early"));
        assert!(found[2].starts_with("7: ASCII \" in ארה\"ב ends the quoted attribute-list value early"));
        assert!(found[3].starts_with("9: ASCII \" in צה\"ל ends the quoted link title early"));
    }

    #[test]
    fn prose_real_gershayim_and_escapes_are_fine() {
        let en =
            "---\ntitle: \"US\"\ndescription: The army.\n---\n\n!!! note \"US only\"\n\n    The \"army\" in `a\"b`.\n";
        // Plain prose, U+05F4 in a title, an escaped quote and an unquoted value in front matter,
        // a quotation opening after a prefix letter in prose, and code.
        let he = "---\ntitle: \"צה\\\"ל\"\ndescription: על צה\"ל.\n---\n\n!!! note \"ארה״ב בלבד\"\n\n    ה\"צבא\" של צה\"ל ב-`ש\"ל`.\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        // Arabic and other scripts are not concerned.
        assert!(hits(&RULE, "!!! note \"US\"\n", "!!! note \"US \"x\" y\"\n", "ar").is_empty());
    }
}
