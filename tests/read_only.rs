//! Reading commands change nothing: every file's bytes, modification time and permissions are
//! the same after `align`, `segments`, `status`, `check` in every format, `catalog check`,
//! `catalog labels`, `rules` and `explain` have run over the example site — and over the
//! shared snapshot when it is present beside the repository (the test says so when it runs).

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Bytes, modification time and permissions of every file below `root`.
fn state(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime, u32)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
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

fn run(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--lang", "en-US"])
        .args(args)
        .output()
        .expect("the binary runs");
    // Exit 0 or 1 (a gate or an error finding); 2 would be a usage or input error.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

const CHECK_FORMATS: [&str; 6] = ["human", "json", "sarif", "github", "markdown", "junit"];

/// Every reading command over `root`, whose English page `page` has a translation `translated`;
/// `check` in each of `formats`.
fn read_everything(root: &str, page: &str, translated: &str, formats: &[&str]) {
    for format in formats {
        run(&["check", root, "--format", format]);
    }
    run(&["status", root, "--pages"]);
    run(&["align", page, translated, "--format", "json"]);
    run(&["align", page, translated]);
    run(&["segments", translated]);
    run(&["catalog", "check", "--ftl", "locales", "--source-locale", "en-US"]);
    run(&["catalog", "labels", root]);
    run(&["rules"]);
    run(&["explain", "bidi-control-dangerous"]);
}

#[test]
fn reading_commands_change_no_file_of_the_example_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let before = (state(&root.join("examples")), state(&root.join("locales")));
    read_everything("examples/site", "examples/site/docs/about.md", "examples/site/i18n/he/about.md", &CHECK_FORMATS);
    let after = (state(&root.join("examples")), state(&root.join("locales")));
    assert!(!before.0.is_empty());
    assert!(before == after, "a reading command changed a file of examples/ or locales/");
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
    let page = "../shared/corpus/snapshot/docs/index.md";
    let translated = "../shared/corpus/snapshot/i18n/he/index.md";
    // One format: the formats only differ in how the same report is written (tested above).
    read_everything("../shared/corpus/snapshot", page, translated, &["sarif"]);
    assert!(before == state(&snapshot), "a reading command changed a file of the snapshot");
}
