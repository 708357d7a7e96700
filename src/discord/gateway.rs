//! The gateway transport: a thin adapter between Discord's gateway and the application. It
//! checks the token, attaches Discord's REST API to the application (posts and registration),
//! registers the commands at start-up, starts the poster, then turns each interaction into an
//! [`Invocation`](crate::commands::Invocation) and the application's answer into a response.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serenity::all::{
    ApplicationId, ClientBuilder, Context, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage, Event, GatewayIntents, GuildId, Http, HttpBuilder, Interaction, RawEventHandler,
    Ready,
};
use serenity::async_trait;
use serenity::builder::Builder;
use tokio::time::Instant;

use crate::app::App;
use crate::commands::{Effect, Invocation};
use crate::config::{Config, ConfigError, Token};
use crate::discord::interaction::{apply_quick, apply_slow, edit, not_ours, respond, unreadable, Target};
use crate::discord::limits;
use crate::discord::rest::DiscordRest;
use crate::discord::retry::{retry, Backoff};
use crate::ledger::poster::SystemClock;

/// Why the gateway stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error(transparent)]
    Config(#[from] ConfigError),
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
        source: Box<serenity::Error>,
    },
    #[error("the Discord connection failed: {0}")]
    Gateway(#[source] Box<serenity::Error>),
}

/// The REST client: Discord itself, or a proxy or local fake named by `discord.api_base`.
fn http_client(config: &Config, token: &Token) -> Result<Http, GatewayError> {
    let mut http = HttpBuilder::new(token.expose()).default_allowed_mentions(CreateAllowedMentions::new());
    if let Some(base) = config.api_base()? {
        // A proxy (twilight-http-proxy style) or a local fake. Serenity sends requests to the
        // proxy only with its own rate limiter off: the proxy does the rate limiting. Talk to it
        // directly, never through HTTP(S)_PROXY.
        let client = reqwest::Client::builder().no_proxy().use_rustls_tls().build().map_err(|e| {
            GatewayError::Gateway(Box::new(serenity::Error::Http(serenity::http::HttpError::Request(e))))
        })?;
        http = http.proxy(base).ratelimiter_disabled(true).client(client);
    }
    Ok(http.build())
}

/// How long start-up waits for the commands to be registered before connecting anyway.
const REGISTER_WAIT: Duration = Duration::from_secs(10);

/// Discord's REST API with the bot token, checked by asking who the bot is: the client and the
/// bot's user id (which is its application's id too: Discord has made them one and the same
/// since 2016).
pub async fn rest_client(config: &Config, token: &Token) -> Result<(Http, u64), GatewayError> {
    let http = http_client(config, token)?;
    let base = config.api_base()?.unwrap_or_else(|| "https://discord.com".to_string());
    match http.get_current_user().await {
        Ok(me) => {
            tracing::info!(bot = %me.name, "token accepted");
            http.set_application_id(ApplicationId::new(me.id.get()));
            Ok((http, me.id.get()))
        }
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
            if r.status_code.as_u16() == 401 =>
        {
            Err(GatewayError::TokenRejected)
        }
        Err(e) => Err(GatewayError::Unreachable { base, source: Box::new(e) }),
    }
}

/// Discord's REST API for posting and registering, with the token checked: registration goes to
/// `guild` (else `discord.guild_id`, else every server).
pub async fn rest(config: &Config, token: &Token, guild: Option<u64>) -> Result<Arc<DiscordRest>, GatewayError> {
    let (http, bot_id) = rest_client(config, token).await?;
    Ok(Arc::new(DiscordRest {
        http: Arc::new(http),
        bot_id,
        guild_id: guild.or(config.discord.guild_id).map(GuildId::new),
    }))
}

/// Connects to Discord and serves `app` until `shutdown` completes.
pub async fn serve(
    app: Arc<App>,
    config: &Config,
    token: Token,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), GatewayError> {
    let (http, bot_id) = rest_client(config, &token).await?;
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
        .raw_event_handler(Handler { app: app.clone() })
        .await
        .map_err(|e| GatewayError::Gateway(Box::new(e)))?;
    // The commands are registered before the gateway's READY names the application (its id is
    // the bot's); READY corrects it for an older application, and registration is retried then.
    client.http.set_application_id(ApplicationId::new(bot_id));
    let rest = Arc::new(DiscordRest {
        http: client.http.clone(),
        bot_id,
        guild_id: config.discord.guild_id.map(GuildId::new),
    });
    app.attach(rest.clone(), rest.clone());
    let poster = app.spawn_poster(rest, Arc::new(SystemClock));
    // Registered now, over REST, before the gateway connects; READY retries if this failed or
    // took too long (the gateway does not wait on a hung request).
    if tokio::time::timeout(REGISTER_WAIT, app.register()).await.is_err() {
        tracing::warn!(
            "registering the commands is taking long; connecting meanwhile, and trying again when connected"
        );
    }

    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    let result = match config.shards() {
        Some(s) => {
            tracing::info!(first = s.first, last = s.last, total = s.total, "running gateway shards");
            client.start_shard_range(s.first..s.last, s.total).await
        }
        // Discord's recommended number of shards (GET /gateway/bot), all in this process.
        None => client.start_autosharded().await,
    };
    poster.abort();
    result.map_err(|e| match e {
        serenity::Error::Gateway(serenity::gateway::GatewayError::InvalidAuthentication) => GatewayError::TokenRejected,
        e => GatewayError::Gateway(Box::new(e)),
    })
}

