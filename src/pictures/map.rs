//! The map of a home city's partnerships: the home and its partners on a map of the world's
//! land, each partner joined to its home by a great circle (the shortest way over the globe, so
//! the line to Hangzhou bends north over Russia, as a flight's does). The view is the part of the
//! world they are in, with room around them; partners scattered over the globe give the whole
//! world.
//!
//! Land outlines are Natural Earth's 1:110m land (public domain), shipped in
//! `data/map/land-110m.txt` and made by `tools/map/land.py`. The projection is equirectangular
//! with its standard parallel at the middle of the view, which keeps a region's shapes close to
//! true. Coordinates come from the data file (`lat` and `lon`, which `twinbot add` and
//! `twinbot init` copy from the world gazetteer); a partner without them is named under the map,
//! and so is one whose label finds no free room beside it: labels never cover each other.
//!
//! 1200 px wide, an opaque light card like the timeline's. [`layout`] computes where everything
//! goes (tested as numbers), [`svg`] draws it.

use std::fmt::Write as _;
use std::sync::LazyLock;

use super::timeline::colour;
use super::{fit, lines, text_width, xml, Line, ASCENT, DESCENT, FONT_FAMILIES, NOTE_NAME_ROOM, NOTE_SIZE};
use crate::core::data::{Directory, LinkKind};
use crate::core::i18n::Lang;
use crate::core::phrases::link_kind;
use crate::core::text::fold;

pub const WIDTH: u32 = 1200;
const MARGIN: f32 = 24.0;
/// The title and key above the map.
const HEADER: f32 = 100.0;
/// The credit and the partners left off, below it.
const FOOTER: f32 = 56.0;
/// The map's height, at least and at most.
const MIN_PLOT: f32 = 460.0;
const MAX_PLOT: f32 = 820.0;
/// The least the view spans, in degrees of longitude and latitude.
const MIN_LON_SPAN: f64 = 24.0;
const MIN_LAT_SPAN: f64 = 14.0;
/// Beyond this span of longitude the whole world is shown.
const WORLD_LON_SPAN: f64 = 240.0;
/// How many straight pieces a great circle is drawn with.
const SEGMENTS: usize = 64;
const LABEL_SIZE: f32 = 16.0;
const HOME_LABEL_SIZE: f32 = 19.0;
/// The widest a label is, in ems: a longer name is shortened.
const LABEL_EMS: f32 = 20.0;

pub(crate) const BACKGROUND: &str = "#f6f7f9";
pub(crate) const OCEAN: &str = "#dce8f2";
const LAND: &str = "#fbfbf8";
const COAST: &str = "#a9b7c4";
const GRATICULE: &str = "#c9d7e3";
const INK: &str = "#1f2328";
const MUTED: &str = "#59636e";
pub(crate) const WHITE: &str = "#ffffff";

/// The land, as rings of (longitude, latitude), each with its bounding box (west, south, east,
/// north).
type Ring = (Vec<(f32, f32)>, [f32; 4]);

static LAND_RINGS: LazyLock<Vec<Ring>> = LazyLock::new(|| parse_land(include_str!("../../data/map/land-110m.txt")));

/// Reads the outline file: one ring per line, `lon,lat` pairs separated by spaces; `#` comments.
fn parse_land(text: &str) -> Vec<Ring> {
    let mut rings = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let points: Vec<(f32, f32)> = line
            .split_whitespace()
            .filter_map(|p| {
                let (lon, lat) = p.split_once(',')?;
                Some((lon.parse().ok()?, lat.parse().ok()?))
            })
            .collect();
        if points.len() < 3 {
            continue;
        }
        let mut bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for &(lon, lat) in &points {
            bbox = [bbox[0].min(lon), bbox[1].min(lat), bbox[2].max(lon), bbox[3].max(lat)];
        }
        rings.push((points, bbox));
    }
    rings
}

/// How many rings and points of land the map has (for tests).
pub fn land_size() -> (usize, usize) {
    (LAND_RINGS.len(), LAND_RINGS.iter().map(|(r, _)| r.len()).sum())
}

/// The part of the world shown, in degrees: longitudes may run past ±180 (a view centred on the
/// Pacific).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

