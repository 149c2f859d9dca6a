//! Facts about a locale that checks depend on: its script, its direction, and how to tell its
//! language from English.

use unic_langid::{CharacterDirection, LanguageIdentifier};
use unicode_script::{Script, UnicodeScript};

/// What lockstep knows about a translation's locale.
#[derive(Debug, Clone)]
pub struct LocaleFacts {
    pub tag: String,
    /// ISO 15924 code of the locale's likely script ("Hebr", "Latn", "Hant").
    pub script: String,
    pub rtl: bool,
    /// The language for language identification between English and the locale.
    pub lang: Option<whatlang::Lang>,
}

impl LocaleFacts {
    /// Facts for a BCP 47 tag; an unknown or malformed tag gives Latin-script, left-to-right facts.
    pub fn new(tag: &str) -> Self {
        let parsed: Option<LanguageIdentifier> = tag.replace('_', "-").parse().ok();
        let Some(mut id) = parsed else {
            return LocaleFacts { tag: tag.to_owned(), script: "Latn".into(), rtl: false, lang: None };
        };
        let language = id.language.as_str().to_owned();
        let rtl_override = rtl_override(&id);
        id.maximize();
        let script = id.script.map_or_else(|| "Latn".to_owned(), |s| s.as_str().to_owned());
        let rtl = rtl_override.unwrap_or(id.character_direction() == CharacterDirection::RTL);
        LocaleFacts { tag: tag.to_owned(), script, rtl, lang: whatlang_for(&language) }
    }

    /// Whether the locale writes in the Latin script, like English.
    pub fn latin(&self) -> bool {
        self.script == "Latn"
    }
}

/// Known mistakes of the likely-subtags data for documentation sites (SPEC §1.1).
fn rtl_override(id: &LanguageIdentifier) -> Option<bool> {
    let script = id.script.map(|s| s.as_str().to_owned());
    match (id.language.as_str(), id.region.as_ref().map(|r| r.as_str()), script.as_deref()) {
        (_, _, Some("Hebr" | "Arab" | "Syrc" | "Thaa" | "Nkoo" | "Adlm" | "Rohg")) => Some(true),
        ("ku" | "ckb", Some("IQ" | "IR"), None) | ("ckb", _, None) => Some(true),
        _ => None,
    }
}

fn whatlang_for(language: &str) -> Option<whatlang::Lang> {
    let code = match language {
        "de" => "deu",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "nl" => "nld",
        "pl" => "pol",
        "sv" => "swe",
        "da" => "dan",
        "fi" => "fin",
        "cs" => "ces",
        "tr" => "tur",
        "ro" => "ron",
        "hu" => "hun",
        "id" => "ind",
        "vi" => "vie",
        "nb" | "no" => "nob",
        "et" => "est",
        "lt" => "lit",
        "lv" => "lav",
        "sk" => "slk",
        "sl" => "slv",
        "hr" => "hrv",
        "eo" => "epo",
        "af" => "afr",
        "tl" => "tgl",
        other => other,
    };
    whatlang::Lang::from_code(code)
}

/// Share of the letters of `text` that are in the Latin script; `None` without letters.
pub fn latin_share(text: &str) -> Option<f32> {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                latin += 1;
            }
        } else if c.is_alphabetic() {
            letters += 1;
            latin += usize::from(c.script() == Script::Latin);
        }
    }
    (letters > 0).then(|| latin as f32 / letters as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_and_scripts() {
        let he = LocaleFacts::new("he");
        assert!(he.rtl);
        assert_eq!(he.script, "Hebr");
        let ar = LocaleFacts::new("ar");
        assert!(ar.rtl && !ar.latin());
        let zh = LocaleFacts::new("zh-Hant");
        assert!(!zh.rtl && !zh.latin());
        let de = LocaleFacts::new("de");
        assert!(de.latin() && !de.rtl);
        assert_eq!(de.lang, Some(whatlang::Lang::Deu));
        assert!(LocaleFacts::new("ku-IQ").rtl);
        assert!(LocaleFacts::new("und-Hebr").rtl);
        assert!(!LocaleFacts::new("not a tag!").rtl);
    }

    #[test]
    fn latin_share_counts_letters_only() {
        assert_eq!(latin_share("Signal 123"), Some(1.0));
        assert_eq!(latin_share("123 !"), None);
        assert!(latin_share("שלום Signal").unwrap() < 0.7);
    }
}
