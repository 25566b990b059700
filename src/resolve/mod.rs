//! The resolution stage: what each citation and cue means in its place. A citation resolves to
//! a rule and a role (ground, procedural, other); citations and cues inside quoted text are not
//! the authority's own reasoning; and the letter's regime decides which rule pack's cue phrases
//! may infer a ground.

pub(crate) mod concepts;
pub(crate) mod context;
mod regime;
mod status;

pub(crate) use concepts::{infer as concepts, Inference};
pub(crate) use regime::{
    detect_regime, tie_bare_to_added_regime, tie_to_added_regimes, DetectedRegime, RegimeSignals,
};
pub(crate) use status::{assess_detail, reason_of, MEMO_REVIEW};

/// Every gated pattern compiled into the resolution stage (the regime signals come from the
/// rule set: [`RegimeSignals::gated`]).
pub(crate) fn gated() -> Vec<&'static crate::matching::gate::Gated> {
    concepts::gated().collect()
}

use crate::cite::Citation;
use crate::matching::CueHit;
use crate::rules::RuleSet;
use crate::text::Text;
use crate::vocab::{ProvisionRole, Qualification, RefRole, Span, Status};

/// A citation with its meaning.
#[derive(Clone, Debug)]
pub(crate) struct ResolvedRef {
    /// The citation.
    pub cit: Citation,
    /// Index of the rule it names, if any.
    pub rule: Option<usize>,
    /// Its role.
    pub role: RefRole,
    /// Whether the authority relies on it here (for ground citations).
    pub status: Status,
}

/// A cue hit with its context.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ResolvedCue {
    /// The hit.
    pub hit: CueHit,
    /// Whether the authority relies on it here.
    pub status: Status,
    /// True when the hit may infer its rule in this letter's regime (see [`cues`]).
    pub inferable: bool,
}

/// The rules of the ground citations in the sentence holding `offset` (`refs` in text order).
fn rules_cited_in_sentence(text: &Text<'_>, refs: &[ResolvedRef], offset: usize) -> Vec<usize> {
    // A "sentence" of megabytes (no full stops) is read only near the cue.
    let sentence = crate::text::window(
        text.as_str(),
        text.sentence_at(offset),
        Span::new(offset, offset),
    );
    rules_cited_in(refs, sentence).collect()
}

/// The rules of the ground citations that start inside `span` (`refs` in text order).
pub(crate) fn rules_cited_in(refs: &[ResolvedRef], span: Span) -> impl Iterator<Item = usize> + '_ {
    let from = refs.partition_point(|r| r.cit.span.start < span.start);
    refs[from..]
        .iter()
        .take_while(move |r| r.cit.span.start < span.end)
        .filter(|r| r.role == RefRole::Ground)
        .filter_map(|r| r.rule)
}

fn qualified(rules: &RuleSet, rule: usize) -> bool {
    rules.rules()[rule].kind == Some(Qualification::Qualified)
}

/// Resolves each citation to a rule and role.
pub(crate) fn references(
    text: &Text<'_>,
    rules: &RuleSet,
    cits: Vec<Citation>,
) -> Vec<ResolvedRef> {
    cits.into_iter()
        .map(|cit| {
            let rule = rules.lookup(cit.act, &cit.number, &cit.path);
            let role = match rule.map(|i| rules.rules()[i].role_for(&cit.number, &cit.path)) {
                Some(ProvisionRole::Ground) => RefRole::Ground,
                Some(ProvisionRole::Procedural) => RefRole::Procedural,
                None => RefRole::Other,
            };
            let status = match (role, rule) {
                (RefRole::Ground, Some(i)) => status::assess(text, cit.span, qualified(rules, i)),
                _ => Status::Mentioned,
            };
            ResolvedRef {
                status,
                cit,
                rule,
                role,
            }
        })
        .collect()
}

/// Puts each cue hit in its context.
///
/// A cue may infer its rule when the rule belongs to the letter's primary regime, or when the
/// letter also speaks of the rule's regime and no rule of the primary regime shares the phrase.
/// So "personal data ... redacted" in an EIR letter infers regulation 13, not s.40, while a
/// FOIA-only phrase ("exceeds the cost limit") still infers s.12 in an EIR letter that also
/// names the Act.
///
/// A phrase two regimes' rules share goes to the rule cited in the same sentence, if one is:
/// "regulation 12(5)(e) ... confidential commercial methods" is the EIR exception even in a
/// letter that is mostly under FOIA.
pub(crate) fn cues(
    text: &Text<'_>,
    rules: &RuleSet,
    regime: &DetectedRegime,
    refs: &[ResolvedRef],
    hits: Vec<CueHit>,
) -> Vec<ResolvedCue> {
    let act_of = |h: &CueHit| rules.rules()[h.rule].act;
    let mut out = Vec::with_capacity(hits.len());
    let mut i = 0;
    while i < hits.len() {
        // Hits of one phrase occurrence are adjacent and share a span.
        let mut j = i;
        while j < hits.len() && hits[j].span == hits[i].span {
            j += 1;
        }
        let group = &hits[i..j];
        let primary_claims = group.iter().any(|h| act_of(h) == regime.primary);
        let cited_here = if group.len() > 1 {
            rules_cited_in_sentence(text, refs, group[0].span.start)
        } else {
            Vec::new()
        };
        let claimed_by_citation = group.iter().any(|h| cited_here.contains(&h.rule));
        // The hits share a span: its status is read once for each kind of rule.
        let mut known: [Option<Status>; 2] = [None, None];
        for h in group {
            let act = act_of(h);
            let inferable = if claimed_by_citation {
                cited_here.contains(&h.rule)
            } else {
                act == regime.primary || (!primary_claims && regime.has(act))
            };
            out.push(ResolvedCue {
                status: {
                    let q = qualified(rules, h.rule);
                    *known[usize::from(q)].get_or_insert_with(|| status::assess(text, h.span, q))
                },
                hit: *h,
                inferable,
            });
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::find_citations;

    #[test]
    fn roles_come_from_rules() {
        let rules = RuleSet::embedded().unwrap();
        let src = "We rely on section 43(2). You may complain under section 50. See s.43 of the Housing Act 1985.\n> under section 43";
        let t = Text::new(src);
        let r = references(&t, &rules, find_citations(src));
        let roles: Vec<_> = r.iter().map(|r| (r.role, r.status)).collect();
        assert_eq!(roles[0], (RefRole::Ground, Status::ReliedOn));
        assert_eq!(roles[1].0, RefRole::Procedural);
        assert_eq!(roles[2].0, RefRole::Other);
        assert_eq!(roles[3], (RefRole::Ground, Status::Mentioned));
    }
}
