//! End-to-end tests of the site commands: `status`, `check` (formats, gates, exit codes) and
//! `init`, on the example site and on small sites written here.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;

use common::{lockstep, path, scratch, text, write_file};

/// A small site of its own: English `docs/`, Hebrew `i18n/he/`.
fn site(name: &str, config: Option<&str>) -> PathBuf {
    let root = scratch("cli-site", name);
    let write = |rel: &str, body: &str| write_file(&root, rel, body);
    write("docs/keys.md", "# Keys\n\nUse two hardware keys.\n\nKeep one of them at home.\n");
    write("i18n/he/keys.md", "# מפתחות\n\nהשתמשו בשני מפתחות חומרה.\n\nKeep one of them at home.\n");
    write("docs/new.md", "# New page\n\nNobody translated this yet.\n");
    if let Some(c) = config {
        write("lockstep.toml", c);
    }
    root
}

#[test]
fn status_of_the_example_site_finds_both_locales() {
    let o = lockstep(&["status", "examples/site", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let locales: Vec<&str> = v["locales"].as_array().unwrap().iter().map(|l| l["locale"].as_str().unwrap()).collect();
    assert_eq!(locales, ["ar", "de", "he"]);
    let he = &v["locales"][2];
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

#[test]
fn a_stamp_is_the_base_of_later_checks() {
    let root = site("stamp", None);
    let stale_count = |root: &Path| -> usize {
        let v: Value = serde_json::from_slice(&lockstep(&["check", path(root), "--format", "json"]).stdout).unwrap();
        v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "stale").count()
    };
    assert_eq!(stale_count(&root), 0, "without a base nothing is stale");
    let o = lockstep(&["stamp", "--root", path(&root), path(&root.join("i18n/he/keys.md"))]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lock = std::fs::read_to_string(root.join("lockstep.lock")).unwrap();
    assert!(lock.contains("translation = \"i18n/he/keys.md\"") && lock.contains("sha256:"), "{lock}");
    assert_eq!(stale_count(&root), 0, "the source has not changed since the stamp");
    std::fs::write(
        root.join("docs/keys.md"),
        "# Keys\n\nUse two hardware security keys.\n\nKeep one of them at home.\n",
    )
    .unwrap();
    assert_eq!(stale_count(&root), 1, "exactly the changed block is stale");
    let v: Value = serde_json::from_slice(&lockstep(&["check", path(&root), "--format", "json"]).stdout).unwrap();
    let page = v["pages"].as_array().unwrap().iter().find(|p| p["page"] == "keys.md").unwrap();
    assert_eq!(page["base"]["kind"], "marker");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_front_matter_stamp_changes_nothing_else_in_the_page() {
    let root = site("stamp-fm", None);
    let page = root.join("i18n/he/keys.md");
    let before = "---\ntitle: \"מפתחות\"\n---\n\n# מפתחות\n\r\nשורה עם רווח בסוף \n";
    std::fs::write(&page, before).unwrap();
    let o = lockstep(&["stamp", "--front-matter", "--root", path(&root), path(&page)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let after = std::fs::read_to_string(&page).unwrap();
    let (value_line, rest) = {
        let start = after.find("lockstep-base: ").unwrap();
        let end = start + after[start..].find('\n').unwrap() + 1;
        (after[start..end].to_owned(), format!("{}{}", &after[..start], &after[end..]))
    };
    assert!(value_line.starts_with("lockstep-base: sha256:"), "{value_line}");
    assert_eq!(rest, before, "every other byte is unchanged");
    assert!(!root.join("lockstep.lock").exists());
    std::fs::remove_dir_all(root).unwrap();
}

/// The page histories of the shared corpus as a git repository (or two with `--split`: `en/`
/// and `i18n/`), when the corpus is there.
fn history_repo(name: &str) -> Option<PathBuf> {
    history_repo_with(name, &[])
}

fn history_repo_with(name: &str, flags: &[&str]) -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/history/build-repo.sh");
    if !script.is_file() {
        eprintln!("SKIPPED: the page histories were not found at {}", script.display());
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI must run the history tests");
        return None;
    }
    let out = std::env::temp_dir().join(format!("lockstep-history-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let ok = Command::new("bash").arg(&script).args(flags).arg(&out).output().expect("bash runs").status.success();
    assert!(ok, "build-repo.sh failed");
    eprintln!("history fixture built at {}", out.display());
    Some(out)
}

#[test]
fn bases_come_from_the_git_history() {
    let Some(repo) = history_repo("bases") else { return };
    true_bases_are_found(&repo);
    std::fs::remove_dir_all(repo).unwrap();
}

#[test]
fn bases_come_from_a_separate_source_repository() {
    let Some(repos) = history_repo_with("split", &["--split"]) else { return };
    std::fs::write(
        repos.join("i18n/lockstep.toml"),
        "source-root = \"../en\"\nsource = \"docs/{path}\"\ntranslation = \"i18n/{locale}/{path}\"\n",
    )
    .unwrap();
    true_bases_are_found(&repos.join("i18n"));
    std::fs::remove_dir_all(repos).unwrap();
}

/// Every page of the history fixture's site has a git base, and for the newest exports with a
/// truth it is the true English revision.
fn true_bases_are_found(repo: &Path) {
    let o = lockstep(&["status", path(repo), "--pages", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let history = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/history");
    let mut checked = 0;
    for p in v["pages"].as_array().unwrap() {
        let (locale, page) = (p["locale"].as_str().unwrap(), p["page"].as_str().unwrap());
        assert_eq!(p["base"]["kind"], "git", "{locale} {page}");
        let log: Value =
            serde_json::from_str(&std::fs::read_to_string(history.join(locale).join(page).join("log.json")).unwrap())
                .unwrap();
        let newest = log.as_array().unwrap().iter().find(|e| e["newest"] == true).unwrap();
        let Some(n) = newest["en_n"].as_u64() else { continue };
        let en: Value =
            serde_json::from_str(&std::fs::read_to_string(history.join("en").join(page).join("log.json")).unwrap())
                .unwrap();
        let truth = en.as_array().unwrap().iter().find(|e| e["n"].as_u64() == Some(n)).unwrap();
        assert_eq!(p["base"]["date"], truth["commit_date"], "{locale} {page}: the base is the true English revision");
        checked += 1;
    }
    assert!(checked >= 10, "{checked} pages checked");
}

#[test]
fn a_shallow_clone_says_why_staleness_is_unavailable() {
    let Some(repo) = history_repo("shallow") else { return };
    let shallow = repo.with_extension("shallow");
    let _ = std::fs::remove_dir_all(&shallow);
    let url = format!("file://{}", repo.display());
    let ok = Command::new("git").args(["clone", "-q", "--depth", "1", &url, path(&shallow)]).status().unwrap();
    assert!(ok.success());
    let o = lockstep(&["check", path(&shallow)]);
    assert_ne!(o.status.code(), Some(2), "a shallow clone is a notice, not an error: {}", text(&o.stderr));
    assert!(text(&o.stderr).contains("fetch-depth: 0"), "{}", text(&o.stderr));
    for dir in [repo, shallow] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}
