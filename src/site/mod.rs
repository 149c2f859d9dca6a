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

/// A file or folder where pages may be that lockstep cannot use, and why (reported as an
/// error; the rest of the site is still checked).
#[derive(Debug, Clone)]
pub struct Unusable {
    pub path: PathBuf,
    /// A folder that could not be listed: the pages below it are covered by this one report.
    pub folder: bool,
    pub reason: Text,
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
    /// Files and folders found where pages are that cannot be used (an unreadable folder, a
    /// file name that is not UTF-8).
    pub unusable: Vec<Unusable>,
    /// What discovery left out and the user should know (a folder that is not a locale).
    pub notices: Vec<Text>,
    /// The folders a page may resolve into (the root and the source root, symbolic links
    /// resolved): a link out of them is not followed.
    pub tops: Vec<PathBuf>,
}

impl Site {
    /// Finds the site under `root`: the layout from `config` when it names patterns, detected
    /// otherwise. `Err` says why nothing could be found.
    pub fn discover(root: &Path, config: &Config) -> Result<Site, Text> {
        let source_locale = config.source_locale.clone().unwrap_or_else(|| "en".to_owned());
        let walk = markdown_files(root);
        let files = &walk.files;
        let source_root = config.source_root.as_ref().map_or_else(|| root.to_owned(), |s| root.join(s));
        let separate = source_root != root;
        if separate && (config.source.is_none() || config.translation.is_none()) {
            return Err(Text::new("site-source-root-patterns"));
        }
        let (layout, patterns) = match (&config.source, &config.translation) {
            (Some(s), Some(t)) => (Layout::Explicit, Patterns { source: s.clone(), translation: t.clone() }),
            (None, None) => detect(root, files, &source_locale)
                .ok_or_else(|| Text::new("site-no-translations").arg("root", root.display().to_string()))?,
            _ => return Err(Text::new("site-patterns-together")),
        };
        let source_re = pattern_regex(&patterns.source)?;
        let translation_re = pattern_regex(&patterns.translation)?;
        let filters = Filters::new(config)?;
        let mut sources = Vec::new();
        let mut translated: Vec<(String, String, PathBuf)> = Vec::new(); // locale, path, file
        for rel in files {
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
        let sources_here = (!separate).then_some(&source_re);
        let mut notices = not_locales(root, files, &patterns.translation, sources_here, &source_locale, &filters);
        let (mut unusable, links) =
            walk.report(&[&patterns.source, &patterns.translation], &[&source_re, &translation_re]);
        notices.extend(links);
        if separate {
            if !source_root.is_dir() {
                let path = source_root.display().to_string();
                return Err(Text::new("site-source-root-not-folder").arg("path", path));
            }
            let source_walk = markdown_files(&source_root);
            for rel in &source_walk.files {
                if let Some(c) = source_re.captures(rel) {
                    let path = page_path(&c);
                    if filters.wanted(&path) {
                        sources.push((path, source_root.join(rel)));
                    }
                }
            }
            let (more, links) = source_walk.report(&[&patterns.source], &[&source_re]);
            unusable.extend(more);
            notices.extend(links);
        }
        notices.sort_by_cached_key(|t| t.to_string());
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
        let mut tops: Vec<PathBuf> =
            [root, source_root.as_path()].iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
        tops.dedup();
        Ok(Site {
            root: root.to_owned(),
            source_root,
            layout,
            patterns,
            source_locale,
            locales,
            pages,
            orphans,
            unusable,
            notices,
            tops,
        })
    }

    /// Reads a page of the site: a regular file inside it (see [`crate::load::read_site_page`]).
    pub fn read(&self, path: &Path) -> Result<String, crate::load::LoadError> {
        crate::load::read_site_page(path, &self.tops)
    }

    /// The bytes of a page of the site, read as [`Site::read`] reads it but not decoded.
    pub fn read_bytes(&self, path: &Path) -> Result<Vec<u8>, crate::load::LoadError> {
        crate::load::read_checked_bytes(path, crate::load::Scope::Page(&self.tops))
    }

    /// Whether something is at `path` — a file, a link, dangling or not, or an entry that cannot
    /// be looked at — rather than nothing (a translation not made yet).
    pub fn has_entry(path: &Path) -> bool {
        std::fs::symlink_metadata(path).map_or_else(|e| e.kind() != std::io::ErrorKind::NotFound, |_| true)
    }

    /// Whether `path` is below a folder already reported as unusable.
    pub fn below_unusable(&self, path: &Path) -> bool {
        self.unusable.iter().any(|u| u.folder && path.starts_with(&u.path))
    }
}

impl Site {
    /// `path` as reports name it: as the user reaches it from where lockstep runs (so that CI
    /// annotations attach to the right file), `/`-separated.
    pub fn shown(&self, path: &Path) -> String {
        shown(path)
    }

