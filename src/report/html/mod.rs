//! `lockstep report`: a site's [`SiteReport`] as a self-contained static HTML site (index,
//! one page per locale, one side-by-side page per translated page, the rules' documentation),
//! SVG badges with shields.io endpoint files, and `report.json`. Pure: [`render`] returns the
//! files and their bytes; the command line writes them.
//!
//! Markup goes through maud, which escapes every value it is given; nothing in this module
//! builds HTML by concatenating strings. The only pre-escaped markup is the rules'
//! documentation, rendered by pulldown-cmark with raw HTML turned into text (`rules.rs`).

mod badge;
mod index;
mod locale;
mod page;
mod rules;

use std::collections::HashMap;

use maud::{html, Markup, PreEscaped, Render, DOCTYPE};
use rayon::prelude::*;

use crate::check::{Counts, Finding, LocaleReport, PageReport, Problem, SiteReport, Tally};
use crate::classify::{BaseKind, Status};
use crate::ui::{arg, Messages};

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

/// What the report is rendered with besides the site's report.
pub struct Options {
    /// The report's own language (BCP 47), for `lang` and the direction of the page.
    pub lang: String,
    /// Edit links: a URL with `{path}`, a file path relative to the site root.
    pub edit_url: Option<String>,
}

/// One file of the report: its path inside the output folder (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Renders the whole report. The files come in a fixed order and hold nothing that depends on
/// the time or the machine, so the same report gives the same bytes.
pub fn render(report: &SiteReport, options: &Options) -> Vec<File> {
    let messages = Messages::new(Some(&options.lang));
    let ui = Ui::new(&messages, &options.lang);
    let site = Site::new(report, options);
    let mut files = vec![
        File { path: "assets/report.css".into(), bytes: CSS.as_bytes().to_vec() },
        File { path: "assets/report.js".into(), bytes: JS.as_bytes().to_vec() },
        File { path: "index.html".into(), bytes: index::render(&site, &ui).into_bytes() },
        File { path: "rules.html".into(), bytes: rules::render(&ui).into_bytes() },
    ];
    let mut json = Vec::new();
    crate::report::json::write(&crate::report::json::status(report, true), &mut json);
    files.push(File { path: "report.json".into(), bytes: json });
    for l in &report.locales {
        files.push(File { path: locale_path(&l.locale), bytes: locale::render(&site, &ui, l).into_bytes() });
        let (svg, endpoint) = badge::render(&ui, l);
        files.push(File { path: format!("badges/{}.svg", l.locale), bytes: svg.into_bytes() });
        files.push(File { path: format!("badges/{}.json", l.locale), bytes: endpoint.into_bytes() });
    }
    // Fluent bundles are not shared between threads: each worker formats with its own.
    let pages: Vec<Vec<File>> = site
        .pages
        .par_iter()
        .map_init(|| Messages::new(Some(&options.lang)), |m, p| page::render(&site, &Ui::new(m, &options.lang), p))
        .collect();
    files.extend(pages.into_iter().flatten());
    files
}

/// The report and what its pages look up in it.
pub(crate) struct Site<'a> {
    pub report: &'a SiteReport,
    /// Pages with a translation file, in report order.
    pub pages: Vec<&'a PageReport>,
    /// Findings of the markup and script rules (and suspicions), by locale and file.
    findings: HashMap<&'a str, HashMap<&'a str, Vec<&'a Finding>>>,
    pub edit_url: Option<&'a str>,
}

impl<'a> Site<'a> {
    fn new(report: &'a SiteReport, options: &'a Options) -> Self {
        let mut findings: HashMap<&str, HashMap<&str, Vec<&Finding>>> = HashMap::new();
        for f in &report.findings {
            // Coverage findings repeat a row's status; the rows show them already.
            let status_rule =
                crate::rules::rule(f.rule).is_some_and(|r| matches!(r.check, crate::rules::Check::Status(_)));
            if !status_rule {
                findings.entry(f.locale.as_str()).or_default().entry(f.file.as_str()).or_default().push(f);
            }
        }
        Site {
            report,
            pages: report.pages.iter().filter(|p| p.alignment.is_some()).collect(),
            findings,
            edit_url: options.edit_url.as_deref(),
        }
    }

