//! The checks of a Fluent catalogue, stricter than compare-locales: each function looks at
//! one thing (syntax, duplicate ids, formatting, plural categories, bidirectional controls;
//! and, against the source locale's file, missing, obsolete and untranslated messages,
//! variables and HTML tags) and returns [`Issue`]s. Pure functions of file texts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::{self, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use fluent_syntax::parser::ParserError;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use regex::Regex;
use unic_langid::LanguageIdentifier;

use super::build::{entry_id, value_text};
use super::LineIndex;
use crate::check::{Counts, Level};
use crate::ui::{arg, num, Messages};

/// The catalogue rules: id, default level and what a finding of it means.
pub const RULES: &[(&str, Level, &str)] = &[
    ("catalog-syntax", Level::Error, "A line of a UI-string file or an entry of a Fluent file cannot be read"),
    ("catalog-duplicate-id", Level::Error, "A message id is defined twice"),
    ("catalog-format-error", Level::Error, "A message does not format with sample arguments"),
    ("catalog-missing", Level::Warning, "A message of the source locale has no translation"),
    ("catalog-obsolete", Level::Info, "A message the source locale no longer has"),
    ("catalog-untranslated", Level::Warning, "A message is the same as in the source locale"),
    ("catalog-variable-missing", Level::Warning, "A translation does not use a variable of the source"),
    ("catalog-variable-unknown", Level::Error, "A translation uses a variable the source does not define"),
    ("catalog-plural-category", Level::Warning, "Plural variants that the locale's CLDR rules do not match"),
    ("catalog-html-mismatch", Level::Warning, "A translation's HTML tags differ from the source's"),
    ("catalog-bidi-control", Level::Error, "A bidirectional control character inside a placeable"),
    ("catalog-source-differs", Level::Info, "The catalogue keeps a value that differs from the UI-string source"),
];

/// The default level of a catalogue rule.
pub fn default_level(rule: &str) -> Level {
    RULES.iter().find(|(id, ..)| *id == rule).map_or(Level::Warning, |r| r.1)
}

/// One problem in one file, before the caller gives it a file, a locale and a level.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub rule: &'static str,
    /// The message it is about, if any.
    pub id: Option<String>,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub source_excerpt: Option<String>,
    pub excerpt: Option<String>,
    /// The line is in the source locale's file (a missing message), not in the checked one.
    pub in_source: bool,
}

impl Issue {
    fn at(rule: &'static str, id: &str, line: u32, message: String) -> Issue {
        Issue {
            rule,
            id: Some(id.to_owned()),
            line,
            column: 1,
            message,
            source_excerpt: None,
            excerpt: None,
            in_source: false,
        }
    }
}

/// The sample a variable is formatted with when a message is tried.
pub fn sample(variable: &str) -> String {
    format!("⟨{variable}⟩")
}

/// A parsed Fluent file that knows where its entries are.
pub struct FtlFile<'t> {
    pub text: &'t str,
    pub resource: ast::Resource<&'t str>,
    pub errors: Vec<ParserError>,
    index: LineIndex,
}

impl<'t> FtlFile<'t> {
    pub fn parse(text: &'t str) -> FtlFile<'t> {
        let (resource, errors) = match crate::catalog::ingest::ftl::parse_fluent(text) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        };
        FtlFile { text, resource, errors, index: LineIndex::new(text) }
    }

    /// The messages and terms with their ids and lines; the first of two with one id wins.
    pub fn entries(&self) -> BTreeMap<String, (&ast::Entry<&'t str>, u32)> {
        let mut out = BTreeMap::new();
        for e in &self.resource.body {
            if let Some(id) = entry_id(e) {
                out.entry(id).or_insert((e, self.line(e)));
            }
        }
        out
    }

    /// The 1-based line of an entry's id.
    pub fn line(&self, entry: &ast::Entry<&'t str>) -> u32 {
        let name = match entry {
            ast::Entry::Message(m) => m.id.name,
            ast::Entry::Term(t) => t.id.name,
            ast::Entry::Junk { content } => content,
            _ => return 1,
        };
        self.index.line(super::offset_in(self.text, name))
    }
}

