//! The cover of a partnership anniversary's Discord scheduled event ("Leeds ↔ Dortmund: 60th
//! anniversary"): 800×320, Discord's recommended size for an event's cover.
//!
//! On the left, a panel of the link's colour with the anniversary's number, large (its ordinal's
//! ending, where the language writes one after the digits, smaller beside it: "60th", "60e",
//! "60-та", "60."), and the years it spans ("1969–2029"). On the right, the two cities on a map
//! of the part of the world around them, joined by their great circle, each marked as the map
//! marks it (the home a dark diamond, the partner a dot of the link's colour) and labelled with
//! its name as the data gives it. The map is the `/map` picture's, drawn by its helpers: its
//! projection, land, graticule, route, markers and labels.
//!
//! Where either city has no coordinates, there is no map: the two names are written where it
//! would be, one under the other.
//!
//! [`layout`] computes where everything goes (tested as numbers), [`svg`] draws it.

use std::fmt::Write as _;

use super::map::{self, Label, Marker, Projection, View};
use super::timeline::colour;
use super::{fit, text_width, xml, ASCENT, DESCENT, FONT_FAMILIES};
use crate::anniversaries::dates::Anniversary;
use crate::core::data::Directory;
use crate::core::i18n::Lang;

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 320;
/// The panel on the left, with the number and the years: its width.
pub const PANEL: f32 = 272.0;
/// The room the panel keeps on either side of its text.
const PAD: f32 = 24.0;
/// The number's size at most (a longer number, or ending, is drawn smaller to fit the panel).
const NUMBER_SIZE: f32 = 120.0;
/// The ordinal's ending beside the number, as a share of the number's size.
const ENDING_SCALE: f32 = 0.42;
const YEARS_SIZE: f32 = 26.0;
/// How high digits stand above their baseline, in ems (Noto Sans's figures: 0.714), to centre
/// the number and the years as they are seen.
const FIGURE_HEIGHT: f32 = 0.714;
/// The labels' sizes, tried in turn until a label finds room.
pub const LABEL_SIZES: [f32; 3] = [22.0, 18.0, 15.0];
/// The widest a label is, tried in turn at each size: a longer name is shortened.
pub const LABEL_ROOMS: [f32; 2] = [440.0, 260.0];
/// How far labels keep from the picture's edges.
pub const INSET: f32 = 10.0;
/// The margin around the route, as a share of its span, and at least, in degrees.
const MARGIN_SHARE: f64 = 0.25;
const MIN_LON_MARGIN: f64 = 3.0;
const MIN_LAT_MARGIN: f64 = 2.0;
/// The least the view spans in latitude (neighbours: the land's outlines are 1:110m, too coarse
/// to show less).
const MIN_LAT_SPAN: f64 = 6.0;
/// A view this many degrees of longitude wide, or wider, has the world map's graticule (30°).
const WIDE_LON_SPAN: f64 = 120.0;
const ROUTE_WIDTH: f32 = 3.5;
/// How far from the route a label keeps, where it can.
const ROUTE_CLEARANCE: f32 = 3.0;
/// Without a map: the names' size, and where the first marker is.
const NAME_SIZE: f32 = 26.0;
const NAMES_X: f32 = PANEL + 44.0;

/// A text the panel writes, centred on `x`: its text, and an ending after it at
/// [`ENDING_SCALE`] of its size (the ordinal's; empty for the years).
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub text: String,
    pub ending: String,
    /// Its centre and baseline.
    pub x: f32,
    pub y: f32,
    pub size: f32,
    /// (left, top, right, bottom), as far as its glyphs can reach.
    pub bounds: [f32; 4],
}

/// A city on the cover: its marker (with its label) and the size its label is written at.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    pub marker: Marker,
    pub size: f32,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The anniversary's number and its ordinal's ending.
    pub number: Caption,
    /// The years it spans: "1969–2029".
    pub years: Caption,
    /// The short line between them: (left, y, right).
    pub rule: [f32; 3],
    /// The map's rectangle (or the names', without a map): (left, top, right, bottom).
    pub plot: [f32; 4],
    /// The part of the world shown; None where either city has no coordinates.
    pub view: Option<View>,
    pub home: City,
    pub partner: City,
    /// The great circle from the home to the partner, in pixels (without a map: a straight line
    /// between their markers).
    pub route: Vec<(f32, f32)>,
    /// How degrees become pixels, for the land and the graticule.
    proj: Option<Projection>,
}

