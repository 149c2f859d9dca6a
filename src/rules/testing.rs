//! Test support: runs one rule over every pair of two small pages.

use super::{Check, Hit, Input, Rule};
use crate::parse::parse;
use crate::script::LocaleFacts;

/// The messages `rule` reports when `translation` (in `locale`) was made from `english`, each
/// prefixed with the translation line it is on: `"3: …"`.
pub fn hits(rule: &Rule, english: &str, translation: &str, locale: &str) -> Vec<String> {
    run(rule, english, translation, locale, true)
}

/// The same when `english` is the current source and the translation's base is unknown.
pub fn hits_without_base(rule: &Rule, english: &str, translation: &str, locale: &str) -> Vec<String> {
    run(rule, english, translation, locale, false)
}

/// The same when `english` is known to be the base of the translation (a base file, a stamp or
/// git history), so that coverage statuses are computed against it.
pub fn hits_with_base(rule: &Rule, english: &str, translation: &str, locale: &str) -> Vec<String> {
    run_with(rule, english, translation, locale, true, true)
}

fn run(rule: &Rule, english: &str, translation: &str, locale: &str, known_english: bool) -> Vec<String> {
    run_with(rule, english, translation, locale, known_english, false)
}

fn run_with(
    rule: &Rule,
    english: &str,
    translation: &str,
    locale: &str,
    known_english: bool,
    base: bool,
) -> Vec<String> {
    let Check::Pair(check) = rule.check else { panic!("{} is not a pair rule", rule.id) };
    let (src, tr) = (parse(english), parse(translation));
    let facts = LocaleFacts::new(locale);
    let alignment = crate::classify::classify(&src, &tr, base.then_some(&src), &facts);
    let lines: Vec<&str> = translation.lines().collect();
    let mut out = Vec::new();
    for pair in &alignment.pairs {
        let Some(j) = pair.segments.translation() else { continue };
        let input = Input {
            pair,
            english: pair.segments.source().map(|i| &src.segments[i]),
            translation: &tr.segments[j],
            known_english,
            facts: &facts,
            lines: &lines,
            alone: Default::default(),
        };
        let mut found: Vec<Hit> = Vec::new();
        check(&input, &mut found);
        for h in found {
            let (line, _) = super::place(input.translation, h.offset, &lines);
            out.push(format!("{line}: {}", h.message));
        }
    }
    out
}
