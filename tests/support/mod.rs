//! The tests' one helpers folder, shared by every test file and the benchmarks: the data and
//! configs they start from (here), the real binary and the fake Discord it talks to
//! (`bot_process`, `fake_discord`), the one builder of interaction payloads (`payload`), what to
//! read off an interaction response (`reply`), and Discord's signatures for HTTP mode
//! (`signed`), and one walk through a server's own town for every transport (`town_walk`). Each
//! test file uses some of it.
#![allow(dead_code)]

pub mod bot_process;
pub mod fake_discord;
pub mod payload;
pub mod property;
pub mod reply;
pub mod signed;
pub mod town_walk;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use twinbot::core::catalog::Catalog;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

/// The real Leeds data, as the bot ships it.
pub fn leeds() -> Catalog {
    Catalog::load(&[root().join("data/leeds.toml")]).expect("data/leeds.toml is valid")
}

/// The date the expected ages in these tests are computed for.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Runs the twinbot binary with a config file, outside any Discord environment.
pub fn twinbot_with(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap()])
        .args(args)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_BASE")
        .env_remove("RUST_LOG")
        .output()
        .expect("twinbot runs")
}

/// A config in a temporary folder naming `data` files, with `extra` TOML after the list.
pub fn temp_config(extra: &str, data: &[PathBuf]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let list: Vec<String> = data.iter().map(|p| format!("{:?}", p.display().to_string())).collect();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, format!("data = [{}]\n{extra}", list.join(", "))).unwrap();
    (dir, path)
}

/// Runs a future to completion on a runtime of its own (for tests that are not async).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime").block_on(f)
}

/// What the bot sends back for a real Discord interaction payload (read by serenity), answered
/// from the Leeds data at midday of [`today`], as JSON.
pub fn dispatch(p: serde_json::Value) -> serde_json::Value {
    let interaction: serenity::all::Interaction = serde_json::from_value(p).expect("serenity accepts the payload");
    let now = today().and_hms_opt(12, 0, 0).unwrap().and_utc();
    let answer = block_on(async {
        let service = twinbot::app::App::in_memory(leeds()).await;
        twinbot::discord::respond(&service, &interaction, now).await
    })
    .expect("the bot answers");
    serde_json::to_value(answer.response).unwrap()
}

/// The characters of an embed that count towards Discord's 6,000.
pub fn embed_size(e: &serde_json::Value) -> usize {
    let n = |v: &serde_json::Value| v.as_str().map_or(0, |s| s.chars().count());
    n(&e["title"])
        + n(&e["description"])
        + n(&e["footer"]["text"])
        + e["fields"].as_array().map_or(0, |fs| fs.iter().map(|f| n(&f["name"]) + n(&f["value"])).sum())
}

/// What a transport sends back for a payload at `now`: the answer, with its quick effect (a
/// change saved, an action kept) carried out first as both transports do, as JSON.
pub async fn exchange(
    service: &twinbot::app::App,
    p: serde_json::Value,
    now: chrono::DateTime<chrono::Utc>,
) -> serde_json::Value {
    let interaction: serenity::all::Interaction = serde_json::from_value(p).expect("serenity accepts the payload");
    let mut answer = twinbot::discord::respond(service, &interaction, now).await.expect("the bot answers");
    let response = match answer.effect.take() {
        Some(effect) => twinbot::discord::interaction::apply_quick(service, answer, effect).await,
        None => answer.response,
    };
    serde_json::to_value(response).unwrap()
}

/// A city as the gazetteer gives it to `/town`, with no coordinates or other names.
pub fn place(name: &str, country_code: &str) -> twinbot::core::gazetteer::Place {
    twinbot::core::gazetteer::Place {
        geonames_id: 1,
        name: name.into(),
        country_code: country_code.into(),
        country: country_code.into(),
        population: None,
        coords: None,
        aliases: Vec::new(),
    }
}

/// Something reached over the network (a database, Discord's REST API), used on tokio's paused
/// clock. The paused clock jumps to the next timer whenever the runtime is idle, as it is while a
/// query or a request is on the wire, but not while a blocking task runs: so each call is made on
/// a blocking thread, which drives it on the runtime and waits.
pub struct OffTheClock<S: ?Sized>(pub std::sync::Arc<S>);

impl<S: Send + Sync + ?Sized + 'static> OffTheClock<S> {
    pub async fn call<T, F, Fut>(&self, f: F) -> T
    where
        T: Send + 'static,
        F: FnOnce(std::sync::Arc<S>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = T> + Send + 'static,
    {
        let (on, handle) = (self.0.clone(), tokio::runtime::Handle::current());
        tokio::task::spawn_blocking(move || handle.block_on(f(on))).await.unwrap()
    }
}

/// Decodes standard base64 (RFC 4648, with padding), as Discord's data URIs carry images; None
/// for anything else.
pub fn base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digits: Vec<u8> = text
        .trim_end_matches('=')
        .bytes()
        .map(|b| ALPHABET.iter().position(|&a| a == b).map(|p| p as u8))
        .collect::<Option<_>>()?;
    if !text.len().is_multiple_of(4) || digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    Some(out)
}
