//! Owns the candidates of the "chosen base" mode of `cargo xtask eval`: for every triple, its
//! `source.md` (the newest English), its `base.md`, and decoys — other English revisions of the
//! same page from `../shared/corpus/history` when it has the page (the revision just before the
//! base, the oldest and one in between), or else the English pages of other triples — so that
//! the base lockstep chooses, not the one the triple gives, decides what is stale.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;

use crate::triples::Triple;

#[derive(Default)]
pub struct Decoys {
    /// Triple name → decoy texts.
    by_triple: HashMap<String, Vec<String>>,
}

impl Decoys {
    pub fn load(triples_dir: &Path, triples: &[Triple]) -> Result<Decoys> {
        let history = triples_dir.join("../history/en");
        let mut by_triple = HashMap::new();
        for (k, t) in triples.iter().enumerate() {
            let versions = revisions(&history.join(&t.truth.page))?;
            let decoys: Vec<String> = if versions.is_empty() {
                // Other pages: the next triples in order whose page differs.
                triples
                    .iter()
                    .cycle()
                    .skip(k + 1)
                    .take(triples.len())
                    .filter(|o| o.truth.page != t.truth.page)
                    .take(3)
                    .map(|o| o.source.clone())
                    .collect()
            } else {
                let others: Vec<&String> = versions.iter().filter(|v| **v != t.base && **v != t.source).collect();
                let before =
                    versions.iter().position(|v| *v == t.base).and_then(|i| i.checked_sub(1)).map(|i| &versions[i]);
                let mut picked: Vec<String> = before.into_iter().filter(|v| **v != t.source).cloned().collect();
                for v in [others.first(), others.get(others.len() / 2)].into_iter().flatten() {
                    if !picked.contains(v) {
                        picked.push((*v).clone());
                    }
                }
                picked
            };
            by_triple.insert(t.name.clone(), decoys);
        }
        Ok(Decoys { by_triple })
    }

    /// The base lockstep chooses for `t`, and whether it is the true one.
    pub fn choose(&self, t: &Triple) -> (String, bool) {
        let mut texts: Vec<&str> = vec![t.source.as_str(), t.base.as_str()];
        texts.extend(self.by_triple.get(&t.name).into_iter().flatten().map(String::as_str));
        let pages: Vec<lockstep::parse::Page> = texts.iter().map(|x| lockstep::parse::parse(x)).collect();
        let refs: Vec<&lockstep::parse::Page> = pages.iter().collect();
        let index =
            lockstep::classify::choose_base(&lockstep::parse::parse(&t.translation), &refs).map_or(0, |c| c.index);
        // An unchanged page makes source.md and base.md the same text: either is the true base.
        (texts[index].to_owned(), texts[index] == t.base)
    }
}

/// The English revisions of a page in the history fixture, oldest first (none when absent).
fn revisions(dir: &Path) -> Result<Vec<String>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(Vec::new()) };
    let mut files: Vec<_> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
    files.sort();
    files.iter().map(|p| lockstep::load::read_page(p).map_err(|e| anyhow::anyhow!("{e}"))).collect()
}
