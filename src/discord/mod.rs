//! The Discord transport: registration from the registry, parsing interactions into command
//! arguments, rendering replies as embeds, and the serenity gateway client.
//!
//! [`respond`] is pure (an interaction in, the response serenity will send out), so tests drive
//! it with real Discord payloads; [`run`] wires it to a live gateway.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{
    ChannelId, ChannelType, ClientBuilder, Command, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    Context, CreateAllowedMentions, CreateAutocompleteResponse, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
    EditInteractionResponse, EventHandler, GatewayIntents, GetMessages, GuildId, Http, HttpBuilder, Interaction,
    InteractionContext, MessageId, Nonce, Permissions, Ready, RoleId,
};
use serenity::async_trait;

use crate::anniversaries::settings::{Origin, Server};
use crate::app::Service;
use crate::commands::{self, Args, CommandSpec, Ctx, OptionKind, Value, MAX_CHOICES};
use crate::config::{Config, ConfigError, Token};
use crate::core::catalog::Catalog;
use crate::core::data::DataError;
use crate::core::reply::{markdown, shorten, Action, Reply, Text};
use crate::ledger::poster::{Outbox, Outgoing, SendError};
use crate::store::{Store, StoreError};

/// Discord's embed limits (characters).
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const TOTAL: usize = 6000;
}

/// The registration payload for one command.
pub fn create_command(spec: &CommandSpec) -> CreateCommand {
    let options = spec
        .options
        .iter()
        .map(|o| {
            let kind = match o.kind {
                OptionKind::String => CommandOptionType::String,
                OptionKind::Integer => CommandOptionType::Integer,
                OptionKind::Boolean => CommandOptionType::Boolean,
                OptionKind::Channel => CommandOptionType::Channel,
                OptionKind::Role => CommandOptionType::Role,
            };
            let mut opt = CreateCommandOption::new(kind, o.name, o.description).required(o.required);
            if o.kind == OptionKind::Channel {
                // Channels a message can be posted in.
                opt = opt.channel_types(vec![ChannelType::Text, ChannelType::News]);
            }
            if o.autocomplete {
                opt = opt.set_autocomplete(true);
            }
            if let Some(min) = o.min {
                opt = opt.min_int_value(min.max(0) as u64);
            }
            if let Some(max) = o.max {
                opt = opt.max_int_value(max.max(0) as u64);
            }
            opt
        })
        .collect();
    let mut cmd = CreateCommand::new(spec.name).description(spec.description).set_options(options);
    if let Some(bits) = spec.default_member_permissions {
        // Moderator commands: hidden from members without the permission, and only in servers.
        cmd = cmd
            .default_member_permissions(Permissions::from_bits_truncate(bits))
            .contexts(vec![InteractionContext::Guild]);
    }
    cmd
}

/// The registration payload for every command of the registry.
pub fn create_commands() -> Vec<CreateCommand> {
    commands::registry().iter().map(create_command).collect()
}

/// The registration JSON, as `twinbot commands` prints it.
pub fn commands_json() -> serde_json::Value {
    serde_json::to_value(create_commands()).expect("command builders serialise")
}

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
fn server_of(service: &Service, cmd: &CommandInteraction, spec: Option<&CommandSpec>) -> Option<Server> {
    let guild_id = cmd.guild_id?.get();
    let permissions = cmd.member.as_ref().and_then(|m| m.permissions).map_or(0, |p| p.bits());
    let mut server = Server {
        guild_id,
        channel_id: cmd.channel_id.get(),
        user_id: cmd.user.id.get(),
        permissions,
        channel_permissions: cmd
            .data
            .resolved
            .channels
            .iter()
            .map(|(id, c)| (id.get(), c.permissions.map_or(0, |p| p.bits())))
            .collect(),
        stored: None,
        ledger: Vec::new(),
    };
    if let Some(bits) = spec.and_then(|s| s.default_member_permissions) {
        if server.allows(bits) {
            let store = service.store();
            server.stored = store.settings(guild_id).unwrap_or_else(|e| {
                tracing::error!("cannot read this server's settings: {e}");
                None
            });
            server.ledger = store.posts(guild_id).unwrap_or_else(|e| {
                tracing::error!("cannot read this server's posts: {e}");
                Vec::new()
            });
        }
    }
    Some(server)
}

/// The answer to an interaction at `now`, or None for interactions the bot does not handle.
/// Pure apart from reading the service's data and settings.
pub fn respond(service: &Service, interaction: &Interaction, now: DateTime<Utc>) -> Option<Answer> {
    let dir = service.directory();
    match interaction {
        Interaction::Command(cmd) => {
            let spec = commands::find(&cmd.data.name);
            let posting = service.settings_for(cmd.guild_id.map(|g| g.get()));
            let today = now.with_timezone(&posting.timing.tz).date_naive();
            let server = server_of(service, cmd, spec);
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
            for c in choices.into_iter().take(MAX_CHOICES) {
                r = r.add_string_choice(c.name, c.value);
            }
            Some(Answer { response: CreateInteractionResponse::Autocomplete(r), action: None })
        }
        _ => None,
    }
}

