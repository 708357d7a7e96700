//! Every command's reply, through the public API, on the real Leeds data.

mod support;

use support::{leeds, today};
use twinbot::cli::plain::{plain, render_plain};
use twinbot::commands::{self, Args, Ctx, Value};
use twinbot::core::reply::{Outcome, Reply};

fn run(name: &str, args: Args) -> Reply {
    let dir = leeds();
    let ctx = Ctx::new(&dir, today());
    commands::run(commands::find(name).expect("command exists"), &ctx, &args).reply
}

fn city(q: &str) -> Args {
    Args::new().with("city", Value::Str(q.into()))
}

fn field(r: &Reply, name: &str) -> String {
    plain(&r.fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no field {name} in {r:?}")).value)
}

/// Partner names in the order a list reply shows them (lines starting with a name).
fn listed(r: &Reply, names: &[&str]) -> Vec<String> {
    plain(&r.description)
        .lines()
        .filter_map(|l| names.iter().find(|n| l.starts_with(**n)).map(|n| n.to_string()))
        .collect()
}

const ALL: &[&str] = &["Lille", "Dortmund", "Siegen", "Hangzhou", "Durban", "Brno", "Kharkiv"];

#[test]
fn partner_card_has_everything_about_dortmund() {
    let r = run("partner", city("Dortmund"));
    assert_eq!(r.outcome, Outcome::Answered);
    assert!(!r.ephemeral);
    assert_eq!(r.title, "Leeds ↔ Dortmund");
    assert_eq!(field(&r, "Country"), "🇩🇪 Germany");
    assert_eq!(field(&r, "Link"), "Twinning");
    assert_eq!(field(&r, "Formalised"), "2 June 1969 (57 years ago)");
    assert!(field(&r, "Areas of cooperation").contains("• digital technology"));
    let timeline = field(&r, "Timeline");
    let years: Vec<&str> = timeline.lines().map(|l| l.split(" · ").next().unwrap()).collect();
    assert_eq!(years, vec!["1949", "1950", "2 Jun 1969", "Apr 1970", "1995", "2021"]);
    assert!(field(&r, "Community groups").contains("Leeds–Dortmund twinning group"));
    assert!(field(&r, "Sources").contains("https://www.dortmund.de/"));
    assert!(!plain(&r.description).contains("Showing"), "no note for an exact name");
    assert!(r.footer.as_deref().unwrap().contains("leeds.toml"));
}

#[test]
fn ages_follow_the_known_precision() {
    // Siegen and Lille: exact dates; Hangzhou: 1988, year only; Kharkiv: an exact date.
    assert_eq!(field(&run("partner", city("siegen")), "Formalised"), "16 July 1966 (60 years ago)");
    assert_eq!(field(&run("partner", city("lille")), "Formalised"), "15 October 1968 (58 years ago)");
    assert_eq!(field(&run("partner", city("hangzhou")), "Formalised"), "1988 (38 years ago)");
    assert_eq!(field(&run("partner", city("kharkiv")), "Formalised"), "6 December 2023 (2 years ago)");
}

#[test]
fn fuzzy_and_alias_matches_say_what_was_matched() {
    let r = run("partner", city("dortmnud"));
    assert_eq!(r.title, "Leeds ↔ Dortmund");
    assert!(plain(&r.description).starts_with("Showing Dortmund for “dortmnud”."), "{:?}", r.description);
    let r = run("partner", city("Brünn"));
    assert_eq!(r.title, "Leeds ↔ Brno");
    assert!(plain(&r.description).starts_with("“Brünn” is another name for Brno."));
    let r = run("partner", city("Харків"));
    assert_eq!(r.title, "Leeds ↔ Kharkiv");
    assert!(plain(&r.description).starts_with("“Харків” is another name for Kharkiv."));
}

#[test]
fn no_match_is_ephemeral_with_suggestions_and_the_partner_list() {
    let r = run("partner", city("paris"));
    assert_eq!(r.outcome, Outcome::NotFound);
    assert!(r.ephemeral);
    assert!(plain(&r.description).contains("No partner of Leeds matches “paris”."));
    let list = field(&r, "Try one of Leeds' partners");
    for name in ALL {
        assert!(list.contains(name), "{name} in {list}");
    }
    let r = run("partner", city("durham"));
    assert!(plain(&r.description).contains("Did you mean Durban?"), "{:?}", r.description);
}

#[test]
fn a_country_lists_its_partners() {
    let r = run("partner", city("germany"));
    assert_eq!(r.outcome, Outcome::Answered);
    assert_eq!(r.title, "Leeds' partners in Germany 🇩🇪");
    assert_eq!(listed(&r, ALL), vec!["Siegen", "Dortmund"]);
}

#[test]
fn the_home_city_gets_an_explanation() {
    let r = run("partner", city("leeds"));
    assert_eq!(r.outcome, Outcome::NotFound);
    assert!(plain(&r.description).contains("Leeds is the home city"));
    let r = run("partner", city("Morley"));
    assert!(plain(&r.description).contains("Morley is part of Leeds"));
    // Whoever types Morley most likely wants Morley's own link.
    assert!(
        plain(&r.description).contains(
            "Morley's own partner is Siegen (twinning since 16 July 1966): `/partner siegen` tells its story."
        ),
        "{:?}",
        r.description
    );
    let leeds = run("partner", city("leeds"));
    assert!(!plain(&leeds.description).contains("own partner"), "Leeds itself made every other link");
}

#[test]
fn empty_and_missing_city_are_invalid() {
    assert_eq!(run("partner", city(" ... ")).outcome, Outcome::Invalid);
    let r = run("partner", Args::new());
    assert_eq!(r.outcome, Outcome::Invalid);
    assert!(plain(&r.description).contains("/partner needs `city`"));
}

#[test]
fn since_1970_lists_exactly_four_oldest_first() {
    let r = run("since", Args::new().with("year", Value::Int(1970)));
    assert_eq!(r.outcome, Outcome::Answered);
    assert_eq!(r.title, "Leeds' partners since 1970");
    assert_eq!(listed(&r, ALL), vec!["Hangzhou", "Durban", "Brno", "Kharkiv"]);
    assert!(plain(&r.description).contains("Hangzhou 🇨🇳 China — partnership, 1988"));
}

#[test]
fn since_with_until_is_inclusive() {
    let r = run("since", Args::new().with("year", Value::Int(1966)).with("until", Value::Int(1988)));
    assert_eq!(r.title, "Leeds' partners from 1966 to 1988");
    assert_eq!(listed(&r, ALL), vec!["Siegen", "Lille", "Dortmund", "Hangzhou"]);
    let one = run("since", Args::new().with("year", Value::Int(1998)).with("until", Value::Int(1998)));
    assert_eq!(listed(&one, ALL), vec!["Durban"]);
}

#[test]
fn since_with_nothing_names_the_newest() {
    let r = run("since", Args::new().with("year", Value::Int(2024)));
    assert_eq!(r.outcome, Outcome::NotFound);
    let d = plain(&r.description);
    assert!(d.contains("No partnership was formalised in 2024 or later."), "{d}");
    assert!(d.contains("The newest is Kharkiv (friendship, 6 December 2023)."), "{d}");
}

#[test]
fn since_rejects_years_out_of_range_and_reversed_spans() {
    for (year, until) in [(999, None), (10000, None), (1970, Some(99999)), (0, None), (-5, None)] {
        let mut args = Args::new().with("year", Value::Int(year));
        if let Some(u) = until {
            args = args.with("until", Value::Int(u));
        }
        let r = run("since", args);
        assert_eq!(r.outcome, Outcome::Invalid, "{year} {until:?}");
        assert!(r.ephemeral);
        assert!(plain(&r.description).contains("between 1000 and 9999"));
    }
    let r = run("since", Args::new().with("year", Value::Int(1990)).with("until", Value::Int(1960)));
    assert_eq!(r.outcome, Outcome::Invalid);
    assert!(plain(&r.description).contains("before"));
    let r = run("since", Args::new().with("year", Value::Str("1970".into())));
    assert_eq!(r.outcome, Outcome::Invalid);
    assert!(plain(&r.description).contains("whole number"));
}

#[test]
fn partners_lists_all_seven_oldest_first() {
    let r = run("partners", Args::new());
    assert_eq!(r.title, "Leeds' partner cities (7)");
    assert_eq!(listed(&r, ALL), vec!["Siegen", "Lille", "Dortmund", "Hangzhou", "Durban", "Brno", "Kharkiv"]);
}

#[test]
fn about_names_the_data_and_every_command() {
    let r = run("about", Args::new());
    assert_eq!(r.title, "About twinbot");
    assert!(field(&r, "Data").contains("leeds.toml, updated 28 November 2026"));
    assert!(field(&r, "Place names").contains("GeoNames <https://www.geonames.org>"), "the gazetteer's credit");
    assert!(field(&r, "Place names").contains("CC BY 4.0"));
    let cmds = field(&r, "Commands");
    for c in commands::registry() {
        assert!(cmds.contains(&format!("/{}", c.name)), "{} in {cmds}", c.name);
    }
}

#[test]
fn unknown_options_are_refused() {
    let r = run("partners", Args::new().with("city", Value::Str("x".into())));
    assert_eq!(r.outcome, Outcome::Invalid);
}

#[test]
fn autocomplete_choices_are_ranked_and_capped() {
    let dir = leeds();
    let ctx = Ctx::new(&dir, today());
    let complete = commands::find("partner").unwrap().complete.unwrap();
    let all = complete(&ctx, "city", "");
    assert_eq!(all.len(), 7);
    assert_eq!(all[0].value, "Siegen");
    let d = complete(&ctx, "city", "dortmnd");
    assert_eq!(d[0].name, "Dortmund (Germany)");
    assert_eq!(d[0].value, "Dortmund");
    assert_eq!(complete(&ctx, "city", "Харків")[0].value, "Kharkiv");
    assert!(complete(&ctx, "other", "x").is_empty());
}

#[test]
fn plain_rendering_puts_the_title_first() {
    let text = render_plain(&run("partner", city("durbn")));
    assert!(text.starts_with("Leeds ↔ Durban\n\nShowing Durban for “durbn”."), "{text}");
    assert!(text.contains("\nCountry\n  🇿🇦 South Africa\n"));
}

/// (partner, which anniversary, milestone) as the year's list shows them.
fn anniversaries_in(year: i64) -> Vec<(String, String, bool)> {
    let r = run("anniversaries", Args::new().with("year", Value::Int(year)));
    assert_eq!(r.outcome, Outcome::Answered);
    assert_eq!(r.title, format!("Leeds' anniversaries in {year}"));
    plain(&r.description)
        .lines()
        .filter(|l| l.contains(" — "))
        .map(|l| {
            let name = l.split(' ').next().unwrap().to_string();
            let nth = l.split(" — ").nth(1).unwrap().split(' ').next().unwrap().to_string();
            (name, nth, l.contains("★ milestone"))
        })
        .collect()
}

fn milestones(year: i64) -> Vec<String> {
    anniversaries_in(year).into_iter().filter(|a| a.2).map(|(n, nth, _)| format!("{n} {nth}")).collect()
}

#[test]
fn anniversaries_mark_the_milestones_of_each_year() {
    assert_eq!(milestones(2026), vec!["Siegen 60th"]);
    let mut m2028 = milestones(2028);
    m2028.sort();
    assert_eq!(m2028, vec!["Brno 25th", "Durban 30th", "Hangzhou 40th", "Kharkiv 5th", "Lille 60th"]);
    assert_eq!(milestones(2029), vec!["Dortmund 60th"]);
    assert_eq!(anniversaries_in(2028).len(), 7, "every partnership is listed");
    let r = run("anniversaries", Args::new().with("year", Value::Int(2029)));
    assert!(plain(&r.description).contains("Dortmund 🇩🇪 — 60th anniversary ★ milestone · 2 June 2029"));
    assert!(plain(&r.description).contains("Siegen 🇩🇪 — 63rd anniversary · 16 July 2029"));
    assert!(plain(&r.description)
        .contains("Lille 🇫🇷 — 61st anniversary · 15 October 2029 (twinning since 15 October 1968)"));
    assert!(plain(&r.description).contains("Hangzhou 🇨🇳 — 41st anniversary · 2029 (partnership since 1988)"));
}

#[test]
fn anniversaries_default_to_this_year_and_skip_the_not_yet_formalised() {
    let r = run("anniversaries", Args::new());
    assert_eq!(r.title, "Leeds' anniversaries in 2026");
    let y2024 = anniversaries_in(2024);
    assert!(y2024.iter().any(|a| a.0 == "Kharkiv" && a.1 == "1st"));
    assert!(!anniversaries_in(2023).iter().any(|a| a.0 == "Kharkiv"), "formalised in 2023: no anniversary yet");
    let r = run("anniversaries", Args::new().with("year", Value::Int(1966)));
    assert_eq!(r.outcome, Outcome::NotFound);
}

#[test]
fn anniversaries_attach_a_calendar_when_asked() {
    let r = run("anniversaries", Args::new().with("year", Value::Int(2029)).with("calendar", Value::Bool(true)));
    assert_eq!(r.outcome, Outcome::Answered);
    assert_eq!(r.attachments.len(), 1);
    let file = &r.attachments[0];
    assert_eq!(file.name, "anniversaries-2029.ics");
    assert_eq!(file.description, "Calendar file of Leeds' anniversaries");
    assert!(!file.shown, "a file to save, not the card's picture");
    let ics = std::str::from_utf8(&file.bytes).unwrap();
    assert!(ics.contains("\r\nUID:2029-leeds-dortmund-de@twinbot\r\nDTSTAMP:20261128T000000Z\r\n"), "{ics}");
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20290602\r\n"), "{ics}");
    assert!(!ics.contains("DTSTART;VALUE=DATE:2028"), "the year shown only");
    // The list is unchanged; the note about the file goes with the file.
    let without = run("anniversaries", Args::new().with("year", Value::Int(2029)));
    assert!(without.attachments.is_empty());
    assert_eq!(plain(&r.description), plain(&without.description));
    let note = file.note.as_deref().unwrap();
    assert!(note.ends_with("importing a later one updates the events instead of repeating them."), "{note}");
    assert!(plain(&r.description_with_notes()).ends_with(note));

    // With upcoming: the coming twelve months.
    let r = run("anniversaries", Args::new().with("upcoming", Value::Int(3)).with("calendar", Value::Bool(true)));
    let file = &r.attachments[0];
    assert_eq!(file.name, "anniversaries-2026-11-28.ics");
    let ics = std::str::from_utf8(&file.bytes).unwrap();
    let days: Vec<&str> = ics.lines().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).collect();
    assert!(!days.is_empty());
    assert!(days.iter().all(|d| ("20261128".."20271128").contains(&d.trim_end())), "{days:?}");
    assert!(days.iter().any(|d| d.starts_with("20261206")), "Kharkiv's 6 December: {days:?}");

    // Nothing to list: no file.
    let r = run("anniversaries", Args::new().with("year", Value::Int(1950)).with("calendar", Value::Bool(true)));
    assert!(r.attachments.is_empty());
}

