use super::*;

fn messages() -> Messages {
    Messages::new(Some("en-US"))
}

fn rules(issues: &[Issue]) -> Vec<(&'static str, u32)> {
    issues.iter().map(|i| (i.rule, i.line)).collect()
}

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

const SOURCE: &str = "\
-brand = Garden Club
greeting = Welcome to { -brand }, { $name }!
notice = You read the { $language } copy.
link = Read <a href=\"/a\">the guide</a> first.
same = Compost
items = { $count ->
    [one] one item
   *[other] { $count } items
  }
    .title = Items
gone = Only in the source
";

#[test]
fn syntax_errors_have_lines_and_columns_and_checking_goes_on() {
    let text = "a = fine\nb = oops }\nc = also fine\nd\n";
    let file = FtlFile::parse(text);
    let issues = syntax(&file, &messages());
    let at: Vec<(u32, u32)> = issues.iter().map(|i| (i.line, i.column)).collect();
    assert_eq!(at, [(2, 10), (4, 2)]);
    assert!(issues[0].message.contains("Fluent syntax error"), "{}", issues[0].message);
    let ids: Vec<String> = file.entries().into_keys().collect();
    assert_eq!(ids, ["a", "c"], "entries after the junk are still read");
}

#[test]
fn duplicates_and_formatting_errors_are_found() {
    let text = "a = one\nb = { missing-message }\na = two\nc = { -no-term } and { $x }\n";
    let file = FtlFile::parse(text);
    assert_eq!(rules(&duplicates(&file, &messages())), [("catalog-duplicate-id", 3)]);
    let (issues, values) = formatting(&file, &lang("en"), &messages());
    assert_eq!(rules(&issues), [("catalog-format-error", 2), ("catalog-format-error", 4)]);
    assert_eq!(values["a"], "one");
}

#[test]
fn a_translation_is_compared_with_the_source() {
    let target = "\
-brand = Garden Club
greeting = Bienvenue au { -brand }, { $nom } !
notice = Vous lisez la copie française.
link = Lisez <b>le guide</b> d'abord.
same = Compost
items = { $count ->
    [one] un article
   *[other] { $count } articles
  }
extra = Pas dans la source
";
    let (s, t) = (FtlFile::parse(SOURCE), FtlFile::parse(target));
    let (issues, counts) = compare(&s, "en/site.ftl", &t, &messages());
    let got: Vec<(&str, Option<&str>)> = issues.iter().map(|i| (i.rule, i.id.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("catalog-missing", Some("gone")),
            ("catalog-variable-missing", Some("greeting")),
            ("catalog-variable-unknown", Some("greeting")),
            ("catalog-missing", Some("items")),
            ("catalog-html-mismatch", Some("link")),
            ("catalog-variable-missing", Some("notice")),
            ("catalog-untranslated", Some("same")),
            ("catalog-obsolete", Some("extra")),
        ]
    );
    assert!(issues[0].in_source && issues[0].line == 11, "a missing message is shown where the source has it");
    assert!(issues[3].message.contains("items.title"), "{}", issues[3].message);
    assert_eq!(counts.segments.translated, 4);
    assert_eq!((counts.segments.untranslated, counts.segments.missing, counts.segments.obsolete), (1, 1, 1));
}

#[test]
fn plural_categories_follow_the_locale() {
    let text = "a = { $n ->\n    [one] one\n    [few] few\n   *[other] many\n  }\nb = { $n ->\n    [zero] none\n   *[other] some\n  }\n";
    let file = FtlFile::parse(text);
    let en = plurals(&file, &lang("en"), &messages());
    // English has no `few` and no `zero`.
    assert_eq!(
        rules(&en),
        [("catalog-plural-category", 1), ("catalog-plural-category", 6), ("catalog-plural-category", 6)]
    );
    let ar = plurals(&file, &lang("ar"), &messages());
    assert!(ar.iter().all(|i| i.message.contains("also needs")), "Arabic has every category: {ar:?}");
    assert_eq!(plural_categories(&lang("ja")).unwrap().into_iter().collect::<Vec<_>>(), ["other"]);
    assert!(plural_categories(&lang("he")).unwrap().contains("two"));
}

#[test]
fn bidi_controls_inside_placeables_are_errors() {
    let text = "a = { \"\u{202E}\" }text\nb = { \"\\u2066\" }x\nc = plain \u{200F} mark\n";
    let issues = bidi(&FtlFile::parse(text), &messages());
    assert_eq!(rules(&issues), [("catalog-bidi-control", 1), ("catalog-bidi-control", 2)]);
    assert!(issues[0].message.contains("U+202E"));
}

#[test]
fn rules_are_unique_and_named_alike() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    assert!(ids.iter().all(|id| id.starts_with("catalog-")));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    assert_eq!(default_level("catalog-syntax"), Level::Error);
}
