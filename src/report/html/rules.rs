//! `rules.html`: the documentation of every rule (`lockstep explain`), each under an anchor
//! named by its id, so that findings link to `rules.html#<id>`.

use maud::html;
use pulldown_cmark::{Event, Parser};

use super::{layout, trusted, Ui};

pub(super) fn render(ui: &Ui) -> String {
    let body = html! {
        h1 { (ui.t("report-rules-heading")) }
        p { (ui.t("report-rules-intro")) }
        table.rules {
            thead { tr {
                th scope="col" { (ui.t("report-rule-id")) }
                th scope="col" { (ui.t("report-rule-group")) }
                th scope="col" { (ui.t("report-rule-level")) }
                th scope="col" { (ui.t("report-rule-summary")) }
            } }
            tbody {
                @for r in crate::rules::RULES {
                    tr {
                        th scope="row" { a href={ "#" (r.id) } { code { (r.id) } } }
                        td { (r.group.as_str()) }
                        td { (r.default.as_str()) }
                        td lang="en" dir="ltr" { (crate::rules::sentence(r.summary)) }
                    }
                }
            }
        }
        @for r in crate::rules::RULES {
            section.rule id=(r.id) lang="en" dir="ltr" {
                h2 { code { (r.id) } }
                (trusted(markdown(explain_body(&crate::rules::explain(r)))))
            }
        }
    };
    layout(ui, 0, &ui.t("report-rules-heading"), &[(html! { (ui.t("report-nav-rules")) }, None)], body)
}

/// The documentation without its first line (`## id`), which the page writes itself.
fn explain_body(doc: &str) -> &str {
    doc.split_once('\n').map_or(doc, |(_, rest)| rest)
}

/// Markdown to HTML through pulldown-cmark's writer, which escapes text; raw HTML in the
/// documentation becomes text too, so that nothing unescaped reaches the page.
fn markdown(text: &str) -> String {
    let events = Parser::new_ext(text, pulldown_cmark::Options::empty()).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn raw_html_in_documentation_is_text() {
        let html = super::markdown("Keep <b onclick=\"x()\">this</b> and `<script>`.");
        assert!(!html.contains("<b"), "{html}");
        assert!(html.contains("&lt;b onclick"), "{html}");
        assert!(html.contains("<code>&lt;script&gt;</code>"), "{html}");
    }
}
