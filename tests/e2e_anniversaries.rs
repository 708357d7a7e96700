//! End-to-end anniversaries: the real binary against the fake Discord. Moderator commands and
//! their permission checks, and scheduled posts as Discord receives them (`POST
//! /channels/{id}/messages` with `allowed_mentions` and a nonce), across a `kill -9` between
//! sending and recording.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, Utc};
use serde_json::{json, Value};
use support::bot_process::BotProcess;
use support::fake_discord::{FakeDiscord, Request, APP_ID, CHANNEL_ID, GUILD_ID};
use support::payload::{command_by, text};
use support::root;
use twinbot::ledger::{PostState, Store, Stream};
use twinbot::store::SqliteStore;

const T: Duration = Duration::from_secs(15);
const POSTS: &str = "1300000000000000200";
const ROLE: &str = "1300000000000000300";
/// The moderators' channel, for advance reminders.
const MODS: &str = "1300000000000000400";
const MEMBER: u64 = 1024 | 2048;
const MODERATOR: u64 = MEMBER | 8192;

/// A folder with a data file whose one partnership has its 12th anniversary today (UTC), a
/// config that posts it a minute ago (UTC) to POSTS pinging ROLE, and a database that has had
/// posts on since yesterday, so today's post is due, and not late, as soon as the bot starts.
async fn community(extra: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    community_ahead(extra, 0).await
}

/// As [`community`], with the anniversary `ahead` days from today, and advance reminders on
/// since yesterday too (to MODS, when `extra` turns them on).
async fn community_ahead(extra: &str, ahead: i64) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let since = since() + chrono::Duration::days(ahead);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("town.toml");
    std::fs::write(
        &data,
        format!(
            "[home]\nname = \"Morley\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n[[partner]]\n\
             name = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
             year = {}\ndate = {}\nsummary = \"A test fixture.\"\n",
            since.year(),
            since
        ),
    )
    .unwrap();
    let db = dir.path().join("state/twinbot.db");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "data = [\"town.toml\"]\ndatabase = \"state/twinbot.db\"\n[discord]\nguild_id = {GUILD_ID}\n\
             [anniversaries]\nchannel = {POSTS}\nrole = {ROLE}\ntimezone = \"UTC\"\nat = \"{}\"\n{extra}",
            a_minute_ago()
        ),
    )
    .unwrap();
    let store = SqliteStore::open(&db).unwrap();
    let yesterday = Utc::now() - chrono::Duration::days(1);
    for (stream, channel) in [(Stream::Posts, POSTS), (Stream::Reminders, MODS)] {
        store.enabled_since(stream, GUILD_ID.parse().unwrap(), channel.parse().unwrap(), yesterday).await.unwrap();
    }
    (dir, config, db)
}

