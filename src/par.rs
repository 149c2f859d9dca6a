//! Parallel work inside one page, for large pages only. Pages are checked in parallel already
//! (`site::analyse`); within a page, splitting pays only when the page is large, and a rayon call
//! made outside rayon's thread pool (`align_pages` from a program's main thread) hands its work
//! to the pool and waits, which costs more than a small page's whole alignment.

use rayon::prelude::*;

/// A page of at least this many blocks is large: its per-block work is split between threads in
/// runs of this many blocks, and shortcuts that only pay on large inputs apply.
pub const LARGE_PAGE: usize = 4096;

/// A page text of at least this many bytes is parsed beside the other page.
pub const LARGE_TEXT: usize = 1 << 18;

/// `a` and `b`, side by side when `large`, else one after the other on this thread.
pub fn join<A, B, RA, RB>(large: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if large {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// `f` of `0..n` in order, on every thread when `n` is at least [`LARGE_PAGE`].
pub fn map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync + Send) -> Vec<T> {
    if n >= LARGE_PAGE {
        (0..n).into_par_iter().with_min_len(LARGE_PAGE).map(f).collect()
    } else {
        (0..n).map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn small_and_large_inputs_give_the_same_results_in_order() {
        for n in [0, 3, super::LARGE_PAGE, 3 * super::LARGE_PAGE + 1] {
            assert_eq!(super::map(n, |i| i * 2), (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
        assert_eq!(super::join(true, || 1, || 2), (1, 2));
        assert_eq!(super::join(false, || 1, || 2), (1, 2));
    }
}
