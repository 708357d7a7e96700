//! Pictures: the timeline's layout (numbers, so font rendering cannot disturb it), the PNG as a
//! decoder reads it, every language's labels drawable, hostile names, and `twinbot render`.

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
    let lay = timeline::layout(&dir, today());
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
    let lay = timeline::layout(&dir, today());
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
    let lay = timeline::layout(&dir, today());
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
    let home = |h: usize| lay.homes.iter().find(|m| m.home == h).expect("the home's marker");
    for r in &lay.routes {
        let m = lay
            .partners
            .iter()
            .find(|m| m.partner == Some(r.partner))
            .or_else(|| lay.homes.iter().find(|h| dir.homes[h.home].name == dir.partners[r.partner].name))
            .expect("a marker per route: the partner's, or the home's where the partner is a home shown");
        let h = home(dir.partners[r.partner].home);
        let (first, last) = (r.points[0], *r.points.last().unwrap());
        assert!((first.0 - h.x).abs() < 0.01 && (first.1 - h.y).abs() < 0.01, "starts at home");
        assert!((last.0 - m.x).abs() < 0.01 && (last.1 - m.y).abs() < 0.01, "ends at the partner");
        assert!(r.points.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 200.0), "no jump across the map");
    }
    let labels: Vec<&map::Label> = lay.homes.iter().chain(&lay.partners).map(|m| &m.label).collect();
    for m in lay.homes.iter().chain(&lay.partners) {
        assert!(inside(&lay.plot, (m.x, m.y)), "marker at {:?} outside {:?}", (m.x, m.y), lay.plot);
        let b = &m.label.bounds;
        assert!(inside(&lay.plot, (b[0], b[1])) && inside(&lay.plot, (b[2], b[3])), "label {b:?} outside");
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(!overlapping(&a.bounds, &b.bounds), "labels overlap: {:?} and {:?}", a.bounds, b.bounds);
        }
    }
}

#[test]
fn the_layout_of_leeds_map() {
    let dir = leeds();
    let lay = map::layout(&dir);
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
    let lay = map::layout(&dir);
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
    let lay = map::layout(&dir);
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
    let lay = map::layout(&dir);
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
    assert!(text.contains(">Kharkiv<") && text.contains(">Terres : Natural Earth<"));
}
