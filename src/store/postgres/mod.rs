//! The PostgreSQL store (tokio-postgres, pooled by deadpool-postgres), for any number of twinbot
//! processes sharing one database. Its schema has the same versions as SQLite's, in PostgreSQL's
//! dialect (`migrations/`), recorded in `twinbot_schema`; each step runs in a transaction under a
//! transaction-scoped advisory lock, so replicas starting together migrate once.
//!
//! Connections are plain TCP: keep the database on the same host or a private network.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::{NoTls, Row};

use super::{failure_row, problem_columns, problem_of};
use crate::anniversaries::settings::StoredSettings;
use crate::ledger::{nonce, Cause, NewPost, PostRecord, PostState, Problem, Store, StoreError, Stream};

/// The schema, one file per version, as for SQLite. Never edit a released step; add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_failure_codes.sql"),
    include_str!("migrations/0003_server_homes.sql"),
    include_str!("migrations/0004_post_language.sql"),
    include_str!("migrations/0005_reminders.sql"),
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

/// The advisory lock the poster's leader holds: FNV-1a of "twinbot poster" and the schema, so
/// that bots in different schemas of one database do not stand in for each other.
fn leader_key(schema: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in "twinbot poster ".bytes().chain(schema.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

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
        let leader_key = leader_key(schema.unwrap_or(""));
        let open = |source: BoxError| StoreError::Open { path: PathBuf::from(&shown), source };
        let manager =
            Manager::from_config(config.clone(), NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager).max_size(POOL_SIZE).build().map_err(|e| open(Box::new(e)))?;
        // Connect once now, so that a wrong URL or a server that is down stops the start.
        let client = pool.get().await.map_err(|e| open(Box::new(e)))?;
        drop(client);
        let store = PostgresStore { pool, config, leader_key, leader: tokio::sync::Mutex::new(None), shown };
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
        c.batch_execute("CREATE TABLE IF NOT EXISTS twinbot_schema (version INTEGER NOT NULL)")
            .await
            .map_err(|e| StoreError::Migrate { path: path.clone(), version: 1, source: Box::new(e) })?;
        loop {
            let tx = c.transaction().await.map_err(query)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(query)?;
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

const SETTINGS_COLUMNS: &str =
    "guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at, updated_by, language, \
     remind_days, remind_channel_id";

const POST_COLUMNS: &str = "id, guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state, attempts, \
                            belated, message_id, failure, failure_status, failure_code, failure_detail, stopped, \
                            next_try, created_at, updated_at";

fn row_settings(r: &Row) -> Result<StoredSettings, StoreError> {
    Ok(StoredSettings {
        guild_id: id_out(r.try_get(0).map_err(query)?),
        enabled: r.try_get(1).map_err(query)?,
        channel_id: r.try_get::<_, Option<i64>>(2).map_err(query)?.map(id_out),
        at: r.try_get(3).map_err(query)?,
        timezone: r.try_get(4).map_err(query)?,
        digest: r.try_get(5).map_err(query)?,
        template: r.try_get(6).map_err(query)?,
        role_id: r.try_get::<_, Option<i64>>(7).map_err(query)?.map(id_out),
        updated_at: r.try_get(8).map_err(query)?,
        updated_by: r.try_get::<_, Option<i64>>(9).map_err(query)?.map(id_out),
        language: r.try_get(10).map_err(query)?,
        remind_days: r.try_get::<_, Option<i32>>(11).map_err(query)?.and_then(|d| u32::try_from(d).ok()),
        remind_channel_id: r.try_get::<_, Option<i64>>(12).map_err(query)?.map(id_out),
    })
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
    let row = c
        .query_opt(
            &format!(
                "INSERT INTO posts (guild_id, post_key, due_utc, channel_id, nonce, content, role_id, state,
                                    attempts, belated, failure, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, $11, $11) {on_conflict} RETURNING id"
            ),
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
    let row = c
        .query_opt(
            &format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = $1 AND post_key = $2"),
            &[&id_in(guild_id), &key],
        )
        .await
        .map_err(query)?;
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

    async fn settings(&self, guild_id: u64) -> Result<Option<StoredSettings>, StoreError> {
        let c = self.client().await?;
        let row = c
            .query_opt(&format!("SELECT {SETTINGS_COLUMNS} FROM settings WHERE guild_id = $1"), &[&id_in(guild_id)])
            .await
            .map_err(query)?;
        row.as_ref().map(row_settings).transpose()
    }

    /// A row that cannot be read is logged and left out, as with SQLite.
    async fn all_settings(&self) -> Result<Vec<StoredSettings>, StoreError> {
        let c = self.client().await?;
        let rows =
            c.query(&format!("SELECT {SETTINGS_COLUMNS} FROM settings ORDER BY guild_id"), &[]).await.map_err(query)?;
        let mut out = Vec::new();
        for r in &rows {
            match row_settings(r) {
                Ok(s) => out.push(s),
                Err(e) => {
                    let guild = r.try_get::<_, i64>(0).map(id_out).unwrap_or(0);
                    tracing::error!(guild, "ignoring this server's saved settings: {e}")
                }
            }
        }
        Ok(out)
    }

    async fn save_settings(&self, s: &StoredSettings) -> Result<(), StoreError> {
        let c = self.client().await?;
        c.execute(
            &format!(
                "INSERT INTO settings ({SETTINGS_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (guild_id) DO UPDATE SET enabled = $2, channel_id = $3, at = $4, timezone = $5,
                     digest = $6, template = $7, role_id = $8, updated_at = $9, updated_by = $10, language = $11,
                     remind_days = $12, remind_channel_id = $13"
            ),
            &[
                &id_in(s.guild_id),
                &s.enabled,
                &s.channel_id.map(id_in),
                &s.at,
                &s.timezone,
                &s.digest,
                &s.template,
                &s.role_id.map(id_in),
                &s.updated_at,
                &s.updated_by.map(id_in),
                &s.language,
                &s.remind_days.and_then(|d| i32::try_from(d).ok()),
                &s.remind_channel_id.map(id_in),
            ],
        )
        .await
        .map_err(query)?;
        Ok(())
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
        c.execute(
            &format!(
                "INSERT INTO {table} (guild_id, channel_id, since) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id, channel_id) DO NOTHING"
            ),
            &[&g, &ch, &now],
        )
        .await
        .map_err(query)?;
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
        let c = self.client().await?;
        let table = stream.since_table();
        c.execute(
            &format!(
                "INSERT INTO {table} (guild_id, channel_id, since) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id, channel_id) DO UPDATE SET since = excluded.since"
            ),
            &[&id_in(guild_id), &id_in(channel_id), &now],
        )
        .await
        .map_err(query)?;
        Ok(())
    }

    async fn post(&self, guild_id: u64, key: &str) -> Result<Option<PostRecord>, StoreError> {
        select_post(&self.client().await?, guild_id, key).await
    }

    async fn posts(&self, guild_id: u64) -> Result<Vec<PostRecord>, StoreError> {
        let c = self.client().await?;
        let rows = c
            .query(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE guild_id = $1 ORDER BY due_utc DESC, id DESC"),
                &[&id_in(guild_id)],
            )
            .await
            .map_err(query)?;
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
        tx.execute("UPDATE posts SET nonce = $1 WHERE id = $2", &[&nonce(id), &id]).await.map_err(query)?;
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
        c.execute(
            "UPDATE posts SET state = 'sent', message_id = $2, failure = NULL, failure_status = NULL,
                 failure_code = NULL, failure_detail = NULL, stopped = NULL, next_try = NULL, updated_at = $3
             WHERE id = $1",
            &[&id, &id_in(message_id), &now],
        )
        .await
        .map_err(query)?;
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

    async fn all_homes(&self) -> Result<Vec<(u64, Vec<String>)>, StoreError> {
        let c = self.client().await?;
        let rows =
            c.query("SELECT guild_id, home FROM server_homes ORDER BY guild_id, position", &[]).await.map_err(query)?;
        let mut out: Vec<(u64, Vec<String>)> = Vec::new();
        for r in rows {
            let (guild, home): (u64, String) = (id_out(r.get(0)), r.get(1));
            match out.last_mut() {
                Some((g, homes)) if *g == guild => homes.push(home),
                _ => out.push((guild, vec![home])),
            }
        }
        Ok(out)
    }

    async fn save_homes(&self, guild_id: u64, homes: &[String]) -> Result<(), StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(query)?;
        tx.execute("DELETE FROM server_homes WHERE guild_id = $1", &[&id_in(guild_id)]).await.map_err(query)?;
        for (i, home) in homes.iter().enumerate() {
            tx.execute(
                "INSERT INTO server_homes (guild_id, home, position) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id, home) DO NOTHING",
                &[&id_in(guild_id), home, &(i as i32)],
            )
            .await
            .map_err(query)?;
        }
        tx.commit().await.map_err(query)
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
        on_postgres!(s => conformance::a_servers_homes_are_saved_in_order_and_cleared(&s).await);
        on_postgres!(s => conformance::ledger_records_intent_then_result(&s).await);
        on_postgres!(s => conformance::every_problem_round_trips_through_its_columns(&s).await);
        on_postgres!(s => conformance::settings_round_trip_and_enabled_since_is_set_once(&s).await);
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

    #[tokio::test]
    async fn one_process_leads_until_it_stops_then_another_takes_over() {
        on_postgres!(a => {
            let url = std::env::var("TWINBOT_TEST_POSTGRES").unwrap();
            let schema = a.config.get_options().unwrap().trim_start_matches("-c search_path=").to_string();
            let b = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
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

    #[test]
    fn the_url_is_shown_without_its_password() {
        let c: tokio_postgres::Config = "postgres://bot:s3cret@db.example.org:5433/twinbot".parse().unwrap();
        assert_eq!(shown(&c), "postgres://bot@db.example.org:5433/twinbot");
    }
}
