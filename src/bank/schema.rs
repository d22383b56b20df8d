//! The JSON Schema of the bank's files, for editors to complete and check them.

use super::{Manifest, RuleFile, Section};
use schemars::JsonSchema;

/// Any file of a bank: `bank.json`, `sections/*.json` or `rules/*.json`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum BankFile {
    /// `bank.json`.
    Manifest(Manifest),
    /// `sections/<id>.json`.
    Section(Section),
    /// `rules/*.json`.
    Rules(RuleFile),
}

/// The JSON Schema (draft 2020-12) that every bank file matches.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(BankFile).to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), "privaudit question bank file".into());
        obj.insert(
            "description".into(),
            "bank.json (manifest), sections/<id>.json (questions) or rules/*.json (rules) of a privaudit question bank."
                .into(),
        );
    }
    schema
}
