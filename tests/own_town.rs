//! A server's own town, made and kept from Discord with `/town`: real Discord payloads (slash
//! commands with subcommands, buttons, forms) read by serenity and answered by the application
//! as both transports answer them, the town then answering `/partner`, `/since` and the posts.

mod support;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use support::payload::{self, form, int, subcommand, text};
use support::reply::{assert_no_pings, desc, embed, field, is_ephemeral};
use support::{block_on, exchange, leeds};
use twinbot::app::App;

/// Manage Server, and a moderator's Manage Messages, and a member's Send Messages.
const MANAGE_SERVER: u64 = 1 << 5;
const MANAGE_MESSAGES: u64 = 1 << 13;
const MEMBER: u64 = 1 << 11;
/// The server and member of the payloads in tests/data/interactions.
const GUILD: u64 = 1_300_000_000_000_000_000;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-06T12:00:00Z").unwrap().with_timezone(&Utc)
}

fn town(sub: &str, options: Value) -> Value {
    subcommand("town", sub, options, MANAGE_SERVER).0
}

fn title(r: &Value) -> &str {
    embed(r)["title"].as_str().unwrap_or_default()
}

/// The custom ids of a reply's buttons.
fn buttons(r: &Value) -> Vec<String> {
    r["data"]["components"][0]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| b["custom_id"].as_str().unwrap().to_string())
        .collect()
}

