//! The poster: makes each server's scheduled anniversary posts exactly once.
//!
//! For every post that falls due it writes the intent to the ledger (with the nonce the message
//! is sent with) before sending, and the result after. After a restart:
//! - a post that fell due while the bot was down is made once, marked belated, if it is within
//!   the grace window; older ones are recorded as missed;
//! - a post whose intent was recorded but not its result (the bot stopped while sending) is sent
//!   again with the same nonce and `enforce_nonce`, so Discord returns the first message instead
//!   of making a second. Discord keeps nonces only for a few minutes ([`Outbox::nonce_memory`]),
//!   so after that the poster first looks for the message in the channel.
//!
//! A refused post (missing permission, deleted channel) is recorded with Discord's reason and
//! retried after [`RETRY_DELAYS`], at most [`MAX_ATTEMPTS`] times in all.
//!
//! Time comes from a [`Clock`] and sleeping from tokio, so tests run a year of posts in moments
//! with tokio's paused clock.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Datelike, Utc};

use crate::anniversaries::dates::Anniversary;
use crate::anniversaries::lines::headline;
use crate::anniversaries::schedule::{posts, reminder_line, reminders, Post, PostKind};
use crate::anniversaries::settings::PostSettings;
use crate::anniversaries::template::MAX_POST;
use crate::core::catalog::Catalog;
use crate::core::data::Directory;
use crate::core::phrases::{date, home_names, link_kind};
use crate::core::reply::Text;
use crate::ledger::{Cause, NewPost, PostRecord, PostState, Problem, Stop, Store, StoreError, Stream};

/// How many times a post is tried before the poster gives up on it.
pub const MAX_ATTEMPTS: u32 = 5;
/// The wait before each retry of a refused or failed post, in minutes: 5 min, 30 min, 2 h, 6 h.
/// A moderator has most of a day to fix a permission before the post is given up.
pub const RETRY_DELAYS: [i64; 4] = [5, 30, 120, 360];
/// How far back the poster looks for posts that fell due while it was down.
const LOOKBACK_DAYS: i64 = 400;

/// A message to post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub channel_id: u64,
    pub content: String,
    /// Sent with `enforce_nonce`, the same on every attempt at the same post.
    pub nonce: String,
    /// The one role the message may ping.
    pub role_id: Option<u64>,
}

/// Why Discord refused a post, in the bot's terms (the Discord layer reads it off the error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The bot may not post in that channel.
    MissingPermissions,
    /// The bot cannot see that channel.
    MissingAccess,
    /// The channel no longer exists.
    UnknownChannel,
    /// The bot may not create (or edit) scheduled events in that server.
    CannotManageEvents,
    /// The scheduled event no longer exists (someone deleted it).
    UnknownEvent,
    /// Anything else Discord refuses.
    Other,
}

/// Why a message was not posted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Discord refused it: the request itself cannot succeed as things stand. `status`, `code`
    /// and `message` are Discord's own, shown to moderators as they came.
    #[error("Discord refused the post: {status} {message} (code {code}){}", hint(*reason))]
    Refused { reason: Refusal, status: u16, code: i64, message: String },
    /// It may work later (network, rate limit, Discord's own trouble).
    #[error("the post could not be sent: {0}")]
    Transient(String),
}

fn hint(reason: Refusal) -> &'static str {
    match reason {
        Refusal::MissingPermissions => {
            "; give the bot View Channel, Send Messages and Read Message History in that channel"
        }
        Refusal::MissingAccess => "; the bot cannot see that channel: give it View Channel there",
        Refusal::UnknownChannel => "; the channel no longer exists: choose another channel",
        Refusal::CannotManageEvents => "; give the bot the Create Events permission (Server Settings, Roles)",
        Refusal::UnknownEvent => "; the event was deleted in Discord, and is not made again",
        Refusal::Other => "",
    }
}

/// Where messages go: Discord in production, a recorder in tests.
#[async_trait::async_trait]
pub trait Outbox: Send + Sync {
    /// A message's text in the platform's markup, as it is recorded and sent.
    fn render(&self, text: &Text) -> String;
    /// Posts a message; returns its id.
    async fn send(&self, post: &Outgoing) -> Result<u64, SendError>;
    /// The id of a message the bot already posted in the channel with this content, since
    /// `after`, if there is one.
    async fn find_posted(&self, post: &Outgoing, after: DateTime<Utc>) -> Result<Option<u64>, SendError>;
    /// How long a resend with the same nonce is recognised as the same message; after that the
    /// poster looks in the channel before sending again.
    fn nonce_memory(&self) -> chrono::Duration;
    /// A link to a posted message, where the platform has one.
    fn link(&self, _guild_id: u64, _channel_id: u64, _message_id: u64) -> Option<String> {
        None
    }
    /// Where the servers' scheduled events are made, where the platform has them.
    fn events(&self) -> Option<&dyn crate::ledger::events::EventHost> {
        None
    }
}

