//! `emphasis-changed`: bold or italic text that the translation lost or broke.

use pulldown_cmark::{Event, Parser, Tag};

use super::{Check, Group, Hit, Input, Rule};
use crate::check::Level;
use crate::parse::Kind;

pub static RULE: Rule = Rule {
    id: "emphasis-changed",
    group: Group::Markup,
    default: Level::Warning,
    summary: "bold or italic text lost or broken: escaped `\\*\\*`, `** x **`, unbalanced `**`",
    detects: "Strong and emphasised spans of the English block that the translation no longer renders: \
        delimiters escaped as `\\*\\*` (shown as literal asterisks), `** x **` with spaces inside the \
        delimiters, an unbalanced `**`, and, when the English the translation was made from is known, a \
        different number of bold or italic spans. `*em*` ≡ `_em_` is a harmless platform rewrite. Delimiters \
        next to CJK punctuation (`**請注意。**其他`) count as bold even where CommonMark's flanking rules \
        disagree, since MkDocs renders them bold.",
    why: "Readers see stray asterisks instead of the emphasis the English puts on a warning or a setting's \
        name; the platform's escaping also hides the emphasis from the next export.",
    example: ["You **must** use a VPN.", "עליך \\*\\*להשתמש\\*\\* ב-VPN."],
    precision: Some("10/10 of a sample of the 47 findings on the Privacy Guides snapshot"),
    check: Check::Pair(check),
};

fn check(input: &Input<'_>, out: &mut Vec<Hit>) {
    let Some(english) = input.english else { return };
    let t = input.translation;
    if matches!(t.kind, Kind::Code | Kind::FrontMatter | Kind::Html) || english.kind == Kind::Code {
        return;
    }
    if t.raw() == english.raw() || !(may_delimit(t.raw()) || may_delimit(english.raw())) {
        return;
    }
    let tr = Emphasis::of(t.raw());
    if !input.known_english && tr.escaped.is_empty() && tr.strays.is_empty() {
        // Without the English the translation was made from, only a delimiter the translation
        // shows as text is a finding: none here, and the English need not be read.
        return;
    }
    let e = Emphasis::of(english.raw());
    let lost = tr.strong < e.strong || tr.em < e.em;
    if lost && tr.escaped.len() > e.escaped.len() {
        let at = tr.escaped[e.escaped.len().min(tr.escaped.len() - 1)];
        out.push(Hit::new(at, "escaped `\\*` shows literal asterisks where the English has bold or italic text"));
    } else if let Some(stray) = extra_stray(&e, &tr, lost) {
        let run = &t.raw()[stray.at..stray.at + stray.len];
        let message = if stray.touches_space {
            format!("`{run}` next to a space does not open or close bold or italic text (`{run} x {run}`)")
        } else {
            format!("unbalanced `{run}`: its bold or italic span is not closed")
        };
        out.push(Hit::new(stray.at, message));
    } else if input.known_english && counts_differ(&e, &tr, cjk(&input.facts.script)) {
        out.push(Hit::new(
            0,
            format!("{} bold and {} italic spans where the English has {} and {}", tr.strong, tr.em, e.strong, e.em),
        ));
    }
}

/// Whether `raw` has a `*`, or a `_` that is not a single one inside a word (`Rooting_Android`,
/// `snake_case`): neither CommonMark nor Python-Markdown makes emphasis of those, so a block
/// without other delimiters has no span to lose and no stray delimiter.
fn may_delimit(raw: &str) -> bool {
    let b = raw.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    memchr::memchr(b'*', b).is_some() || memchr::memchr_iter(b'_', b).any(|i| i == 0 || !word(i - 1) || !word(i + 1))
}

/// Chinese, Japanese and Korean text has no italics: translators rightly write `「…」` or bold
/// instead, so only bold that became plain text counts there.
fn counts_differ(e: &Emphasis, tr: &Emphasis, cjk: bool) -> bool {
    if cjk {
        tr.strong + tr.em < e.strong
    } else {
        (tr.strong, tr.em) != (e.strong, e.em)
    }
}

fn cjk(script: &str) -> bool {
    matches!(script, "Hani" | "Hans" | "Hant" | "Jpan" | "Kore" | "Hira" | "Kana" | "Hang")
}

/// The first delimiter run of the translation that pairs with nothing and that the English
/// does not explain. Unless a span was lost, a free-standing `*` (`2 * 3`) and a single `*`
/// inside a word (German `Anbieter*innen`) are text.
fn extra_stray<'a>(e: &Emphasis, tr: &'a Emphasis, lost: bool) -> Option<&'a Run> {
    let counts = |r: &&Run| lost || !(r.spaced || r.inside_word && r.len == 1);
    let e_count = e.strays.iter().filter(counts).count();
    let strays: Vec<&Run> = tr.strays.iter().filter(counts).collect();
    if strays.len() <= e_count {
        return None;
    }
    // A run next to a space is the likelier culprit: `**Nutzername **` is broken at its end.
    strays.iter().find(|r| r.touches_space).or(strays.get(e_count)).copied()
}

