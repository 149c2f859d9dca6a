//! Reads a repository's history with the `git` command line: one `git log` lists every version of
//! every Markdown file below the requested folders, and one `git cat-file --batch` returns the
//! contents of many versions. One pass per repository, never a process per file: a process per
//! file is what makes the hand-written scripts slow.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::{self, JoinHandle};

use crate::load::{decode, DecodeError};
use crate::ui::Text;

/// One version of a file in a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The commit that produced this version (full hex id).
    pub commit: String,
    /// Committer time, unix seconds.
    pub time: i64,
    /// Committer date, ISO 8601 with the committer's UTC offset (as `git log --format=%cI` prints it).
    pub date: String,
    /// The blob id of the file's contents in this version.
    pub blob: String,
}

/// The history of every Markdown file below some folders of one repository, read in one pass.
///
/// The history is the first-parent history of `HEAD`: a merge counts as the commit that brought
/// its changes to the branch, and versions that only existed on a merged side branch are not
/// listed. Renames are not followed (a renamed file starts a new history).
#[derive(Debug, Clone)]
pub struct RepoHistory {
    root: PathBuf,
    /// Path relative to the repository root ('/' separators) → versions, newest first.
    by_path: HashMap<String, Vec<Revision>>,
}

/// Why the git history cannot be used: a message that tells how to fix it (`Display` is English).
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    pub reason: Text,
}

impl Unavailable {
    fn new(reason: Text) -> Self {
        Unavailable { reason }
    }

    /// A message about `path`.
    fn at(id: &'static str, path: &Path) -> Self {
        Unavailable::new(Text::new(id).arg("path", path.display().to_string()))
    }
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason.fmt(f)
    }
}

impl std::error::Error for Unavailable {}

impl RepoHistory {
    /// Reads `git log` once for the files below `paths` (relative to the repository root, e.g.
    /// `["docs", "i18n"]`; an empty list means the whole repository). Only Markdown files
    /// (`.md`, `.markdown`) are kept.
    ///
    /// Fails when git is not installed, `repo_root` is not in a git repository, the repository
    /// is a shallow clone (older versions are missing), has no commits, or tracks no Markdown
    /// file below `paths`.
    pub fn read(repo_root: &Path, paths: &[&str]) -> Result<RepoHistory, Unavailable> {
        let out = git(repo_root).args(["rev-parse", "--is-shallow-repository"]).output().map_err(spawn_error)?;
        if !out.status.success() {
            return Err(failure(repo_root, "rev-parse", &out.stderr));
        }
        if out.stdout.trim_ascii() == b"true" {
            return Err(Unavailable::at("history-shallow", repo_root));
        }

        let mut cmd = git(repo_root);
        cmd.args(["-c", "log.showSignature=false", "-c", "log.follow=false", "log"])
            .args(["--first-parent", "-m", "--root", "--no-renames", "--raw", "--no-abbrev", "-z", "--no-color"])
            .arg("--format=%x00commit %H %ct %cI")
            .arg("--")
            .args(paths.iter().map(|p| pathspec(p)))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(spawn_error)?;
        let stderr = drain_stderr(&mut child);
        let stdout = child.stdout.take().expect("stdout is piped");
        let parsed = parse_log(BufReader::with_capacity(1 << 16, stdout));
        if parsed.is_err() {
            // Stop git rather than wait for it to write output nobody reads.
            let _ = child.kill();
        }
        let status = child.wait();
        let stderr = stderr.join().unwrap_or_default();
        match status {
            Ok(status) if status.success() => {}
            Ok(_) => return Err(failure(repo_root, "log", &stderr)),
            Err(e) => return Err(git_error(repo_root, "log", e.to_string())),
        }
        let by_path = parsed.map_err(|e| git_error(repo_root, "log", e))?;
        if by_path.is_empty() {
            if paths.is_empty() {
                return Err(Unavailable::at("history-untracked", repo_root));
            }
            let text = Text::new("history-untracked-below")
                .arg("path", repo_root.display().to_string())
                .arg("folders", paths.join(", "));
            return Err(Unavailable::new(text));
        }
        Ok(RepoHistory { root: repo_root.to_owned(), by_path })
    }

