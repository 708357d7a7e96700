//! The servers' scheduled events, made exactly once through the ledger, as a stream of their
//! own (keys `event/<home>/<partner>/<year>`).
//!
//! Each pass, for every server with events on, the events the plan wants
//! (`crate::anniversaries::events`) are compared with the ledger:
//! - one wanted and not in the ledger is made: the intent first (state `sending`, with the
//!   nonce that becomes the event's marker), then the request, then the event's id. At most
//!   [`MAX_EVENTS`] of the bot's own are kept coming at once, the soonest;
//! - one whose words or time changed in the data (or the settings) is edited. What Discord
//!   holds is never compared: a moderator's own edit is kept until the data changes;
//! - one no longer wanted (its partner removed or suspended, its date changed, events turned
//!   off) is deleted, if it has not started, and recorded as withdrawn;
//! - one someone deleted in Discord (404, code 10070) is recorded as deleted and never made
//!   again.
//!
//! Events have no nonce. An intent left unfinished (the bot stopped between Discord making the
//! event and the ledger recording it) is not sent blind: the server's events are listed first,
//! and the bot's own whose description carries the intent's marker is taken as made.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::anniversaries::events::{cover_inputs, planned, words, EventSettings, Planned, MAX_EVENTS};
use crate::anniversaries::settings::PostSettings;
use crate::core::data::Directory;
use crate::ledger::poster::{anniversary_key, retry_at, stream_of, Clock, Pass, Posting, Refusal, SendError};
use crate::ledger::{Cause, NewPost, PostRecord, PostState, Problem, Stop, StoreError, Stream};

/// The start of an event's ledger key.
pub const EVENT_KEY: &str = "event/";

/// The ledger key of an anniversary's event.
pub fn event_key(dir: &Directory, a: &crate::anniversaries::dates::Anniversary) -> String {
    format!("{EVENT_KEY}{}", anniversary_key(dir, a))
}

/// An event as it is made or edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpec {
    pub name: String,
    pub location: String,
    /// The description, with its marker, as the platform shows it ([`EventHost::describe`]).
    pub description: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The cover picture (PNG), when it is new.
    pub cover: Option<Vec<u8>>,
}

/// Where the servers' scheduled events are made: Discord in production, fakes in tests.
#[async_trait::async_trait]
pub trait EventHost: Send + Sync {
    /// An event's description as the platform shows it: `text` (plain, escaped as needed) with
    /// `marker` on a line of its own at the end, within the platform's length.
    fn describe(&self, text: &str, marker: &str) -> String;
    /// A link to an event, where the platform has one.
    fn link(&self, guild_id: u64, event_id: u64) -> Option<String>;
    /// Makes an event; returns its id.
    async fn create(&self, guild_id: u64, e: &EventSpec) -> Result<u64, SendError>;
    /// Changes an event the bot made.
    async fn edit(&self, guild_id: u64, event_id: u64, e: &EventSpec) -> Result<(), SendError>;
    /// Deletes an event the bot made.
    async fn delete(&self, guild_id: u64, event_id: u64) -> Result<(), SendError>;
    /// The id of the bot's own event in the server whose description carries `marker`.
    async fn find(&self, guild_id: u64, marker: &str) -> Result<Option<u64>, SendError>;
}

/// What the ledger keeps of an event (its `content`): what it said and when, as last sent; and
/// its link once made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub name: String,
    pub location: String,
    pub description: String,
    /// When it starts and ends (RFC 3339).
    pub start: String,
    pub end: String,
    /// What the cover was drawn from.
    pub cover: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Recorded {
    /// An event's record, read from its ledger row (None: not an event's).
    pub fn of(r: &PostRecord) -> Option<Recorded> {
        (stream_of(&r.key) == Stream::Events).then(|| serde_json::from_str(&r.content).ok()).flatten()
    }

    fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether the event says and starts the same (its link aside).
    fn same(&self, other: &Recorded) -> bool {
        Recorded { url: None, ..self.clone() } == Recorded { url: None, ..other.clone() }
    }
}

/// What a server's event should say and when, now, with the marker of ledger row `id`.
fn wanted(host: &dyn EventHost, dir: &Directory, s: &PostSettings, p: &Planned, marker: &str) -> Recorded {
    let l = s.lang();
    let w = words(l, dir, &p.anniversary);
    Recorded {
        name: w.name,
        location: w.location,
        description: host.describe(&w.description, marker),
        start: p.start.to_rfc3339(),
        end: p.end.to_rfc3339(),
        cover: cover_inputs(l, dir, &p.anniversary),
        url: None,
    }
}

