//! The one way lockstep writes a user's file (`stamp`, `catalog build`, `init`, and `report`
//! into its output folder): only below the folder the command was given, never through a
//! symbolic link that leads out of it, each file atomically — a temporary file in the same
//! folder, then a rename — and with the permissions of the file it replaces. A write that fails
//! leaves the file as it was.
//!
//! What a folder a command may write below is, per command, is the command's decision (see
//! `cli::site` and `cli::catalog`); this module enforces it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::ui::Text;

/// Why a file was not written. Either way the file on disk is as it was.
#[derive(Debug)]
pub enum WriteError {
    /// `path` is outside `root` (`target: None`), or a symbolic link on the way leads it to
    /// `target`, outside `root`. Nothing was written.
    Outside { path: PathBuf, root: PathBuf, target: Option<PathBuf> },
    /// Writing `path` failed; it was left unchanged (or, when it did not exist, not created).
    Failed { path: PathBuf, existed: bool, error: io::Error },
}

impl WriteError {
    /// The error as a message for the user, naming the path.
    pub fn text(&self) -> Text {
        // A path is shown on one line whatever it holds: the message goes to a terminal.
        let shown = |p: &Path| crate::shown::inline(&p.display().to_string()).into_owned();
        match self {
            WriteError::Outside { path, root, target: None } => {
                Text::new("error-write-outside").arg("path", shown(path)).arg("root", shown(root))
            }
            WriteError::Outside { path, root, target: Some(target) } => Text::new("error-write-link")
                .arg("path", shown(path))
                .arg("target", shown(target))
                .arg("root", shown(root)),
            WriteError::Failed { path, existed, error } => {
                let text =
                    if *existed { Text::new("error-write-unchanged") } else { Text::new("error-write-not-created") };
                text.arg("path", shown(path)).arg("reason", error.to_string())
            }
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for WriteError {}

/// Where writing `path` really writes, when that is below `root`: the path with every symbolic
/// link of its existing part resolved (a link to a file included, so that the link stays and
/// the file it names is replaced), and the folders still to be made appended. `Outside` when
/// the path, or the file or folder a link on the way leads to, is not below `root`, or when a
/// link leads nowhere.
///
/// Links are resolved when this is called; a link swapped in between this check and the
/// write is not detected (that would need `openat` with `O_NOFOLLOW` on every folder).
pub fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf, WriteError> {
    let failed = |p: &Path, error: io::Error| WriteError::Failed { path: p.to_owned(), existed: false, error };
    let top = fs::canonicalize(root).map_err(|e| failed(root, e))?;
    let absolute = std::path::absolute(path).map_err(|e| failed(path, e))?;
    let lexically_inside = normalise(&absolute).starts_with(normalise(&std::path::absolute(root).unwrap_or_default()));
    let outside = |target: Option<PathBuf>| WriteError::Outside {
        path: path.to_owned(),
        root: root.to_owned(),
        target: target.filter(|_| lexically_inside),
    };
    // The longest part of the path that exists (as a file, folder or link), and the rest.
    let mut existing = absolute.as_path();
    let mut missing: Vec<&std::ffi::OsStr> = Vec::new();
    loop {
        match fs::symlink_metadata(existing) {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match (existing.parent(), existing.components().next_back()) {
                    (Some(parent), Some(Component::Normal(name))) => {
                        missing.push(name);
                        existing = parent;
                    }
                    // `..` after a folder that does not exist: the system could not write it either.
                    _ => return Err(outside(None)),
                }
            }
            Err(e) => return Err(failed(path, e)),
        }
    }
    let mut real = match fs::canonicalize(existing) {
        Ok(real) => real,
        // A link that leads nowhere: where a write would go is not known.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(outside(fs::read_link(existing).ok())),
        Err(e) => return Err(failed(path, e)),
    };
    real.extend(missing.iter().rev());
    if real.starts_with(&top) && real != top {
        Ok(real)
    } else {
        Err(outside(Some(real)))
    }
}

/// `path` with `.` and `..` taken away lexically: only used to tell "outside" from "a link
/// leads outside" in messages, never to decide where to write.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Writes `bytes` to `path`, which must be below `root` (see [`resolve_inside`]), creating the
/// folders it needs.
pub fn write_inside(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let real = resolve_inside(root, path)?;
    write_resolved(path, &real, bytes)
}

/// Writes `bytes` to `real`, where `path` (as the user named it) resolved to.
fn write_resolved(path: &Path, real: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let existed = fs::symlink_metadata(real).is_ok();
    let failed = |error| WriteError::Failed { path: path.to_owned(), existed, error };
    if let Some(parent) = real.parent() {
        fs::create_dir_all(parent).map_err(failed)?;
    }
    write_atomically(real, bytes).map_err(failed)
}

/// Writes `files` (paths relative to `dir`, `/`-separated) below `dir`, creating `dir` and the
/// folders they need; each file atomically, in parallel. Every path is checked before anything
/// is written, so a file that would land outside `dir` (through a link left in it) writes
/// nothing at all.
pub fn write_tree(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), WriteError> {
    use rayon::prelude::*;
    fs::create_dir_all(dir).map_err(|error| WriteError::Failed { path: dir.to_owned(), existed: false, error })?;
    let mut resolved = Vec::with_capacity(files.len());
    for (rel, bytes) in files {
        let path = dir.join(rel);
        let real = resolve_inside(dir, &path)?;
        resolved.push((path, real, *bytes));
    }
    match resolved.par_iter().find_map_first(|(path, real, bytes)| write_resolved(path, real, bytes).err()) {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// the file is never seen half-written; the new file gets the permissions of the one it
/// replaces. On error the temporary file is removed and `path` is as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, |file| file)
}

/// What an atomic write writes through: the temporary file itself in production, a writer
/// that fails on purpose in tests.
pub(crate) trait Durable: Write {
    /// Makes what was written durable (`fsync`).
    fn sync(&self) -> io::Result<()>;
}

impl Durable for File {
    fn sync(&self) -> io::Result<()> {
        self.sync_all()
    }
}

/// The atomic write, with the writer made from the temporary file by `writer`.
pub(crate) fn replace<W: Durable>(path: &Path, bytes: &[u8], writer: impl FnOnce(File) -> W) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "lockstep".into(), |n| n.to_string_lossy().into_owned());
    let mode = fs::metadata(path).ok().map(|m| m.permissions());
    let (tmp, file) = temporary(dir, &name)?;
    let result = (|| {
        if let Some(mode) = mode {
            file.set_permissions(mode)?;
        }
        let mut w = writer(file);
        w.write_all(bytes)?;
        w.flush()?;
        w.sync()?;
        drop(w);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A new temporary file beside the target, never one that exists already (nor a link someone
/// left under its name).
fn temporary(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0;
    loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::{symlink, PermissionsExt};

    use super::*;

    /// A fresh, empty folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lockstep-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    /// Writes what it is given until `room` bytes are written, then fails as a full disk does.
    struct FullDisk {
        file: File,
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.file.write(&buf[..n])
        }

        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    impl Durable for FullDisk {
        fn sync(&self) -> io::Result<()> {
            self.file.sync_all()
        }
    }

    /// Writes everything, then cannot make it durable.
    struct SyncFails(File);

    impl Write for SyncFails {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.write(buf)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.0.flush()
        }
    }

    impl Durable for SyncFails {
        fn sync(&self) -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }
    }

    /// What the folder holds and what the target says, seen while the new content is written.
    type Seen = std::rc::Rc<std::cell::RefCell<Option<(Vec<String>, Vec<u8>)>>>;

    /// Looks at the folder while the new content is being written.
    struct Observer {
        file: File,
        dir: PathBuf,
        target: PathBuf,
        seen: Seen,
    }

    impl Write for Observer {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.seen.borrow_mut().get_or_insert_with(|| (names(&self.dir), fs::read(&self.target).unwrap()));
            self.file.write(buf)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    impl Durable for Observer {
        fn sync(&self) -> io::Result<()> {
            self.file.sync_all()
        }
    }

    #[test]
    fn the_new_content_goes_to_a_temporary_file_beside_the_target_then_a_rename() {
        let dir = scratch("atomic");
        let target = dir.join("lockstep.lock");
        fs::write(&target, "old").unwrap();
        let seen = Seen::default();
        let observer =
            |file| Observer { file, dir: dir.clone(), target: target.clone(), seen: std::rc::Rc::clone(&seen) };
        replace(&target, b"new", observer).unwrap();
        let (during, content) = seen.borrow_mut().take().expect("the writer was used");
        let tmp = format!(".lockstep.lock.{}.0.tmp", std::process::id());
        assert_eq!(during, [tmp, "lockstep.lock".to_owned()], "a temporary file in the same folder");
        assert_eq!(content, b"old", "the file is untouched while the new content is written");
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(names(&dir), ["lockstep.lock"], "renamed over the file");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_rewritten_file_keeps_its_permissions() {
        let dir = scratch("mode");
        for wanted in [0o640, 0o755, 0o600, 0o444] {
            let p = dir.join(format!("f{wanted:o}.toml"));
            fs::write(&p, "old").unwrap();
            fs::set_permissions(&p, fs::Permissions::from_mode(wanted)).unwrap();
            write_atomically(&p, b"new").unwrap();
            assert_eq!(fs::read_to_string(&p).unwrap(), "new");
            assert_eq!(mode(&p), wanted, "{}", p.display());
        }
        // A new file gets what the system gives a new file, as `File::create` would.
        let fresh = dir.join("fresh");
        write_atomically(&fresh, b"x").unwrap();
        let plain = dir.join("plain");
        File::create(&plain).unwrap();
        assert_eq!(mode(&fresh), mode(&plain));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_full_disk_leaves_the_file_unchanged_and_no_temporary_file() {
        let dir = scratch("full");
        let p = dir.join("lockstep.lock");
        let original = b"# the stamps as they were\n".repeat(100);
        fs::write(&p, &original).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        let new = b"# new stamps\n".repeat(1000);
        for room in [0, 1, 4096, new.len() - 1] {
            let e = replace(&p, &new, |file| FullDisk { file, room }).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::StorageFull);
            assert_eq!(fs::read(&p).unwrap(), original, "after {room} bytes: the file is byte-identical");
            assert_eq!(mode(&p), 0o640);
            assert_eq!(names(&dir), ["lockstep.lock"], "after {room} bytes: the temporary file is removed");
        }
        let e = replace(&p, &new, SyncFails).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&p).unwrap(), original);
        assert_eq!(names(&dir), ["lockstep.lock"]);
        // The message says so.
        let failure = WriteError::Failed { path: p.clone(), existed: true, error: e };
        assert!(failure.to_string().ends_with("; the file was left unchanged"), "{failure}");
        let failure =
            WriteError::Failed { path: dir.join("new.ftl"), existed: false, error: io::ErrorKind::StorageFull.into() };
        assert!(failure.to_string().ends_with("; nothing was created"), "{failure}");
        // With room enough, the same write goes through.
        replace(&p, &new, |file| FullDisk { file, room: new.len() }).unwrap();
        assert_eq!(fs::read(&p).unwrap(), new);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_link_left_at_the_temporary_name_is_not_followed() {
        let dir = scratch("planted");
        let victim = dir.join("victim");
        fs::write(&victim, "keep").unwrap();
        let site = dir.join("site");
        fs::create_dir(&site).unwrap();
        let planted = site.join(format!(".lockstep.toml.{}.0.tmp", std::process::id()));
        symlink(&victim, &planted).unwrap();
        write_atomically(&site.join("lockstep.toml"), b"config").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(fs::read_to_string(site.join("lockstep.toml")).unwrap(), "config");
        assert!(fs::symlink_metadata(&planted).unwrap().file_type().is_symlink());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn writes_stay_below_the_root() {
        let dir = scratch("confined");
        let root = dir.join("site");
        let elsewhere = dir.join("elsewhere");
        fs::create_dir_all(root.join("i18n/he")).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("a.md"), "theirs").unwrap();
        let real = |p: &Path| fs::canonicalize(p).unwrap();
        // Inside: the path itself, with folders still to be made.
        assert_eq!(resolve_inside(&root, &root.join("lockstep.lock")).unwrap(), real(&root).join("lockstep.lock"));
        assert_eq!(
            resolve_inside(&root, &root.join("locales/he/site.ftl")).unwrap(),
            real(&root).join("locales/he/site.ftl")
        );
        assert_eq!(resolve_inside(&root, &root.join("i18n/../x.md")).unwrap(), real(&root).join("x.md"));
        // Outside by name.
        let outside = |r: Result<PathBuf, WriteError>| match r {
            Err(WriteError::Outside { target, .. }) => target,
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(outside(resolve_inside(&root, &root.join("../elsewhere/a.md"))), None);
        assert_eq!(outside(resolve_inside(&root, &elsewhere.join("a.md"))), None);
        assert_eq!(outside(resolve_inside(&root, &root.join("missing/../../x"))), None);
        assert_eq!(outside(resolve_inside(&root, &root)), Some(real(&root)), "the root itself is no file in it");
        // Outside through a link: a folder, a file, a link that leads nowhere.
        symlink(&elsewhere, root.join("i18n/de")).unwrap();
        assert_eq!(outside(resolve_inside(&root, &root.join("i18n/de/a.md"))), Some(real(&elsewhere).join("a.md")));
        assert_eq!(
            outside(resolve_inside(&root, &root.join("i18n/de/new/b.md"))),
            Some(real(&elsewhere).join("new/b.md"))
        );
        symlink(elsewhere.join("a.md"), root.join("i18n/he/a.md")).unwrap();
        assert_eq!(outside(resolve_inside(&root, &root.join("i18n/he/a.md"))), Some(real(&elsewhere).join("a.md")));
        symlink(dir.join("nowhere"), root.join("lockstep.lock")).unwrap();
        assert_eq!(outside(resolve_inside(&root, &root.join("lockstep.lock"))), Some(dir.join("nowhere")));
        assert_eq!(outside(resolve_inside(&root, &root.join("lockstep.lock/x"))), Some(dir.join("nowhere")));
        let refused = write_inside(&root, &root.join("i18n/he/a.md"), b"ours").unwrap_err().to_string();
        assert!(refused.starts_with("refusing to write ") && refused.ends_with("; nothing was written"), "{refused}");
        assert!(refused.contains(&root.join("i18n/he/a.md").display().to_string()), "names the path: {refused}");
        assert_eq!(fs::read_to_string(elsewhere.join("a.md")).unwrap(), "theirs");
        assert!(!dir.join("nowhere").exists());
        // A link that stays inside is followed: the file it names is replaced, the link stays.
        fs::write(root.join("i18n/he/b.md"), "old").unwrap();
        symlink("b.md", root.join("i18n/he/c.md")).unwrap();
        write_inside(&root, &root.join("i18n/he/c.md"), b"new").unwrap();
        assert_eq!(fs::read_to_string(root.join("i18n/he/b.md")).unwrap(), "new");
        assert!(fs::symlink_metadata(root.join("i18n/he/c.md")).unwrap().file_type().is_symlink());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_tree_with_a_link_out_of_it_writes_nothing() {
        let dir = scratch("tree");
        let out = dir.join("report");
        let elsewhere = dir.join("elsewhere");
        fs::create_dir_all(&out).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        symlink(&elsewhere, out.join("he")).unwrap();
        let files: [(&str, &[u8]); 3] = [("index.html", b"i"), ("de/a.html", b"d"), ("he/a.html", b"h")];
        match write_tree(&out, &files) {
            Err(WriteError::Outside { path, .. }) => assert_eq!(path, out.join("he/a.html")),
            other => panic!("not refused: {other:?}"),
        }
        assert_eq!(names(&out), ["he"], "nothing written, no folder made");
        assert!(names(&elsewhere).is_empty());
        fs::remove_file(out.join("he")).unwrap();
        write_tree(&out, &files).unwrap();
        assert_eq!(fs::read(out.join("he/a.html")).unwrap(), b"h");
        fs::remove_dir_all(dir).unwrap();
    }
}
