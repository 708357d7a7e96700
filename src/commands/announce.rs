//! `/announce city [channel] [preview]`: posts a partnership's anniversary announcement, from
//! the server's template, into a channel. For moderators (Manage Messages).

use chrono::Datelike;

use super::{
    did_you_mean, needs_manage_messages_in, partner, partner_names, Args, CommandSpec, Ctx, OptionKind, OptionSpec,
};
use super::{Answer, Effect, Permission, Via};
use crate::anniversaries::dates::in_year;
use crate::core::matcher::Resolution;
use crate::core::phrases::{date, link_kind, ordinal, suspended_since};
use crate::core::reply::{Reply, Text};
use crate::ledger::poster::SendError;

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
};

fn run(ctx: &Ctx, args: &Args) -> Answer {
    let dir = ctx.dir;
    let query = args.str("city").unwrap_or_default();
    let i = match dir.matcher().resolve(query) {
        Resolution::Partner(c) => c.partner,
        Resolution::Unsure(cands) if !cands.is_empty() => {
            let names = cands.iter().take(3).map(|c| dir.partners[c.partner].name.clone());
            let d = Text::plain("No partner matches “").user(query).text("”.").append(did_you_mean(names));
            return Reply::not_found("No partner found", d).into();
        }
        _ => {
            return Reply::not_found(
                "Which partner?",
                Text::plain("Name one partner city: ").append(partner_names(dir)).text("."),
            )
            .into()
        }
    };
    let p = &dir.partners[i];
    if let Some(s) = p.suspended {
        return Reply::invalid(Text::plain(format!(
            "The {} with {} is {}: its anniversaries are not announced. The notes in /partner say why.",
            link_kind(p.kind),
            p.name,
            suspended_since(s)
        )))
        .into();
    }
    let year = ctx.today.year();
    let Some(a) = in_year(i, &p.since, year) else {
        return Reply::invalid(Text::plain(format!(
            "The {} with {} dates from {}: its first anniversary is in {}.",
            link_kind(p.kind),
            p.name,
            date(&p.since),
            p.since.year + 1
        )))
        .into();
    };
    let content = ctx.posting.template.render(dir, &a);
    let title = format!("{}: {} anniversary", p.name, ordinal(a.number));
    let inv = ctx.inv;
    if inv.via == Via::Terminal || inv.guild_id.is_none() {
        // The terminal cannot post: it shows what would be posted.
        return Reply::new(format!("Preview · {title}"))
            .description(Text::new().markdown(content))
            .footer("Preview only: use /announce in a Discord server to post it.")
            .into();
    }
    let target = args.channel("channel").unwrap_or(inv.channel_id);
    if !inv.allows_in(target, Permission::ManageMessages) {
        return Reply {
            title: "Moderators only".into(),
            ..Reply::invalid(needs_manage_messages_in(target, "to post an announcement there"))
        }
        .into();
    }
    if args.bool("preview") == Some(true) {
        Reply::new(format!("Preview · {title}"))
            .description(Text::new().markdown(content))
            .field("Would be posted in", Text::new().channel(target), false)
            .footer("Preview only: nothing was posted. Run /announce without preview to post it.")
            .ephemeral()
            .into()
    } else {
        Reply::new(format!("Posting · {title}"))
            .description(Text::plain("Posting in ").channel(target).text("…"))
            .ephemeral()
            .with_effect(Effect::Post { channel_id: target, content })
    }
}

/// What the moderator sees once the post was tried: where it went, with a link to the message
/// when the platform gives one.
pub fn posted(channel_id: u64, result: &Result<Option<String>, SendError>) -> Reply {
    match result {
        Ok(link) => {
            let mut d = Text::plain("Posted in ").channel(channel_id);
            if let Some(url) = link {
                d = d.text(": ").link("see the message", url.clone());
            }
            Reply::new("Announcement posted").description(d.text(".")).ephemeral()
        }
        Err(e) => Reply { title: "Not posted".into(), ..Reply::invalid(Text::plain(format!("{e}."))) },
    }
}
