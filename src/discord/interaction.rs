//! Interactions: what Discord sends, read into an [`Invocation`]; the application's answer
//! rendered as the interaction response serenity sends back.
//!
//! [`respond`] takes an interaction and returns the response (and the effect the application is
//! to carry out), so tests drive it with real Discord payloads.

use chrono::{DateTime, Utc};
use serenity::all::{
    ActionRowComponent, AuthorizingIntegrationOwner, AuthorizingIntegrationOwners, CommandDataOption,
    CommandDataOptionValue, CommandDataResolved, CommandInteraction, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedFooter, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, EditInteractionResponse, GuildId,
    InputTextStyle, Interaction, InteractionId,
};

use crate::app::App;
use crate::commands::{Act, Args, Attached, Effect, Invocation, Value, Via};
use crate::core::reply::{shorten, ButtonStyle, Form, Reply, Text};
use crate::discord::markdown::markdown;
use crate::discord::{limits, permissions};
use crate::state::pending::parse_custom_id;

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
        e = e.colour(c.get());
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
    if !reply.buttons().is_empty() {
        m = m.components(buttons(reply));
    }
    for a in &reply.attachments {
        m = m.add_file(CreateAttachment::bytes(a.bytes.to_vec(), a.name.clone()).description(a.description.clone()));
    }
    CreateInteractionResponse::Message(m)
}

/// A reply that replaces the message whose button was pressed (the preview becomes the outcome,
/// and its buttons go).
pub fn update(reply: &Reply) -> CreateInteractionResponse {
    let m = CreateInteractionResponseMessage::new()
        .embed(embed(reply))
        .components(buttons(reply))
        .allowed_mentions(CreateAllowedMentions::new());
    CreateInteractionResponse::UpdateMessage(m)
}

/// The reply's buttons, in one row (none: no row, which also takes away the buttons of a
/// message being replaced).
fn buttons(reply: &Reply) -> Vec<CreateActionRow> {
    if reply.buttons().is_empty() {
        return Vec::new();
    }
    let row = reply
        .buttons()
        .iter()
        .take(limits::BUTTONS)
        .map(|b| {
            let style = match b.style {
                ButtonStyle::Primary => serenity::all::ButtonStyle::Primary,
                ButtonStyle::Secondary => serenity::all::ButtonStyle::Secondary,
                ButtonStyle::Danger => serenity::all::ButtonStyle::Danger,
            };
            CreateButton::new(b.id.clone()).label(shorten(&b.label, limits::BUTTON_LABEL)).style(style)
        })
        .collect();
    vec![CreateActionRow::Buttons(row)]
}

/// A form (Discord's modal): its title and inputs, each in a row of its own.
pub fn modal(form: &Form) -> CreateInteractionResponse {
    let rows = form
        .inputs
        .iter()
        .take(limits::MODAL_INPUTS)
        .map(|i| {
            let style = if i.long { InputTextStyle::Paragraph } else { InputTextStyle::Short };
            let mut input = CreateInputText::new(style, shorten(&i.label, limits::MODAL_LABEL), i.id)
                .required(i.required)
                .max_length(i.max.clamp(1, limits::MODAL_VALUE));
            if let Some(v) = &i.value {
                input = input.value(shorten(v, usize::from(limits::MODAL_VALUE)));
            }
            if let Some(p) = &i.placeholder {
                input = input.placeholder(shorten(p, limits::MODAL_PLACEHOLDER));
            }
            CreateActionRow::InputText(input)
        })
        .collect();
    CreateInteractionResponse::Modal(
        CreateModal::new(form.id.clone(), shorten(&form.title, limits::MODAL_LABEL)).components(rows),
    )
}

fn option_value(v: &CommandDataOptionValue, resolved: &CommandDataResolved) -> Value {
    match v {
        CommandDataOptionValue::String(s) => Value::Str(s.clone()),
        CommandDataOptionValue::Integer(i) => Value::Int(*i),
        CommandDataOptionValue::Boolean(b) => Value::Bool(*b),
        CommandDataOptionValue::Channel(c) => Value::Channel(c.get()),
        CommandDataOptionValue::Role(r) => Value::Role(r.get()),
        CommandDataOptionValue::Autocomplete { value, .. } => Value::Str(value.clone()),
        CommandDataOptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::Int(*n as i64),
        CommandDataOptionValue::Attachment(id) => match resolved.attachments.get(id) {
            Some(a) => Value::Attachment(Box::new(Attached {
                id: a.id.get(),
                filename: a.filename.clone(),
                size: u64::from(a.size),
                url: a.url.clone(),
                content_type: a.content_type.clone(),
            })),
            None => Value::Other,
        },
        _ => Value::Other,
    }
}

