//! Grounds inferred from concepts ([`crate::resolve::concepts`]) joined to the findings: a
//! relied-on inference adds [`Via::Concept`] evidence to its ground's relied-on inferred finding
//! (one a strong cue made), or makes a new inferred finding when the ground has none. A cited
//! finding is left as it was. A finding that its citations or cues made
//! mentioned or disclaimed keeps that status (plain words do not overrule what the letter says
//! about a cited ground: measured, letting them do so cost as much precision as it gained
//! recall), except a ground the letter's cues only explain in general and that an inference
//! after them applies; an inference that is not relied on adds nothing.

use crate::resolve::context::Category;
use crate::resolve::{assess_detail, Inference};
use crate::rules::RuleSet;
use crate::text::Text;
use crate::vocab::{Basis, Evidence, Finding, Qualification, Status, Via};

/// Confidence of a finding inferred from one concept sentence, and what each further one adds.
const BASE: f64 = 0.6;
const EACH_MORE: f64 = 0.05;
const MOST: f64 = 0.85;

/// The rules (sorted indices) whose findings a citation settled: relied on and cited. Concept
/// inference leaves them alone, so it need not read their arguments.
pub(crate) fn settled(rules: &RuleSet, findings: &[Finding]) -> Vec<usize> {
    let mut out: Vec<usize> = findings
        .iter()
        .filter(|f| f.basis == Basis::Cited && f.status == Status::ReliedOn)
        .filter_map(|f| rules.rules().iter().position(|r| r.id == f.id))
        .collect();
    out.sort_unstable();
    out
}

/// True when `f` is mentioned only by cue phrases that explain the ground in general ("the Act
/// allows information to be withheld where disclosing it would endanger anyone's safety") and
/// the inference `inf` applies it, in words, after all of them: the letter explains a ground and
/// then argues it.
fn applied_after_explaining(
    text: &Text<'_>,
    rule: &crate::rules::Rule,
    f: &Finding,
    inf: &Inference,
) -> bool {
    let qualified = rule.kind == Some(Qualification::Qualified);
    let from = inf.spans.iter().map(|(s, _)| s.start).min().unwrap_or(0);
    f.status == Status::Mentioned
        && f.basis == Basis::Inferred
        && !f.evidence.is_empty()
        && f.evidence.iter().all(|e| {
            matches!(e.via, Via::StrongCue | Via::WeakCue)
                && e.end <= from
                && assess_detail(text, e.span(), qualified).category == Some(Category::General)
        })
}

/// Joins the relied-on `inferences` to `findings`.
pub(crate) fn merge(
    text: &Text<'_>,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
    inferences: &[Inference],
) {
    // Findings given evidence here, sorted and deduplicated once at the end (linear in the
    // number of inferences, however many a letter holds).
    let mut changed: Vec<usize> = Vec::new();
    for inf in inferences.iter().filter(|i| i.status == Status::ReliedOn) {
        let rule = &rules.rules()[inf.rule];
        let i = match findings.iter().position(|f| f.id == rule.id) {
            // A cited finding stands on its citation as before; a mentioned or disclaimed one
            // keeps its status.
            Some(i) if applied_after_explaining(text, rule, &findings[i], inf) => {
                findings[i].status = Status::ReliedOn;
                i
            }
            Some(i)
                if findings[i].status != Status::ReliedOn || findings[i].basis == Basis::Cited =>
            {
                continue
            }
            Some(i) => i,
            None => {
                findings.push(Finding {
                    id: rule.id.clone(),
                    act: rule.act,
                    title: rule.title.clone(),
                    provisions: Vec::new(),
                    kind: rule.kind.unwrap_or(Qualification::Qualified),
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
        let ev: Vec<Evidence> = inf
            .spans
            .iter()
            .map(|(span, concept)| {
                super::evidence(
                    text,
                    rule,
                    *span,
                    Via::Concept,
                    Some(concept),
                    Status::ReliedOn,
                )
            })
            .collect();
        let f = &mut findings[i];
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
        f.evidence.extend(ev);
        changed.push(i);
    }
    changed.sort_unstable();
    changed.dedup();
    for &i in &changed {
        // Stable: at one span, the evidence that was there first (a cue) stays.
        let ev = &mut findings[i].evidence;
        ev.sort_by_key(|e| (e.start, e.end));
        ev.dedup_by_key(|e| (e.start, e.end));
    }
    if !changed.is_empty() {
        findings.sort_by_key(|f| {
            (
                f.evidence.first().map_or(usize::MAX, |e| e.start),
                f.id.clone(),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::vocab::{Basis, Status};
    use crate::Classifier;

    fn status_of(text: &str, id: &str) -> Option<Status> {
        Classifier::new()
            .classify(text)
            .finding(id)
            .map(|f| f.status)
    }

    #[test]
    fn a_ground_explained_in_general_and_then_argued_is_relied_on() {
        let text = "The Act lets a public body withhold information where releasing it would endanger the safety of any individual.\n\nThe rota shows when the night staff are alone on the ward. Releasing it would put the safety of those staff at risk.";
        let report = Classifier::new().classify(text);
        let f = report.finding("foia:s38").expect("a finding");
        assert_eq!(f.status, Status::ReliedOn);
        assert_eq!(f.basis, Basis::Inferred);
    }

    #[test]
    fn a_ground_only_explained_in_general_stays_mentioned() {
        // The explanation comes after the argument of another ground: nothing applies s.38.
        let text = "The Act lets a public body withhold information where releasing it would endanger the safety of any individual. None of the information you asked for would do so, and it is attached.";
        assert_ne!(status_of(text, "foia:s38"), Some(Status::ReliedOn));
    }
}
