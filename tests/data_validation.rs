//! Data files: the shipped data is valid, and every kind of mistake is reported with its
//! file, line and column, what is wrong and how to fix it. Under property tests (issue 28), any
//! mutation of a data file or of a town's upload is loaded or refused in place, never a panic.

mod support;

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{TestCaseError, TestCaseResult};
use support::{fixture, leeds, root};
use twinbot::core::data::{parse_file, DataError, Directory, LinkKind, PartialDate, Problem};
use twinbot::state::files::{self, ImportError, Kind, MAX_DEPTH};
use twinbot::state::town::{self, TownError, MAX_DOCUMENT};

fn problems(name: &str) -> (String, Vec<Problem>) {
    let path = fixture(&format!("invalid/{name}"));
    let err = Directory::load(std::slice::from_ref(&path)).expect_err("fixture must be invalid");
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "the message names the file: {shown}");
    (shown, err.problems().to_vec())
}

#[test]
fn leeds_data_has_the_sourced_facts() {
    let dir = leeds();
    assert_eq!(dir.homes.len(), 1);
    assert_eq!(dir.homes[0].name, "Leeds");
    assert_eq!(dir.partners.len(), 7);
    let p = |n: &str| dir.partners.iter().find(|p| p.name == n).unwrap_or_else(|| panic!("{n} missing"));
    assert_eq!(p("Dortmund").since, PartialDate { year: 1969, month: Some(6), day: Some(2) });
    assert_eq!(p("Kharkiv").since, PartialDate { year: 2023, month: Some(12), day: Some(6) });
    assert_eq!(p("Siegen").since, PartialDate { year: 1966, month: Some(7), day: Some(16) });
    assert_eq!(p("Lille").since, PartialDate { year: 1968, month: Some(10), day: Some(15) });
    // Never invent a date: these are known to the year only.
    for (name, year) in [("Hangzhou", 1988), ("Durban", 1998), ("Brno", 2003)] {
        assert_eq!(p(name).since, PartialDate::year(year), "{name}");
    }
    assert_eq!(p("Kharkiv").kind, LinkKind::Friendship);
    assert_eq!(p("Dortmund").kind, LinkKind::Twinning);
    assert_eq!(p("Brno").kind, LinkKind::Partnership);
    let codes: Vec<&str> = dir.partners.iter().map(|p| p.country_code.as_str()).collect();
    for c in ["FR", "DE", "CN", "ZA", "CZ", "UA"] {
        assert!(codes.contains(&c), "{c}");
    }
    for partner in &dir.partners {
        assert!(!partner.sources.is_empty(), "{} has sources", partner.name);
        assert!(!partner.areas.is_empty(), "{} has areas", partner.name);
    }
    assert!(p("Siegen").groups.iter().any(|g| g.contains("Siegen Circle")));
    assert!(p("Hangzhou").notes.as_deref().unwrap_or_default().contains("1989"));
}

/// The corrections made after a review of the Leeds data against public sources.
#[test]
fn leeds_data_has_the_corrected_facts() {
    let dir = leeds();
    let p = |n: &str| dir.partners.iter().find(|p| p.name == n).unwrap_or_else(|| panic!("{n} missing"));
    let about = dir.homes[0].about.as_deref().unwrap();
    assert!(about.contains("six twinnings and partnerships, and a friendship with Kharkiv"), "{about}");
    assert!(!about.contains("partnerships with seven"), "Kharkiv is a friendship");
    assert!(about.contains("anti-apartheid") && about.contains("wartime"), "not every link began after the war");
    // Siegen (with Morley, 1966) is the oldest link; Lille the first Leeds itself signed.
    assert_eq!(dir.oldest_first().first().map(|&i| dir.partners[i].name.as_str()), Some("Siegen"));
    assert!(!p("Lille").summary.contains("oldest of Leeds"));
    assert!(p("Siegen").summary.starts_with("The oldest of the links Leeds keeps"));
    // Morley was a Municipal Borough, never a County Borough; Global Leeds' "county borough" is
    // noted. The link's roots are the youth exchanges of 1951, not the 1966 charter.
    let charter = p("Siegen").milestones.iter().find(|m| m.date.year == 1966).unwrap();
    for text in [p("Siegen").summary.as_str(), &charter.text] {
        assert!(text.contains("Municipal Borough of Morley") && !text.contains("County Borough"), "{text}");
    }
    assert!(p("Siegen").notes.as_deref().unwrap().contains("county borough"));
    assert!(p("Siegen").roots.as_deref().unwrap().contains("1951"));
    assert_eq!(p("Siegen").milestones[0].date.year, 1951);
    assert_eq!(p("Siegen").via.as_deref(), Some("Morley"));
    // Lille: signed in Lille on 15 October 1968, again in Leeds on 11 April 1969; the age of the
    // school links is a disagreement between sources, recorded as one.
    let lille: Vec<(Option<u32>, Option<u32>, i32)> =
        p("Lille").milestones.iter().map(|m| (m.date.day, m.date.month, m.date.year)).collect();
    assert_eq!(lille, vec![(Some(15), Some(10), 1968), (Some(11), Some(4), 1969)]);
    let notes = p("Lille").notes.as_deref().unwrap();
    assert!(notes.contains("1930s") && notes.contains("1946") && notes.contains("1940s"), "{notes}");
    // The 1974 merger has a source; 2016 was planned (the source is a preview).
    assert!(p("Siegen").sources.iter().any(|s| s.contains("Municipal_Borough_of_Morley")));
    assert!(p("Siegen").milestones.iter().any(|m| m.date.year == 2016 && m.text.contains("planned")));
    // The Dortmund group: founded in 2021, its website started from the Dortmund side.
    assert!(p("Dortmund").summary.contains("website was started from the Dortmund side"));
    assert!(!p("Dortmund").summary.contains("started in Leeds"));
    assert!(p("Dortmund").milestones.iter().any(|m| (m.date.year, m.date.month) == (1970, Some(4))));
    // The Control Commission's proposal at the end of 1949, the first pupil exchanges in 1950 (as
    // in Dortmund's file); what was signed on 2 June 1969 is a disagreement, and the website's
    // makers are not.
    let years: Vec<i32> = p("Dortmund").milestones.iter().map(|m| m.date.year).take(2).collect();
    assert_eq!(years, [1949, 1950]);
    assert!(p("Dortmund").roots.as_deref().unwrap().contains("1950"));
    let notes = p("Dortmund").notes.as_deref().unwrap();
    assert!(notes.contains("2 June 1969") && notes.contains("letter") && !notes.contains("website"), "{notes}");
    // Brno's 1991 and Kharkiv's "twinning" are recorded as disagreements.
    assert!(p("Brno").notes.as_deref().unwrap_or_default().contains("1991"));
    assert!(p("Kharkiv").notes.as_deref().unwrap().contains("twinning"));
    // Hangzhou: both 1989 sources named, 1988 kept.
    let notes = p("Hangzhou").notes.as_deref().unwrap();
    assert!(notes.contains("BBC Leeds") && notes.contains("Global Leeds' own Hangzhou page"), "{notes}");
    assert!(p("Hangzhou").sources.iter().any(|s| s.contains("partner-city-hangzhou-china")));
    // Users never read about "the seed page", nor about folders they do not have.
    let text = std::fs::read_to_string(root().join("data/leeds.toml")).unwrap();
    assert!(!text.to_lowercase().contains("seed"), "name the source instead");
    assert!(!text.contains("shared/"));
    for a in ["Charkov", "Charkow"] {
        assert!(p("Kharkiv").aliases.iter().any(|x| x == a), "{a}");
    }
}

