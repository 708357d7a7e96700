//! Pictures: the timeline's layout (numbers, so font rendering cannot disturb it), the PNG as a
//! decoder reads it, every language's labels drawable, hostile names, and `twinbot render`; and
//! both pictures of any data within a town's caps, under property tests (issue 28), with their
//! corpus in `tests/corpus/pictures/`.

mod support;

use image::{GenericImageView, Rgba};
use support::{leeds, root, temp_config, today, twinbot_with};
use twinbot::core::data::Directory;
use twinbot::core::i18n::{self, LOCALES};
use twinbot::pictures::raster::missing_glyphs;
use twinbot::pictures::{self, timeline};

const BACKGROUND: Rgba<u8> = Rgba([0xf6, 0xf7, 0xf9, 0xff]);

fn both_homes() -> Directory {
    Directory::load(&[root().join("data/leeds.toml"), root().join("data/dortmund.toml")]).unwrap()
}

#[test]
fn the_layout_of_leeds_timeline() {
    let dir = leeds();
    let lay = timeline::layout(&dir, i18n::default(), today());
    let names: Vec<&str> = lay.rows.iter().map(|r| dir.partners[r.partner].name.as_str()).collect();
    assert_eq!(names, ["Siegen", "Lille", "Dortmund", "Hangzhou", "Durban", "Brno", "Kharkiv"], "oldest first");
    assert_eq!((lay.first_year, lay.last_year), (1960, 2040), "from before the oldest to after the furthest star");
    let next: Vec<Option<(i32, i32)>> = lay.rows.iter().map(|r| r.next.map(|(_, n, y)| (n, y))).collect();
    assert_eq!(
        next,
        [
            Some((70, 2036)),
            Some((60, 2028)),
            Some((60, 2029)),
            Some((40, 2028)),
            Some((30, 2028)),
            Some((25, 2028)),
            Some((5, 2028))
        ]
    );
    assert!(lay.headings.is_empty(), "one home: no headings");
    // Rows a fixed height apart; each bar from its formal date to today; dots in date order.
    for w in lay.rows.windows(2) {
        assert_eq!(w[1].y - w[0].y, timeline::ROW);
        assert!(w[0].since_x <= w[1].since_x);
    }
    for r in &lay.rows {
        assert!(r.since_x < r.until_x && r.until_x == lay.today_x, "{r:?}");
        let (star, _, _) = r.next.unwrap();
        assert!(star > lay.today_x, "a next anniversary is after today");
    }
    let dortmund = &lay.rows[2];
    // Dortmund's history: 1949 (before the axis), 2 June 1969 (the formal date: its dot), then
    // 1970, 1995 and 2021 as diamonds.
    assert_eq!(dortmund.milestones_x.len(), 3, "{dortmund:?}");
    assert!(dortmund.milestones_x.iter().all(|&x| x > dortmund.since_x && x < lay.today_x));
}

#[test]
fn several_homes_are_grouped_and_suspended_links_stop() {
    let dir = both_homes();
    let lay = timeline::layout(&dir, i18n::default(), today());
    let headings: Vec<&str> = lay.headings.iter().map(|h| dir.homes[h.home].name.as_str()).collect();
    assert_eq!(headings, ["Leeds", "Dortmund"]);
    assert!(lay.headings[1].y > lay.rows[6].y, "Dortmund's heading after Leeds' seven rows");
    // Dortmund's Leeds is the same link as Leeds' Dortmund: shown once.
    let leeds_rows = lay.rows.iter().filter(|r| dir.partners[r.partner].name == "Leeds").count();
    assert_eq!(leeds_rows, 0);
    let rostov = lay.rows.iter().find(|r| dir.partners[r.partner].name == "Rostov-on-Don").unwrap();
    assert!(rostov.suspended && rostov.until_x < lay.today_x && rostov.next.is_none(), "{rostov:?}");
}

#[test]
fn the_png_decodes_at_its_size_and_every_row_is_drawn() {
    let dir = leeds();
    // As the bot draws it: through the renderer program, which draws what this process would.
    let svg = timeline::svg(&dir, i18n::default(), today());
    let png = pictures::png_with(std::path::Path::new(env!("CARGO_BIN_EXE_twinbot-render")), &svg).unwrap();
    pictures::draw_in_process();
    assert_eq!(png, pictures::png(&svg).unwrap(), "the renderer program draws what this process draws");
    assert!(png.len() <= 300 * 1024, "{} bytes", png.len());
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).expect("a PNG");
    let lay = timeline::layout(&dir, i18n::default(), today());
    assert_eq!(img.dimensions(), (timeline::WIDTH, lay.height));
    assert_eq!(img.get_pixel(600, 8), BACKGROUND, "the card's own background");
    for r in &lay.rows {
        let mid = (r.y + timeline::ROW / 2.0) as u32;
        // The bar, halfway between the dot and today: not the background.
        let x = ((r.since_x + r.until_x) / 2.0) as u32;
        assert_ne!(img.get_pixel(x, mid), BACKGROUND, "{}: no bar", dir.partners[r.partner].name);
        // The name's column has ink.
        let inked = (80..250).any(|x| (r.y as u32 + 8..mid).any(|y| img.get_pixel(x, y)[0] < 100));
        assert!(inked, "{}: no name", dir.partners[r.partner].name);
        // The star.
        let (sx, _, _) = r.next.unwrap();
        let star = img.get_pixel(sx as u32, mid);
        assert!(star[0] > 150 && star[2] < 60, "{}: no gold star at {sx}: {star:?}", dir.partners[r.partner].name);
    }
}

#[test]
fn every_language_labels_the_timeline_with_glyphs_the_fonts_have() {
    pictures::draw_in_process();
    let dir = both_homes();
    for code in LOCALES {
        let l = i18n::lang(code).unwrap();
        let svg = timeline::svg(&dir, l, today());
        let texts: String = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(s, _)| s))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(texts.contains(&l.ordinal(60)), "{code}: {texts}");
        assert_eq!(missing_glyphs(&texts), Vec::<char>::new(), "{code}: characters the fonts cannot draw");
        timeline::png(&dir, l, today()).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

#[test]
fn hostile_names_are_escaped_in_the_drawing() {
    pictures::draw_in_process();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.toml");
    std::fs::write(
        &data,
        r#"
[home]
name = "Leapton & <Co>"
country = "United Kingdom"
country_code = "GB"

[[partner]]
name = "</text><script>x</script>"
country = "France"
country_code = "FR"
kind = "twinning"
year = 2000
summary = "A test fixture."
"#,
    )
    .unwrap();
    let dir = Directory::load(&[data]).unwrap();
    let svg = timeline::svg(&dir, i18n::default(), today());
    assert!(svg.contains("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;"), "{svg}");
    assert!(svg.contains("Leapton &amp; &lt;Co&gt;"), "{svg}");
    assert!(!svg.contains("<script"));
    let png = timeline::png(&dir, i18n::default(), today()).unwrap();
    assert!(image::load_from_memory(&png).is_ok());
}