/// The marker an event's description carries: the ledger row's nonce.
fn marker(id: i64) -> String {
    crate::ledger::nonce(id)
}

/// Every server's events, once a pass: made, edited and deleted as the plan and the ledger say,
/// and deleted where a server turned them off. A server whose records cannot be read or
/// written is logged and skipped.
pub async fn pass(
    bot: &dyn Posting,
    host: &dyn EventHost,
    clock: &dyn Clock,
    out: &mut Pass,
) -> Result<(), StoreError> {
    let servers = bot.eventing_servers();
    for (guild, settings) in &servers {
        let Some(ev) = settings.events else { continue };
        let mut server = Server { bot, host, clock, guild: *guild, settings: settings.clone(), ev };
        if let Err(e) = server.run(out).await {
            tracing::error!(guild, "scheduled events for this server paused for a minute: {e}");
            out.wake_at(clock.now() + chrono::Duration::minutes(1));
        }
    }
    // Servers that turned events off: their coming events are deleted.
    let now = clock.now();
    for r in bot.store().coming_events(now).await? {
        if servers.iter().any(|(g, _)| *g == r.guild_id) || !bot.makes_for(r.guild_id) {
            continue;
        }
        if let Err(e) = withdraw(bot, host, &r, now, out).await {
            tracing::error!(guild = r.guild_id, event = %r.key, "could not withdraw an event: {e}");
        }
    }
    Ok(())
}

struct Server<'a> {
    bot: &'a dyn Posting,
    host: &'a dyn EventHost,
    clock: &'a dyn Clock,
    guild: u64,
    settings: Arc<PostSettings>,
    ev: EventSettings,
}

/// What became of a request to make an event.
enum Made {
    Yes,
    /// It failed for a passing reason: it may have been made (the answer lost).
    Maybe,
    /// Refused for the whole server (a permission): make no more this pass.
    RefusedHere,
    Not,
}

impl Made {
    /// The events counted in Discord, and whether the server refuses them, after this.
    fn count(self, live: usize, refused: bool) -> (usize, bool) {
        match self {
            Made::Yes | Made::Maybe => (live + 1, refused),
            Made::RefusedHere => (live, true),
            Made::Not => (live, refused),
        }
    }
}

