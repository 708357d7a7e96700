//! Dispatch of real Discord interaction payloads, deserialised by serenity, to the exact
//! response JSON serenity sends back; and the registration payload built from the registry.

mod support;

use serde_json::{json, Value};
use support::reply::{assert_no_pings, embed};
use support::{dispatch, embed_size, leeds, payload};
use twinbot::commands;
use twinbot::discord::commands_json;

/// A slash command payload with the given name and options.
fn command(name: &str, options: Value) -> Value {
    payload::command(name, options).0
}

fn autocomplete(name: &str, typed: &str) -> Value {
    payload::autocomplete(name, "city", typed).0
}

#[test]
fn partner_command_answers_with_an_embed() {
    let resp = dispatch(payload::file("command.json"));
    assert_eq!(resp["type"], 4);
    let e = embed(&resp);
    assert_eq!(e["title"], "Leeds ↔ Dortmund");
    assert!(e["description"].as_str().unwrap().starts_with("Showing Dortmund for “dortmnud”."), "{e}");
    assert_eq!(e["fields"][0], json!({"name": "Country", "value": "🇩🇪 Germany", "inline": true}));
    assert_eq!(e["fields"][2], json!({"name": "Formalised", "value": "2 June 1969 (57 years ago)", "inline": true}));
    assert_eq!(e["color"], 0x2E7D32);
    assert!(resp["data"].get("flags").is_none_or(|f| f == 0), "public reply: {resp}");
    assert_no_pings(&resp);
}

#[test]
fn since_command_takes_integer_options() {
    let resp = dispatch(command(
        "since",
        json!([{"name": "year", "type": 4, "value": 1960}, {"name": "until", "type": 4, "value": 1990}]),
    ));
    let e = embed(&resp);
    assert_eq!(e["title"], "Leeds' partners from 1960 to 1990");
    let d = e["description"].as_str().unwrap();
    let order: Vec<usize> = ["Siegen", "Lille", "Dortmund", "Hangzhou"].iter().map(|n| d.find(n).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{d}");
    assert!(!d.contains("Durban"));
}

#[test]
fn partners_and_about_answer() {
    let resp = dispatch(command("partners", json!([])));
    assert_eq!(embed(&resp)["title"], "Leeds' partner cities (7)");
    let resp = dispatch(command("about", json!([])));
    assert_eq!(embed(&resp)["title"], "About twinbot");
    assert_no_pings(&resp);
}

#[test]
fn no_match_is_ephemeral() {
    let resp = dispatch(command("partner", json!([{"name": "city", "type": 3, "value": "paris"}])));
    assert_eq!(resp["type"], 4);
    assert_eq!(resp["data"]["flags"], 64);
    let e = embed(&resp);
    assert!(e["description"].as_str().unwrap().contains("“paris”"));
    assert_eq!(e["fields"][0]["name"], "Try one of Leeds' partners");
}

#[test]
fn hostile_text_is_escaped_and_pings_no_one() {
    let typed = "@everyone <@&1300000000000000001> **bold** `code` \u{200B}hi\u{202E}";
    let resp = dispatch(command("partner", json!([{"name": "city", "type": 3, "value": typed}])));
    assert_no_pings(&resp);
    let d = embed(&resp)["description"].as_str().unwrap().to_string();
    assert!(d.contains("\\@everyone"), "{d}");
    assert!(d.contains("\\<\\@&1300000000000000001>"), "{d}");
    assert!(d.contains("\\*\\*bold\\*\\*") && d.contains("\\`code\\`"), "{d}");
    assert!(!d.contains('\u{200B}') && !d.contains('\u{202E}'), "{d:?}");
}

#[test]
fn very_long_input_fits_discords_limits() {
    let typed = "x".repeat(6000);
    let resp = dispatch(command("partner", json!([{"name": "city", "type": 3, "value": typed}])));
    let e = embed(&resp);
    assert!(e["description"].as_str().unwrap().chars().count() <= 4096);
    assert!(embed_size(e) <= 6000);
    assert!(e["description"].as_str().unwrap().contains('…'), "the echo is shortened");
}

#[test]
fn every_reply_fits_discords_limits() {
    let mut payloads = vec![command("partners", json!([])), command("about", json!([]))];
    for p in leeds().partners.clone() {
        payloads.push(command("partner", json!([{"name": "city", "type": 3, "value": p.name}])));
    }
    for p in payloads {
        let e = embed(&dispatch(p)).clone();
        assert!(e["title"].as_str().unwrap().chars().count() <= 256);
        assert!(e["description"].as_str().map_or(0, |d| d.chars().count()) <= 4096);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25);
        for f in fields {
            assert!(f["name"].as_str().unwrap().chars().count() <= 256);
            assert!(f["value"].as_str().unwrap().chars().count() <= 1024);
        }
        assert!(embed_size(&e) <= 6000);
    }
}

