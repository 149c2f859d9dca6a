use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// An environment of the given variables only.
fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
}

#[test]
fn the_flag_wins_then_lc_all_then_lc_messages_then_lang() {
    let all = [("LC_ALL", "de_DE.UTF-8"), ("LC_MESSAGES", "fr_FR.UTF-8"), ("LANG", "he_IL.UTF-8")];
    assert_eq!(choose(Some("he"), env(&all)), "he");
    assert_eq!(choose(None, env(&all)), "de-DE");
    assert_eq!(choose(None, env(&all[1..])), "fr-FR");
    assert_eq!(choose(None, env(&all[2..])), "he-IL");
    assert_eq!(choose(None, env(&[])), "en-US", "nothing set: the default");
}

#[test]
fn empty_values_count_as_unset() {
    assert_eq!(choose(Some(""), env(&[("LC_ALL", ""), ("LANG", "he_IL.UTF-8")])), "he-IL");
    assert_eq!(choose(None, env(&[("LC_ALL", " "), ("LC_MESSAGES", ""), ("LANG", "")])), "en-US");
}

#[test]
fn the_first_variable_set_decides_even_for_a_language_lockstep_does_not_speak() {
    // POSIX: LC_ALL overrides LANG; lockstep then falls back to English, not to LANG.
    let lang = choose(None, env(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "he_IL.UTF-8")]));
    assert_eq!(Messages::new(Some(&lang)).tag(), "en-US");
}

#[test]
fn posix_names_become_tags() {
    assert_eq!(language_tag("he_IL.UTF-8").as_deref(), Some("he-IL"));
    assert_eq!(language_tag("sr_RS@latin").as_deref(), Some("sr-RS"));
    assert_eq!(language_tag("pt-BR").as_deref(), Some("pt-BR"));
    assert_eq!(language_tag("C").as_deref(), Some("en-US"));
    assert_eq!(language_tag("C.UTF-8").as_deref(), Some("en-US"));
    assert_eq!(language_tag("POSIX").as_deref(), Some("en-US"));
    assert_eq!(language_tag("not a language!"), None);
    assert_eq!(language_tag(""), None);
    assert_eq!(choose(None, env(&[("LANG", "C.UTF-8")])), "en-US");
    assert_eq!(choose(Some("!!"), env(&[("LANG", "he")])), "en-US", "a bad --lang is not a language");
}

#[test]
fn tags_find_the_shipped_language() {
    assert_eq!(Messages::new(Some("he")).tag(), "he");
    assert_eq!(Messages::new(Some("he-IL")).tag(), "he");
    assert_eq!(Messages::new(Some("he_IL.UTF-8")).tag(), "he");
    assert_eq!(Messages::new(Some("en-GB")).tag(), "en-US");
    assert_eq!(Messages::new(Some("xx")).tag(), "en-US");
    assert_eq!(Messages::new(None).tag(), "en-US");
    assert_eq!(Messages::new(Some("xx")).text("status-stale"), "stale");
    assert_eq!(Messages::new(None).text("no-such-message"), "no-such-message");
}

#[test]
fn hebrew_isolates_placeables_and_english_does_not() {
    let args = [("path", arg("docs/getting-started.md")), ("reason", arg("Permission denied"))];
    let he = Messages::new(Some("he"));
    assert!(he.is_rtl());
    let s = he.get("error-read", &args);
    assert!(s.contains("\u{2068}docs/getting-started.md\u{2069}"), "{s:?}");
    assert!(s.contains("אי אפשר לקרוא"), "{s:?}");
    let en = Messages::new(Some("en-US"));
    assert!(!en.is_rtl());
    assert_eq!(en.get("error-read", &args), "docs/getting-started.md: cannot read: Permission denied");
    // Numbers too: a line number keeps its place in the sentence.
    let s = he.get("finding-untranslated", &[("line", num(12))]);
    assert_eq!(s, "עדיין בשפת המקור (שורה \u{2068}12\u{2069} במקור)");
}

#[test]
fn hebrew_plurals_have_one_two_and_other() {
    let he = Messages::new(Some("he"));
    let summary = |n: usize| {
        he.get(
            "check-summary",
            &[("findings", num(n)), ("errors", num(0)), ("warnings", num(n)), ("infos", num(0)), ("pages", num(n))],
        )
        .replace([FSI, PDI], "")
    };
    assert!(summary(1).starts_with("ממצא אחד"), "{}", summary(1));
    assert!(summary(1).ends_with("בדף אחד"), "{}", summary(1));
    assert!(summary(2).starts_with("שני ממצאים"), "{}", summary(2));
    assert!(summary(2).ends_with("בשני דפים"), "{}", summary(2));
    assert!(summary(7).starts_with("7 ממצאים"), "{}", summary(7));
    assert!(summary(20).ends_with("ב־20 דפים"), "{}", summary(20));
}

#[test]
fn nested_texts_are_formatted_in_the_same_language() {
    let reason = Text::new("history-no-folder").arg("path", "../en");
    let notice = Text::new("notice-staleness-unavailable").text("reason", reason);
    assert_eq!(notice.to_string(), "staleness is unavailable: ../en: no such folder");
    let he = notice.format(&Messages::new(Some("he")));
    assert!(he.starts_with("אי אפשר לזהות") && he.contains("אין תיקייה כזו"), "{he}");
    assert!(he.contains("\u{2068}../en\u{2069}"), "{he:?}");
}

