//! A site's UI strings and their Fluent catalogue (SPEC §6): `build` turns key/value files
//! into one `.ftl` file per locale, merged into what is there; `check` checks the `.ftl`
//! files of each locale against the source locale's; `labels` finds the short labels that
//! repeat across pages. This file finds, reads and writes the files and turns issues into
//! findings; [`ingest`], [`build`], [`check`] and [`labels`] are pure.

pub mod build;
pub mod check;
pub mod ingest;
pub mod labels;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::check::{Counts, Finding, LocaleReport, PageReport, Problem, SiteReport};
use crate::site::config::Config;
use crate::site::config::Gates;
use crate::site::slash_path;
use crate::ui::{arg, num, Messages};
use check::{FtlFile, Issue};
use ingest::{Format, Value};

/// Where `catalog build` writes when `[catalog] out` is not set.
pub const DEFAULT_OUT: &str = "locales/{locale}/site.ftl";

/// Line starts of a text, to turn byte offsets into lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// The 1-based line and column (in characters) of byte `offset` of `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[line as usize - 1];
        let offset = offset.min(text.len());
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column as u32)
    }
}

/// Where `slice` (a part of `text`, as the Fluent parser returns them) starts in `text`.
pub fn offset_in(text: &str, slice: &str) -> usize {
    let (start, at) = (text.as_ptr() as usize, slice.as_ptr() as usize);
    if at >= start && at <= start + text.len() {
        at - start
    } else {
        0
    }
}

/// A file found by a pattern: its locale, its path, and the pattern with everything but the
/// locale filled in (the same for one file across locales).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub locale: String,
    pub path: PathBuf,
    pub key: String,
}

