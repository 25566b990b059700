//! The resolution stage: what each citation and cue means in its place. A citation resolves to
//! a rule and a role (ground, procedural, other); citations and cues inside quoted text are not
//! the authority's own reasoning.

use crate::cite::Citation;
use crate::matching::CueHit;
use crate::report::RefRole;
use crate::rules::{Role, RuleSet};
use crate::text::{Text, ZoneKind};

/// A citation with its meaning.
#[derive(Clone, Debug)]
pub(crate) struct ResolvedRef {
    /// The citation.
    pub cit: Citation,
    /// Index of the rule it names, if any.
    pub rule: Option<usize>,
    /// Its role.
    pub role: RefRole,
    /// True when it stands in quoted text.
    pub quoted: bool,
}

/// A cue hit with its context.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ResolvedCue {
    /// The hit.
    pub hit: CueHit,
    /// True when it stands in quoted text.
    pub quoted: bool,
}

fn quoted(text: &Text<'_>, offset: usize) -> bool {
    text.zone_at(offset) == Some(ZoneKind::Quoted)
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
            let role = match rule.map(|i| rules.rules()[i].role) {
                Some(Role::Ground) => RefRole::Ground,
                Some(Role::Procedural) => RefRole::Procedural,
                None => RefRole::Other,
            };
            ResolvedRef {
                quoted: quoted(text, cit.span.start),
                cit,
                rule,
                role,
            }
        })
        .collect()
}

/// Puts each cue hit in its context.
pub(crate) fn cues(text: &Text<'_>, hits: Vec<CueHit>) -> Vec<ResolvedCue> {
    hits.into_iter()
        .map(|hit| ResolvedCue {
            quoted: quoted(text, hit.span.start),
            hit,
        })
        .collect()
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
        let roles: Vec<_> = r.iter().map(|r| (r.role, r.quoted)).collect();
        assert_eq!(roles[0], (RefRole::Ground, false));
        assert_eq!(roles[2], (RefRole::Other, false));
        assert_eq!(roles[3], (RefRole::Ground, true));
    }
}
