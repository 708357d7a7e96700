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

/// Whether an interaction response keeps Discord's documented rules (its numbers written here
/// as Discord documents them, apart from the bot's own `limits`): a known response type; a
/// message within the sizes of content, embeds and components, never able to ping; at most 25
/// suggestions of 1 to 100 characters; a form within its sizes.
pub fn within_discords_rules(r: &Value) -> Result<(), String> {
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let check = |ok: bool, what: &str| if ok { Ok(()) } else { Err(format!("{what}: {r}")) };
    let d = &r["data"];
    match r["type"].as_u64() {
        Some(1 | 5 | 6) => Ok(()),
        Some(4 | 7) => {
            check(chars(&d["content"]) <= 2000, "content over 2,000 characters")?;
            check(
                d["allowed_mentions"] == json!({"parse": [], "users": [], "roles": []}),
                "a message that could ping",
            )?;
            let embeds = d["embeds"].as_array().cloned().unwrap_or_default();
            check(embeds.len() <= 10, "more than 10 embeds")?;
            let mut total = 0;
            for e in &embeds {
                check(
                    chars(&e["title"]) <= 256 && chars(&e["description"]) <= 4096,
                    "an embed's title or description",
                )?;
                check(chars(&e["footer"]["text"]) <= 2048 && chars(&e["author"]["name"]) <= 256, "a footer or author")?;
                let fields = e["fields"].as_array().cloned().unwrap_or_default();
                check(fields.len() <= 25, "more than 25 fields")?;
                for f in &fields {
                    check(
                        (1..=256).contains(&chars(&f["name"])) && (1..=1024).contains(&chars(&f["value"])),
                        "a field",
                    )?;
                }
                total += super::embed_size(e) + chars(&e["author"]["name"]);
            }
            check(total <= 6000, "embeds over 6,000 characters")?;
            let rows = d["components"].as_array().cloned().unwrap_or_default();
            check(rows.len() <= 5, "more than 5 rows")?;
            for row in &rows {
                let items = row["components"].as_array().cloned().unwrap_or_default();
                check((1..=5).contains(&items.len()), "a row of 1 to 5 buttons")?;
                for b in &items {
                    check(chars(&b["label"]) <= 80 && chars(&b["custom_id"]) <= 100, "a button's label or id")?;
                }
            }
            Ok(())
        }
        Some(8) => {
            let choices = d["choices"].as_array().cloned().unwrap_or_default();
            check(choices.len() <= 25, "more than 25 choices")?;
            for c in &choices {
                check((1..=100).contains(&chars(&c["name"])), "a choice's name of 1 to 100 characters")?;
                check(c["value"].is_string() && (1..=100).contains(&chars(&c["value"])), "a choice's value")?;
            }
            Ok(())
        }
        Some(9) => {
            check(
                (1..=45).contains(&chars(&d["title"])) && (1..=100).contains(&chars(&d["custom_id"])),
                "a form's title or id",
            )?;
            let rows = d["components"].as_array().cloned().unwrap_or_default();
            check((1..=5).contains(&rows.len()), "a form of 1 to 5 inputs")?;
            for row in &rows {
                for input in row["components"].as_array().into_iter().flatten() {
                    check((1..=45).contains(&chars(&input["label"])), "an input's label")?;
                    check(
                        chars(&input["value"]) <= 4000 && chars(&input["placeholder"]) <= 100,
                        "an input's value or placeholder",
                    )?;
                    check((1..=100).contains(&chars(&input["custom_id"])), "an input's id")?;
                }
            }
            Ok(())
        }
        _ => Err(format!("not a response type Discord knows: {r}")),
    }
}
