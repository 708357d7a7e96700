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
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(|| Redacting(std::io::stderr())).try_init();
}

/// Standard error, with every interaction token taken out of what is written: serenity logs a
/// gateway payload it cannot read whole, at warn, token included, and a token answers for the
/// bot for 15 minutes. Each log event comes as one write.
struct Redacting<W>(W);

impl<W: std::io::Write> std::io::Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) if text.contains("\"token\"") => {
                self.0.write_all(redact_tokens(text).as_bytes())?;
                Ok(buf.len())
            }
            _ => self.0.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// JSON text with the value of every `"token"` string replaced by `[redacted]`.
pub fn redact_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\"token\"") {
        let (before, from) = rest.split_at(at + "\"token\"".len());
        out.push_str(before);
        let value = from.trim_start_matches([' ', ':']);
        let Some(inner) = value.strip_prefix('"') else {
            rest = from;
            continue;
        };
        // The string's end: the first quote not escaped.
        let mut end = None;
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        out.push_str(&from[..from.len() - value.len()]);
        match end {
            Some(e) => {
                out.push_str("\"[redacted]\"");
                rest = &inner[e + 1..];
            }
            None => {
                out.push_str("\"[redacted]");
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_tokens_never_reach_the_log() {
        let line = r#"WARN Err deserializing text: missing field; text: {"t":"INTERACTION_CREATE","d":{"token":"aW50ZXJhY3Rpb24\"x","id":"1","data":{"token" : "two"}}}"#;
        let out = redact_tokens(line);
        assert_eq!(
            out,
            r#"WARN Err deserializing text: missing field; text: {"t":"INTERACTION_CREATE","d":{"token":"[redacted]","id":"1","data":{"token" : "[redacted]"}}}"#
        );
        assert_eq!(redact_tokens("no secrets here"), "no secrets here");
        assert_eq!(redact_tokens(r#"{"token":"cut off"#), r#"{"token":"[redacted]"#);
        assert_eq!(redact_tokens(r#""token": 5"#), r#""token": 5"#, "not a string: left as it is");
        let mut written = Vec::new();
        std::io::Write::write_all(&mut Redacting(&mut written), br#"{"token":"secret"}"#).unwrap();
        assert_eq!(written, br#"{"token":"[redacted]"}"#);
    }

    #[test]
    fn serenity_stays_quiet_unless_asked_for() {
        assert_eq!(log_directives("info"), "serenity=warn,info");
        assert_eq!(log_directives("debug,serenity=debug"), "debug,serenity=debug");
    }
}
