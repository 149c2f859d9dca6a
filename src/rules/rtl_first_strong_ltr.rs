//! `rtl-first-strong-ltr`: a label or metadata value on a right-to-left page whose direction,
//! when it is detected from the text, comes out left to right.

use std::sync::LazyLock;

use regex::Regex;
use unicode_bidi::{bidi_class, BidiClass};

use super::text::{capped, shorten};
use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "rtl-first-strong-ltr",
    group: Group::Script,
    default: Level::Info,
    summary:
        "on a right-to-left page, a title, heading, list item, table cell or label starts with a left-to-right word",
    detects: "In a right-to-left locale, text whose direction is detected from its first strong character — \
        front-matter `title`, `meta_title`, `description` and `summary` (browser tabs, search results, link \
        previews), headings (table of contents, search), list items, table cells, admonition titles, content \
        tab labels and `<summary>` — that begins with a left-to-right character (a Latin product name, say) \
        although it holds right-to-left letters. Markup that does not display (link targets, tags, attribute \
        lists, icon and emoji shortcodes, footnote references, images with their alternative text) and \
        isolated runs (between LRI/RLI/FSI and PDI) are \
        skipped, as a browser skips them. An LRM (U+200E) at the start states that left to right is meant and \
        silences the rule; an RLM (U+200F) at the start is the usual fix.",
    why: "Under `dir=auto` and in plain-text metadata the first strong character decides the direction: a \
        Hebrew or Arabic sentence that opens with `Firefox` is laid out left to right, its final punctuation \
        and parentheses land at the wrong end, and the runs read in the wrong order.",
    example: ["## Firefox Sync (US only)", "## Firefox Sync (ארה״ב בלבד)"],
    precision: Some("10 of 10 sampled findings (Privacy Guides snapshot, he and ar)"),
    check: Check::Pair(check),
};

/// Front-matter keys shown as plain text with a detected direction.
const METADATA: [&str; 4] = ["title", "meta_title", "description", "summary"];

/// A list item's marker, with a task list's checkbox (which displays no text; an escaped one,
/// `\[x\]`, is a broken checkbox, a markup problem rather than a direction one).
static LIST_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\\?\[[ xX]\\?\][ \t]+)?").unwrap());
static ATTR_LIST_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\{:?[ \t]*(?:[.#][^\s}]|[\w-]+[ \t]*=)[^}\n]*\}").unwrap());
/// Icon and emoji shortcodes (`:material-check:`, `:gear:`, `:+1:`) display as images.
static ICON_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^:[a-z0-9+][a-z0-9_+-]*:").unwrap());
static ENTITY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").unwrap());

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    capped(input, out, find);
}

fn find(input: &Input<'_>, out: &mut Vec<Hit>) {
    if !input.facts.rtl {
        return;
    }
    let seg = input.translation;
    let raw = seg.raw();
    let mut look = |start: usize, end: usize, what: &str| {
        let text = &raw[start..end];
        if let Some(at) = ltr_first(text) {
            out.push(Hit::new(
                start + at,
                format!(
                    "{what} \"{}\" starts with left-to-right \"{}\": where the direction is detected from the text \
                     (dir=auto, previews, search results) it is laid out left to right, with punctuation at the wrong \
                     end; begin it with RLM <U+200F> or with a word in the page's script",
                    shorten(text.trim(), 50),
                    first_word(&text[at..]),
                ),
            ));
        }
    };
    match seg.kind {
        Kind::FrontMatter => {
            let key = raw.split(':').next().unwrap_or("");
            if METADATA.contains(&key) {
                let start = (key.len() + 2).min(raw.len());
                look(start, raw.len(), &format!("front-matter `{key}`"));
            }
        }
        Kind::Heading(_) => look(0, raw.len(), "heading"),
        Kind::ListItem => {
            if let Some(marker) = LIST_MARKER.find(raw) {
                look(marker.end(), raw.len(), "list item");
            }
        }
        Kind::TableRow => {
            for cell in cells(raw) {
                look(cell.start, cell.end, "table cell");
            }
        }
        Kind::Admonition | Kind::Tab => {
            if let (Some(a), Some(b)) = (raw.find('"'), raw.rfind('"')) {
                let what = if seg.kind == Kind::Tab { "tab label" } else { "admonition title" };
                look(a + 1, b.max(a + 1), what);
            }
        }
        Kind::Html => {
            if let Some(at) = raw.find("<summary").or_else(|| raw.find("<SUMMARY")) {
                look(at, raw.len(), "<summary>");
            }
        }
        _ => {}
    }
}

/// When the first strong character of `text` as displayed is left to right (and not an LRM)
/// and a right-to-left letter follows: the offset of that first character.
fn ltr_first(text: &str) -> Option<usize> {
    let mut first = None;
    let mut isolates = 0usize;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if let Some(skip) = hidden_markup(&text[i..]) {
            i += skip;
            continue;
        }
        match c {
            '\u{2066}'..='\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ if isolates > 0 => {}
            _ => match class(c) {
                BidiClass::L if first.is_none() => {
                    if c == '\u{200E}' {
                        return None;
                    }
                    first = Some(i);
                }
                BidiClass::R | BidiClass::AL => {
                    // Right to left first: the text is laid out as the page is.
                    let at = first?;
                    if c.is_alphabetic() {
                        return Some(at);
                    }
                }
                _ => {}
            },
        }
        i += c.len_utf8();
    }
    None
}

/// The bidirectional class of `c`: ASCII letters and digits, Hebrew and Arabic letters without
/// the Unicode tables, which the rest needs.
fn class(c: char) -> BidiClass {
    match c {
        'A'..='Z' | 'a'..='z' => BidiClass::L,
        '0'..='9' => BidiClass::EN,
        '\u{05D0}'..='\u{05EA}' => BidiClass::R,
        '\u{0621}'..='\u{064A}' => BidiClass::AL,
        _ => bidi_class(c),
    }
}

/// The word at the start of `s`: letters, digits and the punctuation inside names (`Mailbox.org`).
fn first_word(s: &str) -> String {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '\'' | '\u{200E}')))
        .map_or(s.len(), |(i, _)| i);
    shorten(s[..end].trim_end_matches('.'), 30)
}

