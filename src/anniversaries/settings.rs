//! The anniversary settings in effect for a server: saved for that server with
//! `/anniversary-settings`, else `[anniversaries]` in config.toml, else the defaults.

use chrono::{DateTime, Utc};

use crate::anniversaries::dates::Anniversary;
use crate::anniversaries::schedule::Timing;
use crate::anniversaries::template::Template;
use crate::core::data::Directory;
use crate::core::i18n::{self, Lang};

/// The most days ahead a reminder may be set.
pub const MAX_REMIND_DAYS: u32 = 90;

/// A server's anniversary settings as the database keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSettings {
    pub guild_id: u64,
    pub enabled: bool,
    pub channel_id: Option<u64>,
    pub at: String,
    pub timezone: String,
    pub digest: String,
    pub template: Option<String>,
    pub role_id: Option<u64>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<u64>,
    /// The posts' language (a Discord locale), if one was chosen.
    pub language: Option<String>,
    /// Advance reminders: how many days before each anniversary, and to which channel.
    pub remind_days: Option<u32>,
    pub remind_channel_id: Option<u64>,
}

/// Where settings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsOrigin {
    /// Saved for the server with /anniversary-settings.
    Server { updated_at: DateTime<Utc>, updated_by: Option<u64> },
    /// `[anniversaries]` in config.toml.
    ConfigFile,
    /// Nothing set: the defaults (posting off).
    Defaults,
}

/// Anniversary settings, checked and ready to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSettings {
    /// Whether automatic posts are on (they also need a channel).
    pub enabled: bool,
    pub channel_id: Option<u64>,
    pub timing: Timing,
    pub template: Template,
    /// Whether the template is the server's own (not inherited).
    pub custom_template: bool,
    /// The operator's template from config.toml; none: the built-in one of the posts' language.
    pub default_template: Option<Template>,
    /// The language of the posts; none: English.
    pub language: Option<Lang>,
    /// The one role automatic posts may ping.
    pub role_id: Option<u64>,
    /// Advance reminders to the moderators: how many days before each anniversary (1–90).
    pub remind_days: Option<u32>,
    /// Where the reminders go (they ping nobody).
    pub remind_channel_id: Option<u64>,
    pub origin: SettingsOrigin,
}

impl Default for PostSettings {
    fn default() -> Self {
        PostSettings {
            enabled: false,
            channel_id: None,
            timing: Timing::default(),
            template: Template::builtin(i18n::default()),
            custom_template: false,
            default_template: None,
            language: None,
            role_id: None,
            remind_days: None,
            remind_channel_id: None,
            origin: SettingsOrigin::Defaults,
        }
    }
}

impl PostSettings {
    /// Whether automatic posts go out.
    pub fn posting(&self) -> Option<u64> {
        self.channel_id.filter(|_| self.enabled)
    }

    /// Whether advance reminders go out: (channel, days ahead).
    pub fn reminding(&self) -> Option<(u64, u32)> {
        self.remind_channel_id.zip(self.remind_days)
    }

    /// The settings a server saved; `defaults` supplies the template when it has none.
    /// The language the posts are written in.
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(i18n::default)
    }

    /// The template in effect: the server's own, else the operator's, else the built-in one of
    /// the posts' language.
    pub fn template_in_effect(&self) -> Template {
        match (&self.default_template, self.custom_template) {
            (_, true) => self.template.clone(),
            (Some(t), false) => t.clone(),
            (None, false) => Template::builtin(self.lang()),
        }
    }

    /// The announcement of an anniversary as it is posted: the template in effect, its dates and
    /// words in the posts' language.
    pub fn render(&self, dir: &Directory, a: &Anniversary) -> String {
        self.template_in_effect().render(dir, a, self.lang())
    }

    pub fn from_stored(s: &StoredSettings, defaults: &PostSettings) -> Result<PostSettings, String> {
        if let Some(d) = s.remind_days.filter(|d| !(1..=MAX_REMIND_DAYS).contains(d)) {
            return Err(format!("reminders {d} days ahead: must be from 1 to {MAX_REMIND_DAYS}"));
        }
        let timing = Timing::parse(&s.timezone, &s.at, &s.digest)?;
        let template = match &s.template {
            Some(t) => Template::parse(t).map_err(|e| e.to_string())?,
            None => defaults.template.clone(),
        };
        let language = match &s.language {
            Some(code) => Some(i18n::lang(code).ok_or_else(|| format!("{code:?} is not a language twinbot speaks"))?),
            None => defaults.language,
        };
        Ok(PostSettings {
            enabled: s.enabled,
            channel_id: s.channel_id,
            timing,
            template,
            custom_template: s.template.is_some(),
            default_template: defaults.default_template.clone(),
            language,
            role_id: s.role_id,
            remind_days: s.remind_days,
            remind_channel_id: s.remind_channel_id,
            origin: SettingsOrigin::Server { updated_at: s.updated_at, updated_by: s.updated_by },
        })
    }

    /// These settings as a row to store for `guild_id`.
    pub fn to_stored(&self, guild_id: u64, now: DateTime<Utc>, by: Option<u64>) -> StoredSettings {
        StoredSettings {
            guild_id,
            enabled: self.enabled,
            channel_id: self.channel_id,
            at: self.timing.at.format("%H:%M").to_string(),
            timezone: self.timing.tz.name().to_string(),
            digest: format!("{:02}-{:02}", self.timing.digest.0, self.timing.digest.1),
            template: self.custom_template.then(|| self.template.source().to_string()),
            role_id: self.role_id,
            updated_at: now,
            updated_by: by,
            language: self.language.map(|l| l.code.to_string()),
            remind_days: self.remind_days,
            remind_channel_id: self.remind_channel_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_settings_round_trip() {
        let now = Utc::now();
        let p = PostSettings {
            enabled: true,
            channel_id: Some(9),
            role_id: Some(10),
            timing: Timing::parse("Asia/Tokyo", "18:30", "02-29").unwrap(),
            template: Template::parse("{partner} {years}").unwrap(),
            custom_template: true,
            ..PostSettings::default()
        };
        let stored = p.to_stored(7, now, Some(3));
        assert_eq!(
            (stored.at.as_str(), stored.timezone.as_str(), stored.digest.as_str()),
            ("18:30", "Asia/Tokyo", "02-29")
        );
        let back = PostSettings::from_stored(&stored, &PostSettings::default()).unwrap();
        assert_eq!(back, PostSettings { origin: SettingsOrigin::Server { updated_at: now, updated_by: Some(3) }, ..p });
        let inherited = StoredSettings { template: None, ..stored };
        let back = PostSettings::from_stored(&inherited, &PostSettings::default()).unwrap();
        assert_eq!(back.template.source(), crate::anniversaries::template::DEFAULT_TEMPLATE);
        assert!(!back.custom_template);
    }
}
