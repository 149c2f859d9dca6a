#![no_main]
//! Two structured pages (and sometimes a base) → alignment: every segment in exactly one pair.

use libfuzzer_sys::fuzz_target;
use lockstep_fuzz::{assert_alignment, render, Block};

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    source: Vec<Block>,
    translation: Vec<Block>,
    base: Option<Vec<Block>>,
    rtl: bool,
}

fuzz_target!(|input: Input| {
    let (source, translation) = (render(&input.source), render(&input.translation));
    let base = input.base.as_deref().map(render);
    let locale = if input.rtl { "he" } else { "de" };
    let a = lockstep::align_pages(&source, &translation, base.as_deref(), locale);
    let (s, t) = (lockstep::parse::parse(&source), lockstep::parse::parse(&translation));
    assert_alignment(&a, &s, &t);
});
