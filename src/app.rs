//! What the running bot holds, whatever the transport: the partnership data (reloadable), the
//! database, and each server's anniversary settings. The Discord layer answers commands from it
//! and the poster posts from it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use crate::anniversaries::settings::PostSettings;
use crate::anniversaries::settings::StoredSettings;
use crate::config::Config;
use crate::core::catalog::Catalog;
use crate::core::data::DataError;
use crate::ledger::poster::Posting;
use crate::ledger::{Store, StoreError};
use crate::store::SqliteStore;

/// The bot's state.
pub struct Service {
    dir: RwLock<Arc<Catalog>>,
    data_paths: Vec<PathBuf>,
    store: Arc<dyn Store>,
    /// config.toml's template and timing, for servers that saved nothing.
    defaults: Arc<PostSettings>,
    /// The server config.toml configures entirely (`discord.guild_id` with `anniversaries.channel`).
    config_server: Option<(u64, Arc<PostSettings>)>,
    /// Settings servers saved, checked.
    saved: RwLock<HashMap<u64, Arc<PostSettings>>>,
    /// The grace window for belated posts.
    pub grace: chrono::Duration,
    /// Wakes the poster when settings change.
    pub wake: tokio::sync::Notify,
}

impl Service {
    /// Builds the service from a config, its data and an open database.
    pub async fn new(config: &Config, dir: Catalog, store: Arc<dyn Store>) -> Result<Service, StoreError> {
        let defaults = PostSettings::from_config(&config.anniversaries, false).unwrap_or_default();
        let config_server = match (config.discord.guild_id, config.anniversaries.channel) {
            (Some(g), Some(_)) => PostSettings::from_config(&config.anniversaries, true).ok().map(|s| (g, Arc::new(s))),
            _ => None,
        };
        let defaults = Arc::new(defaults);
        let mut saved = HashMap::new();
        for s in store.all_settings().await? {
            match PostSettings::from_stored(&s, &defaults) {
                Ok(p) => {
                    saved.insert(s.guild_id, Arc::new(p));
                }
                Err(e) => tracing::error!(guild = s.guild_id, "ignoring this server's saved anniversary settings: {e}"),
            }
        }
        Ok(Service {
            dir: RwLock::new(Arc::new(dir)),
            data_paths: config.data_paths(),
            store,
            defaults,
            config_server,
            saved: RwLock::new(saved),
            grace: config.grace(),
            wake: tokio::sync::Notify::new(),
        })
    }

    /// A service over `dir` with the default settings and a database in memory (for tests and
    /// tools).
    pub async fn in_memory(dir: Catalog) -> Service {
        let config = Config::parse(std::path::Path::new("config.toml"), "data = []").expect("an empty config is valid");
        let store = SqliteStore::in_memory().expect("SQLite opens in memory");
        Service::new(&config, dir, Arc::new(store)).await.expect("a new database is empty")
    }

    /// The current data.
    pub fn directory(&self) -> Arc<Catalog> {
        self.dir.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Reloads the data files; on any error the bot keeps its last good data.
    pub fn reload(&self) -> Result<usize, DataError> {
        let dir = Catalog::load(&self.data_paths)?;
        let n = dir.partners.len();
        *self.dir.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(dir);
        self.wake.notify_one();
        Ok(n)
    }

    /// The database.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// The settings in effect for a server (None: outside any server).
    pub fn settings_for(&self, guild_id: Option<u64>) -> Arc<PostSettings> {
        let Some(g) = guild_id else { return self.defaults.clone() };
        if let Some(s) = self.saved.read().unwrap_or_else(|e| e.into_inner()).get(&g) {
            return s.clone();
        }
        match &self.config_server {
            Some((cg, s)) if *cg == g => s.clone(),
            _ => self.defaults.clone(),
        }
    }

    /// The settings config.toml gives every server.
    pub fn defaults(&self) -> Arc<PostSettings> {
        self.defaults.clone()
    }

    /// Saves a server's settings and wakes the poster.
    pub async fn save_settings(&self, s: &StoredSettings) -> Result<(), StoreError> {
        let checked = PostSettings::from_stored(s, &self.defaults).map_err(StoreError::Settings)?;
        let before = self.settings_for(Some(s.guild_id)).posting();
        self.store.save_settings(s).await?;
        if let Some(channel) = checked.posting().filter(|c| before != Some(*c)) {
            // Turned on (again), or moved: count from now, so that what fell due while posts
            // were off is neither posted late nor reported missed.
            self.store.restart_enabled_since(s.guild_id, channel, s.updated_at).await?;
        }
        self.saved.write().unwrap_or_else(|e| e.into_inner()).insert(s.guild_id, Arc::new(checked));
        self.wake.notify_one();
        Ok(())
    }

    /// Every server with automatic posts on: (server, channel, settings).
    pub fn posting_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        let saved = self.saved.read().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<(u64, u64, Arc<PostSettings>)> =
            saved.iter().filter_map(|(g, s)| s.posting().map(|c| (*g, c, s.clone()))).collect();
        if let Some((g, s)) = &self.config_server {
            if !saved.contains_key(g) {
                if let Some(c) = s.posting() {
                    out.push((*g, c, s.clone()));
                }
            }
        }
        out.sort_by_key(|(g, _, _)| *g);
        out
    }
}

impl Posting for Service {
    fn catalog(&self) -> Arc<Catalog> {
        self.directory()
    }
    fn posting_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        Service::posting_servers(self)
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
