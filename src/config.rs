//! `config.toml`: which data files to load, the database, how to reach Discord, and the
//! anniversary settings of a single-server setup. The bot token is never read from here: it
//! comes from `DISCORD_TOKEN` or from the file `discord.token_file` names.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::anniversaries::schedule::Timing;
use crate::anniversaries::settings::{PostSettings, SettingsOrigin};
use crate::core::catalog::Catalog;
use crate::core::data::Directory;
use crate::state::{Change, Rules, ServerState, SettingsError};

/// The environment variable holding the bot token.
pub const TOKEN_ENV: &str = "DISCORD_TOKEN";
/// The environment variable that overrides `discord.api_base`.
pub const API_BASE_ENV: &str = "DISCORD_API_BASE";
/// The environment variable that overrides `http.public_key`.
pub const PUBLIC_KEY_ENV: &str = "DISCORD_PUBLIC_KEY";
/// The environment variable that overrides `database` (a PostgreSQL URL, or a SQLite path).
pub const DATABASE_ENV: &str = "TWINBOT_DATABASE";
/// Where `twinbot serve` listens when neither `--listen` nor `http.listen` says.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Data files, relative to the config file's folder.
    pub data: Vec<PathBuf>,
    /// The SQLite database of server settings and posts, relative to the config file's folder
    /// (default `twinbot.db`; created on first run), or a `postgres://` URL.
    pub database: Option<PathBuf>,
    #[serde(default)]
    pub discord: DiscordConfig,
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub log: LogConfig,
    #[serde(default)]
    pub anniversaries: AnniversaryConfig,
    #[serde(default)]
    pub towns: TownsConfig,
    /// Where the config was read from (set by the loader).
    #[serde(skip)]
    pub path: PathBuf,
}

/// Servers' own towns, made and kept with `/town`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TownsConfig {
    /// Whether `/town` is offered (default true). Towns already made keep answering.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The world gazetteer `/town create` and `/town add` find cities in, relative to the config
    /// file's folder (default `data/gazetteer`). It is read on first use.
    pub gazetteer: Option<PathBuf>,
    /// How many changes to its town a server may make at once.
    #[serde(default = "edit_burst")]
    pub edit_burst: u32,
    /// How many seconds until one more change is allowed.
    #[serde(default = "edit_every")]
    pub edit_every: u32,
    /// Where `/town import` may fetch a file from: Discord's attachment hosts, over HTTPS. An
    /// entry with a scheme (`http://127.0.0.1:8080`) is taken as that exact origin (for tests).
    #[serde(default = "attachment_hosts")]
    pub attachment_hosts: Vec<String>,
}

/// The default of `towns.attachment_hosts`: where Discord serves attachments.
pub const ATTACHMENT_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];

fn attachment_hosts() -> Vec<String> {
    ATTACHMENT_HOSTS.iter().map(|h| h.to_string()).collect()
}

/// The default of `towns.edit_burst`.
pub const EDIT_BURST: u32 = 20;
/// The default of `towns.edit_every`, in seconds.
pub const EDIT_EVERY_SECS: u32 = 15;

fn yes() -> bool {
    true
}
fn edit_burst() -> u32 {
    EDIT_BURST
}
fn edit_every() -> u32 {
    EDIT_EVERY_SECS
}

impl Default for TownsConfig {
    fn default() -> Self {
        TownsConfig {
            enabled: true,
            gazetteer: None,
            edit_burst: EDIT_BURST,
            edit_every: EDIT_EVERY_SECS,
            attachment_hosts: attachment_hosts(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    /// Register commands to this server only (instant); globally when absent.
    pub guild_id: Option<u64>,
    /// A file holding the bot token (when `DISCORD_TOKEN` is not set).
    pub token_file: Option<PathBuf>,
    /// Send REST calls here instead of https://discord.com (a proxy, or a fake in tests).
    pub api_base: Option<String>,
    /// The home city (a name) or cities (a list) the commands answer for where a server has not
    /// chosen with /home; every home loaded when absent.
    pub home: Option<OneOrMany>,
    /// The gateway shards this process runs, "FIRST-LAST/TOTAL" ("0-3/16") or "N/TOTAL"; all of
    /// Discord's recommended number when absent.
    pub shards: Option<String>,
}

/// Where server settings and the ledger of posts are kept.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file, for one process.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (it may hold a password: never log it whole), for replicas.
    Postgres(String),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(p) => write!(f, "Sqlite({})", p.display()),
            Database::Postgres(_) => f.write_str("Postgres(<url hidden>)"),
        }
    }
}

