//! Pictures for members and moderators: the timeline of the partnerships (`/timeline`) and the
//! map of them (`/map`), the cover of an anniversary's scheduled event ([`cover`]), and
//! `twinbot render`. Each picture is drawn as SVG, its layout computed as numbers (tested as
//! such), then rasterised to PNG ([`png`]).
//!
//! Rasterising ([`raster`]: resvg and the fonts) happens in a separate program, `twinbot-render`,
//! installed beside `twinbot`: the bot runs it for each picture. The renderer's code and fonts
//! are a third of the binary, and a picture takes several megabytes while it is drawn; kept out
//! of the bot's process, neither stays resident in the bot that answers members (the gateway
//! benchmark, docs/performance.md, measures it), and a renderer that fails cannot take the bot down.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub mod cover;
pub mod map;
pub mod raster;
pub mod timeline;

/// The size a picture should stay within (the budget of the pictures issue).
pub const MAX_BYTES: usize = 300 * 1024;

/// The fonts, in the order they are tried for a character.
pub const FONT_FAMILIES: &str = "Noto Sans, Noto Sans CJK SC";

/// The renderer program's name, looked for beside the running program.
pub const RENDERER: &str = "twinbot-render";

/// An environment variable naming the renderer program, where it is not beside `twinbot`.
pub const RENDERER_ENV: &str = "TWINBOT_RENDERER";

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the picture's SVG is not valid: {0}")]
    Svg(String),
    #[error("the picture is empty or too large to draw")]
    Size,
    #[error("the picture could not be encoded as PNG: {0}")]
    Png(String),
    #[error(
        "cannot run the picture renderer {}: {reason}\n  help: install twinbot-render beside twinbot (cargo \
         builds both), or name it in the environment variable TWINBOT_RENDERER",
        path.display()
    )]
    Renderer { path: PathBuf, reason: String },
}

/// How pictures are drawn in this process, once [`draw_in_process`] chose to. A function
/// pointer, not a flag: the bot never names the rasteriser, so its code is not linked into the
/// bot's binary at all.
static IN_PROCESS: OnceLock<Rasterise> = OnceLock::new();

/// Draws an SVG document as PNG.
type Rasterise = fn(&str) -> Result<Vec<u8>, PictureError>;

/// Draws pictures in this process from now on, instead of running `twinbot-render`: for the
/// renderer itself, tests and benchmarks.
pub fn draw_in_process() {
    let _ = IN_PROCESS.set(raster::png);
}

/// Rasterises an SVG document (ours) to PNG: with `twinbot-render` ([`renderer`]), or in this
/// process after [`draw_in_process`] (and in the library's own unit tests).
pub fn png(svg: &str) -> Result<Vec<u8>, PictureError> {
    #[cfg(test)]
    draw_in_process();
    match IN_PROCESS.get() {
        Some(draw) => draw(svg),
        None => png_with(&renderer(), svg),
    }
}

