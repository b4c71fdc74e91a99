//! What the CLI's test files share: the repository, the built binary run from it, its output as
//! text. (Each test file is a crate of its own; not every one uses every helper.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The built `workplan` run with `args` from the repository's root.
pub fn workplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workplan")).args(args).current_dir(repo()).output().expect("runs")
}

/// Bytes of output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
