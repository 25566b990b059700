//! The findings stage: one finding per ground, from the resolved citations and cues, with its
//! evidence, basis, kind and confidence.
//!
//! A ground is relied on when a citation outside quoted text names it, or when a strong cue
//! shows it; weak cues only add evidence to a finding made that way, and only in a paragraph
//! that already holds its evidence.

mod anaphora;
pub(crate) mod concepts;

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::resolve::context::{Category, ENGINE};
use crate::resolve::{ResolvedCue, ResolvedRef};
use crate::rules::{Rule, RuleSet, Weight};
use crate::text::Text;
use crate::vocab::{
    split_provision, Basis, Evidence, Finding, Qualification, RefRole, Span, Status, Via,
};

/// Orders provisions naturally: 12 < 12(1) < 12(2) < 22 < 22A < 40(2) < 40(3A).
pub(crate) fn compare_provisions(a: &str, b: &str) -> Ordering {
    fn key(p: &str) -> Vec<(u32, String)> {
        let (number, path) = split_provision(p);
        std::iter::once(number)
            .chain(path)
            .map(|c| {
                let digits: String = c.chars().take_while(char::is_ascii_digit).collect();
                (
                    digits.parse().unwrap_or(u32::MAX),
                    c[digits.len()..].to_string(),
                )
            })
            .collect()
    }
    key(a).cmp(&key(b))
}

/// How far (bytes) a weak cue may stand from the evidence it supports.
const WEAK_WINDOW: usize = 600;

