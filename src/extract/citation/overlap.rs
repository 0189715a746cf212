//! Which of the matched citations stand: the one place where matches of different forms are
//! weighed against each other.

use super::forms::Form;
use super::read::Found;
use std::cmp::Reverse;

/// The longest gap between a citation and an echo of it ("… nr. 198 (https://zoek.").
const ECHO_GAP: usize = 32;

/// Sort by (start, longest first) and keep what does not overlap a kept match.
///
/// - Forms contain each other: "Kamerstukken II 2021/22, 32761, nr. 198" also holds the bare
///   "32761, nr. 198", and "Aanhangsel Handelingen 2021/22, nr. 5" holds a "Handelingen …"
///   head. The longer match, which starts first, is the citation.
/// - Matches that cross (one starts inside another and ends after it) keep the earlier one:
///   its head was read first, the later one starts mid-citation.
/// - An echo form (a publication link, a CELEX number) right after a citation of the same
///   targets, with no digits between, is that citation written a second way: one occurrence,
///   one record.
pub fn resolve(mut found: Vec<Found>, forms: &[Form], text: &str) -> Vec<Found> {
    found.sort_by_key(|f| (f.span.start, Reverse(f.span.end), f.form));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    // The end of what kept matches and their echoes cover: an id inside a dropped echo (the
    // "kst-…" of a link) is part of that echo.
    let mut covered = 0;
    for f in found {
        if f.span.start < covered {
            continue;
        }
        if let Some(last) = kept.last() {
            let echo = forms.get(f.form).is_some_and(|form| form.echo)
                || forms.get(last.form).is_some_and(|form| form.echo);
            if echo
                && same_targets(last, &f)
                && is_short_gap(text.get(last.span.end..f.span.start).unwrap_or("x"))
            {
                covered = covered.max(f.span.end);
                continue;
            }
        }
        covered = covered.max(f.span.end);
        kept.push(f);
    }
    kept
}

fn same_targets(a: &Found, b: &Found) -> bool {
    a.targets.len() == b.targets.len()
        && a.targets.iter().zip(&b.targets).all(|(x, y)| x.id == y.id)
}

fn is_short_gap(gap: &str) -> bool {
    gap.len() <= ECHO_GAP && !gap.bytes().any(|b| b.is_ascii_digit()) && !gap.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::super::read::Target;
    use super::*;
    use crate::record::{Span, TargetKind};

    fn found(form: usize, start: usize, end: usize, id: &str) -> Found {
        Found {
            form,
            span: Span::new(start, end),
            targets: vec![Target {
                id: id.into(),
                kind: TargetKind::Kamerstuk,
                pinpoint: None,
            }],
        }
    }

    #[test]
    fn the_longer_match_at_a_place_wins_and_contained_ones_go() {
        let text = "x".repeat(100);
        let kept = resolve(
            vec![
                found(3, 10, 20, "b"),
                found(0, 0, 20, "a"),
                found(1, 30, 40, "c"),
            ],
            &[],
            &text,
        );
        let ids: Vec<&str> = kept.iter().map(|f| f.targets[0].id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
    }

    #[test]
    fn gaps_that_make_an_echo() {
        assert!(is_short_gap(" (https://zoek."));
        assert!(!is_short_gap("; zie ook Kamerstuk 32 761, nr. "));
        assert!(!is_short_gap(" en\nnog"));
    }
}
