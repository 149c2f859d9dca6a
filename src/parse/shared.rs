//! Text that many segments keep in one allocation. A segment's lines as written, and their
//! normal form where it differs, are first copied into a buffer of the segment's own, then
//! gathered with those of the segments made just before it into one buffer that they share
//! ([`share`]): a page of a million one-line blocks would otherwise hold two million small
//! allocations, each with its counter and the allocator's overhead, for ten bytes of text.

use std::sync::Arc;

use serde::Serialize;

/// A segment's text is gathered with others' when it is at most this long; a longer one keeps
/// its own buffer (gathering it would copy much and save nothing). It also keeps every offset
/// into a shared buffer within 32 bits.
const GATHERED: usize = 64 * 1024;

/// A string slice of a buffer that other slices may share, with the size of one pointer and
/// two 32-bit offsets. Compares, hashes and serialises as the text it holds.
#[derive(Clone)]
pub struct SharedStr {
    buf: Arc<Box<str>>,
    range: [u32; 2],
}

impl SharedStr {
    pub fn new(text: &str) -> Self {
        Written::new(text, None, text).raw_shared()
    }

    pub fn as_str(&self) -> &str {
        slice(&self.buf, self.range)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        SharedStr::new(text)
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        let end = offset(text.len());
        SharedStr { buf: Arc::new(text.into_boxed_str()), range: [0, end] }
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A segment's lines as written, their normal form and the segment's text, in one buffer; the
/// normal form and the text take the range of the lines when they are the same.
#[derive(Clone)]
pub(super) struct Written {
    buf: Arc<Box<str>>,
    raw: [u32; 2],
    norm: [u32; 2],
    text: [u32; 2],
}

impl Written {
    /// In a buffer of its own: `norm` is `None` when it is `raw`. A block of 4 GiB or more
    /// (which no offset of 32 bits reaches) is its own normal form and text.
    pub(super) fn new(raw: &str, norm: Option<&str>, text: &str) -> Self {
        let fits = |extra: usize| raw.len() + extra < u32::MAX as usize;
        let norm = norm.filter(|n| fits(n.len()));
        let text = (text != raw && fits(norm.map_or(0, str::len) + text.len())).then_some(text);
        let mut buf = String::with_capacity(raw.len() + norm.map_or(0, str::len) + text.map_or(0, str::len));
        let [raw, norm, text] = push(&mut buf, raw, [norm, text]);
        Written { buf: Arc::new(buf.into_boxed_str()), raw, norm, text }
    }

    pub(super) fn raw(&self) -> &str {
        slice(&self.buf, self.raw)
    }

    pub(super) fn norm(&self) -> &str {
        slice(&self.buf, self.norm)
    }

    pub(super) fn text(&self) -> &str {
        slice(&self.buf, self.text)
    }

    pub(super) fn raw_shared(&self) -> SharedStr {
        SharedStr { buf: Arc::clone(&self.buf), range: self.raw }
    }

    /// The norm and the text where they are not the lines as written.
    fn others(&self) -> [Option<&str>; 2] {
        [(self.norm != self.raw).then(|| self.norm()), (self.text != self.raw).then(|| self.text())]
    }

    fn len(&self) -> usize {
        self.raw().len() + self.others().iter().flatten().map(|s| s.len()).sum::<usize>()
    }
}

impl PartialEq for Written {
    fn eq(&self, other: &Self) -> bool {
        self.raw() == other.raw() && self.norm() == other.norm() && self.text() == other.text()
    }
}

impl std::fmt::Debug for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Written")
            .field("raw", &self.raw())
            .field("norm", &self.norm())
            .field("text", &self.text())
            .finish()
    }
}

/// Copies the texts of `written` that are short enough into one buffer they then share.
pub(super) fn share<'a>(written: impl Iterator<Item = &'a mut Written>) {
    let mut buf = String::new();
    let mut gathered: Vec<&'a mut Written> = Vec::new();
    for w in written.filter(|w| w.len() <= GATHERED) {
        let [raw, norm, text] = push(&mut buf, w.raw(), w.others());
        (w.raw, w.norm, w.text) = (raw, norm, text);
        gathered.push(w);
    }
    if gathered.is_empty() {
        return;
    }
    let buf = Arc::new(buf.into_boxed_str());
    for w in gathered {
        w.buf = Arc::clone(&buf);
    }
}

