//! What a position is about: the topics of `data/topics.toml`, found in the sentence and
//! inherited from its context.
//!
//! A sentence often does not name its subject: under the heading "4. Verbied biometrische
//! identificatie in de openbare ruimte" the sentence "Die benadering acht het kabinet in
//! beginsel juist" is about biometric identification. So topics come from the sentence, its
//! heading and its paragraph; a topic marked `section = true` (the subject of a letter or a
//! part of one) is also carried through its section, unless the nearer context names another
//! subject. In answers to parliamentary questions the answer also takes the topics of the
//! question it answers (source `question`). Each topic records where it came from, so a reader
//! can see why.

use super::clauses::lower_same_len;
use super::lexicon::{data_error, line_of, line_of_id};
use crate::normalize::{BlockKind, NormDoc};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

pub const TOPICS_FILE: &str = "data/topics.toml";
pub const TOPICS_TOML: &str = include_str!("../../../data/topics.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Share of a section's paragraphs that must name a subject topic for it to carry.
    #[serde(default = "default_share")]
    section_share: f64,
    topic: Vec<RawTopic>,
}

fn default_share() -> f64 {
    0.3
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    label: String,
    #[serde(default)]
    section: bool,
    terms: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counter: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label: String,
    /// Carried through a section (a subject topic).
    pub section: bool,
    pub terms: Vec<String>,
    pub not: Vec<String>,
    pub examples: Vec<String>,
    pub counter: Vec<String>,
}

/// The topic registry.
#[derive(Debug, Clone)]
pub struct Topics {
    pub topics: Vec<Topic>,
    /// Share of a section's paragraphs that must name a subject topic for it to carry.
    pub section_share: f64,
    /// Every term and `not` phrase of every topic, found in one pass over a text.
    phrases: Phrases,
}

/// The distinct terms and `not` phrases of the registry in one automaton.
#[derive(Debug, Clone)]
struct Phrases {
    ac: Option<AhoCorasick>,
    /// Per topic, the index of each of its terms and of each of its `not` phrases (`None`
    /// for an empty one).
    terms: Vec<Vec<usize>>,
    nots: Vec<Vec<Option<usize>>>,
    count: usize,
}

impl Phrases {
    fn new(topics: &[Topic]) -> Phrases {
        let mut index = std::collections::HashMap::new();
        let mut list: Vec<&str> = Vec::new();
        for t in topics {
            // An empty `not` phrase can exclude nothing (see `names_with`).
            for p in t.terms.iter().chain(&t.not).filter(|p| !p.is_empty()) {
                if !index.contains_key(p) {
                    index.insert(p.clone(), list.len());
                    list.push(p);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&list)
            .ok();
        let terms = topics
            .iter()
            .map(|t| {
                t.terms
                    .iter()
                    .filter_map(|p| index.get(p).copied())
                    .collect()
            })
            .collect();
        let nots = topics
            .iter()
            .map(|t| t.not.iter().map(|p| index.get(p).copied()).collect())
            .collect();
        Phrases {
            ac,
            terms,
            nots,
            count: list.len(),
        }
    }

    /// Where each phrase stands in `flat`, as `str::match_indices` finds it: left to right,
    /// each occurrence starting after the one before it ends. `None` when there is no
    /// automaton.
    fn occurrences(&self, flat: &str) -> Option<Vec<Vec<usize>>> {
        let ac = self.ac.as_ref()?;
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); self.count];
        let mut last_end = vec![0usize; self.count];
        // Overlapping search reports every occurrence; those of one phrase come in order.
        for m in ac.find_overlapping_iter(flat) {
            let i = m.pattern().as_usize();
            if found[i].is_empty() || m.start() >= last_end[i] {
                found[i].push(m.start());
                last_end[i] = m.end();
            }
        }
        Some(found)
    }
}

/// Topic ids around one body block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub heading: Vec<String>,
    pub paragraph: Vec<String>,
    /// Only the subject topics (`section = true`) of the section.
    pub section: Vec<String>,
}

/// Topics of one position with the source of each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub topics: Vec<String>,
    pub sources: Vec<String>,
}

