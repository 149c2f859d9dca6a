//! `lockstep align` and `lockstep segments`: one page pair, one page.

use std::path::{Path, PathBuf};

use clap::Args;
use unic_langid::LanguageIdentifier;

use super::{read, Exit, Failure, Format};
use crate::classify::{Base, BaseKind};
use crate::report;
use crate::ui::{arg, Messages};

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The English page
    source: PathBuf,
    /// The translated page
    translation: PathBuf,
    /// The English page the translation was made from (enables stale)
    #[arg(long, value_name = "FILE")]
    base: Option<PathBuf>,
    /// The translation's locale (BCP 47); guessed from the translation's path when absent
    #[arg(long, value_name = "L")]
    locale: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Debug, Args)]
pub struct SegmentsArgs {
    /// A Markdown page
    page: PathBuf,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub fn align(args: &AlignArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let source = read(&args.source, messages)?;
    let translation = read(&args.translation, messages)?;
    let base = args.base.as_ref().map(|b| read(b, messages)).transpose()?;
    let locale = match &args.locale {
        Some(l) => l.clone(),
        None => locale_from_path(&args.translation).unwrap_or_else(|| {
            let path = crate::shown::inline(&args.translation.display().to_string()).into_owned();
            let hint = messages.get("hint-locale", &[("path", arg(path))]);
            eprintln!("{hint}");
            "und".to_owned()
        }),
    };
    let mut alignment = crate::align_pages(&source, &translation, base.as_deref(), &locale);
    alignment.source = args.source.display().to_string();
    alignment.translation = args.translation.display().to_string();
    if let Some(b) = &args.base {
        alignment.base = Base { kind: BaseKind::File, revision: Some(b.display().to_string()), date: None };
    }
    match args.format {
        Format::Human => report::human::alignment(&alignment, messages, out),
        Format::Json => report::json::write(&alignment, out),
    }
    Ok(Exit::Success)
}

pub fn segments(args: &SegmentsArgs, messages: &Messages, out: &mut Vec<u8>) -> Result<Exit, Failure> {
    let page = crate::parse::parse(&read(&args.page, messages)?);
    match args.format {
        Format::Human => report::human::segments(&page, messages, out),
        Format::Json => report::json::write(&report::json::segments(&page), out),
    }
    Ok(Exit::Success)
}

/// The locale named by a path: a directory (`i18n/he/a.md`, `docs/he/a.md`) or a suffix
/// (`a.he.md`), recognised as a BCP 47 tag whose language the likely-subtags data knows.
pub fn locale_from_path(path: &Path) -> Option<String> {
    let known = |s: &str| -> bool {
        let Ok(mut id) = s.parse::<LanguageIdentifier>() else { return false };
        let bare = id.script.is_none() && id.region.is_none();
        !id.language.is_empty() && id.maximize() && (!bare || s.len() <= 3)
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if let Some((_, suffix)) = stem.rsplit_once('.') {
        if known(suffix) {
            return Some(suffix.to_owned());
        }
    }
    path.parent()?
        .components()
        .rev()
        .filter_map(|c| c.as_os_str().to_str())
        .find(|c| known(c) && *c != "en")
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::locale_from_path;
    use std::path::Path;

    #[test]
    fn locales_from_layouts() {
        assert_eq!(locale_from_path(Path::new("i18n/he/basics/a.md")).as_deref(), Some("he"));
        assert_eq!(locale_from_path(Path::new("docs/zh-Hant/a.md")).as_deref(), Some("zh-Hant"));
        assert_eq!(locale_from_path(Path::new("docs/a.de.md")).as_deref(), Some("de"));
        assert_eq!(locale_from_path(Path::new("docs/blog/a.md")), None);
    }
}
