//! A server's state: everything its moderators chose (automatic anniversary posts and reminders,
//! the posts' language, the home cities its commands answer for), as one typed document with a
//! version number, and who changed it and when.
//!
//! - [`ServerState`] is the document. Both databases keep it as JSON (serde), one row per server
//!   beside its version; a setting is a field, so adding one touches no SQL and needs no
//!   migration. Fields this twinbot does not know (written by a newer one, during a rolling
//!   upgrade) are kept as they are and written back unchanged.
//! - [`Change`] is what a moderator asked for: only the fields they gave. [`Change::apply`] is the
//!   one place the rules of a setting are checked, for `/anniversary-settings`, `/home` and
//!   config.toml's `[anniversaries]` alike; a broken rule is a [`SettingsError`], worded only when
//!   shown, for its reader and in their language.
//! - Writes are compare-and-swap on the version: a change made against an older version is applied
//!   again to the newer one if none of its fields changed meanwhile ([`Change::conflicts`]), and
//!   refused otherwise.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod files;
pub mod pending;
mod rules;
pub mod town;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::anniversaries::events::{EventSettings, DEFAULT_AHEAD};
use crate::anniversaries::settings::{PostSettings, SettingsOrigin};
use crate::core::catalog::Catalog;
use crate::core::data::Directory;

pub use rules::{
    day, events_ahead, home, language, reminders, role, template, time, timezone, timing, Missing, SettingsError,
};

/// Everything a server chose, as the database keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerState {
    /// Automatic anniversary posts and advance reminders, once the server saved any; until then,
    /// config.toml's apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anniversaries: Option<Anniversaries>,
    /// The home cities its commands and posts answer for, once chosen with `/home`; until then,
    /// config.toml's `discord.home`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homes: Option<Homes>,
    /// Fields of a newer twinbot, kept so that this one does not erase them.
    #[serde(flatten)]
    pub newer: Map<String, Value>,
}

/// A server's automatic anniversary posts and advance reminders, as the moderators set them.
/// Times, zones and days are kept as written (checked when saved and when read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Anniversaries {
    /// Whether automatic posts go out (they also need a channel).
    pub enabled: bool,
    #[serde(with = "id", skip_serializing_if = "Option::is_none")]
    pub channel: Option<u64>,
    /// Local time of day, HH:MM.
    pub at: String,
    /// IANA timezone.
    pub timezone: String,
    /// Day of the digest of partnerships known only by year, MM-DD.
    pub digest: String,
    /// The server's own announcement; none: the operator's, else the built-in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The one role automatic posts may ping.
    #[serde(with = "id", skip_serializing_if = "Option::is_none")]
    pub role: Option<u64>,
    /// The posts' language, a Discord locale ("de"); none: config.toml's, else English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Advance reminders: how many days ahead, and where (both, or neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remind_days: Option<u32>,
    #[serde(with = "id", skip_serializing_if = "Option::is_none")]
    pub remind_channel: Option<u64>,
    /// Discord scheduled events for the anniversaries.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub events: bool,
    /// How many days ahead events are made; none: the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events_ahead: Option<u32>,
    /// Events for milestone anniversaries only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub events_milestones_only: bool,
    /// Fields of a newer twinbot, kept.
    #[serde(flatten)]
    pub newer: Map<String, Value>,
}

/// A server's settings before it changes any: posts off, at 09:00 London time, the digest on
/// 1 January (what [`PostSettings::default`] has).
impl Default for Anniversaries {
    fn default() -> Self {
        Anniversaries {
            enabled: false,
            channel: None,
            at: "09:00".into(),
            timezone: "Europe/London".into(),
            digest: "01-01".into(),
            template: None,
            role: None,
            language: None,
            remind_days: None,
            remind_channel: None,
            events: false,
            events_ahead: None,
            events_milestones_only: false,
            newer: Map::new(),
        }
    }
}

/// The home cities a server chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Homes {
    /// Every home loaded, whatever config.toml names.
    Every,
    /// These, by name, in the order chosen.
    Only(Vec<String>),
}

/// Discord ids as strings in the document, as Discord writes them: tools that read JSON numbers
/// as doubles (jq, JavaScript) would round an id.
mod id {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(id) => s.collect_str(id),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Number(u64),
        }
        match Option::<Either>::deserialize(d)? {
            None => Ok(None),
            Some(Either::Number(n)) => Ok(Some(n)),
            Some(Either::Text(t)) => t.parse().map(Some).map_err(serde::de::Error::custom),
        }
    }
}

/// A server's state as saved: its version (0 when it never saved anything), and who saved it
/// and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerRecord {
    pub guild_id: u64,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<u64>,
    pub state: ServerState,
}

