//! `/town`: a server's own town, made and kept from Discord by those who manage the server.
//!
//! - `create` makes the town from the world gazetteer, as `twinbot init` makes a data file;
//! - `add` finds a partner in the gazetteer, then asks for its texts in a form;
//! - `remove` and `delete` ask for a confirmation with buttons;
//! - `history` lists the latest versions, and `undo` writes the one before again.
//!
//! Every change is an [`Effect::Town`]: the application makes it on the town as it is when it is
//! written, with every check a data file passes. Buttons and forms belong to a [`Pending`] action
//! kept in the database, so any replica can finish it. Every reply is shown only to the member.

use chrono::NaiveDate;
use serde_json::json;

use super::{Act, Answer, Args, Choice, CommandSpec, Ctx, Effect, OptionKind, OptionSpec, Permission, Value};
use crate::core::data::Partner;
use crate::core::data::{PartialDate, MAX_YEAR, MIN_YEAR};
use crate::core::gazetteer::{Found, Gazetteer, Place};
use crate::core::i18n::{Lang, Part};
use crate::core::phrases::{country_of, date, date_value};
use crate::core::reply::{shorten, Attachment, ButtonStyle, Form, Input, Reply, Text};
use crate::core::text::{flag, fold};
use crate::state::files::{self, ImportError};
use crate::state::pending::{custom_id, Pending, PENDING_MINUTES};
use crate::state::town::{
    self as document, typed_date, Cap, Facts, NewPartner, Texts, TownChange, TownError, TownNotSaved, TownOp,
    TownRecord, HOME_ID, KINDS, MAX_FIELD_TEXT, MAX_MILESTONE_TEXT, MAX_SOURCE, MAX_SOURCES, MAX_SUMMARY,
};

const NEEDS: Option<Permission> = Some(Permission::ManageGuild);

const COUNTRY: OptionSpec = OptionSpec::optional(
    "country",
    "Its country's two-letter code (GB, DE…), where several cities share the name",
    OptionKind::String,
    false,
);

pub const SPEC: CommandSpec = CommandSpec {
    name: "town",
    description: "Make and keep this server's own town and its partner cities (Manage Server)",
    options: &[],
    needs: NEEDS,
    run: parent,
    slow: false,
    complete: None,
    subcommands: &[CREATE, ADD, EDIT, LANGUAGE, REMOVE, HISTORY, UNDO, EXPORT, IMPORT, CALENDAR, DELETE],
    resume: None,
};

const CREATE: CommandSpec = CommandSpec {
    name: "town create",
    description: "Make this server's own town from the world's cities",
    options: &[OptionSpec::required("city", "Your town, as people write it", OptionKind::String, true), COUNTRY],
    needs: NEEDS,
    run: create,
    slow: false,
    complete: Some(complete_world),
    subcommands: &[],
    resume: None,
};

const ADD: CommandSpec = CommandSpec {
    name: "town add",
    description: "Add a partner city to this server's town",
    options: &[
        OptionSpec::required("city", "The partner city", OptionKind::String, true),
        OptionSpec::required("year", "The year the link was formalised", OptionKind::Integer, false)
            .between(MIN_YEAR as i64, MAX_YEAR as i64),
        OptionSpec::optional("date", "The exact date, YYYY-MM-DD, if your sources give it", OptionKind::String, false),
        OptionSpec::optional("month", "The month (1 to 12), if only the month is known", OptionKind::Integer, false)
            .between(1, 12),
        OptionSpec::optional(
            "kind",
            "Twinning, partnership or friendship (twinning if not given)",
            OptionKind::String,
            true,
        ),
        OptionSpec::optional("source", "The address of a web page that says so", OptionKind::String, false),
        COUNTRY,
    ],
    needs: NEEDS,
    run: add,
    slow: false,
    complete: Some(complete_world),
    subcommands: &[],
    resume: Some(resume_add),
};

const EDIT: CommandSpec = CommandSpec {
    name: "town edit",
    description: "Edit a partner city's texts, then its dates and sources",
    options: &[OptionSpec::required("city", "The partner to edit", OptionKind::String, true)],
    needs: NEEDS,
    run: edit,
    slow: false,
    complete: Some(complete_partner),
    subcommands: &[],
    resume: Some(resume_edit),
};

const LANGUAGE: CommandSpec = CommandSpec {
    name: "town language",
    description: "Write a partner city's texts in another language",
    options: &[
        OptionSpec::required("city", "The partner", OptionKind::String, true),
        OptionSpec::required("lang", "The language to write its texts in", OptionKind::Language, false),
    ],
    needs: NEEDS,
    run: language,
    slow: false,
    complete: Some(complete_partner),
    subcommands: &[],
    resume: Some(resume_language),
};

const REMOVE: CommandSpec = CommandSpec {
    name: "town remove",
    description: "Remove a partner city from this server's town",
    options: &[OptionSpec::required("city", "The partner to remove", OptionKind::String, true)],
    needs: NEEDS,
    run: remove,
    slow: false,
    complete: Some(complete_partner),
    subcommands: &[],
    resume: Some(resume_remove),
};

const HISTORY: CommandSpec = CommandSpec {
    name: "town history",
    description: "The latest changes to this server's town, and who made them",
    options: &[],
    needs: NEEDS,
    run: history,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: None,
};

const UNDO: CommandSpec = CommandSpec {
    name: "town undo",
    description: "Undo the latest change to this server's town",
    options: &[],
    needs: NEEDS,
    run: undo,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: None,
};

const EXPORT: CommandSpec = CommandSpec {
    name: "town export",
    description: "This server's town as files: its data (TOML) and its partners for spreadsheets (CSV)",
    options: &[],
    needs: NEEDS,
    run: export,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: None,
};

const IMPORT: CommandSpec = CommandSpec {
    name: "town import",
    description: "Replace this server's town with a file: its data (TOML) or its partners (CSV)",
    options: &[OptionSpec::required(
        "file",
        "A file from /town export, changed: the TOML (all of it) or the CSV (the partners)",
        OptionKind::Attachment,
        false,
    )],
    needs: NEEDS,
    run: import,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: Some(resume_import),
};

const CALENDAR: CommandSpec = CommandSpec {
    name: "town calendar",
    description: "The address of this town's calendar feed, for calendar apps",
    options: &[OptionSpec::optional(
        "renew",
        "Make a new address; the old one stops working",
        OptionKind::Boolean,
        false,
    )],
    needs: NEEDS,
    run: calendar,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: None,
};

const DELETE: CommandSpec = CommandSpec {
    name: "town delete",
    description: "Delete this server's town (its history is kept for 30 days)",
    options: &[],
    needs: NEEDS,
    run: delete,
    slow: false,
    complete: None,
    subcommands: &[],
    resume: Some(resume_delete),
};

/// Whether a command is `/town` or one of its subcommands.
pub fn is_town(name: &str) -> bool {
    name == "town" || name.starts_with("town ")
}

/// Whether a command finds cities in the world gazetteer.
pub fn needs_world(name: &str) -> bool {
    matches!(name, "town create" | "town add")
}

/// The most autocomplete choices and "did you mean" names shown from the gazetteer.
const SHOWN_PLACES: usize = 5;

fn parent(ctx: &Ctx, _: &Args) -> Answer {
    let l = ctx.lang();
    let names: Vec<String> = SPEC.subcommands.iter().map(|s| ctx.command(s.name)).collect();
    ctx.invalid(Text::plain(l.t("town-choose", &[("commands", l.or_list(&names).into())]))).into()
}