/// Where the poster reads the time.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that follows tokio's, which tests can pause and advance: `origin` at creation.
pub struct TokioClock {
    origin: DateTime<Utc>,
    start: tokio::time::Instant,
}

impl TokioClock {
    pub fn starting_at(origin: DateTime<Utc>) -> TokioClock {
        TokioClock { origin, start: tokio::time::Instant::now() }
    }
}

impl Clock for TokioClock {
    fn now(&self) -> DateTime<Utc> {
        self.origin + chrono::Duration::from_std(self.start.elapsed()).unwrap_or_default()
    }
}

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub failed: usize,
    pub missed: usize,
    /// When the next post or retry falls due.
    pub next: Option<DateTime<Utc>>,
}

impl Pass {
    pub(crate) fn wake_at(&mut self, t: DateTime<Utc>) {
        self.next = Some(self.next.map_or(t, |n| n.min(t)));
    }
}

/// The start of a reminder's ledger key.
pub const REMINDER_KEY: &str = "remind/";

/// The ledger key of a post: one per partnership and year, one digest per year, and one
/// reminder per partnership and year (`remind/…`). Partnerships are keyed by the cities' stable
/// ids, so a rename does not post an anniversary again; a data file without ids keys them by
/// name, as every ledger before ids did.
pub fn post_key(dir: &Directory, post: &Post) -> String {
    let anniversary = |a: &Anniversary| anniversary_key(dir, a);
    match &post.kind {
        PostKind::Anniversary(a) => anniversary(a),
        PostKind::Digest { year, .. } => format!("digest/{year}"),
        PostKind::Reminder { anniversary: a, .. } => format!("{REMINDER_KEY}{}", anniversary(a)),
    }
}

/// The part of a ledger key that names a partnership's anniversary: home, partner, year.
pub fn anniversary_key(dir: &Directory, a: &Anniversary) -> String {
    let p = &dir.partners[a.partner];
    format!("{}/{}/{}", dir.home_of(p).id, p.id, a.when.year)
}

/// Which stream a ledger row belongs to, by its key.
pub fn stream_of(key: &str) -> Stream {
    if key.starts_with(REMINDER_KEY) {
        Stream::Reminders
    } else if key.starts_with(crate::ledger::events::EVENT_KEY) {
        Stream::Events
    } else {
        Stream::Posts
    }
}

/// The text of a post, in the posts' language: the role ping, the announcement (or digest),
/// and a belated note.
pub fn content(dir: &Directory, settings: &PostSettings, post: &Post, belated: bool) -> Text {
    let l = settings.lang();
    let mut out = Text::new();
    // A reminder is for the moderators: it pings nobody.
    if let Some(r) = role_to_ping(settings, post) {
        out = out.role(r).text(" ");
    }
    out = match &post.kind {
        PostKind::Reminder { anniversary, days } => {
            out.text(format!("⏰ {}", reminder_line(l, dir, anniversary, *days)))
        }
        PostKind::Anniversary(a) => out.markdown(settings.render(dir, a)),
        PostKind::Digest { year, anniversaries } => {
            let title =
                l.t("post-digest-title", &[("home", home_names(l, dir).into()), ("year", year.to_string().into())]);
            let intro = l.t("post-digest-intro", &[]);
            // The length so far as posted: "📅 **title**intro".
            let mut len = 6 + title.chars().count() + intro.chars().count();
            let mut s = out.text("📅 ").strong(title).text(intro);
            for (i, a) in anniversaries.iter().enumerate() {
                let p = &dir.partners[a.partner];
                let context = l.t(
                    "post-digest-line",
                    &[
                        ("kind", link_kind(l, p.kind).into()),
                        ("home", dir.home_of(p).name_in(l).into()),
                        ("since", date(l, &p.since).into()),
                    ],
                );
                let line = Text::plain("\n• ").append(headline(l, dir, a, false)).text(format!(" · {context}"));
                len += line.char_len();
                if len > MAX_POST - 200 {
                    s = s
                        .text(format!("\n{}", l.t("post-digest-more", &[("count", (anniversaries.len() - i).into())])));
                    break;
                }
                s = s.append(line);
            }
            s
        }
    };
    if belated {
        let local = post.due.with_timezone(&settings.timing.tz);
        out = out.small(l.t(
            "post-belated",
            &[
                ("date", l.day(local.year(), local.month(), local.day()).into()),
                ("time", local.format("%H:%M").to_string().into()),
                ("zone", settings.timing.tz.name().into()),
            ],
        ));
    }
    out
}