/// Why a data file with this text is refused.
fn invalid_town(text: &str) -> DataError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("town.toml");
    std::fs::write(&path, text).unwrap();
    Directory::load(std::slice::from_ref(&path)).expect_err("the file must be refused")
}

#[test]
fn via_must_name_a_part_of_the_home_city() {
    let err = invalid_town(
        "[home]\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\naliases = [\"Morley\"]\n\n\
         [[partner]]\nname = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
         year = 1966\nvia = \"Morely\"\nsummary = \"x\"\n",
    );
    let ps = err.problems();
    assert_eq!(ps.len(), 1, "{err}");
    assert_eq!((ps[0].line, ps[0].message.as_str()), (13, "via \"Morely\" is not a part of the home city"));
    assert_eq!(ps[0].help.as_deref(), Some("write one of the home's aliases (\"Morley\"), or add it to them"));
}

#[test]
fn syntax_errors_point_at_the_broken_line() {
    let (_, ps) = problems("syntax.toml");
    assert_eq!(ps.len(), 1);
    assert_eq!((ps[0].line, ps[0].column), (2, 14));
    assert!(ps[0].message.contains("string"), "{:?}", ps[0]);
}

#[test]
fn unknown_fields_are_named_with_a_suggestion() {
    let (_, ps) = problems("unknown_field.toml");
    assert_eq!((ps[0].line, ps[0].column), (11, 1));
    assert!(ps[0].message.starts_with("unknown field `yeer`"), "{:?}", ps[0]);
    assert_eq!(ps[0].help.as_deref(), Some("did you mean `year`?"));
}

#[test]
fn missing_fields_point_at_their_table() {
    let (_, ps) = problems("missing_field.toml");
    assert_eq!(ps[0].line, 6);
    assert!(ps[0].message.contains("missing field `year`"), "{:?}", ps[0]);
}

#[test]
fn years_out_of_range_are_rejected() {
    let (shown, ps) = problems("year_range.toml");
    assert_eq!((ps[0].line, ps[0].column), (11, 8));
    assert_eq!(ps[0].message, "year 19690 is out of range");
    assert!(shown.contains("11 | year = 19690"), "{shown}");
    assert!(shown.contains("between 1000 and 9999"), "{shown}");
}

#[test]
fn a_date_must_agree_with_its_year() {
    let (_, ps) = problems("date_contradicts_year.toml");
    assert_eq!((ps[0].line, ps[0].column), (12, 8));
    assert_eq!(ps[0].message, "date 1970-06-02 contradicts year = 1969");
}

#[test]
fn an_alias_may_belong_to_one_partner_only() {
    let (_, ps) = problems("shared_alias.toml");
    assert_eq!(ps.len(), 1);
    assert_eq!((ps[0].line, ps[0].column), (19, 25));
    assert_eq!(ps[0].message, "the name \"brunn\" is already used by Brno (line 10)");
}

#[test]
fn duplicate_partners_are_rejected() {
    let (_, ps) = problems("duplicate_partner.toml");
    assert_eq!((ps[0].line, ps[0].column), (15, 8));
    assert_eq!(ps[0].message, "duplicate partner \"DORTMUND\"");
    assert!(ps[0].help.as_deref().unwrap().contains("line 7"));
}

#[test]
fn empty_names_are_rejected() {
    let (_, ps) = problems("empty_name.toml");
    assert_eq!((ps[0].line, ps[0].column), (7, 8));
    assert_eq!(ps[0].message, "partner name is empty");
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let (shown, ps) = problems("several.toml");
    let lines: Vec<usize> = ps.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![9, 12, 16]);
    assert!(ps[1].message.contains("month 13"));
    assert!(ps[2].message.contains("milestone year 968"));
    assert!(shown.ends_with("3 problems found; nothing was loaded from this file"), "{shown}");
}

#[test]
fn one_bad_file_fails_the_whole_load() {
    let err = Directory::load(&[root().join("data/leeds.toml"), fixture("invalid/year_range.toml")]).unwrap_err();
    assert!(matches!(err, DataError::Invalid { .. }));
    let missing = Directory::load(&[fixture("nope.toml")]).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read data file"), "{missing}");
}

#[test]
fn several_home_cities_load_side_by_side() {
    let dir = Directory::load(&[root().join("data/leeds.toml"), fixture("valid/york.toml")]).unwrap();
    assert_eq!(twinbot::core::phrases::home_names(twinbot::core::i18n::default(), &dir), "Leeds and York");
    let m = dir.partners.iter().find(|p| p.name == "Münster").unwrap();
    assert_eq!(dir.home_of(m).name, "York");
    assert_eq!(m.population, Some(317000));
}