/// The number as the language writes it standing alone on the cover (`cover-number`), split
/// into its digits and the ending written after them ("60th" → "60", "th"; "60-та" → "60",
/// "-та"; Chinese "60周年" → "60", "周年"). A language that writes the number otherwise has its
/// whole ordinal as the "digits".
fn ordinal_parts(a: &Anniversary, l: Lang) -> (String, String) {
    let digits = a.number.to_string();
    let ordinal = l.t("cover-number", &[("ordinal", l.ordinal(a.number).into())]);
    match ordinal.strip_prefix(&digits) {
        Some(ending) if !ending.chars().any(|c| c.is_ascii_digit()) => (digits, ending.to_string()),
        _ => (ordinal, String::new()),
    }
}

/// The panel's number, rule and years, centred in it and on each other as they are seen.
fn panel(a: &Anniversary, l: Lang) -> (Caption, [f32; 3], Caption) {
    let room = PANEL - 2.0 * PAD;
    let (digits, ending) = ordinal_parts(a, l);
    let ems = text_width(&digits, 1.0) + ENDING_SCALE * text_width(&ending, 1.0);
    let size = NUMBER_SIZE.min(room / ems.max(f32::EPSILON));
    let years = format!("{}–{}", a.when.year - a.number, a.when.year);
    let years = fit(&years, YEARS_SIZE, room);
    // How far the number can reach below its baseline: figures sit on it, so only the ending's
    // descenders (none of the languages' endings has one, but a box as large as one could be);
    // a whole ordinal written otherwise, as far as any text.
    let descent =
        if digits.chars().all(|c| c.is_ascii_digit()) { DESCENT * ENDING_SCALE * size } else { DESCENT * size };
    // The gap between the number's figures and the years' keeps their boxes apart (a box
    // reaches as far as any glyph could: accents over the years), with the rule between them.
    let gap = descent + (ASCENT - FIGURE_HEIGHT) * YEARS_SIZE + 8.0;
    let seen = FIGURE_HEIGHT * size + gap + FIGURE_HEIGHT * YEARS_SIZE;
    let number_y = (HEIGHT as f32 - seen) / 2.0 + FIGURE_HEIGHT * size;
    let years_y = number_y + gap + FIGURE_HEIGHT * YEARS_SIZE;
    let centre = PANEL / 2.0;
    let caption = |text: String, ending: String, y: f32, size: f32, descent: f32| {
        let w = text_width(&text, size) + text_width(&ending, size * ENDING_SCALE);
        let bounds = [centre - w / 2.0, y - size * ASCENT, centre + w / 2.0, y + descent];
        Caption { text, ending, x: centre, y, size, bounds }
    };
    let rule = [centre - 24.0, number_y + descent + 4.0, centre + 24.0];
    let number = caption(digits, ending, number_y, size, descent);
    (number, rule, caption(years, String::new(), years_y, YEARS_SIZE, DESCENT * YEARS_SIZE))
}

/// The projection of the part of the world around `arc` (latitude, longitude; longitudes
/// continuous, past ±180 where it crosses the antimeridian) onto `plot`: the arc with a margin
/// around it, widened to the plot's shape (the land is never stretched).
fn project(arc: &[(f64, f64)], plot: [f32; 4]) -> Projection {
    let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(lat, lon) in arc {
        (west, east, south, north) = (west.min(lon), east.max(lon), south.min(lat), north.max(lat));
    }
    let lon_margin = ((east - west) * MARGIN_SHARE).max(MIN_LON_MARGIN);
    let lat_margin = ((north - south) * MARGIN_SHARE).max(MIN_LAT_MARGIN);
    let mut view =
        View { west: west - lon_margin, east: east + lon_margin, south: south - lat_margin, north: north + lat_margin };
    map::widen(&mut view.south, &mut view.north, MIN_LAT_SPAN);
    map::clamp_lat(&mut view);
    // Equirectangular, its standard parallel the middle of the route's view: pixels per degree of
    // latitude `ky`, of longitude `kx`; as large as both spans allow, the other span widened.
    let squeeze = ((view.north + view.south) / 2.0).clamp(-60.0, 60.0).to_radians().cos();
    let (w, h) = (f64::from(plot[2] - plot[0]), f64::from(plot[3] - plot[1]));
    let ky = (w / ((view.east - view.west) * squeeze)).min(h / (view.north - view.south));
    let kx = ky * squeeze;
    map::widen(&mut view.west, &mut view.east, w / kx);
    map::widen(&mut view.south, &mut view.north, h / ky);
    map::clamp_lat(&mut view);
    Projection { world: view.east - view.west >= WIDE_LON_SPAN, view, plot, kx, ky }
}

