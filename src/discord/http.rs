//! The HTTP interactions transport (`twinbot serve`): Discord POSTs each interaction to
//! `/interactions`, signed with the application's Ed25519 key, and the answer goes back in the
//! HTTP response itself. The same [`respond`] as the gateway decides the answer: one dispatch,
//! two transports. Replicas behind a load balancer need no state of their own.
//!
//! Order of work for a request: the size (over [`MAX_BODY`]: 413, unread), the signature over
//! the timestamp and the raw body (missing, malformed, wrong, or a timestamp more than
//! [`TIMESTAMP_WINDOW_SECS`] from now: 401), then the body (not an interaction: 400). Requests are
//! not deduplicated by interaction id: the timestamp window is the replay defence.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use ed25519_dalek::{Signature, VerifyingKey};
use serenity::all::{CreateInteractionResponse, CreateInteractionResponseMessage, Interaction};
use serenity::builder::Builder;

use crate::app::App;
use crate::commands::{Effect, Invocation};
use crate::core::reply::Reply;
use crate::discord::interaction::{
    apply_quick, apply_slow, edit, lang_of, message, not_ours, respond, unreadable, Target,
};
use crate::discord::rest::DiscordRest;
use crate::discord::retry::{retry, Backoff};

/// The largest request body read: Discord's interactions are a few kilobytes.
pub const MAX_BODY: usize = 256 * 1024;

/// How far a request's `X-Signature-Timestamp` may be from now, either way.
pub const TIMESTAMP_WINDOW_SECS: i64 = 5 * 60;

/// Why a request was not taken as Discord's (each gets 401).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unverified {
    /// `X-Signature-Ed25519` or `X-Signature-Timestamp` is missing.
    MissingHeaders,
    /// The signature is not 64 bytes of hex, or the timestamp not a number of seconds.
    Malformed,
    /// The timestamp is more than the window away from now.
    OutsideWindow,
    /// The signature does not match the timestamp and body under the public key.
    WrongSignature,
}

