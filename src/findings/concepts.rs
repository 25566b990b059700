//! Grounds inferred from concepts ([`crate::resolve::concepts`]) joined to the findings: a
//! relied-on inference adds [`Via::Concept`] evidence to its ground's relied-on finding, or makes
//! a new inferred finding when the ground has none. A finding that its citations or cues made
//! mentioned or disclaimed keeps that status (plain words do not overrule what the letter says
//! about a cited ground: measured, letting them do so cost as much precision as it gained
//! recall), and an inference that is not relied on adds nothing.

use crate::report::{Basis, Evidence, Finding, Status, Via};
use crate::resolve::Inference;
use crate::rules::{Kind, RuleSet};
use crate::text::Text;

/// Confidence of a finding inferred from one concept sentence, and what each further one adds.
const BASE: f64 = 0.6;
const EACH_MORE: f64 = 0.05;
const MOST: f64 = 0.85;

/// Joins the relied-on `inferences` to `findings`.
pub(crate) fn merge(
    text: &Text<'_>,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
    inferences: &[Inference],
) {
    let mut changed = false;
    for inf in inferences.iter().filter(|i| i.status == Status::ReliedOn) {
        let rule = &rules.rules()[inf.rule];
        let ev: Vec<Evidence> = inf
            .spans
            .iter()
            .map(|(span, concept)| {
                let pos = text.position(span.start);
                Evidence {
                    start: span.start,
                    end: span.end,
                    line: pos.line,
                    column: pos.column,
                    text: span.slice(text.as_str()).to_string(),
                    rule: rule.id.clone(),
                    via: Via::Concept,
                    cue: Some((*concept).to_string()),
                    status: Status::ReliedOn,
                    sentence: text.sentence_at(span.start),
                    part: None,
                }
            })
            .collect();
        let i = match findings.iter().position(|f| f.id == rule.id) {
            Some(i) if findings[i].status != Status::ReliedOn => continue,
            Some(i) => i,
            None => {
                findings.push(Finding {
                    id: rule.id.clone(),
                    act: rule.act,
                    title: rule.title.clone(),
                    provisions: Vec::new(),
                    kind: rule.kind.unwrap_or(Kind::Qualified),
                    basis: Basis::Inferred,
                    status: Status::ReliedOn,
                    confidence: BASE - EACH_MORE,
                    equivalents: rule.equivalents.clone(),
                    public_interest: None,
                    evidence: Vec::new(),
                });
                findings.len() - 1
            }
        };
        let f = &mut findings[i];
        if f.basis == Basis::Inferred {
            f.confidence = ((f.confidence + EACH_MORE).min(MOST) * 100.0).round() / 100.0;
            if let Some(p) = &inf.provision {
                if !f.provisions.contains(p) {
                    f.provisions.push(p.clone());
                    f.provisions.sort_by(|a, b| super::compare_provisions(a, b));
                }
            }
            if let Some(k) = f.provisions.iter().find_map(|p| rule.kind_for(p)) {
                f.kind = k;
            }
        }
        for e in ev {
            if !f.evidence.iter().any(|x| x.span() == e.span()) {
                f.evidence.push(e);
            }
        }
        f.evidence.sort_by_key(|e| (e.start, e.end));
        changed = true;
    }
    if changed {
        findings.sort_by_key(|f| {
            (
                f.evidence.first().map_or(usize::MAX, |e| e.start),
                f.id.clone(),
            )
        });
    }
}
