//! A hosted instance with 10,000 servers, each with its own town of 10 partners (real cities from
//! the shipped gazetteer). Fills a database (SQLite, or PostgreSQL when `TOWNS_BENCH_POSTGRES`
//! names one), then:
//! - the poster's pass, in process, when 1 % of the servers have a post due (a channel that
//!   accepts at once), and the pass after it, when nothing is due;
//! - `twinbot serve` on that database: its start-up (spawned until it serves), `/partner` signed
//!   and sent one after another to servers drawn Zipf-like (a few busy, most quiet), split into
//!   cold (the server's first question: its town is read from the database and parsed) and warm
//!   (a server among the 256 asked most recently: its town is in the cache of 512), an edit's
//!   cost (`/town remove`, then its Confirm button: the write), and peak RSS with the world
//!   gazetteer loaded.
//!
//! `cargo bench --bench towns`; `TOWNS_BENCH_N` (servers, default 10,000) and
//! `TOWNS_BENCH_REQUESTS` (default 20,000). It measures and prints figures; it asserts nothing
//! about speed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};
use support::bot_process::{binary, kib, towns, BotProcess};
use support::payload::{command_by, subcommand, text};
use support::root;
use twinbot::core::gazetteer::Place;
use twinbot::core::reply::Text;
use twinbot::ledger::poster::{Clock, Outbox, Outgoing, SendError};
use twinbot::ledger::{ServerWrite, Store, Stream};
use twinbot::state::town::{self, Facts, NewPartner, Texts, TownChange, TownWrite, HOME_ID, TOWN_HEADER};
use twinbot::state::{Anniversaries, ServerState};

