//! `/anniversary-settings`: shows, and with options changes, a server's automatic anniversary
//! posts: channel, local time, timezone, digest day, template and the one role to ping. Shows
//! the next posts and any post Discord refused. For moderators (Manage Messages).

use chrono::TimeZone;
use chrono_tz::Tz;

use super::{
    did_you_mean, needs_manage_messages_in, Args, Choice, CommandSpec, Ctx, OptionKind, OptionSpec, MAX_SUGGESTIONS,
};
use super::{Answer, Effect, Permission, Via};
use crate::anniversaries::lines::brief;
use crate::anniversaries::schedule::{local_instant, parse_day, parse_time, posts, Post, PostKind};
use crate::anniversaries::settings::{PostSettings, SettingsOrigin};
use crate::anniversaries::template::Template;
use crate::core::reply::{join, Reply, Text};
use crate::core::text::fold;
use crate::ledger::poster::{post_key, MAX_ATTEMPTS};
use crate::ledger::{PostRecord, PostState};

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
    ],
    needs: Some(Permission::ManageMessages),
    run,
    slow: false,
    complete: Some(complete),
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

fn invalid(t: Text) -> Reply {
    Reply { title: "Settings not saved".into(), ..Reply::invalid(t) }
}

/// Applies the options to the settings in effect; Err names what is wrong.
fn apply(ctx: &Ctx, guild_id: u64, args: &Args) -> Result<PostSettings, Reply> {
    let mut s = ctx.posting.clone();
    if let Some(c) = args.channel("channel") {
        if !ctx.inv.allows_in(c, Permission::ManageMessages) {
            return Err(invalid(needs_manage_messages_in(c, "to have anniversaries posted there")));
        }
        s.channel_id = Some(c);
        s.enabled = true;
    }
    if let Some(t) = args.str("time") {
        s.timing.at = parse_time(t).ok_or_else(|| {
            invalid(
                Text::plain("“")
                    .user(t)
                    .text("” is not a time of day: write HH:MM in 24-hour time, such as 09:00 or 18:30."),
            )
        })?;
    }
    if let Some(z) = args.str("timezone") {
        s.timing.tz = z.trim().parse::<Tz>().map_err(|_| {
            let t = Text::plain("“").user(z).text("” is not an IANA timezone.");
            invalid(t.append(did_you_mean(zones(z).into_iter().take(1))).text(" Pick one from the list as you type."))
        })?;
    }
    if let Some(d) = args.str("digest") {
        s.timing.digest = parse_day(d).ok_or_else(|| {
            invalid(
                Text::plain("“").user(d).text("” is not a day of the year: write MM-DD, such as 01-01 for 1 January."),
            )
        })?;
    }
    if let Some(t) = args.str("template") {
        if matches!(t.trim().to_ascii_lowercase().as_str(), "default" | "reset") {
            s.template = s.default_template.clone();
            s.custom_template = false;
        } else {
            s.template = Template::check(t, ctx.dir).map_err(|e| {
                invalid(Text::plain(format!("The template was not saved: {e}.")).text(
                    "\n\nPlaceholders: {home} {partner} {country} {years} {ordinal} {since} {date} {kind}; write {{ and }} for braces.",
                ))
            })?;
            s.custom_template = true;
        }
    }
    if let Some(r) = args.role("role") {
        if r == guild_id {
            return Err(invalid(Text::plain(
                "That is the @everyone role: twinbot never pings everyone. Choose a role members can opt into.",
            )));
        }
        s.role_id = Some(r);
    }
    if args.bool("no-role") == Some(true) {
        s.role_id = None;
    }
    if let Some(e) = args.bool("enabled") {
        s.enabled = e;
    }
    if s.enabled && s.channel_id.is_none() {
        return Err(invalid(Text::plain(
            "Choose a channel for the posts: /anniversary-settings channel:#announcements",
        )));
    }
    Ok(s)
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let inv = ctx.inv;
    let Some(guild_id) = inv.guild_id.filter(|_| inv.via == Via::Chat) else {
        // The terminal shows what config.toml sets; servers change theirs in Discord.
        return view(ctx, ctx.posting, "Anniversary posts (config.toml)").into();
    };
    if args.0.is_empty() {
        return view(ctx, ctx.posting, "Anniversary posts in this server").into();
    }
    match apply(ctx, guild_id, args) {
        Ok(s) => {
            // Shown as saved today; the application stamps the moment it stores them.
            let midnight = ctx.today.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
            let s = PostSettings {
                origin: SettingsOrigin::Server { updated_at: midnight, updated_by: Some(inv.user_id) },
                ..s
            };
            view(ctx, &s, "Anniversary settings saved").with_effect(Effect::Save(s))
        }
        Err(r) => r.into(),
    }
}