/// A place on the map, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The partner, or None for a home.
    pub partner: Option<usize>,
    /// The home (of a partner: its home).
    pub home: usize,
    pub x: f32,
    pub y: f32,
    /// Its label; None where there was no free room for it (it is named under the map instead).
    pub label: Option<Label>,
}

/// Where a marker's name is written: the text (the name, shortened if it is long), its anchor
/// point and alignment, and its box (for tests of overlap). A label moved away from its marker is
/// joined to it by a thin line.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub anchor: Anchor,
    /// (left, top, right, bottom).
    pub bounds: [f32; 4],
    pub leader: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One partner's great circle from its home, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub partner: usize,
    pub points: Vec<(f32, f32)>,
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub height: u32,
    pub view: View,
    /// The map's rectangle: (left, top, right, bottom).
    pub plot: [f32; 4],
    pub homes: Vec<Marker>,
    /// Partners drawn (a partner that is also a home shown has the home's marker instead).
    pub partners: Vec<Marker>,
    pub routes: Vec<Route>,
    /// Partners without coordinates (or whose home has none): named under the map.
    pub unplaced: Vec<usize>,
    /// Homes and partners on the map whose label found no free room: named under the map.
    pub unlabelled_homes: Vec<usize>,
    pub unlabelled: Vec<usize>,
    /// The lines under the map naming them, in order: each line's text is the next part of a
    /// sentence, cut where it reaches the credit beside it.
    pub notes: Vec<Line>,
    /// How degrees become pixels, for drawing the land and the graticule.
    proj: Projection,
}

/// A point on the unit sphere.
fn vector(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The great circle from `a` to `b` (latitude, longitude), as `SEGMENTS` + 1 points. Longitudes
/// are continuous from `a`'s: a route over the antimeridian runs past ±180 rather than jumping.
pub fn great_circle(a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    let (va, vb) = (vector(a.0, a.1), vector(b.0, b.1));
    let dot = (va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]).clamp(-1.0, 1.0);
    let d = dot.acos();
    let s = d.sin();
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(SEGMENTS + 1);
    for i in 0..=SEGMENTS {
        let t = i as f64 / SEGMENTS as f64;
        // Below a millionth, dividing by the sine would magnify rounding (antipodes as their
        // coordinates round leave about 1e-8) into points anywhere on the globe.
        let (lat, mut lon) = if s < 1e-6 {
            // The same place, or antipodes (every great circle joins them): a straight line.
            (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
        } else {
            let (ka, kb) = (((1.0 - t) * d).sin() / s, (t * d).sin() / s);
            let p = [ka * va[0] + kb * vb[0], ka * va[1] + kb * vb[1], ka * va[2] + kb * vb[2]];
            (p[2].clamp(-1.0, 1.0).asin().to_degrees(), p[1].atan2(p[0]).to_degrees())
        };
        let previous = out.last().map_or(a.1, |p| p.1);
        while lon - previous > 180.0 {
            lon -= 360.0;
        }
        while lon - previous < -180.0 {
            lon += 360.0;
        }
        out.push((lat, lon));
    }
    out
}

/// The view around `points` (latitude, longitude): padded, at least the least span, the whole
/// world beyond [`WORLD_LON_SPAN`].
fn view_around(points: &[(f64, f64)], centre_lon: f64) -> View {
    let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(lat, lon) in points {
        (west, east, south, north) = (west.min(lon), east.max(lon), south.min(lat), north.max(lat));
    }
    if east - west > WORLD_LON_SPAN {
        // The inhabited world, and further towards a pole where a place or a route is.
        let (south, north) = ((south - 3.0).clamp(-90.0, -58.0), (north + 3.0).clamp(84.0, 90.0));
        return View { west: centre_lon - 180.0, east: centre_lon + 180.0, south, north };
    }
    let (lon_pad, lat_pad) = (((east - west) * 0.12).max(4.0), ((north - south) * 0.15).max(3.0));
    let mut v = View { west: west - lon_pad, east: east + lon_pad, south: south - lat_pad, north: north + lat_pad };
    widen(&mut v.west, &mut v.east, MIN_LON_SPAN);
    widen(&mut v.south, &mut v.north, MIN_LAT_SPAN);
    v
}

/// Widens `lo..hi` about its middle to at least `span`.
pub(crate) fn widen(lo: &mut f64, hi: &mut f64, span: f64) {
    if *hi - *lo < span {
        let mid = (*lo + *hi) / 2.0;
        (*lo, *hi) = (mid - span / 2.0, mid + span / 2.0);
    }
}

/// Keeps a latitude range within the poles, shifting it before cutting it. (The projection is
/// equirectangular, which draws the poles as well as the rest; a limit short of them left a
/// place beyond it outside the map.)
pub(crate) fn clamp_lat(v: &mut View) {
    if v.north > 90.0 {
        (v.south, v.north) = (v.south - (v.north - 90.0), 90.0);
    }
    if v.south < -90.0 {
        (v.south, v.north) = (-90.0, (v.north + (-90.0 - v.south)).min(90.0));
    }
}

/// Pixels from degrees: equirectangular, standard parallel at the view's middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Projection {
    /// The whole world (its standard parallel the equator, a graticule of 30°).
    pub(crate) world: bool,
    pub(crate) view: View,
    pub(crate) plot: [f32; 4],
    /// Pixels per degree of longitude and of latitude.
    pub(crate) kx: f64,
    pub(crate) ky: f64,
}