    /// Finds the top folder of the git repository containing `path` (a file or a folder).
    pub fn toplevel(path: &Path) -> Result<PathBuf, Unavailable> {
        let dir = if path.is_dir() {
            path
        } else {
            path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
        };
        let out = git(dir).args(["rev-parse", "--show-toplevel"]).output().map_err(spawn_error)?;
        if !out.status.success() {
            return Err(failure(path, "rev-parse", &out.stderr));
        }
        let mut top = out.stdout;
        while top.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            top.pop();
        }
        if top.is_empty() {
            return Err(Unavailable::at("history-no-work-tree", path));
        }
        Ok(path_from_bytes(top))
    }

    /// The folder the history was read from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The Markdown files that have versions, relative to the repository root, in no particular
    /// order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_path.keys().map(String::as_str)
    }

    /// Versions of `path` (relative to the repository root, '/' separators), newest first; empty
    /// when the file was never tracked below the folders read.
    pub fn revisions(&self, path: &str) -> &[Revision] {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.by_path.get(path).map_or(&[], Vec::as_slice)
    }

    /// The contents of many blobs, in the order asked, read by one `git cat-file --batch`
    /// process; an id asked several times is fetched once. Contents are decoded like pages on
    /// disk (BOM dropped, CRLF → LF); a blob that is not UTF-8 text is an error naming it.
    pub fn blobs(&self, ids: &[&str]) -> Result<Vec<String>, Unavailable> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut slot_of: HashMap<&str, usize> = HashMap::new();
        let mut distinct: Vec<&str> = Vec::new();
        let order: Vec<usize> = ids
            .iter()
            .map(|id| {
                *slot_of.entry(id).or_insert_with(|| {
                    distinct.push(id);
                    distinct.len() - 1
                })
            })
            .collect();
        if let Some(bad) = distinct.iter().find(|id| id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit())) {
            return Err(Unavailable::new(Text::new("history-not-blob-id").arg("id", *bad)));
        }

        let mut child = git(&self.root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        // Write the ids from another thread: git answers while it reads, and a full stdout pipe
        // would otherwise block both sides.
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let input: String = distinct.iter().flat_map(|id| [*id, "\n"]).collect();
        let writer = thread::spawn(move || stdin.write_all(input.as_bytes()));
        let stderr = drain_stderr(&mut child);
        let stdout = child.stdout.take().expect("stdout is piped");
        let texts = self.read_batch(BufReader::with_capacity(1 << 16, stdout), &distinct);
        if matches!(texts, Err((_, false))) {
            // A bad blob: git is fine but need not answer the rest.
            let _ = child.kill();
        }
        let status = child.wait();
        let _ = writer.join();
        let stderr = stderr.join().unwrap_or_default();
        let texts = match texts {
            Ok(texts) => texts,
            Err((_, true)) if status.as_ref().is_ok_and(|s| !s.success()) => {
                return Err(failure(&self.root, "cat-file", &stderr))
            }
            Err((reason, _)) => return Err(reason),
        };
        Ok(order.into_iter().map(|i| texts[i].clone()).collect())
    }

    /// Parses the answers of `git cat-file --batch`, one per id. An error says whether git stopped
    /// answering (true) or answered about a bad blob (false).
    fn read_batch(&self, mut out: impl BufRead, ids: &[&str]) -> Result<Vec<String>, (Unavailable, bool)> {
        let io_error = |e: io::Error| (git_error(&self.root, "cat-file", e.to_string()), true);
        let bad = |reason: Text| (Unavailable::new(reason), false);
        let mut texts = Vec::with_capacity(ids.len());
        let mut header = Vec::new();
        for id in ids {
            header.clear();
            if out.read_until(b'\n', &mut header).map_err(io_error)? == 0 {
                let reason = Text::new("history-cat-file-stopped").arg("path", self.root.display().to_string());
                return Err((Unavailable::new(reason.arg("id", *id)), true));
            }
            let header_text = String::from_utf8_lossy(&header);
            let header_text = header_text.trim_end();
            let fields: Vec<&str> = header_text.split(' ').collect();
            match fields.as_slice() {
                [_, "blob", size] => {
                    let size: usize = size
                        .parse()
                        .map_err(|_| bad(Text::new("history-unexpected-answer").arg("answer", header_text)))?;
                    let mut content = vec![0; size + 1];
                    out.read_exact(&mut content).map_err(io_error)?;
                    content.pop(); // the newline after the contents
                    let text = decode(&content).map_err(|e| {
                        let blob = self.describe_blob(id);
                        bad(match e {
                            DecodeError::Binary { .. } => Text::new("history-blob-binary").text("blob", blob),
                            DecodeError::Utf8 { line, column } => Text::new("history-blob-utf8")
                                .text("blob", blob)
                                .num("line", line)
                                .num("column", column),
                        })
                    })?;
                    texts.push(text);
                }
                [_, "missing"] => {
                    let root = self.root.display().to_string();
                    let text = Text::new("history-blob-missing").text("blob", self.describe_blob(id)).arg("root", root);
                    return Err(bad(text));
                }
                [_, "ambiguous"] => return Err(bad(Text::new("history-blob-ambiguous").arg("id", *id))),
                [_, kind, _] => return Err(bad(Text::new("history-not-a-blob").arg("id", *id).arg("kind", *kind))),
                _ => {
                    let text = Text::new("history-unexpected-answer-blob").arg("answer", header_text).arg("id", *id);
                    return Err(bad(text));
                }
            }
        }
        Ok(texts)
    }

    /// "blob ID of PATH (version of DATE)", naming the first path (in sorted order) that had it.
    fn describe_blob(&self, id: &str) -> Text {
        let found = self
            .by_path
            .iter()
            .filter_map(|(path, revs)| revs.iter().find(|r| r.blob.starts_with(id)).map(|r| (path, r)))
            .min_by(|a, b| a.0.cmp(b.0));
        match found {
            Some((path, rev)) => Text::new("history-blob-of")
                .arg("id", id)
                .arg("path", crate::shown::inline(path))
                .arg("date", rev.date.as_str()),
            None => Text::new("history-blob").arg("id", id),
        }
    }
}

