//! Discord markdown: escaping what users typed, mention syntax, and rendering a reply's
//! [`Text`] within a length limit without ever splitting an escape or leaving emphasis open.

use std::borrow::Cow;

use crate::core::reply::{sanitise, Span, Text};
use crate::discord::limits;

/// Escapes Discord markdown in a whole string.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_all(s, true, &mut out);
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

/// The bytes [`escape_all`] stops at: those escaped wherever they are, and the newline (after
/// which a line starts). Every other byte, including every byte of a multi-byte character, is
/// copied as it is.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"\\*_~`|[]<@\n";
    let mut i = 0;
    while i < stops.len() {
        t[stops[i] as usize] = true;
        i += 1;
    }
    t
};

/// Appends the whole escaped form of `s` and returns its length in characters: what
/// [`escape_into`] does without a limit, in one pass that looks at a byte only to find the next
/// one to stop at (a reply's text has few).
fn escape_all(s: &str, at_line_start: bool, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    let (mut i, mut run, mut escapes) = (0, 0, 0);
    let mut line_start = at_line_start;
    loop {
        if line_start {
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            if matches!(bytes.get(i), Some(b'#' | b'>' | b'-' | b'+')) {
                out.push_str(&s[run..i]);
                out.push('\\');
                (run, escapes, i) = (i, escapes + 1, i + 1);
            }
            line_start = false;
        }
        let Some(k) = bytes[i..].iter().position(|&b| STOPS[usize::from(b)]) else { break };
        i += k;
        if bytes[i] == b'\n' {
            line_start = true;
        } else {
            out.push_str(&s[run..i]);
            out.push('\\');
            (run, escapes) = (i, escapes + 1);
        }
        i += 1;
    }
    out.push_str(&s[run..]);
    s.chars().count() + escapes
}

/// Percent-encodes the characters that would end a markdown link target.
fn link_target(url: &str) -> Cow<'_, str> {
    if !url.bytes().any(|b| matches!(b, b' ' | b'(' | b')' | b'<' | b'>')) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How a channel is mentioned: shown by its name, and pinging nobody.
pub fn channel_mention(id: u64) -> String {
    format!("<#{id}>")
}

/// How a role is mentioned (it pings only where `allowed_mentions` lets it).
pub fn role_mention(id: u64) -> String {
    format!("<@&{id}>")
}

/// How a member is mentioned: shown by their name (a reply pings nobody).
pub fn member_mention(id: u64) -> String {
    format!("<@{id}>")
}

/// Markup that is copied as it is: a moderator's markdown, or a mention.
fn verbatim(span: &Span) -> Option<Cow<'_, str>> {
    match span {
        Span::Markdown(m) => Some(Cow::Borrowed(m)),
        Span::Channel(id) => Some(Cow::Owned(channel_mention(*id))),
        Span::Role(id) => Some(Cow::Owned(role_mention(*id))),
        Span::Member(id) => Some(Cow::Owned(member_mention(*id))),
        _ => None,
    }
}

/// Renders text as Discord markdown in at most `max` characters, cutting with "…".
pub fn markdown(text: &Text, max: usize) -> String {
    let mut out = String::with_capacity(256);
    let mut used = 0usize;
    let mut at_line_start = true;
    for span in &text.0 {
        if let Some(m) = verbatim(span) {
            let m: &str = &m;
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
            // Subtext: a line of its own, starting "-# ".
            Span::Small(t) => (if at_line_start { "-# " } else { "\n-# " }, t, ""),
            Span::Markdown(_) | Span::Channel(_) | Span::Role(_) | Span::Member(_) => {
                unreachable!("copied verbatim above")
            }
        };
        let escape_start = at_line_start && pre.is_empty();
        let target = match span {
            Span::Link { url, .. } => Some(link_target(url)),
            _ => None,
        };
        // Written whole when it fits (nearly always); otherwise taken back and cut below.
        let mark = out.len();
        let target_len = target.as_ref().map_or(0, |t| t.chars().count() + 2);
        out.push_str(pre);
        let body_len = match span {
            Span::Code(t) => {
                out.extend(t.chars().map(|c| if c == '`' { '\'' } else { c }));
                t.chars().count()
            }
            _ => escape_all(raw, escape_start, &mut out),
        };
        let piece_len = pre.len() + body_len + post.len() + target_len;
        if used + piece_len <= max {
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
        out.truncate(mark);
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
            let mark = out.len();
            escape_into(raw, room, escape_start, &mut out);
            cut_between_words(&mut out, mark);
            out.push_str(post);
        }
        out.push('…');
        return out;
    }
    out
}

/// The longest word a cut goes back over to end between words (a long German compound fits).
const LONGEST_WORD: usize = 40;

/// Ends a cut text between words rather than inside one, when a word boundary is near the end of
/// what was written since `mark`.
fn cut_between_words(out: &mut String, mark: usize) {
    let written = &out[mark..];
    let Some(space) = written.rfind(char::is_whitespace) else { return };
    if written[space..].chars().count() <= LONGEST_WORD {
        let keep = written[..space].trim_end().len();
        if keep > 0 && !written[..keep].ends_with('\\') {
            out.truncate(mark + keep);
        }
    }
}

/// The text of a message to post: markdown within Discord's limit on a message, without the
/// leading and trailing blanks Discord trims (so that a copy in the channel compares equal).
pub fn message_content(text: &Text) -> String {
    markdown(text, limits::MESSAGE).trim().to_string()
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
                let (whole, full) = reference(s, usize::MAX, start);
                let mut out = String::from("kept");
                assert_eq!(escape_all(s, start, &mut out), full, "{s:?}");
                assert_eq!(out, format!("kept{whole}"), "{s:?}");
                for room in 0..=full + 1 {
                    let mut out = String::new();
                    let used = escape_into(s, room, start, &mut out);
                    assert_eq!((out, used), reference(s, room, start), "{s:?} room {room}");
                }
            }
        }
    }
}
