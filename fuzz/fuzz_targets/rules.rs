#![no_main]
//! An aligned pair of structured pages → findings: every finding lies inside its file and on a
//! line of a translated segment.

use libfuzzer_sys::fuzz_target;
use lockstep::check::Level;
use lockstep::parse::parse;
use lockstep::script::LocaleFacts;
use lockstep_fuzz::{render, Block};

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    english: Vec<Block>,
    translation: Vec<Block>,
    locale: u8,
    with_base: bool,
}

fuzz_target!(|input: Input| {
    let (english, translation) = (render(&input.english), render(&input.translation));
    let locale = ["he", "ar", "fa", "de", "zh-Hant", "ur"][input.locale as usize % 6];
    let facts = LocaleFacts::new(locale);
    let (src, tr) = (parse(&english), parse(&translation));
    let base = input.with_base.then_some(&src);
    let a = lockstep::classify::classify(&src, &tr, base, &facts);
    let findings = lockstep::rules::check_alignment(&a, &src, base, &tr, &translation, &facts, &|_| Level::Warning);
    for f in &findings {
        assert!(
            tr.segments.iter().any(|s| s.lines[0] <= f.line && f.line <= s.lines[1]),
            "finding {} at line {} outside every translated segment",
            f.rule,
            f.line
        );
        assert!(f.column >= 1);
        let raw_bidi = f.message.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
        assert!(!raw_bidi, "raw bidi control in a message of {}: {}", f.rule, lockstep::rules::visible(&f.message));
    }
});
