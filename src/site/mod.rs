//! A documentation site: where its source pages and their translations are (the layouts of
//! SPEC §1.1, detected without config or set in `lockstep.toml`), which locales it has, and
//! which translation files have no source (orphans).

pub mod analyse;
pub mod bases;
pub mod config;
pub mod stamp;
pub mod write;

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::ui::Text;

pub use config::Config;
pub use write::{write_atomically, write_inside, write_tree, WriteError};

/// How the site lays out its translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// `docs/a/b.md` → `i18n/he/a/b.md`
    SeparateTree,
    /// `docs/en/a/b.md` → `docs/he/a/b.md`
    FolderPerLocale,
    /// `docs/a/b.md` → `docs/a/b.he.md`
    Suffix,
    /// Patterns from `lockstep.toml`.
    Explicit,
}

/// Where pages are: patterns with `{path}` (the page path, `a/b.md`), `{stem}` (the page path
/// without `.md`) and `{locale}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Patterns {
    pub source: String,
    pub translation: String,
}

/// A source page and its translation files, one per locale (which may not exist yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePlan {
    /// The page path relative to the source folder, with `/` separators.
    pub path: String,
    pub source: PathBuf,
    pub translations: Vec<(String, PathBuf)>,
}

/// A translation file whose source page does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    pub locale: String,
    pub file: PathBuf,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    /// Where the `source` pattern applies: the root, or the English repository's working copy
    /// when the English is kept in a repository of its own (`source-root`).
    pub source_root: PathBuf,
    pub layout: Layout,
    pub patterns: Patterns,
    pub source_locale: String,
    pub locales: Vec<String>,
    pub pages: Vec<PagePlan>,
    pub orphans: Vec<Orphan>,
}

impl Site {
    /// Finds the site under `root`: the layout from `config` when it names patterns, detected
    /// otherwise. `Err` says why nothing could be found.
    pub fn discover(root: &Path, config: &Config) -> Result<Site, Text> {
        let source_locale = config.source_locale.clone().unwrap_or_else(|| "en".to_owned());
        let files = markdown_files(root);
        let source_root = config.source_root.as_ref().map_or_else(|| root.to_owned(), |s| root.join(s));
        let separate = source_root != root;
        if separate && (config.source.is_none() || config.translation.is_none()) {
            return Err(Text::new("site-source-root-patterns"));
        }
        let (layout, patterns) = match (&config.source, &config.translation) {
            (Some(s), Some(t)) => (Layout::Explicit, Patterns { source: s.clone(), translation: t.clone() }),
            (None, None) => detect(root, &files, &source_locale)
                .ok_or_else(|| Text::new("site-no-translations").arg("root", root.display().to_string()))?,
            _ => return Err(Text::new("site-patterns-together")),
        };
        let source_re = pattern_regex(&patterns.source)?;
        let translation_re = pattern_regex(&patterns.translation)?;
        let filters = Filters::new(config)?;
        let mut sources = Vec::new();
        let mut translated: Vec<(String, String, PathBuf)> = Vec::new(); // locale, path, file
        for rel in &files {
            if let Some(c) = translation_re.captures(rel) {
                let locale = c.name("locale").map_or("", |m| m.as_str());
                if is_locale(locale) && locale != source_locale {
                    translated.push((locale.to_owned(), page_path(&c), root.join(rel)));
                    continue;
                }
            }
            if let Some(c) = source_re.captures(rel).filter(|_| !separate) {
                let path = page_path(&c);
                if filters.wanted(&path) {
                    sources.push((path, root.join(rel)));
                }
            }
        }
        if separate {
            if !source_root.is_dir() {
                let path = source_root.display().to_string();
                return Err(Text::new("site-source-root-not-folder").arg("path", path));
            }
            for rel in markdown_files(&source_root) {
                if let Some(c) = source_re.captures(&rel) {
                    let path = page_path(&c);
                    if filters.wanted(&path) {
                        sources.push((path, source_root.join(&rel)));
                    }
                }
            }
        }
        let mut locales: Vec<String> = match &config.locales {
            Some(l) => l.clone(),
            None => translated.iter().map(|t| t.0.clone()).collect(),
        };
        locales.sort();
        locales.dedup();
        sources.sort();
        if sources.is_empty() {
            let text = Text::new("site-no-sources").arg("root", source_root.display().to_string());
            return Err(text.arg("pattern", patterns.source.as_str()));
        }
        let pages: Vec<PagePlan> = sources
            .into_iter()
            .map(|(path, source)| {
                let translations =
                    locales.iter().map(|l| (l.clone(), root.join(fill(&patterns.translation, l, &path)))).collect();
                PagePlan { path, source, translations }
            })
            .collect();
        let known: std::collections::HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        let mut orphans: Vec<Orphan> = translated
            .iter()
            .filter(|(l, path, _)| locales.contains(l) && !known.contains(path.as_str()) && filters.wanted(path))
            .map(|(l, _, file)| Orphan { locale: l.clone(), file: file.clone() })
            .collect();
        orphans.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(Site { root: root.to_owned(), source_root, layout, patterns, source_locale, locales, pages, orphans })
    }
}

impl Site {
    /// `path` as reports name it: as the user reaches it from where lockstep runs (so that CI
    /// annotations attach to the right file), `/`-separated.
    pub fn shown(&self, path: &Path) -> String {
        let s = slash_path(path.strip_prefix(".").unwrap_or(path));
        if s.is_empty() {
            ".".to_owned()
        } else {
            s
        }
    }