/// The town as the member sees it: its newest version, when it has a document.
fn current<'a>(ctx: &Ctx<'a>) -> Option<&'a TownRecord> {
    ctx.town.first().filter(|r| r.document.is_some())
}

/// Its version (0: it never had one) for a change's compare-and-swap.
fn version(ctx: &Ctx) -> i64 {
    ctx.town.first().map_or(0, |r| r.version)
}

/// The town's name.
fn town_name(ctx: &Ctx) -> String {
    current(ctx)
        .and_then(|r| document::load(r.document.as_deref()?).ok())
        .map_or_else(String::new, |(home, _)| home.name)
}

fn strong(s: impl Into<String>) -> Part {
    Text::new().strong(s).into()
}

fn user(s: &str) -> Part {
    Text::new().user(s.to_string()).into()
}

/// "Brno (CZ)": a gazetteer city as a choice's value; read back by [`city_and_country`].
fn place_value(p: &Place) -> String {
    format!("{} ({})", p.name, p.country_code)
}

/// "Brno (CZ)" in a reply, its brackets the language's ("Brno（CZ）").
fn place_shown(l: Lang, p: &Place) -> String {
    l.t("punctuation-aside", &[("text", p.name.as_str().into()), ("aside", p.country_code.as_str().into())])
}

/// The city typed or chosen, and its country: the option's, else the "(CZ)" a choice carries.
fn city_and_country(args: &Args) -> (&str, Option<String>) {
    let city = args.str("city").unwrap_or_default().trim();
    let given = args.str("country").map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty());
    if let Some((name, rest)) = city.rsplit_once(" (") {
        if let Some(code) =
            rest.strip_suffix(')').filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
        {
            return (name.trim(), given.or_else(|| Some(code.to_string())));
        }
    }
    (city, given)
}

/// The gazetteer's cities for what is being typed (`city`), and the kinds of link (`kind`).
fn complete_world(ctx: &Ctx, option: &str, typed: &str) -> Vec<Choice> {
    let l = ctx.lang();
    if option == "kind" {
        let typed = fold(typed);
        return KINDS
            .iter()
            .map(|k| Choice { name: l.t(&format!("kind-{k}"), &[]), value: k.to_string() })
            .filter(|c| typed.is_empty() || fold(&c.name).starts_with(&typed) || c.value.starts_with(&typed))
            .collect();
    }
    let Some(world) = ctx.world else { return Vec::new() };
    if option != "city" || fold(typed).is_empty() {
        return Vec::new();
    }
    world
        .complete(typed, super::MAX_SUGGESTIONS)
        .into_iter()
        .map(|p| {
            let country = country_of(l, &p.country_code, &p.country);
            let name = l.t("partner-choice", &[("name", p.name.clone().into()), ("country", country.into())]);
            Choice { name: shorten(&name, super::MAX_SUGGESTION_TEXT), value: shorten(&place_value(&p), 100) }
        })
        .collect()
}

/// The town's partners, for `remove`.
fn complete_partner(ctx: &Ctx, option: &str, typed: &str) -> Vec<Choice> {
    if option != "city" {
        return Vec::new();
    }
    let l = ctx.lang();
    let Some(dir) = town_catalog(ctx) else { return Vec::new() };
    let idx =
        if fold(typed).is_empty() { dir.oldest_first() } else { dir.matcher().complete(typed, super::MAX_SUGGESTIONS) };
    idx.into_iter()
        .filter(|&i| dir.partners[i].home == 0)
        .take(super::MAX_SUGGESTIONS)
        .map(|i| {
            let p = &dir.partners[i];
            let country = country_of(l, &p.country_code, &p.country);
            let name = l.t("partner-choice", &[("name", p.name.clone().into()), ("country", country.into())]);
            Choice { name: shorten(&name, super::MAX_SUGGESTION_TEXT), value: shorten(&p.name, 100) }
        })
        .collect()
}

/// The catalog the server answers from, when its first home is its own town (it has one).
fn town_catalog<'a>(ctx: &Ctx<'a>) -> Option<&'a crate::core::catalog::Catalog> {
    Some(ctx.dir).filter(|d| d.homes.first().is_some_and(|h| h.id == HOME_ID))
}

/// What a member who needs the town first is told.
fn no_town(ctx: &Ctx) -> Reply {
    let create = Part::from(ctx.command("town create"));
    ctx.refused("town-none-title", ctx.rich("town-none", vec![("create", create)]))
}

/// The city a name means in the gazetteer, or the reply saying it found none.
fn find_place(ctx: &Ctx, world: &Gazetteer, query: &str, country: Option<&str>) -> Result<(Place, Vec<Place>), Reply> {
    match world.find(query, country) {
        Found::City { place, others } => Ok((place, others)),
        Found::Nothing { close } => {
            let l = ctx.lang();
            let mut d = ctx.rich("town-not-found", vec![("query", user(query))]);
            if !close.is_empty() {
                let names: Vec<String> = close.iter().take(SHOWN_PLACES).map(|p| place_shown(l, p)).collect();
                d = l.sentences(d, ctx.rich("town-did-you-mean", vec![("places", l.or_list(&names).into())]));
            }
            Err(Reply::not_found(ctx.t("town-not-found-title", &[]), d))
        }
    }
}

/// The reply where the gazetteer cannot be read (the operator is told in the log).
fn no_world(ctx: &Ctx) -> Reply {
    ctx.refused("town-world-missing-title", Text::plain(ctx.t("town-world-missing", &[])))
}

/// "Other cities are called Newport too: …; to take one, …".
fn others_note(ctx: &Ctx, query: &str, place: &Place, others: &[Place]) -> Option<Text> {
    let first = others.first()?;
    let l = ctx.lang();
    let names: Vec<String> = others.iter().take(SHOWN_PLACES).map(|p| place_shown(l, p)).collect();
    let country = Text::new().code(format!("{}:{}", ctx.option("town create", "country"), first.country_code));
    Some(ctx.rich(
        "town-others",
        vec![
            ("name", user(query)),
            ("took", strong(place_shown(l, place))),
            ("others", l.and_list(&names).into()),
            ("country", country.into()),
        ],
    ))
}

fn create(ctx: &Ctx, args: &Args) -> Answer {
    if current(ctx).is_some() {
        let delete = Part::from(ctx.command("town delete"));
        return ctx
            .refused(
                "town-exists-title",
                ctx.rich("town-exists", vec![("town", strong(town_name(ctx))), ("delete", delete)]),
            )
            .into();
    }
    let Some(world) = ctx.world else { return no_world(ctx).into() };
    let (query, country) = city_and_country(args);
    let (place, others) = match find_place(ctx, world, query, country.as_deref()) {
        Ok(found) => found,
        Err(reply) => return reply.into(),
    };
    let l = ctx.lang();
    let add = Part::from(ctx.command("town add"));
    let name = format!("{} {}", place.name, flag(&place.country_code));
    let mut d = ctx.rich("town-created", vec![("town", strong(name)), ("add", add)]);
    if let Some(note) = others_note(ctx, query, &place, &others) {
        d = d.text("\n\n").append(note);
    }
    let facts = place_facts(l, &place);
    Reply::new(ctx.t("town-created-title", &[]))
        .description(d)
        .field(ctx.t("town-facts-field", &[]), facts, false)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Create { place }), base: version(ctx) })
}

