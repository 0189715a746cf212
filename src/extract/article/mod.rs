//! References to units of legal instruments: "artikel 9, tweede lid, sub a, AVG", "art. 9 lid
//! 1", "Overweging 4 bij de AVG", "Annex III bij de conceptverordening, onder 6 en 7".
//!
//! Three steps, a module each:
//!
//! - [`grammar`]: the shape of a reference, parsed from its head word: numbers, paragraphs,
//!   points, lists and ranges, chains; [`tail`] reads what names the instrument after it.
//! - [`registry`]: the instruments kst knows (`data/instruments.toml`), the CELEX rule for EU
//!   acts named by number, and links to the official texts.
//! - [`resolve`]: which instrument a reference belongs to (explicit name, the letter's own
//!   definition, the passage it stands in, or none), recorded in `resolved_by`.
//!
//! Extraction is cheap where there is nothing to find: the text is scanned once for head words
//! and nothing else runs when there are none.

pub mod grammar;
pub mod registry;
pub mod resolve;
pub mod tail;

use super::Doc;
use crate::normalize::BlockKind;
use crate::record::{origin_text, ArticleRef, Span, Unit};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use grammar::{Named, Names};
use registry::Registry;
use resolve::{entry_target, is_a_bill, By, Level, Mentions, Target};
use std::path::Path;

/// The environment variable naming a user's registry file merged over the bundled one.
pub const INSTRUMENTS_ENV: &str = "KST_INSTRUMENTS";

/// The article-reference extractor: the registry and the head-word scanner, built once.
pub struct ArticleExtractor {
    registry: Registry,
    heads: AhoCorasick,
}

impl ArticleExtractor {
    /// The extractor with the bundled registry, and with the entries of the file named by
    /// `KST_INSTRUMENTS` merged over it when that variable is set.
    pub fn new() -> crate::Result<ArticleExtractor> {
        let registry = match std::env::var_os(INSTRUMENTS_ENV) {
            Some(path) if !path.is_empty() => Registry::with_overrides(Path::new(&path))?,
            _ => Registry::bundled()?,
        };
        Ok(ArticleExtractor::with_registry(registry))
    }

    /// The extractor with the bundled registry and a user's file merged over it.
    pub fn with_instruments(path: &Path) -> crate::Result<ArticleExtractor> {
        Ok(ArticleExtractor::with_registry(Registry::with_overrides(
            path,
        )?))
    }

