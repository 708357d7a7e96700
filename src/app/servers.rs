//! The servers' state and the data as this process holds them, kept in step with the database
//! whichever process changed them: every write goes through [`App::change_state`]
//! (compare-and-swap on the server's version), and where processes share the database the others
//! hear of it ([`App::follow_changes`]) and read the newer version. A process that may have missed
//! notices compares every server's version with what it holds and reads the newer ones, so a lost
//! notice costs seconds, never a post.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::App;
use crate::anniversaries::settings::{PostSettings, SettingsOrigin};
use crate::commands::{Ctx, Invocation, NotSaved};
use crate::core::catalog::Catalog;
use crate::core::data::DataError;
use crate::ledger::{Notice, PostRecord, ServerWrite, Stream, Written};
use crate::state::{Anniversaries, Change, Homes, Rules, ServerRecord, ServerState};

/// A server as this process holds it: its record, and its own anniversary settings checked
/// (None: it saved none, or they cannot be used, which is logged).
pub(crate) struct Held {
    pub(crate) record: ServerRecord,
    posting: Option<Arc<PostSettings>>,
}

/// A server as one invocation sees it.
struct Seen {
    held: Option<Arc<Held>>,
    /// The settings in effect: its own, else those it inherits.
    posting: Arc<PostSettings>,
    /// What it has where it saved nothing: config.toml's, or the defaults.
    inherited: Arc<PostSettings>,
}

/// Everything a command runs with, but for its ledger: the server as seen, every home loaded, and
/// the homes it answers for.
pub(crate) struct Scene {
    seen: Seen,
    loaded: Arc<Catalog>,
    scoped: Arc<Catalog>,
    /// The server's town's newest versions (for `/town`).
    pub(crate) town: Vec<crate::state::town::TownRecord>,
    /// The world gazetteer (for the commands that find cities in it).
    pub(crate) world: Option<Arc<crate::core::gazetteer::Gazetteer>>,
}

impl Scene {
    /// Whether the server has scheduled events on.
    pub(crate) fn events_on(&self) -> bool {
        self.seen.posting.events.is_some()
    }

    /// The context a command runs in, at `now` in the server's timezone.
    pub(crate) fn ctx<'a>(&'a self, inv: &'a Invocation, now: DateTime<Utc>, ledger: &'a [PostRecord]) -> Ctx<'a> {
        let seen = &self.seen;
        Ctx {
            town: &self.town,
            world: self.world.as_deref(),
            now,
            dir: &self.scoped,
            loaded: &self.loaded,
            today: now.with_timezone(&seen.posting.timing.tz).date_naive(),
            inv,
            posting: &seen.posting,
            server: seen.held.as_ref().map_or(ServerRecord::nothing_saved(), |h| &h.record),
            inherited: &seen.inherited,
            ledger,
        }
    }
}