/// The bold and italic spans of a block and the delimiters that render as text.
#[derive(Debug, Default)]
struct Emphasis {
    strong: usize,
    em: usize,
    /// Offsets of backslash-escaped `*` and `_`.
    escaped: Vec<usize>,
    /// `*` runs that pair with nothing.
    strays: Vec<Run>,
}

#[derive(Debug, Clone)]
struct Run {
    at: usize,
    len: usize,
    ch: u8,
    /// Whitespace (or the end of the block) on both sides: it can neither open nor close.
    spaced: bool,
    /// Whitespace (or the end of the block) on the side it opens or closes.
    touches_space: bool,
    /// Letters or digits on both sides.
    inside_word: bool,
    can_open: bool,
    can_close: bool,
}

impl Emphasis {
    /// Counts the spans CommonMark sees, then pairs the delimiter runs it left as text the way
    /// Python-Markdown does (a run opens before a non-space and closes after one, flanking
    /// punctuation or not): `**請注意。**其他` is bold in MkDocs.
    fn of(raw: &str) -> Emphasis {
        let mut out = Emphasis::default();
        let mut literal: Vec<usize> = Vec::new();
        for (event, range) in Parser::new_ext(raw, crate::parse::options()).into_offset_iter() {
            match event {
                Event::Start(Tag::Strong) => out.strong += 1,
                Event::Start(Tag::Emphasis) => out.em += 1,
                Event::Text(_) => {
                    let bytes = raw.as_bytes();
                    for i in range {
                        if matches!(bytes[i], b'*' | b'_') {
                            if escaped(bytes, i) {
                                out.escaped.push(i - 1);
                            } else {
                                literal.push(i);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let runs = runs(raw, &literal);
        let mut open: Vec<&Run> = Vec::new();
        for run in &runs {
            if run.can_close {
                if let Some(k) = open.iter().rposition(|o| o.ch == run.ch && o.len == run.len) {
                    open.truncate(k);
                    match run.len {
                        1 => out.em += 1,
                        2 => out.strong += 1,
                        _ => {
                            out.strong += 1;
                            out.em += 1;
                        }
                    }
                    continue;
                }
            }
            if run.can_open {
                open.push(run);
            } else if run.ch == b'*' {
                out.strays.push(run.clone());
            }
        }
        // An unpaired `_` is text (`file_name`, `__init__`): only `*` runs are strays.
        out.strays.extend(open.into_iter().filter(|r| r.ch == b'*').cloned());
        out.strays.sort_by_key(|r| r.at);
        out
    }
}

/// The character at `i` is escaped by an odd number of backslashes.
fn escaped(bytes: &[u8], i: usize) -> bool {
    bytes[..i].iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
}

/// Groups literal delimiter offsets into runs of one character.
fn runs(raw: &str, literal: &[usize]) -> Vec<Run> {
    let bytes = raw.as_bytes();
    let mut out: Vec<Run> = Vec::new();
    for &i in literal {
        if let Some(last) = out.last_mut() {
            if last.at + last.len == i && last.ch == bytes[i] {
                last.len += 1;
                continue;
            }
        }
        out.push(Run {
            at: i,
            len: 1,
            ch: bytes[i],
            spaced: false,
            touches_space: false,
            inside_word: false,
            can_open: false,
            can_close: false,
        });
    }
    // `_` between ASCII letters or digits (`snake_case`, a URL written as text) is never a
    // delimiter.
    out.retain(|run| {
        let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        run.ch != b'_' || !(ascii(raw[..run.at].chars().next_back()) && ascii(raw[run.at + run.len..].chars().next()))
    });
    for run in &mut out {
        let before = raw[..run.at].chars().next_back();
        let after = raw[run.at + run.len..].chars().next();
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        run.can_open = !space(after);
        run.can_close = !space(before);
        // `_` between other letters opens and closes: platforms rewrite `*em*` as `_em_`, also
        // between CJK characters, and that rewrite is not the translator's doing.
        run.spaced = space(before) && space(after);
        // Followed by a space (an opener that cannot open), or after a space and before no
        // letter (a closer that cannot close, `Name **.`); after a space and before a letter it
        // is an opener whose closer is missing.
        let word = |c: char| c.is_alphanumeric() || c == '*' || c == '_';
        run.touches_space = space(after) || (space(before) && !after.is_some_and(word));
        run.inside_word = [before, after].iter().all(|c| c.is_some_and(char::is_alphanumeric));
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{may_delimit, Emphasis, RULE};
    use crate::rules::testing::{hits, hits_without_base};

    proptest! {
        /// What lets `check` skip a pair whose blocks may not delimit: such a block has no span,
        /// no escaped delimiter, and no stray delimiter but single underscores inside words.
        #[test]
        fn a_block_that_may_not_delimit_has_no_span_and_no_stray_that_counts(raw in r"[ab7_ \\é.]{0,24}") {
            prop_assume!(!may_delimit(&raw));
            let e = Emphasis::of(&raw);
            prop_assert_eq!((e.strong, e.em, e.escaped.len()), (0, 0, 0));
            prop_assert!(e.strays.iter().all(|r| r.inside_word && r.len == 1));
        }
    }

    fn counts(raw: &str) -> (usize, usize, usize, usize) {
        let e = Emphasis::of(raw);
        (e.strong, e.em, e.escaped.len(), e.strays.len())
    }

    #[test]
    fn escaped_delimiters_are_found_with_or_without_a_base() {
        let en = "You **must** use a [VPN](vpn.md).\n";
        let he = "עליך \\*\\*להשתמש\\*\\* ב-[VPN](vpn.md).\n";
        assert_eq!(
            hits_without_base(&RULE, en, he, "he"),
            ["1: escaped `\\*` shows literal asterisks where the English has bold or italic text"]
        );
        assert_eq!(hits(&RULE, en, he, "he").len(), 1);
    }

    #[test]
    fn spaced_and_unbalanced_delimiters_are_found() {
        let en = "Select **Settings** → **Network**.\n";
        let ar = "اختر ** الإعدادات ** ← **الشبكة**.\n";
        assert_eq!(
            hits_without_base(&RULE, en, ar, "ar"),
            ["1: `**` next to a space does not open or close bold or italic text (`** x **`)"]
        );
        let de = "Wähle **Einstellungen** → **Netzwerk.\n";
        assert_eq!(
            hits_without_base(&RULE, en, de, "de"),
            ["1: unbalanced `**`: its bold or italic span is not closed"]
        );
        let de = "Wähle **Einstellungen** → **Netzwerk **.\n";
        assert_eq!(
            hits_without_base(&RULE, en, de, "de"),
            ["1: `**` next to a space does not open or close bold or italic text (`** x **`)"]
        );
    }

    #[test]
    fn mismatched_delimiters_are_unbalanced() {
        let en = "**OpenWrt** is a router system.\n";
        let de = "**OpenWrt* ist ein Router-System.\n";
        assert_eq!(
            hits_without_base(&RULE, en, de, "de"),
            ["1: unbalanced `*`: its bold or italic span is not closed"]
        );
    }

    #[test]
    fn a_lost_span_is_found_only_when_the_english_is_known() {
        let en = "This is **important** and *new*.\n";
        let fa = "این مهم و *جدید* است.\n";
        assert_eq!(hits(&RULE, en, fa, "fa"), ["1: 0 bold and 1 italic spans where the English has 1 and 1"]);
        assert!(hits_without_base(&RULE, en, fa, "fa").is_empty());
    }

    #[test]
    fn underscores_cjk_punctuation_and_escaped_literals_are_fine() {
        let en = "Use *this* and **that**, not `a*b`, and 2 \\* 3 for file_name.\n";
        let de = "Nutze _dies_ und __das__, nicht `a*b`, und 2 * 3 für file\\_name.\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
        // CommonMark does not close `**` after `。` before a letter; MkDocs does.
        let en = "**Please note we are not affiliated.** In addition, read *this*.\n";
        let zh = "**請注意，我們與任何項目均無關。**此外，請閱讀*這個*。\n";
        assert!(hits(&RULE, en, zh, "zh-Hant").is_empty());
        let ja = "文字**「引用」**文字と_強調_。\n";
        assert_eq!(counts(ja), (1, 1, 0, 0));
    }

    #[test]
    fn cjk_italics_may_become_corner_brackets_or_bold() {
        let en = "Apps in the *official* repository are **often** late, see [docs](https://example.org/a_b).\n";
        let zh = "「官方」儲存庫中的應用程式**經常**延遲，請參閱[文件](https://example.org/a_b)與 https://example.org/x_(y_z)。\n";
        assert!(hits(&RULE, en, zh, "zh-Hant").is_empty());
        let zh = "官方儲存庫中的應用程式經常延遲，請參閱[文件](https://example.org/a_b)。\n";
        assert_eq!(hits(&RULE, en, zh, "zh-Hant"), ["1: 0 bold and 0 italic spans where the English has 1 and 1"]);
        let de = "Apps im „offiziellen“ Repository sind **oft** spät, siehe [Doku](https://example.org/a_b).\n";
        assert_eq!(hits(&RULE, en, de, "de"), ["1: 1 bold and 0 italic spans where the English has 1 and 1"]);
    }

    #[test]
    fn a_gender_star_is_text() {
        let en = "We prefer **few** providers.\n";
        let de = "Wir bevorzugen **wenige** Anbieter*innen.\n";
        assert!(hits(&RULE, en, de, "de").is_empty());
    }

    #[test]
    fn list_markers_and_abbreviations_are_not_delimiters() {
        let en = "* **Must** not be rooted.\n\n*[VPN]: Virtual Private Network\n";
        let he = "* **אסור** שיהיה rooted.\n\n*[VPN]: רשת פרטית וירטואלית\n";
        assert!(hits(&RULE, en, he, "he").is_empty());
        assert_eq!(counts("**a** \\*\\*b\\*\\* ** c"), (1, 0, 4, 1));
    }
}
