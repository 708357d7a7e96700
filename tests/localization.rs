//! Translations of the commands: every language names and describes every command and option,
//! within Discord's rules, and nothing else; the registration carries them.

use std::collections::BTreeSet;

use twinbot::commands::{message_id, registry};
use twinbot::core::i18n;

/// Every command and subcommand of the registry.
fn every_command() -> impl Iterator<Item = &'static twinbot::commands::CommandSpec> {
    registry().iter().flat_map(|c| std::iter::once(c).chain(c.subcommands))
}

/// The messages the registry asks of every language: each command's and subcommand's name and
/// description ("town-create", "town-create-description"), and its options'.
fn wanted() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for c in every_command() {
        let id = message_id(c.name);
        ids.insert(id.clone());
        ids.insert(format!("{id}-description"));
        for o in c.options {
            ids.insert(format!("{id}-{}", o.name));
            ids.insert(format!("{id}-{}-description", o.name));
        }
    }
    ids
}

/// Every language besides English: the commands' names, and every message of the reference.
const FULL: &[&str] = &["de", "fr", "cs", "uk", "zh-CN"];

#[test]
fn every_language_has_every_message_and_no_other() {
    let mut wanted = wanted();
    let english: Vec<String> = i18n::ids("en-GB");
    let reference: BTreeSet<String> = english.iter().cloned().collect();
    assert_eq!(reference.len(), english.len(), "en-GB: a message defined twice");
    assert!(reference.len() > 150, "the reference holds the replies: {}", reference.len());
    wanted.extend(reference.iter().cloned());
    let languages: Vec<&str> = i18n::translated().collect();
    assert_eq!(languages, vec!["en-US", "de", "fr", "cs", "uk", "zh-CN"]);
    for &locale in FULL {
        let ids: Vec<String> = i18n::ids(locale);
        let have: BTreeSet<String> = ids.iter().cloned().collect();
        assert_eq!(have.len(), ids.len(), "{locale}: a message defined twice");
        let missing: Vec<_> = wanted.difference(&have).collect();
        let unused: Vec<_> = have.difference(&wanted).collect();
        assert!(missing.is_empty() && unused.is_empty(), "{locale}: missing {missing:?}, unused {unused:?}");
        for id in &reference {
            assert_eq!(
                i18n::variables(locale, id),
                i18n::variables("en-GB", id),
                "{locale}: {id} uses other variables than English"
            );
        }
        assert!(!i18n::source(locale).unwrap().contains("POSSESSIVE"), "{locale}: POSSESSIVE is English only");
    }
    // American English spells only some words otherwise: each is a message of the reference.
    let us: BTreeSet<String> = i18n::ids("en-US").into_iter().collect();
    assert!(us.is_subset(&reference), "en-US: {:?} are not English messages", us.difference(&reference));
    for id in &us {
        assert_eq!(i18n::variables("en-US", id), i18n::variables("en-GB", id), "en-US: {id}");
    }
}

