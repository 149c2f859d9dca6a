//! How pages become segments (SPEC §1.2 and §2), one test per construct of the dialect.
//!
//! Tests go through [`check`], which parses a fixture, verifies the invariants every parse must
//! keep, and compares a compact rendering of the segments, one per line:
//!
//! ```text
//! 3-4 Paragraph in admonition:note > list: "the text" [skeleton tokens] verbatim
//! ```

use lockstep::parse::{normalise, parse, Kind, Page, Segment};

/// The invariants of every parse: segments in line order, disjoint, inside the page.
fn assert_invariants(page: &Page) {
    let mut previous_last = 0;
    for s in &page.segments {
        let [first, last] = s.lines;
        assert!(first >= 1 && first <= last, "bad range {:?} in {s:?}", s.lines);
        assert!(last <= page.line_count, "{:?} beyond line {} in {s:?}", s.lines, page.line_count);
        assert!(first > previous_last, "{:?} overlaps or precedes line {previous_last}: {s:?}", s.lines);
        previous_last = last;
        assert_eq!(s.chars(), s.text().chars().count(), "characters of {s:?}");
        assert_eq!(s.has_ascii_letters(), s.text().bytes().any(|b| b.is_ascii_alphabetic()), "{s:?}");
        if s.kind != Kind::FrontMatter {
            assert_eq!(s.norm(), &*normalise(s.raw()), "{s:?}");
        }
    }
}

fn parsed(md: &str) -> Page {
    let page = parse(md);
    assert_invariants(&page);
    page
}

fn range(lines: [u32; 2]) -> String {
    if lines[0] == lines[1] {
        lines[0].to_string()
    } else {
        format!("{}-{}", lines[0], lines[1])
    }
}

fn render_segment(s: &Segment) -> String {
    let mut out = format!("{} {:?}", range(s.lines), s.kind);
    if !s.container.is_empty() {
        out.push_str(&format!(" in {}", s.container.join(" > ")));
    }
    out.push_str(&format!(": {:?}", s.text()));
    if !s.skeleton().is_empty() {
        out.push_str(&format!(" [{}]", s.skeleton().join(" ")));
    }
    if s.verbatim {
        out.push_str(" verbatim");
    }
    out
}

fn render(page: &Page) -> String {
    page.segments.iter().map(render_segment).collect::<Vec<_>>().join("\n")
}

/// Removes the common indentation of `expect` and blank lines around it.
fn trim_indent(expect: &str) -> String {
    let lines: Vec<&str> = expect.lines().filter(|l| !l.trim().is_empty()).collect();
    let indent = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| l[indent..].trim_end()).collect::<Vec<_>>().join("\n")
}

fn check(md: &str, expect: &str) -> Page {
    let page = parsed(md);
    let actual = render(&page);
    let expect = trim_indent(expect);
    assert_eq!(actual, expect, "\nactual:\n{actual}\n\nexpected:\n{expect}\n");
    page
}

/// Kind, lines and text of each segment.
fn segments(md: &str) -> Vec<(Kind, [u32; 2], String)> {
    parsed(md).segments.into_iter().map(|s| (s.kind, s.lines, s.text().into())).collect()
}

/// The segment that starts on `line`.
fn at(page: &Page, line: u32) -> &Segment {
    page.segments
        .iter()
        .find(|s| s.lines[0] == line)
        .unwrap_or_else(|| panic!("no segment starts on line {line}:\n{}", render(page)))
}

/// Lines of `md` with something on them that no segment covers.
fn uncovered_lines(md: &str) -> Vec<u32> {
    let page = parsed(md);
    md.lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l))
        .filter(|(n, l)| !l.trim().is_empty() && !page.segments.iter().any(|s| s.lines[0] <= *n && *n <= s.lines[1]))
        .map(|(n, _)| n)
        .collect()
}

/// Two pages that differ only by harmless platform rewrites: same segments, same norms.
fn assert_same_after_normalisation(a: &str, b: &str) {
    let (pa, pb) = (parsed(a), parsed(b));
    let norms =
        |p: &Page| -> Vec<(Kind, String)> { p.segments.iter().map(|s| (s.kind, s.norm().to_string())).collect() };
    assert_eq!(norms(&pa), norms(&pb), "\n{}\n\n{}", render(&pa), render(&pb));
    let texts = |p: &Page| -> Vec<String> { p.segments.iter().map(|s| s.text().to_string()).collect() };
    assert_eq!(texts(&pa), texts(&pb));
}

// --- front matter -------------------------------------------------------------------------

#[test]
fn front_matter_keys_in_source_order() {
    check(
        r#"---
title: "Private messaging"
template: overrides/page.html
description: Apps that encrypt your chats
  from end to end.
hide:
  - toc
  - navigation
meta_title: 'Messaging: what to use'
summary: A short page.
icon: material/chat
---

Body text.
"#,
        r#"
        1 Rule in front-matter: "" [fm:---] verbatim
        2 FrontMatter in front-matter: "Private messaging" [fm:title]
        3 FrontMatter in front-matter: "" [fm:template] verbatim
        4-5 FrontMatter in front-matter: "Apps that encrypt your chats from end to end." [fm:description]
        6-8 FrontMatter in front-matter: "" [fm:hide] verbatim
        9 FrontMatter in front-matter: "Messaging: what to use" [fm:meta_title]
        10 FrontMatter in front-matter: "A short page." [fm:summary]
        11 FrontMatter in front-matter: "" [fm:icon] verbatim
        12 Rule in front-matter: "" [fm:---] verbatim
        14 Paragraph: "Body text."
        "#,
    );
}

