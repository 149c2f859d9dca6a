//! Building a locale's Fluent catalogue: message ids from keys, patterns from UI strings
//! (variables, brand terms, text that Fluent would otherwise read as syntax), and the merge
//! into an existing file. Everything is Fluent AST, written by fluent-syntax's serializer.
//! Pure functions; the caller reads and writes the files.

use std::collections::{HashMap, HashSet};

use fluent_syntax::ast::{self, Expression, Identifier, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::Slice;
use fluent_syntax::serializer;

use super::ingest::{Piece, Value};

/// The Fluent id of a key: ASCII letters and digits in lower case, every other run of
/// characters (and a change from lower to upper case) a `-`: `NAV_ABOUT` and `navAbout` are
/// `nav-about`, `nav.about` too. `None` when the key has no letter or digit.
pub fn message_id(key: &str) -> Option<String> {
    let mut id = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
            previous_lower = false;
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    match id.chars().next() {
        None => None,
        Some(c) if c.is_ascii_digit() => Some(format!("key-{id}")),
        Some(_) => Some(id),
    }
}

/// The Fluent variable a `$NAME` becomes: the same rule as message ids (`$SITE_LANGUAGE` is
/// `$site-language`).
pub fn variable_id(name: &str) -> String {
    message_id(name).unwrap_or_else(|| "var".to_owned())
}

/// A brand name written as a Fluent term: its text and its id without the leading `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    pub text: String,
    pub id: String,
}

