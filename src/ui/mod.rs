//! lockstep's own interface language: messages come from Fluent files in `locales/`, compiled
//! into the binary, in the user's language when it is available and in English otherwise.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// Locales the interface is translated into, with their Fluent sources.
const LOCALES: &[(&str, &str)] = &[("en-US", include_str!("../../locales/en-US/lockstep.ftl"))];

/// The message catalogue of one interface language, with English as fallback.
pub struct Messages {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Messages {
    /// Messages in `lang` (a BCP 47 tag) when available, else English.
    pub fn new(lang: Option<&str>) -> Self {
        let wanted: Option<LanguageIdentifier> = lang.and_then(|l| l.parse().ok());
        let mut order: Vec<&(&str, &str)> = Vec::new();
        if let Some(w) = &wanted {
            order.extend(
                LOCALES
                    .iter()
                    .filter(|(tag, _)| tag.parse::<LanguageIdentifier>().is_ok_and(|t| t.language == w.language)),
            );
        }
        order.extend(LOCALES.iter().filter(|(tag, _)| *tag == "en-US"));
        let bundles = order.into_iter().map(|(tag, source)| bundle(tag, source)).collect();
        Messages { bundles }
    }

    /// Messages in the language of the environment (`LOCKSTEP_LANG`, `LC_ALL`, `LC_MESSAGES`,
    /// `LANG`).
    pub fn from_env() -> Self {
        Messages::new(Self::env_lang().as_deref())
    }

    /// The language the environment asks for (`LOCKSTEP_LANG`, `LC_ALL`, `LC_MESSAGES`,
    /// `LANG`), as a BCP 47 tag.
    pub fn env_lang() -> Option<String> {
        ["LOCKSTEP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map(|v| v.split(['.', '@']).next().unwrap_or("").replace('_', "-"))
    }

    /// The message `id` formatted with `args`; the id itself when no bundle has it.
    pub fn get(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, v.clone());
        }
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            }
        }
        id.to_owned()
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.get(id, &[])
    }
}

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let lang: LanguageIdentifier = tag.parse().expect("locale tags in LOCALES are valid");
    let mut bundle = FluentBundle::new(vec![lang]);
    // Terminal output: isolation marks would show up as stray characters in English text.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).expect("shipped .ftl files parse (tested)");
    bundle.add_resource(resource).expect("shipped .ftl files have no duplicate ids (tested)");
    bundle
}

/// A string argument.
pub fn arg<'a>(s: impl Into<Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}

/// A number argument.
pub fn num<'a>(n: usize) -> FluentValue<'a> {
    FluentValue::from(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_catalogue_parses_and_formats() {
        for (tag, source) in LOCALES {
            let resource = FluentResource::try_new((*source).to_owned());
            assert!(resource.is_ok(), "{tag}: {:?}", resource.err().map(|e| e.1));
        }
        let m = Messages::new(Some("en-US"));
        let s = m.get(
            "align-summary",
            &[
                ("pairs", num(1)),
                ("translated", num(1)),
                ("untranslated", num(0)),
                ("partial", num(0)),
                ("stale", num(0)),
                ("missing", num(0)),
                ("obsolete", num(0)),
            ],
        );
        assert!(s.starts_with("one pair: 1 translated"), "{s}");
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        assert_eq!(Messages::new(Some("xx")).text("status-stale"), "stale");
        assert_eq!(Messages::new(None).text("no-such-message"), "no-such-message");
    }
}