    pub fn with_registry(registry: Registry) -> ArticleExtractor {
        let heads = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(grammar::HEADS.iter().map(|(h, _)| *h))
            .expect("constant head words compile");
        ArticleExtractor { registry, heads }
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Every reference in the document, in text order; a reference to several units ("leden 1
    /// en 2") yields a record per unit.
    pub fn extract(&self, doc: &Doc) -> Vec<ArticleRef> {
        let text = doc.norm.text.as_str();
        let heads: Vec<usize> = self.heads.find_iter(text).map(|m| m.start()).collect();
        if heads.is_empty() {
            return Vec::new();
        }
        let mut mentions = Mentions::find(&self.registry, doc.norm, doc.date);
        let mut chains = Vec::new();
        let mut covered = 0;
        {
            let lookup = Lookup(&mentions);
            for head in heads {
                if head < covered || names_a_body(text, head) {
                    continue;
                }
                match grammar::parse_chain(text, head, &lookup) {
                    Some(mut chain) => {
                        // A reference ends with its footnote: a note ending in "bijlage" and
                        // the next note's number ("3 Trb. 1972, 134") make no annex 3.
                        chain
                            .refs
                            .retain(|r| !crosses_a_footnote_end(doc.norm, r.start, r.end));
                        if chain.refs.is_empty() {
                            continue;
                        }
                        if let Some(first) = chain.refs.first_mut() {
                            points_before(text, first);
                        }
                        if let Some(next) = chain
                            .refs
                            .last()
                            .and_then(|r| grammar::gapped_point(text, r))
                        {
                            chain.refs.push(next);
                        }
                        covered = chain.end();
                        chains.push(chain);
                    }
                    None => {
                        // Not words a reference before has read: "artikel 15, eerste lid, en
                        // het derde en vierde lid van dat artikel" gives paragraphs 3 and 4 once.
                        if let Some(r) = point_of_that_annex(text, head, &chains)
                            .or_else(|| paragraph_of_that_article(text, head, &chains))
                            .filter(|r| r.start >= covered)
                        {
                            covered = r.end;
                            chains.push(grammar::Chain { refs: vec![r] });
                        }
                    }
                }
            }
        }
        let (chains, bare) = with_bare_paragraphs(text, chains);
        // Instruments the registry does not know but references name ("artikel 32 MiFIR")
        // are what a passage can be about as well.
        let unknown: Vec<&str> = chains
            .iter()
            .flat_map(|c| &c.refs)
            .filter_map(|r| match r.named {
                Some(Named::Unknown { start, end }) => Some(&text[start..end]),
                _ => None,
            })
            .filter(|n| n.starts_with(|c: char| c.is_uppercase()))
            .chain(free_law_names(text))
            .collect();
        mentions.add_unknown(&unknown);
        let mut out = Vec::new();
        // Units a name has tied to an instrument so far.
        let mut ties: Vec<Tie> = Vec::new();
        // How the last article read was resolved: a bare paragraph after it is its own.
        let mut last_article: Option<Target> = None;
        // How the last article not read in an aside was resolved (see `with_bare_paragraphs`).
        let mut main_article: Option<Target> = None;
        // How each article named with a paragraph was resolved, by where it starts.
        let mut resolved_at: Vec<(usize, Option<Target>)> = Vec::new();
        for chain in chains {
            // A name at the end of a chain names every reference in it that names none, and
            // so does a word that refers back ("bijlage I en bijlage II bij de richtlijn").
            let mut inherited: Option<(Named, usize)> = None;
            let mut chain_target: Option<Target> = None;
            let mut named: Vec<(Option<Named>, usize)> = Vec::with_capacity(chain.refs.len());
            for r in chain.refs.iter().rev() {
                match r.named {
                    Some(n) => {
                        inherited = Some((n, r.end));
                        named.push((Some(n), r.end));
                    }
                    None => named.push(
                        inherited
                            .map(|(n, end)| (Some(n), end))
                            .unwrap_or((None, r.end)),
                    ),
                }
            }
            named.reverse();
            for (r, (name, end)) in chain.refs.iter().zip(named) {
                let named_at = bare
                    .of_named
                    .iter()
                    .find(|(at, _)| *at == r.start)
                    .and_then(|(_, article)| resolved_at.iter().find(|(a, _)| a == article))
                    .map(|(_, t)| t);
                let antecedent = if let Some(t) = named_at {
                    Some(t)
                } else if bare.of_last.contains(&r.start) {
                    Some(&last_article)
                } else if bare.of_main.contains(&r.start) {
                    Some(&main_article)
                } else {
                    None
                };
                if let Some(antecedent) = antecedent {
                    // Only with its article's identified instrument: a paragraph of an
                    // unknown article adds nothing a reader can follow.
                    if let Some(t) = antecedent.as_ref().filter(|t| t.id.is_some()) {
                        let span = Span::new(r.start, r.end);
                        self.records_of(doc, r, Some(t), By::Context, span, &mut out);
                    }
                    continue;
                }
                last_article = None;
                let aside = bare.asides.contains(&r.start);
                if r.unit == Unit::Article && !aside {
                    main_article = None;
                }
                // A word of a legal kind after a demonstrative names an act as well as its name
                // does: "de tabellen van bijlage A bij dat besluit" is the decree's annex, no
                // attachment of the letter.
                let explicit = match name {
                    Some(
                        Named::Known { .. }
                        | Named::Unknown { .. }
                        | Named::ShortTitle { .. }
                        | Named::Book { .. },
                    ) => true,
                    Some(Named::Anaphor { start, .. }) => resolve::after_demonstrative(text, start),
                    None => false,
                };
                if (r.arabic_annex && !explicit)
                    || (r.unit == Unit::Annex && attachment_of_a_paper(&text[r.end..]))
                    || (r.unit == Unit::Article && article_of_a_budget(&text[r.end..]))
                    || (r.unit == Unit::Article
                        && (name.is_none() || titled_by_common_words(text, name))
                        && named_budget_article(doc, r, number_end(text, r, name)))
                {
                    continue;
                }
                // A bare annex listed with an article of an EU act ("artikel 6, tweede lid, en
                // bijlage III") is that act's, however far its name stands.
                let resolved = self.resolve(doc, &mentions, r, name, &ties).or_else(|| {
                    chain_target
                        .clone()
                        .filter(|t| r.unit == Unit::Annex && name.is_none() && is_eu(t))
                        .map(|t| (Some(t), By::Context, false))
                });
                let Some((mut target, mut by, carries)) = resolved else {
                    continue;
                };
                if let Some(p) = self.proposal_meant(doc, &mentions, r, name, target.as_ref()) {
                    target = Some(p);
                    by = By::Context;
                }
                // A bare reference its own sentence decided ("Dan de Gaswet: artikel 10d regelt
                // ...") ties its number as a named one does: a later bare "artikel 10d" keeps
                // that act over one named in passing since.
                let explicit = matches!(by, By::Explicit | By::Definition);
                // An act known by its number alone ("Verordening (EU) nr. 168/2013", outside
                // the registry) is identified as well as a registered one.
                let decided = carries
                    && target
                        .as_ref()
                        .is_some_and(|t| t.entry.is_some() || t.id.is_some());
                // A reference made to compare ("Anders dan in het oorspronkelijke
                // Commissievoorstel (artikel 5, eerste lid, onder d, van COM(2021) 206)") ties
                // no number: the letter's later "artikel 5, vijfde lid" is the act it is about.
                let compared = resolve::in_comparison(text, r.start);
                if (explicit || decided) && !compared {
                    if let Some(t) = target.as_ref() {
                        if explicit {
                            mentions.add_cited(r.start, t.clone());
                        }
                        for part in &r.parts {
                            ties.push(Tie {
                                at: r.start,
                                end: r.end,
                                unit: r.unit,
                                part: part.clone(),
                                target: t.clone(),
                                soft: !explicit,
                            });
                        }
                    }
                }
                if r.unit == Unit::Article && r.parts.iter().any(|p| p.paragraph.is_some()) {
                    resolved_at.push((r.start, target.clone()));
                }
                if let Some(t) = &target {
                    mentions.add_referenced(r.start, t.clone());
                    chain_target = Some(t.clone());
                    if r.unit == Unit::Article {
                        last_article = Some(t.clone());
                        if !aside {
                            main_article = Some(t.clone());
                        }
                    }
                }
                // A word that referred back, or a bare reference its own sentence decided,
                // names its instrument for what follows, as a name would; not a proposal the
                // letter recalls after its act was adopted ("in het oorspronkelijke voorstel
                // artikel 52"): an aside, after which the letter goes on about the act.
                let recalled_draft = target
                    .as_ref()
                    .and_then(|t| t.entry)
                    .is_some_and(|e| self.registry.superseded(e, doc.date));
                if let (true, Some(t), false) = (carries, &target, recalled_draft) {
                    let span = match name {
                        Some(Named::Anaphor { start, end, .. }) => Span::new(start, end),
                        _ => Span::new(r.start, r.end),
                    };
                    mentions.add_resolved(span, t.clone());
                }
                let span = Span::new(r.start, end);
                self.records_of(doc, r, target.as_ref(), by, span, &mut out);
            }
        }
        out
    }

    /// The instrument of a reference and how it was decided; `None` when the reference turns
    /// out to be no unit of an instrument at all (an attachment to the paper).
    /// A record for each unit `r` names ("leden 1 en 2": two), all with one instrument, one way
    /// of resolving it and one span.
    fn records_of(
        &self,
        doc: &Doc,
        r: &grammar::RefSyntax,
        target: Option<&Target>,
        by: By,
        span: Span,
        out: &mut Vec<ArticleRef>,
    ) {
        let texts = self.texts_at(doc, r.start);
        for part in &r.parts {
            out.push(self.record(doc, r.unit, part, target, by, span, texts.clone()));
        }
    }

    /// The sentence a reference at `at` stands in and, in a footnote, the body sentence that
    /// carries the footnote's marker.
    fn texts_at(&self, doc: &Doc, at: usize) -> (Option<String>, Option<String>) {
        let sentence = doc.norm.sentence_at(at);
        let text = sentence.map(|s| doc.norm.slice(s.span).to_string());
        let context = sentence
            .and_then(|s| s.footnote)
            .and_then(|f| doc.norm.footnotes.get(f))
            .and_then(|f| doc.norm.footnote_context(f))
            .map(str::to_string);
        (text, context)
    }

    fn resolve(
        &self,
        doc: &Doc,
        mentions: &Mentions,
        r: &grammar::RefSyntax,
        name: Option<Named>,
        ties: &[Tie],
    ) -> Option<(Option<Target>, By, bool)> {
        let text = doc.norm.text.as_str();
        // "Artikel I, onderdeel B", "artikel IV van het wetsvoorstel": Roman numbers are the
        // articles of an amending act, and one not named is the bill under discussion (its
        // explanation's headings, its amendments): a part of the paper's own text, no unit of
        // an instrument in force. EU treaties and acts number their articles in Arabic; a
        // named act's ("artikel III van de Deltawet") stays.
        let the_bill = match name {
            None => true,
            Some(Named::Unknown { start, end }) => {
                matches!(
                    &text[start..end],
                    "wetsvoorstel" | "voorstel van wet" | "amendement"
                )
            }
            _ => false,
        };
        if the_bill && r.unit == Unit::Article && r.parts.iter().all(|p| is_roman(&p.number)) {
            return None;
        }
        // An agreement that is no legislation ("artikel 38 van de concessie") has no units.
        if let Some(Named::Unknown { start, end }) = name {
            if tail::CONTRACTS.contains(&&text[start..end]) {
                return None;
            }
        }
        // So is a heading of a new law's own article in its explanation ("II. ARTIKELSGEWIJS
        // ... Artikel 1"), numbered in Arabic as a law is.
        if name.is_none() && mentions.heads_own_article(r.start, r.end) {
            return None;
        }
        let resolved = match name {
            Some(Named::Known { start, .. }) => match mentions.at(start) {
                Some(m) => (
                    Some(m.target.clone()),
                    if m.defined {
                        By::Definition
                    } else {
                        By::Explicit
                    },
                    false,
                ),
                None => (None, By::None, false),
            },
            // The treaty of that title named before: the registry's, or one it does not know.
            Some(Named::ShortTitle { of, of_end, .. }) => {
                match mentions.at(of).filter(|m| m.span.end == of_end) {
                    Some(m) => (Some(m.target.clone()), By::Explicit, false),
                    None => (
                        Some(Target::unregistered(&text[of..of_end])),
                        By::Explicit,
                        false,
                    ),
                }
            }
            Some(Named::Unknown { start, end }) => (
                Some(Target::unregistered(&text[start..end])),
                By::Explicit,
                false,
            ),
            Some(Named::Book { start, end, book }) => match self.registry.book_of_a_family(book) {
                Some(e) => (Some(entry_target(&self.registry, e)), By::Explicit, true),
                None => (
                    Some(Target::unregistered(&text[start..end])),
                    By::Explicit,
                    false,
                ),
            },
            Some(Named::Anaphor { start, end, kind }) => {
                // An act whose articles are numbered otherwise is not the one meant: "artikel
                // 1.4.2 van het nieuwe wetboek" is not the current Wetboek van Strafvordering's.
                // A book of a code numbers its articles within itself: "artikel 610a van dat
                // boek" after "Boek 7 van het Burgerlijk Wetboek" is that book's 7:610a.
                let in_a_book = |t: &Target, number: &str| {
                    t.entry.is_some_and(|e| self.registry.get(e).book.is_some())
                        && !number.contains(':')
                        && number.starts_with(|c: char| c.is_ascii_digit())
                };
                let fits = |t: &Target| {
                    r.unit != Unit::Article
                        || r.parts.iter().all(|p| {
                            resolve::numbered_like(t, &p.number) || in_a_book(t, &p.number)
                        })
                };
                // "van de richtlijn" after an amending act's title: an article the amending act
                // cannot have ("28 ter") is the amended act's.
                let inserted = r.unit == Unit::Article
                    && !r.parts.is_empty()
                    && r.parts
                        .iter()
                        .all(|p| resolve::beyond_an_amending_act(&p.number));
                let found = match mentions.anaphor(kind, start, r.start, r.end) {
                    Some(t) if inserted => {
                        Some(mentions.amended_by_title(t, kind, r.start).unwrap_or(t))
                    }
                    found => found,
                };
                match found {
                    Some(t) if !fits(t) => (
                        Some(Target::unregistered(&text[start..end])),
                        By::None,
                        false,
                    ),
                    // What it resolved to names the instrument for what follows.
                    Some(t) => (Some(t.clone()), By::Context, true),
                    // A generic word that only one instrument answers to ("het Handvest").
                    // Not "het voorstel": proposals are many, most of them outside the registry.
                    None if kind != "voorstel" && self.registry.only_of_kind(kind).is_some() => (
                        self.registry
                            .only_of_kind(kind)
                            .map(|e| entry_target(&self.registry, e)),
                        By::Context,
                        true,
                    ),
                    None => (
                        Some(Target::unregistered(&text[start..end])),
                        By::None,
                        false,
                    ),
                }
            }

            None => {
                // "artikel Z 8" is an article of the act numbered so that the paper names,
                // whatever else its passage or sentence named ("zowel onder artikel Z 8 als
                // onder een bepaling van het Sr").
                if r.unit == Unit::Article
                    && !r.parts.is_empty()
                    && r.parts.iter().all(|p| resolve::letter_numbered(&p.number))
                {
                    if let Some(t) = mentions.letter_numbered_act() {
                        return Some((Some(t.clone()), By::Context, false));
                    }
                }
                if (r.unit == Unit::Recital && mentions.non_legislative_source(r.start))
                    || mentions.in_bare_quotation(r.start)
                    || after_a_cited_paper(text, r.start)
                {
                    return Some((None, By::None, false));
                }
                // "De huidige richtlijn regelt in de artikelen 4 en 7 ...": an act named by its
                // kind as the subject that states what its own articles hold refers back as
                // "artikel 4 van de huidige richtlijn" would; "de huidige" after a proposal to
                // replace it is the act in force, however many paragraphs back it was named.
                if let Some((at, kind, current)) = kind_stating_its_article(text, r.start) {
                    let found = mentions.anaphor(kind, at, r.start, r.end).or_else(|| {
                        current
                            .then(|| mentions.in_force_of_kind_before(kind, at, CURRENT_ACT_REACH))
                            .flatten()
                    });
                    if let Some(t) = found {
                        return Some((Some(t.clone()), By::Context, true));
                    }
                }
                // Unless the letter tied the number to an act in force before: the bill
                // amends that act's article ("Met artikel I van het wetsvoorstel wordt de
                // afwijkingsmogelijkheid in het zevende lid van artikel 7:691 beperkt").
                if r.unit == Unit::Article
                    && the_bill_places_it(doc, mentions, r.start)
                    && earlier_tie(ties, r).is_none_or(|tie| tie.target.entry.is_none())
                {
                    return Some((
                        Some(Target::unregistered("wetsvoorstel")),
                        By::Context,
                        false,
                    ));
                }
                let eu = |t: &Target| t.id.as_deref().is_some_and(|i| i.starts_with("celex:"));
                let numbers: Vec<&str> = r.parts.iter().map(|p| p.number.as_str()).collect();
                let numbers = if r.unit == Unit::Article {
                    numbers
                } else {
                    Vec::new()
                };
                let context = mentions
                    .context_for(r.start, r.end, &numbers)
                    .map(|(t, level)| {
                        (mentions.amended_by_proposal(t, r.start).unwrap_or(t), level)
                    });
                // The same number tied to an instrument shortly before decides over an
                // instrument named later in the paragraph (past another reference), one
                // named before the tie, or none at all; not over the reference's own
                // sentence, nor the act a fiche is about, whose articles it compares with
                // those of the act in force.
                // The same unit down to its paragraph and point, named in full earlier in the
                // letter ("artikel 5, eerste lid, onder h, van de AI-verordening" ... "in de
                // zin van artikel 5, eerste lid, onder h"), is a repeat of that reference,
                // whatever was named in between; only the reference's own sentence, its
                // paragraph's word for what it is about ("Het voorstel is geschikt ... (artikel
                // 7, eerste lid)"), a fiche's subject or a bill's article-by-article part say
                // otherwise.
                let repeat = || {
                    let decides = match &context {
                        Some((_, Level::Sentence | Level::Subject | Level::Bill)) => false,
                        Some((t, Level::Paragraph)) => !mentions.paragraph_refers_to(r.start, t),
                        _ => true,
                    };
                    decides.then(|| same_unit_named_before(ties, r)).flatten()
                };
                if let Some(t) = repeat() {
                    return Some((Some(t), By::Context, false));
                }
                // A code of books that the passage names as a whole ("BW") does not tell a
                // bare number's book; the article named with its book shortly before does
                // ("artikel 1:157 BW" ... "het voorgestelde artikel 157, zesde lid"), over an
                // act named later or elsewhere in the letter too.
                let decides = match &context {
                    None | Some((_, Level::Document | Level::Ahead)) => true,
                    Some((t, _)) => t
                        .entry
                        .is_some_and(|e| !self.registry.get(e).books.is_empty()),
                };
                if decides {
                    if let Some(t) = self.book_of_an_earlier_tie(ties, r) {
                        return Some((Some(t), By::Context, false));
                    }
                }
                // "het voorgestelde artikel 36b": the article a bill proposes, which the letter
                // tied to the act it goes into ("een nieuw artikel 36b in de Gemeentewet"),
                // whatever the passage named since.
                let proposed = {
                    // Only the words right before: the whole text before would make a long
                    // one-line file quadratic.
                    let before = crate::text::window_before(text, r.start, 24)
                        .trim_end()
                        .to_lowercase();
                    before.ends_with("voorgestelde")
                        || before.ends_with(" nieuwe")
                        || before.ends_with(" nieuw")
                };
                // The EU act the paragraph tied the number to, where the sentence speaks of
                // implementing that number in the Dutch act `t` it names: still the EU act's.
                let implemented_in = |t: &Target, tie: &EarlierTie| {
                    is_eu(&tie.target)
                        && !is_eu(t)
                        && mentions.same_paragraph(tie.at, r.start)
                        && implemented_here(doc, r.start)
                };
                let tie = || {
                    let tie = earlier_tie(ties, r)?;
                    let decides = proposed
                        || match &context {
                            None | Some((_, Level::Document | Level::Ahead)) => true,
                            // An inserted article of a Dutch act ("15o", "25ca") the letter
                            // tied to it is that act's in a passage on the EU act it transposes:
                            // the Dutch texts of EU acts number theirs "8 bis", rarely "8ac".
                            Some((t, Level::Paragraph | Level::Section))
                                if !tie.soft
                                    && is_eu(t)
                                    && tie.target.is_dutch_act()
                                    && r.parts.iter().all(|p| letter_suffixed(&p.number)) =>
                            {
                                true
                            }
                            // Only names that are other references' own instruments may
                            // stand between: "Artikel 17 van de DSM-richtlijn is geïmplementeerd
                            // in de artikelen 29c en 29d van de Auteurswet. ... artikel 17,
                            // vierde lid" is still the directive's.
                            // So may the act of a chapter or division named as such ("afdeling
                            // 5.3 van de Algemene wet bestuursrecht"): a reference too. And the
                            // tie's own act, named again.
                            // Or the sentence speaks of implementing the number in the Dutch
                            // act named since (see `implemented_here`).
                            Some((t, Level::Paragraph | Level::Section))
                                if implemented_in(t, &tie) =>
                            {
                                true
                            }
                            Some((_, Level::Paragraph | Level::Section)) => {
                                mentions.named_between(tie.at, r.start).all(|at| {
                                    ties.iter().any(|t| !t.soft && t.at <= at && at < t.end)
                                        || of_a_structural_part(text, at)
                                        || mentions
                                            .at(at)
                                            .is_some_and(|m| same_target(&m.target, &tie.target))
                                })
                            }
                            // In a fiche the number its paragraph tied to another act is that
                            // act's again: "artikel 114 (MiFIR) van het VWEU voor. ... Op grond
                            // van artikel 114 is de EU bevoegd".
                            // A number only a bare reference decided does not override the
                            // fiche's subject.
                            Some((_, Level::Subject)) => {
                                !tie.soft && mentions.same_paragraph(tie.at, r.start)
                            }
                            // A bill its sentence names amends the articles of acts in force:
                            // "Met artikel I, onderdeel B, van het wetsvoorstel wordt het zevende
                            // lid van artikel 7:691 beperkt" is the article the letter tied to
                            // the BW before, not one of the bill's own.
                            Some((t, Level::Sentence)) if t.id.is_none() && is_a_bill(&t.name) => {
                                tie.target.entry.is_some()
                            }
                            // Its sentence names only another reference's own act, and the
                            // bare number stands apart from that reference, in a clause of its
                            // own: "... voldoen aan artikel 23, eerste lid, onder e, Wbp, en de
                            // beelden worden na vier weken vernietigd (artikel 151c, zesde lid)"
                            // is still the Gemeentewet's 151c. Directly coordinated ("artikel 6
                            // AVG en artikel 9") it shares that reference's act.
                            // Or it speaks of implementing the number in a Dutch act that its
                            // paragraph tied to an EU act: "Artikel 26 ... van die richtlijn
                            // bevatten ... Ik zal de implementatie van de overige onderdelen van
                            // artikel 26 meenemen in de lagere regelgeving bij de Wet collectieve
                            // warmte" is still the directive's.
                            Some((t, Level::Sentence)) => {
                                (!tie.soft
                                    && apart_from_named_references(
                                        text, mentions, ties, &tie, r.start,
                                    ))
                                    || implemented_in(t, &tie)
                            }
                            Some((_, Level::Bill)) => false,
                        };
                    decides.then_some(tie.target)
                };
                if let Some(t) = tie() {
                    return Some((Some(t), By::Context, false));
                }
                // "Het voorgestelde artikel 11.8" that no sentence before tied: in the papers of
                // a bill, an article it proposes for the act it amends, as the paper's head names
                // it ("Wijziging van de Telecommunicatiewet ..."), whatever was named since.
                if proposed && r.unit == Unit::Article {
                    if let Some(law) = mentions
                        .bill_amends()
                        .filter(|law| numbers.iter().all(|n| resolve::numbered_like(law, n)))
                    {
                        // Decided as surely as by its sentence: it ties the number too.
                        return Some((Some(law.clone()), By::Context, true));
                    }
                }
                // In a budget chapter's papers (dossier "36 550 VII") a bare whole number that
                // heads a section ("Artikel 1 Openbaar bestuur en democratie") or stands with
                // money ("de uitgaven op artikel 6") is a budget article, unless its sentence
                // or paragraph names an act ("Over artikel 51 van het Statuut merkt het kabinet
                // het volgende op. ... de toepassingsvoorwaarden van artikel 51"). Letters on
                // any subject are filed in a budget dossier too: there a bare article stays the
                // passage's act's.
                if r.unit == Unit::Article
                    && budget_chapter(doc.id)
                    && r.parts.iter().all(|p| budget_article_number(&p.number))
                    && !matches!(context, Some((_, Level::Sentence | Level::Paragraph)))
                    && budget_wording(doc, r.start)
                {
                    return None;
                }
                match (r.unit, context) {
                    // Dutch laws number no annexes in roman: only EU acts count. Nearby, or the
                    // one EU act the letter is about ("Hoog-risicosystemen (artikel 6 en
                    // bijlage III)" in a letter on the AI Act); an attachment to the paper says
                    // so ("bijlage II bij deze brief", see `attachment_of_a_paper`).
                    (Unit::Annex, Some((t, level))) if eu(t) => {
                        (Some(t.clone()), By::Context, level == Level::Sentence)
                    }
                    (Unit::Annex, _) => return None,
                    // Only EU acts have numbered recitals.
                    (Unit::Recital, Some((t, _))) if !eu(t) => (None, By::None, false),
                    (_, Some((t, level))) => {
                        (Some(t.clone()), By::Context, level == Level::Sentence)
                    }
                    (_, None) => (None, By::None, false),
                }
            }
        };
        Some(resolved)
    }

    /// The Commission proposal a reference is worded as belonging to, in place of the act its
    /// passage is about: a bare reference in a clause that says so ("In het oorspronkelijke
    /// voorstel van de Commissie was dit verbod opgenomen in artikel 5, eerste lid, onder d"),
    /// or "van het voorstel" where the letter defined no proposal and names the adopted act.
    /// The wording decides over the letter's date; see [`Mentions::proposal_of`].
    fn proposal_meant(
        &self,
        doc: &Doc,
        mentions: &Mentions,
        r: &grammar::RefSyntax,
        name: Option<Named>,
        target: Option<&Target>,
    ) -> Option<Target> {
        match name {
            None => {
                let act = target?;
                let sentence = doc.norm.sentence_at(r.start)?.span;
                let text = doc.norm.text.as_str();
                // "de voorgestelde artikel 5", and the former number beside the adopted one:
                // "artikel 50 (voorheen artikel 52)".
                let before = text[..r.start].trim_end().trim_end_matches(':').trim_end();
                let formerly = before.ends_with("voorheen");
                let proposed = before.ends_with("voorgestelde") || formerly;
                let worded = resolve::clause_names_the_proposal(text, sentence, r.start, r.end);
                if proposed || worded {
                    if let Some(p) = mentions.amending_proposal_of(act) {
                        return Some(p.clone());
                    }
                }
                (worded || formerly)
                    .then(|| mentions.proposal_of(&self.registry, act))
                    .flatten()
            }
            Some(Named::Anaphor {
                kind: "voorstel" | "voorgestelde richtlijn" | "voorgestelde verordening",
                ..
            }) if target.is_none_or(|t| t.id.is_none()) => {
                let (act, _) = mentions.context(r.start, r.end)?;
                mentions.proposal_of(&self.registry, act)
            }
            _ => None,
        }
    }

    /// The book of a code in which every part of `r` was named shortly before with its book
    /// ("artikel 1:157 BW" for a later "artikel 157"), when they agree on one.
    fn book_of_an_earlier_tie(&self, ties: &[Tie], r: &grammar::RefSyntax) -> Option<Target> {
        let mut found: Option<usize> = None;
        for part in &r.parts {
            let tie = ties.iter().rev().find(|t| {
                t.unit == r.unit && t.at + TIE_REACH >= r.start && within_its_book(t, &part.number)
            })?;
            let book = self.registry.book(tie.target.entry?, &tie.part.number);
            if found.is_some_and(|f| f != book) {
                return None;
            }
            found = Some(book);
        }
        found
            .filter(|&e| self.registry.get(e).book.is_some())
            .map(|e| entry_target(&self.registry, e))
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        doc: &Doc,
        unit: Unit,
        part: &grammar::Part,
        target: Option<&Target>,
        by: By,
        span: Span,
        (sentence, context): (Option<String>, Option<String>),
    ) -> ArticleRef {
        // "artikel 6:162 BW": the book's own text.
        let target = target.map(|t| match t.entry {
            Some(e) if self.registry.book(e, &part.number) != e => {
                entry_target(&self.registry, self.registry.book(e, &part.number))
            }
            // One book named for the letter's "BW" ("Boek 7 van het Burgerlijk Wetboek (BW)")
            // does not make "artikel 6:76 BW" Boek 7's: the number says its book.
            Some(e) if self.registry.get(e).book.is_some() => {
                let numbered = part
                    .number
                    .split_once(':')
                    .and_then(|(b, _)| b.parse::<u8>().ok())
                    .and_then(|b| self.registry.book_of_a_family(b));
                match numbered {
                    Some(other) if other != e => entry_target(&self.registry, other),
                    _ => t.clone(),
                }
            }
            _ => t.clone(),
        });
        let anchors = target
            .as_ref()
            .and_then(|t| t.entry)
            .map(|e| self.registry.get(e).unit_anchors)
            .unwrap_or(true);
        let id = target.as_ref().and_then(|t| t.id.clone());
        // A treaty numbers its articles plainly, so "artikel 5.3 FCTC" is the treaty's own
        // way of writing article 5, paragraph 3.
        let treaty_paragraph = match (&id, part.number.split_once('.')) {
            (Some(id), Some((article, paragraph)))
                if id.starts_with("bwb:BWBV")
                    && unit == Unit::Article
                    && part.paragraph.is_none()
                    && !article.is_empty()
                    && article.bytes().all(|b| b.is_ascii_digit())
                    && !paragraph.is_empty()
                    && paragraph.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(grammar::Part {
                    number: article.to_string(),
                    paragraph: Some(paragraph.to_string()),
                    point: part.point.clone(),
                    subpoint: part.subpoint.clone(),
                })
            }
            _ => None,
        };
        let part = treaty_paragraph.as_ref().unwrap_or(part);
        // "6:162" in Boek 6 BW is article 162 of that book's text: the record names the book
        // (its own BWB id) and keeps the number in the code's form ("6:162"); the deep link
        // takes the book's own label ("&artikel=162").
        let book = target
            .as_ref()
            .and_then(|t| t.entry)
            .and_then(|e| self.registry.get(e).book.as_deref());
        let label = match (book, part.number.split_once(':')) {
            (Some(b), Some((prefix, article))) if prefix == b => article,
            _ => part.number.as_str(),
        };
        let url = id.as_deref().and_then(|id| {
            registry::unit_link(id, anchors, unit, label, part.paragraph.as_deref())
        });
        // "artikel 457 van Boek 7 van het Burgerlijk Wetboek" is the unit "artikel 7:457 BW"
        // names: one unit, one number, so that a search for "7:457" finds both.
        let number = match book {
            Some(b)
                if unit == Unit::Article
                    && !part.number.contains(':')
                    && part.number.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                format!("{b}:{}", part.number)
            }
            _ => part.number.clone(),
        };
        ArticleRef {
            doc: doc.id.to_string(),
            instrument_id: id,
            instrument: target.map(|t| t.name),
            unit,
            number,
            paragraph: part.paragraph.clone(),
            point: part.point.clone(),
            subpoint: part.subpoint.clone(),
            raw: span.slice(&doc.norm.text).to_string(),
            span,
            url,
            resolved_by: by.as_str().to_string(),
            origin: origin_text(),
            sentence,
            context,
        }
    }
}

