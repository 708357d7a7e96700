//! The store tests every database must pass: the same assertions against SQLite (always) and
//! PostgreSQL (when `TWINBOT_TEST_POSTGRES` names one).

use chrono::{DateTime, Utc};

use crate::ledger::poster::Refusal;
use crate::ledger::{Cause, NewPost, PostRecord, PostState, Problem, ServerWrite, Stop, Store, Stream, Written};
use crate::state::pending::Pending;
use crate::state::town::{TownChange, TownDate, TownRecord, TownWrite, TownWritten};
use crate::state::{Anniversaries, Homes, ServerRecord, ServerState};

pub(crate) fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(crate) fn new_post(key: &str) -> NewPost {
    NewPost {
        guild_id: 1_300_000_000_000_000_000,
        key: key.into(),
        due: t("2029-06-02T08:00:00Z"),
        channel_id: 1_300_000_000_000_000_100,
        content: "🎉 60th".into(),
        role_id: Some(42),
        belated: false,
    }
}

pub(crate) fn refused_403() -> Problem {
    Problem::new(Cause::Refused {
        reason: Refusal::MissingPermissions,
        status: 403,
        code: 50013,
        message: "Missing Permissions".into(),
    })
}

pub(crate) async fn ledger_records_intent_then_result(s: &dyn Store) {
    let now = t("2029-06-02T08:00:00Z");
    let p = s.record_intent(&new_post("Leeds/Dortmund/2029"), now).await.unwrap();
    assert_eq!((p.state, p.attempts, p.nonce.as_str()), (PostState::Sending, 1, "twinbot-1"));
    assert!(s.record_intent(&new_post("Leeds/Dortmund/2029"), now).await.is_err(), "one row per post");
    s.record_failure(p.id, PostState::Refused, &refused_403(), Some(now), now).await.unwrap();
    s.record_retry(p.id, p.channel_id, now).await.unwrap();
    s.record_sent(p.id, 99, now).await.unwrap();
    let p = s.post(p.guild_id, "Leeds/Dortmund/2029").await.unwrap().unwrap();
    assert_eq!((p.state, p.attempts, p.message_id, p.error()), (PostState::Sent, 2, Some(99), None));
    assert_eq!(p.role_id, Some(42));
    let q = s.record_intent(&new_post("Leeds/Lille/2028"), now).await.unwrap();
    let gone = Problem::new(Cause::Refused {
        reason: Refusal::UnknownChannel,
        status: 404,
        code: 10003,
        message: "Unknown Channel".into(),
    });
    s.record_failure(q.id, PostState::Refused, &gone, None, now).await.unwrap();
    let q = s.post(q.guild_id, "Leeds/Lille/2028").await.unwrap().unwrap();
    assert_eq!((q.state, q.problem), (PostState::GaveUp, Some(gone)), "the code comes back, not prose");
    assert!(s.record_missed(&new_post("Leeds/Brno/2026"), now).await.unwrap());
    assert!(!s.record_missed(&new_post("Leeds/Brno/2026"), now).await.unwrap(), "recorded once");
    let missed = s.post(q.guild_id, "Leeds/Brno/2026").await.unwrap().unwrap();
    assert_eq!(missed.error().as_deref(), Some("the bot was not running when it fell due"));
}

pub(crate) async fn every_problem_round_trips_through_its_columns(s: &dyn Store) {
    let now = t("2029-06-02T08:00:00Z");
    let problems = [
        refused_403(),
        Problem::stopped(Cause::Unreachable("connection reset".into()), Stop::NoMoreTries),
        Problem::new(Cause::Unchecked),
        Problem::stopped(Cause::Interrupted, Stop::TurnedOff),
        Problem::new(Cause::Down),
        Problem::new(Cause::Earlier("in the words of version 1".into())),
    ];
    for (i, problem) in problems.iter().enumerate() {
        let p = s.record_intent(&new_post(&format!("k{i}")), now).await.unwrap();
        s.record_failure(p.id, PostState::Failed, problem, Some(now), now).await.unwrap();
        let back = s.post(p.guild_id, &p.key).await.unwrap().unwrap();
        assert_eq!(back.problem.as_ref(), Some(problem));
    }
}