#[test]
fn front_matter_in_hebrew_and_arabic() {
    check(
        "---\ntitle: \"הודעות פרטיות\"\ndescription: تطبيقات تشفر محادثاتك\n---\n# כותרת\n",
        r#"
        1 Rule in front-matter: "" [fm:---] verbatim
        2 FrontMatter in front-matter: "הודעות פרטיות" [fm:title]
        3 FrontMatter in front-matter: "تطبيقات تشفر محادثاتك" [fm:description]
        4 Rule in front-matter: "" [fm:---] verbatim
        5 Heading(1): "כותרת"
        "#,
    );
}

#[test]
fn front_matter_quoted_and_unquoted_values_normalise_equal() {
    let plain = parsed("---\ntitle: Keys and locks\n---\n");
    let double = parsed("---\ntitle: \"Keys and locks\"\n---\n");
    let single = parsed("---\ntitle: 'Keys and locks'\n---\n");
    for other in [&double, &single] {
        assert_eq!(at(&plain, 2).norm(), at(other, 2).norm());
        assert_eq!(at(&plain, 2).text(), at(other, 2).text());
    }
    assert_eq!(at(&plain, 2).text(), "Keys and locks");
    // Quotes inside quoted values are unescaped the YAML way.
    assert_eq!(at(&parsed("---\ntitle: 'It''s here'\n---\n"), 2).text(), "It's here");
    assert_eq!(at(&parsed("---\ntitle: \"Say \\\"hi\\\"\"\n---\n"), 2).text(), "Say \"hi\"");
}

#[test]
fn front_matter_block_scalars_are_the_same_value() {
    let folded = parsed("---\ndescription: >-\n  Apps that encrypt\n  your chats.\n---\n");
    let plain = parsed("---\ndescription: Apps that encrypt your chats.\n---\n");
    assert_eq!(at(&folded, 2).text(), "Apps that encrypt your chats.");
    assert_eq!(at(&folded, 2).norm(), at(&plain, 2).norm());
}

#[test]
fn front_matter_with_blank_lines_added_after_it_compares_equal() {
    let a = "---\ntitle: Keys\n---\n# Keys\n\nText.\n";
    let b = "---\ntitle: \"Keys\"\n---\n\n\n# Keys\n\nText.\n";
    assert_same_after_normalisation(a, b);
}

#[test]
fn a_rule_that_is_not_at_the_top_is_not_front_matter() {
    check(
        "Intro.\n\n---\ntitle: no\n---\n",
        r#"
        1 Paragraph: "Intro."
        3 Rule: "" verbatim
        4-5 Heading(2): "title: no"
        "#,
    );
    // An unclosed front matter is ordinary Markdown.
    check(
        "---\ntitle: open\n",
        r#"
        1 Rule: "" verbatim
        2 Paragraph: "title: open"
        "#,
    );
}

// --- headings, paragraphs, lists ----------------------------------------------------------

