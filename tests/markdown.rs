//! Markdown escaping and mention stripping under property tests (issue 28, target 4): for any
//! text, what twinbot writes, read by a small reference parser of Discord's markdown written here
//! apart from the escaper, shows the original characters and nothing live: no mention, link,
//! formatting or block that the text did not ask for.

mod support;

use proptest::prelude::*;
use support::property;
use twinbot::core::reply::{sanitise, Text};
use twinbot::discord::markdown::{escape_markdown, markdown};

/// What a reader sees of a piece of a message.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// Characters shown as they are.
    Text(String),
    /// Bold text (`**…**`), the one kind of formatting twinbot writes around what it is given.
    Strong(Vec<Node>),
    /// Anything else Discord would make of it: named, with where it starts.
    Live(&'static str, String),
}

/// Discord reads a message after turning CR LF and CR into LF and tabs into four spaces (as
/// simple-markdown, the parser its client is built on, does before any rule).
fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").replace('\t', "    ")
}

/// The reference parser: blocks at each line's start, then the inline rules, in Discord's order.
/// Where the real rules are intricate (emphasis, links), it is more eager than Discord: it calls
/// a construct live as soon as its opener has a closer after it, so it can only find more.
fn parse(message: &str) -> Vec<Node> {
    let text = normalise(message);
    let mut nodes = Vec::new();
    let mut line_start = true;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if line_start {
            if let Some(kind) = block(rest) {
                nodes.push(Node::Live(kind, rest.chars().take(20).collect()));
            }
            line_start = false;
        }
        let (node, used) = inline(rest);
        if text[i..i + used].ends_with('\n') {
            line_start = true;
        }
        push(&mut nodes, node);
        i += used;
    }
    nodes
}

/// A block that starts a line: a heading (`#` to `###`), subtext (`-#`), a quote (`>`, `>>>`) or
/// a list item (`-`, `*`, `1.`), each after any spaces and followed by a space.
fn block(line: &str) -> Option<&'static str> {
    let s = line.trim_start_matches(' ');
    let spaced =
        |after: &str| after.starts_with(' ') && after.trim_start_matches(' ').chars().next().is_some_and(|c| c != '\n');
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=3).contains(&hashes) && spaced(&s[hashes..]) {
        return Some("heading");
    }
    if let Some(after) = s.strip_prefix("-#") {
        if spaced(after) {
            return Some("subtext");
        }
    }
    if s.starts_with(">>> ") || (s.starts_with("> ") && spaced(&s[1..])) {
        return Some("quote");
    }
    if (s.starts_with("- ") || s.starts_with("* ")) && spaced(&s[1..]) {
        return Some("list");
    }
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && s[digits..].starts_with('.') && spaced(&s[digits + 1..]) {
        return Some("numbered list");
    }
    None
}

fn push(nodes: &mut Vec<Node>, node: Node) {
    if let (Some(Node::Text(last)), Node::Text(t)) = (nodes.last_mut(), &node) {
        last.push_str(t);
        return;
    }
    nodes.push(node);
}

