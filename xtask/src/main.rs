//! Owns the `cargo xtask` entry point: the usage text, argument parsing and dispatch to the
//! `eval`, `bench`, `seeds`, `bases`, `peer-check` and `browser-test` tasks, and the mapping of outcomes to exit codes
//! (0 = success, 1 = `eval --check` found a figure below its threshold, 2 = error).

mod adversarial;
mod bases;
mod bench;
mod browser_test;
mod decoys;
mod eval;
mod fuzz;
mod peer_check;
mod rules_audit;
mod seeds;
mod triples;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  eval    score align_pages against the corpus triples (with and without base)
  bench   time parse-only and align_pages over the corpus triples
  seeds   check what a correct run on the seed pages shows (../shared/seeds)
  bases   (also `eval --history`) builds the page histories' git repository in a temporary folder
          and measures how often the base chosen among English revisions is the true one,
          whether its stale labels agree with the true base's, and the time base choice takes
          --check: exit 1 below the figures kept in xtask/eval-thresholds.toml ([bases])
  rules-audit  run every markup and script rule over ../shared/corpus/snapshot: counts per rule and
          locale and a reproducible sample of findings per rule to judge by hand
          --sample N: findings per rule (default 10)
          --check: exit 1 unless the known real defects are found and the SPEC §1.2 rewrites of
          every English page cause no finding
  peer-check  builds the Fluent catalogues of the snapshot's UI strings (lockstep catalog build)
          and checks them with Python's fluent.syntax (no Junk) and compare-locales (no error),
          installed from PyPI into target/peer-check-venv; exit 1 when either disagrees
  adversarial  only the adversarial phase of bench: inputs built to be slow (identical, disjoint,
          reversed, deeply nested, one 50 MB line, 1 M lines) at 1x, 4x and 16x; exit 1 if time
          grows worse than near-linearly or memory beyond a small multiple of the input
  fuzz    runs every cargo-fuzz target of fuzz/ (nightly; seeds from the fixtures and ../shared,
          copied under target/fuzz-corpus): parse, align, rules, catalog, config
          --seconds N: per target (default 60); --target T: only one; --replay: each target once
          over its corpus and fuzz/regressions (what .ci/run does)
  browser-test  builds `lockstep report` of examples/site (also with --lang he, and as a git history
          with stale diffs), of the hostile fixture and of ../shared/corpus/snapshot, opens every page
          in the system's headless Chromium (DevTools protocol; nothing is downloaded) and asserts the
          live DOM: index figures = status --format json, cell directions, stale del/ins, filters,
          sorting, no console error, only file:// requests, lang, title, heading order, table headers,
          hostile text inert; screenshots in target/browser-test/
          --chromium PATH: the browser (default: $CHROMIUM, then chromium on the PATH)
          --case NAME: only one report (example, example-he, example-git, hostile, snapshot)
  help    print this text

eval options:
  --triples DIR    triples directory (default: ../shared/corpus/triples from the workspace root)
  --triple NAME    only the triples whose directory name contains NAME
  --check          compare the \"all\" rows with xtask/eval-thresholds.toml; exit 1 if any is below
  --json FILE      write every figure (per mode, per locale; tp/fp/fn and P/R/F1) as JSON
  --verbose        print the figures of every triple
  --dump-errors    print every line where the prediction disagrees with the truth

bench options:
  --triples DIR    triples directory (as for eval)
  --snapshot DIR   also time parse-only of every .md page below DIR
                   (default: the snapshot beside the triples, skipped when absent)
  --runs N         repetitions (default 5); best and median are reported

exit codes: 0 success, 1 eval --check found a figure below its threshold, 2 error
";

/// Arguments left after the task name, consumed flag by flag.
struct Args {
    rest: std::vec::IntoIter<String>,
}

impl Args {
    /// The next flag, with its inline value for `--flag=value`.
    fn next_flag(&mut self) -> Option<(String, Option<String>)> {
        let arg = self.rest.next()?;
        Some(match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.into())),
            _ => (arg, None),
        })
    }

    fn value(&mut self, flag: &str, inline: Option<String>) -> Result<String> {
        match inline.or_else(|| self.rest.next()) {
            Some(v) => Ok(v),
            None => bail!("{flag} needs a value"),
        }
    }

    fn no_value(flag: &str, inline: Option<String>) -> Result<()> {
        match inline {
            Some(_) => bail!("{flag} takes no value"),
            None => Ok(()),
        }
    }
}

fn parse_eval(mut args: Args) -> Result<eval::EvalArgs> {
    let mut out = eval::EvalArgs {
        triples: triples::default_triples_dir(),
        check: false,
        json: None,
        filter: None,
        verbose: false,
        dump_errors: false,
    };
    while let Some((flag, inline)) = args.next_flag() {
        match flag.as_str() {
            "--triples" => out.triples = args.value(&flag, inline)?.into(),
            "--triple" => out.filter = Some(args.value(&flag, inline)?),
            "--json" => out.json = Some(args.value(&flag, inline)?.into()),
            "--check" => {
                Args::no_value(&flag, inline)?;
                out.check = true;
            }
            "--verbose" | "-v" => {
                Args::no_value(&flag, inline)?;
                out.verbose = true;
            }
            "--dump-errors" => {
                Args::no_value(&flag, inline)?;
                out.dump_errors = true;
            }
            _ => bail!("unknown option for eval: {flag}"),
        }
    }
    Ok(out)
}

