//! The commands: one registry drives Discord registration, dispatch on every transport, the
//! CLI's `ask` and `/about`, so they cannot drift apart.
//!
//! Each command is a pure function of a [`Ctx`] (the catalog, today's date, the
//! [`Invocation`] with its locale and permissions, and for moderator commands the server's
//! settings and ledger) and its arguments, returning an [`Answer`]: a transport-neutral
//! [`Reply`], and an [`Effect`] the application carries out (save settings, post a message).
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use chrono::NaiveDate;

use crate::anniversaries::settings::PostSettings;
use crate::core::catalog::Catalog;
use crate::core::data::{Directory, Partner};
use crate::core::i18n::{Lang, Part};
use crate::core::phrases::{country, date_value, link_kind, suspended_since};
use crate::core::reply::{Reply, Text};
use crate::core::text::flag;
use crate::ledger::PostRecord;
use crate::state::pending::Pending;
use crate::state::town::{TownOp, TownRecord};
use crate::state::ServerRecord;

pub mod about;
pub mod anniversaries;
pub mod anniversary_settings;
pub mod announce;
pub mod changes;
pub mod home;
pub mod invocation;
pub mod map;
pub mod partner;
pub mod partners;
pub mod since;
pub mod timeline;
pub mod town;

pub use changes::{not_saved, NotSaved, StateChange};
pub use invocation::{Act, Invocation, Permission, Permissions, Via};

/// What every command gets besides its arguments.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The data the command answers from: the home cities the server answers for, and their
    /// partners.
    pub dir: &'a Catalog,
    /// Every home city loaded, whether or not the server answers for it.
    pub loaded: &'a Catalog,
    /// Today, in the timezone of the server's anniversary settings.
    pub today: NaiveDate,
    /// Who asked, where, and in which language.
    pub inv: &'a Invocation,
    /// The anniversary settings in effect there.
    pub posting: &'a PostSettings,
    /// The server's state as saved (version 0 where it saved nothing, or outside a server):
    /// what a change it asks for is made against.
    pub server: &'a ServerRecord,
    /// What the server has where it saved no settings: config.toml's, or the defaults.
    pub inherited: &'a PostSettings,
    /// The server's ledger, newest first (loaded for moderator commands only).
    pub ledger: &'a [PostRecord],
    /// The server's own town's newest versions, newest first (loaded for `/town` only).
    pub town: &'a [TownRecord],
    /// The world gazetteer (loaded, on first use, for the commands that find cities in it).
    pub world: Option<&'a crate::core::gazetteer::Gazetteer>,
    /// Now.
    pub now: chrono::DateTime<chrono::Utc>,
}

static DEFAULT_POSTING: std::sync::LazyLock<PostSettings> = std::sync::LazyLock::new(PostSettings::default);
static TERMINAL: std::sync::LazyLock<Invocation> = std::sync::LazyLock::new(|| Invocation::terminal("", Args::new()));

