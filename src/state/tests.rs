use super::*;
use crate::anniversaries::events::EventSettings;
use crate::anniversaries::schedule::Timing;
use crate::anniversaries::template::{Template, TemplateError};

fn both() -> Catalog {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Catalog::load(&[root.join("data/leeds.toml"), root.join("data/dortmund.toml")]).unwrap()
}

fn rules<'a>(inherited: &'a PostSettings, dir: Option<&'a Directory>) -> Rules<'a> {
    Rules { guild_id: Some(7), posts_from: dir, homes: None, inherited }
}

fn applied(change: Change) -> Result<Anniversaries, SettingsError> {
    let inherited = PostSettings::default();
    change.apply(&ServerState::default(), &rules(&inherited, None)).map(|s| s.anniversaries.unwrap())
}

#[test]
fn settings_round_trip_through_the_document() {
    let p = PostSettings {
        enabled: true,
        channel_id: Some(9),
        role_id: Some(10),
        timing: Timing {
            tz: chrono_tz::Asia::Tokyo,
            at: chrono::NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
            digest: (2, 29),
        },
        template: Template::parse("{partner} {years}").unwrap(),
        custom_template: true,
        remind_days: Some(30),
        remind_channel_id: Some(11),
        events: Some(EventSettings { ahead: 45, milestones_only: true }),
        ..PostSettings::default()
    };
    let a = Anniversaries::of(&p);
    assert_eq!((a.events, a.events_ahead, a.events_milestones_only), (true, Some(45), true));
    assert_eq!((a.at.as_str(), a.timezone.as_str(), a.digest.as_str()), ("18:30", "Asia/Tokyo", "02-29"));
    let now = Utc::now();
    let origin = SettingsOrigin::Server { updated_at: now, updated_by: Some(3) };
    let back = a.settings(&PostSettings::default(), origin.clone(), None).unwrap();
    assert_eq!(back, PostSettings { origin, ..p });
    let inherited = Anniversaries { template: None, ..a };
    let back = inherited.settings(&PostSettings::default(), SettingsOrigin::Defaults, None).unwrap();
    assert_eq!(back.template.source(), crate::anniversaries::template::DEFAULT_TEMPLATE);
    assert!(!back.custom_template);
}

