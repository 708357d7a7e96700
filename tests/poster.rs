//! The poster across time and restarts, on tokio's paused clock with the database in a
//! temporary folder: every post once, at the right local time; belated within the grace
//! window; no duplicate and no loss when the bot is killed before or after recording a post;
//! refusals recorded, shown and retried a bounded number of times. The year of posts runs on
//! PostgreSQL too when `TWINBOT_TEST_POSTGRES` names a database.

mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use support::{leeds, root};
use twinbot::app::App;
use twinbot::commands::Invocation;
use twinbot::commands::{self, Args, Ctx};
use twinbot::config::Config;
use twinbot::core::reply::Text;
use twinbot::ledger::poster::{self, Clock, Outbox, Outgoing, SendError, TokioClock, MAX_ATTEMPTS};
use twinbot::ledger::{NewPost, PostRecord, PostState, Problem, ServerWrite, Store, StoreError, Stream, Written};
use twinbot::state::pending::Pending;
use twinbot::state::town::{TownDate, TownRecord, TownWrite, TownWritten};
use twinbot::state::{Anniversaries, ServerRecord};
use twinbot::store::{PostgresStore, SqliteStore};

const GUILD: u64 = 1_300_000_000_000_000_000;
const CHANNEL: u64 = 1_300_000_000_000_000_200;
const ROLE: u64 = 1_300_000_000_000_000_300;
/// The moderators' channel, where reminders go.
const MODS: u64 = 1_300_000_000_000_000_400;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// One message in the fake channel.
#[derive(Clone, Debug)]
struct Posted {
    id: u64,
    at: DateTime<Utc>,
    post: Outgoing,
}

/// How the fake behaves on the next send.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Normal,
    /// Posts the message, then never answers: the bot dies before recording the result.
    PostThenHang,
    /// Never reaches Discord: the bot dies after recording the intent, before sending.
    HangBeforePosting,
    /// Refuses with 403 Missing Permissions.
    Refuse,
}

/// A channel as Discord keeps it: messages, and nonces remembered for a few minutes.
struct FakeChannel {
    clock: Arc<dyn Clock>,
    mode: Mutex<Mode>,
    messages: Mutex<Vec<Posted>>,
    sends: Mutex<Vec<DateTime<Utc>>>,
    lookups: Mutex<usize>,
    /// The channel's history cannot be read (no Read Message History).
    lookup_fails: Mutex<bool>,
}

/// How long the fake remembers a nonce (Discord: "the past few minutes").
const FAKE_NONCE_MEMORY: chrono::Duration = chrono::Duration::minutes(5);

impl FakeChannel {
    fn new(clock: Arc<dyn Clock>) -> Arc<FakeChannel> {
        Arc::new(FakeChannel {
            clock,
            mode: Mutex::new(Mode::Normal),
            messages: Mutex::new(Vec::new()),
            sends: Mutex::new(Vec::new()),
            lookups: Mutex::new(0),
            lookup_fails: Mutex::new(false),
        })
    }
    fn set(&self, m: Mode) {
        *self.mode.lock().unwrap() = m;
    }
    fn messages(&self) -> Vec<Posted> {
        self.messages.lock().unwrap().clone()
    }
    fn sends(&self) -> usize {
        self.sends.lock().unwrap().len()
    }
}

#[serenity::async_trait]
impl Outbox for FakeChannel {
    fn render(&self, text: &Text) -> String {
        twinbot::discord::markdown::message_content(text)
    }

    /// What Discord promises ("the past few minutes"); the fake in fact remembers longer.
    fn nonce_memory(&self) -> chrono::Duration {
        chrono::Duration::minutes(2)
    }

    async fn send(&self, post: &Outgoing) -> Result<u64, SendError> {
        let now = self.clock.now();
        self.sends.lock().unwrap().push(now);
        let mode = *self.mode.lock().unwrap();
        match mode {
            Mode::Refuse => return Err(twinbot::discord::rest::refused(403, 50013, "Missing Permissions")),
            Mode::HangBeforePosting => std::future::pending::<()>().await,
            _ => {}
        }
        let id = {
            let mut msgs = self.messages.lock().unwrap();
            // enforce_nonce: the same nonce within the memory returns the first message.
            match msgs.iter().find(|m| m.post.nonce == post.nonce && now - m.at < FAKE_NONCE_MEMORY) {
                Some(m) => m.id,
                None => {
                    let id = 1_400_000_000_000_000_000 + msgs.len() as u64;
                    msgs.push(Posted { id, at: now, post: post.clone() });
                    id
                }
            }
        };
        if mode == Mode::PostThenHang {
            std::future::pending::<()>().await;
        }
        Ok(id)
    }

    async fn find_posted(&self, post: &Outgoing, after: DateTime<Utc>) -> Result<Option<u64>, SendError> {
        *self.lookups.lock().unwrap() += 1;
        if *self.lookup_fails.lock().unwrap() {
            return Err(twinbot::discord::rest::refused(403, 50013, "Missing Permissions"));
        }
        Ok(self
            .messages
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.post.channel_id == post.channel_id && m.post.content == post.content && m.at >= after)
            .map(|m| m.id))
    }
}

