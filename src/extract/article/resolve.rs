//! Which instrument a reference belongs to.
//!
//! In the order a reader would decide it:
//!
//! 1. `explicit`: the reference names it ("artikel 9 AVG", "artikel 3 van de Richtlijn (EU)
//!    2016/680", "Artikel 5, Wet politiegegevens"), or a chain it is part of does
//!    ("artikelen 38 en 39 AVG", "artikel 36, tweede lid, in samenhang met artikel 58 AVG").
//! 2. `definition`: the name is one the letter defined for itself ("Verordening (EU) 2016/679
//!    (hierna: de verordening)", "Wet justitiële en strafvorderlijke gegevens (Wjsg)").
//! 3. `context`: no name; the instrument the passage is about. The nearest mention before the
//!    reference in its sentence, then after it in the sentence, then before and after it in
//!    its paragraph (for a footnote: the footnote, then the sentence that carries its marker),
//!    then earlier paragraphs of the same section, then the instrument the whole letter is
//!    mostly about. Generic words ("van de verordening") take the nearest mention of their
//!    kind.
//! 4. `none`: nothing decides it; `instrument_id` stays null rather than guessed.
//!
//! Mentions are the registry's names, EU acts named by number (CELEX rule) and the letter's own
//! definitions, found once per document. A name whose meaning depends on the date (the AI Act
//! before and after adoption) is settled here with the document's date.

use super::registry::{celex_at, is_proposal, is_word_bounded, Registry};
use crate::normalize::{BlockKind, NormDoc};
use crate::record::Span;
use crate::text::{floor_boundary, window_after, window_before};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// An instrument a reference can belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: Option<String>,
    /// The display name: the registry's short name, or the name as written.
    pub name: String,
    pub entry: Option<usize>,
    /// Generic words that can refer back to it ("verordening", "wet").
    pub kinds: Vec<String>,
    /// Its articles are numbered chapter:number (see the registry's `colon_numbers`).
    pub colon_numbers: bool,
    /// Its articles are numbered 1, 2, 3a, never chapter.number (the registry's
    /// `plain_numbers`).
    pub plain_numbers: bool,
    /// Its articles are numbered chapter.number throughout, never 1, 2, 3a (the registry's
    /// `dotted_numbers`).
    pub dotted_numbers: bool,
    /// An amending act numbered I, II (the registry's `roman_numbers`).
    pub roman_numbers: bool,
    /// Its articles are numbered by a chapter's letter, "J 15" (the registry's
    /// `letter_numbers`).
    pub letter_numbers: bool,
}

impl Target {
    /// Whether it is a Dutch act in force (a BWB regulation id, not a treaty's BWBV).
    pub fn is_dutch_act(&self) -> bool {
        self.id
            .as_deref()
            .is_some_and(|i| i.starts_with("bwb:BWBR"))
    }

    /// An instrument the registry does not know, as the text names it: no id, no kinds.
    pub fn unregistered(name: &str) -> Target {
        Target {
            id: None,
            name: name.to_string(),
            entry: None,
            kinds: Vec::new(),
            colon_numbers: false,
            plain_numbers: false,
            dotted_numbers: false,
            roman_numbers: false,
            letter_numbers: false,
        }
    }
}

/// An instrument named in the text.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub target: Target,
    /// Named by a short name the letter defined.
    pub defined: bool,
}

/// How far back a demonstrative ("die richtlijn") looks for the act it points at.
const DEMONSTRATIVE_REACH: usize = 1500;

/// How far from a reference the context rule found its instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Sentence,
    Paragraph,
    /// Named later in the paragraph, after the reference's sentence.
    Ahead,
    /// The bill a memorie van toelichting explains article by article.
    Bill,
    Section,
    /// The act the paper itself is about, as its head states it (a BNC fiche's "Nr.
    /// Commissiedocument COM(2023) 416").
    Subject,
    Document,
}

/// How a reference was resolved (the record's `resolved_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Explicit,
    Definition,
    Context,
    None,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Explicit => "explicit",
            By::Definition => "definition",
            By::Context => "context",
            By::None => "none",
        }
    }
}

/// The instrument mentions of one document, and the context rules over them.
pub struct Mentions<'a> {
    pub list: Vec<Mention>,
    norm: &'a NormDoc,
    /// The act the paper is about by its own head, if it states one.
    subject: Option<Target>,
    /// Every act its head lists there ("COM(2023) 445 en COM(2023) 441").
    subjects: Vec<Target>,
    /// A bill's explanation: the law its dossier title names, and where the explanation of
    /// its articles one by one begins ("II. ARTIKELSGEWIJS"); then, for a bill amending
    /// several laws, where each of its articles' sections begins and the law its heading
    /// names ("Artikel III (Wet allocatie arbeidskrachten door intermediairs)").
    bill: Option<BillExplained>,
    /// Where references that named their instrument stand, in text order, and that
    /// instrument: which acts a passage has been citing articles of.
    cited: Vec<(usize, Target)>,
    /// Where every reference that was placed in an instrument stands, by name or not, and
    /// that instrument: whose articles the letter has been discussing.
    referenced: Vec<(usize, Target)>,
    /// A fiche's one proposal and the acts its title says it amends.
    amending: Option<(Target, Vec<Target>)>,
    /// A fiche's proposals by the kind of act each proposes ("richtlijn", "verordening"), as
    /// its head pairs titles and numbers: what "de (voorgestelde) richtlijn" means there.
    proposals: Vec<(&'static str, Target)>,
    /// Proposals named in footnotes, placed at the end of the body sentence that carries the
    /// note's marker; only "het voorstel" looks at them (see `anaphor`).
    noted: Vec<Mention>,
    /// An amending text's instructions ("De Uitvoeringsregeling WNT wordt als volgt
    /// gewijzigd: A. In artikel 2 ..."): where each act's instructions stand, and that act.
    /// The flag marks a bill's own articles numbered in Roman numerals, where the others are
    /// of the act the bill amends.
    amended: Vec<(Span, Target, bool)>,
    /// In a bill's explanation whose head names no act (a new law, a merger of
    /// municipalities), where the explanation of its own articles one by one begins: a
    /// heading "Artikel 1" there is the bill's own article.
    own_articles_from: Option<usize>,
    /// The one act a bill amends, as the paper's head names it ("35 893 Wijziging van de
    /// Vreemdelingenwet 2000 ..."): see [`amended_by_the_bill`].
    bill_amends: Option<Target>,
    /// Acts the letter says another act replaces, with where it says so (see
    /// [`Mentions::replaced_before`]); found once, as few letters say it.
    replaced: Vec<(usize, Target)>,
    /// Acts named as the predecessor of another, with where (see
    /// [`Mentions::named_as_predecessor`]); found once.
    predecessors: Vec<(usize, Target)>,
}