/// "United Kingdom · 105,000 people · 53.75, -1.6": what the gazetteer gave the town.
fn place_facts(l: Lang, p: &Place) -> Text {
    let mut parts = vec![format!("{} {}", flag(&p.country_code), country_of(l, &p.country_code, &p.country))];
    if let Some(n) = p.population.filter(|&n| n > 0) {
        parts.push(l.t("town-people", &[("count", (n as i64).into())]));
    }
    if let Some((lat, lon)) = p.coords {
        parts.push(format!("{:.3}, {:.3}", lat, lon));
    }
    Text::plain(parts.join(" · "))
}

/// The partnership's facts, as given with `/town add`, checked before the form is shown.
fn new_partner(ctx: &Ctx, args: &Args) -> Result<NewPartner, Reply> {
    let year = args.int("year").unwrap_or_default() as i32;
    let date = match args.str("date").map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => {
            Some(typed_date(d).ok_or_else(|| ctx.invalid(ctx.rich("town-date-invalid", vec![("value", user(d))])))?)
        }
    };
    let kind = args.str("kind").map(fold).unwrap_or_else(|| "twinning".into());
    let kind = match KINDS.iter().find(|k| **k == kind || fold(&ctx.t(&format!("kind-{k}"), &[])) == kind) {
        Some(k) => k.to_string(),
        None => {
            return Err(
                ctx.invalid(ctx.rich("town-kind-invalid", vec![("value", user(args.str("kind").unwrap_or_default()))]))
            )
        }
    };
    let sources = match args.str("source").map(str::trim).filter(|s| !s.is_empty()) {
        None => Vec::new(),
        Some(s)
            if (s.starts_with("https://") || s.starts_with("http://"))
                && s.chars().count() <= MAX_SOURCE
                && !s.contains(char::is_whitespace) =>
        {
            vec![s.to_string()]
        }
        Some(s) => return Err(ctx.invalid(ctx.rich("town-source-invalid", vec![("value", user(s))]))),
    };
    let month = args.int("month").map(|m| m as u32);
    Ok(NewPartner { facts: Facts { kind, year, date, month, suspended: None, sources }, ..NewPartner::default() })
}

/// A place and a new partner's facts, as a pending action keeps them.
fn place_json(p: &Place) -> serde_json::Value {
    json!({
        "geonames": p.geonames_id, "name": p.name, "country": p.country, "country_code": p.country_code,
        "population": p.population, "coords": p.coords, "aliases": p.aliases,
    })
}

fn place_from(v: &serde_json::Value) -> Option<Place> {
    Some(Place {
        geonames_id: v["geonames"].as_u64()?,
        name: v["name"].as_str()?.to_string(),
        country: v["country"].as_str()?.to_string(),
        country_code: v["country_code"].as_str()?.to_string(),
        population: v["population"].as_u64(),
        coords: v["coords"].as_array().and_then(|c| Some((c.first()?.as_f64()?, c.get(1)?.as_f64()?))),
        aliases: v["aliases"].as_array()?.iter().filter_map(|a| a.as_str().map(str::to_string)).collect(),
    })
}

fn pending(ctx: &Ctx, command: &str, data: serde_json::Value) -> Pending {
    Pending {
        id: ctx.inv.id,
        guild_id: ctx.inv.guild_id.unwrap_or_default(),
        user_id: ctx.inv.user_id,
        command: command.to_string(),
        base: version(ctx),
        data,
        expires_at: ctx.now + chrono::Duration::minutes(PENDING_MINUTES),
    }
}

fn add(ctx: &Ctx, args: &Args) -> Answer {
    let Some(town) = current(ctx) else { return no_town(ctx).into() };
    let Some(world) = ctx.world else { return no_world(ctx).into() };
    let (query, country) = city_and_country(args);
    let (place, others) = match find_place(ctx, world, query, country.as_deref()) {
        Ok(found) => found,
        Err(reply) => return reply.into(),
    };
    let mut new = match new_partner(ctx, args) {
        Ok(n) => n,
        Err(reply) => return reply.into(),
    };
    // Checked now with a stand-in summary, so that the form is shown only for what can be added.
    new.texts.summary = "Summary".into();
    let doc = town.document.as_deref().unwrap_or_default();
    let tried = document::add_partner(doc, &place, &new).and_then(|(d, _)| document::checked(&d).map(|_| ()));
    if let Err(e) = tried {
        return refused(ctx, &e).into();
    }
    let l = ctx.lang();
    let data = json!({
        "place": place_json(&place), "kind": new.facts.kind, "year": new.facts.year,
        "date": new.facts.date.map(|d| d.to_string()), "month": new.facts.month, "sources": new.facts.sources,
        "note": others_note(ctx, query, &place, &others).is_some(), "query": query,
    });
    let form = Form {
        id: custom_id(ctx.inv.id, "texts"),
        title: shorten(
            &ctx.t("town-add-form-title", &[("city", place.name.clone().into())]),
            crate::core::reply::MAX_LABEL,
        ),
        inputs: vec![
            input(l, "summary", ("town-add-summary", "town-add-summary-placeholder"), true, MAX_SUMMARY),
            input(l, "roots", ("town-add-roots", "town-add-roots-placeholder"), false, MAX_FIELD_TEXT),
            input(l, "notes", ("town-add-notes", "town-add-notes-placeholder"), false, MAX_FIELD_TEXT),
            Input {
                long: false,
                ..input(
                    l,
                    "milestone",
                    ("town-add-milestone", "town-add-milestone-placeholder"),
                    false,
                    MAX_MILESTONE_TEXT,
                )
            },
        ],
    };
    let fallback = Reply::new(form.title.clone()).ephemeral();
    Answer::form(form, pending(ctx, "town add", data), fallback)
}

/// The partner a member named, as the town has it now (a refusal where it has none).
fn named_partner<'a>(ctx: &Ctx<'a>, args: &Args) -> Result<&'a Partner, Reply> {
    if current(ctx).is_none() {
        return Err(no_town(ctx));
    }
    let query = args.str("city").unwrap_or_default();
    match find_partner(ctx, query) {
        Some(i) => Ok(&ctx.dir.partners[i]),
        None => {
            let d = ctx.rich("town-no-partner", vec![("town", strong(town_name(ctx))), ("query", user(query))]);
            Err(Reply::not_found(ctx.t("town-no-partner-title", &[]), d))
        }
    }
}

/// The form of a partner's texts (in the data's language, or a translation's), filled in.
fn texts_form(ctx: &Ctx, step: &str, title: String, texts: &Texts) -> Form {
    let l = ctx.lang();
    let filled = |i: Input, v: Option<&str>| Input { value: v.filter(|v| !v.is_empty()).map(str::to_string), ..i };
    let areas = texts.areas.join("\n");
    Form {
        id: custom_id(ctx.inv.id, step),
        title: shorten(&title, crate::core::reply::MAX_LABEL),
        inputs: vec![
            filled(
                input(l, "summary", ("town-add-summary", "town-add-summary-placeholder"), true, MAX_SUMMARY),
                Some(&texts.summary),
            ),
            filled(
                input(l, "roots", ("town-add-roots", "town-add-roots-placeholder"), false, MAX_FIELD_TEXT),
                texts.roots.as_deref(),
            ),
            filled(
                input(l, "notes", ("town-add-notes", "town-add-notes-placeholder"), false, MAX_FIELD_TEXT),
                texts.notes.as_deref(),
            ),
            filled(
                input(l, "areas", ("town-edit-areas", "town-edit-areas-placeholder"), false, MAX_FIELD_TEXT),
                Some(&areas),
            ),
        ],
    }
}

