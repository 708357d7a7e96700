//! Every parser of what moderators type into the anniversary settings, under property tests
//! (issue 28): any text never panics; what is accepted is in range, and a template that is
//! accepted renders every anniversary of the shipped Leeds and Dortmund data, in every language,
//! within Discord's limit on a message; what is refused is refused with an error that names what
//! is wrong.
//!
//! The parsers: announcement templates (`Template::parse`, `Template::check`, `render`), the time
//! of day, the timezone and the digest's day of the year (`twinbot::state::{time, timezone, day}`,
//! over `schedule::parse_time` and `parse_day`), the days ahead of the reminders, and the whole
//! change as `/anniversary-settings` saves it (`Change::apply`, the one place their rules are
//! checked). The commands' other date arguments (`/anniversaries year` and `upcoming`, `/since
//! year` and `until`, `remind-days`) are integers, checked against their options' ranges by
//! `commands::validate`.
//!
//! Corpora: `tests/corpus/templates/` (one template source a file) and `tests/corpus/times/`
//! (one typed value a file, tried as a time, a timezone and a digest day), each replayed here
//! directly and through the real `/anniversary-settings` command.

mod support;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Timelike};
use proptest::prelude::*;
use proptest::test_runner::TestCaseResult;
use serde_json::{json, Value};
use twinbot::anniversaries::dates::{in_year, Anniversary};
use twinbot::anniversaries::schedule::{local_instant, Post, PostKind, Timing};
use twinbot::anniversaries::settings::{PostSettings, SettingsOrigin, MAX_REMIND_DAYS};
use twinbot::anniversaries::template::{Template, TemplateError, MAX_ANNOUNCEMENT, MAX_POST, PLACEHOLDERS};
use twinbot::core::catalog::Catalog;
use twinbot::core::data::{Directory, Home, PartialDate, Partner, MAX_YEAR};
use twinbot::core::i18n::{self, Lang};
use twinbot::discord::limits;
use twinbot::discord::markdown::{markdown, message_content};
use twinbot::state::{Change, Missing, Rules, ServerState, SettingsError};

/// The longest a template's error may be described: the refusal shows it followed by the list of
/// placeholders, and both must be read, not cut off by Discord's limit on a description.
const MAX_DESCRIBED: usize = 500;

