//! The log: where it goes (standard error) and how much of it (config.toml's `log.level`, or
//! `RUST_LOG`).

/// The log filter: `RUST_LOG` when set, else `log.level` from config.toml. Serenity's own spans
/// and events are kept at `warn` unless the filter names serenity: at `info` its instrumented
/// functions format every request into span fields, which doubles the time to answer.
pub fn log_filter(level: &str) -> tracing_subscriber::EnvFilter {
    let configured =
        std::env::var("RUST_LOG").ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| level.to_string());
    tracing_subscriber::EnvFilter::try_new(log_directives(&configured))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(log_directives("info")))
}

/// Adds `serenity=warn` to a filter that does not mention serenity.
pub(super) fn log_directives(configured: &str) -> String {
    if configured.contains("serenity") {
        configured.to_string()
    } else {
        format!("serenity=warn,{configured}")
    }
}

pub(super) fn init_tracing(level: &str) {
    let filter = log_filter(level);
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serenity_stays_quiet_unless_asked_for() {
        assert_eq!(log_directives("info"), "serenity=warn,info");
        assert_eq!(log_directives("debug,serenity=debug"), "debug,serenity=debug");
    }
}
