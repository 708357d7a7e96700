//! The bot against the fake Discord: start-up to commands registered, dispatch → callback
//! latency over 10,000 interactions, and peak memory. Run with `cargo bench --bench gateway`
//! (release build). It measures and prints figures; it asserts nothing about speed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::bot_process::{kib, BotProcess};
use support::fake_discord::{FakeDiscord, APP_ID, GUILD_ID};
use support::payload::{command, text};

const INTERACTIONS: usize = 10_000;

/// How many interactions to time: 10,000, or `GATEWAY_BENCH_N` (fewer, for a run under valgrind).
fn interactions() -> usize {
    std::env::var("GATEWAY_BENCH_N").ok().and_then(|n| n.parse().ok()).unwrap_or(INTERACTIONS)
}
const WARMUP: usize = 200;

/// Minor page faults and context switches (voluntary + involuntary) of the process so far.
fn faults_and_switches(pid: u32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let minflt = f.get(7).and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut switches = 0;
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for t in tasks.flatten() {
            let status = std::fs::read_to_string(t.path().join("status")).unwrap_or_default();
            for l in status.lines().filter(|l| l.contains("ctxt_switches:")) {
                switches += l.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            }
        }
    }
    (minflt, switches)
}

/// CPU time (user + system) the process has used so far.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let ticks = field(11) + field(12);
    Duration::from_secs_f64(ticks as f64 / 100.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// What one run measured.
struct Figures {
    startup: Duration,
    latencies: Vec<Duration>,
    peak_rss_kib: u64,
    /// Resident memory at the end: (anonymous: heap and stacks, file: mapped code and data).
    rss_split_kib: (u64, u64),
    cpu_per_interaction: Duration,
}

/// Starts a bot against a fresh fake, waits for its registration, then times interactions.
async fn measure(name: &str, start: impl FnOnce(&FakeDiscord) -> BotProcess) -> Figures {
    let fake = FakeDiscord::start().await;
    let mut requests = fake.subscribe();
    let mut bot = start(&fake);
    let register = format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands");
    let registered = loop {
        let r = tokio::time::timeout(Duration::from_secs(30), requests.recv())
            .await
            .unwrap_or_else(|_| panic!("{name} did not register within 30 s; log:\n{}", bot.log()))
            .expect("fake running");
        if r.method == "PUT" && r.path == register {
            break r.at;
        }
    };
    let startup = registered - bot.started;
    // Let the client identify and settle (discord.py waits for guilds before it calls itself
    // ready).
    let identified = Instant::now();
    while !fake.frames().iter().any(|f| f.op() == 2) {
        assert!(identified.elapsed() < Duration::from_secs(30), "{name} never identified; log:\n{}", bot.log());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    fake.forget_requests();

    // Real-looking traffic: a mix of exact, fuzzy and other-script lookups.
    let queries = ["dortmund", "dortmnud", "Brünn", "Харків", "hangzou", "lile", "eThekwini", "siegn"];
    let interactions = interactions();
    let locales = locales();
    let mut latencies = Vec::with_capacity(interactions);
    let mut cpu_before = Duration::ZERO;
    let mut fs_before = (0, 0);
    for i in 0..WARMUP + interactions {
        if i == WARMUP {
            cpu_before = cpu_time(bot.pid());
            fs_before = faults_and_switches(bot.pid());
        }
        let (mut payload, id, _) = command("partner", json!([text("city", queries[i % queries.len()])]));
        // Members of every language twinbot speaks, in turn (the peer answers all in English).
        payload["locale"] = json!(locales[i % locales.len()]);
        let prefix = format!("/interactions/{id}/");
        let sent = fake.dispatch("INTERACTION_CREATE", payload);
        let got = loop {
            let r = tokio::time::timeout(Duration::from_secs(10), requests.recv())
                .await
                .unwrap_or_else(|_| panic!("{name}: no callback within 10 s; log:\n{}", bot.log()))
                .expect("fake running");
            if r.path.starts_with(&prefix) {
                break r.at;
            }
        };
        if i >= WARMUP {
            latencies.push(got - sent);
        }
    }
    let cpu = cpu_time(bot.pid()) - cpu_before;
    let fs = faults_and_switches(bot.pid());
    println!(
        "{name}: minor faults per interaction {:.2}, context switches per interaction {:.2}",
        (fs.0 - fs_before.0) as f64 / latencies.len() as f64,
        (fs.1 - fs_before.1) as f64 / latencies.len() as f64
    );
    let peak_rss_kib = kib(bot.pid(), "VmHWM:");
    let rss_split_kib = (kib(bot.pid(), "RssAnon:"), kib(bot.pid(), "RssFile:"));
    bot.terminate();
    let _ = tokio::time::timeout(Duration::from_secs(5), bot.wait_exit(Duration::from_secs(5))).await;
    latencies.sort();
    Figures { startup, latencies, peak_rss_kib, rss_split_kib, cpu_per_interaction: cpu / interactions as u32 }
}

fn report(name: &str, f: &Figures) {
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!("== {name}");
    println!("startup_to_registered_ms: {:.1}", f.startup.as_secs_f64() * 1e3);
    println!(
        "dispatch_to_callback_us: p50={:.0} p90={:.0} p95={:.0} p99={:.0} p99.9={:.0} max={:.0}",
        us(percentile(&f.latencies, 0.50)),
        us(percentile(&f.latencies, 0.90)),
        us(percentile(&f.latencies, 0.95)),
        us(percentile(&f.latencies, 0.99)),
        us(percentile(&f.latencies, 0.999)),
        us(*f.latencies.last().unwrap())
    );
    println!(
        "peak_rss_mb: {:.1} (at the end: heap and stacks {:.1}, mapped files {:.1})",
        f.peak_rss_kib as f64 / 1024.0,
        f.rss_split_kib.0 as f64 / 1024.0,
        f.rss_split_kib.1 as f64 / 1024.0
    );
    println!("bot_cpu_us_per_interaction: {:.0}", us(f.cpu_per_interaction));
}

/// The members' languages, in turn: every language twinbot speaks.
const LOCALES: &[&str] = &["en-GB", "de", "fr", "cs", "uk", "zh-CN", "en-US"];

/// The members' languages: [`LOCALES`], or those `GATEWAY_BENCH_LOCALES` lists (`en-GB,de`), to
/// tell one language's cost from another's.
fn locales() -> Vec<String> {
    match std::env::var("GATEWAY_BENCH_LOCALES") {
        Ok(list) if !list.trim().is_empty() => list.split(',').map(|l| l.trim().to_string()).collect(),
        _ => LOCALES.iter().map(|l| l.to_string()).collect(),
    }
}

/// How many of the functions the linker was asked to lay out together (build.rs) the binary under
/// test has: fewer than nearly all means the order was made for another Rust or other dependency
/// versions (tools/layout/profile.sh makes it anew). None without `nm`.
fn layout_found() -> Option<(usize, usize)> {
    let order = std::fs::read_to_string(support::root().join("tools/layout/hot-functions.txt")).ok()?;
    let out =
        std::process::Command::new("nm").arg("--defined-only").arg(support::bot_process::binary()).output().ok()?;
    let defined: std::collections::HashSet<&str> =
        std::str::from_utf8(&out.stdout).ok()?.lines().filter_map(|l| l.split_whitespace().last()).collect();
    let wanted: Vec<&str> = order.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
    Some((wanted.iter().filter(|n| defined.contains(*n)).count(), wanted.len()))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The bot as released (`cargo build --release`), not the benchmark's own build of it.
    support::bot_process::use_release_binary();
    if let Some((found, wanted)) = layout_found() {
        println!("code layout: {found} of the {wanted} functions in tools/layout/hot-functions.txt are in the binary");
    }
    println!(
        "interactions: {} (after {WARMUP} warm-up), /partner with mixed queries, one at a time, \
         members' locales in turn: {}",
        interactions(),
        locales().join(", ")
    );
    let twinbot = measure("twinbot", |fake| BotProcess::start(fake, true)).await;
    report("twinbot (release build)", &twinbot);

    // The peer, side by side, when discord.py is installed (GATEWAY_BENCH_PEER=0 skips it).
    if std::env::var("GATEWAY_BENCH_PEER").is_ok_and(|v| v == "0") {
        return;
    }
    let has_peer =
        std::process::Command::new("python3").args(["-c", "import discord"]).status().is_ok_and(|s| s.success());
    if !has_peer {
        println!("== discord.py: not installed (pip install \"discord.py==2.7.*\"), peer not measured");
        return;
    }
    let root = support::root();
    let peer = measure("discord.py", |fake| {
        let mut cmd = tokio::process::Command::new("python3");
        cmd.arg(root.join("benches/peer/discordpy_partner.py")).arg(root.join("data/leeds.toml"));
        BotProcess::spawn(cmd, fake, tempfile::tempdir().unwrap())
    })
    .await;
    let version = std::process::Command::new("python3")
        .args(["-c", "import discord; print(discord.__version__)"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    report(&format!("discord.py {version} (peer)"), &peer);
}
