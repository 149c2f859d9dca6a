//! SARIF 2.1.0 output for code-scanning services: one run whose results are the findings,
//! the orphans and the failed gates, with a rule descriptor per rule id used and a
//! line-independent fingerprint per result. Paths stay relative to the site root
//! (`%SRCROOT%`), so no absolute path of the machine that ran the check appears.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::check::{Finding, Level, SiteReport};
use crate::rules::RULES;
use crate::ui::{arg, Messages};

/// The schema a consumer should validate the document against.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base every artifact URI is relative to: the site root.
const SRCROOT: &str = "%SRCROOT%";

/// The key of the fingerprint in `partialFingerprints`; bump the version if its input changes.
const FINGERPRINT_KEY: &str = "lockstepFinding/v1";

/// Rule id of the results for failed gates and for translations without a source.
const GATE_RULE: &str = "gate";
const ORPHAN_RULE: &str = "orphan";

/// `messages` word the gates and the descriptors of what is not a rule; the CLI passes English
/// (see `cli::site`), since code-scanning services keep the texts of results.
pub fn write(report: &SiteReport, messages: &Messages, out: &mut Vec<u8>) {
    super::json::pretty(&document(report, messages), out);
}

// The SARIF objects lockstep fills, fields in the order of the specification.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Descriptor>,
}

/// A reporting descriptor: what `rules` lists and `ruleIndex` points into.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    short_description: Message<'static>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties<'a>>,
}

#[derive(Serialize)]
struct Properties<'a> {
    locale: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    gate: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<f64>,
}

#[derive(Serialize)]
struct Message<'a> {
    text: Cow<'a, str>,
}

impl<'a> Message<'a> {
    fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Message { text: text.into() }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Message<'a>>,
}

/// The whole SARIF log.
fn document<'a>(report: &'a SiteReport, messages: &Messages) -> Log<'a> {
    let rules = rules(report, messages);
    let index = |id: &str| rules.iter().position(|r| r.id == id).expect("a descriptor for every rule used");
    let mut fingerprints = Fingerprints::default();
    let mut results = Vec::new();
    for f in &report.findings {
        results.push(SarifResult {
            rule_id: f.rule,
            rule_index: index(f.rule),
            level: level(f.level),
            message: Message::new(&f.message),
            locations: [location(&f.file, Some(region(f)))],
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprints.next(f))]),
            properties: Some(Properties { locale: &f.locale, gate: None, limit: None, actual: None }),
        });
    }
    for o in &report.orphans {
        results.push(SarifResult {
            rule_id: ORPHAN_RULE,
            rule_index: index(ORPHAN_RULE),
            level: "warning",
            message: Message::new(&o.message),
            locations: [location(&o.file, None)],
            partial_fingerprints: BTreeMap::new(),
            properties: None,
        });
    }
    for l in &report.locales {
        for g in l.gates.iter().filter(|g| !g.passed) {
            results.push(SarifResult {
                rule_id: GATE_RULE,
                rule_index: index(GATE_RULE),
                level: "error",
                message: Message::new(gate_message(&l.locale, &g.gate, g.limit, g.actual, messages)),
                locations: [location(".", None)],
                partial_fingerprints: BTreeMap::new(),
                properties: Some(Properties {
                    locale: &l.locale,
                    gate: Some(&g.gate),
                    limit: Some(g.limit),
                    actual: Some(g.actual),
                }),
            });
        }
    }
    let notifications = report
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Message::new(&e.message),
            locations: [location(&e.file, None)],
        })
        .collect();
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: Driver { name: "lockstep", version: env!("CARGO_PKG_VERSION"), rules } },
            invocations: [Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            results,
        }],
    }
}

fn region(f: &Finding) -> Region<'_> {
    Region {
        start_line: f.line.max(1),
        start_column: f.column.max(1),
        end_line: f.end_line.max(f.line).max(1),
        snippet: excerpt(f).map(Message::new),
    }
}

/// The text of the block in the finding's file: the source block for a missing one.
fn excerpt(f: &Finding) -> Option<&str> {
    if f.rule == "missing" {
        f.source_excerpt.as_deref()
    } else {
        f.translation_excerpt.as_deref().or(f.source_excerpt.as_deref())
    }
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
        Level::Off => "none",
    }
}

/// Shared with the other CI formats so that a gate reads the same everywhere.
pub(crate) fn gate_message(locale: &str, gate: &str, limit: f64, actual: f64, messages: &Messages) -> String {
    let args = [
        ("locale", arg(locale)),
        ("gate", arg(gate)),
        ("limit", arg(limit.to_string())),
        ("actual", arg(actual.to_string())),
    ];
    messages.get("gate-not-met", &args)
}

