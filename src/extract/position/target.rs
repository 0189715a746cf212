//! What a position is about: the words of the sentence its stance bears on, cut from the
//! clause after the cue and actor, from the clause the cue governs, or from the words before a
//! cue that ends the sentence. Split from the reading in [`super`] because it only shapes
//! words once the stance is known.

use super::clauses::Prepared;
use super::{ClauseState, PositionExtractor};
use std::ops::Range;

impl PositionExtractor {
    /// What the stance is about, as words of the sentence: the rest of the clause after cue
    /// and actor ("voorstander van strenge regels en strikte voorwaarden"); else the clause
    /// the cue governs ("zet ik er op in | om de positie ... te versterken", "is van mening |
    /// dat een algeheel verbod ..."); else, when the cue ends the sentence ("De door de EDPB
    /// en EDPS voorgestelde absolute verboden ... acht het kabinet niet wenselijk"), the
    /// words before it. Asides between dashes are left out.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn target(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        sentence: &str,
        ci: usize,
        pieces: &[Range<usize>],
        actor: &Range<usize>,
        complement_first: bool,
    ) -> String {
        let clause = p.clauses[ci].range.clone();
        let actor_in_clause = actor.start >= clause.start && actor.start < clause.end;
        let mut after_start = pieces
            .iter()
            .filter(|r| r.start < clause.end)
            .map(|r| r.end)
            .max()
            .unwrap_or(clause.start)
            .max(clause.start);
        if actor_in_clause && actor.start + 1 >= after_start {
            after_start = after_start.max(actor.end);
        }
        // A long actor name may run into the next clause ("Zaken | en Koninkrijksrelaties").
        let last = p
            .clauses
            .iter()
            .rposition(|c| c.range.start <= after_start)
            .unwrap_or(ci)
            .max(ci);
        let after = {
            let end = p.clauses[last].range.end;
            let mut t = visible(sentence, &p.work, after_start.min(end)..end);
            t.push(' ');
            t.push_str(&self.continuation(p, states, sentence, last + 1));
            clean_target(&t)
        };
        let complement = p
            .clauses
            .get(ci + 1)
            .filter(|_| last == ci)
            .filter(|c| {
                !c.opener
                    .as_ref()
                    .is_some_and(|o| self.lex.clauses.content_stops.iter().any(|s| s == o))
            })
            .filter(|_| {
                // A cue there that this position's content already took ("heeft aangegeven |
                // dat een verlaging niet aan de orde is") is no position of its own.
                let own_cue = states[ci + 1].cue.as_ref().is_some_and(|h| {
                    !pieces
                        .iter()
                        .any(|r| r.start < h.range.end && h.range.start < r.end)
                });
                (states[ci + 1].inherited || states[ci + 1].actor.is_none()) && !own_cue
            })
            .map(|c| {
                let mut t = visible(sentence, &p.work, c.range.clone());
                t.push(' ');
                t.push_str(&self.continuation(p, states, sentence, ci + 2));
                clean_target(&t)
            })
            .unwrap_or_default();
        let enough = |t: &str| t.split_whitespace().count() >= 2;
        // Whose view or worry it is ("deel de zorg | van de AP | dat burgers ..."): what it
        // is about is the clause after, not its holder.
        #[rustfmt::skip]
        const HELD: &[&str] = &[
            "zorg", "zorgen", "analyse", "opvatting", "mening", "conclusie", "conclusies",
            "standpunt", "visie", "kritiek", "wens", "lezing", "bevinding", "bevindingen",
            "constatering", "twijfel", "twijfels", "vrees", "bezorgdheid",
        ];
        let held = p
            .work
            .get(..after_start)
            .and_then(|t| t.split_whitespace().last())
            .is_some_and(|w| HELD.contains(&w));
        let holder_only = held
            && p.work
                .get(after_start..p.clauses[last].range.end)
                .is_some_and(|t| t.trim_start().starts_with("van "))
            && p.clauses
                .get(ci + 1)
                .is_some_and(|c| c.opener.as_deref() == Some("dat"));
        if (complement_first || holder_only) && enough(&complement) {
            return complement;
        }
        if enough(&after) {
            return after;
        }
        if enough(&complement) {
            return complement;
        }
        // The clause without its cue and actor, with the coordinated noun phrase before it.
        let mut cut: Vec<Range<usize>> = pieces.to_vec();
        // Also an actor named in the clause before whose name runs into this one ("De
        // Staatssecretaris van Jeugd, | Preventie | en Sport verkent ...").
        if actor.start < clause.end && clause.start < actor.end {
            cut.push(actor.clone());
        }
        cut.sort_by_key(|r| r.start);
        let mut rest = String::new();
        let mut first = ci;
        while first > 0
            && p.clauses[first]
                .opener
                .as_deref()
                .is_some_and(|o| o == "en" || o == "of")
            && states[first - 1].actor.is_none()
            && states[first - 1].cue.is_none()
        {
            first -= 1;
        }
        for j in first..ci {
            rest.push_str(&visible(sentence, &p.work, p.clauses[j].range.clone()));
            rest.push(' ');
        }
        let mut at = clause.start;
        for r in &cut {
            if r.start > at {
                rest.push_str(&visible(sentence, &p.work, at..r.start.min(clause.end)));
                rest.push(' ');
            }
            at = at.max(r.end);
        }
        rest.push_str(&visible(sentence, &p.work, at.min(clause.end)..clause.end));
        let rest = clean_target(&rest);
        if rest.is_empty() {
            after
        } else {
            rest
        }
    }

    /// Clauses from `from` on that continue a phrase: led by a comma, "en", "of" or "om",
    /// with no actor or cue of their own.
    fn continuation(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        sentence: &str,
        from: usize,
    ) -> String {
        let mut out = String::new();
        for (c, st) in p.clauses.iter().zip(states).skip(from) {
            let list = c
                .opener
                .as_deref()
                .is_none_or(|o| o == "en" || o == "of" || o == "om");
            if !list || st.actor.is_some() || st.cue.is_some() {
                break;
            }
            out.push_str(&visible(sentence, &p.work, c.range.clone()));
            out.push(' ');
        }
        out
    }
}