/// How far back "die bijlage" looks for the annex it points at: a paragraph or so.
const THAT_ANNEX_REACH: usize = 1000;

/// How far back "dat artikel" looks for the article it points at: the sentence before or so.
const THAT_ARTICLE_REACH: usize = 400;

/// The verbs with which a text states what one of its own articles holds ("De richtlijn
/// regelt in artikel 4", "Het Besluit ... bepaalt in artikel 9"): the one list the patterns
/// that read such a subject share.
const STATES: &str = "(?:bepaalt|regelt|schrijft|verplicht|bevat|stelt)";

/// How far back "de huidige richtlijn" looks for the act in force of its kind.
const CURRENT_ACT_REACH: usize = 2000;

/// How far back a bare paragraph after an article cited in brackets looks for an article named
/// with that paragraph (within the same paragraph of the letter).
const PARAGRAPH_NAMED_REACH: usize = 3000;

/// "punt 1 van die bijlage": the points of the annex named last before (within
/// [`THAT_ANNEX_REACH`]), with that reference's name, so that it resolves as that one did
/// ("bijlage III, punt 6, ...; systemen voor biometrische identificatie achteraf vallen onder
/// punt 1 van die bijlage").
fn point_of_that_annex(
    text: &str,
    head: usize,
    chains: &[grammar::Chain],
) -> Option<grammar::RefSyntax> {
    let (start, points) = grammar::points_of_that_annex(text, head)?;
    let annex = chains
        .iter()
        .rev()
        .flat_map(|c| c.refs.iter().rev())
        .find(|r| r.unit == Unit::Annex && !r.arabic_annex)
        .filter(|r| r.end + THAT_ANNEX_REACH >= start)?;
    let parts = points.into_iter().map(|point| (None, Some(point)));
    of_that_unit(annex, start, head + "bijlage".len(), parts)
}