fn location<'a>(path: &str, region: Option<Region<'a>>) -> Location<'a> {
    Location { physical_location: PhysicalLocation { artifact_location: artifact(path), region } }
}

/// A path relative to the site root becomes a relative URI reference against `%SRCROOT%`;
/// a path the site could not make relative becomes a `file:` URI of its own.
fn artifact(path: &str) -> ArtifactLocation {
    let path = if std::path::MAIN_SEPARATOR == '\\' { path.replace('\\', "/") } else { path.to_owned() };
    let path = path.strip_prefix("./").unwrap_or(&path);
    let bytes = path.as_bytes();
    let windows_drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if path.starts_with('/') || windows_drive {
        let sep = if windows_drive { "/" } else { "" };
        ArtifactLocation { uri: format!("file://{sep}{}", encode_uri_path(path)), uri_base_id: None }
    } else {
        ArtifactLocation { uri: encode_uri_path(path), uri_base_id: Some(SRCROOT) }
    }
}

/// Percent-encodes everything a URI path may not hold literally (RFC 3986: unreserved
/// characters, sub-delimiters, `@` and `/` stay), as UTF-8 bytes. `:` is encoded too: in the
/// first segment of a relative reference it would read as a scheme. Sub-delimiters stay
/// literal because encoding them would change the URI's identity.
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One descriptor per rule id used: registered rules in registry order, then any other rule
/// by id, then orphans and gates.
fn rules(report: &SiteReport, messages: &Messages) -> Vec<Descriptor> {
    let descriptor = |id: &str, description: String, level: &'static str| Descriptor {
        id: id.to_owned(),
        short_description: Message::new(description),
        default_configuration: Configuration { level },
    };
    let used = |id: &str| report.findings.iter().any(|f| f.rule == id);
    let mut rules: Vec<Descriptor> = RULES
        .iter()
        .filter(|r| used(r.id))
        .map(|r| descriptor(r.id, crate::rules::sentence(r.summary), level(r.default)))
        .collect();
    let mut others: Vec<&Finding> = report.findings.iter().filter(|f| crate::rules::rule(f.rule).is_none()).collect();
    // Without a registry entry here, the level of the rule's first finding stands for its default.
    others.sort_by(|a, b| a.rule.cmp(b.rule));
    others.dedup_by(|a, b| a.rule == b.rule);
    rules.extend(
        others
            .into_iter()
            .map(|f| descriptor(f.rule, messages.get("sarif-rule-other", &[("rule", arg(f.rule))]), level(f.level))),
    );
    if !report.orphans.is_empty() {
        rules.push(descriptor(ORPHAN_RULE, messages.text("sarif-rule-orphan"), "warning"));
    }
    if report.locales.iter().any(|l| !l.passed()) {
        rules.push(descriptor(GATE_RULE, messages.text("sarif-rule-gate"), "error"));
    }
    rules
}

/// Fingerprints that survive lines moving: a hash of rule, locale, file, the message with its
/// line numbers blanked and the block's text, plus an occurrence number so that identical
/// findings in one file stay distinct (the scheme of GitHub's `primaryLocationLineHash`).
#[derive(Default)]
struct Fingerprints {
    seen: HashMap<u64, u32>,
}

impl Fingerprints {
    fn next(&mut self, f: &Finding) -> String {
        let hash = fingerprint_hash(f);
        let n = self.seen.entry(hash).or_insert(0);
        *n += 1;
        format!("{hash:016x}:{n}")
    }
}

fn fingerprint_hash(f: &Finding) -> u64 {
    static LINE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\blines? \d+(-\d+)?").unwrap());
    let message = LINE_NUMBER.replace_all(&f.message, "line #");
    let block = excerpt(f).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    let mut h = Fnv1a::default();
    for part in [f.rule, &f.locale, &f.file, &message, &block] {
        h.write(part.as_bytes());
        h.write(&[0]);
    }
    h.0
}

