//! Gives every aligned pair its statuses (SPEC §2): translated, untranslated, partial, stale,
//! missing, obsolete, and marks pairs with nothing to translate as verbatim.
//!
//! With a base (the English the translation was made from) nothing is aligned across
//! languages that need not be: translation ↔ base (same structure), base ↔ source (a
//! monolingual diff), composed. Without one, the translation is aligned with the source
//! directly and nothing is called stale.

mod base;
mod diff;
mod language;

use crate::parse::SharedStr;
use serde::{Serialize, Serializer};
use std::num::NonZeroU32;

use crate::align::{align, Link, Mode};
use crate::parse::{Kind, Page, Segment};
use crate::script::LocaleFacts;
pub use base::{choose_base, BaseChoice};
pub use diff::{word_diff, DiffOp};
use language::Left;

/// A status of a pair (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Translated,
    Untranslated,
    Partial,
    Stale,
    Missing,
    Obsolete,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Translated => "translated",
            Status::Untranslated => "untranslated",
            Status::Partial => "partial",
            Status::Stale => "stale",
            Status::Missing => "missing",
            Status::Obsolete => "obsolete",
        }
    }
}

/// The statuses of a pair, in order: one, or two (stale with untranslated or partial). Kept in
/// three bytes: a page of a million blocks has a million pairs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Statuses {
    len: u8,
    items: [Status; 2],
}

impl Statuses {
    fn empty() -> Self {
        Statuses { len: 0, items: [Status::Translated; 2] }
    }

    /// Adds a status, keeping the order of [`Status`]; a status already held is not repeated.
    /// A pair holds two at most (SPEC §2): a third is a bug, and is not kept.
    fn insert(&mut self, status: Status) {
        if self.contains(&status) {
            return;
        }
        debug_assert!(self.len < 2, "a third status for a pair: {self:?} and {status:?}");
        if self.len < 2 {
            self.items[usize::from(self.len)] = status;
            self.len += 1;
            self.items[..usize::from(self.len)].sort_unstable();
        }
    }

    fn remove(&mut self, status: Status) {
        if let Some(k) = self.iter().position(|s| *s == status) {
            self.items.copy_within(k + 1.., k);
            self.len -= 1;
        }
    }

    pub fn as_slice(&self) -> &[Status] {
        &self.items[..usize::from(self.len)]
    }
}

impl std::ops::Deref for Statuses {
    type Target = [Status];

    fn deref(&self) -> &[Status] {
        self.as_slice()
    }
}

impl std::fmt::Debug for Statuses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// Where the English revision a translation was made from came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaseKind {
    File,
    Marker,
    Git,
    None,
}

impl BaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BaseKind::File => "file",
            BaseKind::Marker => "marker",
            BaseKind::Git => "git",
            BaseKind::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Base {
    pub kind: BaseKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// For a git base: the commit's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One pair of the alignment with its statuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedPair {
    /// One status, two at most (stale with untranslated or partial): kept inline.
    #[serde(serialize_with = "one_or_many")]
    pub status: Statuses,
    pub kind: Kind,
    pub source_lines: Option<[u32; 2]>,
    pub translation_lines: Option<[u32; 2]>,
    /// Nothing to translate: not counted in coverage.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verbatim: bool,
    /// Source words the pair stands for (0 for obsolete pairs).
    pub words: u32,
    /// The lines of each side as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_text: Option<SharedStr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_text: Option<SharedStr>,
    /// What only stale and partial pairs have, behind one pointer (see [`Detail`]); serialised
    /// as the word diff.
    #[serde(rename = "diff", serialize_with = "the_diff", skip_serializing_if = "no_diff")]
    detail: Option<Box<Detail>>,
    /// No base is known, and the link targets or code of the two sides differ: the source may
    /// have changed since (or the translation broke its markup). A suspicion, not a status.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suspect: bool,
    /// Where the two sides (and the base block) are in their pages.
    #[serde(skip)]
    pub segments: SegmentIndex,
}

/// Indices of a pair's segments in the source, translation and base pages, kept in 32 bits
/// each, plus one so that "none" costs no more (a page of a million blocks has a million pairs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SegmentIndex {
    source: Option<NonZeroU32>,
    translation: Option<NonZeroU32>,
    base: Option<NonZeroU32>,
}

impl SegmentIndex {
    fn new(source: Option<usize>, translation: Option<usize>, base: Option<usize>) -> Self {
        // A page has fewer segments than lines, and its line numbers are u32.
        let narrow = |i: Option<usize>| {
            i.map(|i| u32::try_from(i + 1).ok().and_then(NonZeroU32::new).expect("fewer segments than lines"))
        };
        SegmentIndex { source: narrow(source), translation: narrow(translation), base: narrow(base) }
    }

    pub fn source(&self) -> Option<usize> {
        wide(self.source)
    }

    pub fn translation(&self) -> Option<usize> {
        wide(self.translation)
    }

    pub fn base(&self) -> Option<usize> {
        wide(self.base)
    }
}

fn wide(i: Option<NonZeroU32>) -> Option<usize> {
    i.map(|i| i.get() as usize - 1)
}