/// A label for the marker at (x, y), free of everything `taken` and inside `room`: at the first
/// of [`LABEL_SIZES`] it fits at, as long as it can be ([`LABEL_ROOMS`]), clear of the route
/// where it can be. None where it fits nowhere.
fn label_for(
    (x, y): (f32, f32),
    name: &str,
    room: &[f32; 4],
    taken: &[[f32; 4]],
    route: &[[f32; 4]],
) -> Option<(Label, f32)> {
    let clear: Vec<[f32; 4]> = taken.iter().chain(route).copied().collect();
    let tries = LABEL_SIZES.iter().flat_map(|&size| LABEL_ROOMS.iter().map(move |&width| (size, width)));
    tries.into_iter().find_map(|(size, width)| {
        let name = fit(name, size, width);
        [&clear[..], taken]
            .iter()
            .find_map(|obstacles| map::place_label(x, y, &name, size, room, obstacles))
            .map(|label| (label, size))
    })
}

/// The layout of the cover of anniversary `a` of `dir`'s partnership, in language `l`.
pub fn layout(dir: &Directory, a: &Anniversary, l: Lang) -> Layout {
    let (number, rule, years) = panel(a, l);
    let plot = [PANEL, 0.0, WIDTH as f32, HEIGHT as f32];
    let p = &dir.partners[a.partner];
    let home = dir.home_of(p);
    let marker = |partner: Option<usize>, (x, y): (f32, f32)| Marker { partner, home: p.home, x, y, label: None };
    let (proj, route, mut home_marker, mut partner_marker) = match (home.coords, p.coords) {
        (Some(h), Some(c)) => {
            let arc = map::great_circle(h.pair(), c.pair());
            let proj = project(&arc, plot);
            let route: Vec<(f32, f32)> = arc.iter().map(|&(lat, lon)| proj.at(lat, lon)).collect();
            let (from, to) = (route[0], route[route.len() - 1]);
            (Some(proj), route, marker(None, from), marker(Some(a.partner), to))
        }
        _ => {
            // No map: the names one under the other, the markers joined by a line.
            let (from, to) = ((NAMES_X, HEIGHT as f32 / 2.0 - 40.0), (NAMES_X, HEIGHT as f32 / 2.0 + 40.0));
            (None, vec![from, to], marker(None, from), marker(Some(a.partner), to))
        }
    };
    let (home_size, partner_size) = match proj {
        Some(_) => {
            let room = [PANEL + INSET, INSET, WIDTH as f32 - INSET, HEIGHT as f32 - INSET];
            let clearance = ROUTE_CLEARANCE + ROUTE_WIDTH / 2.0;
            let around_route: Vec<[f32; 4]> = route.iter().map(|&(x, y)| map::mark_box(x, y, clearance)).collect();
            let mut taken = vec![
                map::mark_box(home_marker.x, home_marker.y, map::HOME_MARK),
                map::mark_box(partner_marker.x, partner_marker.y, map::PARTNER_MARK),
            ];
            let mut sizes = [LABEL_SIZES[0]; 2];
            for (k, (m, name)) in
                [(&mut home_marker, home.name_in(l)), (&mut partner_marker, p.name_in(l))].into_iter().enumerate()
            {
                if let Some((label, size)) = label_for((m.x, m.y), name, &room, &taken, &around_route) {
                    taken.push(label.bounds);
                    sizes[k] = size;
                    m.label = Some(label);
                }
            }
            (sizes[0], sizes[1])
        }
        None => {
            for (m, name) in [(&mut home_marker, home.name_in(l)), (&mut partner_marker, p.name_in(l))] {
                let (x, y) = (m.x + 20.0, m.y + NAME_SIZE * 0.35);
                // The box reaches 2 px past the text on either side.
                let text = fit(name, NAME_SIZE, WIDTH as f32 - INSET - x - 2.0);
                let bounds =
                    [x - 2.0, y - NAME_SIZE * ASCENT, x + text_width(&text, NAME_SIZE) + 2.0, y + NAME_SIZE * DESCENT];
                m.label = Some(Label { text, x, y, anchor: map::Anchor::Start, bounds, leader: false });
            }
            (NAME_SIZE, NAME_SIZE)
        }
    };
    Layout {
        number,
        years,
        rule,
        plot,
        view: proj.map(|p| p.view),
        home: City { marker: home_marker, size: home_size },
        partner: City { marker: partner_marker, size: partner_size },
        route,
        proj,
    }
}

