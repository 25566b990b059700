//! The report: what the classifier found, in a form that serialises with serde.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::law::{Act, Jurisdiction, Qualification, RefKind};
use super::span::Span;

/// The default size limit of an input: of the text [`crate::Classifier::try_classify`] and
/// [`crate::Classifier::classify_bytes`] accept, and of what [`crate::input::read_document`]
/// unpacks: 256 MiB.
pub const DEFAULT_MAX_INPUT: usize = 256 * 1024 * 1024;

/// Version of the report format. Bumped when a field changes meaning or is removed.
pub const SCHEMA_VERSION: u32 = 1;

/// How a ground was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// A reference names the provision.
    Cited,
    /// Only cue phrases show it.
    Inferred,
}

/// The name serde writes (`cited`, `inferred`).
impl std::fmt::Display for Basis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Basis::Cited => "cited",
            Basis::Inferred => "inferred",
        })
    }
}

/// What the authority does with a ground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// The authority applies it in this letter.
    ReliedOn,
    /// Named but not applied.
    Mentioned,
    /// Expressly not relied on.
    Disclaimed,
}

/// The name serde writes (`relied_on`, `mentioned`, `disclaimed`).
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Status::ReliedOn => "relied_on",
            Status::Mentioned => "mentioned",
            Status::Disclaimed => "disclaimed",
        })
    }
}

/// What fired to produce a piece of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Via {
    /// A statutory reference.
    Citation,
    /// A strong cue phrase.
    StrongCue,
    /// A weak cue phrase.
    WeakCue,
    /// A term of a concept lexicon (`data/concepts/`): the ground is argued in the letter's own
    /// words; the evidence's `cue` names the concept.
    Concept,
}

/// The name serde writes (`citation`, `strong_cue`, `weak_cue`, ...).
impl std::fmt::Display for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Via::Citation => "citation",
            Via::StrongCue => "strong_cue",
            Via::WeakCue => "weak_cue",
            Via::Concept => "concept",
        })
    }
}

/// The role a reference plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RefRole {
    /// It names a ground for refusal.
    Ground,
    /// It names a procedural provision (s.17 refusal notice, s.50 complaint, ...).
    Procedural,
    /// Anything else: another Act, or a provision the rule set does not know.
    Other,
}

/// The name serde writes (`ground`, `procedural`, `other`).
impl std::fmt::Display for RefRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            RefRole::Ground => "ground",
            RefRole::Procedural => "procedural",
            RefRole::Other => "other",
        })
    }
}

/// Why a span (or a ground) is only mentioned or disclaimed rather than relied on: where it
/// stands, or the words around it that decide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// In earlier mail quoted or carried below the reply.
    QuotedMail,
    /// In the request, repeated back to the requester.
    Request,
    /// In the sign-off, a signature or an e-mail footer.
    Signature,
    /// In the paragraphs on review and complaint rights, or a subject line.
    Boilerplate,
    /// Said not to apply, or not relied on.
    Negated,
    /// An earlier decision withdrawn or reversed.
    Reversed,
    /// Only considered, or hedged ("whether", "may apply").
    Considered,
    /// Supposed ("if", "in the event that").
    Conditional,
    /// Someone else's words: the requester's, a third party's, a question, or between
    /// quotation marks.
    OthersWords,
    /// The law explained in general, or given as an example.
    General,
    /// Not yet decided (the time to weigh the public interest is extended).
    Pending,
    /// The public interest test came out for release.
    PublicInterestRelease,
    /// An earlier decision reported (the original response, in a review).
    Earlier,
}

/// The name serde writes (`quoted_mail`, `request`, `boilerplate`, ...).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Reason::QuotedMail => "quoted_mail",
            Reason::Request => "request",
            Reason::Signature => "signature",
            Reason::Boilerplate => "boilerplate",
            Reason::Negated => "negated",
            Reason::Reversed => "reversed",
            Reason::Considered => "considered",
            Reason::Conditional => "conditional",
            Reason::OthersWords => "others_words",
            Reason::General => "general",
            Reason::Pending => "pending",
            Reason::PublicInterestRelease => "public_interest_release",
            Reason::Earlier => "earlier",
        })
    }
}

