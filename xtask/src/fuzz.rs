//! Owns `cargo xtask fuzz`: runs every cargo-fuzz target of `fuzz/` (nightly toolchain) on a
//! corpus seeded at run time from the repository's fixtures and, when present, from
//! `../shared` (the seeds are copied under `target/`, never into the repository). `--replay`
//! runs each target once over its seeds and stops: the seconds-long check `.ci/run` makes.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

pub const TARGETS: [&str; 5] = ["parse", "align", "rules", "catalog", "config"];

pub struct FuzzArgs {
    pub seconds: u64,
    pub replay: bool,
    pub only: Option<String>,
}

pub fn run(args: &FuzzArgs) -> Result<ExitCode> {
    let root = crate::triples::workspace_root();
    let shared = crate::seeds::default_shared_dir();
    if Command::new("cargo").args(["+nightly", "fuzz", "--version"]).output().map_or(true, |o| !o.status.success()) {
        bail!("cargo fuzz on the nightly toolchain is needed: `rustup toolchain install nightly` and `cargo install cargo-fuzz`");
    }
    let mut failed = Vec::new();
    for target in TARGETS.iter().filter(|t| args.only.as_deref().is_none_or(|o| o == **t)) {
        let corpus = root.join("target/fuzz-corpus").join(target);
        let seeds = seed(target, &root, &shared, &corpus)?;
        let mut cmd = Command::new("cargo");
        cmd.current_dir(root.join("fuzz")).args(["+nightly", "fuzz", "run", "-O"]);
        if args.replay {
            // Replaying asserts the targets' invariants; without a sanitizer it builds in half the time.
            cmd.args(["--sanitizer", "none"]);
        }
        cmd.arg(target).arg(&corpus);
        let regressions = root.join("fuzz/regressions").join(target);
        if regressions.is_dir() {
            cmd.arg(&regressions);
        }
        // libFuzzer times an input by the wall clock: on a machine running other work, a slow
        // input is not a hang until it has taken minutes.
        cmd.args(["--", "-rss_limit_mb=4096", "-timeout=120", "-max_len=65536"]);
        if args.replay {
            cmd.arg("-runs=0");
        } else {
            cmd.arg(format!("-max_total_time={}", args.seconds));
        }
        println!(
            "==> fuzz {target} ({seeds} seeds, {})",
            if args.replay { "replay".into() } else { format!("{} s", args.seconds) }
        );
        let status = cmd.status().with_context(|| format!("running cargo fuzz for {target}"))?;
        if !status.success() {
            failed.push(*target);
        }
    }
    if failed.is_empty() {
        println!("fuzz: every target passed");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("fuzz: FAILED for {} (the crashing input is under fuzz/artifacts/)", failed.join(", "));
        Ok(ExitCode::from(1))
    }
}

/// Fills `corpus` with seeds for `target` (keeping what earlier runs found) and returns how many
/// files it holds.
fn seed(target: &str, root: &Path, shared: &Path, corpus: &Path) -> Result<usize> {
    std::fs::create_dir_all(corpus)?;
    let mut files: Vec<PathBuf> = Vec::new();
    let extensions: &[&str] = match target {
        "catalog" => &["env", "properties", "json", "ftl"],
        "config" => &["toml"],
        _ => &["md"],
    };
    for dir in [
        root.join("tests"),
        root.join("examples"),
        root.join("locales"),
        shared.join("corpus/snapshot"),
        shared.join("seeds"),
    ] {
        collect(&dir, extensions, &mut files);
    }
    if target == "parse" {
        collect(&shared.join("seeds"), &["txt"], &mut files);
    }
    files.sort();
    // A few hundred seeds are plenty to start from; more only slow the first pass.
    for (n, f) in files.iter().take(400).enumerate() {
        let mut bytes = std::fs::read(f)?;
        bytes.truncate(65536);
        if target == "catalog" {
            // The target reads a format selector byte first.
            let kind = match f.extension().and_then(|e| e.to_str()) {
                Some("env") => 0,
                Some("properties") => 1,
                Some("json") => 2,
                _ => 3,
            };
            bytes.insert(0, kind);
        }
        std::fs::write(corpus.join(format!("seed-{n:04}")), bytes)?;
    }
    Ok(std::fs::read_dir(corpus)?.count())
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, extensions, out);
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.contains(&x)) {
            out.push(p);
        }
    }
}