    /// `path` relative to the site root, `/`-separated (how files are named in the lock file).
    pub fn relative(&self, path: &Path) -> String {
        slash_path(path.strip_prefix(&self.root).unwrap_or(path))
    }
}

/// A path with `/` separators, as reports, lock files and git name files on every system.
pub fn slash_path(path: &Path) -> String {
    use std::path::Component;
    let mut out = String::new();
    for c in path.components() {
        if !(out.is_empty() || out.ends_with('/') || matches!(c, Component::RootDir)) {
            out.push('/');
        }
        match c {
            Component::RootDir => out.push('/'),
            other => out.push_str(&other.as_os_str().to_string_lossy()),
        }
    }
    out
}

/// Where `path` is inside the folder `top` (both resolved on disk), `/`-separated.
pub fn inside(top: &Path, path: &Path) -> Option<String> {
    let abs = std::fs::canonicalize(path).ok()?;
    Some(slash_path(abs.strip_prefix(std::fs::canonicalize(top).ok()?).ok()?))
}

/// Include and exclude globs over page paths.
struct Filters {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filters {
    fn new(config: &Config) -> Result<Self, Text> {
        let bad = |g: &str, e: globset::Error| Text::new("site-bad-glob").arg("glob", g).arg("detail", e.to_string());
        let set = |globs: &[String]| -> Result<GlobSet, Text> {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| bad(g, e))?);
            }
            b.build().map_err(|e| bad(&globs.join(", "), e))
        };
        let include = if config.include.is_empty() { None } else { Some(set(&config.include)?) };
        Ok(Filters { include, exclude: set(&config.exclude)? })
    }

    fn wanted(&self, path: &str) -> bool {
        self.include.as_ref().is_none_or(|i| i.is_match(path)) && !self.exclude.is_match(path)
    }
}

/// Every `.md` file below `root` (relative, `/`-separated), honouring `.gitignore`.
fn markdown_files(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = ignore::WalkBuilder::new(root)
        .follow_links(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(root).ok()?;
            Some(slash_path(rel))
        })
        .collect();
    out.sort();
    out
}

/// The layouts of SPEC §1.1, tried in order on the site's files.
fn detect(root: &Path, files: &[String], source_locale: &str) -> Option<(Layout, Patterns)> {
    let locale_dirs = |dir: &Path| -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut v: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| is_locale(n))
            .collect();
        v.sort();
        v
    };
    for docs in ["docs", "content"] {
        if !root.join(docs).is_dir() {
            continue;
        }
        for tree in ["i18n", "translations", "locales", "l10n"] {
            if locale_dirs(&root.join(tree)).iter().any(|l| l != source_locale) {
                let p =
                    Patterns { source: format!("{docs}/{{path}}"), translation: format!("{tree}/{{locale}}/{{path}}") };
                return Some((Layout::SeparateTree, p));
            }
        }
        let dirs = locale_dirs(&root.join(docs));
        if dirs.iter().any(|d| d == source_locale) && dirs.iter().any(|d| d != source_locale) {
            let p = Patterns {
                source: format!("{docs}/{source_locale}/{{path}}"),
                translation: format!("{docs}/{{locale}}/{{path}}"),
            };
            return Some((Layout::FolderPerLocale, p));
        }
        let suffixed = files.iter().filter(|f| f.starts_with(&format!("{docs}/"))).any(|f| {
            f.strip_suffix(".md")
                .and_then(|s| s.rsplit_once('.'))
                .is_some_and(|(_, l)| is_locale(l) && l != source_locale)
        });
        if suffixed {
            let p =
                Patterns { source: format!("{docs}/{{path}}"), translation: format!("{docs}/{{stem}}.{{locale}}.md") };
            return Some((Layout::Suffix, p));
        }
    }
    None
}

/// A BCP 47 tag whose language the likely-subtags data knows (so `docs` or `api` are not).
pub fn is_locale(s: &str) -> bool {
    let Ok(mut id) = s.parse::<LanguageIdentifier>() else { return false };
    let bare = id.script.is_none() && id.region.is_none();
    !id.language.is_empty() && id.maximize() && (!bare || s.len() <= 3)
}

fn pattern_regex(pattern: &str) -> Result<Regex, Text> {
    let mut re = String::from("^");
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        re.push_str(&regex::escape(&rest[..start]));
        let end = rest[start..].find('}').ok_or_else(|| Text::new("site-unclosed-brace").arg("pattern", pattern))?;
        match &rest[start + 1..start + end] {
            "path" => re.push_str("(?P<path>.+\\.md)"),
            "stem" => re.push_str("(?P<stem>.+?)"),
            "locale" => re.push_str("(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)"),
            other => return Err(Text::new("site-unknown-placeholder").arg("name", other).arg("pattern", pattern)),
        }
        rest = &rest[start + end + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push('$');
    // `(?s)`: a file name may hold a line break, and is a page like any other.
    Regex::new(&format!("(?s){re}"))
        .map_err(|e| Text::new("site-bad-pattern").arg("pattern", pattern).arg("detail", e.to_string()))
}

fn page_path(c: &regex::Captures<'_>) -> String {
    match (c.name("path"), c.name("stem")) {
        (Some(p), _) => p.as_str().to_owned(),
        (None, Some(s)) => format!("{}.md", s.as_str()),
        (None, None) => String::new(),
    }
}

fn fill(pattern: &str, locale: &str, path: &str) -> String {
    pattern
        .replace("{locale}", locale)
        .replace("{path}", path)
        .replace("{stem}", path.strip_suffix(".md").unwrap_or(path))
}

#[cfg(test)]
mod tests;
