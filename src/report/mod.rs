//! Reporters: they render what the library computed and decide nothing. One file per format.

pub mod human;
pub mod json;
