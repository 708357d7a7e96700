//! `/timeline`: a picture of the home city's partnerships, from the oldest to today, with the
//! next milestone anniversaries marked. Drawn off the answering tasks (it is a slow command).

use super::{data_footer, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::home_names;
use crate::core::reply::{Attachment, Outcome, Reply, Text};
use crate::pictures::timeline;

pub const SPEC: CommandSpec = CommandSpec {
    name: "timeline",
    description: "A picture of the partnerships over the years, next milestones marked",
    options: &[],
    needs: None,
    run,
    slow: true,
    complete: None,
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
    match timeline::png(dir, l, ctx.today) {
        Ok(bytes) => Reply {
            attachments: Box::new([Attachment {
                name: FILE.to_string(),
                description: l.t("timeline-alt", &[("home", home.into()), ("count", dir.partners.len().into())]),
                bytes: bytes.into(),
                shown: true,
                note: None,
            }]),
            ..Reply::new(title)
        }
        .footer(data_footer(l, dir))
        .into(),
        Err(e) => {
            tracing::error!("the timeline could not be drawn: {e}");
            Reply::invalid(Text::plain(l.t("error-internal", &[]))).into()
        }
    }
}
