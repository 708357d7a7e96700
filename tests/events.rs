//! Anniversaries as Discord scheduled events, made by the real poster through the real REST
//! client (serenity) against the fake Discord over loopback, on tokio's paused clock: once each
//! for a year, across a restart and daylight saving; changed with the data and deleted when
//! turned off, never touching others' events; a missing permission recorded and shown; an event
//! made but whose answer was lost not made twice; one a moderator deleted not made again; and
//! no more than 25 of the bot's own at once.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;
use support::fake_discord::{FakeDiscord, APP_ID};
use support::{leeds, root, OffTheClock};
use twinbot::app::App;
use twinbot::commands::{Args, Invocation, Permissions};
use twinbot::config::Config;
use twinbot::core::reply::Text;
use twinbot::discord::rest::DiscordRest;
use twinbot::ledger::events::{EventHost, EventSpec};
use twinbot::ledger::poster::{self, Clock, Outbox, Outgoing, SendError, TokioClock};
use twinbot::ledger::{PostState, ServerWrite, Store};
use twinbot::state::{Anniversaries, ServerState};
use twinbot::store::SqliteStore;

const GUILD: u64 = 1_300_000_000_000_000_000;
const GUILD_ID: &str = "1300000000000000000";
const HOUR: u64 = 3600;
const DAY: u64 = 86_400;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The real REST client on tokio's paused clock: each request off the clock
/// ([`support::off_the_clock`]).
struct Paused(OffTheClock<DiscordRest>, LoseAnswer);

/// Whether the next event made loses its answer: Discord makes it, and the bot waits for an
/// answer that never comes (until it is killed).
type LoseAnswer = Arc<std::sync::atomic::AtomicBool>;

#[async_trait::async_trait]
impl Outbox for Paused {
    fn render(&self, text: &Text) -> String {
        self.0 .0.render(text)
    }
    async fn send(&self, _: &Outgoing) -> Result<u64, SendError> {
        Err(SendError::Transient("posts are off in these tests".into()))
    }
    async fn find_posted(&self, _: &Outgoing, _: DateTime<Utc>) -> Result<Option<u64>, SendError> {
        Ok(None)
    }
    fn nonce_memory(&self) -> chrono::Duration {
        self.0 .0.nonce_memory()
    }
    fn events(&self) -> Option<&dyn EventHost> {
        Some(self)
    }
}

#[async_trait::async_trait]
impl EventHost for Paused {
    fn describe(&self, text: &str, marker: &str) -> String {
        self.0 .0.describe(text, marker)
    }
    fn link(&self, guild_id: u64, event_id: u64) -> Option<String> {
        EventHost::link(&*self.0 .0, guild_id, event_id)
    }
    async fn create(&self, guild_id: u64, e: &EventSpec) -> Result<u64, SendError> {
        let e = e.clone();
        let made = self.0.call(move |r| async move { r.create(guild_id, &e).await }).await;
        if self.1.swap(false, std::sync::atomic::Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        made
    }
    async fn edit(&self, guild_id: u64, event_id: u64, e: &EventSpec) -> Result<(), SendError> {
        let e = e.clone();
        self.0.call(move |r| async move { r.edit(guild_id, event_id, &e).await }).await
    }
    async fn delete(&self, guild_id: u64, event_id: u64) -> Result<(), SendError> {
        self.0.call(move |r| async move { r.delete(guild_id, event_id).await }).await
    }
    async fn find(&self, guild_id: u64, marker: &str) -> Result<Option<u64>, SendError> {
        let marker = marker.to_string();
        self.0.call(move |r| async move { r.find(guild_id, &marker).await }).await
    }
}

/// A single-server setup on `db` talking to `fake`: posts off, the token in a file.
fn config(db: &Path, fake: &FakeDiscord) -> Config {
    std::fs::write(db.with_file_name("token"), "fake-token").unwrap();
    let text = format!(
        "data = [{:?}]\ndatabase = {:?}\n[discord]\nguild_id = {GUILD}\ntoken_file = \"token\"\napi_base = {:?}\n",
        root().join("data/leeds.toml").display().to_string(),
        db.display().to_string(),
        fake.api_base(),
    );
    Config::parse(&db.with_file_name("config.toml"), &text).unwrap()
}

/// The server's settings as a moderator saves them with `/anniversary-settings events:true`.
async fn events_on(store: &dyn Store, on: bool, ahead: Option<u32>, at: DateTime<Utc>) {
    let expected = store.server(GUILD).await.unwrap().map_or(0, |r| r.version);
    let a = Anniversaries { events: on, events_ahead: ahead, ..Anniversaries::default() };
    let state = ServerState { anniversaries: Some(a), ..ServerState::default() };
    let w = ServerWrite { guild_id: GUILD, expected, state: &state, by: Some(42), at, restart: Vec::new() };
    store.write_server(&w).await.unwrap();
}

/// One life of the bot: its service and its poster, until killed.
struct Life {
    service: Arc<App>,
    clock: Arc<TokioClock>,
    task: tokio::task::JoinHandle<()>,
}

impl Life {
    async fn begin(db: &Path, fake: &FakeDiscord, at: &str) -> Life {
        Life::begin_losing(db, fake, at, false).await
    }

