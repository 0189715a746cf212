//! Cost of each stage on a directory of letters: `cargo run --release --example extract_cost -- DIR`.

use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: extract_cost DIR");
        return;
    };
    let extractors = match kst::extract::Extractors::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let mut texts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten().take(500) {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let (mut n, mut c, mut a, mut p) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    for t in &texts {
        let s = Instant::now();
        let norm = kst::normalize::normalize(t);
        n += s.elapsed();
        let doc = kst::extract::Doc {
            id: "x",
            date: Some("2021-10-18"),
            norm: &norm,
        };
        let s = Instant::now();
        let _ = extractors.citations.extract(&doc);
        c += s.elapsed();
        let s = Instant::now();
        let _ = extractors.articles.extract(&doc);
        a += s.elapsed();
        let s = Instant::now();
        let _ = extractors.positions.extract(&doc);
        p += s.elapsed();
    }
    let per = |d: Duration| d.as_secs_f64() * 1000.0 / texts.len().max(1) as f64;
    println!("{} letters, ms per letter: normalize {:.2}, citations {:.2}, articles {:.2}, positions {:.2}", texts.len(), per(n), per(c), per(a), per(p));
}