#[test]
fn unknown_commands_wrong_types_and_missing_options_get_polite_errors() {
    let unknown = dispatch(command("nuke", json!([])));
    assert_eq!(unknown["data"]["flags"], 64);
    assert!(embed(&unknown)["description"].as_str().unwrap().contains("I don't know the command /nuke"));
    let wrong = dispatch(command("partner", json!([{"name": "city", "type": 4, "value": 5}])));
    assert_eq!(wrong["data"]["flags"], 64);
    assert!(embed(&wrong)["description"].as_str().unwrap().contains("`city` must be text"));
    let missing = dispatch(command("since", json!([])));
    assert_eq!(missing["data"]["flags"], 64);
    assert!(embed(&missing)["description"].as_str().unwrap().contains("/since needs `year`"));
    let out_of_range = dispatch(command("since", json!([{"name": "year", "type": 4, "value": 99999}])));
    assert!(embed(&out_of_range)["description"].as_str().unwrap().contains("between 1000 and 9999"));
    for r in [unknown, wrong, missing, out_of_range] {
        assert_no_pings(&r);
    }
}

#[test]
fn autocomplete_answers_ranked_choices() {
    let resp = dispatch(autocomplete("partner", "dor"));
    assert_eq!(resp["type"], 8);
    assert_eq!(resp["data"]["choices"][0], json!({"name": "Dortmund (Germany)", "value": "Dortmund"}));
    let all = dispatch(autocomplete("partner", ""));
    let choices = all["data"]["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 7);
    assert_eq!(choices[0]["value"], "Siegen");
    let cyrillic = dispatch(autocomplete("partner", "Харків"));
    assert_eq!(cyrillic["data"]["choices"][0]["value"], "Kharkiv");
    let typo = dispatch(autocomplete("partner", "hangzou"));
    assert_eq!(typo["data"]["choices"][0]["value"], "Hangzhou");
    let none = dispatch(autocomplete("partner", "qqqqqqqq"));
    assert_eq!(none["data"]["choices"], json!([]));
    let unknown = dispatch(autocomplete("nuke", "x"));
    assert_eq!(unknown["data"]["choices"], json!([]));
}

/// A registered command's options (or subcommands), each by name and type.
fn names_and_types(options: &Value) -> Vec<(&str, i64)> {
    options.as_array().unwrap().iter().map(|o| (o["name"].as_str().unwrap(), o["type"].as_i64().unwrap())).collect()
}

#[test]
fn registration_json_comes_from_the_registry() {
    let cmds = commands_json();
    let list = cmds.as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|c| c["name"].as_str().unwrap()).collect();
    let registry: Vec<&str> = commands::registry().iter().map(|c| c.name).collect();
    assert_eq!(names, registry);
    let partner = &list[0];
    assert_eq!(partner["options"][0]["type"], 3);
    assert_eq!(partner["options"][0]["autocomplete"], true);
    assert_eq!(partner["options"][0]["required"], true);
    let since = list.iter().find(|c| c["name"] == "since").unwrap();
    assert_eq!(since["options"][0]["type"], 4);
    assert_eq!(since["options"][0]["min_value"], 1000);
    assert_eq!(since["options"][0]["max_value"], 9999);
    assert_eq!(since["options"][1]["required"], false);
    // Moderator commands are gated by Manage Messages (8192), a server's own town by Manage
    // Server (32), and both are offered only in servers (context 0); every other command is for
    // everyone, everywhere.
    for c in list {
        let moderator = matches!(c["name"].as_str(), Some("announce" | "anniversary-settings" | "home"));
        if moderator {
            assert_eq!(c["default_member_permissions"], "8192", "{c}");
            assert_eq!(c["contexts"], json!([0]), "{c}");
        } else if c["name"] == "town" {
            assert_eq!(c["default_member_permissions"], "32", "{c}");
            assert_eq!(c["contexts"], json!([0]), "{c}");
            let subs = names_and_types(&c["options"]);
            let names = [
                "create", "add", "edit", "language", "remove", "history", "undo", "export", "import", "calendar",
                "delete",
            ];
            assert_eq!(subs, names.iter().map(|n| (*n, 1)).collect::<Vec<_>>(), "subcommands (type 1)");
            let import = &c["options"][8]["options"][0];
            assert_eq!((import["name"].as_str(), import["type"].as_u64()), (Some("file"), Some(11)), "an attachment");
            assert_eq!(import["required"], true);
            let add = &c["options"][1]["options"];
            assert_eq!(add[0]["name"], "city");
            assert_eq!(add[0]["autocomplete"], true);
            assert_eq!((add[1]["name"].as_str(), add[1]["min_value"].as_i64()), (Some("year"), Some(1000)));
        } else {
            assert!(c.get("default_member_permissions").is_none_or(Value::is_null), "{c}");
        }
    }
    let announce = list.iter().find(|c| c["name"] == "announce").unwrap();
    assert_eq!(names_and_types(&announce["options"]), vec![("city", 3), ("channel", 7), ("preview", 5)]);
    assert_eq!(announce["options"][1]["channel_types"], json!([0, 5]), "text and announcement channels");
    let settings = list.iter().find(|c| c["name"] == "anniversary-settings").unwrap();
    let tz = settings["options"].as_array().unwrap().iter().find(|o| o["name"] == "timezone").unwrap();
    assert_eq!(tz["autocomplete"], true);
    let role = settings["options"].as_array().unwrap().iter().find(|o| o["name"] == "role").unwrap();
    assert_eq!(role["type"], 8);
}

