//! Pairs the segments of two pages: blocks that moved first (across languages), exact
//! anchors next, dynamic programming in the gaps between them, and a last pass for moved
//! blocks of identical text.
//!
//! The same machinery serves both directions of SPEC §2: [`Mode::Monolingual`] aligns two
//! revisions of the English page (base → source), [`Mode::CrossLanguage`] aligns a
//! translation with an English page on language-neutral evidence.

mod dp;
mod moves;
mod partition;
mod score;

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHasher};

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::par::{self, LARGE_PAGE};
use crate::parse::{Page, Segment};
pub use score::{known_share, text_likeness, vocabulary, Derived, Mode, Scorer, REWRITTEN};

/// One pair of the alignment: indices into the two segment lists; `None` on one side means
/// the segment has no counterpart. Kept in 32 bits each: a page of a million blocks has a
/// million links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    a: Option<u32>,
    b: Option<u32>,
}

impl Link {
    pub fn new(a: Option<usize>, b: Option<usize>) -> Self {
        Link { a: a.map(narrow), b: b.map(narrow) }
    }

    /// The `a` index and the `b` index.
    pub fn get(self) -> (Option<usize>, Option<usize>) {
        (self.a.map(|i| i as usize), self.b.map(|j| j as usize))
    }
}

/// Aligns `a` (the English side) with `b`. Every index of either side appears in exactly one
/// link; links are in `b` order, with unpaired `a` segments placed where they belong.
pub fn align(pa: &Page, pb: &Page, mode: Mode) -> Vec<Link> {
    let (a, b) = (pa.segments.as_slice(), pb.segments.as_slice());
    let mut pairs: Vec<Option<u32>> = vec![None; b.len()]; // b index -> a index
    let scorer = Scorer::new(pa, pb, mode);
    let large = a.len().max(b.len()) >= LARGE_PAGE;
    let keys = |segs: &[Segment]| -> Vec<u64> { par::map(segs.len(), |i| key(&segs[i].norm())) };
    // A few blocks of megabytes are hashed side by side too.
    let long = || a.iter().chain(b).map(|s| s.norm().len()).sum::<usize>() >= par::LARGE_TEXT;
    let (ka, kb) = par::join(large || long(), || keys(a), || keys(b));
    let mut in_order = Vec::new();
    let mut taken_along = Vec::new();
    let (mut ga, mut gb) = match mode {
        Mode::Monolingual => (ka.clone(), kb.clone()),
        Mode::CrossLanguage => {
            // Blocks recognisable anywhere that sit out of order (footnote definitions
            // gathered at the end by a platform, a section moved) are paired first and kept
            // out of the ordered passes, so that they cannot block the blocks around them.
            let matches = moves::unique_matches(&scorer, a.len(), b.len());
            for &(i, j) in &matches.moved {
                pairs[j] = Some(narrow(i));
            }
            // Equal blocks beside a move (untranslated lines) moved with it: left to the
            // ordered passes, they would anchor them at the place the block left.
            taken_along = moves::extend_moves(&scorer, &matches.moved, &mut pairs, a.len(), |i, j| ka[i] == kb[j]);
            in_order = matches.in_order;
            par::join(large, || anchor_keys(a, &ka, &kb, 0), || anchor_keys(b, &kb, &ka, 1))
        }
    };
    ordered_passes(&scorer, (&mut ga, &mut gb), in_order, &mut pairs);
    drop((ga, gb));
    pair_moved(&scorer, &ka, &kb, &mut pairs);
    drop((ka, kb));
    // Further out from what the moves took along, what the ordered passes left and looks like
    // its counterpart there joins them (a sentence of the moved section the English changed).
    moves::extend_moves(&scorer, &taken_along, &mut pairs, a.len(), |i, j| {
        scorer.score(i, j) >= scorer.move_threshold()
    });
    order(a.len(), &pairs)
}

