//! Owns `cargo xtask bases`: how often the base chosen among the English page's revisions is
//! the one the translation was really made from, on the page histories of
//! `../shared/corpus/history` (whose `log.json` files name the true base of every export).

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

#[derive(Deserialize)]
struct Export {
    file: String,
    en_n: Option<u32>,
    #[serde(default)]
    tied_en_n: Vec<u32>,
}

#[derive(Deserialize)]
struct Version {
    n: u32,
    file: String,
}

pub fn run(history: &Path, min: Option<crate::eval::BasesThreshold>) -> Result<ExitCode> {
    if !history.join("commits.tsv").is_file() {
        bail!("the page histories were not found at {}", history.display());
    }
    // Committer time of every file version (commits.tsv: stream, sha, author epoch, tz,
    // committer epoch, tz, path, file).
    let manifest = std::fs::read_to_string(history.join("commits.tsv"))?;
    let time: HashMap<&str, i64> = manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((*f.get(7)?, f.get(4)?.parse().ok()?))
        })
        .collect();
    let (mut right, mut total) = (0usize, 0usize);
    let (mut agree, mut lines) = (0usize, 0usize);
    let mut choosing = std::time::Duration::ZERO;
    for locale in ["he", "de"] {
        let (mut r, mut t) = (0, 0);
        for page in pages(&history.join(locale))? {
            let exports: Vec<Export> = json(&history.join(locale).join(&page).join("log.json"))?;
            let versions: Vec<Version> = json(&history.join("en").join(&page).join("log.json"))?;
            let texts: Vec<String> =
                versions.iter().map(|v| read(&history.join(format!("en/{page}/{}", v.file)))).collect::<Result<_>>()?;
            let newest = texts.last().context("a page without versions")?;
            let parsed: Vec<(u32, i64, lockstep::parse::Page)> = versions
                .iter()
                .zip(&texts)
                .map(|(v, text)| {
                    let key = format!("en/{page}/{}", v.file);
                    let at = *time.get(key.as_str()).context("version missing from commits.tsv")?;
                    Ok((v.n, at, lockstep::parse::parse(text)))
                })
                .collect::<Result<_>>()?;
            for e in exports.iter().filter(|e| e.en_n.is_some()) {
                let key = format!("{locale}/{page}/{}", e.file);
                let at = *time.get(key.as_str()).context("export missing from commits.tsv")?;
                let tr_text = read(&history.join(&key))?;
                let started = std::time::Instant::now();
                let tr = lockstep::parse::parse(&tr_text);
                let mut candidates: Vec<&(u32, i64, lockstep::parse::Page)> =
                    parsed.iter().filter(|(_, t, _)| *t <= at).collect();
                candidates.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
                let pages: Vec<&lockstep::parse::Page> = candidates.iter().map(|c| &c.2).collect();
                let Some(choice) = lockstep::classify::choose_base(&tr, &pages) else { continue };
                choosing += started.elapsed();
                let chosen = candidates[choice.index].0;
                // Stale labels against the newest English, from the chosen and the true base.
                let text_of = |n: u32| versions.iter().position(|v| v.n == n).map(|k| texts[k].as_str());
                if let (Some(mine), Some(truth)) = (text_of(chosen), e.en_n.and_then(text_of)) {
                    let a = stale_lines(&lockstep::align_pages(newest, &tr_text, Some(mine), locale));
                    let b = stale_lines(&lockstep::align_pages(newest, &tr_text, Some(truth), locale));
                    for (line, truth) in b.iter().enumerate().filter_map(|(k, t)| t.map(|t| (k, t))) {
                        lines += 1;
                        agree += usize::from(a.get(line).copied().flatten() == Some(truth));
                    }
                }
                let ok = Some(chosen) == e.en_n || e.tied_en_n.contains(&chosen);
                if !ok {
                    println!("  {key}: chose version {chosen}, truth {:?} (margin {})", e.en_n, choice.margin);
                }
                r += usize::from(ok);
                t += 1;
            }
        }
        println!("{locale}: {r}/{t} exports matched to their true base ({:.1}%)", 100.0 * r as f64 / t.max(1) as f64);
        right += r;
        total += t;
    }
    let accuracy = 100.0 * right as f64 / total.max(1) as f64;
    println!("all: {right}/{total} ({accuracy:.1}%)");
    println!(
        "stale labels from the chosen base agree with those from the true base on {:.3} of {lines} translation lines",
        agree as f64 / lines.max(1) as f64
    );
    println!(
        "base choice: {:.2} ms per export on average (parsing the export and choosing among parsed candidates)",
        choosing.as_secs_f64() * 1000.0 / total.max(1) as f64
    );
    let agreement = (agree as f64 / lines.max(1) as f64 * 1000.0).round() / 1000.0;
    let Some(min) = min else { return Ok(ExitCode::SUCCESS) };
    let mut ok = true;
    if (accuracy * 10.0).round() / 10.0 < min.accuracy {
        println!("FAIL: base accuracy {accuracy:.1}% is below {}%", min.accuracy);
        ok = false;
    }
    if agreement < min.stale_agreement {
        println!("FAIL: stale-label agreement {agreement:.3} is below {}", min.stale_agreement);
        ok = false;
    }
    if ok {
        println!("bases check OK");
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
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

fn read(path: &Path) -> Result<String> {
    lockstep::load::read_page(path).map_err(|e| anyhow::anyhow!("{e}"))
}