thread_local! {
    /// How many interactions this test has sent: each comes 15 seconds after the one before, at
    /// a person's pace.
    static SENT: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// Sends a payload at a person's pace, from [`now`] on.
async fn ask(service: &App, p: Value) -> Value {
    let n = SENT.with(|c| c.replace(c.get() + 1));
    exchange(service, p, now() + Duration::seconds(15 * n)).await
}

/// A member's `/partner city`.
async fn partner(service: &App, city: &str) -> Value {
    ask(service, payload::command_by("partner", json!([text("city", city)]), MEMBER).0).await
}

/// `/town create city:Morley`, then `/town add` Siegen through its form.
async fn morley_and_siegen(service: &App) -> Value {
    let r = ask(service, town("create", json!([text("city", "Morley")]))).await;
    assert_eq!(title(&r), "Town created", "{r}");
    let (p, id, _) = subcommand(
        "town",
        "add",
        json!([
            text("city", "Siegen"),
            int("year", 1966),
            text("date", "1966-05-21"),
            text("source", "https://www.morley-siegen.example/history")
        ]),
        MANAGE_SERVER,
    );
    let shown = ask(service, p).await;
    assert_eq!(shown["type"], 9, "a form: {shown}");
    let custom_id = shown["data"]["custom_id"].as_str().unwrap().to_string();
    assert_eq!(custom_id, format!("tb:{id}:texts"));
    let inputs: Vec<&str> = shown["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["components"][0]["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(inputs, ["summary", "roots", "notes", "milestone"]);
    assert!(shown["data"]["title"].as_str().unwrap().chars().count() <= 45);
    let summary = "Morley's link with Siegen began with the churches after the war.";
    let fields = [("summary", summary), ("roots", ""), ("notes", ""), ("milestone", "Charter signed in Siegen")];
    let added = ask(service, form(&custom_id, &fields, MANAGE_SERVER, false).0).await;
    assert_eq!((added["type"].as_u64(), title(&added)), (Some(4), "Partner added"), "{added}");
    assert!(is_ephemeral(&added));
    assert!(desc(&added).contains("21 May 1966"), "{added}");
    added
}

#[test]
fn a_town_is_made_added_to_removed_undone_and_deleted_from_discord() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        assert_eq!(title(&partner(&service, "Dortmund").await), "Leeds ↔ Dortmund", "before: the loaded homes");
        morley_and_siegen(&service).await;
        // The server's commands answer for its own town now.
        let siegen = partner(&service, "siegen").await;
        assert_eq!(title(&siegen), "Morley ↔ Siegen", "{siegen}");
        assert!(embed(&siegen)["footer"]["text"].as_str().unwrap().contains("this server's own town"), "{siegen}");
        assert!(desc(&siegen).contains("churches after the war"), "{siegen}");
        assert_ne!(
            title(&partner(&service, "Dortmund").await),
            "Leeds ↔ Dortmund",
            "Leeds' partners are not this town's"
        );
        let since = ask(&service, payload::command_by("since", json!([int("year", 1960)]), MEMBER).0).await;
        assert!(desc(&since).contains("Siegen"), "{since}");
        let anniversaries =
            ask(&service, payload::command_by("anniversaries", json!([int("year", 2026)]), MEMBER).0).await;
        assert!(
            desc(&anniversaries).contains("Siegen") || field(&anniversaries, "May").contains("Siegen"),
            "{anniversaries}"
        );
        assert!(
            !serde_json::to_string(&anniversaries).unwrap().contains("Dortmund"),
            "only the town's: {anniversaries}"
        );
        // Its calendar.
        let with_calendar = json!([int("year", 2027), payload::boolean("calendar", true)]);
        let interaction: serenity::all::Interaction =
            serde_json::from_value(payload::command_by("anniversaries", with_calendar, MEMBER).0).unwrap();
        let r = twinbot::discord::respond(&service, &interaction, now()).await.unwrap();
        let file = &r.with_files.expect("a calendar file").attachments[0];
        let ics = String::from_utf8(file.bytes.to_vec()).unwrap();
        assert!(
            file.name.ends_with(".ics") && ics.contains("Siegen") && ics.contains("DTSTART;VALUE=DATE:20270521"),
            "{ics}"
        );
        assert!(!ics.contains("Dortmund"), "only the town's");
        // Pictures are drawn by the renderer the crate builds beside the bot.
        std::env::set_var("TWINBOT_RENDERER", env!("CARGO_BIN_EXE_twinbot-render"));
        for picture in ["timeline", "map"] {
            let interaction: serenity::all::Interaction =
                serde_json::from_value(payload::command_by(picture, json!([]), MEMBER).0).unwrap();
            let r = twinbot::discord::respond(&service, &interaction, now()).await.unwrap();
            let reply = r.with_files.expect("a picture");
            assert!(reply.title.contains("Morley"), "{picture}: {}", reply.title);
            assert_eq!(reply.attachments.len(), 1, "{picture}");
            assert!(reply.attachments[0].bytes.starts_with(b"\x89PNG"), "{picture}");
        }

        // Remove, with its confirmation.
        let (p, id, _) = subcommand("town", "remove", json!([text("city", "Sigen")]), MANAGE_SERVER);
        let asked = ask(&service, p).await;
        assert_eq!(title(&asked), "Remove Siegen?", "a typo still finds it: {asked}");
        assert_eq!(buttons(&asked), [format!("tb:{id}:confirm"), format!("tb:{id}:cancel")]);
        assert!(is_ephemeral(&asked));
        let done = ask(&service, payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
        assert_eq!((done["type"].as_u64(), title(&done)), (Some(7), "Partner removed"), "{done}");
        assert!(buttons(&done).is_empty(), "the buttons go with the preview");
        assert_no_pings(&done);
        let again = ask(&service, payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
        assert_eq!(title(&again), "This has ended", "a confirmation acts once: {again}");
        assert!(!title(&partner(&service, "siegen").await).ends_with("Siegen"));

        // History, then undo walking back, then past the first version.
        let history = ask(&service, town("history", json!([]))).await;
        let lines = desc(&history);
        assert!(lines.contains("3.** removed Siegen"), "{lines}");
        assert!(lines.contains("2.** added Siegen"), "{lines}");
        assert!(lines.contains("1.** created the town of Morley"), "{lines}");
        assert!(lines.contains("<@1200000000000000042>"), "who: {lines}");
        assert_no_pings(&history);
        let undone = ask(&service, town("undo", json!([]))).await;
        assert_eq!(title(&undone), "Undone", "{undone}");
        assert!(desc(&undone).contains("removed Siegen"), "{undone}");
        assert!(title(&partner(&service, "siegen").await).ends_with("Siegen"), "back");
        let undone = ask(&service, town("undo", json!([]))).await;
        assert!(desc(&undone).contains("added Siegen"), "the second undo goes further back: {undone}");
        assert!(!title(&partner(&service, "siegen").await).ends_with("Siegen"));
        let nothing = ask(&service, town("undo", json!([]))).await;
        assert_eq!(title(&nothing), "Nothing to undo", "{nothing}");
        let history = ask(&service, town("history", json!([]))).await;
        assert!(desc(&history).contains("5.** undid: added Siegen"), "{}", desc(&history));

        // Delete, with its confirmation: the loaded homes answer again; undo brings it back.
        let (p, id, _) = subcommand("town", "delete", json!([]), MANAGE_SERVER);
        let asked = ask(&service, p).await;
        assert_eq!(title(&asked), "Delete Morley?");
        let cancelled = ask(&service, payload::button(&format!("tb:{id}:cancel"), MANAGE_SERVER).0).await;
        assert_eq!(title(&cancelled), "Nothing changed");
        let (p, id, _) = subcommand("town", "delete", json!([]), MANAGE_SERVER);
        ask(&service, p).await;
        let deleted = ask(&service, payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
        assert_eq!(title(&deleted), "Town deleted", "{deleted}");
        assert!(desc(&deleted).contains("30 days"));
        assert_eq!(title(&partner(&service, "Dortmund").await), "Leeds ↔ Dortmund", "the loaded homes answer again");
        let back = ask(&service, town("undo", json!([]))).await;
        assert_eq!(title(&back), "Undone", "{back}");
        let created = ask(&service, town("create", json!([text("city", "Leeds")]))).await;
        assert_eq!(title(&created), "This server has a town", "{created}");
    });
}

#[test]
fn only_those_who_manage_the_server_and_only_in_their_own_server() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        for permissions in [MEMBER, MANAGE_MESSAGES] {
            let r = ask(&service, subcommand("town", "create", json!([text("city", "Morley")]), permissions).0).await;
            assert!(is_ephemeral(&r) && desc(&r).contains("Manage Server"), "{r}");
        }
        assert!(service.store().town(GUILD).await.unwrap().is_none(), "nothing made");
        morley_and_siegen(&service).await;
        // The same commands and buttons from another server: that server has no town, and this
        // one's buttons do nothing there.
        let other = 1_300_000_000_000_000_999;
        let mut history = town("history", json!([]));
        payload::elsewhere(&mut history, other, 1_200_000_000_000_000_077);
        assert_eq!(title(&ask(&service, history).await), "No town yet");
        let (p, id, _) = subcommand("town", "remove", json!([text("city", "Siegen")]), MANAGE_SERVER);
        ask(&service, p).await;
        let mut foreign = payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0;
        payload::elsewhere(&mut foreign, other, 1_200_000_000_000_000_077);
        assert_eq!(title(&ask(&service, foreign).await), "Not for you");
        let mut same_server_other_member = payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0;
        payload::elsewhere(&mut same_server_other_member, GUILD, 1_200_000_000_000_000_078);
        assert_eq!(title(&ask(&service, same_server_other_member).await), "Not for you");
        // The member lost Manage Server meanwhile: asked again when they act.
        let demoted = ask(&service, payload::button(&format!("tb:{id}:confirm"), MEMBER).0).await;
        assert!(desc(&demoted).contains("Manage Server"), "{demoted}");
        assert!(title(&partner(&service, "siegen").await).ends_with("Siegen"), "nothing removed");
        // 15 minutes after it was shown, the button has expired.
        let late = exchange(
            &service,
            payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0,
            now() + Duration::hours(1),
        );
        assert_eq!(title(&late.await), "This has ended");
        assert!(title(&partner(&service, "siegen").await).ends_with("Siegen"), "still nothing removed");
        // A button that is not one of the bot's is not taken for one (the transports answer it
        // with a polite refusal).
        let interaction: serenity::all::Interaction =
            serde_json::from_value(payload::button("confirm", MANAGE_SERVER).0).unwrap();
        assert!(twinbot::discord::respond(&service, &interaction, now()).await.is_none());
    });
}

