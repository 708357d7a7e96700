//! Anniversary date maths: which anniversary a year brings, which ones are milestones, and when
//! a dated anniversary falls (29 February falls on 28 February in common years).

use chrono::{Datelike, NaiveDate};

use crate::core::data::{Directory, PartialDate};

/// Whether the `n`th anniversary is a milestone: 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90,
/// 100, and every 25th after that.
pub fn is_milestone(n: i32) -> bool {
    match n {
        5 | 10 | 20 | 25 | 30 | 40 | 50 | 60 | 70 | 75 | 80 | 90 | 100 => true,
        n if n > 100 => n % 25 == 0,
        _ => false,
    }
}

/// The day in `year` on which a date's anniversary falls: the same month and day, or
/// 28 February for 29 February in a common year.
pub fn occurrence(month: u32, day: u32, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        if month == 2 && day == 29 {
            NaiveDate::from_ymd_opt(year, 2, 28)
        } else {
            None
        }
    })
}

/// One partnership's anniversary in a given year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    /// Index into `Directory::partners`.
    pub partner: usize,
    /// Which anniversary (1 for the first).
    pub number: i32,
    /// When it falls, to the precision the data knows: the day, the month, or only the year.
    pub when: PartialDate,
    pub milestone: bool,
}

impl Anniversary {
    /// The first day it can be celebrated on: the date, the 1st of the month, or 1 January.
    pub fn first_day(&self) -> NaiveDate {
        let y = self.when.year;
        match (self.when.month, self.when.day) {
            (Some(m), Some(d)) => occurrence(m, d, y),
            (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1),
            _ => NaiveDate::from_ymd_opt(y, 1, 1),
        }
        .unwrap_or(NaiveDate::MIN)
    }
}

/// The anniversary of a partnership formalised on `since`, in `year` (None before the first).
pub fn in_year(partner: usize, since: &PartialDate, year: i32) -> Option<Anniversary> {
    let number = year - since.year;
    if number < 1 {
        return None;
    }
    let when = match (since.month, since.day) {
        (Some(m), Some(d)) => {
            let day = occurrence(m, d, year)?;
            PartialDate { year, month: Some(day.month()), day: Some(day.day()) }
        }
        (Some(m), None) => PartialDate { year, month: Some(m), day: None },
        _ => PartialDate::year(year),
    };
    Some(Anniversary { partner, number, when, milestone: is_milestone(number) })
}

/// Every partnership's anniversary in `year`, in calendar order (those known only to the year
/// last), ties by partner name.
pub fn for_year(dir: &Directory, year: i32) -> Vec<Anniversary> {
    let mirror = dir.mirrors();
    let mut out: Vec<Anniversary> = dir
        .partners
        .iter()
        .enumerate()
        .filter(|(i, _)| !mirror[*i])
        .filter_map(|(i, p)| in_year(i, &p.since, year))
        .collect();
    out.sort_by(|a, b| {
        let key = |x: &Anniversary| (x.when.month.is_none(), x.when.month, x.when.day);
        key(a).cmp(&key(b)).then_with(|| dir.partners[a.partner].name.cmp(&dir.partners[b.partner].name))
    });
    out
}

/// The next `n` dated anniversaries (known to the month or the day) that have not yet passed on
/// `today`: a month-only one counts until its month ends.
pub fn upcoming(dir: &Directory, today: NaiveDate, n: usize) -> Vec<Anniversary> {
    let mut out = Vec::new();
    let mirror = dir.mirrors();
    for (i, p) in dir.partners.iter().enumerate() {
        if p.since.month.is_none() || mirror[i] {
            continue;
        }
        for year in today.year()..=today.year() + 1 {
            let Some(a) = in_year(i, &p.since, year) else { continue };
            let still_ahead = match a.when.day {
                Some(_) => a.first_day() >= today,
                None => (a.when.year, a.when.month.unwrap_or(12)) >= (today.year(), today.month()),
            };
            if still_ahead {
                out.push(a);
                break;
            }
        }
    }
    out.sort_by_key(|a| (a.first_day(), a.partner));
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_follow_the_list_then_every_25() {
        let ms: Vec<i32> = (1..=200).filter(|&n| is_milestone(n)).collect();
        assert_eq!(ms, vec![5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 125, 150, 175, 200]);
    }

    #[test]
    fn leap_day_falls_on_28_february_in_common_years() {
        assert_eq!(occurrence(2, 29, 2027), NaiveDate::from_ymd_opt(2027, 2, 28));
        assert_eq!(occurrence(2, 29, 2028), NaiveDate::from_ymd_opt(2028, 2, 29));
        assert_eq!(occurrence(2, 29, 2100), NaiveDate::from_ymd_opt(2100, 2, 28), "2100 is not a leap year");
        let since = PartialDate { year: 2000, month: Some(2), day: Some(29) };
        let a = in_year(0, &since, 2025).unwrap();
        assert_eq!((a.number, a.when.month, a.when.day), (25, Some(2), Some(28)));
        assert!(a.milestone);
    }

    #[test]
    fn no_anniversary_before_the_first_year() {
        let since = PartialDate::year(2023);
        assert!(in_year(0, &since, 2023).is_none());
        assert_eq!(in_year(0, &since, 2024).map(|a| a.number), Some(1));
    }
}