/// The follow-up that replaces a deferred answer: the reply's embed and files, no pings.
pub fn edit(reply: &Reply) -> EditInteractionResponse {
    let mut e = EditInteractionResponse::new().embed(embed(reply)).allowed_mentions(CreateAllowedMentions::new());
    if !reply.buttons().is_empty() {
        e = e.components(buttons(reply));
    }
    for a in &reply.attachments {
        e = e.new_attachment(
            CreateAttachment::bytes(a.bytes.to_vec(), a.name.clone()).description(a.description.clone()),
        );
    }
    e
}

/// The command's full name ("town create") and its options: those of its subcommand, if it was
/// used with one.
fn command_and_options(cmd: &CommandInteraction) -> (String, &[CommandDataOption]) {
    match cmd.data.options.first().map(|o| (&o.name, &o.value)) {
        Some((sub, CommandDataOptionValue::SubCommand(options))) => (format!("{} {sub}", cmd.data.name), options),
        _ => (cmd.data.name.clone(), &cmd.data.options),
    }
}

/// The command's arguments, from the interaction's options (the one being typed left out).
pub fn args_of(cmd: &CommandInteraction) -> Args {
    let (_, options) = command_and_options(cmd);
    let options = options.iter().filter(|o| !matches!(o.value, CommandDataOptionValue::Autocomplete { .. }));
    Args(options.map(|o| (o.name.clone(), option_value(&o.value, &cmd.data.resolved))).collect())
}

/// The member's permissions (every bit Discord computed for them in the channel).
fn permission_bits(member: Option<&serenity::all::Member>) -> u64 {
    member.and_then(|m| m.permissions).map_or(0, |p| p.bits())
}

/// Whether a member used a command through their own account in a server that has not added
/// twinbot: Discord names their installation among the interaction's
/// `authorizing_integration_owners` ("1"), and none to that server ("0" with its id). A payload
/// that names no installation at all (as before Discord had user installs) is from a server that
/// added twinbot.
fn from_account_only(guild: Option<GuildId>, owners: &AuthorizingIntegrationOwners) -> bool {
    let Some(guild) = guild else { return false };
    let to_server =
        owners.0.iter().any(|o| matches!(o, AuthorizingIntegrationOwner::GuildInstall(Some(g)) if *g == guild));
    let to_account = owners.0.iter().any(|o| matches!(o, AuthorizingIntegrationOwner::UserInstall(_)));
    to_account && !to_server
}

/// The server whose state answers a command: the one it was used in, unless twinbot is there only
/// through the member's own account. There, as in a direct message, the default home cities
/// answer, and a moderator's command is refused as outside any server.
fn answering_server(cmd: &CommandInteraction) -> Option<u64> {
    if from_account_only(cmd.guild_id, &cmd.authorizing_integration_owners) {
        return None;
    }
    cmd.guild_id.map(|g| g.get())
}

/// Whether Discord shows the answer to a command to the member alone, whatever the bot asks: in
/// a server that has not added twinbot, a member without Use External Apps there gets only
/// ephemeral replies from the apps on their account.
fn private_by_discord(cmd: &CommandInteraction) -> bool {
    from_account_only(cmd.guild_id, &cmd.authorizing_integration_owners)
        && !permissions::public_from_accounts(permission_bits(cmd.member.as_deref()))
}

/// The reply as Discord will show it where it keeps it to the member alone: ephemeral, with a line
/// first saying why, so that the member does not think the bot chose to hide it.
fn only_to_them(reply: Reply, l: crate::core::i18n::Lang) -> Reply {
    let why = Text::new().small(l.t("external-apps-only-you", &[]));
    let description = if reply.description.is_empty() { why } else { why.text("\n").append(reply.description) };
    Reply { description, ephemeral: true, ..reply }
}

