//! End-to-end: the real twinbot binary, through its real configuration path
//! (`DISCORD_API_BASE`), against a fake Discord on 127.0.0.1 that speaks the gateway and REST
//! protocols. Every scenario asserts the exact JSON the fake received.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::bot_process::BotProcess;
use support::fake_discord::{FakeDiscord, Request, APP_ID, GUILD_ID, SESSION_ID};
use support::payload::{autocomplete, command, int, text};
use support::reply::{assert_no_pings, desc, embed, is_ephemeral};

const T: Duration = Duration::from_secs(15);

/// Starts a fake and the bot, and waits until the bot has registered its commands.
async fn started(guild: bool) -> (FakeDiscord, BotProcess) {
    let fake = FakeDiscord::start().await;
    let bot = BotProcess::start(&fake, guild);
    let path = if guild {
        format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    } else {
        format!("/applications/{APP_ID}/commands")
    };
    fake.wait_for_request("PUT", &path, 1, T).await;
    // Registered at start-up, over REST; then connected: READY follows the Identify.
    fake.wait_for_op(2, 1, T).await;
    (fake, bot)
}

/// Dispatches an interaction and returns the callback the bot sent for it.
async fn ask(fake: &FakeDiscord, (payload, id, token): (Value, String, String)) -> Request {
    fake.dispatch("INTERACTION_CREATE", payload);
    fake.wait_for_request("POST", &format!("/interactions/{id}/{token}/callback"), 1, T).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn startup_identifies_without_privileged_intents_and_registers_to_the_guild() {
    let (fake, bot) = started(true).await;
    let identify = fake.wait_for_op(2, 1, T).await;
    assert_eq!(identify.payload["d"]["intents"], 0, "no intents at all, so none privileged");
    let reqs = fake.requests();
    let order: Vec<String> = reqs.iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    assert_eq!(
        order,
        vec![
            "GET /users/@me".to_string(),
            "GET /gateway".to_string(),
            format!("PUT /applications/{APP_ID}/guilds/{GUILD_ID}/commands"),
            // Discord's recommended number of shards, all run here (no discord.shards).
            "GET /gateway/bot".to_string(),
        ]
    );
    let put = &reqs[2];
    assert!(put.at < identify.at, "registered over REST at start-up, before the gateway identifies");
    assert_eq!(put.body, twinbot::discord::commands_json(), "exactly the registry's commands");
    assert_eq!(put.header("authorization").map(|a| a.starts_with("Bot ")), Some(true));
    let names: Vec<&str> = put.body.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        vec![
            "partner",
            "since",
            "partners",
            "anniversaries",
            "timeline",
            "map",
            "announce",
            "anniversary-settings",
            "home",
            "town",
            "about"
        ]
    );
    assert_eq!(
        put.body[1]["options"][0],
        json!({
            "type": 4, "name": "year", "description": "The first year to include", "required": true,
            "min_value": 1000, "max_value": 9999, "autocomplete": false, "channel_types": [], "choices": [],
            "options": [], "min_length": null, "max_length": null,
            "name_localizations": {"de": "jahr", "fr": "année", "cs": "rok", "uk": "рік", "zh-CN": "年份"},
            "description_localizations": {
                "de": "Das erste Jahr, das dazugehört", "fr": "La première année incluse",
                "cs": "První zahrnutý rok", "uk": "Перший рік вибірки", "zh-CN": "包含的第一年"
            }
        })
    );
    assert_eq!(put.body[0]["options"][0]["autocomplete"], true);
    bot.wait_log("registered commands for server", T).await;
    assert!(!bot.log().contains(support::bot_process::TOKEN), "the token must never be logged");
}

