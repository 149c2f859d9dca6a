//! Builds a segment from the inline material of a block: its prose text, its skeleton of
//! language-neutral tokens, and its normalised form.

use std::borrow::Cow;
use std::sync::LazyLock;

use compact_str::{format_compact, CompactString};
use regex::Regex;

use super::shared::Written;
use super::{ContainerPath, Kind, Piece, Segment, Skeleton};

/// `{ .class #id key=value }` as written by the attr_list extension.
static ATTR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{:?[ \t]*((?:[.#][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+))(?:[ \t]+(?:[.#][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)))*)[ \t]*\}"#).unwrap()
});
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.#][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)"#).unwrap());
/// `:material-chat-processing:` and friends.
static ICON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[a-z][a-z0-9]*(?:-[a-z0-9]+)+:").unwrap());
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").unwrap());
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<(/?)([A-Za-z][\w-]*)([^>]*)>|<!--.*?(?:-->|$)"#).unwrap());
static HREF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(?:^|\s)href\s*=\s*["']([^"']*)["']"#).unwrap());
static CLASS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"class\s*=\s*["']([^"']*)["']"#).unwrap());
static EMPTY_TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\(([^()\s]+)\s+""\)"#).unwrap());
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\([!-/:-@\[-`{-~])").unwrap());
static SNIPPET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^\\?-{2,}8<-{2,}\s*"?([^"]*)"?\s*$"#).unwrap());
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\[([^\]]+)\]:\s*(.*)$").unwrap());
static SPACES_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \t]+").unwrap());
static TABLE_PAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\|\s*").unwrap());
static DASHES_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"-{3,}").unwrap());

/// Builds a segment from a block's inline pieces.
pub(super) fn build(
    kind: Kind,
    container: ContainerPath,
    lines: [u32; 2],
    raw: &str,
    pieces: impl Iterator<Item = (u32, Piece)>,
    names_only: bool,
) -> Segment {
    let mut text = String::new();
    let mut skeleton = Vec::new();
    // Whether the text is the block as written, byte for byte (most paragraphs without markup):
    // one piece of text, borrowed from where the block is.
    let (mut count, mut as_written) = (0, false);
    for (_, piece) in pieces {
        count += 1;
        as_written = count == 1
            && matches!(&piece, Piece::Text(t, Some(at)) if *at == raw.as_ptr() as usize && t.len() == raw.len());
        match piece {
            // The first text is taken as it is (a block can be megabytes long).
            Piece::Text(t, _) if text.is_empty() => text = t,
            Piece::Text(t, _) => text.push_str(&t),
            Piece::Break => text.push(' '),
            Piece::Code(c) if kind == Kind::Code => text.push_str(&c),
            Piece::Code(c) => {
                skeleton.push(token("code:", c.trim()));
                text.push(' ');
            }
            Piece::LinkTarget(u) => skeleton.push(token("link:", u.trim())),
            Piece::ImageTarget(u) => skeleton.push(token("img:", u.trim())),
            Piece::FootnoteRef(f) => skeleton.push(token("fn:", &f)),
            Piece::Html(h) => {
                if let Some(lang) = h.strip_prefix("fence:") {
                    skeleton.push(token("fence:", lang));
                    continue;
                }
                html_tokens(&h, &mut skeleton);
                // Text between tags inside an HTML block is prose too (`<summary>Downloads</summary>`).
                if kind == Kind::Html {
                    text.push_str(&TAG.replace_all(&h, " "));
                }
            }
        }
    }
    // One pass over the text finds what each later step looks for (a block can be megabytes).
    let mut text = trimmed(text);
    let mut found = triggers(&text);
    // What the raw block holds, when it is the text (and trimming took nothing from it).
    let raw_found = (as_written && text.len() == raw.len()).then_some(found);
    if kind != Kind::Code {
        (text, found) = extract_markers(text, found, &mut skeleton);
    }
    let mut found = Some(found);
    if let Some(c) = may_include_a_file(raw).then(|| SNIPPET.captures(raw)).flatten() {
        // `--8<-- "file"` includes a file: nothing to translate here.
        skeleton = vec![token("snippet:", &c[1])];
        text.clear();
        found = None;
    } else if let Some(c) = raw.starts_with("*[").then(|| ABBREVIATION.captures(raw)).flatten() {
        // `*[HTML]: HyperText Markup Language`: the term is a name, the definition is prose.
        skeleton.retain(|t| !t.starts_with("num:"));
        skeleton.push(token("abbr:", &c[1]));
        text = c[2].to_owned();
        found = None;
    }
    let mut seg = with_text(kind, container, lines[0], raw, text, skeleton, [found, raw_found]);
    seg.lines = lines;
    let short_names = names_only && seg.words() <= 4;
    seg.verbatim = kind == Kind::Code || !seg.has_letters() || short_names;
    seg
}

/// One line of an HTML block as a segment of its own (its tags go to the skeleton).
pub(super) fn html_line(container: ContainerPath, line: u32, raw: &str) -> Segment {
    build(Kind::Html, container, [line, line], raw, std::iter::once((line, Piece::Html(raw.to_owned()))), false)
}

/// A segment whose text and skeleton are already known. The text is taken as it is when it
/// needs no change (a block can be megabytes long).
pub(super) fn simple(
    kind: Kind,
    container: ContainerPath,
    line: u32,
    raw: &str,
    text: impl Into<String>,
    skeleton: Vec<CompactString>,
) -> Segment {
    with_text(kind, container, line, raw, text.into(), skeleton, [None, None])
}

/// `text` without white space at its ends, moved rather than copied.
fn trimmed(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

/// [`simple`], given the [`triggers`] of the trimmed text and of `raw` when they are known.
fn with_text(
    kind: Kind,
    container: ContainerPath,
    line: u32,
    raw: &str,
    text: String,
    mut skeleton: Vec<CompactString>,
    [found, raw_found]: [Option<u16>; 2],
) -> Segment {
    let mut text = trimmed(text);
    let found = found.unwrap_or_else(|| triggers(&text));
    let scan = scan(&text);
    numbers(&text, &scan, &mut skeleton);
    if found & (SPACES | TAB) != 0 {
        text = SPACES_RE.replace_all(&text, " ").into_owned();
    }
    // The normal form and the text are not held again where they are the lines as written (a
    // megabyte-long line, say).
    let skeleton = Skeleton::hold(&skeleton);
    let words = u32::try_from(scan.words).unwrap_or(u32::MAX);
    let written = match normalise_found(raw, raw_found.unwrap_or_else(|| triggers(raw))) {
        Cow::Borrowed(_) => Written::new(&skeleton, raw, None, &text, words),
        Cow::Owned(norm) => Written::new(&skeleton, raw, Some(&norm), &text, words),
    };
    let letters = text.chars().any(crate::script::is_letter);
    let mut seg = Segment {
        kind,
        container,
        lines: [line, line],
        written,
        verbatim: false,
        letters,
        ascii_letters: scan.ascii_letters,
    };
    seg.verbatim = !seg.has_letters();
    seg
}

/// How much of a block's text is analysed for its language and its likeness to other blocks
/// (sentences, words, names, script share): a paragraph is a few hundred bytes, and a block of
/// megabytes is judged on its beginning, so that no block costs more than a bounded amount of
/// work. Counts and the skeleton still cover the whole block.
pub const MAX_ANALYSED: usize = 64 * 1024;

/// The first [`MAX_ANALYSED`] bytes of `text` (at a character boundary).
pub fn analysed(text: &str) -> &str {
    if text.len() <= MAX_ANALYSED {
        return text;
    }
    let mut end = MAX_ANALYSED;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// True when all text of the block sits inside links.
pub(super) fn outside_links_is_empty(pieces: &[(u32, Piece)], linked: &str) -> bool {
    let all: String = pieces
        .iter()
        .filter_map(|(_, p)| match p {
            Piece::Text(t, _) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let outside = all.replacen(linked, "", 1);
    let outside = ATTR_LIST.replace_all(&outside, "");
    let outside = ICON.replace_all(&outside, "");
    !outside.chars().any(crate::script::is_letter)
}

/// Whether `raw` starts as a snippet line does (`--8<--`, `\\--8<--`).
fn may_include_a_file(raw: &str) -> bool {
    let rest = raw.strip_prefix('\\').unwrap_or(raw);
    let dashes = rest.len() - rest.trim_start_matches('-').len();
    dashes >= 2 && rest[dashes..].starts_with("8<")
}

/// Moves attribute lists and icon shortcodes from the (trimmed) text into the skeleton;
/// `found` are the text's [`triggers`], and those of the text returned.
fn extract_markers(text: String, found: u16, skeleton: &mut Vec<CompactString>) -> (String, u16) {
    // Each regex runs only when its trigger character is present, and the text is copied only
    // when something was found.
    if found & (BRACE | COLON) == 0 {
        return (text, found);
    }
    let (mut text, mut changed) = (text, false);
    if found & BRACE != 0 {
        let before = skeleton.len();
        for list in ATTR_LIST.captures_iter(&text) {
            for attr in ATTR.find_iter(&list[1]) {
                let a = attr.as_str();
                // Values of key=value attributes (titles, alt texts) are translated; keys are not.
                let key = a.split_once('=').map_or(a, |(k, _)| k);
                skeleton.push(token("attr:", key));
            }
        }
        if skeleton.len() > before {
            text = ATTR_LIST.replace_all(&text, " ").into_owned();
            changed = true;
        }
    }
    if found & COLON != 0 {
        let before = skeleton.len();
        for icon in ICON.find_iter(&text) {
            skeleton.push(token("icon:", icon.as_str().trim_matches(':')));
        }
        if skeleton.len() > before {
            text = ICON.replace_all(&text, " ").into_owned();
            changed = true;
        }
    }
    if !changed {
        return (text, found);
    }
    let text = trimmed(text);
    let found = triggers(&text);
    (text, found)
}

fn html_tokens(html: &str, skeleton: &mut Vec<CompactString>) {
    for tag in TAG.captures_iter(html) {
        let Some(name) = tag.get(2) else { continue };
        let mut tag_token = format_compact!("html:{}{}", &tag[1], name.as_str().to_ascii_lowercase());
        if let Some(class) = CLASS.captures(&tag[3]) {
            for c in class[1].split_whitespace() {
                tag_token.push('.');
                tag_token.push_str(c);
            }
        }
        skeleton.push(tag_token);
        if name.as_str().eq_ignore_ascii_case("a") {
            if let Some(href) = HREF.captures(&tag[3]) {
                skeleton.push(token("link:", href[1].trim()));
            }
        }
    }
}

/// What one pass over a block's text finds (a block can be megabytes long).
struct Scan {
    /// Whether it has numerals, and whether they are all ASCII digits.
    numerals: bool,
    ascii_numerals: bool,
    ascii_letters: bool,
    /// Whitespace-separated words that hold a word character.
    words: usize,
}

/// Classes of ASCII characters for [`scan`], as bits.
const WORD: u8 = 1;
const DIGIT: u8 = 2;
const LATIN: u8 = 4;
const SPACE: u8 = 8;
static ASCII: [u8; 128] = {
    let mut table = [0; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_digit() {
            WORD | DIGIT
        } else if b.is_ascii_alphabetic() {
            WORD | LATIN
        } else if b.is_ascii_whitespace() || b == 0x0b {
            // `char::is_whitespace` counts the vertical tab too.
            SPACE
        } else {
            0
        };
        c += 1;
    }
    table
};

fn scan(text: &str) -> Scan {
    let mut out = Scan { numerals: false, ascii_numerals: true, ascii_letters: false, words: 0 };
    let mut in_word = false;
    // What the ASCII characters were, gathered: most of a page is ASCII, looked up in a table.
    let mut seen = 0;
    for c in text.chars() {
        if c.is_ascii() {
            let class = ASCII[c as usize];
            seen |= class;
            if class & SPACE != 0 {
                out.words += usize::from(in_word);
                in_word = false;
            } else {
                in_word |= class & WORD != 0;
            }
        } else if crate::script::is_word_char(c) {
            // Numerals are word characters, and no word character is whitespace.
            in_word = true;
            if crate::script::is_numeric(c) {
                out.numerals = true;
                out.ascii_numerals = false;
            }
        } else if c.is_whitespace() {
            out.words += usize::from(in_word);
            in_word = false;
        }
    }
    out.words += usize::from(in_word);
    out.numerals |= seen & DIGIT != 0;
    out.ascii_letters = seen & LATIN != 0;
    out
}

/// The numbers of `text` (`scan` is its [`Scan`]) as skeleton tokens.
fn numbers(text: &str, scan: &Scan, skeleton: &mut Vec<CompactString>) {
    if !scan.numerals {
        return;
    }
    if scan.ascii_numerals {
        // The common case, without a copy of the text or a regex.
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            loop {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit() {
                    i += 1;
                } else {
                    break;
                }
            }
            skeleton.push(token("num:", &text[start..i]));
        }
        return;
    }
    let ascii: String = text.chars().map(ascii_digit).collect();
    for n in NUMBER.find_iter(&ascii) {
        skeleton.push(token("num:", n.as_str()));
    }
}

/// `prefix` followed by `body`, allocated once.
fn token(prefix: &str, body: &str) -> CompactString {
    let mut t = CompactString::with_capacity(prefix.len() + body.len());
    t.push_str(prefix);
    t.push_str(body);
    t
}

/// Arabic-Indic and Extended Arabic-Indic digits read as ASCII digits.
fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Undoes the harmless rewrites of translation platforms (SPEC §1.2) so that a segment and its
/// re-exported copy compare equal: attribute-list spacing, empty link titles, `*em*` vs `_em_`,
/// backslash escapes, table padding, indentation and runs of spaces.
pub fn normalise(raw: &str) -> Cow<'_, str> {
    normalise_found(raw, triggers(raw))
}

/// [`normalise`], given the [`triggers`] of `raw`.
fn normalise_found(raw: &str, found: u16) -> Cow<'_, str> {
    if raw.trim().len() == raw.len() && found & !COLON == 0 && !raw.starts_with('|') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Each rewrite runs only when its trigger is present (this is a hot path).
        let mut line = Cow::Borrowed(line);
        let mut t = triggers(&line);
        if t & BRACE != 0 {
            rewrite(&mut line, &mut t, |l| {
                changed(ATTR_LIST.replace_all(l, |c: &regex::Captures<'_>| {
                    let attrs: Vec<&str> = ATTR.find_iter(&c[1]).map(|m| m.as_str()).collect();
                    format!("{{{}}}", attrs.join(" "))
                }))
            });
        }
        if t & EMPTY_QUOTES != 0 {
            rewrite(&mut line, &mut t, |l| changed(EMPTY_TITLE.replace_all(l, "($1)")));
        }
        if t & BACKSLASH != 0 {
            rewrite(&mut line, &mut t, |l| changed(ESCAPE.replace_all(l, "$1")));
        }
        if t & UNDERSCORE != 0 {
            rewrite(&mut line, &mut t, |l| Some(l.replace('_', "*")));
        }
        if t & (SPACES | TAB) != 0 {
            rewrite(&mut line, &mut t, |l| changed(SPACES_RE.replace_all(l, " ")));
        }
        if line.starts_with('|') {
            rewrite(&mut line, &mut t, |l| changed(TABLE_PAD.replace_all(l, "|")));
            // The pipe that closes a row is optional (GFM): `| a | b` is `| a | b |`.
            if !line.ends_with('|') {
                line.to_mut().push('|');
            }
        }
        if t & DASHES != 0 {
            rewrite(&mut line, &mut t, |l| changed(DASHES_RE.replace_all(l, "---")));
        }
        out.push_str(line.trim());
    }
    Cow::Owned(out)
}

/// Replaces `line` by what `f` makes of it, if anything, and finds its triggers again: a
/// rewrite may bring another forth (`\_` unescaped).
fn rewrite(line: &mut Cow<'_, str>, t: &mut u16, f: impl FnOnce(&str) -> Option<String>) {
    if let Some(new) = f(line) {
        *t = triggers(&new);
        *line = Cow::Owned(new);
    }
}

/// The text a regex replacement made, when it changed anything.
fn changed(c: Cow<'_, str>) -> Option<String> {
    match c {
        Cow::Owned(s) => Some(s),
        Cow::Borrowed(_) => None,
    }
}

const BRACE: u16 = 1;
const EMPTY_QUOTES: u16 = 2;
const BACKSLASH: u16 = 4;
const UNDERSCORE: u16 = 8;
const SPACES: u16 = 16;
const TAB: u16 = 32;
const DASHES: u16 = 64;
const NEWLINE: u16 = 128;
/// Not a rewrite's trigger: icon shortcodes start with it.
const COLON: u16 = 256;
const ALL: u16 = 511;

/// How much of a long text [`triggers`] searches at a time, and by how much consecutive windows
/// overlap (so that no `---` falls between two).
const WINDOW: usize = 16 * 1024;
const OVERLAP: usize = 2;

/// Which of the triggers of [`normalise`] `text` holds: `{`, `""`, `\\`, `_`, two spaces, a tab,
/// `---`, a newline; and whether it holds a `:` (for icons). A short text (most lines) in one pass over its bytes; a long one with one vectorised
/// search per trigger, which costs more to start and far less per byte. The searches go over
/// a long text window by window, all of them over one window while it is in the cache: a
/// text of megabytes is read from memory once, not once per trigger.
fn triggers(text: &str) -> u16 {
    let b = text.as_bytes();
    if b.len() >= 64 {
        use memchr::memmem::Finder;
        static PAIRS: LazyLock<[(u16, Finder<'static>); 3]> = LazyLock::new(|| {
            [(EMPTY_QUOTES, Finder::new(b"\"\"")), (SPACES, Finder::new(b"  ")), (DASHES, Finder::new(b"---"))]
        });
        const BYTES: [(u16, u8); 6] =
            [(BRACE, b'{'), (BACKSLASH, b'\\'), (UNDERSCORE, b'_'), (TAB, b'\t'), (NEWLINE, b'\n'), (COLON, b':')];
        let (mut t, mut start) = (0, 0);
        loop {
            let w = &b[start..b.len().min(start + WINDOW)];
            t = BYTES
                .iter()
                .filter(|(bit, n)| t & bit == 0 && memchr::memchr(*n, w).is_some())
                .fold(t, |t, (bit, _)| t | bit);
            t = PAIRS.iter().filter(|(bit, f)| t & bit == 0 && f.find(w).is_some()).fold(t, |t, (bit, _)| t | bit);
            if start + WINDOW >= b.len() || t == ALL {
                return t;
            }
            start += WINDOW - OVERLAP;
        }
    }
    let (mut t, mut prev, mut dashes) = (0, 0u8, 0);
    for &c in b {
        t |= match c {
            b'{' => BRACE,
            b'"' if prev == b'"' => EMPTY_QUOTES,
            b'\\' => BACKSLASH,
            b'_' => UNDERSCORE,
            b' ' if prev == b' ' => SPACES,
            b'\t' => TAB,
            b'-' if dashes >= 2 => DASHES,
            b'\n' => NEWLINE,
            b':' => COLON,
            _ => 0,
        };
        dashes = if c == b'-' { dashes + 1 } else { 0 };
        prev = c;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALPHABET: &[char] = &['1', '0', '9', '.', ',', ' ', 'a', 'א', '٣', '۷', '५', '²', '-'];

    /// Mostly trigger characters.
    const TRIGGERS: &[char] = &['{', '"', '\\', '_', ' ', '\t', '-', 'a', 'ש', '|', '\r', '.', '\n', ':'];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn numbers_are_the_regex_matches(chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..24)) {
            let text: String = chars.into_iter().collect();
            let ascii: String = text.chars().map(ascii_digit).collect();
            let expected: Vec<String> = NUMBER.find_iter(&ascii).map(|n| format!("num:{}", n.as_str())).collect();
            let mut found = Vec::new();
            numbers(&text, &scan(&text), &mut found);
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn words_are_the_whitespace_separated_ones_with_a_word_character(text in "[a7 \t\n\x0b.\u{5d0}\u{a0}\u{2003}\u{660}²-]{0,30}") {
            let expected = text.split_whitespace().filter(|w| w.chars().any(crate::script::is_word_char)).count();
            let scan = scan(&text);
            prop_assert_eq!(scan.words, expected);
            prop_assert_eq!(scan.ascii_letters, text.contains('a'));
        }

        #[test]
        fn a_snippet_line_is_never_ruled_out(line in r#"\\?-{0,4}8?<?-{0,4} ?"?[a. ]{0,3}"? ?"#) {
            prop_assert!(may_include_a_file(&line) || !SNIPPET.is_match(&line), "{:?}", line);
        }

        #[test]
        fn a_line_that_needs_no_rewrite_is_its_own_normal_form(chars in proptest::collection::vec(proptest::sample::select(TRIGGERS), 0..12)) {
            // With a newline, the same text always takes the rewriting path.
            let text: String = chars.into_iter().collect();
            let with_newline = format!("{text}\n");
            prop_assert_eq!(normalise(&text), normalise(&with_newline));
        }

        #[test]
        fn triggers_are_substring_searches(chars in proptest::collection::vec(proptest::sample::select(TRIGGERS), 0..120)) {
            let text: String = chars.into_iter().collect();
            let expected = [("{", BRACE), ("\"\"", EMPTY_QUOTES), ("\\", BACKSLASH), ("_", UNDERSCORE), ("  ", SPACES), ("\t", TAB), ("---", DASHES), ("\n", NEWLINE), (":", COLON)]
                .into_iter()
                .filter(|(n, _)| text.contains(n))
                .fold(0, |t, (_, bit)| t | bit);
            prop_assert_eq!(triggers(&text), expected);
        }
    }

    #[test]
    fn snippet_lines_are_recognised_by_their_start() {
        for line in [r#"--8<-- "a.md""#, r#"\---8<--- a.md"#, "--8<--"] {
            assert!(may_include_a_file(line) && SNIPPET.is_match(line), "{line}");
        }
        for line in ["-8<-- a.md", "a --8<-- b", "8<--", "--8"] {
            assert!(!may_include_a_file(line), "{line}");
        }
    }

    #[test]
    fn triggers_across_the_windows_of_a_long_text_are_found() {
        let step = WINDOW - OVERLAP;
        for (needle, bit) in [("---", DASHES), ("  ", SPACES), ("\"\"", EMPTY_QUOTES), ("_", UNDERSCORE)] {
            for edge in [step, WINDOW, 2 * step, 3 * step + 1] {
                for at in edge.saturating_sub(3)..edge + 2 {
                    let mut text = "a".repeat(4 * WINDOW);
                    text.replace_range(at..at + needle.len(), needle);
                    assert_eq!(triggers(&text), bit, "{needle:?} at {at}");
                }
            }
        }
        assert_eq!(triggers(&"a".repeat(3 * WINDOW)), 0);
    }
}
