//! Blocks that moved across languages. Footnote definitions have no place of their own
//! (Markdown renders them at the end, and platforms gather them there): they pair by label,
//! always outside the ordered passes. Other segments whose move key (a distinctive skeleton)
//! occurs exactly once on each side pair wherever they are when the pair is strong; those
//! that keep their relative order (the longest increasing subsequence) are left to the
//! ordered passes, the others are moves, and take their neighbours along ([`extend_moves`]).

use super::Scorer;
use crate::par;

/// Unique skeleton matches, split in two: the pairs `(a, b)` to make before the ordered passes
/// (footnote definitions, and strong matches that are out of order), and the matches that are
/// in order (not scored yet), which anchor the ordered passes when they are strong.
pub struct Matches {
    pub moved: Vec<(usize, usize)>,
    /// In 32 bits: a page of a million blocks can have them all here.
    pub in_order: Vec<(u32, u32)>,
}

pub fn unique_matches(scorer: &Scorer<'_>, a_len: usize, b_len: usize) -> Matches {
    let (keys_a, keys_b) = par::join(
        a_len.max(b_len) >= par::LARGE_PAGE,
        || par::map(a_len, |i| scorer.move_key_a(i)),
        || par::map(b_len, |j| scorer.move_key_b(j)),
    );
    let b_of_a = super::partition::unique_in_both(keys_a, keys_b);
    let mut footnotes = Vec::new();
    // In `a` order.
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for (i, j) in b_of_a.iter().enumerate() {
        if let Some(j) = *j {
            if scorer.is_footnote_pair(i, j as usize) {
                footnotes.push((i, j as usize));
            } else {
                candidates.push((super::narrow(i), j));
            }
        }
    }
    drop(b_of_a);
    let js: Vec<usize> = candidates.iter().map(|c| c.1 as usize).collect();
    let in_order = longest_increasing(&js);
    drop(js);
    // Only the out-of-order matches are scored: most unique matches are in order and left to
    // the ordered passes, which score them anyway. The in-order ones stay where they are.
    let mut kept = 0;
    for (k, keep) in in_order.into_iter().enumerate() {
        let (i, j) = candidates[k];
        if keep {
            candidates[kept] = (i, j);
            kept += 1;
        } else if scorer.score(i as usize, j as usize) >= scorer.move_threshold() {
            footnotes.push((i as usize, j as usize));
        }
    }
    candidates.truncate(kept);
    Matches { moved: footnotes, in_order: candidates }
}

/// A block found out of order seldom moved alone: the blocks around it moved with it. From
/// each of the pairs `moved` (not footnote definitions, which platforms gather one by one), the
/// neighbours before and after it are paired, outwards, while both are unpaired, the
/// translation's holds a letter (a wordless line, `</div>`, is alike wherever it is) and
/// `joins(a, b)` holds. Returns the pairs made.
pub fn extend_moves(
    scorer: &Scorer<'_>,
    moved: &[(usize, usize)],
    pairs: &mut [Option<u32>],
    a_len: usize,
    joins: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut made = Vec::new();
    if moved.is_empty() {
        return made;
    }
    let mut used_a = super::paired_a(pairs, a_len);
    for &(i, j) in moved {
        if scorer.is_footnote_pair(i, j) {
            continue;
        }
        for forward in [false, true] {
            let step = |k: usize| if forward { k.checked_add(1) } else { k.checked_sub(1) };
            let (mut x, mut y) = (step(i), step(j));
            while let (Some(xa), Some(yb)) = (x, y) {
                let free = xa < a_len && yb < pairs.len() && !used_a[xa] && pairs[yb].is_none();
                if !free || !scorer.b_has_letters(yb) || !joins(xa, yb) {
                    break;
                }
                pairs[yb] = Some(super::narrow(xa));
                used_a[xa] = true;
                made.push((xa, yb));
                (x, y) = (step(xa), step(yb));
            }
        }
    }
    made
}

/// Marks the members of one longest strictly increasing subsequence of `xs` (O(n log n)).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    if xs.is_sorted() {
        // Every match in order, the usual case: all of them, without the search.
        return vec![true; xs.len()];
    }
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (k, x) in xs.iter().enumerate() {
        let len = tails.partition_point(|t| xs[*t] < *x);
        prev[k] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut member = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        member[k] = true;
        at = prev[k];
    }
    member
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn lis_marks_the_ordered_majority() {
        let marks = longest_increasing(&[0, 1, 9, 2, 3, 4, 8]);
        assert_eq!(marks, vec![true, true, false, true, true, true, true]);
        assert!(longest_increasing(&[]).is_empty());
        assert_eq!(longest_increasing(&[0, 2, 5]), vec![true; 3]);
    }
}