pub(crate) async fn scheduled_events_are_revised_closed_and_listed_while_coming(s: &dyn Store) {
    let now = t("2029-05-10T08:00:00Z");
    let made = s.record_intent(&new_post("event/Leeds/Dortmund/2029"), now).await.unwrap();
    s.record_sent(made.id, 77, now).await.unwrap();
    let later = t("2029-06-03T08:00:00Z");
    s.record_revision(made.id, "{\"name\":\"new\"}", later, now).await.unwrap();
    let back = s.post(made.guild_id, &made.key).await.unwrap().unwrap();
    assert_eq!(
        (back.content.as_str(), back.due, back.state, back.message_id),
        ("{\"name\":\"new\"}", later, PostState::Sent, Some(77))
    );
    let refused = s.record_intent(&new_post("event/Leeds/Lille/2029"), now).await.unwrap();
    s.record_failure(refused.id, PostState::Refused, &refused_403(), Some(now), now).await.unwrap();
    let deleted = s.record_intent(&new_post("event/Leeds/Brno/2029"), now).await.unwrap();
    let gone = Problem::new(Cause::Refused {
        reason: Refusal::UnknownEvent,
        status: 404,
        code: 10070,
        message: "Unknown Guild Scheduled Event".into(),
    });
    s.record_failure(deleted.id, PostState::Deleted, &gone, None, now).await.unwrap();
    let deleted = s.post(deleted.guild_id, &deleted.key).await.unwrap().unwrap();
    assert_eq!((deleted.state, deleted.problem), (PostState::Deleted, Some(gone)), "deleted, not given up");
    s.record_intent(&new_post("Leeds/Dortmund/2029"), now).await.unwrap();
    let keys = |rows: Vec<PostRecord>| rows.into_iter().map(|r| r.key).collect::<Vec<_>>();
    let coming = keys(s.coming_events(now).await.unwrap());
    assert_eq!(coming, ["event/Leeds/Dortmund/2029", "event/Leeds/Lille/2029"], "events only, not finished");
    assert_eq!(keys(s.coming_events(t("2029-06-02T12:00:00Z")).await.unwrap()), ["event/Leeds/Dortmund/2029"]);
    s.record_closed(refused.id, PostState::Withdrawn, now).await.unwrap();
    let withdrawn = s.post(refused.guild_id, &refused.key).await.unwrap().unwrap();
    assert_eq!((withdrawn.state, withdrawn.problem, withdrawn.next_try), (PostState::Withdrawn, None, None));
    s.record_retry(withdrawn.id, 0, now).await.unwrap();
    assert_eq!(s.post(refused.guild_id, &refused.key).await.unwrap().unwrap().state, PostState::Sending, "made again");
}

/// A server's state posting to `channel` at 09:00 London time.
pub(crate) fn posting_to(channel: u64) -> ServerState {
    let a = Anniversaries { enabled: true, channel: Some(channel), ..Anniversaries::default() };
    ServerState { anniversaries: Some(a), ..ServerState::default() }
}

/// A write of `state` for server 7 from version `expected`, by member 5.
pub(crate) fn write(state: &ServerState, expected: i64, at: DateTime<Utc>) -> ServerWrite<'_> {
    ServerWrite { guild_id: 7, expected, state, by: Some(5), at, restart: Vec::new() }
}

fn saved(w: Written) -> ServerRecord {
    match w {
        Written::Saved(r) => r,
        Written::Conflict(r) => panic!("refused: the database holds version {}", r.version),
    }
}

