//! Bases from the git history: for each translation, the revisions of its source page committed
//! up to the translation's own last commit are the candidates, and the one the translation
//! matches best ([`crate::classify::choose_base`]) is its base. The history is read once for
//! the whole repository and every distinct candidate blob is fetched once, by one process.

use std::collections::HashMap;

use super::Site;
use crate::history::{RepoHistory, Revision, Unavailable};

/// At most this many distinct candidate revisions per translation, newest first: exports lag
/// their source by days or weeks, not by years of revisions.
const CANDIDATES: usize = 12;

/// The candidate base revisions of every translation, and their contents.
#[derive(Default)]
pub struct Bases {
    /// Translation file (relative to the site root) → candidate revisions, newest first.
    candidates: HashMap<String, Vec<Revision>>,
    /// Blob id → text.
    texts: HashMap<String, String>,
    /// Why history-based bases are not available, when they are not.
    pub unavailable: Option<Unavailable>,
    /// The newest commit that changed a source page: the revision of the source a report
    /// describes.
    pub source_revision: Option<Revision>,
    /// Source pages with no committed version (their translations can have no base from the
    /// history), when the history could be read.
    pub untracked: std::collections::HashSet<std::path::PathBuf>,
}

impl Bases {
    /// Reads the site's git history. A site outside git, or a shallow clone, gives no bases
    /// and a reason.
    pub fn read(site: &Site) -> Bases {
        match Self::try_read(site) {
            Ok(b) => b,
            Err(reason) => Bases { unavailable: Some(reason), ..Bases::default() },
        }
    }

    fn try_read(site: &Site) -> Result<Bases, Unavailable> {
        // The English may live in a repository of its own: one history per repository.
        let source_top = RepoHistory::toplevel(&site.source_root)?;
        let top = RepoHistory::toplevel(&site.root)?;
        let sources = RepoHistory::read(&source_top, &[])?;
        let separate = std::fs::canonicalize(&source_top).ok() != std::fs::canonicalize(&top).ok();
        let translations = if separate { RepoHistory::read(&top, &[])? } else { sources.clone() };
        let history = &sources;
        let mut candidates = HashMap::new();
        let mut wanted: Vec<String> = Vec::new();
        let mut newest: Option<&Revision> = None;
        let mut untracked = std::collections::HashSet::new();
        for plan in &site.pages {
            let Some(source) = super::inside(&source_top, &plan.source) else { continue };
            let versions = history.revisions(&source);
            if versions.is_empty() {
                untracked.insert(plan.source.clone());
            }
            if let Some(v) = versions.first() {
                if newest.is_none_or(|n| (v.time, &v.commit) > (n.time, &n.commit)) {
                    newest = Some(v);
                }
            }
            for (_, translation) in &plan.translations {
                let Some(rel) = super::inside(&top, translation) else { continue };
                // Up to the translation's own last commit; an uncommitted translation may have
                // been made from any version. A commit stamped in the page is always a candidate.
                let until = translations.revisions(&rel).first().map_or(i64::MAX, |r| r.time);
                // Read as a page of the site: a pipe or a link out of the site is never opened.
                let text = site.read(translation).unwrap_or_default();
                let stamped = super::stamp::front_matter_stamp(&text);
                let mut seen = std::collections::HashSet::new();
                let mut chosen: Vec<Revision> = versions
                    .iter()
                    .filter(|v| v.time <= until && seen.insert(v.blob.clone()))
                    .take(CANDIDATES)
                    .cloned()
                    .collect();
                if let Some(v) = stamped.and_then(|c| versions.iter().find(|v| v.commit.starts_with(c))) {
                    if !chosen.iter().any(|r| r.commit == v.commit) {
                        chosen.insert(0, v.clone());
                    }
                }
                wanted.extend(chosen.iter().map(|r| r.blob.clone()));
                candidates.insert(site.relative(translation), chosen);
            }
        }
        wanted.sort();
        wanted.dedup();
        let ids: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let texts = history.blobs(&ids)?;
        let source_revision = newest.cloned();
        let texts = wanted.into_iter().zip(texts).collect();
        Ok(Bases { candidates, texts, unavailable: None, source_revision, untracked })
    }

    /// The candidates of `translation` with their texts, newest first.
    pub fn candidates(&self, translation: &str) -> Vec<(&Revision, &str)> {
        self.candidates
            .get(translation)
            .map(|revs| revs.iter().filter_map(|r| self.texts.get(&r.blob).map(|t| (r, t.as_str()))).collect())
            .unwrap_or_default()
    }
}