/// One span of text that supports a finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// The text at `start..end`.
    pub text: String,
    /// The id of the rule that fired.
    pub rule: String,
    /// What fired: a citation or a cue.
    pub via: Via,
    /// The cue phrase as written in the rule file, for cue evidence; the concept's name
    /// (`personal_data`, `withhold`), for concept evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// What this span alone says: relied on, only mentioned (quoted, hypothetical, general,
    /// rights boilerplate) or disclaimed.
    pub status: Status,
    /// Why this span is only mentioned or disclaimed, when its status is not relied on and
    /// one cause decided it; left out of JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The sentence that holds it.
    pub sentence: Span,
    /// For a document read from an e-mail or a file of several parts: the part the span is in
    /// (`body`, or an attachment's file name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl Evidence {
    /// The evidence's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One ground the letter relies on (or mentions, or disclaims).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable rule id: `foia:s43`.
    pub id: String,
    /// The act.
    pub act: Act,
    /// The provision's title.
    pub title: String,
    /// Provisions cited or pointed to, canonical and sorted: `["43(2)"]`.
    pub provisions: Vec<String>,
    /// Absolute or qualified, for the provisions found.
    pub kind: Qualification,
    /// Cited by number, or inferred from wording.
    pub basis: Basis,
    /// Relied on, mentioned or disclaimed.
    pub status: Status,
    /// How sure the classifier is, from 0 to 1.
    pub confidence: f64,
    /// The nearest equivalent grounds in the other UK regimes (from the rule set's crosswalk).
    pub equivalents: Vec<String>,
    /// For a qualified ground: the public interest arguments and conclusion found for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_interest: Option<PublicInterest>,
    /// The spans that show it, in text order.
    pub evidence: Vec<Evidence>,
}

impl Finding {
    /// Why the ground is only mentioned or disclaimed: the reason of its first span of the
    /// same status that has one. `None` for a ground relied on, or when its spans disagree
    /// with it (a ground weighed for release after a span relied on it, say).
    pub fn reason(&self) -> Option<Reason> {
        if self.status == Status::ReliedOn {
            return None;
        }
        self.evidence
            .iter()
            .filter(|e| e.status == self.status)
            .find_map(|e| e.reason)
    }
}

/// A span of the letter shown as evidence for an outcome, a check or a public interest argument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Excerpt {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// The text at `start..end`.
    pub text: String,
}

impl Excerpt {
    /// The excerpt's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What kind of answer the letter is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutcomeKind {
    /// Everything asked for is given.
    Granted,
    /// Some is given; some is withheld or not held.
    Partial,
    /// Nothing is given: the request is refused on one or more grounds.
    Refused,
    /// The authority does not hold the information.
    NotHeld,
    /// The authority neither confirms nor denies that it holds the information.
    Ncnd,
    /// The information is published elsewhere and the requester is pointed there (s.21).
    Redirected,
    /// The request was received and will be answered.
    Acknowledgement,
    /// The authority asks the requester to clarify the request.
    Clarification,
    /// The authority takes more time.
    Extension,
    /// None of the above can be told from the text (often: the answer is in an attachment).
    Unclear,
}

/// The name serde writes (`granted`, `partial`, `refused`, ...).
impl std::fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            OutcomeKind::Granted => "granted",
            OutcomeKind::Partial => "partial",
            OutcomeKind::Refused => "refused",
            OutcomeKind::NotHeld => "not_held",
            OutcomeKind::Ncnd => "ncnd",
            OutcomeKind::Redirected => "redirected",
            OutcomeKind::Acknowledgement => "acknowledgement",
            OutcomeKind::Clarification => "clarification",
            OutcomeKind::Extension => "extension",
            OutcomeKind::Unclear => "unclear",
        })
    }
}

/// The outcome of the letter, with the spans that decided it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outcome {
    /// The kind of answer.
    pub kind: OutcomeKind,
    /// The spans that decided it.
    pub evidence: Vec<Excerpt>,
}

/// The result of one notice check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckResult {
    /// The notice does what the provision requires.
    Pass,
    /// It does not.
    Fail,
    /// The requirement does not arise for this letter.
    NotApplicable,
}

/// The name serde writes (`pass`, `fail`, `not_applicable`).
impl std::fmt::Display for CheckResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            CheckResult::Pass => "pass",
            CheckResult::Fail => "fail",
            CheckResult::NotApplicable => "not_applicable",
        })
    }
}

