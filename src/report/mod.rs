//! The report stage: the classifier's findings rendered for a reader (the report's types are
//! in [`crate::vocab::schema`]).

mod render;

pub use render::render_text;