/// The cover of anniversary `a` of `dir`'s partnership as SVG, in language `l` (the ordinal's
/// ending beside the number; the names are the data's).
pub fn svg(dir: &Directory, a: &Anniversary, l: Lang) -> String {
    let lay = layout(dir, a, l);
    let p = &dir.partners[a.partner];
    let link = colour(p.kind);
    let (w, h) = (WIDTH, HEIGHT);
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILIES}">"#
    );
    let _ = writeln!(out, r#"<rect width="{w}" height="{h}" fill="{}"/>"#, map::BACKGROUND);
    // The panel: the number, the rule and the years in white on the link's colour.
    let _ = writeln!(out, r#"<rect width="{PANEL}" height="{h}" fill="{link}"/>"#);
    let n = &lay.number;
    let _ = writeln!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold" fill="{}" text-anchor="middle">{}<tspan font-size="{:.1}">{}</tspan></text>"#,
        n.x,
        n.y,
        n.size,
        map::WHITE,
        xml(&n.text),
        n.size * ENDING_SCALE,
        xml(&n.ending)
    );
    let [rx0, ry, rx1] = lay.rule;
    let _ = writeln!(
        out,
        r#"<line x1="{rx0:.1}" y1="{ry:.1}" x2="{rx1:.1}" y2="{ry:.1}" stroke="{}" stroke-width="2" stroke-opacity="0.6" stroke-linecap="round"/>"#,
        map::WHITE
    );
    let y = &lay.years;
    map::text(&mut out, y.x, y.y, y.size, map::WHITE, r#"text-anchor="middle""#, &y.text);
    // The map, or without one the card's own background.
    let [px0, py0, px1, py1] = lay.plot;
    let _ = writeln!(
        out,
        r#"<defs><clipPath id="plot"><rect x="{px0:.1}" y="{py0:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>"#,
        px1 - px0,
        py1 - py0
    );
    out.push_str("<g clip-path=\"url(#plot)\">\n");
    if let Some(proj) = &lay.proj {
        let _ = writeln!(
            out,
            r#"<rect x="{px0:.1}" y="{py0:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            px1 - px0,
            py1 - py0,
            map::OCEAN
        );
        map::graticule(&mut out, proj);
        map::land(&mut out, proj);
    }
    map::route(&mut out, &lay.route, 0.0, (link, ROUTE_WIDTH), p.suspended.is_some());
    let (home, partner) = (&lay.home.marker, &lay.partner.marker);
    map::leader(&mut out, home);
    map::leader(&mut out, partner);
    map::partner_marker(&mut out, partner.x, partner.y, link);
    map::home_marker(&mut out, home.x, home.y);
    map::label(&mut out, home, lay.home.size);
    map::label(&mut out, partner, lay.partner.size);
    out.push_str("</g>\n</svg>\n");
    out
}

/// The cover as PNG.
pub fn png(dir: &Directory, a: &Anniversary, l: Lang) -> Result<Vec<u8>, super::PictureError> {
    super::png(&svg(dir, a, l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anniversaries::dates::in_year;
    use crate::core::data::{Coords, Home, LinkKind, PartialDate, Partner};
    use crate::core::i18n;

    /// A home and one partner, at those coordinates, formalised in 1969.
    fn pair(home: (&str, Option<(f64, f64)>), partner: (&str, Option<(f64, f64)>)) -> (Directory, Anniversary) {
        let coords = |c: Option<(f64, f64)>| c.map(|(lat, lon)| Coords { lat, lon });
        let mut h = Home::named(home.0, home.0);
        h.coords = coords(home.1);
        let mut p = Partner::dated(0, partner.0, partner.0, PartialDate::year(1969), false);
        p.coords = coords(partner.1);
        p.kind = LinkKind::Twinning;
        let a = in_year(0, &p.since, 2029).unwrap();
        (Directory::new(vec![h], vec![p]), a)
    }

    fn inside(b: &[f32; 4], area: &[f32; 4]) -> bool {
        b[0] >= area[0] && b[1] >= area[1] && b[2] <= area[2] && b[3] <= area[3]
    }

    /// Both labelled, inside the map's room, apart from each other and from both markers.
    fn labels_apart(lay: &Layout) {
        let room = [PANEL + INSET, INSET, WIDTH as f32 - INSET, HEIGHT as f32 - INSET];
        let (h, p) = (&lay.home.marker, &lay.partner.marker);
        let (hl, pl) = (h.label.as_ref().expect("the home's label"), p.label.as_ref().expect("the partner's label"));
        assert!(inside(&hl.bounds, &room) && inside(&pl.bounds, &room), "{hl:?} {pl:?}");
        assert_eq!(map::overlap(&hl.bounds, &pl.bounds), 0.0, "{hl:?} {pl:?}");
        for m in [h, p] {
            let dot = map::mark_box(m.x, m.y, map::PARTNER_MARK);
            assert_eq!(map::overlap(&hl.bounds, &dot), 0.0, "{hl:?} over a marker");
            assert_eq!(map::overlap(&pl.bounds, &dot), 0.0, "{pl:?} over a marker");
        }
    }

    #[test]
    fn the_ordinal_is_split_into_digits_and_ending() {
        let (_, a) = pair(("Leeds", None), ("Dortmund", None));
        let parts = |code: &str| ordinal_parts(&a, i18n::lang(code).unwrap());
        assert_eq!(parts("en-GB"), ("60".to_string(), "th".to_string()));
        assert_eq!(parts("de"), ("60".to_string(), ".".to_string()));
        assert_eq!(parts("fr"), ("60".to_string(), "e".to_string()));
        assert_eq!(parts("uk"), ("60".to_string(), "-та".to_string()));
        assert_eq!(parts("zh-CN"), ("60".to_string(), "周年".to_string()), "a number alone is not Chinese");
    }

    #[test]
    fn the_panel_keeps_its_texts_apart_and_inside_it() {
        for n in [1, 60, 100, 9000] {
            let (dir, _) = pair(("Leeds", None), ("Dortmund", None));
            let a = in_year(0, &dir.partners[0].since, 1969 + n).unwrap();
            for l in i18n::all() {
                let (number, rule, years) = panel(&a, l);
                let area = [PAD - 0.01, 0.0, PANEL - PAD + 0.01, HEIGHT as f32];
                assert!(inside(&number.bounds, &area), "{n} {}: {number:?}", l.code);
                assert!(inside(&years.bounds, &area), "{n} {}: {years:?}", l.code);
                assert!(number.bounds[3] < rule[1] && rule[1] < years.bounds[1], "{number:?} {rule:?} {years:?}");
                assert!(number.size >= 48.0, "{n} {}: {}", l.code, number.size);
            }
        }
        let (dir, a) = pair(("Leeds", None), ("Dortmund", None));
        let (number, _, years) = panel(&a, i18n::default());
        assert_eq!((number.text.as_str(), number.ending.as_str(), number.size), ("60", "th", NUMBER_SIZE));
        assert_eq!(years.text, "1969–2029");
        assert_eq!(dir.partners.len(), 1);
    }

    #[test]
    fn neighbours_far_pairs_and_the_antimeridian_are_framed_with_a_margin() {
        let leeds = Some((53.796, -1.548));
        for (partner, coords) in [
            ("Dortmund", Some((51.515, 7.466))),
            ("Hangzhou", Some((30.294, 120.161))),
            ("Durban", Some((-29.858, 31.029))),
            ("Buffalo", Some((42.886, -78.878))),
            ("Wellington", Some((-41.29, 174.78))),
            ("Leeds Kirkgate", Some((53.796, -1.540))),
        ] {
            let (dir, a) = pair(("Leeds", leeds), (partner, coords));
            let lay = layout(&dir, &a, i18n::default());
            let v = lay.view.unwrap();
            let (h, p) = (&lay.home.marker, &lay.partner.marker);
            // Both well inside the map, not at its edges.
            for m in [h, p] {
                assert!(m.x > PANEL + 20.0 && m.x < WIDTH as f32 - 20.0, "{partner}: {m:?} in {v:?}");
                assert!(m.y > 10.0 && m.y < HEIGHT as f32 - 10.0, "{partner}: {m:?} in {v:?}");
            }
            labels_apart(&lay);
            // Not stretched: a degree of latitude is a degree of longitude over the squeeze.
            let proj = lay.proj.unwrap();
            assert!((proj.plot[2] - proj.plot[0] - ((v.east - v.west) * proj.kx) as f32).abs() < 0.5, "{partner}");
            assert!((proj.plot[3] - proj.plot[1] - ((v.north - v.south) * proj.ky) as f32).abs() < 0.5, "{partner}");
            assert!(v.south >= -90.0 && v.north <= 90.0, "{v:?}");
        }
        // Across the Pacific: the view runs past 180° rather than round the world.
        let (dir, a) = pair(("Tokyo", Some((35.69, 139.69))), ("San Francisco", Some((37.77, -122.42))));
        let lay = layout(&dir, &a, i18n::default());
        let v = lay.view.unwrap();
        assert!(v.west > 100.0 && v.east > 237.58 && v.east - v.west < 200.0, "{v:?}");
        assert!(lay.partner.marker.x > lay.home.marker.x, "San Francisco east of Tokyo");
        assert!(lay.route.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 40.0), "no jump across the map");
        labels_apart(&lay);
    }

    #[test]
    fn neighbours_fill_the_map_and_labels_avoid_the_route() {
        let (dir, a) = pair(("Leeds", Some((53.796, -1.548))), ("Dortmund", Some((51.515, 7.466))));
        let lay = layout(&dir, &a, i18n::default());
        let (h, p) = (&lay.home.marker, &lay.partner.marker);
        let apart = p.x - h.x;
        assert!(apart > 0.4 * (WIDTH as f32 - PANEL), "{apart} px apart");
        assert_eq!((lay.home.size, lay.partner.size), (LABEL_SIZES[0], LABEL_SIZES[0]));
        for label in [h.label.as_ref().unwrap(), p.label.as_ref().unwrap()] {
            assert!(!label.leader, "{label:?} beside its marker");
            let on_route = lay.route.iter().any(|&(x, y)| map::overlap(&label.bounds, &map::mark_box(x, y, 1.0)) > 0.0);
            assert!(!on_route, "{label:?} over the route");
        }
    }

    #[test]
    fn long_names_and_one_place_still_get_labels() {
        let long = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        let (dir, a) = pair((long, Some((53.22, -4.2))), (&"Шарівка-".repeat(8), Some((53.22, -4.2))));
        let lay = layout(&dir, &a, i18n::default());
        labels_apart(&lay);
        let label = lay.home.marker.label.as_ref().unwrap();
        assert!(label.text.ends_with('…') && text_width(&label.text, lay.home.size) <= LABEL_ROOMS[0], "{label:?}");
    }

    #[test]
    fn without_coordinates_the_names_are_written_instead() {
        let (dir, a) = pair(("Leeds", Some((53.796, -1.548))), (&"杭州".repeat(30), None));
        let lay = layout(&dir, &a, i18n::default());
        assert_eq!(lay.view, None);
        let (h, p) = (lay.home.marker.label.unwrap(), lay.partner.marker.label.unwrap());
        assert_eq!(h.text, "Leeds");
        assert!(p.text.ends_with('…') && p.bounds[2] <= WIDTH as f32 - INSET, "{p:?}");
        assert_eq!(map::overlap(&h.bounds, &p.bounds), 0.0);
        let svg = svg(&dir, &a, i18n::default());
        assert!(!svg.contains(map::OCEAN), "no sea without a map");
    }
}
