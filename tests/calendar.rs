//! Calendars of the anniversaries: `twinbot calendar`, read back with an independent iCalendar
//! parser (the `ical` crate), and checked line by line against RFC 5545's rules.

mod support;

use std::collections::HashSet;
use std::io::BufReader;

use chrono::NaiveDate;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use support::{root, temp_config, twinbot_with};

/// A data file with what the shipped ones lack: a link made on 29 February, one known only to the
/// month, and a suspended one.
const LEAPTON: &str = r#"
[home]
name = "Leapton"
country = "United Kingdom"
country_code = "GB"

[[partner]]
name = "Saint-Étienne"
country = "France"
country_code = "FR"
kind = "twinning"
year = 2000
date = 2000-02-29
summary = "A test fixture; commas, semicolons; and a backslash \\ survive."
sources = ["https://example.org/leapton"]

[[partner]]
name = "Brno"
country = "Czechia"
country_code = "CZ"
kind = "partnership"
year = 1990
month = 5
summary = "Known only to the month."

[[partner]]
name = "Oldtown"
country = "Germany"
country_code = "DE"
kind = "friendship"
year = 1980
date = 1980-03-10
suspended = 2020-01-01
summary = "Suspended, so left out."
"#;

fn run(config: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["calendar"];
    all.extend_from_slice(args);
    let out = twinbot_with(config, &all);
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn parse(ics: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("the calendar parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    calendar
}

fn prop<'a>(e: &'a IcalEvent, name: &str) -> &'a str {
    e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or_else(|| panic!("no {name}"))
}

/// The raw file obeys the format's rules: CRLF line ends, at most 75 octets a line.
fn assert_well_formed(ics: &str) {
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn the_shipped_data_as_a_calendar_dortmund_on_2_june() {
    let config = root().join("config.toml");
    let (code, ics, err) = run(&config, &["--from", "2029-01-01", "--to", "2029-12-31", "--home", "Leeds"]);
    assert_eq!(code, 0, "{err}");
    assert_well_formed(&ics);
    let cal = parse(&ics);
    let dortmund = cal
        .events
        .iter()
        .find(|e| prop(e, "SUMMARY").starts_with("Dortmund"))
        .expect("Dortmund's 60th anniversary is in 2029");
    assert_eq!(prop(dortmund, "SUMMARY"), "Dortmund – 60th anniversary of the twinning with Leeds ★");
    assert_eq!(prop(dortmund, "DTSTART"), "20290602");
    assert_eq!(prop(dortmund, "DTEND"), "20290603", "one whole day");
    let start = dortmund.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    let params = start.params.as_ref().expect("DTSTART has VALUE=DATE");
    assert!(params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE".to_string()]), "{params:?}");
    assert_eq!(prop(dortmund, "UID"), "2029-leeds-dortmund-de@twinbot");
    let description = prop(dortmund, "DESCRIPTION");
    assert!(description.starts_with("2 June 2029 (twinning since 2 June 1969)"), "{description}");
    assert!(description.contains("Source: http"), "{description}");
    // Every anniversary of the year is there once, each with its own UID, each a DTSTAMP.
    let uids: HashSet<&str> = cal.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), cal.events.len());
    assert!(cal.events.len() >= 6, "{} events", cal.events.len());
    for e in &cal.events {
        assert!(prop(e, "DTSTAMP").ends_with('Z'));
        let start = NaiveDate::parse_from_str(prop(e, "DTSTART"), "%Y%m%d").expect("a date");
        assert!(start >= NaiveDate::from_ymd_opt(2029, 1, 1).unwrap() && start.format("%Y").to_string() == "2029");
    }
    let name = cal.properties.iter().find(|p| p.name == "X-WR-CALNAME").and_then(|p| p.value.clone());
    assert_eq!(name.as_deref(), Some("Leeds: partnership anniversaries"));

    // The same range again: the same events, so a re-import updates instead of duplicating.
    let (_, again, _) = run(&config, &["--from", "2029-01-01", "--to", "2029-12-31", "--home", "Leeds"]);
    let again: HashSet<String> =
        parse(&again).events.iter().map(|e| format!("{} {}", prop(e, "UID"), prop(e, "DTSTART"))).collect();
    let first: HashSet<String> =
        cal.events.iter().map(|e| format!("{} {}", prop(e, "UID"), prop(e, "DTSTART"))).collect();
    assert_eq!(first, again);
}