    /// As [`Life::begin`]; with `lose`, the first event made loses its answer.
    async fn begin_losing(db: &Path, fake: &FakeDiscord, at: &str, lose: bool) -> Life {
        twinbot::pictures::draw_in_process();
        let clock = Arc::new(TokioClock::starting_at(t(at)));
        let c = clock.clone();
        fake.set_clock(Arc::new(move || c.now()));
        let config = config(db, fake);
        let store = Arc::new(SqliteStore::open(db).unwrap());
        let service = Arc::new(App::new(&config, leeds(), store).await.unwrap());
        let token = config.token().unwrap();
        let rest = twinbot::discord::gateway::rest(&config, &token, None).await.unwrap();
        let outbox = Arc::new(Paused(OffTheClock(rest), Arc::new(std::sync::atomic::AtomicBool::new(lose))));
        let task = tokio::spawn(poster::run(service.clone(), outbox, clock.clone(), Duration::from_secs(DAY)));
        Life { service, clock, task }
    }

    async fn run(&self, secs: u64) {
        tokio::time::sleep(Duration::from_secs(secs)).await;
    }

    /// Ends this life as `kill -9` would.
    fn kill(self) -> Arc<App> {
        self.task.abort();
        self.service
    }

    async fn ledger(&self, key: &str) -> Option<twinbot::ledger::PostRecord> {
        self.service.store().post(GUILD, key).await.unwrap()
    }
}

/// (name, start, end) of each event Discord holds for the server.
fn events(fake: &FakeDiscord) -> Vec<(String, String, String)> {
    fake.all_guild_events(GUILD_ID)
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (s("name"), s("scheduled_start_time"), s("scheduled_end_time"))
        })
        .collect()
}

fn requests(fake: &FakeDiscord, method: &str) -> usize {
    fake.requests().iter().filter(|r| r.method == method && r.path.contains("/scheduled-events")).count()
}

