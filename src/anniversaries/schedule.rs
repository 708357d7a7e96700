//! When anniversary posts go out: a partnership with an exact date on that date, one known to
//! the month on the 1st of that month, and those known only to the year together in an annual
//! digest on a configurable day; always at a local time of day in an IANA timezone, DST and all.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use crate::anniversaries::dates::{in_year, Anniversary};
use crate::anniversaries::lines::brief;
use crate::core::data::Directory;
use crate::core::i18n::Lang;
use crate::core::phrases::date_value;

/// Where and when posts are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub tz: Tz,
    /// Local time of day.
    pub at: NaiveTime,
    /// Month and day of the annual digest of anniversaries known only to the year.
    pub digest: (u32, u32),
}

/// A time of day in 24-hour time: `18:30`, `9:00`, or `18.30` as many write it (the rule is
/// `crate::state`'s).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    // Minutes in two digits: "18.3" is more likely half past six than 18:03.
    let (h, m) = s.trim().split_once([':', '.'])?;
    let digits =
        |t: &str, n: std::ops::RangeInclusive<usize>| n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A day of the year as MM-DD (`01-01`, `02-29`): (month, day) (the rule is `crate::state`'s).
pub fn parse_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.trim().split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

impl Default for Timing {
    fn default() -> Self {
        Timing { tz: chrono_tz::Europe::London, at: NaiveTime::from_hms_opt(9, 0, 0).unwrap(), digest: (1, 1) }
    }
}

/// One post that falls due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The local day it is posted.
    pub day: NaiveDate,
    /// The instant it is posted.
    pub due: DateTime<Utc>,
    pub kind: PostKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostKind {
    /// One partnership's anniversary (known to the day or the month).
    Anniversary(Anniversary),
    /// The year's anniversaries known only to the year.
    Digest { year: i32, anniversaries: Vec<Anniversary> },
    /// A reminder to the moderators, `days` before an anniversary's post.
    Reminder { anniversary: Anniversary, days: u32 },
}

/// The instant a local date and time means in `tz`. A time skipped by a DST change moves forward
/// by the gap (01:30 on London's spring-forward night is 02:30 BST); a repeated one takes the
/// first.
pub fn local_instant(tz: Tz, day: NaiveDate, at: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(at);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // Inside a spring-forward gap: read the time with the offset in force just before it,
            // which lands the same distance past the change (01:30 in London becomes 02:30 BST).
            let before = tz.from_local_datetime(&(local - chrono::Duration::hours(6))).earliest();
            let offset = before.map_or(0, |b| b.offset().fix().local_minus_utc());
            Utc.from_utc_datetime(&(local - chrono::Duration::seconds(i64::from(offset))))
        }
    }
}

/// The day a digest is posted in `year` (29 February falls back to 28 February).
fn digest_day(year: i32, (month, day): (u32, u32)) -> Option<NaiveDate> {
    crate::anniversaries::dates::occurrence(month, day, year)
}

/// Every post due on a local day from `from` to `to` inclusive, in order. Suspended links have
/// none.
pub fn posts(dir: &Directory, timing: &Timing, from: NaiveDate, to: NaiveDate) -> Vec<Post> {
    let mut out = Vec::new();
    let mirror = dir.mirrors();
    for year in from.year()..=to.year() {
        let mut year_only = Vec::new();
        for (i, p) in dir.partners.iter().enumerate() {
            // A link listed from both sides is posted once, from the first home's side.
            if mirror[i] {
                continue;
            }
            // A suspended link's anniversaries are not celebrated in public.
            if p.suspended.is_some() {
                continue;
            }
            let Some(a) = in_year(i, &p.since, year) else { continue };
            if a.when.month.is_none() {
                year_only.push(a);
                continue;
            }
            let day = a.first_day();
            if day >= from && day <= to {
                out.push(Post { day, due: local_instant(timing.tz, day, timing.at), kind: PostKind::Anniversary(a) });
            }
        }
        if let Some(day) = digest_day(year, timing.digest) {
            if !year_only.is_empty() && day >= from && day <= to {
                year_only.sort_by(|a, b| dir.partners[a.partner].name.cmp(&dir.partners[b.partner].name));
                out.push(Post {
                    day,
                    due: local_instant(timing.tz, day, timing.at),
                    kind: PostKind::Digest { year, anniversaries: year_only },
                });
            }
        }
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| describe_kind(dir, a).cmp(&describe_kind(dir, b))));
    out
}

/// Every advance reminder due on a local day from `from` to `to` inclusive: `days` before each
/// anniversary that has a post of its own (known to the day, or to the month: its 1st), at the
/// posts' local time of day, in order. Suspended links have none; nor have anniversaries known
/// only to the year (they are in the digest).
pub fn reminders(dir: &Directory, timing: &Timing, days: u32, from: NaiveDate, to: NaiveDate) -> Vec<Post> {
    let ahead = chrono::Duration::days(i64::from(days));
    // The anniversaries whose reminders fall in the range are up to `days` after it.
    let mut out: Vec<Post> = posts(dir, timing, from + ahead, to + ahead)
        .into_iter()
        .filter_map(|p| match p.kind {
            PostKind::Anniversary(anniversary) => {
                let day = p.day - ahead;
                let due = local_instant(timing.tz, day, timing.at);
                Some(Post { day, due, kind: PostKind::Reminder { anniversary, days } })
            }
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| describe_kind(dir, a).cmp(&describe_kind(dir, b))));
    out
}

