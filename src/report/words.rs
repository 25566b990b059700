//! Plain words for the codes of a report, shared by every rendering meant for people (the text
//! rendering, the HTML page of the command-line tool, the review request): a status is "relied
//! on", not `relied_on`; a check is "says which exemption applies", not `exemption_specified`.
//! JSON keeps the codes; each function here gives the words for one code, and
//! [`LEGEND`] explains the terms once.

use crate::text::ZoneKind;
use crate::vocab::{
    Act, Basis, CheckResult, Evidence, Finding, Jurisdiction, OutcomeKind, Qualification, Reason,
    Status, Via,
};

/// What a status means, in a few words: `relied on`, `mentioned only`, `disclaimed`.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::ReliedOn => "relied on",
        Status::Mentioned => "mentioned only",
        Status::Disclaimed => "disclaimed",
    }
}

/// How a ground was shown: `cited by number`, or `inferred from its wording`.
pub fn basis(b: Basis) -> &'static str {
    match b {
        Basis::Cited => "cited by number",
        Basis::Inferred => "inferred from its wording",
    }
}

/// What kind of ground it is: `absolute` (no public interest test), or `qualified` (it takes
/// one).
pub fn kind(q: Qualification) -> &'static str {
    match q {
        Qualification::Absolute => "absolute",
        Qualification::Qualified => "qualified",
    }
}

/// What fired for a span of evidence: `citation`, `strong cue`, `weak cue`, `wording`.
pub fn via(v: Via) -> &'static str {
    match v {
        Via::Citation => "citation",
        Via::StrongCue => "strong cue",
        Via::WeakCue => "supporting cue",
        Via::Concept => "the letter's own wording",
    }
}

/// The outcome in words: `granted`, `partly granted`, `information not held`, ...
pub fn outcome(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::Granted => "granted",
        OutcomeKind::Partial => "partly granted",
        OutcomeKind::Refused => "refused",
        OutcomeKind::NotHeld => "information not held",
        OutcomeKind::Ncnd => "neither confirmed nor denied",
        OutcomeKind::Redirected => "redirected (published elsewhere, or held by another body)",
        OutcomeKind::Acknowledgement => "acknowledgement",
        OutcomeKind::Clarification => "clarification sought",
        OutcomeKind::Extension => "extension",
        _ => "unclear",
    }
}

/// The regime in words: `FOIA 2000`, `EIR 2004`, `FOISA 2002`, `EISR 2004`, `mixed regimes`, an
/// Act the letter names, or `regime not stated`.
pub fn regime(j: &Jurisdiction) -> &str {
    match j {
        Jurisdiction::Foia => "FOIA 2000",
        Jurisdiction::Eir => "EIR 2004",
        Jurisdiction::Foisa => "FOISA 2002",
        Jurisdiction::Eisr => "EISR 2004",
        Jurisdiction::Mixed => "mixed regimes",
        Jurisdiction::Named(name) => name,
        _ => "regime not stated",
    }
}

/// A confidence in words: `high` (0.85 and over), `medium` (0.6 and over) or `low`.
pub fn confidence(c: f64) -> &'static str {
    if c >= 0.85 {
        "high"
    } else if c >= 0.6 {
        "medium"
    } else {
        "low"
    }
}

/// A check's result in words: `pass`, `fail`, `not applicable`.
pub fn result(r: CheckResult) -> &'static str {
    match r {
        CheckResult::Pass => "pass",
        CheckResult::Fail => "fail",
        _ => "not applicable",
    }
}

/// What a notice check asks, in words (`exemption_specified`: "says which exemption applies");
/// `None` for an id this version does not know.
pub fn check(id: &str) -> Option<&'static str> {
    Some(match id {
        "exemption_specified" => "says which exemption applies",
        "reasons_given" => "says why it applies",
        "public_interest_reasons" => "weighs the public interest",
        "harm_likelihood" => "says how likely the harm is",
        "cost_estimate" => "estimates the cost of complying",
        "advice_to_narrow" => "advises how to narrow the request",
        "review_procedure" => "explains how to ask for a review",
        "commissioner_rights" => "gives the right to go to the Commissioner",
        "ncnd_provision" => "says which provision allows neither confirming nor denying",
        "time_for_compliance" => "replied within the time limit",
        _ => return None,
    })
}

/// Why a span or a ground is not relied on, in a few words: `in quoted earlier mail`, `in the
/// rights and review paragraph`, ...
pub fn reason(r: Reason) -> &'static str {
    match r {
        Reason::QuotedMail => "in quoted earlier mail",
        Reason::Request => "in the request repeated back",
        Reason::Signature => "in a signature or footer",
        Reason::Boilerplate => "in the rights and review paragraph",
        Reason::Negated => "said not to apply",
        Reason::Reversed => "an earlier decision withdrawn",
        Reason::Considered => "only considered",
        Reason::Conditional => "only supposed (\"if ...\")",
        Reason::OthersWords => "someone else's words, or a question",
        Reason::General => "the law explained in general",
        Reason::Pending => "not yet decided",
        Reason::PublicInterestRelease => "the public interest favoured release",
        Reason::Earlier => "an earlier decision recounted",
    }
}

