//! Discord markdown: escaping what users typed, mention syntax, and rendering a reply's
//! [`Text`] within a length limit without ever splitting an escape or leaving emphasis open.

use std::borrow::Cow;

use crate::core::reply::{sanitise, Span, Text};
use crate::discord::limits;

/// Escapes Discord markdown in a whole string.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_all(s, Line::Start, "", &mut out);
    out
}

/// Where on its line a text begins, for the marks that begin blocks there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Nothing but spaces or tabs before it on its line: `#`, `>`, `-` and `+` begin blocks.
    Start,
    /// Spaces or tabs, then digits: a `.` would begin a numbered list (which Discord renumbers).
    Number,
    /// Anything else.
    Inside,
}

impl Line {
    /// Where text written after `out` begins. Discord reads a CR, alone or before LF, as a new
    /// line, and a tab as spaces.
    fn after(out: &str) -> Line {
        // Backwards from the end: digits, then blanks, then the line's start; anything else
        // (nearly always the last byte) and the text is inside its line.
        let (mut digits, mut blanks) = (false, false);
        for &b in out.as_bytes().iter().rev() {
            match b {
                b'\n' | b'\r' => break,
                b'0'..=b'9' if !blanks => digits = true,
                b' ' | b'\t' => blanks = true,
                _ => return Line::Inside,
            }
        }
        if digits {
            Line::Number
        } else {
            Line::Start
        }
    }

    /// Where the byte after `b` is.
    fn next(self, b: u8) -> Line {
        match (self, b) {
            (_, b'\n' | b'\r') => Line::Start,
            (Line::Start, b' ' | b'\t') => Line::Start,
            (Line::Start | Line::Number, b'0'..=b'9') => Line::Number,
            _ => Line::Inside,
        }
    }
}

/// Whether a character must be escaped for Discord markdown (and mentions neutralised), where it
/// is on its line: `#`, `>`, `-` and `+` begin blocks at a line's start, and a `.` after its
/// first digits a numbered list. A `:` needs what follows it too: [`links_after`].
fn needs_escape(c: char, line: Line) -> bool {
    matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '@')
        || (line == Line::Start && matches!(c, '#' | '>' | '-' | '+'))
        || (line == Line::Number && c == '.')
}

/// Whether a `:` followed by `rest`, and then by `follows` (the next text of the reply), begins
/// `://`: Discord makes a link of any `scheme://…`.
fn links_after(rest: &[u8], follows: &str) -> bool {
    match rest.len() {
        0 | 1 => b"//".starts_with(rest) && follows.as_bytes().starts_with(&b"//"[rest.len()..]),
        _ => rest.starts_with(b"//"),
    }
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
/// returns how many characters it appended. `line` tells where on its line `s` begins, and
/// `follows` what comes after it.
///
/// Every character that needs escaping is ASCII, so this walks bytes and copies the runs between
/// escapes whole: most text (names, summaries) has no escape at all.
fn escape_into(s: &str, room: usize, line: Line, follows: &str, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    let mut used = 0;
    let mut line = line;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = utf8_len(b);
        let special =
            len == 1 && (needs_escape(char::from(b), line) || (b == b':' && links_after(&bytes[i + 1..], follows)));
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
        line = line.next(b);
        i += len;
    }
    out.push_str(&s[run..i]);
    used
}

/// The bytes [`escape_all`] stops at: those escaped wherever they are, the `:` (escaped before
/// `//`), and the line ends (after which a line starts). Every other byte, including every byte
/// of a multi-byte character, is copied as it is.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"\\*_~`|[]<@:\n\r";
    let mut i = 0;
    while i < stops.len() {
        t[stops[i] as usize] = true;
        i += 1;
    }
    t
};

/// Where the first byte [`escape_all`] stops at is, at `from` or after: eight bytes at a time
/// past words of only ASCII letters, spaces and the bytes of multi-byte characters (most of any
/// text, in any script), and byte by byte through the others.
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    const fn lanes(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    const HIGH: u64 = lanes(0x80);
    const LOW: u64 = lanes(0x7F);
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Per byte, in its top bit (the low seven bits of each byte never carry into the next):
        // part of a multi-byte character, an ASCII letter (folded to lower case, from 'a' to
        // 'z'), or a space. None of these is ever escaped.
        let low = w & LOW;
        let folded = low | lanes(0x20);
        let letter = (folded + lanes(0x80 - b'a')) & !(folded + lanes(0x80 - b'z' - 1));
        let space = !((low ^ lanes(b' ')) + LOW);
        if (w | letter | space) & HIGH != HIGH {
            if let Some(k) = word.iter().position(|&b| STOPS[usize::from(b)]) {
                return Some(i + k);
            }
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| STOPS[usize::from(b)]).map(|k| i + k)
}