/// Posts through Discord's REST API: `POST /channels/{id}/messages` with a nonce and
/// `enforce_nonce`, and mentions limited to the one configured role.
pub struct DiscordOutbox {
    pub http: Arc<Http>,
    /// The bot's own user id, to recognise its messages.
    pub bot_id: u64,
}

fn send_error(e: serenity::Error) -> SendError {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r))
            if r.status_code.is_client_error() && r.status_code.as_u16() != 429 =>
        {
            SendError::Refused {
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

#[async_trait]
impl Outbox for DiscordOutbox {
    async fn send(&self, post: &Outgoing) -> Result<u64, SendError> {
        let message = CreateMessage::new()
            .content(post.content.clone())
            .nonce(Nonce::String(post.nonce.clone()))
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

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(
        "Discord rejected the bot token (401 Unauthorized)\n  help: reset the token in the Developer Portal \
         (your application → Bot → Reset Token) and set DISCORD_TOKEN to the new one"
    )]
    TokenRejected,
    #[error(
        "cannot reach Discord at {base}: {source}\n  help: check the network, or discord.api_base / DISCORD_API_BASE"
    )]
    Unreachable {
        base: String,
        #[source]
        source: serenity::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the Discord connection failed: {0}")]
    Gateway(#[source] serenity::Error),
}

/// The bot: the service, plus what only the Discord side needs.
pub struct Bot {
    service: Arc<Service>,
    guild_id: Option<GuildId>,
    registered: AtomicBool,
    outbox: std::sync::OnceLock<Arc<DiscordOutbox>>,
}

impl Bot {
    pub fn new(service: Arc<Service>, config: &Config) -> Bot {
        Bot {
            service,
            guild_id: config.discord.guild_id.map(GuildId::new),
            registered: AtomicBool::new(false),
            outbox: std::sync::OnceLock::new(),
        }
    }

    pub fn service(&self) -> &Arc<Service> {
        &self.service
    }

    /// Reloads the data files; on any error the bot keeps its last good data.
    pub fn reload(&self) -> Result<usize, DataError> {
        self.service.reload()
    }

    async fn register(&self, ctx: &Context) {
        if self.registered.swap(true, Ordering::SeqCst) {
            tracing::debug!("commands already registered; skipping after reconnect");
            return;
        }
        let cmds = create_commands();
        let n = cmds.len();
        let result = match self.guild_id {
            Some(g) => g.set_commands(&ctx.http, cmds).await.map(|_| format!("server {g}")),
            None => Command::set_global_commands(&ctx.http, cmds).await.map(|_| "all servers (global)".to_string()),
        };
        match result {
            Ok(scope) => tracing::info!(commands = n, "registered commands for {scope}"),
            Err(e) => {
                self.registered.store(false, Ordering::SeqCst);
                tracing::error!("could not register commands: {e}");
            }
        }
    }
}

struct Handler(Arc<Bot>);

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, servers = ready.guilds.len(), "connected to Discord");
        self.0.register(&ctx).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Some(reply) = respond(&self.0.service, &interaction, Utc::now()) else { return };
        let (Interaction::Command(c) | Interaction::Autocomplete(c)) = &interaction else { return };
        let result = match reply.action {
            None => answer(&ctx, c, reply.response).await,
            Some(Action::Save(mut stored)) => {
                stored.updated_at = Utc::now();
                match self.0.service.save_settings(&stored) {
                    Ok(()) => {
                        tracing::info!(guild = stored.guild_id, by = c.user.id.get(), "anniversary settings saved");
                        answer(&ctx, c, reply.response).await
                    }
                    Err(e) => {
                        tracing::error!(guild = stored.guild_id, "could not save anniversary settings: {e}");
                        let r =
                            Reply { title: "Settings not saved".into(), ..Reply::invalid(Text::plain(e.to_string())) };
                        answer(&ctx, c, message(&r)).await
                    }
                }
            }
            Some(Action::Post { channel_id, content }) => self.0.announce(&ctx, c, channel_id, content).await,
        };
        if let Err(e) = result {
            tracing::warn!(interaction = %interaction.id(), command = %c.data.name, "could not answer an interaction: {e}");
        }
    }
}

