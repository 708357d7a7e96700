//! How long drawing a picture takes and how large it is: the timeline and the map of Leeds (7
//! partners) and of Leeds and Dortmund together (18 partners), in English and Chinese, 50 times each after a
//! warm-up, in this process (each step timed) and as the bot draws it, through the
//! `twinbot-render` program (a process started per picture). Prints figures; the budgets are
//! 50 ms and 300 KB a picture.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use twinbot::core::data::Directory;
use twinbot::core::i18n;
use twinbot::pictures::{self, map, timeline};

/// Draws a picture's SVG.
type Draw<'a> = dyn Fn(&Directory, i18n::Lang) -> String + 'a;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let renderer = PathBuf::from(env!("CARGO_BIN_EXE_twinbot-render"));
    pictures::draw_in_process();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let leeds = Directory::load(&[root.join("data/leeds.toml")]).unwrap();
    let both = Directory::load(&[root.join("data/leeds.toml"), root.join("data/dortmund.toml")]).unwrap();
    let timeline_svg = |dir: &Directory, l: i18n::Lang| timeline::svg(dir, l, today);
    let map_svg = |dir: &Directory, l: i18n::Lang| map::svg(dir, l);
    let pictures: [(&str, &Draw); 2] = [("timeline", &timeline_svg), ("map", &map_svg)];
    for (picture, draw) in pictures {
        for (name, dir) in [("leeds", &leeds), ("leeds+dortmund", &both)] {
            for code in ["en-GB", "zh-CN"] {
                let l = i18n::lang(code).unwrap();
                let _ = pictures::png(&draw(dir, l)).unwrap();
                let mut times: Vec<Duration> = Vec::new();
                let mut steps = [Duration::ZERO; 4];
                let mut size = 0;
                for _ in 0..50 {
                    let t = Instant::now();
                    let svg = draw(dir, l);
                    let drawn = t.elapsed();
                    let (png, [parse, render, encode]) = pictures::raster::png_timed(&svg).unwrap();
                    size = png.len();
                    times.push(t.elapsed());
                    for (s, d) in steps.iter_mut().zip([drawn, parse, render, encode]) {
                        *s += d;
                    }
                }
                times.sort();
                let ms = |d: Duration| d.as_secs_f64() * 1e3;
                println!(
                    "{picture} {name} {code}: p50 {:.1} ms, max {:.1} ms, {} KB, {} partners (budget 50 ms, 300 KB)",
                    ms(times[times.len() / 2]),
                    ms(*times.last().unwrap()),
                    size.div_ceil(1024),
                    dir.partners.len()
                );
                let avg = |d: Duration| ms(d) / times.len() as f64;
                println!(
                    "  mean per step: SVG {:.1} ms, parse and text layout {:.1} ms, draw {:.1} ms, PNG {:.1} ms",
                    avg(steps[0]),
                    avg(steps[1]),
                    avg(steps[2]),
                    avg(steps[3])
                );
                let mut through: Vec<Duration> = (0..50)
                    .map(|_| {
                        let t = Instant::now();
                        let png = pictures::png_with(&renderer, &draw(dir, l)).unwrap();
                        assert_eq!(png.len(), size, "the renderer draws the same picture");
                        t.elapsed()
                    })
                    .collect();
                through.sort();
                println!(
                    "  through twinbot-render: p50 {:.1} ms, max {:.1} ms",
                    ms(through[through.len() / 2]),
                    ms(*through.last().unwrap())
                );
            }
        }
    }
}
