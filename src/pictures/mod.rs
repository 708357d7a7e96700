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
    let options = Options { fontdb: FONTS.clone(), ..Options::default() };
    let tree = Tree::from_str(svg, &options).map_err(|e| PictureError::Svg(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or(PictureError::Size)?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PictureError::Png(e.to_string()))
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