impl Bot {
    /// /announce: acknowledges at once (ephemerally), posts, then says how it went.
    async fn announce(
        &self,
        ctx: &Context,
        c: &CommandInteraction,
        channel_id: u64,
        content: String,
    ) -> serenity::Result<()> {
        c.defer_ephemeral(&ctx.http).await?;
        let outbox = self.outbox.get_or_init(|| Arc::new(DiscordOutbox { http: ctx.http.clone(), bot_id: 0 }));
        // The interaction's id is the nonce: a retried /announce is not posted twice.
        let post = Outgoing { channel_id, content, nonce: c.id.get().to_string(), role_id: None };
        let result = outbox.send(&post).await;
        let guild = c.guild_id.map_or(0, |g| g.get());
        match &result {
            Ok(m) => {
                tracing::info!(guild, channel = channel_id, message = m, by = c.user.id.get(), "announcement posted")
            }
            Err(e) => tracing::warn!(guild, channel = channel_id, by = c.user.id.get(), "announcement not posted: {e}"),
        }
        let reply = commands::announce::posted(guild, channel_id, &result);
        c.edit_response(
            &ctx.http,
            EditInteractionResponse::new().embed(embed(&reply)).allowed_mentions(CreateAllowedMentions::new()),
        )
        .await
        .map(|_| ())
    }
}

/// How long after receiving an interaction a rate-limited answer is still retried: Discord
/// accepts the answer within 3 s of the interaction.
const ANSWER_WINDOW: Duration = Duration::from_millis(2500);

/// Sends the answer; on 429 (which a proxy passes on, as serenity's own rate limiter is off in
/// proxy mode), waits and retries while the interaction can still be answered. Other errors are
/// returned at once: a 5xx may have been applied, and a second answer would be refused.
async fn answer(ctx: &Context, c: &CommandInteraction, response: CreateInteractionResponse) -> serenity::Result<()> {
    let deadline = tokio::time::Instant::now() + ANSWER_WINDOW;
    let mut delay = Duration::from_millis(100);
    loop {
        match c.create_response(&ctx.http, response.clone()).await {
            Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
                if r.status_code.as_u16() == 429 && tokio::time::Instant::now() + delay < deadline =>
            {
                tracing::warn!(command = %c.data.name, "rate limited while answering; retrying in {delay:?}");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            other => return other,
        }
    }
}

/// Connects to Discord and serves until ctrl-c or SIGTERM.
pub async fn run(config: &Config, dir: Catalog, token: Token) -> Result<(), BotError> {
    let _claim = Store::claim(&config.database_path())?;
    let store = Store::open(&config.database_path())?;
    tracing::info!(database = %store.path().display(), "database open");
    let service = Arc::new(Service::new(config, dir, store)?);
    let api_base = config.api_base()?;
    let mut http = HttpBuilder::new(token.expose()).default_allowed_mentions(CreateAllowedMentions::new());
    if let Some(base) = &api_base {
        // A proxy (twilight-http-proxy style) or a local fake. Serenity sends requests to the
        // proxy only with its own rate limiter off: the proxy does the rate limiting. Talk to it
        // directly, never through HTTP(S)_PROXY.
        let client = reqwest::Client::builder()
            .no_proxy()
            .use_rustls_tls()
            .build()
            .map_err(|e| BotError::Gateway(serenity::Error::Http(serenity::http::HttpError::Request(e))))?;
        http = http.proxy(base.clone()).ratelimiter_disabled(true).client(client);
    }
    let http = http.build();
    let base = api_base.clone().unwrap_or_else(|| "https://discord.com".to_string());
    let me = match http.get_current_user().await {
        Ok(me) => {
            tracing::info!(bot = %me.name, "token accepted");
            me
        }
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
            if r.status_code.as_u16() == 401 =>
        {
            return Err(BotError::TokenRejected)
        }
        Err(e) => return Err(BotError::Unreachable { base, source: e }),
    };

    let bot = Arc::new(Bot::new(service.clone(), config));
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
        .event_handler(Handler(bot.clone()))
        .await
        .map_err(BotError::Gateway)?;

    let outbox = Arc::new(DiscordOutbox { http: client.http.clone(), bot_id: me.id.get() });
    let _ = bot.outbox.set(outbox.clone());
    let poster = tokio::spawn(crate::ledger::poster::run(
        service.clone(),
        outbox,
        Arc::new(crate::ledger::poster::SystemClock),
        Duration::from_secs(60),
    ));

    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    #[cfg(unix)]
    tokio::spawn(reload_on_hangup(bot));

    let result = client.start().await;
    poster.abort();
    result.map_err(|e| match e {
        serenity::Error::Gateway(serenity::gateway::GatewayError::InvalidAuthentication) => BotError::TokenRejected,
        e => BotError::Gateway(e),
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// SIGHUP reloads the data files; a broken file keeps the last good data.
#[cfg(unix)]
async fn reload_on_hangup(bot: Arc<Bot>) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
    while hup.recv().await.is_some() {
        match bot.reload() {
            Ok(n) => tracing::info!(partners = n, "data reloaded"),
            Err(e) => tracing::error!("data not reloaded, keeping the last good data:\n{e}"),
        }
    }
}
