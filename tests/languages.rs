//! Replies in the member's language: golden replies for every language twinbot speaks, the
//! language chosen from Discord's payload (member, then server, then English), and hostile input
//! in every language, escaped, pinging no one and within Discord's limits.
//!
//! The golden replies are in `tests/golden/<locale>/`; after a deliberate change of wording, run
//! `TWINBOT_BLESS=1 cargo test --test languages` and read the diff before committing it.

mod support;

use serde_json::{json, Value};
use support::{dispatch, embed_size, leeds, today};
use twinbot::cli::plain::render_plain;
use twinbot::commands::{self, Args, Ctx, Invocation, Value as Arg};
use twinbot::core::catalog::Catalog;
use twinbot::core::i18n;

/// One reply, as the terminal renders it, for a member of `locale`.
fn ask(dir: &Catalog, locale: &str, command: &str, args: Args) -> String {
    let inv = Invocation { locale: locale.to_string(), ..Invocation::terminal(command, args.clone()) };
    let posting = Default::default();
    let ctx = Ctx { inv: &inv, posting: &posting, ..Ctx::new(dir, today()) };
    let spec = commands::find(command).unwrap();
    render_plain(&commands::run(spec, &ctx, &args).reply)
}

/// The five replies the golden files hold, by name.
fn cases() -> Vec<(&'static str, &'static str, Args)> {
    vec![
        ("partner-dortmund", "partner", Args::new().with("city", Arg::Str("dortmund".into()))),
        ("since-1970", "since", Args::new().with("year", Arg::Int(1970))),
        ("anniversaries-2028", "anniversaries", Args::new().with("year", Arg::Int(2028))),
        ("wrong-argument", "since", Args::new().with("year", Arg::Int(1990)).with("until", Arg::Int(1980))),
        ("no-match", "partner", Args::new().with("city", Arg::Str("qwxyz".into()))),
    ]
}

