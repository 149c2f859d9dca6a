//! End-to-end tests of the `lockstep` binary: arguments, exit codes, output formats and bad
//! input, run the way a user or CI runs it (a child process with piped output).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const STATUSES: [&str; 6] = ["translated", "untranslated", "partial", "stale", "missing", "obsolete"];

/// The example pages, relative to the crate root (tests run there).
const PAGE_SOURCE: &str = "examples/site/docs/password-managers.md";
const PAGE_TRANSLATION: &str = "examples/site/i18n/he/password-managers.md";
const PAGE_BASE: &str = "examples/site/base/password-managers.md";

/// The binary, with an environment that does not depend on the machine running the tests.
fn lockstep() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lockstep"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LOCKSTEP_LANG", "en-US")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn run(args: &[&str]) -> Output {
    lockstep().args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn json(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

/// A directory of its own under the system's temporary directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("lockstep-cli-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("temporary file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Checks the shape of every pair of SPEC §3.1 and returns the statuses of each pair.
fn check_pairs(doc: &Value) -> Vec<Vec<String>> {
    assert!(doc["schema_version"].is_u64(), "schema_version missing: {doc}");
    let pairs = doc["pairs"].as_array().expect("pairs is an array");
    assert!(!pairs.is_empty(), "no pairs");
    pairs
        .iter()
        .map(|p| {
            let status: Vec<String> = match &p["status"] {
                Value::String(s) => vec![s.clone()],
                Value::Array(list) => {
                    assert!(!list.is_empty(), "empty status list: {p}");
                    list.iter().map(|s| s.as_str().expect("status names are strings").to_owned()).collect()
                }
                other => panic!("status is neither a string nor a list: {other}"),
            };
            for s in &status {
                assert!(STATUSES.contains(&s.as_str()), "unknown status {s}");
            }
            for side in ["source_lines", "translation_lines"] {
                match &p[side] {
                    Value::Null => {}
                    Value::Array(r) => {
                        assert_eq!(r.len(), 2, "{side} is not a pair of lines: {p}");
                        let (a, b) = (r[0].as_u64().expect("line"), r[1].as_u64().expect("line"));
                        assert!(1 <= a && a <= b, "{side} is not a 1-based inclusive range: {p}");
                    }
                    other => panic!("{side} is neither null nor a range: {other}"),
                }
            }
            assert!(!(p["source_lines"].is_null() && p["translation_lines"].is_null()), "empty pair: {p}");
            status
        })
        .collect()
}

#[test]
fn align_json_on_the_example_with_base_shows_stale_with_diffs() {
    let doc = json(&run(&["align", PAGE_SOURCE, PAGE_TRANSLATION, "--base", PAGE_BASE, "--format", "json"]));
    assert_eq!(doc["locale"], "he", "the locale is guessed from i18n/he/");
    assert_eq!(doc["base"]["kind"], "file");
    let statuses = check_pairs(&doc);
    let pairs = doc["pairs"].as_array().unwrap();
    let mut stale = 0;
    for (p, status) in pairs.iter().zip(&statuses) {
        if status.iter().any(|s| s == "stale") {
            stale += 1;
            let diff = p["diff"].as_array().expect("a stale pair carries a diff");
            assert!(diff.iter().any(|op| op[0] == "insert" || op[0] == "delete"), "diff without a change: {p}");
        }
    }
    assert!(stale > 0, "the example has stale blocks when the base is given");
    for wanted in STATUSES {
        assert!(statuses.iter().flatten().any(|s| s == wanted), "the example shows no {wanted} pair");
    }
}

#[test]
fn align_json_without_base_has_no_stale_pair() {
    let doc = json(&run(&["align", PAGE_SOURCE, PAGE_TRANSLATION, "--format", "json"]));
    assert_eq!(doc["base"]["kind"], "none");
    for (p, status) in doc["pairs"].as_array().unwrap().iter().zip(check_pairs(&doc)) {
        assert!(!status.iter().any(|s| s == "stale"), "stale without a base: {p}");
        assert!(p.get("diff").is_none(), "diff without a base: {p}");
    }
}

#[test]
fn every_example_page_aligns() {
    for (source, translation, base) in [
        ("examples/site/docs/about.md", "examples/site/i18n/he/about.md", "examples/site/base/about.md"),
        ("examples/site/docs/about.md", "examples/site/i18n/de/about.md", "examples/site/base/about.md"),
    ] {
        let doc = json(&run(&["align", source, translation, "--base", base, "--format", "json"]));
        let statuses = check_pairs(&doc);
        assert!(statuses.iter().flatten().any(|s| s == "stale"), "{translation}: no stale pair");
    }
}

#[test]
fn human_output_ends_with_the_summary() {
    let out = run(&["align", PAGE_SOURCE, PAGE_TRANSLATION, "--base", PAGE_BASE]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let summary = text
        .lines()
        .find(|l| l.contains(" pairs: ") && l.contains(" translated, ") && l.contains(" obsolete"))
        .unwrap_or_else(|| panic!("no summary line in:\n{text}"));
    for status in STATUSES {
        assert!(summary.contains(status), "summary lacks {status}: {summary}");
    }
    assert!(text.contains("base: examples/site/base/password-managers.md"), "{text}");
}

#[test]
fn invalid_utf8_is_an_input_error_naming_file_line_and_column() {
    let dir = Scratch::new("utf8");
    let bad = dir.write("bad.md", b"# Title\n\nab\xFFcd\n");
    let good = dir.write("good.md", b"# Title\n");
    let out = run(&["align", path_str(&good), path_str(&bad), "--locale", "he"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:3:3", bad.display())), "stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout after an input error");
}

#[test]
fn binary_file_is_an_input_error_naming_the_file() {
    let dir = Scratch::new("binary");
    let bin = dir.write("logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let good = dir.write("good.md", b"# Title\n");
    let out = run(&["align", path_str(&bin), path_str(&good), "--locale", "he"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&bin.display().to_string()) && err.contains("binary"), "stderr: {err}");
}

#[test]
fn missing_file_is_an_input_error_naming_the_file() {
    let dir = Scratch::new("missing");
    let good = dir.write("good.md", b"# Title\n");
    let absent = dir.0.join("no-such-page.md");
    for args in [
        vec!["align", path_str(&good), path_str(&absent), "--locale", "he"],
        vec!["align", path_str(&good), path_str(&good), "--base", path_str(&absent), "--locale", "he"],
        vec!["segments", path_str(&absent)],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(&absent.display().to_string()), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn usage_error_exits_with_2() {
    let out = run(&["align", PAGE_SOURCE]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["align", PAGE_SOURCE, PAGE_TRANSLATION, "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bom_and_crlf_give_the_same_pairs() {
    let dir = Scratch::new("crlf");
    let windows = |path: &str| -> Vec<u8> {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(text.replace('\n', "\r\n").into_bytes());
        bytes
    };
    let source = dir.write("source.md", &windows(PAGE_SOURCE));
    let translation = dir.write("translation.md", &windows(PAGE_TRANSLATION));
    let base = dir.write("base.md", &windows(PAGE_BASE));
    let lf = json(&run(&["align", PAGE_SOURCE, PAGE_TRANSLATION, "--base", PAGE_BASE, "--format", "json"]));
    let crlf = json(&run(&[
        "align",
        path_str(&source),
        path_str(&translation),
        "--base",
        path_str(&base),
        "--locale",
        "he",
        "--format",
        "json",
    ]));
    assert_eq!(lf["pairs"], crlf["pairs"]);
}

#[test]
fn empty_pages_are_fine() {
    let dir = Scratch::new("empty");
    let empty = dir.write("empty.md", b"");
    let page = dir.write("page.md", b"# Title\n\nSome text.\n");
    for (s, t) in [(&empty, &empty), (&page, &empty), (&empty, &page)] {
        let out = run(&["align", path_str(s), path_str(t), "--locale", "he", "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert!(doc["pairs"].is_array());
        let out = run(&["align", path_str(s), path_str(t), "--locale", "he"]);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    }
    let doc = json(&run(&["segments", path_str(&empty), "--format", "json"]));
    assert_eq!(doc["segments"], Value::Array(Vec::new()));
}

#[test]
fn segments_json_lists_ordered_segments() {
    let doc = json(&run(&["segments", PAGE_SOURCE, "--format", "json"]));
    assert!(doc["schema_version"].is_u64());
    let line_count = doc["line_count"].as_u64().expect("line_count");
    let segments = doc["segments"].as_array().expect("segments");
    assert!(!segments.is_empty());
    let mut previous_end = 0;
    for s in segments {
        assert!(s["kind"].is_string(), "{s}");
        let (a, b) = (s["lines"][0].as_u64().unwrap(), s["lines"][1].as_u64().unwrap());
        assert!(previous_end < a && a <= b && b <= line_count, "segments overlap or leave the page: {s}");
        previous_end = b;
    }
    assert!(segments.iter().any(|s| s["kind"] == "code"));
    assert!(segments.iter().any(|s| s["kind"] == "footnote"));
    let human = run(&["segments", PAGE_SOURCE]);
    assert_eq!(human.status.code(), Some(0));
    assert!(stdout(&human).contains("heading-1"));
}

#[test]
fn no_colour_when_piped_or_with_no_color() {
    let args = ["align", PAGE_SOURCE, PAGE_TRANSLATION, "--base", PAGE_BASE];
    let forced = lockstep().args(args).env("CLICOLOR_FORCE", "1").output().unwrap();
    assert!(stdout(&forced).contains("\x1b["), "CLICOLOR_FORCE should colour, or this test proves nothing");
    let piped = run(&args);
    assert!(!stdout(&piped).contains("\x1b["), "escape codes in piped output");
    let no_color = lockstep().args(args).env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1").output().unwrap();
    assert!(!stdout(&no_color).contains("\x1b["), "NO_COLOR is not respected");
    assert_eq!(stdout(&no_color), stdout(&piped));
}

#[test]
fn closed_pipe_ends_quietly() {
    // More output than a pipe buffers, so that the writer meets the closed end.
    let dir = Scratch::new("pipe");
    let page: String = (0..4000).map(|i| format!("Paragraph number {i} says something different.\n\n")).collect();
    let page = dir.write("page.md", page.as_bytes());
    let mut child = lockstep()
        .args(["align", path_str(&page), path_str(&page), "--locale", "he"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    // The reader (and so the pipe's read end) is dropped here.
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert_eq!(status.code(), Some(0), "stderr: {err}");
}

#[test]
fn readme_usage_block_is_align_help() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("<!-- align-help -->").expect("README has <!-- align-help -->");
    let end = readme.find("<!-- /align-help -->").expect("README has <!-- /align-help -->");
    let block = &readme[start..end];
    let body = block
        .split_once("```text\n")
        .and_then(|(_, rest)| rest.rsplit_once("```"))
        .map(|(body, _)| body)
        .expect("a ```text fence between the markers");
    let help = stdout(&run(&["align", "--help"]));
    let tidy = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_owned();
    assert_eq!(tidy(body), tidy(&help), "README's align usage differs from `lockstep align --help`");
}
