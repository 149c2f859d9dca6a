//! One page per locale: its pages worst first (source words needing work), with counts per
//! status and the base each page was measured against; sortable and filterable by status
//! when scripts run, already in worst-first order when they do not.

use maud::html;

use super::{bar, bdi, layout, page_path, percent, status_tag, Site, Ui, STATUSES};
use crate::check::{LocaleReport, PageReport};

pub(super) fn render(site: &Site, ui: &Ui, l: &LocaleReport) -> String {
    // Worst first, as `status --pages` lists them.
    let mut pages: Vec<&PageReport> = site.report.pages.iter().filter(|p| p.locale == l.locale).collect();
    pages.sort_by(|a, b| b.words_to_do.cmp(&a.words_to_do).then(a.page.cmp(&b.page)));
    let errors: Vec<_> = site.errors(&l.locale).collect();
    let columns = 4 + STATUSES.len();
    let body = html! {
        h1 { (ui.rich("report-locale-heading", &[("locale", bdi(&l.locale))])) }
        p {
            (ui.rich("report-locale-summary", &[("pages", bdi(l.pages)), ("coverage", bdi(percent(l.coverage)))]))
        }
        div.progress {
            (bar(ui, &ui.t("report-bar-words"), &l.counts.words))
            (bar(ui, &ui.t("report-bar-segments"), &l.counts.segments))
        }
        (super::legend(ui))
        section aria-labelledby="pages" {
            h2 #pages { (ui.t("report-pages-heading")) }
            form.filters hidden data-filter="status" {
                label {
                    (ui.t("report-filter-status")) " "
                    select name="status" {
                        option value="" { (ui.t("report-filter-any")) }
                        option value="work" { (ui.t("report-filter-needs-work")) }
                        @for s in STATUSES { option value=(s.as_str()) { (ui.status(s)) } }
                    }
                }
            }
            table.pages.sortable {
                caption { (ui.t("report-locale-caption")) }
                thead { tr {
                    (super::sort_header(ui, html! { (ui.t("report-col-page")) }, false))
                    (super::sort_header(ui, html! { (ui.t("report-col-coverage")) }, true))
                    (super::sort_header(ui, html! { (ui.t("report-col-to-do")) }, true))
                    @for s in STATUSES { (super::sort_header(ui, status_tag(ui, s), true)) }
                    (super::sort_header(ui, html! { (ui.t("report-col-base")) }, false))
                } }
                tbody {
                    @for e in &errors {
                        tr.error data-has="error" {
                            td colspan=(columns) {
                                strong { (ui.t("report-error")) } ": "
                                code { (super::Shown(&e.file)) } " "
                                span lang="en" dir="ltr" { (super::Shown(&e.message)) }
                            }
                        }
                    }
                    @for p in &pages {
                        @let has: Vec<&str> = STATUSES
                            .iter()
                            .filter(|s| super::count(&p.counts.segments, **s) > 0)
                            .map(|s| s.as_str())
                            .chain((p.words_to_do > 0 || p.counts.segments.obsolete > 0).then_some("work"))
                            .collect();
                        tr data-has=(has.join(" ")) {
                            th scope="row" {
                                @if p.exists {
                                    a href=(super::encode_path(&page_path(&l.locale, &p.page, 1))) { bdi { (super::Shown(&p.page)) } }
                                } @else {
                                    bdi { (super::Shown(&p.page)) } " "
                                    span.nofile { (ui.t("report-no-file")) }
                                }
                            }
                            td.num { (percent(p.coverage)) }
                            td.num { (p.words_to_do) }
                            @for s in STATUSES {
                                td.num.zero[super::count(&p.counts.segments, s) == 0] { (super::count(&p.counts.segments, s)) }
                            }
                            td { (super::base(ui, &p.base)) }
                        }
                    }
                }
            }
            p.note { (ui.t("status-verbatim-note")) }
        }
        @let orphans: Vec<_> = site.report.orphans.iter().filter(|o| o.locale.as_deref() == Some(l.locale.as_str())).collect();
        (super::index::problems(ui, "orphans", "report-orphans-heading", orphans.into_iter()))
    };
    let title = ui.get("report-locale-heading", &[("locale", l.locale.clone())]);
    layout(ui, 0, &title, &[(bdi(&l.locale), None)], body)
}
