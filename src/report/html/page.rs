//! One report per translated page: the English on one side, the translation on the other,
//! aligned block by block in the rows of a table. Each row is marked by its statuses (colour,
//! icon and name), stale rows show the old → new English word diff, findings of the rules are
//! annotated on their row, and every translation cell carries the locale's `lang` and `dir`.
//! A page whose report would pass [`PART_BYTES`] is split into parts.

use maud::{html, Markup, Render};

use super::{bar, bdi, layout, page_path, File, Shown, Site, Ui};
use crate::check::{Finding, PageReport};
use crate::classify::{AlignedPair, DiffOp, Status};

/// The rows of one HTML file stay under this many bytes (files stay under 1 MB).
const PART_BYTES: usize = 700_000;

/// A cell shows at most this many bytes of a block (a 50 MB one-line page must not make a
/// 50 MB report).
const CELL_BYTES: usize = 100_000;

pub(super) fn render(site: &Site, ui: &Ui, p: &PageReport) -> Vec<File> {
    let Some(alignment) = &p.alignment else { return Vec::new() };
    let locale = site.locale(&p.locale);
    let dir = locale.map_or("ltr", |l| l.direction);
    let source_lang = site.report.source_locale.as_str();
    let source_dir = if crate::script::LocaleFacts::new(source_lang).rtl { "rtl" } else { "ltr" };
    let translation_findings = site.findings(&p.locale, &p.translation);
    let source_findings = site.findings(&p.locale, &p.source);
    let mut placed = vec![false; translation_findings.len()];
    let depth = super::depth(&page_path(&p.locale, &p.page, 1));
    let cells = Cells {
        ui,
        labels: [
            Status::Translated,
            Status::Untranslated,
            Status::Partial,
            Status::Stale,
            Status::Missing,
            Status::Obsolete,
        ]
        .iter()
        .map(|s| ui.status(*s))
        .collect(),
        verbatim: ui.t("verbatim"),
        diff: [ui.t("report-diff"), ui.t("report-diff-deleted"), ui.t("report-diff-inserted")],
        source_lang,
        source_dir,
        lang: &p.locale,
        dir,
        depth,
    };

    let rows: Vec<String> = alignment
        .pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let mut mine: Vec<&Finding> = Vec::new();
            if let Some([a, b]) = pair.translation_lines {
                for (k, f) in translation_findings.iter().enumerate() {
                    if (a..=b).contains(&f.line) {
                        placed[k] = true;
                        mine.push(f);
                    }
                }
            } else if let Some([a, b]) = pair.source_lines {
                mine.extend(source_findings.iter().filter(|f| (a..=b).contains(&f.line)));
            }
            row(&cells, i, pair, &mine).into_string()
        })
        .collect();
    let unplaced: Vec<&Finding> =
        translation_findings.iter().zip(&placed).filter(|(_, placed)| !**placed).map(|(f, _)| *f).collect();

    // Rows in parts that stay under the size limit.
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    let mut size = 0;
    for r in &rows {
        if size + r.len() > PART_BYTES && !parts.last().is_some_and(Vec::is_empty) {
            parts.push(Vec::new());
            size = 0;
        }
        size += r.len();
        parts.last_mut().expect("one part at least").push(r);
    }
    let count = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(k, rows)| {
            let part = k + 1;
            let path = page_path(&p.locale, &p.page, part);
            let body = html! {
                h1 { (ui.rich("report-page-heading", &[("page", bdi(Shown(&p.page))), ("locale", bdi(&p.locale))])) }
                (header(site, ui, p))
                section aria-labelledby="pairs" {
                    h2 #pairs { (ui.t("report-pairs-caption")) }
                    @if !unplaced.is_empty() && part == 1 {
                        ul.findings lang="en" dir="ltr" { @for f in &unplaced { (finding(&cells, f)) } }
                    }
                    p.filters {
                        label { input #needs-work type="checkbox"; " " (ui.t("report-filter-needs-work")) }
                    }
                    @if count > 1 { (part_nav(ui, p, part, count)) }
                    table.pairs aria-labelledby="pairs" {
                        @if count > 1 {
                            caption { (ui.rich("report-part", &[("part", bdi(part)), ("parts", bdi(count))])) }
                        }
                        thead { tr {
                            th scope="col" { (ui.t("report-col-status")) }
                            th scope="col" { (ui.t("report-col-line")) }
                            th scope="col" { (ui.t("report-col-source")) }
                            th scope="col" { (ui.t("report-col-line")) }
                            th scope="col" { (ui.rich("report-col-translation", &[("locale", bdi(&p.locale))])) }
                        } }
                        tbody {
                            @for r in rows { (maud::PreEscaped(*r)) }
                        }
                    }
                    @if count > 1 { (part_nav(ui, p, part, count)) }
                }
            };
            let page = crate::shown::inline(&p.page).into_owned();
            let title = ui.get("report-page-heading", &[("page", page), ("locale", p.locale.clone())]);
            let crumbs = [
                (bdi(&p.locale), Some(super::encode_path(&super::locale_path(&p.locale)))),
                (bdi(Shown(&p.page)), None),
            ];
            File { bytes: layout(ui, super::depth(&path), &title, &crumbs, body).into_bytes(), path }
        })
        .collect()
}

