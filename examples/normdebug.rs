//! Print the structure normalization finds in files: `cargo run --example normdebug -- corpus/*.txt`.
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let doc = kst::normalize::normalize(&raw);
        let markers: Vec<_> = doc
            .footnotes
            .iter()
            .map(|f| (f.marker.clone(), f.sentence.is_some()))
            .collect();
        println!(
            "{path}: {} blocks, {} headings, {} sentences, footnotes {:?}",
            doc.blocks.len(),
            doc.blocks
                .iter()
                .filter(|b| b.kind == kst::normalize::BlockKind::Heading)
                .count(),
            doc.sentences.len(),
            markers
        );
        for b in doc
            .blocks
            .iter()
            .filter(|b| b.kind == kst::normalize::BlockKind::Heading)
        {
            println!("   H: {}", doc.slice(b.span));
        }
    }
}
