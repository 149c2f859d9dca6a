//! The git history of the source and translation pages: every version of every Markdown file
//! below some folders of a repository, read with one `git log` per repository (a process per
//! file is what makes hand-written base-finding scripts slow), and the contents of many versions
//! with one `git cat-file --batch`. Stale detection uses it to find a translation's base (SPEC §2).

mod git;

pub use git::{RepoHistory, Revision, Unavailable};