/// "de leden 2 en 3 van dat artikel": paragraphs of the article referred to just before
/// (within [`THAT_ARTICLE_REACH`]), with that reference's name ("binnen de grenzen van artikel
/// 5, eerste lid, onder h, en de leden 2 en 3 van dat artikel").
fn paragraph_of_that_article(
    text: &str,
    head: usize,
    chains: &[grammar::Chain],
) -> Option<grammar::RefSyntax> {
    // "het tweede lid, onder a en b, van dat artikel": one paragraph, its points.
    type Parts = Vec<(Option<String>, Option<String>)>;
    let (start, parts): (usize, Parts) = match grammar::paragraph_points_of_that_article(text, head)
    {
        Some((start, paragraph, points)) => (
            start,
            points
                .into_iter()
                .map(|point| (Some(paragraph.clone()), Some(point)))
                .collect(),
        ),
        None => {
            let (start, paragraphs, point) = grammar::paragraphs_of_that_article(text, head)?;
            (
                start,
                paragraphs
                    .into_iter()
                    .map(|paragraph| (Some(paragraph), point.clone()))
                    .collect(),
            )
        }
    };
    let article = chains
        .iter()
        .rev()
        .flat_map(|c| c.refs.iter().rev())
        .next()
        .filter(|r| r.unit == Unit::Article && r.end + THAT_ARTICLE_REACH >= start)?;
    of_that_unit(article, start, head + "artikel".len(), parts.into_iter())
}

