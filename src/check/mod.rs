//! From aligned pages to what maintainers and CI act on: coverage per page and per locale,
//! findings (one per problem, with rule, level, file and line), and release gates. Pure
//! functions of alignments and configuration; reporters render the result.

mod coverage;

use crate::parse::SharedStr;
use serde::{Deserialize, Serialize};

use crate::classify::{AlignedPair, Alignment, Base, Status};
use crate::rules::{self, Check, Rule};
use crate::site::config::{Config, Gates};
use crate::ui::{arg, num, Messages};
pub use coverage::{Counts, Tally};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Info,
    Warning,
    Error,
    /// Configured off.
    Off,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
            Level::Off => "off",
        }
    }
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub level: Level,
    pub locale: String,
    /// The file the problem is in: the translation, or the source for a missing block.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_excerpt: Option<SharedStr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_excerpt: Option<SharedStr>,
    /// For stale blocks with a known base: the old → new source, word by word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<crate::classify::DiffOp>>,
}

/// One translated page (or a page with no translation file yet).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageReport {
    pub page: String,
    pub locale: String,
    pub source: String,
    pub translation: String,
    /// False when the translation file does not exist: the whole page is missing.
    pub exists: bool,
    pub base: Base,
    pub counts: Counts,
    /// Share of source words translated (stale included), in percent.
    pub coverage: f64,
    /// Source words that need work (untranslated, partial, stale, missing).
    pub words_to_do: usize,
    #[serde(skip)]
    pub alignment: Option<Alignment>,
    /// The page's findings (coverage and rules, in file order), until they join the site's.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// The outcome of one gate of one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateResult {
    pub gate: String,
    pub limit: f64,
    pub actual: f64,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocaleReport {
    pub locale: String,
    pub direction: &'static str,
    pub pages: usize,
    pub counts: Counts,
    /// Share of source words translated (stale included), in percent.
    pub coverage: f64,
    /// Share of source segments translated (stale included), in percent.
    pub coverage_segments: f64,
    pub gates: Vec<GateResult>,
}

impl LocaleReport {
    pub fn passed(&self) -> bool {
        self.gates.iter().all(|g| g.passed)
    }
}

/// A file that could not be read, or a translation without a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub file: String,
    pub message: String,
    /// The locale the file belongs to; none for a source page (every locale lacks it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// Everything `status` and `check` report about a site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteReport {
    pub root: String,
    pub source_locale: String,
    pub locales: Vec<LocaleReport>,
    pub pages: Vec<PageReport>,
    pub findings: Vec<Finding>,
    pub orphans: Vec<Problem>,
    pub errors: Vec<Problem>,
    /// What the user should know about the run (e.g. why staleness is unavailable).
    pub notices: Vec<String>,
    /// The newest commit that changed a source page, when the git history is readable.
    #[serde(skip)]
    pub source_revision: Option<SourceRevision>,
}

/// A commit of the source pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRevision {
    pub commit: String,
    /// The committer date, ISO 8601.
    pub date: String,
}

impl Drop for SiteReport {
    /// A site's report holds every block of every translated page: it is freed in parallel,
    /// page by page, as it was built.
    fn drop(&mut self) {
        use rayon::prelude::*;
        std::mem::take(&mut self.pages).into_par_iter().for_each(drop);
        std::mem::take(&mut self.findings).into_par_iter().with_min_len(1024).for_each(drop);
    }
}

impl SiteReport {
    /// A gate failed or an error-level finding exists.
    pub fn failed(&self) -> bool {
        self.locales.iter().any(|l| !l.passed()) || self.findings.iter().any(|f| f.level == Level::Error)
    }
}

/// A page's report from its alignment (`None`: no translation file).
pub fn page_report(
    page: &str,
    locale: &str,
    source: &str,
    translation: &str,
    alignment: Option<Alignment>,
    source_words: impl Fn() -> Counts,
) -> PageReport {
    let (counts, base) = match &alignment {
        Some(a) => (Counts::of(&a.pairs), a.base.clone()),
        None => (source_words(), Base { kind: crate::classify::BaseKind::None, revision: None, date: None }),
    };
    PageReport {
        page: page.to_owned(),
        locale: locale.to_owned(),
        source: source.to_owned(),
        translation: translation.to_owned(),
        exists: alignment.is_some(),
        base,
        coverage: counts.words.coverage(),
        words_to_do: counts.words.to_do(),
        counts,
        alignment,
        findings: Vec::new(),
    }
}

