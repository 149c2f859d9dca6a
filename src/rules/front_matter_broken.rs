//! `front-matter-broken`: the translation's YAML front matter no longer parses, or lost its
//! delimiters, or has a key the English does not.

use std::sync::LazyLock;

use regex::Regex;
use saphyr_parser::{Event, Parser};

use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::{Kind, Segment};

pub static RULE: Rule = Rule {
    id: "front-matter-broken",
    group: Group::Markup,
    default: Level::Error,
    summary: "the YAML front matter no longer parses, lost its `---` delimiters, or has a translated or extra key",
    detects: "A front-matter field that is no longer valid YAML (an unbalanced quote, an unquoted value holding \
        `: `), a translated key (`כותרת:` for `title:`, ignored by the site), a `---` delimiter that became `- - -` or was lost so \
        that the front matter shows as text, and, when the English the translation was made from is known, a \
        key the English does not have. A key the translation lost is reported as `missing`. Quoting, \
        re-serialised YAML and blank lines added after the front matter are harmless.",
    why: "MkDocs stops the build on front matter that does not parse, or shows it as text at the top of the \
        page and loses the page's title, description and template; a translated key is silently ignored.",
    example: ["---\ntitle: \"Private messaging\"\n---", "---\ntitle: \"Mensajería privada\n---"],
    precision: Some("5/5 findings on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

/// `key: value` as a front-matter line that lost its delimiter reads.
static KEY_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z_][a-z0-9_-]*[ \t]*:([ \t]|$)").unwrap());

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let t = input.translation;
    let in_front_matter = t.container.iter().any(|c| c == "front-matter");
    match t.kind {
        Kind::FrontMatter => field(input, out),
        _ if in_front_matter || t.lines[0] > 1 => {}
        // The page should open with front matter when the English block it pairs with is in
        // the English's front matter, or when nothing pairs with it.
        _ if input.english.is_some_and(|e| !e.container.iter().any(|c| c == "front-matter")) => {}
        Kind::Rule => {
            let raw = t.raw().trim();
            if raw.chars().all(|c| c == '-' || c == ' ') {
                let message = if raw == "---" {
                    "the front matter has no closing `---`: it shows as text".to_owned()
                } else {
                    format!("front-matter delimiter `{raw}` is not `---`: the front matter shows as text")
                };
                out.push(Hit::new(0, message));
            }
        }
        Kind::Paragraph | Kind::Heading(_) => {
            let mut lines = t.raw().lines().filter(|l| !l.trim().is_empty());
            let yaml = lines.all(|l| KEY_LINE.is_match(l) || l.starts_with([' ', '-']));
            if yaml && KEY_LINE.is_match(t.raw()) {
                out.push(Hit::new(0, "the front matter lost its opening `---`: it shows as text"));
            }
        }
        _ => {}
    }
}

fn field(input: &Input<'_>, out: &mut Vec<Hit>) {
    let t = input.translation;
    let key = field_key(t);
    let ascii = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !ascii && !key.is_empty() && t.raw().contains([':', '\u{FF1A}']) {
        // Site generators look keys up by their English names.
        let message = match input.english.map(field_key) {
            Some(e) => format!("front-matter key `{key}` looks translated (the English has `{e}`): it is ignored"),
            None => format!("front-matter key `{key}` looks translated: it is ignored"),
        };
        out.push(Hit::new(0, message));
        return;
    }
    if let Err((at, message)) = if plainly_valid(t.raw()) { Ok(()) } else { yaml_field(t.raw()) } {
        out.push(Hit::new(at, format!("front matter no longer parses: {message}")));
        return;
    }
    if input.english.is_none() && input.known_english {
        out.push(Hit::new(0, format!("front-matter key `{key}` is not in the English")));
    }
}

fn field_key(seg: &Segment) -> &str {
    seg.skeleton().first().and_then(|t| t.strip_prefix("fm:")).unwrap_or("")
}

/// A field that is valid YAML on sight, so that most fields are not parsed: one line, a plain
/// key, `: `, and a plain value that starts with a letter or digit and has no `:`, no `#` and no
/// control character, or a quoted value with no quote inside (a property test holds it to the
/// YAML parser).
fn plainly_valid(raw: &str) -> bool {
    let Some((key, value)) = raw.split_once(": ") else { return false };
    let mut key_chars = key.chars();
    let key_ok = key_chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key_chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let value = value.trim_end_matches(' ');
    let allowed = |c: char| match c {
        ' ' => true,
        ':' | '#' => false,
        c if c.is_ascii() => c.is_ascii_graphic(),
        c => c.is_alphanumeric() || matches!(c, '«' | '»' | '—' | '–' | '’' | '“' | '”' | '،' | '。' | '，' | '、'),
    };
    // A quoted value: anything printable but its quote (and, in double quotes, a backslash).
    let quoted = |q: char| {
        value.len() >= 2
            && value.starts_with(q)
            && value.ends_with(q)
            && value[1..value.len() - 1]
                .chars()
                .all(|c| c != q && c != '\\' && (c == ' ' || allowed(c) || c == ':' || c == '#'))
    };
    key_ok && (value.starts_with(char::is_alphanumeric) && value.chars().all(allowed) || quoted('"') || quoted('\''))
}

