//! End-to-end tests of the site commands: `status`, `check` (formats, gates, exit codes) and
//! `init`, on the example site and on small sites written here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn lockstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LOCKSTEP_LANG", "en-US")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A small site of its own: English `docs/`, Hebrew `i18n/he/`.
fn site(name: &str, config: Option<&str>) -> PathBuf {
    let root = std::env::temp_dir().join(format!("lockstep-cli-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let write = |rel: &str, body: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    };
    write("docs/keys.md", "# Keys\n\nUse two hardware keys.\n\nKeep one of them at home.\n");
    write("i18n/he/keys.md", "# מפתחות\n\nהשתמשו בשני מפתחות חומרה.\n\nKeep one of them at home.\n");
    write("docs/new.md", "# New page\n\nNobody translated this yet.\n");
    if let Some(c) = config {
        write("lockstep.toml", c);
    }
    root
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn status_of_the_example_site_finds_both_locales() {
    let o = lockstep(&["status", "examples/site", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let locales: Vec<&str> = v["locales"].as_array().unwrap().iter().map(|l| l["locale"].as_str().unwrap()).collect();
    assert_eq!(locales, ["de", "he"]);
    let he = &v["locales"][1];
    assert_eq!(he["direction"], "rtl");
    assert!(he["coverage"].as_f64().unwrap() > 0.0);
    let human = text(&lockstep(&["status", "examples/site", "--pages"]).stdout);
    assert!(human.contains("password-managers.md") && human.contains('%'), "{human}");
    assert!(human.contains("not counted"), "the verbatim footnote: {human}");
}

#[test]
fn check_exit_codes_follow_the_gates() {
    let lenient = site("lenient", Some("[gates]\nmin-coverage = 10\n[locale.he]\ngates = { min-coverage = 10 }\n"));
    let o = lockstep(&["check", path(&lenient)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    let strict = site("strict", Some("[gates]\nmin-coverage = 90\n"));
    let o = lockstep(&["check", path(&strict)]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("min-coverage FAILED"), "{}", text(&o.stdout));
    let errors = site("errors", Some("[rules]\nuntranslated = \"error\"\n"));
    assert_eq!(lockstep(&["check", path(&errors)]).status.code(), Some(1));
    for dir in [lenient, strict, errors] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn a_misspelt_config_key_is_exit_2_naming_the_key() {
    let root = site("typo", Some("[gates]\nmin-coverge = 80\n"));
    let o = lockstep(&["check", path(&root)]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("min-coverge") && err.contains("lockstep.toml"), "{err}");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn check_formats() {
    let root = site("formats", None);
    let json: Value = serde_json::from_slice(&lockstep(&["check", path(&root), "--format", "json"]).stdout).unwrap();
    let rules: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"untranslated") && rules.contains(&"missing"), "{rules:?}");
    let md = text(&lockstep(&["check", path(&root), "--format", "markdown"]).stdout);
    assert!(md.starts_with("## lockstep check") && md.contains("| he |"), "{md}");
    let status_md = text(&lockstep(&["status", path(&root), "--format", "markdown"]).stdout);
    assert!(status_md.contains("| Locale |") && status_md.contains("new.md"), "{status_md}");
    for format in ["sarif", "github", "junit"] {
        let o = lockstep(&["check", path(&root), "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", text(&o.stderr));
    }
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn an_unreadable_translation_is_exit_2_and_the_rest_is_still_checked() {
    let root = site("bad", None);
    std::fs::write(root.join("i18n/he/new.md"), b"# \xFF\n").unwrap();
    let o = lockstep(&["check", path(&root), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("new.md:1:3: invalid UTF-8"), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["pages"].as_array().unwrap().iter().any(|p| p["page"] == "keys.md"), "keys.md was still checked");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn init_writes_a_config_that_check_accepts_and_refuses_to_overwrite() {
    let root = site("init", None);
    let o = lockstep(&["init", path(&root)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(root.join("lockstep.toml")).unwrap();
    assert!(written.contains("translation = \"i18n/{locale}/{path}\""), "{written}");
    assert_eq!(lockstep(&["init", path(&root)]).status.code(), Some(2));
    assert_eq!(lockstep(&["check", path(&root)]).status.code(), Some(0));
    std::fs::remove_dir_all(root).unwrap();
}
