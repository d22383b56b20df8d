//! The report: a renderer-neutral document built from bank, answers and findings.

mod annex;
mod build;
pub mod model;

pub use build::{BuildOptions, PlannedAction, actions, build, build_with};
pub use model::*;
