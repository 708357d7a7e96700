//! `/announce city [channel] [preview]`: posts a partnership's anniversary announcement, from
//! the server's template, into a channel. For moderators (Manage Messages).

use chrono::Datelike;

use super::{needs_manage_messages_in, partner, partner_names, Args, CommandSpec, Ctx, OptionKind, OptionSpec};
use super::{Origin, Permission};
use crate::anniversaries::dates::in_year;
use crate::core::matcher::Resolution;
use crate::core::phrases::{date, link_kind, ordinal};
use crate::core::reply::{Action, Reply, Text};
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
    complete: Some(partner::complete),
};

fn run(ctx: &Ctx, args: &Args) -> Reply {
    let dir = ctx.dir;
    let query = args.str("city").unwrap_or_default();
    let i = match dir.matcher().resolve(query) {
        Resolution::Partner(c) => c.partner,
        Resolution::Unsure(cands) if !cands.is_empty() => {
            let names = cands.iter().take(3).map(|c| dir.partners[c.partner].name.clone()).collect::<Vec<_>>();
            return Reply::not_found(
                "No partner found",
                Text::plain("No partner matches “")
                    .user(query)
                    .text("”. Did you mean ")
                    .strong(names.join(" or "))
                    .text("?"),
            );
        }
        _ => {
            return Reply::not_found(
                "Which partner?",
                Text::plain("Name one partner city: ").append(partner_names(dir)).text("."),
            )
        }
    };
    let p = &dir.partners[i];
    let year = ctx.today.year();
    let Some(a) = in_year(i, &p.since, year) else {
        return Reply::invalid(Text::plain(format!(
            "The {} with {} dates from {}: its first anniversary is in {}.",
            link_kind(p.kind),
            p.name,
            date(&p.since),
            p.since.year + 1
        )));
    };
    let content = ctx.posting.template.render(dir, &a);
    let title = format!("{}: {} anniversary", p.name, ordinal(a.number));
    match ctx.origin {
        Origin::Server(s) => {
            let target = args.channel("channel").unwrap_or(s.channel_id);
            if !s.allows_in(target, Permission::ManageMessages) {
                return Reply {
                    title: "Moderators only".into(),
                    ..Reply::invalid(needs_manage_messages_in(target, "to post an announcement there"))
                };
            }
            if args.bool("preview") == Some(true) {
                Reply::new(format!("Preview · {title}"))
                    .description(Text::new().markdown(content))
                    .field("Would be posted in", Text::new().channel(target), false)
                    .footer("Preview only: nothing was posted. Run /announce without preview to post it.")
                    .ephemeral()
            } else {
                Reply::new(format!("Posting · {title}"))
                    .description(Text::plain("Posting in ").channel(target).text("…"))
                    .ephemeral()
                    .action(Action::Post { channel_id: target, content })
            }
        }
        // The terminal cannot post: it shows what would be posted.
        Origin::Cli | Origin::Direct => Reply::new(format!("Preview · {title}"))
            .description(Text::new().markdown(content))
            .footer("Preview only: use /announce in a Discord server to post it."),
    }
}

/// What the moderator sees once the post was tried.
pub fn posted(guild_id: u64, channel_id: u64, result: &Result<u64, SendError>) -> Reply {
    match result {
        Ok(message) => Reply::new("Announcement posted")
            .description(
                Text::plain("Posted in ")
                    .channel(channel_id)
                    .text(": ")
                    .link("see the message", format!("https://discord.com/channels/{guild_id}/{channel_id}/{message}"))
                    .text("."),
            )
            .ephemeral(),
        Err(e) => Reply { title: "Not posted".into(), ..Reply::invalid(Text::plain(format!("{e}."))) },
    }
}
