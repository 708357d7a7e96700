//! HTTP mode end to end: the real binary (`twinbot serve`) on 127.0.0.1, sent interactions
//! signed as Discord signs them (Ed25519 over the timestamp and the raw body), answered in the
//! HTTP response itself. REST (the deferred /announce, registration) goes to the fake Discord.

mod support;

use std::time::Duration;

use chrono::{Datelike, Utc};
use ed25519_dalek::SigningKey;
use serde_json::{json, Value};
use support::bot_process::BotProcess;
use support::fake_discord::{FakeDiscord, APP_ID, GUILD_ID};
use support::payload::{autocomplete, command, command_by, int, text};
use support::reply::{assert_no_pings, desc, embed, is_ephemeral};
use support::signed::{ask, key, post_raw, public_key, signature};

const T: Duration = Duration::from_secs(15);

fn ping() -> Value {
    json!({"id": "1311000000000099999", "application_id": APP_ID, "type": 1, "token": "ping-token", "version": 1})
}

async fn started(token: bool) -> (FakeDiscord, BotProcess, String) {
    let fake = FakeDiscord::start().await;
    let (bot, url) = BotProcess::start_http(&fake, &public_key(), token).await;
    (fake, bot, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_requests_signed_by_discord_within_five_minutes_are_answered() {
    let (_fake, bot, url) = started(false).await;
    let body = serde_json::to_vec(&ping()).unwrap();
    let now = Utc::now().timestamp();

    let a = post_raw(&url, body.clone(), &signature(&key(), &body, now)).await;
    assert_eq!((a.status, a.body.clone()), (200, json!({"type": 1})), "PING gets PONG");

    let stranger = SigningKey::from_bytes(&[7u8; 32]);
    assert_eq!(post_raw(&url, body.clone(), &signature(&stranger, &body, now)).await.status, 401, "wrong key");

    let mut tampered = body.clone();
    let headers = signature(&key(), &body, now);
    tampered[2] ^= 1;
    assert_eq!(post_raw(&url, tampered, &headers).await.status, 401, "tampered body");

    let stale = signature(&key(), &body, now - 301);
    assert_eq!(post_raw(&url, body.clone(), &stale).await.status, 401, "stale timestamp");
    let future = signature(&key(), &body, now + 301);
    assert_eq!(post_raw(&url, body.clone(), &future).await.status, 401, "future timestamp");

    assert_eq!(post_raw(&url, body.clone(), &[]).await.status, 401, "no headers");
    let only_signature = vec![signature(&key(), &body, now)[0].clone()];
    assert_eq!(post_raw(&url, body.clone(), &only_signature).await.status, 401, "no timestamp");
    let mangled = vec![("x-signature-ed25519", "not hex".to_string()), ("x-signature-timestamp", now.to_string())];
    assert_eq!(post_raw(&url, body.clone(), &mangled).await.status, 401, "signature not hex");

    let huge = vec![b' '; 300 * 1024];
    let a = post_raw(&url, huge.clone(), &signature(&key(), &huge, now)).await;
    assert_eq!(a.status, 413, "a body over 256 KiB: {}", a.text);

    let not_json = b"hello, not JSON".to_vec();
    assert_eq!(post_raw(&url, not_json.clone(), &signature(&key(), &not_json, now)).await.status, 400);
    let not_interaction = br#"{"type": 99, "hello": "world"}"#.to_vec();
    let a = post_raw(&url, not_interaction.clone(), &signature(&key(), &not_interaction, now)).await;
    assert_eq!(a.status, 400, "signed JSON that is no interaction");

    // The replay of one signed request is answered each time (no deduplication by id).
    let again = signature(&key(), &body, now);
    assert_eq!(post_raw(&url, body.clone(), &again).await.status, 200);
    assert_eq!(post_raw(&url, body.clone(), &again).await.status, 200);
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_and_autocomplete_is_answered_in_the_http_response() {
    let (fake, bot, url) = started(false).await;

    let a = ask(&url, &command("partner", json!([text("city", "dortmnud")])).0).await;
    assert_eq!((a.status, a.body["type"].clone()), (200, json!(4)), "{}", a.text);
    assert_eq!(embed(&a.body)["title"], "Leeds ↔ Dortmund");
    assert!(desc(&a.body).starts_with("Showing Dortmund for “dortmnud”."), "{}", desc(&a.body));
    assert_eq!(embed(&a.body)["fields"][0], json!({"name": "Country", "value": "🇩🇪 Germany", "inline": true}));
    assert!(!is_ephemeral(&a.body));
    assert_no_pings(&a.body);

    let a = ask(&url, &command("partner", json!([text("city", "paris")])).0).await;
    assert!(is_ephemeral(&a.body));
    assert!(desc(&a.body).contains("No partner of Leeds matches “paris”."), "{}", desc(&a.body));

    let a = ask(&url, &command("since", json!([int("year", 1970)])).0).await;
    assert_eq!(embed(&a.body)["title"], "Leeds' partners since 1970");
    let a = ask(&url, &command("partners", json!([])).0).await;
    assert_eq!(embed(&a.body)["title"], "Leeds' partner cities (7)");
    let a = ask(&url, &command("about", json!([])).0).await;
    assert_eq!(embed(&a.body)["title"], "About twinbot");
    let a = ask(&url, &command("anniversaries", json!([int("year", 2028)])).0).await;
    assert_eq!(a.body["type"], 4, "{}", a.text);
    assert!(embed(&a.body)["title"].as_str().unwrap().contains("2028"), "{}", a.text);
    let a = ask(&url, &command("home", json!([])).0).await;
    assert_eq!(a.body["type"], 4, "{}", a.text);
    assert_no_pings(&a.body);

    // The member's language, as over the gateway.
    let (mut p, _, _) = command("partner", json!([text("city", "dortmund")]));
    p["locale"] = json!("de");
    let a = ask(&url, &p).await;
    assert_eq!(embed(&a.body)["fields"][0]["name"], "Land", "{}", a.text);

    // Moderators' settings: a quick effect, saved before the answer.
    let manage = 1024 | 2048 | 8192; // View Channel, Send Messages, Manage Messages
    let (p, _, _) = command_by("anniversary-settings", json!([]), manage);
    let a = ask(&url, &p).await;
    assert_eq!(a.body["type"], 4, "{}", a.text);
    assert!(is_ephemeral(&a.body));

    for (typed, first) in [("", "Siegen"), ("dor", "Dortmund"), ("Харків", "Kharkiv"), ("brün", "Brno")] {
        let a = ask(&url, &autocomplete("partner", "city", typed).0).await;
        assert_eq!(a.body["type"], 8, "{typed}: {}", a.text);
        let choices = a.body["data"]["choices"].as_array().unwrap();
        assert!(!choices.is_empty() && choices.len() <= 25, "{typed}: {choices:?}");
        assert_eq!(choices[0]["value"], first, "{typed}");
    }
    // Nothing went to Discord's REST API: every answer was in the HTTP response.
    assert!(fake.requests().iter().all(|r| !r.path.contains("/callback")), "{:?}", fake.requests());
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_over_http_gets_a_polite_reply_and_pings_no_one() {
    let (_fake, bot, url) = started(false).await;
    let long = "Ä".repeat(6000);
    let a = ask(&url, &command("partner", json!([text("city", &long)])).0).await;
    assert!(is_ephemeral(&a.body));
    assert!(desc(&a.body).chars().count() <= 4096 && desc(&a.body).contains('…'));
    assert_no_pings(&a.body);

    let mentions = "@everyone @here <@&1300000000000000001> <@1200000000000000042>";
    let a = ask(&url, &command("partner", json!([text("city", mentions)])).0).await;
    assert_no_pings(&a.body);
    assert!(
        desc(&a.body).contains("\\@everyone \\@here \\<\\@&1300000000000000001> \\<\\@1200000000000000042>"),
        "{}",
        desc(&a.body)
    );
    let a =
        ask(&url, &command("partner", json!([text("city", "**dort**\u{200B}mund ||x|| [a](http://evil)")])).0).await;
    assert!(desc(&a.body).contains("\\*\\*dort\\*\\*mund \\|\\|x\\|\\| \\[a\\](http\\://evil)"), "{}", desc(&a.body));

    let a = ask(&url, &command("nuke", json!([])).0).await;
    assert!(is_ephemeral(&a.body));
    assert!(desc(&a.body).contains("I don't know the command /nuke"));
    let a = ask(&url, &command("partner", json!([int("city", 5)])).0).await;
    assert!(desc(&a.body).contains("`city` must be text"), "{}", desc(&a.body));
    let a = ask(&url, &command("since", json!([])).0).await;
    assert!(desc(&a.body).contains("/since needs `year`"));
    let a = ask(&url, &command("since", json!([int("year", 123456)])).0).await;
    assert!(desc(&a.body).contains("between 1000 and 9999"));

    let a = ask(&url, &command("partners", json!([])).0).await;
    assert_eq!(embed(&a.body)["title"], "Leeds' partner cities (7)");
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

/// `/announce dortmund` from a moderator (Manage Messages), into `channel`.
fn announce(channel: &str) -> Value {
    let manage = 1024 | 2048 | 8192; // View Channel, Send Messages, Manage Messages
    let (mut p, _, _) = command_by("announce", json!([]), manage);
    p["data"]["resolved"] = json!({"channels": {channel: {
        "id": channel, "name": "twinning", "type": 0, "permissions": manage.to_string()
    }}});
    p["data"]["options"] = json!([text("city", "dortmund"), {"name": "channel", "type": 7, "value": channel}]);
    p
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_token_commands_are_answered_and_posting_says_it_needs_it() {
    let (fake, bot, url) = started(false).await;
    assert!(bot.log().contains("no bot token"), "{}", bot.log());
    let a = ask(&url, &announce("1400000000000000001")).await;
    assert_eq!(a.body["type"], 4, "answered at once, not deferred: {}", a.text);
    assert!(is_ephemeral(&a.body));
    assert!(desc(&a.body).contains("posting needs the bot's token"), "{}", a.text);
    assert!(fake.channel_messages().is_empty());

    // Turning scheduled posts on is saved, and says the posts need the token too.
    let manage = 1024 | 2048 | 8192;
    let (mut p, _, _) = command_by("anniversary-settings", json!([]), manage);
    p["data"]["resolved"] = json!({"channels": {"1400000000000000001": {
        "id": "1400000000000000001", "name": "twinning", "type": 0, "permissions": manage.to_string()
    }}});
    p["data"]["options"] = json!([{"name": "channel", "type": 7, "value": "1400000000000000001"}]);
    let a = ask(&url, &p).await;
    assert_eq!(embed(&a.body)["title"], "Anniversary settings saved", "{}", a.text);
    assert!(desc(&a.body).contains("posting needs the bot's token"), "{}", a.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_token_announce_is_deferred_then_posted_and_the_answer_edited() {
    let (fake, bot, url) = started(true).await;
    let p = announce("1400000000000000001");
    let token = p["token"].as_str().unwrap().to_string();
    let a = ask(&url, &p).await;
    assert_eq!(
        (a.body["type"].clone(), a.body["data"]["flags"].clone()),
        (json!(5), json!(64)),
        "acknowledged at once, privately: {}",
        a.text
    );
    let posted = fake.wait_for_request("POST", "/channels/1400000000000000001/messages", 1, T).await;
    assert_eq!(posted.body["allowed_mentions"]["parse"], json!([]), "{}", posted.body);
    let edited = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    assert_eq!(edited.body["embeds"][0]["title"], "Announcement posted", "{}", edited.body);
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_says_whether_data_and_database_answer_and_sigterm_drains() {
    let (_fake, mut bot, url) = started(false).await;
    let health = url.replace("/interactions", "/healthz");
    let r = reqwest::Client::builder().no_proxy().build().unwrap().get(&health).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("database answers"));
    let a = ask(&url, &command("partners", json!([])).0).await;
    assert_eq!(a.status, 200);
    bot.terminate();
    let status = bot.wait_exit(T).await;
    assert!(status.success(), "SIGTERM is a clean stop: {status:?}\n{}", bot.log());
    assert!(bot.log().contains("stopped serving"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_puts_the_commands_once_over_rest() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let data = support::root().join("data/leeds.toml");
    std::fs::write(&config, format!("data = [{:?}]\n", data.display().to_string())).unwrap();
    let mut cmd = tokio::process::Command::new(support::bot_process::binary());
    cmd.arg("--config").arg(&config).args(["register", "--guild", GUILD_ID]);
    let mut bot = BotProcess::spawn(cmd, &fake, dir);
    let status = bot.wait_exit(T).await;
    assert!(status.success(), "{}", bot.log());
    let puts: Vec<_> = fake.requests().into_iter().filter(|r| r.method == "PUT").collect();
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].path, format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands"));
    assert_eq!(puts[0].body, twinbot::discord::commands_json());
    assert!(bot.log().contains(&format!("commands for server {GUILD_ID}")), "{}", bot.log());
}

/// `/anniversaries calendar:true`, as the HTTP transport receives it.
fn anniversaries_with_calendar() -> Value {
    command("anniversaries", json!([int("year", 2029), {"name": "calendar", "type": 5, "value": true}])).0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_with_a_file_is_acknowledged_then_sent_in_a_multipart_edit() {
    let (fake, bot, url) = started(true).await;
    let p = anniversaries_with_calendar();
    let token = p["token"].as_str().unwrap().to_string();
    let a = ask(&url, &p).await;
    // Discord takes no files in the HTTP response: acknowledged publicly, then edited.
    assert_eq!(a.body["type"], 5, "{}", a.text);
    assert!(!is_ephemeral(&a.body), "{}", a.text);
    let edited = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    let content_type = edited.header("content-type").unwrap_or_default();
    assert!(content_type.starts_with("multipart/form-data"), "{content_type}");
    assert!(edited.body["embeds"][0]["description"].as_str().unwrap().contains("**Dortmund**"), "{}", edited.body);
    assert_eq!(edited.body["attachments"][0]["filename"], "anniversaries-2029.ics", "{}", edited.body);
    assert_eq!(edited.files.len(), 1);
    let ics = String::from_utf8(edited.files[0].bytes.clone()).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20290602\r\n"), "{ics}");
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_token_a_reply_with_a_file_says_the_file_needs_it() {
    let (_fake, _bot, url) = started(false).await;
    let a = ask(&url, &anniversaries_with_calendar()).await;
    assert_eq!(a.body["type"], 4, "{}", a.text);
    assert!(desc(&a.body).contains("**Dortmund**"), "{}", a.text);
    assert!(desc(&a.body).contains("sending files needs the bot's token"), "{}", a.text);
    assert!(!desc(&a.body).contains("is attached"), "the file's own note goes with the file: {}", a.text);
    assert_eq!(a.body["data"]["attachments"], json!([]), "no file announced: {}", a.text);
    assert_no_pings(&a.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_feeds_are_served_for_each_home() {
    let (_fake, _bot, url) = started(false).await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let get = |path: &str| client.get(url.replace("/interactions", path)).send();
    let r = get("/calendar/leeds.ics").await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = r.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("X-WR-CALNAME:Leeds: partnership anniversaries\r\n"), "{ics}");
    // The next three years from today: Dortmund's 2 June in each of them, and nothing before today.
    let today = Utc::now().date_naive();
    let dortmund: Vec<&str> =
        ics.lines().filter(|l| l.starts_with("UID:") && l.contains("-leeds-dortmund-de@")).collect();
    assert_eq!(dortmund.len(), 3, "{dortmund:?}");
    for line in ics.lines().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")) {
        let day = chrono::NaiveDate::parse_from_str(line.trim_end(), "%Y%m%d").unwrap();
        // A month-only anniversary of this month shows on its 1st; a day's slack for the
        // server's time zone.
        let earliest = today.with_day(1).unwrap() - chrono::Duration::days(1);
        assert!(day >= earliest && day < today + chrono::Duration::days(3 * 366), "{day}");
    }
    // In German when asked.
    let r = get("/calendar/leeds.ics?locale=de").await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    // Unfolded (long lines are folded at 75 octets).
    let ics = r.text().await.unwrap().replace("\r\n ", "");
    assert!(ics.contains("SUMMARY;LANGUAGE=de:Dortmund – "), "{ics}");
    assert!(ics.contains("Jahrestag der Städtepartnerschaft mit Leeds"), "{ics}");
    // Unknown feeds (a home not loaded here) and languages are refused, naming what there is.
    let r = get("/calendar/dortmund.ics").await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let text = r.text().await.unwrap();
    assert!(text.contains("/calendar/leeds.ics"), "{text}");
    let r = get("/calendar/leeds.ics?locale=xx").await.unwrap();
    assert_eq!(r.status().as_u16(), 400);
    assert!(r.text().await.unwrap().contains("zh-CN"));
}

/// A button press (an interaction no command of this version makes) gets a polite refusal in the
/// member's language, not an error status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interaction_of_a_kind_no_command_makes_is_refused_politely_in_the_members_language() {
    let (_fake, _bot, url) = started(false).await;
    let button = support::payload::file("button.json");
    let a = ask(&url, &button).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(a.body["type"], 4, "{}", a.text);
    assert_eq!(embed(&a.body)["title"], "Das hat nicht geklappt");
    assert_eq!(desc(&a.body), "Beim Antworten ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.");
    assert!(is_ephemeral(&a.body));
    assert_no_pings(&a.body);
}

/// A server's own town over HTTP: a form shown by a command and sent back, a button pressed
/// under a reply, each answered in the HTTP response itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_town_is_made_and_kept_over_http_with_its_form_and_its_buttons() {
    let (_fake, bot, url) = started(false).await;
    let url = &url;
    support::town_walk::walk(|p| async move {
        let a = ask(url, &p).await;
        assert_eq!(a.status, 200, "{}", a.text);
        a.body
    })
    .await;
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
    assert!(!bot.log().contains("interaction-token-"), "interaction tokens are never logged");
}

/// A signed interaction serenity's model refuses (here without `attachment_size_limit`, as when
/// Discord changes its payloads) is still answered: a command politely, in the member's language
/// and only to them, an autocomplete with no choices; the field that failed is logged, the
/// interaction's token never.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interaction_serenity_cannot_read_is_answered_politely_not_refused() {
    let (_fake, bot, url) = started(false).await;
    let (mut p, _, token) = command("partner", json!([text("city", "dortmund")]));
    p.as_object_mut().unwrap().remove("attachment_size_limit");
    support::payload::in_locales(&mut p, Some("de"), None);
    let a = ask(&url, &p).await;
    assert_eq!((a.status, a.body["type"].clone()), (200, json!(4)), "{}", a.text);
    assert_eq!(embed(&a.body)["title"], "Das hat nicht geklappt");
    assert!(desc(&a.body).starts_with("twinbot konnte das nicht lesen"), "{}", a.text);
    assert!(is_ephemeral(&a.body));
    assert_no_pings(&a.body);
    let (mut p, _, auto_token) = autocomplete("partner", "city", "dort");
    p.as_object_mut().unwrap().remove("attachment_size_limit");
    let a = ask(&url, &p).await;
    assert_eq!((a.status, a.body.clone()), (200, json!({"type": 8, "data": {"choices": []}})), "{}", a.text);
    // A field of another type is read as badly.
    let (mut p, _, _) = command("partner", json!([text("city", "dortmund")]));
    p["channel_id"] = json!({"not": "an id"});
    assert_eq!(ask(&url, &p).await.body["type"], 4);
    // Signed JSON that is no interaction at all is still a 400.
    let (mut p, _, _) = command("partner", json!([]));
    p.as_object_mut().unwrap().remove("token");
    p.as_object_mut().unwrap().remove("attachment_size_limit");
    assert_eq!(ask(&url, &p).await.status, 400);
    let log = bot.wait_log("attachment_size_limit", T).await;
    assert!(log.contains("an interaction serenity cannot read"), "{log}");
    assert!(!log.contains(&token) && !log.contains(&auto_token), "no interaction token in the log:\n{log}");
}

/// A town as a moderator writes it in a file of their own, to import.
const MORLEY: &str = r#"# Morley's partner cities.
[home]
name = "Morley"
country = "United Kingdom"
country_code = "GB"

[[partner]]
name = "Siegen"
country = "Germany"
country_code = "DE"
kind = "twinning"
year = 1966
date = 1966-05-21
summary = "Morley and Siegen, since the churches' meetings after the war."

[[partner.milestone]]
year = 1966
text = "Charter signed"
"#;

/// `/town import` of a file the fake serves as Discord's attachment host would.
async fn import(url: &str, fake: &FakeDiscord, file: (&str, &str, u64, Option<&str>)) -> (Value, Value) {
    use support::payload::with_file;
    let (p, _, token) = with_file(("town", "import", "file"), file, support::town_walk::MANAGE_SERVER);
    let a = ask(url, &p).await;
    assert_eq!(a.status, 200, "{}", a.text);
    if a.body["type"] != 5 {
        return (a.body, Value::Null);
    }
    assert_eq!(a.body["data"]["flags"], 64, "acknowledged privately: {}", a.text);
    let edited = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    (a.body, edited.body)
}

/// The custom id of a button under an edited reply.
fn button_id(edit: &Value, at: usize) -> String {
    edit["components"][0]["components"][at]["custom_id"].as_str().unwrap_or_default().to_string()
}

/// A town comes in as a file from Discord's attachment host, is previewed and confirmed; goes out
/// as its TOML and a CSV; the CSV, changed in a spreadsheet, comes back in. Every hostile file is
/// refused with its reason and changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_town_is_imported_and_exported_through_discords_attachment_host() {
    use support::town_walk::{MANAGE_SERVER, MEMBER};
    let (fake, bot, url) = started(true).await;
    let size = MORLEY.len() as u64;
    let file = fake.attach("1/2/morley.toml", "application/toml", MORLEY.as_bytes());
    let (_, preview) = import(&url, &fake, ("morley.toml", &file, size, Some("application/toml"))).await;
    assert_eq!(preview["embeds"][0]["title"], "Import morley.toml?", "{preview}");
    assert!(preview["embeds"][0]["fields"].to_string().contains("Siegen"), "{preview}");
    assert_eq!(preview["allowed_mentions"]["parse"], json!([]));
    let confirm = button_id(&preview, 0);
    assert!(confirm.starts_with("tb:") && confirm.ends_with(":confirm"), "{preview}");
    let before = ask(&url, &command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert_ne!(embed(&before.body)["title"], "Morley ↔ Siegen", "nothing changes before Confirm");
    let done = ask(&url, &support::payload::button(&confirm, MANAGE_SERVER).0).await;
    assert_eq!(
        (done.body["type"].as_u64(), embed(&done.body)["title"].as_str()),
        (Some(7), Some("Imported")),
        "{}",
        done.text
    );
    let siegen = ask(&url, &command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert_eq!(embed(&siegen.body)["title"], "Morley ↔ Siegen", "{}", siegen.text);

    // Out: both files, in a multipart edit of the acknowledgement.
    let (p, _, token) = support::payload::subcommand("town", "export", json!([]), MANAGE_SERVER);
    assert_eq!(ask(&url, &p).await.body["type"], 5);
    let sent = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    let names: Vec<&str> = sent.files.iter().map(|f| f.filename.as_str()).collect();
    assert_eq!(names, ["morley.toml", "morley.csv"], "{}", sent.body);
    let toml = String::from_utf8(sent.files[0].bytes.clone()).unwrap();
    assert!(toml.starts_with("# Morley's partner cities.") && toml.contains("id = \"town\""), "{toml}");
    let csv = String::from_utf8(sent.files[1].bytes.clone()).unwrap();
    assert!(csv.starts_with("id,name,country,country_code,kind,year,month,date"), "{csv}");

    // The CSV, changed in a spreadsheet (a new summary), back in: the milestone it does not carry
    // is kept.
    let changed = csv.replace("since the churches' meetings after the war", "twinned by the churches");
    let file = fake.attach("3/4/morley.csv", "text/csv; charset=utf-8", changed.as_bytes());
    let (_, preview) = import(&url, &fake, ("morley.csv", &file, changed.len() as u64, Some("text/csv"))).await;
    assert_eq!(preview["embeds"][0]["fields"][0]["name"], "Partner changed", "{preview}");
    let done = ask(&url, &support::payload::button(&button_id(&preview, 0), MANAGE_SERVER).0).await;
    assert_eq!(embed(&done.body)["title"], "Imported", "{}", done.text);
    let siegen = ask(&url, &command_by("partner", json!([text("city", "siegen")]), MEMBER).0).await;
    assert!(desc(&siegen.body).contains("twinned by the churches"), "{}", siegen.text);

    // Hostile files: each refused with its reason; nothing changes.
    let refused = |r: &Value| {
        r["embeds"][0]["description"]
            .as_str()
            .or(r["data"]["embeds"][0]["description"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    // Over the cap: refused on the size Discord declares, before anything is fetched.
    let big = fake.attach("5/6/big.toml", "application/toml", b"x");
    let (r, _) = import(&url, &fake, ("big.toml", &big, 300 * 1024, Some("application/toml"))).await;
    assert!(refused(&r).contains("300 KB; at most 256 KB"), "{r}");
    assert_eq!(fake.fetched("5/6/big.toml"), 0, "not fetched");
    // Not Discord's host, and a redirect to one that is not.
    let (_, r) = import(&url, &fake, ("x.toml", "http://127.0.0.2:9/x.toml", 10, None)).await;
    assert!(refused(&r).contains("this one is on 127.0.0.2"), "{r}");
    let moved = fake.attach_redirect("7/8/moved.toml", "http://127.0.0.2:9/evil.toml");
    let (_, r) = import(&url, &fake, ("moved.toml", &moved, 10, None)).await;
    assert!(refused(&r).contains("sent twinbot on to 127.0.0.2"), "{r}");
    // Not text.
    let png = fake.attach("9/png.toml", "image/png", b"\x89PNG");
    let (_, r) = import(&url, &fake, ("png.toml", &png, 4, None)).await;
    assert!(refused(&r).contains("The file is image/png"), "{r}");
    // TOML that is not a data file, or nested 10,000 deep.
    let server = fake.attach("10/server.toml", "application/toml", b"[server]\nname = 1\n");
    let (_, r) = import(&url, &fake, ("server.toml", &server, 18, None)).await;
    assert!(refused(&r).contains("would not pass twinbot's checks") && refused(&r).contains("1:"), "{r}");
    let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let file = fake.attach("11/deep.toml", "application/toml", deep.as_bytes());
    let (_, r) = import(&url, &fake, ("deep.toml", &file, deep.len() as u64, None)).await;
    assert!(refused(&r).contains("nest more than 16 levels"), "{r}");
    // 201 partners, and a formula.
    let mut many = String::from("name,year,summary\r\n");
    for i in 0..201 {
        many.push_str(&format!("Town {i},1990,A link.\r\n"));
    }
    let file = fake.attach("12/many.csv", "text/csv", many.as_bytes());
    let (_, r) = import(&url, &fake, ("many.csv", &file, many.len() as u64, None)).await;
    assert!(refused(&r).contains("at most 200 partner cities"), "{r}");
    let formula = "name,year,summary\r\nSiegen,1966,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"\r\n";
    let file = fake.attach("13/formula.csv", "text/csv", formula.as_bytes());
    let (_, r) = import(&url, &fake, ("formula.csv", &file, formula.len() as u64, None)).await;
    assert!(refused(&r).contains("Line 2, column `summary`") && refused(&r).contains("spreadsheet formula"), "{r}");
    assert_eq!(r["allowed_mentions"]["parse"], json!([]));
    // Nothing changed: two imports, two versions.
    let (p, _, _) = support::payload::subcommand("town", "history", json!([]), MANAGE_SERVER);
    let history = ask(&url, &p).await;
    let lines = desc(&history.body);
    assert_eq!(lines.lines().count(), 2, "{lines}");
    assert!(lines.contains("imported morley.csv (0 added, 0 removed, 1 changed)"), "{lines}");
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
    assert!(!bot.log().contains("/attachments/"), "attachment addresses (signed by Discord) are not logged");
}

/// `/town calendar`: the address of the town's feed (at `http.public_url`), whose token alone reads
/// it; renewed, the old address reads nothing. A server's id is never enough.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_towns_calendar_feed_is_read_by_its_token_alone_and_renewed_by_its_moderators() {
    use support::bot_process::PUBLIC_URL;
    use support::town_walk::MANAGE_SERVER;
    let (fake, _bot, url) = started(true).await;
    let file = fake.attach("1/morley.toml", "application/toml", MORLEY.as_bytes());
    let (_, preview) = import(&url, &fake, ("morley.toml", &file, MORLEY.len() as u64, None)).await;
    ask(&url, &support::payload::button(&button_id(&preview, 0), MANAGE_SERVER).0).await;
    let calendar = |renew: bool| {
        let options = if renew { json!([{"name": "renew", "type": 5, "value": true}]) } else { json!([]) };
        support::payload::subcommand("town", "calendar", options, MANAGE_SERVER).0
    };
    let shown = ask(&url, &calendar(false)).await;
    assert!(is_ephemeral(&shown.body), "{}", shown.text);
    let address = |r: &Value| {
        let d = desc(r);
        let at = d.find(PUBLIC_URL).unwrap_or_else(|| panic!("an address: {d}"));
        d[at..].split('`').next().unwrap().to_string()
    };
    let first = address(&shown.body);
    assert!(first.starts_with(&format!("{PUBLIC_URL}/calendar/town/")) && first.ends_with(".ics"), "{first}");
    let token = first.trim_end_matches(".ics").rsplit('/').next().unwrap().to_string();
    assert_eq!(token.len(), 26, "128 random bits: {token}");
    assert_eq!(address(&ask(&url, &calendar(false)).await.body), first, "the same address until renewed");
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let base = url.replace("/interactions", "");
    let get = |path: String| {
        let client = client.clone();
        async move {
            let r = client.get(path).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, ics) = get(first.replace(PUBLIC_URL, &base)).await;
    assert_eq!(status, 200, "{ics}");
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("Siegen"), "{ics}");
    assert!(ics.contains("X-WR-CALNAME:Morley"), "the town's own calendar: {ics}");
    // The server's id, or anything else of the wrong shape, reads nothing.
    for wrong in [support::fake_discord::GUILD_ID.to_string(), "a".repeat(26), "morley".into()] {
        let (status, body) = get(format!("{base}/calendar/town/{wrong}.ics")).await;
        assert_eq!((status, body.as_str()), (404, "no such calendar\n"), "{wrong}");
    }
    let renewed = ask(&url, &calendar(true)).await;
    assert!(desc(&renewed.body).contains("the old one no longer works"), "{}", renewed.text);
    let second = address(&renewed.body);
    assert_ne!(second, first);
    assert_eq!(get(first.replace(PUBLIC_URL, &base)).await.0, 404, "the old address reads nothing");
    assert_eq!(get(second.replace(PUBLIC_URL, &base)).await.0, 200);
}

/// The endpoint under property tests with structured interactions (issue 28, targets 1 and 9):
/// any command, autocomplete, button or form, with options of any type and value, ids resolved
/// or not, from anyone in any language, in a server or a direct message, signed as Discord
/// signs it and posted to the real `twinbot serve`: answered 2xx, 400, 401 or 413 and nothing
/// else, and every answer within Discord's rules and never able to ping.
#[test]
fn any_signed_interaction_is_answered_within_discords_rules() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (_fake, _bot, url) = rt.block_on(started(false));
    support::property::check("interactions", 96, support::payload::any_interaction(), |p| {
        let a = rt.block_on(ask(&url, &p));
        proptest::prop_assert!(matches!(a.status, 200..=299 | 400 | 401 | 413), "status {} for {}", a.status, p);
        if a.status == 200 {
            if let Err(why) = support::reply::within_discords_rules(&a.body) {
                proptest::prop_assert!(false, "{}", why);
            }
        }
        Ok(())
    });
}

/// Every interaction of the corpus (tests/corpus/interactions), signed and posted to the real
/// `twinbot serve`: answered within the rules, as through the gateway.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interactions_corpus_is_answered_within_discords_rules_over_http() {
    let (_fake, _bot, url) = started(false).await;
    for (name, bytes) in support::property::corpus("interactions") {
        let p: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let a = ask(&url, &p).await;
        assert_eq!(a.status, 200, "{name}: {}", a.text);
        support::reply::within_discords_rules(&a.body).unwrap_or_else(|why| panic!("{name}: {why}"));
    }
}

/// The lookups anywhere (issue 26) over HTTP, as through the gateway: in a direct message the
/// default homes answer (config.toml's `discord.home`), not what the server chose; through a
/// member's own account in a server that has not added twinbot too, only to them where they lack
/// Use External Apps, and saying why; a moderator's command in a direct message is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookups_in_a_direct_message_and_through_a_members_account_answer_for_the_default_homes() {
    use support::payload::{in_direct_message, subcommand, through_account, USE_EXTERNAL_APPS};
    let fake = FakeDiscord::start().await;
    let data = [support::root().join("data/leeds.toml"), support::root().join("data/dortmund.toml")];
    let (bot, url) = BotProcess::start_http_with(&fake, &public_key(), false, &data, "home = \"Leeds\"\n").await;
    let moderator = 1024 | 2048 | 8192;
    let a = ask(&url, &command_by("home", json!([text("city", "Dortmund")]), moderator).0).await;
    assert_eq!(embed(&a.body)["title"], "Home cities saved", "{}", a.text);
    let a = ask(&url, &command("partners", json!([])).0).await;
    assert_eq!(embed(&a.body)["title"], "Dortmund's partner cities (11)", "the server's choice: {}", a.text);

    for context in [1, 2] {
        let (mut p, _, _) = command("partners", json!([]));
        in_direct_message(&mut p, context);
        let a = ask(&url, &p).await;
        assert_eq!((a.status, a.body["type"].clone()), (200, json!(4)), "{}", a.text);
        assert_eq!(embed(&a.body)["title"], "Leeds' partner cities (7)", "context {context}: {}", a.text);
        assert!(!is_ephemeral(&a.body), "{}", a.text);
        assert_no_pings(&a.body);
        let (mut p, _, _) = command("partner", json!([text("city", "dortmnud")]));
        in_direct_message(&mut p, context);
        assert_eq!(embed(&ask(&url, &p).await.body)["title"], "Leeds ↔ Dortmund");
        let (mut p, _, _) = autocomplete("partner", "city", "dor");
        in_direct_message(&mut p, context);
        let a = ask(&url, &p).await;
        assert_eq!(a.body["data"]["choices"][0]["value"], "Dortmund", "{}", a.text);
    }

    for mut p in [
        command_by("home", json!([text("city", "Leeds")]), moderator).0,
        subcommand("town", "history", json!([]), support::town_walk::MANAGE_SERVER).0,
    ] {
        in_direct_message(&mut p, 1);
        let a = ask(&url, &p).await;
        assert_eq!(embed(&a.body)["title"], "Only in a server", "{}", a.text);
        assert!(desc(&a.body).contains("not in direct messages") && is_ephemeral(&a.body), "{}", a.text);
    }

    let everything = 2_248_473_465_835_073u64;
    let (mut p, _, _) = command("partners", json!([]));
    through_account(&mut p, everything & !USE_EXTERNAL_APPS);
    let a = ask(&url, &p).await;
    assert_eq!(embed(&a.body)["title"], "Leeds' partner cities (7)", "{}", a.text);
    assert!(is_ephemeral(&a.body), "{}", a.text);
    assert!(desc(&a.body).starts_with("-# Only you can see this: twinbot is added to your account"), "{}", a.text);
    let (mut p, _, _) = command("partners", json!([]));
    through_account(&mut p, everything);
    let a = ask(&url, &p).await;
    assert_eq!(embed(&a.body)["title"], "Leeds' partner cities (7)", "{}", a.text);
    assert!(!is_ephemeral(&a.body) && !desc(&a.body).contains("Only you can see this"), "{}", a.text);

    // The server's own choice still holds there.
    let a = ask(&url, &command("partners", json!([])).0).await;
    assert_eq!(embed(&a.body)["title"], "Dortmund's partner cities (11)", "{}", a.text);
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}