impl Found {
    /// Add topics from another source; those already found keep their first source.
    pub fn add_all(&mut self, ids: &[String], source: &str) {
        for id in ids {
            self.add(id, source);
        }
    }

    fn add(&mut self, id: &str, source: &str) {
        if !self.topics.iter().any(|t| t == id) {
            self.topics.push(id.to_string());
            self.sources.push(source.to_string());
        }
    }
}

impl Topics {
    pub fn bundled() -> crate::Result<Topics> {
        Topics::parse(TOPICS_TOML, TOPICS_FILE)
    }

    pub fn parse(text: &str, path: &str) -> crate::Result<Topics> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            data_error(path, line, e.message().to_string())
        })?;
        let mut topics = Vec::new();
        for t in raw.topic {
            if t.id.trim().is_empty() || t.terms.iter().any(|x| x.trim().is_empty()) {
                return Err(data_error(
                    path,
                    line_of_id(text, &t.id),
                    format!("{}: empty id or term", t.id),
                ));
            }
            topics.push(Topic {
                id: t.id,
                label: t.label,
                section: t.section,
                terms: t.terms.iter().map(|x| x.to_lowercase()).collect(),
                not: t.not.iter().map(|x| x.to_lowercase()).collect(),
                examples: t.examples,
                counter: t.counter,
            });
        }
        if !(0.0..=1.0).contains(&raw.section_share) {
            return Err(data_error(
                path,
                line_of(text, text.find("section_share").unwrap_or(0)),
                "section_share must lie between 0 and 1".to_string(),
            ));
        }
        let phrases = Phrases::new(&topics);
        Ok(Topics {
            topics,
            section_share: raw.section_share,
            phrases,
        })
    }

    /// The topic with this id or label (case-insensitive), or whose terms include `name`.
    pub fn resolve(&self, name: &str) -> Option<&Topic> {
        let n = name.trim().to_lowercase();
        self.topics
            .iter()
            .find(|t| t.id == n || t.label.to_lowercase() == n)
            .or_else(|| self.topics.iter().find(|t| t.terms.contains(&n)))
    }

    /// Ids of the topics `text` names, in registry order.
    pub fn find(&self, text: &str) -> Vec<&Topic> {
        let flat = flatten(text);
        let Some(found) = self.phrases.occurrences(&flat) else {
            return self
                .topics
                .iter()
                .filter(|t| names_in(t, &flat, &slow_occurrences(t, &flat)))
                .collect();
        };
        let none: Vec<usize> = Vec::new();
        self.topics
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                let terms = self.phrases.terms[*i].iter().map(|&k| &found[k]).collect();
                let nots = self.phrases.nots[*i]
                    .iter()
                    .map(|k| k.map_or(&none, |k| &found[k]))
                    .collect();
                names_in(t, &flat, &Occurrences { terms, nots })
            })
            .map(|(_, t)| t)
            .collect()
    }

    /// The topics of the sentence `sentence` (an index into `doc.sentences`).
    pub fn for_sentence(&self, doc: &NormDoc, sentence: usize) -> Found {
        let Some(s) = doc.sentences.get(sentence) else {
            return Found::default();
        };
        let context = s.block.map(|b| self.context(doc, b)).unwrap_or_default();
        self.with_context(doc.slice(s.span), &context)
    }

    /// The topics around body block `block`: of its heading, itself and its section. Computed
    /// once per block by the extractor.
    pub fn context(&self, doc: &NormDoc, block: usize) -> Context {
        self.context_with(doc, block, &mut BlockTopics::default())
    }

    /// The topics named in body block `block`, found once per document.
    fn block_topics(&self, doc: &NormDoc, block: usize, memo: &mut BlockTopics) -> Vec<String> {
        memo.blocks
            .entry(block)
            .or_insert_with(|| {
                self.find(doc.slice(doc.blocks[block].span))
                    .into_iter()
                    .map(|t| t.id.clone())
                    .collect()
            })
            .clone()
    }

    /// [`Topics::context`] with the topics of blocks remembered across the blocks of one
    /// document: every block of a section reads the same section, and finding its topics
    /// anew for each block was quadratic in the section's length.
    pub fn context_with(&self, doc: &NormDoc, block: usize, memo: &mut BlockTopics) -> Context {
        let heading = heading_before(doc, block)
            .map(|h| self.block_topics(doc, h, memo))
            .unwrap_or_default();
        let paragraph = if block < doc.blocks.len() {
            self.block_topics(doc, block, memo)
        } else {
            Vec::new()
        };
        // A subject carries through a section only when it runs through it: named in at
        // least `section_share` of the section's paragraphs, not in one aside.
        let paragraphs = section_blocks(doc, block);
        let key = (paragraphs.first().copied().unwrap_or(0), paragraphs.len());
        let section = match memo.sections.get(&key) {
            Some(s) => s.clone(),
            None => {
                let found_in: Vec<Vec<String>> = paragraphs
                    .iter()
                    .map(|&i| self.block_topics(doc, i, memo))
                    .collect();
                let needed = ((paragraphs.len() as f64) * self.section_share)
                    .ceil()
                    .max(1.0) as usize;
                let section: Vec<String> = self
                    .topics
                    .iter()
                    .filter(|t| {
                        t.section && found_in.iter().filter(|f| f.contains(&t.id)).count() >= needed
                    })
                    .map(|t| t.id.clone())
                    .collect();
                memo.sections.insert(key, section.clone());
                section
            }
        };
        Context {
            heading,
            paragraph,
            section,
        }
    }

    /// The topics of `sentence` within its `context`.
    pub fn with_context(&self, sentence: &str, context: &Context) -> Found {
        let mut found = Found::default();
        let own: Vec<String> = self
            .find(sentence)
            .into_iter()
            .map(|t| t.id.clone())
            .collect();
        for (list, source) in [
            (&own, "sentence"),
            (&context.heading, "heading"),
            (&context.paragraph, "paragraph"),
        ] {
            for t in list.iter() {
                found.add(t, source);
            }
        }
        let is_subject = |id: &String| self.topics.iter().any(|t| t.id == *id && t.section);
        let has_subject = own
            .iter()
            .chain(&context.heading)
            .chain(&context.paragraph)
            .any(is_subject);
        if !has_subject {
            for t in &context.section {
                found.add(t, "section");
            }
        }
        found
    }
}

