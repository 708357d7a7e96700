//! `/home [city] [add] [all]`: which home city or cities this server's commands answer for,
//! when twinbot knows several (Leeds and Dortmund, say). For moderators (Manage Messages).

use super::{
    Answer, Args, Choice, CommandSpec, Ctx, Effect, OptionKind, OptionSpec, Permission, StateChange, Via,
    MAX_SUGGESTIONS,
};
use crate::core::catalog::Catalog;
use crate::core::reply::{shorten, Reply, Text};
use crate::state::{Change, Homes, HomesChange, Rules};

pub const SPEC: CommandSpec = CommandSpec {
    name: "home",
    description: "Show or choose the home city this server's commands answer for (moderators)",
    options: &[
        OptionSpec::optional("city", "Answer only for this home city", OptionKind::String, true),
        OptionSpec::optional("add", "Also answer for this home city", OptionKind::String, true),
        OptionSpec::optional("all", "Answer for every home city twinbot knows", OptionKind::Boolean, false),
    ],
    needs: Some(Permission::ManageMessages),
    run,
    slow: false,
    complete: Some(complete),
    subcommands: &[],
    resume: None,
};

/// The loaded home cities, for `city` and `add`: those whose names start with what was typed
/// first, then the rest.
fn complete(ctx: &Ctx, option: &str, typed: &str) -> Vec<Choice> {
    if option != "city" && option != "add" {
        return Vec::new();
    }
    let typed = crate::core::text::fold(typed);
    let mut homes: Vec<&str> = ctx.loaded.homes.iter().map(|h| h.name.as_str()).collect();
    homes.sort_by_key(|h| !crate::core::text::fold(h).starts_with(&typed));
    homes
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|h| Choice { name: shorten(h, super::MAX_SUGGESTION_TEXT), value: shorten(h, super::MAX_SUGGESTION_TEXT) })
        .collect()
}

fn names(dir: &Catalog) -> Vec<String> {
    dir.homes.iter().map(|h| h.name.clone()).collect()
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let (now, loaded) = (names(ctx.dir), names(ctx.loaded));
    let in_chat = ctx.inv.via == Via::Chat && ctx.inv.guild_id.is_some();
    if args.0.is_empty() || !in_chat {
        return view(ctx, "home-title", &now, !in_chat).into();
    }
    let homes = HomesChange {
        every: args.bool("all") == Some(true),
        only: args.str("city").map(str::to_string),
        add: args.str("add").map(str::to_string),
    };
    let change = Change { homes: Some(homes), ..Change::default() };
    let rules = Rules {
        guild_id: ctx.inv.guild_id,
        posts_from: None,
        homes: Some((ctx.loaded, &now)),
        inherited: ctx.inherited,
    };
    match change.apply(&ctx.server.state, &rules) {
        Ok(after) => {
            let shown = match &after.homes {
                Some(Homes::Only(chosen)) => chosen.clone(),
                _ => loaded,
            };
            let change = StateChange { change, base: ctx.server.clone(), after };
            view(ctx, "home-saved-title", &shown, false).with_effect(Effect::Change(Box::new(change)))
        }
        Err(e) => super::changes::refused(ctx, &e).into(),
    }
}

fn view(ctx: &Ctx, title: &str, answering: &[String], terminal: bool) -> Reply {
    let l = ctx.lang();
    let loaded = names(ctx.loaded);
    let every = loaded.len() > 1 && loaded.iter().all(|h| answering.contains(h));
    // Each home by its name in the reader's language.
    let name_in = |h: &String| {
        ctx.loaded.homes.iter().find(|x| &x.name == h).map_or_else(|| h.clone(), |x| x.name_in(l).to_string())
    };
    let homes = l.and_list(&answering.iter().map(name_in).collect::<Vec<_>>());
    let mut d =
        Text::plain(ctx.t(if every { "home-every" } else { "home-answers" }, &[("homes", homes.as_str().into())]));
    if terminal {
        d = d.text("\n\n").text(ctx.t("home-terminal", &[]));
    }
    let partners: Vec<String> = answering
        .iter()
        .filter_map(|h| {
            let i = ctx.loaded.homes.iter().position(|x| &x.name == h)?;
            let n = ctx.loaded.partners.iter().filter(|p| p.home == i).count();
            Some(format!("• {}", ctx.t("home-partner-count", &[("home", name_in(h).into()), ("count", n.into())])))
        })
        .collect();
    Reply::new(ctx.t(title, &[]))
        .description(d)
        .field(
            ctx.t("home-known-field", &[]),
            Text::plain(l.and_list(&loaded.iter().map(name_in).collect::<Vec<_>>())),
            false,
        )
        .field(ctx.t("home-partners-field", &[("homes", homes.into())]), Text::plain(partners.join("\n")), false)
        .ephemeral()
}
