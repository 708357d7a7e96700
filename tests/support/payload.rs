//! The one builder of interaction payloads, as Discord sends them: a slash command or an
//! autocomplete from `tests/data/interactions/command.json`, with a fresh id and token, the
//! member's permissions and languages, and the channels and roles its options name resolved
//! alongside, as Discord resolves them; in a server, in a direct message, or through a member's
//! own account in a server that has not added twinbot.

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

/// Use External Apps (1 << 50): where a server has not added twinbot, a member needs it for the
/// replies of the twinbot on their own account to be public.
pub const USE_EXTERNAL_APPS: u64 = 1 << 50;

/// The same interaction in a direct message, where only a member who added twinbot to their own
/// account reaches it: `context` 1 (a direct message with the bot) or 2 (one with others, or a
/// group), no server, no member (the user alone), and that member's installation the one Discord
/// names (`authorizing_integration_owners` {"1": their id}).
pub fn in_direct_message(payload: &mut Value, context: u8) {
    let user = payload["member"]["user"].clone();
    let id = user["id"].clone();
    let o = payload.as_object_mut().unwrap();
    for field in ["guild_id", "guild", "member", "guild_locale"] {
        o.remove(field);
    }
    o.insert("user".into(), user);
    o.insert("context".into(), json!(context));
    o.insert("authorizing_integration_owners".into(), json!({ "1": id }));
    let kind = if context == 1 { 1 } else { 3 };
    o.insert("channel".into(), json!({"id": "1300000000000000200", "type": kind, "flags": 0}));
    o.insert("channel_id".into(), json!("1300000000000000200"));
    // What Discord gives an app in direct messages: Attach Files, Embed Links, Mention Everyone,
    // and Use External Emojis in one with the bot.
    let app = (1u64 << 15) | (1 << 14) | (1 << 17) | if context == 1 { 1 << 18 } else { 0 };
    o.insert("app_permissions".into(), json!(app.to_string()));
    if let Some(m) = o.get_mut("message") {
        m.as_object_mut().unwrap().remove("guild_id");
    }
}

/// The same interaction in a server that has not added twinbot, from a member who added it to
/// their own account and holds these permission bits there: Discord names only the member's
/// installation (`authorizing_integration_owners` {"1": their id}, no "0").
pub fn through_account(payload: &mut Value, permissions: u64) {
    let id = payload["member"]["user"]["id"].clone();
    payload["member"]["permissions"] = json!(permissions.to_string());
    payload["authorizing_integration_owners"] = json!({ "1": id });
    payload["context"] = json!(0);
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

/// Any interaction Discord could send: a command, an autocomplete, a button pressed or a form
/// sent, for the bot's own commands and for names it never had, with options of any name, type
/// and value (ids resolved alongside, or not), from a member with any permissions and language, in
/// a server, in a direct message, or in a server that has not added twinbot (through the member's
/// own account). Real payload shapes (`tests/data/interactions`) with arbitrary
/// parts, for the property tests of both transports (issue 28).
pub fn any_interaction() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let names: Vec<String> = twinbot::commands::leaves().map(|c| c.name.to_string()).collect();
    let option_names: Vec<String> = twinbot::commands::leaves()
        .flat_map(|c| c.options.iter().map(|o| o.name.to_string()))
        .chain(["".to_string(), "x".repeat(40)])
        .collect();
    let text = prop_oneof![6 => "\\PC{0,40}", 1 => "\\PC{0,300}", 1 => Just("ж".repeat(6000))];
    let name = prop_oneof![4 => proptest::sample::select(names), 1 => "[a-z -]{0,40}"];
    let option =
        (proptest::sample::select(option_names), 1u8..12, text.clone(), any::<i64>(), any::<bool>(), any::<u8>());
    let options = proptest::collection::vec(option, 0..5);
    let custom_id =
        prop_oneof!["tb:[0-9]{1,20}:[a-z-]{0,12}", Just("tb:1311000000000000001:confirm".to_string()), "\\PC{0,120}"];
    let fields = proptest::collection::vec(("[a-z-]{0,12}", text.clone()), 0..7);
    let locale = proptest::option::of(proptest::sample::select(vec![
        "en-GB", "en-US", "de", "fr", "cs", "uk", "zh-CN", "zh-TW", "ja", "", "xx-YY",
    ]));
    let permissions = prop_oneof![Just(0u64), Just(32), Just(8), Just(2_248_473_465_835_073), any::<u64>()];
    let flags = (any::<bool>(), any::<bool>());
    // Now and then a field removed or of another type, as when Discord changes its payloads.
    let drift = proptest::option::weighted(0.25, (any::<proptest::sample::Index>(), 0u8..6));
    (0u8..4, name, options, custom_id, fields, locale, permissions, 0u8..4, flags, drift).prop_map(
        |(which, name, options, custom_id, fields, locale, permissions, context, (resolve, typed), drift)| {
            let (mut p, ..) = match which {
                0 | 1 => {
                    let mut parts = name.splitn(2, ' ');
                    let (top, sub) = (parts.next().unwrap_or_default(), parts.next());
                    let mut p = command_by(top, json!([]), permissions).0;
                    let mut list = Vec::new();
                    // Half the time the command's own options, each of its own type (the values
                    // still anything), so that most reach the command itself.
                    let spec = twinbot::commands::find(&name).filter(|s| typed && !s.options.is_empty());
                    for (i, (mut option, mut kind, text, int, flag, id)) in options.into_iter().enumerate() {
                        if let Some(o) = spec.map(|s| &s.options[i % s.options.len()]) {
                            use twinbot::commands::OptionKind as K;
                            option = o.name.to_string();
                            kind = match o.kind {
                                K::String | K::Language => 3,
                                K::Integer => 4,
                                K::Boolean => 5,
                                K::Channel => 7,
                                K::Role => 8,
                                K::Attachment => 11,
                            };
                        }
                        let id = (1_311_000_000_000_070_000u64 + u64::from(id % 4)).to_string();
                        let value = match kind {
                            3 => json!(text),
                            4 => json!(int),
                            5 => json!(flag),
                            10 => json!(int as f64 / 7.0),
                            6..=9 | 11 => json!(id),
                            _ => json!(text),
                        };
                        let mut o = json!({"name": option, "type": kind, "value": value});
                        if which == 1 && i == 0 && kind_is_autocomplete(kind) {
                            o["focused"] = json!(true);
                        }
                        if resolve {
                            resolved(&mut p, kind, &id, &text);
                        }
                        list.push(o);
                    }
                    p["data"]["options"] = match sub {
                        Some(sub) => json!([{"name": sub, "type": 1, "options": list}]),
                        None => json!(list),
                    };
                    if which == 1 {
                        p["type"] = json!(4);
                    }
                    (p, String::new(), String::new())
                }
                2 => button(&custom_id, permissions),
                _ => {
                    let fields: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                    form(&custom_id, &fields, permissions, permissions % 2 == 0)
                }
            };
            match locale {
                Some(l) => p["locale"] = json!(l),
                None => {
                    p.as_object_mut().unwrap().remove("locale");
                }
            }
            match context {
                // A direct message (1: with the bot, 2: between others), where a user install
                // reaches: no server, no member, the user alone.
                1 | 2 => in_direct_message(&mut p, context),
                // A server that has not added twinbot, through the member's own account.
                3 => through_account(&mut p, permissions),
                _ => {}
            }
            if let Some((at, how)) = drift {
                drifted(&mut p, at, how);
            }
            p
        },
    )
}