/// A `git` command run in `root`, with output that does not depend on the user's settings.
fn git(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .env("LC_ALL", "C")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    cmd
}

/// The pathspec for a folder or file relative to the repository root: no wildcards, and
/// relative to the top even when git runs in a subfolder.
fn pathspec(path: &str) -> String {
    let mut path = path;
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let path = path.trim_end_matches('/');
    if path.is_empty() || path == "." {
        ":(top)".to_owned()
    } else {
        format!(":(top,literal){path}")
    }
}

fn spawn_error(err: io::Error) -> Unavailable {
    if err.kind() == io::ErrorKind::NotFound {
        Unavailable::new(Text::new("history-no-git"))
    } else {
        Unavailable::new(Text::new("history-cannot-run").arg("detail", err.to_string()))
    }
}

/// git `command` run in `path` failed to answer (`detail`: why).
fn git_error(path: &Path, command: &str, detail: impl Into<String>) -> Unavailable {
    let text = Text::new("history-git-error").arg("path", path.display().to_string());
    Unavailable::new(text.arg("command", command).arg("detail", detail))
}

/// Turns git's complaint about `path` into a reason a user understands.
fn failure(path: &Path, command: &str, stderr: &[u8]) -> Unavailable {
    let stderr = String::from_utf8_lossy(stderr);
    let message = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.strip_prefix("fatal: ").or_else(|| l.strip_prefix("error: ")).unwrap_or(l));
    if stderr.contains("not a git repository") {
        Unavailable::at("history-not-a-repository", path)
    } else if stderr.contains("does not have any commits yet") {
        Unavailable::at("history-no-commits", path)
    } else if stderr.contains("cannot change to") {
        Unavailable::at("history-no-folder", path)
    } else {
        let text = Text::new("history-failed").arg("path", path.display().to_string()).arg("command", command);
        Unavailable::new(match message {
            Some(m) => text.arg("detail", m),
            None => text.text("detail", Text::new("history-no-message")),
        })
    }
}

/// Reads a child's stderr to the end on a thread, so that it can never fill up and block git.
fn drain_stderr(child: &mut Child) -> JoinHandle<Vec<u8>> {
    let stderr = child.stderr.take();
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_end(&mut buf);
        }
        buf
    })
}

fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn is_markdown(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Parses `git log --format=%x00commit %H %ct %cI --raw -z`: NUL-separated tokens, a commit
/// header `commit <id> <time> <date>` followed by `:<modes> <ids> <status>` / `<path>` pairs.
fn parse_log(mut out: impl BufRead) -> Result<HashMap<String, Vec<Revision>>, String> {
    let mut by_path: HashMap<String, Vec<Revision>> = HashMap::new();
    let mut commit: Option<(String, i64, String)> = None;
    // The new blob of the raw line just read (None: deleted or not a regular file), waiting for
    // its path.
    let mut pending: Option<Option<String>> = None;
    let mut token = Vec::new();
    loop {
        token.clear();
        if out.read_until(0, &mut token).map_err(|e| e.to_string())? == 0 {
            break;
        }
        if token.last() == Some(&0) {
            token.pop();
        }
        if let Some(blob) = pending.take() {
            // A path, verbatim.
            let path =
                String::from_utf8(token.clone()).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            let (Some(blob), Some((id, time, date))) = (blob, &commit) else { continue };
            if is_markdown(&path) {
                by_path.entry(path).or_default().push(Revision {
                    commit: id.clone(),
                    time: *time,
                    date: date.clone(),
                    blob,
                });
            }
            continue;
        }
        let start = token.iter().position(|b| *b != b'\n').unwrap_or(token.len());
        let tok = &token[start..];
        if tok.is_empty() {
            continue;
        }
        let text = std::str::from_utf8(tok).map_err(|_| unexpected(tok))?;
        if let Some(header) = text.strip_prefix("commit ") {
            let mut fields = header.splitn(3, ' ');
            let (Some(id), Some(time), Some(date)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(unexpected(tok));
            };
            let time: i64 = time.parse().map_err(|_| unexpected(tok))?;
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(unexpected(tok));
            }
            commit = Some((id.to_owned(), time, date.trim_end().to_owned()));
        } else if text.starts_with(':') {
            if commit.is_none() {
                return Err(unexpected(tok));
            }
            pending = Some(new_blob(text).ok_or_else(|| unexpected(tok))?);
        } else {
            return Err(unexpected(tok));
        }
    }
    Ok(by_path)
}

/// The new blob of a raw diff line (`:100644 100644 <old> <new> M`, or the combined form with
/// one more colon, mode and id per parent); `Some(None)` when the file is deleted or the new
/// version is not a regular file (a symlink, a submodule).
fn new_blob(raw: &str) -> Option<Option<String>> {
    let parents = raw.bytes().take_while(|b| *b == b':').count();
    let fields: Vec<&str> = raw[parents..].split(' ').collect();
    let mode = fields.get(parents)?;
    let blob = fields.get(2 * parents + 1)?;
    fields.get(2 * parents + 2)?; // the status
    let regular = *mode == "100644" || *mode == "100755";
    let deleted = blob.bytes().all(|b| b == b'0');
    Some((regular && !deleted).then(|| (*blob).to_owned()))
}

fn unexpected(token: &[u8]) -> String {
    let shown: String = String::from_utf8_lossy(token).chars().take(80).collect();
    format!("unexpected output `{shown}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_raw_log_with_spaces_deletions_and_merges() {
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let z = "0".repeat(40);
        let out = format!(
            "\0commit {c2} 200 1970-01-01T00:03:20+00:00\0\n:100644 000000 {a} {z} D\0docs/x y.md\0\
             :100644 100644 {a} {b} M\0docs/\u{e9}.md\0:120000 120000 {a} {b} M\0docs/link.md\0\
             :100644 100644 {a} {b} M\0docs/img.png\0\
             \0commit {c1} 100 1970-01-01T00:01:40+00:00\0\n::100644 100644 100644 {z} {z} {a} AA\0docs/x y.md\0",
            c2 = "2".repeat(40),
            c1 = "1".repeat(40),
        );
        let by_path = parse_log(out.as_bytes()).unwrap();
        let mut paths: Vec<&String> = by_path.keys().collect();
        paths.sort();
        assert_eq!(paths, ["docs/x y.md", "docs/\u{e9}.md"]);
        let xy = &by_path["docs/x y.md"];
        assert_eq!(xy.len(), 1);
        assert_eq!(
            (xy[0].commit.as_str(), xy[0].time, xy[0].blob.as_str()),
            ("1".repeat(40).as_str(), 100, a.as_str())
        );
        assert_eq!(by_path["docs/\u{e9}.md"][0].date, "1970-01-01T00:03:20+00:00");
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse_log(&b"\0not a header\0"[..]).is_err());
        assert!(parse_log(&b"\0:100644 100644 a b M\0docs/a.md\0"[..]).is_err());
    }

    #[test]
    fn pathspecs_are_literal_and_from_the_top() {
        assert_eq!(pathspec("docs"), ":(top,literal)docs");
        assert_eq!(pathspec("./i18n/"), ":(top,literal)i18n");
        assert_eq!(pathspec("."), ":(top)");
    }
}