#[test]
fn a_broken_data_file_keeps_the_bot_on_its_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("city.toml");
    std::fs::copy(root().join("data/leeds.toml"), &data).unwrap();
    let config_path = dir.path().join("config.toml");
    let config = twinbot::config::Config::parse(&config_path, "data = [\"city.toml\"]\n").unwrap();
    let store = std::sync::Arc::new(twinbot::store::SqliteStore::in_memory().unwrap());
    let catalog = twinbot::core::catalog::Catalog::load(&config.data_paths()).unwrap();
    let bot = support::block_on(twinbot::app::App::new(&config, catalog, store)).unwrap();
    assert_eq!(bot.directory().partners.len(), 7);

    // A maintainer saves a mistake: the reload fails with the usual message, nothing changes.
    let good = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, good.replace("year = 1969", "year = 19690")).unwrap();
    let err = bot.reload().unwrap_err();
    assert!(err.to_string().contains("year 19690 is out of range"), "{err}");
    assert_eq!(bot.directory().partners.len(), 7);
    assert!(bot.directory().partners.iter().any(|p| p.name == "Dortmund" && p.since.year == 1969));

    // Fixed, with an eighth partner: the reload takes it.
    let eighth = "\n[[partner]]\nname = \"Bruges\"\ncountry = \"Belgium\"\ncountry_code = \"BE\"\nkind = \"friendship\"\nyear = 2025\nsummary = \"A test fixture.\"\n";
    std::fs::write(&data, format!("{good}{eighth}")).unwrap();
    assert_eq!(bot.reload().unwrap(), 8);
    assert_eq!(bot.directory().partners.len(), 8);
}

/// Dortmund from its own side, as the City of Dortmund's pages give its links.
#[test]
fn dortmund_data_has_every_link_and_the_suspended_one_reads_as_suspended() {
    let dir = Directory::load(&[root().join("data/dortmund.toml")]).expect("data/dortmund.toml is valid");
    assert_eq!(dir.homes[0].name, "Dortmund");
    let names: Vec<&str> = dir.partners.iter().map(|p| p.name.as_str()).collect();
    for n in [
        "Amiens",
        "Leeds",
        "Rostov-on-Don",
        "Buffalo",
        "Netanya",
        "Novi Sad",
        "Zwickau",
        "Xi'an",
        "Trabzon",
        "Kumasi",
        "Zhytomyr",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    let p = |n: &str| dir.partners.iter().find(|p| p.name == n).unwrap();
    // The same link gives the same date from both sides.
    let leeds = Directory::load(&[root().join("data/leeds.toml")]).unwrap();
    let dortmund_in_leeds = leeds.partners.iter().find(|p| p.name == "Dortmund").unwrap();
    assert_eq!(p("Leeds").since, dortmund_in_leeds.since);
    assert_eq!(p("Leeds").since, PartialDate { year: 1969, month: Some(6), day: Some(2) });
    // Rostov-on-Don is suspended, and nothing about it reads as active.
    let rostov = p("Rostov-on-Don");
    assert_eq!(rostov.suspended, chrono::NaiveDate::from_ymd_opt(2022, 3, 31));
    assert!(rostov.summary.starts_with("Suspended since 31 March 2022"), "{}", rostov.summary);
    assert!(dir.partners.iter().filter(|p| p.suspended.is_some()).count() == 1, "only Rostov");
    // Names in the partners' own languages and scripts.
    for (n, alias) in
        [("Rostov-on-Don", "Ростов-на-Дону"), ("Xi'an", "西安"), ("Netanya", "נתניה"), ("Zhytomyr", "Житомир")]
    {
        assert!(p(n).aliases.iter().any(|a| a == alias), "{n}: {alias}");
    }
    for partner in &dir.partners {
        assert!(!partner.sources.is_empty(), "{} has sources", partner.name);
    }
    // Dortmund's texts in German, its own language, and in the partners' where twinbot speaks it.
    assert!(dir.homes[0].about_translations.iter().any(|(l, _)| l == "de"));
    let mut speaks: Vec<(&str, &str)> = dir.partners.iter().map(|p| (p.name.as_str(), "de")).collect();
    speaks.extend([("Amiens", "fr"), ("Xi'an", "zh-CN"), ("Zhytomyr", "uk")]);
    for (name, locale) in speaks {
        let p = p(name);
        let t = p.translations.iter().find(|t| t.locale == locale).unwrap_or_else(|| panic!("{name}: {locale}"));
        assert!(t.summary.is_some(), "{name}: {locale}");
        assert_eq!(t.roots.is_some(), p.roots.is_some(), "{name}: {locale}");
        assert_eq!(t.notes.is_some(), p.notes.is_some(), "{name}: {locale}");
        assert_eq!(t.areas.as_ref().map(Vec::len), Some(p.areas.len()), "{name}: {locale}");
        assert!(p.milestones.iter().all(|m| m.translations.iter().any(|(l, _)| l == locale)), "{name}: {locale}");
    }
    // The council's vote on Zhytomyr is known to the month; the Netanya charter in its own words.
    let vote = p("Zhytomyr").milestones.iter().find(|m| m.text.starts_with("Council decides")).unwrap();
    assert_eq!((vote.date.month, vote.date.day), (Some(5), None));
    assert!(p("Netanya").summary.contains("without forgetting the Nazis' crimes against the Jewish people"));
    let text = std::fs::read_to_string(root().join("data/dortmund.toml")).unwrap();
    assert!(!text.to_lowercase().contains("seed") && !text.contains("shared/"));
}

#[test]
fn a_suspension_before_the_link_began_is_refused() {
    let err = invalid_town(
        "[home]\nname = \"Dortmund\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\n\n[[partner]]\n\
         name = \"Rostov-on-Don\"\ncountry = \"Russia\"\ncountry_code = \"RU\"\nkind = \"twinning\"\n\
         year = 1977\nsuspended = 1922-03-31\nsummary = \"x\"\n",
    );
    assert_eq!(err.problems()[0].message, "suspended 1922-03-31 is before the link was formalised", "{err}");
}

#[test]
fn translations_are_checked_against_the_languages_and_the_original() {
    let err = invalid_town(
        "[home]\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n\
         [[partner]]\nname = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
         year = 1966\nsummary = \"x\"\nareas = [\"schools\", \"culture\"]\n\n\
         [partner.translations.zh_CN]\nsummary = \"y\"\n\n\
         [partner.translations.de]\nareas = [\"Schulen\"]\nnotes = \"z\"\n\n\
         [partner.translations.en-GB]\nsummary = \"x\"\n\n\
         [[partner.milestone]]\nyear = 1966\ntext = \"Signed\"\ntranslations = { klingon = \"Qapla'\" }\n",
    );
    let shown: Vec<(usize, String, String)> =
        err.problems().iter().map(|p| (p.line, p.message.clone(), p.help.clone().unwrap_or_default())).collect();
    let has = |message: &str, help: &str| shown.iter().any(|(_, m, h)| m == message && h.contains(help));
    assert!(has("\"zh_CN\" is not a language twinbot speaks", "did you mean \"zh-CN\"?"), "{shown:?}");
    assert!(
        has("\"klingon\" is not a language twinbot speaks", "write one of \"en-GB\", \"en-US\", \"de\""),
        "{shown:?}"
    );
    assert!(has("1 translated areas for 2 areas", "translate each of the 2 areas, in the same order"), "{shown:?}");
    assert!(has("a translation of `notes`, but the partner has none", "add `notes` to the partner"), "{shown:?}");
    assert!(has("a translation into \"en-GB\", the file's own language", "remove the translation"), "{shown:?}");
    assert_eq!(shown.len(), 5, "{shown:?}");
    // Each is placed in the file, at its table or value.
    assert!(shown.iter().all(|(line, _, _)| *line >= 13), "{shown:?}");
}

#[test]
fn leeds_partners_have_texts_for_their_own_communities() {
    let dir = leeds();
    for (partner, locale) in [
        ("Dortmund", "de"),
        ("Siegen", "de"),
        ("Lille", "fr"),
        ("Brno", "cs"),
        ("Kharkiv", "uk"),
        ("Hangzhou", "zh-CN"),
    ] {
        let p = dir.partners.iter().find(|p| p.name == partner).unwrap();
        let t = p.translations.iter().find(|t| t.locale == locale).unwrap_or_else(|| panic!("{partner}: {locale}"));
        assert!(t.summary.as_deref().is_some_and(|s| s.len() > 100), "{partner}");
        assert_eq!(t.roots.is_some(), p.roots.is_some(), "{partner}");
        assert_eq!(t.notes.is_some(), p.notes.is_some(), "{partner}");
        assert_eq!(t.areas.as_ref().map(Vec::len), Some(p.areas.len()), "{partner}");
        assert!(p.milestones.iter().all(|m| m.translations.iter().any(|(l, _)| l == locale)), "{partner}");
    }
}

#[test]
fn coordinates_come_in_pairs_and_in_range() {
    let (_, problems) = problems("coordinates.toml");
    let found: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.message.as_str())).collect();
    assert_eq!(found, [(5, "lat without lon"), (14, "lat 95 is out of range (-90 to 90)")]);
    assert!(problems.iter().all(|p| p.help.as_deref().is_some_and(|h| h.contains("lat = 53.796 and lon = -1.548"))));
    // The shipped data has every city's place, for the map.
    let dir = Directory::load(&[root().join("data/leeds.toml"), root().join("data/dortmund.toml")]).unwrap();
    let leeds = dir.homes[0].coords.expect("Leeds has coordinates");
    assert!((leeds.lat - 53.796).abs() < 1e-9 && (leeds.lon + 1.548).abs() < 1e-9);
    for p in &dir.partners {
        assert!(p.coords.is_some(), "{} has coordinates", p.name);
    }
}

