//! lockstep's own interface language: every sentence it shows is a Fluent message of
//! `locales/<locale>/lockstep.ftl`, compiled into the binary, in the user's language when it is
//! shipped and in English otherwise. Owns the choice of language (`--lang`, then the POSIX
//! locale variables) and the choice of Unicode isolation (on for right-to-left languages only).

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The interface languages, with their Fluent sources. The first is the fallback of all others.
pub const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/lockstep.ftl")),
    ("he", include_str!("../../locales/he/lockstep.ftl")),
];

/// The language of the interface when the user names none, or one lockstep does not speak.
pub const DEFAULT: &str = "en-US";

/// The POSIX variables naming the language of messages, strongest first. The first one set to a
/// non-empty value decides, as in every POSIX program (an empty variable counts as unset).
pub const ENV_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The message catalogue of one interface language, with English as fallback.
pub struct Messages {
    tag: &'static str,
    rtl: bool,
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Messages {
    /// Messages in `lang` (a BCP 47 tag or a POSIX locale name) when it is shipped, else English.
    pub fn new(lang: Option<&str>) -> Self {
        let tag = lang.and_then(language_tag).and_then(|t| shipped(&t)).unwrap_or(DEFAULT);
        let rtl = crate::script::LocaleFacts::new(tag).rtl;
        let mut order = vec![tag];
        if tag != DEFAULT {
            order.push(DEFAULT);
        }
        let bundles = order
            .into_iter()
            .map(|t| {
                let source =
                    LOCALES.iter().find(|(l, _)| *l == t).map(|(_, s)| *s).expect("shipped tags have a source");
                bundle(t, source, rtl)
            })
            .collect();
        Messages { tag, rtl, bundles }
    }

    /// The English messages, built once: for texts that must not depend on the user's language
    /// (machine-read formats, files written into a repository, `Display` of errors).
    pub fn english() -> &'static Messages {
        static ENGLISH: LazyLock<Messages> = LazyLock::new(|| Messages::new(Some(DEFAULT)));
        &ENGLISH
    }

    /// The shipped locale these messages are in (`en-US`, `he`).
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// Whether the interface language is written right to left (then placeables are isolated).
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// The message `id` formatted with `args`; the id itself when no bundle has it.
    pub fn get(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.lookup(id, args).unwrap_or_else(|| id.to_owned())
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.get(id, &[])
    }

    /// The message `id` formatted with `args`, when some bundle has it.
    pub fn lookup(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, v.clone());
        }
        self.bundles.iter().find_map(|bundle| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned())
        })
    }
}

fn bundle(tag: &str, source: &str, isolating: bool) -> FluentBundle<FluentResource> {
    let lang: LanguageIdentifier = tag.parse().expect("locale tags in LOCALES are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Right to left, an English file name or a number inside a sentence would be reordered
    // with the words around it: FSI … PDI keep each placeable in its own direction. Left to
    // right nothing is reordered, and the marks would only get in the way of grep and CI logs.
    bundle.set_use_isolating(isolating);
    let resource = FluentResource::try_new(source.to_owned()).expect("shipped .ftl files parse (tested)");
    bundle.add_resource(resource).expect("shipped .ftl files have no duplicate ids (tested)");
    bundle
}

/// The shipped locale for a BCP 47 tag: the same tag, else one of the same language
/// (`he-IL` → `he`, `en-GB` → `en-US`).
pub fn shipped(tag: &str) -> Option<&'static str> {
    let wanted: LanguageIdentifier = tag.parse().ok()?;
    let tags = || LOCALES.iter().map(|(t, _)| *t);
    tags()
        .find(|t| t.parse::<LanguageIdentifier>().is_ok_and(|l| l == wanted))
        .or_else(|| tags().find(|t| t.parse::<LanguageIdentifier>().is_ok_and(|l| l.language == wanted.language)))
}

/// A BCP 47 tag from what users write: a tag (`he`, `pt-BR`) or a POSIX locale name
/// (`he_IL.UTF-8`, `sr_RS@latin`). `C` and `POSIX` (with or without a codeset) are English.
/// `None` when the value is not a language at all.
pub fn language_tag(value: &str) -> Option<String> {
    let name = value.trim().split(['.', '@']).next().unwrap_or("");
    if matches!(name, "C" | "POSIX") {
        return Some(DEFAULT.to_owned());
    }
    let id: LanguageIdentifier = name.replace('_', "-").parse().ok()?;
    (!id.language.is_empty()).then(|| id.to_string())
}

/// The interface language: `--lang` (which clap also takes from `LOCKSTEP_LANG`), else the first
/// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty, else [`DEFAULT`]. `env` reads
/// a variable, so that tests need not change the process's environment. A value that is no
/// language gives the default; a language lockstep does not speak falls back in [`Messages::new`].
pub fn choose(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> String {
    let value = flag
        .map(str::to_owned)
        .filter(|v| !v.trim().is_empty())
        .or_else(|| ENV_VARS.iter().filter_map(|v| env(v)).find(|v| !v.trim().is_empty()));
    value.as_deref().and_then(language_tag).unwrap_or_else(|| DEFAULT.to_owned())
}

/// A string argument.
pub fn arg<'a>(s: impl Into<Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}

/// A number argument.
pub fn num<'a>(n: usize) -> FluentValue<'a> {
    FluentValue::from(n)
}

/// A message with its arguments, formatted when it is shown: errors made far from the command
/// line (site discovery, configuration, history) carry one, and the command line renders it in
/// the user's language. `Display` renders it in English.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Num(usize),
    Text(Box<Text>),
}

impl Text {
    pub fn new(id: &'static str) -> Self {
        Text { id, args: Vec::new() }
    }

    /// With a string argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Value::Str(value.into())));
        self
    }

    /// With a number argument (plural forms select on it).
    pub fn num(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, Value::Num(value)));
        self
    }

    /// With another message as argument, formatted in the same language.
    pub fn text(mut self, name: &'static str, value: Text) -> Self {
        self.args.push((name, Value::Text(Box::new(value))));
        self
    }

    /// The message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    pub fn format(&self, messages: &Messages) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Value::Str(s) => arg(s.as_str()),
                    Value::Num(n) => num(*n),
                    Value::Text(t) => arg(t.format(messages)),
                };
                (*k, value)
            })
            .collect();
        messages.get(self.id, &args)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Messages::english()))
    }
}

impl std::error::Error for Text {}

#[cfg(test)]
mod tests;
