//! The report: what the classifier found, in a form that serialises with serde.

mod render;

pub use render::render_text;

use serde::{Deserialize, Serialize};

use crate::cite::{Act, RefKind};
pub use crate::resolve::Jurisdiction;
use crate::rules::Kind;
use crate::span::Span;

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

/// One span of text that supports a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// The cue phrase as written in the rule file, for cue evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// What this span alone says: relied on, only mentioned (quoted, hypothetical, general,
    /// rights boilerplate) or disclaimed.
    pub status: Status,
    /// The sentence that holds it.
    pub sentence: Span,
}

impl Evidence {
    /// The evidence's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One ground the letter relies on (or mentions, or disclaims).
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub kind: Kind,
    /// Cited by number, or inferred from wording.
    pub basis: Basis,
    /// Relied on, mentioned or disclaimed.
    pub status: Status,
    /// How sure the classifier is, from 0 to 1.
    pub confidence: f64,
    /// The nearest equivalent grounds in the other UK regimes (from the rule set's crosswalk).
    pub equivalents: Vec<String>,
    /// The spans that show it, in text order.
    pub evidence: Vec<Evidence>,
}

/// A statutory reference found in the letter.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
}

impl Report {
    /// The findings with status [`Status::ReliedOn`].
    pub fn relied_on(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.status == Status::ReliedOn)
    }

    /// The finding with rule id `id`.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }
}
