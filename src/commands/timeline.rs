//! `/timeline`: a picture of the home city's partnerships, from the oldest to today, with the
//! next milestone anniversaries marked. Drawn off the answering tasks (it is a slow command).

use super::{picture_answer, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::home_names;
use crate::core::reply::{Outcome, Reply, Text};
use crate::pictures::timeline;

pub const SPEC: CommandSpec = CommandSpec {
    name: "timeline",
    description: "A picture of the partnerships over the years, next milestones marked",
    options: &[],
    needs: None,
    run,
    slow: true,
    complete: None,
    subcommands: &[],
    resume: None,
};

/// The picture's file name, as the embed refers to it.
pub const FILE: &str = "timeline.png";

fn run(ctx: &Ctx, _: &Args) -> Answer {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let home = home_names(l, dir);
    let title = l.t("timeline-title", &[("home", home.clone().into())]);
    if dir.partners.is_empty() {
        return Reply { outcome: Outcome::NotFound, ..Reply::new(title) }
            .description(Text::plain(l.t("timeline-empty", &[("home", home.into())])))
            .into();
    }
    let description = l.t("timeline-alt", &[("home", home.into()), ("count", dir.partners.len().into())]);
    picture_answer(ctx, title, FILE, description, timeline::png(dir, l, ctx.today))
}
