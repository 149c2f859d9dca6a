//! How text lockstep did not write — page text, file names, values of a lock file or a
//! config — is shown to people. A terminal acts on some characters (C0 and C1 controls: the
//! ESC that starts a colour, a cursor move or a title change, the CR that returns to the start
//! of the line), and a terminal or viewer reorders or hides others (bidirectional controls,
//! zero-width and other invisible format characters, line separators); such a character from a
//! page is shown as a visible `<U+XXXX>` mark and never emitted raw. CI runners also act on
//! log commands anywhere in a line — GitHub's legacy `##[command]` (`##[stop-commands]` stops
//! every later annotation) and Azure's `##vso[command]` — so the second `#` of such a prefix is
//! shown as `<U+0023>` too. Pure functions of strings; the reporters and the command line call
//! them wherever text from a site reaches people.

use std::borrow::Cow;

/// First strong isolate … pop directional isolate: the marks Fluent wraps the placeables of a
/// right-to-left message in.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// A character that is shown as a mark: what [`crate::rules::is_invisible`] calls invisible
/// (controls but tab and line feed, bidirectional controls, zero-width and other invisible
/// format characters, the Unicode line and paragraph separators).
pub fn is_hidden(c: char) -> bool {
    crate::rules::is_invisible(c)
}

/// Whether a character whose UTF-8 encoding starts with byte `b` may be hidden, or be the `#`
/// of a log command: C0 controls and DEL; C1 controls and SOFT HYPHEN (`C2`); ARABIC LETTER
/// MARK (`D8`); MONGOLIAN VOWEL SEPARATOR (`E1`); the zero-width, bidirectional and separator
/// characters of U+200B–U+2069 (`E2`); the byte order mark (`EF`). Text is scanned byte by
/// byte against this table, and only the characters it points at are decoded.
static MAY_BE_SHOWN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let mut i = 0;
    let leads = [b'#', 0x7F, 0xC2, 0xD8, 0xE1, 0xE2, 0xEF];
    while i < leads.len() {
        table[leads[i] as usize] = true;
        i += 1;
    }
    table
};

/// The characters of `s` that may need a mark (a superset of those that do), with their
/// offsets.
pub fn candidates(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        i += bytes.get(i..)?.iter().position(|&b| MAY_BE_SHOWN[usize::from(b)])?;
        // A byte the table holds starts a character: continuation bytes (80–BF) are not in it.
        let c = s[i..].chars().next()?;
        let at = i;
        i += c.len_utf8();
        Some((at, c))
    })
}

/// The mark a hidden character is shown as.
pub fn mark(c: char) -> String {
    format!("<U+{:04X}>", c as u32)
}

/// Text that may run over several lines: hidden characters as marks, line feeds and tabs
/// kept.
pub fn visible(s: &str) -> Cow<'_, str> {
    replace(s, is_hidden)
}

/// Text that must stay on one line — a file name, a table cell, an excerpt, an annotation:
/// hidden characters, line feeds and tabs as marks.
pub fn inline(s: &str) -> Cow<'_, str> {
    replace(s, |c| is_hidden(c) || matches!(c, '\n' | '\t'))
}

/// Whether the `#` at byte `i` of `s` is the second of a log command's prefix (`##[`,
/// `##vso[`), which a CI runner acts on wherever it is in a line.
pub fn log_command_at(s: &str, i: usize) -> bool {
    i > 0 && s.as_bytes()[i - 1] == b'#' && (s[i..].starts_with("#[") || s[i..].starts_with("#vso["))
}