// ---- Hostile and broken data files (issue 28) ----------------------------------------------
//
// The shipped data files, and a town's CSV export, mutated 1 to 8 times (a range deleted, a TOML
// token or any character inserted, lines duplicated, swapped, dropped or cut short, a value
// replaced by one of another type, a key by another): every one is loaded, or refused with problems placed inside
// the file, and never panics; loading it twice gives the same answer. The same for the town
// import (`state::files::read`), which reads members' uploads.
//
// A problem's line counts "\n" (a lone "\r" does not end a line); its column counts characters
// (not bytes) from 1, a "\r" before the "\n" included, and may be one past the line's last
// character (an error at the end of the line or of the file).

/// Text inserted by a mutation: TOML's syntax, values it reads in other ways than intended,
/// CSV's, and characters parsers stumble on.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "[", "]", "[[", "]]", "[home]", "[[partner]]", "[[partner.milestone]]", "[partner.translations.de]", "\"", "'",
    "'''", "\"\"\"", "=", " = ", "\n", "\r", "\r\n", "\t", "#", ",", "{", "}", ".", "..", "\\", "\\u", "\\U0010FFFF",
    "\\x41", "0", "7", "1969", "-", "+", "_", "inf", "nan", "-inf", "+nan", "1e400", "0x7f", "0o8", "1_",
    "1969-13-40", "0000-00-00", "1969-02-30", "1969-06-02T25:61:61Z", "12:00:00", "99999999999999999999999",
    "-9223372036854775808", "true", "\0", "\u{feff}", "\u{200b}", "\u{202e}", "\u{301}", "é", "ß", "Ж", "西安", "🇬🇧",
    "\u{10ffff}", "\u{fffd}", "name = \"x\"", "year = 1969", "kind = \"twinning\"", "id = \"x\"",
    "translations.de.summary = \"y\"", "a.b.c.d.e = 1", ";", "=cmd|' /C calc'!A0", "'=1+1", "@SUM(1)",
];

/// Values that replace a value of another type (or of the right type, out of range).
#[rustfmt::skip]
const VALUES: &[&str] = &[
    "\"text\"", "''", "\"\"", "1969", "-1", "0", "19690", "2147483648", "99999999999999999999", "1e400", "-0.0",
    "inf", "nan", "true", "1969-13-40", "0000-00-00", "1969-06-02", "1969-06-02T12:00:00Z", "12:00:00", "[]",
    "[1, \"a\"]", "[[]]", "{}", "{ x = 1 }", "{ name = \"x\" }", "\"\"\"\nx\n\"\"\"", "'''\n'''", "\"\\u0000\"",
    "\"\\uD800\"", "[\"Morley\", \"Morley\"]",
];

