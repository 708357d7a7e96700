//! `/since year:<integer> [until:<integer>]`: partnerships formalised in a span of years.

use super::{data_footer, partner_line, Answer, Args, CommandSpec, Ctx, OptionKind, OptionSpec};
use crate::core::data::{MAX_YEAR, MIN_YEAR};
use crate::core::i18n::Arg;
use crate::core::phrases::{date_value, home_names, link_kind};
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
    subcommands: &[],
    resume: None,
};

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let Some(from) = args.int("year") else {
        return ctx.invalid(ctx.rich("since-needs-year", vec![("command", ctx.command("since").into())]));
    };
    let until = args.int("until");
    if let Some(until) = until {
        if until < from {
            return ctx.invalid(ctx.rich(
                "since-swapped",
                vec![
                    ("until", Text::new().code(ctx.option("since", "until")).into()),
                    ("year", Text::new().code(ctx.option("since", "year")).into()),
                    ("to", until.to_string().into()),
                    ("from", from.to_string().into()),
                ],
            ));
        }
    }
    let within = |y: i64| y >= from && until.is_none_or(|u| y <= u);
    let found: Vec<usize> =
        dir.oldest_first().into_iter().filter(|&i| within(dir.partners[i].since.year as i64)).collect();
    let home = home_names(l, dir);
    let span: &[(&str, Arg)] = &[
        ("home", home.as_str().into()),
        ("from", from.to_string().into()),
        ("to", until.unwrap_or(from).to_string().into()),
    ];
    let (title, none) = match until {
        Some(u) if u == from => ("since-title-in", "since-none-in"),
        Some(_) => ("since-title-range", "since-none-range"),
        None => ("since-title-since", "since-none-since"),
    };
    let title = ctx.t(title, span);
    if found.is_empty() {
        let newest = dir.oldest_first().last().map(|&i| &dir.partners[i]);
        let mut d = Text::plain(ctx.t(none, span));
        if let Some(p) = newest {
            d = l.sentences(
                d,
                ctx.rich(
                    "since-newest",
                    vec![
                        ("name", Text::new().strong(p.name_in(ctx.lang())).into()),
                        ("kind", link_kind(l, p.kind).into()),
                        ("since", date_value(l, &p.since).into()),
                    ],
                ),
            );
        }
        return Reply { outcome: Outcome::NotFound, ..Reply::new(title).description(d) }.footer(data_footer(l, dir));
    }
    let lines = join(found.iter().map(|&i| partner_line(l, dir, &dir.partners[i])), "\n");
    Reply::new(title)
        .description(lines.text(format!("\n\n{}", ctx.t("since-count", &[("count", found.len().into())]))))
        .footer(data_footer(l, dir))
}
