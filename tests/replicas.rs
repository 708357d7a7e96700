//! Replicas: two `twinbot serve` processes on one PostgreSQL database make a scheduled post once
//! between them, even when the one making it is killed (`kill -9`) after Discord has stored the
//! message but before the bot heard back. Runs when `TWINBOT_TEST_POSTGRES` names a database
//! (`.ci/run` sets it); otherwise it says it is skipped.

mod support;

use std::path::Path;
use std::time::Duration;

use chrono::{Datelike, Utc};
use support::bot_process::{binary, BotProcess};
use support::fake_discord::{FakeDiscord, GUILD_ID};
use twinbot::ledger::{PostState, Store};
use twinbot::store::PostgresStore;

const T: Duration = Duration::from_secs(20);
const POSTS: &str = "1300000000000000200";

/// A fresh schema in the test database, and the URL that puts the bots in it.
async fn fresh_schema(url: &str) -> (String, String) {
    let schema = format!("twinbot_replicas_{}_{}", std::process::id(), Utc::now().timestamp_micros());
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("the test database answers");
    tokio::spawn(conn);
    client.batch_execute(&format!("CREATE SCHEMA {schema}")).await.unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    (schema.clone(), format!("{url}{sep}options=-c%20search_path%3D{schema}"))
}

/// The application's public key (any valid one: no interaction is sent here).
fn public_key() -> String {
    let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]).verifying_key();
    key.as_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// A replica: `twinbot serve` with the token (so it posts), on `database`.
fn replica(fake: &FakeDiscord, dir: &Path, name: &str, database: &str) -> BotProcess {
    let since = Utc::now().date_naive().with_year(Utc::now().year() - 12).unwrap();
    let data = dir.join("town.toml");
    if !data.exists() {
        std::fs::write(
            &data,
            format!(
                "[home]\nname = \"Morley\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n[[partner]]\n\
                 name = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
                 year = {}\ndate = {since}\nsummary = \"A test fixture.\"\n",
                since.year()
            ),
        )
        .unwrap();
    }
    let at = (Utc::now() - chrono::Duration::minutes(1)).format("%H:%M");
    let config = dir.join(format!("{name}.toml"));
    std::fs::write(
        &config,
        format!(
            "data = [\"town.toml\"]\ndatabase = {database:?}\n[discord]\nguild_id = {GUILD_ID}\n\
             [http]\nlisten = \"127.0.0.1:0\"\n\
             [anniversaries]\nchannel = {POSTS}\ntimezone = \"UTC\"\nat = \"{at}\"\n"
        ),
    )
    .unwrap();
    let mut command = tokio::process::Command::new(binary());
    command.arg("--config").arg(&config).arg("serve").env("DISCORD_PUBLIC_KEY", public_key());
    BotProcess::spawn(command, fake, tempfile::tempdir().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_make_a_due_post_once_even_when_the_poster_is_killed() {
    let Some(url) = std::env::var("TWINBOT_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        eprintln!("skipped: TWINBOT_TEST_POSTGRES is not set");
        return;
    };
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
    let mut a = replica(&fake, dir.path(), "a", &database);
    let mut b = replica(&fake, dir.path(), "b", &database);
    let first = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 1, T).await;

    let leads = "this process makes the scheduled anniversary posts";
    let (leader, other) = if a.log().contains(leads) { (&mut a, &mut b) } else { (&mut b, &mut a) };
    assert!(leader.log().contains(leads), "one replica leads:\n{}\n{}", a.log(), b.log());
    assert!(!other.log().contains(leads), "only one leads:\n{}", other.log());
    leader.kill().await;

    let second = fake.wait_for_request("POST", &format!("/channels/{POSTS}/messages"), 2, T).await;
    assert_eq!(second.body["nonce"], first.body["nonce"], "the other replica resends with the same nonce");
    other.wait_log("anniversary posted", T).await;
    assert!(other.log().contains(leads), "{}", other.log());
    assert_eq!(fake.channel_messages().len(), 1, "exactly one message reached Discord");
    let ledger = store.posts(GUILD_ID.parse().unwrap()).await.unwrap();
    assert_eq!((ledger.len(), ledger[0].state, ledger[0].attempts), (1, PostState::Sent, 2));
    // And no more: the survivor does not post it again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(fake.requests().iter().filter(|r| r.is("POST", &format!("/channels/{POSTS}/messages"))).count(), 2);
}