/// Keys a data file knows, put in place of another: each where it belongs, or not.
#[rustfmt::skip]
const KEYS: &[&str] = &[
    "updated", "language", "id", "name", "country", "country_code", "aliases", "about", "population", "lat", "lon",
    "translations", "kind", "year", "month", "day", "date", "roots", "summary", "areas", "milestone", "groups",
    "sources", "notes", "via", "suspended", "text", "home", "partner", "translations.de", "translations.xx",
];

/// One change to a text. Positions are `Index`es, scaled to the text they are applied to (and
/// shrinking towards its start).
#[derive(Debug, Clone)]
enum Mutation {
    /// Deletes up to so many characters.
    Delete(Index, usize),
    /// Inserts one of [`TOKENS`].
    Token(Index, usize),
    /// Inserts a character.
    Char(Index, char),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    /// Cuts a line short at a character.
    CutLine(Index, Index),
    /// Cuts the whole text short.
    Truncate(Index),
    /// Replaces the value of a `key = value` line with one of [`VALUES`].
    Retype(Index, usize),
    /// Replaces the key of a `key = value` line with one of [`KEYS`].
    Rekey(Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), prop_oneof![1..8usize, 1..2_000usize]).prop_map(|(i, n)| Mutation::Delete(i, n)),
        4 => (any::<Index>(), 0..TOKENS.len()).prop_map(|(i, t)| Mutation::Token(i, t)),
        2 => (any::<Index>(), any::<char>()).prop_map(|(i, c)| Mutation::Char(i, c)),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::CutLine(a, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        3 => (any::<Index>(), 0..VALUES.len()).prop_map(|(i, v)| Mutation::Retype(i, v)),
        2 => (any::<Index>(), 0..KEYS.len()).prop_map(|(i, k)| Mutation::Rekey(i, k)),
    ]
}

/// The byte offset of a character boundary of `text` (its end included).
fn boundary(text: &str, at: &Index) -> usize {
    let k = at.index(text.chars().count() + 1);
    text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
}

/// "line:column" of a byte offset, as the problems count them.
fn place(text: &str, at: usize) -> String {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    format!("{}:{}", before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// Applies a mutation, saying what it did.
fn apply(text: &mut String, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let line = |i: &Index, n: usize| (n > 0).then(|| i.index(n));
    let said = match m {
        Mutation::Delete(i, n) => {
            let start = boundary(text, i);
            let end = text[start..].char_indices().nth(*n).map_or(text.len(), |(j, _)| start + j);
            let said = format!("delete {:?} at {}", &text[start..end], place(text, start));
            text.replace_range(start..end, "");
            return said;
        }
        Mutation::Token(i, t) => {
            let at = boundary(text, i);
            let said = format!("insert {:?} at {}", TOKENS[*t], place(text, at));
            text.insert_str(at, TOKENS[*t]);
            return said;
        }
        Mutation::Char(i, c) => {
            let at = boundary(text, i);
            let said = format!("insert {c:?} at {}", place(text, at));
            text.insert(at, *c);
            return said;
        }
        Mutation::Truncate(i) => {
            let at = boundary(text, i);
            let said = format!("truncate at {}", place(text, at));
            text.truncate(at);
            return said;
        }
        Mutation::DuplicateLine(i) => line(i, lines.len()).map(|l| {
            lines.insert(l, lines[l].clone());
            format!("duplicate line {}", l + 1)
        }),
        Mutation::DeleteLine(i) => line(i, lines.len()).map(|l| {
            lines.remove(l);
            format!("delete line {}", l + 1)
        }),
        Mutation::SwapLines(a, b) => line(a, lines.len()).zip(line(b, lines.len())).map(|(a, b)| {
            lines.swap(a, b);
            format!("swap lines {} and {}", a + 1, b + 1)
        }),
        Mutation::CutLine(i, at) => line(i, lines.len()).map(|l| {
            let cut = boundary(&lines[l], at);
            let said = format!("cut line {} at column {}", l + 1, lines[l][..cut].chars().count() + 1);
            let ending = if lines[l].ends_with('\n') { "\n" } else { "" };
            lines[l] = format!("{}{ending}", lines[l][..cut].trim_end_matches('\n'));
            said
        }),
        Mutation::Retype(i, _) | Mutation::Rekey(i, _) => {
            // `key = value` lines (outside multi-line strings, mostly: a mutation may be wrong there too).
            let keyed: Vec<usize> = (0..lines.len())
                .filter(|&l| {
                    let (key, _) = lines[l].split_once('=').unwrap_or(("", ""));
                    !key.trim().is_empty() && key.trim().chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
                })
                .collect();
            line(i, keyed.len()).map(|k| {
                let l = keyed[k];
                let (key, value) = lines[l].split_once('=').unwrap_or_default();
                lines[l] = match m {
                    Mutation::Rekey(_, k) => format!("{} ={value}", KEYS[*k]),
                    Mutation::Retype(_, v) => format!("{key}= {}\n", VALUES[*v]),
                    _ => unreachable!("only keys and values are changed here"),
                };
                format!("line {}: {}", l + 1, lines[l].trim_end())
            })
        }
    };
    *text = lines.concat();
    said.unwrap_or_else(|| "nothing (no such line)".to_string())
}

/// A file mutated, and how.
#[derive(Clone)]
struct Mutated {
    base: &'static str,
    steps: Vec<String>,
    text: String,
    /// Where the text of a failing input is saved.
    saved: &'static str,
}

impl fmt::Debug for Mutated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} with {:?} ({} bytes; the last failing text is saved at {})",
            self.base,
            self.steps,
            self.text.len(),
            failure_path(self.saved).display()
        )
    }
}

/// Where a property keeps the text of its last failing input: after shrinking, the minimal one,
/// to be copied into tests/corpus/data/.
fn failure_path(property: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus-data-{property}"))
}

