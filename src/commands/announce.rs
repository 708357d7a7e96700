//! `/announce city [channel] [preview]`: posts a partnership's anniversary announcement, from
//! the server's template, into a channel. For moderators (Manage Messages).

use chrono::Datelike;

use super::{
    did_you_mean, needs_manage_messages_in, partner, partner_names, Args, CommandSpec, Ctx, OptionKind, OptionSpec,
};
use super::{Answer, Effect, Permission, Via};
use crate::anniversaries::dates::in_year;
use crate::core::i18n::{Lang, Part};
use crate::core::matcher::Resolution;
use crate::core::phrases::{date_value, link_kind, suspended_since};
use crate::core::reply::{Reply, Text};
use crate::ledger::poster::{Refusal, SendError};

pub const SPEC: CommandSpec = CommandSpec {
    name: "announce",
    description: "Post a partnership's anniversary announcement (moderators)",
    options: &[
        OptionSpec {
            name: "city",
            description: "The partner city",
            kind: OptionKind::String,
            required: true,
            min: None,
            max: None,
            autocomplete: true,
        },
        OptionSpec {
            name: "channel",
            description: "Where to post it (default: this channel)",
            kind: OptionKind::Channel,
            required: false,
            min: None,
            max: None,
            autocomplete: false,
        },
        OptionSpec {
            name: "preview",
            description: "Show it only to you, without posting it",
            kind: OptionKind::Boolean,
            required: false,
            min: None,
            max: None,
            autocomplete: false,
        },
    ],
    needs: Some(Permission::ManageMessages),
    run,
    slow: false,
    complete: Some(partner::complete),
    subcommands: &[],
    resume: None,
};

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let query = args.str("city").unwrap_or_default();
    let i = match dir.matcher().resolve(query) {
        Resolution::Partner(c) => c.partner,
        Resolution::Unsure(cands) if !cands.is_empty() => {
            let names = cands.iter().take(3).map(|c| dir.partners[c.partner].name_in(l).to_string());
            let d =
                did_you_mean(l, ctx.rich("announce-no-match", vec![("query", Text::new().user(query).into())]), names);
            return Reply::not_found(ctx.t("partner-none-title", &[]), d).into();
        }
        _ => {
            return Reply::not_found(
                ctx.t("announce-which-title", &[]),
                ctx.rich("announce-which", vec![("names", partner_names(l, dir).into())]),
            )
            .into()
        }
    };
    let p = &dir.partners[i];
    if let Some(s) = p.suspended {
        return ctx
            .invalid(Text::plain(ctx.t(
                "announce-suspended",
                &[
                    ("kind", link_kind(l, p.kind).into()),
                    ("partner", p.name_in(l).into()),
                    ("suspended", suspended_since(l, s).into()),
                    ("command", ctx.command("partner").into()),
                ],
            )))
            .into();
    }
    let year = ctx.today.year();
    let Some(a) = in_year(i, &p.since, year) else {
        return ctx
            .invalid(Text::plain(ctx.t(
                "announce-too-early",
                &[
                    ("kind", link_kind(l, p.kind).into()),
                    ("partner", p.name_in(l).into()),
                    ("since", date_value(l, &p.since).into()),
                    ("year", (p.since.year + 1).to_string().into()),
                ],
            )))
            .into();
    };
    // The announcement is in the posts' language, as it will be posted; the rest of the reply
    // is in the moderator's.
    let inv = ctx.inv;
    let content = if inv.via == Via::Terminal && inv.locale != crate::core::i18n::DEFAULT {
        // `twinbot ask --locale de announce …` previews the post in that language.
        let posting = crate::anniversaries::settings::PostSettings { language: Some(l), ..ctx.posting.clone() };
        posting.render(dir, &a)
    } else {
        ctx.posting.render(dir, &a)
    };
    let title = ctx.t("announce-title", &[("partner", p.name_in(l).into()), ("ordinal", l.ordinal(a.number).into())]);
    if inv.via == Via::Terminal || inv.guild_id.is_none() {
        // The terminal cannot post: it shows what would be posted.
        return Reply::new(ctx.t("announce-preview-title", &[("title", title.into())]))
            .description(Text::new().markdown(content))
            .footer(ctx.t("announce-terminal-footer", &[("command", ctx.command("announce").into())]))
            .into();
    }
    let target = args.channel("channel").unwrap_or(inv.channel_id);
    if !inv.allows_in(target, Permission::ManageMessages) {
        return ctx
            .refused("moderators-only-title", needs_manage_messages_in(ctx, target, "needs-permission-to-post"))
            .into();
    }
    if args.bool("preview") == Some(true) {
        Reply::new(ctx.t("announce-preview-title", &[("title", title.into())]))
            .description(Text::new().markdown(content))
            .field(ctx.t("announce-would-post-in", &[]), Text::new().channel(target), false)
            .footer(ctx.t(
                "announce-preview-footer",
                &[("command", ctx.command("announce").into()), ("preview", ctx.option("announce", "preview").into())],
            ))
            .ephemeral()
            .into()
    } else {
        Reply::new(ctx.t("announce-posting-title", &[("title", title.into())]))
            .description(ctx.rich("announce-posting", vec![("channel", Text::new().channel(target).into())]))
            .ephemeral()
            .with_effect(Effect::Post { channel_id: target, content })
    }
}

/// What the moderator sees once the post was tried: where it went, with a link to the message
/// when the platform gives one.
pub fn posted(l: Lang, channel_id: u64, result: &Result<Option<String>, SendError>) -> Reply {
    let channel = || Part::Text(Text::new().channel(channel_id));
    match result {
        Ok(link) => {
            let d = match link {
                Some(url) => l.rich(
                    "announce-posted-link",
                    vec![
                        ("channel", channel()),
                        ("link", Text::new().link(l.t("announce-see-message", &[]), url.clone()).into()),
                    ],
                ),
                None => l.rich("announce-posted", vec![("channel", channel())]),
            };
            Reply::new(l.t("announce-posted-title", &[])).description(d).ephemeral()
        }
        Err(e) => super::refusal(l, "announce-not-posted", Text::plain(send_error(l, e))),
    }
}

/// Why a post failed, in the moderator's language; Discord's own words kept as they came.
pub fn send_error(l: Lang, e: &SendError) -> String {
    match e {
        SendError::Refused { reason, status, code, message } => {
            let said = l.t("announce-refused", &[("reason", format!("{status} {message} (code {code})").into())]);
            let hint = match reason {
                Refusal::MissingPermissions => "announce-refused-permissions",
                Refusal::MissingAccess => "announce-refused-access",
                Refusal::UnknownChannel => "announce-refused-channel",
                Refusal::CannotManageEvents => "announce-refused-events",
                Refusal::Other | Refusal::UnknownEvent => return said,
            };
            format!("{said} {}", l.t(hint, &[]))
        }
        SendError::Transient(why) => l.t("announce-failed", &[("reason", why.as_str().into())]),
    }
}
