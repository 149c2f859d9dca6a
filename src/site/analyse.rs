//! Runs the pipeline over a whole site: every page parsed once, every translation aligned
//! with it (in parallel over pages), and the results gathered into a [`SiteReport`].

use rayon::prelude::*;

use std::collections::HashMap;
use std::path::Path;

use super::bases::Bases;
use super::stamp::LockFile;
use super::{Config, Site};
use crate::check::{self, Counts, PageReport, Problem, SiteReport};
use crate::classify::{Base, BaseKind};
use crate::parse::{parse, Page};
use crate::rules::{self, Rule};
use crate::script::LocaleFacts;
use crate::ui::{arg, num, Messages};

/// Aligns every page of `site` and checks it against `config`. Unreadable files become
/// entries of `errors`; the other pages are still checked. The report's sentences (findings,
/// notices, errors) are worded by `messages`.
pub fn analyse(
    site: &Site,
    config: &Config,
    lock: &LockFile,
    bases: &Bases,
    messages: &Messages,
    progress: &(dyn Fn() + Sync),
) -> SiteReport {
    let facts: Vec<(String, LocaleFacts)> = site.locales.iter().map(|l| (l.clone(), facts(l, config))).collect();
    let results: Vec<(Vec<PageReport>, Vec<Problem>, Vec<String>)> = site
        .pages
        .par_iter()
        .map(|plan| {
            let source_name = site.shown(&plan.source);
            let mut notes = Vec::new();
            let (source, source_text) = match site.read(&plan.source) {
                Ok(text) => {
                    if text.trim().is_empty() {
                        notes.push(messages.get("notice-empty-source", &[("path", arg(source_name.as_str()))]));
                    }
                    (parse(&text), text)
                }
                Err(e) => {
                    let message = e.text_as(&source_name).format(messages);
                    return (Vec::new(), vec![Problem { file: source_name, message, locale: None }], notes);
                }
            };
            // The source's hash, found only when a translation's front matter names one.
            let source_hash = std::sync::OnceLock::new();
            let mut pages = Vec::new();
            let mut problems = Vec::new();
            // Candidate base revisions of this page, parsed once for all its locales.
            let mut revisions: HashMap<String, Page> = HashMap::new();
            for (locale, file) in &plan.translations {
                let f = &facts.iter().find(|(l, _)| l == locale).expect("facts for every locale").1;
                let name = site.shown(file);
                let key = site.relative(file);
                let mut rule_findings = Vec::new();
                let alignment = match Site::has_entry(file).then(|| site.read(file)) {
                    None => None,
                    Some(Ok(text)) => {
                        if text.trim().is_empty() && !source.segments.is_empty() {
                            let args = [("path", arg(name.as_str())), ("source", arg(source_name.as_str()))];
                            notes.push(messages.get("notice-empty-translation", &args));
                        }
                        let tr = parse(&text);
                        let stamped = lock.get(&key);
                        let in_page = super::stamp::front_matter_stamp(&text);
                        let candidates = bases.candidates(&key);
                        let (mut a, base) = match (stamped, in_page) {
                            (Some(stamp), _) => {
                                let mut a = crate::classify::classify(&source, &tr, None, f);
                                let revision = stamp.commit.clone().unwrap_or_else(|| stamp.source_hash.clone());
                                crate::classify::mark_changed_since_stamp(&mut a, &source, &stamp.blocks, revision);
                                (a, None)
                            }
                            _ if !candidates.is_empty() => {
                                for (r, t) in &candidates {
                                    revisions.entry(r.blob.clone()).or_insert_with(|| parse(t));
                                }
                                let pages: Vec<&Page> = candidates.iter().map(|(r, _)| &revisions[&r.blob]).collect();
                                // A commit stamped in the front matter names the base; otherwise
                                // the revision the translation matches best is the base.
                                let choice = in_page
                                    .and_then(|c| candidates.iter().position(|(r, _)| r.commit.starts_with(c)))
                                    .or_else(|| crate::classify::choose_base(&tr, &pages).map(|c| c.index))
                                    .unwrap_or(0);
                                let (rev, _) = candidates[choice];
                                let mut a = crate::classify::classify(&source, &tr, Some(pages[choice]), f);
                                let kind = if in_page.is_some() { BaseKind::Marker } else { BaseKind::Git };
                                a.base =
                                    Base { kind, revision: Some(rev.commit.clone()), date: Some(rev.date.clone()) };
                                (a, Some(pages[choice]))
                            }
                            (None, Some(hash))
                                if hash == source_hash.get_or_init(|| super::stamp::content_hash(&source_text)) =>
                            {
                                // Stamped against the source as it is now: nothing is stale.
                                let mut a = crate::classify::classify(&source, &tr, Some(&source), f);
                                a.base = Base { kind: BaseKind::Marker, revision: Some(hash.to_owned()), date: None };
                                (a, Some(&source))
                            }
                            _ => (crate::classify::classify(&source, &tr, None, f), None),
                        };
                        a.source = source_name.clone();
                        a.translation = name.clone();
                        let level = |r: &Rule| check::level(config, r, locale);
                        rule_findings = rules::check_alignment(&a, &source, base, &tr, &text, f, &level);
                        // A rule that explains a pair's difference makes the suspicion redundant.
                        for pair in a.pairs.iter_mut().filter(|p| p.suspect) {
                            let lines = pair.translation_lines.unwrap_or([0, 0]);
                            pair.suspect = !rule_findings.iter().any(|r| (lines[0]..=lines[1]).contains(&r.line));
                        }
                        Some(a)
                    }
                    // Below a folder that could not be read, the folder's own error says it all.
                    Some(Err(_)) if site.below_unusable(file) => continue,
                    Some(Err(e)) => {
                        let message = e.text_as(&name).format(messages);
                        problems.push(Problem { file: name, message, locale: Some(locale.clone()) });
                        continue;
                    }
                };
                let mut report =
                    check::page_report(&plan.path, locale, &source_name, &name, alignment, || all_missing(&source));
                // The page's findings, in file order, found here where pages run in parallel;
                // gathered into the site's list below.
                let mut findings = check::findings(&report, config, messages);
                findings.extend(rule_findings);
                findings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
                report.findings = findings;
                pages.push(report);
            }
            progress();
            (pages, problems, notes)
        })
        .collect();
    let mut pages = Vec::new();
    let mut errors: Vec<Problem> = site
        .unusable
        .iter()
        .map(|u| Problem { file: site.shown(&u.path), message: u.reason.format(messages), locale: None })
        .collect();
    let mut notices: Vec<String> = site.notices.iter().map(|n| n.format(messages)).collect();
    for (p, e, n) in results {
        pages.extend(p);
        errors.extend(e);
        notices.extend(n);
    }
    // Source pages git does not know, whose translations could have had a base from it: one
    // notice, naming the first.
    let untracked: Vec<&Path> = site
        .pages
        .iter()
        .filter(|p| bases.untracked.contains(&p.source))
        .filter(|p| p.translations.iter().any(|(_, t)| Site::has_entry(t) && lock.get(&site.relative(t)).is_none()))
        .map(|p| p.source.as_path())
        .collect();
    if let Some(first) = untracked.first() {
        let args = [("path", arg(site.shown(first))), ("count", num(untracked.len()))];
        notices.push(messages.get("notice-source-untracked", &args));
    }
    let findings = pages.iter_mut().flat_map(|p| std::mem::take(&mut p.findings)).collect();
    let locales = facts
        .iter()
        .map(|(l, f)| {
            let mine: Vec<&PageReport> = pages.iter().filter(|p| &p.locale == l).collect();
            check::locale_report(l, f.rtl, &mine, config.gates(l))
        })
        .collect();
    let orphans = site
        .orphans
        .iter()
        .map(|o| Problem {
            file: site.shown(&o.file),
            message: messages.get("orphan-message", &[("locale", arg(&o.locale))]),
            locale: Some(o.locale.clone()),
        })
        .collect();
    for locale in &site.locales {
        if !site.pages.iter().flat_map(|p| &p.translations).any(|(l, f)| l == locale && Site::has_entry(f)) {
            notices.push(messages.get("notice-no-translation", &[("locale", arg(locale))]));
        }
    }
    if let Some(reason) = &bases.unavailable {
        if lock.stamps.is_empty() {
            let reason = reason.reason.format(messages);
            notices.push(messages.get("notice-staleness-unavailable", &[("reason", arg(reason))]));
        }
    }
    SiteReport {
        notices,
        source_revision: bases
            .source_revision
            .as_ref()
            .map(|r| check::SourceRevision { commit: r.commit.clone(), date: r.date.clone() }),
        root: site.shown(&site.root),
        source_locale: site.source_locale.clone(),
        locales,
        pages,
        findings,
        orphans,
        errors,
    }
}

fn all_missing(source: &Page) -> Counts {
    let mut c = Counts::all_missing(source.segments.iter().filter(|s| !s.verbatim).map(|s| s.words()));
    c.verbatim = source.segments.iter().filter(|s| s.verbatim).count();
    c
}

/// Locale facts with the direction set in the config, when it is.
fn facts(locale: &str, config: &Config) -> LocaleFacts {
    let mut f = LocaleFacts::new(locale);
    if let Some(d) = config.locale.get(locale).and_then(|l| l.direction) {
        f.rtl = d == super::config::Direction::Rtl;
    }
    f
}