#[test]
fn render_writes_the_png_and_the_svg() {
    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("t.png");
    let (_keep, config) = temp_config("", &[root().join("data/leeds.toml")]);
    let run = |args: &[&str]| twinbot_with(&config, args);
    let o = run(&["render", "timeline", "--out", png.to_str().unwrap(), "--today", "2026-11-28", "--locale", "de"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&png).unwrap();
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!(img.width(), 1200);
    let svg = out.path().join("t.svg");
    let o = run(&[
        "render",
        "timeline",
        "--svg",
        "--out",
        svg.to_str().unwrap(),
        "--today",
        "2026-11-28",
        "--locale",
        "de",
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Partnerschaften von Leeds im Lauf der Jahre"), "{text}");
    assert!(text.contains(">60. · 2028<"), "Lille's 60th in German");
    let o = run(&["render", "timeline", "--out", png.to_str().unwrap(), "--home", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    // Without the renderer program, a clear error and no file.
    let gone = out.path().join("gone.png");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap(), "render", "timeline", "--out", gone.to_str().unwrap()])
        .env(pictures::RENDERER_ENV, "/nonexistent/twinbot-render")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot run the picture renderer /nonexistent/twinbot-render"), "{stderr}");
    assert!(!gone.exists(), "no file without a picture");
}

// ---- the map ----

use twinbot::pictures::map;

fn inside(plot: &[f32; 4], (x, y): (f32, f32)) -> bool {
    x >= plot[0] && x <= plot[2] && y >= plot[1] && y <= plot[3]
}

fn overlapping(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Every marker and label in the map, every route from its home to its partner, and no two labels
/// over each other.
fn assert_drawable(dir: &Directory, lay: &map::Layout) {
    drawable(dir, lay).unwrap_or_else(|e| panic!("{e}"));
}

/// [`assert_drawable`], for a property.
fn drawable(dir: &Directory, lay: &map::Layout) -> TestCaseResult {
    let home = |h: usize| lay.homes.iter().find(|m| m.home == h);
    for r in &lay.routes {
        let name = &dir.partners[r.partner].name;
        let m = lay
            .partners
            .iter()
            .find(|m| m.partner == Some(r.partner))
            .or_else(|| lay.homes.iter().find(|h| fold(&dir.homes[h.home].name) == fold(name)));
        let m = m.ok_or_else(|| {
            TestCaseError::fail(format!(
                "{name:?}: no marker for its route (the partner's, or the home's where the partner is a home shown)"
            ))
        })?;
        let h = home(dir.partners[r.partner].home).ok_or_else(|| TestCaseError::fail("a route without its home"))?;
        let (first, last) = (r.points[0], *r.points.last().unwrap());
        prop_assert!((first.0 - h.x).abs() < 0.01 && (first.1 - h.y).abs() < 0.01, "{name:?}: starts at home");
        // On a world map, a route past the seam ends a turn of the world from its marker (it is
        // drawn on both sides of the seam).
        let turn = lay.plot[2] - lay.plot[0];
        let world = lay.view.east - lay.view.west >= 359.0;
        // A home's marker stands for a partner of the same name within a pixel of it.
        let near = if m.partner.is_some() { 0.01 } else { 1.0 };
        let ends = [0.0, -turn, turn].iter().take(if world { 3 } else { 1 }).any(|dx| (last.0 + dx - m.x).abs() < near);
        prop_assert!(ends && (last.1 - m.y).abs() < near, "{name:?}: ends at the partner");
        // No jump across the map (a route over the antimeridian runs on past ±180), except near a
        // pole: the projection stretches a pole into the map's top or bottom edge, and a route
        // passing near it swings along that edge, as it does on any equirectangular map.
        let p = &dir.partners[r.partner];
        if let (Some(a), Some(b)) = (dir.homes[p.home].coords, p.coords) {
            let arc = map::great_circle(a.pair(), b.pair());
            prop_assert_eq!(arc.len(), r.points.len());
            for (k, w) in r.points.windows(2).enumerate() {
                let polar = arc[k].0.abs() >= 60.0 && arc[k + 1].0.abs() >= 60.0;
                prop_assert!((w[1].0 - w[0].0).abs() < 200.0 || polar, "{name:?}: a jump across the map at {w:?}");
            }
        }
    }
    let markers: Vec<&map::Marker> = lay.homes.iter().chain(&lay.partners).collect();
    let labels: Vec<&map::Label> = markers.iter().filter_map(|m| m.label.as_ref()).collect();
    for m in &markers {
        prop_assert!(inside(&lay.plot, (m.x, m.y)), "marker at {:?} outside {:?}", (m.x, m.y), lay.plot);
    }
    for (i, a) in labels.iter().enumerate() {
        let b = &a.bounds;
        prop_assert!(inside(&lay.plot, (b[0], b[1])) && inside(&lay.plot, (b[2], b[3])), "label {b:?} outside");
        for other in &labels[i + 1..] {
            prop_assert!(!overlapping(b, &other.bounds), "labels overlap: {a:?} and {other:?}");
        }
        for m in &markers {
            let dot = [m.x - 6.0, m.y - 6.0, m.x + 6.0, m.y + 6.0];
            prop_assert!(!overlapping(b, &dot), "{:?} covers the marker at {:?}", a.text, (m.x, m.y));
        }
    }
    // A marker without a label is named under the map, and only then.
    for m in &lay.homes {
        prop_assert_eq!(m.label.is_none(), lay.unlabelled_homes.contains(&m.home), "{:?}", dir.homes[m.home].name);
    }
    for m in &lay.partners {
        let i = m.partner.expect("a partner's marker");
        prop_assert_eq!(m.label.is_none(), lay.unlabelled.contains(&i), "{:?}", dir.partners[i].name);
        if let Some(label) = &m.label {
            prop_assert!(
                shortened(&label.text, &dir.partners[i].name),
                "{:?} for {:?}",
                label.text,
                dir.partners[i].name
            );
        }
    }
    Ok(())
}

/// The lines under a picture: below `top`, inside the picture, one under the other, each drawn.
fn notes_drawn(notes: &[pictures::Line], texts: &[String], width: u32, top: f32, height: u32) -> TestCaseResult {
    for (k, line) in notes.iter().enumerate() {
        let b = &line.bounds;
        prop_assert!(b[1] >= top && b[3] <= height as f32 && b[0] >= 0.0 && b[2] <= width as f32, "{line:?}");
        if let Some(next) = notes.get(k + 1) {
            prop_assert!(!overlapping(b, &next.bounds), "{line:?} over {next:?}");
        }
        prop_assert!(texts.contains(&line.text), "{line:?} is not drawn");
    }
    Ok(())
}

/// Whether `text` is `name` as drawn, or its start and an ellipsis.
fn shortened(text: &str, name: &str) -> bool {
    let name = drawn(name);
    text == name || text.strip_suffix('…').is_some_and(|start| !start.is_empty() && name.starts_with(start))
}

#[test]
fn the_layout_of_leeds_map() {
    let dir = leeds();
    let lay = map::layout(&dir, i18n::default());
    assert_eq!((lay.homes.len(), lay.partners.len(), lay.routes.len()), (1, 7, 7));
    assert!(lay.unplaced.is_empty());
    // The view holds Durban in the south and Hangzhou in the east, but not the Americas.
    let v = lay.view;
    assert!(v.south < -29.9 && v.east > 120.2 && v.west > -60.0, "{v:?}");
    assert_eq!(map::WIDTH, 1200);
    assert!((560..=1000).contains(&lay.height), "{}", lay.height);
    assert_drawable(&dir, &lay);
    // The great circle to Hangzhou bends north of both ends (on the map: higher up).
    let hangzhou = dir.partners.iter().position(|p| p.name == "Hangzhou").unwrap();
    let route = lay.routes.iter().find(|r| r.partner == hangzhou).unwrap();
    let top = route.points.iter().map(|p| p.1).fold(f32::MAX, f32::min);
    assert!(top < lay.homes[0].y - 40.0, "the route to Hangzhou arcs north: {top} vs {}", lay.homes[0].y);
    // Dortmund is east of Leeds and Durban south of it.
    let at = |name: &str| {
        let i = dir.partners.iter().position(|p| p.name == name).unwrap();
        let m = lay.partners.iter().find(|m| m.partner == Some(i)).unwrap();
        (m.x, m.y)
    };
    assert!(at("Dortmund").0 > lay.homes[0].x && at("Durban").1 > lay.homes[0].y + 300.0);
}

#[test]
fn two_homes_share_one_map_and_their_link_is_drawn_once() {
    let dir = both_homes();
    let lay = map::layout(&dir, i18n::default());
    assert_eq!(lay.homes.len(), 2);
    // 7 + 11 partners, Leeds–Dortmund listed from both sides: 17 links.
    assert_eq!(lay.routes.len(), 17);
    assert_eq!(lay.partners.len(), 16, "Dortmund, Leeds' partner, is marked once, as a home");
    assert_drawable(&dir, &lay);
    let rostov = dir.partners.iter().position(|p| p.name == "Rostov-on-Don").unwrap();
    let svg = map::svg(&dir, i18n::default());
    assert!(svg.contains(r#"stroke-dasharray="6 5""#), "Rostov's suspended link is dashed");
    assert!(lay.routes.iter().any(|r| r.partner == rostov));
}

/// A home across the Pacific from its partner, and a partner with no coordinates.
fn pacific() -> (tempfile::TempDir, Directory) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tokyo.toml");
    std::fs::write(
        &path,
        r#"[home]
name = "Tokyo"
country = "Japan"
country_code = "JP"
lat = 35.69
lon = 139.69

[[partner]]
name = "San Francisco"
country = "United States"
country_code = "US"
kind = "twinning"
year = 1959
summary = "A test link across the Pacific."
lat = 37.77
lon = -122.42

[[partner]]
name = "Atlantis <b>&"
country = "Nowhere"
country_code = "XX"
kind = "friendship"
year = 2000
summary = "A place no map has."
"#,
    )
    .unwrap();
    let loaded = Directory::load(&[path]).unwrap();
    (dir, loaded)
}

#[test]
fn a_route_over_the_pacific_stays_whole_and_a_partner_without_coordinates_is_named() {
    let (_keep, dir) = pacific();
    let lay = map::layout(&dir, i18n::default());
    assert_eq!(lay.unplaced, [1], "Atlantis has no coordinates");
    assert_eq!(lay.routes.len(), 1);
    // The view runs past 180° east rather than showing the two ends of the world.
    assert!(lay.view.east > 180.0 && lay.view.west > 100.0, "{:?}", lay.view);
    assert_drawable(&dir, &lay);
    assert!(lay.partners[0].x > lay.homes[0].x, "San Francisco is drawn east of Tokyo, over the Pacific");
    let svg = map::svg(&dir, i18n::lang("de").unwrap());
    assert!(svg.contains("Nicht auf der Karte (keine Koordinaten in den Daten): Atlantis &lt;b&gt;&amp;"), "{svg}");
    assert!(svg.contains(">Partnerstädte von Tokyo<"));
}

#[test]
fn the_map_png_decodes_and_every_partner_is_drawn() {
    let dir = leeds();
    let svg = map::svg(&dir, i18n::default());
    let png = pictures::png_with(std::path::Path::new(env!("CARGO_BIN_EXE_twinbot-render")), &svg).unwrap();
    assert!(png.len() <= pictures::MAX_BYTES, "{} bytes", png.len());
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).expect("a PNG");
    let lay = map::layout(&dir, i18n::default());
    assert_eq!(img.dimensions(), (map::WIDTH, lay.height));
    assert_eq!(img.get_pixel(600, 8), BACKGROUND, "the card's own background");
    // Each partner's marker is a dot of its link's colour: saturated, unlike land, sea or ink.
    for m in &lay.partners {
        let p = img.get_pixel(m.x.round() as u32, m.y.round() as u32);
        let spread = p[0].max(p[1]).max(p[2]) - p[0].min(p[1]).min(p[2]);
        assert!(spread > 60, "{}: no marker at ({}, {}): {p:?}", dir.partners[m.partner.unwrap()].name, m.x, m.y);
    }
    // The home's marker is dark ink; the sea and the land differ from the card.
    let h = &lay.homes[0];
    assert!(img.get_pixel(h.x as u32, h.y as u32)[0] < 80, "the home's marker");
    let sea = img.get_pixel(lay.plot[0] as u32 + 4, lay.plot[3] as u32 - 4);
    assert_ne!(sea, BACKGROUND, "the sea is drawn");
}

#[test]
fn every_language_labels_the_map_with_glyphs_the_fonts_have() {
    pictures::draw_in_process();
    let dir = both_homes();
    for code in LOCALES {
        let l = i18n::lang(code).unwrap();
        let svg = map::svg(&dir, l);
        let texts: String = svg.split("<text").skip(1).filter_map(|t| t.split('>').nth(1)).collect();
        assert_eq!(missing_glyphs(&texts), Vec::<char>::new(), "{code}: characters the fonts cannot draw");
        map::png(&dir, l).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

#[test]
fn render_writes_the_map() {
    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("m.png");
    let (_keep, config) = temp_config("", &[root().join("data/leeds.toml")]);
    let o = twinbot_with(&config, &["render", "map", "--out", png.to_str().unwrap(), "--locale", "zh-CN"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::load_from_memory(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!(img.width(), 1200);
    let svg = out.path().join("m.svg");
    let o = twinbot_with(&config, &["render", "map", "--svg", "--out", svg.to_str().unwrap(), "--locale", "fr"]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(">Les villes partenaires de Leeds<"), "{text}");
    assert!(text.contains(">Kharkiv<") && text.contains(">Terres\u{a0}: Natural Earth<"), "{text}");
}

// ---- any data within the caps, under property tests (issue 28) ----

use std::fmt;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseResult;
use resvg::usvg;
use twinbot::core::data::parse_file;
use twinbot::core::text::fold;
use twinbot::state::town::{MAX_MILESTONES, MAX_PARTNERS};

/// Where the generator puts a city.
#[derive(Debug, Clone)]
enum Place {
    /// Nowhere: no coordinates (a partner is named under the map).
    Unknown,
    /// At a latitude and longitude.
    At(f64, f64),
    /// A partner at its home's very place, this far from it in degrees (a crowd of neighbours),
    /// or at its antipode. (A home placed so is at Leeds.)
    Home,
    Near(f64, f64),
    Antipode,
}

/// A city as the generator writes it into a data file.
#[derive(Debug, Clone)]
struct City {
    name: String,
    place: Place,
    kind: &'static str,
    /// Year, month and day it was formalised (the month and day may be unknown).
    since: (i32, Option<u32>, Option<u32>),
    /// Days after it was formalised that it was suspended.
    suspended: Option<u32>,
    milestones: Vec<(i32, Option<u32>)>,
}

/// Data files of one or two homes (the first file's home may be a partner of the second), and
/// the day the pictures are drawn for. Shown as the files themselves: a failing input is saved to
/// `tests/corpus/pictures/` as it is printed.
#[derive(Clone)]
struct Data {
    files: Vec<String>,
    today: NaiveDate,
    locale: &'static str,
}

/// Separates the data files of one corpus input.
const NEXT_FILE: &str = "#%% next data file\n";

impl fmt::Debug for Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n# today = {}\n# locale = {}\n{}", self.today, self.locale, self.files.join(NEXT_FILE))
    }
}

impl Data {
    /// Reads a corpus input: data files separated by [`NEXT_FILE`], the day from a `# today =`
    /// comment ([`support::today`] without one) and the language from a `# locale =` one (British
    /// English without).
    fn parse(text: &str) -> Data {
        let today = text
            .lines()
            .find_map(|l| l.strip_prefix("# today = "))
            .map_or_else(today, |d| d.trim().parse().expect("a date after `# today =`"));
        let locale = text.lines().find_map(|l| l.strip_prefix("# locale = ")).map_or(LOCALES[0], |code| {
            LOCALES.iter().copied().find(|l| *l == code.trim()).expect("a locale twinbot speaks after `# locale =`")
        });
        Data { files: text.split(NEXT_FILE).map(str::to_string).collect(), today, locale }
    }

    /// The language the pictures are drawn in.
    fn lang(&self) -> i18n::Lang {
        i18n::lang(self.locale).expect("a locale twinbot speaks")
    }

    /// The directory the files load as (every generated file is valid, and within a town's caps).
    fn load(&self) -> Result<Directory, String> {
        let mut homes = Vec::new();
        let mut partners = Vec::new();
        for (k, text) in self.files.iter().enumerate() {
            twinbot::state::town::checked(text).map_err(|e| format!("file {k} is not within the caps: {e:?}"))?;
            let (home, ps) = parse_file(std::path::Path::new("generated.toml"), text, k).map_err(|e| e.to_string())?;
            homes.push(home);
            partners.extend(ps);
        }
        Ok(Directory::new(homes, partners))
    }
}

/// Letters and signs of many scripts, XML's own characters, emoji, controls, and characters the
/// fonts lack.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .-]{1,16}",
        2 => "[А-яЁёІіЇїЄєҐґ -]{1,16}",
        2 => "[一-龥]{1,6}",
        1 => "[ء-ي ]{1,12}",
        1 => "[א-ת ]{1,12}",
        1 => "[WMШЩ@%]{1,12}",
        2 => select(vec!["&", "<", ">", "\"", "'", "&amp;", "]]>", "<!--", "</text>", "<![CDATA[", "&#0;", "%s"])
            .prop_map(str::to_string),
        1 => select(vec!["😀", "👩‍👩‍👧‍👦", "🇺🇦", "🏳️‍🌈", "👍🏽", "★", "🦀"]).prop_map(str::to_string),
        1 => select(vec!["ᚠᚢᚦ", "देवनागरी", "ไทย", "தமிழ்", "ግዕዝ", "𓀀𓁐", "ꦗꦮ", "ᠮᠣᠩᠭᠣᠯ"]).prop_map(str::to_string),
        1 => select(vec!["\u{202e}", "\u{200d}", "\u{fe0f}", "\u{301}", "\u{feff}", "\u{fffe}", "\u{ffff}", "\t", "\u{7}", "\u{85}", "\u{2028}", "\r\n", "  "])
            .prop_map(str::to_string),
    ]
}

/// A name of a few pieces, or a long one (a piece repeated up to `long` characters).
fn name(long: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(piece(), 1..5).prop_map(|p| p.concat()),
        1 => (piece(), 1..=long).prop_map(|(p, n)| p.chars().cycle().take(n.max(1)).collect()),
    ]
}

/// Anywhere on the globe, and more often at its edges: by the antimeridian, at the poles, at
/// exactly ±180 and ±90, by the home, at its antipode; or nowhere.
fn place() -> impl Strategy<Value = Place> {
    let lat = -90.0..=90.0_f64;
    let lon = -180.0..=180.0_f64;
    prop_oneof![
        1 => Just(Place::Unknown),
        4 => (lat.clone(), lon.clone()).prop_map(|(a, o)| Place::At(a, o)),
        1 => (lat.clone(), prop_oneof![179.0..=180.0_f64, -180.0..=-179.0_f64]).prop_map(|(a, o)| Place::At(a, o)),
        1 => (prop_oneof![85.0..=90.0_f64, -90.0..=-85.0_f64], lon).prop_map(|(a, o)| Place::At(a, o)),
        1 => select(vec![(90.0, 180.0), (-90.0, -180.0), (0.0, 0.0), (90.0, 0.0), (-90.0, 0.0), (0.0, 180.0), (0.0, -180.0)])
            .prop_map(|(a, o)| Place::At(a, o)),
        1 => Just(Place::Home),
        3 => (-2.0..2.0_f64, -3.0..3.0_f64).prop_map(|(a, o)| Place::Near(a, o)),
        1 => Just(Place::Antipode),
    ]
}

/// A city with a name of up to `long` characters, formalised mostly in the last century and now
/// and then in any year the data allows (1000 to 9999), perhaps suspended, with a few milestones.
fn city(long: usize) -> impl Strategy<Value = City> {
    let year = prop_oneof![4 => 1900..=2030_i32, 1 => 1000..=9999_i32];
    let since = (year, proptest::option::of(1..=12_u32), proptest::option::of(1..=28_u32))
        .prop_map(|(y, m, d)| (y, m, m.and(d)));
    let milestone = (1000..=9999_i32, proptest::option::of(1..=12_u32));
    (
        name(long),
        place(),
        select(vec!["twinning", "partnership", "friendship"]),
        since,
        proptest::option::weighted(0.2, 0..40_000_u32),
        prop::collection::vec(milestone, 0..4),
    )
        .prop_map(|(name, place, kind, since, suspended, milestones)| City {
            name,
            place,
            kind,
            since,
            suspended,
            milestones,
        })
}

/// A home and its partners: a few with names up to 2,000 characters, or (with `many`) sometimes
/// many, up to the cap of a town, with shorter names.
fn town(many: bool) -> BoxedStrategy<(City, Vec<City>)> {
    let few = (city(2_000), prop::collection::vec(city(2_000), 0..8));
    if !many {
        return few.boxed();
    }
    prop_oneof![3 => few, 1 => (city(40), prop::collection::vec(city(40), 8..=MAX_PARTNERS))].boxed()
}

/// Data files of one or two homes (with `many`, of up to a town's cap of partners each), drawn
/// on a day from 1960 to 2107 in a language twinbot speaks.
fn data(many: bool) -> impl Strategy<Value = Data> {
    let day = (0..=54_000_i64).prop_map(|d| NaiveDate::from_ymd_opt(1960, 1, 1).unwrap() + chrono::Duration::days(d));
    (prop::collection::vec(town(many), 1..=2), prop_oneof![Just(today()), day], any::<bool>(), select(LOCALES))
        .prop_map(|(towns, today, mirrored, locale)| write_data(towns, today, mirrored, locale))
}

/// Writes the towns as data files (with toml_edit, so every string is escaped as TOML wants):
/// names made unique as the loader requires, places resolved against the home's.
fn write_data(mut towns: Vec<(City, Vec<City>)>, today: NaiveDate, mirrored: bool, locale: &'static str) -> Data {
    use toml_edit::{value, ArrayOfTables, DocumentMut, Table};
    // The second home lists the first as a partner, as Dortmund lists Leeds.
    if mirrored && towns.len() == 2 {
        let first = towns[0].0.clone();
        towns[1].1.insert(0, first);
    }
    let mut files = Vec::new();
    for (home, partners) in &towns {
        // A name is unique in its file as the loader folds it, and has a letter or a digit.
        let mut seen: Vec<String> = Vec::new();
        let mut unique = |name: &str| {
            let mut name = name.trim().to_string();
            for k in 1.. {
                if !fold(&name).is_empty() && !seen.contains(&fold(&name)) {
                    break;
                }
                name = format!("{} {k}", name.trim());
            }
            seen.push(fold(&name));
            name
        };
        let home_at = match home.place {
            Place::At(a, o) => Some((a, o)),
            Place::Unknown => None,
            _ => Some((53.8, -1.55)),
        };
        let mut doc = DocumentMut::new();
        let mut h = Table::new();
        h["name"] = value(unique(&home.name));
        h["country"] = value("Testland");
        h["country_code"] = value("TL");
        if let Some((a, o)) = home_at {
            h["lat"] = value(a);
            h["lon"] = value(o);
        }
        doc["home"] = toml_edit::Item::Table(h);
        let mut list = ArrayOfTables::new();
        for p in partners.iter().take(MAX_PARTNERS) {
            let mut t = Table::new();
            t["name"] = value(unique(&p.name));
            t["country"] = value("Elsewhere");
            t["country_code"] = value("EL");
            t["kind"] = value(p.kind);
            let (y, m, d) = p.since;
            t["year"] = value(i64::from(y));
            let day = m.zip(d).and_then(|(m, d)| NaiveDate::from_ymd_opt(y, m, d));
            match (m, day) {
                (_, Some(day)) => t["date"] = value(toml_date(day)),
                (Some(m), None) => t["month"] = value(i64::from(m)),
                _ => {}
            }
            t["summary"] = value("A generated link.");
            let at = match (&p.place, home_at) {
                (Place::Unknown, _) => None,
                (Place::At(a, o), _) => Some((*a, *o)),
                (_, None) => Some((0.0, 0.0)),
                (Place::Home, Some(h)) => Some(h),
                (Place::Near(da, dn), Some((a, o))) => {
                    Some(((a + da).clamp(-90.0, 90.0), (o + dn).clamp(-180.0, 180.0)))
                }
                (Place::Antipode, Some((a, o))) => Some((-a, if o > 0.0 { o - 180.0 } else { o + 180.0 })),
            };
            if let Some((a, o)) = at {
                t["lat"] = value(a);
                t["lon"] = value(o);
            }
            if let Some(after) = p.suspended {
                let from = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
                if let Some(s) = from.checked_add_days(chrono::Days::new(u64::from(after))).filter(|s| s.year() <= 9999)
                {
                    t["suspended"] = value(toml_date(s));
                }
            }
            let mut ms = ArrayOfTables::new();
            for &(my, mm) in p.milestones.iter().take(MAX_MILESTONES) {
                let mut m = Table::new();
                m["year"] = value(i64::from(my));
                if let Some(mm) = mm {
                    m["month"] = value(i64::from(mm));
                }
                m["text"] = value("A renewal.");
                ms.push(m);
            }
            if !ms.is_empty() {
                t["milestone"] = toml_edit::Item::ArrayOfTables(ms);
            }
            list.push(t);
        }
        if !list.is_empty() {
            doc["partner"] = toml_edit::Item::ArrayOfTables(list);
        }
        files.push(doc.to_string());
    }
    Data { files, today, locale }
}

/// A plain TOML date.
fn toml_date(d: NaiveDate) -> toml_edit::Datetime {
    let date = toml_edit::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 };
    toml_edit::Datetime { date: Some(date), time: None, offset: None }
}

/// The fonts the renderer draws with, to measure where its text really goes.
fn fonts() -> std::sync::Arc<usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<std::sync::Arc<usvg::fontdb::Database>> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for font in ["NotoSans-Regular.subset.ttf", "NotoSans-Bold.subset.ttf", "NotoSansSC-Regular.subset.otf"] {
                db.load_font_data(std::fs::read(root().join("data/fonts").join(font)).unwrap());
            }
            db.set_sans_serif_family("Noto Sans");
            std::sync::Arc::new(db)
        })
        .clone()
}

