//! Tests of the git-history reader (`lockstep::history`): on small repositories made here, and on
//! the real page history of `../shared/corpus/history` turned into a git repository by its
//! `build-repo.sh`. The reader runs one `git log` per repository instead of a process per file,
//! which is what makes hand-written base-finding scripts slow; the timings are printed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use lockstep::history::{RepoHistory, Revision};
use lockstep::load::decode;

mod common;

use common::{git_command, scratch};

/// The page-history fixture, relative to the crate root.
const FIXTURE: &str = "../shared/corpus/history";
const PAGE: &str = "real-time-communication.md";

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("git runs");
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// Commits everything in `dir` with the given committer (and author) date.
fn commit(dir: &Path, date: &str) {
    run(git_command(dir).args(["add", "-A"]));
    run(git_command(dir)
        .args(["commit", "-q", "-m", date])
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date));
}

/// The fixture folder, or None (after saying so loudly) when it is not there; on CI a missing
/// fixture is a failure.
fn fixture() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    if dir.join("build-repo.sh").is_file() {
        return Some(dir);
    }
    eprintln!("SKIPPED: history fixture not found ({FIXTURE}/build-repo.sh)");
    assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "the history fixture is required on CI");
    None
}

fn build_fixture(fixture: &Path, args: &[&str], out: &Path) {
    let start = Instant::now();
    run(Command::new("bash").arg(fixture.join("build-repo.sh")).args(args).arg(out));
    eprintln!("built the fixture repository {args:?} in {:?}", start.elapsed());
}

/// The versions of `path` in the fixture, oldest first, as (file below the fixture, committer
/// epoch), from `commits.tsv`.
fn fixture_versions(fixture: &Path, path: &str) -> Vec<(String, i64)> {
    let tsv = std::fs::read_to_string(fixture.join("commits.tsv")).unwrap();
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[6] == path)
        .map(|f| (f[7].to_owned(), f[4].parse().unwrap()))
        .collect()
}

fn read_text(path: &Path) -> String {
    decode(&std::fs::read(path).unwrap()).unwrap()
}

fn assert_newest_first(revs: &[Revision]) {
    for pair in revs.windows(2) {
        assert!(pair[0].time >= pair[1].time, "not newest first: {pair:?}");
    }
    let mut commits: Vec<&str> = revs.iter().map(|r| r.commit.as_str()).collect();
    commits.sort_unstable();
    commits.dedup();
    assert_eq!(commits.len(), revs.len(), "a commit is listed twice");
    assert!(revs.iter().all(|r| r.commit.len() == 40 && r.commit.bytes().all(|b| b.is_ascii_hexdigit())));
}

