//! Reads text files from disk: decodes UTF-8, drops a byte-order mark, turns CRLF and lone CR
//! into LF (line numbers are unchanged), and refuses binary files with a clear reason. Every
//! file lockstep finds by itself — pages ([`read_site_page`]), UI strings, Fluent catalogues,
//! `lockstep.toml` and `lockstep.lock` ([`read_site_file`]) — and a configuration named with
//! `--config` ([`read_named_file`]) is read by [`read_checked`]: regular files only, looked at
//! before they are opened, never a link out of the site. Only the pages named to `align` and
//! `segments` are read as they come ([`read_page`]).

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::ui::Text;

/// Why a file could not be read as a page.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A NUL byte at `line`, `column`: binary content, not text.
    Binary {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    Utf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// A named pipe, a device or a socket: never opened, since reading it may block forever or
    /// never end. `page` when it stands where a page is.
    NotRegular {
        path: PathBuf,
        kind: &'static str,
        page: bool,
    },
    /// A symbolic link whose target does not exist.
    Dangling {
        path: PathBuf,
        target: PathBuf,
    },
    /// A symbolic link (or a path through one) that leads out of the site.
    Outside {
        path: PathBuf,
        target: PathBuf,
    },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Binary { path, .. }
            | LoadError::Utf8 { path, .. }
            | LoadError::NotRegular { path, .. }
            | LoadError::Dangling { path, .. }
            | LoadError::Outside { path, .. } => path,
        }
    }

    /// The error as a message for the user.
    pub fn text(&self) -> Text {
        self.text_as(&self.path().display().to_string())
    }

    /// The error as a message for the user, naming the file `name` (its path as a report
    /// shows it).
    pub fn text_as(&self, name: &str) -> Text {
        // A file name is shown on one line whatever it holds: the message may go to a terminal.
        let path = crate::shown::inline(name).into_owned();
        match self {
            LoadError::Io { error, .. } => Text::new("error-read").arg("path", path).arg("reason", error.to_string()),
            LoadError::Binary { line, column, .. } => {
                Text::new("error-binary").arg("path", path).num("line", *line).num("column", *column)
            }
            LoadError::Utf8 { line, column, .. } => {
                Text::new("error-utf8").arg("path", path).num("line", *line).num("column", *column)
            }
            LoadError::NotRegular { kind, page: true, .. } => {
                Text::new("error-not-regular").arg("path", path).arg("kind", *kind)
            }
            LoadError::NotRegular { kind, page: false, .. } => {
                Text::new("error-not-regular-file").arg("path", path).arg("kind", *kind)
            }
            LoadError::Dangling { target, .. } => {
                Text::new("error-dangling-link").arg("path", path).arg("target", target.display().to_string())
            }
            LoadError::Outside { target, .. } => {
                Text::new("error-link-outside").arg("path", path).arg("target", target.display().to_string())
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for LoadError {}

/// Reads and decodes a page the user named to `align` or `segments`: whatever `path` is, it is
/// read. This is deliberate: those commands read only the files typed on their command line,
/// and a pipe from the shell's `<(git show …)` is how a base or a page from another revision
/// is handed to them. Nothing a site holds is read this way (see [`read_checked`]).
pub fn read_page(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: path.to_owned(), error })?;
    decoded(path, &bytes)
}

/// What a file read by [`read_checked`] is: where it may lead, and how messages name it.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// A page of a site whose folders, resolved, are these.
    Page(&'a [PathBuf]),
    /// Another file of a site whose folders, resolved, are these: UI strings, a Fluent
    /// catalogue, `lockstep.toml`, `lockstep.lock`.
    SiteFile(&'a [PathBuf]),
    /// A file the user named on the command line (`--config FILE`): it may be anywhere — a
    /// configuration kept with the CI scripts rather than in the site is legitimate — but it
    /// is still a regular file, since a name written in a CI script may point into a checkout
    /// that a pull request changed.
    Named,
}

/// Reads and decodes a page found in a site whose folders, resolved, are `tops` (see
/// [`read_checked`]).
pub fn read_site_page(path: &Path, tops: &[PathBuf]) -> Result<String, LoadError> {
    read_checked(path, Scope::Page(tops))
}

/// Reads and decodes a file of a site other than a page (see [`read_checked`]).
pub fn read_site_file(path: &Path, tops: &[PathBuf]) -> Result<String, LoadError> {
    read_checked(path, Scope::SiteFile(tops))
}

/// Reads and decodes a file the user named, wherever it is (see [`read_checked`]).
pub fn read_named_file(path: &Path) -> Result<String, LoadError> {
    read_checked(path, Scope::Named)
}

/// The folders a file of the site at `root` may resolve into: the root, resolved (as given
/// when it cannot be resolved, in which case nothing below it can be read either).
pub fn tops_of(root: &Path) -> Vec<PathBuf> {
    vec![std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned())]
}

/// Reads and decodes a file lockstep did not get by hand. Only a regular file is opened: a
/// named pipe or a device is refused from its metadata (reading it could block or never end),
/// and so is a symbolic link that does not resolve; for a file of a site, so is a link that
/// leads out of every folder of the scope (a site's files are its own).
pub fn read_checked(path: &Path, scope: Scope<'_>) -> Result<String, LoadError> {
    decoded(path, &read_checked_bytes(path, scope)?)
}

/// The bytes of a file, read as [`read_checked`] reads it but not decoded: for a command that
/// rewrites the file and must keep every other byte as it was.
pub fn read_checked_bytes(path: &Path, scope: Scope<'_>) -> Result<Vec<u8>, LoadError> {
    let (tops, page) = match scope {
        Scope::Page(tops) => (Some(tops), true),
        Scope::SiteFile(tops) => (Some(tops), false),
        Scope::Named => (None, false),
    };
    let io = |error| LoadError::Io { path: path.to_owned(), error };
    let entry = std::fs::symlink_metadata(path).map_err(io)?;
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && entry.file_type().is_symlink() => {
            let target = std::fs::read_link(path).unwrap_or_default();
            return Err(LoadError::Dangling { path: path.to_owned(), target });
        }
        Err(e) => return Err(io(e)),
    };
    let meta = std::fs::metadata(&real).map_err(io)?;
    if let Some(kind) = special_kind(&meta) {
        return Err(LoadError::NotRegular { path: path.to_owned(), kind, page });
    }
    if tops.is_some_and(|tops| !tops.iter().any(|top| real.starts_with(top))) {
        return Err(LoadError::Outside { path: path.to_owned(), target: real });
    }
    let mut file = open_without_blocking(&real).map_err(io)?;
    // The file may have been replaced between the check above and the opening.
    if let Some(kind) = file.metadata().ok().as_ref().and_then(special_kind) {
        return Err(LoadError::NotRegular { path: path.to_owned(), kind, page });
    }
    // The size is a hint only (the file may grow or lie): at most 64 MiB reserved up front.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 26) + 1);
    file.read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// What a file is when it is neither a regular file nor a folder (a folder is left to the
/// reading, which names the error).
fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() || t.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("fifo");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("device");
        }
        if t.is_socket() {
            return Some("socket");
        }
    }
    Some("other")
}