/// The config of a single community server, posting at 09:00 London time.
/// The config of a single-server setup on `db`; lines of `extra` go under `[anniversaries]`, but
/// those that start `discord.` under `[discord]`.
fn config(db: &Path, extra: &str) -> Config {
    let (discord, rest): (Vec<&str>, Vec<&str>) = extra.lines().partition(|l| l.starts_with("discord."));
    let discord: Vec<&str> = discord.iter().map(|l| l.trim_start_matches("discord.")).collect();
    let text = format!(
        "data = [{:?}]\ndatabase = {:?}\n[discord]\nguild_id = {GUILD}\n{}\n[anniversaries]\nchannel = {CHANNEL}\n{}",
        root().join("data/leeds.toml").display().to_string(),
        db.display().to_string(),
        discord.join("\n"),
        rest.join("\n")
    );
    Config::parse(&db.with_file_name("config.toml"), &text).unwrap()
}

/// A fresh start of the bot's service on `store` (config beside `db`), as after a restart.
async fn boot_on(store: Arc<dyn Store>, db: &Path, extra: &str) -> Arc<App> {
    let c = config(db, extra);
    Arc::new(App::new(&c, leeds(), store).await.unwrap())
}

/// PostgreSQL on tokio's paused clock.
type Paused = support::OffTheClock<PostgresStore>;

#[async_trait::async_trait]
impl Store for Paused {
    fn describe(&self) -> String {
        self.0.describe()
    }
    async fn ping(&self) -> Result<(), StoreError> {
        self.call(|s| async move { s.ping().await }).await
    }
    async fn lead(&self) -> Result<bool, StoreError> {
        self.call(|s| async move { s.lead().await }).await
    }
    async fn server(&self, guild_id: u64) -> Result<Option<ServerRecord>, StoreError> {
        self.call(move |s| async move { s.server(guild_id).await }).await
    }
    async fn servers(&self) -> Result<Vec<ServerRecord>, StoreError> {
        self.call(|s| async move { s.servers().await }).await
    }
    async fn server_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        self.call(|s| async move { s.server_versions().await }).await
    }
    async fn write_server(&self, w: &ServerWrite<'_>) -> Result<Written, StoreError> {
        let (state, restart) = (w.state.clone(), w.restart.clone());
        let (guild_id, expected, by, at) = (w.guild_id, w.expected, w.by, w.at);
        self.call(move |s| async move {
            s.write_server(&ServerWrite { guild_id, expected, state: &state, by, at, restart }).await
        })
        .await
    }
    async fn data_version(&self) -> Result<i64, StoreError> {
        self.call(|s| async move { s.data_version().await }).await
    }
    async fn town(&self, g: u64) -> Result<Option<TownRecord>, StoreError> {
        self.call(move |s| async move { s.town(g).await }).await
    }
    async fn town_version(&self, g: u64, v: i64) -> Result<Option<TownRecord>, StoreError> {
        self.call(move |s| async move { s.town_version(g, v).await }).await
    }
    async fn town_history(&self, g: u64, n: u32) -> Result<Vec<TownRecord>, StoreError> {
        self.call(move |s| async move { s.town_history(g, n).await }).await
    }
    async fn town_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
        self.call(|s| async move { s.town_versions().await }).await
    }
    async fn write_town(&self, w: &TownWrite<'_>) -> Result<TownWritten, StoreError> {
        let (document, dates, change) = (w.document.map(str::to_string), w.dates.to_vec(), w.change.clone());
        let (guild_id, expected, by, at) = (w.guild_id, w.expected, w.by, w.at);
        self.call(move |s| async move {
            let w =
                TownWrite { guild_id, expected, document: document.as_deref(), dates: &dates, change: &change, by, at };
            s.write_town(&w).await
        })
        .await
    }
    async fn town_dates(&self, g: Option<u64>) -> Result<Vec<(u64, TownDate)>, StoreError> {
        self.call(move |s| async move { s.town_dates(g).await }).await
    }
    async fn erase_deleted_towns(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.call(move |s| async move { s.erase_deleted_towns(before).await }).await
    }
    async fn town_feed(&self, guild_id: u64) -> Result<Option<String>, StoreError> {
        self.call(move |s| async move { s.town_feed(guild_id).await }).await
    }
    async fn set_town_feed(&self, guild_id: u64, token: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let token = token.to_string();
        self.call(move |s| async move { s.set_town_feed(guild_id, &token, now).await }).await
    }
    async fn town_of_feed(&self, token: &str) -> Result<Option<u64>, StoreError> {
        let token = token.to_string();
        self.call(move |s| async move { s.town_of_feed(&token).await }).await
    }
    async fn hold_pending(&self, p: &Pending) -> Result<(), StoreError> {
        let p = p.clone();
        self.call(move |s| async move { s.hold_pending(&p).await }).await
    }
    async fn pending(&self, id: u64) -> Result<Option<Pending>, StoreError> {
        self.call(move |s| async move { s.pending(id).await }).await
    }
    async fn drop_pending(&self, id: u64) -> Result<bool, StoreError> {
        self.call(move |s| async move { s.drop_pending(id).await }).await
    }
    async fn drop_expired(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        self.call(move |s| async move { s.drop_expired(now).await }).await
    }
    async fn raise_data_version(&self) -> Result<i64, StoreError> {
        self.call(|s| async move { s.raise_data_version().await }).await
    }
    async fn enabled_since(&self, w: Stream, g: u64, c: u64, now: DateTime<Utc>) -> Result<DateTime<Utc>, StoreError> {
        self.call(move |s| async move { s.enabled_since(w, g, c, now).await }).await
    }
    async fn restart_enabled_since(&self, w: Stream, g: u64, c: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |s| async move { s.restart_enabled_since(w, g, c, now).await }).await
    }
    async fn post(&self, g: u64, key: &str) -> Result<Option<PostRecord>, StoreError> {
        let key = key.to_string();
        self.call(move |s| async move { s.post(g, &key).await }).await
    }
    async fn posts(&self, g: u64) -> Result<Vec<PostRecord>, StoreError> {
        self.call(move |s| async move { s.posts(g).await }).await
    }
    async fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError> {
        self.call(|s| async move { s.unfinished_posts().await }).await
    }
    async fn record_intent(&self, p: &NewPost, now: DateTime<Utc>) -> Result<PostRecord, StoreError> {
        let p = p.clone();
        self.call(move |s| async move { s.record_intent(&p, now).await }).await
    }
    async fn record_retry(&self, id: i64, c: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |s| async move { s.record_retry(id, c, now).await }).await
    }
    async fn record_sent(&self, id: i64, m: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |s| async move { s.record_sent(id, m, now).await }).await
    }
    async fn record_failure(
        &self,
        id: i64,
        state: PostState,
        problem: &Problem,
        next_try: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let problem = problem.clone();
        self.call(move |s| async move { s.record_failure(id, state, &problem, next_try, now).await }).await
    }
    async fn record_missed(&self, p: &NewPost, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let p = p.clone();
        self.call(move |s| async move { s.record_missed(&p, now).await }).await
    }
    async fn record_revision(
        &self,
        id: i64,
        content: &str,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let content = content.to_string();
        self.call(move |s| async move { s.record_revision(id, &content, due, now).await }).await
    }
    async fn record_closed(&self, id: i64, state: PostState, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.call(move |s| async move { s.record_closed(id, state, now).await }).await
    }
    async fn coming_events(&self, now: DateTime<Utc>) -> Result<Vec<PostRecord>, StoreError> {
        self.call(move |s| async move { s.coming_events(now).await }).await
    }
}

