use super::*;
use crate::site::config::Config;

fn report(source: &str, translation: &str) -> PageReport {
    let a = crate::align_pages(source, translation, None, "he");
    page_report("a.md", "he", "docs/a.md", "i18n/he/a.md", Some(a), Counts::default)
}

#[test]
fn counts_and_coverage_in_words() {
    let p = report(
        "# Keys\n\nUse two keys every day.\n\nKeep one at home.\n\n```\nkey add\n```\n",
        "# מפתחות\n\nUse two keys every day.\n\n```\nkey add\n```\n",
    );
    let w = &p.counts.words;
    assert_eq!((w.translated, w.untranslated, w.missing), (1, 5, 4));
    assert_eq!(p.counts.verbatim, 3, "the code block's three lines are not counted");
    assert!((p.coverage - 10.0).abs() < 1e-9, "{}", p.coverage);
    assert_eq!(p.words_to_do, 9);
}

#[test]
fn findings_follow_configured_levels() {
    let p = report("# Keys\n\nUse two keys every day.\n", "# Keys\n\nUse two keys every day.\n");
    let default = findings(&p, &Config::default(), Messages::english());
    assert_eq!(default.len(), 2);
    assert!(default.iter().all(|f| f.rule == "untranslated" && f.level == Level::Warning && f.file == "i18n/he/a.md"));
    let strict = Config::parse("[locale.he]\nrules = { untranslated = \"error\" }\n").unwrap();
    assert!(findings(&p, &strict, Messages::english()).iter().all(|f| f.level == Level::Error));
    let off = Config::parse("[rules]\nuntranslated = \"off\"\n").unwrap();
    assert!(findings(&p, &off, Messages::english()).is_empty());
}

#[test]
fn a_missing_page_is_one_finding_on_the_source() {
    let p = page_report("a.md", "he", "docs/a.md", "i18n/he/a.md", None, || Counts::all_missing([3, 4].into_iter()));
    let f = findings(&p, &Config::default(), Messages::english());
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].rule, f[0].file.as_str()), ("missing", "docs/a.md"));
    assert_eq!(p.coverage, 0.0);
}

#[test]
fn gates_pass_and_fail() {
    let p = report("# Keys\n\nUse two keys every day.\n", "# מפתחות\n\nUse two keys every day.\n");
    let gates = Config::parse("[gates]\nmin-coverage = 50\nmax-untranslated = 0\n").unwrap().gates("he");
    let l = locale_report("he", true, &[&p], gates);
    let by = |g: &str| l.gates.iter().find(|r| r.gate == g).unwrap().passed;
    assert!(!by("min-coverage"), "{:?}", l.gates);
    assert!(!by("max-untranslated"));
    assert!(!l.passed());
    let lenient = Config::parse("[gates]\nmin-coverage = 10\n").unwrap().gates("he");
    assert!(locale_report("he", true, &[&p], lenient).passed());
}

#[test]
fn without_a_base_a_changed_link_is_a_suspicion_not_stale() {
    let source = "# Keys\n\nRead the [guide](https://example.org/new).\n";
    let translation = "# מפתחות\n\nקראו את [המדריך](https://example.org/old).\n";
    let p = report(source, translation);
    let f = findings(&p, &Config::default(), Messages::english());
    assert!(f.iter().all(|f| f.rule != "stale"), "{f:?}");
    let suspected: Vec<&Finding> = f.iter().filter(|f| f.rule == "stale-suspected").collect();
    assert_eq!(suspected.len(), 1, "{f:?}");
    assert_eq!((suspected[0].level, suspected[0].line), (Level::Info, 3));
    let a =
        crate::align_pages(source, translation, Some("# Keys\n\nRead the [guide](https://example.org/old).\n"), "he");
    assert!(a.pairs.iter().all(|p| !p.suspect), "with a base the change is known: stale, not suspected");
    assert!(a.pairs.iter().any(|p| p.has(Status::Stale)));
}
