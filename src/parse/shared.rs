//! What many segments keep in one allocation. A segment's skeleton tokens, its lines as written,
//! their normal form and its text (the last two where they differ from the lines) are first
//! copied into a buffer of the segment's own, then gathered with those of the segments made
//! just before it into one buffer that they share ([`share`]): a page of a million one-line
//! blocks would otherwise hold millions of small allocations, each with its counter and the
//! allocator's overhead, for ten bytes of text. Consecutive segments share their container path
//! ([`ContainerPath`]) too.

use std::sync::Arc;

use serde::Serialize;

/// A segment's text is gathered with others' when it is at most this long; a longer one keeps
/// its own buffer (gathering it would copy much and save nothing). It also keeps every offset
/// into a shared buffer within 32 bits.
const GATHERED: usize = 64 * 1024;

/// A string slice of a buffer that other slices may share, with the size of one pointer and
/// two 32-bit offsets. Compares, debug-prints and serialises as the text it holds.
#[derive(Clone)]
pub struct SharedStr {
    buf: Arc<Box<str>>,
    range: [u32; 2],
}

impl SharedStr {
    pub fn as_str(&self) -> &str {
        slice(&self.buf, self.range)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        let end = length(text.len());
        SharedStr { buf: Arc::new(text.into_boxed_str()), range: [0, end] }
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A segment's skeleton tokens, its lines as written, their normal form and its text, one after
/// the other in a buffer; the normal form and the text are left out when they are the lines as
/// written. With them, the number of words of the text, which fills what would otherwise be
/// padding of the segment.
#[derive(Clone)]
pub(super) struct Written {
    buf: Arc<Box<str>>,
    start: u32,
    /// The lengths of the four parts, in the order of [`Part`]: [`SAME`] for the normal form or
    /// the text when it is the lines as written, and for the lines when they run to the end of a
    /// buffer of 4 GiB or more.
    lens: [u32; 4],
    words: u32,
}

/// The parts of a [`Written`], in the order they have in its buffer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Skeleton,
    Raw,
    Norm,
    Text,
}

/// See [`Written::lens`].
const SAME: u32 = u32::MAX;

/// Ends each token of a skeleton in its buffer (no token holds it: see `skeleton.rs`).
pub(super) const TOKEN_END: char = '\u{1F}';

impl Written {
    /// In a buffer of its own: `norm` is `None` when it is `raw`; `skeleton` is the tokens, each
    /// followed by [`TOKEN_END`]. A block of 4 GiB or more (which no offset of 32 bits reaches)
    /// is its own normal form and text.
    pub(super) fn new(skeleton: &str, raw: &str, norm: Option<&str>, text: &str, words: u32) -> Self {
        let skeleton = if skeleton.len() < SAME as usize { skeleton } else { "" };
        let fits = |extra: usize| skeleton.len() + raw.len() + extra < SAME as usize;
        let norm = norm.filter(|n| fits(n.len()));
        let text = (text != raw && fits(norm.map_or(0, str::len) + text.len())).then_some(text);
        let mut buf =
            String::with_capacity(skeleton.len() + raw.len() + norm.map_or(0, str::len) + text.map_or(0, str::len));
        let mut lens = push(&mut buf, skeleton, raw, [norm, text]);
        if !fits(0) {
            // Lines that end beyond 4 GiB run to the end of the buffer.
            lens[Part::Raw as usize] = SAME;
        }
        Written { buf: Arc::new(buf.into_boxed_str()), start: 0, lens, words }
    }

    /// The skeleton's tokens, each followed by [`TOKEN_END`].
    pub(super) fn skeleton(&self) -> &str {
        self.get(Part::Skeleton)
    }

    pub(super) fn raw(&self) -> &str {
        self.get(Part::Raw)
    }

    pub(super) fn norm(&self) -> &str {
        self.get(Part::Norm)
    }

    pub(super) fn text(&self) -> &str {
        self.get(Part::Text)
    }

    pub(super) fn words(&self) -> u32 {
        self.words
    }

    pub(super) fn raw_shared(&self) -> SharedStr {
        SharedStr { buf: Arc::clone(&self.buf), range: self.range(Part::Raw) }
    }