impl App {
    /// The current data.
    pub fn directory(&self) -> Arc<Catalog> {
        self.catalog.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Reloads the data files in this process; on any error it keeps its last good data.
    pub fn reload(&self) -> Result<usize, DataError> {
        let catalog = Catalog::load(&self.data_paths)?;
        let n = catalog.partners.len();
        *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(catalog);
        self.scopes.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.towns.clear();
        self.wake.notify_one();
        Ok(n)
    }

    /// Reloads the data files (SIGHUP), and has every other process on the database reload
    /// them too, the one making the posts included.
    pub async fn reload_everywhere(&self) -> Result<usize, DataError> {
        let n = self.reload()?;
        match self.store.raise_data_version().await {
            Ok(version) => {
                self.data_seen.fetch_max(version, Ordering::SeqCst);
            }
            Err(e) => tracing::error!("the other processes were not told to reload the data: {e}"),
        }
        Ok(n)
    }

    pub(crate) fn held(&self, guild_id: u64) -> Option<Arc<Held>> {
        self.servers.read().unwrap_or_else(|e| e.into_inner()).get(&guild_id).cloned()
    }

    /// What a server has where it saved nothing: config.toml's settings for the server it
    /// configures, else the defaults.
    fn inherited(&self, guild_id: Option<u64>) -> Arc<PostSettings> {
        match (&self.config_server, guild_id) {
            (Some((cg, s)), Some(g)) if *cg == g => s.clone(),
            _ => self.defaults.clone(),
        }
    }

    /// A server as an invocation sees it (None: outside any server).
    fn seen(&self, guild_id: Option<u64>) -> Seen {
        let held = guild_id.and_then(|g| self.held(g));
        let inherited = self.inherited(guild_id);
        let posting = held.as_ref().and_then(|h| h.posting.clone()).unwrap_or_else(|| inherited.clone());
        Seen { held, posting, inherited }
    }

    /// What a command used by `inv` runs with (but for the ledger).
    pub(crate) async fn scene(&self, inv: &Invocation) -> Scene {
        let scoped = match inv.guild_id {
            Some(guild) if inv.homes.is_empty() => self.server_catalog(guild).await,
            _ => self.catalog_for(&self.homes_for(inv)),
        };
        Scene { seen: self.seen(inv.guild_id), loaded: self.directory(), scoped, town: Vec::new(), world: None }
    }

    /// What a server's commands and posts answer from: its own town, beside the homes it chose
    /// with `/home`; else the homes it chose, or config.toml's.
    pub async fn server_catalog(&self, guild: u64) -> Arc<Catalog> {
        if let Some(town) = self.town_catalog(guild).await {
            return town;
        }
        let inv = Invocation { guild_id: Some(guild), ..Invocation::terminal("", crate::commands::Args::new()) };
        self.catalog_for(&self.homes_for(&inv))
    }

    /// The record of a server as this process holds it (version 0: it saved nothing).
    pub fn server(&self, guild_id: u64) -> ServerRecord {
        self.held(guild_id).map_or_else(|| ServerRecord::new(guild_id), |h| h.record.clone())
    }

    /// The settings in effect for a server (None: outside any server).
    pub fn settings_for(&self, guild_id: Option<u64>) -> Arc<PostSettings> {
        self.seen(guild_id).posting
    }

    /// The names of the home cities a server's state answers for (none: every home).
    fn home_names<'a>(&'a self, state: &'a ServerState) -> &'a [String] {
        match &state.homes {
            None => &self.default_homes,
            Some(Homes::Every) => &[],
            Some(Homes::Only(names)) => names,
        }
    }

    /// The home cities an invocation is answered for, as indices into the loaded homes: those
    /// it names (the terminal's --home), else those its server chose, else config.toml's; none
    /// (every home) when nothing is set.
    pub fn homes_for(&self, inv: &Invocation) -> Vec<usize> {
        if !inv.homes.is_empty() {
            return inv.homes.clone();
        }
        match inv.guild_id.and_then(|g| self.held(g)) {
            Some(held) => self.indices(self.home_names(&held.record.state)),
            None => self.indices(&self.default_homes),
        }
    }

    /// The loaded homes of these names. A home no longer loaded is passed over; if none is left,
    /// every home is answered for.
    pub(crate) fn indices(&self, names: &[String]) -> Vec<usize> {
        let catalog = self.directory();
        names.iter().filter_map(|n| catalog.homes.iter().position(|h| &h.name == n)).collect()
    }

    /// The catalog of these homes (every home when none, or all, are named).
    pub fn catalog_for(&self, homes: &[usize]) -> Arc<Catalog> {
        let all = self.directory();
        if homes.is_empty() || (0..all.homes.len()).all(|h| homes.contains(&h)) {
            return all;
        }
        let mut scopes = self.scopes.lock().unwrap_or_else(|e| e.into_inner());
        scopes.entry(homes.to_vec()).or_insert_with(|| Arc::new(Catalog::new(all.scoped(homes)))).clone()
    }

    /// Holds a server's record, unless this process already holds that version or a newer one.
    /// Returns whether its anniversary settings changed (the poster should look again).
    pub(crate) fn hold(&self, record: ServerRecord) -> bool {
        let guild = record.guild_id;
        let posting = record.state.anniversaries.as_ref().and_then(|a| {
            let origin = SettingsOrigin::Server { updated_at: record.updated_at, updated_by: record.updated_by };
            a.settings(&self.inherited(Some(guild)), origin, None)
                .map_err(|e| tracing::error!(guild, "ignoring this server's saved anniversary settings: {e}"))
                .ok()
                .map(Arc::new)
        });
        let mut servers = self.servers.write().unwrap_or_else(|e| e.into_inner());
        let before = servers.get(&guild).cloned();
        if before.as_ref().is_some_and(|b| b.record.version >= record.version) {
            return false;
        }
        let changed = before.map(|b| b.record.state.anniversaries.clone()) != Some(record.state.anniversaries.clone());
        servers.insert(guild, Arc::new(Held { record, posting }));
        changed
    }

    /// Saves a change to a server's state, made by `by` from the record `base`: compare-and-swap
    /// on the version. Another change saved first is no obstacle unless it changed a field this
    /// one sets: then this one is applied again to the newer state, and otherwise refused.
    /// Returns the record as saved.
    pub(crate) async fn change_state(
        &self,
        guild: u64,
        by: Option<u64>,
        change: &Change,
        base: &ServerRecord,
        now: DateTime<Utc>,
    ) -> Result<ServerRecord, NotSaved> {
        let inherited = self.inherited(Some(guild));
        let mut current = base.clone();
        loop {
            let answering = self.home_names(&current.state).to_vec();
            let posts_from = self.catalog_for(&self.indices(&answering));
            let loaded = self.directory();
            let rules = Rules {
                guild_id: Some(guild),
                posts_from: Some(&posts_from),
                homes: Some((&loaded, &answering)),
                inherited: &inherited,
            };
            let after = change.apply(&current.state, &rules).map_err(NotSaved::Rule)?;
            let write = ServerWrite {
                guild_id: guild,
                expected: current.version,
                restart: restarted(&current.state.anniversaries_or(&inherited), &after.anniversaries_or(&inherited)),
                state: &after,
                by,
                at: now,
            };
            match self.store.write_server(&write).await.map_err(|e| NotSaved::Store(e.to_string()))? {
                Written::Saved(record) => {
                    if self.hold(record.clone()) {
                        self.wake.notify_one();
                    }
                    return Ok(record);
                }
                Written::Conflict(newer) => {
                    let fields = change.conflicts(&base.state, &newer.state, &inherited);
                    let (by, at) = (newer.updated_by, newer.updated_at);
                    if self.hold(newer.clone()) {
                        self.wake.notify_one();
                    }
                    if !fields.is_empty() {
                        return Err(NotSaved::Conflict { fields, by, at });
                    }
                    current = newer;
                }
            }
        }
    }

    /// Saves a server's anniversary settings whole, as a moderator setting each of them would
    /// (for tools and tests).
    pub async fn save_anniversaries(
        &self,
        guild: u64,
        a: &Anniversaries,
        by: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<ServerRecord, NotSaved> {
        let change = Change::setting(a);
        self.change_state(guild, by, &change, &self.server(guild), now).await
    }

    /// Every server with automatic posts on: (server, channel, settings).
    pub fn posting_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        self.servers_where(PostSettings::posting)
    }

    /// Every server with advance reminders on: (server, reminders' channel, settings).
    pub fn reminding_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        self.servers_where(|s| s.reminding().map(|(channel, _)| channel))
    }