/// Bare paragraphs ("Het tweede lid bepaalt ...") found after the chains, by start, and which
/// article each goes on about.
#[derive(Default)]
struct BareParagraphs {
    /// Starts of the bare paragraphs about the article read last.
    of_last: Vec<usize>,
    /// Starts of the bare paragraphs about the passage's main article: the one read last was
    /// an aside ("... een warmtenet als bedoeld in artikel 1 van de Warmtewet. ... het zesde
    /// lid" goes on about the article the passage is about, not about the definition's).
    of_main: Vec<usize>,
    /// Starts of the references in asides, which do not become the passage's main article.
    asides: Vec<usize>,
    /// Bare paragraphs about an article named earlier with that paragraph, past an article
    /// cited in brackets: (start of the bare paragraph, start of that article).
    of_named: Vec<(usize, usize)>,
}

/// `chains` with the bare paragraphs that go on about an article ("Artikel 3:4, eerste lid,
/// Awb verplicht ... Het tweede lid bepaalt ...") read as that article's, each within
/// [`THAT_ARTICLE_REACH`] of the reference before it and before the next chain starts.
/// A reference in an aside that points elsewhere for a definition or a rule ("als bedoeld in
/// artikel 1", "op de wijze die in artikel 150e is voorgeschreven") is not what the next bare
/// paragraph goes on about when an article was named shortly before it: legal prose refers
/// such asides in passing and goes on about its main article.
fn with_bare_paragraphs(
    text: &str,
    chains: Vec<grammar::Chain>,
) -> (Vec<grammar::Chain>, BareParagraphs) {
    let mut out = Vec::with_capacity(chains.len());
    let mut bare = BareParagraphs::default();
    // The last article not read in an aside.
    let mut main: Option<grammar::RefSyntax> = None;
    // The articles read so far whose paragraphs were named with them ("artikel 13a, derde lid").
    let mut with_paragraphs: Vec<grammar::RefSyntax> = Vec::new();
    let mut chains = chains.into_iter().peekable();
    while let Some(chain) = chains.next() {
        let next_start = chains
            .peek()
            .and_then(|c| c.refs.first())
            .map_or(text.len(), |r| r.start);
        let article = chain
            .refs
            .last()
            .filter(|r| r.unit == Unit::Article)
            .cloned();
        let first_start = chain.refs.first().map(|r| r.start);
        let aside = first_start.is_some_and(|at| in_an_aside(text, at));
        if aside {
            bare.asides.extend(chain.refs.iter().map(|r| r.start));
        }
        out.push(chain);
        let Some(article) = article else { continue };
        // After an aside the bare paragraphs go on about the main article named shortly
        // before, if one was.
        let of_main = aside
            && main
                .as_ref()
                .is_some_and(|m| m.end + THAT_ARTICLE_REACH >= article.start);
        if !aside {
            main = Some(article.clone());
        }
        let that = match &main {
            Some(m) if of_main => m.clone(),
            _ => article.clone(),
        };
        // An article cited in brackets ("(artikel 10, onder a)") is named in passing: a bare
        // paragraph after it that repeats one named with an article earlier in the passage
        // ("Het voorgestelde artikel 13a, derde lid, Wpg ... adviseert het derde lid te
        // heroverwegen") goes on about that article.
        let cited_in_brackets = first_start.is_some_and(|at| text[..at].trim_end().ends_with('('));
        if article.parts.iter().any(|p| p.paragraph.is_some()) {
            with_paragraphs.push(article.clone());
        }
        with_paragraphs.retain(|e| e.end + PARAGRAPH_NAMED_REACH >= article.start);
        let mut after = article.end;
        loop {
            let to = crate::text::floor_boundary(text, next_start.min(after + THAT_ARTICLE_REACH));
            let Some((start, end, paragraphs, points)) = grammar::bare_paragraphs(text, after, to)
            else {
                break;
            };
            let parts = grammar::paragraph_point_pairs(paragraphs, points);
            // A bare paragraph and point that echo those named with an earlier article, where
            // the article read last was named with other paragraphs ("Artikel 384, vierde
            // lid, onder b, Fw bepaalt ... artikel 11, eerste lid, onder c, van de richtlijn.
            // ... het vierde lid, onder b, ..."), go on about that earlier article: a point
            // and its paragraph repeated together name one provision.
            let echoes_earlier = !parts.is_empty()
                && parts.iter().all(|(paragraph, point)| {
                    paragraph.is_some()
                        && point.is_some()
                        && !that.parts.iter().any(|p| p.paragraph == *paragraph)
                })
                && that.parts.iter().any(|p| p.paragraph.is_some());
            let named_before = (cited_in_brackets || echoes_earlier)
                .then(|| {
                    with_paragraphs.iter().rev().find(|e| {
                        // In the same paragraph of the letter.
                        e.start < article.start
                            && !text[e.start..start].contains("\n\n")
                            && parts.iter().all(|(paragraph, point)| {
                                paragraph.is_some()
                                    && e.parts.iter().any(|p| {
                                        p.paragraph == *paragraph
                                            && (cited_in_brackets
                                                || !echoes_earlier
                                                || p.point == *point)
                                    })
                            })
                    })
                })
                .flatten();
            let Some(r) =
                of_that_unit(named_before.unwrap_or(&that), start, end, parts.into_iter())
            else {
                break;
            };
            if let Some(e) = named_before {
                bare.of_named.push((r.start, e.start));
            } else if of_main {
                bare.of_main.push(r.start);
            } else {
                bare.of_last.push(r.start);
            }
            out.push(grammar::Chain { refs: vec![r] });
            after = end;
        }
    }
    (out, bare)
}

/// Does the reference at `start` stand in an aside that points to it for a definition or a
/// rule: "als bedoeld in", "genoemd in", "de wijze die in", or for where a term comes from
/// ("Het begrip «stelselmatig» is ontleend aan artikel 285b Sr": the next "Het tweede lid"
/// is still the new article's)?
pub(super) fn in_an_aside(text: &str, start: usize) -> bool {
    static ASIDE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:(?:(?-u:\b)(?:bedoeld|genoemd|omschreven)|(?-u:\b)(?:die|dat|welke))\s+in|(?-u:\b)(?:ontleend\s+aan|overgenomen\s+uit|naar\s+analogie\s+van|in\s+navolging\s+van))\s+(?:de\s+|het\s+)?$",
        )
        .expect("valid regex")
    });
    let from = crate::text::ceil_boundary(text, start.saturating_sub(40));
    text.get(from..start)
        .is_some_and(|before| ASIDE.is_match(before))
}