/// The record of a server that saved nothing, where any server's will do (its id is 0).
static NOTHING_SAVED: std::sync::LazyLock<ServerRecord> = std::sync::LazyLock::new(|| ServerRecord::new(0));

impl ServerRecord {
    /// The record of a server that saved nothing, shared: for a context outside any server, or
    /// of a server not heard of.
    pub fn nothing_saved() -> &'static ServerRecord {
        &NOTHING_SAVED
    }

    /// A server that never saved anything.
    pub fn new(guild_id: u64) -> ServerRecord {
        ServerRecord {
            guild_id,
            version: 0,
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_by: None,
            state: ServerState::default(),
        }
    }
}

impl Anniversaries {
    /// Settings in effect, as a server's own (what a server that saved nothing starts from).
    pub fn of(s: &PostSettings) -> Anniversaries {
        Anniversaries {
            enabled: s.enabled,
            channel: s.channel_id,
            at: s.timing.at.format("%H:%M").to_string(),
            timezone: s.timing.tz.name().to_string(),
            digest: format!("{:02}-{:02}", s.timing.digest.0, s.timing.digest.1),
            template: s.custom_template.then(|| s.template.source().to_string()),
            role: s.role_id,
            language: s.language.map(|l| l.code.to_string()),
            remind_days: s.remind_days,
            remind_channel: s.remind_channel_id,
            events: s.events.is_some(),
            events_ahead: s.events.map(|e| e.ahead).filter(|d| *d != DEFAULT_AHEAD),
            events_milestones_only: s.events.is_some_and(|e| e.milestones_only),
            newer: Map::new(),
        }
    }

    /// The settings these give, checked: `inherited` (config.toml's, or the defaults) supplies
    /// the operator's template and language where the server has none.
    pub fn settings(
        &self,
        inherited: &PostSettings,
        origin: SettingsOrigin,
        dir: Option<&Directory>,
    ) -> Result<PostSettings, SettingsError> {
        let timing = timing(&self.timezone, &self.at, &self.digest)?;
        let language = match &self.language {
            Some(code) => Some(language(code)?),
            None => inherited.language,
        };
        let template = match &self.template {
            Some(t) => template(t, dir)?,
            None => inherited.template.clone(),
        };
        let (remind_days, remind_channel_id) = reminders(self.remind_days, self.remind_channel)?;
        let ahead = events_ahead(self.events_ahead.unwrap_or(DEFAULT_AHEAD))?;
        let events = self.events.then_some(EventSettings { ahead, milestones_only: self.events_milestones_only });
        if self.enabled && self.channel.is_none() {
            return Err(SettingsError::ChooseChannel);
        }
        Ok(PostSettings {
            enabled: self.enabled,
            channel_id: self.channel,
            timing,
            template,
            custom_template: self.template.is_some(),
            default_template: inherited.default_template.clone(),
            language,
            role_id: self.role,
            remind_days,
            remind_channel_id,
            events,
            origin,
        })
    }

    /// Where automatic posts go, if they are on.
    pub fn posting(&self) -> Option<u64> {
        self.channel.filter(|_| self.enabled)
    }

    /// Where advance reminders go, if they are on.
    pub fn reminding(&self) -> Option<u64> {
        self.remind_channel.filter(|_| self.remind_days.is_some())
    }
}

impl ServerState {
    /// The anniversary settings this server has: its own, else those it inherits.
    pub fn anniversaries_or(&self, inherited: &PostSettings) -> Anniversaries {
        self.anniversaries.clone().unwrap_or_else(|| Anniversaries::of(inherited))
    }
}

/// What a change is checked against.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    /// The server (its @everyone role has the server's id).
    pub guild_id: Option<u64>,
    /// The data the server's posts are made from: a template must fit every announcement.
    /// None: the template's wording only (config.toml, before the data is loaded).
    pub posts_from: Option<&'a Directory>,
    /// Every home city loaded, and the ones the server answers for now (for `/home`).
    pub homes: Option<(&'a Catalog, &'a [String])>,
    /// What the server has where it saved no anniversary settings: config.toml's, or the
    /// defaults.
    pub inherited: &'a PostSettings,
}

/// A field of the document a change can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Enabled,
    Channel,
    Time,
    Timezone,
    Digest,
    Template,
    Role,
    Language,
    RemindDays,
    RemindChannel,
    Events,
    EventsAhead,
    EventsMilestonesOnly,
    Homes,
}

