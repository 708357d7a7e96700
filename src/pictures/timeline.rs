//! The timeline of a home city's partnerships: one row per partner, oldest first, from the year
//! before the oldest link to a few years ahead. Each row has the partner's country code and name,
//! a dot where the link was formalised, a bar to today (to its suspension, for a suspended one),
//! a diamond for each dated milestone in its history (renewals, agreements) and a star at its
//! next milestone anniversary, labelled ("60th · 2029"). Several homes are grouped, each under
//! its name.
//!
//! At most [`MAX_ROWS`] rows: the links after them (the newest) are named under the axis, so
//! that the picture stays within its size (a town may have 200 partners).
//!
//! 1200 px wide, an opaque light card that reads on Discord's light and dark themes alike.
//! [`layout`] computes where everything goes (tested as numbers), [`svg`] draws it.

use chrono::{Datelike, NaiveDate};

use super::{fit, lines, text_width, xml, Line, FONT_FAMILIES, NOTE_LINE, NOTE_NAME_ROOM, NOTE_SIZE};
use crate::anniversaries::dates::in_year;
use crate::core::data::{Directory, LinkKind, PartialDate};
use crate::core::i18n::Lang;
use crate::core::phrases::link_kind;

pub const WIDTH: u32 = 1200;
const PAD: f32 = 32.0;
/// Where the plot starts: the labels' column is to its left.
const PLOT_X0: f32 = 360.0;
/// Where the plot ends: to its right, room for the label of a star at its end.
const PLOT_X1: f32 = WIDTH as f32 - 170.0;
/// Where a row's name starts, and how wide it may be (a longer one is shortened, so that it
/// never runs into the plot).
const NAME_X: f32 = PAD + 56.0;
pub const NAME_ROOM: f32 = PLOT_X0 - 16.0 - NAME_X;
pub const NAME_SIZE: f32 = 18.0;
/// The least room between the years written under the axis.
const TICK_ROOM: f32 = 60.0;
const TOP: f32 = 132.0;
pub const ROW: f32 = 48.0;
/// The most rows drawn: each takes about 6 KB of PNG, and the picture's budget is 300 KB.
pub const MAX_ROWS: usize = 40;
const GROUP: f32 = 40.0;
const BOTTOM: f32 = 56.0;
/// How far ahead the axis reaches at least, and at most, to show next milestones.
const AHEAD_MIN: i32 = 5;
const AHEAD_MAX: i32 = 30;

const BACKGROUND: &str = "#f6f7f9";
const INK: &str = "#1f2328";
const MUTED: &str = "#59636e";
const GRID: &str = "#d6dbe1";
const STRIPE: &str = "#eceff3";
const TODAY: &str = "#cf222e";
const GOLD: &str = "#bf8700";

pub(super) fn colour(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Twinning => "#4752c4",
        LinkKind::Partnership => "#1a7f37",
        LinkKind::Friendship => "#bc4c00",
    }
}

/// One partner's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub partner: usize,
    /// Its name as drawn: shortened, if it is long, to [`NAME_ROOM`].
    pub name: String,
    /// Its top edge.
    pub y: f32,
    /// Where the link was formalised.
    pub since_x: f32,
    /// Where its bar ends: today, or the suspension.
    pub until_x: f32,
    pub suspended: bool,
    /// Its dated milestones (renewals, agreements).
    pub milestones_x: Vec<f32>,
    /// Its next milestone anniversary: (x, which one, year), when the axis reaches it.
    pub next: Option<(f32, i32, i32)>,
}

/// A home's heading, where several homes are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub home: usize,
    pub y: f32,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub height: u32,
    pub first_year: i32,
    pub last_year: i32,
    pub today_x: f32,
    /// Where the rows end and the axis' years are written under.
    pub plot_bottom: f32,
    /// The years written under the axis, and where.
    pub ticks: Vec<(i32, f32)>,
    pub headings: Vec<Heading>,
    pub rows: Vec<Row>,
    /// The links beyond [`MAX_ROWS`], named under the axis instead, and the lines naming them.
    pub listed: Vec<usize>,
    pub notes: Vec<Line>,
}

