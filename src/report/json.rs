//! JSON output: the alignment of SPEC §3.1, with a schema version. Owns the JSON writer every
//! JSON document of lockstep's goes through (SARIF included).

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::parse::Page;

/// Version of the JSON documents lockstep writes; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    schema_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// Writes `value` as pretty JSON with `schema_version` first.
pub fn write<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    pretty(&Versioned { schema_version: SCHEMA_VERSION, body: value }, out);
}

/// Writes `value` as pretty JSON and a line feed. Strings hold text from pages as it is, but
/// the characters [`crate::shown`] hides are written as `\uXXXX` escapes (and so is the second
/// `#` of a CI log command, `##[` or `##vso[`): a parser reads back exactly the same string,
/// while the document itself, printed to a terminal or a CI log or opened in a viewer, holds
/// no raw escape sequence, C1 control, bidirectional control or log command.
pub fn pretty<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer).expect("serialising to memory cannot fail");
    out.push(b'\n');
}

/// serde_json's pretty formatter, with the hidden characters of strings escaped (serde_json
/// escapes C0 controls itself; DEL, C1 controls and the rest are left to this).
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        let escaped =
            |i: usize, c: char| crate::shown::is_hidden(c) || (c == '#' && crate::shown::log_command_at(fragment, i));
        for (i, c) in crate::shown::candidates(fragment).filter(|(i, c)| escaped(*i, *c)) {
            writer.write_all(&fragment.as_bytes()[start..i])?;
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the pretty formatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[derive(Serialize)]
pub struct SegmentView<'a> {
    kind: crate::parse::Kind,
    lines: [u32; 2],
    container: &'a [String],
    text: &'a str,
    /// The sentences of the text (of its analysed part, the first 64 KiB).
    sentences: Vec<&'a str>,
    skeleton: crate::parse::Skeleton<'a>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    verbatim: bool,
}

#[derive(Serialize)]
pub struct SegmentsView<'a> {
    line_count: u32,
    segments: Vec<SegmentView<'a>>,
}

pub fn segments(page: &Page) -> SegmentsView<'_> {
    SegmentsView {
        line_count: page.line_count,
        segments: page
            .segments
            .iter()
            .map(|s| SegmentView {
                kind: s.kind,
                lines: s.lines,
                container: &s.container,
                text: s.text(),
                sentences: s.sentence_texts().collect(),
                skeleton: s.skeleton(),
                verbatim: s.verbatim,
            })
            .collect(),
    }
}

/// What `status --format json` shows: the locales, and the pages when asked.
#[derive(Serialize)]
pub struct StatusView<'a> {
    root: &'a str,
    source_locale: &'a str,
    locales: &'a [crate::check::LocaleReport],
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<&'a [crate::check::PageReport]>,
    orphans: &'a [crate::check::Problem],
    errors: &'a [crate::check::Problem],
}

pub fn status(r: &crate::check::SiteReport, pages: bool) -> StatusView<'_> {
    StatusView {
        root: &r.root,
        source_locale: &r.source_locale,
        locales: &r.locales,
        pages: pages.then_some(r.pages.as_slice()),
        orphans: &r.orphans,
        errors: &r.errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_escaped_and_read_back_the_same() {
        let nasty =
            "a\u{1b}[31mb\u{7f}c\u{9b}d\u{202E}e\u{2066}f\u{2028}g\u{200B}h \"q\" \\ \n\t שלום 😀 ##[error]x ## y";
        let mut out = Vec::new();
        pretty(&serde_json::json!({ nasty: [nasty] }), &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| crate::shown::is_hidden(c) && c != '\n'), "{text}");
        assert!(text.contains("#\\u0023[error]x ## y"), "{text}");
        for escape in ["\\u001b", "\\u007f", "\\u009b", "\\u202e", "\\u2066", "\\u2028", "\\u200b"] {
            assert!(text.contains(escape), "{escape} in {text}");
        }
        assert!(text.contains("שלום 😀"), "other characters stay as they are: {text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back[nasty][0], nasty);
        // The layout is serde_json's own pretty layout.
        let plain = serde_json::to_string_pretty(&serde_json::json!({"a": [1, {"b": []}], "c": {}})).unwrap();
        let mut ours = Vec::new();
        pretty(&serde_json::json!({"a": [1, {"b": []}], "c": {}}), &mut ours);
        assert_eq!(String::from_utf8(ours).unwrap(), plain + "\n");
    }
}
