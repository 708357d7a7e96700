//! The SQLite store (rusqlite, bundled): one file, created on first use, for one bot on one
//! machine. Its schema is versioned with SQLite's `user_version` and migrated forward one step at
//! a time, each step (a file in `migrations/`) in a transaction. Every call runs on tokio's
//! blocking threads, never on the async tasks that answer Discord.
//!
//! The SQL is portable: `ON CONFLICT`, never SQLite's `INSERT OR IGNORE/REPLACE`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension};

use super::{
    change_from, change_json, failure_row, moved_to_documents, problem_columns, problem_of, state_from, state_json,
    SettingsRow,
};
use crate::ledger::{
    nonce, Cause, NewPost, Notice, PostRecord, PostState, Problem, ServerWrite, Store, StoreError, Stream, Written,
};
use crate::state::pending::Pending;
use crate::state::town::{TownDate, TownRecord, TownWrite, TownWritten};
use crate::state::ServerRecord;

/// The schema, one file per version: entry `i` moves the database from version `i` to `i + 1`.
/// Never edit a released step; add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_failure_codes.sql"),
    include_str!("migrations/0003_server_homes.sql"),
    include_str!("migrations/0004_post_language.sql"),
    include_str!("migrations/0005_reminders.sql"),
    include_str!("migrations/0006_server_state.sql"),
    include_str!("migrations/0007_towns.sql"),
    include_str!("migrations/0008_town_feeds.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The database in one SQLite file.
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
}

/// Creates the folder the database file goes in (the first run creates it all).
pub(crate) fn make_folder_for(path: &Path) -> Result<(), StoreError> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder { path: parent.to_path_buf(), source })
        }
        None => Ok(()),
    }
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A value the database holds that this twinbot cannot read: an error, never a default.
fn corrupt(column: &'static str, value: &str, expected: &'static str) -> rusqlite::Error {
    let e = StoreError::Corrupt { column, value: value.to_string(), expected };
    rusqlite::Error::FromSqlConversionFailure(0, Type::Text, Box::new(e))
}

fn parse_ts(column: &'static str, s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|_| corrupt(column, s, "a timestamp"))
}

/// A rusqlite error as the store's: unreadable values say so; the rest are query errors.
fn sql(e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => match inner.downcast::<StoreError>() {
            Ok(e) => *e,
            Err(other) => StoreError::Query(other),
        },
        other => StoreError::Query(Box::new(other)),
    }
}

