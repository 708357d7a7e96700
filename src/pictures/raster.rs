//! Rasterising the pictures' SVG to PNG: resvg with the fonts in `data/fonts/` compiled in
//! (subsets of Noto Sans for Latin, Greek and Cyrillic, and Noto Sans CJK SC for the Chinese the
//! translations and data use), so the labels of every language the bot speaks are drawn with
//! nothing looked up on the machine.
//!
//! The bot does not call this itself: it runs the `twinbot-render` program for each picture
//! ([`super::png`]), which does ([`serve_stdio`]). So the renderer's code and fonts, and the
//! memory a picture takes while it is drawn, stay out of the process that answers members.
//! Tests and benchmarks call it directly ([`super::draw_in_process`]).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::{Arc, LazyLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

use super::{PictureError, MAX_BYTES};

static FONTS: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut db = fontdb::Database::new();
    db.load_font_data(include_bytes!("../../data/fonts/NotoSans-Regular.subset.ttf").to_vec());
    db.load_font_data(include_bytes!("../../data/fonts/NotoSans-Bold.subset.ttf").to_vec());
    db.load_font_data(include_bytes!("../../data/fonts/NotoSansSC-Regular.subset.otf").to_vec());
    db.set_sans_serif_family("Noto Sans");
    Arc::new(db)
});

/// The largest SVG the renderer reads (ours are tens of kilobytes).
pub const MAX_SVG: usize = 8 * 1024 * 1024;

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
    // would otherwise pass the size Discord users should download on a phone, and 256 colours
    // for one that still would (a map of a town's 200 partners: 636 KB in full colour, 256 KB so),
    // then 64 and 16 (a map of two towns' 365 partners: 308 KB in 256 colours).
    // (The balanced level makes files at best half the fast one's size: past twice the budget, it
    // is not tried.)
    let failed = |e: png::EncodingError| PictureError::Png(e.to_string());
    let mut png = encode(&pixmap, png::Compression::Fast).map_err(failed)?;
    if png.len() > MAX_BYTES && png.len() <= 2 * MAX_BYTES {
        png = encode(&pixmap, png::Compression::Balanced).map_err(failed)?;
    }
    if png.len() > MAX_BYTES {
        let counted = colour_counts(&pixmap);
        for colours in [256, 64, 16] {
            if png.len() <= MAX_BYTES {
                break;
            }
            let Some(counted) = &counted else { break };
            let fewer = encode_palette(&pixmap, counted, colours).map_err(failed)?;
            if fewer.len() < png.len() {
                png = fewer;
            }
        }
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

fn rgb(p: &resvg::tiny_skia::PremultipliedColorU8) -> [u8; 3] {
    [p.red(), p.green(), p.blue()]
}

/// The picture's colours and how many pixels have each, most frequent first (ties by colour: the
/// same picture gets the same palette every time); None for a picture that is not opaque.
fn colour_counts(pixmap: &Pixmap) -> Option<Vec<([u8; 3], u32)>> {
    if pixmap.pixels().iter().any(|p| p.alpha() != 255) {
        return None;
    }
    // Counted by runs of one colour (most of a picture is flat), a look-up a run.
    let mut counts: HashMap<[u8; 3], u32> = HashMap::new();
    for run in pixmap.pixels().chunk_by(|a, b| a == b) {
        *counts.entry(rgb(&run[0])).or_default() += run.len() as u32;
    }
    let mut counted: Vec<([u8; 3], u32)> = counts.into_iter().collect();
    counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Some(counted)
}

/// PNG of the picture's most frequent colours (up to 256; `counted` by [`colour_counts`]), each
/// other colour drawn as the nearest of them (ours are a few flat colours and their anti-aliased
/// edges: the colours left out are rare blends of those kept).
fn encode_palette(pixmap: &Pixmap, counted: &[([u8; 3], u32)], colours: usize) -> Result<Vec<u8>, png::EncodingError> {
    let palette: Vec<[u8; 3]> = counted.iter().take(colours.min(256)).map(|c| c.0).collect();
    let nearest = |c: [u8; 3]| -> u8 {
        let distance = |p: &[u8; 3]| (0..3).map(|k| (i32::from(p[k]) - i32::from(c[k])).pow(2)).sum::<i32>();
        (0..palette.len()).min_by_key(|&k| distance(&palette[k])).unwrap_or(0) as u8
    };
    let index: HashMap<[u8; 3], u8> = counted.iter().map(|c| (c.0, nearest(c.0))).collect();
    let mut indices: Vec<u8> = Vec::with_capacity(pixmap.pixels().len());
    for run in pixmap.pixels().chunk_by(|a, b| a == b) {
        indices.extend(std::iter::repeat_n(index[&rgb(&run[0])], run.len()));
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.concat());
    encoder.set_compression(png::Compression::Balanced);
    // Filters predict colours from their neighbours' values: meaningless for palette indices.
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&indices)?;
    writer.finish()?;
    Ok(out)
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

/// The `twinbot-render` program: an SVG document on standard input, its PNG on standard output;
/// on failure, the reason on standard error and exit status 1.
pub fn serve_stdio() -> std::process::ExitCode {
    let mut svg = String::new();
    let read = std::io::stdin().take(MAX_SVG as u64 + 1).read_to_string(&mut svg);
    let result = match read {
        Err(e) => Err(format!("cannot read the SVG on standard input: {e}")),
        Ok(n) if n > MAX_SVG => Err(format!("the SVG is larger than {MAX_SVG} bytes")),
        Ok(_) => png(&svg).map_err(|e| e.to_string()),
    };
    let written = result.and_then(|png| {
        let mut out = std::io::stdout().lock();
        out.write_all(&png).and_then(|()| out.flush()).map_err(|e| format!("cannot write the PNG: {e}"))
    });
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("twinbot-render: {e}");
            std::process::ExitCode::FAILURE
        }
    }
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
}
