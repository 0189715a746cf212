//! Dutch compound splitting (stub until the dictionary lands).

/// Splits Dutch compounds into the dictionary words they are made of.
pub struct Decompounder {}

impl Decompounder {
    pub fn bundled() -> &'static Decompounder {
        static D: Decompounder = Decompounder {};
        &D
    }

    pub fn parts(&self, _word: &str) -> Vec<String> {
        Vec::new()
    }
}
