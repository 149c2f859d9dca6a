//! Owns `cargo xtask eval`: runs `align_pages` on every triple with and without the base,
//! scores the JSON it serialises to against `truth.json` with the definitions of SPEC §8,
//! prints the tables, writes `--json`, and ratchets the figures against `eval-thresholds.toml`.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::triples::{self, Label, Triple, Truth};

/// Options of `cargo xtask eval`.
#[derive(Debug, Clone)]
pub struct EvalArgs {
    pub triples: PathBuf,
    pub check: bool,
    pub json: Option<PathBuf>,
    pub filter: Option<String>,
    pub verbose: bool,
    pub dump_errors: bool,
}

/// Where the thresholds of `--check` live.
pub fn thresholds_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval-thresholds.toml")
}

// ---------------------------------------------------------------------------------------------
// The prediction, as read back from the JSON contract.

/// A pair status of the `align --format json` contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Translated,
    Untranslated,
    Partial,
    Stale,
    Missing,
    Obsolete,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Translated => "translated",
            Status::Untranslated => "untranslated",
            Status::Partial => "partial",
            Status::Stale => "stale",
            Status::Missing => "missing",
            Status::Obsolete => "obsolete",
        }
    }

    fn of_label(label: Label) -> Status {
        match label {
            Label::Untranslated => Status::Untranslated,
            Label::Partial => Status::Partial,
            Label::Stale => Status::Stale,
            Label::Obsolete => Status::Obsolete,
        }
    }
}

/// An inclusive, 1-based line range.
pub type Range = [u32; 2];

fn contains(range: Option<Range>, line: u32) -> bool {
    range.is_some_and(|[start, end]| start <= line && line <= end)
}

/// One predicted pair: its statuses and line ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredPair {
    pub status: Vec<Status>,
    pub source: Option<Range>,
    pub translation: Option<Range>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Status),
    Many(Vec<Status>),
}

#[derive(Deserialize)]
struct RawPair {
    status: OneOrMany,
    #[serde(default)]
    source_lines: Option<Range>,
    #[serde(default)]
    translation_lines: Option<Range>,
}

#[derive(Deserialize)]
struct RawAlignment {
    pairs: Vec<RawPair>,
}

/// Reads the pairs out of a serialised `Alignment`; `status` may be a string or a list.
pub fn parse_pairs(value: &Value) -> Result<Vec<PredPair>> {
    let raw: RawAlignment =
        serde_json::from_value(value.clone()).context("the alignment JSON does not follow the contract (SPEC §3.1)")?;
    Ok(raw
        .pairs
        .into_iter()
        .map(|p| PredPair {
            status: match p.status {
                OneOrMany::One(s) => vec![s],
                OneOrMany::Many(v) => v,
            },
            source: p.source_lines,
            translation: p.translation_lines,
        })
        .collect())
}

/// The first pair (in output order) whose translation range contains `line`.
fn first_pair(pairs: &[PredPair], line: u32) -> Option<&PredPair> {
    pairs.iter().find(|p| contains(p.translation, line))
}

/// True when the pair holding a translation line points at the line's true source line
/// (or, for an obsolete line, has no source range).
fn aligned_right(pair: Option<&PredPair>, true_source: Option<u32>) -> bool {
    match (pair, true_source) {
        (None, _) => false,
        (Some(p), Some(s)) => contains(p.source, s),
        (Some(p), None) => p.source.is_none(),
    }
}

fn predicted_missing(pairs: &[PredPair], source_line: u32) -> bool {
    pairs.iter().any(|p| p.status.contains(&Status::Missing) && contains(p.source, source_line))
}

// ---------------------------------------------------------------------------------------------
// Counting.

/// Confusion counts of one binary decision, summed over lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Counts {
    fn record(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Nothing to score: no positive in the truth and none predicted.
    pub fn is_empty(&self) -> bool {
        self.tp + self.fp + self.fn_ == 0
    }

    /// Precision; 0 when nothing was predicted.
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 0 when the truth holds no positive.
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1 = 2·tp / (2·tp + fp + fn); 0 when there is nothing to score.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// The `align` figure: lines whose pair points at the right source line, out of all lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub hit: u64,
    pub total: u64,
}

impl Share {
    pub fn value(&self) -> f64 {
        ratio(self.hit, self.total)
    }
}

