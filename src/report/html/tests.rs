use super::*;
use crate::check::{locale_report, page_report, Counts};
use crate::site::config::Gates;

fn ui(messages: &Messages) -> Ui<'_> {
    Ui::new(messages, "en-US")
}

#[test]
fn page_text_is_escaped_and_invisible_characters_are_shown() {
    let html = html! { (Shown("<b onclick=\"x()\">a</b>\u{202E}&\u{200B}")) }.into_string();
    assert_eq!(
        html,
        "&lt;b onclick=&quot;x()&quot;&gt;a&lt;/b&gt;<span class=\"inv\" title=\"U+202E\">U+202E</span>&amp;\
         <span class=\"inv\" title=\"U+200B\">U+200B</span>"
    );
}

#[test]
fn messages_take_escaped_elements_as_arguments() {
    let messages = Messages::new(Some("en-US"));
    let html = ui(&messages).rich("report-locale-heading", &[("locale", bdi("<he>"))]).into_string();
    assert_eq!(html, "Pages in <bdi>&lt;he&gt;</bdi>");
    // A message whose argument is missing keeps its text, and no placeholder leaks.
    let html = ui(&messages).rich("report-page-heading", &[("page", bdi("a.md"))]).into_string();
    assert!(html.starts_with("<bdi>a.md</bdi> in ") && !html.contains('\u{E000}'), "{html}");
}

#[test]
fn right_to_left_cells_isolate_lines_without_right_to_left_letters() {
    let html = html! { (page::Lines { text: "# כותרת\nStill English (1).\n---", rtl: true }) }.into_string();
    assert_eq!(html, "# כותרת\n<span dir=\"ltr\">Still English (1).</span>\n---");
    let html = html! { (page::Lines { text: "Auf Deutsch.", rtl: false }) }.into_string();
    assert_eq!(html, "Auf Deutsch.");
}

#[test]
fn paths_and_links() {
    assert_eq!(page_path("he", "index.md", 1), "he/index.html");
    assert_eq!(page_path("zh-Hant", "a/b.md", 2), "zh-Hant/a/b.part2.html");
    assert_eq!(locale_path("he"), "he.html");
    assert_eq!(depth("he/a/b.html"), 2);
    assert_eq!(encode_path("a b/ü#?.md"), "a%20b/%C3%BC%23%3F.md");
    assert_eq!(short_revision("sha256:0123456789abcdef0123"), "sha256:0123456789ab");
    assert_eq!(short_revision("0123456789abcdef0123456789abcdef01234567"), "0123456789ab");
    assert_eq!(short_revision("base/about.md"), "base/about.md");
    assert_eq!(percent(99.96), "100.0%");
}

/// A site of one page in Hebrew, analysed from strings.
fn site_report(root: &str) -> SiteReport {
    let mut a = crate::align_pages(
        "# Seeds\n\nSow in spring.\n\nWater daily.\n",
        "# זרעים\n\nזרעו באביב.\n\nWater daily.\n",
        None,
        "he",
    );
    a.source = format!("{root}/docs/seeds.md");
    a.translation = format!("{root}/i18n/he/seeds.md");
    let page = page_report("seeds.md", "he", &a.source.clone(), &a.translation.clone(), Some(a), Counts::default);
    let locale = locale_report("he", true, &[&page], Gates { min_coverage: Some(90.0), ..Gates::default() });
    SiteReport {
        root: root.to_owned(),
        source_locale: "en".into(),
        locales: vec![locale],
        pages: vec![page],
        findings: vec![],
        orphans: vec![],
        errors: vec![],
        notices: vec![],
        source_revision: None,
    }
}

#[test]
fn a_report_is_the_same_files_in_the_same_order_every_time() {
    let options = Options { lang: "en-US".into(), edit_url: Some("https://example.invalid/edit/{path}".into()) };
    let one = render(&site_report("site"), &options);
    let names: Vec<&str> = one.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        names,
        [
            "assets/report.css",
            "assets/report.js",
            "index.html",
            "rules.html",
            "report.json",
            "he.html",
            "badges/he.svg",
            "badges/he.json",
            "he/seeds.html"
        ]
    );
    assert_eq!(one, render(&site_report("site"), &options));
    let page = String::from_utf8(one[8].bytes.clone()).unwrap();
    assert!(page.contains("href=\"https://example.invalid/edit/i18n/he/seeds.md\""), "{page}");
    assert!(page.contains("<tr id=\"r3\" class=\"s-untranslated w\">"), "{page}");
    let badge = String::from_utf8(one[7].bytes.clone()).unwrap();
    assert!(badge.contains("\"color\": \"red\""), "coverage below the gate: {badge}");
}

#[test]
fn edit_links_are_relative_to_the_site_root() {
    let report = site_report(".");
    let options = Options { lang: "en-US".into(), edit_url: Some("https://x.invalid/{path}".into()) };
    let site = Site::new(&report, &options);
    assert_eq!(site.edit_link("i18n/he/a b.md").as_deref(), Some("https://x.invalid/i18n/he/a%20b.md"));
    let report = site_report("../site");
    let site = Site::new(&report, &options);
    assert_eq!(site.relative("../site/i18n/he/a.md"), "i18n/he/a.md");
}
