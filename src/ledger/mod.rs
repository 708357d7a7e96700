//! The ledger of posts and the poster that makes each scheduled post exactly once.
//!
//! The ledger is what makes posts exactly-once: the intent (with the nonce the post is sent
//! with) is written before the message is sent, the result after. A post that did not go out
//! records why as a [`Problem`]: codes and Discord's own words, never the bot's prose, which is
//! made when a moderator is shown it.
//!
//! [`Store`] is the database behind the ledger and the servers' state; `crate::store` has its
//! implementations.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod events;
pub mod poster;

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::state::pending::Pending;
use crate::state::town::{TownDate, TownRecord, TownWrite, TownWritten};
use crate::state::{ServerRecord, ServerState};
use poster::{Refusal, SendError};

/// Where a post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostState {
    /// The intent is recorded and the message is being sent (or the bot stopped while sending).
    Sending,
    /// Discord accepted it.
    Sent,
    /// Discord refused it (missing permission, deleted channel); retried later.
    Refused,
    /// It failed for a passing reason (network, 5xx); retried later.
    Failed,
    /// Refused or failed too many times: not retried.
    GaveUp,
    /// It fell due while the bot was down, longer ago than the grace window: not posted.
    Missed,
    /// A scheduled event twinbot deleted again (its anniversary left the data or the window, or
    /// the server turned events off); made again if it comes back.
    Withdrawn,
    /// A scheduled event someone deleted in Discord: never made again.
    Deleted,
}

impl PostState {
    pub fn as_str(self) -> &'static str {
        match self {
            PostState::Sending => "sending",
            PostState::Sent => "sent",
            PostState::Refused => "refused",
            PostState::Failed => "failed",
            PostState::GaveUp => "gave_up",
            PostState::Missed => "missed",
            PostState::Withdrawn => "withdrawn",
            PostState::Deleted => "deleted",
        }
    }

    /// The state a stored code names (None: not a state this twinbot knows).
    pub fn parse(s: &str) -> Option<PostState> {
        Some(match s {
            "sending" => PostState::Sending,
            "sent" => PostState::Sent,
            "refused" => PostState::Refused,
            "failed" => PostState::Failed,
            "gave_up" => PostState::GaveUp,
            "missed" => PostState::Missed,
            "withdrawn" => PostState::Withdrawn,
            "deleted" => PostState::Deleted,
            _ => return None,
        })
    }

    /// Whether the post is finished with (no further sending).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            PostState::Sent | PostState::GaveUp | PostState::Missed | PostState::Withdrawn | PostState::Deleted
        )
    }
}

/// Why a post did not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// Discord refused it; `status`, `code` and `message` are Discord's own.
    Refused { reason: Refusal, status: u16, code: i64, message: String },
    /// It could not be sent for a passing reason (the network, Discord's own trouble): the
    /// transport's description of the error.
    Unreachable(String),
    /// The channel could not be read to see whether an earlier try had gone out.
    Unchecked,
    /// The bot stopped while sending it.
    Interrupted,
    /// It fell due while the bot was not running.
    Down,
    /// Recorded in words by an earlier version of twinbot.
    Earlier(String),
}

impl From<&SendError> for Cause {
    fn from(e: &SendError) -> Cause {
        match e {
            SendError::Refused { reason, status, code, message } => {
                Cause::Refused { reason: *reason, status: *status, code: *code, message: message.clone() }
            }
            SendError::Transient(detail) => Cause::Unreachable(detail.clone()),
        }
    }
}

/// Why a post is not tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// It was tried as often as the poster tries, or is too late now.
    NoMoreTries,
    /// The server turned its automatic posts off.
    TurnedOff,
}

/// What went wrong with a post, and whether that ended its tries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub cause: Cause,
    pub stop: Option<Stop>,
}

impl Problem {
    pub fn new(cause: Cause) -> Problem {
        Problem { cause, stop: None }
    }

    pub fn stopped(cause: Cause, stop: Stop) -> Problem {
        Problem { cause, stop: Some(stop) }
    }
}

/// The words a moderator reads in /anniversary-settings and the operator in the log.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.cause {
            Cause::Refused { reason, status, code, message } => {
                let e = SendError::Refused { reason: *reason, status: *status, code: *code, message: message.clone() };
                write!(f, "{e}")?
            }
            Cause::Unreachable(detail) => write!(f, "{}", SendError::Transient(detail.clone()))?,
            Cause::Unchecked => f.write_str(
                "could not check whether it was already posted: give the bot Read Message History in that channel",
            )?,
            Cause::Interrupted => f.write_str("the bot stopped while sending it")?,
            Cause::Down => f.write_str("the bot was not running when it fell due")?,
            Cause::Earlier(words) => f.write_str(words)?,
        }
        match self.stop {
            None => Ok(()),
            Some(Stop::NoMoreTries) => f.write_str("; not retried any more"),
            Some(Stop::TurnedOff) => f.write_str("; posts were turned off since"),
        }
    }
}