#[test]
fn headings() {
    check(
        "# One\n\n## Zwei Überschriften\n\n### שלוש ###\n\n#### Four { #four }\n\n##### Five\n\n###### Six\n\nSetext one\n==========\n\nSetext two\n---\n",
        r#"
        1 Heading(1): "One"
        3 Heading(2): "Zwei Überschriften"
        5 Heading(3): "שלוש"
        7 Heading(4): "Four" [attr:#four]
        9 Heading(5): "Five"
        11 Heading(6): "Six"
        13-14 Heading(1): "Setext one"
        16-17 Heading(2): "Setext two"
        "#,
    );
}

#[test]
fn paragraphs_are_one_segment_each_whatever_their_line_count() {
    check(
        "Ein Absatz, der über\nzwei Zeilen geht.\n\nפסקה שנייה בשורה אחת.\n\nفقرة ثالثة\nفي سطرين.\n",
        r#"
        1-2 Paragraph: "Ein Absatz, der über zwei Zeilen geht."
        4 Paragraph: "פסקה שנייה בשורה אחת."
        6-7 Paragraph: "فقرة ثالثة في سطرين."
        "#,
    );
}

#[test]
fn tight_lists() {
    check(
        "- first item\n- second item\n  continues here\n* third item\n\n1. eins\n2. zwei\n",
        r#"
        1 ListItem in list: "first item"
        2-3 ListItem in list: "second item continues here"
        4 ListItem in list: "third item"
        6 ListItem in list: "eins"
        7 ListItem in list: "zwei"
        "#,
    );
}

#[test]
fn loose_lists() {
    check(
        "- פריט ראשון\n\n- פריט שני\n\n    עוד פסקה בפריט השני\n\n- פריט שלישי\n",
        r#"
        1 ListItem in list: "פריט ראשון"
        3 ListItem in list: "פריט שני"
        5 ListItem in list: "עוד פסקה בפריט השני"
        7 ListItem in list: "פריט שלישי"
        "#,
    );
}

#[test]
fn nested_lists() {
    check(
        "- outer\n    - inner\n        - innermost\n    - inner again\n- outer again\n",
        r#"
        1 ListItem in list: "outer"
        2 ListItem in list > list: "inner"
        3 ListItem in list > list > list: "innermost"
        4 ListItem in list > list: "inner again"
        5 ListItem in list: "outer again"
        "#,
    );
}

#[test]
fn task_list_markers_are_not_text() {
    let page = parsed("- [x] done item\n- [ ] open item\n");
    assert_eq!(at(&page, 1).text(), "done item");
    assert_eq!(at(&page, 2).text(), "open item");
}

#[test]
fn blockquotes() {
    check(
        "> A quoted line\n> and its continuation.\n>\n> - a quoted item\n",
        r#"
        1-2 Paragraph in quote: "A quoted line and its continuation."
        4 ListItem in quote > list: "a quoted item"
        "#,
    );
}

#[test]
fn thematic_break() {
    check("Above.\n\n***\n\nBelow.\n", "1 Paragraph: \"Above.\"\n3 Rule: \"\" verbatim\n5 Paragraph: \"Below.\"");
}

// --- tables -------------------------------------------------------------------------------

#[test]
fn tables_one_segment_per_row_delimiter_row_included() {
    let page = check(
        "| Name | Platform |\n|:-----|---------:|\n| Alpha | Linux |\n| Beta | Android |\n\nAfter.\n",
        r#"
        1 TableRow: "Name Platform"
        2 TableRow: "" verbatim
        3 TableRow: "Alpha Linux"
        4 TableRow: "Beta Android"
        6 Paragraph: "After."
        "#,
    );
    assert!(page.segments[..4].iter().all(|s| s.container.is_empty()));
}

#[test]
fn table_cells_stay_separate_words() {
    let page = parsed("| Name | Platform |\n|---|---|\n| 1 | 2 |\n");
    assert_eq!(at(&page, 1).words(), 2, "{}", render_segment(at(&page, 1)));
    assert_eq!(at(&page, 3).skeleton(), ["num:1", "num:2"]);
}

#[test]
fn table_in_an_admonition() {
    check(
        "!!! info\n\n    | A | B |\n    |---|---|\n    | c | d |\n",
        r#"
        1 Admonition: "" [admonition:info] verbatim
        3 TableRow in admonition:info: "A B"
        4 TableRow in admonition:info: "" verbatim
        5 TableRow in admonition:info: "c d"
        "#,
    );
}

// --- code ---------------------------------------------------------------------------------

#[test]
fn fenced_code_is_one_verbatim_segment_per_line() {
    check(
        "Run this:\n\n```bash\n# a comment, not a heading\nrestic backup ~/Documents\n\n```\n\n~~~\nplain\n~~~\n",
        r##"
        1 Paragraph: "Run this:"
        3 Code: "```bash" verbatim
        4 Code: "# a comment, not a heading" verbatim
        5 Code: "restic backup ~/Documents" verbatim
        7 Code: "```" verbatim
        9 Code: "~~~" verbatim
        10 Code: "plain" verbatim
        11 Code: "~~~" verbatim
        "##,
    );
}

#[test]
fn markers_inside_fences_are_code() {
    check(
        "```\n!!! note \"not an admonition\"\n=== \"not a tab\"\n---\n```\n",
        r#"
        1 Code: "```" verbatim
        2 Code: "!!! note \"not an admonition\"" verbatim
        3 Code: "=== \"not a tab\"" verbatim
        4 Code: "---" verbatim
        5 Code: "```" verbatim
        "#,
    );
}

#[test]
fn fenced_code_in_an_admonition() {
    check(
        "!!! example\n\n    ```\n    make\n    ```\n",
        r#"
        1 Admonition: "" [admonition:example] verbatim
        3 Code in admonition:example: "```" verbatim
        4 Code in admonition:example: "make" verbatim
        5 Code in admonition:example: "```" verbatim
        "#,
    );
}

#[test]
fn inline_code_is_skeleton() {
    let page = check(
        "Run `restic init` first, then `restic backup`.\n",
        r#"1 Paragraph: "Run first, then ." [code:restic init code:restic backup]"#,
    );
    assert_eq!(page.segments[0].raw(), "Run `restic init` first, then `restic backup`.");
}

// --- admonitions, collapsibles, tabs ------------------------------------------------------

#[test]
fn admonitions() {
    check(
        r#"!!! note "Gut zu wissen"

    Der erste Absatz im Kasten.

    - ein Punkt
    - noch ein Punkt

!!! warning

    Ohne Titel.

Outside again.
"#,
        r#"
        1 Admonition: "Gut zu wissen" [admonition:note]
        3 Paragraph in admonition:note: "Der erste Absatz im Kasten."
        5 ListItem in admonition:note > list: "ein Punkt"
        6 ListItem in admonition:note > list: "noch ein Punkt"
        8 Admonition: "" [admonition:warning] verbatim
        10 Paragraph in admonition:warning: "Ohne Titel."
        12 Paragraph: "Outside again."
        "#,
    );
}

#[test]
fn admonition_with_extra_classes_and_empty_title() {
    check(
        "!!! tip inline end \"\"\n    Side note.\n",
        r#"
        1 Admonition: "" [admonition:tip] verbatim
        2 Paragraph in admonition:tip: "Side note."
        "#,
    );
}

#[test]
fn nested_admonitions() {
    check(
        "!!! note \"Outer\"\n\n    ??? tip \"Inner\"\n\n        Deep text.\n\n    Back in outer.\n",
        r#"
        1 Admonition: "Outer" [admonition:note]
        3 Admonition in admonition:note: "Inner" [admonition:tip]
        5 Paragraph in admonition:note > admonition:tip: "Deep text."
        7 Paragraph in admonition:note: "Back in outer."
        "#,
    );
}

#[test]
fn collapsibles_closed_and_open() {
    check(
        "??? question \"Warum?\"\n\n    Weil es sicherer ist.\n\n???+ info \"למה?\"\n\n    כי זה בטוח יותר.\n",
        r#"
        1 Admonition: "Warum?" [admonition:question]
        3 Paragraph in admonition:question: "Weil es sicherer ist."
        5 Admonition: "למה?" [admonition:info]
        7 Paragraph in admonition:info: "כי זה בטוח יותר."
        "#,
    );
}

#[test]
fn flattened_admonition_keeps_its_marker_line_and_every_line() {
    let md = "!!! warning \"Achtung\"\nDer Text ist nicht eingerückt.\nZweite Zeile.\n\n- ein Punkt\n";
    let page = check(
        md,
        r#"
        1 Admonition: "Achtung" [admonition:warning]
        2-3 Paragraph: "Der Text ist nicht eingerückt. Zweite Zeile."
        5 ListItem in list: "ein Punkt"
        "#,
    );
    assert!(uncovered_lines(md).is_empty());
    // The marker is not glued to the text that follows it.
    assert!(!at(&page, 2).raw().contains("!!!"));
}

#[test]
fn flattened_collapsible_in_hebrew() {
    let md = "???+ note \"הערה\"\nהטקסט אינו מוזח.\n";
    check(
        md,
        r#"
        1 Admonition: "הערה" [admonition:note]
        2 Paragraph: "הטקסט אינו מוזח."
        "#,
    );
    assert!(uncovered_lines(md).is_empty());
}

#[test]
fn content_tabs() {
    check(
        r#"=== "Android"

    Install it from the store.

=== "iOS"

    ```
    brew install x
    ```

Common text.
"#,
        r#"
        1 Tab: "Android" [tab]
        3 Paragraph in tab: "Install it from the store."
        5 Tab: "iOS" [tab]
        7 Code in tab: "```" verbatim
        8 Code in tab: "brew install x" verbatim
        9 Code in tab: "```" verbatim
        11 Paragraph: "Common text."
        "#,
    );
}

#[test]
fn tabs_inside_an_admonition() {
    check(
        "!!! note\n\n    === \"Linux\"\n\n        Use the package.\n",
        r#"
        1 Admonition: "" [admonition:note] verbatim
        3 Tab in admonition:note: "Linux" [tab]
        5 Paragraph in admonition:note > tab: "Use the package."
        "#,
    );
}

// --- HTML blocks --------------------------------------------------------------------------

#[test]
fn div_with_markdown_inside() {
    check(
        r#"<div class="admonition-grid tight" markdown>

## Inside

- [Alpha](https://alpha.example) is small.

</div>

Outside.
"#,
        r#"
        1 Html: "" [html:div.admonition-grid.tight] verbatim
        3 Heading(2) in div.admonition-grid.tight: "Inside"
        5 ListItem in div.admonition-grid.tight > list: "Alpha is small." [link:https://alpha.example]
        7 Html in div.admonition-grid.tight: "" [html:/div] verbatim
        9 Paragraph: "Outside."
        "#,
    );
}

#[test]
fn markdown_right_after_a_markdown_opener_is_markdown() {
    // Python-Markdown reads the lines after `<div markdown>` as Markdown even without a blank
    // line between; CommonMark alone would keep them in the HTML block.
    check(
        r#"<div class="grid" markdown>
<div markdown>
## Warum?

Weil es zählt.
</div>
<div class="cards" markdown>
- [x] **Offen**
- [x] **Frei**
</div>
</div>
"#,
        r#"
        1 Html: "" [html:div.grid] verbatim
        2 Html in div.grid: "" [html:div] verbatim
        3 Heading(2) in div.grid > div: "Warum?"
        5 Paragraph in div.grid > div: "Weil es zählt."
        6 Html in div.grid > div: "" [html:/div] verbatim
        7 Html in div.grid: "" [html:div.cards] verbatim
        8 ListItem in div.grid > div.cards > list: "Offen"
        9 ListItem in div.grid > div.cards > list: "Frei"
        10 Html in div.grid > div.cards: "" [html:/div] verbatim
        11 Html in div.grid: "" [html:/div] verbatim
        "#,
    );
}

#[test]
fn an_image_in_a_markdown_figure_is_an_image() {
    check(
        "<figure markdown=\"span\">\n  ![Ein Schlüssel](img/key.png)\n</figure>\n",
        r#"
        1 Html: "" [html:figure] verbatim
        2 Paragraph in figure: "Ein Schlüssel" [img:img/key.png]
        3 Html in figure: "" [html:/figure] verbatim
        "#,
    );
}

#[test]
fn a_markdown_opener_followed_by_html_or_code_stays_html() {
    // An HTML line after the tag, raw HTML (no `markdown` attribute), an indented line and a
    // tag inside a fenced block are read as before: (page, line, kind of that line).
    let cases = [
        (
            "<div class=\"admonition tip\" markdown>\n<p class=\"admonition-title\">Tip</p>\n\nText.\n</div>\n",
            2,
            Kind::Html,
        ),
        ("<div class=\"plain\">\n## Not a heading\n</div>\n", 2, Kind::Html),
        ("<div markdown>\n    indented\n</div>\n", 2, Kind::Html),
        ("```html\n<div markdown>\n## In code\n```\n", 3, Kind::Code),
    ];
    for (md, line, kind) in cases {
        let page = parsed(md);
        assert_eq!(at(&page, line).kind, kind, "{md:?}:\n{}", render(&page));
    }
    // Inside an admonition body the opener is found as written there.
    let page = parsed("!!! note\n\n    <div markdown>\n    ## Inner\n    </div>\n");
    assert_eq!(at(&page, 4).kind, Kind::Heading(2));
    assert_eq!(at(&page, 4).container[..], ["admonition:note", "div"]);
}

#[test]
fn details_and_summary() {
    let page = parsed(
        r#"<details class="downloads" markdown>
<summary>הורדות</summary>

- [Linux](https://example.org/linux)
- [Windows](https://example.org/windows)

</details>
"#,
    );
    let got: Vec<(u32, Kind, String, Vec<String>)> = page
        .segments
        .iter()
        .map(|s| (s.lines[0], s.kind, s.text().to_string(), s.skeleton().iter().map(|t| t.to_string()).collect()))
        .collect();
    let v = |a: &[&str]| -> Vec<String> { a.iter().map(|s| s.to_string()).collect() };
    assert_eq!(
        got,
        vec![
            (1, Kind::Html, String::new(), v(&["html:details.downloads"])),
            (2, Kind::Html, "הורדות".into(), v(&["html:summary", "html:/summary"])),
            (4, Kind::ListItem, "Linux".into(), v(&["link:https://example.org/linux"])),
            (5, Kind::ListItem, "Windows".into(), v(&["link:https://example.org/windows"])),
            (7, Kind::Html, String::new(), v(&["html:/details"])),
        ]
    );
    assert_eq!(at(&page, 4).container[..], ["details.downloads", "list"]);
    // Bare product names behind links have nothing to translate.
    assert!(at(&page, 4).verbatim);
    assert!(!at(&page, 2).verbatim);
}

#[test]
fn summary_container_does_not_depend_on_blank_lines() {
    let joined = parsed("<details class=\"d\" markdown>\n<summary>Get</summary>\n\nText.\n\n</details>\n");
    let apart = parsed("<details class=\"d\" markdown>\n\n<summary>Get</summary>\n\nText.\n\n</details>\n");
    assert_eq!(at(&joined, 2).container, at(&apart, 3).container);
    assert_eq!(at(&apart, 3).container[..], ["details.d"]);
}

#[test]
fn html_inside_an_admonition_nests_container_paths() {
    let page = parsed("!!! note\n\n    <div class=\"grid\" markdown>\n\n    Inner text.\n\n    </div>\n");
    assert_eq!(at(&page, 5).container[..], ["admonition:note", "div.grid"]);
    assert_eq!(at(&page, 5).text(), "Inner text.");
}

#[test]
fn markers_inside_an_html_comment_are_html() {
    for md in ["<!--\n!!! note \"Old\"\n    Hidden.\n-->\n", "<pre>\n=== \"Tab\"\n</pre>\n"] {
        let page = parsed(md);
        assert!(page.segments.iter().all(|s| s.kind == Kind::Html), "{md:?}:\n{}", render(&page));
    }
}

#[test]
fn marker_lines_are_never_doubled() {
    for md in [
        // A processing instruction runs to the end of the page.
        "<?\n!!! note \"T\"\n",
        // A fence opened inside an HTML block (CommonMark reads it as HTML).
        "<div>\n```\n\n```\n!!! note\n",
        // A closing fence indented by four spaces does not close the fence.
        "```\ncode\n    ```\n!!! note\n```\n",
        // Indented code continues past the blanked marker line.
        "    code\n!!! note\n        more code\n",
    ] {
        parsed(md);
    }
}

#[test]
fn inline_html_is_skeleton() {
    check(
        "Press <kbd>Ctrl</kbd> and <span class=\"x y\">go</span>.\n",
        r#"1 Paragraph: "Press Ctrl and go." [html:kbd html:/kbd html:span.x.y html:/span]"#,
    );
}

// --- attribute lists, icons, links, numbers -----------------------------------------------

#[test]
fn attribute_lists_are_skeleton_not_text() {
    check(
        "## Setup { #setup .wide data-x=1 }\n\nA picture.{ .center }\n\n[Go](https://example.org){ .md-button title=\"Weiter geht's\" }\n",
        r#"
        1 Heading(2): "Setup" [attr:#setup attr:.wide attr:data-x]
        3 Paragraph: "A picture." [attr:.center]
        5 Paragraph: "Go" [link:https://example.org attr:.md-button attr:title] verbatim
        "#,
    );
}

#[test]
fn icon_shortcodes_are_skeleton_not_text() {
    check(
        ":material-check: Supported and :fontawesome-brands-linux: Linux\n\n- :octicons-x-16: לא נתמך\n",
        r#"
        1 Paragraph: "Supported and Linux" [icon:material-check icon:fontawesome-brands-linux]
        3 ListItem in list: "לא נתמך" [icon:octicons-x-16]
        "#,
    );
}

#[test]
fn links_and_images_are_skeleton() {
    check(
        "See [the guide](https://example.org/guide \"Title\") and ![a diagram](img/flow.svg){ width=300 }.\n\nRelative [page](../other.md#part).\n",
        r#"
        1 Paragraph: "See the guide and a diagram ." [link:https://example.org/guide img:img/flow.svg attr:width]
        3 Paragraph: "Relative page." [link:../other.md#part]
        "#,
    );
}

#[test]
fn numbers_are_skeleton_and_arabic_indic_digits_read_as_ascii() {
    check(
        "Version 2.5 needs 512 MB.\n\nالإصدار ٢٫٥ يحتاج ٥١٢ ميغابايت.\n\nنسخه ۳ و ۱۰\n",
        r#"
        1 Paragraph: "Version 2.5 needs 512 MB." [num:2.5 num:512]
        3 Paragraph: "الإصدار ٢٫٥ يحتاج ٥١٢ ميغابايت." [num:2 num:5 num:512]
        5 Paragraph: "نسخه ۳ و ۱۰" [num:3 num:10]
        "#,
    );
}

// --- footnotes, abbreviations, snippets, definition lists ---------------------------------

#[test]
fn footnote_references_and_definitions() {
    check(
        "Keys last long.[^life] Really.[^2]\n\n[^life]: Ten years or more.\n[^2]:\n    Indented body.\n",
        r#"
        1 Paragraph: "Keys last long. Really." [fn:life fn:2]
        3 Footnote in footnote: "Ten years or more." [fn:life]
        4 Footnote in footnote: "" verbatim
        5 Footnote in footnote: "Indented body." [fn:2]
        "#,
    );
}

#[test]
fn a_footnote_label_alone_on_its_line_is_apart_from_the_note() {
    // The note is the same block whether it starts on the label's line or below it: the
    // label line is a wordless segment, like a container's opening line.
    let one_line = parsed("Text.[^a]\n\n[^a]: The note.\n");
    let below = parsed("Text.[^a]\n\n[^a]:\n    The note.\n");
    let (a, b) = (at(&one_line, 3), at(&below, 4));
    assert_eq!((a.kind, &a.text(), &a.skeleton()), (b.kind, &b.text(), &b.skeleton()));
    let label = at(&below, 3);
    assert!(label.verbatim && label.skeleton().is_empty() && label.lines == [3, 3]);
}

#[test]
fn footnote_definition_moved_to_the_end_is_the_same_segment() {
    let in_place = "Text.[^a]\n\n[^a]: The note.\n\nMore text.\n";
    let at_end = "Text.[^a]\n\nMore text.\n\n[^a]: The note.\n";
    let a = at(&parsed(in_place), 3).clone();
    let b = at(&parsed(at_end), 5).clone();
    assert_eq!((a.kind, &a.text(), &a.skeleton(), &a.norm()), (b.kind, &b.text(), &b.skeleton(), &b.norm()));
    assert_eq!(a.kind, Kind::Footnote);
}

#[test]
fn abbreviations_are_one_segment_per_line() {
    let page = parsed("*[HTML]: Hyper Text Markup Language\n*[VPN]: Virtual Private Network\n");
    assert_eq!(page.segments.iter().map(|s| s.lines).collect::<Vec<_>>(), vec![[1, 1], [2, 2]], "{}", render(&page));
    assert!(page.segments[0].text().contains("Hyper Text Markup Language"));
}

#[test]
fn abbreviation_marker_is_not_text() {
    let page = parsed("*[HTML]: Hyper Text Markup Language\n*[VPN]: Virtual Private Network\n");
    assert_eq!(at(&page, 1).text(), "Hyper Text Markup Language");
    assert_eq!(at(&page, 2).text(), "Virtual Private Network");
}

#[test]
fn snippet_lines_are_segments_of_their_own() {
    let md = "Before.\n\n--8<-- \"includes/abbreviations.en.txt\"\n\nAfter.\n";
    let page = parsed(md);
    assert_eq!(page.segments.iter().map(|s| s.lines[0]).collect::<Vec<_>>(), [1, 3, 5]);
    assert_eq!(at(&page, 3).lines, [3, 3]);
    assert_eq!(at(&page, 3).norm(), "--8<-- \"includes/abbreviations.en.txt\"");
}

#[test]
fn snippet_lines_are_verbatim() {
    let page = parsed("--8<-- \"includes/abbreviations.en.txt\"\n");
    assert!(page.segments[0].verbatim, "{}", render(&page));
    assert_eq!(page.segments[0].words(), 0, "{}", render(&page));
}

#[test]
fn definition_lists() {
    check(
        "Schlüssel\n:   Ein Gerät, das ein Geheimnis hält.\n\nמנעול\n:   דבר שנפתח במפתח.\n",
        r#"
        1 Definition: "Schlüssel"
        2 Definition in definition: "Ein Gerät, das ein Geheimnis hält."
        4 Definition: "מנעול"
        5 Definition in definition: "דבר שנפתח במפתח."
        "#,
    );
}

#[test]
fn button_and_card_lines_are_one_segment_each() {
    check(
        "[:material-home: Homepage](https://example.org){ .md-button }\n[:material-shield: Privacy Policy](https://example.org/privacy){ .md-button }\n<span class=\"card\">A card line</span>\n",
        r#"
        1 Paragraph: "Homepage" [link:https://example.org attr:.md-button icon:material-home]
        2 Paragraph: "Privacy Policy" [link:https://example.org/privacy attr:.md-button icon:material-shield]
        3 Paragraph: "A card line" [html:span.card html:/span]
        "#,
    );
}

#[test]
fn an_ordinary_paragraph_starting_with_a_link_is_not_split() {
    check(
        "[Alpha](https://a.example) is the first\nand it wraps onto a second line.\n",
        r#"1-2 Paragraph: "Alpha is the first and it wraps onto a second line." [link:https://a.example]"#,
    );
}

// --- harmless platform rewrites (SPEC §1.2) ------------------------------------------------

#[test]
fn normalise_undoes_platform_rewrites() {
    let same = [
        ("[Go](https://x.example){ .md-button #id }", "[Go](https://x.example){.md-button #id}"),
        ("[Go](https://x.example)", "[Go](https://x.example \"\")"),
        ("Some *emphasis* here", "Some _emphasis_ here"),
        ("Some **strong** here", "Some __strong__ here"),
        ("| a | b |", "|a|b|"),
        ("|:---|----:|", "| :--- | ---: |"),
        ("| a | b", "| a | b |"),
        ("A \\* star and a \\[bracket\\]", "A * star and a [bracket]"),
        ("    - indented item", "- indented item"),
        ("two  spaces", "two spaces"),
    ];
    for (a, b) in same {
        assert_eq!(normalise(a), normalise(b), "{a:?} vs {b:?}");
    }
    assert_ne!(normalise("[Go](https://x.example)"), normalise("[Go](https://y.example)"));
    assert_ne!(normalise("{ .md-button }"), normalise("{ .md-button--primary }"));
    assert_ne!(normalise("| a | b |"), normalise("| a | b | c |"));
}

#[test]
fn platform_rewrites_give_equal_pages() {
    let original = r#"# Title { #top }

Use *this* or [that](https://example.org/that){ .md-button }.

| Name | Note |
|------|------|
| A    | b\_c |

!!! note "Hinweis"

    - item with `code`
        - nested item
"#;
    let rewritten = r#"# Title {#top}

Use _this_ or [that](https://example.org/that ""){.md-button}.

|Name|Note|
|---|---|
|A|b\_c|

!!! note "Hinweis"

    - item with `code`
      - nested item
"#;
    assert_same_after_normalisation(original, rewritten);
}

// --- decoding -----------------------------------------------------------------------------

#[test]
fn crlf_and_bom_keep_line_numbers() {
    let unix = "# Title\n\nFirst paragraph\nwraps here.\n\n```\ncode\n```\n\n- item\n";
    let dos = format!("\u{FEFF}{}", unix.replace('\n', "\r\n"));
    let decoded = lockstep::load::decode(dos.as_bytes()).unwrap();
    let (a, b) = (parsed(unix), parsed(&decoded));
    assert_eq!(a, b);
    assert_eq!(
        b.segments.iter().map(|s| (s.kind, s.lines)).collect::<Vec<_>>(),
        vec![
            (Kind::Heading(1), [1, 1]),
            (Kind::Paragraph, [3, 4]),
            (Kind::Code, [6, 6]),
            (Kind::Code, [7, 7]),
            (Kind::Code, [8, 8]),
            (Kind::ListItem, [10, 10]),
        ]
    );
    assert_eq!(b.line_count, 10);
    // Lone CRs are line ends too.
    let mac = lockstep::load::decode(unix.replace('\n', "\r").as_bytes()).unwrap();
    assert_eq!(parsed(&mac), a);
}

// --- edge cases ---------------------------------------------------------------------------

#[test]
fn empty_and_blank_inputs_have_no_segments() {
    for md in ["", "\n", "   ", " \n\t\n  \n", "\n\n\n\n"] {
        let page = parsed(md);
        assert!(page.segments.is_empty(), "{md:?}: {}", render(&page));
    }
    assert_eq!(parsed("\n\n\n\n").line_count, 4);
    assert_eq!(parsed("x").line_count, 1);
    assert_eq!(parsed("x\n").line_count, 1);
}

#[test]
fn no_final_newline() {
    assert_eq!(
        segments("# A\n\nText"),
        vec![(Kind::Heading(1), [1, 1], "A".into()), (Kind::Paragraph, [3, 3], "Text".into())]
    );
}

#[test]
fn deeply_nested_lists_do_not_break_parsing() {
    let md: String = (0..50).map(|d| format!("{}- level {d}\n", "  ".repeat(d))).collect();
    let page = parsed(&md);
    assert!(!page.segments.is_empty());
    assert!(uncovered_lines(&md).is_empty(), "{}", render(&page));
}

#[test]
fn deeply_nested_blockquotes_do_not_break_parsing() {
    let md: String = (1..=50).map(|d| format!("{} quoted {d}\n", ">".repeat(d))).collect();
    let page = parsed(&md);
    assert!(!page.segments.is_empty());
    assert!(uncovered_lines(&md).is_empty(), "{}", render(&page));
}

#[test]
fn container_paths_name_the_outermost_sixteen_levels() {
    // A path per block as deep as the block would cost memory quadratic in the depth.
    for md in [
        (1..=40).map(|d| format!("{} quoted {d}\n", ">".repeat(d))).collect::<String>(),
        (0..40).map(|d| format!("{}- level {d}\n", "  ".repeat(d))).collect::<String>(),
    ] {
        let page = parsed(&md);
        let depths: Vec<usize> = page.segments.iter().map(|s| s.container.len()).collect();
        assert_eq!(depths.iter().max(), Some(&16), "{depths:?}");
        assert!(depths[..10].iter().all(|d| *d < 16), "{depths:?}");
        let last = &page.segments[page.segments.len() - 1].container;
        assert!(last.iter().all(|c| c == &page.segments[0].container[0]), "{last:?}");
    }
}

#[test]
fn deeply_nested_admonitions_do_not_break_parsing() {
    let md: String = (0..50)
        .map(|d| format!("{}!!! note \"Level {d}\"\n\n{}Text {d}.\n\n", "    ".repeat(d), "    ".repeat(d + 1)))
        .collect();
    let page = parsed(&md);
    assert_eq!(page.segments.iter().filter(|s| s.kind == Kind::Admonition).count(), 50);
    assert!(uncovered_lines(&md).is_empty(), "{}", render(&page));
}

#[test]
fn a_very_long_line_is_one_segment() {
    let long = "word ".repeat(100_000) + "[link](https://example.org) `code` 42";
    let md = format!("# Title\n\n{long}\n\nAfter.\n");
    let page = parsed(&md);
    assert_eq!(page.segments.iter().map(|s| s.lines).collect::<Vec<_>>(), vec![[1, 1], [3, 3], [5, 5]]);
    assert_eq!(page.segments[1].words(), 100_002);
    assert_eq!(page.segments[1].skeleton(), ["link:https://example.org", "code:code", "num:42"]);
}

#[test]
fn a_token_holding_the_skeleton_separator_keeps_its_place_and_its_neighbours() {
    // U+001F separates the tokens where a segment keeps them; a page may hold it anyway.
    let md = "Run `a\u{1F}b` then [this](https://example.org/) 7 times.\n";
    let page = parsed(md);
    let s = &page.segments[0];
    assert_eq!(s.skeleton(), ["code:a\u{FFFD}b", "link:https://example.org/", "num:7"], "{}", render(&page));
    assert_eq!(s.raw(), md.trim_end(), "the lines as written keep it");
}

#[test]
fn a_marker_on_a_last_line_without_newline_is_inside_the_page() {
    for md in ["a\n!!! note", "a\n=== \"Tab\"", "a\n???+", "---\n---", "---\ntitle: x\n---"] {
        let page = parse(md);
        assert_eq!(page.line_count, md.lines().count() as u32, "{md:?}");
        assert_invariants(&page);
    }
}

#[test]
fn odd_inputs_keep_the_invariants() {
    for md in [
        "!!!",
        "???+",
        "=== \"\"",
        "---",
        "---\n...\n",
        "```",
        "```\n",
        "| a |\n|---|",
        "[^x]:",
        "<div markdown>",
        "</div>",
        "<details>\n<summary>",
        "\t\t- x",
        "    !!! note\n  text",
        "*[",
        "--8<--",
        "\u{200F}\u{202E}abc\u{202C}",
        "# \n#\n##",
        "- \n-\n- [ ]",
        ":   orphan definition",
        "\r\r\n",
    ] {
        parsed(md);
    }
}

#[test]
fn a_link_written_as_html_has_its_target_in_the_skeleton() {
    // A translation may keep a link as `<a href>` where the English writes `[…](…)`: both name
    // the same target.
    let html = parsed("Read <a href=\"https://example.org/guide\" title=\"x\">the guide</a> first.\n");
    let markdown = parsed("Read [the guide](https://example.org/guide) first.\n");
    let links = |page: &lockstep::parse::Page| -> Vec<String> {
        page.segments[0].skeleton().iter().filter(|t| t.starts_with("link:")).map(|t| t.to_string()).collect()
    };
    assert_eq!(links(&html), ["link:https://example.org/guide"]);
    assert_eq!(links(&html), links(&markdown));
    let data = parsed("Read <a data-href=\"https://example.org/guide\">the guide</a> first.\n");
    assert!(links(&data).is_empty());
}
