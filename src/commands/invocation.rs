//! Who is asking and where: the terminal, a direct message, or a member in a server channel with
//! the permissions Discord computed, in the bot's own terms.

use crate::commands::Args;

/// A permission a command can need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Manage Messages: the moderators of a channel.
    ManageMessages,
    /// Manage Server: those who run the server (its own town).
    ManageGuild,
}

impl Permission {
    /// Its name as members see it in their server settings.
    pub fn name(self) -> &'static str {
        match self {
            Permission::ManageMessages => "Manage Messages",
            Permission::ManageGuild => "Manage Server",
        }
    }
}

/// The permissions a member holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Permissions {
    manage_messages: bool,
    manage_guild: bool,
}

impl Permissions {
    pub const NONE: Permissions = Permissions { manage_messages: false, manage_guild: false };
    pub const ALL: Permissions = Permissions { manage_messages: true, manage_guild: true };

    pub fn with(mut self, p: Permission) -> Permissions {
        match p {
            Permission::ManageMessages => self.manage_messages = true,
            Permission::ManageGuild => self.manage_guild = true,
        }
        self
    }

    pub fn holds(self, p: Permission) -> bool {
        match p {
            Permission::ManageMessages => self.manage_messages,
            Permission::ManageGuild => self.manage_guild,
        }
    }
}

/// What a member did: used a command, pressed one of its buttons, or sent one of its forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Act {
    #[default]
    Command,
    /// A button: the pending action it belongs to, and the step it takes.
    Button { pending: u64, step: String },
    /// A form: the pending action, the step, and what was written in each input (by its id).
    Form { pending: u64, step: String, fields: Vec<(String, String)> },
}

impl Act {
    /// The pending action a button or form belongs to, and its step.
    pub fn step(&self) -> Option<(u64, &str)> {
        match self {
            Act::Command => None,
            Act::Button { pending, step } | Act::Form { pending, step, .. } => Some((*pending, step)),
        }
    }

    /// What was written in a form's input (None: not a form, or no such input).
    pub fn field(&self, id: &str) -> Option<&str> {
        match self {
            Act::Form { fields, .. } => fields.iter().find(|(i, _)| i == id).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Where a command came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The operator's terminal (`twinbot ask`): trusted, and nothing is posted.
    Terminal,
    /// The chat: a server channel, or a direct message when there is no server.
    Chat,
}

/// One use of a command: what was asked, by whom, where, and in which language. Every transport
/// reads its own input into one of these; the application answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// The transport's id for this use (Discord's interaction id; 0 in the terminal). A post
    /// the command makes is sent with it as its nonce, so a retried use posts once.
    pub id: u64,
    /// The command's name.
    pub command: String,
    pub args: Args,
    pub via: Via,
    /// The server whose state answers it, or None: in a direct message or group, in the
    /// terminal, and in a server that has not added twinbot (a member used it through their own
    /// account), where the default home cities answer.
    pub guild_id: Option<u64>,
    /// The channel the command was used in (0 in the terminal).
    pub channel_id: u64,
    /// Who used it (0 in the terminal).
    pub user_id: u64,
    /// The member's permissions in that channel (every permission in the terminal).
    pub permissions: Permissions,
    /// The member's permissions in the channels the command's options name: (channel, held).
    pub channel_permissions: Vec<(u64, Permissions)>,
    /// The member's language (a Discord locale such as `en-GB` or `de`).
    pub locale: String,
    /// The server's language, when there is a server.
    pub guild_locale: Option<String>,
    /// The home cities this server's commands answer for, as indices into the directory's
    /// homes; empty means every home loaded.
    pub homes: Vec<usize>,
    /// A command, or a press of one of its buttons or a form it showed.
    pub act: Act,
    /// Whether the bot may create scheduled events in the server (Discord's `app_permissions`);
    /// None where that is not known.
    pub bot_creates_events: Option<bool>,
}

impl Invocation {
    /// A command typed in the operator's terminal.
    /// The language to answer in: the member's, else the server's, else English.
    pub fn lang(&self) -> crate::core::i18n::Lang {
        crate::core::i18n::resolve(Some(&self.locale), self.guild_locale.as_deref())
    }

    pub fn terminal(command: &str, args: Args) -> Invocation {
        Invocation {
            id: 0,
            command: command.to_string(),
            args,
            via: Via::Terminal,
            guild_id: None,
            channel_id: 0,
            user_id: 0,
            permissions: Permissions::ALL,
            channel_permissions: Vec::new(),
            locale: "en-GB".to_string(),
            guild_locale: None,
            homes: Vec::new(),
            act: Act::Command,
            bot_creates_events: None,
        }
    }

    /// A command used by a member in a server channel, holding `permissions` there.
    pub fn in_server(guild_id: u64, channel_id: u64, user_id: u64, permissions: Permissions) -> Invocation {
        Invocation {
            via: Via::Chat,
            guild_id: Some(guild_id),
            channel_id,
            user_id,
            permissions,
            ..Invocation::terminal("", Args::new())
        }
    }

    /// Whether the member holds `p` here.
    pub fn allows(&self, p: Permission) -> bool {
        self.permissions.holds(p)
    }

    /// Whether the member holds `p` in `channel` (a channel Discord did not resolve for this
    /// command counts as no).
    pub fn allows_in(&self, channel: u64, p: Permission) -> bool {
        if channel == self.channel_id {
            return self.allows(p);
        }
        self.channel_permissions.iter().any(|&(c, held)| c == channel && held.holds(p))
    }
}
