//! The checks stage: what kind of answer the letter is (its outcome), whether it does what the
//! law requires of a refusal notice (FOIA s.17, EIR reg 14, FOISA s.16 and s.19), and the public
//! interest arguments behind each qualified ground. Each point comes with the spans that decided
//! it, or says what was looked for and not found.

mod dispositions;
mod figures;
mod outcome;
mod patterns;
mod wording;

use crate::matching::gate::{self, Gated};
use crate::rules::RuleSet;
use crate::text::{window, Text, ZoneKind};
use crate::vocab::{provision_starts_with, Act, Kind, Span, Test};
use crate::vocab::{
    Basis, Check, CheckResult, Excerpt, Finding, Jurisdiction, Outcome, OutcomeKind,
    PublicInterest, RefRole, Reference, Status, Via,
};
use patterns::*;

/// Everything the checks stage adds to a report.
pub(crate) struct Assessment {
    pub outcome: Outcome,
    pub checks: Vec<Check>,
    pub public_interest_test: Option<bool>,
    pub review_rights: bool,
}

fn excerpt(text: &Text<'_>, span: Span) -> Excerpt {
    let pos = text.position(span.start);
    Excerpt {
        start: span.start,
        end: span.end,
        line: pos.line,
        column: pos.column,
        text: span.slice(text.as_str()).to_string(),
    }
}

/// True when `offset` is the authority's own text: not quoted or forwarded mail, not the request
/// repeated back, not a footer.
fn own(text: &Text<'_>, offset: usize) -> bool {
    !matches!(
        text.zone_at(offset),
        Some(ZoneKind::Quoted | ZoneKind::Forwarded | ZoneKind::Request | ZoneKind::Footer)
    )
}

/// The stretches of the authority's own text ([`own`]), in order: what lies between the zones
/// that are not its own. The checks keep only matches that start in them, so their searches
/// read only near anchors there.
fn own_regions(text: &Text<'_>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    for z in text.zones() {
        if own(text, z.span.start) {
            continue;
        }
        if z.span.start > at {
            out.push(Span::new(at, z.span.start));
        }
        at = at.max(z.span.end);
    }
    if at < text.as_str().len() {
        out.push(Span::new(at, text.as_str().len()));
    }
    out
}

/// Every gated pattern of the checks stage: the notice checks' and the outcome wording's.
pub(crate) fn gated() -> Vec<&'static Gated> {
    let mut out = patterns::GATED.to_vec();
    out.extend(wording::gated());
    out
}

/// Matches of `g` in the authority's own text (its stretches `own`), at most `limit`.
fn own_matches(text: &Text<'_>, own_text: &[Span], g: &Gated, limit: usize) -> Vec<Span> {
    gate::find_iter_in(text, g, own_text)
        .filter(|s| own(text, s.start))
        .take(limit)
        .collect()
}

/// Matches of `g` in the authority's own text that state a right, at most `limit`: a match
/// counts only when its sentence holds rights wording (`data/outcome/rights_context.toml`:
/// "if you are dissatisfied", "you may ask", "you have the right to", "write to", the
/// Commissioner's address), or, when it stands in a heading of its own, when the sentence after
/// it does. Citing the Commissioner's guidance, or saying that a review was carried out, is not
/// telling the requester of their rights.
///
/// The rights wording (`context`) is read the first time a match needs it.
fn rights_matches(
    text: &Text<'_>,
    own_text: &[Span],
    g: &Gated,
    context: &std::cell::OnceCell<Vec<Span>>,
    limit: usize,
) -> Vec<Span> {
    let holds = |s: Span| {
        context
            .get_or_init(|| wording::find(text, wording::Wording::RightsContext, 64))
            .iter()
            .any(|c| s.start <= c.start && c.end <= s.end)
    };
    let src = text.as_str();
    gate::find_iter_in(text, g, own_text)
        .filter(|s| own(text, s.start))
        .filter(|s| {
            let sentence = text.sentence_at(s.start);
            if holds(sentence) {
                return true;
            }
            // A heading ("Internal review", "Your right to complain"): read the next sentence.
            let heading = sentence.len() <= 80
                && !sentence
                    .slice(src)
                    .trim_end()
                    .ends_with(['.', '?', '!', ':', ','])
                && text.paragraph_at(s.start).len() <= sentence.len() + 2;
            heading && {
                let para = text.paragraph_at(s.start);
                let rest = &src[para.end.min(src.len())..];
                let skip = rest.len() - rest.trim_start().len();
                let next = para.end + skip;
                next < src.len() && holds(text.sentence_at(next))
            }
        })
        .take(limit)
        .collect()
}

/// True when `offset` lies in one of the requester's questions repeated back above an answer.
fn in_question(text: &Text<'_>, offset: usize) -> bool {
    text.question_answers()
        .iter()
        .any(|qa| qa.question.start <= offset && offset < qa.question.end)
}

