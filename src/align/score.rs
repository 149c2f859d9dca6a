//! How much two segments look like the same block, from 0 to 1.
//!
//! Across languages the evidence is language-neutral: kind and container, the skeleton
//! (link targets, code, tags, attributes, icons, footnotes, numbers) weighted by how rare each
//! token is in the two pages (a number up to ten on one side only set aside: languages differ
//! in which numbers they spell out), Latin-script names both sides share, cognates when the
//! translation is in Latin script too (words that begin with the same four letters), the length
//! ratio against the page's own ratio, and shared words (an untranslated block is the same
//! language).
//! Between two English revisions it is the share of characters in the longest common
//! subsequence of the two normalised texts, markers included, whatever the kinds of the blocks.

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};
use smallvec::SmallVec;

use crate::parse::{analysed, Kind, Page, Segment};
use crate::script::is_word_char;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Two revisions of the same language.
    Monolingual,
    /// A translation against an English page.
    CrossLanguage,
}

/// Features of both pages, computed for a segment the first time it is scored: most
/// segments are paired by the anchors and never need them.
pub struct Scorer<'a> {
    a: &'a [Segment],
    b: &'a [Segment],
    mode: Mode,
    /// Document frequency of skeleton and name tokens over both pages, counted when a weight is
    /// first needed (two equal bags need none).
    df: OnceLock<HashMap<u64, u32>>,
    /// Skeleton and name tokens of every segment of each page.
    ta: &'a TokenLists,
    tb: &'a TokenLists,
    /// Each segment's features, kept once found (allocated when first needed).
    fa: Slots<Features<'a>>,
    fb: Slots<Features<'a>>,
    page_b: &'a Page,
    /// The English page (its words, across languages).
    page_a: &'a Page,
    /// Translation length / English length over the whole page.
    length_ratio: f32,
}

/// The sorted skeleton and name tokens of every segment of a page, in one flat list (a page of a
/// million lines must not cost two allocations per segment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenLists {
    flat: Vec<u64>,
    /// Segment `i`'s skeleton is `flat[ends[2i]..ends[2i + 1]]`, its names run to `ends[2i + 2]`
    /// (32 bits: a page has fewer tokens than bytes; past 4 GiB of tokens the lists read empty).
    ends: Vec<u32>,
}

impl TokenLists {
    fn new(segments: &[Segment], mode: Mode) -> Self {
        let mut flat = Vec::with_capacity(segments.len());
        let mut ends = Vec::with_capacity(2 * segments.len() + 1);
        ends.push(0);
        let mut lower = String::new();
        for s in segments {
            // Each segment's skeleton, then its names (across languages), each sorted in place.
            for list in 0..2 {
                let start = flat.len();
                if list == 0 {
                    flat.extend(s.skeleton().iter().map(skeleton_hash));
                } else if mode == Mode::CrossLanguage {
                    for w in latin_names(s.prose()) {
                        lower.clear();
                        lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                        flat.push(hash(&("name", lower.as_str())));
                    }
                }
                flat[start..].sort_unstable();
                ends.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
            }
        }
        TokenLists { flat, ends }
    }

    fn get(&self, i: usize) -> (&[u64], &[u64]) {
        let e = &self.ends[2 * i..2 * i + 3];
        let list = |from: u32, to: u32| self.flat.get(from as usize..to as usize).unwrap_or_default();
        (list(e[0], e[1]), list(e[1], e[2]))
    }

    fn iter(&self) -> impl Iterator<Item = (&[u64], &[u64])> {
        (0..self.ends.len() / 2).map(|i| self.get(i))
    }
}

/// What alignment derives from one page alone, kept with the page (see `Page`): an English
/// page is aligned with every locale.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    pub vocabulary: OnceLock<HashSet<u64>>,
    tokens: [OnceLock<TokenLists>; 2],
    /// Per mode, the text features of each segment, found when it is first scored.
    texts: [OnceLock<Slots<Text>>; 2],
}

impl Derived {
    fn tokens(&self, segments: &[Segment], mode: Mode) -> &TokenLists {
        self.tokens[mode as usize].get_or_init(|| TokenLists::new(segments, mode))
    }

    fn text(&self, segments: &[Segment], i: usize, mode: Mode) -> &Text {
        let texts = self.texts[mode as usize].get_or_init(|| Slots::new(segments.len()));
        texts.get_or_init(i, || Text::new(&segments[i], mode))
    }
}

/// What a segment's text says, whatever page it is compared with.
#[derive(Debug, Clone, PartialEq)]
struct Text {
    /// Lowercased words, sorted, then (across languages) the [`cognate`] keys of the text, sorted
    /// (a few inline: a page can hold a million one-word blocks).
    tokens: SmallVec<[u64; 3]>,
    /// Where the cognates begin in `tokens`.
    words: u32,
    chars: u32,
    /// The container, without the layout ones (see [`semantic_container`]).
    container: u64,
}

