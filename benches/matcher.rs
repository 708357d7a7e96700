//! Criterion benchmarks of the resolver: on Leeds' partners, and on the worldwide city directory
//! of the matching benchmark (`../shared/bench/cities.tsv`, or the file named by
//! `TWINBOT_CITIES`; skipped with a note when absent). `cargo bench --bench matcher`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use twinbot::core::catalog::Catalog;
use twinbot::core::gazetteer::city_table;

fn leeds(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = Catalog::load(&[root.join("data/leeds.toml")]).expect("Leeds data");
    let m = dir.matcher();
    let mut g = c.benchmark_group("leeds");
    for q in ["Dortmund", "dortmnud", "Brünn", "Харків", "germany", "paris", "d"] {
        g.bench_function(format!("resolve {q}"), |b| b.iter(|| m.resolve(black_box(q))));
    }
    g.bench_function("complete dor", |b| b.iter(|| m.complete(black_box("dor"), 25)));
    g.finish();
}

fn directory(c: &mut Criterion) {
    let path = std::env::var_os("TWINBOT_CITIES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/cities.tsv"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping the directory benchmarks: no city table at {}", path.display());
        return;
    };
    let dir = Catalog::new(city_table(&path, &text).expect("valid city table").dir);
    let m = dir.matcher();
    let mut g = c.benchmark_group("directory");
    g.sample_size(30);
    g.bench_function("build index", |b| {
        b.iter(|| twinbot::core::matcher::Matcher::build(black_box(&dir.homes), black_box(&dir.partners)))
    });
    for q in ["Dortmund", "dortmnud", "Bruenn", "sao paulo", "shimnooskei", "abtno rouge", "kharkov"] {
        g.bench_function(format!("rank {q}"), |b| b.iter(|| m.rank(black_box(q), 0.0, 1)));
    }
    for q in ["zaporizh", "lux", "sa"] {
        g.bench_function(format!("complete {q}"), |b| b.iter(|| m.complete(black_box(q), 25)));
    }
    g.finish();
}

criterion_group!(benches, leeds, directory);
criterion_main!(benches);