    /// The range of a part in `buf`.
    fn range(&self, part: Part) -> [u32; 2] {
        let [skeleton, raw, norm, _] = self.lens;
        let at = self.start + skeleton;
        match part {
            Part::Skeleton => [self.start, at],
            _ if part == Part::Raw || self.lens[part as usize] == SAME => {
                [at, if raw == SAME { SAME } else { at + raw }]
            }
            _ => {
                let start = at + raw + if part == Part::Text && norm != SAME { norm } else { 0 };
                [start, start + self.lens[part as usize]]
            }
        }
    }

    fn get(&self, part: Part) -> &str {
        slice(&self.buf, self.range(part))
    }

    /// The normal form and the text where they are not the lines as written.
    fn others(&self) -> [Option<&str>; 2] {
        [Part::Norm, Part::Text].map(|part| (self.lens[part as usize] != SAME).then(|| self.get(part)))
    }

    /// The bytes of the buffer it reads (more than any buffer holds when the lines run to its
    /// end: such a segment is never gathered).
    fn len(&self) -> usize {
        if self.lens[Part::Raw as usize] == SAME {
            return usize::MAX;
        }
        self.lens.iter().filter(|&&l| l != SAME).map(|&l| l as usize).sum()
    }
}

impl PartialEq for Written {
    fn eq(&self, other: &Self) -> bool {
        [Part::Skeleton, Part::Raw, Part::Norm, Part::Text].into_iter().all(|p| self.get(p) == other.get(p))
            && self.words == other.words
    }
}

impl std::fmt::Debug for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Written")
            .field("skeleton", &self.skeleton())
            .field("raw", &self.raw())
            .field("norm", &self.norm())
            .field("text", &self.text())
            .field("words", &self.words)
            .finish()
    }
}

/// Copies the texts of `written` that are short enough into one buffer they then share (more
/// than one past 4 GiB, which 32-bit offsets do not reach).
pub(super) fn share<'a>(written: impl Iterator<Item = &'a mut Written>) {
    gather(written, SAME as usize);
}

/// [`share`], starting a new buffer where one would reach `limit` bytes.
fn gather<'a>(written: impl Iterator<Item = &'a mut Written>, limit: usize) {
    let mut buf = String::new();
    let mut gathered: Vec<&'a mut Written> = Vec::new();
    for w in written.filter(|w| w.len() <= GATHERED) {
        if buf.len() + w.len() >= limit {
            hand_out(std::mem::take(&mut buf), &mut gathered);
        }
        let start = length(buf.len());
        w.lens = push(&mut buf, w.skeleton(), w.raw(), w.others());
        w.start = start;
        gathered.push(w);
    }
    hand_out(buf, &mut gathered);
}

/// Points every one of `gathered` to `buf`, which holds their texts.
fn hand_out(buf: String, gathered: &mut Vec<&mut Written>) {
    if gathered.is_empty() {
        return;
    }
    let buf = Arc::new(buf.into_boxed_str());
    for w in gathered.drain(..) {
        w.buf = Arc::clone(&buf);
    }
}

/// Appends `skeleton`, `raw` and those of `others` that are there to `buf`; returns the lengths
/// of the four ([`SAME`] for those that are not there).
fn push(buf: &mut String, skeleton: &str, raw: &str, others: [Option<&str>; 2]) -> [u32; 4] {
    buf.push_str(skeleton);
    buf.push_str(raw);
    let [norm, text] = others.map(|other| {
        other.map_or(SAME, |other| {
            buf.push_str(other);
            length(other.len())
        })
    });
    [length(skeleton.len()), length(raw.len()), norm, text]
}

/// A length or offset in 32 bits; [`SAME`] for the end of a buffer of 4 GiB or more.
fn length(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(SAME)
}

