//! Scheduled anniversary posts for Leeds: what is posted when, and the CLI's dry run.

mod support;

use chrono::NaiveDate;
use support::{leeds, root, temp_config, twinbot_with};
use twinbot::anniversaries::schedule::{posts, reminders, PostKind, Timing};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn exact_dates_post_on_the_day_months_on_the_first_and_the_rest_in_a_digest() {
    let dir = leeds();
    let all = posts(&dir, &Timing::default(), d(2029, 1, 1), d(2029, 12, 31));
    let days: Vec<(NaiveDate, String)> = all
        .iter()
        .map(|p| {
            let what = match &p.kind {
                PostKind::Anniversary(a) => dir.partners[a.partner].name.clone(),
                PostKind::Digest { year, anniversaries } => format!("digest {year} of {}", anniversaries.len()),
                PostKind::Reminder { .. } => unreachable!("posts() makes no reminders"),
            };
            (p.day, what)
        })
        .collect();
    assert_eq!(
        days,
        vec![
            (d(2029, 1, 1), "digest 2029 of 3".to_string()),
            (d(2029, 6, 2), "Dortmund".to_string()),
            (d(2029, 7, 16), "Siegen".to_string()),
            (d(2029, 10, 15), "Lille".to_string()),
            (d(2029, 12, 6), "Kharkiv".to_string()),
        ]
    );
    // Dortmund's 60th: 09:00 in London in June is 08:00 UTC.
    assert_eq!(all[1].due.to_rfc3339(), "2029-06-02T08:00:00+00:00");
    // Kharkiv in December: 09:00 UTC.
    assert_eq!(all[4].due.to_rfc3339(), "2029-12-06T09:00:00+00:00");

    // A link known only to the month is posted on the 1st of that month.
    let mut month_only = leeds().directory().clone();
    month_only.partners.iter_mut().find(|p| p.name == "Siegen").unwrap().since.day = None;
    let month_only = twinbot::core::catalog::Catalog::new(month_only);
    let siegen: Vec<NaiveDate> = posts(&month_only, &Timing::default(), d(2029, 1, 1), d(2029, 12, 31))
        .iter()
        .filter(|p| matches!(&p.kind, PostKind::Anniversary(a) if month_only.partners[a.partner].name == "Siegen"))
        .map(|p| p.day)
        .collect();
    assert_eq!(siegen, vec![d(2029, 7, 1)]);
}

#[test]
fn the_range_is_inclusive_and_years_with_nothing_due_are_empty() {
    let dir = leeds();
    assert_eq!(posts(&dir, &Timing::default(), d(2029, 6, 2), d(2029, 6, 2)).len(), 1);
    assert!(posts(&dir, &Timing::default(), d(2029, 6, 3), d(2029, 6, 30)).is_empty());
    assert!(posts(&dir, &Timing::default(), d(1900, 1, 1), d(1960, 12, 31)).is_empty(), "before any partnership");
}