/// The texts a form sent (the summary empty where none was written).
fn texts_sent(act: &Act) -> Texts {
    Texts {
        summary: written(act, "summary").unwrap_or_default(),
        roots: written(act, "roots"),
        notes: written(act, "notes"),
        areas: written(act, "areas")
            .map(|a| a.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
    }
}

fn edit(ctx: &Ctx, args: &Args) -> Answer {
    let p = match named_partner(ctx, args) {
        Ok(p) => p,
        Err(reply) => return reply.into(),
    };
    let texts =
        Texts { summary: p.summary.clone(), roots: p.roots.clone(), notes: p.notes.clone(), areas: p.areas.clone() };
    let title = ctx.t("town-edit-form-title", &[("city", p.name.clone().into())]);
    let form = texts_form(ctx, "texts", title.clone(), &texts);
    let keep = pending(ctx, "town edit", json!({ "id": p.id, "name": p.name }));
    Answer::form(form, keep, Reply::new(title).ephemeral())
}

/// The facts form of `/town edit`, filled in with the partner's facts.
fn facts_form(ctx: &Ctx, p: &Partner) -> Form {
    let l = ctx.lang();
    let date = match (p.since.month, p.since.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", p.since.year),
        (Some(m), None) => format!("{:04}-{m:02}", p.since.year),
        _ => String::new(),
    };
    let kind = l.t(
        match p.kind {
            crate::core::data::LinkKind::Twinning => "kind-twinning",
            crate::core::data::LinkKind::Partnership => "kind-partnership",
            crate::core::data::LinkKind::Friendship => "kind-friendship",
        },
        &[],
    );
    let short = |field, ids, required, max, value: String| Input {
        long: false,
        value: Some(value).filter(|v| !v.is_empty()),
        ..input(l, field, ids, required, max)
    };
    Form {
        id: custom_id(ctx.inv.id, "facts"),
        title: shorten(
            &ctx.t("town-facts-form-title", &[("city", p.name.clone().into())]),
            crate::core::reply::MAX_LABEL,
        ),
        inputs: vec![
            short("year", ("town-facts-year", "town-facts-year-placeholder"), true, 4, p.since.year.to_string()),
            short("date", ("town-facts-date", "town-facts-date-placeholder"), false, 10, date),
            short("kind", ("town-facts-kind", "town-facts-kind-placeholder"), true, 20, kind),
            short(
                "suspended",
                ("town-facts-suspended", "town-facts-suspended-placeholder"),
                false,
                10,
                p.suspended.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Input {
                value: Some(p.sources.join("\n")).filter(|v| !v.is_empty()),
                ..input(
                    l,
                    "sources",
                    ("town-facts-sources", "town-facts-sources-placeholder"),
                    false,
                    MAX_SOURCES * (MAX_SOURCE + 1),
                )
            },
        ],
    }
}

/// The facts a form sent, checked as `/town add` checks them.
fn facts_sent(ctx: &Ctx, act: &Act) -> Result<Facts, Reply> {
    let year = written(act, "year").unwrap_or_default();
    let Some(year) = year.parse::<i32>().ok().filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y)) else {
        return Err(ctx.invalid(ctx.rich("town-year-invalid", vec![("value", user(&year))])));
    };
    let (mut date, mut month) = (None, None);
    if let Some(d) = written(act, "date") {
        let d = d.as_str();
        if let Some(day) = typed_date(d) {
            date = Some(day);
        } else if let Some(m) =
            NaiveDate::parse_from_str(&format!("{d}-01"), "%Y-%m-%d").ok().filter(|m| chrono::Datelike::year(m) == year)
        {
            month = Some(chrono::Datelike::month(&m));
        } else {
            return Err(ctx.invalid(ctx.rich("town-date-invalid", vec![("value", user(d))])));
        }
    }
    let written_kind = written(act, "kind").unwrap_or_else(|| "twinning".into());
    let kind = fold(&written_kind);
    let Some(kind) = KINDS.iter().find(|k| **k == kind || fold(&ctx.t(&format!("kind-{k}"), &[])) == kind) else {
        return Err(ctx.invalid(ctx.rich("town-kind-invalid", vec![("value", user(&written_kind))])));
    };
    let suspended = match written(act, "suspended") {
        None => None,
        Some(d) => {
            Some(typed_date(&d).ok_or_else(|| ctx.invalid(ctx.rich("town-date-invalid", vec![("value", user(&d))])))?)
        }
    };
    let mut sources = Vec::new();
    let listed = written(act, "sources").unwrap_or_default();
    for s in listed.lines().map(str::trim).filter(|s| !s.is_empty()) {
        if !(s.starts_with("https://") || s.starts_with("http://")) || s.contains(char::is_whitespace) {
            return Err(ctx.invalid(ctx.rich("town-source-invalid", vec![("value", user(s))])));
        }
        sources.push(s.to_string());
    }
    Ok(Facts { year, month, date, kind: kind.to_string(), suspended, sources })
}

/// The steps of `/town edit`: the texts sent (saved; a button offers the facts), the button
/// pressed (the facts' form), the facts sent (saved).
fn resume_edit(ctx: &Ctx, p: &Pending) -> Answer {
    let (Some(id), Some(name)) = (p.data["id"].as_str(), p.data["name"].as_str()) else {
        return ctx.invalid(Text::plain(ctx.t("pending-gone", &[]))).into();
    };
    let step = ctx.inv.act.step().map_or("", |(_, s)| s);
    let edit_op =
        |texts, facts| Effect::Town { op: Box::new(TownOp::Edit { id: id.to_string(), texts, facts }), base: p.base };
    match step {
        "texts" => {
            let texts = texts_sent(&ctx.inv.act);
            let d = ctx.rich("town-edited", vec![("partner", strong(name))]);
            let reply = Reply::new(ctx.t("town-edited-title", &[])).description(d).ephemeral().button(
                custom_id(ctx.inv.id, "more"),
                ctx.t("button-more-facts", &[]),
                ButtonStyle::Secondary,
            );
            let next = Pending { base: p.base, ..pending(ctx, "town edit", p.data.clone()) };
            reply.with_effect(edit_op(Some(texts), None)).keeping(next)
        }
        "more" => {
            let Some(partner) = town_catalog(ctx).and_then(|d| d.partners.iter().find(|x| x.home == 0 && x.id == id))
            else {
                return ctx
                    .refused(
                        "town-no-partner-title",
                        ctx.rich("town-no-partner", vec![("town", strong(town_name(ctx))), ("query", user(name))]),
                    )
                    .into();
            };
            let form = facts_form(ctx, partner);
            let keep = Pending { base: p.base, ..pending(ctx, "town edit", p.data.clone()) };
            Answer::form(form, keep, Reply::new(ctx.t("town-edited-title", &[])).ephemeral())
        }
        "facts" => match facts_sent(ctx, &ctx.inv.act) {
            Ok(facts) => {
                let d = ctx.rich("town-facts-saved", vec![("partner", strong(name))]);
                Reply::new(ctx.t("town-edited-title", &[]))
                    .description(d)
                    .ephemeral()
                    .with_effect(edit_op(None, Some(facts)))
            }
            // What to fix, and the form again (a form closes when it is sent).
            Err(reply) => {
                let again =
                    reply.button(custom_id(ctx.inv.id, "more"), ctx.t("button-try-again", &[]), ButtonStyle::Primary);
                again.keeping(Pending { base: p.base, ..pending(ctx, "town edit", p.data.clone()) })
            }
        },
        _ => cancelled(ctx),
    }
}

