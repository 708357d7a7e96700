//! Pictures for members and moderators: the timeline of the partnerships (`/timeline`, `twinbot
//! render timeline`). Each picture is drawn as SVG (its layout, testable as text) and rasterised
//! to PNG by resvg with the fonts in `data/fonts/` compiled in: subsets of Noto Sans (Latin,
//! Greek, Cyrillic) and Noto Sans CJK SC (the Chinese the translations and data use), so the
//! labels of every language the bot speaks are drawn, with nothing looked up on the machine.
//!
//! May import: `core`, `anniversaries`.

use std::sync::{Arc, LazyLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

pub mod timeline;

/// The size a picture should stay within (the budget of the pictures issue).
pub const MAX_BYTES: usize = 300 * 1024;

/// The fonts, in the order they are tried for a character.
pub const FONT_FAMILIES: &str = "Noto Sans, Noto Sans CJK SC";

static FONTS: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut db = fontdb::Database::new();
    db.load_font_data(include_bytes!("../../data/fonts/NotoSans-Regular.subset.ttf").to_vec());
    db.load_font_data(include_bytes!("../../data/fonts/NotoSans-Bold.subset.ttf").to_vec());
    db.load_font_data(include_bytes!("../../data/fonts/NotoSansSC-Regular.subset.otf").to_vec());
    db.set_sans_serif_family("Noto Sans");
    Arc::new(db)
});

/// Why a picture could not be made (a bug, not bad input: the SVG is ours).
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the picture's SVG is not valid: {0}")]
    Svg(String),
    #[error("the picture is empty or too large to draw")]
    Size,
    #[error("the picture could not be encoded as PNG: {0}")]
    Png(String),
}

/// Rasterises an SVG document (ours) to PNG, with the bot's fonts.
pub fn png(svg: &str) -> Result<Vec<u8>, PictureError> {
    png_timed(svg).map(|(png, _)| png)
}

/// [`png`], with the time each step took: parsing and laying out text, drawing, encoding.
pub fn png_timed(svg: &str) -> Result<(Vec<u8>, [std::time::Duration; 3]), PictureError> {
    let t0 = std::time::Instant::now();
    let options = Options { fontdb: FONTS.clone(), ..Options::default() };
    let tree = Tree::from_str(svg, &options).map_err(|e| PictureError::Svg(e.to_string()))?;
    let t1 = std::time::Instant::now();
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or(PictureError::Size)?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    let t2 = std::time::Instant::now();
    // Fast compression (fdeflate, tuned for PNG) first: a quarter of the time of the balanced
    // level, for files about 1.6 times as large; the balanced level only for a picture that
    // would otherwise pass the size Discord users should download on a phone.
    let mut png = encode(&pixmap, png::Compression::Fast).map_err(|e| PictureError::Png(e.to_string()))?;
    if png.len() > MAX_BYTES {
        png = encode(&pixmap, png::Compression::Balanced).map_err(|e| PictureError::Png(e.to_string()))?;
    }
    Ok((png, [t1 - t0, t2 - t1, t2.elapsed()]))
}

/// PNG with the png crate, as RGB when the picture is opaque (ours are): a quarter less to
/// compress.
fn encode(pixmap: &Pixmap, compression: png::Compression) -> Result<Vec<u8>, png::EncodingError> {
    let opaque = pixmap.pixels().iter().all(|p| p.alpha() == 255);
    let mut bytes = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        bytes.extend_from_slice(&[c.red(), c.green(), c.blue()]);
        if !opaque {
            bytes.push(c.alpha());
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(if opaque { png::ColorType::Rgb } else { png::ColorType::Rgba });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(compression);
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&bytes)?;
    writer.finish()?;
    Ok(out)
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

/// Which characters of `text` none of the bot's fonts can draw.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace() && !c.is_control()) {
        let drawn = FONTS.faces().any(|face| {
            FONTS.with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index).ok().and_then(|f| f.glyph_index(c)).is_some()
            }) == Some(true)
        });
        if !drawn && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_draw_every_script_the_bot_speaks() {
        assert_eq!(missing_glyphs("Leeds Dortmund Lille Brno Kharkiv Hangzhou Saint-Étienne Köln"), Vec::<char>::new());
        assert_eq!(
            missing_glyphs("Харків Партнерства партнерство Německo 杭州 友好城市关系 ★ ● ◆"),
            Vec::<char>::new()
        );
        assert_eq!(missing_glyphs("ᚠ"), vec!['ᚠ'], "a rune is not in the fonts");
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(xml("<b>&\"'\u{7}"), "&lt;b&gt;&amp;&quot;&apos;");
    }
}
