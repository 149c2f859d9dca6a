//! End-to-end tests of `lockstep report`: the files it writes, escaping of hostile pages
//! (`tests/fixtures/report/hostile`), byte-identical re-runs, `report.json` = `status --format
//! json --pages`, unreadable pages as error rows, stale rows with their word diff (a git
//! history made here), `--lang`, badges and edit links. What a browser shows is tested by
//! `cargo xtask browser-test`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;

use common::{copy_dir, git, lockstep, path, scratch, text, write_file};

const HOSTILE: &str = "tests/fixtures/report/hostile";

/// Every file below `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Runs the report of `site` into a scratch folder and returns the folder.
fn report(name: &str, site: &str, extra: &[&str]) -> (PathBuf, Output) {
    let out = scratch("report", name);
    let mut args = vec!["report", site, "--out", path(&out)];
    args.extend_from_slice(extra);
    let o = lockstep(&args);
    (out, o)
}

/// The start tags of an HTML document (text is escaped, so every `<` starting a tag is one).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn hostile_pages_show_their_script_handlers_and_links_as_text() {
    let (out, o) = report("hostile", HOSTILE, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let all = files(&out);
    for (name, bytes) in all.iter().filter(|(n, _)| n.ends_with(".html")) {
        let html = text(bytes);
        for tag in tags(&html) {
            let lower = tag.to_ascii_lowercase();
            if lower.starts_with("<script") {
                assert!(
                    lower.ends_with("assets/report.js\" defer>"),
                    "{name}: a script other than the report's: {tag}"
                );
            }
            assert!(!lower.starts_with("<img") && !lower.starts_with("<svg onload"), "{name}: {tag}");
            let attributes = lower.split_whitespace().skip(1);
            for a in attributes {
                assert!(!a.starts_with("on"), "{name}: an event handler attribute in {tag}");
                assert!(!a.contains("javascript:"), "{name}: a javascript: URL in {tag}");
            }
        }
        for c in
            ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
        {
            assert!(!html.contains(c), "{name}: a raw bidi control U+{:04X}", c as u32);
        }
    }
    let he = text(&all["he/garden.html"]);
    assert!(he.contains("&lt;script&gt;window.__pwned = &quot;he-heading&quot;&lt;/script&gt;"), "{he}");
    assert!(he.contains("onerror=&quot;window.__pwned = 'he-img'&quot;"), "{he}");
    assert!(he.contains("(javascript:window.__pwned='he-link')"), "{he}");
    assert!(he.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"), "{he}");
    assert!(he.contains(">U+202E</span>") && he.contains(">U+202C</span>"), "bidi controls shown as marks");
    let ar = text(&all["ar/garden.html"]);
    assert!(ar.contains(">U+2067</span>") && ar.contains(">U+200F</span>"), "{ar}");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn every_translation_cell_carries_the_locale_and_its_direction() {
    let (out, o) = report("cells", "examples/site", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let all = files(&out);
    for (locale, dir) in [("he", "rtl"), ("ar", "rtl"), ("de", "ltr")] {
        let html = text(&all[&format!("{locale}/about.html")]);
        // Every row: status, line, English, line, translation.
        let rows = html.matches("<tr id=\"r").count();
        assert!(rows > 10, "{locale}: {rows} rows");
        let translation = format!("<td lang=\"{locale}\" dir=\"{dir}\">");
        assert_eq!(html.matches(&translation).count(), rows, "{locale}: a translation cell without its locale");
        assert_eq!(html.matches("<td lang=\"en\" dir=\"ltr\">").count(), rows, "{locale}: English cells");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en-US\" dir=\"ltr\">"), "{}", &html[..80]);
    }
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn a_rerun_writes_the_same_bytes_and_the_input_is_untouched() {
    let before = files(Path::new(env!("CARGO_MANIFEST_DIR")).join(HOSTILE).as_path());
    let (one, _) = report("same-1", HOSTILE, &[]);
    let (two, _) = report("same-2", HOSTILE, &[]);
    let (a, b) = (files(&one), files(&two));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between two runs");
    }
    // The same folder again: files are replaced, nothing else appears.
    let o = lockstep(&["report", HOSTILE, "--out", path(&one)]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(files(&one), a);
    assert_eq!(files(Path::new(env!("CARGO_MANIFEST_DIR")).join(HOSTILE).as_path()), before, "input changed");
    std::fs::remove_dir_all(one).unwrap();
    std::fs::remove_dir_all(two).unwrap();
}

#[test]
fn report_json_is_status_json_with_pages() {
    let (out, _) = report("json", "examples/site", &["--locale", "he", "--locale", "ar"]);
    let status =
        lockstep(&["status", "examples/site", "--pages", "--format", "json", "--locale", "he", "--locale", "ar"]);
    let written = std::fs::read(out.join("report.json")).unwrap();
    assert_eq!(text(&written), text(&status.stdout));
    let v: Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(v["locales"].as_array().unwrap().len(), 2);
    assert!(!out.join("de.html").exists(), "--locale leaves other locales out");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn the_index_shows_the_figures_of_every_locale() {
    let (out, _) = report("index", "examples/site", &[]);
    let index = text(&std::fs::read(out.join("index.html")).unwrap());
    let status: Value =
        serde_json::from_slice(&lockstep(&["status", "examples/site", "--format", "json"]).stdout).unwrap();
    for l in status["locales"].as_array().unwrap() {
        let tag = l["locale"].as_str().unwrap();
        let words = &l["counts"]["words"];
        let table = &index[index.find("<table class=\"figures words\">").unwrap()..];
        let row = &table[table.find(&format!("<tr data-locale=\"{tag}\">")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        for status in ["translated", "stale", "partial", "untranslated", "missing"] {
            let cell = format!("data-key=\"{status}\">{}</td>", words[status]);
            assert!(row.contains(&cell), "{tag} {status}: {row}");
        }
        let coverage = format!("{:.1}%", (l["coverage"].as_f64().unwrap() * 10.0).round() / 10.0);
        assert!(index.contains(&format!("data-key=\"coverage\">{coverage}</td>")), "{tag} {coverage}");
    }
    assert!(index.contains("gate failed") || index.contains("class=\"gate failed\""), "the Arabic gate fails");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn unreadable_pages_are_error_rows_naming_the_file_and_the_rest_is_complete() {
    let site = scratch("report", "bad-site");
    copy_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(HOSTILE).as_path(), &site);
    std::fs::write(site.join("docs/broken.md"), "# Broken\n\nThis page has a bad translation.\n").unwrap();
    std::fs::write(site.join("i18n/he/broken.md"), b"# \xFF\xFE bad\n").unwrap();
    std::fs::write(site.join("docs/folder.md"), "# Folder\n\nThe Arabic file is a folder.\n").unwrap();
    std::fs::create_dir_all(site.join("i18n/ar/folder.md")).unwrap();
    let (out, o) = report("bad", path(&site), &[]);
    assert_eq!(o.status.code(), Some(2), "unreadable files are exit 2, as for status");
    let stderr = text(&o.stderr);
    assert!(stderr.contains("broken.md:1:3: invalid UTF-8"), "{stderr}");
    let index = text(&std::fs::read(out.join("index.html")).unwrap());
    assert!(index.contains("<tr class=\"error\"><td><code>"), "{index}");
    assert!(index.contains("i18n/he/broken.md") && index.contains("i18n/ar/folder.md"), "{index}");
    let he = text(&std::fs::read(out.join("he.html")).unwrap());
    assert!(he.contains("i18n/he/broken.md") && !he.contains("i18n/ar/folder.md"), "{he}");
    let ar = text(&std::fs::read(out.join("ar.html")).unwrap());
    assert!(ar.contains("i18n/ar/folder.md") && ar.contains("cannot read"), "{ar}");
    assert!(out.join("he/garden.html").is_file() && out.join("he/guides/pruning.html").is_file());
    assert!(out.join("ar/garden.html").is_file());
    std::fs::remove_dir_all(out).unwrap();
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn lang_he_makes_the_report_right_to_left() {
    let (out, o) = report("he", "examples/site", &["--lang", "he"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    for file in ["index.html", "he.html", "he/about.html", "de/about.html", "rules.html"] {
        let html = text(&std::fs::read(out.join(file)).unwrap());
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"he\" dir=\"rtl\">"), "{file}");
    }
    let de = text(&std::fs::read(out.join("de/about.html")).unwrap());
    assert!(de.contains("<td lang=\"de\" dir=\"ltr\">"), "a German cell stays left to right");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn badges_and_endpoints_follow_the_gates() {
    let (out, _) = report("badges", "examples/site", &[]);
    for (locale, colour) in [("he", "brightgreen"), ("de", "brightgreen"), ("ar", "red")] {
        let endpoint: Value =
            serde_json::from_slice(&std::fs::read(out.join(format!("badges/{locale}.json"))).unwrap()).unwrap();
        assert_eq!(endpoint["schemaVersion"], 1);
        assert_eq!(endpoint["color"], colour, "{locale}");
        assert!(endpoint["message"].as_str().unwrap().ends_with('%'));
        let svg = text(&std::fs::read(out.join(format!("badges/{locale}.svg"))).unwrap());
        let mut reader = quick_xml::Reader::from_str(&svg);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{locale}.svg is not well-formed: {e}"),
            }
        }
        assert!(svg.contains(endpoint["message"].as_str().unwrap()));
    }
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn rule_links_and_page_links_lead_to_files_and_anchors_that_exist() {
    let (out, _) = report("links", HOSTILE, &[]);
    let all = files(&out);
    let rules = text(&all["rules.html"]);
    let mut checked = 0;
    for (name, bytes) in all.iter().filter(|(n, _)| n.ends_with(".html")) {
        let html = text(bytes);
        let folder = Path::new(name).parent().unwrap();
        for tag in tags(&html) {
            let Some(start) = tag.find(" href=\"").or_else(|| tag.find(" src=\"")) else { continue };
            let value = &tag[start..];
            let value = &value[value.find('"').unwrap() + 1..];
            let target = &value[..value.find('"').unwrap()];
            if target.starts_with("https://") || target.starts_with('#') {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let resolved = normalise(&folder.join(file));
            assert!(all.contains_key(&resolved), "{name}: {target} → {resolved} does not exist");
            if resolved == "rules.html" && !anchor.is_empty() {
                assert!(rules.contains(&format!("id=\"{anchor}\"")), "{name}: no rule anchor {anchor}");
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} links checked");
    let he = text(&all["he/garden.html"]);
    assert!(he.contains("href=\"../rules.html#bidi-control-dangerous\""), "findings link to their rule");
    assert!(he.contains("href=\"https://example.invalid/edit/main/i18n/he/garden.md\""), "edit link");
    let pruning = text(&all["he/guides/pruning.html"]);
    assert!(pruning.contains("href=\"https://example.invalid/edit/main/i18n/he/guides/pruning.md\""));
    std::fs::remove_dir_all(out).unwrap();
}

/// `a/b/../c` → `a/c`, `/`-separated.
fn normalise(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn stale_rows_show_the_english_word_diff() {
    let site = scratch("report", "stale-site");
    let write = |rel: &str, body: &str| write_file(&site, rel, body);
    write("docs/seeds.md", "# Seeds\n\nSow the seeds in spring.\n\nWater them every day.\n");
    write("i18n/he/seeds.md", "# זרעים\n\nזרעו את הזרעים באביב.\n\nהשקו אותם כל יום.\n");
    git(&site, &["init", "-q"], "2024-03-01T10:00:00Z");
    git(&site, &["add", "-A"], "2024-03-01T10:00:00Z");
    git(&site, &["commit", "-q", "-m", "first"], "2024-03-01T10:00:00Z");
    write("docs/seeds.md", "# Seeds\n\nSow the seeds in early spring.\n\nWater them every day.\n");
    git(&site, &["commit", "-q", "-am", "second"], "2024-04-01T10:00:00Z");
    let (out, o) = report("stale", path(&site), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let page = text(&std::fs::read(out.join("he/seeds.html")).unwrap());
    assert!(page.contains("class=\"s-stale w\""), "{page}");
    assert!(page.contains("<ins><span class=\"sr\">added: </span>early </ins>"), "{page}");
    assert!(page.contains("<time datetime=\"2024-03-01T10:00:00Z\">2024-03-01</time>"), "the base's date: {page}");
    let index = text(&std::fs::read(out.join("index.html")).unwrap());
    assert!(index.contains("<time datetime=\"2024-04-01T10:00:00Z\">2024-04-01T10:00:00Z</time>"), "{index}");
    std::fs::remove_dir_all(out).unwrap();
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn a_huge_page_is_split_into_parts_under_a_megabyte() {
    let site = scratch("report", "huge-site");
    let sentence = "Every bed of this garden gets its own note about soil, light and water. ";
    let mut english = String::from("# Beds\n\n");
    let mut hebrew = String::from("# ערוגות\n\n");
    for i in 0..4000 {
        english.push_str(&format!("Bed {i}: {}\n\n", sentence.repeat(4)));
        hebrew.push_str(&format!("ערוגה {i}: לכל ערוגה בגינה הזאת יש הערה משלה על אדמה, אור ומים.\n\n"));
    }
    std::fs::create_dir_all(site.join("docs")).unwrap();
    std::fs::create_dir_all(site.join("i18n/he")).unwrap();
    std::fs::write(site.join("docs/beds.md"), english).unwrap();
    std::fs::write(site.join("i18n/he/beds.md"), hebrew).unwrap();
    let (out, o) = report("huge", path(&site), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let all = files(&out);
    let parts: Vec<&String> = all.keys().filter(|k| k.starts_with("he/beds")).collect();
    assert!(parts.len() >= 2, "{parts:?}");
    for (name, bytes) in &all {
        assert!(bytes.len() < 1_000_000, "{name}: {} bytes", bytes.len());
    }
    let first = text(&all["he/beds.html"]);
    assert!(first.contains("href=\"beds.part2.html\""), "parts link to each other");
    std::fs::remove_dir_all(out).unwrap();
    std::fs::remove_dir_all(site).unwrap();
}
