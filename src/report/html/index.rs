//! `index.html`: every locale with its progress (source words and segments), its gate, the
//! figures per status, a section × locale heatmap of coverage, the source revision, and the
//! files that could not be read.

use std::collections::BTreeMap;

use maud::{html, Markup};

use super::{bar, bdi, count_cells, count_headers, counts_note, layout, locale_path, percent, Site, Ui};
use crate::check::{Counts, LocaleReport};

pub(super) fn render(site: &Site, ui: &Ui) -> String {
    let r = site.report;
    let mut all = Counts::default();
    for l in &r.locales {
        all.add(&l.counts);
    }
    let body = html! {
        h1 { (ui.t("report-index-heading")) " " bdi { (super::Shown(&r.root)) } }
        p.revision {
            @if let Some(rev) = &r.source_revision {
                (ui.rich("report-source-revision", &[
                    ("commit", html! { code title=(rev.commit) { (super::short_revision(&rev.commit)) } }),
                    ("date", html! { time datetime=(rev.date) { (rev.date) } }),
                ]))
            } @else {
                (ui.t("report-source-revision-unknown"))
            }
        }
        section aria-labelledby="locales" {
            h2 #locales { (ui.t("report-locales-heading")) }
            table.locales.sortable {
                caption { (ui.t("report-locales-caption")) }
                thead { tr {
                    (super::sort_header(ui, html! { (ui.t("report-col-locale")) }, false))
                    (super::sort_header(ui, html! { (ui.t("report-col-pages")) }, true))
                    (super::sort_header(ui, html! { (ui.t("report-col-coverage-words")) }, true))
                    (super::sort_header(ui, html! { (ui.t("report-col-coverage-segments")) }, true))
                    th scope="col" { (ui.t("report-col-progress")) }
                    (super::sort_header(ui, html! { (ui.t("report-col-gate")) }, false))
                } }
                tbody {
                    @for l in &r.locales { (locale_row(ui, l)) }
                }
            }
            (super::legend(ui))
            (counts_note(ui, &all))
        }
        section aria-labelledby="words" {
            h2 #words { (ui.t("report-words-heading")) }
            table.figures.words {
                thead { tr {
                    th scope="col" { (ui.t("report-col-locale")) }
                    (count_headers(ui, false))
                    th scope="col" { (ui.t("report-col-total")) }
                } }
                tbody {
                    @for l in &r.locales {
                        tr data-locale=(l.locale) {
                            th scope="row" { a href=(super::encode_path(&locale_path(&l.locale))) { bdi { (l.locale) } } }
                            (count_cells(&l.counts.words, false))
                            td.num data-key="total" { (l.counts.words.total()) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="segments" {
            h2 #segments { (ui.t("report-segments-heading")) }
            table.figures.segments {
                thead { tr {
                    th scope="col" { (ui.t("report-col-locale")) }
                    (count_headers(ui, true))
                    th scope="col" { (ui.t("report-col-verbatim")) }
                } }
                tbody {
                    @for l in &r.locales {
                        tr data-locale=(l.locale) {
                            th scope="row" { a href=(super::encode_path(&locale_path(&l.locale))) { bdi { (l.locale) } } }
                            (count_cells(&l.counts.segments, true))
                            td.num data-key="verbatim" { (l.counts.verbatim) }
                        }
                    }
                }
            }
        }
        (heatmap(site, ui))
        @if !r.notices.is_empty() {
            section aria-labelledby="notices" {
                h2 #notices { (ui.t("report-notices-heading")) }
                ul.notices { @for n in &r.notices { li lang="en" dir="auto" { (super::Shown(n)) } } }
            }
        }
        (problems(ui, "errors", "report-errors-heading", r.errors.iter()))
        (problems(ui, "orphans", "report-orphans-heading", r.orphans.iter()))
    };
    layout(ui, 0, &ui.t("report-index-heading"), &[], body)
}

fn locale_row(ui: &Ui, l: &LocaleReport) -> Markup {
    let gate = if l.gates.is_empty() {
        html! { span.gate.none { (ui.t("report-gate-none")) } }
    } else if l.passed() {
        html! { span.gate.passed { span.icon aria-hidden="true" { "✓" } (ui.t("report-gate-passed")) } }
    } else {
        html! { span.gate.failed { span.icon aria-hidden="true" { "✗" } (ui.t("report-gate-failed")) } }
    };
    html! {
        tr data-locale=(l.locale) data-direction=(l.direction) {
            th scope="row" { a href=(super::encode_path(&locale_path(&l.locale))) { bdi { (l.locale) } } }
            td.num data-key="pages" { (l.pages) }
            td.num data-key="coverage" { (percent(l.coverage)) }
            td.num data-key="coverage-segments" { (percent(l.coverage_segments)) }
            td.progress {
                (bar(ui, &ui.t("report-bar-words"), &l.counts.words))
                (bar(ui, &ui.t("report-bar-segments"), &l.counts.segments))
            }
            td data-key="gate" {
                (gate)
                @if !l.gates.is_empty() {
                    ul.gates {
                        @for g in &l.gates {
                            li.passed[g.passed].failed[!g.passed] {
                                (ui.rich("report-gate", &[
                                    ("gate", html! { code { (g.gate) } }),
                                    ("actual", bdi(g.actual)),
                                    ("limit", bdi(g.limit)),
                                ]))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Coverage per folder of pages and locale, in buckets of ten percent.
fn heatmap(site: &Site, ui: &Ui) -> Markup {
    let r = site.report;
    let mut sections: BTreeMap<&str, BTreeMap<&str, Counts>> = BTreeMap::new();
    for p in &r.pages {
        let section = p.page.split_once('/').map_or("", |(folder, _)| folder);
        sections.entry(section).or_default().entry(p.locale.as_str()).or_default().add(&p.counts);
    }
    html! {
        section aria-labelledby="heatmap" {
            h2 #heatmap { (ui.t("report-heatmap-heading")) }
            table.heatmap {
                caption { (ui.t("report-heatmap-caption")) }
                thead { tr {
                    th scope="col" { (ui.t("report-col-section")) }
                    @for l in &r.locales { th scope="col" { bdi { (l.locale) } } }
                } }
                tbody {
                    @for (section, by_locale) in &sections {
                        tr {
                            th scope="row" {
                                @if section.is_empty() { (ui.t("report-section-top")) } @else { bdi { (super::Shown(section)) "/" } }
                            }
                            @for l in &r.locales {
                                @if let Some(c) = by_locale.get(l.locale.as_str()) {
                                    @let cov = c.words.coverage();
                                    td class={ "heat h" (((cov / 10.0).floor() as u32).min(10)) } {
                                        a href=(super::encode_path(&locale_path(&l.locale))) { (percent(cov)) }
                                    }
                                } @else {
                                    td.heat { "–" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Files that could not be read, or translations without a source: one row per file.
pub(super) fn problems<'a>(
    ui: &Ui,
    id: &str,
    heading: &str,
    problems: impl Iterator<Item = &'a crate::check::Problem>,
) -> Markup {
    let problems: Vec<_> = problems.collect();
    html! {
        @if !problems.is_empty() {
            section aria-labelledby=(id) {
                h2 id=(id) { (ui.t(heading)) }
                table.problems {
                    thead { tr {
                        th scope="col" { (ui.t("report-col-file")) }
                        th scope="col" { (ui.t("report-col-locale")) }
                        th scope="col" { (ui.t("report-col-problem")) }
                    } }
                    tbody {
                        @for p in problems {
                            tr.error {
                                td { code { (super::Shown(&p.file)) } }
                                td { @if let Some(l) = &p.locale { bdi { (l) } } }
                                td lang="en" dir="ltr" { (super::Shown(&p.message)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