/// Interactions over HTTP (`twinbot serve`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// The address to listen on (default 127.0.0.1:8080).
    pub listen: Option<String>,
    /// The application's public key, in hex, from the Developer Portal's General Information
    /// page (`DISCORD_PUBLIC_KEY` wins).
    pub public_key: Option<String>,
    /// Where `twinbot serve` is reached from outside, such as `https://twinbot.example.org`:
    /// the start of the calendar feeds' addresses `/town calendar` gives. Without it, servers'
    /// towns have no feeds.
    pub public_url: Option<String>,
}

/// The gateway shards one process runs: `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl Shards {
    /// Reads "0-3/16" (shards 0 to 3 of 16) or "5/16" (shard 5 alone).
    pub fn parse(s: &str) -> Result<Shards, String> {
        let bad = || format!("{s:?} is not a shard range such as \"0-3/16\" (shards 0 to 3 of 16) or \"5/16\"");
        let (range, total) = s.trim().split_once('/').ok_or_else(bad)?;
        let total: u32 = total.trim().parse().map_err(|_| bad())?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (a.trim().parse().map_err(|_| bad())?, b.trim().parse().map_err(|_| bad())?),
            None => {
                let n: u32 = range.trim().parse().map_err(|_| bad())?;
                (n, n)
            }
        };
        if total == 0 || first > last || last >= total {
            return Err(format!("{s:?}: the shards must run from FIRST to LAST with FIRST ≤ LAST < TOTAL"));
        }
        Ok(Shards { first, last, total })
    }

    /// Whether a server's events come to these shards: Discord sends a server to shard
    /// `(server id >> 22) % total`.
    pub fn owns(&self, guild_id: u64) -> bool {
        let shard = ((guild_id >> 22) % u64::from(self.total)) as u32;
        (self.first..=self.last).contains(&shard)
    }
}

/// A name, or a list of names.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn names(&self) -> Vec<String> {
        match self {
            OneOrMany::One(n) => vec![n.clone()],
            OneOrMany::Many(ns) => ns.clone(),
        }
    }
}

/// Anniversary posts for a single community server, configured here rather than per server.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AnniversaryConfig {
    /// The announcement template (placeholders: see docs/moderators.md, "Templates").
    pub template: Option<String>,
    /// The posts' language, a Discord locale twinbot speaks ("de"; default en-GB).
    pub language: Option<String>,
    /// IANA timezone of the posts (default Europe/London).
    pub timezone: Option<String>,
    /// Local time of day, HH:MM (default 09:00).
    pub at: Option<String>,
    /// Day of the annual digest, MM-DD (default 01-01).
    pub digest: Option<String>,
    /// Post automatically to this channel of the server `discord.guild_id` names.
    pub channel: Option<u64>,
    /// The one role automatic posts may ping (never @everyone or @here).
    pub role: Option<u64>,
    /// Posts that fell due while the bot was down are made late, marked belated, if they are
    /// at most this many days overdue (default 7).
    pub grace_days: Option<u32>,
    /// Advance reminders to the moderators, this many days before each anniversary (1–90), in
    /// `remind_channel` of the server `discord.guild_id` names. Both, or neither.
    pub remind_days: Option<u32>,
    pub remind_channel: Option<u64>,
}

/// The default grace window for belated posts, in days.
pub const DEFAULT_GRACE_DAYS: u32 = 7;

impl AnniversaryConfig {
    /// The timing these settings give, with the defaults filled in.
    pub fn timing(&self) -> Result<Timing, SettingsError> {
        crate::state::timing(
            self.timezone.as_deref().unwrap_or("Europe/London"),
            self.at.as_deref().unwrap_or("09:00"),
            self.digest.as_deref().unwrap_or("01-01"),
        )
    }

