//! The partnerships' anniversaries as an iCalendar file (RFC 5545), for moderators' calendar apps:
//! `twinbot calendar`, `/anniversaries calendar:true` and the HTTP server's subscription feed.
//!
//! One all-day event per anniversary. Its UID names the partnership and the year, so importing
//! the file again, or a subscription refreshing, updates events instead of adding copies. An
//! anniversary known only to the month is shown on the month's first day, and one known only to
//! the year on 1 January, each saying so. Suspended partnerships are left out, as they are from
//! the posts.
//!
//! Written by hand rather than with a crate: the format is small, and the details calendar apps
//! are strict about are kept here and tested: CRLF line ends, lines folded at 75 octets without
//! splitting a character, and text escaped.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::anniversaries::dates::{for_year, Anniversary};
use crate::core::data::Directory;
use crate::core::i18n::Lang;
use crate::core::phrases::{date_value, home_names, link_kind, texts};
use crate::core::text::fold_spaced;

/// How many octets a line may have, without its line break (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// The last day an anniversary known to the month may fall on (the month's last day); for the
/// others, the day they are shown on.
fn last_day(a: &Anniversary) -> NaiveDate {
    match (a.when.month, a.when.day) {
        (Some(m), None) => {
            let y = a.when.year;
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
            next.and_then(|d| d.pred_opt()).unwrap_or(a.first_day())
        }
        _ => a.first_day(),
    }
}

/// The anniversaries that fall from `from` to `to` (inclusive), in calendar order, suspended links
/// left out: one known only to the month counts while its month overlaps the range (this month's,
/// in a feed from today); one known only to the year, on 1 January.
pub fn anniversaries(dir: &Directory, from: NaiveDate, to: NaiveDate) -> Vec<Anniversary> {
    let mut out: Vec<Anniversary> = (from.year()..=to.year())
        .flat_map(|year| for_year(dir, year))
        .filter(|a| dir.partners[a.partner].suspended.is_none())
        .filter(|a| a.first_day() <= to && last_day(a) >= from)
        .collect();
    out.sort_by_key(|a| (a.first_day(), a.partner));
    out
}

/// A name as it appears in a web address or identifier: folded to lower-case ASCII letters and
/// digits, words joined by hyphens ("Leeds" → "leeds", "Saint-Étienne" → "saint-etienne").
pub fn slug(s: &str) -> String {
    fold_spaced(s).replace(' ', "-")
}

/// The home city whose feed is `name` (its [`slug`]), as an index into `dir.homes`.
pub fn feed_home(dir: &Directory, name: &str) -> Option<usize> {
    dir.homes.iter().position(|h| slug(&h.name) == name)
}

/// A stable identifier for a partnership's anniversary in a year:
/// `2029-leeds-dortmund-de@twinbot`.
pub fn uid(dir: &Directory, a: &Anniversary) -> String {
    let p = &dir.partners[a.partner];
    format!(
        "{}-{}-{}-{}@twinbot",
        a.when.year,
        slug(&dir.home_of(p).name),
        slug(&p.name),
        p.country_code.to_ascii_lowercase()
    )
}

/// The calendar of the anniversaries from `from` to `to`, in language `l`; `stamp` is when it
/// was made (each event's DTSTAMP). None when there are none: a calendar must hold at least one
/// event (RFC 5545), and some apps refuse an empty file.
pub fn ics(dir: &Directory, l: Lang, from: NaiveDate, to: NaiveDate, stamp: DateTime<Utc>) -> Option<String> {
    let events = anniversaries(dir, from, to);
    if events.is_empty() {
        return None;
    }
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let name = l.t("calendar-name", &[("home", home_names(l, dir).into())]);
    let language = l.code;
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//twinbot//twinbot {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("NAME:{}", escape(&name)),
        format!("X-WR-CALNAME:{}", escape(&name)),
        // How often a subscription should look again (RFC 7986, and Outlook's own property).
        "REFRESH-INTERVAL;VALUE=DURATION:P1D".to_string(),
        "X-PUBLISHED-TTL:P1D".to_string(),
    ] {
        push_line(&mut out, &line);
    }
    for a in events {
        let p = &dir.partners[a.partner];
        let home = dir.home_of(p);
        let day = a.first_day();
        let mut summary = l.t(
            "calendar-summary",
            &[
                ("partner", p.name_in(l).into()),
                ("ordinal", l.ordinal(a.number).into()),
                ("kind", link_kind(l, p.kind).into()),
                ("home", home.name_in(l).into()),
            ],
        );
        if a.milestone {
            summary.push_str(" ★");
        }
        let (description, fallback) = description(l, dir, &a);
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", uid(dir, &a)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", day.succ_opt().unwrap_or(day).format("%Y%m%d")),
            format!("SUMMARY;LANGUAGE={language}:{}", escape(&summary)),
            // In one language only when the partnership's summary is translated too.
            match fallback {
                false => format!("DESCRIPTION;LANGUAGE={language}:{}", escape(&description)),
                true => format!("DESCRIPTION:{}", escape(&description)),
            },
            // A day to remember, not time taken: free/busy stays free.
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            push_line(&mut out, &line);
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    Some(out)
}

