//! Owns `cargo xtask bases` (also `cargo xtask eval --history`): base detection measured on the
//! page histories of `../shared/corpus/history`. The fixture's script builds a real git
//! repository in a temporary folder; lockstep reads its history the way `check` does (one
//! `git log`, one `git cat-file --batch`), chooses a base for every export that has a truth
//! (`log.json` names the English revision each export was made from), and reports how often the
//! choice is the true base, whether the stale labels it gives agree with the true base's, and
//! what base detection costs per file.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use lockstep::history::{RepoHistory, Revision};
use lockstep::parse::{parse, Page};
use serde::Deserialize;

/// Candidates per export, newest first (as `check` offers them).
const CANDIDATES: usize = 12;

#[cfg(test)]
mod tests {
    use super::epoch;

    #[test]
    fn iso_dates_to_epoch() {
        assert_eq!(epoch("2026-03-04T20:43:09Z"), Some(1_772_656_989));
        assert_eq!(epoch("2026-03-04T20:43:09+00:00"), Some(1_772_656_989));
        assert_eq!(epoch("2026-03-04T14:43:09-06:00"), Some(1_772_656_989));
        assert_eq!(epoch("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(epoch("not a date"), None);
    }
}

#[derive(Deserialize)]
struct Export {
    commit_date: String,
    en_n: Option<u32>,
    #[serde(default)]
    tied_en_n: Vec<u32>,
}

#[derive(Deserialize)]
struct Version {
    n: u32,
    commit_date: String,
}

/// What `measure` found.
pub struct Figures {
    /// Percent of exports matched to their true base.
    pub accuracy: f64,
    pub stale_agreement: f64,
    pub ms_per_export: f64,
}

pub fn run(history: &Path, min: Option<crate::eval::BasesThreshold>) -> Result<ExitCode> {
    let f = with_repository(history, true)?;
    let Some(min) = min else { return Ok(ExitCode::SUCCESS) };
    let mut ok = true;
    if (f.accuracy * 10.0).round() / 10.0 < min.accuracy {
        println!("FAIL: base accuracy {:.1}% is below {}%", f.accuracy, min.accuracy);
        ok = false;
    }
    if f.stale_agreement < min.stale_agreement {
        println!("FAIL: stale-label agreement {:.3} is below {}", f.stale_agreement, min.stale_agreement);
        ok = false;
    }
    if ok {
        println!("bases check OK");
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Builds the fixture's repository in a temporary folder and measures base detection on it.
pub fn with_repository(history: &Path, verbose: bool) -> Result<Figures> {
    let script = history.join("build-repo.sh");
    if !script.is_file() {
        bail!("the page histories were not found at {}", history.display());
    }
    let repo = std::env::temp_dir().join(format!("lockstep-bases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repo);
    let built = Command::new("bash").arg(&script).arg(&repo).output().context("running build-repo.sh")?;
    if !built.status.success() {
        bail!("build-repo.sh failed: {}", String::from_utf8_lossy(&built.stderr));
    }
    let result = measure(history, &repo, verbose);
    let _ = std::fs::remove_dir_all(&repo);
    result
}

fn measure(history: &Path, repo: &Path, verbose: bool) -> Result<Figures> {
    let started = Instant::now();
    let git = RepoHistory::read(repo, &["docs", "i18n"]).map_err(|e| anyhow::anyhow!("{e}"))?;
    let ids: Vec<&str> = git.paths().flat_map(|p| git.revisions(p)).map(|r| r.blob.as_str()).collect();
    let texts: HashMap<&str, String> =
        ids.iter().copied().zip(git.blobs(&ids).map_err(|e| anyhow::anyhow!("{e}"))?).collect();
    let reading = started.elapsed();
    let (mut right, mut total, mut agree, mut lines) = (0usize, 0usize, 0usize, 0usize);
    let mut detecting = Duration::ZERO;
    for locale in ["he", "de"] {
        let (mut r, mut t) = (0, 0);
        for page in pages(&history.join(locale))? {
            let exports: Vec<Export> = json(&history.join(locale).join(&page).join("log.json"))?;
            let versions: Vec<Version> = json(&history.join("en").join(&page).join("log.json"))?;
            let sources = git.revisions(&format!("docs/{page}"));
            let newest = &texts[sources.first().context("an English page without versions")?.blob.as_str()];
            let start = Instant::now();
            // Every source revision parsed once for all the page's exports.
            let parsed: HashMap<&str, Page> =
                sources.iter().map(|s| (s.blob.as_str(), parse(&texts[s.blob.as_str()]))).collect();
            detecting += start.elapsed();
            for export in git.revisions(&format!("i18n/{locale}/{page}")) {
                let Some(truth) =
                    exports.iter().find(|e| epoch(&e.commit_date) == Some(export.time) && e.en_n.is_some())
                else {
                    continue;
                };
                let start = Instant::now();
                let translation = &texts[export.blob.as_str()];
                let candidates = candidates(sources, export.time);
                let pages: Vec<&Page> = candidates.iter().map(|c| &parsed[c.blob.as_str()]).collect();
                let Some(choice) = lockstep::classify::choose_base(&parse(translation), &pages) else { continue };
                detecting += start.elapsed();
                let chosen = candidates[choice.index];
                let n = versions.iter().find(|v| epoch(&v.commit_date) == Some(chosen.time)).map(|v| v.n);
                let ok = n.is_some() && (n == truth.en_n || n.is_some_and(|n| truth.tied_en_n.contains(&n)));
                if !ok && verbose {
                    println!(
                        "  {locale}/{page} export of {}: chose version {n:?}, truth {:?} (margin {})",
                        export.date, truth.en_n, choice.margin
                    );
                }
                r += usize::from(ok);
                t += 1;
                // Stale labels against the newest English, from the chosen and the true base.
                let true_base = versions
                    .iter()
                    .find(|v| Some(v.n) == truth.en_n)
                    .and_then(|v| sources.iter().find(|s| Some(s.time) == epoch(&v.commit_date)))
                    .map(|s| texts[s.blob.as_str()].as_str());
                if let Some(true_base) = true_base {
                    let mine = stale_lines(&lockstep::align_pages(
                        newest,
                        translation,
                        Some(&texts[chosen.blob.as_str()]),
                        locale,
                    ));
                    let theirs = stale_lines(&lockstep::align_pages(newest, translation, Some(true_base), locale));
                    for (line, label) in theirs.iter().enumerate().filter_map(|(k, l)| l.map(|l| (k, l))) {
                        lines += 1;
                        agree += usize::from(mine.get(line).copied().flatten() == Some(label));
                    }
                }
            }
        }
        if verbose {
            println!(
                "{locale}: {r}/{t} exports matched to their true base ({:.1}%)",
                100.0 * r as f64 / t.max(1) as f64
            );
        }
        right += r;
        total += t;
    }
    let accuracy = 100.0 * right as f64 / total.max(1) as f64;
    let agreement = (agree as f64 / lines.max(1) as f64 * 1000.0).round() / 1000.0;
    let ms_per_export = detecting.as_secs_f64() * 1000.0 / total.max(1) as f64;
    if verbose {
        println!("all: {right}/{total} ({accuracy:.1}%)");
        println!(
            "stale labels from the chosen base agree with those from the true base on {agreement:.3} of {lines} translation lines"
        );
        println!(
            "base detection: {ms_per_export:.2} ms per export on average (parsing and choosing; reading the history and {} blobs once: {:.0} ms)",
            ids.len(),
            reading.as_secs_f64() * 1000.0
        );
    }
    Ok(Figures { accuracy, stale_agreement: agreement, ms_per_export })
}

/// Seconds since 1970 of an ISO 8601 date with offset (`2024-10-24T12:00:00+02:00`, `…Z`).
fn epoch(date: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> { date.get(r)?.parse().ok() };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let offset = match date.get(19..)? {
        "Z" => 0,
        tz => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            sign * (tz.get(1..3)?.parse::<i64>().ok()? * 3600 + tz.get(4..6)?.parse::<i64>().ok()? * 60)
        }
    };
    // Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss - offset)
}

/// The newest distinct source revisions committed up to `until`.
fn candidates(sources: &[Revision], until: i64) -> Vec<&Revision> {
    let mut seen = std::collections::HashSet::new();
    sources.iter().filter(|s| s.time <= until && seen.insert(s.blob.as_str())).take(CANDIDATES).collect()
}

/// For every line of the translation in a pair: is the pair stale? (`None`: in no pair.)
fn stale_lines(a: &lockstep::Alignment) -> Vec<Option<bool>> {
    let last = a.pairs.iter().filter_map(|p| p.translation_lines).map(|r| r[1]).max().unwrap_or(0) as usize;
    let mut out = vec![None; last + 1];
    for p in &a.pairs {
        if let Some([from, to]) = p.translation_lines {
            for line in from..=to {
                out[line as usize] = Some(p.has(lockstep::Status::Stale));
            }
        }
    }
    out
}

/// Page folders below a locale folder (`about.md`, `os/linux-overview.md`).
fn pages(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.join("log.json").is_file() {
                out.push(p.strip_prefix(dir)?.to_string_lossy().replace('\\', "/"));
            } else if p.is_dir() {
                todo.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}
