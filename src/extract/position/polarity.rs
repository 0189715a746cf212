//! Polarity: whether a negator bears on a cue or frame. A negator counts within a window of
//! words around a cue (or inside it, or ending its clause), unless it belongs to a
//! pseudo-trigger ("niet alleen", "geen bezwaar") that only looks like a negation.

use super::clauses::{words, Prepared};
use super::PositionExtractor;
use crate::extract::gate::Seen;
use std::ops::Range;

impl PositionExtractor {
    /// Whether `r` lies in a pseudo-trigger in `text`, the part `span` of the gated text.
    pub(super) fn in_pseudo(
        &self,
        text: &str,
        span: &Range<usize>,
        r: Range<usize>,
        seen: &Seen,
    ) -> bool {
        // A hedging pseudo-trigger ("niet zonder meer", "niet altijd") still negates: "Ik deel
        // die opvatting niet zonder meer" disagrees, hedged.
        self.lex.pseudos.iter().filter(|p| !p.hedge).any(|p| {
            p.pattern.may_in(seen, span.clone())
                && p.pattern
                    .re()
                    .find_iter(text)
                    .any(|m| m.start() <= r.start && r.end <= m.end())
        })
    }

    /// Whether a negator (not part of a pseudo-trigger) stands within the window of `cue`
    /// in clause `clause`. Returns the negator's range. `content`: the cue is an evaluation
    /// a frame holds.
    pub(super) fn negator_near(
        &self,
        p: &Prepared,
        clause: Range<usize>,
        cue: Range<usize>,
        modal: bool,
        content: bool,
    ) -> Option<Range<usize>> {
        let window = &self.lex.window;
        // Whether the clause ends in an infinitive ("Ik zal de motie daarom niet uitvoeren").
        let clause_text = &p.work[clause.clone()];
        let infinitive_last = || {
            words(clause_text)
                .last()
                .is_some_and(|(_, w)| w.len() > 3 && w.ends_with("en"))
        };
        self.first_negator(p, clause.clone(), |n: &Negation| {
            let (cs, ce) = (n.word_at(cue.start), n.word_at(cue.end));
            let w = n.word;
            // Not one that an infinitive after it closes ("dat de keuze om niet-bezwaarmakers
            // geen rechtsherstel te bieden verenigbaar is"): it bears on that verb.
            let own_infinitive = || {
                p.work
                    .get(n.range.end..cue.start)
                    .is_some_and(|between| words(between).any(|(_, x)| x == "te"))
            };
            let before = w < cs && cs - w <= window.before && !own_infinitive();
            // Nor, after an evaluation a frame holds, one that an infinitive a few words on
            // closes ("Ik acht het wenselijk deze verbeteringen niet uit te stellen tot ..."):
            // the evaluation judges that course. (A decision's "besloten geen rechtsherstel te
            // bieden" is a decision not to act.) Not "te" of degree ("niet te ver"): no
            // infinitive.
            let closed_by_infinitive = || {
                if !content {
                    return false;
                }
                let rest: Vec<&str> = words(&p.work[n.range.end..clause.end])
                    .take(5)
                    .map(|(_, x)| x)
                    .collect();
                rest.windows(2).take(4).any(|pair| {
                    pair[0] == "te"
                        && pair[1].len() > 3
                        && pair[1].ends_with("en")
                        && pair[1] != "enen"
                })
            };
            let after = w >= ce && w - ce < window.after && !closed_by_infinitive();
            // A negator inside the cue counts ("ben niet voornemens"); cues whose words
            // include a negation of their own are marked not negatable in the lexicon.
            let inside = cue.start <= n.range.start && n.range.end <= cue.end;
            // A "niet" that ends the clause negates its verb however far the object runs
            // ("Het kabinet deelt de opvatting van deze leden niet"), also when only a phrase
            // of degree follows it ("onderschrijft het advies dan ook niet op alle punten").
            let clause_final = w >= ce
                && n.text == "niet"
                && (w + 1 == n.words.len() || degree_follows(&p.work[n.range.end..clause.end]));
            // So does one right before the infinitive that ends it; and after a modal, a
            // "geen" on the object of that infinitive ("Het kabinet zal in het programma geen
            // verplichtende vernatting opnemen", as "zal ... niet opnemen").
            let before_infinitive =
                w >= ce && w + 2 == n.words.len() && n.text == "niet" && infinitive_last();
            let object_of_modal =
                modal && w >= ce && n.text == "geen" && w + 1 < n.words.len() && infinitive_last();
            // After a modal, a "niet" with a phrase between it and the infinitive that ends
            // the clause ("wil ik het woonlandbeginsel niet in algemene zin loslaten"), when no
            // verb-like word stands between the modal and the "niet": after "zal ... uitbreiden
            // tot ... voor zover zij niet zijn ingeschreven" it bears on another verb.
            let before_modals_infinitive = modal
                && w >= ce
                && n.text == "niet"
                && w + 1 < n.words.len()
                && infinitive_last()
                && !words(&p.work[cue.end..n.range.start]).any(|(_, x)| x.ends_with("en"));
            before
                || after
                || inside
                || clause_final
                || before_infinitive
                || object_of_modal
                || before_modals_infinitive
        })
    }

