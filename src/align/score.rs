//! How much two segments look like the same block, from 0 to 1.
//!
//! Across languages the evidence is language-neutral: kind and container, the skeleton
//! (link targets, code, tags, attributes, icons, footnotes, numbers) weighted by how rare each
//! token is in the two pages, Latin-script names both sides share, the length ratio against
//! the page's own ratio, and shared words (an untranslated block is the same language).
//! Between two English revisions it is the overlap of their words.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::parse::{Kind, Segment};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Two revisions of the same language.
    Monolingual,
    /// A translation against an English page.
    CrossLanguage,
}

/// Precomputed features of both pages.
pub struct Scorer<'a> {
    a: &'a [Segment],
    b: &'a [Segment],
    mode: Mode,
    fa: Vec<Features>,
    fb: Vec<Features>,
    /// Translation length / English length over the whole page.
    length_ratio: f32,
}

/// Tokens weighted by their rarity in the two pages, sorted by token.
#[derive(Default)]
struct Bag {
    tokens: Vec<(u64, f32)>,
    total: f32,
}

struct Features {
    skeleton: Bag,
    /// Latin-script names of the text (across languages only).
    names: Bag,
    /// Lowercased words, sorted.
    words: Vec<u64>,
    /// Words of the normalised text in order, with their lengths.
    sequence: Vec<(u64, u32)>,
    chars: usize,
    container: u64,
    move_key: Option<u64>,
}

impl<'a> Scorer<'a> {
    pub fn new(a: &'a [Segment], b: &'a [Segment], mode: Mode) -> Self {
        let raw_a: Vec<(Vec<u64>, Vec<u64>)> = a.iter().map(|s| tokens(s, mode)).collect();
        let raw_b: Vec<(Vec<u64>, Vec<u64>)> = b.iter().map(|s| tokens(s, mode)).collect();
        let mut df: HashMap<u64, u32> = HashMap::new();
        for (sk, names) in raw_a.iter().chain(&raw_b) {
            for list in [sk, names] {
                let mut seen = list.clone();
                seen.dedup();
                for k in seen {
                    *df.entry(k).or_default() += 1;
                }
            }
        }
        let n = (a.len() + b.len()).max(1) as f32;
        let bag = |t: Vec<u64>| -> Bag {
            let tokens: Vec<(u64, f32)> = t.into_iter().map(|k| (k, (1.0 + n / df[&k] as f32).ln())).collect();
            let total = tokens.iter().map(|t| t.1).sum();
            Bag { tokens, total }
        };
        let features = |segs: &[Segment], raw: Vec<(Vec<u64>, Vec<u64>)>| -> Vec<Features> {
            segs.iter().zip(raw).map(|(s, (sk, names))| Features::new(s, bag(sk), bag(names), mode)).collect()
        };
        let fa = features(a, raw_a);
        let fb = features(b, raw_b);
        let ca: usize = fa.iter().map(|f| f.chars).sum();
        let cb: usize = fb.iter().map(|f| f.chars).sum();
        let length_ratio = if ca == 0 || cb == 0 { 1.0 } else { (cb as f32 / ca as f32).clamp(0.3, 3.0) };
        Scorer { a, b, mode, fa, fb, length_ratio }
    }

    /// Below this score two segments are not paired inside a gap.
    pub fn threshold(&self) -> f32 {
        match self.mode {
            Mode::Monolingual => 0.6,
            Mode::CrossLanguage => 0.3,
        }
    }

    /// Score needed to pair two segments found far apart.
    pub fn move_threshold(&self) -> f32 {
        match self.mode {
            Mode::Monolingual => 0.7,
            Mode::CrossLanguage => 0.5,
        }
    }

    /// A key under which a segment that moved can be recognised (footnote label, skeleton).
    pub fn move_key_a(&self, i: usize) -> Option<u64> {
        self.fa[i].move_key
    }

    pub fn move_key_b(&self, j: usize) -> Option<u64> {
        self.fb[j].move_key
    }

    pub fn score(&self, i: usize, j: usize) -> f32 {
        let (sa, sb) = (&self.a[i], &self.b[j]);
        let (fa, fb) = (&self.fa[i], &self.fb[j]);
        if sa.kind == Kind::FrontMatter || sb.kind == Kind::FrontMatter {
            // Front-matter fields pair by key, whatever their values say.
            return if sa.kind == sb.kind && sa.skeleton.first() == sb.skeleton.first() { 1.0 } else { 0.0 };
        }
        let kind = kind_factor(sa.kind, sb.kind);
        let container = if fa.container == fb.container { 1.0 } else { 0.0 };
        let skeleton = weighted_jaccard(&fa.skeleton, &fb.skeleton);
        let s = match self.mode {
            Mode::Monolingual => {
                let text = self.text_ratio(i, j);
                0.8 * text + 0.1 * skeleton.unwrap_or(text) + 0.1 * container
            }
            Mode::CrossLanguage => {
                let shared = dice(&fa.words, &fb.words);
                if shared >= 0.6 {
                    // Both sides are in the same language (an untranslated block): judge it as
                    // two English revisions, so that a rewritten block is not taken for its
                    // successor.
                    let ratio = self.text_ratio(i, j);
                    return kind * if ratio >= 0.6 { ratio } else { ratio / 2.0 };
                }
                let mut sum = 0.15 * container + 0.25 * self.length(fa.chars, fb.chars);
                let mut weight = 0.4;
                if let Some(sk) = skeleton {
                    sum += 0.5 * sk;
                    weight += 0.5;
                }
                // Names count when both sides have some: a translation may transliterate them.
                if !fa.names.tokens.is_empty() && !fb.names.tokens.is_empty() {
                    sum += 0.2 * weighted_jaccard(&fa.names, &fb.names).unwrap_or(0.0);
                    weight += 0.2;
                }
                (sum / weight).max(shared)
            }
        };
        kind * s
    }

