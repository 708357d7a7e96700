//! The bot's languages: Project Fluent files, one per language in `locales/<locale>/twinbot.ftl`,
//! embedded in the binary. English (en-GB) is the bot's own language and the default; the others
//! are Discord's locale codes.
//!
//! Fluent wraps each inserted value in Unicode isolation marks (U+2068, U+2069) for
//! right-to-left text; they are turned off here, because Discord shows them as stray characters
//! in names and embeds, and none of these languages is written right to left.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

/// The languages twinbot speaks, as Discord names them; the first is the default.
pub const LOCALES: &[&str] = &["en-GB", "en-US", "de", "fr", "cs", "uk", "zh-CN"];

/// The default language.
pub const DEFAULT: &str = "en-GB";

/// The translation files: (locale, Fluent source). English needs none for the commands: the
/// registry's own words are English.
pub const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../../locales/de/twinbot.ftl")),
    ("fr", include_str!("../../locales/fr/twinbot.ftl")),
    ("cs", include_str!("../../locales/cs/twinbot.ftl")),
    ("uk", include_str!("../../locales/uk/twinbot.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN/twinbot.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// Why a translation file could not be read (a test keeps the shipped ones valid).
pub fn parse(locale: &str, source: &str) -> Result<Bundle, String> {
    let id: LanguageIdentifier = locale.parse().map_err(|e| format!("{locale}: not a locale: {e}"))?;
    let resource = FluentResource::try_new(source.to_string())
        .map_err(|(_, errors)| format!("{locale}: {} syntax error(s): {errors:?}", errors.len()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).map_err(|errors| format!("{locale}: {errors:?}"))?;
    Ok(bundle)
}

static BUNDLES: LazyLock<Vec<(&'static str, Bundle)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(locale, source)| (*locale, parse(locale, source).expect("the shipped translations are valid")))
        .collect()
});

/// A message without arguments in a language, if that language has it.
pub fn message(locale: &str, id: &str) -> Option<String> {
    let (_, bundle) = BUNDLES.iter().find(|(l, _)| *l == locale)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The languages with a translation file, in the order of [`FILES`].
pub fn translated() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(l, _)| *l)
}

/// Every message id a language's file defines.
pub fn ids(locale: &str) -> Vec<String> {
    let Some((_, source)) = FILES.iter().find(|(l, _)| *l == locale) else { return Vec::new() };
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next())
        .map(|k| k.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_reads_without_isolation_marks() {
        for (locale, source) in FILES {
            parse(locale, source).unwrap();
            assert!(LOCALES.contains(locale), "{locale}");
        }
        assert_eq!(message("de", "partner").as_deref(), Some("partnerstadt"));
        let fr = message("fr", "anniversary-settings-template-description").unwrap();
        assert!(fr.contains("{partner}") && !fr.contains('\u{2068}'), "{fr}");
        assert_eq!(message("de", "no-such-message"), None);
        assert_eq!(message("pt-BR", "partner"), None, "not a language twinbot speaks");
    }
}