pub(crate) async fn a_servers_state_is_written_version_by_version(s: &dyn Store) {
    let now = t("2026-11-28T10:00:00Z");
    assert_eq!(s.server(7).await.unwrap(), None);
    let first = saved(s.write_server(&write(&posting_to(8), 0, now)).await.unwrap());
    assert_eq!((first.guild_id, first.version, first.updated_by, first.updated_at), (7, 1, Some(5), now));
    assert_eq!(s.server(7).await.unwrap(), Some(first.clone()));
    let mut state = posting_to(8);
    let a = state.anniversaries.as_mut().unwrap();
    (a.template, a.at, a.remind_days, a.remind_channel) = (Some("{partner}".into()), "18:30".into(), Some(30), Some(9));
    state.homes = Some(Homes::Only(vec!["Dortmund".into(), "Leeds".into()]));
    let later = t("2026-11-29T10:00:00Z");
    let second = saved(s.write_server(&write(&state, 1, later)).await.unwrap());
    assert_eq!((second.version, second.updated_at, &second.state), (2, later, &state));
    assert_eq!(s.servers().await.unwrap(), vec![second.clone()]);
    let every = ServerState { homes: Some(Homes::Every), ..ServerState::default() };
    let other = ServerWrite { guild_id: 8, ..write(&every, 0, later) };
    saved(s.write_server(&other).await.unwrap());
    assert_eq!(s.server_versions().await.unwrap(), vec![(7, 2), (8, 1)]);
    assert_eq!(s.server(8).await.unwrap().unwrap().state.homes, Some(Homes::Every));
}

pub(crate) async fn a_write_from_an_older_version_is_refused(s: &dyn Store) {
    let now = t("2026-11-28T10:00:00Z");
    let first = saved(s.write_server(&write(&posting_to(8), 0, now)).await.unwrap());
    let second = saved(s.write_server(&write(&posting_to(9), 1, now)).await.unwrap());
    // Two moderators both started from version 1, or both from nothing: the later is refused,
    // told what is there now, and writes nothing.
    for expected in [first.version, 0] {
        match s.write_server(&write(&posting_to(10), expected, now)).await.unwrap() {
            Written::Conflict(newer) => assert_eq!(newer, second),
            Written::Saved(r) => panic!("saved over version 2 from version {expected}: {r:?}"),
        }
    }
    assert_eq!(s.server(7).await.unwrap(), Some(second));
    // A server never saved, expected at version 1: refused, and nothing is there.
    let state = posting_to(10);
    let ghost = ServerWrite { guild_id: 70, ..write(&state, 1, now) };
    match s.write_server(&ghost).await.unwrap() {
        Written::Conflict(r) => assert_eq!((r.guild_id, r.version), (70, 0)),
        other => panic!("{other:?}"),
    }
}

pub(crate) async fn fields_of_a_newer_twinbot_are_kept(s: &dyn Store) {
    let now = t("2026-11-28T10:00:00Z");
    let json = r#"{"anniversaries": {"enabled": true, "channel": "1300000000000000100", "at": "09:00",
        "timezone": "Europe/London", "digest": "01-01", "polls_ahead": 30}, "town": {"id": "t-1"}}"#;
    let state: ServerState = serde_json::from_str(json).unwrap();
    assert_eq!(state.anniversaries.as_ref().unwrap().channel, Some(1_300_000_000_000_000_100));
    saved(s.write_server(&write(&state, 0, now)).await.unwrap());
    let back = s.server(7).await.unwrap().unwrap().state;
    assert_eq!(back, state);
    assert_eq!(back.newer["town"]["id"], "t-1");
    assert_eq!(back.anniversaries.unwrap().newer["polls_ahead"], 30);
}

