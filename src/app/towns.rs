//! Servers' own towns as this process holds them. Every town's version is known (a number per
//! town, read at start and followed through notices); its document is read and loaded only when
//! the server's commands or posts first need it, and the catalogs of the towns used most recently
//! are kept, at most [`TOWN_CACHE`] of them. A change is written through [`App::change_town`]:
//! compare-and-swap on the town's version, as a server's state is written.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};

use super::App;
use crate::core::catalog::Catalog;
use crate::core::data::Directory;
use crate::state::town::{self, TownChange, TownDate, TownNotSaved, TownOp, TownRecord, TownWrite, TownWritten};
use crate::state::Homes;

/// The most town catalogs kept in memory: the towns used most recently.
pub const TOWN_CACHE: usize = 512;

/// How many versions of a town `/town history` and `/town undo` read.
pub const HISTORY_READ: u32 = 50;

/// How many changes to its town a server may make at once, and how often one more comes back
/// (config.toml's `towns.edit_burst` and `towns.edit_every`): by default twenty at once, then one
/// every 15 seconds (240 an hour). Each version written counts, and each button or form a command
/// offers; reading never does. A person editing never meets it; a script writing versions as fast
/// as it can is held to it.
pub use crate::config::{EDIT_BURST, EDIT_EVERY_SECS};

/// Each server's allowance of changes: (what is left, when it was last counted).
pub(crate) struct Allowance {
    burst: f64,
    every: f64,
    left: Mutex<HashMap<u64, (f64, DateTime<Utc>)>>,
}

impl Allowance {
    pub(crate) fn new(burst: u32, every_secs: u32) -> Allowance {
        Allowance { burst: f64::from(burst.max(1)), every: f64::from(every_secs.max(1)), left: Mutex::default() }
    }

    /// Takes one change from a server's allowance at `now`; Err(seconds until one is back).
    pub(crate) fn take(&self, guild: u64, now: DateTime<Utc>) -> Result<(), u64> {
        let mut all = self.left.lock().unwrap_or_else(|e| e.into_inner());
        if all.len() > 100_000 {
            // Servers whose allowance is whole again need no entry.
            let full = self.burst * self.every;
            all.retain(|_, (_, at)| ((now - *at).num_seconds() as f64) < full);
        }
        let (left, at) = all.entry(guild).or_insert((self.burst, now));
        let back = ((now - *at).num_milliseconds().max(0) as f64 / 1000.0) / self.every;
        *left = (*left + back).min(self.burst);
        *at = now;
        if *left >= 1.0 {
            *left -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *left) * self.every).ceil() as u64)
        }
    }
}

/// One town's catalog, as built for a version and the homes beside it.
struct Built {
    version: i64,
    homes: Vec<usize>,
    /// None: that version deleted the town, or it does not load (logged).
    catalog: Option<Arc<Catalog>>,
    used: u64,
}

/// The towns this process knows of.
#[derive(Default)]
pub(crate) struct Towns {
    /// Each town's newest version as last read or heard of.
    versions: RwLock<HashMap<u64, i64>>,
    cache: Mutex<(HashMap<u64, Built>, u64)>,
    /// Each town's partners' dates, as the poster plans from them (a town deleted has none).
    dates: RwLock<HashMap<u64, Arc<[TownDate]>>>,
}

impl Towns {
    fn version(&self, guild: u64) -> i64 {
        self.versions.read().unwrap_or_else(|e| e.into_inner()).get(&guild).copied().unwrap_or(0)
    }

    /// Notes a town's version as another process wrote it (a notice, or a catch-up); true if
    /// it is not the one known. It may be lower: a town erased, then made anew.
    pub(crate) fn heard(&self, guild: u64, version: i64) -> bool {
        let mut versions = self.versions.write().unwrap_or_else(|e| e.into_inner());
        versions.insert(guild, version) != Some(version)
    }

    /// Notes a version just read: the newest known stays (a notice may have come meanwhile).
    fn read(&self, guild: u64, version: i64) {
        let mut versions = self.versions.write().unwrap_or_else(|e| e.into_inner());
        let known = versions.entry(guild).or_insert(version);
        *known = (*known).max(version);
    }