/// A store on a fresh schema of the database `TWINBOT_TEST_POSTGRES` names, or None. Made before
/// any timer is set, so the paused clock has nothing to jump to while it connects.
async fn postgres() -> Option<Arc<dyn Store>> {
    let url = std::env::var("TWINBOT_TEST_POSTGRES").ok().filter(|u| !u.is_empty())?;
    let schema = format!("twinbot_poster_{}_{}", std::process::id(), Utc::now().timestamp_micros());
    let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    client.batch_execute(&format!("CREATE SCHEMA {schema}")).await.unwrap();
    let store = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
    Some(Arc::new(support::OffTheClock(Arc::new(store))))
}

/// The server's settings as a moderator saves them: posts to CHANNEL at 09:00 London time, on
/// or off.
fn saved_settings(enabled: bool) -> Anniversaries {
    Anniversaries { enabled, channel: Some(CHANNEL), ..Anniversaries::default() }
}

/// Records that posts have been on since `since` (before the test's first pass).
async fn enabled_since(db: &Path, since: &str) {
    SqliteStore::open(db).unwrap().enabled_since(Stream::Posts, GUILD, CHANNEL, t(since)).await.unwrap();
}

/// One life of the bot: its service on the test's database, the poster running on a paused
/// clock from a given instant, and the channel it posts to.
struct Life {
    service: Arc<App>,
    channel: Arc<FakeChannel>,
    clock: Arc<TokioClock>,
    task: tokio::task::JoinHandle<()>,
}

impl Life {
    /// Starts the bot on `db` at `at` (config `extra`); the channel already holds `history`. The
    /// poster's first pass runs when the test first sleeps, so the channel can be set up first.
    async fn begin(db: &Path, at: &str, extra: &str, history: Vec<Posted>) -> Life {
        Life::begin_on(Arc::new(SqliteStore::open(db).unwrap()), db, at, extra, history).await
    }

    /// As [`Life::begin`], on any store.
    async fn begin_on(store: Arc<dyn Store>, db: &Path, at: &str, extra: &str, history: Vec<Posted>) -> Life {
        let clock = Arc::new(TokioClock::starting_at(t(at)));
        let channel = FakeChannel::new(clock.clone());
        *channel.messages.lock().unwrap() = history;
        let service = boot_on(store, db, extra).await;
        let task =
            tokio::spawn(poster::run(service.clone(), channel.clone(), clock.clone(), Duration::from_secs(86_400)));
        Life { service, channel, clock, task }
    }

    /// Lets `secs` seconds of (paused) time pass.
    async fn run(&self, secs: u64) {
        tokio::time::sleep(Duration::from_secs(secs)).await;
    }

    /// Ends this life, as a crash or `kill -9` would: no shutdown, no last words.
    fn kill(self) -> (Arc<App>, Arc<FakeChannel>) {
        self.task.abort();
        (self.service, self.channel)
    }

