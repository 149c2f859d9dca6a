use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

use super::*;
use crate::catalog::ingest::env;

fn t(s: &str) -> Piece {
    Piece::Text(s.to_owned())
}

fn v(s: &str) -> Piece {
    Piece::Var(s.to_owned())
}

/// One message built from `pieces`, as Fluent text.
fn ftl(pieces: &[Piece], brands: &[Brand]) -> String {
    let entry = entry("m", "M", &Value::Pieces(pieces.to_vec()), brands).unwrap();
    render(&ast::Resource { body: vec![entry] })
}

/// What the message formats to, with sample arguments.
fn formatted(text: &str) -> String {
    let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(text.to_owned()).expect("parses")).unwrap();
    let mut args = FluentArgs::new();
    for name in ["site-language", "count"] {
        args.set(name, crate::catalog::check::sample(name));
    }
    let mut errors = Vec::new();
    let value = bundle.get_message("m").unwrap().value().unwrap();
    let s = bundle.format_pattern(value, Some(&args), &mut errors).into_owned();
    assert!(errors.is_empty(), "{errors:?}");
    s
}

#[test]
fn ids_come_from_keys() {
    assert_eq!(message_id("NAV_ABOUT").as_deref(), Some("nav-about"));
    assert_eq!(message_id("navAbout").as_deref(), Some("nav-about"));
    assert_eq!(message_id("nav.about").as_deref(), Some("nav-about"));
    assert_eq!(message_id("__X__Y").as_deref(), Some("x-y"));
    assert_eq!(message_id("404_TITLE").as_deref(), Some("key-404-title"));
    assert_eq!(message_id("שלום"), None);
    assert_eq!(variable_id("SITE_LANGUAGE"), "site-language");
}

#[test]
fn variables_terms_and_html_are_written_as_fluent() {
    let brands = brands(&["Garden Club".to_owned(), "Garden".to_owned()]);
    let text = ftl(&[t("<b>Garden Club</b> shows the "), v("SITE_LANGUAGE"), t(" copy")], &brands);
    assert_eq!(text, "# M\nm = <b>{ -garden-club }</b> shows the { $site-language } copy\n");
    assert_eq!(ftl(&[t("Gardens of Garden")], &brands), "# M\nm = Gardens of { -garden }\n");
    assert_eq!(render(&ast::Resource { body: vec![term(&brands[0])] }), "-garden-club = Garden Club\n");
}

#[test]
fn text_that_fluent_would_read_as_syntax_survives() {
    let cases = [
        "{braces} and } alone",
        "  leading and trailing blanks  ",
        "line one\n  indented\n[not a variant]\n*not a default\n.not an attribute",
        "trailing blank   \nnext",
        "\nstarts with a line break",
        "ends with a line break\n",
        "a \"quoted\" \\ backslash\r",
        ".starts with a dot",
        "",
    ];
    for case in cases {
        let text = ftl(&[t(case)], &[]);
        assert_eq!(formatted(&text), case, "{text}");
    }
    let with_var = ftl(&[t(" x "), v("COUNT"), t(" {y}")], &[]);
    assert_eq!(formatted(&with_var), format!(" x {} {{y}}", crate::catalog::check::sample("count")));
}

#[test]
fn a_new_catalogue_has_the_header_and_the_entries_in_source_order() {
    let generated = vec![
        entry("b", "B", &Value::Pieces(vec![t("Bee")]), &[]).unwrap(),
        entry("a", "A", &Value::Pieces(vec![t("Ant")]), &[]).unwrap(),
    ];
    let merged = merge(None, generated, &["Header.".to_owned()]);
    assert_eq!(render(&merged.resource), "### Header.\n\n# B\nb = Bee\n# A\na = Ant\n");
    assert_eq!(merged.added, ["b", "a"]);
}

#[test]
fn merging_keeps_hand_edits_comments_junk_and_obsolete_entries() {
    let existing = "### My header\n\n# B, reworded by hand\nb = Biene (hand edit)\n\n## A group\n\nold = Obsolete but kept\nbroken\nd = Dachs\n";
    let existing = fluent_syntax::parser::parse(existing.to_owned()).unwrap_err().0;
    let generated = vec![
        entry("a", "A", &Value::Pieces(vec![t("Ameise")]), &[]).unwrap(),
        entry("b", "B", &Value::Pieces(vec![t("Biene")]), &[]).unwrap(),
        entry("c", "C", &Value::Pieces(vec![t("Chamäleon")]), &[]).unwrap(),
        entry("d", "D", &Value::Pieces(vec![t("Dachs")]), &[]).unwrap(),
    ];
    let merged = merge(Some(existing), generated.clone(), &["unused".to_owned()]);
    let text = render(&merged.resource);
    assert_eq!(
        text,
        "### My header\n\n# A\na = Ameise\n# B, reworded by hand\nb = Biene (hand edit)\n# C\nc = Chamäleon\n\n## A group\n\nold = Obsolete but kept\nbroken\nd = Dachs\n"
    );
    assert_eq!(merged.added, ["a", "c"]);
    assert_eq!(merged.differs, ["b"]);
    // Building again into the result changes nothing.
    let again = merge(Some(fluent_syntax::parser::parse(text.clone()).unwrap_err().0), generated, &[]);
    assert_eq!(render(&again.resource), text);
    assert!(again.added.is_empty());
}

#[test]
fn env_values_convert_and_rebuild_byte_for_byte() {
    let strings = env::read("GREETING=\"Hello from $SITE_NAME\"\nBRACES='{not a placeable}'\n");
    let entries: Vec<_> =
        strings.entries.iter().map(|e| entry(&message_id(&e.key).unwrap(), &e.key, &e.value, &[]).unwrap()).collect();
    let first = render(&merge(None, entries.clone(), &["h".to_owned()]).resource);
    let parsed = fluent_syntax::parser::parse(first.clone()).unwrap();
    let second = render(&merge(Some(parsed), entries, &["h".to_owned()]).resource);
    assert_eq!(first, second);
    assert!(first.contains("greeting = Hello from { $site-name }"), "{first}");
    assert!(first.contains("braces = { \"{\" }not a placeable{ \"}\" }"), "{first}");
}
