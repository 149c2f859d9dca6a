//! Stamps: the record that a translation matches a given source revision, written by
//! `lockstep stamp` into `lockstep.lock` beside the config (where a platform re-export cannot
//! erase it) or into the page's front matter. A stamp keeps the source's commit when there is
//! one, a content hash always, and a fingerprint of every source block, so that a later check
//! can tell which blocks changed since even without the repository's history.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::parse::Page;
use crate::ui::Text;

/// The lock file's name, at the site root.
pub const LOCK_FILE: &str = "lockstep.lock";

/// The front-matter key a stamp is written under with `--front-matter`.
pub const FRONT_MATTER_KEY: &str = "lockstep-base";

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LockFile {
    #[serde(default, rename = "stamp")]
    pub stamps: Vec<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Stamp {
    /// The translation, relative to the site root, `/`-separated.
    pub translation: String,
    pub source: String,
    /// The source's commit, when the source is in a git repository.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// `sha256:` of the source text.
    pub source_hash: String,
    /// A fingerprint of each source block with something to translate.
    pub blocks: Vec<String>,
}

impl LockFile {
    pub fn parse(text: &str) -> Result<LockFile, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Reads the lock file at `root`; none is an empty lock file. It is a file of the site,
    /// read as one ([`crate::load::read_site_file`]): a named pipe, a device, a dangling link
    /// or a link out of the root in its place is an error naming it, never opened. Unlike a
    /// configuration, it cannot be named on the command line, so it is never read from
    /// elsewhere. An unusable lock file stops the command (exit code 2) rather than being
    /// ignored: `stamp` would otherwise replace it and lose its stamps, and `check` would
    /// silently lose the stamps its staleness rests on.
    pub fn load(root: &Path) -> Result<LockFile, Text> {
        let path = root.join(LOCK_FILE);
        let shown = path.display().to_string();
        match crate::load::read_site_file(&path, &crate::load::tops_of(root)) {
            Ok(text) => {
                LockFile::parse(&text).map_err(|e| Text::new("lock-invalid").arg("path", shown).arg("detail", e))
            }
            Err(crate::load::LoadError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
                Ok(LockFile::default())
            }
            Err(e) => Err(e.text()),
        }
    }

    /// The text of the lock file: stamps sorted by translation, so that rewriting is stable.
    pub fn render(&self) -> String {
        let mut sorted = self.clone();
        sorted.stamps.sort_by(|a, b| a.translation.cmp(&b.translation));
        let body = toml::to_string(&sorted).expect("a lock file serialises");
        format!("# Written by `lockstep stamp`: the source revision each translation matches.\n\n{body}")
    }

    /// Adds or replaces the stamp of `stamp.translation`.
    pub fn set(&mut self, stamp: Stamp) {
        self.stamps.retain(|s| s.translation != stamp.translation);
        self.stamps.push(stamp);
    }

    pub fn get(&self, translation: &str) -> Option<&Stamp> {
        self.stamps.iter().find(|s| s.translation == translation)
    }
}

/// A stamp of `source` (its text and parsed page) as the base of `translation`.
pub fn stamp(translation: &str, source_name: &str, source_text: &str, source: &Page, commit: Option<String>) -> Stamp {
    Stamp {
        translation: translation.to_owned(),
        source: source_name.to_owned(),
        commit,
        source_hash: content_hash(source_text),
        blocks: source.segments.iter().filter(|s| !s.verbatim).map(|s| fingerprint(s.norm())).collect(),
    }
}

/// `sha256:` and the hex digest of `text`.
pub fn content_hash(text: &str) -> String {
    format!("sha256:{}", hex(&Sha256::digest(text.as_bytes())))
}

/// A block's fingerprint: 16 hex digits of SHA-256 of its normalised text (stable across
/// machines and versions, unlike the hashers used in memory).
pub fn fingerprint(norm: &str) -> String {
    hex(&Sha256::digest(norm.as_bytes())[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The value of the stamp in a page's front matter, if it has one.
pub fn front_matter_stamp(text: &str) -> Option<&str> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines
        .take_while(|l| !matches!(l.trim_end(), "---" | "..."))
        .find_map(|l| l.strip_prefix(FRONT_MATTER_KEY)?.trim_start().strip_prefix(':').map(str::trim))
        .filter(|v| !v.is_empty())
}

/// `text` with `key: value` set in its YAML front matter; every other byte unchanged. A page
/// without front matter gets one.
pub fn set_front_matter_key(text: &str, key: &str, value: &str) -> String {
    let line = format!("{key}: {value}");
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() == "---" {
        offset += first.len();
        for l in lines {
            let bare = l.trim_end_matches(['\n', '\r']);
            if bare == "---" || bare == "..." {
                return format!("{}{line}{newline}{}", &text[..offset], &text[offset..]);
            }
            if bare.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')) {
                let end = offset + bare.len();
                return format!("{}{line}{}", &text[..offset], &text[end..]);
            }
            offset += l.len();
        }
    }
    format!("---{newline}{line}{newline}---{newline}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_key_is_set_and_nothing_else_changes() {
        let page = "---\ntitle: \"כותרת\"\nicon: x\n---\n\n# Body\n";
        let once = set_front_matter_key(page, FRONT_MATTER_KEY, "sha256:ab");
        assert_eq!(once, "---\ntitle: \"כותרת\"\nicon: x\nlockstep-base: sha256:ab\n---\n\n# Body\n");
        let twice = set_front_matter_key(&once, FRONT_MATTER_KEY, "sha256:cd");
        assert_eq!(twice, once.replace("sha256:ab", "sha256:cd"));
        let crlf = "---\r\ntitle: T\r\n---\r\nBody\r\n";
        assert_eq!(set_front_matter_key(crlf, "k", "v"), "---\r\ntitle: T\r\nk: v\r\n---\r\nBody\r\n");
        assert_eq!(set_front_matter_key("# Only body\n", "k", "v"), "---\nk: v\n---\n# Only body\n");
        assert_eq!(front_matter_stamp(&twice), Some("sha256:cd"));
        assert_eq!(front_matter_stamp(page), None);
    }

    #[test]
    fn lock_file_round_trips_and_is_stable() {
        let page = crate::parse::parse("# Keys\n\nUse two keys.\n");
        let mut lock = LockFile::default();
        lock.set(stamp("i18n/he/b.md", "docs/b.md", "x", &page, None));
        lock.set(stamp("i18n/he/a.md", "docs/a.md", "# Keys\n\nUse two keys.\n", &page, Some("abc".into())));
        let text = lock.render();
        let back = LockFile::parse(&text).unwrap();
        assert_eq!(back.render(), text);
        assert_eq!(back.stamps[0].translation, "i18n/he/a.md");
        assert_eq!(back.get("i18n/he/a.md").unwrap().blocks.len(), 2);
        assert!(LockFile::parse("[[stamp]]\ntranslaton = \"x\"\n").is_err(), "unknown keys are errors");
    }
}
