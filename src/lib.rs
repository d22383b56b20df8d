//! privaudit: a guided privacy assessment for small businesses that produces a
//! tailored compliance report and security plan.
//!
//! Data flows one way: the bank (questions and rules as data) and a session's
//! answers go through the flow (what is shown), the rules engine (findings and
//! scores) and the report builder (a renderer-neutral document), which the
//! renderers turn into Markdown, JSON or PDF. Front ends only drive the flow and
//! call these functions.

/// Answers as stored in sessions, how they fit a question, how they read.
pub mod answer;
/// The question bank: model, embedded or folder source, validation, schema.
pub mod bank;
/// The command line and the headless commands.
pub mod cli;
/// Conditions on answers and their three-valued evaluation.
pub mod condition;
/// What the bank covers, for `docs/coverage.md`, and its strings for spell checking.
pub mod coverage;
/// The documents besides the report: record of processing, action tracker, incident register.
pub mod documents;
/// Example sessions shipped with the bank, and the stress session.
pub mod example;
/// Reading only regular files under a cap, private folders, output checks, stale temporary files.
pub mod files;
/// Which questions are shown, what comes next, progress.
pub mod flow;
/// Languages, bilingual texts, the product's own UI strings.
pub mod i18n;
/// Jurisdictions and legal citations.
pub mod law;
/// The plain mode: the interview one line at a time.
pub mod plain;
/// Renderers: Markdown, JSON.
pub mod render;
/// The report model and its builder.
pub mod report;
/// The rules engine: findings and scores.
pub mod rules;
/// Text from files made safe for a terminal or document metadata.
pub mod sanitize;
/// Sessions and their atomic saves.
pub mod session;
/// The full-screen wizard (ratatui).
pub mod tui;