/// Files to mutate: (name, text).
fn bases(names: &[&'static str]) -> Vec<(&'static str, String)> {
    names.iter().map(|n| (*n, std::fs::read_to_string(root().join("data").join(n)).unwrap())).collect()
}

/// One of `bases`, mutated 1 to 8 times.
fn mutated(bases: Vec<(&'static str, String)>, saved: &'static str) -> impl Strategy<Value = Mutated> {
    (0..bases.len(), prop_oneof![vec(mutation(), 1..=2), vec(mutation(), 1..=8)]).prop_map(move |(b, ms)| {
        let (base, mut text) = bases[b].clone();
        let steps = ms.iter().map(|m| apply(&mut text, m)).collect();
        Mutated { base, steps, text, saved }
    })
}

/// Runs a check of `bytes`, saving them at [`failure_path`] when it fails or panics.
fn saving(property: &str, bytes: &[u8], check: impl FnOnce() -> TestCaseResult) -> TestCaseResult {
    let verdict = match catch_unwind(AssertUnwindSafe(check)) {
        Ok(v) => v,
        Err(panic) => {
            let why =
                panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(TestCaseError::fail(format!("panicked: {}", why.unwrap_or_default())))
        }
    };
    if verdict.is_err() {
        std::fs::write(failure_path(property), bytes).unwrap();
    }
    verdict
}

/// The lines of a text as problems count them (split at "\n" only).
fn lines_of(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// Whether "line" is a line of `text`.
fn is_line(text: &str, line: u64) -> bool {
    (1..=lines_of(text).len() as u64).contains(&line)
}

/// What must hold of any text loaded as a data file: it loads, with its partners under the home
/// index given, or is refused with problems placed inside it, named by file; and twice alike.
fn loads_or_is_refused_in_place(path: &Path, text: &str) -> TestCaseResult {
    let first = parse_file(path, text, 3);
    prop_assert_eq!(format!("{first:?}"), format!("{:?}", parse_file(path, text, 3)), "loading is deterministic");
    match first {
        Ok((home, partners)) => {
            prop_assert!(!home.name.trim().is_empty() && home.source == path, "{:?}", home);
            for p in &partners {
                prop_assert_eq!(p.home, 3);
                prop_assert!(!p.name.trim().is_empty() && (1000..=9999).contains(&p.since.year), "{:?}", p);
                prop_assert!(p.coords.is_none_or(|c| c.lat.abs() <= 90.0 && c.lon.abs() <= 180.0), "{:?}", p);
            }
        }
        Err(e @ DataError::Invalid { .. }) => {
            let shown = e.to_string();
            let DataError::Invalid { path: named, problems } = &e else { unreachable!() };
            prop_assert_eq!(named.as_path(), path);
            prop_assert!(!problems.is_empty(), "a refusal says why");
            let lines = lines_of(text);
            for p in problems {
                prop_assert!((1..=lines.len()).contains(&p.line), "line {} of {}: {:?}", p.line, lines.len(), p);
                let line = lines[p.line - 1];
                let chars = line.chars().count();
                prop_assert!((1..=chars + 1).contains(&p.column), "column {} of {chars}: {:?}", p.column, p);
                prop_assert!(p.column - 1 + p.width <= chars, "the underline stays on its line: {:?}", p);
                prop_assert_eq!(p.snippet.as_str(), line.trim_end_matches('\r'));
                prop_assert!(!p.message.trim().is_empty(), "{:?}", p);
                let at = format!("{}:{}:{}: ", path.display(), p.line, p.column);
                prop_assert!(shown.contains(&at), "{} is shown in {}", at, shown);
            }
        }
        Err(other) => prop_assert!(false, "a text is loaded or invalid, not {other:?}"),
    }
    Ok(())
}

/// What must hold of bytes in a data file: [`loads_or_is_refused_in_place`] for their text
/// (invalid UTF-8 replaced), and `Directory::load` of the file answers as `parse_file` of its
/// text, or, when the bytes are not UTF-8, says it cannot read the file, naming it.
fn file_loads_or_is_refused(bytes: &[u8]) -> TestCaseResult {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("city.toml");
    loads_or_is_refused_in_place(&path, &String::from_utf8_lossy(bytes))?;
    std::fs::write(&path, bytes).unwrap();
    let loaded = Directory::load(std::slice::from_ref(&path));
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let parsed = parse_file(&path, text, 0).map(|(home, partners)| Directory::new(vec![home], partners));
            prop_assert_eq!(format!("{loaded:?}"), format!("{parsed:?}"));
        }
        Err(_) => {
            let shown = loaded.as_ref().map(|_| String::new()).unwrap_or_else(|e| e.to_string());
            prop_assert!(matches!(loaded, Err(DataError::Io { .. })), "{:?}", loaded);
            prop_assert!(shown.contains(&path.display().to_string()), "{}", shown);
        }
    }
    Ok(())
}

/// A server's town made by importing a shipped data file.
fn town_of(file: &str) -> String {
    let text = std::fs::read_to_string(root().join("data").join(file)).unwrap();
    files::read(Kind::Toml, None, &text).expect("a shipped data file imports as a town").document
}

/// "LINE:COLUMN: …", the start of a problem as `town::problems` words it: the line.
fn problem_line(problem: &str) -> Option<u64> {
    problem.split_once(':')?.0.parse().ok()
}

/// What must hold of any upload read as a town's file over `current`: accepted as a town that
/// passes every check, or refused with a reason that names a line of the upload where it has
/// one; twice alike.
fn imports_or_is_refused(kind: Kind, current: Option<&str>, text: &str) -> TestCaseResult {
    let first = files::read(kind, current, text);
    prop_assert_eq!(
        format!("{first:?}"),
        format!("{:?}", files::read(kind, current, text)),
        "reading is deterministic"
    );
    let line_ok = |line: u64| is_line(text, line);
    match first {
        Ok(plan) => {
            prop_assert!(town::checked(&plan.document).is_ok(), "an accepted import makes a valid town");
            if kind == Kind::Toml {
                prop_assert!(town::load(text).is_ok(), "an accepted TOML file is a valid data file");
            }
        }
        Err(e) => {
            prop_assert!(!e.to_string().trim().is_empty());
            match &e {
                ImportError::TooBig { .. } => prop_assert!(text.len() > MAX_DOCUMENT),
                ImportError::TooDeep { line, limit } => {
                    prop_assert!(kind == Kind::Toml && *limit == MAX_DEPTH && line_ok(*line as u64), "{:?}", e)
                }
                ImportError::Town(TownError::Invalid(problems)) => {
                    prop_assert!(!problems.is_empty(), "a refusal says why");
                    for p in problems {
                        prop_assert!(!p.trim().is_empty());
                        let line = match kind {
                            Kind::Toml => problem_line(p),
                            Kind::Csv => p.strip_prefix("line ").and_then(|r| r.split_once(':')?.0.parse().ok()),
                        };
                        prop_assert!(line.is_none_or(line_ok), "{:?} names a line of the upload", p);
                    }
                }
                ImportError::Town(_) => {}
                ImportError::UnknownColumn { line, .. }
                | ImportError::Formula { line, .. }
                | ImportError::BadCell { line, .. }
                | ImportError::Twice { line, .. }
                | ImportError::Csv { line, .. } => {
                    prop_assert!(kind == Kind::Csv && line_ok(*line), "{:?} names a line of the upload", e)
                }
                ImportError::NoNameColumn => prop_assert!(kind == Kind::Csv),
                other => prop_assert!(false, "{other:?} does not come of reading a text"),
            }
        }
    }
    Ok(())
}

/// The shipped data files, mutated: loaded or refused in place, never a panic.
#[test]
fn mutated_data_files_load_or_are_refused_in_place() {
    let path = Path::new("data/city.toml");
    let strategy = mutated(bases(&["leeds.toml", "dortmund.toml"]), "toml");
    support::property::check("data", 512, strategy, |m| {
        saving(m.saved, m.text.as_bytes(), || loads_or_is_refused_in_place(path, &m.text))
    });
}

/// A mutated file with a few of its bytes changed (so that it may not be UTF-8 any more); its
/// `steps` say which.
struct Damaged {
    file: Mutated,
    bytes: Vec<u8>,
}

impl fmt::Debug for Damaged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.file.fmt(f)
    }
}