/// One requirement of a refusal notice, checked against the letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Check {
    /// Stable id: `exemption_specified`, `reasons_given`, `public_interest_reasons`,
    /// `harm_likelihood`, `cost_estimate`, `advice_to_narrow`, `review_procedure`,
    /// `commissioner_rights`, `ncnd_provision`, `time_for_compliance`.
    pub id: String,
    /// The provision that requires it, for the letter's regime (`foia:s17(1)(b)`,
    /// `eir:r14(3)(a)`, `foisa:s16(1)(c)`), or the guidance it comes from.
    pub provision: String,
    /// Pass, fail or not applicable.
    pub result: CheckResult,
    /// What was found, or what was looked for and not found.
    pub detail: String,
    /// The spans that show it.
    pub evidence: Vec<Excerpt>,
}

/// The public interest arguments attached to a qualified ground.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PublicInterest {
    /// Sentences arguing for disclosure.
    pub for_disclosure: Vec<Excerpt>,
    /// Sentences arguing for withholding.
    pub for_withholding: Vec<Excerpt>,
    /// The stated conclusion.
    pub conclusion: Option<Excerpt>,
}

/// One argument a requester can make in asking for an internal review, keyed to a ground the
/// letter relies on, a notice check it fails, or its outcome (from the advice files under
/// `data/advice/`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Advice {
    /// What it is about: a ground id (`foia:s43`), a check id (`public_interest_reasons`) or an
    /// outcome (`outcome:not_held`).
    pub about: String,
    /// The id of the advice entry that gave it (`commercial_whose_interests`).
    pub rule: String,
    /// The argument, in plain words: what the law asks for and what to ask the authority. Where
    /// the letter is silent it says so ("the letter does not say ..."), and claims no more.
    pub argument: String,
    /// The statutory hook: `foia:s17(3)`, `eir:r12(2)`, `foisa:s20(1)`.
    pub provision: String,
    /// The spans of the letter that led to it (none when the argument is about a silence).
    pub evidence: Vec<Excerpt>,
}

/// Where a date of [`Timing`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateSource {
    /// The input's metadata: an e-mail's `Date` header ([`crate::input::Document::date`]), a
    /// request thread's message times, or what the caller set
    /// ([`crate::input::Document::requested`]).
    Metadata,
    /// The letter's own words ("your request of 3 March 2025", "Date: 14 April 2025").
    Letter,
}

/// The name serde writes (`metadata`, `letter`).
impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            DateSource::Metadata => "metadata",
            DateSource::Letter => "letter",
        })
    }
}

/// A date of [`Timing`] and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KnownDate {
    /// The day.
    pub date: Date,
    /// Metadata or the letter's text.
    pub source: DateSource,
    /// For a date read from the letter: the words that state it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Excerpt>,
}