/// Every text of a picture as the renderer lays it out: its characters and the box its glyphs'
/// outlines cover (left, top, right, bottom), for each text with any.
fn drawn_texts(svg: &str) -> Vec<(String, [f32; 4])> {
    fn walk(group: &usvg::Group, out: &mut Vec<(String, [f32; 4])>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) if !t.flattened().children().is_empty() => {
                    // The outlines, not the line's box: that reaches a font's whole ascent and
                    // descent, where a line's glyphs seldom do.
                    let b = t.flattened().abs_bounding_box();
                    let text = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((text, [b.left(), b.top(), b.right(), b.bottom()]));
                }
                _ => {}
            }
        }
    }
    let options = usvg::Options { fontdb: fonts(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).expect("the renderer reads the SVG");
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

/// As the renderer lays a picture out: every text inside the picture, and no two over each other.
fn texts_apart(svg: &str, width: u32, height: u32) -> TestCaseResult {
    let texts = drawn_texts(svg);
    let slack = 0.5;
    for (s, b) in &texts {
        let inside = b[0] >= -slack && b[1] >= -slack && b[2] <= width as f32 + slack && b[3] <= height as f32 + slack;
        prop_assert!(inside, "{s:?} at {b:?} runs off the {width}×{height} picture");
    }
    for (i, (s, a)) in texts.iter().enumerate() {
        for (t, b) in &texts[i + 1..] {
            let shrunk = [a[0] + slack, a[1] + slack, a[2] - slack, a[3] - slack];
            prop_assert!(!overlapping(&shrunk, b), "{s:?} at {a:?} is over {t:?} at {b:?}");
        }
    }
    Ok(())
}

/// The text the pictures draw for a name: XML's forbidden characters left out.
fn drawn(name: &str) -> String {
    name.chars().filter(|&c| !c.is_control() && c != '\u{fffe}' && c != '\u{ffff}').collect()
}

/// A well-formed SVG document of the picture's size; the text of its `<text>` elements.
fn well_formed(svg: &str, width: u32, height: u32) -> Result<Vec<String>, TestCaseError> {
    let doc = usvg::roxmltree::Document::parse(svg).map_err(|e| TestCaseError::fail(format!("not XML: {e}")))?;
    let root = doc.root_element();
    prop_assert_eq!(root.tag_name().name(), "svg");
    let size = (root.attribute("width").map(str::to_string), root.attribute("height").map(str::to_string));
    prop_assert_eq!(size, (Some(width.to_string()), Some(height.to_string())));
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect())
        .collect())
}

