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

use super::compound::{Decompounder, MIN_SPLIT_CHARS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{Arc, LazyLock, RwLock};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name of the analyzer of `body` and `title` in the index's tokenizer manager.
pub const WORDS: &str = "kst_nl";
/// Name of the analyzer of `parts`.
pub const PARTS: &str = "kst_nl_parts";

/// Longest token indexed; longer runs (hashes, URLs glued together) are skipped.
const MAX_TOKEN_BYTES: usize = 60;
/// Distinct words cached per tokenizer before its cache is emptied.
const CACHE_LIMIT: usize = 200_000;
/// Distinct words kept in the process-wide cache of a mode; beyond it new words are analysed
/// but not added (the first words seen are the frequent ones).
const SHARED_LIMIT: usize = 400_000;
/// Words up to this many bytes are cache keys stored inline (no pointer to chase on lookup).
const INLINE_KEY_BYTES: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One term per word: its stem.
    Words,
    /// For each compound word, the stems of its parts (the word itself is not emitted).
    Parts,
}

/// The analysis of every word seen in this process, per mode. tantivy clones the registered
/// tokenizer for every segment it writes and every snippet generator, so a cache that lived
/// only in the tokenizer would start cold each time (profiled: stemming cache misses were a
/// third of a warm search, most of it for snippets). Tokenizers consult this one on a miss of
/// their own lock-free cache, which keeps the lock off the per-token path.
static SHARED: LazyLock<[SharedCache; 2]> =
    LazyLock::new(|| [RwLock::new(HashMap::new()), RwLock::new(HashMap::new())]);

/// Word → its terms joined by NUL.
type SharedCache = RwLock<HashMap<Box<str>, Box<str>>>;

/// A word of at most [`INLINE_KEY_BYTES`] bytes, zero-padded (words hold no NUL: they are runs
/// of alphanumeric characters).
#[derive(Clone, Copy, PartialEq, Eq)]
struct InlineKey([u64; INLINE_KEY_BYTES / 8]);

impl InlineKey {
    fn new(word: &str) -> Option<InlineKey> {
        let bytes = word.as_bytes();
        if bytes.len() > INLINE_KEY_BYTES {
            return None;
        }
        let mut buf = [0u8; INLINE_KEY_BYTES];
        buf[..bytes.len()].copy_from_slice(bytes);
        let mut words = [0u64; INLINE_KEY_BYTES / 8];
        for (w, chunk) in words.iter_mut().zip(buf.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *w = u64::from_le_bytes(b);
        }
        Some(InlineKey(words))
    }
}

impl Hash for InlineKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for w in self.0 {
            state.write_u64(w);
        }
    }
}

/// The Fx hash (as in rustc): a multiply and a rotate per word. The cache is hit for every
/// token, and SipHash's DoS resistance buys nothing for words of one's own corpus.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, w: u64) {
        self.add(w);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;

/// Where a word's terms lie in [`Cache::arena`]: terms joined by NUL, empty for none.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

/// A tokenizer's own cache: word → its terms, with the terms in one arena string.
#[derive(Default)]
struct Cache {
    short: HashMap<InlineKey, Span, Fx>,
    long: HashMap<Box<str>, Span, Fx>,
    arena: String,
}

