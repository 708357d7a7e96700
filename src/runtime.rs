//! Running the bot: claim the database and open it, build the application, serve Discord, and
//! handle the process's signals (SIGTERM and ctrl-c stop it, SIGHUP reloads the data).
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use std::sync::Arc;

use crate::app::{App, AppError, Registrar};
use crate::config::{Config, ConfigError, Token};
use crate::core::catalog::Catalog;
use crate::discord::gateway::{self, GatewayError};
use crate::discord::http::{self, Server, Verifier};
use crate::ledger::poster::SystemClock;

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Discord(#[from] GatewayError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot listen on {addr}: {source}\n  help: is another program (or another twinbot) using that port? Choose another with --listen or http.listen")]
    Listen {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the HTTP server stopped: {0}")]
    Serve(#[source] std::io::Error),
    #[error("could not register the commands: {0}")]
    Register(String),
}

impl RunError {
    /// Whether the operator's configuration is at fault (rather than the network or Discord).
    pub fn is_configuration(&self) -> bool {
        matches!(
            self,
            RunError::App(AppError::Config(_)) | RunError::Discord(GatewayError::Config(_)) | RunError::Config(_)
        )
    }
}

/// Serves Discord until ctrl-c or SIGTERM.
pub async fn run(config: &Config, catalog: Catalog, token: Token) -> Result<(), RunError> {
    let (app, _claim) = App::start(config, catalog).await?;
    let app = Arc::new(app);
    app.follow_changes();
    app.tidy_hourly();
    #[cfg(unix)]
    tokio::spawn(reload_on_hangup(app.clone()));
    gateway::serve(app, config, token, shutdown_signal()).await?;
    Ok(())
}

/// Serves interactions over HTTP until ctrl-c or SIGTERM (`twinbot serve`), letting requests in
/// flight finish. With the bot token, the poster runs and /announce posts as in gateway mode;
/// without it, every command is answered and posting says it needs the token.
pub async fn serve_http(
    config: &Config,
    catalog: Catalog,
    token: Option<Token>,
    listen: Option<&str>,
) -> Result<(), RunError> {
    let key = config.public_key()?;
    let verifier = Verifier::from_hex(&key).ok_or(ConfigError::BadPublicKey { value: key })?;
    let addr = config.listen(listen)?;
    let (app, _claim) = App::start(config, catalog).await?;
    let app = Arc::new(app);
    app.follow_changes();
    app.tidy_hourly();
    #[cfg(unix)]
    tokio::spawn(reload_on_hangup(app.clone()));
    let rest = match token {
        Some(token) => {
            let rest = gateway::rest(config, &token, None).await?;
            app.attach(rest.clone(), rest.clone());
            Some(rest)
        }
        None => {
            app.cannot_post();
            tracing::warn!(
                "no bot token: answering commands only; scheduled posts and /announce need DISCORD_TOKEN or \
                 discord.token_file"
            );
            None
        }
    };
    let poster = rest.clone().map(|r| app.spawn_poster(r, Arc::new(SystemClock)));
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| RunError::Listen { addr, source })?;
    let routes = http::router(Arc::new(Server { app: app.clone(), verifier, rest })).merge(crate::feed::router(app));
    let result = http::serve(routes, listener, shutdown_signal()).await;
    if let Some(p) = poster {
        p.abort();
    }
    tracing::info!("stopped serving");
    result.map_err(RunError::Serve)
}

/// Registers the commands over REST once (`twinbot register`): to one server, else globally.
/// Returns where they now are.
pub async fn register(config: &Config, token: Token, guild: Option<u64>) -> Result<String, RunError> {
    let rest = gateway::rest(config, &token, guild).await?;
    let left_out: &[&'static str] = if config.towns.enabled { &[] } else { &["town"] };
    rest.register(left_out).await.map_err(RunError::Register)
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

/// SIGHUP reloads the data files, here and in every process on the database; a broken file keeps
/// the last good data.
#[cfg(unix)]
async fn reload_on_hangup(app: Arc<App>) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
    while hup.recv().await.is_some() {
        match app.reload_everywhere().await {
            Ok(n) => tracing::info!(partners = n, "data reloaded"),
            Err(e) => tracing::error!("data not reloaded, keeping the last good data:\n{e}"),
        }
    }
}
