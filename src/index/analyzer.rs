//! The Dutch analyzer: words → lower-cased, diacritics folded, Snowball-stemmed terms; and a
//! second analysis that emits the parts of compounds, so that `camera` finds
//! "gezichtsherkenningscamera's".
//!
//! Two fields use them: `body` holds the stems of the words as written (phrases work there),
//! `parts` holds only the stems of compound parts, at the position of their compound. A query
//! searches both, `body` boosted, so exact-word matches rank first. The query side of `parts`
//! analyses the query words as whole words ([`Mode::Words`]): a query word matches a part.
//!
//! One tokenizer does the whole chain instead of tantivy's filter stack because it caches the
//! analysis per distinct word: the vocabulary of a corpus is small and Zipfian, so stemming
//! and splitting every occurrence afresh would cost most of the indexing time.

use super::compound::Decompounder;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name of the analyzer of `body` and `title` in the index's tokenizer manager.
pub const WORDS: &str = "kst_nl";
/// Name of the analyzer of `parts`.
pub const PARTS: &str = "kst_nl_parts";

/// Longest token indexed; longer runs (hashes, URLs glued together) are skipped.
const MAX_TOKEN_BYTES: usize = 60;
/// Distinct words cached per tokenizer before the cache is emptied.
const CACHE_LIMIT: usize = 200_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One term per word: its stem.
    Words,
    /// For each compound word, the stems of its parts (the word itself is not emitted).
    Parts,
}

#[derive(Clone)]
pub struct DutchTokenizer {
    mode: Mode,
    /// Needed in [`Mode::Parts`] only.
    decompounder: Option<Arc<Decompounder>>,
    cache: HashMap<String, Vec<String>>,
    tokens: Vec<Token>,
}

impl DutchTokenizer {
    /// The analyzer of whole words.
    pub fn words() -> DutchTokenizer {
        DutchTokenizer {
            mode: Mode::Words,
            decompounder: None,
            cache: HashMap::new(),
            tokens: Vec::new(),
        }
    }

    /// The analyzer of compound parts.
    pub fn parts(decompounder: Arc<Decompounder>) -> DutchTokenizer {
        DutchTokenizer {
            mode: Mode::Parts,
            decompounder: Some(decompounder),
            cache: HashMap::new(),
            tokens: Vec::new(),
        }
    }

    /// The terms one word yields.
    fn analyze(&self, word: &str) -> Vec<String> {
        let folded = fold(word);
        match (self.mode, &self.decompounder) {
            (Mode::Words, _) => vec![stem(&folded)],
            (Mode::Parts, Some(d)) => d.parts(&folded).iter().map(|p| stem(p)).collect(),
            (Mode::Parts, None) => Vec::new(),
        }
    }
}

/// Lower-case and fold diacritics ("Geïntroduceerd" → "geintroduceerd").
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            out.push(match l {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ý' | 'ÿ' => 'y',
                'ç' => 'c',
                'ñ' => 'n',
                other => other,
            });
        }
    }
    out
}

thread_local! {
    static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::DutchPorter);
}

/// The Snowball Dutch stem of a folded word. The classic Snowball Dutch algorithm (as in
/// Lucene), not the 2025 one, which strips "ge-" and so makes "gezicht" (face) "zicht" (sight).
pub fn stem(folded: &str) -> String {
    STEMMER.with(|s| s.stem(folded).into_owned())
}

/// Byte ranges of the words of `text`: maximal runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = iter.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            iter.next();
        }
        Some((start, end))
    })
}

impl Tokenizer for DutchTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        self.tokens.clear();
        if self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
        }
        for (position, (start, end)) in words(text).enumerate() {
            let word = &text[start..end];
            if word.len() > MAX_TOKEN_BYTES {
                continue;
            }
            if !self.cache.contains_key(word) {
                let terms = self.analyze(word);
                self.cache.insert(word.to_string(), terms);
            }
            let terms = self.cache.get(word).map(Vec::as_slice).unwrap_or_default();
            for term in terms {
                self.tokens.push(Token {
                    offset_from: start,
                    offset_to: end,
                    position,
                    text: term.clone(),
                    position_length: 1,
                });
            }
        }
        VecTokenStream {
            tokens: &mut self.tokens,
            index: None,
        }
    }
}

pub struct VecTokenStream<'a> {
    tokens: &'a mut [Token],
    index: Option<usize>,
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let next = self.index.map_or(0, |i| i + 1);
        self.index = Some(next);
        next < self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .index
            .unwrap_or(0)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .index
            .unwrap_or(0)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, mode: Mode) -> Vec<String> {
        let mut t = match mode {
            Mode::Words => DutchTokenizer::words(),
            Mode::Parts => DutchTokenizer::parts(Arc::new(Decompounder::new().unwrap())),
        };
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        assert_eq!(
            terms("Geïnformeerd", Mode::Words),
            terms("geinformeerd", Mode::Words)
        );
        assert_eq!(
            terms("verordeningen", Mode::Words),
            terms("verordening", Mode::Words)
        );
        assert_eq!(terms("AI-verordening camera's", Mode::Words).len(), 4);
    }

    #[test]
    fn compound_parts_are_stemmed_and_the_word_itself_is_not_repeated() {
        let parts = terms("gezichtsherkenningscamera's", Mode::Parts);
        assert!(parts.contains(&stem("camera")), "{parts:?}");
        assert!(parts.contains(&stem("gezichtsherkenning")), "{parts:?}");
        assert!(
            !parts.contains(&stem("gezichtsherkenningscamera")),
            "{parts:?}"
        );
        assert!(terms("beleid", Mode::Parts).is_empty());
    }

    #[test]
    fn positions_and_offsets_follow_the_text() {
        let mut t = DutchTokenizer::words();
        let mut s = t.token_stream("de «openbare» ruimte");
        let mut seen = Vec::new();
        while s.advance() {
            seen.push((
                s.token().position,
                s.token().offset_from,
                s.token().offset_to,
            ));
        }
        assert_eq!(seen, vec![(0, 0, 2), (1, 5, 13), (2, 16, 22)]);
    }
}
