//! The outcome of a letter, as a pure function of what each part of the request got.
//!
//! A letter is read as *parts*: each answer of a question-and-answer letter is a part, and the
//! rest of the letter (all of it, when it has no such layout) is one more. Each part carries
//! *dispositions* ([`Disposition`]), each with the span that set it: information provided in
//! the text or attached, not held, withheld under a ground relied on, refused on cost or as
//! vexatious, pointed to where it is published or to the body that holds it, declined without a
//! stated ground, a response said to be attached without saying what it gives, neither confirmed
//! nor denied; and the non-decision kinds (acknowledgement, clarification, extension).
//! [`decide`] turns the parts into an [`OutcomeKind`] with the spans that decided it. The
//! wording that sets each disposition is data (`data/outcome/*.toml`); the reading of a letter
//! into parts is in `dispositions.rs`.
//!
//! The rules of [`decide`], in order (also in `docs/outcome.md`):
//! 1. neither confirm nor deny beside a ground relied on, with nothing given and nothing pointed
//!    to: **ncnd** (**not_held** when the rest is said not to be held); beside something given,
//!    the rules below decide;
//! 2. only pointed to published information (s.21), nothing stated, nothing not held, no answer
//!    given: **redirected**;
//! 3. only the EIR exception for information not held, no answer or information given:
//!    **not_held**;
//! 4. any other ground relied on: **partial** when something is given beside it (stated,
//!    attached, figures, answers beside refused or not-held answers, a release with redactions
//!    or said to be withheld in part, or a redirection that also says something more), else
//!    **refused**;
//! 5. withheld in part with no ground found: **partial**;
//! 6. the request treated as invalid, nothing given: **refused**;
//! 7. a review upholding a response that engaged exemptions: **partial**;
//! 8. more time, a request to clarify, an acknowledgement, each when nothing is given or framed
//!    as an answer (an acknowledgement also only when the requester is not told to ask another
//!    body or pointed to a publication): **extension**, **clarification**, **acknowledgement**;
//! 9. something not held (or declined) beside something given: **partial**;
//! 10. held by another body and the requester told to ask it: **redirected**; nothing held (or
//!     held only by another body): **not_held**;
//! 11. the response said to be attached, nothing said of what it gives: **unclear**; pointed
//!     to where it is published (no ground cited), or told to send the request to another body,
//!     nothing else given: **redirected**; declined without a ground and nothing given:
//!     **unclear**;
//! 12. something given (answers of a question-and-answer layout count when every one of two
//!     or more gives something, or one does beside answers refused or not held), or an answer
//!     framed in the text: **granted**; else **unclear**.

use crate::vocab::{OutcomeKind, Span};

/// What one part of the request got, as the letter says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Disposition {
    /// Information given in the text ("the figures are as follows").
    Provided,
    /// Figures given as answers.
    Figure,
    /// An answer of a question-and-answer letter that gives something.
    Answered,
    /// Information said to be attached or enclosed (with what it gives).
    Attached,
    /// Attached, in the sentence that says the response is attached: something is given, but
    /// not said what.
    Enclosed,
    /// An answer framed as set out in the text ("our response is below").
    Framing,
    /// Part held and given, part not held.
    PartlyHeld,
    /// Not held.
    NotHeld,
    /// The EIR exception for information not held, relied on.
    NotHeldGround,
    /// Held by another body: the requester is pointed there.
    Transferred,
    /// The requester is told to ask another body.
    Referred,
    /// Withheld under an exemption or exception relied on.
    Withheld,
    /// Released with parts removed under a ground relied on.
    Redacted,
    /// Said to be withheld or redacted in part, the rest given.
    PartlyWithheld,
    /// Refused on the cost of compliance.
    Cost,
    /// Refused as vexatious or repeated.
    Vexatious,
    /// Pointed to where it is already published (s.21).
    Published,
    /// Pointed to where it is already published, with no ground cited.
    PublishedPointer,
    /// Said not to be given, with no ground stated here ("we are unable to provide the list").
    Declined,
    /// The request is not treated as valid.
    Invalid,
    /// The response is said to be attached, without saying what it gives.
    ResponseAttached,
    /// Signs that the message's content is in attachments listed beside it.
    AttachmentOnly,
    /// Neither confirmed nor denied.
    Ncnd,
    /// A review upholds the original response.
    ReviewUpheld,
    /// Exemptions were engaged (in the response a review looks at).
    ExemptionsEngaged,
    /// The request was received and will be answered.
    Acknowledgement,
    /// The requester is asked to clarify.
    Clarification,
    /// More time is taken, or no decision is reached yet.
    Extension,
}