fn language(ctx: &Ctx, args: &Args) -> Answer {
    let p = match named_partner(ctx, args) {
        Ok(p) => p,
        Err(reply) => return reply.into(),
    };
    let locale = args.str("lang").unwrap_or_default();
    let l = ctx.lang();
    let language = l.language_name(locale);
    let own = ctx.dir.homes.first().map_or("", |h| h.language.as_str());
    if locale == own {
        let edit = Part::from(ctx.command("town edit"));
        return ctx
            .refused(
                "town-not-saved-title",
                ctx.rich("town-language-own", vec![("language", language.into()), ("edit", edit)]),
            )
            .into();
    }
    let t = p.translations.iter().find(|t| t.locale == locale);
    let texts = Texts {
        summary: t.and_then(|t| t.summary.clone()).unwrap_or_default(),
        roots: t.and_then(|t| t.roots.clone()),
        notes: t.and_then(|t| t.notes.clone()),
        areas: t.and_then(|t| t.areas.clone()).unwrap_or_default(),
    };
    let title =
        ctx.t("town-translate-form-title", &[("city", p.name.clone().into()), ("language", language.clone().into())]);
    let mut form = texts_form(ctx, "texts", title.clone(), &texts);
    // A translation may be emptied, to take it away.
    form.inputs[0].required = false;
    // The city's name in that language comes first (a form holds five inputs).
    let called = p.names.iter().find(|(x, _)| x == locale).map(|(_, n)| n.clone());
    let name = Input {
        id: "name",
        label: shorten(&l.t("town-translate-name", &[("language", language.into())]), crate::core::reply::MAX_LABEL),
        long: false,
        required: false,
        value: called.clone(),
        placeholder: Some(shorten(&l.t("town-translate-name-placeholder", &[("city", p.name.clone().into())]), 100)),
        max: MAX_NAME as u16,
    };
    form.inputs.insert(0, name);
    let data = json!({ "id": p.id, "name": p.name, "locale": locale, "had": t.is_some(), "called": called });
    Answer::form(form, pending(ctx, "town language", data), Reply::new(title).ephemeral())
}

/// The most characters of a city's name in another language.
const MAX_NAME: usize = 100;

/// A name as a form sent it: on one line, its spaces single (None: empty).
fn one_line(act: &Act, id: &str) -> Option<String> {
    written(act, id).map(|n| n.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|n| !n.is_empty())
}

fn resume_language(ctx: &Ctx, p: &Pending) -> Answer {
    let (Some(id), Some(name), Some(locale)) =
        (p.data["id"].as_str(), p.data["name"].as_str(), p.data["locale"].as_str())
    else {
        return ctx.invalid(Text::plain(ctx.t("pending-gone", &[]))).into();
    };
    let texts = texts_sent(&ctx.inv.act);
    let called = one_line(&ctx.inv.act, "name");
    let l = ctx.lang();
    let language = l.language_name(locale);
    let empty = texts.summary.is_empty() && texts.roots.is_none() && texts.notes.is_none() && texts.areas.is_empty();
    let had = p.data["had"].as_bool().unwrap_or(true);
    let said = |id: &str, extra: Vec<(&'static str, Part)>| {
        let mut args = vec![("partner", strong(name)), ("language", Part::from(language.clone()))];
        args.extend(extra);
        ctx.rich(id, args)
    };
    // What changed, each in a sentence: the texts, then the name.
    let mut d = match (empty, had) {
        (false, _) => Some(said("town-translated", vec![])),
        (true, true) => Some(said("town-translation-removed", vec![])),
        (true, false) => None,
    };
    let name_was = p.data["called"].as_str();
    let name_said = match &called {
        Some(n) if Some(n.as_str()) != name_was => Some(said("town-name-saved", vec![("name", strong(n.clone()))])),
        None if name_was.is_some() => Some(said("town-name-removed", vec![])),
        _ => None,
    };
    if let Some(n) = name_said {
        d = Some(match d {
            Some(d) => l.sentences(d, n),
            None => n,
        });
    }
    let d = d.unwrap_or_else(|| said("town-translation-none", vec![]));
    let op = TownOp::Translate { id: id.to_string(), locale: locale.to_string(), texts, name: called };
    Reply::new(ctx.t("town-translated-title", &[]))
        .description(d)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(op), base: p.base })
}

/// One paragraph input of a form, labelled and described by the messages `(label, placeholder)`.
fn input(l: Lang, field: &'static str, (label, placeholder): (&str, &str), required: bool, max: usize) -> Input {
    Input {
        id: field,
        label: shorten(&l.t(label, &[]), crate::core::reply::MAX_LABEL),
        long: true,
        required,
        value: None,
        placeholder: Some(shorten(&l.t(placeholder, &[]), 100)),
        max: max.min(4000) as u16,
    }
}

/// What a form's input holds, trimmed, without invisible or control characters but line breaks
/// (None: empty).
fn written(act: &Act, id: &str) -> Option<String> {
    act.field(id).map(crate::core::reply::kept_text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The form of `/town add` sent: the partner is added with its texts.
fn resume_add(ctx: &Ctx, p: &Pending) -> Answer {
    let d = &p.data;
    let texts = texts_sent(&ctx.inv.act);
    let Some(place) = place_from(&d["place"]).filter(|_| !texts.summary.is_empty()) else {
        return ctx.invalid(Text::plain(ctx.t("pending-gone", &[]))).into();
    };
    let facts = Facts {
        kind: d["kind"].as_str().unwrap_or("twinning").to_string(),
        year: d["year"].as_i64().unwrap_or_default() as i32,
        date: d["date"].as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
        month: d["month"].as_u64().map(|m| m as u32),
        suspended: None,
        sources: d["sources"]
            .as_array()
            .map_or_else(Vec::new, |s| s.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()),
    };
    let new = NewPartner { facts, texts, milestone: written(&ctx.inv.act, "milestone"), names: Vec::new() };
    let l = ctx.lang();
    let f = &new.facts;
    let since = PartialDate {
        year: f.year,
        month: f.date.map(|d| chrono::Datelike::month(&d)).or(f.month),
        day: f.date.map(|d| chrono::Datelike::day(&d)),
    };
    let name = format!("{} {}", place.name, flag(&place.country_code));
    let description = ctx.rich(
        "town-added",
        vec![("partner", strong(name)), ("town", strong(town_name(ctx))), ("since", date_value(l, &since).into())],
    );
    Reply::new(ctx.t("town-added-title", &[]))
        .description(description)
        .field(ctx.t("town-summary-field", &[]), Text::new().user(new.texts.summary.clone()), false)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Add { place, new }), base: p.base })
}

/// The town's partner a name means (typos forgiven), by index into `ctx.dir`.
fn find_partner(ctx: &Ctx, query: &str) -> Option<usize> {
    let dir = town_catalog(ctx)?;
    let q = fold(query);
    let exact = dir
        .partners
        .iter()
        .position(|p| p.home == 0 && (fold(&p.name) == q || p.aliases.iter().any(|a| fold(a) == q) || p.id == query));
    exact.or_else(|| {
        dir.matcher().rank(query, 0.75, 8).into_iter().find(|c| dir.partners[c.partner].home == 0).map(|c| c.partner)
    })
}

