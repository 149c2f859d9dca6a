//! `.env` files (`KEY="value"`, as Privacy Guides' `includes/strings.<locale>.env`), read with
//! the quoting of a POSIX shell: in double quotes `\"`, `\\`, `\$` and `` \` `` are escapes, a
//! backslash before a line break joins the lines, any other backslash stays (so `\n` is a
//! backslash and an `n`, as the shell passes it on), and `$NAME` or `${NAME}` is a variable;
//! in single quotes everything is literal. An unquoted value runs to the end of the line or to
//! a ` #` comment, with `\x` standing for `x`. `export KEY=…`, comments and blank lines are
//! allowed. A bad line is reported and skipped; an unclosed quote skips only its own line.

use super::{push_text, variable, Entry, Malformed, Piece, Strings, Value};
use crate::catalog::LineIndex;

/// Why an assignment could not be read: where, the message id and its detail.
type Bad = (usize, &'static str, String);

pub fn read(text: &str) -> Strings {
    let index = LineIndex::new(text);
    let mut out = Strings::default();
    let mut pos = 0;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        let start = pos + (line.len() - line.trim_start().len());
        let body = line.trim();
        if body.is_empty() || body.starts_with('#') {
            pos = line_end + 1;
            continue;
        }
        match assignment(text, start) {
            Ok((key, pieces, end)) => {
                out.entries.push(Entry { key, value: Value::Pieces(pieces), line: index.line(start) });
                pos = end + 1;
            }
            Err((at, what, detail)) => {
                let (line, column) = index.line_col(text, at);
                out.malformed.push(Malformed { line, column, what, detail });
                pos = line_end + 1;
            }
        }
    }
    out
}

/// One assignment starting at byte `start`: its key, its value, and the byte where it ends
/// (its final line break, or the end of the text).
fn assignment(text: &str, start: usize) -> Result<(String, Vec<Piece>, usize), Bad> {
    let mut p = start;
    if let Some(rest) = text[p..].strip_prefix("export") {
        if rest.starts_with([' ', '\t']) {
            p += "export".len();
            p += blanks(&text[p..]);
        }
    }
    let key_len = text[p..]
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .map_or(text.len() - p, |(i, _)| i);
    let key = &text[p..p + key_len];
    p += key_len;
    p += blanks(&text[p..]);
    if !text[p..].starts_with('=') {
        return Err((start, "catalog-bad-line", String::new()));
    }
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return Err((start, "catalog-bad-key", key.to_owned()));
    }
    p += 1;
    p += blanks(&text[p..]);
    let (pieces, end) = value(text, p)?;
    Ok((key.to_owned(), pieces, end))
}

/// The value starting at byte `p`, and the byte where the assignment ends.
fn value(text: &str, mut p: usize) -> Result<(Vec<Piece>, usize), Bad> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let open = p;
    if !text[p..].starts_with(['"', '\'']) {
        let line_end = text[p..].find('\n').map_or(text.len(), |i| p + i);
        let line = &text[p..line_end];
        let comment = line.match_indices('#').map(|(i, _)| i).find(|&i| line[..i].ends_with([' ', '\t']));
        let end = comment.map_or(line_end, |i| p + i);
        unquoted(text[p..end].trim_end(), &mut out, &mut buf);
        push_text(&mut out, &mut buf);
        return Ok((out, line_end));
    }
    loop {
        let rest = &text[p..];
        if rest.starts_with('"') {
            p = double_quoted(text, p, &mut out, &mut buf)?;
        } else if let Some(inner) = rest.strip_prefix('\'') {
            let close = inner.find('\'').ok_or((p, "catalog-unclosed-quote", String::new()))?;
            buf.push_str(&inner[..close]);
            p += close + 2;
        } else {
            break;
        }
    }
    push_text(&mut out, &mut buf);
    let line_end = text[p..].find('\n').map_or(text.len(), |i| p + i);
    let trailing = text[p..line_end].trim_start();
    // Only a comment may follow, after a blank: in `"value"#x` the shell reads `#x` as text.
    if !trailing.is_empty() && (!trailing.starts_with('#') || blanks(&text[p..]) == 0) {
        // After a value running over several lines, the likely mistake is a quote left open.
        if text[open..p].contains('\n') {
            return Err((open, "catalog-unclosed-quote", String::new()));
        }
        return Err((p, "catalog-trailing-text", trailing.to_owned()));
    }
    Ok((out, line_end))
}

