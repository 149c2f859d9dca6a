//! `badges/<locale>.svg` (coverage in percent, coloured by the locale's gate) and
//! `badges/<locale>.json`, the same badge as a shields.io endpoint.

use maud::html;
use serde::Serialize;

use super::{percent, Ui};
use crate::check::LocaleReport;

/// shields.io's colours: a gate passed, a gate failed, no gate.
const COLOURS: [(&str, &str); 3] = [("brightgreen", "#4c1"), ("red", "#e05d44"), ("blue", "#007ec6")];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Endpoint<'a> {
    schema_version: u32,
    label: &'a str,
    message: &'a str,
    color: &'a str,
}

/// The SVG badge and the endpoint JSON of a locale.
pub(super) fn render(ui: &Ui, l: &LocaleReport) -> (String, String) {
    let label = ui.get("report-badge-label", &[("locale", l.locale.clone())]);
    let message = percent(l.coverage);
    let (name, hex) = match (l.gates.is_empty(), l.passed()) {
        (true, _) => COLOURS[2],
        (false, true) => COLOURS[0],
        (false, false) => COLOURS[1],
    };
    // Widths from the number of characters: about 7 px each at 11 px Verdana, plus padding.
    let width = |s: &str| 10 + 7 * s.chars().count();
    let (lw, mw) = (width(&label), width(&message));
    let total = lw + mw;
    let alt = format!("{label}: {message}");
    let svg = html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(total) height="20" role="img" aria-label=(alt) {
            title { (alt) }
            rect width=(lw) height="20" fill="#555" {}
            rect x=(lw) width=(mw) height="20" fill=(hex) {}
            g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" {
                text x=(lw / 2) y="14" { (label) }
                text x=(lw + mw / 2) y="14" { (message) }
            }
        }
    };
    let mut svg = svg.into_string();
    svg.push('\n');
    let endpoint = Endpoint { schema_version: 1, label: &label, message: &message, color: name };
    let mut json = serde_json::to_string_pretty(&endpoint).expect("serialising to memory cannot fail");
    json.push('\n');
    (svg, json)
}