/// The length of markup at the start of `s` that displays no text of its own.
fn hidden_markup(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let next = b.get(1).copied().unwrap_or(0);
    match b[0] {
        b'<' if next.is_ascii_alphabetic() || next == b'/' || next == b'!' => {
            Some(s.find('>').map_or(s.len(), |e| e + 1))
        }
        // An image displays a picture: its alternative text is not read for direction.
        b'!' if next == b'[' => {
            // Alternative texts are short: looking further would make a line of `![` quadratic.
            let mut window = s.len().min(512);
            while !s.is_char_boundary(window) {
                window -= 1;
            }
            let close = s[..window].find("](")?;
            Some(close + hidden_markup(&s[close..]).unwrap_or(1))
        }
        b']' if next == b'(' => {
            let mut depth = 0usize;
            for (k, c) in s.char_indices().skip(1) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(k + 1);
                        }
                    }
                    _ => {}
                }
            }
            Some(s.len())
        }
        b']' if next == b'[' => Some(s[1..].find(']').map_or(s.len(), |e| e + 2)),
        b'[' if next == b'^' => Some(s.find(']').map_or(s.len(), |e| e + 1)),
        b'{' => ATTR_LIST_AT.find(s).map(|m| m.end()),
        b':' => ICON_AT.find(s).map(|m| m.end()),
        b'&' => ENTITY_AT.find(s).map(|m| m.end()),
        b'\\' => Some(1),
        _ => None,
    }
}

