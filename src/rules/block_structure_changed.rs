//! `block-structure-changed`: a block of the translation is another kind of block, or sits in
//! another container, than its English counterpart.

use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::{Kind, Segment};

pub static RULE: Rule = Rule {
    id: "block-structure-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "heading level, admonition type, block kind or enclosing container differs from the English",
    detects: "A block that left the admonition, content tab or `<details>`/`<div markdown>` block its English \
        counterpart is in (its indentation was lost), an admonition whose type changed or was translated \
        (`!!! note` → `!!! warning`, `!!! ملاحظة`), an admonition or tab marker that a platform escaped \
        (`\\=== \"Android\"`), whose title a translator put in typographic quotes (`!!! tip « Astuce »`) \
        or that no longer parses otherwise, a list item whose marker lost its space (`-item`), \
        and, when the English the translation was made from is known, a \
        heading level or block kind (list item, table row, code, heading) that differs. Apart from broken markers, only \
        blocks aligned with an English block are compared.",
    why: "Content ejected from an admonition renders after an empty box, a code fence outside its admonition \
        breaks the rest of the page, a translated admonition type loses its icon and colour, and a changed \
        heading level changes the table of contents and the anchors links point at.",
    example: ["!!! warning\n\n    Back up your keys first.", "!!! warning\n\nגבו את המפתחות שלכם קודם."],
    precision: Some("10/10 of a sample of the 15 findings on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let t = input.translation;
    if let Some(message) = broken_marker(input.english, t) {
        out.push(Hit::new(0, message));
        return;
    }
    let Some(english) = input.english else { return };
    if english.kind == Kind::FrontMatter || t.kind == Kind::FrontMatter {
        return;
    }
    if let Some(message) = kind_change(english, t, input.known_english) {
        out.push(Hit::new(0, message));
        return;
    }
    if let Some(message) = container_change(english, t, input.known_english) {
        out.push(Hit::new(0, message));
    }
}

/// The containers that hold a block by indentation or HTML: admonitions, tabs, `<details>`,
/// `<div markdown>`. Lists and quotes are left out: platforms re-indent nested list lines, and
/// a list's nesting is the alignment's business.
fn blocks(container: &[String]) -> Vec<&str> {
    container
        .iter()
        .map(String::as_str)
        .filter(|c| c.starts_with("admonition:") || *c == "tab" || c.starts_with("details") || c.starts_with("div"))
        .collect()
}

fn container_change(english: &Segment, t: &Segment, known: bool) -> Option<String> {
    if t.kind == Kind::Html || english.kind == Kind::Html {
        // The tag lines that open and close containers: platforms join `<details>` and
        // `<summary>` on one line, which moves the summary's line out of the container.
        return None;
    }
    let (e, tr) = (blocks(&english.container), blocks(&t.container));
    if e == tr {
        return None;
    }
    if tr.len() < e.len() && e.starts_with(&tr) {
        // Lost indentation: the block fell out of its container. Code is cut line by line:
        // its fences say it once for the block.
        if t.kind == Kind::Code && !t.raw().starts_with("```") && !t.raw().starts_with("~~~") {
            return None;
        }
        let what = match t.kind {
            Kind::Code => "a code fence",
            kind => name(kind),
        };
        let lost = e[tr.len()];
        return Some(format!("{what} is outside the `{lost}` block it is in in the English: its indentation is lost"));
    }
    if !known {
        return None;
    }
    if e.len() == tr.len()
        && e.iter().zip(&tr).all(|(a, b)| a == b || (a.starts_with("admonition:") && b.starts_with("admonition:")))
    {
        // An admonition whose type changed: reported once, at its marker.
        return None;
    }
    Some(format!("{} is in `{}`, the English in `{}`", name(t.kind), path(&tr), path(&e)))
}

fn path(blocks: &[&str]) -> String {
    if blocks.is_empty() {
        "the page".into()
    } else {
        blocks.join(" › ")
    }
}

fn kind_change(english: &Segment, t: &Segment, known: bool) -> Option<String> {
    let raw = t.raw().trim_start();
    match (english.kind, t.kind) {
        (Kind::Heading(a), Kind::Heading(b)) if a != b && known => {
            Some(format!("heading level changed: {} → {}", "#".repeat(a.into()), "#".repeat(b.into())))
        }
        (Kind::Admonition, Kind::Admonition) => {
            let (e, tr) = (admonition(english), admonition(t));
            if e == tr {
                return None;
            }
            let translated = tr.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
            (translated || known).then(|| format!("admonition type changed: `{e}` → `{tr}`"))
        }
        (a, b) if a == b => None,
        // MkDocs renders `#Title` as a heading too.
        (Kind::Heading(_), _) if raw.starts_with('#') => None,
        (Kind::ListItem, Kind::Paragraph) if broken_list_marker(raw) => {
            Some("list item marker lost its space: the item is a paragraph".into())
        }
        // A platform's backslash (`\===`) or a lost space or quote: the body that follows is
        // shown as code or text.
        (Kind::Admonition | Kind::Tab, Kind::Paragraph | Kind::Heading(_) | Kind::Code)
            if ["!!!", "???", "==="].iter().any(|m| raw.trim_start_matches('\\').starts_with(m)) =>
        {
            Some(format!("{} marker no longer parses: `{}`", name(english.kind), first_line(raw)))
        }
        // The indented body of an admonition or tab whose marker broke reads as code: the
        // marker is the finding.
        (_, Kind::Code) if blocks(&t.container).len() < blocks(&english.container).len() => None,
        (Kind::Heading(_) | Kind::ListItem | Kind::TableRow | Kind::Code | Kind::Admonition | Kind::Tab, _)
        | (_, Kind::Heading(_) | Kind::ListItem | Kind::TableRow | Kind::Code)
            if known && structural(english.kind) && structural(t.kind) =>
        {
            Some(format!("{} in the English is {} here", name(english.kind), name(t.kind)))
        }
        _ => None,
    }
}

/// `\=== "Tab"`, `\!!! note`: a platform escaped the marker; `!!! note « Titre »`, `=== „Tab“`:
/// a translator quoted the title as the language does, where only straight double quotes make a
/// marker. Either way the marker is text and its indented body code. Evident whether or not the
/// block pairs with its English.
fn broken_marker(english: Option<&Segment>, t: &Segment) -> Option<String> {
    if !matches!(t.kind, Kind::Paragraph | Kind::Heading(_)) {
        return None;
    }
    let raw = t.raw().trim_start();
    let (escaped, rest) = match raw.strip_prefix('\\') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let marker = ["===", "!!!", "???"].into_iter().find(|m| rest.starts_with(m))?;
    let after = rest[3..].trim_start_matches(['+', '!']);
    // An English block that is text beginning as this one does shows the syntax on purpose.
    let english_alike = english.is_some_and(|e| e.kind == t.kind && e.raw().trim_start().starts_with(&raw[..1]));
    if !(after.is_empty() || after.starts_with([' ', '\t'])) || english_alike {
        return None;
    }
    let what = if marker == "===" { "content tab" } else { "admonition" };
    let line = first_line(raw);
    if escaped {
        return Some(format!("{what} marker `{line}` is escaped: it shows as text and its indented body as code"));
    }
    if after.trim().is_empty() {
        return None;
    }
    // Not escaped, yet not read as a marker: its title is not in straight double quotes.
    let quotes = if line.contains(['«', '»', '“', '”', '„', '「', '」', '‹', '›', '‘', '’', '‚']) {
        "its title is in typographic quotes, where only straight double quotes (`\"`) make a marker"
    } else {
        "it does not read as `!!! type \"title\"` or `=== \"title\"`"
    };
    Some(format!("{what} marker `{line}` is not one: {quotes}; it shows as text and its indented body as code"))
}

/// Kinds whose change says the block's syntax changed (HTML, footnotes, definitions and rules
/// are cut differently by platforms and are left to other rules).
fn structural(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Heading(_)
            | Kind::Paragraph
            | Kind::ListItem
            | Kind::TableRow
            | Kind::Code
            | Kind::Admonition
            | Kind::Tab
    )
}

