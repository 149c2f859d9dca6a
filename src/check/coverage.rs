//! Counting pairs by status, in segments and in source words. Each pair counts once, under
//! the status that asks most of a translator: missing, untranslated, partial, stale, then
//! translated; obsolete pairs count apart (they have no source words). Verbatim pairs are not
//! counted at all: there is nothing to translate in them.

use serde::Serialize;

use crate::classify::{AlignedPair, Status};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub translated: usize,
    pub untranslated: usize,
    pub partial: usize,
    pub stale: usize,
    pub missing: usize,
    pub obsolete: usize,
}

impl Tally {
    fn bump(&mut self, status: Status, n: usize) {
        match status {
            Status::Translated => self.translated += n,
            Status::Untranslated => self.untranslated += n,
            Status::Partial => self.partial += n,
            Status::Stale => self.stale += n,
            Status::Missing => self.missing += n,
            Status::Obsolete => self.obsolete += n,
        }
    }

    fn add(&mut self, o: &Tally) {
        self.translated += o.translated;
        self.untranslated += o.untranslated;
        self.partial += o.partial;
        self.stale += o.stale;
        self.missing += o.missing;
        self.obsolete += o.obsolete;
    }

    /// Everything the source asks to be translated.
    pub fn total(&self) -> usize {
        self.translated + self.untranslated + self.partial + self.stale + self.missing
    }

    /// What still needs work: untranslated, partial, stale and missing.
    pub fn to_do(&self) -> usize {
        self.untranslated + self.partial + self.stale + self.missing
    }

    /// Translated share (stale included: it is translated, if outdated), in percent.
    pub fn coverage(&self) -> f64 {
        match self.total() {
            0 => 100.0,
            total => 100.0 * (self.translated + self.stale) as f64 / total as f64,
        }
    }
}

/// Counts in segments and in source words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub segments: Tally,
    pub words: Tally,
    /// Pairs with nothing to translate, left out of the tallies.
    pub verbatim: usize,
}

impl Counts {
    pub fn of(pairs: &[AlignedPair]) -> Counts {
        let mut c = Counts::default();
        for p in pairs {
            if p.verbatim {
                c.verbatim += 1;
                continue;
            }
            let status = primary(&p.status);
            c.segments.bump(status, 1);
            c.words.bump(status, p.words as usize);
        }
        c
    }

    /// Every segment of a page missing (no translation file).
    pub fn all_missing(words: impl Iterator<Item = usize>) -> Counts {
        let mut c = Counts::default();
        for w in words {
            c.segments.missing += 1;
            c.words.missing += w;
        }
        c
    }

    pub fn add(&mut self, o: &Counts) {
        self.segments.add(&o.segments);
        self.words.add(&o.words);
        self.verbatim += o.verbatim;
    }
}

fn primary(status: &[Status]) -> Status {
    [Status::Missing, Status::Obsolete, Status::Untranslated, Status::Partial, Status::Stale]
        .into_iter()
        .find(|s| status.contains(s))
        .unwrap_or(Status::Translated)
}
