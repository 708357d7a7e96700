//! Calendars of the anniversaries: `twinbot calendar`, read back with an independent iCalendar
//! parser (the `ical` crate), and checked line by line against RFC 5545's rules.

mod support;

use std::collections::HashSet;
use std::io::BufReader;

use chrono::NaiveDate;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
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

// ---- any text, written and read back (issue 28) ---------------------------------------------

/// The texts of one generated partnership that the calendar shows: the home city's name (in every
/// SUMMARY and the calendar's name), the partner's name (SUMMARY), its summary and its first
/// source (DESCRIPTION).
#[derive(Debug, Clone)]
struct Hostile {
    home: String,
    partner: String,
    summary: String,
    source: String,
}

/// What became of a generated data file.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// The writer made a calendar, and it passed every check.
    Written,
    /// The data validation refused the file, with each problem at a line and column.
    Refused,
}

/// Pieces of hostile text: the characters RFC 5545 escapes or forbids, line breaks of every kind,
/// the blanks some readers trim, emoji sequences, right-to-left scripts and bidi controls, CJK,
/// combining marks, and runs long enough to fold at odd byte offsets (1 to 4 octets a character).
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        ",",
        ";",
        ":",
        "\\",
        "\\n",
        "\\,",
        "\"",
        "'",
        "\t",
        " ",
        "  ",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{a0}",
        "\u{3000}",
        "\u{2028}",
        "\u{2029}",
        "\u{202f}",
        "\u{2009}",
        "\u{feff}",
        "😀",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "🇩🇪",
        "🏳\u{fe0f}\u{200d}🌈",
        "👍🏽",
        "مدينة",
        "תל אביב",
        "\u{202e}",
        "\u{2067}",
        "\u{2069}",
        "\u{200f}",
        "\u{200e}",
        "杭州市",
        "東京",
        "서울",
        "e\u{301}",
        "a\u{308}\u{323}\u{33a}",
        "Saint-Étienne",
        "Brno",
        "END:VEVENT",
        "BEGIN:VCALENDAR",
        "x;LANGUAGE=de:",
        "Zürich",
        "Київ",
    ])
    .prop_map(str::to_string);
    // A run of one character: with 1-, 2-, 3- and 4-octet characters a fold falls at every offset.
    let run = (prop::sample::select(vec!['x', 'é', '杭', '😀', '\u{301}', ',', '\\', ';', '\n']), 1..90usize)
        .prop_map(|(c, n)| c.to_string().repeat(n));
    prop_oneof![4 => fixed, 2 => run, 2 => any::<char>().prop_map(String::from), 1 => "[a-z]{1,12}"]
}

/// A text of a few hostile pieces (empty now and then, for the validation to refuse).
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..10).prop_map(|pieces| pieces.concat())
}

/// A hostile text the validation mostly takes: four times in five with a word of letters
/// somewhere in it (a name or summary needs one).
fn hostile_name() -> impl Strategy<Value = String> {
    let worded = (hostile_text(), "[A-Za-zÀ-ž]{1,8}", hostile_text()).prop_map(|(a, b, c)| a + &b + &c);
    prop_oneof![4 => worded, 1 => hostile_text()]
}

fn hostile() -> impl Strategy<Value = Hostile> {
    // The home city is hostile one time in four: mostly the partner's texts vary.
    let home = prop_oneof![3 => Just("Leapton".to_string()), 1 => hostile_name()];
    (home, hostile_name(), hostile_name(), hostile_text()).prop_map(|(home, partner, summary, source)| Hostile {
        home,
        partner,
        summary,
        source: format!("https://example.org/{source}"),
    })
}

/// The data file of a [`Hostile`] partnership, each text written by the `toml` crate's own
/// serializer (which escapes what TOML must).
fn hostile_toml(h: &Hostile) -> String {
    let s = |t: &str| toml::Value::String(t.to_string()).to_string();
    format!(
        "[home]\nname = {}\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n[[partner]]\nname = {}\n\
         country = \"France\"\ncountry_code = \"FR\"\nkind = \"twinning\"\nyear = 1990\ndate = 1990-06-15\n\
         summary = {}\nsources = [{}]\n",
        s(&h.home),
        s(&h.partner),
        s(&h.summary),
        s(&h.source)
    )
}

/// A text as the writer means to show it (its documented changes): control characters dropped
/// but line breaks kept, a tab made a space.
fn shown(s: &str) -> String {
    s.chars().filter(|&c| c == '\n' || c == '\t' || !c.is_control()).map(|c| if c == '\t' { ' ' } else { c }).collect()
}

/// A TEXT value read back by the letter of RFC 5545 (3.3.11): `\\`, `\;`, `\,`, `\n` and `\N`
/// are the only escapes; a bare `;` or `,`, or a control character, is not allowed in the value.
fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => return Err(format!("a bad escape \\{other:?} in {raw:?}")),
            },
            ';' | ',' => return Err(format!("an unescaped {c:?} in {raw:?}")),
            c if c.is_control() => return Err(format!("a control character {c:?} in {raw:?}")),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Whether a logical line has 30 octets or more with no place to fold between two characters