fn replace(s: &str, hidden: impl Fn(char) -> bool) -> Cow<'_, str> {
    let shown = |i: usize, c: char| hidden(c) || (c == '#' && log_command_at(s, i));
    if !candidates(s).any(|(i, c)| shown(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, c) in s.char_indices() {
        if shown(i, c) {
            out.push_str(&mark(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`visible`] of `s` cut in two at byte `at` (a character boundary): marks are decided on the
/// whole text, so that a log command across the cut is broken all the same.
pub fn visible_split(s: &str, at: usize) -> (String, String) {
    let (mut before, mut after) = (String::new(), String::new());
    for (i, c) in s.char_indices() {
        let out = if i < at { &mut before } else { &mut after };
        if is_hidden(c) || (c == '#' && log_command_at(s, i)) {
            out.push_str(&mark(c));
        } else {
            out.push(c);
        }
    }
    (before, after)
}

/// A message of lockstep's (formatted by Fluent) whose arguments may hold text from a site:
/// shown as [`visible`] (or [`inline`] when `one_line`), except for the balanced FSI … PDI
/// pairs with which Fluent isolates the placeables of a right-to-left message. A stray isolate
/// is shown as a mark like every other control.
pub fn message(message: &str, one_line: bool) -> String {
    if candidates(message).next().is_none() {
        return message.to_owned();
    }
    let chars: Vec<char> = message.chars().collect();
    let mut keep = vec![false; chars.len()];
    let mut open = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match *c {
            FSI => open.push(i),
            PDI => {
                if let Some(j) = open.pop() {
                    keep[i] = true;
                    keep[j] = true;
                }
            }
            _ => {}
        }
    }
    let mut s = String::with_capacity(message.len());
    for (i, (c, keep)) in chars.iter().copied().zip(keep).enumerate() {
        let command = c == '#' && i > 0 && chars[i - 1] == '#' && {
            let rest: String = chars[i..chars.len().min(i + 5)].iter().collect();
            rest.starts_with("#[") || rest.starts_with("#vso[")
        };
        let hidden = is_hidden(c) || (one_line && matches!(c, '\n' | '\t')) || command;
        if hidden && !keep {
            s.push_str(&mark(c));
        } else {
            s.push(c);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_escapes_and_bidi_become_marks() {
        assert_eq!(visible("a\u{1b}[31mred\u{1b}[0m"), "a<U+001B>[31mred<U+001B>[0m");
        assert_eq!(visible("x\u{9b}31m\u{85}y\u{7f}"), "x<U+009B>31m<U+0085>y<U+007F>");
        assert_eq!(visible("\u{202E}gnp.exe\u{202C} \u{2067}x\u{2069}"), "<U+202E>gnp.exe<U+202C> <U+2067>x<U+2069>");
        assert_eq!(visible("a\rb\u{2028}c\u{200B}d"), "a<U+000D>b<U+2028>c<U+200B>d");
        assert_eq!(visible("line\n\tindented"), "line\n\tindented");
        assert_eq!(inline("line\n\tindented"), "line<U+000A><U+0009>indented");
        assert!(matches!(visible("שלום, world"), Cow::Borrowed("שלום, world")));
        assert_eq!(visible("## Title ##x #[y]"), "## Title ##x #[y]");
        assert_eq!(
            visible("a ##[error]b ###[c ##vso[task.x]d"),
            "a #<U+0023>[error]b ##<U+0023>[c #<U+0023>vso[task.x]d"
        );
        assert_eq!(inline("##[stop-commands]t"), "#<U+0023>[stop-commands]t");
        assert_eq!(message("x ##[error]y", true), "x #<U+0023>[error]y");
        assert_eq!(visible_split("a ##[error]\u{1b}", 3), ("a #".to_owned(), "<U+0023>[error]<U+001B>".to_owned()));
    }

    #[test]
    fn every_character_that_may_be_shown_is_a_candidate() {
        let all = (0..=0x10FFFF).filter_map(char::from_u32);
        let text: String = all.clone().collect();
        let found: Vec<char> = candidates(&text).map(|(_, c)| c).collect();
        let expected: Vec<char> = all.filter(|&c| is_hidden(c) || c == '#').collect();
        assert!(expected.iter().all(|c| found.binary_search(c).is_ok()), "a hidden character escapes the table");
        // Letters of Latin, Hebrew and Han text are skipped without being decoded.
        let common =
            |c: &char| c.is_ascii_alphanumeric() || matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{4E00}'..='\u{9FFF}');
        assert!(!found.iter().any(common));
    }

    #[test]
    fn messages_keep_their_isolates_only() {
        assert_eq!(message("שורה \u{2068}3\u{2069} במקור", true), "שורה \u{2068}3\u{2069} במקור");
        assert_eq!(message("a\u{2068}b", true), "a<U+2068>b");
        assert_eq!(message("a\u{2069}b\u{202E}", true), "a<U+2069>b<U+202E>");
        assert_eq!(message("\u{2068}\u{2068}x\u{2069}", true), "<U+2068>\u{2068}x\u{2069}");
        assert_eq!(message("one\ntwo\u{1b}", false), "one\ntwo<U+001B>");
        assert_eq!(message("one\ntwo", true), "one<U+000A>two");
    }
}
