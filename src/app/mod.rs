//! The application: what the running bot is and does, whatever the transport. It holds the
//! partnership data (reloadable), the database and each server's state; it answers an
//! [`Invocation`] with an [`Answer`] ([`App::handle`]), carries out the [`Effect`] a command asks
//! for ([`App::apply`]), registers the commands and runs the poster. `servers` keeps the servers'
//! state in step with the database, whichever process changed it.
//!
//! A transport (the Discord gateway, the terminal) only reads its input into an `Invocation` and
//! sends the `Answer` back in its own form, so a second transport copies nothing.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod fetch;
mod servers;
mod towns;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use chrono::{DateTime, Utc};

use crate::anniversaries::settings::PostSettings;
use crate::commands::{self, Act, Answer, Choice, CommandSpec, Effect, Invocation};
use crate::config::{Config, ConfigError, Database};
use crate::core::catalog::Catalog;
use crate::core::reply::{Reply, Text};
use crate::ledger::poster::{Clock, Outbox, Outgoing, Posting};
use crate::ledger::{PostRecord, Store, StoreError};
use crate::store::{claim, PostgresStore, SqliteStore};
use servers::Held;
pub use towns::{EDIT_BURST, EDIT_EVERY_SECS, HISTORY_READ, TOWN_CACHE};

