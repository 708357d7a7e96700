//! The real `twinbot` binary, started against a fake Discord through `DISCORD_API_BASE`.

use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use super::fake_discord::{FakeDiscord, GUILD_ID};
use super::root;

/// The fake bot token: unique enough to search the bot's output for, and deliberately not
/// shaped like a real one, so secret scanners stay quiet.
pub const TOKEN: &str = "fake-bot-token.for-tests-only.twinbot-e2e-0123456789";

/// The binary [`use_release_binary`] chose, if a benchmark called it.
static RELEASE_BINARY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// The twinbot binary cargo built for these tests or benchmarks; `TWINBOT_BENCH_BIN` names
/// another program to run in its place (a script that runs it under valgrind, for a profile).
pub fn binary() -> PathBuf {
    match std::env::var_os("TWINBOT_BENCH_BIN") {
        Some(path) => PathBuf::from(path),
        None => RELEASE_BINARY.get().cloned().unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_twinbot"))),
    }
}

/// For the benchmarks: run the bot that `cargo build --release` makes, the one operators run, not
/// the one cargo builds for the benchmark. That one has its dependencies' features merged with the
/// dev-dependencies' (tokio's `test-util`, for one), so its functions carry other names, and the
/// release layout of the code (`tools/layout`, docs/performance.md) does not apply to it: it
/// measured 14.6 MB where the shipped bot had 10.7. Builds it first (a moment when it is up to
/// date), and prints which binary is measured: that one, or the benchmark's own build and why.
pub fn use_release_binary() {
    match release_binary() {
        Ok(path) => println!("bot: {}", path.display()),
        Err(why) => println!("bot: the benchmark's own build ({why})"),
    }
}

/// Where the release binary is, built and chosen for [`binary`], or why it cannot be used.
fn release_binary() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("TWINBOT_BENCH_BIN") {
        return Ok(PathBuf::from(path));
    }
    // target/release/deps/<benchmark> → target/release/twinbot
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let built = exe.parent().and_then(|deps| deps.parent()).map(|release| release.join("twinbot"));
    let built = built.ok_or("the benchmark is not in a cargo target folder")?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["build", "--release", "--bin", "twinbot"])
        .current_dir(root())
        .status()
        .map_err(|e| format!("cargo build --release: {e}"))?;
    if !status.success() || !built.is_file() {
        return Err(format!("cargo build --release did not make {}", built.display()));
    }
    Ok(RELEASE_BINARY.get_or_init(|| built).clone())
}

/// The `[towns]` section of the tests' configs: the gazetteer the bot ships (the config is in a
/// temporary folder, so its default path, beside the config, would not find it), and room for a
/// test's many changes to a town within a second.
pub fn towns() -> String {
    format!("[towns]\ngazetteer = {:?}\nedit_burst = 100\n", root().join("data/gazetteer").display().to_string())
}

/// Where the test bots say they are reached from outside (`http.public_url`): the start of the
/// calendar feeds' addresses they give.
pub const PUBLIC_URL: &str = "https://twinbot.example.org";

/// The `[towns]` section, with the fake Discord's own origin as an attachment host (it serves
/// `/town import`'s files: see `FakeDiscord::attach`).
pub fn towns_with(fake: &FakeDiscord) -> String {
    format!("{}attachment_hosts = [{:?}]\n", towns(), fake.api_base())
}

pub struct BotProcess {
    child: Child,
    log: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
    pub started: Instant,
}

impl BotProcess {
    /// Starts the bot with a config in a temporary folder; `guild` registers to GUILD_ID.
    pub fn start(fake: &FakeDiscord, guild: bool) -> BotProcess {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let data = root().join("data/leeds.toml");
        let mut text = format!("data = [{:?}]\n{}[discord]\n", data.display().to_string(), towns_with(fake));
        if guild {
            text.push_str(&format!("guild_id = {GUILD_ID}\n"));
        }
        std::fs::write(&config, text).unwrap();
        let mut command = Command::new(binary());
        command.arg("--config").arg(&config);
        BotProcess::spawn(command, fake, dir)
    }

    /// Starts the bot with a config file of the test's own (which outlives the process, so the
    /// bot can be restarted on the same database).
    pub fn start_with_config(fake: &FakeDiscord, config: &std::path::Path) -> BotProcess {
        let mut command = Command::new(binary());
        command.arg("--config").arg(config);
        BotProcess::spawn(command, fake, tempfile::tempdir().unwrap())
    }

    /// Starts `twinbot serve` on a free port of 127.0.0.1, checking signatures with
    /// `public_key` (hex), with the bot token (REST through the fake) or without.
    pub async fn start_http(fake: &FakeDiscord, public_key: &str, token: bool) -> (BotProcess, String) {
        BotProcess::start_http_with(fake, public_key, token, &[root().join("data/leeds.toml")], "").await
    }