/// Parses one front-matter field as YAML: it must be a mapping of one key. The error's byte
/// offset in `raw` and its description otherwise.
fn yaml_field(raw: &str) -> Result<(), (usize, String)> {
    let mut depth = 0usize;
    // Keys and values of the top-level mapping.
    let mut items = 0usize;
    for event in Parser::new_from_str(raw) {
        let (event, span) = event.map_err(|e| (byte_offset(raw, e.marker().index()), e.info().to_owned()))?;
        let at = byte_offset(raw, span.start.index());
        match event {
            Event::SequenceStart(..) if depth == 0 => return Err((at, "a list where `key: value` is expected".into())),
            Event::Scalar(..) | Event::Alias(_) if depth == 0 => {
                return Err((at, "text where `key: value` is expected".into()))
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                items += usize::from(depth == 1);
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::Scalar(..) | Event::Alias(_) => items += usize::from(depth == 1),
            _ => {}
        }
    }
    if items > 2 {
        return Err((0, "more than one key in this field".into()));
    }
    Ok(())
}

/// The byte offset of the `chars`-th character of `s`.
fn byte_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{plainly_valid, yaml_field, RULE};
    use crate::rules::testing::{hits, hits_without_base};

    const EN: &str = "---\ntitle: \"Private messaging\"\ndescription: Apps that encrypt\n  your chats.\nhide:\n  - toc\n---\n\n# Messaging\n";

    #[test]
    fn common_fields_are_valid_on_sight() {
        assert!(plainly_valid("title: Private messaging"));
        assert!(plainly_valid("description: Apps (and tools) that encrypt your chats, end-to-end."));
        assert!(plainly_valid("title: הודעות פרטיות"));
        assert!(!plainly_valid("title: \"Private messaging"));
        assert!(plainly_valid("title: \"Messagerie : applications\""));
        assert!(plainly_valid("title: 'Private # messaging'"));
        assert!(!plainly_valid("title: 'It's'"));
        assert!(!plainly_valid("title: Apps: chats"));
        assert!(!plainly_valid("hide:\n  - toc"));
    }

    proptest! {
        #[test]
        fn a_field_valid_on_sight_is_valid_yaml(
            key in "[a-z_][a-z0-9_-]{0,8}|[0-9é]{1,3}",
            value in "[aZ7é\u{5e9}\u{644}\u{4e2d}\u{660}\u{b2}\u{2160} :#\"'\\[\\]{}*&!|>%@`,?.()/\t\u{85}\u{feff}\u{7f}\u{1}\u{a0}\u{2028}«»—’“”،。，、-]{0,20}",
        ) {
            for raw in [format!("{key}: {value}"), format!("{key}: \"{value}\""), format!("{key}: '{value}'")] {
                if plainly_valid(&raw) {
                    prop_assert!(yaml_field(&raw).is_ok(), "{:?}", raw);
                }
            }
        }
    }

    #[test]
    fn unbalanced_quote_and_colon_in_a_plain_value_are_found() {
        let es = "---\ntitle: \"Mensajería privada\ndescription: Apps: cifran\n  tus chats.\nhide:\n  - toc\n---\n\n# Mensajería\n";
        let found = hits_without_base(&RULE, EN, es, "es");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("2: front matter no longer parses:"), "{found:?}");
        assert!(found[1].starts_with("3: front matter no longer parses: mapping values"), "{found:?}");
    }

    #[test]
    fn translated_key_and_broken_delimiters_are_found() {
        let he = "---\nכותרת: \"הודעות פרטיות\"\ndescription: אפליקציות\nhide:\n  - toc\n---\n\n# הודעות\n";
        assert_eq!(
            hits_without_base(&RULE, EN, he, "he"),
            ["2: front-matter key `כותרת` looks translated: it is ignored"]
        );
        let zh = "- - -\n說明：加密聊天的應用程式。\n- - -\n\n# 訊息\n";
        assert_eq!(
            hits_without_base(&RULE, EN, zh, "zh-Hant"),
            ["1: front-matter delimiter `- - -` is not `---`: the front matter shows as text"]
        );
        let de = "---\ntitle: Private Nachrichten\ndescription: Apps\n\n# Nachrichten\n";
        assert_eq!(
            hits_without_base(&RULE, EN, de, "de"),
            ["1: the front matter has no closing `---`: it shows as text"]
        );
        let fr = "title: Messagerie privée\ndescription: Applications\n---\n\n# Messagerie\n";
        assert_eq!(
            hits_without_base(&RULE, EN, fr, "fr"),
            ["1: the front matter lost its opening `---`: it shows as text"]
        );
    }

    #[test]
    fn a_line_that_is_not_key_value_is_found() {
        let fa = "---\ntitle: پیام‌رسانی خصوصی\nتوضیحات برنامه‌ها\nhide:\n  - toc\n---\n\n# پیام‌رسانی\n";
        let found = hits_without_base(&RULE, EN, fa, "fa");
        assert_eq!(found, ["3: front matter no longer parses: text where `key: value` is expected"]);
    }

    #[test]
    fn an_added_key_needs_a_known_english() {
        let de = "---\ntitle: Nachrichten\ndescription: Apps\nhide:\n  - toc\nautor: Jemand\n---\n\n# Nachrichten\n";
        assert_eq!(hits(&RULE, EN, de, "de"), ["6: front-matter key `autor` is not in the English"]);
        assert!(hits_without_base(&RULE, EN, de, "de").is_empty());
    }

    #[test]
    fn quoting_reserialisation_and_blank_lines_are_fine() {
        let ar = "---\ntitle: 'تطبيقات المراسلة'\ndescription: >-\n  تطبيقات تشفر\n  محادثاتك.\nhide:\n- toc\n---\n\n\n\n# المراسلة\n";
        assert!(hits(&RULE, EN, ar, "ar").is_empty());
        assert!(yaml_field("title: \"Say \\\"hi\\\"\"").is_ok());
        assert!(yaml_field("summary: It's fine: really").is_err());
        assert!(yaml_field("icon: material/chat").is_ok());
    }
}
