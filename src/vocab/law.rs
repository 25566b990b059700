//! The words of the law the pipeline shares: acts and regimes, kinds of reference, what a
//! provision is (ground or procedure, absolute or qualified, its legal test), and how a
//! provision is written (`43(2)`, `12(5)(e)`).

use std::sync::RwLock;

use once_cell::sync::Lazy;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A statute (or family of instruments) a reference can belong to. Serialised as its short
/// name ([`Act::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// A regime added by a regime file of a rule folder of your own (`regimes/<name>.toml`),
    /// by its short name.
    Named(&'static str),
}

/// The short names of the regimes added by regime files, each kept once for the life of the
/// process (so their memory is bounded by the distinct names).
static NAMED: Lazy<RwLock<Vec<&'static str>>> = Lazy::new(|| RwLock::new(Vec::new()));

/// True for a name a regime may be given: a lower-case letter, then lower-case letters, digits
/// or `_`, at most 32 bytes.
fn valid_name(name: &str) -> bool {
    name.len() <= 32
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
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
            Act::Named(name) => name,
        }
    }

    /// Parses the short name (`"foia"`, or that of a regime a regime file has added); `None`
    /// for anything else.
    pub fn from_name(name: &str) -> Option<Act> {
        Some(match name {
            "foia" => Act::Foia,
            "eir" => Act::Eir,
            "foisa" => Act::Foisa,
            "eisr" => Act::Eisr,
            "dpa2018" => Act::Dpa2018,
            "ukgdpr" => Act::Ukgdpr,
            "other" => Act::Other,
            _ => {
                let named = NAMED.read().unwrap_or_else(|e| e.into_inner());
                return named.iter().find(|n| **n == name).map(|n| Act::Named(n));
            }
        })
    }

    /// The act of the regime `name`, added to the known names if it is not one: `None` when
    /// `name` is not a lower-case word (letters, digits, `_`; at most 32 bytes) or names an
    /// act that is not a regime (`dpa2018`, `ukgdpr`, `other`).
    pub(crate) fn register(name: &str) -> Option<Act> {
        match Act::from_name(name) {
            Some(act) => Some(act).filter(|a| a.is_regime()),
            None if valid_name(name) => {
                let mut named = NAMED.write().unwrap_or_else(|e| e.into_inner());
                if let Some(n) = named.iter().find(|n| **n == name) {
                    return Some(Act::Named(n));
                }
                let n: &'static str = Box::leak(name.to_string().into_boxed_str());
                named.push(n);
                Some(Act::Named(n))
            }
            None => None,
        }
    }
}

impl Act {
    /// True for the acts a letter can be answered under (the four UK regimes and those regime
    /// files add), false for data protection law and other statutes.
    pub(crate) fn is_regime(self) -> bool {
        !matches!(self, Act::Dpa2018 | Act::Ukgdpr | Act::Other)
    }
}

impl Serialize for Act {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reads a short name; an unknown one that is a valid regime name is taken as an added regime.
impl<'de> Deserialize<'de> for Act {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Act, D::Error> {
        let name = String::deserialize(d)?;
        Act::from_name(&name)
            .or_else(|| Act::register(&name))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown act {name:?}")))
    }
}

impl std::fmt::Display for Act {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The regime a letter is answered under. Serialised as its name (`foia`, `mixed`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// A regime added by a regime file of your own ([`Act::Named`]), by its short name.
    Named(&'static str),
}

impl Jurisdiction {
    /// The name serde writes (`foia`, `eir`, `foisa`, `eisr`, `mixed`, `unknown`, or an added
    /// regime's).
    pub fn as_str(self) -> &'static str {
        match self {
            Jurisdiction::Foia => "foia",
            Jurisdiction::Eir => "eir",
            Jurisdiction::Foisa => "foisa",
            Jurisdiction::Eisr => "eisr",
            Jurisdiction::Mixed => "mixed",
            Jurisdiction::Unknown => "unknown",
            Jurisdiction::Named(name) => name,
        }
    }

    /// The jurisdiction of a letter answered under `act`'s regime (FOIA for an act that is not
    /// a regime).
    pub fn of(act: Act) -> Jurisdiction {
        match act {
            Act::Eir => Jurisdiction::Eir,
            Act::Foisa => Jurisdiction::Foisa,
            Act::Eisr => Jurisdiction::Eisr,
            Act::Named(name) => Jurisdiction::Named(name),
            _ => Jurisdiction::Foia,
        }
    }

    /// The act of the regime, for one regime (`None` for `mixed` and `unknown`).
    pub fn act(self) -> Option<Act> {
        match self {
            Jurisdiction::Foia => Some(Act::Foia),
            Jurisdiction::Eir => Some(Act::Eir),
            Jurisdiction::Foisa => Some(Act::Foisa),
            Jurisdiction::Eisr => Some(Act::Eisr),
            Jurisdiction::Named(name) => Some(Act::Named(name)),
            Jurisdiction::Mixed | Jurisdiction::Unknown => None,
        }
    }
}

impl Serialize for Jurisdiction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Jurisdiction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Jurisdiction, D::Error> {
        let name = String::deserialize(d)?;
        Ok(match name.as_str() {
            "mixed" => Jurisdiction::Mixed,
            "unknown" => Jurisdiction::Unknown,
            _ => Jurisdiction::of(Act::register(&name).ok_or_else(|| {
                serde::de::Error::custom(format!("unknown jurisdiction {name:?}"))
            })?),
        })
    }
}

/// The name serde writes (`foia`, `eir`, `foisa`, ...).
impl std::fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regimes_are_added_by_name() {
        assert_eq!(Act::from_name("toy_law2"), None);
        let toy = Act::register("toy_law2").expect("a valid name");
        assert_eq!(toy.as_str(), "toy_law2");
        assert_eq!(Act::from_name("toy_law2"), Some(toy));
        assert_eq!(Act::register("toy_law2"), Some(toy));
        assert_eq!(Act::register("foia"), Some(Act::Foia));
        for bad in ["", "Toy", "9lives", "toy law", "other", "dpa2018", "ukgdpr"] {
            assert_eq!(Act::register(bad), None, "{bad:?}");
        }
        assert_eq!(Act::register(&"a".repeat(33)), None);
        assert_eq!(Jurisdiction::of(toy), Jurisdiction::Named("toy_law2"));
        assert_eq!(Jurisdiction::of(toy).act(), Some(toy));
        assert_eq!(Jurisdiction::Mixed.act(), None);
        assert_eq!(Jurisdiction::of(Act::Other), Jurisdiction::Foia);
    }
}