/// Waits for the `n`-th start of the bot to register its commands and connect (READY follows
/// the Identify).
async fn registered(fake: &FakeDiscord, n: usize) {
    fake.wait_for_request("PUT", &format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands"), n, T).await;
    fake.wait_for_op(2, n, T).await;
}

fn posts_to(fake: &FakeDiscord, channel: &str) -> Vec<Request> {
    fake.requests().into_iter().filter(|r| r.is("POST", &format!("/channels/{channel}/messages"))).collect()
}

async fn ledger(db: &Path) -> Vec<twinbot::ledger::PostRecord> {
    SqliteStore::open(db).unwrap().posts(GUILD_ID.parse().unwrap()).await.unwrap()
}

fn started(fake: &FakeDiscord) -> BotProcess {
    BotProcess::start(fake, true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_due_post_is_sent_once_with_its_nonce_and_only_the_role_may_be_pinged() {
    let fake = FakeDiscord::start().await;
    let (_dir, config, db) = community("").await;
    let bot = BotProcess::start_with_config(&fake, &config);
    let post = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, T).await;
    let partner_years = 12;
    assert_eq!(
        post.body,
        json!({
            "content": format!(
                "<@&{ROLE}> 🎉 Today we celebrate the {partner_years}th anniversary of the twinning between Morley and \
                 Siegen (Germany), which dates from {}.",
                since().format("%-d %B %Y")
            ),
            "nonce": "twinbot-1",
            "enforce_nonce": true,
            "allowed_mentions": {"parse": [], "users": [], "roles": [ROLE]},
            "tts": false,
            "embeds": [],
            "sticker_ids": [],
            "attachments": [],
        }),
    );
    bot.wait_log("anniversary posted", T).await;
    let l = ledger(&db).await;
    assert_eq!((l.len(), l[0].state, l[0].attempts, l[0].belated), (1, PostState::Sent, 1, false));

    // A restart does not post it again.
    drop(bot);
    let bot = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(posts_to(&fake, POSTS).len(), 1, "{}", bot.log());
}

/// Twelve years ago today (leap year to leap year, so 29 February works too).
fn since() -> chrono::NaiveDate {
    let today = Utc::now().date_naive();
    today.with_year(today.year() - 12).expect("12 years back keeps leap days")
}

/// The time of day a minute ago, or midnight in the first minute of the day.
fn a_minute_ago() -> String {
    let now = Utc::now();
    let t = now - chrono::Duration::minutes(1);
    if t.date_naive() == now.date_naive() {
        t.format("%H:%M").to_string()
    } else {
        "00:00".to_string()
    }
}

/// A channel option, resolved as Discord sends it with the member's permissions there.
fn channel_option(payload: &mut Value, channel: &str, permissions: u64) -> Value {
    support::payload::channel(payload, "channel", channel, permissions)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_between_sending_and_recording_the_restart_resends_with_the_same_nonce_and_discord_keeps_one() {
    let fake = FakeDiscord::start().await;
    // Discord stores the message, but its answer never reaches the bot, which is then killed.
    fake.hang("POST", &format!("/channels/{POSTS}/messages"), 1);
    let (_dir, config, db) = community("").await;
    let mut bot = BotProcess::start_with_config(&fake, &config);
    let first = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, T).await;
    bot.kill().await;
    let l = ledger(&db).await;
    assert_eq!((l[0].state, l[0].attempts), (PostState::Sending, 1), "the intent is recorded, the result is not");

    let bot = BotProcess::start_with_config(&fake, &config);
    let second = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 2, T).await;
    assert_eq!(second.body["nonce"], first.body["nonce"], "the same nonce");
    assert_eq!(second.body["enforce_nonce"], true);
    assert_eq!(second.body["content"], first.body["content"]);
    bot.wait_log("anniversary posted", T).await;
    assert_eq!(fake.channel_messages().len(), 1, "Discord kept one message");
    let l = ledger(&db).await;
    assert_eq!((l.len(), l[0].state, l[0].attempts), (1, PostState::Sent, 2));
    assert_eq!(l[0].message_id.map(|m| m.to_string()), fake.channel_messages()[0]["id"].as_str().map(String::from));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_post_is_recorded_and_logged() {
    let fake = FakeDiscord::start().await;
    fake.fail(
        "POST",
        &format!("/channels/{POSTS}/messages"),
        403,
        json!({"message": "Missing Permissions", "code": 50013}),
        &[],
        10,
    );
    let (_dir, config, db) = community("").await;
    let bot = BotProcess::start_with_config(&fake, &config);
    let log = bot.wait_log("Discord refused the post", T).await;
    assert!(log.contains("403 Missing Permissions (code 50013); give the bot View Channel, Send Messages"), "{log}");
    assert!(log.contains("trying again at"), "{log}");
    let l = ledger(&db).await;
    assert_eq!((l[0].state, l[0].attempts), (PostState::Refused, 1));
    assert!(l[0].error().as_deref().unwrap().contains("Missing Permissions"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn announce_is_refused_to_members_and_posted_for_moderators_without_pings() {
    let fake = FakeDiscord::start().await;
    let bot = started(&fake);
    registered(&fake, 1).await;

    // A member without Manage Messages: a polite refusal, nothing posted.
    let (p, id, token) = command_by("announce", json!([text("city", "dortmund")]), MEMBER);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!(r.body["type"], 4);
    assert_eq!(r.body["data"]["flags"], 64);
    assert_eq!(r.body["data"]["embeds"][0]["title"], "Moderators only");
    assert_eq!(r.body["data"]["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}));

    // A moderator: acknowledged at once (deferred, ephemeral), posted, then told where.
    let (mut p, id, token) = command_by("announce", json!([]), MODERATOR);
    p["data"]["options"] = json!([text("city", "dortmund"), channel_option(&mut p, POSTS, MODERATOR)]);
    fake.dispatch("INTERACTION_CREATE", p);
    let ack = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!((ack.body["type"].clone(), ack.body["data"]["flags"].clone()), (json!(5), json!(64)), "{}", ack.body);
    let post = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, T).await;
    assert_eq!(post.body["nonce"], id, "the interaction id: a retried /announce is not posted twice");
    assert_eq!(post.body["enforce_nonce"], true);
    assert_eq!(post.body["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}));
    assert!(post.body["content"].as_str().unwrap().contains("anniversary of the twinning between Leeds and Dortmund"));
    let edit = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    assert_eq!(edit.body["embeds"][0]["title"], "Announcement posted");
    assert!(edit.body["embeds"][0]["description"].as_str().unwrap().starts_with(&format!("Posted in <#{POSTS}>")));

    // Preview: only the moderator sees it, nothing is posted.
    let (p, id, token) = command_by(
        "announce",
        json!([text("city", "lille"), {"name": "preview", "type": 5, "value": true}]),
        MODERATOR,
    );
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!(r.body["data"]["flags"], 64);
    assert!(r.body["data"]["embeds"][0]["title"].as_str().unwrap().starts_with("Preview · Lille"));
    assert_eq!(posts_to(&fake, POSTS).len(), 1);
    assert_eq!(posts_to(&fake, CHANNEL_ID).len(), 0);
    drop(bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anniversary_settings_are_saved_in_the_database_and_survive_a_restart() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "data = [{:?}]\n[discord]\nguild_id = {GUILD_ID}\n",
            root().join("data/leeds.toml").display().to_string()
        ),
    )
    .unwrap();
    let bot = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 1).await;
    let (mut p, id, token) = command_by("anniversary-settings", json!([]), MODERATOR);
    p["data"]["options"] =
        json!([channel_option(&mut p, POSTS, MODERATOR), text("timezone", "Asia/Tokyo"), text("time", "18:30")]);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!(r.body["data"]["embeds"][0]["title"], "Anniversary settings saved", "{}", r.body);
    assert_eq!(r.body["data"]["flags"], 64);
    bot.wait_log("anniversary settings saved", T).await;
    drop(bot);

    let db = dir.path().join("twinbot.db");
    assert!(db.exists(), "created next to config.toml on first run");
    let saved = SqliteStore::open(&db).unwrap().server(GUILD_ID.parse().unwrap()).await.unwrap().unwrap();
    let saved = saved.state.anniversaries.unwrap();
    assert_eq!(
        (saved.channel, saved.timezone.as_str(), saved.at.as_str()),
        (Some(POSTS.parse().unwrap()), "Asia/Tokyo", "18:30")
    );

    let _bot = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 2).await;
    let (p, id, token) = command_by("anniversary-settings", json!([]), MODERATOR);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    let fields = r.body["data"]["embeds"][0]["fields"].as_array().unwrap().clone();
    let time = fields.iter().find(|f| f["name"] == "Time").unwrap();
    assert!(time["value"].as_str().unwrap().starts_with("18:30 Asia/Tokyo"), "{time}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_bot_on_the_same_database_refuses_to_start() {
    let fake = FakeDiscord::start().await;
    let (_dir, config, _db) = community("").await;
    let first = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 1).await;
    let mut second = BotProcess::start_with_config(&fake, &config);
    let status = second.wait_exit(T).await;
    assert_eq!(status.code(), Some(1));
    let log = second.log();
    assert!(log.contains("error: another twinbot is already running with the database"), "{log}");
    assert!(log.contains("state/twinbot.db.lock"), "{log}");
    assert_eq!(fake.connections(), 1, "the second never connected");
    drop(first);
}

/// The titles of the /partners answer in a server, as a member asks.
async fn partners_title(fake: &FakeDiscord) -> String {
    let (p, id, token) = command_by("partners", json!([]), MEMBER);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    r.body["data"]["embeds"][0]["title"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_chooses_its_home_city_and_the_choice_survives_a_restart() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let data = |f: &str| format!("{:?}", root().join("data").join(f).display().to_string());
    std::fs::write(
        &config,
        format!("data = [{}, {}]\n[discord]\nguild_id = {GUILD_ID}\n", data("leeds.toml"), data("dortmund.toml")),
    )
    .unwrap();
    let bot = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 1).await;
    assert_eq!(partners_title(&fake).await, "Leeds and Dortmund's partner cities (18)", "every home, by default");

    // A member may not choose; a moderator may.
    let (p, id, token) = command_by("home", json!([text("city", "dortmnud")]), MEMBER);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!(r.body["data"]["embeds"][0]["title"], "Moderators only");
    let (p, id, token) = command_by("home", json!([text("city", "dortmnud")]), MODERATOR);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    assert_eq!(r.body["data"]["embeds"][0]["title"], "Home cities saved", "{}", r.body);
    assert_eq!(r.body["data"]["flags"], 64);
    bot.wait_log("home cities saved", T).await;
    assert_eq!(partners_title(&fake).await, "Dortmund's partner cities (11)");
    drop(bot);

    let bot = BotProcess::start_with_config(&fake, &config);
    registered(&fake, 2).await;
    assert_eq!(partners_title(&fake).await, "Dortmund's partner cities (11)", "chosen before the restart");
    // Both again: /partner dortmund shows the link from Leeds' side, and says Dortmund is home too.
    let (p, id, token) = command_by("home", json!([{"name": "all", "type": 5, "value": true}]), MODERATOR);
    fake.dispatch("INTERACTION_CREATE", p);
    fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    let (p, id, token) = command_by("partner", json!([text("city", "dortmund")]), MEMBER);
    fake.dispatch("INTERACTION_CREATE", p);
    let r = fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await;
    let e = &r.body["data"]["embeds"][0];
    assert_eq!(e["title"], "Leeds ↔ Dortmund");
    assert!(e["description"].as_str().unwrap().starts_with("Dortmund is also a home city here"), "{e}");
    drop(bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_advance_reminder_reaches_the_moderators_channel_once_pinging_nobody() {
    let fake = FakeDiscord::start().await;
    // Siegen's 12th anniversary is in 3 days; reminders 3 days ahead go to MODS.
    let (_dir, config, db) = community_ahead(&format!("remind_days = 3\nremind_channel = {MODS}\n"), 3).await;
    let bot = BotProcess::start_with_config(&fake, &config);
    let reminder = fake.wait_for_request("POST", &format!("/channels/{MODS}/messages"), 1, T).await;
    let content = reminder.body["content"].as_str().unwrap();
    assert!(content.starts_with("⏰ Siegen's 12th anniversary is in 3 days ("), "{content}");
    assert_eq!(reminder.body["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}), "pings nobody");
    assert_eq!(reminder.body["enforce_nonce"], json!(true));
    bot.wait_log("anniversary posted", T).await;
    let l = ledger(&db).await;
    let row = l.iter().find(|r| r.key.starts_with("remind/Morley/Siegen/")).expect("the reminder in the ledger");
    assert_eq!((row.state, row.attempts, row.channel_id.to_string()), (PostState::Sent, 1, MODS.to_string()));
    assert_eq!(reminder.body["nonce"], json!(row.nonce));
    // Nothing for the posts' channel: the anniversary itself is not today.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(posts_to(&fake, POSTS).is_empty());
    assert_eq!(posts_to(&fake, MODS).len(), 1, "once");
}
