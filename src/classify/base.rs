//! Which English revision was a translation made from? Translation platforms keep the
//! structure of the English file they export from and leave untranslated sentences verbatim,
//! so the true base matches the translation almost block for block. Each candidate is scored
//! on language-neutral evidence only: blocks of the same kind in the same place, link targets
//! agreeing in the same place, and blocks identical to the English; minus the difference in
//! block counts. Ties go to the newest candidate (an export cannot tell apart revisions that
//! differ only in blocks it translated). When no candidate matches block for block (a hand
//! translation), the newest candidate — the revision current when it was made — is the base.

use rustc_hash::FxHashSet as HashSet;

use crate::parse::Page;

/// The chosen candidate and how sure the choice is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BaseChoice {
    /// Index into the candidates.
    pub index: usize,
    pub score: i64,
    /// Score difference to the best other candidate (0: a tie, resolved to the newest).
    pub margin: i64,
}

/// The candidate (newest first) that `translation` was most likely made from.
pub fn choose_base(translation: &Page, candidates: &[&Page]) -> Option<BaseChoice> {
    let scores: Vec<i64> = candidates.iter().map(|c| score(translation, c)).collect();
    let best = scores.iter().copied().max()?;
    if best < translation.segments.len() as i64 / 2 {
        // Nothing matches block for block (a translation made by hand, restructured): the
        // revision current when the translation was made (the newest candidate) is the base.
        return Some(BaseChoice { index: 0, score: scores[0], margin: 0 });
    }
    // Newest first: the first candidate with the best score is the newest of the tied ones.
    let index = scores.iter().position(|s| *s == best)?;
    let runner_up = scores.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, s)| *s).max();
    Some(BaseChoice { index, score: best, margin: runner_up.map_or(best, |r| best - r) })
}

/// How well `translation` fits `candidate` as its base (higher is better).
pub fn score(translation: &Page, candidate: &Page) -> i64 {
    let (t, c) = (&translation.segments, &candidate.segments);
    let mut same_kind = 0;
    let mut same_links = 0;
    for (a, b) in t.iter().zip(c) {
        if a.kind == b.kind {
            same_kind += 1;
            let (la, lb) = (links(a), links(b));
            if !la.is_empty() && la == lb {
                same_links += 1;
            }
        }
    }
    let english: HashSet<&str> = c.iter().filter(|s| s.has_letters()).map(|s| s.norm()).collect();
    let identical = t.iter().filter(|s| s.has_letters() && english.contains(s.norm())).count();
    same_kind + same_links + identical as i64 - (t.len() as i64 - c.len() as i64).abs()
}

/// A segment's link and image targets, in order.
fn links(s: &crate::parse::Segment) -> Vec<&str> {
    s.skeleton().iter().filter(|k| k.starts_with("link:") || k.starts_with("img:")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn the_revision_with_the_same_structure_wins_and_ties_go_to_the_newest() {
        let old = parse("# Keys\n\nUse [two keys](https://a.example).\n\nKeep one at home.\n");
        let newer =
            parse("# Keys\n\nUse [two keys](https://a.example).\n\nKeep one at home.\n\n## More\n\nNew text.\n");
        let newest_same =
            parse("# Keys\n\nUse [two keys](https://a.example).\n\nKeep one safe at home.\n\n## More\n\nNew text.\n");
        let tr = parse("# מפתחות\n\nהשתמשו [בשני מפתחות](https://a.example).\n\nKeep one at home.\n");
        let choice = choose_base(&tr, &[&newest_same, &newer, &old]).unwrap();
        assert_eq!(choice.index, 2, "{choice:?}");
        assert!(choice.margin > 0);
        // The translation's blocks do not tell the two newest apart: the newest wins the tie.
        let tr2 =
            parse("# מפתחות\n\nהשתמשו [בשני מפתחות](https://a.example).\n\nשמרו אחד בבית.\n\n## עוד\n\nטקסט חדש.\n");
        let choice = choose_base(&tr2, &[&newest_same, &newer, &old]).unwrap();
        assert_eq!((choice.index, choice.margin), (0, 0));
        assert!(choose_base(&tr2, &[]).is_none());
    }

    #[test]
    fn a_hand_translation_falls_back_to_the_newest_candidate() {
        let newest = parse("# Keys\n\nUse two keys.\n\nKeep one at home.\n\n## More\n\nText.\n");
        let older = parse("# Keys\n\nUse two keys.\n");
        // Restructured by hand: one long paragraph, nothing in the same place.
        let tr = parse("השתמשו בשני מפתחות ושמרו אחד בבית, ועוד טקסט.\n");
        assert_eq!(choose_base(&tr, &[&newest, &older]).unwrap().index, 0);
    }
}