fn confirm_buttons(reply: Reply, ctx: &Ctx, confirm: &str) -> Reply {
    reply.button(custom_id(ctx.inv.id, "confirm"), ctx.t(confirm, &[]), ButtonStyle::Danger).button(
        custom_id(ctx.inv.id, "cancel"),
        ctx.t("button-cancel", &[]),
        ButtonStyle::Secondary,
    )
}

fn remove(ctx: &Ctx, args: &Args) -> Answer {
    if current(ctx).is_none() {
        return no_town(ctx).into();
    }
    let query = args.str("city").unwrap_or_default();
    let Some(i) = find_partner(ctx, query) else {
        let d = ctx.rich("town-no-partner", vec![("town", strong(town_name(ctx))), ("query", user(query))]);
        return Reply::not_found(ctx.t("town-no-partner-title", &[]), d).into();
    };
    let p = &ctx.dir.partners[i];
    let undo = Part::from(ctx.command("town undo"));
    let d = ctx.rich(
        "town-remove-confirm",
        vec![("partner", strong(p.name.clone())), ("town", strong(town_name(ctx))), ("undo", undo)],
    );
    let reply =
        Reply::new(ctx.t("town-remove-title", &[("partner", p.name.clone().into())])).description(d).ephemeral();
    let reply = confirm_buttons(reply, ctx, "button-remove");
    reply.keeping(pending(ctx, "town remove", json!({ "id": p.id, "name": p.name })))
}

/// "Nothing was changed", for Cancel.
fn cancelled(ctx: &Ctx) -> Answer {
    Reply::new(ctx.t("town-cancelled-title", &[]))
        .description(Text::plain(ctx.t("town-cancelled", &[])))
        .ephemeral()
        .into()
}

fn resume_remove(ctx: &Ctx, p: &Pending) -> Answer {
    if !matches!(&ctx.inv.act, Act::Button { step, .. } if step == "confirm") {
        return cancelled(ctx);
    }
    let (Some(id), Some(name)) = (p.data["id"].as_str(), p.data["name"].as_str()) else {
        return ctx.invalid(Text::plain(ctx.t("pending-gone", &[]))).into();
    };
    let undo = Part::from(ctx.command("town undo"));
    let d = ctx.rich("town-removed", vec![("partner", strong(name)), ("town", strong(town_name(ctx))), ("undo", undo)]);
    Reply::new(ctx.t("town-removed-title", &[]))
        .description(d)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Remove { id: id.to_string() }), base: p.base })
}

/// What a version did, in words: "added Brno".
pub fn change_words(l: Lang, c: &TownChange) -> String {
    match c {
        TownChange::Created { home } => l.t("town-change-created", &[("home", home.into())]),
        TownChange::Added { partner } => l.t("town-change-added", &[("partner", partner.into())]),
        TownChange::Edited { partner, .. } => l.t("town-change-edited", &[("partner", partner.into())]),
        TownChange::Translated { partner, locale } => {
            let language = l.language_name(locale);
            l.t("town-change-translated", &[("partner", partner.into()), ("language", language.into())])
        }
        TownChange::Removed { partner } => l.t("town-change-removed", &[("partner", partner.into())]),
        TownChange::Undid { undone, .. } => l.t("town-change-undid", &[("what", change_words(l, undone).into())]),
        TownChange::Deleted => l.t("town-change-deleted", &[]),
        TownChange::Imported { file, added, removed, changed } => l.t(
            "town-change-imported",
            &[
                ("file", file.into()),
                ("added", (*added as i64).into()),
                ("removed", (*removed as i64).into()),
                ("changed", (*changed as i64).into()),
            ],
        ),
        TownChange::Other => l.t("town-change-other", &[]),
    }
}

/// Who made a version, and when: "@Anna, 6 December 2026".
fn who_when(ctx: &Ctx, r: &TownRecord) -> Text {
    let when = date(ctx.lang(), &PartialDate::from(r.made_at.date_naive()));
    let who = match r.made_by {
        Some(id) => Text::new().member(id),
        None => Text::plain(ctx.t("town-by-operator", &[])),
    };
    ctx.lang().comma(who, when)
}

/// How many versions `/town history` lists.
pub const HISTORY_SHOWN: usize = 10;

fn history(ctx: &Ctx, _: &Args) -> Answer {
    if ctx.town.is_empty() {
        return no_town(ctx).into();
    }
    let l = ctx.lang();
    let lines: Vec<Text> = ctx
        .town
        .iter()
        .take(HISTORY_SHOWN)
        .map(|r| {
            Text::new()
                .strong(format!("{}.", r.version))
                .text(" ")
                .text(change_words(l, &r.change))
                .text(" — ")
                .append(who_when(ctx, r))
        })
        .collect();
    let name = match current(ctx) {
        Some(_) => town_name(ctx),
        None => ctx
            .town
            .iter()
            .find_map(|r| match &r.change {
                TownChange::Created { home } => Some(home.clone()),
                _ => None,
            })
            .unwrap_or_default(),
    };
    let undo = Part::from(ctx.command("town undo"));
    Reply::new(ctx.t("town-history-title", &[("town", name.into())]))
        .description(crate::core::reply::join(lines, "\n"))
        .field(ctx.t("town-history-how-field", &[]), ctx.rich("town-history-undo", vec![("undo", undo)]), false)
        .ephemeral()
        .into()
}

/// The version an undo goes back past, as the member sees the history: (the version undone,
/// the one written again).
fn undo_target<'a>(ctx: &Ctx<'a>) -> Option<(i64, Option<&'a TownRecord>)> {
    let now = ctx.town.first()?;
    let undone = match &now.change {
        TownChange::Undid { version, .. } => *version,
        _ => now.version,
    };
    // The version undone, when it is among those read (a long walk back may pass them).
    Some((undone, ctx.town.iter().find(|r| r.version == undone))).filter(|(v, _)| *v > 1)
}

fn undo(ctx: &Ctx, _: &Args) -> Answer {
    if ctx.town.is_empty() {
        return no_town(ctx).into();
    }
    let Some((undone_version, undone)) = undo_target(ctx) else {
        return ctx.refused("town-undo-title", Text::plain(ctx.t("town-nothing-to-undo", &[]))).into();
    };
    let l = ctx.lang();
    let what = match undone {
        Some(r) => l.aside(Text::new().strong(change_words(l, &r.change)), who_when(ctx, r)),
        None => Text::new().strong(format!("#{undone_version}")),
    };
    let again = Part::from(ctx.command("town undo"));
    Reply::new(ctx.t("town-undone-title", &[]))
        .description(ctx.rich("town-undone", vec![("what", what.into()), ("undo", again)]))
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Undo), base: version(ctx) })
}

fn delete(ctx: &Ctx, _: &Args) -> Answer {
    if current(ctx).is_none() {
        return no_town(ctx).into();
    }
    let name = town_name(ctx);
    let undo = Part::from(ctx.command("town undo"));
    let days = document::HISTORY_DAYS;
    let d =
        ctx.rich("town-delete-confirm", vec![("town", strong(name.clone())), ("undo", undo), ("days", days.into())]);
    let reply = Reply::new(ctx.t("town-delete-title", &[("town", name.into())])).description(d).ephemeral();
    let reply = confirm_buttons(reply, ctx, "button-delete");
    reply.keeping(pending(ctx, "town delete", json!({})))
}

