//! The draft privacy policy: built from the answers, written as Markdown or
//! as a standalone HTML page.

mod build;
mod html;
mod markdown;
pub mod model;

pub use build::build;
pub use html::render as html;
pub use markdown::render as markdown;
pub use model::{Block, Item, Policy, Section, Span};