/// The same with bytes that are not UTF-8: from the mutated text, a few bytes changed.
#[test]
fn mutated_bytes_load_or_are_refused_in_place() {
    let files = (mutated(bases(&["leeds.toml", "dortmund.toml"]), "bytes"), vec((any::<Index>(), any::<u8>()), 1..4));
    let strategy = files.prop_map(|(mut file, changes)| {
        let mut bytes = file.text.clone().into_bytes();
        for (at, b) in &changes {
            let at = at.index(bytes.len() + 1);
            file.steps.push(format!("byte {at} = {b:#04x}"));
            if at < bytes.len() {
                bytes[at] = *b;
            } else {
                bytes.push(*b);
            }
        }
        Damaged { file, bytes }
    });
    support::property::check("data", 128, strategy, |d| {
        saving(d.file.saved, &d.bytes, || file_loads_or_is_refused(&d.bytes))
    });
}

/// A town's TOML upload, mutated: imported as a valid town, or refused with a reason.
#[test]
fn mutated_town_uploads_are_imported_or_refused() {
    let current = town_of("leeds.toml");
    let strategy = (mutated(bases(&["leeds.toml", "dortmund.toml"]), "import.toml"), any::<bool>());
    support::property::check("data", 128, strategy, |(m, over)| {
        let current = over.then_some(current.as_str());
        saving(m.saved, m.text.as_bytes(), || imports_or_is_refused(Kind::Toml, current, &m.text))
    });
}