/// FNV-1a, 64 bits: unlike std's hasher, its output is fixed forever, which a fingerprint
/// stored by a code-scanning service needs.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A small site report shared by the tests of the CI formats: two locales (`he` failing its
/// coverage gate), findings at every level, a missing page, an orphan, paths with spaces and
/// a message holding `%`, CR, LF, `:` and `,`.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::check::{Counts, Finding, GateResult, Level, LocaleReport, PageReport, Problem, SiteReport};
    use crate::classify::{Base, BaseKind};

    pub const TRICKY: &str = "code span changed: `a,b` \u{2192} `a:b`\r\nnow 100% different";

    fn page(locale: &str, page: &str, source: &str, translation: &str, exists: bool) -> PageReport {
        PageReport {
            page: page.into(),
            locale: locale.into(),
            source: source.into(),
            translation: translation.into(),
            exists,
            base: Base { kind: BaseKind::None, revision: None, date: None },
            counts: Counts::default(),
            coverage: if exists { 80.0 } else { 0.0 },
            words_to_do: 3,
            alignment: None,
            findings: Vec::new(),
        }
    }

    fn finding(
        rule: &'static str,
        level: Level,
        locale: &str,
        file: &str,
        lines: [u32; 2],
        col: u32,
        message: &str,
    ) -> Finding {
        Finding {
            rule,
            level,
            locale: locale.into(),
            file: file.into(),
            line: lines[0],
            column: col,
            end_line: lines[1],
            message: message.into(),
            source_excerpt: Some(format!("source of {rule}").into()),
            translation_excerpt: (rule != "missing").then(|| format!("translation of {rule}").into()),
            diff: None,
        }
    }

    fn locale(locale: &str, direction: &'static str, gates: Vec<GateResult>) -> LocaleReport {
        LocaleReport {
            locale: locale.into(),
            direction,
            pages: 2,
            counts: Counts::default(),
            coverage: 65.2,
            coverage_segments: 60.0,
            gates,
        }
    }

    pub fn site() -> SiteReport {
        SiteReport {
            root: "site".into(),
            source_locale: "en".into(),
            locales: vec![
                locale(
                    "he",
                    "rtl",
                    vec![GateResult { gate: "min-coverage".into(), limit: 80.0, actual: 65.2, passed: false }],
                ),
                locale(
                    "de",
                    "ltr",
                    vec![GateResult { gate: "max-stale".into(), limit: 5.0, actual: 1.0, passed: true }],
                ),
            ],
            pages: vec![
                page("he", "index.md", "docs/index.md", "i18n/he/index.md", true),
                page("he", "getting started.md", "docs/getting started.md", "i18n/he/getting started.md", false),
                page("de", "index.md", "docs/index.md", "i18n/de/index.md", true),
                page("de", "getting started.md", "docs/getting started.md", "i18n/de/getting started.md", true),
            ],
            findings: vec![
                finding(
                    "untranslated",
                    Level::Warning,
                    "he",
                    "i18n/he/index.md",
                    [3, 4],
                    1,
                    "still in the source language (source line 3)",
                ),
                finding("code-span-changed", Level::Error, "he", "i18n/he/index.md", [7, 7], 5, TRICKY),
                finding(
                    "missing",
                    Level::Warning,
                    "he",
                    "docs/getting started.md",
                    [1, 1],
                    1,
                    "no he translation of this page (i18n/he/getting started.md)",
                ),
                finding(
                    "obsolete",
                    Level::Info,
                    "de",
                    "i18n/de/index.md",
                    [9, 10],
                    1,
                    "the source no longer has this block",
                ),
                finding(
                    "stale",
                    Level::Warning,
                    "de",
                    "i18n/de/getting started.md",
                    [2, 3],
                    1,
                    "the source changed since this was translated (source line 2)",
                ),
            ],
            orphans: vec![Problem {
                file: "i18n/de/old page.md".into(),
                message: "de translation with no source page".into(),
                locale: Some("de".into()),
            }],
            errors: vec![],
            notices: vec![],
            source_revision: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{json, Value};

    use super::*;

    fn sarif(report: &SiteReport) -> Value {
        let mut out = Vec::new();
        write(report, Messages::english(), &mut out);
        assert_eq!(out.last(), Some(&b'\n'), "the document ends with a newline");
        assert!(out.starts_with(b"{\n  \""), "the document is pretty-printed");
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn validates_against_the_shared_schema() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas/sarif-schema-2.1.0.json");
        if !Path::new(path).exists() {
            eprintln!("SKIPPED: SARIF schema not found at {path}: the SARIF output was not validated");
            assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "the SARIF schema must be present in CI: {path}");
            return;
        }
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#", "the shared schema changed draft");
        let validator = jsonschema::draft4::options().should_validate_formats(true).build(&schema).unwrap();
        let mut with_error = fixture::site();
        with_error.errors.push(crate::check::Problem {
            file: "i18n/he/bad page.md".into(),
            message: "invalid UTF-8".into(),
            locale: None,
        });
        let mut clean = fixture::site();
        clean.findings.clear();
        clean.orphans.clear();
        for report in [fixture::site(), with_error, clean] {
            let doc = sarif(&report);
            let errors: Vec<String> =
                validator.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path)).collect();
            assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
        }
        // The validator does catch a wrong document.
        let mut wrong = sarif(&fixture::site());
        wrong["runs"][0]["results"][0]["level"] = json!("info");
        wrong["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = json!(0);
        assert_eq!(validator.iter_errors(&wrong).count(), 2);
        eprintln!("SARIF validated against {path}");
    }

    #[test]
    fn header_and_driver() {
        let doc = sarif(&fixture::site());
        assert_eq!(doc["$schema"], SCHEMA_URI);
        assert_eq!(doc["version"], "2.1.0");
        assert_eq!(doc["runs"].as_array().unwrap().len(), 1);
        let driver = &doc["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "lockstep");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert!(driver.get("informationUri").is_none());
        assert!(doc["runs"][0].get("originalUriBaseIds").is_none(), "no absolute path of the machine");
        assert_eq!(doc["runs"][0]["invocations"][0]["executionSuccessful"], true);
    }

    #[test]
    fn keys_come_in_the_order_of_the_specification() {
        let mut out = Vec::new();
        write(&fixture::site(), Messages::english(), &mut out);
        let text = String::from_utf8(out).unwrap();
        let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap_or_else(|| panic!("no {key}"));
        assert!(text.starts_with(
            "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\","
        ));
        assert!(at("tool") < at("invocations") && at("invocations") < at("results"));
        let result = &text[at("results")..];
        let at = |key: &str| result.find(&format!("\"{key}\"")).unwrap_or_else(|| panic!("no {key}"));
        assert!(at("ruleId") < at("ruleIndex") && at("ruleIndex") < at("level") && at("level") < at("message"));
        assert!(at("message") < at("locations") && at("locations") < at("partialFingerprints"));
    }

    #[test]
    fn one_descriptor_per_rule_used_and_indices_point_at_it() {
        let doc = sarif(&fixture::site());
        let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["untranslated", "stale", "missing", "obsolete", "code-span-changed", "orphan", "gate"]);
        assert_eq!(rules[0]["shortDescription"]["text"], "A block is still in the source language");
        assert_eq!(rules[1]["shortDescription"]["text"], "The source block changed since the translation was made");
        assert_eq!(
            rules[3]["shortDescription"]["text"],
            "A translated block has no counterpart in the source any more"
        );
        assert_eq!(rules[3]["defaultConfiguration"]["level"], "note");
        assert_eq!(rules[4]["shortDescription"]["text"], "Inline code differs from the English");
        // The registry's default level, not the level of the first finding.
        assert_eq!(rules[4]["defaultConfiguration"]["level"], "warning");
        for r in doc["runs"][0]["results"].as_array().unwrap() {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
    }

    #[test]
    fn findings_become_results() {
        let doc = sarif(&fixture::site());
        let results = doc["runs"][0]["results"].as_array().unwrap();
        // five findings, one orphan, one failed gate (the passing one is not a result)
        assert_eq!(results.len(), 7);
        let levels: Vec<&str> = results.iter().map(|r| r["level"].as_str().unwrap()).collect();
        assert_eq!(levels, ["warning", "error", "warning", "note", "warning", "warning", "error"]);

        let tricky = &results[1];
        assert_eq!(tricky["ruleId"], "code-span-changed");
        assert_eq!(tricky["message"]["text"], fixture::TRICKY);
        assert_eq!(tricky["properties"]["locale"], "he");
        let loc = &tricky["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"], json!({ "uri": "i18n/he/index.md", "uriBaseId": "%SRCROOT%" }));
        assert_eq!(loc["region"]["startLine"], 7);
        assert_eq!(loc["region"]["startColumn"], 5);
        assert_eq!(loc["region"]["endLine"], 7);
        assert_eq!(loc["region"]["snippet"]["text"], "translation of code-span-changed");

        let missing = &results[2];
        let loc = &missing["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "docs/getting%20started.md");
        assert_eq!(loc["region"]["snippet"]["text"], "source of missing", "a missing block shows its source");
        assert_eq!(results[4]["locations"][0]["physicalLocation"]["region"]["endLine"], 3);

        let orphan = &results[5];
        assert_eq!(orphan["ruleId"], "orphan");
        assert_eq!(orphan["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "i18n/de/old%20page.md");
    }

    #[test]
    fn failed_gates_are_errors_at_the_site_root() {
        let doc = sarif(&fixture::site());
        let gate = doc["runs"][0]["results"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(gate["ruleId"], "gate");
        assert_eq!(gate["level"], "error");
        assert_eq!(gate["message"]["text"], "he: min-coverage 80 not met (actual 65.2)");
        let loc = &gate["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], ".");
        assert!(loc.get("region").is_none());
    }

    #[test]
    fn no_gate_descriptor_when_every_gate_passes() {
        let mut report = fixture::site();
        report.locales.retain(|l| l.passed());
        let doc = sarif(&report);
        let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert!(rules.iter().all(|r| r["id"] != "gate"));
        assert!(doc["runs"][0]["results"].as_array().unwrap().iter().all(|r| r["ruleId"] != "gate"));
    }

    #[test]
    fn unreadable_files_are_notifications() {
        let mut report = fixture::site();
        report.errors.push(crate::check::Problem {
            file: "i18n/he/bad.md".into(),
            message: "invalid UTF-8".into(),
            locale: None,
        });
        let doc = sarif(&report);
        let invocation = &doc["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let n = &invocation["toolExecutionNotifications"][0];
        assert_eq!(n["level"], "error");
        assert_eq!(n["message"]["text"], "invalid UTF-8");
        assert_eq!(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "i18n/he/bad.md");
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(encode_uri_path("i18n/he/a b.md"), "i18n/he/a%20b.md");
        assert_eq!(encode_uri_path("100%/x#y?z[1]:2.md"), "100%25/x%23y%3Fz%5B1%5D%3A2.md");
        assert_eq!(encode_uri_path("docs/(draft)+v1,final;a=b@c!$&'*~.md"), "docs/(draft)+v1,final;a=b@c!$&'*~.md");
        assert_eq!(encode_uri_path("i18n/he/שלום.md"), "i18n/he/%D7%A9%D7%9C%D7%95%D7%9D.md");
        assert_eq!(encode_uri_path("a\\b\"<>^`{|}\t"), "a%5Cb%22%3C%3E%5E%60%7B%7C%7D%09");
        assert_eq!(
            serde_json::to_value(artifact("./docs/a.md")).unwrap(),
            json!({ "uri": "docs/a.md", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            serde_json::to_value(artifact("/srv/my docs/a.md")).unwrap(),
            json!({ "uri": "file:///srv/my%20docs/a.md" })
        );
    }

    #[test]
    fn fingerprints_ignore_line_numbers_but_not_content() {
        let report = fixture::site();
        let f = &report.findings[0];
        let mut moved = f.clone();
        moved.line += 10;
        moved.end_line += 10;
        moved.message = "still in the source language (source line 13)".into();
        assert_eq!(fingerprint_hash(f), fingerprint_hash(&moved));
        for change in [
            |f: &mut Finding| f.rule = "stale",
            |f: &mut Finding| f.locale = "de".into(),
            |f: &mut Finding| f.file = "i18n/he/other.md".into(),
            |f: &mut Finding| f.message = "something else".into(),
            |f: &mut Finding| f.translation_excerpt = Some("another block".into()),
        ] {
            let mut other = f.clone();
            change(&mut other);
            assert_ne!(fingerprint_hash(f), fingerprint_hash(&other), "{other:?}");
        }
        // Fixed across builds and platforms: code-scanning services store it.
        assert_eq!(format!("{:016x}", fingerprint_hash(f)), "8affe3fb6db581f6");
        let mut h = Fnv1a::default();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c, "FNV-1a test vector");
    }

    #[test]
    fn identical_findings_get_distinct_fingerprints() {
        let mut report = fixture::site();
        let twin = report.findings[0].clone();
        report.findings.push(twin);
        let doc = sarif(&report);
        let results = doc["runs"][0]["results"].as_array().unwrap();
        let first = results[0]["partialFingerprints"][FINGERPRINT_KEY].as_str().unwrap();
        let twin = results[5]["partialFingerprints"][FINGERPRINT_KEY].as_str().unwrap();
        assert!(first.ends_with(":1") && twin.ends_with(":2"), "{first} {twin}");
        assert_eq!(first[..16], twin[..16]);
        let again = sarif(&report);
        assert_eq!(again["runs"][0]["results"][0]["partialFingerprints"], results[0]["partialFingerprints"]);
    }
}
