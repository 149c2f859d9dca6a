//! Command-line scenarios: every `tests/cmd/<case>.toml` runs the binary once and states what
//! must come out (see `tests/cmd/README.md`). A `tests/cmd/<case>.in/` folder next to it is the
//! site the case works on. Cases whose input git cannot hold (bytes git may rewrite, links,
//! pipes, devices, permissions, repositories) are written here in Rust and build their site in
//! a temporary folder; `tests/cmd/README.md` lists them.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

mod common;

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
    /// Strings that stdout must hold exactly once (one finding).
    #[serde(default)]
    stdout_once: Vec<String>,
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
    run_capped(args, stdin, None)
}

/// [`run`], with at most `memory` bytes of address space (Unix) when given: a run that
/// starts reading an endless file dies of it instead of taking the machine's memory.
fn run_capped(args: &[String], stdin: Option<&str>, memory: Option<u64>) -> Result<Run, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lockstep"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LOCKSTEP_LANG", "en-US")
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    if let Some(bytes) = memory {
        use std::os::unix::process::CommandExt;
        let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
        // SAFETY: setrlimit is async-signal-safe, and the closure touches nothing else.
        unsafe {
            command.pre_exec(move || {
                if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    #[cfg(not(unix))]
    let _ = memory;
    let mut child = command.spawn().map_err(|e| format!("cannot start the binary: {e}"))?;
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
    for (stream, text, once) in [("stdout", &run.stdout, &s.stdout_once), ("stderr", &run.stderr, &s.stderr_once)] {
        for o in once {
            let n = text.matches(o.as_str()).count();
            if n != 1 {
                p.push(format!("{stream} has {o:?} {n} times, expected once"));
            }
        }
    }
    p
}

/// The scenario run, or a description of what went wrong, with the output to look at.
fn verdict(name: &str, s: &Scenario) -> Result<(), String> {
    verdict_capped(name, s, None)
}

/// [`verdict`] of a run with at most `memory` bytes of address space (see [`run_capped`]).
fn verdict_capped(name: &str, s: &Scenario, memory: Option<u64>) -> Result<(), String> {
    let shown = |args: &[String]| format!("lockstep {}", args.join(" "));
    let run =
        run_capped(&s.args, s.stdin.as_deref(), memory).map_err(|e| format!("{name}: `{}`: {e}", shown(&s.args)))?;
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
        TempSite(common::scratch("scenario", name))
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        common::write_file(&self.0, rel, bytes);
    }

    fn arg(&self) -> String {
        self.0.to_str().expect("a UTF-8 temporary path").to_owned()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
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

/// The Arabic translation of notes.md, in order: heading, translated paragraph, translated
/// paragraph (lines 1, 3 and 5).
const NOTES_AR: &str = "# ملاحظات\n\nاكتب أين تحفظ نسخك الاحتياطية.\n\nافحصها مرة كل شهر.\n";

/// A scenario of `lockstep check SITE` in which the good pages of [`arabic_site`] are still
/// reported: the English paragraph of phones.md and `pages` pages checked.
fn check_of(site: &TempSite, status: i32, pages: usize) -> Scenario {
    Scenario {
        args: vec!["check".into(), site.arg()],
        status,
        stdout_contains: vec!["i18n/ar/phones.md:5:1: warning[untranslated] ar".into(), format!("in {pages} pages")],
        ..Scenario::default()
    }
}

#[test]
fn binary_page() {
    let site = arabic_site("binary");
    // The start of a PNG file: its first NUL byte is on line 3 (CRLF, then LF, end the first two).
    site.write("i18n/ar/notes.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x08\x06");
    let s = Scenario {
        args: vec!["check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["i18n/ar/notes.md:3:1: NUL byte: a binary file, not a page".into()],
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
    // Links to folders are not followed, and each is named once: nothing is wrong with a page.
    assert_eq!(out.status, Some(0), "symlink_loop: exit code\n{}", out.stderr);
    for link in ["i18n/ar/loop: symbolic link to a folder (.): not followed", "docs/loop: symbolic link to a folder"] {
        assert_eq!(out.stderr.matches(link).count(), 1, "symlink_loop: {link:?} once in\n{}", out.stderr);
    }
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

#[test]
fn nul_bytes_in_text() {
    let site = arabic_site("nul");
    // A text page with one NUL byte on line 3, after eight characters.
    site.write("i18n/ar/notes.md", "# ملاحظات\n\nاكتب أين\0 تحفظ نسخك.\n\nافحصها مرة كل شهر.\n".as_bytes());
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec!["i18n/ar/notes.md:3:9: NUL byte: a binary file, not a page".into()];
    s.stdout_not_contains = vec!["notes.md".into()];
    verdict("nul_bytes_in_text", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn crlf_and_mixed_line_endings() {
    let site = arabic_site("crlf");
    // CRLF in a source page and a translation; every kind of line end in the other translation.
    site.write(
        "docs/notes.md",
        b"# Notes\r\n\r\nWrite down where you keep your backups.\r\n\r\nCheck them once a month.\r\n",
    );
    site.write("i18n/ar/keys.md", "# مفاتيح الأمان\r\n\r\nسجّل مفتاحين مع كل حساب.\r\n".as_bytes());
    // Lines: 1 (CRLF), 2 (CR), 3 (LF), 4 (CRLF), 5 (CR): the English is on line 5.
    site.write(
        "i18n/ar/notes.md",
        "# ملاحظات\r\n\rاكتب أين تحفظ نسخك الاحتياطية.\n\r\nCheck them once a month.\r".as_bytes(),
    );
    let mut s = check_of(&site, 0, 3);
    s.stdout_once =
        vec!["i18n/ar/notes.md:5:1: warning[untranslated] ar: still in the source language (source line 5)".into()];
    s.stdout_not_contains = vec!["\r".into(), "keys.md".into(), "[missing]".into(), "[obsolete]".into()];
    s.stderr_not_contains = vec!["error:".into()];
    verdict("crlf_and_mixed_line_endings", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn long_line() {
    let site = arabic_site("long-line");
    // A paragraph of 5 MB on one line, in the English and in the Arabic.
    let english = "Write down where you keep your backups. ".repeat(130_000);
    let arabic = "اكتب أين تحفظ نسخك الاحتياطية. ".repeat(95_000);
    assert!(english.len() > 5_000_000 && arabic.len() > 5_000_000);
    site.write("docs/notes.md", format!("# Notes\n\n{english}\n\nCheck them once a month.\n").as_bytes());
    site.write("i18n/ar/notes.md", format!("# ملاحظات\n\n{arabic}\n\nCheck them once a month.\n").as_bytes());
    let mut s = check_of(&site, 0, 3);
    s.stdout_once = vec!["i18n/ar/notes.md:5:1: warning[untranslated] ar: still in the source language".into()];
    s.stdout_not_contains = vec!["notes.md:3:".into(), "[missing]".into()];
    s.stderr_not_contains = vec!["error:".into()];
    verdict("long_line", &s).unwrap_or_else(|e| panic!("{e}"));
}

/// Whether this process can read what `chmod 000` closed (root, or a capability that bypasses
/// permissions): then unreadable input cannot be made, and the case says so on stderr.
#[cfg(unix)]
fn reads_anyway(case: &str, path: &Path) -> bool {
    let readable = if path.is_dir() { std::fs::read_dir(path).is_ok() } else { std::fs::read(path).is_ok() };
    if readable {
        eprintln!(
            "{case}: SKIPPED: this process reads a file with mode 000 (running as root?), so nothing can be \
             made unreadable; run the tests as an ordinary user to check this case"
        );
    }
    readable
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("permissions set");
}

#[cfg(unix)]
#[test]
fn unreadable_file_permissions() {
    let site = arabic_site("unreadable-file");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    let page = site.path("i18n/ar/notes.md");
    set_mode(&page, 0o000);
    if reads_anyway("unreadable_file_permissions", &page) {
        return;
    }
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec!["i18n/ar/notes.md: cannot read: Permission denied".into()];
    s.stdout_not_contains = vec!["notes.md".into()];
    let result = verdict("unreadable_file_permissions", &s);
    set_mode(&page, 0o644);
    result.unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn unreadable_folder() {
    let site = arabic_site("unreadable-folder");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    site.write("docs/guides/setup.md", "# Setup\n\nInstall the app.\n".as_bytes());
    site.write("i18n/ar/guides/setup.md", "# الإعداد\n\nثبّت التطبيق.\n".as_bytes());
    let folder = site.path("i18n/ar/guides");
    set_mode(&folder, 0o000);
    if reads_anyway("unreadable_folder", &folder) {
        set_mode(&folder, 0o755);
        return;
    }
    // One message for the folder; its page is neither read, nor reported again, nor missing.
    let mut s = check_of(&site, 2, 3);
    s.stderr_once = vec!["i18n/ar/guides: cannot read this folder: Permission denied".into()];
    s.stderr_not_contains = vec!["setup.md".into()];
    s.stdout_not_contains = vec!["setup.md".into()];
    let result = verdict("unreadable_folder", &s);
    set_mode(&folder, 0o755);
    result.unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn dangling_symlink() {
    let site = arabic_site("dangling");
    std::os::unix::fs::symlink("notes-old.md", site.path("i18n/ar/notes.md")).expect("a symlink");
    // Not a missing translation: something is there, and it is broken.
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec!["i18n/ar/notes.md: symbolic link to notes-old.md, which does not exist".into()];
    s.stdout_not_contains = vec!["notes.md".into()];
    verdict("dangling_symlink", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn symlink_outside_the_site() {
    let site = arabic_site("outside");
    let outside = TempSite::new("outside-target");
    outside.write("secret.md", b"# TOP SECRET\n\nNothing here may be read.\n");
    std::os::unix::fs::symlink(outside.path("secret.md"), site.path("i18n/ar/notes.md")).expect("a symlink");
    // A link that stays inside the site is followed: keys.md is checked through one.
    site.write("shared/keys.ar.md", "# مفاتيح الأمان\n\nسجّل مفتاحين مع كل حساب.\n".as_bytes());
    std::fs::remove_file(site.path("i18n/ar/keys.md")).expect("keys.md removed");
    std::os::unix::fs::symlink("../../shared/keys.ar.md", site.path("i18n/ar/keys.md")).expect("a symlink");
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec!["i18n/ar/notes.md: leads out of the site through a symbolic link".into()];
    s.stdout_not_contains = vec!["TOP SECRET".into(), "notes.md".into(), "keys.md".into()];
    s.stderr_not_contains = vec!["TOP SECRET".into(), "keys".into()];
    verdict("symlink_outside_the_site", &s).unwrap_or_else(|e| panic!("{e}"));
}

/// Makes a named pipe, or says on stderr why the case is skipped.
#[cfg(unix)]
fn mkfifo(case: &str, path: &Path) -> bool {
    match Command::new("mkfifo").arg(path).status() {
        Ok(s) if s.success() => true,
        other => {
            eprintln!("{case}: SKIPPED: `mkfifo` did not make a named pipe ({other:?})");
            false
        }
    }
}

#[cfg(unix)]
#[test]
fn fifo_pages() {
    let site = arabic_site("fifo");
    // A translation and a source page that are named pipes: opening either for reading would
    // wait for a writer forever.
    if !mkfifo("fifo_pages", &site.path("i18n/ar/notes.md")) || !mkfifo("fifo_pages", &site.path("docs/pipe.md")) {
        return;
    }
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec![
        "i18n/ar/notes.md: a named pipe (FIFO), not a page: skipped without opening it".into(),
        "docs/pipe.md: a named pipe (FIFO), not a page: skipped without opening it".into(),
    ];
    s.stdout_not_contains = vec!["notes.md".into(), "pipe.md".into()];
    verdict("fifo_pages", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn device_page() {
    if !Path::new("/dev/zero").exists() {
        eprintln!("device_page: SKIPPED: no /dev/zero here");
        return;
    }
    let site = arabic_site("device");
    // Endless zeros: reading them would never end, nor stop taking memory (capped at 4 GiB here).
    std::os::unix::fs::symlink("/dev/zero", site.path("i18n/ar/notes.md")).expect("a symlink");
    let mut s = check_of(&site, 2, 2);
    s.stderr_once = vec!["i18n/ar/notes.md: a device, not a page: skipped without opening it".into()];
    s.stdout_not_contains = vec!["notes.md".into()];
    verdict_capped("device_page", &s, Some(4 << 30)).unwrap_or_else(|e| panic!("{e}"));
}

/// A site with UI strings in English, German and Hebrew (`includes/strings.<locale>.env`) and
/// their Fluent catalogue (`locales/<locale>/site.ftl`); the bad file is put in by each test.
fn catalog_site(name: &str) -> TempSite {
    let site = TempSite::new(name);
    site.write("lockstep.toml", b"[catalog]\nsources = [\"includes/strings.{locale}.env\"]\n");
    site.write("includes/strings.en.env", b"NAV_HOME=\"Home\"\nNAV_ABOUT=\"About us\"\n");
    site.write("includes/strings.de.env", b"NAV_HOME=\"Startseite\"\nNAV_ABOUT=\"\xc3\x9cber uns\"\n");
    site.write("includes/strings.he.env", "NAV_HOME=\"בית\"\nNAV_ABOUT=\"עלינו\"\n".as_bytes());
    site.write("locales/en/site.ftl", b"nav-home = Home\nnav-about = About us\n");
    // The German catalogue lacks a message, so that it is seen to be checked.
    site.write("locales/de/site.ftl", b"nav-home = Startseite\n");
    site.write("locales/he/site.ftl", "nav-home = בית\nnav-about = עלינו\n".as_bytes());
    site
}

#[cfg(unix)]
#[test]
fn catalog_build_fifo_ui_strings() {
    let site = catalog_site("catalog-build-fifo");
    // The Hebrew UI strings are a named pipe: opening them would wait for a writer forever.
    std::fs::remove_file(site.path("includes/strings.he.env")).expect("removed");
    if !mkfifo("catalog_build_fifo_ui_strings", &site.path("includes/strings.he.env")) {
        return;
    }
    let s = Scenario {
        args: vec!["catalog".into(), "build".into(), site.arg()],
        status: 2,
        stderr_once: vec!["includes/strings.he.env: a named pipe (FIFO), not a regular file: not opened".into()],
        // The German catalogue is still built.
        stdout_contains: vec!["locales/de/site.ftl (de)".into()],
        ..Scenario::default()
    };
    verdict("catalog_build_fifo_ui_strings", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn catalog_check_fifo_source() {
    let site = catalog_site("catalog-check-fifo");
    // The source locale's catalogue, the one every other is checked against, is a named pipe.
    std::fs::remove_file(site.path("locales/en/site.ftl")).expect("removed");
    if !mkfifo("catalog_check_fifo_source", &site.path("locales/en/site.ftl")) {
        return;
    }
    let s = Scenario {
        args: vec!["catalog".into(), "check".into(), site.arg(), "--format".into(), "json".into()],
        status: 2,
        stderr_once: vec!["locales/en/site.ftl: a named pipe (FIFO), not a regular file: not opened".into()],
        // The other catalogues are still read and checked; none is called obsolete for want of
        // a source it could not be compared with.
        stdout_contains: vec!["locales/de/site.ftl".into(), "locales/he/site.ftl".into()],
        stdout_not_contains: vec!["catalog-obsolete".into()],
        ..Scenario::default()
    };
    verdict("catalog_check_fifo_source", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn catalog_device_ftl() {
    if !Path::new("/dev/zero").exists() {
        eprintln!("catalog_device_ftl: SKIPPED: no /dev/zero here");
        return;
    }
    let site = catalog_site("catalog-device");
    // Endless zeros in place of the Hebrew catalogue (memory capped at 4 GiB here).
    std::fs::remove_file(site.path("locales/he/site.ftl")).expect("removed");
    std::os::unix::fs::symlink("/dev/zero", site.path("locales/he/site.ftl")).expect("a symlink");
    let s = Scenario {
        args: vec!["catalog".into(), "check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["locales/he/site.ftl: a device, not a regular file: not opened".into()],
        // The German catalogue is still checked: its missing message is found.
        stdout_contains: vec!["warning[catalog-missing] de: nav-about has no translation here".into()],
        ..Scenario::default()
    };
    verdict_capped("catalog_device_ftl", &s, Some(4 << 30)).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn fifo_lock_file() {
    let site = arabic_site("fifo-lock");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    if !mkfifo("fifo_lock_file", &site.path("lockstep.lock")) {
        return;
    }
    let message = "lockstep.lock: a named pipe (FIFO), not a regular file: not opened";
    for command in ["check", "status"] {
        let s = Scenario {
            args: vec![command.into(), site.arg()],
            status: 2,
            stderr_once: vec![message.into()],
            ..Scenario::default()
        };
        verdict(&format!("fifo_lock_file ({command})"), &s).unwrap_or_else(|e| panic!("{e}"));
    }
    // `stamp` stops before writing anything: the pipe is neither read nor replaced.
    let s = Scenario {
        args: vec!["stamp".into(), "--root".into(), site.arg(), site.path("i18n/ar/notes.md").display().to_string()],
        status: 2,
        stderr_once: vec![message.into()],
        ..Scenario::default()
    };
    verdict("fifo_lock_file (stamp)", &s).unwrap_or_else(|e| panic!("{e}"));
    use std::os::unix::fs::FileTypeExt;
    let still = std::fs::symlink_metadata(site.path("lockstep.lock")).expect("still there");
    assert!(still.file_type().is_fifo(), "fifo_lock_file: the pipe was replaced");
}

#[cfg(unix)]
#[test]
fn fifo_config() {
    let site = arabic_site("fifo-config");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    if !mkfifo("fifo_config", &site.path("lockstep.toml")) {
        return;
    }
    let s = Scenario {
        args: vec!["check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["lockstep.toml: a named pipe (FIFO), not a regular file: not opened".into()],
        ..Scenario::default()
    };
    verdict("fifo_config", &s).unwrap_or_else(|e| panic!("{e}"));
    // Named with --config, a pipe is refused too, wherever it is.
    let elsewhere = TempSite::new("fifo-config-elsewhere");
    if !mkfifo("fifo_config", &elsewhere.path("ci.toml")) {
        return;
    }
    let named = elsewhere.path("ci.toml").display().to_string();
    let s = Scenario {
        args: vec!["catalog".into(), "check".into(), site.arg(), "--config".into(), named],
        status: 2,
        stderr_once: vec!["ci.toml: a named pipe (FIFO), not a regular file: not opened".into()],
        ..Scenario::default()
    };
    verdict("fifo_config (--config)", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn config_link_outside_the_site() {
    let site = arabic_site("config-outside");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    let elsewhere = TempSite::new("config-outside-target");
    elsewhere.write("shared.toml", b"locales = [\"ar\"]\n");
    // A link in the site's own place for its config may not lead out of the site ...
    std::os::unix::fs::symlink(elsewhere.path("shared.toml"), site.path("lockstep.toml")).expect("a symlink");
    let s = Scenario {
        args: vec!["check".into(), site.arg()],
        status: 2,
        stderr_once: vec!["lockstep.toml: leads out of the site through a symbolic link".into()],
        ..Scenario::default()
    };
    verdict("config_link_outside_the_site", &s).unwrap_or_else(|e| panic!("{e}"));
    // ... but the same file named with --config is the user's choice.
    std::fs::remove_file(site.path("lockstep.toml")).expect("the link removed");
    let mut s = check_of(&site, 0, 3);
    s.args.extend(["--config".into(), elsewhere.path("shared.toml").display().to_string()]);
    s.stderr_not_contains = vec!["error:".into()];
    verdict("config_link_outside_the_site (--config)", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn non_utf8_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let site = arabic_site("file-name");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    // `café.md` in Latin-1: the byte 0xE9 alone is not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.md");
    if let Err(e) = std::fs::write(site.path("docs").join(name), "# Café\n\nOpen every day.\n") {
        eprintln!("non_utf8_file_name: SKIPPED: this file system refuses a file name that is not UTF-8 ({e})");
        return;
    }
    let mut s = check_of(&site, 2, 3);
    s.stderr_once = vec!["docs/caf\\xE9.md: the file name is not UTF-8".into()];
    s.stdout_not_contains = vec!["caf".into()];
    verdict("non_utf8_file_name", &s).unwrap_or_else(|e| panic!("{e}"));
}

/// Runs git in `dir` with a fixed identity and commit date; false (after saying so on stderr)
/// when git is missing or fails.
fn git(case: &str, dir: &Path, args: &[&str], date: &str) -> bool {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "user.name=Test"])
        .args(["-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output();
    match out {
        Ok(o) if o.status.success() => true,
        Ok(o) => {
            eprintln!("{case}: SKIPPED: `git {}` failed: {}", args.join(" "), String::from_utf8_lossy(&o.stderr));
            false
        }
        Err(e) => {
            eprintln!("{case}: SKIPPED: git cannot run ({e}); the git cases need the `git` command");
            false
        }
    }
}

/// The Arabic site in a repository with two commits: everything on 1 March (notes.md translated),
/// then a change to the English paragraph on line 3 of docs/notes.md on 1 April.
fn history_site(case: &str, name: &str) -> Option<TempSite> {
    let site = arabic_site(name);
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    let first = "2024-03-01T12:00:00Z";
    let ok = git(case, &site.0, &["init", "-q"], first)
        && git(case, &site.0, &["add", "-A"], first)
        && git(case, &site.0, &["commit", "-q", "-m", "pages"], first);
    if !ok {
        return None;
    }
    site.write(
        "docs/notes.md",
        "# Notes\n\nWrite down where you keep every backup.\n\nCheck them once a month.\n".as_bytes(),
    );
    let second = "2024-04-01T12:00:00Z";
    git(case, &site.0, &["commit", "-q", "-a", "-m", "English changed"], second).then_some(site)
}

/// The stale paragraph of notes.md, found through the history.
const STALE_NOTES: &str = "i18n/ar/notes.md:3:1: warning[stale] ar: the source changed since this was translated";

#[test]
fn git_shallow_clone() {
    let Some(repo) = history_site("git_shallow_clone", "shallow-origin") else { return };
    let clone = TempSite::new("shallow");
    std::fs::remove_dir(&clone.0).expect("an empty folder");
    let url = format!("file://{}", repo.arg());
    if !git("git_shallow_clone", &repo.0, &["clone", "-q", "--depth", "1", &url, &clone.arg()], "2024-05-01T00:00:00Z")
    {
        return;
    }
    // History-based staleness is unavailable and says why, once; every page is still checked.
    let mut s = check_of(&clone, 0, 3);
    s.stderr_once = vec!["the repository is a shallow clone".into()];
    s.stderr_contains = vec![clone.arg(), "git fetch --unshallow".into(), "fetch-depth: 0".into()];
    s.stdout_not_contains = vec!["[stale]".into()];
    verdict("git_shallow_clone", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn git_no_commits() {
    let site = arabic_site("no-commits");
    site.write("i18n/ar/notes.md", NOTES_AR.as_bytes());
    if !git("git_no_commits", &site.0, &["init", "-q"], "2024-03-01T12:00:00Z") {
        return;
    }
    let mut s = check_of(&site, 0, 3);
    s.stderr_once = vec!["the git repository has no commits yet".into()];
    verdict("git_no_commits", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn git_detached_head() {
    let Some(site) = history_site("git_detached_head", "detached") else { return };
    if !git("git_detached_head", &site.0, &["checkout", "-q", "--detach", "HEAD"], "2024-05-01T00:00:00Z") {
        return;
    }
    // No branch is checked out: the history of HEAD still gives notes.md its base.
    let mut s = check_of(&site, 0, 3);
    s.stdout_once = vec![STALE_NOTES.into()];
    s.stdout_contains.push("Write down where you keep [-your-]{+every+} [-backups.-]{+backup.+}".into());
    s.stderr_not_contains = vec!["staleness is unavailable".into(), "error:".into()];
    verdict("git_detached_head", &s).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn git_untracked_pages() {
    let Some(site) = history_site("git_untracked_pages", "untracked") else { return };
    // A new English page with its translation, neither committed: one notice names the page.
    site.write("docs/tools.md", "# Tools\n\nUse a password manager.\n".as_bytes());
    site.write("i18n/ar/tools.md", "# الأدوات\n\nاستخدم مدير كلمات المرور.\n".as_bytes());
    // A committed page whose translation is new: all its English versions are candidates.
    site.write("docs/guide.md", "# Guide\n\nStart here.\n".as_bytes());
    if !git("git_untracked_pages", &site.0, &["add", "docs/guide.md"], "2024-04-02T00:00:00Z")
        || !git("git_untracked_pages", &site.0, &["commit", "-q", "-m", "guide"], "2024-04-02T00:00:00Z")
    {
        return;
    }
    site.write("i18n/ar/guide.md", "# الدليل\n\nابدأ من هنا.\n".as_bytes());
    let mut s = check_of(&site, 0, 5);
    s.stdout_once = vec![STALE_NOTES.into()];
    s.stdout_contains.push("git 4, none 1".into());
    s.stderr_once = vec!["docs/tools.md is not committed to git".into()];
    s.stderr_not_contains = vec!["staleness is unavailable".into(), "guide.md".into(), "error:".into()];
    verdict("git_untracked_pages", &s).unwrap_or_else(|e| panic!("{e}"));
}

/// `tests/cmd/README.md` lists every case built here, so that its list stays true.
#[test]
fn readme_lists_the_cases_built_here() {
    let readme = std::fs::read_to_string(cmd_dir().join("README.md")).expect("tests/cmd/README.md");
    let code =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios.rs")).expect("this file");
    let test = regex::Regex::new(r"#\[test\]\s*fn ([a-z0-9_]+)\(").expect("a valid regex");
    let missing: Vec<&str> = test
        .captures_iter(&code)
        .map(|c| c.get(1).expect("a name").as_str())
        .filter(|n| !["cmd_scenarios", "readme_lists_the_cases_built_here"].contains(n))
        .filter(|n| !readme.contains(&format!("`{n}`")))
        .collect();
    assert!(missing.is_empty(), "cases built in tests/scenarios.rs but not listed in tests/cmd/README.md: {missing:?}");
}
