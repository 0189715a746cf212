//! Fingerprint of everything that decides what kst extracts from a file (the normalizer, the
//! extractors, the ingesters and their data), so that re-indexing an unchanged file with a kst
//! whose extraction changed replaces its records instead of keeping stale ones.

use std::hash::Hasher;
use std::path::Path;

fn visit(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn main() {
    let roots = [
        "src/normalize",
        "src/extract",
        "src/ingest",
        "src/pipeline.rs",
        "src/record.rs",
        "data",
    ];
    let mut files = Vec::new();
    for root in roots {
        println!("cargo:rerun-if-changed={root}");
        let p = Path::new(root);
        if p.is_dir() {
            visit(p, &mut files);
        } else {
            files.push(p.to_path_buf());
        }
    }
    files.sort();
    // FNV-1a: stable across Rust versions, unlike std's DefaultHasher.
    let mut h = Fnv(0xcbf29ce484222325);
    for f in files {
        h.write(f.to_string_lossy().as_bytes());
        if let Ok(bytes) = std::fs::read(&f) {
            h.write(&bytes);
        }
    }
    println!(
        "cargo:rustc-env=KST_EXTRACTION_FINGERPRINT={:016x}",
        h.finish()
    );
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}