/// Does the head word at `head` belong to a body's name: "de Groep gegevensbescherming artikel
/// 29", "de Groep artikel 29", "de Werkgroep artikel 29" (the EU's data protection advisers,
/// named for the directive's article that set them up)? Not a reference to that article.
fn names_a_body(text: &str, head: usize) -> bool {
    let before = &text[crate::text::ceil_boundary(text, head.saturating_sub(40))..head];
    let before = before.trim_end().to_lowercase();
    let before = before
        .strip_suffix("gegevensbescherming")
        .map_or(before.as_str(), str::trim_end);
    before.ends_with("groep")
}

/// A reference at `start..end` to parts (paragraph, point) of the one unit `that` names, with
/// its name. None when `that` names a list of units ("bijlagen II en III ... punt 1 van die
/// bijlage", "artikelen 5 en 6 ... het tweede lid van dat artikel": either).
fn of_that_unit(
    that: &grammar::RefSyntax,
    start: usize,
    end: usize,
    parts: impl Iterator<Item = (Option<String>, Option<String>)>,
) -> Option<grammar::RefSyntax> {
    let number = that.parts.first()?.number.clone();
    if that.parts.iter().any(|p| p.number != number) {
        return None;
    }
    Some(grammar::RefSyntax {
        unit: that.unit,
        start,
        end,
        parts: parts
            .map(|(paragraph, point)| grammar::Part {
                number: number.clone(),
                paragraph,
                point,
                subpoint: None,
            })
            .collect(),
        named: that.named,
        arabic_annex: false,
    })
}

/// Does the clause of the bare reference at `start` have the bill as its subject and place the
/// reference in it: "Het wetsvoorstel verkort deze termijn in artikel 5.3", "Dit wetsvoorstel
/// regelt dat in artikel 4.2". Only with "in": "Het wetsvoorstel wijzigt artikel 12" is
/// an article of the act the bill amends. No instrument may be named in between.
fn the_bill_places_it(doc: &Doc, mentions: &resolve::Mentions, start: usize) -> bool {
    static BILL_THEN_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:[Hh]et|[Dd]it)\s+(?:wetsvoorstel|voorstel\s+van\s+wet)\b[^;:()]{0,120}?\bin\s+$",
        )
        .expect("valid regex")
    });
    let text = doc.norm.text.as_str();
    let Some(sentence) = doc.norm.sentence_at(start) else {
        return false;
    };
    let Some(before) = text.get(sentence.span.start..start) else {
        return false;
    };
    // A cheap test first: most references have no bill before them.
    if !before.contains("voorstel") {
        return false;
    }
    BILL_THEN_IN.find(before).is_some_and(|m| {
        mentions
            .named_between(sentence.span.start + m.start(), start)
            .next()
            .is_none()
    })
}

/// "I", "IV", "XII": a Roman article number.
fn is_roman(number: &str) -> bool {
    !number.is_empty() && number.chars().all(|c| "IVXLC".contains(c))
}

/// "bijlage II bij deze brief": an attachment to a paper, not an annex of an instrument.
fn attachment_of_a_paper(after: &str) -> bool {
    static PAPER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*,?\s*(?i:bij|van|in)\s+(?i:deze|de|het|dit|die)\s+(?i:brief|kamerbrief|nota|verslag|rapport|advies|antwoorden|beantwoording|memorie|notitie|fiche)(?-u:\b)")
            .expect("valid regex")
    });
    PAPER.is_match(after)
}

/// "artikel 1 van de begroting": a budget article (a line of the budget, voted on as such),
/// not an article of an instrument; also after the line's name in brackets ("artikel 4
/// (Internationale financiële betrekkingen) van de begroting van Financiën") and of a
/// budget's chapter ("artikel 3 van hoofdstuk XVI (Volksgezondheid, Welzijn en Sport)", not
/// "hoofdstuk III van de AVG"), and of a budget fund ("artikel 6 van het
/// Defensiematerieelbegrotingsfonds", "van het Gemeentefonds").
fn article_of_a_budget(after: &str) -> bool {
    static BUDGET: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:\([^()]{1,80}\)\s*)?,?\s*(?i:van|uit|op|in)\s+(?:(?i:de|het|deze|die|mijn|onze)\s+(?:\S+\s+)?(?i:begroting|ontwerpbegroting|rijksbegroting|begrotingshoofdstuk|suppletoire\s+begroting|\S+begroting|\S*begrotingsfonds|\S*fonds)(?-u:\b)|(?:begrotings)?hoofdstuk\s+[IVXLC]+(?:\s*\(|\s*[,.;]|\s+(?:en|is|wordt|worden|zijn)\b))")
            .expect("valid regex")
    });
    BUDGET.is_match(after)
}

struct Lookup<'m, 'a>(&'m Mentions<'a>);

impl Names for Lookup<'_, '_> {
    fn name_end_at(&self, pos: usize) -> Option<usize> {
        self.0.at(pos).map(|m| m.span.end)
    }
}

/// Points listed before their unit: "de punten 1, 5, 6 en 7 van bijlage III", "punt 4 van
/// artikel 3". The reference then starts at "punt" and holds a part for each point.
fn points_before(text: &str, r: &mut grammar::RefSyntax) {
    static POINTS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\bpunt(?:en)?\s+(\d{1,3}[a-z]?(?:\s*,\s*\d{1,3}[a-z]?)*(?:\s+(?:en|of)\s+\d{1,3}[a-z]?)?)\s+van\s+(?:de\s+)?$")
            .expect("valid regex")
    });
    let [part] = r.parts.as_slice() else {
        return;
    };
    if part.point.is_some() || part.paragraph.is_some() {
        return;
    }
    let from = crate::text::floor_boundary(text, r.start.saturating_sub(80));
    let Some(c) = POINTS.captures(&text[from..r.start]) else {
        return;
    };
    let (Some(whole), Some(list)) = (c.get(0), c.get(1)) else {
        return;
    };
    let points: Vec<String> = list
        .as_str()
        .split(|ch: char| ch == ',' || ch.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "en" && *w != "of")
        .map(str::to_string)
        .collect();
    let base = part.clone();
    r.parts = points
        .into_iter()
        .map(|point| grammar::Part {
            point: Some(point),
            ..base.clone()
        })
        .collect();
    r.start = from + whole.start();
}

/// A whole-numbered article followed by its name in capitals, inside a sentence: a budget
/// article ("toegevoegd aan artikel 4 Woningbouw en artikel 3 Woningmarkt", "de uitputting van
/// artikel 1 Openbaar bestuur en democratie", "(artikel 99 Nog onverdeeld)"). A law named
/// after the number was read as a name before (registry names, "Wet ...", abbreviations); a
/// heading that opens a block ("Artikel 4 Reikwijdte") is a bill's article with its title.
fn named_budget_article(doc: &Doc, r: &grammar::RefSyntax, end: usize) -> bool {
    static NAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^ \p{Lu}\p{Ll}{2,}(?:[ ,.;:)]|$)").expect("valid regex")
    });
    let text = doc.norm.text.as_str();
    if !r
        .parts
        .iter()
        .all(|p| p.number.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let opens_block = doc
        .norm
        .sentence_at(r.start)
        .and_then(|s| s.block)
        .and_then(|b| doc.norm.blocks.get(b))
        .is_some_and(|b| r.start <= b.span.start + 1);
    // The name follows the number itself ("artikel 4 Woningbouw"), not a paragraph or an
    // "e.v." that ends a sentence ("(artikel 6, tweede lid e.v. Indien ...").
    let after_number = text[..end].ends_with(|c: char| c.is_ascii_digit());
    let window = &text[end..crate::text::floor_boundary(text, (end + 60).min(text.len()))];
    // A function word in capitals is a sentence run on, not a budget article's name.
    const FUNCTION_WORDS: [&str; 24] = [
        "Wat", "Het", "De", "Dit", "Dat", "Deze", "Die", "Een", "In", "Op", "Voor", "Met", "Bij",
        "Als", "Ook", "Zie", "Van", "Aan", "Uit", "Door", "Naar", "Over", "Tot", "Wij",
    ];
    let first = window.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
    !opens_block && after_number && NAMED.is_match(window) && !FUNCTION_WORDS.contains(&first)
}

/// Where the number of `r` ends: before the name the grammar read after it, if any.
fn number_end(text: &str, r: &grammar::RefSyntax, name: Option<Named>) -> usize {
    match name {
        Some(Named::Unknown { start, .. }) if start <= r.end => text[..start].trim_end().len(),
        _ => r.end,
    }
}

