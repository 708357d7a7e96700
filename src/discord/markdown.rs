//! Discord markdown: escaping what users typed, mention syntax, and rendering a reply's
//! [`Text`] within a length limit without ever splitting an escape or leaving emphasis open.

use std::borrow::Cow;

use crate::core::reply::{sanitise, Span, Text};
use crate::discord::limits;

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

/// How a channel is mentioned: shown by its name, and pinging nobody.
pub fn channel_mention(id: u64) -> String {
    format!("<#{id}>")
}

/// How a role is mentioned (it pings only where `allowed_mentions` lets it).
pub fn role_mention(id: u64) -> String {
    format!("<@&{id}>")
}

/// Markup that is copied as it is: a moderator's markdown, or a mention.
fn verbatim(span: &Span) -> Option<Cow<'_, str>> {
    match span {
        Span::Markdown(m) => Some(Cow::Borrowed(m)),
        Span::Channel(id) => Some(Cow::Owned(channel_mention(*id))),
        Span::Role(id) => Some(Cow::Owned(role_mention(*id))),
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
            Span::Markdown(_) | Span::Channel(_) | Span::Role(_) => unreachable!("copied verbatim above"),
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
