//! Actions a member began and finishes with a button or a form: a confirmation, a second form, a
//! preview. A press may reach another replica than the one that showed the button, and a
//! `custom_id` holds at most 100 characters, so the action is kept in the database, under the id
//! of the interaction that began it, and the button carries only that id and what it does
//! ([`custom_id`]).
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use chrono::{DateTime, Utc};

/// How long a member has to finish an action, in minutes (Discord's own interaction tokens last
/// 15 minutes: a button shown by a reply cannot be answered by editing it after that).
pub const PENDING_MINUTES: i64 = 15;

/// An action begun and not yet finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The id of the interaction that began it.
    pub id: u64,
    pub guild_id: u64,
    /// The one member who may finish it (their permission is checked again when they do).
    pub user_id: u64,
    /// The command that began it, as the registry names it ("town remove").
    pub command: String,
    /// The version of what it changes, as it was when the action began.
    pub base: i64,
    /// What the command needs to finish it.
    pub data: serde_json::Value,
    pub expires_at: DateTime<Utc>,
}

/// What a button or form sends back: "tb:ID:STEP" (ID the pending action's, STEP what to do).
pub fn custom_id(id: u64, step: &str) -> String {
    format!("tb:{id}:{step}")
}

/// The pending action's id and the step, from a `custom_id` (None: not one of ours).
pub fn parse_custom_id(s: &str) -> Option<(u64, &str)> {
    let rest = s.strip_prefix("tb:")?;
    let (id, step) = rest.split_once(':')?;
    let ok = !step.is_empty() && step.len() <= 32 && step.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    Some((id.parse().ok()?, step)).filter(|_| ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_and_fit_discord() {
        let id = custom_id(u64::MAX, "confirm");
        assert!(id.len() <= 100);
        assert_eq!(parse_custom_id(&id), Some((u64::MAX, "confirm")));
        for bad in ["", "tb:", "tb:1", "tb:x:confirm", "tb:1:", "xx:1:confirm", "tb:1:Confirm", "tb:-1:go"] {
            assert_eq!(parse_custom_id(bad), None, "{bad:?}");
        }
    }
}