/// Changes one field of the interaction or of its data, picked by `at`: removed, or made null, a
/// number, a text, a list or an object.
fn drifted(p: &mut Value, at: proptest::sample::Index, how: u8) {
    let mut paths: Vec<(bool, String)> = p.as_object().unwrap().keys().map(|k| (false, k.clone())).collect();
    if let Some(data) = p["data"].as_object() {
        paths.extend(data.keys().map(|k| (true, k.clone())));
    }
    let (in_data, key) = at.get(&paths).clone();
    let object = if in_data { p["data"].as_object_mut().unwrap() } else { p.as_object_mut().unwrap() };
    match how {
        0 => {
            object.remove(&key);
        }
        1 => {
            object.insert(key, Value::Null);
        }
        2 => {
            object.insert(key, json!(7));
        }
        3 => {
            object.insert(key, json!("x"));
        }
        4 => {
            object.insert(key, json!([]));
        }
        _ => {
            object.insert(key, json!({}));
        }
    }
}

/// Whether an option of this type is one a member types into (autocomplete is asked for those).
fn kind_is_autocomplete(kind: u8) -> bool {
    matches!(kind, 3 | 4 | 10)
}

/// Describes the channel, role, user or file an option names in `data.resolved`, as Discord does.
fn resolved(p: &mut Value, kind: u8, id: &str, name: &str) {
    let r = &mut p["data"]["resolved"];
    match kind {
        6 => {
            r["users"][id] =
                json!({"id": id, "username": "bob", "discriminator": "0", "avatar": null, "global_name": name})
        }
        7 => {
            r["channels"][id] = json!({"id": id, "name": name, "type": 0, "permissions": "2248473465835073"});
        }
        8 => {
            r["roles"][id] = json!({
                "id": id, "name": name, "color": 0, "hoist": false, "icon": null, "unicode_emoji": null,
                "position": 1, "permissions": "0", "managed": false, "mentionable": true, "flags": 0
            })
        }
        11 => {
            r["attachments"][id] = json!({
                "id": id, "filename": format!("{name}.toml"), "size": 10, "url": "http://127.0.0.1:9/x",
                "proxy_url": "http://127.0.0.1:9/x", "content_type": "text/plain", "ephemeral": true
            })
        }
        _ => {}
    }
}
