//! The notice checks: whether a letter that relies on a ground does what the law requires of a
//! refusal notice. Each check is its own function over [`Notice`], an immutable view of the
//! letter, its findings and references and its outcome, and returns its [`Check`]. The
//! provision that requires each check, and the notice rules that differ between regimes, come
//! from the regime files (`data/regimes/*.toml`, [`crate::rules::RegimeRules`]).

use crate::rules::{RegimeRules, RuleSet, NOTICE_CHECKS};
use crate::text::{window, Text};
use crate::vocab::{
    provision_starts_with, Act, Basis, Check, CheckResult, Duty, Excerpt, Finding, Jurisdiction,
    LegalTest, OutcomeKind, ProvisionRole, Qualification, RefRole, Reference, Span, Status, Via,
};

use super::patterns::*;
use super::timing::Reading;
use super::wording::{self, Wording};
use super::{
    excerpt, own, own_matches, own_regions, read_as, rights_matches, tests_of, RightsWording,
};
use crate::matching::gate;
use crate::resolve::context::Category;

/// What the notice checks read, none of which they change: the letter, the rule set, the
/// regime the notice is read under, the findings (and those relied on), the references and the
/// outcome; and what several checks share, found once: the authority's own text, its
/// statements of review and Commissioner rights and its weighing of the public interest.
pub(super) struct Notice<'a, 't> {
    text: &'a Text<'t>,
    rules: &'a RuleSet,
    /// The regime the notice requirements are read under.
    regime: Act,
    /// Its regime file, when the rule set has one.
    regime_rules: Option<&'a RegimeRules>,
    /// The grounds relied on.
    relied: Vec<&'a Finding>,
    references: &'a [Reference],
    outcome: OutcomeKind,
    /// The authority's own text, where the checks read ([`super::own_regions`]).
    own_text: Vec<Span>,
    /// Where the letter tells the requester of a review or complaints procedure.
    rights_review: Vec<Span>,
    /// Where it tells them of the right to apply to the Commissioner.
    rights_commissioner: Vec<Span>,
    /// Where it weighs the public interest.
    public_interest: Vec<Span>,
    /// When the request was made and answered.
    timing: &'a Reading,
}

/// The regime the notice requirements are read under: the letter's, else that of the first
/// ground relied on, else FOIA.
pub(super) fn regime_of(jurisdiction: Jurisdiction, relied: &[&Finding]) -> Act {
    match jurisdiction.act() {
        Some(act) => act,
        None => match relied.first().map(|f| f.act) {
            Some(a @ (Act::Eir | Act::Foisa | Act::Eisr | Act::Named(_))) => a,
            _ => Act::Foia,
        },
    }
}