#[test]
fn hostile_text_in_every_field_stays_text_and_pings_no_one() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        ask(&service, town("create", json!([text("city", "Morley")]))).await;
        let hostile = "@everyone <@&1300000000000000200> **bold** \"\"\"\n[home]\nname = \"x\" ]] ''' \u{202E}";
        let (p, id, _) = subcommand("town", "add", json!([text("city", "Brno"), int("year", 1990)]), MANAGE_SERVER);
        ask(&service, p).await;
        let fields = [("summary", hostile), ("roots", hostile), ("notes", hostile), ("milestone", hostile)];
        let added = ask(&service, form(&format!("tb:{id}:texts"), &fields, MANAGE_SERVER, false).0).await;
        assert_eq!(title(&added), "Partner added", "{added}");
        assert_no_pings(&added);
        assert!(field(&added, "Summary").contains("\\@everyone"), "escaped: {added}");
        let brno = partner(&service, "brno").await;
        assert_no_pings(&brno);
        assert!(!desc(&brno).contains("**bold**"), "markdown is escaped: {brno}");
        // The edit's two forms and the translation's, each input hostile.
        let (p, id, _) = subcommand("town", "edit", json!([text("city", "brno")]), MANAGE_SERVER);
        ask(&service, p).await;
        let fields = [("summary", hostile), ("roots", hostile), ("notes", hostile), ("areas", hostile)];
        let (sent, sent_id, _) = form(&format!("tb:{id}:texts"), &fields, MANAGE_SERVER, false);
        let saved = ask(&service, sent).await;
        assert_eq!(title(&saved), "Saved", "{saved}");
        assert_no_pings(&saved);
        let (press, press_id, _) = payload::button(&format!("tb:{sent_id}:more"), MANAGE_SERVER);
        assert_eq!(ask(&service, press).await["type"], 9);
        let facts =
            [("year", hostile), ("date", hostile), ("kind", hostile), ("suspended", hostile), ("sources", hostile)];
        let refused = ask(&service, form(&format!("tb:{press_id}:facts"), &facts, MANAGE_SERVER, true).0).await;
        assert_eq!(refused["type"], 7, "{refused}");
        assert_no_pings(&refused);
        assert!(desc(&refused).contains("\\@everyone"), "the value is shown escaped: {refused}");
        let (p, id, _) =
            subcommand("town", "language", json!([text("city", "brno"), text("lang", "fr")]), MANAGE_SERVER);
        ask(&service, p).await;
        let translated = ask(&service, form(&format!("tb:{id}:texts"), &fields, MANAGE_SERVER, false).0).await;
        assert_eq!(title(&translated), "Translation saved", "{translated}");
        let mut in_french = payload::command_by("partner", json!([text("city", "brno")]), MEMBER).0;
        payload::in_locales(&mut in_french, Some("fr"), None);
        let card = ask(&service, in_french).await;
        assert_no_pings(&card);
        assert!(!desc(&card).contains("**bold**") && desc(&card).contains("\\@everyone"), "{card}");
        let doc = service.store().town(GUILD).await.unwrap().unwrap().document.unwrap();
        let (home, partners) = twinbot::state::town::load(&doc).expect("the document still loads");
        assert_eq!((home.name.as_str(), partners.len()), ("Morley", 1), "no table was injected");
        assert_eq!(partners[0].areas.len(), 3, "one area per line of the hostile text: {:?}", partners[0].areas);
        assert!(!doc.contains('\u{202E}'), "what reorders text is not kept");
        // Bad facts are refused before the form, and nothing changes.
        for (option, value) in [("date", "1990-13-01"), ("source", "javascript:alert(1)"), ("kind", "marriage")] {
            let p = town("add", json!([text("city", "Dortmund"), int("year", 1990), text(option, value)]));
            let r = ask(&service, p).await;
            assert_eq!(r["type"], 4, "{option}: a refusal, no form: {r}");
            assert!(is_ephemeral(&r));
        }
        let against = ask(
            &service,
            town("add", json!([text("city", "Dortmund"), int("year", 1990), text("date", "1991-01-01")])),
        )
        .await;
        assert_eq!(title(&against), "Not saved", "a date against its year: {against}");
        let same = ask(&service, town("add", json!([text("city", "Brünn"), int("year", 1990)]))).await;
        assert!(desc(&same).contains("as a partner already"), "{same}");
        assert_eq!(service.store().town_history(GUILD, 50).await.unwrap().len(), 4, "nothing else was written");
    });
}

