//! Changes to a server's state, as the commands that make them (`/anniversary-settings`,
//! `/home`) ask for them and as a moderator is told when one is not saved: a broken rule, a
//! change made meanwhile by someone else, or the database. The rules themselves are
//! `crate::state`'s; here they are only worded, in the moderator's language.

use chrono::{DateTime, Datelike, Utc};

use super::{did_you_mean, Ctx};
use crate::core::reply::{Reply, Text};
use crate::state::{Change, Field, Missing, ServerRecord, ServerState, SettingsError};

/// A change a command asks the application to save: what the moderator gave, the record they saw
/// it against, and the state it makes of that record (what the command's reply shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    pub change: Change,
    pub base: ServerRecord,
    pub after: ServerState,
}

/// Why a change was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSaved {
    /// It breaks a rule (checked again against the newer state it was applied to).
    Rule(SettingsError),
    /// Someone changed these fields meanwhile, at `at`.
    Conflict { fields: Vec<Field>, by: Option<u64>, at: DateTime<Utc> },
    /// The database could not save it.
    Store(String),
}

/// The reply saying why a change was not saved, titled for what it changed.
pub fn not_saved(ctx: &Ctx, change: &Change, why: &NotSaved) -> Reply {
    let homes = !change.touches_anniversaries();
    let title = if homes { "home-not-changed" } else { "settings-not-saved" };
    let said = match why {
        NotSaved::Rule(e) => return refused(ctx, e),
        NotSaved::Store(error) => {
            let id = if homes { "home-save-failed" } else { "settings-save-failed" };
            Text::plain(ctx.t(id, &[("error", error.as_str().into())]))
        }
        NotSaved::Conflict { fields, by, at } => {
            let l = ctx.lang();
            let names: Vec<Text> = fields
                .iter()
                .map(|f| {
                    let (command, option) = f.option();
                    Text::new().code(match *f {
                        Field::Homes => ctx.command(command),
                        _ => ctx.option(command, option),
                    })
                })
                .collect();
            let who = match by {
                Some(member) => Text::new().member(*member),
                None => Text::plain(ctx.t("settings-conflict-someone", &[])),
            };
            ctx.rich(
                "settings-conflict",
                vec![
                    ("who", who.into()),
                    ("fields", l.join_texts(names, false).into()),
                    ("day", l.day(at.year(), at.month(), at.day()).into()),
                    ("time", at.format("%H:%M").to_string().into()),
                ],
            )
        }
    };
    ctx.refused(title, said)
}

/// The reply for a setting that breaks its rule.
pub fn refused(ctx: &Ctx, e: &SettingsError) -> Reply {
    let l = ctx.lang();
    let quoted = |id: &str, value: &str| ctx.rich(id, vec![("value", Text::new().user(value).into())]);
    let example = |options: &[(&str, &str)]| {
        let given: Vec<String> =
            options.iter().map(|(o, v)| format!("{}:{v}", ctx.option("anniversary-settings", o))).collect();
        format!("{} {}", ctx.command("anniversary-settings"), given.join(" "))
    };
    // A number of days ahead out of 1 to `max`, given as `option`.
    let days = |(option, max): (&str, u32), value: u32| {
        ctx.rich(
            "error-out-of-range",
            vec![
                ("option", Text::new().code(ctx.option("anniversary-settings", option)).into()),
                ("min", "1".into()),
                ("max", max.to_string().into()),
                ("value", value.to_string().into()),
            ],
        )
    };
    let said = match e {
        SettingsError::NotATime(v) => quoted("settings-not-a-time", v),
        SettingsError::NotATimezone(v) => l.sentences(
            did_you_mean(
                l,
                quoted("settings-not-a-timezone", v),
                super::anniversary_settings::zones(v).into_iter().take(1),
            ),
            ctx.t("settings-pick-timezone", &[]),
        ),
        SettingsError::NotADay(v) => quoted("settings-not-a-day", v),
        SettingsError::Template(e) => {
            let placeholders = crate::anniversaries::template::names(l);
            Text::plain(ctx.t("settings-template-not-saved", &[("error", e.describe(l).into())])).text("\n\n").text(
                ctx.t(
                    "settings-placeholders",
                    &[("placeholders", placeholders.into()), ("open", "{{".into()), ("close", "}}".into())],
                ),
            )
        }
        SettingsError::NotALanguage(v) => ctx.rich(
            "settings-not-a-language",
            vec![("value", Text::new().user(v.clone()).into()), ("languages", super::languages(l).into())],
        ),
        SettingsError::Everyone => Text::plain(ctx.t("settings-everyone", &[])),
        SettingsError::RemindDays(d) => days(("remind-days", crate::anniversaries::settings::MAX_REMIND_DAYS), *d),
        SettingsError::EventsAhead(d) => days(("events-ahead", crate::anniversaries::events::MAX_AHEAD), *d),
        SettingsError::RemindersNeedBoth(Missing::Channel | Missing::Days) => Text::plain(ctx.t(
            "settings-reminders-need-both",
            &[("example", example(&[("remind-days", "30"), ("remind-channel", "#moderators")]).into())],
        )),
        SettingsError::ChooseChannel => Text::plain(
            ctx.t("settings-choose-channel", &[("example", example(&[("channel", "#announcements")]).into())]),
        ),
        SettingsError::UnknownHome { typed, close, known } => {
            let said = l.sentences(
                did_you_mean(
                    l,
                    ctx.rich("home-unknown", vec![("query", Text::new().user(typed.clone()).into())]),
                    close.iter().cloned(),
                ),
                ctx.t("home-knows", &[("homes", l.and_list(known).into())]),
            );
            return ctx.refused("home-not-changed", said);
        }
    };
    ctx.refused("settings-not-saved", said)
}
