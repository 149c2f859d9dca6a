//! Owns `cargo xtask browser-test`: builds `lockstep report` of the example site (as it is, with
//! `--lang he`, and as a git history so that stale rows carry their word diff), of the hostile
//! fixture and of the shared snapshot, opens every page in the system's headless Chromium
//! through the DevTools protocol (headless_chrome, without its download feature) and asserts
//! what a reader gets from the live DOM. Screenshots go to `target/browser-test/`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Log, Network, Page};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

/// Where the reports and screenshots go, below the workspace root.
const OUT: &str = "target/browser-test";

/// What the browser reported while a page was open.
#[derive(Default)]
struct Seen {
    /// Console errors, uncaught exceptions and failed loads.
    errors: Vec<String>,
    /// Every URL the page requested.
    requests: Vec<String>,
    /// Dialogs (`alert`, `confirm` …) a page opened.
    dialogs: Vec<String>,
}

/// One report to check.
struct Case {
    name: &'static str,
    /// The site root, relative to the workspace root.
    root: PathBuf,
    args: Vec<&'static str>,
}

pub fn run(shared: &Path, chromium: Option<PathBuf>, only: Option<&str>) -> Result<ExitCode> {
    let workspace = crate::triples::workspace_root();
    let out = workspace.join(OUT);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out)?;
    let lockstep = build_lockstep(&workspace)?;
    let git_site = git_example(&workspace, &workspace.join(OUT).join("example-git-site"))?;
    // Named as reached from the workspace root: the report shows no machine path.
    let git_site = Path::new(OUT).join(git_site.file_name().context("the example's folder")?);

    let mut cases = vec![
        Case { name: "example", root: "examples/site".into(), args: vec![] },
        Case { name: "example-he", root: "examples/site".into(), args: vec!["--lang", "he"] },
        Case { name: "example-git", root: git_site, args: vec![] },
        Case { name: "hostile", root: "tests/fixtures/report/hostile".into(), args: vec![] },
    ];
    let snapshot = shown(&workspace, &shared.join("corpus/snapshot"));
    if workspace.join(&snapshot).is_dir() {
        cases.push(Case { name: "snapshot", root: snapshot, args: vec![] });
    } else if std::env::var("CI").as_deref() == Ok("true") {
        bail!("the snapshot is missing at {}; CI must test its report", snapshot.display());
    } else {
        eprintln!("warning: {} not found: the snapshot's report is not tested", snapshot.display());
    }

    cases.retain(|c| only.is_none_or(|o| c.name == o));
    let chromium = find_chromium(chromium)?;
    println!("browser-test: {}", version(&chromium));
    let browser = Browser::new(LaunchOptions {
        path: Some(chromium),
        headless: true,
        // Root (CI, containers) cannot use Chromium's sandbox.
        sandbox: !is_root(),
        window_size: Some((1280, 1200)),
        idle_browser_timeout: Duration::from_secs(600),
        ..LaunchOptions::default()
    })
    .context("starting Chromium")?;
    let tab = browser.new_tab()?;
    tab.set_default_timeout(Duration::from_secs(60));
    let seen = Arc::new(Mutex::new(Seen::default()));
    listen(&tab, &seen)?;

    let mut failures = Vec::new();
    for case in &cases {
        let start = Instant::now();
        let dir = out.join(case.name);
        let report = run_report(&lockstep, &workspace, case, &dir)?;
        let mut check = Checker { tab: &tab, seen: &seen, failures: Vec::new() };
        let pages = check.every_page(&dir)?;
        check.index(&dir, &workspace, &lockstep, case)?;
        match case.name {
            "example" => {
                check.hebrew_page(&dir.join("he/password-managers.html"))?;
                check.locale_page(&dir.join("he.html"))?;
                check.screenshot(&dir.join("index.html"), &out.join("index.png"), None)?;
                check.screenshot(&dir.join("he/password-managers.html"), &out.join("he-page.png"), None)?;
            }
            "example-he" => check.right_to_left(&dir)?,
            "example-git" => {
                check.stale_diff(&dir.join("he/password-managers.html"))?;
                // The README's picture: a Hebrew page with a stale block and its diff.
                check.screenshot(
                    &dir.join("he/password-managers.html"),
                    &out.join("readme.png"),
                    Some(("h1", 1280.0, 1000.0)),
                )?;
            }
            "hostile" => check.hostile(&dir)?,
            "snapshot" => {
                let page = dir.join("he/passwords.html");
                if page.is_file() {
                    check.hebrew_page(&page)?;
                    check.screenshot(&page, &out.join("snapshot-he-page.png"), None)?;
                }
                check.screenshot(&dir.join("index.html"), &out.join("snapshot-index.png"), None)?;
            }
            _ => {}
        }
        let size = report.0;
        println!(
            "  {:<12} {:>4} pages, {:>5.1} MB, largest HTML {:>4} KB  checked in {:.1} s  {}",
            case.name,
            pages,
            size as f64 / 1e6,
            report.1 / 1024,
            start.elapsed().as_secs_f64(),
            if check.failures.is_empty() { "ok" } else { "FAILED" }
        );
        failures.extend(check.failures.into_iter().map(|f| format!("{}: {f}", case.name)));
    }
    println!("screenshots: {}/*.png", OUT);
    if failures.is_empty() {
        println!("browser-test: every check passed");
        Ok(ExitCode::SUCCESS)
    } else {
        for f in &failures {
            eprintln!("FAILED {f}");
        }
        eprintln!("browser-test: {} checks failed", failures.len());
        Ok(ExitCode::from(1))
    }
}