/// The regime the notice requirements are read under.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Regime {
    Foia,
    Eir,
    Foisa,
    Eisr,
}

impl Regime {
    fn of(report_jurisdiction: Jurisdiction, relied: &[&Finding]) -> Regime {
        let from_act = |a: Act| match a {
            Act::Eir => Regime::Eir,
            Act::Foisa => Regime::Foisa,
            Act::Eisr => Regime::Eisr,
            _ => Regime::Foia,
        };
        match report_jurisdiction {
            Jurisdiction::Eir => Regime::Eir,
            Jurisdiction::Foisa => Regime::Foisa,
            Jurisdiction::Eisr => Regime::Eisr,
            Jurisdiction::Foia => Regime::Foia,
            _ => relied.first().map_or(Regime::Foia, |f| from_act(f.act)),
        }
    }

    fn scottish(self) -> bool {
        matches!(self, Regime::Foisa | Regime::Eisr)
    }

    /// The provision that requires each check, in this regime.
    fn provision(self, check: &str) -> &'static str {
        match (self, check) {
            (Regime::Foia, "exemption_specified") => "foia:s17(1)(b)",
            (Regime::Foia, "reasons_given") => "foia:s17(1)(c)",
            (Regime::Foia, "public_interest_reasons") => "foia:s17(3)",
            (Regime::Foia, "harm_likelihood") => "foia:s17(1)(c)",
            (Regime::Foia, "cost_estimate") => "foia:s17(5) (ICO guidance on s.12)",
            (Regime::Foia, "advice_to_narrow") => "foia:s16",
            (Regime::Foia, "review_procedure") => "foia:s17(7)(a)",
            (Regime::Foia, "commissioner_rights") => "foia:s17(7)(b)",
            (Regime::Foia, "ncnd_provision") => "foia:s17(1)(b)",
            (Regime::Eir, "exemption_specified") => "eir:r14(3)(a)",
            (Regime::Eir, "reasons_given" | "harm_likelihood") => "eir:r14(3)",
            (Regime::Eir, "public_interest_reasons") => "eir:r14(3)(b)",
            (Regime::Eir, "cost_estimate") => "eir:r14(3) (ICO guidance on 12(4)(b))",
            (Regime::Eir, "advice_to_narrow") => "eir:r9",
            (Regime::Eir, "review_procedure") => "eir:r14(5)(a)",
            (Regime::Eir, "commissioner_rights") => "eir:r14(5)(b)",
            (Regime::Eir, "ncnd_provision") => "eir:r12(6)",
            (Regime::Foisa, "exemption_specified") => "foisa:s16(1)(c)",
            (Regime::Foisa, "reasons_given" | "harm_likelihood") => "foisa:s16(1)(d)",
            (Regime::Foisa, "public_interest_reasons") => "foisa:s16(2)",
            (Regime::Foisa, "cost_estimate") => "foisa:s16(4)",
            (Regime::Foisa, "advice_to_narrow") => "foisa:s15",
            (Regime::Foisa, "review_procedure" | "commissioner_rights") => "foisa:s19",
            (Regime::Foisa, "ncnd_provision") => "foisa:s18",
            (Regime::Eisr, "exemption_specified" | "reasons_given" | "harm_likelihood") => {
                "eisr:r13"
            }
            (Regime::Eisr, "public_interest_reasons" | "cost_estimate") => "eisr:r13",
            (Regime::Eisr, "advice_to_narrow") => "eisr:r9",
            (Regime::Eisr, "review_procedure") => "eisr:r16",
            (Regime::Eisr, "commissioner_rights") => "eisr:r17",
            (Regime::Eisr, _) => "eisr:r13",
            _ => "",
        }
    }
}

struct CheckBuilder {
    regime: Regime,
    checks: Vec<Check>,
}

impl CheckBuilder {
    fn push(
        &mut self,
        id: &str,
        result: CheckResult,
        detail: impl Into<String>,
        evidence: Vec<Excerpt>,
    ) {
        self.checks.push(Check {
            id: id.to_string(),
            provision: self.regime.provision(id).to_string(),
            result,
            detail: detail.into(),
            evidence,
        });
    }

    fn not_applicable(&mut self, id: &str, why: &str) {
        self.push(id, CheckResult::NotApplicable, why, Vec::new());
    }
}

/// The test (prejudice, class, ...) of a finding's provisions.
fn tests_of(rules: &RuleSet, f: &Finding) -> Vec<Test> {
    let Some(rule) = rules.get(&f.id) else {
        return Vec::new();
    };
    let mut out: Vec<Test> = f
        .provisions
        .iter()
        .filter_map(|p| {
            rule.subsections
                .iter()
                .filter(|s| s.test.is_some() && provision_starts_with(p, &s.provision))
                .max_by_key(|s| s.provision.len())
                .and_then(|s| s.test)
        })
        .collect();
    if out.is_empty() {
        out.extend(rule.test);
    }
    out
}