/// A finding's status in words, with why it is only mentioned or disclaimed when one cause
/// decided it: `relied on`, `mentioned only (in quoted earlier mail)`.
pub fn finding_status(f: &Finding) -> String {
    match f.reason() {
        Some(r) => format!("{} ({})", status(f.status), reason(r)),
        None => status(f.status).to_string(),
    }
}

/// The provisions of a finding as a reader writes them: `s.40(2), s.40(3)` (FOIA, FOISA),
/// `reg. 12(5)(e)` (EIR, EISR); empty when the finding names none.
pub fn provisions(f: &Finding) -> String {
    let prefix = provision_prefix(f.act);
    let listed: Vec<String> = f
        .provisions
        .iter()
        .map(|p| format!("{prefix}{p}"))
        .collect();
    listed.join(", ")
}

/// A short name for a finding's ground: its [`provisions`], else the provision its id names
/// ([`ground_of_id`]).
pub fn ground(f: &Finding) -> String {
    let listed = provisions(f);
    if listed.is_empty() {
        ground_of_id(&f.id)
    } else {
        listed
    }
}

/// The provision a ground id names, as a reader writes it: `foia:s43` is `s.43`,
/// `eir:r12(5)(e)` is `reg. 12(5)(e)`; an id of another shape is given as it is.
pub fn ground_of_id(id: &str) -> String {
    match split_code(id) {
        Some((_, prefix, number)) => format!("{prefix}{number}"),
        None => id.to_string(),
    }
}

/// A provision code (a check's or an argument's statutory hook) in words: `foia:s17(1)(b)` is
/// `FOIA s.17(1)(b)`, `eir:r14(3)(a)` is `EIR reg. 14(3)(a)`; a code of another shape (the
/// name of guidance, say) is given as it is.
pub fn provision(code: &str) -> String {
    match split_code(code) {
        Some((act, prefix, number)) => format!("{act} {prefix}{number}"),
        None => code.to_string(),
    }
}

/// `foia:s17(1)(b)`: (`FOIA`, `s.`, `17(1)(b)`), for the four UK regimes' codes.
fn split_code(code: &str) -> Option<(&'static str, &'static str, &str)> {
    let (act, local) = code.split_once(':')?;
    let (name, prefix, letter) = match act {
        "foia" => ("FOIA", "s.", 's'),
        "foisa" => ("FOISA", "s.", 's'),
        "eir" => ("EIR", "reg. ", 'r'),
        "eisr" => ("EISR", "reg. ", 'r'),
        _ => return None,
    };
    let number = local.strip_prefix(letter)?;
    number
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some((name, prefix, number))
}

/// `s.` for the Acts, `reg. ` for the Regulations.
fn provision_prefix(act: Act) -> &'static str {
    match act {
        Act::Eir | Act::Eisr => "reg. ",
        _ => "s.",
    }
}

/// The label of a ground's public interest arguments for disclosure.
pub const PUBLIC_INTEREST_FOR_DISCLOSURE: &str = "public interest for disclosure";

/// The label of a ground's public interest arguments for withholding.
pub const PUBLIC_INTEREST_FOR_WITHHOLDING: &str = "public interest for withholding";

/// The label of the conclusion the letter states on a ground's public interest test.
pub const PUBLIC_INTEREST_CONCLUSION: &str = "public interest conclusion";

/// What a zone of the letter holds, as a label for it: `earlier mail quoted below`, `the
/// request, repeated back`, ...
pub fn zone(kind: ZoneKind) -> &'static str {
    match kind {
        ZoneKind::Quoted => "earlier mail, quoted",
        ZoneKind::Forwarded => "earlier mail quoted below",
        ZoneKind::Request => "the request, repeated back",
        ZoneKind::Signature => "sign-off and signature",
        ZoneKind::Footer => "e-mail footer",
    }
}

/// The label of the paragraph that tells the requester how to ask for a review and complain
/// (standard wording, not the reasons for this decision).
pub const RIGHTS_PARAGRAPH: &str = "your rights to a review and to complain (standard wording)";

