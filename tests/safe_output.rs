//! Page content never reaches a terminal raw, and no output format lets it break out of its
//! grammar. A site is built at test time (git cannot hold a carriage return in a file name on
//! every system, and the bytes are easier to read as escapes here than as raw characters in
//! fixture files) whose pages carry escape sequences (colour, erase, window title), C1
//! controls, bidirectional overrides, line separators, workflow commands, table borders,
//! backtick fences, HTML and `]]>` — in headings, paragraphs, link targets, code spans, a
//! stale diff and in file names. Then:
//!
//! - human (`check`, `status --pages`, `align`, `segments`, `catalog labels`, `report`'s own
//!   lines, stderr): with colour forced, the only escape sequences are lockstep's own colours;
//!   every other control or bidirectional character is a visible `<U+XXXX>` mark, and no line
//!   starts a workflow command;
//! - JSON and SARIF: valid JSON with no raw hidden character, whose strings read back the page's
//!   exact characters; SARIF validates against the SARIF 2.1.0 schema;
//! - GitHub: one command per finding, orphan and error, properties without a raw `:` or `,`;
//! - JUnit: well-formed XML (read by quick-xml) with no character XML 1.0 forbids;
//! - Markdown (read by pulldown-cmark): no HTML, every table row as wide as its header, names
//!   whole in their code spans, the stale diff in one code block;
//! - the HTML report: no raw hidden character in any file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;

use common::{git, path, scratch, text, write_file};

/// A file name no repository should hold: an escape sequence, a right-to-left override, a
/// carriage return and a line break starting a workflow command, the separators of its
/// properties, a table border, a backtick, HTML, the end of a CDATA section and an escaped
/// line break.
const EVIL: &str = "evil\u{1b}[31m\u{202E}\r\n::error file=x,line=1::named|`<b>]]>%0A.md";
/// How EVIL is shown on one line.
const EVIL_SHOWN: &str = "evil<U+001B>[31m<U+202E><U+000D><U+000A>::error file=x,line=1::named|`<b>]]>%0A.md";
/// An unreadable translation (invalid UTF-8) whose name sets the window title.
const BAD: &str = "bad\u{1b}]0;owned\u{7}\n::error::unreadable.md";
/// A translation with no source page.
const ORPHAN: &str = "orphan\u{202E}\n::warning::orphaned,:%.md";

const SOURCE_V1: &str = "---
title: \"Garden \u{1b}]0;pwned\u{7} guide\"
---

# Heading \u{1b}[2J\u{1b}[31mred \u{202E}gnp.exe\u{202C} NEL\u{85} CSI\u{9b}31m