/// Runs the checks stage: the outcome ([`decide_outcome`]), then the notice checks
/// ([`notice_checks`]).
pub(crate) fn assess(
    text: &Text<'_>,
    rules: &RuleSet,
    jurisdiction: Jurisdiction,
    findings: &mut [Finding],
    references: &[Reference],
) -> Assessment {
    let outcome = {
        let relied: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.status == Status::ReliedOn)
            .collect();
        decide_outcome(text, rules, &relied)
    };
    notice_checks(text, rules, jurisdiction, findings, references, outcome)
}

/// The outcome of the letter: its parts' dispositions ([`dispositions::read`]) decided by the
/// pure function [`outcome::decide`], with the spans that set them.
pub(crate) fn decide_outcome(text: &Text<'_>, rules: &RuleSet, relied: &[&Finding]) -> Outcome {
    let parts = dispositions::read(text, rules, relied);
    let decision = outcome::decide(&parts);
    Outcome {
        kind: decision.kind,
        evidence: decision
            .evidence
            .into_iter()
            .map(|s| excerpt(text, s))
            .collect(),
    }
}

/// The notice checks of a letter whose outcome is `outcome`: what the law requires of a refusal
/// notice, the public interest arguments of each qualified ground, and the rights given.
fn notice_checks(
    text: &Text<'_>,
    rules: &RuleSet,
    jurisdiction: Jurisdiction,
    findings: &mut [Finding],
    references: &[Reference],
    outcome: Outcome,
) -> Assessment {
    let src = text.as_str();
    let regime = {
        let relied: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.status == Status::ReliedOn)
            .collect();
        Regime::of(jurisdiction, &relied)
    };

    // The authority's own text, where the checks read.
    let own_text = own_regions(text);
    // Public interest arguments, attached to the qualified ground they follow.
    attach_public_interest(text, &own_text, findings);
    let relied: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.status == Status::ReliedOn)
        .collect();

    let rights_wording = std::cell::OnceCell::new();
    let rights_review = rights_matches(text, &own_text, &REVIEW, &rights_wording, 2);
    let rights_commissioner = if regime.scottish() {
        rights_matches(text, &own_text, &SCOTTISH_COMMISSIONER, &rights_wording, 2)
    } else {
        rights_matches(text, &own_text, &ICO, &rights_wording, 2)
    };
    let review_rights = !rights_review.is_empty() || !rights_commissioner.is_empty();

    let qualified: Vec<&Finding> = relied
        .iter()
        .copied()
        .filter(|f| f.kind == Kind::Qualified)
        .collect();
    let weighed_qualified = findings
        .iter()
        .any(|f| f.kind == Kind::Qualified && f.public_interest.is_some());
    let pit_spans = own_matches(text, &own_text, &PUBLIC_INTEREST, 3);
    let public_interest_test = if !qualified.is_empty() || weighed_qualified {
        Some(!pit_spans.is_empty())
    } else {
        None
    };

    // Notice checks.
    let mut b = CheckBuilder {
        regime,
        checks: Vec::new(),
    };
    let is_notice = !relied.is_empty();
    if !is_notice {
        for id in [
            "exemption_specified",
            "reasons_given",
            "public_interest_reasons",
            "harm_likelihood",
            "cost_estimate",
            "advice_to_narrow",
            "review_procedure",
            "commissioner_rights",
            "ncnd_provision",
        ] {
            b.not_applicable(
                id,
                "the letter relies on no ground, so it is not a refusal notice",
            );
        }
        return Assessment {
            outcome,
            checks: b.checks,
            public_interest_test,
            review_rights,
        };
    }

    // The ground is specified.
    let inferred: Vec<&str> = relied
        .iter()
        .filter(|f| f.basis == Basis::Inferred)
        .map(|f| f.id.as_str())
        .collect();
    let cites: Vec<Excerpt> = relied
        .iter()
        .flat_map(|f| {
            f.evidence
                .iter()
                .filter(|e| e.via == Via::Citation && e.status == Status::ReliedOn)
                .take(1)
        })
        .map(|e| excerpt(text, e.span()))
        .collect();
    if inferred.is_empty() {
        b.push(
            "exemption_specified",
            CheckResult::Pass,
            "every ground relied on is cited by number",
            cites,
        );
    } else {
        b.push(
            "exemption_specified",
            CheckResult::Fail,
            format!(
                "relied on without citing the provision: {}",
                inferred.join(", ")
            ),
            cites,
        );
    }

    // Reasons are given.
    let mut unreasoned = Vec::new();
    let mut reason_ev = Vec::new();
    for f in &relied {
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
            Some(e) => reason_ev.push(excerpt(text, e.sentence)),
            None => unreasoned.push(f.id.as_str()),
        }
    }
    if unreasoned.is_empty() {
        b.push(
            "reasons_given",
            CheckResult::Pass,
            "each ground comes with the reason it applies",
            reason_ev,
        );
    } else {
        b.push(
            "reasons_given",
            CheckResult::Fail,
            format!("no reason found next to: {}", unreasoned.join(", ")),
            reason_ev,
        );
    }

    // Public interest reasons for qualified grounds.
    let ncnd_outcome = outcome.kind == OutcomeKind::Ncnd;
    if qualified.is_empty() {
        b.not_applicable(
            "public_interest_reasons",
            "no qualified ground is relied on",
        );
    } else if ncnd_outcome && regime == Regime::Foisa {
        b.not_applicable(
            "public_interest_reasons",
            "a Scottish NCND notice need not give public interest reasons (FOISA s.18(2))",
        );
    } else if pit_spans.is_empty() {
        let ids: Vec<&str> = qualified.iter().map(|f| f.id.as_str()).collect();
        b.push(
            "public_interest_reasons",
            CheckResult::Fail,
            format!("qualified ground(s) {} relied on, but no weighing of the public interest was found", ids.join(", ")),
            Vec::new(),
        );
    } else {
        let ev = pit_spans
            .iter()
            .map(|s| excerpt(text, text.sentence_at(s.start)))
            .collect();
        b.push(
            "public_interest_reasons",
            CheckResult::Pass,
            "the public interest is weighed",
            ev,
        );
    }

    // Likelihood of harm for prejudice-based grounds.
    let prejudice: Vec<&Finding> = relied
        .iter()
        .copied()
        .filter(|f| tests_of(rules, f).contains(&Test::Prejudice))
        .collect();
    if prejudice.is_empty() {
        b.not_applicable("harm_likelihood", "no prejudice-based ground is relied on");
    } else {
        let mut missing = Vec::new();
        let mut ev = Vec::new();
        for f in &prejudice {
            let found = f
                .evidence
                .iter()
                .filter(|e| e.status == Status::ReliedOn)
                .find_map(|e| {
                    text.sentences_from(e.start, 3).into_iter().find(|s| {
                        LIKELIHOOD.is_match(window(src, *s, Span::new(s.start, s.start)).slice(src))
                    })
                });
            match found {
                Some(s) => ev.push(excerpt(text, s)),
                None => missing.push(f.id.as_str()),
            }
        }
        if missing.is_empty() {
            b.push(
                "harm_likelihood",
                CheckResult::Pass,
                "the harm is stated as what would, or would be likely to, happen",
                ev,
            );
        } else {
            b.push(
                "harm_likelihood",
                CheckResult::Fail,
                format!(
                    "no statement that harm would, or would be likely to, follow for: {}",
                    missing.join(", ")
                ),
                ev,
            );
        }
    }

    // Cost refusals: an estimate, and advice to narrow the request.
    let cost = relied
        .iter()
        .any(|f| tests_of(rules, f).contains(&Test::Cost));
    if cost {
        let est = own_matches(text, &own_text, &ESTIMATE, 3);
        if est.is_empty() {
            b.push(
                "cost_estimate",
                CheckResult::Fail,
                "looked for an estimate of hours or cost and found none",
                Vec::new(),
            );
        } else {
            let ev = est
                .iter()
                .map(|s| excerpt(text, text.sentence_at(s.start)))
                .collect();
            b.push(
                "cost_estimate",
                CheckResult::Pass,
                "an estimate of time or cost is given",
                ev,
            );
        }
        let mut adv = own_matches(text, &own_text, &ADVICE, 2);
        adv.extend(
            references
                .iter()
                .filter(|r| {
                    matches!(
                        (r.act, r.provision.as_str()),
                        (Act::Foia, "16") | (Act::Eir, "9") | (Act::Foisa, "15") | (Act::Eisr, "9")
                    ) || r
                        .rule
                        .as_deref()
                        .is_some_and(|id| id == "foia:s16" || id == "eir:r9")
                })
                .map(Reference::span),
        );
        if adv.is_empty() {
            b.push(
                "advice_to_narrow",
                CheckResult::Fail,
                "looked for advice on narrowing the request and found none",
                Vec::new(),
            );
        } else {
            let ev = adv
                .iter()
                .map(|s| excerpt(text, text.sentence_at(s.start)))
                .collect();
            b.push(
                "advice_to_narrow",
                CheckResult::Pass,
                "advice on narrowing the request is given",
                ev,
            );
        }
    } else {
        b.not_applicable("cost_estimate", "no cost ground is relied on");
        b.not_applicable("advice_to_narrow", "no cost ground is relied on");
    }

    // Review and complaint rights.
    if rights_review.is_empty() {
        b.push(
            "review_procedure",
            CheckResult::Fail,
            "looked for details of an internal review or complaints procedure and found none",
            Vec::new(),
        );
    } else {
        let ev = rights_review
            .iter()
            .map(|s| excerpt(text, text.sentence_at(s.start)))
            .collect();
        b.push(
            "review_procedure",
            CheckResult::Pass,
            "the review procedure is described",
            ev,
        );
    }
    let commissioner = if regime.scottish() {
        "the Scottish Information Commissioner"
    } else {
        "the Information Commissioner"
    };
    if rights_commissioner.is_empty() {
        b.push(
            "commissioner_rights",
            CheckResult::Fail,
            format!("looked for the right to apply to {commissioner} and found none"),
            Vec::new(),
        );
    } else {
        let ev = rights_commissioner
            .iter()
            .map(|s| excerpt(text, text.sentence_at(s.start)))
            .collect();
        b.push(
            "commissioner_rights",
            CheckResult::Pass,
            format!("the right to apply to {commissioner} is given"),
            ev,
        );
    }

    // Neither confirm nor deny: the NCND provision is named.
    if !ncnd_outcome {
        b.not_applicable(
            "ncnd_provision",
            "the letter does not neither-confirm-nor-deny",
        );
    } else {
        let ncnd_cites: Vec<Excerpt> = references
            .iter()
            .filter(|r| r.role == RefRole::Ground || r.rule.as_deref() == Some("foisa:s18"))
            .filter(|r| {
                r.rule.as_deref() == Some("foisa:s18")
                    || r.rule
                        .as_deref()
                        .and_then(|id| rules.get(id))
                        .and_then(|rule| rule.ncnd.as_deref())
                        .is_some_and(|n| ncnd_limb(&r.provision, n))
            })
            .map(|r| excerpt(text, r.span()))
            .collect();
        if ncnd_cites.is_empty() {
            b.push(
                "ncnd_provision",
                CheckResult::Fail,
                "the letter neither confirms nor denies but cites no NCND provision",
                Vec::new(),
            );
        } else {
            b.push(
                "ncnd_provision",
                CheckResult::Pass,
                "the NCND provision is cited",
                ncnd_cites,
            );
        }
    }

    Assessment {
        outcome,
        checks: b.checks,
        public_interest_test,
        review_rights,
    }
}

