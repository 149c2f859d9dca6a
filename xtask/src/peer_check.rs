//! `cargo xtask peer-check`: the catalogues `lockstep catalog build` makes from the snapshot's
//! UI strings (`../shared/corpus/snapshot/includes`), checked by the reference tools of
//! Fluent's own project: every file parsed by Python's `fluent.syntax` with no Junk, and the
//! locales compared with the source by `compare-locales` with no error. Both come from PyPI
//! into a virtual environment kept under `target/` (the only network access). Exits 1 when a
//! peer tool disagrees, 2 when it cannot run.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

/// The brand of the snapshot's site, written as a Fluent term.
const TERMS: &[&str] = &["Privacy Guides"];

/// Parses every file given with fluent.syntax and prints its Junk; exit 1 when there is any.
const JUNK_SCRIPT: &str = r#"
import sys
from fluent.syntax import parse
from fluent.syntax.ast import Junk, Message, Term
junk = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        resource = parse(f.read())
    entries = [e for e in resource.body if isinstance(e, (Message, Term))]
    bad = [e for e in resource.body if isinstance(e, Junk)]
    for j in bad:
        notes = "; ".join(a.message for a in j.annotations)
        print(f"{path}: Junk: {notes}: {j.content[:80]!r}")
    print(f"{path}: {len(entries)} messages and terms, {len(bad)} Junk")
    junk += len(bad)
sys.exit(1 if junk else 0)
"#;

pub fn run(snapshot: &Path) -> Result<ExitCode> {
    let includes = snapshot.join("includes");
    if !includes.is_dir() {
        bail!("the snapshot's UI strings are not at {}", includes.display());
    }
    let work = std::env::temp_dir().join(format!("lockstep-peer-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("includes"))?;
    for e in std::fs::read_dir(&includes)? {
        let e = e?;
        std::fs::copy(e.path(), work.join("includes").join(e.file_name()))?;
    }
    let terms: Vec<String> = TERMS.iter().map(|t| format!("\"{t}\"")).collect();
    std::fs::write(
        work.join("lockstep.toml"),
        format!(
            "[catalog]\nsources = [\"includes/strings.{{locale}}.env\"]\nout = \"l10n/{{locale}}/site.ftl\"\nterms = [{}]\n",
            terms.join(", ")
        ),
    )?;
    let result = check(&work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn check(work: &Path) -> Result<ExitCode> {
    let config = lockstep::site::Config::parse(&std::fs::read_to_string(work.join("lockstep.toml"))?)
        .map_err(anyhow::Error::msg)?;
    let messages = lockstep::ui::Messages::new(Some("en-US"));
    let report = lockstep::catalog::build(work, &config, &messages).map_err(anyhow::Error::msg)?;
    if !report.errors.is_empty() {
        bail!("catalog build could not read or write: {:?}", report.errors);
    }
    println!("catalog build: source locale {}", report.source_locale);
    for f in &report.files {
        println!(
            "  {:<8} {:>3} messages, {:>2} untranslated left out, {} missing",
            f.locale,
            f.messages,
            f.untranslated.len(),
            f.missing
        );
    }
    let mut failed = report.failed();
    for f in report.findings.iter().filter(|f| f.level == lockstep::check::Level::Error) {
        println!("  lockstep error: {}:{}: [{}] {}", f.file, f.line, f.rule, f.message);
    }
    let files: Vec<PathBuf> = report.files.iter().map(|f| work.join(&f.file)).collect();
    let locales: Vec<&str> =
        report.files.iter().map(|f| f.locale.as_str()).filter(|l| *l != report.source_locale).collect();

    let python = venv()?;
    println!("\nfluent.syntax (Python), Junk in every file:");
    let status = Command::new(&python).arg("-c").arg(JUNK_SCRIPT).args(&files).status()?;
    failed |= !status.success();

    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    std::fs::write(
        work.join("l10n.toml"),
        format!(
            "basepath = \".\"\nlocales = [{}]\n\n[[paths]]\n    reference = \"l10n/{}/**\"\n    l10n = \"l10n/{{locale}}/**\"\n",
            quoted.join(", "),
            report.source_locale
        ),
    )?;
    let json = work.join("compare-locales.json");
    let bin = python.parent().context("the venv's bin folder")?.join("compare-locales");
    let output = Command::new(bin)
        .current_dir(work)
        .args(["--json", json.to_str().context("a UTF-8 temporary path")?, "l10n.toml", "."])
        .args(&locales)
        .output()?;
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&json)
            .with_context(|| format!("compare-locales wrote no JSON: {}", String::from_utf8_lossy(&output.stderr)))?,
    )?;
    println!("\ncompare-locales:");
    let mut errors = 0;
    for run in data.as_array().into_iter().flatten() {
        for (locale, summary) in run["summary"].as_object().into_iter().flatten() {
            let count = |k: &str| summary[k].as_u64().unwrap_or(0);
            errors += count("errors");
            println!(
                "  {locale:<8} errors {}, warnings {}, missing {}, changed {}",
                count("errors"),
                count("warnings"),
                count("missing"),
                count("changed")
            );
        }
        notes(&run["details"], "", &mut |file, kind, text| println!("  {file}: {kind}: {text}"));
    }
    failed |= errors > 0;
    println!("\npeer check: {}", if failed { "FAILED" } else { "passed (no Junk, no compare-locales error)" });
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Walks compare-locales' tree of details (folders, then files, then a list of notes) and
/// hands every error and warning to `show` with its file.
fn notes(tree: &serde_json::Value, path: &str, show: &mut dyn FnMut(&str, &str, &str)) {
    match tree {
        serde_json::Value::Object(map) => {
            for (name, sub) in map {
                let sub_path = if path.is_empty() { name.clone() } else { format!("{path}/{name}") };
                notes(sub, &sub_path, show);
            }
        }
        serde_json::Value::Array(list) => {
            for note in list {
                for kind in ["error", "warning"] {
                    if let Some(text) = note.get(kind).and_then(|t| t.as_str()) {
                        show(path, kind, text);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The Python of a virtual environment with fluent.syntax and compare-locales, made on first
/// use under the workspace's `target/`.
fn venv() -> Result<PathBuf> {
    let dir = crate::triples::workspace_root().join("target").join("peer-check-venv");
    let python = dir.join("bin").join("python");
    let ready = python.exists()
        && Command::new(&python)
            .args(["-c", "import fluent.syntax, compare_locales"])
            .status()
            .is_ok_and(|s| s.success());
    if !ready {
        let status = Command::new("python3").arg("-m").arg("venv").arg(&dir).status().context("python3 -m venv")?;
        if !status.success() {
            bail!("python3 -m venv {} failed", dir.display());
        }
        let status = Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "fluent.syntax", "compare-locales"])
            .status()
            .context("pip install")?;
        if !status.success() {
            bail!("pip install fluent.syntax compare-locales failed");
        }
    }
    Ok(python)
}
