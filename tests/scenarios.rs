//! Command-line scenarios: every `tests/cmd/<case>.toml` runs the binary once and states what
//! must come out (see `tests/cmd/README.md`). A `tests/cmd/<case>.in/` folder next to it is the
//! site the case works on. Cases whose input git cannot hold (invalid UTF-8, NUL bytes, symlink
//! loops) are written here in Rust and build their site in a temporary folder.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// How long one run may take before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(120);

/// One `tests/cmd/<case>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    /// Arguments of `lockstep`, relative to the repository root.
    args: Vec<String>,
    /// Text written to the binary's standard input.
    stdin: Option<String>,
    /// The expected exit code.
    status: i32,
    #[serde(default)]
    stdout_contains: Vec<String>,
    #[serde(default)]
    stdout_not_contains: Vec<String>,
    #[serde(default)]
    stderr_contains: Vec<String>,
    #[serde(default)]
    stderr_not_contains: Vec<String>,
    /// Strings that stderr must hold exactly once (one message per bad file).
    #[serde(default)]
    stderr_once: Vec<String>,
    /// Why the case is skipped: the binary does not behave as stated yet.
    ignore: Option<String>,
}

/// What one run of the binary gave.
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn cmd_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd")
}

/// Runs `lockstep args…` from the repository root, killing it after [`TIMEOUT`].
fn run(args: &[String], stdin: Option<&str>) -> Result<Run, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LOCKSTEP_LANG", "en-US")
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the binary: {e}"))?;
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let text = text.to_owned();
        std::thread::spawn(move || {
            let _ = pipe.write_all(text.as_bytes());
        });
    }
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = reader(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = reader(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("still running after {} s: killed (a hang?)", TIMEOUT.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap_or_else(|e| format!("<not UTF-8: {e}>"));
    Ok(Run {
        status: status.code(),
        stdout: text(out.join().expect("stdout reader")),
        stderr: text(err.join().expect("stderr reader")),
    })
}

/// Everything about `run` that contradicts `s`; empty when the scenario holds.
fn problems(s: &Scenario, run: &Run) -> Vec<String> {
    let mut p = Vec::new();
    if run.status != Some(s.status) {
        p.push(format!("exit code {:?}, expected {}", run.status, s.status));
    }
    if run.stderr.contains("panicked at") {
        p.push("the binary panicked".to_owned());
    }
    for (stream, text, wanted, unwanted) in [
        ("stdout", &run.stdout, &s.stdout_contains, &s.stdout_not_contains),
        ("stderr", &run.stderr, &s.stderr_contains, &s.stderr_not_contains),
    ] {
        for w in wanted.iter().filter(|w| !text.contains(w.as_str())) {
            p.push(format!("{stream} lacks {w:?}"));
        }
        for u in unwanted.iter().filter(|u| text.contains(u.as_str())) {
            p.push(format!("{stream} has {u:?}"));
        }
    }
    for once in &s.stderr_once {
        let n = run.stderr.matches(once.as_str()).count();
        if n != 1 {
            p.push(format!("stderr has {once:?} {n} times, expected once"));
        }
    }
    p
}

/// The scenario run, or a description of what went wrong, with the output to look at.
fn verdict(name: &str, s: &Scenario) -> Result<(), String> {
    let shown = |args: &[String]| format!("lockstep {}", args.join(" "));
    let run = run(&s.args, s.stdin.as_deref()).map_err(|e| format!("{name}: `{}`: {e}", shown(&s.args)))?;
    let p = problems(s, &run);
    if p.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{name}: `{}`\n  - {}\n  --- exit code: {:?}\n  --- stdout:\n{}\n  --- stderr:\n{}",
        shown(&s.args),
        p.join("\n  - "),
        run.status,
        run.stdout,
        run.stderr
    ))
}

fn load(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    toml::from_str(&text).map_err(|e| e.to_string())
}