const PARTNERS: usize = 10;
const FIRST_GUILD: u64 = 1_350_000_000_000_000_000;
const CHANNEL: u64 = 1_350_000_000_000_999_999;
const MANAGE_SERVER: u64 = 1 << 5;
const MEMBER: u64 = 1 << 11;
/// How many servers asked most recently count as warm (the bot keeps 512 towns).
const WARM: usize = 256;
const EDITS: usize = 200;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The shipped gazetteer's cities, as places to make towns of.
fn places() -> Vec<Place> {
    let path = root().join("data/gazetteer/cities15000.tsv.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()).read_to_string(&mut text).unwrap();
    let table = twinbot::core::gazetteer::city_table(&path, &text).unwrap();
    table
        .dir
        .partners
        .iter()
        .zip(&table.ids)
        .zip(&table.coords)
        .map(|((p, id), coords)| Place {
            geonames_id: *id,
            name: p.name.clone(),
            country_code: p.country_code.clone(),
            country: p.country.clone(),
            population: p.population,
            coords: *coords,
            aliases: p.aliases.iter().take(3).cloned().collect(),
        })
        .collect()
}

/// Server `i`'s town: a home and 10 partners, one of which (for 1 % of the servers) has its
/// anniversary on `today`. Returns the document and the partners' names.
fn town_of(i: usize, places: &[Place], today: NaiveDate) -> (String, Vec<String>) {
    let n = places.len();
    let home = &places[(i * 7919) % n];
    let mut doc = town::home_document(home, today, TOWN_HEADER, Some(HOME_ID));
    let mut names = Vec::new();
    let mut k = 0;
    while names.len() < PARTNERS {
        k += 1;
        let place = &places[(i * 104_729 + k * 15_485_863) % n];
        let year = 1950 + ((i + k) % 60) as i32;
        let due = i.is_multiple_of(100) && names.is_empty();
        // Dates away from today, except the one due.
        let (month, day) = if due { (today.month(), today.day()) } else { (1 + (k as u32 % 12), 1 + (i as u32 % 27)) };
        let date = NaiveDate::from_ymd_opt(year, month, day).filter(|d| due || d.ordinal() != today.ordinal());
        let new = NewPartner {
            facts: Facts { kind: "twinning".into(), year, date, ..Facts::default() },
            texts: Texts {
                summary: format!("{} and {} have been partners since {year}.", home.name, place.name),
                ..Texts::default()
            },
            milestone: Some("Charter signed".into()),
            names: Vec::new(),
        };
        if let Ok((next, _)) = town::add_partner(&doc, place, &new) {
            doc = next;
            names.push(place.name.clone());
        }
    }
    (doc, names)
}

/// Fills the database; returns each server's partners' names.
async fn fill(
    store: &dyn Store,
    count: usize,
    places: &[Place],
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Vec<Vec<String>> {
    let mut all = Vec::with_capacity(count);
    for i in 0..count {
        let guild = FIRST_GUILD + i as u64;
        let (doc, names) = town_of(i, places, today);
        let dates = town::dates(&town::checked(&doc).expect("a generated town passes the checks"));
        let change = TownChange::Created { home: "bench".into() };
        let w = TownWrite {
            guild_id: guild,
            expected: 0,
            document: Some(&doc),
            dates: &dates,
            change: &change,
            by: None,
            at,
        };
        store.write_town(&w).await.unwrap();
        if i.is_multiple_of(100) {
            // Posts on, to a channel, from before today.
            let state = ServerState {
                anniversaries: Some(Anniversaries {
                    enabled: true,
                    channel: Some(CHANNEL),
                    ..Anniversaries::default()
                }),
                ..ServerState::default()
            };
            let w = ServerWrite {
                guild_id: guild,
                expected: 0,
                state: &state,
                by: None,
                at,
                restart: vec![(Stream::Posts, CHANNEL)],
            };
            store.write_server(&w).await.unwrap();
        }
        all.push(names);
    }
    all
}

/// A channel that takes every post at once.
struct Accepting(std::sync::atomic::AtomicU64);

#[async_trait::async_trait]
impl Outbox for Accepting {
    fn render(&self, text: &Text) -> String {
        twinbot::discord::markdown::message_content(text)
    }
    async fn send(&self, _: &Outgoing) -> Result<u64, SendError> {
        Ok(1_400_000_000_000_000_000 + self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
    }
    async fn find_posted(&self, _: &Outgoing, _: DateTime<Utc>) -> Result<Option<u64>, SendError> {
        Ok(None)
    }
    fn nonce_memory(&self) -> chrono::Duration {
        chrono::Duration::minutes(2)
    }
}

struct At(DateTime<Utc>);

impl Clock for At {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// Zipf-like draws of ranks 0..n (weight 1/(r+1)^1.1), from a fixed seed.
struct Zipf {
    cdf: Vec<f64>,
    state: u64,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cdf = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(1.1);
                total
            })
            .collect::<Vec<_>>();
        let cdf = cdf.into_iter().map(|c| c / total).collect();
        Zipf { cdf, state: 0x9e37_79b9_7f4a_7c15 }
    }
    fn next_f64(&mut self) -> f64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state >> 11) as f64 / (1u64 << 53) as f64
    }
    fn draw(&mut self) -> usize {
        let x = self.next_f64();
        self.cdf.partition_point(|&c| c < x).min(self.cdf.len() - 1)
    }
}

/// Sends a payload, signed as Discord signs it, for server `guild`; the response and how long it took.
async fn send(client: &reqwest::Client, url: &str, mut payload: Value, guild: u64) -> (Value, Duration) {
    payload["guild_id"] = json!(guild.to_string());
    let body = serde_json::to_vec(&payload).unwrap();
    let headers = support::signed::signature(&support::signed::key(), &body, Utc::now().timestamp());
    let start = Instant::now();
    let mut request = client.post(url).header("content-type", "application/json").body(body);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let answer: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null);
    let took = start.elapsed();
    assert!(status.is_success(), "{status}: {answer}");
    (answer, took)
}

