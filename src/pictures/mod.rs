//! Pictures for members and moderators: the timeline of the partnerships (`/timeline`) and the
//! map of them (`/map`), and `twinbot render`. Each picture is drawn as SVG, its layout computed
//! as numbers (tested as such), then rasterised to PNG ([`png`]).
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

/// Text made safe to place in SVG (XML): `&`, `<`, `>` and quotes escaped, control characters
/// dropped.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
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
    }

    #[test]
    fn a_missing_renderer_is_named_with_what_to_do() {
        let e = png_with(Path::new("/nonexistent/twinbot-render"), "<svg/>").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("cannot run the picture renderer /nonexistent/twinbot-render: "), "{text}");
        assert!(text.contains("install twinbot-render beside twinbot"), "{text}");
    }
}