impl Cache {
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
        self.arena.clear();
    }

    fn get(&self, key: Option<&InlineKey>, word: &str) -> Option<Span> {
        match key {
            Some(k) => self.short.get(k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, key: Option<InlineKey>, word: &str, joined: &str) -> Span {
        let span = Span {
            start: self.arena.len() as u32,
            len: joined.len() as u32,
        };
        self.arena.push_str(joined);
        match key {
            Some(k) => self.short.insert(k, span),
            None => self.long.insert(word.into(), span),
        };
        span
    }

    fn terms(&self, span: Span) -> impl Iterator<Item = &str> {
        let s = &self.arena[span.start as usize..(span.start + span.len) as usize];
        s.split('\0').filter(|t| !t.is_empty())
    }
}

/// The terms of `word` joined by NUL, from the process-wide cache or analysed now.
fn shared_analysis(word: &str, mode: Mode, decompounder: Option<&Decompounder>) -> String {
    let shared = &SHARED[mode as usize];
    if let Ok(map) = shared.read() {
        if let Some(joined) = map.get(word) {
            return joined.to_string();
        }
    }
    let joined = analyze_word(word, mode, decompounder).join("\0");
    if let Ok(mut map) = shared.write() {
        if map.len() < SHARED_LIMIT {
            map.insert(word.into(), joined.as_str().into());
        }
    }
    joined
}

pub struct DutchTokenizer {
    mode: Mode,
    /// Needed in [`Mode::Parts`] only.
    decompounder: Option<Arc<Decompounder>>,
    cache: Cache,
    tokens: Vec<Token>,
}

/// A clone starts with an empty cache of its own (it still shares the process-wide one):
/// cloning the cache would copy up to [`CACHE_LIMIT`] words for every segment tantivy writes.
impl Clone for DutchTokenizer {
    fn clone(&self) -> DutchTokenizer {
        DutchTokenizer {
            mode: self.mode,
            decompounder: self.decompounder.clone(),
            cache: Cache::default(),
            tokens: Vec::new(),
        }
    }
}

impl DutchTokenizer {
    /// The analyzer of whole words.
    pub fn words() -> DutchTokenizer {
        DutchTokenizer {
            mode: Mode::Words,
            decompounder: None,
            cache: Cache::default(),
            tokens: Vec::new(),
        }
    }

    /// The analyzer of compound parts. The process-wide cache assumes one lexicon per process
    /// (the bundled one); the decompounder is passed in so that it is built once, at index open.
    pub fn parts(decompounder: Arc<Decompounder>) -> DutchTokenizer {
        DutchTokenizer {
            mode: Mode::Parts,
            decompounder: Some(decompounder),
            cache: Cache::default(),
            tokens: Vec::new(),
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

/// The terms one word yields in a mode: its stem, or the stems of its compound parts.
pub fn analyze_word(word: &str, mode: Mode, decompounder: Option<&Decompounder>) -> Vec<String> {
    let folded = fold(word);
    match (mode, decompounder) {
        (Mode::Words, _) => vec![stem(&folded)],
        (Mode::Parts, Some(d)) => d.parts(&folded).iter().map(|p| stem(p)).collect(),
        (Mode::Parts, None) => Vec::new(),
    }
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
        if self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
        }
        // Tokens are reused between calls, so their text buffers are not reallocated.
        let mut used = 0;
        for (position, (start, end)) in words(text).enumerate() {
            let word = &text[start..end];
            if word.len() > MAX_TOKEN_BYTES {
                continue;
            }
            // Too short to be split (most words are): no parts, and no cache lookup to learn so.
            // Only for ASCII, whose lower case has as many characters.
            if self.mode == Mode::Parts && word.len() < MIN_SPLIT_CHARS && word.is_ascii() {
                continue;
            }
            let key = InlineKey::new(word);
            let span = match self.cache.get(key.as_ref(), word) {
                Some(span) => span,
                None => {
                    let joined = shared_analysis(word, self.mode, self.decompounder.as_deref());
                    self.cache.insert(key, word, &joined)
                }
            };
            for term in self.cache.terms(span) {
                if used == self.tokens.len() {
                    self.tokens.push(Token::default());
                }
                let token = &mut self.tokens[used];
                token.offset_from = start;
                token.offset_to = end;
                token.position = position;
                token.position_length = 1;
                token.text.clear();
                token.text.push_str(term);
                used += 1;
            }
        }
        VecTokenStream {
            tokens: &mut self.tokens[..used],
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

    fn tokenizer(mode: Mode) -> DutchTokenizer {
        match mode {
            Mode::Words => DutchTokenizer::words(),
            Mode::Parts => DutchTokenizer::parts(Arc::new(Decompounder::new().unwrap())),
        }
    }

    fn terms(text: &str, mode: Mode) -> Vec<String> {
        let mut t = tokenizer(mode);
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

    /// The cached path (inline keys, long keys, the shared cache, reused tokens) gives
    /// exactly the terms of analysing each word afresh.
    /// (Also on the bundled letters: the parts analyzer passes over short words without
    /// asking, which must not change a term or a position.)
    #[test]
    fn cached_analysis_equals_fresh_analysis() {
        let sample = "Gezichtsherkenning gezichtsherkenning GEÏNTRODUCEERD verordeningen \
            kinderopvangtoeslagaffairehersteloperatiecommissievergadering \
            kinderopvangtoeslagaffairehersteloperatiecommissievergaderingen \
            camera's 2021 nr 665 AI-verordening één gezichtsherkenning zorgwet ÏNTEGRAAL";
        let mut letters = String::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).expect("bundled corpus").flatten() {
            letters.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        assert!(letters.len() > 50_000, "{}", letters.len());
        let decompounder = Decompounder::new().unwrap();
        for text in [sample, letters.as_str()] {
            for mode in [Mode::Words, Mode::Parts] {
                let expected: Vec<(usize, String)> = words(text)
                    .enumerate()
                    .filter(|(_, (s, e))| e - s <= MAX_TOKEN_BYTES)
                    .flat_map(|(i, (s, e))| {
                        analyze_word(&text[s..e], mode, Some(&decompounder))
                            .into_iter()
                            .map(move |t| (i, t))
                    })
                    .collect();
                let mut t = tokenizer(mode);
                for _ in 0..3 {
                    assert!(terms_with(&mut t, text) == expected, "{mode:?}");
                    // A clone starts with an empty cache of its own and agrees too.
                    assert!(terms_with(&mut t.clone(), text) == expected, "{mode:?}");
                }
            }
        }
    }

    /// Reused tokens must not leak from a longer earlier text into a shorter later one.
    #[test]
    fn a_shorter_text_after_a_longer_one_yields_only_its_own_tokens() {
        let mut t = DutchTokenizer::words();
        assert_eq!(
            terms_with(&mut t, "de openbare ruimte is van iedereen").len(),
            6
        );
        let ruimte: Vec<String> = terms_with(&mut t, "ruimte")
            .into_iter()
            .map(|(_, term)| term)
            .collect();
        assert_eq!(ruimte, terms("ruimte", Mode::Words));
        assert!(terms_with(&mut t, " -- ").is_empty());
    }

    fn terms_with(t: &mut DutchTokenizer, text: &str) -> Vec<(usize, String)> {
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().position, s.token().text.clone()));
        }
        out
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
