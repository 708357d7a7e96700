//! `/about`: what the bot is, where its data comes from, and its commands.

use super::{data_footer, registry, usage, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::{home_names, possessive};
use crate::core::reply::{join, Reply, Text};

pub const SPEC: CommandSpec = CommandSpec {
    name: "about",
    description: "What twinbot is, where its data comes from, and its commands",
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
    let homes = home_names(dir);
    let mut d = Text::plain(format!(
        "twinbot answers questions about {} partner cities: {} partnerships in all. \
         Type names any way you like: misspelt, in another language or script.",
        possessive(&homes),
        dir.partners.len()
    ));
    for h in &dir.homes {
        if let Some(about) = &h.about {
            d = d.text("\n\n").text(about.trim().to_string());
        }
    }
    let data = join(
        dir.homes.iter().map(|h| {
            let file = h
                .source
                .file_name()
                .map_or_else(|| h.source.display().to_string(), |f| f.to_string_lossy().into_owned());
            Text::plain(format!(
                "• {}: {file}{}",
                h.name,
                h.updated.map(|u| format!(", updated {u}")).unwrap_or_default()
            ))
        }),
        "\n",
    );
    let commands = join(
        registry().iter().map(|c| Text::new().strong(format!("/{}", usage(c))).text(format!(" — {}", c.description))),
        "\n",
    );
    Reply::new("About twinbot")
        .description(d)
        .field("Data", data.text("\nEach partner's sources are listed with it in /partner."), false)
        .field(
            "Place names",
            Text::plain("Groups start their towns' files from twinbot's world gazetteer: ")
                .link("GeoNames", "https://www.geonames.org")
                .text(" (cities of 15,000 people or more and their names in every script), CC BY 4.0."),
            false,
        )
        .field("Commands", commands, false)
        .footer(data_footer(dir))
}