/// The five line labels scored, in table order.
pub const LABEL_METRICS: [&str; 5] = ["untranslated", "partial", "stale", "missing", "obsolete"];

/// Every figure of one triple, one locale or the whole corpus.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub links: Counts,
    pub align: Share,
    /// Indexed like [`LABEL_METRICS`].
    pub labels: [Counts; 5],
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.links.add(other.links);
        self.align.hit += other.align.hit;
        self.align.total += other.align.total;
        for (a, b) in self.labels.iter_mut().zip(other.labels) {
            a.add(b);
        }
    }

    pub fn label(&self, name: &str) -> Option<&Counts> {
        LABEL_METRICS.iter().position(|m| *m == name).map(|i| &self.labels[i])
    }

    /// Mean of the five label F1s.
    pub fn macro_f1(&self) -> f64 {
        self.labels.iter().map(Counts::f1).sum::<f64>() / self.labels.len() as f64
    }

    /// The counts behind a metric name: `links` or one of [`LABEL_METRICS`].
    fn counts(&self, metric: &str) -> Option<&Counts> {
        if metric == "links" {
            Some(&self.links)
        } else {
            self.label(metric)
        }
    }

    /// A figure by its threshold key: `align`, `macro-f1`, or `<metric>-f1|-p|-r`.
    pub fn figure(&self, key: &str) -> Option<f64> {
        if key == "align" {
            return Some(self.align.value());
        }
        if key == "macro-f1" {
            return Some(self.macro_f1());
        }
        let (metric, which) = key.rsplit_once('-')?;
        let c = self.counts(metric)?;
        match which {
            "f1" => Some(c.f1()),
            "p" => Some(c.p()),
            "r" => Some(c.r()),
            _ => None,
        }
    }
}

fn label_index(status: Status) -> Option<usize> {
    LABEL_METRICS.iter().position(|m| *m == status.name())
}

/// Scores one triple's pairs against its truth (SPEC §8).
pub fn score_triple(truth: &Truth, pairs: &[PredPair]) -> Score {
    let mut score = Score::default();

    // links
    let truth_links: HashSet<(u32, u32)> =
        truth.translation_lines.iter().filter_map(|t| t.source_line.map(|s| (t.line, s))).collect();
    let mut predicted: HashSet<(u32, u32)> = HashSet::new();
    for pair in pairs {
        let (Some(_), Some(_)) = (pair.source, pair.translation) else {
            continue;
        };
        let tr: Vec<u32> =
            truth.translation_lines.iter().map(|t| t.line).filter(|&l| contains(pair.translation, l)).collect();
        let src: Vec<u32> = truth.source_lines.iter().map(|s| s.line).filter(|&l| contains(pair.source, l)).collect();
        if tr.len() == src.len() {
            predicted.extend(tr.iter().copied().zip(src.iter().copied()));
        } else {
            for &t in &tr {
                predicted.extend(src.iter().map(|&s| (t, s)));
            }
        }
    }
    let hits = predicted.intersection(&truth_links).count() as u64;
    score.links = Counts { tp: hits, fp: predicted.len() as u64 - hits, fn_: truth_links.len() as u64 - hits };

    // align and translation-line labels
    for t in &truth.translation_lines {
        let pair = first_pair(pairs, t.line);
        score.align.total += 1;
        if aligned_right(pair, t.source_line) {
            score.align.hit += 1;
        }
        let status: &[Status] = pair.map_or(&[], |p| &p.status);
        for label in Label::ALL {
            let status_of = Status::of_label(label);
            let i = label_index(status_of).expect("every truth label is scored");
            score.labels[i].record(t.labels.contains(&label), status.contains(&status_of));
        }
    }

    // missing source lines
    let missing = label_index(Status::Missing).expect("missing is scored");
    for s in &truth.source_lines {
        score.labels[missing].record(s.missing, predicted_missing(pairs, s.line));
    }
    score
}

// ---------------------------------------------------------------------------------------------
// Running.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// The variants say where the base comes from; the shared postfix is the point.
#[allow(clippy::enum_variant_names)]
pub enum Mode {
    WithBase,
    WithoutBase,
    /// The base chosen by lockstep among `source.md`, `base.md` and decoys: base choice tested.
    ChosenBase,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::WithBase, Mode::WithoutBase, Mode::ChosenBase];

    /// The key used in JSON output and in the thresholds file.
    pub fn key(self) -> &'static str {
        match self {
            Mode::WithBase => "with-base",
            Mode::WithoutBase => "without-base",
            Mode::ChosenBase => "chosen-base",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::WithBase => "with base",
            Mode::WithoutBase => "without base",
            Mode::ChosenBase => "base chosen among source, base and decoys",
        }
    }
}