impl<'a> Mentions<'a> {
    pub fn find(registry: &Registry, norm: &'a NormDoc, date: Option<&str>) -> Mentions<'a> {
        let text = norm.text.as_str();
        let mut list: Vec<Mention> = Vec::new();
        let hits = registry.find_names(text);
        // A letter without a date that names one of the two texts unambiguously elsewhere
        // ("Verordening (EU) 2024/1689", "conceptverordening") means that text by its dated
        // names as well.
        // So does its COM or CELEX number ("het voorstel voor een verpakkingsverordening
        // (COM(2022) 677)").
        let numbered = eu_acts(text);
        let named: Vec<usize> = hits
            .iter()
            .filter(|h| !h.dated)
            .map(|h| h.entry)
            .chain(
                numbered
                    .iter()
                    .filter_map(|(_, _, celex, _)| registry.by_id(&format!("celex:{celex}"))),
            )
            .collect();
        for hit in hits {
            if in_another_title(text, hit.start) {
                continue;
            }
            let era = registry.era(hit.entry, hit.dated, date).or_else(|| {
                let mut eras = registry.eras(hit.entry).filter(|e| named.contains(e));
                let only = eras.next();
                only.filter(|_| eras.next().is_none())
            });
            let target = match era {
                // A proposal named in a letter written after its act was adopted ("het
                // voorstel van de Commissie (COM(2021) 206)") is "het voorstel", as its number
                // is below: "de verordening" there is the adopted act.
                Some(e) if registry.superseded(e, date) => proposal_only(registry, e),
                Some(e) => entry_target(registry, e),
                // A dated name in a letter without a date: which text it means is unknown.
                None => Target {
                    id: None,
                    name: text[hit.start..hit.end].to_string(),
                    entry: None,
                    kinds: registry.get(hit.entry).kinds.clone(),
                    colon_numbers: false,
                    plain_numbers: false,
                    dotted_numbers: false,
                    roman_numbers: false,
                    letter_numbers: false,
                },
            };
            list.push(Mention {
                span: Span::new(hit.start, hit.end),
                target,
                defined: false,
            });
        }
        for (start, end, celex, kind) in numbered {
            if list
                .iter()
                .any(|m| m.span.start < end && start < m.span.end)
            {
                continue;
            }
            let id = format!("celex:{celex}");
            let target = match registry.by_id(&id) {
                // Named by its COM number in a letter written after the act was adopted, a
                // proposal is "het voorstel", not "de verordening" a later sentence means by
                // the adopted act.
                Some(e) if kind == "voorstel" && registry.superseded(e, date) => {
                    proposal_only(registry, e)
                }
                Some(e) => entry_target(registry, e),
                None => Target {
                    id: Some(id),
                    name: text[start..end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    entry: None,
                    kinds: std::iter::once(kind.to_string())
                        .chain(proposed_kind(text, kind, start).map(str::to_string))
                        .collect(),
                    colon_numbers: false,
                    plain_numbers: false,
                    dotted_numbers: false,
                    roman_numbers: false,
                    letter_numbers: false,
                },
            };
            list.push(Mention {
                span: Span::new(start, end),
                target,
                defined: false,
            });
        }
        // A proposal named in a footnote ("5 COM(2024) 23") is named where the note's marker
        // stands: "artikel 13 van het voorstel" after it in the body refers to it.
        let noted: Vec<Mention> = list
            .iter()
            .filter(|m| is_of_kind(&m.target, "voorstel"))
            .filter_map(|m| {
                let f = norm
                    .footnotes
                    .iter()
                    .find(|f| f.span.start <= m.span.start && m.span.end <= f.span.end)?;
                let at = norm.sentences.get(f.sentence?)?.span.end;
                Some(Mention {
                    span: Span::new(at, at),
                    target: m.target.clone(),
                    defined: false,
                })
            })
            .collect();
        list.sort_by_key(|m| m.span.start);
        let described = described_by_their_notes(norm, &list);
        if !described.is_empty() {
            list.extend(described);
            list.sort_by_key(|m| m.span.start);
        }
        // Where the paper names the act it is about (a fiche's "Nr. Commissiedocument").
        let subject_at = stated_subject(text);
        let mut defined = definitions(text, &list, subject_at);
        // "Verordening (EU) 2024/1623 tot wijziging van Verordening (EU) nr. 575/2013 (hierna:
        // CRR)": a defined name that is the registry's own name of an act named just before
        // means that act, whichever act the title is about.
        for d in &mut defined {
            let hits = registry.find_names(&d.short);
            let [hit] = hits.as_slice() else { continue };
            if hit.start != 0 || hit.end != d.short.len() {
                continue;
            }
            let known = entry_target(registry, hit.entry);
            let near = d.at.saturating_sub(400);
            if known != d.target
                && list
                    .iter()
                    .any(|m| m.target == known && m.span.end <= d.at && m.span.start >= near)
            {
                d.target = known;
            }
        }
        // A name defined twice for the same instrument is searched for once: the second
        // search only finds the mentions of the first again (and a long text that repeats
        // its definitions, as a batch of letters in one file does, made it quadratic).
        // Definitions stay in the order they stand in the letter (see `add_defined`); one
        // that repeats the name's definition in force changes nothing and is dropped.
        defined.sort_by_key(|d| d.at);
        let mut in_force: Vec<(String, Target)> = Vec::new();
        defined.retain(|d| match in_force.iter_mut().find(|(n, _)| *n == d.key) {
            Some((_, t)) if *t == d.target => false,
            Some((_, t)) => {
                *t = d.target.clone();
                true
            }
            None => {
                in_force.push((d.key.clone(), d.target.clone()));
                true
            }
        });
        if !defined.is_empty() {
            add_defined(text, &mut list, &defined);
        }
        // A fiche on a communication and a proposal lists both numbers; the one the letter
        // gives a short name of its own ("(hierna: het EHDS-voorstel)") is the one it
        // discusses, else the first.
        // The field ends at its line's end or where the next field's letter starts: a page
        // whose fields run on in one paragraph ("c) Nr. Commissiedocument: COM(2023) 462. d)
        // Behandelingstraject Raad: ... f) Rechtsbasis: artikel 114 VWEU") names its legal
        // basis after it, not a second subject.
        static NEXT_FIELD: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\n|[.;]?\s[a-z]\)\s").expect("valid regex"));
        let listed: Vec<&Mention> = subject_at
            .map(|at| {
                let end = NEXT_FIELD
                    .find(&text[at..])
                    .map_or(text.len(), |e| at + e.start());
                list.iter()
                    .filter(|m| at <= m.span.start && m.span.start < end)
                    .collect()
            })
            .unwrap_or_default();
        let subject = listed
            .iter()
            .find(|m| defined.iter().any(|d| d.target == m.target))
            .or_else(|| listed.first().filter(|m| Some(m.span.start) == subject_at))
            .map(|m| m.target.clone());
        let subjects: Vec<Target> = listed.iter().map(|m| m.target.clone()).collect();
        let one_by_one = explanation_one_by_one(text);
        let bill = one_by_one.and_then(|from| bill_explained(text, &list, from));
        let own_articles_from = if bill.is_none() { one_by_one } else { None };
        // The head's title, where it says the paper's bill amends acts in force.
        let amending_title = bill_amending_title(text);
        let bill_amends = amending_title.and_then(|t| amended_by_the_bill(text, t, &list));
        let amended =
            amending_instructions(text, &list, amending_title.is_some(), bill_amends.as_ref());
        let proposals = fiche_proposals(text, &list, subject_at);
        let mut mentions = Mentions {
            list,
            norm,
            subject,
            subjects,
            bill,
            cited: Vec::new(),
            referenced: Vec::new(),
            amending: None,
            proposals,
            noted,
            amended,
            own_articles_from,
            bill_amends,
            replaced: Vec::new(),
            predecessors: Vec::new(),
        };
        mentions.add_amended_subjects(subject_at);
        mentions.replaced = mentions.replaced_acts();
        mentions.predecessors = mentions.predecessor_acts();
        mentions
    }

    /// The mentions of acts another act replaces ("vervangt ... de Dublinverordening",
    /// "wordt vervangen door"), with where each stands.
    fn replaced_acts(&self) -> Vec<(usize, Target)> {
        let text = self.norm.text.as_str();
        let near = |s: &str| s.contains("vervang");
        self.list
            .iter()
            .filter(|m| {
                (near(window_before(text, m.span.start, 160))
                    || near(window_after(text, m.span.end, 120)))
                    && self.amended_or_replaced(m)
            })
            .map(|m| (m.span.start, m.target.clone()))
            .collect()
    }

    /// A fiche on a proposal that amends an act ("Titel voorstel: Voorstel voor een
    /// verordening ... tot wijziging van Verordening (EU) 2019/1242 ..."): the articles it
    /// discusses are the amended act's (an amending act's own are "artikel 1" and "artikel
    /// 2", which a fiche names as "artikel 1 van het voorstel"). So the amended acts are what
    /// the paper is about as well; a fiche on one proposal amending one act is about that
    /// act's articles. A proposal that repeals or replaces an act ("tot intrekking van") has
    /// articles of its own.
    fn add_amended_subjects(&mut self, subject_at: Option<usize>) {
        // Also in the Commission's English: "Proposal for a Regulation of the European
        // Parliament and of the Council amending Regulation (EU) 2019/1242".
        static AMENDS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:tot\s+wijziging\s+van|amending)\b").expect("valid regex")
        });
        static AMENDING_HEAD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^[\s:]*(?:voorstel\s+voor\s+een\s+\S+(?:\s+van\s+het\s+europees\s+parlement\s+en\s+de\s+raad|\s+van\s+de\s+raad)?|proposal\s+for\s+an?\s+\S+(?:\s+of\s+the\s+european\s+parliament\s+and\s+of\s+the\s+council|\s+of\s+the\s+council)?)\s*$")
                .expect("valid regex")
        });
        let (Some(at), Some(subject)) = (subject_at, self.subject.clone()) else {
            return;
        };
        let text = self.norm.text.as_str();
        let Some(title) = TITLE_FIELD.find(&text[..at]) else {
            return;
        };
        let amended: Vec<Target> = self
            .list
            .iter()
            .filter(|m| title.end() <= m.span.start && m.span.end <= at)
            .filter(|m| m.target != subject && !self.subjects.contains(&m.target))
            .filter(|m| {
                let before = &text[title.end()..m.span.start];
                // Amending is the proposal's purpose, not a side effect of a new act ("...
                // inzake horizontale cybersecurityvereisten ... en tot wijziging van Verordening
                // (EU) 2019/1020"): the title's "tot wijziging van" follows its head directly.
                AMENDS.find_iter(before).last().is_some_and(|a| {
                    let gap = &before[a.end()..];
                    AMENDING_HEAD.is_match(&before[..a.start()])
                        && !gap.contains(". ")
                        && !gap.contains(" betreffende ")
                        && !gap.contains("intrekking")
                })
            })
            .map(|m| m.target.clone())
            .collect();
        // A fiche on two proposals does not say which one amends the act.
        if amended.is_empty() || self.subjects.len() != 1 {
            return;
        }
        if let [only] = amended.as_slice() {
            self.subject = Some(only.clone());
        }
        self.subjects.extend(amended.iter().cloned());
        self.amending = Some((subject, amended));
    }

    /// The proposal of `kind` ("richtlijn") a fiche's head lists, if one.
    fn fiche_proposal_of_kind(&self, kind: &str) -> Option<&Target> {
        self.proposals
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t)
    }

    /// "de richtlijn" (a word of `kind` at `pos`) in a fiche on a proposed directive (not one
    /// amending an act) is that proposal, unless its own sentence named an act of that kind
    /// before it ("Richtlijn 2001/83/EG ... artikel 6 van de richtlijn"). Also as a sentence's
    /// subject after another act of that kind was named in passing: "... waarbij het kader van
    /// Verordening (EU) 2019/1020 van toepassing is. De verordening wordt ... van toepassing".
    fn fiche_proposal_meant(&self, kind: &str, pos: usize) -> Option<&Target> {
        if self.amending.is_some() {
            return None;
        }
        let p = self.fiche_proposal_of_kind(kind)?;
        let named_in_sentence = self.norm.sentence_at(pos).is_some_and(|s| {
            self.last_fit(s.span.start, pos, &|m| is_of_kind(&m.target, kind))
                .is_some()
        });
        (!named_in_sentence).then_some(p)
    }

    /// The one proposal a fiche is about, as its head lists it.
    fn fiche_proposal(&self) -> Option<&Target> {
        if let Some((proposal, _)) = &self.amending {
            return Some(proposal);
        }
        self.subject
            .as_ref()
            .filter(|t| self.subjects.len() == 1 && is_of_kind(t, "voorstel"))
    }

    /// The proposal that amends `act`, in a fiche on one proposal amending it: "het
    /// voorgestelde artikel 10 quinquies" is the text as the proposal words it.
    pub fn amending_proposal_of(&self, act: &Target) -> Option<&Target> {
        self.amending
            .as_ref()
            .filter(|(_, amended)| amended.contains(act))
            .map(|(proposal, _)| proposal)
    }

    /// The act that `target`, named last before `pos`, amends by its title ("Richtlijn (EU)
    /// 2018/1808 tot wijziging van Richtlijn 2010/13/EU"), if that act is of `kind`.
    pub fn amended_by_title(&self, target: &Target, kind: &str, pos: usize) -> Option<&Target> {
        static AMENDS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:van\s+(?:\S+\s+){1,8}?\d{4}\s*,?\s+)?tot\s+wijziging\s+van\s+(?:de\s+|het\s+)?")
                .expect("valid regex")
        });
        let named = self.last_fit(0, pos, &|m| m.target == *target)?;
        let text = self.norm.text.as_str();
        let rest = text.get(named.span.end..)?;
        let m = AMENDS.find(rest)?;
        self.at(named.span.end + m.end())
            .map(|m| &m.target)
            .filter(|t| is_of_kind(t, kind) && *t != target)
    }

    /// The act a Commission proposal amends, for an article that proposal's sentence changes:
    /// "de Commissie heeft voorgesteld Verordening (EU) 2024/1348 te wijzigen (COM(2025)
    /// 186). Het voorstel wijzigt artikel 62, eerste lid" is the regulation's article 62, not
    /// the proposal's (an amending act's own articles are "artikel 1" and "artikel 2"). The
    /// amended act is the last EU act before `pos` the letter says is to be amended: "X te
    /// wijzigen", "wijziging van X", "tot wijziging van X".
    ///
    /// In a fiche on one proposal amending one act, the proposal a passage is about ("Het
    /// voorstel bevat zes hoofdelementen. ... (wijziging van artikel 37)") stands for that act
    /// whatever the sentence says: the bare numbers describe the act as amended.
    pub fn amended_by_proposal(&self, proposal: &Target, pos: usize) -> Option<&Target> {
        if let Some((p, amended)) = &self.amending {
            if let [only] = amended.as_slice() {
                if p == proposal {
                    return Some(only);
                }
            }
        }
        static CHANGES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:wijzigt|wijzigen|gewijzigd|vervangt|vervangen|schrapt|schrappen|geschrapt|van\s+toepassing\s+te\s+laten\s+zijn)\b")
                .expect("valid regex")
        });
        static TO_BE_AMENDED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?te\s+wijzigen\b")
                .expect("valid regex")
        });
        static AMENDMENT_OF: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\bwijziging\s+van\s+(?:de\s+|het\s+)?$").expect("valid regex")
        });
        let is_proposal = proposal
            .id
            .as_deref()
            .is_some_and(|id| id.starts_with("celex:5") && id.contains("PC"));
        if !is_proposal {
            return None;
        }
        // The Commission amending the act's own annexes by delegated or implementing act ("de
        // bevoegdheid van de Commissie om de criteria van bijlage I bij gedelegeerde handeling te
        // wijzigen") changes the proposal's annex, not the act the proposal amends.
        static DELEGATED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:gedelegeerde\s+handeling|uitvoeringshandeling)")
                .expect("valid regex")
        });
        let text = self.norm.text.as_str();
        let sentence = self.norm.sentence_at(pos)?.span;
        let said = text.get(sentence.start..sentence.end)?;
        if !CHANGES.is_match(said) || DELEGATED.is_match(said) {
            return None;
        }
        self.list
            .iter()
            .take_while(|m| m.span.end <= pos)
            .filter(|m| {
                m.target != *proposal
                    && m.target
                        .id
                        .as_deref()
                        .is_some_and(|id| id.starts_with("celex:3"))
                    && (TO_BE_AMENDED.is_match(window_after(text, m.span.end, 120))
                        || AMENDMENT_OF.is_match(window_before(text, m.span.start, 40)))
            })
            .last()
            .map(|m| &m.target)
    }

    /// The act numbered by chapter letters ("J 15", the Kieswet) that the paper names, if one:
    /// a bare "artikel Z 8" can be no other act's, wherever the passage turned.
    pub fn letter_numbered_act(&self) -> Option<&Target> {
        self.list
            .iter()
            .map(|m| &m.target)
            .find(|t| t.letter_numbers)
    }

    /// The one act the paper's bill amends, by its head (see [`amended_by_the_bill`]).
    pub fn bill_amends(&self) -> Option<&Target> {
        self.bill_amends.as_ref()
    }

    /// The mention that starts exactly at `pos`.
    pub fn at(&self, pos: usize) -> Option<&Mention> {
        let i = self.list.partition_point(|m| m.span.start < pos);
        self.list.get(i).filter(|m| m.span.start == pos)
    }

    fn last_in(&self, start: usize, end: usize) -> Option<&Mention> {
        self.last_fit(start, end, &|_| true)
    }

    /// The last mention in `[start, end)` that `fit` accepts.
    fn last_fit(
        &self,
        start: usize,
        end: usize,
        fit: &dyn Fn(&Mention) -> bool,
    ) -> Option<&Mention> {
        let i = self.list.partition_point(|m| m.span.end <= end);
        self.list[..i]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= start)
            .find(|m| fit(m))
    }

    /// The first mention in `[start, end)` that `fit` accepts.
    fn first_fit(
        &self,
        start: usize,
        end: usize,
        fit: &dyn Fn(&Mention) -> bool,
    ) -> Option<&Mention> {
        let i = self.list.partition_point(|m| m.span.start < start);
        self.list[i..]
            .iter()
            .take_while(|m| m.span.end <= end)
            .find(|m| fit(m))
    }

    /// "van de verordening", "van die wet" (at `pos`, in a reference spanning `[start, end)`):
    /// the nearest mention before `pos` of an instrument of that kind in the same paragraph,
    /// else the instrument the passage is about (a heading's "Artikel IV (Wet justitiële en
    /// strafvorderlijke gegevens)"), else the letter's main instrument, when of that kind.
    pub fn anaphor(&self, kind: &str, pos: usize, start: usize, end: usize) -> Option<&Target> {
        // "de uitvoeringsverordening": the regulation named last as an implementing one
        // ("Uitvoeringsverordening (EU) 2015/2403"), not the base regulation named since;
        // with none so named, any regulation as "de verordening" would be.
        if kind == "uitvoeringsverordening" {
            let text = self.norm.text.as_str();
            let implementing = |m: &Mention| {
                // The mention may span only the word's end ("Uitvoerings|verordening (EU) ...").
                let named = text.get(m.span.start..m.span.end).unwrap_or("");
                let before = crate::text::window_before(text, m.span.start, 12);
                is_of_kind(&m.target, "verordening")
                    && (named.to_lowercase().contains("uitvoeringsverordening")
                        || before.to_lowercase().ends_with("uitvoerings"))
            };
            return self
                .last_fit(0, pos, &implementing)
                .map(|m| &m.target)
                .or_else(|| self.anaphor("verordening", pos, start, end));
        }
        // "de voorgestelde richtlijn": in a fiche on proposals of several kinds, the one that
        // proposes a directive; else any proposal, as "het voorstel".
        // Outside a fiche on one proposal, first the proposal of that kind named last ("het
        // voorstel voor een verordening ... (COM(2023) 193)").
        if let Some(act) = kind.strip_prefix("voorgestelde ") {
            return self
                .fiche_proposal_of_kind(act)
                .or_else(|| {
                    self.fiche_proposal().is_none().then(|| {
                        self.last_fit(0, pos, &|m| {
                            is_of_kind(&m.target, "voorstel") && is_of_kind(&m.target, act)
                        })
                        .map(|m| &m.target)
                    })?
                })
                .or_else(|| self.anaphor("voorstel", pos, start, end));
        }
        // "de vastgestelde verordening": the act of that kind the word would name, unless that
        // is a proposal; then the adopted act of that kind named last.
        if let Some(act) = kind.strip_prefix("vastgestelde ") {
            let adopted = |t: &Target| is_of_kind(t, act) && !is_of_kind(t, "voorstel");
            return self
                .anaphor(act, pos, start, end)
                .filter(|t| adopted(t))
                .or_else(|| {
                    self.last_fit(0, pos, &|m| adopted(&m.target))
                        .map(|m| &m.target)
                });
        }
        let of_kind = |t: &&Target| is_of_kind(t, kind);
        let text = self.norm.text.as_str();
        // The word is the end of a name the same sentence gave, whatever kinds the registry
        // gives that act: "artikel 51 VN-Handvest ... artikel 42 van het Handvest" is the UN
        // Charter's, though "het Handvest" alone is the EU Charter.
        if let Some(s) = self.norm.sentence_at(pos) {
            let ends_with_word = |m: &Mention| {
                !of_kind(&&m.target)
                    && text
                        .get(m.span.start..m.span.end)
                        .is_some_and(|n| n.to_lowercase().ends_with(kind))
            };
            if let Some(m) = self.last_fit(s.span.start, pos, &ends_with_word) {
                return Some(&m.target);
            }
        }
        // The word names its act right after it: "artikel 16 van het voorstel COM(2023) 369",
        // "van de verordening (Verordening (EU) 2024/1689)".
        let rest = text.get(end..).unwrap_or("");
        let gap = rest.len() - rest.trim_start_matches([' ', '(']).len();
        if gap <= 2 {
            if let Some(m) = self.at(end + gap).filter(|m| of_kind(&&m.target)) {
                return Some(&m.target);
            }
        }
        if let Some(p) = self.fiche_proposal_meant(kind, pos) {
            return Some(p);
        }
        // "het voorstel" in a fiche on one proposal is that proposal, not a sister proposal a
        // footnote names ("Voor de PSR (COM(2023) 367) ontvangt u een afzonderlijk fiche").
        if kind == "voorstel" {
            if let Some(p) = self.fiche_proposal() {
                return Some(p);
            }
            // A proposal whose number stands only in a note on an earlier sentence, with no
            // proposal named in the text since.
            let named = self
                .last_fit(0, pos, &|m| is_of_kind(&m.target, "voorstel"))
                .map(|m| m.span.start);
            if let Some(n) = self
                .noted
                .iter()
                .rev()
                .find(|n| n.span.end <= pos && named.is_none_or(|at| at < n.span.start))
            {
                return Some(&n.target);
            }
        }
        // The passage's instrument counts only when the sentence names no instrument of that
        // kind (or of a kind unknown) after the anaphor: it then points elsewhere ("artikel
        // 1, tiende lid, van de verordening opgenomen artikel 22b MiFIR" is the amending
        // proposal's article 1, not MiFIR's). A law of another kind does not ("de criteria van
        // artikel 5 van de richtlijn ... in de Wml verankeren").
        let named_later = self.norm.sentence_at(pos).is_some_and(|s| {
            self.first_fit(end, s.span.end, &|m| {
                m.target.kinds.is_empty() || is_of_kind(&m.target, kind)
            })
            .is_some()
        });
        let demonstrative = after_demonstrative(&self.norm.text, pos);
        self.nearest_of_kind(kind, pos, demonstrative)
            // "die richtlijn", "deze wet": a demonstrative points at the act of that kind
            // named last, a paragraph or two back (the question an answer replies to), before
            // the act the letter is mostly about.
            .or_else(|| {
                let from = pos.saturating_sub(DEMONSTRATIVE_REACH);
                demonstrative
                    .then(|| {
                        // Not the act that changed the one named ("Richtlijn (EU) 2018/2001,
                        // zoals gewijzigd bij Richtlijn (EU) 2023/2413 ... van die richtlijn").
                        self.last_fit(from, pos, &|m| {
                            is_of_kind(&m.target, kind)
                                && !self.amended_or_replaced(m)
                                && !self.amending_agent(m)
                        })
                    })
                    .flatten()
                    .map(|m| &m.target)
            })
            // The passage's instrument only from a section's heading.
            .or_else(|| {
                self.context(start, end)
                    .filter(|(_, level)| *level == Level::Section && !named_later)
                    .map(|(t, _)| t)
                    .filter(of_kind)
            })
            .or_else(|| self.dominant(None).filter(of_kind))
            // Further back: the instrument of that kind the letter is mostly about, else the
            // one of that kind it named last ("de richtlijn" sections after the directive);
            // not when the paragraph is about another instrument ("MiCAR wordt gewijzigd, zie
            // artikel 1 van de verordening": a regulation the registry does not know).
            .or_else(|| {
                // An instrument of unknown kind earlier in the paragraph may be the one meant.
                let region = self.region_of(pos).unwrap_or(Span::new(pos, pos));
                let unknown_kind_before = self
                    .last_fit(region.start, pos, &|m| m.target.kinds.is_empty())
                    .is_some();
                (!named_later && !unknown_kind_before)
                    .then(|| {
                        self.last_of_kind_before(kind, pos)
                            .or_else(|| self.dominant(Some(kind)))
                    })
                    .flatten()
            })
    }

    /// The act in force of `kind` named last within `reach` before `pos`, also one the passage
    /// says is to be replaced: no proposal ("De huidige richtlijn" after "Het voorstel ... moet
    /// Richtlijn 2006/126/EG vervangen").
    pub fn in_force_of_kind_before(&self, kind: &str, pos: usize, reach: usize) -> Option<&Target> {
        self.last_fit(pos.saturating_sub(reach), pos, &|m| {
            is_of_kind(&m.target, kind) && !is_of_kind(&m.target, "voorstel")
        })
        .map(|m| &m.target)
    }

    /// The instrument of `kind` named last before `pos`, anywhere in the letter.
    fn last_of_kind_before(&self, kind: &str, pos: usize) -> Option<&Target> {
        self.last_fit(0, pos, &|m| {
            is_of_kind(&m.target, kind)
                && !self.amended_or_replaced(m)
                && !self.named_as_predecessor(m)
                && !self.replaced_before(&m.target, m.span.start)
                && !self.compared_with(m)
        })
        .map(|m| &m.target)
    }

    /// A word that referred back and was resolved ("van de richtlijn" → NIS2) names its
    /// instrument for what follows, as a name would: the bare "(artikel 23, vierde lid, onder
    /// b)" after "artikel 23, vierde lid, onder a, van de richtlijn" is the same directive's.
    pub fn add_resolved(&mut self, span: Span, target: Target) {
        let i = self.list.partition_point(|m| m.span.start < span.start);
        if self.list.get(i).is_some_and(|m| m.span.start < span.end)
            || i.checked_sub(1)
                .and_then(|j| self.list.get(j))
                .is_some_and(|m| m.span.end > span.start)
        {
            return;
        }
        self.list.insert(
            i,
            Mention {
                span,
                target,
                defined: false,
            },
        );
    }

    /// A reference at `at` named its instrument `target` (by name or defined short name).
    /// References arrive in text order.
    pub fn add_cited(&mut self, at: usize, target: Target) {
        self.cited.push((at, target));
    }

    /// A reference at `at` was placed in `target`, by name or by context. References arrive in
    /// text order.
    pub fn add_referenced(&mut self, at: usize, target: Target) {
        self.referenced.push((at, target));
    }

    /// The references placed before `start`, in text order (see [`Mentions::named_only`]).
    fn referenced_before(&self, start: usize) -> &[(usize, Target)] {
        &self.referenced[..self.referenced.partition_point(|(at, _)| *at < start)]
    }

    /// An act named only as a name, none of its articles among the references `before`, while
    /// the articles of another act whose numbering fits `numbers` are ("... de WML aan te
    /// passen" after "artikel 4 van het voorstel").
    fn named_only(m: &Mention, before: &[(usize, Target)], numbers: &[&str]) -> bool {
        !before.iter().any(|(_, t)| *t == m.target)
            && before
                .iter()
                .any(|(_, t)| *t != m.target && numbers.iter().all(|n| numbered_like(t, n)))
    }

    /// The act of the first article its sentence (from `from` to `to`) cites by name, when the
    /// sentence reports what that article lays down ("Zo bepaalt artikel 21 van de richtlijn
    /// dat ...", "Artikel 5 AVG schrijft voor dat ...").
    fn paraphrased_provision(&self, from: usize, to: usize) -> Option<&Target> {
        static STIPULATES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:bepaalt|bepalen|regelt|regelen|schrijft|schrijven|voorziet|voorzien|verplicht|verplichten)\b[^.;]*\bdat\b")
                .expect("valid regex")
        });
        let i = self.cited.partition_point(|(at, _)| *at < from);
        let (_, target) = self.cited.get(i).filter(|(at, _)| *at < to)?;
        STIPULATES
            .is_match(self.norm.text.get(from..to)?)
            .then_some(target)
    }

    /// Is `target` one of the acts the paper's head says it is about (a fiche on two
    /// proposals lists both)?
    fn is_subject(&self, target: &Target) -> bool {
        self.subjects.contains(target)
    }

    /// Did a reference in `[from, to)` name `target`?
    fn cited_in(&self, target: &Target, from: usize, to: usize) -> bool {
        let i = self.cited.partition_point(|(at, _)| *at < from);
        self.cited[i..]
            .iter()
            .take_while(|(at, _)| *at < to)
            .any(|(_, t)| t == target)
    }

    /// In a paper about one act (a fiche), an act the passage names without citing its
    /// articles is named in passing ("Poortwachters die zijn aangewezen op grond van de
    /// verordening digitale markten komen niet in aanmerking"; "Het voorstel kan gevolgen
    /// hebben voor de Databankenwet"): the bare articles after it in another clause or
    /// sentence are still the paper's act's ("de Commissie stelt in artikel 35 voor").
    fn in_passing(&self, m: &Mention, from: usize, to: usize) -> bool {
        self.subject.is_some() && !self.is_subject(&m.target) && !self.cited_in(&m.target, from, to)
    }

    /// The one instrument of `kind` the whole letter names: "het voorstel" in a letter about a
    /// single Commission proposal means that proposal, even pages from where it is named and
    /// when other instruments are named more often. With two of the kind the word alone does
    /// not tell which. The word refers back, so only once the letter has named some instrument
    /// before `pos` (after a demonstrative, that instrument itself).
    fn only_of_kind_before(&self, kind: &str, pos: usize) -> Option<&Target> {
        let mut of_kind = self.list.iter().filter(|m| is_of_kind(&m.target, kind));
        let first = of_kind.next()?;
        // A demonstrative points back at what was named: "ook na deze wet" in a debate on a
        // bill is not a law the debate names only further on.
        let named_before = if after_demonstrative(&self.norm.text, pos) {
            first.span.end <= pos
        } else {
            self.list.first().is_some_and(|m| m.span.end <= pos)
        };
        (named_before && of_kind.all(|m| m.target == first.target)).then_some(&first.target)
    }

    /// Occurrences of names the registry does not know but references named explicitly
    /// ("MiFIR", "ESMA-verordening") become mentions without an id.
    pub fn add_unknown(&mut self, names: &[&str]) {
        let text = self.norm.text.as_str();
        let mut seen: Vec<&str> = Vec::new();
        for &name in names {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let kinds: Vec<String> = [
                "verordening",
                "richtlijn",
                "wetboek",
                "wet",
                "besluit",
                "verdrag",
                "regeling",
            ]
            .iter()
            .find(|k| {
                // "Leerplichtwet 1969" is a "wet" ("van die wet").
                let lower = name.to_lowercase();
                let bare = lower
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_end();
                bare.ends_with(*k)
                    || name.starts_with(&k[..1].to_uppercase())
                        && name.to_lowercase().starts_with(*k)
            })
            .map(|k| vec![k.to_string()])
            // "de Associatieovereenkomst": an agreement between states is a treaty by kind.
            .or_else(|| {
                name.to_lowercase()
                    .ends_with("overeenkomst")
                    .then(|| vec!["verdrag".to_string()])
            })
            .unwrap_or_default();
            let target = Target {
                kinds,
                ..Target::unregistered(name)
            };
            for (at, _) in text.match_indices(name) {
                let end = at + name.len();
                if !is_word_bounded(text, at, end) {
                    continue;
                }
                if self
                    .list
                    .iter()
                    .any(|m| m.span.start < end && at < m.span.end)
                {
                    continue;
                }
                let i = self.list.partition_point(|m| m.span.start < at);
                self.list.insert(
                    i,
                    Mention {
                        span: Span::new(at, end),
                        target: target.clone(),
                        defined: false,
                    },
                );
            }
        }
    }

    /// The Commission proposal of the act `act`, when the registry knows it as the act's draft
    /// and the letter names no other proposal that "het voorstel" could mean (an amending
    /// proposal, a COM number): the text a reference worded as the proposal's ("artikel 29 van
    /// het voorstel", "in het oorspronkelijke voorstel van de Commissie ... artikel 5") is
    /// numbered as, whatever the letter's date.
    pub fn proposal_of(&self, registry: &Registry, act: &Target) -> Option<Target> {
        let draft = registry.get(act.entry?).draft?;
        let proposal = entry_target(registry, draft);
        // Some drafts in the registry are earlier acts, not proposals.
        let drafted_as_proposal = proposal
            .id
            .as_deref()
            .and_then(|id| id.strip_prefix("celex:"))
            .is_some_and(is_proposal);
        let other = self.list.iter().any(|m| {
            is_of_kind(&m.target, "voorstel") && m.target.id != proposal.id && m.target != *act
        });
        (drafted_as_proposal && !other).then_some(proposal)
    }

    /// Does the paragraph (or footnote) of `pos` say, before `pos`, in a word that refers back,
    /// that it is about `target` ("Het voorstel is geschikt ... (artikel 7, eerste lid)")?
    pub fn paragraph_refers_to(&self, pos: usize, target: &Target) -> bool {
        self.region_of(pos)
            .and_then(|region| self.referred_to_in(region.start, pos))
            .is_some_and(|t| t == target)
    }

    /// Do `a` and `b` stand in the same paragraph (or footnote)?
    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.region_of(a)
            .is_some_and(|r| r.start <= b && b < r.end.max(r.start + 1))
    }

    /// Where the mentions that start in `[start, end)` start.
    pub fn named_between(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let i = self.list.partition_point(|m| m.span.start < start);
        self.list[i..]
            .iter()
            .take_while(move |m| m.span.start < end)
            .map(|m| m.span.start)
    }

    /// Does the reference at `[start, end)` head one of a bill's own articles in its
    /// explanation, on a line of its own ("II. ARTIKELSGEWIJS ... Artikel 1"), where the
    /// paper's head names no act the bill amends? Then it is the bill's article, of no act
    /// the registry knows.
    pub fn heads_own_article(&self, start: usize, end: usize) -> bool {
        let text = self.norm.text.as_str();
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        self.own_articles_from.is_some_and(|from| start > from)
            && text[line_start..start].trim().is_empty()
            && text[end..line_end].trim().is_empty()
    }

    /// The paragraph or footnote that holds `pos`.
    fn region_of(&self, pos: usize) -> Option<Span> {
        let s = self.norm.sentence_at(pos)?;
        match (s.block, s.footnote) {
            (Some(b), _) => self.norm.blocks.get(b).map(|b| b.span),
            (_, Some(f)) => self.norm.footnotes.get(f).map(|f| f.span),
            _ => None,
        }
    }

    /// The instrument the passage around `[start, end)` is about, and how far away the
    /// passage had to look.
    pub fn context(&self, start: usize, end: usize) -> Option<(&Target, Level)> {
        self.context_for(start, end, &[])
    }

    /// [`Mentions::context`] for a reference to the articles `numbers`: an instrument whose
    /// articles are numbered otherwise is passed over ("het voorgestelde artikel 3.14" after
    /// "artikel 1:1 van de Algemene wet bestuursrecht" is not the Awb's).
    pub fn context_for(
        &self,
        start: usize,
        end: usize,
        numbers: &[&str],
    ) -> Option<(&Target, Level)> {
        // Only a few codes number their articles chapter:number (Awb, BW, Wft), all in the
        // registry: an act outside it that a sentence names in passing ("tot de
        // inwerkingtreding van de Wmebv ... (artikel 2:14, eerste lid)") is not the place of
        // such a number.
        let colon = numbers.iter().any(|n| n.contains(':'));
        let fit = |m: &Mention| {
            numbers.iter().all(|n| numbered_like(&m.target, n))
                && !(colon && m.target.entry.is_none())
                && !self.amending_agent(m)
        };
        let fit: &dyn Fn(&Mention) -> bool = &fit;
        // An act named only to say where a term is defined ("zeer grote onlineplatforms, als
        // bedoeld in artikel 33 van Verordening (EU) 2022/2065") is not what the passage is
        // about.
        // Nor an act named as the one another replaces or amends ("De verordening vervangt
        // Verordening (EG) nr. 1371/2007").
        // An act compared with is still the one a reference in brackets right after its name
        // points to ("net als Beschikking 2005/842/EG (artikel 2, lid 1, onder b)").
        let bracketed_after = |m: &Mention| {
            self.norm
                .text
                .get(m.span.end..start)
                .is_some_and(|b| b.trim() == "(")
        };
        let settled = |m: &Mention| {
            fit(m)
                && !self.defines_a_term(m)
                && !self.amended_or_replaced(m)
                && (!self.compared_with(m) || bracketed_after(m))
        };
        let settled: &dyn Fn(&Mention) -> bool = &settled;
        let norm = self.norm;
        let Some(sentence) = norm.sentence_at(start) else {
            return self.dominant(None).map(|t| (t, Level::Document));
        };
        let s = sentence.span;
        // A relative clause on the act just named ("Verordening (EG) nr. 1371/2007, waarvan
        // artikel 17 de compensatie regelde", "de Spoorwegwet, waarin artikel 17 ..."): that
        // act's article, even an act the sentence says is replaced; so after ", die ... in"
        // ("De richtlijn vervangt Richtlijn 2012/27/EU, die lidstaten in artikel 14 al
        // verplichtte").
        if let Some(m) = self.last_in(s.start, start).filter(|m| {
            fit(m)
                && norm.text.get(m.span.end..start).is_some_and(|between| {
                    let b = between.trim();
                    matches!(b, ", waarvan" | ", waarin" | ", waarbij" | ", waarop")
                        // "Richtlijn 2012/27/EU, die lidstaten in artikel 14 al verplichtte":
                        // the relative pronoun's own act, a few words on.
                        || ((b.starts_with(", die ") || b.starts_with(", dat "))
                            && b.ends_with(" in")
                            && !b[1..].contains([',', ';', '(', ')'])
                            && b.split_whitespace().count() <= 8)
                })
        }) {
            return Some((&m.target, Level::Sentence));
        }
        // A provision paraphrased keeps its own cross-references: "Zo bepaalt artikel 21 van de
        // herziene Opvangrichtlijn dat een verzoeker die op grond van Verordening (EU)
        // 2024/1351 ... geen recht heeft op de voorzieningen bedoeld in de artikelen 19 en 20":
        // an aside without an act there ("bedoeld in", `in_an_aside`) points inside the act whose
        // article the sentence reports, whatever the paraphrase names in between.
        if let Some(t) = super::in_an_aside(&norm.text, start)
            .then(|| self.paraphrased_provision(s.start, start))
            .flatten()
            .filter(|t| numbers.iter().all(|n| numbered_like(t, n)))
        {
            return Some((t, Level::Sentence));
        }
        // A name later in the sentence counts only when no other article stands between:
        // in "de artikelen 10 en 11 ... gelet op artikel 290 VWEU" the VWEU is article 290's.
        let later = self.first_fit(end, s.end, fit).filter(|m| {
            let between = norm.text.get(end..m.span.start).unwrap_or("");
            // Nor an amending act: "artikel 8ac van die richtlijn, zoals gewijzigd bij DAC7".
            !(((between.contains("artikel") || between.contains("Artikel"))
                && !coordinated_article(between))
                || between.contains("gewijzigd bij")
                || between.contains("gewijzigd door")
                || leaves_the_clause(between))
        });
        // In its own sentence such an act is passed over only for another one named before
        // it ("De AI-verordening bepaalt dat ... een voorbehoud als bedoeld in artikel 4,
        // derde lid, DSM-richtlijn ... (artikel 53, eerste lid, onder c)").
        // In a fiche, an act named in passing in an earlier clause is passed over.
        let clause_start = norm.text[s.start..start]
            .rfind(';')
            .map_or(s.start, |i| s.start + i + 1);
        let region = self.region_of(start).unwrap_or(s);
        // So is one named inside brackets closed before the reference: "sectorale regels, zoals
        // motorvoertuigen (Verordening (EU) 2019/2144), zijn op grond van artikel 2, tweede
        // lid, uitgezonderd" is the proposal's article.
        let own_clause = |m: &Mention| {
            (m.span.start >= clause_start && !in_closed_brackets(&norm.text, s.start, m, start))
                || !self.in_passing(m, region.start, start)
        };
        let named = self.last_fit(s.start, start, &|m| settled(m) && own_clause(m));
        // The sentence says what it is about in a word that refers back: "De richtlijn biedt
        // daarvoor ruimte (artikel 23, eerste lid)" is the directive's article 23, not that of
        // the regulation the sentence before named. Standing after the act the sentence names,
        // the word is the nearer: "... in de zin van artikel 4 van MiFID II vallen buiten het
        // voorstel (artikel 2, tweede lid)" is the proposal's.
        // Only the text after the named act is read for that word (most references have a
        // name before them in their sentence).
        if let Some(t) = self.referred_to_in(named.map_or(s.start, |m| m.span.end), start) {
            return Some((t, Level::Sentence));
        }
        if let Some(hit) = found(named, Level::Sentence) {
            return Some(hit);
        }
        if let Some(hit) = found(
            self.last_fit(s.start, start, &|m| fit(m) && own_clause(m)),
            Level::Sentence,
        ) {
            return Some(hit);
        }
        if let Some(hit) = found(later, Level::Sentence) {
            return Some(hit);
        }
        // In an amending text's instructions an article its sentence does not place is the
        // amended act's ("De Uitvoeringsregeling WNT wordt als volgt gewijzigd: A. In artikel
        // 2, eerste lid, wordt ... vervangen"), whatever the preamble cited.
        if let Some((_, act, _)) = self.amended.iter().find(|(span, act, bills)| {
            span.start <= start
                && start < span.end
                && numbers
                    .iter()
                    .all(|n| numbered_like(act, n) && (!bills || is_roman(n)))
        }) {
            return Some((act, Level::Bill));
        }
        // Where a bill's explanation takes its articles one by one, an article its sentence
        // does not place is the bill's ("Artikel 8", "Zo wordt in artikel 20 ... geregeld").
        if let Some(bill) = &self.bill {
            let law = bill
                .sections
                .iter()
                .take_while(|(at, _)| *at < start)
                .last()
                .map_or(&bill.law, |(_, law)| law);
            if start > bill.from && numbers.iter().all(|n| numbered_like(law, n)) {
                return Some((law, Level::Bill));
            }
        }
        let mut block = sentence.block;
        if let Some(note) = sentence.footnote.and_then(|f| norm.footnotes.get(f)) {
            let hit = self
                .last_fit(note.span.start, s.start, fit)
                .or_else(|| self.first_fit(s.end, note.span.end, fit));
            if let Some(hit) = found(hit, Level::Paragraph) {
                return Some(hit);
            }
            // "Idem, overweging 33": the source of the footnote before.
            let f = sentence.footnote.unwrap_or(0);
            if is_idem(norm.slice(note.span)) {
                if let Some(prev) = f.checked_sub(1).and_then(|p| norm.footnotes.get(p)) {
                    if let Some(hit) = found(
                        self.last_fit(prev.span.start, prev.span.end, fit),
                        Level::Paragraph,
                    ) {
                        return Some(hit);
                    }
                }
            }
            // The body sentence that carries the footnote's marker, then its paragraph.
            let carrier = note.sentence.and_then(|i| norm.sentences.get(i));
            block = carrier.and_then(|c| c.block);
            if let Some(c) = carrier {
                if let Some(hit) = found(
                    self.last_fit(c.span.start, c.span.end, fit),
                    Level::Sentence,
                ) {
                    return Some(hit);
                }
                if let Some(b) = block.and_then(|b| norm.blocks.get(b)) {
                    let hit = self
                        .last_fit(b.span.start, c.span.start, fit)
                        .or_else(|| self.first_fit(c.span.end, b.span.end, fit));
                    if let Some(hit) = found(hit, Level::Paragraph) {
                        return Some(hit);
                    }
                }
            }
        } else if let Some(b) = block {
            let (first, region) = self.paragraph(b);
            block = Some(first);
            if let Some(hit) = found(
                self.last_fit(region.start, s.start, &|m| {
                    settled(m) && (self.subject.is_none() || self.is_subject(&m.target))
                }),
                Level::Paragraph,
            ) {
                return Some(hit);
            }
            // An earlier sentence of the paragraph says what it is about in a referring word:
            // "Hoofdstuk III van de richtlijn bevat regels. Artikel 7 verbiedt ...".
            if let Some(t) = self
                .referred_to_in(region.start, s.start)
                .filter(|t| numbers.iter().all(|n| numbered_like(t, n)))
                .filter(|t| self.subject.is_none() || self.is_subject(t))
            {
                return Some((t, Level::Paragraph));
            }
            // A paper about one act (a fiche) means that act where its own sentence does not
            // say otherwise: an act an earlier sentence named, even with its articles ("...
            // artikel 13 van de AI-verordening. Artikel 5 voorziet in een evaluatie"), is
            // passed over above, and so is a name later in the paragraph ("(artikel 4) ...
            // artikel 192 VWEU" is the proposal's article 4).
            if let Some(t) = self.subject.as_ref() {
                return Some((t, Level::Subject));
            }
            // Only when what the paragraph names later is one act: "AI-systemen die worden
            // genoemd in bijlage III ... (artikel 27) ... artikel 35 van de AVG; artikel 27,
            // vierde lid, van de AI-verordening" does not tell which act the first ones are.
            let ahead = self.first_fit(s.end, region.end, fit).filter(|first| {
                let i = self
                    .list
                    .partition_point(|m| m.span.start < first.span.start);
                self.list[i..]
                    .iter()
                    .take_while(|m| m.span.end <= region.end)
                    .filter(|m| fit(m))
                    .all(|m| m.target == first.target)
            });
            if let Some(hit) = found(ahead, Level::Ahead) {
                return Some(hit);
            }
        }
        // Earlier paragraphs of the same section.
        let mut heading_before: Option<usize> = None;
        let discussed = self.referenced_before(start);
        if let Some(b) = block {
            for (i, prev) in norm.blocks[..b.min(norm.blocks.len())]
                .iter()
                .enumerate()
                .rev()
            {
                // An act an earlier paragraph only names ("... de WML aan te passen") is passed
                // over when the letter has been discussing the articles of another act: the
                // bare article goes on about that one. Only for numbered units: a referring word
                // or an annex asks without numbers, and any act would fit the test.
                if let Some(hit) = found(
                    self.last_fit(prev.span.start, prev.span.end, &|m| {
                        settled(m)
                            && (numbers.is_empty() || !Self::named_only(m, discussed, numbers))
                    }),
                    Level::Section,
                ) {
                    return Some(hit);
                }
                // A paragraph or the section's heading that speaks of it in a word that refers
                // back: "De richtlijn bevat onder meer de volgende verplichtingen: | – ...
                // (artikel 4, eerste lid);".
                // Only an adopted EU act: "de wet" of an earlier paragraph is too often another
                // law than the one a bill's articles belong to, "het voorstel" another text
                // than the one a later paragraph's annex belongs to.
                if let Some(t) = self
                    .referred_to_in(prev.span.start, prev.span.end)
                    .filter(|t| t.id.as_deref().is_some_and(|id| id.starts_with("celex:3")))
                    .filter(|t| numbers.iter().all(|n| numbered_like(t, n)))
                {
                    return Some((t, Level::Section));
                }
                if prev.kind == BlockKind::Heading {
                    let heading = norm.slice(prev.span);
                    // A part of a geannoteerde agenda's item ("Krachtenveld") speaks of what
                    // the item is about: the act its first parts name, not one the part before
                    // named in passing ("aansluit bij de systematiek van de NIS2-richtlijn").
                    if is_agenda_part(heading) {
                        if let Some(hit) =
                            found(self.agenda_item_subject(i, settled), Level::Section)
                        {
                            return Some(hit);
                        }
                    } else if !is_exchange_label(heading) {
                        heading_before = Some(i);
                        break;
                    }
                }
            }
        }
        self.dominant_by(None, true)
            .filter(|t| numbers.iter().all(|n| numbered_like(t, n)))
            .map(|t| (t, Level::Document))
            .or_else(|| self.subject.as_ref().map(|t| (t, Level::Subject)))
            // Not in a bill's papers, where what the bill amends decides (see `mod.rs`).
            .or_else(|| {
                let plain_letter =
                    self.bill.is_none() && self.amended.is_empty() && self.amending.is_none();
                heading_before
                    .filter(|_| plain_letter)
                    .and_then(|h| self.sole_act_of_section_before(h, settled))
                    .filter(|t| numbers.iter().all(|n| numbered_like(t, n)))
                    .map(|t| (t, Level::Section))
            })
    }

    /// The one act the section before heading block `h` names (every settled mention there
    /// the same act): a new section that goes on with articles and names no act of its own
    /// still speaks of it ("... artikel 24, derde lid, van de Elektriciteitswet 1998. | De
    /// brandbrief van VNO-NCW | ... is nu al opgenomen in artikel 23, eerste lid").
    fn sole_act_of_section_before(
        &self,
        h: usize,
        settled: &dyn Fn(&Mention) -> bool,
    ) -> Option<&Target> {
        let blocks = &self.norm.blocks[..h.min(self.norm.blocks.len())];
        let from = blocks
            .iter()
            .rposition(|b| b.kind == BlockKind::Heading)
            .map_or(0, |i| i + 1);
        let (first, last) = (blocks.get(from)?, blocks.last()?);
        let i = self
            .list
            .partition_point(|m| m.span.start < first.span.start);
        let mut acts = self.list[i..]
            .iter()
            .take_while(|m| m.span.end <= last.span.end)
            .filter(|m| settled(m))
            .map(|m| &m.target);
        let act = acts.next()?;
        acts.all(|t| t == act).then_some(act)
    }

    /// The paragraph of body block `b` as the writer made it: blocks that a page break split
    /// (one ends without a full stop, or the next starts in lower case) are joined again.
    /// Returns the first block of the paragraph and the paragraph's span.
    fn paragraph(&self, b: usize) -> (usize, Span) {
        let blocks = &self.norm.blocks;
        let text = self.norm.text.as_str();
        let continues = |prev: usize, next: usize| {
            let (p, n) = (&blocks[prev], &blocks[next]);
            if p.kind != BlockKind::Paragraph || n.kind != BlockKind::Paragraph {
                return false;
            }
            let ends = text[p.span.start..p.span.end]
                .trim_end()
                .ends_with(['.', '!', '?', ':', ';', ')', '»', '”', '"']);
            let starts_lower =
                text[n.span.start..n.span.end].starts_with(|c: char| c.is_lowercase());
            !ends || starts_lower
        };
        if b >= blocks.len() {
            return (b, Span::new(0, 0));
        }
        let (mut first, mut last) = (b, b);
        while first > 0 && b - first < 3 && continues(first - 1, first) {
            first -= 1;
        }
        while last + 1 < blocks.len() && last - b < 3 && continues(last, last + 1) {
            last += 1;
        }
        (
            first,
            Span::new(blocks[first].span.start, blocks[last].span.end),
        )
    }

    /// Is `pos` inside a quotation (“…”, „…”) that names no instrument? A quoted passage comes
    /// from another text, whose context the letter does not give.
    pub fn in_bare_quotation(&self, pos: usize) -> bool {
        let Some(b) = self.norm.block_at(pos) else {
            return false;
        };
        let span = self.norm.blocks[b].span;
        let text = self.norm.text.as_str();
        let before = &text[span.start..pos];
        let Some(open) = before.rfind(['“', '„']) else {
            return false;
        };
        if before[open..].contains('”') {
            return false;
        }
        let Some(close) = text[pos..span.end].find('”') else {
            return false;
        };
        let (qs, qe) = (span.start + open, pos + close);
        self.last_in(qs, qe).is_none()
    }

    /// The instrument a generic noun phrase in `[from, to)` refers back to ("de richtlijn",
    /// "deze verordening"; the last one): the nearest mention of its kind before it in the same
    /// paragraph, else the letter's main instrument when of that kind.
    fn referred_to_in(&self, from: usize, to: usize) -> Option<&Target> {
        static AMENDED_BY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:gewijzigd|aangevuld|vervangen)\s+(?:door|bij)\s*$")
                .expect("a valid pattern")
        });
        // A proposal its words give to another author ("Het voorstel van de Raad voor Werk en
        // Inkomen", "het voorstel van wet") is none of the acts named.
        static ANOTHER_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s+van\s+(?:de\s+|het\s+)?(?:Europese\s+)?(\S+)")
                .expect("a valid pattern")
        });
        let text = self.norm.text.get(from..to)?;
        let m = REFERRING_PHRASE
            .captures_iter(text)
            .filter(|c| {
                if c.get(0)
                    .is_some_and(|w| in_comparison(&self.norm.text, from + w.start()))
                {
                    return false;
                }
                // Nor the act that amends the one named: "artikel 20 DAC, zoals gewijzigd door
                // het voorstel, ... van bijlage VII" is the DAC's annex.
                if c.get(0).is_some_and(|w| {
                    let before = window_before(&self.norm.text, from + w.start(), 24);
                    AMENDED_BY.is_match(before)
                }) {
                    return false;
                }
                let Some(w) = c.get(2).filter(|w| w.as_str() == "voorstel") else {
                    return true;
                };
                let after = self.norm.text.get(from + w.end()..).unwrap_or("");
                ANOTHER_AUTHOR
                    .captures(window_after(after, 0, 80))
                    .is_none_or(|a| a[1].starts_with("Commissie"))
            })
            .last()?;
        let word = m.get(2)?;
        let kind = word.as_str();
        let pos = from + word.start();
        // "de vastgestelde verordening" is the adopted act, not the proposal a comparison
        // recalls ("Ter vergelijking: het oorspronkelijke voorstel ... In de vastgestelde
        // verordening zijn deze bepalingen opgegaan in artikel 26").
        let adopted = m.get(1).is_some();
        let fits = |t: &&Target| !(adopted && is_of_kind(t, "voorstel"));
        // A demonstrative points at what was just named, a comparison's act too ("Ter
        // vergelijking: het oorspronkelijke voorstel ... In dit voorstel gold artikel 29").
        // (REFERRING_PHRASE leaves out "dat": it opens as many clauses as it points.)
        let pointed = after_demonstrative(&self.norm.text, pos);
        self.fiche_proposal_meant(kind, pos)
            .filter(fits)
            .or_else(|| self.nearest_of_kind(kind, pos, pointed).filter(fits))
            .or_else(|| {
                self.dominant(None)
                    .filter(|t| is_of_kind(t, kind))
                    .filter(fits)
            })
            .or_else(|| self.only_of_kind_before(kind, pos).filter(fits))
    }

    /// The nearest mention before `pos`, in its paragraph (or footnote), of an instrument of
    /// `kind`; one named in a comparison only for a word a demonstrative opens (`pointed`).
    fn nearest_of_kind(&self, kind: &str, pos: usize, pointed: bool) -> Option<&Target> {
        let region = self.region_of(pos).unwrap_or(Span::new(0, pos));
        self.last_fit(region.start, pos, &|m| {
            is_of_kind(&m.target, kind)
                && !self.amended_or_replaced(m)
                && !self.named_as_predecessor(m)
                && !self.amending_agent(m)
                && !self.replaced_before(&m.target, m.span.start)
                && (pointed || !self.compared_with(m))
        })
        .map(|m| &m.target)
    }

    /// Has the letter said before `pos` that another act replaces `target` ("De Verordening
    /// asiel- en migratiebeheer vervangt ... de Dublinverordening")? Then "de (nieuwe)
    /// verordening" later means the new act, even after the old one is named again for
    /// comparison ("artikel 17 van de Dublinverordening ... keert terug in artikel 35 van de
    /// nieuwe verordening"). Its name still names it.
    fn replaced_before(&self, target: &Target, pos: usize) -> bool {
        self.replaced.iter().any(|(at, t)| *at < pos && t == target)
    }

    /// Is the mention the act of an "als bedoeld in artikel N van ..." that says where a term
    /// is defined?
    /// Is the mention what the passage compares its act with ("De drempels liggen hoger dan
    /// in het Commissievoorstel (COM(2022) 71)", "Nieuw ten opzichte van het voorstel is",
    /// "Het verdrag heeft evenmin als het UNESCO-Verdrag 1970 terugwerkende kracht")?
    /// The bare articles after it are still the act the passage is about.
    fn compared_with(&self, m: &Mention) -> bool {
        in_comparison(&self.norm.text, m.span.start)
    }

    fn defines_a_term(&self, m: &Mention) -> bool {
        static AS_MEANT_IN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\bbedoeld\s+in\s+(?:de\s+)?artikel(?:en)?\s+\d[^.;]{0,80}$")
                .expect("valid regex")
        });
        AS_MEANT_IN.is_match(window_before(&self.norm.text, m.span.start, 110))
    }

    /// Is the mention the regime a rule is compared with, in the past tense and with "nog"
    /// ("onder Verordening (EG) nr. 1371/2007 was dat nog 48 uur")? Named in passing, it is not
    /// the act a later "de verordening" means. Without the comparison ("Onder de Brandweerwet
    /// 1985 lag de zorg bij de gemeente. Artikel 1 van die wet ...") the old act is the topic.
    /// The mentions of acts named as the act before another: "Onder de voorganger van deze
    /// verordening, Verordening (EG) nr. 2201/2003, was dit geregeld in artikel 56" (its own
    /// article there); "de verordening" after it is the act in force. The mention may be the
    /// act's number alone, after its kind word. Found once, as few letters say it.
    fn predecessor_acts(&self) -> Vec<(usize, Target)> {
        static PREDECESSOR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:de|het|haar|zijn)\s+(?:directe\s+)?(?:voorganger|voorloper)(?:\s+van\s+(?:deze|die|de|het)\s+\S+)?\s*[,(:]?\s*(?:(?:verordening|richtlijn|besluit)\s*(?:\((?:EU|EG|EEG)\)\s*)?(?:nr\.\s*)?)?$")
                .expect("valid regex")
        });
        let text = self.norm.text.as_str();
        if !text.contains("voorganger") && !text.contains("voorloper") {
            return Vec::new();
        }
        self.list
            .iter()
            .filter(|m| PREDECESSOR.is_match(window_before(text, m.span.start, 70)))
            .map(|m| (m.span.start, m.target.clone()))
            .collect()
    }

    /// Is `m` (a name, or an article resolved to the act since: "was dit geregeld in artikel
    /// 56") an act named as the predecessor of another?
    fn named_as_predecessor(&self, m: &Mention) -> bool {
        self.predecessors
            .iter()
            .any(|(at, t)| *at <= m.span.start && *t == m.target)
    }

    fn former_regime(&self, m: &Mention) -> bool {
        static UNDER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:onder|anders\s+dan\s+(?:onder|in))\s+(?:de\s+|het\s+)?$")
                .expect("valid regex")
        });
        static WAS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:was|waren|gold|golden|bedroeg|bedroegen|lag|lagen)\s+(?:\S+\s+){0,2}?nog\b")
                .expect("valid regex")
        });
        // Named as the act that is gone: "de ingetrokken Verordening (EG) nr. 715/2007", "de
        // vervangen richtlijn".
        static REPEALED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\b(?:de|het)\s+(?:inmiddels\s+)?(?:ingetrokken|vervallen|vervangen)\s+$",
            )
            .expect("valid regex")
        });
        let text = self.norm.text.as_str();
        let before = window_before(text, m.span.start, 40);
        REPEALED.is_match(before)
            || (UNDER.is_match(before) && WAS.is_match(window_after(text, m.span.end, 60)))
    }

    /// Is the mention the act by which another was changed ("Sinds de wijziging door Richtlijn
    /// (EU) 2022/542 omvat bijlage III ...", "zoals gewijzigd bij Verordening ...")? The units
    /// that follow are the changed act's, not the amending act's.
    fn amending_agent(&self, m: &Mention) -> bool {
        static AGENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:wijziging|wijzigingen|gewijzigd|aangevuld)\s+(?:door|bij)\s+(?:de\s+|het\s+)?$")
                .expect("valid regex")
        });
        AGENT.is_match(window_before(&self.norm.text, m.span.start, 40))
    }

    /// The first act named under the title of the geannoteerde agenda's item whose part
    /// heading is block `part`: the item's title is the nearest heading before it that is no
    /// fixed part ("1. Verordening verpakkingen en verpakkingsafval", then "Inhoud").
    fn agenda_item_subject(&self, part: usize, fit: &dyn Fn(&Mention) -> bool) -> Option<&Mention> {
        let blocks = &self.norm.blocks;
        let title = blocks[..part]
            .iter()
            .rev()
            .find(|b| b.kind == BlockKind::Heading && !is_agenda_part(self.norm.slice(b.span)))?;
        self.first_fit(title.span.end, blocks.get(part)?.span.start, fit)
    }

    /// Is the mention an act that another act's title amends or repeals ("richtlijn 2006/24/EG
    /// ... tot wijziging van richtlijn 2002/58/EG"), or that another replaces in prose ("De
    /// verordening vervangt Verordening (EG) nr. 1371/2007")? The letter is about the new act;
    /// "de richtlijn" after it does not mean the old one. So too the former regime named in a
    /// comparison ("onder Verordening (EG) nr. 1371/2007 was dat nog 48 uur").
    fn amended_or_replaced(&self, m: &Mention) -> bool {
        if self.former_regime(m) {
            return true;
        }
        static AMENDING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\btot\s+(?:wijziging|intrekking|aanvulling|vervanging)\s+van\b")
                .expect("valid regex")
        });
        // In prose, the object of "vervangt": "De verordening vervangt Verordening (EG) nr.
        // 1371/2007" (and each act of a list: "... nr. 715/2007 en Verordening (EG) nr.
        // 595/2009"), "Verordening (EU) 2024/1351 vervangt met ingang van 12 juni 2026 de
        // Dublinverordening" (the new act is the one meant later; not "vervangen door", its
        // agent).
        static REPLACES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:vervangt|vervangen|verving|vervingen)\b((?:[^.;:\n]|\bnr\.){0,80}?)\s+(?:de\s+|het\s+)?$")
                .expect("valid regex")
        });
        // In the passive, the subject: "wordt de Dublinverordening vervangen door de
        // Verordening asiel- en migratiebeheer", "De richtlijn wordt per 2026 vervangen door".
        // Not a bill's instruction to replace words ("wordt \"a\" vervangen door \"b\"").
        static REPLACED_BY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:wordt|worden|werd|werden|is|zal|zullen)\s+)?(?:[^\s.;:,"'“”‘’«»]+\s+){0,6}?vervangen\s+door\b"#)
                .expect("valid regex")
        });
        let text = self.norm.text.as_str();
        let before = window_before(text, m.span.start, 160);
        // Not an act named as where the change is made: "In COM(2023) 240 wordt die
        // beoordeling vervangen door een controlerekening" replaces a rule, not the act.
        let as_a_place = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "in" | "met" | "bij" | "via"));
        if !as_a_place && REPLACED_BY.is_match(window_after(text, m.span.end, 120)) {
            return true;
        }
        // Not when an article of the act is what is replaced: "vervangt de huidige regeling in
        // artikel 43 van Richtlijn 2013/32/EU" leaves the directive in force.
        if REPLACES.captures(before).is_some_and(|c| {
            !c[1].split_whitespace().any(|w| w == "door") && !c[1].contains("artikel")
        }) {
            return true;
        }
        // In a relative clause the verb comes last: "Verordening (EU) 2021/782, die
        // Verordening (EG) nr. 1371/2007 vervangt" (the new act is the one meant later).
        static RELATIVE_OPENS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[\s,])(?:die|dat|welke)\s+(?:de\s+|het\s+)?$").expect("valid regex")
        });
        static REPLACES_LAST: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:heeft|hebben|had|hadden|zal|zullen)\s+)?(?:vervangt|vervangen|verving|vervingen|intrekt|intrekken|introk|introkken|ingetrokken)\b")
                .expect("valid regex")
        });
        if RELATIVE_OPENS.is_match(before)
            && REPLACES_LAST.is_match(window_after(text, m.span.end, 80))
        {
            return true;
        }
        // An id in brackets after the title is the whole title's: "een richtlijn tot wijziging
        // van het kaderbesluit (COM(2016) 7)" is the amending proposal.
        if before.trim_end().ends_with('(') {
            return false;
        }
        AMENDING.find_iter(before).last().is_some_and(|a| {
            // "het voorstel tot wijziging van Verordening (EU) 2019/1242": a proposal is no
            // regulation, so "de verordening" after it still means the amended act.
            if before[..a.start()].trim_end().ends_with("voorstel") {
                return false;
            }
            let gap = &before[a.end()..];
            // The same title: no sentence ends between, no other act's subject starts, and no
            // verb says what happened to the amending act ("Het ontwerpbesluit tot wijziging
            // van het Tabaks- en rookwarenbesluit is ... genotificeerd op grond van Richtlijn
            // (EU) 2015/1535": the directive is named in the sentence, not amended).
            const VERBS: [&str; 8] = [
                " is ", " zijn ", " wordt ", " worden ", " werd ", " heeft ", " hebben ", " was ",
            ];
            // Nor where the act is the legal ground of the amendment ("een verzoek tot
            // wijziging van het strategisch plan op grond van artikel 119 van Verordening (EU)
            // 2021/2115": the regulation stays in force, and "die verordening" means it).
            !gap.contains(". ")
                && !gap.contains("\n\n")
                && !gap.contains(" betreffende ")
                && ![" op grond van ", " krachtens ", " ingevolge "]
                    .iter()
                    .any(|g| gap.contains(g))
                && !VERBS.iter().any(|v| gap.contains(v))
        })
    }

    /// The instrument the letter is mostly about: more than half of all mentions (of `kind`).
    fn dominant(&self, kind: Option<&str>) -> Option<&Target> {
        self.dominant_by(kind, false)
    }

    /// [`Mentions::dominant`], or with `clear_lead` also the act with at least three
    /// mentions and twice as many as any other: a letter about one regulation that names
    /// five others in passing is still about it. Only for a bare number nothing nearer
    /// places; a word that refers back ("de overeenkomst") keeps the stricter test.
    fn dominant_by(&self, kind: Option<&str>, clear_lead: bool) -> Option<&Target> {
        let relevant: Vec<&Mention> = self
            .list
            .iter()
            .filter(|m| kind.is_none_or(|k| m.target.kinds.iter().any(|x| x == k)))
            .filter(|m| !self.amended_or_replaced(m))
            .collect();
        let mut counts: Vec<(&Target, usize)> = Vec::new();
        for m in &relevant {
            match counts.iter_mut().find(|(t, _)| **t == m.target) {
                Some((_, n)) => *n += 1,
                None => counts.push((&m.target, 1)),
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let (target, n) = *counts.first()?;
        let second = counts.get(1).map_or(0, |(_, n)| *n);
        let leads = clear_lead && n >= 3 && n >= 2 * second;
        (n >= 2 && (n * 2 > relevant.len() || leads)).then_some(target)
    }

    /// Is the sentence of `pos` citing a non-legislative text (an opinion, guidelines, a
    /// report)? Its numbered paragraphs ("overweging 32") are no recitals of an instrument.
    pub fn non_legislative_source(&self, pos: usize) -> bool {
        static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?-u:\b)(opinion|advies|adviezen|richtsnoeren|guidelines|rapport|report|statement|verklaring|arrest|uitspraak|conclusie|EDPB|EDPS|WP ?29|Raad van State|Autoriteit Persoonsgegevens|Comité)(?-u:\b)").expect("valid regex")
        });
        let Some(s) = self.norm.sentence_at(pos) else {
            return false;
        };
        let text = self.norm.slice(s.span);
        if SOURCE.is_match(text) {
            return true;
        }
        if let Some(f) = s.footnote {
            if is_idem(text) {
                if let Some(prev) = f.checked_sub(1).and_then(|p| self.norm.footnotes.get(p)) {
                    return SOURCE.is_match(self.norm.slice(prev.span));
                }
            }
        }
        false
    }
}

