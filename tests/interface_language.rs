//! lockstep's own interface language through the binary: how it is chosen (`--lang`, then the
//! POSIX variables), Hebrew output in which English file names and numbers stay readable, and
//! the project's own catalogues passing `lockstep catalog check`.

use std::path::Path;
use std::process::{Command, Output};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// The binary from the repository root with no language in its environment but `vars`.
fn lockstep(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lockstep"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    for var in ["LOCKSTEP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.envs(vars.iter().copied()).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}

/// `s` wrapped in Unicode isolates, as Fluent wraps a placeable in a right-to-left language.
fn isolated(s: &str) -> String {
    format!("{FSI}{s}{PDI}")
}

const ENGLISH_FOOTER: &str = "`lockstep explain RULE` prints a rule's documentation";
const HEBREW_FOOTER: &str = "`lockstep explain RULE` מציג את התיעוד של כלל";

/// The language `lockstep rules` answers in.
fn language(args: &[&str], vars: &[(&str, &str)]) -> &'static str {
    let mut all = vec!["rules"];
    all.extend_from_slice(args);
    let out = stdout(&lockstep(&all, vars));
    match (out.contains(ENGLISH_FOOTER), out.contains(HEBREW_FOOTER)) {
        (true, false) => "en",
        (false, true) => "he",
        _ => panic!("neither language, or both: {out}"),
    }
}

#[test]
fn lang_then_lc_all_then_lc_messages_then_lang() {
    assert_eq!(language(&[], &[]), "en", "nothing set: English");
    assert_eq!(language(&[], &[("LANG", "he_IL.UTF-8")]), "he");
    assert_eq!(language(&[], &[("LC_MESSAGES", "he_IL.UTF-8"), ("LANG", "en_US.UTF-8")]), "he");
    assert_eq!(language(&[], &[("LC_ALL", "he_IL.UTF-8"), ("LC_MESSAGES", "C"), ("LANG", "C")]), "he");
    assert_eq!(language(&[], &[("LC_ALL", "C.UTF-8"), ("LANG", "he_IL.UTF-8")]), "en", "C is English");
    assert_eq!(language(&[], &[("LC_ALL", ""), ("LANG", "he_IL.UTF-8")]), "he", "empty counts as unset");
    assert_eq!(language(&["--lang", "en-US"], &[("LC_ALL", "he_IL.UTF-8")]), "en");
    assert_eq!(language(&["--lang", "he"], &[("LC_ALL", "en_US.UTF-8")]), "he");
    assert_eq!(language(&[], &[("LOCKSTEP_LANG", "he"), ("LC_ALL", "en_US.UTF-8")]), "he", "the env of --lang");
    assert_eq!(language(&["--lang", "en-US"], &[("LOCKSTEP_LANG", "he")]), "en", "the flag beats its env");
}