    /// The findings of the markup and script rules in `file` of `locale`.
    pub fn findings(&self, locale: &str, file: &str) -> &[&'a Finding] {
        self.findings.get(locale).and_then(|files| files.get(file)).map_or(&[], Vec::as_slice)
    }

    pub fn locale(&self, tag: &str) -> Option<&'a LocaleReport> {
        self.report.locales.iter().find(|l| l.locale == tag)
    }

    /// Files of `locale` that could not be read (a source page counts for every locale).
    pub fn errors<'b>(&'b self, locale: &'b str) -> impl Iterator<Item = &'a Problem> + 'b {
        self.report.errors.iter().filter(move |p| p.locale.as_deref().is_none_or(|l| l == locale))
    }

    /// A file's path relative to the site root (the report names files as reached from where
    /// lockstep ran, which starts with the root).
    pub fn relative<'b>(&self, file: &'b str) -> &'b str {
        let root = self.report.root.as_str();
        if root == "." {
            return file;
        }
        file.strip_prefix(root).and_then(|rest| rest.strip_prefix('/')).unwrap_or(file)
    }

    /// The edit link of a file, when the configuration names one.
    pub fn edit_link(&self, file: &str) -> Option<String> {
        self.edit_url.map(|pattern| pattern.replace("{path}", &encode_path(self.relative(file))))
    }
}

/// The report's own words, in its language.
pub(crate) struct Ui<'a> {
    messages: &'a Messages,
    pub lang: String,
    pub rtl: bool,
}

/// Private-use characters stand for element arguments while Fluent formats a message.
const MARK: u32 = 0xE000;

impl<'a> Ui<'a> {
    fn new(messages: &'a Messages, lang: &str) -> Self {
        let rtl = crate::script::LocaleFacts::new(lang).rtl;
        Ui { messages, lang: lang.to_owned(), rtl }
    }

    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.messages.text(id)
    }

    /// A message with text arguments.
    pub fn get(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
            args.iter().map(|(k, v)| (*k, arg(v.as_str()))).collect();
        self.messages.get(id, &args)
    }

    /// A message whose arguments are markup (names, numbers, file names in `<bdi>`): Fluent
    /// formats it with placeholders, which are then replaced by the escaped elements.
    pub fn rich(&self, id: &str, args: &[(&str, Markup)]) -> Markup {
        let marks: Vec<String> =
            (0..args.len()).map(|i| char::from_u32(MARK + i as u32).unwrap().to_string()).collect();
        let fluent: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
            args.iter().zip(&marks).map(|((k, _), m)| (*k, arg(m.as_str()))).collect();
        let text = self.messages.get(id, &fluent);
        html! {
            @for piece in split_marks(&text) {
                @match piece {
                    Piece::Text(t) => (t),
                    Piece::Arg(i) => @if let Some((_, m)) = args.get(i) { (m) },
                }
            }
        }
    }

    pub fn status(&self, s: Status) -> String {
        self.t(&format!("status-{}", s.as_str()))
    }
}

enum Piece<'a> {
    Text(&'a str),
    Arg(usize),
}

fn split_marks(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let n = c as u32;
        if (MARK..MARK + 32).contains(&n) {
            if start < i {
                out.push(Piece::Text(&text[start..i]));
            }
            out.push(Piece::Arg((n - MARK) as usize));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(Piece::Text(&text[start..]));
    }
    out
}

/// A value isolated from the text around it (a name, a path, a number in a right-to-left
/// sentence).
pub(crate) fn bdi(s: impl Render) -> Markup {
    html! { bdi { (s) } }
}

/// Text from a site (a page's text, a file or page name, a revision from a lock file):
/// escaped, with control, invisible and bidirectional control characters shown as visible
/// marks instead of acting on the text around them.
pub(crate) struct Shown<'a>(pub &'a str);

