//! A segment's skeleton: its list of tokens, without an allocation for the usual single short
//! token. A page can hold a million blocks of one number each; a boxed list would cost each of
//! them an allocation (and a long token a second one).

use compact_str::CompactString;
use serde::{Serialize, Serializer};

#[derive(Clone, Default, PartialEq, Eq)]
pub enum Skeleton {
    #[default]
    Empty,
    One(CompactString),
    Many(Box<[CompactString]>),
}

impl Skeleton {
    pub fn new(mut tokens: Vec<CompactString>) -> Self {
        match tokens.len() {
            0 => Skeleton::Empty,
            1 => Skeleton::One(tokens.pop().unwrap_or_default()),
            _ => Skeleton::Many(tokens.into_boxed_slice()),
        }
    }
}

impl std::ops::Deref for Skeleton {
    type Target = [CompactString];

    fn deref(&self) -> &[CompactString] {
        match self {
            Skeleton::Empty => &[],
            Skeleton::One(token) => std::slice::from_ref(token),
            Skeleton::Many(tokens) => tokens,
        }
    }
}

impl<'s> IntoIterator for &'s Skeleton {
    type Item = &'s CompactString;
    type IntoIter = std::slice::Iter<'s, CompactString>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Skeleton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Skeleton {
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
            let skeleton = Skeleton::new(tokens.iter().map(|t| (*t).into()).collect());
            assert_eq!(*skeleton, *tokens);
            assert_eq!(format!("{skeleton:?}"), format!("{tokens:?}"));
        }
        assert_eq!(std::mem::size_of::<Skeleton>(), 24, "a token's place, no more");
    }
}
