//! The gateway transport: the serenity client that connects to Discord, registers the commands,
//! answers interactions through [`respond`], posts `/announce` and runs the poster.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serenity::all::{
    ClientBuilder, Command, CommandInteraction, Context, CreateAllowedMentions, CreateInteractionResponse,
    EditInteractionResponse, EventHandler, GatewayIntents, GuildId, HttpBuilder, Interaction, Ready,
};
use serenity::async_trait;

use crate::app::Service;
use crate::commands;
use crate::config::{Config, ConfigError, Token};
use crate::core::catalog::Catalog;
use crate::core::data::DataError;
use crate::core::reply::{Action, Reply, Text};
use crate::discord::interaction::{embed, message, respond};
use crate::discord::register::create_commands;
use crate::discord::rest::DiscordOutbox;
use crate::ledger::poster::{Outbox, Outgoing};
use crate::ledger::StoreError;
use crate::store::{claim, SqliteStore};

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
        let Some(reply) = respond(&self.0.service, &interaction, Utc::now()).await else { return };
        let (Interaction::Command(c) | Interaction::Autocomplete(c)) = &interaction else { return };
        let result = match reply.action {
            None => answer(&ctx, c, reply.response).await,
            Some(Action::Save(mut stored)) => {
                stored.updated_at = Utc::now();
                match self.0.service.save_settings(&stored).await {
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
    let path = config.database_path();
    let _claim = claim(&path)?;
    let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
        .await
        .map_err(|e| StoreError::Query(Box::new(e)))??;
    tracing::info!(database = %store.path().display(), "database open");
    let service = Arc::new(Service::new(config, dir, Arc::new(store)).await?);
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
