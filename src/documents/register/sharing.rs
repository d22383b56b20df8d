//! Who receives an activity's information and where it goes: recipients, joint
//! controllers, transfers outside the Union and communications outside Québec.

use super::tr;
use crate::answer::Answer;
use crate::documents::{EntryView, Reader, Value};
use crate::i18n::join_list;
use crate::law::Jurisdiction;
/// The third parties that receive this activity's information, or a
/// placeholder when the answers do not say whether any does.
fn receivers<'r>(r: &'r Reader<'r>, e: &EntryView<'_>) -> Option<Vec<EntryView<'r>>> {
    match r.yes("tp.shares") {
        Some(false) => Some(Vec::new()),
        Some(true) => Some(
            r.entries("tp.list")
                .into_iter()
                .filter(|tp| tp.selected("info_shared").contains(&e.name))
                .collect(),
        ),
        None => None,
    }
}

/// The joint controllers among the activity's recipients.
pub(super) fn joint(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
    let lang = r.lang;
    match receivers(r, e) {
        None => Value::to_fill(&r.short("tp.shares"), lang),
        Some(tps) => {
            let names: Vec<String> = tps
                .iter()
                .filter(|tp| tp.choice("role") == Some("joint"))
                .map(|tp| tp.name.clone())
                .collect();
            if names.is_empty() {
                Value::known(tr(lang, "Aucun", "None"))
            } else {
                Value::known(join_list(&names, lang))
            }
        }
    }
}

/// Who receives the activity's information, inside the organisation and outside.
pub(super) fn recipients(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
    let lang = r.lang;
    let internal = e.value("used_by");
    let label = |fr: &str, en: &str| tr(lang, fr, en);
    let external = match receivers(r, e) {
        None => Value::to_fill(&r.short("tp.shares"), lang),
        Some(tps) if tps.is_empty() => Value::known(label("aucun tiers", "no third party")),
        Some(tps) => {
            let lines: Vec<String> = tps
                .iter()
                .map(|tp| {
                    let mut parts = vec![tp.name.clone()];
                    if let Some(Answer::Text(service)) = tp.answer("service") {
                        parts.push(service.trim().to_string());
                    }
                    if let Some(role) = tp.choice("role").and_then(|id| role_word(r, id)) {
                        parts.push(role);
                    }
                    if let Some(a) = tp.answer("country").filter(|a| a.is_substantive()) {
                        let q = tp
                            .group
                            .sub("country")
                            .expect("a sub-question of the group");
                        parts.push(a.display(q, lang));
                    }
                    parts.retain(|p| !p.is_empty());
                    parts.join(" — ")
                })
                .collect();
            Value::known(lines.join("\n"))
        }
    };
    Value {
        text: format!(
            "{}{} {}\n{}{} {}",
            label("Internes", "Internal"),
            crate::i18n::colon(lang),
            internal.text,
            label("Externes", "External"),
            crate::i18n::colon(lang),
            external.text
        ),
        to_fill: internal.to_fill || external.to_fill,
    }
}

/// A third party's role in the words of the organisation's law.
fn role_word(r: &Reader<'_>, id: &str) -> Option<String> {
    let gdpr = r.under(Jurisdiction::Eu);
    let lang = r.lang;
    Some(match id {
        "processor" if gdpr => tr(lang, "sous-traitant", "processor"),
        "processor" => tr(lang, "fournisseur de services", "service provider"),
        "controller" if gdpr => tr(
            lang,
            "responsable de traitement distinct",
            "separate controller",
        ),
        "controller" => tr(
            lang,
            "organisation qui les utilise pour son propre compte",
            "organization using it on its own behalf",
        ),
        "joint" if gdpr => tr(lang, "responsable conjoint", "joint controller"),
        "joint" => tr(
            lang,
            "partenaire qui décide avec l’organisation de leur usage",
            "partner deciding jointly how it is used",
        ),
        _ => return None,
    })
}

/// Transfers outside the European Union and their safeguards.
pub(super) fn transfers(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
    let lang = r.lang;
    let unknown_place = tr(
        lang,
        "lieu d’hébergement de certains tiers",
        "where some third parties host the information",
    );
    per_receiver(
        r,
        e,
        |tp| {
            tp.choice("country")
                .is_some_and(|c| matches!(c, "us" | "other" | "ca" | "qc"))
        },
        |tp| {
            if tp.ruled_out("safeguards") {
                Value::to_fill(
                    &tr(lang, "garantie du transfert", "safeguard for the transfer"),
                    lang,
                )
            } else {
                tp.value("safeguards")
            }
        },
        Some(unknown_place),
        tr(
            lang,
            "Aucun transfert hors de l’Union européenne",
            "No transfer outside the European Union",
        ),
    )
}

/// Communications outside Québec and the assessment s. 17 asks for first.
pub(super) fn outside_quebec(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
    let lang = r.lang;
    per_receiver(
        r,
        e,
        |tp| tp.choice("country").is_some_and(|c| c != "qc"),
        |tp| match tp.answer("qc_assessment") {
            Some(Answer::Bool(true)) => Value::known(tr(
                lang,
                "évaluation des facteurs relatifs à la vie privée faite",
                "privacy impact assessment done",
            )),
            Some(Answer::Bool(false)) => Value::known(tr(
                lang,
                "sans évaluation des facteurs relatifs à la vie privée",
                "no privacy impact assessment",
            )),
            _ => Value {
                to_fill: true,
                ..tp.value("qc_assessment")
            },
        },
        None,
        tr(
            lang,
            "Aucune communication hors du Québec",
            "Nothing shared outside Québec",
        ),
    )
}

/// One line per receiver of the activity that `concerned` keeps, « Name
/// (country): what `says` », then, when `unknown_place` is given and some
/// receiver's country is not answered, a line to fill naming it; `none`
/// when there is no line. To fill when the receivers or a line are.
fn per_receiver(
    r: &Reader<'_>,
    e: &EntryView<'_>,
    concerned: impl Fn(&EntryView<'_>) -> bool,
    says: impl Fn(&EntryView<'_>) -> Value,
    unknown_place: Option<String>,
    none: String,
) -> Value {
    let lang = r.lang;
    let Some(tps) = receivers(r, e) else {
        return Value::to_fill(&r.short("tp.shares"), lang);
    };
    let mut lines = Vec::new();
    let mut to_fill = false;
    for tp in tps.iter().filter(|tp| concerned(tp)) {
        let said = says(tp);
        to_fill |= said.to_fill;
        lines.push(format!(
            "{} ({}){} {}",
            tp.name,
            tp.value("country").text,
            crate::i18n::colon(lang),
            said.text
        ));
    }
    if let Some(place) = unknown_place
        && tps.iter().any(|tp| tp.choice("country").is_none())
    {
        to_fill = true;
        lines.push(Value::to_fill(&place, lang).text);
    }
    if lines.is_empty() {
        Value::known(none)
    } else {
        Value {
            text: lines.join("\n"),
            to_fill,
        }
    }
}