#[test]
fn the_world_completes_the_city_and_the_town_its_partners() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        let complete = |sub: &str, option: &str, typed: &str| {
            let p = payload::subcommand_autocomplete("town", sub, (option, typed), MANAGE_SERVER).0;
            let interaction: serenity::all::Interaction = serde_json::from_value(p).unwrap();
            let service = &service;
            async move {
                let r = twinbot::discord::respond(service, &interaction, now()).await.unwrap();
                serde_json::to_value(r.response).unwrap()["data"]["choices"].as_array().cloned().unwrap_or_default()
            }
        };
        let choices = complete("create", "city", "morl").await;
        assert!(!choices.is_empty() && choices.len() <= 25);
        assert!(choices.iter().any(|c| c["value"] == "Morley (GB)"), "{choices:?}");
        morley_and_siegen(&service).await;
        let partners = complete("remove", "city", "sie").await;
        assert_eq!(partners.iter().map(|c| c["value"].as_str().unwrap()).collect::<Vec<_>>(), ["Siegen"]);
        let kinds = complete("add", "kind", "").await;
        assert_eq!(kinds.len(), 3);
    });
}

/// Opens `/town <sub> city:<city>` (a form) on a replica: the id its form is sent back with.
async fn open(service: &App, sub: &str, city: &str) -> String {
    let options = match sub {
        "add" => json!([text("city", city), int("year", 1990)]),
        _ => json!([text("city", city)]),
    };
    let (p, id, _) = subcommand("town", sub, options, MANAGE_SERVER);
    assert_eq!(ask(service, p).await["type"], 9, "a form");
    format!("tb:{id}:texts")
}

/// Two replicas on one database, each answering from what it read: an add made over another's
/// is made again on the newer version; an undo made from a version no longer the newest is
/// refused, naming the change made meanwhile.
#[test]
fn changes_made_from_the_same_version_through_two_replicas_are_merged_or_refused_by_name() {
    use std::sync::Arc;
    use twinbot::discord::interaction::apply_quick;
    block_on(async {
        let config = twinbot::config::Config::parse(std::path::Path::new("config.toml"), "data = []").unwrap();
        let store: Arc<dyn twinbot::ledger::Store> = Arc::new(twinbot::store::SqliteStore::in_memory().unwrap());
        let a = App::new(&config, leeds(), store.clone()).await.unwrap();
        let b = App::new(&config, leeds(), store).await.unwrap();
        morley_and_siegen(&a).await;
        // Each answers before the other's change is saved, then both are saved.
        let both = |pa: Value, pb: Value| {
            let (a, b) = (&a, &b);
            async move {
                let ia: serenity::all::Interaction = serde_json::from_value(pa).unwrap();
                let ib: serenity::all::Interaction = serde_json::from_value(pb).unwrap();
                let mut ra = twinbot::discord::respond(a, &ia, now()).await.unwrap();
                let mut rb = twinbot::discord::respond(b, &ib, now()).await.unwrap();
                let (ea, eb) = (ra.effect.take().unwrap(), rb.effect.take().unwrap());
                let x = serde_json::to_value(apply_quick(a, ra, ea).await).unwrap();
                let y = serde_json::to_value(apply_quick(b, rb, eb).await).unwrap();
                (x, y)
            }
        };
        let (ida, idb) = (open(&a, "add", "Brno").await, open(&b, "add", "Lille").await);
        let texts = [("summary", "A link made in a test.")];
        let (x, y) = both(form(&ida, &texts, MANAGE_SERVER, false).0, form(&idb, &texts, MANAGE_SERVER, false).0).await;
        assert_eq!((title(&x), title(&y)), ("Partner added", "Partner added"), "{x}\n{y}");
        let doc = a.store().town(GUILD).await.unwrap().unwrap();
        let (_, partners) = twinbot::state::town::load(doc.document.as_deref().unwrap()).unwrap();
        let names: Vec<&str> = partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!((doc.version, names), (4, vec!["Siegen", "Brno", "Lille"]), "both kept");
        let (x, y) = both(town("undo", json!([])), town("undo", json!([]))).await;
        assert_eq!((title(&x), title(&y)), ("Undone", "Not saved"), "{x}\n{y}");
        assert!(desc(&y).contains("changed this server's town meanwhile"), "{y}");
        assert!(desc(&y).contains("undid: added Lille"), "names what was done meanwhile: {y}");
        assert_eq!(a.store().town(GUILD).await.unwrap().unwrap().version, 5, "one undo, not two");
        // Edits of two partners' texts from one version: both made. Of one partner's texts:
        // the second refused.
        let summary = |s: &'static str| [("summary", s), ("roots", ""), ("notes", ""), ("areas", "")];
        let edits = |(city_a, text_a): (&'static str, &'static str), (city_b, text_b): (&'static str, &'static str)| {
            let (a, b, both) = (&a, &b, &both);
            async move {
                let (ida, idb) = (open(a, "edit", city_a).await, open(b, "edit", city_b).await);
                let fa = form(&ida, &summary(text_a), MANAGE_SERVER, false).0;
                both(fa, form(&idb, &summary(text_b), MANAGE_SERVER, false).0).await
            }
        };
        let (x, y) = edits(("Siegen", "Siegen, edited."), ("Brno", "Brno, edited.")).await;
        assert_eq!((title(&x), title(&y)), ("Saved", "Saved"), "{x}\n{y}");
        let (x, y) = edits(("Brno", "Brno, by a."), ("Brno", "Brno, by b.")).await;
        assert_eq!((title(&x), title(&y)), ("Saved", "Not saved"), "{x}\n{y}");
        assert!(desc(&y).contains("edited Brno"), "names the edit made meanwhile: {y}");
        let doc = a.store().town(GUILD).await.unwrap().unwrap().document.unwrap();
        assert!(
            doc.contains("Siegen, edited.") && doc.contains("Brno, by a.") && !doc.contains("Brno, by b."),
            "{doc}"
        );
    });
}