Plant the `seed\u{1b}[1m` in the [bed](https://example.org/\u{202E}bed\u{1b}[31m) today.

Water it ::error file=a.md,line=1::injected and %0A::warning::x ##[stop-commands]tok ##vso[task.setvariable variable=x]y then ]]> with | pipe ``` fence <script>alert(1)</script> \u{2028} end.

Keep the soil moist.
";

const SOURCE_V2: &str = "---
title: \"Garden \u{1b}]0;pwned\u{7} guide\"
---

# Heading \u{1b}[2J\u{1b}[31mred \u{202E}gnp.exe\u{202C} NEL\u{85} CSI\u{9b}31m

Plant the `seed\u{1b}[1m` in the [bed](https://example.org/\u{202E}bed\u{1b}[31m) today.

Water it \u{1b}[33mdaily ``` | <i>x</i> ::error::diff \u{202E}##[error]legacy then ]]> with | pipe ``` fence <script>alert(1)</script> \u{2028} end.

Keep the soil moist.
";

const TRANSLATION: &str = "---
title: \"גינה \u{1b}]0;pwned\u{7} מדריך\"
---

# כותרת \u{1b}[2J\u{1b}[31mאדום \u{202E}gnp.exe\u{202C} NEL\u{85} CSI\u{9b}31m

שתלו את `seed\u{1b}[5m` ב[ערוגה](https://example.org/\u{202E}evil\u{1b}[32m) היום.

Water it ::error file=a.md,line=1::injected and %0A::warning::x ##[stop-commands]tok ##vso[task.setvariable variable=x]y then ]]> with | pipe ``` fence <script>alert(1)</script> \u{2028} end.
";

/// The hostile site of one test, removed when the test ends: `docs/` and `i18n/he/` in a git
/// repository whose second commit changes the English of `garden.md`, so that its translation
/// is stale.
struct Site(PathBuf);

impl Site {
    fn new(test: &str) -> Site {
        let root = scratch("safe-output", test);
        let write = |rel: &str, body: &[u8]| write_file(&root, rel, body);
        write("docs/garden.md", SOURCE_V1.as_bytes());
        write("i18n/he/garden.md", TRANSLATION.as_bytes());
        write(&format!("docs/{EVIL}"), b"# Evil\n\nStill in English here.\n");
        write(&format!("i18n/he/{EVIL}"), b"# \xd7\xa8\xd7\xa2\n\nStill in English here.\n");
        write(&format!("docs/{BAD}"), b"# Bad\n\nText.\n");
        write(&format!("i18n/he/{BAD}"), b"# \xff\xfe broken\n");
        write(&format!("i18n/he/{ORPHAN}"), "# יתום\n".as_bytes());
        git(&root, &["init", "-q"], "2024-03-01T10:00:00Z");
        git(&root, &["add", "-A"], "2024-03-01T10:00:00Z");
        git(&root, &["commit", "-q", "-m", "first"], "2024-03-01T10:00:00Z");
        write("docs/garden.md", SOURCE_V2.as_bytes());
        git(&root, &["commit", "-q", "-am", "second"], "2024-04-01T10:00:00Z");
        Site(root)
    }

    fn root(&self) -> &str {
        path(&self.0)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs lockstep with colour forced, as on a terminal: raw page text would reach the output
/// as it is, not stripped by the terminal detection.
fn lockstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .env("LOCKSTEP_LANG", "en-US")
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .env("CI", "true")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A character that must never come out raw: controls but tab and line feed, bidirectional
/// embeddings, overrides and isolates (lockstep's own balanced FSI … PDI pairs are checked
/// apart), zero-width and invisible format characters, line and paragraph separators.
fn dangerous(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}' | '\u{2067}' | '\u{200B}'..='\u{200F}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{FEFF}' | '\u{2060}'..='\u{2064}')
}

/// Asserts that `out` (what a terminal shows) holds no raw page control: escape sequences only
/// as lockstep's own colours (`ESC [ digits ; m`), no other dangerous character, isolates in
/// pairs, and no line that a CI runner would read as a workflow command.
fn assert_terminal_safe(what: &str, out: &str) {
    let mut rest = out;
    let mut plain = String::new();
    while let Some(i) = rest.find('\u{1b}') {
        plain.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let params = after.strip_prefix('[').map(|a| a.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';'));
        match params.and_then(|p| p.strip_prefix('m')) {
            Some(tail) => rest = tail,
            None => {
                panic!("{what}: a raw escape sequence that is not a colour: {:?}", &rest[i..(i + 12).min(rest.len())])
            }
        }
    }
    plain.push_str(rest);
    let bad: Vec<String> = plain.chars().filter(|c| dangerous(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
    assert!(bad.is_empty(), "{what}: raw characters {bad:?} in\n{plain}");
    let (fsi, pdi) = (plain.matches('\u{2068}').count(), plain.matches('\u{2069}').count());
    assert_eq!(fsi, pdi, "{what}: unbalanced isolates");
    for line in plain.lines() {
        assert!(!line.trim_start().starts_with("::"), "{what}: a line reads as a workflow command: {line}");
        assert!(!line.contains("##[") && !line.contains("##vso["), "{what}: a legacy log command: {line}");
    }
}

#[test]
fn human_output_shows_page_controls_as_marks() {
    let site = Site::new("human");
    let root = site.root();
    let translation = format!("{root}/i18n/he/{EVIL}");
    let garden = format!("{root}/i18n/he/garden.md");
    let runs: Vec<(Vec<String>, Option<i32>)> = vec![
        (vec!["check".into(), root.into()], Some(2)),
        (vec!["status".into(), root.into(), "--pages".into()], Some(2)),
        (vec!["align".into(), format!("{root}/docs/garden.md"), garden.clone()], Some(0)),
        (vec!["align".into(), format!("{root}/docs/{EVIL}"), translation.clone()], Some(0)),
        (vec!["segments".into(), garden.clone()], Some(0)),
        (vec!["segments".into(), translation.clone()], Some(0)),
        (vec!["catalog".into(), "labels".into(), root.into(), "--min-count".into(), "1".into()], Some(0)),
    ];
    let mut all = String::new();
    for (args, code) in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = lockstep(&args);
        assert_eq!(o.status.code(), *code, "{args:?}: {}", text(&o.stderr));
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert_terminal_safe(&format!("{args:?} stdout"), &out);
        assert_terminal_safe(&format!("{args:?} stderr"), &err);
        all.push_str(&out);
        all.push_str(&err);
    }
    // What was dangerous is there, visibly.
    for mark in
        ["<U+001B>[2J", "<U+001B>[1m", "<U+202E>", "<U+009B>31m", "<U+2028>", "<U+0007>", "#<U+0023>[stop-commands]"]
    {
        assert!(all.contains(mark), "{mark} is shown");
    }
    assert!(all.contains(EVIL_SHOWN), "the file name on one line, every control visible:\n{all}");
    assert!(all.contains("bad<U+001B>]0;owned<U+0007><U+000A>::error::unreadable.md"), "{all}");
    assert!(all.contains("orphan<U+202E><U+000A>::warning::orphaned,:%.md"), "{all}");
    // The report's own lines.
    let out = std::env::temp_dir().join(format!("lockstep-safe-output-report-{}", std::process::id()));
    let o = lockstep(&["report", root, "--out", path(&out)]);
    assert_eq!(o.status.code(), Some(2), "an unreadable page is exit 2: {}", text(&o.stderr));
    assert_terminal_safe("report stdout", &text(&o.stdout));
    assert_terminal_safe("report stderr", &text(&o.stderr));
    assert!(text(&o.stdout).contains("report written"), "{}", text(&o.stdout));
    // No raw hidden character in any file of the report either.
    let mut stack = vec![out.clone()];
    let mut html = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html" || x == "json") {
                html += 1;
                let body = text(&std::fs::read(&p).unwrap());
                let bad: Vec<String> =
                    body.chars().filter(|c| dangerous(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
                assert!(bad.is_empty(), "{}: raw {bad:?}", p.display());
            }
        }
    }
    assert!(html > 3, "{html} files");
    std::fs::remove_dir_all(out).unwrap();
}

/// The JSON document of `args`, after checking its bytes hold no raw hidden character.
fn json(args: &[&str]) -> Value {
    let o = lockstep(args);
    assert!(matches!(o.status.code(), Some(0..=2)), "{args:?}: {}", text(&o.stderr));
    let out = text(&o.stdout);
    let bad: Vec<String> = out.chars().filter(|c| dangerous(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
    assert!(bad.is_empty(), "{args:?}: raw {bad:?}");
    assert!(!out.contains('\u{2068}'), "{args:?}: no isolate in machine output");
    assert!(!out.contains("##[") && !out.contains("##vso["), "{args:?}: a raw log command");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}\n{out}"))
}

/// Every string in `v`.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out);
        }),
        _ => {}
    }
}

#[test]
fn json_escapes_what_it_must_and_keeps_the_characters_as_data() {
    let site = Site::new("json");
    let root = site.root();
    let garden = format!("{root}/i18n/he/garden.md");
    let check = json(&["check", root, "--format", "json"]);
    let status = json(&["status", root, "--format", "json", "--pages"]);
    let align = json(&["align", &format!("{root}/docs/garden.md"), &garden, "--format", "json"]);
    let segments = json(&["segments", &garden, "--format", "json"]);
    // The names are the files' own.
    let pages: Vec<&str> = status["pages"].as_array().unwrap().iter().map(|p| p["page"].as_str().unwrap()).collect();
    assert!(pages.contains(&EVIL), "{pages:?}");
    let errors = check["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["file"].as_str().unwrap().ends_with(&format!("i18n/he/{BAD}"))), "{errors:?}");
    let orphans = check["orphans"].as_array().unwrap();
    assert!(orphans.iter().any(|o| o["file"].as_str().unwrap().ends_with(&format!("i18n/he/{ORPHAN}"))));
    // The page text, read back, is the page's: raw escape, C1 and bidi characters as data.
    let mut all = Vec::new();
    for v in [&check, &status, &align, &segments] {
        strings(v, &mut all);
    }
    for piece in [
        "seed\u{1b}[5m",
        "\u{202E}gnp.exe\u{202C}",
        "NEL\u{85}",
        "CSI\u{9b}31m",
        "\u{2028} end",
        "]]> with | pipe ```",
        "##[stop-commands]tok",
    ] {
        assert!(all.iter().any(|s| s.contains(piece)), "{piece:?} round-trips");
    }
    let stale: Vec<&Value> = check["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "stale").collect();
    assert!(!stale.is_empty(), "the second commit makes garden.md stale");
    let diff = serde_json::to_string(&stale[0]["diff"]).unwrap();
    assert!(diff.contains("\\u001b[33mdaily"), "{diff}");
}

#[test]
fn sarif_is_valid_and_keeps_the_characters_as_data() {
    let site = Site::new("sarif");
    let root = site.root();
    let doc = json(&["check", root, "--format", "sarif"]);
    let schema_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas/sarif-schema-2.1.0.json");
    if Path::new(schema_path).exists() {
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
        let validator = jsonschema::draft4::options().should_validate_formats(true).build(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
        eprintln!("SARIF of the hostile site validated against {schema_path}");
    } else {
        eprintln!("SKIPPED: SARIF schema not found at {schema_path}: the SARIF output was not validated");
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "the SARIF schema must be present in CI");
    }
    let uris: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(
        uris.iter().any(|u| u.ends_with(
            "i18n/he/evil%1B%5B31m%E2%80%AE%0D%0A%3A%3Aerror%20file=x,line=1%3A%3Anamed%7C%60%3Cb%3E%5D%5D%3E%250A.md"
        )),
        "{uris:?}"
    );
    assert!(uris.iter().all(|u| u.chars().all(|c| c.is_ascii_graphic())), "URIs are percent-encoded: {uris:?}");
}

#[test]
fn github_commands_cannot_be_injected() {
    let site = Site::new("github");
    let root = site.root();
    let o = lockstep(&["check", root, "--format", "github"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_terminal_safe(
        "github stdout",
        &out.replace("::error ", "").replace("::warning ", "").replace("::notice ", ""),
    );
    let check = json(&["check", root, "--format", "json"]);
    let count = |k: &str| check[k].as_array().unwrap().len();
    let gates: usize = check["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["gates"].as_array().unwrap().iter().filter(|g| g["passed"] == false).count())
        .sum();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), count("findings") + count("orphans") + count("errors") + gates, "one command each:\n{out}");
    let mut files = Vec::new();
    for line in &lines {
        let rest = ["::error ", "::warning ", "::notice "].iter().find_map(|c| line.strip_prefix(c));
        let rest = rest.unwrap_or_else(|| panic!("not a workflow command: {line}"));
        let (props, message) = rest.split_once("::").unwrap_or_else(|| panic!("no message: {line}"));
        assert!(!message.contains('\r'), "{line}");
        for prop in props.split(',') {
            let (key, value) = prop.split_once('=').unwrap_or_else(|| panic!("not a property: {prop:?} in {line}"));
            assert!(["file", "line", "endLine", "col", "title"].contains(&key), "{key} in {line}");
            assert!(!value.contains(':') && !value.contains(','), "{line}");
            if key == "file" {
                let decoded = value
                    .replace("%0D", "\r")
                    .replace("%0A", "\n")
                    .replace("%3A", ":")
                    .replace("%2C", ",")
                    .replace("%25", "%");
                files.push(decoded);
            }
        }
    }
    let evil = format!("{root}/i18n/he/evil<U+001B>[31m<U+202E>\r\n::error file=x,line=1::named|`<b>]]>%0A.md");
    assert!(files.contains(&evil), "the file property decodes to the name, controls shown: {files:?}");
    assert!(files.iter().any(|f| f.ends_with("bad<U+001B>]0;owned<U+0007>\n::error::unreadable.md")), "{files:?}");
}

#[test]
fn junit_is_well_formed_xml() {
    use quick_xml::events::Event;
    let site = Site::new("junit");
    let root = site.root();
    let o = lockstep(&["check", root, "--format", "junit"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let xml = text(&o.stdout);
    let forbidden: Vec<String> = xml
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(forbidden.is_empty(), "characters XML 1.0 forbids: {forbidden:?}");
    assert_terminal_safe("junit", &xml);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut depth, mut texts, mut names) = (0i32, String::new(), Vec::new());
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position())) {
            Event::Start(e) => {
                depth += 1;
                for a in e.attributes() {
                    let a = a.expect("a well-formed attribute");
                    names.push(
                        a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .expect("a valid attribute value")
                            .into_owned(),
                    );
                }
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => texts.push_str(&t.xml10_content().expect("valid text")),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("a valid character reference") {
                Some(c) => texts.push(c),
                None => {
                    let name = r.decode().unwrap();
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name);
                    texts.push_str(resolved.unwrap_or_else(|| panic!("an undefined entity {name}")));
                }
            },
            Event::CData(_) => panic!("no CDATA section is written"),
            Event::Eof => break,
            _ => {}
        }
        assert!(depth >= 0, "a stray end tag");
    }
    assert_eq!(depth, 0, "every element is closed");
    // Carriage return and line feed are character references in an attribute: data, not layout.
    let evil = "evil<U+001B>[31m<U+202E>\r\n::error file=x,line=1::named|`<b>]]>%0A.md";
    assert!(names.iter().any(|n| n == evil), "the page's test case: {names:?}");
    assert!(texts.contains("then ]]> with | pipe ``` fence <script>alert(1)</script> <U+2028> end."), "{texts}");
}

#[test]
fn markdown_structure_holds() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let site = Site::new("markdown");
    let root = site.root();
    for args in [vec!["check", root, "--format", "markdown"], vec!["status", root, "--format", "markdown", "--pages"]] {
        let o = lockstep(&args);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
        let md = text(&o.stdout);
        assert_terminal_safe(&format!("{args:?}"), &md);
        let (mut header, mut cells, mut in_head) = (0, 0, false);
        let (mut code, mut blocks, mut block) = (Vec::new(), Vec::new(), None::<String>);
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                // lockstep's own note is the only HTML.
                Event::Html(h) | Event::InlineHtml(h) if h.as_ref() != "<sub>" && h.as_ref() != "</sub>" => {
                    panic!("{args:?}: HTML from a page: {h}\n{md}")
                }
                Event::Start(Tag::TableHead) => (in_head, header) = (true, 0),
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => cells = 0,
                Event::End(TagEnd::TableRow) => {
                    assert_eq!(cells, header, "{args:?}: a row as wide as its header\n{md}")
                }
                Event::Start(Tag::TableCell) if in_head => header += 1,
                Event::Start(Tag::TableCell) => cells += 1,
                Event::Code(c) => code.push(c.into_string()),
                Event::Start(Tag::CodeBlock(_)) => block = Some(String::new()),
                Event::Text(t) if block.is_some() => block.as_mut().unwrap().push_str(&t),
                Event::End(TagEnd::CodeBlock) => blocks.push(block.take().unwrap()),
                _ => {}
            }
        }
        assert!(code.iter().any(|c| c == EVIL_SHOWN), "{args:?}: the page name whole in its code span: {code:?}");
        if args[0] == "check" {
            let diff = blocks.iter().find(|b| b.contains("daily")).unwrap_or_else(|| panic!("no stale diff: {md}"));
            assert!(diff.contains("- Water it ::error file=a.md,line=1::injected"), "{diff}");
            assert!(
                diff.contains(
                    "+ Water it <U+001B>[33mdaily ``` | <i>x</i> ::error::diff <U+202E>#<U+0023>[error]legacy then"
                ),
                "{diff}"
            );
            assert!(
                diff.contains("<script>alert(1)</script> <U+2028> end."),
                "the whole block in one code block: {diff}"
            );
        }
    }
}