/// The ordered passes over the segments not paired as moves (`pairs[j]` is `None`, and no
/// pair holds `i`): exact anchors on the keys `ga`/`gb`, strong skeleton matches in order as
/// anchors where a gap is too large, then dynamic programming in the gaps. Their working lists
/// are dropped before the last passes.
fn ordered_passes(
    scorer: &Scorer<'_>,
    (ga, gb): (&mut [u64], &mut [u64]),
    in_order: Vec<(u32, u32)>,
    pairs: &mut [Option<u32>],
) {
    let paired_a = paired_a(pairs, ga.len());
    // Indices in 32 bits, as line numbers are: a page of a million blocks has them all here.
    let rest_a: Vec<u32> = (0..ga.len()).filter(|i| !paired_a[*i]).map(narrow).collect();
    drop(paired_a);
    let rest_b: Vec<u32> = (0..gb.len()).filter(|j| pairs[*j].is_none()).map(narrow).collect();
    let mut sub_pairs: Vec<Option<u32>> = vec![None; rest_b.len()];
    let ordered = |ga: &[u64], gb: &[u64], sub_pairs: &mut [Option<u32>]| {
        anchors(&diff_blocks(&pick(ga, &rest_a), &pick(gb, &rest_b)), rest_a.len(), rest_b.len(), sub_pairs)
    };
    let mut gaps = ordered(ga, gb, &mut sub_pairs);
    if gaps.iter().any(|g| (g.a1 - g.a0).saturating_mul(g.b1 - g.b0) > dp::ANCHORED_CELLS) {
        // Across languages little text is equal, and a translated page can be one large gap.
        // There, unique skeleton matches that keep their order and are nearly certain anchor
        // it as equal text does (with many of them, their order is well established).
        let strong = par::map(in_order.len(), |k| {
            let (i, j) = in_order[k];
            scorer.score_once(i as usize, j as usize) >= scorer.anchor_threshold()
        });
        for (&(i, j), _) in in_order.iter().zip(strong).filter(|(_, strong)| *strong) {
            let (i, j) = (i as usize, j as usize);
            ga[i] = key(&("skeleton anchor", i));
            gb[j] = ga[i];
        }
        sub_pairs.fill(None);
        gaps = ordered(ga, gb, &mut sub_pairs);
    }
    for gap in gaps {
        let score = |x: usize, y: usize, floor: f32| scorer.score_above(rest_a[x] as usize, rest_b[y] as usize, floor);
        for (x, y) in dp::align_gap(score, scorer.threshold(), scorer.lone_threshold(), gap) {
            sub_pairs[y] = Some(narrow(x));
        }
    }
    for (y, x) in sub_pairs.iter().enumerate() {
        if let Some(x) = x {
            pairs[rest_b[y] as usize] = Some(rest_a[*x as usize]);
        }
    }
}

/// The keys at `indices` (increasing): all of them, without a copy, when nothing was paired
/// before the ordered passes.
fn pick<'k>(keys: &'k [u64], indices: &[u32]) -> Cow<'k, [u64]> {
    if indices.len() == keys.len() {
        Cow::Borrowed(keys)
    } else {
        indices.iter().map(|i| keys[*i as usize]).collect()
    }
}

/// Which of `a_len` `a` segments `pairs` (`b` index → `a` index) already pairs.
fn paired_a(pairs: &[Option<u32>], a_len: usize) -> Vec<bool> {
    let mut paired = vec![false; a_len];
    for i in pairs.iter().flatten() {
        paired[*i as usize] = true;
    }
    paired
}

/// A segment index in 32 bits: a page has fewer segments than lines, and its line numbers are
/// 32 bits.
fn narrow(i: usize) -> u32 {
    u32::try_from(i).expect("fewer segments than lines")
}

/// Keys for the exact-match pass across languages. A segment with no words that recurs
/// (`</div>`, `---`) says nothing about where it is: it gets a key of its own, so that the
/// gap around it decides its pairing instead of an arbitrary equal line elsewhere. (Between
/// two English revisions the surrounding lines are exact anchors already.)
fn anchor_keys(segs: &[Segment], mine: &[u64], theirs: &[u64], side: u64) -> Vec<u64> {
    let wordless: Vec<bool> = segs.iter().map(|s| !s.has_letters()).collect();
    // Only the keys of wordless segments are counted (most pages have few such segments).
    let mut count: HashMap<u64, u32> = mine.iter().zip(&wordless).filter(|(_, w)| **w).map(|(k, _)| (*k, 0)).collect();
    if count.is_empty() {
        return mine.to_vec();
    }
    for k in mine.iter().chain(theirs) {
        if let Some(n) = count.get_mut(k) {
            *n += 1;
        }
    }
    mine.iter()
        .zip(&wordless)
        .enumerate()
        .map(|(i, (k, wordless))| if *wordless && count[k] > 2 { key(&(side, i)) } else { *k })
        .collect()
}