fn percentiles(name: &str, mut v: Vec<Duration>) {
    if v.is_empty() {
        println!("{name}: none");
        return;
    }
    v.sort();
    let at = |p: f64| v[((v.len() as f64 * p) as usize).min(v.len() - 1)].as_secs_f64() * 1000.0;
    println!("{name}: n={} p50={:.3} ms p99={:.3} ms max={:.3} ms", v.len(), at(0.50), at(0.99), at(1.0));
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    support::bot_process::use_release_binary();
    let (count, requests) = (env("TOWNS_BENCH_N", 10_000), env("TOWNS_BENCH_REQUESTS", 20_000));
    let dir = tempfile::tempdir().unwrap();
    let london = chrono_tz::Europe::London;
    let today = Utc::now().with_timezone(&london).date_naive();
    let database = match std::env::var("TOWNS_BENCH_POSTGRES").ok().filter(|u| !u.is_empty()) {
        Some(url) => {
            let schema = format!("twinbot_towns_bench_{}", std::process::id());
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
            tokio::spawn(conn);
            client.batch_execute(&format!("CREATE SCHEMA {schema}")).await.unwrap();
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}options=-c%20search_path%3D{schema}")
        }
        None => dir.path().join("twinbot.db").display().to_string(),
    };
    let config_text = format!(
        "data = [{:?}]\ndatabase = {database:?}\n{}[http]\nlisten = \"127.0.0.1:0\"\n",
        root().join("data/leeds.toml").display().to_string(),
        towns().replace("edit_burst = 100", "edit_burst = 1000")
    );
    let config_path = dir.path().join("config.toml");
    std::fs::write(&config_path, &config_text).unwrap();
    let config = twinbot::config::Config::load(&config_path).unwrap();
    let kind = if database.starts_with("postgres") { "PostgreSQL" } else { "SQLite" };
    println!("{count} servers with a town of {PARTNERS} partners each, on {kind}");

    // Fill.
    let started = Instant::now();
    let places = places();
    let catalog = twinbot::core::catalog::Catalog::load(&config.data_paths()).unwrap();
    let app = twinbot::app::App::beside(&config, catalog.clone()).await.unwrap();
    let names = fill(app.store(), count, &places, today, Utc::now() - chrono::Duration::days(2)).await;
    println!("filled in {:.1} s", started.elapsed().as_secs_f64());
    drop(app);

    // The poster's pass, in process, on a fresh start of the application.
    let at = london.from_local_datetime(&today.and_hms_opt(9, 0, 30).unwrap()).unwrap().with_timezone(&Utc);
    let begun = Instant::now();
    let before = kib(std::process::id(), "VmRSS:");
    let app = Arc::new(twinbot::app::App::beside(&config, catalog).await.unwrap());
    let after = kib(std::process::id(), "VmRSS:");
    println!(
        "the application's hold on 10,000 towns (versions and dates): +{:.1} MB resident",
        (after - before) as f64 / 1024.0
    );
    println!(
        "application started in process (every town's version and dates read) in {:.0} ms",
        begun.elapsed().as_secs_f64() * 1000.0
    );
    let outbox = Accepting(Default::default());
    let first = Instant::now();
    let pass = twinbot::ledger::poster::pass(&*app, &outbox, &At(at)).await.unwrap();
    let first = first.elapsed();
    let second = Instant::now();
    let again = twinbot::ledger::poster::pass(&*app, &outbox, &At(at + chrono::Duration::seconds(30))).await.unwrap();
    let second = second.elapsed();
    println!(
        "poster pass with {} of {count} servers due: {:.1} ms ({} posted, {} towns read); the next pass, nothing due: {:.1} ms ({} posted)",
        count / 100,
        first.as_secs_f64() * 1000.0,
        pass.sent,
        app.towns_read(),
        second.as_secs_f64() * 1000.0,
        again.sent
    );
    drop(app);

    // twinbot serve on that database.
    let mut command = tokio::process::Command::new(binary());
    command
        .arg("--config")
        .arg(&config_path)
        .arg("serve")
        .env("DISCORD_PUBLIC_KEY", support::signed::public_key())
        .env("RUST_LOG", "warn,twinbot=info");
    let bot = BotProcess::launch(command, tempfile::tempdir().unwrap());
    let url = bot.interactions_url().await;
    println!("start-up (spawned until serving): {:.0} ms", bot.started.elapsed().as_secs_f64() * 1000.0);
    let rss = |when: &str| println!("resident {when}: {:.1} MB", kib(bot.pid(), "VmRSS:") as f64 / 1024.0);
    rss("after start-up");
    let client = reqwest::Client::builder().no_proxy().build().unwrap();

    let mut zipf = Zipf::new(count);
    let (mut cold, mut warm, mut other, mut all) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut recent: VecDeque<usize> = VecDeque::new();
    let mut asked: HashMap<usize, usize> = HashMap::new();
    let wall = Instant::now();
    for n in 0..requests {
        let i = zipf.draw();
        let partner = &names[i][n % PARTNERS];
        let (payload, _, _) = command_by("partner", json!([text("city", partner)]), MEMBER);
        let (answer, took) = send(&client, &url, payload, FIRST_GUILD + i as u64).await;
        if n < 3 {
            assert!(
                answer["data"]["embeds"][0]["title"].as_str().unwrap_or_default().contains(partner.as_str()),
                "{answer}"
            );
        }
        all.push(took);
        match asked.get(&i) {
            None => cold.push(took),
            Some(_) if recent.iter().take(WARM).any(|&r| r == i) => warm.push(took),
            Some(_) => other.push(took),
        }
        *asked.entry(i).or_default() += 1;
        recent.retain(|&r| r != i);
        recent.push_front(i);
        recent.truncate(WARM);
    }
    let wall = wall.elapsed();
    println!(
        "/partner: {requests} requests to {} servers (Zipf, s = 1.1), one after another, in {:.1} s",
        asked.len(),
        wall.as_secs_f64()
    );
    percentiles("/partner cold (the server's first question: read and parsed)", cold);
    percentiles("/partner warm (among the 256 servers asked last)", warm);
    percentiles("/partner other (asked before, maybe no longer cached)", other);
    percentiles("/partner all", all);
    rss("after /partner");

    // Edits: /town remove (keeps a pending action), then its Confirm (the write).
    let (mut asks, mut writes) = (Vec::new(), Vec::new());
    for e in 0..EDITS {
        let i = (e * 37) % count;
        let guild = FIRST_GUILD + i as u64;
        let (p, id, _) = subcommand("town", "remove", json!([text("city", &names[i][PARTNERS - 1])]), MANAGE_SERVER);
        let (asked, took) = send(&client, &url, p, guild).await;
        assert!(asked["data"]["components"].is_array(), "{asked}");
        asks.push(took);
        let (done, took) =
            send(&client, &url, support::payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0, guild).await;
        assert_eq!(done["data"]["embeds"][0]["title"], "Partner removed", "{done}");
        writes.push(took);
    }
    percentiles("/town remove (the question, its pending action kept)", asks);
    percentiles("edit: its Confirm (the town rewritten and checked, a version saved)", writes);
    rss("after the edits");
    // The world gazetteer, loaded as the first /town add suggestion loads it.
    let (typing, _, _) = support::payload::subcommand_autocomplete("town", "add", ("city", "brn"), MANAGE_SERVER);
    let (_, took) = send(&client, &url, typing, FIRST_GUILD + 1).await;
    println!("first /town add suggestion (reads the world gazetteer): {:.0} ms", took.as_secs_f64() * 1000.0);
    println!("peak RSS, with the world gazetteer loaded: {:.1} MB", kib(bot.pid(), "VmHWM:") as f64 / 1024.0);
    println!("resident now: {:.1} MB", kib(bot.pid(), "VmRSS:") as f64 / 1024.0);
}