/// Checks Discord's signatures with the application's public key.
#[derive(Clone)]
pub struct Verifier {
    key: VerifyingKey,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Verifier({})", hex(self.key.as_bytes()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes hex (either case) into exactly `N` bytes.
fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let s = s.trim().as_bytes();
    if s.len() != 2 * N {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; N];
    for (i, pair) in s.chunks_exact(2).enumerate() {
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

impl Verifier {
    /// The key as the Developer Portal shows it: 64 hex digits.
    pub fn from_hex(public_key: &str) -> Option<Verifier> {
        let bytes = unhex::<32>(public_key)?;
        VerifyingKey::from_bytes(&bytes).ok().map(|key| Verifier { key })
    }

    /// Whether `body` was signed by Discord at `timestamp`, within the window of `now` (Unix
    /// seconds).
    pub fn check(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
        now: i64,
    ) -> Result<(), Unverified> {
        let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
            return Err(Unverified::MissingHeaders);
        };
        let signature = Signature::from_bytes(&unhex::<64>(signature).ok_or(Unverified::Malformed)?);
        let at: i64 = timestamp.parse().map_err(|_| Unverified::Malformed)?;
        if (now - at).abs() > TIMESTAMP_WINDOW_SECS {
            return Err(Unverified::OutsideWindow);
        }
        let mut signed = Vec::with_capacity(timestamp.len() + body.len());
        signed.extend_from_slice(timestamp.as_bytes());
        signed.extend_from_slice(body);
        self.key.verify_strict(&signed, &signature).map_err(|_| Unverified::WrongSignature)
    }
}

/// What the HTTP server shares between requests.
pub struct Server {
    pub app: Arc<App>,
    pub verifier: Verifier,
    /// Discord's REST API, when the bot token was given: deferred answers (/announce) are
    /// completed through it. Without it, what needs it says so.
    pub rest: Option<Arc<DiscordRest>>,
}

/// Discord's routes: `POST /interactions` and `GET /healthz`.
pub fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(server)
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn interactions(State(server): State<Arc<Server>>, headers: HeaderMap, body: Bytes) -> Response {
    let now = Utc::now();
    let checked = server.verifier.check(
        header_str(&headers, "x-signature-ed25519"),
        header_str(&headers, "x-signature-timestamp"),
        &body,
        now.timestamp(),
    );
    if let Err(why) = checked {
        tracing::debug!(?why, "refused a request not signed by Discord");
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            // Signed by Discord, yet not what serenity's model expects (Discord changed a field,
            // say): a command is still answered, politely, rather than left to fail.
            let value = serde_json::from_slice(&body).ok();
            if let Some(unread) = value.as_ref().and_then(|v| unreadable(v, &e)) {
                if let Ok(answer) = serde_json::to_vec(&unread.response) {
                    return json(StatusCode::OK, answer);
                }
            }
            tracing::debug!("refused a signed body that is not an interaction: {e}");
            return (StatusCode::BAD_REQUEST, "not an interaction").into_response();
        }
    };
    if let Interaction::Ping(_) = interaction {
        // Exactly Discord's PONG (serenity's own would add `"data": null`).
        return json(StatusCode::OK, br#"{"type":1}"#.to_vec());
    }
    let response = answer(&server, &interaction).await;
    match serde_json::to_vec(&response) {
        Ok(body) => json(StatusCode::OK, body),
        Err(e) => {
            tracing::error!(interaction = %interaction.id(), "could not write an answer: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "could not write the answer").into_response()
        }
    }
}

/// The answer to an interaction, as the HTTP response carries it. Quick effects (saving
/// settings) are carried out first; a post is acknowledged at once and made afterwards.
async fn answer(server: &Arc<Server>, interaction: &Interaction) -> CreateInteractionResponse {
    let now = Utc::now();
    let Some(mut answer) = respond(&server.app, interaction, now).await else {
        return not_ours(interaction);
    };
    let to = Target::of(interaction);
    match answer.effect.take() {
        // Files cannot go in the HTTP response: acknowledge, then send the reply with its files
        // in an edit of the acknowledgement.
        None => match (answer.with_files.take(), &server.rest) {
            (None, _) => answer.response,
            (Some(reply), Some(rest)) => {
                let rest = rest.clone();
                let ephemeral = reply.ephemeral;
                tokio::spawn(async move { edit_acknowledgement(&rest, &to, &reply).await });
                CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral))
            }
            (Some(reply), None) => {
                let l = lang_of(interaction);
                let note = l.t("files-need-token", &[]);
                // The files' own notes ("the file is attached") go with them.
                let description = reply.description.clone().text(format!("\n\n{note}"));
                message(&Reply { attachments: Box::new([]), ..reply }.description(description))
            }
        },
        Some(effect) if effect.is_slow() && server.rest.is_some() => {
            let rest = server.rest.clone().expect("checked");
            let (app, inv) = (server.app.clone(), answer.inv.clone());
            tokio::spawn(async move { apply_then_edit(app, rest, to, inv, effect).await });
            CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true))
        }
        // Without REST, a post says it needs the token (the application has no outbox).
        Some(effect) => apply_quick(&server.app, answer, effect).await,
    }
}

/// Carries out a slow effect after its acknowledgement, then edits the acknowledgement to say
/// how it went.
async fn apply_then_edit(app: Arc<App>, rest: Arc<DiscordRest>, to: Target, inv: Invocation, effect: Effect) {
    let reply = apply_slow(&app, &inv, effect).await;
    edit_acknowledgement(&rest, &to, &reply).await;
}

/// Replaces an acknowledgement with the reply. Discord may not have the acknowledgement yet
/// when the edit is ready (the HTTP response and the edit race), so an unknown interaction is
/// tried again a few times.
async fn edit_acknowledgement(rest: &DiscordRest, to: &Target, reply: &Reply) {
    let backoff = Backoff { status: 404, tries: 4, deadline: None, doing: "editing an acknowledgement" };
    if let Err(e) = retry(backoff, || edit(reply).execute(&rest.http, &to.token)).await {
        tracing::warn!(interaction = %to.id, "could not edit an acknowledgement: {e}");
    }
}

/// 200 when the data is loaded and the database answers; 503 otherwise.
async fn healthz(State(server): State<Arc<Server>>) -> Response {
    let homes = server.app.directory().homes.len();
    if homes == 0 {
        return (StatusCode::SERVICE_UNAVAILABLE, "no data loaded\n").into_response();
    }
    match server.app.store().ping().await {
        Ok(()) => (StatusCode::OK, format!("ok: {homes} home(s), database answers\n")).into_response(),
        Err(e) => {
            tracing::warn!("health check: the database does not answer: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer\n").into_response()
        }
    }
}