pub(crate) async fn enabled_since_is_set_once_and_restarted_by_a_write(s: &dyn Store) {
    let now = t("2026-11-28T10:00:00Z");
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), now);
    let later = t("2027-01-01T00:00:00Z");
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, later).await.unwrap(), now, "the first time counts");
    s.restart_enabled_since(Stream::Posts, 7, 8, later).await.unwrap();
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), later, "turned on again: counts from then");
    // Reminders to the same channel are counted apart from the posts.
    let much_later = later + chrono::Duration::days(30);
    assert_eq!(s.enabled_since(Stream::Reminders, 7, 8, much_later).await.unwrap(), much_later);
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, much_later).await.unwrap(), later);
    // A write turns them on again with it; a refused write does not.
    let state = posting_to(8);
    let refused = ServerWrite { restart: vec![(Stream::Posts, 8)], ..write(&state, 3, much_later) };
    assert!(matches!(s.write_server(&refused).await.unwrap(), Written::Conflict(_)));
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), later);
    let turned_on = ServerWrite { restart: vec![(Stream::Posts, 8), (Stream::Reminders, 9)], ..refused };
    let turned_on = ServerWrite { expected: 0, ..turned_on };
    saved(s.write_server(&turned_on).await.unwrap());
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), much_later);
    assert_eq!(s.enabled_since(Stream::Reminders, 7, 9, now).await.unwrap(), much_later);
}

pub(crate) async fn the_data_version_rises(s: &dyn Store) {
    assert_eq!(s.data_version().await.unwrap(), 0);
    assert_eq!(s.raise_data_version().await.unwrap(), 1);
    assert_eq!(s.raise_data_version().await.unwrap(), 2);
    assert_eq!(s.data_version().await.unwrap(), 2);
}

fn town_write<'a>(
    expected: i64,
    document: Option<&'a str>,
    dates: &'a [TownDate],
    change: &'a TownChange,
    at: DateTime<Utc>,
) -> TownWrite<'a> {
    TownWrite { guild_id: 1_300_000_000_000_000_007, expected, document, dates, change, by: Some(42), at }
}

pub(crate) async fn a_town_is_kept_version_by_version_with_its_dates(s: &dyn Store) {
    let g = 1_300_000_000_000_000_007;
    let now = t("2026-12-06T10:00:00Z");
    assert_eq!(s.town(g).await.unwrap(), None);
    let created = TownChange::Created { home: "Morley".into() };
    let dates = [TownDate {
        partner_id: "siegen".into(),
        name: "Siegen".into(),
        year: 1966,
        month: Some(5),
        day: Some(21),
        suspended: false,
    }];
    let TownWritten::Saved(v1) = s.write_town(&town_write(0, Some("[home]\n"), &[], &created, now)).await.unwrap()
    else {
        panic!("the first version is saved")
    };
    assert_eq!((v1.version, v1.document.as_deref(), v1.made_by, &v1.change), (1, Some("[home]\n"), Some(42), &created));
    let again = s.write_town(&town_write(0, Some("other"), &[], &created, now)).await.unwrap();
    assert_eq!(again, TownWritten::Conflict(Some(v1.clone())), "a second creation loses to the first");
    let added = TownChange::Added { partner: "Siegen".into() };
    let later = t("2026-12-06T11:00:00Z");
    let TownWritten::Saved(v2) = s.write_town(&town_write(1, Some("two"), &dates, &added, later)).await.unwrap() else {
        panic!("the next version is saved")
    };
    assert_eq!((v2.version, v2.made_at), (2, later));
    let stale = s.write_town(&town_write(1, Some("stale"), &[], &added, later)).await.unwrap();
    assert_eq!(stale, TownWritten::Conflict(Some(v2.clone())), "compare-and-swap on the version");
    assert_eq!(s.town(g).await.unwrap(), Some(v2.clone()));
    assert_eq!(s.town_version(g, 1).await.unwrap(), Some(v1.clone()));
    let older = TownRecord { document: None, ..v1.clone() };
    assert_eq!(s.town_history(g, 10).await.unwrap(), vec![v2.clone(), older], "older documents are not read");
    assert_eq!(s.town_history(g, 1).await.unwrap(), vec![v2.clone()]);
    assert_eq!(s.town_versions().await.unwrap(), vec![(g, 2)]);
    assert_eq!(s.town_dates(Some(g)).await.unwrap(), vec![(g, dates[0].clone())], "the dates of the current version");
    assert_eq!(s.town_dates(None).await.unwrap(), vec![(g, dates[0].clone())]);
    assert_eq!(s.town_dates(Some(g + 1)).await.unwrap(), vec![]);
    assert_eq!(s.town(g + 1).await.unwrap(), None, "another server has no town");
    // Deleted: the history stays until it is erased, 30 days on.
    let TownWritten::Saved(v3) = s.write_town(&town_write(2, None, &[], &TownChange::Deleted, later)).await.unwrap()
    else {
        panic!("the deletion is saved")
    };
    assert_eq!((v3.version, v3.document), (3, None));
    assert_eq!(s.town_dates(None).await.unwrap(), vec![], "a deleted town has no dates");
    assert_eq!(s.erase_deleted_towns(later).await.unwrap(), 0, "not before its time");
    assert_eq!(s.town_history(g, 10).await.unwrap().len(), 3);
    assert_eq!(s.erase_deleted_towns(later + chrono::Duration::days(30)).await.unwrap(), 1);
    assert_eq!((s.town(g).await.unwrap(), s.town_history(g, 10).await.unwrap()), (None, vec![]));
    let fresh = s.write_town(&town_write(0, Some("anew"), &[], &created, later)).await.unwrap();
    assert!(matches!(fresh, TownWritten::Saved(TownRecord { version: 1, .. })), "{fresh:?}");
}

