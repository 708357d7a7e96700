//! The Discord transport: registration from the registry, parsing interactions into command
//! arguments, rendering replies as embeds, and the serenity gateway client.
//!
//! [`respond`] is pure (an interaction in, the response serenity will send out), so tests drive
//! it with real Discord payloads; [`run`] wires it to a live gateway.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::NaiveDate;
use serenity::all::{
    ClientBuilder, Command, CommandDataOptionValue, CommandInteraction, CommandOptionType, Context,
    CreateAllowedMentions, CreateAutocompleteResponse, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage, EventHandler, GatewayIntents,
    GuildId, HttpBuilder, Interaction, Permissions, Ready,
};
use serenity::async_trait;

use crate::commands::{self, Args, CommandSpec, Ctx, OptionKind, Value, MAX_CHOICES};
use crate::config::{Config, ConfigError, Token};
use crate::data::{DataError, Directory};
use crate::reply::{markdown, shorten, Reply, Text};

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
            };
            let mut opt = CreateCommandOption::new(kind, o.name, o.description).required(o.required);
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
        cmd = cmd.default_member_permissions(Permissions::from_bits_truncate(bits));
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
        CommandDataOptionValue::Autocomplete { value, .. } => Value::Str(value.clone()),
        CommandDataOptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::Int(*n as i64),
        _ => Value::Other,
    }
}

/// The command's arguments, from the interaction's options.
pub fn args_of(cmd: &CommandInteraction) -> Args {
    Args(cmd.data.options.iter().map(|o| (o.name.clone(), option_value(&o.value))).collect())
}

/// The response to an interaction, or None for interactions the bot does not handle.
pub fn respond(dir: &Directory, interaction: &Interaction, today: NaiveDate) -> Option<CreateInteractionResponse> {
    match interaction {
        Interaction::Command(cmd) => {
            let ctx = Ctx { dir, today, locale: &cmd.locale };
            let reply = match commands::find(&cmd.data.name) {
                Some(spec) => commands::run(spec, &ctx, &args_of(cmd)),
                None => Reply::invalid(
                    Text::plain("I don't know the command /")
                        .user(cmd.data.name.clone())
                        .text(". It may have been removed: try /about for the commands I have."),
                ),
            };
            Some(message(&reply))
        }
        Interaction::Autocomplete(cmd) => {
            let ctx = Ctx { dir, today, locale: &cmd.locale };
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
            Some(CreateInteractionResponse::Autocomplete(r))
        }
        _ => None,
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
    #[error("the Discord connection failed: {0}")]
    Gateway(#[source] serenity::Error),
}

/// The bot's shared state.
pub struct Bot {
    dir: RwLock<Arc<Directory>>,
    data_paths: Vec<std::path::PathBuf>,
    guild_id: Option<GuildId>,
    registered: AtomicBool,
}

impl Bot {
    pub fn new(dir: Directory, config: &Config) -> Bot {
        Bot {
            dir: RwLock::new(Arc::new(dir)),
            data_paths: config.data_paths(),
            guild_id: config.discord.guild_id.map(GuildId::new),
            registered: AtomicBool::new(false),
        }
    }

    /// The current data.
    pub fn directory(&self) -> Arc<Directory> {
        self.dir.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Reloads the data files; on any error the bot keeps its last good data.
    pub fn reload(&self) -> Result<usize, DataError> {
        let dir = Directory::load(&self.data_paths)?;
        let n = dir.partners.len();
        *self.dir.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(dir);
        Ok(n)
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
        let today = chrono::Utc::now().date_naive();
        let dir = self.0.directory();
        let Some(response) = respond(&dir, &interaction, today) else { return };
        let (Interaction::Command(c) | Interaction::Autocomplete(c)) = &interaction else { return };
        if let Err(e) = answer(&ctx, c, response).await {
            tracing::warn!(interaction = %interaction.id(), command = %c.data.name, "could not answer an interaction: {e}");
        }
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
pub async fn run(config: &Config, dir: Directory, token: Token) -> Result<(), BotError> {
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
    match http.get_current_user().await {
        Ok(me) => tracing::info!(bot = %me.name, "token accepted"),
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
            if r.status_code.as_u16() == 401 =>
        {
            return Err(BotError::TokenRejected)
        }
        Err(e) => return Err(BotError::Unreachable { base, source: e }),
    }

    let bot = Arc::new(Bot::new(dir, config));
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
        .event_handler(Handler(bot.clone()))
        .await
        .map_err(BotError::Gateway)?;

    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    #[cfg(unix)]
    tokio::spawn(reload_on_hangup(bot));

    client.start().await.map_err(|e| match e {
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
