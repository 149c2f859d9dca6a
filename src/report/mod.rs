//! Reporters: they render what the library computed and decide nothing. One file per format;
//! each writes into a `Vec<u8>` and the caller decides where it goes.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod progress;
pub mod sarif;
