#![no_main]
//! Bytes → decoded text → segments: never a panic, the segments' invariants hold, and a page
//! read in small windows gives the segments of the page read whole.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = lockstep::load::decode(data) {
        let page = lockstep::parse::parse(&text);
        lockstep_fuzz::assert_page(&page, &text);
        let window = 1 + data.len() % 64;
        assert_eq!(lockstep::parse::parse_in_windows(&text, window), page, "windows of {window} bytes");
    }
});