impl<'a, 't> Notice<'a, 't> {
    /// The view of a letter whose outcome is `outcome` and whose dates are read in `timing`.
    pub(super) fn new(
        text: &'a Text<'t>,
        rules: &'a RuleSet,
        jurisdiction: Jurisdiction,
        findings: &'a [Finding],
        references: &'a [Reference],
        outcome: OutcomeKind,
        timing: &'a Reading,
    ) -> Notice<'a, 't> {
        let relied: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.status == Status::ReliedOn)
            .collect();
        let regime = regime_of(jurisdiction, &relied);
        let own_text = own_regions(text);
        let rights_wording = RightsWording::default();
        let rights_review = rights_matches(text, &own_text, &REVIEW, &rights_wording, 2);
        let commissioner = if scottish(regime) {
            &SCOTTISH_COMMISSIONER
        } else {
            &ICO
        };
        let rights_commissioner = rights_matches(text, &own_text, commissioner, &rights_wording, 2);
        let public_interest = own_matches(text, &own_text, &PUBLIC_INTEREST, 3);
        Notice {
            text,
            rules,
            regime,
            regime_rules: rules.regime(regime),
            relied,
            references,
            outcome,
            own_text,
            rights_review,
            rights_commissioner,
            public_interest,
            timing,
        }
    }

    /// True when the letter tells the requester of a review or of the right to apply to the
    /// Commissioner.
    pub(super) fn review_rights(&self) -> bool {
        !self.rights_review.is_empty() || !self.rights_commissioner.is_empty()
    }

    /// Whether the public interest is weighed, for a letter with a qualified ground relied on
    /// or weighed (`weighed_qualified`: public interest arguments attach to one); `None` for
    /// any other.
    pub(super) fn public_interest_test(&self, weighed_qualified: bool) -> Option<bool> {
        (!self.qualified().is_empty() || weighed_qualified)
            .then_some(!self.public_interest.is_empty())
    }

    /// Every notice check, in the order of [`NOTICE_CHECKS`]; each not applicable to a letter
    /// that relies on no ground.
    pub(super) fn checks(&self) -> Vec<Check> {
        if self.relied.is_empty() {
            return NOTICE_CHECKS
                .iter()
                .map(|id| {
                    self.not_applicable(
                        id,
                        "the letter relies on no ground, so it is not a refusal notice",
                    )
                })
                .collect();
        }
        vec![
            self.exemption_specified(),
            self.reasons_given(),
            self.public_interest_reasons(),
            self.harm_likelihood(),
            self.cost_estimate(),
            self.advice_to_narrow(),
            self.review_procedure(),
            self.commissioner_rights(),
            self.ncnd_provision(),
            self.time_for_compliance(),
        ]
    }

    /// A check `id` with its result, detail and evidence, and the provision that requires it in
    /// this regime.
    fn check(
        &self,
        id: &str,
        result: CheckResult,
        detail: impl Into<String>,
        evidence: Vec<Excerpt>,
    ) -> Check {
        Check {
            id: id.to_string(),
            provision: self
                .regime_rules
                .map_or("", |r| r.provision(id))
                .to_string(),
            result,
            detail: detail.into(),
            evidence,
        }
    }

    fn not_applicable(&self, id: &str, why: &str) -> Check {
        self.check(id, CheckResult::NotApplicable, why, Vec::new())
    }

    /// Passes with the sentences of `found` as evidence (detail `pass`), or fails when nothing
    /// was found (detail `fail`).
    fn found(
        &self,
        id: &str,
        found: &[Span],
        pass: impl Into<String>,
        fail: impl Into<String>,
    ) -> Check {
        if found.is_empty() {
            return self.check(id, CheckResult::Fail, fail, Vec::new());
        }
        let evidence = found
            .iter()
            .map(|s| excerpt(self.text, self.text.sentence_at(s.start)))
            .collect();
        self.check(id, CheckResult::Pass, pass, evidence)
    }

    /// The qualified grounds relied on.
    fn qualified(&self) -> Vec<&'a Finding> {
        self.relied
            .iter()
            .copied()
            .filter(|f| f.kind == Qualification::Qualified)
            .collect()
    }

    /// True when a ground relied on is refused on cost.
    fn cost_refusal(&self) -> bool {
        self.relied
            .iter()
            .any(|f| tests_of(self.rules, f).contains(&LegalTest::Cost))
    }

    /// The ground is specified: every ground relied on is cited by number.
    fn exemption_specified(&self) -> Check {
        let inferred: Vec<&str> = self
            .relied
            .iter()
            .filter(|f| f.basis == Basis::Inferred)
            .map(|f| f.id.as_str())
            .collect();
        let cites: Vec<Excerpt> = self
            .relied
            .iter()
            .flat_map(|f| {
                f.evidence
                    .iter()
                    .filter(|e| e.via == Via::Citation && e.status == Status::ReliedOn)
                    .take(1)
            })
            .map(|e| excerpt(self.text, e.span()))
            .collect();
        let id = "exemption_specified";
        if inferred.is_empty() {
            self.check(
                id,
                CheckResult::Pass,
                "every ground relied on is cited by number",
                cites,
            )
        } else {
            let detail = format!(
                "relied on without citing the provision: {}",
                inferred.join(", ")
            );
            self.check(id, CheckResult::Fail, detail, cites)
        }
    }

    /// Reasons are given: each ground relied on comes with the reason it applies.
    fn reasons_given(&self) -> Check {
        let src = self.text.as_str();
        let mut unreasoned = Vec::new();
        let mut reason_ev = Vec::new();
        for f in &self.relied {
            let reasoned = f
                .evidence
                .iter()
                .filter(|e| e.status == Status::ReliedOn)
                .find(|e| {
                    // A strong cue, or an argument in words that made the finding (a concept:
                    // "personal to them", "rivals could undercut"), is the reason itself.
                    e.via == Via::StrongCue
                        || e.via == Via::Concept
                        || REASON.is_match(window(src, e.sentence, e.span()).slice(src))
                });
            match reasoned {
                Some(e) => reason_ev.push(excerpt(self.text, e.sentence)),
                None => unreasoned.push(f.id.as_str()),
            }
        }
        let id = "reasons_given";
        if unreasoned.is_empty() {
            let detail = "each ground comes with the reason it applies";
            self.check(id, CheckResult::Pass, detail, reason_ev)
        } else {
            let detail = format!("no reason found next to: {}", unreasoned.join(", "));
            self.check(id, CheckResult::Fail, detail, reason_ev)
        }
    }

    /// Public interest reasons are given for the qualified grounds relied on (unless the
    /// regime waives them for a notice that neither confirms nor denies).
    fn public_interest_reasons(&self) -> Check {
        let id = "public_interest_reasons";
        let qualified = self.qualified();
        let waiver = self
            .regime_rules
            .and_then(|r| r.ncnd_public_interest_waiver.as_deref())
            .filter(|_| self.outcome == OutcomeKind::Ncnd);
        if qualified.is_empty() {
            return self.not_applicable(id, "no qualified ground is relied on");
        }
        if let Some(why) = waiver {
            return self.not_applicable(id, why);
        }
        let ids: Vec<&str> = qualified.iter().map(|f| f.id.as_str()).collect();
        let fail = format!(
            "qualified ground(s) {} relied on, but no weighing of the public interest was found",
            ids.join(", ")
        );
        self.found(
            id,
            &self.public_interest,
            "the public interest is weighed",
            fail,
        )
    }

    /// The likelihood of harm is stated for each prejudice-based ground relied on.
    fn harm_likelihood(&self) -> Check {
        let id = "harm_likelihood";
        let src = self.text.as_str();
        let prejudice: Vec<&Finding> = self
            .relied
            .iter()
            .copied()
            .filter(|f| tests_of(self.rules, f).contains(&LegalTest::Prejudice))
            .collect();
        if prejudice.is_empty() {
            return self.not_applicable(id, "no prejudice-based ground is relied on");
        }
        let mut missing = Vec::new();
        let mut ev = Vec::new();
        for f in &prejudice {
            let found = f
                .evidence
                .iter()
                .filter(|e| e.status == Status::ReliedOn)
                .find_map(|e| {
                    self.text.sentences_from(e.start, 3).into_iter().find(|s| {
                        LIKELIHOOD.is_match(window(src, *s, Span::new(s.start, s.start)).slice(src))
                    })
                });
            match found {
                Some(s) => ev.push(excerpt(self.text, s)),
                None => missing.push(f.id.as_str()),
            }
        }
        if missing.is_empty() {
            let detail = "the harm is stated as what would, or would be likely to, happen";
            self.check(id, CheckResult::Pass, detail, ev)
        } else {
            let detail = format!(
                "no statement that harm would, or would be likely to, follow for: {}",
                missing.join(", ")
            );
            self.check(id, CheckResult::Fail, detail, ev)
        }
    }

    /// A cost refusal gives an estimate of the time or cost: a figure of hours, money or
    /// records in the authority's own words ([`own_matches`]) that says what complying with
    /// this request would take. The limit itself is not one: a figure inside a statement of the
    /// cost limit (`data/outcome/cost_limit.toml`: "the appropriate limit is £450, which is 18
    /// hours at £25 an hour", "more than 18 hours") or in the law explained in general
    /// ([`Category::General`]: "the Act allows public authorities to refuse requests that would
    /// cost over £450") is not counted.
    fn cost_estimate(&self) -> Check {
        let id = "cost_estimate";
        if !self.cost_refusal() {
            return self.not_applicable(id, "no cost ground is relied on");
        }
        let limit = std::cell::OnceCell::new();
        let stated_limit = |m: &Span| {
            limit
                .get_or_init(|| wording::find(self.text, Wording::CostLimit, 64))
                .iter()
                .any(|l: &Span| l.start <= m.start && m.end <= l.end)
        };
        let est: Vec<Span> = gate::find_iter_in(self.text, &ESTIMATE, &self.own_text)
            .filter(|m| {
                // The authority's own words ([`authority_says`]), not the law in general: one
                // reading of the context for both.
                own(self.text, m.start)
                    && !stated_limit(m)
                    && !read_as(self.text, *m, &[Category::OthersWords, Category::General])
            })
            .take(3)
            .collect();
        self.found(
            id,
            &est,
            "an estimate of time or cost is given",
            "looked for an estimate of hours or cost and found none",
        )
    }

    /// A cost refusal advises how to narrow the request: in words, or by citing the duty to
    /// advise and assist (a rule with `duty = "advice"`).
    fn advice_to_narrow(&self) -> Check {
        let id = "advice_to_narrow";
        if !self.cost_refusal() {
            return self.not_applicable(id, "no cost ground is relied on");
        }
        let mut adv = own_matches(self.text, &self.own_text, &ADVICE, 2);
        adv.extend(
            self.references
                .iter()
                .filter(|r| {
                    r.rule
                        .as_deref()
                        .and_then(|id| self.rules.get(id))
                        .is_some_and(|rule| rule.duty == Some(Duty::Advice))
                })
                .map(Reference::span),
        );
        self.found(
            id,
            &adv,
            "advice on narrowing the request is given",
            "looked for advice on narrowing the request and found none",
        )
    }

    /// The notice describes the review or complaints procedure.
    fn review_procedure(&self) -> Check {
        self.found(
            "review_procedure",
            &self.rights_review,
            "the review procedure is described",
            "looked for details of an internal review or complaints procedure and found none",
        )
    }

    /// The reply comes within the time for compliance: by the 20th working day after the request
    /// (see [`Reading::compliance`]).
    fn time_for_compliance(&self) -> Check {
        let (result, detail, evidence) = self.timing.compliance();
        self.check("time_for_compliance", result, detail, evidence)
    }

    /// The notice gives the right to apply to the Commissioner.
    fn commissioner_rights(&self) -> Check {
        let commissioner = if scottish(self.regime) {
            "the Scottish Information Commissioner"
        } else {
            "the Information Commissioner"
        };
        self.found(
            "commissioner_rights",
            &self.rights_commissioner,
            format!("the right to apply to {commissioner} is given"),
            format!("looked for the right to apply to {commissioner} and found none"),
        )
    }

    /// A notice that neither confirms nor denies cites the provision that lets it: a ground's
    /// NCND limb (`ncnd` of its rule), or a procedural rule that is itself the NCND power
    /// (FOISA s.18).
    fn ncnd_provision(&self) -> Check {
        let id = "ncnd_provision";
        if self.outcome != OutcomeKind::Ncnd {
            return self.not_applicable(id, "the letter does not neither-confirm-nor-deny");
        }
        let ncnd_cites: Vec<Excerpt> = self
            .references
            .iter()
            .filter(|r| {
                let rule = r.rule.as_deref().and_then(|id| self.rules.get(id));
                rule.is_some_and(|rule| {
                    (r.role == RefRole::Ground || rule.role == ProvisionRole::Procedural)
                        && rule
                            .ncnd
                            .as_deref()
                            .is_some_and(|n| ncnd_limb(&r.provision, n))
                })
            })
            .map(|r| excerpt(self.text, r.span()))
            .collect();
        if ncnd_cites.is_empty() {
            let detail = "the letter neither confirms nor denies but cites no NCND provision";
            self.check(id, CheckResult::Fail, detail, Vec::new())
        } else {
            let detail = "the NCND provision is cited";
            self.check(id, CheckResult::Pass, detail, ncnd_cites)
        }
    }
}

/// True for the Scottish regimes, whose Commissioner is the Scottish Information Commissioner.
fn scottish(regime: Act) -> bool {
    matches!(regime, Act::Foisa | Act::Eisr)
}

/// True when a cited provision is the NCND limb `ncnd` or one of its lettered successors:
/// `40(5B)(a)(i)` is a limb of `40(5)`, `24(2)` of `24(2)`.
fn ncnd_limb(cited: &str, ncnd: &str) -> bool {
    provision_starts_with(cited, ncnd) || cited.starts_with(ncnd.trim_end_matches(')'))
}
