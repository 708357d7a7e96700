//! Discord's REST API for posts: sending with a nonce, looking for an earlier copy, and what
//! Discord's errors mean.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serenity::all::{
    ChannelId, Command, CreateAllowedMentions, CreateAttachment, CreateMessage, CreateScheduledEvent,
    EditScheduledEvent, GetMessages, GuildId, Http, MessageId, Nonce, RoleId, ScheduledEventId, ScheduledEventType,
    Timestamp,
};
use serenity::async_trait;

use crate::app::Registrar;
use crate::core::reply::{shorten, Text};
use crate::discord::limits;
use crate::discord::markdown::{markdown, message_content};
use crate::discord::register::create_commands;
use crate::ledger::events::{EventHost, EventSpec};
use crate::ledger::poster::{Outbox, Outgoing, Refusal, SendError};

/// Discord's REST API as the application uses it: posts through `POST /channels/{id}/messages`
/// with a nonce and `enforce_nonce`, mentions limited to the one configured role; and the
/// registration of the commands, to one server or globally.
pub struct DiscordRest {
    pub http: Arc<Http>,
    /// The bot's own user id, to recognise its messages.
    pub bot_id: u64,
    /// Register the commands to this server only (instant); globally when None.
    pub guild_id: Option<GuildId>,
}

#[async_trait]
impl Registrar for DiscordRest {
    async fn register(&self, left_out: &[&'static str]) -> Result<String, String> {
        let cmds = create_commands(left_out);
        match self.guild_id {
            Some(g) => g.set_commands(&self.http, cmds).await.map(|_| format!("server {g}")),
            None => Command::set_global_commands(&self.http, cmds).await.map(|_| "all servers (global)".to_string()),
        }
        .map_err(|e| e.to_string())
    }
}

fn send_error(e: serenity::Error) -> SendError {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r))
            if r.status_code.is_client_error() && r.status_code.as_u16() != 429 =>
        {
            SendError::Refused {
                reason: refusal(r.error.code as i64),
                status: r.status_code.as_u16(),
                code: r.error.code as i64,
                message: if r.error.message.is_empty() {
                    r.status_code.canonical_reason().unwrap_or("refused").to_string()
                } else {
                    r.error.message
                },
            }
        }
        other => SendError::Transient(other.to_string()),
    }
}

/// How many pages of 100 messages the poster reads when it looks for a post it may have made.
const FIND_PAGES: usize = 10;

/// The smallest message id Discord can give at `t`.
fn snowflake_at(t: DateTime<Utc>) -> u64 {
    const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;
    ((t.timestamp_millis() - DISCORD_EPOCH_MS).max(0) as u64) << 22
}

/// The mentions a post may make: only the one role, never @everyone, @here or users.
pub fn post_mentions(role_id: Option<u64>) -> CreateAllowedMentions {
    match role_id {
        Some(r) => CreateAllowedMentions::new().roles([RoleId::new(r)]),
        None => CreateAllowedMentions::new(),
    }
}

/// Discord's JSON error codes the bot explains to moderators.
pub mod codes {
    pub const UNKNOWN_CHANNEL: i64 = 10003;
    pub const MISSING_ACCESS: i64 = 50001;
    pub const MISSING_PERMISSIONS: i64 = 50013;
    pub const UNKNOWN_EVENT: i64 = 10070;
}

/// What a refusal's error code means, in the bot's terms.
pub fn refusal(code: i64) -> Refusal {
    match code {
        codes::MISSING_PERMISSIONS => Refusal::MissingPermissions,
        codes::MISSING_ACCESS => Refusal::MissingAccess,
        codes::UNKNOWN_CHANNEL => Refusal::UnknownChannel,
        codes::UNKNOWN_EVENT => Refusal::UnknownEvent,
        _ => Refusal::Other,
    }
}

/// A refusal as Discord words it (for test doubles of Discord).
pub fn refused(status: u16, code: i64, message: &str) -> SendError {
    SendError::Refused { reason: refusal(code), status, code, message: message.to_string() }
}

/// The nonce a post is sent with: the ledger's key for it, kept to Discord's length (the key
/// ends with its unique number, so the end is what is kept).
pub fn wire_nonce(key: &str) -> String {
    let n = key.chars().count();
    key.chars().skip(n.saturating_sub(limits::NONCE)).collect()
}

#[async_trait]
impl Outbox for DiscordRest {
    fn render(&self, text: &Text) -> String {
        message_content(text)
    }

    fn nonce_memory(&self) -> chrono::Duration {
        chrono::Duration::minutes(limits::NONCE_MEMORY_MINUTES)
    }

    fn link(&self, guild_id: u64, channel_id: u64, message_id: u64) -> Option<String> {
        Some(format!("https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"))
    }

    fn events(&self) -> Option<&dyn EventHost> {
        Some(self)
    }

    async fn send(&self, post: &Outgoing) -> Result<u64, SendError> {
        let message = CreateMessage::new()
            .content(post.content.clone())
            .nonce(Nonce::String(wire_nonce(&post.nonce)))
            .enforce_nonce(true)
            .allowed_mentions(post_mentions(post.role_id));
        let sent = ChannelId::new(post.channel_id).send_message(&self.http, message).await.map_err(send_error)?;
        Ok(sent.id.get())
    }

