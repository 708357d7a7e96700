//! One walk through a server's own town, for every transport: `/town create`, `/town add` with
//! its form, the town answering `/partner`, then `/town remove` with its Confirm button. `send`
//! delivers a payload the transport's way and returns the interaction response it carried back.

use std::future::Future;

use serde_json::{json, Value};

use super::payload::{self, form, int, subcommand, text};
use super::reply::{assert_no_pings, desc, embed, is_ephemeral};

/// Manage Server, and a member's Send Messages.
pub const MANAGE_SERVER: u64 = 1 << 5;
pub const MEMBER: u64 = 1 << 11;

fn title(r: &Value) -> &str {
    embed(r)["title"].as_str().unwrap_or_default()
}

/// Walks the town through `send`; returns what `/partner siegen` answered once it was added.
pub async fn walk<F, Fut>(send: F) -> Value
where
    F: Fn(Value) -> Fut,
    Fut: Future<Output = Value>,
{
    let created = send(subcommand("town", "create", json!([text("city", "Morley")]), MANAGE_SERVER).0).await;
    assert_eq!((created["type"].as_u64(), title(&created)), (Some(4), "Town created"), "{created}");
    assert!(is_ephemeral(&created));
    let (p, id, _) = subcommand(
        "town",
        "add",
        json!([text("city", "Siegen"), int("year", 1966), text("date", "1966-05-21")]),
        MANAGE_SERVER,
    );
    let shown = send(p).await;
    assert_eq!(shown["type"], 9, "a form: {shown}");
    let custom_id = format!("tb:{id}:texts");
    assert_eq!(shown["data"]["custom_id"], custom_id.as_str());
    let fields = [
        ("summary", "Morley and Siegen, since the churches' meetings after the war."),
        ("milestone", "Charter signed"),
    ];
    let added = send(form(&custom_id, &fields, MANAGE_SERVER, false).0).await;
    assert_eq!((added["type"].as_u64(), title(&added)), (Some(4), "Partner added"), "{added}");
    assert_no_pings(&added);
    let siegen = send(payload::command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert_eq!(title(&siegen), "Morley ↔ Siegen", "the town answers: {siegen}");
    assert!(desc(&siegen).contains("churches' meetings"), "{siegen}");
    let (p, id, _) = subcommand("town", "remove", json!([text("city", "siegen")]), MANAGE_SERVER);
    let asked = send(p).await;
    assert_eq!(title(&asked), "Remove Siegen?", "{asked}");
    let confirm = format!("tb:{id}:confirm");
    assert_eq!(asked["data"]["components"][0]["components"][0]["custom_id"], confirm.as_str());
    let removed = send(payload::button(&confirm, MANAGE_SERVER).0).await;
    assert_eq!((removed["type"].as_u64(), title(&removed)), (Some(7), "Partner removed"), "{removed}");
    assert_eq!(removed["data"]["components"], json!([]), "the buttons go");
    let gone = send(payload::command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert_ne!(title(&gone), "Morley ↔ Siegen", "{gone}");
    siegen
}