/// The partners a picture shows: each link once (one listed from both sides, from the first home's).
fn shown_once(dir: &Directory) -> Vec<usize> {
    let mirror = dir.mirrors();
    (0..dir.partners.len()).filter(|&i| !mirror[i]).collect()
}

/// The map of any data within the caps: laid out without a panic, every partner labelled on it
/// or named under it, no two labels over each other, and well-formed SVG of the layout's size.
fn map_is_drawable(data: &Data) -> TestCaseResult {
    let dir = data.load().map_err(TestCaseError::fail)?;
    let l = data.lang();
    let lay = map::layout(&dir, l);
    drawable(&dir, &lay)?;
    let texts = well_formed(&map::svg(&dir, l), map::WIDTH, lay.height)?;
    notes_drawn(&lay.notes, &texts, map::WIDTH, lay.plot[3], lay.height)?;
    let notes: String = lay.notes.iter().map(|n| n.text.as_str()).collect();
    let written = |text: &str| texts.iter().any(|t| t == text);
    let listed = |name: &str| notes.contains(&pictures::fit(name, pictures::NOTE_SIZE, pictures::NOTE_NAME_ROOM));
    for m in &lay.homes {
        let name = &dir.homes[m.home].name;
        match &m.label {
            Some(label) => prop_assert!(written(&label.text), "{name:?}: its label is not drawn"),
            None => prop_assert!(listed(name), "{name:?}: neither labelled nor under the map"),
        }
    }
    for i in shown_once(&dir) {
        let name = &dir.partners[i].name;
        let marker = lay.partners.iter().find(|m| m.partner == Some(i));
        match marker.map(|m| &m.label) {
            Some(Some(label)) => prop_assert!(written(&label.text), "{name:?}: its label is not drawn"),
            Some(None) => prop_assert!(listed(name), "{name:?}: without a label, and not under the map"),
            None if lay.unplaced.contains(&i) => {
                prop_assert!(listed(name), "{name:?}: unplaced, and not under the map")
            }
            None => {
                // Marked as a home shown (the other side of a link): the same city.
                let home = lay.homes.iter().find(|h| fold(&dir.homes[h.home].name) == fold(name));
                prop_assert!(home.is_some(), "{name:?} is neither on the map nor under it");
            }
        }
    }
    Ok(())
}

