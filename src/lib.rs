#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod advice;
#[cfg(feature = "rayon")]
pub mod batch;
mod checks;
mod cite;
mod classifier;
mod error;
mod findings;
pub mod input;
mod matching;
mod report;
mod resolve;
mod rules;
#[cfg(test)]
mod test_support;
mod text;
mod vocab;

pub use classifier::{zones, Classifier, ClassifierBuilder};
pub use error::{Error, ErrorKind};
pub use report::{draft_review, draft_review_with, render_text, words, ReviewOptions};
pub use rules::{AdviceEntry, AdviceExample, AdviceOn, Rule, RuleSet};
pub use text::{Zone, ZoneKind};
pub use vocab::{
    Act, Advice, Basis, Check, CheckResult, Date, DateSource, Duty, Evidence, Excerpt, Finding,
    GroundOutcome, InputFormat, Jurisdiction, KnownDate, LegalTest, LineIndex, Outcome,
    OutcomeKind, Part, Position, ProvisionRole, PublicInterest, Qualification, Reason, RefKind,
    RefRole, Reference, Report, Span, Status, Timing, Via, Weekday, DEFAULT_MAX_INPUT,
    SCHEMA_VERSION,
};