/// True when a cited provision is the NCND limb `ncnd` or one of its lettered successors:
/// `40(5B)(a)(i)` is a limb of `40(5)`, `24(2)` of `24(2)`.
fn ncnd_limb(cited: &str, ncnd: &str) -> bool {
    provision_starts_with(cited, ncnd) || cited.starts_with(ncnd.trim_end_matches(')'))
}

/// True when the number at `figure` measures the search of a cost refusal rather than answers:
/// its sentence speaks of the work ("we would need to check each of our 62 schools"), or the
/// number comes again in the estimate ("... around 3,200 plans. We would need to search 3,200
/// records").
fn sized_search(text: &Text<'_>, figure: Span) -> bool {
    let src = text.as_str();
    if SEARCH_WORK.is_match(window(src, text.sentence_at(figure.start), figure).slice(src)) {
        return true;
    }
    let token = figure.slice(src);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    src.match_indices(token)
        .filter(|&(i, t)| {
            i != figure.start
                && !digit(src[..i].chars().next_back())
                && !digit(src[i + t.len()..].chars().next())
        })
        .any(|(i, t)| {
            let at = Span::new(i, i + t.len());
            let s = window(src, text.sentence_at(i), at).slice(src);
            ESTIMATE_CONTEXT.is_match(s) || ESTIMATE_WORD.is_match(s)
        })
}

