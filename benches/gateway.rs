//! The bot against the fake Discord: start-up to commands registered, dispatch → callback
//! latency over 10,000 interactions, and peak memory. Run with `cargo bench --bench gateway`
//! (release build). It measures and prints figures; it asserts nothing about speed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::bot_process::{command, text, BotProcess};
use support::fake_discord::{FakeDiscord, APP_ID, GUILD_ID};

const INTERACTIONS: usize = 10_000;
const WARMUP: usize = 200;

fn kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let fake = FakeDiscord::start().await;
    let mut requests = fake.subscribe();
    let mut bot = BotProcess::start(&fake, true).await;
    let register = format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands");
    let registered = loop {
        let r = requests.recv().await.expect("fake running");
        if r.method == "PUT" && r.path == register {
            break r.at;
        }
    };
    let startup = registered - bot.started;

    // Real-looking traffic: a mix of exact, fuzzy and other-script lookups.
    let queries = ["dortmund", "dortmnud", "Brünn", "Харків", "hangzou", "lile", "eThekwini", "siegn"];
    let mut latencies = Vec::with_capacity(INTERACTIONS);
    for i in 0..WARMUP + INTERACTIONS {
        let (payload, id, _) = command("partner", json!([text("city", queries[i % queries.len()])]));
        let sent = Instant::now();
        fake.dispatch("INTERACTION_CREATE", payload);
        let got = loop {
            let r = tokio::time::timeout(Duration::from_secs(10), requests.recv())
                .await
                .expect("a callback within 10 s")
                .expect("fake running");
            if r.path.starts_with(&format!("/interactions/{id}/")) {
                break r.at;
            }
        };
        if i >= WARMUP {
            latencies.push(got - sent);
        }
    }
    let peak_rss_kib = kib(bot.pid(), "VmHWM:");
    let rss_kib = kib(bot.pid(), "VmRSS:");
    bot.terminate();
    bot.wait_exit(Duration::from_secs(5)).await;

    latencies.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!("interactions: {INTERACTIONS} (after {WARMUP} warm-up), /partner with mixed queries, one at a time");
    println!("startup_to_registered_ms: {:.1}", startup.as_secs_f64() * 1e3);
    println!(
        "dispatch_to_callback_us: p50={:.0} p90={:.0} p99={:.0} max={:.0}",
        us(percentile(&latencies, 0.50)),
        us(percentile(&latencies, 0.90)),
        us(percentile(&latencies, 0.99)),
        us(*latencies.last().unwrap())
    );
    println!("peak_rss_mb: {:.1} (rss at end {:.1})", peak_rss_kib as f64 / 1024.0, rss_kib as f64 / 1024.0);
}