impl Text {
    fn new(s: &Segment, mode: Mode) -> Self {
        let source = if mode == Mode::Monolingual { analysed(s.norm()) } else { s.prose() };
        // About one word per six bytes, and across languages as many cognates at most: grown
        // once or twice at most.
        let per_word = if mode == Mode::CrossLanguage { 3 } else { 6 };
        let mut tokens: SmallVec<[u64; 3]> = SmallVec::with_capacity(source.len() / per_word + 1);
        if mode == Mode::CrossLanguage {
            for (word, _, prefix) in hashed_words::<true>(source) {
                tokens.push(word);
                tokens.extend(prefix.map(cognate));
            }
        } else {
            tokens.extend(word_hashes(source).map(|w| w.0));
        }
        // Words sort first: a cognate key has the top bit that no word's hash has.
        tokens.sort_unstable();
        let words = tokens.partition_point(|k| k & COGNATE == 0);
        let words = u32::try_from(words).unwrap_or(u32::MAX);
        Text {
            tokens,
            words,
            chars: u32::try_from(s.chars()).unwrap_or(u32::MAX),
            container: semantic_container(&s.container),
        }
    }

    fn words(&self) -> &[u64] {
        &self.tokens[..self.words as usize]
    }

    fn cognates(&self) -> &[u64] {
        &self.tokens[self.words as usize..]
    }
}

/// The containers that say what a block is (an admonition, a list, a quote, a tab), hashed.
/// `<div markdown>`, `<section>` and `<article>` without an admonition class only lay blocks out
/// and are left out: an English page that puts existing sections side by side in a grid keeps
/// the same blocks in the same containers.
fn semantic_container(path: &[String]) -> u64 {
    let layout = |c: &String| {
        let mut parts = c.split('.');
        matches!(parts.next(), Some("div" | "section" | "article")) && !parts.any(|class| class == "admonition")
    };
    let mut h = FxHasher::default();
    for c in path.iter().filter(|c| !layout(c)) {
        c.hash(&mut h);
    }
    h.finish()
}

/// Tokens weighted by their rarity in the two pages (see [`Scorer::weight`]), sorted by token.
/// The weights of shared tokens are looked up when two bags are compared: a segment costs no
/// allocation for its bags.
struct Bag<'a> {
    tokens: &'a [u64],
    /// The sum of the tokens' weights, found when first needed.
    total: OnceLock<f32>,
}

struct Features<'a> {
    skeleton: Bag<'a>,
    /// Latin-script names of the text (across languages only).
    names: Bag<'a>,
    text: &'a Text,
    /// Across languages, on the translated side: those of the words that the English page has
    /// (no other word can be shared with an English segment).
    known: Vec<u64>,
    /// Across languages: the translated segment is still in English.
    english: bool,
    /// Across languages: the translated segment is mostly in Latin script and has enough cognates
    /// to compare.
    latin: bool,
}

impl<'a> Scorer<'a> {
    pub fn new(page_a: &'a Page, page_b: &'a Page, mode: Mode) -> Self {
        let (a, b) = (page_a.segments.as_slice(), page_b.segments.as_slice());
        let large = a.len().max(b.len()) >= crate::par::LARGE_PAGE;
        let (ta, tb) =
            crate::par::join(large, || page_a.derived().tokens(a, mode), || page_b.derived().tokens(b, mode));
        let chars = |segs: &[Segment]| -> usize { segs.iter().map(Segment::chars).sum() };
        let (ca, cb) = (chars(a), chars(b));
        let length_ratio = if ca == 0 || cb == 0 { 1.0 } else { (cb as f32 / ca as f32).clamp(0.3, 3.0) };
        Scorer {
            a,
            b,
            mode,
            df: OnceLock::new(),
            ta,
            tb,
            fa: Slots::new(a.len()),
            fb: Slots::new(b.len()),
            page_a,
            page_b,
            length_ratio,
        }
    }