/// The messages of a shipped catalogue: id → the variables it uses (selectors included).
fn catalogue(tag: &str) -> BTreeMap<String, BTreeSet<String>> {
    let source = LOCALES.iter().find(|(t, _)| *t == tag).expect("shipped").1;
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{tag}: {e:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let (id, pattern) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref()),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value)),
            ast::Entry::Junk { content } => panic!("{tag}: junk {content:?}"),
            _ => continue,
        };
        let mut vars = BTreeSet::new();
        if let Some(p) = pattern {
            variables(p, &mut vars);
        }
        assert!(out.insert(id.clone(), vars).is_none(), "{tag}: {id} is defined twice");
    }
    out
}

fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    let inline = |e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>| match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    };
    match expression {
        ast::Expression::Inline(e) => inline(e, out),
        ast::Expression::Select { selector, variants } => {
            inline(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

#[test]
fn every_catalogue_has_the_ids_and_variables_of_english() {
    let english = catalogue(DEFAULT);
    for (tag, _) in LOCALES {
        let other = catalogue(tag);
        let missing: Vec<&String> = english.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<&String> = other.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{tag}: missing {missing:?}, not in en-US {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{tag}: {id} uses other variables than en-US");
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let english = catalogue(DEFAULT);
    for (tag, source) in LOCALES {
        let lang: LanguageIdentifier = tag.parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.add_resource(FluentResource::try_new((*source).to_owned()).unwrap()).unwrap();
        for (id, vars) in english.iter().filter(|(id, _)| !id.starts_with('-')) {
            for n in [0, 1, 2, 3, 20, 1000] {
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.as_str(), FluentValue::from(n));
                }
                let message = bundle.get_message(id).unwrap_or_else(|| panic!("{tag}: {id}"));
                let mut errors = Vec::new();
                let s = bundle.format_pattern(message.value().expect("a value"), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{tag}: {id} with {n}: {errors:?}");
                assert!(!s.trim().is_empty(), "{tag}: {id} is empty");
            }
        }
    }
}

/// Message ids the code builds or keeps in variables, which the scan of literal calls below
/// cannot see.
fn indirect_ids() -> Vec<String> {
    use crate::check::Level;
    use crate::classify::{BaseKind, Status};
    let mut ids: Vec<String> = Vec::new();
    let statuses =
        [Status::Translated, Status::Untranslated, Status::Partial, Status::Stale, Status::Missing, Status::Obsolete];
    ids.extend(statuses.iter().map(|s| format!("status-{}", s.as_str())));
    ids.extend([Level::Error, Level::Warning, Level::Info].iter().map(|l| format!("level-{}", l.as_str())));
    let kinds = [BaseKind::File, BaseKind::Marker, BaseKind::Git, BaseKind::None];
    ids.extend(kinds.iter().map(|k| format!("base-kind-{}", k.as_str())));
    // `Malformed::what` of the UI-string readers.
    ids.extend(
        [
            "catalog-bad-line",
            "catalog-bad-key",
            "catalog-unclosed-quote",
            "catalog-trailing-text",
            "catalog-bad-escape",
            "catalog-json-error",
            "catalog-json-value",
            "catalog-fluent-error",
        ]
        .map(str::to_owned),
    );
    ids.extend(["gate-passed", "gate-failed", "catalog-built", "catalog-unchanged"].map(str::to_owned));
    // Headings of the report's problem tables, passed by id.
    ids.extend(["report-errors-heading", "report-orphans-heading"].map(str::to_owned));
    ids.extend(["status-unit-words", "status-unit-segments", "md-check-passed", "md-check-failed"].map(str::to_owned));
    ids.extend(crate::cli::help_ids());
    ids
}

/// Every `.rs` file below `dir`.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The ids passed as literals to `Messages::get`, `text` and `lookup`, to `Text::new` and
/// `Unavailable::at`, and the table columns (`"col-…"`), with their files.
fn literal_ids() -> Vec<(String, String)> {
    let pattern = regex::Regex::new(
        r#"(?:\.(?:get|lookup|rich)\(\s*"([a-z][a-z0-9-]*)",|\.(?:text|t)\(\s*"([a-z][a-z0-9-]*)"\s*\)|(?:Text::new|Unavailable::at)\(\s*"([a-z][a-z0-9-]*)"|"(col-[a-z0-9-]+)")"#,
    )
    .unwrap();
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut ids = Vec::new();
    for (file, text) in &files {
        // The tests of this module call made-up ids on purpose.
        if file.ends_with("ui/tests.rs") {
            continue;
        }
        let found = pattern.captures_iter(text).filter_map(|c| c.iter().skip(1).flatten().next().map(|m| m.as_str()));
        ids.extend(found.map(|id| (id.to_owned(), file.clone())));
    }
    ids
}

#[test]
fn every_message_id_used_in_the_code_exists_in_english() {
    let english = catalogue(DEFAULT);
    let literal = literal_ids();
    assert!(literal.len() > 100, "the scan finds the calls ({} found)", literal.len());
    let unknown: Vec<String> = literal
        .iter()
        .filter(|(id, _)| !english.contains_key(id))
        .map(|(id, file)| format!("{id} ({file})"))
        .chain(indirect_ids().into_iter().filter(|id| !english.contains_key(id)))
        .collect();
    assert!(unknown.is_empty(), "ids used in the code but not in locales/en-US/lockstep.ftl: {unknown:?}");
}

#[test]
fn every_english_message_is_used() {
    let used: BTreeSet<String> = literal_ids().into_iter().map(|(id, _)| id).chain(indirect_ids()).collect();
    let unused: Vec<String> =
        catalogue(DEFAULT).into_keys().filter(|id| !id.starts_with('-') && !used.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses (or add them to indirect_ids): {unused:?}");
}