impl<'a> Ctx<'a> {
    /// A terminal context with the default anniversary settings.
    pub fn new(dir: &'a Catalog, today: NaiveDate) -> Ctx<'a> {
        Ctx {
            dir,
            loaded: dir,
            today,
            inv: &TERMINAL,
            posting: &DEFAULT_POSTING,
            server: ServerRecord::nothing_saved(),
            inherited: &DEFAULT_POSTING,
            ledger: &[],
            town: &[],
            world: None,
            now: today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
        }
    }

    /// The language to answer in: the member's, else the server's, else English.
    pub fn lang(&self) -> Lang {
        self.inv.lang()
    }

    /// A message in the language of the reply.
    pub fn t(&self, id: &str, args: &[(&str, crate::core::i18n::Arg)]) -> String {
        self.lang().t(id, args)
    }

    /// A message with rich values, in the language of the reply.
    pub fn rich(&self, id: &str, args: Vec<(&str, Part)>) -> Text {
        self.lang().rich(id, args)
    }

    /// An error reply, titled in the language of the reply.
    pub fn invalid(&self, description: Text) -> Reply {
        error_reply(self.lang(), description)
    }

    /// An error reply with its own title.
    pub fn refused(&self, title_id: &str, description: Text) -> Reply {
        refusal(self.lang(), title_id, description)
    }

    /// "/partner" as the member's client shows it: the command's name in their language.
    pub fn command(&self, name: &str) -> String {
        command_name(self.lang(), name)
    }

    /// An option's name as the member's client shows it.
    pub fn option(&self, command: &str, option: &str) -> String {
        crate::core::i18n::message(self.lang().code, &message_id(&format!("{command} {option}")))
            .unwrap_or_else(|| option.to_string())
    }
}

/// The one way an error is answered: only to the member who asked, titled by the message
/// `title_id` in their language.
pub fn refusal(l: Lang, title_id: &str, description: Text) -> Reply {
    Reply { title: l.t(title_id, &[]), ..Reply::invalid(description) }
}

/// An error where nothing more specific titles it: "That didn't work", in the reader's language.
pub fn error_reply(l: Lang, description: Text) -> Reply {
    refusal(l, "error-title", description)
}

/// The languages twinbot posts in, each by its code and own name: "en-GB (British English), de
/// (Deutsch)…", "zh-CN（简体中文）" as each language writes brackets.
pub fn languages(l: Lang) -> String {
    let languages: Vec<String> = crate::core::i18n::all()
        .map(|x| l.t("punctuation-aside", &[("text", x.code.into()), ("aside", x.native_name().into())]))
        .collect();
    l.and_list(&languages)
}

/// "/partner", or "/partnerstadt" for a German-speaking member; "/town create", or
/// "/stadt anlegen".
pub fn command_name(l: Lang, name: &str) -> String {
    let mut shown = String::from("/");
    let mut id = String::new();
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            shown.push(' ');
            id.push('-');
        }
        id.push_str(word);
        shown.push_str(&crate::core::i18n::message(l.code, &id).unwrap_or_else(|| word.to_string()));
    }
    shown
}

/// The message id of a command's, subcommand's or option's name: "town create city" is
/// `town-create-city` (its description adds `-description`).
pub fn message_id(name: &str) -> String {
    name.replace(' ', "-")
}

/// What a command asks the application to do besides showing its reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Post an announcement in a channel (no pings): the template's text as the moderators
    /// wrote it.
    Post { channel_id: u64, content: String },
    /// Change the server's state: its anniversary settings, its home cities.
    Change(Box<StateChange>),
    /// Change the server's own town, as the member saw it at version `base`.
    Town { op: Box<TownOp>, base: i64 },
    /// Fetch a file the member attached to `/town import` and show what importing it would
    /// change, with Confirm and Cancel.
    Import { file: Box<Attached> },
    /// Show the address of the server's town's calendar feed (made on first use), or renew it.
    Feed { renew: bool },
}

impl Effect {
    /// Whether carrying it out may take longer than a transport may wait before answering (it
    /// calls out to Discord), so that the transport acknowledges first.
    pub fn is_slow(&self) -> bool {
        matches!(self, Effect::Post { .. } | Effect::Import { .. })
    }
}

/// A command's answer: the reply (or a form to fill in first), and what else to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub reply: Reply,
    pub effect: Option<Effect>,
    /// A form shown instead of the reply (Discord's modal).
    pub form: Option<Box<crate::core::reply::Form>>,
    /// An action the member finishes with the reply's buttons or the form: kept (in the
    /// database) before the answer is sent.
    pub keep: Option<Box<Pending>>,
}

impl From<Reply> for Answer {
    fn from(reply: Reply) -> Answer {
        Answer { reply, effect: None, form: None, keep: None }
    }
}

impl Reply {
    /// This reply, with an effect to carry out.
    pub fn with_effect(self, effect: Effect) -> Answer {
        Answer { reply: self, effect: Some(effect), form: None, keep: None }
    }

    /// This reply, with the action its buttons finish.
    pub fn keeping(self, pending: Pending) -> Answer {
        Answer { reply: self, effect: None, form: None, keep: Some(Box::new(pending)) }
    }
}

impl Answer {
    /// A form to show instead of a reply, and the pending action sending it finishes. (`reply`
    /// is what a transport that cannot show forms shows instead.)
    pub fn form(form: crate::core::reply::Form, pending: Pending, reply: Reply) -> Answer {
        Answer { reply, effect: None, form: Some(Box::new(form)), keep: Some(Box::new(pending)) }
    }

