//! `/partner city:<name>`: everything about one partnership.

use super::{
    data_footer, did_you_mean, partner_line, partner_names, Answer, Args, Choice, CommandSpec, Ctx, OptionKind,
    OptionSpec, MAX_SUGGESTIONS,
};
use crate::core::data::{LinkKind, Partner};
use crate::core::i18n::Part;
use crate::core::matcher::{How, Resolution};
use crate::core::phrases::{
    country, country_of, date_value, home_names, link_kind, short_date, suspended_since, texts,
};
use crate::core::reply::{join, shorten, Reply, Text};
use crate::core::text::{flag, fold};

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
    subcommands: &[],
    resume: None,
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
    let Some(first) = c.next() else { return String::new() };
    let mut out = String::with_capacity(s.len() + 2);
    out.extend(first.to_uppercase());
    out.push_str(c.as_str());
    out
}

fn source_label(url: &str) -> String {
    let after_scheme = match url.find(':') {
        Some(i) if url[i..].starts_with("://") => &url[i + 3..],
        _ => url,
    };
    let host = after_scheme.split('/').next().unwrap_or(after_scheme);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// A partner's other names, beside the one its card is titled with in the reader's language: the
/// data's own name where that is another, then its aliases (each as written: "Харків" is
/// another name for Kharkiv, though they fold alike).
fn other_names(l: crate::core::i18n::Lang, p: &Partner) -> Vec<&str> {
    let shown = p.name_in(l);
    let mut out: Vec<&str> = Vec::with_capacity(p.aliases.len() + 1);
    for n in std::iter::once(&p.name).chain(&p.aliases) {
        let same = |m: &str| same_ignoring_case(m, n);
        if !same(shown) && !out.iter().any(|m| same(m)) {
            out.push(n);
        }
    }
    out
}

/// Whether two names are the same but for case ("Kharkiv", "KHARKIV"; "Харків", "харків").
fn same_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// The full card of one partner, in the language of the reply.
pub fn card(ctx: &Ctx, p: &Partner, note: Option<Text>) -> Reply {
    let l = ctx.lang();
    let home = ctx.dir.home_of(p);
    let texts = texts(l, home, p);
    let years = p.since.years_until(ctx.today);
    let mut description = Text::new();
    if let Some(note) = note {
        description = description.append(note).text("\n\n");
    }
    // A partner that is also a home here: the link is shown, and the other side is named.
    let key = crate::core::text::fold(&p.name);
    if ctx.dir.homes.iter().any(|h| crate::core::text::fold(&h.name) == key) {
        description = description
            .append(ctx.rich(
                "partner-also-home",
                vec![
                    ("partner", p.name_in(l).into()),
                    ("command", Text::new().code(ctx.command("partners")).into()),
                    ("home", home.name_in(l).into()),
                ],
            ))
            .text("\n\n");
    }
    description = description.text(texts.summary.to_string());
    let formalised = l.t(
        "formalised-when",
        &[
            ("date", date_value(l, &p.since).into()),
            ("ago", l.years_ago(years, chrono::Datelike::year(&ctx.today) - p.since.year).into()),
        ],
    );
    let list = |items: &[String]| join(items.iter().map(|a| Text::plain(format!("• {a}"))), "\n");
    let timeline = p
        .milestones
        .iter()
        .zip(&texts.timeline)
        .map(|(m, text)| Text::new().strong(short_date(l, &m.date)).text(format!(" · {text}")));

    let mut reply = Reply::new(format!("{} ↔ {}", home.name_in(l), p.name_in(l)))
        .description(description)
        .field(
            ctx.t("field-country", &[]),
            Text::plain(format!("{} {}", flag(&p.country_code), country(l, p)).trim().to_string()),
            true,
        )
        .field(ctx.t("field-link", &[]), Text::plain(capitalised(&link_kind(l, p.kind))), true)
        .field(ctx.t("field-formalised", &[]), Text::plain(formalised), true);
    if let Some(s) = p.suspended {
        let status = ctx.t("partner-status", &[("suspended", suspended_since(l, s).into())]);
        reply = reply.field(ctx.t("field-status", &[]), Text::plain(capitalised(&status)), false);
    }
    if let Some(roots) = texts.roots {
        reply = reply.field(ctx.t("field-roots", &[]), Text::plain(capitalised(roots)), false);
    }
    reply = reply
        .field(ctx.t("field-areas", &[]), list(texts.areas), false)
        .field(ctx.t("field-timeline", &[]), join(timeline, "\n"), false)
        .field(ctx.t("field-groups", &[]), list(texts.groups), false)
        .field(ctx.t("field-aliases", &[]), Text::plain(l.and_list(&other_names(l, p))), false);
    if let Some(notes) = texts.notes {
        reply = reply.field(ctx.t("field-notes", &[]), Text::plain(notes.to_string()), false);
    }
    reply = reply.field(
        ctx.t("field-sources", &[]),
        join(
            p.sources
                .iter()
                .enumerate()
                .map(|(i, u)| Text::plain(format!("{}. ", i + 1)).link(source_label(u), u.clone())),
            "\n",
        ),
        false,
    );
    // Texts without a translation are shown as written, said discreetly in the footer.
    let footer = match texts.fallback {
        true => format!("{} · {}", ctx.t("untranslated", &[]), data_footer(l, ctx.dir)),
        false => data_footer(l, ctx.dir),
    };
    reply.footer(footer).colour(colour(p.kind))
}

fn run(ctx: &Ctx, args: &Args) -> Answer {
    reply(ctx, args).into()
}

fn reply(ctx: &Ctx, args: &Args) -> Reply {
    let l = ctx.lang();
    let query = args.str("city").unwrap_or_default();
    let dir = ctx.dir;
    let home = home_names(l, dir);
    let user = || Part::Text(Text::new().user(query));
    match dir.matcher().resolve(query) {
        Resolution::Empty => {
            let example =
                dir.oldest_first().first().map_or("Dortmund".to_string(), |&i| dir.partners[i].name_in(l).to_string());
            ctx.invalid(ctx.rich("partner-empty", vec![("example", Text::new().strong(example).into())]))
        }
        Resolution::Partner(c) => {
            let p = &dir.partners[c.partner];
            // Another script spells the same name: say so, as for an alias.
            let other_script = query.chars().any(|ch| ch.is_alphabetic() && ch > '\u{024F}');
            let note = match c.how {
                How::Name if !other_script => None,
                // The name the reader's language gives it, as the card is titled.
                How::Name | How::Alias if same_ignoring_case(query.trim(), p.name_in(l)) => None,
                How::Name | How::Alias => {
                    Some(ctx.rich("partner-another-name", vec![("query", user()), ("partner", p.name_in(l).into())]))
                }
                How::Prefix | How::Fuzzy => {
                    Some(ctx.rich("partner-showing", vec![("query", user()), ("partner", p.name_in(l).into())]))
                }
            };
            card(ctx, p, note)
        }
        Resolution::Country { name, code, partners } => {
            let oldest_first = dir.oldest_first().into_iter().filter(|i| partners.contains(i));
            let lines = join(oldest_first.map(|i| partner_line(l, dir, &dir.partners[i])), "\n");
            let country = country_of(l, &code, &name);
            let title = ctx.t("partner-country-title", &[("home", home.clone().into()), ("country", country.into())]);
            Reply::new(format!("{title} {}", flag(&code)).trim_end().to_string())
                .description(lines.text("\n\n").append(ctx.rich(
                    "partner-country-hint",
                    vec![("command", Text::new().strong(ctx.command("partner")).into())],
                )))
                .footer(data_footer(l, dir))
        }
        Resolution::Home { home: h, via } => {
            let the_home = &dir.homes[h];
            let home_name = &the_home.name_in(l).to_string();
            // The home itself, by any of its names, or a part of it ("Morley").
            let itself = std::iter::once(&the_home.name).chain(the_home.names.iter().map(|(_, n)| n));
            let via_key = fold(&via);
            let first = if itself.map(|n| fold(n)).any(|n| n == via_key) {
                ctx.rich("partner-is-home", vec![("home", home_name.clone().into())])
            } else {
                ctx.rich(
                    "partner-part-of-home",
                    vec![("place", via.clone().into()), ("home", home_name.clone().into())],
                )
            };
            let first = match own_links(ctx, h, &via) {
                Some(links) => l.sentences(first, links),
                None => first,
            };
            Reply::not_found(
                ctx.t("partner-home-title", &[("home", home_name.clone().into())]),
                first
                    .text("\n\n")
                    .append(ctx.rich("partner-try-one-of", vec![("names", partner_names(l, dir).into())])),
            )
        }
        Resolution::Unsure(cands) => {
            let d = did_you_mean(
                l,
                ctx.rich("partner-none", vec![("home", home.clone().into()), ("query", user())]),
                cands.iter().take(3).map(|c| dir.partners[c.partner].name_in(l).to_string()),
            );
            Reply::not_found(ctx.t("partner-none-title", &[]), d).field(
                ctx.t("partner-try-field", &[("home", home.into())]),
                partner_names(l, dir),
                false,
            )
        }
    }
}

/// "Morley's own partner is **Siegen** (twinning since 16 July 1966): /partner siegen tells its
/// story.": the links a part of the home city made itself (`via` in the data), if any.
fn own_links(ctx: &Ctx, home: usize, part: &str) -> Option<Text> {
    let (l, dir) = (ctx.lang(), ctx.dir);
    let own: Vec<&Partner> = dir.partners.iter().filter(|p| p.home == home && p.via.as_deref() == Some(part)).collect();
    let first = own.first()?;
    let links: Vec<Text> = own
        .iter()
        .map(|p| {
            ctx.rich(
                "partner-own-link",
                vec![
                    ("name", Text::new().strong(p.name_in(l)).into()),
                    ("kind", link_kind(l, p.kind).into()),
                    ("since", date_value(l, &p.since).into()),
                ],
            )
        })
        .collect();
    let command = Text::new().code(format!("{} {}", ctx.command("partner"), first.name.to_lowercase()));
    Some(ctx.rich(
        "partner-own-links",
        vec![
            ("count", own.len().into()),
            ("place", part.to_string().into()),
            ("links", l.join_texts(links, false).into()),
            ("command", command.into()),
        ],
    ))
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
            let l = ctx.lang();
            let (name, country) = (p.name_in(l).into(), country(l, p).into());
            let name = if dir.homes.len() > 1 {
                let home = dir.home_of(p).name_in(l).into();
                l.t("partner-choice-with", &[("name", name), ("country", country), ("home", home)])
            } else {
                l.t("partner-choice", &[("name", name), ("country", country)])
            };
            Choice { name: shorten(&name, 100), value: shorten(&p.name, 100) }
        })
        .collect()
}
