//! Discord's signatures for interactions over HTTP: Ed25519 over the timestamp and the raw body,
//! with the application's key pair (a fixed test key), and a client that sends them.

use chrono::Utc;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::Value;

/// The application's key pair, as the Developer Portal would hold it.
pub fn key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The application's public key, as `DISCORD_PUBLIC_KEY` takes it.
pub fn public_key() -> String {
    hex(key().verifying_key().as_bytes())
}

/// What came back: the status and the body (JSON when it is JSON).
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub text: String,
}

/// Posts `body` to the interactions endpoint with these headers.
pub async fn post_raw(url: &str, body: Vec<u8>, headers: &[(&str, String)]) -> Answer {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut req = client.post(url).header("content-type", "application/json").body(body);
    for (k, v) in headers {
        req = req.header(*k, v);
    }
    let r = req.send().await.expect("the server answers");
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    Answer { status, body: serde_json::from_str(&text).unwrap_or(Value::Null), text }
}

/// The signature headers for `body` signed by `signer` at `at` (Unix seconds).
pub fn signature(signer: &SigningKey, body: &[u8], at: i64) -> Vec<(&'static str, String)> {
    let ts = at.to_string();
    let mut signed = ts.as_bytes().to_vec();
    signed.extend_from_slice(body);
    vec![("x-signature-ed25519", hex(&signer.sign(&signed).to_bytes())), ("x-signature-timestamp", ts)]
}

/// Sends an interaction as Discord does: signed now, with the application's key.
pub async fn ask(url: &str, payload: &Value) -> Answer {
    let body = serde_json::to_vec(payload).unwrap();
    let headers = signature(&key(), &body, Utc::now().timestamp());
    post_raw(url, body, &headers).await
}