    /// `path` relative to the site root, `/`-separated (how files are named in the lock file).
    pub fn relative(&self, path: &Path) -> String {
        slash_path(path.strip_prefix(&self.root).unwrap_or(path))
    }
}

/// `path` as reports name it (see [`Site::shown`]).
fn shown(path: &Path) -> String {
    let s = slash_path(path.strip_prefix(".").unwrap_or(path));
    if s.is_empty() {
        ".".to_owned()
    } else {
        s
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
            other => out.push_str(&shown_name(other.as_os_str())),
        }
    }
    out
}

/// A file name as text; bytes that are not UTF-8 are shown as `\xNN`, so that the name can
/// be told from others and found.
pub fn shown_name(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_owned();
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
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

/// What a walk of a site's folder found.
struct Walk {
    /// Every `.md` entry that is not a folder (relative, `/`-separated): regular files, but also
    /// links, pipes and devices, which reading refuses with a message naming them.
    files: Vec<String>,
    /// `.md` files whose name is not UTF-8 (path, name relative to the walked folder).
    odd_names: Vec<(PathBuf, String)>,
    /// Folders (or files) the walk could not read, relative name and error.
    unreadable: Vec<(PathBuf, String, std::io::Error)>,
    /// Symbolic links to folders, which the walk does not follow, and their relative names.
    folder_links: Vec<(PathBuf, String)>,
}

impl Walk {
    /// What of this walk must be reported, below the fixed part of one of `patterns` (e.g.
    /// `docs/` of `docs/{path}`): unreadable folders and files (errors), non-UTF-8 names that a
    /// pattern of `regexes` matches (errors), and links to folders, not followed (notices).
    fn report(&self, patterns: &[&String], regexes: &[&Regex]) -> (Vec<Unusable>, Vec<Text>) {
        // `docs/` of `docs/{path}`, `i18n/` of `i18n/{locale}/{path}`, `` of `{locale}/{path}`.
        let fixed = |p: &'_ str| -> String {
            let head = p.split('{').next().unwrap_or("");
            head[..head.rfind('/').map_or(0, |i| i + 1)].to_owned()
        };
        let prefixes: Vec<String> = patterns.iter().map(|p| fixed(p)).collect();
        let wanted = |rel: &str| {
            let folder = format!("{rel}/");
            rel.is_empty() || prefixes.iter().any(|p| folder.starts_with(p.as_str()) || p.starts_with(&folder))
        };
        let mut unusable: Vec<Unusable> = self
            .unreadable
            .iter()
            .filter(|(_, rel, _)| wanted(rel))
            .map(|(path, _, e)| {
                let folder = path.is_dir();
                let text = if folder { Text::new("site-unreadable-folder") } else { Text::new("error-read") };
                let reason = text.arg("path", shown(path)).arg("reason", io_reason(path, e));
                Unusable { path: path.clone(), folder, reason }
            })
            .collect();
        unusable.extend(self.odd_names.iter().filter(|(_, rel)| regexes.iter().any(|r| r.is_match(rel))).map(
            |(path, _)| {
                let reason = Text::new("site-name-not-utf8").arg("path", shown(path));
                Unusable { path: path.clone(), folder: false, reason }
            },
        ));
        let notices = self
            .folder_links
            .iter()
            .filter(|(_, rel)| wanted(rel))
            .map(|(path, _)| {
                let target = std::fs::read_link(path).unwrap_or_default().display().to_string();
                Text::new("site-folder-link").arg("path", shown(path)).arg("target", target)
            })
            .collect();
        (unusable, notices)
    }
}