/// One inline node at the start of `s` and how many bytes it takes.
fn inline(s: &str) -> (Node, usize) {
    let c = s.chars().next().expect("not empty");
    let live = |kind: &'static str| (Node::Live(kind, s.chars().take(20).collect()), c.len_utf8());
    // An escape: a backslash before anything but a letter, a digit or a blank shows that
    // character; before those, the backslash shows itself.
    if c == '\\' {
        if let Some(next) = s[1..].chars().next() {
            if !next.is_ascii_alphanumeric() && !next.is_whitespace() {
                return (Node::Text(next.to_string()), 1 + next.len_utf8());
            }
        }
        return (Node::Text("\\".into()), 1);
    }
    let later = |closer: &str, from: usize| s.get(from..).is_some_and(|r| r.contains(closer));
    match c {
        '<' => {
            let rest = &s[1..];
            let tagged = ["@", "#", ":", "a:", "t:", "/", "id:"].iter().any(|p| rest.starts_with(p));
            let autolink = rest.split(['>', ' ']).next().is_some_and(|t| t.contains(":/"));
            if (tagged || autolink) && later(">", 1) {
                return live(if autolink { "autolink" } else { "mention, emoji, timestamp or command" });
            }
        }
        '@' if s.starts_with("@everyone") || s.starts_with("@here") => return live("mass mention"),
        '`' if later("`", 1) => return live("code"),
        '[' if s.find("](").is_some_and(|at| later(")", at + 2)) => return live("masked link"),
        '*' if s.starts_with("**") => {
            // Bold: the shortest non-empty text up to a `**` not followed by another `*`.
            let body = &s[2..];
            let end = body
                .char_indices()
                .skip(1)
                .map(|(j, _)| j)
                .chain([body.len()])
                .find(|&j| body[j..].starts_with("**") && !body[j + 2..].starts_with('*'));
            if let Some(end) = end {
                let inner = &body[..end];
                let mut nodes = Vec::new();
                let mut k = 0;
                while k < inner.len() {
                    let (node, used) = inline(&inner[k..]);
                    push(&mut nodes, node);
                    k += used;
                }
                return (Node::Strong(nodes), 2 + end + 2);
            }
            if later("*", 2) {
                return live("emphasis");
            }
        }
        '*' if s[1..].chars().next().is_some_and(|n| !n.is_whitespace()) && later("*", 1) => return live("emphasis"),
        '_' if later("_", 1) => return live("underline or emphasis"),
        '~' if s.starts_with("~~") && later("~~", 2) => return live("strikethrough"),
        '|' if s.starts_with("||") && later("||", 2) => return live("spoiler"),
        _ => {}
    }
    // A bare link: a scheme, "://" and anything not blank.
    if c.is_ascii_alphabetic() {
        let scheme = s.len() - s.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || "+.-".contains(c)).len();
        if let Some(after) = s[scheme..].strip_prefix("://") {
            if after.chars().next().is_some_and(|n| !n.is_whitespace() && n != '<') {
                return live("link");
            }
        }
    }
    (Node::Text(c.to_string()), c.len_utf8())
}

/// The characters a reader sees, and every live construct found.
fn shown(nodes: &[Node]) -> (String, Vec<String>) {
    let (mut text, mut live) = (String::new(), Vec::new());
    for n in nodes {
        match n {
            Node::Text(t) => text.push_str(t),
            Node::Strong(inner) => {
                let (t, l) = shown(inner);
                text.push_str(&t);
                live.push(format!("bold: {t:?}"));
                live.extend(l);
            }
            Node::Live(kind, at) => live.push(format!("{kind} at {at:?}")),
        }
    }
    (text, live)
}

/// Text that reaches for every rule: markdown's marks, mention and link syntax, line starts,
/// line endings, digits, and a little of every script.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "\\PC{0,6}",
        6 => proptest::sample::select(vec![
            "*", "**", "_", "__", "~~", "||", "`", "```", "\\", "[", "](", ")", "<", ">", "@", "#", "-", "+", ".",
            ":", "//", "<@", "<@&", "<#", "<t:", "<a:", "</", "<id:", "@everyone", "@here", "https://", "http://x.y",
            "steam://", "# ", "## ", "### ", "-# ", "> ", ">>> ", "- ", "* ", "1. ", "12. ", "\n", "\r", "\r\n",
            "\t", " ", "  ", "123", "é", "Харків", "杭州", "👩‍👩‍👧", "\u{200B}", "\u{202E}",
        ]).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// What twinbot does with a text a member typed, or a text from its data: shown exactly, and
/// nothing in it live.
fn check_plain(s: &str) -> Result<(), TestCaseError> {
    let escaped = escape_markdown(s);
    let (text, live) = shown(&parse(&escaped));
    prop_assert!(live.is_empty(), "{s:?} was written {escaped:?}, where Discord finds {live:?}");
    prop_assert_eq!(text, normalise(s), "{:?} was written {:?}", s, escaped);
    Ok(())
}

