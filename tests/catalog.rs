//! End-to-end tests of `lockstep catalog build|check|labels` on the fixtures of
//! `tests/fixtures/catalog/` (invented strings in English, Hebrew, German, Arabic, Persian and
//! Japanese): conversion, findings with file and line, byte-identical rebuilds, merges that
//! keep hand edits, the report formats and exit codes.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::{copy_dir, lockstep, scratch, text};

const FIXTURES: &str = "tests/fixtures/catalog";

/// A copy of the UI-strings fixture site in a temporary folder (build writes into it).
fn site(name: &str) -> PathBuf {
    let root = scratch("catalog", name);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURES).join("site"), &root);
    root
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

#[test]
fn build_converts_every_locale_and_reports_what_needs_work() {
    let root = site("build");
    let o = lockstep(&["catalog", "build", root.to_str().unwrap()]);
    let out = text(&o.stdout);
    // The malformed German line is an error: exit 1, and the rest of the file was converted.
    assert_eq!(o.status.code(), Some(1), "{out}{}", text(&o.stderr));
    for expected in [
        "strings/ui.de.env:3:1: error[catalog-syntax] de: not a KEY=value line",
        "strings/ui.he.env:3:1: warning[catalog-variable-missing] he: notice does not use $site-language",
        "strings/ui.ar.env:5:1: error[catalog-variable-unknown] ar: price uses $amount",
        "strings/ui.ar.env:4:1: warning[catalog-html-mismatch] ar: footer",
        "strings/ui.de.env:2:1: warning[catalog-untranslated] de: NAV_SEEDS is the same as in the source locale",
        "strings/ui.he.env:6:1: warning[catalog-untranslated] he: MASTODON",
        "strings/ui.en.env:7:1: warning[catalog-missing] de: MASTODON has no de value",
        "catalog/de/site.ftl (de): 6 messages, 6 new; 1 untranslated left out, 1 missing",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let de = read(&root, "catalog/de/site.ftl");
    assert!(de.contains("# NAV_HOME\nnav-home = Startseite\n"), "{de}");
    assert!(de.contains("notice = Du liest die { $site-language } Ausgabe von { -garden-club }"), "{de}");
    assert!(de.contains("footer = <b>{ -garden-club }</b> teilt Saatgut"), "HTML kept: {de}");
    assert!(de.contains("button-join = Dem Club beitreten"), "nested JSON keys: {de}");
    assert!(!de.contains("nav-seeds"), "the untranslated string is left out for Fluent's fallback: {de}");
    let en = read(&root, "catalog/en/site.ftl");
    assert!(en.contains("price = Membership costs $0, always"), "an escaped $ is text: {en}");
    assert!(en.starts_with("### UI strings (en)"), "{en}");

    // A second run changes nothing, byte for byte.
    let before: Vec<String> =
        ["en", "he", "de", "ar"].iter().map(|l| read(&root, &format!("catalog/{l}/site.ftl"))).collect();
    let again = text(&lockstep(&["catalog", "build", root.to_str().unwrap()]).stdout);
    let after: Vec<String> =
        ["en", "he", "de", "ar"].iter().map(|l| read(&root, &format!("catalog/{l}/site.ftl"))).collect();
    assert_eq!(before, after);
    assert!(again.contains("catalog/he/site.ftl (he): unchanged"), "{again}");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn building_into_hand_edited_catalogues_loses_nothing() {
    let root = site("merge");
    lockstep(&["catalog", "build", root.to_str().unwrap()]);
    let he = root.join("catalog/he/site.ftl");
    let edited = read(&root, "catalog/he/site.ftl")
        .replace("# NAV_HOME\nnav-home = בית\n", "# NAV_HOME: the first item of the menu\nnav-home = דף הבית\n")
        + "\n## Added by hand\n\n# Not from the UI strings\nhand-made = נכתב ביד\n";
    std::fs::write(&he, &edited).unwrap();
    // The source drops NAV_SEEDS and gains a key.
    let en = read(&root, "strings/ui.en.env").replace("NAV_SEEDS=\"Seed library\"\n", "") + "NAV_NEW=\"New\"\n";
    std::fs::write(root.join("strings/ui.en.env"), en).unwrap();
    std::fs::write(root.join("strings/ui.he.env"), read(&root, "strings/ui.he.env") + "NAV_NEW=\"חדש\"\n").unwrap();
    let o = lockstep(&["catalog", "build", root.to_str().unwrap()]);
    let out = text(&o.stdout);
    let merged = std::fs::read_to_string(&he).unwrap();
    for kept in [
        "# NAV_HOME: the first item of the menu\nnav-home = דף הבית\n",
        "## Added by hand",
        "# Not from the UI strings\nhand-made = נכתב ביד\n",
        "nav-seeds = ספריית זרעים",
    ] {
        assert!(merged.contains(kept), "lost {kept:?}:\n{merged}");
    }
    assert!(merged.contains("# NAV_NEW\nnav-new = חדש\n"), "{merged}");
    assert!(out.contains("info[catalog-source-differs] he: nav-home: the catalogue's value is kept"), "{out}");
    assert!(out.contains("info[catalog-obsolete] he: nav-seeds is no longer in the UI strings; kept"), "{out}");
    assert!(out.contains("info[catalog-obsolete] he: hand-made is no longer in the UI strings; kept"), "{out}");
    assert!(out.contains("2 obsolete kept"), "{out}");
    // And the merged file is stable.
    lockstep(&["catalog", "build", root.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&he).unwrap(), merged);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn check_finds_every_kind_of_problem_and_keeps_going() {
    let ftl = format!("{FIXTURES}/ftl");
    let o = lockstep(&["catalog", "check", &ftl, "--ftl", "."]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    for expected in [
        "he/app.ftl:9:1: error[catalog-syntax] he: Fluent syntax error",
        "he/app.ftl:2:1: error[catalog-variable-unknown] he: welcome uses $user",
        "he/app.ftl:2:1: warning[catalog-variable-missing] he: welcome does not use $name",
        "he/app.ftl:11:1: error[catalog-bidi-control] he: arrow",
        "he/app.ftl:10:1: warning[catalog-untranslated] he: compost",
        "he/app.ftl:11:1: info[catalog-obsolete] he: arrow",
        "ja/app.ftl:3:1: warning[catalog-plural-category] ja: seeds: ja has no plural category one",
        "8 findings (3 errors, 4 warnings, 1 notes) in 4 files",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(!out.contains("de/app.ftl:"), "the German file is clean: {out}");
    let v: Value =
        serde_json::from_slice(&lockstep(&["catalog", "check", &ftl, "--ftl", ".", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(v["source_locale"], "en");
    let he = v["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "he").unwrap();
    assert_eq!(he["counts"]["segments"]["untranslated"], 1);
    assert_eq!(he["direction"], "rtl");
    for (format, marker) in [
        ("sarif", "\"ruleId\": \"catalog-bidi-control\""),
        ("github", "::error file=he/app.ftl,line=11"),
        ("junit", "catalog-variable-unknown"),
        ("markdown", "## lockstep check"),
    ] {
        let o = lockstep(&["catalog", "check", &ftl, "--ftl", ".", "--format", format]);
        assert_eq!(o.status.code(), Some(1));
        assert!(text(&o.stdout).contains(marker), "{format}: {}", text(&o.stdout));
    }
}

#[test]
fn the_projects_own_interface_catalogue_passes() {
    let o = lockstep(&["catalog", "check", "--ftl", "locales", "--source-locale", "en-US"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    // `en` finds `en-US` when it is the only English.
    assert_eq!(lockstep(&["catalog", "check", "--ftl", "locales"]).status.code(), Some(0));
}

#[test]
fn labels_shows_renderings_and_inconsistencies() {
    let pages = format!("{FIXTURES}/pages");
    let o = lockstep(&["catalog", "labels", &pages, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let labels = v["labels"].as_array().unwrap();
    let homepage = labels.iter().find(|l| l["text"] == "Homepage").unwrap();
    assert_eq!(homepage["id"], "label-homepage");
    assert_eq!(homepage["count"], 3);
    let de = homepage["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "de").unwrap();
    assert_eq!(de["proposed"], "Startseite");
    assert_eq!(de["inconsistent"], true);
    assert_eq!(de["renderings"][0]["text"], "Startseite");
    assert_eq!(de["renderings"][0]["count"], 2);
    let downloads = labels.iter().find(|l| l["text"] == "Downloads").unwrap();
    let de = downloads["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "de").unwrap();
    assert_eq!(de["inconsistent"], false, "one translation, once left in English");
    let human = text(&lockstep(&["catalog", "labels", &pages, "--locale", "de"]).stdout);
    assert!(human.contains("2 different translations"), "{human}");
    assert!(!human.contains("fa "), "{human}");
    let fewer = lockstep(&["catalog", "labels", &pages, "--min-count", "4", "--format", "json"]);
    let v: Value = serde_json::from_slice(&fewer.stdout).unwrap();
    assert!(v["labels"].as_array().unwrap().is_empty());
}

#[test]
fn configuration_problems_exit_with_2() {
    let pages = format!("{FIXTURES}/pages");
    let o = lockstep(&["catalog", "build", &pages]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no UI strings configured"), "{}", text(&o.stderr));
    let o = lockstep(&["catalog", "check", &pages]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no file of the source locale en"), "{}", text(&o.stderr));
}