    /// The ledger entry of Dortmund's 60th.
    async fn dortmund(&self) -> twinbot::ledger::PostRecord {
        self.service.store().post(GUILD, "Leeds/Dortmund/2029").await.unwrap().expect("in the ledger")
    }
}

const HOUR: u64 = 3600;
const DAY: u64 = 86_400;

fn summary(m: &Posted) -> (String, String) {
    (m.at.to_rfc3339(), m.post.content.clone())
}

#[tokio::test(start_paused = true)]
async fn a_year_of_posts_goes_out_once_each_at_the_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    a_year_of_posts(Arc::new(SqliteStore::open(&db).unwrap()), &db).await;
}

#[tokio::test(start_paused = true)]
async fn a_year_of_posts_goes_out_once_each_at_the_local_time_on_postgresql() {
    let Some(store) = postgres().await else {
        eprintln!("skipped: TWINBOT_TEST_POSTGRES is not set");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    a_year_of_posts(store, &dir.path().join("twinbot.db")).await;
}

async fn a_year_of_posts(store: Arc<dyn Store>, db: &Path) {
    let life = Life::begin_on(store, db, "2028-12-31T12:00:00Z", &format!("role = {ROLE}"), vec![]).await;
    life.run(365 * DAY).await;
    let (service, fake) = life.kill();

    let got: Vec<(String, String)> = fake.messages().iter().map(summary).collect();
    let role = format!("<@&{ROLE}> ");
    let want: Vec<(String, String)> = vec![
        // Winter: 09:00 in London is 09:00 UTC; summer: 08:00 UTC.
        ("2029-01-01T09:00:00+00:00".into(), format!("{role}📅 **Leeds' anniversaries in 2029** of partnerships kn")),
        ("2029-06-02T08:00:00+00:00".into(), format!("{role}🎉 Today we celebrate the 60th anniversary of the twi")),
        ("2029-07-16T08:00:00+00:00".into(), format!("{role}🎉 Today we celebrate the 63rd anniversary of the twi")),
        ("2029-10-15T08:00:00+00:00".into(), format!("{role}🎉 Today we celebrate the 61st anniversary of the twi")),
        ("2029-12-06T09:00:00+00:00".into(), format!("{role}🎉 Today we celebrate the 6th anniversary of the fri")),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((at, text), (want_at, want_text)) in got.iter().zip(&want) {
        assert_eq!(at, want_at);
        assert!(text.starts_with(want_text.as_str()), "{text:?} should start with {want_text:?}");
    }
    let digest = &fake.messages()[0].post.content;
    for line in ["• Hangzhou 🇨🇳 — 41st", "• Durban 🇿🇦 — 31st", "• Brno 🇨🇿 — 26th"] {
        assert!(digest.contains(line), "{line} in\n{digest}");
    }
    assert!(!digest.contains("Lille"), "Lille's exact date is known: it has a post of its own");
    assert!(fake.messages().iter().all(|m| m.post.role_id == Some(ROLE)), "the role, and only it, may be pinged");
    assert_eq!(fake.sends(), 5, "no resends");
    let ledger = service.store().posts(GUILD).await.unwrap();
    assert_eq!(ledger.len(), 5);
    assert!(ledger.iter().all(|r| r.state == PostState::Sent && r.attempts == 1 && !r.belated));
    let nonces: std::collections::HashSet<&str> = ledger.iter().map(|r| r.nonce.as_str()).collect();
    assert_eq!(nonces.len(), 5, "one nonce per post");
}

#[tokio::test(start_paused = true)]
async fn with_shards_split_between_processes_only_the_process_owning_a_servers_shard_posts_for_it() {
    // Discord sends a server to shard (id >> 22) % total: two processes run one shard of two each.
    let shard = (GUILD >> 22) % 2;
    let dir = tempfile::tempdir().unwrap();
    let (owner_db, other_db) = (dir.path().join("owner/twinbot.db"), dir.path().join("other/twinbot.db"));
    std::fs::create_dir_all(owner_db.parent().unwrap()).unwrap();
    std::fs::create_dir_all(other_db.parent().unwrap()).unwrap();
    let start = "2029-05-31T12:00:00Z";
    let owner = Life::begin(&owner_db, start, &format!("discord.shards = \"{shard}/2\""), vec![]).await;
    let other = Life::begin(&other_db, start, &format!("discord.shards = \"{}/2\"", 1 - shard), vec![]).await;
    owner.run(3 * DAY).await;
    assert_eq!(owner.service.posting_servers().len(), 1, "the owner posts for the server");
    assert!(other.service.posting_servers().is_empty(), "the other process does not");
    let (_, owner_channel) = owner.kill();
    let (other_service, other_channel) = other.kill();
    let posted: Vec<(String, String)> = owner_channel.messages().iter().map(summary).collect();
    assert_eq!(posted.len(), 1, "Dortmund's 60th on 2 June: {posted:?}");
    assert!(posted[0].1.contains("60th anniversary"), "{posted:?}");
    assert_eq!(other_channel.sends(), 0);
    assert!(other_service.store().posts(GUILD).await.unwrap().is_empty(), "nothing in the other's ledger");
}

#[tokio::test(start_paused = true)]
async fn posts_missed_while_down_are_made_once_belated_within_the_grace_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2028-12-01T00:00:00Z").await;
    // Down from before the new year until 4 June: Dortmund (2 June) is 2 days late, the
    // digest (1 January) five months late.
    let life = Life::begin(&db, "2029-06-04T10:00:00Z", "", vec![]).await;
    life.run(HOUR).await;
    let (service, fake) = life.kill();

    let msgs = fake.messages();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert_eq!(
        msgs[0].post.content,
        "🎉 Today we celebrate the 60th anniversary of the twinning between Leeds and Dortmund (Germany), which dates \
         from 2 June 1969.\n-# Belated: this was due on 2 June 2029 at 09:00 (Europe/London), while twinbot was offline."
    );
    assert_eq!(msgs[0].at, t("2029-06-04T10:00:00Z"), "at once on restart");
    let ledger = service.store().posts(GUILD).await.unwrap();
    let state = |key: &str| ledger.iter().find(|r| r.key == key).map(|r| (r.state, r.belated));
    assert_eq!(state("Leeds/Dortmund/2029"), Some((PostState::Sent, true)));
    assert_eq!(state("digest/2029"), Some((PostState::Missed, false)), "older than 7 days: recorded, not posted");

    // Another restart a day later posts nothing again.
    drop(service);
    let life = Life::begin(&db, "2029-06-05T10:00:00Z", "", fake.messages()).await;
    life.run(HOUR).await;
    assert_eq!(life.kill().1.sends(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_grace_window_from_config_decides_what_is_still_posted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2028-12-01T00:00:00Z").await;
    let life = Life::begin(&db, "2029-06-04T10:00:00Z", "grace_days = 1", vec![]).await;
    life.run(HOUR).await;
    assert_eq!(life.channel.sends(), 0, "2 days late with a 1-day grace window: not posted");
    assert_eq!(life.dortmund().await.state, PostState::Missed);
}

#[tokio::test(start_paused = true)]
async fn posts_are_not_made_for_dates_before_posting_was_turned_on() {
    let dir = tempfile::tempdir().unwrap();
    // First run on 4 June: Dortmund's 60th was two days ago, before posts were on.
    let life = Life::begin(&dir.path().join("twinbot.db"), "2029-06-04T10:00:00Z", "", vec![]).await;
    life.run(45 * DAY).await;
    let (service, fake) = life.kill();
    let got: Vec<String> = fake.messages().iter().map(|m| m.at.to_rfc3339()).collect();
    assert_eq!(got, vec!["2029-07-16T08:00:00+00:00"], "only Siegen, due after posts were turned on");
    assert!(service.store().post(GUILD, "Leeds/Dortmund/2029").await.unwrap().is_none(), "not even counted as missed");
}

/// Runs the poster at Dortmund's 60th until the fake has the message (or the send began), then
/// kills it there.
async fn kill_while_posting(db: &Path, mode: Mode) -> Arc<FakeChannel> {
    enabled_since(db, "2029-01-02T00:00:00Z").await;
    let life = Life::begin(db, "2029-06-02T07:59:00Z", "", vec![]).await;
    life.channel.set(mode);
    life.run(120).await;
    assert_eq!(life.channel.sends(), 1);
    let r = life.dortmund().await;
    assert_eq!((r.state, r.attempts), (PostState::Sending, 1), "killed before the result was recorded");
    life.kill().1
}

/// Restarts at `at` on the same database, with the channel's messages so far, and lets it run an hour.
async fn restart(db: &Path, fake: &Arc<FakeChannel>, at: &str) -> (Arc<App>, Arc<FakeChannel>) {
    let life = Life::begin(db, at, "", fake.messages()).await;
    life.run(HOUR).await;
    life.kill()
}

#[tokio::test(start_paused = true)]
async fn killed_after_sending_before_recording_restarted_at_once_the_nonce_prevents_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = kill_while_posting(&db, Mode::PostThenHang).await;
    let (service, after) = restart(&db, &fake, "2029-06-02T08:01:00Z").await;
    assert_eq!(after.sends(), 1, "sent again, with the same nonce");
    assert_eq!(after.messages().len(), 1, "Discord returned the first message: no duplicate");
    let r = service.store().post(GUILD, "Leeds/Dortmund/2029").await.unwrap().unwrap();
    assert_eq!((r.state, r.attempts, r.message_id), (PostState::Sent, 2, Some(after.messages()[0].id)));
}

#[tokio::test(start_paused = true)]
async fn killed_after_sending_before_recording_restarted_later_the_channel_is_checked_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = kill_while_posting(&db, Mode::PostThenHang).await;
    // An hour later Discord has forgotten the nonce: a blind resend would be a duplicate.
    let (service, after) = restart(&db, &fake, "2029-06-02T09:00:00Z").await;
    assert_eq!(*after.lookups.lock().unwrap(), 1);
    assert_eq!(after.sends(), 0, "found in the channel: not sent again");
    assert_eq!(after.messages().len(), 1);
    let r = service.store().post(GUILD, "Leeds/Dortmund/2029").await.unwrap().unwrap();
    assert_eq!((r.state, r.message_id), (PostState::Sent, Some(after.messages()[0].id)));
}

#[tokio::test(start_paused = true)]
async fn killed_after_recording_the_intent_before_it_reached_discord_the_post_is_not_lost() {
    for restart_at in ["2029-06-02T08:01:00Z", "2029-06-02T09:00:00Z"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("twinbot.db");
        let fake = kill_while_posting(&db, Mode::HangBeforePosting).await;
        assert!(fake.messages().is_empty());
        let (service, after) = restart(&db, &fake, restart_at).await;
        assert_eq!(after.messages().len(), 1, "restarted at {restart_at}: posted once");
        assert_eq!(service.store().post(GUILD, "Leeds/Dortmund/2029").await.unwrap().unwrap().state, PostState::Sent);
    }
}

#[tokio::test(start_paused = true)]
async fn killed_after_recording_the_result_nothing_is_sent_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2029-01-02T00:00:00Z").await;
    let life = Life::begin(&db, "2029-06-02T07:59:00Z", "", vec![]).await;
    life.run(120).await;
    assert_eq!(life.dortmund().await.state, PostState::Sent);
    let (service, fake) = life.kill();
    drop(service);
    let (service, after) = restart(&db, &fake, "2029-06-02T08:02:00Z").await;
    assert_eq!((after.sends(), *after.lookups.lock().unwrap()), (0, 0));
    assert_eq!(after.messages().len(), 1);
    assert_eq!(service.store().posts(GUILD).await.unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn refusals_are_recorded_retried_a_bounded_number_of_times_and_shown_to_moderators() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2029-01-02T00:00:00Z").await;
    let life = Life::begin(&db, "2029-06-02T07:59:00Z", "", vec![]).await;
    life.channel.set(Mode::Refuse);
    life.run(3 * DAY).await;
    let r = life.dortmund().await;
    let (service, fake) = life.kill();

    let tries: Vec<String> = fake.sends.lock().unwrap().iter().map(|t| t.format("%H:%M").to_string()).collect();
    assert_eq!(tries, vec!["08:00", "08:05", "08:35", "10:35", "16:35"], "5 tries, spaced out, then no more");
    assert_eq!(tries.len() as u32, MAX_ATTEMPTS);
    assert_eq!((r.state, r.attempts), (PostState::GaveUp, 5));
    assert!(r
        .error()
        .as_deref()
        .unwrap()
        .starts_with("Discord refused the post: 403 Missing Permissions (code 50013)"));

    // /anniversary-settings shows it to moderators.
    let dir_data = service.directory();
    let posting = service.settings_for(Some(GUILD));
    let moderator = Invocation::in_server(GUILD, CHANNEL, 1, twinbot::discord::permissions::of(8192));
    let ledger = service.store().posts(GUILD).await.unwrap();
    let ctx = Ctx {
        inv: &moderator,
        posting: &posting,
        ledger: &ledger,
        ..Ctx::new(&dir_data, chrono::NaiveDate::from_ymd_opt(2029, 6, 2).unwrap())
    };
    let reply = commands::run(commands::find("anniversary-settings").unwrap(), &ctx, &Args::new()).reply;
    let problems = reply.fields.iter().find(|f| f.name == "Problems").expect("a Problems field");
    let text = twinbot::cli::plain::plain(&problems.value);
    assert!(text.starts_with("⚠️ Leeds/Dortmund/2029 · due 2 Jun 2029 08:00 UTC · not posted after 5 tries"), "{text}");
    assert!(text.contains("give the bot View Channel, Send Messages and Read Message History"), "{text}");
    // Dortmund's post, today, is in the ledger: the next post is Siegen's.
    let next = reply.fields.iter().find(|f| f.name == "Next posts").expect("a Next posts field");
    let next = twinbot::cli::plain::plain(&next.value);
    assert_eq!(next.lines().next(), Some("16 Jul 2029 09:00 — Siegen (63rd anniversary)"), "{next}");
}

#[tokio::test(start_paused = true)]
async fn a_refused_post_goes_out_once_the_moderator_fixes_the_channel() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2029-01-02T00:00:00Z").await;
    let life = Life::begin(&db, "2029-06-02T07:59:00Z", "", vec![]).await;
    life.channel.set(Mode::Refuse);
    life.run(10 * 60).await;
    assert_eq!(life.channel.sends(), 2);
    life.channel.set(Mode::Normal); // the permission is given
    life.run(HOUR).await;
    assert_eq!(life.channel.sends(), 3, "the third try, at 08:35, succeeds");
    assert_eq!(life.channel.messages().len(), 1);
    let r = life.dortmund().await;
    assert_eq!((r.state, r.attempts, r.error()), (PostState::Sent, 3, None));
}