/// The files under `root` matching `pattern`, a `/`-separated path relative to the root
/// where `{locale}` stands for a BCP 47 tag and `*` for any part of a file or folder name,
/// sorted by path. Every entry that is not a folder is found — a named pipe, a device or a
/// dangling link too — so that reading it ([`read`]) names it as an error instead of leaving
/// it out without a word.
pub fn find(root: &Path, pattern: &str) -> Vec<Found> {
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    let mut out = Vec::new();
    walk(root, &parts, None, Vec::new(), &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn walk(dir: &Path, parts: &[&str], locale: Option<String>, key: Vec<String>, out: &mut Vec<Found>) {
    let Some((part, rest)) = parts.split_first() else {
        let there = std::fs::symlink_metadata(dir).is_ok() && !dir.is_dir();
        if let Some(locale) = locale.filter(|_| there) {
            out.push(Found { locale, path: dir.to_owned(), key: key.join("/") });
        }
        return;
    };
    if !part.contains('{') && !part.contains('*') {
        let mut key = key;
        key.push((*part).to_owned());
        walk(&dir.join(part), rest, locale, key, out);
        return;
    }
    let Some(re) = part_regex(part) else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    for name in names {
        let Some(c) = re.captures(&name) else { continue };
        let found = c.name("locale").map(|m| m.as_str().to_owned());
        if found.as_ref().is_some_and(|f| !crate::site::is_locale(f)) {
            continue;
        }
        if let (Some(a), Some(b)) = (&locale, &found) {
            if a != b {
                continue;
            }
        }
        let mut key = key.clone();
        key.push(match c.name("locale") {
            Some(m) => format!("{}{{locale}}{}", &name[..m.start()], &name[m.end()..]),
            None => name.clone(),
        });
        walk(&dir.join(&name), rest, found.or_else(|| locale.clone()), key, out);
    }
}

/// A regex for one part of a pattern: `{locale}` captured, `*` any characters.
fn part_regex(part: &str) -> Option<Regex> {
    let mut re = String::from("^");
    let mut rest = part;
    let mut has_locale = false;
    while let Some(i) = rest.find(['{', '*']) {
        re.push_str(&regex::escape(&rest[..i]));
        if rest[i..].starts_with("{locale}") {
            if has_locale {
                re.push_str(".+?");
            } else {
                re.push_str("(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)");
            }
            has_locale = true;
            rest = &rest[i + "{locale}".len()..];
        } else if rest[i..].starts_with('*') {
            re.push_str(".*?");
            rest = &rest[i + 1..];
        } else {
            re.push_str(&regex::escape(&rest[i..i + 1]));
            rest = &rest[i + 1..];
        }
    }
    re.push_str(&regex::escape(rest));
    re.push('$');
    Regex::new(&re).ok()
}

/// The locale among `found` that is the source: `wanted` itself, else the only one of the
/// same language (`en-US` when `en` is wanted).
pub fn source_locale(wanted: &str, found: &[String]) -> Option<String> {
    if found.iter().any(|l| l == wanted) {
        return Some(wanted.to_owned());
    }
    let language = |tag: &str| tag.parse::<LanguageIdentifier>().ok().map(|l| l.language);
    let same: Vec<&String> = found.iter().filter(|l| language(l) == language(wanted)).collect();
    match same.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// Reads a file of the catalogue (UI strings, a Fluent file) as a file of the site: a regular
/// file below the root, never a named pipe, a device or a link out of the site
/// ([`crate::load::read_site_file`]). The error names the file as reports show it.
fn read(root: &Path, tops: &[PathBuf], path: &Path, messages: &Messages) -> Result<String, Problem> {
    crate::load::read_site_file(path, tops).map_err(|e| {
        let file = shown(root, path);
        Problem { message: e.text_as(&file).format(messages), file, locale: None }
    })
}

/// A path as reports show it: relative to the root, `/`-separated.
pub fn shown(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    slash_path(rel.strip_prefix(".").unwrap_or(rel))
}

/// What `catalog build` did for one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuiltFile {
    pub locale: String,
    /// The Fluent file written.
    pub file: String,
    /// The UI-string files read.
    pub sources: Vec<String>,
    /// Messages in the file.
    pub messages: usize,
    /// Messages added by this build.
    pub added: usize,
    /// Keys whose value is the source locale's: left out so that Fluent falls back to it.
    pub untranslated: Vec<String>,
    /// Keys of the source locale with no value in this locale.
    pub missing: usize,
    /// Messages kept in the file whose key is no longer in the source.
    pub obsolete: usize,
    /// False when the file already had exactly this content.
    pub changed: bool,
}

/// Everything `catalog build` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildReport {
    pub source_locale: String,
    pub files: Vec<BuiltFile>,
    pub findings: Vec<Finding>,
    pub errors: Vec<Problem>,
}

impl BuildReport {
    /// An error-level finding exists.
    pub fn failed(&self) -> bool {
        self.findings.iter().any(|f| f.level == crate::check::Level::Error)
    }
}

/// An entry read from a UI-string file, with its Fluent id and where it is.
#[derive(Debug, Clone)]
struct Sourced {
    id: String,
    key: String,
    value: Value,
    file: String,
    line: u32,
}

/// Turns issues of one file into findings at the levels configured for the locale.
struct Findings<'a> {
    config: &'a Config,
    out: Vec<Finding>,
}

impl Findings<'_> {
    fn push(&mut self, issue: Issue, locale: &str, file: &str) {
        let level = self.config.level(issue.rule, locale).unwrap_or_else(|| check::default_level(issue.rule));
        if level == crate::check::Level::Off {
            return;
        }
        self.out.push(Finding {
            rule: issue.rule,
            level,
            locale: locale.to_owned(),
            file: file.to_owned(),
            line: issue.line,
            column: issue.column,
            end_line: issue.line,
            message: issue.message,
            source_excerpt: issue.source_excerpt.map(Into::into),
            translation_excerpt: issue.excerpt.map(Into::into),
            diff: None,
        });
    }

    fn at(&mut self, rule: &'static str, locale: &str, file: &str, line: u32, column: u32, message: String) {
        let issue =
            Issue { rule, id: None, line, column, message, source_excerpt: None, excerpt: None, in_source: false };
        self.push(issue, locale, file);
    }
}