#[tokio::test(start_paused = true)]
async fn a_year_of_anniversaries_gets_one_event_each_at_the_local_time_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    {
        let store = SqliteStore::open(&db).unwrap();
        events_on(&store, true, None, t("2028-12-31T12:00:00Z")).await;
    }
    let life = Life::begin(&db, &fake, "2028-12-31T12:00:00Z").await;
    life.run(150 * DAY).await;
    assert_eq!(events(&fake).len(), 1, "by the end of May, only Dortmund's 60th (2 June) is within 30 days");
    let service = life.kill();
    drop(service);
    // Restarted in June: what was made is not made again.
    let life = Life::begin(&db, &fake, "2029-05-31T12:00:00Z").await;
    life.run(215 * DAY).await;
    let got = events(&fake);
    let want = [
        // Summer: 09:00 in London is 08:00 UTC; winter: 09:00 UTC.
        ("Leeds ↔ Dortmund: 60th anniversary", "2029-06-02T08:00:00", "2029-06-02T09:00:00"),
        ("Leeds ↔ Siegen: 63rd anniversary", "2029-07-16T08:00:00", "2029-07-16T09:00:00"),
        ("Leeds ↔ Lille: 61st anniversary", "2029-10-15T08:00:00", "2029-10-15T09:00:00"),
    ];
    for (name, start, end) in want {
        let found: Vec<_> = got.iter().filter(|(n, _, _)| n == name).collect();
        assert_eq!(found.len(), 1, "{name} once in {got:?}");
        assert!(found[0].1.starts_with(start) && found[0].2.starts_with(end), "{found:?} at {start}–{end}");
    }
    let winter: Vec<_> = got.iter().filter(|(_, s, _)| s.starts_with("2029-12")).collect();
    assert!(winter.iter().all(|(_, s, _)| s.contains("T09:00:00")), "after the clocks go back: {winter:?}");
    // Each made within 30 days of its start, with Discord's required fields, the bot's marker
    // and the ledger's id.
    let ledger = life.service.store().posts(GUILD).await.unwrap();
    let rows: Vec<_> = ledger.iter().filter(|r| r.key.starts_with("event/")).collect();
    assert_eq!(rows.len(), got.len(), "one ledger row per event: {rows:?}");
    for e in fake.all_guild_events(GUILD_ID) {
        let id: u64 = e["id"].as_str().unwrap().parse().unwrap();
        let row = rows.iter().find(|r| r.message_id == Some(id)).expect("recorded");
        assert_eq!(row.state, PostState::Sent);
        assert_eq!(e["entity_type"], 3);
        assert_eq!(e["creator_id"], APP_ID);
        let location = e["entity_metadata"]["location"].as_str().unwrap();
        assert!(location.contains("Leeds") && location.contains("United Kingdom"), "{location}");
        let description = e["description"].as_str().unwrap();
        assert!(description.ends_with(&format!("\n\n{}", row.nonce)), "the marker ends {description:?}");
        assert!(description.contains("Source: http"), "{description:?}");
        let made = fake.event_made_at(&e["id"]).unwrap();
        let start = t(e["scheduled_start_time"].as_str().unwrap());
        assert!(made < start && start - made <= chrono::Duration::days(30), "made {made} for {start}");
        assert!(e["image"].is_string() || e["image"].is_null());
    }
    assert_eq!(requests(&fake, "POST"), got.len(), "no request made twice");
    // Each with its cover: the two cities and the number, 800×320, as a PNG data URI.
    for made in fake.requests().iter().filter(|r| r.method == "POST" && r.path.contains("/scheduled-events")) {
        let uri = made.body["image"].as_str().expect("a cover");
        let png = uri.strip_prefix("data:image/png;base64,").and_then(support::base64).expect("a PNG data URI");
        let cover = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap().to_rgba8();
        assert_eq!(cover.dimensions(), (800, 320));
        let first = *cover.get_pixel(0, 0);
        let differ = cover.pixels().filter(|p| **p != first).count();
        assert!(differ > 800 * 320 / 2, "not blank: {differ} pixels differ from the corner's");
    }
    assert_eq!(requests(&fake, "PATCH") + requests(&fake, "DELETE"), 0, "nothing changed");
    life.kill();
}

#[tokio::test(start_paused = true)]
async fn made_but_the_bot_killed_before_the_answer_no_second_event_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    {
        let store = SqliteStore::open(&db).unwrap();
        events_on(&store, true, None, t("2029-05-20T12:00:00Z")).await;
    }
    let life = Life::begin_losing(&db, &fake, "2029-05-20T12:00:00Z", true).await;
    life.run(HOUR).await;
    assert_eq!(events(&fake).len(), 1, "Discord made it");
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    assert_eq!((row.state, row.message_id), (PostState::Sending, None), "but its answer never came");
    life.kill();
    let life = Life::begin(&db, &fake, "2029-05-20T13:00:00Z").await;
    life.run(HOUR).await;
    assert_eq!(events(&fake).len(), 1, "the restart found it: {:?}", events(&fake));
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    let id = fake.all_guild_events(GUILD_ID)[0]["id"].as_str().unwrap().parse::<u64>().unwrap();
    assert_eq!((row.state, row.message_id), (PostState::Sent, Some(id)));
    assert_eq!(requests(&fake, "POST"), 1, "listed, not made again");
    assert!(requests(&fake, "GET") >= 1);
    life.kill();
}