/// `path` as reached from the workspace root (`../shared/…` rather than an absolute path), so
/// that the report names its root as a user would type it.
fn shown(workspace: &Path, path: &Path) -> PathBuf {
    let (Ok(abs), Ok(top)) = (std::fs::canonicalize(path), std::fs::canonicalize(workspace)) else {
        return path.to_path_buf();
    };
    match (abs.strip_prefix(top.parent().unwrap_or(&top)), top.file_name()) {
        (Ok(rest), Some(_)) if top.parent().is_some() => Path::new("..").join(rest),
        _ => abs,
    }
}

/// The release binary, built now so that the reports are what users get.
fn build_lockstep(workspace: &Path) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(workspace)
        .args(["build", "--release", "--quiet", "--bin", "lockstep"])
        .status()
        .context("cargo build")?;
    if !status.success() {
        bail!("building lockstep failed");
    }
    Ok(workspace.join("target/release/lockstep"))
}

/// Runs `lockstep report` of a case into `dir`; returns the report's total size and its
/// largest HTML file in bytes.
fn run_report(lockstep: &Path, workspace: &Path, case: &Case, dir: &Path) -> Result<(u64, u64)> {
    let out = Command::new(lockstep)
        .current_dir(workspace)
        .env("LOCKSTEP_LANG", "en-US")
        .arg("report")
        .arg(&case.root)
        .arg("--out")
        .arg(dir)
        .args(&case.args)
        .output()?;
    if !out.status.success() {
        bail!("{}: lockstep report failed: {}", case.name, String::from_utf8_lossy(&out.stderr));
    }
    let (mut total, mut largest) = (0, 0);
    for f in html_files(dir, true)? {
        let len = std::fs::metadata(&f)?.len();
        total += len;
        if f.extension().is_some_and(|e| e == "html") {
            largest = largest.max(len);
        }
    }
    Ok((total, largest))
}

/// The example site with a git history instead of a lock file: its `base/` pages committed as
/// the English the translations were made from, then the current English. Stale blocks then
/// have a known base and a word diff.
fn git_example(workspace: &Path, dest: &Path) -> Result<PathBuf> {
    let example = workspace.join("examples/site");
    let _ = std::fs::remove_dir_all(dest);
    crate::bench::copy_dir(&example.join("i18n"), &dest.join("i18n"))?;
    crate::bench::copy_dir(&example.join("base"), &dest.join("docs"))?;
    std::fs::copy(example.join("lockstep.toml"), dest.join("lockstep.toml"))?;
    git(dest, &["init", "-q"], "2024-01-10T09:00:00Z")?;
    git(dest, &["add", "-A"], "2024-01-10T09:00:00Z")?;
    git(dest, &["commit", "-q", "-m", "English and its translations"], "2024-01-10T09:00:00Z")?;
    crate::bench::copy_dir(&example.join("docs"), &dest.join("docs"))?;
    git(dest, &["add", "-A"], "2024-02-20T09:00:00Z")?;
    git(dest, &["commit", "-q", "-m", "The English changes"], "2024-02-20T09:00:00Z")?;
    Ok(dest.to_path_buf())
}

