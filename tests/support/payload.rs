//! The one builder of interaction payloads, as Discord sends them: a slash command or an
//! autocomplete from `tests/data/interactions/command.json`, with a fresh id and token, the
//! member's permissions and languages, and the channels and roles its options name resolved
//! alongside, as Discord resolves them.

use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{json, Value};

use super::fixture;

static NEXT: AtomicU64 = AtomicU64::new(1);

/// A fresh interaction id and token.
fn fresh_ids() -> (String, String) {
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    ((1_311_000_000_000_000_000u64 + n).to_string(), format!("interaction-token-{n}"))
}

/// A payload file of `tests/data/interactions`, as it is.
pub fn file(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(&format!("interactions/{name}"))).unwrap()).unwrap()
}

fn template() -> Value {
    file("command.json")
}

/// A slash-command interaction as Discord sends it: (payload, id, token).
pub fn command(name: &str, options: Value) -> (Value, String, String) {
    let (id, token) = fresh_ids();
    let mut p = template();
    p["id"] = json!(id);
    p["token"] = json!(token);
    p["data"]["name"] = json!(name);
    p["data"]["options"] = options;
    (p, id, token)
}

/// An autocomplete interaction for `option` of `name`, with `typed` so far.
pub fn autocomplete(name: &str, option: &str, typed: &str) -> (Value, String, String) {
    let (mut p, id, token) = command(name, json!([{"name": option, "type": 3, "value": typed, "focused": true}]));
    p["type"] = json!(4);
    (p, id, token)
}

/// A slash-command interaction from a member with these permission bits.
pub fn command_by(name: &str, options: Value, permissions: u64) -> (Value, String, String) {
    let (mut p, id, token) = command(name, options);
    p["member"]["permissions"] = json!(permissions.to_string());
    (p, id, token)
}

/// A slash command's subcommand (`/town create city:Morley`) as Discord sends it: the
/// subcommand is the command's one option, holding the options given.
pub fn subcommand(name: &str, sub: &str, options: Value, permissions: u64) -> (Value, String, String) {
    command_by(name, json!([{"name": sub, "type": 1, "options": options}]), permissions)
}

/// A subcommand with a file attached to its `option`, as Discord sends it: the option holds the
/// attachment's id, and `data.resolved.attachments` describes the file (name, declared size,
/// where it is, its content type).
pub fn with_file(
    (name, sub, option): (&str, &str, &str),
    (filename, url, size, content_type): (&str, &str, u64, Option<&str>),
    permissions: u64,
) -> (Value, String, String) {
    let attachment = "1311000000000077777";
    let (mut p, id, token) =
        subcommand(name, sub, json!([{"name": option, "type": 11, "value": attachment}]), permissions);
    p["data"]["resolved"] = json!({"attachments": {attachment: {
        "id": attachment,
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
        "ephemeral": true,
    }}});
    (p, id, token)
}

/// An autocomplete interaction for `option` of a subcommand, with `typed` so far, from a member
/// with these permission bits.
pub fn subcommand_autocomplete(
    name: &str,
    sub: &str,
    (option, typed): (&str, &str),
    permissions: u64,
) -> (Value, String, String) {
    let typing = json!([{"name": option, "type": 3, "value": typed, "focused": true}]);
    let (mut p, id, token) = subcommand(name, sub, typing, permissions);
    p["type"] = json!(4);
    (p, id, token)
}

/// A press of the button `custom_id` under one of the bot's messages, by a member with these
/// permission bits: `tests/data/interactions/button.json` with a fresh id and token.
pub fn button(custom_id: &str, permissions: u64) -> (Value, String, String) {
    let (id, token) = fresh_ids();
    let mut p = file("button.json");
    p["id"] = json!(id);
    p["token"] = json!(token);
    p["data"]["custom_id"] = json!(custom_id);
    p["member"]["permissions"] = json!(permissions.to_string());
    p["locale"] = json!("en-GB");
    p["message"]["components"][0]["components"][0]["custom_id"] = json!(custom_id);
    (p, id, token)
}

/// A form (modal) sent with these inputs filled in, by a member with these permission bits. A
/// form shown by a command comes without a message; one shown by a button's message names it.
pub fn form(custom_id: &str, fields: &[(&str, &str)], permissions: u64, from_message: bool) -> (Value, String, String) {
    let (mut p, id, token) = button(custom_id, permissions);
    p["type"] = json!(5);
    let rows: Vec<Value> = fields
        .iter()
        .map(|(input, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": input, "value": value}]}))
        .collect();
    p["data"] = json!({"custom_id": custom_id, "components": rows});
    if !from_message {
        p.as_object_mut().unwrap().remove("message");
    }
    (p, id, token)
}

/// The same interaction from another member of another server (ids as Discord writes them).
pub fn elsewhere(payload: &mut Value, guild: u64, user: u64) {
    let (guild, user) = (guild.to_string(), user.to_string());
    payload["guild_id"] = json!(guild);
    payload["guild"]["id"] = json!(guild);
    payload["channel"]["guild_id"] = json!(guild);
    payload["member"]["user"]["id"] = json!(user);
    payload["authorizing_integration_owners"]["0"] = json!(guild);
    if payload.get("message").is_some() {
        payload["message"]["guild_id"] = json!(guild);
    }
}

/// A text option.
pub fn text(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// An integer option.
pub fn int(name: &str, value: i64) -> Value {
    json!({"name": name, "type": 4, "value": value})
}

/// A true-or-false option.
pub fn boolean(name: &str, value: bool) -> Value {
    json!({"name": name, "type": 5, "value": value})
}

/// A channel option naming `channel`, resolved in `payload` as Discord resolves it: with the
/// member's `permissions` there.
pub fn channel(payload: &mut Value, name: &str, channel: &str, permissions: u64) -> Value {
    payload["data"]["resolved"]["channels"][channel] = json!({
        "id": channel, "name": "announcements", "type": 0, "permissions": permissions.to_string()
    });
    json!({"name": name, "type": 7, "value": channel})
}

/// A role option naming `role`, resolved in `payload` as Discord resolves it.
pub fn role(payload: &mut Value, name: &str, role: &str) -> Value {
    payload["data"]["resolved"]["roles"][role] = json!({
        "id": role, "name": "twinning-news", "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null}, "hoist": false, "icon": null,
        "unicode_emoji": null, "position": 3, "permissions": "0", "managed": false, "mentionable": true,
        "flags": 0
    });
    json!({"name": name, "type": 8, "value": role})
}

/// The member's and the server's languages (None: the field left out, as Discord may).
pub fn in_locales(payload: &mut Value, locale: Option<&str>, guild_locale: Option<&str>) {
    for (field, value) in [("locale", locale), ("guild_locale", guild_locale)] {
        match value {
            Some(l) => payload[field] = json!(l),
            None => {
                payload.as_object_mut().unwrap().remove(field);
            }
        }
    }
}