#[test]
fn fixture_one_repository() {
    let Some(fixture) = fixture() else { return };
    let repo = scratch("history", "fixture");
    build_fixture(&fixture, &[], &repo);

    let start = Instant::now();
    let history = RepoHistory::read(&repo, &["docs", "i18n"]).unwrap();
    eprintln!("RepoHistory::read (docs, i18n): {:?}", start.elapsed());

    // Every file version of the build manifest is a revision, at its committer time.
    let en_path = format!("docs/{PAGE}");
    let en = history.revisions(&en_path);
    assert_eq!(en.len(), 46);
    assert_newest_first(en);
    let versions = fixture_versions(&fixture, &en_path);
    assert_eq!(en.iter().rev().map(|r| r.time).collect::<Vec<_>>(), versions.iter().map(|v| v.1).collect::<Vec<_>>());

    // The version of upstream commit 321d14b6 (the 32nd), found by its committer date.
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture.join("en").join(PAGE).join("log.json")).unwrap())
            .unwrap();
    let entry = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["sha"].as_str().unwrap().starts_with("321d14b6"))
        .expect("321d14b6 in log.json");
    let matching: Vec<usize> =
        (0..en.len()).filter(|&i| en[i].date == entry["commit_date"].as_str().unwrap()).collect();
    assert_eq!(matching, [en.len() - entry["n"].as_u64().unwrap() as usize]);
    let version = &en[matching[0]];
    let text = history.blobs(&[&version.blob]).unwrap();
    assert_eq!(text, [read_text(&fixture.join("en").join(PAGE).join("032_2024-10-24_321d14b6.md"))]);

    // All English versions at once.
    let ids: Vec<&str> = en.iter().map(|r| r.blob.as_str()).collect();
    let start = Instant::now();
    let texts = history.blobs(&ids).unwrap();
    eprintln!("RepoHistory::blobs ({} English versions of {PAGE}): {:?}", ids.len(), start.elapsed());
    for (text, (file, _)) in texts.iter().rev().zip(&versions) {
        assert_eq!(*text, read_text(&fixture.join(file)), "{file}");
    }

    // The Hebrew exports kept in the fixture.
    let he_path = format!("i18n/he/{PAGE}");
    let he = history.revisions(&he_path);
    assert_eq!(he.len(), 25);
    assert_newest_first(he);
    let he_versions = fixture_versions(&fixture, &he_path);
    assert_eq!(he.len(), he_versions.len());

    // 50 blobs (46 English, 4 Hebrew, one of them twice) in one process, in the order asked.
    let mut ids: Vec<&str> = en.iter().map(|r| r.blob.as_str()).collect();
    ids.extend([he[0].blob.as_str(), he[24].blob.as_str(), he[3].blob.as_str(), he[0].blob.as_str()]);
    let texts = history.blobs(&ids).unwrap();
    assert_eq!(texts.len(), 50);
    assert_eq!(texts[..46], history.blobs(&ids[..46]).unwrap()[..]);
    let he_file = |i: usize| read_text(&fixture.join(&he_versions[he_versions.len() - 1 - i].0));
    assert_eq!(texts[46..], [he_file(0), he_file(24), he_file(3), he_file(0)]);

    // Every page of the manifest has its history; nothing outside it.
    for path in history.paths() {
        assert!(path.starts_with("docs/") || path.starts_with("i18n/"), "{path}");
        assert_eq!(history.revisions(path).len(), fixture_versions(&fixture, path).len(), "{path}");
    }
    assert_eq!(history.paths().count(), 10 * 3);
    assert!(history.revisions("docs/no-such-page.md").is_empty());

    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn fixture_split_repositories() {
    let Some(fixture) = fixture() else { return };
    let out = scratch("history", "fixture-split");
    build_fixture(&fixture, &["--split"], &out);

    let start = Instant::now();
    let en = RepoHistory::read(&out.join("en"), &["docs"]).unwrap();
    eprintln!("RepoHistory::read (en repository, docs): {:?}", start.elapsed());
    let start = Instant::now();
    let i18n = RepoHistory::read(&out.join("i18n"), &["i18n"]).unwrap();
    eprintln!("RepoHistory::read (i18n repository, i18n): {:?}", start.elapsed());

    assert_eq!(en.revisions(&format!("docs/{PAGE}")).len(), 46);
    assert_eq!(i18n.revisions(&format!("i18n/he/{PAGE}")).len(), 25);
    assert!(i18n.revisions(&format!("docs/{PAGE}")).is_empty());
    assert_eq!(en.paths().count(), 10);
    assert_eq!(i18n.paths().count(), 20);

    let _ = std::fs::remove_dir_all(&out);
}

/// A repository with two versions of `docs/a b.md`, one of `docs/é.md` (deleted later), files
/// that are not Markdown or not below `docs`, and an invalid UTF-8 page.
fn small_repository(name: &str) -> PathBuf {
    let repo = scratch("history", name);
    run(git_command(&repo).args(["init", "-q"]));
    std::fs::create_dir_all(repo.join("docs/sub")).unwrap();
    std::fs::write(repo.join("docs/a b.md"), "# A\n\nfirst\n").unwrap();
    std::fs::write(repo.join("docs/\u{e9}.md"), "# \u{c9}\r\n\r\ncaf\u{e9}\r\n").unwrap();
    std::fs::write(repo.join("docs/image.png"), b"\x89PNG\0").unwrap();
    std::fs::write(repo.join("README.md"), "outside docs\n").unwrap();
    commit(&repo, "2024-01-01T10:00:00+02:00");
    std::fs::write(repo.join("docs/a b.md"), "# A\n\nsecond\n").unwrap();
    std::fs::write(repo.join("docs/sub/bad.md"), b"ok\nab\xFFc\n").unwrap();
    commit(&repo, "2024-01-02T10:00:00+02:00");
    std::fs::remove_file(repo.join("docs/\u{e9}.md")).unwrap();
    commit(&repo, "2024-01-03T10:00:00+02:00");
    repo
}

