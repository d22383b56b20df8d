//! Synthetic question banks for the hardening tests and benchmarks: shapes
//! that used to take exponential or quadratic time, at any size.
//! Shared by `benches/*.rs` and `tests/perf_*.rs` (included with `#[path]`).
#![allow(dead_code)]

use serde_json::{Value, json};
use std::path::Path;

/// What a synthetic bank holds, besides the organisation's name and jurisdictions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spec {
    /// Yes/no questions every dependent question depends on.
    pub hubs: usize,
    /// Yes/no questions shown when every hub is answered yes, each with a rule.
    pub dependents: usize,
    /// Sub-questions of the group `chain`, each shown when the one before is yes (0: no group).
    pub chain: usize,
    /// Options of the multiple choice `big`, a checklist item (0: no such question).
    pub options: usize,
}

fn t(s: &str) -> Value {
    json!({ "fr": s, "en": s })
}

fn refs() -> Value {
    json!({ "eu": { "article": "32" }, "ca": { "clause": "4.7.3" }, "qc": { "section": "10" } })
}

fn rule(id: &str, when: Value) -> Value {
    let title = id.replace(['.', '_'], " ");
    json!({
        "id": id, "area": "a", "topic": "t", "severity": "high", "when": when,
        "title": t(&title), "finding": t("Constat."), "recommendation": t("Recommandation."),
        "refs": refs(),
    })
}

/// The questions of the bank, in order: name, jurisdictions, hubs, dependents, chain, big.
pub fn questions(spec: &Spec) -> Vec<Value> {
    let mut qs = vec![
        json!({ "id": "org.name", "kind": "text", "label": t("Nom ?") }),
        json!({ "id": "org.where", "kind": "multi", "label": t("Où ?"), "options": [
            { "id": "eu", "label": t("UE") },
            { "id": "ca", "label": t("Canada") },
            { "id": "qc", "label": t("Québec") },
        ] }),
    ];
    for h in 0..spec.hubs {
        qs.push(json!({ "id": format!("hub{h}"), "kind": "yes_no", "label": t("Pivot ?") }));
    }
    let all_hubs: Vec<Value> = (0..spec.hubs)
        .map(|h| json!({ "yes": format!("hub{h}") }))
        .collect();
    for i in 0..spec.dependents {
        let mut q = json!({ "id": format!("dep{i}"), "kind": "yes_no", "label": t("Question ?") });
        if spec.hubs > 0 {
            q["when"] = json!({ "all": all_hubs });
        }
        qs.push(q);
    }
    if spec.chain > 0 {
        qs.push(json!({
            "id": "chain", "kind": "group", "label": t("Chaîne"), "item": t("Maillon"),
            "questions": chain_subs(spec.chain),
        }));
    }
    if spec.options > 0 {
        let options: Vec<Value> = (0..spec.options)
            .map(|o| json!({ "id": format!("o{o}"), "label": t(&format!("Option {o}")) }))
            .collect();
        qs.push(
            json!({ "id": "big", "kind": "multi", "label": t("Beaucoup ?"), "options": options }),
        );
    }
    qs
}

/// `depth` yes/no sub-questions, each shown when the one before is answered yes.
pub fn chain_subs(depth: usize) -> Vec<Value> {
    (0..depth)
        .map(|k| {
            let mut q = json!({ "id": format!("s{k}"), "kind": "yes_no", "label": t("Maillon ?") });
            if k > 0 {
                q["when"] = json!({ "yes": format!("s{}", k - 1) });
            }
            q
        })
        .collect()
}

/// The questions with a help text on each, sub-questions included: a bank
/// is valid only when every question explains itself.
pub fn with_help(questions: Vec<Value>) -> Vec<Value> {
    questions
        .into_iter()
        .map(|mut q| {
            q["help"] = t("Aide.");
            if let Some(subs) = q.get("questions").cloned() {
                let subs = subs.as_array().cloned().unwrap_or_default();
                q["questions"] = Value::Array(with_help(subs));
            }
            q
        })
        .collect()
}