pub(crate) async fn a_towns_feed_token_is_renewed_and_found_by_token_alone(s: &dyn Store) {
    let (g, other) = (1_300_000_000_000_000_011, 1_300_000_000_000_000_012);
    let now = t("2026-12-06T10:00:00Z");
    assert_eq!(s.town_feed(g).await.unwrap(), None);
    assert_eq!(s.town_of_feed("abc").await.unwrap(), None);
    s.set_town_feed(g, "first-token", now).await.unwrap();
    s.set_town_feed(other, "other-token", now).await.unwrap();
    assert_eq!(s.town_feed(g).await.unwrap().as_deref(), Some("first-token"));
    assert_eq!(s.town_of_feed("first-token").await.unwrap(), Some(g));
    s.set_town_feed(g, "renewed-token", now).await.unwrap();
    assert_eq!(s.town_of_feed("first-token").await.unwrap(), None, "a renewed feed's old address reads nothing");
    assert_eq!(s.town_of_feed("renewed-token").await.unwrap(), Some(g));
    assert_eq!(s.town_of_feed("other-token").await.unwrap(), Some(other));
    assert_eq!(s.town_of_feed(&g.to_string()).await.unwrap(), None, "the server's id is not its token");
}

pub(crate) async fn a_pending_action_is_kept_once_and_expires(s: &dyn Store) {
    let now = t("2026-12-06T10:00:00Z");
    let p = Pending {
        id: 1_400_000_000_000_000_001,
        guild_id: 7,
        user_id: 42,
        command: "town remove".into(),
        base: 3,
        data: serde_json::json!({ "partner": "brno", "text": "\"'; DROP TABLE pending; --" }),
        expires_at: now + chrono::Duration::minutes(15),
    };
    s.hold_pending(&p).await.unwrap();
    assert_eq!(s.pending(p.id).await.unwrap(), Some(p.clone()));
    let q = Pending { id: p.id + 1, expires_at: now - chrono::Duration::minutes(1), ..p.clone() };
    s.hold_pending(&q).await.unwrap();
    assert_eq!(s.drop_expired(now).await.unwrap(), 1);
    assert_eq!(s.pending(q.id).await.unwrap(), None);
    assert!(s.drop_pending(p.id).await.unwrap());
    assert!(!s.drop_pending(p.id).await.unwrap(), "a confirmation acts once");
    assert_eq!(s.pending(p.id).await.unwrap(), None);
}

