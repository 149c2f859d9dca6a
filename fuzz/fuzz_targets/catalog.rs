#![no_main]
//! UI-string files in every format the catalogue reads: never a panic, and every entry and
//! malformed line is placed on a line of the file.

use libfuzzer_sys::fuzz_target;
use lockstep::catalog::ingest::{read, Format};

fuzz_target!(|data: (u8, &str)| {
    let (kind, text) = data;
    let format = [Format::Env, Format::Properties, Format::Json, Format::Ftl][kind as usize % 4];
    let strings = read(format, text);
    let lines = text.split('\n').count() as u32;
    for e in &strings.entries {
        assert!(e.line >= 1 && e.line <= lines, "entry {} on line {} of {lines}", e.key, e.line);
    }
    for m in &strings.malformed {
        assert!(m.line >= 1 && m.line <= lines, "malformed line {} of {lines}", m.line);
    }
});