/// What an anniversary's calendar event (and its Discord event) says: when it falls and since
/// when, what is not known of its day, the partnership's summary, and its first source; and
/// whether the summary is in the data's own language for want of a translation.
pub fn description(l: Lang, dir: &Directory, a: &Anniversary) -> (String, bool) {
    let p = &dir.partners[a.partner];
    let home = dir.home_of(p);
    let mut lines = vec![l.t(
        "anniversary-when",
        &[
            ("date", date_value(l, &a.when).into()),
            ("kind", link_kind(l, p.kind).into()),
            ("since", date_value(l, &p.since).into()),
        ],
    )];
    match (a.when.month, a.when.day) {
        (Some(_), Some(_)) => {}
        (Some(_), None) => lines.push(l.t("calendar-day-unknown", &[("month", date_value(l, &a.when).into())])),
        _ => lines.push(l.t("calendar-month-unknown", &[("year", a.when.year.to_string().into())])),
    }
    lines.push(String::new());
    let texts = texts(l, home, p);
    lines.push(texts.summary.to_string());
    if let Some(source) = p.sources.first() {
        lines.push(String::new());
        lines.push(l.t("calendar-source", &[("url", source.clone().into())]));
    }
    (lines.join("\n"), texts.fallback)
}

/// A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded (RFC 5545, 3.1): at most 75 octets a line, a continuation
/// starting with one space, never splitting a character; each line ends with CRLF. A line is
/// never broken next to a blank: some readers trim the blanks around a fold, not just the one
/// space that marks it.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut end = room;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        // The last place at or before `end` with no blank on either side, in the line's second
        // half; where there is none (text of one-letter words), `end`. Any white space counts, not
        // just space and tab: readers trim with Unicode's notion (no-break and ideographic spaces,
        // line separators too), so a fold beside one would lose it.
        let blank = |c: Option<char>| c.is_some_and(char::is_whitespace);
        let cut = std::iter::once(end)
            .chain(rest[..end].char_indices().rev().map(|(i, _)| i))
            .take_while(|&i| i >= room / 2)
            .find(|&i| !blank(rest[..i].chars().next_back()) && !blank(rest[i..].chars().next()))
            .unwrap_or(end);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("DESCRIPTION:{}", "Partnerství měst Leeds–Brno, 杭州 ".repeat(9).trim_end());
        // Blanks where a fold would fall: the fold moves before them.
        let spaced = format!("SUMMARY:{}", "twinning anniversary ".repeat(12).trim_end());
        let mut folded = String::new();
        push_line(&mut folded, &spaced);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75 && !l.starts_with("  ") && !l.ends_with(' ')), "{folded:?}");
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), spaced);
        push_line(&mut out, &text);
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 3, "{lines:?}");
        for (i, line) in lines.iter().enumerate() {
            assert!(line.len() <= 75, "line {i} has {} octets", line.len());
            assert_eq!(line.starts_with(' '), i > 0, "line {i}: {line:?}");
            assert!(!line.starts_with("  ") && !line.ends_with(' '), "a fold next to a blank: {line:?}");
        }
        // Unfolding (removing each CRLF and the space after it) gives the line back.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), text);
        // A line of exactly 75 octets is not folded.
        let mut exact = String::new();
        push_line(&mut exact, &"x".repeat(75));
        assert_eq!(exact, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
    }
}
