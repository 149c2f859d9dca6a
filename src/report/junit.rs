//! JUnit XML, the dialect GitLab and Jenkins read: a test suite per locale, a test case per
//! page that fails with one `<failure>` per error or warning on it, and a test case per gate.
//! Owns the XML escaping: markup characters become references, and characters XML 1.0 cannot
//! hold (most C0 controls, U+FFFE, U+FFFF) as well as those [`crate::shown`] hides (escape
//! sequences, bidirectional controls, invisible characters) become visible `<U+XXXX>` marks,
//! since GitLab and Jenkins show these texts to people. No CDATA section is written, so a
//! `]]>` in a page is plain escaped text. Printed to a CI log, the document cannot hold a log
//! command either: a line of page text starting with `::` and a `##[` or `##vso[` anywhere
//! have a character written as a character reference, which reads back the same.

use std::collections::HashMap;
use std::fmt::Write;

use super::sarif::gate_message;
use crate::check::{Finding, Level, SiteReport};
use crate::ui::Messages;

/// One `<testcase>`; no failures means it passed.
struct Case {
    name: String,
    failures: Vec<Failure>,
}

struct Failure {
    kind: String,
    message: String,
    text: String,
}

struct Suite {
    name: String,
    cases: Vec<Case>,
}

impl Suite {
    fn failed(&self) -> usize {
        self.cases.iter().filter(|c| !c.failures.is_empty()).count()
    }
}

pub fn write(report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    let suites = suites(report, messages);
    let tests: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(Suite::failed).sum();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(xml, "<testsuites name=\"lockstep\" tests=\"{tests}\" failures=\"{failures}\">");
    for s in &suites {
        let name = attr(&s.name);
        let _ = writeln!(xml, "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\">", s.cases.len(), s.failed());
        for c in &s.cases {
            let case = attr(&c.name);
            if c.failures.is_empty() {
                let _ = writeln!(xml, "    <testcase classname=\"{name}\" name=\"{case}\"/>");
                continue;
            }
            let _ = writeln!(xml, "    <testcase classname=\"{name}\" name=\"{case}\">");
            for f in &c.failures {
                let (kind, message, text) = (attr(&f.kind), attr(&f.message), text(&f.text));
                let _ = writeln!(xml, "      <failure type=\"{kind}\" message=\"{message}\">{text}</failure>");
            }
            let _ = writeln!(xml, "    </testcase>");
        }
        let _ = writeln!(xml, "  </testsuite>");
    }
    xml.push_str("</testsuites>\n");
    out.extend_from_slice(xml.as_bytes());
}

/// A suite per locale (in the report's order), its pages then its gates. A finding on a file
/// that is no page of its locale still fails a case of its own, named after the file.
fn suites(report: &SiteReport, messages: &Messages) -> Vec<Suite> {
    // Failing findings by (locale, file), in report order: sites have thousands of pages.
    let mut by_file: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, f) in report.findings.iter().enumerate() {
        if matches!(f.level, Level::Error | Level::Warning) {
            by_file.entry((&f.locale, &f.file)).or_default().push(i);
        }
    }
    let mut suites: Vec<Suite> = Vec::new();
    let mut suite_of: HashMap<&str, usize> = HashMap::new();
    let locales = report.locales.iter().map(|l| &l.locale);
    for locale in locales.chain(report.pages.iter().map(|p| &p.locale)).chain(report.findings.iter().map(|f| &f.locale))
    {
        suite_of.entry(locale).or_insert_with(|| {
            suites.push(Suite { name: locale.clone(), cases: Vec::new() });
            suites.len() - 1
        });
    }
    let failures = |indices: &[usize]| indices.iter().map(|&i| failure(&report.findings[i])).collect();
    for p in &report.pages {
        // Most findings are in the translation; a missing block is reported in the source.
        let mut mine: Vec<usize> = [&p.translation, &p.source]
            .into_iter()
            .flat_map(|file| by_file.remove(&(p.locale.as_str(), file.as_str())).unwrap_or_default())
            .collect();
        mine.sort_unstable();
        suites[suite_of[p.locale.as_str()]].cases.push(Case { name: p.page.clone(), failures: failures(&mine) });
    }
    let mut rest: Vec<((&str, &str), Vec<usize>)> = by_file.into_iter().collect();
    rest.sort_unstable_by_key(|(_, indices)| indices[0]);
    for ((locale, file), indices) in rest {
        suites[suite_of[locale]].cases.push(Case { name: file.to_owned(), failures: failures(&indices) });
    }
    for l in &report.locales {
        for g in &l.gates {
            let failures = if g.passed {
                Vec::new()
            } else {
                let message = gate_message(&l.locale, &g.gate, g.limit, g.actual, messages);
                vec![Failure { kind: "gate".into(), text: message.clone(), message }]
            };
            suites[suite_of[l.locale.as_str()]].cases.push(Case { name: format!("gate {}", g.gate), failures });
        }
    }
    suites
}

