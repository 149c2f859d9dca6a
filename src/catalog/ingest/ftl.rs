//! Existing Fluent files as a source of UI strings: every message and term is an entry (its
//! id is the key), kept as Fluent; a syntax error is reported with its line and column, and
//! the parser goes on with the next entry.

use fluent_syntax::ast;
use fluent_syntax::parser;
use fluent_syntax::serializer;

use super::{Entry, Malformed, Strings, Value};
use crate::catalog::LineIndex;

pub fn read(text: &str) -> Strings {
    let index = LineIndex::new(text);
    let (resource, errors) = match parser::parse(text) {
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