fn key<T: Hash + ?Sized>(s: &T) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// A region between anchors: `a[a0..a1]` against `b[b0..b1]`.
#[derive(Debug, Clone, Copy)]
pub struct Gap {
    pub a0: usize,
    pub a1: usize,
    pub b0: usize,
    pub b1: usize,
}

/// Runs of equal keys as `(a start, b start, length)`, in order: a histogram diff, which
/// anchors on the rarest equal keys first.
fn diff_blocks(ka: &[u64], kb: &[u64]) -> Vec<(usize, usize, usize)> {
    if ka.len().min(kb.len()) >= LARGE_PAGE {
        // A large page translated throughout shares no key with its source: one look-up per
        // key says so, where the diff would index both sides first.
        if !partition::share_a_key(ka, kb) {
            return Vec::new();
        }
    }
    histogram_runs(ka, kb)
}

/// Runs of equal keys as the histogram diff finds them.
fn histogram_runs(ka: &[u64], kb: &[u64]) -> Vec<(usize, usize, usize)> {
    capture_diff_slices(Algorithm::Histogram, ka, kb)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal { old_index, new_index, len } => Some((old_index, new_index, len)),
            _ => None,
        })
        .collect()
}

/// Pairs the segments of the equal runs and returns the gaps left between them.
fn anchors(equal: &[(usize, usize, usize)], a_len: usize, b_len: usize, pairs: &mut [Option<u32>]) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let (mut a0, mut b0) = (0, 0);
    for &(i, j, k) in equal.iter().chain(std::iter::once(&(a_len, b_len, 0))) {
        if i > a0 || j > b0 {
            gaps.push(Gap { a0, a1: i, b0, b1: j });
        }
        for n in 0..k {
            pairs[j + n] = Some(narrow(i + n));
        }
        (a0, b0) = (i + k, j + k);
    }
    gaps
}

/// Pairs segments left alone by the ordered passes that clearly belong together elsewhere in
/// the page: the same normalised text, or (across languages) the same distinctive skeleton (one
/// candidate on each side, and a strong score).
fn pair_moved(scorer: &Scorer<'_>, ka: &[u64], kb: &[u64], pairs: &mut [Option<u32>]) {
    let mut used = paired_a(pairs, ka.len());
    let mut free_a: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, k) in ka.iter().enumerate().filter(|(i, _)| !used[*i]) {
        free_a.entry(*k).or_default().push(i);
    }
    for (j, k) in kb.iter().enumerate() {
        // A wordless line (`</div>`) elsewhere in the page is no evidence of a move.
        if pairs[j].is_some() || !scorer.b_has_letters(j) {
            continue;
        }
        if let Some(list) = free_a.get_mut(k) {
            if !list.is_empty() {
                let i = list.remove(0);
                used[i] = true;
                pairs[j] = Some(narrow(i));
            }
        }
    }
    if !scorer.moves_by_skeleton() {
        return;
    }
    let mut by_skeleton: HashMap<u64, Vec<usize>> = HashMap::default();
    for i in (0..ka.len()).filter(|i| !used[*i]) {
        if let Some(k) = scorer.move_key_a(i) {
            by_skeleton.entry(k).or_default().push(i);
        }
    }
    let mut wanted: HashMap<u64, Vec<usize>> = HashMap::default();
    for j in (0..kb.len()).filter(|j| pairs[*j].is_none()) {
        if let Some(k) = scorer.move_key_b(j) {
            wanted.entry(k).or_default().push(j);
        }
    }
    for (k, js) in wanted {
        let Some(is) = by_skeleton.get(&k) else { continue };
        if let ([i], [j]) = (is.as_slice(), js.as_slice()) {
            if scorer.score(*i, *j) >= scorer.move_threshold() {
                pairs[*j] = Some(narrow(*i));
            }
        }
    }
}