/// The one role a post may ping: the settings' role, but never for a reminder (it is for the
/// moderators and pings nobody).
fn role_to_ping(settings: &PostSettings, post: &Post) -> Option<u64> {
    settings.role_id.filter(|_| !matches!(post.kind, PostKind::Reminder { .. }))
}

fn outgoing(r: &PostRecord) -> Outgoing {
    Outgoing { channel_id: r.channel_id, content: r.content.clone(), nonce: r.nonce.clone(), role_id: r.role_id }
}

pub(crate) fn retry_at(attempts: u32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let i = (attempts.max(1) as usize - 1).min(RETRY_DELAYS.len() - 1);
    Some(now + chrono::Duration::minutes(RETRY_DELAYS[i]))
}

/// What the poster needs of the running bot.
#[async_trait::async_trait]
pub trait Posting: Send + Sync {
    /// The data a server's posts are made from now: its own town and the home cities it answers
    /// for, and their partners (it may be reloaded, edited or rechosen between passes).
    async fn catalog_for(&self, guild_id: u64) -> Arc<Catalog>;
    /// What a server's posts can be planned from without reading its data, where that is
    /// costly (a server's own town, kept in the database): ids, names and dates. The posts'
    /// ledger keys are the same as the full catalog's. None: plan from the catalog itself.
    fn plan_for(&self, _guild_id: u64) -> Option<Arc<Directory>> {
        None
    }
    /// Every server with automatic posts on: (server, channel, settings).
    fn posting_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)>;
    /// Every server with advance reminders on: (server, reminders' channel, settings).
    fn reminding_servers(&self) -> Vec<(u64, u64, Arc<PostSettings>)> {
        Vec::new()
    }
    /// The data a server's scheduled events are made from, when it can be read for sure: None
    /// when it cannot be read now (its events then wait, rather than being deleted for want of
    /// data).
    async fn events_catalog(&self, guild_id: u64) -> Option<Arc<Catalog>> {
        Some(self.catalog_for(guild_id).await)
    }
    /// Whether this process makes the scheduled posts and events of this server (processes that
    /// split the gateway's shards on SQLite split the servers).
    fn makes_for(&self, _guild_id: u64) -> bool {
        true
    }
    /// Every server with scheduled events on: (server, settings).
    fn eventing_servers(&self) -> Vec<(u64, Arc<PostSettings>)> {
        Vec::new()
    }
    /// The cover picture of an anniversary's event (PNG), in language `l`; None: no cover.
    async fn cover(&self, _dir: &Directory, _a: &Anniversary, _l: crate::core::i18n::Lang) -> Option<Vec<u8>> {
        None
    }
    /// The ledger.
    fn store(&self) -> &dyn Store;
    /// How late a post that fell due while the bot was down may still be made.
    fn grace(&self) -> chrono::Duration;
    /// Notified when settings or data change, so the next pass starts at once.
    fn wake(&self) -> &tokio::sync::Notify;
}

/// Sends one recorded post and records the result.
async fn deliver(
    bot: &dyn Posting,
    outbox: &dyn Outbox,
    clock: &dyn Clock,
    r: &PostRecord,
    pass: &mut Pass,
) -> Result<(), StoreError> {
    let result = outbox.send(&outgoing(r)).await;
    let now = clock.now();
    match result {
        Ok(message) => {
            bot.store().record_sent(r.id, message, now).await?;
            tracing::info!(guild = r.guild_id, channel = r.channel_id, post = %r.key, message, belated = r.belated, "anniversary posted");
            pass.sent += 1;
        }
        Err(e) => {
            let next = retry_at(r.attempts, now);
            let state = if matches!(e, SendError::Refused { .. }) { PostState::Refused } else { PostState::Failed };
            bot.store().record_failure(r.id, state, &Problem::new(Cause::from(&e)), next, now).await?;
            pass.failed += 1;
            match next {
                Some(t) => {
                    tracing::warn!(guild = r.guild_id, channel = r.channel_id, post = %r.key, attempt = r.attempts, "{e}; trying again at {t}");
                    pass.wake_at(t);
                }
                None => tracing::error!(
                    guild = r.guild_id, channel = r.channel_id, post = %r.key, attempts = r.attempts,
                    "{e}; gave up after {} attempts (shown in /anniversary-settings)", r.attempts
                ),
            }
        }
    }
    Ok(())
}