fn git(dir: &Path, args: &[&str], date: &str) -> Result<()> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "lockstep")
        .env("GIT_AUTHOR_EMAIL", "lockstep@example.invalid")
        .env("GIT_COMMITTER_NAME", "lockstep")
        .env("GIT_COMMITTER_EMAIL", "lockstep@example.invalid")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .context("git")?;
    if !out.status.success() {
        bail!("git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// Pages below a report's top that are opened at most (all of them in a small report).
const SAMPLE: usize = 120;

/// Every file below `dir` (`all`), or only its HTML files, sorted.
fn html_files(dir: &Path, all: bool) -> Result<Vec<PathBuf>> {
    crate::bench::files_below(dir, |p| all || p.extension().is_some_and(|e| e == "html"))
}

/// Chromium from `--chromium`, `$CHROMIUM`, or the `PATH` (Debian's package installs
/// `/usr/bin/chromium`). Nothing is ever downloaded.
fn find_chromium(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = explicit.or_else(|| std::env::var_os("CHROMIUM").map(PathBuf::from)) {
        return Ok(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            let p = dir.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    bail!("no Chromium found: install Debian's package (`apt-get install chromium`) or pass --chromium PATH")
}

fn version(chromium: &Path) -> String {
    Command::new(chromium)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|_| chromium.display().to_string())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// Collects console errors, exceptions, failed loads, requests and dialogs of the tab.
fn listen(tab: &Arc<Tab>, seen: &Arc<Mutex<Seen>>) -> Result<()> {
    tab.enable_runtime()?;
    tab.enable_log()?;
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })?;
    let seen = Arc::clone(seen);
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let mut s = seen.lock().expect("the listener never panics holding the lock");
        match event {
            Event::RuntimeConsoleAPICalled(e) => {
                use headless_chrome::protocol::cdp::Runtime::ConsoleAPICalledEventTypeOption as T;
                if matches!(e.params.Type, T::Error | T::Assert) {
                    let text: Vec<String> = e
                        .params
                        .args
                        .iter()
                        .map(|a| a.value.as_ref().map_or_else(|| format!("{:?}", a.description), Value::to_string))
                        .collect();
                    s.errors.push(format!("console.error: {}", text.join(" ")));
                }
            }
            Event::RuntimeExceptionThrown(e) => {
                let d = &e.params.exception_details;
                let text = d.exception.as_ref().and_then(|x| x.description.clone()).unwrap_or_else(|| d.text.clone());
                s.errors.push(format!("exception: {text}"));
            }
            Event::LogEntryAdded(e) if e.params.entry.level == Log::LogEntryLevel::Error => {
                s.errors.push(format!(
                    "log: {} {}",
                    e.params.entry.text,
                    e.params.entry.url.clone().unwrap_or_default()
                ));
            }
            Event::NetworkRequestWillBeSent(e) => s.requests.push(e.params.request.url.clone()),
            Event::PageJavascriptDialogOpening(e) => s.dialogs.push(e.params.message.clone()),
            _ => {}
        }
    }))?;
    Ok(())
}

/// A `file://` URL for a path.
fn file_url(path: &Path) -> Result<String> {
    let abs = std::fs::canonicalize(path).with_context(|| format!("{} does not exist", path.display()))?;
    let mut url = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(url)
}

struct Checker<'a> {
    tab: &'a Arc<Tab>,
    seen: &'a Arc<Mutex<Seen>>,
    failures: Vec<String>,
}