    /// Sets a town's version as just read or written (a town erased and made anew starts again
    /// at 1).
    fn set(&self, guild: u64, version: i64) {
        self.versions.write().unwrap_or_else(|e| e.into_inner()).insert(guild, version);
    }

    /// Forgets a town erased from the database.
    fn forget(&self, guild: u64) {
        self.versions.write().unwrap_or_else(|e| e.into_inner()).remove(&guild);
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).0.remove(&guild);
        self.dates.write().unwrap_or_else(|e| e.into_inner()).remove(&guild);
    }

    /// Keeps a town's dates. A town with none (deleted, or without partners yet) keeps no
    /// entry: its posts are planned from its catalog, which is cheap for it.
    fn keep_dates(&self, guild: u64, dates: Vec<TownDate>, deleted: bool) {
        let mut all = self.dates.write().unwrap_or_else(|e| e.into_inner());
        if deleted || dates.is_empty() {
            all.remove(&guild);
        } else {
            all.insert(guild, dates.into());
        }
    }

    fn dates(&self, guild: u64) -> Option<Arc<[TownDate]>> {
        self.dates.read().unwrap_or_else(|e| e.into_inner()).get(&guild).cloned()
    }

    /// Every catalog is built again when next used (the data files were reloaded).
    pub(crate) fn clear(&self) {
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).0.clear();
    }

    fn cached(&self, guild: u64, version: i64, homes: &[usize]) -> Option<Option<Arc<Catalog>>> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let (entries, tick) = &mut *cache;
        *tick += 1;
        let b = entries.get_mut(&guild).filter(|b| b.version == version && b.homes == homes)?;
        b.used = *tick;
        Some(b.catalog.clone())
    }

    fn keep(&self, guild: u64, built: Built) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let (entries, tick) = &mut *cache;
        *tick += 1;
        if entries.len() >= TOWN_CACHE && !entries.contains_key(&guild) {
            if let Some(oldest) = entries.iter().min_by_key(|(_, b)| b.used).map(|(g, _)| *g) {
                entries.remove(&oldest);
            }
        }
        entries.insert(guild, Built { used: *tick, ..built });
    }

    /// How many catalogs are kept now.
    fn cached_len(&self) -> usize {
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).0.len()
    }
}

impl App {
    /// Reads every town's version and its partners' dates (at start; no document is read).
    pub(crate) async fn know_towns(&self) -> Result<(), crate::ledger::StoreError> {
        for (guild, version) in self.store.town_versions().await? {
            self.towns.heard(guild, version);
        }
        // The rows come town by town: each town's run is kept as it is read, so that the dates
        // of 10,000 towns are never held twice over.
        let mut rows = self.store.town_dates(None).await?.into_iter().peekable();
        while let Some((guild, first)) = rows.next() {
            let mut dates = vec![first];
            while let Some((_, d)) = rows.next_if(|(g, _)| *g == guild) {
                dates.push(d);
            }
            self.towns.keep_dates(guild, dates, false);
        }
        Ok(())
    }

    /// Reads a town's dates again after another process changed it.
    pub(crate) async fn follow_town(&self, guild: u64) {
        match self.store.town_dates(Some(guild)).await {
            Ok(rows) => {
                let dates = rows.into_iter().map(|(_, d)| d).collect();
                self.towns.keep_dates(guild, dates, false);
                self.wake.notify_one();
            }
            Err(e) => tracing::error!(guild, "cannot read the dates of a town changed by another process: {e}"),
        }
    }