/// A town's CSV export, mutated and imported back over the town: imported as a valid town, or
/// refused naming a line of the CSV.
#[test]
fn mutated_town_spreadsheets_are_imported_or_refused() {
    let towns: Vec<String> = ["leeds.toml", "dortmund.toml"].iter().map(|f| town_of(f)).collect();
    let csvs: Vec<(&'static str, String)> =
        vec![("leeds.csv", files::to_csv(&towns[0]).unwrap()), ("dortmund.csv", files::to_csv(&towns[1]).unwrap())];
    let strategy = mutated(csvs, "import.csv");
    support::property::check("data", 96, strategy, |m| {
        let current = if m.base == "leeds.csv" { &towns[0] } else { &towns[1] };
        saving(m.saved, m.text.as_bytes(), || imports_or_is_refused(Kind::Csv, Some(current), &m.text))
    });
}

/// Every data file ever tried against the loader and the town import, replayed
/// (tests/corpus/data: `.csv` files are imported over the Leeds town, the others loaded as data
/// files and imported as towns, new and over the Leeds town).
#[test]
fn the_data_corpus_loads_or_is_refused_in_place() {
    let current = town_of("leeds.toml");
    let corpus = support::property::corpus("data");
    for (name, bytes) in &corpus {
        let text = String::from_utf8_lossy(bytes);
        let verdict = if name.ends_with(".csv") {
            imports_or_is_refused(Kind::Csv, Some(&current), &text)
        } else {
            file_loads_or_is_refused(bytes)
                .and_then(|()| imports_or_is_refused(Kind::Toml, None, &text))
                .and_then(|()| imports_or_is_refused(Kind::Toml, Some(&current), &text))
        };
        verdict.unwrap_or_else(|e| panic!("tests/corpus/data/{name}: {e}"));
    }
    assert!(corpus.len() >= 6, "the corpus is read: {} files", corpus.len());
}

/// The hand-picked files of the corpus are answered as a maintainer would want: an editor's
/// byte-order mark, Windows line endings and a long comment change nothing; nesting too deep
/// for the parser, a string never closed and a date that cannot be are refused, in place.
#[test]
fn hostile_data_files_are_answered_sensibly() {
    let path = Path::new("data/city.toml");
    let leeds = std::fs::read_to_string(root().join("data/leeds.toml")).unwrap();
    let read = |name: &str| String::from_utf8(std::fs::read(root().join("tests/corpus/data").join(name)).unwrap());
    let first = |name: &str| {
        let err = parse_file(path, &read(name).unwrap(), 0).expect_err(name);
        let p = &err.problems()[0];
        (p.line, p.column, p.message.clone())
    };
    let loaded = parse_file(path, &leeds, 0).unwrap();
    for same in ["byte-order-mark.toml", "crlf-line-endings.toml"] {
        assert_eq!(parse_file(path, &read(same).unwrap(), 0).unwrap(), loaded, "{same}");
    }
    // A 1 MB comment (not kept in the corpus) is read past; an upload that size is refused unread.
    let commented = format!("# {}\n{leeds}", "x".repeat(1 << 20));
    assert_eq!(parse_file(path, &commented, 0).unwrap(), loaded);
    let big = files::read(Kind::Toml, None, &commented);
    assert!(matches!(big, Err(ImportError::TooBig { limit: MAX_DOCUMENT, .. })), "{big:?}");

    for deep in ["deep-arrays.toml", "deep-inline-tables.toml"] {
        let (line, _, message) = first(deep);
        assert_eq!((line, message.as_str()), (5, "cannot recurse further; max recursion depth met"), "{deep}");
        let upload = files::read(Kind::Toml, None, &read(deep).unwrap());
        assert_eq!(upload, Err(ImportError::TooDeep { line: 5, limit: MAX_DEPTH }), "{deep}");
    }
    assert!(first("deep-dotted-key.toml").2.contains("recursion limit"));
    assert_eq!(first("deep-table-header.toml").0, 1);
    // The `about` never closed runs on into the next `"""`, and what follows it is read as keys.
    assert_eq!(first("unterminated-multiline-string.toml"), (44, 5, "key with no value, expected `=`".into()));
    assert_eq!(first("unterminated-multiline-string-at-end.toml").0, 6);
    assert_eq!(first("date-zero.toml"), (13, 11, "invalid date, expected month between 01 and 12".into()));
    assert_eq!(first("lone-carriage-returns.toml").2, "carriage return must be followed by newline, expected newline");
    assert_eq!(first("nul-bytes.toml").0, 5);
    assert_eq!(first("empty.toml"), (1, 1, "missing field `home`".into()));
    assert!(first("huge-numbers.toml").2.contains("99999999999999999999"));
    assert!(read("invalid-utf8.toml").is_err(), "the file is Latin-1, as a maintainer's editor may save it");
}

#[test]
fn a_citys_names_in_other_languages_are_in_languages_twinbot_speaks_and_clash_with_no_other_name() {
    let file = |names: &str| {
        format!(
            "[home]\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n\
             [[partner]]\nname = \"Kharkiv\"\ncountry = \"Ukraine\"\ncountry_code = \"UA\"\n{names}\nkind = \"friendship\"\n\
             year = 2023\nsummary = \"x\"\n\n[[partner]]\nname = \"Brno\"\ncountry = \"Czechia\"\ncountry_code = \"CZ\"\n\
             aliases = [\"Brünn\"]\nkind = \"partnership\"\nyear = 2003\nsummary = \"y\"\n"
        )
    };
    let one = |names: &str| {
        let err = invalid_town(&file(names));
        let ps = err.problems();
        assert_eq!(ps.len(), 1, "{names}: {err}");
        (ps[0].line, ps[0].message.clone())
    };
    assert_eq!(one("names = { pl = \"Charków\" }"), (10, "\"pl\" is not a language twinbot speaks".to_string()));
    let own = one("names = { en-GB = \"Kharkiv\" }");
    assert_eq!(own.0, 10, "{own:?}");
    let clash = one("names = { de = \"Brünn\" }");
    assert_eq!(clash, (19, "the name \"Brünn\" is already used by Kharkiv (line 10)".to_string()), "one city's");
    // Good names load, in the order of their languages, and match as the city's own.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leeds.toml");
    std::fs::write(&path, file("names = { uk = \"Харків\", de = \"Charkiw\" }")).unwrap();
    let catalog = twinbot::core::catalog::Catalog::load(std::slice::from_ref(&path)).unwrap();
    let names = &catalog.partners[0].names;
    assert_eq!(names, &[("de".to_string(), "Charkiw".to_string()), ("uk".to_string(), "Харків".to_string())]);
    let de = twinbot::core::i18n::lang("de").unwrap();
    assert_eq!(catalog.partners[0].name_in(de), "Charkiw");
    assert_eq!(catalog.partners[0].name_in(twinbot::core::i18n::lang("cs").unwrap()), "Kharkiv");
}

#[test]
fn groups_are_translated_line_for_line_and_an_untranslated_group_is_said_so() {
    let file = |groups: &str| {
        format!(
            "[home]\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\n\
             [[partner]]\nname = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\nkind = \"twinning\"\n\
             year = 1966\nsummary = \"x\"\ngroups = [\"Siegen Circle (in Morley)\", \"Morley Circle (in Siegen)\"]\n\n\
             [partner.translations.de]\nsummary = \"y\"\n{groups}\n"
        )
    };
    let err = invalid_town(&file("groups = [\"Siegen Circle (in Morley)\"]"));
    let ps = err.problems();
    assert_eq!(ps.len(), 1, "{err}");
    assert_eq!(ps[0].message, "1 translated groups for 2 groups");
    assert_eq!(ps[0].help.as_deref(), Some("translate each of the 2 groups, in the same order"));
    let load = |groups: &str| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leeds.toml");
        std::fs::write(&path, file(groups)).unwrap();
        Directory::load(std::slice::from_ref(&path)).unwrap()
    };
    let de = twinbot::core::i18n::lang("de").unwrap();
    let translated =
        load("groups = [\"Siegen Circle (in Morley)\", \"Morley Circle (in Siegen, Partnerschaftsverein)\"]");
    let t = twinbot::core::phrases::texts(de, &translated.homes[0], &translated.partners[0]);
    assert_eq!(t.groups[1], "Morley Circle (in Siegen, Partnerschaftsverein)");
    assert!(!t.fallback, "all in German");
    let untranslated = load("");
    let t = twinbot::core::phrases::texts(de, &untranslated.homes[0], &untranslated.partners[0]);
    assert_eq!(t.groups[0], "Siegen Circle (in Morley)");
    assert!(t.fallback, "the groups are shown as written, and the reply says so");
}
