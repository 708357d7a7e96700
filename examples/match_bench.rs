//! The city-name matching benchmark: loads the city table into the directory model the bot
//! uses, runs every query through the bot's resolver, and prints one figure per line.
//!
//! `cargo run --release --example match_bench` (the shipped gazetteer and queries), or
//! `cargo run --release --example match_bench -- CITIES.tsv QUERIES.tsv`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes, to report the index's memory.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new as isize - l.size() as isize, Ordering::Relaxed);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (cities_path, queries_path) = match args.as_slice() {
        [_] => (root.join("data/gazetteer/cities15000.tsv.gz"), root.join("benches/data/queries.tsv")),
        [_, c, q] => (c.into(), q.into()),
        _ => {
            eprintln!("usage: match_bench [CITIES.tsv[.gz] QUERIES.tsv] (default: the shipped gazetteer and queries)");
            std::process::exit(2);
        }
    };
    let cities_path = cities_path.as_path();
    let raw = std::fs::read(cities_path).expect("read cities");
    let cities = if cities_path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&raw[..]), &mut text).expect("gzip");
        text
    } else {
        String::from_utf8(raw).expect("UTF-8")
    };
    let queries = std::fs::read_to_string(&queries_path).expect("read queries");

    let before = LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let table = twinbot::core::gazetteer::city_table(cities_path, &cities).expect("valid city table");
    let (dir, ids) = (twinbot::core::catalog::Catalog::new(table.dir), table.ids);
    let load = t.elapsed();
    let with_model = LIVE.load(Ordering::Relaxed);
    // The index alone: build it again from the loaded model, timed and measured on its own.
    let t = Instant::now();
    let matcher = twinbot::core::matcher::Matcher::build(&dir.homes, &dir.partners);
    let build = t.elapsed();
    let index_bytes = LIVE.load(Ordering::Relaxed) - with_model;
    let names: usize = dir.partners.iter().map(|p| 1 + p.aliases.len()).sum();

    let mut hit = std::collections::BTreeMap::<String, (usize, usize)>::new();
    let mut lat = Vec::new();
    let mut by_kind = std::collections::BTreeMap::<String, Vec<std::time::Duration>>::new();
    for line in queries.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (kind, query, want) = (f[0], f[1], f[2].parse::<u64>().expect("expected id"));
        let t = Instant::now();
        let ok = if kind == "prefix" {
            // Autocomplete: the city among the first 25 suggestions.
            dir.matcher().complete(query, 25).iter().any(|&p| ids[p] == want)
        } else {
            dir.matcher().rank(query, 0.0, 1).first().is_some_and(|c| ids[c.partner] == want)
        };
        lat.push(t.elapsed());
        by_kind.entry(kind.to_string()).or_default().push(t.elapsed());
        if !ok && std::env::var("SHOW_FAILURES").is_ok_and(|k| k == kind) {
            let got = dir.matcher().rank(query, 0.0, 3);
            let want_idx = ids.iter().position(|&i| i == want).unwrap();
            let w = &dir.partners[want_idx];
            println!(
                "MISS {query:?} want {} ({:?}) got {:?}",
                w.name,
                w.population,
                got.iter()
                    .map(|c| format!(
                        "{} via {} {:.3} pop {:?}",
                        dir.partners[c.partner].name, c.via, c.score, dir.partners[c.partner].population
                    ))
                    .collect::<Vec<_>>()
            );
        }
        let e = hit.entry(kind.to_string()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    lat.sort();
    for (k, mut v) in by_kind {
        v.sort();
        let n = v.len();
        println!("latency {k}: p50={:?} p99={:?}", v[n / 2], v[n * 99 / 100]);
    }
    let pct = |p: f64| lat[((lat.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e6;
    let (mut all_hit, mut all) = (0, 0);
    println!("cities={} names={names} queries={}", dir.partners.len(), lat.len());
    for (kind, (h, n)) in &hit {
        println!("{kind}: {:.3}", *h as f64 / *n as f64);
        all_hit += h;
        all += n;
    }
    println!("overall: {:.3}", all_hit as f64 / all as f64);
    println!("latency_us p50={:.0} p99={:.0}", pct(0.50), pct(0.99));
    println!("build_ms={}", build.as_millis());
    println!("index_mb={:.1}", index_bytes as f64 / 1048576.0);
    println!(
        "(load_ms={} with the index; model and index together {:.1} MB)",
        load.as_millis(),
        (with_model - before) as f64 / 1048576.0
    );
    drop(matcher);
}
