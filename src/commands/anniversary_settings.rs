//! `/anniversary-settings`: shows, and with options changes, a server's automatic anniversary
//! posts: channel, local time, timezone, digest day, template and the one role to ping. Shows
//! the next posts and any post Discord refused. For moderators (Manage Messages).

use chrono::{Datelike, TimeZone};

use super::{needs_manage_messages_in, Args, Choice, CommandSpec, Ctx, OptionKind, OptionSpec, MAX_SUGGESTIONS};
use super::{Answer, Effect, Permission, StateChange, Via};
use crate::anniversaries::events::{planned, words, MAX_AHEAD, MAX_EVENTS};
use crate::anniversaries::lines::brief;
use crate::anniversaries::schedule::{local_instant, posts_and_reminders, Post, PostKind};
use crate::anniversaries::settings::MAX_REMIND_DAYS;
use crate::anniversaries::settings::{PostSettings, SettingsOrigin};
use crate::core::i18n::Lang;
use crate::core::phrases::date_value;
use crate::core::reply::{join, Reply, Text};
use crate::core::text::fold;
use crate::ledger::events::{event_key, Recorded};
use crate::ledger::poster::{post_key, stream_of, Refusal, MAX_ATTEMPTS};
use crate::ledger::{Cause, PostRecord, PostState, Stream};
use crate::state::{Change, Rules};

pub const SPEC: CommandSpec = CommandSpec {
    name: "anniversary-settings",
    description: "Show or change this server's automatic anniversary posts (moderators)",
    options: &[
        OptionSpec::optional(
            "channel",
            "Post anniversaries in this channel (turns posts on)",
            OptionKind::Channel,
            false,
        ),
        OptionSpec::optional("time", "Local time of day to post, HH:MM (default 09:00)", OptionKind::String, false),
        OptionSpec::optional(
            "timezone",
            "IANA timezone, such as Europe/London (the default)",
            OptionKind::String,
            true,
        ),
        OptionSpec::optional(
            "template",
            "Announcement text with {partner}, {ordinal}…; \"default\" restores the default",
            OptionKind::String,
            false,
        ),
        OptionSpec::optional(
            "role",
            "The one role to ping in automatic posts (never @everyone)",
            OptionKind::Role,
            false,
        ),
        OptionSpec::optional("no-role", "Stop pinging a role", OptionKind::Boolean, false),
        OptionSpec::optional(
            "digest",
            "Day for the digest of partnerships known only by year, MM-DD (default 01-01)",
            OptionKind::String,
            false,
        ),
        OptionSpec::optional("enabled", "Turn automatic posts on or off", OptionKind::Boolean, false),
        OptionSpec::optional(
            "language",
            "The language of the posts (default: the server's)",
            OptionKind::Language,
            false,
        ),
        OptionSpec {
            name: "remind-days",
            description: "Remind the moderators this many days before each anniversary (1–90)",
            kind: OptionKind::Integer,
            required: false,
            min: Some(1),
            max: Some(MAX_REMIND_DAYS as i64),
            autocomplete: false,
        },
        OptionSpec::optional(
            "remind-channel",
            "Where the reminders go, such as the moderators' channel (they ping nobody)",
            OptionKind::Channel,
            false,
        ),
        OptionSpec::optional("no-reminders", "Stop the advance reminders", OptionKind::Boolean, false),
        OptionSpec::optional(
            "events",
            "Make a server event for each coming anniversary, which members can join",
            OptionKind::Boolean,
            false,
        ),
        OptionSpec {
            name: "events-ahead",
            description: "Make each event this many days before the anniversary (1–90, default 30)",
            kind: OptionKind::Integer,
            required: false,
            min: Some(1),
            max: Some(MAX_AHEAD as i64),
            autocomplete: false,
        },
        OptionSpec::optional(
            "events-milestones-only",
            "Events for milestone anniversaries only (60th, 75th…)",
            OptionKind::Boolean,
            false,
        ),
    ],
    needs: Some(Permission::ManageMessages),
    run,
    slow: false,
    complete: Some(complete),
    subcommands: &[],
    resume: None,
};