/// A deleted town's history is kept for 30 days, so that `/town undo` can bring it back, then
/// erased.
#[test]
fn a_deleted_towns_history_is_kept_30_days_then_erased() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        morley_and_siegen(&service).await;
        let (p, id, _) = subcommand("town", "delete", json!([]), MANAGE_SERVER);
        ask(&service, p).await;
        ask(&service, payload::button(&format!("tb:{id}:confirm"), MANAGE_SERVER).0).await;
        let deleted_at = service.store().town(GUILD).await.unwrap().unwrap().made_at;
        service.erase_old_towns(deleted_at + Duration::days(29)).await;
        assert_eq!(service.store().town_history(GUILD, 50).await.unwrap().len(), 3, "kept 29 days on");
        service.erase_old_towns(deleted_at + Duration::days(31)).await;
        assert!(service.store().town_history(GUILD, 50).await.unwrap().is_empty(), "erased after 30 days");
        assert_eq!(title(&ask(&service, town("undo", json!([]))).await), "No town yet");
        assert_eq!(title(&partner(&service, "Dortmund").await), "Leeds ↔ Dortmund");
        // And a new town can be made afresh.
        assert_eq!(title(&ask(&service, town("create", json!([text("city", "Morley")]))).await), "Town created");
    });
}

/// Changes to a town are allowed twenty at once, then one every 15 seconds: a script is held to it,
/// and told how long to wait.
#[test]
fn a_server_changing_its_town_too_fast_is_asked_to_slow_down() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        // A script: every change at once.
        let at_once = |p: Value| exchange(&service, p, now());
        let created = at_once(town("create", json!([text("city", "Morley")]))).await;
        assert_eq!(title(&created), "Town created");
        // Each preview of a deletion keeps an action in the database: it counts as a change.
        let burst = twinbot::app::EDIT_BURST as usize;
        assert_eq!(burst, 20);
        for n in 2..=burst {
            let asked = at_once(town("delete", json!([]))).await;
            assert_eq!(title(&asked), "Delete Morley?", "change {n}: {asked}");
        }
        let refused = at_once(town("delete", json!([]))).await;
        assert_eq!(title(&refused), "Slow down", "{refused}");
        assert!(desc(&refused).contains("15 seconds"), "{refused}");
        assert!(is_ephemeral(&refused) && buttons(&refused).is_empty(), "no buttons to press: {refused}");
        let read = at_once(town("history", json!([]))).await;
        assert_eq!(title(&read), "History of Morley", "reading is never held back");
        let later = exchange(&service, town("delete", json!([])), now() + Duration::seconds(15)).await;
        assert_eq!(title(&later), "Delete Morley?", "one more every 15 seconds: {later}");
        let again = exchange(&service, town("delete", json!([])), now() + Duration::seconds(16)).await;
        assert_eq!(title(&again), "Slow down");
        let other = 1_300_000_000_000_000_999;
        let mut elsewhere = town("create", json!([text("city", "Morley")]));
        payload::elsewhere(&mut elsewhere, other, 1_200_000_000_000_000_077);
        assert_eq!(title(&at_once(elsewhere).await), "Town created", "each server has its own allowance");
    });
}

