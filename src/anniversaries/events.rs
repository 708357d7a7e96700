//! Discord's scheduled events for the anniversaries: which anniversaries get one, when each
//! starts and ends, and what it says. Members press "Interested" on an event and Discord reminds
//! them when the day comes.
//!
//! An anniversary known to the day gets an event once it is within the days ahead the server
//! chose (milestones only, if it chose so). One known only to the month or the year has no day,
//! so no event; nor has a suspended partnership, or one whose time has passed. The event starts
//! at the posts' local time on the day and lasts [`LENGTH`]. The poster makes them
//! (`crate::ledger::events`); this module only plans and words them.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::anniversaries::calendar;
use crate::anniversaries::dates::Anniversary;
use crate::anniversaries::schedule::{moment, posts, PostKind, Timing};
use crate::core::data::Directory;
use crate::core::i18n::Lang;
use crate::core::phrases::{country, country_of};

/// How many days ahead events are made when the server did not say.
pub const DEFAULT_AHEAD: u32 = 30;
/// The most days ahead a server may ask for.
pub const MAX_AHEAD: u32 = 90;
/// How many of its own events twinbot keeps in a server at once, the soonest: Discord allows 100
/// scheduled events per server, and the server's own come first.
pub const MAX_EVENTS: usize = 25;
/// How long an anniversary's event lasts.
pub const LENGTH: Duration = Duration::hours(1);

/// A server's scheduled events, when it turned them on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSettings {
    /// Events are made this many days ahead (1 to [`MAX_AHEAD`]).
    pub ahead: u32,
    /// Only for milestone anniversaries.
    pub milestones_only: bool,
}

/// One anniversary that should have an event now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub anniversary: Anniversary,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Every anniversary that should have an event at `now`, soonest first: known to the day, not
/// suspended, starting after `now` and at most `ahead` days after it. Not capped: the caller
/// keeps the [`MAX_EVENTS`] soonest.
pub fn planned(dir: &Directory, timing: &Timing, s: &EventSettings, now: DateTime<Utc>) -> Vec<Planned> {
    let horizon = now + Duration::days(i64::from(s.ahead));
    let today = now.with_timezone(&timing.tz).date_naive();
    let last = horizon.with_timezone(&timing.tz).date_naive();
    posts(dir, timing, today, last)
        .into_iter()
        .filter_map(|p| match p.kind {
            PostKind::Anniversary(a)
                if a.when.day.is_some() && p.due > now && p.due <= horizon && (a.milestone || !s.milestones_only) =>
            {
                Some(Planned { anniversary: a, start: p.due, end: p.due + LENGTH })
            }
            _ => None,
        })
        .collect()
}

/// What an event says, in the posts' language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// "Leeds ↔ Dortmund: 60th anniversary".
    pub name: String,
    /// Where: the two cities and their countries.
    pub location: String,
    /// When it falls and since when, the partnership's summary and its first source (plain text).
    pub description: String,
}

/// The words of an anniversary's event.
pub fn words(l: Lang, dir: &Directory, a: &Anniversary) -> Words {
    let p = &dir.partners[a.partner];
    let home = dir.home_of(p);
    let name = l.t(
        "event-name",
        &[("home", home.name_in(l).into()), ("partner", p.name_in(l).into()), ("ordinal", l.ordinal(a.number).into())],
    );
    let location = l.t(
        "event-location",
        &[
            ("home", home.name_in(l).into()),
            ("homecountry", country_of(l, &home.country_code, &home.country).into()),
            ("partner", p.name_in(l).into()),
            ("partnercountry", country(l, p).into()),
        ],
    );
    Words { name, location, description: calendar::description(l, dir, a).0 }
}

/// The dry run's lines of the events that start on a local day from `from` to `to`, with their
/// starts: when each starts, its name, and when twinbot makes it (`ahead` days before).
pub fn dry_run(
    l: Lang,
    dir: &Directory,
    timing: &Timing,
    s: &EventSettings,
    (from, to): (NaiveDate, NaiveDate),
) -> Vec<(DateTime<Utc>, String)> {
    posts(dir, timing, from, to)
        .into_iter()
        .filter_map(|p| match p.kind {
            PostKind::Anniversary(a) if a.when.day.is_some() && (a.milestone || !s.milestones_only) => {
                let made = p.due - Duration::days(i64::from(s.ahead));
                let made = made.with_timezone(&timing.tz).format("%Y-%m-%d %H:%M").to_string();
                let what = l.t("schedule-event", &[("name", words(l, dir, &a).name.into()), ("made", made.into())]);
                Some((p.due, format!("{}  {what}", moment(timing, p.due))))
            }
            _ => None,
        })
        .collect()
}