/// The settings, the next posts and, in a server, any trouble: for moderators only.
fn view(ctx: &Ctx, s: &PostSettings, title: &str) -> Reply {
    let t = &s.timing;
    let status = match (s.enabled, s.channel_id) {
        (true, Some(c)) => Text::plain("On, in ").channel(c),
        (false, Some(c)) => Text::plain("Off (channel ").channel(c).text(" kept). Turn on with enabled:true."),
        _ => Text::plain("Off. Choose a channel to turn them on: /anniversary-settings channel:#announcements"),
    };
    let today_utc = local_instant(t.tz, ctx.today, t.at);
    let time = format!("{} {} (today that is {} UTC)", t.at.format("%H:%M"), t.tz.name(), today_utc.format("%H:%M"));
    let digest_day = chrono::NaiveDate::from_ymd_opt(2000, t.digest.0, t.digest.1)
        .map_or(String::new(), |d| d.format("%-d %B").to_string());
    let role = match s.role_id {
        Some(r) => Text::new().role(r).text(" only (never @everyone or @here)"),
        None => Text::plain("None: posts ping nobody"),
    };
    let template =
        Text::plain(s.template.source().to_string()).text(if s.custom_template { "" } else { "\n(the default)" });
    let mut reply = Reply::new(title)
        .field("Automatic posts", status, false)
        .field("Time", Text::plain(time), true)
        .field("Digest day", Text::plain(digest_day), true)
        .field("Role ping", role, true)
        .field("Template", template, false)
        .field("Next posts", next_posts(ctx, s), false);
    if ctx.inv.guild_id.is_some() {
        reply = reply.field("Problems", problems(ctx.ledger), false).field(
            "Recently posted",
            recently_posted(ctx.ledger),
            false,
        );
    }
    let origin = match &s.origin {
        SettingsOrigin::Server { updated_at, .. } => {
            format!("Saved for this server, {}", updated_at.format("%-d %B %Y"))
        }
        SettingsOrigin::ConfigFile => "From config.toml ([anniversaries])".to_string(),
        SettingsOrigin::Defaults => "Defaults: nothing saved yet".to_string(),
    };
    reply.footer(origin).ephemeral()
}

/// The next three posts, in the posts' local time; today's that are already in the ledger are
/// not "next".
fn next_posts(ctx: &Ctx, s: &PostSettings) -> Text {
    if s.posting().is_none() {
        return Text::new();
    }
    let (dir, t) = (ctx.dir, &s.timing);
    let done = |p: &Post| {
        let key = post_key(dir, p);
        ctx.ledger.iter().any(|r| r.key == key)
    };
    let upcoming = posts(dir, t, ctx.today, ctx.today + chrono::Duration::days(800));
    let next = upcoming.into_iter().filter(|p| !done(p)).take(3).map(|p| {
        let local = t.tz.from_utc_datetime(&p.due.naive_utc());
        let what = match &p.kind {
            PostKind::Anniversary(a) => brief(dir, a),
            PostKind::Digest { year, anniversaries } => format!("digest of {} for {year}", anniversaries.len()),
        };
        Text::plain(format!("{} — {what}", local.format("%-d %b %Y %H:%M")))
    });
    join(next, "\n")
}

/// The server's posts that did not go out, newest first, with what went wrong.
fn problems(ledger: &[PostRecord]) -> Text {
    let trouble = ledger
        .iter()
        .filter(|r| matches!(r.state, PostState::Refused | PostState::Failed | PostState::GaveUp | PostState::Missed))
        .take(5)
        .map(|r| {
            let state = match r.state {
                PostState::Refused => format!("refused, will retry ({} of {MAX_ATTEMPTS} tries)", r.attempts),
                PostState::Failed => format!("failed, will retry ({} of {MAX_ATTEMPTS} tries)", r.attempts),
                PostState::GaveUp => format!("not posted after {} tries", r.attempts),
                _ => "missed while twinbot was down".to_string(),
            };
            Text::plain(format!("⚠️ {} · due {} · {state}", r.key, r.due.format("%-d %b %Y %H:%M UTC")))
                .text(r.error().map_or(String::new(), |e| format!("\n    {e}")))
        });
    join(trouble, "\n")
}

/// The server's last three posts.
fn recently_posted(ledger: &[PostRecord]) -> Text {
    let recent = ledger.iter().filter(|r| r.state == PostState::Sent).take(3).map(|r| {
        let belated = if r.belated { " (belated)" } else { "" };
        Text::plain(format!("✅ {} · {}{belated}", r.key, r.due.format("%-d %b %Y")))
    });
    join(recent, "\n")
}