/// A date as a fractional year: 2 June 1969 → about 1969.42; a month-only date falls mid-month,
/// a year-only one mid-year.
fn fraction(d: &PartialDate) -> f32 {
    let month = d.month.map_or(6.5, |m| m as f32 - 1.0 + d.day.map_or(0.5, |day| (day as f32 - 1.0) / 31.0));
    d.year as f32 + month.min(11.99) / 12.0
}

/// The next milestone anniversary of a link formalised on `since`, from `today`.
fn next_milestone(since: &PartialDate, today: NaiveDate) -> Option<(i32, i32)> {
    (today.year()..today.year() + AHEAD_MAX + 1).find_map(|year| {
        let a = in_year(0, since, year)?;
        let ahead = match (a.when.month, a.when.day) {
            (_, Some(_)) => a.first_day() >= today,
            (Some(m), None) => (year, m) >= (today.year(), today.month()),
            _ => year >= today.year(),
        };
        (a.milestone && ahead).then_some((a.number, year))
    })
}

/// The layout of `dir`'s timeline on `today`, with its lines under the axis in language `l`.
pub fn layout(dir: &Directory, l: Lang, today: NaiveDate) -> Layout {
    let mirror = dir.mirrors();
    let mut order: Vec<usize> = dir.oldest_first().into_iter().filter(|&i| !mirror[i]).collect();
    let listed = order.split_off(order.len().min(MAX_ROWS));
    // The axis reaches today and every link's formal date, whichever comes first or last (a link
    // may be formalised after today: a planned one, or a picture of a past day).
    let since = order.iter().map(|&i| dir.partners[i].since.year);
    let oldest = since.clone().min().unwrap_or(today.year()).min(today.year());
    let newest = since.max().unwrap_or(today.year());
    let first_year = (oldest - 1).div_euclid(10) * 10;
    let furthest_next = order
        .iter()
        .filter(|&&i| dir.partners[i].suspended.is_none())
        .filter_map(|&i| next_milestone(&dir.partners[i].since, today).map(|(_, y)| y))
        .max()
        .unwrap_or(today.year());
    let ahead = (furthest_next + 1).clamp(today.year() + AHEAD_MIN, today.year() + AHEAD_MAX).max(newest + 1);
    let last_year = (ahead + 4).div_euclid(5) * 5;
    let x = |year: f32| PLOT_X0 + (year - first_year as f32) / (last_year - first_year) as f32 * (PLOT_X1 - PLOT_X0);
    let today_x = x(fraction(&PartialDate::from(today)));
    let grouped = dir.homes.len() > 1;
    let mut y = TOP;
    let mut headings = Vec::new();
    let mut rows = Vec::new();
    for home in 0..dir.homes.len() {
        let mine: Vec<usize> = order.iter().copied().filter(|&i| dir.partners[i].home == home).collect();
        if mine.is_empty() {
            continue;
        }
        if grouped {
            headings.push(Heading { home, y });
            y += GROUP;
        }
        for i in mine {
            let p = &dir.partners[i];
            let since_x = x(fraction(&p.since));
            // No bar before the link was formalised (one formalised after today has none).
            let until = p.suspended.map_or(today_x, |s| x(fraction(&PartialDate::from(s))).min(today_x)).max(since_x);
            let next = match p.suspended {
                Some(_) => None,
                None => next_milestone(&p.since, today)
                    .filter(|&(_, year)| year <= last_year)
                    .map(|(n, year)| (x(fraction(&PartialDate { year, ..p.since })), n, year)),
            };
            rows.push(Row {
                partner: i,
                name: fit(p.name_in(l), NAME_SIZE, NAME_ROOM),
                y,
                since_x,
                until_x: until,
                suspended: p.suspended.is_some(),
                milestones_x: p
                    .milestones
                    .iter()
                    .filter(|m| m.date.year >= first_year && m.date.year <= last_year && m.date != p.since)
                    .map(|m| x(fraction(&m.date)))
                    .collect(),
                next,
            });
            y += ROW;
        }
    }
    // Every decade under the axis, or fewer years where they would crowd.
    let span = (last_year - first_year) as f32;
    let step = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|&s| (s == 10 && span <= 80.0) || (s > 10 && s as f32 / span * (PLOT_X1 - PLOT_X0) >= TICK_ROOM))
        .unwrap_or(10_000);
    let ticks = (first_year..=last_year).step_by(step as usize).map(|year| (year, x(year as f32))).collect();
    // Under the axis, the links without a row: after the key's dot, with the year each was
    // formalised.
    let mut sentences = Vec::new();
    if !listed.is_empty() {
        let names: Vec<String> = listed
            .iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    fit(dir.partners[i].name_in(l), NOTE_SIZE, NOTE_NAME_ROOM),
                    dir.partners[i].since.year
                )
            })
            .collect();
        let list = l.and_list(&names);
        sentences.push(format!("● {}", l.t("timeline-more", &[("names", list.into()), ("count", MAX_ROWS.into())])));
    }
    let notes = lines(&sentences, PAD, y + 60.0, WIDTH as f32 - 2.0 * PAD);
    let below = notes.last().map_or(0.0, |n| n.y - (y + 60.0) + NOTE_LINE + 10.0);
    Layout {
        height: (y + BOTTOM + below).ceil() as u32,
        first_year,
        last_year,
        today_x,
        plot_bottom: y,
        ticks,
        headings,
        rows,
        listed,
        notes,
    }
}