#[test]
fn leap_days_months_and_suspended_links() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("leapton.toml");
    std::fs::write(&data, LEAPTON).unwrap();
    let (_keep, config) = temp_config("", &[data]);
    let (code, ics, err) = run(&config, &["--from", "2027-01-01", "--to", "2028-12-31"]);
    assert_eq!(code, 0, "{err}");
    assert_well_formed(&ics);
    let cal = parse(&ics);
    let starts = |name: &str| -> Vec<String> {
        cal.events
            .iter()
            .filter(|e| prop(e, "SUMMARY").starts_with(name))
            .map(|e| prop(e, "DTSTART").to_string())
            .collect()
    };
    // 29 February falls on 28 February in a common year, and on the day itself in a leap year.
    assert_eq!(starts("Saint-Étienne"), ["20270228", "20280229"]);
    // Known only to the month: on the 1st, saying so.
    assert_eq!(starts("Brno"), ["20270501", "20280501"]);
    let brno = cal.events.iter().find(|e| prop(e, "SUMMARY").starts_with("Brno")).unwrap();
    assert!(prop(brno, "DESCRIPTION").contains("Only the month is known (May 2027)"), "{}", prop(brno, "DESCRIPTION"));
    // Suspended: left out, as from the posts.
    assert!(starts("Oldtown").is_empty());
    // Escaped text arrives intact (the parser leaves escapes as written).
    let se = cal.events.iter().find(|e| prop(e, "SUMMARY").starts_with("Saint")).unwrap();
    assert!(
        prop(se, "DESCRIPTION").contains("commas\\, semicolons\\; and a backslash \\\\ survive."),
        "{}",
        prop(se, "DESCRIPTION")
    );
    assert_eq!(prop(se, "UID"), "2027-leapton-saint-etienne-fr@twinbot");

    // A range starting mid-May still holds May's month-only anniversary (shown on the 1st), as a
    // feed from today holds this month's.
    let (code, ics, err) = run(&config, &["--from", "2027-05-20", "--to", "2027-06-30"]);
    assert_eq!(code, 0, "{err}");
    let cal = parse(&ics);
    let names: Vec<&str> = cal.events.iter().map(|e| prop(e, "SUMMARY")).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("Brno"), "{names:?}");
    assert_eq!(prop(&cal.events[0], "DTSTART"), "20270501");

    // Nothing in the range: no file (a calendar must hold an event), exit 1, said why.
    let out = dir.path().join("empty.ics");
    let (code, _, err) = run(&config, &["--from", "2027-07-01", "--to", "2027-07-31", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("no anniversaries between 2027-07-01 and 2027-07-31"), "{err}");
    assert!(!out.exists());
}

#[test]
fn in_german_to_a_file_and_usage_errors() {
    let config = root().join("config.toml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("leeds.ics");
    let (code, stdout, err) = run(
        &config,
        &[
            "--from",
            "2029-06-01",
            "--to",
            "2029-06-30",
            "--home",
            "Leeds",
            "--locale",
            "de",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    let ics = std::fs::read_to_string(&out).unwrap();
    assert_well_formed(&ics);
    let cal = parse(&ics);
    assert_eq!(cal.events.len(), 1, "only June: Dortmund");
    let e = &cal.events[0];
    assert_eq!(prop(e, "SUMMARY"), "Dortmund – 60. Jahrestag der Städtepartnerschaft mit Leeds ★");
    let summary = e.properties.iter().find(|p| p.name == "SUMMARY").unwrap();
    assert_eq!(summary.params.as_ref().unwrap(), &[("LANGUAGE".to_string(), vec!["de".to_string()])]);
    assert!(prop(e, "DESCRIPTION").starts_with("2. Juni 2029"), "{}", prop(e, "DESCRIPTION"));

    let (code, _, err) = run(&config, &["--from", "2029-06-30", "--to", "2029-06-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("--to 2029-06-01 is before --from 2029-06-30"), "{err}");
    let (code, _, err) = run(&config, &["--from", "2029-01-01", "--to", "2029-12-31", "--locale", "xx"]);
    assert_eq!(code, 2);
    assert!(err.contains("en-GB"), "lists the languages: {err}");
    let (code, _, err) = run(&config, &["--from", "2029-01-01", "--to", "2029-12-31", "--home", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("no home city \"Atlantis\""), "{err}");
}