impl Projection {
    pub(crate) fn at(&self, lat: f64, lon: f64) -> (f32, f32) {
        (
            self.plot[0] + ((lon - self.view.west) * self.kx) as f32,
            self.plot[1] + ((self.view.north - lat) * self.ky) as f32,
        )
    }
}

/// Fits the view to the picture's width, and its height within [`MIN_PLOT`]..[`MAX_PLOT`] by
/// showing more of the world (never stretching it).
fn project(mut view: View, world: bool) -> Projection {
    let width = f64::from(WIDTH) - 2.0 * f64::from(MARGIN);
    let parallel = if world { 0.0 } else { ((view.north + view.south) / 2.0).clamp(-60.0, 60.0) };
    let squeeze = parallel.to_radians().cos();
    let mut kx = width / (view.east - view.west);
    let mut ky = kx / squeeze;
    let height = (view.north - view.south) * ky;
    if height < f64::from(MIN_PLOT) {
        let span = f64::from(MIN_PLOT) / ky;
        widen(&mut view.south, &mut view.north, span);
        clamp_lat(&mut view);
    } else if height > f64::from(MAX_PLOT) {
        ky = f64::from(MAX_PLOT) / (view.north - view.south);
        kx = ky * squeeze;
        widen(&mut view.west, &mut view.east, width / kx);
    }
    clamp_lat(&mut view);
    let plot_height = ((view.north - view.south) * ky) as f32;
    let plot = [MARGIN, HEADER, WIDTH as f32 - MARGIN, HEADER + plot_height];
    Projection { world, view, plot, kx, ky }
}

/// How far a home's and a partner's marker reach from their centre, with their white edge: no
/// label is placed over the square this far around.
pub(crate) const HOME_MARK: f32 = 9.0;
pub(crate) const PARTNER_MARK: f32 = 7.0;

/// The square `reach` around (x, y): (left, top, right, bottom).
pub(crate) fn mark_box(x: f32, y: f32, reach: f32) -> [f32; 4] {
    [x - reach, y - reach, x + reach, y + reach]
}