/// The figures of one mode.
#[derive(Debug, Clone)]
pub struct ModeResult {
    pub mode: Mode,
    pub triples: usize,
    pub align_time: Duration,
    pub locales: BTreeMap<String, Score>,
    pub all: Score,
}

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    // Read the thresholds first so that a bad file fails before the long part.
    let thresholds = if args.check { Some(Thresholds::load(&thresholds_path())?) } else { None };
    let triples = triples::load_corpus(&args.triples, args.filter.as_deref())?;
    println!("eval: {} triples from {}", triples.len(), args.triples.display());

    let mut results = Vec::new();
    for mode in Mode::ALL {
        let result = run_mode(mode, &triples, args)?;
        print_table(&result);
        results.push(result);
    }

    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&results_json(&results))?;
        std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
        println!("\nwrote {}", path.display());
    }

    match thresholds {
        Some(t) => Ok(if check(&t, &results) { ExitCode::SUCCESS } else { ExitCode::from(1) }),
        None => Ok(ExitCode::SUCCESS),
    }
}

fn run_mode(mode: Mode, triples: &[Triple], args: &EvalArgs) -> Result<ModeResult> {
    let mut result = ModeResult {
        mode,
        triples: triples.len(),
        align_time: Duration::ZERO,
        locales: BTreeMap::new(),
        all: Score::default(),
    };
    if args.verbose || args.dump_errors {
        println!("\n== {} ==", mode.title());
    }
    let decoys = if mode == Mode::ChosenBase {
        crate::decoys::Decoys::load(&args.triples, triples)?
    } else {
        Default::default()
    };
    let mut chose_true_base = 0;
    for triple in triples {
        let chosen;
        let base = match mode {
            Mode::WithBase => Some(triple.base.as_str()),
            Mode::WithoutBase => None,
            Mode::ChosenBase => {
                let (text, is_true) = decoys.choose(triple);
                chose_true_base += usize::from(is_true);
                chosen = text;
                Some(chosen.as_str())
            }
        };
        let start = Instant::now();
        let alignment = lockstep::align_pages(&triple.source, &triple.translation, base, triple.locale());
        result.align_time += start.elapsed();

        let value =
            serde_json::to_value(&alignment).with_context(|| format!("{}: serialising the alignment", triple.name))?;
        let pairs = parse_pairs(&value).with_context(|| format!("{} ({})", triple.name, mode.title()))?;
        let score = score_triple(&triple.truth, &pairs);

        if args.verbose {
            println!("{}", triple_line(&triple.name, &score));
        }
        if args.dump_errors {
            for line in dump_errors(triple, &pairs, mode) {
                println!("{line}");
            }
        }
        result.locales.entry(triple.locale().to_owned()).or_default().add(&score);
        result.all.add(&score);
    }
    if mode == Mode::ChosenBase {
        println!(
            "\nbase.md chosen among source.md, base.md and decoys for {chose_true_base}/{} triples",
            triples.len()
        );
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------------
// Output.

const HEADERS: [&str; 10] =
    ["links P", "links R", "links F1", "align", "untr F1", "part F1", "stale F1", "miss F1", "obs F1", "macro F1"];

fn row_figures(score: &Score) -> [f64; 10] {
    let l = |name| score.label(name).map_or(0.0, Counts::f1);
    [
        score.links.p(),
        score.links.r(),
        score.links.f1(),
        score.align.value(),
        l("untranslated"),
        l("partial"),
        l("stale"),
        l("missing"),
        l("obsolete"),
        score.macro_f1(),
    ]
}

fn print_table(result: &ModeResult) {
    println!(
        "\n{}: {} triples, aligned in {:.3} s",
        result.mode.title(),
        result.triples,
        result.align_time.as_secs_f64()
    );
    let mut header = format!("{:<9}", "locale");
    for h in HEADERS {
        let _ = write!(header, "{h:>9}");
    }
    println!("{header}");
    let rows = result.locales.iter().map(|(l, s)| (l.as_str(), s)).chain(std::iter::once(("all", &result.all)));
    for (locale, score) in rows {
        let mut line = format!("{locale:<9}");
        for f in row_figures(score) {
            let _ = write!(line, "{f:>9.3}");
        }
        println!("{line}");
    }
    if result.mode == Mode::WithoutBase {
        println!("(without a base, stale cannot be predicted)");
    }
}

fn fmt_f1(c: &Counts) -> String {
    if c.is_empty() {
        "    -".to_owned()
    } else {
        format!("{:.3}", c.f1())
    }
}

fn triple_line(name: &str, score: &Score) -> String {
    let mut line = format!("{name:<60} links {}  align {:.3}", fmt_f1(&score.links), score.align.value());
    for (short, c) in ["untr", "part", "stale", "miss", "obs"].iter().zip(&score.labels) {
        let _ = write!(line, "  {short} {}", fmt_f1(c));
    }
    line
}

fn counts_json(c: &Counts) -> Value {
    json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "p": c.p(), "r": c.r(), "f1": c.f1()})
}