/// `catalog build`: reads the UI strings of every locale, writes one Fluent file per locale
/// (merged into the file already there) and reports what it found. It writes below `root`
/// only (the site root, to which the `out` pattern is relative): a catalogue that would land
/// outside it, directly or through a symbolic link, is refused and nothing is written. `Err`
/// is a configuration problem or such a refusal.
pub fn build(root: &Path, config: &Config, messages: &Messages) -> Result<BuildReport, String> {
    let catalog = config.catalog.clone().unwrap_or_default();
    if catalog.sources.is_empty() {
        return Err(messages.text("catalog-no-sources"));
    }
    let out_pattern = catalog.out.clone().unwrap_or_else(|| DEFAULT_OUT.to_owned());
    if !out_pattern.contains("{locale}") {
        return Err(messages.get("catalog-no-locale-placeholder", &[("pattern", arg(out_pattern))]));
    }
    let mut files: BTreeMap<String, Vec<(PathBuf, Format)>> = BTreeMap::new();
    for pattern in &catalog.sources {
        let format = Format::of(pattern)
            .ok_or_else(|| messages.get("catalog-unknown-format", &[("pattern", arg(pattern.clone()))]))?;
        if !pattern.contains("{locale}") {
            return Err(messages.get("catalog-no-locale-placeholder", &[("pattern", arg(pattern.clone()))]));
        }
        for f in find(root, pattern) {
            files.entry(f.locale).or_default().push((f.path, format));
        }
    }
    let locales: Vec<String> = files.keys().cloned().collect();
    let wanted = config.source_locale.clone().unwrap_or_else(|| "en".to_owned());
    let source = source_locale(&wanted, &locales).ok_or_else(|| {
        messages.get(
            "catalog-no-source-files",
            &[("locale", arg(wanted.clone())), ("patterns", arg(catalog.sources.join(", ")))],
        )
    })?;
    let brands = build::brands(&catalog.terms);
    let tops = crate::load::tops_of(root);
    let mut findings = Findings { config, out: Vec::new() };
    let mut errors = Vec::new();
    let read_locale = |locale: &str, findings: &mut Findings, errors: &mut Vec<Problem>| -> Vec<Sourced> {
        let mut out: Vec<Sourced> = Vec::new();
        let mut seen: HashMap<String, (String, u32)> = HashMap::new();
        for (path, format) in &files[locale] {
            let name = shown(root, path);
            let text = match read(root, &tops, path, messages) {
                Ok(t) => t,
                Err(problem) => {
                    errors.push(problem);
                    continue;
                }
            };
            let strings = ingest::read(*format, &text);
            for m in strings.malformed {
                let detail = if m.detail.is_empty() { "none".to_owned() } else { m.detail };
                let message = messages.get(m.what, &[("detail", arg(detail))]);
                findings.at("catalog-syntax", locale, &name, m.line, m.column, message);
            }
            for e in strings.entries {
                let id = match &e.value {
                    Value::Fluent(_) => Some(e.key.clone()),
                    Value::Pieces(_) => build::message_id(&e.key),
                };
                let Some(id) = id else {
                    let message = messages.get("catalog-no-id", &[("key", arg(e.key.clone()))]);
                    findings.at("catalog-syntax", locale, &name, e.line, 1, message);
                    continue;
                };
                if let Some((first, line)) = seen.get(&id) {
                    let args = [("id", arg(id.clone())), ("file", arg(first.clone())), ("line", num(*line as usize))];
                    findings.at(
                        "catalog-duplicate-id",
                        locale,
                        &name,
                        e.line,
                        1,
                        messages.get("catalog-duplicate-key", &args),
                    );
                    continue;
                }
                seen.insert(id.clone(), (name.clone(), e.line));
                out.push(Sourced { id, key: e.key, value: e.value, file: name.clone(), line: e.line });
            }
        }
        out
    };
    let english = read_locale(&source, &mut findings, &mut errors);
    if !errors.is_empty() {
        // Without all of the source locale's strings, every other locale would be compared with
        // an incomplete English (its keys obsolete, their catalogues rewritten without them):
        // nothing is built, and the errors say which file to fix.
        return Ok(BuildReport { source_locale: source, files: Vec::new(), findings: findings.out, errors });
    }
    let english_ids: HashSet<&str> = english.iter().map(|e| e.id.as_str()).collect();
    let mut order = vec![source.clone()];
    order.extend(locales.iter().filter(|l| **l != source).cloned());
    let mut english_text = String::new();
    let mut built = Vec::new();
    // The catalogues that changed (path, name as shown, text), written once all are built.
    let mut pending: Vec<(PathBuf, String, String)> = Vec::new();
    for locale in &order {
        let entries = if *locale == source { english.clone() } else { read_locale(locale, &mut findings, &mut errors) };
        let by_id: HashMap<&str, &Sourced> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let out_path = root.join(out_pattern.replace("{locale}", locale));
        let out_name = shown(root, &out_path);
        let mut generated: Vec<_> = brands.iter().map(build::term).collect();
        let mut from_source: HashMap<String, &Sourced> = HashMap::new();
        let mut untranslated = Vec::new();
        let mut missing = 0;
        for e in &english {
            let chosen = if *locale == source {
                e
            } else {
                match by_id.get(e.id.as_str()) {
                    None => {
                        missing += 1;
                        let args = [("key", arg(e.key.clone())), ("locale", arg(locale.clone()))];
                        let mut issue = Issue {
                            in_source: true,
                            ..issue_at("catalog-missing", e, messages.get("catalog-missing-source", &args))
                        };
                        issue.source_excerpt = Some(plain(&e.value));
                        findings.push(issue, locale, &e.file);
                        continue;
                    }
                    Some(t) if t.value == e.value => {
                        untranslated.push(e.key.clone());
                        let args = [("key", arg(e.key.clone())), ("file", arg(out_name.clone()))];
                        let mut issue =
                            issue_at("catalog-untranslated", t, messages.get("catalog-untranslated-source", &args));
                        issue.excerpt = Some(plain(&t.value));
                        findings.push(issue, locale, &t.file);
                        continue;
                    }
                    Some(t) => t,
                }
            };
            if let Some(entry) = build::entry(&chosen.id, &chosen.key, &chosen.value, &brands) {
                generated.push(entry);
                from_source.insert(chosen.id.clone(), chosen);
            }
        }
        for t in entries.iter().filter(|t| !english_ids.contains(t.id.as_str())) {
            let args = [("key", arg(t.key.clone())), ("locale", arg(source.clone()))];
            findings.push(
                issue_at("catalog-obsolete", t, messages.get("catalog-obsolete-source", &args)),
                locale,
                &t.file,
            );
        }
        let existing_text = match out_path.exists().then(|| read(root, &tops, &out_path, messages)) {
            None => None,
            Some(Ok(t)) => Some(t),
            Some(Err(problem)) => {
                // Never replace a catalogue that could not be read.
                errors.push(problem);
                continue;
            }
        };
        let existing = existing_text.clone().map(|t| match crate::catalog::ingest::ftl::parse_fluent(t) {
            Ok(r) | Err((r, _)) => r,
        });
        let sources: Vec<String> = files[locale].iter().map(|(p, _)| shown(root, p)).collect();
        // The file belongs to the site, not to whoever runs the build: its header is English.
        let header: Vec<String> = Messages::english()
            .get("catalog-file-header", &[("locale", arg(locale.clone())), ("sources", arg(sources.join(", ")))])
            .lines()
            .map(str::to_owned)
            .collect();
        let merged = build::merge(existing, generated, &header);
        let text = build::render(&merged.resource);
        let file = FtlFile::parse(&text);
        let lang: LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut issues = check::syntax(&file, messages);
        issues.extend(check::duplicates(&file, messages));
        let (format_issues, values) = check::formatting(&file, &lang, messages);
        issues.extend(format_issues);
        issues.extend(check::plurals(&file, &lang, messages));
        issues.extend(check::bidi(&file, messages));
        let differs: HashSet<&String> = merged.differs.iter().collect();
        let entries_of_file = file.entries();
        for (id, sourced) in &from_source {
            let Value::Pieces(pieces) = &sourced.value else { continue };
            let want = build::expected(pieces);
            let got = values.get(id.as_str());
            if differs.contains(id) || got == Some(&want) {
                continue;
            }
            let line = entries_of_file.get(id.as_str()).map_or(1, |(_, l)| *l);
            let reason = messages
                .get("catalog-roundtrip", &[("want", arg(want)), ("got", arg(got.cloned().unwrap_or_default()))]);
            let text = messages.get("catalog-format-failed", &[("id", arg(id.clone())), ("reason", arg(reason))]);
            issues.push(Issue { id: Some(id.clone()), ..issue_line("catalog-format-error", line, text) });
        }
        for id in &merged.differs {
            let line = entries_of_file.get(id.as_str()).map_or(1, |(_, l)| *l);
            let value = from_source.get(id).map(|s| plain(&s.value)).unwrap_or_default();
            let text = messages.get("catalog-source-differs", &[("id", arg(id.clone())), ("value", arg(value))]);
            issues.push(Issue { id: Some(id.clone()), ..issue_line("catalog-source-differs", line, text) });
        }
        // Obsolete: kept in the catalogue, but no longer a key of the source locale's strings.
        let mut obsolete = 0;
        for (id, (_, line)) in &entries_of_file {
            if !id.starts_with('-') && !english_ids.contains(id.as_str()) {
                obsolete += 1;
                let text = messages.get("catalog-obsolete-kept", &[("id", arg(id.clone()))]);
                issues.push(Issue { id: Some(id.clone()), ..issue_line("catalog-obsolete", *line, text) });
            }
        }
        if *locale == source {
            english_text = text.clone();
        } else {
            let english_file = FtlFile::parse(&english_text);
            let english_name = shown(root, &root.join(out_pattern.replace("{locale}", &source)));
            let (compared, _) = check::compare(&english_file, &english_name, &file, messages);
            // Missing messages were reported from the UI strings, where they are missing, and
            // obsolete ones against the source's keys just above.
            issues.extend(compared.into_iter().filter(|i| !matches!(i.rule, "catalog-missing" | "catalog-obsolete")));
        }
        for issue in issues {
            match issue
                .id
                .as_ref()
                .and_then(|id| from_source.get(id))
                .filter(|_| issue.rule.starts_with("catalog-variable") || issue.rule == "catalog-html-mismatch")
            {
                // A translator fixes a variable or a tag in the UI strings.
                Some(s) => findings.push(Issue { line: s.line, column: 1, ..issue }, locale, &s.file.clone()),
                None => findings.push(issue, locale, &out_name),
            }
        }
        let changed = existing_text.as_deref() != Some(text.as_str());
        if changed {
            pending.push((out_path, out_name.clone(), text.clone()));
        }
        let message_count = entries_of_file.keys().filter(|id| !id.starts_with('-')).count();
        let added = merged.added.iter().filter(|id| !id.starts_with('-')).count();
        built.push(BuiltFile {
            locale: locale.clone(),
            file: out_name,
            sources,
            messages: message_count,
            added,
            untranslated,
            missing,
            obsolete,
            changed,
        });
    }
    // Catalogues are written below the site root only, never through a symbolic link that
    // leads out of it; every one is checked before the first is written.
    for (path, _, _) in &pending {
        crate::site::write::resolve_inside(root, path).map_err(|e| e.text().format(messages))?;
    }
    for (path, name, text) in pending {
        if let Err(e) = crate::site::write_inside(root, &path, text.as_bytes()) {
            errors.push(Problem { file: name, message: e.text().format(messages), locale: None });
        }
    }
    Ok(BuildReport { source_locale: source, files: built, findings: findings.out, errors })
}