/// Acts the body describes and a footnote names: "in strijd met de verordening inzake
/// geluidgerelateerde exploitatiebeperkingen.¹", note 1 "Verordening (EU) nr. 598/2014 ...".
/// The description's kind word ("verordening") becomes a mention of the act the note opens
/// with, so that "artikel 6 van de verordening" after it means that act. Only a note that
/// opens with the act (a source note, not "Zie ook ..."), and only "de"/"het" and that act's
/// kind word in a sentence that names no act of that kind itself.
/// `list` is in text order: each note and sentence looks only at the mentions inside it, so a
/// long paper with many notes stays linear.
fn described_by_their_notes(norm: &NormDoc, list: &[Mention]) -> Vec<Mention> {
    let text = norm.text.as_str();
    let within = |span: Span| {
        let from = list.partition_point(|m| m.span.start < span.start);
        let to = list.partition_point(|m| m.span.start < span.end).max(from);
        list[from..to]
            .iter()
            .filter(move |m| m.span.end <= span.end)
    };
    let mut out = Vec::new();
    for f in &norm.footnotes {
        let Some(m) = within(f.span).next() else {
            continue;
        };
        if !text
            .get(f.span.start..m.span.start)
            .is_some_and(|lead| lead.trim().is_empty())
        {
            continue;
        }
        let Some(s) = f.sentence.and_then(|i| norm.sentences.get(i)) else {
            continue;
        };
        let sentence = norm.slice(s.span);
        for kind in &m.target.kinds {
            if within(s.span).any(|n| is_of_kind(&n.target, kind)) {
                continue;
            }
            let word = |det: &str| {
                let needle = format!("{det} {kind}");
                sentence
                    .match_indices(needle.as_str())
                    .filter(|(at, _)| is_word_bounded(sentence, *at, at + needle.len()))
                    .last()
                    .map(|(at, _)| at + det.len() + 1)
            };
            let Some(at) = word("de").max(word("het")) else {
                continue;
            };
            let start = s.span.start + at;
            let span = Span::new(start, start + kind.len());
            // A mention overlapping the word starts before its end; names are short, so the
            // search starts a name's length before the word.
            let from = list.partition_point(|n| n.span.start + 400 < span.start);
            if list[from..]
                .iter()
                .take_while(|n| n.span.start < span.end)
                .any(|n| span.start < n.span.end)
            {
                continue;
            }
            out.push(Mention {
                span,
                target: m.target.clone(),
                defined: false,
            });
            break;
        }
    }
    out
}