#[tokio::test(start_paused = true)]
async fn made_but_the_answer_lost_on_the_wire_no_second_event_at_the_next_try() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    {
        let store = SqliteStore::open(&db).unwrap();
        events_on(&store, true, None, t("2029-05-20T12:00:00Z")).await;
    }
    fake.drop_answers("POST", &format!("/guilds/{GUILD_ID}/scheduled-events"), 1);
    let life = Life::begin(&db, &fake, "2029-05-20T12:00:00Z").await;
    life.run(60).await;
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    assert_eq!(row.state, PostState::Failed, "{row:?}");
    life.run(HOUR).await;
    assert_eq!(events(&fake).len(), 1, "{:?}", events(&fake));
    assert_eq!(requests(&fake, "POST"), 1, "found by listing, not made again");
    assert_eq!(life.ledger("event/Leeds/Dortmund/2029").await.unwrap().state, PostState::Sent);
    // Members find the event from /anniversaries.
    let id = fake.all_guild_events(GUILD_ID)[0]["id"].as_str().unwrap().to_string();
    let mut inv = Invocation::in_server(GUILD, 1_300_000_000_000_000_100, 7, Permissions::NONE);
    inv.command = "anniversaries".into();
    inv.args = Args::new().with("upcoming", twinbot::commands::Value::Int(3));
    let reply = format!("{:?}", life.service.handle(&inv, life.clock.now()).await.reply);
    assert!(reply.contains(&format!("https://discord.com/events/{GUILD}/{id}")), "{reply}");
    assert_eq!(reply.matches("https://discord.com/events/").count(), 1, "only Dortmund's has one yet");
    life.kill();
}

/// A moderator looking at `/anniversary-settings` in the server.
async fn settings_view(service: &App, now: DateTime<Utc>) -> String {
    let mut inv = Invocation::in_server(GUILD, 1_300_000_000_000_000_100, 42, Permissions::ALL);
    inv.command = "anniversary-settings".into();
    inv.args = Args::new();
    let answer = service.handle(&inv, now).await;
    format!("{:?}", answer.reply)
}

#[tokio::test(start_paused = true)]
async fn a_missing_permission_is_recorded_shown_and_the_event_made_once_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    {
        let store = SqliteStore::open(&db).unwrap();
        events_on(&store, true, None, t("2029-05-10T12:00:00Z")).await;
    }
    fake.deny_create_events(GUILD_ID, true);
    let life = Life::begin(&db, &fake, "2029-05-10T12:00:00Z").await;
    life.run(HOUR).await;
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    assert_eq!(row.state, PostState::Refused);
    let error = row.error().unwrap();
    assert!(error.contains("Missing Permissions (code 50013)") && error.contains("Create Events"), "{error}");
    let shown = settings_view(&life.service, life.clock.now()).await;
    assert!(shown.contains("Create Events"), "{shown}");
    assert!(events(&fake).is_empty());
    fake.deny_create_events(GUILD_ID, false);
    life.run(DAY).await;
    assert_eq!(events(&fake).len(), 1, "made at the next try");
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    assert_eq!(row.state, PostState::Sent, "{row:?}");
    life.kill();
}

/// The name of the event a Leeds–partner anniversary has in Discord.
fn event_of<'a>(all: &'a [Value], partner: &str) -> Option<&'a Value> {
    all.iter().find(|e| e["name"].as_str().is_some_and(|n| n.contains(&format!("↔ {partner}:"))))
}

