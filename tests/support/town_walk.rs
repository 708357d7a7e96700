//! One walk through a server's own town, for every transport: `/town create`, `/town add` with
//! its form, the town answering `/partner`, `/town edit` with its two forms and the button
//! between them, `/town language`, `/town remove` with its Confirm button, `/town history`,
//! `/town undo` and `/town delete` with its own. `send` delivers a payload the transport's way
//! and returns the interaction response it carried back.

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
    // Edit: the texts' form, filled in; saved; the button; the facts' form; saved.
    let (p, id, _) = subcommand("town", "edit", json!([text("city", "siegen")]), MANAGE_SERVER);
    let shown = send(p).await;
    assert_eq!(shown["type"], 9, "{shown}");
    assert_eq!(shown["data"]["components"][0]["components"][0]["value"], fields[0].1, "filled in: {shown}");
    let texts = [("summary", "Edited: churches first, then schools."), ("areas", "churches\nschools")];
    let (sent, sent_id, _) = form(&format!("tb:{id}:texts"), &texts, MANAGE_SERVER, false);
    let saved = send(sent).await;
    assert_eq!((saved["type"].as_u64(), title(&saved)), (Some(4), "Saved"), "{saved}");
    let more = format!("tb:{sent_id}:more");
    assert_eq!(saved["data"]["components"][0]["components"][0]["custom_id"], more.as_str());
    let (press, press_id, _) = payload::button(&more, MANAGE_SERVER);
    let facts = send(press).await;
    assert_eq!(facts["type"], 9, "the facts' form: {facts}");
    let good =
        [("year", "1966"), ("date", "1966-07-16"), ("kind", "twinning"), ("sources", "https://example.org/siegen")];
    let saved = send(form(&format!("tb:{press_id}:facts"), &good, MANAGE_SERVER, true).0).await;
    assert_eq!((saved["type"].as_u64(), title(&saved)), (Some(7), "Saved"), "{saved}");
    let card = send(payload::command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert!(desc(&card).starts_with("Edited: churches first"), "{card}");
    // In German.
    let (p, id, _) = subcommand("town", "language", json!([text("city", "siegen"), text("lang", "de")]), MANAGE_SERVER);
    assert_eq!(send(p).await["type"], 9);
    let german = [("summary", "Bearbeitet: erst Kirchen, dann Schulen.")];
    let saved = send(form(&format!("tb:{id}:texts"), &german, MANAGE_SERVER, false).0).await;
    assert_eq!(title(&saved), "Translation saved", "{saved}");
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
    // History, undo, delete.
    let history = send(subcommand("town", "history", json!([]), MANAGE_SERVER).0).await;
    for line in ["removed Siegen", "translated Siegen into German", "edited Siegen", "added Siegen", "created the town"]
    {
        assert!(desc(&history).contains(line), "{line}: {history}");
    }
    assert_no_pings(&history);
    let undone = send(subcommand("town", "undo", json!([]), MANAGE_SERVER).0).await;
    assert!(desc(&undone).contains("removed Siegen"), "{undone}");
    let back = send(payload::command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert_eq!(title(&back), "Morley ↔ Siegen", "undone: {back}");
    let (p, id, _) = subcommand("town", "delete", json!([]), MANAGE_SERVER);
    assert_eq!(title(&send(p).await), "Delete Morley?");
    let deleted = send(payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
    assert_eq!((deleted["type"].as_u64(), title(&deleted)), (Some(7), "Town deleted"), "{deleted}");
    siegen
}
