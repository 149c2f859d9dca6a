//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! orphan and failed gate, which the runner turns into annotations on the pull request's
//! lines. Owns the escaping of the workflow-command format: a command is one line, so a line
//! break from a page cannot start a command of its own, and a `:` or `,` in a file name cannot
//! end a property. The runner's log shows the rest as it is (and colours escape sequences), so
//! control, bidirectional and invisible characters are shown as `<U+XXXX>` marks, as in the
//! human format.

use std::io::Write;

use super::sarif::gate_message;
use crate::check::{Level, SiteReport};
use crate::ui::Messages;

pub fn write(report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    for f in &report.findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
            Level::Off => continue,
        };
        let title = format!("{} ({})", f.rule, f.locale);
        let props = [
            ("file", f.file.clone()),
            ("line", f.line.to_string()),
            ("endLine", f.end_line.max(f.line).to_string()),
            ("col", f.column.to_string()),
            ("title", title),
        ];
        line(out, command, &props, &f.message);
    }
    for o in &report.orphans {
        line(out, "warning", &[("file", o.file.clone()), ("title", messages.text("github-title-orphan"))], &o.message);
    }
    for e in &report.errors {
        line(out, "error", &[("file", e.file.clone()), ("title", messages.text("github-title-error"))], &e.message);
    }
    for l in &report.locales {
        for g in l.gates.iter().filter(|g| !g.passed) {
            let message = gate_message(&l.locale, &g.gate, g.limit, g.actual, messages);
            line(out, "error", &[("title", messages.text("github-title-gate"))], &message);
        }
    }
}

fn line(out: &mut Vec<u8>, command: &str, props: &[(&str, String)], message: &str) {
    let props: Vec<String> = props.iter().map(|(k, v)| format!("{k}={}", escape_property(v))).collect();
    let _ = writeln!(out, "::{command} {}::{}", props.join(","), escape_data(message));
}

/// The message of a command: a line break would end the command early.
fn escape_data(s: &str) -> String {
    escape(s, false)
}

/// A property value: `:` would end the properties and `,` start the next one.
fn escape_property(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if crate::shown::is_hidden(c) => out.push_str(&crate::shown::mark(c)),
            '#' if crate::shown::log_command_at(s, i) => out.push_str(&crate::shown::mark(c)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::sarif::fixture;
    use super::*;
    use crate::check::Problem;

    fn github(report: &SiteReport) -> String {
        let mut out = Vec::new();
        write(report, Messages::english(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(escape_property("a%b\r\nc: d, e"), "a%25b%0D%0Ac%3A d%2C e");
        assert_eq!(escape_data("%0A"), "%250A", "an escape already in the text stays literal");
        assert_eq!(escape_property("שלום עולם.md"), "שלום עולם.md");
        assert_eq!(
            escape_data("a\u{1b}[31mb\u{202E}c\u{85}d\u{2028}e\tf"),
            "a<U+001B>[31mb<U+202E>c<U+0085>d<U+2028>e\tf"
        );
        assert_eq!(escape_property("x::error file=y,z::w.md"), "x%3A%3Aerror file=y%2Cz%3A%3Aw.md");
        assert_eq!(escape_data("a ##[stop-commands]b"), "a #<U+0023>[stop-commands]b");
    }

    #[test]
    fn the_whole_output() {
        let expected = "\
::warning file=i18n/he/index.md,line=3,endLine=4,col=1,title=untranslated (he)::still in the source language (source line 3)
::error file=i18n/he/index.md,line=7,endLine=7,col=5,title=code-span-changed (he)::code span changed: `a,b` \u{2192} `a:b`%0D%0Anow 100%25 different
::warning file=docs/getting started.md,line=1,endLine=1,col=1,title=missing (he)::no he translation of this page (i18n/he/getting started.md)
::notice file=i18n/de/index.md,line=9,endLine=10,col=1,title=obsolete (de)::the source no longer has this block
::warning file=i18n/de/getting started.md,line=2,endLine=3,col=1,title=stale (de)::the source changed since this was translated (source line 2)
::warning file=i18n/de/old page.md,title=orphan::de translation with no source page
::error title=lockstep gate::he: min-coverage 80 not met (actual 65.2)
";
        assert_eq!(github(&fixture::site()), expected);
    }

    #[test]
    fn properties_are_escaped() {
        let mut report = fixture::site();
        report.findings.truncate(1);
        report.findings[0].file = "i18n/he/a,b:c%.md".into();
        report.findings[0].rule = "x\ny";
        report.orphans.clear();
        report.locales.clear();
        assert_eq!(
            github(&report),
            "::warning file=i18n/he/a%2Cb%3Ac%25.md,line=3,endLine=4,col=1,title=x%0Ay (he)::still in the source language (source line 3)\n"
        );
    }

    #[test]
    fn every_command_is_one_line() {
        let mut report = fixture::site();
        report.errors.push(Problem { file: "i18n/he/bad.md".into(), message: "invalid\nUTF-8".into(), locale: None });
        let out = github(&report);
        assert_eq!(out.lines().count(), 8);
        assert!(out
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")));
        assert!(out.contains("::error file=i18n/he/bad.md,title=lockstep error::invalid%0AUTF-8\n"));
    }

    #[test]
    fn findings_configured_off_and_passing_gates_are_silent() {
        let mut report = fixture::site();
        for f in &mut report.findings {
            f.level = Level::Off;
        }
        report.orphans.clear();
        report.locales.retain(|l| l.passed());
        assert_eq!(github(&report), "");
    }
}