/// How late a post may go out and still not be marked belated.
pub const BELATED_AFTER: chrono::Duration = chrono::Duration::minutes(15);

/// One pass over every server with posts on: makes what is due, retries what may be retried,
/// and says when to look again. A server whose records cannot be read or written is logged and
/// skipped (and looked at again in a minute); the others go on.
pub async fn pass(bot: &dyn Posting, outbox: &dyn Outbox, clock: &dyn Clock) -> Result<Pass, StoreError> {
    let mut out = Pass::default();
    let servers = bot.posting_servers();
    let reminding = bot.reminding_servers();
    let streams = servers.iter().map(|s| (Stream::Posts, s)).chain(reminding.iter().map(|s| (Stream::Reminders, s)));
    for (stream, (guild, channel, settings)) in streams {
        let server = Server { guild: *guild, channel: *channel, settings, stream };
        let result = async {
            // The server's ledger is read once a pass (once more after posts were made): which
            // posts are made, and which are unfinished. A query per post planned made a pass
            // over a hundred towns cost 200 ms on PostgreSQL with nothing due.
            let ledger = bot.store().posts(*guild).await?;
            let made: HashSet<&str> = ledger.iter().map(|r| r.key.as_str()).collect();
            // A town is read only when the plan says one of its posts is due and not yet made.
            let due = match bot.plan_for(*guild) {
                Some(plan) => !unmade(bot, clock, &plan, &server, &made, &mut out).await?.is_empty(),
                None => true,
            };
            let ledger = if due {
                make_due(bot, outbox, clock, &*bot.catalog_for(*guild).await, &server, &made, &mut out).await?;
                bot.store().posts(*guild).await?
            } else {
                ledger
            };
            resume_unfinished(bot, outbox, clock, &server, ledger, &mut out).await
        }
        .await;
        if let Err(e) = result {
            tracing::error!(guild, ?stream, "anniversary posts for this server paused for a minute: {e}");
            out.wake_at(clock.now() + chrono::Duration::minutes(1));
        }
    }
    stop_where_turned_off(bot, (&servers, &reminding), clock.now()).await?;
    if let Some(host) = outbox.events() {
        crate::ledger::events::pass(bot, host, clock, &mut out).await?;
    }
    Ok(out)
}

/// A server with posts (or reminders) on, as one pass sees it.
struct Server<'a> {
    guild: u64,
    /// Where the stream goes: the posts' channel, or the reminders'.
    channel: u64,
    settings: &'a PostSettings,
    stream: Stream,
}

/// Servers with a stream on: (server, channel, settings).
type Servers<'a> = &'a [(u64, u64, Arc<PostSettings>)];

/// Posts left unfinished in servers that have since turned posts off are not made any more; nor
/// are reminders where reminders were turned off.
async fn stop_where_turned_off(
    bot: &dyn Posting,
    (servers, reminding): (Servers<'_>, Servers<'_>),
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let unfinished = bot.store().unfinished_posts().await?;
    let on = |r: &PostRecord| {
        let list = match stream_of(&r.key) {
            Stream::Posts => servers,
            Stream::Reminders => reminding,
            // Events are withdrawn by their own pass (crate::ledger::events).
            Stream::Events => return true,
        };
        list.iter().any(|(g, _, _)| *g == r.guild_id)
    };
    for r in unfinished.into_iter().filter(|r| !on(r)) {
        let cause = r.problem.map_or(Cause::Interrupted, |p| p.cause);
        bot.store().record_failure(r.id, r.state, &Problem::stopped(cause, Stop::TurnedOff), None, now).await?;
        tracing::warn!(guild = r.guild_id, post = %r.key, "not retried: posts were turned off in this server");
    }
    Ok(())
}