/// that are not blanks (a long run of blanks, or one-letter words between them): the writer
/// folds in a line's second half, so there it has to fold beside a blank.
fn crowded(line: &str) -> bool {
    let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let good = line
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| !blank(line[..i].chars().next_back()) && !blank(line[i..].chars().next()));
    let mut last = 0;
    for i in good.chain(std::iter::once(line.len())) {
        if i - last >= 30 {
            return true;
        }
        last = i;
    }
    false
}

/// What the `ical` crate gives back for a value it was sent, beyond RFC 5545: it drops every
/// colon a value starts with (it trims them off as the name's delimiter), and trims the blanks
/// off the end of each physical line (so off the end of a value, which has no escape for them).
fn as_ical_reads(value: &str) -> String {
    value.trim_start_matches(':').trim_end_matches(|c: char| c.is_whitespace() && c != '\n').to_string()
}

/// Loads a [`Hostile`] partnership's data file and writes its calendar for 2031 (the 41st
/// anniversary, on 15 June; no milestone), then checks the file by the letter of RFC 5545 and by
/// reading it back with the `ical` crate.
fn calendar_of(h: &Hostile) -> Result<Outcome, TestCaseError> {
    use twinbot::core::data::{parse_file, Directory};
    let text = hostile_toml(h);
    let (home, partners) = match parse_file(std::path::Path::new("hostile.toml"), &text, 0) {
        Ok(loaded) => loaded,
        Err(e) => {
            // Refused only for a name with no letter or digit, or names that fold alike; each
            // problem positioned in the file.
            let problems = e.problems();
            prop_assert!(!problems.is_empty(), "refused without a problem: {e}\n{text}");
            for p in problems {
                prop_assert!(p.line >= 1 && p.column >= 1, "{p}");
                let known = ["is empty", "is already used by", "duplicate partner"];
                prop_assert!(known.iter().any(|k| p.message.contains(k)), "refused: {p}\n{text}");
            }
            return Ok(Outcome::Refused);
        }
    };
    // The file says what was generated (the TOML was written right).
    prop_assert_eq!(&home.name, h.home.trim());
    prop_assert_eq!(&partners[0].name, h.partner.trim());
    prop_assert_eq!(&partners[0].summary, h.summary.trim());
    prop_assert_eq!(&partners[0].sources, &vec![h.source.clone()]);

    let dir = Directory::new(vec![home], partners);
    let lang = twinbot::core::i18n::lang("en-GB").expect("English");
    let day = |m, d| NaiveDate::from_ymd_opt(2031, m, d).unwrap();
    let stamp = day(1, 2).and_hms_opt(3, 4, 5).unwrap().and_utc();
    let ics = twinbot::anniversaries::calendar::ics(&dir, lang, day(1, 1), day(12, 31), stamp);
    let Some(ics) = ics else { return Err(TestCaseError::fail("no calendar for a partnership of 1990")) };

    let (home, partner) = (shown(h.home.trim()), shown(h.partner.trim()));
    let expected = [
        ("NAME", format!("{home}: partnership anniversaries")),
        ("X-WR-CALNAME", format!("{home}: partnership anniversaries")),
        ("SUMMARY", format!("{partner} – 41st anniversary of the twinning with {home}")),
        (
            "DESCRIPTION",
            format!(
                "15 June 2031 (twinning since 15 June 1990)\n\n{}\n\nSource: {}",
                shown(h.summary.trim()),
                shown(&h.source)
            ),
        ),
    ];

    // (2) Physical lines: CRLF ends only, no bare CR or LF, at most 75 octets, each valid UTF-8
    // on its own (a fold never splits a character), a continuation marked by one space.
    let bytes = ics.as_bytes();
    prop_assert!(bytes.ends_with(b"\r\n"), "the file ends with CRLF");
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\r' => prop_assert!(bytes.get(i + 1) == Some(&b'\n'), "a bare CR at octet {}", i),
            b'\n' => prop_assert!(i > 0 && bytes[i - 1] == b'\r', "a bare LF at octet {}", i),
            _ => {}
        }
    }
    let physical: Vec<&[u8]> = bytes[..bytes.len() - 2].split(|&b| b == b'\n').map(|l| &l[..l.len() - 1]).collect();
    // Where a line is crowded with blanks, a fold cannot avoid them.
    let any_crowded = ics.replace("\r\n ", "").split("\r\n").any(crowded);
    for (i, line) in physical.iter().enumerate() {
        prop_assert!(line.len() <= 75, "line {} has {} octets", i + 1, line.len());
        let Ok(line) = std::str::from_utf8(line) else {
            return Err(TestCaseError::fail(format!("line {} splits a character: {line:?}", i + 1)));
        };
        prop_assert!(!line.is_empty(), "an empty line {}", i + 1);
        prop_assert!(!line.starts_with('\t'), "a continuation marked by a tab, line {}", i + 1);
        let next_continues = physical.get(i + 1).is_some_and(|l| l.starts_with(b" "));
        if !any_crowded {
            // Never folded next to a blank: some readers (ical among them) trim them.
            let body = line.strip_prefix(' ').unwrap_or(line);
            prop_assert!(!(i > 0 && line.starts_with(' ') && body.starts_with(char::is_whitespace)), "{line:?}");
            prop_assert!(!(next_continues && line.ends_with(char::is_whitespace)), "line {} {line:?}", i + 1);
        }
    }

    // (3) Unfolding (each CRLF and the one space after it removed) gives the logical lines: the
    // calendar's and one event's, in order, none made by a line break in a text.
    let unfolded = ics.replace("\r\n ", "");
    let logical: Vec<&str> = unfolded.trim_end_matches("\r\n").split("\r\n").collect();
    let names: Vec<&str> = logical.iter().map(|l| &l[..l.find([';', ':']).unwrap_or(l.len())]).collect();
    let want = [
        "BEGIN",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "METHOD",
        "NAME",
        "X-WR-CALNAME",
        "REFRESH-INTERVAL",
        "X-PUBLISHED-TTL",
        "BEGIN",
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "TRANSP",
        "END",
        "END",
    ];
    prop_assert_eq!(&names[..], &want[..], "{}", ics);
    let raw_value = |name: &str| -> &str {
        let line = logical.iter().find(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")));
        let line = line.unwrap();
        // The name, then parameters (here LANGUAGE=en-GB only, which has no colon), then the value.
        &line[line.find(':').unwrap() + 1..]
    };
    for (name, value) in &expected {
        let read = unescape(raw_value(name)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&read, value, "{} by the letter of RFC 5545", name);
    }

    // (1) A real parser reads exactly one calendar, with this one event and these texts.
    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = match parser.next() {
        Some(Ok(c)) => c,
        other => return Err(TestCaseError::fail(format!("ical reads no calendar: {other:?}\n{ics}"))),
    };
    prop_assert!(parser.next().is_none(), "exactly one calendar");
    prop_assert_eq!(calendar.events.len(), 1);
    let event = &calendar.events[0];
    for (name, value) in &expected {
        let properties =
            if ["SUMMARY", "DESCRIPTION"].contains(name) { &event.properties } else { &calendar.properties };
        let found: Vec<_> = properties.iter().filter(|p| p.name == *name).collect();
        prop_assert_eq!(found.len(), 1, "one {}", name);
        let read = found[0].value.as_deref().unwrap_or("");
        let read = unescape(read).map_err(TestCaseError::fail)?;
        prop_assert_eq!(read, as_ical_reads(value), "{} as ical reads it", name);
    }
    prop_assert_eq!(prop(event, "DTSTART"), "20310615");
    Ok(Outcome::Written)
}

