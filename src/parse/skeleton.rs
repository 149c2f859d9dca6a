//! A segment's skeleton: its list of tokens. The tokens are held in the buffer the segment
//! shares with others for its texts (see `shared.rs`), each followed by a separator: a page can
//! hold a million blocks of one number each, and a list of its own would cost each of them a
//! place for it, if not an allocation.

use compact_str::CompactString;
use serde::{Serialize, Serializer};

use super::shared::TOKEN_END;

/// The tokens of a segment's skeleton, as [`Segment::skeleton`](super::Segment::skeleton) finds
/// them in its buffer.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Skeleton<'a>(&'a str);

impl<'a> Skeleton<'a> {
    /// The tokens, each followed by the separator.
    pub(super) fn new(held: &'a str) -> Self {
        Skeleton(held)
    }

    /// What a segment holds of `tokens`. A token never holds the separator: where one did, it
    /// holds U+FFFD in its place.
    pub(super) fn hold(tokens: &[CompactString]) -> String {
        let mut held = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
        for token in tokens {
            if token.contains(TOKEN_END) {
                held.push_str(&token.replace(TOKEN_END, "\u{FFFD}"));
            } else {
                held.push_str(token);
            }
            held.push(TOKEN_END);
        }
        held
    }

    pub fn iter(self) -> Tokens<'a> {
        Tokens(self.0)
    }

    pub fn first(self) -> Option<&'a str> {
        self.iter().next()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The tokens with `separator` between them.
    pub fn join(self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }
}

/// The tokens of a [`Skeleton`], one by one. Tokens are short: a plain scan finds their ends
/// sooner than a vectorised search would.
#[derive(Clone)]
pub struct Tokens<'a>(&'a str);

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        let end = self.0.bytes().position(|b| b == TOKEN_END as u8).unwrap_or(self.0.len());
        let token = &self.0[..end];
        self.0 = self.0.get(end + 1..).unwrap_or_default();
        Some(token)
    }
}

impl<'a> IntoIterator for Skeleton<'a> {
    type Item = &'a str;
    type IntoIter = Tokens<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Skeleton<'_> {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl std::fmt::Debug for Skeleton<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Skeleton<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::Skeleton;

    #[test]
    fn tokens_come_back_as_they_were_given() {
        for tokens in [&[][..], &["num:2"], &["num:2", "link:https://example.org/a-long-page-name", "code:x"]] {
            let held = Skeleton::hold(&tokens.iter().map(|t| (*t).into()).collect::<Vec<_>>());
            let skeleton = Skeleton::new(&held);
            assert!(skeleton.iter().eq(tokens.iter().copied()));
            assert_eq!(skeleton.is_empty(), tokens.is_empty());
            assert_eq!(skeleton.first(), tokens.first().copied());
            assert_eq!(format!("{skeleton:?}"), format!("{tokens:?}"));
            assert_eq!(serde_json::to_string(&skeleton).unwrap(), serde_json::to_string(tokens).unwrap());
        }
    }

    #[test]
    fn a_token_that_held_the_separator_holds_a_replacement_character_instead() {
        let held = Skeleton::hold(&["code:a\u{1F}b".into(), "num:1".into()]);
        assert_eq!(Skeleton::new(&held), ["code:a\u{FFFD}b", "num:1"]);
    }
}
