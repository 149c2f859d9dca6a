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
        "ca" => "cat",
        "cy" => "cym",
        "ak" => "aka",
        "az" => "aze",
        "jv" => "jav",
        "la" => "lat",
        "sn" => "sna",
        "tk" => "tuk",
        "uz" => "uzb",
        "zu" => "zul",
        other => other,
    };
    whatlang::Lang::from_code(code)
}

/// Whether `c` is a letter, and if so whether it is in the Latin script.
fn letter_in_latin(c: char) -> Option<bool> {
    if c.is_ascii() {
        c.is_ascii_alphabetic().then_some(true)
    } else {
        common_letter(c).or_else(|| c.is_alphabetic().then(|| c.script() == Script::Latin))
    }
}

/// Whether `c` is a letter of a script other than Latin.
pub fn is_non_latin_letter(c: char) -> bool {
    letter_in_latin(c) == Some(false)
}

/// Share of the letters of `text` that are in the Latin script; `None` without letters.
pub fn latin_share(text: &str) -> Option<f32> {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if let Some(is_latin) = letter_in_latin(c) {
            letters += 1;
            latin += usize::from(is_latin);
        }
    }
    (letters > 0).then(|| latin as f32 / letters as f32)
}

/// `char::is_alphabetic`, with the letters of the common scripts answered first (the general
/// lookup is slow, and it runs for every character of every page).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        common_letter(c).is_some() || c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, answered as quickly as [`is_letter`].
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        common_letter(c).is_some() || c.is_alphanumeric()
    }
}

/// `char::is_numeric`, with the letters of the common scripts (never numeric) answered first.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        common_letter(c).is_none() && c.is_numeric()
    }
}

/// For a letter of Latin-1, Hebrew, Arabic or the CJK ideographs: whether it is Latin. `None`
/// for any other character (which may still be a letter).
fn common_letter(c: char) -> Option<bool> {
    match c {
        'À'..='ÿ' if c != '×' && c != '÷' => Some(true),
        'א'..='ת' | '\u{0620}'..='\u{064A}' | '\u{4E00}'..='\u{9FFF}' => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_letter_ranges_agree_with_the_unicode_tables() {
        for c in '\0'..='\u{FFFF}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
            assert_eq!(is_numeric(c), c.is_numeric(), "U+{:04X}", c as u32);
            let general = c.is_alphabetic().then(|| f32::from(u8::from(c.script() == Script::Latin)));
            assert_eq!(latin_share(&c.to_string()), general, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_latin_script_language_of_the_identifier_has_its_two_letter_code() {
        let reached: std::collections::HashSet<whatlang::Lang> = ('a'..='z')
            .flat_map(|a| ('a'..='z').map(move |b| format!("{a}{b}")))
            .filter_map(|code| super::whatlang_for(&code))
            .collect();
        for lang in whatlang::Script::Latin.langs().iter().filter(|l| **l != whatlang::Lang::Eng) {
            assert!(reached.contains(lang), "{} ({})", lang.eng_name(), lang.code());
        }
    }

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