fn text(out: &mut String, x: f32, y: f32, size: f32, fill: &str, extra: &str, s: &str) {
    out.push_str(&format!(r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{fill}" {extra}>{}</text>"#, xml(s)));
    out.push('\n');
}

/// A five-pointed star centred on (cx, cy).
fn star(cx: f32, cy: f32, r: f32) -> String {
    let points: Vec<String> = (0..10)
        .map(|k| {
            let radius = if k % 2 == 0 { r } else { r * 0.45 };
            let angle = std::f32::consts::PI * (k as f32 / 5.0 - 0.5);
            format!("{:.1},{:.1}", cx + radius * angle.cos(), cy + radius * angle.sin())
        })
        .collect();
    points.join(" ")
}

/// The picture as SVG, with its labels in language `l`.
pub fn svg(dir: &Directory, l: Lang, today: NaiveDate) -> String {
    let lay = layout(dir, l, today);
    let (w, h) = (WIDTH, lay.height);
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILIES}">"#
    );
    out.push('\n');
    out.push_str(&format!(r#"<rect width="{w}" height="{h}" fill="{BACKGROUND}"/>"#));
    out.push('\n');
    let homes: Vec<&str> = dir.homes.iter().map(|h| h.name_in(l)).collect();
    let title = l.t("timeline-title", &[("home", l.and_list(&homes).into())]);
    let title = fit(&title, 30.0, w as f32 - 2.0 * PAD);
    text(&mut out, PAD, 52.0, 30.0, INK, r#"font-weight="bold""#, &title);
    // The key.
    let key_y = 88.0;
    let mut kx = PAD;
    let keys = [
        ("dot", l.t("timeline-key-formalised", &[])),
        ("diamond", l.t("timeline-key-milestone", &[])),
        ("star", l.t("timeline-key-next", &[])),
    ];
    for (shape, label) in keys {
        match shape {
            "dot" => {
                out.push_str(&format!(r#"<circle cx="{:.1}" cy="{:.1}" r="6" fill="{INK}"/>"#, kx + 6.0, key_y - 5.0))
            }
            "diamond" => out.push_str(&format!(
                r#"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="{MUTED}" transform="rotate(45 {:.1} {:.1})"/>"#,
                kx + 1.5,
                key_y - 9.5,
                kx + 6.0,
                key_y - 5.0
            )),
            _ => out.push_str(&format!(r#"<polygon points="{}" fill="{GOLD}"/>"#, star(kx + 6.0, key_y - 5.0, 8.0))),
        }
        out.push('\n');
        text(&mut out, kx + 18.0, key_y, 16.0, MUTED, "", &label);
        kx += 18.0 + text_width(&label, 16.0) + 36.0;
    }
    // Stripes behind every other row, then the decades' grid and labels.
    for (k, row) in lay.rows.iter().enumerate() {
        if k % 2 == 1 {
            out.push_str(&format!(
                r#"<rect x="{PAD}" y="{:.1}" width="{:.1}" height="{ROW}" rx="6" fill="{STRIPE}"/>"#,
                row.y,
                w as f32 - 2.0 * PAD
            ));
            out.push('\n');
        }
    }
    let plot_bottom = lay.plot_bottom;
    for &(year, gx) in &lay.ticks {
        out.push_str(&format!(
            r#"<line x1="{gx:.1}" y1="{:.1}" x2="{gx:.1}" y2="{plot_bottom:.1}" stroke="{GRID}" stroke-width="1"/>"#,
            TOP - 8.0
        ));
        out.push('\n');
        text(&mut out, gx, plot_bottom + 26.0, 15.0, MUTED, r#"text-anchor="middle""#, &year.to_string());
    }
    out.push_str(&format!(
        r#"<line x1="{t:.1}" y1="{:.1}" x2="{t:.1}" y2="{plot_bottom:.1}" stroke="{TODAY}" stroke-width="2" stroke-dasharray="6 4"/>"#,
        TOP - 8.0,
        t = lay.today_x
    ));
    out.push('\n');
    text(
        &mut out,
        lay.today_x,
        TOP - 14.0,
        14.0,
        TODAY,
        r#"text-anchor="middle" font-weight="bold""#,
        &today.year().to_string(),
    );
    for heading in &lay.headings {
        let name = fit(dir.homes[heading.home].name_in(l), 20.0, w as f32 - 2.0 * PAD);
        text(&mut out, PAD, heading.y + 28.0, 20.0, INK, r#"font-weight="bold""#, &name);
    }
    for row in &lay.rows {
        let p = &dir.partners[row.partner];
        let c = colour(p.kind);
        let mid = row.y + ROW / 2.0;
        // The label: the country code in a badge, the name, the kind and year beneath.
        out.push_str(&format!(
            r#"<rect x="{:.1}" y="{:.1}" width="38" height="22" rx="5" fill="{c}"/>"#,
            PAD + 8.0,
            mid - 11.0
        ));
        out.push('\n');
        text(
            &mut out,
            PAD + 27.0,
            mid + 5.5,
            13.0,
            "#ffffff",
            r#"text-anchor="middle" font-weight="bold""#,
            &p.country_code,
        );
        text(&mut out, NAME_X, mid - 2.0, NAME_SIZE, INK, r#"font-weight="bold""#, &row.name);
        let kind_year = l.t(
            "timeline-kind-year",
            &[("kind", link_kind(l, p.kind).into()), ("year", p.since.year.to_string().into())],
        );
        let detail = fit(&kind_year, 13.0, NAME_ROOM);
        text(&mut out, NAME_X, mid + 16.0, 13.0, MUTED, "", &detail);
        // The bar, the milestones, the formal date, the next milestone anniversary.
        let dash = if row.suspended { r#" stroke-dasharray="4 4""# } else { "" };
        out.push_str(&format!(
            r#"<line x1="{:.1}" y1="{mid:.1}" x2="{:.1}" y2="{mid:.1}" stroke="{c}" stroke-width="6" stroke-linecap="round" stroke-opacity="0.4"{dash}/>"#,
            row.since_x, row.until_x
        ));
        out.push('\n');
        for mx in &row.milestones_x {
            out.push_str(&format!(
                r#"<rect x="{:.1}" y="{:.1}" width="10" height="10" fill="{MUTED}" stroke="{BACKGROUND}" stroke-width="1.5" transform="rotate(45 {mx:.1} {mid:.1})"/>"#,
                mx - 5.0,
                mid - 5.0
            ));
            out.push('\n');
        }
        out.push_str(&format!(
            r#"<circle cx="{:.1}" cy="{mid:.1}" r="8" fill="{c}" stroke="{BACKGROUND}" stroke-width="2"/>"#,
            row.since_x
        ));
        out.push('\n');
        if let Some((nx, n, year)) = row.next {
            out.push_str(&format!(r#"<polygon points="{}" fill="{GOLD}"/>"#, star(nx, mid, 11.0)));
            out.push('\n');
            let label = l.t("timeline-next", &[("ordinal", l.ordinal(n).into()), ("year", year.to_string().into())]);
            let halo = format!(r#"font-weight="bold" stroke="{BACKGROUND}" stroke-width="4" paint-order="stroke""#);
            text(&mut out, nx + 16.0, mid + 5.0, 14.0, GOLD, &halo, &label);
        }
    }
    for line in &lay.notes {
        text(&mut out, line.x, line.y, NOTE_SIZE, MUTED, "", &line.text);
    }
    out.push_str("</svg>\n");
    out
}

/// The picture as PNG.
pub fn png(dir: &Directory, l: Lang, today: NaiveDate) -> Result<Vec<u8>, super::PictureError> {
    super::png(&svg(dir, l, today))
}