    fn fa(&self, i: usize) -> &Features<'a> {
        self.fa.get_or_init(i, || {
            let text = self.page_a.derived().text(self.a, i, self.mode);
            self.features(text, self.ta.get(i), None)
        })
    }

    fn fb(&self, j: usize) -> &Features<'a> {
        self.fb.get_or_init(j, || {
            let text = self.page_b.derived().text(self.b, j, self.mode);
            let translated = (self.mode == Mode::CrossLanguage).then(|| self.b[j].prose());
            self.features(text, self.tb.get(j), translated)
        })
    }

    /// The features of a segment; `translated` holds the prose of a translated segment (across
    /// languages), which may still be English.
    fn features<'t>(
        &self,
        text: &'t Text,
        (sk, names): (&'t [u64], &'t [u64]),
        translated: Option<&str>,
    ) -> Features<'t> {
        let bag = |tokens: &'t [u64]| Bag { tokens, total: OnceLock::new() };
        let (skeleton, names) = (bag(sk), bag(names));
        let mut f = Features { skeleton, names, text, known: Vec::new(), english: false, latin: false };
        if let Some(prose) = translated {
            // A translated segment whose words nearly all occur on the English page, and whose
            // letters are nearly all Latin, is still English (untranslated): it is compared as
            // English, whatever the locale. The letters count as well as the words because a
            // script written without spaces makes one word of a whole clause: a Chinese sentence
            // followed by an English one is mostly English by its words.
            let vocabulary = self.page_a.vocabulary();
            let words = text.words();
            f.known = words.iter().copied().filter(|w| vocabulary.contains(w)).collect();
            let latin_share = std::cell::OnceCell::new();
            let latin_share = || *latin_share.get_or_init(|| crate::script::latin_share(analysed(prose)));
            f.english = words.len() >= 3
                && f.known.len() as f32 >= 0.8 * words.len() as f32
                && latin_share().is_none_or(|share| share >= 0.8);
            f.latin = text.cognates().len() >= MIN_COGNATES && latin_share().is_some_and(|share| share >= 0.5);
        }
        f
    }

    /// In how many segments of the two pages each token occurs (counted once, when first needed).
    fn df(&self) -> &HashMap<u64, u32> {
        self.df.get_or_init(|| {
            let (ta, tb) = (self.ta, self.tb);
            let mut df = HashMap::with_capacity_and_hasher(ta.flat.len() + tb.flat.len(), Default::default());
            for (sk, names) in ta.iter().chain(tb.iter()) {
                // Each token once per segment (the lists are sorted).
                for list in [sk, names] {
                    for (n, k) in list.iter().enumerate() {
                        if n == 0 || list[n - 1] != *k {
                            *df.entry(*k).or_default() += 1;
                        }
                    }
                }
            }
            df
        })
    }

    /// How much a shared token says: more the rarer it is in the two pages.
    fn weight(&self, token: u64) -> f32 {
        let n = (self.a.len() + self.b.len()).max(1) as f32;
        (1.0 + n / self.df().get(&token).copied().unwrap_or(1) as f32).ln()
    }

    /// Weighted Jaccard of two skeletons across languages, where a small number counts only
    /// when both sides have numbers: one language writes in digits what another spells out
    /// ("two-factor" and "2단계", "E2EE" and "de bout en bout"). `None` when nothing is left to
    /// compare.
    fn skeleton_likeness<'t>(&self, a: &Bag<'t>, b: &Bag<'t>) -> Option<f32> {
        let has_numbers = |bag: &Bag<'_>| bag.tokens.last().is_some_and(|k| k & NUMBER != 0);
        if has_numbers(a) == has_numbers(b) {
            return self.weighted_jaccard(a, b);
        }
        // Small numbers sort last: the side with numbers is compared without them.
        let without_small = |bag: &Bag<'t>| {
            let tokens: &'t [u64] = bag.tokens;
            Bag {
                tokens: &tokens[..tokens.partition_point(|k| k & SMALL_NUMBER != SMALL_NUMBER)],
                total: OnceLock::new(),
            }
        };
        let stripped;
        let (a, b) = if has_numbers(a) {
            stripped = without_small(a);
            (&stripped, b)
        } else {
            stripped = without_small(b);
            (a, &stripped)
        };
        self.weighted_jaccard(a, b)
    }

    /// Weighted Jaccard of two bags; `None` when both are empty.
    fn weighted_jaccard(&self, a: &Bag<'_>, b: &Bag<'_>) -> Option<f32> {
        if a.tokens.is_empty() && b.tokens.is_empty() {
            return None;
        }
        if a.tokens == b.tokens {
            // The shared weight is each bag's total: t / (t + t - t) is 1 exactly.
            return Some(1.0);
        }
        let total = |bag: &Bag<'_>| *bag.total.get_or_init(|| bag.tokens.iter().map(|k| self.weight(*k)).sum());
        let (ta, tb) = (total(a), total(b));
        let (a, b) = (a.tokens, b.tokens);
        let (mut i, mut j, mut common) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += self.weight(a[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        Some(common / (ta + tb - common).max(f32::EPSILON))
    }

    /// Below this score two segments are not paired inside a gap.
    pub fn threshold(&self) -> f32 {
        match self.mode {
            Mode::Monolingual => 0.6,
            Mode::CrossLanguage => 0.3,
        }
    }

    /// Threshold for a gap of one segment on each side (one block replaced by one block between
    /// two anchors). Across languages position is evidence there, so weaker likeness suffices.
    /// Between two English revisions the text itself is the evidence: a block rewritten beyond
    /// the usual threshold is a new block (the old one removed), wherever it stands.
    pub fn lone_threshold(&self) -> f32 {
        match self.mode {
            Mode::Monolingual => self.threshold(),
            Mode::CrossLanguage => self.threshold() / 2.0,
        }
    }

    /// Score needed to pair two segments found far apart.
    pub fn move_threshold(&self) -> f32 {
        match self.mode {
            Mode::Monolingual => 0.7,
            Mode::CrossLanguage => 0.5,
        }
    }

    /// Score at which a unique skeleton match in order anchors the ordered passes.
    pub fn anchor_threshold(&self) -> f32 {
        0.85
    }

    /// Whether a leftover pair whose skeleton is unique on both sides may be paired as a move.
    /// Across languages the skeleton is the main evidence there is. Between two English
    /// revisions a block that moved keeps its text (moved identical blocks are paired first);
    /// one that moved and was rewritten as well is taken as removed and added: its links alone
    /// (often repeated in other sections) are no evidence that it is the same block.
    pub fn moves_by_skeleton(&self) -> bool {
        self.mode == Mode::CrossLanguage
    }

    /// A key under which a segment that moved can be recognised (footnote label, skeleton).
    pub fn move_key_a(&self, i: usize) -> Option<u64> {
        move_key(&self.a[i], self.ta.get(i).0)
    }

    pub fn move_key_b(&self, j: usize) -> Option<u64> {
        move_key(&self.b[j], self.tb.get(j).0)
    }

    pub fn b_has_letters(&self, j: usize) -> bool {
        self.b[j].has_letters()
    }

    /// Two footnote definitions with the same label: a label names one note per page.
    pub fn is_footnote_pair(&self, i: usize, j: usize) -> bool {
        let footnote =
            |s: &Segment| s.kind == Kind::Footnote && s.skeleton().first().is_some_and(|t| t.starts_with("fn:"));
        footnote(&self.a[i]) && footnote(&self.b[j]) && self.a[i].skeleton().first() == self.b[j].skeleton().first()
    }

    /// [`Scorer::score`] when it may exceed `threshold`; 0 when the kinds of the two blocks
    /// alone keep it at or below (a cheap bound that spares most cells of a gap).
    pub fn score_above(&self, i: usize, j: usize, threshold: f32) -> f32 {
        if self.mode == Mode::CrossLanguage
            && kind_factor(self.a[i].kind, self.b[j].kind) <= threshold
            && !self.fb(j).english
        {
            return 0.0;
        }
        self.score(i, j)
    }

    /// How alike `a[i]` and `b[j]` are, from 0 to 1. The two segments' features are kept for
    /// their next comparison.
    pub fn score(&self, i: usize, j: usize) -> f32 {
        self.score_with(i, j, self.fa(i), self.fb(j))
    }

    /// [`Scorer::score`] for a pair whose segments are compared once (the unique matches of a
    /// large page): their features are found and dropped, not kept.
    pub fn score_once(&self, i: usize, j: usize) -> f32 {
        let (ta, tb) = (Text::new(&self.a[i], self.mode), Text::new(&self.b[j], self.mode));
        let fa = self.features(&ta, self.ta.get(i), None);
        let fb = self.features(&tb, self.tb.get(j), (self.mode == Mode::CrossLanguage).then(|| self.b[j].prose()));
        self.score_with(i, j, &fa, &fb)
    }

    fn score_with(&self, i: usize, j: usize, fa: &Features<'_>, fb: &Features<'_>) -> f32 {
        let (sa, sb) = (&self.a[i], &self.b[j]);
        if sa.kind == Kind::FrontMatter || sb.kind == Kind::FrontMatter {
            // Front-matter fields pair by key, whatever their values say.
            return if sa.kind == sb.kind && sa.skeleton().first() == sb.skeleton().first() { 1.0 } else { 0.0 };
        }
        let container = if fa.text.container == fb.text.container { 1.0 } else { 0.0 };
        // A translated block that is still English (untranslated) is judged as two English
        // revisions are.
        let untranslated = self.mode == Mode::CrossLanguage && fb.english && !fa.text.words().is_empty();
        if self.mode == Mode::Monolingual || untranslated {
            // The normalised text keeps the block's markers (`- `, `## `, `:   `), so the
            // character ratio already weighs a change of kind: a list item turned into a
            // definition with the same words is the same block.
            let text = self.text_ratio(i, j);
            if untranslated && text < REWRITTEN {
                // So that a block rewritten beyond recognition is not taken for its successor,
                // which the translation, made before, cannot have. A revised block, with more
                // kept, is the same block.
                return text / 2.0;
            }
            let skeleton = self.weighted_jaccard(&fa.skeleton, &fb.skeleton).unwrap_or(text);
            // A table row is named by its first cell: a row rewritten cell by cell (a column
            // added, every value updated) under the same name is the same row.
            let same_row = sa.kind == Kind::TableRow && sb.kind == Kind::TableRow && same_row_key(sa.norm(), sb.norm());
            let text = if same_row { text.max(SAME_ROW) } else { text };
            return 0.8 * text + 0.1 * skeleton + 0.1 * container + self.same_shape(sa, sb, text);
        }
        let shared = dice(fa.text.words(), &fb.known, fb.text.words().len());
        let mut sum = 0.15 * container + 0.25 * self.length(fa.text.chars as usize, fb.text.chars as usize);
        let mut weight = 0.4;
        if let Some(sk) = self.skeleton_likeness(&fa.skeleton, &fb.skeleton) {
            sum += 0.5 * sk;
            weight += 0.5;
        }
        // Names count when both sides have some: a translation may transliterate them.
        if !fa.names.tokens.is_empty() && !fb.names.tokens.is_empty() {
            sum += 0.2 * self.weighted_jaccard(&fa.names, &fb.names).unwrap_or(0.0);
            weight += 0.2;
        }
        if fb.latin && fa.text.cognates().len() >= MIN_COGNATES {
            let (a, b) = (fa.text.cognates(), fb.text.cognates());
            let dice = dice(a, b, b.len());
            sum += COGNATES * (COGNATE_SCALE * dice).min(1.0);
            weight += COGNATES;
        }
        kind_factor(sa.kind, sb.kind) * (sum / weight).max(shared)
    }

    /// What two English revisions of a block gain from spanning as many lines as each other
    /// when they keep at least half their characters (`text`): a block revised in place keeps
    /// its lines, so it pairs with less of its text kept than blocks in general need, while one
    /// that gained or lost lines may hold new ones (a one-line paragraph that took in twenty
    /// lines of MathML is, line by line, one changed line and twenty added). Below half, two
    /// short sentences share that much by chance. Across languages a translation keeps the
    /// English line breaks or not, and this tells nothing.
    fn same_shape(&self, a: &Segment, b: &Segment, text: f32) -> f32 {
        let lines = |s: &Segment| s.lines[1] - s.lines[0];
        if self.mode == Mode::Monolingual && text >= 0.5 && lines(a) == lines(b) {
            SAME_SHAPE
        } else {
            0.0
        }
    }

    /// How much of two same-language segments is common, in order (0..1).
    fn text_ratio(&self, i: usize, j: usize) -> f32 {
        text_likeness(self.a[i].norm(), self.b[j].norm())
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

/// One value per segment, each found the first time it is asked for and kept. The slots come
/// in chunks made on first use: a page of a million segments, most of them paired by anchors
/// and never scored, costs a pointer per chunk rather than a slot per segment.
#[derive(Debug, Clone, Default, PartialEq)]
struct Slots<T> {
    chunks: Box<[OnceLock<Chunk<T>>]>,
}

/// [`Slots::CHUNK`] slots.
type Chunk<T> = Box<[OnceLock<T>]>;

impl<T> Slots<T> {
    const CHUNK: usize = 256;

    fn new(n: usize) -> Self {
        Slots { chunks: (0..n.div_ceil(Self::CHUNK)).map(|_| OnceLock::new()).collect() }
    }

    fn get_or_init(&self, i: usize, init: impl FnOnce() -> T) -> &T {
        let chunk = self.chunks[i / Self::CHUNK].get_or_init(|| (0..Self::CHUNK).map(|_| OnceLock::new()).collect());
        chunk[i % Self::CHUNK].get_or_init(init)
    }
}

/// A key under which a segment that moved can be recognised: its footnote label, or its kind
/// and skeleton (`skeleton`: its tokens' hashes, sorted).
fn move_key(s: &Segment, skeleton: &[u64]) -> Option<u64> {
    let footnote = s.skeleton().first().filter(|t| s.kind == Kind::Footnote && t.starts_with("fn:"));
    footnote.map(hash).or_else(|| (!skeleton.is_empty()).then(|| hash(&(s.kind, skeleton))))
}

/// Characters of scripts without case (Hebrew, Arabic, CJK, kana, Hangul): their lowercase is
/// themselves, known without the case tables.
fn caseless(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{06FF}' | '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
}

/// The words of a page (lowercased and hashed).
pub fn vocabulary(page: &[Segment]) -> HashSet<u64> {
    let mut words = HashSet::with_capacity_and_hasher(page.len(), Default::default());
    words.extend(page.iter().flat_map(|s| word_hashes(s.prose())).map(|w| w.0));
    words
}

/// The share of the words of `text` found in `vocabulary` (`None` without words).
pub fn known_share(text: &str, vocabulary: &HashSet<u64>) -> Option<f32> {
    let words = ordered_words(text);
    let known = words.iter().filter(|w| vocabulary.contains(&w.0)).count();
    (!words.is_empty()).then(|| known as f32 / words.len() as f32)
}

/// The words of `text`, lowercased and hashed, in order, with their lengths.
fn ordered_words(text: &str) -> Vec<(u64, u32)> {
    word_hashes(text).collect()
}

/// The words of `text` (runs of [`is_word_char`]), lowercased and hashed (63 bits), with their
/// lengths.
fn word_hashes(text: &str) -> impl Iterator<Item = (u64, u32)> + '_ {
    hashed_words::<false>(text).map(|(h, n, _)| (h, n))
}

/// [`word_hashes`], and with `WITH_COGNATES` the first four letters of each word that begins
/// with four Latin letters, as [`cognate`] takes them.
fn hashed_words<const WITH_COGNATES: bool>(text: &str) -> impl Iterator<Item = (u64, u32, Option<[u8; 4]>)> + '_ {
    // One pass over the characters: a word ends at the first character that is not a word's.
    let mut chars = text.chars();
    std::iter::from_fn(move || {
        let mut c = chars.by_ref().find(|c| is_word_char(*c))?;
        let mut h = FxHasher::default();
        let mut n = 1;
        // The Latin letters the word begins with, while they are Latin letters (see [`cognate`]).
        let mut prefix = [0u8; 4];
        let (mut letters, mut latin) = (0, true);
        loop {
            if c.is_ascii() {
                h.write_u32(c.to_ascii_lowercase() as u32);
            } else if caseless(c) {
                h.write_u32(c as u32);
            } else {
                c.to_lowercase().for_each(|l| h.write_u32(l as u32));
            }
            if WITH_COGNATES && latin && letters < prefix.len() {
                match latin_letter(c) {
                    Some(l) => {
                        prefix[letters] = l;
                        letters += 1;
                    }
                    None => latin = false,
                }
            }
            n += 1;
            match chars.next() {
                Some(next) if is_word_char(next) => c = next,
                _ => {
                    let prefix = (WITH_COGNATES && letters == prefix.len()).then_some(prefix);
                    return Some((h.finish() & !COGNATE, n, prefix));
                }
            }
        }
    })
}

/// The words of `text` (runs of [`is_word_char`]) that look like Latin-script names: two or more
/// ASCII letters and digits, the first a capital. Found by scanning bytes for runs of ASCII
/// letters and digits and decoding only the characters around them.
fn latin_names(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // A word of its own: no other word character (a non-ASCII letter) on either side.
            let alone = || {
                !text[..start].chars().next_back().is_some_and(is_word_char)
                    && !text[i..].chars().next().is_some_and(is_word_char)
            };
            if i - start > 1 && bytes[start].is_ascii_uppercase() && alone() {
                return Some(&text[start..i]);
            }
        }
        None
    })
}