/// One row of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRecord {
    pub id: i64,
    pub guild_id: u64,
    pub key: String,
    pub due: DateTime<Utc>,
    pub channel_id: u64,
    /// Sent with every attempt at this post; unique in the ledger.
    pub nonce: String,
    pub content: String,
    pub role_id: Option<u64>,
    pub state: PostState,
    pub attempts: u32,
    pub belated: bool,
    pub message_id: Option<u64>,
    pub problem: Option<Problem>,
    pub next_try: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PostRecord {
    /// What went wrong, in words, if anything did.
    pub fn error(&self) -> Option<String> {
        self.problem.as_ref().map(Problem::to_string)
    }
}

/// A post about to be sent for the first time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    pub guild_id: u64,
    pub key: String,
    pub due: DateTime<Utc>,
    pub channel_id: u64,
    pub content: String,
    pub role_id: Option<u64>,
    pub belated: bool,
}

/// What the poster makes for a server: its anniversary posts, its moderators' advance
/// reminders, or its scheduled events. Posts and reminders are each turned on for a channel
/// separately, and counted from then separately; events are made ahead, and need no count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Posts,
    Reminders,
    Events,
}

impl Stream {
    /// The table that keeps when this stream was turned on for a channel (events are not
    /// counted from a moment: they keep the posts' table, never asked).
    pub fn since_table(self) -> &'static str {
        match self {
            Stream::Posts | Stream::Events => "enabled_since",
            Stream::Reminders => "reminders_since",
        }
    }
}

/// The nonce of the post with ledger id `id`: unique in the database.
pub fn nonce(id: i64) -> String {
    format!("twinbot-{id}")
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the folder {} for the database: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the database {}: {source}\n  help: check that the path in config.toml (database) is writable", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: BoxError,
    },
    #[error(
        "the database {} has schema version {found}, newer than this twinbot understands ({known})\n  \
         help: run the newer twinbot, or restore a backup made before the upgrade",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("the database {} could not be migrated to version {version}: {source}", path.display())]
    Migrate {
        path: PathBuf,
        version: i64,
        #[source]
        source: BoxError,
    },
    #[error(
        "another twinbot is already running with the database {} (it holds {})\n  help: stop it first, \
         or give this one a database of its own (database in config.toml): two bots on one database \
         would both make every post",
        path.display(), lock.display()
    )]
    InUse { path: PathBuf, lock: PathBuf },
    #[error("cannot lock the database {}: {source}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the state of server {guild_id} cannot be read: {source}")]
    State {
        guild_id: u64,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "the database holds {value:?} in {column}, which twinbot cannot read as {expected}\n  help: the file \
         was changed by something other than twinbot; restore a backup"
    )]
    Corrupt { column: &'static str, value: String, expected: &'static str },
    #[error("database error: {0}")]
    Query(#[source] BoxError),
}

