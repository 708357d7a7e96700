//! The transport-neutral reply every command returns, and its two renderings: Discord markdown
//! (escaped, within Discord's size limits) and plain text for the terminal.

/// A piece of reply text. Only [`Span::Strong`] and [`Span::Link`] produce markdown; everything
/// else is escaped when rendered for Discord.
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
    pub fn link(mut self, label: impl Into<String>, url: impl Into<String>) -> Self {
        self.0.push(Span::Link { label: label.into(), url: url.into() });
        self
    }
    /// Appends another text.
    pub fn append(mut self, other: Text) -> Self {
        self.0.extend(other.0);
        self
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| match s {
            Span::Text(t) | Span::Strong(t) | Span::User(t) | Span::Code(t) | Span::Markdown(t) => t.is_empty(),
            Span::Link { .. } => false,
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
    pub footer: Option<String>,
    /// Shown only to the person who asked (errors and "did you mean").
    pub ephemeral: bool,
    /// Accent colour, 0xRRGGBB.
    pub colour: Option<u32>,
    /// Something the transport does besides showing the reply (boxed: most replies have none).
    pub action: Option<Box<Action>>,
}

/// What a moderator command asks the transport to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Post an announcement in a channel (no pings).
    Post { channel_id: u64, content: String },
    /// Save a server's anniversary settings.
    Save(crate::store::StoredSettings),
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
            action: None,
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
        self.footer = Some(f.into());
        self
    }
    pub fn colour(mut self, c: u32) -> Self {
        self.colour = Some(c);
        self
    }
    pub fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }
    pub fn action(mut self, a: Action) -> Self {
        self.action = Some(Box::new(a));
        self
    }
}

/// The longest user text echoed back, in characters.
pub const MAX_ECHO: usize = 100;

/// Zero-width, bidi-override and soft-hyphen characters: they hide or reorder text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
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

/// Escapes Discord markdown in a whole string.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, usize::MAX, true, &mut out);
    out
}

/// Whether a character must be escaped for Discord markdown (and mentions neutralised).
/// `line_start`: only spaces precede it on its line, where `#`, `>`, `-` and `+` start blocks.
fn needs_escape(c: char, line_start: bool) -> bool {
    matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '@')
        || (line_start && matches!(c, '#' | '>' | '-' | '+'))
}

/// The length in bytes of the UTF-8 character that starts with byte `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Appends the escaped form of `s`, whole characters only, at most `room` characters long;
/// returns how many characters it appended. `at_line_start` tells whether `s` starts a line.
///
/// Every character that needs escaping is ASCII, so this walks bytes and copies the runs between
/// escapes whole: most text (names, summaries) has no escape at all.
fn escape_into(s: &str, room: usize, at_line_start: bool, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    let mut used = 0;
    let mut line_start = at_line_start;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = utf8_len(b);
        let special = len == 1 && needs_escape(char::from(b), line_start);
        let n = 1 + usize::from(special);
        if used + n > room {
            break;
        }
        if special {
            out.push_str(&s[run..i]);
            out.push('\\');
            run = i;
        }
        used += n;
        line_start = b == b'\n' || (line_start && b == b' ');
        i += len;
    }
    out.push_str(&s[run..i]);
    used
}

/// The length of the escaped form of `s`, in characters.
fn escaped_len(s: &str, at_line_start: bool) -> usize {
    let mut n = 0;
    let mut line_start = at_line_start;
    for &b in s.as_bytes() {
        if b & 0xC0 == 0x80 {
            continue; // inside a multi-byte character, already counted
        }
        n += 1 + usize::from(b < 0x80 && needs_escape(char::from(b), line_start));
        line_start = b == b'\n' || (line_start && b == b' ');
    }
    n
}

/// Percent-encodes the characters that would end a markdown link target.
fn link_target(url: &str) -> String {
    url.replace(' ', "%20").replace('(', "%28").replace(')', "%29").replace('<', "%3C").replace('>', "%3E")
}

/// Renders text as Discord markdown in at most `max` characters, cutting with "…".
pub fn markdown(text: &Text, max: usize) -> String {
    let mut out = String::with_capacity(256);
    let mut used = 0usize;
    let mut at_line_start = true;
    for span in &text.0 {
        if let Span::Markdown(m) = span {
            let n = m.chars().count();
            if used + n <= max {
                out.push_str(m);
                used += n;
                at_line_start = out.ends_with('\n');
                continue;
            }
            out.extend(m.chars().take(max.saturating_sub(used + 1)));
            out.push('…');
            return out;
        }
        let sanitised;
        let (pre, raw, post): (&str, &str, &str) = match span {
            Span::Text(t) => ("", t, ""),
            Span::Strong(t) => ("**", t, "**"),
            Span::User(t) => {
                sanitised = sanitise(t);
                ("", &sanitised, "")
            }
            Span::Code(t) => ("`", t, "`"),
            Span::Link { label, .. } => ("[", label, "]"),
            Span::Markdown(_) => unreachable!("handled above"),
        };
        let escape_start = at_line_start && pre.is_empty();
        let target = match span {
            Span::Link { url, .. } => Some(link_target(url)),
            _ => None,
        };
        let body_len = match span {
            Span::Code(_) => raw.chars().count(),
            _ => escaped_len(raw, escape_start),
        };
        let piece_len = pre.len() + body_len + post.len() + target.as_ref().map_or(0, |t| t.chars().count() + 2);
        if used + piece_len <= max {
            out.push_str(pre);
            match span {
                Span::Code(t) => out.extend(t.chars().map(|c| if c == '`' { '\'' } else { c })),
                _ => {
                    escape_into(raw, usize::MAX, escape_start, &mut out);
                }
            }
            out.push_str(post);
            if let Some(t) = target {
                out.push('(');
                out.push_str(&t);
                out.push(')');
            }
            used += piece_len;
            at_line_start = out.ends_with('\n');
            continue;
        }
        // Cut inside this span, keeping markdown balanced, then stop. A link that does not fit
        // is shown as its label only.
        let is_link = target.is_some();
        let room = max.saturating_sub(used + 1 + if is_link { 0 } else { pre.len() + post.len() });
        if is_link {
            escape_into(raw, room, at_line_start, &mut out);
        } else if let Span::Code(_) = span {
            out.push_str(pre);
            out.extend(raw.chars().take(room).map(|c| if c == '`' { '\'' } else { c }));
            out.push_str(post);
        } else {
            out.push_str(pre);
            escape_into(raw, room, escape_start, &mut out);
            out.push_str(post);
        }
        out.push('…');
        return out;
    }
    out
}

