//! Who answers for the activities: the organisation, the person in charge, the
//! data protection officer and the representative in the Union.

use super::tr;
use crate::documents::{Reader, Value};
/// The organisation's name and address.
pub(super) fn organisation(r: &Reader<'_>) -> Value {
    let name = r.value("org.name");
    let address = r.value("org.address");
    Value {
        text: format!("{}\n{}", name.text, address.text),
        to_fill: name.to_fill || address.to_fill,
    }
}

/// The person in charge of protecting the information, or who should be named.
pub(super) fn officer(r: &Reader<'_>) -> Value {
    match r.yes("org.officer") {
        Some(true) => r.value("org.officer_name"),
        Some(false) => Value::known(tr(r.lang, "Aucune personne désignée", "No one designated")),
        None => Value::to_fill(&r.short("org.officer"), r.lang),
    }
}

/// The data protection officer, as far as the answers tell.
pub(super) fn dpo(r: &Reader<'_>) -> Value {
    let lang = r.lang;
    match (r.yes("org.dpo_needed"), r.yes("org.dpo")) {
        (_, Some(true)) => Value::to_fill(
            &tr(
                lang,
                "nom et coordonnées du délégué",
                "name and contact details of the officer",
            ),
            lang,
        ),
        (_, Some(false)) => Value::known(tr(lang, "Aucun délégué désigné", "None designated")),
        (Some(false), _) => Value::known(tr(
            lang,
            "Aucun (désignation non obligatoire d’après les réponses)",
            "None (not required according to the answers)",
        )),
        _ => Value::to_fill(&r.short("org.dpo"), lang),
    }
}

/// The representative in the Union (GDPR art. 27), as far as the answers tell.
pub(super) fn representative(r: &Reader<'_>) -> Value {
    let lang = r.lang;
    match r.yes("org.eu_representative") {
        Some(true) => Value::to_fill(
            &tr(
                lang,
                "nom et coordonnées du représentant",
                "name and contact details of the representative",
            ),
            lang,
        ),
        Some(false) => Value::known(tr(lang, "Aucun représentant désigné", "None designated")),
        None => Value::to_fill(&r.short("org.eu_representative"), lang),
    }
}
