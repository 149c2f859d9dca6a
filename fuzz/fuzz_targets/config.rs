#![no_main]
//! `lockstep.toml`: any text parses to a configuration or an error, never a panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = lockstep::site::config::Config::parse(text);
});
