//! privaudit: a guided privacy assessment for small businesses that produces a
//! tailored compliance report and security plan.
//!
//! Data flows one way: the bank (questions and rules as data) and a session's
//! answers go through the flow (what is shown), the rules engine (findings and
//! scores) and the report builder (a renderer-neutral document), which the
//! renderers turn into Markdown, JSON or PDF.

pub mod answer;
pub mod bank;
pub mod cli;
pub mod condition;
pub mod example;
pub mod flow;
pub mod i18n;
pub mod law;
pub mod render;
pub mod report;
pub mod rules;
pub mod session;