#[tokio::test(start_paused = true)]
async fn when_the_channel_cannot_be_checked_the_post_is_not_sent_blind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = kill_while_posting(&db, Mode::PostThenHang).await;
    // Restarted an hour later, without Read Message History: it cannot tell whether the post
    // went out, and Discord has forgotten the nonce.
    let life = Life::begin(&db, "2029-06-02T09:00:00Z", "", fake.messages()).await;
    *life.channel.lookup_fails.lock().unwrap() = true;
    life.run(60).await;
    assert_eq!(life.channel.sends(), 0, "no blind resend");
    let r = life.dortmund().await;
    assert_eq!(r.state, PostState::Failed);
    assert!(r.error().as_deref().unwrap().contains("give the bot Read Message History"), "{r:?}");
    // The permission is given: the next look finds the message, and nothing is sent.
    *life.channel.lookup_fails.lock().unwrap() = false;
    life.run(HOUR).await;
    assert_eq!(life.channel.sends(), 0);
    assert_eq!(life.channel.messages().len(), 1);
    assert_eq!(life.dortmund().await.state, PostState::Sent);
}

#[tokio::test(start_paused = true)]
async fn turning_posts_off_and_on_again_neither_posts_nor_misses_what_fell_due_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2029-01-02T00:00:00Z").await;
    let life = Life::begin(&db, "2029-05-30T12:00:00Z", "", vec![]).await;
    life.channel.set(Mode::Refuse);
    let save = |enabled, at| {
        let service = life.service.clone();
        async move { service.save_anniversaries(GUILD, &saved_settings(enabled), Some(1), at).await.unwrap() }
    };
    // Dortmund's post at 08:00 on 2 June is refused once, then the moderator turns posts off.
    life.run(2 * DAY + 20 * HOUR + 60).await;
    assert_eq!(life.channel.sends(), 1);
    save(false, life.clock.now()).await;
    life.run(HOUR).await;
    let r = life.dortmund().await;
    assert_eq!(r.state, PostState::GaveUp, "not left as 'will retry' while posts are off");
    assert!(r.error().unwrap().ends_with("posts were turned off since"));
    // Off through 16 July (Siegen's day); on again on 17 July: Siegen is neither posted nor missed.
    life.run(45 * DAY).await;
    life.channel.set(Mode::Normal);
    save(true, life.clock.now()).await;
    life.run(DAY).await;
    let (service, fake) = life.kill();
    assert_eq!(fake.sends(), 1, "nothing posted for the time posts were off");
    assert!(service.store().post(GUILD, "Leeds/Siegen/2029").await.unwrap().is_none());
}

