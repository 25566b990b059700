//! The words of the law the pipeline shares: acts and regimes, kinds of reference, what a
//! provision is (ground or procedure, absolute or qualified, its legal test), and how a
//! provision is written (`43(2)`, `12(5)(e)`).

use serde::{Deserialize, Serialize};

/// A statute (or family of instruments) a reference can belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Act {
    /// Freedom of Information Act 2000.
    Foia,
    /// Environmental Information Regulations 2004.
    Eir,
    /// Freedom of Information (Scotland) Act 2002.
    Foisa,
    /// Environmental Information (Scotland) Regulations 2004.
    Eisr,
    /// Data Protection Act 2018.
    Dpa2018,
    /// UK General Data Protection Regulation.
    Ukgdpr,
    /// Any other statute (Housing Act 1985, Local Government Act 1972, ...).
    Other,
}

impl Act {
    /// The short lower-case name used in ids and JSON (`foia`, `eir`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Foia => "foia",
            Act::Eir => "eir",
            Act::Foisa => "foisa",
            Act::Eisr => "eisr",
            Act::Dpa2018 => "dpa2018",
            Act::Ukgdpr => "ukgdpr",
            Act::Other => "other",
        }
    }

    /// Parses the short name (`"foia"`); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Act> {
        Some(match name {
            "foia" => Act::Foia,
            "eir" => Act::Eir,
            "foisa" => Act::Foisa,
            "eisr" => Act::Eisr,
            "dpa2018" => Act::Dpa2018,
            "ukgdpr" => Act::Ukgdpr,
            "other" => Act::Other,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Act {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The regime a letter is answered under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Jurisdiction {
    /// Freedom of Information Act 2000.
    Foia,
    /// Environmental Information Regulations 2004.
    Eir,
    /// Freedom of Information (Scotland) Act 2002.
    Foisa,
    /// Environmental Information (Scotland) Regulations 2004.
    Eisr,
    /// More than one, in comparable measure.
    Mixed,
    /// No sign of any.
    Unknown,
}

/// The name serde writes (`foia`, `eir`, `foisa`, ...).
impl std::fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Jurisdiction::Foia => "foia",
            Jurisdiction::Eir => "eir",
            Jurisdiction::Foisa => "foisa",
            Jurisdiction::Eisr => "eisr",
            Jurisdiction::Mixed => "mixed",
            Jurisdiction::Unknown => "unknown",
        })
    }
}

/// What a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RefKind {
    /// A section of an Act.
    Section,
    /// A regulation of a statutory instrument.
    Regulation,
    /// An article (UK GDPR).
    Article,
}

/// The name serde writes (`section`, `regulation`, `article`).
impl std::fmt::Display for RefKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            RefKind::Section => "section",
            RefKind::Regulation => "regulation",
            RefKind::Article => "article",
        })
    }
}

/// `number` followed by each path element in parentheses.
pub fn canonical(number: &str, path: &[String]) -> String {
    let mut s = String::from(number);
    for p in path {
        s.push('(');
        s.push_str(p);
        s.push(')');
    }
    s
}

/// Whether a provision is a reason to refuse or part of the procedure around a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProvisionRole {
    /// A ground for refusing (an exemption, s.12 cost, s.14 vexatious, ...): produces findings.
    Ground,
    /// A provision a letter cites that is not a ground (s.1, s.10, s.17, s.50, ...).
    Procedural,
}

/// The name serde writes (`ground`, `procedural`).
impl std::fmt::Display for ProvisionRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            ProvisionRole::Ground => "ground",
            ProvisionRole::Procedural => "procedural",
        })
    }
}

/// Absolute (no public interest test) or qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualification {
    /// No public interest test.
    Absolute,
    /// Subject to the public interest test.
    Qualified,
}

/// The name serde writes (`absolute`, `qualified`).
impl std::fmt::Display for Qualification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Qualification::Absolute => "absolute",
            Qualification::Qualified => "qualified",
        })
    }
}

/// What engages a ground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LegalTest {
    /// A harm test: would, or would be likely to, prejudice.
    Prejudice,
    /// Engaged by what the information is.
    Class,
    /// Required for a purpose (s.24 national security, s.34 privilege).
    Necessity,
    /// The cost of compliance (s.12).
    Cost,
    /// The nature of the request (s.14 vexatious or repeated).
    Conduct,
}

/// The name serde writes (`prejudice`, `class`, `necessity`, ...).
impl std::fmt::Display for LegalTest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            LegalTest::Prejudice => "prejudice",
            LegalTest::Class => "class",
            LegalTest::Necessity => "necessity",
            LegalTest::Cost => "cost",
            LegalTest::Conduct => "conduct",
        })
    }
}

/// Splits `12(5)(e)` into `("12", ["5", "e"])`.
pub(crate) fn split_provision(p: &str) -> (String, Vec<String>) {
    let (number, rest) = p.split_once('(').map_or((p, ""), |(n, r)| (n, r));
    let path = if rest.is_empty() {
        Vec::new()
    } else {
        rest.trim_end_matches(')')
            .split(")(")
            .map(str::to_string)
            .collect()
    };
    (number.to_string(), path)
}

/// True when provision `p` is `prefix` or lies below it (`43(2)(a)` starts with `43(2)`).
pub(crate) fn provision_starts_with(p: &str, prefix: &str) -> bool {
    p == prefix || p.starts_with(prefix) && p[prefix.len()..].starts_with('(')
}

/// What a ground relied on does to the part of the request it is applied in, where that is not
/// a refusal of the part (`outcome` in a rule file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroundOutcome {
    /// The information is already published: the requester is pointed to it (FOIA s.21,
    /// FOISA s.25).
    Published,
    /// The information is not held (EIR reg 12(4)(a), EISR reg 10(4)(a)).
    NotHeld,
}

/// A duty a procedural provision puts on the authority, which the notice checks look for
/// (`duty` in a rule file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Duty {
    /// To advise and assist the requester, as on narrowing a request over the cost limit (FOIA
    /// s.16, EIR reg 9, FOISA s.15, EISR reg 9).
    Advice,
}
