//! The things of the data model in words, in any language the bot speaks: dates at their
//! precision, link kinds, countries, home cities and a partner's texts with their translations.
//! Dates, lists and country names come from CLDR (through `i18n`); the words from the Fluent
//! files. No other module spells these out.

use crate::core::data::{Directory, Home, LinkKind, PartialDate, Partner};
use crate::core::i18n::{DateValue, Lang, Precision};

/// A date at the precision it is known: "2 June 1969", "July 1966", "1968" (each language's
/// CLDR long forms: "2. Juni 1969", "Juli 1966").
pub fn date(l: Lang, d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => l.day(d.year, m, day),
        (Some(m), None) => l.month(d.year, m),
        _ => l.year(d.year),
    }
}

/// A date as a message takes it: [`date`]'s words, its precision and its form after a
/// preposition, for each language to word "since 2 June 1969", "seit Juni 2014", "od roku
/// 1960" itself (see [`DateValue`]). Every date passed to a message is passed so.
pub fn date_value(l: Lang, d: &PartialDate) -> DateValue {
    let text = date(l, d);
    match (d.month, d.day) {
        (Some(_), Some(_)) => DateValue { precision: Precision::Day, genitive: text.clone(), text },
        (Some(m), None) => DateValue { precision: Precision::Month, genitive: l.month_genitive(d.year, m), text },
        _ => DateValue { precision: Precision::Year, genitive: text.clone(), text },
    }
}

/// A date in a shorter form, for timelines: "2 Jun 1969", "02.06.1969"; a month or a year as
/// [`date`] writes it.
pub fn short_date(l: Lang, d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => l.short_day(d.year, m, day),
        (Some(m), None) => l.short_month(d.year, m),
        _ => date(l, d),
    }
}

/// "suspended since 31 March 2022".
pub fn suspended_since(l: Lang, day: chrono::NaiveDate) -> String {
    l.t("suspended-since", &[("date", date_value(l, &PartialDate::from(day)).into())])
}

/// The kind of link, as a noun: "twinning", "Städtepartnerschaft", "jumelage".
pub fn link_kind(l: Lang, kind: LinkKind) -> String {
    l.t(
        match kind {
            LinkKind::Twinning => "kind-twinning",
            LinkKind::Partnership => "kind-partnership",
            LinkKind::Friendship => "kind-friendship",
        },
        &[],
    )
}

/// A partner's country in the language: CLDR's name for its code ("Deutschland"), else the
/// data file's own name.
pub fn country(l: Lang, p: &Partner) -> String {
    country_of(l, &p.country_code, &p.country)
}

/// A country's name in the language from its code, else `fallback`.
pub fn country_of(l: Lang, code: &str, fallback: &str) -> String {
    if l.code == crate::core::i18n::DEFAULT {
        // The data file's English is the maintainers' own choice ("United Kingdom").
        return fallback.to_string();
    }
    l.country(code).map_or_else(|| fallback.to_string(), str::to_string)
}

/// The home cities of a directory, for display: "Leeds", or "Leeds and York".
pub fn home_names(l: Lang, dir: &Directory) -> String {
    l.and_list(&dir.homes.iter().map(|h| h.name_in(l)).collect::<Vec<_>>())
}

/// A partner's texts in a language: its translation where the data file has one, else the
/// file's own language, with `fallback` set so the reply can say so discreetly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts<'a> {
    pub summary: &'a str,
    pub roots: Option<&'a str>,
    pub areas: &'a [String],
    pub notes: Option<&'a str>,
    /// The community groups' lines.
    pub groups: &'a [String],
    /// The milestones' texts, in the milestones' order.
    pub timeline: Vec<&'a str>,
    /// Whether any of them is in the file's own language because no translation was written.
    pub fallback: bool,
}

/// The texts of a partner in a language.
pub fn texts<'a>(l: Lang, home: &Home, p: &'a Partner) -> Texts<'a> {
    let own = home.language.as_str() == l.code || same_language(&home.language, l.code);
    let tr = if own { None } else { p.translations.iter().find(|t| t.locale == l.code) };
    let mut fallback = !own && tr.is_none();
    let summary = tr.and_then(|t| t.summary.as_deref()).unwrap_or(&p.summary);
    let roots = match (&p.roots, tr.and_then(|t| t.roots.as_deref())) {
        (Some(_), Some(r)) => Some(r),
        (r, _) => r.as_deref(),
    };
    let areas = match tr.and_then(|t| t.areas.as_deref()) {
        Some(a) => a,
        None => &p.areas,
    };
    let groups = match tr.and_then(|t| t.groups.as_deref()) {
        Some(g) => g,
        None => &p.groups,
    };
    let notes = match (&p.notes, tr.and_then(|t| t.notes.as_deref())) {
        (Some(_), Some(n)) => Some(n),
        (n, _) => n.as_deref(),
    };
    if let Some(t) = tr {
        fallback |= t.summary.is_none()
            || (p.roots.is_some() && t.roots.is_none())
            || (!p.areas.is_empty() && t.areas.is_none())
            || (!p.groups.is_empty() && t.groups.is_none())
            || (p.notes.is_some() && t.notes.is_none());
    }
    let timeline = p
        .milestones
        .iter()
        .map(|m| match m.translations.iter().find(|(loc, _)| loc == l.code) {
            Some((_, text)) if !own => text.as_str(),
            _ => {
                if !own {
                    fallback = true;
                }
                m.text.as_str()
            }
        })
        .collect();
    Texts { summary, roots, areas, notes, groups, timeline, fallback }
}