/// Appends `raw` and those of `others` that are not `raw` to `buf`; returns the ranges of the
/// three (an absent one has the range of `raw`).
fn push(buf: &mut String, raw: &str, others: [Option<&str>; 2]) -> [[u32; 2]; 3] {
    let mut append = |text: &str| {
        let start = buf.len();
        buf.push_str(text);
        [offset(start), offset(buf.len())]
    };
    let raw = append(raw);
    let [norm, text] = others.map(|other| other.map_or(raw, &mut append));
    [raw, norm, text]
}

/// An offset into a buffer; `u32::MAX` stands for the end of a buffer of 4 GiB or more.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

fn slice(buf: &str, [start, end]: [u32; 2]) -> &str {
    let end = if end == u32::MAX { buf.len() } else { end as usize };
    buf.get(start as usize..end).unwrap_or_default()
}

/// A container path ("admonition:tip", "list"), outermost first, that the segments inside the
/// container share; one pointer wide.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ContainerPath(Arc<Box<[String]>>);

impl std::ops::Deref for ContainerPath {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl From<Vec<String>> for ContainerPath {
    fn from(path: Vec<String>) -> Self {
        ContainerPath(Arc::new(path.into_boxed_slice()))
    }
}

impl From<&[String]> for ContainerPath {
    fn from(path: &[String]) -> Self {
        path.to_vec().into()
    }
}

impl std::fmt::Debug for ContainerPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for ContainerPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_that_is_the_lines_as_written_is_held_once() {
        let plain = Written::new("A plain sentence.", None, "A plain sentence.");
        assert_eq!(
            (plain.raw(), plain.norm(), plain.text()),
            ("A plain sentence.", "A plain sentence.", "A plain sentence.")
        );
        assert_eq!(plain.buf.len(), "A plain sentence.".len());
        let marked = Written::new("- *x*  y", Some("- *x* y"), "x y");
        assert_eq!((marked.raw(), marked.norm(), marked.text()), ("- *x*  y", "- *x* y", "x y"));
        assert_eq!(marked.buf.len(), "- *x*  y- *x* yx y".len());
    }

    #[test]
    fn shared_texts_read_as_before_from_one_buffer_but_a_long_one_keeps_its_own() {
        let long = "word ".repeat(GATHERED / 5 + 1);
        let made = [
            Written::new("# Title", None, "Title"),
            Written::new("| a |b|", Some("| a | b |"), "a b"),
            Written::new(&long, None, &long),
            Written::new("plain", None, "plain"),
        ];
        let mut gathered = made.clone();
        share(gathered.iter_mut());
        assert_eq!(gathered, made, "every range reads what it read before");
        assert!(Arc::ptr_eq(&gathered[0].buf, &gathered[1].buf) && Arc::ptr_eq(&gathered[0].buf, &gathered[3].buf));
        assert!(Arc::ptr_eq(&gathered[2].buf, &made[2].buf), "a long text is not copied");
        let kept = gathered[1].raw_shared();
        drop(gathered);
        assert_eq!(kept, SharedStr::from("| a |b|"), "a range keeps its buffer alive");
    }

    #[test]
    fn shared_strings_compare_print_and_serialise_as_their_text() {
        let s = SharedStr::from(String::from("שלום <b>"));
        assert_eq!(format!("{s}|{s:?}"), "שלום <b>|\"שלום <b>\"");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"שלום <b>\"");
        let path = ContainerPath::from(vec!["admonition:tip".to_owned(), "list".to_owned()]);
        assert_eq!(serde_json::to_string(&path).unwrap(), r#"["admonition:tip","list"]"#);
        assert_eq!(&path[..], ["admonition:tip", "list"]);
    }
}