/// What the bot answers an interaction through `respond`, as the gateway does (its quick effect
/// carried out first, or the polite refusal where `respond` has no answer), or, for one serenity
/// cannot read, what it answers instead; None where it answers nothing.
fn answer(app: &twinbot::app::App, rt: &tokio::runtime::Runtime, p: &Value) -> Option<Value> {
    match serde_json::from_value::<serenity::all::Interaction>(p.clone()) {
        Ok(interaction) => {
            let now = support::today().and_hms_opt(12, 0, 0).unwrap().and_utc();
            rt.block_on(async {
                let Some(mut answer) = twinbot::discord::respond(app, &interaction, now).await else {
                    return Some(serde_json::to_value(twinbot::discord::interaction::not_ours(&interaction)).unwrap());
                };
                let response = match answer.effect.take() {
                    // A slow effect (an import's fetch) runs after the acknowledgement, which is this.
                    Some(effect) if !effect.is_slow() => {
                        twinbot::discord::interaction::apply_quick(app, answer, effect).await
                    }
                    _ => answer.response,
                };
                Some(serde_json::to_value(response).unwrap())
            })
        }
        Err(why) => {
            twinbot::discord::interaction::unreadable(p, &why).map(|u| serde_json::to_value(u.response).unwrap())
        }
    }
}

