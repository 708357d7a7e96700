//! Translations of the commands: every language names and describes every command and option,
//! within Discord's rules, and nothing else; the registration carries them.

use std::collections::BTreeSet;

use twinbot::commands::registry;
use twinbot::core::i18n;

/// The messages the registry asks of every language.
fn wanted() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for c in registry() {
        ids.insert(c.name.to_string());
        ids.insert(format!("{}-description", c.name));
        for o in c.options {
            ids.insert(format!("{}-{}", c.name, o.name));
            ids.insert(format!("{}-{}-description", c.name, o.name));
        }
    }
    ids
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let wanted = wanted();
    let languages: Vec<&str> = i18n::translated().collect();
    assert_eq!(languages, vec!["de", "fr", "cs", "uk", "zh-CN"]);
    for locale in languages {
        let ids: Vec<String> = i18n::ids(locale);
        let have: BTreeSet<String> = ids.iter().cloned().collect();
        assert_eq!(have.len(), ids.len(), "{locale}: a message defined twice");
        let missing: Vec<_> = wanted.difference(&have).collect();
        let unused: Vec<_> = have.difference(&wanted).collect();
        assert!(missing.is_empty() && unused.is_empty(), "{locale}: missing {missing:?}, unused {unused:?}");
        for id in &wanted {
            let text = i18n::message(locale, id).unwrap_or_else(|| panic!("{locale}: {id} does not format"));
            assert!(!text.trim().is_empty(), "{locale}: {id} is empty");
        }
    }
}

/// Discord's rules for a localised name: lower case where the script has case, at most 32
/// characters, letters, digits, `-` and `_` only.
fn discord_name(s: &str) -> bool {
    let n = s.chars().count();
    (1..=32).contains(&n)
        && s.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && s.chars().all(|c| !c.is_uppercase())
}

#[test]
fn names_and_descriptions_keep_to_discords_limits() {
    for locale in i18n::translated() {
        let t = |id: &str| i18n::message(locale, id).unwrap();
        let mut names = BTreeSet::new();
        for c in registry() {
            let name = t(c.name);
            assert!(discord_name(&name), "{locale}: /{name}");
            assert!(names.insert(name.clone()), "{locale}: two commands called {name}");
            let description = t(&format!("{}-description", c.name));
            assert!((1..=100).contains(&description.chars().count()), "{locale}: {description}");
            let mut total = name.chars().count() + description.chars().count();
            let mut options = BTreeSet::new();
            for o in c.options {
                let oname = t(&format!("{}-{}", c.name, o.name));
                let odesc = t(&format!("{}-{}-description", c.name, o.name));
                assert!(discord_name(&oname), "{locale}: /{name} {oname}");
                assert!(options.insert(oname.clone()), "{locale}: /{name} has two options called {oname}");
                assert!(
                    (1..=100).contains(&odesc.chars().count()),
                    "{locale}: /{name} {oname}: {} chars",
                    odesc.chars().count()
                );
                total += oname.chars().count() + odesc.chars().count();
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