impl Field {
    /// The command and option a moderator sets it with.
    pub fn option(self) -> (&'static str, &'static str) {
        let s = "anniversary-settings";
        match self {
            Field::Enabled => (s, "enabled"),
            Field::Channel => (s, "channel"),
            Field::Time => (s, "time"),
            Field::Timezone => (s, "timezone"),
            Field::Digest => (s, "digest"),
            Field::Template => (s, "template"),
            Field::Role => (s, "role"),
            Field::Language => (s, "language"),
            Field::RemindDays => (s, "remind-days"),
            Field::RemindChannel => (s, "remind-channel"),
            Field::Events => (s, "events"),
            Field::EventsAhead => (s, "events-ahead"),
            Field::EventsMilestonesOnly => (s, "events-milestones-only"),
            Field::Homes => ("home", "city"),
        }
    }

    /// Its value in a document, to tell whether it changed.
    fn value(self, a: &Anniversaries, homes: &Option<Homes>) -> Value {
        let id = |v: Option<u64>| v.map_or(Value::Null, |i| Value::from(i.to_string()));
        match self {
            Field::Enabled => Value::from(a.enabled),
            Field::Channel => id(a.channel),
            Field::Time => Value::from(a.at.clone()),
            Field::Timezone => Value::from(a.timezone.clone()),
            Field::Digest => Value::from(a.digest.clone()),
            Field::Template => a.template.clone().map_or(Value::Null, Value::from),
            Field::Role => id(a.role),
            Field::Language => a.language.clone().map_or(Value::Null, Value::from),
            Field::RemindDays => a.remind_days.map_or(Value::Null, Value::from),
            Field::RemindChannel => id(a.remind_channel),
            Field::Events => Value::from(a.events),
            Field::EventsAhead => a.events_ahead.map_or(Value::Null, Value::from),
            Field::EventsMilestonesOnly => Value::from(a.events_milestones_only),
            Field::Homes => serde_json::to_value(homes).unwrap_or(Value::Null),
        }
    }
}

/// How `/home` changes the home cities, by the names typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomesChange {
    /// Every home (`all:true`).
    pub every: bool,
    /// This home only (`city`).
    pub only: Option<String>,
    /// This home as well (`add`).
    pub add: Option<String>,
}

/// What a moderator (or config.toml) asked to change: the fields given, nothing else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Post to this channel (and turn posts on).
    pub channel: Option<u64>,
    pub time: Option<String>,
    pub timezone: Option<String>,
    pub digest: Option<String>,
    /// The server's own template; Some(None): back to the default.
    pub template: Option<Option<String>>,
    /// The role to ping; Some(None): none.
    pub role: Option<Option<u64>>,
    pub enabled: Option<bool>,
    /// The posts' language (a Discord locale).
    pub language: Option<String>,
    /// The posts' language where none is chosen yet (the server's own locale): not a field the
    /// moderator gave, so never a conflict.
    pub language_if_unset: Option<String>,
    pub remind_days: Option<u32>,
    pub remind_channel: Option<u64>,
    /// Stop the reminders.
    pub no_reminders: bool,
    /// Turn the server's scheduled events on or off.
    pub events: Option<bool>,
    pub events_ahead: Option<u32>,
    pub events_milestones_only: Option<bool>,
    pub homes: Option<HomesChange>,
}