/// What every row needs: languages and directions of the two text columns, and words of the
/// interface formatted once.
struct Cells<'a> {
    ui: &'a Ui<'a>,
    /// Status names, by `Status as usize`.
    labels: Vec<String>,
    verbatim: String,
    /// The diff's label, and the words read out for removed and added text.
    diff: [String; 3],
    source_lang: &'a str,
    source_dir: &'a str,
    lang: &'a str,
    dir: &'a str,
    /// How many folders below the report's root the page's files are.
    depth: usize,
}

fn header(site: &Site, ui: &Ui, p: &PageReport) -> Markup {
    html! {
        p.files {
            (ui.rich("report-page-files", &[
                ("source", html! { code { bdi { (Shown(&p.source)) } } }),
                ("translation", html! { code { bdi { (Shown(&p.translation)) } } }),
            ]))
        }
        p.base {
            @if p.base.kind == crate::classify::BaseKind::None {
                (ui.t("report-page-base-unknown"))
            } @else {
                (ui.rich("report-page-base", &[("base", super::base(ui, &p.base))]))
            }
        }
        @if let Some(href) = site.edit_link(&p.translation) {
            p.edit { a href=(href) rel="noopener" { (ui.t("report-edit")) } }
        }
        div.progress {
            (bar(ui, &ui.t("report-bar-words"), &p.counts.words))
            (bar(ui, &ui.t("report-bar-segments"), &p.counts.segments))
        }
        (super::legend(ui))
    }
}

fn part_nav(ui: &Ui, p: &PageReport, part: usize, count: usize) -> Markup {
    // Parts are siblings: link by file name.
    let name = |k: usize| {
        let path = page_path(&p.locale, &p.page, k);
        super::encode_path(path.rsplit('/').next().unwrap_or(&path))
    };
    html! {
        nav.parts aria-label=(ui.rich("report-part", &[("part", bdi(part)), ("parts", bdi(count))]).into_string()) {
            @if part > 1 { a rel="prev" href=(name(part - 1)) { (ui.t("report-part-previous")) } " " }
            @for k in 1..=count {
                @if k == part { span aria-current="page" { (k) } } @else { a href=(name(k)) { (k) } }
                " "
            }
            @if part < count { a rel="next" href=(name(part + 1)) { (ui.t("report-part-next")) } }
        }
    }
}

/// The status whose colour a row takes: the one that asks most of a translator.
fn primary(pair: &AlignedPair) -> Status {
    [Status::Missing, Status::Obsolete, Status::Untranslated, Status::Partial, Status::Stale]
        .into_iter()
        .find(|s| pair.has(*s))
        .unwrap_or(Status::Translated)
}

/// Whether a translator has something to do on this row.
fn needs_work(pair: &AlignedPair) -> bool {
    pair.has(Status::Obsolete)
        || (!pair.verbatim
            && [Status::Untranslated, Status::Partial, Status::Stale, Status::Missing].iter().any(|s| pair.has(*s)))
}