/// Looks in the channel for a post that may have gone out. Some(Some(id)): it did; Some(None):
/// it did not; None: the channel could not be read (logged).
async fn look_for(outbox: &dyn Outbox, r: &PostRecord) -> Option<Option<u64>> {
    // Messages since the intent was recorded, with a minute's leeway for clock skew.
    let after = r.created_at - chrono::Duration::minutes(1);
    match outbox.find_posted(&outgoing(r), after).await {
        Ok(found) => Some(found),
        Err(e) => {
            tracing::warn!(guild = r.guild_id, post = %r.key, "could not look for an earlier copy of the post: {e}");
            None
        }
    }
}

/// The server's posts that have fallen due (since its stream was turned on, within the
/// lookback) and are not in the ledger yet, planned from `dir`, with their keys; the next post
/// to fall due wakes the poster.
async fn unmade(
    bot: &dyn Posting,
    clock: &dyn Clock,
    dir: &Directory,
    server: &Server<'_>,
    made: &HashSet<&str>,
    out: &mut Pass,
) -> Result<Vec<(Post, String)>, StoreError> {
    let (guild, settings) = (server.guild, server.settings);
    let now = clock.now();
    let since = bot.store().enabled_since(server.stream, guild, server.channel, now).await?;
    let tz = settings.timing.tz;
    let start = since.max(now - chrono::Duration::days(LOOKBACK_DAYS));
    let from = start.with_timezone(&tz).date_naive().pred_opt().unwrap_or(chrono::NaiveDate::MIN);
    let to = now.with_timezone(&tz).date_naive() + chrono::Duration::days(370);
    let due = match (server.stream, settings.reminding()) {
        (Stream::Reminders, Some((_, days))) => reminders(dir, &settings.timing, days, from, to),
        (Stream::Reminders, None) | (Stream::Events, _) => Vec::new(),
        (Stream::Posts, _) => posts(dir, &settings.timing, from, to),
    };
    let mut unmade = Vec::new();
    for post in due {
        if post.due < since {
            continue;
        }
        if post.due > now {
            out.wake_at(post.due);
            break;
        }
        let key = post_key(dir, &post);
        if !made.contains(key.as_str()) {
            unmade.push((post, key));
        }
    }
    Ok(unmade)
}

/// Makes the server's posts that have fallen due and are not in the ledger yet: at once, or
/// belated within the grace window, or recorded as missed beyond it.
async fn make_due(
    bot: &dyn Posting,
    outbox: &dyn Outbox,
    clock: &dyn Clock,
    catalog: &Directory,
    server: &Server<'_>,
    made: &HashSet<&str>,
    out: &mut Pass,
) -> Result<(), StoreError> {
    let (guild, settings) = (server.guild, server.settings);
    let now = clock.now();
    for (post, key) in unmade(bot, clock, catalog, server, made, out).await? {
        let belated = now - post.due > BELATED_AFTER;
        let new = NewPost {
            guild_id: guild,
            key: key.clone(),
            due: post.due,
            channel_id: server.channel,
            content: outbox.render(&content(catalog, settings, &post, belated)),
            role_id: role_to_ping(settings, &post),
            belated,
        };
        if post.due < now - bot.grace() {
            if bot.store().record_missed(&new, now).await? {
                out.missed += 1;
                tracing::warn!(guild, post = %key, due = %post.due, "missed: it fell due while twinbot was down, more than the grace window ago");
            }
            continue;
        }
        let r = bot.store().record_intent(&new, now).await?;
        deliver(bot, outbox, clock, &r, out).await?;
    }
    Ok(())
}