/// The text of `buf` in `[start, end]`, where an `end` of [`SAME`] is the end of `buf`.
fn slice(buf: &str, [start, end]: [u32; 2]) -> &str {
    let end = if end == SAME { buf.len() } else { end as usize };
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
        let plain = Written::new("", "A plain sentence.", None, "A plain sentence.", 3);
        assert_eq!(
            (plain.skeleton(), plain.raw(), plain.norm(), plain.text(), plain.words()),
            ("", "A plain sentence.", "A plain sentence.", "A plain sentence.", 3)
        );
        assert_eq!(plain.buf.len(), "A plain sentence.".len());
        let marked = Written::new("num:2\u{1F}", "- *x*  y 2", Some("- *x* y 2"), "x y 2", 3);
        assert_eq!(
            (marked.skeleton(), marked.raw(), marked.norm(), marked.text()),
            ("num:2\u{1F}", "- *x*  y 2", "- *x* y 2", "x y 2")
        );
        assert_eq!(marked.buf.len(), "num:2\u{1F}- *x*  y 2- *x* y 2x y 2".len());
    }

    #[test]
    fn what_a_segment_holds_of_its_texts_is_a_pointer_and_six_numbers() {
        assert_eq!(std::mem::size_of::<Written>(), 32);
        assert_eq!(std::mem::size_of::<super::super::Segment>(), 56, "with its kind, lines and container");
        assert_eq!(std::mem::size_of::<Option<SharedStr>>(), 16);
        assert_eq!(std::mem::size_of::<ContainerPath>(), 8);
    }

    #[test]
    fn lines_that_run_to_the_end_of_a_buffer_of_4_gib_are_their_own_normal_form_and_text() {
        // What `Written::new` makes of a block too long for 32-bit offsets, on a short buffer.
        let huge = Written {
            buf: Arc::new("num:4\u{1F}a very long line 4".into()),
            start: 0,
            lens: [6, SAME, SAME, SAME],
            words: 5,
        };
        assert_eq!(huge.skeleton(), "num:4\u{1F}");
        assert_eq!([huge.raw(), huge.norm(), huge.text()], ["a very long line 4"; 3]);
        assert_eq!(huge.raw_shared().as_str(), "a very long line 4");
        let mut gathered = [huge.clone(), Written::new("", "short", None, "short", 1)];
        share(gathered.iter_mut());
        assert!(Arc::ptr_eq(&gathered[0].buf, &huge.buf), "lines that run to the end of a buffer stay in it");
    }

    #[test]
    fn shared_texts_read_as_before_from_one_buffer_but_a_long_one_keeps_its_own() {
        let long = "word ".repeat(GATHERED / 5 + 1);
        let made = [
            Written::new("", "# Title", None, "Title", 1),
            Written::new("num:1\u{1F}", "| a |1|", Some("| a | 1 |"), "a 1", 2),
            Written::new("", &long, None, &long, 1),
            Written::new("", "plain", None, "plain", 1),
        ];
        let mut gathered = made.clone();
        share(gathered.iter_mut());
        assert_eq!(gathered, made, "every range reads what it read before");
        assert!(Arc::ptr_eq(&gathered[0].buf, &gathered[1].buf) && Arc::ptr_eq(&gathered[0].buf, &gathered[3].buf));
        assert!(Arc::ptr_eq(&gathered[2].buf, &made[2].buf), "a long text is not copied");
        // Where a buffer would grow past its limit, the next texts go to a new one.
        let mut in_two = made.clone();
        gather(in_two.iter_mut(), "# TitleTitlenum:1\u{1F}| a |1|| a | 1 |a 1".len());
        assert_eq!(in_two, made);
        assert!(!Arc::ptr_eq(&in_two[0].buf, &in_two[1].buf) && Arc::ptr_eq(&in_two[1].buf, &in_two[3].buf));
        let kept = gathered[1].raw_shared();
        drop(gathered);
        assert_eq!(kept, SharedStr::from("| a |1|"), "a range keeps its buffer alive");
    }

    #[test]
    fn shared_strings_compare_print_and_serialise_as_their_text() {
        let s = SharedStr::from(String::from("שלום <b>"));
        assert_eq!(format!("{s:?}"), "\"שלום <b>\"");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"שלום <b>\"");
        let path = ContainerPath::from(vec!["admonition:tip".to_owned(), "list".to_owned()]);
        assert_eq!(serde_json::to_string(&path).unwrap(), r#"["admonition:tip","list"]"#);
        assert_eq!(&path[..], ["admonition:tip", "list"]);
    }
}
