//! Owns `cargo xtask rules-audit`: every markup and script rule run over the real snapshot,
//! counted per rule and locale, with a reproducible random sample of findings to judge by hand
//! (the precision recorded in `docs/rules.md`). `--check` also asserts what must stay true:
//! the real defects named by the rules issue are found, by content rather than by line, and
//! the harmless platform rewrites of SPEC §1.2 produce no finding on any English page.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use lockstep::check::{Finding, Level};
use lockstep::parse::parse;
use lockstep::rules::{self, Group};
use lockstep::script::LocaleFacts;
use regex::Regex;

pub struct AuditArgs {
    pub sample: usize,
    pub check: bool,
}

pub fn run(shared: &Path, args: &AuditArgs) -> Result<ExitCode> {
    let snapshot = shared.join("corpus/snapshot");
    if !snapshot.is_dir() {
        bail!("the snapshot was not found at {} (expected ../shared beside the repository)", snapshot.display());
    }
    let config = lockstep::site::config::Config::default();
    let site = lockstep::site::Site::discover(&snapshot, &config).map_err(anyhow::Error::msg)?;
    let start = std::time::Instant::now();
    let report = crate::bench::analyse_pages(&site, &config);
    let findings: Vec<&Finding> = report.findings.iter().filter(|f| !is_coverage(f.rule)).collect();
    println!(
        "rules over {} ({} page pairs, {:.2} s): {} markup and script findings\n",
        snapshot.display(),
        report.pages.len(),
        start.elapsed().as_secs_f64(),
        findings.len()
    );
    counts(&report.locales.iter().map(|l| l.locale.as_str()).collect::<Vec<_>>(), &findings);
    samples(&findings, args.sample, &format!("{}/", report.root));
    if !args.check {
        return Ok(ExitCode::SUCCESS);
    }
    println!("\nchecks");
    let mut failed = 0;
    let mut check = |ok: bool, what: &str| {
        println!("{} {what}", if ok { "ok  " } else { "FAIL" });
        failed += usize::from(!ok);
    };
    let hebrew = Regex::new(r"\p{Hebrew}").unwrap();
    let found = |rule: &str, locale: &str, page: &str, content: &dyn Fn(&Finding) -> bool| {
        findings.iter().any(|f| f.rule == rule && f.locale == locale && f.file.ends_with(page) && content(f))
    };
    check(
        found("code-span-changed", "he", "basics/passwords-overview.md", &|f| {
            f.message.split_once('→').is_some_and(|(_, to)| hebrew.is_match(to))
        }),
        "he basics/passwords-overview.md: inline code translated into Hebrew (code-span-changed)",
    );
    check(
        found("emphasis-changed", "he", "android/distributions.md", &|f| {
            f.translation_excerpt.as_deref().is_some_and(|l| l.contains("\\*"))
        }),
        "he android/distributions.md: emphasis escaped into literal `\\*` (emphasis-changed)",
    );
    check(
        found("link-syntax-broken", "ar", "/ar/index.md", &|f| {
            f.translation_excerpt.as_deref().is_some_and(|l| Regex::new(r"\]\s+\(").unwrap().is_match(l))
        }),
        "ar index.md: links broken by `] (` (link-syntax-broken)",
    );
    check(seed_briar(shared)?, "seed 003: the translated `briar://` code span (code-span-changed)");
    let (pages, caused) = rewrites(&snapshot)?;
    check(caused.is_empty(), &format!("SPEC §1.2 rewrites of all {pages} English pages cause no finding"));
    for f in caused.iter().take(10) {
        println!("       {}:{}: {}[{}] {}", f.file, f.line, f.level.as_str(), f.rule, f.message);
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn is_coverage(id: &str) -> bool {
    rules::rule(id).is_none_or(|r| r.group == Group::Coverage)
}

/// Findings per rule (rows) and locale (columns).
fn counts(locales: &[&str], findings: &[&Finding]) {
    let mut table: BTreeMap<(usize, &str), BTreeMap<&str, usize>> = BTreeMap::new();
    for f in findings {
        let order = rules::RULES.iter().position(|r| r.id == f.rule).unwrap_or(usize::MAX);
        *table.entry((order, f.rule)).or_default().entry(&f.locale).or_default() += 1;
    }
    print!("{:<26} {:>7}", "rule", "level");
    for l in locales {
        print!(" {l:>8}");
    }
    println!(" {:>8}", "all");
    for ((_, rule), per_locale) in &table {
        let level = rules::rule(rule).map_or("-", |r| r.default.as_str());
        print!("{rule:<26} {level:>7}");
        for l in locales {
            print!(" {:>8}", per_locale.get(l).copied().unwrap_or(0));
        }
        println!(" {:>8}", per_locale.values().sum::<usize>());
    }
}

/// Up to `n` findings per rule, drawn with a generator seeded by the rule id, so that a sample
/// is the same on every machine and does not change when another rule's findings do.
fn samples(findings: &[&Finding], n: usize, root: &str) {
    if n == 0 {
        return;
    }
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_rule.entry(f.rule).or_default().push(f);
    }
    for (rule, mut list) in by_rule {
        list.sort_by(|a, b| (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message)));
        let mut state =
            rule.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let mut picked: Vec<&Finding> = Vec::new();
        let wanted = n.min(list.len());
        while picked.len() < wanted {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            picked.push(list.remove((state % list.len() as u64) as usize));
        }
        println!("\n== {rule}: {} of {} findings", picked.len(), picked.len() + list.len());
        for f in picked {
            println!(
                "{}:{}:{} [{}] {}",
                f.file.trim_start_matches(root),
                f.line,
                f.column,
                f.locale,
                rules::visible(&f.message)
            );
            if let Some(e) = &f.source_excerpt {
                println!("    en: {}", shorten(e));
            }
            if let Some(t) = &f.translation_excerpt {
                println!("    tr: {}", shorten(t));
            }
        }
    }
}