pub(crate) fn overlap(a: &[f32; 4], b: &[f32; 4]) -> f32 {
    let w = a[2].min(b[2]) - a[0].max(b[0]);
    let h = a[3].min(b[3]) - a[1].max(b[1]);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

/// Places a label for a marker at (x, y): beside it if there is room, else further out with a
/// leader line, trying eight directions; None where nothing is free (a label over another, or
/// over a marker, could not be read).
pub(crate) fn place_label(x: f32, y: f32, text: &str, size: f32, plot: &[f32; 4], taken: &[[f32; 4]]) -> Option<Label> {
    let w = text_width(text, size);
    let make = |dx: f32, dy: f32, leader: bool| {
        // The direction decides the alignment: right of the marker starts there, left ends there.
        let anchor = if dx > 1.0 {
            Anchor::Start
        } else if dx < -1.0 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        let (lx, ly) = (x + dx, y + dy);
        let left = match anchor {
            Anchor::Start => lx,
            Anchor::Middle => lx - w / 2.0,
            Anchor::End => lx - w,
        };
        // (lx, ly) is the text's baseline; the box reaches as far above and below it as the
        // fonts' glyphs do.
        let bounds = [left - 2.0, ly - size * ASCENT, left + w + 2.0, ly + size * DESCENT];
        Label { text: text.to_string(), x: lx, y: ly, anchor, bounds, leader }
    };
    let mut candidates = vec![
        make(11.0, size * 0.35, false),
        make(-11.0, size * 0.35, false),
        make(0.0, -11.0, false),
        make(0.0, 11.0 + size, false),
    ];
    for r in [34.0_f32, 58.0, 86.0, 120.0] {
        for k in 0..8 {
            let angle = std::f32::consts::PI * (k as f32) / 4.0;
            let (dx, dy) = (r * angle.cos(), r * angle.sin());
            candidates.push(make(dx, dy + size * 0.35, true));
        }
    }
    let inside =
        |b: &[f32; 4]| b[0] >= plot[0] + 2.0 && b[2] <= plot[2] - 2.0 && b[1] >= plot[1] + 2.0 && b[3] <= plot[3] - 2.0;
    let free = |l: &Label| inside(&l.bounds) && taken.iter().all(|t| overlap(&l.bounds, t) == 0.0);
    candidates.into_iter().find(free)
}

/// The layout of `dir`'s map, with its lines under the map in language `l`.
pub fn layout(dir: &Directory, l: Lang) -> Layout {
    let mirror = dir.mirrors();
    // Each link once (a link listed from both sides is drawn from the first home's side).
    let links: Vec<usize> = (0..dir.partners.len()).filter(|&i| !mirror[i]).collect();
    let mut unplaced = Vec::new();
    let mut arcs: Vec<(usize, Vec<(f64, f64)>)> = Vec::new();
    for &i in &links {
        let p = &dir.partners[i];
        match (dir.homes[p.home].coords, p.coords) {
            (Some(h), Some(c)) => arcs.push((i, great_circle(h.pair(), c.pair()))),
            _ => unplaced.push(i),
        }
    }
    let homes: Vec<usize> = (0..dir.homes.len()).filter(|&h| dir.homes[h].coords.is_some()).collect();
    let centre_lon = homes.first().and_then(|&h| dir.homes[h].coords).map_or(0.0, |c| c.lon);
    let mut points: Vec<(f64, f64)> = arcs.iter().flat_map(|(_, a)| a.iter().copied()).collect();
    points.extend(homes.iter().filter_map(|&h| dir.homes[h].coords.map(|c| c.pair())));
    if points.is_empty() {
        points.push((20.0, centre_lon));
    }
    let view = view_around(&points, centre_lon);
    let world = (view.east - view.west) >= 359.0;
    let proj = project(view, world);
    let plot = proj.plot;
    // On a world map, every place within its 360° (centred on the first home): a place on the far
    // side of the seam comes round from the other edge, and a route crossing the seam is drawn
    // on both sides of it. (A region's view holds every place and route already.)
    let west = proj.view.west;
    let around = |lon: f64| if world { west + (lon - west).rem_euclid(360.0) } else { lon };
    let mut taken: Vec<[f32; 4]> = Vec::new();
    let mut home_markers: Vec<(usize, f32, f32)> = Vec::new();
    for &h in &homes {
        let (lat, lon) = dir.homes[h].coords.expect("homes with coordinates").pair();
        let (x, y) = proj.at(lat, around(lon));
        taken.push(mark_box(x, y, HOME_MARK));
        home_markers.push((h, x, y));
    }
    let mut routes = Vec::new();
    let mut partner_points: Vec<(usize, f32, f32)> = Vec::new();
    for (i, arc) in &arcs {
        // The route from its home's place on the map, continuous (past ±180, or the seam); the
        // partner's marker where its end is on the map.
        let shift = arc.first().map_or(0.0, |&(_, lon)| around(lon) - lon);
        let pts: Vec<(f32, f32)> = arc.iter().map(|&(lat, lon)| proj.at(lat, lon + shift)).collect();
        let &(lat, lon) = arc.last().expect("a route has points");
        let (x, y) = proj.at(lat, around(lon + shift));
        // A partner that is a home shown too (Dortmund, beside Leeds) has the home's marker: the
        // same city, by its name (another city at the same place keeps a marker of its own).
        let key = fold(&dir.partners[*i].name);
        let is_home = home_markers
            .iter()
            .any(|&(h, hx, hy)| (hx - x).abs() < 1.0 && (hy - y).abs() < 1.0 && fold(&dir.homes[h].name) == key);
        if !is_home {
            taken.push(mark_box(x, y, PARTNER_MARK));
            partner_points.push((*i, x, y));
        }
        routes.push(Route { partner: *i, points: pts });
    }
    // Labels: homes first, then partners from the most crowded outwards (those nearest another
    // marker choose first, while there is most room).
    let mut home_out = Vec::new();
    let mut unlabelled_homes = Vec::new();
    for (h, x, y) in home_markers {
        let name = fit(dir.homes[h].name_in(l), HOME_LABEL_SIZE, HOME_LABEL_SIZE * LABEL_EMS);
        let label = place_label(x, y, &name, HOME_LABEL_SIZE, &plot, &taken);
        match &label {
            Some(label) => taken.push(label.bounds),
            None => unlabelled_homes.push(h),
        }
        home_out.push(Marker { partner: None, home: h, x, y, label });
    }
    let markers: Vec<(f32, f32)> =
        partner_points.iter().map(|&(_, x, y)| (x, y)).chain(home_out.iter().map(|m| (m.x, m.y))).collect();
    let crowding = |&(_, x, y): &(usize, f32, f32)| -> f32 {
        markers.iter().filter(|&&o| o != (x, y)).map(|o| (o.0 - x).hypot(o.1 - y)).fold(f32::MAX, f32::min)
    };
    let mut order = partner_points.clone();
    order.sort_by(|a, b| crowding(a).total_cmp(&crowding(b)));
    let mut partner_out = Vec::new();
    let mut unlabelled = Vec::new();
    for (i, x, y) in order {
        let name = fit(dir.partners[i].name_in(l), LABEL_SIZE, LABEL_SIZE * LABEL_EMS);
        let label = place_label(x, y, &name, LABEL_SIZE, &plot, &taken);
        match &label {
            Some(label) => taken.push(label.bounds),
            None => unlabelled.push(i),
        }
        partner_out.push(Marker { partner: Some(i), home: dir.partners[i].home, x, y, label });
    }
    partner_out.sort_by_key(|m| m.partner);
    unlabelled.sort();
    // Under the map: the partners without coordinates, then the homes and partners on it without
    // a label (after their markers' shapes), each a sentence over as many lines as it takes,
    // beside the credit.
    let names = |names: Vec<&str>| -> String {
        let names: Vec<String> = names.iter().map(|n| fit(n, NOTE_SIZE, NOTE_NAME_ROOM)).collect();
        l.and_list(&names)
    };
    let mut sentences = Vec::new();
    if !unplaced.is_empty() {
        let list = names(unplaced.iter().map(|&i| dir.partners[i].name_in(l)).collect());
        sentences.push(l.t("map-unplaced", &[("names", list.into()), ("count", unplaced.len().into())]));
    }
    let home_names = unlabelled_homes.iter().map(|&h| dir.homes[h].name_in(l)).collect();
    let partner_names = unlabelled.iter().map(|&i| dir.partners[i].name_in(l)).collect();
    for (mark, list) in [("◆", home_names), ("●", partner_names)] {
        let list: Vec<&str> = list;
        if !list.is_empty() {
            sentences.push(format!("{mark} {}", l.t("map-unlabelled", &[("names", names(list).into())])));
        }
    }
    let x0 = plot[0] + 8.0;
    let room = plot[2] - 4.0 - text_width(&l.t("map-credit", &[]), NOTE_SIZE - 1.0) - 24.0 - x0;
    let notes = lines(&sentences, x0, plot[3] + 26.0, room);
    let below = notes.last().map_or(0.0, |n| n.y - (plot[3] + 26.0));
    let height = (plot[3] + FOOTER + below).ceil() as u32;
    Layout {
        height,
        view: proj.view,
        plot,
        homes: home_out,
        partners: partner_out,
        routes,
        unplaced,
        unlabelled_homes,
        unlabelled,
        notes,
        proj,
    }
}

pub(crate) fn text(out: &mut String, x: f32, y: f32, size: f32, fill: &str, extra: &str, s: &str) {
    let _ = writeln!(out, r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{fill}" {extra}>{}</text>"#, xml(s));
}

fn anchor(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

/// The land within the view as one SVG path (copies shifted by 360° where the view runs past
/// ±180).
fn land_path(proj: &Projection) -> String {
    let v = proj.view;
    let mut d = String::with_capacity(64 * 1024);
    for shift in [-360.0_f32, 0.0, 360.0] {
        for (ring, bbox) in LAND_RINGS.iter() {
            let (w, e) = (f64::from(bbox[0] + shift), f64::from(bbox[2] + shift));
            if e < v.west || w > v.east || f64::from(bbox[3]) < v.south || f64::from(bbox[1]) > v.north {
                continue;
            }
            for (k, &(lon, lat)) in ring.iter().enumerate() {
                let (x, y) = proj.at(f64::from(lat), f64::from(lon + shift));
                let _ = write!(d, "{}{x:.1} {y:.1}", if k == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
    }
    d
}

/// The graticule over the projection's map: every 30° on a world map, every 10° on a region's.
pub(crate) fn graticule(out: &mut String, proj: &Projection) {
    let [px0, py0, px1, py1] = proj.plot;
    let step = if proj.world { 30.0 } else { 10.0 };
    let v = proj.view;
    let mut lon = (v.west / step).ceil() * step;
    while lon <= v.east {
        let (x, _) = proj.at(0.0, lon);
        let _ = writeln!(
            out,
            r#"<line x1="{x:.1}" y1="{py0:.1}" x2="{x:.1}" y2="{py1:.1}" stroke="{GRATICULE}" stroke-width="1"/>"#
        );
        lon += step;
    }
    let mut lat = (v.south / step).ceil() * step;
    while lat <= v.north {
        let (_, y) = proj.at(lat, 0.0);
        let _ = writeln!(
            out,
            r#"<line x1="{px0:.1}" y1="{y:.1}" x2="{px1:.1}" y2="{y:.1}" stroke="{GRATICULE}" stroke-width="1"/>"#
        );
        lat += step;
    }
}

/// The land within the projection's view, outlined.
pub(crate) fn land(out: &mut String, proj: &Projection) {
    let _ = writeln!(
        out,
        r#"<path d="{}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.8" stroke-linejoin="round"/>"#,
        land_path(proj)
    );
}

/// A route through `points`, shifted `dx` px (a world map's turn), in a colour and width, dashed
/// for a suspended link.
pub(crate) fn route(out: &mut String, points: &[(f32, f32)], dx: f32, (colour, width): (&str, f32), dashed: bool) {
    let mut d = String::new();
    for (k, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{:.1} {y:.1}", if k == 0 { "M" } else { "L" }, x + dx);
    }
    let dash = if dashed { r#" stroke-dasharray="6 5""# } else { "" };
    let _ = writeln!(
        out,
        r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linecap="round" stroke-opacity="0.85"{dash}/>"#
    );
}

/// The thin line from a marker to its label, where the label was moved away from it.
pub(crate) fn leader(out: &mut String, m: &Marker) {
    if let Some(label) = m.label.as_ref().filter(|l| l.leader) {
        let b = &label.bounds;
        let (lx, ly) = (label.x.clamp(b[0], b[2]), (b[1] + b[3]) / 2.0);
        let _ = writeln!(
            out,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{lx:.1}" y2="{ly:.1}" stroke="{MUTED}" stroke-width="1"/>"#,
            m.x, m.y
        );
    }
}

/// A partner's marker: a dot of its link's colour.
pub(crate) fn partner_marker(out: &mut String, x: f32, y: f32, colour: &str) {
    let _ =
        writeln!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="6" fill="{colour}" stroke="{WHITE}" stroke-width="2"/>"#);
}

/// A home's marker: a dark diamond.
pub(crate) fn home_marker(out: &mut String, x: f32, y: f32) {
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="14" height="14" fill="{INK}" stroke="{WHITE}" stroke-width="2" transform="rotate(45 {x:.1} {y:.1})"/>"#,
        x - 7.0,
        y - 7.0,
    );
}

/// A marker's label, if it has one: bold ink on a white halo, at `size` px.
pub(crate) fn label(out: &mut String, m: &Marker, size: f32) {
    let Some(label) = &m.label else { return };
    let extra = format!(
        r#"text-anchor="{}" font-weight="bold" stroke="{WHITE}" stroke-width="4" stroke-linejoin="round" paint-order="stroke""#,
        anchor(label.anchor)
    );
    text(out, label.x, label.y, size, INK, &extra, &label.text);
}

/// The picture as SVG, with its labels in language `l`.
pub fn svg(dir: &Directory, l: Lang) -> String {
    let lay = layout(dir, l);
    let (w, h) = (WIDTH, lay.height);
    let proj = lay.proj;
    let [px0, py0, px1, py1] = lay.plot;
    let mut out = String::with_capacity(96 * 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILIES}">"#
    );
    let _ = writeln!(out, r#"<rect width="{w}" height="{h}" fill="{BACKGROUND}"/>"#);
    let homes: Vec<&str> = dir.homes.iter().map(|h| h.name_in(l)).collect();
    let title = l.t("map-title", &[("home", l.and_list(&homes).into())]);
    let title = fit(&title, 30.0, w as f32 - 2.0 * (MARGIN + 8.0));
    text(&mut out, MARGIN + 8.0, 48.0, 30.0, INK, r#"font-weight="bold""#, &title);
    // The key: the home marker, then a line of each kind of link drawn.
    let mut kx = MARGIN + 8.0;
    let key_y = 82.0;
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="{INK}" stroke="{WHITE}" stroke-width="2" transform="rotate(45 {:.1} {:.1})"/>"#,
        kx,
        key_y - 11.0,
        kx + 6.0,
        key_y - 5.0
    );
    let home_key = l.t("map-key-home", &[]);
    text(&mut out, kx + 20.0, key_y, 16.0, MUTED, "", &home_key);
    kx += 20.0 + text_width(&home_key, 16.0) + 30.0;
    let mut kinds: Vec<LinkKind> = lay.routes.iter().map(|r| dir.partners[r.partner].kind).collect();
    kinds.sort_by_key(|k| *k as u8);
    kinds.dedup();
    for kind in kinds {
        let _ = writeln!(
            out,
            r#"<line x1="{kx:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-width="3" stroke-linecap="round"/>"#,
            kx + 26.0,
            colour(kind),
            y = key_y - 5.0
        );
        let label = link_kind(l, kind);
        text(&mut out, kx + 34.0, key_y, 16.0, MUTED, "", &label);
        kx += 34.0 + text_width(&label, 16.0) + 30.0;
    }
    // The map, clipped to its rounded rectangle.
    let _ = writeln!(
        out,
        r#"<defs><clipPath id="plot"><rect x="{px0:.1}" y="{py0:.1}" width="{:.1}" height="{:.1}" rx="10"/></clipPath></defs>"#,
        px1 - px0,
        py1 - py0
    );
    out.push_str("<g clip-path=\"url(#plot)\">\n");
    let _ = writeln!(
        out,
        r#"<rect x="{px0:.1}" y="{py0:.1}" width="{:.1}" height="{:.1}" fill="{OCEAN}"/>"#,
        px1 - px0,
        py1 - py0
    );
    graticule(&mut out, &proj);
    land(&mut out, &proj);
    // The routes, then the leader lines, the markers and the labels on top. On a world map, a
    // route that runs past an edge comes in again from the other (one turn of the world apart).
    let turn = px1 - px0;
    let shifts: &[f32] = if proj.world { &[-turn, 0.0, turn] } else { &[0.0] };
    for (r, &dx) in lay.routes.iter().flat_map(|r| shifts.iter().map(move |dx| (r, dx))) {
        if !r.points.iter().any(|&(x, _)| x + dx >= px0 && x + dx <= px1) {
            continue;
        }
        let p = &dir.partners[r.partner];
        route(&mut out, &r.points, dx, (colour(p.kind), 2.5), p.suspended.is_some());
    }
    for m in lay.homes.iter().chain(&lay.partners) {
        leader(&mut out, m);
    }
    for m in &lay.partners {
        let p = &dir.partners[m.partner.expect("a partner")];
        partner_marker(&mut out, m.x, m.y, colour(p.kind));
    }
    for m in &lay.homes {
        home_marker(&mut out, m.x, m.y);
    }
    for m in lay.homes.iter().chain(&lay.partners) {
        let size = if m.partner.is_some() { LABEL_SIZE } else { HOME_LABEL_SIZE };
        label(&mut out, m, size);
    }
    out.push_str("</g>\n");
    // Under the map: the partners left off or without a label, and the credit for the land.
    for line in &lay.notes {
        text(&mut out, line.x, line.y, NOTE_SIZE, MUTED, "", &line.text);
    }
    text(&mut out, px1 - 4.0, py1 + 26.0, NOTE_SIZE - 1.0, MUTED, r#"text-anchor="end""#, &l.t("map-credit", &[]));
    out.push_str("</svg>\n");
    out
}

/// The picture as PNG.
pub fn png(dir: &Directory, l: Lang) -> Result<Vec<u8>, super::PictureError> {
    super::png(&svg(dir, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_land_file_is_read_whole() {
        let (rings, points) = land_size();
        assert!(rings > 100 && points > 5000, "{rings} rings, {points} points");
        let rings = parse_land("# comment\n0,0 10,0 10,10 0,10\n\n1,1 2\n");
        assert_eq!(rings.len(), 1, "a line without three points is skipped");
        assert_eq!(rings[0].1, [0.0, 0.0, 10.0, 10.0]);
    }

    #[test]
    fn great_circles_bend_towards_the_pole_and_cross_the_antimeridian() {
        // Leeds to Hangzhou: the shortest way passes far north of both.
        let route = great_circle((53.8, -1.55), (30.29, 120.16));
        let northmost = route.iter().map(|p| p.0).fold(f64::MIN, f64::max);
        assert!(northmost > 60.0, "{northmost}");
        assert_eq!(route.len(), SEGMENTS + 1);
        assert!((route[SEGMENTS].0 - 30.29).abs() < 1e-6 && (route[SEGMENTS].1 - 120.16).abs() < 1e-6);
        // Tokyo to San Francisco: eastwards over the Pacific, longitudes past 180 without a jump.
        let route = great_circle((35.68, 139.69), (37.77, -122.42));
        assert!(route.windows(2).all(|w| (w[1].1 - w[0].1).abs() < 10.0), "continuous");
        assert!((route[SEGMENTS].1 - (360.0 - 122.42)).abs() < 1e-6, "{:?}", route[SEGMENTS]);
    }

    #[test]
    fn labels_take_free_room_first() {
        let plot = [0.0, 0.0, 1000.0, 600.0];
        let free = place_label(500.0, 300.0, "Dortmund", 16.0, &plot, &[]).unwrap();
        assert_eq!((free.anchor, free.leader), (Anchor::Start, false), "to the right when free");
        let blocked = place_label(500.0, 300.0, "Siegen", 16.0, &plot, &[free.bounds]).unwrap();
        assert_eq!(overlap(&blocked.bounds, &free.bounds), 0.0);
        let edge = place_label(995.0, 300.0, "Dortmund", 16.0, &plot, &[]).unwrap();
        assert_eq!(edge.anchor, Anchor::End, "at the right edge, to the left");
        // No free room: no label (it is named under the map), rather than one over another.
        let everywhere = [[0.0, 0.0, 1000.0, 290.0], [0.0, 310.0, 1000.0, 600.0], [0.0, 0.0, 490.0, 600.0]];
        assert_eq!(place_label(500.0, 300.0, "Dortmund", 16.0, &plot, &everywhere), None);
    }
}