    /// `twinbot serve` as [`BotProcess::start_http`] starts it, on these data files, with
    /// `discord` added to config.toml's `[discord]` section (`home = "Leeds"`, say).
    pub async fn start_http_with(
        fake: &FakeDiscord,
        public_key: &str,
        token: bool,
        data: &[std::path::PathBuf],
        discord: &str,
    ) -> (BotProcess, String) {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let data: Vec<String> = data.iter().map(|d| format!("{:?}", d.display().to_string())).collect();
        let text = format!(
            "data = [{}]\n{}[discord]\nguild_id = {GUILD_ID}\n{discord}[http]\nlisten = \"127.0.0.1:0\"\npublic_url = {PUBLIC_URL:?}\n",
            data.join(", "),
            towns_with(fake)
        );
        std::fs::write(&config, text).unwrap();
        let mut command = Command::new(binary());
        command.arg("--config").arg(&config).arg("serve").env("DISCORD_PUBLIC_KEY", public_key);
        let bot = if token {
            BotProcess::spawn(command, fake, dir)
        } else {
            command.env("DISCORD_API_BASE", fake.api_base());
            BotProcess::launch(command, dir)
        };
        let url = bot.interactions_url().await;
        (bot, url)
    }

    /// Where `twinbot serve` takes interactions, once it says it is serving them.
    pub async fn interactions_url(&self) -> String {
        let log = self.wait_log("serving interactions on http://", Duration::from_secs(20)).await;
        let at = log.split("serving interactions on ").nth(1).unwrap();
        at.split_whitespace().next().unwrap().to_string()
    }

    /// Kills the process outright (SIGKILL): no shutdown, no last words.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("kill -9");
    }

    /// Starts any program as the bot (a peer implementation, for comparison), with the same
    /// environment: `DISCORD_TOKEN`, `DISCORD_API_BASE`, and `GUILD_ID`.
    pub fn spawn(mut command: Command, fake: &FakeDiscord, dir: tempfile::TempDir) -> BotProcess {
        command.env("GUILD_ID", GUILD_ID).env("DISCORD_TOKEN", TOKEN).env("DISCORD_API_BASE", fake.api_base());
        BotProcess::launch(command, dir)
    }

    /// Starts a program with the test log settings and no bot token of the tests' own
    /// (`DISCORD_TOKEN` is cleared), collecting what it prints.
    pub fn launch(mut command: Command, dir: tempfile::TempDir) -> BotProcess {
        if !command.as_std().get_envs().any(|(k, _)| k == "DISCORD_TOKEN") {
            command.env_remove("DISCORD_TOKEN");
        }
        let started = Instant::now();
        let mut child = command
            .env("RUST_LOG", std::env::var("BOT_RUST_LOG").unwrap_or("info,twinbot=debug".into()))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start twinbot");
        let log = Arc::new(Mutex::new(String::new()));
        for stream in [
            child.stderr.take().map(|s| Box::new(s) as Box<dyn tokio::io::AsyncRead + Unpin + Send>),
            child.stdout.take().map(|s| Box::new(s) as Box<dyn tokio::io::AsyncRead + Unpin + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let log = log.clone();
            tokio::spawn(async move {
                let mut lines = BufReader::new(stream).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    let mut l = log.lock().unwrap();
                    l.push_str(&line);
                    l.push('\n');
                }
            });
        }
        BotProcess { child, log, _dir: dir, started }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id().expect("running")
    }

    /// Everything the bot printed so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Sends SIGTERM, as a service manager would.
    pub fn terminate(&self) {
        self.signal("TERM");
    }

    /// Sends a signal ("TERM", "HUP").
    pub fn signal(&self, name: &str) {
        let pid = self.child.id().expect("running").to_string();
        let ok = std::process::Command::new("kill").args([&format!("-{name}"), &pid]).status().unwrap().success();
        assert!(ok, "kill -{name} {pid}");
    }

    /// Waits for the process to exit, or panics after `deadline`.
    pub async fn wait_exit(&mut self, deadline: Duration) -> ExitStatus {
        match tokio::time::timeout(deadline, self.child.wait()).await {
            Ok(status) => status.unwrap(),
            Err(_) => panic!("twinbot did not exit within {deadline:?}; log:\n{}", self.log()),
        }
    }

    /// Waits until the log contains `needle`.
    pub async fn wait_log(&self, needle: &str, deadline: Duration) -> String {
        let end = Instant::now() + deadline;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            if Instant::now() > end {
                panic!("the log never said {needle:?} within {deadline:?}:\n{log}");
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// A figure of the process's `/proc/PID/status` in KiB ("VmHWM:" is the peak resident memory),
/// or 0 when it cannot be read.
pub fn kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}