/// The note after a span of a finding's evidence: the part it is in, when the letter has
/// several (`(in response.pdf)`), and its own status and why, when that differs from the
/// finding's (`(mentioned only: in quoted earlier mail)`). Empty when there is nothing to say.
pub fn evidence_note(f: &Finding, e: &Evidence, several_parts: bool) -> String {
    let part = match e.part.as_deref() {
        Some(p) if several_parts => format!(" (in {p})"),
        _ => String::new(),
    };
    let why = match (e.status == f.status, e.reason) {
        (false, Some(r)) => format!(" ({}: {})", status(e.status), reason(r)),
        (false, None) => format!(" ({})", status(e.status)),
        _ => String::new(),
    };
    format!("{part}{why}")
}

/// The terms of a report, explained once for a reader: (term, meaning).
pub const LEGEND: &[(&str, &str)] = &[
    (
        "relied on",
        "the authority uses this ground to withhold information in this letter",
    ),
    (
        "mentioned only",
        "named but not applied: quoted, considered, explained in general, or in the rights paragraph",
    ),
    ("disclaimed", "the letter says the ground does not apply or is not relied on"),
    ("cited by number", "the letter gives the section or regulation number"),
    (
        "inferred from its wording",
        "no number is given; the letter's own words point to the ground",
    ),
    ("absolute", "no public interest test applies"),
    (
        "qualified",
        "the authority must also show the public interest favours withholding",
    ),
    (
        "confidence",
        "how strongly the letter's words support the reading: high, medium or low",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::NOTICE_CHECKS;

    #[test]
    fn every_notice_check_has_words() {
        for id in NOTICE_CHECKS {
            assert!(check(id).is_some(), "{id}");
        }
        assert_eq!(check("no_such_check"), None);
    }

    #[test]
    fn grounds_are_named_by_their_provisions() {
        let text = "The rates are withheld under section 43(2) of the Freedom of Information \
Act 2000, and the emails under regulation 12(5)(e) of the Environmental Information \
Regulations 2004.";
        let report = crate::Classifier::new().classify(text);
        let s43 = report.finding("foia:s43").expect("s.43");
        assert_eq!(provisions(s43), "s.43(2)");
        assert_eq!(ground(s43), "s.43(2)");
        let mut bare = s43.clone();
        bare.provisions.clear();
        assert_eq!(provisions(&bare), "");
        assert_eq!(ground(&bare), "s.43");
        let r12 = report.finding("eir:r12(5)(e)").expect("reg. 12(5)(e)");
        assert_eq!(ground(r12), "reg. 12(5)(e)");
        let mut bare = r12.clone();
        bare.provisions.clear();
        assert_eq!(ground(&bare), "reg. 12(5)(e)");
        assert_eq!(ground_of_id("foisa:s33"), "s.33");
        assert_eq!(ground_of_id("mine:rule"), "mine:rule");
        assert_eq!(provision("foia:s17(1)(b)"), "FOIA s.17(1)(b)");
        assert_eq!(provision("eisr:r16(4)"), "EISR reg. 16(4)");
        assert_eq!(provision("ico guidance"), "ico guidance");
        assert_eq!(provision("foia:sx"), "foia:sx");
    }

    #[test]
    fn confidence_bands() {
        assert_eq!(confidence(0.99), "high");
        assert_eq!(confidence(0.85), "high");
        assert_eq!(confidence(0.6), "medium");
        assert_eq!(confidence(0.59), "low");
    }

    #[test]
    fn a_ground_in_quoted_mail_says_so() {
        let text = "Thank you for your e-mail. We hold nothing further.\n\n\
-----Original Message-----\nFrom: Records Team\n\n\
The report is withheld under section 43(2) of the Freedom of Information Act 2000.\n";
        let report = crate::Classifier::new().classify(text);
        let f = report.finding("foia:s43").expect("s43 found");
        assert_eq!(f.status, Status::Mentioned);
        assert_eq!(finding_status(f), "mentioned only (in quoted earlier mail)");
    }

    #[test]
    fn evidence_notes_name_a_part_only_among_several() {
        let text = "The prices are withheld under section 43(2) of the Freedom of Information Act \
2000. We considered whether section 41 applies.";
        let report = crate::Classifier::new().classify(text);
        let f = report.finding("foia:s43").expect("s43 found");
        let mut e = f.evidence[0].clone();
        e.part = Some("body".into());
        assert_eq!(evidence_note(f, &e, false), "");
        assert_eq!(evidence_note(f, &e, true), " (in body)");
        e.status = Status::Mentioned;
        e.reason = Some(Reason::Considered);
        assert_eq!(
            evidence_note(f, &e, false),
            " (mentioned only: only considered)"
        );
    }

    #[test]
    fn a_ground_said_not_to_apply_says_so() {
        let text = "We do not rely on section 43(2) of the Freedom of Information Act 2000 \
for any part of this information.";
        let report = crate::Classifier::new().classify(text);
        let f = report.finding("foia:s43").expect("s43 found");
        assert_eq!(f.status, Status::Disclaimed);
        assert_eq!(finding_status(f), "disclaimed (said not to apply)");
    }
}