/// Weight of the cognates of two Latin-script texts in their likeness across languages.
const COGNATES: f32 = 0.2;
/// Cognates count when each side has at least this many candidates: fewer say too little.
const MIN_COGNATES: usize = 3;
/// A translated block shares about a third of its cognates with its English block (in Dice terms)
/// and about an eighth with the likeliest wrong one (median over the French and German triples):
/// three times the Dice, at most 1, makes a third full evidence.
const COGNATE_SCALE: f32 = 3.0;

/// The key of a word that begins with four Latin letters (`prefix`, see [`hashed_words`]). Words
/// with the same key are cognates in the sense of Simard, Foster and Isabelle (1992, "Using
/// cognates to align sentences in bilingual corpora"): they begin with the same four letters, here
/// once case and diacritics are set aside ("sécurité" and "security", "Modellierung" and
/// "modeling").
fn cognate(prefix: [u8; 4]) -> u64 {
    hash(&("cognate", prefix)) | COGNATE
}

/// The top bit, set in cognate keys and in no word's hash (see [`word_hashes`]).
const COGNATE: u64 = 1 << 63;

/// The lowercase ASCII letter a Latin letter is written with (`é` → `e`), if `c` is one.
fn latin_letter(c: char) -> Option<u8> {
    let base = if c.is_ascii() {
        c
    } else if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') {
        let mut base = None;
        unicode_normalization::char::decompose_canonical(c, |d| {
            base.get_or_insert(d);
        });
        base?
    } else {
        return None;
    };
    base.is_ascii_alphabetic().then(|| base.to_ascii_lowercase() as u8)
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

