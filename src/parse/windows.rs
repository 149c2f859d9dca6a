//! Reads a large page with pulldown-cmark a window at a time. The parser builds the block tree
//! of all the text it is given before it yields an event, some 20 bytes of tree per byte of a
//! page of short blocks: a page of a million one-line blocks would hold hundreds of megabytes of
//! tree while its segments are made. Read in windows, it holds one window's tree at a time.
//!
//! A window is cut where a block of the page's top level starts, or an item of a list at the
//! top level: there, nothing before the cut depends on the text after it. Block structure is
//! decided line by line, looking one line ahead (a setext underline, a table's delimiter row),
//! so the events of a window are final up to the start of its last such block, which the next
//! window reads again from its first line. What CommonMark resolves across a whole page —
//! reference and footnote definitions, abbreviations — rules windows out: a page that holds
//! `]:` anywhere is read whole.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

/// The bytes a window reads at least; a page of at most twice this is read whole.
pub(super) const WINDOW: usize = 1 << 18;

/// Calls `f` with every event of `text` and its byte range in `text`, in order, reading windows
/// of at least `window` bytes: the events pulldown-cmark yields for the whole text, except where
/// a list is cut in two (a second start of the list, its first end never handed on, and either
/// part may be tight where the whole is loose), which changes no segment.
pub(super) fn for_each_event<'a>(text: &'a str, window: usize, mut f: impl FnMut(Event<'a>, Range<usize>)) {
    if text.len() <= window.saturating_mul(2) || memchr::memmem::find(text.as_bytes(), b"]:").is_some() {
        for (event, range) in Parser::new_ext(text, super::options()).into_offset_iter() {
            f(event, range);
        }
        return;
    }
    // At least a byte, so that doubling grows it.
    let window = window.max(1);
    let mut start = 0;
    let mut size = window;
    while start < text.len() {
        let end = line_end(text, start.saturating_add(size));
        let at = |range: Range<usize>| range.start + start..range.end + start;
        let events = Parser::new_ext(&text[start..end], super::options()).into_offset_iter();
        if end == text.len() {
            events.for_each(|(event, range)| f(event, at(range)));
            return;
        }
        // The events since the last cut, handed on when the next cut shows them final.
        let mut held = Vec::new();
        let mut cut = None;
        let mut depth = 0usize;
        let mut list_at_top = false;
        for (event, range) in events {
            let starts_block = match &event {
                Event::Start(Tag::Item) => depth == 1 && list_at_top,
                Event::Start(_) | Event::Rule => depth == 0,
                _ => false,
            };
            if starts_block && range.start > 0 {
                let line = line_start(&text[start..], range.start);
                if line > 0 {
                    held.drain(..).for_each(|(event, range)| f(event, at(range)));
                    cut = Some(line);
                }
            }
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        list_at_top = matches!(tag, Tag::List(_));
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            held.push((event, range));
        }
        match cut {
            Some(line) => {
                start += line;
                size = window;
            }
            // One block fills the window: a larger one reads it to its end.
            None => size = size.saturating_mul(2),
        }
    }
}

/// The offset just past the line end at or after `at` (or the text's end).
fn line_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1)
}

/// The offset of the start of the line that holds `at`.
fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}