/// The data templates are checked against: the shipped data, each home on its own as a server
/// answers for it, and a home whose partners fall on every month (as a server's own town may
/// have them): (name, catalog).
fn homes() -> &'static [(&'static str, Catalog)] {
    static HOMES: OnceLock<Vec<(&'static str, Catalog)>> = OnceLock::new();
    HOMES.get_or_init(|| {
        let mut homes: Vec<(&'static str, Catalog)> = ["leeds", "dortmund"]
            .into_iter()
            .map(|h| {
                let path = support::root().join(format!("data/{h}.toml"));
                (h, Catalog::load(&[path]).unwrap_or_else(|e| panic!("data/{h}.toml: {e}")))
            })
            .collect();
        homes.push(("every month", Catalog::new(every_month())));
        homes
    })
}

/// A home whose partners were formalised on the 1st and the 22nd of every month (the shortest
/// and a longest day number; French writes the 1st "1er"), on 29 February, in a month only and
/// in a year only, from the first year the data allows to nearly the last.
fn every_month() -> Directory {
    let date = |year, month, day| PartialDate { year, month, day };
    let mut dates: Vec<PartialDate> =
        (1..=12).flat_map(|m| [date(1000 + m as i32, Some(m), Some(1)), date(1990, Some(m), Some(22))]).collect();
    dates.extend([date(2000, Some(2), Some(29)), date(1977, Some(11), None), date(MAX_YEAR - 1, None, None)]);
    let partners = dates
        .into_iter()
        .enumerate()
        .map(|(i, since)| Partner::dated(0, &format!("p{i}"), &format!("Partner {i}"), since, false))
        .collect();
    Directory::new(vec![Home::named("home", "Home")], partners)
}

/// The zone with the longest name, for the longest belated note a post can carry.
fn longest_zone() -> chrono_tz::Tz {
    *chrono_tz::TZ_VARIANTS.iter().max_by_key(|z| z.name().len()).expect("zones")
}

/// The years a partnership's anniversaries are rendered in by the properties: its first, a leap
/// year near now, and the last year the data allows (the longest numbers).
fn sample_years(since: &PartialDate) -> Vec<i32> {
    let mut years = vec![since.year + 1, 2028, MAX_YEAR];
    years.retain(|&y| y > since.year && y <= MAX_YEAR);
    years.sort_unstable();
    years.dedup();
    years
}

/// A year of every form a partnership's anniversary takes: each of the first 30 (every ordinal
/// ending), the 40th, those around the 100th and 1,000th, the years around now (leap years
/// among them) and the last the data allows.
fn every_kind_of_year(since: &PartialDate) -> Vec<i32> {
    let numbers = (1..=30).chain([40, 99, 100, 101, 111, 112, 113, 999, 1000, 1001, 2000]);
    let mut years: Vec<i32> = numbers.map(|n| since.year + n).chain(2024..=2029).chain([MAX_YEAR]).collect();
    years.retain(|&y| y > since.year && y <= MAX_YEAR);
    years.sort_unstable();
    years.dedup();
    years
}

/// What the poster sends for an anniversary with this template, at its longest: a role with the
/// longest id pinged, and a belated note in the zone with the longest name: (the text whole, the
/// text as posted).
fn posted(dir: &Directory, t: &Template, a: &Anniversary, l: Lang) -> (String, String) {
    let timing = Timing { tz: longest_zone(), ..Timing::default() };
    let settings = PostSettings {
        enabled: true,
        channel_id: Some(u64::MAX),
        timing,
        template: t.clone(),
        custom_template: true,
        language: Some(l),
        role_id: Some(u64::MAX),
        ..PostSettings::default()
    };
    let day = a.first_day();
    let post = Post { day, due: local_instant(timing.tz, day, timing.at), kind: PostKind::Anniversary(a.clone()) };
    let text = twinbot::ledger::poster::content(dir, &settings, &post, true);
    (markdown(&text, 1_000_000), message_content(&text))
}

/// An accepted template renders every anniversary of `dir` in `years`, in every language, within
/// an announcement's length, and what the poster sends with it (a role ping and a belated note)
/// within Discord's limit on a message, uncut.
fn every_anniversary_fits(dir: &Directory, t: &Template, years: fn(&PartialDate) -> Vec<i32>) -> TestCaseResult {
    for (i, p) in dir.partners.iter().enumerate() {
        let anniversaries: Vec<Anniversary> =
            years(&p.since).into_iter().filter_map(|y| in_year(i, &p.since, y)).collect();
        for l in i18n::all() {
            let mut longest: Option<(usize, &Anniversary)> = None;
            for a in &anniversaries {
                let n = t.render(dir, a, l).chars().count();
                prop_assert!(
                    n <= MAX_ANNOUNCEMENT,
                    "{}'s {} ({}): {n} characters, over {MAX_ANNOUNCEMENT}",
                    p.name,
                    a.number,
                    l.code
                );
                if longest.is_none_or(|(m, _)| n > m) {
                    longest = Some((n, a));
                }
            }
            // The poster's additions do not depend on the year: the longest announcement is sent.
            if let Some((_, a)) = longest {
                let (whole, sent) = posted(dir, t, a, l);
                let n = whole.chars().count();
                prop_assert!(n <= limits::MESSAGE, "{}'s {} ({}): {n} characters posted", p.name, a.number, l.code);
                prop_assert_eq!(sent, whole.trim(), "posted whole, not cut");
            }
        }
    }
    Ok(())
}

/// A refused template's error names what is wrong: where in the source (the brace it points at
/// is there), which placeholder, which partner's announcement would be too long; and its
/// description in every language is non-empty, carries those facts and is short enough to be
/// read whole.
fn refusal_is_specific(source: &str, e: &TemplateError, dir: Option<&Directory>) -> TestCaseResult {
    let chars: Vec<char> = source.chars().collect();
    let brace_at = |at: usize, c: char| at >= 1 && chars.get(at - 1) == Some(&c);
    let mut facts: Vec<String> = Vec::new();
    match e {
        TemplateError::Unknown { name, at } => {
            prop_assert!(brace_at(*at, '{'), "{e:?}: no {{ there");
            let named: String = chars[*at..].iter().take_while(|&&c| c != '}').collect();
            prop_assert_eq!(&named, name, "the name is what stands between the braces");
            prop_assert_eq!(chars.get(at + name.chars().count()), Some(&'}'));
            prop_assert!(!PLACEHOLDERS.iter().any(|(p, _)| *p == name.trim()), "{name:?} is a placeholder");
            // The name as a member's words are echoed: cleaned, and shortened.
            facts.extend([at.to_string(), format!("{{{}}}", twinbot::core::reply::sanitise(name))]);
        }
        TemplateError::Unclosed { at } => {
            prop_assert!(brace_at(*at, '{'), "{e:?}: no {{ there");
            let next = chars[*at..].iter().find(|&&c| c == '{' || c == '}');
            prop_assert_ne!(next, Some(&'}'), "{:?}: it is closed", e);
            facts.push(at.to_string());
        }
        TemplateError::Unopened { at } => {
            prop_assert!(brace_at(*at, '}'), "{e:?}: no }} there");
            facts.push(at.to_string());
        }
        TemplateError::Empty => prop_assert!(source.trim().is_empty(), "{source:?} is not empty"),
        TemplateError::TooLong { partner, len } => {
            prop_assert!(*len > MAX_ANNOUNCEMENT, "{e:?}");
            let dir = dir.expect("only a check against data measures");
            prop_assert!(dir.partners.iter().any(|p| &p.name == partner), "{partner} is a partner");
            facts.extend([partner.clone(), len.to_string()]);
        }
    }
    for l in i18n::all() {
        let said = e.describe(l);
        prop_assert!(!said.trim().is_empty(), "{}: nothing said", l.code);
        prop_assert!(
            said.chars().count() <= MAX_DESCRIBED,
            "{}: {} characters: {said:?}",
            l.code,
            said.chars().count()
        );
        for fact in &facts {
            prop_assert!(said.contains(fact.as_str()), "{}: {said:?} does not say {fact:?}", l.code);
        }
    }
    Ok(())
}

/// What any template source must get: parsed without a panic; refused with a specific error, by
/// the check against each home's data too; or accepted, keeping its source, and then either
/// saved for a home's data (every anniversary fits) or refused as too long.
fn any_template(source: &str, years: fn(&PartialDate) -> Vec<i32>) -> TestCaseResult {
    let parsed = Template::parse(source);
    match &parsed {
        Err(e) => refusal_is_specific(source, e, None)?,
        Ok(t) => prop_assert_eq!(t.source(), source),
    }
    for (home, catalog) in homes() {
        let dir: &Directory = catalog;
        match (Template::check(source, dir), &parsed) {
            (Ok(checked), Ok(t)) => {
                prop_assert_eq!(&checked, t);
                every_anniversary_fits(dir, &checked, years)?;
            }
            (Err(e @ TemplateError::TooLong { .. }), Ok(_)) => refusal_is_specific(source, &e, Some(dir))?,
            (Err(e), Err(first)) => prop_assert_eq!(&e, first, "{}: the check refuses as the parse does", home),
            (checked, _) => prop_assert!(false, "{home}: checked {checked:?} but parsed {parsed:?}"),
        }
    }
    Ok(())
}

/// The longest `body` may be padded to with `pad` (at its start) and still be saved for `dir`:
/// the template at the very limit of the check; `body` itself when even that is refused.
fn at_the_limit(body: &str, pad: char, dir: &Directory) -> String {
    let padded = |n: usize| format!("{}{body}", pad.to_string().repeat(n));
    let (mut fits, mut over) = (0, MAX_POST + 1);
    if Template::check(&padded(0), dir).is_err() {
        return body.to_string();
    }
    while over - fits > 1 {
        let mid = (fits + over) / 2;
        if Template::check(&padded(mid), dir).is_ok() {
            fits = mid;
        } else {
            over = mid;
        }
    }
    padded(fits)
}

/// The names of the placeholders.
fn placeholder_names() -> Vec<&'static str> {
    PLACEHOLDERS.iter().map(|(n, _)| *n).collect()
}

/// One piece of a hostile template: a placeholder, plain or spaced; a brace mistake or a
/// near-miss; text of any characters; or a long run of one character.
fn piece() -> impl Strategy<Value = String> {
    let mistakes = proptest::sample::select(vec![
        "{",
        "}",
        "{{",
        "}}",
        "{{{",
        "}}}",
        "{}",
        "{ }",
        "{ $partner }",
        "{$partner}",
        "{ $partner",
        "{Partner}",
        "{PARTNER}",
        "{partner",
        "partner}",
        "{par{tner}",
        "{{partner}}",
        "{{{partner}}}",
        "{partner}}",
        "{{partner}",
        "{parnter}",
        "{date:%Y}",
        "{0}",
        "{\n}",
        "{home}{",
        "{partner}{ordinal",
        "{{}}",
        "{{{}}}",
        "{ {partner} }",
    ]);
    let run_of = proptest::sample::select(vec!['x', 'é', '🎉', '杭', '\u{200B}', '\u{202E}', ' ', '\n', '@', '*']);
    prop_oneof![
        4 => proptest::sample::select(placeholder_names()).prop_map(|n| format!("{{{n}}}")),
        1 => (proptest::sample::select(placeholder_names()), "[ \t\n]{1,3}")
            .prop_map(|(n, space)| format!("{{{space}{n}{space}}}")),
        2 => mistakes.prop_map(String::from),
        2 => "\\PC{0,20}",
        1 => proptest::collection::vec(proptest::char::any(), 0..10).prop_map(String::from_iter),
        1 => (run_of, 0usize..2500).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// Templates as moderators might write them and as an attacker would: pieces, each repeated up
/// to 120 times, so that long ones (dozens of placeholders) come up as often as short ones.
fn structured_template() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), 1usize..=120), 0..6).prop_map(|pieces| {
        let mut s = String::new();
        for (p, times) in pieces {
            // A long run of one character is long enough once.
            let times = if p.chars().count() > 50 { 1 } else { times };
            s.push_str(&p.repeat(times));
        }
        s
    })
}

