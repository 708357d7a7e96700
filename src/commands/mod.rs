//! The commands: one registry drives Discord registration, dispatch on every transport, the
//! CLI's `ask` and `/about`, so they cannot drift apart.
//!
//! Each command is a pure function of a [`Ctx`] (the catalog, today's date, the
//! [`Invocation`] with its locale and permissions, and for moderator commands the server's
//! settings and ledger) and its arguments, returning an [`Answer`]: a transport-neutral
//! [`Reply`], and an [`Effect`] the application carries out (save settings, post a message).
//!
//! May import: `core`, `anniversaries`, `ledger` (its records, to show them).

use chrono::NaiveDate;

use crate::anniversaries::settings::PostSettings;
use crate::core::catalog::Catalog;
use crate::core::data::{Directory, Partner};
use crate::core::phrases::{date, link_kind, suspended_since};
use crate::core::reply::{Reply, Text};
use crate::core::text::flag;
use crate::ledger::PostRecord;

pub mod about;
pub mod anniversaries;
pub mod anniversary_settings;
pub mod announce;
pub mod home;
pub mod invocation;
pub mod partner;
pub mod partners;
pub mod since;

pub use invocation::{Invocation, Permission, Permissions, Via};

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
    /// The server's ledger, newest first (loaded for moderator commands only).
    pub ledger: &'a [PostRecord],
}

static DEFAULT_POSTING: std::sync::LazyLock<PostSettings> = std::sync::LazyLock::new(PostSettings::default);
static TERMINAL: std::sync::LazyLock<Invocation> = std::sync::LazyLock::new(|| Invocation::terminal("", Args::new()));

impl<'a> Ctx<'a> {
    /// A terminal context with the default anniversary settings.
    pub fn new(dir: &'a Catalog, today: NaiveDate) -> Ctx<'a> {
        Ctx { dir, loaded: dir, today, inv: &TERMINAL, posting: &DEFAULT_POSTING, ledger: &[] }
    }
}

/// What a command asks the application to do besides showing its reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Post an announcement in a channel (no pings): the template's text as the moderators
    /// wrote it.
    Post { channel_id: u64, content: String },
    /// Save the server's anniversary settings (and so turn its posts on or off).
    Save(PostSettings),
    /// Save the home cities the server answers for, by name (none: every home loaded).
    SaveHomes(Vec<String>),
}

impl Effect {
    /// Whether carrying it out may take longer than a transport may wait before answering (it
    /// calls out to Discord), so that the transport acknowledges first.
    pub fn is_slow(&self) -> bool {
        matches!(self, Effect::Post { .. })
    }
}

/// A command's answer: the reply, and what else to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub reply: Reply,
    pub effect: Option<Effect>,
}

impl From<Reply> for Answer {
    fn from(reply: Reply) -> Answer {
        Answer { reply, effect: None }
    }
}

impl Reply {
    /// This reply, with an effect to carry out.
    pub fn with_effect(self, effect: Effect) -> Answer {
        Answer { reply: self, effect: Some(effect) }
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
}

/// Every command the bot has.
pub fn registry() -> &'static [CommandSpec] {
    &[
        partner::SPEC,
        since::SPEC,
        partners::SPEC,
        anniversaries::SPEC,
        announce::SPEC,
        anniversary_settings::SPEC,
        home::SPEC,
        about::SPEC,
    ]
}

/// Finds a command by name.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    registry().iter().find(|c| c.name == name)
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
    /// A value of a type no command takes (a user, an attachment, …).
    Other,
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
}

