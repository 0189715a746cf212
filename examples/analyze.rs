//! Show how the Dutch analyzer indexes words: `cargo run --example analyze -- gezichtsherkenning`.
fn main() {
    for w in std::env::args().skip(1) {
        println!(
            "{w} -> {:?}",
            kst::index::analyzer::analyze_word(&w, kst::index::analyzer::Mode::Words)
        );
    }
}