/// A proposal whose act has been adopted, as a later letter names it: only "het voorstel", never
/// the "de verordening" that letter means by the adopted act.
fn proposal_only(registry: &Registry, entry: usize) -> Target {
    Target {
        kinds: vec!["voorstel".to_string()],
        ..entry_target(registry, entry)
    }
}

/// Whether `target` answers to the generic word `kind` ("richtlijn", "wet").
fn is_of_kind(target: &Target, kind: &str) -> bool {
    target.kinds.iter().any(|k| k == kind)
}

/// Is `number` beyond what an amending act numbers itself ("Richtlijn (EU) 2018/1808 tot
/// wijziging van ...": an article 1 that amends, a few that transpose and close)? An inserted
/// article ("28 ter", "28b") or a high one is the amended act's.
pub fn beyond_an_amending_act(number: &str) -> bool {
    let digits: String = number.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = number[digits.len()..].trim();
    match digits.parse::<u32>() {
        Ok(n) => n > 5 || !rest.is_empty(),
        Err(_) => false,
    }
}

/// Can article `number` be one of `target`'s? Chapter:number ("4:84") only in an instrument
/// numbered so; instruments outside the registry are not known to be either.
pub fn numbered_like(target: &Target, number: &str) -> bool {
    // EU acts and treaties number their articles plainly ("8 bis", "8ac"): a dotted number
    // ("2.10.4" of the new Wetboek van Strafvordering) is not one of theirs.
    // CETA numbers chapter.article ("8.29"): a treaty the registry marks so.
    let plain_only = target.plain_numbers
        || (!target.dotted_numbers
            && target
                .id
                .as_deref()
                .is_some_and(|id| id.starts_with("celex:") || id.starts_with("bwb:BWBV")));
    if plain_only && number.contains('.') {
        return false;
    }
    // "artikel 68" is no article of the Woo, whose articles are "5.1", "5.2".
    if target.dotted_numbers && !number.contains('.') {
        return false;
    }
    // Roman numerals number the articles of an amending act ("Artikel II van de wet, genoemd in
    // voetnoot 2"), not those of a Dutch act in force that a passage refers back to.
    if is_roman(number) && !target.roman_numbers && target.entry.is_some() && target.is_dutch_act()
    {
        return false;
    }
    // "artikel Z 8" is the Kieswet's (a chapter's letter, a space, a number), and the Kieswet
    // has no article "8": the form tells the act apart from another one the passage names.
    if target.entry.is_some() && letter_numbered(number) != target.letter_numbers {
        return false;
    }
    target.entry.is_none() || number.contains(':') == target.colon_numbers
}