#[test]
fn the_dry_run_prints_local_and_utc_times() {
    let config = root().join("config.toml");
    let out = twinbot_with(
        &config,
        &[
            "schedule",
            "--from",
            "2026-01-01",
            "--to",
            "2029-12-31",
            "--tz",
            "Europe/London",
            "--at",
            "09:00",
            "--home",
            "leeds",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 20, "5 a year: a digest, Dortmund, Siegen, Lille, Kharkiv\n{text}");
    assert!(text
        .contains("2029-06-02 09:00 Europe/London = 08:00 UTC  Dortmund 60th anniversary (2 June 2029), milestone\n"));
    assert!(text
        .contains("2026-07-16 09:00 Europe/London = 08:00 UTC  Siegen 60th anniversary (16 July 2026), milestone\n"));
    assert!(text.contains(
        "2028-01-01 09:00 Europe/London = 09:00 UTC  digest of 2028: Brno (25th anniversary, milestone), Durban (30th anniversary, milestone) and \
         Hangzhou (40th anniversary, milestone)\n"
    ));
    assert!(text
        .contains("2028-10-15 09:00 Europe/London = 08:00 UTC  Lille 60th anniversary (15 October 2028), milestone\n"));

    let east = twinbot_with(
        &config,
        &["schedule", "--from", "2027-01-01", "--to", "2027-01-01", "--tz", "Pacific/Kiritimati"],
    );
    let text = String::from_utf8(east.stdout).unwrap();
    assert!(text.starts_with("2027-01-01 09:00 Pacific/Kiritimati = 2026-12-31 19:00 UTC  digest of 2027"), "{text}");

    let bad =
        twinbot_with(&config, &["schedule", "--from", "2026-01-01", "--to", "2026-12-31", "--tz", "Mars/Olympus"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown timezone \"Mars/Olympus\""));
}

#[test]
fn schedule_settings_come_from_config_unless_given_and_bad_templates_stop_the_bot() {
    let data = [root().join("data/leeds.toml")];
    let (_dir, config) = temp_config("[anniversaries]\ntimezone = \"America/New_York\"\nat = \"18:30\"\n", &data);
    let out = twinbot_with(&config, &["schedule", "--from", "2029-06-02", "--to", "2029-06-02"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "2029-06-02 18:30 America/New_York = 22:30 UTC  Dortmund 60th anniversary (2 June 2029), milestone\n"
    );

    let (_dir, config) = temp_config("[anniversaries]\ntemplate = \"Happy {ordinal}, {partnr}!\"\n", &data);
    let out = twinbot_with(&config, &["ask", "partners"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("anniversaries.template: unknown placeholder {partnr} at character 18"), "{err}");
}

#[test]
fn a_suspended_link_is_shown_as_suspended_and_never_posted() {
    let dir = twinbot::core::catalog::Catalog::load(&[root().join("data/dortmund.toml")]).unwrap();
    let rostov = dir.partners.iter().position(|p| p.name == "Rostov-on-Don").unwrap();
    let mut all = posts(&dir, &Timing::default(), d(2027, 1, 1), d(2027, 12, 31));
    assert!(!all.is_empty());
    all.extend(reminders(&dir, &Timing::default(), 30, d(2027, 1, 1), d(2027, 12, 31)));
    assert!(
        all.iter().all(|p| match &p.kind {
            PostKind::Anniversary(a) | PostKind::Reminder { anniversary: a, .. } => a.partner != rostov,
            PostKind::Digest { anniversaries, .. } => anniversaries.iter().all(|a| a.partner != rostov),
        }),
        "no post and no reminder for a suspended link"
    );
    let ask = |args: &[&str]| {
        let (_d, config) = temp_config("", &[root().join("data/dortmund.toml")]);
        String::from_utf8(twinbot_with(&config, args).stdout).unwrap()
    };
    let card = ask(&["ask", "partner", "rostow"]);
    assert!(card.contains("Status\n  Suspended since 31 March 2022: see the notes."), "{card}");
    let list = ask(&["ask", "partners"]);
    assert!(list.contains("Rostov-on-Don 🇷🇺 Russia — twinning, July 1977 (suspended since 31 March 2022)"), "{list}");
    let year = ask(&["ask", "anniversaries", "2027"]);
    assert!(year.contains("Rostov-on-Don 🇷🇺 — 50th anniversary ★ milestone · July 2027 (twinning since July 1977), suspended since 31 March 2022"), "{year}");
}

#[test]
fn a_link_listed_from_both_sides_is_posted_and_counted_once() {
    let both =
        twinbot::core::catalog::Catalog::load(&[root().join("data/leeds.toml"), root().join("data/dortmund.toml")])
            .unwrap();
    let june = posts(&both, &Timing::default(), d(2029, 6, 2), d(2029, 6, 2));
    let names: Vec<String> = june
        .iter()
        .filter_map(|p| match &p.kind {
            PostKind::Anniversary(a) => {
                let partner = &both.partners[a.partner];
                Some(format!("{}/{}", both.home_of(partner).name, partner.name))
            }
            _ => None,
        })
        .collect();
    assert_eq!(names, vec!["Leeds/Dortmund"], "one post for the one link");
    let year = twinbot::anniversaries::dates::for_year(&both, 2029);
    let leeds_dortmund =
        year.iter().filter(|a| matches!(both.partners[a.partner].name.as_str(), "Leeds" | "Dortmund")).count();
    assert_eq!(leeds_dortmund, 1);
}

#[test]
fn reminders_fall_days_before_each_dated_anniversary_even_across_a_new_year() {
    let dir = leeds();
    let timing = twinbot::state::timing("Europe/London", "09:00", "01-01").unwrap();
    // 40 days ahead, at 09:00 London time: Kharkiv's 6 December 2029 on 27 October, the day
    // before the clocks go back (still BST: 08:00 UTC), Dortmund's 2 June on 23 April.
    let all = reminders(&dir, &timing, 40, d(2029, 1, 1), d(2029, 12, 31));
    let got: Vec<(String, String, u32)> = all
        .iter()
        .map(|p| match &p.kind {
            PostKind::Reminder { anniversary, days } => {
                (p.due.to_rfc3339(), dir.partners[anniversary.partner].name.clone(), *days)
            }
            other => panic!("not a reminder: {other:?}"),
        })
        .collect();
    let want = [
        ("2029-04-23T08:00:00+00:00", "Dortmund"),
        ("2029-06-06T08:00:00+00:00", "Siegen"),
        ("2029-09-05T08:00:00+00:00", "Lille"),
        ("2029-10-27T08:00:00+00:00", "Kharkiv"),
    ];
    let want: Vec<(String, String, u32)> = want.iter().map(|(t, n)| (t.to_string(), n.to_string(), 40)).collect();
    assert_eq!(got, want, "year-only anniversaries (in the digest) have no reminder");
    // The range is the reminders' days, not the anniversaries': 90 days ahead, September's is
    // for December, and March 2030's for June.
    let late = reminders(&dir, &timing, 90, d(2029, 9, 1), d(2029, 9, 30));
    let days: Vec<String> = late.iter().map(|p| p.day.to_string()).collect();
    assert_eq!(days, ["2029-09-07"], "Kharkiv's 6 December, 90 days ahead");
    let next_year = reminders(&dir, &timing, 90, d(2030, 3, 1), d(2030, 3, 31));
    let days: Vec<String> = next_year.iter().map(|p| p.day.to_string()).collect();
    assert_eq!(days, ["2030-03-04"], "Dortmund's 2 June 2030, 90 days ahead");
}

#[test]
fn the_dry_run_shows_reminders_among_the_posts() {
    let (_keep, config) = temp_config("", &[root().join("data/leeds.toml")]);
    let o = twinbot_with(&config, &["schedule", "--from", "2029-05-01", "--to", "2029-06-30", "--remind", "30"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "2029-05-03 09:00 Europe/London = 08:00 UTC  reminder: Dortmund's 60th anniversary is in 30 days (2 June 2029) ★ milestone",
            "2029-06-02 09:00 Europe/London = 08:00 UTC  Dortmund 60th anniversary (2 June 2029), milestone",
            "2029-06-16 09:00 Europe/London = 08:00 UTC  reminder: Siegen's 63rd anniversary is in 30 days (16 July 2029)",
        ]
    );
    let o = twinbot_with(&config, &["schedule", "--from", "2029-05-01", "--to", "2029-06-30", "--remind", "91"]);
    assert_eq!(o.status.code(), Some(2), "91 days is out of range");
    // From config.toml's remind_days when not given.
    let (_keep, config) = temp_config(
        "[discord]\nguild_id = 7\n[anniversaries]\nremind_days = 1\nremind_channel = 9\n",
        &[root().join("data/leeds.toml")],
    );
    let o = twinbot_with(&config, &["schedule", "--from", "2029-06-01", "--to", "2029-06-01", "--locale", "de"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Erinnerung: Der 60. Jahrestag der Partnerschaft mit Dortmund ist morgen (2. Juni 2029)"),
        "{out}"
    );
}
