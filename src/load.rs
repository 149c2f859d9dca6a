//! Reads pages from disk: decodes UTF-8, drops a byte-order mark, turns CRLF and lone CR into
//! LF (line numbers are unchanged), and refuses binary files with a clear reason.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::ui::Text;

/// Why a file could not be read as a page.
#[derive(Debug)]
pub enum LoadError {
    Io { path: PathBuf, error: std::io::Error },
    Binary { path: PathBuf },
    Utf8 { path: PathBuf, line: usize, column: usize },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. } | LoadError::Binary { path } | LoadError::Utf8 { path, .. } => path,
        }
    }

    /// The error as a message for the user.
    pub fn text(&self) -> Text {
        // A file name is shown on one line whatever it holds: the message may go to a terminal.
        let path = crate::shown::inline(&self.path().display().to_string()).into_owned();
        match self {
            LoadError::Io { error, .. } => Text::new("error-read").arg("path", path).arg("reason", error.to_string()),
            LoadError::Binary { .. } => Text::new("error-binary").arg("path", path),
            LoadError::Utf8 { line, column, .. } => {
                Text::new("error-utf8").arg("path", path).num("line", *line).num("column", *column)
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

/// Reads and decodes a page.
pub fn read_page(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: path.to_owned(), error })?;
    decode(&bytes).map_err(|e| match e {
        DecodeError::Binary => LoadError::Binary { path: path.to_owned() },
        DecodeError::Utf8 { line, column } => LoadError::Utf8 { path: path.to_owned(), line, column },
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Utf8 { line: usize, column: usize },
}

/// Decodes page bytes: UTF-8 with an optional BOM; CRLF and CR become LF.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        DecodeError::Utf8 { line, column }
    })?;
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() })
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
        assert_eq!(decode(b"\x00\x01"), Err(DecodeError::Binary));
    }
}
