//! `/about`: what the bot is, where its data comes from, and its commands.

use super::{data_footer, registry, Answer, Args, CommandSpec, Ctx};
use crate::core::phrases::{date_value, home_names};
use crate::core::reply::{join, Reply, Text};

pub const SPEC: CommandSpec = CommandSpec {
    name: "about",
    description: "What twinbot is, where its data comes from, and its commands",
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
    let homes = home_names(l, dir);
    let mut d = Text::plain(ctx.t("about-intro", &[("homes", homes.into()), ("count", dir.partners.len().into())]));
    for h in &dir.homes {
        let about = h.about_translations.iter().find(|(code, _)| code == l.code).map(|(_, t)| t).or(h.about.as_ref());
        if let Some(about) = about {
            d = d.text("\n\n").text(about.trim().to_string());
        }
    }
    let data = join(
        dir.homes.iter().map(|h| {
            let file = h
                .source
                .file_name()
                .map_or_else(|| h.source.display().to_string(), |f| f.to_string_lossy().into_owned());
            let line = match h.updated {
                Some(u) => ctx.t(
                    "about-data-line",
                    &[
                        ("home", h.name_in(l).into()),
                        ("file", file.into()),
                        ("updated", date_value(l, &u.into()).into()),
                    ],
                ),
                None => ctx.t("about-data-line-undated", &[("home", h.name_in(l).into()), ("file", file.into())]),
            };
            Text::plain(format!("• {line}"))
        }),
        "\n",
    );
    let commands = join(
        registry().iter().map(|c| {
            let description = crate::core::i18n::message(l.code, &format!("{}-description", c.name))
                .unwrap_or_else(|| c.description.to_string());
            Text::new().strong(localized_usage(ctx, c)).text(format!(" — {description}"))
        }),
        "\n",
    );
    let languages: Vec<String> = crate::core::i18n::all().map(|l| l.native_name()).collect();
    Reply::new(ctx.t("about-title", &[]))
        .description(d)
        .field(
            ctx.t("about-data-field", &[]),
            data.text("\n").text(ctx.t("about-sources", &[("command", ctx.command("partner").into())])),
            false,
        )
        .field(
            ctx.t("about-places-field", &[]),
            ctx.rich(
                "about-places",
                vec![("geonames", Text::new().link("GeoNames", "https://www.geonames.org").into())],
            ),
            false,
        )
        .field(ctx.t("about-commands-field", &[]), commands, false)
        .field(
            ctx.t("about-languages-field", &[]),
            Text::plain(ctx.t("about-languages", &[("languages", l.and_list(&languages).into())])),
            false,
        )
        .footer(data_footer(l, dir))
}

/// "/partner <city>" with the names the member's client shows.
fn localized_usage(ctx: &Ctx, c: &CommandSpec) -> String {
    let mut s = ctx.command(c.name);
    for o in c.options {
        let name = ctx.option(c.name, o.name);
        s.push_str(&if o.required { format!(" <{name}>") } else { format!(" [{name}]") });
    }
    s
}