/// What every page must be: a language, a title, one h1 and headings that never skip a level,
/// header cells in every table, `lang` and `dir` on every translation cell, no script but the
/// report's own (which ran), no event handler attribute, no `javascript:` URL, and the style
/// sheet applied.
const PAGE_CHECKS: &str = r#"(() => {
  const problems = [];
  const root = document.documentElement;
  if (!root.lang) problems.push('the page has no lang');
  if (!['ltr', 'rtl'].includes(root.dir)) problems.push('the page has no dir');
  if (!document.title.trim()) problems.push('the page has no title');
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
  if (levels[0] !== 1) problems.push('the first heading is not an h1');
  if (levels.filter(l => l === 1).length !== 1) problems.push('not exactly one h1');
  for (let i = 1; i < levels.length; i++) {
    if (levels[i] > levels[i - 1] + 1) problems.push(`h${levels[i]} after h${levels[i - 1]}`);
  }
  for (const t of document.querySelectorAll('table')) {
    if (!t.tHead || !t.tHead.querySelector('th')) problems.push('a table without header cells');
    for (const row of t.tBodies[0] ? t.tBodies[0].rows : []) {
      if (!row.querySelector('th') && t.classList.contains('sortable') && !row.classList.contains('error')) {
        problems.push('a row without its header cell'); break;
      }
    }
  }
  const pairs = document.querySelector('table.pairs');
  if (pairs) {
    for (const row of pairs.tBodies[0].rows) {
      if (row.cells.length !== 5) { problems.push(`a row with ${row.cells.length} cells`); break; }
      const tr = row.cells[4], en = row.cells[2];
      if (!tr.lang || !tr.dir || !en.lang || !en.dir) { problems.push('a text cell without lang or dir'); break; }
    }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) problems.push(`an event handler attribute ${a.name} on ${el.tagName}`);
      if ((a.name === 'href' || a.name === 'src') && /^\s*javascript:/i.test(a.value)) problems.push('a javascript: URL');
    }
  }
  if (document.scripts.length !== 1 || !/assets\/report\.js$/.test(document.scripts[0].src)) problems.push('a script other than the report\'s');
  if (document.querySelector('table.sortable') && !document.querySelector('button.sort')) problems.push('the report\'s script did not run');
  if (getComputedStyle(document.querySelector('header.top')).borderBottomStyle !== 'solid') problems.push('the style sheet is not applied');
  if (window.__pwned !== undefined) problems.push('code from a page ran: ' + window.__pwned);
  return problems;
})()"#;

