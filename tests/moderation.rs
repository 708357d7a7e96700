//! The moderator commands, /announce and /anniversary-settings, from real interaction payloads
//! through the Discord layer's `respond`: permission checks, previews, the post they ask for,
//! settings validated when saved, and the timezone autocomplete.

mod support;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use serenity::all::Interaction;
use support::reply::{embed, field, is_ephemeral};
use support::{block_on, leeds, payload, today};
use twinbot::app::App;
use twinbot::commands::Effect;
use twinbot::discord::interaction::invocation;
use twinbot::discord::respond;

const GUILD: &str = "1300000000000000000";
const CHANNEL: u64 = 1_300_000_000_000_000_100;
const ANNOUNCEMENTS: u64 = 1_300_000_000_000_000_200;
const ROLE: u64 = 1_300_000_000_000_000_300;
/// View Channel and Send Messages: an ordinary member.
const MEMBER: u64 = 1024 | 2048;
/// Plus Manage Messages.
const MODERATOR: u64 = MEMBER | 8192;

fn now() -> DateTime<Utc> {
    today().and_hms_opt(12, 0, 0).unwrap().and_utc()
}

/// A slash command as Discord sends it, from a member with `permissions`, with the channel and
/// role its options may name resolved alongside.
fn command(name: &str, options: Value, permissions: u64) -> Value {
    let (mut p, _, _) = payload::command_by(name, options, permissions);
    payload::channel(&mut p, "channel", &ANNOUNCEMENTS.to_string(), permissions);
    payload::role(&mut p, "role", &ROLE.to_string());
    p
}

fn opt(name: &str, kind: u8, value: Value) -> Value {
    json!({"name": name, "type": kind, "value": value})
}

/// Runs a payload through the Discord layer as the bot does, saving settings when asked.
fn run(service: &App, p: Value) -> (Value, Option<Effect>) {
    let interaction: Interaction = serde_json::from_value(p).expect("serenity accepts the payload");
    let answer = block_on(async {
        let answer = respond(service, &interaction, now()).await.expect("the bot answers");
        if let (Some(save @ Effect::Change(_)), Interaction::Command(c)) = (&answer.effect, &interaction) {
            let not_saved = service.apply(&invocation(c), save.clone(), now()).await;
            assert!(not_saved.is_none(), "saved: {not_saved:?}");
        }
        answer
    });
    (serde_json::to_value(&answer.response).unwrap(), answer.effect)
}

/// A server's anniversary settings as the database holds them, and who saved them.
fn stored(service: &App, guild: u64) -> (twinbot::state::Anniversaries, Option<u64>) {
    let record = block_on(service.store().server(guild)).unwrap().expect("in the database");
    (record.state.anniversaries.expect("anniversary settings"), record.updated_by)
}

#[test]
fn members_without_manage_messages_are_refused_on_the_server_side() {
    let service = block_on(App::in_memory(leeds()));
    for name in ["announce", "anniversary-settings"] {
        let options = if name == "announce" { json!([opt("city", 3, json!("dortmund"))]) } else { json!([]) };
        let (r, action) = run(&service, command(name, options, MEMBER));
        assert!(action.is_none(), "{name}: nothing is posted or saved");
        assert!(is_ephemeral(&r), "{r}");
        assert_eq!(embed(&r)["title"], "Moderators only");
        assert!(embed(&r)["description"].as_str().unwrap().contains("needs the **Manage Messages** permission"), "{r}");
    }
    // Administrators hold every permission.
    let (_, action) = run(&service, command("announce", json!([opt("city", 3, json!("dortmund"))]), MEMBER | 8));
    assert!(matches!(action, Some(Effect::Post { .. })));
}

