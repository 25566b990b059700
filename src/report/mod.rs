//! The report stage: the classifier's findings rendered for a reader (the report's types are
//! in [`crate::vocab::schema`]), and a request for an internal review drafted from its advice.

mod render;
mod review;
pub mod words;

pub use render::render_text;
pub use review::{draft_review, draft_review_with, ReviewOptions};