    /// A negator inside a frame's words or within the window before them.
    pub(super) fn frame_negator(
        &self,
        p: &Prepared,
        clause: Range<usize>,
        frame: Range<usize>,
    ) -> Option<Range<usize>> {
        let window = &self.lex.window;
        self.first_negator(p, clause, |n: &Negation| {
            let inside = frame.start <= n.range.start && n.range.end <= frame.end;
            let fs = n.word_at(frame.start);
            inside || (n.word < fs && fs - n.word <= window.before)
        })
    }

    /// The first negator of clause `clause` outside pseudo-triggers, wherever it stands.
    pub(super) fn any_negator(&self, p: &Prepared, clause: Range<usize>) -> Option<Range<usize>> {
        self.first_negator(p, clause, |_| true)
    }

    /// The first negator of clause `clause`, outside pseudo-triggers, that `bears` accepts.
    fn first_negator(
        &self,
        p: &Prepared,
        clause: Range<usize>,
        bears: impl Fn(&Negation) -> bool,
    ) -> Option<Range<usize>> {
        let text = &p.work[clause.clone()];
        let words: Vec<usize> = words(text).map(|(at, _)| at + clause.start).collect();
        for n in self
            .lex
            .negators
            .iter()
            .filter(|n| n.may_in(&p.seen, clause.clone()))
        {
            for m in n.re().find_iter(text) {
                if self.in_pseudo(text, &clause, m.range(), &p.seen)
                    || contrasted(&p.work[clause.start + m.end()..])
                {
                    continue;
                }
                let range = m.start() + clause.start..m.end() + clause.start;
                let negation = Negation {
                    word: words.partition_point(|&w| w < range.start),
                    range,
                    text: m.as_str(),
                    words: &words,
                };
                if bears(&negation) {
                    return Some(negation.range);
                }
            }
        }
        None
    }
}

/// Whether a "niet" is answered by a "maar" that puts the course taken beside the one
/// dropped, both infinitives: "besloten de Wbni niet te wijzigen maar te vervangen". The
/// negation bears on the dropped option, not on the decision. (Two objects, "kiest niet voor
/// een verbod, maar voor een heffing", are read as two positions elsewhere.) `rest`: the
/// sentence after the negator.
fn contrasted(rest: &str) -> bool {
    const LINKS: &[&str] = &["te", "om"];
    let mut ws = rest.split_whitespace();
    let Some(link) = ws.next().filter(|w| LINKS.contains(w)) else {
        return false;
    };
    let mut ws = ws.take(10).map(|w| w.trim_end_matches(','));
    ws.any(|w| w == "maar") && ws.next() == Some(link)
}

/// Whether `rest` (the words after a "niet" up to its clause's end) is only a phrase of degree:
/// "op alle punten", "in alle opzichten", "volledig", "geheel", "helemaal".
fn degree_follows(rest: &str) -> bool {
    const DEGREE: &[&str] = &[
        "op alle punten",
        "op alle onderdelen",
        "in alle opzichten",
        "volledig",
        "geheel",
        "helemaal",
        "zonder meer",
    ];
    let rest = rest
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    DEGREE.contains(&rest.as_str())
}

/// One negator found in a clause.
struct Negation<'a> {
    /// Its place in the prepared sentence.
    range: Range<usize>,
    text: &'a str,
    /// The index of its word among the clause's words.
    word: usize,
    /// Where the clause's words start.
    words: &'a [usize],
}

impl Negation<'_> {
    /// The index of the word at or after `at`.
    fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|&w| w < at)
    }
}
