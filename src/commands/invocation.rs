//! Who is asking and where: the terminal, a direct message, or a member in a server channel with
//! the permissions Discord computed, in the bot's own terms.

use crate::ledger::PostRecord;

/// A permission a command can need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Manage Messages: the moderators of a channel.
    ManageMessages,
}

impl Permission {
    /// Its name as members see it in their server settings.
    pub fn name(self) -> &'static str {
        match self {
            Permission::ManageMessages => "Manage Messages",
        }
    }
}

/// The permissions a member holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Permissions {
    manage_messages: bool,
}

impl Permissions {
    pub const NONE: Permissions = Permissions { manage_messages: false };
    pub const ALL: Permissions = Permissions { manage_messages: true };

    pub fn with(mut self, p: Permission) -> Permissions {
        match p {
            Permission::ManageMessages => self.manage_messages = true,
        }
        self
    }

    pub fn holds(self, p: Permission) -> bool {
        match p {
            Permission::ManageMessages => self.manage_messages,
        }
    }
}

/// Where a command was used.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// The operator's terminal (`twinbot ask`): trusted, and nothing is posted.
    Cli,
    /// A direct message with the bot: no server, so no moderator commands.
    Direct,
    /// A server channel.
    Server(&'a Server),
}

/// What the bot knows of the server and member a command came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Server {
    pub guild_id: u64,
    /// The channel the command was used in.
    pub channel_id: u64,
    pub user_id: u64,
    /// The member's permissions in that channel.
    pub permissions: Permissions,
    /// The member's permissions in the channels named by the command's options:
    /// (channel, permissions).
    pub channel_permissions: Vec<(u64, Permissions)>,
    /// The server's ledger, newest first (loaded for moderator commands).
    pub ledger: Vec<PostRecord>,
}

impl Server {
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