/// Any template source: printable text, any characters (controls included), text around
/// Discord's limit on a message, and structured templates.
fn any_template_source() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "\\PC{0,300}",
        2 => proptest::collection::vec(proptest::char::any(), 0..300).prop_map(String::from_iter),
        1 => "\\PC{1990,2100}",
        4 => structured_template(),
    ]
}

/// A template at the very limit of what the check accepts for one home: a few placeholders,
/// each repeated up to 5 times, padded with one character up to the longest that is saved.
fn template_at_the_limit() -> impl Strategy<Value = String> {
    let body = proptest::collection::vec((proptest::sample::select(placeholder_names()), 1usize..=5), 1..4);
    let pad = proptest::sample::select(vec!['x', 'é', '🎉', '杭', '-']);
    (0..homes().len(), body, pad).prop_map(|(home, body, pad)| {
        let body: String = body.into_iter().map(|(n, times)| format!("{{{n}}} ").repeat(times)).collect();
        at_the_limit(&body, pad, &homes()[home].1)
    })
}

#[test]
fn any_template_is_refused_by_name_or_renders_within_discords_limit() {
    support::property::check("templates", 64, any_template_source(), |source| any_template(&source, sample_years));
}

#[test]
fn templates_at_the_limit_of_the_check_fit_every_anniversary() {
    support::property::check("templates", 16, template_at_the_limit(), |source| any_template(&source, sample_years));
}