#[tokio::test(start_paused = true)]
async fn events_follow_the_settings_keep_a_moderators_edit_and_are_deleted_when_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    {
        let store = SqliteStore::open(&db).unwrap();
        events_on(&store, true, Some(90), t("2029-05-20T12:00:00Z")).await;
    }
    let foreign = fake.add_foreign_event(GUILD_ID, "Summer fair", "Not twinbot's", "2029-06-20T10:00:00Z");
    let life = Life::begin(&db, &fake, "2029-05-20T12:00:00Z").await;
    life.run(HOUR).await;
    let all = fake.all_guild_events(GUILD_ID);
    let dortmund = event_of(&all, "Dortmund").expect("Dortmund's").clone();
    let siegen = event_of(&all, "Siegen").expect("Siegen's, within 90 days").clone();
    // A moderator renames Dortmund's event, and deletes Siegen's.
    fake.edit_event_as_moderator(dortmund["id"].as_str().unwrap(), serde_json::json!({"name": "Dortmund party!"}));
    fake.delete_event_as_moderator(siegen["id"].as_str().unwrap());
    life.run(DAY).await;
    let all = fake.all_guild_events(GUILD_ID);
    assert!(all.iter().any(|e| e["name"] == "Dortmund party!"), "the moderator's edit is kept: {all:?}");
    assert!(event_of(&all, "Siegen").is_none(), "not made again after a day");
    assert_eq!(requests(&fake, "PATCH"), 0);
    // The settings change what the events say (their time): edited, and Siegen's deletion found.
    {
        let a = Anniversaries { events: true, events_ahead: Some(90), at: "18:30".into(), ..Anniversaries::default() };
        let state = ServerState { anniversaries: Some(a), ..ServerState::default() };
        let v = life.service.store().server(GUILD).await.unwrap().unwrap().version;
        let w = ServerWrite {
            guild_id: GUILD,
            expected: v,
            state: &state,
            by: Some(42),
            at: life.clock.now(),
            restart: vec![],
        };
        life.service.store().write_server(&w).await.unwrap();
    }
    life.kill();
    let life = Life::begin(&db, &fake, "2029-05-21T13:00:00Z").await;
    life.run(HOUR).await;
    let all = fake.all_guild_events(GUILD_ID);
    let moved = all.iter().find(|e| e["id"] == dortmund["id"]).unwrap();
    assert_eq!(moved["scheduled_start_time"].as_str().unwrap()[..19], *"2029-06-02T17:30:00", "{moved}");
    assert!(event_of(&all, "Siegen").is_none(), "a deleted event is never made again");
    let siegen_row = life.ledger("event/Leeds/Siegen/2029").await.unwrap();
    assert_eq!(siegen_row.state, PostState::Deleted, "{siegen_row:?}");
    let problem = siegen_row.problem.map(|p| p.to_string()).unwrap_or_default();
    assert!(problem.contains("404 Unknown Guild Scheduled Event (code 10070)"), "{problem}");
    // Turned off: the bot's coming events are deleted, the others' untouched.
    events_on(life.service.store(), false, Some(90), life.clock.now()).await;
    life.kill();
    let life = Life::begin(&db, &fake, "2029-05-21T15:00:00Z").await;
    life.run(HOUR).await;
    let left: Vec<Value> = fake.all_guild_events(GUILD_ID);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["id"], foreign);
    let row = life.ledger("event/Leeds/Dortmund/2029").await.unwrap();
    assert_eq!(row.state, PostState::Withdrawn);
    life.kill();
}

/// A server's own town, Morley, with `n` partners twinned on consecutive days from 1 July 1990.
async fn morley_with(service: &App, n: usize, at: DateTime<Utc>) {
    use twinbot::state::town::{Facts, NewPartner, Texts, TownOp};
    let create = TownOp::Create { place: support::place("Morley", "GB") };
    service.change_town(GUILD, Some(42), &create, 0, at).await.unwrap();
    for i in 0..n {
        let date = chrono::NaiveDate::from_ymd_opt(1990, 7, 1).unwrap() + chrono::Duration::days(i as i64);
        let new = NewPartner {
            facts: Facts { kind: "twinning".into(), year: 1990, date: Some(date), ..Facts::default() },
            texts: Texts { summary: format!("Morley and Town {i}."), ..Texts::default() },
            milestone: None,
            names: Vec::new(),
        };
        let op = TownOp::Add { place: support::place(&format!("Town {i}"), "DE"), new };
        service.change_town(GUILD, Some(42), &op, i as i64 + 1, at).await.unwrap();
    }
}

/// Morley with 30 partners, events on 90 days ahead: made before the bot starts making events.
async fn thirty_partners_events_on(db: &Path, fake: &FakeDiscord, at: &str) {
    let store = Arc::new(SqliteStore::open(db).unwrap());
    events_on(&*store, true, Some(90), t(at)).await;
    let service = App::new(&config(db, fake), leeds(), store).await.unwrap();
    morley_with(&service, 30, t(at)).await;
}