fn issue_at(rule: &'static str, at: &Sourced, message: String) -> Issue {
    Issue { id: Some(at.id.clone()), ..issue_line(rule, at.line, message) }
}

fn issue_line(rule: &'static str, line: u32, message: String) -> Issue {
    Issue { rule, id: None, line, column: 1, message, source_excerpt: None, excerpt: None, in_source: false }
}

/// A value as text, variables as `$NAME`.
fn plain(value: &Value) -> String {
    match value {
        Value::Pieces(pieces) => pieces
            .iter()
            .map(|p| match p {
                ingest::Piece::Text(t) => t.clone(),
                ingest::Piece::Var(v) => format!("${v}"),
            })
            .collect(),
        Value::Fluent(f) => f.trim().to_owned(),
    }
}

/// `catalog check`: the Fluent files matching `pattern`, each locale's against the source
/// locale's file of the same name. `Err` is a configuration problem.
pub fn check(
    root: &Path,
    config: &Config,
    pattern: &str,
    source_locale_wanted: &str,
    messages: &Messages,
) -> Result<SiteReport, String> {
    let found = find(root, pattern);
    let mut locales: Vec<String> = found.iter().map(|f| f.locale.clone()).collect();
    locales.sort();
    locales.dedup();
    let source = source_locale(source_locale_wanted, &locales).ok_or_else(|| {
        messages.get(
            "catalog-no-source-files",
            &[("locale", arg(source_locale_wanted.to_owned())), ("patterns", arg(pattern.to_owned()))],
        )
    })?;
    let mut by_key: BTreeMap<&str, BTreeMap<&str, &Path>> = BTreeMap::new();
    for f in &found {
        by_key.entry(&f.key).or_default().insert(&f.locale, &f.path);
    }
    let mut errors = Vec::new();
    let mut texts: HashMap<&Path, String> = HashMap::new();
    let tops = crate::load::tops_of(root);
    for f in &found {
        match read(root, &tops, &f.path, messages) {
            Ok(t) => {
                texts.insert(&f.path, t);
            }
            Err(problem) => errors.push(problem),
        }
    }
    let mut findings = Findings { config, out: Vec::new() };
    let mut pages = Vec::new();
    for (key, files) in &by_key {
        let source_path = files.get(source.as_str()).copied();
        let source_text = source_path.and_then(|p| texts.get(p));
        let source_file = source_text.map(|t| FtlFile::parse(t));
        let source_name = source_path.map(|p| shown(root, p)).unwrap_or_else(|| key.replace("{locale}", &source));
        for (locale, path) in files {
            let Some(text) = texts.get(path) else { continue };
            let name = shown(root, path);
            let file = FtlFile::parse(text);
            let lang: LanguageIdentifier = locale.parse().unwrap_or_default();
            let mut issues = check::syntax(&file, messages);
            issues.extend(check::duplicates(&file, messages));
            issues.extend(check::formatting(&file, &lang, messages).0);
            issues.extend(check::plurals(&file, &lang, messages));
            issues.extend(check::bidi(&file, messages));
            let mut counts = Counts::default();
            if *locale != source {
                match &source_file {
                    Some(s) => {
                        let (compared, c) = check::compare(s, &source_name, &file, messages);
                        issues.extend(compared);
                        counts = c;
                    }
                    // The source file is there but could not be read: its error says so, and
                    // there is nothing to compare with (its messages are not obsolete).
                    None if source_path.is_some() => {}
                    None => {
                        let message = messages.get("catalog-no-source-file", &[("file", arg(source_name.clone()))]);
                        issues.push(issue_line("catalog-obsolete", 1, message));
                        counts.segments.obsolete = file.entries().keys().filter(|id| !id.starts_with('-')).count();
                    }
                }
            }
            for issue in issues {
                let at = if issue.in_source { source_name.clone() } else { name.clone() };
                findings.push(issue, locale, &at);
            }
            if *locale == source {
                // The source file is reported too (its own syntax and formatting), all translated.
                let (n, words) = file
                    .entries()
                    .iter()
                    .filter(|(id, _)| !id.starts_with('-'))
                    .fold((0, 0), |(n, w), (_, (e, _))| (n + 1, w + check::words(e)));
                counts.segments.translated = n;
                counts.words.translated = words;
            }
            pages.push(crate::check::page_report(key, locale, &source_name, &name, None, || counts));
        }
        // Locales with no file of this name: all of it is missing.
        if let Some(s) = &source_file {
            let all = s.entries().keys().filter(|id| !id.starts_with('-')).count();
            for locale in locales.iter().filter(|l| **l != source && !files.contains_key(l.as_str())) {
                let expected = key.replace("{locale}", locale);
                let message = messages
                    .get("catalog-no-locale-file", &[("locale", arg(locale.clone())), ("file", arg(expected.clone()))]);
                findings.push(issue_line("catalog-missing", 1, message), locale, &source_name);
                let mut counts = Counts::default();
                counts.segments.missing = all;
                pages.push(crate::check::page_report(key, locale, &source_name, &expected, None, || counts));
            }
        }
    }
    for p in &mut pages {
        p.exists = root.join(&p.translation).is_file();
    }
    let locale_reports: Vec<LocaleReport> = locales
        .iter()
        .filter(|l| **l != source)
        .map(|l| {
            let mine: Vec<&PageReport> = pages.iter().filter(|p| &p.locale == l).collect();
            crate::check::locale_report(l, crate::script::LocaleFacts::new(l).rtl, &mine, Gates::default())
        })
        .collect();
    Ok(SiteReport {
        root: root.display().to_string(),
        source_locale: source,
        locales: locale_reports,
        pages,
        findings: findings.out,
        orphans: Vec::new(),
        errors,
        notices: Vec::new(),
        source_revision: None,
    })
}

