#![no_main]
//! Bytes → decoded text → segments: never a panic, and the segments' invariants hold.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = lockstep::load::decode(data) {
        let page = lockstep::parse::parse(&text);
        lockstep_fuzz::assert_page(&page, &text);
    }
});
