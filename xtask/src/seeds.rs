//! Owns `cargo xtask seeds`: the real-world check of the four seed pages (see the seeds'
//! README). The pages are read from `../shared` at run time; what a correct run shows is
//! asserted here, so that CI fails when it stops being true.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use lockstep::parse::Kind;
use lockstep::{AlignedPair, Status};
use regex::Regex;

pub fn default_shared_dir() -> PathBuf {
    crate::triples::default_triples_dir().join("../..")
}

/// The English revision seed 003 was translated from, in the shared folder.
pub const BASE_OF_003: &str = "corpus/history/en/real-time-communication.md/032_2024-10-24_321d14b6.md";

/// One seed file, by its number prefix.
pub fn seed(shared: &Path, prefix: &str) -> Result<String> {
    let dir = shared.join("seeds");
    let entry = std::fs::read_dir(&dir)
        .with_context(|| format!("seeds not found at {}", dir.display()))?
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .with_context(|| format!("no seed {prefix}_* in {}", dir.display()))?;
    read(&entry.path())
}

pub fn read(path: &Path) -> Result<String> {
    lockstep::load::read_page(path).map_err(|e| anyhow::anyhow!("{e}"))
}

struct Checks {
    failed: usize,
}

impl Checks {
    fn check(&mut self, ok: bool, what: &str) {
        println!("{} {what}", if ok { "ok  " } else { "FAIL" });
        if !ok {
            self.failed += 1;
        }
    }
}

pub fn run(shared: &Path) -> Result<ExitCode> {
    if !shared.join("seeds").is_dir() {
        bail!("the seed pages were not found at {} (expected ../shared beside the repository)", shared.display());
    }
    let english = seed(shared, "001")?;
    let hebrew = seed(shared, "003")?;
    let base_path = shared.join(BASE_OF_003);
    let base = read(&base_path)?;
    let mut c = Checks { failed: 0 };
    let lines: Vec<&str> = hebrew.lines().collect();
    let english_lines: Vec<&str> = english.lines().collect();

    let with_base = lockstep::align_pages(&english, &hebrew, Some(&base), "he");
    let without = lockstep::align_pages(&english, &hebrew, None, "he");
    for (mode, a) in [("with base", &with_base), ("without base", &without)] {
        let at = |line: usize| a.pairs.iter().find(|p| covers(p.translation_lines, line));
        let obsolete_headings = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l.trim(), "### Element" | "### Session"))
            .all(|(i, _)| at(i + 1).is_some_and(|p| p.has(Status::Obsolete)));
        c.check(obsolete_headings, &format!("001 vs 003 {mode}: the Element and Session blocks are obsolete"));
        let added = english_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.contains("SimpleX Chat was independently audited in"))
            .map(|(i, _)| i + 1)
            .collect::<Vec<_>>();
        let missing = !added.is_empty()
            && added.iter().all(|line| a.pairs.iter().any(|p| covers(p.source_lines, *line) && p.has(Status::Missing)));
        c.check(missing, &format!("001 vs 003 {mode}: the SimpleX audit paragraph added in 2025 is missing"));
        let (found, total) = english_sentences_found(a, &lines);
        c.check(
            found == total && total > 0,
            &format!("001 vs 003 {mode}: every English sentence left in the Hebrew is untranslated or partial ({found}/{total})"),
        );
    }
    let stale: Vec<&AlignedPair> = with_base.pairs.iter().filter(|p| p.has(Status::Stale)).collect();
    c.check(
        stale.len() >= 10 && stale.iter().all(|p| p.diff().is_some_and(|d| !d.is_empty())),
        &format!("001 vs 003 with base: blocks changed since 2024-10 are stale with a diff ({})", stale.len()),
    );
    c.check(without.pairs.iter().all(|p| !p.has(Status::Stale)), "001 vs 003 without base: nothing is called stale");

    let (found, decoy) = base_of_003(shared, &hebrew, &seed(shared, "002")?)?;
    c.check(found, "003's base is found among the English revisions (and 002) as the revision of 2024-10-24");
    c.check(!decoy, "002 is never chosen as the base of 003");

    let flattened = seed(shared, "000")?;
    let page = lockstep::parse::parse(&flattened);
    let covered = |line: u32| page.segments.iter().any(|s| s.lines[0] <= line && line <= s.lines[1]);
    let markers_kept = flattened
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("!!!"))
        .all(|(i, _)| page.segments.iter().any(|s| s.kind == Kind::Admonition && s.lines[0] == i as u32 + 1));
    let nothing_lost =
        flattened.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).all(|(i, _)| covered(i as u32 + 1));
    c.check(markers_kept && nothing_lost, "000 parses without losing the flattened admonitions");

    let snapshot = shared.join("corpus/snapshot");
    if snapshot.is_dir() {
        let config = lockstep::site::Config::default();
        let site = lockstep::site::Site::discover(&snapshot, &config).map_err(anyhow::Error::msg)?;
        let found = format!("{:?} layout, {} pages, locales {}", site.layout, site.pages.len(), site.locales.join(" "));
        c.check(
            site.layout == lockstep::site::Layout::SeparateTree
                && site.locales == ["ar", "de", "fr", "he", "zh-Hant"]
                && site.pages.len() == 123,
            &format!("the snapshot's English tree and 5 locales are found without config ({found})"),
        );
        let report = crate::bench::analyse_pages(&site, &config);
        c.check(
            report.errors.is_empty() && report.pages.len() == 5 * 123,
            &format!(
                "every page of the snapshot is checked ({} page pairs, {} errors)",
                report.pages.len(),
                report.errors.len()
            ),
        );
        let schema_path = shared.join("schemas/sarif-schema-2.1.0.json");
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&schema_path)?)?;
        let validator = jsonschema::draft4::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| anyhow::anyhow!("{}: {e}", schema_path.display()))?;
        let mut sarif = Vec::new();
        lockstep::report::sarif::write(&report, lockstep::ui::Messages::english(), &mut sarif);
        let doc: serde_json::Value = serde_json::from_slice(&sarif)?;
        let problems: Vec<String> =
            validator.iter_errors(&doc).take(5).map(|e| format!("{e} at {}", e.instance_path)).collect();
        for p in &problems {
            println!("     {p}");
        }
        c.check(
            problems.is_empty(),
            &format!(
                "the SARIF of the snapshot's {} findings validates against the SARIF 2.1.0 schema",
                report.findings.len()
            ),
        );
    }

    if c.failed > 0 {
        println!("seeds: {} check(s) failed", c.failed);
        return Ok(ExitCode::from(1));
    }
    println!("seeds: all checks passed");
    Ok(ExitCode::SUCCESS)
}