/// Why the application could not start.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// Registers the command registry with the chat platform.
#[async_trait::async_trait]
pub trait Registrar: Send + Sync {
    /// Registers every command but those `left_out` (turned off); returns where they now are
    /// ("server 123", "all servers").
    async fn register(&self, left_out: &[&'static str]) -> Result<String, String>;
}

/// The running bot.
pub struct App {
    catalog: RwLock<Arc<Catalog>>,
    data_paths: Vec<PathBuf>,
    /// The data files' version this process has loaded (see [`Store::data_version`]).
    data_seen: AtomicI64,
    store: Arc<dyn Store>,
    /// config.toml's template and timing, for servers that saved nothing.
    defaults: Arc<PostSettings>,
    /// The server config.toml configures entirely (`discord.guild_id` with `anniversaries.channel`).
    config_server: Option<(u64, Arc<PostSettings>)>,
    /// Each server's state, as last read or written, with its settings checked.
    servers: RwLock<HashMap<u64, Arc<Held>>>,
    /// The grace window for belated posts.
    grace: chrono::Duration,
    /// The shards this process runs, when they split the servers' posts (SQLite only).
    shards: Option<crate::config::Shards>,
    /// Wakes the poster when settings or data change.
    wake: tokio::sync::Notify,
    /// Where `/announce` posts go, once a transport that can post is attached.
    outbox: OnceLock<Arc<dyn Outbox>>,
    registrar: OnceLock<Arc<dyn Registrar>>,
    registered: AtomicBool,
    /// Set where nothing can post (HTTP mode without the bot token): posts turned on say so.
    cannot_post: AtomicBool,
    /// The home cities config.toml names (`discord.home`) for servers that chose none.
    default_homes: Vec<String>,
    /// Catalogs of some of the homes, built when first asked for; cleared on reload.
    scopes: Mutex<HashMap<Vec<usize>, Arc<Catalog>>>,
    /// The servers' own towns.
    towns: towns::Towns,
    /// How many more changes each server may make to its town now.
    allowance: towns::Allowance,
    /// Whether `/town` is offered (config.toml's `towns.enabled`).
    towns_enabled: bool,
    /// Where the world gazetteer is, and the gazetteer once read (on first use).
    gazetteer_path: PathBuf,
    world: OnceLock<Arc<crate::core::gazetteer::Gazetteer>>,
    /// Fetches the files `/town import` reads.
    fetcher: fetch::Fetcher,
    /// Where `twinbot serve` is reached from outside (config.toml's `http.public_url`): the
    /// start of towns' calendar feeds' addresses.
    public_url: Option<String>,
}

/// The claim on the database: the bot holds it while it runs (see [`crate::store::claim`]).
pub struct Claim(#[allow(dead_code)] Option<std::fs::File>);

impl App {
    /// Builds the application from a config, its data and an open database.
    pub async fn new(config: &Config, catalog: Catalog, store: Arc<dyn Store>) -> Result<App, AppError> {
        let defaults = Arc::new(config.post_settings(false, &catalog)?);
        let config_server = match (config.discord.guild_id, config.anniversaries.channel) {
            (Some(g), Some(_)) => Some((g, Arc::new(config.post_settings(true, &catalog)?))),
            _ => None,
        };
        let default_homes = config.homes(&catalog)?;
        let data_seen = AtomicI64::new(store.data_version().await?);
        let app = App {
            catalog: RwLock::new(Arc::new(catalog)),
            data_paths: config.data_paths(),
            data_seen,
            store,
            defaults,
            config_server,
            servers: RwLock::new(HashMap::new()),
            grace: config.grace(),
            shards: match config.database() {
                Database::Sqlite(_) => config.shards(),
                Database::Postgres(_) => None,
            },
            wake: tokio::sync::Notify::new(),
            outbox: OnceLock::new(),
            registrar: OnceLock::new(),
            registered: AtomicBool::new(false),
            cannot_post: AtomicBool::new(false),
            default_homes,
            scopes: Mutex::new(HashMap::new()),
            towns: towns::Towns::default(),
            allowance: towns::Allowance::new(config.towns.edit_burst, config.towns.edit_every),
            towns_enabled: config.towns.enabled,
            gazetteer_path: config.gazetteer_path(),
            world: OnceLock::new(),
            fetcher: fetch::Fetcher::new(&config.towns.attachment_hosts),
            public_url: config.http.public_url.clone(),
        };
        for record in app.store.servers().await? {
            app.hold(record);
        }
        app.know_towns().await?;
        Ok(app)
    }

    /// Opens the configured database and builds the application on it. A SQLite file is claimed
    /// first, so that no second bot runs on it; PostgreSQL is shared by replicas, which make each
    /// post once between them.
    pub async fn start(config: &Config, catalog: Catalog) -> Result<(App, Claim), AppError> {
        let (store, claim): (Arc<dyn Store>, Claim) = match config.database() {
            Database::Sqlite(path) => {
                let claim = Claim(Some(claim(&path)?));
                let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                    .await
                    .map_err(|e| StoreError::Query(Box::new(e)))??;
                (Arc::new(store), claim)
            }
            Database::Postgres(url) => (Arc::new(PostgresStore::connect(&url).await?), Claim(None)),
        };
        tracing::info!(database = %store.describe(), "database open");
        Ok((App::new(config, catalog, store).await?, claim))
    }

    /// The application on the configured database beside a running bot, for the operator's
    /// `twinbot town`: a SQLite file is not claimed (the bot holds the claim, and SQLite makes
    /// the two take turns writing); the bot notices what is written (see [`Store::listen`]).
    pub async fn beside(config: &Config, catalog: Catalog) -> Result<App, AppError> {
        let store: Arc<dyn Store> = match config.database() {
            Database::Sqlite(path) => Arc::new(
                tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                    .await
                    .map_err(|e| StoreError::Query(Box::new(e)))??,
            ),
            Database::Postgres(url) => Arc::new(PostgresStore::connect(&url).await?),
        };
        App::new(config, catalog, store).await
    }

    /// An application over `catalog` with the default settings and a database in memory (for
    /// tests and tools).
    pub async fn in_memory(catalog: Catalog) -> App {
        let config = Config::parse(std::path::Path::new("config.toml"), "data = []").expect("an empty config is valid");
        let store = SqliteStore::in_memory().expect("SQLite opens in memory");
        App::new(&config, catalog, Arc::new(store)).await.expect("a new database is empty")
    }

    /// The database.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// The settings config.toml gives every server.
    pub fn defaults(&self) -> Arc<PostSettings> {
        self.defaults.clone()
    }

    /// Answers one use of a command at `now`. Moderator commands get the server's ledger; slow
    /// commands run on a blocking thread.
    pub async fn handle(&self, inv: &Invocation, now: DateTime<Utc>) -> Answer {
        let answer = match inv.act.step() {
            Some((pending, _)) => self.resume(inv, pending, now).await,
            None => self.command(inv, now).await,
        };
        self.keep(inv, answer, now).await
    }

    /// Keeps the action an answer's buttons or form finish, before the answer is sent; where it
    /// cannot be kept (the server changes its town too fast, the database fails), says so instead.
    async fn keep(&self, inv: &Invocation, mut answer: Answer, now: DateTime<Utc>) -> Answer {
        let Some(pending) = answer.keep.take() else { return answer };
        let l = inv.lang();
        // A command beginning an action counts as a change; a step of one already begun does
        // not (it takes one kept action and keeps at most one).
        let counted = if inv.act == Act::Command { self.allowance.take(pending.guild_id, now) } else { Ok(()) };
        if let Err(wait) = counted {
            tracing::warn!(
                guild = pending.guild_id,
                by = inv.user_id,
                wait,
                "a town change held back: too many in a short time"
            );
            return commands::town::slow_down(l, wait).into();
        }
        match self.store.hold_pending(&pending).await {
            Ok(()) => answer,
            Err(e) => {
                tracing::error!(guild = pending.guild_id, "cannot keep a pending action: {e}");
                commands::error_reply(l, Text::plain(l.t("error-internal", &[]))).into()
            }
        }
    }

    /// Answers a command.
    async fn command(&self, inv: &Invocation, now: DateTime<Utc>) -> Answer {
        match commands::find(&inv.command) {
            Some(spec) => {
                let mut answer = self.run(spec, inv, now).await;
                // Posts or reminders turned on where nothing can post (HTTP mode without the
                // token): say so.
                if let Some(Effect::Change(c)) = &answer.effect {
                    let on = c.after.anniversaries.as_ref().is_some_and(|a| a.posting().or(a.reminding()).is_some());
                    if c.change.touches_anniversaries() && on && self.cannot_post.load(Ordering::SeqCst) {
                        let why = inv.lang().t("cannot-post", &[]);
                        answer.reply.description = std::mem::take(&mut answer.reply.description).text("\n\n").text(why);
                    }
                }
                answer
            }
            None => {
                let l = inv.lang();
                let about = crate::commands::command_name(l, "about");
                let said =
                    l.rich("error-unknown-command", vec![("command", Text::new().user(inv.command.clone()).into())]);
                commands::error_reply(l, l.sentences(said, l.t("error-removed", &[("about", about.into())]))).into()
            }
        }
    }

    /// Runs one command of the registry (or, in tests, any command spec).
    pub(crate) async fn run(&self, spec: &'static CommandSpec, inv: &Invocation, now: DateTime<Utc>) -> Answer {
        if commands::town::is_town(spec.name) && !self.towns_enabled {
            let l = inv.lang();
            return commands::refusal(l, "town-off-title", Text::plain(l.t("town-off", &[]))).into();
        }
        let scene = self.scene_for(spec, inv, true).await;
        let ledger = self.ledger_for(spec, inv, scene.events_on()).await;
        if !spec.slow {
            return commands::run(spec, &scene.ctx(inv, now, &ledger), &inv.args);
        }
        let l = inv.lang();
        let inv = inv.clone();
        let work = tokio::task::spawn_blocking(move || commands::run(spec, &scene.ctx(&inv, now, &ledger), &inv.args));
        work.await.unwrap_or_else(|e| {
            tracing::error!(command = spec.name, "the command failed: {e}");
            commands::error_reply(l, Text::plain(l.t("error-internal", &[]))).into()
        })
    }

    /// What a command runs with: for `/town`, used by a member who may, the town's history
    /// (`history`: not for suggestions) and, for the commands that find cities, the world
    /// gazetteer too.
    async fn scene_for(&self, spec: &CommandSpec, inv: &Invocation, history: bool) -> servers::Scene {
        let mut scene = self.scene(inv).await;
        if let (true, Some(guild)) = (commands::town::is_town(spec.name), inv.guild_id) {
            if spec.needs.is_none_or(|p| inv.allows(p)) {
                if history {
                    scene.town = self.town_history(guild).await;
                }
                if commands::town::needs_world(spec.name) {
                    scene.world = self.world().await;
                }
            }
        }
        scene
    }

    /// The world gazetteer, read on first use (None, logged, where it cannot be read).
    pub async fn world(&self) -> Option<Arc<crate::core::gazetteer::Gazetteer>> {
        if let Some(w) = self.world.get() {
            return Some(w.clone());
        }
        let path = self.gazetteer_path.clone();
        let started = std::time::Instant::now();
        match tokio::task::spawn_blocking(move || crate::core::gazetteer::Gazetteer::load(&path)).await {
            Ok(Ok(g)) => {
                tracing::info!(cities = g.len(), ms = started.elapsed().as_millis() as u64, "world gazetteer read");
                Some(self.world.get_or_init(|| Arc::new(g)).clone())
            }
            Ok(Err(e)) => {
                tracing::error!("the world gazetteer cannot be read: {e}");
                None
            }
            Err(e) => {
                tracing::error!("reading the world gazetteer failed: {e}");
                None
            }
        }
    }

    /// A button pressed or a form sent: the action it belongs to is read from the database (it
    /// may have been begun through another process), checked (the same server and member, not
    /// expired, the member still allowed), taken so that it acts once, and finished by its
    /// command.
    async fn resume(&self, inv: &Invocation, id: u64, now: DateTime<Utc>) -> Answer {
        let l = inv.lang();
        let refuse =
            |title: &str, id: &str| -> Answer { commands::refusal(l, title, Text::plain(l.t(id, &[]))).into() };
        let pending = match self.store.pending(id).await {
            Ok(Some(p)) => p,
            Ok(None) => return refuse("pending-gone-title", "pending-gone"),
            Err(e) => {
                tracing::error!(pending = id, "cannot read a pending action: {e}");
                return refuse("error-title", "error-internal");
            }
        };
        if Some(pending.guild_id) != inv.guild_id || pending.user_id != inv.user_id {
            tracing::warn!(pending = id, guild = ?inv.guild_id, by = inv.user_id, "a button or form used by someone it is not for");
            return refuse("pending-not-yours-title", "pending-not-yours");
        }
        if pending.expires_at < now {
            let _ = self.store.drop_pending(id).await;
            return refuse("pending-gone-title", "pending-expired");
        }
        let Some(spec) = commands::find(&pending.command) else { return refuse("pending-gone-title", "pending-gone") };
        let Some(resume) = spec.resume else { return refuse("pending-gone-title", "pending-gone") };
        let inv = Invocation { command: pending.command.clone(), ..inv.clone() };
        if commands::town::is_town(spec.name) && !self.towns_enabled {
            return refuse("town-off-title", "town-off");
        }
        let scene = self.scene_for(spec, &inv, true).await;
        let ctx = scene.ctx(&inv, now, &[]);
        if let Err(reply) = commands::permitted(spec, &ctx) {
            return reply.into();
        }
        match self.store.drop_pending(id).await {
            Ok(true) => resume(&ctx, &pending),
            Ok(false) => refuse("pending-gone-title", "pending-done"),
            Err(e) => {
                tracing::error!(pending = id, "cannot take a pending action: {e}");
                refuse("error-title", "error-internal")
            }
        }
    }

    /// The server's ledger, for a moderator command used by a moderator (only they show it); and
    /// its scheduled events made, for `/anniversaries` where the server has events on (it links
    /// each anniversary to its event).
    async fn ledger_for(&self, spec: &CommandSpec, inv: &Invocation, events_on: bool) -> Vec<PostRecord> {
        let Some(guild) = inv.guild_id else { return Vec::new() };
        let moderator = spec.needs.is_some_and(|needed| inv.allows(needed));
        let events = events_on && spec.name == commands::anniversaries::SPEC.name;
        if !moderator && !events {
            return Vec::new();
        }
        let rows = self.store.posts(guild).await.unwrap_or_else(|e| {
            tracing::error!(guild, "cannot read this server's posts: {e}");
            Vec::new()
        });
        if moderator {
            return rows;
        }
        let made = |r: &PostRecord| {
            crate::ledger::poster::stream_of(&r.key) == crate::ledger::Stream::Events
                && r.state == crate::ledger::PostState::Sent
        };
        rows.into_iter().filter(made).collect()
    }

    /// Suggestions for the option being typed.
    pub async fn complete(&self, inv: &Invocation, option: &str, typed: &str, now: DateTime<Utc>) -> Vec<Choice> {
        let Some(spec) = commands::find(&inv.command) else { return Vec::new() };
        let Some(complete) = spec.complete else { return Vec::new() };
        let mut choices = complete(&self.scene_for(spec, inv, false).await.ctx(inv, now, &[]), option, typed);
        choices.truncate(commands::MAX_SUGGESTIONS);
        choices
    }

    /// Carries out what a command asked for. Returns what to show instead of the command's own
    /// reply, if anything: the result of a post, why a change was not saved, or the settings as
    /// saved when another change came first and this one was applied over it.
    pub async fn apply(&self, inv: &Invocation, effect: Effect, now: DateTime<Utc>) -> Option<Reply> {
        if let (Effect::Town { .. } | Effect::Import { .. }, Some(guild)) = (&effect, inv.guild_id) {
            if let Err(wait) = self.allowance.take(guild, now) {
                tracing::warn!(guild, by = inv.user_id, wait, "a town change held back: too many in a short time");
                return Some(commands::town::slow_down(inv.lang(), wait));
            }
        }
        match effect {
            Effect::Post { channel_id, content } => Some(self.announce(inv, channel_id, content).await),
            Effect::Import { file } => Some(self.import(inv, &file, now).await),
            Effect::Feed { renew } => {
                let guild = inv.guild_id?;
                let url = self.town_feed_url(guild, renew, now).await;
                if let Err(e) = &url {
                    tracing::error!(guild, "cannot make a town's calendar feed: {e}");
                }
                let scene = self.scene(inv).await;
                Some(commands::town::feed_reply(&scene.ctx(inv, now, &[]), url.ok(), renew))
            }
            Effect::Town { op, base } => {
                let guild = inv.guild_id?;
                match self.change_town(guild, Some(inv.user_id), &op, base, now).await {
                    Ok(_) => None,
                    Err(why) => {
                        tracing::warn!(guild, by = inv.user_id, "town not saved: {why:?}");
                        let scene = self.scene(inv).await;
                        Some(commands::town::not_saved(&scene.ctx(inv, now, &[]), &why))
                    }
                }
            }
            Effect::Change(c) => {
                let guild = inv.guild_id?;
                match self.change_state(guild, Some(inv.user_id), &c.change, &c.base, now).await {
                    Ok(record) => {
                        let (version, fields) = (record.version, c.change.fields());
                        if c.change.touches_anniversaries() {
                            tracing::info!(guild, by = inv.user_id, version, ?fields, "anniversary settings saved");
                        } else {
                            tracing::info!(guild, by = inv.user_id, version, ?fields, "home cities saved");
                        }
                        if record.version == c.base.version + 1 {
                            return None;
                        }
                        // Saved over a newer version than the moderator saw: show it as saved.
                        Some(self.run(commands::find(&inv.command)?, inv, now).await.reply)
                    }
                    Err(why) => {
                        tracing::warn!(guild, by = inv.user_id, "server state not saved: {why:?}");
                        Some(commands::not_saved(&self.scene(inv).await.ctx(inv, now, &[]), &c.change, &why))
                    }
                }
            }
        }
    }

    /// `/announce`: posts the announcement; the invocation's id is the nonce, so a retried
    /// `/announce` is not posted twice.
    async fn announce(&self, inv: &Invocation, channel_id: u64, content: String) -> Reply {
        let guild = inv.guild_id.unwrap_or(0);
        let Some(outbox) = self.outbox.get() else {
            let l = inv.lang();
            return commands::refusal(l, "announce-not-posted", Text::plain(l.t("cannot-post", &[])));
        };
        let post = Outgoing { channel_id, content, nonce: inv.id.to_string(), role_id: None };
        let result = outbox.send(&post).await;
        match &result {
            Ok(m) => tracing::info!(guild, channel = channel_id, message = m, by = inv.user_id, "announcement posted"),
            Err(e) => tracing::warn!(guild, channel = channel_id, by = inv.user_id, "announcement not posted: {e}"),
        }
        let linked = result.map(|m| outbox.link(guild, channel_id, m));
        commands::announce::posted(inv.lang(), channel_id, &linked)
    }

    /// Marks the application as unable to post (no bot token in HTTP mode): moderators turning
    /// posts on are told that posting needs the token.
    pub fn cannot_post(&self) {
        self.cannot_post.store(true, Ordering::SeqCst);
    }

    /// Attaches a transport that can post and register: `/announce` posts through it, and
    /// [`App::register`] registers through it.
    pub fn attach(&self, outbox: Arc<dyn Outbox>, registrar: Arc<dyn Registrar>) {
        let _ = self.outbox.set(outbox);
        let _ = self.registrar.set(registrar);
    }

    /// Registers the commands, once: at start-up, and again (say, on connecting) only if that
    /// failed or was given up waiting for.
    pub async fn register(&self) {
        /// Marks the commands unregistered again unless the registration completes.
        struct Pending<'a>(&'a AtomicBool, bool);
        impl Drop for Pending<'_> {
            fn drop(&mut self) {
                if !self.1 {
                    self.0.store(false, Ordering::SeqCst);
                }
            }
        }
        let Some(registrar) = self.registrar.get() else { return };
        if self.registered.swap(true, Ordering::SeqCst) {
            tracing::debug!("commands already registered; skipping");
            return;
        }
        let mut pending = Pending(&self.registered, false);
        let left_out: &[&'static str] = if self.towns_enabled { &[] } else { &[commands::town::SPEC.name] };
        match registrar.register(left_out).await {
            Ok(scope) => {
                pending.1 = true;
                tracing::info!(commands = commands::registry().len(), "registered commands for {scope}")
            }
            Err(e) => tracing::error!("could not register commands: {e}"),
        }
    }

    /// Starts the poster: the server's scheduled posts, through `outbox`, until the task ends.
    pub fn spawn_poster(
        self: &Arc<Self>,
        outbox: Arc<dyn Outbox>,
        clock: Arc<dyn Clock>,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(crate::ledger::poster::run(self.clone(), outbox, clock, std::time::Duration::from_secs(60)))
    }
}

#[async_trait::async_trait]
impl Posting for App {
    async fn catalog_for(&self, guild_id: u64) -> Arc<Catalog> {
        self.server_catalog(guild_id).await
    }
    fn plan_for(&self, guild_id: u64) -> Option<Arc<crate::core::data::Directory>> {
        self.dates_for(guild_id)
    }
    fn posting_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        App::posting_servers(self)
    }
    fn reminding_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        App::reminding_servers(self)
    }
    fn eventing_servers(&self) -> Vec<(u64, Arc<PostSettings>)> {
        App::eventing_servers(self)
    }
    async fn cover(
        &self,
        dir: &crate::core::data::Directory,
        a: &crate::anniversaries::dates::Anniversary,
        l: crate::core::i18n::Lang,
    ) -> Option<Vec<u8>> {
        // Laid out here; drawn (by the renderer program) off the async tasks.
        let svg = crate::pictures::cover::svg(dir, a, l);
        match tokio::task::spawn_blocking(move || crate::pictures::png(&svg)).await {
            Ok(Ok(png)) => Some(png),
            Ok(Err(e)) => {
                tracing::warn!("an event's cover could not be drawn; the event is made without one: {e}");
                None
            }
            Err(e) => {
                tracing::warn!("an event's cover could not be drawn: {e}");
                None
            }
        }
    }
    fn makes_for(&self, guild_id: u64) -> bool {
        self.shards.is_none_or(|s| s.owns(guild_id))
    }
    async fn events_catalog(&self, guild_id: u64) -> Option<Arc<Catalog>> {
        self.town_readable(guild_id).await.then_some(())?;
        Some(self.server_catalog(guild_id).await)
    }
    fn store(&self) -> &dyn Store {
        &*self.store
    }
    fn grace(&self) -> chrono::Duration {
        self.grace
    }
    fn wake(&self) -> &tokio::sync::Notify {
        &self.wake
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{Args, CommandSpec, Ctx, Permission, Permissions, Value};
    use crate::ledger::Notice;
    use crate::state::Homes;

    fn leeds() -> Catalog {
        Catalog::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/leeds.toml")]).unwrap()
    }

    fn thread_name(_: &Ctx, _: &Args) -> Answer {
        let t = std::thread::current();
        Reply::new(format!("{:?}", t.id())).into()
    }

    static SLOW: CommandSpec = CommandSpec {
        name: "slow",
        description: "A slow command",
        options: &[],
        needs: None,
        run: thread_name,
        slow: true,
        complete: None,
        subcommands: &[],
        resume: None,
    };
    static QUICK: CommandSpec = CommandSpec { slow: false, ..SLOW };

    /// A slow command runs on a blocking thread: the runtime's own thread (which also keeps the
    /// gateway's heartbeat and the poster) stays free.
    #[tokio::test(flavor = "current_thread")]
    async fn slow_commands_run_off_the_runtime_thread() {
        let app = App::in_memory(leeds()).await;
        let here = format!("{:?}", std::thread::current().id());
        let inv = Invocation::terminal("slow", Args::new());
        let now = Utc::now();
        assert_eq!(app.run(&QUICK, &inv, now).await.reply.title, here, "quick commands answer in place");
        assert_ne!(app.run(&SLOW, &inv, now).await.reply.title, here, "slow ones do not");
    }

    /// A registrar that fails the first time, hangs the second, and then succeeds.
    struct Flaky(std::sync::Mutex<u32>);

    #[async_trait::async_trait]
    impl Registrar for Flaky {
        async fn register(&self, _: &[&'static str]) -> Result<String, String> {
            let n = {
                let mut n = self.0.lock().unwrap();
                *n += 1;
                *n
            };
            match n {
                1 => Err("503 Service Unavailable".into()),
                2 => std::future::pending().await,
                _ => Ok("server 7".into()),
            }
        }
    }

    struct NoOutbox;

    #[async_trait::async_trait]
    impl Outbox for NoOutbox {
        fn render(&self, _: &Text) -> String {
            String::new()
        }
        async fn send(&self, _: &Outgoing) -> Result<u64, crate::ledger::poster::SendError> {
            Err(crate::ledger::poster::SendError::Transient("no".into()))
        }
        async fn find_posted(
            &self,
            _: &Outgoing,
            _: DateTime<Utc>,
        ) -> Result<Option<u64>, crate::ledger::poster::SendError> {
            Ok(None)
        }
        fn nonce_memory(&self) -> chrono::Duration {
            chrono::Duration::zero()
        }
    }

    /// Registration is retried after a failure and after a wait that was given up, and made once.
    #[tokio::test(start_paused = true)]
    async fn commands_are_registered_once_whatever_happens_on_the_way() {
        let app = App::in_memory(leeds()).await;
        let registrar = Arc::new(Flaky(std::sync::Mutex::new(0)));
        app.attach(Arc::new(NoOutbox), registrar.clone());
        app.register().await; // fails
        let gave_up = tokio::time::timeout(std::time::Duration::from_secs(10), app.register()).await;
        assert!(gave_up.is_err(), "the second try hangs and is given up");
        app.register().await; // succeeds
        app.register().await; // already done: not asked again
        assert_eq!(*registrar.0.lock().unwrap(), 3);
    }

    /// A server's choice of home decides what its commands and its scheduled posts are about.
    #[tokio::test]
    async fn a_servers_homes_scope_its_answers_and_its_posts() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let both = Catalog::load(&[root.join("data/leeds.toml"), root.join("data/dortmund.toml")]).unwrap();
        let app = App::in_memory(both).await;
        let moderator =
            Invocation { via: crate::commands::Via::Chat, ..Invocation::in_server(7, 8, 9, Permissions::ALL) };
        assert!(app.homes_for(&moderator).is_empty(), "nothing chosen: every home");
        let home = Invocation {
            command: "home".into(),
            args: Args::new().with("city", Value::Str("Dortmund".into())),
            ..moderator.clone()
        };
        let effect = app.handle(&home, Utc::now()).await.effect.expect("a change");
        let saved = app.apply(&home, effect, Utc::now()).await;
        assert!(saved.is_none(), "{saved:?}");
        let record = app.store().server(7).await.unwrap().expect("saved");
        assert_eq!((record.version, record.updated_by), (1, Some(9)));
        assert_eq!(record.state.homes, Some(Homes::Only(vec!["Dortmund".to_string()])));
        let scoped = Posting::catalog_for(&app, 7).await;
        assert_eq!(scoped.homes.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), vec!["Dortmund"]);
        let posts = crate::anniversaries::schedule::posts(
            &scoped,
            &crate::anniversaries::schedule::Timing::default(),
            chrono::NaiveDate::from_ymd_opt(2029, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2029, 12, 31).unwrap(),
        );
        let leeds = posts.iter().find_map(|p| match &p.kind {
            crate::anniversaries::schedule::PostKind::Anniversary(a) if scoped.partners[a.partner].name == "Leeds" => {
                Some(a.clone())
            }
            _ => None,
        });
        let text = PostSettings::default().render(&scoped, &leeds.expect("Leeds' 60th from Dortmund's side"));
        assert!(text.contains("between Dortmund and Leeds"), "{{home}} follows the server's home: {text}");
        let other_server = Posting::catalog_for(&app, 70).await;
        assert_eq!(other_server.homes.len(), 2, "another server still answers for both");
        let answer = app.handle(&Invocation { command: "partners".into(), ..moderator.clone() }, Utc::now()).await;
        assert_eq!(answer.reply.title, "Dortmund's partner cities (11)");
    }

