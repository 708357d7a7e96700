//! `/partners`: every partner, oldest first.

use super::{data_footer, partner_line, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::home_names;
use crate::core::reply::{join, Reply, Text};

pub const SPEC: CommandSpec = CommandSpec {
    name: "partners",
    description: "All partner cities, oldest partnership first",
    options: &[],
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

fn reply(ctx: &Ctx, _args: &Args) -> Reply {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let order = dir.oldest_first();
    let lines = join(order.iter().map(|&i| partner_line(l, dir, &dir.partners[i])), "\n");
    let hint = ctx.rich("partners-hint", vec![("command", Text::new().strong(ctx.command("partner")).into())]);
    Reply::new(ctx.t("partners-title", &[("home", home_names(l, dir).into()), ("count", order.len().into())]))
        .description(lines.text("\n\n").append(hint))
        .footer(data_footer(l, dir))
}
