//! The word-level diff of two revisions of an English segment, as shown for stale pairs.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// One run of the diff: `["equal", "text"]`, `["delete", "old"]` or `["insert", "new"]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp(pub &'static str, pub String);

/// Word diff of `old` → `new`, consecutive words of the same kind merged into one run.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(old, new);
    let mut out: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(DiffOp(t, text)) if *t == tag => text.push_str(change.value()),
            _ => out.push(DiffOp(tag, change.value().to_owned())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_runs() {
        let d = word_diff("Molly is updated every two weeks", "Molly is updated each two weeks");
        assert_eq!(
            d,
            vec![
                DiffOp("equal", "Molly is updated ".into()),
                DiffOp("delete", "every".into()),
                DiffOp("insert", "each".into()),
                DiffOp("equal", " two weeks".into()),
            ]
        );
    }
}
