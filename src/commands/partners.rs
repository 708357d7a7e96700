//! `/partners`: every partner, oldest first.

use super::{data_footer, partner_line, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::{home_names, possessive};
use crate::core::reply::{join, Reply, Text};

pub const SPEC: CommandSpec = CommandSpec {
    name: "partners",
    description: "All partner cities, oldest partnership first",
    options: &[],
    needs: None,
    run,
    slow: false,
    complete: None,
};

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, _args: &Args) -> Reply {
    let dir = ctx.dir;
    let order = dir.oldest_first();
    let lines = join(order.iter().map(|&i| partner_line(dir, &dir.partners[i])), "\n");
    Reply::new(format!("{} partner cities ({})", possessive(&home_names(dir)), order.len()))
        .description(lines.append(Text::plain("\n\nAsk ").strong("/partner").text(" with a name for the full story.")))
        .footer(data_footer(dir))
}