impl Change {
    /// The fields this change sets.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = Vec::new();
        let mut given = |on: bool, fields: &[Field]| {
            if on {
                f.extend_from_slice(fields);
            }
        };
        given(self.channel.is_some(), &[Field::Channel, Field::Enabled]);
        given(self.time.is_some(), &[Field::Time]);
        given(self.timezone.is_some(), &[Field::Timezone]);
        given(self.digest.is_some(), &[Field::Digest]);
        given(self.template.is_some(), &[Field::Template]);
        given(self.role.is_some(), &[Field::Role]);
        given(self.enabled.is_some(), &[Field::Enabled]);
        given(self.language.is_some(), &[Field::Language]);
        given(self.remind_days.is_some() || self.no_reminders, &[Field::RemindDays]);
        given(self.remind_channel.is_some() || self.no_reminders, &[Field::RemindChannel]);
        given(self.events.is_some(), &[Field::Events]);
        given(self.events_ahead.is_some(), &[Field::EventsAhead]);
        given(self.events_milestones_only.is_some(), &[Field::EventsMilestonesOnly]);
        given(self.homes.is_some(), &[Field::Homes]);
        f.dedup();
        f
    }

    /// A change setting every anniversary setting to `a`'s, as if a moderator gave each (for
    /// tools and tests).
    pub fn setting(a: &Anniversaries) -> Change {
        Change {
            channel: a.channel,
            time: Some(a.at.clone()),
            timezone: Some(a.timezone.clone()),
            digest: Some(a.digest.clone()),
            template: Some(a.template.clone()),
            role: Some(a.role),
            enabled: Some(a.enabled),
            language: a.language.clone(),
            remind_days: a.remind_days,
            remind_channel: a.remind_channel,
            no_reminders: a.remind_days.is_none() && a.remind_channel.is_none(),
            events: Some(a.events),
            events_ahead: a.events_ahead,
            events_milestones_only: Some(a.events_milestones_only),
            ..Change::default()
        }
    }

    /// Whether this change touches anniversary settings (not only the home cities).
    pub fn touches_anniversaries(&self) -> bool {
        self.fields().iter().any(|f| *f != Field::Homes) || self.language_if_unset.is_some()
    }

    /// The fields this change sets that changed between `base` (what the moderator saw) and
    /// `newer` (what the database holds now): none, and the change can be applied to `newer`.
    pub fn conflicts(&self, base: &ServerState, newer: &ServerState, inherited: &PostSettings) -> Vec<Field> {
        let (a, b) = (base.anniversaries_or(inherited), newer.anniversaries_or(inherited));
        self.fields().into_iter().filter(|f| f.value(&a, &base.homes) != f.value(&b, &newer.homes)).collect()
    }

    /// The state after this change, every rule checked: `state` itself is not changed.
    pub fn apply(&self, state: &ServerState, rules: &Rules) -> Result<ServerState, SettingsError> {
        let mut out = state.clone();
        if self.touches_anniversaries() {
            let mut a = state.anniversaries_or(rules.inherited);
            self.apply_anniversaries(&mut a, rules)?;
            // The rules of the whole, as it will be read back (a template not given here is not
            // measured again).
            a.settings(rules.inherited, SettingsOrigin::Defaults, None)?;
            out.anniversaries = Some(a);
        }
        if let Some(h) = &self.homes {
            out.homes = Some(h.apply(rules)?);
        }
        Ok(out)
    }

    fn apply_anniversaries(&self, a: &mut Anniversaries, rules: &Rules) -> Result<(), SettingsError> {
        if let Some(c) = self.channel {
            a.channel = Some(c);
            a.enabled = true;
        }
        if let Some(t) = &self.time {
            a.at = time(t)?.format("%H:%M").to_string();
        }
        if let Some(z) = &self.timezone {
            a.timezone = timezone(z)?.name().to_string();
        }
        if let Some(d) = &self.digest {
            let (m, d) = day(d)?;
            a.digest = format!("{m:02}-{d:02}");
        }
        if let Some(code) = &self.language {
            a.language = Some(language(code)?.code.to_string());
        } else if a.language.is_none() && rules.inherited.language.is_none() {
            a.language = self.language_if_unset.as_deref().and_then(|c| language(c).ok()).map(|l| l.code.to_string());
        }
        if let Some(t) = &self.template {
            a.template = match t {
                Some(t) => Some(template(t, rules.posts_from)?.source().to_string()),
                None => None,
            };
        }
        if let Some(r) = self.role {
            a.role = r.map(|r| role(r, rules.guild_id)).transpose()?;
        }
        if let Some(e) = self.enabled {
            a.enabled = e;
        }
        if let Some(c) = self.remind_channel {
            a.remind_channel = Some(c);
        }
        if let Some(d) = self.remind_days {
            a.remind_days = Some(d);
        }
        if self.no_reminders {
            (a.remind_days, a.remind_channel) = (None, None);
        }
        if let Some(d) = self.events_ahead {
            a.events_ahead = Some(events_ahead(d)?);
        }
        if let Some(m) = self.events_milestones_only {
            a.events_milestones_only = m;
        }
        if let Some(e) = self.events {
            a.events = e;
        }
        Ok(())
    }
}

impl HomesChange {
    /// The home cities chosen: every home chosen, in whatever order, is every home.
    fn apply(&self, rules: &Rules) -> Result<Homes, SettingsError> {
        let Some((loaded, answering)) = rules.homes else { return Ok(Homes::Every) };
        let names: Vec<String> = loaded.homes.iter().map(|h| h.name.clone()).collect();
        let named = |typed: &str| home(loaded, typed);
        let mut chosen = if self.every { Vec::new() } else { answering.to_vec() };
        if let Some(city) = &self.only {
            chosen = vec![named(city)?];
        }
        if let Some(add) = &self.add {
            let h = named(add)?;
            // Every home already: adding one changes nothing.
            if !chosen.is_empty() && !chosen.contains(&h) {
                chosen.push(h);
            }
        }
        if names.iter().all(|h| chosen.contains(h)) {
            chosen.clear();
        }
        Ok(if chosen.is_empty() { Homes::Every } else { Homes::Only(chosen) })
    }
}

#[cfg(test)]
mod tests;
