//! `/anniversaries [year] [upcoming] [calendar]`: the partnerships' anniversaries in a year,
//! milestones marked, or the next few dated ones; with `calendar`, also as an iCalendar file.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::{data_footer, Answer, Args, CommandSpec, Ctx, OptionKind, OptionSpec, MAX_SUGGESTIONS};
use crate::anniversaries::calendar::ics;
use crate::anniversaries::dates::{for_year, upcoming, Anniversary};
use crate::anniversaries::events::LENGTH;
use crate::anniversaries::lines::headline;
use crate::core::data::{Directory, MAX_YEAR, MIN_YEAR};
use crate::core::i18n::Lang;
use crate::core::phrases::{date_value, home_names, link_kind, suspended_since};
use crate::core::reply::{join, Attachment, Outcome, Reply, Text};
use crate::ledger::events::{event_key, Recorded};
use crate::ledger::PostState;

pub const SPEC: CommandSpec = CommandSpec {
    name: "anniversaries",
    description: "Partnership anniversaries in a year, milestones marked",
    options: &[
        OptionSpec {
            name: "year",
            description: "The year (default: this year)",
            kind: OptionKind::Integer,
            required: false,
            min: Some(MIN_YEAR as i64),
            max: Some(MAX_YEAR as i64),
            autocomplete: false,
        },
        OptionSpec {
            name: "upcoming",
            description: "Instead, list this many dated anniversaries from today",
            kind: OptionKind::Integer,
            required: false,
            min: Some(1),
            max: Some(MAX_SUGGESTIONS as i64),
            autocomplete: false,
        },
        OptionSpec {
            name: "calendar",
            description: "Also attach them as a calendar file (.ics) for calendar apps",
            kind: OptionKind::Boolean,
            required: false,
            min: None,
            max: None,
            autocomplete: false,
        },
    ],
    needs: None,
    run,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: None,
};

/// "**Siegen** 🇩🇪 — 60th anniversary ★ milestone · July 2026 (twinning since July 1966)", and a
/// link to its event where the server made one that has not ended.
fn line(ctx: &Ctx, a: &Anniversary) -> Text {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let key = event_key(dir, a);
    let event = ctx
        .ledger
        .iter()
        .filter(|r| r.key == key && r.state == PostState::Sent && r.due + LENGTH > ctx.now)
        .find_map(|r| Recorded::of(r)?.url);
    let t = facts(l, dir, a);
    match event {
        Some(url) => t.text(" · ").link(format!("📅 {}", l.t("anniversaries-event", &[])), url),
        None => t,
    }
}

fn facts(l: Lang, dir: &Directory, a: &Anniversary) -> Text {
    let p = &dir.partners[a.partner];
    let when = l.t(
        "anniversary-when",
        &[
            ("date", date_value(l, &a.when).into()),
            ("kind", link_kind(l, p.kind).into()),
            ("since", date_value(l, &p.since).into()),
        ],
    );
    let t = headline(l, dir, a, true).text(format!(" · {when}"));
    match p.suspended {
        Some(s) => l.comma(t, suspended_since(l, s)),
        None => t,
    }
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let reply = reply(ctx, args);
    if !args.bool("calendar").unwrap_or(false) || reply.outcome != Outcome::Answered {
        return reply.into();
    }
    // The year shown, or the coming twelve months for `upcoming`.
    let (from, to, name) = match args.int("upcoming") {
        Some(_) => {
            let to = ctx.today.checked_add_months(Months::new(12)).and_then(|d| d.pred_opt()).unwrap_or(ctx.today);
            (ctx.today, to, format!("anniversaries-{}.ics", ctx.today.format("%Y-%m-%d")))
        }
        None => {
            let year = args.int("year").map_or(ctx.today.year(), |y| y as i32);
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(ctx.today);
            let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(ctx.today);
            (first, last, format!("anniversaries-{year}.ics"))
        }
    };
    let (l, dir) = (ctx.lang(), ctx.dir);
    let stamp = ctx.today.and_time(NaiveTime::MIN).and_utc();
    // Nothing to put in it (every link listed is suspended): no file.
    let Some(file) = ics(dir, l, from, to, stamp) else { return reply.into() };
    let home = home_names(l, dir);
    Reply {
        attachments: Box::new([Attachment {
            name,
            description: ctx.t("anniversaries-calendar-file", &[("home", home.into())]),
            bytes: file.into_bytes().into(),
            shown: false,
            note: Some(ctx.t("anniversaries-calendar-note", &[])),
        }]),
        ..reply
    }
    .into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let home = home_names(l, dir);
    if let Some(n) = args.int("upcoming") {
        let next = upcoming(dir, ctx.today, n.clamp(1, MAX_SUGGESTIONS as i64) as usize);
        if next.is_empty() {
            let title = ctx.t("anniversaries-upcoming-title", &[("home", home.into())]);
            return Reply { outcome: Outcome::NotFound, ..Reply::new(title) }
                .description(Text::plain(ctx.t("anniversaries-upcoming-none", &[])))
                .footer(data_footer(l, dir));
        }
        return Reply::new(ctx.t("anniversaries-next-title", &[("home", home.into()), ("count", next.len().into())]))
            .description(join(next.iter().map(|a| line(ctx, a)), "\n"))
            .footer(data_footer(l, dir));
    }
    let year = args.int("year").map_or(ctx.today.year(), |y| y as i32);
    let list = for_year(dir, year);
    let title = ctx.t("anniversaries-year-title", &[("home", home.into()), ("year", year.to_string().into())]);
    if list.is_empty() {
        return Reply { outcome: Outcome::NotFound, ..Reply::new(title) }
            .description(Text::plain(ctx.t("anniversaries-year-none", &[("year", year.to_string().into())])))
            .footer(data_footer(l, dir));
    }
    let milestones = list.iter().filter(|a| a.milestone).count();
    let summary = ctx.t("anniversaries-milestones", &[("count", milestones.into()), ("year", year.to_string().into())]);
    Reply::new(title)
        .description(join(list.iter().map(|a| line(ctx, a)), "\n").text(format!("\n\n{summary}")))
        .footer(data_footer(l, dir))
}