/// Syntax errors, with line and column; the parser went on after each.
pub fn syntax(file: &FtlFile, messages: &Messages) -> Vec<Issue> {
    file.errors
        .iter()
        .map(|e| {
            let (line, column) = file.index.line_col(file.text, e.pos.start);
            let message = messages.get("catalog-fluent-error", &[("detail", arg(e.kind.to_string()))]);
            Issue { line, column, id: None, ..Issue::at("catalog-syntax", "", line, message) }
        })
        .collect()
}

/// Ids defined more than once.
pub fn duplicates(file: &FtlFile, messages: &Messages) -> Vec<Issue> {
    let mut first: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for e in &file.resource.body {
        let Some(id) = entry_id(e) else { continue };
        let line = file.line(e);
        match first.get(&id) {
            Some(&at) => out.push(Issue::at(
                "catalog-duplicate-id",
                &id,
                line,
                messages.get("catalog-duplicate-id", &[("id", arg(id.clone())), ("line", num(at as usize))]),
            )),
            None => {
                first.insert(id, line);
            }
        }
    }
    out
}

/// What a message holds that the checks compare.
#[derive(Debug, Default)]
struct Facts {
    variables: BTreeSet<String>,
    /// The text elements, with U+FFFC for each placeable.
    text: String,
    /// String literals, unescaped.
    literals: Vec<String>,
    /// Select expressions: the selector's variable (if any) and the variant keys.
    selects: Vec<(Option<String>, Vec<Key>)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Name(String),
    Number(String),
}

fn facts<S: AsRef<str>>(entry: &ast::Entry<S>) -> Facts {
    let mut f = Facts::default();
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return f,
    };
    for p in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
        pattern_facts(p, &mut f);
    }
    f
}

fn pattern_facts<S: AsRef<str>>(p: &Pattern<S>, f: &mut Facts) {
    for e in &p.elements {
        match e {
            PatternElement::TextElement { value } => f.text.push_str(value.as_ref()),
            PatternElement::Placeable { expression } => {
                f.text.push('\u{FFFC}');
                expression_facts(expression, f);
            }
        }
    }
}

fn expression_facts<S: AsRef<str>>(e: &Expression<S>, f: &mut Facts) {
    match e {
        Expression::Inline(i) => inline_facts(i, f),
        Expression::Select { selector, variants } => {
            inline_facts(selector, f);
            let var = match selector {
                InlineExpression::VariableReference { id } => Some(id.name.as_ref().to_owned()),
                InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().find_map(|a| match a {
                        InlineExpression::VariableReference { id } => Some(id.name.as_ref().to_owned()),
                        _ => None,
                    })
                }
                _ => None,
            };
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    VariantKey::Identifier { name } => Key::Name(name.as_ref().to_owned()),
                    VariantKey::NumberLiteral { value } => Key::Number(value.as_ref().to_owned()),
                })
                .collect();
            f.selects.push((var, keys));
            for v in variants {
                pattern_facts(&v.value, f);
            }
        }
    }
}

fn inline_facts<S: AsRef<str>>(i: &InlineExpression<S>, f: &mut Facts) {
    match i {
        InlineExpression::VariableReference { id } => {
            f.variables.insert(id.name.as_ref().to_owned());
        }
        InlineExpression::StringLiteral { value } => f.literals.push(unescape(value.as_ref())),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                inline_facts(a, f);
            }
        }
        InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                inline_facts(a, f);
            }
        }
        InlineExpression::Placeable { expression } => expression_facts(expression, f),
        _ => {}
    }
}

/// A Fluent string literal's value: `\\`, `\"`, `\uXXXX` and `\UXXXXXX` undone.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(n @ ('u' | 'U')) => {
                let hex: String = chars.by_ref().take(if n == 'u' { 4 } else { 6 }).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Every message formatted with sample arguments, once per variant of its selects, in a