/// Zones offered before anything is typed: the twinning world's usual ones.
const COMMON_ZONES: &[&str] = &[
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Prague",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Athens",
    "Europe/Istanbul",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
];

/// How close (Jaro-Winkler, 0–1) a misspelt zone must be to be suggested: "berln" → Berlin
/// (0.97), while a city that is not a zone, such as "dortmund", suggests nothing.
const ZONE_SIMILARITY: f64 = 0.88;

/// Timezone suggestions: names containing what was typed (the city part first), else the
/// closest by spelling.
pub fn zones(typed: &str) -> Vec<String> {
    let q = fold(typed).replace(' ', "_");
    if q.is_empty() {
        return COMMON_ZONES.iter().map(|z| z.to_string()).collect();
    }
    let mut scored: Vec<(u8, &str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter_map(|name| {
            let lower = name.to_ascii_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            let rank = if city.starts_with(&q) {
                0
            } else if lower.starts_with(&q) {
                1
            } else if lower.contains(&q) {
                2
            } else {
                return None;
            };
            Some((rank, name))
        })
        .collect();
    if scored.is_empty() {
        let mut fuzzy: Vec<(f64, &str)> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| {
                let lower = tz.name().to_ascii_lowercase();
                let city = lower.rsplit('/').next().unwrap_or(&lower).to_string();
                (strsim::jaro_winkler(&q, &city).max(strsim::jaro_winkler(&q, &lower)), tz.name())
            })
            .filter(|(s, _)| *s >= ZONE_SIMILARITY)
            .collect();
        fuzzy.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        return fuzzy.into_iter().take(MAX_SUGGESTIONS).map(|(_, n)| n.to_string()).collect();
    }
    // Canonical names before their old aliases (Europe/Kyiv before Europe/Kiev).
    scored.sort_by(|a, b| (a.0, !a.1.contains('/'), a.1.len(), a.1).cmp(&(b.0, !b.1.contains('/'), b.1.len(), b.1)));
    scored.into_iter().take(MAX_SUGGESTIONS).map(|(_, n)| n.to_string()).collect()
}

fn complete(_ctx: &Ctx, option: &str, typed: &str) -> Vec<Choice> {
    if option != "timezone" {
        return Vec::new();
    }
    zones(typed).into_iter().map(|z| Choice { name: z.clone(), value: z }).collect()
}

/// The posts' language a server gets when it has not chosen one: its own, when twinbot speaks it.
fn server_language(ctx: &Ctx) -> Option<Lang> {
    ctx.inv.guild_locale.as_deref().and_then(|code| crate::state::language(code).ok())
}

/// The change the options ask for. A channel the member may not manage messages in is refused
/// here: who may choose a channel is the command's to check, what a channel may be the
/// setting's ([`Change::apply`]).
fn change_of(ctx: &Ctx, args: &Args) -> Result<Change, Reply> {
    let manageable = |option: &str| match args.channel(option) {
        Some(c) if !ctx.inv.allows_in(c, Permission::ManageMessages) => {
            Err(ctx.refused("settings-not-saved", needs_manage_messages_in(ctx, c, "needs-permission-to-schedule")))
        }
        c => Ok(c),
    };
    let text = |option: &str| args.str(option).map(str::to_string);
    let template = args.str("template").map(|t| match t.trim().to_ascii_lowercase().as_str() {
        "default" | "reset" => None,
        _ => Some(t.to_string()),
    });
    let role = match (args.role("role"), args.bool("no-role")) {
        (_, Some(true)) => Some(None),
        (r, _) => r.map(Some),
    };
    Ok(Change {
        channel: manageable("channel")?,
        time: text("time"),
        timezone: text("timezone"),
        digest: text("digest"),
        template,
        role,
        enabled: args.bool("enabled"),
        language: text("language"),
        language_if_unset: server_language(ctx).map(|l| l.code.to_string()),
        remind_channel: manageable("remind-channel")?,
        // Checked against the option's range when the arguments were, and again by the rule.
        remind_days: args.int("remind-days").map(|d| u32::try_from(d).unwrap_or(u32::MAX)),
        no_reminders: args.bool("no-reminders") == Some(true),
        events: args.bool("events"),
        // Checked against the option's range when the arguments were, and again by the rule.
        events_ahead: args.int("events-ahead").map(|d| u32::try_from(d).unwrap_or(u32::MAX)),
        events_milestones_only: args.bool("events-milestones-only"),
        homes: None,
    })
}