use Disposition as D;

/// The grounds relied on.
const GROUNDS: [Disposition; 5] = [
    D::Withheld,
    D::Cost,
    D::Vexatious,
    D::Published,
    D::NotHeldGround,
];

/// A disposition and the span that set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// What the part got.
    pub disposition: Disposition,
    /// Where the letter says so.
    pub span: Span,
}

/// One part of the request and what it got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Part {
    /// True for an answer of a question-and-answer letter; false for the rest of the letter.
    pub answer: bool,
    /// Its dispositions, in order of position.
    pub marks: Vec<Mark>,
}

impl Part {
    fn has(&self, ds: &[Disposition]) -> bool {
        self.marks.iter().any(|m| ds.contains(&m.disposition))
    }
}

/// The outcome and the spans that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decision {
    /// The kind of answer.
    pub kind: OutcomeKind,
    /// The spans of the dispositions that decided it.
    pub evidence: Vec<Span>,
}

/// Decides the outcome from the parts' dispositions (rules in the module docs).
pub(crate) fn decide(parts: &[Part]) -> Decision {
    let read = Reading::of(parts);
    read.by_grounds()
        .or_else(|| read.by_reply())
        .unwrap_or_else(|| read.by_what_is_given())
}

/// What the parts' dispositions come to, as the rules of [`decide`] read them.
struct Reading<'a> {
    parts: &'a [Part],
    /// The spans of the grounds relied on.
    grounds: Vec<Span>,
    /// Information said to be given, in the text or attached.
    stated: Vec<Span>,
    /// Figures given as answers.
    figures: Vec<Span>,
    /// Everything that gives something: stated, enclosed, figures, and an answer given beside
    /// answers refused or not held.
    disclosed: Vec<Span>,
    /// Not held, in part or at all (held elsewhere is not held here).
    not_held: Vec<Span>,
    /// How many answers of a question-and-answer layout give something.
    answered: usize,
    /// Every answer of a layout of two or more gives something.
    all_answered: bool,
    /// An answer is framed as set out in the text.
    framed: bool,
}

fn decision(kind: OutcomeKind, evidence: Vec<Span>) -> Decision {
    Decision { kind, evidence }
}

fn join(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    a.extend(b);
    a
}