/// The invocation an interaction is: the command, its arguments, and the member's server,
/// channel, permissions (there and in the channels its options name) and languages.
pub fn invocation(cmd: &CommandInteraction) -> Invocation {
    Invocation {
        id: cmd.id.get(),
        command: command_and_options(cmd).0,
        args: args_of(cmd),
        via: Via::Chat,
        guild_id: answering_server(cmd),
        channel_id: cmd.channel_id.get(),
        user_id: cmd.user.id.get(),
        permissions: permissions::of(permission_bits(cmd.member.as_deref())),
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
        act: Act::Command,
        bot_creates_events: cmd.app_permissions.map(|p| permissions::creates_events(p.bits())),
    }
}

/// A member in a server channel, as a button or a form brings them (the command is the pending
/// action's, filled in by the application).
fn member_act(
    (id, guild, channel): (u64, Option<u64>, u64),
    user: u64,
    member: Option<&serenity::all::Member>,
    (locale, guild_locale): (&str, Option<&String>),
    act: Act,
) -> Invocation {
    Invocation {
        id,
        command: String::new(),
        args: Args::new(),
        via: Via::Chat,
        guild_id: guild,
        channel_id: channel,
        user_id: user,
        permissions: permissions::of(permission_bits(member)),
        channel_permissions: Vec::new(),
        locale: locale.to_string(),
        guild_locale: guild_locale.cloned(),
        homes: Vec::new(),
        act,
        bot_creates_events: None,
    }
}