/// Renders text for a terminal: no markdown, user text sanitised.
pub fn plain(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Text(t) | Span::Strong(t) | Span::Markdown(t) => out.push_str(t),
            Span::Code(t) => out.push_str(&format!("`{t}`")),
            Span::User(t) => out.push_str(&sanitise(t)),
            Span::Link { label, url } => {
                if label == url {
                    out.push_str(url)
                } else {
                    out.push_str(&format!("{label} <{url}>"))
                }
            }
        }
    }
    out
}

/// The whole reply as plain text, title first.
pub fn render_plain(reply: &Reply) -> String {
    let mut out = String::new();
    out.push_str(&reply.title);
    out.push('\n');
    let desc = plain(&reply.description);
    if !desc.is_empty() {
        out.push('\n');
        out.push_str(&desc);
        out.push('\n');
    }
    for f in &reply.fields {
        out.push('\n');
        out.push_str(&f.name);
        out.push('\n');
        for line in plain(&f.value).lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    if let Some(footer) = &reply.footer {
        out.push('\n');
        out.push_str(footer);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_and_mentions_neutralised() {
        let t = Text::plain("No match for ").user("@everyone **x** <@&123>");
        let md = markdown(&t, 4096);
        assert_eq!(md, "No match for \\@everyone \\*\\*x\\*\\* \\<\\@&123>");
    }

    #[test]
    fn invisible_characters_are_removed_from_echoes() {
        assert_eq!(sanitise("dort\u{200B}mund\u{202E}\n\t x"), "dortmund x");
        assert_eq!(sanitise(&"a".repeat(500)).chars().count(), MAX_ECHO);
    }

    #[test]
    fn markdown_is_cut_to_the_limit_with_balanced_emphasis() {
        let t = Text::new().strong("Dortmund").text(" ").text("x".repeat(100));
        let md = markdown(&t, 30);
        assert_eq!(md.chars().count(), 30, "{md}");
        assert!(md.starts_with("**Dortmund** x"));
        assert!(md.ends_with('…'));
        let cut_in_strong = markdown(&Text::new().strong("a".repeat(50)), 10);
        assert_eq!(cut_in_strong, "**aaaaa**…");
    }

    #[test]
    fn escapes_are_never_split() {
        let md = markdown(&Text::plain("**********"), 8);
        assert_eq!(md, "\\*\\*\\*…");
        assert_eq!(escape_markdown("# a - b\n- c > d"), "\\# a - b\n\\- c > d");
    }

    #[test]
    fn links_render_per_transport() {
        let t = Text::new().link("globalleeds.com", "https://www.globalleeds.com/x(1)");
        assert_eq!(markdown(&t, 100), "[globalleeds.com](https://www.globalleeds.com/x%281%29)");
        assert_eq!(plain(&t), "globalleeds.com <https://www.globalleeds.com/x(1)>");
    }

    /// The byte-wise escaper against the obvious character-by-character one, on text mixing
    /// scripts, escapes and line starts, cut at every room.
    #[test]
    fn byte_wise_escaping_matches_the_reference() {
        fn reference(s: &str, room: usize, at_line_start: bool) -> (String, usize) {
            let (mut out, mut used, mut line_start) = (String::new(), 0, at_line_start);
            for c in s.chars() {
                let special = needs_escape(c, line_start);
                let n = 1 + usize::from(special);
                if used + n > room {
                    break;
                }
                if special {
                    out.push('\\');
                }
                out.push(c);
                used += n;
                line_start = c == '\n' || (line_start && c == ' ');
            }
            (out, used)
        }
        let samples = [
            "plain text",
            "# Brünn *bold* _it_ ~s~ `c` |p| [l] <@123> @everyone\\",
            "\n - item\n> quote\n  + Харків 杭州 🇩🇪 -dash",
            "é*é_é",
            "",
        ];
        for s in samples {
            for start in [true, false] {
                let full = reference(s, usize::MAX, start).1;
                assert_eq!(escaped_len(s, start), full, "{s:?}");
                for room in 0..=full + 1 {
                    let mut out = String::new();
                    let used = escape_into(s, room, start, &mut out);
                    assert_eq!((out, used), reference(s, room, start), "{s:?} room {room}");
                }
            }
        }
    }
}