impl Server<'_> {
    async fn run(&mut self, out: &mut Pass) -> Result<(), StoreError> {
        let now = self.clock.now();
        let Some(catalog) = self.bot.events_catalog(self.guild).await else {
            out.wake_at(now + chrono::Duration::minutes(1));
            return Ok(());
        };
        let dir: &Directory = &catalog;
        let plan = planned(dir, &self.settings.timing, &self.ev, now);
        let by_key: HashMap<String, &Planned> = plan.iter().map(|p| (event_key(dir, &p.anniversary), p)).collect();
        let ledger: Vec<PostRecord> = self
            .bot
            .store()
            .posts(self.guild)
            .await?
            .into_iter()
            .filter(|r| stream_of(&r.key) == Stream::Events)
            .collect();
        // The events that are (or may be) in Discord and not started: at most MAX_EVENTS. One
        // whose answer was lost counts until it is known not to exist.
        let maybe = |r: &PostRecord| matches!(r.state, PostState::Sent | PostState::Sending | PostState::Failed);
        let mut live = ledger.iter().filter(|r| maybe(r) && r.due > now).count();
        let mut refused = false;
        // The ledger's events first, soonest first.
        let mut rows: Vec<&PostRecord> = ledger.iter().collect();
        rows.sort_by_key(|r| r.due);
        for r in rows {
            let want = by_key.get(&r.key).copied();
            let counted = maybe(r) && r.due > now;
            match r.state {
                PostState::Sent if r.due > now => match want {
                    Some(p) => self.follow(dir, r, p, out).await?,
                    None => {
                        withdraw(self.bot, self.host, r, now, out).await?;
                        live -= 1;
                    }
                },
                PostState::Sending | PostState::Failed | PostState::Refused => {
                    if let Some(t) = r.next_try.filter(|t| *t > now && r.state != PostState::Sending) {
                        out.wake_at(t);
                        continue;
                    }
                    // It may have been made (the answer lost, or the bot stopped): look first.
                    if r.state != PostState::Refused {
                        match self.host.find(self.guild, &marker(r.id)).await {
                            Ok(Some(id)) => {
                                self.bot.store().record_sent(r.id, id, self.clock.now()).await?;
                                self.record_link(r, id).await?;
                                tracing::info!(guild = self.guild, event = %r.key, id, "found the event already made before a restart");
                                continue;
                            }
                            Ok(None) => {}
                            Err(e) => {
                                self.failed(r, &e, PostState::Failed, Cause::Unchecked, out).await?;
                                continue;
                            }
                        }
                    }
                    // Not in Discord.
                    if counted {
                        live -= 1;
                    }
                    match want {
                        Some(p) if !refused && live < MAX_EVENTS => {
                            self.bot.store().record_retry(r.id, 0, now).await?;
                            let made = self.make(dir, r, p, out).await?;
                            (live, refused) = made.count(live, refused);
                        }
                        Some(_) => {}
                        None if r.due <= now => {
                            let cause = r.problem.clone().map_or(Cause::Interrupted, |p| p.cause);
                            let problem = Problem::stopped(cause, Stop::NoMoreTries);
                            self.bot.store().record_failure(r.id, r.state, &problem, None, now).await?;
                        }
                        None => self.bot.store().record_closed(r.id, PostState::Withdrawn, now).await?,
                    }
                }
                PostState::Withdrawn => {
                    if let Some(p) = want.filter(|_| !refused && live < MAX_EVENTS) {
                        self.bot.store().record_retry(r.id, 0, now).await?;
                        let made = self.make(dir, r, p, out).await?;
                        (live, refused) = made.count(live, refused);
                    }
                }
                _ => {}
            }
        }
        // Then the events not yet in the ledger, soonest first, while there is room.
        let known: std::collections::HashSet<&str> = ledger.iter().map(|r| r.key.as_str()).collect();
        for p in &plan {
            if refused || live >= MAX_EVENTS {
                break;
            }
            let key = event_key(dir, &p.anniversary);
            if known.contains(key.as_str()) {
                continue;
            }
            let new = NewPost {
                guild_id: self.guild,
                key,
                due: p.start,
                channel_id: 0,
                content: String::new(),
                role_id: None,
                belated: false,
            };
            let r = self.bot.store().record_intent(&new, self.clock.now()).await?;
            let made = self.make(dir, &r, p, out).await?;
            (live, refused) = made.count(live, refused);
        }
        // Where more are wanted than are kept, the soonest starting makes room for the next.
        if plan.len() > MAX_EVENTS {
            if let Some(first) = plan.first() {
                out.wake_at(first.start);
            }
        }
        // The next anniversary to enter the window wakes the poster.
        let later = EventSettings { ahead: self.ev.ahead + 366, ..self.ev };
        if let Some(next) = planned(dir, &self.settings.timing, &later, now)
            .iter()
            .find(|p| !by_key.contains_key(&event_key(dir, &p.anniversary)))
        {
            out.wake_at(next.start - chrono::Duration::days(i64::from(self.ev.ahead)));
        }
        Ok(())
    }

    /// Makes the event of ledger row `r` (its intent recorded, as `sending`).
    async fn make(&self, dir: &Directory, r: &PostRecord, p: &Planned, out: &mut Pass) -> Result<Made, StoreError> {
        let record = wanted(self.host, dir, &self.settings, p, &marker(r.id));
        // What it will say is recorded before it is sent.
        self.bot.store().record_revision(r.id, &record.json(), p.start, self.clock.now()).await?;
        let cover = self.bot.cover(dir, &p.anniversary, self.settings.lang()).await;
        let spec = spec(&record, p, cover);
        match self.host.create(self.guild, &spec).await {
            Ok(id) => {
                self.bot.store().record_sent(r.id, id, self.clock.now()).await?;
                let url = self.host.link(self.guild, id);
                let record = Recorded { url, ..record };
                self.bot.store().record_revision(r.id, &record.json(), p.start, self.clock.now()).await?;
                tracing::info!(guild = self.guild, event = %r.key, id, "scheduled event made");
                out.sent += 1;
                Ok(Made::Yes)
            }
            Err(e) => {
                let made = match &e {
                    SendError::Refused { reason: Refusal::CannotManageEvents, .. } => Made::RefusedHere,
                    SendError::Refused { .. } => Made::Not,
                    SendError::Transient(_) => Made::Maybe,
                };
                let state = if matches!(made, Made::Maybe) { PostState::Failed } else { PostState::Refused };
                self.failed(r, &e, state, Cause::from(&e), out).await?;
                Ok(made)
            }
        }
    }

    /// Edits a made event whose words or time changed in the data or the settings.
    async fn follow(&self, dir: &Directory, r: &PostRecord, p: &Planned, out: &mut Pass) -> Result<(), StoreError> {
        let Some(id) = r.message_id else { return Ok(()) };
        let before = Recorded::of(r);
        let now = wanted(self.host, dir, &self.settings, p, &marker(r.id));
        if before.as_ref().is_some_and(|b| b.same(&now)) {
            return Ok(());
        }
        let cover = match &before {
            Some(b) if b.cover == now.cover => None,
            _ => self.bot.cover(dir, &p.anniversary, self.settings.lang()).await,
        };
        match self.host.edit(self.guild, id, &spec(&now, p, cover)).await {
            Ok(()) => {
                let record = Recorded { url: before.and_then(|b| b.url), ..now };
                self.bot.store().record_revision(r.id, &record.json(), p.start, self.clock.now()).await?;
                tracing::info!(guild = self.guild, event = %r.key, id, "scheduled event changed with the data");
            }
            Err(SendError::Refused { reason: Refusal::UnknownEvent, status, code, message }) => {
                let cause = Cause::Refused { reason: Refusal::UnknownEvent, status, code, message };
                self.bot
                    .store()
                    .record_failure(r.id, PostState::Deleted, &Problem::new(cause), None, self.clock.now())
                    .await?;
                tracing::info!(guild = self.guild, event = %r.key, id, "the event was deleted in Discord: not made again");
            }
            Err(e) => {
                tracing::warn!(guild = self.guild, event = %r.key, id, "could not change the event; trying again later: {e}");
                out.wake_at(self.clock.now() + chrono::Duration::minutes(5));
            }
        }
        Ok(())
    }

    /// Records a refusal or failure to make an event, and when to try again: the posts' delays,
    /// for as long as the event has not started.
    async fn failed(
        &self,
        r: &PostRecord,
        e: &SendError,
        state: PostState,
        cause: Cause,
        out: &mut Pass,
    ) -> Result<(), StoreError> {
        let now = self.clock.now();
        let next = retry_at(r.attempts.min(crate::ledger::poster::MAX_ATTEMPTS - 1), now).filter(|t| *t < r.due);
        self.bot.store().record_failure(r.id, state, &Problem::new(cause), next, now).await?;
        out.failed += 1;
        match next {
            Some(t) => {
                tracing::warn!(guild = self.guild, event = %r.key, "{e}; trying again at {t}");
                out.wake_at(t);
            }
            None => {
                tracing::error!(guild = self.guild, event = %r.key, "{e}; not tried again: the event would start first")
            }
        }
        Ok(())
    }

    async fn record_link(&self, r: &PostRecord, id: u64) -> Result<(), StoreError> {
        if let Some(record) = Recorded::of(r) {
            let record = Recorded { url: self.host.link(self.guild, id), ..record };
            self.bot.store().record_revision(r.id, &record.json(), r.due, self.clock.now()).await?;
        }
        Ok(())
    }
}