/// When the request was made and answered, and what follows from it: the working days the reply
/// took, the day it was due and the last day to ask for a review. Working days are counted on the
/// calendar the regime file names (`data/calendar/`): not Saturdays, Sundays or the bank holidays
/// it lists. Figures are left out when a date is unknown or outside the years the calendar covers
/// (`notes` then says so), and for a letter that is not an answer to the request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Timing {
    /// The day the request was made (taken as the day it was received): from metadata when
    /// there is any, else from the letter's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<KnownDate>,
    /// The day of the reply: from metadata when there is any, else from the letter's own date
    /// line ("Date: 14 April 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied: Option<KnownDate>,
    /// The calendar the working days are counted on (`uk`: `data/calendar/uk.toml`); empty when
    /// the regime names none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub calendar: String,
    /// Working days from the request to the reply: the day after the request is day 1, and a
    /// reply on a day that is not a working day counts as sent on the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<u32>,
    /// The working days allowed for the reply: 20, or the regime's longer limit (EIR reg 7: 40)
    /// when the letter says the time was extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_days: Option<u32>,
    /// The last day for the reply: the `reply_days`-th working day after the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where the letter says the time for the reply was extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Excerpt>,
    /// The working days after the reply the requester has to ask for a review (40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_days: Option<u32>,
    /// The last day to ask for a review: the `review_days`-th working day after the reply. Set by
    /// statute under FOISA (s.20); under FOIA, 40 working days is a practice norm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<Date>,
    /// What could not be worked out, and why (a date outside the calendar's years, a reply dated
    /// before its request, a letter that answers a request for review).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A statutory reference found in the letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text at `start..end`.
    pub text: String,
    /// Section, regulation or article.
    pub kind: RefKind,
    /// The act it belongs to.
    pub act: Act,
    /// Canonical provision: `43(2)`, `12(5)(e)`.
    pub provision: String,
    /// Ground, procedural or other.
    pub role: RefRole,
    /// The rule it resolved to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Reference {
    /// The reference's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Everything the classifier found in one letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The rule set's version ([`crate::rules::RuleSet::version`]).
    pub rules_version: String,
    /// The regime the letter is answered under.
    pub jurisdiction: Jurisdiction,
    /// One finding per ground, in order of first evidence.
    pub findings: Vec<Finding>,
    /// Every statutory reference, in text order.
    pub references: Vec<Reference>,
    /// What kind of answer the letter is.
    pub outcome: Outcome,
    /// Whether the letter does what the law requires of a refusal notice, point by point.
    pub checks: Vec<Check>,
    /// `Some(true)` when a qualified ground is relied on (or weighed) and the public interest is
    /// weighed; `Some(false)` when a qualified ground is relied on without it; `None` otherwise.
    pub public_interest_test: Option<bool>,
    /// Whether the letter tells the requester how to ask for a review or complain.
    pub review_rights: bool,
    /// What the requester can argue in asking for a review, one entry per argument: for each
    /// ground relied on, each failed check and the outcome. Empty (and left out of JSON) when
    /// nothing is refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Advice>,
    /// When the request was made and answered and what follows (working days taken, the day the
    /// reply was due, the last day to ask for a review), when the input's metadata or the letter
    /// gives a date. Left out of JSON when neither does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// For a document ([`crate::Classifier::classify_document`]): its parts and where they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// What the input stage could not read (an attachment in an unsupported format, a PDF with
    /// no text layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Report {
    /// The findings with status [`Status::ReliedOn`].
    pub fn relied_on(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.status == Status::ReliedOn)
    }

    /// The notice checks that apply to this letter (those not [`CheckResult::NotApplicable`]).
    pub fn applicable_checks(&self) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(|c| c.result != CheckResult::NotApplicable)
    }

    /// The ids of the notice checks the letter fails, each once (a check may be listed once
    /// per ground), in the order of [`Report::checks`].
    pub fn failed_checks(&self) -> Vec<&str> {
        let mut failed: Vec<&str> = Vec::new();
        for c in self.checks.iter().filter(|c| c.result == CheckResult::Fail) {
            if !failed.contains(&c.id.as_str()) {
                failed.push(&c.id);
            }
        }
        failed
    }

    /// The finding with rule id `id`.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }
}

/// The format of an input or of one of its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain UTF-8 text.
    Text,
    /// An e-mail message (RFC 5322 / MIME, `.eml`).
    Email,
    /// An HTML page.
    Html,
    /// A PDF document.
    Pdf,
    /// A Word document (`.docx`, Office Open XML).
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// A legacy Word document (`.doc`) or another OLE compound file, such as an encrypted Office
    /// document: recognised, not read.
    Doc,
    /// Rich Text Format (`.rtf`): recognised, not read.
    Rtf,
    /// A zip archive that is neither a Word document nor an OpenDocument text: not read.
    Zip,
}

impl InputFormat {
    /// The lower-case name (`text`, `email`, `html`, `pdf`, `docx`, `odt`, `doc`, `rtf`, `zip`).
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Email => "email",
            InputFormat::Html => "html",
            InputFormat::Pdf => "pdf",
            InputFormat::Docx => "docx",
            InputFormat::Odt => "odt",
            InputFormat::Doc => "doc",
            InputFormat::Rtf => "rtf",
            InputFormat::Zip => "zip",
        }
    }
}

/// The name serde writes ([`InputFormat::as_str`]).
impl std::fmt::Display for InputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One part of a document's text: the body of an e-mail, or one attachment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Part {
    /// `body`, or the attachment's file name.
    pub name: String,
    /// The format the part was read from.
    pub format: InputFormat,
    /// Where its text is in [`crate::input::Document::text`].
    pub span: Span,
    /// False for a PDF with no text layer (a scan): the classifier cannot read it.
    pub has_text: bool,
    /// Where the classifier read this part's text as quoted or forwarded earlier mail (byte
    /// ranges of [`crate::input::Document::text`], inside [`Part::span`], in order). Filled in by
    /// [`crate::Classifier::classify_document`]; left out of JSON when empty, so reports of
    /// letters without quoted mail are as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quoted: Vec<Span>,
}