/// The posts (when `with_posts`) and the reminders `remind` days ahead (when some) due on a local
/// day from `from` to `to`, together in order: what a server's poster makes.
pub fn posts_and_reminders(
    dir: &Directory,
    timing: &Timing,
    (with_posts, remind): (bool, Option<u32>),
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Post> {
    let mut out = if with_posts { posts(dir, timing, from, to) } else { Vec::new() };
    if let Some(days) = remind {
        out.extend(reminders(dir, timing, days, from, to));
        out.sort_by_key(|p| p.due);
    }
    out
}

fn describe_kind(dir: &Directory, p: &Post) -> String {
    match &p.kind {
        PostKind::Anniversary(a) => dir.partners[a.partner].name.clone(),
        PostKind::Digest { year, .. } => format!("digest {year}"),
        PostKind::Reminder { anniversary, .. } => format!("reminder {}", dir.partners[anniversary.partner].name),
    }
}

/// A reminder's words: "Dortmund's 60th anniversary is in 30 days (2 June 2029) ★ milestone".
pub fn reminder_line(l: Lang, dir: &Directory, a: &Anniversary, days: u32) -> String {
    let line = l.t(
        "reminder",
        &[
            ("name", dir.partners[a.partner].name_in(l).into()),
            ("ordinal", l.ordinal(a.number).into()),
            ("days", i64::from(days).into()),
            ("date", date_value(l, &a.when).into()),
        ],
    );
    if a.milestone {
        format!("{line} ★ {}", l.t("schedule-milestone", &[]))
    } else {
        line
    }
}

/// One line of the dry run: local time, zone, UTC time, and what is posted.
pub fn describe(l: Lang, dir: &Directory, timing: &Timing, post: &Post) -> String {
    let milestone = l.t("schedule-milestone", &[]);
    let what = match &post.kind {
        PostKind::Anniversary(a) => {
            let line = l.t(
                "schedule-anniversary",
                &[
                    ("name", dir.partners[a.partner].name_in(l).into()),
                    ("ordinal", l.ordinal(a.number).into()),
                    ("date", date_value(l, &a.when).into()),
                ],
            );
            if a.milestone {
                l.t("punctuation-comma", &[("text", line.into()), ("more", milestone.into())])
            } else {
                line
            }
        }
        PostKind::Digest { year, anniversaries } => {
            let names: Vec<String> = anniversaries.iter().map(|a| brief(l, dir, a)).collect();
            l.t("schedule-digest", &[("year", year.to_string().into()), ("names", l.and_list(&names).into())])
        }
        PostKind::Reminder { anniversary, days } => {
            l.t("schedule-reminder", &[("reminder", reminder_line(l, dir, anniversary, *days).into())])
        }
    };
    format!("{}  {what}", moment(timing, post.due))
}

/// A moment as the dry run shows it: local date, time and zone, and the UTC time (with its date
/// when that differs).
pub fn moment(timing: &Timing, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&timing.tz);
    let utc = if t.date_naive() == local.date_naive() {
        t.format("%H:%M").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    };
    format!("{} {} {} = {utc} UTC", local.format("%Y-%m-%d"), local.format("%H:%M"), timing.tz.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn london_is_utc_in_winter_and_one_hour_ahead_in_summer() {
        let london = chrono_tz::Europe::London;
        assert_eq!(local_instant(london, d(2029, 6, 2), t(9, 0)), utc("2029-06-02T08:00:00Z"));
        assert_eq!(local_instant(london, d(2026, 12, 6), t(9, 0)), utc("2026-12-06T09:00:00Z"));
    }

    #[test]
    fn both_dst_transitions() {
        let london = chrono_tz::Europe::London;
        // 29 March 2026: clocks go forward at 01:00 UTC; 01:30 local does not exist.
        assert_eq!(local_instant(london, d(2026, 3, 29), t(9, 0)), utc("2026-03-29T08:00:00Z"));
        assert_eq!(local_instant(london, d(2026, 3, 29), t(1, 30)), utc("2026-03-29T01:30:00Z"));
        assert_eq!(local_instant(london, d(2026, 3, 28), t(9, 0)), utc("2026-03-28T09:00:00Z"));
        // 25 October 2026: clocks go back; 01:30 local happens twice: the first is taken.
        assert_eq!(local_instant(london, d(2026, 10, 25), t(1, 30)), utc("2026-10-25T00:30:00Z"));
        assert_eq!(local_instant(london, d(2026, 10, 25), t(9, 0)), utc("2026-10-25T09:00:00Z"));
        assert_eq!(local_instant(london, d(2026, 10, 24), t(9, 0)), utc("2026-10-24T08:00:00Z"));
    }

    #[test]
    fn far_east_and_far_west_cross_the_date_line() {
        // Kiritimati (UTC+14): 09:00 on New Year's Day is still 31 December in UTC.
        let kiritimati = chrono_tz::Pacific::Kiritimati;
        assert_eq!(local_instant(kiritimati, d(2027, 1, 1), t(9, 0)), utc("2026-12-31T19:00:00Z"));
        // Pago Pago (UTC−11): 20:00 on 31 December is already the new year in UTC.
        let pago = chrono_tz::Pacific::Pago_Pago;
        assert_eq!(local_instant(pago, d(2026, 12, 31), t(20, 0)), utc("2027-01-01T07:00:00Z"));
    }

    #[test]
    fn times_and_days_are_read_one_way_everywhere() {
        assert_eq!(parse_time("18:30"), Some(t(18, 30)));
        assert_eq!(parse_time(" 18.30 "), Some(t(18, 30)));
        assert_eq!(parse_time("9:00"), Some(t(9, 0)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("6pm"), None);
        assert_eq!((parse_time("18.3"), parse_time("9:5"), parse_time("09:300")), (None, None, None));
        assert_eq!(parse_day("02-29"), Some((2, 29)));
        assert_eq!(parse_day("13-01"), None);
        assert_eq!(parse_day("0101"), None);
    }
}