fn spec(r: &Recorded, p: &Planned, cover: Option<Vec<u8>>) -> EventSpec {
    EventSpec {
        name: r.name.clone(),
        location: r.location.clone(),
        description: r.description.clone(),
        start: p.start,
        end: p.end,
        cover,
    }
}

/// Deletes an event the bot made (or may have made) that is no longer wanted, and records it
/// withdrawn; one already deleted in Discord counts as done.
async fn withdraw(
    bot: &dyn Posting,
    host: &dyn EventHost,
    r: &PostRecord,
    now: DateTime<Utc>,
    out: &mut Pass,
) -> Result<(), StoreError> {
    let id = match (r.state, r.message_id) {
        (PostState::Sent, Some(id)) => Some(id),
        (PostState::Refused, _) => None,
        _ => match host.find(r.guild_id, &marker(r.id)).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(guild = r.guild_id, event = %r.key, "could not look for the event to delete it; trying again later: {e}");
                out.wake_at(now + chrono::Duration::minutes(5));
                return Ok(());
            }
        },
    };
    if let Some(id) = id {
        match host.delete(r.guild_id, id).await {
            Ok(()) | Err(SendError::Refused { reason: Refusal::UnknownEvent, .. }) => {}
            Err(e) => {
                tracing::warn!(guild = r.guild_id, event = %r.key, id, "could not delete the event; trying again later: {e}");
                out.wake_at(now + chrono::Duration::minutes(5));
                return Ok(());
            }
        }
        tracing::info!(guild = r.guild_id, event = %r.key, id, "scheduled event deleted: no longer wanted");
    }
    bot.store().record_closed(r.id, PostState::Withdrawn, now).await
}