    /// These settings as a change to a server's: each is checked by the rules a moderator's
    /// change is checked by.
    fn change(&self) -> Change {
        Change {
            channel: self.channel,
            time: self.at.clone(),
            timezone: self.timezone.clone(),
            digest: self.digest.clone(),
            template: self.template.clone().map(Some),
            role: self.role.map(Some),
            language: self.language.clone(),
            remind_days: self.remind_days,
            remind_channel: self.remind_channel,
            ..Change::default()
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// A tracing filter: `info`, `twinbot=debug`, … (`RUST_LOG` overrides it).
    #[serde(default = "default_level")]
    pub level: String,
}

fn default_level() -> String {
    "info".to_string()
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig { level: default_level() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {source}\n  help: copy config.toml from the twinbot repository, or pass --config PATH", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid { path: PathBuf, line: usize, column: usize, message: String },
    #[error(
        "no Discord bot token: set the environment variable {TOKEN_ENV}, or name a file holding it \
         with discord.token_file in config.toml\n  help: create an application at \
         https://discord.com/developers/applications, open Bot and press Reset Token; docs/operators.md \
         (\"Running on Discord\") walks through it. To try twinbot without Discord: twinbot ask partner dortmund"
    )]
    NoToken,
    #[error("cannot read the token file {}: {source}", path.display())]
    TokenFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the token file {} is empty: paste the bot token into it", path.display())]
    EmptyTokenFile { path: PathBuf },
    #[error("{}: {key}: {message}", path.display())]
    Setting { path: PathBuf, key: &'static str, message: String },
    #[error("discord.api_base {value:?} is not an http(s) URL such as http://127.0.0.1:3000")]
    BadApiBase { value: String },
    #[error(
        "no public key to check Discord's signatures with: set the environment variable \
         {PUBLIC_KEY_ENV}, or http.public_key in config.toml\n  help: it is the Public Key on your \
         application's General Information page at https://discord.com/developers/applications"
    )]
    NoPublicKey,
    #[error(
        "the public key {value:?} is not an Ed25519 public key: it should be 64 hexadecimal digits, \
         the Public Key on your application's General Information page"
    )]
    BadPublicKey { value: String },
    #[error("the address to listen on {value:?} is not an address such as 127.0.0.1:8080 or [::]:8080")]
    BadListen { value: String },
}