    /// How much of two same-language segments is common, in order (0..1).
    fn text_ratio(&self, i: usize, j: usize) -> f32 {
        let ratio = ordered_overlap(&self.fa[i].sequence, &self.fb[j].sequence);
        if (0.3..0.8).contains(&ratio) {
            // Close to the line: let characters decide (a changed URL, a reworded phrase).
            let (a, b) = (self.a[i].norm.as_str(), self.b[j].norm.as_str());
            return similar::TextDiff::from_chars(a, b).ratio();
        }
        ratio
    }

    /// 1 when the translation is as much longer than the English as the page is on average.
    fn length(&self, ca: usize, cb: usize) -> f32 {
        if ca == 0 && cb == 0 {
            return 1.0;
        }
        if ca == 0 || cb == 0 {
            return 0.0;
        }
        let r = (cb as f32 / ca as f32) / self.length_ratio;
        (-1.5 * r.ln().abs()).exp()
    }
}

impl Features {
    fn new(s: &Segment, mut skeleton: Bag, mut names: Bag, mode: Mode) -> Self {
        skeleton.tokens.sort_by_key(|t| t.0);
        names.tokens.sort_by_key(|t| t.0);
        let source = if mode == Mode::Monolingual { s.norm.as_str() } else { s.text.as_str() };
        let ordered = |text: &str| -> Vec<(u64, u32)> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (hash(&w.to_lowercase()), w.chars().count() as u32 + 1))
                .collect()
        };
        let mut words: Vec<u64> = ordered(source).iter().map(|w| w.0).collect();
        let sequence = ordered(&s.norm);
        words.sort_unstable();
        let footnote = s.skeleton.first().filter(|t| s.kind == Kind::Footnote && t.starts_with("fn:"));
        let move_key = footnote.map(hash).or_else(|| {
            (!s.skeleton.is_empty()).then(|| {
                let mut k = s.skeleton.clone();
                k.sort();
                hash(&(s.kind, k))
            })
        });
        Features {
            skeleton,
            names,
            words,
            sequence,
            chars: s.text.chars().count(),
            container: hash(&s.container),
            move_key,
        }
    }
}

/// Skeleton tokens and, across languages, the Latin-script names of the text.
fn tokens(s: &Segment, mode: Mode) -> (Vec<u64>, Vec<u64>) {
    let mut skeleton: Vec<u64> = s.skeleton.iter().map(hash).collect();
    skeleton.sort_unstable();
    let mut names = Vec::new();
    if mode == Mode::CrossLanguage {
        for w in s.text.split(|c: char| !c.is_alphanumeric()) {
            let named = w.len() > 1
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphanumeric());
            if named {
                names.push(hash(&("name", w.to_ascii_lowercase())));
            }
        }
        names.sort_unstable();
    }
    (skeleton, names)
}

fn kind_factor(a: Kind, b: Kind) -> f32 {
    match (a, b) {
        _ if a == b => 1.0,
        (Kind::Heading(_), Kind::Heading(_)) => 0.7,
        (Kind::Paragraph, Kind::ListItem | Kind::Footnote | Kind::Definition)
        | (Kind::ListItem | Kind::Footnote | Kind::Definition, Kind::Paragraph) => 0.6,
        _ => 0.3,
    }
}

/// Weighted Jaccard of two bags; `None` when both are empty.
fn weighted_jaccard(a: &Bag, b: &Bag) -> Option<f32> {
    let (ta, tb) = (a.total, b.total);
    let (a, b) = (&a.tokens, &b.tokens);
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(common / (ta + tb - common).max(f32::EPSILON))
}

/// Share of the characters of both word sequences that lie in their longest common
/// subsequence of words (a word-level version of the classic sequence-matcher ratio).
fn ordered_overlap(a: &[(u64, u32)], b: &[(u64, u32)]) -> f32 {
    let total: u32 = a.iter().chain(b).map(|w| w.1).sum();
    if total == 0 {
        return if a.is_empty() && b.is_empty() { 1.0 } else { 0.0 };
    }
    let ha: Vec<u64> = a.iter().map(|w| w.0).collect();
    let hb: Vec<u64> = b.iter().map(|w| w.0).collect();
    let mut common = 0;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ha, &hb) {
        if let similar::DiffOp::Equal { old_index, len, .. } = op {
            common += a[old_index..old_index + len].iter().map(|w| w.1).sum::<u32>();
        }
    }
    2.0 * common as f32 / total as f32
}

/// Dice coefficient of two sorted multisets.
fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}
