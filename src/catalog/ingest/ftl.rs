//! Existing Fluent files as a source of UI strings: every message and term is an entry (its
//! id is the key), kept as Fluent; a syntax error is reported with its line and column, and
//! the parser goes on with the next entry.

use fluent_syntax::ast;
use fluent_syntax::parser;
use fluent_syntax::serializer;

use super::{Entry, Malformed, Strings, Value};
use crate::catalog::LineIndex;

/// fluent-syntax's parser, made safe for any input. The parser reads the digits of a `\u` or
/// `\U` escape in a string literal by bytes, and panics when a character of more than one byte
/// falls among them; such a file becomes one Junk entry (kept as it is, never lost) and one
/// error at the escape. A panic from anywhere else in the parser is turned into the same.
pub fn parse_fluent<'s, S>(source: S) -> Result<ast::Resource<S>, (ast::Resource<S>, Vec<parser::ParserError>)>
where
    S: parser::Slice<'s> + std::panic::UnwindSafe,
{
    let text = source.as_ref().to_owned();
    let junk = |at: usize, source: S| {
        let error = parser::ParserError {
            pos: at..(at + 2).min(text.len()),
            slice: Some(0..text.len()),
            kind: parser::ErrorKind::InvalidUnicodeEscapeSequence(text[at..].chars().take(8).collect()),
        };
        Err((ast::Resource { body: vec![ast::Entry::Junk { content: source }] }, vec![error]))
    };
    if let Some(at) = unreadable_escape(&text) {
        return junk(at, source);
    }
    let copy = source.clone();
    std::panic::catch_unwind(move || parser::parse(source)).unwrap_or_else(|_| junk(0, copy))
}

/// The offset of a `\u` (4 digits) or `\U` (6 digits) escape inside a placeable (which may
/// span lines) whose digits include a byte of a multi-byte character.
fn unreadable_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open = 0u32;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'{' => open += 1,
            b'}' => open = open.saturating_sub(1),
            b'\\' if open > 0 => {
                let digits = match bytes.get(i + 1) {
                    Some(b'u') => 4,
                    Some(b'U') => 6,
                    _ => continue,
                };
                if bytes[i + 2..bytes.len().min(i + 2 + digits)].iter().any(|d| !d.is_ascii()) {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

pub fn read(text: &str) -> Strings {
    let index = LineIndex::new(text);
    let (resource, errors) = match parse_fluent(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let mut out = Strings::default();
    for e in errors {
        let (line, column) = index.line_col(text, e.pos.start);
        out.malformed.push(Malformed { line, column, what: "catalog-fluent-error", detail: e.kind.to_string() });
    }
    for entry in resource.body {
        let (key, name, entry) = match entry {
            ast::Entry::Message(m) => {
                (m.id.name.to_owned(), m.id.name, ast::Entry::Message(ast::Message { comment: None, ..m }))
            }
            ast::Entry::Term(t) => {
                (format!("-{}", t.id.name), t.id.name, ast::Entry::Term(ast::Term { comment: None, ..t }))
            }
            _ => continue,
        };
        let single = ast::Resource { body: vec![entry] };
        let line = index.line(crate::catalog::offset_in(text, name));
        out.entries.push(Entry { key, value: Value::Fluent(serializer::serialize(&single)), line });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `catalog` fuzz target: fluent-syntax 0.12 panicked on the digits of this
    /// escape ("end byte index … is not a char boundary").
    #[test]
    fn multibyte_unicode_escape_is_a_syntax_error_not_a_panic() {
        let text = "ok = Fine\nbad = { \"\\uĺשלום\" }\n";
        let s = read(text);
        assert_eq!(s.malformed.len(), 1);
        assert_eq!((s.malformed[0].line, s.malformed[0].column), (2, 10));
        let (resource, _) = parse_fluent(text.to_owned()).unwrap_err();
        assert_eq!(resource.body.len(), 1, "the file is kept whole, as Junk");
        // A backslash in plain text is not an escape.
        assert!(parse_fluent("path = C:\\usérs\n").is_ok());
    }

    #[test]
    fn messages_and_terms_are_entries_and_junk_is_reported() {
        let text = "# about\nnav-about = About { -brand }\n-brand = Garden Club\n\nbroken\nnav-home = Home\n";
        let s = read(text);
        let keys: Vec<(&str, u32)> = s.entries.iter().map(|e| (e.key.as_str(), e.line)).collect();
        assert_eq!(keys, [("nav-about", 2), ("-brand", 3), ("nav-home", 6)]);
        assert_eq!(s.entries[0].value, Value::Fluent("nav-about = About { -brand }\n".into()));
        assert_eq!(s.malformed.len(), 1);
        assert_eq!((s.malformed[0].line, s.malformed[0].what), (5, "catalog-fluent-error"));
    }
}
