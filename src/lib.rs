#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod cite;
mod classifier;
mod error;
mod findings;
mod matching;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod span;
pub mod text;

pub use cite::{Act, Citation, RefKind};
pub use classifier::{Classifier, ClassifierBuilder};
pub use error::{Error, ErrorKind};
pub use report::{
    Basis, Evidence, Finding, RefRole, Reference, Report, Status, Via, SCHEMA_VERSION,
};
pub use rules::{Kind, Role, Rule, RuleSet};
pub use span::{Position, Span};