/// The invocation a button press or a form is, if its `custom_id` is one of the bot's.
fn step_invocation(interaction: &Interaction) -> Option<Invocation> {
    match interaction {
        Interaction::Component(c) => {
            let (pending, step) = parse_custom_id(&c.data.custom_id)?;
            let act = Act::Button { pending, step: step.to_string() };
            let at = (c.id.get(), c.guild_id.map(|g| g.get()), c.channel_id.get());
            Some(member_act(at, c.user.id.get(), c.member.as_ref(), (&c.locale, c.guild_locale.as_ref()), act))
        }
        Interaction::Modal(m) => {
            let (pending, step) = parse_custom_id(&m.data.custom_id)?;
            let fields = m
                .data
                .components
                .iter()
                .flat_map(|row| &row.components)
                .filter_map(|c| match c {
                    ActionRowComponent::InputText(t) => {
                        Some((t.custom_id.clone(), t.value.clone().unwrap_or_default()))
                    }
                    _ => None,
                })
                .collect();
            let act = Act::Form { pending, step: step.to_string(), fields };
            let at = (m.id.get(), m.guild_id.map(|g| g.get()), m.channel_id.get());
            Some(member_act(at, m.user.id.get(), m.member.as_ref(), (&m.locale, m.guild_locale.as_ref()), act))
        }
        _ => None,
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

/// Where an answer goes: the interaction's id and token (the token is a secret: never logged).
#[derive(Clone)]
pub struct Target {
    pub id: InteractionId,
    pub token: String,
}

impl Target {
    pub fn of(interaction: &Interaction) -> Target {
        Target { id: interaction.id(), token: interaction.token().to_string() }
    }
}

/// An interaction serenity cannot read (a field missing, renamed or of another type, as when
/// Discord changes its payloads), as Discord sent it: still answered.
pub struct Unreadable {
    pub to: Target,
    /// No choices for an autocomplete; for anything else that can be answered (a command, a
    /// button, a form), a polite reply in the member's language, only to them.
    pub response: CreateInteractionResponse,
}

/// What to answer an interaction serenity refused with `why` (logged with the field that failed,
/// never the token). None: not an interaction that can be answered (no type, id or token).
pub fn unreadable(v: &serde_json::Value, why: &dyn std::fmt::Display) -> Option<Unreadable> {
    let kind = v.get("type")?.as_u64()?;
    let id = v.get("id")?.as_str()?.parse::<u64>().ok().filter(|&i| i != 0)?;
    let token = v.get("token")?.as_str()?.to_string();
    let response = match kind {
        4 => CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new()),
        2 | 3 | 5 => {
            let text = |key: &str| v.get(key).and_then(|x| x.as_str());
            let l = crate::core::i18n::resolve(text("locale"), text("guild_locale"));
            let said = crate::core::reply::Text::plain(l.t("error-unreadable", &[]));
            message(&crate::commands::error_reply(l, said))
        }
        _ => return None,
    };
    tracing::warn!(interaction = id, kind, "an interaction serenity cannot read, answered politely: {why}");
    Some(Unreadable { to: Target { id: InteractionId::new(id), token }, response })
}

/// What the bot sends back for an interaction, and what the application is to do besides.
pub struct Response {
    pub response: CreateInteractionResponse,
    pub effect: Option<Effect>,
    /// The reply, when it carries files: the HTTP transport cannot send files in its response
    /// and sends them in an edit of the acknowledgement instead.
    pub with_files: Option<Reply>,
    /// What was answered: the effect is carried out for it.
    pub inv: Invocation,
    /// Whether the answer replaces the message whose button was pressed.
    pub updates: bool,
    /// When it was answered: a quick effect is carried out as of then.
    pub at: DateTime<Utc>,
}

impl Response {
    /// What to send where the effect says to show another reply (a change not saved).
    pub fn instead(&self, reply: &Reply) -> CreateInteractionResponse {
        if self.updates {
            update(reply)
        } else {
            message(reply)
        }
    }
}

/// What both transports answer where [`respond`] answers nothing (an interaction of a kind the
/// bot does not use, or a button or form that is not one of its own): a polite refusal, in the
/// member's language, only to them.
pub fn not_ours(interaction: &Interaction) -> CreateInteractionResponse {
    let l = lang_of(interaction);
    message(&crate::commands::error_reply(l, crate::core::reply::Text::plain(l.t("error-internal", &[]))))
}

/// The response to an interaction at `now`, or None for interactions the bot does not handle.
pub async fn respond(app: &App, interaction: &Interaction, now: DateTime<Utc>) -> Option<Response> {
    let (inv, updates, private) = match interaction {
        Interaction::Command(cmd) => (invocation(cmd), false, private_by_discord(cmd)),
        Interaction::Autocomplete(cmd) => {
            let choices = match cmd.data.autocomplete() {
                Some(focused) => app.complete(&invocation(cmd), focused.name, focused.value, now).await,
                None => Vec::new(),
            };
            let mut r = CreateAutocompleteResponse::new();
            for c in choices.into_iter().take(limits::CHOICES) {
                r = r.add_string_choice(shorten(&c.name, limits::CHOICE_TEXT), shorten(&c.value, limits::CHOICE_TEXT));
            }
            let response = CreateInteractionResponse::Autocomplete(r);
            return Some(Response {
                response,
                effect: None,
                with_files: None,
                inv: invocation(cmd),
                updates: false,
                at: now,
            });
        }
        // A form sent from a button's message replaces that message; one sent from a command
        // is answered with a message of its own.
        Interaction::Component(_) => (step_invocation(interaction)?, true, false),
        Interaction::Modal(m) => (step_invocation(interaction)?, m.message.is_some(), false),
        _ => return None,
    };
    let mut answer = app.handle(&inv, now).await;
    if private && !answer.reply.ephemeral {
        answer.reply = only_to_them(answer.reply, inv.lang());
    }
    let with_files = (!answer.reply.attachments.is_empty()).then(|| answer.reply.clone());
    let response = match &answer.form {
        // A modal cannot answer a modal: the command's reply says what to do instead.
        Some(form) if !matches!(interaction, Interaction::Modal(_)) => modal(form),
        _ if updates => update(&answer.reply),
        _ => message(&answer.reply),
    };
    Some(Response { response, effect: answer.effect, with_files, inv, updates, at: now })
}

/// Carries out a quick effect (saving settings) before answering: the command's own response,
/// or what to show instead (why the settings were not saved). Both transports answer so.
pub async fn apply_quick(app: &App, answer: Response, effect: Effect) -> CreateInteractionResponse {
    match app.apply(&answer.inv, effect, answer.at).await {
        None => answer.response,
        Some(instead) => answer.instead(&instead),
    }
}

/// Carries out a slow effect (a post) after its acknowledgement: what the acknowledgement is then
/// edited to say.
pub async fn apply_slow(app: &App, inv: &Invocation, effect: Effect) -> Reply {
    app.apply(inv, effect, Utc::now()).await.unwrap_or_else(|| Reply::new("Done"))
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