// ---- advance reminders ----

#[tokio::test(start_paused = true)]
async fn reminders_go_out_once_each_at_the_local_time_across_a_restart_and_daylight_saving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let extra = format!("role = {ROLE}\nremind_days = 30\nremind_channel = {MODS}");
    // The first life runs to 1 June (after Dortmund's reminder, before its post); the bot is
    // killed and a second life runs to the end of the year.
    let first = Life::begin(&db, "2028-12-31T12:00:00Z", &extra, vec![]).await;
    first.run(152 * DAY - 12 * HOUR).await;
    let (_, first_channel) = first.kill();
    let second = Life::begin(&db, "2029-06-01T00:00:00Z", &extra, first_channel.messages()).await;
    second.run(213 * DAY).await;
    let (service, second_channel) = second.kill();

    let mut all = first_channel.messages();
    all.extend(second_channel.messages().into_iter().filter(|m| m.at >= t("2029-06-01T00:00:00Z")));
    let reminders: Vec<(String, String)> = all.iter().filter(|m| m.post.channel_id == MODS).map(summary).collect();
    let want = [
        // 30 days before, at 09:00 London time: BST (08:00 UTC) until October, GMT after.
        ("2029-05-03T08:00:00+00:00", "⏰ Dortmund's 60th anniversary is in 30 days (2 June 2029) ★ milestone"),
        ("2029-06-16T08:00:00+00:00", "⏰ Siegen's 63rd anniversary is in 30 days (16 July 2029)"),
        ("2029-09-15T08:00:00+00:00", "⏰ Lille's 61st anniversary is in 30 days (15 October 2029)"),
        ("2029-11-06T09:00:00+00:00", "⏰ Kharkiv's 6th anniversary is in 30 days (6 December 2029)"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(reminders, want);
    assert!(all.iter().filter(|m| m.post.channel_id == MODS).all(|m| m.post.role_id.is_none()), "they ping nobody");
    // The posts still go to their channel, pinging the role, once each.
    let posts: Vec<&Posted> = all.iter().filter(|m| m.post.channel_id == CHANNEL).collect();
    assert_eq!(posts.len(), 5, "{posts:?}");
    assert!(posts.iter().all(|m| m.post.role_id == Some(ROLE)));
    let ledger = service.store().posts(GUILD).await.unwrap();
    let reminder_rows: Vec<&PostRecord> = ledger.iter().filter(|r| r.key.starts_with("remind/")).collect();
    assert_eq!(reminder_rows.len(), 4);
    assert!(reminder_rows.iter().all(|r| r.state == PostState::Sent && r.attempts == 1 && !r.belated));
    assert!(ledger.iter().any(|r| r.key == "remind/Leeds/Dortmund/2029"));
    assert_eq!(first_channel.sends() + second_channel.sends(), 9, "no resends across the restart");
}

#[tokio::test(start_paused = true)]
async fn reminders_turned_on_later_count_from_then_and_one_stopped_while_sending_is_made_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    enabled_since(&db, "2029-01-01T00:00:00Z").await;
    // Posts have been on since January; reminders are turned on on 10 June (saved settings).
    let life = Life::begin(&db, "2029-06-10T10:00:00Z", "", vec![]).await;
    let saved = Anniversaries { remind_days: Some(30), remind_channel: Some(MODS), ..saved_settings(true) };
    life.service.save_anniversaries(GUILD, &saved, Some(1), t("2029-06-10T10:00:00Z")).await.unwrap();
    // The bot stops while sending Siegen's reminder (16 June): its intent is recorded.
    life.run(5 * DAY).await;
    life.channel.set(Mode::HangBeforePosting);
    life.run(DAY).await;
    let (service, channel) = life.kill();
    let row = service.store().post(GUILD, "remind/Leeds/Siegen/2029").await.unwrap().expect("the intent");
    assert_eq!((row.state, row.attempts), (PostState::Sending, 1));
    assert!(channel.messages().is_empty());

    // Restarted a little later: it is sent once, with the same nonce; Dortmund's reminder
    // (3 May, before reminders were on) is neither posted nor recorded as missed.
    let life = Life::begin(&db, "2029-06-16T09:30:00Z", "", vec![]).await;
    life.run(HOUR).await;
    let (service, channel) = life.kill();
    let msgs = channel.messages();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert_eq!(msgs[0].post.channel_id, MODS);
    assert!(msgs[0].post.content.starts_with("⏰ Siegen's 63rd anniversary is in 30 days (16 July 2029)"));
    let row = service.store().post(GUILD, "remind/Leeds/Siegen/2029").await.unwrap().unwrap();
    assert_eq!((row.state, row.attempts), (PostState::Sent, 2));
    assert_eq!(msgs[0].post.nonce, row.nonce);
    assert_eq!(service.store().post(GUILD, "remind/Leeds/Dortmund/2029").await.unwrap(), None);
    let ledger = service.store().posts(GUILD).await.unwrap();
    let reminders: Vec<&str> = ledger.iter().filter(|r| r.key.starts_with("remind/")).map(|r| r.key.as_str()).collect();
    assert_eq!(reminders, ["remind/Leeds/Siegen/2029"], "no reminder recorded as missed");
}