/// The values a form (type 9 response) is filled in with, by input.
fn form_values(r: &Value) -> Vec<(String, String)> {
    r["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let i = &row["components"][0];
            (i["custom_id"].as_str().unwrap().to_string(), i["value"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn a_partner_is_edited_in_two_forms_and_written_in_another_language() {
    block_on(async {
        let service = App::in_memory(leeds()).await;
        morley_and_siegen(&service).await;
        // Its texts, filled in.
        let (p, id, _) = subcommand("town", "edit", json!([text("city", "siegen")]), MANAGE_SERVER);
        let shown = ask(&service, p).await;
        assert_eq!(shown["type"], 9, "{shown}");
        assert_eq!(shown["data"]["custom_id"], format!("tb:{id}:texts"));
        let values = form_values(&shown);
        assert_eq!(
            values[0],
            ("summary".into(), "Morley's link with Siegen began with the churches after the war.".into())
        );
        assert_eq!(values.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["summary", "roots", "notes", "areas"]);
        let texts = [
            ("summary", "Churches, then schools: Morley and Siegen since 1966."),
            ("roots", ""),
            ("notes", "Sources differ on the first visit."),
            ("areas", "churches\n\nschools\n"),
        ];
        let (sent, sent_id, _) = form(&format!("tb:{id}:texts"), &texts, MANAGE_SERVER, false);
        let saved = ask(&service, sent).await;
        assert_eq!((saved["type"].as_u64(), title(&saved)), (Some(4), "Saved"), "{saved}");
        assert_eq!(buttons(&saved), [format!("tb:{sent_id}:more")], "the facts come next");
        let card = partner(&service, "siegen").await;
        assert!(desc(&card).starts_with("Churches, then schools"), "{card}");
        assert_eq!(field(&card, "Areas of cooperation"), "• churches\n• schools", "one per line, empty lines dropped");
        // The button opens the facts' form, filled in.
        let (press, press_id, _) = payload::button(&format!("tb:{sent_id}:more"), MANAGE_SERVER);
        let facts = ask(&service, press).await;
        assert_eq!(facts["type"], 9, "{facts}");
        assert_eq!(facts["data"]["custom_id"], format!("tb:{press_id}:facts"));
        let values = form_values(&facts);
        let get = |k: &str| values.iter().find(|(i, _)| i == k).map(|(_, v)| v.as_str()).unwrap();
        assert_eq!((get("year"), get("date"), get("kind"), get("suspended")), ("1966", "1966-05-21", "twinning", ""));
        assert_eq!(get("sources"), "https://www.morley-siegen.example/history");
        // Facts that fail are refused, saying what to fix, with the form to try again; nothing
        // changes.
        let mut form_id = format!("tb:{press_id}:facts");
        // A year a data file cannot hold ("+70000") is no date either.
        let bad_values = [
            ("year", "19x6"),
            ("date", "1966-13-01"),
            ("kind", "marriage"),
            ("sources", "ftp://x"),
            ("suspended", "+70000-01-01"),
        ];
        for (input, bad) in bad_values {
            let mut fields =
                vec![("year", "1966"), ("date", ""), ("kind", "twinning"), ("suspended", ""), ("sources", "")];
            fields.retain(|(k, _)| *k != input);
            fields.push((input, bad));
            let (sent, sent_id, _) = form(&form_id, &fields, MANAGE_SERVER, true);
            let r = ask(&service, sent).await;
            assert_eq!(r["type"], 7, "{input}: {r}");
            // As typed: a `:` before `//` is escaped, so that it is not made a link.
            assert!(desc(&r).contains(&bad.replace("://", "\\://")), "{input}: says which value: {r}");
            assert_eq!(buttons(&r), [format!("tb:{sent_id}:more")], "{input}: the form again");
            let (press, press_id, _) = payload::button(&format!("tb:{sent_id}:more"), MANAGE_SERVER);
            let again = ask(&service, press).await;
            assert_eq!(again["type"], 9, "{again}");
            form_id = format!("tb:{press_id}:facts");
        }
        assert_eq!(service.store().town(GUILD).await.unwrap().unwrap().version, 3, "nothing was written");
        let good = [
            ("year", "1967"),
            ("date", "1967-06"),
            ("kind", "partnership"),
            ("suspended", ""),
            ("sources", "https://example.org/a\nhttps://example.org/b"),
        ];
        let saved = ask(&service, form(&form_id, &good, MANAGE_SERVER, true).0).await;
        assert_eq!((saved["type"].as_u64(), title(&saved)), (Some(7), "Saved"), "{saved}");
        let card = partner(&service, "siegen").await;
        assert!(field(&card, "Formalised").starts_with("June 1967"), "{card}");
        assert_eq!(field(&card, "Link"), "Partnership");
        assert!(field(&card, "Sources").contains("example.org/b"), "{card}");

        // In German: the form, then the card in German.
        let (p, id, _) =
            subcommand("town", "language", json!([text("city", "siegen"), text("lang", "de")]), MANAGE_SERVER);
        let shown = ask(&service, p).await;
        assert_eq!(shown["type"], 9, "{shown}");
        let inputs: Vec<String> = form_values(&shown).into_iter().map(|(k, _)| k).collect();
        assert_eq!(inputs, ["name", "summary", "roots", "notes", "areas"], "the name first, five in all");
        assert!(form_values(&shown).iter().all(|(_, v)| v.is_empty()), "no German yet");
        let german = [
            ("summary", "Erst Kirchen, dann Schulen: Morley und Siegen seit 1967."),
            ("notes", "Die Quellen weichen ab."),
        ];
        let saved = ask(&service, form(&format!("tb:{id}:texts"), &german, MANAGE_SERVER, false).0).await;
        assert_eq!(title(&saved), "Translation saved", "{saved}");
        let mut asked_in_german = payload::command_by("partner", json!([text("city", "siegen")]), MEMBER).0;
        payload::in_locales(&mut asked_in_german, Some("de"), None);
        let card = ask(&service, asked_in_german).await;
        assert!(desc(&card).starts_with("Erst Kirchen"), "{card}");
        // Emptied, the translation goes.
        let (p, id, _) =
            subcommand("town", "language", json!([text("city", "siegen"), text("lang", "de")]), MANAGE_SERVER);
        let shown = ask(&service, p).await;
        assert_eq!(form_values(&shown)[1], ("summary".into(), german[0].1.into()), "filled in with the German");
        let emptied = [("name", ""), ("summary", ""), ("roots", ""), ("notes", ""), ("areas", "")];
        let removed = ask(&service, form(&format!("tb:{id}:texts"), &emptied, MANAGE_SERVER, false).0).await;
        assert!(desc(&removed).contains("removed"), "{removed}");
        let doc = service.store().town(GUILD).await.unwrap().unwrap().document.unwrap();
        assert!(!doc.contains("translations"), "{doc}");
        // A name alone, in Ukrainian: readers in Ukrainian see it, and it is understood when typed.
        let (p, id, _) =
            subcommand("town", "language", json!([text("city", "siegen"), text("lang", "uk")]), MANAGE_SERVER);
        assert_eq!(form_values(&ask(&service, p).await)[0], ("name".into(), String::new()));
        let named =
            ask(&service, form(&format!("tb:{id}:texts"), &[("name", " Зіґен\n ")], MANAGE_SERVER, false).0).await;
        assert_eq!(desc(&named), "In Ukrainian, **Siegen** is called **Зіґен** now.", "{named}");
        let mut asked_in_ukrainian = payload::command_by("partner", json!([text("city", "зіґен")]), MEMBER).0;
        payload::in_locales(&mut asked_in_ukrainian, Some("uk"), None);
        let card = ask(&service, asked_in_ukrainian).await;
        assert!(title(&card).contains("Зіґен") && !title(&card).contains("Siegen"), "{card}");
        let doc = service.store().town(GUILD).await.unwrap().unwrap().document.unwrap();
        assert!(doc.contains("names = { uk = \"Зіґен\" }") && !doc.contains("translations"), "{doc}");
        // Filled in next time; emptied, it goes.
        let (p, id, _) =
            subcommand("town", "language", json!([text("city", "siegen"), text("lang", "uk")]), MANAGE_SERVER);
        assert_eq!(form_values(&ask(&service, p).await)[0], ("name".into(), "Зіґен".into()));
        let unnamed = ask(&service, form(&format!("tb:{id}:texts"), &[("name", "")], MANAGE_SERVER, false).0).await;
        assert!(desc(&unnamed).starts_with("The name of **Siegen** in Ukrainian is removed"), "{unnamed}");
        let doc = service.store().town(GUILD).await.unwrap().unwrap().document.unwrap();
        assert!(!doc.contains("names ="), "{doc}");
        // The town's own language is not a translation.
        let own = ask(&service, town("language", json!([text("city", "siegen"), text("lang", "en-GB")]))).await;
        assert!(desc(&own).contains("/town edit"), "{own}");
        let history = ask(&service, town("history", json!([]))).await;
        for line in ["edited Siegen", "translated Siegen into German"] {
            assert!(desc(&history).contains(line), "{line}: {}", desc(&history));
        }
    });
}

/// What an attachment host could answer: a well-formed answer of any status, content type and
/// body (over the size limit too), a redirect anywhere, or any bytes at all.
#[derive(Debug, Clone)]
enum Hosted {
    Answer { status: u16, content_type: Option<String>, body: Vec<u8> },
    Redirect { status: u16, location: String },
    Raw(Vec<u8>),
}

impl Hosted {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Hosted::Answer { status, content_type, body } => {
                let mut head =
                    format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
                if let Some(t) = content_type {
                    head.push_str(&format!("content-type: {t}\r\n"));
                }
                let mut out = format!("{head}\r\n").into_bytes();
                out.extend_from_slice(body);
                out
            }
            Hosted::Redirect { status, location } => format!(
                "HTTP/1.1 {status} Moved\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            )
            .into_bytes(),
            Hosted::Raw(bytes) => bytes.clone(),
        }
    }
}

fn hosted() -> impl proptest::strategy::Strategy<Value = Hosted> {
    use proptest::prelude::*;
    let status = proptest::sample::select(vec![200u16, 201, 206, 400, 403, 404, 410, 429, 500, 503]);
    let content_type = proptest::option::of(prop_oneof![
        proptest::sample::select(vec![
            "text/plain",
            "text/csv; charset=utf-8",
            "application/toml",
            "image/png",
            "text/html",
            ""
        ])
        .prop_map(str::to_string),
        "[ -~]{0,30}",
    ]);
    let body = prop_oneof![
        8 => proptest::collection::vec(any::<u8>(), 0..512),
        4 => "\\PC{0,400}".prop_map(String::into_bytes),
        1 => (0usize..3).prop_map(|extra| vec![b'a'; twinbot::state::town::MAX_DOCUMENT - 1 + extra]),
    ];
    let location = prop_oneof![
        Just("/attachments/again".to_string()),
        Just("https://evil.example/x.csv".to_string()),
        Just("http://127.0.0.1:9/x".to_string()),
        "[ -~]{0,40}",
    ];
    prop_oneof![
        6 => (status, content_type, body).prop_map(|(status, content_type, body)| Hosted::Answer { status, content_type, body }),
        2 => (proptest::sample::select(vec![301u16, 302, 303, 307, 308]), location)
            .prop_map(|(status, location)| Hosted::Redirect { status, location }),
        2 => proptest::collection::vec(any::<u8>(), 0..256).prop_map(Hosted::Raw),
    ]
}

/// A host on 127.0.0.1 that answers every request with the bytes last given to `answer`, then
/// closes the connection: one listener for a whole run (a listener a case ran the machine out of
/// ports in a long run).
struct Host {
    rt: tokio::runtime::Runtime,
    base: String,
    answer: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl Host {
    fn start() -> Host {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let answer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let served = answer.clone();
        rt.spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let bytes = served.lock().unwrap().clone();
                tokio::spawn(async move {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    let mut request = [0u8; 4096];
                    let _ = socket.read(&mut request).await;
                    let _ = socket.write_all(&bytes).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        Host { rt, base, answer }
    }
}

/// The attachment fetch under property tests (issue 28, target 9): whatever the host answers,
/// the fetch ends within its time without a panic; a well-formed text answer is read exactly,
/// anything else is refused for a reason that names it, and no reason ever shows the
/// attachment's URL, which carries Discord's signature.
#[test]
fn any_answer_of_an_attachment_host_is_read_or_refused_for_its_reason() {
    let host = Host::start();
    support::property::check("fetch", 48, hosted(), |answer| fetched_within_the_rules(&host, &answer));
}

/// Every answer of the corpus (tests/corpus/fetch: what a host sent, byte for byte) is read or
/// refused within the fetch's time, for a reason that never shows the attachment's URL.
#[test]
fn the_fetch_corpus_is_read_or_refused() {
    let host = Host::start();
    for (name, bytes) in support::property::corpus("fetch") {
        if let Err(e) = fetched_within_the_rules(&host, &Hosted::Raw(bytes)) {
            panic!("{name}: {e}");
        }
    }
}

/// Fetches from a host answering `answer`: what the property asks of the result.
fn fetched_within_the_rules(host: &Host, answer: &Hosted) -> proptest::test_runner::TestCaseResult {
    use twinbot::state::files::ImportError;
    {
        *host.answer.lock().unwrap() = answer.bytes();
        let result = host.rt.block_on(async {
            let base = host.base.clone();
            let fetcher = twinbot::app::fetch::Fetcher::new(std::slice::from_ref(&base));
            let file = twinbot::commands::Attached {
                id: 1,
                filename: "town.toml".into(),
                size: 10,
                url: format!("{base}/attachments/town.toml?ex=1&hm=SIGNATURE"),
                content_type: None,
            };
            let started = std::time::Instant::now();
            let result = fetcher.fetch(&file).await;
            assert!(started.elapsed() < twinbot::app::fetch::FETCH_TIMEOUT + std::time::Duration::from_secs(5));
            result
        });
        if let Err(e) = &result {
            let said = e.to_string();
            proptest::prop_assert!(!said.is_empty() && !said.contains("SIGNATURE"), "{:?}", said);
        }
        let limit = twinbot::state::town::MAX_DOCUMENT;
        match answer {
            Hosted::Answer { status, content_type, body } => {
                // The types the operators' docs list for an import, with any parameter.
                let text_type = content_type.as_deref().is_none_or(|t| {
                    let bare = t.split(';').next().unwrap().trim().to_ascii_lowercase();
                    [
                        "text/plain",
                        "text/csv",
                        "text/x-toml",
                        "application/toml",
                        "application/x-toml",
                        "application/csv",
                        "text/comma-separated-values",
                        "application/vnd.ms-excel",
                        "application/octet-stream",
                    ]
                    .contains(&bare.as_str())
                });
                let expected = if !(200..300).contains(status) {
                    "unreachable"
                } else if !text_type {
                    "content type"
                } else if body.len() > limit {
                    "too big"
                } else if std::str::from_utf8(body).is_err() {
                    "not text"
                } else {
                    "read"
                };
                let got = match &result {
                    Ok(text) => {
                        proptest::prop_assert_eq!(text.as_bytes(), &body[..]);
                        "read"
                    }
                    Err(ImportError::Unreachable { .. }) => "unreachable",
                    Err(ImportError::ContentType { .. }) => "content type",
                    Err(ImportError::TooBig { .. }) => "too big",
                    Err(ImportError::NotText) => "not text",
                    Err(other) => return Err(proptest::test_runner::TestCaseError::fail(format!("{other:?}"))),
                };
                proptest::prop_assert_eq!(got, expected);
            }
            Hosted::Redirect { location, .. } => {
                let refused = matches!(result, Err(ImportError::Redirected { .. } | ImportError::Unreachable { .. }));
                proptest::prop_assert!(refused, "a redirect to {:?} gave {:?}", location, result);
            }
            Hosted::Raw(_) => {
                proptest::prop_assert!(result.as_ref().is_ok_and(|t| t.len() <= limit) || result.is_err())
            }
        }
        Ok(())
    }
}
