//! lockstep keeps translated Markdown documentation in step with its English source.
//!
//! The library follows the data flow: [`load`] reads files, [`parse`] turns a page into
//! segments, [`align`] pairs the segments of two pages, [`classify`] gives every pair its
//! statuses, and [`report`] renders the result; [`cli`] is the command line around them and
//! [`ui`] its messages. Only `load` and `cli` touch the file system.

pub mod align;
pub mod catalog;
pub mod check;
pub mod classify;
pub mod cli;
pub mod history;
pub mod load;
pub mod par;
pub mod parse;
pub mod report;
pub mod rules;
pub mod script;
pub mod shown;
pub mod site;
pub mod ui;

pub use classify::{AlignedPair, Alignment, Base, BaseKind, Status};

/// Aligns `translation` with `source` (and with `base`, the English text the translation
/// was made from, when known) and classifies every pair.
pub fn align_pages(source: &str, translation: &str, base: Option<&str>, locale: &str) -> Alignment {
    // Large pages are parsed side by side: that is half the wait.
    let large = source.len() + translation.len() >= par::LARGE_TEXT;
    let (src, (tr, base)) =
        par::join(large, || parse::parse(source), || (parse::parse(translation), base.map(parse::parse)));
    let alignment = classify::classify(&src, &tr, base.as_ref(), &script::LocaleFacts::new(locale));
    par::join(large, || drop(src), || drop((tr, base)));
    alignment
}