impl Config {
    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
        Config::parse(path, &text)
    }

    /// Parses config text read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start).min(text.len());
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            ConfigError::Invalid { path: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
        })?;
        config.path = path.to_path_buf();
        if let Some(base) = &config.discord.api_base {
            check_api_base(base)?;
        }
        if let Some(shards) = &config.discord.shards {
            Shards::parse(shards).map_err(|message| ConfigError::Setting {
                path: path.to_path_buf(),
                key: "discord.shards",
                message,
            })?;
        }
        let a = &config.anniversaries;
        let setting =
            |key, message: &str| ConfigError::Setting { path: path.to_path_buf(), key, message: message.to_string() };
        let rules = Rules {
            guild_id: config.discord.guild_id,
            posts_from: None,
            homes: None,
            inherited: &PostSettings::default(),
        };
        a.change().apply(&ServerState::default(), &rules).map_err(|e| setting(e.config_key(), &e.to_string()))?;
        if a.channel.is_some() && config.discord.guild_id.is_none() {
            return Err(setting("anniversaries.channel", "needs discord.guild_id, the server the channel belongs to"));
        }
        if a.remind_channel.is_some() && config.discord.guild_id.is_none() {
            return Err(setting(
                "anniversaries.remind_channel",
                "needs discord.guild_id, the server the channel belongs to",
            ));
        }
        if !(1..=1000).contains(&config.towns.edit_burst) {
            return Err(setting("towns.edit_burst", "must be from 1 to 1000 changes"));
        }
        if !(1..=3600).contains(&config.towns.edit_every) {
            return Err(setting("towns.edit_every", "must be from 1 to 3600 seconds"));
        }
        if config.http.public_url.as_deref().is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
            return Err(setting("http.public_url", "must be an address starting with https://"));
        }
        if config.towns.attachment_hosts.iter().any(|h| h.trim().is_empty() || h.contains('/') && !h.contains("://")) {
            return Err(setting(
                "towns.attachment_hosts",
                "must list host names (cdn.discordapp.com) or origins (http://127.0.0.1:8080)",
            ));
        }
        if a.grace_days.is_some_and(|d| !(1..=366).contains(&d)) {
            return Err(setting("anniversaries.grace_days", "must be from 1 to 366 days"));
        }
        Ok(config)
    }

    /// The anniversary settings this file gives, checked against the data: for the configured
    /// server when `for_server`, otherwise only the shared parts (template and timing) as the
    /// defaults of every server.
    pub fn post_settings(&self, for_server: bool, dir: &Directory) -> Result<PostSettings, ConfigError> {
        let c = &self.anniversaries;
        let setting = |e: SettingsError| ConfigError::Setting {
            path: self.path.clone(),
            key: e.config_key(),
            message: e.to_string(),
        };
        let timing = c.timing().map_err(setting)?;
        let language = c.language.as_deref().map(crate::state::language).transpose().map_err(setting)?;
        let default_template =
            c.template.as_deref().map(|t| crate::state::template(t, Some(dir))).transpose().map_err(setting)?;
        let template = default_template.clone().unwrap_or_else(|| {
            crate::anniversaries::template::Template::builtin(language.unwrap_or_else(crate::core::i18n::default))
        });
        let channel_id = if for_server { c.channel } else { None };
        Ok(PostSettings {
            enabled: channel_id.is_some(),
            channel_id,
            timing,
            default_template,
            template,
            custom_template: false,
            language,
            role_id: if for_server { c.role } else { None },
            remind_days: if for_server { c.remind_days } else { None },
            remind_channel_id: if for_server { c.remind_channel } else { None },
            events: None,
            origin: if for_server
                || c.template.is_some()
                || c.language.is_some()
                || c.timezone.is_some()
                || c.at.is_some()
            {
                SettingsOrigin::ConfigFile
            } else {
                SettingsOrigin::Defaults
            },
        })
    }

    /// The home cities `discord.home` names, as the data names them (none: every home).
    pub fn homes(&self, catalog: &Catalog) -> Result<Vec<String>, ConfigError> {
        let names = self.discord.home.as_ref().map(OneOrMany::names).unwrap_or_default();
        names
            .iter()
            .map(|n| crate::state::home(catalog, n))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ConfigError::Setting { path: self.path.clone(), key: e.config_key(), message: e.to_string() })
    }

    /// The data files, resolved against the config file's folder.
    pub fn data_paths(&self) -> Vec<PathBuf> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        self.data.iter().map(|p| if p.is_absolute() { p.clone() } else { dir.join(p) }).collect()
    }

    /// The world gazetteer's folder, resolved against the config file's folder.
    pub fn gazetteer_path(&self) -> PathBuf {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let p = self.towns.gazetteer.clone().unwrap_or_else(|| PathBuf::from("data/gazetteer"));
        if p.is_absolute() {
            p
        } else {
            dir.join(p)
        }
    }

    /// The database: `TWINBOT_DATABASE`, then `database`; a `postgres://` (or `postgresql://`)
    /// URL is PostgreSQL, anything else a SQLite file resolved against the config file's folder.
    pub fn database(&self) -> Database {
        let named = match std::env::var(DATABASE_ENV) {
            Ok(v) if !v.trim().is_empty() => Some(v.trim().to_string()),
            _ => self.database.as_ref().map(|p| p.to_string_lossy().into_owned()),
        };
        match named {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => Database::Postgres(url),
            Some(path) => Database::Sqlite(self.resolve(PathBuf::from(path))),
            None => Database::Sqlite(self.database_path()),
        }
    }

    fn resolve(&self, p: PathBuf) -> PathBuf {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        if p.is_absolute() {
            p
        } else {
            dir.join(p)
        }
    }

    /// The database file, resolved against the config file's folder.
    pub fn database_path(&self) -> PathBuf {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let p = self.database.clone().unwrap_or_else(|| PathBuf::from("twinbot.db"));
        if p.is_absolute() {
            p
        } else {
            dir.join(p)
        }
    }

    /// The grace window for belated posts.
    pub fn grace(&self) -> chrono::Duration {
        chrono::Duration::days(i64::from(self.anniversaries.grace_days.unwrap_or(DEFAULT_GRACE_DAYS)))
    }

    /// The REST base URL: `DISCORD_API_BASE`, then `discord.api_base`, else Discord itself.
    pub fn api_base(&self) -> Result<Option<String>, ConfigError> {
        match std::env::var(API_BASE_ENV) {
            Ok(v) if !v.trim().is_empty() => {
                check_api_base(v.trim())?;
                Ok(Some(v.trim().trim_end_matches('/').to_string()))
            }
            _ => Ok(self.discord.api_base.as_ref().map(|s| s.trim_end_matches('/').to_string())),
        }
    }

    /// The gateway shards this process runs, when `discord.shards` names them (checked at load).
    pub fn shards(&self) -> Option<Shards> {
        self.discord.shards.as_deref().and_then(|s| Shards::parse(s).ok())
    }

    /// The application's public key for `twinbot serve`, as written: `DISCORD_PUBLIC_KEY`, then
    /// `http.public_key`.
    pub fn public_key(&self) -> Result<String, ConfigError> {
        match std::env::var(PUBLIC_KEY_ENV) {
            Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
            _ => self.http.public_key.as_ref().map(|k| k.trim().to_string()).ok_or(ConfigError::NoPublicKey),
        }
    }

    /// Where `twinbot serve` listens: `listen` (from --listen), then `http.listen`, then
    /// 127.0.0.1:8080.
    pub fn listen(&self, listen: Option<&str>) -> Result<std::net::SocketAddr, ConfigError> {
        let value = listen.or(self.http.listen.as_deref()).unwrap_or(DEFAULT_LISTEN);
        value.trim().parse().map_err(|_| ConfigError::BadListen { value: value.to_string() })
    }

    /// The bot token: `DISCORD_TOKEN`, then `discord.token_file`.
    pub fn token(&self) -> Result<Token, ConfigError> {
        if let Ok(v) = std::env::var(TOKEN_ENV) {
            if !v.trim().is_empty() {
                return Ok(Token(v.trim().to_string()));
            }
        }
        let Some(file) = &self.discord.token_file else {
            return Err(ConfigError::NoToken);
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let path = if file.is_absolute() { file.clone() } else { dir.join(file) };
        let text =
            std::fs::read_to_string(&path).map_err(|source| ConfigError::TokenFile { path: path.clone(), source })?;
        let t = text.trim();
        if t.is_empty() {
            return Err(ConfigError::EmptyTokenFile { path });
        }
        Ok(Token(t.to_string()))
    }
}

