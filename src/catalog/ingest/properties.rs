//! Java `.properties` files: `key=value`, `key: value` or `key value`; `#` and `!` comments;
//! a line ending in an odd number of backslashes goes on on the next line (whose leading
//! blanks are dropped); escapes `\t`, `\n`, `\r`, `\f`, `\uXXXX` and `\x` for any other `x`.
//! The file is read as UTF-8. Variables are `$NAME` and `${NAME}`, as in every key/value
//! format lockstep reads.

use super::{pieces, Entry, Malformed, Strings, Value};

pub fn read(text: &str) -> Strings {
    let mut out = Strings::default();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let first = i;
        let mut logical = String::new();
        let mut line = lines[i].trim_start_matches([' ', '\t', '\u{c}']);
        i += 1;
        if line.is_empty() || line.starts_with(['#', '!']) {
            continue;
        }
        loop {
            let trailing = line.len() - line.trim_end_matches('\\').len();
            if trailing % 2 == 1 && i < lines.len() {
                logical.push_str(&line[..line.len() - 1]);
                line = lines[i].trim_start_matches([' ', '\t', '\u{c}']);
                i += 1;
            } else {
                logical.push_str(line.strip_suffix('\\').filter(|_| trailing % 2 == 1).unwrap_or(line));
                break;
            }
        }
        let line_no = first as u32 + 1;
        let (key, value) = split(&logical);
        match (unescape(key), unescape(value)) {
            (Ok(key), Ok(value)) if !key.is_empty() => {
                out.entries.push(Entry { key, value: Value::Pieces(pieces(&value)), line: line_no })
            }
            (Ok(_), Ok(_)) => out.malformed.push(Malformed {
                line: line_no,
                column: 1,
                what: "catalog-bad-key",
                detail: String::new(),
            }),
            (Err(bad), _) | (_, Err(bad)) => {
                out.malformed.push(Malformed { line: line_no, column: 1, what: "catalog-bad-escape", detail: bad })
            }
        }
    }
    out
}

/// The raw key and value of a logical line: the key ends at the first unescaped `=`, `:` or
/// blank; blanks and one `=` or `:` separate it from the value.
fn split(line: &str) -> (&str, &str) {
    let mut escaped = false;
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if matches!(c, '=' | ':' | ' ' | '\t' | '\u{c}') {
            end = i;
            break;
        }
    }
    let key = &line[..end];
    let mut rest = line[end..].trim_start_matches([' ', '\t', '\u{c}']);
    if let Some(r) = rest.strip_prefix(['=', ':']) {
        rest = r.trim_start_matches([' ', '\t', '\u{c}']);
    }
    (key, rest)
}

/// Undoes the escapes; `Err` names a bad `\u` escape.
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 4);
                match code.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    // A surrogate pair: two escapes make one character.
                    None if code.is_some_and(|c| (0xD800..0xDC00).contains(&c)) => {
                        let low: String = chars.by_ref().take(6).collect();
                        let pair = low
                            .strip_prefix("\\u")
                            .and_then(|l| u32::from_str_radix(l, 16).ok())
                            .filter(|l| (0xDC00..0xE000).contains(l))
                            .and_then(|l| {
                                char::from_u32(0x10000 + ((code.unwrap_or(0) - 0xD800) << 10) + (l - 0xDC00))
                            });
                        out.push(pair.ok_or_else(|| format!("\\u{hex}{low}"))?);
                    }
                    None => return Err(format!("\\u{hex}")),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ingest::Piece;

    fn text_of(e: &Entry) -> String {
        match &e.value {
            Value::Pieces(p) => p
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.clone(),
                    Piece::Var(v) => format!("<{v}>"),
                })
                .collect(),
            Value::Fluent(_) => unreachable!(),
        }
    }

    #[test]
    fn separators_continuations_and_escapes() {
        let text = concat!(
            "# comment\n",
            "! also a comment\n",
            "nav.about = About us\n",
            "colon:value\n",
            "space value here\n",
            "long = first \\\n",
            "        second\n",
            "unicode = \\u05E9\\u05DC\\u05D5\\u05DD \\uD83D\\uDE00\n",
            "key\\ with\\=escapes = tab\\there\n",
            "notice = the $LANG copy\n",
            "empty\n",
        );
        let s = read(text);
        assert!(s.malformed.is_empty(), "{:?}", s.malformed);
        let got: Vec<(String, String, u32)> = s.entries.iter().map(|e| (e.key.clone(), text_of(e), e.line)).collect();
        let want = [
            ("nav.about", "About us", 3),
            ("colon", "value", 4),
            ("space", "value here", 5),
            ("long", "first second", 6),
            ("unicode", "שלום 😀", 8),
            ("key with=escapes", "tab\there", 9),
            ("notice", "the <LANG> copy", 10),
            ("empty", "", 11),
        ];
        let want: Vec<(String, String, u32)> =
            want.iter().map(|(k, v, l)| (k.to_string(), v.to_string(), *l)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_bad_unicode_escape_is_reported_and_the_rest_is_read() {
        let s = read("a = \\u12G4\nb = fine\nc = \\uD800x\n");
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.entries[0].key, "b");
        let bad: Vec<(u32, &str)> = s.malformed.iter().map(|m| (m.line, m.what)).collect();
        assert_eq!(bad, [(1, "catalog-bad-escape"), (3, "catalog-bad-escape")]);
        for odd in ["\\", "a\\", "=x", "a = \\u", "a=\\uD83D\\u"] {
            let _ = read(odd);
        }
    }
}