/// Discord ids are below 2^63, so they fit SQLite's signed integers unchanged.
fn id_in(v: u64) -> i64 {
    v as i64
}
fn id_out(v: i64) -> u64 {
    v as u64
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and migrates it to [`SCHEMA_VERSION`].
    /// It blocks: call it before serving, or on a blocking thread.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        make_folder_for(path)?;
        let conn = Connection::open(path)
            .map_err(|source| StoreError::Open { path: path.to_path_buf(), source: Box::new(source) })?;
        SqliteStore::init(conn, path.to_path_buf())
    }

    /// A database in memory (for tests and tools).
    pub fn in_memory() -> Result<SqliteStore, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory()
            .map_err(|source| StoreError::Open { path: path.clone(), source: Box::new(source) })?;
        SqliteStore::init(conn, path)
    }

    fn init(conn: Connection, path: PathBuf) -> Result<SqliteStore, StoreError> {
        let open_err = |source| StoreError::Open { path: path.clone(), source: Box::new(source) };
        // WAL: readers never wait for the writer; NORMAL sync is durable across a crash of the
        // process (the case the ledger is for) and cheap on an SD card.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open_err)?;
        let mut conn = conn;
        migrate(&mut conn, &path)?;
        Ok(SqliteStore { conn: Arc::new(Mutex::new(conn)), path })
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<i64, StoreError> {
        version(&self.lock())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` with the connection on a blocking thread.
    async fn call<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = conn.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut c).map_err(sql)
        })
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))?
    }
}

fn version(conn: &Connection) -> Result<i64, StoreError> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(sql)
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, known: SCHEMA_VERSION });
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let version = i as i64 + 1;
        let err = |source| StoreError::Migrate { path: path.to_path_buf(), version, source: Box::new(source) };
        let tx = conn.transaction().map_err(err)?;
        tx.execute_batch(step).map_err(err)?;
        if version == 6 {
            move_to_documents(&tx).map_err(err)?;
        }
        tx.pragma_update(None, "user_version", version).map_err(err)?;
        tx.commit().map_err(err)?;
        tracing::info!(database = %path.display(), version, "database schema migrated");
    }
    Ok(())
}

const POST_COLUMNS: &str = "id, guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state, attempts, \
                            belated, message_id, failure, failure_status, failure_code, failure_detail, stopped, \
                            next_try, created_at, updated_at";

/// Migration 6's move: the settings and home cities of schema 5 into each server's document.
fn move_to_documents(c: &Connection) -> rusqlite::Result<()> {
    let mut st = c.prepare(
        "SELECT guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by,
                language, remind_days, remind_channel_id FROM settings",
    )?;
    let settings = st
        .query_map([], |r| {
            Ok(SettingsRow {
                guild_id: id_out(r.get(0)?),
                enabled: r.get(1)?,
                channel_id: r.get::<_, Option<i64>>(2)?.map(id_out),
                at: r.get(3)?,
                timezone: r.get(4)?,
                digest: r.get(5)?,
                template: r.get(6)?,
                role_id: r.get::<_, Option<i64>>(7)?.map(id_out),
                updated_at: parse_ts("settings.updated_at", &r.get::<_, String>(8)?)?,
                updated_by: r.get::<_, Option<i64>>(9)?.map(id_out),
                language: r.get(10)?,
                remind_days: r.get::<_, Option<i64>>(11)?.and_then(|d| u32::try_from(d).ok()),
                remind_channel_id: r.get::<_, Option<i64>>(12)?.map(id_out),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    drop(st);
    let mut st = c.prepare("SELECT guild_id, home FROM server_homes ORDER BY guild_id, position")?;
    let homes = st.query_map([], |r| Ok((id_out(r.get(0)?), r.get::<_, String>(1)?)))?.collect::<Result<_, _>>()?;
    drop(st);
    for record in moved_to_documents(settings, homes, Utc::now()) {
        insert_server(c, &record)?;
    }
    c.execute_batch("DROP TABLE settings; DROP TABLE server_homes;")
}

const SERVER_COLUMNS: &str = "guild_id, version, state, updated_at, updated_by";

fn insert_server(c: &Connection, r: &ServerRecord) -> rusqlite::Result<usize> {
    c.execute(
        &format!(
            "INSERT INTO servers ({SERVER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (guild_id) DO NOTHING"
        ),
        params![id_in(r.guild_id), r.version, state_json(&r.state), ts(r.updated_at), r.updated_by.map(id_in)],
    )
}

/// A server's row: its record, or why it cannot be read.
fn row_server(r: &rusqlite::Row) -> rusqlite::Result<Result<ServerRecord, StoreError>> {
    let guild_id = id_out(r.get(0)?);
    let (version, json, updated_at, updated_by): (i64, String, String, Option<i64>) =
        (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
    let read = || {
        Ok(ServerRecord {
            guild_id,
            version,
            updated_at: parse_ts("servers.updated_at", &updated_at).map_err(sql)?,
            updated_by: updated_by.map(id_out),
            state: state_from(guild_id, &json)?,
        })
    };
    Ok(read())
}

fn select_server(c: &Connection, guild_id: u64) -> Result<Option<ServerRecord>, StoreError> {
    c.query_row(&format!("SELECT {SERVER_COLUMNS} FROM servers WHERE guild_id = ?1"), [id_in(guild_id)], row_server)
        .optional()
        .map_err(sql)?
        .transpose()
}

const TOWN_COLUMNS: &str = "guild_id, version, document, made_at, made_by, change";

fn row_town(r: &rusqlite::Row) -> rusqlite::Result<Result<TownRecord, StoreError>> {
    let guild_id = id_out(r.get(0)?);
    let (version, document, made_at, made_by, change): (i64, Option<String>, String, Option<i64>, String) =
        (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
    let read = || {
        Ok(TownRecord {
            guild_id,
            version,
            document,
            made_at: parse_ts("town_versions.made_at", &made_at).map_err(sql)?,
            made_by: made_by.map(id_out),
            change: change_from(guild_id, &change)?,
        })
    };
    Ok(read())
}

fn select_town(c: &Connection, guild_id: u64, version: Option<i64>) -> Result<Option<TownRecord>, StoreError> {
    let q = format!(
        "SELECT {TOWN_COLUMNS} FROM town_versions WHERE guild_id = ?1 AND version = \
         COALESCE(?2, (SELECT version FROM towns WHERE guild_id = ?1))"
    );
    c.query_row(&q, params![id_in(guild_id), version], row_town).optional().map_err(sql)?.transpose()
}

const PENDING_COLUMNS: &str = "id, guild_id, user_id, command, base, data, expires_at";

fn row_pending(r: &rusqlite::Row) -> rusqlite::Result<Pending> {
    let (data, expires): (String, String) = (r.get(5)?, r.get(6)?);
    Ok(Pending {
        id: id_out(r.get(0)?),
        guild_id: id_out(r.get(1)?),
        user_id: id_out(r.get(2)?),
        command: r.get(3)?,
        base: r.get(4)?,
        data: serde_json::from_str(&data).map_err(|_| corrupt("pending.data", &data, "JSON"))?,
        expires_at: parse_ts("pending.expires_at", &expires)?,
    })
}

/// Counts a stream's posts to a channel from `now` (turned on, or on again).
fn restart_since(
    c: &Connection,
    stream: Stream,
    guild_id: u64,
    channel_id: u64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    c.execute(
        &format!(
            "INSERT INTO {} (guild_id, channel_id, since) VALUES (?1, ?2, ?3)
             ON CONFLICT (guild_id, channel_id) DO UPDATE SET since = excluded.since",
            stream.since_table()
        ),
        params![id_in(guild_id), id_in(channel_id), ts(now)],
    )?;
    Ok(())
}

fn problem_from(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Option<Problem>> {
    let columns = (
        r.get::<_, Option<String>>(first)?,
        r.get::<_, Option<i64>>(first + 1)?,
        r.get::<_, Option<i64>>(first + 2)?,
        r.get::<_, Option<String>>(first + 3)?,
        r.get::<_, Option<String>>(first + 4)?,
    );
    problem_of(columns).map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, Type::Text, Box::new(e)))
}

fn row_post(r: &rusqlite::Row) -> rusqlite::Result<PostRecord> {
    let state: String = r.get(8)?;
    Ok(PostRecord {
        id: r.get(0)?,
        guild_id: id_out(r.get(1)?),
        key: r.get(2)?,
        due: parse_ts("posts.due_utc", &r.get::<_, String>(3)?)?,
        channel_id: id_out(r.get(4)?),
        nonce: r.get(5)?,
        content: r.get(6)?,
        role_id: r.get::<_, Option<i64>>(7)?.map(id_out),
        state: PostState::parse(&state).ok_or_else(|| corrupt("posts.state", &state, "a post's state"))?,
        attempts: r.get(9)?,
        belated: r.get(10)?,
        message_id: r.get::<_, Option<i64>>(11)?.map(id_out),
        problem: problem_from(r, 12)?,
        next_try: r.get::<_, Option<String>>(17)?.map(|s| parse_ts("posts.next_try", &s)).transpose()?,
        created_at: parse_ts("posts.created_at", &r.get::<_, String>(18)?)?,
        updated_at: parse_ts("posts.updated_at", &r.get::<_, String>(19)?)?,
    })
}

/// How a new ledger row starts.
struct NewRow {
    state: PostState,
    attempts: u32,
    belated: bool,
}

/// Inserts a post into the ledger, with no nonce yet. A post already there is an error, or, when
/// `keep_existing`, is left as it is (0 rows inserted).
fn insert_post(
    c: &Connection,
    p: &NewPost,
    row: NewRow,
    (failure, keep_existing): (Option<&str>, bool),
    now: DateTime<Utc>,
) -> rusqlite::Result<usize> {
    let on_conflict = if keep_existing { "ON CONFLICT (guild_id, post_key) DO NOTHING" } else { "" };
    c.execute(
        &format!(
            "INSERT INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state,
                                attempts, belated, failure, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) {on_conflict}"
        ),
        params![
            id_in(p.guild_id),
            p.key,
            ts(p.due),
            id_in(p.channel_id),
            p.content,
            p.role_id.map(id_in),
            row.state.as_str(),
            row.attempts,
            row.belated,
            failure,
            ts(now)
        ],
    )
}

fn select_post(c: &Connection, guild_id: u64, key: &str) -> rusqlite::Result<Option<PostRecord>> {
    c.query_row(
        &format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = ?1 AND post_key = ?2"),
        params![id_in(guild_id), key],
        row_post,
    )
    .optional()
}

/// How often a bot on SQLite looks for changes other processes made.
pub const LISTEN_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

#[async_trait::async_trait]

impl Store for SqliteStore {
    fn describe(&self) -> String {
        format!("SQLite {}", self.path.display())
    }

    /// Another process on the same file (the operator's `twinbot town import`, beside the bot)
    /// changes it: SQLite's `data_version` counts the commits other connections make, so it is
    /// read every [`LISTEN_EVERY`], and a change asks the application to compare versions.
    fn listen(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Notice>> {
        if self.path == Path::new(":memory:") {
            return None;
        }
        let (to, from) = tokio::sync::mpsc::unbounded_channel();
        // Read now, so that a change made before the first look is seen as one.
        let mut seen: Option<i64> = self.lock().query_row("PRAGMA data_version", [], |r| r.get(0)).ok();
        let conn = Arc::downgrade(&self.conn);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(LISTEN_EVERY).await;
                let Some(conn) = conn.upgrade() else { return };
                let read = tokio::task::spawn_blocking(move || {
                    let c = conn.lock().unwrap_or_else(|e| e.into_inner());
                    c.query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))
                })
                .await;
                match read {
                    Ok(Ok(v)) => {
                        if seen.is_some_and(|s| s != v) && to.send(Notice::CatchUp).is_err() {
                            return;
                        }
                        seen = Some(v);
                    }
                    Ok(Err(e)) => tracing::warn!("cannot tell whether another process changed the database: {e}"),
                    Err(_) => return,
                }
            }
        });
        Some(from)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.call(|c| c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).map(|_| ())).await
    }

    async fn server(&self, guild_id: u64) -> Result<Option<ServerRecord>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || select_server(&conn.lock().unwrap_or_else(|e| e.into_inner()), guild_id))
            .await
            .map_err(|e| StoreError::Query(Box::new(e)))?
    }

    async fn servers(&self) -> Result<Vec<ServerRecord>, StoreError> {
        self.call(|c| {
            let mut st = c.prepare(&format!("SELECT {SERVER_COLUMNS} FROM servers ORDER BY guild_id"))?;
            let mut out = Vec::new();
            for row in st.query_map([], row_server)? {
                match row? {
                    Ok(r) => out.push(r),
                    Err(e) => tracing::error!("ignoring a server's saved state: {e}"),
                }
            }
            Ok(out)
        })
        .await
    }

    async fn server_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        self.call(|c| {
            let mut st = c.prepare("SELECT guild_id, version FROM servers ORDER BY guild_id")?;
            let rows = st.query_map([], |r| Ok((id_out(r.get(0)?), r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn write_server(&self, w: &ServerWrite<'_>) -> Result<Written, StoreError> {
        let (guild, expected, json, at, by) = (w.guild_id, w.expected, state_json(w.state), w.at, w.by.map(id_in));
        let restart = w.restart.clone();
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = conn.lock().unwrap_or_else(|e| e.into_inner());
            let tx = c.transaction().map_err(sql)?;
            let n = if expected == 0 {
                tx.execute(
                    &format!(
                        "INSERT INTO servers ({SERVER_COLUMNS}) VALUES (?1, 1, ?2, ?3, ?4)
                         ON CONFLICT (guild_id) DO NOTHING"
                    ),
                    params![id_in(guild), json, ts(at), by],
                )
            } else {
                tx.execute(
                    "UPDATE servers SET version = version + 1, state = ?2, updated_at = ?3, updated_by = ?4
                     WHERE guild_id = ?1 AND version = ?5",
                    params![id_in(guild), json, ts(at), by, expected],
                )
            }
            .map_err(sql)?;
            if n == 1 {
                for (stream, channel) in restart {
                    restart_since(&tx, stream, guild, channel, at).map_err(sql)?;
                }
            }
            let now = select_server(&tx, guild)?.unwrap_or_else(|| ServerRecord::new(guild));
            tx.commit().map_err(sql)?;
            Ok(if n == 1 { Written::Saved(now) } else { Written::Conflict(now) })
        })
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))?
    }

    async fn town(&self, guild_id: u64) -> Result<Option<TownRecord>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            select_town(&conn.lock().unwrap_or_else(|e| e.into_inner()), guild_id, None)
        })
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))?
    }

    async fn town_version(&self, guild_id: u64, version: i64) -> Result<Option<TownRecord>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            select_town(&conn.lock().unwrap_or_else(|e| e.into_inner()), guild_id, Some(version))
        })
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))?
    }

    async fn town_history(&self, guild_id: u64, limit: u32) -> Result<Vec<TownRecord>, StoreError> {
        let rows = self
            .call(move |c| {
                // Only the newest version's document is read.
                let mut st = c.prepare(
                    "SELECT guild_id, version,
                            CASE WHEN version = (SELECT version FROM towns WHERE guild_id = ?1) THEN document END,
                            made_at, made_by, change
                     FROM town_versions WHERE guild_id = ?1 ORDER BY version DESC LIMIT ?2",
                )?;
                let rows = st.query_map(params![id_in(guild_id), limit], row_town)?.collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            })
            .await?;
        rows.into_iter().collect()
    }

    async fn town_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        self.call(|c| {
            let mut st = c.prepare("SELECT guild_id, version FROM towns ORDER BY guild_id")?;
            let rows = st.query_map([], |r| Ok((id_out(r.get(0)?), r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn write_town(&self, w: &TownWrite<'_>) -> Result<TownWritten, StoreError> {
        let (guild, expected, at, by) = (w.guild_id, w.expected, w.at, w.by.map(id_in));
        let (document, change) = (w.document.map(str::to_string), change_json(w.change));
        let dates = w.dates.to_vec();
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = conn.lock().unwrap_or_else(|e| e.into_inner());
            let tx = c.transaction().map_err(sql)?;
            let deleted = document.is_none().then(|| ts(at));
            let n = if expected == 0 {
                tx.execute(
                    "INSERT INTO towns (guild_id, version, deleted_at) VALUES (?1, 1, ?2) ON CONFLICT (guild_id) DO NOTHING",
                    params![id_in(guild), deleted],
                )
            } else {
                tx.execute(
                    "UPDATE towns SET version = version + 1, deleted_at = ?2 WHERE guild_id = ?1 AND version = ?3",
                    params![id_in(guild), deleted, expected],
                )
            }
            .map_err(sql)?;
            if n == 1 {
                tx.execute(
                    &format!("INSERT INTO town_versions ({TOWN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                    params![id_in(guild), expected + 1, document, ts(at), by, change],
                )
                .map_err(sql)?;
                tx.execute("DELETE FROM town_dates WHERE guild_id = ?1", [id_in(guild)]).map_err(sql)?;
                for (i, d) in dates.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO town_dates (guild_id, partner_id, position, name, year, month, day, suspended)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![id_in(guild), d.partner_id, i as i64, d.name, d.year, d.month, d.day, d.suspended],
                    )
                    .map_err(sql)?;
                }
            }
            let now = select_town(&tx, guild, None)?;
            tx.commit().map_err(sql)?;
            Ok(match (n, now) {
                (1, Some(saved)) => TownWritten::Saved(saved),
                (_, now) => TownWritten::Conflict(now),
            })
        })
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))?
    }

    async fn town_dates(&self, guild_id: Option<u64>) -> Result<Vec<(u64, TownDate)>, StoreError> {
        self.call(move |c| {
            let mut st = c.prepare(
                "SELECT guild_id, partner_id, name, year, month, day, suspended FROM town_dates
                 WHERE ?1 IS NULL OR guild_id = ?1 ORDER BY guild_id, position",
            )?;
            let rows = st
                .query_map([guild_id.map(id_in)], |r| {
                    let date = TownDate {
                        partner_id: r.get(1)?,
                        name: r.get(2)?,
                        year: r.get(3)?,
                        month: r.get(4)?,
                        day: r.get(5)?,
                        suspended: r.get(6)?,
                    };
                    Ok((id_out(r.get(0)?), date))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn erase_deleted_towns(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.call(move |c| {
            let tx = c.transaction()?;
            let gone = "SELECT guild_id FROM towns WHERE deleted_at IS NOT NULL AND deleted_at < ?1";
            tx.execute(&format!("DELETE FROM town_versions WHERE guild_id IN ({gone})"), [ts(before)])?;
            tx.execute(&format!("DELETE FROM town_dates WHERE guild_id IN ({gone})"), [ts(before)])?;
            tx.execute(&format!("DELETE FROM town_feeds WHERE guild_id IN ({gone})"), [ts(before)])?;
            let n = tx.execute("DELETE FROM towns WHERE deleted_at IS NOT NULL AND deleted_at < ?1", [ts(before)])?;
            tx.commit()?;
            Ok(n as u64)
        })
        .await
    }

    async fn town_feed(&self, guild_id: u64) -> Result<Option<String>, StoreError> {
        self.call(move |c| {
            c.query_row("SELECT token FROM town_feeds WHERE guild_id = ?1", [id_in(guild_id)], |r| r.get(0)).optional()
        })
        .await
    }

    async fn set_town_feed(&self, guild_id: u64, token: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let token = token.to_string();
        self.call(move |c| {
            c.execute(
                "INSERT INTO town_feeds (guild_id, token, made_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (guild_id) DO UPDATE SET token = excluded.token, made_at = excluded.made_at",
                params![id_in(guild_id), token, ts(now)],
            )
            .map(|_| ())
        })
        .await
    }

    async fn town_of_feed(&self, token: &str) -> Result<Option<u64>, StoreError> {
        let token = token.to_string();
        self.call(move |c| {
            c.query_row("SELECT guild_id FROM town_feeds WHERE token = ?1", [token], |r| r.get(0).map(id_out))
                .optional()
        })
        .await
    }

    async fn hold_pending(&self, p: &Pending) -> Result<(), StoreError> {
        let p = p.clone();
        self.call(move |c| {
            c.execute(
                &format!(
                    "INSERT INTO pending ({PENDING_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (id) DO UPDATE SET guild_id = excluded.guild_id, user_id = excluded.user_id,
                     command = excluded.command, base = excluded.base, data = excluded.data,
                     expires_at = excluded.expires_at"
                ),
                params![
                    id_in(p.id),
                    id_in(p.guild_id),
                    id_in(p.user_id),
                    p.command,
                    p.base,
                    p.data.to_string(),
                    ts(p.expires_at)
                ],
            )
            .map(|_| ())
        })
        .await
    }

    async fn pending(&self, id: u64) -> Result<Option<Pending>, StoreError> {
        self.call(move |c| {
            c.query_row(&format!("SELECT {PENDING_COLUMNS} FROM pending WHERE id = ?1"), [id_in(id)], row_pending)
                .optional()
        })
        .await
    }

    async fn drop_pending(&self, id: u64) -> Result<bool, StoreError> {
        self.call(move |c| c.execute("DELETE FROM pending WHERE id = ?1", [id_in(id)]).map(|n| n == 1)).await
    }

    async fn drop_expired(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        self.call(move |c| c.execute("DELETE FROM pending WHERE expires_at < ?1", [ts(now)]).map(|n| n as u64)).await
    }

    async fn data_version(&self) -> Result<i64, StoreError> {
        self.call(|c| c.query_row("SELECT version FROM data_version", [], |r| r.get(0))).await
    }

    async fn raise_data_version(&self) -> Result<i64, StoreError> {
        self.call(|c| c.query_row("UPDATE data_version SET version = version + 1 RETURNING version", [], |r| r.get(0)))
            .await
    }

    async fn enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let table = stream.since_table();
        self.call(move |c| {
            let key = params![id_in(guild_id), id_in(channel_id)];
            c.execute(
                &format!(
                    "INSERT INTO {table} (guild_id, channel_id, since) VALUES (?1, ?2, ?3)
                     ON CONFLICT (guild_id, channel_id) DO NOTHING"
                ),
                params![id_in(guild_id), id_in(channel_id), ts(now)],
            )?;
            let s: String =
                c.query_row(&format!("SELECT since FROM {table} WHERE guild_id = ?1 AND channel_id = ?2"), key, |r| {
                    r.get(0)
                })?;
            parse_ts("enabled_since.since", &s)
        })
        .await
    }

    async fn restart_enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.call(move |c| restart_since(c, stream, guild_id, channel_id, now)).await
    }

    async fn post(&self, guild_id: u64, key: &str) -> Result<Option<PostRecord>, StoreError> {
        let key = key.to_string();
        self.call(move |c| select_post(c, guild_id, &key)).await
    }

    async fn posts(&self, guild_id: u64) -> Result<Vec<PostRecord>, StoreError> {
        self.call(move |c| {
            let mut st = c.prepare(&format!(
                "SELECT {POST_COLUMNS} FROM posts WHERE guild_id = ?1 ORDER BY due_utc DESC, id DESC"
            ))?;
            let rows = st.query_map([id_in(guild_id)], row_post)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError> {
        self.call(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {POST_COLUMNS} FROM posts WHERE state IN ('sending', 'refused', 'failed') ORDER BY id"
            ))?;
            let rows = st.query_map([], row_post)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn record_intent(&self, p: &NewPost, now: DateTime<Utc>) -> Result<PostRecord, StoreError> {
        let p = p.clone();
        let record = self
            .call(move |c| {
                let tx = c.transaction()?;
                let row = NewRow { state: PostState::Sending, attempts: 1, belated: p.belated };
                insert_post(&tx, &p, row, (None, false), now)?;
                let id = tx.last_insert_rowid();
                tx.execute("UPDATE posts SET nonce = ?1 WHERE id = ?2", params![nonce(id), id])?;
                let record = select_post(&tx, p.guild_id, &p.key)?;
                tx.commit()?;
                Ok(record)
            })
            .await?;
        record.ok_or_else(|| StoreError::Query("the post just recorded cannot be read back".into()))
    }

    async fn record_retry(&self, id: i64, channel_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |c| {
            c.execute(
                "UPDATE posts SET state = 'sending', attempts = attempts + 1, channel_id = ?2, next_try = NULL,
                     updated_at = ?3 WHERE id = ?1",
                params![id, id_in(channel_id), ts(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn record_sent(&self, id: i64, message_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |c| {
            c.execute(
                "UPDATE posts SET state = 'sent', message_id = ?2, failure = NULL, failure_status = NULL,
                     failure_code = NULL, failure_detail = NULL, stopped = NULL, next_try = NULL, updated_at = ?3
                 WHERE id = ?1",
                params![id, id_in(message_id), ts(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn record_failure(
        &self,
        id: i64,
        state: PostState,
        problem: &Problem,
        next_try: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (state, (failure, status, code, detail, stopped)) = failure_row(state, problem, next_try);
        self.call(move |c| {
            c.execute(
                "UPDATE posts SET state = ?2, failure = ?3, failure_status = ?4, failure_code = ?5,
                     failure_detail = ?6, stopped = ?7, next_try = ?8, updated_at = ?9 WHERE id = ?1",
                params![id, state, failure, status, code, detail, stopped, next_try.map(ts), ts(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn record_missed(&self, p: &NewPost, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let p = p.clone();
        let (failure, ..) = problem_columns(Some(&Problem::new(Cause::Down)));
        self.call(move |c| {
            let row = NewRow { state: PostState::Missed, attempts: 0, belated: false };
            let n = insert_post(c, &p, row, (failure, true), now)?;
            Ok(n == 1)
        })
        .await
    }

    async fn record_revision(
        &self,
        id: i64,
        content: &str,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let content = content.to_string();
        self.call(move |c| {
            c.execute(
                "UPDATE posts SET content = ?2, due_utc = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, content, ts(due), ts(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn record_closed(&self, id: i64, state: PostState, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |c| {
            c.execute(
                "UPDATE posts SET state = ?2, failure = NULL, failure_status = NULL, failure_code = NULL,
                     failure_detail = NULL, stopped = NULL, next_try = NULL, updated_at = ?3 WHERE id = ?1",
                params![id, state.as_str(), ts(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn coming_events(&self, now: DateTime<Utc>) -> Result<Vec<PostRecord>, StoreError> {
        self.call(move |c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {POST_COLUMNS} FROM posts WHERE state IN ('sending', 'sent', 'refused', 'failed')
                     AND post_key LIKE 'event/%' AND due_utc > ?1 ORDER BY id"
            ))?;
            let rows = st.query_map([ts(now)], row_post)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::{self, new_post, t};

    #[tokio::test]
    async fn passes_the_store_tests_every_database_passes() {
        let new = || SqliteStore::in_memory().unwrap();
        conformance::a_servers_state_is_written_version_by_version(&new()).await;
        conformance::a_write_from_an_older_version_is_refused(&new()).await;
        conformance::fields_of_a_newer_twinbot_are_kept(&new()).await;
        conformance::ledger_records_intent_then_result(&new()).await;
        conformance::every_problem_round_trips_through_its_columns(&new()).await;
        conformance::scheduled_events_are_revised_closed_and_listed_while_coming(&new()).await;
        conformance::enabled_since_is_set_once_and_restarted_by_a_write(&new()).await;
        conformance::the_data_version_rises(&new()).await;
        conformance::a_town_is_kept_version_by_version_with_its_dates(&new()).await;
        conformance::a_pending_action_is_kept_once_and_expires(&new()).await;
        conformance::a_towns_feed_token_is_renewed_and_found_by_token_alone(&new()).await;
    }

    #[tokio::test]
    async fn created_on_first_open_and_migrated_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/twinbot.db");
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        s.record_intent(&new_post("Leeds/Dortmund/2029"), t("2029-06-02T08:00:00Z")).await.unwrap();
        drop(s);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.posts(1_300_000_000_000_000_000).await.unwrap().len(), 1, "reopening keeps the ledger");
    }

    #[test]
    fn a_newer_schema_is_refused_not_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        drop(SqliteStore::open(&path).unwrap());
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        drop(c);
        let e = SqliteStore::open(&path).err().unwrap();
        assert!(matches!(e, StoreError::TooNew { found, .. } if found == SCHEMA_VERSION + 1), "{e}");
        assert!(e.to_string().contains("newer than this twinbot understands"));
    }

    #[tokio::test]
    async fn a_bad_timestamp_is_an_error_not_1970() {
        let s = SqliteStore::in_memory().unwrap();
        let p = s.record_intent(&new_post("Leeds/Dortmund/2029"), t("2029-06-02T08:00:00Z")).await.unwrap();
        s.lock().execute("UPDATE posts SET due_utc = 'yesterday' WHERE id = ?1", [p.id]).unwrap();
        let e = s.post(p.guild_id, &p.key).await.unwrap_err();
        assert!(
            matches!(&e, StoreError::Corrupt { column: "posts.due_utc", value, .. } if value == "yesterday"),
            "{e}"
        );
        assert!(e.to_string().starts_with("the database holds \"yesterday\" in posts.due_utc"), "{e}");
    }

    #[tokio::test]
    async fn one_servers_damaged_state_does_not_hide_the_others() {
        let s = SqliteStore::in_memory().unwrap();
        let now = t("2026-11-28T10:00:00Z");
        for guild in [6, 7, 8] {
            let state = conformance::posting_to(9);
            s.write_server(&ServerWrite { guild_id: guild, ..conformance::write(&state, 0, now) }).await.unwrap();
        }
        s.lock().execute("UPDATE servers SET updated_at = 'noon' WHERE guild_id = 7", []).unwrap();
        s.lock().execute("UPDATE servers SET state = '{\"homes\": 3}' WHERE guild_id = 6", []).unwrap();
        let all = s.servers().await.unwrap();
        assert_eq!(all.iter().map(|r| r.guild_id).collect::<Vec<_>>(), vec![8]);
        let e = s.server(7).await.unwrap_err();
        assert!(matches!(e, StoreError::Corrupt { column: "servers.updated_at", .. }), "{e}");
        let e = s.server(6).await.unwrap_err();
        assert!(matches!(e, StoreError::State { guild_id: 6, .. }), "{e}");
        assert!(e.to_string().starts_with("the state of server 6 cannot be read: "), "{e}");
    }

    #[tokio::test]
    async fn schema_5_settings_and_homes_move_into_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        let mut c = Connection::open(&path).unwrap();
        for step in &MIGRATIONS[..5] {
            c.execute_batch(step).unwrap();
        }
        c.pragma_update(None, "user_version", 5).unwrap();
        c.transaction()
            .and_then(|tx| tx.execute_batch(conformance::SCHEMA_5_FILLED).and_then(|()| tx.commit()))
            .unwrap();
        drop(c);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        conformance::schema_5_moved_into_documents(&s).await;
        let tables: Vec<String> = s
            .lock()
            .prepare("SELECT name FROM sqlite_master WHERE name IN ('settings', 'server_homes')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(tables.is_empty(), "the old tables are gone: {tables:?}");
    }

    #[tokio::test]
    async fn version_1_prose_survives_the_migration_as_earlier_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("twinbot.db");
        let c = Connection::open(&path).unwrap();
        c.execute_batch(MIGRATIONS[0]).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, state, attempts, belated,
                                error, created_at, updated_at)
             VALUES (7, 'Leeds/Lille/2028', '2028-01-01T09:00:00.000Z', 8, 'twinbot-1', 'x', 'gave_up', 5, 0,
                     'Discord refused the post: 403 Missing Permissions (code 50013)', '2028-01-01T09:00:00.000Z',
                     '2028-01-01T09:00:00.000Z')",
            [],
        )
        .unwrap();
        drop(c);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        let r = s.post(7, "Leeds/Lille/2028").await.unwrap().unwrap();
        assert_eq!(r.error().as_deref(), Some("Discord refused the post: 403 Missing Permissions (code 50013)"));
    }
}
