//! Owns the evaluation corpus on disk: finding the triples directory, reading each
//! `<locale>__<page>__<commit>/` triple (source, translation, base, truth) into memory, and the
//! serde shape of `truth.json`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

/// The triples directory used when `--triples` is not given: `../shared/corpus/triples`
/// relative to the workspace root.
pub fn default_triples_dir() -> PathBuf {
    workspace_root()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| workspace_root().join(".."))
        .join("shared")
        .join("corpus")
        .join("triples")
}

/// The workspace root, one level above this crate.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or_else(|| manifest.join(".."))
}

/// A line label of the truth (translation lines only; `missing` lives on source lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Untranslated,
    Partial,
    Stale,
    Obsolete,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Untranslated, Label::Partial, Label::Stale, Label::Obsolete];

    pub fn name(self) -> &'static str {
        match self {
            Label::Untranslated => "untranslated",
            Label::Partial => "partial",
            Label::Stale => "stale",
            Label::Obsolete => "obsolete",
        }
    }
}

/// One non-blank translation line that takes part in the truth.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TruthTranslationLine {
    pub line: u32,
    /// `None` = the line is obsolete (its English counterpart was deleted).
    pub source_line: Option<u32>,
    #[serde(default)]
    pub labels: Vec<Label>,
}

/// One non-blank source line that takes part in the truth.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TruthSourceLine {
    pub line: u32,
    pub missing: bool,
}

/// The fields of `truth.json` the evaluation reads; the rest is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Truth {
    pub locale: String,
    #[serde(default)]
    pub page: String,
    pub translation_lines: Vec<TruthTranslationLine>,
    pub source_lines: Vec<TruthSourceLine>,
}

/// A triple read into memory.
#[derive(Debug, Clone)]
pub struct Triple {
    /// The directory name, e.g. `he__real-time-communication__1234abcd`.
    pub name: String,
    pub source: String,
    pub translation: String,
    pub base: String,
    pub truth: Truth,
}

impl Triple {
    pub fn locale(&self) -> &str {
        &self.truth.locale
    }
}

/// Reads every triple below `dir` whose directory name contains `filter` (all when `None`),
/// sorted by name. Non-directories (such as `index.json`) are skipped.
pub fn load_triples(dir: &Path, filter: Option<&str>) -> Result<Vec<Triple>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if !entry.file_type()?.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if filter.is_none_or(|f| name.contains(f)) {
            names.push(name);
        }
    }
    names.sort();
    names.into_iter().map(|name| load_triple(&dir.join(&name), name)).collect()
}

fn load_triple(dir: &Path, name: String) -> Result<Triple> {
    let truth_text = read_text(&dir.join("truth.json"))?;
    let truth: Truth =
        serde_json::from_str(&truth_text).with_context(|| format!("parsing {}", dir.join("truth.json").display()))?;
    Ok(Triple {
        name,
        source: read_text(&dir.join("source.md"))?,
        translation: read_text(&dir.join("translation.md"))?,
        base: read_text(&dir.join("base.md"))?,
        truth,
    })
}

/// Reads a UTF-8 file, dropping a leading byte order mark.
pub fn read_text(path: &Path) -> Result<String> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Loads the triples for a command, failing loudly when the corpus is absent or empty so that
/// a misplaced corpus can never pass as "no regressions".
pub fn load_corpus(dir: &Path, filter: Option<&str>) -> Result<Vec<Triple>> {
    if !dir.is_dir() {
        bail!(CorpusNotFound(dir.to_path_buf()));
    }
    let triples = load_triples(dir, filter)?;
    if triples.is_empty() {
        match filter {
            Some(f) => bail!("no triple in {} matches `{f}`", dir.display()),
            None => bail!(CorpusNotFound(dir.to_path_buf())),
        }
    }
    Ok(triples)
}

/// The corpus directory is missing (or holds no triple).
#[derive(Debug)]
pub struct CorpusNotFound(pub PathBuf);

impl std::fmt::Display for CorpusNotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "corpus not found at {}\n\
             ************************************************************\n\
             **  EVALUATION CORPUS NOT FOUND\n\
             **  pass --triples DIR or put the corpus in place.\n\
             **  Nothing was measured.\n\
             ************************************************************",
            self.0.display()
        )
    }
}

impl std::error::Error for CorpusNotFound {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_json_parses_and_ignores_extra_fields() {
        let truth: Truth = serde_json::from_str(
            r#"{"version": 1, "locale": "he", "page": "a.md",
                "translation_lines": [
                  {"line": 3, "base_line": 3, "source_line": 4, "labels": ["untranslated", "stale"],
                   "translatable": true, "short": false},
                  {"line": 5, "base_line": 5, "source_line": null, "labels": ["obsolete"]}],
                "source_lines": [{"line": 4, "translation_line": 3, "missing": false},
                                 {"line": 6, "translation_line": null, "missing": true,
                                  "missing_kind": "inserted"}],
                "counts": {}}"#,
        )
        .unwrap();
        assert_eq!(truth.locale, "he");
        assert_eq!(truth.translation_lines[0].labels, vec![Label::Untranslated, Label::Stale]);
        assert_eq!(truth.translation_lines[1].source_line, None);
        assert!(truth.source_lines[1].missing);
    }

    #[test]
    fn unknown_label_is_an_error() {
        let r: Result<Truth, _> = serde_json::from_str(
            r#"{"locale": "he", "translation_lines": [{"line": 1, "source_line": 1, "labels": ["bogus"]}],
                "source_lines": []}"#,
        );
        assert!(r.is_err());
    }

    #[test]
    fn missing_corpus_is_a_loud_error() {
        let err = load_corpus(Path::new("no/such/corpus/dir"), None).unwrap_err();
        assert!(err.downcast_ref::<CorpusNotFound>().is_some());
        assert!(err.to_string().contains("no/such/corpus/dir"));
    }
}