/// "/anniversary-settings channel:#announcements", with the names the member's client shows.
fn channel_example(ctx: &Ctx) -> String {
    format!("{} {}:#announcements", ctx.command("anniversary-settings"), ctx.option("anniversary-settings", "channel"))
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let inv = ctx.inv;
    let Some(guild_id) = inv.guild_id.filter(|_| inv.via == Via::Chat) else {
        return view(ctx, ctx.posting, "settings-title-config").into();
    };
    if args.0.is_empty() {
        return view(ctx, ctx.posting, "settings-title-server").into();
    }
    let change = match change_of(ctx, args) {
        Ok(c) => c,
        Err(r) => return r.into(),
    };
    let rules = Rules { guild_id: Some(guild_id), posts_from: Some(ctx.dir), homes: None, inherited: ctx.inherited };
    let midnight = ctx.today.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let origin = SettingsOrigin::Server { updated_at: midnight, updated_by: Some(inv.user_id) };
    let saved = change.apply(&ctx.server.state, &rules).and_then(|after| {
        let a = after.anniversaries_or(ctx.inherited);
        Ok((a.settings(ctx.inherited, origin, None)?, after))
    });
    match saved {
        Ok((s, after)) => {
            let change = StateChange { change, base: ctx.server.clone(), after };
            view(ctx, &s, "settings-title-saved").with_effect(Effect::Change(Box::new(change)))
        }
        Err(e) => super::changes::refused(ctx, &e).into(),
    }
}

/// A moment in the reply's language: "2 Jun 2029 09:00".
fn moment(l: Lang, t: chrono::NaiveDateTime) -> String {
    format!("{} {}", l.short_day(t.year(), t.month(), t.day()), t.format("%H:%M"))
}

fn view(ctx: &Ctx, s: &PostSettings, title: &str) -> Reply {
    let l = ctx.lang();
    let t = &s.timing;
    let status = match (s.enabled, s.channel_id) {
        (true, Some(c)) => ctx.rich("settings-on", vec![("channel", Text::new().channel(c).into())]),
        (false, Some(c)) => ctx.rich(
            "settings-off-kept",
            vec![
                ("channel", Text::new().channel(c).into()),
                ("example", format!("{}:true", ctx.option("anniversary-settings", "enabled")).into()),
            ],
        ),
        _ => Text::plain(ctx.t("settings-off", &[("example", channel_example(ctx).into())])),
    };
    let today_utc = local_instant(t.tz, ctx.today, t.at);
    let time = ctx.t(
        "settings-time-value",
        &[
            ("time", t.at.format("%H:%M").to_string().into()),
            ("zone", t.tz.name().into()),
            ("utc", today_utc.format("%H:%M").to_string().into()),
        ],
    );
    let digest_day = chrono::NaiveDate::from_ymd_opt(2000, t.digest.0, t.digest.1)
        .map_or(String::new(), |d| l.day_month(d.month(), d.day()));
    let role = match s.role_id {
        Some(r) => ctx.rich("settings-role-only", vec![("role", Text::new().role(r).into())]),
        None => Text::plain(ctx.t("settings-role-none", &[])),
    };
    let posts_lang = s.lang();
    let language = match (s.language, server_language(ctx)) {
        (None, Some(server)) => {
            ctx.t("settings-language-default", &[("language", l.language_name(server.code).into())])
        }
        _ => l.language_name(posts_lang.code),
    };
    let in_effect = s.template_in_effect();
    let template = Text::plain(in_effect.source().to_string()).text(if s.custom_template {
        String::new()
    } else {
        format!("\n{}", ctx.t("settings-template-default", &[("language", l.language_name(posts_lang.code).into())]))
    });
    let mut reply = Reply::new(ctx.t(title, &[]))
        .field(ctx.t("settings-field-posts", &[]), status, false)
        .field(ctx.t("settings-field-time", &[]), Text::plain(time), true)
        .field(ctx.t("settings-field-digest", &[]), Text::plain(digest_day), true)
        .field(ctx.t("settings-field-role", &[]), role, true)
        .field(ctx.t("settings-field-language", &[]), Text::plain(language), true)
        .field(ctx.t("settings-field-reminders", &[]), reminders_status(ctx, s), true)
        .field(ctx.t("settings-field-events", &[]), events_status(ctx, s), false)
        .field(ctx.t("settings-field-template", &[]), template, false)
        .field(ctx.t("settings-field-next", &[]), next_posts(ctx, s), false);
    if ctx.inv.guild_id.is_some() {
        reply = reply.field(ctx.t("settings-field-problems", &[]), problems(l, ctx.ledger), false).field(
            ctx.t("settings-field-recent", &[]),
            recently_posted(l, ctx.ledger),
            false,
        );
    }
    let origin = match &s.origin {
        SettingsOrigin::Server { updated_at, .. } => {
            let d = updated_at.date_naive();
            ctx.t("settings-saved-on", &[("date", date_value(l, &d.into()).into())])
        }
        SettingsOrigin::ConfigFile => ctx.t("settings-from-config", &[]),
        SettingsOrigin::Defaults => ctx.t("settings-defaults", &[]),
    };
    reply.footer(origin).ephemeral()
}

