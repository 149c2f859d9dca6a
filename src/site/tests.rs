use std::path::{Path, PathBuf};

use super::*;

/// A fresh folder with the given files (path, content).
fn tree(name: &str, files: &[&str]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("lockstep-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for f in files {
        let p = root.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "# Title\n\nText.\n").unwrap();
    }
    root
}

fn summary(site: &Site, root: &Path) -> Vec<String> {
    let rel = |p: &Path| p.strip_prefix(root).unwrap().display().to_string().replace('\\', "/");
    let mut out: Vec<String> = site
        .pages
        .iter()
        .flat_map(|p| p.translations.iter().map(move |(l, t)| format!("{} {} -> {}", p.path, l, rel(t))))
        .collect();
    out.extend(site.orphans.iter().map(|o| format!("orphan {} {}", o.locale, rel(&o.file))));
    out
}

#[test]
fn separate_tree() {
    let root = tree("sep", &["docs/a.md", "docs/b/c.md", "i18n/he/a.md", "i18n/de/b/c.md", "i18n/he/gone.md"]);
    let site = Site::discover(&root, &Config::default()).unwrap();
    assert_eq!(site.layout, Layout::SeparateTree);
    assert_eq!(site.locales, ["de", "he"]);
    assert_eq!(
        summary(&site, &root),
        [
            "a.md de -> i18n/de/a.md",
            "a.md he -> i18n/he/a.md",
            "b/c.md de -> i18n/de/b/c.md",
            "b/c.md he -> i18n/he/b/c.md",
            "orphan he i18n/he/gone.md"
        ]
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn folder_per_locale() {
    let root = tree("folder", &["docs/en/a.md", "docs/zh-Hant/a.md", "docs/fr/a.md"]);
    let site = Site::discover(&root, &Config::default()).unwrap();
    assert_eq!(site.layout, Layout::FolderPerLocale);
    assert_eq!(summary(&site, &root), ["a.md fr -> docs/fr/a.md", "a.md zh-Hant -> docs/zh-Hant/a.md"]);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn suffix() {
    let root = tree("suffix", &["docs/a.md", "docs/a.he.md", "docs/x/b.md", "docs/x/b.ar.md"]);
    let site = Site::discover(&root, &Config::default()).unwrap();
    assert_eq!(site.layout, Layout::Suffix);
    assert_eq!(
        summary(&site, &root),
        [
            "a.md ar -> docs/a.ar.md",
            "a.md he -> docs/a.he.md",
            "x/b.md ar -> docs/x/b.ar.md",
            "x/b.md he -> docs/x/b.he.md"
        ]
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn explicit_patterns_and_filters() {
    let root = tree("explicit", &["src/en/a.md", "src/en/skip/b.md", "out/he-IL/a.md"]);
    let config =
        Config::parse("source = \"src/en/{path}\"\ntranslation = \"out/{locale}/{path}\"\nexclude = [\"skip/**\"]\n")
            .unwrap();
    let site = Site::discover(&root, &config).unwrap();
    assert_eq!(site.layout, Layout::Explicit);
    assert_eq!(summary(&site, &root), ["a.md he-IL -> out/he-IL/a.md"]);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn nothing_to_find_is_an_error_saying_so() {
    let root = tree("empty", &["README.md"]);
    let e = Site::discover(&root, &Config::default()).unwrap_err().to_string();
    assert!(e.contains("no translated pages"), "{e}");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn init_template_parses_back_and_the_example_config_parses() {
    let root = tree("init", &["docs/a.md", "i18n/he/a.md"]);
    let site = Site::discover(&root, &Config::default()).unwrap();
    let parsed = Config::parse(&config::template(&site)).unwrap();
    assert_eq!(parsed.translation.as_deref(), Some("i18n/{locale}/{path}"));
    assert_eq!(parsed.locales, Some(vec!["he".to_owned()]));
    let again = Site::discover(&root, &parsed).unwrap();
    assert_eq!(summary(&again, &root), summary(&site, &root));
    // The commented `[catalog]` example parses once uncommented.
    let template = config::template(&site);
    let (head, catalog) = template.split_once("# [catalog]").unwrap();
    let uncommented: String = catalog.lines().map(|l| format!("{}\n", l.trim_start_matches("# "))).collect();
    let with_catalog = Config::parse(&format!("{head}[catalog]{uncommented}")).unwrap();
    assert_eq!(with_catalog.catalog.unwrap().sources, ["includes/strings.{locale}.env"]);
    // So does the commented edit link.
    let edit = template.replace("# edit-url = ", "edit-url = ");
    assert_eq!(
        Config::parse(&edit).unwrap().edit_url.as_deref(),
        Some("https://github.com/OWNER/REPO/edit/main/{path}")
    );
    std::fs::remove_dir_all(root).unwrap();
    let example = include_str!("../../examples/site/lockstep.toml");
    Config::parse(example).unwrap();
}

#[test]
fn atomic_write_replaces_the_whole_file() {
    let root = tree("atomic", &[]);
    std::fs::create_dir_all(&root).unwrap();
    let p = root.join("x.toml");
    write_atomically(&p, b"one").unwrap();
    write_atomically(&p, b"two").unwrap();
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
    assert_eq!(std::fs::read_dir(&root).unwrap().count(), 1, "no temporary file left behind");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn slash_paths_keep_one_root_slash() {
    use std::path::Path;
    assert_eq!(super::slash_path(Path::new("/tmp/site/a.md")), "/tmp/site/a.md");
    assert_eq!(super::slash_path(Path::new("i18n/he/a.md")), "i18n/he/a.md");
    assert_eq!(super::slash_path(Path::new("../en/./docs")), "../en/docs");
}

#[test]
fn folders_that_are_not_locales_are_named_once() {
    let notices = |site: &Site| site.notices.iter().map(Text::to_string).collect::<Vec<_>>();
    // In the place of a locale: named, with its number of pages; `docs/en` is the source.
    let files = ["docs/en/a.md", "docs/en/b.md", "docs/he/a.md", "docs/img/a.md", "docs/img/b.md", "docs/x_y!/a.md"];
    let root = tree("not-locales", &files);
    let site = Site::discover(&root, &Config::default()).unwrap();
    let shown = |f: &str| shown(&root.join(f));
    assert_eq!(
        notices(&site),
        [
            format!(
                "{}: not a locale (a BCP 47 tag such as `he` or `pt-BR`): its 2 pages are not checked",
                shown("docs/img")
            ),
            format!(
                "{}: not a locale (a BCP 47 tag such as `he` or `pt-BR`): its page is not checked",
                shown("docs/x_y!")
            ),
        ]
    );
    std::fs::remove_dir_all(root).unwrap();
    // Suffixes: a dot in a page name is not a locale that went wrong.
    let root = tree("not-locales-suffix", &["docs/a.md", "docs/a.he.md", "docs/setup.guide.md"]);
    let site = Site::discover(&root, &Config::default()).unwrap();
    assert!(site.notices.is_empty(), "{:?}", notices(&site));
    std::fs::remove_dir_all(root).unwrap();
}