/// An article number of the Kieswet's form: one or two capitals, a space, a number ("J 15",
/// "Z 8", "N 11a").
pub fn letter_numbered(number: &str) -> bool {
    let Some((letters, rest)) = number.split_once(' ') else {
        return false;
    };
    (1..=2).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Where the act a paper is about is named in its head: a BNC fiche's "c) Nr.
/// Commissiedocument" (value on the same line or the next), the standard form of every fiche;
/// on a line of its own, or after the field before it where a page runs the fields together
/// ("Datum ontvangst Commissiedocument: 16 september 2022. Nr. Commissiedocument: ...").
fn stated_subject(text: &str) -> Option<usize> {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?mi)(?:^|[.;][ \t]+)[ \t]*(?:[a-z]\)[ \t]*)?nr\.?[ \t]*commissiedocument[ \t]*:?\s*",
        )
        .expect("valid regex")
    });
    let m = SUBJECT.find(text)?;
    celex_at(text, m.end()).map(|_| m.end())
}

/// The kind of act a proposal the registry does not know proposes, as the words before its
/// number say ("het voorstel voor een verordening tot oprichting van een EU-talentenpool
/// (COM(2023) 716)"): a later "artikel 3 van de verordening" is then that proposal's, as it is
/// for the proposals the registry lists with the kind they propose.
fn proposed_kind(text: &str, kind: &str, start: usize) -> Option<&'static str> {
    static PROPOSES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bvoorstel\s+(?:voor|tot\s+vaststelling\s+van)\s+(?:een\s+|de\s+)?(verordening|richtlijn)\b(?:\s[^().;:\n]{1,160}?)?\s*\(\s*$")
            .expect("valid regex")
    });
    if kind != "voorstel" {
        return None;
    }
    let c = PROPOSES.captures(window_before(text, start, 240))?;
    ["verordening", "richtlijn"]
        .into_iter()
        .find(|k| c[1].eq_ignore_ascii_case(k))
}

/// "Het voorstel voor een verordening (hierna: de verordening)" in a fiche names no number:
/// it is the proposal of that kind the fiche is about. A fiche on two proposals lists their
/// titles in one order ("a) Titel voorstel: Voorstel voor een verordening ...; Voorstel voor
/// een richtlijn ...") and their numbers in the same order ("c) Nr. Commissiedocument:
/// COM(2018) 225 en COM(2018) 226"). `at`: where "(hierna" opens.
fn proposal_defined(
    text: &str,
    at: usize,
    mentions: &[Mention],
    subject: Option<usize>,
) -> Option<Target> {
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        // The kind word may be followed by what the act is about: "een voorstel voor een
        // richtlijn over aansprakelijkheid voor schade veroorzaakt door kunstmatige
        // intelligentie (hierna: het voorstel)".
        Regex::new(r"(?i)voorstel\s+(?:voor|tot\s+vaststelling\s+van)\s+(?:een\s+|de\s+)?(verordening|richtlijn|besluit)(?:\s+(?:over|betreffende|inzake|houdende|tot|ter|met\s+betrekking\s+tot)\s[^().;:\n]{1,160}?)?\s*$")
            .expect("valid regex")
    });
    let kind = DEFINED.captures(window_before(text, at, 240))?[1].to_lowercase();
    proposal_of_kind(text, &kind, mentions, subject)
}