/// Serves `routes` (Discord's [`router`], and whatever else the bot serves beside it) on
/// `listener` until `shutdown` completes; requests in flight are finished first.
pub async fn serve(
    routes: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr: Option<SocketAddr> = listener.local_addr().ok();
    if let Some(addr) = addr {
        tracing::info!("serving interactions on http://{addr}/interactions");
    }
    axum::serve(listener, routes).with_graceful_shutdown(shutdown).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{NewPost, PostRecord, PostState, Problem, ServerWrite, StoreError, Written};
    use crate::state::pending::Pending;
    use crate::state::town::{TownDate, TownRecord, TownWrite, TownWritten};
    use crate::state::ServerRecord;
    use chrono::DateTime;
    use ed25519_dalek::{Signer, SigningKey};

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn signed(body: &[u8], at: i64) -> (String, String) {
        let ts = at.to_string();
        let mut m = ts.as_bytes().to_vec();
        m.extend_from_slice(body);
        (hex(&key().sign(&m).to_bytes()), ts)
    }

    #[test]
    fn signatures_are_checked_over_timestamp_and_body_within_the_window() {
        let v = Verifier::from_hex(&hex(key().verifying_key().as_bytes())).unwrap();
        let body = br#"{"type":1}"#;
        let now = 1_800_000_000;
        let (sig, ts) = signed(body, now);
        assert_eq!(v.check(Some(&sig), Some(&ts), body, now), Ok(()));
        assert_eq!(v.check(Some(&sig.to_uppercase()), Some(&ts), body, now), Ok(()), "hex in either case");
        assert_eq!(v.check(Some(&sig), Some(&ts), br#"{"type":2}"#, now), Err(Unverified::WrongSignature));
        assert_eq!(v.check(None, Some(&ts), body, now), Err(Unverified::MissingHeaders));
        assert_eq!(v.check(Some(&sig), None, body, now), Err(Unverified::MissingHeaders));
        assert_eq!(v.check(Some("zz"), Some(&ts), body, now), Err(Unverified::Malformed));
        assert_eq!(v.check(Some(&sig), Some("soon"), body, now), Err(Unverified::Malformed));
        let (old_sig, old) = signed(body, now - TIMESTAMP_WINDOW_SECS - 1);
        assert_eq!(v.check(Some(&old_sig), Some(&old), body, now), Err(Unverified::OutsideWindow));
        let (edge_sig, edge) = signed(body, now + TIMESTAMP_WINDOW_SECS);
        assert_eq!(v.check(Some(&edge_sig), Some(&edge), body, now), Ok(()), "the window's edge is inside");
        let other = SigningKey::from_bytes(&[8u8; 32]);
        let w = Verifier::from_hex(&hex(other.verifying_key().as_bytes())).unwrap();
        assert_eq!(w.check(Some(&sig), Some(&ts), body, now), Err(Unverified::WrongSignature));
    }

    /// A database that opened, then stopped answering.
    struct Down;

    #[async_trait::async_trait]
    impl crate::ledger::Store for Down {
        fn describe(&self) -> String {
            "a database that is down".into()
        }
        async fn ping(&self) -> Result<(), StoreError> {
            Err(StoreError::Query("connection refused".into()))
        }
        async fn server(&self, _: u64) -> Result<Option<ServerRecord>, StoreError> {
            Ok(None)
        }
        async fn servers(&self) -> Result<Vec<ServerRecord>, StoreError> {
            Ok(Vec::new())
        }
        async fn server_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
            Ok(Vec::new())
        }
        async fn write_server(&self, _: &ServerWrite<'_>) -> Result<Written, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn data_version(&self) -> Result<i64, StoreError> {
            Ok(0)
        }
        async fn town(&self, _: u64) -> Result<Option<TownRecord>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_version(&self, _: u64, _: i64) -> Result<Option<TownRecord>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_history(&self, _: u64, _: u32) -> Result<Vec<TownRecord>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_versions(&self) -> Result<Vec<(u64, i64)>, StoreError> {
            Ok(Vec::new())
        }
        async fn write_town(&self, _: &TownWrite<'_>) -> Result<TownWritten, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_dates(&self, _: Option<u64>) -> Result<Vec<(u64, TownDate)>, StoreError> {
            Ok(Vec::new())
        }
        async fn erase_deleted_towns(&self, _: DateTime<Utc>) -> Result<u64, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_feed(&self, _: u64) -> Result<Option<String>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn set_town_feed(&self, _: u64, _: &str, _: DateTime<Utc>) -> Result<(), StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn town_of_feed(&self, _: &str) -> Result<Option<u64>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn hold_pending(&self, _: &Pending) -> Result<(), StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn pending(&self, _: u64) -> Result<Option<Pending>, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn drop_pending(&self, _: u64) -> Result<bool, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn drop_expired(&self, _: DateTime<Utc>) -> Result<u64, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn raise_data_version(&self) -> Result<i64, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn enabled_since(
            &self,
            _: crate::ledger::Stream,
            _: u64,
            _: u64,
            now: DateTime<Utc>,
        ) -> Result<DateTime<Utc>, StoreError> {
            Ok(now)
        }
        async fn restart_enabled_since(
            &self,
            _: crate::ledger::Stream,
            _: u64,
            _: u64,
            _: DateTime<Utc>,
        ) -> Result<(), StoreError> {
            Ok(())
        }
        async fn post(&self, _: u64, _: &str) -> Result<Option<PostRecord>, StoreError> {
            Ok(None)
        }
        async fn posts(&self, _: u64) -> Result<Vec<PostRecord>, StoreError> {
            Ok(Vec::new())
        }
        async fn unfinished_posts(&self) -> Result<Vec<PostRecord>, StoreError> {
            Ok(Vec::new())
        }
        async fn record_intent(&self, _: &NewPost, _: DateTime<Utc>) -> Result<PostRecord, StoreError> {
            Err(StoreError::Query("down".into()))
        }
        async fn record_retry(&self, _: i64, _: u64, _: DateTime<Utc>) -> Result<(), StoreError> {
            Ok(())
        }
        async fn record_sent(&self, _: i64, _: u64, _: DateTime<Utc>) -> Result<(), StoreError> {
            Ok(())
        }
        async fn record_failure(
            &self,
            _: i64,
            _: PostState,
            _: &Problem,
            _: Option<DateTime<Utc>>,
            _: DateTime<Utc>,
        ) -> Result<(), StoreError> {
            Ok(())
        }
        async fn record_missed(&self, _: &NewPost, _: DateTime<Utc>) -> Result<bool, StoreError> {
            Ok(false)
        }
        async fn record_revision(&self, _: i64, _: &str, _: DateTime<Utc>, _: DateTime<Utc>) -> Result<(), StoreError> {
            Err(StoreError::Query("connection refused".into()))
        }
        async fn record_closed(&self, _: i64, _: crate::ledger::PostState, _: DateTime<Utc>) -> Result<(), StoreError> {
            Err(StoreError::Query("connection refused".into()))
        }
        async fn coming_events(&self, _: DateTime<Utc>) -> Result<Vec<crate::ledger::PostRecord>, StoreError> {
            Err(StoreError::Query("connection refused".into()))
        }
    }

    async fn health(store: Arc<dyn crate::ledger::Store>) -> (u16, String) {
        let leeds = crate::core::catalog::Catalog::load(&[
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/leeds.toml")
        ])
        .unwrap();
        let config = crate::config::Config::parse(std::path::Path::new("config.toml"), "data = []").unwrap();
        let app = Arc::new(App::new(&config, leeds, store).await.unwrap());
        let verifier = Verifier::from_hex(&hex(key().verifying_key().as_bytes())).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serve(router(Arc::new(Server { app, verifier, rest: None })), listener, async {
            let _ = stopped.await;
        }));
        let r = reqwest::Client::builder().no_proxy().build().unwrap().get(format!("http://{addr}/healthz")).send();
        let r = r.await.unwrap();
        let answer = (r.status().as_u16(), r.text().await.unwrap());
        let _ = stop.send(());
        server.await.unwrap().unwrap();
        answer
    }

    #[tokio::test]
    async fn health_is_503_when_the_database_does_not_answer() {
        let (status, body) = health(Arc::new(crate::store::SqliteStore::in_memory().unwrap())).await;
        assert_eq!((status, body.as_str()), (200, "ok: 1 home(s), database answers\n"));
        let (status, body) = health(Arc::new(Down)).await;
        assert_eq!((status, body.as_str()), (503, "the database does not answer\n"));
    }

    /// One `twinbot serve` on 127.0.0.1 for the property below, on a runtime of its own: its
    /// address, and the runtime the requests are sent from.
    fn endpoint() -> &'static (tokio::runtime::Runtime, String) {
        static ENDPOINT: std::sync::OnceLock<(tokio::runtime::Runtime, String)> = std::sync::OnceLock::new();
        ENDPOINT.get_or_init(|| {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
            let url = rt.block_on(async {
                let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
                let catalog = crate::core::catalog::Catalog::load(&[root.join("data/leeds.toml")]).unwrap();
                let config = crate::config::Config::parse(std::path::Path::new("config.toml"), "data = []").unwrap();
                let store = Arc::new(crate::store::SqliteStore::in_memory().unwrap());
                let app = Arc::new(App::new(&config, catalog, store).await.unwrap());
                let verifier = Verifier::from_hex(&hex(key().verifying_key().as_bytes())).unwrap();
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                let routes = router(Arc::new(Server { app, verifier, rest: None }));
                tokio::spawn(serve(routes, listener, std::future::pending()));
                format!("http://{addr}/interactions")
            });
            (rt, url)
        })
    }

    /// Sends a body (signed, or not) and returns the status and the answer.
    fn post(body: Vec<u8>, sign: bool) -> (u16, Vec<u8>) {
        let (rt, url) = endpoint();
        rt.block_on(async {
            let mut r = reqwest::Client::builder().no_proxy().build().unwrap().post(url.as_str());
            if sign {
                let (sig, ts) = signed(&body, chrono::Utc::now().timestamp());
                r = r.header("X-Signature-Ed25519", sig).header("X-Signature-Timestamp", ts);
            }
            let r = r.body(body).send().await.unwrap();
            (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
        })
    }

    /// What every answer of the endpoint must be: 2xx, or 400, 401 or 413, and nothing else;
    /// a message never able to ping anyone.
    fn answered_within_the_rules(status: u16, body: &[u8]) -> Result<(), String> {
        if !(matches!(status, 200..=299 | 400 | 401 | 413)) {
            return Err(format!("status {status}: {}", String::from_utf8_lossy(body)));
        }
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
            let data = &v["data"];
            let message = data.get("content").is_some() || data.get("embeds").is_some();
            if message && data["allowed_mentions"]["parse"] != serde_json::json!([]) {
                return Err(format!("a message that could ping: {v}"));
            }
        }
        Ok(())
    }

    /// An interaction's shape, with arbitrary parts: the type, the locale, the options.
    fn interaction() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let option = (any::<String>(), 0u8..12, any::<String>())
            .prop_map(|(name, kind, value)| serde_json::json!({"name": name, "type": kind, "value": value}));
        (0u8..8, proptest::option::of("[a-zA-Z-]{0,8}"), "[a-z-]{0,12}", proptest::collection::vec(option, 0..4))
            .prop_map(|(kind, locale, name, options)| {
                serde_json::json!({
                    "id": "1311000000000000001",
                    "application_id": "1300000000000000099",
                    "type": kind,
                    "token": "interaction-token-x",
                    "version": 1,
                    "locale": locale,
                    "guild_id": "1300000000000000000",
                    "channel_id": "1300000000000000001",
                    "member": {"user": {"id": "1300000000000000002", "username": "a"}, "roles": [], "permissions": "0"},
                    "data": {"id": "1300000000000000003", "name": name, "type": 1, "options": options},
                })
            })
    }

    proptest::proptest! {
        // 64 cases each in `cargo test`; PROPTEST_CASES for a long run (docs/contributors.md).
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Any bytes, signed or not: never a panic, never an answer outside the rules.
        #[test]
        fn any_body_is_answered_within_the_rules(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096), sign in proptest::prelude::any::<bool>()) {
            let (status, answer) = post(body, sign);
            proptest::prop_assert!(sign || status == 401, "unsigned: {}", status);
            if let Err(why) = answered_within_the_rules(status, &answer) {
                proptest::prop_assert!(false, "{}", why);
            }
        }

        /// Signed interactions of any type, locale, command and options: answered within the rules.
        #[test]
        fn any_signed_interaction_is_answered_within_the_rules(p in interaction()) {
            let (status, answer) = post(serde_json::to_vec(&p).unwrap(), true);
            if let Err(why) = answered_within_the_rules(status, &answer) {
                proptest::prop_assert!(false, "{}", why);
            }
        }
    }

    #[test]
    fn public_keys_are_64_hex_digits() {
        assert!(Verifier::from_hex(&hex(key().verifying_key().as_bytes())).is_some());
        assert!(Verifier::from_hex("abc").is_none());
        assert!(Verifier::from_hex(&"g".repeat(64)).is_none());
        assert_eq!(unhex::<2>("0aFf"), Some([0x0a, 0xff]));
    }
}
