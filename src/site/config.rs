//! `lockstep.toml`: layout patterns, locales, file filters, gates and rule levels. Every key is
//! kebab-case and an unknown key is an error naming it (typos in a gate must not pass silently).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::check::Level;
use crate::ui::Text;

/// The file name lockstep looks for at the site root.
pub const FILE_NAME: &str = "lockstep.toml";

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The source language (default `en`).
    pub source_locale: Option<String>,
    /// Where source pages are, with `{path}` for the page path (e.g. `docs/{path}`).
    pub source: Option<String>,
    /// The folder the `source` pattern starts from, relative to the site root, when the source
    /// pages live in a repository of their own (e.g. `../en`). Default: the site root.
    pub source_root: Option<String>,
    /// Where translations are, with `{locale}` and `{path}` (e.g. `i18n/{locale}/{path}`).
    pub translation: Option<String>,
    /// Locales to check; all that are found when absent.
    pub locales: Option<Vec<String>>,
    /// Glob patterns of page paths (relative to the source folder) to check.
    #[serde(default)]
    pub include: Vec<String>,
    /// Glob patterns of page paths to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Gates for every locale.
    #[serde(default)]
    pub gates: Gates,
    /// Rule levels for every locale.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Per-locale settings, by BCP 47 tag.
    #[serde(default)]
    pub locale: BTreeMap<String, LocaleConfig>,
    /// UI strings and their Fluent catalogue (`lockstep catalog`).
    pub catalog: Option<CatalogConfig>,
    /// Where a page can be edited online, with `{path}` for a file path relative to the site
    /// root (e.g. `https://github.com/OWNER/REPO/edit/main/{path}`): the edit links of
    /// `lockstep report`.
    pub edit_url: Option<String>,
}

/// The `[catalog]` table: where a site's UI strings are and where their Fluent catalogue goes.
/// Paths are relative to the site root; `{locale}` stands for a BCP 47 tag.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CatalogConfig {
    /// Files of UI strings per locale: `.env`, `.properties`, `.json` or `.ftl`
    /// (e.g. `includes/strings.{locale}.env`).
    #[serde(default)]
    pub sources: Vec<String>,
    /// The Fluent file written per locale (default `locales/{locale}/site.ftl`).
    pub out: Option<String>,
    /// Brand names written as Fluent terms: `Privacy Guides` becomes `{ -privacy-guides }`.
    #[serde(default)]
    pub terms: Vec<String>,
    /// `catalog labels`: how many times a label must occur in the source pages (default 3).
    pub label_min_count: Option<usize>,
    /// `catalog labels`: the most words a label may have (default 5).
    pub label_max_words: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocaleConfig {
    /// `ltr` or `rtl`, when the locale data is wrong for this site.
    pub direction: Option<Direction>,
    /// Gates for this locale; keys not set fall back to the site-wide gates.
    #[serde(default)]
    pub gates: Gates,
    /// Rule levels for this locale; rules not set fall back to the site-wide levels.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Release gates of a locale. Coverage is a percentage of source words; the others are
/// numbers of segments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Gates {
    pub min_coverage: Option<f64>,
    pub max_stale: Option<usize>,
    pub max_untranslated: Option<usize>,
    pub max_partial: Option<usize>,
    pub max_missing: Option<usize>,
    pub max_obsolete: Option<usize>,
}

impl Gates {
    /// These gates, completed by `fallback` where unset.
    pub fn or(self, fallback: Gates) -> Gates {
        Gates {
            min_coverage: self.min_coverage.or(fallback.min_coverage),
            max_stale: self.max_stale.or(fallback.max_stale),
            max_untranslated: self.max_untranslated.or(fallback.max_untranslated),
            max_partial: self.max_partial.or(fallback.max_partial),
            max_missing: self.max_missing.or(fallback.max_missing),
            max_obsolete: self.max_obsolete.or(fallback.max_obsolete),
        }
    }
}

impl Config {
    /// Parses the text of a config file; the error names the key and the line.
    pub fn parse(text: &str) -> Result<Config, Text> {
        let config: Config =
            toml::from_str(text).map_err(|e| Text::new("config-syntax").arg("detail", e.to_string()))?;
        let ids = config.rules.keys().chain(config.locale.values().flat_map(|l| l.rules.keys()));
        if let Some(id) = crate::rules::unknown_ids(ids).first() {
            let line =
                text.lines().position(|l| l.trim_start().trim_start_matches('"').starts_with(id)).map_or(0, |n| n + 1);
            return Err(Text::new("config-unknown-rule").num("line", line).arg("rule", *id));
        }
        for (key, globs) in [("include", &config.include), ("exclude", &config.exclude)] {
            for glob in globs {
                if let Err(e) = globset::Glob::new(glob) {
                    // The line that quotes the glob, else the key's.
                    let line = text
                        .lines()
                        .position(|l| l.contains(&format!("\"{glob}\"")) || l.contains(&format!("'{glob}'")))
                        .or_else(|| text.lines().position(|l| l.trim_start().starts_with(key)))
                        .map_or(0, |n| n + 1);
                    let text = Text::new("config-bad-glob").num("line", line).arg("glob", glob.as_str());
                    return Err(text.arg("key", key).arg("detail", e.kind().to_string()));
                }
            }
        }
        Ok(config)
    }