/// True for "1." / "(2)" / "3)" list numbering.
fn list_marker(src: &str, start: usize, end: usize) -> bool {
    let line_start = src[..start]
        .bytes()
        .rev()
        .take(80)
        .position(|b| b == b'\n')
        .map_or(start.saturating_sub(80), |i| start - i);
    let mut line_start = line_start;
    while !src.is_char_boundary(line_start) {
        line_start += 1;
    }
    let before = src[line_start..start].trim();
    let after = src[end..].chars().next();
    (before.is_empty() || before == "(" || before.ends_with(['•', '-', '*', 'Q', 'q']))
        && matches!(after, Some('.' | ')' | ':'))
        || before.ends_with('(') && after == Some(')')
}

/// Numbers the letter gives as answers (see [`figures`]), at most `limit`. In a cost refusal
/// (`cost_refusal`) the counts of records or items to be searched are not answers, nor is any
/// number where the letter argues the cost (`cost_argument`: "There were 41 cardholders and
/// some 19,800 transactions ... about 330 hours").
fn answer_figures(
    text: &Text<'_>,
    limit: usize,
    cost_refusal: bool,
    cost_argument: &[Span],
) -> Vec<Span> {
    let src = text.as_str();
    let mut out = Vec::new();
    // The long quotations of the letter, found when a figure first needs them.
    let mut quotes: Option<Vec<Span>> = None;
    // Figures count only outside every zone: the text between the zones is read.
    let mut unzoned: Vec<Span> = Vec::new();
    let mut at = 0;
    for z in text.zones() {
        if z.span.start > at {
            unzoned.push(Span::new(at, z.span.start));
        }
        at = at.max(z.span.end);
    }
    if at < src.len() {
        unzoned.push(Span::new(at, src.len()));
    }
    for m in figures::figures_in(src, &unzoned) {
        let start = m.start;
        if !own(text, start) || text.zone_at(start).is_some() {
            continue;
        }
        let token = m.slice(src).trim_end_matches([',', '.']);
        let end = start + token.len();
        let pounds = token.starts_with('£');
        let token = token.trim_start_matches('£');
        // The whole part: pence and decimals do not make a number long.
        let whole = token.split('.').next().unwrap_or(token);
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        // Years, dates, small list numbers, the cost limits and long reference or phone
        // numbers are not answers; nor is a number with a leading zero (a dialling code or a
        // reference), a ratio or clock time ("1:1", "10:30"), or a count of attachments.
        let value: u64 = digits.parse().unwrap_or(0);
        if digits.is_empty()
            || (1900..=2099).contains(&value) && !token.contains(',')
            || digits.len() > 7
            || digits.len() > 1 && digits.starts_with('0')
            || value < 10 && !pounds && list_marker(src, start, end)
            || pounds && (value == 450 || value == 600)
        {
            continue;
        }
        let after_colon = src[end..].strip_prefix(':');
        if after_colon.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
            || src[..start].ends_with(':')
                && src[..start - 1].ends_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let after = src.get(end..(end + 40).min(src.len())).unwrap_or("");
        let before_start = start.saturating_sub(30);
        let mut b = before_start;
        while b > 0 && !src.is_char_boundary(b) {
            b -= 1;
        }
        let before = src.get(b..start).unwrap_or("");
        if NOT_AN_ANSWER.is_match(after)
            || NOT_AN_ANSWER_BEFORE.is_match(before)
            || REQUESTER_HISTORY_BEFORE.is_match(before)
            || PHONE_BEFORE.is_match(before)
        {
            continue;
        }
        if after.starts_with(['/', '-']) || before.ends_with(['/', '-']) {
            continue;
        }
        // In a cost refusal, counts of records, items or e-mails are the size of the search.
        if cost_refusal && COUNTED_ITEMS.is_match(after)
            || cost_argument
                .iter()
                .any(|p| p.start <= start && start < p.end)
        {
            continue;
        }
        // Attachment lists: file names and sizes.
        let line = text
            .lines()
            .line_span(src, text.lines().line_of(start))
            .map_or(Span::new(start, end), |l| {
                window(src, l, Span::new(start, end))
            });
        let line = line.slice(src).to_ascii_lowercase();
        if [
            ".pdf", ".doc", ".xls", ".csv", ".png", ".jpg", ".msg", ".zip",
        ]
        .iter()
        .any(|x| line.contains(x))
        {
            continue;
        }
        // Telephone and fax lines, and a number alone under a "Telephone" label.
        if PHONE_LINE.is_match(&line) || alone_under_phone_label(text, start, &line) {
            continue;
        }
        // Reference numbers, addresses, provisions quoted from a statute, and the requester's
        // words quoted back or restated after "You asked for:".
        if reference_or_address(src, &line, Span::new(start, end), token)
            || restated_request(text, start)
            || under_request_heading(src, start)
            || quotes
                .get_or_insert_with(|| long_quotes(src))
                .iter()
                .any(|q| q.start < start && end <= q.end)
        {
            continue;
        }
        // Figures in a sentence about the cost of answering are estimates (checked last: it
        // needs the sentence). The sentence's window lies inside the same window of the
        // paragraph, so a paragraph window without cost wording settles it without segmenting.
        let here = Span::new(start, end);
        let costed = cost_refusal || !cost_argument.is_empty();
        let estimate =
            |s: &str| ESTIMATE_CONTEXT.is_match(s) || costed && ESTIMATE_WORD.is_match(s);
        if estimate(window(src, text.paragraph_at(start), here).slice(src))
            && estimate(window(src, text.sentence_at(start), here).slice(src))
        {
            continue;
        }
        out.push(Span::new(start, end));
        if out.len() >= limit {
            break;
        }
    }
    out
}