/// The renderer program: `TWINBOT_RENDERER`, else `twinbot-render` beside the running program.
pub fn renderer() -> PathBuf {
    if let Some(path) = std::env::var_os(RENDERER_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().unwrap_or_default();
    exe.with_file_name(format!("{RENDERER}{}", std::env::consts::EXE_SUFFIX))
}

/// Rasterises `svg` with the renderer program at `path`.
pub fn png_with(path: &Path, svg: &str) -> Result<Vec<u8>, PictureError> {
    let failed = |reason: String| PictureError::Renderer { path: path.to_path_buf(), reason };
    let mut child = Command::new(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    // The renderer reads the whole SVG before it writes anything, so writing it all first
    // cannot deadlock. A write error (it stopped early) is reported by its status below.
    let wrote = child.stdin.take().map(|mut stdin| stdin.write_all(svg.as_bytes()));
    let out = child.wait_with_output().map_err(|e| failed(e.to_string()))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(failed(if said.is_empty() { format!("it stopped with {}", out.status) } else { said }));
    }
    if let Some(Err(e)) = wrote {
        return Err(failed(format!("cannot send it the picture: {e}")));
    }
    Ok(out.stdout)
}

/// How far a line of text reaches above its baseline and below it, in ems: the fonts' glyphs
/// (data/fonts) reach 1.069 em above and 0.293 em below.
pub const ASCENT: f32 = 1.1;
pub const DESCENT: f32 = 0.3;

/// The widths of the printable ASCII characters, in thousandths of an em: Noto Sans's advances
/// (data/fonts), the larger of its regular and bold.
const ASCII_WIDTHS: [u16; 95] = [
    260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 551, 572, 285, 322, 285, 413, 572, 572, 572, 572, 572, 572, 572,
    572, 572, 572, 285, 285, 572, 572, 572, 477, 899, 690, 672, 637, 740, 560, 549, 728, 765, 389, 331, 664, 565, 943,
    813, 796, 628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 444, 362, 604, 633, 514, 633,
    591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619, 633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394,
    551, 394, 572,
];

/// The few characters of the fonts wider than an em (the widest Cyrillic letters, Latin's
/// digraphs, per-mille signs): up to 1.7 em.
const WIDE: &str = "ƜƢǄǅǆǊǋǱǲǳǶЊШЩЮѨѬѸѹѼҖҦӍԈԊԔԠԢԪԫ‰‱⁂⁗№";

/// How wide a character is drawn, at most, in ems.
fn em(c: char) -> f32 {
    match c {
        ' '..='~' => f32::from(ASCII_WIDTHS[c as usize - 0x20]) / 1000.0,
        // Left out of the drawing. (A combining mark is not counted as nothing, though the fonts
        // give it no advance: a long run of them, with no letter to sit on, is drawn side by
        // side.)
        c if left_out(c) => 0.0,
        // A Latin letter with a mark: as wide as its letter, a fifth more for the widest marks.
        '\u{c0}'..='\u{17f}' | '\u{1e00}'..='\u{1eff}' if c.is_alphabetic() => {
            match deunicode::deunicode_char(c).filter(|t| !t.is_empty() && t.chars().all(|t| t.is_ascii_graphic())) {
                Some(letters) => 1.2 * letters.chars().map(em).sum::<f32>(),
                None => 1.0,
            }
        }
        c if WIDE.contains(c) => 1.7,
        // CJK is square; other letters, and the box drawn for a character the fonts lack, narrower.
        _ => 1.0,
    }
}

/// How wide `s` is drawn at `size` px, at most (a little more than the fonts draw it, never
/// less: a test measures every character of the fonts against it). The layouts place text by
/// it, so that no label runs into another.
pub fn text_width(s: &str, size: f32) -> f32 {
    s.chars().map(em).sum::<f32>() * size
}

/// A text as a picture draws it: the characters XML cannot hold left out (as [`xml`] leaves them
/// out), and shortened with an ellipsis to `room` px at `size` px when it is wider (empty when not
/// even the ellipsis fits). A name may be as long as a data file allows; a picture has room for a
/// few words.
pub fn fit(s: &str, size: f32, room: f32) -> String {
    let drawn: String = s.chars().filter(|&c| !left_out(c)).collect();
    if text_width(&drawn, size) <= room {
        return drawn;
    }
    let room = room - em('…') * size;
    if room < 0.0 {
        return String::new();
    }
    let mut width = 0.0;
    let kept: String = drawn
        .chars()
        .take_while(|&c| {
            width += em(c) * size;
            width <= room
        })
        .collect();
    format!("{}…", kept.trim_end())
}

/// The lines of text under a picture (the names it has no other room for): their size, the
/// space between their baselines, and the widest a name is in them (a longer one is shortened).
pub const NOTE_SIZE: f32 = 14.0;
pub const NOTE_LINE: f32 = 20.0;
pub const NOTE_NAME_ROOM: f32 = 240.0;

/// A line of text under a picture: its text, its baseline's start and its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub bounds: [f32; 4],
}