/// Checks arguments against the spec (presence, type, bounds): the same rules Discord enforces
/// on its side, checked again because payloads and the CLI can carry anything.
pub fn validate(spec: &CommandSpec, args: &Args) -> Result<(), Reply> {
    for (name, _) in &args.0 {
        if !spec.options.iter().any(|o| o.name == name) {
            return Err(Reply::invalid(
                Text::plain(format!("/{} has no option ", spec.name)).user(name.clone()).text("."),
            ));
        }
    }
    for o in spec.options {
        match (args.get(o.name), o.kind) {
            (None, _) if o.required => {
                return Err(Reply::invalid(
                    Text::plain(format!("/{} needs ", spec.name))
                        .code(o.name)
                        .text(format!(": {}.", o.description.to_lowercase())),
                ))
            }
            (None, _) => {}
            (Some(Value::Str(_)), OptionKind::String)
            | (Some(Value::Bool(_)), OptionKind::Boolean)
            | (Some(Value::Channel(_)), OptionKind::Channel)
            | (Some(Value::Role(_)), OptionKind::Role) => {}
            (Some(Value::Int(i)), OptionKind::Integer) => {
                let (lo, hi) = (o.min.unwrap_or(i64::MIN), o.max.unwrap_or(i64::MAX));
                if *i < lo || *i > hi {
                    return Err(Reply::invalid(
                        Text::new().code(o.name).text(format!(" must be between {lo} and {hi}; {i} is not.")),
                    ));
                }
            }
            (Some(_), _) => {
                return Err(Reply::invalid(Text::new().code(o.name).text(match o.kind {
                    OptionKind::String => " must be text.",
                    OptionKind::Integer => " must be a whole number.",
                    OptionKind::Boolean => " must be true or false.",
                    OptionKind::Channel => " must be a channel.",
                    OptionKind::Role => " must be a role.",
                })))
            }
        }
    }
    Ok(())
}

/// Checks that the member may use a moderator command. Discord hides such commands from members
/// without `default_member_permissions`, but a server's admins can change who sees them and a
/// payload can claim anything, so the permissions Discord computed are checked here too.
pub fn permitted(spec: &CommandSpec, ctx: &Ctx) -> Result<(), Reply> {
    let Some(needed) = spec.needs else { return Ok(()) };
    match (ctx.inv.via, ctx.inv.guild_id) {
        (Via::Terminal, _) => Ok(()),
        (Via::Chat, Some(_)) if ctx.inv.allows(needed) => Ok(()),
        (Via::Chat, Some(_)) => Err(Reply {
            title: "Moderators only".into(),
            ..Reply::invalid(
                Text::plain(format!("/{} is for moderators: it needs the ", spec.name))
                    .strong(needed.name())
                    .text(" permission in this channel. Ask a moderator of this server."),
            )
        }),
        (Via::Chat, None) => Err(Reply {
            title: "Only in a server".into(),
            ..Reply::invalid(Text::plain(format!(
                "/{} works in a server's channels, not in direct messages.",
                spec.name
            )))
        }),
    }
}

/// What a member who may not manage messages in `channel` is told: "You need the Manage
/// Messages permission in #channel to {doing}."
pub fn needs_manage_messages_in(channel: u64, doing: &str) -> Text {
    Text::plain("You need the ")
        .strong(Permission::ManageMessages.name())
        .text(" permission in ")
        .channel(channel)
        .text(format!(" {doing}."))
}

/// Checks permissions, validates and runs a command.
pub fn run(spec: &CommandSpec, ctx: &Ctx, args: &Args) -> Answer {
    match permitted(spec, ctx).and_then(|()| validate(spec, args)) {
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
pub fn partner_line(dir: &Directory, p: &Partner) -> Text {
    let mut t = Text::new().strong(p.name.clone());
    let flag = flag(&p.country_code);
    t = t.text(format!(" {flag} {} — {}, {}", p.country, link_kind(p.kind), date(&p.since)).replace("  ", " "));
    if let Some(s) = p.suspended {
        t = t.text(format!(" ({})", suspended_since(s)));
    }
    if dir.homes.len() > 1 {
        t = t.text(format!(" (with {})", dir.home_of(p).name));
    }
    t
}

/// " Did you mean **Durban**?", " Did you mean **Dortmund** or **Durban**?": the one way a
/// close match is offered (nothing when there is none).
pub fn did_you_mean<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Text {
    let names: Vec<Text> = names.into_iter().map(|n| Text::new().strong(n)).collect();
    if names.is_empty() {
        return Text::new();
    }
    Text::plain(" Did you mean ").append(crate::core::reply::join(names, " or ")).text("?")
}

/// A short list of the partners' names, for "try one of these".
pub fn partner_names(dir: &Directory) -> Text {
    crate::core::reply::join(
        dir.oldest_first().into_iter().map(|i| Text::new().strong(dir.partners[i].name.clone())),
        ", ",
    )
}

/// The footer naming where the data comes from.
pub fn data_footer(dir: &Directory) -> String {
    let files: Vec<String> = dir
        .homes
        .iter()
        .map(|h| {
            h.source.file_name().map_or_else(|| h.source.display().to_string(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    match dir.updated() {
        Some(d) => format!("twinbot · data: {} · updated {d}", files.join(", ")),
        None => format!("twinbot · data: {}", files.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