fn score_json(score: &Score) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("links".into(), counts_json(&score.links));
    map.insert(
        "align".into(),
        json!({"correct": score.align.hit, "total": score.align.total, "value": score.align.value()}),
    );
    for (name, c) in LABEL_METRICS.iter().zip(&score.labels) {
        map.insert((*name).into(), counts_json(c));
    }
    map.insert("macro-f1".into(), json!(score.macro_f1()));
    Value::Object(map)
}

fn results_json(results: &[ModeResult]) -> Value {
    let mut modes = serde_json::Map::new();
    for r in results {
        let mut locales = serde_json::Map::new();
        for (locale, score) in &r.locales {
            locales.insert(locale.clone(), score_json(score));
        }
        locales.insert("all".into(), score_json(&r.all));
        modes.insert(
            r.mode.key().into(),
            json!({
                "triples": r.triples,
                "align_seconds": r.align_time.as_secs_f64(),
                "locales": locales,
            }),
        );
    }
    json!({ "modes": modes })
}

fn truncate(text: &str, max: usize) -> String {
    let text = text.trim_end();
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

fn fmt_range(range: Option<Range>) -> String {
    match range {
        Some([a, b]) => format!("[{a},{b}]"),
        None => "-".to_owned(),
    }
}

fn line_text(text: &str, line: u32) -> &str {
    text.lines().nth(line.saturating_sub(1) as usize).unwrap_or("")
}

/// The lines of one triple where the prediction disagrees with the truth, one per line.
/// Without a base, stale is left out of the comparison: it cannot be predicted there.
pub fn dump_errors(triple: &Triple, pairs: &[PredPair], mode: Mode) -> Vec<String> {
    let compared = |l: &Label| mode == Mode::WithBase || *l != Label::Stale;
    let mut out = Vec::new();
    for t in &triple.truth.translation_lines {
        let pair = first_pair(pairs, t.line);
        let status: &[Status] = pair.map_or(&[], |p| &p.status);
        let truth_labels: Vec<Label> = t.labels.iter().copied().filter(compared).collect();
        let pred_labels: Vec<Label> =
            Label::ALL.into_iter().filter(|l| compared(l) && status.contains(&Status::of_label(*l))).collect();
        let mut truth_sorted = truth_labels.clone();
        truth_sorted.sort();
        truth_sorted.dedup();
        if truth_sorted == pred_labels && aligned_right(pair, t.source_line) {
            continue;
        }
        let truth_names: Vec<&str> = t.labels.iter().map(|l| l.name()).collect();
        let pred = match pair {
            Some(p) => {
                let names: Vec<&str> = p.status.iter().map(|s| s.name()).collect();
                format!("pred=[{}] src={}", names.join(","), fmt_range(p.source))
            }
            None => "pred=(no pair)".to_owned(),
        };
        out.push(format!(
            "{}: {:<5} truth=[{}] src={}  {}  | {}",
            triple.name,
            t.line,
            truth_names.join(","),
            t.source_line.map_or("-".to_owned(), |s| s.to_string()),
            pred,
            truncate(line_text(&triple.translation, t.line), 80)
        ));
    }
    for s in &triple.truth.source_lines {
        let predicted = predicted_missing(pairs, s.line);
        if predicted == s.missing {
            continue;
        }
        let word = |b: bool| if b { "missing" } else { "present" };
        out.push(format!(
            "{}: src {:<5} truth={}  pred={}  | {}",
            triple.name,
            s.line,
            word(s.missing),
            word(predicted),
            truncate(line_text(&triple.source, s.line), 80)
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The ratchet.

/// `eval-thresholds.toml`: minimum figures of the "all" row, per mode.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Thresholds {
    #[serde(default)]
    pub with_base: BTreeMap<String, f64>,
    #[serde(default)]
    pub chosen_base: BTreeMap<String, f64>,
    #[serde(default)]
    pub without_base: BTreeMap<String, f64>,
    /// `cargo xtask bases --check`: the least share of exports matched to their true base.
    #[serde(default)]
    pub bases: Option<BasesThreshold>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BasesThreshold {
    /// In percent.
    pub accuracy: f64,
    /// Share of translation lines whose stale label is the same from the chosen base as from
    /// the true one.
    pub stale_agreement: f64,
}

/// The thresholds of `cargo xtask bases --check`.
pub fn bases_threshold() -> Result<BasesThreshold> {
    let t = Thresholds::load(&thresholds_path())?;
    t.bases.context("no [bases] in eval-thresholds.toml")
}

impl Thresholds {
    pub fn load(path: &Path) -> Result<Thresholds> {
        let text = triples::read_text(path)?;
        Thresholds::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Thresholds> {
        let t: Thresholds = toml::from_str(text)?;
        for (mode, map) in
            [("with-base", &t.with_base), ("without-base", &t.without_base), ("chosen-base", &t.chosen_base)]
        {
            for key in map.keys() {
                if Score::default().figure(key).is_none() {
                    bail!(
                        "unknown key `{key}` in [{mode}]; expected `align`, `macro-f1` or \
                         `<metric>-f1|-p|-r` with <metric> one of links, {}",
                        LABEL_METRICS.join(", ")
                    );
                }
            }
        }
        Ok(t)
    }

    fn for_mode(&self, mode: Mode) -> &BTreeMap<String, f64> {
        match mode {
            Mode::WithBase => &self.with_base,
            Mode::WithoutBase => &self.without_base,
            Mode::ChosenBase => &self.chosen_base,
        }
    }
}

/// A figure as printed (3 decimals), so a threshold copied from the table is met exactly.
fn as_printed(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The figures of the "all" rows that fall below their thresholds: (mode, key, figure, threshold).
pub fn below(thresholds: &Thresholds, results: &[ModeResult]) -> Vec<(Mode, String, f64, f64)> {
    let mut out = Vec::new();
    for r in results {
        for (key, &min) in thresholds.for_mode(r.mode) {
            let figure = as_printed(r.all.figure(key).unwrap_or(0.0));
            if figure < min {
                out.push((r.mode, key.clone(), figure, min));
            }
        }
    }
    out
}

fn check(thresholds: &Thresholds, results: &[ModeResult]) -> bool {
    println!("\ncheck against xtask/eval-thresholds.toml (\"all\" rows):");
    let failed = below(thresholds, results);
    for r in results {
        for (key, &min) in thresholds.for_mode(r.mode) {
            let figure = as_printed(r.all.figure(key).unwrap_or(0.0));
            let verdict = if figure < min { "BELOW" } else { "ok" };
            let cmp = if figure < min { "<" } else { ">=" };
            println!("  {verdict:<5} {:<13} {key:<18} {figure:.3} {cmp} {min:.3}", r.mode.key());
        }
    }
    if failed.is_empty() {
        println!("eval check OK");
        true
    } else {
        println!("\neval check FAILED: {} figure(s) below threshold:", failed.len());
        for (mode, key, figure, min) in &failed {
            println!("  {} {key}: {figure:.3} < {min:.3}", mode.key());
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triples::{TruthSourceLine, TruthTranslationLine};

    fn tl(line: u32, source_line: Option<u32>, labels: &[Label]) -> TruthTranslationLine {
        TruthTranslationLine { line, source_line, labels: labels.to_vec() }
    }

    fn sl(line: u32, missing: bool) -> TruthSourceLine {
        TruthSourceLine { line, missing }
    }

    fn truth(t: Vec<TruthTranslationLine>, s: Vec<TruthSourceLine>) -> Truth {
        Truth { locale: "he".into(), page: "a.md".into(), translation_lines: t, source_lines: s }
    }

    fn pair(status: &[Status], source: Option<Range>, translation: Option<Range>) -> PredPair {
        PredPair { status: status.to_vec(), source, translation }
    }

    fn cnt(tp: u64, fp: u64, fn_: u64) -> Counts {
        Counts { tp, fp, fn_ }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn equal_counts_link_in_order() {
        // Two translation lines and two source lines in one pair: linked 1-1 in order.
        let t = truth(vec![tl(1, Some(10), &[]), tl(2, Some(11), &[])], vec![sl(10, false), sl(11, false)]);
        let p = [pair(&[Status::Translated], Some([10, 11]), Some([1, 2]))];
        let s = score_triple(&t, &p);
        assert_eq!(s.links, cnt(2, 0, 0));
        assert!(close(s.links.f1(), 1.0));
    }

    #[test]
    fn unequal_counts_link_every_line_with_every_line() {
        // One translation line, two source lines: cross product gives 2 links, 1 right.
        let t =
            truth(vec![tl(1, Some(10), &[]), tl(3, Some(12), &[])], vec![sl(10, false), sl(11, true), sl(12, false)]);
        let p = [
            pair(&[Status::Translated], Some([10, 11]), Some([1, 2])),
            pair(&[Status::Translated], Some([12, 12]), Some([3, 3])),
        ];
        let s = score_triple(&t, &p);
        assert_eq!(s.links, cnt(2, 1, 0));
        assert!(close(s.links.p(), 2.0 / 3.0));
        assert!(close(s.links.r(), 1.0));
        assert!(close(s.links.f1(), 0.8));
    }

    #[test]
    fn in_order_linking_can_cross_wrongly() {
        // Equal counts are linked in order even when the truth pairs them crosswise.
        let t = truth(vec![tl(1, Some(11), &[]), tl(2, Some(10), &[])], vec![sl(10, false), sl(11, false)]);
        let p = [pair(&[Status::Translated], Some([10, 11]), Some([1, 2]))];
        let s = score_triple(&t, &p);
        assert_eq!(s.links, cnt(0, 2, 2));
        assert!(close(s.links.f1(), 0.0));
    }

    #[test]
    fn pairs_without_both_ranges_make_no_links_and_obsolete_lines_are_not_truth_links() {
        let t = truth(vec![tl(1, Some(10), &[]), tl(2, None, &[Label::Obsolete])], vec![sl(10, false), sl(11, true)]);
        let p = [pair(&[Status::Obsolete], None, Some([1, 2])), pair(&[Status::Missing], Some([10, 11]), None)];
        let s = score_triple(&t, &p);
        assert_eq!(s.links, cnt(0, 0, 1));
    }

    #[test]
    fn align_uses_the_first_pair_containing_the_line() {
        // Line 1 is in both pairs; the first one (wrong source) decides.
        let t = truth(vec![tl(1, Some(10), &[])], vec![sl(10, false)]);
        let wrong_first = [
            pair(&[Status::Translated], Some([20, 20]), Some([1, 1])),
            pair(&[Status::Translated], Some([10, 10]), Some([1, 1])),
        ];
        assert_eq!(score_triple(&t, &wrong_first).align, Share { hit: 0, total: 1 });
        let right_first = [wrong_first[1].clone(), wrong_first[0].clone()];
        assert_eq!(score_triple(&t, &right_first).align, Share { hit: 1, total: 1 });
    }

    #[test]
    fn align_of_obsolete_and_uncovered_lines() {
        let t = truth(
            vec![
                tl(1, None, &[Label::Obsolete]), // right: pair has no source range
                tl(2, None, &[Label::Obsolete]), // wrong: pair has a source range
                tl(3, Some(10), &[]),            // wrong: pair has no source range
                tl(4, Some(11), &[]),            // wrong: in no pair
                tl(5, Some(12), &[]),            // right
            ],
            vec![sl(10, false), sl(11, false), sl(12, false)],
        );
        let p = [
            pair(&[Status::Obsolete], None, Some([1, 1])),
            pair(&[Status::Translated], Some([9, 9]), Some([2, 2])),
            pair(&[Status::Obsolete], None, Some([3, 3])),
            pair(&[Status::Translated], Some([12, 12]), Some([5, 5])),
        ];
        let s = score_triple(&t, &p);
        assert_eq!(s.align, Share { hit: 2, total: 5 });
        assert!(close(s.align.value(), 0.4));
    }

    #[test]
    fn labels_come_from_the_first_pair_status_set() {
        let t = truth(
            vec![
                tl(1, Some(1), &[Label::Untranslated, Label::Stale]),
                tl(2, Some(2), &[Label::Partial]),
                tl(3, Some(3), &[]),
                tl(4, None, &[Label::Obsolete]),
            ],
            vec![sl(1, false), sl(2, false), sl(3, false)],
        );
        let p = [
            pair(&[Status::Stale, Status::Untranslated], Some([1, 1]), Some([1, 1])),
            // line 2: first pair says translated, the later one partial: translated wins.
            pair(&[Status::Translated], Some([2, 2]), Some([2, 2])),
            pair(&[Status::Partial], Some([2, 2]), Some([2, 2])),
            pair(&[Status::Untranslated], Some([3, 3]), Some([3, 3])),
            // line 4 in no pair: predicted nothing.
        ];
        let s = score_triple(&t, &p);
        let l = |n| *s.label(n).unwrap();
        assert_eq!(l("untranslated"), cnt(1, 1, 0));
        assert_eq!(l("stale"), cnt(1, 0, 0));
        assert_eq!(l("partial"), cnt(0, 0, 1));
        assert_eq!(l("obsolete"), cnt(0, 0, 1));
        assert_eq!(l("missing"), Counts::default());
    }

    #[test]
    fn missing_is_scored_on_source_lines_covered_by_a_missing_pair() {
        let t = truth(vec![tl(1, Some(1), &[])], vec![sl(1, false), sl(2, true), sl(3, true), sl(5, false)]);
        let p = [
            pair(&[Status::Translated], Some([1, 1]), Some([1, 1])),
            // covers 2 (right) and 5 (wrong); 3 is not covered.
            pair(&[Status::Missing], Some([2, 2]), None),
            pair(&[Status::Missing], Some([4, 5]), None),
            // a non-missing pair covering 3 does not count.
            pair(&[Status::Translated], Some([3, 3]), Some([1, 1])),
        ];
        let s = score_triple(&t, &p);
        assert_eq!(*s.label("missing").unwrap(), cnt(1, 1, 1));
    }

    #[test]
    fn counts_formulas_and_macro_f1() {
        let c = cnt(3, 1, 2);
        assert!(close(c.p(), 0.75));
        assert!(close(c.r(), 0.6));
        assert!(close(c.f1(), 2.0 * 0.75 * 0.6 / 1.35));
        assert!(close(Counts::default().f1(), 0.0));

        let s = Score {
            // F1 1 and 2/3; the other three 0.
            labels: [cnt(1, 0, 0), cnt(1, 1, 0), cnt(0, 0, 0), cnt(0, 0, 0), cnt(0, 0, 0)],
            ..Score::default()
        };
        assert!(close(s.macro_f1(), (1.0 + 2.0 / 3.0) / 5.0));
        assert!(close(s.figure("untranslated-f1").unwrap(), 1.0));
        assert!(close(s.figure("partial-p").unwrap(), 0.5));
        assert!(close(s.figure("partial-r").unwrap(), 1.0));
        assert!(s.figure("bogus-f1").is_none());
        assert!(s.figure("links-x").is_none());
    }

    #[test]
    fn scores_are_summed_as_counts_not_averaged() {
        let mut all = Score::default();
        let with_links = |links| Score { links, ..Score::default() };
        let a = with_links(cnt(1, 0, 0)); // F1 1.0 on 1 link
        let b = with_links(cnt(0, 3, 3)); // F1 0.0 on 3 links
        all.add(&a);
        all.add(&b);
        assert_eq!(all.links, cnt(1, 3, 3));
        assert!(close(all.links.f1(), 2.0 / 8.0));
    }

    #[test]
    fn status_may_be_a_string_or_a_list() {
        let v = json!({"base": {"kind": "none"}, "pairs": [
            {"status": "translated", "source_lines": [1, 2], "translation_lines": [1, 2]},
            {"status": ["stale", "untranslated"], "source_lines": [3, 3], "translation_lines": [4, 4],
             "diff": []},
            {"status": "missing", "source_lines": [5, 5], "translation_lines": null},
            {"status": "obsolete", "source_lines": null, "translation_lines": [6, 6]}]});
        let pairs = parse_pairs(&v).unwrap();
        assert_eq!(pairs.len(), 4);
        assert_eq!(pairs[0].status, vec![Status::Translated]);
        assert_eq!(pairs[1].status, vec![Status::Stale, Status::Untranslated]);
        assert_eq!(pairs[2].translation, None);
        assert_eq!(pairs[3].source, None);
        assert_eq!(pairs[3].translation, Some([6, 6]));
    }

    #[test]
    fn an_unknown_status_is_an_error() {
        let v = json!({"pairs": [{"status": "done", "source_lines": null, "translation_lines": null}]});
        assert!(parse_pairs(&v).is_err());
    }

    #[test]
    fn thresholds_file_is_valid_and_unknown_keys_are_rejected() {
        let shipped = include_str!("../eval-thresholds.toml");
        let t = Thresholds::parse(shipped).unwrap();
        assert!(t.with_base.contains_key("links-f1"));

        assert!(Thresholds::parse("[with-base]\nalign = 0.5\nmacro-f1 = 0.1\nstale-r = 0.2\n").is_ok());
        assert!(Thresholds::parse("[with-base]\nlink-f1 = 0.5\n").is_err());
        assert!(Thresholds::parse("[with-base]\nstale-recall = 0.5\n").is_err());
        assert!(Thresholds::parse("[with_base]\nlinks-f1 = 0.5\n").is_err());
        assert!(Thresholds::parse("links-f1 = 0.5\n").is_err());
    }

    #[test]
    fn check_lists_figures_below_threshold() {
        let t =
            Thresholds::parse("[with-base]\nlinks-f1 = 0.5\nalign = 0.2\n[without-base]\nlinks-f1 = 0.9\n").unwrap();
        let all = Score {
            links: cnt(1, 1, 0),                // F1 0.667
            align: Share { hit: 1, total: 10 }, // 0.1
            ..Score::default()
        };
        let results: Vec<ModeResult> = Mode::ALL
            .into_iter()
            .map(|mode| ModeResult { mode, triples: 1, align_time: Duration::ZERO, locales: BTreeMap::new(), all })
            .collect();
        let below = below(&t, &results);
        let keys: Vec<(Mode, &str)> = below.iter().map(|(m, k, _, _)| (*m, k.as_str())).collect();
        assert_eq!(keys, vec![(Mode::WithBase, "align"), (Mode::WithoutBase, "links-f1")]);
    }

    #[test]
    fn check_compares_the_printed_figure() {
        let t = Thresholds::parse("[with-base]\nlinks-f1 = 0.667\n").unwrap();
        let all = Score {
            links: cnt(1, 1, 0), // 0.6666…, printed 0.667
            ..Score::default()
        };
        let results = [ModeResult {
            mode: Mode::WithBase,
            triples: 1,
            align_time: Duration::ZERO,
            locales: BTreeMap::new(),
            all,
        }];
        assert!(below(&t, &results).is_empty());
    }

    #[test]
    fn dump_errors_shows_label_and_source_mismatches() {
        let triple = Triple {
            name: "he__a__1".into(),
            source: "One\nTwo\nThree\n".into(),
            translation: "Uno\nDos\n".into(),
            base: String::new(),
            truth: truth(
                vec![tl(1, Some(1), &[]), tl(2, Some(3), &[Label::Stale])],
                vec![sl(1, false), sl(2, true), sl(3, false)],
            ),
        };
        let p = [
            pair(&[Status::Translated], Some([1, 1]), Some([1, 1])),
            pair(&[Status::Translated], Some([3, 3]), Some([2, 2])),
        ];
        let with = dump_errors(&triple, &p, Mode::WithBase);
        assert_eq!(with.len(), 2, "{with:?}");
        assert!(with[0].starts_with("he__a__1: 2 "), "{}", with[0]);
        assert!(with[0].contains("truth=[stale] src=3"));
        assert!(with[0].contains("pred=[translated] src=[3,3]"));
        assert!(with[0].ends_with("| Dos"));
        assert!(with[1].contains("src 2") && with[1].contains("truth=missing"));
        assert!(with[1].ends_with("| Two"));
        // Without a base, stale is not compared; only the missing line remains.
        assert_eq!(dump_errors(&triple, &p, Mode::WithoutBase).len(), 1);
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("שלום", 80), "שלום");
        let long = "א".repeat(100);
        let t = truncate(&long, 80);
        assert_eq!(t.chars().count(), 80);
        assert!(t.ends_with('…'));
    }
}
