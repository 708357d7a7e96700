//! `/since year:<integer> [until:<integer>]`: partnerships formalised in a span of years.

use super::{data_footer, partner_line, Answer, Args, CommandSpec, Ctx, OptionKind, OptionSpec};
use crate::core::data::{MAX_YEAR, MIN_YEAR};
use crate::core::phrases::{date, home_names, link_kind, possessive};
use crate::core::reply::{join, Outcome, Reply, Text};

pub const SPEC: CommandSpec = CommandSpec {
    name: "since",
    description: "Partnerships formalised in a year or later",
    options: &[
        OptionSpec {
            name: "year",
            description: "The first year to include",
            kind: OptionKind::Integer,
            required: true,
            min: Some(MIN_YEAR as i64),
            max: Some(MAX_YEAR as i64),
            autocomplete: false,
        },
        OptionSpec {
            name: "until",
            description: "The last year to include (default: no limit)",
            kind: OptionKind::Integer,
            required: false,
            min: Some(MIN_YEAR as i64),
            max: Some(MAX_YEAR as i64),
            autocomplete: false,
        },
    ],
    needs: None,
    run,
    slow: false,
    complete: None,
};

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let dir = ctx.dir;
    let Some(from) = args.int("year") else {
        return Reply::invalid(Text::plain("/since needs a year."));
    };
    let until = args.int("until");
    if let Some(until) = until {
        if until < from {
            return Reply::invalid(
                Text::new()
                    .code("until")
                    .text(format!(" ({until}) is before "))
                    .code("year")
                    .text(format!(" ({from}): swap them to list {until}–{from}.")),
            );
        }
    }
    let within = |y: i64| y >= from && until.is_none_or(|u| y <= u);
    let found: Vec<usize> =
        dir.oldest_first().into_iter().filter(|&i| within(dir.partners[i].since.year as i64)).collect();
    let home = possessive(&home_names(dir));
    let span = match until {
        Some(u) if u == from => format!("in {from}"),
        Some(u) => format!("from {from} to {u}"),
        None => format!("since {from}"),
    };
    if found.is_empty() {
        let newest = dir.oldest_first().last().map(|&i| &dir.partners[i]);
        let mut d = Text::plain(match until {
            Some(_) => format!("No partnership was formalised {span}."),
            None => format!("No partnership was formalised in {from} or later."),
        });
        if let Some(p) = newest {
            d = d.text(" The newest is ").strong(p.name.clone()).text(format!(
                " ({}, {}).",
                link_kind(p.kind),
                date(&p.since)
            ));
        }
        return Reply { outcome: Outcome::NotFound, ..Reply::new(format!("{home} partners {span}")).description(d) }
            .footer(data_footer(dir));
    }
    let lines = join(found.iter().map(|&i| partner_line(dir, &dir.partners[i])), "\n");
    let n = found.len();
    Reply::new(format!("{home} partners {span}"))
        .description(lines.text(format!("\n\n{n} partnership{}.", if n == 1 { "" } else { "s" })))
        .footer(data_footer(dir))
}
