//! Reading commands change nothing: every file's and folder's bytes, modification time and
//! permissions are the same after `align` and `segments` (both formats), `status` (every
//! format, with and without `--pages`), `check` in every format, `report` into a temporary
//! folder, `catalog check` (every format), `catalog labels`, `rules` and `explain` have run
//! over the example site and the catalogue fixtures — and over the shared snapshot when it is
//! present beside the repository (the test says so when it runs). A temporary or stray file
//! made and removed again would still change a folder's modification time.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Bytes (none for a folder), modification time and permissions of `root` and of every file
/// and folder below it.
fn state(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime, u32)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let meta = std::fs::symlink_metadata(&dir).expect("metadata");
        out.insert(dir.clone(), (Vec::new(), meta.modified().expect("mtime"), meta.permissions().mode()));
        for e in std::fs::read_dir(&dir).expect("readable fixture folder") {
            let p = e.expect("entry").path();
            let meta = std::fs::symlink_metadata(&p).expect("metadata");
            if meta.is_dir() {
                stack.push(p);
            } else if meta.is_file() {
                let bytes = std::fs::read(&p).expect("readable fixture file");
                out.insert(p, (bytes, meta.modified().expect("mtime"), meta.permissions().mode()));
            }
        }
    }
    out
}

/// Runs lockstep from the repository root and checks its exit code is one of `codes`.
fn run_expecting(args: &[String], codes: &[i32]) {
    let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--lang", "en-US"])
        .args(args)
        .output()
        .expect("the binary runs");
    let code = out.status.code().unwrap_or(-1);
    assert!(codes.contains(&code), "{args:?} exited with {code}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Runs every command of `commands` (exit 0 or 1: a gate or an error finding; 2 would be a
/// usage or input error), two at a time.
fn run_all(commands: &[Vec<String>]) {
    let (even, odd): (Vec<_>, Vec<_>) = commands.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    std::thread::scope(|s| {
        for half in [even, odd] {
            s.spawn(move || {
                for (_, args) in half {
                    run_expecting(args, &[0, 1]);
                }
            });
        }
    });
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| (*s).to_owned()).collect()
}

const CHECK_FORMATS: [&str; 6] = ["human", "json", "sarif", "github", "markdown", "junit"];
const STATUS_FORMATS: [&str; 3] = ["human", "json", "markdown"];

/// Every reading command over the site `root` (restricted to `locale` when given, except for
/// one full `check`), whose English page `page` has a translation `translated`. The report
/// goes to `out`, outside every tree whose state is compared.
fn read_everything(root: &str, locale: Option<&str>, page: &str, translated: &str, out: &Path) -> Vec<Vec<String>> {
    let only: Vec<&str> = locale.map(|l| vec!["--locale", l]).unwrap_or_default();
    let site = |a: &[&str]| {
        let mut v = args(a);
        v.push(root.to_owned());
        v.extend(only.iter().map(|s| (*s).to_owned()));
        v
    };
    let mut commands = vec![args(&["check", root, "--format", "sarif"])];
    for format in CHECK_FORMATS {
        commands.push(site(&["check", "--format", format]));
    }
    for format in STATUS_FORMATS {
        commands.push(site(&["status", "--format", format]));
        commands.push(site(&["status", "--pages", "--format", format]));
    }
    let mut report = site(&["report", "--out"]);
    report.insert(2, out.display().to_string());
    commands.push(report);
    commands.push(site(&["catalog", "labels"]));
    commands.push(site(&["catalog", "labels", "--format", "json"]));
    for format in ["human", "json"] {
        commands.push(args(&["align", page, translated, "--format", format]));
        commands.push(args(&["segments", translated, "--format", format]));
    }
    commands
}

/// The commands that read no site: the rule registry and every rule's documentation.
fn rules_and_explain() -> Vec<Vec<String>> {
    let listing = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(["rules", "--format", "json"])
        .output()
        .expect("the binary runs");
    let rules: serde_json::Value = serde_json::from_slice(&listing.stdout).expect("JSON rule list");
    let ids: Vec<String> = rules
        .as_array()
        .or_else(|| rules["rules"].as_array())
        .expect("a list of rules")
        .iter()
        .map(|r| r["id"].as_str().expect("an id").to_owned())
        .collect();
    assert!(ids.len() > 20, "{ids:?}");
    let mut commands: Vec<Vec<String>> =
        ["human", "json", "markdown"].iter().map(|f| args(&["rules", "--format", f])).collect();
    commands.extend(ids.iter().map(|id| args(&["explain", id])));
    commands
}

/// A fresh folder for a report, outside the trees compared.
fn report_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lockstep-read-only-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn reading_commands_change_no_file_of_the_example_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let trees = [root.join("examples"), root.join("locales"), root.join("tests/fixtures")];
    let before: Vec<_> = trees.iter().map(|t| state(t)).collect();
    let out = report_folder("example");
    let mut commands =
        read_everything("examples/site", None, "examples/site/docs/about.md", "examples/site/i18n/he/about.md", &out);
    for format in CHECK_FORMATS {
        commands.push(args(&["catalog", "check", "--ftl", "locales", "--source-locale", "en-US", "--format", format]));
        commands.push(args(&["catalog", "check", "tests/fixtures/catalog", "--ftl", "ftl", "--format", format]));
    }
    commands.push(args(&["catalog", "labels", "tests/fixtures/catalog/pages"]));
    commands.extend(rules_and_explain());
    run_all(&commands);
    assert!(out.join("index.html").is_file(), "the report was written to its own folder");
    let after: Vec<_> = trees.iter().map(|t| state(t)).collect();
    assert!(!before[0].is_empty());
    for ((tree, b), a) in trees.iter().zip(&before).zip(&after) {
        assert!(b == a, "a reading command changed a file or folder of {}", tree.display());
    }
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn reading_commands_change_no_file_of_the_shared_snapshot() {
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/snapshot");
    if !snapshot.is_dir() {
        eprintln!("SKIPPED: ../shared/corpus/snapshot is not beside the repository");
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have the shared snapshot");
        return;
    }
    eprintln!("RAN over ../shared/corpus/snapshot");
    let before = state(&snapshot);
    let out = report_folder("snapshot");
    let root = "../shared/corpus/snapshot";
    let page = "../shared/corpus/snapshot/docs/index.md";
    let translated = "../shared/corpus/snapshot/i18n/he/index.md";
    // One full check of every locale; the other commands over one locale, to keep the time of
    // a debug build reasonable (the formats only differ in how the same report is written).
    run_all(&read_everything(root, Some("he"), page, translated, &out));
    // The snapshot has UI strings but no Fluent catalogue: `catalog check` finds none (exit 2),
    // and still writes nothing.
    run_expecting(&args(&["catalog", "check", root]), &[2]);
    assert!(out.join("index.html").is_file(), "the report was written to its own folder");
    assert!(before == state(&snapshot), "a reading command changed a file or folder of the snapshot");
    std::fs::remove_dir_all(out).unwrap();
}