/// Any texts a data file could hold, in the calendar: well formed and read back as written.
#[test]
fn any_partner_texts_make_a_calendar_read_back_as_written() {
    use std::sync::atomic::{AtomicU32, Ordering};
    let (written, refused) = (AtomicU32::new(0), AtomicU32::new(0));
    support::property::check("calendar", 1500, hostile(), |h| {
        let outcome = calendar_of(&h)?;
        let count = if outcome == Outcome::Written { &written } else { &refused };
        count.fetch_add(1, Ordering::Relaxed);
        prop_assume!(outcome == Outcome::Written, "refused by the validation");
        Ok(())
    });
    // Most generated files reach the writer.
    let (written, refused) = (written.into_inner(), refused.into_inner());
    assert!(written > 2 * refused, "{written} written, {refused} refused");
}

/// Every text ever tried against the calendar, replayed (tests/corpus/calendar): in each of the
/// texts alone, the others plain (the shape a shrunk failure has), in all of them at once, and,
/// led by letters, where the validation would refuse it bare.
#[test]
fn the_calendar_corpus_is_read_back_as_written() {
    let corpus = support::property::corpus("calendar");
    assert!(corpus.len() >= 6, "the corpus is read: {} files", corpus.len());
    let plain = Hostile {
        home: "Leapton".into(),
        partner: "a".into(),
        summary: "a".into(),
        source: "https://example.org/".into(),
    };
    for (name, bytes) in corpus {
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let source = format!("https://example.org/{text}");
        let all = Hostile { home: text.clone(), partner: text.clone(), summary: text.clone(), source: source.clone() };
        let cases = [
            ("home", Hostile { home: text.clone(), ..plain.clone() }, false),
            ("partner", Hostile { partner: text.clone(), ..plain.clone() }, false),
            ("summary", Hostile { summary: text.clone(), ..plain.clone() }, false),
            ("source", Hostile { source, ..plain.clone() }, true),
            ("home led by letters", Hostile { home: format!("Leapton {text}"), ..plain.clone() }, true),
            ("partner led by letters", Hostile { partner: format!("Brno {text}"), ..plain.clone() }, true),
            ("summary led by letters", Hostile { summary: format!("Summary {text}"), ..plain.clone() }, true),
            ("all but the home", Hostile { home: "Leapton".into(), ..all.clone() }, false),
            ("all", all, false),
        ];
        for (role, case, written) in cases {
            let outcome = calendar_of(&case).unwrap_or_else(|e| panic!("{name} ({role}): {e}"));
            assert!(!written || outcome == Outcome::Written, "{name} ({role}): {outcome:?}");
        }
    }
}
