//! The anniversary settings in effect for a server, checked and ready to use: saved for that
//! server with `/anniversary-settings` (kept in its state, `crate::state`), else
//! `[anniversaries]` in config.toml, else the defaults.

use chrono::{DateTime, Utc};

use crate::anniversaries::dates::Anniversary;
use crate::anniversaries::events::EventSettings;
use crate::anniversaries::schedule::Timing;
use crate::anniversaries::template::Template;
use crate::core::data::Directory;
use crate::core::i18n::{self, Lang};

/// The most days ahead a reminder may be set.
pub const MAX_REMIND_DAYS: u32 = 90;

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
    /// Discord scheduled events for the anniversaries, when they are on.
    pub events: Option<EventSettings>,
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
            events: None,
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
}