impl Render for Shown<'_> {
    fn render_to(&self, buffer: &mut String) {
        let mut start = 0;
        for (i, c) in self.0.char_indices() {
            if crate::shown::is_hidden(c) {
                self.0[start..i].render_to(buffer);
                let code = format!("U+{:04X}", c as u32);
                html! { span.inv title=(code) { (code) } }.render_to(buffer);
                start = i + c.len_utf8();
            }
        }
        self.0[start..].render_to(buffer);
    }
}

/// The page shell every HTML file shares: language and direction, title, style sheet, script,
/// the path back to the index, and a footer.
pub(crate) fn layout(ui: &Ui, depth: usize, title: &str, crumbs: &[(Markup, Option<String>)], body: Markup) -> String {
    let up = "../".repeat(depth);
    let doc = html! {
        (DOCTYPE)
        html lang=(ui.lang) dir=(ui.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="lockstep";
                title { (title) " · " (ui.t("report-name")) }
                link rel="stylesheet" href={ (up) "assets/report.css" };
                script src={ (up) "assets/report.js" } defer {}
            }
            body {
                header.top {
                    nav aria-label=(ui.t("report-nav")) {
                        ol.crumbs {
                            li { a href={ (up) "index.html" } { (ui.t("report-nav-overview")) } }
                            @for (label, href) in crumbs {
                                li {
                                    @if let Some(h) = href { a href={ (up) (h) } { (label) } } @else { span aria-current="page" { (label) } }
                                }
                            }
                            li.rules { a href={ (up) "rules.html" } { (ui.t("report-nav-rules")) } }
                        }
                    }
                }
                main { (body) }
                footer {
                    p { (ui.rich("report-footer", &[("version", bdi(env!("CARGO_PKG_VERSION")))])) }
                }
            }
        }
    };
    let mut s = doc.into_string();
    s.push('\n');
    s
}

/// Where a locale's page is, relative to the report's root.
pub(crate) fn locale_path(locale: &str) -> String {
    format!("{locale}.html")
}

/// Where a translated page's report is (its first part), relative to the report's root.
pub(crate) fn page_path(locale: &str, page: &str, part: usize) -> String {
    let stem = page.strip_suffix(".md").unwrap_or(page);
    if part <= 1 {
        format!("{locale}/{stem}.html")
    } else {
        format!("{locale}/{stem}.part{part}.html")
    }
}

/// How many folders down a report file is.
pub(crate) fn depth(path: &str) -> usize {
    path.matches('/').count()
}

/// A path for an `href`: every byte outside the unreserved set percent-encoded, `/` kept.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A percentage as the report shows it: one decimal, as the gates compare it.
pub(crate) fn percent(x: f64) -> String {
    format!("{:.1}%", crate::check::round1(x))
}

/// The statuses a bar shows, in its order.
pub(crate) const BAR: [Status; 5] =
    [Status::Translated, Status::Stale, Status::Partial, Status::Untranslated, Status::Missing];

/// Every status, in the order tables list them.
pub(crate) const STATUSES: [Status; 6] =
    [Status::Translated, Status::Stale, Status::Partial, Status::Untranslated, Status::Missing, Status::Obsolete];

pub(crate) fn count(t: &Tally, s: Status) -> usize {
    match s {
        Status::Translated => t.translated,
        Status::Untranslated => t.untranslated,
        Status::Partial => t.partial,
        Status::Stale => t.stale,
        Status::Missing => t.missing,
        Status::Obsolete => t.obsolete,
    }
}

/// A stacked bar of one tally (translated, stale, partial, untranslated, missing) as SVG, with
/// its figures in words for screen readers and in a tooltip.
pub(crate) fn bar(ui: &Ui, unit: &str, t: &Tally) -> Markup {
    let total = t.total();
    let label = ui.get(
        "report-bar-label",
        &[
            ("unit", unit.to_owned()),
            ("translated", t.translated.to_string()),
            ("stale", t.stale.to_string()),
            ("partial", t.partial.to_string()),
            ("untranslated", t.untranslated.to_string()),
            ("missing", t.missing.to_string()),
        ],
    );
    let mut x = 0.0;
    let parts: Vec<(Status, f64, f64)> = BAR
        .iter()
        .filter_map(|&s| {
            let n = count(t, s);
            if n == 0 || total == 0 {
                return None;
            }
            let w = 100.0 * n as f64 / total as f64;
            let part = (s, x, w);
            x += w;
            Some(part)
        })
        .collect();
    html! {
        div.barrow {
            span.unit aria-hidden="true" { (unit) }
            svg.bar role="img" aria-label=(label) viewBox="0 0 100 4" preserveAspectRatio="none" {
                title { (label) }
                @for (s, x, w) in parts {
                    rect class={ "s-" (s.as_str()) } x=(format!("{x:.3}")) y="0" width=(format!("{w:.3}")) height="4" {}
                }
            }
        }
    }
}

