//! The PostgreSQL store (tokio-postgres, pooled by deadpool-postgres), for any number of twinbot
//! processes sharing one database. Its schema has the same versions as SQLite's, in PostgreSQL's
//! dialect (`migrations/`), recorded in `twinbot_schema`; each step runs in a transaction under a
//! transaction-scoped advisory lock, so replicas starting together migrate once.
//!
//! Connections are plain TCP: keep the database on the same host or a private network.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::{NoTls, Row};

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

/// The schema, one file per version, as for SQLite. Never edit a released step; add a new one.
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

/// The advisory lock key migrations hold ("twinbot" in ASCII).
const MIGRATION_LOCK: i64 = 0x0074_7769_6e62_6f74;

/// Connections kept open per process: interactions and the poster together rarely need more.
const POOL_SIZE: usize = 8;

/// The database on a PostgreSQL server.
pub struct PostgresStore {
    pool: Pool,
    /// How to open the leader's own connection.
    config: tokio_postgres::Config,
    /// The key of the poster's leader lock: one per database and schema.
    leader_key: i64,
    /// The channel writes are announced on (NOTIFY) and replicas listen on: one per schema, as
    /// notifications belong to the database.
    channel: String,
    /// The connection holding the leader lock, while this process leads.
    leader: tokio::sync::Mutex<Option<tokio_postgres::Client>>,
    /// The URL without its password, for messages and the log.
    shown: String,
}

/// A PostgreSQL URL as it may be shown: no password.
fn shown(config: &tokio_postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            tokio_postgres::config::Host::Tcp(h) => h.clone(),
            #[cfg(unix)]
            tokio_postgres::config::Host::Unix(p) => p.display().to_string(),
        })
        .unwrap_or_default();
    let port = config.get_ports().first().map(|p| format!(":{p}")).unwrap_or_default();
    let user = config.get_user().map(|u| format!("{u}@")).unwrap_or_default();
    format!("postgres://{user}{host}{port}/{}", config.get_dbname().unwrap_or(""))
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn query(e: impl Into<BoxError>) -> StoreError {
    StoreError::Query(e.into())
}

