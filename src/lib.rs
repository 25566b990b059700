#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "rayon")]
pub mod batch;
mod checks;
pub mod cite;
mod classifier;
mod error;
mod findings;
pub mod input;
mod matching;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod span;
pub mod text;

pub use cite::{Act, Citation, RefKind};
pub use classifier::{Classifier, ClassifierBuilder, DEFAULT_MAX_INPUT};
pub use error::{Error, ErrorKind};
pub use report::{
    Basis, Check, CheckResult, Evidence, Excerpt, Finding, Jurisdiction, Outcome, OutcomeKind,
    PublicInterest, RefRole, Reference, Report, Status, Via, SCHEMA_VERSION,
};
pub use rules::{Kind, Role, Rule, RuleSet};
pub use span::{Position, Span};