/// Small dense numbers for the distinct characters of a text: ASCII by table, the rest by map.
struct CharIds {
    ascii: [u32; 128],
    other: HashMap<char, u32>,
    count: u32,
}

impl CharIds {
    fn new() -> Self {
        CharIds { ascii: [0; 128], other: HashMap::default(), count: 0 }
    }

    /// The number of `c`, given on first sight (from 1).
    fn insert(&mut self, c: char) -> u32 {
        let slot = match c {
            '\0'..='\x7f' => &mut self.ascii[c as usize],
            _ => self.other.entry(c).or_default(),
        };
        if *slot == 0 {
            self.count += 1;
            *slot = self.count;
        }
        *slot
    }

    /// The number of `c`, 0 when it was never inserted.
    fn get(&self, c: char) -> u32 {
        match c {
            '\0'..='\x7f' => self.ascii[c as usize],
            _ => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// What two English revisions of a block add to their score when they span as many lines as
/// each other and keep half their characters (see [`Scorer::same_shape`]).
const SAME_SHAPE: f32 = 0.1;

/// The text likeness two rows with the same name count as having at least: enough to pair them
/// in a gap between two English revisions.
const SAME_ROW: f32 = 0.75;

/// The first cell of a table row, its name, when it has one (not the delimiter row's).
fn first_cell(norm: &str) -> Option<&str> {
    let cell = norm.strip_prefix('|')?.split('|').next()?.trim();
    cell.chars().any(char::is_alphanumeric).then_some(cell)
}

/// The target of the first link in `text`.
fn link_target(text: &str) -> Option<&str> {
    let start = text.find("](")? + 2;
    let end = start + text[start..].find(')')?;
    Some(&text[start..end])
}

/// Two rows of a table that name the same thing: the same first cell, or first cells that link
/// to the same place.
fn same_row_key(a: &str, b: &str) -> bool {
    match (first_cell(a), first_cell(b)) {
        (Some(x), Some(y)) => x == y || link_target(x).is_some_and(|t| link_target(y) == Some(t)),
        _ => false,
    }
}

/// Below this share of characters in common ([`text_likeness`]), an English block was
/// rewritten beyond recognition rather than revised: what a translation made before holds is
/// not a version of what the English says now. (In the evaluation corpus, 10 of the 1,109 lines
/// the English edited in place keep less than 0.45 of their characters, none less than 0.42.)
pub const REWRITTEN: f32 = 0.45;

/// How much of two texts in the same language is common, in order (0..1), judged on their
/// analysed parts.
pub fn text_likeness(a: &str, b: &str) -> f32 {
    let (a, b) = (analysed(a), analysed(b));
    // Characters decide (a changed URL, a reworded phrase, a word's ending), unless a cheap
    // upper bound already rules the pair out or the texts are too long for it to be cheap.
    if quick_ratio(a, b) < 0.3 {
        return 0.0;
    }
    if a.len().saturating_mul(b.len()) <= 1 << 24 {
        return char_ratio(a, b);
    }
    ordered_overlap(&ordered_words(a), &ordered_words(b))
}

/// Share of the characters of both texts in their longest common subsequence, computed
/// bit-parallel (Hyyrö's LCS bit-vector algorithm: O(|a|/64 · |b|)).
fn char_ratio(a: &str, b: &str) -> f32 {
    let len_a = a.chars().count();
    let words = len_a.div_ceil(64);
    if words == 0 {
        return if b.is_empty() { 1.0 } else { 0.0 };
    }
    // Row `id` of `masks` marks where character `id` occurs in `a`; row 0 (no such character)
    // stays empty.
    let mut ids = CharIds::new();
    let mut masks = vec![0u64; words];
    for (i, c) in a.chars().enumerate() {
        let id = ids.insert(c) as usize;
        if masks.len() < (id + 1) * words {
            masks.resize((id + 1) * words, 0);
        }
        masks[id * words + i / 64] |= 1 << (i % 64);
    }
    let mut v = vec![u64::MAX; words];
    let mut lb = 0;
    for c in b.chars() {
        lb += 1;
        let id = ids.get(c) as usize;
        let m = &masks[id * words..(id + 1) * words];
        let mut carry = false;
        for k in 0..words {
            let u = v[k] & m[k];
            let (sum, c1) = v[k].overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            v[k] = sum | (v[k] & !m[k]);
        }
    }
    let tail = len_a % 64;
    if tail != 0 {
        v[words - 1] |= u64::MAX << tail;
    }
    let lcs: usize = v.iter().map(|w| w.count_zeros() as usize).sum();
    2.0 * lcs as f32 / (len_a + lb) as f32
}

/// An upper bound of [`char_ratio`] from character counts alone.
fn quick_ratio(a: &str, b: &str) -> f32 {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la + lb == 0 || 2 * la.min(lb) < (la + lb) / 2 {
        return 2.0 * la.min(lb) as f32 / (la + lb).max(1) as f32;
    }
    let mut ids = CharIds::new();
    let mut counts = vec![0i32];
    for c in a.chars() {
        let id = ids.insert(c) as usize;
        if id == counts.len() {
            counts.push(0);
        }
        counts[id] += 1;
    }
    let mut common = 0;
    for c in b.chars() {
        let id = ids.get(c) as usize;
        if id != 0 && counts[id] > 0 {
            counts[id] -= 1;
            common += 1;
        }
    }
    2.0 * common as f32 / (la + lb) as f32
}

/// Dice coefficient of two sorted multisets `a` and `b`, given `b` as the sorted part of it
/// that can occur in `a` and its full length.
fn dice(a: &[u64], b: &[u64], b_len: usize) -> f32 {
    if a.is_empty() || b_len == 0 {
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
    2.0 * common as f32 / (a.len() + b_len) as f32
}

/// The top bits of a skeleton token's hash: `10` for a number, `11` for a small one (up to ten,
/// which languages spell out or write in digits as they please), `0…` for markup. A segment's
/// sorted tokens hold its markup first and its small numbers last.
const NUMBER: u64 = 1 << 63;
const SMALL_NUMBER: u64 = 3 << 62;

/// A skeleton token's hash, its top bits telling numbers and small numbers from markup.
fn skeleton_hash(token: &str) -> u64 {
    let h = hash(token) & !SMALL_NUMBER;
    match token.strip_prefix("num:") {
        Some(n) if n.len() == 1 || n == "10" => h | SMALL_NUMBER,
        Some(_) => h | NUMBER,
        None => h,
    }
}

fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = FxHasher::default();
    t.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use std::hash::Hasher;

    use rustc_hash::FxHasher;

    use super::{
        caseless, char_ratio, cognate, hashed_words, latin_letter, latin_names, quick_ratio, skeleton_hash,
        word_hashes, NUMBER, SMALL_NUMBER,
    };
    use crate::script::is_word_char;

    #[test]
    fn small_numbers_sort_after_other_numbers_and_markup() {
        let class = |t: &str| skeleton_hash(t) & SMALL_NUMBER;
        for small in ["num:0", "num:2", "num:10"] {
            assert_eq!(class(small), SMALL_NUMBER, "{small}");
        }
        for number in ["num:11", "num:200", "num:2,000", "num:2.5", "num:1000", "num:05", "num:007"] {
            assert_eq!(class(number), NUMBER, "{number}");
        }
        for markup in ["link:https://example.org/2", "code:10", "attr:.md-button", "icon:material-check"] {
            assert_eq!(class(markup) & NUMBER, 0, "{markup}");
        }
        let mut sorted: Vec<u64> = ["num:2", "link:a.md", "num:200", "attr:.x"].map(skeleton_hash).to_vec();
        sorted.sort_unstable();
        let classes: Vec<u64> = sorted.iter().map(|h| h & SMALL_NUMBER).collect();
        assert_eq!(&classes[2..], [NUMBER, SMALL_NUMBER]);
        assert!(classes[..2].iter().all(|c| c & NUMBER == 0));
    }

    fn cognates(text: &str) -> impl Iterator<Item = u64> + '_ {
        hashed_words::<true>(text).filter_map(|w| w.2.map(cognate))
    }

    #[test]
    fn cognates_are_words_that_begin_with_the_same_four_letters_whatever_their_accents() {
        let of = |text: &str| cognates(text).collect::<Vec<u64>>();
        assert_eq!(of("Sécurité"), of("security"));
        assert_eq!(of("Modellierung"), of("modeling"));
        assert_eq!(of("ÜBER"), of("uber"));
        assert_ne!(of("fonctionnalité"), of("functionality"));
        // Shorter words, words that begin with a digit or in another script have none.
        assert!(of("vie, les 2FA x000001 שלום 安全 تشفير").is_empty());
        assert_eq!(of("protège la confidentialité").len(), 2);
    }

    #[test]
    fn caseless_characters_are_their_own_lowercase() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| caseless(*c)) {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
    }

    /// The longest common subsequence by the textbook table.
    fn lcs(a: &[char], b: &[char]) -> usize {
        let mut row = vec![0; b.len() + 1];
        for x in a {
            let mut diagonal = 0;
            for (j, y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
                diagonal = up;
            }
        }
        row[b.len()]
    }

    proptest! {
        #[test]
        fn words_are_those_between_non_word_characters(text in "[aZ7_ .é\u{5d0}\u{4e2d}\u{660}\u{130}-]{0,40}") {
            let expected: Vec<(u64, u32)> = text
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut h = FxHasher::default();
                    for c in w.chars() {
                        c.to_lowercase().for_each(|l| h.write_u32(l as u32));
                    }
                    (h.finish() & !super::COGNATE, w.chars().count() as u32 + 1)
                })
                .collect();
            prop_assert_eq!(&word_hashes(&text).collect::<Vec<_>>(), &expected);
            let with_cognates = hashed_words::<true>(&text).map(|(h, n, _)| (h, n));
            prop_assert_eq!(with_cognates.collect::<Vec<_>>(), expected);
        }

