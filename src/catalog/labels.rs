//! Repeated labels: the short strings that recur across a site's pages (button and card
//! labels, link texts, `title` attributes, `<summary>` texts, admonition and tab titles),
//! offered as messages with the renderings each locale uses today, read from the aligned
//! pairs of every page, and their inconsistencies. Pure: it reads a site's report.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::check::SiteReport;

/// How often a label must occur in the source pages, and how many words it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Options {
    pub min_count: usize,
    pub max_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { min_count: 3, max_words: 5 }
    }
}

/// One way a locale writes a label, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendering {
    pub text: String,
    pub count: usize,
    /// The rendering is the source text itself.
    pub untranslated: bool,
}

/// How one locale renders a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleLabel {
    pub locale: String,
    /// Most frequent first.
    pub renderings: Vec<Rendering>,
    /// The translation to put in the catalogue: the most frequent one.
    pub proposed: Option<String>,
    /// More than one translation is in use.
    pub inconsistent: bool,
}

/// A label offered as a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub text: String,
    /// Occurrences in the source pages.
    pub count: usize,
    pub pages: usize,
    /// Where it occurs: `link`, `title`, `summary`, `admonition`, `tab`.
    pub kinds: Vec<&'static str>,
    pub locales: Vec<LocaleLabel>,
}

/// What `catalog labels` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub options: Options,
    pub source_pages: usize,
    pub locales: Vec<String>,
    pub labels: Vec<Label>,
}