/// A double-quoted part starting at byte `p` (its opening quote); returns the byte after its
/// closing quote.
fn double_quoted(text: &str, p: usize, out: &mut Vec<Piece>, buf: &mut String) -> Result<usize, Bad> {
    let mut chars = text[p + 1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok(p + 1 + i + 1),
            '\\' => match chars.peek().map(|&(_, n)| n) {
                Some(n @ ('"' | '\\' | '$' | '`')) => {
                    buf.push(n);
                    chars.next();
                }
                Some('\n') => {
                    chars.next();
                }
                _ => buf.push('\\'),
            },
            '$' => {
                for _ in 0..dollar(&text[p + 1 + i + 1..], out, buf) {
                    chars.next();
                }
            }
            c => buf.push(c),
        }
    }
    Err((p, "catalog-unclosed-quote", String::new()))
}

/// At a `$` followed by `after`: the variable it begins, or else the `$` itself, goes to the
/// pieces. Returns how many bytes of `after` the variable took (ASCII: as many characters).
fn dollar(after: &str, out: &mut Vec<Piece>, buf: &mut String) -> usize {
    match variable(after) {
        Some((name, used)) => {
            push_text(out, buf);
            out.push(Piece::Var(name.to_owned()));
            used
        }
        None => {
            buf.push('$');
            0
        }
    }
}

/// An unquoted value: `\x` stands for `x`, `$NAME` is a variable.
fn unquoted(s: &str, out: &mut Vec<Piece>, buf: &mut String) {
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    buf.push(n);
                }
            }
            '$' => {
                for _ in 0..dollar(&s[i + 1..], out, buf) {
                    chars.next();
                }
            }
            c => buf.push(c),
        }
    }
}

/// Bytes of spaces and tabs at the start of `s`.
fn blanks(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Piece {
        Piece::Text(s.to_owned())
    }

    fn v(s: &str) -> Piece {
        Piece::Var(s.to_owned())
    }

    fn values(text: &str) -> Vec<(String, Vec<Piece>, u32)> {
        read(text)
            .entries
            .into_iter()
            .map(|e| match e.value {
                Value::Pieces(p) => (e.key, p, e.line),
                Value::Fluent(_) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn shell_quoting_and_escapes() {
        let text = concat!(
            "# a comment\n",
            "\n",
            "A=\"say \\\"hi\\\" \\\\ \\$HOME \\n\"\n",
            "B='single $HOME \\n \"x\"'\n",
            "export C=plain value # comment\n",
            "D=\"the $LANG copy, ${LANG}!\"\n",
            "E=\"one\"'two'\n",
            "F=\"line one\nline two\"\n",
            "G=\"joined \\\n",
            "line\"\n",
            "H=\n",
            "  I = \"spaced\"  # trailing comment\n",
        );
        let got = values(text);
        let want = vec![
            ("A".to_owned(), vec![t("say \"hi\" \\ $HOME \\n")], 3),
            ("B".to_owned(), vec![t("single $HOME \\n \"x\"")], 4),
            ("C".to_owned(), vec![t("plain value")], 5),
            ("D".to_owned(), vec![t("the "), v("LANG"), t(" copy, "), v("LANG"), t("!")], 6),
            ("E".to_owned(), vec![t("onetwo")], 7),
            ("F".to_owned(), vec![t("line one\nline two")], 8),
            ("G".to_owned(), vec![t("joined line")], 10),
            ("H".to_owned(), vec![], 12),
            ("I".to_owned(), vec![t("spaced")], 13),
        ];
        assert_eq!(got, want);
        assert!(read(text).malformed.is_empty());
    }

    #[test]
    fn malformed_lines_are_reported_and_the_rest_is_read() {
        let text =
            "A=\"ok\"\nno equals here\n1BAD=\"x\"\nB=\"unclosed\nC=\"after\" junk\nD='fine'\nE=\"open to the end\n";
        let s = read(text);
        let keys: Vec<&str> = s.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["A", "D"]);
        // E's quote is never closed: reported, and nothing after it is lost (there is nothing).
        let bad: Vec<(u32, u32, &str)> = s.malformed.iter().map(|m| (m.line, m.column, m.what)).collect();
        assert_eq!(
            bad,
            [
                (2, 1, "catalog-bad-line"),
                (3, 1, "catalog-bad-key"),
                (4, 3, "catalog-unclosed-quote"),
                (5, 10, "catalog-trailing-text"),
                (7, 3, "catalog-unclosed-quote"),
            ]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for text in ["=", "A", "A=\"", "A='", "A=\"\\", "export", "export A", "A=$", "A=\"${\"", "\u{feff}A=1", "A=é\\"]
        {
            let _ = read(text);
        }
    }
}
