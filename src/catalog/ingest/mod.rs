//! Reading UI strings: one file per input format, each turning a file's text into entries
//! (key, value, line) and its malformed lines into [`Malformed`] problems. Reading never fails
//! and never stops at a bad line: the rest of the file is still read.

pub mod env;
pub mod ftl;
pub mod json;
pub mod properties;

/// A piece of a UI string: text, or a variable (`$SITE_LANGUAGE`, `${SITE_LANGUAGE}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Var(String),
}

/// The value of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A plain string with variables (`.env`, `.properties`, JSON).
    Pieces(Vec<Piece>),
    /// A Fluent message or term, serialized without its comment (from an `.ftl` source).
    Fluent(String),
}

/// One key and its value, with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: Value,
    pub line: u32,
}

/// A line that could not be read: where, and why (the id of a message of `lockstep.ftl`, with
/// a detail that message may show).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub line: u32,
    pub column: u32,
    pub what: &'static str,
    pub detail: String,
}

/// What a file held.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Strings {
    pub entries: Vec<Entry>,
    pub malformed: Vec<Malformed>,
}

/// The input formats, told by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Env,
    Properties,
    Json,
    Ftl,
}

impl Format {
    /// The format of a file named `name`, if lockstep reads it.
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "env" => Some(Format::Env),
            "properties" => Some(Format::Properties),
            "json" => Some(Format::Json),
            "ftl" => Some(Format::Ftl),
            _ => None,
        }
    }
}

/// Reads the text of a file of format `format`.
pub fn read(format: Format, text: &str) -> Strings {
    match format {
        Format::Env => env::read(text),
        Format::Properties => properties::read(text),
        Format::Json => json::read(text),
        Format::Ftl => ftl::read(text),
    }
}

/// Splits a string into text and variables: `$NAME` and `${NAME}`, where a name starts with
/// a letter or `_` and goes on with letters, digits and `_`. Anything else is text.
pub fn pieces(s: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('$') {
        text.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match variable(after) {
            Some((name, used)) => {
                push_text(&mut out, &mut text);
                out.push(Piece::Var(name.to_owned()));
                rest = &after[used..];
            }
            None => {
                text.push('$');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    push_text(&mut out, &mut text);
    out
}

/// The variable name at the start of `s` (after a `$`) and the bytes it takes.
pub fn variable(s: &str) -> Option<(&str, usize)> {
    let name_len = |t: &str| {
        let mut chars = t.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_ascii_alphabetic() || c == '_' => {}
            _ => return 0,
        }
        chars.find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_')).map_or(t.len(), |(i, _)| i)
    };
    if let Some(inner) = s.strip_prefix('{') {
        let n = name_len(inner);
        (n > 0 && inner[n..].starts_with('}')).then(|| (&inner[..n], n + 2))
    } else {
        let n = name_len(s);
        (n > 0).then(|| (&s[..n], n))
    }
}

/// Appends a text piece, merging it with a text piece before it.
pub fn push_text(out: &mut Vec<Piece>, text: &mut String) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Piece::Text(text.clone()));
    }
    text.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_split_from_text() {
        let t = |s: &str| Piece::Text(s.to_owned());
        let v = |s: &str| Piece::Var(s.to_owned());
        assert_eq!(pieces("the $LANG copy"), [t("the "), v("LANG"), t(" copy")]);
        assert_eq!(pieces("${A}${B_2}"), [v("A"), v("B_2")]);
        assert_eq!(pieces("costs $5, ${unclosed, $"), [t("costs $5, ${unclosed, $")]);
        assert_eq!(pieces(""), []);
    }

    #[test]
    fn formats_are_told_by_extension() {
        assert_eq!(Format::of("strings.he.env"), Some(Format::Env));
        assert_eq!(Format::of("a/messages.PROPERTIES"), Some(Format::Properties));
        assert_eq!(Format::of("site.ftl"), Some(Format::Ftl));
        assert_eq!(Format::of("README"), None);
    }
}