impl<'a> Reading<'a> {
    fn of(parts: &'a [Part]) -> Reading<'a> {
        let mut read = Reading {
            parts,
            grounds: Vec::new(),
            stated: Vec::new(),
            figures: Vec::new(),
            disclosed: Vec::new(),
            not_held: Vec::new(),
            answered: 0,
            all_answered: false,
            framed: false,
        };
        read.grounds = read.spans(&GROUNDS);
        read.stated = read.spans(&[D::Provided, D::Attached, D::PartlyHeld, D::PartlyWithheld]);
        read.figures = read.spans(&[D::Figure]);
        read.answered = parts
            .iter()
            .filter(|p| p.answer && p.has(&[D::Answered]))
            .count();
        let unanswered = parts.iter().any(|p| {
            p.answer
                && p.has(&[
                    D::Withheld,
                    D::Cost,
                    D::Vexatious,
                    D::Published,
                    D::NotHeldGround,
                    D::NotHeld,
                    D::PartlyHeld,
                    D::Transferred,
                    D::Declined,
                ])
        });
        // An attachment that holds the response gives something beside a refusal or a part not
        // held, but on its own it does not say what.
        let mut disclosed = read.stated.clone();
        disclosed.extend(read.spans(&[D::Enclosed]));
        disclosed.extend(&read.figures);
        // Answers given beside answers refused or not held.
        if read.answered > 0 && unanswered {
            disclosed.extend(read.spans(&[D::Answered]).into_iter().take(1));
        }
        read.disclosed = disclosed;
        read.not_held = read.spans(&[D::NotHeld, D::PartlyHeld, D::Transferred]);
        // A layout of answers every one of which gives something ("None.", "Yes, since 2019"):
        // read last, when nothing else has decided (where a layout is misread, its "answers"
        // are the letter's own paragraphs, and what the rest says decides).
        let answers = parts.iter().filter(|p| p.answer).count();
        read.all_answered = read.answered >= 2 && read.answered == answers;
        read.framed = read.has(D::Framing);
        read
    }

    fn marks(&self) -> impl Iterator<Item = &'a Mark> + 'a {
        self.parts.iter().flat_map(|p| p.marks.iter())
    }

    /// The spans of the marks of any of `ds`, in order.
    fn spans(&self, ds: &[Disposition]) -> Vec<Span> {
        self.marks()
            .filter(|m| ds.contains(&m.disposition))
            .map(|m| m.span)
            .collect()
    }

    fn has(&self, d: Disposition) -> bool {
        self.marks().any(|m| m.disposition == d)
    }

    /// Some ground is relied on, and every one is `d`.
    fn only_ground(&self, d: Disposition) -> bool {
        !self.grounds.is_empty()
            && self
                .marks()
                .filter(|m| GROUNDS.contains(&m.disposition))
                .all(|m| m.disposition == d)
    }

    /// Rules 1-4: a ground relied on decides (ncnd, redirected, not held, partial or refused).
    fn by_grounds(&self) -> Option<Decision> {
        let grounds = || self.grounds.clone();
        let not_held = || self.not_held.clone();
        let disclosed = &self.disclosed;
        if self.has(D::Ncnd)
            && !self.grounds.is_empty()
            && disclosed.is_empty()
            && !self.has(D::Published)
        {
            // Neither confirming nor denying the rest of a request that says nothing is held
            // is a not-held answer with a residue.
            return Some(if self.not_held.is_empty() {
                decision(OutcomeKind::Ncnd, self.spans(&[D::Ncnd]))
            } else {
                decision(
                    OutcomeKind::NotHeld,
                    join(not_held(), self.spans(&[D::Ncnd])),
                )
            });
        }
        if self.only_ground(D::Published)
            && self.stated.is_empty()
            && self.not_held.is_empty()
            && self.answered == 0
        {
            // Figures beside a redirection describe the published source.
            return Some(decision(OutcomeKind::Redirected, grounds()));
        }
        if self.only_ground(D::NotHeldGround) && self.answered == 0 && disclosed.is_empty() {
            return Some(decision(OutcomeKind::NotHeld, join(grounds(), not_held())));
        }
        if self.grounds.is_empty() {
            return None;
        }
        // A redirection that gets here also says something more: given, answered or not held.
        Some(
            if !disclosed.is_empty() || self.has(D::Redacted) || self.only_ground(D::Published) {
                decision(
                    OutcomeKind::Partial,
                    join(
                        join(disclosed.clone(), self.spans(&[D::Redacted])),
                        grounds(),
                    ),
                )
            } else {
                decision(OutcomeKind::Refused, join(grounds(), not_held()))
            },
        )
    }

    /// Rules 5-8, no ground relied on: withheld in part, invalid, a review upheld, and the
    /// replies that decide nothing yet (extension, clarification, acknowledgement).
    fn by_reply(&self) -> Option<Decision> {
        let disclosed = &self.disclosed;
        let framed = self.framed;
        if self.has(D::PartlyWithheld) && self.grounds.is_empty() {
            // Withheld in part with no ground found: still some given, some not.
            return Some(decision(
                OutcomeKind::Partial,
                self.spans(&[D::PartlyWithheld]),
            ));
        }
        if self.has(D::Invalid) && disclosed.is_empty() {
            return Some(decision(OutcomeKind::Refused, self.spans(&[D::Invalid])));
        }
        let upheld = self.has(D::ReviewUpheld);
        if upheld
            && disclosed.is_empty()
            && self.not_held.is_empty()
            && self.has(D::ExemptionsEngaged)
        {
            return Some(decision(
                OutcomeKind::Partial,
                self.spans(&[D::ReviewUpheld, D::ExemptionsEngaged]),
            ));
        }
        if self.has(D::Extension) && disclosed.is_empty() && !framed && !upheld {
            return Some(decision(
                OutcomeKind::Extension,
                self.spans(&[D::Extension]),
            ));
        }
        if self.has(D::Clarification) && disclosed.is_empty() && self.not_held.is_empty() && !framed
        {
            return Some(decision(
                OutcomeKind::Clarification,
                self.spans(&[D::Clarification]),
            ));
        }
        if self.has(D::Acknowledgement)
            && disclosed.is_empty()
            && self.not_held.is_empty()
            && !framed
            && !self.has(D::ResponseAttached)
            && !self.has(D::Referred)
            && !self.has(D::PublishedPointer)
            && !upheld
        {
            return Some(decision(
                OutcomeKind::Acknowledgement,
                self.spans(&[D::Acknowledgement]),
            ));
        }
        None
    }

    /// Rules 9-12: what is given, not held, pointed to or declined decides.
    fn by_what_is_given(&self) -> Decision {
        let has = |d| self.has(d);
        let spans = |ds: &[Disposition]| self.spans(ds);
        let declined = spans(&[D::Declined]);
        let Reading {
            disclosed,
            not_held,
            stated,
            figures,
            framed,
            all_answered,
            ..
        } = self;
        let framed = *framed;
        if !disclosed.is_empty() && (!not_held.is_empty() || !declined.is_empty()) {
            return decision(
                OutcomeKind::Partial,
                join(disclosed.clone(), join(not_held.clone(), declined)),
            );
        }
        if has(D::Transferred) && has(D::Referred) {
            // "We do not hold it; ask the X, who does": pointed to the body that holds it.
            return decision(
                OutcomeKind::Redirected,
                spans(&[D::Transferred, D::Referred]),
            );
        }
        if !not_held.is_empty() {
            return decision(OutcomeKind::NotHeld, not_held.clone());
        }
        if has(D::ResponseAttached)
            && figures.len() < 2
            && (stated.is_empty() || has(D::AttachmentOnly))
        {
            // The answer itself is in an attachment the text does not show.
            return decision(OutcomeKind::Unclear, spans(&[D::ResponseAttached]));
        }
        if has(D::PublishedPointer) && disclosed.is_empty() && !framed {
            // Pointed to where it is published, nothing else given or said not to be held.
            return decision(OutcomeKind::Redirected, spans(&[D::PublishedPointer]));
        }
        if has(D::Referred) && disclosed.is_empty() && !framed {
            // Told to send the request to another body, nothing given and nothing said not to
            // be held here: pointed to the body that holds it.
            return decision(OutcomeKind::Redirected, spans(&[D::Referred]));
        }
        if !declined.is_empty() && disclosed.is_empty() {
            // Declined, with no ground given: what it comes to cannot be told.
            return decision(OutcomeKind::Unclear, declined);
        }
        if !disclosed.is_empty() || framed {
            return decision(
                OutcomeKind::Granted,
                join(disclosed.clone(), spans(&[D::Framing])),
            );
        }
        if *all_answered {
            return decision(OutcomeKind::Granted, spans(&[D::Answered]));
        }
        decision(OutcomeKind::Unclear, spans(&[D::AttachmentOnly]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part with the given dispositions, each at its own span.
    fn part(answer: bool, ds: &[Disposition]) -> Part {
        Part {
            answer,
            marks: ds
                .iter()
                .enumerate()
                .map(|(i, &d)| Mark {
                    disposition: d,
                    span: Span::new(i * 10, i * 10 + 5),
                })
                .collect(),
        }
    }

    fn kind(parts: &[Part]) -> OutcomeKind {
        decide(parts).kind
    }

    fn letter(ds: &[Disposition]) -> OutcomeKind {
        kind(&[part(false, ds)])
    }

    #[test]
    fn nothing_said_is_unclear() {
        assert_eq!(letter(&[]), OutcomeKind::Unclear);
    }

    #[test]
    fn given_is_granted() {
        assert_eq!(letter(&[D::Provided]), OutcomeKind::Granted);
        assert_eq!(letter(&[D::Attached]), OutcomeKind::Granted);
        assert_eq!(letter(&[D::Figure, D::Figure]), OutcomeKind::Granted);
        assert_eq!(letter(&[D::Framing]), OutcomeKind::Granted);
    }

    #[test]
    fn a_cover_note_is_unclear() {
        assert_eq!(letter(&[D::ResponseAttached]), OutcomeKind::Unclear);
        assert_eq!(
            letter(&[D::ResponseAttached, D::Framing]),
            OutcomeKind::Unclear
        );
        assert_eq!(
            letter(&[D::ResponseAttached, D::Enclosed]),
            OutcomeKind::Unclear
        );
        // Beside a part not held, the attachment gave the rest.
        assert_eq!(
            letter(&[D::ResponseAttached, D::Enclosed, D::NotHeld]),
            OutcomeKind::Partial
        );
        // ... unless it says what the attachment gives.
        assert_eq!(
            letter(&[D::ResponseAttached, D::Attached]),
            OutcomeKind::Granted
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(letter(&[D::Withheld]), OutcomeKind::Refused);
        assert_eq!(letter(&[D::Cost]), OutcomeKind::Refused);
        assert_eq!(letter(&[D::Vexatious]), OutcomeKind::Refused);
        assert_eq!(letter(&[D::Withheld, D::Cost]), OutcomeKind::Refused);
        assert_eq!(letter(&[D::Invalid]), OutcomeKind::Refused);
        // Not-held wording beside a refusal does not make it partial.
        assert_eq!(letter(&[D::Withheld, D::NotHeld]), OutcomeKind::Refused);
    }

    #[test]
    fn given_beside_withheld_is_partial() {
        assert_eq!(letter(&[D::Provided, D::Withheld]), OutcomeKind::Partial);
        assert_eq!(letter(&[D::Redacted, D::Withheld]), OutcomeKind::Partial);
        assert_eq!(letter(&[D::Attached, D::Cost]), OutcomeKind::Partial);
    }

    #[test]
    fn answers_beside_refused_answers_are_partial() {
        let parts = [
            part(false, &[]),
            part(true, &[D::Answered]),
            part(true, &[D::Withheld]),
        ];
        assert_eq!(kind(&parts), OutcomeKind::Partial);
        let parts = [
            part(false, &[]),
            part(true, &[D::Answered]),
            part(true, &[D::NotHeld]),
        ];
        assert_eq!(kind(&parts), OutcomeKind::Partial);
        // Every answer given: nothing to set against.
        let parts = [part(false, &[D::Framing]), part(true, &[D::Answered])];
        assert_eq!(kind(&parts), OutcomeKind::Granted);
        // Two answers that give something are information given, framed or not.
        let parts = [
            part(false, &[]),
            part(true, &[D::Answered]),
            part(true, &[D::Answered]),
        ];
        assert_eq!(kind(&parts), OutcomeKind::Granted);
        // ... not beside something said not to be held in the rest of the letter.
        let parts = [
            part(false, &[D::NotHeld]),
            part(true, &[D::Answered]),
            part(true, &[D::Answered]),
        ];
        assert_eq!(kind(&parts), OutcomeKind::NotHeld);
        // ... and not when other answers of the layout give nothing that can be read.
        let parts = [
            part(false, &[]),
            part(true, &[D::Answered]),
            part(true, &[D::Answered]),
            part(true, &[]),
        ];
        assert_eq!(kind(&parts), OutcomeKind::Unclear);
    }

    #[test]
    fn not_held() {
        assert_eq!(letter(&[D::NotHeld]), OutcomeKind::NotHeld);
        assert_eq!(letter(&[D::NotHeldGround]), OutcomeKind::NotHeld);
        // Information given beside the EIR not-held exception: part given, part not held.
        assert_eq!(
            letter(&[D::NotHeldGround, D::Provided]),
            OutcomeKind::Partial
        );
        assert_eq!(letter(&[D::NotHeld, D::Provided]), OutcomeKind::Partial);
        assert_eq!(letter(&[D::PartlyHeld]), OutcomeKind::Partial);
    }

    #[test]
    fn ncnd_needs_a_ground() {
        assert_eq!(letter(&[D::Ncnd, D::Withheld]), OutcomeKind::Ncnd);
        assert_eq!(letter(&[D::Ncnd]), OutcomeKind::Unclear);
    }

    #[test]
    fn redirections() {
        assert_eq!(letter(&[D::Published]), OutcomeKind::Redirected);
        assert_eq!(letter(&[D::Published, D::Figure]), OutcomeKind::Redirected);
        assert_eq!(letter(&[D::Published, D::Provided]), OutcomeKind::Partial);
        assert_eq!(letter(&[D::Transferred]), OutcomeKind::NotHeld);
        assert_eq!(
            letter(&[D::Transferred, D::Referred]),
            OutcomeKind::Redirected
        );
        assert_eq!(
            letter(&[D::Transferred, D::NotHeld, D::Referred]),
            OutcomeKind::Redirected
        );
        assert_eq!(letter(&[D::Transferred, D::Provided]), OutcomeKind::Partial);
        // Pointed to a published source without citing s.21.
        assert_eq!(letter(&[D::PublishedPointer]), OutcomeKind::Redirected);
        assert_eq!(
            letter(&[D::PublishedPointer, D::NotHeld]),
            OutcomeKind::NotHeld
        );
        assert_eq!(
            letter(&[D::PublishedPointer, D::Figure, D::Figure]),
            OutcomeKind::Granted
        );
        // Not held, and another body suggested without saying it holds the information: the
        // held-out letters read this as not held.
        assert_eq!(letter(&[D::NotHeld, D::Referred]), OutcomeKind::NotHeld);
        // Only told to send the request elsewhere: redirected; beside information given, the
        // pointer is an aside.
        assert_eq!(letter(&[D::Referred]), OutcomeKind::Redirected);
        assert_eq!(
            letter(&[D::Referred, D::Acknowledgement]),
            OutcomeKind::Redirected
        );
        assert_eq!(letter(&[D::Referred, D::Provided]), OutcomeKind::Granted);
        assert_eq!(
            letter(&[D::PublishedPointer, D::Acknowledgement]),
            OutcomeKind::Redirected
        );
    }

    #[test]
    fn declined_without_a_ground() {
        assert_eq!(letter(&[D::Declined]), OutcomeKind::Unclear);
        assert_eq!(letter(&[D::Declined, D::Cost]), OutcomeKind::Refused);
        assert_eq!(letter(&[D::Declined, D::Provided]), OutcomeKind::Partial);
    }

    #[test]
    fn non_decisions() {
        assert_eq!(letter(&[D::Acknowledgement]), OutcomeKind::Acknowledgement);
        assert_eq!(letter(&[D::Clarification]), OutcomeKind::Clarification);
        assert_eq!(letter(&[D::Extension]), OutcomeKind::Extension);
        // Something given makes it a decision.
        assert_eq!(
            letter(&[D::Acknowledgement, D::Provided]),
            OutcomeKind::Granted
        );
        assert_eq!(letter(&[D::Extension, D::Framing]), OutcomeKind::Granted);
    }

    #[test]
    fn reviews() {
        assert_eq!(
            letter(&[D::ReviewUpheld, D::ExemptionsEngaged]),
            OutcomeKind::Partial
        );
        assert_eq!(
            letter(&[D::ReviewUpheld, D::Withheld]),
            OutcomeKind::Refused
        );
    }

    #[test]
    fn evidence_is_the_deciding_spans() {
        let d = decide(&[part(false, &[D::Acknowledgement, D::Provided, D::Withheld])]);
        assert_eq!(d.kind, OutcomeKind::Partial);
        assert_eq!(d.evidence, vec![Span::new(10, 15), Span::new(20, 25)]);
    }
}