/// True when the number at `figure` (its digits `token`, on the lower-cased `line`) is a
/// reference number ("Case Number 6536", "Request ABC 12345", a reference heading), part of an
/// address (a street number, a line with a postcode) or the number of a provision quoted from a
/// statute ("12.—(4) For the purposes ...", "36 (2) Information ...").
fn reference_or_address(src: &str, line: &str, figure: Span, token: &str) -> bool {
    let line_start = figure.start.saturating_sub(
        src[..figure.start]
            .bytes()
            .rev()
            .take(200)
            .position(|b| b == b'\n')
            .unwrap_or(200.min(figure.start)),
    );
    let mut b = line_start;
    while b > 0 && !src.is_char_boundary(b) {
        b -= 1;
    }
    let prefix = &src[b..figure.start];
    let after = src
        .get(figure.end..(figure.end + 60).min(src.len()))
        .unwrap_or("");
    // A plain number of three or more digits (no thousands comma, pounds, decimals or per
    // cent): the kind a reference is.
    let plain = |min: usize| token.len() >= min && token.bytes().all(|b| b.is_ascii_digit());
    if REFERENCE_BEFORE.is_match(prefix) || plain(3) && CODE_BEFORE.is_match(prefix) {
        return true;
    }
    let trimmed = line.trim_start();
    if REFERENCE_LINE_START.is_match(trimmed) {
        return true;
    }
    // A short heading line naming a request, case or reference: its long number is the
    // reference, not an answer.
    let plain = plain(4);
    if plain && line.split_whitespace().count() <= 10 && REFERENCE_WORDS.is_match(line) {
        return true;
    }
    STATUTE_AFTER.is_match(after) || STREET_AFTER.is_match(after) || POSTCODE.is_match(line)
}