/// Lays the links out in `b` order, each unpaired `a` segment after the link of the `a`
/// segment before it (or first, when no `a` segment before it is paired), unpaired `a`
/// segments that go to the same place in `a` order. A counting sort: no comparison, and
/// nothing larger than a counter per link beside the output.
fn order(a_len: usize, pairs: &[Option<u32>]) -> Vec<Link> {
    // `UNPAIRED`, or the `b` index an `a` segment is paired with (a page has fewer segments
    // than `u32::MAX`: its line numbers are u32).
    const UNPAIRED: u32 = u32::MAX;
    let mut place: Vec<u32> = vec![UNPAIRED; a_len];
    for (j, i) in pairs.iter().enumerate() {
        if let Some(i) = i {
            place[*i as usize] = j as u32;
        }
    }
    // Then, in place: where each unpaired `a` goes (slot 0 before every link, slot `j + 1`
    // after link `j`), and `PAIRED` for the others.
    const PAIRED: u32 = UNPAIRED;
    let mut starts: Vec<u32> = vec![0; pairs.len() + 2];
    let mut after = 0;
    for p in &mut place {
        if *p == UNPAIRED {
            *p = after;
            starts[after as usize + 1] += 1;
        } else {
            after = *p + 1;
            *p = PAIRED;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut unpaired: Vec<u32> = vec![0; starts[pairs.len() + 1] as usize];
    for (i, slot) in place.iter().enumerate() {
        if *slot != PAIRED {
            let at = &mut starts[*slot as usize];
            unpaired[*at as usize] = i as u32;
            *at += 1;
        }
    }
    // `starts[k]` is now where slot `k + 1` begins.
    let mut out: Vec<Link> = Vec::with_capacity(pairs.len() + unpaired.len());
    let mut next = 0;
    for slot in 0..=pairs.len() {
        if slot > 0 {
            out.push(Link { a: pairs[slot - 1], b: Some(narrow(slot - 1)) });
        }
        out.extend(unpaired[next..starts[slot] as usize].iter().map(|&i| Link { a: Some(i), b: None }));
        next = starts[slot] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{diff_blocks, histogram_runs as plain, order, Link, LARGE_PAGE};

    /// [`order`] by its definition: a stable sort on (place, pair before unpaired, `a` index).
    fn order_by_sorting(a_len: usize, pairs: &[Option<u32>]) -> Vec<Link> {
        let mut b_of_a = vec![None; a_len];
        for (j, i) in pairs.iter().enumerate() {
            if let Some(i) = i {
                b_of_a[*i as usize] = Some(j);
            }
        }
        let mut keyed: Vec<((i64, u8, usize), Link)> = pairs
            .iter()
            .enumerate()
            .map(|(j, i)| ((j as i64, 0, 0), Link::new(i.map(|i| i as usize), Some(j))))
            .collect();
        let mut after = -1;
        for (i, b) in b_of_a.iter().enumerate() {
            match b {
                Some(j) => after = *j as i64,
                None => keyed.push(((after, 1, i), Link::new(Some(i), None))),
            }
        }
        keyed.sort_by_key(|(k, _)| *k);
        keyed.into_iter().map(|(_, l)| l).collect()
    }

    proptest! {
        #[test]
        fn links_are_laid_out_as_sorting_them_would(
            a_len in 0usize..40,
            picks in proptest::collection::vec(proptest::option::of(0usize..40), 0..40),
        ) {
            // Each `a` index paired once at most.
            let mut seen = vec![false; a_len];
            let pairs: Vec<Option<u32>> = picks
                .into_iter()
                .map(|p| p.filter(|i| *i < a_len && !std::mem::replace(&mut seen[*i], true)).map(|i| i as u32))
                .collect();
            prop_assert_eq!(order(a_len, &pairs), order_by_sorting(a_len, &pairs));
        }
    }

    #[test]
    fn large_inputs_with_no_key_in_common_skip_the_diff_and_agree_with_it() {
        let n = LARGE_PAGE as u64 + 7;
        let ka: Vec<u64> = (0..n).collect();
        let kb: Vec<u64> = (n..2 * n).collect();
        assert!(diff_blocks(&ka, &kb).is_empty());
        assert_eq!(diff_blocks(&ka, &kb), plain(&ka, &kb));
        // Keys in common: the diff runs.
        let mut shared = kb.clone();
        shared[100..200].copy_from_slice(&ka[100..200]);
        assert_eq!(diff_blocks(&ka, &shared), vec![(100, 100, 100)]);
        assert_eq!(diff_blocks(&ka, &shared), plain(&ka, &shared));
    }
}