/// Each placeholder alone, and all of them together, padded to the longest the check accepts
/// for each home, renders every form of anniversary of that home, in every language, within
/// the limit: the check measures every placeholder at its longest.
#[test]
fn the_check_measures_every_placeholder_at_its_longest() {
    let all: String = placeholder_names().iter().map(|n| format!("{{{n}}}")).collect();
    let bodies = placeholder_names().into_iter().map(|n| format!("{{{n}}}")).chain([all]);
    for body in bodies {
        for (home, catalog) in homes() {
            let source = at_the_limit(&body, 'x', catalog);
            let t = Template::check(&source, catalog).unwrap_or_else(|e| panic!("{home}: {source:?}: {e}"));
            if let Err(e) = every_anniversary_fits(catalog, &t, every_kind_of_year) {
                panic!("{home}: {body} padded to the limit: {e}");
            }
        }
    }
}

/// The built-in announcement of every language (the default among them) is saved for every home,
/// and fits every anniversary.
#[test]
fn the_built_in_templates_fit_every_anniversary() {
    for (home, catalog) in homes() {
        for l in i18n::all() {
            let source = Template::builtin(l).source().to_string();
            let t = Template::check(&source, catalog).unwrap_or_else(|e| panic!("{home}, {}: {e}", l.code));
            every_anniversary_fits(catalog, &t, sample_years).unwrap_or_else(|e| panic!("{home}, {}: {e}", l.code));
        }
    }
}