#[test]
fn cmd_scenarios() {
    let mut names: Vec<String> = std::fs::read_dir(cmd_dir())
        .expect("tests/cmd exists")
        .map(|e| e.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let cases: BTreeSet<&str> = names.iter().filter_map(|n| n.strip_suffix(".toml")).collect();
    assert!(!cases.is_empty(), "no scenario in tests/cmd");
    let run_ignored = std::env::var_os("LOCKSTEP_RUN_IGNORED").is_some();
    let mut failures = Vec::new();
    let mut ignored = Vec::new();
    let mut ran = 0;
    for fixture in names.iter().filter_map(|n| n.strip_suffix(".in")) {
        if !cases.contains(fixture) {
            failures.push(format!("{fixture}.in: a fixture without {fixture}.toml"));
        }
    }
    for name in &cases {
        let scenario = match load(&cmd_dir().join(format!("{name}.toml"))) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}.toml: {e}"));
                continue;
            }
        };
        if let Some(reason) = &scenario.ignore {
            ignored.push(format!("{name}: {reason}"));
            if !run_ignored {
                continue;
            }
        }
        ran += 1;
        if let Err(e) = verdict(name, &scenario) {
            failures.push(e);
        }
    }
    if !ignored.is_empty() {
        let how = if run_ignored { "run anyway" } else { "skipped; LOCKSTEP_RUN_IGNORED=1 runs them" };
        eprintln!("{} ignored scenario(s), {how}:\n  {}", ignored.len(), ignored.join("\n  "));
    }
    eprintln!("{ran} scenario(s) run, {} failed", failures.len());
    assert!(failures.is_empty(), "{} failing scenario(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// A site written at test time, removed when dropped.
struct TempSite(PathBuf);

impl TempSite {
    fn new(name: &str) -> TempSite {
        let root = std::env::temp_dir().join(format!("lockstep-scenario-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("a temporary folder");
        TempSite(root)
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("a folder");
        std::fs::write(p, bytes).expect("a file");
    }

    fn arg(&self) -> String {
        self.0.to_str().expect("a UTF-8 temporary path").to_owned()
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// English and Arabic pages, all readable: `keys.md` fully translated, `phones.md` with one
/// English paragraph left; the bad page `notes.md` is added by each test.
fn arabic_site(name: &str) -> TempSite {
    let site = TempSite::new(name);
    site.write("docs/keys.md", "# Security keys\n\nRegister two keys with every account.\n".as_bytes());
    site.write("i18n/ar/keys.md", "# مفاتيح الأمان\n\nسجّل مفتاحين مع كل حساب.\n".as_bytes());
    site.write(
        "docs/phones.md",
        "# Phones\n\nUpdate your phone as soon as you can.\n\nTurn off Bluetooth when you leave home.\n".as_bytes(),
    );
    site.write(
        "i18n/ar/phones.md",
        "# الهواتف\n\nحدّث هاتفك في أقرب وقت ممكن.\n\nTurn off Bluetooth when you leave home.\n".as_bytes(),
    );
    site.write(
        "docs/notes.md",
        "# Notes\n\nWrite down where you keep your backups.\n\nCheck them once a month.\n".as_bytes(),
    );
    site
}

#[test]
fn invalid_utf8_among_good() {
    let site = arabic_site("utf8");
    // Line 5, column 3 (columns count characters): a lone 0xFF byte after two Arabic letters.
    site.write(
        "i18n/ar/notes.md",
        b"# \xd9\x85\xd9\x84\xd8\xa7\xd8\xad\xd8\xb8\xd8\xa7\xd8\xaa\n\nok\n\n\xd8\xa7\xd9\x84\xff\n",
    );
    let s = Scenario {
        args: vec!["check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["i18n/ar/notes.md:5:3: invalid UTF-8".into()],
        stdout_contains: vec!["i18n/ar/phones.md:5:1: warning[untranslated] ar".into(), "in 2 pages".into()],
        stdout_not_contains: vec!["notes.md".into()],
        ..Scenario::default()
    };
    verdict("invalid_utf8_among_good", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn binary_page() {
    let site = arabic_site("binary");
    site.write("i18n/ar/notes.md", b"# \xd9\x85\x00\x00\x01\x02\x00\nPNG\x00\x1a\n");
    let s = Scenario {
        args: vec!["check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["i18n/ar/notes.md: binary file (it contains NUL bytes), not a page".into()],
        stdout_contains: vec!["i18n/ar/phones.md:5:1: warning[untranslated] ar".into(), "in 2 pages".into()],
        stdout_not_contains: vec!["notes.md".into()],
        ..Scenario::default()
    };
    verdict("binary_page", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let site = arabic_site("symlink");
    site.write("i18n/ar/notes.md", "# ملاحظات\n\nاكتب أين تحفظ نسخك الاحتياطية.\n\nافحصها مرة كل شهر.\n".as_bytes());
    // Two loops: a folder that contains itself, in the translations and in the sources.
    std::os::unix::fs::symlink(".", site.0.join("i18n/ar/loop")).expect("a symlink");
    std::os::unix::fs::symlink(".", site.0.join("docs/loop")).expect("a symlink");
    let args = vec!["check".to_owned(), site.arg(), "--format".to_owned(), "json".to_owned()];
    let out = run(&args, None).unwrap_or_else(|e| panic!("symlink_loop: {e}"));
    assert!(matches!(out.status, Some(0..=2)), "symlink_loop: exit code {:?}\n{}", out.status, out.stderr);
    assert!(!out.stderr.contains("panicked at"), "symlink_loop: {}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("symlink_loop: stdout is not JSON ({e}):\n{}\n{}", out.stdout, out.stderr));
    let pages: BTreeSet<String> = v["pages"]
        .as_array()
        .expect("a pages list")
        .iter()
        .map(|p| format!("{} {}", p["locale"].as_str().unwrap_or("?"), p["page"].as_str().unwrap_or("?")))
        .collect();
    let expected: BTreeSet<String> = ["ar keys.md", "ar notes.md", "ar phones.md"].map(String::from).into();
    assert_eq!(pages, expected, "symlink_loop: each page once, nothing through the loops");
    assert!(
        !out.stdout.contains("loop/") && !out.stderr.contains("loop/"),
        "symlink_loop: a path through a loop was reported:\n{}\n{}",
        out.stdout,
        out.stderr
    );
}