/// bundle for `locale`: each error is an issue. Also returns what each message's value
/// formats to with string samples (the first round).
pub fn formatting(
    file: &FtlFile,
    locale: &LanguageIdentifier,
    messages: &Messages,
) -> (Vec<Issue>, HashMap<String, String>) {
    let mut bundle = FluentBundle::new(vec![locale.clone()]);
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(file.text.to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    // A duplicate id is reported by `duplicates`; like Fluent at run time, the first one wins.
    let _ = bundle.add_resource(resource);
    let mut issues = Vec::new();
    let mut values = HashMap::new();
    for (id, (entry, line)) in file.entries() {
        let ast::Entry::Message(m) = entry else { continue };
        let Some(message) = bundle.get_message(&id) else { continue };
        let f = facts(entry);
        let rounds = f.selects.iter().map(|(_, keys)| keys.len()).max().unwrap_or(1).max(1);
        let mut reasons = BTreeSet::new();
        for round in 0..rounds {
            let mut args = FluentArgs::new();
            for v in &f.variables {
                args.set(v.clone(), FluentValue::from(sample(v)));
            }
            for (var, keys) in &f.selects {
                if let (Some(var), Some(key)) = (var, keys.get(round.min(keys.len().saturating_sub(1)))) {
                    let value = match key {
                        Key::Name(n) => FluentValue::from(n.clone()),
                        Key::Number(n) => FluentValue::from(n.parse::<f64>().unwrap_or(0.0)),
                    };
                    args.set(var.clone(), value);
                }
            }
            let mut errors = Vec::new();
            if let Some(p) = message.value() {
                let s = bundle.format_pattern(p, Some(&args), &mut errors);
                if round == 0 {
                    values.insert(id.clone(), s.into_owned());
                }
            }
            for a in message.attributes() {
                bundle.format_pattern(a.value(), Some(&args), &mut errors);
            }
            reasons.extend(errors.iter().map(ToString::to_string));
        }
        if m.value.is_none() && m.attributes.is_empty() {
            reasons.insert(messages.text("catalog-no-value"));
        }
        for reason in reasons {
            let text = messages.get("catalog-format-failed", &[("id", arg(id.clone())), ("reason", arg(reason))]);
            issues.push(Issue::at("catalog-format-error", &id, line, text));
        }
    }
    (issues, values)
}

/// The plural categories a locale's cardinal rules use (CLDR, through intl_pluralrules), if
/// it has rules.
pub fn plural_categories(locale: &LanguageIdentifier) -> Option<BTreeSet<&'static str>> {
    let language: LanguageIdentifier = locale.language.as_str().parse().ok()?;
    let rules = PluralRules::create(locale.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| PluralRules::create(language, PluralRuleType::CARDINAL))
        .ok()?;
    let mut out = BTreeSet::new();
    let samples = (0..=200u32)
        .map(|n| n.to_string())
        .chain(["0.0", "0.5", "1.0", "1.5", "2.5", "3.5", "10.5", "1000000", "2000000", "1e6"].map(str::to_owned));
    for n in samples {
        if let Ok(c) = rules.select(n.as_str()) {
            out.insert(category_name(&c));
        }
    }
    Some(out)
}

