//! The databases behind [`crate::ledger::Store`]: SQLite, a file beside the bot, for one bot on
//! one machine.
//!
//! May import: `core`, `anniversaries`, `ledger`. Only this module imports rusqlite.

pub mod sqlite;

use std::path::{Path, PathBuf};

use crate::ledger::StoreError;
pub use sqlite::SqliteStore;

/// Claims the database at `path` for this process (a lock on `path.lock`, held until the
/// returned file is dropped), so that a second bot on the same database refuses to start
/// instead of making every post twice. Reading the database (tests, tools) needs no claim.
pub fn claim(path: &Path) -> Result<std::fs::File, StoreError> {
    sqlite::make_folder_for(path)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|source| StoreError::Lock { path: path.to_path_buf(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse { path: path.to_path_buf(), lock }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Lock { path: path.to_path_buf(), source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_process_at_a_time_claims_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        let first = claim(&path).unwrap();
        let e = claim(&path).unwrap_err();
        assert!(matches!(e, StoreError::InUse { .. }), "{e}");
        assert!(e.to_string().starts_with("another twinbot is already running with the database"), "{e}");
        drop(first);
        assert!(claim(&path).is_ok(), "free again once the first lets go");
    }
}