/// Schema 5 filled with every kind of setting and choice of home cities (the same SQL for both
/// databases), for migration 6.
pub(crate) const SCHEMA_5_FILLED: &str = "
    INSERT INTO settings (guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at,
                          updated_by, language, remind_days, remind_channel_id)
    VALUES (1300000000000000001, TRUE, 1300000000000000101, '18:30', 'Europe/Berlin', '03-01',
            '{partner} {ordinal}! {{x}}', 1300000000000000301, '2026-11-01T10:00:00.000Z', 1200000000000000042,
            'de', 30, 1300000000000000401);
    INSERT INTO settings (guild_id, enabled, channel_id, at, timezone, digest, template, role_id, updated_at,
                          updated_by, language, remind_days, remind_channel_id)
    VALUES (1300000000000000002, FALSE, 1300000000000000102, '09:00', 'Europe/London', '01-01', NULL, NULL,
            '2026-11-02T10:00:00.000Z', NULL, NULL, NULL, NULL);
    INSERT INTO server_homes (guild_id, home, position) VALUES (1300000000000000001, 'Dortmund', 0);
    INSERT INTO server_homes (guild_id, home, position) VALUES (1300000000000000001, 'Leeds', 1);
    INSERT INTO server_homes (guild_id, home, position) VALUES (1300000000000000003, '*', 0);
    INSERT INTO server_homes (guild_id, home, position) VALUES (1300000000000000004, 'Leeds', 1);
    INSERT INTO server_homes (guild_id, home, position) VALUES (1300000000000000004, 'Dortmund', 0);
    INSERT INTO enabled_since (guild_id, channel_id, since)
    VALUES (1300000000000000001, 1300000000000000101, '2026-11-01T10:00:00.000Z');
";

/// What migration 6 must make of [`SCHEMA_5_FILLED`]: nothing lost.
pub(crate) async fn schema_5_moved_into_documents(s: &dyn Store) {
    let all = s.servers().await.unwrap();
    assert_eq!(all.iter().map(|r| (r.guild_id % 10, r.version)).collect::<Vec<_>>(), [(1, 1), (2, 1), (3, 1), (4, 1)]);
    let full = Anniversaries {
        enabled: true,
        channel: Some(1_300_000_000_000_000_101),
        at: "18:30".into(),
        timezone: "Europe/Berlin".into(),
        digest: "03-01".into(),
        template: Some("{partner} {ordinal}! {{x}}".into()),
        role: Some(1_300_000_000_000_000_301),
        language: Some("de".into()),
        remind_days: Some(30),
        remind_channel: Some(1_300_000_000_000_000_401),
        ..Anniversaries::default()
    };
    assert_eq!(all[0].state.anniversaries.as_ref(), Some(&full));
    assert_eq!(all[0].state.homes, Some(Homes::Only(vec!["Dortmund".into(), "Leeds".into()])));
    assert_eq!((all[0].updated_at, all[0].updated_by), (t("2026-11-01T10:00:00Z"), Some(1_200_000_000_000_000_042)));
    let off = Anniversaries { enabled: false, channel: Some(1_300_000_000_000_000_102), ..Anniversaries::default() };
    assert_eq!((all[1].state.anniversaries.as_ref(), &all[1].state.homes), (Some(&off), &None));
    assert_eq!((all[1].updated_at, all[1].updated_by), (t("2026-11-02T10:00:00Z"), None));
    assert_eq!((&all[2].state.anniversaries, &all[2].state.homes), (&None, &Some(Homes::Every)));
    assert_eq!(all[3].state.homes, Some(Homes::Only(vec!["Dortmund".into(), "Leeds".into()])), "in the order chosen");
    // The ledger's own tables are untouched.
    let since = s.enabled_since(Stream::Posts, 1_300_000_000_000_000_001, 1_300_000_000_000_000_101, Utc::now());
    assert_eq!(since.await.unwrap(), t("2026-11-01T10:00:00Z"));
    assert_eq!(s.data_version().await.unwrap(), 0);
}