    /// This answer, keeping also the action its reply's buttons finish.
    pub fn keeping(mut self, pending: Pending) -> Answer {
        self.keep = Some(Box::new(pending));
        self
    }
}

/// The type of an option, as Discord knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    String,
    Integer,
    Boolean,
    /// A text channel of the server.
    Channel,
    /// A role of the server.
    Role,
    /// A language twinbot speaks, offered as choices (a Discord locale code as text).
    Language,
    /// A file the member uploads with the command.
    Attachment,
}

/// One option of a command.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    /// Bounds for integers (inclusive).
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// Whether Discord should ask the bot for suggestions while the user types.
    pub autocomplete: bool,
}

impl OptionSpec {
    /// An optional option without bounds.
    pub const fn optional(name: &'static str, description: &'static str, kind: OptionKind, autocomplete: bool) -> Self {
        OptionSpec { name, description, kind, required: false, min: None, max: None, autocomplete }
    }

    /// A required option without bounds.
    pub const fn required(name: &'static str, description: &'static str, kind: OptionKind, autocomplete: bool) -> Self {
        OptionSpec { required: true, ..OptionSpec::optional(name, description, kind, autocomplete) }
    }

    /// These bounds, for an integer (inclusive).
    pub const fn between(self, min: i64, max: i64) -> Self {
        OptionSpec { min: Some(min), max: Some(max), ..self }
    }
}

/// A suggestion for an option being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the user sees (at most 100 characters).
    pub name: String,
    /// What is sent back as the option's value (at most 100 characters).
    pub value: String,
}

/// The most suggestions offered while a user types (Discord's limit is checked against it).
pub const MAX_SUGGESTIONS: usize = 25;
/// The longest a suggestion's name or value may be, in characters.
pub const MAX_SUGGESTION_TEXT: usize = 100;

/// Suggests values for an option: `(ctx, option name, typed so far)`.
pub type Completer = fn(&Ctx, &str, &str) -> Vec<Choice>;

/// Finishes an action begun by the command, when the member presses one of its buttons or sends
/// its form (`ctx.inv.act` says which, and what was written): the action as it was kept.
pub type Resumer = fn(&Ctx, &Pending) -> Answer;

/// One command of the registry.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    /// The permission a member needs (None: everyone). Discord hides the command from members
    /// without it, and the bot checks it again.
    pub needs: Option<Permission>,
    pub run: fn(&Ctx, &Args) -> Answer,
    /// Whether the command does slow work (rendering a picture, say): it then runs on a
    /// blocking thread, never on the tasks that keep the gateway's heartbeat and the poster.
    pub slow: bool,
    /// Suggestions for the named option given what has been typed so far.
    pub complete: Option<Completer>,
    /// Its subcommands (`/town create`, `/town add`): each a command of its own, named with its
    /// parent ("town create"). A command with subcommands has no options and never runs itself.
    pub subcommands: &'static [CommandSpec],
    /// What its buttons and forms do.
    pub resume: Option<Resumer>,
}

impl CommandSpec {
    /// Its own name, as Discord registers it: "create" for "town create".
    pub fn own_name(&self) -> &'static str {
        self.name.rsplit(' ').next().unwrap_or(self.name)
    }

    /// Where it can be used. A command anyone may use (it `needs` nothing) only looks things up,
    /// so it works anywhere: in a server that added twinbot, and from a member's own account in a
    /// direct message, a group or another server, answered there for the default home cities. A
    /// moderator's command reads and changes a server's own state: only in the servers that
    /// added twinbot.
    pub fn reach(&self) -> Reach {
        match self.needs {
            None => Reach::Anywhere,
            Some(_) => Reach::Servers,
        }
    }
}

/// Where a command can be used (see [`CommandSpec::reach`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// In the servers that added twinbot, and wherever a member who added it to their account
    /// is: direct messages, groups, other servers.
    Anywhere,
    /// Only in the servers that added twinbot.
    Servers,
}

/// Every command the bot has.
pub fn registry() -> &'static [CommandSpec] {
    &[
        partner::SPEC,
        since::SPEC,
        partners::SPEC,
        anniversaries::SPEC,
        timeline::SPEC,
        map::SPEC,
        announce::SPEC,
        anniversary_settings::SPEC,
        home::SPEC,
        town::SPEC,
        about::SPEC,
    ]
}