#[test]
fn announce_previews_ephemerally_and_posts_the_template_to_the_chosen_channel() {
    let service = block_on(App::in_memory(leeds()));
    let (r, action) = run(
        &service,
        command("announce", json!([opt("city", 3, json!("dortmnud")), opt("preview", 5, json!(true))]), MODERATOR),
    );
    assert!(action.is_none(), "a preview posts nothing");
    assert!(is_ephemeral(&r));
    assert_eq!(embed(&r)["title"], "Preview · Dortmund: 57th anniversary");
    assert_eq!(
        embed(&r)["description"],
        "🎉 Today we celebrate the 57th anniversary of the twinning between Leeds and Dortmund (Germany), which dates from 2 June 1969."
    );
    assert_eq!(field(&r, "Would be posted in"), format!("<#{CHANNEL}>"), "the current channel by default");

    let (r, action) = run(
        &service,
        command(
            "announce",
            json!([opt("city", 3, json!("Brünn")), opt("channel", 7, json!(ANNOUNCEMENTS.to_string()))]),
            MODERATOR,
        ),
    );
    assert!(is_ephemeral(&r));
    assert_eq!(
        action,
        Some(Effect::Post {
            channel_id: ANNOUNCEMENTS,
            content: "🎉 Today we celebrate the 23rd anniversary of the partnership between Leeds and Brno (Czech Republic), which dates from 2003.".into()
        })
    );
    assert_eq!(r["data"]["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}));

    // A moderator here who may not manage messages in the target channel cannot post there.
    let mut p = command(
        "announce",
        json!([opt("city", 3, json!("lille")), opt("channel", 7, json!(ANNOUNCEMENTS.to_string()))]),
        MODERATOR,
    );
    p["data"]["resolved"]["channels"][ANNOUNCEMENTS.to_string()]["permissions"] = json!(MEMBER.to_string());
    let (r, action) = run(&service, p);
    assert!(action.is_none());
    assert!(embed(&r)["description"].as_str().unwrap().contains(&format!("permission in <#{ANNOUNCEMENTS}>")), "{r}");

    let (r, action) = run(&service, command("announce", json!([opt("city", 3, json!("paris"))]), MODERATOR));
    assert!(action.is_none());
    assert!(is_ephemeral(&r), "{r}");
}

#[test]
fn settings_are_shown_changed_and_validated_when_saved() {
    let service = block_on(App::in_memory(leeds()));
    let (r, action) = run(&service, command("anniversary-settings", json!([]), MODERATOR));
    assert!(action.is_none() && is_ephemeral(&r));
    assert!(field(&r, "Automatic posts").starts_with("Off."), "{r}");
    assert_eq!(field(&r, "Time"), "09:00 Europe/London (today that is 09:00 UTC)");

    // On, in a channel, at 18:30 Berlin time, pinging one role, with a template of our own.
    let (r, action) = run(
        &service,
        command(
            "anniversary-settings",
            json!([
                opt("channel", 7, json!(ANNOUNCEMENTS.to_string())),
                opt("time", 3, json!("18:30")),
                opt("timezone", 3, json!("Europe/Berlin")),
                opt("role", 8, json!(ROLE.to_string())),
                opt("template", 3, json!("{partner} {ordinal}! {{{kind}}}")),
            ]),
            MODERATOR,
        ),
    );
    assert!(matches!(action, Some(Effect::Change(_))), "{r}");
    assert_eq!(embed(&r)["title"], "Anniversary settings saved");
    let saved = service.settings_for(Some(GUILD.parse().unwrap()));
    assert_eq!(saved.posting(), Some(ANNOUNCEMENTS));
    assert_eq!(saved.role_id, Some(ROLE));
    assert_eq!(saved.timing.tz, chrono_tz::Europe::Berlin);
    assert_eq!(saved.template.source(), "{partner} {ordinal}! {{{kind}}}");
    let (saved_at, by) = stored(&service, GUILD.parse().unwrap());
    assert_eq!((saved_at.at.as_str(), by), ("18:30", Some(1_200_000_000_000_000_042)));

    // Viewing shows them, with the next posts in Berlin time.
    let (r, _) = run(&service, command("anniversary-settings", json!([]), MODERATOR));
    assert_eq!(field(&r, "Automatic posts"), format!("On, in <#{ANNOUNCEMENTS}>"));
    assert_eq!(field(&r, "Time"), "18:30 Europe/Berlin (today that is 17:30 UTC)");
    assert!(field(&r, "Role ping").starts_with(&format!("<@&{ROLE}> only")));
    assert_eq!(field(&r, "Next posts").lines().next(), Some("6 Dec 2026 18:30 — Kharkiv (3rd anniversary)"), "{r}");

    // Mistakes are named and change nothing.
    for (options, says) in [
        (json!([opt("template", 3, json!("Happy {parnter}!"))]), "unknown placeholder {parnter} at character 7"),
        (
            json!([opt("template", 3, json!(format!("{} {{partner}}", "x".repeat(1795))))]),
            "over the 1800 an announcement may have",
        ),
        (json!([opt("time", 3, json!("25:00"))]), "is not a time of day"),
        (json!([opt("timezone", 3, json!("Europe/Lundon"))]), "Did you mean **Europe/London**?"),
        (json!([opt("digest", 3, json!("13-01"))]), "is not a day of the year"),
        (json!([opt("role", 8, json!(GUILD))]), "never pings everyone"),
    ] {
        let (r, action) = run(&service, command("anniversary-settings", options, MODERATOR));
        assert!(action.is_none(), "{says}");
        assert_eq!(embed(&r)["title"], "Settings not saved");
        assert!(embed(&r)["description"].as_str().unwrap().contains(says), "{says}: {r}");
    }
    assert_eq!(*service.settings_for(Some(GUILD.parse().unwrap())), *saved, "unchanged by the mistakes");

    // Off, and no role; the default template back.
    run(
        &service,
        command(
            "anniversary-settings",
            json!([
                opt("enabled", 5, json!(false)),
                opt("no-role", 5, json!(true)),
                opt("template", 3, json!("default"))
            ]),
            MODERATOR,
        ),
    );
    let s = service.settings_for(Some(GUILD.parse().unwrap()));
    assert_eq!((s.enabled, s.channel_id, s.role_id, s.custom_template), (false, Some(ANNOUNCEMENTS), None, false));
    assert_eq!(stored(&service, GUILD.parse().unwrap()).0.template, None);
}

#[test]
fn timezones_autocomplete_from_the_iana_list() {
    let service = block_on(App::in_memory(leeds()));
    let choices = |typed: &str| -> Vec<String> {
        let mut p = command(
            "anniversary-settings",
            json!([{"name": "timezone", "type": 3, "value": typed, "focused": true}]),
            MODERATOR,
        );
        p["type"] = json!(4);
        let (r, _) = run(&service, p);
        assert_eq!(r["type"], 8);
        r["data"]["choices"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap().to_string()).collect()
    };
    let empty = choices("");
    assert_eq!(empty.len(), 25);
    assert_eq!(empty[0], "Europe/London");
    assert_eq!(choices("lond")[0], "Europe/London");
    assert_eq!(choices("kyiv")[0], "Europe/Kyiv");
    assert_eq!(choices("new york")[0], "America/New_York");
    assert_eq!(choices("Dortmund").len(), 0, "not a zone, and not close to one");
    assert_eq!(choices("berln")[0], "Europe/Berlin", "misspelt");
    assert!(choices("europe").len() == 25 && choices("europe").iter().all(|z| z.starts_with("Europe/")));
}

#[test]
fn the_default_year_is_the_year_in_the_servers_timezone() {
    let config = twinbot::config::Config::parse(
        std::path::Path::new("config.toml"),
        "data = []\n[anniversaries]\ntimezone = \"Pacific/Kiritimati\"\n",
    )
    .unwrap();
    let store = std::sync::Arc::new(twinbot::store::SqliteStore::in_memory().unwrap());
    let service = block_on(App::new(&config, leeds(), store)).unwrap();
    let interaction: Interaction = serde_json::from_value(command("anniversaries", json!([]), MEMBER)).unwrap();
    // Midday on New Year's Eve in UTC is already New Year's Day at UTC+14.
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    let title = |now| {
        let r = serde_json::to_value(block_on(respond(&service, &interaction, now)).unwrap().response).unwrap();
        embed(&r)["title"].as_str().unwrap().to_string()
    };
    assert_eq!(title(at("2027-12-31T12:00:00Z")), "Leeds' anniversaries in 2028");
    assert_eq!(title(at("2027-12-31T09:00:00Z")), "Leeds' anniversaries in 2027");
}

#[test]
fn posts_are_in_the_language_chosen_else_the_servers() {
    let service = block_on(App::in_memory(leeds()));
    let guild = GUILD.parse().unwrap();
    let dir = leeds();
    let i = dir.partners.iter().position(|p| p.name == "Dortmund").unwrap();
    let sixtieth = twinbot::anniversaries::dates::in_year(i, &dir.partners[i].since, 2029).unwrap();

    // A French server turns posts on without naming a language: the posts are French.
    let mut p =
        command("anniversary-settings", json!([opt("channel", 7, json!(ANNOUNCEMENTS.to_string()))]), MODERATOR);
    p["guild_locale"] = json!("fr");
    run(&service, p);
    let s = service.settings_for(Some(guild));
    assert_eq!(s.lang().code, "fr");
    let post = s.render(&dir, &sixtieth);
    assert!(post.contains("60e") && post.contains("2 juin 1969") && post.contains("Allemagne"), "{post}");
    assert_eq!(stored(&service, guild).0.language.as_deref(), Some("fr"));

    // The moderator chooses German; the view (in the moderator's English) says so.
    let (r, _) = run(&service, command("anniversary-settings", json!([opt("language", 3, json!("de"))]), MODERATOR));
    assert_eq!(field(&r, "Language of the posts"), "German", "{r}");
    let s = service.settings_for(Some(guild));
    let post = s.render(&dir, &sixtieth);
    assert!(post.contains("60. Jahrestag") && post.contains("2. Juni 1969"), "{post}");

    // A custom template keeps its words; its dates follow the posts' language.
    run(
        &service,
        command("anniversary-settings", json!([opt("template", 3, json!("{partner}: {since}!"))]), MODERATOR),
    );
    assert_eq!(service.settings_for(Some(guild)).render(&dir, &sixtieth), "Dortmund: 2. Juni 1969!");

    // A language twinbot does not post in is refused, and nothing changes.
    let (r, action) =
        run(&service, command("anniversary-settings", json!([opt("language", 3, json!("pt-BR"))]), MODERATOR));
    assert!(action.is_none());
    assert!(embed(&r)["description"].as_str().unwrap().contains("is not a language twinbot posts in"), "{r}");
    assert_eq!(service.settings_for(Some(guild)).lang().code, "de");
}

#[test]
fn advance_reminders_are_set_shown_checked_and_turned_off() {
    let service = block_on(App::in_memory(leeds()));
    let guild: u64 = GUILD.parse().unwrap();
    // Days without a channel, and a channel without days, are refused, saying how.
    for options in
        [json!([opt("remind-days", 4, json!(30))]), json!([opt("remind-channel", 7, json!(ANNOUNCEMENTS.to_string()))])]
    {
        let (r, action) = run(&service, command("anniversary-settings", options, MODERATOR));
        assert!(action.is_none());
        let says = embed(&r)["description"].as_str().unwrap();
        assert!(says.contains("Reminders need both how many days ahead and the channel they go to"), "{says}");
        assert!(says.contains("/anniversary-settings remind-days:30 remind-channel:#moderators"), "{says}");
    }
    // Out of Discord's range for the option: refused before anything is saved.
    let (r, action) = run(
        &service,
        command(
            "anniversary-settings",
            json!([opt("remind-days", 4, json!(91)), opt("remind-channel", 7, json!(ANNOUNCEMENTS.to_string()))]),
            MODERATOR,
        ),
    );
    assert!(action.is_none(), "{r}");

    let both = json!([opt("remind-days", 4, json!(30)), opt("remind-channel", 7, json!(ANNOUNCEMENTS.to_string()))]);
    let (r, action) = run(&service, command("anniversary-settings", both, MODERATOR));
    assert!(action.is_some(), "{r}");
    let s = service.settings_for(Some(guild));
    assert_eq!(s.reminding(), Some((ANNOUNCEMENTS, 30)));
    assert!(!s.enabled, "reminders do not turn the posts on");
    assert_eq!(service.reminding_servers().len(), 1);
    assert!(service.posting_servers().is_empty());
    let (stored, _) = stored(&service, guild);
    assert_eq!((stored.remind_days, stored.remind_channel), (Some(30), Some(ANNOUNCEMENTS)));
    // Shown, with the next reminders among the next posts.
    assert_eq!(field(&r, "Reminders to moderators"), format!("30 days ahead, in <#{ANNOUNCEMENTS}>"));
    let next = field(&r, "Next posts");
    // (Today, 28 November 2026, is past Kharkiv's reminder for 6 December.)
    assert_eq!(
        next.lines().next(),
        Some("3 May 2027 09:00 — ⏰ Dortmund's 58th anniversary is in 30 days (2 June 2027)"),
        "{next}"
    );
    // In German.
    let mut p = command("anniversary-settings", json!([]), MODERATOR);
    p["locale"] = json!("de");
    let (r, _) = run(&service, p);
    assert_eq!(field(&r, "Erinnerungen an Moderatoren"), format!("30 Tage vorher, in <#{ANNOUNCEMENTS}>"));
    // Off again.
    run(&service, command("anniversary-settings", json!([opt("no-reminders", 5, json!(true))]), MODERATOR));
    assert_eq!(service.settings_for(Some(guild)).reminding(), None);
    assert!(service.reminding_servers().is_empty());
    let (r, _) = run(&service, command("anniversary-settings", json!([]), MODERATOR));
    assert_eq!(field(&r, "Reminders to moderators"), "Off");
}