/// The timeline of any data within the caps: a row for every partner (each link once), or beyond
/// the most rows its name under the axis; its marks inside the picture, the years under the axis
/// apart, and well-formed SVG of the layout's size.
fn timeline_is_drawable(data: &Data) -> TestCaseResult {
    let dir = data.load().map_err(TestCaseError::fail)?;
    let l = data.lang();
    let lay = timeline::layout(&dir, l, data.today);
    let mut rows: Vec<usize> = lay.rows.iter().map(|r| r.partner).chain(lay.listed.iter().copied()).collect();
    rows.sort();
    prop_assert_eq!(rows, shown_once(&dir), "a row for each link, or a name under the axis");
    prop_assert!(lay.rows.len() <= timeline::MAX_ROWS);
    let w = timeline::WIDTH as f32;
    for r in &lay.rows {
        let xs = [r.since_x, r.until_x].into_iter().chain(r.milestones_x.iter().copied()).chain(r.next.map(|n| n.0));
        for x in xs {
            prop_assert!(
                x >= 0.0 && x <= w,
                "{:?}: a mark at {x} off the picture: {r:?}",
                dir.partners[r.partner].name
            );
        }
        prop_assert!(r.y + timeline::ROW <= lay.height as f32);
    }
    for w in lay.ticks.windows(2) {
        prop_assert!(w[1].1 - w[0].1 >= 50.0, "the years under the axis crowd: {:?}", lay.ticks);
    }
    prop_assert!(lay.ticks.iter().all(|t| t.1 >= 0.0 && t.1 <= w), "{:?}", lay.ticks);
    let texts = well_formed(&timeline::svg(&dir, l, data.today), timeline::WIDTH, lay.height)?;
    for r in &lay.rows {
        let name = &dir.partners[r.partner].name;
        prop_assert!(shortened(&r.name, name), "{:?} for {name:?}", r.name);
        prop_assert!(texts.contains(&r.name), "{name:?} is not written on the timeline");
    }
    notes_drawn(&lay.notes, &texts, timeline::WIDTH, lay.plot_bottom, lay.height)?;
    let notes: String = lay.notes.iter().map(|n| n.text.as_str()).collect();
    for &i in &lay.listed {
        let name = pictures::fit(&dir.partners[i].name, pictures::NOTE_SIZE, pictures::NOTE_NAME_ROOM);
        prop_assert!(notes.contains(&name), "{name:?}: neither a row nor under the axis");
    }
    Ok(())
}