/// A fiche's proposals by the kind of act each proposes: a kind one title in the "Titel
/// voorstel" field proposes, paired with its number in the "Nr. Commissiedocument" field.
fn fiche_proposals(
    text: &str,
    mentions: &[Mention],
    subject: Option<usize>,
) -> Vec<(&'static str, Target)> {
    let Some(at) = subject else {
        return Vec::new();
    };
    let Some(title) = TITLE_FIELD.find(&text[..at]) else {
        return Vec::new();
    };
    let kinds: Vec<String> = PROPOSAL_TITLES
        .captures_iter(&text[title.end()..at])
        .map(|c| dutch_kind(&c[1]))
        .collect();
    ["richtlijn", "verordening"]
        .into_iter()
        .filter(|k| kinds.iter().filter(|x| x == k).count() == 1)
        .filter_map(|k| proposal_of_kind(text, k, mentions, subject).map(|t| (k, t)))
        .filter(|(_, t)| is_of_kind(t, "voorstel"))
        .collect()
}

/// A proposal's title in a fiche's head, and the kind of act it proposes.
/// Fiches give the title as the Commission wrote it when no translation was out yet:
/// "Proposal for a Regulation of the European Parliament and of the Council on ...".
static PROPOSAL_TITLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:voorstel\s+voor\s+een|proposal\s+for\s+an?)\s+(verordening|richtlijn|besluit|aanbeveling|regulation|directive|decision|recommendation)")
        .expect("valid regex")
});

/// The Dutch kind of act a title's word names ("Regulation" is "verordening").
fn dutch_kind(word: &str) -> String {
    match word.to_lowercase().as_str() {
        "regulation" => "verordening".to_string(),
        "directive" => "richtlijn".to_string(),
        "decision" => "besluit".to_string(),
        "recommendation" => "aanbeveling".to_string(),
        other => other.to_string(),
    }
}

/// A fiche's "a) Titel voorstel" field, where the titles of its proposals stand.
static TITLE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^[ \t]*(?:[a-z]\)[ \t]*)?titel[ \t]+voorstel[ \t]*:?").expect("valid regex")
});

/// The proposal of `kind` ("richtlijn") a fiche lists in its head: the only number, or the
/// one in the place of that kind's title among the titles.
fn proposal_of_kind(
    text: &str,
    kind: &str,
    mentions: &[Mention],
    subject: Option<usize>,
) -> Option<Target> {
    let subject = subject?;
    // The numbers on the subject's line, in order.
    let line_end = text[subject..]
        .find('\n')
        .map_or(text.len(), |e| subject + e);
    let numbers: Vec<&Target> = mentions
        .iter()
        .filter(|m| subject <= m.span.start && m.span.start < line_end)
        .map(|m| &m.target)
        .collect();
    match numbers.as_slice() {
        [] => None,
        [only] => Some((*only).clone()),
        several => {
            let title = TITLE_FIELD.find(text)?.end();
            let title_end = subject.max(title);
            let kinds: Vec<String> = PROPOSAL_TITLES
                .captures_iter(&text[title..title_end])
                .map(|c| dutch_kind(&c[1]))
                .collect();
            if kinds.len() != several.len() || kinds.iter().filter(|k| *k == kind).count() != 1 {
                return None;
            }
            let i = kinds.iter().position(|k| *k == kind)?;
            Some(several[i].clone())
        }
    }
}

fn found(m: Option<&Mention>, level: Level) -> Option<(&Target, Level)> {
    m.map(|m| (&m.target, level))
}

fn is_idem(text: &str) -> bool {
    let t = text.trim_start();
    ["Idem", "Ibid", "Ibidem", "Aldaar"]
        .iter()
        .any(|w| t.starts_with(w))
}

pub fn entry_target(registry: &Registry, entry: usize) -> Target {
    let inst = registry.get(entry);
    Target {
        id: inst.id.clone(),
        name: inst.short.clone(),
        entry: Some(entry),
        kinds: inst.kinds.clone(),
        colon_numbers: inst.colon_numbers,
        plain_numbers: inst.plain_numbers,
        dotted_numbers: inst.dotted_numbers,
        roman_numbers: inst.roman_numbers,
        letter_numbers: inst.letter_numbers,
    }
}

/// EU acts named by number anywhere in `text`: (start, end, CELEX, kind word).
fn eu_acts(text: &str) -> Vec<(usize, usize, String, &'static str)> {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:uitvoerings|gedelegeerde\s+|implementing\s+|delegated\s+)?(?:verordening|richtlijn|kaderbesluit|besluit|beschikking|aanbeveling|gemeenschappelijk\s+standpunt|regulation|directive|decision|recommendation)(?-u:\b)|(?-u:\b)COM\s?\(").expect("valid regex")
    });
    // A name with the act's bare number in brackets: "de Detacheringsrichtlijn (96/71/EG)",
    // "de Nitraatrichtlijn (91/676/EEG)". The number is read as the act its name's last word
    // says; `definitions` then makes the name mean that act (see NAME_BEFORE there).
    static NAMED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Z][\p{L}\-]*(verordening|richtlijn|beschikking) ?\((\d{2,4}/\d{1,4}/(?:EU|EG|EEG))\)").expect("valid regex")
    });
    let mut acts: Vec<_> = START
        .find_iter(text)
        .filter_map(|m| {
            celex_at(text, m.start()).map(|(end, celex, kind)| (m.start(), end, celex, kind))
        })
        .collect();
    for c in NAMED_NUMBER.captures_iter(text) {
        let (Some(word), Some(number)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let act = format!("{} {}", word.as_str(), number.as_str());
        if let Some((_, celex, kind)) = celex_at(&act, 0) {
            acts.push((number.start(), number.end(), celex, kind));
        }
    }
    // Several acts of one kind under a plural: "tot wijziging van de Richtlijnen 2005/29/EG en
    // 2011/83/EU", "de Verordeningen (EU) 2016/679 en 2018/1725": each number is an act of
    // that kind.
    static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(richtlijnen|verordeningen)\s+(?:\((?:EU|EG|EEG)\)\s*)?((?:\d{2,4}/\d{1,4}(?:/(?:EU|EG|EEG))?(?:\s*,\s*|\s+en\s+))+\d{2,4}/\d{1,4}(?:/(?:EU|EG|EEG))?)")
            .expect("valid regex")
    });
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{2,4}/\d{1,4}(?:/(?:EU|EG|EEG))?").expect("valid regex"));
    for c in PLURAL.captures_iter(text) {
        let (Some(word), Some(list)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let singular = &word.as_str()[..word.as_str().len() - 2];
        for n in NUMBER.find_iter(list.as_str()) {
            let act = format!("{singular} {}", n.as_str());
            if let Some((_, celex, kind)) = celex_at(&act, 0) {
                let at = list.start() + n.start();
                acts.push((at, at + n.len(), celex, kind));
            }
        }
    }
    acts.sort_by_key(|a| a.0);
    acts
}

/// Short names the letter defines: "(hierna: de conceptverordening)", "(hierna te noemen:
/// Wjsg)", "(COM(2021) 802, hierna: het voorstel)", "(COM(2020) 825; hierna: het
/// DSA-voorstel)", "wordt ... aangeduid als «de DGA»", and a parenthesised abbreviation right
/// after a named instrument ("... (Wjsg)").
/// `subject`: where the paper names the act it is about, for a fiche's definitions without a
/// number (see [`proposal_defined`]).
fn definitions(text: &str, mentions: &[Mention], subject: Option<usize>) -> Vec<Definition> {
    static HIERNA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?:\(\s*(?i:hierna(?:\s+te\s+noemen)?|verder|hierna\s+ook)|[,;]\s*(?i:hierna(?:\s+te\s+noemen)?|hierna\s+ook))\s*:?\s*(?:(?i:de|het)\s+)?["'“‘«]?([^)"”’»]{2,60}?)["”’»]?\s*\)"#).expect("valid regex")
    });
    static ABBREV: LazyLock<Regex> = LazyLock::new(|| {
        // "(Wjsg)", "(Wet IB 2001)"-like short names, and a name that says what it is:
        // "(Screeningsverordening)", "(de Europese Klimaatwet)".
        Regex::new(r"^\s*\((?:de\s+|het\s+)?([A-Z][A-Za-z0-9\-]{1,11}(?: \d{4})?|(?:Europese\s+)?[A-Z][\p{L}\-]{2,40}(?:verordening|richtlijn|wet|verdrag))\)").expect("valid regex")
    });
    static AMENDING_IN: LazyLock<Regex> = LazyLock::new(|| {
        // Also the act an amendment is named after: "richtlijn nr. 75/442/EEG ..., zoals
        // gewijzigd bij richtlijn nr. 91/156/EEG (hierna: de kaderrichtlijn)" defines the
        // directive as amended, not the amending one.
        Regex::new(r"\b(?:tot|houdende)\s+(?:wijziging|intrekking|aanvulling|vervanging|verlening|uitvoering)\s+van\b|\b(?:op\s+grond|ter\s+uitvoering)\s+van\b|\bzoals\s+(?:laatstelijk\s+|nadien\s+)?gewijzigd\s+(?:bij|door)\b")
            .expect("valid regex")
    });
    // A full stop before a capital, or a blank line: where a stretch of text ends.
    static SENTENCE_BREAK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\.\s+[A-Z]|\n\n").expect("valid regex"));
    static OTHER_LAW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:de|het)\s+(?:Wet|Besluit|Regeling|Wetboek)\s").expect("valid regex")
    });
    static PROPOSAL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[a-z]\)\s*)?(?:(?i:titel\s+voorstel)\s*:?\s*)?(?i:voorstel)\s+voor\s+een\s+(verordening|richtlijn|besluit)\b")
            .expect("valid regex")
    });
    static UNKNOWN_LAW_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Dd]e|[Hh]et)\s+((?:(?:Tijdelijke|Algemene)\s+)?(?:Wet|wet|Besluit|Regeling|Wetboek)\s[^()\n,;:.]{2,100}?)\s*$")
            .expect("valid regex")
    });
    // The same said in words: "In deze nota wordt de verordening (EU) 2022/868 aangeduid als
    // «de DGA»", "afgekort als «Wht»".
    static REFERRED_TO_AS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\b(?:aangeduid|afgekort)\s+als\s*:?\s*["“‘«]\s*(?:(?i:de|het)\s+)?([^»"”’\n]{2,40}?)\s*["”’»]"#)
            .expect("valid regex")
    });
    // Without brackets, after a comma, to the end of the sentence or clause: "Richtlijn (EU)
    // 2023/1791 ... tot wijziging van Verordening (EU) 2023/955 (herschikking), hierna: de
    // richtlijn."
    static HIERNA_AFTER_COMMA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"[,;]\s*(?i:hierna(?:\s+te\s+noemen)?|hierna\s+ook)\s*:\s*(?:(?i:de|het)\s+)?["'“‘«]?([^()"”’».,;:\n]{2,60}?)["”’»]?\s*[.,;](?:\s|$)"#)
            .expect("valid regex")
    });
    let mut out: Vec<Definition> = Vec::new();
    for c in HIERNA
        .captures_iter(text)
        .chain(HIERNA_AFTER_COMMA.captures_iter(text))
        .chain(REFERRED_TO_AS.captures_iter(text))
    {
        let (Some(whole), Some(short)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // The instrument named last before the parenthesis, within the same stretch of text
        // (a "nr. 1093/2010" inside a title ends no sentence); but an act named in another
        // act's title ("Verordening (EU) 2023/1114 ... tot wijziging van Verordeningen (EU) nr.
        // 1093/2010 en ... (hierna: MiCA)") is not the one defined: the act before the title's
        // "tot wijziging van" is.
        let mut stretch = floor_boundary(text, whole.start().saturating_sub(600));
        if let Some(b) = SENTENCE_BREAK
            .find_iter(&text[stretch..whole.start()])
            .last()
        {
            // From just after the full stop: the capital that follows begins the stretch.
            stretch += b.start() + 1;
        }
        // Nor across an earlier definition: "... (hierna: DAC7) en Richtlijn (EU) 2022/2523
        // ... (hierna: de Pijler 2-richtlijn)".
        if let Some(h) = text[stretch..whole.start()].rfind("hierna") {
            if let Some(close) = text[stretch + h..whole.start()].find(')') {
                stretch += h + close + 1;
            }
        }
        let before = &text[stretch..whole.start()];
        // Only inside a title, after the act it belongs to: "op grond van Richtlijn (EU)
        // 2016/680 (hierna: de richtlijn)" defines that directive.
        let until = AMENDING_IN
            .find_iter(before)
            .filter(|m| {
                let first = mentions.partition_point(|x| x.span.start < stretch);
                mentions
                    .get(first)
                    .is_some_and(|x| x.span.end <= stretch + m.start())
            })
            .last()
            .map_or(whole.start(), |m| stretch + m.start());
        let i = mentions.partition_point(|m| m.span.end <= until);
        // Two names for one act: "(hierna: Cyber Resilience Act of CRA)", "(hierna: de
        // CER-richtlijn of de richtlijn)": each without its article, as the first.
        let shorts: Vec<&str> = short
            .as_str()
            .split(" of ")
            .flat_map(|s| s.split("; "))
            .map(str::trim)
            .map(|s| {
                ["de ", "het ", "De ", "Het "]
                    .iter()
                    .find_map(|a| s.strip_prefix(a))
                    .unwrap_or(s)
            })
            .filter(|s| names_an_instrument(s))
            .collect();
        if shorts.is_empty() {
            continue;
        }
        // A bill defined by its title ("het wetsvoorstel tot intrekking van de Archiefwet 1995
        // en vervanging door de Archiefwet 2021 (hierna: het wetsvoorstel)") is not the act it
        // repeals or amends: "artikel 5.3 van het wetsvoorstel" is the bill's own article.
        if shorts.iter().all(|s| is_a_bill(s)) && AMENDING_IN.is_match(before) {
            continue;
        }
        // Not across another definition or a law kst does not know ("de Wft (hierna: Wft) en
        // de Wet op de economische delicten (hierna: Wed)": Wed is not the Wft).
        // Nor an act of another kind than the short name says: "een verordening (hierna: de
        // voorgestelde verordening)" after "Richtlijn 2001/83/EG" is no directive.
        let named = i.checked_sub(1).and_then(|i| mentions.get(i)).filter(|m| {
            let between = &text[m.span.end..whole.start()];
            m.span.start >= stretch
                && !between.contains("hierna")
                && !OTHER_LAW.is_match(between)
                && shorts.iter().all(|s| kind_agrees(s, &m.target))
        });
        // A fiche's title line defines the proposal, not an act its title repeals or
        // amends: "Voorstel voor een richtlijn ... tot intrekking van Richtlijn 2001/83/EG en
        // Richtlijn 2009/35/EG (hierna: de richtlijn)".
        let titled = PROPOSAL_TITLE
            .captures(&text[stretch..whole.start()])
            .and_then(|c| proposal_of_kind(text, &c[1].to_lowercase(), mentions, subject));
        let target = match (titled, named) {
            (Some(t), _) => Some(t),
            (None, Some(m)) => Some(m.target.clone()),
            (None, None) => {
                proposal_defined(text, whole.start(), mentions, subject).or_else(|| {
                    // A law the registry does not know, given a short name of its own ("de Wet
                    // hersteloperatie toeslagen (hierna: Wht)"): the letter's name wins over
                    // another act's abbreviation (the Wet op de huurtoeslag's "Wht"), with no id.
                    UNKNOWN_LAW_BEFORE
                        .captures(&text[stretch..whole.start()])
                        .map(|c| Target::unregistered(c[1].trim_end()))
                })
            }
        };
        if let Some(t) = target {
            for short in shorts {
                out.push(Definition::new(short, t.clone(), whole.start()));
            }
        }
    }
    // A law the registry does not know with its abbreviation in brackets, no "hierna": "de Wet
    // hersteloperatie toeslagen (Wht)". As with "hierna", the letter's name wins over another
    // act's abbreviation; a name the registry knows is handled below, after its mention.
    static UNKNOWN_LAW_ABBREV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Dd]e|[Hh]et)\s+((?:(?:Tijdelijke|Algemene)\s+)?(?:Wet|Besluit|Regeling)\s[^()\n,;:.]{2,100}?)\s*\(([A-Z][A-Za-z0-9\-]{1,11})\)")
            .expect("valid regex")
    });
    for c in UNKNOWN_LAW_ABBREV.captures_iter(text) {
        let (Some(name), Some(short)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let known = mentions
            .iter()
            .any(|m| m.span.start < name.end() && name.start() < m.span.end);
        if !known {
            out.push(Definition::new(
                short.as_str(),
                Target::unregistered(name.as_str().trim_end()),
                short.start().saturating_sub(1),
            ));
        }
    }
    // An EU act's full title runs on after its number: "Verordening (EU) Nr. 648/2012 van het
    // Europees Parlement en de Raad van 4 juli 2012 betreffende otc-derivaten, ... (EMIR)", or
    // only its subject: "Verordening (EU) 2017/745 betreffende medische hulpmiddelen (MDR)", with
    // an article in the brackets too: "... betreffende cosmetische producten (de
    // Cosmeticaverordening)"
    // (without a comma, so that a clause after the title cannot lend it a body's name).
    static EU_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ (?:van (?:het Europees Parlement en de Raad|de Raad|de Commissie)(?-u:\b)[^()\n]{0,300}?|(?:betreffende|inzake|houdende|tot vaststelling van|tot oprichting van|over) [^(),.;:\n]{3,200}?)\((?:de |het )?([A-Z][A-Za-z0-9\-]{1,11}|[A-Z][\p{L}\-]{1,30}(?:richtlijn|verordening|besluit))\)")
            .expect("valid regex")
    });
    // A name followed by the act's number in brackets is that act: "de Habitatrichtlijn
    // (Richtlijn 92/43/EEG)", "de Dienstenrichtlijn (Richtlijn 2006/123/EG)". A revised act
    // keeps its qualifier in the name ("de herziene Opvangrichtlijn (...)"), so the plain name
    // still means the act it meant before.
    // So is an abbreviation with its article: "de AMLR (Verordening (EU) 2024/1624)".
    static NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s(])((?:(?:herziene|nieuwe|gewijzigde)\s+)?[A-Z][\p{L}\-]*(?:richtlijn|verordening|verdrag|beschikking))\s*\($|(?:^|\s)(?:de|het)\s+([A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,9})?)\s*\($")
            .expect("valid regex")
    });
    // A name given in apposition: "Verordening (EU) 2018/1139, de zogeheten
    // EASA-basisverordening,", "(de zogenoemde AMLR)".
    static SO_CALLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[,(]\s*(?:de|het)\s+(?:zogeheten|zogenoemde|zogenaamde)\s+([A-Z][\p{L}\-]{1,40}(?:richtlijn|verordening|verdrag|wet)|[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,9})?)(?:[\s,.;:)]|$)")
            .expect("valid regex")
    });
    for m in mentions {
        let celex = m
            .target
            .id
            .as_deref()
            .is_some_and(|i| i.starts_with("celex:"));
        if let Some(c) = NAME_BEFORE
            .captures(window_before(text, m.span.start, 60))
            .filter(|_| celex)
        {
            if let Some(name) = c.get(1).or_else(|| c.get(2)) {
                out.push(Definition::new(
                    name.as_str(),
                    m.target.clone(),
                    m.span.start,
                ));
            }
        }
        let after = &text[m.span.end..];
        if let Some(c) = SO_CALLED.captures(after) {
            out.push(Definition::new(&c[1], m.target.clone(), m.span.start));
        }
        if let Some(c) = EU_TITLE
            .captures(after)
            .filter(|_| celex)
            .filter(|c| !clause_in_title(&after[..c.get(1).map_or(0, |n| n.start())]))
        {
            out.push(Definition::new(&c[1], m.target.clone(), m.span.start));
            continue;
        }
        if let Some(c) = ABBREV.captures(after) {
            let short = c[1].to_string();
            if short != text[m.span.start..m.span.end] {
                out.push(Definition::new(&short, m.target.clone(), m.span.start));
            }
        }
    }
    out
}

