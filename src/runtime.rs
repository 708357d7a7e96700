//! Running the bot: claim the database and open it, build the application, serve Discord, and
//! handle the process's signals (SIGTERM and ctrl-c stop it, SIGHUP reloads the data).
//!
//! May import: `core`, `config`, `app`, `discord`.

use std::sync::Arc;

use crate::app::{App, AppError};
use crate::config::{Config, Token};
use crate::core::catalog::Catalog;
use crate::discord::gateway::{self, GatewayError};

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Discord(#[from] GatewayError),
}

impl RunError {
    /// Whether the operator's configuration is at fault (rather than the network or Discord).
    pub fn is_configuration(&self) -> bool {
        matches!(self, RunError::App(AppError::Config(_)) | RunError::Discord(GatewayError::Config(_)))
    }
}

/// Serves Discord until ctrl-c or SIGTERM.
pub async fn run(config: &Config, catalog: Catalog, token: Token) -> Result<(), RunError> {
    let (app, _claim) = App::start(config, catalog).await?;
    let app = Arc::new(app);
    #[cfg(unix)]
    tokio::spawn(reload_on_hangup(app.clone()));
    gateway::serve(app, config, token, shutdown_signal()).await?;
    Ok(())
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
async fn reload_on_hangup(app: Arc<App>) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
    while hup.recv().await.is_some() {
        match app.reload() {
            Ok(n) => tracing::info!(partners = n, "data reloaded"),
            Err(e) => tracing::error!("data not reloaded, keeping the last good data:\n{e}"),
        }
    }
}