/// FNV-1a of a name and the schema: bots in different schemas of one database keep apart.
fn per_schema(name: &str, schema: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes().chain(schema.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The advisory lock the poster's leader holds. The default schema is keyed as "" (as it always
/// was), so that replicas of different releases still elect one leader between them.
fn leader_key(schema: &str) -> i64 {
    let schema = if schema == "public" { "" } else { schema };
    per_schema("twinbot poster ", schema) as i64
}

/// The channel a schema's writes are announced on.
fn channel(schema: &str) -> String {
    format!("twinbot_{:016x}", per_schema("twinbot changes ", schema))
}

/// How long a listener waits before connecting again, at first and at most.
const RECONNECT: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(30));

fn id_in(v: u64) -> i64 {
    v as i64
}
fn id_out(v: i64) -> u64 {
    v as u64
}

impl PostgresStore {
    /// Connects to the database at `url` and migrates it to [`SCHEMA_VERSION`].
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        PostgresStore::connect_in(url, None).await
    }

    /// Connects with `schema` first on the search path (each test in a schema of its own).
    pub async fn connect_in(url: &str, schema: Option<&str>) -> Result<PostgresStore, StoreError> {
        let mut config: tokio_postgres::Config = url.parse().map_err(|e: tokio_postgres::Error| StoreError::Open {
            path: PathBuf::from("the PostgreSQL URL in database or TWINBOT_DATABASE"),
            source: Box::new(e),
        })?;
        if let Some(schema) = schema {
            config.options(format!("-c search_path={schema}"));
        }
        let shown = shown(&config);
        let open = |source: BoxError| StoreError::Open { path: PathBuf::from(&shown), source };
        let manager =
            Manager::from_config(config.clone(), NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager).max_size(POOL_SIZE).build().map_err(|e| open(Box::new(e)))?;
        // Connect once now, so that a wrong URL or a server that is down stops the start.
        let client = pool.get().await.map_err(|e| open(Box::new(e)))?;
        let schema: String = client.query_one("SELECT current_schema()", &[]).await.map_err(query)?.get(0);
        drop(client);
        let store = PostgresStore {
            pool,
            config,
            leader_key: leader_key(&schema),
            channel: channel(&schema),
            leader: tokio::sync::Mutex::new(None),
            shown,
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(query)
    }

    /// The schema version of the database.
    pub async fn version(&self) -> Result<i64, StoreError> {
        let c = self.client().await?;
        let row = c.query_opt("SELECT version FROM twinbot_schema", &[]).await.map_err(query)?;
        Ok(row.map_or(0, |r| i64::from(r.get::<_, i32>(0))))
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let path = PathBuf::from(&self.shown);
        let mut c = self.client().await?;
        loop {
            let tx = c.transaction().await.map_err(query)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(query)?;
            // Under the lock: replicas starting together on a new database would otherwise both
            // create the table, and one fail.
            tx.batch_execute("CREATE TABLE IF NOT EXISTS twinbot_schema (version INTEGER NOT NULL)")
                .await
                .map_err(|e| StoreError::Migrate { path: path.clone(), version: 1, source: Box::new(e) })?;
            let found = tx
                .query_opt("SELECT version FROM twinbot_schema", &[])
                .await
                .map_err(query)?
                .map_or(0, |r| i64::from(r.get::<_, i32>(0)));
            if found > SCHEMA_VERSION {
                return Err(StoreError::TooNew { path, found, known: SCHEMA_VERSION });
            }
            if found == SCHEMA_VERSION {
                return Ok(());
            }
            let version = found + 1;
            let err = |source: tokio_postgres::Error| StoreError::Migrate {
                path: path.clone(),
                version,
                source: Box::new(source),
            };
            tx.batch_execute(MIGRATIONS[found as usize]).await.map_err(err)?;
            if version == 6 {
                move_to_documents(&tx).await.map_err(|e| StoreError::Migrate {
                    path: path.clone(),
                    version,
                    source: Box::new(e),
                })?;
            }
            let v = version as i32;
            if found == 0 {
                tx.execute("INSERT INTO twinbot_schema (version) VALUES ($1)", &[&v]).await.map_err(err)?;
            } else {
                tx.execute("UPDATE twinbot_schema SET version = $1", &[&v]).await.map_err(err)?;
            }
            tx.commit().await.map_err(err)?;
            tracing::info!(database = %self.shown, version, "database schema migrated");
        }
    }
}

const POST_COLUMNS: &str = "id, guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state, attempts, \
                            belated, message_id, failure, failure_status, failure_code, failure_detail, stopped, \
                            next_try, created_at, updated_at";

/// Migration 6's move: the settings and home cities of schema 5 into each server's document.
async fn move_to_documents(tx: &deadpool_postgres::Transaction<'_>) -> Result<(), StoreError> {
    let rows = tx
        .query(
            "SELECT guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by,
                    language, remind_days, remind_channel_id FROM settings",
            &[],
        )
        .await
        .map_err(query)?;
    let settings = rows
        .iter()
        .map(|r| {
            Ok(SettingsRow {
                guild_id: id_out(r.try_get(0)?),
                enabled: r.try_get(1)?,
                channel_id: r.try_get::<_, Option<i64>>(2)?.map(id_out),
                at: r.try_get(3)?,
                timezone: r.try_get(4)?,
                digest: r.try_get(5)?,
                template: r.try_get(6)?,
                role_id: r.try_get::<_, Option<i64>>(7)?.map(id_out),
                updated_at: r.try_get(8)?,
                updated_by: r.try_get::<_, Option<i64>>(9)?.map(id_out),
                language: r.try_get(10)?,
                remind_days: r.try_get::<_, Option<i32>>(11)?.and_then(|d| u32::try_from(d).ok()),
                remind_channel_id: r.try_get::<_, Option<i64>>(12)?.map(id_out),
            })
        })
        .collect::<Result<Vec<_>, tokio_postgres::Error>>()
        .map_err(query)?;
    let homes = tx
        .query("SELECT guild_id, home FROM server_homes ORDER BY guild_id, position", &[])
        .await
        .map_err(query)?
        .iter()
        .map(|r| (id_out(r.get(0)), r.get(1)))
        .collect();
    for r in moved_to_documents(settings, homes, Utc::now()) {
        tx.execute(
            &format!("INSERT INTO servers ({SERVER_COLUMNS}) VALUES ($1, $2, $3::text::jsonb, $4, $5)"),
            &[&id_in(r.guild_id), &r.version, &state_json(&r.state), &r.updated_at, &r.updated_by.map(id_in)],
        )
        .await
        .map_err(query)?;
    }
    tx.batch_execute("DROP TABLE settings; DROP TABLE server_homes;").await.map_err(query)
}

/// The state is read as text, and parsed with serde as SQLite's is.
const SERVER_COLUMNS: &str = "guild_id, version, state, updated_at, updated_by";
const SERVER_SELECT: &str = "SELECT guild_id, version, state::text, updated_at, updated_by FROM servers";

/// A server's row: its record, or why it cannot be read.
fn row_server(r: &Row) -> Result<ServerRecord, StoreError> {
    let guild_id = id_out(r.try_get(0).map_err(query)?);
    let json: String = r.try_get(2).map_err(query)?;
    Ok(ServerRecord {
        guild_id,
        version: r.try_get(1).map_err(query)?,
        updated_at: r.try_get(3).map_err(query)?,
        updated_by: r.try_get::<_, Option<i64>>(4).map_err(query)?.map(id_out),
        state: state_from(guild_id, &json)?,
    })
}

async fn select_server(
    c: &impl deadpool_postgres::GenericClient,
    guild_id: u64,
) -> Result<Option<ServerRecord>, StoreError> {
    let row = c.query_opt(&format!("{SERVER_SELECT} WHERE guild_id = $1"), &[&id_in(guild_id)]).await.map_err(query)?;
    row.as_ref().map(row_server).transpose()
}

const TOWN_SELECT: &str = "SELECT guild_id, version, document, made_at, made_by, change::text FROM town_versions";

fn row_town(r: &Row) -> Result<TownRecord, StoreError> {
    let guild_id = id_out(r.try_get(0).map_err(query)?);
    let change: String = r.try_get(5).map_err(query)?;
    Ok(TownRecord {
        guild_id,
        version: r.try_get(1).map_err(query)?,
        document: r.try_get(2).map_err(query)?,
        made_at: r.try_get(3).map_err(query)?,
        made_by: r.try_get::<_, Option<i64>>(4).map_err(query)?.map(id_out),
        change: change_from(guild_id, &change)?,
    })
}

async fn select_town(
    c: &impl deadpool_postgres::GenericClient,
    guild_id: u64,
    version: Option<i64>,
) -> Result<Option<TownRecord>, StoreError> {
    let q = format!(
        "{TOWN_SELECT} WHERE guild_id = $1 AND version = COALESCE($2, (SELECT version FROM towns WHERE guild_id = $1))"
    );
    // Prepared once per connection: a town is read for every server's first question.
    let st = c.prepare_cached(&q).await.map_err(query)?;
    let row = c.query_opt(&st, &[&id_in(guild_id), &version]).await.map_err(query)?;
    row.as_ref().map(row_town).transpose()
}

const PENDING_SELECT: &str = "SELECT id, guild_id, user_id, command, base, data::text, expires_at FROM pending";

fn row_pending(r: &Row) -> Result<Pending, StoreError> {
    let data: String = r.try_get(5).map_err(query)?;
    Ok(Pending {
        id: id_out(r.try_get(0).map_err(query)?),
        guild_id: id_out(r.try_get(1).map_err(query)?),
        user_id: id_out(r.try_get(2).map_err(query)?),
        command: r.try_get(3).map_err(query)?,
        base: r.try_get(4).map_err(query)?,
        data: serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            column: "pending.data",
            value: data.clone(),
            expected: "JSON",
        })?,
        expires_at: r.try_get(6).map_err(query)?,
    })
}

