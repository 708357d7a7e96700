//! The embedded database: each server's anniversary settings and the ledger of posts, in SQLite
//! (rusqlite, bundled). The file is created on first use; its schema is versioned with SQLite's
//! `user_version` and migrated forward one step at a time, each step in a transaction.
//!
//! The ledger is what makes posts exactly-once: the intent (with the nonce the post is sent
//! with) is written before the message is sent, the result after. See [`crate::ledger::poster`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// The schema, one entry per version: entry `i` moves the database from version `i` to `i + 1`.
/// Never edit a released step; add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: settings per server, the ledger of posts, and when each server's posts were enabled.
    "CREATE TABLE settings (
        guild_id    INTEGER PRIMARY KEY,
        enabled     INTEGER NOT NULL,
        channel_id  INTEGER,
        at          TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        digest      TEXT NOT NULL,
        template    TEXT,
        role_id     INTEGER,
        updated_at  TEXT NOT NULL,
        updated_by  INTEGER
    );
    CREATE TABLE posts (
        id          INTEGER PRIMARY KEY,
        guild_id    INTEGER NOT NULL,
        post_key    TEXT NOT NULL,
        due_utc     TEXT NOT NULL,
        channel_id  INTEGER NOT NULL,
        nonce       TEXT NOT NULL,
        content     TEXT NOT NULL,
        role_id     INTEGER,
        state       TEXT NOT NULL,
        attempts    INTEGER NOT NULL,
        belated     INTEGER NOT NULL,
        message_id  INTEGER,
        error       TEXT,
        next_try    TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (guild_id, post_key)
    );
    CREATE INDEX posts_by_state ON posts (state, guild_id);
    CREATE TABLE enabled_since (
        guild_id    INTEGER NOT NULL,
        channel_id  INTEGER NOT NULL,
        since       TEXT NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
    );",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
        source: rusqlite::Error,
    },
    #[error(
        "the database {} has schema version {found}, newer than this twinbot understands ({SCHEMA_VERSION})\n  \
         help: run the newer twinbot, or restore a backup made before the upgrade",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("the database {} could not be migrated to version {version}: {source}", path.display())]
    Migrate {
        path: PathBuf,
        version: i64,
        #[source]
        source: rusqlite::Error,
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
    #[error("these settings cannot be saved: {0}")]
    Settings(String),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// Creates the folder the database file goes in (the first run creates it all).
fn make_folder_for(path: &Path) -> Result<(), StoreError> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder { path: parent.to_path_buf(), source })
        }
        None => Ok(()),
    }
}