impl Checker<'_> {
    fn fail(&mut self, what: impl Into<String>) {
        self.failures.push(what.into());
    }

    /// Opens a page and returns what the browser reported while loading it.
    fn open(&mut self, path: &Path) -> Result<Seen> {
        *self.seen.lock().expect("lock") = Seen::default();
        let url = file_url(path)?;
        self.tab.navigate_to(&url)?;
        // Loaded when the new document is complete: sooner than headless_chrome's own wait for
        // an idle network, which costs half a second a page.
        let ready = format!("document.readyState === 'complete' && location.href === {url:?}");
        let start = Instant::now();
        while self.tab.evaluate(&ready, false)?.value != Some(Value::Bool(true)) {
            if start.elapsed() > Duration::from_secs(60) {
                bail!("{} did not load in 60 s", path.display());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let seen = std::mem::take(&mut *self.seen.lock().expect("lock"));
        Ok(seen)
    }

    /// Evaluates an expression whose value is JSON-serialisable.
    fn eval(&self, expression: &str) -> Result<Value> {
        let wrapped = format!("JSON.stringify({expression})");
        let result = self.tab.evaluate(&wrapped, false)?;
        let text = result.value.and_then(|v| v.as_str().map(str::to_owned)).context("no value")?;
        Ok(serde_json::from_str(&text)?)
    }

    /// Every HTML page of a report — of a large report, every page at its top and an evenly
    /// spread sample of [`SAMPLE`] of the others, so that CI stays within its time: no console
    /// error, nothing but `file://` requested, no dialog, and [`PAGE_CHECKS`]. Returns the
    /// number of pages checked.
    fn every_page(&mut self, dir: &Path) -> Result<usize> {
        let all = html_files(dir, false)?;
        let (top, rest): (Vec<PathBuf>, Vec<PathBuf>) = all.into_iter().partition(|p| p.parent() == Some(dir));
        let step = rest.len().div_ceil(SAMPLE).max(1);
        let pages: Vec<PathBuf> = top.into_iter().chain(rest.into_iter().step_by(step)).collect();
        for page in &pages {
            let name = page.strip_prefix(dir).unwrap_or(page).display().to_string();
            let seen = self.open(page)?;
            for e in &seen.errors {
                self.fail(format!("{name}: {e}"));
            }
            for r in seen.requests.iter().filter(|r| !r.starts_with("file://")) {
                self.fail(format!("{name}: requested {r}"));
            }
            for d in &seen.dialogs {
                self.fail(format!("{name}: opened a dialog: {d}"));
            }
            let problems = self.eval(PAGE_CHECKS)?;
            for p in problems.as_array().into_iter().flatten() {
                self.fail(format!("{name}: {}", p.as_str().unwrap_or_default()));
            }
        }
        if pages.is_empty() {
            self.fail("no HTML page was written");
        }
        Ok(pages.len())
    }

    /// The figures of the index are those of `status --format json` for the same input.
    fn index(&mut self, dir: &Path, workspace: &Path, lockstep: &Path, case: &Case) -> Result<()> {
        self.open(&dir.join("index.html"))?;
        let shown = self.eval(
            r#"(() => {
  const out = {};
  const num = td => td ? +td.textContent.trim() : null;
  for (const tr of document.querySelectorAll('table.locales tbody tr')) {
    const key = k => tr.querySelector(`[data-key="${k}"]`);
    out[tr.dataset.locale] = {
      pages: num(key('pages')),
      coverage: key('coverage').textContent.trim(),
      coverage_segments: key('coverage-segments').textContent.trim(),
      passed: !tr.querySelector('.gate.failed'),
      words: {}, segments: {}, verbatim: null,
    };
  }
  for (const [unit, table] of [['words', 'table.figures.words'], ['segments', 'table.figures.segments']]) {
    for (const tr of document.querySelectorAll(`${table} tbody tr`)) {
      for (const td of tr.querySelectorAll('td[data-key]')) {
        if (td.dataset.key === 'verbatim') out[tr.dataset.locale].verbatim = num(td);
        else if (td.dataset.key !== 'total') out[tr.dataset.locale][unit][td.dataset.key] = num(td);
      }
    }
  }
  return out;
})()"#,
        )?;
        let status = Command::new(lockstep)
            .current_dir(workspace)
            .env("LOCKSTEP_LANG", "en-US")
            .arg("status")
            .arg(&case.root)
            .args(["--format", "json"])
            .output()?;
        let status: Value = serde_json::from_slice(&status.stdout).context("status --format json")?;
        let locales = status["locales"].as_array().context("locales")?;
        if shown.as_object().map_or(0, |o| o.len()) != locales.len() {
            self.fail(format!(
                "index shows {} locales, status {}",
                shown.as_object().map_or(0, |o| o.len()),
                locales.len()
            ));
        }
        let pct = |v: &Value| format!("{:.1}%", (v.as_f64().unwrap_or(f64::NAN) * 10.0).round() / 10.0);
        for l in locales {
            let tag = l["locale"].as_str().unwrap_or_default();
            let s = &shown[tag];
            let passed = l["gates"].as_array().into_iter().flatten().all(|g| g["passed"] == true);
            let expected = [
                ("pages", l["pages"].clone(), s["pages"].clone()),
                ("coverage", Value::from(pct(&l["coverage"])), s["coverage"].clone()),
                ("coverage (segments)", Value::from(pct(&l["coverage_segments"])), s["coverage_segments"].clone()),
                ("gate passed", Value::from(passed), s["passed"].clone()),
                ("verbatim", l["counts"]["verbatim"].clone(), s["verbatim"].clone()),
            ];
            for (what, want, got) in expected {
                if want != got {
                    self.fail(format!("index {tag} {what}: {got} shown, status says {want}"));
                }
            }
            for unit in ["words", "segments"] {
                for status in ["translated", "stale", "partial", "untranslated", "missing", "obsolete"] {
                    if unit == "words" && status == "obsolete" {
                        continue;
                    }
                    let (want, got) = (&l["counts"][unit][status], &s[unit][status]);
                    if want != got {
                        self.fail(format!("index {tag} {unit} {status}: {got} shown, status says {want}"));
                    }
                }
            }
        }
        Ok(())
    }

    /// A Hebrew translation cell is right to left and its English cell left to right; the
    /// "needs work only" filter hides translated rows and keeps the others.
    fn hebrew_page(&mut self, page: &Path) -> Result<()> {
        self.open(page)?;
        let d = self.eval(
            r#"(() => {
  const rows = [...document.querySelectorAll('table.pairs tbody tr')];
  const row = rows.find(r => /[\u05D0-\u05EA]/.test(r.cells[4].textContent));
  if (!row) return { found: false };
  return { found: true, tr: getComputedStyle(row.cells[4]).direction, en: getComputedStyle(row.cells[2]).direction,
           lang: row.cells[4].lang };
})()"#,
        )?;
        if d["found"] != true {
            self.fail(format!("{}: no Hebrew cell", page.display()));
        } else if d["tr"] != "rtl" || d["en"] != "ltr" || d["lang"] != "he" {
            self.fail(format!("{}: directions {d}", page.display()));
        }
        let f = self.eval(
            r#"(() => {
  const rows = [...document.querySelectorAll('table.pairs tbody tr')];
  const shown = r => getComputedStyle(r).display !== 'none';
  const before = rows.filter(shown).length;
  document.querySelector('#needs-work').click();
  const result = {
    before, after: rows.filter(shown).length,
    translated: rows.filter(r => r.classList.contains('s-translated')).length,
    translatedShown: rows.filter(r => r.classList.contains('s-translated') && shown(r)).length,
    workHidden: rows.filter(r => r.classList.contains('w') && !shown(r)).length,
  };
  document.querySelector('#needs-work').click();
  result.restored = rows.filter(shown).length;
  return result;
})()"#,
        )?;
        let n = |k: &str| f[k].as_u64().unwrap_or(u64::MAX);
        if n("translated") == 0 || n("translatedShown") != 0 || n("workHidden") != 0 || n("after") >= n("before") {
            self.fail(format!("{}: the needs-work filter: {f}", page.display()));
        }
        if n("restored") != n("before") {
            self.fail(format!("{}: unticking the filter does not show every row again: {f}", page.display()));
        }
        Ok(())
    }

    /// The status filter and the sorting of a locale's page (the report's script).
    fn locale_page(&mut self, page: &Path) -> Result<()> {
        self.open(page)?;
        let r = self.eval(
            r#"(() => {
  const table = document.querySelector('table.pages');
  const rows = () => [...table.tBodies[0].rows];
  const shown = r => !r.hidden && getComputedStyle(r).display !== 'none';
  const select = document.querySelector('form[data-filter] select');
  const formShown = !select.closest('form').hidden;
  select.value = 'untranslated';
  select.dispatchEvent(new Event('change'));
  const filtered = rows().filter(shown).map(r => r.dataset.has);
  select.value = '';
  select.dispatchEvent(new Event('change'));
  const button = table.tHead.rows[0].cells[1].querySelector('button');
  button.click();
  const coverage = rows().map(r => parseFloat(r.cells[1].textContent));
  return { formShown, filtered, all: rows().filter(shown).length, coverage,
           sort: table.tHead.rows[0].cells[1].getAttribute('aria-sort') };
})()"#,
        )?;
        let filtered = r["filtered"].as_array().cloned().unwrap_or_default();
        let all = r["all"].as_u64().unwrap_or(0);
        if r["formShown"] != true
            || filtered.is_empty()
            || filtered.iter().any(|h| !h.as_str().unwrap_or("").split(' ').any(|s| s == "untranslated"))
        {
            self.fail(format!("{}: the status filter: {r}", page.display()));
        }
        let coverage: Vec<f64> = r["coverage"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        if r["sort"] != "ascending" || coverage.windows(2).any(|w| w[0] > w[1]) || coverage.len() as u64 != all {
            self.fail(format!("{}: sorting by coverage: {r}", page.display()));
        }
        Ok(())
    }

    /// `--lang he`: every page is right to left, and the cells keep their own directions.
    fn right_to_left(&mut self, dir: &Path) -> Result<()> {
        for page in html_files(dir, false)? {
            self.open(&page)?;
            let d = self.eval(
                r#"({ lang: document.documentElement.lang, dir: getComputedStyle(document.body).direction,
  en: [...document.querySelectorAll('table.pairs tbody td:nth-child(3)')].every(td => getComputedStyle(td).direction === 'ltr') })"#,
            )?;
            if d["lang"] != "he" || d["dir"] != "rtl" || d["en"] != true {
                self.fail(format!("{}: {d}", page.display()));
            }
        }
        Ok(())
    }

    /// Stale rows show the English word diff with `<del>` and `<ins>`.
    fn stale_diff(&mut self, page: &Path) -> Result<()> {
        self.open(page)?;
        let d = self.eval(
            r#"(() => {
  const visible = e => e && e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== 'none';
  const stale = [...document.querySelectorAll('table.pairs tr.s-stale')];
  return { stale: stale.length,
           del: stale.filter(r => visible(r.querySelector('del'))).length,
           ins: stale.filter(r => visible(r.querySelector('ins'))).length,
           struck: stale.some(r => r.querySelector('del') && getComputedStyle(r.querySelector('del')).textDecorationLine.includes('line-through')) };
})()"#,
        )?;
        if d["stale"].as_u64().unwrap_or(0) == 0
            || d["del"].as_u64().unwrap_or(0) == 0
            || d["ins"].as_u64().unwrap_or(0) == 0
            || d["struck"] != true
        {
            self.fail(format!("{}: stale rows and their diff: {d}", page.display()));
        }
        Ok(())
    }

    /// The hostile pages: their script, handler and link are text, and nothing of theirs ran.
    fn hostile(&mut self, dir: &Path) -> Result<()> {
        for (page, texts) in [
            (
                "he/garden.html",
                &[
                    "<script>window.__pwned = \"he-heading\"</script>",
                    "onerror=\"window.__pwned = 'he-img'\"",
                    "(javascript:window.__pwned='he-link')",
                ][..],
            ),
            ("ar/garden.html", &["<svg onload=\"window.__pwned = 'ar-svg'\"></svg>", "U+2067", "U+200F"][..]),
        ] {
            let seen = self.open(&dir.join(page))?;
            let d = self.eval(
                r#"({ pwned: window.__pwned === undefined ? null : String(window.__pwned), title: document.title,
  text: document.querySelector('table.pairs').textContent,
  foreign: document.querySelectorAll('img, iframe, object, embed, table.pairs svg, table.pairs a[href^="javascript"]').length })"#,
            )?;
            if d["pwned"] != Value::Null
                || !d["title"].as_str().unwrap_or("").starts_with("garden.md in ")
                || d["foreign"] != 0
            {
                self.fail(format!("{page}: {d}"));
            }
            let text = d["text"].as_str().unwrap_or_default();
            for t in texts {
                if !text.contains(t) {
                    self.fail(format!("{page}: {t:?} is not shown as text"));
                }
            }
            if !seen.dialogs.is_empty() {
                self.fail(format!("{page}: dialogs {:?}", seen.dialogs));
            }
        }
        Ok(())
    }

    /// A PNG of a page (the viewport, or a clip starting at the first match of a selector).
    fn screenshot(&mut self, page: &Path, to: &Path, clip: Option<(&str, f64, f64)>) -> Result<()> {
        self.open(page)?;
        let viewport = match clip {
            None => None,
            Some((selector, width, height)) => {
                // Scrolled so that the element is near the top, the clip is inside the viewport.
                let y = self.eval(&format!(
                    "(() => {{ const e = document.querySelector({selector:?}); if (!e) return 0; \
                     const y = Math.max(0, e.getBoundingClientRect().top + window.scrollY - 160); \
                     window.scrollTo(0, y); return window.scrollY; }})()"
                ))?;
                // Inside the viewport: beyond it the picture would be blank.
                let inner = self.eval("[window.innerWidth, window.innerHeight]")?;
                let fit = |v: &Value, max: f64| v.as_f64().map_or(max, |v| v.min(max));
                Some(Page::Viewport {
                    x: 0.0,
                    y: y.as_f64().unwrap_or(0.0),
                    width: fit(&inner[0], width),
                    height: fit(&inner[1], height),
                    scale: 1.0,
                })
            }
        };
        let png = self.tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, viewport, true)?;
        std::fs::write(to, png).with_context(|| format!("writing {}", to.display()))?;
        Ok(())
    }
}