/// Counts a stream's posts to a channel from `now` (turned on, or on again).
async fn restart_since(
    c: &impl deadpool_postgres::GenericClient,
    stream: Stream,
    guild_id: u64,
    channel_id: u64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    c.execute(
        &format!(
            "INSERT INTO {} (guild_id, channel_id, since) VALUES ($1, $2, $3)
             ON CONFLICT (guild_id, channel_id) DO UPDATE SET since = excluded.since",
            stream.since_table()
        ),
        &[&id_in(guild_id), &id_in(channel_id), &now],
    )
    .await
    .map_err(query)?;
    Ok(())
}

/// What a notification's payload says: "server GUILD VERSION" or "data VERSION".
fn notice(payload: &str) -> Option<Notice> {
    let words: Vec<&str> = payload.split(' ').collect();
    match words.as_slice() {
        ["server", guild, version] => {
            Some(Notice::Server { guild_id: guild.parse().ok()?, version: version.parse().ok()? })
        }
        ["town", guild, version] => {
            Some(Notice::Town { guild_id: guild.parse().ok()?, version: version.parse().ok()? })
        }
        ["data", version] => Some(Notice::Data { version: version.parse().ok()? }),
        _ => None,
    }
}

/// Listens for the schema's writes on a connection of its own (notifications reach only code
/// that drives the connection), reconnecting when it drops; after each (re)connection it asks
/// for a catch-up, since notifications sent meanwhile are lost.
async fn follow(config: tokio_postgres::Config, channel: String, to: tokio::sync::mpsc::UnboundedSender<Notice>) {
    let mut wait = RECONNECT.0;
    loop {
        let (client, mut connection) = match config.connect(NoTls).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("cannot connect to listen for other replicas' changes; trying again in {wait:?}: {e}");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(RECONNECT.1);
                continue;
            }
        };
        let forward = to.clone();
        let driver = tokio::spawn(async move {
            loop {
                match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                    Some(Ok(tokio_postgres::AsyncMessage::Notification(n))) => match notice(n.payload()) {
                        Some(notice) => {
                            if forward.send(notice).is_err() {
                                return None;
                            }
                        }
                        None => tracing::warn!(payload = n.payload(), "ignoring a notification twinbot cannot read"),
                    },
                    Some(Ok(_)) => {}
                    Some(Err(e)) => return Some(e.to_string()),
                    None => return Some("the server closed it".to_string()),
                }
            }
        });
        match client.batch_execute(&format!("LISTEN {channel}")).await {
            Ok(()) => {
                tracing::debug!(channel, "listening for other replicas' changes");
                wait = RECONNECT.0;
                if to.send(Notice::CatchUp).is_err() {
                    return;
                }
            }
            Err(e) => tracing::warn!("cannot listen for other replicas' changes: {e}"),
        }
        let why = driver.await.ok().flatten();
        drop(client);
        let Some(why) = why else { return };
        if to.is_closed() {
            return;
        }
        tracing::warn!(
            "the connection listening for other replicas' changes dropped ({why}); reconnecting in {wait:?}"
        );
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(RECONNECT.1);
    }
}

fn row_post(r: &Row) -> Result<PostRecord, StoreError> {
    let state: String = r.try_get(8).map_err(query)?;
    let attempts: i32 = r.try_get(9).map_err(query)?;
    Ok(PostRecord {
        id: r.try_get(0).map_err(query)?,
        guild_id: id_out(r.try_get(1).map_err(query)?),
        key: r.try_get(2).map_err(query)?,
        due: r.try_get(3).map_err(query)?,
        channel_id: id_out(r.try_get(4).map_err(query)?),
        nonce: r.try_get(5).map_err(query)?,
        content: r.try_get(6).map_err(query)?,
        role_id: r.try_get::<_, Option<i64>>(7).map_err(query)?.map(id_out),
        state: PostState::parse(&state).ok_or_else(|| StoreError::Corrupt {
            column: "posts.state",
            value: state.clone(),
            expected: "a post's state",
        })?,
        attempts: u32::try_from(attempts).unwrap_or(0),
        belated: r.try_get(10).map_err(query)?,
        message_id: r.try_get::<_, Option<i64>>(11).map_err(query)?.map(id_out),
        problem: problem_of((
            r.try_get(12).map_err(query)?,
            r.try_get(13).map_err(query)?,
            r.try_get(14).map_err(query)?,
            r.try_get(15).map_err(query)?,
            r.try_get(16).map_err(query)?,
        ))?,
        next_try: r.try_get(17).map_err(query)?,
        created_at: r.try_get(18).map_err(query)?,
        updated_at: r.try_get(19).map_err(query)?,
    })
}

/// Inserts a post into the ledger with no nonce yet; `keep_existing` leaves a post already there
/// as it is. Returns the new row's id, if one was inserted.
async fn insert_post(
    c: &impl deadpool_postgres::GenericClient,
    p: &NewPost,
    (state, attempts, belated): (PostState, i32, bool),
    (failure, keep_existing): (Option<&str>, bool),
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let on_conflict = if keep_existing { "ON CONFLICT (guild_id, post_key) DO NOTHING" } else { "" };
    // The ledger's statements are prepared once per connection: a pass that makes a hundred
    // posts runs each a hundred times.
    let st = c
        .prepare_cached(&format!(
            "INSERT INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state,
                                attempts, belated, failure, created_at, updated_at)
             VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, $11, $11) {on_conflict} RETURNING id"
        ))
        .await
        .map_err(query)?;
    let row = c
        .query_opt(
            &st,
            &[
                &id_in(p.guild_id),
                &p.key,
                &p.due,
                &id_in(p.channel_id),
                &p.content,
                &p.role_id.map(id_in),
                &state.as_str(),
                &attempts,
                &belated,
                &failure,
                &now,
            ],
        )
        .await
        .map_err(query)?;
    Ok(row.map(|r| r.get(0)))
}