/// The words of `sentence` in `range` that were not blanked out as an aside.
fn visible(sentence: &str, work: &str, range: Range<usize>) -> String {
    let Some(s) = sentence.get(range.clone()) else {
        return String::new();
    };
    let w = work.as_bytes();
    s.char_indices()
        .map(|(i, a)| {
            if w.get(range.start + i) == Some(&b' ') && !a.is_whitespace() {
                ' '
            } else {
                a
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A target phrase: trimmed of punctuation and of function words at either end, at most 14
/// words.
pub fn clean_target(s: &str) -> String {
    const EDGE: &[&str] = &[
        "van", "dat", "om", "te", "het", "de", "een", "op", "aan", "in", "met", "voor", "dan",
        "ook", "daarom", "wel", "en", "of", "over", "tot", "is", "zijn", "waar", "omdat", "indien",
        "wanneer", "als", "hoewel", "terwijl", "nu", "zodat", "die", "er",
        // A clause's opener or adverb, and a finite verb left over once the cue took its
        // object ("Ik ben verheugd", "maar ziet in ... een compromis"), say nothing of what.
        "maar", "echter", "evenwel", "dus", "nog", "zoverre", "ben", "bent", "heb", "heeft",
        "hebben", "kan", "kunnen", "zal", "zullen", "wil", "willen", "wordt", "worden", "staat",
        "gaat",
    ];
    let edge = |w: &&str| EDGE.contains(&w.to_lowercase().as_str());
    let mut ws: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| ",;:.–—-«»\"“”".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    while ws.first().is_some_and(edge) {
        ws.remove(0);
    }
    ws.truncate(14);
    while ws.last().is_some_and(edge) {
        ws.pop();
    }
    ws.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_target_drops_leading_function_words() {
        assert_eq!(
            clean_target(" van het invoeren van verboden, "),
            "invoeren van verboden"
        );
    }
}