#[test]
fn golden_replies_in_every_language() {
    let dir = leeds();
    let bless = std::env::var_os("TWINBOT_BLESS").is_some();
    let mut wrong = Vec::new();
    for l in i18n::all() {
        for (name, command, args) in cases() {
            let got = ask(&dir, l.code, command, args);
            let path = support::root().join(format!("tests/golden/{}/{name}.txt", l.code));
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
            if got != want {
                wrong.push(format!("{}:\n--- want\n{want}\n--- got\n{got}", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn each_language_answers_in_its_own_words() {
    let dir = leeds();
    let card = |l: &str| ask(&dir, l, "partner", Args::new().with("city", Arg::Str("dortmund".into())));
    // The member's language: titles, fields, dates, relative times and countries.
    let de = card("de");
    assert!(de.contains("2. Juni 1969") && de.contains("vor 57 Jahren") && de.contains("Deutschland"), "{de}");
    let fr = card("fr");
    assert!(fr.contains("2 juin 1969") && fr.contains("il y a 57 ans") && fr.contains("Allemagne"), "{fr}");
    let cs = card("cs");
    assert!(cs.contains("2. června 1969") && cs.contains("Německo"), "{cs}");
    let uk = card("uk");
    assert!(uk.contains("2 червня 1969") && uk.contains("Німеччина"), "{uk}");
    let zh = card("zh-CN");
    assert!(zh.contains("1969年6月2日") && zh.contains("德国"), "{zh}");
    let us = card("en-US");
    assert!(us.contains("June 2, 1969") && us.contains("57 years ago"), "{us}");
    // Dortmund's own texts are in German for German speakers, English (marked) for the others.
    let p = dir.partners.iter().find(|p| p.name == "Dortmund").unwrap();
    let german = p.translations.iter().find(|t| t.locale == "de").expect("Dortmund has German texts");
    assert!(de.contains(
        german.summary.as_deref().unwrap().split_whitespace().take(6).collect::<Vec<_>>().join(" ").as_str()
    ));
    assert!(!de.contains(&i18n::lang("de").unwrap().t("untranslated", &[])), "all of Dortmund is in German: {de}");
    assert!(fr.contains(&i18n::lang("fr").unwrap().t("untranslated", &[])), "Dortmund has no French: {fr}");
    assert!(!card("en-GB").contains(&i18n::default().t("untranslated", &[])));
}

#[test]
fn plurals_follow_each_languages_rules() {
    // "Leeds: 3 partner cities", in each language.
    let count = |l: &str, n: i64| {
        i18n::lang(l).unwrap().t("home-partner-count", &[("home", "Leeds".into()), ("count", n.into())])
    };
    let word = |s: &str| {
        s.trim_start_matches("Leeds")
            .trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '.' || c == ':' || c == '：')
            .to_string()
    };
    let forms = |l: &str, ns: &[i64]| ns.iter().map(|&n| word(&count(l, n))).collect::<Vec<_>>();
    // English and German: one, other.
    assert_eq!(count("en-GB", 1), "Leeds: 1 partner city");
    assert_eq!(count("en-GB", 4), "Leeds: 4 partner cities");
    let de = forms("de", &[1, 2, 21]);
    assert!(de[0] != de[1] && de[1] == de[2], "{de:?}");
    // Czech: one (1), few (2-4), other (0, 5+).
    let cs = forms("cs", &[1, 2, 4, 5, 21, 0]);
    assert!(cs[0] != cs[1] && cs[1] == cs[2] && cs[2] != cs[3], "{cs:?}");
    assert_eq!((&cs[3], &cs[4]), (&cs[5], &cs[3]), "5, 21 and 0 agree in Czech: {cs:?}");
    // Ukrainian: one (1, 21), few (2-4, 22-24), many (0, 5-20, 25…).
    let uk = forms("uk", &[1, 21, 3, 22, 5, 11, 25, 0]);
    assert_eq!(uk[0], uk[1], "1 and 21: {uk:?}");
    assert_eq!(uk[2], uk[3], "3 and 22: {uk:?}");
    assert!(uk[4] == uk[5] && uk[5] == uk[6] && uk[6] == uk[7], "5, 11, 25 and 0: {uk:?}");
    assert!(uk[0] != uk[2] && uk[2] != uk[4] && uk[0] != uk[4], "three forms: {uk:?}");
    // Chinese has no plural forms.
    let zh = forms("zh-CN", &[1, 2, 5]);
    assert!(zh[0] == zh[1] && zh[1] == zh[2], "{zh:?}");
    // Ordinals follow CLDR's ordinal rules in English: 1st, 2nd, 3rd, 11th, 21st.
    let en: Vec<String> = [1, 2, 3, 11, 21].iter().map(|&n| i18n::default().ordinal(n)).collect();
    assert_eq!(en, ["1st", "2nd", "3rd", "11th", "21st"]);
}

#[test]
fn a_country_typed_in_any_language_lists_its_partners() {
    let dir = leeds();
    for (typed, locale) in
        [("deutschland", "de"), ("Allemagne", "fr"), ("Německo", "cs"), ("Німеччина", "uk"), ("德国", "zh-CN")]
    {
        let out = ask(&dir, locale, "partner", Args::new().with("city", Arg::Str(typed.into())));
        // Each by its name in the member's language: Дортмунд, 锡根.
        let named =
            |city: &str| dir.partners.iter().find(|p| p.name == city).unwrap().name_in(i18n::lang(locale).unwrap());
        assert!(out.contains(named("Dortmund")) && out.contains(named("Siegen")), "{typed}: {out}");
        assert!(!out.contains("Lille"), "{typed}: {out}");
    }
    // In English too, whatever the member's language.
    let out = ask(&dir, "en-GB", "partner", Args::new().with("city", Arg::Str("deutschland".into())));
    assert!(out.contains("Leeds' partners in Germany"), "{out}");
}

/// A slash command from a member in `locale`, in a server in `guild_locale`.
fn payload(locale: Option<&str>, guild_locale: Option<&str>, name: &str, options: Value) -> Value {
    let (mut p, _, _) = support::payload::command(name, options);
    support::payload::in_locales(&mut p, locale, guild_locale);
    p
}

fn assert_within_limits(e: &Value) {
    assert!(e["title"].as_str().unwrap().chars().count() <= 256, "{e}");
    assert!(e["description"].as_str().map_or(0, |d| d.chars().count()) <= 4096, "{e}");
    let fields = e["fields"].as_array().cloned().unwrap_or_default();
    assert!(fields.len() <= 25);
    for f in fields {
        assert!(f["name"].as_str().unwrap().chars().count() <= 256, "{f}");
        assert!(!f["value"].as_str().unwrap().is_empty(), "{f}");
        assert!(f["value"].as_str().unwrap().chars().count() <= 1024, "{f}");
    }
    assert!(e["footer"]["text"].as_str().map_or(0, |d| d.chars().count()) <= 2048);
    assert!(embed_size(e) <= 6000, "{}", embed_size(e));
}

#[test]
fn the_payloads_locale_chooses_the_language() {
    let city = json!([{"name": "city", "type": 3, "value": "dortmund"}]);
    let field = |r: &Value| r["data"]["embeds"][0]["fields"][0]["name"].as_str().unwrap().to_string();
    let de = i18n::lang("de").unwrap().t("field-country", &[]);
    let fr = i18n::lang("fr").unwrap().t("field-country", &[]);
    assert_eq!(field(&dispatch(payload(Some("de"), Some("en-GB"), "partner", city.clone()))), de);
    // Portuguese is not spoken: the server's French is.
    assert_eq!(field(&dispatch(payload(Some("pt-BR"), Some("fr"), "partner", city.clone()))), fr);
    // Neither is known: English.
    assert_eq!(field(&dispatch(payload(Some("xx-YY"), Some("pt-BR"), "partner", city.clone()))), "Country");
    // A server without a language (a direct message): the member's unknown one gives English.
    assert_eq!(field(&dispatch(payload(Some("pt-BR"), None, "partner", city))), "Country");
}

#[test]
fn hostile_input_in_every_language_is_escaped_pings_no_one_and_fits() {
    let typed = "@everyone <@&1300000000000000001> **bold** `code` \u{200B}hi\u{202E}";
    for l in i18n::all() {
        let resp =
            dispatch(payload(Some(l.code), None, "partner", json!([{"name": "city", "type": 3, "value": typed}])));
        assert_eq!(resp["data"]["allowed_mentions"], json!({"parse": [], "users": [], "roles": []}), "{resp}");
        let e = &resp["data"]["embeds"][0];
        let d = e["description"].as_str().unwrap().to_string();
        assert!(d.contains("\\@everyone") && d.contains("\\<\\@&1300000000000000001>"), "{}: {d}", l.code);
        assert!(d.contains("\\*\\*bold\\*\\*") && d.contains("\\`code\\`"), "{}: {d}", l.code);
        assert!(!d.contains('\u{200B}') && !d.contains('\u{202E}'), "{}: {d:?}", l.code);
        assert_within_limits(e);
        let long = dispatch(payload(
            Some(l.code),
            None,
            "partner",
            json!([{"name": "city", "type": 3, "value": "ж".repeat(6000)}]),
        ));
        assert_within_limits(&long["data"]["embeds"][0]);
    }
}

#[test]
fn every_reply_in_every_language_fits_discords_limits() {
    let mut commands = vec![
        ("partners", json!([])),
        ("about", json!([])),
        ("since", json!([{"name": "year", "type": 4, "value": 1900}])),
    ];
    commands.push(("anniversaries", json!([{"name": "year", "type": 4, "value": 2029}])));
    for p in leeds().partners.clone() {
        commands.push(("partner", json!([{"name": "city", "type": 3, "value": p.name}])));
    }
    for l in i18n::all() {
        for (name, options) in &commands {
            let resp = dispatch(payload(Some(l.code), None, name, options.clone()));
            assert_within_limits(&resp["data"]["embeds"][0]);
        }
    }
}

/// A partner whose texts are far longer than any field may hold, in English, German and Czech.
fn long_partner() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let long = |word: &str| vec![word; 900].join(" ");
    let areas = |word: &str| format!("[{}]", vec![format!("{word:?}"); 60].join(", "));
    let toml = format!(
        r#"language = "en-GB"
[home]
name = "Testhome"
country = "United Kingdom"
country_code = "GB"

[[partner]]
name = "Langestadt"
country = "Germany"
country_code = "DE"
kind = "twinning"
year = 1970
summary = "{en}"
roots = "{en}"
areas = {en_areas}
notes = "{en}"

[partner.translations.de]
summary = "{de}"
roots = "{de}"
areas = {de_areas}
notes = "{de}"

[partner.translations.cs]
summary = "{cs}"
notes = "{cs}"

[[partner.milestone]]
year = 1971
text = "{en}"
translations = {{ de = "{de}", cs = "{cs}" }}
"#,
        en = long("partnership"),
        de = long("Städtepartnerschaftsvereinbarung"),
        cs = long("nejnepravděpodobnějšími"),
        en_areas = areas("international cooperation"),
        de_areas = areas("Zusammenarbeit der Stadtverwaltungen"),
    );
    std::fs::write(dir.path().join("testhome.toml"), toml).unwrap();
    dir
}

#[test]
fn long_german_and_czech_texts_are_truncated_cleanly() {
    let tmp = long_partner();
    let dir = Catalog::load(&[tmp.path().join("testhome.toml")]).unwrap();
    for locale in ["en-GB", "de", "cs"] {
        let inv = Invocation {
            locale: locale.to_string(),
            ..Invocation::terminal("partner", Args::new().with("city", Arg::Str("langestadt".into())))
        };
        let posting = Default::default();
        let ctx = Ctx { inv: &inv, posting: &posting, ..Ctx::new(&dir, today()) };
        let reply = commands::run(commands::find("partner").unwrap(), &ctx, &inv.args).reply;
        let message = twinbot::discord::interaction::message(&reply);
        let v = serde_json::to_value(&message).unwrap();
        let e = &v["data"]["embeds"][0];
        assert_within_limits(e);
        let d = e["description"].as_str().unwrap();
        assert!(d.ends_with('…'), "{locale}: cut with an ellipsis: {}", &d[d.len().saturating_sub(40)..]);
        // Cut between words, never inside one.
        let last = d.trim_end_matches('…').split_whitespace().last().unwrap();
        let word = match locale {
            "de" => "Städtepartnerschaftsvereinbarung",
            "cs" => "nejnepravděpodobnějšími",
            _ => "partnership",
        };
        assert_eq!(last, word, "{locale}");
    }
}

/// A home of three partners, one a date at each precision: Amiens known to the day (the first of
/// a month), Trabzon to the month, Brno only to the year. The home is Le Havre, whose article
/// contracts in French ("du Havre").
fn three_precisions() -> (tempfile::TempDir, Catalog) {
    let dir = tempfile::tempdir().unwrap();
    let toml = r#"language = "en-GB"
[home]
name = "Le Havre"
country = "France"
country_code = "FR"

[[partner]]
name = "Amiens"
country = "France"
country_code = "FR"
kind = "twinning"
year = 1974
date = 1974-04-01
summary = "Known to the day."

[[partner]]
name = "Trabzon"
country = "Turkey"
country_code = "TR"
kind = "twinning"
year = 2014
month = 6
summary = "Known to the month."

[[partner]]
name = "Brno"
country = "Czechia"
country_code = "CZ"
kind = "partnership"
year = 1960
summary = "Known to the year."
"#;
    let path = dir.path().join("le-havre.toml");
    std::fs::write(&path, toml).unwrap();
    let catalog = Catalog::load(&[path]).unwrap();
    (dir, catalog)
}

/// Spaces as CLDR and the French file write them (no-break, narrow no-break) read as spaces.
fn spaced(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// A date after a preposition is worded for the precision it is known to, in each language: the
/// day, the month (in the genitive in Czech and Ukrainian) or the year ("od roku 1960", "з
/// 1960 р."), in the anniversaries' lines and in the built-in announcement.
#[test]
fn dates_after_a_preposition_are_worded_for_their_precision() {
    let (_tmp, dir) = three_precisions();
    // (language, Amiens's line, Trabzon's, Brno's), as /anniversaries 2028 writes them.
    let table = [
        (
            "en-GB",
            "1 April 2028 (twinning since 1 April 1974)",
            "June 2028 (twinning since June 2014)",
            "2028 (partnership since 1960)",
        ),
        (
            "de",
            "1. April 2028 (Städtepartnerschaft seit dem 1. April 1974)",
            "Juni 2028 (Städtepartnerschaft seit Juni 2014)",
            "2028 (Partnerschaft seit 1960)",
        ),
        (
            "fr",
            "1er avril 2028 (jumelage depuis le 1er avril 1974)",
            "juin 2028 (jumelage depuis juin 2014)",
            "2028 (partenariat depuis 1960)",
        ),
        (
            "cs",
            "1. dubna 2028 (partnerství měst od 1. dubna 1974)",
            "červen 2028 (partnerství měst od června 2014)",
            "2028 (partnerská spolupráce od roku 1960)",
        ),
        (
            "uk",
            "1 квітня 2028 р. (побратимство з 1 квітня 1974 р.)",
            "червень 2028 р. (побратимство з червня 2014 р.)",
            "2028 р. (партнерство з 1960 р.)",
        ),
        (
            "zh-CN",
            "2028年4月1日（友好城市关系始于1974年4月1日）",
            "2028年6月（友好城市关系始于2014年6月）",
            "2028年（伙伴城市关系始于1960年）",
        ),
    ];
    for (code, day, month, year) in table {
        let out = spaced(&ask(&dir, code, "anniversaries", Args::new().with("year", Arg::Int(2028))));
        for want in [day, month, year] {
            assert!(out.contains(want), "{code}: {want:?} in\n{out}");
        }
    }
    // The built-in announcement, worded anew for each anniversary's precision.
    use twinbot::anniversaries::dates::in_year;
    use twinbot::anniversaries::template::Template;
    let announce = |code: &str, partner: usize| {
        let l = i18n::lang(code).unwrap();
        let a = in_year(partner, &dir.partners[partner].since, 2028).unwrap();
        spaced(&Template::builtin(l).render(&dir, &a, l))
    };
    let table = [
        ("de", ["die seit dem 1. April 1974 besteht", "die seit Juni 2014 besteht", "die seit 1960 besteht"]),
        ("cs", ["už od 1. dubna 1974.", "už od června 2014.", "už od roku 1960."]),
        ("uk", ["З 1 квітня 1974 р. міста", "З червня 2014 р. міста", "З 1960 р. міста"]),
        ("fr", ["(1er avril 1974)", "(juin 2014)", "(1960)"]),
        ("en-GB", ["dates from 1 April 1974.", "dates from June 2014.", "dates from 1960."]),
        ("zh-CN", ["始于1974年4月1日。", "始于2014年6月。", "始于1960年。"]),
    ];
    for (code, wants) in table {
        for (partner, want) in wants.iter().enumerate() {
            let post = announce(code, partner);
            assert!(post.contains(want), "{code}: {want:?} in {post}");
        }
    }
    // Its source, shown in the settings, has a placeholder for each value.
    assert!(Template::builtin(i18n::lang("de").unwrap()).source().contains("seit dem {since}"));
}

/// French "de" before a city's name: elided before a vowel, contracted with the article.
#[test]
fn french_elides_and_contracts_de_before_a_city() {
    let (_tmp, dir) = three_precisions();
    let partners = ask(&dir, "fr", "partners", Args::new());
    assert!(partners.starts_with("Villes partenaires du Havre (3)"), "{partners}");
    let year = ask(&dir, "fr", "anniversaries", Args::new().with("year", Arg::Int(2028)));
    assert!(year.starts_with("Anniversaires du Havre en 2028"), "{year}");
    let fr = i18n::lang("fr").unwrap();
    let title = |home: &str| fr.t("partners-title", &[("home", home.into()), ("count", 7.into())]);
    assert_eq!(title("Amiens"), "Villes partenaires d’Amiens (7)");
    assert_eq!(title("Leeds"), "Villes partenaires de Leeds (7)");
    assert_eq!(title("Hangzhou"), "Villes partenaires de Hangzhou (7)");
    let dir = leeds();
    let card = ask(&dir, "fr", "partner", Args::new().with("city", Arg::Str("qwxyz".into())));
    assert!(card.contains("Aucune ville partenaire de Leeds ne correspond"), "{card}");
}

/// The brief form of an anniversary, in the digest and the next posts, is a phrase of each
/// language, its milestones marked.
#[test]
fn the_digest_names_each_anniversary_as_a_phrase() {
    use twinbot::anniversaries::dates::in_year;
    use twinbot::anniversaries::lines::brief;
    let (_tmp, dir) = three_precisions();
    let brno = |year| in_year(2, &dir.partners[2].since, year).unwrap();
    let table = [
        ("en-GB", "Brno (68th anniversary)", "Brno (75th anniversary, milestone)"),
        ("en-US", "Brno (68th anniversary)", "Brno (75th anniversary, milestone)"),
        ("de", "Brno (68. Jahrestag)", "Brno (75. Jahrestag, Jubiläum)"),
        ("fr", "Brno (68e anniversaire)", "Brno (75e anniversaire, marquant)"),
        ("cs", "Brno (68. výročí)", "Brno (75. výročí, jubileum)"),
        ("uk", "Brno (68-ма річниця)", "Brno (75-та річниця, ювілей)"),
        ("zh-CN", "Brno（68周年）", "Brno（75周年，整数周年）"),
    ];
    for (code, plain, milestone) in table {
        let l = i18n::lang(code).unwrap();
        assert_eq!(brief(l, &dir, &brno(2028)), plain, "{code}");
        assert_eq!(brief(l, &dir, &brno(2035)), milestone, "{code}");
    }
    // In the dry run's digest line.
    use twinbot::anniversaries::schedule::{describe, posts, Timing};
    let timing = Timing::default();
    let from = chrono::NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
    let digest = posts(&dir, &timing, from, from);
    assert_eq!(digest.len(), 1);
    let cs = describe(i18n::lang("cs").unwrap(), &dir, &timing, &digest[0]);
    assert!(cs.ends_with("souhrn za rok 2028: Brno (68. výročí)"), "{cs}");
}

/// Lists are CLDR's in every language: three items, "and" and "or"; Chinese spaces its 和 and 或
/// from a Latin name, not from its own script or its 、.
#[test]
fn lists_of_three_in_every_language() {
    let three = ["Leeds", "York", "Lille"];
    let table = [
        ("en-GB", "Leeds, York and Lille", "Leeds, York or Lille"),
        ("en-US", "Leeds, York, and Lille", "Leeds, York, or Lille"),
        ("de", "Leeds, York und Lille", "Leeds, York oder Lille"),
        ("fr", "Leeds, York et Lille", "Leeds, York ou Lille"),
        ("cs", "Leeds, York a Lille", "Leeds, York nebo Lille"),
        ("uk", "Leeds, York і Lille", "Leeds, York або Lille"),
        ("zh-CN", "Leeds、York 和 Lille", "Leeds、York 或 Lille"),
    ];
    for (code, and, or) in table {
        let l = i18n::lang(code).unwrap();
        // Czech keeps its one-letter "a" on the line of the word after it (CLDR's no-break space).
        assert_eq!((spaced(&l.and_list(&three)), spaced(&l.or_list(&three))), (and.into(), or.into()), "{code}");
    }
    let zh = i18n::lang("zh-CN").unwrap();
    assert_eq!(zh.and_list(&["杭州", "西安", "宁波"]), "杭州、西安和宁波");
    assert_eq!(zh.and_list(&["Leeds", "Dortmund"]), "Leeds 和 Dortmund");
    assert_eq!(zh.and_list(&["Leeds", "杭州"]), "Leeds 和杭州");
    // Rich items keep their spans, spaced the same.
    let names =
        vec![twinbot::core::reply::Text::new().strong("Leeds"), twinbot::core::reply::Text::new().strong("Dortmund")];
    assert_eq!(
        zh.join_texts(names, true),
        twinbot::core::reply::Text::new().strong("Leeds").text(" 或 ").strong("Dortmund")
    );
}

/// Chinese replies write Chinese punctuation between the code's pieces: no ", " and no space
/// before a full-width bracket or after "。", wherever the code joins a line's parts.
#[test]
fn chinese_punctuation_between_the_codes_pieces() {
    let both =
        Catalog::load(&[support::root().join("data/leeds.toml"), support::root().join("data/dortmund.toml")]).unwrap();
    let replies = [
        ask(&both, "zh-CN", "partners", Args::new()),
        ask(&both, "zh-CN", "since", Args::new().with("year", Arg::Int(1960))),
        ask(&both, "zh-CN", "anniversaries", Args::new().with("year", Arg::Int(2028))),
        ask(&both, "zh-CN", "partner", Args::new().with("city", Arg::Str("qwxyz".into()))),
        ask(&both, "zh-CN", "partner", Args::new().with("city", Arg::Str("morley".into()))),
        ask(&both, "zh-CN", "since", Args::new().with("year", Arg::Int(3000))),
    ];
    for out in &replies {
        assert!(!out.contains(", "), "{out}");
        assert!(!out.contains(" （") && !out.contains(" ("), "{out}");
        assert!(!out.contains("。 "), "{out}");
    }
    // The asides the code adds: a link's other home, its suspension; the lists' 、 and 或.
    // Names written in Chinese take no space beside Chinese words; the two remarks share a bracket.
    assert!(replies[0].contains("（与多特蒙德结好）") && replies[0].contains("（与利兹结好）"), "{}", replies[0]);
    assert!(replies[0].contains("（与多特蒙德结好；自2022年3月31日起暂停）"), "{}", replies[0]);
    assert!(replies[0].starts_with("利兹和多特蒙德的友好城市"), "{}", replies[0]);
    assert!(replies[2].contains("），自"), "{}", replies[2]);
    assert!(replies[3].contains("亚眠、锡根、"), "{}", replies[3]);
    // The languages, each in its own name: Simplified Chinese's is 简体中文.
    let about = ask(&both, "zh-CN", "about", Args::new());
    assert!(about.contains("українська 和简体中文"), "{about}");
    assert!(ask(&both, "en-GB", "about", Args::new()).contains("and 简体中文"));
}
