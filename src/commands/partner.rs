//! `/partner city:<name>`: everything about one partnership.

use super::{
    data_footer, did_you_mean, partner_line, partner_names, Answer, Args, Choice, CommandSpec, Ctx, OptionKind,
    OptionSpec, MAX_SUGGESTIONS,
};
use crate::core::data::{Directory, LinkKind, Milestone, Partner};
use crate::core::matcher::{How, Resolution};
use crate::core::phrases::{date, home_names, link_kind, possessive, short_date, suspended_since};
use crate::core::reply::{join, shorten, Reply, Text};
use crate::core::text::flag;

pub const SPEC: CommandSpec = CommandSpec {
    name: "partner",
    description: "Everything about one partner city",
    options: &[OptionSpec {
        name: "city",
        description: "The partner city, in any spelling or language",
        kind: OptionKind::String,
        required: true,
        min: None,
        max: None,
        autocomplete: true,
    }],
    needs: None,
    run,
    slow: false,
    complete: Some(complete),
};

fn colour(kind: LinkKind) -> u32 {
    match kind {
        LinkKind::Twinning => 0x2E7D32,
        LinkKind::Partnership => 0x1565C0,
        LinkKind::Friendship => 0xF9A825,
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn timeline_line(m: &Milestone) -> Text {
    Text::new().strong(short_date(&m.date)).text(format!(" · {}", m.text))
}

fn source_label(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url).split('/').next().unwrap_or(url);
    host.trim_start_matches("www.").to_string()
}

/// The full card of one partner.
pub fn card(ctx: &Ctx, p: &Partner, note: Option<Text>) -> Reply {
    let home = ctx.dir.home_of(p);
    let years = p.since.years_until(ctx.today);
    let mut description = Text::new();
    if let Some(note) = note {
        description = description.append(note).text("\n\n");
    }
    // A partner that is also a home here: the link is shown, and the other side is named.
    let key = crate::core::text::fold(&p.name);
    if ctx.dir.homes.iter().any(|h| crate::core::text::fold(&h.name) == key) {
        description = description
            .text(format!("{} is also a home city here: ", p.name))
            .code("/partners")
            .text(format!(" lists its partners too, {} among them.\n\n", home.name));
    }
    description = description.text(p.summary.clone());

    let formalised = if years >= 1 {
        format!("{} ({years} year{} ago)", date(&p.since), if years == 1 { "" } else { "s" })
    } else if years == 0 {
        format!("{} (this year)", date(&p.since))
    } else {
        format!("{} (in the future)", date(&p.since))
    };
    let list = |items: &[String]| join(items.iter().map(|a| Text::plain(format!("• {a}"))), "\n");

    let mut reply = Reply::new(format!("{} ↔ {}", home.name, p.name))
        .description(description)
        .field("Country", Text::plain(format!("{} {}", flag(&p.country_code), p.country).trim().to_string()), true)
        .field("Link", Text::plain(capitalised(link_kind(p.kind))), true)
        .field("Formalised", Text::plain(formalised), true);
    if let Some(s) = p.suspended {
        reply = reply.field("Status", Text::plain(capitalised(&suspended_since(s))).text(": see the notes."), false);
    }
    if let Some(roots) = &p.roots {
        reply = reply.field("Roots", Text::plain(capitalised(roots)), false);
    }
    reply = reply
        .field("Areas of cooperation", list(&p.areas), false)
        .field("Timeline", join(p.milestones.iter().map(timeline_line), "\n"), false)
        .field("Community groups", list(&p.groups), false)
        .field("Also known as", Text::plain(p.aliases.join(", ")), false);
    if let Some(notes) = &p.notes {
        reply = reply.field("Notes", Text::plain(notes.clone()), false);
    }
    reply
        .field(
            "Sources",
            join(
                p.sources
                    .iter()
                    .enumerate()
                    .map(|(i, u)| Text::plain(format!("{}. ", i + 1)).link(source_label(u), u.clone())),
                "\n",
            ),
            false,
        )
        .footer(data_footer(ctx.dir))
        .colour(colour(p.kind))
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let query = args.str("city").unwrap_or_default();
    let dir = ctx.dir;
    let home = home_names(dir);
    match dir.matcher().resolve(query) {
        Resolution::Empty => Reply::invalid(
            Text::plain("Type a partner city's name, such as ")
                .strong(dir.oldest_first().first().map_or("Dortmund".to_string(), |&i| dir.partners[i].name.clone()))
                .text("."),
        ),
        Resolution::Partner(c) => {
            let p = &dir.partners[c.partner];
            // Another script spells the same name: say so, as for an alias.
            let other_script = query.chars().any(|ch| ch.is_alphabetic() && ch > '\u{024F}');
            let note = match c.how {
                How::Name if !other_script => None,
                How::Name | How::Alias => {
                    Some(Text::plain("“").user(query).text(format!("” is another name for {}.", p.name)))
                }
                How::Prefix | How::Fuzzy => {
                    Some(Text::plain(format!("Showing {} for “", p.name)).user(query).text("”."))
                }
            };
            card(ctx, p, note)
        }
        Resolution::Country { name, code, partners } => {
            let oldest_first = dir.oldest_first().into_iter().filter(|i| partners.contains(i));
            let lines = join(oldest_first.map(|i| partner_line(dir, &dir.partners[i])), "\n");
            Reply::new(format!("{} partners in {} {}", possessive(&home), name, flag(&code)).trim_end().to_string())
                .description(
                    lines.text("\n\nUse ").strong("/partner").text(" with one of these names for the full story."),
                )
                .footer(data_footer(dir))
        }
        Resolution::Home { home: h, via } => {
            let home_name = &dir.homes[h].name;
            let first = if via == *home_name {
                Text::plain(format!(
                    "{home_name} is the home city here: twinbot tells you about {} partners.",
                    possessive(home_name)
                ))
            } else {
                Text::plain(format!(
                    "{via} is part of {home_name}, the home side of these partnerships, not a partner."
                ))
                .append(own_links(dir, h, &via))
            };
            Reply::not_found(
                format!("{home_name} is home"),
                first.text("\n\nTry one of: ").append(partner_names(dir)).text("."),
            )
        }
        Resolution::Unsure(cands) => {
            let d = Text::plain(format!("No partner of {home} matches “"))
                .user(query)
                .text("”.")
                .append(did_you_mean(cands.iter().take(3).map(|c| dir.partners[c.partner].name.clone())));
            Reply::not_found("No partner found", d).field(
                format!("Try one of {} partners", possessive(&home)),
                partner_names(dir),
                false,
            )
        }
    }
}

/// " Morley's own partner is **Siegen** (twinning since 16 July 1966): /partner siegen tells its
/// story.": the links a part of the home city made itself (`via` in the data).
fn own_links(dir: &Directory, home: usize, part: &str) -> Text {
    let own: Vec<&Partner> = dir.partners.iter().filter(|p| p.home == home && p.via.as_deref() == Some(part)).collect();
    let Some(first) = own.first() else { return Text::new() };
    let names = join(
        own.iter().map(|p| {
            Text::new().strong(p.name.clone()).text(format!(" ({} since {})", link_kind(p.kind), date(&p.since)))
        }),
        " and ",
    );
    let what = if own.len() == 1 { "partner is" } else { "partners are" };
    Text::plain(format!(" {} own {what} ", possessive(part)))
        .append(names)
        .text(": ")
        .code(format!("/partner {}", first.name.to_lowercase()))
        .text(" tells its story.")
}

/// Autocomplete for `city`: every partner for an empty box, else ranked matches.
pub fn complete(ctx: &Ctx, option: &str, typed: &str) -> Vec<Choice> {
    if option != "city" {
        return Vec::new();
    }
    let dir = ctx.dir;
    let idx = if typed.trim().is_empty() { dir.oldest_first() } else { dir.matcher().complete(typed, MAX_SUGGESTIONS) };
    idx.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|i| {
            let p = &dir.partners[i];
            let name = if dir.homes.len() > 1 {
                format!("{} ({}) – with {}", p.name, p.country, dir.home_of(p).name)
            } else {
                format!("{} ({})", p.name, p.country)
            };
            Choice { name: shorten(&name, 100), value: shorten(&p.name, 100) }
        })
        .collect()
}
