//! Replicas: `twinbot serve` processes on one PostgreSQL database, as a hosted operator runs
//! them behind a load balancer. Between them they make a scheduled post once, even when the one
//! making it is killed (`kill -9`) after Discord has stored the message but before the bot heard
//! back; and a change made through any of them (settings, home cities, reloaded data) reaches
//! the others, even when one of them missed the notice. Runs when `TWINBOT_TEST_POSTGRES` names a
//! database (`.ci/run` sets it); otherwise each test says it is skipped.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, Timelike, Utc};
use serde_json::{json, Value};
use support::bot_process::{binary, BotProcess};
use support::fake_discord::{FakeDiscord, GUILD_ID};
use support::payload::{command_by, text};
use support::reply::{embed, is_ephemeral};
use support::root;
use support::signed::{ask, public_key};
use twinbot::ledger::{PostState, Store};
use twinbot::store::PostgresStore;

const T: Duration = Duration::from_secs(20);
const POSTS: &str = "1300000000000000200";
const MEMBER: u64 = 1024 | 2048;
const MODERATOR: u64 = MEMBER | 8192;
const LEADS: &str = "this process makes the scheduled anniversary posts";
const STANDS_BY: &str = "another process makes the scheduled anniversary posts; standing by";

/// The test database, or None (the test is then skipped, saying so).
fn database() -> Option<String> {
    let url = std::env::var("TWINBOT_TEST_POSTGRES").ok().filter(|u| !u.is_empty());
    if url.is_none() {
        eprintln!("skipped: TWINBOT_TEST_POSTGRES is not set");
    }
    url
}

/// A fresh schema in the test database, and the URL that puts the bots in it.
async fn fresh_schema(url: &str) -> (String, String) {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let schema = format!("twinbot_replicas_{}_{n}_{}", std::process::id(), Utc::now().timestamp_micros());
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("the test database answers");
    tokio::spawn(conn);
    client.batch_execute(&format!("CREATE SCHEMA {schema}")).await.unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    (schema.clone(), format!("{url}{sep}options=-c%20search_path%3D{schema}"))
}

/// Morley and its twin Siegen, twinned `years` ago on `day`.
fn town(dir: &Path, day: NaiveDate, partners: &str) -> PathBuf {
    let data = dir.join("town.toml");
    std::fs::write(
        &data,
        format!(
            "[home]\nname = \"Morley\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n[[partner]]\n\
             name = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
             year = {}\ndate = {day}\nsummary = \"A test fixture.\"\n{partners}",
            day.year()
        ),
    )
    .unwrap();
    data
}

/// A replica: `twinbot serve` on `database`, answering for `data`, with the bot token (so that
/// it posts, through the fake) when `fake` is given.
fn replica(
    fake: Option<&FakeDiscord>,
    dir: &Path,
    name: &str,
    database: &str,
    data: &[PathBuf],
    extra: &str,
) -> BotProcess {
    let config = dir.join(format!("{name}.toml"));
    let data: Vec<String> = data.iter().map(|p| format!("{:?}", p.display().to_string())).collect();
    std::fs::write(
        &config,
        format!(
            "data = [{}]\ndatabase = {database:?}\n[discord]\nguild_id = {GUILD_ID}\n\
             [http]\nlisten = \"127.0.0.1:0\"\n{extra}",
            data.join(", ")
        ),
    )
    .unwrap();
    let mut command = tokio::process::Command::new(binary());
    command.arg("--config").arg(&config).arg("serve").env("DISCORD_PUBLIC_KEY", public_key());
    match fake {
        Some(fake) => BotProcess::spawn(command, fake, tempfile::tempdir().unwrap()),
        None => BotProcess::launch(command, tempfile::tempdir().unwrap()),
    }
}

/// The response to a moderator's command (signed, as Discord sends it), checked to be answered.
async fn moderator(url: &str, name: &str, options: Value) -> Value {
    let (payload, _, _) = command_by(name, options, MODERATOR);
    let a = ask(url, &payload).await;
    assert_eq!(a.status, 200, "{}", a.text);
    a.body
}

/// The title `/partners` answers with.
async fn partners_title(url: &str) -> String {
    let body = moderator(url, "partners", json!([])).await;
    embed(&body)["title"].as_str().unwrap_or_default().to_string()
}