fn admonition(seg: &Segment) -> &str {
    seg.skeleton().iter().find_map(|t| t.strip_prefix("admonition:")).unwrap_or("")
}

/// `-item`, `*item`, `1.item`: a list marker without the space that makes it one.
fn broken_list_marker(raw: &str) -> bool {
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &raw[digits..];
    let marker = if digits > 0 { rest.starts_with(['.', ')']) } else { rest.starts_with(['-', '*', '+']) };
    marker
        && rest[1..].chars().next().is_some_and(|c| c.is_alphabetic() || c == '[' || c == '*')
        && !rest.starts_with("**")
}

fn first_line(raw: &str) -> &str {
    raw.split('\n').next().unwrap_or("")
}

fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Heading(_) => "a heading",
        Kind::Paragraph => "a paragraph",
        Kind::ListItem => "a list item",
        Kind::TableRow => "a table row",
        Kind::Admonition => "an admonition",
        Kind::Tab => "a content tab",
        Kind::Html => "an HTML block",
        Kind::Code => "code",
        Kind::Footnote => "a footnote",
        Kind::Definition => "a definition",
        Kind::Rule => "a rule",
        Kind::FrontMatter => "front matter",
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{hits, hits_without_base};

    #[test]
    fn content_ejected_from_an_admonition_is_found_with_or_without_a_base() {
        let en = "!!! warning \"Keys\"\n\n    Back up your keys.\n\n    ```bash\n    gpg --export\n    ```\n\nAfter.\n";
        let fa =
            "!!! warning \"کلیدها\"\n\n    از کلیدهای خود نسخه پشتیبان بگیرید.\n\n```bash\ngpg --export\n```\n\nبعد.\n";
        let want = [
            "5: a code fence is outside the `admonition:warning` block it is in in the English: its indentation is lost",
            "7: a code fence is outside the `admonition:warning` block it is in in the English: its indentation is lost",
        ];
        assert_eq!(hits_without_base(&RULE, en, fa, "fa"), want);
        assert_eq!(hits(&RULE, en, fa, "fa"), want);
    }

    #[test]
    fn admonition_type_and_markers() {
        let en = "!!! note\n\n    Read [the text](text.md) first.\n\n- First item, see [this page](a.md) for 2 keys\n";
        let ar = "!!! ملاحظة\n\n    اقرأ [النص](text.md) أولاً.\n\n-البند الأول، راجع [هذه الصفحة](a.md) لمفتاحين 2\n";
        assert_eq!(
            hits_without_base(&RULE, en, ar, "ar"),
            [
                "1: admonition type changed: `note` → `ملاحظة`",
                "5: list item marker lost its space: the item is a paragraph"
            ]
        );
        let he = "!!! note\n\n    קראו [את הטקסט](text.md) קודם.\n\n- הפריט הראשון, ראו [דף זה](a.md) עבור 2 מפתחות\n";
        assert!(hits_without_base(&RULE, en, he, "he").is_empty());
        let de = "!!! warning\n\n    Lies zuerst [den Text](text.md).\n\n- Erster Punkt, siehe [diese Seite](a.md) für 2 Schlüssel\n";
        assert_eq!(hits(&RULE, en, de, "de"), ["1: admonition type changed: `note` → `warning`"]);
        // Without a base, the English may have changed the type since.
        assert!(hits_without_base(&RULE, en, de, "de").is_empty());
    }

    #[test]
    fn an_escaped_tab_marker_is_found() {
        let en = "=== \"Android\"\n\n    Install [the app](https://example.org/app) from 2 stores.\n\n    - Open [the store](https://example.org/store) and 3 tabs\n";
        let fr = "\\=== \"Android\"\n\n    Installez [l'app](https://example.org/app) depuis 2 boutiques.\n\n    - Ouvrez [la boutique](https://example.org/store) et 3 onglets\n";
        let want =
            ["1: content tab marker `\\=== \"Android\"` is escaped: it shows as text and its indented body as code"];
        assert_eq!(hits_without_base(&RULE, en, fr, "fr"), want);
        // The body, now code, is not reported again.
        assert_eq!(hits(&RULE, en, fr, "fr"), want);
        // Also when the escaped marker pairs with nothing.
        let en = "Intro with [a link](https://example.org/intro).\n\n=== \"Android\"\n\n    Install it.\n";
        let he = "מבוא עם [קישור](https://example.org/intro).\n\n\\=== \"אנדרואיד\"\n\n    התקינו.\n";
        assert_eq!(
            hits_without_base(&RULE, en, he, "he"),
            ["3: content tab marker `\\=== \"אנדרואיד\"` is escaped: it shows as text and its indented body as code"]
        );
    }

    #[test]
    fn a_marker_whose_title_is_not_in_straight_quotes_is_found() {
        let en = "# Keys\n\n!!! warning \"Back up first\"\n\n    Copy the keys to [a second disk](disk.md).\n\n=== \"Android\"\n\n    Open the app.\n";
        let fr = "# Clés\n\n!!! warning « Sauvegardez d'abord »\n\n    Copiez les clés sur [un second disque](disk.md).\n\n=== \"Android\n\n    Ouvrez l'app.\n";
        let want = [
            "3: admonition marker `!!! warning « Sauvegardez d'abord »` is not one: its title is in typographic quotes, \
             where only straight double quotes (`\"`) make a marker; it shows as text and its indented body as code",
            "7: content tab marker `=== \"Android` is not one: it does not read as `!!! type \"title\"` or `=== \"title\"`; \
             it shows as text and its indented body as code",
        ];
        assert_eq!(hits_without_base(&RULE, en, fr, "fr"), want);
        assert_eq!(hits(&RULE, en, fr, "fr"), want);
        // Straight quotes, and an English page that shows the syntax as text, are fine.
        let ok = "# Clés\n\n!!! warning \"Sauvegardez d'abord\"\n\n    Copiez les clés sur [un second disque](disk.md).\n\n=== \"Android\"\n\n    Ouvrez l'app.\n";
        assert!(hits(&RULE, en, ok, "fr").is_empty());
        let en = "!!! note « like this » is what not to write.\n";
        let de = "!!! note « so » sollst du nicht schreiben.\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
    }

    #[test]
    fn heading_level_and_kind_need_a_known_english() {
        let en = "## Encryption\n\nText here with [a link](x.md).\n\n- An item in a list with [another](y.md) and 3 things\n";
        let de = "### Verschlüsselung\n\nText hier mit [einem Link](x.md).\n\nEin Punkt in einer Liste mit [anderem](y.md) und 3 Dingen\n";
        assert_eq!(
            hits(&RULE, en, de, "de"),
            ["1: heading level changed: ## → ###", "5: a list item in the English is a paragraph here"]
        );
        assert!(hits_without_base(&RULE, en, de, "de").is_empty());
    }

    #[test]
    fn same_structure_and_harmless_rewrites_are_fine() {
        let en = "---\ntitle: Keys\n---\n## Keys { #keys }\n\n!!! tip \"Tip\"\n\n    Use *this*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n##NoSpace\n";
        let zh = "---\ntitle: 金鑰\n---\n\n\n## 金鑰 {#keys}\n\n!!! tip \"提示\"\n\n    使用_這個_。\n\n|a|b|\n|-|-|\n|1|2|\n\n##沒有空格\n";
        assert!(hits(&RULE, en, zh, "zh-Hant").is_empty());
    }
}
