//! The databases behind [`crate::ledger::Store`]: SQLite, a file beside the bot, for one bot on
//! one machine; PostgreSQL, for replicas sharing one database.
//!
//! Its layer, and what it may import: `tests/architecture.rs`. Only this module imports rusqlite
//! and tokio-postgres.

pub mod postgres;
pub mod sqlite;

#[cfg(test)]
pub(crate) mod conformance;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::ledger::poster::Refusal;
use crate::ledger::{Cause, PostState, Problem, Stop, StoreError};
use crate::state::town::TownChange;
use crate::state::{Anniversaries, Homes, ServerState};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// The columns a problem is stored in, in every database: (failure, status, code, detail,
/// stopped).
pub(crate) type ProblemColumns = (Option<&'static str>, Option<i64>, Option<i64>, Option<String>, Option<&'static str>);

pub(crate) fn problem_columns(p: Option<&Problem>) -> ProblemColumns {
    let Some(p) = p else { return (None, None, None, None, None) };
    let stopped = p.stop.map(|s| match s {
        Stop::NoMoreTries => "no_more_tries",
        Stop::TurnedOff => "turned_off",
    });
    let (failure, status, code, detail) = match &p.cause {
        Cause::Refused { reason, status, code, message } => {
            let failure = match reason {
                Refusal::MissingPermissions => "missing_permissions",
                Refusal::MissingAccess => "missing_access",
                Refusal::UnknownChannel => "unknown_channel",
                Refusal::CannotManageEvents => "cannot_manage_events",
                Refusal::UnknownEvent => "unknown_event",
                Refusal::Other => "refused",
            };
            (failure, Some(i64::from(*status)), Some(*code), Some(message.clone()))
        }
        Cause::Unreachable(detail) => ("unreachable", None, None, Some(detail.clone())),
        Cause::Unchecked => ("unchecked", None, None, None),
        Cause::Interrupted => ("interrupted", None, None, None),
        Cause::Down => ("down", None, None, None),
        Cause::Earlier(words) => ("earlier", None, None, Some(words.clone())),
    };
    (Some(failure), status, code, detail, stopped)
}

/// How a failure is recorded: the post's state (given up when there is no next try) and the
/// problem's columns.
pub(crate) fn failure_row(
    state: PostState,
    problem: &Problem,
    next_try: Option<chrono::DateTime<chrono::Utc>>,
) -> (&'static str, ProblemColumns) {
    // No next try gives up, unless the state says why it is over (an event deleted in Discord).
    let state = if next_try.is_none() && !state.is_final() { PostState::GaveUp } else { state };
    (state.as_str(), problem_columns(Some(problem)))
}

/// A problem's columns as read back: (failure, status, code, detail, stopped).
pub(crate) type StoredProblem = (Option<String>, Option<i64>, Option<i64>, Option<String>, Option<String>);

/// A problem read back from its columns (failure, status, code, detail, stopped); a value this
/// twinbot does not know is an error, never a default.
pub(crate) fn problem_of(
    (failure, status, code, detail, stopped): StoredProblem,
) -> Result<Option<Problem>, StoreError> {
    let corrupt = |column, value: &str, expected| StoreError::Corrupt { column, value: value.to_string(), expected };
    let Some(failure) = failure else { return Ok(None) };
    let detail = detail.unwrap_or_default();
    let refused = |reason| Cause::Refused {
        reason,
        status: status.and_then(|s| u16::try_from(s).ok()).unwrap_or(0),
        code: code.unwrap_or(0),
        message: detail.clone(),
    };
    let cause = match failure.as_str() {
        "missing_permissions" => refused(Refusal::MissingPermissions),
        "missing_access" => refused(Refusal::MissingAccess),
        "unknown_channel" => refused(Refusal::UnknownChannel),
        "cannot_manage_events" => refused(Refusal::CannotManageEvents),
        "unknown_event" => refused(Refusal::UnknownEvent),
        "refused" => refused(Refusal::Other),
        "unreachable" => Cause::Unreachable(detail.clone()),
        "unchecked" => Cause::Unchecked,
        "interrupted" => Cause::Interrupted,
        "down" => Cause::Down,
        "earlier" => Cause::Earlier(detail.clone()),
        other => return Err(corrupt("posts.failure", other, "a known failure")),
    };
    let stop = match stopped.as_deref() {
        None => None,
        Some("no_more_tries") => Some(Stop::NoMoreTries),
        Some("turned_off") => Some(Stop::TurnedOff),
        Some(other) => return Err(corrupt("posts.stopped", other, "a known reason to stop")),
    };
    Ok(Some(Problem { cause, stop }))
}