fn parse_bench(mut args: Args) -> Result<bench::BenchArgs> {
    let mut triples_dir = triples::default_triples_dir();
    let mut snapshot: Option<PathBuf> = None;
    let mut runs = 5;
    while let Some((flag, inline)) = args.next_flag() {
        match flag.as_str() {
            "--triples" => triples_dir = args.value(&flag, inline)?.into(),
            "--snapshot" => snapshot = Some(args.value(&flag, inline)?.into()),
            "--runs" => {
                let v = args.value(&flag, inline)?;
                runs = v.parse().with_context(|| format!("--runs expects a number, got `{v}`"))?;
            }
            _ => bail!("unknown option for bench: {flag}"),
        }
    }
    Ok(bench::BenchArgs {
        snapshot_explicit: snapshot.is_some(),
        snapshot: snapshot.unwrap_or_else(|| bench::default_snapshot_dir(&triples_dir)),
        triples: triples_dir,
        runs,
    })
}

fn run(argv: Vec<String>) -> Result<ExitCode> {
    let mut argv = argv.into_iter();
    let task = argv.next();
    let mut args = Args { rest: argv };
    match task.as_deref() {
        Some("eval") if args.rest.as_slice().contains(&"--history".to_owned()) => {
            let check = args.rest.as_slice().contains(&"--check".to_owned());
            let min = if check { Some(eval::bases_threshold()?) } else { None };
            bases::run(&seeds::default_shared_dir().join("corpus/history"), min)
        }
        Some("eval") => eval::run(&parse_eval(args)?),
        Some("bench") => bench::run(&parse_bench(args)?),
        Some("seeds") => seeds::run(&seeds::default_shared_dir()),
        Some("bases") => {
            let check = args.rest.as_slice() == ["--check"];
            let min = if check { Some(eval::bases_threshold()?) } else { None };
            bases::run(&seeds::default_shared_dir().join("corpus/history"), min)
        }
        Some("rules-audit") => {
            let mut a = rules_audit::AuditArgs { sample: 10, check: false };
            while let Some((flag, value)) = args.next_flag() {
                match flag.as_str() {
                    "--check" if value.is_none() => a.check = true,
                    "--sample" => a.sample = args.value(&flag, value)?.parse().context("--sample takes a number")?,
                    other => bail!("unknown rules-audit option `{other}`"),
                }
            }
            rules_audit::run(&seeds::default_shared_dir(), &a)
        }
        Some("adversarial") => {
            let mut out = String::new();
            let bounded = adversarial::run(&mut out);
            print!("{out}");
            Ok(if bounded { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Some("fuzz") => {
            let mut a = fuzz::FuzzArgs { seconds: 60, replay: false, only: None };
            while let Some((flag, value)) = args.next_flag() {
                match flag.as_str() {
                    "--replay" if value.is_none() => a.replay = true,
                    "--seconds" => a.seconds = args.value(&flag, value)?.parse().context("--seconds takes a number")?,
                    "--target" => a.only = Some(args.value(&flag, value)?),
                    other => bail!("unknown fuzz option `{other}`"),
                }
            }
            fuzz::run(&a)
        }
        Some("browser-test") => {
            let (mut chromium, mut only) = (None, None);
            while let Some((flag, value)) = args.next_flag() {
                match flag.as_str() {
                    "--chromium" => chromium = Some(args.value(&flag, value)?.into()),
                    "--case" => only = Some(args.value(&flag, value)?),
                    other => bail!("unknown browser-test option `{other}`"),
                }
            }
            browser_test::run(&seeds::default_shared_dir(), chromium, only.as_deref())
        }
        Some("peer-check") => peer_check::run(&seeds::default_shared_dir().join("corpus/snapshot")),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => bail!("unknown task `{other}`\n\n{USAGE}"),
        None => bail!("no task given\n\n{USAGE}"),
    }
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Args {
        Args { rest: list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>().into_iter() }
    }

    #[test]
    fn eval_flags_parse() {
        let a = parse_eval(args(&[
            "--triples",
            "t",
            "--triple=he__",
            "--check",
            "--json",
            "out.json",
            "--verbose",
            "--dump-errors",
        ]))
        .unwrap();
        assert_eq!(a.triples, PathBuf::from("t"));
        assert_eq!(a.filter.as_deref(), Some("he__"));
        assert!(a.check && a.verbose && a.dump_errors);
        assert_eq!(a.json, Some(PathBuf::from("out.json")));
    }

    #[test]
    fn bad_flags_are_errors() {
        assert!(parse_eval(args(&["--bogus"])).is_err());
        assert!(parse_eval(args(&["--json"])).is_err());
        assert!(parse_eval(args(&["--check=yes"])).is_err());
        assert!(parse_bench(args(&["--runs", "many"])).is_err());
    }

    #[test]
    fn bench_defaults() {
        let b = parse_bench(args(&["--triples", "x/triples"])).unwrap();
        assert_eq!(b.runs, 5);
        assert_eq!(b.snapshot, PathBuf::from("x/snapshot"));
        assert!(!b.snapshot_explicit);
    }
}