/// Appends the whole escaped form of `s` and returns its length in characters: what
/// [`escape_into`] does without a limit, in one pass that looks at a byte only to find the next
/// one to stop at (a reply's text has few).
fn escape_all(s: &str, line: Line, follows: &str, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    let (mut i, mut run, mut escapes) = (0, 0, 0);
    let mut line = line;
    let mut escape = |at: usize, run: &mut usize, out: &mut String| {
        out.push_str(&s[*run..at]);
        out.push('\\');
        *run = at;
        escapes += 1;
    };
    loop {
        // Where a line starts (or the digits at its start go on): the marks that begin blocks.
        if line != Line::Inside {
            if line == Line::Start {
                i += bytes[i..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                if matches!(bytes.get(i), Some(b'#' | b'>' | b'-' | b'+')) {
                    escape(i, &mut run, out);
                    i += 1;
                    line = Line::Inside;
                }
            }
            if line != Line::Inside {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                i += digits;
                if (digits > 0 || line == Line::Number) && bytes.get(i) == Some(&b'.') {
                    escape(i, &mut run, out);
                    i += 1;
                }
            }
            line = Line::Inside;
        }
        let Some(k) = next_stop(bytes, i) else { break };
        i = k;
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            line = Line::Start;
        } else if bytes[i] != b':' || links_after(&bytes[i + 1..], follows) {
            escape(i, &mut run, out);
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

/// Two bold spans side by side (or with only text that shows nothing between them), written
/// `**a****b**`, are read by Discord as one bold "a**b" (its bold ends at the first `**` not
/// followed by another `*`): they are written as one. None when there are no such two (nearly
/// always).
fn join_bold(text: &Text) -> Option<Text> {
    let empty = |span: &Span| match span {
        Span::Text(t) => t.is_empty(),
        Span::User(t) => sanitise(t).is_empty(),
        _ => false,
    };
    let mut after_bold = false;
    let adjacent = text.0.iter().any(|span| {
        let both = after_bold && matches!(span, Span::Strong(_));
        after_bold = matches!(span, Span::Strong(_)) || (after_bold && empty(span));
        both
    });
    if !adjacent {
        return None;
    }
    let mut spans: Vec<Span> = Vec::with_capacity(text.0.len());
    let mut open: Option<usize> = None;
    for span in &text.0 {
        match (span, open) {
            (Span::Strong(b), Some(i)) => {
                if let Span::Strong(a) = &mut spans[i] {
                    a.push_str(b);
                }
            }
            (Span::Strong(_), None) => {
                open = Some(spans.len());
                spans.push(span.clone());
            }
            (span, Some(_)) if empty(span) => {}
            (span, _) => {
                open = None;
                spans.push(span.clone());
            }
        }
    }
    Some(Text(spans))
}

/// Renders text as Discord markdown in at most `max` characters, cutting with "…".
pub fn markdown(text: &Text, max: usize) -> String {
    let joined = join_bold(text);
    let text = joined.as_ref().unwrap_or(text);
    // Whole when it fits (nearly always); else cut, each span then fitting only with room left
    // for the "…" that ends the text.
    render(text, max, false).unwrap_or_else(|| render(text, max, true).unwrap_or_default())
}

/// Renders text in at most `max` characters. Without `cut`, None as soon as a span does not fit;
/// with it, a span is written whole only if a character is left after it, and the text is cut
/// in the first that does not fit.
fn render(text: &Text, max: usize, cut: bool) -> Option<String> {
    let max_whole = max.saturating_sub(usize::from(cut));
    let mut out = String::with_capacity(256);
    let mut used = 0usize;
    for (k, span) in text.0.iter().enumerate() {
        if let Some(m) = verbatim(span) {
            let m: &str = &m;
            let n = m.chars().count();
            if used + n <= max_whole {
                out.push_str(m);
                used += n;
                continue;
            }
            if !cut {
                return None;
            }
            out.extend(m.chars().take(max.saturating_sub(used + 1)));
            out.push('…');
            return Some(out);
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
            Span::Small(t) => (if Line::after(&out) == Line::Start { "-# " } else { "\n-# " }, t, ""),
            Span::Markdown(_) | Span::Channel(_) | Span::Role(_) | Span::Member(_) => {
                unreachable!("copied verbatim above")
            }
        };
        // Where the text begins on its line (inside the marks of bold or a link, never at its
        // start), and, for a `:` that ends it, the text after it.
        let line = if pre.is_empty() { Line::after(&out) } else { Line::Inside };
        let follows = match raw.ends_with(':') || raw.ends_with(":/") {
            true if post.is_empty() => following(&text.0[k + 1..]),
            _ => String::new(),
        };
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
            _ => escape_all(raw, line, &follows, &mut out),
        };
        let piece_len = pre.len() + body_len + post.len() + target_len;
        if used + piece_len <= max_whole {
            out.push_str(post);
            if let Some(t) = target {
                out.push('(');
                out.push_str(&t);
                out.push(')');
            }
            used += piece_len;
            continue;
        }
        if !cut {
            return None;
        }
        out.truncate(mark);
        // Cut inside this span, keeping markdown balanced, then stop. A link that does not fit
        // is shown as its label only.
        let is_link = target.is_some();
        let room = max.saturating_sub(used + 1 + if is_link { 0 } else { pre.len() + post.len() });
        if is_link {
            escape_into(raw, room, Line::after(&out), "", &mut out);
        } else if room == 0 {
            // No room for even one character between the marks: the "…" alone.
        } else if let Span::Code(_) = span {
            out.push_str(pre);
            out.extend(raw.chars().take(room).map(|c| if c == '`' { '\'' } else { c }));
            out.push_str(post);
        } else {
            let before = out.len();
            out.push_str(pre);
            let mark = out.len();
            escape_into(raw, room, line, "", &mut out);
            cut_between_words(&mut out, mark);
            if out.len() == mark {
                // Nothing fitted between the marks (an escape takes two): no empty bold.
                out.truncate(before);
            } else {
                out.push_str(post);
            }
        }
        out.push('…');
        return Some(out);
    }
    Some(out)
}

/// The first characters of the plain text that follows (its first two bytes are enough to tell
/// whether a `:` before it begins a link).
fn following(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(t) => out.push_str(t),
            Span::User(t) => out.push_str(&sanitise(t)),
            _ => break,
        }
        if out.len() >= 2 {
            break;
        }
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

    /// The word-at-a-time search finds the same stop as a byte-by-byte one, from every offset of
    /// text that puts every kind of byte at every place in a word.
    #[test]
    fn the_word_at_a_time_search_finds_every_stop() {
        let pieces = [
            "a", "Z", " ", "é", "Х", "杭", "🇩🇪", "\\", "*", "_", "~", "`", "|", "[", "]", "<", "@", ":", "\n", "\r",
            "#", ">", "-", "+", ".", "1", "9", "\t", "{", "}", "^", "?", "/", "(", "A", "z", "`a", "@Z", "[z",
        ];
        let mut texts = vec![String::new()];
        for (n, piece) in pieces.iter().enumerate() {
            // A long run of letters and other scripts, with one piece at each place.
            for at in 0..8 {
                let mut t = "abcdefgh ХАРКІВ ij".repeat(2);
                t.insert_str(at + n % 3, piece);
                texts.push(t);
            }
            texts.push(pieces[n..].concat());
        }
        for t in &texts {
            let bytes = t.as_bytes();
            for from in 0..=bytes.len() {
                let naive = bytes[from..].iter().position(|&b| STOPS[usize::from(b)]).map(|k| from + k);
                assert_eq!(next_stop(bytes, from), naive, "{t:?} from {from}");
            }
        }
    }

    /// The byte-wise escaper against the obvious character-by-character one, on text mixing
    /// scripts, escapes and line starts, cut at every room.
    #[test]
    fn byte_wise_escaping_matches_the_reference() {
        fn reference(s: &str, room: usize, line: Line, follows: &str) -> (String, usize) {
            let (mut out, mut used, mut line) = (String::new(), 0, line);
            for (i, c) in s.char_indices() {
                let link = c == ':' && format!("{}{follows}", &s[i + 1..]).starts_with("//");
                let special = needs_escape(c, line) || link;
                let n = 1 + usize::from(special);
                if used + n > room {
                    break;
                }
                if special {
                    out.push('\\');
                }
                out.push(c);
                used += n;
                line = match (line, c) {
                    (_, '\n' | '\r') => Line::Start,
                    (Line::Start, ' ' | '\t') => Line::Start,
                    (Line::Start | Line::Number, '0'..='9') => Line::Number,
                    _ => Line::Inside,
                };
            }
            (out, used)
        }
        let samples = [
            "plain text",
            "# Brünn *bold* _it_ ~s~ `c` |p| [l] <@123> @everyone\\",
            "\n - item\n> quote\n  + Харків 杭州 🇩🇪 -dash",
            "é*é_é",
            "1. one\r 22. two\n\t3.5 x 4 https://a.b mailto:c :// 5.",
            ".5 and x:",
            "7:/",
            "",
        ];
        for s in samples {
            for (line, follows) in [(Line::Start, ""), (Line::Number, "//"), (Line::Inside, "/x")] {
                let (whole, full) = reference(s, usize::MAX, line, follows);
                let mut out = String::from("kept");
                assert_eq!(escape_all(s, line, follows, &mut out), full, "{s:?}");
                assert_eq!(out, format!("kept{whole}"), "{s:?}");
                for room in 0..=full + 1 {
                    let mut out = String::new();
                    let used = escape_into(s, room, line, follows, &mut out);
                    assert_eq!((out, used), reference(s, room, line, follows), "{s:?} room {room}");
                }
            }
        }
    }
}
