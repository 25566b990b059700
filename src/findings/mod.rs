//! The findings stage: one finding per ground, from the resolved citations and cues, with its
//! evidence, basis, kind and confidence.
//!
//! A ground is relied on when a citation outside quoted text names it, or when a strong cue
//! shows it; weak cues only add evidence to a finding made that way, and only in a paragraph
//! that already holds its evidence.

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

fn evidence(text: &Text<'_>, rule: &Rule, span: Span, via: Via, cue: Option<&str>) -> Evidence {
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
        sentence: text.sentence_at(span.start),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Builds the findings.
pub(crate) fn build(
    text: &Text<'_>,
    rules: &RuleSet,
    refs: &[ResolvedRef],
    cues: &[ResolvedCue],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (ri, rule) in rules.rules().iter().enumerate() {
        let cites: Vec<&ResolvedRef> = refs
            .iter()
            .filter(|r| r.rule == Some(ri) && r.role == RefRole::Ground && !r.quoted)
            .collect();
        let mine = |w: Weight| {
            cues.iter()
                .filter(move |c| c.hit.rule == ri && !c.quoted && rule.cues[c.hit.cue].weight == w)
                .collect::<Vec<_>>()
        };
        let strong = mine(Weight::Strong);
        if cites.is_empty() && strong.is_empty() {
            continue;
        }
        let mut ev: Vec<Evidence> = Vec::new();
        for r in &cites {
            ev.push(evidence(text, rule, r.cit.span, Via::Citation, None));
        }
        for c in &strong {
            let cue = &rule.cues[c.hit.cue];
            ev.push(evidence(
                text,
                rule,
                c.hit.span,
                Via::StrongCue,
                Some(&cue.phrase),
            ));
        }
        let paragraphs: Vec<Span> = ev.iter().map(|e| text.paragraph_at(e.start)).collect();
        let weak: Vec<&ResolvedCue> = mine(Weight::Weak)
            .into_iter()
            .filter(|c| paragraphs.iter().any(|p| p.contains(c.hit.span)))
            .collect();
        for c in &weak {
            let cue = &rule.cues[c.hit.cue];
            ev.push(evidence(
                text,
                rule,
                c.hit.span,
                Via::WeakCue,
                Some(&cue.phrase),
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
            status: Status::ReliedOn,
            confidence: round2(confidence),
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