#[test]
fn small_repository_history() {
    let repo = small_repository("small");
    let history = RepoHistory::read(&repo, &["docs"]).unwrap();

    let mut paths: Vec<&str> = history.paths().collect();
    paths.sort_unstable();
    assert_eq!(paths, ["docs/a b.md", "docs/sub/bad.md", "docs/\u{e9}.md"]);

    let ab = history.revisions("docs/a b.md");
    assert_eq!(ab.len(), 2);
    assert_newest_first(ab);
    assert_eq!(ab[0].date, "2024-01-02T10:00:00+02:00");
    assert_eq!(ab[1].date, "2024-01-01T10:00:00+02:00");
    assert_eq!(ab[0].time - ab[1].time, 86_400);
    assert_eq!(history.revisions("./docs/a b.md"), ab);

    // Deleted in the newest commit: its one version is kept.
    let e = history.revisions("docs/\u{e9}.md");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].commit, ab[1].commit);
    assert!(history.revisions("README.md").is_empty());
    assert!(history.revisions("docs/image.png").is_empty());

    // Contents in the order asked, decoded like pages on disk.
    let texts = history.blobs(&[&ab[1].blob, &e[0].blob, &ab[0].blob, &ab[1].blob]).unwrap();
    assert_eq!(texts, ["# A\n\nfirst\n", "# \u{c9}\n\ncaf\u{e9}\n", "# A\n\nsecond\n", "# A\n\nfirst\n"]);
    assert_eq!(history.blobs(&[]).unwrap(), Vec::<String>::new());

    // Invalid UTF-8 is an error naming the blob and the page, not replacement characters.
    let bad = &history.revisions("docs/sub/bad.md")[0].blob;
    let err = history.blobs(&[&ab[0].blob, bad]).unwrap_err();
    assert!(err.to_string().contains(bad.as_str()) && err.to_string().contains("docs/sub/bad.md"), "{err}");
    assert!(err.to_string().contains("line 2, column 3"), "{err}");
    let err = history.blobs(&["0123456789012345678901234567890123456789"]).unwrap_err();
    assert!(err.to_string().contains("not found"), "{err}");
    assert!(history.blobs(&["HEAD:docs/a b.md"]).is_err());

    // The whole repository, and a subfolder as the root: paths stay relative to the top.
    let all = RepoHistory::read(&repo, &[]).unwrap();
    assert_eq!(all.revisions("README.md").len(), 1);
    let from_sub = RepoHistory::read(&repo.join("docs"), &["docs"]).unwrap();
    assert_eq!(from_sub.revisions("docs/a b.md"), ab);

    // Nothing tracked below the folders asked.
    let err = RepoHistory::read(&repo, &["i18n"]).unwrap_err();
    assert!(err.to_string().contains("no Markdown file below i18n is tracked"), "{err}");

    // The top of the repository, from a file or a folder inside it.
    let top = std::fs::canonicalize(&repo).unwrap();
    for inside in [repo.join("docs/a b.md"), repo.join("docs/sub"), repo.clone()] {
        let found = RepoHistory::toplevel(&inside).unwrap();
        assert_eq!(std::fs::canonicalize(found).unwrap(), top, "{}", inside.display());
    }

    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn not_a_repository() {
    let dir = scratch("history", "plain");
    let inside_a_repository = git_command(&dir).args(["rev-parse", "--git-dir"]).output().unwrap().status.success();
    if inside_a_repository {
        eprintln!("SKIPPED: the temporary folder is inside a git repository");
        return;
    }
    std::fs::write(dir.join("a.md"), "# A\n").unwrap();
    let err = RepoHistory::read(&dir, &["."]).unwrap_err();
    assert!(err.to_string().contains("not a git repository"), "{err}");
    assert!(err.to_string().contains(&dir.display().to_string()), "{err}");
    let err = RepoHistory::toplevel(&dir.join("a.md")).unwrap_err();
    assert!(err.to_string().contains("not a git repository"), "{err}");
    let err = RepoHistory::read(&dir.join("missing"), &["docs"]).unwrap_err();
    assert!(err.to_string().contains("missing"), "{err}");

    // A repository without commits.
    run(git_command(&dir).args(["init", "-q"]));
    let err = RepoHistory::read(&dir, &["docs"]).unwrap_err();
    assert!(err.to_string().contains("no commits"), "{err}");

    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shallow_clone_is_unavailable() {
    let repo = small_repository("shallow-source");
    let clone = scratch("history", "shallow-clone");
    let url = format!("file://{}", repo.display());
    run(git_command(&clone).args(["clone", "-q", "--depth", "1", &url, "."]));
    let err = RepoHistory::read(&clone, &["docs"]).unwrap_err();
    assert!(err.to_string().contains("shallow"), "{err}");
    assert!(err.to_string().contains("fetch-depth: 0") && err.to_string().contains("git fetch --unshallow"), "{err}");
    // The full clone works.
    assert_eq!(RepoHistory::read(&repo, &["docs"]).unwrap().revisions("docs/a b.md").len(), 2);

    let _ = std::fs::remove_dir_all(&repo);
    let _ = std::fs::remove_dir_all(&clone);
}