/// The gateway's handling under property tests (issue 28, targets 2 and 9): any command,
/// autocomplete, button or form, with any options, ids resolved or not, permissions, language,
/// in a server or a direct message, is answered (or, for a type the bot never handles, left)
/// without a panic, within Discord's rules, never able to ping.
#[test]
fn any_interaction_through_respond_is_answered_within_discords_rules() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let app = rt.block_on(twinbot::app::App::in_memory(leeds()));
    support::property::check("interactions", 256, payload::any_interaction(), |p| {
        let kind = p["type"].as_u64().unwrap_or_default();
        match answer(&app, &rt, &p) {
            Some(r) => {
                if let Err(why) = support::reply::within_discords_rules(&r) {
                    proptest::prop_assert!(false, "{}", why);
                }
            }
            // Only what cannot be answered at all: no type that has an answer, no id or no token.
            None => {
                let id = p["id"].as_str().and_then(|i| i.parse::<u64>().ok()).is_some_and(|i| i != 0);
                let answerable = (2..=5).contains(&kind) && p["type"].is_u64() && id && p["token"].is_string();
                proptest::prop_assert!(!answerable, "an interaction of type {} left unanswered: {}", kind, p)
            }
        }
        Ok(())
    });
}

/// Every interaction of the corpus (tests/corpus/interactions, one payload a file, as Discord
/// sent it or as a property test left it) is answered within the rules.
#[test]
fn the_interactions_corpus_is_answered_within_discords_rules() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let app = rt.block_on(twinbot::app::App::in_memory(leeds()));
    for (name, bytes) in support::property::corpus("interactions") {
        let p: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let r = answer(&app, &rt, &p).unwrap_or_else(|| panic!("{name} is answered"));
        support::reply::within_discords_rules(&r).unwrap_or_else(|why| panic!("{name}: {why}"));
    }
}

/// Discord's rules for where a command is offered (its documentation's "Contexts" of application
/// commands), asserted of each command registered: `integration_types` among GUILD_INSTALL (0)
/// and USER_INSTALL (1), `contexts` among GUILD (0), BOT_DM (1) and PRIVATE_CHANNEL (2), each at
/// least one and none twice; PRIVATE_CHANNEL only for a command a member can add to their account
/// (the only way twinbot reaches a direct message between others); the deprecated
/// `dm_permission` never sent beside `contexts`. A lookup is offered everywhere, a moderator's
/// command (one with `default_member_permissions`) only in the servers that added twinbot.
#[test]
fn every_command_is_offered_where_discord_allows_and_moderators_only_in_servers() {
    let anywhere = ["partner", "since", "partners", "anniversaries", "timeline", "map", "about"];
    let registered = commands_json();
    for (c, spec) in registered.as_array().unwrap().iter().zip(commands::registry()) {
        let name = c["name"].as_str().unwrap();
        assert_eq!(name, spec.name);
        let list = |field: &str| -> Vec<u64> {
            c[field]
                .as_array()
                .unwrap_or_else(|| panic!("/{name} has no {field}: {c}"))
                .iter()
                .map(|v| v.as_u64().unwrap())
                .collect()
        };
        let (installs, contexts) = (list("integration_types"), list("contexts"));
        for (field, values, allowed) in [("integration_types", &installs, 0..=1), ("contexts", &contexts, 0..=2)] {
            assert!(!values.is_empty(), "/{name}: {field} is empty");
            assert!(values.iter().all(|v| allowed.contains(v)), "/{name}: {field} {values:?}");
            let mut unique = values.clone();
            unique.dedup();
            assert!(
                values.windows(2).all(|w| w[0] < w[1]) && unique.len() == values.len(),
                "/{name}: {field} {values:?}"
            );
        }
        assert!(!contexts.contains(&2) || installs.contains(&1), "/{name}: PRIVATE_CHANNEL needs USER_INSTALL");
        assert!(c.get("dm_permission").is_none_or(Value::is_null), "/{name} sends the deprecated dm_permission");
        let moderators = c.get("default_member_permissions").is_some_and(|p| !p.is_null());
        assert_eq!(moderators, spec.needs.is_some(), "/{name}");
        if moderators {
            assert_eq!((installs, contexts), (vec![0], vec![0]), "/{name} is for servers that added twinbot only");
            assert_eq!(spec.reach(), commands::Reach::Servers);
        } else {
            assert!(anywhere.contains(&name), "/{name} is a lookup the brief did not name");
            assert_eq!((installs, contexts), (vec![0, 1], vec![0, 1, 2]), "/{name} is offered everywhere");
            assert_eq!(spec.reach(), commands::Reach::Anywhere);
        }
        // Where a command is offered is the command's alone: its options and subcommands say nothing.
        for o in c["options"].as_array().unwrap() {
            assert!(o.get("contexts").is_none() && o.get("integration_types").is_none(), "/{name} {o}");
        }
    }
    let named: Vec<&str> =
        commands::registry().iter().filter(|c| c.reach() == commands::Reach::Anywhere).map(|c| c.name).collect();
    assert_eq!(named, anywhere);
}