#[test]
fn the_document_is_plain_json_with_ids_as_text_and_defaults_for_what_is_missing() {
    let state = ServerState {
        anniversaries: Some(Anniversaries {
            enabled: true,
            channel: Some(1_300_000_000_000_000_100),
            ..Anniversaries::default()
        }),
        homes: Some(Homes::Only(vec!["Dortmund".into()])),
        newer: Map::new(),
    };
    let json = serde_json::to_value(&state).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "anniversaries": {"enabled": true, "channel": "1300000000000000100", "at": "09:00",
                              "timezone": "Europe/London", "digest": "01-01"},
            "homes": {"only": ["Dortmund"]}
        })
    );
    let every: ServerState = serde_json::from_str(r#"{"homes": "every"}"#).unwrap();
    assert_eq!(every.homes, Some(Homes::Every));
    // A field added later is read with its default; an id written as a number is read too.
    let old: ServerState = serde_json::from_str(r#"{"anniversaries": {"channel": 5}}"#).unwrap();
    assert_eq!(old.anniversaries, Some(Anniversaries { channel: Some(5), ..Anniversaries::default() }));
    assert!(serde_json::from_str::<ServerState>(r#"{"anniversaries": {"channel": "five"}}"#).is_err());
}

#[test]
fn fields_of_a_newer_twinbot_survive_a_change_by_this_one() {
    let newer: ServerState = serde_json::from_str(
        r#"{"anniversaries": {"enabled": false, "polls": true}, "town": {"partners": 10}, "homes": "every"}"#,
    )
    .unwrap();
    let inherited = PostSettings::default();
    let change = Change { time: Some("18:30".into()), ..Change::default() };
    let after = change.apply(&newer, &rules(&inherited, None)).unwrap();
    let json = serde_json::to_value(&after).unwrap();
    assert_eq!(json["anniversaries"]["at"], "18:30");
    assert_eq!(json["anniversaries"]["polls"], true, "kept inside the settings");
    assert_eq!(json["town"]["partners"], 10, "kept beside them");
    assert_eq!(json["homes"], "every");
}

#[test]
fn each_rule_is_checked_with_its_own_error() {
    let cases: Vec<(Change, SettingsError)> = vec![
        (Change { time: Some("25:00".into()), ..Change::default() }, SettingsError::NotATime("25:00".into())),
        (
            Change { timezone: Some("Europe/Lundon".into()), ..Change::default() },
            SettingsError::NotATimezone("Europe/Lundon".into()),
        ),
        (Change { digest: Some("13-01".into()), ..Change::default() }, SettingsError::NotADay("13-01".into())),
        (
            Change { template: Some(Some("{parnter}".into())), ..Change::default() },
            SettingsError::Template(TemplateError::Unknown { name: "parnter".into(), at: 1 }),
        ),
        (Change { language: Some("pt-BR".into()), ..Change::default() }, SettingsError::NotALanguage("pt-BR".into())),
        (Change { role: Some(Some(7)), ..Change::default() }, SettingsError::Everyone),
        (Change { remind_days: Some(91), remind_channel: Some(9), ..Change::default() }, SettingsError::RemindDays(91)),
        (Change { remind_days: Some(30), ..Change::default() }, SettingsError::RemindersNeedBoth(Missing::Channel)),
        (Change { remind_channel: Some(9), ..Change::default() }, SettingsError::RemindersNeedBoth(Missing::Days)),
        (Change { enabled: Some(true), ..Change::default() }, SettingsError::ChooseChannel),
        (Change { events: Some(true), events_ahead: Some(0), ..Change::default() }, SettingsError::EventsAhead(0)),
        (Change { events_ahead: Some(91), ..Change::default() }, SettingsError::EventsAhead(91)),
    ];
    for (change, error) in cases {
        assert_eq!(applied(change.clone()), Err(error.clone()), "{change:?}");
    }
    // The operator's words name the key in config.toml.
    let e = SettingsError::RemindersNeedBoth(Missing::Days);
    assert_eq!(
        (e.config_key(), e.to_string().as_str()),
        ("anniversaries.remind_channel", "needs remind_days, how many days ahead to remind")
    );
    assert!(SettingsError::NotATimezone("Mars".into()).to_string().starts_with("unknown timezone \"Mars\""));
}

#[test]
fn events_are_turned_on_with_their_window_and_off_again_keeping_it() {
    let a = applied(Change { events: Some(true), events_ahead: Some(60), ..Change::default() }).unwrap();
    assert_eq!((a.events, a.events_ahead, a.events_milestones_only, a.posting()), (true, Some(60), false, None));
    let s = a.settings(&PostSettings::default(), SettingsOrigin::Defaults, None).unwrap();
    assert_eq!(s.events, Some(EventSettings { ahead: 60, milestones_only: false }), "events need no channel");
    let state = ServerState { anniversaries: Some(a), ..ServerState::default() };
    let inherited = PostSettings::default();
    let off = Change { events: Some(false), ..Change::default() }.apply(&state, &rules(&inherited, None)).unwrap();
    let off = off.anniversaries.unwrap();
    assert_eq!((off.events, off.events_ahead), (false, Some(60)));
    assert_eq!(off.settings(&inherited, SettingsOrigin::Defaults, None).unwrap().events, None);
    let default = applied(Change { events: Some(true), ..Change::default() }).unwrap();
    let s = default.settings(&inherited, SettingsOrigin::Defaults, None).unwrap();
    assert_eq!(s.events.map(|e| e.ahead), Some(crate::anniversaries::events::DEFAULT_AHEAD));
}

#[test]
fn a_change_sets_only_what_it_gives() {
    let a = applied(Change { channel: Some(8), time: Some("18.30".into()), ..Change::default() }).unwrap();
    assert_eq!((a.posting(), a.at.as_str(), a.timezone.as_str()), (Some(8), "18:30", "Europe/London"));
    let a = applied(Change {
        remind_days: Some(30),
        remind_channel: Some(9),
        role: Some(Some(10)),
        template: Some(Some("{partner}!".into())),
        ..Change::default()
    })
    .unwrap();
    assert_eq!((a.reminding(), a.posting(), a.role), (Some(9), None, Some(10)), "reminders alone do not post");
    // Back to the default template, no role, no reminders.
    let inherited = PostSettings::default();
    let state = ServerState { anniversaries: Some(a), ..ServerState::default() };
    let change = Change { template: Some(None), role: Some(None), no_reminders: true, ..Change::default() };
    let a = change.apply(&state, &rules(&inherited, None)).unwrap().anniversaries.unwrap();
    assert_eq!((a.template, a.role, a.remind_days, a.remind_channel), (None, None, None, None));
}

#[test]
fn a_template_must_fit_every_announcement_of_the_posts_data() {
    let dir = both();
    let inherited = PostSettings::default();
    let long = format!("{} {{partner}}", "x".repeat(1795));
    let change = Change { template: Some(Some(long.clone())), ..Change::default() };
    let e = change.apply(&ServerState::default(), &rules(&inherited, Some(&dir))).unwrap_err();
    assert!(matches!(e, SettingsError::Template(TemplateError::TooLong { .. })), "{e:?}");
    assert!(
        change.apply(&ServerState::default(), &rules(&inherited, None)).is_ok(),
        "without the data, only its words"
    );
}

#[test]
fn the_servers_own_language_is_taken_only_where_none_is_chosen() {
    let guild_locale = Change { time: Some("10:00".into()), language_if_unset: Some("fr".into()), ..Change::default() };
    assert_eq!(applied(guild_locale.clone()).unwrap().language.as_deref(), Some("fr"));
    let chosen = Change { language: Some("de".into()), ..guild_locale.clone() };
    assert_eq!(applied(chosen).unwrap().language.as_deref(), Some("de"));
    // Where config.toml chose the posts' language, the server's own does not replace it.
    let inherited = PostSettings { language: crate::core::i18n::lang("cs"), ..PostSettings::default() };
    let state = ServerState {
        anniversaries: Some(Anniversaries { language: None, ..Anniversaries::default() }),
        ..ServerState::default()
    };
    let a = guild_locale.apply(&state, &rules(&inherited, None)).unwrap().anniversaries.unwrap();
    assert_eq!(a.language, None);
    assert_eq!(guild_locale.fields(), vec![Field::Time], "not a field the moderator gave");
}

#[test]
fn a_change_conflicts_only_with_changes_to_its_own_fields() {
    let inherited = PostSettings::default();
    let base = ServerState::default();
    let mut newer = ServerState {
        anniversaries: Some(Anniversaries { template: Some("{partner}".into()), ..Anniversaries::default() }),
        ..ServerState::default()
    };
    let time = Change { time: Some("18:30".into()), ..Change::default() };
    assert!(time.conflicts(&base, &newer, &inherited).is_empty(), "the template changed, not the time");
    newer.anniversaries.as_mut().unwrap().at = "07:00".into();
    assert_eq!(time.conflicts(&base, &newer, &inherited), vec![Field::Time]);
    // Turning posts on sets the channel and turns them on: a pause meanwhile conflicts.
    let on = Change { channel: Some(8), ..Change::default() };
    let paused = ServerState {
        anniversaries: Some(Anniversaries { enabled: false, channel: Some(5), ..Anniversaries::default() }),
        ..ServerState::default()
    };
    assert_eq!(on.conflicts(&base, &paused, &inherited), vec![Field::Channel]);
    let homes = Change { homes: Some(HomesChange::default()), ..Change::default() };
    assert!(homes.conflicts(&base, &paused, &inherited).is_empty());
    let chose = ServerState { homes: Some(Homes::Every), ..ServerState::default() };
    assert_eq!(homes.conflicts(&base, &chose, &inherited), vec![Field::Homes]);
}

#[test]
fn home_cities_are_chosen_by_name_and_every_home_is_every_home() {
    let loaded = both();
    let inherited = PostSettings::default();
    let homes_of = |change: HomesChange, answering: &[String]| {
        let rules =
            Rules { guild_id: Some(7), posts_from: None, homes: Some((&loaded, answering)), inherited: &inherited };
        Change { homes: Some(change), ..Change::default() }.apply(&ServerState::default(), &rules).map(|s| s.homes)
    };
    let only = |n: &str| HomesChange { only: Some(n.into()), ..HomesChange::default() };
    assert_eq!(homes_of(only("dortmnud"), &[]), Ok(Some(Homes::Only(vec!["Dortmund".into()]))));
    let add = HomesChange { add: Some("Leeds".into()), ..only("Dortmund") };
    assert_eq!(homes_of(add, &[]), Ok(Some(Homes::Every)), "both homes loaded: every home");
    let add_to_every = HomesChange { add: Some("Leeds".into()), ..HomesChange::default() };
    assert_eq!(homes_of(add_to_every, &[]), Ok(Some(Homes::Every)), "every home already");
    let every = HomesChange { every: true, ..HomesChange::default() };
    assert_eq!(homes_of(every, &["Leeds".into()]), Ok(Some(Homes::Every)));
    match homes_of(HomesChange { add: Some("Lyon".into()), ..only("Leeds") }, &[]) {
        Err(SettingsError::UnknownHome { typed, known, .. }) => {
            assert_eq!((typed.as_str(), known), ("Lyon", vec!["Leeds".to_string(), "Dortmund".to_string()]));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_whole_setting_changes_every_field() {
    let a = Anniversaries {
        enabled: false,
        channel: Some(8),
        at: "18:30".into(),
        remind_days: Some(30),
        remind_channel: Some(9),
        ..Anniversaries::default()
    };
    assert_eq!(applied(Change::setting(&a)), Ok(a));
}
