//! What an activity does with the information: its purposes, how long it keeps
//! it and how it protects it.

use super::tr;
use crate::answer::Answer;
use crate::documents::{EntryView, Reader, Value};
use crate::i18n::join_list;
/// Why the activity's information is collected: the words given, then the purposes ticked.
pub(super) fn purposes(e: &EntryView<'_>) -> Value {
    let said = e.answer("purpose").filter(|a| a.is_substantive());
    let listed = e.answer("purposes").filter(|a| a.is_substantive());
    match (said, listed) {
        (None, None) => e.value("purpose"),
        _ => {
            let mut lines = Vec::new();
            if said.is_some() {
                lines.push(e.value("purpose").text);
            }
            if listed.is_some() {
                lines.push(e.value("purposes").text);
            }
            Value::known(lines.join("\n"))
        }
    }
}

/// How long the activity's information is kept, with the periods spelt out if any.
pub(super) fn retention(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
    let mut value = e.value("retention");
    if let Some(detail) = r
        .answer("ret.periods_detail")
        .filter(|a| a.is_substantive())
    {
        let q = r
            .bank
            .question("ret.periods_detail")
            .expect("a bank question");
        value.text = format!(
            "{}\n{}{} {}",
            value.text,
            r.short("ret.periods_detail"),
            crate::i18n::colon(r.lang),
            detail.display(q, r.lang)
        );
    }
    value
}

/// The security measures the answers describe, one per line.
pub(super) fn security(r: &Reader<'_>) -> Value {
    let lang = r.lang;
    let mut lines = Vec::new();
    let mut unsure = Vec::new();
    for id in [
        "sec.need_to_know",
        "sec.access_review",
        "sec.training",
        "sec.charter",
        "sec.premises",
        "sec.paper_measures",
        "sec.electronic_measures",
        "sec.mfa",
        "sec.workstations",
        "sec.backups",
        "sec.mobile_measures",
        "sec.cloud_measures",
    ] {
        let Some(q) = r.bank.question(id) else {
            continue;
        };
        match r.answer(id) {
            Some(Answer::Bool(true)) => lines.push(r.short(id)),
            Some(Answer::Bool(false)) => {}
            Some(Answer::Text(choice)) if id == "sec.backups" && choice != "none" => {
                lines.push(format!(
                    "{}{} {}",
                    r.short(id),
                    crate::i18n::colon(lang),
                    r.value(id).text.to_lowercase()
                ));
            }
            Some(a) if a.selected().is_some() => {
                for option in a.selected().unwrap_or_default() {
                    if let Some(choice) = q.option(option) {
                        lines.push(choice.label.get(lang).to_string());
                    }
                }
            }
            Some(a) if a.is_dont_know() => unsure.push(r.short(id)),
            _ => {}
        }
    }
    if !unsure.is_empty() {
        let missing = Value::to_fill(&join_list(&unsure, lang), lang);
        lines.push(missing.text);
        Value {
            text: lines.join("\n"),
            to_fill: true,
        }
    } else if lines.is_empty() {
        Value::to_fill(&tr(lang, "mesures de sécurité", "security measures"), lang)
    } else {
        Value::known(lines.join("\n"))
    }
}
