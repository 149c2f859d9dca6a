//! Reporters: they render what the library computed and decide nothing. One file per format;
//! each writes into a `Vec<u8>` and the caller decides where it goes.

pub mod catalog;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod progress;
pub mod sarif;

use crate::check::SiteReport;
use crate::ui::Messages;

/// A format of `lockstep check`: renders a whole site's report, with the sentences of its own
/// (headings, gates, summaries) from `messages`.
pub trait Reporter: Sync {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>);
}

pub struct Human;
pub struct Json;
pub struct Sarif;
pub struct Github;
pub struct Markdown;
pub struct Junit;

impl Reporter for Human {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
        human::check(report, messages, out);
    }
}

impl Reporter for Json {
    fn write(&self, report: &SiteReport, _: &Messages, out: &mut Vec<u8>) {
        json::write(report, out);
    }
}

impl Reporter for Sarif {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
        sarif::write(report, messages, out);
    }
}

impl Reporter for Github {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
        github::write(report, messages, out);
    }
}

impl Reporter for Markdown {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
        markdown::check(report, messages, out);
    }
}

impl Reporter for Junit {
    fn write(&self, report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
        junit::write(report, messages, out);
    }
}