/// The bot's side of the gateway. Serenity hands each event to a raw handler as it arrives, in
/// a task of its own, before turning it into its typed form for event handlers, each in another
/// task: with every event handled here, each costs one task and one copy of the event, not two.
/// A raw handler also sees the interactions serenity's model cannot read (a field missing or of
/// another type, as when Discord changes its payloads), which it passes on as unknown events and
/// which no typed handler is told of: they are answered as over HTTP.
struct Handler {
    app: Arc<App>,
}

#[async_trait]
impl RawEventHandler for Handler {
    async fn raw_event(&self, ctx: Context, event: Event) {
        match event {
            Event::Ready(e) => self.ready(e.ready).await,
            Event::InteractionCreate(e) => self.interaction_create(ctx, e.interaction).await,
            Event::Unknown(u) if u.kind == "INTERACTION_CREATE" => {
                let Err(why) = serde_json::from_value::<Interaction>(u.value.clone()) else { return };
                let Some(unread) = unreadable(&u.value, &why) else { return };
                if let Err(e) = send(&ctx, &unread.to, unread.response).await {
                    tracing::warn!(
                        interaction = %unread.to.id,
                        "could not answer an interaction serenity cannot read: {e}"
                    );
                }
            }
            _ => {}
        }
    }
}

impl Handler {
    async fn ready(&self, ready: Ready) {
        tracing::info!(user = %ready.user.name, servers = ready.guilds.len(), "connected to Discord");
        self.app.register().await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let to = Target::of(&interaction);
        let Some(mut answer) = respond(&self.app, &interaction, Utc::now()).await else {
            // Not a button or form of the bot's own: refused politely, never left unanswered.
            if let Err(e) = send(&ctx, &to, not_ours(&interaction)).await {
                tracing::warn!(interaction = %interaction.id(), "could not refuse an interaction: {e}");
            }
            return;
        };
        let result = match answer.effect.take() {
            None => send(&ctx, &to, answer.response).await,
            Some(effect) if effect.is_slow() => self.acknowledge_then_apply(&ctx, &to, &answer.inv, effect).await,
            Some(effect) => send(&ctx, &to, apply_quick(&self.app, answer, effect).await).await,
        };
        if let Err(e) = result {
            tracing::warn!(interaction = %interaction.id(), kind = ?interaction.kind(), "could not answer an interaction: {e}");
        }
    }

    /// An effect that calls out to Discord (/announce's post): acknowledged at once (only the
    /// moderator sees it), carried out, then the acknowledgement says how it went.
    async fn acknowledge_then_apply(
        &self,
        ctx: &Context,
        to: &Target,
        inv: &Invocation,
        effect: Effect,
    ) -> serenity::Result<()> {
        let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
        defer.execute(&ctx.http, (to.id, &to.token)).await?;
        let reply = apply_slow(&self.app, inv, effect).await;
        edit(&reply).execute(&ctx.http, &to.token).await.map(|_| ())
    }
}

/// How long after receiving an interaction a rate-limited answer is still retried: Discord
/// accepts the answer within 3 s of the interaction.
const ANSWER_WINDOW: Duration = Duration::from_millis(limits::ACKNOWLEDGE_MS - 500);

/// Sends the answer; on 429 (which a proxy passes on, as serenity's own rate limiter is off in
/// proxy mode), waits and retries while the interaction can still be answered.
async fn send(ctx: &Context, to: &Target, response: CreateInteractionResponse) -> serenity::Result<()> {
    let backoff =
        Backoff { status: 429, tries: u32::MAX, deadline: Some(Instant::now() + ANSWER_WINDOW), doing: "answering" };
    retry(backoff, || response.clone().execute(&ctx.http, (to.id, &to.token))).await
}
