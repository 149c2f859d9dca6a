//! JSON files of UI strings: a flat object (`{"nav.about": "About"}`) or nested objects, whose
//! keys are joined with `.` (`{"nav": {"about": "About"}}` is `nav.about`). Numbers and
//! booleans are read as text, arrays by index (`list.0`); `null` is left out and reported.
//! Keys keep the order of the file. Variables are `$NAME` and `${NAME}`, as in every key/value
//! format lockstep reads. A JSON syntax error is reported with its line and column; JSON
//! cannot be read past it.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{pieces, Entry, Malformed, Strings, Value};
use crate::catalog::LineIndex;

pub fn read(text: &str) -> Strings {
    let mut leaves = Vec::new();
    let mut out = Strings::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Flatten { path: Vec::new(), out: &mut leaves }.deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = parsed {
        let what = if e.is_data() { "catalog-json-value" } else { "catalog-json-error" };
        let detail = strip_position(&e.to_string());
        out.malformed.push(Malformed { line: e.line() as u32, column: e.column() as u32, what, detail });
        return out;
    }
    let index = LineIndex::new(text);
    let mut cursor = 0;
    for (path, leaf) in leaves {
        // The line of the leaf's own key, searched in document order from the previous one.
        // Array items have no key of their own: the array's key stands for them.
        let own = path.iter().rev().find(|p| !p.chars().all(|c| c.is_ascii_digit()));
        let quoted = serde_json::to_string(own.map_or("", String::as_str)).unwrap_or_default();
        let found = text[cursor..]
            .match_indices(&quoted)
            .map(|(i, _)| cursor + i)
            .find(|&i| text[i + quoted.len()..].trim_start().starts_with(':'));
        if let Some(at) = found {
            cursor = at + quoted.len();
        }
        let line = index.line(cursor);
        let key = path.join(".");
        match leaf {
            Some(s) if !key.is_empty() => out.entries.push(Entry { key, value: Value::Pieces(pieces(&s)), line }),
            _ => out.malformed.push(Malformed { line, column: 1, what: "catalog-json-value", detail: key }),
        }
    }
    out
}

/// serde_json's message without its " at line L column C" (lockstep shows the position itself).
fn strip_position(message: &str) -> String {
    message.rsplit_once(" at line ").map_or(message, |(m, _)| m).to_owned()
}

/// Walks a JSON value in document order, recording every leaf under its key path (`None`:
/// a `null`, which has no text).
struct Flatten<'a> {
    path: Vec<String>,
    out: &'a mut Vec<(Vec<String>, Option<String>)>,
}

impl<'de> DeserializeSeed<'de> for Flatten<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Flatten<'_> {
    fn leaf(self, text: Option<String>) {
        self.out.push((self.path, text));
    }
}

impl<'de> Visitor<'de> for Flatten<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.leaf(Some(v.to_owned()));
        Ok(())
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.leaf(Some(v.to_string()));
        Ok(())
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.leaf(Some(v.to_string()));
        Ok(())
    }

    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.leaf(Some(v.to_string()));
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.leaf(Some(v.to_string()));
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.leaf(None);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let mut path = self.path.clone();
            path.push(i.to_string());
            if seq.next_element_seed(Flatten { path, out: &mut *self.out })?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let mut path = self.path.clone();
            path.push(key);
            map.next_value_seed(Flatten { path, out: &mut *self.out })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ingest::Piece;

    fn keys(s: &Strings) -> Vec<(String, u32)> {
        s.entries.iter().map(|e| (e.key.clone(), e.line)).collect()
    }

    #[test]
    fn nested_keys_are_joined_in_document_order() {
        let text = "{\n  \"zeta\": \"Last letter\",\n  \"nav\": {\n    \"about\": \"About\",\n    \"home\": \"Home of $SITE\"\n  },\n  \"count\": 3,\n  \"list\": [\"a\", \"b\"]\n}\n";
        let s = read(text);
        assert!(s.malformed.is_empty());
        let want: Vec<(String, u32)> =
            [("zeta", 2), ("nav.about", 4), ("nav.home", 5), ("count", 7), ("list.0", 8), ("list.1", 8)]
                .iter()
                .map(|(k, l)| (k.to_string(), *l))
                .collect();
        assert_eq!(keys(&s), want);
        let home = &s.entries[2].value;
        assert_eq!(
            *home,
            Value::Pieces(vec![Piece::Text("Home of ".into()), Piece::Var("SITE".into())]),
            "variables are recognised"
        );
    }

    #[test]
    fn syntax_errors_and_nulls_are_reported() {
        let s = read("{\n  \"a\": \"x\",\n  \"b\": oops\n}\n");
        assert_eq!(s.malformed.len(), 1);
        assert_eq!((s.malformed[0].line, s.malformed[0].what), (3, "catalog-json-error"));
        let s = read("{\"a\": null, \"b\": \"kept\"}");
        assert_eq!(keys(&s), [("b".to_owned(), 1)]);
        assert_eq!(s.malformed[0].detail, "a");
        for odd in ["", "[", "\"just a string\"", "{\"a\":{\"b\":[[[]]]}}", "{} trailing"] {
            let _ = read(odd);
        }
    }
}