        #[test]
        fn cognates_are_those_of_the_words_between_non_word_characters(text in "[aZ7_ .éß\u{5d0}\u{4e2d}\u{660}\u{1e9e}-]{0,40}") {
            let by_words: Vec<u64> = text
                .split(|c: char| !is_word_char(c))
                .filter_map(|word| {
                    let mut chars = word.chars();
                    let prefix: Option<Vec<u8>> = (0..4).map(|_| latin_letter(chars.next()?)).collect();
                    Some(cognate(<[u8; 4]>::try_from(prefix?).ok()?))
                })
                .collect();
            prop_assert_eq!(cognates(&text).collect::<Vec<u64>>(), by_words);
        }

        #[test]
        fn latin_names_are_the_capitalised_ascii_words(text in "[aZ7_ .é\u{5d0}\u{4e2d}\u{660}-]{0,40}") {
            let expected: Vec<&str> = text
                .split(|c: char| !is_word_char(c))
                .filter(|w| w.len() > 1 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().all(|c| c.is_ascii_alphanumeric()))
                .collect();
            prop_assert_eq!(latin_names(&text).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn char_ratio_agrees_with_the_table_and_quick_ratio_bounds_it(
            a in "[abc\u{5d0}\u{5d1}\u{4e2d} ]{0,150}",
            b in "[abc\u{5d0}\u{5d1}\u{4e2d} ]{0,150}",
        ) {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            if !ca.is_empty() {
                let expected = 2.0 * lcs(&ca, &cb) as f32 / (ca.len() + cb.len()) as f32;
                prop_assert!((char_ratio(&a, &b) - expected).abs() < 1e-6);
            }
            if !(a.is_empty() && b.is_empty()) {
                prop_assert!(quick_ratio(&a, &b) >= char_ratio(&a, &b) - 1e-6);
            }
        }
    }

    #[test]
    fn a_pair_scored_once_scores_as_when_its_features_are_kept() {
        use super::{Mode, Scorer};
        let en = crate::parse::parse(
            "# Signal\n\nSignal is a [messenger](https://signal.org) with 2 modes.\n\n- Keep `keys` safe.\n- \
             Use Tor 3 times.\n\nWe recommend Signal for most people who want private chats.\n",
        );
        let he = crate::parse::parse(
            "# Signal\n\nSignal הוא [מסנג'ר](https://signal.org) עם 2 מצבים.\n\n- Keep `keys` safe.\n\n\
             We recommend Signal for most people who want private chats.\n",
        );
        for (a, b, mode) in [(&en, &he, Mode::CrossLanguage), (&en, &en, Mode::Monolingual)] {
            let scorer = Scorer::new(a, b, mode);
            for i in 0..a.segments.len() {
                for j in 0..b.segments.len() {
                    assert_eq!(scorer.score_once(i, j).to_bits(), scorer.score(i, j).to_bits(), "{mode:?} {i} {j}");
                }
            }
        }
    }

    #[test]
    fn char_ratio_is_the_lcs_ratio() {
        assert_eq!(char_ratio("abcd", "abcd"), 1.0);
        assert_eq!(char_ratio("abcd", "wxyz"), 0.0);
        // LCS("ABCBDAB", "BDCABA") = 4
        assert!((char_ratio("ABCBDAB", "BDCABA") - 8.0 / 13.0).abs() < 1e-6);
        let long_a: String = "ab".repeat(100);
        let long_b: String = "ba".repeat(100);
        // LCS of (ab)^100 and (ba)^100 is 199.
        assert!((char_ratio(&long_a, &long_b) - 398.0 / 400.0).abs() < 1e-6);
        assert_eq!(char_ratio("", ""), 1.0);
    }
}