/// Whether `name` is one the registry does not know that reads as common words, not as an
/// act's name ("artikel 14 Wegen en verkeersveiligheid", a budget article's title; not
/// "artikel 4 Mijnbouwwet", "artikel 24 Pjj" or "artikel 12 WRA").
fn titled_by_common_words(text: &str, name: Option<Named>) -> bool {
    const ACT_WORDS: [&str; 10] = [
        "wet",
        "wetboek",
        "besluit",
        "regeling",
        "verdrag",
        "richtlijn",
        "verordening",
        "code",
        "reglement",
        "statuut",
    ];
    let Some(Named::Unknown { start, end }) = name else {
        return false;
    };
    let title = text[start..end].to_lowercase();
    // An abbreviation is short or has hardly a vowel ("Pjj", "Wkkgz"); a word has both.
    let first = title.split_whitespace().next().unwrap_or("");
    let vowels = first.chars().filter(|c| "aeiouy".contains(*c)).count();
    first.chars().count() >= 5 && vowels >= 2 && !ACT_WORDS.iter().any(|w| title.ends_with(w))
}

/// Is `doc_id` a paper of a budget chapter ("kst-36550-VII-2", "kst-36600-A-3")? Its
/// dossier number carries the chapter, in roman numerals or a letter.
fn budget_chapter(doc_id: &str) -> bool {
    let parts: Vec<&str> = doc_id.split('-').collect();
    matches!(parts.as_slice(), ["kst", dossier, chapter, _]
        if dossier.chars().all(|c| c.is_ascii_digit())
            && !chapter.is_empty()
            && chapter.chars().all(|c| c.is_ascii_uppercase()))
}

/// The kind word (and where it stands) of a subject named by its kind that states, right
/// before `start`, what its own article holds: "De huidige richtlijn regelt in de artikelen",
/// "Deze verordening bepaalt in artikel"; and whether it says the act is the one in force
/// ("huidige", "bestaande", "geldende").
fn kind_stating_its_article(text: &str, start: usize) -> Option<(usize, &'static str, bool)> {
    static SUBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"(?:^|[.;:]\s+|\n)(?:[Dd]e|[Hh]et|[Dd]eze|[Dd]it)\s+(?:(huidige|bestaande|geldende|oude|nieuwe|voorgestelde|herziene)\s+)?(richtlijn|verordening|wet|verdrag|besluit)\s+{STATES}\s+(?:\S+\s+){{0,2}}?in\s+(?:de\s+)?$"
        ))
        .expect("valid regex")
    });
    let from = crate::text::ceil_boundary(text, start.saturating_sub(120));
    let before = &text[from..start];
    let c = SUBJECT.captures(before)?;
    let current = c
        .get(1)
        .is_some_and(|a| matches!(a.as_str(), "huidige" | "bestaande" | "geldende"));
    let word = c.get(2)?;
    let kind = ["richtlijn", "verordening", "wet", "verdrag", "besluit"]
        .into_iter()
        .find(|k| *k == word.as_str())?;
    Some((from + word.start(), kind, current))
}

/// A budget article's number: a whole number ("14") or one with its two-digit sub-article
/// ("14.02").
fn budget_article_number(number: &str) -> bool {
    let (article, sub) = number.split_once('.').unwrap_or((number, "00"));
    !article.is_empty()
        && article.bytes().all(|b| b.is_ascii_digit())
        && sub.len() == 2
        && sub.bytes().all(|b| b.is_ascii_digit())
}

/// Does the reference at `at` read as a budget article: a heading it begins ("Artikel 1
/// Openbaar bestuur en democratie"), what is booked "op artikel 1", or a sentence about money
/// or a budget ("de middelen voor artikel 6")?
fn budget_wording(doc: &Doc, at: usize) -> bool {
    const MONEY: [&str; 11] = [
        "uitgaven",
        "ontvangsten",
        "verplichtingen",
        "budget",
        "middelen",
        "miljoen",
        "mln",
        "€",
        "kasschuif",
        "begroting",
        "raming",
    ];
    let norm = doc.norm;
    let Some(s) = norm.sentence_at(at) else {
        return false;
    };
    let heading = s
        .block
        .and_then(|b| norm.blocks.get(b))
        .is_some_and(|b| b.kind == BlockKind::Heading && at <= b.span.start + 1);
    let booked = crate::text::window_before(&norm.text, at, 4).ends_with("op ");
    let sentence = norm.slice(s.span).to_lowercase();
    heading || booked || MONEY.iter().any(|w| sentence.contains(w))
}

/// Whether `[start, end)` begins inside a footnote and runs past its end.
fn crosses_a_footnote_end(norm: &crate::normalize::NormDoc, start: usize, end: usize) -> bool {
    norm.footnotes
        .iter()
        .any(|f| f.span.start <= start && start < f.span.end && end > f.span.end)
}

/// Whether the sentence of the reference at `at` speaks, before it, of implementing it
/// ("de implementatie van artikel 26", "bij de omzetting van artikel 5"), or after it of
/// implementing "dit artikel" ("voldoet aan de eisen van artikel 36 en ... voor de implementatie
/// van dit artikel is geen wijziging van de Wet ... nodig").
fn implemented_here(doc: &Doc, at: usize) -> bool {
    static THIS_ARTICLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:implementatie|omzetting)\s+van\s+(?:dit|dat|deze|die)\s+(?:artikel|bepaling)\b",
        )
        .expect("valid regex")
    });
    const WORDS: [&str; 6] = [
        "implementatie",
        "implementeren",
        "omzetting",
        "omzetten",
        "geïmplementeerd",
        "omgezet",
    ];
    let Some(sentence) = doc.norm.sentence_at(at) else {
        return false;
    };
    let before = doc
        .norm
        .text
        .get(sentence.span.start..at)
        .is_some_and(|before| {
            before
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
        });
    before
        || doc
            .norm
            .text
            .get(at..sentence.span.end)
            .is_some_and(|after| THIS_ARTICLE.is_match(after))
}

/// Whether `target` is an EU act (only EU acts number annexes in roman).
fn is_eu(target: &Target) -> bool {
    target
        .id
        .as_deref()
        .is_some_and(|i| i.starts_with("celex:"))
}

/// An article number with letters run on to its digits ("15o", "25ca"): an article inserted
/// into a Dutch act. ("8 bis", with a space, is how EU acts number theirs.)
fn letter_suffixed(number: &str) -> bool {
    let digits = number.chars().take_while(char::is_ascii_digit).count();
    let rest = &number[digits..];
    digits > 0 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase())
}

/// Does a bare reference stand right after a cited paper's number ("Kamerstuk 36 600 J, nr. 2,
/// artikel 1.01")? It is then an article of that paper (a budget's or a bill's), not of the law
/// the passage is about.
fn after_a_cited_paper(text: &str, at: usize) -> bool {
    static CITED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:\bnrs?\.|\bnummer)\s*\d{1,4}[A-Za-z]{0,2}\s*,\s*(?:p\.\s*\d+\s*,\s*)?$",
        )
        .expect("valid regex")
    });
    CITED.is_match(crate::text::window_before(text, at, 40))
}

/// Laws named by a one-word compound after "de" or "het" anywhere in the text ("de
/// Spreidingswet", "het Kinderrechtenverdrag"), known to the registry or not: a law the
/// registry does not know is still what "die wet" refers back to ("Zolang de Spreidingswet niet
/// is ingetrokken, ... artikel 2 van die wet"), so it must not fall to a known law named
/// further back. Not a role ("de Uitvoeringswet" of a heading or a sentence's start).
fn free_law_names(text: &str) -> impl Iterator<Item = &str> {
    // An agreement the registry does not know, named as one word ("de
    // Associatieovereenkomst tussen de EU en Israël"), is what "die overeenkomst" then means.
    static COMPOUND_LAW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:[Dd]e|[Hh]et) ([A-Z][a-z]{2,}(?:wet|wetboek|richtlijn|verordening|verdrag|overeenkomst)(?: \d{4})?)\b",
        )
        .expect("valid regex")
    });
    // A law or decree of several words that says what one of its articles holds ("Het Besluit
    // onderzoek in een geautomatiseerd werk bepaalt in artikel 9 dat ...", "In de Wet
    // experiment gesloten coffeeshopketen is het aantal gemeenten in artikel 5 beperkt", "Het
    // Uitvoeringsbesluit Wkkgz schrijft in artikel 8b ... voor"): the article that follows is its
    // own, not that of the act named before.
    static STATING_LAW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            &format!(r"\b(?:[Dd]e|[Hh]et) ((?:Wet|Besluit|Regeling|Uitvoeringsbesluit|Uitvoeringsregeling)(?: (?:[a-zà-ÿ\-]+|[A-Z][A-Za-z]{{1,7}})){{1,7}}?(?: \d{{4}})?) {STATES} (?:\S+ ){{0,2}}?in (?:artikel|de artikelen) |\b[Ii]n (?:de|het) ((?:Wet|Besluit|Regeling|Uitvoeringsbesluit|Uitvoeringsregeling)(?: [a-zà-ÿ\-]+){{1,7}}?(?: \d{{4}})?) (?:is|zijn|wordt|worden|staat|staan) (?:\S+ ){{0,8}}?in (?:artikel|de artikelen) "),
        )
        .expect("valid regex")
    });
    // A law or decree of several words whose name a bracket or a comma ends ("de Wet
    // politieregisters (Wpolr)", "de Wet politieregisters, en met name artikel 1 van die wet"):
    // "die wet" after it is that law, not a known act named before it.
    static DELIMITED_LAW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:[Dd]e|[Hh]et) ((?:Wet|Besluit)(?: [a-zà-ÿ\-]+){1,4}?(?: \d{4})?)(?: \(|,)",
        )
        .expect("valid regex")
    });
    COMPOUND_LAW
        .captures_iter(text)
        .chain(STATING_LAW.captures_iter(text))
        .chain(DELIMITED_LAW.captures_iter(text))
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| m.as_str())
        .chain(stating_texts(text))
        .filter(|name| {
            let lower = name.to_lowercase();
            // "de Uitvoeringsverordening" refers back to an act named by number.
            !tail::UNIDENTIFIED.contains(&lower.as_str()) && lower != "uitvoeringsverordening"
        })
}