#[test]
fn upcoming_lists_the_next_dated_anniversaries_from_today() {
    let r = run("anniversaries", Args::new().with("upcoming", Value::Int(3)));
    assert_eq!(r.title, "Leeds' next 3 anniversaries");
    let lines: Vec<String> = plain(&r.description).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("Kharkiv 🇺🇦 — 3rd anniversary · 6 December 2026"), "{lines:?}");
    assert!(lines[1].starts_with("Dortmund 🇩🇪 — 58th anniversary · 2 June 2027"), "{lines:?}");
    assert!(lines[2].starts_with("Siegen 🇩🇪 — 61st anniversary · 16 July 2027"), "{lines:?}");
    let r = run("anniversaries", Args::new().with("upcoming", Value::Int(0)));
    assert_eq!(r.outcome, Outcome::Invalid, "upcoming is 1 to 25");
}

#[test]
fn a_suspended_link_is_not_announced() {
    let dir = twinbot::core::catalog::Catalog::load(&[support::root().join("data/dortmund.toml")]).unwrap();
    let ctx = Ctx::new(&dir, today());
    let r = commands::run(commands::find("announce").unwrap(), &ctx, &city("rostow")).reply;
    assert_eq!(r.outcome, Outcome::Invalid);
    assert!(
        plain(&r.description).starts_with("The twinning with Rostov-on-Don is suspended since 31 March 2022"),
        "{:?}",
        r.description
    );
}