/// A server's anniversary settings as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSettings {
    pub guild_id: u64,
    pub enabled: bool,
    pub channel_id: Option<u64>,
    pub at: String,
    pub timezone: String,
    pub digest: String,
    pub template: Option<String>,
    pub role_id: Option<u64>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<u64>,
}

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
        }
    }
    fn parse(s: &str) -> PostState {
        match s {
            "sent" => PostState::Sent,
            "refused" => PostState::Refused,
            "failed" => PostState::Failed,
            "gave_up" => PostState::GaveUp,
            "missed" => PostState::Missed,
            _ => PostState::Sending,
        }
    }
    /// Whether the post is finished with (no further sending).
    pub fn is_final(self) -> bool {
        matches!(self, PostState::Sent | PostState::GaveUp | PostState::Missed)
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
    pub nonce: String,
    pub content: String,
    pub role_id: Option<u64>,
    pub state: PostState,
    pub attempts: u32,
    pub belated: bool,
    pub message_id: Option<u64>,
    pub error: Option<String>,
    pub next_try: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
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

/// The database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn parse_ts(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// Discord ids are below 2^63, so they fit SQLite's signed integers unchanged.
fn id_in(v: u64) -> i64 {
    v as i64
}
fn id_out(v: i64) -> u64 {
    v as u64
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        make_folder_for(path)?;
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        Store::init(conn, path.to_path_buf())
    }

    /// Claims the database at `path` for this process (a lock on `path.lock`, held until the
    /// returned file is dropped), so that a second bot on the same database refuses to start
    /// instead of making every post twice. Reading the database (tests, tools) needs no claim.
    pub fn claim(path: &Path) -> Result<std::fs::File, StoreError> {
        make_folder_for(path)?;
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

    /// A database in memory (for tests and the CLI).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.clone(), source };
        // WAL: readers never wait for the writer; NORMAL sync is durable across a crash of the
        // process (the case the ledger is for) and cheap on an SD card.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open_err)?;
        let mut store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: self.path.clone(), found });
        }
        for (i, step) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
            let version = i as i64 + 1;
            let err = |source| StoreError::Migrate { path: self.path.clone(), version, source };
            let tx = self.conn.transaction().map_err(err)?;
            tx.execute_batch(step).map_err(err)?;
            tx.pragma_update(None, "user_version", version).map_err(err)?;
            tx.commit().map_err(err)?;
            tracing::info!(database = %self.path.display(), version, "database schema migrated");
        }
        Ok(())
    }

    /// A server's settings, if it has any.
    pub fn settings(&self, guild_id: u64) -> Result<Option<StoredSettings>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by
                 FROM settings WHERE guild_id = ?1",
                [id_in(guild_id)],
                row_settings,
            )
            .optional()?)
    }

    /// Every server's settings.
    pub fn all_settings(&self) -> Result<Vec<StoredSettings>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by
             FROM settings ORDER BY guild_id",
        )?;
        let rows = st.query_map([], row_settings)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Saves a server's settings (replacing what was there).
    pub fn save_settings(&self, s: &StoredSettings) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (guild_id) DO UPDATE SET enabled = ?2, channel_id = ?3, at = ?4, timezone = ?5,
                 digest = ?6, template = ?7, role_id = ?8, updated_at = ?9, updated_by = ?10",
            params![
                id_in(s.guild_id),
                s.enabled,
                s.channel_id.map(id_in),
                s.at,
                s.timezone,
                s.digest,
                s.template,
                s.role_id.map(id_in),
                ts(s.updated_at),
                s.updated_by.map(id_in)
            ],
        )?;
        Ok(())
    }

    /// When posts to this server's channel were first enabled; records `now` the first time it
    /// is asked. Posts due before then are neither posted nor counted as missed.
    pub fn enabled_since(
        &self,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO enabled_since (guild_id, channel_id, since) VALUES (?1, ?2, ?3)",
            params![id_in(guild_id), id_in(channel_id), ts(now)],
        )?;
        let s: String = self.conn.query_row(
            "SELECT since FROM enabled_since WHERE guild_id = ?1 AND channel_id = ?2",
            params![id_in(guild_id), id_in(channel_id)],
            |r| r.get(0),
        )?;
        Ok(parse_ts(&s))
    }

    /// The ledger entry for one post.
    pub fn post(&self, guild_id: u64, key: &str) -> Result<Option<PostRecord>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = ?1 AND post_key = ?2"),
                params![id_in(guild_id), key],
                row_post,
            )
            .optional()?)
    }

    /// Every ledger entry of a server, newest due first.
    pub fn posts(&self, guild_id: u64) -> Result<Vec<PostRecord>, StoreError> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = ?1 ORDER BY due_utc DESC, id DESC"))?;
        let rows = st.query_map([id_in(guild_id)], row_post)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Records the intent to send a post, before sending it: state `sending`, first attempt,
    /// and the nonce every attempt of this post is sent with.
    pub fn record_intent(&self, p: &NewPost, now: DateTime<Utc>) -> Result<PostRecord, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state, attempts,
                                belated, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, 'sending', 1, ?7, ?8, ?8)",
            params![
                id_in(p.guild_id),
                p.key,
                ts(p.due),
                id_in(p.channel_id),
                p.content,
                p.role_id.map(id_in),
                p.belated,
                ts(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        // At most 25 characters, unique in this database: Discord compares nonces per author.
        tx.execute("UPDATE posts SET nonce = ?1 WHERE id = ?2", params![format!("twinbot-{id}"), id])?;
        tx.commit()?;
        Ok(self.post(p.guild_id, &p.key)?.expect("just inserted"))
    }

    /// Every post begun but not finished, in any server.
    pub fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE state IN ('sending', 'refused', 'failed') ORDER BY id"
        ))?;
        let rows = st.query_map([], row_post)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Starts counting a server's posts to a channel from `now` (posts are turned on again).
    pub fn restart_enabled_since(&self, guild_id: u64, channel_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO enabled_since (guild_id, channel_id, since) VALUES (?1, ?2, ?3)",
            params![id_in(guild_id), id_in(channel_id), ts(now)],
        )?;
        Ok(())
    }

    /// Records a new attempt at an existing post, to `channel_id`, before sending it again.
    pub fn record_retry(&self, id: i64, channel_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE posts SET state = 'sending', attempts = attempts + 1, channel_id = ?2, next_try = NULL,
                 updated_at = ?3 WHERE id = ?1",
            params![id, id_in(channel_id), ts(now)],
        )?;
        Ok(())
    }

    /// Records that Discord accepted the post.
    pub fn record_sent(&self, id: i64, message_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE posts SET state = 'sent', message_id = ?2, error = NULL, next_try = NULL, updated_at = ?3 WHERE id = ?1",
            params![id, id_in(message_id), ts(now)],
        )?;
        Ok(())
    }

    /// Records a refusal or failure, and when to try again (None: give up).
    pub fn record_failure(
        &self,
        id: i64,
        state: PostState,
        error: &str,
        next_try: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let state = if next_try.is_none() { PostState::GaveUp } else { state };
        self.conn.execute(
            "UPDATE posts SET state = ?2, error = ?3, next_try = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, state.as_str(), error, next_try.map(ts), ts(now)],
        )?;
        Ok(())
    }

    /// Records a post that fell due too long ago to be made.
    pub fn record_missed(&self, p: &NewPost, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state,
                                          attempts, belated, error, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, 'missed', 0, 0, 'the bot was not running when it fell due', ?7, ?7)",
            params![id_in(p.guild_id), p.key, ts(p.due), id_in(p.channel_id), p.content, p.role_id.map(id_in), ts(now)],
        )?;
        Ok(n == 1)
    }
}