/// Topics found per body block of one document, and the subject topics of each section
/// (by its first block and length): every block of a section reads the same section.
#[derive(Debug, Default)]
pub struct BlockTopics {
    blocks: std::collections::HashMap<usize, Vec<String>>,
    sections: std::collections::HashMap<(usize, usize), Vec<String>>,
}

/// Longest block read as a heading.
const MAX_HEADING_BYTES: usize = 320;

/// Whether block `i` reads as a heading: marked so by normalization, or a short paragraph of
/// its own that does not end like prose ("4. Verbied biometrische identificatie in de openbare
/// ruimte – niet alleen voor opsporing", which text from PDFs often leaves unmarked).
pub fn is_heading_like(doc: &NormDoc, i: usize) -> bool {
    let Some(b) = doc.blocks.get(i) else {
        return false;
    };
    if b.kind == BlockKind::Heading {
        return true;
    }
    let text = doc.slice(b.span).trim();
    // Sixteen words fit in far fewer bytes: a long block is prose, and is not scanned (this
    // runs for many blocks per sentence; scanning a long block each time was quadratic).
    if text.len() > MAX_HEADING_BYTES {
        return false;
    }
    // A section number ("4. Verbied ...") is not the end of a sentence.
    let text = text
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    let words = text.split_whitespace().count();
    let starts_upper = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (1..=16).contains(&words)
        && starts_upper
        && !crate::normalize::blocks::is_table_row(text)
        && !crate::normalize::blocks::sentence_end(text).ends_with(['.', '?', '!', ':', ';', ','])
        && !text.contains(". ")
        && !crate::normalize::blocks::is_field_line(text)
}

/// The nearest heading-like block at or before `block`.
pub fn heading_before(doc: &NormDoc, block: usize) -> Option<usize> {
    (0..=block.min(doc.blocks.len().saturating_sub(1)))
        .rev()
        .find(|&i| is_heading_like(doc, i))
}