/// `catalog labels`: the repeated labels of the site's pages and how each locale renders them.
pub fn labels(
    root: &Path,
    config: &Config,
    locales: &[String],
    options: labels::Options,
    messages: &Messages,
) -> Result<labels::Report, String> {
    let mut site = crate::site::Site::discover(root, config).map_err(|e| e.format(messages))?;
    if !locales.is_empty() {
        site.locales.retain(|l| locales.contains(l));
        for page in &mut site.pages {
            page.translations.retain(|(l, _)| locales.contains(l));
        }
    }
    let lock = crate::site::stamp::LockFile::default();
    let bases = crate::site::bases::Bases::default();
    let report = crate::site::analyse::analyse(&site, config, &lock, &bases, messages, &|| {});
    Ok(labels::collect(&report, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_lines_and_characters() {
        let text = "ab\nשלום x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line_col(text, text.find('x').unwrap()), (2, 6));
    }

    #[test]
    fn patterns_find_locales_and_the_source() {
        let root = std::env::temp_dir().join(format!("lockstep-catalog-find-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for f in [
            "includes/strings.en.env",
            "includes/strings.he.env",
            "includes/strings.xx-notalocale.env",
            "locales/en-US/a.ftl",
            "locales/de/a.ftl",
            "locales/de/b.ftl",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let found = find(&root, "includes/strings.{locale}.env");
        let locales: Vec<&str> = found.iter().map(|f| f.locale.as_str()).collect();
        assert_eq!(locales, ["en", "he"]);
        assert_eq!(found[0].key, "includes/strings.{locale}.env");
        let found = find(&root, "locales/{locale}/*.ftl");
        let keys: Vec<(&str, &str)> = found.iter().map(|f| (f.locale.as_str(), f.key.as_str())).collect();
        assert_eq!(
            keys,
            [("de", "locales/{locale}/a.ftl"), ("de", "locales/{locale}/b.ftl"), ("en-US", "locales/{locale}/a.ftl")]
        );
        let tags = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(source_locale("en", &tags(&["de", "en-US"])), Some("en-US".to_owned()));
        assert_eq!(source_locale("en", &tags(&["en-GB", "en-US"])), None);
        std::fs::remove_dir_all(root).unwrap();
    }
}
