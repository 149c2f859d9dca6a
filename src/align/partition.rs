//! Hash tables over the keys of both pages, kept small enough for the processor's caches. A
//! table of a million keys does not fit in them, and every look-up misses: on a page of a
//! million blocks that made the key passes grow faster than the page. Here the keys are first
//! laid out by their high bits (a counting sort, two sequential passes), and each part gets a
//! table of its own, of a few thousand keys, on every thread. The results are those of one
//! table over all the keys.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::par::LARGE_PAGE;

/// About this many keys per part.
const PART: usize = 2048;

/// Keys (with their indices, when they are needed), laid out by part: part `p` is
/// `entries[starts[p]..starts[p + 1]]`, in index order.
struct Parts<E> {
    entries: Vec<E>,
    starts: Vec<usize>,
}

impl<E: Copy + Default> Parts<E> {
    /// The keys `key(0..n)` that are `Some`, in `1 << bits` parts, each as `entry(key, index)`.
    fn new(n: usize, bits: u32, key: impl Fn(usize) -> Option<u64>, entry: impl Fn(u64, u32) -> E) -> Self {
        let mut starts = vec![0; (1 << bits) + 1];
        for k in (0..n).filter_map(&key) {
            starts[part(k, bits) + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let mut next = starts.clone();
        let mut entries = vec![E::default(); starts[starts.len() - 1]];
        for i in 0..n {
            if let Some(k) = key(i) {
                let at = &mut next[part(k, bits)];
                entries[*at] = entry(k, i as u32);
                *at += 1;
            }
        }
        Parts { entries, starts }
    }

    fn get(&self, p: usize) -> &[E] {
        &self.entries[self.starts[p]..self.starts[p + 1]]
    }
}

/// Keys are hashes whose high bits are well mixed (Fx hashing ends with a multiplication).
fn part(key: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (key >> (64 - bits)) as usize
    }
}

/// How many bits of a key choose its part, for `n` keys: none below [`LARGE_PAGE`] keys (one
/// table, which fits in the caches).
fn bits_for(n: usize) -> u32 {
    if n < LARGE_PAGE {
        0
    } else {
        (n / PART).next_power_of_two().trailing_zeros()
    }
}

/// `f` of every part, on every thread when there are several.
fn each_part<T: Send>(parts: usize, f: impl Fn(usize) -> T + Sync + Send) -> Vec<T> {
    if parts > 1 {
        (0..parts).into_par_iter().map(f).collect()
    } else {
        (0..parts).map(f).collect()
    }
}

/// A key and the index it is at, in 12 bytes rather than the 16 of `(u64, u32)`: a page of a
/// million blocks has a million of them on each side.
#[derive(Clone, Copy, Default)]
struct Keyed {
    key: [u32; 2],
    index: u32,
}

impl Keyed {
    fn new(key: u64, index: u32) -> Self {
        Keyed { key: [(key >> 32) as u32, key as u32], index }
    }

    fn key(&self) -> u64 {
        (u64::from(self.key[0]) << 32) | u64::from(self.key[1])
    }
}

/// For each index of `a` whose key occurs exactly once in `a` and exactly once in `b`: the
/// index in `b` with that key. The keys are dropped as soon as they are laid out.
pub fn unique_in_both(a: Vec<Option<u64>>, b: Vec<Option<u64>>) -> Vec<Option<u32>> {
    let (a_len, bits) = (a.len(), bits_for(a.len().max(b.len())));
    let pa = Parts::new(a_len, bits, |i| a[i], Keyed::new);
    drop(a);
    let pb = Parts::new(b.len(), bits, |j| b[j], Keyed::new);
    drop(b);
    let found = each_part(1 << bits, |p| {
        // Per key: how often it occurs on each side (up to 2: only "once" matters), and where.
        let mut seen: HashMap<u64, [(u8, u32); 2]> = HashMap::default();
        seen.reserve(pa.get(p).len());
        for (side, entries) in [pa.get(p), pb.get(p)].into_iter().enumerate() {
            for e in entries {
                let slot = &mut seen.entry(e.key()).or_default()[side];
                *slot = ((slot.0 + 1).min(2), e.index);
            }
        }
        pa.get(p)
            .iter()
            .filter_map(|e| match seen[&e.key()] {
                [(1, i), (1, j)] => Some((i, j)),
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    drop((pa, pb));
    let mut b_of_a = vec![None; a_len];
    for (i, j) in found.into_iter().flatten() {
        b_of_a[i as usize] = Some(j);
    }
    b_of_a
}

/// Whether `a` and `b` have a key in common.
pub fn share_a_key(a: &[u64], b: &[u64]) -> bool {
    let bits = bits_for(a.len().max(b.len()));
    // Keys only: no index is asked for.
    let key_only = |k, _| k;
    let (pa, pb) =
        (Parts::new(a.len(), bits, |i| Some(a[i]), key_only), Parts::new(b.len(), bits, |j| Some(b[j]), key_only));
    each_part(1 << bits, |p| {
        let keys: HashSet<u64> = pa.get(p).iter().copied().collect();
        pb.get(p).iter().any(|k| keys.contains(k))
    })
    .contains(&true)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rustc_hash::FxHashMap as HashMap;

    use super::*;

    /// [`unique_in_both`] with one table over all the keys.
    fn unique_in_one_table(a: &[Option<u64>], b: &[Option<u64>]) -> Vec<Option<u32>> {
        let count = |keys: &[Option<u64>]| {
            let mut m: HashMap<u64, (usize, u32)> = HashMap::default();
            for (i, k) in keys.iter().enumerate() {
                if let Some(k) = k {
                    let e = m.entry(*k).or_default();
                    *e = (e.0 + 1, i as u32);
                }
            }
            m
        };
        let (ca, cb) = (count(a), count(b));
        a.iter()
            .map(|k| match (k.and_then(|k| ca.get(&k)), k.and_then(|k| cb.get(&k))) {
                (Some((1, _)), Some((1, j))) => Some(*j),
                _ => None,
            })
            .collect()
    }

    /// Keys from a small set, so that they repeat, spread over the whole range of `u64`.
    fn keys(n: usize, distinct: u64) -> impl Strategy<Value = Vec<Option<u64>>> {
        proptest::collection::vec(proptest::option::weighted(0.9, 0..distinct), n)
            .prop_map(|ks| ks.into_iter().map(|k| k.map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn parts_give_what_one_table_gives(
            a in keys(LARGE_PAGE + 300, 6000),
            b in keys(LARGE_PAGE + 100, 6000),
            small in keys(50, 40),
        ) {
            for (a, b) in [(&a, &b), (&small, &b), (&small, &small)] {
                prop_assert_eq!(unique_in_both(a.clone(), b.clone()), unique_in_one_table(a, b));
                let (fa, fb): (Vec<u64>, Vec<u64>) = (a.iter().flatten().copied().collect(), b.iter().flatten().copied().collect());
                let set: std::collections::HashSet<u64> = fb.iter().copied().collect();
                let shared = fa.iter().any(|k| set.contains(k));
                prop_assert_eq!(share_a_key(&fa, &fb), shared);
            }
        }
    }

    #[test]
    fn large_inputs_are_split_into_parts() {
        assert_eq!(bits_for(LARGE_PAGE - 1), 0);
        assert!(bits_for(1 << 20) >= 9);
        let a: Vec<u64> = (0..LARGE_PAGE as u64 * 4).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        let b: Vec<u64> = a.iter().map(|k| k ^ 1).collect();
        assert!(!share_a_key(&a, &b));
        assert!(share_a_key(&a, &[a[77]]));
    }
}