fn evidence(
    text: &Text<'_>,
    rule: &Rule,
    span: Span,
    via: Via,
    cue: Option<&str>,
    status: Status,
) -> Evidence {
    let pos = text.position(span.start);
    // Why a span is not relied on, when the reading of the span alone gives its status.
    let reason = if status == Status::ReliedOn {
        None
    } else {
        let qualified = rule.kind == Some(Qualification::Qualified);
        match crate::resolve::reason_of(text, span, qualified) {
            (read, reason) if read == status => reason,
            _ => None,
        }
    };
    Evidence {
        start: span.start,
        end: span.end,
        line: pos.line,
        column: pos.column,
        text: span.slice(text.as_str()).to_string(),
        rule: rule.id.clone(),
        via,
        cue: cue.map(str::to_string),
        status,
        reason,
        sentence: text.sentence_at(span.start),
        part: None,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One span of a ground, for [`combine`].
struct Spot {
    span: Span,
    status: Status,
    /// The provision a citation names (none for a cue).
    provision: Option<String>,
    /// True for a strong cue.
    strong: bool,
}

/// The status of a ground from all its spans (citations, and the strong cues that may infer
/// it), under this precedence (see `docs/rule-format.md`):
///
/// First, a ground nothing applies explicitly takes a disclaiming span from a word that stands
/// for it after a citation ("we have decided not to use this exception": [`anaphora`]). Then:
///
/// 1. No relied-on span: disclaimed if any span disclaims it; relied on if a span recounts an
///    earlier decision and the letter says a review upholds it (and takes nothing back); else
///    mentioned.
/// 2. A qualified ground whose public interest test came out for release after every relied-on
///    span: mentioned (disclaimed if a span disclaims it), unless an application follows the
///    test's outcome or an explicit one stands in another paragraph.
/// 3. A pending decision (a public interest extension) that names the ground, and no explicit
///    application: mentioned.
/// 4. Relied-on spans and no disclaimer: relied on. A consideration, a hypothetical or a
///    pending decision earlier (or later) does not undo an application.
/// 5. Relied-on spans and disclaimers: relied on only when some relied-on span is an explicit
///    application (words that apply a ground reach it, a review upholds it, or it is a strong
///    cue), and it comes after the last disclaimer (a later decision overrides), or it names a
///    different subsection than every disclaimer, or it stands in another paragraph (another
///    part of the answer) and no reversal of the ground comes after it ("I have overturned the
///    decision to rely on section 14" takes back the earlier decision wherever it is recounted).
///    Otherwise disclaimed: a decision reversed, withdrawn or said not to be relied on is not
///    reliance.
fn combine(
    text: &Text<'_>,
    rule: &Rule,
    cites: &[&ResolvedRef],
    strong: &[&ResolvedCue],
) -> Option<Status> {
    if cites.is_empty() && strong.is_empty() {
        return None;
    }
    let qualified = rule.kind == Some(Qualification::Qualified);
    let spots = spots_of(text, cites, strong, qualified);
    let relied: Vec<&Spot> = spots
        .iter()
        .filter(|s| s.status == Status::ReliedOn)
        .collect();
    let disclaimed: Vec<&Spot> = spots
        .iter()
        .filter(|s| s.status == Status::Disclaimed)
        .collect();
    if relied.is_empty() {
        return Some(status_without_reliance(
            text,
            &spots,
            &disclaimed,
            qualified,
        ));
    }
    if qualified {
        if let Some(status) = weighed_for_release(text, &spots, &relied, &disclaimed, qualified) {
            return Some(status);
        }
    }
    if pending_only(text, &spots, &relied, &disclaimed, qualified) {
        return Some(Status::Mentioned);
    }
    if disclaimed.is_empty() {
        return Some(Status::ReliedOn);
    }
    Some(
        if applied_over_disclaimers(text, &relied, &disclaimed, qualified) {
            Status::ReliedOn
        } else {
            Status::Disclaimed
        },
    )
}

/// The spans of a ground: its citations, its strong cues, and, when nothing applies it
/// explicitly, the words standing for it that deny it ("we have decided not to use this
/// exception").
fn spots_of(
    text: &Text<'_>,
    cites: &[&ResolvedRef],
    strong: &[&ResolvedCue],
    qualified: bool,
) -> Vec<Spot> {
    let mut spots: Vec<Spot> = cites
        .iter()
        .map(|r| Spot {
            span: r.cit.span,
            status: r.status,
            provision: Some(r.cit.provision()),
            strong: false,
        })
        .chain(strong.iter().map(|c| Spot {
            span: c.hit.span,
            status: c.status,
            provision: None,
            strong: true,
        }))
        .collect();
    // A ground denied through a word that stands for it ("we have decided not to use this
    // exception"), when nothing applies it explicitly.
    let applied = spots.iter().any(|s| {
        s.status == Status::ReliedOn
            && (s.strong || crate::resolve::assess_detail(text, s.span, qualified).explicit)
    });
    if !applied {
        let denials: Vec<Span> = spots
            .iter()
            .filter(|s| s.provision.is_some() && s.status != Status::Disclaimed)
            .filter_map(|s| anaphora::denied_stand_in(text, s.span, qualified))
            .collect();
        spots.extend(denials.into_iter().map(|span| Spot {
            span,
            status: Status::Disclaimed,
            provision: None,
            strong: false,
        }));
    }
    spots
}

/// Rule 1: the status of a ground no span relies on.
fn status_without_reliance(
    text: &Text<'_>,
    spots: &[Spot],
    disclaimed: &[&Spot],
    qualified: bool,
) -> Status {
    if !disclaimed.is_empty() {
        return Status::Disclaimed;
    }
    // A review that upholds the earlier decision it recounts relies on that decision's
    // grounds.
    let recounted = spots.iter().any(|s| {
        crate::resolve::assess_detail(text, s.span, qualified).category == Some(Category::Earlier)
    });
    if recounted && review_upholds(text) {
        Status::ReliedOn
    } else {
        Status::Mentioned
    }
}

/// Rule 2: a public interest test that came out for release, after every span that engaged the
/// ground (often in a paragraph of its own), decides it: the ground was weighed and not
/// applied. An application after it, or one made explicitly in another part of the letter,
/// still stands (`None`).
fn weighed_for_release(
    text: &Text<'_>,
    spots: &[Spot],
    relied: &[&Spot],
    disclaimed: &[&Spot],
    qualified: bool,
) -> Option<Status> {
    let released: Vec<&Spot> = spots
        .iter()
        .filter(|s| {
            s.status == Status::Mentioned
                && crate::resolve::assess_detail(text, s.span, qualified).category
                    == Some(Category::PublicInterestRelease)
        })
        .collect();
    let last_release = released.iter().map(|s| s.span.start).max()?;
    let stands = relied.iter().any(|s| {
        s.span.start > last_release
            || (crate::resolve::assess_detail(text, s.span, qualified).explicit
                && released
                    .iter()
                    .all(|r| !text.paragraph_at(s.span.start).contains(r.span)))
    });
    if stands {
        None
    } else if disclaimed.is_empty() {
        Some(Status::Mentioned)
    } else {
        Some(Status::Disclaimed)
    }
}

/// Rule 3: a decision still pending (a public interest extension: "the exemption I am
/// considering is section 36(2) ...") is not made by the words it names: only an explicit
/// application elsewhere relies on the ground.
fn pending_only(
    text: &Text<'_>,
    spots: &[Spot],
    relied: &[&Spot],
    disclaimed: &[&Spot],
    qualified: bool,
) -> bool {
    let pending = spots.iter().any(|s| {
        s.status == Status::Mentioned
            && crate::resolve::assess_detail(text, s.span, qualified).category
                == Some(Category::Pending)
    });
    pending
        && disclaimed.is_empty()
        && !relied
            .iter()
            .any(|s| crate::resolve::assess_detail(text, s.span, qualified).explicit)
}

/// Rule 5: relied-on spans beside disclaimers rely on the ground when one is an explicit
/// application after the last disclaimer, of another subsection than every disclaimer, or in
/// another paragraph with no reversal after it.
fn applied_over_disclaimers(
    text: &Text<'_>,
    relied: &[&Spot],
    disclaimed: &[&Spot],
    qualified: bool,
) -> bool {
    let last = disclaimed.iter().map(|d| d.span.start).max().unwrap_or(0);
    let explicit =
        |s: &Spot| s.strong || crate::resolve::assess_detail(text, s.span, qualified).explicit;
    let other_subsection = |s: &Spot| {
        s.provision.as_ref().is_some_and(|p| {
            disclaimed.iter().all(|d| {
                d.provision.as_ref().is_some_and(|q| {
                    !crate::vocab::provision_starts_with(p, q)
                        && !crate::vocab::provision_starts_with(q, p)
                })
            })
        })
    };
    let other_part = |s: &Spot| {
        let para = text.paragraph_at(s.span.start);
        disclaimed.iter().all(|d| !para.contains(d.span))
    };
    // A reversal takes back the earlier decision wherever the letter recounts it: a relied-on
    // span before one is not saved by standing in another paragraph.
    let last_reversal = disclaimed
        .iter()
        .filter(|d| {
            crate::resolve::assess_detail(text, d.span, qualified).category
                == Some(Category::Reversed)
        })
        .map(|d| d.span.start)
        .max();
    let reversed_later = |s: &Spot| last_reversal.is_some_and(|r| r > s.span.start);
    relied.iter().any(|s| {
        explicit(s)
            && (s.span.start > last || other_subsection(s) || (other_part(s) && !reversed_later(s)))
    })
}

/// True when the letter's own text says a review upholds a decision, and takes none back. Read
/// once per letter, and only for a ground that an earlier decision recounted is all there is of.
fn review_upholds(text: &Text<'_>) -> bool {
    let src = text.as_str();
    let all = Span::new(0, src.len());
    text.memo(crate::resolve::MEMO_REVIEW, all, || {
        let own = |spans: Vec<Span>| spans.into_iter().any(|s| text.zone_at(s.start).is_none());
        own(ENGINE.find(src, all, Category::Upheld))
            && !own(ENGINE.find(src, all, Category::Reversed))
    })
}

/// Builds the findings. A strong cue infers a ground only where the resolution stage found it
/// inferable in the letter's regime.
pub(crate) fn build(
    text: &Text<'_>,
    rules: &RuleSet,
    refs: &[ResolvedRef],
    cues: &[ResolvedCue],
) -> Vec<Finding> {
    // Only a rule that a citation or cue names can make a finding (see `combine`): those are
    // read, in rule order, and the rest of the rule set is not walked.
    let mut named: Vec<usize> = refs
        .iter()
        .filter(|r| r.role == RefRole::Ground)
        .filter_map(|r| r.rule)
        .chain(cues.iter().map(|c| c.hit.rule))
        .collect();
    named.sort_unstable();
    named.dedup();
    let mut findings: Vec<Finding> = named
        .into_iter()
        .filter_map(|ri| finding(text, rules.rules().get(ri)?, ri, refs, cues))
        .collect();
    findings.sort_by_key(|f| {
        (
            f.evidence.first().map_or(usize::MAX, |e| e.start),
            f.id.clone(),
        )
    });
    findings
}

/// The finding of `rule` (index `ri` in the set), when its citations and cues make one.
fn finding(
    text: &Text<'_>,
    rule: &Rule,
    ri: usize,
    refs: &[ResolvedRef],
    cues: &[ResolvedCue],
) -> Option<Finding> {
    let all_cites: Vec<&ResolvedRef> = refs
        .iter()
        .filter(|r| r.rule == Some(ri) && r.role == RefRole::Ground)
        .collect();
    let mine = |w: Weight| {
        cues.iter()
            .filter(move |c| c.hit.rule == ri && rule.cues[c.hit.cue].weight == w)
            .collect::<Vec<_>>()
    };
    let relied_cites = all_cites.iter().any(|r| r.status == Status::ReliedOn);
    let all_strong = mine(Weight::Strong);
    // Without a citation the ground rests on cues, and only on cues of the letter's regime.
    let strong: Vec<&ResolvedCue> = if relied_cites {
        all_strong
    } else {
        all_strong.into_iter().filter(|c| c.inferable).collect()
    };
    let status = combine(text, rule, &all_cites, &strong)?;
    let relied_cites = relied_cites && status == Status::ReliedOn;
    // A relied-on ground made by a citation is cited; one made by cues alone is inferred.
    // One relied on because a review upholds the earlier decision that cited it stands on
    // those citations.
    let from_cues = strong.iter().any(|c| c.status == Status::ReliedOn);
    let cites: Vec<&ResolvedRef> = if status == Status::ReliedOn && !relied_cites && from_cues {
        Vec::new()
    } else {
        all_cites
    };
    let (ev, weak) = gather_evidence(text, rule, &cites, &strong, mine(Weight::Weak), status);
    let basis = if cites.is_empty() {
        Basis::Inferred
    } else {
        Basis::Cited
    };
    let provisions = provisions_of(rule, &cites, &strong, &weak);
    let kind = kind_of(rule, &provisions);
    let confidence = confidence(basis, cites.len(), &strong, &weak);
    Some(Finding {
        id: rule.id.clone(),
        act: rule.act,
        title: rule.title.clone(),
        provisions,
        kind,
        basis,
        status,
        confidence: round2(confidence),
        equivalents: rule.equivalents.clone(),
        public_interest: None,
        evidence: ev,
    })
}

/// The evidence of a finding of status `status`: its citations, its strong cues, and the weak
/// cues (of `weak_cues`) that support it near its own evidence; with the weak cues taken.
fn gather_evidence<'c>(
    text: &Text<'_>,
    rule: &Rule,
    cites: &[&ResolvedRef],
    strong: &[&ResolvedCue],
    weak_cues: Vec<&'c ResolvedCue>,
    status: Status,
) -> (Vec<Evidence>, Vec<&'c ResolvedCue>) {
    let mut ev: Vec<Evidence> = Vec::new();
    for r in cites {
        ev.push(evidence(
            text,
            rule,
            r.cit.span,
            Via::Citation,
            None,
            r.status,
        ));
    }
    for c in strong {
        let cue = &rule.cues[c.hit.cue];
        ev.push(evidence(
            text,
            rule,
            c.hit.span,
            Via::StrongCue,
            Some(&cue.phrase),
            c.status,
        ));
    }
    // Weak cues support the finding near its own evidence: same paragraph, within a few
    // hundred bytes, and not in a zone.
    let mut anchors: Vec<usize> = ev
        .iter()
        .filter(|e| e.status == status)
        .map(|e| e.start)
        .collect();
    anchors.sort_unstable();
    let near_anchor = |c: &ResolvedCue| {
        let at = c.hit.span.start;
        let i = anchors.partition_point(|&a| a < at.saturating_sub(WEAK_WINDOW));
        anchors[i..]
            .iter()
            .take_while(|&&a| a <= at.saturating_add(WEAK_WINDOW))
            .any(|&a| text.paragraph_at(a).contains(c.hit.span))
    };
    let weak: Vec<&ResolvedCue> = weak_cues
        .into_iter()
        .filter(|c| c.status == status && near_anchor(c))
        .collect();
    for c in &weak {
        let cue = &rule.cues[c.hit.cue];
        ev.push(evidence(
            text,
            rule,
            c.hit.span,
            Via::WeakCue,
            Some(&cue.phrase),
            c.status,
        ));
    }
    ev.sort_by_key(|e| (e.start, e.end));
    ev.dedup_by_key(|e| (e.start, e.end));
    (ev, weak)
}

/// The provisions a finding names, in natural order: its citations', or with none its cues'
/// (a bare section number is left out when a subsection of it is listed).
fn provisions_of(
    rule: &Rule,
    cites: &[&ResolvedRef],
    strong: &[&ResolvedCue],
    weak: &[&ResolvedCue],
) -> Vec<String> {
    let mut provisions: BTreeSet<String> = cites.iter().map(|r| r.cit.provision()).collect();
    if cites.is_empty() {
        provisions.extend(
            strong
                .iter()
                .chain(weak.iter())
                .filter_map(|c| rule.cues[c.hit.cue].provision.clone()),
        );
    }
    // A bare section number adds nothing when a subsection of it is listed.
    let listed: Vec<String> = provisions.iter().cloned().collect();
    provisions.retain(|p| {
        !listed
            .iter()
            .any(|q| q != p && crate::vocab::provision_starts_with(q, p))
    });
    let mut provisions: Vec<String> = provisions.into_iter().collect();
    provisions.sort_by(|a, b| compare_provisions(a, b));
    provisions
}

/// A finding's kind: qualified when any provision it names is, absolute when all are, else
/// the rule's.
fn kind_of(rule: &Rule, provisions: &[String]) -> Qualification {
    let kinds: Vec<Qualification> = provisions.iter().filter_map(|p| rule.kind_for(p)).collect();
    if kinds.contains(&Qualification::Qualified) {
        Qualification::Qualified
    } else if kinds.is_empty() {
        rule.kind.unwrap_or(Qualification::Qualified)
    } else {
        Qualification::Absolute
    }
}

/// A finding's confidence, from its basis and how many citations (`cites`) and distinct
/// strong and weak cues it rests on.
fn confidence(basis: Basis, cites: usize, strong: &[&ResolvedCue], weak: &[&ResolvedCue]) -> f64 {
    let distinct_strong: BTreeSet<usize> = strong.iter().map(|c| c.hit.cue).collect();
    let distinct_weak: BTreeSet<usize> = weak.iter().map(|c| c.hit.cue).collect();
    match basis {
        Basis::Cited => {
            let extra = (cites - 1) + distinct_strong.len() + distinct_weak.len();
            (0.9 + 0.03 * extra as f64).min(0.99)
        }
        Basis::Inferred => {
            let extra_strong = distinct_strong.len().saturating_sub(1);
            (0.6 + 0.1 * extra_strong as f64 + 0.05 * distinct_weak.len() as f64).min(0.9)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(text: &str, id: &str) -> Option<Status> {
        crate::Classifier::new()
            .classify(text)
            .findings
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.status)
    }

    #[test]
    fn a_later_explicit_application_beats_an_earlier_disclaimer() {
        assert_eq!(
            status_of(
                "We are not relying on section 43 for the totals.\n\nThe unit rates are withheld under section 43(2).",
                "foia:s43"
            ),
            Some(Status::ReliedOn)
        );
    }

    #[test]
    fn a_reversal_takes_back_the_decision_it_recounts_in_another_paragraph() {
        // The review recounts the refusal in its first paragraph and overturns it in a later one.
        let text = "You asked us to review our reply, which treated your request as vexatious.\n\nHaving looked again, I do not uphold the use of section 14(1) and the figures are below.";
        assert_eq!(status_of(text, "foia:s14"), Some(Status::Disclaimed));
        // Another part of the answer withheld on the same ground after the reversal still stands.
        let text = "Having looked again, we no longer rely on section 43 for the totals.\n\nThe unit rates are withheld under section 43(2).";
        assert_eq!(status_of(text, "foia:s43"), Some(Status::ReliedOn));
    }

    #[test]
    fn a_review_that_upholds_relies_on_the_citations_it_recounts() {
        let text = "The original decision relied on regulation 12(5)(f) of the Environmental Information Regulations 2004. I have looked at the request afresh.\n\nThe original decision is therefore upheld.";
        let report = crate::Classifier::new().classify(text);
        let f = report.finding("eir:r12(5)(f)").expect("a finding");
        assert_eq!(f.status, Status::ReliedOn);
        assert_eq!(f.basis, crate::vocab::Basis::Cited);
        assert!(f.evidence.iter().any(|e| e.text == "regulation 12(5)(f)"));
        // Nothing released: the review upholds a refusal.
        assert_eq!(report.outcome.kind, crate::OutcomeKind::Refused);
    }

    #[test]
    fn a_reversed_decision_is_not_reliance() {
        assert_eq!(
            status_of(
                "Section 43 applies to the figures. Having looked again, we no longer rely on section 43 and the figures are attached.",
                "foia:s43"
            ),
            Some(Status::Disclaimed)
        );
    }

    #[test]
    fn another_subsection_applied_explicitly_still_counts() {
        assert_eq!(
            status_of(
                "The names are withheld under section 40(2). Section 40(1) does not apply, as you are not the data subject.",
                "foia:s40"
            ),
            Some(Status::ReliedOn)
        );
    }

    #[test]
    fn a_negated_action_is_no_evidence_of_reliance() {
        assert_ne!(
            status_of(
                "The names of the councillors present have not been redacted.",
                "foia:s40"
            ),
            Some(Status::ReliedOn)
        );
        assert_eq!(
            status_of(
                "Staff names are redacted under section 40(2) and section 43 is not being used.",
                "foia:s43"
            ),
            Some(Status::Disclaimed)
        );
    }

    #[test]
    fn considered_then_not_relied_on_is_disclaimed() {
        assert_eq!(
            status_of(
                "We looked at whether section 43(2) covers the contract value, as the contractor said it was commercially sensitive. After weighing it up we are not relying on section 43, and the value is given below.",
                "foia:s43"
            ),
            Some(Status::Disclaimed)
        );
    }

    #[test]
    fn a_review_upholding_the_recounted_decision_relies_on_its_grounds() {
        let recount = "Our original response withheld the report under section 31(1)(a).";
        assert_eq!(status_of(recount, "foia:s31"), Some(Status::Mentioned));
        assert_eq!(
            status_of(
                &format!("{recount}\n\nHaving reviewed the request, I uphold that decision."),
                "foia:s31"
            ),
            Some(Status::ReliedOn)
        );
        assert_eq!(
            status_of(
                &format!("{recount}\n\nHaving reviewed the request, the exemption is withdrawn and the report is attached."),
                "foia:s31"
            ),
            Some(Status::Mentioned)
        );
    }

    #[test]
    fn a_public_interest_test_for_release_after_the_engagement_decides() {
        let engaged =
            "The minutes fall within section 36(2)(c), in the opinion of our qualified person.";
        assert_eq!(status_of(engaged, "foia:s36"), Some(Status::ReliedOn));
        assert_eq!(
            status_of(
                &format!("{engaged}\n\nSection 36 is qualified, so we weighed the public interest. The public interest in openness about the board's work outweighs the interest in maintaining the exemption, and the minutes are attached."),
                "foia:s36"
            ),
            Some(Status::Mentioned)
        );
        // An explicit application elsewhere in the letter stands.
        assert_eq!(
            status_of(
                "The draft is withheld under section 36(2)(c).\n\nThe final minutes also engage section 36, but the public interest lies in favour of disclosure, and they are attached.",
                "foia:s36"
            ),
            Some(Status::ReliedOn)
        );
    }

    #[test]
    fn provisions_sort_naturally() {
        let mut v = vec!["40(3A)", "22A", "12(2)", "40(2)", "12", "22", "9"];
        v.sort_by(|a, b| compare_provisions(a, b));
        assert_eq!(v, ["9", "12", "12(2)", "22", "22A", "40(2)", "40(3A)"]);
    }
}
