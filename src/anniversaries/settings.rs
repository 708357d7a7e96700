//! The anniversary settings in effect for a server: saved for that server with
//! `/anniversary-settings`, else `[anniversaries]` in config.toml, else the defaults.

use chrono::{DateTime, Utc};

use crate::anniversaries::schedule::Timing;
use crate::anniversaries::template::{Template, DEFAULT_TEMPLATE};

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
    /// The template used when the server has none of its own (config.toml's, or the built-in).
    pub default_template: Template,
    /// The one role automatic posts may ping.
    pub role_id: Option<u64>,
    pub origin: SettingsOrigin,
}

impl Default for PostSettings {
    fn default() -> Self {
        PostSettings {
            enabled: false,
            channel_id: None,
            timing: Timing::default(),
            template: Template::parse(DEFAULT_TEMPLATE).expect("the default template is valid"),
            custom_template: false,
            default_template: Template::parse(DEFAULT_TEMPLATE).expect("the default template is valid"),
            role_id: None,
            origin: SettingsOrigin::Defaults,
        }
    }
}

impl PostSettings {
    /// Whether automatic posts go out.
    pub fn posting(&self) -> Option<u64> {
        self.channel_id.filter(|_| self.enabled)
    }

    /// The settings a server saved; `defaults` supplies the template when it has none.
    pub fn from_stored(s: &StoredSettings, defaults: &PostSettings) -> Result<PostSettings, String> {
        let timing = Timing::parse(&s.timezone, &s.at, &s.digest)?;
        let template = match &s.template {
            Some(t) => Template::parse(t).map_err(|e| e.to_string())?,
            None => defaults.template.clone(),
        };
        Ok(PostSettings {
            enabled: s.enabled,
            channel_id: s.channel_id,
            timing,
            template,
            custom_template: s.template.is_some(),
            default_template: defaults.template.clone(),
            role_id: s.role_id,
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
        assert_eq!(back.template.source(), DEFAULT_TEMPLATE);
        assert!(!back.custom_template);
    }
}