    /// Every server with scheduled events on: (server, settings).
    pub fn eventing_servers(&self) -> Vec<(u64, Arc<PostSettings>)> {
        self.servers_where(|s| s.events.map(|_| 0)).into_iter().map(|(g, _, s)| (g, s)).collect()
    }

    /// Every server whose settings give a channel for `channel`: (server, channel, settings).
    fn servers_where(&self, channel: impl Fn(&PostSettings) -> Option<u64>) -> Vec<(u64, u64, Arc<PostSettings>)> {
        let servers = self.servers.read().unwrap_or_else(|e| e.into_inner());
        let own = |g: &u64| servers.get(g).and_then(|h| h.posting.clone());
        let mut out: Vec<(u64, u64, Arc<PostSettings>)> = servers
            .iter()
            .filter_map(|(g, h)| h.posting.as_ref().and_then(|s| channel(s).map(|c| (*g, c, s.clone()))))
            .collect();
        if let Some((g, s)) = &self.config_server {
            if own(g).is_none() {
                if let Some(c) = channel(s) {
                    out.push((*g, c, s.clone()));
                }
            }
        }
        // On SQLite, shards split between processes split the servers: each makes the posts of
        // the servers its shards receive. (On PostgreSQL one elected process makes them all.)
        if let Some(shards) = self.shards {
            out.retain(|(g, _, _)| shards.owns(*g));
        }
        out.sort_by_key(|(g, _, _)| *g);
        out
    }