/// The running bot has transparent huge pages off (its allocator's regions would otherwise be
/// backed by 2 MB pages where the kernel does so unasked: docs/performance.md).
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_running_bot_has_transparent_huge_pages_off() {
    let (_fake, bot) = started(true).await;
    let status = std::fs::read_to_string(format!("/proc/{}/status", bot.pid())).unwrap();
    match status.lines().find(|l| l.starts_with("THP_enabled:")) {
        Some(line) => assert_eq!(line.split_whitespace().nth(1), Some("0"), "{line}"),
        // Older kernels do not show the flag.
        None => eprintln!("this kernel does not show THP_enabled; not checked"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_guild_commands_are_registered_globally() {
    let (fake, _bot) = started(false).await;
    let puts: Vec<Request> = fake.requests().into_iter().filter(|r| r.method == "PUT").collect();
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].path, format!("/applications/{APP_ID}/commands"));
    assert_eq!(puts[0].body, twinbot::discord::commands_json());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_answers_what_the_user_should_see() {
    let (fake, bot) = started(true).await;

    let r = ask(&fake, command("partner", json!([text("city", "dortmnud")]))).await;
    assert_eq!(r.body["type"], 4);
    assert_eq!(embed(&r.body)["title"], "Leeds ↔ Dortmund");
    assert!(desc(&r.body).starts_with("Showing Dortmund for “dortmnud”."), "{}", desc(&r.body));
    assert_eq!(embed(&r.body)["fields"][0], json!({"name": "Country", "value": "🇩🇪 Germany", "inline": true}));
    assert!(!is_ephemeral(&r.body));
    assert_no_pings(&r.body);

    let r = ask(&fake, command("partner", json!([text("city", "Brünn")]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds ↔ Brno");

    let r = ask(&fake, command("partner", json!([text("city", "paris")]))).await;
    assert!(is_ephemeral(&r.body));
    assert!(desc(&r.body).contains("No partner of Leeds matches “paris”."));
    assert_eq!(
        embed(&r.body)["fields"][0]["value"],
        "**Siegen**, **Lille**, **Dortmund**, **Hangzhou**, **Durban**, **Brno** or **Kharkiv**"
    );
    assert_no_pings(&r.body);

    let r = ask(&fake, command("partner", json!([text("city", "germany")]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds' partners in Germany 🇩🇪");

    let r = ask(&fake, command("since", json!([int("year", 1970)]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds' partners since 1970");
    let d = desc(&r.body);
    let at: Vec<usize> = ["Hangzhou", "Durban", "Brno", "Kharkiv"].iter().map(|n| d.find(n).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{d}");
    assert!(!d.contains("Dortmund"));

    let r = ask(&fake, command("since", json!([int("year", 2024)]))).await;
    assert!(desc(&r.body).contains("No partnership was formalised in 2024 or later."));

    let r = ask(&fake, command("since", json!([int("year", 1960), int("until", 1990)]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds' partners from 1960 to 1990");

    let r = ask(&fake, command("partners", json!([]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds' partner cities (7)");

    let r = ask(&fake, command("about", json!([]))).await;
    assert_eq!(embed(&r.body)["title"], "About twinbot");
    assert_no_pings(&r.body);
    assert!(!bot.log().contains("panicked"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anniversaries_with_a_calendar_attach_an_ics_file_in_a_multipart_callback() {
    let (fake, _bot) = started(true).await;
    let r = ask(
        &fake,
        command("anniversaries", json!([int("year", 2029), {"name": "calendar", "type": 5, "value": true}])),
    )
    .await;
    let content_type = r.header("content-type").unwrap_or_default();
    assert!(content_type.starts_with("multipart/form-data; boundary="), "{content_type}");
    assert_no_pings(&r.body);
    assert!(desc(&r.body).contains("**Dortmund**"), "{}", desc(&r.body));
    assert!(desc(&r.body).contains("The calendar file is attached"), "{}", desc(&r.body));
    // The file, announced in payload_json and sent as files[0].
    let announced = &r.body["data"]["attachments"];
    assert_eq!(announced[0]["id"], 0, "{announced}");
    assert_eq!(announced[0]["filename"], "anniversaries-2029.ics");
    assert_eq!(r.files.len(), 1);
    let file = &r.files[0];
    assert_eq!((file.field.as_str(), file.filename.as_str()), ("files[0]", "anniversaries-2029.ics"));
    let ics = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("UID:2029-leeds-dortmund-de@twinbot\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20290602\r\n"), "{ics}");
    // Not shown as the embed's picture: it is a file to save.
    assert!(embed(&r.body)["image"].is_null(), "{}", embed(&r.body));

    // Without the option, no file and a plain JSON callback.
    let r = ask(&fake, command("anniversaries", json!([int("year", 2029)]))).await;
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert!(r.files.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_sends_its_picture_as_an_attachment_shown_in_the_embed() {
    let (fake, _bot) = started(true).await;
    let (mut payload, id, token) = command("timeline", json!([]));
    payload["locale"] = json!("de");
    let r = ask(&fake, (payload, id, token)).await;
    assert!(r.header("content-type").unwrap_or_default().starts_with("multipart/form-data"));
    assert_no_pings(&r.body);
    assert_eq!(r.body["type"], 4);
    assert_eq!(embed(&r.body)["title"], "Partnerschaften von Leeds im Lauf der Jahre");
    assert_eq!(embed(&r.body)["image"]["url"], "attachment://timeline.png");
    let announced = &r.body["data"]["attachments"][0];
    assert_eq!(announced["filename"], "timeline.png", "{}", r.body);
    assert!(announced["description"].as_str().unwrap().starts_with("Zeitleiste der 7 Partnerschaften von Leeds"));
    assert_eq!(r.files.len(), 1);
    let file = &r.files[0];
    assert_eq!((file.field.as_str(), file.filename.as_str()), ("files[0]", "timeline.png"));
    let img = image::load_from_memory_with_format(&file.bytes, image::ImageFormat::Png).expect("a PNG");
    assert_eq!(img.width(), 1200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_sends_its_picture_as_an_attachment_shown_in_the_embed() {
    let (fake, _bot) = started(true).await;
    let (mut payload, id, token) = command("map", json!([]));
    payload["locale"] = json!("fr");
    let r = ask(&fake, (payload, id, token)).await;
    assert!(r.header("content-type").unwrap_or_default().starts_with("multipart/form-data"));
    assert_no_pings(&r.body);
    assert_eq!(embed(&r.body)["title"], "Les villes partenaires de Leeds");
    assert_eq!(embed(&r.body)["image"]["url"], "attachment://map.png");
    let announced = &r.body["data"]["attachments"][0];
    assert_eq!(announced["filename"], "map.png", "{}", r.body);
    let description = announced["description"].as_str().unwrap();
    assert!(description.starts_with("Carte des 7 villes partenaires de Leeds"), "{description}");
    assert_eq!(r.files.len(), 1);
    assert_eq!((r.files[0].field.as_str(), r.files[0].filename.as_str()), ("files[0]", "map.png"));
    let img = image::load_from_memory_with_format(&r.files[0].bytes, image::ImageFormat::Png).expect("a PNG");
    assert_eq!(img.width(), 1200);
    assert!(r.files[0].bytes.len() <= 300 * 1024);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_answers_ranked_choices_within_discords_limits() {
    let (fake, _bot) = started(true).await;
    let cases = [
        ("", "Siegen"),
        ("dor", "Dortmund"),
        ("dortmnud", "Dortmund"),
        ("Харків", "Kharkiv"),
        ("杭州", "Hangzhou"),
        ("brün", "Brno"),
    ];
    for (typed, first) in cases {
        let r = ask(&fake, autocomplete("partner", "city", typed)).await;
        assert_eq!(r.body["type"], 8, "{typed}");
        let choices = r.body["data"]["choices"].as_array().unwrap();
        assert!(!choices.is_empty() && choices.len() <= 25, "{typed}: {choices:?}");
        assert_eq!(choices[0]["value"], first, "{typed}");
        for c in choices {
            assert!(c["name"].as_str().unwrap().chars().count() <= 100);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_gets_a_polite_reply_and_pings_no_one() {
    let (fake, bot) = started(true).await;
    let long = "Ä".repeat(6000);
    let r = ask(&fake, command("partner", json!([text("city", &long)]))).await;
    assert!(is_ephemeral(&r.body));
    assert!(desc(&r.body).chars().count() <= 4096 && desc(&r.body).contains('…'));
    assert_no_pings(&r.body);

    let r = ask(
        &fake,
        command("partner", json!([text("city", "@everyone @here <@&1300000000000000001> <@1200000000000000042>")])),
    )
    .await;
    assert_no_pings(&r.body);
    assert!(
        desc(&r.body).contains("\\@everyone \\@here \\<\\@&1300000000000000001> \\<\\@1200000000000000042>"),
        "{}",
        desc(&r.body)
    );

    let r = ask(&fake, command("partner", json!([text("city", "**dort**\u{200B}mund ||x|| [a](http://evil)")]))).await;
    // The link neither masked nor bare: `http\://` is shown as typed and is not a link.
    assert!(desc(&r.body).contains("\\*\\*dort\\*\\*mund \\|\\|x\\|\\| \\[a\\](http\\://evil)"), "{}", desc(&r.body));
    assert!(!desc(&r.body).contains('\u{200B}'));

    let r = ask(&fake, command("nuke", json!([]))).await;
    assert!(is_ephemeral(&r.body));
    assert!(desc(&r.body).contains("I don't know the command /nuke"));

    let r = ask(&fake, command("partner", json!([int("city", 5)]))).await;
    assert!(is_ephemeral(&r.body));
    assert!(desc(&r.body).contains("`city` must be text"));

    let r = ask(&fake, command("since", json!([]))).await;
    assert!(is_ephemeral(&r.body));
    assert!(desc(&r.body).contains("/since needs `year`"));

    let r = ask(&fake, command("since", json!([int("year", 123456)]))).await;
    assert!(desc(&r.body).contains("between 1000 and 9999"));

    // Still alive and serving.
    let r = ask(&fake, command("partners", json!([]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds' partner cities (7)");
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_socket_is_resumed_and_commands_are_not_registered_twice() {
    let (fake, _bot) = started(true).await;
    fake.drop_connection(4000);
    let resume = fake.wait_for_op(6, 1, T).await;
    assert_eq!(resume.payload["d"]["session_id"], SESSION_ID);
    assert_eq!(resume.connection, 2);
    let r = ask(&fake, command("partner", json!([text("city", "lile")]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds ↔ Lille");

    // An invalid session makes the bot identify again and receive a second READY.
    fake.send_raw(json!({"op": 9, "d": false}));
    fake.wait_for_op(2, 2, T).await;
    let r = ask(&fake, command("partner", json!([text("city", "siegn")]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds ↔ Siegen");
    let puts = fake.requests().into_iter().filter(|r| r.method == "PUT").count();
    assert_eq!(puts, 1, "commands are registered once, not on every READY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_callback_is_retried_and_arrives() {
    let (fake, bot) = started(true).await;
    fake.fail(
        "POST",
        "/interactions/",
        429,
        json!({"message": "You are being rate limited.", "retry_after": 0.1, "global": false}),
        &[("retry-after", "1"), ("x-ratelimit-scope", "user")],
        1,
    );
    let (payload, id, token) = command("partner", json!([text("city", "durbn")]));
    fake.dispatch("INTERACTION_CREATE", payload);
    let path = format!("/interactions/{id}/{token}/callback");
    let second = fake.wait_for_request("POST", &path, 2, T).await;
    let first = fake.wait_for_request("POST", &path, 1, T).await;
    assert_eq!(first.body, second.body, "the same answer is sent again");
    assert_eq!(embed(&second.body)["title"], "Leeds ↔ Durban");
    assert!(bot.log().contains("rate limited while answering"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_is_logged_and_the_bot_keeps_serving() {
    let (fake, bot) = started(true).await;
    fake.fail("POST", "/interactions/", 500, json!({"message": "500: Internal Server Error", "code": 0}), &[], 1);
    let failed = ask(&fake, command("partner", json!([text("city", "brno")]))).await;
    assert_eq!(embed(&failed.body)["title"], "Leeds ↔ Brno");
    bot.wait_log("could not answer an interaction", T).await;
    let r = ask(&fake, command("partner", json!([text("city", "kharkov")]))).await;
    assert_eq!(embed(&r.body)["title"], "Leeds ↔ Kharkiv");
    let tries = fake.requests().iter().filter(|r| r.path.contains("/callback") && r.body == failed.body).count();
    assert_eq!(tries, 1, "a 500 is not retried: Discord may have applied it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_closes_the_gateway_cleanly_and_exits_zero() {
    let (fake, mut bot) = started(true).await;
    let t = std::time::Instant::now();
    bot.terminate();
    let status = bot.wait_exit(Duration::from_secs(5)).await;
    let took = t.elapsed();
    assert!(status.success(), "exit status {status:?}; log:\n{}", bot.log());
    assert!(took < Duration::from_secs(2), "shutdown took {took:?}");
    let close = fake.wait_for_op(-1, 1, T).await;
    assert_eq!(close.payload["close"], 1000, "a normal closure");
    assert!(bot.log().contains("shutting down"));
}

/// A command from a member whose Discord is in `locale`, in a server whose language is
/// `guild_locale`.
fn command_in(locale: &str, guild_locale: &str, name: &str, options: Value) -> (Value, String, String) {
    let (mut p, id, token) = command(name, options);
    p["locale"] = json!(locale);
    p["guild_locale"] = json!(guild_locale);
    (p, id, token)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_are_answered_in_their_language_else_the_servers_else_english() {
    let (fake, bot) = started(true).await;
    let dortmund = || json!([text("city", "dortmund")]);

    // A German-speaking member: German words, German dates, Dortmund's own German texts.
    let r = ask(&fake, command_in("de", "en-GB", "partner", dortmund())).await;
    let e = embed(&r.body);
    assert_eq!(e["fields"][0], json!({"name": "Land", "value": "🇩🇪 Deutschland", "inline": true}), "{e}");
    // "2. Juni" at a line's start would be a numbered list: its `.` is escaped.
    assert!(e["fields"][2]["value"].as_str().unwrap().starts_with("2\\. Juni 1969 (vor "), "{e}");
    assert_no_pings(&r.body);

    // Portuguese is not one of twinbot's languages: the server's French is.
    let r = ask(&fake, command_in("pt-BR", "fr", "since", json!([int("year", 1970)]))).await;
    let title = embed(&r.body)["title"].as_str().unwrap().to_string();
    assert!(title.contains("1970") && !title.contains("partners"), "{title}");
    assert!(desc(&r.body).contains("Chine") && desc(&r.body).contains("6 décembre 2023"), "{}", desc(&r.body));

    // Neither language known: English.
    let r = ask(&fake, command_in("xx", "yy", "partner", dortmund())).await;
    assert_eq!(embed(&r.body)["fields"][0], json!({"name": "Country", "value": "🇩🇪 Germany", "inline": true}));
    assert!(!bot.log().contains("panicked"));
}

/// A server's own town through the gateway: the same walk, each answer a callback to the fake
/// Discord (a form is a type 9 callback, a pressed button's a type 7).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_town_is_made_and_kept_through_the_gateway_with_its_form_and_its_buttons() {
    let (fake, bot) = started(true).await;
    fake.wait_for_op(2, 1, T).await;
    let fake = &fake;
    support::town_walk::walk(|p| async move {
        let id = p["id"].as_str().unwrap().to_string();
        let token = p["token"].as_str().unwrap().to_string();
        ask(fake, (p, id, token)).await.body
    })
    .await;
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}

/// An interaction serenity's model cannot read (here without `attachment_size_limit`) reaches the
/// bot only as an unknown event: it is still answered, politely and in the member's language, as
/// over HTTP. A frame serenity cannot read at all is logged by serenity whole: the log shows it
/// without the interaction's token. The bot goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_payload_serenity_cannot_read_is_answered_and_logged_without_its_token() {
    let (fake, bot) = started(true).await;
    fake.wait_for_op(2, 1, T).await;
    let (mut p, id, token) = command("partner", json!([text("city", "dortmund")]));
    p.as_object_mut().unwrap().remove("attachment_size_limit");
    support::payload::in_locales(&mut p, Some("fr"), None);
    let answered = ask(&fake, (p, id, token.clone())).await;
    assert_eq!(answered.body["type"], 4, "{}", answered.body);
    assert_eq!(answered.body["data"]["flags"], 64, "only to the member");
    assert!(desc(&answered.body).starts_with("twinbot n’a pas pu lire"), "{}", answered.body);
    bot.wait_log("attachment_size_limit", T).await;
    // A frame serenity cannot read at all (its sequence number is not a number).
    let (p, _, frame_token) = command("partner", json!([text("city", "dortmund")]));
    fake.send_raw(json!({"op": 0, "t": "INTERACTION_CREATE", "s": "not a number", "d": p}));
    let log = bot.wait_log("Err deserializing", T).await;
    assert!(log.contains("\"token\":\"[redacted]\""), "{log}");
    for secret in [&token, &frame_token] {
        assert!(!log.contains(secret.as_str()), "no interaction token in the log:\n{log}");
    }
    let answered = ask(&fake, command("partner", json!([text("city", "dortmund")]))).await;
    assert_eq!(embed(&answered.body)["title"], "Leeds ↔ Dortmund", "and it goes on");
}

/// `/town import` through the gateway: acknowledged at once (only the moderator sees it), the file
/// fetched from the attachment host, the acknowledgement edited into the preview with its buttons;
/// Import writes the town, and `/town export` sends it back as two files in a multipart callback.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_town_is_imported_and_exported_through_the_gateway() {
    use support::town_walk::MANAGE_SERVER;
    let (fake, bot) = started(true).await;
    let town = "[home]\nname = \"Morley\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n[[partner]]\n\
                name = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\nyear = 1966\n\
                summary = \"A link.\"\n";
    let url = fake.attach("1/2/morley.toml", "application/toml", town.as_bytes());
    let file = ("morley.toml", url.as_str(), town.len() as u64, Some("application/toml"));
    let asked = support::payload::with_file(("town", "import", "file"), file, MANAGE_SERVER);
    let token = asked.2.clone();
    let deferred = ask(&fake, asked).await;
    assert_eq!((deferred.body["type"].as_u64(), deferred.body["data"]["flags"].as_u64()), (Some(5), Some(64)));
    let edit = fake.wait_for_request("PATCH", &format!("/webhooks/{APP_ID}/{token}/messages/@original"), 1, T).await;
    assert_eq!(edit.body["embeds"][0]["title"], "Import morley.toml?", "{}", edit.body);
    assert_eq!(edit.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(fake.fetched("1/2/morley.toml"), 1);
    let confirm = edit.body["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();
    let done = ask(&fake, support::payload::button(&confirm, MANAGE_SERVER)).await;
    assert_eq!((done.body["type"].as_u64(), embed(&done.body)["title"].as_str()), (Some(7), Some("Imported")));
    let exported = ask(&fake, support::payload::subcommand("town", "export", json!([]), MANAGE_SERVER)).await;
    let names: Vec<&str> = exported.files.iter().map(|f| f.filename.as_str()).collect();
    assert_eq!(names, ["morley.toml", "morley.csv"], "{}", exported.body);
    assert!(is_ephemeral(&exported.body));
    assert!(!bot.log().contains("panicked"), "{}", bot.log());
}