/// Manage Messages, with View Channel and Send Messages: a moderator of a channel.
const MODERATOR: u64 = 1024 | 2048 | 8192;

/// An application that answers for Leeds and Dortmund, Leeds by default (config.toml's
/// `discord.home`), where the fixtures' server has chosen Dortmund with `/home`.
async fn leeds_by_default_dortmund_in_the_server(now: chrono::DateTime<chrono::Utc>) -> twinbot::app::App {
    let files = [support::root().join("data/leeds.toml"), support::root().join("data/dortmund.toml")];
    let text = format!("data = [{:?}, {:?}]\n[discord]\nhome = \"Leeds\"\n", files[0], files[1]);
    let config = twinbot::config::Config::parse(&support::root().join("config.toml"), &text).unwrap();
    let store = std::sync::Arc::new(twinbot::store::SqliteStore::in_memory().unwrap());
    let catalog = twinbot::core::catalog::Catalog::load(&files).unwrap();
    let app = twinbot::app::App::new(&config, catalog, store).await.unwrap();
    let (home, ..) = payload::command_by("home", json!([payload::text("city", "Dortmund")]), MODERATOR);
    let saved = support::exchange(&app, home, now).await;
    assert_eq!(embed(&saved)["title"], "Home cities saved", "{saved}");
    let (partners, ..) = payload::command("partners", json!([]));
    let here = support::exchange(&app, partners, now).await;
    assert_eq!(embed(&here)["title"], "Dortmund's partner cities (11)", "the server's own choice: {here}");
    app
}

fn noon() -> chrono::DateTime<chrono::Utc> {
    support::today().and_hms_opt(12, 0, 0).unwrap().and_utc()
}

/// The note Discord's privacy calls for, as the reply's first line (Discord's subtext).
const ONLY_YOU: &str = "-# Only you can see this: twinbot is added to your account, not to this server";

/// In a direct message (with the bot, or between others and in groups, where only a member's own
/// installation reaches), no server's choices apply: the lookups answer for the default homes
/// (config.toml's `discord.home`), publicly, through the same dispatch as in a server.
#[test]
fn lookups_in_a_direct_message_answer_for_the_default_homes() {
    support::block_on(async {
        let app = leeds_by_default_dortmund_in_the_server(noon()).await;
        for context in [1, 2] {
            let ask = |name: &str, options: Value| {
                let (mut p, ..) = payload::command(name, options);
                payload::in_direct_message(&mut p, context);
                assert!(p.get("member").is_none() && p.get("guild_id").is_none() && p["user"]["id"].is_string());
                p
            };
            let r = support::exchange(&app, ask("partners", json!([])), noon()).await;
            assert_eq!(embed(&r)["title"], "Leeds' partner cities (7)", "context {context}: {r}");
            assert!(!support::reply::is_ephemeral(&r) && !support::reply::desc(&r).contains(ONLY_YOU), "{r}");
            assert_no_pings(&r);
            let r = support::exchange(&app, ask("partner", json!([payload::text("city", "dortmnud")])), noon()).await;
            assert_eq!(embed(&r)["title"], "Leeds ↔ Dortmund", "{r}");
            let r = support::exchange(&app, ask("since", json!([payload::int("year", 1990)])), noon()).await;
            assert_eq!(embed(&r)["title"], "Leeds' partners since 1990", "{r}");
            let r = support::exchange(&app, ask("anniversaries", json!([payload::int("year", 2028)])), noon()).await;
            assert!(embed(&r)["title"].as_str().unwrap().contains("2028") && !support::reply::is_ephemeral(&r), "{r}");
            let r = support::exchange(&app, ask("about", json!([])), noon()).await;
            assert_eq!(embed(&r)["title"], "About twinbot", "{r}");
            let (mut p, ..) = payload::autocomplete("partner", "city", "");
            payload::in_direct_message(&mut p, context);
            let r = support::exchange(&app, p, noon()).await;
            let choices = r["data"]["choices"].as_array().unwrap();
            assert_eq!(choices.len(), 7, "Leeds' partners alone: {r}");
        }
    });
}

