//! Dynamic programming inside a gap between anchors: the monotone pairing of the two runs of
//! segments that maximises the summed score above the threshold. Skipping a segment costs
//! nothing, so a pair is only made when the evidence for it beats the threshold.
//!
//! The work is bounded by design: a gap of more than [`MAX_CELLS`] cells is searched in a
//! diagonal band whose width keeps the cell count under that bound.

use super::Gap;

/// Upper bound of scored cells per gap (time and memory stay linear in the band).
pub const MAX_CELLS: usize = 1 << 21;

/// Above this many cells, a gap across languages is first split at strong unique skeleton
/// matches (see `align`): searching it whole would cost more than the evidence needs.
pub const ANCHORED_CELLS: usize = 1 << 12;

const UP: u8 = 0;
const LEFT: u8 = 1;
const DIAG: u8 = 2;

/// Returns the pairs `(a index, b index)` chosen inside `gap`, in order. Pairs scoring at or
/// below `threshold` are never made; in a gap of one segment on each side, `lone_threshold`
/// applies instead (position may be evidence there: see `Scorer::lone_threshold`). `score(i, j,
/// threshold)` may return 0 for a pair it can tell cheaply scores at or below `threshold`.
pub fn align_gap(
    score: impl Fn(usize, usize, f32) -> f32,
    threshold: f32,
    lone_threshold: f32,
    gap: Gap,
) -> Vec<(usize, usize)> {
    let na = gap.a1 - gap.a0;
    let nb = gap.b1 - gap.b0;
    if na == 0 || nb == 0 {
        return Vec::new();
    }
    let threshold = if na == 1 && nb == 1 { lone_threshold } else { threshold };
    let band = Band::new(na, nb);
    let mut value: Vec<Vec<f32>> = Vec::with_capacity(na + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(na + 1);
    value.push(vec![0.0; nb + 1]);
    back.push(vec![LEFT; nb + 1]);
    for i in 1..=na {
        let (lo, hi) = band.row(i);
        let mut row = vec![f32::NEG_INFINITY; hi - lo + 1];
        let mut brow = vec![UP; hi - lo + 1];
        for j in lo..=hi {
            let k = j - lo;
            if j == 0 {
                row[k] = 0.0;
                continue;
            }
            let up = band.get(&value, i - 1, j);
            let left = if j > lo { row[k - 1] } else { f32::NEG_INFINITY };
            let (mut best, mut from) = if up >= left { (up, UP) } else { (left, LEFT) };
            let diag = band.get(&value, i - 1, j - 1);
            if diag > f32::NEG_INFINITY {
                let s = score(gap.a0 + i - 1, gap.b0 + j - 1, threshold) - threshold;
                if s > 0.0 && diag + s > best {
                    best = diag + s;
                    from = DIAG;
                }
            }
            row[k] = best;
            brow[k] = from;
        }
        value.push(row);
        back.push(brow);
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (na, nb);
    while i > 0 && j > 0 {
        let from = if band.contains(i, j) { back[i][j - band.row(i).0] } else { UP };
        match from {
            DIAG => {
                out.push((gap.a0 + i - 1, gap.b0 + j - 1));
                i -= 1;
                j -= 1;
            }
            LEFT => j -= 1,
            _ => i -= 1,
        }
    }
    out.reverse();
    out
}

/// The columns searched in each row: all of them when the gap is small, a diagonal band
/// otherwise.
struct Band {
    na: usize,
    nb: usize,
    half_width: usize,
}

impl Band {
    fn new(na: usize, nb: usize) -> Self {
        let half_width = if (na + 1) * (nb + 1) <= MAX_CELLS { nb } else { (MAX_CELLS / (2 * (na + 1))).max(2) };
        Band { na, nb, half_width }
    }

    fn row(&self, i: usize) -> (usize, usize) {
        if i == 0 || self.half_width >= self.nb {
            return (0, self.nb);
        }
        let centre = i * self.nb / self.na;
        (centre.saturating_sub(self.half_width), (centre + self.half_width).min(self.nb))
    }

    fn contains(&self, i: usize, j: usize) -> bool {
        let (lo, hi) = self.row(i);
        (lo..=hi).contains(&j)
    }

    fn get(&self, value: &[Vec<f32>], i: usize, j: usize) -> f32 {
        if i == 0 || j == 0 {
            return 0.0;
        }
        let (lo, hi) = self.row(i);
        if (lo..=hi).contains(&j) {
            value[i][j - lo]
        } else {
            f32::NEG_INFINITY
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{align_gap, Gap};

    #[test]
    fn a_lone_pair_uses_its_own_threshold() {
        let lone = Gap { a0: 0, a1: 1, b0: 0, b1: 1 };
        let weak = |_: usize, _: usize, _: f32| 0.4;
        assert_eq!(align_gap(weak, 0.6, 0.3, lone), vec![(0, 0)]);
        assert!(align_gap(weak, 0.6, 0.6, lone).is_empty());
        // In a larger gap the lone threshold plays no part.
        let two = Gap { a0: 0, a1: 2, b0: 0, b1: 1 };
        assert!(align_gap(weak, 0.6, 0.3, two).is_empty());
    }
}
