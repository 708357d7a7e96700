//! The store tests every database must pass: the same assertions against SQLite (always) and
//! PostgreSQL (when `TWINBOT_TEST_POSTGRES` names one).

use chrono::{DateTime, Utc};

use crate::anniversaries::settings::StoredSettings;
use crate::ledger::poster::Refusal;
use crate::ledger::{Cause, NewPost, PostState, Problem, Stop, Store, Stream};

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

pub(crate) async fn a_servers_homes_are_saved_in_order_and_cleared(s: &dyn Store) {
    assert!(s.all_homes().await.unwrap().is_empty());
    s.save_homes(7, &["Dortmund".into(), "Leeds".into()]).await.unwrap();
    s.save_homes(8, &["Leeds".into()]).await.unwrap();
    s.save_homes(8, &["Dortmund".into()]).await.unwrap();
    assert_eq!(
        s.all_homes().await.unwrap(),
        vec![(7, vec!["Dortmund".to_string(), "Leeds".to_string()]), (8, vec!["Dortmund".to_string()])]
    );
    s.save_homes(7, &[]).await.unwrap();
    assert_eq!(s.all_homes().await.unwrap(), vec![(8, vec!["Dortmund".to_string()])], "none: every home");
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

/// A server's settings posting to `channel` at 09:00 London time, saved at `now`.
pub(crate) fn settings_row(guild_id: u64, channel: u64, now: DateTime<Utc>) -> StoredSettings {
    StoredSettings {
        guild_id,
        enabled: true,
        channel_id: Some(channel),
        at: "09:00".into(),
        timezone: "Europe/London".into(),
        digest: "01-01".into(),
        template: None,
        language: None,
        role_id: None,
        updated_at: now,
        updated_by: None,
        remind_days: None,
        remind_channel_id: None,
    }
}

pub(crate) async fn settings_round_trip_and_enabled_since_is_set_once(s: &dyn Store) {
    let now = t("2026-11-28T10:00:00Z");
    let mut set = StoredSettings { updated_by: Some(5), ..settings_row(7, 8, now) };
    s.save_settings(&set).await.unwrap();
    set.template = Some("{partner}".into());
    set.at = "18:30".into();
    set.remind_days = Some(30);
    set.remind_channel_id = Some(9);
    s.save_settings(&set).await.unwrap();
    assert_eq!(s.settings(7).await.unwrap(), Some(set.clone()));
    assert_eq!(s.all_settings().await.unwrap(), vec![set]);
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), now);
    let later = t("2027-01-01T00:00:00Z");
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, later).await.unwrap(), now, "the first time counts");
    s.restart_enabled_since(Stream::Posts, 7, 8, later).await.unwrap();
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, now).await.unwrap(), later, "turned on again: counts from then");
    // Reminders to the same channel are counted apart from the posts.
    let much_later = later + chrono::Duration::days(30);
    assert_eq!(s.enabled_since(Stream::Reminders, 7, 8, much_later).await.unwrap(), much_later);
    assert_eq!(s.enabled_since(Stream::Posts, 7, 8, much_later).await.unwrap(), later);
}