/// The database of the servers' settings and the ledger of posts. Every call may wait on I/O;
/// implementations keep blocking work off the async tasks.
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    /// Where the data is kept, for the log.
    fn describe(&self) -> String;

    /// Whether the database answers (for a health check).
    async fn ping(&self) -> Result<(), StoreError>;

    /// Whether this process is the one that makes the scheduled posts now. A database shared by
    /// replicas elects one, which keeps the role until it stops (or its connection drops); a
    /// database of one process (SQLite, claimed at start) always says yes. Asked before each pass
    /// of the poster.
    async fn lead(&self) -> Result<bool, StoreError> {
        Ok(true)
    }

    /// A server's state, if it saved any.
    async fn server(&self, guild_id: u64) -> Result<Option<ServerRecord>, StoreError>;
    /// Every server's state. One that cannot be read is logged and left out: one server's damaged
    /// row does not stop the others.
    async fn servers(&self) -> Result<Vec<ServerRecord>, StoreError>;
    /// Every server's version, to catch up after changes this process was not told of.
    async fn server_versions(&self) -> Result<Vec<(u64, i64)>, StoreError>;
    /// Writes a server's state if its version is still the one expected, as the next version,
    /// and tells the other processes; else returns the newer record and writes nothing.
    async fn write_server(&self, w: &ServerWrite<'_>) -> Result<Written, StoreError>;

    /// The version of the data files: raised when a process reloads them, so that every process
    /// reloads.
    async fn data_version(&self) -> Result<i64, StoreError>;
    /// Raises the data files' version, telling the other processes; returns the new version.
    async fn raise_data_version(&self) -> Result<i64, StoreError>;

    /// A server's own town as it is now: its newest version (a deletion has no document), if it
    /// ever had one.
    async fn town(&self, guild_id: u64) -> Result<Option<TownRecord>, StoreError>;
    /// One version of a server's town.
    async fn town_version(&self, guild_id: u64, version: i64) -> Result<Option<TownRecord>, StoreError>;
    /// A server's town's newest versions, newest first, at most `limit`: who made each, when and
    /// what it did. Only the newest comes with its document (the others' are not read: None).
    async fn town_history(&self, guild_id: u64, limit: u32) -> Result<Vec<TownRecord>, StoreError>;
    /// Every town's current version, to catch up after changes this process was not told of.
    async fn town_versions(&self) -> Result<Vec<(u64, i64)>, StoreError>;
    /// Writes a town's next version, with the dates the poster reads beside it, if its version
    /// is still the one expected, and tells the other processes; else writes nothing.
    async fn write_town(&self, w: &TownWrite<'_>) -> Result<TownWritten, StoreError>;
    /// What the poster needs of the towns' partners (their dates, from each town's current
    /// version), of one town or (None) of every town, in each town's order.
    async fn town_dates(&self, guild_id: Option<u64>) -> Result<Vec<(u64, TownDate)>, StoreError>;
    /// Erases the history of the towns deleted before `before`; returns how many.
    async fn erase_deleted_towns(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;

    /// The token in the address of a town's calendar feed (None: none was made yet).
    async fn town_feed(&self, guild_id: u64) -> Result<Option<String>, StoreError>;
    /// Sets (or renews) the token of a town's calendar feed; the old one no longer reads it.
    async fn set_town_feed(&self, guild_id: u64, token: &str, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// The server whose calendar feed has this token.
    async fn town_of_feed(&self, token: &str) -> Result<Option<u64>, StoreError>;

    /// Keeps an action a member began (replacing one of the same id).
    async fn hold_pending(&self, p: &Pending) -> Result<(), StoreError>;
    /// An action not yet finished, expired or not.
    async fn pending(&self, id: u64) -> Result<Option<Pending>, StoreError>;
    /// Forgets an action; false if it was already gone (a confirmation acts once).
    async fn drop_pending(&self, id: u64) -> Result<bool, StoreError>;
    /// Forgets the actions that expired before `now`; returns how many.
    async fn drop_expired(&self, now: DateTime<Utc>) -> Result<u64, StoreError>;

    /// Changes made by other processes as they happen, where processes share the database
    /// (None: this process is alone on it).
    fn listen(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Notice>> {
        None
    }

    /// When posts (or reminders) to this server's channel were first turned on; records `now` the
    /// first time it is asked. Posts due before then are neither posted nor counted as missed.
    async fn enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError>;
    /// Starts counting a server's posts to a channel from `now` (posts are turned on again).
    async fn restart_enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// The ledger entry for one post.
    async fn post(&self, guild_id: u64, key: &str) -> Result<Option<PostRecord>, StoreError>;
    /// Every ledger entry of a server, newest due first.
    async fn posts(&self, guild_id: u64) -> Result<Vec<PostRecord>, StoreError>;
    /// Every post begun but not finished, in any server, oldest first.
    async fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError>;

    /// Records the intent to send a post, before sending it: state `sending`, first attempt,
    /// and the nonce ([`nonce`]) every attempt of this post is sent with.
    async fn record_intent(&self, p: &NewPost, now: DateTime<Utc>) -> Result<PostRecord, StoreError>;
    /// Records a new attempt at an existing post, to `channel_id`, before sending it again.
    async fn record_retry(&self, id: i64, channel_id: u64, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Records that Discord accepted the post.
    async fn record_sent(&self, id: i64, message_id: u64, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Records a refusal or failure, and when to try again (None: give up).
    async fn record_failure(
        &self,
        id: i64,
        state: PostState,
        problem: &Problem,
        next_try: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Records a post that fell due too long ago to be made; false if it was already recorded.
    async fn record_missed(&self, p: &NewPost, now: DateTime<Utc>) -> Result<bool, StoreError>;

    /// Records what a scheduled event says and when it starts now, after Discord took the change.
    async fn record_revision(
        &self,
        id: i64,
        content: &str,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Records that a scheduled event is finished with, for no fault (withdrawn): no problem,
    /// no next try.
    async fn record_closed(&self, id: i64, state: PostState, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Every scheduled event of every server not finished with whose start is after `now`
    /// (being made, made, refused or failed), oldest first: those to delete where a server turned
    /// events off.
    async fn coming_events(&self, now: DateTime<Utc>) -> Result<Vec<PostRecord>, StoreError>;
}

/// A write of a server's state.
#[derive(Debug, Clone)]
pub struct ServerWrite<'a> {
    pub guild_id: u64,
    /// The version the state was made from (0: nothing saved yet).
    pub expected: i64,
    pub state: &'a ServerState,
    pub by: Option<u64>,
    pub at: DateTime<Utc>,
    /// Streams turned on (again) to a channel by this write: counted from `at`, in the same
    /// transaction, so that what fell due while they were off is neither posted nor missed.
    pub restart: Vec<(Stream, u64)>,
}

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Saved as this record.
    Saved(ServerRecord),
    /// Another write came first: nothing was written, and this is the newer record.
    Conflict(ServerRecord),
}

/// A change made by another process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A server's state was written as this version.
    Server { guild_id: u64, version: i64 },
    /// A server's town was written as this version.
    Town { guild_id: u64, version: i64 },
    /// The data files were reloaded: this is their version now.
    Data { version: i64 },
    /// Notices may have been missed (the listening connection was down): compare versions.
    CatchUp,
}