/// Finds a command by name, or a subcommand by its full name ("town create").
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let parent = name.split(' ').next()?;
    let spec = registry().iter().find(|c| c.name == parent)?;
    if spec.name == name {
        return Some(spec);
    }
    spec.subcommands.iter().find(|c| c.name == name)
}

/// Every command that runs: each command without subcommands, and each subcommand.
pub fn leaves() -> impl Iterator<Item = &'static CommandSpec> {
    registry().iter().flat_map(|c| if c.subcommands.is_empty() { std::slice::from_ref(c) } else { c.subcommands })
}

/// An option value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
    /// A channel's id.
    Channel(u64),
    /// A role's id.
    Role(u64),
    /// A file uploaded with the command.
    Attachment(Box<Attached>),
    /// A value of a type no command takes (a user, a mentionable, …).
    Other,
}

/// A file a member uploaded, as Discord describes it (it is fetched only when used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub id: u64,
    pub filename: String,
    /// Its size in bytes, as Discord declares it.
    pub size: u64,
    pub url: String,
    pub content_type: Option<String>,
}

/// The arguments of one invocation, by option name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(pub Vec<(String, Value)>);

impl Args {
    pub fn new() -> Self {
        Args(Vec::new())
    }
    pub fn with(mut self, name: &str, v: Value) -> Self {
        self.0.push((name.to_string(), v));
        self
    }
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }
    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }
    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }
    pub fn channel(&self, name: &str) -> Option<u64> {
        match self.get(name) {
            Some(Value::Channel(c)) => Some(*c),
            _ => None,
        }
    }
    pub fn role(&self, name: &str) -> Option<u64> {
        match self.get(name) {
            Some(Value::Role(r)) => Some(*r),
            _ => None,
        }
    }
    pub fn attachment(&self, name: &str) -> Option<&Attached> {
        match self.get(name) {
            Some(Value::Attachment(a)) => Some(a),
            _ => None,
        }
    }
}

