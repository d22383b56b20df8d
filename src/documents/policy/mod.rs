//! The draft privacy policy: built from the answers, written as Markdown,
//! as a standalone HTML page or as a tagged PDF.

mod build;
mod html;
mod markdown;
pub mod model;
mod pdf;

pub use build::build;
pub use html::render as html;
pub use markdown::render as markdown;
pub use model::{Block, Item, Policy, Section, Span};
pub use pdf::{document as pdf_document, render as pdf};
