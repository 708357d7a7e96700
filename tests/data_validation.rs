//! Data files: the shipped data is valid, and every kind of mistake is reported with its
//! file, line and column, what is wrong and how to fix it.

mod support;

use support::{fixture, leeds, root};
use twinbot::core::data::{DataError, Directory, LinkKind, PartialDate, Problem};

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
    // Morley was a Municipal Borough, never a County Borough.
    for text in [p("Siegen").summary.as_str(), p("Siegen").roots.as_deref().unwrap(), &p("Siegen").milestones[0].text] {
        assert!(text.contains("Municipal Borough of Morley") && !text.contains("County Borough"), "{text}");
    }
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
