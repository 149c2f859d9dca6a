//! JSON output: the alignment of SPEC §3.1, with a schema version.

use serde::Serialize;

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
    let doc = Versioned { schema_version: SCHEMA_VERSION, body: value };
    serde_json::to_writer_pretty(&mut *out, &doc).expect("serialising to memory cannot fail");
    out.push(b'\n');
}

#[derive(Serialize)]
pub struct SegmentView<'a> {
    kind: crate::parse::Kind,
    lines: [u32; 2],
    container: &'a [String],
    text: &'a str,
    skeleton: &'a [String],
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
                text: &s.text,
                skeleton: &s.skeleton,
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