fn resume_delete(ctx: &Ctx, p: &Pending) -> Answer {
    if !matches!(&ctx.inv.act, Act::Button { step, .. } if step == "confirm") {
        return cancelled(ctx);
    }
    let undo = Part::from(ctx.command("town undo"));
    let days = document::HISTORY_DAYS;
    let d = ctx.rich("town-deleted", vec![("town", strong(town_name(ctx))), ("undo", undo), ("days", days.into())]);
    Reply::new(ctx.t("town-deleted-title", &[]))
        .description(d)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Delete), base: p.base })
}

/// A name for the town's files: its name in plain letters ("morley"), or "town".
fn file_stem(ctx: &Ctx) -> String {
    let stem: String = crate::core::text::fold_spaced(&town_name(ctx)).replace(' ', "-").chars().take(40).collect();
    if stem.is_empty() {
        HOME_ID.to_string()
    } else {
        stem
    }
}

fn export(ctx: &Ctx, _: &Args) -> Answer {
    let Some(doc) = current(ctx).and_then(|r| r.document.as_deref()) else { return no_town(ctx).into() };
    let csv = match files::to_csv(doc) {
        Ok(csv) => csv,
        Err(e) => return refused(ctx, &e).into(),
    };
    let (name, stem) = (town_name(ctx), file_stem(ctx));
    let count = ctx.dir.partners.iter().filter(|p| p.home == 0).count() as i64;
    let import = Part::from(ctx.command("town import"));
    let d =
        ctx.rich("town-exported", vec![("town", strong(name.clone())), ("count", count.into()), ("import", import)]);
    let file = |ext: &str, id: &str, bytes: Vec<u8>| Attachment {
        name: format!("{stem}.{ext}"),
        description: ctx.t(id, &[("town", name.clone().into())]),
        bytes: bytes.into(),
        shown: false,
        note: None,
    };
    Reply {
        attachments: Box::new([
            file("toml", "town-export-toml", doc.as_bytes().to_vec()),
            file("csv", "town-export-csv", csv.into_bytes()),
        ]),
        ..Reply::new(ctx.t("town-export-title", &[("town", name.clone().into())])).description(d).ephemeral()
    }
    .into()
}

fn import(ctx: &Ctx, args: &Args) -> Answer {
    let Some(Value::Attachment(file)) = args.get("file") else {
        return ctx.invalid(Text::plain(ctx.t("town-import-no-file", &[]))).into();
    };
    // What can be told from Discord's description of the file is refused before fetching it.
    let early = match files::Kind::of(&file.filename) {
        None => Some(ImportError::WrongKind { filename: file.filename.clone() }),
        Some(_) if file.size > document::MAX_DOCUMENT as u64 => {
            Some(ImportError::TooBig { size: file.size, limit: document::MAX_DOCUMENT })
        }
        Some(files::Kind::Csv) if current(ctx).is_none() => Some(ImportError::CsvNeedsTown),
        Some(_) => None,
    };
    if let Some(e) = early {
        return import_refused(ctx, &file.filename, &e).into();
    }
    Reply::new(ctx.t("town-import-reading-title", &[("file", file.filename.clone().into())]))
        .ephemeral()
        .with_effect(Effect::Import { file: file.clone() })
}

/// How many partners' names an import's preview lists under each heading.
const SHOWN_NAMES: usize = 20;

/// What importing a file would change, with Confirm and Cancel (kept as a pending import), or
/// why it cannot be imported. The application fetches and reads the file, then asks this.
pub fn import_preview(ctx: &Ctx, filename: &str, read: Result<files::Plan, ImportError>) -> Answer {
    let plan = match read {
        Ok(plan) => plan,
        Err(e) => return import_refused(ctx, filename, &e).into(),
    };
    let file = Part::from(Text::new().code(filename.to_string()));
    let town = match current(ctx) {
        Some(_) => town_name(ctx),
        None => document::load(&plan.document).map(|(h, _)| h.name).unwrap_or_default(),
    };
    if plan.is_empty() {
        let d = ctx.rich("town-import-same", vec![("file", file), ("town", strong(town))]);
        return Reply::new(ctx.t("town-cancelled-title", &[])).description(d).ephemeral().into();
    }
    let d = ctx.rich("town-import-preview", vec![("file", file), ("town", strong(town))]);
    let mut reply =
        Reply::new(ctx.t("town-import-title", &[("file", filename.to_string().into())])).description(d).ephemeral();
    let l = ctx.lang();
    for (id, names) in [
        ("town-import-added", &plan.added),
        ("town-import-removed", &plan.removed),
        ("town-import-changed", &plan.changed),
    ] {
        if names.is_empty() {
            continue;
        }
        let mut shown: Vec<String> = names.iter().take(SHOWN_NAMES).cloned().collect();
        if names.len() > SHOWN_NAMES {
            shown.push(l.t("town-import-more", &[("count", ((names.len() - SHOWN_NAMES) as i64).into())]));
        }
        reply = reply.field(l.t(id, &[("count", (names.len() as i64).into())]), Text::plain(l.and_list(&shown)), false);
    }
    if plan.home_changed {
        reply = reply.field(l.t("town-import-home", &[]), Text::plain(l.t("town-import-home-changed", &[])), false);
    }
    let reply = reply
        .button(custom_id(ctx.inv.id, "confirm"), ctx.t("button-import", &[]), ButtonStyle::Primary)
        .button(custom_id(ctx.inv.id, "cancel"), ctx.t("button-cancel", &[]), ButtonStyle::Secondary);
    let data = json!({
        "document": plan.document,
        "file": filename,
        "added": plan.added.len(),
        "removed": plan.removed.len(),
        "changed": plan.changed.len() + usize::from(plan.home_changed),
    });
    reply.keeping(pending(ctx, "town import", data))
}

fn resume_import(ctx: &Ctx, p: &Pending) -> Answer {
    if !matches!(&ctx.inv.act, Act::Button { step, .. } if step == "confirm") {
        return cancelled(ctx);
    }
    let (Some(doc), Some(file)) = (p.data["document"].as_str(), p.data["file"].as_str()) else {
        return ctx.invalid(Text::plain(ctx.t("pending-gone", &[]))).into();
    };
    let count = |k: &str| p.data[k].as_u64().unwrap_or_default() as usize;
    let change = TownChange::Imported {
        file: file.to_string(),
        added: count("added"),
        removed: count("removed"),
        changed: count("changed"),
    };
    let undo = Part::from(ctx.command("town undo"));
    let d = ctx.rich("town-imported", vec![("what", strong(change_words(ctx.lang(), &change))), ("undo", undo)]);
    Reply::new(ctx.t("town-imported-title", &[]))
        .description(d)
        .ephemeral()
        .with_effect(Effect::Town { op: Box::new(TownOp::Import { document: doc.to_string(), change }), base: p.base })
}

fn calendar(ctx: &Ctx, args: &Args) -> Answer {
    if current(ctx).is_none() {
        return no_town(ctx).into();
    }
    let renew = args.bool("renew").unwrap_or(false);
    // The application makes (or renews) the feed's token and answers with [`feed_reply`].
    Reply::new(ctx.t("town-calendar-title", &[("town", town_name(ctx).into())]))
        .ephemeral()
        .with_effect(Effect::Feed { renew })
}

