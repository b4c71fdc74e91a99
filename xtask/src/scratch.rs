//! Scratch folders: a fresh folder under the system's temporary folder, removed when the step that
//! made it ends, passed or failed.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::run::{Failure, Outcome};

/// A fresh, empty folder, removed with everything in it when dropped.
#[derive(Debug)]
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    /// Makes a new folder named after `purpose` (`xtask-PURPOSE-...`).
    pub fn new(purpose: &str) -> Outcome<Scratch> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_nanos());
        let path = std::env::temp_dir().join(format!("xtask-{purpose}-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path).map_err(|e| Failure::new(format!("cannot make {}: {e}", path.display())))?;
        Ok(Scratch { path })
    }

    /// Where the folder is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Leaving a temporary folder behind is not worth failing a task over.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_fresh_and_removed_when_dropped() -> Outcome {
        let scratch = Scratch::new("test")?;
        let path = scratch.path().to_path_buf();
        std::fs::write(path.join("file"), "x").map_err(|e| Failure::new(e.to_string()))?;
        assert!(path.join("file").is_file());
        drop(scratch);
        assert!(!path.exists());
        Ok(())
    }
}