/// Opens `path` for reading; on Unix without waiting for a writer, should it have become a
/// named pipe since it was looked at.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn decoded(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    decode(bytes).map_err(|e| match e {
        DecodeError::Binary { line, column } => LoadError::Binary { path: path.to_owned(), line, column },
        DecodeError::Utf8 { line, column } => LoadError::Utf8 { path: path.to_owned(), line, column },
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte, at this line and column.
    Binary {
        line: usize,
        column: usize,
    },
    Utf8 {
        line: usize,
        column: usize,
    },
}

/// Decodes page bytes: UTF-8 with an optional BOM; CRLF and CR become LF.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(nul) = memchr::memchr(0, bytes) {
        let (line, column) = position(&bytes[..nul]);
        return Err(DecodeError::Binary { line, column });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(&bytes[..e.valid_up_to()]);
        DecodeError::Utf8 { line, column }
    })?;
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() })
}

/// The line and column (in characters, 1-based) just after `before`, as an editor counts them:
/// CRLF and a lone CR end a line too.
fn position(before: &[u8]) -> (usize, usize) {
    let mut line = 1;
    let mut start = 0;
    for (i, b) in before.iter().enumerate() {
        let ends = *b == b'\n' || (*b == b'\r' && before.get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            start = i + 1;
        }
    }
    (line, String::from_utf8_lossy(&before[start..]).chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn checked_reads_refuse_pipes_and_keep_site_files_inside() {
        let dir = std::env::temp_dir().join(format!("lockstep-load-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("site")).unwrap();
        std::fs::write(dir.join("outside.toml"), "x = 1\r\n").unwrap();
        std::os::unix::fs::symlink(dir.join("outside.toml"), dir.join("site/lockstep.toml")).unwrap();
        let pipe = dir.join("site/pipe.ftl");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success());
        let tops = tops_of(&dir.join("site"));
        let link = dir.join("site/lockstep.toml");
        assert!(matches!(read_site_file(&link, &tops), Err(LoadError::Outside { .. })));
        assert_eq!(read_named_file(&link).unwrap(), "x = 1\n", "named: anywhere, decoded");
        assert_eq!(read_checked_bytes(&link, Scope::Named).unwrap(), b"x = 1\r\n", "bytes as they are");
        if made {
            // Refused from its metadata: this would block forever if it were opened.
            for scope in [Scope::SiteFile(&tops), Scope::Named] {
                let e = read_checked(&pipe, scope).unwrap_err();
                assert!(matches!(e, LoadError::NotRegular { kind: "fifo", page: false, .. }), "{e:?}");
            }
            let e = read_site_page(&pipe, &tops).unwrap_err();
            assert!(matches!(e, LoadError::NotRegular { kind: "fifo", page: true, .. }), "{e:?}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bom_and_crlf_are_transparent() {
        assert_eq!(decode(b"\xEF\xBB\xBF# T\r\n\r\nx\r\n").unwrap(), "# T\n\nx\n");
        assert_eq!(decode(b"a\rb").unwrap(), "a\nb");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        assert_eq!(decode(b"ok\nab\xFFc"), Err(DecodeError::Utf8 { line: 2, column: 3 }));
        assert_eq!(decode(b"\x00\x01"), Err(DecodeError::Binary { line: 1, column: 1 }));
    }

    #[test]
    fn positions_count_every_line_ending() {
        // Mixed endings: CRLF, lone CR and LF each end one line, as the decoded text has them.
        assert_eq!(decode(b"a\r\nb\rc\nd\xFF"), Err(DecodeError::Utf8 { line: 4, column: 2 }));
        assert_eq!(decode(b"a\r\nb\rc\n\xEF\xBB\xBFd\x00"), Err(DecodeError::Binary { line: 4, column: 3 }));
        assert_eq!(decode(b"\xEF\xBB\xBFx\x00"), Err(DecodeError::Binary { line: 1, column: 2 }));
    }
}