/// The address of the town's calendar feed (None: the database failed; Some(None): this
/// twinbot serves no feeds).
pub fn feed_reply(ctx: &Ctx, url: Option<Option<String>>, renewed: bool) -> Reply {
    let l = ctx.lang();
    match url {
        None => crate::commands::error_reply(l, Text::plain(l.t("error-internal", &[]))),
        Some(None) => ctx.refused("town-calendar-off-title", Text::plain(l.t("town-calendar-off", &[]))),
        Some(Some(url)) => {
            let id = if renewed { "town-calendar-renewed" } else { "town-calendar-address" };
            let renew =
                Part::from(format!("{} {}:True", ctx.command("town calendar"), ctx.option("town calendar", "renew")));
            let d = ctx.rich(id, vec![("town", strong(town_name(ctx))), ("renew", renew)]);
            Reply::new(ctx.t("town-calendar-title", &[("town", town_name(ctx).into())]))
                .description(d.text("\n").code(url))
                .ephemeral()
        }
    }
}

/// Why a file is not imported: nothing was changed.
pub fn import_refused(ctx: &Ctx, filename: &str, e: &ImportError) -> Reply {
    let l = ctx.lang();
    let n = |v: u64| Part::from(v as i64);
    let d = match e {
        ImportError::WrongKind { .. } => ctx.rich("import-wrong-kind", vec![]),
        ImportError::NotDiscord { host } => ctx.rich("import-not-discord", vec![("host", user(host))]),
        ImportError::Redirected { to } => ctx.rich("import-redirected", vec![("host", user(to))]),
        ImportError::ContentType { found } => ctx.rich("import-content-type", vec![("type", user(found))]),
        ImportError::Timeout { seconds } => ctx.rich("import-timeout", vec![("seconds", n(*seconds))]),
        ImportError::Unreachable { .. } => ctx.rich("import-unreachable", vec![]),
        ImportError::TooBig { size, limit } => {
            ctx.rich("import-too-big", vec![("size", n(size.div_ceil(1024))), ("limit", n(*limit as u64 / 1024))])
        }
        ImportError::NotText => ctx.rich("import-not-text", vec![]),
        ImportError::TooDeep { line, limit } => {
            ctx.rich("import-too-deep", vec![("line", n(*line as u64)), ("limit", n(*limit as u64))])
        }
        ImportError::CsvNeedsTown => {
            ctx.rich("import-csv-needs-town", vec![("create", Part::from(ctx.command("town create")))])
        }
        ImportError::UnknownColumn { line, column } => {
            let known = Part::from(Text::new().code(files::all_columns().collect::<Vec<_>>().join(", ")));
            ctx.rich("import-unknown-column", vec![("line", n(*line)), ("column", user(column)), ("known", known)])
        }
        ImportError::NoNameColumn => ctx.rich("import-no-name-column", vec![]),
        ImportError::Formula { line, column, text } => ctx.rich(
            "import-formula",
            vec![("line", n(*line)), ("column", Part::from(Text::new().code(column.clone()))), ("text", user(text))],
        ),
        ImportError::BadCell { line, column, text, expected } => ctx.rich(
            "import-bad-cell",
            vec![
                ("line", n(*line)),
                ("column", Part::from(Text::new().code(column.clone()))),
                ("text", user(text)),
                ("example", Part::from(Text::new().code(expected.to_string()))),
            ],
        ),
        ImportError::Twice { line, name } => {
            ctx.rich("import-twice", vec![("line", n(*line)), ("partner", user(name))])
        }
        ImportError::Csv { line, why } => {
            ctx.rich("import-csv", vec![("line", n(*line)), ("why", Part::from(Text::new().code(why.clone())))])
        }
        ImportError::Town(e) => Text::new().append(why_refused(ctx, e)),
    };
    let d = d.text("\n\n").text(l.t("town-cancelled", &[]));
    Reply { title: l.t("town-import-refused-title", &[("file", filename.to_string().into())]), ..Reply::invalid(d) }
}

/// Why a change to the town is refused, in the member's language.
pub fn refused(ctx: &Ctx, e: &TownError) -> Reply {
    if *e == TownError::NoTown {
        return no_town(ctx);
    }
    ctx.refused("town-not-saved-title", why_refused(ctx, e))
}

/// Why a change to the town is refused, in words.
fn why_refused(ctx: &Ctx, e: &TownError) -> Text {
    let l = ctx.lang();
    match e {
        TownError::NoTown => Text::plain(l.t("town-none-title", &[])),
        TownError::Exists { home } => {
            let delete = Part::from(ctx.command("town delete"));
            ctx.rich("town-exists", vec![("town", strong(home.clone())), ("delete", delete)])
        }
        TownError::IsHome { name } => ctx.rich("town-is-home", vec![("city", strong(name.clone()))]),
        TownError::Duplicate { name, as_name } => ctx.rich(
            "town-duplicate",
            vec![("town", strong(town_name(ctx))), ("partner", strong(name.clone())), ("as", strong(as_name.clone()))],
        ),
        TownError::NoPartner { id } => {
            ctx.rich("town-no-partner", vec![("town", strong(town_name(ctx))), ("query", user(id))])
        }
        TownError::TooMany { what, limit } => {
            let id = match what {
                Cap::Partners => "town-too-many-partners",
                Cap::Milestones => "town-too-many-milestones",
                Cap::Sources => "town-too-many-sources",
                Cap::Size => "town-too-big",
            };
            Text::plain(l.t(id, &[("limit", (*limit as i64).into())]))
        }
        TownError::TooLong { field, limit } => {
            let id = match *field {
                "summary" => "town-add-summary",
                "roots" => "town-add-roots",
                "notes" => "town-add-notes",
                "milestone" => "town-add-milestone",
                _ => "town-field-source",
            };
            let field = l.t(id, &[]);
            Text::plain(l.t("town-too-long", &[("field", field.into()), ("limit", (*limit as i64).into())]))
        }
        TownError::Invalid(problems) => {
            let list: Vec<Text> = problems.iter().take(5).map(|p| Text::new().text("• ").code(p.clone())).collect();
            Text::plain(l.t("town-invalid", &[])).text("\n").append(crate::core::reply::join(list, "\n"))
        }
    }
}

/// Why a change the member confirmed was not saved.
pub fn not_saved(ctx: &Ctx, why: &TownNotSaved) -> Reply {
    let l = ctx.lang();
    match why {
        TownNotSaved::Refused(e) => refused(ctx, e),
        TownNotSaved::Conflict { by, at, change } => {
            let r = TownRecord {
                guild_id: 0,
                version: 0,
                document: None,
                made_at: *at,
                made_by: *by,
                change: change.clone(),
            };
            let d = ctx.rich(
                "town-conflict",
                vec![("who", who_when(ctx, &r).into()), ("what", strong(change_words(l, change)))],
            );
            ctx.refused("town-not-saved-title", d)
        }
        TownNotSaved::NothingToUndo => ctx.refused("town-undo-title", Text::plain(l.t("town-nothing-to-undo", &[]))),
        TownNotSaved::Store(_) => ctx.refused("town-not-saved-title", Text::plain(l.t("error-internal", &[]))),
    }
}

/// What a server that changed its town too often in a short time is told: to wait `wait`
/// seconds.
pub fn slow_down(l: Lang, wait: u64) -> Reply {
    super::refusal(l, "town-slow-down-title", Text::plain(l.t("town-slow-down", &[("seconds", (wait as i64).into())])))
}
