//! The transport-neutral reply every command returns: rich text in spans that say what each
//! piece is (the bot's words, a user's, a link, a channel), never how a platform marks it up.
//! Each transport renders it: `discord::markdown` as escaped Discord markdown within Discord's
//! limits, `cli::plain` as plain text for the terminal.

/// A piece of reply text. Only the emphasis, code, link, channel, role, member and small spans
/// are marked up; everything else is escaped when rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Text from the bot or its data.
    Text(String),
    /// Emphasised text from the bot or its data.
    Strong(String),
    /// Text a user typed: sanitised, shortened and escaped before it is shown anywhere.
    User(String),
    /// A name to show as code (`city`): an option or command name.
    Code(String),
    /// A link.
    Link { label: String, url: String },
    /// Discord markdown a moderator wrote (an announcement template, rendered): shown as
    /// written, as it will be posted. Mentions in it never ping (`allowed_mentions` is empty).
    Markdown(String),
    /// A channel of the server, shown by name where the transport can (pings nobody).
    Channel(u64),
    /// A role of the server. In a reply it pings nobody (mentions are disabled); in a post it
    /// pings the one role the moderators chose.
    Role(u64),
    /// A member, shown by name where the transport can (in a reply it pings nobody).
    Member(u64),
    /// A small note on a line of its own, such as "Belated: …".
    Small(String),
}

/// Rich text: a sequence of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

impl Text {
    pub fn new() -> Self {
        Text(Vec::new())
    }
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![Span::Text(s.into())])
    }
    pub fn text(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Text(s.into()));
        self
    }
    pub fn strong(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Strong(s.into()));
        self
    }
    pub fn user(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::User(s.into()));
        self
    }
    pub fn code(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Code(s.into()));
        self
    }
    pub fn markdown(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Markdown(s.into()));
        self
    }
    pub fn channel(mut self, id: u64) -> Self {
        self.0.push(Span::Channel(id));
        self
    }
    pub fn role(mut self, id: u64) -> Self {
        self.0.push(Span::Role(id));
        self
    }
    pub fn member(mut self, id: u64) -> Self {
        self.0.push(Span::Member(id));
        self
    }
    pub fn small(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Small(s.into()));
        self
    }
    pub fn link(mut self, label: impl Into<String>, url: impl Into<String>) -> Self {
        self.0.push(Span::Link { label: label.into(), url: url.into() });
        self
    }
    /// Appends another text.
    pub fn append(mut self, other: Text) -> Self {
        self.0.extend(other.0);
        self
    }
    /// Its length in characters as read, without markup (a channel or role counts as its
    /// mention's length): for keeping a message within a budget before it is rendered.
    pub fn char_len(&self) -> usize {
        self.0
            .iter()
            .map(|s| match s {
                Span::Text(t)
                | Span::Strong(t)
                | Span::User(t)
                | Span::Code(t)
                | Span::Markdown(t)
                | Span::Small(t) => t.chars().count(),
                Span::Link { label, .. } => label.chars().count(),
                Span::Channel(_) | Span::Role(_) | Span::Member(_) => 23,
            })
            .sum()
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| match s {
            Span::Text(t) | Span::Strong(t) | Span::User(t) | Span::Code(t) | Span::Markdown(t) | Span::Small(t) => {
                t.is_empty()
            }
            Span::Link { .. } | Span::Channel(_) | Span::Role(_) | Span::Member(_) => false,
        })
    }
}

/// Joins texts with a separator.
pub fn join(parts: impl IntoIterator<Item = Text>, sep: &str) -> Text {
    let mut out = Text::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out = out.text(sep);
        }
        out = out.append(p);
    }
    out
}

/// A named section of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: Text,
    pub inline: bool,
}

/// How the command went; the CLI maps it to its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Answered.
    Answered,
    /// Understood, but nothing matched.
    NotFound,
    /// The input was not acceptable (bad option, out of range).
    Invalid,
}

/// A command's answer, independent of where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub outcome: Outcome,
    pub title: String,
    pub description: Text,
    pub fields: Vec<Field>,
    pub footer: Option<Box<str>>,
    /// Shown only to the person who asked (errors and "did you mean").
    pub ephemeral: bool,
    /// Accent colour, 0xRRGGBB (never black: 0 is no colour, which keeps a reply small).
    pub colour: Option<std::num::NonZeroU32>,
    /// Files sent with the reply, such as a picture (boxed: most replies have none).
    pub attachments: Box<[Attachment]>,
    /// Buttons under it, in one row (boxed behind one pointer: most replies have none, and a
    /// reply is passed around by value).
    pub buttons: Option<Box<Vec<Button>>>,
}

/// A button under a reply. Its `id` says what pressing it does (see `state::pending`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub id: String,
    /// What it says (at most [`MAX_LABEL`] characters).
    pub label: String,
    pub style: ButtonStyle,
}

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    /// The action the reply is about (Confirm).
    Primary,
    /// Another way (Cancel, More).
    Secondary,
    /// An action that destroys something (Remove, Delete).
    Danger,
}