/// What the colours of the bars mean.
pub(crate) fn legend(ui: &Ui) -> Markup {
    html! {
        ul.legend { @for s in BAR { li { (status_tag(ui, s)) } } }
    }
}

/// A status as a row or a cell shows it: an icon and its name, in its colour.
pub(crate) fn status_tag(ui: &Ui, s: Status) -> Markup {
    html! { span class={ "tag s-" (s.as_str()) } { span.icon aria-hidden="true" { (icon(s)) } (ui.status(s)) } }
}

pub(crate) fn icon(s: Status) -> &'static str {
    match s {
        Status::Translated => "✓",
        Status::Stale => "↻",
        Status::Partial => "◐",
        Status::Untranslated => "✗",
        Status::Missing => "∅",
        Status::Obsolete => "⌫",
    }
}

/// A base as the locale and page reports name it: kind, revision, date.
pub(crate) fn base(ui: &Ui, b: &crate::classify::Base) -> Markup {
    let kind = match b.kind {
        BaseKind::File => ui.t("report-base-file"),
        BaseKind::Marker => ui.t("report-base-marker"),
        BaseKind::Git => ui.t("report-base-git"),
        BaseKind::None => ui.t("report-base-none"),
    };
    let revision = b.revision.as_deref().map(short_revision);
    html! {
        span.base {
            (kind)
            @if let Some(r) = revision {
                " " code title=[b.revision.as_deref().map(crate::shown::inline)] { (Shown(r)) }
            }
            @if let Some(d) = &b.date { " " time datetime=(d) { (d.get(..10).unwrap_or(d)) } }
        }
    }
}

/// A commit or content hash, shortened as git shortens commits.
pub(crate) fn short_revision(r: &str) -> &str {
    let hex = r.strip_prefix("sha256:").unwrap_or(r);
    if hex.len() > 12 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        &r[..r.len() - hex.len() + 12]
    } else {
        r
    }
}

/// The figures of a tally as table cells, in [`STATUSES`] order (obsolete optional).
pub(crate) fn count_cells(t: &Tally, obsolete: bool) -> Markup {
    html! {
        @for s in STATUSES {
            @if s != Status::Obsolete || obsolete {
                td.num data-key=(s.as_str()) { (count(t, s)) }
            }
        }
    }
}

/// The header cells matching [`count_cells`].
pub(crate) fn count_headers(ui: &Ui, obsolete: bool) -> Markup {
    html! {
        @for s in STATUSES {
            @if s != Status::Obsolete || obsolete {
                th scope="col" { (status_tag(ui, s)) }
            }
        }
    }
}

/// The note under the figures: verbatim blocks are left out of them.
pub(crate) fn counts_note(ui: &Ui, counts: &Counts) -> Markup {
    html! {
        p.note { (ui.rich("report-verbatim-excluded", &[("verbatim", bdi(counts.verbatim))])) }
    }
}

/// A sortable column header (the script turns it into a button; without it the order is the
/// one the report wrote).
pub(crate) fn sort_header(ui: &Ui, label: Markup, numeric: bool) -> Markup {
    html! {
        th scope="col" data-sort=(if numeric { "num" } else { "text" }) title=(ui.t("report-sort")) { (label) }
    }
}

/// A pre-escaped fragment made by a library that escapes (pulldown-cmark's HTML writer).
pub(crate) fn trusted(html: String) -> PreEscaped<String> {
    PreEscaped(html)
}

#[cfg(test)]
mod tests;