/// Checks arguments against the spec (presence, type, bounds): the same rules Discord enforces
/// on its side, checked again because payloads and the CLI can carry anything.
pub fn validate(spec: &CommandSpec, ctx: &Ctx, args: &Args) -> Result<(), Reply> {
    let l = ctx.lang();
    let command = || Part::from(ctx.command(spec.name));
    let option = |o: &OptionSpec| Part::Text(Text::new().code(ctx.option(spec.name, o.name)));
    for (name, _) in &args.0 {
        if !spec.options.iter().any(|o| o.name == name) {
            let option = Text::new().user(name.clone());
            return Err(ctx.invalid(l.rich("error-no-option", vec![("command", command()), ("option", option.into())])));
        }
    }
    for o in spec.options {
        let what = crate::core::i18n::message(l.code, &message_id(&format!("{} {}-description", spec.name, o.name)))
            .unwrap_or_else(|| o.description.to_string());
        match (args.get(o.name), o.kind) {
            (None, _) if o.required => {
                let what = lowercase_first(&what);
                return Err(ctx.invalid(l.rich(
                    "error-option-needed",
                    vec![("command", command()), ("option", option(o)), ("what", what.into())],
                )));
            }
            (None, _) => {}
            (Some(Value::Str(code)), OptionKind::Language) => {
                if crate::state::language(code).is_err() {
                    return Err(ctx.invalid(l.rich(
                        "settings-not-a-language",
                        vec![("value", Text::new().user(code.clone()).into()), ("languages", languages(l).into())],
                    )));
                }
            }
            (Some(Value::Str(_)), OptionKind::String)
            | (Some(Value::Bool(_)), OptionKind::Boolean)
            | (Some(Value::Channel(_)), OptionKind::Channel)
            | (Some(Value::Role(_)), OptionKind::Role)
            | (Some(Value::Attachment(_)), OptionKind::Attachment) => {}
            (Some(Value::Int(i)), OptionKind::Integer) => {
                let (lo, hi) = (o.min.unwrap_or(i64::MIN), o.max.unwrap_or(i64::MAX));
                if *i < lo || *i > hi {
                    return Err(ctx.invalid(l.rich(
                        "error-out-of-range",
                        vec![
                            ("option", option(o)),
                            ("min", lo.to_string().into()),
                            ("max", hi.to_string().into()),
                            ("value", i.to_string().into()),
                        ],
                    )));
                }
            }
            (Some(_), _) => {
                let id = match o.kind {
                    OptionKind::String | OptionKind::Language => "error-not-text",
                    OptionKind::Integer => "error-not-number",
                    OptionKind::Boolean => "error-not-boolean",
                    OptionKind::Channel => "error-not-channel",
                    OptionKind::Role => "error-not-role",
                    OptionKind::Attachment => "error-not-file",
                };
                return Err(ctx.invalid(l.rich(id, vec![("option", option(o))])));
            }
        }
    }
    Ok(())
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // German nouns keep their capital.
        Some(f) if f.is_uppercase() && c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

/// Checks that the member may use a moderator command. Discord hides such commands from members
/// without `default_member_permissions`, but a server's admins can change who sees them and a
/// payload can claim anything, so the permissions Discord computed are checked here too.
pub fn permitted(spec: &CommandSpec, ctx: &Ctx) -> Result<(), Reply> {
    let Some(needed) = spec.needs else { return Ok(()) };
    let command = || Part::from(ctx.command(spec.name));
    match (ctx.inv.via, ctx.inv.guild_id) {
        (Via::Terminal, _) => Ok(()),
        (Via::Chat, Some(_)) if ctx.inv.allows(needed) => Ok(()),
        (Via::Chat, Some(_)) => {
            let permission = Text::new().strong(permission_name(ctx.lang(), needed));
            Err(ctx.refused(
                "moderators-only-title",
                ctx.rich("moderators-only", vec![("command", command()), ("permission", permission.into())]),
            ))
        }
        (Via::Chat, None) => {
            Err(ctx.refused("server-only-title", ctx.rich("server-only", vec![("command", command())])))
        }
    }
}

/// A permission's name as Discord's settings show it in the language.
pub fn permission_name(l: Lang, p: Permission) -> String {
    match p {
        Permission::ManageMessages => l.t("permission-manage-messages", &[]),
        Permission::ManageGuild => l.t("permission-manage-server", &[]),
    }
}

/// What a member who may not manage messages in `channel` is told: "You need the Manage
/// Messages permission in #channel to …" (`id` says to do what).
pub fn needs_manage_messages_in(ctx: &Ctx, channel: u64, id: &str) -> Text {
    let permission = Text::new().strong(permission_name(ctx.lang(), Permission::ManageMessages));
    ctx.rich(id, vec![("permission", permission.into()), ("channel", Text::new().channel(channel).into())])
}

/// Checks permissions, validates and runs a command.
pub fn run(spec: &CommandSpec, ctx: &Ctx, args: &Args) -> Answer {
    match permitted(spec, ctx).and_then(|()| validate(spec, ctx, args)) {
        Ok(()) => (spec.run)(ctx, args),
        Err(reply) => reply.into(),
    }
}

/// `partner <city>`, `since <year> [until]`.
pub fn usage(spec: &CommandSpec) -> String {
    let mut s = spec.name.to_string();
    for o in spec.options {
        if o.required {
            s.push_str(&format!(" <{}>", o.name));
        } else {
            s.push_str(&format!(" [{}]", o.name));
        }
    }
    s
}

/// One line for a partner in a list: "**Dortmund** 🇩🇪 Germany — twinning, 2 June 1969".
pub fn partner_line(l: Lang, dir: &Directory, p: &Partner) -> Text {
    let line = l.t(
        "partner-line",
        &[
            ("flag", flag(&p.country_code).into()),
            ("country", country(l, p).into()),
            ("kind", link_kind(l, p.kind).into()),
            ("since", date_value(l, &p.since).into()),
        ],
    );
    let t = Text::new().strong(p.name_in(l)).text(format!(" {}", line.trim_start()).replace("  ", " "));
    // What the line's brackets say: the link's home where there are several, its suspension;
    // both in one pair of brackets.
    let with = (dir.homes.len() > 1).then(|| l.t("partner-line-with", &[("home", dir.home_of(p).name_in(l).into())]));
    let suspended = p.suspended.map(|s| suspended_since(l, s));
    let aside = match (with, suspended) {
        (Some(w), Some(s)) => Some(l.t("punctuation-semicolon", &[("first", w.into()), ("second", s.into())])),
        (w, s) => w.or(s),
    };
    match aside {
        Some(a) => l.aside(t, a),
        None => t,
    }
}

/// `said`, then "Did you mean **Durban**?" or "Did you mean **Dortmund** or **Durban**?" as the
/// next sentence: the one way a close match is offered (`said` alone when there is none).
pub fn did_you_mean<S: Into<String>>(l: Lang, said: Text, names: impl IntoIterator<Item = S>) -> Text {
    let names: Vec<Text> = names.into_iter().map(|n| Text::new().strong(n)).collect();
    if names.is_empty() {
        return said;
    }
    l.sentences(said, l.rich("did-you-mean", vec![("names", l.join_texts(names, true).into())]))
}

/// The partners' names, for "try one of these": "**Siegen**, **Lille** or **Brno**", as the
/// language lists them ("Siegen、Lille或Brno").
pub fn partner_names(l: Lang, dir: &Directory) -> Text {
    l.join_texts(
        dir.oldest_first().into_iter().map(|i| Text::new().strong(dir.partners[i].name_in(l).to_string())).collect(),
        true,
    )
}

/// The answer of a picture command: the picture attached as `file` and shown in the embed, with
/// `description` for screen readers and the data's footer; or, when it could not be drawn, a
/// polite error (the cause goes to the log).
pub fn picture_answer(
    ctx: &Ctx,
    title: String,
    file: &str,
    description: String,
    drawn: Result<Vec<u8>, crate::pictures::PictureError>,
) -> Answer {
    let l = ctx.lang();
    match drawn {
        Ok(bytes) => Reply {
            attachments: Box::new([crate::core::reply::Attachment {
                name: file.to_string(),
                description,
                bytes: bytes.into(),
                shown: true,
                note: None,
            }]),
            ..Reply::new(title)
        }
        .footer(data_footer(l, ctx.dir))
        .into(),
        Err(e) => {
            tracing::error!("the picture {file} could not be drawn: {e}");
            error_reply(l, Text::plain(l.t("error-internal", &[]))).into()
        }
    }
}

/// The footer naming where the data comes from (the same on every reply from a catalog, so
/// made once per language).
pub fn data_footer(l: Lang, dir: &Catalog) -> String {
    dir.footer(l, || make_data_footer(l, dir)).to_string()
}

fn make_data_footer(l: Lang, dir: &Directory) -> String {
    let files: Vec<String> = dir
        .homes
        .iter()
        .map(|h| {
            // A server's own town has no file: it is made with /town.
            if h.id == crate::state::town::HOME_ID {
                return l.t("data-own-town", &[]);
            }
            h.source.file_name().map_or_else(|| h.source.display().to_string(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    let files = l.and_list(&files);
    match dir.updated() {
        Some(d) => l.t("data-footer", &[("files", files.into()), ("updated", date_value(l, &d.into()).into())]),
        None => l.t("data-footer-undated", &[("files", files.into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A picture that cannot be drawn is answered as every error is: titled, in the member's
    /// language, only to them.
    #[test]
    fn a_picture_that_cannot_be_drawn_is_an_error_in_the_members_language() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = Catalog::load(&[root.join("data/leeds.toml")]).unwrap();
        let inv = Invocation { locale: "fr".into(), ..Invocation::terminal("timeline", Args::new()) };
        let ctx = Ctx { inv: &inv, ..Ctx::new(&dir, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()) };
        let answer = picture_answer(
            &ctx,
            "Frise".into(),
            "timeline.png",
            String::new(),
            Err(crate::pictures::PictureError::Size),
        );
        let fr = crate::core::i18n::lang("fr").unwrap();
        assert_eq!(answer.reply.title, fr.t("error-title", &[]));
        assert_eq!(answer.reply.description, Text::plain(fr.t("error-internal", &[])));
        assert!(answer.reply.ephemeral && answer.reply.attachments.is_empty());
    }

    #[test]
    fn registry_names_are_unique_and_discord_shaped() {
        let reg = registry();
        for (i, c) in reg.iter().enumerate() {
            assert!(reg[i + 1..].iter().all(|d| d.name != c.name), "duplicate {}", c.name);
            assert!(c.name.len() <= 32 && c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            assert!(!c.description.is_empty() && c.description.len() <= 100);
            for o in c.options {
                assert!(o.description.len() <= 100);
            }
        }
    }
}
