//! `/map`: a map of the home city and its partners, each joined to its home by a great circle.
//! Drawn off the answering tasks (it is a slow command).

use super::{picture_answer, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::home_names;
use crate::core::reply::{Outcome, Reply, Text};
use crate::pictures::map;

pub const SPEC: CommandSpec = CommandSpec {
    name: "map",
    description: "A map of the partner cities, each joined to its home by the shortest way",
    options: &[],
    needs: None,
    run,
    slow: true,
    complete: None,
    subcommands: &[],
    resume: None,
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
    let description = l.t("map-alt", &[("home", home.into()), ("count", dir.partners.len().into())]);
    picture_answer(ctx, title, FILE, description, map::png(dir, l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::Catalog;
    use crate::core::data::Directory;

    fn leeds() -> Directory {
        Directory::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/leeds.toml")]).unwrap()
    }

    #[test]
    fn a_home_without_coordinates_says_so_instead_of_drawing() {
        let mut dir = leeds();
        dir.homes[0].coords = None;
        let catalog = Catalog::new(dir);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let answer = run(&Ctx::new(&catalog, today), &Args::new());
        assert_eq!(answer.reply.outcome, Outcome::NotFound);
        assert!(answer.reply.attachments.is_empty());
        let text = format!("{:?}", answer.reply.description);
        assert!(text.contains("The data has no coordinates for Leeds yet"), "{text}");
    }

    #[test]
    fn the_map_is_attached_and_shown() {
        let catalog = Catalog::new(leeds());
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let answer = run(&Ctx::new(&catalog, today), &Args::new());
        let a = &answer.reply.attachments[0];
        assert_eq!((a.name.as_str(), a.shown), (FILE, true));
        assert!(a.bytes.starts_with(b"\x89PNG"));
        assert_eq!(answer.reply.title, "Leeds' partner cities");
    }
}