/// True when the number at `offset` stands alone on its line (`line`, lower-cased) and the line
/// above, skipping blank ones, is a telephone or fax label.
fn alone_under_phone_label(text: &Text<'_>, offset: usize, line: &str) -> bool {
    if line.split_whitespace().count() != 1 {
        return false;
    }
    let src = text.as_str();
    let lines = text.lines();
    let mut n = lines.line_of(offset);
    for _ in 0..4 {
        if n <= 1 {
            return false;
        }
        n -= 1;
        let Some(l) = lines.line_span(src, n) else {
            return false;
        };
        let above = l.slice(src).trim();
        if above.is_empty() {
            continue;
        }
        return PHONE_LINE.is_match(&above.to_ascii_lowercase()) && above.len() < 20;
    }
    false
}

/// True when the paragraph holding `offset` restates the request: the text just before it ends
/// "You asked for the following information:", "Your request:", "You wrote:"; or its sentence
/// does ("You asked for the complaints received in Ward 7 during 2022.").
fn restated_request(text: &Text<'_>, offset: usize) -> bool {
    let src = text.as_str();
    let para = text.paragraph_at(offset);
    let b = gate::floor(src, para.start.saturating_sub(160));
    let before = &src[b..para.start];
    RESTATES_REQUEST.is_match(before) && !OPENS_ANSWERS.is_match(before)
        || RESTATING_SENTENCE.is_match(text.sentence_at(offset).slice(src))
}

/// True when `offset` lies under a request heading ("Request", "Your questions") at most
/// [`HEADING_BACK`] bytes before it, with no answer heading ("Answer", "Our response") since.
///
/// The heading patterns match only lines of a few words (every line of a match holds at most
/// [`HEADING_CHARS`] chars besides white space), so only the text from the line
/// [`HEADING_BACK`] bytes back (and the short lines just above it, which a heading may run
/// over) to the end of the short lines at `offset` is searched: it finds there what a search
/// of the whole letter finds.
fn under_request_heading(src: &str, offset: usize) -> bool {
    let bytes = src.as_bytes();
    let line_start = |i: usize| memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
    let line_end = |i: usize| memchr::memchr(b'\n', &bytes[i..]).map_or(src.len(), |j| i + j);
    // A line that may be part of a heading: at most so many ASCII chars besides white space.
    let short = |from: usize, to: usize| {
        bytes[from..to]
            .iter()
            .filter(|b| b.is_ascii() && !b.is_ascii_whitespace())
            .nth(HEADING_CHARS)
            .is_none()
    };
    let mut from = line_start(gate::floor(src, offset.saturating_sub(HEADING_BACK)));
    while from > 0 {
        let above = line_start(from - 1);
        if !short(above, from - 1) {
            break;
        }
        from = above;
    }
    let mut to = line_start(offset.min(src.len()));
    loop {
        let end = line_end(to);
        if !short(to, end) {
            break;
        }
        to = end;
        if end >= src.len() {
            break;
        }
        to = end + 1;
    }
    let to = to.max(from);
    let text = &src[from..to];
    let last = |re: &regex::Regex| {
        re.find_iter(text)
            .map(|m| from + m.start())
            .take_while(|&at| at < offset)
            .last()
    };
    // The last heading before `offset` (a request heading where both start at one place).
    let heading = match (last(&REQUEST_HEADING), last(&ANSWER_HEADING)) {
        (Some(r), Some(a)) if a > r => None,
        (Some(r), _) => Some(r),
        _ => None,
    };
    heading.is_some_and(|at| offset - at <= HEADING_BACK)
}