fn category_name(c: &PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Plural selects whose variants the locale's rules cannot reach (`[one]` in Japanese), or
/// that lack a category the locale uses (`[few]` in Arabic), left to the default variant.
pub fn plurals(file: &FtlFile, locale: &LanguageIdentifier, messages: &Messages) -> Vec<Issue> {
    let Some(known) = plural_categories(locale) else { return Vec::new() };
    let list = |s: &BTreeSet<&str>| s.iter().copied().collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    for (id, (entry, line)) in file.entries() {
        for (_, keys) in facts(entry).selects {
            let names: BTreeSet<&str> = keys
                .iter()
                .filter_map(|k| match k {
                    Key::Name(n) => Some(n.as_str()),
                    Key::Number(_) => None,
                })
                .collect();
            if names.is_empty() || !names.iter().all(|n| CATEGORIES.contains(n)) {
                continue; // not a plural select
            }
            let unknown: BTreeSet<&str> = names.difference(&known).copied().collect();
            let lacking: BTreeSet<&str> = known.difference(&names).copied().collect();
            let args = |cats: &BTreeSet<&str>| {
                [
                    ("id", arg(id.clone())),
                    ("categories", arg(list(cats))),
                    ("locale", arg(locale.to_string())),
                    ("known", arg(list(&known))),
                ]
            };
            if !unknown.is_empty() {
                let text = messages.get("catalog-plural-unknown", &args(&unknown));
                out.push(Issue::at("catalog-plural-category", &id, line, text));
            }
            if !lacking.is_empty() {
                let text = messages.get("catalog-plural-incomplete", &args(&lacking));
                out.push(Issue::at("catalog-plural-category", &id, line, text));
            }
        }
    }
    out
}

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
/// inside placeables, where they can reorder the text around them (Trojan Source).
pub fn bidi(file: &FtlFile, messages: &Messages) -> Vec<Issue> {
    let dangerous = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let mut out = Vec::new();
    for (id, (entry, line)) in file.entries() {
        let found: BTreeSet<String> = facts(entry)
            .literals
            .iter()
            .flat_map(|l| l.chars())
            .filter(|&c| dangerous(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        if !found.is_empty() {
            let chars = found.into_iter().collect::<Vec<_>>().join(", ");
            let text = messages.get("catalog-bidi-control", &[("id", arg(id.clone())), ("chars", arg(chars))]);
            out.push(Issue::at("catalog-bidi-control", &id, line, text));
        }
    }
    out
}

/// A locale's file against the source locale's: what each says about the other, and the
/// counts (messages and source words) of the locale.
pub fn compare(source: &FtlFile, source_name: &str, target: &FtlFile, messages: &Messages) -> (Vec<Issue>, Counts) {
    let mut out = Vec::new();
    let mut counts = Counts::default();
    let src = source.entries();
    let tr = target.entries();
    let file = arg(source_name.to_owned());
    for (id, (s_entry, s_line)) in &src {
        let s_facts = facts(s_entry);
        let words = words(s_entry);
        let Some((t_entry, t_line)) = tr.get(id) else {
            if !id.starts_with('-') {
                counts.segments.missing += 1;
                counts.words.missing += words;
            }
            let text = messages.get("catalog-missing", &[("id", arg(id.clone())), ("file", file.clone())]);
            let mut issue = Issue::at("catalog-missing", id, *s_line, text);
            issue.source_excerpt = Some(value_text(s_entry).trim().to_owned());
            // Reported in the source file, where the message is (like a missing block).
            issue.in_source = true;
            out.push(issue);
            continue;
        };
        let t_facts = facts(t_entry);
        let excerpt = |issue: &mut Issue| {
            issue.source_excerpt = Some(value_text(s_entry).trim().to_owned());
            issue.excerpt = Some(value_text(t_entry).trim().to_owned());
        };
        let untranslated = !id.starts_with('-')
            && value_text(s_entry) == value_text(t_entry)
            && s_facts.text.chars().any(char::is_alphabetic);
        if id.starts_with('-') {
            // Terms are brand names and the like: the same text in every locale is expected.
        } else if untranslated {
            counts.segments.untranslated += 1;
            counts.words.untranslated += words;
            let text = messages.get("catalog-untranslated", &[("id", arg(id.clone())), ("file", file.clone())]);
            let mut issue = Issue::at("catalog-untranslated", id, *t_line, text);
            excerpt(&mut issue);
            out.push(issue);
        } else {
            counts.segments.translated += 1;
            counts.words.translated += words;
        }
        for issue in attributes(id, s_entry, t_entry, *s_line, *t_line, source_name, messages) {
            out.push(issue);
        }
        let list = |v: Vec<&String>| v.iter().map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
        let missing: Vec<&String> = s_facts.variables.difference(&t_facts.variables).collect();
        if !missing.is_empty() {
            let args = [("id", arg(id.clone())), ("variables", arg(list(missing))), ("file", file.clone())];
            let mut issue =
                Issue::at("catalog-variable-missing", id, *t_line, messages.get("catalog-variable-missing", &args));
            excerpt(&mut issue);
            out.push(issue);
        }
        let unknown: Vec<&String> = t_facts.variables.difference(&s_facts.variables).collect();
        if !unknown.is_empty() {
            let args = [("id", arg(id.clone())), ("variables", arg(list(unknown))), ("file", file.clone())];
            let mut issue =
                Issue::at("catalog-variable-unknown", id, *t_line, messages.get("catalog-variable-unknown", &args));
            excerpt(&mut issue);
            out.push(issue);
        }
        let (s_tags, t_tags) = (tags(&s_facts.text), tags(&t_facts.text));
        if s_tags != t_tags {
            let show = |t: &BTreeMap<String, usize>| {
                let v: Vec<String> =
                    t.iter().map(|(k, n)| if *n > 1 { format!("<{k}>×{n}") } else { format!("<{k}>") }).collect();
                if v.is_empty() {
                    "–".to_owned()
                } else {
                    v.join(" ")
                }
            };
            let args = [
                ("id", arg(id.clone())),
                ("file", file.clone()),
                ("source", arg(show(&s_tags))),
                ("target", arg(show(&t_tags))),
            ];
            let mut issue =
                Issue::at("catalog-html-mismatch", id, *t_line, messages.get("catalog-html-mismatch", &args));
            excerpt(&mut issue);
            out.push(issue);
        }
    }
    for (id, (t_entry, t_line)) in &tr {
        if src.contains_key(id) {
            continue;
        }
        if !id.starts_with('-') {
            counts.segments.obsolete += 1;
        }
        let text = messages.get("catalog-obsolete", &[("id", arg(id.clone())), ("file", file.clone())]);
        let mut issue = Issue::at("catalog-obsolete", id, *t_line, text);
        issue.excerpt = Some(value_text(t_entry).trim().to_owned());
        out.push(issue);
    }
    (out, counts)
}

/// The words of an entry's text (placeables not counted).
pub fn words<S: AsRef<str>>(entry: &ast::Entry<S>) -> usize {
    facts(entry).text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Attributes the source has and the translation lacks (missing), and the reverse (obsolete).
fn attributes(
    id: &str,
    source: &ast::Entry<&str>,
    target: &ast::Entry<&str>,
    s_line: u32,
    t_line: u32,
    source_name: &str,
    messages: &Messages,
) -> Vec<Issue> {
    let names = |e: &ast::Entry<&str>| -> BTreeSet<String> {
        match e {
            ast::Entry::Message(m) => m.attributes.iter().map(|a| a.id.name.to_owned()).collect(),
            ast::Entry::Term(t) => t.attributes.iter().map(|a| a.id.name.to_owned()).collect(),
            _ => BTreeSet::new(),
        }
    };
    let (s, t) = (names(source), names(target));
    let mut out = Vec::new();
    for a in s.difference(&t) {
        let name = format!("{id}.{a}");
        let text = messages.get("catalog-missing", &[("id", arg(name)), ("file", arg(source_name.to_owned()))]);
        out.push(Issue { in_source: true, ..Issue::at("catalog-missing", id, s_line, text) });
    }
    for a in t.difference(&s) {
        let name = format!("{id}.{a}");
        let text = messages.get("catalog-obsolete", &[("id", arg(name)), ("file", arg(source_name.to_owned()))]);
        out.push(Issue::at("catalog-obsolete", id, t_line, text));
    }
    out
}

/// The HTML tags of a text, each with its attribute names (not their values, which may be
/// localised, e.g. a link to a translated page), counted.
fn tags(text: &str) -> BTreeMap<String, usize> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>").expect("valid regex"));
    static ATTR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"#).expect("valid regex")
    });
    let mut out = BTreeMap::new();
    for c in TAG.captures_iter(text) {
        let mut attrs: Vec<&str> = ATTR.captures_iter(&c[3]).filter_map(|a| a.get(1)).map(|m| m.as_str()).collect();
        attrs.sort_unstable();
        let mut key = format!("{}{}", &c[1], c[2].to_ascii_lowercase());
        for a in attrs {
            key.push(' ');
            key.push_str(a);
        }
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests;