fn row(c: &Cells, index: usize, pair: &AlignedPair, findings: &[&Finding]) -> Markup {
    let lines = |r: Option<[u32; 2]>| match r {
        None => String::new(),
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}–{b}"),
    };
    // Short markup: a site has tens of thousands of rows. The row's class gives its colour and
    // icon, `w` marks rows that need work (the filter), `v` verbatim rows; the columns are
    // styled by position.
    let mut class = format!("s-{}", primary(pair).as_str());
    if needs_work(pair) {
        class.push_str(" w");
    }
    if pair.verbatim {
        class.push_str(" v");
    }
    let label: Vec<&str> = pair.status.iter().map(|s| c.labels[*s as usize].as_str()).collect();
    html! {
        tr id={ "r" (index + 1) } class=(class) {
            td.st {
                (label.join(" + "))
                @if pair.verbatim { small { (c.verbatim) } }
            }
            td { (lines(pair.source_lines)) }
            td lang=(c.source_lang) dir=(c.source_dir) {
                @if let Some(t) = &pair.source_text { (Shown(&capped(t))) }
                @if let Some(diff) = pair.diff() { (word_diff(c, diff)) }
            }
            td { (lines(pair.translation_lines)) }
            td lang=(c.lang) dir=(c.dir) {
                @if let Some(t) = &pair.translation_text { (Lines { text: &capped(t), rtl: c.dir == "rtl" }) }
                @if !findings.is_empty() {
                    ul.findings lang="en" dir="ltr" { @for f in findings { (finding(c, f)) } }
                }
            }
        }
    }
}

/// The old → new English, word by word.
fn word_diff(c: &Cells, diff: &[DiffOp]) -> Markup {
    html! {
        div.diff {
            span.label { (c.diff[0]) }
            @for DiffOp(tag, text) in diff {
                @match *tag {
                    "delete" => del { span.sr { (c.diff[1]) " " } (Shown(text)) },
                    "insert" => ins { span.sr { (c.diff[2]) " " } (Shown(text)) },
                    _ => span { (Shown(text)) },
                }
            }
        }
    }
}

fn finding(c: &Cells, f: &Finding) -> Markup {
    let doc = crate::rules::rule(f.rule).map(|r| format!("{}rules.html#{}", "../".repeat(c.depth), r.id));
    html! {
        li class={ "finding lv-" (f.level.as_str()) } {
            span.level { (f.level.as_str()) } " "
            @if let Some(href) = doc { a href=(href) { code { (f.rule) } } } @else { code { (f.rule) } }
            " "
            span.where { "(" (c.ui.get("report-finding-line", &[("line", f.line.to_string()), ("column", f.column.to_string())])) ")" }
            " "
            span.message { (Shown(&f.message)) }
        }
    }
}

/// A translated block's text. In a right-to-left cell, a line without a single right-to-left
/// letter (English left untranslated, a URL, markup) is isolated left to right, so that its
/// punctuation and brackets stay where they are written; lines in the locale's script keep the
/// cell's direction.
pub(super) struct Lines<'a> {
    pub text: &'a str,
    pub rtl: bool,
}

impl Render for Lines<'_> {
    fn render_to(&self, buffer: &mut String) {
        if !self.rtl {
            return Shown(self.text).render_to(buffer);
        }
        for (i, line) in self.text.split('\n').enumerate() {
            if i > 0 {
                buffer.push('\n');
            }
            if line.chars().any(is_rtl_letter) || !line.chars().any(char::is_alphanumeric) {
                Shown(line).render_to(buffer);
            } else {
                html! { span dir="ltr" { (Shown(line)) } }.render_to(buffer);
            }
        }
    }
}

/// A letter of a right-to-left script (bidirectional class R or AL): Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, Samaritan, Mandaic and their presentation forms.
fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
        && c.is_alphabetic()
}

/// A block's text, cut at [`CELL_BYTES`] (on a character boundary) with an ellipsis.
fn capped(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= CELL_BYTES {
        return text.into();
    }
    let mut end = CELL_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end]).into()
}
