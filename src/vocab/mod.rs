//! The vocabulary layer: the types every stage of the pipeline shares, at the bottom of it.
//! It imports nothing else of the crate; every other module may import it.
//!
//! - [`span`]: byte spans, line and column positions.
//! - [`law`]: acts and regimes, kinds of reference, what a provision is, how one is written.
//! - [`schema`]: the report and every type in it, as serialised.

pub(crate) mod law;
pub(crate) mod schema;
pub(crate) mod span;

pub(crate) use law::{canonical, provision_starts_with, split_provision};
pub use law::{Act, Duty, GroundOutcome, Jurisdiction, Kind, RefKind, Role, Test};
pub use schema::*;
pub use span::{LineIndex, Position, Span};