/// The brands of the configuration, longest first (so that the longest name wins).
pub fn brands(names: &[String]) -> Vec<Brand> {
    let mut out: Vec<Brand> = names
        .iter()
        .filter(|n| !str::trim(n).is_empty())
        .filter_map(|n| message_id(n).map(|id| Brand { text: n.clone(), id }))
        .collect();
    out.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

/// The term defining a brand: `-privacy-guides = Privacy Guides`.
pub fn term(brand: &Brand) -> ast::Entry<String> {
    ast::Entry::Term(ast::Term {
        id: Identifier { name: brand.id.clone() },
        value: pattern(&[Piece::Text(brand.text.clone())], &[]),
        attributes: Vec::new(),
        comment: None,
    })
}

/// The message (or term, for a Fluent source) an entry becomes; `None` for Fluent text that
/// does not parse (the reader has reported it).
pub fn entry(id: &str, key: &str, value: &Value, brands: &[Brand]) -> Option<ast::Entry<String>> {
    match value {
        Value::Pieces(pieces) => Some(ast::Entry::Message(ast::Message {
            id: Identifier { name: id.to_owned() },
            value: Some(pattern(pieces, brands)),
            attributes: Vec::new(),
            comment: Some(ast::Comment { content: vec![key.to_owned()] }),
        })),
        Value::Fluent(source) => {
            let resource = crate::catalog::ingest::ftl::parse_fluent(source.clone()).ok()?;
            resource.body.into_iter().find(|e| matches!(e, ast::Entry::Message(_) | ast::Entry::Term(_)))
        }
    }
}

/// The id of an entry (`-name` for a term).
pub fn entry_id<S: AsRef<str>>(entry: &ast::Entry<S>) -> Option<String> {
    match entry {
        ast::Entry::Message(m) => Some(m.id.name.as_ref().to_owned()),
        ast::Entry::Term(t) => Some(format!("-{}", t.id.name.as_ref())),
        _ => None,
    }
}

/// An entry as Fluent text, without its comment: what two values are compared by.
pub fn value_text<'s, S: Slice<'s>>(entry: &ast::Entry<S>) -> String {
    let bare = match entry.clone() {
        ast::Entry::Message(m) => ast::Entry::Message(ast::Message { comment: None, ..m }),
        ast::Entry::Term(t) => ast::Entry::Term(ast::Term { comment: None, ..t }),
        other => other,
    };
    let text = serializer::serialize(&ast::Resource { body: vec![bare] });
    text.split_once(" =").map_or(text.clone(), |(_, v)| v.to_owned())
}

/// A Fluent pattern that formats to exactly the pieces' text: variables become variable
/// references, brand names term references, and whatever Fluent would read as syntax or drop
/// (braces, blanks at either end or at the start of a line, a line starting with `[`, `*` or
/// `.`, carriage returns) a string literal.
pub fn pattern(pieces: &[Piece], brands: &[Brand]) -> Pattern<String> {
    enum Token {
        Text(String),
        Place(InlineExpression<String>),
    }
    let mut tokens: Vec<Token> = Vec::new();
    let push_text = |tokens: &mut Vec<Token>, s: &str| match tokens.last_mut() {
        Some(Token::Text(t)) => t.push_str(s),
        _ if !s.is_empty() => tokens.push(Token::Text(s.to_owned())),
        _ => {}
    };
    for piece in pieces {
        match piece {
            Piece::Var(name) => tokens
                .push(Token::Place(InlineExpression::VariableReference { id: Identifier { name: variable_id(name) } })),
            Piece::Text(text) => {
                let mut rest = text.as_str();
                while let Some((at, brand)) = find_brand(rest, brands) {
                    push_text(&mut tokens, &rest[..at]);
                    tokens.push(Token::Place(InlineExpression::TermReference {
                        id: Identifier { name: brand.id.clone() },
                        attribute: None,
                        arguments: None,
                    }));
                    rest = &rest[at + brand.text.len()..];
                }
                push_text(&mut tokens, rest);
            }
        }
    }
    let mut elements = Vec::new();
    let count = tokens.len();
    for (i, token) in tokens.into_iter().enumerate() {
        match token {
            Token::Place(expression) => elements.push(placeable(expression)),
            Token::Text(text) => escaped_text(&text, i == 0, i + 1 == count, &mut elements),
        }
    }
    if elements.is_empty() {
        elements.push(literal(""));
    }
    Pattern { elements }
}

/// The first brand name in `text` standing as a word of its own, and where.
fn find_brand<'b>(text: &str, brands: &'b [Brand]) -> Option<(usize, &'b Brand)> {
    let mut best: Option<(usize, &Brand)> = None;
    for b in brands {
        for (at, _) in text.match_indices(b.text.as_str()) {
            let before = text[..at].chars().next_back();
            let after = text[at + b.text.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if best.is_none_or(|(best_at, _)| at < best_at) {
                best = Some((at, b));
            }
            break;
        }
    }
    best
}

/// Text elements for `text`, with string literals wherever plain text would not survive.
fn escaped_text(text: &str, first: bool, last: bool, out: &mut Vec<PatternElement<String>>) {
    let chars: Vec<char> = text.chars().collect();
    let blank = |c: char| c == ' ' || c == '\t';
    let tail = if last { chars.iter().rev().take_while(|&&c| blank(c) || c == '\n').count() } else { 0 };
    let mut plain = String::new();
    let mut special = String::new();
    let mut line_start = first;
    for (i, &c) in chars.iter().enumerate() {
        let before_newline = blank(c) && chars[i..].iter().find(|&&n| !blank(n)) == Some(&'\n');
        let is_special = i >= chars.len() - tail
            || matches!(c, '{' | '}' | '\r')
            || before_newline
            || (line_start && (blank(c) || matches!(c, '[' | '*' | '.') || (first && c == '\n' && i == 0)));
        if is_special {
            if !plain.is_empty() {
                out.push(PatternElement::TextElement { value: std::mem::take(&mut plain) });
            }
            special.push(c);
        } else {
            if !special.is_empty() {
                out.push(literal(&std::mem::take(&mut special)));
            }
            plain.push(c);
            if c == '\n' {
                // The serializer indents what follows a text element ending a line.
                out.push(PatternElement::TextElement { value: std::mem::take(&mut plain) });
            }
        }
        line_start = match c {
            '\n' => true,
            c if blank(c) => line_start,
            _ => false,
        };
    }
    if !plain.is_empty() {
        out.push(PatternElement::TextElement { value: plain });
    }
    if !special.is_empty() {
        out.push(literal(&special));
    }
}

fn placeable(expression: InlineExpression<String>) -> PatternElement<String> {
    PatternElement::Placeable { expression: Expression::Inline(expression) }
}

/// A string literal placeable holding `s` (escaped as Fluent string literals require).
fn literal(s: &str) -> PatternElement<String> {
    let mut value = String::new();
    for c in s.chars() {
        match c {
            '\\' => value.push_str("\\\\"),
            '"' => value.push_str("\\\""),
            c if c.is_control() => value.push_str(&format!("\\u{:04X}", c as u32)),
            c => value.push(c),
        }
    }
    placeable(InlineExpression::StringLiteral { value })
}

/// The outcome of merging generated entries into an existing catalogue.
#[derive(Debug)]
pub struct Merged {
    pub resource: ast::Resource<String>,
    /// Ids added from the source.
    pub added: Vec<String>,
    /// Ids the catalogue had, whose value differs from the source's (the catalogue's is kept).
    pub differs: Vec<String>,
}

/// Merges `generated` (in source order) into `existing`: every entry, comment and piece of
/// junk of the existing file stays as it is, with its value; a generated entry it lacks is
/// inserted after the entry generated before it (or before the first entry, or at the end);
/// a new file starts with `header` as a resource comment.
pub fn merge(existing: Option<ast::Resource<String>>, generated: Vec<ast::Entry<String>>, header: &[String]) -> Merged {
    let mut added = Vec::new();
    let mut differs = Vec::new();
    let mut body = match existing {
        Some(r) => r.body,
        None if header.is_empty() => Vec::new(),
        None => vec![ast::Entry::ResourceComment(ast::Comment { content: header.to_vec() })],
    };
    let mut position: HashMap<String, usize> =
        body.iter().enumerate().filter_map(|(i, e)| entry_id(e).map(|id| (id, i))).collect();
    let mut previous: Option<usize> = None;
    for g in generated {
        let Some(id) = entry_id(&g) else { continue };
        if let Some(&at) = position.get(&id) {
            if value_text(&body[at]) != value_text(&g) {
                differs.push(id);
            }
            previous = Some(at);
            continue;
        }
        let at = match previous {
            Some(p) => p + 1,
            None => body
                .iter()
                .position(|e| matches!(e, ast::Entry::Message(_) | ast::Entry::Term(_)))
                .unwrap_or(body.len()),
        };
        body.insert(at, g);
        for p in position.values_mut().filter(|p| **p >= at) {
            *p += 1;
        }
        position.insert(id.clone(), at);
        added.push(id);
        previous = Some(at);
    }
    Merged { resource: ast::Resource { body }, added, differs }
}

/// The Fluent text of a catalogue (junk kept as it was).
pub fn render(resource: &ast::Resource<String>) -> String {
    serializer::serialize_with_options(resource, serializer::Options { with_junk: true })
}

/// The ids of the messages and terms of a resource, and the ids that occur twice.
pub fn ids<S: AsRef<str>>(resource: &ast::Resource<S>) -> (Vec<String>, Vec<String>) {
    let mut seen = HashSet::new();
    let mut all = Vec::new();
    let mut twice = Vec::new();
    for id in resource.body.iter().filter_map(entry_id) {
        if !seen.insert(id.clone()) {
            twice.push(id.clone());
        }
        all.push(id);
    }
    (all, twice)
}

/// What the pieces format to with the sample arguments of [`super::check::sample`].
pub fn expected(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Var(v) => super::check::sample(&variable_id(v)),
        })
        .collect()
}

#[cfg(test)]
mod tests;