#[test]
fn a_language_lockstep_does_not_speak_falls_back_to_english_with_a_note() {
    let out = lockstep(&["rules", "--lang", "fr"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(ENGLISH_FOOTER));
    assert!(stderr(&out).contains("note: lockstep's messages are not available in fr; they are in en-US, he"));
    // From the environment, a language without a translation is simply English.
    let out = lockstep(&["rules"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(stdout(&out).contains(ENGLISH_FOOTER) && stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn hebrew_check_keeps_english_file_names_and_numbers_readable() {
    let out = lockstep(&["--lang", "he", "check", "examples/site"], &[]);
    assert_eq!(out.status.code(), Some(1), "Arabic fails a gate, whatever the language");
    let text = stdout(&out);
    // A finding: the file name and position first, as in English, then the level and the
    // message in Hebrew; the message is isolated as a whole and its line number inside it.
    let finding = format!(
        "examples/site/i18n/he/about.md:33:1: אזהרה[untranslated] he: {FSI}עדיין בשפת המקור (שורה {} במקור){PDI}",
        isolated("32")
    );
    assert!(text.contains(&finding), "{text}");
    // A partial translation quotes the English sentence left in it, isolated inside the message.
    let partial = format!(
        "examples/site/i18n/he/about.md:13:1: אזהרה[partial-translation] he: {FSI}מתורגם בחלקו: „{}” עדיין בשפת המקור (שורה {} במקור){PDI}",
        isolated("No page on this site contains affiliate links."),
        isolated("13")
    );
    assert!(text.contains(&partial), "{text}");
    assert!(text.contains(&format!(
        "{}: התנאי {} נכשל ({} מול {})",
        isolated("ar"),
        isolated("max-untranslated"),
        isolated("5"),
        isolated("3")
    )));
    assert!(text.contains(&format!("{FSI}{} ממצאים{PDI}", isolated("46"))), "{text}");
    assert!(text.contains(&format!("{FSI}ב־{} דפים{PDI}", isolated("6"))), "{text}");
    // Every isolate is closed, on every line.
    for line in text.lines() {
        assert_eq!(line.matches(FSI).count(), line.matches(PDI).count(), "{line}");
    }
}

#[test]
fn english_messages_have_no_isolation_marks() {
    let out = lockstep(&["check", "examples/site"], &[("LANG", "en_US.UTF-8")]);
    let text = stdout(&out);
    assert!(text.contains("ar: gate max-untranslated FAILED (5 against 3)"), "{text}");
    assert!(text.contains("46 findings (0 errors, 33 warnings, 13 notes) in 6 pages"), "{text}");
    // Only the excerpts of right-to-left pages are isolated (after a finding's message, or as
    // the annotated line under it), never a message.
    for line in text.lines().filter(|l| !l.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '|')) {
        let message = line.split("  \u{2068}").next().unwrap_or(line);
        assert!(!message.contains([FSI, PDI]), "{line}");
    }
}

#[test]
fn hebrew_errors_name_the_file_in_isolation() {
    let out = lockstep(&["--lang", "he", "check", "no/such/site"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim_end(), format!("שגיאה: לא נמצאו דפים מתורגמים תחת {}", isolated("no/such/site")));
}

#[test]
fn machine_formats_stay_english_in_a_hebrew_interface() {
    let out = lockstep(&["--lang", "he", "check", "examples/site", "--format", "json"], &[]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = report["findings"][0]["message"].as_str().unwrap();
    assert!(first.is_ascii() && !first.is_empty(), "{first}");
    let out = lockstep(&["--lang", "he", "check", "examples/site", "--format", "github"], &[]);
    assert!(stdout(&out).contains("::error title=lockstep gate::ar: max-untranslated 3 not met (actual 5)"));
    let out = lockstep(&["--lang", "he", "check", "examples/site", "--format", "markdown"], &[]);
    assert!(stdout(&out).contains("## בדיקת lockstep: ❌ נכשלה"), "Markdown is read by people");
}

#[test]
fn hebrew_help() {
    let out = lockstep(&["--lang", "he", "check", "--help"], &[]);
    let text = stdout(&out);
    assert!(text.starts_with("כל הממצאים באתר שלם"), "{text}");
    assert!(text.contains("שימוש: lockstep check [OPTIONS] [ROOT]"), "{text}");
    assert!(text.contains("[ROOT]  תיקיית השורש של האתר"), "{text}");
    assert!(text.contains("אפשרויות:"), "{text}");
}

#[test]
fn the_projects_own_catalogues_pass_catalog_check() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    assert!(locales.join("he/lockstep.ftl").is_file());
    let args = ["catalog", "check", "--ftl", "locales", "--source-locale", "en-US", "--format", "json"];
    let out = lockstep(&args, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["findings"], serde_json::json!([]), "every finding is a defect of locales/");
    let locales: Vec<&str> =
        report["locales"].as_array().unwrap().iter().filter_map(|l| l["locale"].as_str()).collect();
    assert_eq!(locales, ["he"]);
}
