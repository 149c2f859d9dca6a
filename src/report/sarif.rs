//! Placeholder.
use crate::check::SiteReport;

pub fn write(_report: &SiteReport, _out: &mut Vec<u8>) {}