/// A reply of the bot's texts, members' texts and bold: each shown as given, bold only where the
/// reply asks for it, nothing else live; cut to any length, it shows a beginning of the whole.
fn check_reply(spans: &[(u8, String)], max: usize) -> Result<(), TestCaseError> {
    let mut t = Text::new();
    // What is shown, in runs of plain text and of bold (bold beside bold reads as one), each read
    // by Discord on its own: a CR ending one run and a LF beginning the next are two lines.
    let mut runs: Vec<(bool, String)> = Vec::new();
    for (kind, s) in spans {
        let (bold, shown) = match kind % 3 {
            0 => {
                t = t.text(s.clone());
                (false, s.clone())
            }
            1 => {
                t = t.user(s.clone());
                (false, sanitise(s))
            }
            _ => {
                t = t.strong(s.clone());
                (true, s.clone())
            }
        };
        match runs.last_mut() {
            Some((b, run)) if *b == bold => run.push_str(&shown),
            // Text that shows nothing ends no run.
            _ if shown.is_empty() && !bold => {}
            _ => runs.push((bold, shown)),
        }
    }
    let whole: String = runs.iter().map(|(_, run)| normalise(run)).collect();
    let expected: Vec<String> =
        runs.iter().filter(|(bold, _)| *bold).map(|(_, run)| format!("bold: {:?}", normalise(run))).collect();
    let md = markdown(&t, 100_000);
    let (text, live) = shown(&parse(&md));
    prop_assert_eq!(&live, &expected, "{:?} was written {:?}", spans, md);
    prop_assert_eq!(&text, &whole, "{:?} was written {:?}", spans, md);
    let cut = markdown(&t, max);
    prop_assert!(cut.chars().count() <= max.max(1), "{} characters for at most {}", cut.chars().count(), max);
    let (cut_text, cut_live) = shown(&parse(&cut));
    prop_assert!(cut_live.iter().all(|l| l.starts_with("bold")), "cut to {max}: {cut:?} has {cut_live:?}");
    let kept = cut_text.strip_suffix('…').unwrap_or(&cut_text);
    prop_assert!(whole.starts_with(kept), "cut to {}: {:?} shows {:?}, not a beginning of {:?}", max, cut, kept, whole);
    Ok(())
}

#[test]
fn the_reference_parser_finds_what_discord_shows() {
    let live = |s: &str| shown(&parse(s)).1;
    for s in [
        "**a**",
        "*a*",
        "_a_",
        "__a__",
        "~~a~~",
        "||a||",
        "`a`",
        "[a](https://b)",
        "<@1>",
        "<@&1>",
        "<#1>",
        "<:e:1>",
        "<t:1:R>",
        "</cmd:1>",
        "@everyone",
        "@here",
        "x https://a.b",
        "<https://a.b>",
        "# h",
        "## h",
        "-# s",
        "> q",
        ">>> q",
        "- l",
        "* l",
        "1. l",
        "a\n  # h",
        "a\r# h",
        "\t- l",
    ] {
        assert!(!live(s).is_empty(), "{s:?} is live");
    }
    for s in ["a * b", "#hashtag", "1.5", "-x", "https:// a", "\\*a\\*", "a \\# b", "https\\://a", "1\\. l"] {
        assert_eq!(live(s), Vec::<String>::new(), "{s:?} is shown as it is");
    }
    assert_eq!(shown(&parse("\\*\\\\\\a")).0, "*\\\\a");
    assert_eq!(shown(&parse("**a\\***")), ("a*".to_string(), vec!["bold: \"a*\"".to_string()]));
}

#[test]
fn escaped_text_shows_the_original_and_nothing_live() {
    property::check("markdown", 512, hostile(), |s| check_plain(&s));
    property::check("markdown", 128, "\\PC{0,200}", |s| check_plain(&s));
}

#[test]
fn replies_are_bold_only_where_they_ask_and_cut_cleanly() {
    let spans =
        proptest::collection::vec((any::<u8>(), hostile().prop_filter("bold has text", |s| !s.is_empty())), 1..5);
    property::check("markdown", 256, (spans, 0usize..120), |(spans, max)| check_reply(&spans, max));
}

/// Every text of the corpus, escaped whole, and as a reply of two spans split at each of its
/// first 200 places, of every kind (text, a member's text, bold), side by side and around a
/// member's text that shows nothing: what one span leaves at its end (a line just begun, digits,
/// a `:`, a bold's close) must be seen by the next.
#[test]
fn the_markdown_corpus_is_shown_as_typed() {
    for (name, bytes) in property::corpus("markdown") {
        let s = String::from_utf8_lossy(&bytes);
        if let Err(e) = check_plain(&s) {
            panic!("{name}: {e}");
        }
        for (k, _) in s.char_indices().chain([(s.len(), ' ')]).take(200) {
            let (a, b) = s.split_at(k);
            for (x, y) in (0..3u8).flat_map(|x| (0..3u8).map(move |y| (x, y))) {
                if (x == 2 && a.is_empty()) || (y == 2 && b.is_empty()) {
                    continue;
                }
                for max in [60, 2000] {
                    if let Err(e) = check_reply(&[(x, a.to_string()), (y, b.to_string())], max) {
                        panic!("{name}, split at {k} as kinds {x} and {y}: {e}");
                    }
                    // With a member's text between them that shows nothing.
                    if let Err(e) = check_reply(&[(x, a.to_string()), (1, "\n".into()), (y, b.to_string())], max) {
                        panic!("{name}, split at {k} as kinds {x} and {y} around an empty text: {e}");
                    }
                }
            }
        }
    }
}