/// Asks `/partners` until it answers `want`, or `within` has passed; returns how long it took.
async fn until_partners(url: &str, want: &str, within: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let title = partners_title(url).await;
        if title == want {
            return start.elapsed();
        }
        assert!(start.elapsed() < within, "still {title:?}, not {want:?}, after {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Two replicas without the token (they answer; they do not post) on a fresh schema, answering
/// for Leeds and Dortmund; with their interaction URLs.
async fn two_answering(url: &str) -> (tempfile::TempDir, BotProcess, BotProcess, String, String) {
    let (_, database) = fresh_schema(url).await;
    let dir = tempfile::tempdir().unwrap();
    let data = [root().join("data/leeds.toml"), root().join("data/dortmund.toml")];
    let towns = support::bot_process::towns();
    let a = replica(None, dir.path(), "a", &database, &data, &towns);
    let b = replica(None, dir.path(), "b", &database, &data, &towns);
    let (url_a, url_b) = (a.interactions_url().await, b.interactions_url().await);
    // Each listens for the other's changes before the test makes any.
    a.wait_log("listening for other replicas' changes", T).await;
    b.wait_log("listening for other replicas' changes", T).await;
    (dir, a, b, url_a, url_b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_make_a_due_post_once_even_when_the_poster_is_killed() {
    let Some(url) = database() else { return };
    if Utc::now().format("%H:%M").to_string() == "00:00" {
        // "A minute ago" would be yesterday; the post would not be due today.
        tokio::time::sleep(Duration::from_secs(61)).await;
    }
    let (schema, database) = fresh_schema(&url).await;
    // Posts on since yesterday, so today's is due (not missed) as soon as a replica starts.
    let store = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
    store
        .enabled_since(
            twinbot::ledger::Stream::Posts,
            GUILD_ID.parse().unwrap(),
            POSTS.parse().unwrap(),
            Utc::now() - chrono::Duration::days(1),
        )
        .await
        .unwrap();

    let fake = FakeDiscord::start().await;
    // Discord stores the first post, but its answer never reaches the replica sending it.
    fake.hang("POST", &format!("/channels/{POSTS}/messages"), 1);
    let dir = tempfile::tempdir().unwrap();
    let today = Utc::now().date_naive();
    let data = [town(dir.path(), today.with_year(today.year() - 12).unwrap(), "")];
    let at = (Utc::now() - chrono::Duration::minutes(1)).format("%H:%M");
    let posting = format!("[anniversaries]\nchannel = {POSTS}\ntimezone = \"UTC\"\nat = \"{at}\"\n");
    let mut a = replica(Some(&fake), dir.path(), "a", &database, &data, &posting);
    let mut b = replica(Some(&fake), dir.path(), "b", &database, &data, &posting);
    let first = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, T).await;

    let (leader, other) = if a.log().contains(LEADS) { (&mut a, &mut b) } else { (&mut b, &mut a) };
    assert!(leader.log().contains(LEADS), "one replica leads:\n{}\n{}", a.log(), b.log());
    assert!(!other.log().contains(LEADS), "only one leads:\n{}", other.log());
    leader.kill().await;

    let second = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 2, T).await;
    assert_eq!(second.body["nonce"], first.body["nonce"], "the other replica resends with the same nonce");
    other.wait_log("anniversary posted", T).await;
    assert!(other.log().contains(LEADS), "{}", other.log());
    assert_eq!(fake.channel_messages().len(), 1, "exactly one message reached Discord");
    let ledger = store.posts(GUILD_ID.parse().unwrap()).await.unwrap();
    assert_eq!((ledger.len(), ledger[0].state, ledger[0].attempts), (1, PostState::Sent, 2));
    // And no more: the survivor does not post it again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(fake.requests().iter().filter(|r| r.is("POST", &format!("/channels/{POSTS}/messages"))).count(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_make_an_anniversarys_event_once_even_when_the_one_making_it_is_killed() {
    let Some(url) = database() else { return };
    let (schema, database) = fresh_schema(&url).await;
    let fake = FakeDiscord::start().await;
    // Discord makes the first event, but its answer never reaches the replica making it.
    let endpoint = format!("/guilds/{GUILD_ID}/scheduled-events");
    fake.hang("POST", &endpoint, 1);
    let dir = tempfile::tempdir().unwrap();
    // Siegen's 12th anniversary is in ten days.
    let day = Utc::now().date_naive() + chrono::Duration::days(10);
    let data = [town(dir.path(), day.with_year(day.year() - 12).unwrap(), "")];
    let mut a = replica(Some(&fake), dir.path(), "a", &database, &data, "");
    let mut b = replica(Some(&fake), dir.path(), "b", &database, &data, "");
    let start = Instant::now();
    let a_leads = loop {
        match (a.log().contains(LEADS), b.log().contains(LEADS)) {
            (true, false) if b.log().contains(STANDS_BY) => break true,
            (false, true) if a.log().contains(STANDS_BY) => break false,
            _ => {}
        }
        assert!(start.elapsed() < T, "one replica leads, the other stands by:\n{}\n{}", a.log(), b.log());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let (leader, other) = if a_leads { (&mut a, &mut b) } else { (&mut b, &mut a) };
    other.wait_log("listening for other replicas' changes", T).await;
    leader.wait_log("listening for other replicas' changes", T).await;

    // A moderator turns events on through the replica that does not make them.
    let (mut payload, _, _) = command_by("anniversary-settings", json!([]), MODERATOR);
    payload["data"]["options"] = json!([support::payload::boolean("events", true)]);
    let answer = ask(&other.interactions_url().await, &payload).await;
    assert_eq!(embed(&answer.body)["title"], "Anniversary settings saved", "{}", answer.text);
    let first = fake.wait_for_request("POST", &endpoint, 1, T).await;
    assert_eq!(first.body["entity_type"], 3, "{}", first.body);
    assert_eq!(fake.all_guild_events(GUILD_ID).len(), 1, "Discord made it");
    leader.kill().await;

    // The survivor takes over, lists the server's events, and finds the one made.
    other.wait_log("found the event already made before a restart", T).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(fake.all_guild_events(GUILD_ID).len(), 1, "exactly one event");
    assert_eq!(fake.requests().iter().filter(|r| r.is("POST", &endpoint)).count(), 1, "not made again");
    let store = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
    let ledger = store.posts(GUILD_ID.parse().unwrap()).await.unwrap();
    let id: u64 = fake.all_guild_events(GUILD_ID)[0]["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(ledger.len(), 1, "{ledger:?}");
    assert_eq!((ledger[0].state, ledger[0].message_id), (PostState::Sent, Some(id)));
    assert!(ledger[0].key.starts_with("event/"), "{}", ledger[0].key);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_turned_on_through_the_replica_that_does_not_post_are_made_once_by_the_one_that_does() {
    let Some(url) = database() else { return };
    let (schema, database) = fresh_schema(&url).await;
    // The posts go out at the next whole minute at least five seconds away (UTC), on the day of
    // the 12th anniversary.
    let now = Utc::now();
    let minutes = if now.second() >= 55 { 2 } else { 1 };
    let due = (now + chrono::Duration::minutes(minutes)).with_second(0).unwrap().with_nanosecond(0).unwrap();
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let day = due.date_naive();
    let data = [town(dir.path(), day.with_year(day.year() - 12).unwrap(), "")];
    let a = replica(Some(&fake), dir.path(), "a", &database, &data, "");
    let b = replica(Some(&fake), dir.path(), "b", &database, &data, "");
    let start = Instant::now();
    let (poster, other) = loop {
        match (a.log().contains(LEADS), b.log().contains(LEADS)) {
            (true, false) if b.log().contains(STANDS_BY) => break (&a, &b),
            (false, true) if a.log().contains(STANDS_BY) => break (&b, &a),
            _ => {}
        }
        assert!(start.elapsed() < T, "one replica leads, the other stands by:\n{}\n{}", a.log(), b.log());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    other.wait_log("listening for other replicas' changes", T).await;
    poster.wait_log("listening for other replicas' changes", T).await;

    // A moderator turns posts on, and Discord hands the interaction to the replica that does not
    // post.
    let (mut payload, _, _) = command_by("anniversary-settings", json!([]), MODERATOR);
    let channel = support::payload::channel(&mut payload, "channel", POSTS, MODERATOR);
    let time = due.format("%H:%M").to_string();
    payload["data"]["options"] = json!([channel, text("timezone", "UTC"), text("time", &time)]);
    let answer = ask(&other.interactions_url().await, &payload).await;
    assert_eq!(embed(&answer.body)["title"], "Anniversary settings saved", "{}", answer.text);
    assert!(is_ephemeral(&answer.body));
    other.wait_log("anniversary settings saved", T).await;

    // The other hears of it and posts the anniversary when it falls due: once.
    let wait = (due - Utc::now()).to_std().unwrap_or_default() + T;
    let posted = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, wait).await;
    assert!(Utc::now() >= due, "not before it is due");
    assert!(posted.body["content"].as_str().unwrap().contains("12th anniversary"), "{}", posted.body);
    poster.wait_log("anniversary posted", T).await;
    assert!(!other.log().contains("anniversary posted"), "{}", other.log());
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(fake.channel_messages().len(), 1, "exactly one message");
    let store = PostgresStore::connect_in(&url, Some(&schema)).await.unwrap();
    let ledger = store.posts(GUILD_ID.parse().unwrap()).await.unwrap();
    assert_eq!((ledger.len(), ledger[0].state, ledger[0].attempts), (1, PostState::Sent, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_home_chosen_through_one_replica_is_answered_for_by_the_other_within_a_second() {
    let Some(url) = database() else { return };
    let (_dir, _a, _b, url_a, url_b) = two_answering(&url).await;
    assert_eq!(partners_title(&url_b).await, "Leeds and Dortmund's partner cities (18)");
    let saved = moderator(&url_a, "home", json!([text("city", "Dortmund")])).await;
    assert_eq!(embed(&saved)["title"], "Home cities saved", "{saved}");
    let took = until_partners(&url_b, "Dortmund's partner cities (11)", Duration::from_secs(1)).await;
    eprintln!("the other replica answered for the new home after {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_that_lost_its_listening_connection_catches_up_with_what_it_missed() {
    let Some(url) = database() else { return };
    let (_dir, _a, b, url_a, url_b) = two_answering(&url).await;
    assert_eq!(partners_title(&url_b).await, "Leeds and Dortmund's partner cities (18)");
    // The connection b listens on is cut, and the change is made while it is down.
    let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    let name = format!("twinbot listen {}", b.pid());
    let cut = client
        .query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", &[&name])
        .await
        .unwrap();
    assert_eq!(cut.len(), 1, "b's listening connection");
    b.wait_log("the connection listening for other replicas' changes dropped", T).await;
    let saved = moderator(&url_a, "home", json!([text("city", "Dortmund")])).await;
    assert_eq!(embed(&saved)["title"], "Home cities saved", "{saved}");
    // It reconnects, compares versions, and reads the newer one.
    b.wait_log("caught up with changes made by other processes", T).await;
    until_partners(&url_b, "Dortmund's partner cities (11)", T).await;
    let log = b.log();
    let dropped = log.find("dropped").unwrap();
    assert!(log[dropped..].contains("listening for other replicas' changes"), "listening again:\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_reloaded_on_one_replica_is_reloaded_on_every_replica() {
    let Some(url) = database() else { return };
    let (_, database) = fresh_schema(&url).await;
    let dir = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(1966, 7, 16).unwrap();
    let data = [town(dir.path(), day, "")];
    let a = replica(None, dir.path(), "a", &database, &data, "");
    let b = replica(None, dir.path(), "b", &database, &data, "");
    let url_b = b.interactions_url().await;
    a.interactions_url().await;
    b.wait_log("listening for other replicas' changes", T).await;
    assert_eq!(partners_title(&url_b).await, "Morley's partner cities (1)");
    // The data maintainer adds a partner, and the operator reloads one replica.
    town(
        dir.path(),
        day,
        "\n[[partner]]\nname = \"Brno\"\ncountry = \"Czech Republic\"\ncountry_code = \"CZ\"\nkind = \"partnership\"\n\
         year = 2003\nsummary = \"Another test fixture.\"\n",
    );
    a.signal("HUP");
    a.wait_log("data reloaded", T).await;
    b.wait_log("data reloaded, as another process did", T).await;
    until_partners(&url_b, "Morley's partner cities (2)", T).await;
}

/// A signed interaction to a replica, answered with 200: the response.
async fn send(url: &str, payload: &Value) -> Value {
    let a = ask(url, payload).await;
    assert_eq!(a.status, 200, "{}", a.text);
    a.body
}

fn title(r: &Value) -> String {
    embed(r)["title"].as_str().unwrap_or_default().to_string()
}

/// `/town add` shown by one replica (its form), and the form, filled in, for another.
async fn add_form(url: &str, city: &str, year: i64) -> Value {
    let options = json!([text("city", city), support::payload::int("year", year)]);
    let (p, id, _) = support::payload::subcommand("town", "add", options, MANAGE_SERVER);
    let shown = send(url, &p).await;
    assert_eq!(shown["type"], 9, "a form: {shown}");
    let fields = [("summary", "A link made in a test, in its own words.")];
    support::payload::form(&format!("tb:{id}:texts"), &fields, MANAGE_SERVER, false).0
}

const MANAGE_SERVER: u64 = support::town_walk::MANAGE_SERVER;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_towns_form_shown_by_one_replica_is_sent_to_the_other_and_each_answers_the_others_edits() {
    let Some(url) = database() else { return };
    let (_dir, _a, _b, url_a, url_b) = two_answering(&url).await;
    let created =
        send(&url_a, &support::payload::subcommand("town", "create", json!([text("city", "Morley")]), MANAGE_SERVER).0)
            .await;
    assert_eq!(title(&created), "Town created", "{created}");
    // The form is shown by a, and sent back to b.
    let filled = add_form(&url_a, "Siegen", 1966).await;
    let added = send(&url_b, &filled).await;
    assert_eq!(title(&added), "Partner added", "{added}");
    // a answers for the town as b changed it, within a second.
    let took = until_partners(&url_a, "Morley's partner cities (1)", Duration::from_secs(1)).await;
    eprintln!("the other replica answered for the edited town after {took:?}");
    // A button shown by b is pressed on a.
    let (p, id, _) = support::payload::subcommand("town", "remove", json!([text("city", "Siegen")]), MANAGE_SERVER);
    send(&url_b, &p).await;
    let removed = send(&url_a, &support::payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
    assert_eq!(title(&removed), "Partner removed", "{removed}");
    until_partners(&url_b, "Morley's partner cities (0)", Duration::from_secs(1)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_edits_of_a_town_through_two_replicas_are_both_made_or_one_is_refused_by_name() {
    let Some(url) = database() else { return };
    let (_dir, _a, _b, url_a, url_b) = two_answering(&url).await;
    send(&url_a, &support::payload::subcommand("town", "create", json!([text("city", "Morley")]), MANAGE_SERVER).0)
        .await;
    // Two partners added at once, one through each replica: both are kept.
    let (siegen, brno) = (add_form(&url_a, "Siegen", 1966).await, add_form(&url_b, "Brno", 1990).await);
    let (x, y) = tokio::join!(send(&url_a, &siegen), send(&url_b, &brno));
    assert_eq!((title(&x), title(&y)), ("Partner added".into(), "Partner added".into()), "{x}\n{y}");
    until_partners(&url_a, "Morley's partner cities (2)", Duration::from_secs(1)).await;
    until_partners(&url_b, "Morley's partner cities (2)", Duration::from_secs(1)).await;
    // Two undos at once. Each is made against the version its replica read: if both read the
    // same, one is made and the other refused, naming the change made meanwhile; if one read
    // after the other's was saved, it undoes the change before. Never the same change twice,
    // never one lost.
    let undo = || support::payload::subcommand("town", "undo", json!([]), MANAGE_SERVER).0;
    let (undo_a, undo_b) = (undo(), undo());
    let (x, y) = tokio::join!(send(&url_a, &undo_a), send(&url_b, &undo_b));
    let mut titles = [title(&x), title(&y)];
    titles.sort();
    let left = match titles.each_ref().map(String::as_str) {
        ["Not saved", "Undone"] => {
            let refused = if title(&x) == "Not saved" { &x } else { &y };
            assert!(support::reply::desc(refused).contains("changed this server's town meanwhile"), "{refused}");
            "Morley's partner cities (1)"
        }
        ["Undone", "Undone"] => {
            let (dx, dy) = (support::reply::desc(&x), support::reply::desc(&y));
            assert!(dx.contains("added Siegen") != dy.contains("added Siegen"), "two changes undone:\n{dx}\n{dy}");
            "Morley's partner cities (0)"
        }
        other => panic!("{other:?}:\n{x}\n{y}"),
    };
    until_partners(&url_a, left, Duration::from_secs(1)).await;
    until_partners(&url_b, left, Duration::from_secs(1)).await;
}

/// `twinbot town ARGS` with a bot's config, beside it: whether it succeeded, and what it printed.
async fn shell(config: &Path, args: &[&str]) -> (bool, String, String) {
    let out = tokio::process::Command::new(binary())
        .arg("--config")
        .arg(config)
        .arg("town")
        .args(args)
        .output()
        .await
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// The operator's shell changes a server's town while the bot runs on `database` (a SQLite file it
/// holds, or PostgreSQL): an import, an export, a CSV back in, the history; the bot answers for
/// each change within seconds; a hostile file changes nothing.
async fn the_shell_keeps_a_town_beside_the_running_bot(database: &str, dir: &Path) {
    let bot = replica(None, dir, "bot", database, &[root().join("data/leeds.toml")], "");
    let url = bot.interactions_url().await;
    let config = dir.join("bot.toml");
    let file = dir.join("morley.toml");
    let made = town(dir, NaiveDate::from_ymd_opt(1966, 5, 21).unwrap(), "");
    std::fs::rename(&made, &file).unwrap();
    let file = file.display().to_string();
    let (ok, dry, err) = shell(&config, &["import", "--guild", GUILD_ID, &file, "--dry-run"]).await;
    assert!(ok && dry.contains("added (1): Siegen") && dry.contains("dry run"), "{dry}{err}");
    let (ok, out, err) = shell(&config, &["import", "--guild", GUILD_ID, &file]).await;
    assert!(ok && out.contains("saved as version 1"), "{out}{err}\n{}", bot.log());
    let took = until_partners(&url, "Morley's partner cities (1)", Duration::from_secs(5)).await;
    eprintln!("the bot answered for the town imported from the shell after {took:?}");
    let (ok, toml, _) = shell(&config, &["export", "--guild", GUILD_ID]).await;
    assert!(ok && toml.contains("id = \"town\"") && toml.contains("name = \"Siegen\""), "{toml}");
    let (ok, csv, _) = shell(&config, &["export", "--guild", GUILD_ID, "--csv"]).await;
    assert!(ok && csv.starts_with("id,name,"), "{csv}");
    // A second partner, through the CSV.
    // Its name in each language left empty (the last seven columns).
    let csv = format!("{csv}brno,Brno,Czechia,CZ,partnership,1990,,,,A link in a test.,,,,,,,,,,,,,,,,,\r\n");
    let csv_file = dir.join("partners.csv");
    std::fs::write(&csv_file, csv).unwrap();
    let (ok, out, err) = shell(&config, &["import", "--guild", GUILD_ID, &csv_file.display().to_string()]).await;
    assert!(ok && out.contains("added (1): Brno"), "{out}{err}");
    until_partners(&url, "Morley's partner cities (2)", Duration::from_secs(5)).await;
    // A formula: refused, nothing changed.
    let hostile = dir.join("hostile.csv");
    std::fs::write(&hostile, "name,year,summary\nSiegen,1966,=1+1\n").unwrap();
    let (ok, _, err) = shell(&config, &["import", "--guild", GUILD_ID, &hostile.display().to_string()]).await;
    assert!(!ok && err.contains("begins like a spreadsheet formula") && err.contains("nothing was changed"), "{err}");
    let (ok, history, _) = shell(&config, &["history", "--guild", GUILD_ID]).await;
    assert!(ok, "{history}");
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(lines[0].contains("imported partners.csv (1 added, 0 removed, 0 changed)"), "{history}");
    assert!(lines[1].contains("the operator") && lines[1].contains("imported morley.toml"), "{history}");
    let (ok, _, err) = shell(&config, &["history", "--guild", "1"]).await;
    assert!(!ok && err.contains("has no town"), "{err}");
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shell_keeps_a_town_beside_the_running_bot_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twinbot.db").display().to_string();
    the_shell_keeps_a_town_beside_the_running_bot(&db, dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shell_keeps_a_town_beside_the_running_bot_on_postgres() {
    let Some(url) = database() else { return };
    let (_, db) = fresh_schema(&url).await;
    let dir = tempfile::tempdir().unwrap();
    the_shell_keeps_a_town_beside_the_running_bot(&db, dir.path()).await;
}