#[test]
fn every_message_the_code_asks_for_exists_and_every_english_one_is_used() {
    // The ids the code names: string literals that are messages of the reference.
    let english: BTreeSet<String> = i18n::ids("en-GB").into_iter().collect();
    let mut sources = String::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let used = |id: &str| sources.contains(&format!("\"{id}\""));
    let unused: Vec<&String> = english.iter().filter(|id| !used(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    // And the other way: every "some-message" id passed to the translators exists.
    let mut asked = BTreeSet::new();
    for call in ["t(\"", "rich(\"", "refused(\""] {
        // A call of that name, not the end of another's (`args.int("remind-days")`).
        let calls = sources
            .match_indices(call)
            .filter(|(i, _)| !sources[..*i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_'));
        for piece in calls.map(|(i, _)| &sources[i + call.len()..]) {
            if let Some(id) = piece.split('"').next() {
                if id.contains('-') && id.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                    asked.insert(id.to_string());
                }
            }
        }
    }
    let missing: Vec<&String> = asked.iter().filter(|id| !english.contains(*id)).collect();
    assert!(missing.is_empty(), "messages the code asks for that English lacks: {missing:?}");
}

/// The variables the code passes a date to (see `phrases::date_value`): a message may select on
/// `PRECISION()` of them and write them with `GENITIVE()`.
const DATES: &[&str] = &["since", "date", "updated", "month"];

#[test]
fn every_language_formats_every_message_with_sample_values() {
    use twinbot::core::i18n::{Arg, DateValue, Precision};
    for l in i18n::all() {
        for id in i18n::ids("en-GB") {
            // Every date at each precision: each language words each case itself.
            for precision in [Precision::Day, Precision::Month, Precision::Year] {
                let args: Vec<(String, Arg)> = i18n::variables("en-GB", &id)
                    .into_iter()
                    .map(|v| {
                        let value =
                            if ["count", "n", "attempts", "max", "length", "limit", "diff"].contains(&v.as_str()) {
                                Arg::Num(3)
                            } else if DATES.contains(&v.as_str()) {
                                let text = format!("<{v} {}>", precision.as_str());
                                Arg::Date(DateValue { precision, genitive: format!("{text} after"), text })
                            } else {
                                Arg::Str(format!("<{v}>"))
                            };
                        (v, value)
                    })
                    .collect();
                let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                // In the language's own file, without an error: a language's mistake is not
                // hidden by English (American English has only some messages of its own).
                let text = if l.has(&id) {
                    l.t_own(&id, &args).unwrap_or_else(|| panic!("{}: {id} does not format: {args:?}", l.code))
                } else {
                    l.t(&id, &args)
                };
                assert!(!text.trim().is_empty() && text != id, "{}: {id} does not format", l.code);
                for (name, value) in &args {
                    match value {
                        Arg::Str(s) => assert!(text.contains(s.as_str()), "{}: {id} drops ${name}: {text}", l.code),
                        Arg::Date(d) => assert!(text.contains(&d.text), "{}: {id} drops ${name}: {text}", l.code),
                        Arg::Num(_) => {}
                    }
                }
                assert!(
                    !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                    "{}: {id} has isolation marks",
                    l.code
                );
            }
        }
    }
}

/// Discord's rules for a localised name (its documentation's "Application Command Naming",
/// `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`): lower case where the script has case, at
/// most 32 characters, letters, digits, `-`, `_` and the apostrophe `'` (French "jusqu'en") only.
fn discord_name(s: &str) -> bool {
    let n = s.chars().count();
    (1..=32).contains(&n)
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '\''))
        && s.chars().all(|c| !c.is_uppercase())
}

#[test]
fn the_name_rule_is_discords() {
    for ok in ["jusqu'en", "ville-d'attache", "partner", "město", "合作伙伴", "a_b", "x".repeat(32).as_str()] {
        assert!(discord_name(ok), "{ok:?}");
    }
    // The typographic apostrophe is not the one Discord takes; no spaces, capitals or dots.
    for bad in ["jusqu\u{2019}en", "Partner", "a b", "a.b", "", "x".repeat(33).as_str()] {
        assert!(!discord_name(bad), "{bad:?}");
    }
}

#[test]
fn names_and_descriptions_keep_to_discords_limits() {
    for &locale in FULL {
        let t = |id: &str| i18n::message(locale, id).unwrap();
        let mut names = BTreeSet::new();
        for c in registry() {
            let name = t(c.name);
            assert!(discord_name(&name), "{locale}: /{name}");
            assert!(names.insert(name.clone()), "{locale}: two commands called {name}");
            let mut total = 0;
            let mut subcommands = BTreeSet::new();
            for sub in c.subcommands {
                let sub_name = t(&message_id(sub.name));
                assert!(discord_name(&sub_name), "{locale}: /{name} {sub_name}");
                assert!(subcommands.insert(sub_name.clone()), "{locale}: /{name} has two {sub_name}");
            }
            for c in std::iter::once(c).chain(c.subcommands) {
                let id = message_id(c.name);
                let description = t(&format!("{id}-description"));
                assert!((1..=100).contains(&description.chars().count()), "{locale}: {description}");
                total += t(&id).chars().count() + description.chars().count();
                let mut options = BTreeSet::new();
                for o in c.options {
                    let oname = t(&format!("{id}-{}", o.name));
                    let odesc = t(&format!("{id}-{}-description", o.name));
                    assert!(discord_name(&oname), "{locale}: /{name} {oname}");
                    assert!(options.insert(oname.clone()), "{locale}: /{name} has two options called {oname}");
                    assert!(
                        (1..=100).contains(&odesc.chars().count()),
                        "{locale}: /{name} {oname}: {} chars",
                        odesc.chars().count()
                    );
                    total += oname.chars().count() + odesc.chars().count();
                }
            }
            assert!(total <= 4000, "{locale}: /{name} is {total} characters");
        }
    }
}

#[test]
fn the_registration_carries_every_language() {
    let json = twinbot::discord::commands_json();
    let partner = json.as_array().unwrap().iter().find(|c| c["name"] == "partner").unwrap();
    assert_eq!(partner["name_localizations"]["de"], "partnerstadt");
    assert_eq!(partner["name_localizations"]["zh-CN"], "友好城市");
    assert_eq!(partner["description_localizations"]["fr"], "Tout sur une ville partenaire");
    assert_eq!(partner["options"][0]["name_localizations"]["uk"], "місто");
    let settings = json.as_array().unwrap().iter().find(|c| c["name"] == "anniversary-settings").unwrap();
    let channel = settings["options"].as_array().unwrap().iter().find(|o| o["name"] == "channel").unwrap();
    assert_eq!(channel["name_localizations"]["fr"], "salon", "the word the French client uses");
    for c in json.as_array().unwrap() {
        assert_eq!(c["name_localizations"].as_object().map(|m| m.len()), Some(5), "{}", c["name"]);
    }
}
