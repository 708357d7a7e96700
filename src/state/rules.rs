//! The rules of each setting, written once: what `/anniversary-settings`, `/home` and
//! config.toml's `[anniversaries]` all check, and the one error they give.

use chrono::NaiveTime;
use chrono_tz::Tz;

use crate::anniversaries::events::MAX_AHEAD;
use crate::anniversaries::schedule::{parse_day, parse_time, Timing};
use crate::anniversaries::settings::MAX_REMIND_DAYS;
use crate::anniversaries::template::{Template, TemplateError};
use crate::core::catalog::Catalog;
use crate::core::data::Directory;
use crate::core::i18n::{self, Lang};

/// Which half of the advance reminders is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Days ahead given, no channel.
    Channel,
    /// A channel given, no days ahead.
    Days,
}

/// A setting that breaks its rule. Its words are made where it is shown: [`std::fmt::Display`]
/// for the operator (config.toml, the log), and the commands' own, in the moderator's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    NotATime(String),
    NotATimezone(String),
    NotADay(String),
    Template(TemplateError),
    NotALanguage(String),
    /// The role to ping is @everyone (it has the server's id).
    Everyone,
    /// Reminders this many days ahead: out of 1 to [`MAX_REMIND_DAYS`].
    RemindDays(u32),
    RemindersNeedBoth(Missing),
    /// Events this many days ahead: out of 1 to [`MAX_AHEAD`].
    EventsAhead(u32),
    /// Posts turned on with no channel to post in.
    ChooseChannel,
    /// No home city of that name is loaded.
    UnknownHome {
        typed: String,
        close: Vec<String>,
        known: Vec<String>,
    },
}

impl SettingsError {
    /// The config.toml key the setting is written under.
    pub fn config_key(&self) -> &'static str {
        match self {
            SettingsError::NotATime(_) | SettingsError::NotATimezone(_) | SettingsError::NotADay(_) => "anniversaries",
            SettingsError::Template(_) => "anniversaries.template",
            SettingsError::NotALanguage(_) => "anniversaries.language",
            SettingsError::Everyone => "anniversaries.role",
            SettingsError::RemindDays(_) | SettingsError::RemindersNeedBoth(Missing::Channel) => {
                "anniversaries.remind_days"
            }
            SettingsError::RemindersNeedBoth(Missing::Days) => "anniversaries.remind_channel",
            SettingsError::ChooseChannel => "anniversaries.channel",
            SettingsError::EventsAhead(_) => "anniversaries.events_ahead",
            SettingsError::UnknownHome { .. } => "discord.home",
        }
    }
}

/// For the operator: what config.toml says wrong, and the log.
impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::NotATime(v) => write!(f, "{v:?} is not a time of day: write HH:MM, such as 09:00"),
            SettingsError::NotATimezone(v) => {
                write!(f, "unknown timezone {v:?}: use an IANA name such as Europe/London")
            }
            SettingsError::NotADay(v) => write!(f, "{v:?} is not a day of the year: write MM-DD, such as 01-01"),
            SettingsError::Template(e) => write!(f, "{e}"),
            SettingsError::NotALanguage(v) => {
                write!(f, "{v:?} is not a language twinbot speaks: write one of {}", i18n::LOCALES.join(", "))
            }
            SettingsError::Everyone => f.write_str(
                "that is the @everyone role (it has the server's id): twinbot never pings everyone; name a role, \
                 or remove the line",
            ),
            SettingsError::RemindDays(_) => write!(f, "must be from 1 to {MAX_REMIND_DAYS} days"),
            SettingsError::RemindersNeedBoth(Missing::Channel) => {
                f.write_str("needs remind_channel, the channel the reminders go to")
            }
            SettingsError::RemindersNeedBoth(Missing::Days) => {
                f.write_str("needs remind_days, how many days ahead to remind")
            }
            SettingsError::ChooseChannel => f.write_str("posts are turned on, but no channel is set to post in"),
            SettingsError::EventsAhead(_) => write!(f, "must be from 1 to {MAX_AHEAD} days"),
            SettingsError::UnknownHome { typed, known, .. } => {
                write!(f, "no home city {typed:?} is loaded: the home cities are {}", i18n::default().and_list(known))
            }
        }
    }
}

impl std::error::Error for SettingsError {}

/// A time of day, HH:MM (or H.MM).
pub fn time(s: &str) -> Result<NaiveTime, SettingsError> {
    parse_time(s).ok_or_else(|| SettingsError::NotATime(s.to_string()))
}

/// An IANA timezone.
pub fn timezone(s: &str) -> Result<Tz, SettingsError> {
    s.trim().parse().map_err(|_| SettingsError::NotATimezone(s.to_string()))
}

/// A day of the year, MM-DD.
pub fn day(s: &str) -> Result<(u32, u32), SettingsError> {
    parse_day(s).ok_or_else(|| SettingsError::NotADay(s.to_string()))
}

/// When posts go out: a timezone, a time of day and the digest's day.
pub fn timing(tz: &str, at: &str, digest: &str) -> Result<Timing, SettingsError> {
    Ok(Timing { tz: timezone(tz)?, at: time(at)?, digest: day(digest)? })
}

/// An announcement template; with the data the posts are made from, every announcement must fit
/// a post.
pub fn template(source: &str, dir: Option<&Directory>) -> Result<Template, SettingsError> {
    match dir {
        Some(dir) => Template::check(source, dir),
        None => Template::parse(source),
    }
    .map_err(SettingsError::Template)
}

/// A language twinbot posts in, by its Discord locale.
pub fn language(code: &str) -> Result<Lang, SettingsError> {
    i18n::lang(code).ok_or_else(|| SettingsError::NotALanguage(code.to_string()))
}

/// The one role posts may ping: never @everyone, which has the server's id.
pub fn role(role: u64, guild_id: Option<u64>) -> Result<u64, SettingsError> {
    if Some(role) == guild_id {
        return Err(SettingsError::Everyone);
    }
    Ok(role)
}

/// Advance reminders: both the days ahead (1 to [`MAX_REMIND_DAYS`]) and the channel, or
/// neither.
pub fn reminders(days: Option<u32>, channel: Option<u64>) -> Result<(Option<u32>, Option<u64>), SettingsError> {
    if let Some(d) = days.filter(|d| !(1..=MAX_REMIND_DAYS).contains(d)) {
        return Err(SettingsError::RemindDays(d));
    }
    match (days, channel) {
        (Some(_), None) => Err(SettingsError::RemindersNeedBoth(Missing::Channel)),
        (None, Some(_)) => Err(SettingsError::RemindersNeedBoth(Missing::Days)),
        _ => Ok((days, channel)),
    }
}

/// How many days ahead scheduled events are made: 1 to [`MAX_AHEAD`].
pub fn events_ahead(days: u32) -> Result<u32, SettingsError> {
    if (1..=MAX_AHEAD).contains(&days) {
        Ok(days)
    } else {
        Err(SettingsError::EventsAhead(days))
    }
}

/// A home city loaded, by the name typed (matched as `/partner` matches names).
pub fn home(loaded: &Catalog, typed: &str) -> Result<String, SettingsError> {
    match loaded.matcher().find_home(typed) {
        Ok(h) => Ok(loaded.homes[h].name.clone()),
        Err(close) => Err(SettingsError::UnknownHome {
            typed: typed.to_string(),
            close: close.iter().map(|&h| loaded.homes[h].name.clone()).collect(),
            known: loaded.homes.iter().map(|h| h.name.clone()).collect(),
        }),
    }
}