/// What a pair holds besides its statuses and places, when it holds any.
#[derive(Debug, Clone, PartialEq, Default)]
struct Detail {
    /// For stale pairs: the old → new English, word by word.
    diff: Option<Box<[DiffOp]>>,
    /// For partial pairs: the first sentence still in the source language (named by the
    /// finding; not part of the JSON contract).
    english_left: Option<Box<str>>,
}

impl AlignedPair {
    pub fn has(&self, status: Status) -> bool {
        self.status.contains(&status)
    }

    /// For stale pairs: the old → new English, word by word.
    pub fn diff(&self) -> Option<&[DiffOp]> {
        self.detail.as_ref()?.diff.as_deref()
    }

    /// For partial pairs: the first sentence still in the source language.
    pub fn english_left(&self) -> Option<&str> {
        self.detail.as_ref()?.english_left.as_deref()
    }
}

fn no_diff(detail: &Option<Box<Detail>>) -> bool {
    detail.as_ref().is_none_or(|d| d.diff.is_none())
}

fn the_diff<S: Serializer>(detail: &Option<Box<Detail>>, s: S) -> Result<S::Ok, S::Error> {
    detail.as_ref().and_then(|d| d.diff.as_ref()).serialize(s)
}

fn one_or_many<S: Serializer>(status: &[Status], s: S) -> Result<S::Ok, S::Error> {
    match status {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

/// The classified alignment of one page pair; serialises to the JSON of SPEC §3.1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub source: String,
    pub translation: String,
    pub locale: String,
    pub base: Base,
    pub pairs: Vec<AlignedPair>,
}

/// Aligns and classifies. `base` is the English page the translation was made from.
pub fn classify(src: &Page, tr: &Page, base: Option<&Page>, facts: &LocaleFacts) -> Alignment {
    let pairs = match base {
        Some(base) => with_base(src, tr, base, facts),
        None => without_base(src, tr, facts),
    };
    let kind = if base.is_some() { BaseKind::File } else { BaseKind::None };
    Alignment {
        source: String::new(),
        translation: String::new(),
        locale: facts.tag.clone(),
        base: Base { kind, revision: None, date: None },
        pairs,
    }
}

/// Marks stale every pair whose source block is not among `stamped` (fingerprints of the blocks
/// of the source revision the translation was stamped against): the base is known by its
/// fingerprint only, so there is no word diff.
pub fn mark_changed_since_stamp(alignment: &mut Alignment, src: &Page, stamped: &[String], revision: String) {
    use crate::site::stamp::fingerprint;
    let known: rustc_hash::FxHashSet<&str> = stamped.iter().map(String::as_str).collect();
    for pair in &mut alignment.pairs {
        pair.suspect = false;
        let Some(lines) = pair.source_lines else { continue };
        let Some(seg) = src.segments.iter().find(|s| s.lines == lines) else { continue };
        if pair.translation_lines.is_some() && !seg.verbatim && !known.contains(fingerprint(seg.norm()).as_str()) {
            pair.status.remove(Status::Translated);
            pair.status.insert(Status::Stale);
        }
    }
    alignment.base = Base { kind: BaseKind::Marker, revision: Some(revision), date: None };
}

/// The markup a translation must keep: link and image targets, and inline code.
fn markup(s: &Segment) -> Vec<&str> {
    let mut m: Vec<&str> = s
        .skeleton()
        .iter()
        .filter(|t| t.starts_with("link:") || t.starts_with("img:") || t.starts_with("code:"))
        .collect();
    m.sort_unstable();
    m
}

/// Pairs without a base: nothing is known to be stale, but an untranslated block the English
/// rewrote (see [`rewritten`]) is obsolete, and its source block missing.
fn without_base(src: &Page, tr: &Page, facts: &LocaleFacts) -> Vec<AlignedPair> {
    let links = align(src, tr, Mode::CrossLanguage);
    let pairs = crate::par::map(links.len(), |k| {
        let (i, j) = links[k].get();
        if let (Some(i), Some(j)) = (i, j) {
            let (s, t) = (&src.segments[i], &tr.segments[j]);
            let mut p = pair(src, tr, Some(i), Some(j), None, facts);
            if p.has(Status::Untranslated) && rewritten(s, t) {
                // The source block is given its own pair below.
                return pair(src, tr, None, Some(j), None, facts);
            }
            p.suspect = !p.verbatim && markup(s) != markup(t);
            return p;
        }
        pair(src, tr, i, j, None, facts)
    });
    // Each source block of a link split above, missing, after the obsolete block.
    let split: Vec<(usize, usize)> = links
        .iter()
        .enumerate()
        .filter_map(|(k, link)| match link.get() {
            (Some(i), Some(_)) if pairs[k].source_lines.is_none() => Some((k, i)),
            _ => None,
        })
        .collect();
    if split.is_empty() {
        return pairs;
    }
    let mut out = Vec::with_capacity(pairs.len() + split.len());
    let mut split = split.into_iter().peekable();
    for (k, p) in pairs.into_iter().enumerate() {
        out.push(p);
        if let Some((_, i)) = split.next_if(|(at, _)| *at == k) {
            out.push(pair(src, tr, Some(i), None, None, facts));
        }
    }
    out
}

/// Without a base: `t`, left in English, is not an old version of the English block `s` it
/// was paired with but text the English rewrote beyond recognition ([`crate::align::REWRITTEN`]).
/// `t` is then obsolete and `s` missing, as a base would show.
fn rewritten(s: &Segment, t: &Segment) -> bool {
    s.norm() != t.norm() && crate::align::text_likeness(s.norm(), t.norm()) < crate::align::REWRITTEN
}

fn with_base(src: &Page, tr: &Page, base: &Page, facts: &LocaleFacts) -> Vec<AlignedPair> {
    let mut source_of_base: Vec<Option<usize>> = vec![None; base.segments.len()];
    let mut placed = vec![false; src.segments.len()];
    for (i, k) in align(src, base, Mode::Monolingual).into_iter().map(Link::get) {
        if let (Some(i), Some(k)) = (i, k) {
            source_of_base[k] = Some(i);
        }
    }
    let mut out: Vec<(Option<usize>, AlignedPair)> = Vec::new();
    for (k, j) in align(base, tr, Mode::CrossLanguage).into_iter().map(Link::get) {
        let i = k.and_then(|k| source_of_base[k]);
        match (i, j) {
            (Some(i), Some(j)) => {
                placed[i] = true;
                let mut p = pair(src, tr, Some(i), Some(j), k.map(|k| &base.segments[k]), facts);
                p.segments = SegmentIndex::new(Some(i), Some(j), k);
                out.push((Some(i), p));
            }
            (None, Some(j)) => out.push((None, pair(src, tr, None, Some(j), None, facts))),
            // A base block the translation lacks: its source counterpart is missing (below).
            (_, None) => {}
        }
    }
    // Source blocks with no translated counterpart, each after the pair of the source block
    // before it.
    let mut result = Vec::with_capacity(out.len() + placed.len());
    let mut missing = (0..src.segments.len()).filter(|i| !placed[*i]).peekable();
    for (i, p) in out {
        if let Some(i) = i {
            while let Some(m) = missing.next_if(|m| *m < i) {
                result.push(pair(src, tr, Some(m), None, None, facts));
            }
        }
        result.push(p);
    }
    result.extend(missing.map(|m| pair(src, tr, Some(m), None, None, facts)));
    result
}

fn pair(
    src: &Page,
    tr: &Page,
    i: Option<usize>,
    j: Option<usize>,
    base: Option<&Segment>,
    facts: &LocaleFacts,
) -> AlignedPair {
    let s = i.map(|i| &src.segments[i]);
    let t = j.map(|j| &tr.segments[j]);
    let mut status = Statuses::empty();
    let mut detail = Detail::default();
    match (s, t) {
        (Some(s), Some(t)) => {
            let reference = base.unwrap_or(s);
            match language::content_status(t, reference, base.is_some(), src, facts) {
                Some(Left::All) => status.insert(Status::Untranslated),
                Some(Left::Part(sentence)) => {
                    status.insert(Status::Partial);
                    detail.english_left = Some(sentence.into());
                }
                None => {}
            }
            if let Some(b) = base {
                if b.norm() != s.norm() {
                    status.insert(Status::Stale);
                    detail.diff = Some(word_diff(b.raw(), s.raw()).into());
                }
            }
        }
        (Some(_), None) => status.insert(Status::Missing),
        (None, Some(_)) => status.insert(Status::Obsolete),
        (None, None) => {}
    }
    if status.is_empty() {
        status.insert(Status::Translated);
    }
    let shown = s.or(t).expect("a pair has at least one side");
    AlignedPair {
        status,
        kind: shown.kind,
        source_lines: s.map(|s| s.lines),
        translation_lines: t.map(|t| t.lines),
        verbatim: shown.verbatim,
        words: s.map_or(0, |s| u32::try_from(s.words()).unwrap_or(u32::MAX)),
        source_text: s.map(|s| s.raw_shared()),
        translation_text: t.map(|t| t.raw_shared()),
        detail: (detail != Detail::default()).then(|| Box::new(detail)),
        suspect: false,
        segments: SegmentIndex::new(i, j, None),
    }
}

#[cfg(test)]
mod tests {
    use super::{Status, Statuses};

    #[test]
    fn statuses_stay_in_order_without_repeats() {
        let mut s = Statuses::empty();
        s.insert(Status::Stale);
        s.insert(Status::Untranslated);
        s.insert(Status::Stale);
        assert_eq!(s.as_slice(), [Status::Untranslated, Status::Stale]);
        s.remove(Status::Untranslated);
        assert_eq!(s.as_slice(), [Status::Stale]);
        s.remove(Status::Translated);
        s.insert(Status::Partial);
        assert_eq!(s.as_slice(), [Status::Partial, Status::Stale]);
        assert_eq!(std::mem::size_of::<Statuses>(), 3);
    }
}