/// Every `.md` entry below `root` that is not a folder, honouring `.gitignore`; links are
/// listed, not followed.
fn markdown_files(root: &Path) -> Walk {
    let mut walk = Walk { files: Vec::new(), odd_names: Vec::new(), unreadable: Vec::new(), folder_links: Vec::new() };
    for entry in ignore::WalkBuilder::new(root).follow_links(false).build() {
        let e = match entry {
            Ok(e) => e,
            Err(err) => {
                if let (Some(path), Some(io)) = (error_path(&err), err.into_io_error()) {
                    let rel = slash_path(path.strip_prefix(root).unwrap_or(&path));
                    walk.unreadable.push((path, rel, io));
                }
                continue;
            }
        };
        let Some(kind) = e.file_type() else { continue };
        let Ok(rel) = e.path().strip_prefix(root) else { continue };
        // A link to a folder (a loop included): its metadata, never its contents.
        if kind.is_symlink() && std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) {
            walk.folder_links.push((e.path().to_owned(), slash_path(rel)));
            continue;
        }
        if kind.is_dir() || e.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        match rel.to_str() {
            Some(_) => walk.files.push(slash_path(rel)),
            None => walk.odd_names.push((e.path().to_owned(), slash_path(rel))),
        }
    }
    walk.files.sort();
    walk.unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    walk.unreadable.dedup_by(|a, b| a.0 == b.0);
    walk
}

/// What went wrong at `path`, without the path that the walk's error repeats: the system's own
/// error when the folder is listed again.
fn io_reason(path: &Path, e: &std::io::Error) -> String {
    let again = if path.is_dir() { std::fs::read_dir(path).err() } else { None };
    again.as_ref().unwrap_or(e).to_string()
}

/// The path an error of the walk is about, if it names one.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// Folders in the place of a locale (`docs/{locale}/…`, `i18n/{locale}/…`) that hold pages but
/// whose name is not a locale: their pages are not checked, which the user should know. Only
/// when `{locale}` is a whole folder name: in `a.{locale}.md` a dot in a page name is no mistake.
/// `source_re` matches the source pages among `files`, when they are there.
fn not_locales(
    root: &Path,
    files: &[String],
    t: &str,
    source_re: Option<&Regex>,
    source: &str,
    filters: &Filters,
) -> Vec<Text> {
    if !(t.starts_with("{locale}/") || t.contains("/{locale}/")) {
        return Vec::new();
    }
    let Ok(loose) = pattern_regex_with(t, "[^/]+") else { return Vec::new() };
    let mut folders: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for rel in files {
        let Some(c) = loose.captures(rel) else { continue };
        let Some(locale) = c.name("locale") else { continue };
        let name = locale.as_str();
        let known = name == source || (is_locale(name) && strict_locale(name));
        if known || source_re.is_some_and(|r| r.is_match(rel)) || !filters.wanted(&page_path(&c)) {
            continue;
        }
        *folders.entry(rel[..locale.end()].to_owned()).or_default() += 1;
    }
    folders
        .into_iter()
        .map(|(folder, pages)| {
            Text::new("site-not-a-locale").arg("folder", shown(&root.join(folder))).num("pages", pages)
        })
        .collect()
}

/// Whether `s` has the shape the `{locale}` placeholder accepts.
fn strict_locale(s: &str) -> bool {
    static SHAPE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    SHAPE.get_or_init(|| Regex::new(&format!("^{LOCALE_RE}$")).expect("a valid regex")).is_match(s)
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

/// What `{locale}` matches in a pattern.
const LOCALE_RE: &str = "[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*";

fn pattern_regex(pattern: &str) -> Result<Regex, Text> {
    pattern_regex_with(pattern, LOCALE_RE)
}

/// The regex of `pattern`, with `locale` as what `{locale}` matches.
fn pattern_regex_with(pattern: &str, locale: &str) -> Result<Regex, Text> {
    let mut re = String::from("^");
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        re.push_str(&regex::escape(&rest[..start]));
        let end = rest[start..].find('}').ok_or_else(|| Text::new("site-unclosed-brace").arg("pattern", pattern))?;
        match &rest[start + 1..start + end] {
            "path" => re.push_str("(?P<path>.+\\.md)"),
            "stem" => re.push_str("(?P<stem>.+?)"),
            "locale" => re.push_str(&format!("(?P<locale>{locale})")),
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