    /// What a server's posts are planned from, where it has its own town: its partners' dates
    /// alone (ids, names, dates), beside the homes it chose, so that a town is read only when
    /// one of its posts falls due.
    pub fn dates_for(&self, guild: u64) -> Option<Arc<Directory>> {
        let dates = self.towns.dates(guild)?;
        let home = crate::core::data::Home::named(town::HOME_ID, town::HOME_ID);
        let partners = dates
            .iter()
            .map(|d| {
                let since = crate::core::data::PartialDate { year: d.year, month: d.month, day: d.day };
                crate::core::data::Partner::dated(0, &d.partner_id, &d.name, since, d.suspended)
            })
            .collect();
        let homes = self.beside_town(guild);
        let beside =
            if homes.is_empty() { Directory::new(Vec::new(), Vec::new()) } else { self.directory().scoped(&homes) };
        Some(Arc::new(Directory::with_town(home, partners, beside)))
    }

    /// The homes a server with its own town answers for beside it: those it chose with `/home`
    /// (none when it chose none, or every home).
    fn beside_town(&self, guild: u64) -> Vec<usize> {
        match self.held(guild).and_then(|h| h.record.state.homes.clone()) {
            Some(Homes::Only(names)) => self.indices(&names),
            _ => Vec::new(),
        }
    }

    /// Whether a server's town, if it has one, can be read now (it is held, or the database
    /// answers): what tells a town that failed to read from a server without one.
    pub(crate) async fn town_readable(&self, guild: u64) -> bool {
        let version = self.towns.version(guild);
        if version == 0 || self.towns.cached(guild, version, &self.beside_town(guild)).is_some() {
            return true;
        }
        match self.store.town(guild).await {
            Ok(_) => true,
            Err(e) => {
                tracing::error!(guild, "cannot read this server's town; its events wait: {e}");
                false
            }
        }
    }

