//! The commands that run the bot on Discord: on the gateway (`twinbot`), over HTTP (`twinbot
//! serve`), and registering the commands (`twinbot register`).

use std::future::Future;
use std::process::ExitCode;

use super::logging::init_tracing;
use super::offline::load;
use super::{print_error, usage_error, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE};
use crate::core::phrases::home_names;
use crate::runtime::RunError;

/// Runs `work` on a runtime of its own (on several threads, or one), and says how it ended as the
/// exit code; `done` prints what a success has to say.
fn on_runtime<T>(
    several_threads: bool,
    work: impl Future<Output = Result<T, RunError>>,
    done: impl FnOnce(T),
) -> ExitCode {
    let mut builder = if several_threads {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    match runtime.block_on(work) {
        Ok(v) => {
            done(v);
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            print_error(&e);
            ExitCode::from(if e.is_configuration() { EXIT_USAGE } else { EXIT_NOT_FOUND })
        }
    }
}

/// `twinbot run` (the default): the bot on Discord.
pub(super) fn run_command(config: &std::path::Path) -> ExitCode {
    let (config, dir, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    // Token and proxy problems are reported before anything else is printed.
    let token = match config.token().and_then(|t| config.api_base().map(|_| t)) {
        Ok(t) => t,
        Err(e) => return usage_error(&e),
    };
    init_tracing(&config.log.level);
    tracing::info!(partners = dir.partners.len(), homes = %home_names(crate::core::i18n::default(), &dir), "data loaded");
    on_runtime(false, crate::runtime::run(&config, dir, token), |()| {})
}

/// `twinbot serve`: interactions over HTTP until SIGTERM.
pub(super) fn serve_command(config: &std::path::Path, listen: Option<&str>) -> ExitCode {
    let (config, dir, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    // The token is optional here, but one that is named and unreadable is an error.
    let token = match config.token() {
        Ok(t) => Some(t),
        Err(crate::config::ConfigError::NoToken) => None,
        Err(e) => return usage_error(&e),
    };
    if let Err(e) = config.api_base() {
        return usage_error(&e);
    }
    init_tracing(&config.log.level);
    tracing::info!(partners = dir.partners.len(), homes = %home_names(crate::core::i18n::default(), &dir), "data loaded");
    on_runtime(true, crate::runtime::serve_http(&config, dir, token, listen), |()| {})
}

/// `twinbot register`: the commands, over REST, once.
pub(super) fn register_command(config: &std::path::Path, guild: Option<u64>) -> ExitCode {
    let config = match crate::config::Config::load(config) {
        Ok(c) => c,
        Err(e) => return usage_error(&e),
    };
    let token = match config.token().and_then(|t| config.api_base().map(|_| t)) {
        Ok(t) => t,
        Err(e) => return usage_error(&e),
    };
    init_tracing(&config.log.level);
    on_runtime(false, crate::runtime::register(&config, token, guild), |scope| {
        println!("registered {} commands for {scope}", crate::commands::registry().len())
    })
}