/// What the cover picture of an anniversary's event is drawn from, as one string: an event whose
/// inputs changed gets a new cover.
pub fn cover_inputs(l: Lang, dir: &Directory, a: &Anniversary) -> String {
    let p = &dir.partners[a.partner];
    let home = dir.home_of(p);
    format!(
        "{}|{}|{:?}|{:?}|{}|{}|{}",
        home.name_in(l),
        p.name_in(l),
        home.coords,
        p.coords,
        a.number,
        p.since.year,
        l.code
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::PartialDate;
    use crate::core::i18n;

    fn dir() -> Directory {
        Directory::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/leeds.toml")]).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn only_anniversaries_known_to_the_day_within_the_window_get_events() {
        let mut dir = dir();
        let timing = Timing::default();
        let every = EventSettings { ahead: MAX_AHEAD, milestones_only: false };
        let now = utc("2029-01-01T12:00:00Z");
        let year = planned(&dir, &timing, &EventSettings { ahead: 365, ..every }, now);
        assert!(!year.is_empty());
        for e in &year {
            assert!(e.anniversary.when.day.is_some(), "{e:?} has a day");
            assert!(e.start > now && e.end == e.start + LENGTH);
        }
        assert!(year.windows(2).all(|w| w[0].start <= w[1].start), "soonest first");
        // A partnership known only to the month gets none.
        let first = year[0].anniversary.partner;
        dir.partners[first].since = PartialDate { day: None, ..dir.partners[first].since };
        let after = planned(&dir, &timing, &EventSettings { ahead: 365, ..every }, now);
        assert!(after.iter().all(|e| e.anniversary.partner != first), "month-only: no event");
        // The window: nothing after `ahead` days, and nothing already started.
        let within = planned(&dir, &timing, &every, now);
        assert!(within.iter().all(|e| e.start <= now + Duration::days(90)));
        let started = planned(&dir, &timing, &every, year[1].start);
        assert!(started.iter().all(|e| e.start > year[1].start), "its time passed: no event");
        // Milestones only.
        let milestones = planned(&dir, &timing, &EventSettings { ahead: 365, milestones_only: true }, now);
        assert!(milestones.iter().all(|e| e.anniversary.milestone));
        assert!(milestones.len() < after.len());
    }

    #[test]
    fn an_event_starts_at_the_posts_local_time_on_the_day() {
        let dir = dir();
        let berlin = Timing { tz: chrono_tz::Europe::Berlin, ..Timing::default() };
        let s = EventSettings { ahead: 365, milestones_only: false };
        for e in planned(&dir, &berlin, &s, utc("2029-01-01T00:00:00Z")) {
            let local = e.start.with_timezone(&berlin.tz);
            assert_eq!(local.time(), berlin.at, "{e:?}");
            assert_eq!(local.date_naive(), e.anniversary.first_day());
        }
    }

    #[test]
    fn the_words_of_an_event_in_each_language() {
        let dir = dir();
        let dortmund = dir.partners.iter().position(|p| p.name == "Dortmund").unwrap();
        let a = crate::anniversaries::dates::in_year(dortmund, &dir.partners[dortmund].since, 2029).unwrap();
        let w = words(i18n::default(), &dir, &a);
        assert_eq!(w.name, "Leeds ↔ Dortmund: 60th anniversary");
        assert!(w.location.contains("Leeds") && w.location.contains("Dortmund") && w.location.contains("Germany"));
        assert!(w.description.contains(&dir.partners[dortmund].sources[0]), "{}", w.description);
        let de = words(i18n::lang("de").unwrap(), &dir, &a);
        assert!(de.name.contains("60.") && de.location.contains("Deutschland"), "{de:?}");
        assert_ne!(cover_inputs(i18n::default(), &dir, &a), cover_inputs(i18n::lang("de").unwrap(), &dir, &a));
    }
}