/// A moderator's command in a direct message (a payload can claim anything: Discord offers none
/// there) gets the polite refusal, only to the member, and changes nothing.
#[test]
fn a_moderators_command_in_a_direct_message_is_refused_politely() {
    support::block_on(async {
        let app = leeds_by_default_dortmund_in_the_server(noon()).await;
        let asks = [
            payload::command_by("home", json!([payload::text("city", "Leeds")]), MODERATOR).0,
            payload::command_by("anniversary-settings", json!([]), MODERATOR).0,
            payload::command_by("announce", json!([payload::text("city", "dortmund")]), MODERATOR).0,
            payload::subcommand("town", "history", json!([]), support::town_walk::MANAGE_SERVER).0,
        ];
        for mut p in asks {
            payload::in_direct_message(&mut p, 1);
            let r = support::exchange(&app, p.clone(), noon()).await;
            assert_eq!(embed(&r)["title"], "Only in a server", "{p}: {r}");
            assert!(support::reply::desc(&r).contains("works in a server's channels, not in direct messages"), "{r}");
            assert!(support::reply::is_ephemeral(&r));
            assert_no_pings(&r);
        }
        let (partners, ..) = payload::command("partners", json!([]));
        let r = support::exchange(&app, partners, noon()).await;
        assert_eq!(embed(&r)["title"], "Dortmund's partner cities (11)", "the server's choice unchanged: {r}");
    });
}