/// Every template ever tried (tests/corpus/templates), replayed.
#[test]
fn the_template_corpus_is_refused_by_name_or_fits() {
    let corpus = support::property::corpus("templates");
    assert!(corpus.len() >= 8, "the corpus is read: {} files", corpus.len());
    let failed: Vec<String> = corpus
        .into_iter()
        .filter_map(|(name, bytes)| {
            let source = String::from_utf8_lossy(&bytes);
            any_template(&source, sample_years).err().map(|e| format!("tests/corpus/templates/{name}: {e}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A time of day as typed: accepted as hours and minutes in range, the very numbers typed
/// (`H:MM`, `HH:MM`, or with a dot; minutes always in two digits), and read back the same from the form it is saved in; or
/// refused with the text typed named.
fn any_time(typed: &str) -> TestCaseResult {
    match twinbot::state::time(typed) {
        Ok(t) => {
            prop_assert_eq!((t.second(), t.nanosecond()), (0, 0));
            prop_assert!(t.hour() < 24 && t.minute() < 60);
            let (h, m) = typed.trim().split_once([':', '.']).expect("hours and minutes");
            prop_assert_eq!(m.len(), 2, "minutes in two digits: {:?}", typed);
            prop_assert_eq!((h.parse::<u32>().ok(), m.parse::<u32>().ok()), (Some(t.hour()), Some(t.minute())));
            let saved = t.format("%H:%M").to_string();
            prop_assert_eq!(twinbot::state::time(&saved), Ok(t), "read back from {}", saved);
        }
        Err(e) => {
            prop_assert_eq!(&e, &SettingsError::NotATime(typed.to_string()));
            prop_assert!(e.to_string().contains("is not a time of day"), "{e}");
        }
    }
    Ok(())
}

/// A digest's day as typed: accepted as a month and day that exist in a leap year, the very
/// numbers typed, falling on a real day every year (29 February on the 28th in common years),
/// and read back the same from `MM-DD`; or refused with the text typed named.
fn any_day(typed: &str) -> TestCaseResult {
    match twinbot::state::day(typed) {
        Ok((m, d)) => {
            prop_assert!(NaiveDate::from_ymd_opt(2000, m, d).is_some(), "{m}-{d}");
            let (tm, td) = typed.trim().split_once('-').expect("month and day");
            prop_assert_eq!((tm.parse::<u32>().ok(), td.parse::<u32>().ok()), (Some(m), Some(d)));
            for year in [2026, 2027, 2028, 2100, MAX_YEAR] {
                let day = twinbot::anniversaries::dates::occurrence(m, d, year);
                prop_assert!(day.is_some_and(|day| day.month() == m), "{m}-{d} in {year}");
            }
            let saved = format!("{m:02}-{d:02}");
            prop_assert_eq!(twinbot::state::day(&saved), Ok((m, d)));
        }
        Err(e) => {
            prop_assert_eq!(&e, &SettingsError::NotADay(typed.to_string()));
            prop_assert!(e.to_string().contains("is not a day of the year"), "{e}");
        }
    }
    Ok(())
}

/// A timezone as typed: accepted as the IANA zone of that very name (blanks around it aside),
/// read back the same; or refused with the text typed named.
fn any_timezone(typed: &str) -> TestCaseResult {
    match twinbot::state::timezone(typed) {
        Ok(tz) => {
            prop_assert_eq!(tz.name(), typed.trim());
            prop_assert_eq!(twinbot::state::timezone(tz.name()), Ok(tz));
        }
        Err(e) => {
            prop_assert_eq!(&e, &SettingsError::NotATimezone(typed.to_string()));
            prop_assert!(e.to_string().contains("unknown timezone"), "{e}");
        }
    }
    Ok(())
}

/// One typed value as each of the three: a time, a day, a timezone.
fn any_typed_value(typed: &str) -> TestCaseResult {
    any_time(typed)?;
    any_day(typed)?;
    any_timezone(typed)
}

/// Numbers as typed, right and wrong: signs, leading zeros, too many digits, other scripts'
/// digits, and numbers past any integer's range.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..100).prop_map(|n| n.to_string()),
        2 => (0u64..100).prop_map(|n| format!("{n:02}")),
        1 => (0u64..10).prop_map(|n| format!("00{n}")),
        1 => (0u64..100).prop_map(|n| format!("+{n}")),
        1 => (0u64..100).prop_map(|n| format!("-{n}")),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => Just("99999999999999999999999".to_string()),
        1 => proptest::sample::select(vec!["０９", "٠٩", "९", "Ⅸ", "½", "0x9", "9e1", "", " ", "1_0"])
            .prop_map(String::from),
    ]
}

/// Values typed into the time, timezone and digest options: near-misses of each ("25:61",
/// "9:5", "0000-02-30", "+14:00", dates, month names, offsets, zones in the wrong case), real
/// zones, printable text and any characters.
fn typed_value() -> impl Strategy<Value = String> {
    let separator = prop_oneof![
        3 => proptest::sample::select(vec![":", ".", "-"]),
        1 => proptest::sample::select(vec!["/", " ", "", "::", "h", ":-", "\u{2236}", "．"]),
    ];
    let blanks = proptest::sample::select(vec!["", " ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{0}", "\u{200B}"]);
    let zones: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    let zone = (proptest::sample::select(zones), 0u8..6).prop_map(|(z, how)| match how {
        0 => z.to_string(),
        1 => z.to_ascii_lowercase(),
        2 => z.to_ascii_uppercase(),
        3 => z.replace('_', " "),
        4 => z.replace('/', "//"),
        _ => format!("{z}\u{0}"),
    });
    let near_miss = proptest::sample::select(vec![
        "25:61",
        "24:00",
        "23:60",
        "23:59:60",
        "9:5",
        "18.3",
        "9:00pm",
        "+14:00",
        "-12:00",
        "UTC+14",
        "GMT-0",
        "0000-02-30",
        "02-30",
        "02-29",
        "2026-06-02",
        "June 2",
        "2 June",
        "02/06",
        "06-02-",
        "12-31",
        "00-00",
        "Z",
        "UTC",
        "utc",
        "Etc/GMT-14",
        "Etc/GMT+12",
        "local",
        "Europe/Londn",
        "Factory",
    ]);
    let pair =
        (blanks.clone(), number(), separator, number(), blanks).prop_map(|(a, x, s, y, b)| format!("{a}{x}{s}{y}{b}"));
    prop_oneof![
        4 => pair,
        2 => zone,
        2 => near_miss.prop_map(String::from),
        2 => "\\PC{0,40}",
        1 => proptest::collection::vec(proptest::char::any(), 0..40).prop_map(String::from_iter),
        1 => "\\PC{2000,2100}",
    ]
}

#[test]
fn any_time_timezone_or_day_is_read_in_range_or_refused_by_name() {
    support::property::check("times", 8000, typed_value(), |typed| any_typed_value(&typed));
}

/// Every value ever tried (tests/corpus/times), replayed as a time, a timezone and a day.
#[test]
fn the_times_corpus_is_read_in_range_or_refused_by_name() {
    let corpus = support::property::corpus("times");
    assert!(corpus.len() >= 8, "the corpus is read: {} files", corpus.len());
    let failed: Vec<String> = corpus
        .into_iter()
        .filter_map(|(name, bytes)| {
            let typed = String::from_utf8_lossy(&bytes);
            any_typed_value(&typed).err().map(|e| format!("tests/corpus/times/{name}: {e}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A whole change as `/anniversary-settings` asks for it: values typed into the time, timezone
/// and digest options (mostly of the right form, so that the others are reached), a template
/// now and then, and reminders given in any numbers or halves.
fn any_change() -> impl Strategy<Value = Change> {
    let zones: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    let time = prop_oneof![3 => (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h}:{m:02}")), 1 => typed_value()];
    let zone = prop_oneof![3 => proptest::sample::select(zones).prop_map(String::from), 1 => typed_value()];
    let day = prop_oneof![3 => (1u32..=12, 1u32..=31).prop_map(|(m, d)| format!("{m:02}-{d:02}")), 1 => typed_value()];
    let template = proptest::option::weighted(0.3, proptest::option::of(any_template_source()));
    let days = proptest::option::of(prop_oneof![3 => 0u32..=100, 1 => any::<u32>()]);
    let ids = proptest::option::of(1u64..=u64::MAX);
    let (time, zone, day) = (proptest::option::of(time), proptest::option::of(zone), proptest::option::of(day));
    (time, zone, day, template, days, ids.clone(), ids, any::<bool>(), proptest::option::of(any::<bool>())).prop_map(
        |(time, timezone, digest, template, remind_days, remind_channel, channel, no_reminders, enabled)| Change {
            time,
            timezone,
            digest,
            template,
            remind_days,
            remind_channel,
            channel,
            no_reminders,
            enabled,
            ..Change::default()
        },
    )
}

/// The server a change is made in.
const GUILD: u64 = 1_300_000_000_000_000_000;

/// Whether a refusal is the one a given value calls for: the value was given and breaks its rule.
fn refusal_is_called_for(change: &Change, e: &SettingsError, dir: &Directory) -> bool {
    let given_and = |v: &Option<String>, bad: &dyn Fn(&str) -> bool| v.as_deref().is_some_and(bad);
    match e {
        SettingsError::NotATime(v) => given_and(&change.time, &|t| t == v && twinbot::state::time(t).is_err()),
        SettingsError::NotATimezone(v) => {
            given_and(&change.timezone, &|z| z == v && twinbot::state::timezone(z).is_err())
        }
        SettingsError::NotADay(v) => given_and(&change.digest, &|d| d == v && twinbot::state::day(d).is_err()),
        SettingsError::Template(te) => {
            matches!(&change.template, Some(Some(t)) if Template::check(t, dir).as_ref().err() == Some(te))
        }
        SettingsError::RemindDays(d) => change.remind_days == Some(*d) && !(1..=MAX_REMIND_DAYS).contains(d),
        SettingsError::RemindersNeedBoth(Missing::Channel) => {
            change.remind_days.is_some() && change.remind_channel.is_none() && !change.no_reminders
        }
        SettingsError::RemindersNeedBoth(Missing::Days) => {
            change.remind_channel.is_some() && change.remind_days.is_none() && !change.no_reminders
        }
        SettingsError::ChooseChannel => change.enabled == Some(true) && change.channel.is_none(),
        _ => false,
    }
}

/// A change, applied to a server that saved nothing: saved with every value in range and read
/// back as it was given (and a template that every anniversary fits), or refused for a value
/// that breaks its rule, with words for the operator that are not empty.
fn any_settings_change(change: &Change) -> TestCaseResult {
    let (_, catalog) = &homes()[0];
    let dir: &Directory = catalog;
    let inherited = PostSettings::default();
    let rules = Rules { guild_id: Some(GUILD), posts_from: Some(dir), homes: None, inherited: &inherited };
    match change.apply(&ServerState::default(), &rules) {
        Ok(state) => {
            let a = state.anniversaries_or(&inherited);
            let s = a.settings(&inherited, SettingsOrigin::Defaults, Some(dir));
            prop_assert!(s.is_ok(), "saved settings are read back: {s:?}");
            let s = s.unwrap();
            if let Some(t) = &change.time {
                prop_assert_eq!(Ok(s.timing.at), twinbot::state::time(t));
                prop_assert_eq!(a.at.len(), 5, "HH:MM: {}", a.at);
            }
            if let Some(z) = &change.timezone {
                prop_assert_eq!(s.timing.tz.name(), z.trim());
            }
            if let Some(d) = &change.digest {
                prop_assert_eq!(Ok(s.timing.digest), twinbot::state::day(d));
                prop_assert_eq!(a.digest.len(), 5, "MM-DD: {}", a.digest);
            }
            if let Some(Some(t)) = &change.template {
                prop_assert_eq!(s.template.source(), t.as_str());
                prop_assert!(Template::check(t, dir).is_ok());
            }
            if let Some((_, days)) = s.reminding() {
                prop_assert!((1..=MAX_REMIND_DAYS).contains(&days));
            }
        }
        Err(e) => {
            prop_assert!(refusal_is_called_for(change, &e, dir), "{e:?} for {change:?}");
            prop_assert!(!e.to_string().trim().is_empty() && !e.config_key().is_empty());
        }
    }
    Ok(())
}

#[test]
fn any_settings_change_is_saved_in_range_or_refused_for_what_is_wrong() {
    support::property::check("times", 1000, any_change(), |change| any_settings_change(&change));
}

/// View Channel and Send Messages, and Manage Messages: a moderator.
const MODERATOR: u64 = 1024 | 2048 | 8192;

/// `/anniversary-settings` with one text option, through the Discord layer as the bot runs it,
/// the change saved when it asks: the response, and whether it saved.
fn settings_command(service: &twinbot::app::App, option: &str, typed: &str) -> (Value, bool) {
    let (p, _, _) =
        support::payload::command_by("anniversary-settings", json!([support::payload::text(option, typed)]), MODERATOR);
    let interaction: serenity::all::Interaction = serde_json::from_value(p).expect("serenity accepts the payload");
    let now = support::today().and_hms_opt(12, 0, 0).unwrap().and_utc();
    support::block_on(async {
        let answer = twinbot::discord::respond(service, &interaction, now).await.expect("the bot answers");
        let saves = matches!(answer.effect, Some(twinbot::commands::Effect::Change(_)));
        if let (Some(effect), serenity::all::Interaction::Command(c)) = (answer.effect.clone(), &interaction) {
            if saves {
                let refused = service.apply(&twinbot::discord::interaction::invocation(c), effect, now).await;
                assert!(refused.is_none(), "saved: {refused:?}");
            }
        }
        (serde_json::to_value(&answer.response).unwrap(), saves)
    })
}

/// Every corpus value through the real command: the reply keeps Discord's rules whatever was
/// typed; a value is saved exactly when its parser accepts it; a refusal says what is wrong (for
/// a template, with the placeholders to choose from, which no typed name may push out).
#[test]
fn the_corpora_through_anniversary_settings_keep_discords_rules() {
    let service = support::block_on(twinbot::app::App::in_memory(support::leeds()));
    let leeds: &Directory = &homes()[0].1;
    let mut tried = Vec::new();
    for (name, bytes) in support::property::corpus("times") {
        let typed = String::from_utf8_lossy(&bytes).into_owned();
        tried.push((format!("times/{name}"), "time", twinbot::state::time(&typed).is_ok(), typed.clone()));
        tried.push((format!("times/{name}"), "timezone", twinbot::state::timezone(&typed).is_ok(), typed.clone()));
        tried.push((format!("times/{name}"), "digest", twinbot::state::day(&typed).is_ok(), typed));
    }
    for (name, bytes) in support::property::corpus("templates") {
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let reset = matches!(source.trim().to_ascii_lowercase().as_str(), "default" | "reset");
        let ok = reset || Template::check(&source, leeds).is_ok();
        tried.push((format!("templates/{name}"), "template", ok, source));
    }
    for (file, option, accepted, typed) in tried {
        let (r, saved) = settings_command(&service, option, &typed);
        if let Err(e) = support::reply::within_discords_rules(&r) {
            panic!("{file} as {option}: {e}");
        }
        assert!(support::reply::is_ephemeral(&r), "{file} as {option}: {r}");
        assert_eq!(saved, accepted, "{file} as {option}: saved exactly when accepted: {r}");
        if !accepted {
            let said = support::reply::desc(&r);
            assert_eq!(support::reply::embed(&r)["title"], "Settings not saved", "{file} as {option}: {r}");
            let says = match option {
                "time" => "is not a time of day".to_string(),
                "timezone" => "is not an IANA timezone".to_string(),
                "digest" => "is not a day of the year".to_string(),
                // What is wrong, then the placeholders to choose from.
                _ => twinbot::anniversaries::template::names(twinbot::core::i18n::lang("en-GB").unwrap()),
            };
            assert!(said.contains(&says), "{file} as {option}: {says:?} is said: {said}");
        }
    }
}