/// The labels of a block as written, with their kinds, in order.
pub fn extract(raw: &str) -> Vec<(&'static str, String)> {
    static ADMONITION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?m)^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+"([^"]+)""#).expect("valid"));
    static TAB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(?m)^\s*===\+?\s+"([^"]+)""#).expect("valid"));
    static SUMMARY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<summary[^>]*>(.*?)</summary>").expect("valid"));
    static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\btitle=(?:"([^"]*)"|'([^']*)')"#).expect("valid"));
    static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(!?)\[([^\[\]]+)\]\(").expect("valid"));
    static ICON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[a-z0-9]+(?:-[a-z0-9]+)+:").expect("valid"));
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid"));
    let clean = |s: &str| {
        let s = ICON.replace_all(s, "");
        let s = TAG.replace_all(&s, "");
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut out = Vec::new();
    let mut push = |kind, s: &str| {
        let s = clean(s);
        if s.chars().any(char::is_alphabetic) {
            out.push((kind, s));
        }
    };
    for c in ADMONITION.captures_iter(raw) {
        push("admonition", &c[1]);
    }
    for c in TAB.captures_iter(raw) {
        push("tab", &c[1]);
    }
    for c in SUMMARY.captures_iter(raw) {
        push("summary", &c[1]);
    }
    for c in TITLE.captures_iter(raw) {
        push("title", c.get(1).or(c.get(2)).map_or("", |m| m.as_str()));
    }
    for c in LINK.captures_iter(raw).filter(|c| c[1].is_empty()) {
        push("link", &c[2]);
    }
    out
}

/// Pairs the labels of a source block with those of its translation: kind by kind, in order,
/// when both have as many of that kind.
fn paired(source: &[(&'static str, String)], translation: &[(&'static str, String)]) -> Vec<(String, String)> {
    let kinds: BTreeSet<&str> = source.iter().map(|(k, _)| *k).collect();
    let mut out = Vec::new();
    for kind in kinds {
        let s: Vec<&String> = source.iter().filter(|(k, _)| *k == kind).map(|(_, t)| t).collect();
        let t: Vec<&String> = translation.iter().filter(|(k, _)| *k == kind).map(|(_, t)| t).collect();
        if s.len() == t.len() {
            out.extend(s.into_iter().zip(t).map(|(a, b)| (a.clone(), b.clone())));
        }
    }
    out
}

/// A label's occurrences in the source: count, kinds, pages.
type Occurrences<'r> = (usize, BTreeSet<&'static str>, BTreeSet<&'r str>);

/// The repeated labels of a site's report (whose pages carry their alignments).
pub fn collect(report: &SiteReport, options: Options) -> Report {
    let words = |s: &str| s.split_whitespace().count();
    // Occurrences in the source, each source block once (it appears once per locale).
    let mut seen_blocks: HashSet<(&str, [u32; 2])> = HashSet::new();
    let mut counts: HashMap<String, Occurrences> = HashMap::new();
    let mut renderings: HashMap<(String, &str), BTreeMap<String, usize>> = HashMap::new();
    let mut source_pages = BTreeSet::new();
    for page in &report.pages {
        source_pages.insert(page.source.as_str());
        let Some(alignment) = &page.alignment else { continue };
        for pair in &alignment.pairs {
            let (Some(src), Some(lines)) = (&pair.source_text, pair.source_lines) else { continue };
            let labels = extract(src);
            if labels.is_empty() {
                continue;
            }
            if seen_blocks.insert((page.source.as_str(), lines)) {
                for (kind, text) in &labels {
                    let c = counts.entry(text.clone()).or_default();
                    c.0 += 1;
                    c.1.insert(kind);
                    c.2.insert(page.source.as_str());
                }
            }
            let Some(tr) = &pair.translation_text else { continue };
            for (s, t) in paired(&labels, &extract(tr)) {
                *renderings.entry((s, page.locale.as_str())).or_default().entry(t).or_default() += 1;
            }
        }
    }
    let locales: Vec<String> = report.locales.iter().map(|l| l.locale.clone()).collect();
    let mut chosen: Vec<(String, Occurrences)> = counts
        .into_iter()
        .filter(|(text, (n, ..))| *n >= options.min_count && words(text) <= options.max_words)
        .collect();
    chosen.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    let mut ids = HashSet::new();
    let labels = chosen
        .into_iter()
        .enumerate()
        .map(|(i, (text, (count, kinds, pages)))| {
            let base = format!("label-{}", super::build::message_id(&text).unwrap_or_else(|| (i + 1).to_string()));
            let mut id = base.clone();
            let mut n = 2;
            while !ids.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            let per_locale = locales
                .iter()
                .map(|l| {
                    let mut r: Vec<Rendering> = renderings
                        .get(&(text.clone(), l.as_str()))
                        .map(|m| {
                            m.iter()
                                .map(|(t, c)| Rendering { untranslated: *t == text, text: t.clone(), count: *c })
                                .collect()
                        })
                        .unwrap_or_default();
                    r.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
                    let translated: Vec<&Rendering> = r.iter().filter(|r| !r.untranslated).collect();
                    LocaleLabel {
                        locale: l.clone(),
                        proposed: translated.first().map(|r| r.text.clone()),
                        inconsistent: translated.len() > 1,
                        renderings: r,
                    }
                })
                .collect();
            Label { id, text, count, pages: pages.len(), kinds: kinds.into_iter().collect(), locales: per_locale }
        })
        .collect();
    Report { options, source_pages: source_pages.len(), locales, labels }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_extracted_by_kind() {
        let raw = r#"[:octicons-home-16: Homepage](https://x.org){ .md-button } [:octicons-code-16:](https://g.org){ .card-link title="Source Code" } ![logo](a.svg)"#;
        assert_eq!(extract(raw), [("title", "Source Code".to_owned()), ("link", "Homepage".to_owned())]);
        assert_eq!(extract("<summary>Downloads</summary>"), [("summary", "Downloads".to_owned())]);
        assert_eq!(extract("!!! warning \"Keep a copy\""), [("admonition", "Keep a copy".to_owned())]);
        assert_eq!(extract("=== \"Linux\""), [("tab", "Linux".to_owned())]);
        assert!(extract("plain text with no label").is_empty());
    }

    /// A site report of one locale whose pages are aligned with their sources.
    fn report(locale: &str, pages: &[(&str, &str)]) -> SiteReport {
        let pages: Vec<crate::check::PageReport> = pages
            .iter()
            .enumerate()
            .map(|(i, (source, translation))| {
                let a = crate::align_pages(source, translation, None, locale);
                let name = format!("p{i}.md");
                crate::check::page_report(&name, locale, &name, &name, Some(a), Default::default)
            })
            .collect();
        let refs: Vec<&crate::check::PageReport> = pages.iter().collect();
        SiteReport {
            root: ".".into(),
            source_locale: "en".into(),
            locales: vec![crate::check::locale_report(locale, false, &refs, Default::default())],
            pages,
            findings: Vec::new(),
            orphans: Vec::new(),
            errors: Vec::new(),
            notices: Vec::new(),
            source_revision: None,
        }
    }

    #[test]
    fn repeated_labels_get_ids_renderings_and_inconsistencies() {
        let page = |n: &str, label: &str| {
            format!(
                "# {n}\n\nSome words about page {n}.\n\n<summary>{label}</summary>\n\n[Homepage](https://x.org/{n})\n"
            )
        };
        let sources: Vec<String> = ["a", "b", "c"].iter().map(|n| page(n, "Downloads")).collect();
        let translations = [page("a", "Téléchargements"), page("b", "Télécharger"), page("c", "Downloads")];
        let pairs: Vec<(&str, &str)> =
            sources.iter().zip(&translations).map(|(s, t)| (s.as_str(), t.as_str())).collect();
        let r = collect(&report("fr", &pairs), Options::default());
        let downloads = r.labels.iter().find(|l| l.text == "Downloads").unwrap();
        assert_eq!((downloads.id.as_str(), downloads.count, downloads.pages), ("label-downloads", 3, 3));
        let fr = &downloads.locales[0];
        assert!(fr.inconsistent);
        let seen: Vec<(&str, usize, bool)> =
            fr.renderings.iter().map(|r| (r.text.as_str(), r.count, r.untranslated)).collect();
        assert_eq!(seen, [("Downloads", 1, true), ("Téléchargements", 1, false), ("Télécharger", 1, false)]);
        let homepage = r.labels.iter().find(|l| l.text == "Homepage").unwrap();
        assert!(!homepage.locales[0].inconsistent, "left in English everywhere: nothing disagrees");
        let strict = collect(&report("fr", &pairs), Options { min_count: 4, max_words: 5 });
        assert!(strict.labels.is_empty());
    }

    #[test]
    fn pairing_needs_the_same_number_of_each_kind() {
        let s = extract(r#"[Home](a) [Docs](b) <summary>Get</summary>"#);
        let t = extract(r#"[Accueil](a) <summary>Obtenir</summary>"#);
        assert_eq!(paired(&s, &t), [("Get".to_owned(), "Obtenir".to_owned())]);
    }
}