/// A picture as PNG, rasterised in this process: it decodes, is of its layout's size and within
/// the budget, and has no text over another or off the picture.
fn renders(what: &str, svg: &str, width: u32, height: u32) -> TestCaseResult {
    pictures::draw_in_process();
    let png = pictures::png(svg).map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
    prop_assert!(png.len() <= pictures::MAX_BYTES, "{what}: {} bytes", png.len());
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
        .map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
    prop_assert_eq!(img.dimensions(), (width, height), "{}", what);
    texts_apart(svg, width, height)
}

/// The map of `data` as PNG ([`renders`]).
fn map_renders(data: &Data) -> TestCaseResult {
    let (dir, l) = (data.load().map_err(TestCaseError::fail)?, data.lang());
    renders("map", &map::svg(&dir, l), map::WIDTH, map::layout(&dir, l).height)
}

/// The timeline of `data` as PNG ([`renders`]).
fn timeline_renders(data: &Data) -> TestCaseResult {
    let (dir, l) = (data.load().map_err(TestCaseError::fail)?, data.lang());
    let height = timeline::layout(&dir, l, data.today).height;
    renders("timeline", &timeline::svg(&dir, l, data.today), timeline::WIDTH, height)
}

#[test]
fn any_data_makes_a_map_with_every_partner_named() {
    support::property::check("pictures", 64, data(true), |data| map_is_drawable(&data));
}

#[test]
fn any_data_makes_a_timeline_with_every_partner_named() {
    support::property::check("pictures", 64, data(true), |data| timeline_is_drawable(&data));
}

#[test]
fn any_data_renders_within_the_budget_without_text_over_text() {
    // Drawing takes a tenth of a second a picture in a debug build, and more for towns at the cap
    // (their worst is in the corpus): those only in a long run.
    let long_run = std::env::var_os("TWINBOT_PROPERTY_SECONDS").is_some();
    support::property::check("pictures", 8, data(long_run), |data| {
        map_renders(&data)?;
        timeline_renders(&data)
    });
}

