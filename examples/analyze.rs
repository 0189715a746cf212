//! Show how the Dutch analyzer indexes words: `cargo run --example analyze -- gezichtsherkenningscamera`.

fn main() {
    let decompounder = match kst::index::compound::Decompounder::new() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    for w in std::env::args().skip(1) {
        let folded = kst::index::analyzer::fold(&w);
        let parts = decompounder.parts(&folded);
        println!(
            "{w} -> stem {} | parts {:?}",
            kst::index::analyzer::stem(&folded),
            parts
        );
    }
}
