//! The bot's English for the things of the data model, one function per phrase: ordinals,
//! possessives, link kinds, dates and lists. A translation replaces these functions' bodies and
//! nothing else; no other module spells these out.

use crate::core::data::{Directory, LinkKind, PartialDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month, 1-based: "June".
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// A date at the precision it is known: "2 June 1969", "July 1966", "1968".
pub fn date(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", month_name(m), d.year),
        (Some(m), None) => format!("{} {}", month_name(m), d.year),
        _ => d.year.to_string(),
    }
}

/// A date with the month shortened, for timelines: "2 Jun 1969", "Jul 1966", "1968".
pub fn short_date(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", &month_name(m)[..3], d.year),
        (Some(m), None) => format!("{} {}", &month_name(m)[..3], d.year),
        _ => d.year.to_string(),
    }
}

/// "suspended since 31 March 2022".
pub fn suspended_since(day: chrono::NaiveDate) -> String {
    format!("suspended since {}", date(&PartialDate::from(day)))
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st", "112th".
pub fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Leeds'" or "York's".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The kind of link, as a noun: "twinning", "partnership", "friendship".
pub fn link_kind(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Twinning => "twinning",
        LinkKind::Partnership => "partnership",
        LinkKind::Friendship => "friendship",
    }
}

/// Names joined as a list: "Leeds", "Leeds and York", "Leeds, York and Lille".
pub fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// The home cities of a directory, for display: "Leeds", or "Leeds and York".
pub fn home_names(dir: &Directory) -> String {
    and_list(&dir.homes.iter().map(|h| h.name.as_str()).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_display_at_their_precision() {
        assert_eq!(date(&PartialDate { year: 1969, month: Some(6), day: Some(2) }), "2 June 1969");
        assert_eq!(date(&PartialDate { year: 1966, month: Some(7), day: None }), "July 1966");
        assert_eq!(date(&PartialDate::year(1968)), "1968");
        assert_eq!(short_date(&PartialDate { year: 1969, month: Some(6), day: Some(2) }), "2 Jun 1969");
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 60, 101, 111, 112].map(ordinal).to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "60th", "101st", "111th",
                "112th"
            ]
        );
    }

    #[test]
    fn lists_and_possessives() {
        assert_eq!(and_list(&["Leeds"]), "Leeds");
        assert_eq!(and_list(&["Leeds", "York", "Lille"]), "Leeds, York and Lille");
        assert_eq!((possessive("Leeds"), possessive("York")), ("Leeds'".to_string(), "York's".to_string()));
    }
}
