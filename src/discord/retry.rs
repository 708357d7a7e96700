//! The one retry of a call to Discord: while Discord answers with one status (429, rate limited;
//! 404, an interaction it does not know yet), wait 100 ms, then twice as long each time, within a
//! number of tries and a deadline. Any other answer, success or failure, is returned at once: a
//! 5xx may have been applied, and a second answer would be refused.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

/// When to try a call again.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// The status that means "try again".
    pub status: u16,
    /// How many tries in all.
    pub tries: u32,
    /// No wait that would end after this.
    pub deadline: Option<Instant>,
    /// What the call does, for the log ("answering", "editing an acknowledgement").
    pub doing: &'static str,
}

/// The first wait; each one after is twice the one before.
const FIRST_WAIT: Duration = Duration::from_millis(100);

/// Makes `call`, and again as `backoff` says.
pub async fn retry<T, F, Fut>(backoff: Backoff, mut call: F) -> serenity::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = serenity::Result<T>>,
{
    let mut wait = FIRST_WAIT;
    let mut tries = 1;
    loop {
        match call().await {
            Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
                if r.status_code.as_u16() == backoff.status
                    && tries < backoff.tries
                    && backoff.deadline.is_none_or(|d| Instant::now() + wait < d) =>
            {
                let status = backoff.status;
                if status == 429 {
                    tracing::warn!("rate limited while {}; retrying in {wait:?}", backoff.doing);
                } else {
                    tracing::debug!("Discord answered {status} while {}; retrying in {wait:?}", backoff.doing);
                }
                tokio::time::sleep(wait).await;
                wait *= 2;
                tries += 1;
            }
            other => return other,
        }
    }
}