/// A server's own town, as `/town create` and `/town add` make it: Morley, and Siegen twinned on
/// 21 May 1966.
async fn morley_with_siegen(service: &App) {
    use twinbot::state::town::{Facts, NewPartner, Texts, TownOp};
    let at = t("2029-01-01T00:00:00Z");
    let create = TownOp::Create { place: support::place("Morley", "GB") };
    service.change_town(GUILD, Some(42), &create, 0, at).await.unwrap();
    let new = NewPartner {
        facts: Facts {
            kind: "twinning".into(),
            year: 1966,
            date: chrono::NaiveDate::from_ymd_opt(1966, 5, 21),
            ..Facts::default()
        },
        texts: Texts { summary: "Morley and Siegen.".into(), ..Texts::default() },
        milestone: None,
        names: Vec::new(),
    };
    service
        .change_town(GUILD, Some(42), &TownOp::Add { place: support::place("Siegen", "DE"), new }, 1, at)
        .await
        .unwrap();
}

/// A server with its own town posts its anniversaries, not the loaded homes'; the town is read
/// only when one of its posts falls due; and a partner renamed is not posted again.
#[tokio::test(start_paused = true)]
async fn a_towns_anniversary_is_posted_once_and_not_again_after_a_rename() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    morley_with_siegen(&*boot_on(Arc::new(SqliteStore::open(&db).unwrap()), &db, "").await).await;
    enabled_since(&db, "2029-05-01T00:00:00Z").await;
    let life = Life::begin(&db, "2029-05-20T12:00:00Z", "", vec![]).await;
    life.run(HOUR).await;
    assert_eq!(life.service.towns_read(), 0, "nothing due: the town was planned from its dates alone");
    life.run(DAY).await;
    let posted: Vec<(String, String)> = life.channel.messages().iter().map(summary).collect();
    assert_eq!(posted.len(), 1, "{posted:?}");
    assert_eq!(posted[0].0, "2029-05-21T08:00:00+00:00", "09:00 in London");
    assert!(posted[0].1.contains("63rd anniversary of the twinning between Morley and Siegen"), "{posted:?}");
    assert_eq!(life.service.towns_read(), 1, "read to write the post");
    let ledger = life.service.store().posts(GUILD).await.unwrap();
    assert_eq!(ledger.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["town/siegen/2029"], "keyed by ids");
    let (service, channel) = life.kill();
    // Renamed in the town's document (as an import or an edit would), then restarted the same
    // day: the post is the same post, already made.
    let now = service.store().town(GUILD).await.unwrap().unwrap();
    let renamed = now.document.unwrap().replace("name = \"Siegen\"", "name = \"Siegen (Westfalen)\"");
    let partners = twinbot::state::town::checked(&renamed).unwrap();
    assert_eq!((partners[0].id.as_str(), partners[0].name.as_str()), ("siegen", "Siegen (Westfalen)"));
    let change = twinbot::state::town::TownChange::Edited { partner: "Siegen".into(), fields: vec!["name".into()] };
    let write = twinbot::state::town::TownWrite {
        guild_id: GUILD,
        expected: now.version,
        document: Some(&renamed),
        dates: &twinbot::state::town::dates(&partners),
        change: &change,
        by: Some(42),
        at: t("2029-05-21T09:00:00Z"),
    };
    service.store().write_town(&write).await.unwrap();
    drop(service);
    let history = channel.messages();
    let life = Life::begin(&db, "2029-05-21T10:00:00Z", "", history).await;
    life.run(2 * DAY).await;
    assert_eq!(life.channel.messages().len(), 1, "not posted again under its new name");
    assert_eq!(life.channel.sends(), 0);
}