/// A bill's explanation (a memorie van toelichting, a nota van wijziging): the law its dossier
/// title names ("25 892 Regels inzake de bescherming van persoonsgegevens (Wet bescherming
/// persoonsgegevens)", "Wijziging van de Omgevingswet ...": the first act named before the
/// paper's "Nr."), and where its part on the articles one by one begins.
/// A bill's explanation of its articles one by one: see [`bill_explained`].
struct BillExplained {
    /// The law the dossier title names first.
    law: Target,
    /// Where the explanation of the articles begins.
    from: usize,
    /// Where each of the bill's own articles' sections begins, and the law its heading names.
    sections: Vec<(usize, Target)>,
}

/// Where a bill's explanation of its articles one by one begins ("II. ARTIKELSGEWIJS"; in a
/// nota's numbered sections "6. Artikelsgewijs").
fn explanation_one_by_one(text: &str) -> Option<usize> {
    static ONE_BY_ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:(?:[IVX]{1,4}|\d{1,2})\.?[ \t]+)?(?:ARTIKELSGEWIJS|Artikelsgewijs|ARTIKELSGEWIJZE TOELICHTING|Artikelsgewijze toelichting)\b")
            .expect("valid regex")
    });
    // Most papers are no bill's explanation: a plain search first spares them the regex.
    if !text.contains("rtikelsgewij") && !text.contains("RTIKELSGEWIJ") {
        return None;
    }
    ONE_BY_ONE.find(text).map(|m| m.end())
}

/// An amending text's instructions, act by act: from "De Wet ... wordt als volgt gewijzigd:"
/// (or "Het Besluit ...", "Boek 7 van het Burgerlijk Wetboek ...") to the next such line, the
/// amending text's next article of its own ("ARTIKEL II"), its explanation or its signature.
/// The act is the one the line names: a registry mention that makes up the name, else the
/// name as written ("De Uitvoeringsregeling WNT" is not the WNT; "De Regeling
/// bezoldigingsmaxima ..." is no act the registry knows).
///
/// A nota van wijziging amends the bill itself ("Het voorstel van wet wordt als volgt
/// gewijzigd:"): the bill's own articles are Roman-numbered ("artikel I, onderdeel D"), and an
/// article numbered otherwise in its instructions ("Artikel 59 wordt als volgt gewijzigd") is
/// of the act the bill amends, where the paper's head names one ("35 893 Wijziging van de
/// Vreemdelingenwet 2000 in verband met ...").
///
/// `amends_acts`: the paper's head says its bill amends acts; `bill_amends`: the one act it
/// names (see [`bill_amending_title`]).
fn amending_instructions(
    text: &str,
    mentions: &[Mention],
    amends_acts: bool,
    bill_amends: Option<&Target>,
) -> Vec<(Span, Target, bool)> {
    static AMENDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:[A-Z]{1,2}[.)]?[ \t]+)?(?:(?:De|Het)[ \t]+)?([A-Z][^\n]{2,200}?)[ \t]+wordt[ \t]+als[ \t]+volgt[ \t]+gewijzigd[ \t]*[:.]")
            .expect("valid regex")
    });
    // What ends an act's instructions, besides the next act's.
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:(?:ARTIKEL|Artikel)[ \t]+[IVXLC]{1,6}\b|(?:[IVX]{1,4}\.?[ \t]+)?(?:TOELICHTING|Toelichting|ALGEMEEN|Algemeen|ARTIKELSGEWIJS|Artikelsgewijs|MEMORIE VAN TOELICHTING|Memorie van toelichting)[ \t]*$|(?:De|Onze)[ \t]+(?:Minister|Staatssecretaris)\b[^\n]{0,120},[ \t]*$|Lasten en bevelen\b|Gegeven\b)")
            .expect("valid regex")
    });
    // Parts of an act, which the act's own instructions amend in turn ("Artikel 5 wordt als
    // volgt gewijzigd:").
    const PARTS: [&str; 12] = [
        "artikel",
        "hoofdstuk",
        "paragraaf",
        "afdeling",
        "titel",
        "bijlage",
        "onderdeel",
        "het ",
        "de ",
        "lid",
        "aanhef",
        "tabel",
    ];
    // Most papers amend nothing: a plain search first spares them the regex.
    if !text.contains("als volgt gewijzigd") {
        return Vec::new();
    }
    let starts: Vec<(usize, usize, usize)> = AMENDED
        .captures_iter(text)
        .filter_map(|c| {
            let (all, name) = (c.get(0)?, c.get(1)?);
            let lower = name.as_str().to_lowercase();
            (is_a_bill(&lower) || !PARTS.iter().any(|p| lower.starts_with(p))).then_some((
                name.start(),
                name.end(),
                all.end(),
            ))
        })
        .collect();
    let mut out = Vec::new();
    for (i, &(name_start, name_end, from)) in starts.iter().enumerate() {
        let next = starts.get(i + 1).map_or(text.len(), |&(s, _, _)| s);
        let end = END
            .find_at(text, from)
            .map_or(next, |m| m.start().min(next))
            .min(from + 20_000)
            .min(text.len());
        let name = &text[name_start..name_end];
        let inside: Vec<&Mention> = mentions
            .iter()
            .filter(|m| name_start <= m.span.start && m.span.end <= name_end)
            .collect();
        let first_word = name.split_whitespace().next().unwrap_or("").to_lowercase();
        // A nota van wijziging amends the bill itself ("Het voorstel van wet wordt als volgt
        // gewijzigd:"): its articles are the bill's, of no act in force.
        let the_bill = is_a_bill(name);
        let titled = [
            "wet",
            "besluit",
            "regeling",
            "reglement",
            "verordening",
            "wetboek",
        ]
        .iter()
        .any(|k| first_word.ends_with(k));
        let target = match inside.last() {
            _ if the_bill => Some(Target::unregistered("wetsvoorstel")),
            // The name is the act's.
            Some(m) if m.span == Span::new(name_start, name_end) => Some(m.target.clone()),
            // One title word before it makes another instrument ("Uitvoeringsregeling WNT",
            // "Uitvoeringsbesluit Wet ..."); longer names ("Boek 7 van het Burgerlijk
            // Wetboek") are left to the other rules.
            Some(m) if m.span.end == name_end => {
                let before = text[name_start..m.span.start].trim_end();
                (titled && !before.contains(char::is_whitespace))
                    .then(|| Target::unregistered(name))
            }
            Some(_) => None,
            // A title the registry does not know ("De Regeling bezoldigingsmaxima ...").
            None => titled.then(|| Target::unregistered(name)),
        };
        if let Some(target) = target {
            // Where the head says the bill amends acts ("Wijziging van de Vreemdelingenwet 2000",
            // "Wijziging van verschillende wetten"), the bill's own articles are the
            // Roman-numbered ones and the rest are those acts' (the one act the head names, or
            // whichever the passage names); a new law's ("Intrekking van de Archiefwet 1995 en
            // vervanging door de Archiefwet 2021") are all its own.
            let amends = the_bill && amends_acts;
            out.push((Span::new(from, end), target, amends));
            if let Some(law) = bill_amends.filter(|_| amends) {
                out.push((Span::new(from, end), law.clone(), false));
            }
        }
    }
    out
}

/// The title line of the paper's head where it says its bill amends acts in force ("35 893
/// Wijziging van de Vreemdelingenwet 2000 in verband met ...", "33 818 Wijziging van
/// verschillende wetten ..."), as a span of `text`.
fn bill_amending_title(text: &str) -> Option<Span> {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:\d{2}[ \t]?\d{3}(?:[ \t]+[A-Z]{1,4})?[ \t]+)?Wijziging[ \t]+van[ \t]+\S[^\n]*")
            .expect("valid regex")
    });
    TITLE
        .find(&text[..floor_boundary(text, 2000)])
        .map(|m| Span::new(m.start(), m.end()))
}

/// The one act a bill amends, as the title line `title` names it: the registry's act in force
/// that the title's "Wijziging van de" opens, when the line names no other.
fn amended_by_the_bill(text: &str, title: Span, mentions: &[Mention]) -> Option<Target> {
    let named: Vec<&Mention> = mentions
        .iter()
        .filter(|m| title.start <= m.span.start && m.span.end <= title.end)
        .collect();
    let [only] = named.as_slice() else {
        return None;
    };
    let opens = text[title.start..only.span.start]
        .trim_end()
        .to_lowercase()
        .ends_with("wijziging van de");
    let act = only
        .target
        .id
        .as_deref()
        .is_some_and(|id| id.starts_with("bwb:"));
    (opens && act).then(|| only.target.clone())
}

/// An article number in Roman numerals ("I", "IV", "XII"), as a bill numbers its own.
fn is_roman(number: &str) -> bool {
    !number.is_empty()
        && number
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// `from`: where its explanation of the articles one by one begins
/// ([`explanation_one_by_one`]).
fn bill_explained(text: &str, mentions: &[Mention], from: usize) -> Option<BillExplained> {
    // A heading line of one of the bill's own articles: "Artikel III (Wet allocatie
    // arbeidskrachten door intermediairs)", "ARTIKEL II. WIJZIGING VAN DE ARBEIDSTIJDENWET".
    static BILL_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:Artikel|ARTIKEL) [IVXLC]{1,6}\b[^\n]{0,160}$")
            .expect("valid regex")
    });
    // The head ends at the paper's number, or at the memorandum's heading where a copy starts
    // with the bill's title alone ("Wijziging van de Wet dieren ... | MEMORIE VAN TOELICHTING").
    static PAPER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bNr\.[ \t]*\d|(?m)^[ \t]*MEMORIE VAN TOELICHTING[ \t]*$")
            .expect("valid regex")
    });
    let head_end = PAPER_NUMBER
        .find(&text[..floor_boundary(text, 2000)])?
        .start();
    let law = mentions
        .iter()
        .take_while(|m| m.span.end <= head_end)
        .find(|m| {
            m.target
                .id
                .as_deref()
                .is_some_and(|id| id.starts_with("bwb:"))
        })?;
    // Each section of the explanation is about the law its heading names; a heading that
    // names none ("Artikel IV (inwerkingtreding)") leaves the bill's first law.
    let sections = BILL_ARTICLE
        .find_iter(&text[from..])
        .map(|h| (from + h.start(), from + h.end()))
        .map(|(start, end)| {
            // Mentions are in text order: the first one from the heading's start.
            let i = mentions.partition_point(|m| m.span.start < start);
            let named = mentions
                .get(i)
                .filter(|m| m.span.end <= end)
                .map_or_else(|| law.target.clone(), |m| m.target.clone());
            (start, named)
        })
        .collect();
    Some(BillExplained {
        law: law.target.clone(),
        from,
        sections,
    })
}

/// Does the clause around a reference at `[start, end)` say the number is the Commission
/// proposal's: "in het (oorspronkelijke) voorstel (van de Commissie)", "van het
/// Commissievoorstel", "het initiële voorstel", "het Commissievoorstel regelde dit in"? The
/// clause runs from the sentence's start, or its last semicolon before the reference, to its
/// next semicolon, bracket or reference, or the sentence's end.
pub fn clause_names_the_proposal(text: &str, sentence: Span, start: usize, end: usize) -> bool {
    static PROPOSAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:(?:in|van|uit|volgens)\s+het\s+(?:(?:oorspronkelijke|initiële|eerdere|eerste|gewijzigde)\s+)?(?:commissie)?voorstel|het\s+(?:oorspronkelijke|initiële|gewijzigde)\s+(?:commissie)?voorstel|(?:het|dit|dat)\s+commissievoorstel|(?:commissie)?voorstel\s+van\s+de\s+(?:europese\s+)?commissie)\b")
            .expect("valid regex")
    });
    let (Some(before), Some(after)) = (
        text.get(sentence.start..start.max(sentence.start)),
        text.get(end.min(sentence.end)..sentence.end),
    ) else {
        return false;
    };
    // Past a semicolon only when the clause points back to what the one before named ("Dat
    // vereiste kwam in het Commissievoorstel nog niet voor; de verplichtingen van gebruikers
    // stonden daar in artikel 29").
    let (earlier, before) = before.rsplit_once(';').unwrap_or(("", before));
    let points_back = before
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "daar" | "daarin" | "hierin"));
    let earlier = if points_back { earlier } else { "" };
    // A closed bracket before the reference speaks of its own reference: "artikel 26
    // (voorheen artikel 29 van het voorstel) en ... artikel 50" is the act's article 50.
    let before = outside_brackets(before);
    // After the reference only up to the next one, or a bracket: "artikel 26 (artikel 29 van
    // het Commissievoorstel)" is the act's article 26.
    let after = after
        .split([';', '('])
        .next()
        .unwrap_or(after)
        .split("artikel")
        .next()
        .unwrap_or(after);
    // Not a comparison with the proposal: "Nieuw ten opzichte van het voorstel is de
    // verplichting in artikel 22" is the adopted act's article. The comparison is read before
    // the phrase's last word, as before a name (`in_comparison`).
    let named = |t: &str| {
        PROPOSAL.find_iter(t).any(|m| {
            let last_word = m.as_str().trim_end().rfind(char::is_whitespace);
            !in_comparison(t, last_word.map_or(m.start(), |i| m.start() + i + 1))
        })
    };
    named(&before) || named(after) || named(&outside_brackets(earlier))
}

/// `text` without its closed bracket pairs and what they hold.
fn outside_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut open_at = 0usize;
    for c in text.chars() {
        match c {
            '(' => {
                if depth == 0 {
                    open_at = out.len();
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.truncate(open_at);
                    out.push(' ');
                }
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Does `m` stand inside brackets that open after `from` and close before `pos`?
fn in_closed_brackets(text: &str, from: usize, m: &Mention, pos: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(from..m.span.start), text.get(m.span.end..pos))
    else {
        return false;
    };
    unclosed_bracket(before).is_some() && unopened_bracket(after).is_some()
}

/// Where the last "(" of `text` stands that no ")" after it closes.
fn unclosed_bracket(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    text.char_indices().rev().find_map(|(i, c)| {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(i),
            '(' => depth -= 1,
            _ => {}
        }
        None
    })
}

/// Where the first ")" of `text` stands that no "(" before it opened.
fn unopened_bracket(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    text.char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
        None
    })
}

