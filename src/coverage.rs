//! What the bank covers: each item of each checklist in `coverage.json` (CNIL
//! guide fiches, sections of the reference report, GDPR articles, fair
//! information principles) with the questions and rules that address it, and
//! the size of the interview. `docs/coverage.md` is generated from this.

use crate::bank::{Bank, Question};
use crate::condition::Scope as _;
use crate::flow::Visible;
use crate::i18n::Lang;
use std::fmt::Write as _;

/// One checklist item and what addresses it.
#[derive(Debug, Clone)]
pub struct Row {
    /// `framework:item`.
    pub tag: String,
    /// What the item is.
    pub label: String,
    /// Questions (and `group/sub` sub-questions) tagged with it.
    pub questions: Vec<String>,
    /// Rules tagged with it.
    pub rules: Vec<String>,
}

/// Every item of every checklist, in order, with its questions and rules.
pub fn rows(bank: &Bank, lang: Lang) -> Vec<(String, Vec<Row>)> {
    let mut tagged: Vec<(String, &[String])> = Vec::new();
    for (_, q) in bank.questions() {
        tagged.push((q.id.clone(), &q.covers));
        for sub in &q.questions {
            tagged.push((format!("{}/{}", q.id, sub.id), &sub.covers));
        }
    }
    bank.coverage
        .frameworks
        .iter()
        .map(|f| {
            let rows = f
                .items
                .iter()
                .map(|item| {
                    let tag = format!("{}:{}", f.id, item.id);
                    let questions = tagged
                        .iter()
                        .filter(|(_, c)| c.contains(&tag))
                        .map(|(id, _)| id.clone())
                        .collect();
                    let rules = bank
                        .rules
                        .iter()
                        .filter(|r| r.covers.contains(&tag))
                        .map(|r| r.id.clone())
                        .collect();
                    Row {
                        tag,
                        label: item.label.get(lang).to_string(),
                        questions,
                        rules,
                    }
                })
                .collect();
            (f.title.get(lang).to_string(), rows)
        })
        .collect()
}

/// The items nothing covers (no question and no rule).
pub fn uncovered(bank: &Bank) -> Vec<String> {
    rows(bank, Lang::En)
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .filter(|r| r.questions.is_empty() || r.rules.is_empty())
        .map(|r| r.tag)
        .collect()
}

/// Every question and sub-question of the bank: the longest possible interview
/// counts each once (a group's sub-questions once per entry, here once).
pub fn question_count(bank: &Bank) -> usize {
    bank.questions().map(|(_, q)| 1 + q.questions.len()).sum()
}

/// Questions shown for a session's answers, counting a group's sub-questions once per entry.
pub fn shown_count(bank: &Bank, answers: &crate::answer::Answers) -> usize {
    let visible = Visible::new(bank, answers);
    visible
        .questions()
        .iter()
        .map(|q: &&Question| {
            let entries = answers
                .get(&q.id)
                .and_then(|a| a.entries())
                .map_or(0, <[_]>::len);
            1 + entries * q.questions.len()
        })
        .sum()
}

/// An estimate of the time to answer the questions shown for these answers, in
/// seconds, from usual survey response times per kind of question: about 6 s
/// for a yes/no, 8 s for a number, 10 s for a single choice, 12 s for a
/// multiple choice, 15 s for a short text, 40 s for a long one; a group's
/// sub-questions count once per entry that asks them (a transfer mechanism
/// only for a recipient abroad).
pub fn estimated_seconds(bank: &Bank, answers: &crate::answer::Answers) -> u32 {
    use crate::bank::Kind;
    let cost = |q: &Question| match q.kind {
        Kind::YesNo => 6,
        Kind::Number => 8,
        Kind::Single => 10,
        Kind::Multi => 12,
        Kind::Text => 15,
        Kind::LongText => 40,
        Kind::Group => 5,
    };
    let visible = Visible::new(bank, answers);
    visible
        .questions()
        .iter()
        .map(|q| {
            let entries = answers
                .get(&q.id)
                .and_then(|a| a.entries())
                .unwrap_or_default();
            let asked: u32 = entries
                .iter()
                .map(|entry| {
                    let scope = crate::condition::EntryScope::new(q, entry, &visible);
                    q.questions
                        .iter()
                        .filter(|sub| !scope.is_hidden(&sub.id))
                        .map(cost)
                        .sum::<u32>()
                })
                .sum();
            cost(q) + asked
        })
        .sum()
}

/// The coverage table as Markdown.
pub fn markdown(bank: &Bank, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Coverage of the question bank\n");
    let _ = writeln!(
        out,
        "Generated from the bank by `privaudit coverage`; do not edit by hand. \
         Each item lists the questions (`group/sub` for a group's sub-questions) \
         and rules tagged with it in their `covers` field.\n"
    );
    let _ = writeln!(
        out,
        "Bank `{}`: {} questions and sub-questions (the longest possible interview), {} rules.\n",
        bank.stamp(),
        question_count(bank),
        bank.rules.len()
    );
    if !bank.examples.is_empty() {
        let _ = writeln!(
            out,
            "Interview length for each example session (estimated from usual survey response \
             times per kind of question; see `coverage::estimated_seconds`):\n"
        );
        let _ = writeln!(
            out,
            "| example | questions shown | estimated time |\n|---|---|---|"
        );
        for example in &bank.examples {
            if let Ok(session) = crate::example::open(bank, &example.name) {
                let minutes = (estimated_seconds(bank, &session.answers) + 30) / 60;
                let shown = shown_count(bank, &session.answers);
                let _ = writeln!(
                    out,
                    "| `{}` ({}) | {shown} | {minutes} min |",
                    example.name, session.organisation
                );
            }
        }
        out.push('\n');
    }
    for (title, rows) in rows(bank, lang) {
        let _ = writeln!(out, "## {title}\n");
        let _ = writeln!(out, "| item | | questions | rules |\n|---|---|---|---|");
        for r in rows {
            let list = |ids: &[String]| {
                if ids.is_empty() {
                    "**none**".to_string()
                } else {
                    ids.iter()
                        .map(|i| format!("`{i}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                r.tag,
                r.label,
                list(&r.questions),
                list(&r.rules)
            );
        }
        out.push('\n');
    }
    let missing = uncovered(bank);
    if missing.is_empty() {
        let _ = writeln!(
            out,
            "Every item is covered by at least one question and one rule."
        );
    } else {
        let _ = writeln!(out, "Not fully covered: {}.", missing.join(", "));
    }
    out
}

/// Every user-visible string of the bank in one language, one per line (line
/// breaks inside a string become spaces): for spell checking and translators.
pub fn strings(bank: &Bank, lang: Lang) -> Vec<String> {
    let mut values = vec![serde_json::to_value(&bank.manifest).expect("serialisable")];
    values.extend(
        bank.sections
            .iter()
            .map(|s| serde_json::to_value(s).expect("serialisable")),
    );
    values.extend(
        bank.rules
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialisable")),
    );
    values.push(serde_json::to_value(&bank.coverage).expect("serialisable"));
    let mut out = Vec::new();
    for v in &values {
        collect_texts(v, lang.code(), &mut out);
    }
    out
}

fn collect_texts(value: &serde_json::Value, code: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            let is_text = map.len() == 2 && map.contains_key("fr") && map.contains_key("en");
            if is_text {
                if let Some(s) = map.get(code).and_then(|v| v.as_str()) {
                    out.push(s.replace('\n', " "));
                }
            } else {
                map.values().for_each(|v| collect_texts(v, code, out));
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_texts(v, code, out)),
        _ => {}
    }
}