const POST_COLUMNS: &str = "id, guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state, attempts, \
                            belated, message_id, error, next_try, created_at, updated_at";

fn row_settings(r: &rusqlite::Row) -> rusqlite::Result<StoredSettings> {
    Ok(StoredSettings {
        guild_id: id_out(r.get(0)?),
        enabled: r.get(1)?,
        channel_id: r.get::<_, Option<i64>>(2)?.map(id_out),
        at: r.get(3)?,
        timezone: r.get(4)?,
        digest: r.get(5)?,
        template: r.get(6)?,
        role_id: r.get::<_, Option<i64>>(7)?.map(id_out),
        updated_at: parse_ts(&r.get::<_, String>(8)?),
        updated_by: r.get::<_, Option<i64>>(9)?.map(id_out),
    })
}

fn row_post(r: &rusqlite::Row) -> rusqlite::Result<PostRecord> {
    Ok(PostRecord {
        id: r.get(0)?,
        guild_id: id_out(r.get(1)?),
        key: r.get(2)?,
        due: parse_ts(&r.get::<_, String>(3)?),
        channel_id: id_out(r.get(4)?),
        nonce: r.get(5)?,
        content: r.get(6)?,
        role_id: r.get::<_, Option<i64>>(7)?.map(id_out),
        state: PostState::parse(&r.get::<_, String>(8)?),
        attempts: r.get(9)?,
        belated: r.get(10)?,
        message_id: r.get::<_, Option<i64>>(11)?.map(id_out),
        error: r.get(12)?,
        next_try: r.get::<_, Option<String>>(13)?.map(|s| parse_ts(&s)),
        created_at: parse_ts(&r.get::<_, String>(14)?),
        updated_at: parse_ts(&r.get::<_, String>(15)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn new_post(key: &str) -> NewPost {
        NewPost {
            guild_id: 1_300_000_000_000_000_000,
            key: key.into(),
            due: t("2029-06-02T08:00:00Z"),
            channel_id: 1_300_000_000_000_000_100,
            content: "🎉 60th".into(),
            role_id: Some(42),
            belated: false,
        }
    }

    #[test]
    fn created_on_first_open_and_migrated_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/twinbot.db");
        let s = Store::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        s.record_intent(&new_post("Leeds/Dortmund/2029"), t("2029-06-02T08:00:00Z")).unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.posts(1_300_000_000_000_000_000).unwrap().len(), 1, "reopening keeps the ledger");
    }

    #[test]
    fn one_process_at_a_time_claims_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        let first = Store::claim(&path).unwrap();
        let e = Store::claim(&path).unwrap_err();
        assert!(matches!(e, StoreError::InUse { .. }), "{e}");
        assert!(e.to_string().starts_with("another twinbot is already running with the database"), "{e}");
        drop(first);
        assert!(Store::claim(&path).is_ok(), "free again once the first lets go");
    }

    #[test]
    fn a_newer_schema_is_refused_not_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        drop(Store::open(&path).unwrap());
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        drop(c);
        let e = Store::open(&path).err().unwrap();
        assert!(matches!(e, StoreError::TooNew { found, .. } if found == SCHEMA_VERSION + 1), "{e}");
        assert!(e.to_string().contains("newer than this twinbot understands"));
    }

    #[test]
    fn ledger_records_intent_then_result() {
        let s = Store::in_memory().unwrap();
        let now = t("2029-06-02T08:00:00Z");
        let p = s.record_intent(&new_post("Leeds/Dortmund/2029"), now).unwrap();
        assert_eq!((p.state, p.attempts, p.nonce.as_str()), (PostState::Sending, 1, "twinbot-1"));
        assert!(p.nonce.len() <= 25);
        assert!(s.record_intent(&new_post("Leeds/Dortmund/2029"), now).is_err(), "one row per post");
        s.record_failure(p.id, PostState::Refused, "403 Missing Permissions", Some(now), now).unwrap();
        s.record_retry(p.id, p.channel_id, now).unwrap();
        s.record_sent(p.id, 99, now).unwrap();
        let p = s.post(p.guild_id, "Leeds/Dortmund/2029").unwrap().unwrap();
        assert_eq!((p.state, p.attempts, p.message_id, p.error), (PostState::Sent, 2, Some(99), None));
        assert_eq!(p.role_id, Some(42));
        let q = s.record_intent(&new_post("Leeds/Lille/2028"), now).unwrap();
        s.record_failure(q.id, PostState::Refused, "404 Unknown Channel", None, now).unwrap();
        assert_eq!(s.post(q.guild_id, "Leeds/Lille/2028").unwrap().unwrap().state, PostState::GaveUp);
        assert!(s.record_missed(&new_post("Leeds/Brno/2026"), now).unwrap());
        assert!(!s.record_missed(&new_post("Leeds/Brno/2026"), now).unwrap(), "recorded once");
    }

    #[test]
    fn settings_round_trip_and_enabled_since_is_set_once() {
        let s = Store::in_memory().unwrap();
        let now = t("2026-11-28T10:00:00Z");
        let mut set = StoredSettings {
            guild_id: 7,
            enabled: true,
            channel_id: Some(8),
            at: "09:00".into(),
            timezone: "Europe/London".into(),
            digest: "01-01".into(),
            template: None,
            role_id: None,
            updated_at: now,
            updated_by: Some(5),
        };
        s.save_settings(&set).unwrap();
        set.template = Some("{partner}".into());
        set.at = "18:30".into();
        s.save_settings(&set).unwrap();
        assert_eq!(s.settings(7).unwrap(), Some(set.clone()));
        assert_eq!(s.all_settings().unwrap(), vec![set]);
        assert_eq!(s.enabled_since(7, 8, now).unwrap(), now);
        assert_eq!(s.enabled_since(7, 8, t("2027-01-01T00:00:00Z")).unwrap(), now, "the first time counts");
    }
}