/// The text between an article and an act later in its sentence joins it to one more article
/// of that act: "De zorgplicht na inzet van artikel 4 | en de bijzondere zorgplicht van artikel
/// 5 van de | Veteranenwet": the two articles are coordinated, the act named once for both.
/// Only with "van": an act's short name right after the number ("het nieuwe artikel 7 bis en
/// artikel 25 DSA") is that article's alone.
fn coordinated_article(between: &str) -> bool {
    static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:en|of)\s+(?:\S+\s+){0,6}?artikel\s+\d+[a-z]?\s+van\s+(?:de|het)\s+$")
            .expect("valid regex")
    });
    COORDINATED.is_match(between) && !between.contains(',')
}

/// Does the text between a reference and a name later in its sentence leave the reference's
/// clause: a semicolon or colon, a word that opens a new, relative or comparative clause
/// ("herziening van artikel 4; eerst moet duidelijk zijn hoe de AI-verordening uitwerkt",
/// "(artikel 12) ... aantallen, die verder gaan dan de eisen in het Bouwbesluit 2012"), or a
/// coordinated clause with a verb of its own ("de voorwaarden van artikel 4 te verduidelijken
/// en zal daarbij aansluiting zoeken bij de AI-verordening")? A name there is what that clause
/// speaks of, not the article's instrument.
fn leaves_the_clause(between: &str) -> bool {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[;:]|(?i-u:\b)(?:die|dat|welke|wat|waarin|waarbij|waarvan|waarop|waarmee|waardoor|dan|zoals|omdat|doordat|terwijl|hoewel|maar|eerst|zodat|zodra|nadat|voordat|(?:en|of)\s+(?:zal|zullen|wil|willen|kan|kunnen|moet|moeten|is|zijn|heeft|hebben|wordt|worden|gaat|gaan))(?-u:\b)")
            .expect("valid regex")
    });
    OPENER.is_match(between)
}

/// Is a heading one of the fixed parts of a geannoteerde agenda's item ("Inhoud", "Inzet
/// Nederland", "Krachtenveld")?
fn is_agenda_part(heading: &str) -> bool {
    const PARTS: [&str; 4] = [
        "inhoud",
        "inzet nederland",
        "inzet van nederland",
        "krachtenveld",
    ];
    let lower = heading.trim().to_lowercase();
    PARTS.iter().any(|p| lower == *p)
}

/// Is a heading a turn of a written exchange ("Reactie van de bewindspersoon", "Antwoord van
/// het kabinet", "Vragen en opmerkingen van de leden van de CDA-fractie") rather than a new
/// subject? The answer under it speaks of what the question above it named.
fn is_exchange_label(heading: &str) -> bool {
    const TURNS: [&str; 7] = [
        "reactie",
        "antwoord",
        "vragen en opmerkingen",
        "vraag ",
        "inbreng",
        "beantwoording",
        "commentaar",
    ];
    let lower = heading
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    heading.len() < 120 && TURNS.iter().any(|t| lower.starts_with(t))
}

/// Does the text between an EU act's number and a bracketed name hold a clause of the letter
/// rather than the act's subject ("Richtlijn 2019/1937 inzake klokkenluiders die door de
/// Autoriteit Persoonsgegevens (AP) ...": the bracket names the body)?
fn clause_in_title(gap: &str) -> bool {
    const CLAUSE: [&str; 9] = [
        " die ", " dat ", " welke ", " waar", " wordt ", " worden ", " is ", " zijn ", " heeft ",
    ];
    !gap.starts_with(" van ") && CLAUSE.iter().any(|w| gap.contains(w))
}

/// Whether a short name that ends in a kind of act ("de voorgestelde verordening", "de
/// richtlijn") can name `target`: a target of known kinds must be of that kind.
fn kind_agrees(short: &str, target: &Target) -> bool {
    // "de Overeenkomst", "de Conventie" name a treaty (not a contract named after a law).
    const KINDS: [(&str, &str); 5] = [
        ("verordening", "verordening"),
        ("richtlijn", "richtlijn"),
        ("verdrag", "verdrag"),
        ("overeenkomst", "verdrag"),
        ("conventie", "verdrag"),
    ];
    let lower = short.to_lowercase();
    match KINDS.iter().find(|(end, _)| lower.ends_with(end)) {
        Some((_, kind)) => target.kinds.is_empty() || target.kinds.iter().any(|k| k == kind),
        None => true,
    }
}

/// "(het) wetsvoorstel", "(het) voorstel van wet": a Dutch bill, not yet an act with an id (a
/// short name defined for it, or the bill a nota van wijziging amends).
pub(crate) fn is_a_bill(short: &str) -> bool {
    let lower = short.to_lowercase();
    let lower = lower.trim_start_matches("het ").trim_start_matches("dit ");
    // A draft decree or regulation that amends one in force ("het ontwerp van een besluit tot
    // wijziging van het Drinkwaterbesluit (hierna: het ontwerpbesluit)") is one too.
    lower.ends_with("wetsvoorstel")
        || lower.starts_with("voorstel van wet")
        || lower.starts_with("ontwerpbesluit")
        || lower.starts_with("ontwerpregeling")
        || lower.starts_with("wijzigingsbesluit")
}

/// Does a short name defined with "hierna:" name an instrument ("de conceptverordening",
/// "Wjsg", "DSA"), rather than a body or a person ("de Minister", "de Commissie")?
fn names_an_instrument(short: &str) -> bool {
    const WORDS: [&str; 13] = [
        "wet",
        "verordening",
        "richtlijn",
        "besluit",
        "beschikking",
        "regeling",
        "verdrag",
        "overeenkomst",
        "conventie",
        "handvest",
        "voorstel",
        "wetboek",
        "code",
    ];
    let lower = short.to_lowercase();
    // An abbreviation with the law's year: "Wsf 2000", "Pw 2012", "Vw 2000".
    let with_year = short.split_once(' ').is_some_and(|(abbr, year)| {
        abbr.starts_with(|c: char| c.is_ascii_uppercase())
            && (2..=5).contains(&abbr.len())
            && abbr.chars().all(|c| c.is_ascii_alphabetic())
            && year.len() == 4
            && year.chars().all(|c| c.is_ascii_digit())
    });
    // One capital and a few letters with at most one vowel, as laws are shortened ("Lpw",
    // "Bkl", "Pbw"); a word ("Raad", "Kamer") has more.
    let consonantal = short.starts_with(|c: char| c.is_ascii_uppercase())
        && (2..=6).contains(&short.len())
        && short.chars().all(|c| c.is_ascii_alphabetic())
        && short[1..].chars().filter(|c| "aeiouy".contains(*c)).count() <= 1;
    let abbreviation = short.chars().filter(|c| c.is_uppercase()).count() >= 2
        || (short.starts_with('W') && short.len() <= 6 && !short.contains(' '))
        || consonantal
        || with_year;
    abbreviation || WORDS.iter().any(|w| lower.contains(w))
}

/// A short name the letter defines for an instrument, and where the definition stands.
#[derive(Debug, Clone)]
struct Definition {
    short: String,
    /// `short` in lower case: two definitions of one name ("de Richtlijn", "de richtlijn")
    /// share it.
    key: String,
    target: Target,
    at: usize,
}

impl Definition {
    fn new(short: &str, target: Target, at: usize) -> Definition {
        Definition {
            short: short.to_string(),
            key: short.to_lowercase(),
            target,
            at,
        }
    }
}

/// Whether the name at `start` ends another instrument's title: "het Verzamelbesluit
/// Omgevingswet 2024", "de Invoeringswet Omgevingswet", "het Uitvoeringsbesluit Wmg" name a
/// decree or an act of their own, not the act whose name they carry.
fn in_another_title(text: &str, start: usize) -> bool {
    static TITLE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}])\p{Lu}\p{Ll}+(?:besluit|regeling|wet|reglement)\s$")
            .expect("valid regex")
    });
    let from = crate::text::ceil_boundary(text, start.saturating_sub(60));
    TITLE_HEAD.is_match(&text[from..start])
}

/// Whether the word before `pos` is a demonstrative ("die", "deze", "dezelfde", ...).
/// Does the clause before `pos` compare ("hoger dan in", "ten opzichte van", "in vergelijking
/// met") with what stands at `pos`, a name or a word that refers back?
pub fn in_comparison(text: &str, pos: usize) -> bool {
    static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\bdan\s+(?:in|bij|onder|uit)|\bten\s+opzichte\s+van|\bin\s+vergelijking\s+met|\bvergeleken\s+met|\bevenmin\s+als|\bnet\s+(?:als|zoals)|\bevenals|\banders\s+dan)\s+(?:het\s+|de\s+)?(?:[^\s.;:!?]+\s+){0,4}\(?$")
            .expect("valid regex")
    });
    let before = window_before(text, pos, 160);
    let clause = before
        .rfind(['.', ';', ':', '?', '!'])
        .map_or(before, |i| &before[i + 1..]);
    // "Ter vergelijking: artikel 83, vijfde lid, AVG kent ...": a sentence set apart as a
    // comparison names the act compared with.
    let sentence = before
        .rfind(['.', ';', '?', '!'])
        .map_or(before, |i| &before[i + 1..])
        .trim_start()
        .to_lowercase();
    // Inside the brackets after the compared act's description: "Anders dan in het
    // oorspronkelijke Commissievoorstel (artikel 5, eerste lid, onder d, van COM(2021) 206)".
    COMPARED.is_match(clause)
        || unclosed_bracket(clause).is_some_and(|i| COMPARED.is_match(&clause[..=i]))
        || ["ter vergelijk", "bij wijze van vergelijking"]
            .iter()
            .any(|w| sentence.starts_with(w))
}

pub(super) fn after_demonstrative(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end();
    before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|word| {
            ["die", "deze", "diezelfde", "dezelfde", "dat", "dit"]
                .iter()
                .any(|d| word.eq_ignore_ascii_case(d))
        })
}

/// Occurrences of defined short names become mentions; where one overlaps a registry name
/// with another meaning, the letter's own definition wins. A name defined twice for two
/// instruments ("de Opvangrichtlijn (Richtlijn 2013/33/EU)", later "de herziene
/// Opvangrichtlijn (Richtlijn (EU) 2024/1346)") means, at each place, the instrument of the
/// last definition before it (the first one before any). `defined` is in text order.
fn add_defined(text: &str, list: &mut Vec<Mention>, defined: &[Definition]) {
    let mut extra: Vec<Mention> = Vec::new();
    // Lower-cased once (and only when there is a defined name to look for); only usable
    // where lower-casing kept every byte offset.
    let lower = if defined.is_empty() {
        String::new()
    } else {
        text.to_lowercase()
    };
    for (i, def) in defined.iter().enumerate() {
        let (short, target) = (&def.short, &def.target);
        // Where this definition is in force: from itself (from the start of the letter for
        // the first definition of the name) to the next definition of the same name.
        let same = |d: &Definition| d.key == def.key;
        let from = if defined[..i].iter().any(same) {
            def.at
        } else {
            0
        };
        let until = defined[i + 1..]
            .iter()
            .find(|d| same(d))
            .map_or(text.len(), |d| d.at);
        let case_insensitive =
            !short.chars().any(|c| c.is_uppercase()) && lower.len() == text.len();
        let needle = if case_insensitive {
            short.to_lowercase()
        } else {
            short.clone()
        };
        let haystack = if case_insensitive {
            lower.as_str()
        } else {
            text
        };
        for (at, _) in haystack.match_indices(needle.as_str()) {
            if at < from || at >= until {
                continue;
            }
            let end = at + needle.len();
            if !text.is_char_boundary(at)
                || !text.is_char_boundary(end)
                || !is_word_bounded(text, at, end)
            {
                continue;
            }
            // Inside the definition itself: "(hierna: de verordening)". The opening bracket
            // is looked for close by, so a text without brackets is not searched back whole
            // for every occurrence (quadratic on a one-line file).
            // The comma form "(COM(2021) 802, hierna: het voorstel)" has a bracket pair
            // before its "hierna", so it is the last "hierna" that must not be closed yet.
            let before = window_before(text, at, DEFINITION_REACH).to_lowercase();
            if before
                .rfind("hierna")
                .is_some_and(|h| before[..h].contains('(') && !before[h..].contains(')'))
            {
                continue;
            }
            // "die richtlijn" after "(hierna: de richtlijn)" points back at the act of that
            // kind named last, which may be another one ("een wijziging van Richtlijn
            // 2011/16/EU ... artikel 8 bis van die richtlijn"): a demonstrative is resolved
            // as one (see `Mentions::anaphor`), not as the defined name.
            if case_insensitive && after_demonstrative(text, at) {
                continue;
            }
            // "het Uitvoeringsbesluit Wkkgz" after "(Wkkgz)" defined: another title's end, as
            // for a name the registry knows.
            if in_another_title(text, at) {
                continue;
            }
            extra.push(Mention {
                span: Span::new(at, end),
                target: target.clone(),
                defined: true,
            });
        }
    }
    // Mentions by (start, arrival), so the ones a new mention overlaps are found by a range
    // (no mention is longer than `longest`) instead of a scan of the whole letter's list.
    let longest = list
        .iter()
        .chain(&extra)
        .map(|m| m.span.len())
        .max()
        .unwrap_or(0);
    let mut by_start: BTreeMap<(usize, usize), Mention> = list
        .drain(..)
        .enumerate()
        .map(|(i, m)| ((m.span.start, i), m))
        .collect();
    let mut arrival = by_start.len();
    for m in extra {
        let from = (m.span.start.saturating_sub(longest), 0);
        let overlapping: Vec<(usize, usize)> = by_start
            .range(from..(m.span.end, 0))
            .filter(|(_, o)| o.span.start < m.span.end && m.span.start < o.span.end)
            .map(|(k, _)| *k)
            .collect();
        let others = || overlapping.iter().filter_map(|k| by_start.get(k));
        if others().any(|o| o.target == m.target) {
            continue;
        }
        // A longer registry name containing the short one stays ("Uitvoeringswet AVG").
        if others().any(|o| o.span.len() > m.span.len()) {
            continue;
        }
        for k in &overlapping {
            by_start.remove(k);
        }
        by_start.insert((m.span.start, arrival), m);
        arrival += 1;
    }
    *list = by_start.into_values().collect();
}

/// A determiner and a generic word for an instrument, in lower case (a capital makes a name:
/// "de Wet"): what a sentence can refer back to.
static REFERRING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Dd]e|[Dd]eze|[Dd]ie|[Hh]et|[Dd]it)\s+(?:(vastgestelde|definitieve|aangenomen)\s+)?(richtlijn|verordening|kaderbesluit|wet|verdrag|wetboek|voorstel)\b",
    )
    .expect("a valid pattern")
});

/// How far before a defined name the "(hierna: …" of its definition may open.
const DEFINITION_REACH: usize = 160;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_past_a_clause_boundary_is_not_the_articles() {
        assert!(leaves_the_clause("; eerst moet duidelijk zijn hoe de "));
        assert!(leaves_the_clause(
            ") is het kabinet kritisch over de aantallen, die verder gaan dan de eisen in het "
        ));
        assert!(!leaves_the_clause(" van het "));
        assert!(!leaves_the_clause(", tweede lid, in samenhang met de "));
        // "die" and "dan" as words, not inside other words.
        assert!(!leaves_the_clause(" bedoelde diensten in de "));
    }

    #[test]
    fn proposal_wording_in_the_references_clause() {
        let says = |text: &str, reference: &str| {
            let start = text.find(reference).expect("reference");
            let sentence = Span::new(0, text.len());
            clause_names_the_proposal(text, sentence, start, start + reference.len())
        };
        assert!(says(
            "In het oorspronkelijke voorstel van de Commissie was dit verbod opgenomen in artikel 5, eerste lid, onder d; de nummering is gewijzigd.",
            "artikel 5, eerste lid, onder d"
        ));
        assert!(says(
            "Dat stond in artikel 29 van het Commissievoorstel.",
            "artikel 29"
        ));
        assert!(says(
            "Het Commissievoorstel regelde dit in artikel 52.",
            "artikel 52"
        ));
        // Not past a semicolon or into a bracket with another reference.
        assert!(!says(
            "Het voorstel van de Commissie is aangenomen; artikel 26 geldt nu.",
            "artikel 26"
        ));
        assert!(!says(
            "Zie artikel 26 (artikel 29 van het Commissievoorstel).",
            "artikel 26"
        ));
        // A bill is no Commission proposal.
        assert!(!says("In het wetsvoorstel staat artikel 3.", "artikel 3"));
    }
}