/// A server's settings as schema 5 kept them, a column each: read once more, by migration 6.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SettingsRow {
    pub guild_id: u64,
    pub enabled: bool,
    pub channel_id: Option<u64>,
    pub at: String,
    pub timezone: String,
    pub digest: String,
    pub template: Option<String>,
    pub role_id: Option<u64>,
    pub language: Option<String>,
    pub remind_days: Option<u32>,
    pub remind_channel_id: Option<u64>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<u64>,
}

/// How schema 5 saved "every home" chosen with /home.
const EVERY_HOME: &str = "*";

/// Migration 6, the same for every database: each server's settings row and home cities (in
/// the order chosen) as its state document, version 1, saved when and by whom the settings were
/// (`now` for a server that chose only its homes).
pub(crate) fn moved_to_documents(
    settings: Vec<SettingsRow>,
    homes: Vec<(u64, String)>,
    now: DateTime<Utc>,
) -> Vec<crate::state::ServerRecord> {
    let mut guilds: Vec<u64> = settings.iter().map(|s| s.guild_id).chain(homes.iter().map(|(g, _)| *g)).collect();
    guilds.sort_unstable();
    guilds.dedup();
    guilds
        .into_iter()
        .map(|guild_id| {
            let row = settings.iter().find(|s| s.guild_id == guild_id);
            let chosen: Vec<String> = homes.iter().filter(|(g, _)| *g == guild_id).map(|(_, h)| h.clone()).collect();
            let anniversaries = row.map(|s| Anniversaries {
                enabled: s.enabled,
                channel: s.channel_id,
                at: s.at.clone(),
                timezone: s.timezone.clone(),
                digest: s.digest.clone(),
                template: s.template.clone(),
                role: s.role_id,
                language: s.language.clone(),
                remind_days: s.remind_days,
                remind_channel: s.remind_channel_id,
                events: false,
                events_ahead: None,
                events_milestones_only: false,
                newer: Default::default(),
            });
            let homes = match chosen.as_slice() {
                [] => None,
                names if names.iter().any(|n| n == EVERY_HOME) => Some(Homes::Every),
                names => Some(Homes::Only(names.to_vec())),
            };
            crate::state::ServerRecord {
                guild_id,
                version: 1,
                updated_at: row.map_or(now, |s| s.updated_at),
                updated_by: row.and_then(|s| s.updated_by),
                state: ServerState { anniversaries, homes, newer: Default::default() },
            }
        })
        .collect()
}

/// A server's state as the database keeps it: JSON.
pub(crate) fn state_json(state: &ServerState) -> String {
    serde_json::to_string(state).expect("a server's state is plain data")
}

/// A server's state read back from its JSON.
pub(crate) fn state_from(guild_id: u64, json: &str) -> Result<ServerState, StoreError> {
    serde_json::from_str(json).map_err(|source| StoreError::State { guild_id, source })
}

/// What a town's version did, as the database keeps it: JSON.
pub(crate) fn change_json(change: &TownChange) -> String {
    serde_json::to_string(change).expect("a town's change is plain data")
}

/// What a town's version did, read back from its JSON.
pub(crate) fn change_from(guild_id: u64, json: &str) -> Result<TownChange, StoreError> {
    serde_json::from_str(json).map_err(|source| StoreError::State { guild_id, source })
}

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