/// Takes up the server's posts begun but not finished: stopped while sending, refused, or
/// failed. Each is retried when its time comes, after looking in the channel where it may
/// already have gone out, and given up after [`MAX_ATTEMPTS`] or the grace window.
async fn resume_unfinished(
    bot: &dyn Posting,
    outbox: &dyn Outbox,
    clock: &dyn Clock,
    server: &Server<'_>,
    ledger: Vec<PostRecord>,
    out: &mut Pass,
) -> Result<(), StoreError> {
    for r in ledger.into_iter().filter(|r| !r.state.is_final() && stream_of(&r.key) == server.stream) {
        let now = clock.now();
        if r.state != PostState::Sending {
            if let Some(t) = r.next_try.filter(|t| *t > now) {
                out.wake_at(t);
                continue;
            }
        }
        // It may have gone out (the bot stopped while sending, or the answer was lost), and
        // Discord may have forgotten the nonce: look in the channel before sending again.
        let maybe_posted = matches!(r.state, PostState::Sending | PostState::Failed);
        let must_look = maybe_posted && now - r.updated_at >= outbox.nonce_memory();
        let out_of_tries = r.attempts >= MAX_ATTEMPTS || now - r.due > bot.grace();
        if must_look || (maybe_posted && out_of_tries) {
            match look_for(outbox, &r).await {
                Some(Some(message)) => {
                    bot.store().record_sent(r.id, message, clock.now()).await?;
                    tracing::info!(guild = server.guild, post = %r.key, message, "found the post already made before a restart");
                    continue;
                }
                Some(None) => {}
                None if !out_of_tries => {
                    // Sending blind could make a second copy: try again later instead.
                    bot.store().record_retry(r.id, r.channel_id, now).await?;
                    let next = retry_at(r.attempts + 1, now);
                    bot.store()
                        .record_failure(r.id, PostState::Failed, &Problem::new(Cause::Unchecked), next, now)
                        .await?;
                    if let Some(t) = next {
                        out.wake_at(t);
                    }
                    out.failed += 1;
                    continue;
                }
                None => {}
            }
        }
        if out_of_tries {
            let cause = r.problem.clone().map_or(Cause::Interrupted, |p| p.cause);
            let problem = Problem::stopped(cause, Stop::NoMoreTries);
            bot.store().record_failure(r.id, r.state, &problem, None, now).await?;
            tracing::error!(guild = server.guild, post = %r.key, attempts = r.attempts, "gave up on a post: {problem}");
            out.failed += 1;
            continue;
        }
        let channel_now = if r.state == PostState::Refused { server.channel } else { r.channel_id };
        bot.store().record_retry(r.id, channel_now, now).await?;
        let r = PostRecord { attempts: r.attempts + 1, channel_id: channel_now, state: PostState::Sending, ..r };
        deliver(bot, outbox, clock, &r, out).await?;
    }
    Ok(())
}

/// Posts until the task is dropped. Wakes for the next post, a retry, a settings change, or
/// every `max_sleep` (which also catches the wall clock jumping, as after a suspend).
/// How often a process that does not make the posts asks whether it should now (another that
/// did has stopped).
pub const STANDBY: Duration = Duration::from_secs(3);

pub async fn run(bot: Arc<dyn Posting>, outbox: Arc<dyn Outbox>, clock: Arc<dyn Clock>, max_sleep: Duration) {
    let mut leading = None;
    loop {
        match bot.store().lead().await {
            Ok(lead) => {
                if leading != Some(lead) {
                    if lead {
                        tracing::info!("this process makes the scheduled anniversary posts");
                    } else {
                        tracing::info!("another process makes the scheduled anniversary posts; standing by");
                    }
                    leading = Some(lead);
                }
                if !lead {
                    tokio::time::sleep(STANDBY.min(max_sleep)).await;
                    continue;
                }
            }
            Err(e) => {
                tracing::error!("cannot tell whether this process makes the posts; asking again shortly: {e}");
                leading = None;
                tokio::time::sleep(STANDBY.min(max_sleep)).await;
                continue;
            }
        }
        let next = match pass(&*bot, &*outbox, &*clock).await {
            Ok(p) => p.next,
            Err(e) => {
                tracing::error!("anniversary posts paused for a minute: {e}");
                Some(clock.now() + chrono::Duration::minutes(1))
            }
        };
        let wait = next.map_or(max_sleep, |n| (n - clock.now()).to_std().unwrap_or(Duration::ZERO).min(max_sleep));
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = bot.wake().notified() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_are_bounded_and_spaced() {
        let now = Utc::now();
        let waits: Vec<Option<i64>> = (1..=6).map(|a| retry_at(a, now).map(|t| (t - now).num_minutes())).collect();
        assert_eq!(waits, vec![Some(5), Some(30), Some(120), Some(360), None, None]);
    }

    #[test]
    fn refusals_say_what_to_fix() {
        let e = SendError::Refused {
            reason: Refusal::MissingPermissions,
            status: 403,
            code: 50013,
            message: "Missing Permissions".into(),
        };
        assert_eq!(
            e.to_string(),
            "Discord refused the post: 403 Missing Permissions (code 50013); give the bot View Channel, Send Messages and Read Message History in that channel"
        );
    }
}