    /// The gates of `locale`.
    pub fn gates(&self, locale: &str) -> Gates {
        self.locale.get(locale).map_or(self.gates, |l| l.gates.or(self.gates))
    }

    /// The configured level of `rule` for `locale`, if any.
    pub fn level(&self, rule: &str, locale: &str) -> Option<Level> {
        self.locale.get(locale).and_then(|l| l.rules.get(rule)).or_else(|| self.rules.get(rule)).copied()
    }
}

/// A commented `lockstep.toml` for a discovered site (`lockstep init`).
pub fn template(site: &super::Site) -> String {
    let locales: Vec<String> = site.locales.iter().map(|l| format!("\"{l}\"")).collect();
    let first = site.locales.first().map_or("he", String::as_str);
    format!(
        r#"# lockstep configuration. Every key is optional; an unknown key is an error.

# The language of the source pages.
source-locale = "{source_locale}"

# Where pages are ({layout:?} layout, detected). `{{path}}` is a page path such as
# `basics/intro.md`, `{{stem}}` the same without `.md`, `{{locale}}` a BCP 47 tag.
source = "{source}"
translation = "{translation}"
# When the source pages live in a repository of their own, the folder `source` starts from:
# source-root = "../en"

# The locales to check (all that are found when absent).
locales = [{locales}]

# Page paths (relative to the source folder) to check or to leave out, as globs.
include = []
exclude = []

# Edit links in `lockstep report`: `{{path}}` is a file path relative to the site root.
# edit-url = "https://github.com/OWNER/REPO/edit/main/{{path}}"

# Release gates for every locale: coverage in percent of source words, the others in blocks.
[gates]
# min-coverage = 80
# max-stale = 50
# max-untranslated = 100
# max-missing = 20

# Rule levels for every locale: "error", "warning", "info" or "off".
[rules]
# stale = "warning"
# obsolete = "info"

# Per-locale settings: direction override, gates and rule levels.
# [locale.{first}]
# direction = "rtl"
# gates = {{ min-coverage = 90 }}
# rules = {{ untranslated = "error" }}

# UI strings and their Fluent catalogue (`lockstep catalog build`, `check`, `labels`).
# [catalog]
# sources = ["includes/strings.{{locale}}.env"]   # .env, .properties, .json or .ftl
# out = "locales/{{locale}}/site.ftl"             # one Fluent file per locale
# terms = ["Privacy Guides"]                    # brand names, written as Fluent terms
# label-min-count = 3                           # `catalog labels`: repeated at least this often
# label-max-words = 5                           # `catalog labels`: at most this many words
"#,
        source_locale = site.source_locale,
        layout = site.layout,
        source = site.patterns.source,
        translation = site.patterns.translation,
        locales = locales.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config_parses() {
        let c = Config::parse(
            r#"
            source-locale = "en"
            source = "docs/{path}"
            translation = "i18n/{locale}/{path}"
            locales = ["he", "de"]
            exclude = ["about/*.md"]
            edit-url = "https://example.org/edit/main/{path}"
            [gates]
            min-coverage = 50
            [rules]
            obsolete = "info"
            [locale.he]
            direction = "rtl"
            gates = { min-coverage = 80, max-stale = 10 }
            rules = { stale = "error" }
            "#,
        )
        .unwrap();
        assert_eq!(c.gates("he").min_coverage, Some(80.0));
        assert_eq!(c.gates("he").max_stale, Some(10));
        assert_eq!(c.gates("de").min_coverage, Some(50.0));
        assert_eq!(c.level("stale", "he"), Some(Level::Error));
        assert_eq!(c.level("stale", "de"), None);
        assert_eq!(c.level("obsolete", "he"), Some(Level::Info));
        assert_eq!(c.edit_url.as_deref(), Some("https://example.org/edit/main/{path}"));
    }

    #[test]
    fn catalog_table_parses_and_rejects_unknown_keys() {
        let c = Config::parse(
            "[catalog]\nsources = [\"includes/strings.{locale}.env\"]\nterms = [\"Garden Club\"]\nlabel-min-count = 4\n",
        )
        .unwrap();
        let catalog = c.catalog.unwrap();
        assert_eq!(catalog.sources, ["includes/strings.{locale}.env"]);
        assert_eq!(catalog.terms, ["Garden Club"]);
        assert_eq!(catalog.label_min_count, Some(4));
        assert_eq!(catalog.out, None);
        let e = Config::parse("[catalog]\nsource = []\n").unwrap_err().to_string();
        assert!(e.contains("source"), "{e}");
    }

    #[test]
    fn a_misspelt_key_is_an_error_naming_it() {
        let e = Config::parse("[gates]\nmin-coverge = 80\n").unwrap_err().to_string();
        assert!(e.contains("min-coverge"), "{e}");
        assert!(e.contains("line 2"), "{e}");
        let e = Config::parse("[locale.he]\ndirektion = \"rtl\"\n").unwrap_err().to_string();
        assert!(e.contains("direktion"), "{e}");
    }

    #[test]
    fn a_glob_that_does_not_parse_is_an_error_naming_its_line() {
        let e = Config::parse("include = [\n  \"**/*.md\",\n  \"guides/{a\",\n]\n").unwrap_err().to_string();
        assert_eq!(e, "line 3: bad glob `guides/{a` in `include`: unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
        assert!(Config::parse("exclude = ['drafts/[a']\n").unwrap_err().to_string().starts_with("line 1: "));
    }
}