/// `sentences` as lines of [`NOTE_SIZE`] text at most `room` px wide, the first baseline at
/// (x, y): each sentence from a line of its own, cut after a space where it can be (the lines of a
/// sentence, joined, are the sentence).
pub fn lines(sentences: &[String], x: f32, y: f32, room: f32) -> Vec<Line> {
    let mut out = Vec::new();
    for sentence in sentences {
        let mut rest = sentence.as_str();
        while !rest.is_empty() {
            let (mut width, mut end, mut space) = (0.0, rest.len(), None);
            for (i, c) in rest.char_indices() {
                width += em(c) * NOTE_SIZE;
                if width > room {
                    end = i;
                    break;
                }
                if c == ' ' {
                    space = Some(i + 1);
                }
            }
            if end < rest.len() {
                end = space.unwrap_or(end);
            }
            // At least a character a line, however narrow the room.
            let end = if end == 0 { rest.chars().next().map_or(rest.len(), char::len_utf8) } else { end };
            let (text, ly) = (rest[..end].to_string(), y + NOTE_LINE * out.len() as f32);
            let bounds = [x, ly - NOTE_SIZE * ASCENT, x + text_width(&text, NOTE_SIZE), ly + NOTE_SIZE * DESCENT];
            out.push(Line { text, x, y: ly, bounds });
            rest = &rest[end..];
        }
    }
    out
}

/// Whether a character is left out of the pictures' text: controls, and the noncharacters U+FFFE
/// and U+FFFF (TOML allows them in a name; XML 1.0 does not, and a parser refuses the whole
/// picture for one).
fn left_out(c: char) -> bool {
    c.is_control() || c == '\u{fffe}' || c == '\u{ffff}'
}

/// Text made safe to place in SVG (XML): `&`, `<`, `>` and quotes escaped, the characters XML
/// cannot hold left out.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if left_out(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(xml("<b>&\"'\u{7}"), "&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(xml("Brno\u{fffe}\u{ffff}\u{fffd}"), "Brno\u{fffd}", "XML's noncharacters dropped");
    }

    #[test]
    fn long_text_is_shortened_to_its_room() {
        assert_eq!(fit("Brno", 16.0, 100.0), "Brno");
        let name = "Llanfair".repeat(20);
        let short = fit(&name, 16.0, 200.0);
        assert!(short.ends_with('…') && text_width(&short, 16.0) <= 200.0, "{short}");
        assert!(name.starts_with(short.trim_end_matches('…')), "{short}");
        assert_eq!(fit("Brno\u{7}\u{fffe}", 16.0, 100.0), "Brno", "what XML cannot hold is left out");
        assert_eq!(fit("Brno", 16.0, 5.0), "", "not even the ellipsis fits");
    }

    #[test]
    fn lines_are_cut_after_spaces_and_join_into_their_sentences() {
        let sentences = ["Not on the map: Brno, Kharkiv and Hangzhou".to_string(), "杭州".repeat(40)];
        let lines = lines(&sentences, 10.0, 100.0, 200.0);
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|l| l.bounds[2] - l.x <= 200.0 && l.bounds[0] == 10.0), "{lines:?}");
        assert!(lines[0].text.ends_with(' '), "cut after a space: {lines:?}");
        assert!(lines.windows(2).all(|w| w[1].y == w[0].y + NOTE_LINE));
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined, sentences.concat());
    }

    #[test]
    fn a_missing_renderer_is_named_with_what_to_do() {
        let e = png_with(Path::new("/nonexistent/twinbot-render"), "<svg/>").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("cannot run the picture renderer /nonexistent/twinbot-render: "), "{text}");
        assert!(text.contains("install twinbot-render beside twinbot"), "{text}");
    }
}
