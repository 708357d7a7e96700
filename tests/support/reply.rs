//! What the tests read off an interaction response (`{"type": 4, "data": {...}}`), whichever way it
//! came: from `respond` in process, as the fake Discord received it, or in an HTTP response.

use serde_json::{json, Value};

/// The response's (first) embed.
pub fn embed(r: &Value) -> &Value {
    &r["data"]["embeds"][0]
}

/// The embed's description.
pub fn desc(r: &Value) -> &str {
    embed(r)["description"].as_str().unwrap_or_default()
}

/// The value of the embed's field called `name` ("" when there is none).
pub fn field<'a>(r: &'a Value, name: &str) -> &'a str {
    embed(r)["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == name)
        .map_or("", |f| f["value"].as_str().unwrap_or_default())
}

/// Whether only the member who asked sees it.
pub fn is_ephemeral(r: &Value) -> bool {
    r["data"]["flags"] == 64
}

/// Mentions are off whatever the text holds: nobody can be pinged by it.
pub fn assert_no_pings(r: &Value) {
    assert_eq!(r["data"]["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}), "{r}");
}
