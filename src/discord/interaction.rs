//! Interactions: what Discord sends, read into an [`Invocation`]; the application's answer
//! rendered as the interaction response serenity sends back.
//!
//! [`respond`] takes an interaction and returns the response (and the effect the application is
//! to carry out), so tests drive it with real Discord payloads.

use chrono::{DateTime, Utc};
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, CreateAllowedMentions, CreateAttachment, CreateAutocompleteResponse,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
    EditInteractionResponse, Interaction,
};

use crate::app::App;
use crate::commands::{Args, Effect, Invocation, Value, Via};
use crate::core::reply::{shorten, Reply};
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
    let with_notes = reply.description_with_notes();
    let mut description = markdown(&with_notes, limits::DESCRIPTION);
    let len = |s: &str| s.chars().count();
    let fixed = len(&title) + footer.as_deref().map_or(0, len);
    let total = |d: &str, fs: &[(String, String, bool)]| {
        fixed + len(d) + fs.iter().map(|(n, v, _)| len(n) + len(v)).sum::<usize>()
    };
    while total(&description, &fields) > limits::TOTAL && !fields.is_empty() {
        fields.pop();
    }
    if total(&description, &fields) > limits::TOTAL {
        description = markdown(&with_notes, limits::TOTAL.saturating_sub(fixed));
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
    if let Some(shown) = reply.attachments.iter().find(|a| a.shown) {
        e = e.image(format!("attachment://{}", shown.name));
    }
    e
}

/// The interaction response for a reply: an embed, ephemeral when the reply says so, and
/// mentions disabled whatever the text contains.
/// Its files go with it (multipart `files[n]`).
pub fn message(reply: &Reply) -> CreateInteractionResponse {
    let mut m = CreateInteractionResponseMessage::new()
        .embed(embed(reply))
        .ephemeral(reply.ephemeral)
        .allowed_mentions(CreateAllowedMentions::new());
    for a in &reply.attachments {
        m = m.add_file(CreateAttachment::bytes(a.bytes.to_vec(), a.name.clone()).description(a.description.clone()));
    }
    CreateInteractionResponse::Message(m)
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

/// The follow-up that replaces a deferred answer: the reply's embed and files, no pings.
pub fn edit(reply: &Reply) -> EditInteractionResponse {
    let mut e = EditInteractionResponse::new().embed(embed(reply)).allowed_mentions(CreateAllowedMentions::new());
    for a in &reply.attachments {
        e = e.new_attachment(
            CreateAttachment::bytes(a.bytes.to_vec(), a.name.clone()).description(a.description.clone()),
        );
    }
    e
}

/// The command's arguments, from the interaction's options (the one being typed left out).
pub fn args_of(cmd: &CommandInteraction) -> Args {
    let options = cmd.data.options.iter().filter(|o| !matches!(o.value, CommandDataOptionValue::Autocomplete { .. }));
    Args(options.map(|o| (o.name.clone(), option_value(&o.value))).collect())
}

/// The invocation an interaction is: the command, its arguments, and the member's server,
/// channel, permissions (there and in the channels its options name) and languages.
pub fn invocation(cmd: &CommandInteraction) -> Invocation {
    let bits = cmd.member.as_ref().and_then(|m| m.permissions).map_or(0, |p| p.bits());
    Invocation {
        id: cmd.id.get(),
        command: cmd.data.name.clone(),
        args: args_of(cmd),
        via: Via::Chat,
        guild_id: cmd.guild_id.map(|g| g.get()),
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
        locale: cmd.locale.clone(),
        guild_locale: cmd.guild_locale.clone(),
        homes: Vec::new(),
    }
}

/// The language to answer an interaction in: the member's, else the server's, else English.
pub fn lang_of(interaction: &Interaction) -> crate::core::i18n::Lang {
    let (member, server) = match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => (Some(&c.locale), c.guild_locale.as_ref()),
        Interaction::Component(c) => (Some(&c.locale), c.guild_locale.as_ref()),
        Interaction::Modal(m) => (Some(&m.locale), m.guild_locale.as_ref()),
        _ => (None, None),
    };
    crate::core::i18n::resolve(member.map(String::as_str), server.map(String::as_str))
}

/// What the bot sends back for an interaction, and what the application is to do besides.
pub struct Response {
    pub response: CreateInteractionResponse,
    pub effect: Option<Effect>,
    /// The reply, when it carries files: the HTTP transport cannot send files in its response
    /// and sends them in an edit of the acknowledgement instead.
    pub with_files: Option<Reply>,
}

/// The response to an interaction at `now`, or None for interactions the bot does not handle.
pub async fn respond(app: &App, interaction: &Interaction, now: DateTime<Utc>) -> Option<Response> {
    match interaction {
        Interaction::Command(cmd) => {
            let answer = app.handle(&invocation(cmd), now).await;
            let with_files = (!answer.reply.attachments.is_empty()).then(|| answer.reply.clone());
            Some(Response { response: message(&answer.reply), effect: answer.effect, with_files })
        }
        Interaction::Autocomplete(cmd) => {
            let choices = match cmd.data.autocomplete() {
                Some(focused) => app.complete(&invocation(cmd), focused.name, focused.value, now).await,
                None => Vec::new(),
            };
            let mut r = CreateAutocompleteResponse::new();
            for c in choices.into_iter().take(limits::CHOICES) {
                r = r.add_string_choice(shorten(&c.name, limits::CHOICE_TEXT), shorten(&c.value, limits::CHOICE_TEXT));
            }
            Some(Response { response: CreateInteractionResponse::Autocomplete(r), effect: None, with_files: None })
        }
        _ => None,
    }
}

/// Carries out a quick effect (saving settings) before answering: the command's own response,
/// or what to show instead (why the settings were not saved). Both transports answer so.
pub async fn apply_quick(
    app: &App,
    c: &CommandInteraction,
    effect: Effect,
    response: CreateInteractionResponse,
) -> CreateInteractionResponse {
    match app.apply(&invocation(c), effect, Utc::now()).await {
        None => response,
        Some(instead) => message(&instead),
    }
}

/// Carries out a slow effect (a post) after its acknowledgement: what the acknowledgement is then
/// edited to say.
pub async fn apply_slow(app: &App, c: &CommandInteraction, effect: Effect) -> Reply {
    app.apply(&invocation(c), effect, Utc::now()).await.unwrap_or_else(|| Reply::new("Done"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reply::Attachment;

    #[test]
    fn a_picture_goes_as_an_attachment_shown_in_the_embed() {
        let picture = Attachment {
            name: "timeline.png".into(),
            description: "Leeds' partnerships, 1966 to today".into(),
            bytes: std::sync::Arc::from(&b"\x89PNG"[..]),
            shown: false,
            note: None,
        };
        let r = serde_json::to_value(message(&Reply::new("Timeline").picture(picture))).unwrap();
        assert_eq!(r["data"]["embeds"][0]["image"]["url"], "attachment://timeline.png");
        let files = r["data"]["attachments"].as_array().expect("the attachment is announced");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0]["filename"], "timeline.png");
        assert_eq!(files[0]["description"], "Leeds' partnerships, 1966 to today");
    }
}