async fn select_post(
    c: &impl deadpool_postgres::GenericClient,
    guild_id: u64,
    key: &str,
) -> Result<Option<PostRecord>, StoreError> {
    let st = c
        .prepare_cached(&format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = $1 AND post_key = $2"))
        .await
        .map_err(query)?;
    let row = c.query_opt(&st, &[&id_in(guild_id), &key]).await.map_err(query)?;
    row.as_ref().map(row_post).transpose()
}

#[async_trait::async_trait]
impl Store for PostgresStore {
    fn describe(&self) -> String {
        format!("PostgreSQL {}", self.shown)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.client().await?.query_one("SELECT 1", &[]).await.map_err(query).map(|_| ())
    }

    /// The leader holds a session-level advisory lock on a connection of its own: PostgreSQL
    /// releases it when that session ends, so when the leader's process dies (even by SIGKILL)
    /// another replica takes over at its next ask.
    async fn lead(&self) -> Result<bool, StoreError> {
        let mut held = self.leader.lock().await;
        if let Some(c) = held.as_ref() {
            if !c.is_closed() && c.simple_query("SELECT 1").await.is_ok() {
                return Ok(true);
            }
            tracing::warn!("lost the connection that held the posting role; asking for it again");
            *held = None;
        }
        let (client, connection) = self.config.connect(NoTls).await.map_err(query)?;
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("the leader connection closed: {e}");
            }
        });
        let got: bool =
            client.query_one("SELECT pg_try_advisory_lock($1)", &[&self.leader_key]).await.map_err(query)?.get(0);
        if got {
            *held = Some(client);
        }
        Ok(got)
    }

    async fn server(&self, guild_id: u64) -> Result<Option<ServerRecord>, StoreError> {
        select_server(&self.client().await?, guild_id).await
    }

    async fn servers(&self) -> Result<Vec<ServerRecord>, StoreError> {
        let c = self.client().await?;
        let rows = c.query(&format!("{SERVER_SELECT} ORDER BY guild_id"), &[]).await.map_err(query)?;
        let mut out = Vec::new();
        for r in &rows {
            match row_server(r) {
                Ok(s) => out.push(s),
                Err(e) => tracing::error!("ignoring a server's saved state: {e}"),
            }
        }
        Ok(out)
    }

    async fn server_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        let c = self.client().await?;
        let rows = c.query("SELECT guild_id, version FROM servers ORDER BY guild_id", &[]).await.map_err(query)?;
        Ok(rows.iter().map(|r| (id_out(r.get(0)), r.get(1))).collect())
    }

    /// The write and its notification are one transaction: the other replicas hear of it when,
    /// and only if, it is committed.
    async fn write_server(&self, w: &ServerWrite<'_>) -> Result<Written, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        let (guild, json, by) = (id_in(w.guild_id), state_json(w.state), w.by.map(id_in));
        let written = if w.expected == 0 {
            tx.query_opt(
                &format!(
                    "INSERT INTO servers ({SERVER_COLUMNS}) VALUES ($1, 1, $2::text::jsonb, $3, $4)
                     ON CONFLICT (guild_id) DO NOTHING RETURNING version"
                ),
                &[&guild, &json, &w.at, &by],
            )
            .await
        } else {
            tx.query_opt(
                "UPDATE servers SET version = version + 1, state = $2::text::jsonb, updated_at = $3, updated_by = $4
                 WHERE guild_id = $1 AND version = $5 RETURNING version",
                &[&guild, &json, &w.at, &by, &w.expected],
            )
            .await
        }
        .map_err(query)?;
        if let Some(row) = &written {
            let version: i64 = row.get(0);
            for (stream, channel) in &w.restart {
                restart_since(&tx, *stream, w.guild_id, *channel, w.at).await?;
            }
            let payload = format!("server {} {version}", w.guild_id);
            tx.execute("SELECT pg_notify($1, $2)", &[&self.channel, &payload]).await.map_err(query)?;
        }
        let now = select_server(&tx, w.guild_id).await?.unwrap_or_else(|| ServerRecord::new(w.guild_id));
        tx.commit().await.map_err(query)?;
        Ok(if written.is_some() { Written::Saved(now) } else { Written::Conflict(now) })
    }

    async fn town(&self, guild_id: u64) -> Result<Option<TownRecord>, StoreError> {
        select_town(&self.client().await?, guild_id, None).await
    }

    async fn town_version(&self, guild_id: u64, version: i64) -> Result<Option<TownRecord>, StoreError> {
        select_town(&self.client().await?, guild_id, Some(version)).await
    }

    async fn town_history(&self, guild_id: u64, limit: u32) -> Result<Vec<TownRecord>, StoreError> {
        let c = self.client().await?;
        // Only the newest version's document is read.
        let q = "SELECT guild_id, version,
                        CASE WHEN version = (SELECT version FROM towns WHERE guild_id = $1) THEN document END,
                        made_at, made_by, change::text
                 FROM town_versions WHERE guild_id = $1 ORDER BY version DESC LIMIT $2";
        let rows = c.query(q, &[&id_in(guild_id), &i64::from(limit)]).await.map_err(query)?;
        rows.iter().map(row_town).collect()
    }

    async fn town_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        let c = self.client().await?;
        let rows = c.query("SELECT guild_id, version FROM towns ORDER BY guild_id", &[]).await.map_err(query)?;
        Ok(rows.iter().map(|r| (id_out(r.get(0)), r.get(1))).collect())
    }

    /// The version, the dates and the notification are one transaction, as for a server's state.
    async fn write_town(&self, w: &TownWrite<'_>) -> Result<TownWritten, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        let (guild, by) = (id_in(w.guild_id), w.by.map(id_in));
        let deleted = w.document.is_none().then_some(w.at);
        let written = if w.expected == 0 {
            tx.query_opt(
                "INSERT INTO towns (guild_id, version, deleted_at) VALUES ($1, 1, $2)
                 ON CONFLICT (guild_id) DO NOTHING RETURNING version",
                &[&guild, &deleted],
            )
            .await
        } else {
            tx.query_opt(
                "UPDATE towns SET version = version + 1, deleted_at = $2 WHERE guild_id = $1 AND version = $3
                 RETURNING version",
                &[&guild, &deleted, &w.expected],
            )
            .await
        }
        .map_err(query)?;
        if let Some(row) = &written {
            let version: i64 = row.get(0);
            tx.execute(
                "INSERT INTO town_versions (guild_id, version, document, made_at, made_by, change)
                 VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)",
                &[&guild, &version, &w.document, &w.at, &by, &change_json(w.change)],
            )
            .await
            .map_err(query)?;
            tx.execute("DELETE FROM town_dates WHERE guild_id = $1", &[&guild]).await.map_err(query)?;
            for (i, d) in w.dates.iter().enumerate() {
                let (month, day, position) = (d.month.map(|m| m as i32), d.day.map(|d| d as i32), i as i32);
                tx.execute(
                    "INSERT INTO town_dates (guild_id, partner_id, position, name, year, month, day, suspended)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[&guild, &d.partner_id, &position, &d.name, &d.year, &month, &day, &d.suspended],
                )
                .await
                .map_err(query)?;
            }
            let payload = format!("town {} {version}", w.guild_id);
            tx.execute("SELECT pg_notify($1, $2)", &[&self.channel, &payload]).await.map_err(query)?;
        }
        let now = select_town(&tx, w.guild_id, None).await?;
        tx.commit().await.map_err(query)?;
        Ok(match (written, now) {
            (Some(_), Some(saved)) => TownWritten::Saved(saved),
            (_, now) => TownWritten::Conflict(now),
        })
    }

    async fn town_dates(&self, guild_id: Option<u64>) -> Result<Vec<(u64, TownDate)>, StoreError> {
        let c = self.client().await?;
        // Streamed, row by row: at start every town's dates are read (100,000 rows for 10,000
        // towns), and holding them all as rows before converting them doubled the memory.
        let rows = c
            .query_raw(
                "SELECT guild_id, partner_id, name, year, month, day, suspended FROM town_dates
                 WHERE $1::BIGINT IS NULL OR guild_id = $1 ORDER BY guild_id, position",
                [guild_id.map(id_in)],
            )
            .await
            .map_err(query)?;
        let date = |r: &Row| -> Result<(u64, TownDate), StoreError> {
            let d = TownDate {
                partner_id: r.try_get(1).map_err(query)?,
                name: r.try_get(2).map_err(query)?,
                year: r.try_get(3).map_err(query)?,
                month: r.try_get::<_, Option<i32>>(4).map_err(query)?.map(|m| m as u32),
                day: r.try_get::<_, Option<i32>>(5).map_err(query)?.map(|d| d as u32),
                suspended: r.try_get(6).map_err(query)?,
            };
            Ok((id_out(r.try_get(0).map_err(query)?), d))
        };
        let mut rows = std::pin::pin!(rows);
        let mut out = Vec::new();
        while let Some(row) = futures_util::TryStreamExt::try_next(&mut rows).await.map_err(query)? {
            out.push(date(&row)?);
        }
        Ok(out)
    }

    async fn erase_deleted_towns(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        let gone = "SELECT guild_id FROM towns WHERE deleted_at IS NOT NULL AND deleted_at < $1";
        for table in ["town_versions", "town_dates", "town_feeds"] {
            let q = format!("DELETE FROM {table} WHERE guild_id IN ({gone})");
            tx.execute(&q, &[&before]).await.map_err(query)?;
        }
        let n = tx
            .execute("DELETE FROM towns WHERE deleted_at IS NOT NULL AND deleted_at < $1", &[&before])
            .await
            .map_err(query)?;
        tx.commit().await.map_err(query)?;
        Ok(n)
    }

    async fn town_feed(&self, guild_id: u64) -> Result<Option<String>, StoreError> {
        let c = self.client().await?;
        let row = c
            .query_opt("SELECT token FROM town_feeds WHERE guild_id = $1", &[&id_in(guild_id)])
            .await
            .map_err(query)?;
        row.map(|r| r.try_get(0)).transpose().map_err(query)
    }

    async fn set_town_feed(&self, guild_id: u64, token: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO town_feeds (guild_id, token, made_at) VALUES ($1, $2, $3)
             ON CONFLICT (guild_id) DO UPDATE SET token = excluded.token, made_at = excluded.made_at",
            &[&id_in(guild_id), &token, &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn town_of_feed(&self, token: &str) -> Result<Option<u64>, StoreError> {
        let c = self.client().await?;
        let row = c.query_opt("SELECT guild_id FROM town_feeds WHERE token = $1", &[&token]).await.map_err(query)?;
        row.map(|r| r.try_get::<_, i64>(0).map(id_out)).transpose().map_err(query)
    }

    async fn hold_pending(&self, p: &Pending) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO pending (id, guild_id, user_id, command, base, data, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7)
             ON CONFLICT (id) DO UPDATE SET guild_id = excluded.guild_id, user_id = excluded.user_id,
             command = excluded.command, base = excluded.base, data = excluded.data, expires_at = excluded.expires_at",
            &[
                &id_in(p.id),
                &id_in(p.guild_id),
                &id_in(p.user_id),
                &p.command,
                &p.base,
                &p.data.to_string(),
                &p.expires_at,
            ],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn pending(&self, id: u64) -> Result<Option<Pending>, StoreError> {
        let c = self.client().await?;
        let row = c.query_opt(&format!("{PENDING_SELECT} WHERE id = $1"), &[&id_in(id)]).await.map_err(query)?;
        row.as_ref().map(row_pending).transpose()
    }

    async fn drop_pending(&self, id: u64) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(c.execute("DELETE FROM pending WHERE id = $1", &[&id_in(id)]).await.map_err(query)? == 1)
    }

    async fn drop_expired(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let c = self.client().await?;
        c.execute("DELETE FROM pending WHERE expires_at < $1", &[&now]).await.map_err(query)
    }

    async fn data_version(&self) -> Result<i64, StoreError> {
        let c = self.client().await?;
        Ok(c.query_one("SELECT version FROM data_version", &[]).await.map_err(query)?.get(0))
    }

    async fn raise_data_version(&self) -> Result<i64, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        let row = tx
            .query_one("UPDATE data_version SET version = version + 1 RETURNING version", &[])
            .await
            .map_err(query)?;
        let version: i64 = row.get(0);
        tx.execute("SELECT pg_notify($1, $2)", &[&self.channel, &format!("data {version}")]).await.map_err(query)?;
        tx.commit().await.map_err(query)?;
        Ok(version)
    }

    fn listen(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Notice>> {
        let (to, from) = tokio::sync::mpsc::unbounded_channel();
        let mut config = self.config.clone();
        // Named, so that an operator (or a test) can tell it apart in pg_stat_activity.
        config.application_name(format!("twinbot listen {}", std::process::id()));
        tokio::spawn(follow(config, self.channel.clone(), to));
        Some(from)
    }

    async fn enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let c = self.client().await?;
        let (g, ch) = (id_in(guild_id), id_in(channel_id));
        let table = stream.since_table();
        // One round trip (the poster asks for every posting server each pass): the time kept,
        // or `now` recorded and returned; prepared once per connection.
        let q = format!(
            "WITH kept AS (SELECT since FROM {table} WHERE guild_id = $1 AND channel_id = $2),
                  made AS (INSERT INTO {table} (guild_id, channel_id, since)
                           SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM kept)
                           ON CONFLICT (guild_id, channel_id) DO NOTHING RETURNING since)
             SELECT since FROM kept UNION ALL SELECT since FROM made"
        );
        let st = c.prepare_cached(&q).await.map_err(query)?;
        if let Some(row) = c.query_opt(&st, &[&g, &ch, &now]).await.map_err(query)? {
            return row.try_get(0).map_err(query);
        }
        // Another process recorded it between the two: read what it recorded.
        let row = c
            .query_one(&format!("SELECT since FROM {table} WHERE guild_id = $1 AND channel_id = $2"), &[&g, &ch])
            .await
            .map_err(query)?;
        row.try_get(0).map_err(query)
    }

    async fn restart_enabled_since(
        &self,
        stream: Stream,
        guild_id: u64,
        channel_id: u64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        restart_since(&self.client().await?, stream, guild_id, channel_id, now).await
    }

    async fn post(&self, guild_id: u64, key: &str) -> Result<Option<PostRecord>, StoreError> {
        select_post(&self.client().await?, guild_id, key).await
    }

    async fn posts(&self, guild_id: u64) -> Result<Vec<PostRecord>, StoreError> {
        let c = self.client().await?;
        // Prepared once per connection: the poster reads each posting server's ledger each pass.
        let q = format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = $1 ORDER BY due_utc DESC, id DESC");
        let st = c.prepare_cached(&q).await.map_err(query)?;
        let rows = c.query(&st, &[&id_in(guild_id)]).await.map_err(query)?;
        rows.iter().map(row_post).collect()
    }

    async fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError> {
        let c = self.client().await?;
        let rows = c
            .query(
                &format!(
                    "SELECT {POST_COLUMNS} FROM posts WHERE state IN ('sending', 'refused', 'failed') ORDER BY id"
                ),
                &[],
            )
            .await
            .map_err(query)?;
        rows.iter().map(row_post).collect()
    }

    async fn record_intent(&self, p: &NewPost, now: DateTime<Utc>) -> Result<PostRecord, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        let id = insert_post(&tx, p, (PostState::Sending, 1, p.belated), (None, false), now)
            .await?
            .ok_or_else(|| query("the post was not recorded"))?;
        let st = tx.prepare_cached("UPDATE posts SET nonce = $1 WHERE id = $2").await.map_err(query)?;
        tx.execute(&st, &[&nonce(id), &id]).await.map_err(query)?;
        let record = select_post(&tx, p.guild_id, &p.key).await?;
        tx.commit().await.map_err(query)?;
        record.ok_or_else(|| query("the post just recorded cannot be read back"))
    }

    async fn record_retry(&self, id: i64, channel_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            "UPDATE posts SET state = 'sending', attempts = attempts + 1, channel_id = $2, next_try = NULL,
                 updated_at = $3 WHERE id = $1",
            &[&id, &id_in(channel_id), &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn record_sent(&self, id: i64, message_id: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let c = self.client().await?;
        let st = c
            .prepare_cached(
                "UPDATE posts SET state = 'sent', message_id = $2, failure = NULL, failure_status = NULL,
                     failure_code = NULL, failure_detail = NULL, stopped = NULL, next_try = NULL, updated_at = $3
                 WHERE id = $1",
            )
            .await
            .map_err(query)?;
        c.execute(&st, &[&id, &id_in(message_id), &now]).await.map_err(query)?;
        Ok(())
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
        let c = self.client().await?;
        c.execute(
            "UPDATE posts SET state = $2, failure = $3, failure_status = $4, failure_code = $5,
                 failure_detail = $6, stopped = $7, next_try = $8, updated_at = $9 WHERE id = $1",
            &[&id, &state, &failure, &status, &code, &detail, &stopped, &next_try, &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn record_missed(&self, p: &NewPost, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let (failure, ..) = problem_columns(Some(&Problem::new(Cause::Down)));
        let c = self.client().await?;
        let id = insert_post(&c, p, (PostState::Missed, 0, false), (failure, true), now).await?;
        Ok(id.is_some())
    }

    async fn record_revision(
        &self,
        id: i64,
        content: &str,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            "UPDATE posts SET content = $2, due_utc = $3, updated_at = $4 WHERE id = $1",
            &[&id, &content, &due, &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn record_closed(&self, id: i64, state: PostState, now: DateTime<Utc>) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            "UPDATE posts SET state = $2, failure = NULL, failure_status = NULL, failure_code = NULL,
                 failure_detail = NULL, stopped = NULL, next_try = NULL, updated_at = $3 WHERE id = $1",
            &[&id, &state.as_str(), &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn coming_events(&self, now: DateTime<Utc>) -> Result<Vec<PostRecord>, StoreError> {
        let c = self.client().await?;
        let q = format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE state IN ('sending', 'sent', 'refused', 'failed')
                 AND post_key LIKE 'event/%' AND due_utc > $1 ORDER BY id"
        );
        let rows = c.query(&q, &[&now]).await.map_err(query)?;
        rows.iter().map(row_post).collect()
    }
}

/// A fresh schema on the test server named by `TWINBOT_TEST_POSTGRES`, or None (the PostgreSQL
/// tests are then skipped, saying so).
#[cfg(test)]
pub(crate) async fn test_store() -> Option<PostgresStore> {
    let url = std::env::var("TWINBOT_TEST_POSTGRES").ok().filter(|u| !u.trim().is_empty())?;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let schema = format!(
        "twinbot_test_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
        Utc::now().timestamp_micros()
    );
    let (client, conn) = tokio_postgres::connect(&url, NoTls).await.expect("TWINBOT_TEST_POSTGRES answers");
    tokio::spawn(conn);
    client.batch_execute(&format!("CREATE SCHEMA {schema}")).await.expect("a schema for the test");
    Some(PostgresStore::connect_in(&url, Some(&schema)).await.expect("the test database opens"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::{self, new_post, t};

    /// Runs a test body on a fresh store, or says why it is skipped.
    macro_rules! on_postgres {
        ($s:ident => $body:expr) => {
            match test_store().await {
                Some($s) => $body,
                None => eprintln!("skipped: TWINBOT_TEST_POSTGRES is not set"),
            }
        };
    }

    #[tokio::test]
    async fn passes_the_store_tests_every_database_passes() {
        on_postgres!(s => conformance::a_servers_state_is_written_version_by_version(&s).await);
        on_postgres!(s => conformance::a_write_from_an_older_version_is_refused(&s).await);
        on_postgres!(s => conformance::fields_of_a_newer_twinbot_are_kept(&s).await);
        on_postgres!(s => conformance::ledger_records_intent_then_result(&s).await);
        on_postgres!(s => conformance::every_problem_round_trips_through_its_columns(&s).await);
        on_postgres!(s => conformance::scheduled_events_are_revised_closed_and_listed_while_coming(&s).await);
        on_postgres!(s => conformance::enabled_since_is_set_once_and_restarted_by_a_write(&s).await);
        on_postgres!(s => conformance::the_data_version_rises(&s).await);
        on_postgres!(s => conformance::a_town_is_kept_version_by_version_with_its_dates(&s).await);
        on_postgres!(s => conformance::a_pending_action_is_kept_once_and_expires(&s).await);
        on_postgres!(s => conformance::a_towns_feed_token_is_renewed_and_found_by_token_alone(&s).await);
    }

    #[tokio::test]
    async fn migrated_once_and_a_newer_schema_is_refused() {
        on_postgres!(s => {
            assert_eq!(s.version().await.unwrap(), SCHEMA_VERSION);
            s.record_intent(&new_post("Leeds/Dortmund/2029"), t("2029-06-02T08:00:00Z")).await.unwrap();
            s.migrate().await.unwrap();
            assert_eq!(s.posts(1_300_000_000_000_000_000).await.unwrap().len(), 1, "migrating again keeps the ledger");
            let c = s.client().await.unwrap();
            c.execute("UPDATE twinbot_schema SET version = version + 1", &[]).await.unwrap();
            let e = s.migrate().await.unwrap_err();
            assert!(matches!(e, StoreError::TooNew { found, .. } if found == SCHEMA_VERSION + 1), "{e}");
            assert!(!e.to_string().contains("password"), "{e}");
        });
    }

    #[tokio::test]
    async fn an_unknown_state_is_an_error_not_a_default() {
        on_postgres!(s => {
            let p = s.record_intent(&new_post("Leeds/Dortmund/2029"), t("2029-06-02T08:00:00Z")).await.unwrap();
            let c = s.client().await.unwrap();
            c.execute("UPDATE posts SET state = 'lost' WHERE id = $1", &[&p.id]).await.unwrap();
            let e = s.post(p.guild_id, &p.key).await.unwrap_err();
            assert!(matches!(&e, StoreError::Corrupt { column: "posts.state", value, .. } if value == "lost"), "{e}");
        });
    }

    /// A second store on the same test schema as `a`, as another replica would be.
    async fn beside(a: &PostgresStore) -> PostgresStore {
        let url = std::env::var("TWINBOT_TEST_POSTGRES").unwrap();
        let schema = a.config.get_options().unwrap().trim_start_matches("-c search_path=").to_string();
        PostgresStore::connect_in(&url, Some(&schema)).await.unwrap()
    }

    #[tokio::test]
    async fn one_process_leads_until_it_stops_then_another_takes_over() {
        on_postgres!(a => {
            let b = beside(&a).await;
            assert!(a.lead().await.unwrap(), "the first to ask leads");
            assert!(a.lead().await.unwrap(), "and keeps leading");
            assert!(!b.lead().await.unwrap(), "the second stands by");
            drop(a);
            let mut took_over = false;
            for _ in 0..50 {
                if b.lead().await.unwrap() {
                    took_over = true;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            assert!(took_over, "the leader's session ended, so the other takes over");
            let other = test_store().await.unwrap();
            assert!(other.lead().await.unwrap(), "a bot in another schema leads its own posts");
        });
    }

    /// A schema of its own at version 5, filled by `fill`; returns the URL and the schema.
    async fn schema_5(fill: &str) -> Option<(String, String)> {
        let url = std::env::var("TWINBOT_TEST_POSTGRES").ok().filter(|u| !u.trim().is_empty())?;
        let schema = format!("twinbot_test_v5_{}_{}", std::process::id(), Utc::now().timestamp_micros());
        let (mut client, conn) = tokio_postgres::connect(&url, NoTls).await.unwrap();
        tokio::spawn(conn);
        client.batch_execute(&format!("CREATE SCHEMA {schema}; SET search_path TO {schema}")).await.unwrap();
        let tx = client.transaction().await.unwrap();
        tx.batch_execute(
            "CREATE TABLE twinbot_schema (version INTEGER NOT NULL); INSERT INTO twinbot_schema VALUES (5)",
        )
        .await
        .unwrap();
        for step in &MIGRATIONS[..5] {
            tx.batch_execute(step).await.unwrap();
        }
        tx.batch_execute(fill).await.unwrap();
        tx.commit().await.unwrap();
        Some((url, schema))
    }

    #[tokio::test]
    async fn schema_5_settings_and_homes_move_into_documents() {
        let Some((url, schema)) = schema_5(conformance::SCHEMA_5_FILLED).await else {
            return eprintln!("skipped: TWINBOT_TEST_POSTGRES is not set");
        };
        let s = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
        assert_eq!(s.version().await.unwrap(), SCHEMA_VERSION);
        conformance::schema_5_moved_into_documents(&s).await;
        let c = s.client().await.unwrap();
        let old = c
            .query_one(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()
                 AND table_name IN ('settings', 'server_homes')",
                &[],
            )
            .await
            .unwrap();
        assert_eq!(old.get::<_, i64>(0), 0, "the old tables are gone");
        let kind: String = c
            .query_one("SELECT jsonb_typeof(state -> 'anniversaries' -> 'channel') FROM servers LIMIT 1", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(kind, "string", "ids are kept as Discord writes them");
    }

    /// The next notice within five seconds.
    async fn next(from: &mut tokio::sync::mpsc::UnboundedReceiver<Notice>) -> Notice {
        let wait = tokio::time::timeout(Duration::from_secs(5), from.recv()).await;
        wait.expect("a notice within 5 s").expect("still listening")
    }

    #[tokio::test]
    async fn another_replicas_writes_are_heard_and_caught_up_after_a_drop() {
        on_postgres!(a => {
            let b = beside(&a).await;
            let elsewhere = test_store().await.unwrap();
            let mut heard = a.listen().unwrap();
            assert_eq!(next(&mut heard).await, Notice::CatchUp, "listening: catch up with what came before");
            let state = conformance::posting_to(8);
            let now = t("2026-11-28T10:00:00Z");
            // A write in another schema is not heard here.
            elsewhere.write_server(&conformance::write(&state, 0, now)).await.unwrap();
            b.write_server(&conformance::write(&state, 0, now)).await.unwrap();
            assert_eq!(next(&mut heard).await, Notice::Server { guild_id: 7, version: 1 });
            assert_eq!(b.raise_data_version().await.unwrap(), 1);
            assert_eq!(next(&mut heard).await, Notice::Data { version: 1 });
            // A refused write says nothing.
            b.write_server(&conformance::write(&state, 0, now)).await.unwrap();
            // The listening connection is cut: the listener reconnects and asks to catch up.
            let c = b.client().await.unwrap();
            let name = format!("twinbot listen {}", std::process::id());
            let cut = c
                .query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
                    &[&name],
                )
                .await
                .unwrap();
            assert!(!cut.is_empty());
            assert_eq!(next(&mut heard).await, Notice::CatchUp);
            b.write_server(&conformance::write(&state, 1, now)).await.unwrap();
            assert_eq!(next(&mut heard).await, Notice::Server { guild_id: 7, version: 2 });
        });
    }

    #[test]
    fn notices_are_read_from_their_payloads() {
        assert_eq!(
            notice("server 1300000000000000000 4"),
            Some(Notice::Server { guild_id: 1_300_000_000_000_000_000, version: 4 })
        );
        assert_eq!(notice("data 3"), Some(Notice::Data { version: 3 }));
        for bad in ["", "server 1", "data", "data x", "server 1 2 3", "other 1 2"] {
            assert_eq!(notice(bad), None, "{bad}");
        }
        assert_ne!(channel("a"), channel("b"));
        assert_eq!(leader_key("public"), leader_key(""), "the default schema keeps its key");
    }

    #[test]
    fn the_url_is_shown_without_its_password() {
        let c: tokio_postgres::Config = "postgres://bot:s3cret@db.example.org:5433/twinbot".parse().unwrap();
        assert_eq!(shown(&c), "postgres://bot@db.example.org:5433/twinbot");
    }
}
