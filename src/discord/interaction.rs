//! Interactions: what Discord sends, read into a command and its arguments; the reply rendered
//! as the interaction response serenity sends back.
//!
//! [`respond`] is pure apart from reading the bot's data and settings (an interaction in, the
//! response out), so tests drive it with real Discord payloads.

use chrono::{DateTime, Utc};
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, CreateAllowedMentions, CreateAutocompleteResponse, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage, Interaction,
};

use crate::app::Service;
use crate::commands::{self, Args, CommandSpec, Ctx, Origin, Server, Value};
use crate::core::reply::{shorten, Action, Reply, Text};
use crate::discord::markdown::markdown;
use crate::discord::{limits, permissions};

/// Renders a reply as an embed within Discord's limits.
pub fn embed(reply: &Reply) -> CreateEmbed {
    // Titles, field names and footers hold only the bot's and the data's words, never user text.
    let title = shorten(&reply.title, limits::TITLE);
    let footer = reply.footer.as_ref().map(|f| shorten(f, limits::FOOTER));
    let mut fields: Vec<(String, String, bool)> = reply
        .fields
        .iter()
        .take(limits::FIELDS)
        .map(|f| (shorten(&f.name, limits::FIELD_NAME), markdown(&f.value, limits::FIELD_VALUE), f.inline))
        .collect();
    let mut description = markdown(&reply.description, limits::DESCRIPTION);
    let len = |s: &str| s.chars().count();
    let fixed = len(&title) + footer.as_deref().map_or(0, len);
    let total = |d: &str, fs: &[(String, String, bool)]| {
        fixed + len(d) + fs.iter().map(|(n, v, _)| len(n) + len(v)).sum::<usize>()
    };
    while total(&description, &fields) > limits::TOTAL && !fields.is_empty() {
        fields.pop();
    }
    if total(&description, &fields) > limits::TOTAL {
        description = markdown(&reply.description, limits::TOTAL.saturating_sub(fixed));
    }
    let mut e = CreateEmbed::new().title(title);
    if !description.is_empty() {
        e = e.description(description);
    }
    for (name, value, inline) in fields {
        e = e.field(name, value, inline);
    }
    if let Some(f) = footer {
        e = e.footer(CreateEmbedFooter::new(f));
    }
    if let Some(c) = reply.colour {
        e = e.colour(c);
    }
    e
}

/// The interaction response for a reply: an embed, ephemeral when the reply says so, and
/// mentions disabled whatever the text contains.
pub fn message(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .embed(embed(reply))
            .ephemeral(reply.ephemeral)
            .allowed_mentions(CreateAllowedMentions::new()),
    )
}

fn option_value(v: &CommandDataOptionValue) -> Value {
    match v {
        CommandDataOptionValue::String(s) => Value::Str(s.clone()),
        CommandDataOptionValue::Integer(i) => Value::Int(*i),
        CommandDataOptionValue::Boolean(b) => Value::Bool(*b),
        CommandDataOptionValue::Channel(c) => Value::Channel(c.get()),
        CommandDataOptionValue::Role(r) => Value::Role(r.get()),
        CommandDataOptionValue::Autocomplete { value, .. } => Value::Str(value.clone()),
        CommandDataOptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::Int(*n as i64),
        _ => Value::Other,
    }
}

/// The command's arguments, from the interaction's options.
pub fn args_of(cmd: &CommandInteraction) -> Args {
    Args(cmd.data.options.iter().map(|o| (o.name.clone(), option_value(&o.value))).collect())
}

/// The bot's answer to an interaction: the response, and what else to do (post, save).
pub struct Answer {
    pub response: CreateInteractionResponse,
    pub action: Option<Action>,
}

/// The server and member a command came from, with the server's records for moderator
/// commands (only they need the database).
async fn server_of(service: &Service, cmd: &CommandInteraction, spec: Option<&CommandSpec>) -> Option<Server> {
    let guild_id = cmd.guild_id?.get();
    let bits = cmd.member.as_ref().and_then(|m| m.permissions).map_or(0, |p| p.bits());
    let mut server = Server {
        guild_id,
        channel_id: cmd.channel_id.get(),
        user_id: cmd.user.id.get(),
        permissions: permissions::of(bits),
        channel_permissions: cmd
            .data
            .resolved
            .channels
            .iter()
            .map(|(id, c)| (id.get(), permissions::of(c.permissions.map_or(0, |p| p.bits()))))
            .collect(),
        ledger: Vec::new(),
    };
    if let Some(needed) = spec.and_then(|s| s.needs) {
        if server.allows(needed) {
            server.ledger = service.store().posts(guild_id).await.unwrap_or_else(|e| {
                tracing::error!("cannot read this server's posts: {e}");
                Vec::new()
            });
        }
    }
    Some(server)
}

/// The answer to an interaction at `now`, or None for interactions the bot does not handle.
/// Pure apart from reading the service's data and settings.
pub async fn respond(service: &Service, interaction: &Interaction, now: DateTime<Utc>) -> Option<Answer> {
    let dir = service.directory();
    match interaction {
        Interaction::Command(cmd) => {
            let spec = commands::find(&cmd.data.name);
            let posting = service.settings_for(cmd.guild_id.map(|g| g.get()));
            let today = now.with_timezone(&posting.timing.tz).date_naive();
            let server = server_of(service, cmd, spec).await;
            let origin = server.as_ref().map_or(Origin::Direct, Origin::Server);
            let ctx = Ctx { dir: &dir, today, locale: &cmd.locale, origin, posting: &posting };
            let reply = match spec {
                Some(spec) => commands::run(spec, &ctx, &args_of(cmd)),
                None => Reply::invalid(
                    Text::plain("I don't know the command /")
                        .user(cmd.data.name.clone())
                        .text(". It may have been removed: try /about for the commands I have."),
                ),
            };
            Some(Answer { response: message(&reply), action: reply.action.map(|a| *a) })
        }
        Interaction::Autocomplete(cmd) => {
            let posting = service.settings_for(cmd.guild_id.map(|g| g.get()));
            let today = now.with_timezone(&posting.timing.tz).date_naive();
            let ctx = Ctx { dir: &dir, today, locale: &cmd.locale, origin: Origin::Direct, posting: &posting };
            let choices = match (commands::find(&cmd.data.name), cmd.data.autocomplete()) {
                (Some(spec), Some(focused)) => match spec.complete {
                    Some(complete) => complete(&ctx, focused.name, focused.value),
                    None => Vec::new(),
                },
                _ => Vec::new(),
            };
            let mut r = CreateAutocompleteResponse::new();
            for c in choices.into_iter().take(limits::CHOICES) {
                r = r.add_string_choice(c.name, c.value);
            }
            Some(Answer { response: CreateInteractionResponse::Autocomplete(r), action: None })
        }
        _ => None,
    }
}
