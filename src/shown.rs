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
    if !s.char_indices().any(|(i, c)| shown(i, c)) {
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
    fn messages_keep_their_isolates_only() {
        assert_eq!(message("שורה \u{2068}3\u{2069} במקור", true), "שורה \u{2068}3\u{2069} במקור");
        assert_eq!(message("a\u{2068}b", true), "a<U+2068>b");
        assert_eq!(message("a\u{2069}b\u{202E}", true), "a<U+2069>b<U+202E>");
        assert_eq!(message("\u{2068}\u{2068}x\u{2069}", true), "<U+2068>\u{2068}x\u{2069}");
        assert_eq!(message("one\ntwo\u{1b}", false), "one\ntwo<U+001B>");
        assert_eq!(message("one\ntwo", true), "one<U+000A>two");
    }
}