/// The body blocks of the section that holds block `block`: from the heading before it (or
/// the start) to the next heading.
fn section_blocks(doc: &NormDoc, block: usize) -> Vec<usize> {
    let start = heading_before(doc, block).map_or(0, |i| i + 1);
    let end = (block + 1..doc.blocks.len())
        .find(|&i| is_heading_like(doc, i))
        .unwrap_or(doc.blocks.len());
    (start.min(end)..end).collect()
}

/// Lower case (as [`lower_same_len`]), brackets out, white space single, in one pass.
fn flatten(text: &str) -> String {
    let lower = lower_same_len(text);
    let mut out = String::with_capacity(lower.len());
    let mut space = false;
    for c in lower.chars() {
        if c == '(' || c == ')' {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Where a topic's terms and `not` phrases stand in a flattened text: start offsets as
/// `str::match_indices` finds them, in the order of `Topic::terms` and `Topic::not`.
struct Occurrences<'a> {
    terms: Vec<&'a Vec<usize>>,
    nots: Vec<&'a Vec<usize>>,
}

/// The occurrences of `t`'s phrases, one phrase at a time.
fn slow_occurrences(t: &Topic, flat: &str) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let at = |p: &String| -> Vec<usize> {
        // An empty phrase "occurs" everywhere but excludes no term.
        if p.is_empty() {
            return Vec::new();
        }
        flat.match_indices(p.as_str()).map(|(at, _)| at).collect()
    };
    (
        t.terms.iter().map(at).collect(),
        t.not.iter().map(at).collect(),
    )
}

/// Whether topic `t` is named in `flat` (flattened text).
#[cfg(test)]
fn names(t: &Topic, flat: &str) -> bool {
    names_in(t, flat, &slow_occurrences(t, flat))
}

trait AsOccurrences {
    fn term(&self, i: usize) -> &[usize];
    fn not(&self, i: usize) -> &[usize];
}

impl AsOccurrences for Occurrences<'_> {
    fn term(&self, i: usize) -> &[usize] {
        self.terms.get(i).map_or(&[], |v| v.as_slice())
    }
    fn not(&self, i: usize) -> &[usize] {
        self.nots.get(i).map_or(&[], |v| v.as_slice())
    }
}

impl AsOccurrences for (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    fn term(&self, i: usize) -> &[usize] {
        self.0.get(i).map_or(&[], |v| v.as_slice())
    }
    fn not(&self, i: usize) -> &[usize] {
        self.1.get(i).map_or(&[], |v| v.as_slice())
    }
}