    /// Follows the changes other processes make, where they share the database: each server's
    /// newer state is read as it is written there, and the data reloaded when another process
    /// reloads it. Runs until the application is dropped.
    pub fn follow_changes(self: &Arc<Self>) {
        let Some(mut notices) = self.store.listen() else { return };
        let app = Arc::downgrade(self);
        tokio::spawn(async move {
            while let Some(notice) = notices.recv().await {
                let Some(app) = app.upgrade() else { return };
                app.heard(notice).await;
            }
        });
    }

    /// Acts on one notice of a change made elsewhere.
    pub(crate) async fn heard(&self, notice: Notice) {
        match notice {
            Notice::Server { guild_id, version } => {
                if self.held(guild_id).is_none_or(|h| h.record.version < version) {
                    self.read_server(guild_id).await;
                }
            }
            Notice::Town { guild_id, version } => {
                if self.towns.heard(guild_id, version) {
                    tracing::debug!(guild = guild_id, version, "followed a town changed by another process");
                    self.follow_town(guild_id).await;
                }
            }
            Notice::Data { version } => self.follow_data(version),
            Notice::CatchUp => self.catch_up().await,
        }
    }

    /// Reads a server's state anew from the database.
    async fn read_server(&self, guild: u64) {
        match self.store.server(guild).await {
            Ok(Some(record)) => {
                let version = record.version;
                if self.hold(record) {
                    self.wake.notify_one();
                }
                tracing::debug!(guild, version, "followed a change made by another process");
            }
            Ok(None) => {}
            Err(e) => tracing::error!(guild, "cannot read a server's state changed by another process: {e}"),
        }
    }

    /// Reloads the data when another process did.
    fn follow_data(&self, version: i64) {
        if self.data_seen.fetch_max(version, Ordering::SeqCst) >= version {
            return;
        }
        match self.reload() {
            Ok(n) => tracing::info!(partners = n, version, "data reloaded, as another process did"),
            Err(e) => tracing::error!("data not reloaded, keeping the last good data:\n{e}"),
        }
    }

    /// Compares every server's version, and the data's, with what this process holds, and reads
    /// what is newer.
    async fn catch_up(&self) {
        let versions = match self.store.server_versions().await {
            Ok(v) => v,
            Err(e) => return tracing::error!("cannot catch up with other processes' changes: {e}"),
        };
        let behind: Vec<u64> = versions
            .into_iter()
            .filter(|(g, v)| self.held(*g).is_none_or(|h| h.record.version < *v))
            .map(|(g, _)| g)
            .collect();
        for guild in &behind {
            self.read_server(*guild).await;
        }
        if !behind.is_empty() {
            tracing::info!(servers = behind.len(), "caught up with changes made by other processes");
        }
        match self.store.town_versions().await {
            Ok(versions) => {
                let newer: Vec<u64> =
                    versions.into_iter().filter(|&(g, v)| self.towns.heard(g, v)).map(|(g, _)| g).collect();
                for guild in &newer {
                    self.follow_town(*guild).await;
                }
                if !newer.is_empty() {
                    tracing::info!(towns = newer.len(), "caught up with towns changed by other processes");
                }
            }
            Err(e) => tracing::error!("cannot catch up with other processes' towns: {e}"),
        }
        match self.store.data_version().await {
            Ok(version) => self.follow_data(version),
            Err(e) => tracing::error!("cannot tell whether the data was reloaded elsewhere: {e}"),
        }
    }
}

/// The streams a change turns on (again) or moves to another channel: each is counted from the
/// change, so that what fell due while it was off is neither posted late nor reported missed.
fn restarted(before: &Anniversaries, after: &Anniversaries) -> Vec<(Stream, u64)> {
    let posts = after.posting().filter(|c| before.posting() != Some(*c)).map(|c| (Stream::Posts, c));
    let reminders = after.reminding().filter(|c| before.reminding() != Some(*c)).map(|c| (Stream::Reminders, c));
    posts.into_iter().chain(reminders).collect()
}