/// How far back [`under_request_heading`] looks for a request heading.
const HEADING_BACK: usize = 600;

/// The most chars other than white space on one line of a request or answer heading ("original
/// information requested:" has 29).
const HEADING_CHARS: usize = 30;

/// The long quotations of `src` ("“...”" over 80 bytes): the requester's words quoted back.
fn long_quotes(src: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let finder = memchr::memmem::find_iter(src.as_bytes(), "“".as_bytes());
    let mut after = 0;
    for open in finder {
        if open < after {
            continue;
        }
        let Some(close) = memchr::memmem::find(&src.as_bytes()[open..], "”".as_bytes()) else {
            break;
        };
        let end = open + close;
        if close > 80 {
            out.push(Span::new(open, end));
        }
        after = end;
    }
    out
}

/// Finds public interest arguments in the authority's own text (its stretches `own_text`) and
/// attaches each to the qualified ground (relied on or weighed) whose evidence comes last
/// before it.
fn attach_public_interest(text: &Text<'_>, own_text: &[Span], findings: &mut [Finding]) {
    let src = text.as_str();
    let anchors: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Kind::Qualified && f.status != Status::Disclaimed)
        .flat_map(|(i, f)| f.evidence.iter().map(move |e| (e.start, i)))
        .collect();
    if anchors.is_empty() {
        return;
    }
    let mut seen: Vec<Span> = Vec::new();
    let mut hits: Vec<Span> = [
        &PUBLIC_INTEREST,
        &PIT_CONCLUSION,
        &FOR_DISCLOSURE,
        &FOR_WITHHOLDING,
    ]
    .into_iter()
    .flat_map(|g| gate::find_iter_in(text, g, own_text))
    .collect();
    hits.sort_by_key(|m| m.start);
    for m in hits {
        if !own(text, m.start) {
            continue;
        }
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
        let s = window(src, sentence, m);
        let body = s.slice(src);
        let pi = findings[i]
            .public_interest
            .get_or_insert_with(PublicInterest::default);
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
    for f in findings.iter_mut() {
        if f.public_interest.as_ref().is_some_and(|p| {
            p.for_disclosure.is_empty() && p.for_withholding.is_empty() && p.conclusion.is_none()
        }) {
            f.public_interest = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`under_request_heading`] as a search of the whole letter reads it.
    fn under_request_heading_whole(src: &str, offset: usize) -> bool {
        let mut headings: Vec<(usize, bool)> = REQUEST_HEADING
            .find_iter(src)
            .map(|m| (m.start(), true))
            .chain(ANSWER_HEADING.find_iter(src).map(|m| (m.start(), false)))
            .collect();
        headings.sort_unstable();
        let before = headings.partition_point(|&(at, _)| at < offset);
        before > 0 && {
            let (at, request) = headings[before - 1];
            request && offset - at <= HEADING_BACK
        }
    }

    #[test]
    fn a_request_heading_is_found_as_in_the_whole_letter() {
        let filler = "We have searched our records for the figures you asked about. ".repeat(12);
        let mut letters = crate::test_support::letter_files();
        // Short letters of my own: headings alone on a line, over two lines, with blank lines
        // between their words, far from and near to the figures, and answer headings after.
        letters.extend([
            "Your request:\nHow many 12 permits?\nOur response:\nThere were 40.".to_string(),
            format!("Request\n{filler}\n14 permits\nAnswer\n15 permits"),
            format!("Your\n\n  request\n{filler} 16\n\nthe\ninformation\nrequested:\n17 and 18"),
            format!("{filler}\nQuestions\n19\n{filler}\n20\nResponse\n21"),
            "request\n22".to_string(),
        ]);
        let mut compared = 0;
        for letter in &letters {
            for (offset, _) in letter.char_indices().step_by(7) {
                assert_eq!(
                    under_request_heading(letter, offset),
                    under_request_heading_whole(letter, offset),
                    "at {offset} of {letter:?}"
                );
                compared += 1;
            }
        }
        assert!(compared > 1000, "only {compared} offsets compared");
    }

    #[test]
    fn an_estimated_value_is_an_answer_unless_the_letter_argues_cost() {
        let kind = |t: &str| crate::Classifier::new().classify(t).outcome.kind;
        // An estimate given as the answer: the value is given, the rates withheld.
        let text = "1. The value of the contract\n\nIts estimated value over five years is £3.4 million.\n\n2. The day rates\n\nThe day rates are withheld under section 43(2).";
        assert_eq!(kind(text), OutcomeKind::Partial);
        // In a cost refusal the estimate sizes the work.
        let text = "We estimate that there are 2,600 case files, and reading each would take far more than the 18 hours the limit allows, so we are refusing your request under section 12.";
        assert_eq!(kind(text), OutcomeKind::Refused);
    }
}