/// A text named by a compound of a word for rules ("De Reclamecode voor Online Kansspelen
/// (RVOK) van de branche bevat in artikel 5 ...") or by an acronym the registry does not know
/// ("De AMLD6 regelt in de artikelen 11 en 12 ..."), saying what its own article holds: that
/// article is its own, not that of an act named around it (see [`free_law_names`]). A person
/// or body as subject ("De minister regelt in artikel 5") is neither.
/// Found from the rare verb phrase back to the name: a search for the name first would stop at
/// every "de" and "het" of the letter.
fn stating_texts(text: &str) -> impl Iterator<Item = &str> {
    static STATES_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r" {STATES} (?:\S+ ){{0,2}}?in (?:artikel|de artikelen) "
        ))
        .expect("valid regex")
    });
    static NAME_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:[Dd]e|[Hh]et) ([A-Z][a-z\-]*(?:code|wet|wetboek|richtlijn|verordening|besluit|regeling|reglement|verdrag|protocol|statuut)(?: (?:(?:voor|van|op|inzake|betreffende|en) )?[A-Z][A-Za-z\-]*){0,4}|[A-Z]{3,}[0-9]?)(?: \([A-Z][A-Za-z0-9\-]{1,10}\))?(?: van de [a-z]+)?$",
        )
        .expect("valid regex")
    });
    STATES_IN.find_iter(text).filter_map(|m| {
        let before = crate::text::window_before(text, m.start(), 160);
        NAME_BEFORE
            .captures(before)
            .and_then(|c| c.get(1))
            .map(|n| n.as_str())
    })
}

/// A unit an explicit name (or the letter's own definition) tied to an instrument, and where.
#[derive(Debug, Clone)]
struct Tie {
    at: usize,
    /// Where the reference that made the tie ends (its instrument's name included).
    end: usize,
    unit: Unit,
    part: grammar::Part,
    target: Target,
    /// Made by a bare reference its sentence decided, not by a name. It decides later bare
    /// references as a named tie does, but is no other reference's name standing between
    /// (a carried name's span is not a citation) and does not override a fiche's subject.
    soft: bool,
}

/// Whether two targets are the same instrument: the same id, or, without one, the same name.
fn same_target(a: &Target, b: &Target) -> bool {
    a.id == b.id && (a.id.is_some() || a.name == b.name)
}

/// The instrument of a bare reference that repeats, down to paragraph and point, units named
/// in full earlier in the letter: "artikel 5, eerste lid, onder h" after "artikel 5, eerste
/// lid, onder h, van de AI-verordening", however far back and whatever was named in between
/// ("artikel 5 van de Wet politiegegevens" ties only the article number). Only a reference
/// that gives a paragraph or point counts (a bare number is [`earlier_tie`]'s), and only when
/// every earlier full naming of those units names the same instrument.
fn same_unit_named_before(ties: &[Tie], r: &grammar::RefSyntax) -> Option<Target> {
    if r.parts
        .iter()
        .any(|part| part.paragraph.is_none() && part.point.is_none())
    {
        return None;
    }
    agreed_tie(ties, r, |t, part| {
        t.at < r.start
            && t.part.number == part.number
            && t.part.paragraph == part.paragraph
            && t.part.point == part.point
    })
    .map(|(_, target)| target.clone())
}

/// The instrument the ties that `tied` picks for each part of `r` all agree on, with where the
/// last of them stands; None when a part has no tie or two ties (or two parts) disagree.
fn agreed_tie<'t>(
    ties: &'t [Tie],
    r: &grammar::RefSyntax,
    tied: impl Fn(&Tie, &grammar::Part) -> bool,
) -> Option<(usize, &'t Target)> {
    let mut found: Option<(usize, &Target)> = None;
    for part in &r.parts {
        let mut matching = ties.iter().filter(|t| t.unit == r.unit && tied(t, part));
        let first_tie = matching.next()?;
        let first = &first_tie.target;
        let mut last_at = first_tie.at;
        for t in matching {
            if !same_target(&t.target, first) {
                return None;
            }
            last_at = t.at;
        }
        match found {
            Some((_, f)) if !same_target(f, first) => return None,
            _ => found = Some((last_at, first)),
        }
    }
    found
}

/// Does the name at `at` follow a part of its act named by number ("afdeling 5.3 van de",
/// "hoofdstuk 4 van het", "titel 4.1 Awb")? Such a name is a reference's, not a change of
/// subject.
fn of_a_structural_part(text: &str, at: usize) -> bool {
    static PART: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:afdeling|hoofdstuk|titel|paragraaf|§)\s+[0-9][0-9.:]*[a-z]?\s*,?\s+(?:van\s+(?:de|het)\s+)?$",
        )
        .expect("valid regex")
    });
    let from = crate::text::floor_boundary(text, at.saturating_sub(60));
    text.get(from..at)
        .is_some_and(|before| PART.is_match(before))
}

/// Is `number` the article `tie` named with its book or chapter ("artikel 1:157 BW" ... "het
/// voorgestelde artikel 157, zesde lid")? A debate or letter that has named the code's article
/// in full goes on by its number within the book.
fn within_its_book(tie: &Tie, number: &str) -> bool {
    tie.target.colon_numbers
        && !number.contains([':', '.'])
        && tie
            .part
            .number
            .split_once(':')
            .is_some_and(|(_, within)| within == number)
}

/// How far back a name's tie of an article number to an instrument still decides a bare
/// reference to the same number: about a page.
const TIE_REACH: usize = 4000;

/// The instrument an earlier reference tied the same unit and number(s) to, named within
/// [`TIE_REACH`] before: "artikel 98, eerste lid, van Richtlijn 2006/112/EG ... de ruimte die
/// artikel 98 biedt, in artikel 9 van de Wet OB 1968" is the directive's article 98, and
/// "Artikel 1.2 van het wetsvoorstel ... De Afdeling acht artikel 1.2 te ruim" the bill's.
/// None when the numbers were tied to different instruments. Also whether every such tie is
/// soft (made by a bare reference, see [`Tie::soft`]).
fn earlier_tie(ties: &[Tie], r: &grammar::RefSyntax) -> Option<EarlierTie> {
    let tied =
        |t: &Tie, part: &grammar::Part| t.part.number == part.number && t.at + TIE_REACH >= r.start;
    let (at, target) = agreed_tie(ties, r, tied)?;
    let soft = ties
        .iter()
        .filter(|t| t.unit == r.unit && r.parts.iter().any(|part| tied(t, part)))
        .all(|t| t.soft);
    Some(EarlierTie {
        at,
        target: target.clone(),
        soft,
    })
}

/// Does a bare reference at `start` stand apart from the names its sentence holds: every
/// instrument named between the tie and it is another reference's own name (not the tie's act),
/// and after the last of those the sentence goes on, past a comma or bracket, for a clause
/// before the reference?
fn apart_from_named_references(
    text: &str,
    mentions: &resolve::Mentions,
    ties: &[Tie],
    tie: &EarlierTie,
    start: usize,
) -> bool {
    let mut last_end = None;
    for at in mentions.named_between(tie.at, start) {
        let Some(owner) = ties.iter().find(|t| !t.soft && t.at <= at && at < t.end) else {
            return false;
        };
        last_end = Some(last_end.unwrap_or(0).max(owner.end));
    }
    let Some(gap) = last_end.and_then(|end| text.get(end..start)) else {
        return false;
    };
    gap.len() >= 25 && gap.contains([',', '(', ';']) && !gap.contains(['.', '\n'])
}

/// What [`earlier_tie`] finds: where the last tie stands, its instrument, and whether only
/// bare references made it.
struct EarlierTie {
    at: usize,
    target: Target,
    soft: bool,
}