/// "30 days ahead, in #moderators", or off.
fn reminders_status(ctx: &Ctx, s: &PostSettings) -> Text {
    match s.reminding() {
        Some((channel, days)) => ctx.rich(
            "settings-reminders-on",
            vec![("days", i64::from(days).into()), ("channel", Text::new().channel(channel).into())],
        ),
        None => Text::plain(ctx.t("settings-reminders-off", &[])),
    }
}

/// How many events `/anniversary-settings` lists.
const EVENTS_SHOWN: usize = 5;

/// The server's scheduled events: off (and how to turn them on), or how far ahead, whether
/// twinbot may make them, those made (linked), those still to be made, those deleted in Discord,
/// and how many more fall in the window than twinbot keeps.
fn events_status(ctx: &Ctx, s: &PostSettings) -> Text {
    let Some(ev) = s.events else {
        let example =
            format!("{} {}:true", ctx.command("anniversary-settings"), ctx.option("anniversary-settings", "events"));
        return Text::plain(ctx.t("settings-events-off", &[("example", example.into())]));
    };
    let (l, dir, tz) = (ctx.lang(), ctx.dir, s.timing.tz);
    let on = if ev.milestones_only { "settings-events-on-milestones" } else { "settings-events-on" };
    let mut lines = vec![Text::plain(ctx.t(on, &[("days", i64::from(ev.ahead).into())]))];
    let events: Vec<&PostRecord> = ctx.ledger.iter().filter(|r| stream_of(&r.key) == Stream::Events).collect();
    let refused = events.iter().any(|r| {
        r.state == PostState::Refused
            && matches!(&r.problem, Some(p) if matches!(p.cause, Cause::Refused { reason: Refusal::CannotManageEvents, .. }))
    });
    if refused || ctx.inv.bot_creates_events == Some(false) {
        lines.push(Text::plain(ctx.t("settings-events-no-permission", &[])));
    }
    let when = |t: chrono::DateTime<chrono::Utc>| moment(l, tz.from_utc_datetime(&t.naive_utc()).naive_local());
    let mut made: Vec<&&PostRecord> = events.iter().filter(|r| r.state == PostState::Sent && r.due > ctx.now).collect();
    made.sort_by_key(|r| r.due);
    let mut listed = Vec::new();
    for r in made.iter().take(EVENTS_SHOWN) {
        let Some(e) = Recorded::of(r) else { continue };
        let name = match e.url {
            Some(url) => Text::new().link(e.name, url),
            None => Text::plain(e.name),
        };
        listed.push(ctx.rich("settings-event-made", vec![("name", name.into()), ("when", when(r.due).into())]));
    }
    let plan = planned(dir, &s.timing, &ev, ctx.now);
    let known = |key: &str| events.iter().any(|r| r.key == key && r.state != PostState::Withdrawn);
    for p in plan.iter().take(MAX_EVENTS).filter(|p| !known(&event_key(dir, &p.anniversary))) {
        if listed.len() >= EVENTS_SHOWN {
            break;
        }
        let name = words(l, dir, &p.anniversary).name;
        listed.push(Text::plain(
            ctx.t("settings-event-coming", &[("name", name.into()), ("when", when(p.start).into())]),
        ));
    }
    for r in events.iter().filter(|r| r.state == PostState::Deleted && r.due > ctx.now).take(3) {
        let name = Recorded::of(r).map_or_else(|| r.key.clone(), |e| e.name);
        listed.push(Text::plain(ctx.t("settings-event-deleted", &[("name", name.into())])));
    }
    lines.extend(listed);
    if plan.len() > MAX_EVENTS {
        lines.push(Text::plain(
            ctx.t("settings-events-more", &[("count", (plan.len() - MAX_EVENTS).into()), ("max", MAX_EVENTS.into())]),
        ));
    }
    join(lines, "\n")
}