/// In a server that has not added twinbot, a member who added it to their own account is
/// answered as in a direct message (for the default homes, never from that server's state, even
/// where it has some); where they lack Use External Apps, Discord shows the reply to them alone,
/// and the reply says why, in their language.
#[test]
fn through_a_members_own_account_in_another_server_the_default_homes_answer() {
    support::block_on(async {
        let app = leeds_by_default_dortmund_in_the_server(noon()).await;
        let everything = 2_248_473_465_835_073u64;
        assert_ne!(everything & payload::USE_EXTERNAL_APPS, 0, "the fixture's member holds it");
        let ask = |name: &str, options: Value, permissions: u64| {
            let (mut p, ..) = payload::command(name, options);
            payload::through_account(&mut p, permissions);
            p
        };
        // With Use External Apps: public, and no note.
        let r = support::exchange(&app, ask("partners", json!([]), everything), noon()).await;
        assert_eq!(embed(&r)["title"], "Leeds' partner cities (7)", "the default home, not the server's: {r}");
        assert!(!support::reply::is_ephemeral(&r) && !support::reply::desc(&r).contains(ONLY_YOU), "{r}");
        // Without it: only to them, and the first line says why.
        let without = everything & !payload::USE_EXTERNAL_APPS;
        let r = support::exchange(&app, ask("partners", json!([]), without), noon()).await;
        assert_eq!(embed(&r)["title"], "Leeds' partner cities (7)", "{r}");
        assert!(support::reply::is_ephemeral(&r), "{r}");
        let d = support::reply::desc(&r);
        assert!(d.starts_with(ONLY_YOU) && d.contains("“Use External Apps”"), "{d}");
        assert!(d.lines().nth(1).is_some_and(|l| l.contains("**Brno**") || l.contains("**Siegen**")), "{d}");
        assert_no_pings(&r);
        support::reply::within_discords_rules(&r).unwrap();
        // In the member's language.
        let (mut p, ..) = payload::command("partner", json!([payload::text("city", "dortmund")]));
        payload::through_account(&mut p, 0);
        p["locale"] = json!("de");
        let r = support::exchange(&app, p, noon()).await;
        assert!(support::reply::desc(&r).starts_with("-# Nur du siehst das:"), "{r}");
        assert!(support::reply::is_ephemeral(&r));
        // An administrator holds every permission.
        let r = support::exchange(&app, ask("partners", json!([]), 8), noon()).await;
        assert!(!support::reply::is_ephemeral(&r) && !support::reply::desc(&r).contains(ONLY_YOU), "{r}");
        // A reply that is only to them anyway (nothing matched) needs no note.
        let r = support::exchange(&app, ask("partner", json!([payload::text("city", "paris")]), 0), noon()).await;
        assert!(support::reply::is_ephemeral(&r) && !support::reply::desc(&r).contains(ONLY_YOU), "{r}");
        // Suggestions come from the default homes too.
        let (mut p, ..) = payload::autocomplete("partner", "city", "");
        payload::through_account(&mut p, 0);
        let r = support::exchange(&app, p, noon()).await;
        assert_eq!(r["data"]["choices"].as_array().unwrap().len(), 7, "{r}");
        // A moderator's command through an account changes nothing of the server's, whatever the
        // payload claims.
        let r = support::exchange(&app, ask("home", json!([payload::text("city", "Leeds")]), MODERATOR), noon()).await;
        assert!(support::reply::is_ephemeral(&r), "{r}");
        assert_eq!(embed(&r)["title"], "Only in a server", "{r}");
        // Where the server has added twinbot too, Discord names both installations: its choice holds.
        let (mut p, ..) = payload::command("partners", json!([]));
        payload::through_account(&mut p, without);
        p["authorizing_integration_owners"]["0"] = p["guild_id"].clone();
        let r = support::exchange(&app, p, noon()).await;
        assert_eq!(embed(&r)["title"], "Dortmund's partner cities (11)", "{r}");
        assert!(!support::reply::is_ephemeral(&r) && !support::reply::desc(&r).contains(ONLY_YOU), "{r}");
    });
}

/// Events turned on where the bot's own permissions (Discord's `app_permissions`) lack Create
/// Events: the saved settings say at once that it cannot make them, and how to fix it; with the
/// permission, no such warning.
#[test]
fn events_turned_on_without_create_events_say_so_at_once() {
    support::block_on(async {
        let app = leeds_by_default_dortmund_in_the_server(noon()).await;
        let on = || payload::command_by("anniversary-settings", json!([payload::boolean("events", true)]), MODERATOR).0;
        let mut without = on();
        without["app_permissions"] = json!(((1u64 << 10) | (1 << 11)).to_string());
        let r = support::exchange(&app, without, noon()).await;
        assert_eq!(embed(&r)["title"], "Anniversary settings saved", "{r}");
        let events = embed(&r)["fields"].as_array().unwrap().iter().find(|f| f["name"] == "Server events").cloned();
        let events = events.expect("a Server events field").to_string();
        assert!(events.contains("For each anniversary, 30 days ahead"), "{events}");
        assert!(events.contains("give it the Create Events permission"), "{events}");
        assert!(events.contains("Leeds ↔ Dortmund") || events.contains("Dortmund ↔"), "the next to be made: {events}");
        let mut with = on();
        with["app_permissions"] = json!(((1u64 << 10) | (1 << 11) | (1 << 44)).to_string());
        let r = support::exchange(&app, with, noon()).await;
        assert!(!r.to_string().contains("Create Events permission"), "{r}");
    });
}