/// The bank's files, as (path in the bank, text).
pub fn files(spec: &Spec) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut put = |rel: &str, value: Value| {
        files.push((
            rel.to_string(),
            serde_json::to_string_pretty(&value).unwrap(),
        ));
    };
    let checklist: Vec<&str> = if spec.options > 0 {
        vec!["big"]
    } else {
        vec![]
    };
    put(
        "bank.json",
        json!({
            "id": "synth", "version": "1", "title": t("Synthétique"), "sections": ["main"],
            "bindings": { "organisation": "org.name", "jurisdictions": "org.where" },
            "areas": [{ "id": "a", "title": t("Domaine"),
                        "topics": [{ "id": "t", "title": t("Sujet"), "checklist": checklist }] }],
        }),
    );
    put(
        "sections/main.json",
        json!({ "id": "main", "title": t("Tout"), "questions": with_help(questions(spec)) }),
    );
    let mut rules: Vec<Value> = (0..spec.dependents)
        .map(|i| rule(&format!("r{i}"), json!({ "no": format!("dep{i}") })))
        .collect();
    if spec.chain > 0 {
        let last = format!("s{}", spec.chain - 1);
        rules.push(rule(
            "chain.last_no",
            json!({ "any_entry": { "group": "chain", "when": { "no": last } } }),
        ));
    }
    if spec.options > 0 {
        rules.push(rule(
            "big.first",
            json!({ "not": { "includes": { "question": "big", "option": "o0" } } }),
        ));
    }
    if rules.is_empty() {
        rules.push(rule("name", json!({ "answered": "org.name" })));
    }
    put("rules/rules.json", json!({ "rules": rules }));
    files
}

/// Writes the bank into `dir`.
pub fn write(dir: &Path, spec: &Spec) {
    for (rel, text) in files(spec) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The bank's files in memory (no size limit, unlike a folder).
pub fn source(spec: &Spec) -> privaudit::bank::BankSource {
    let mut files: Vec<privaudit::bank::SourceFile> = files(spec)
        .into_iter()
        .map(|(rel, text)| privaudit::bank::SourceFile { rel, text })
        .collect();
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    privaudit::bank::BankSource {
        origin: privaudit::bank::Origin::Embedded,
        files,
    }
}

/// Answers to every question: hubs yes, dependents alternately yes and no,
/// one chain entry answering yes all along, every other option of `big` ticked.
pub fn answers(spec: &Spec) -> Value {
    let mut a = serde_json::Map::new();
    a.insert("org.name".into(), json!("Organisation synthétique"));
    a.insert("org.where".into(), json!(["qc"]));
    for h in 0..spec.hubs {
        a.insert(format!("hub{h}"), json!(true));
    }
    for i in 0..spec.dependents {
        a.insert(format!("dep{i}"), json!(i % 2 == 0));
    }
    if spec.chain > 0 {
        let entry: serde_json::Map<String, Value> = (0..spec.chain)
            .map(|k| (format!("s{k}"), json!(true)))
            .collect();
        a.insert("chain".into(), json!({ "entries": [entry] }));
    }
    if spec.options > 0 {
        let ticked: Vec<String> = (0..spec.options)
            .step_by(2)
            .map(|o| format!("o{o}"))
            .collect();
        a.insert("big".into(), json!(ticked));
    }
    Value::Object(a)
}

/// A session file for the bank, with `answers(spec)`.
pub fn session(spec: &Spec) -> Value {
    json!({
        "format": "privaudit-session", "version": 1,
        "bank": { "id": "synth", "version": "1" },
        "lang": "fr", "jurisdictions": ["qc"], "organisation": "Organisation synthétique",
        "answers": answers(spec),
        "created": "2026-11-22T10:00:00Z", "updated": "2026-11-22T10:00:00Z",
    })
}