fn next_posts(ctx: &Ctx, s: &PostSettings) -> Text {
    if s.posting().is_none() && s.reminding().is_none() {
        return Text::new();
    }
    let (l, dir, t) = (ctx.lang(), ctx.dir, &s.timing);
    let done = |p: &Post| {
        let key = post_key(dir, p);
        ctx.ledger.iter().any(|r| r.key == key)
    };
    let until = ctx.today + chrono::Duration::days(800);
    let streams = (s.posting().is_some(), s.reminding().map(|(_, days)| days));
    let upcoming = posts_and_reminders(dir, t, streams, ctx.today, until);
    let next = upcoming.into_iter().filter(|p| !done(p)).take(3).map(|p| {
        let local = t.tz.from_utc_datetime(&p.due.naive_utc());
        let what = match &p.kind {
            PostKind::Anniversary(a) => brief(l, dir, a),
            PostKind::Reminder { anniversary, days } => {
                format!("⏰ {}", crate::anniversaries::schedule::reminder_line(l, dir, anniversary, *days))
            }
            PostKind::Digest { year, anniversaries } => {
                l.t("settings-digest-of", &[("count", anniversaries.len().into()), ("year", year.to_string().into())])
            }
        };
        Text::plain(format!("{} — {what}", moment(l, local.naive_local())))
    });
    join(next, "\n")
}

fn problems(l: Lang, ledger: &[PostRecord]) -> Text {
    let trouble = ledger
        .iter()
        .filter(|r| matches!(r.state, PostState::Refused | PostState::Failed | PostState::GaveUp | PostState::Missed))
        .take(5)
        .map(|r| {
            let tries = [("attempts", i64::from(r.attempts).into()), ("max", i64::from(MAX_ATTEMPTS).into())];
            let state = match r.state {
                PostState::Refused => l.t("problem-refused", &tries),
                PostState::Failed => l.t("problem-failed", &tries),
                PostState::GaveUp => l.t("problem-gave-up", &tries[..1]),
                _ => l.t("problem-missed", &[]),
            };
            let due = format!("{} UTC", moment(l, r.due.naive_utc()));
            Text::plain(
                l.t(
                    "settings-problem",
                    &[("key", r.key.as_str().into()), ("due", due.into()), ("state", state.into())],
                ),
            )
            .text(r.error().map_or(String::new(), |e| format!("\n    {e}")))
        });
    join(trouble, "\n")
}

fn recently_posted(l: Lang, ledger: &[PostRecord]) -> Text {
    let recent = ledger.iter().filter(|r| r.state == PostState::Sent).take(3).map(|r| {
        let d = r.due.date_naive();
        let line = format!("✅ {} · {}", r.key, l.short_day(d.year(), d.month(), d.day()));
        if r.belated {
            l.aside(line, l.t("settings-belated", &[]))
        } else {
            Text::plain(line)
        }
    });
    join(recent, "\n")
}
