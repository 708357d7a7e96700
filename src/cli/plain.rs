//! The terminal's rendering of a reply: plain text, no markup, user text sanitised.

use crate::core::reply::{sanitise, Reply, Span, Text};

/// Renders text for a terminal: no markdown, user text sanitised.
pub fn plain(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Text(t) | Span::Strong(t) | Span::Markdown(t) => out.push_str(t),
            Span::Small(t) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(t)
            }
            Span::Channel(id) => out.push_str(&format!("channel {id}")),
            Span::Role(id) => out.push_str(&format!("role {id}")),
            Span::Member(id) => out.push_str(&format!("member {id}")),
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
    // Files cannot be shown in a terminal: named, with what they show (`twinbot render` and
    // `twinbot calendar` write them).
    for a in reply.attachments.iter() {
        out.push_str(&format!("\n[{} ({} KB): {}]\n", a.name, a.bytes.len().div_ceil(1024), a.description));
        if let Some(note) = &a.note {
            out.push_str(note);
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
    fn links_and_mentions_read_plainly() {
        let t = Text::new().link("globalleeds.com", "https://www.globalleeds.com/x(1)");
        assert_eq!(plain(&t), "globalleeds.com <https://www.globalleeds.com/x(1)>");
        assert_eq!(
            plain(&Text::plain("On, in ").channel(8).text(", pinging ").role(9)),
            "On, in channel 8, pinging role 9"
        );
    }
}
