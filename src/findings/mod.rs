//! The findings stage: one finding per ground, from the resolved citations and cues, with its
//! evidence, basis, kind and confidence.
//!
//! A ground is relied on when a citation outside quoted text names it, or when a strong cue
//! shows it; weak cues only add evidence to a finding made that way, and only in a paragraph
//! that already holds its evidence.

pub(crate) mod concepts;

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::report::{Basis, Evidence, Finding, RefRole, Status, Via};
use crate::resolve::{ResolvedCue, ResolvedRef};
use crate::rules::{split_provision, Kind, Rule, RuleSet, Weight};
use crate::span::Span;
use crate::text::Text;

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
        sentence: text.sentence_at(span.start),
        part: None,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Builds the findings. A strong cue infers a ground only where the resolution stage found it
/// inferable in the letter's regime.
pub(crate) fn build(
    text: &Text<'_>,
    rules: &RuleSet,
    refs: &[ResolvedRef],
    cues: &[ResolvedCue],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (ri, rule) in rules.rules().iter().enumerate() {
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
        let relied_strong = strong.iter().any(|c| c.status == Status::ReliedOn);
        let status = if relied_cites || relied_strong {
            Status::ReliedOn
        } else if all_cites
            .iter()
            .map(|r| r.status)
            .chain(strong.iter().map(|c| c.status))
            .any(|s| s == Status::Disclaimed)
        {
            Status::Disclaimed
        } else if !all_cites.is_empty() || !strong.is_empty() {
            Status::Mentioned
        } else {
            continue;
        };
        // A relied-on ground made by a citation is cited; one made by cues alone is inferred.
        let cites: Vec<&ResolvedRef> = if status == Status::ReliedOn && !relied_cites {
            Vec::new()
        } else {
            all_cites
        };

        let mut ev: Vec<Evidence> = Vec::new();
        for r in &cites {
            ev.push(evidence(
                text,
                rule,
                r.cit.span,
                Via::Citation,
                None,
                r.status,
            ));
        }
        for c in &strong {
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
        let weak: Vec<&ResolvedCue> = mine(Weight::Weak)
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

        let basis = if cites.is_empty() {
            Basis::Inferred
        } else {
            Basis::Cited
        };
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
                .any(|q| q != p && crate::rules::provision_starts_with(q, p))
        });
        let mut provisions: Vec<String> = provisions.into_iter().collect();
        provisions.sort_by(|a, b| compare_provisions(a, b));

        let kinds: Vec<Kind> = provisions.iter().filter_map(|p| rule.kind_for(p)).collect();
        let kind = if kinds.contains(&Kind::Qualified) {
            Kind::Qualified
        } else if kinds.is_empty() {
            rule.kind.unwrap_or(Kind::Qualified)
        } else {
            Kind::Absolute
        };

        let distinct_strong: BTreeSet<usize> = strong.iter().map(|c| c.hit.cue).collect();
        let distinct_weak: BTreeSet<usize> = weak.iter().map(|c| c.hit.cue).collect();
        let confidence = match basis {
            Basis::Cited => {
                let extra = (cites.len() - 1) + distinct_strong.len() + distinct_weak.len();
                (0.9 + 0.03 * extra as f64).min(0.99)
            }
            Basis::Inferred => {
                let extra_strong = distinct_strong.len().saturating_sub(1);
                (0.6 + 0.1 * extra_strong as f64 + 0.05 * distinct_weak.len() as f64).min(0.9)
            }
        };

        findings.push(Finding {
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
        });
    }
    findings.sort_by_key(|f| {
        (
            f.evidence.first().map_or(usize::MAX, |e| e.start),
            f.id.clone(),
        )
    });
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provisions_sort_naturally() {
        let mut v = vec!["40(3A)", "22A", "12(2)", "40(2)", "12", "22", "9"];
        v.sort_by(|a, b| compare_provisions(a, b));
        assert_eq!(v, ["9", "12", "12(2)", "22", "22A", "40(2)", "40(3A)"]);
    }
}