    /// "Every home" chosen with /home holds even where config.toml names a default home.
    #[tokio::test]
    async fn every_home_chosen_with_home_outlasts_the_configured_default() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let files = [root.join("data/leeds.toml"), root.join("data/dortmund.toml")];
        let text = format!("data = [{:?}, {:?}]\n[discord]\nhome = \"Leeds\"\n", files[0], files[1]);
        let config = Config::parse(&root.join("config.toml"), &text).unwrap();
        let store = Arc::new(SqliteStore::in_memory().unwrap());
        let app = App::new(&config, Catalog::load(&files).unwrap(), store.clone()).await.unwrap();
        let inv = Invocation { via: crate::commands::Via::Chat, ..Invocation::in_server(7, 8, 9, Permissions::ALL) };
        assert_eq!(app.homes_for(&inv), vec![0], "config.toml's default: Leeds");
        let home = |args: commands::Args| Invocation { command: "home".into(), args, ..inv.clone() };
        let answer =
            app.handle(&home(commands::Args::new().with("all", commands::Value::Bool(true))), Utc::now()).await;
        match &answer.effect {
            Some(Effect::Change(c)) => assert_eq!(c.after.homes, Some(Homes::Every)),
            other => panic!("{other:?}"),
        }
        assert!(app.apply(&inv, answer.effect.unwrap(), Utc::now()).await.is_none());
        assert!(app.homes_for(&inv).is_empty(), "every home, not the default");
        // And after a restart on the same database.
        let again = App::new(&config, Catalog::load(&files).unwrap(), store).await.unwrap();
        assert!(again.homes_for(&inv).is_empty());
        let answer = again.handle(&Invocation { command: "partners".into(), ..inv.clone() }, Utc::now()).await;
        assert_eq!(answer.reply.title, "Leeds and Dortmund's partner cities (18)");
    }

    #[tokio::test]
    async fn moderators_get_the_ledger_and_members_do_not() {
        let app = App::in_memory(leeds()).await;
        let spec = commands::find("anniversary-settings").unwrap();
        let post = crate::ledger::NewPost {
            guild_id: 7,
            key: "Leeds/Dortmund/2029".into(),
            due: Utc::now(),
            channel_id: 8,
            content: "x".into(),
            role_id: None,
            belated: false,
        };
        app.store().record_intent(&post, Utc::now()).await.unwrap();
        let moderator = Invocation::in_server(7, 8, 9, Permissions::NONE.with(Permission::ManageMessages));
        let member = Invocation::in_server(7, 8, 9, Permissions::NONE);
        assert_eq!(app.ledger_for(spec, &moderator, false).await.len(), 1);
        assert!(app.ledger_for(spec, &member, false).await.is_empty());
    }

    /// Two processes on one database, as replicas are: each holds what it last read.
    async fn two_replicas() -> (App, App) {
        let config = Config::parse(std::path::Path::new("config.toml"), "data = []").unwrap();
        let store: Arc<dyn Store> = Arc::new(SqliteStore::in_memory().unwrap());
        let a = App::new(&config, leeds(), store.clone()).await.unwrap();
        let b = App::new(&config, leeds(), store).await.unwrap();
        (a, b)
    }

    /// `/anniversary-settings` with these options, by member `user`, carried out.
    async fn settings(app: &App, user: u64, options: &[(&str, Value)]) -> (Answer, Option<Reply>) {
        let args = options.iter().fold(Args::new(), |a, (n, v)| a.with(n, v.clone()));
        let inv = Invocation {
            command: "anniversary-settings".into(),
            args,
            ..Invocation::in_server(7, 8, user, Permissions::ALL)
        };
        let answer = app.handle(&inv, Utc::now()).await;
        let instead = match answer.effect.clone() {
            Some(effect) => app.apply(&inv, effect, Utc::now()).await,
            None => None,
        };
        (answer, instead)
    }

    /// A change made through one replica reaches another when it hears of it.
    #[tokio::test]
    async fn a_replica_follows_a_change_made_through_another() {
        let (a, b) = two_replicas().await;
        let (_, instead) =
            settings(&a, 1, &[("channel", Value::Channel(8)), ("time", Value::Str("18:30".into()))]).await;
        assert!(instead.is_none(), "{instead:?}");
        assert_eq!(a.posting_servers().len(), 1);
        assert!(b.posting_servers().is_empty(), "not heard of yet");
        b.heard(Notice::Server { guild_id: 7, version: 1 }).await;
        let s = b.settings_for(Some(7));
        assert_eq!((s.posting(), s.timing.at.format("%H:%M").to_string()), (Some(8), "18:30".to_string()));
        assert_eq!(b.posting_servers().len(), 1, "the replica that posts would now post");
        // A catch-up finds what a lost notice would have said.
        settings(&a, 1, &[("enabled", Value::Bool(false))]).await;
        b.heard(Notice::CatchUp).await;
        assert!(b.posting_servers().is_empty());
        assert_eq!(b.server(7).version, 2);
    }

    /// Two moderators change settings at once through two replicas: a change to another field is
    /// applied over the first, one to the same field is refused, naming who made the first.
    #[tokio::test]
    async fn concurrent_changes_are_merged_or_refused_never_lost() {
        let (a, b) = two_replicas().await;
        settings(&a, 1, &[("time", Value::Str("18:30".into()))]).await;
        // b has not heard: it still holds nothing saved. A change of the template is applied over
        // a's, and the reply shows both.
        let (_, instead) = settings(&b, 2, &[("template", Value::Str("{partner}!".into()))]).await;
        let shown = instead.expect("the settings as saved, over the newer version");
        assert_eq!(shown.title, "Anniversary settings saved");
        let saved = a.store().server(7).await.unwrap().unwrap();
        let s = saved.state.anniversaries.as_ref().unwrap();
        assert_eq!((saved.version, s.at.as_str(), s.template.as_deref()), (2, "18:30", Some("{partner}!")));
        assert_eq!(saved.updated_by, Some(2));
        // a still holds version 1; a change of the template there is refused: b changed it.
        let (_, instead) = settings(&a, 1, &[("template", Value::Str("{partner}?".into()))]).await;
        let refused = instead.expect("refused");
        assert_eq!(refused.title, "Settings not saved");
        let said = &refused.description.0;
        assert_eq!(said.first(), Some(&crate::core::reply::Span::Member(2)), "{said:?}");
        assert!(said.contains(&crate::core::reply::Span::Code("template".into())), "{said:?}");
        assert!(format!("{said:?}").contains("nothing was saved"), "{said:?}");
        let after = a.store().server(7).await.unwrap().unwrap();
        assert_eq!(after.version, 2, "nothing written");
        assert_eq!(a.server(7).version, 2, "and the refusing replica now holds the newer version");
    }
}