/// en-GB and en-US are one language for the data's texts.
fn same_language(a: &str, b: &str) -> bool {
    a.split('-').next() == b.split('-').next() && a.starts_with("en")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{default, lang};

    #[test]
    fn partial_dates_display_at_their_precision() {
        let l = default();
        assert_eq!(date(l, &PartialDate { year: 1969, month: Some(6), day: Some(2) }), "2 June 1969");
        assert_eq!(date(l, &PartialDate { year: 1966, month: Some(7), day: None }), "July 1966");
        assert_eq!(date(l, &PartialDate::year(1968)), "1968");
        assert_eq!(short_date(l, &PartialDate { year: 1969, month: Some(6), day: Some(2) }), "2 Jun 1969");
        let zh = lang("zh-CN").unwrap();
        assert_eq!(date(zh, &PartialDate { year: 1969, month: Some(6), day: Some(2) }), "1969年6月2日");
    }

    /// A date passed to a message carries its precision and its form after a preposition, and
    /// each language words a month-only and a year-only date itself.
    #[test]
    fn dates_after_a_preposition_in_every_language() {
        let cs = lang("cs").unwrap();
        let june = PartialDate { year: 2014, month: Some(6), day: None };
        let d = date_value(cs, &june);
        assert_eq!(
            (d.precision, d.text.as_str(), d.genitive.as_str()),
            (Precision::Month, "červen 2014", "června 2014")
        );
        let d = date_value(cs, &PartialDate::year(2003));
        assert_eq!((d.precision, d.text.as_str(), d.genitive.as_str()), (Precision::Year, "2003", "2003"));
        let first = PartialDate { year: 1974, month: Some(4), day: Some(1) };
        let link = |code: &str, since: &PartialDate| {
            let l = lang(code).unwrap();
            l.t(
                "partner-own-link",
                &[
                    ("name", "Siegen".into()),
                    ("kind", link_kind(l, LinkKind::Twinning).into()),
                    ("since", date_value(l, since).into()),
                ],
            )
            .replace(['\u{a0}', '\u{202f}'], " ")
        };
        let year = PartialDate::year(1960);
        let table = [
            ("en-GB", ["since 1 April 1974", "since June 2014", "since 1960"]),
            ("en-US", ["since April 1, 1974", "since June 2014", "since 1960"]),
            ("de", ["seit dem 1. April 1974", "seit Juni 2014", "seit 1960"]),
            ("fr", ["depuis le 1er avril 1974", "depuis juin 2014", "depuis 1960"]),
            ("cs", ["od 1. dubna 1974", "od června 2014", "od roku 1960"]),
            ("uk", ["з 1 квітня 1974 р.", "з червня 2014 р.", "з 1960 р."]),
            ("zh-CN", ["始于1974年4月1日", "始于2014年6月", "始于1960年"]),
        ];
        for (code, wants) in table {
            for (since, want) in [&first, &june, &year].into_iter().zip(wants) {
                let got = link(code, since);
                assert!(got.contains(want), "{code}: {want:?} in {got:?}");
            }
        }
    }

    #[test]
    fn ordinals_in_every_language() {
        let en: Vec<String> =
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 60, 101, 111, 112].map(|n| default().ordinal(n)).to_vec();
        assert_eq!(
            en,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "60th", "101st", "111th",
                "112th"
            ]
        );
        let sixtieth: Vec<String> =
            ["de", "fr", "cs", "uk", "zh-CN"].iter().map(|l| lang(l).unwrap().ordinal(60)).collect();
        assert_eq!(sixtieth, ["60.", "60e", "60.", "60-та", "60"], "Chinese writes 60周年, not 第60周年");
        assert_eq!(lang("fr").unwrap().ordinal(1), "1er");
    }

    #[test]
    fn possessives_and_lists() {
        let l = default();
        assert_eq!(l.and_list(&["Leeds"]), "Leeds");
        assert_eq!(l.and_list(&["Leeds", "York", "Lille"]), "Leeds, York and Lille");
        let title = |home: &str| l.t("partners-title", &[("home", home.into()), ("count", 7.into())]);
        assert_eq!(title("Leeds"), "Leeds' partner cities (7)");
        assert_eq!(title("York"), "York's partner cities (7)");
    }
}