    /// The catalog a server's own town answers from, with the homes it chose beside it; None
    /// when it has no town (or its town cannot be read: logged).
    pub(crate) async fn town_catalog(&self, guild: u64) -> Option<Arc<Catalog>> {
        let version = self.towns.version(guild);
        if version == 0 {
            return None;
        }
        let homes = self.beside_town(guild);
        if let Some(catalog) = self.towns.cached(guild, version, &homes) {
            return catalog;
        }
        let record = match self.store.town(guild).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(guild, "cannot read this server's town: {e}");
                return None;
            }
        };
        let Some(record) = record else {
            self.towns.forget(guild);
            return None;
        };
        self.towns.read(guild, record.version);
        let catalog = record.document.as_deref().and_then(|doc| match town::load(doc) {
            Ok((home, partners)) => {
                let loaded = self.directory();
                let beside =
                    if homes.is_empty() { Directory::new(Vec::new(), Vec::new()) } else { loaded.scoped(&homes) };
                Some(Arc::new(Catalog::new(Directory::with_town(home, partners, beside))))
            }
            Err(e) => {
                tracing::error!(guild, version = record.version, "this server's town does not load:\n{e}");
                None
            }
        });
        self.towns.keep(guild, Built { version: record.version, homes, catalog: catalog.clone(), used: 0 });
        catalog
    }

    /// The town whose calendar feed has this token (the town alone, without the homes its server
    /// answers for beside it), and its server's settings; None for a text that is not a token's
    /// shape (not looked up) or a token no town has.
    pub async fn town_of_feed(
        &self,
        token: &str,
    ) -> Option<(Directory, Arc<crate::anniversaries::settings::PostSettings>)> {
        if !town::is_feed_token(token) {
            return None;
        }
        let guild = match self.store.town_of_feed(token).await {
            Ok(g) => g?,
            Err(e) => {
                tracing::error!("cannot look up a town's calendar feed: {e}");
                return None;
            }
        };
        let catalog = self.town_catalog(guild).await?;
        Some((catalog.scoped(&[0]), self.settings_for(Some(guild))))
    }

    /// The address of a server's town's calendar feed, made the first time it is asked for and
    /// made anew (the old address then reads nothing) when `renew`. None where this twinbot
    /// serves no feeds (config.toml sets no `http.public_url`); Err when the database fails.
    pub(crate) async fn town_feed_url(
        &self,
        guild: u64,
        renew: bool,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, crate::ledger::StoreError> {
        let Some(base) = &self.public_url else { return Ok(None) };
        let token = match self.store.town_feed(guild).await? {
            Some(t) if !renew => t,
            _ => {
                let mut random = [0u8; 16];
                getrandom::getrandom(&mut random).map_err(|e| crate::ledger::StoreError::Query(Box::new(e)))?;
                let token = town::feed_token(random);
                self.store.set_town_feed(guild, &token, now).await?;
                tracing::info!(guild, renewed = renew, "a town's calendar feed made");
                token
            }
        };
        Ok(Some(format!("{}/calendar/town/{token}.ics", base.trim_end_matches('/'))))
    }

    /// How many towns' catalogs this process holds (each read from its document when first
    /// used, and dropped when least recently used).
    pub fn towns_read(&self) -> usize {
        self.towns.cached_len()
    }

    /// Whether a server has a town now (as far as this process knows).
    pub fn has_town(&self, guild: u64) -> bool {
        self.towns.version(guild) > 0
    }

    /// The newest versions of a server's town, newest first.
    pub async fn town_history(&self, guild: u64) -> Vec<TownRecord> {
        self.store.town_history(guild, HISTORY_READ).await.unwrap_or_else(|e| {
            tracing::error!(guild, "cannot read this server's town's history: {e}");
            Vec::new()
        })
    }

    /// Makes a change to a server's town, made by `by` from version `base`: compare-and-swap
    /// on the version. A change made over a newer version is made again on it where it can be
    /// (adding or removing a partner); an undo or a deletion is refused, naming the newer change.
    pub async fn change_town(
        &self,
        guild: u64,
        by: Option<u64>,
        op: &TownOp,
        base: i64,
        now: DateTime<Utc>,
    ) -> Result<TownRecord, TownNotSaved> {
        let store = |e: crate::ledger::StoreError| TownNotSaved::Store(e.to_string());
        let mut current = self.store.town(guild).await.map_err(store)?;
        loop {
            let version = current.as_ref().map_or(0, |c| c.version);
            if version != base {
                let c = current.as_ref().expect("a version above 0 was read");
                let conflict = TownNotSaved::Conflict { by: c.made_by, at: c.made_at, change: c.change.clone() };
                if !op.applies_over_others() {
                    return Err(conflict);
                }
                // An edit is made over another's only where that left its fields as they were.
                if let Some((id, fields)) = op.touches() {
                    let seen = self.store.town_version(guild, base).await.map_err(store)?;
                    let before = seen.and_then(|r| r.document).unwrap_or_default();
                    let now = c.document.as_deref().unwrap_or_default();
                    if !town::same_fields(&before, now, id, &fields) {
                        return Err(conflict);
                    }
                }
            }
            let (document, change) = match op {
                TownOp::Undo => self.undo(guild, current.as_ref()).await?,
                op => op
                    .apply(current.as_ref().and_then(|c| c.document.as_deref()), now.date_naive())
                    .map_err(TownNotSaved::Refused)?,
            };
            let dates = match &document {
                Some(doc) => town::dates(&town::checked(doc).map_err(TownNotSaved::Refused)?),
                None => Vec::new(),
            };
            let write = TownWrite {
                guild_id: guild,
                expected: version,
                document: document.as_deref(),
                dates: &dates,
                change: &change,
                by,
                at: now,
            };
            match self.store.write_town(&write).await.map_err(store)? {
                TownWritten::Saved(record) => {
                    self.towns.set(guild, record.version);
                    self.towns.keep_dates(guild, dates, record.document.is_none());
                    self.wake.notify_one();
                    tracing::info!(guild, by, version = record.version, change = ?record.change, "town saved");
                    return Ok(record);
                }
                TownWritten::Conflict(newer) => {
                    if let Some(n) = &newer {
                        self.towns.read(guild, n.version);
                    }
                    current = newer;
                }
            }
        }
    }

    /// `/town import`, once acknowledged: fetches the file, reads it over the town as it is now,
    /// and answers with what importing it would change (kept as a pending import that Confirm
    /// writes), or why it cannot be imported. Nothing is changed here.
    pub(crate) async fn import(
        &self,
        inv: &crate::commands::Invocation,
        file: &crate::commands::Attached,
        now: DateTime<Utc>,
    ) -> crate::core::reply::Reply {
        use crate::state::files::{self, ImportError};
        let l = inv.lang();
        let Some(spec) = crate::commands::find("town import") else {
            return crate::commands::error_reply(l, crate::core::reply::Text::plain(l.t("error-internal", &[])));
        };
        let scene = self.scene_for(spec, inv, true).await;
        let ctx = scene.ctx(inv, now, &[]);
        let read = match files::Kind::of(&file.filename) {
            None => Err(ImportError::WrongKind { filename: file.filename.clone() }),
            Some(kind) => match self.fetcher.fetch(file).await {
                Ok(text) => files::read(kind, ctx.town.first().and_then(|r| r.document.as_deref()), &text),
                Err(e) => Err(e),
            },
        };
        let guild = inv.guild_id.unwrap_or_default();
        match &read {
            Ok(plan) => tracing::info!(
                guild,
                by = inv.user_id,
                added = plan.added.len(),
                removed = plan.removed.len(),
                changed = plan.changed.len(),
                "an import read, waiting for its confirmation"
            ),
            Err(e) => tracing::info!(guild, by = inv.user_id, "an import refused: {e}"),
        }
        let mut answer = crate::commands::town::import_preview(&ctx, &file.filename, read);
        if let Some(pending) = answer.keep.take() {
            if let Err(e) = self.store.hold_pending(&pending).await {
                tracing::error!(guild, "cannot keep a pending import: {e}");
                return crate::commands::error_reply(l, crate::core::reply::Text::plain(l.t("error-internal", &[])));
            }
        }
        answer.reply
    }

    /// What an undo writes: the document before the newest change (walking further back after
    /// an undo), and what it undid.
    async fn undo(
        &self,
        guild: u64,
        current: Option<&TownRecord>,
    ) -> Result<(Option<String>, TownChange), TownNotSaved> {
        let Some(current) = current else { return Err(TownNotSaved::NothingToUndo) };
        // After an undo, the next one undoes the change before the one it undid.
        let undone_version = match &current.change {
            TownChange::Undid { version, .. } => *version,
            _ => current.version,
        };
        let target = undone_version - 1;
        if target < 1 {
            return Err(TownNotSaved::NothingToUndo);
        }
        let store = |e: crate::ledger::StoreError| TownNotSaved::Store(e.to_string());
        let undone = self.store.town_version(guild, undone_version).await.map_err(store)?;
        let earlier = self.store.town_version(guild, target).await.map_err(store)?;
        let (Some(undone), Some(earlier)) = (undone, earlier) else { return Err(TownNotSaved::NothingToUndo) };
        // Undone records the version it went back past, so the next undo goes further.
        Ok((earlier.document, TownChange::Undid { version: target, undone: Box::new(undone.change) }))
    }

    /// Every hour: forgets the buttons and forms that expired, and erases the history of towns
    /// deleted more than [`town::HISTORY_DAYS`] ago (in whichever process: both are idempotent).
    pub fn tidy_hourly(self: &Arc<Self>) {
        let app = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                every.tick().await;
                let Some(app) = app.upgrade() else { return };
                let now = chrono::Utc::now();
                match app.store.drop_expired(now).await {
                    Ok(0) => {}
                    Ok(n) => tracing::debug!(actions = n, "forgot expired buttons and forms"),
                    Err(e) => tracing::warn!("cannot forget expired buttons and forms: {e}"),
                }
                app.erase_old_towns(now).await;
            }
        });
    }

    /// Erases the history of towns deleted more than [`town::HISTORY_DAYS`] ago.
    pub async fn erase_old_towns(&self, now: DateTime<Utc>) {
        let before = now - chrono::Duration::days(town::HISTORY_DAYS);
        match self.store.erase_deleted_towns(before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(towns = n, "erased the history of towns deleted 30 days ago"),
            Err(e) => tracing::error!("cannot erase the history of deleted towns: {e}"),
        }
    }
}