/// The longest label of a button, a form's title or one of its inputs' labels (Discord's limit
/// for titles and labels is 45; buttons take 80).
pub const MAX_LABEL: usize = 45;

/// A form shown instead of a reply (Discord's modal): at most [`MAX_INPUTS`] text inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What sending it does (see `state::pending`).
    pub id: String,
    pub title: String,
    pub inputs: Vec<Input>,
}

/// The most inputs a form has (Discord's limit).
pub const MAX_INPUTS: usize = 5;

/// One text input of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub id: &'static str,
    pub label: String,
    /// Several lines (a paragraph), or one.
    pub long: bool,
    pub required: bool,
    /// What it is filled with (editing what is there).
    pub value: Option<String>,
    /// Shown while it is empty.
    pub placeholder: Option<String>,
    /// The most characters it takes (at most 4,000).
    pub max: u16,
}

/// A file sent with a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its file name, such as `timeline.png`.
    pub name: String,
    /// What it shows, for those who cannot see it.
    pub description: String,
    pub bytes: std::sync::Arc<[u8]>,
    /// Whether it is the reply's picture, shown in it (at most one is).
    pub shown: bool,
    /// What the reply says about the file ("import it into your calendar app"), shown after the
    /// description only where the file is sent with it.
    pub note: Option<String>,
}

impl Reply {
    pub fn new(title: impl Into<String>) -> Self {
        Reply {
            outcome: Outcome::Answered,
            title: title.into(),
            description: Text::new(),
            fields: Vec::new(),
            footer: None,
            ephemeral: false,
            colour: None,
            attachments: Box::new([]),
            buttons: None,
        }
    }
    /// A reply that only the asker sees, for input that matched nothing.
    pub fn not_found(title: impl Into<String>, description: Text) -> Self {
        Reply { outcome: Outcome::NotFound, description, ephemeral: true, ..Reply::new(title) }
    }
    /// A reply that only the asker sees, for input that is not acceptable.
    pub fn invalid(description: Text) -> Self {
        Reply { outcome: Outcome::Invalid, description, ephemeral: true, ..Reply::new("That didn't work") }
    }
    pub fn description(mut self, d: Text) -> Self {
        self.description = d;
        self
    }
    pub fn field(mut self, name: impl Into<String>, value: Text, inline: bool) -> Self {
        if !value.is_empty() {
            self.fields.push(Field { name: name.into(), value, inline });
        }
        self
    }
    pub fn footer(mut self, f: impl Into<String>) -> Self {
        self.footer = Some(f.into().into_boxed_str());
        self
    }
    pub fn colour(mut self, c: u32) -> Self {
        self.colour = std::num::NonZeroU32::new(c);
        self
    }
    pub fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }
    /// The description with the notes of the files sent with it.
    pub fn description_with_notes(&self) -> Text {
        let mut d = self.description.clone();
        for note in self.attachments.iter().filter_map(|a| a.note.as_deref()) {
            d = d.text(format!("\n\n{note}"));
        }
        d
    }

    /// Adds a button under the reply.
    pub fn button(mut self, id: String, label: impl Into<String>, style: ButtonStyle) -> Self {
        self.buttons.get_or_insert_default().push(Button { id, label: shorten(&label.into(), MAX_LABEL), style });
        self
    }

    /// Its buttons (none, most often).
    pub fn buttons(&self) -> &[Button] {
        self.buttons.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Attaches a file and shows it as the reply's picture.
    pub fn picture(mut self, a: Attachment) -> Self {
        let mut all = std::mem::take(&mut self.attachments).into_vec();
        all.iter_mut().for_each(|a| a.shown = false);
        all.push(Attachment { shown: true, ..a });
        self.attachments = all.into_boxed_slice();
        self
    }
}

/// The longest user text echoed back, in characters.
pub const MAX_ECHO: usize = 100;

/// Zero-width, bidi-override and soft-hyphen characters: they hide or reorder text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Text a member wrote to be kept (a town's texts): without control characters but line breaks,
/// and without zero-width, bidi-override and soft-hyphen characters, which hide or reorder text.
pub fn kept_text(s: &str) -> String {
    s.chars().filter(|&c| !is_invisible(c) && (!c.is_control() || c == '\n')).collect()
}

/// Makes user text safe to show: drops control, zero-width and bidi-override characters,
/// collapses whitespace and shortens it to [`MAX_ECHO`] characters.
pub fn sanitise(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_whitespace() || c.is_control() { ' ' } else { c })
        .collect();
    let collapsed = cleaned.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    shorten(&collapsed, MAX_ECHO)
}

/// Shortens to at most `max` characters, ending with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_text_keeps_lines_and_drops_what_hides_or_reorders() {
        assert_eq!(kept_text("a\u{202E}b\u{200B}c\r\n\td\u{0}e"), "abc\nde");
    }

    #[test]
    fn invisible_characters_are_removed_from_echoes() {
        assert_eq!(sanitise("dort\u{200B}mund\u{202E}\n\t x"), "dortmund x");
        assert_eq!(sanitise(&"a".repeat(500)).chars().count(), MAX_ECHO);
    }
}