/// The failure text: where and what, then the block as written in that file.
fn failure(f: &Finding) -> Failure {
    // The location is one line, whatever the file's name holds.
    let file = crate::shown::inline(&f.file);
    let mut text = format!("{file}:{}: {}: {}", f.line, f.level.as_str(), f.message);
    let block = if f.rule == "missing" {
        f.source_excerpt.as_deref()
    } else {
        f.translation_excerpt.as_deref().or(f.source_excerpt.as_deref())
    };
    if let Some(block) = block {
        text.push_str("\n\n");
        text.push_str(block);
    }
    Failure { kind: f.rule.to_owned(), message: f.message.clone(), text }
}

/// Escapes an attribute value. Tab, LF and CR become character references: a parser would
/// otherwise normalise them to spaces.
fn attr(s: &str) -> String {
    escape(s, true)
}

/// Escapes element text.
fn text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    // At the start of a line (blanks aside), where `::` would start a workflow command.
    let mut line_start = true;
    for (i, c) in s.char_indices() {
        let at_start = line_start;
        line_start = c == '\n' || (line_start && matches!(c, ' ' | '\t'));
        match c {
            ':' if at_start && s[i..].starts_with("::") => out.push_str("&#58;"),
            '#' if crate::shown::log_command_at(s, i) => out.push_str("&#35;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A bare CR would become LF when the document is read.
            '\r' => out.push_str("&#13;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c if crate::shown::is_hidden(c) || !allowed_in_xml(c) => {
                out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0 `Char`: no control characters but tab, LF and CR, and no U+FFFE or U+FFFF
/// (surrogates cannot occur in a Rust `char`).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::super::sarif::fixture;
    use super::*;

    fn junit(report: &SiteReport) -> String {
        let mut out = Vec::new();
        write(report, Messages::english(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escaping() {
        assert_eq!(attr(r#"a & b < c > d "e" 'f'"#), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
        assert_eq!(attr("1\t2\r\n3"), "1&#9;2&#13;&#10;3");
        assert_eq!(text("1\t2\r\n3"), "1\t2&#13;\n3");
        assert_eq!(
            text("bell\u{7}nul\u{0}esc\u{1b}del\u{7f}\u{fffe}\u{ffff}end"),
            "bell&lt;U+0007&gt;nul&lt;U+0000&gt;esc&lt;U+001B&gt;del&lt;U+007F&gt;&lt;U+FFFE&gt;&lt;U+FFFF&gt;end"
        );
        assert_eq!(
            text("שלום \u{202e}\u{200f}\u{9b}\u{1F600}"),
            "שלום &lt;U+202E&gt;&lt;U+200F&gt;&lt;U+009B&gt;\u{1F600}"
        );
        assert_eq!(text("]]> &amp;"), "]]&gt; &amp;amp;");
        assert_eq!(
            text("::error::x\n  ::warning::y a::b ##[error]z"),
            "&#58;:error::x\n  &#58;:warning::y a::b #&#35;[error]z"
        );
    }

    #[test]
    fn the_whole_output() {
        let expected = "\
<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<testsuites name=\"lockstep\" tests=\"6\" failures=\"4\">
  <testsuite name=\"he\" tests=\"3\" failures=\"3\">
    <testcase classname=\"he\" name=\"index.md\">
      <failure type=\"untranslated\" message=\"still in the source language (source line 3)\">i18n/he/index.md:3: warning: still in the source language (source line 3)

translation of untranslated</failure>
      <failure type=\"code-span-changed\" message=\"code span changed: `a,b` \u{2192} `a:b`&#13;&#10;now 100% different\">i18n/he/index.md:7: error: code span changed: `a,b` \u{2192} `a:b`&#13;
now 100% different

translation of code-span-changed</failure>
    </testcase>
    <testcase classname=\"he\" name=\"getting started.md\">
      <failure type=\"missing\" message=\"no he translation of this page (i18n/he/getting started.md)\">docs/getting started.md:1: warning: no he translation of this page (i18n/he/getting started.md)

source of missing</failure>
    </testcase>
    <testcase classname=\"he\" name=\"gate min-coverage\">
      <failure type=\"gate\" message=\"he: min-coverage 80 not met (actual 65.2)\">he: min-coverage 80 not met (actual 65.2)</failure>
    </testcase>
  </testsuite>
  <testsuite name=\"de\" tests=\"3\" failures=\"1\">
    <testcase classname=\"de\" name=\"index.md\"/>
    <testcase classname=\"de\" name=\"getting started.md\">
      <failure type=\"stale\" message=\"the source changed since this was translated (source line 2)\">i18n/de/getting started.md:2: warning: the source changed since this was translated (source line 2)

translation of stale</failure>
    </testcase>
    <testcase classname=\"de\" name=\"gate max-stale\"/>
  </testsuite>
</testsuites>
";
        assert_eq!(junit(&fixture::site()), expected);
    }

    #[test]
    fn counts_follow_failing_cases_not_failures() {
        let out = junit(&fixture::site());
        // he/index.md has two failures but is one failing test.
        assert_eq!(out.matches("<failure ").count(), 5);
        assert_eq!(out.matches("<testcase ").count(), 6);
        assert!(out.contains("<testsuites name=\"lockstep\" tests=\"6\" failures=\"4\">"));
        // The info-level finding (obsolete, de/index.md) fails nothing.
        assert!(out.contains("<testcase classname=\"de\" name=\"index.md\"/>"));
    }

    #[test]
    fn a_finding_on_no_page_is_not_lost() {
        let mut report = fixture::site();
        report.findings[0].file = "i18n/he/includes/abbr.md".into();
        report.findings.push(Finding { line: 8, ..report.findings[0].clone() });
        let out = junit(&report);
        assert!(out.contains("<testsuites name=\"lockstep\" tests=\"7\" failures=\"5\">"), "{out}");
        let case = "<testcase classname=\"he\" name=\"i18n/he/includes/abbr.md\">";
        assert_eq!(out.matches(case).count(), 1);
        assert!(out.contains("i18n/he/includes/abbr.md:3: warning:"));
        assert!(out.contains("i18n/he/includes/abbr.md:8: warning:"));
    }

    #[test]
    fn a_parser_reads_back_what_was_written() {
        let mut report = fixture::site();
        report.pages[0].page = "a&b <\"c\">\t'd'.md".into();
        let doc = parse(&junit(&report));
        assert_eq!(doc.name, "testsuites");
        assert_eq!(doc.attr("tests"), "6");
        let he = &doc.children[0];
        assert_eq!((he.name.as_str(), he.attr("name")), ("testsuite", "he"));
        let page = &he.children[0];
        assert_eq!(page.attr("name"), "a&b <\"c\">\t'd'.md");
        assert_eq!(page.attr("classname"), "he");
        let tricky = &page.children[1];
        assert_eq!(tricky.attr("type"), "code-span-changed");
        // CR, LF, `%`, `:` and `,` survive attribute-value normalisation.
        assert_eq!(tricky.attr("message"), fixture::TRICKY);
        assert_eq!(
            tricky.text,
            format!("i18n/he/index.md:7: error: {}\n\ntranslation of code-span-changed", fixture::TRICKY)
        );
        let counts: Vec<(&str, &str)> = doc.children.iter().map(|s| (s.attr("tests"), s.attr("failures"))).collect();
        assert_eq!(counts, [("3", "3"), ("3", "1")]);
    }

    #[test]
    fn characters_xml_cannot_hold_are_shown_as_marks() {
        let mut report = fixture::site();
        report.findings[1].message = "x\u{1}y\u{1b}[31mz\u{ffff}".into();
        let out = junit(&report);
        assert!(out.contains("message=\"x&lt;U+0001&gt;y&lt;U+001B&gt;[31mz&lt;U+FFFF&gt;\""), "{out}");
        assert!(!out.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')));
        let message = parse(&out).children[0].children[0].children[1].attr("message").to_owned();
        assert_eq!(message, "x<U+0001>y<U+001B>[31mz<U+FFFF>");
    }

    /// A minimal DOM read with a conforming parser, which rejects mismatched or unclosed tags.
    #[derive(Debug, Default)]
    struct Element {
        name: String,
        attrs: Vec<(String, String)>,
        text: String,
        children: Vec<Element>,
    }

    impl Element {
        fn attr(&self, key: &str) -> &str {
            self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no {key}"))
        }
    }

    fn parse(xml: &str) -> Element {
        use quick_xml::escape::resolve_predefined_entity;
        use quick_xml::events::{BytesStart, Event};
        use quick_xml::XmlVersion;

        fn element(e: &BytesStart) -> Element {
            let attrs = e
                .attributes()
                .map(|a| {
                    let a = a.expect("well-formed attribute");
                    let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                    (key, a.normalized_value(XmlVersion::Explicit1_0).expect("valid value").into_owned())
                })
                .collect();
            Element { name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(), attrs, ..Element::default() }
        }

        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack = vec![Element::default()];
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
                Event::End(_) => {
                    let done = stack.pop().unwrap();
                    stack.last_mut().expect("no stray end tag").children.push(done);
                }
                Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content().unwrap()),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => resolve_predefined_entity(&r.decode().unwrap()).expect("known entity").to_owned(),
                    };
                    stack.last_mut().unwrap().text.push_str(&resolved);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "every element is closed");
        let mut root = stack.pop().unwrap();
        assert_eq!(root.children.len(), 1, "one root element");
        root.children.pop().unwrap()
    }

    #[test]
    fn empty_report() {
        let report = SiteReport {
            root: String::new(),
            source_locale: "en".into(),
            locales: vec![],
            pages: vec![],
            findings: vec![],
            orphans: vec![],
            errors: vec![],
            notices: vec![],
            source_revision: None,
        };
        assert_eq!(
            junit(&report),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lockstep\" tests=\"0\" failures=\"0\">\n</testsuites>\n"
        );
    }
}