/// The byte ranges of a table row's cells (between unescaped pipes outside inline code).
fn cells(row: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut code, mut previous) = (0, false, ' ');
    for (i, c) in row.char_indices() {
        match c {
            '`' => code = !code,
            '|' if !code && previous != '\\' => {
                if !row[start..i].trim().is_empty() {
                    out.push(start..i);
                }
                start = i + 1;
            }
            _ => {}
        }
        previous = c;
    }
    if !row[start..].trim().is_empty() {
        out.push(start..row.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::hits;

    #[test]
    fn the_quick_classes_are_the_unicode_ones() {
        for c in ('0'..='z').chain('\u{05D0}'..='\u{05EA}').chain('\u{0621}'..='\u{064A}') {
            if c.is_ascii_alphanumeric() || !c.is_ascii() {
                assert_eq!(super::class(c), unicode_bidi::bidi_class(c), "U+{:04X}", c as u32);
            }
        }
    }

    fn lines(found: &[String]) -> Vec<&str> {
        found.iter().map(|f| f.split(':').next().unwrap()).collect()
    }

    #[test]
    fn labels_starting_with_a_latin_name_are_found() {
        let en = "---\ntitle: Firefox Sync\n---\n\n## Firefox Sync (US only)\n\n- Tor Browser is best.\n\n| Name | Note |\n|---|---|\n| Signal | Good app |\n";
        let he = "---\ntitle: Firefox Sync בעברית\n---\n\n## Firefox Sync (ארה״ב בלבד)\n\n- Tor Browser הוא הטוב ביותר.\n\n| שם | הערה |\n|---|---|\n| Signal | Signal אפליקציה טובה |\n";
        let found = hits(&RULE, en, he, "he");
        assert_eq!(lines(&found), ["2", "5", "7", "11"], "{found:?}");
        assert!(
            found[1].starts_with("5: heading \"## Firefox Sync (ארה״ב בלבד)\" starts with left-to-right \"Firefox\"")
        );
        // The first cell (`Signal` alone) holds no Hebrew: only the second is reported.
        assert!(found[3].contains("table cell \"Signal אפליקציה טובה\""), "{found:?}");
    }

    #[test]
    fn persian_and_urdu_labels_are_found() {
        let en = "## Signal for Android\n\n- Briar works offline.\n";
        let fa = "## Signal برای اندروید\n\n- Briar بدون اینترنت کار می\u{200C}کند.\n";
        assert_eq!(lines(&hits(&RULE, en, fa, "fa")), ["1", "3"]);
        let ur = "## Signal اینڈرائیڈ کے لیے\n\n- \u{200F}Briar آف لائن کام کرتا ہے۔\n";
        assert_eq!(lines(&hits(&RULE, en, ur, "ur")), ["1"]);
    }

    #[test]
    fn admonition_titles_and_summaries_are_found() {
        let en = "!!! note \"Proton Mail users\"\n\n    Text.\n\n<details><summary>Proton Mail settings</summary>\n";
        let ar = "!!! note \"Proton Mail للمستخدمين\"\n\n    نص.\n\n<details><summary>Proton Mail إعدادات</summary>\n";
        let found = hits(&RULE, en, ar, "ar");
        assert_eq!(lines(&found), ["1", "5"], "{found:?}");
        assert!(found[0].contains("admonition title \"Proton Mail للمستخدمين\""));
        assert!(found[1].contains("<summary>"));
    }

    #[test]
    fn rtl_first_marks_markup_and_ltr_locales_are_fine() {
        let en = "## Firefox Sync\n\n## Signal\n\n## :material-check:{ .pg-green } Tor support\n\n## [Tor](https://torproject.org) support\n\n- [x] Select **Clear data**\n\n- [x] Select **Clear data**\n\n- :gear: **Settings** → **Privacy**\n";
        // Starts with Hebrew; an RLM or an LRM at the start; Latin only; an icon shortcode before Arabic.
        let he = "## סנכרון Firefox\n\n## \u{200F}Signal אפליקציה\n\n## \u{200E}Signal אפליקציה\n\n## Signal\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        let ar = "## :material-check:{ .pg-green } دعم Tor\n\n## [تور](https://torproject.org) دعم\n\n- [x] اختر **مسح البيانات**\n\n- \\[x\\] اختر **مسح البيانات**\n\n- :gear: **الإعدادات** ← **الخصوصية**\n";
        assert!(hits(&RULE, en, ar, "ar").is_empty());
        // A logo before the name: its alternative text does not display.
        let he =
            "- ![Syncthing לוגו](syncthing.svg){ .twemoji } [Syncthing](sync.md)\n\n- ![לוגו](x.svg) Signal אפליקציה\n";
        let found = hits(&RULE, "- [Syncthing](sync.md)\n\n- Signal app\n", he, "he");
        assert_eq!(lines(&found), ["3"], "{found:?}");
        // Paragraphs take the page's direction: not an auto-direction context.
        assert!(hits(&RULE, "Firefox is good.\n", "Firefox הוא טוב.\n", "he").is_empty());
        // Left-to-right locales are not concerned.
        assert!(hits(&RULE, "## Firefox Sync\n", "## Firefox Sync (nur USA)\n", "de").is_empty());
    }
}
