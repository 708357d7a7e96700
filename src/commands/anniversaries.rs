//! `/anniversaries [year] [upcoming]`: the partnerships' anniversaries in a year, milestones
//! marked, or the next few dated ones.

use chrono::Datelike;

use super::{data_footer, Answer, Args, CommandSpec, Ctx, OptionKind, OptionSpec, MAX_SUGGESTIONS};
use crate::anniversaries::dates::{for_year, upcoming, Anniversary};
use crate::anniversaries::lines::headline;
use crate::core::data::{Directory, MAX_YEAR, MIN_YEAR};
use crate::core::phrases::{date, home_names, link_kind, possessive, suspended_since};
use crate::core::reply::{join, Outcome, Reply, Text};

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
    ],
    needs: None,
    run,
    slow: false,
    complete: None,
};

/// "**Siegen** 🇩🇪 — 60th anniversary ★ milestone · July 2026 (twinning since July 1966)".
fn line(dir: &Directory, a: &Anniversary) -> Text {
    let p = &dir.partners[a.partner];
    let t =
        headline(dir, a, true).text(format!(" · {} ({} since {})", date(&a.when), link_kind(p.kind), date(&p.since)));
    match p.suspended {
        Some(s) => t.text(format!(", {}", suspended_since(s))),
        None => t,
    }
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let dir = ctx.dir;
    let home = possessive(&home_names(dir));
    if let Some(n) = args.int("upcoming") {
        let next = upcoming(dir, ctx.today, n.clamp(1, MAX_SUGGESTIONS as i64) as usize);
        if next.is_empty() {
            return Reply { outcome: Outcome::NotFound, ..Reply::new(format!("{home} upcoming anniversaries")) }
                .description(Text::plain("No partnership has a known month or day to count from."))
                .footer(data_footer(dir));
        }
        return Reply::new(format!(
            "{home} next {} anniversar{}",
            next.len(),
            if next.len() == 1 { "y" } else { "ies" }
        ))
        .description(join(next.iter().map(|a| line(dir, a)), "\n"))
        .footer(data_footer(dir));
    }
    let year = args.int("year").map_or(ctx.today.year(), |y| y as i32);
    let list = for_year(dir, year);
    if list.is_empty() {
        return Reply { outcome: Outcome::NotFound, ..Reply::new(format!("{home} anniversaries in {year}")) }
            .description(Text::plain(format!("No partnership had been formalised for a year or more by {year}.")))
            .footer(data_footer(dir));
    }
    let milestones = list.iter().filter(|a| a.milestone).count();
    let summary = match milestones {
        0 => "No milestone anniversaries this year.".to_string(),
        1 => "1 milestone anniversary.".to_string(),
        n => format!("{n} milestone anniversaries."),
    };
    Reply::new(format!("{home} anniversaries in {year}"))
        .description(join(list.iter().map(|a| line(dir, a)), "\n").text(format!("\n\n{summary}")))
        .footer(data_footer(dir))
}