/// Chooses the base of 003 among every English revision of its page committed up to its export,
/// with 002 offered too: (the 2024-10-24 revision was chosen, 002 was chosen).
fn base_of_003(shared: &Path, hebrew: &str, old: &str) -> Result<(bool, bool)> {
    let history = shared.join("corpus/history");
    let manifest = std::fs::read_to_string(history.join("commits.tsv"))?;
    let rows: Vec<Vec<&str>> =
        manifest.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
    // 003 was exported on 2024-10-24 (seeds README); the end of that day, UTC.
    let export: i64 = 1_729_814_399;
    let mut versions: Vec<(i64, String)> = rows
        .iter()
        .filter(|r| r.get(7).is_some_and(|f| f.starts_with("en/real-time-communication.md/")))
        .filter_map(|r| Some((r.get(4)?.parse().ok()?, r.get(7)?.to_string())))
        .filter(|(t, _)| *t <= export)
        .collect();
    versions.sort_by(|a, b| b.cmp(a));
    let mut texts: Vec<String> = versions.iter().map(|(_, f)| read(&history.join(f))).collect::<Result<_>>()?;
    texts.push(old.to_owned());
    let pages: Vec<lockstep::parse::Page> = texts.iter().map(|t| lockstep::parse::parse(t)).collect();
    let refs: Vec<&lockstep::parse::Page> = pages.iter().collect();
    let choice = lockstep::classify::choose_base(&lockstep::parse::parse(hebrew), &refs).context("no candidate")?;
    let chosen = versions.get(choice.index).map(|(_, f)| f.as_str());
    Ok((chosen.is_some_and(|f| f.ends_with("032_2024-10-24_321d14b6.md")), choice.index == versions.len()))
}

fn covers(range: Option<[u32; 2]>, line: usize) -> bool {
    range.is_some_and(|[a, b]| (a as usize..=b as usize).contains(&line))
}

/// Lines of the translation holding a run of five or more English words outside link
/// targets and attribute lists, and how many of them sit in a pair marked untranslated or
/// partial (or verbatim: nothing to translate).
fn english_sentences_found(a: &lockstep::Alignment, lines: &[&str]) -> (usize, usize) {
    let markup = Regex::new(r"\]\([^)]*\)|\{[^}]*\}|`[^`]*`|<[^>]*>|\[\^\d+\]").unwrap();
    let run = Regex::new(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){4,}").unwrap();
    let (mut found, mut total) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("---") || line.contains(": ") && i < 8 {
            continue; // front matter keys
        }
        if !run.is_match(&markup.replace_all(line, " ")) {
            continue;
        }
        total += 1;
        let ok = a.pairs.iter().any(|p| {
            covers(p.translation_lines, i + 1)
                && (p.verbatim || p.has(Status::Untranslated) || p.has(Status::Partial) || p.has(Status::Obsolete))
        });
        if ok {
            found += 1;
        } else {
            println!("     English left in line {}: {}", i + 1, line.chars().take(80).collect::<String>());
        }
    }
    (found, total)
}