fn shorten(s: &str) -> String {
    let one: String = rules::visible(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if one.chars().count() > 220 {
        format!("{}…", one.chars().take(220).collect::<String>())
    } else {
        one
    }
}

/// Whether the rules flag the translated `briar://` of seed 003 (made from the 2024-10-24
/// English revision, which is its base).
fn seed_briar(shared: &Path) -> Result<bool> {
    let english = crate::seeds::seed(shared, "001")?;
    let hebrew = crate::seeds::seed(shared, "003")?;
    let base = crate::seeds::read(&shared.join(crate::seeds::BASE_OF_003))?;
    let (src, tr, base_page) = (parse(&english), parse(&hebrew), parse(&base));
    let facts = LocaleFacts::new("he");
    let mut a = lockstep::classify::classify(&src, &tr, Some(&base_page), &facts);
    a.translation = "003".into();
    let found = rules::check_alignment(&a, &src, Some(&base_page), &tr, &hebrew, &facts, &|r| r.default);
    Ok(found.iter().any(|f| f.rule == "code-span-changed" && f.message.contains("`briar://` →")))
}

/// Every English page of the snapshot against a copy with the harmless rewrites of SPEC §1.2
/// applied, as a translation made from it: the markup and script findings that result.
fn rewrites(snapshot: &Path) -> Result<(usize, Vec<Finding>)> {
    let facts = LocaleFacts::new("de");
    let mut pages = 0;
    let mut out = Vec::new();
    for entry in crate::bench::files_below(&snapshot.join("docs"), |p| p.extension().is_some_and(|x| x == "md"))? {
        let text = crate::seeds::read(&entry)?;
        let rewritten = rewrite(&text);
        let (src, tr) = (parse(&text), parse(&rewritten));
        let mut a = lockstep::classify::classify(&src, &tr, Some(&src), &facts);
        a.translation = entry.display().to_string();
        let level = |r: &rules::Rule| if r.group == Group::Coverage { Level::Off } else { r.default };
        out.extend(rules::check_alignment(&a, &src, Some(&src), &tr, &rewritten, &facts, &level));
        pages += 1;
    }
    Ok((pages, out))
}

/// The rewrites translation platforms make without changing what a page means (SPEC §1.2):
/// attribute-list spacing, empty link titles, `*em*` as `_em_`, table cell padding, backslash
/// escapes, a blank line after the front matter, footnote definitions moved to the end.
pub fn rewrite(text: &str) -> String {
    let attr = Regex::new(r"\{ ([.#][^{}\n]*?) \}").unwrap();
    let link = Regex::new(r"\]\(([^()\s]+)\)").unwrap();
    let em = Regex::new(r"(^|[\s(])\*([^*\s`][^*`]*?[^*\s`]|[^*\s`])\*([\s.,;:)!?]|$)").unwrap();
    let bang = Regex::new(r"!(\s|$)").unwrap();
    let footnote = Regex::new(r"^\[\^[^\]]+\]:").unwrap();
    let mut out = Vec::new();
    let mut moved = Vec::new();
    let (mut fence, mut front) = (false, false);
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
        }
        if i == 1 && line == "---" {
            front = true;
            out.push(line.to_owned());
            continue;
        }
        if front {
            out.push(line.to_owned());
            if line == "---" {
                front = false;
                out.push(String::new());
            }
            continue;
        }
        if fence || trimmed.starts_with("```") || trimmed.starts_with('<') {
            out.push(line.to_owned());
            continue;
        }
        if footnote.is_match(line) {
            // The definition with its indented continuation lines.
            moved.push(String::new());
            moved.push(line.to_owned());
            while i < lines.len() {
                let indented = |l: &str| l.starts_with("    ") || l.starts_with('\t');
                let next = lines[i];
                if indented(next) || (next.is_empty() && lines.get(i + 1).is_some_and(|l| indented(l))) {
                    moved.push(next.to_owned());
                    i += 1;
                } else {
                    break;
                }
            }
            continue;
        }
        let mut l = attr.replace_all(line, "{$1}").into_owned();
        l = link.replace_all(&l, "]($1 \"\")").into_owned();
        l = em.replace_all(&l, "${1}_${2}_${3}").into_owned();
        if !l.contains('`') {
            l = bang.replace_all(&l, "\\!$1").into_owned();
        }
        if trimmed.starts_with('|') && !l.contains('`') {
            l = l.split('|').map(str::trim).collect::<Vec<_>>().join(" | ").trim().to_owned();
        }
        out.push(l);
    }
    out.extend(moved);
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn rewrites_are_the_harmless_ones() {
        let page =
            "---\ntitle: T\n---\nSee [a](b.md){ .x } and *this*!\n\n[^1]: Note.\n\n| a   | b |\n|---|---|\n\nEnd.\n";
        assert_eq!(
            rewrite(page),
            "---\ntitle: T\n---\n\nSee [a](b.md \"\"){.x} and _this_\\!\n\n\n| a | b |\n| --- | --- |\n\nEnd.\n\n[^1]: Note.\n"
        );
    }
}
