//! Reads pages from disk: decodes UTF-8, drops a byte-order mark, turns CRLF and lone CR into
//! LF (line numbers are unchanged), and refuses binary files with a clear reason. Pages of a
//! site are read by [`read_site_page`], which opens regular files only and never follows a
//! symbolic link out of the site.

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
    /// never end.
    NotRegular {
        path: PathBuf,
        kind: &'static str,
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
            LoadError::NotRegular { kind, .. } => Text::new("error-not-regular").arg("path", path).arg("kind", *kind),
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

/// Reads and decodes a page the user named: whatever `path` is (a pipe from the shell's
/// `<(…)` included), it is read.
pub fn read_page(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: path.to_owned(), error })?;
    decoded(path, &bytes)
}

/// Reads and decodes a page found in a site whose folders, resolved, are `tops`. Only a
/// regular file is opened: a named pipe or a device is refused from its metadata (reading it
/// could block or never end), and so is a symbolic link that does not resolve or that leads
/// out of every folder of `tops` (a site's files are its own).
pub fn read_site_page(path: &Path, tops: &[PathBuf]) -> Result<String, LoadError> {
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
        return Err(LoadError::NotRegular { path: path.to_owned(), kind });
    }
    if !tops.iter().any(|top| real.starts_with(top)) {
        return Err(LoadError::Outside { path: path.to_owned(), target: real });
    }
    let mut file = open_without_blocking(&real).map_err(io)?;
    // The file may have been replaced between the check above and the opening.
    if let Some(kind) = file.metadata().ok().as_ref().and_then(special_kind) {
        return Err(LoadError::NotRegular { path: path.to_owned(), kind });
    }
    // The size is a hint only (the file may grow or lie): at most 64 MiB reserved up front.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 26) + 1);
    file.read_to_end(&mut bytes).map_err(io)?;
    decoded(path, &bytes)
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
    if let Some(nul) = bytes.iter().position(|b| *b == 0) {
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