/// The findings of one page: one per status that needs work, for pairs with something to
/// translate, at the levels configured for the locale, worded by `messages`.
pub fn findings(p: &PageReport, config: &Config, messages: &Messages) -> Vec<Finding> {
    let Some(a) = &p.alignment else {
        let level = level(config, &rules::coverage::MISSING, &p.locale);
        if level == Level::Off {
            return Vec::new();
        }
        return vec![Finding {
            rule: "missing",
            level,
            locale: p.locale.clone(),
            file: p.source.clone(),
            line: 1,
            column: 1,
            end_line: 1,
            message: messages.get("finding-missing-page", &[("locale", arg(&p.locale)), ("file", arg(&p.translation))]),
            source_excerpt: None,
            translation_excerpt: None,
            diff: None,
        }];
    };
    let mut out = Vec::new();
    let suspected = level(config, &rules::coverage::STALE_SUSPECTED, &p.locale);
    for pair in a.pairs.iter().filter(|pair| !pair.verbatim) {
        if pair.suspect && suspected != Level::Off {
            let mut f = finding(p, pair, "stale-suspected", Status::Stale, suspected, messages);
            let line = pair.source_lines.map_or(0, |l| l[0] as usize);
            f.message = messages.get("finding-stale-suspected", &[("line", num(line))]);
            out.push(f);
        }
        for rule in rules::RULES {
            let Check::Status(status) = rule.check else { continue };
            if !pair.has(status) {
                continue;
            }
            let level = level(config, rule, &p.locale);
            if level != Level::Off {
                out.push(finding(p, pair, rule.id, status, level, messages));
            }
        }
    }
    out
}

/// The level of `rule` for `locale`: configured, or the rule's default.
pub fn level(config: &Config, rule: &Rule, locale: &str) -> Level {
    config.level(rule.id, locale).unwrap_or(rule.default)
}

/// Characters of a sentence quoted by a finding.
const SENTENCE: usize = 60;

fn finding(
    p: &PageReport,
    pair: &AlignedPair,
    rule: &'static str,
    status: Status,
    level: Level,
    messages: &Messages,
) -> Finding {
    let (file, [line, end_line]) = match (pair.translation_lines, pair.source_lines) {
        (Some(t), _) if status != Status::Missing => (p.translation.clone(), t),
        (_, Some(s)) => (p.source.clone(), s),
        (Some(t), None) => (p.translation.clone(), t),
        (None, None) => (p.translation.clone(), [1, 1]),
    };
    let line_in_source = pair.source_lines.map_or(0, |s| s[0] as usize);
    let source_line = [("line", num(line_in_source))];
    let message = match status {
        Status::Untranslated => messages.get("finding-untranslated", &source_line),
        Status::Partial => match pair.english_left() {
            Some(sentence) => messages.get(
                "finding-partial-sentence",
                &[("line", num(line_in_source)), ("sentence", arg(crate::rules::shorten(sentence, SENTENCE)))],
            ),
            None => messages.get("finding-partial", &source_line),
        },
        Status::Stale => messages.get("finding-stale", &source_line),
        Status::Missing => {
            messages.get("finding-missing-block", &[("locale", arg(&p.locale)), ("file", arg(&p.translation))])
        }
        Status::Obsolete => messages.text("finding-obsolete"),
        Status::Translated => String::new(),
    };
    Finding {
        rule,
        level,
        locale: p.locale.clone(),
        file,
        line,
        column: 1,
        end_line,
        message,
        source_excerpt: pair.source_text.clone(),
        translation_excerpt: pair.translation_text.clone(),
        diff: if status == Status::Stale { pair.diff().map(<[_]>::to_vec) } else { None },
    }
}

/// A locale's totals and gates.
pub fn locale_report(locale: &str, rtl: bool, pages: &[&PageReport], gates: Gates) -> LocaleReport {
    let mut counts = Counts::default();
    for p in pages {
        counts.add(&p.counts);
    }
    let coverage = counts.words.coverage();
    let mut results = Vec::new();
    let mut gate = |name: &str, limit: Option<f64>, actual: f64, at_least: bool| {
        if let Some(limit) = limit {
            let passed = if at_least { actual >= limit } else { actual <= limit };
            results.push(GateResult { gate: name.to_owned(), limit, actual, passed });
        }
    };
    gate("min-coverage", gates.min_coverage, round1(coverage), true);
    let t = &counts.segments;
    gate("max-stale", gates.max_stale.map(|v| v as f64), t.stale as f64, false);
    gate("max-untranslated", gates.max_untranslated.map(|v| v as f64), t.untranslated as f64, false);
    gate("max-partial", gates.max_partial.map(|v| v as f64), t.partial as f64, false);
    gate("max-missing", gates.max_missing.map(|v| v as f64), t.missing as f64, false);
    gate("max-obsolete", gates.max_obsolete.map(|v| v as f64), t.obsolete as f64, false);
    LocaleReport {
        locale: locale.to_owned(),
        direction: if rtl { "rtl" } else { "ltr" },
        pages: pages.len(),
        coverage_segments: counts.segments.coverage(),
        coverage,
        counts,
        gates: results,
    }
}

/// Percentages are reported and gated with one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests;