    async fn find_posted(&self, post: &Outgoing, after: DateTime<Utc>) -> Result<Option<u64>, SendError> {
        // Page forward from the first message id possible at `after` (a snowflake's top bits
        // are milliseconds since 2015), at most FIND_PAGES pages of 100.
        let mut cursor = MessageId::new(snowflake_at(after).max(1));
        for _ in 0..FIND_PAGES {
            let page = ChannelId::new(post.channel_id)
                .messages(&self.http, GetMessages::new().after(cursor).limit(100))
                .await
                .map_err(send_error)?;
            if let Some(m) =
                page.iter().find(|m| m.author.id.get() == self.bot_id && m.content.trim() == post.content.trim())
            {
                return Ok(Some(m.id.get()));
            }
            match page.iter().map(|m| m.id).max() {
                Some(newest) if page.len() == 100 => cursor = newest,
                _ => return Ok(None),
            }
        }
        Ok(None)
    }
}

/// A moment as Discord's timestamps take it.
fn timestamp(t: DateTime<Utc>) -> Timestamp {
    Timestamp::from_unix_timestamp(t.timestamp()).unwrap_or_else(|_| Timestamp::now())
}

/// A refusal from the scheduled-event endpoints: a missing permission there is Create Events.
fn event_error(e: serenity::Error) -> SendError {
    match send_error(e) {
        SendError::Refused { reason: Refusal::MissingPermissions | Refusal::MissingAccess, status, code, message } => {
            SendError::Refused { reason: Refusal::CannotManageEvents, status, code, message }
        }
        other => other,
    }
}

/// Scheduled events through `/guilds/{id}/scheduled-events`: EXTERNAL events, visible to the
/// server's members, with the cover as a data URI.
#[async_trait]
impl EventHost for DiscordRest {
    fn describe(&self, text: &str, marker: &str) -> String {
        // Markdown renders in an event's description: the text is escaped, and cut to leave room
        // for the marker's line.
        let room = limits::EVENT_DESCRIPTION - marker.chars().count() - 2;
        format!("{}\n\n{marker}", markdown(&Text::plain(text), room).trim())
    }

    fn link(&self, guild_id: u64, event_id: u64) -> Option<String> {
        Some(format!("https://discord.com/events/{guild_id}/{event_id}"))
    }

    async fn create(&self, guild_id: u64, e: &EventSpec) -> Result<u64, SendError> {
        let cover = e.cover.as_ref().map(|png| CreateAttachment::bytes(png.clone(), "cover.png"));
        let mut b = CreateScheduledEvent::new(
            ScheduledEventType::External,
            shorten(&e.name, limits::EVENT_NAME),
            timestamp(e.start),
        )
        .location(shorten(&e.location, limits::EVENT_LOCATION))
        .end_time(timestamp(e.end))
        .description(e.description.clone());
        if let Some(c) = &cover {
            b = b.image(c);
        }
        let made = GuildId::new(guild_id).create_scheduled_event(&self.http, b).await.map_err(event_error)?;
        Ok(made.id.get())
    }

    async fn edit(&self, guild_id: u64, event_id: u64, e: &EventSpec) -> Result<(), SendError> {
        let cover = e.cover.as_ref().map(|png| CreateAttachment::bytes(png.clone(), "cover.png"));
        let mut b = EditScheduledEvent::new()
            .name(shorten(&e.name, limits::EVENT_NAME))
            .location(shorten(&e.location, limits::EVENT_LOCATION))
            .start_time(timestamp(e.start))
            .end_time(timestamp(e.end))
            .description(e.description.clone());
        if let Some(c) = &cover {
            b = b.image(c);
        }
        GuildId::new(guild_id)
            .edit_scheduled_event(&self.http, ScheduledEventId::new(event_id), b)
            .await
            .map_err(event_error)?;
        Ok(())
    }

    async fn delete(&self, guild_id: u64, event_id: u64) -> Result<(), SendError> {
        GuildId::new(guild_id)
            .delete_scheduled_event(&self.http, ScheduledEventId::new(event_id))
            .await
            .map_err(event_error)
    }

    async fn find(&self, guild_id: u64, marker: &str) -> Result<Option<u64>, SendError> {
        let events = GuildId::new(guild_id).scheduled_events(&self.http, false).await.map_err(event_error)?;
        Ok(events
            .iter()
            .find(|e| {
                e.creator_id.is_some_and(|c| c.get() == self.bot_id)
                    && e.description.as_deref().is_some_and(|d| d.lines().any(|l| l.trim() == marker))
            })
            .map(|e| e.id.get()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_and_nonces() {
        assert_eq!(refusal(50013), Refusal::MissingPermissions);
        assert_eq!(refusal(10003), Refusal::UnknownChannel);
        assert_eq!(refusal(40001), Refusal::Other);
        assert_eq!(wire_nonce("twinbot-1"), "twinbot-1");
        let long = format!("twinbot-{}", i64::MAX);
        assert_eq!(wire_nonce(&long).chars().count(), limits::NONCE);
        assert!(wire_nonce(&long).ends_with(&i64::MAX.to_string()), "the unique number is kept");
    }
}
