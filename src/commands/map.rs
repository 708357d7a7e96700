//! `/map`: a map of the home city and its partners, each joined to its home by a great circle.
//! Drawn off the answering tasks (it is a slow command).

use super::{data_footer, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::home_names;
use crate::core::reply::{Attachment, Outcome, Reply, Text};
use crate::pictures::map;

pub const SPEC: CommandSpec = CommandSpec {
    name: "map",
    description: "A map of the partner cities, each joined to its home by the shortest way",
    options: &[],
    needs: None,
    run,
    slow: true,
    complete: None,
};

/// The picture's file name, as the embed refers to it.
pub const FILE: &str = "map.png";

fn run(ctx: &Ctx, _: &Args) -> Answer {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let home = home_names(l, dir);
    let title = l.t("map-title", &[("home", home.clone().into())]);
    if dir.partners.is_empty() {
        return Reply { outcome: Outcome::NotFound, ..Reply::new(title) }
            .description(Text::plain(l.t("timeline-empty", &[("home", home.into())])))
            .into();
    }
    let without: Vec<&str> = dir.homes.iter().filter(|h| h.coords.is_none()).map(|h| h.name.as_str()).collect();
    if without.len() == dir.homes.len() {
        return Reply { outcome: Outcome::NotFound, ..Reply::new(title) }
            .description(Text::plain(l.t("map-no-coordinates", &[("home", l.and_list(&without).into())])))
            .into();
    }
    match map::png(dir, l) {
        Ok(bytes) => Reply {
            attachments: Box::new([Attachment {
                name: FILE.to_string(),
                description: l.t("map-alt", &[("home", home.into()), ("count", dir.partners.len().into())]),
                bytes: bytes.into(),
                shown: true,
                note: None,
            }]),
            ..Reply::new(title)
        }
        .footer(data_footer(l, dir))
        .into(),
        Err(e) => {
            tracing::error!("the map could not be drawn: {e}");
            Reply::invalid(Text::plain(l.t("error-internal", &[]))).into()
        }
    }
}