/// Whether topic `t` is named in `flat`, its phrases standing where `occ` says.
fn names_in(t: &Topic, flat: &str, occ: &dyn AsOccurrences) -> bool {
    let excluded: Vec<(usize, usize)> = t
        .not
        .iter()
        .enumerate()
        .flat_map(|(k, n)| occ.not(k).iter().map(move |&a| (a, a + n.len())))
        .collect();
    t.terms.iter().enumerate().any(|(k, term)| {
        occ.term(k).iter().any(|&at| {
            let end = at + term.len();
            if excluded.iter().any(|&(s, e)| s <= at && end <= e) {
                return false;
            }
            let starts_word = !is_word_char(flat[..at].chars().next_back());
            let ends_word = !is_word_char(flat[end..].chars().next());
            let letters = term.chars().filter(|c| c.is_alphanumeric()).count();
            if letters >= 8 || (starts_word && ends_word) {
                return true;
            }
            if letters < 5 {
                return false;
            }
            // A compound part: the rest of the word is an inflection or a word of its own.
            let rest: String = flat[end..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let head: String = flat[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let inflection = ["e", "en", "s", "t", "de", "te"].contains(&rest.as_str());
            (starts_word && (inflection || rest.chars().count() >= 4))
                || (ends_word && head.chars().count() >= 3)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn every_topic_names_its_examples_and_not_its_counter_examples() {
        let topics = Topics::bundled().expect("bundled topics");
        let mut failures = Vec::new();
        for t in &topics.topics {
            for ex in &t.examples {
                if !names(t, &flatten(ex)) {
                    failures.push(format!("{}: example not found: {ex:?}", t.id));
                }
            }
            for ex in &t.counter {
                if names(t, &flatten(ex)) {
                    failures.push(format!("{}: counter-example found: {ex:?}", t.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn one_pass_over_all_phrases_finds_what_each_phrase_search_finds() {
        let topics = Topics::bundled().expect("bundled topics");
        let mut texts: Vec<String> = Vec::new();
        for t in &topics.topics {
            texts.extend(t.examples.iter().cloned());
            texts.extend(t.counter.iter().cloned());
            texts.push(t.terms.join(""));
            texts.push(format!("{} ({})", t.terms.join(" "), t.not.join(" ")));
        }
        texts.push(texts.join(" "));
        for text in &texts {
            let flat = flatten(text);
            let slow: Vec<&str> = topics
                .topics
                .iter()
                .filter(|t| names(t, &flat))
                .map(|t| t.id.as_str())
                .collect();
            let fast: Vec<&str> = topics.find(text).iter().map(|t| t.id.as_str()).collect();
            assert_eq!(fast, slow, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn flatten_is_lower_case_without_brackets_single_spaced(text in r"[aB( )\tÉ\u{a0}x]{0,30}") {
            let want = lower_same_len(&text)
                .replace(['(', ')'], "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            proptest::prop_assert_eq!(flatten(&text), want);
        }
    }

    #[test]
    fn the_required_topics_are_there() {
        let topics = Topics::bundled().expect("bundled topics");
        for id in [
            "gezichtsherkenning",
            "real-time-identificatie",
            "verbod",
            "vergunningplicht",
            "emotieherkenning",
            "ai-verordening",
            "avg",
            "toezicht",
            "politie",
        ] {
            assert!(topics.resolve(id).is_some(), "{id}");
        }
        assert_eq!(
            topics.resolve("biometrie").map(|t| t.id.as_str()),
            Some("gezichtsherkenning")
        );
    }

    #[test]
    fn compound_heads_and_modifiers_count() {
        let topics = Topics::bundled().expect("bundled topics");
        let ids = |s: &str| {
            topics
                .find(s)
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        };
        assert!(ids("gezichtsherkenningstechnologie").contains(&"gezichtsherkenning".to_string()));
        assert!(ids("het verwerkingsverbod").contains(&"verbod".to_string()));
        assert!(ids("de UAVG").contains(&"avg".to_string()));
        assert!(!ids("een gavg").contains(&"avg".to_string()));
    }

    #[test]
    fn a_subject_carries_through_a_section_only_when_it_runs_through_it() {
        let topics = Topics::bundled().expect("bundled topics");
        let one_aside = normalize(
            "Inzet\n\nDe politie gebruikt gezichtsherkenning.\n\nHet gaat om meer.\n\nNog een alinea.\n\nEn nog een.\n\nHet kabinet deelt de zorgen.\n",
        );
        let i = one_aside
            .sentences
            .iter()
            .position(|s| one_aside.slice(s.span).starts_with("Het kabinet"))
            .expect("sentence");
        assert!(!topics
            .for_sentence(&one_aside, i)
            .topics
            .contains(&"gezichtsherkenning".to_string()));
        let running = normalize("Inzet\n\nDe politie gebruikt gezichtsherkenning.\n\nOok biometrie.\n\nHet kabinet deelt de zorgen.\n");
        let i = running
            .sentences
            .iter()
            .position(|s| running.slice(s.span).starts_with("Het kabinet"))
            .expect("sentence");
        let f = topics.for_sentence(&running, i);
        let at = f
            .topics
            .iter()
            .position(|t| t == "gezichtsherkenning")
            .expect("carried");
        assert_eq!(f.sources[at], "section");
    }

    #[test]
    fn a_position_inherits_its_heading() {
        let topics = Topics::bundled().expect("bundled topics");
        let doc = normalize(
            "Inleiding van de brief.\n\n4. Verbied biometrische identificatie in de openbare ruimte\n\nDie benadering acht het kabinet in beginsel juist. Het is van mening dat dit zo is.\n",
        );
        let i = doc
            .sentences
            .iter()
            .position(|s| doc.slice(s.span).starts_with("Die benadering"))
            .expect("sentence");
        let f = topics.for_sentence(&doc, i);
        let at = f
            .topics
            .iter()
            .position(|t| t == "gezichtsherkenning")
            .expect("inherited");
        assert_eq!(f.sources[at], "heading");
    }
}