/// Each input of the corpus (tests/corpus/pictures) that fails `check`, and why.
fn corpus_failures(check: impl Fn(&Data) -> TestCaseResult) -> Vec<String> {
    let corpus = support::property::corpus("pictures");
    assert!(corpus.len() >= 6, "the corpus is read: {} files", corpus.len());
    let mut failed = Vec::new();
    for (file, bytes) in &corpus {
        let data = Data::parse(std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{file}: {e}")));
        if let Err(e) = check(&data) {
            failed.push(format!("{file}: {e}"));
        }
    }
    failed
}

/// Every input the pictures have failed on, and hand-picked hostile data (tests/corpus/pictures):
/// each one's map drawn as the properties draw any data's. (The timeline's below: the two take
/// a few seconds each in a debug build, and run side by side.)
#[test]
fn the_pictures_corpus_makes_maps() {
    let failed = corpus_failures(|data| {
        map_is_drawable(data)?;
        map_renders(data)
    });
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// [`the_pictures_corpus_makes_maps`], for the timeline.
#[test]
fn the_pictures_corpus_makes_timelines() {
    let failed = corpus_failures(|data| {
        timeline_is_drawable(data)?;
        timeline_renders(data)
    });
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The width the layouts give a character is never less than the fonts draw it with: for each of
/// the fonts' characters, and for the box drawn for a character they lack. (Labels are placed
/// apart by these widths.)
#[test]
fn text_widths_are_never_less_than_the_fonts_draw() {
    let mut checked = 0;
    for font in ["NotoSans-Regular.subset.ttf", "NotoSans-Bold.subset.ttf", "NotoSansSC-Regular.subset.otf"] {
        let data = std::fs::read(root().join("data/fonts").join(font)).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let em = |glyph| f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / f32::from(face.units_per_em());
        let mut chars = Vec::new();
        for table in face.tables().cmap.unwrap().subtables.into_iter().filter(|t| t.is_unicode()) {
            table.codepoints(|c| chars.extend(char::from_u32(c)));
        }
        for c in chars {
            let (drawn, given) = (em(face.glyph_index(c).unwrap()), pictures::text_width(&c.to_string(), 1.0));
            assert!(drawn <= given + 0.001 || c.is_control(), "{font}: {c:?} is {drawn} em wide, given {given}");
            checked += 1;
        }
        // What is drawn for a character no font has: the font's own box for it (glyph 0).
        for c in ['ᚠ', 'ก', '😀', 'ب'] {
            assert_eq!(missing_glyphs(&c.to_string()), [c]);
            assert!(em(ttf_parser::GlyphId(0)) <= pictures::text_width(&c.to_string(), 1.0), "{font}: {c:?}");
        }
    }
    assert!(checked > 5000, "the fonts' characters are read: {checked}");
}

// ---- the cover of an anniversary's scheduled event ----

use std::collections::HashSet;

use twinbot::anniversaries::dates::{in_year, Anniversary};
use twinbot::pictures::cover;

/// The link colours of the panel (the timeline's and the map's).
const TWINNING: Rgba<u8> = Rgba([0x47, 0x52, 0xc4, 0xff]);
const WHITE: Rgba<u8> = Rgba([0xff, 0xff, 0xff, 0xff]);

/// The anniversary of partner `i` in `year`.
fn anniversary(dir: &Directory, i: usize, year: i32) -> Anniversary {
    in_year(i, &dir.partners[i].since, year)
        .unwrap_or_else(|| panic!("{}: no anniversary in {year}", dir.partners[i].name))
}

/// The cover's layout as numbers: the number and the years inside the panel and apart; both
/// cities marked inside the map and labelled with their names (shortened, if long) inside it,
/// the labels over neither each other nor a marker; the route from the home to the partner.
fn cover_drawable(dir: &Directory, a: &Anniversary, l: i18n::Lang, lay: &cover::Layout) -> TestCaseResult {
    let panel = [0.0, 0.0, cover::PANEL, cover::HEIGHT as f32];
    let within = |b: &[f32; 4], area: &[f32; 4]| inside(area, (b[0], b[1])) && inside(area, (b[2], b[3]));
    let (number, years) = (&lay.number, &lay.years);
    prop_assert!(within(&number.bounds, &panel), "{number:?} outside the panel");
    prop_assert!(within(&years.bounds, &panel), "{years:?} outside the panel");
    prop_assert!(!overlapping(&number.bounds, &years.bounds), "{number:?} over {years:?}");
    prop_assert_eq!(format!("{}{}", number.text, number.ending), a.number.to_string() + &number.ending);
    prop_assert!(years.text.ends_with(&a.when.year.to_string()), "{years:?}");
    prop_assert_eq!(lay.plot, [cover::PANEL, 0.0, cover::WIDTH as f32, cover::HEIGHT as f32]);
    let p = &dir.partners[a.partner];
    // Each city as the reader's language names it.
    let cities = [(&lay.home, dir.home_of(p).name_in(l)), (&lay.partner, p.name_in(l))];
    let room = [
        cover::PANEL + cover::INSET,
        cover::INSET,
        cover::WIDTH as f32 - cover::INSET,
        cover::HEIGHT as f32 - cover::INSET,
    ];
    for (city, name) in cities {
        let m = &city.marker;
        prop_assert!(inside(&lay.plot, (m.x, m.y)), "{name:?}: its marker at {:?} is off the map", (m.x, m.y));
        let label = m.label.as_ref().ok_or_else(|| TestCaseError::fail(format!("{name:?} has no label")))?;
        prop_assert!(within(&label.bounds, &room), "{name:?}: {label:?} is not inside {room:?}");
        prop_assert!(shortened(&label.text, name), "{:?} for {name:?}", label.text);
        prop_assert!(cover::LABEL_SIZES.contains(&city.size) || lay.view.is_none(), "{city:?}");
        for (other, _) in cities {
            let dot = [other.marker.x - 6.0, other.marker.y - 6.0, other.marker.x + 6.0, other.marker.y + 6.0];
            prop_assert!(!overlapping(&label.bounds, &dot), "{name:?}: {label:?} covers a marker");
        }
    }
    let (h, q) = (lay.home.marker.label.as_ref().unwrap(), lay.partner.marker.label.as_ref().unwrap());
    prop_assert!(!overlapping(&h.bounds, &q.bounds), "the labels overlap: {h:?} and {q:?}");
    let (first, last) = (lay.route[0], lay.route[lay.route.len() - 1]);
    prop_assert_eq!(first, (lay.home.marker.x, lay.home.marker.y));
    prop_assert_eq!(last, (lay.partner.marker.x, lay.partner.marker.y));
    if let (Some(_), Some(b), Some(c)) = (lay.view, dir.home_of(p).coords, p.coords) {
        // No jump across the map, but near a pole (see the map's routes).
        let arc = map::great_circle(b.pair(), c.pair());
        for (k, w) in lay.route.windows(2).enumerate() {
            let polar = arc[k].0.abs() >= 60.0 && arc[k + 1].0.abs() >= 60.0;
            prop_assert!((w[1].0 - w[0].0).abs() < 200.0 || polar, "a jump across the map at {w:?}");
        }
    }
    Ok(())
}

/// The cover as PNG: it decodes, is 800×320, within the budget, with no text over another or
/// off the picture; and it is not blank: most of it is not the card's background (with a map;
/// without, a third), in many colours, the panel in the link's colour.
fn cover_renders(what: &str, svg: &str, lay: &cover::Layout) -> TestCaseResult {
    renders(what, svg, cover::WIDTH, cover::HEIGHT)?;
    let png = pictures::png(svg).map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap().to_rgba8();
    let drawn = img.pixels().filter(|&&p| p != BACKGROUND).count();
    let share = if lay.view.is_some() { 2 } else { 3 };
    prop_assert!(drawn * share > img.pixels().len(), "{what}: {drawn} pixels drawn");
    let colours: HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
    prop_assert!(colours.len() >= 16, "{what}: {} colours", colours.len());
    let panel = *img.get_pixel(4, 4);
    prop_assert!(panel.0[..3].iter().max().unwrap() - panel.0[..3].iter().min().unwrap() > 60, "{what}: {panel:?}");
    Ok(())
}

#[test]
fn the_cover_of_leeds_and_dortmunds_60th_anniversary() {
    let dir = leeds();
    let dortmund = dir.partners.iter().position(|p| p.name == "Dortmund").unwrap();
    let a = anniversary(&dir, dortmund, 2029);
    assert_eq!((a.number, a.milestone), (60, true));
    let lay = cover::layout(&dir, &a, i18n::default());
    cover_drawable(&dir, &a, i18n::default(), &lay).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((lay.number.text.as_str(), lay.number.ending.as_str()), ("60", "th"));
    assert_eq!(lay.years.text, "1969–2029");
    // Neighbours: the part of Europe around them, Dortmund east of Leeds and a little south, the
    // two well apart; labelled at the full size, beside their markers.
    let v = lay.view.unwrap();
    assert!(v.west < -1.548 && v.east > 7.466 && v.east - v.west < 30.0, "{v:?}");
    assert!(v.south < 51.515 && v.north > 53.796 && v.north - v.south < 15.0, "{v:?}");
    let (leeds, dortmund) = (&lay.home.marker, &lay.partner.marker);
    assert!(dortmund.x - leeds.x > 200.0 && dortmund.y > leeds.y, "{leeds:?} {dortmund:?}");
    assert_eq!((lay.home.size, lay.partner.size), (cover::LABEL_SIZES[0], cover::LABEL_SIZES[0]));
    assert_eq!(leeds.label.as_ref().unwrap().text, "Leeds");
    assert_eq!(dortmund.label.as_ref().unwrap().text, "Dortmund");
    // As the bot draws it, through the renderer program.
    let svg = cover::svg(&dir, &a, i18n::default());
    let png = pictures::png_with(std::path::Path::new(env!("CARGO_BIN_EXE_twinbot-render")), &svg).unwrap();
    pictures::draw_in_process();
    assert_eq!(
        png,
        cover::png(&dir, &a, i18n::default()).unwrap(),
        "the renderer program draws what this process draws"
    );
    cover_renders("Leeds–Dortmund", &svg, &lay).unwrap_or_else(|e| panic!("{e}"));
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap();
    assert_eq!(img.dimensions(), (800, 320));
    assert_eq!(img.get_pixel(4, 4), TWINNING, "the panel in the twinning's colour");
    // The number in white on it, the markers where the layout puts them.
    let b = lay.number.bounds;
    let white = (b[0] as u32..b[2] as u32)
        .flat_map(|x| (b[1] as u32..b[3] as u32).map(move |y| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y) == WHITE)
        .count();
    assert!(white > 2_000, "{white} white pixels of the number");
    assert!(img.get_pixel(leeds.x as u32, leeds.y as u32)[0] < 80, "Leeds' dark diamond");
    let dot = img.get_pixel(dortmund.x.round() as u32, dortmund.y.round() as u32);
    assert!(dot[2] > 150 && dot[0] < 120, "Dortmund's blue dot: {dot:?}");
}

#[test]
fn every_partner_of_leeds_and_dortmund_has_a_cover_in_every_language() {
    pictures::draw_in_process();
    let dir = both_homes();
    for (i, p) in dir.partners.iter().enumerate() {
        let a = anniversary(&dir, i, 2029);
        for l in i18n::all() {
            let what = format!("{} ↔ {}, {}", dir.home_of(p).name, p.name, l.code);
            let lay = cover::layout(&dir, &a, l);
            cover_drawable(&dir, &a, l, &lay).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(lay.view.is_some(), "{what}: every city in the data has coordinates");
            let svg = cover::svg(&dir, &a, l);
            let texts = well_formed(&svg, cover::WIDTH, cover::HEIGHT).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(missing_glyphs(&texts.concat()), Vec::<char>::new(), "{what}: characters the fonts lack");
            assert!(texts.iter().any(|t| t.starts_with(&a.number.to_string())), "{what}: {texts:?}");
            cover_renders(&what, &svg, &lay).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn covers_of_long_names_in_other_scripts_and_across_the_pacific() {
    pictures::draw_in_process();
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("kyiv.toml");
    let partner = |name: &str, lat: f64, lon: f64| {
        format!(
            "[[partner]]\nname = \"{name}\"\ncountry = \"X\"\ncountry_code = \"GB\"\nkind = \"friendship\"\n\
             year = 1990\nsummary = \"A test link.\"\nlat = {lat}\nlon = {lon}\n\n"
        )
    };
    let text = format!(
        "[home]\nname = \"Київ\"\ncountry = \"Ukraine\"\ncountry_code = \"UA\"\nlat = 50.45\nlon = 30.52\n\n{}{}{}{}",
        partner("杭州", 30.29, 120.16),
        partner("Житомирська міська територіальна громада", 50.25, 28.66),
        partner("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", 53.22, -4.2),
        partner("Rostov-on-Don", 47.22, 39.71),
    );
    std::fs::write(&data, text).unwrap();
    let kyiv = Directory::load(&[data]).unwrap();
    let (_keep, pacific) = pacific();
    for (dir, year) in [(&kyiv, 2030), (&pacific, 2030)] {
        for (i, p) in dir.partners.iter().enumerate() {
            let a = anniversary(dir, i, year);
            for l in i18n::all() {
                let what = format!("{} ↔ {}, {}", dir.home_of(p).name, p.name, l.code);
                let lay = cover::layout(dir, &a, l);
                cover_drawable(dir, &a, l, &lay).unwrap_or_else(|e| panic!("{what}: {e}"));
                let svg = cover::svg(dir, &a, l);
                let texts = well_formed(&svg, cover::WIDTH, cover::HEIGHT).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_eq!(missing_glyphs(&texts.concat()), Vec::<char>::new(), "{what}: characters the fonts lack");
                cover_renders(&what, &svg, &lay).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    // The long names are shortened to the label's room; the others written whole.
    let lay = cover::layout(&kyiv, &anniversary(&kyiv, 2, 2030), i18n::default());
    let welsh = lay.partner.marker.label.as_ref().unwrap();
    assert!(welsh.text.ends_with('…') && welsh.bounds[2] - welsh.bounds[0] <= cover::LABEL_ROOMS[0] + 4.0, "{welsh:?}");
    assert_eq!(lay.home.marker.label.as_ref().unwrap().text, "Київ");
    let lay = cover::layout(&kyiv, &anniversary(&kyiv, 0, 2030), i18n::lang("zh-CN").unwrap());
    assert_eq!(lay.partner.marker.label.as_ref().unwrap().text, "杭州");
    // Tokyo to San Francisco: over the Pacific, past 180° east, not round the world.
    let lay = cover::layout(&pacific, &anniversary(&pacific, 0, 2030), i18n::default());
    let v = lay.view.unwrap();
    assert!(v.west > 100.0 && v.east > 237.0 && v.east - v.west < 200.0, "{v:?}");
    assert!(lay.partner.marker.x > lay.home.marker.x);
    // Atlantis has no coordinates: no map, the names written instead.
    let lay = cover::layout(&pacific, &anniversary(&pacific, 1, 2030), i18n::default());
    assert_eq!(lay.view, None);
    assert_eq!(lay.partner.marker.label.as_ref().unwrap().text, "Atlantis <b>&");
}

#[test]
fn render_draws_an_anniversary_cover() {
    let out = tempfile::tempdir().unwrap();
    let (_keep, config) = temp_config("", &[root().join("data/leeds.toml"), root().join("data/dortmund.toml")]);
    let png = out.path().join("c.png");
    let o = twinbot_with(
        &config,
        &[
            "render",
            "cover",
            "--home",
            "Leeds",
            "--partner",
            "dortmnud",
            "--year",
            "2029",
            "--out",
            png.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.len() <= pictures::MAX_BYTES);
    assert_eq!(image::load_from_memory(&bytes).unwrap().dimensions(), (800, 320));
    let svg = out.path().join("c.svg");
    let o = twinbot_with(
        &config,
        &["render", "cover", "--svg", "--partner", "Leeds", "--today", "2029-01-01", "--locale", "de", "--out"],
    );
    assert_eq!(o.status.code(), Some(2), "--out needs its file");
    let o = twinbot_with(
        &config,
        &[
            "render",
            "cover",
            "--svg",
            "--partner",
            "Leeds",
            "--today",
            "2029-01-01",
            "--locale",
            "de",
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains(r#">60<tspan font-size="#) && text.contains(">.</tspan>"),
        "Dortmund's Leeds, 60. in 2029: {text}"
    );
    assert!(text.contains(">1969–2029<") && text.contains(">Dortmund<") && text.contains(">Leeds<"), "{text}");
    // A partner not found, a year before the link, and a cover's options for another picture.
    let fails = |args: &[&str], said: &str| {
        let o = twinbot_with(&config, args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert!(!out.path().join("x.png").exists());
    };
    let x = out.path().join("x.png");
    let x = x.to_str().unwrap();
    fails(&["render", "cover", "--partner", "Atlantis", "--out", x], "no partner city \"Atlantis\"");
    fails(&["render", "cover", "--out", x], "needs --partner");
    fails(&["render", "cover", "--partner", "Brno", "--year", "2000", "--out", x], "no anniversary in 2000");
    fails(&["render", "map", "--partner", "Brno", "--out", x], "for the cover");
}

/// The cover of each partner of any data (at most a few a town) is laid out as it should be and is
/// well-formed SVG; the first one's drawn.
fn covers_are_drawable(data: &Data) -> TestCaseResult {
    let dir = data.load().map_err(TestCaseError::fail)?;
    let l = data.lang();
    for (k, i) in (0..dir.partners.len()).take(4).enumerate() {
        let since = &dir.partners[i].since;
        let Some(a) = in_year(i, since, data.today.year().max(since.year + 1)) else { continue };
        let lay = cover::layout(&dir, &a, l);
        cover_drawable(&dir, &a, l, &lay)?;
        let svg = cover::svg(&dir, &a, l);
        well_formed(&svg, cover::WIDTH, cover::HEIGHT)?;
        if k == 0 {
            renders("cover", &svg, cover::WIDTH, cover::HEIGHT)?;
        }
    }
    Ok(())
}

#[test]
fn any_data_makes_a_cover_with_both_cities_named() {
    support::property::check("pictures", 24, data(false), |data| covers_are_drawable(&data));
}

/// [`the_pictures_corpus_makes_maps`], for the covers.
#[test]
fn the_pictures_corpus_makes_covers() {
    let failed = corpus_failures(covers_are_drawable);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
