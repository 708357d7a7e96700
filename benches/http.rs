//! `twinbot serve` under load, side by side with the pattern of Discord's own Python examples
//! (FastAPI + uvicorn with discord-interactions / PyNaCl verification) doing the same /partner
//! job: wrk with 16 connections replaying one signed /partner request (the timestamp window, not
//! deduplication, is the replay defence), after a warm-up. Prints requests per second, latency
//! percentiles, non-2xx responses and peak RSS. Run with `cargo bench --bench http`; needs `wrk`
//! (apt-get install wrk) and, for the peer, `pip install fastapi uvicorn discord-interactions`
//! (`HTTP_BENCH_PEER=0` skips it). It measures and prints figures; it asserts nothing about speed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::process::Stdio;
use std::time::Duration;

use serde_json::json;
use support::bot_process::{kib, BotProcess};
use support::fake_discord::FakeDiscord;
use support::payload::{command, text};
use support::root;

const CONNECTIONS: u32 = 16;
const SECONDS: u32 = 10;

/// What one wrk run measured.
struct Figures {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    non_2xx: u64,
    requests: u64,
    peak_rss_mb: f64,
}

/// wrk's latency ("1.23ms", "850.00us", "1.02s") in milliseconds.
fn ms(v: &str) -> f64 {
    let (n, unit) = v.split_at(v.find(|c: char| c.is_alphabetic()).unwrap_or(v.len()));
    let n: f64 = n.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        _ => f64::NAN,
    }
}

/// Runs wrk against `url` with the signed request in `script`.
fn wrk(url: &str, script: &std::path::Path, seconds: u32) -> (f64, f64, f64, u64, u64) {
    let out = std::process::Command::new("wrk")
        .args(["-t2", &format!("-c{CONNECTIONS}"), &format!("-d{seconds}s"), "--latency", "-s"])
        .arg(script)
        .arg(url)
        .output()
        .expect("wrk runs (apt-get install wrk)");
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |prefix: &str| -> Option<String> {
        text.lines().find(|l| l.trim_start().starts_with(prefix)).map(|l| l.trim().to_string())
    };
    let rps = field("Requests/sec:").and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0.0);
    let p50 = field("50%").map(|l| ms(l.split_whitespace().nth(1).unwrap_or(""))).unwrap_or(f64::NAN);
    let p99 = field("99%").map(|l| ms(l.split_whitespace().nth(1).unwrap_or(""))).unwrap_or(f64::NAN);
    let non_2xx =
        field("Non-2xx or 3xx responses:").and_then(|l| l.split_whitespace().last()?.parse().ok()).unwrap_or(0);
    let requests = text
        .lines()
        .find(|l| l.contains("requests in"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    (rps, p50, p99, non_2xx, requests)
}

/// Warms up, then measures `url` with wrk; `pid` is the server's process.
fn measure(url: &str, script: &std::path::Path, pid: u32) -> Figures {
    wrk(url, script, 2);
    let (rps, p50_ms, p99_ms, non_2xx, requests) = wrk(url, script, SECONDS);
    Figures { rps, p50_ms, p99_ms, non_2xx, requests, peak_rss_mb: kib(pid, "VmHWM:") as f64 / 1024.0 }
}

fn report(name: &str, f: &Figures) {
    println!("== {name}");
    println!("requests_per_second: {:.0} ({} requests in {SECONDS} s)", f.rps, f.requests);
    println!("latency_ms: p50={:.3} p99={:.3}", f.p50_ms, f.p99_ms);
    println!("non_2xx: {}", f.non_2xx);
    println!("peak_rss_mb: {:.1}", f.peak_rss_mb);
}

/// Waits until something accepts connections on `port`.
async fn listening(port: u16) {
    for _ in 0..300 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing listens on {port}");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The bot as released (`cargo build --release`), not the benchmark's own build of it.
    support::bot_process::use_release_binary();
    let public_key = support::signed::public_key();
    let (payload, _, _) = command("partner", json!([text("city", "dortmnud")]));
    let body = serde_json::to_string(&payload).unwrap();
    let signed = support::signed::signature(&support::signed::key(), body.as_bytes(), chrono::Utc::now().timestamp());
    let (signature, timestamp) = (&signed[0].1, &signed[1].1);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("signed.lua");
    std::fs::write(
        &script,
        format!(
            "wrk.method = \"POST\"\nwrk.body = {body:?}\nwrk.headers[\"Content-Type\"] = \"application/json\"\n\
             wrk.headers[\"X-Signature-Ed25519\"] = \"{signature}\"\nwrk.headers[\"X-Signature-Timestamp\"] = \"{timestamp}\"\n"
        ),
    )
    .unwrap();
    println!(
        "wrk: {CONNECTIONS} connections, 2 threads, {SECONDS} s after a 2 s warm-up; one signed /partner dortmnud \
         request replayed"
    );

    let fake = FakeDiscord::start().await;
    let (bot, url) = BotProcess::start_http(&fake, &public_key, false).await;
    let twinbot = measure(&url, &script, bot.pid());
    let build = if cfg!(debug_assertions) { "debug build" } else { "release build" };
    report(&format!("twinbot serve ({build})"), &twinbot);
    drop(bot);

    if std::env::var("HTTP_BENCH_PEER").is_ok_and(|v| v == "0") {
        return;
    }
    let has_peer = std::process::Command::new("python3")
        .args(["-c", "import fastapi, uvicorn, discord_interactions"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_peer {
        println!("== peer skipped: pip install fastapi uvicorn discord-interactions");
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut peer = tokio::process::Command::new("python3")
        .args(["-m", "uvicorn", "fastapi_partner:app", "--app-dir"])
        .arg(root().join("benches/peer"))
        .args(["--host", "127.0.0.1", "--port", &port.to_string(), "--log-level", "warning"])
        .env("PUBLIC_KEY", &public_key)
        .env("DATA", root().join("data/leeds.toml"))
        .stdout(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("python3 runs");
    listening(port).await;
    let pid = peer.id().unwrap();
    let peer_url = format!("http://127.0.0.1:{port}/interactions");
    let figures = measure(&peer_url, &script, pid);
    let version = std::process::Command::new("python3")
        .args(["-c", "import fastapi, uvicorn; print(f'FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__}')"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    report(&format!("peer: {version} with discord-interactions (PyNaCl)"), &figures);
    let _ = peer.kill().await;
    println!(
        "== side by side: twinbot {:.1}x the peer's requests per second, p99 {:.2}x the peer's",
        twinbot.rps / figures.rps,
        twinbot.p99_ms / figures.p99_ms
    );
}