fn check_api_base(base: &str) -> Result<(), ConfigError> {
    if base.starts_with("http://") || base.starts_with("https://") {
        Ok(())
    } else {
        Err(ConfigError::BadApiBase { value: base.to_string() })
    }
}

/// The bot token. Its `Debug` never shows it, so it cannot leak into logs.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ranges_are_read_and_own_their_servers() {
        assert_eq!(Shards::parse("0-3/16"), Ok(Shards { first: 0, last: 3, total: 16 }));
        assert_eq!(Shards::parse("5/16"), Ok(Shards { first: 5, last: 5, total: 16 }));
        for bad in ["", "3", "4-2/16", "0-16/16", "0/0", "a-b/c"] {
            assert!(Shards::parse(bad).is_err(), "{bad}");
        }
        // Discord's own example: shard of a server = (id >> 22) % total.
        let guild: u64 = 1_300_000_000_000_000_000;
        let shard = ((guild >> 22) % 2) as u32;
        assert!(Shards { first: shard, last: shard, total: 2 }.owns(guild));
        assert!(!Shards { first: 1 - shard, last: 1 - shard, total: 2 }.owns(guild));
        let e = Config::parse(Path::new("c.toml"), "data = []\n[discord]\nshards = \"3-1/4\"\n").unwrap_err();
        assert!(e.to_string().contains("discord.shards"), "{e}");
    }

    #[test]
    fn committed_config_parses_and_resolves_data_paths() {
        let c = Config::parse(Path::new("/srv/twinbot/config.toml"), include_str!("../config.toml")).unwrap();
        assert_eq!(
            c.data_paths(),
            vec![PathBuf::from("/srv/twinbot/data/leeds.toml"), PathBuf::from("/srv/twinbot/data/dortmund.toml")],
            "both home cities ship"
        );
        assert_eq!(c.log.level, "info");
        assert_eq!(c.discord.home, None, "every home answered for by default");
        let one = Config::parse(Path::new("c.toml"), "data = []\n[discord]\nhome = \"Leeds\"\n").unwrap();
        assert_eq!(one.discord.home.map(|h| h.names()), Some(vec!["Leeds".to_string()]));
        let two =
            Config::parse(Path::new("c.toml"), "data = []\n[discord]\nhome = [\"Leeds\", \"Dortmund\"]\n").unwrap();
        assert_eq!(two.discord.home.map(|h| h.names()).map(|n| n.len()), Some(2));
    }

    #[test]
    fn config_errors_name_the_line() {
        let e = Config::parse(Path::new("c.toml"), "data = [\"a\"]\n[discord]\nguild = 5\n").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("c.toml:3:1: unknown field `guild`"), "{s}");
    }

    #[test]
    fn anniversary_settings_are_checked_when_loaded() {
        let ok = Config::parse(
            Path::new("c.toml"),
            "data = []\n[anniversaries]\ntimezone = \"Asia/Tokyo\"\nat = \"18:30\"\n",
        )
        .unwrap();
        assert_eq!(ok.anniversaries.timing().unwrap().tz, chrono_tz::Asia::Tokyo);
        let e = Config::parse(Path::new("c.toml"), "data = []\n[anniversaries]\ntimezone = \"Europe/Lundun\"\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("c.toml: anniversaries: unknown timezone \"Europe/Lundun\""), "{e}");
        let e =
            Config::parse(Path::new("c.toml"), "data = []\n[anniversaries]\ntemplate = \"{partnr}\"\n").unwrap_err();
        assert!(e.to_string().starts_with("c.toml: anniversaries.template: unknown placeholder {partnr}"), "{e}");
    }

    #[test]
    fn a_single_server_is_configured_in_the_file() {
        let c = Config::parse(
            Path::new("/srv/twinbot/config.toml"),
            "data = []\ndatabase = \"state/bot.db\"\n[discord]\nguild_id = 7\n[anniversaries]\nchannel = 8\nrole = 9\ngrace_days = 3\n",
        )
        .unwrap();
        assert_eq!(c.database_path(), PathBuf::from("/srv/twinbot/state/bot.db"));
        assert_eq!(c.grace(), chrono::Duration::days(3));
        let d = Config::parse(Path::new("/srv/twinbot/config.toml"), "data = []\n").unwrap();
        assert_eq!(d.database_path(), PathBuf::from("/srv/twinbot/twinbot.db"));
        assert_eq!(d.grace(), chrono::Duration::days(7));

        let e = Config::parse(Path::new("c.toml"), "data = []\n[anniversaries]\nchannel = 8\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: anniversaries.channel: needs discord.guild_id, the server the channel belongs to"
        );
        let e = Config::parse(Path::new("c.toml"), "data = []\n[discord]\nguild_id = 7\n[anniversaries]\nrole = 7\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("c.toml: anniversaries.role: that is the @everyone role"), "{e}");
    }

    #[test]
    fn advance_reminders_need_days_and_a_channel() {
        let server = "data = []\n[discord]\nguild_id = 7\n[anniversaries]\n";
        let c = Config::parse(Path::new("c.toml"), &format!("{server}remind_days = 30\nremind_channel = 9\n")).unwrap();
        let dir = Directory::new(Vec::new(), Vec::new());
        let s = c.post_settings(true, &dir).unwrap();
        assert_eq!(s.reminding(), Some((9, 30)));
        assert!(!s.enabled, "reminders alone do not turn the posts on");
        assert_eq!(c.post_settings(false, &dir).unwrap().reminding(), None, "only for the configured server");
        let error =
            |extra: &str| Config::parse(Path::new("c.toml"), &format!("{server}{extra}")).unwrap_err().to_string();
        assert_eq!(
            error("remind_days = 30\n"),
            "c.toml: anniversaries.remind_days: needs remind_channel, the channel the reminders go to"
        );
        assert_eq!(
            error("remind_channel = 9\n"),
            "c.toml: anniversaries.remind_channel: needs remind_days, how many days ahead to remind"
        );
        assert_eq!(
            error("remind_days = 91\nremind_channel = 9\n"),
            "c.toml: anniversaries.remind_days: must be from 1 to 90 days"
        );
    }

    #[test]
    fn tokens_do_not_print() {
        assert_eq!(format!("{:?}", Token("secret".into())), "Token(<hidden>)");
    }
}
