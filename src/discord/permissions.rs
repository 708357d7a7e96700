//! Discord's permission bits, and the bot's own permissions read off them.

use crate::commands::{Permission, Permissions};

/// Holds every permission, whatever the other bits say.
pub const ADMINISTRATOR: u64 = 1 << 3;
pub const MANAGE_MESSAGES: u64 = 1 << 13;
pub const MANAGE_GUILD: u64 = 1 << 5;
/// Use External Apps: the replies of an app a member added to their own account are public in a
/// server that has not added the app (without it, Discord shows them to the member alone).
pub const USE_EXTERNAL_APPS: u64 = 1 << 50;

/// Create Events: the bot may make scheduled events, and edit and delete its own.
pub const CREATE_EVENTS: u64 = 1 << 44;
/// Manage Events: any scheduled event (it includes creating them).
pub const MANAGE_EVENTS: u64 = 1 << 33;

/// Whether the bot, holding these bits in a server, may make scheduled events there.
pub fn creates_events(bits: u64) -> bool {
    bits & (CREATE_EVENTS | MANAGE_EVENTS | ADMINISTRATOR) != 0
}

/// Whether a member with these bits may have the apps on their account answer publicly where the
/// server has not added them (administrators may).
pub fn public_from_accounts(bits: u64) -> bool {
    bits & (USE_EXTERNAL_APPS | ADMINISTRATOR) != 0
}

/// The bit Discord uses for one of the bot's permissions.
pub fn bits(p: Permission) -> u64 {
    match p {
        Permission::ManageMessages => MANAGE_MESSAGES,
        Permission::ManageGuild => MANAGE_GUILD,
    }
}

/// The bot's permissions held by a member with these Discord bits (administrators hold all).
pub fn of(bits: u64) -> Permissions {
    if bits & ADMINISTRATOR != 0 {
        return Permissions::ALL;
    }
    let mut held = Permissions::NONE;
    if bits & MANAGE_MESSAGES != 0 {
        held = held.with(Permission::ManageMessages);
    }
    if bits & MANAGE_GUILD != 0 {
        held = held.with(Permission::ManageGuild);
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::Invocation;

    #[test]
    fn administrators_and_moderators_are_allowed() {
        let s = |p| Invocation::in_server(7, 1, 9, of(p));
        let mm = Permission::ManageMessages;
        assert!(s(MANAGE_MESSAGES).allows(mm));
        assert!(s(ADMINISTRATOR).allows(mm));
        assert!(s(MANAGE_MESSAGES | 1 << 11).allows(mm));
        assert!(!s(1 << 11).allows(mm), "Send Messages alone is not enough");
        let mg = Permission::ManageGuild;
        assert!(s(MANAGE_GUILD).allows(mg) && !s(MANAGE_GUILD).allows(mm));
        assert!(!s(MANAGE_MESSAGES).allows(mg), "a channel's moderators do not manage the server");
        assert!(s(ADMINISTRATOR).allows(mg));
        assert!(!s(0).allows(mm));
        let s = Invocation {
            channel_permissions: vec![(2, of(1 << 11)), (3, of(MANAGE_MESSAGES))],
            ..Invocation::in_server(7, 1, 9, of(MANAGE_MESSAGES))
        };
        assert!(s.allows_in(1, mm));
        assert!(!s.allows_in(2, mm), "not a moderator there");
        assert!(s.allows_in(3, mm));
        assert!(!s.allows_in(4, mm), "unknown channel");
        assert_eq!(bits(mm), 8192);
    }
}