#[tokio::test(start_paused = true)]
async fn a_towns_events_follow_its_edits_and_no_more_than_25_are_kept_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    let start = "2030-06-20T12:00:00Z";
    thirty_partners_events_on(&db, &fake, start).await;
    let life = Life::begin(&db, &fake, start).await;
    life.run(HOUR).await;
    let made = fake.all_guild_events(GUILD_ID);
    assert_eq!(made.len(), 25, "the 25 soonest of 30: {:?}", events(&fake));
    assert!(event_of(&made, "Town 0").is_some() && event_of(&made, "Town 24").is_some());
    assert!(event_of(&made, "Town 25").is_none());
    assert_eq!(made[0]["name"], "Morley ↔ Town 0: 40th anniversary");
    let shown = settings_view(&life.service, life.clock.now()).await;
    assert!(shown.contains("5 more anniversaries fall in that time"), "{shown}");
    // A partner's summary edited: its event follows; one removed: its event is deleted.
    use twinbot::state::town::{Texts, TownOp};
    let version = life.service.store().town(GUILD).await.unwrap().unwrap().version;
    let texts = Texts { summary: "Morley and Town 3, friends since the summer of 1990.".into(), ..Texts::default() };
    let edit = TownOp::Edit { id: "town-3".into(), texts: Some(texts), facts: None };
    life.service.change_town(GUILD, Some(42), &edit, version, life.clock.now()).await.unwrap();
    let remove = TownOp::Remove { id: "town-4".into() };
    life.service.change_town(GUILD, Some(42), &remove, version + 1, life.clock.now()).await.unwrap();
    life.run(HOUR).await;
    let now = fake.all_guild_events(GUILD_ID);
    let town3 = event_of(&now, "Town 3").unwrap();
    assert!(town3["description"].as_str().unwrap().contains("friends since the summer of 1990"), "{town3}");
    assert!(event_of(&now, "Town 4").is_none(), "deleted with its partner");
    let withdrawn: Vec<String> = life
        .service
        .store()
        .posts(GUILD)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.state == PostState::Withdrawn)
        .map(|r| r.key)
        .collect();
    assert_eq!(withdrawn, ["event/town/town-4/2030"]);
    assert_eq!(requests(&fake, "DELETE"), 1);
    assert!(requests(&fake, "PATCH") >= 1);
    assert_eq!(now.len(), 25, "the room left by Town 4 went to the next, Town 25: {:?}", events(&fake));
    assert!(event_of(&now, "Town 25").is_some());
    assert_eq!(life.ledger("event/town/town-4/2030").await.unwrap().state, PostState::Withdrawn);
    // Once Town 0's event has started, the next one in line is made.
    life.run(12 * DAY).await;
    let later = fake.all_guild_events(GUILD_ID);
    assert!(event_of(&later, "Town 26").is_some(), "{:?}", events(&fake));
    let coming = fake.guild_events(GUILD_ID).len();
    assert!(coming <= 25, "{coming} coming at once");
    life.kill();
}

#[tokio::test(start_paused = true)]
async fn with_every_answer_lost_still_no_more_than_25_and_none_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db");
    let fake = FakeDiscord::start().await;
    let start = "2030-06-20T12:00:00Z";
    thirty_partners_events_on(&db, &fake, start).await;
    // Discord makes every event, and every answer is lost on the way.
    fake.drop_answers("POST", &format!("/guilds/{GUILD_ID}/scheduled-events"), 100);
    let life = Life::begin(&db, &fake, start).await;
    life.run(HOUR).await;
    let made = fake.all_guild_events(GUILD_ID);
    assert_eq!(made.len(), 25, "the 25 soonest, no more: {:?}", events(&fake));
    let names: std::collections::HashSet<&str> = made.iter().filter_map(|e| e["name"].as_str()).collect();
    assert_eq!(names.len(), made.len(), "none twice");
    let ledger = life.service.store().posts(GUILD).await.unwrap();
    let sent = ledger.iter().filter(|r| r.state == PostState::Sent).count();
    assert_eq!(sent, made.len(), "each found by listing and recorded: {ledger:?}");
    life.kill();
}
