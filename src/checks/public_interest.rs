//! The public interest arguments of a letter, each given to the qualified ground it follows.
//! The stage returns them ([`arguments`]); the caller attaches them to the findings.

use crate::matching::gate;
use crate::text::{window, Text};
use crate::vocab::{Finding, PublicInterest, Qualification, Span, Status};

use super::patterns::{FOR_DISCLOSURE, FOR_WITHHOLDING, PIT_CONCLUSION, PUBLIC_INTEREST};
use super::{excerpt, own, own_regions};

/// The public interest arguments in the authority's own text, as `(index into findings,
/// arguments)` in index order: each sentence that weighs the public interest goes to the
/// qualified ground (relied on or weighed) whose evidence comes last before it (the first one,
/// when none comes before). A finding that gets no argument is left out.
pub(crate) fn arguments(text: &Text<'_>, findings: &[Finding]) -> Vec<(usize, PublicInterest)> {
    let anchors: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Qualification::Qualified && f.status != Status::Disclaimed)
        .flat_map(|(i, f)| f.evidence.iter().map(move |e| (e.start, i)))
        .collect();
    if anchors.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<PublicInterest> = vec![PublicInterest::default(); findings.len()];
    let mut seen: Vec<Span> = Vec::new();
    for m in hits(text) {
        let sentence = text.sentence_at(m.start);
        if seen.contains(&sentence) {
            continue;
        }
        seen.push(sentence);
        let owner = anchors
            .iter()
            .filter(|(at, _)| *at <= sentence.end)
            .max_by_key(|(at, _)| *at)
            .or_else(|| anchors.iter().min_by_key(|(at, _)| *at))
            .map(|&(_, i)| i);
        let Some(i) = owner else { continue };
        sort_argument(text, window(text.as_str(), sentence, m), &mut out[i]);
    }
    out.into_iter()
        .enumerate()
        .filter(|(_, p)| {
            !(p.for_disclosure.is_empty() && p.for_withholding.is_empty() && p.conclusion.is_none())
        })
        .collect()
}

/// Where the authority's own text speaks of the public interest, in order.
fn hits(text: &Text<'_>) -> Vec<Span> {
    let own_text = own_regions(text);
    let mut hits: Vec<Span> = [
        &PUBLIC_INTEREST,
        &PIT_CONCLUSION,
        &FOR_DISCLOSURE,
        &FOR_WITHHOLDING,
    ]
    .into_iter()
    .flat_map(|g| gate::find_iter_in(text, g, &own_text))
    .collect();
    hits.sort_by_key(|m| m.start);
    hits.retain(|m| own(text, m.start));
    hits
}

/// Adds the argument at `s` to `pi`: for withholding or for disclosure as its words argue, or
/// the conclusion when it concludes.
fn sort_argument(text: &Text<'_>, s: Span, pi: &mut PublicInterest) {
    let body = s.slice(text.as_str());
    let ex = excerpt(text, s);
    if FOR_WITHHOLDING.is_match(body) && !PIT_CONCLUSION.is_match(body) {
        pi.for_withholding.push(ex);
    } else if FOR_DISCLOSURE.is_match(body) && !PIT_CONCLUSION.is_match(body) {
        pi.for_disclosure.push(ex);
    } else if PIT_CONCLUSION.is_match(body) {
        pi.conclusion = Some(ex);
    } else if FOR_WITHHOLDING.is_match(body) {
        pi.for_withholding.push(ex);
    } else if FOR_DISCLOSURE.is_match(body) {
        pi.for_disclosure.push(ex);
    }
}
