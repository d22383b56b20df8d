//! The answers that changed between two assessments, a group's entries
//! field by field: « Visites du site — Durée de conservation : inconnue → 1 an ».

use super::AnswerChange;
use crate::answer::{Answer, Entry, entry_name};
use crate::bank::{Bank, Question};
use crate::i18n::{Lang, ui};
use crate::session::Session;

/// Every answer that differs, in the interview's order; a group's entries
/// compared by name, each changed field on a row of its own.
pub(super) fn answers(bank: &Bank, old: &Session, new: &Session, lang: Lang) -> Vec<AnswerChange> {
    let mut out = Vec::new();
    for (_, q) in bank.questions() {
        let (a, b) = (old.answers.get(&q.id), new.answers.get(&q.id));
        if a == b {
            continue;
        }
        let entries = (
            a.and_then(Answer::entries).unwrap_or_default(),
            b.and_then(Answer::entries).unwrap_or_default(),
        );
        let has_entries = !entries.0.is_empty() || !entries.1.is_empty();
        if !q.questions.is_empty() && has_entries {
            out.extend(entry_changes(q, entries.0, entries.1, lang));
        } else {
            out.push(AnswerChange {
                question: q.short_label().get(lang).to_string(),
                old: shown(a, q, lang),
                new: shown(b, q, lang),
            });
        }
    }
    out
}

/// An answer as a reader sees it, « non répondu » when there is none.
fn shown(answer: Option<&Answer>, q: &Question, lang: Lang) -> String {
    answer.map_or_else(|| ui(lang).not_answered.to_string(), |a| a.display(q, lang))
}

/// The changes in a group's entries: an entry added or removed, or a field
/// of an entry found in both.
fn entry_changes(group: &Question, old: &[Entry], new: &[Entry], lang: Lang) -> Vec<AnswerChange> {
    let label = group.short_label().get(lang);
    let names = |entries: &[Entry]| -> Vec<String> {
        (0..entries.len())
            .map(|i| entry_name(group, entries, i, lang))
            .collect()
    };
    let (old_names, new_names) = (names(old), names(new));
    let (listed, not_listed, added, removed) = match lang {
        Lang::Fr => (
            "dans la liste",
            "absent de la liste",
            "ajouté à la liste",
            "retiré de la liste",
        ),
        Lang::En => ("listed", "not listed", "added", "removed"),
    };
    let mut out = Vec::new();
    for (i, name) in old_names.iter().enumerate() {
        let Some(j) = new_names.iter().position(|n| n == name) else {
            out.push(AnswerChange {
                question: format!("{label} — {name}"),
                old: listed.to_string(),
                new: removed.to_string(),
            });
            continue;
        };
        for field in &group.questions {
            let (a, b) = (old[i].get(&field.id), new[j].get(&field.id));
            if a != b {
                out.push(AnswerChange {
                    question: format!(
                        "{label} — {name}{} {}",
                        crate::i18n::colon(lang),
                        field.short_label().get(lang)
                    ),
                    old: shown(a, field, lang),
                    new: shown(b, field, lang),
                });
            }
        }
    }
    for name in new_names.iter().filter(|n| !old_names.contains(n)) {
        out.push(AnswerChange {
            question: format!("{label} — {name}"),
            old: not_listed.to_string(),
            new: added.to_string(),
        });
    }
    out
}
