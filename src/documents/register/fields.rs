//! The fields of an activity's record, in the order of GDPR art. 30(1) for
//! the organisation's own activities and art. 30(2) for those done for clients.

use super::parties::{dpo, officer, organisation, representative};
use super::processing::{purposes, retention, security};
use super::sharing::{joint, outside_quebec, recipients, transfers};
use super::{Field, art30, tr};
use crate::documents::{EntryView, Reader, Value};
use crate::law::{Citation, Jurisdiction};

/// Where a paragraph of art. 30 asks for the fields both paragraphs share;
/// `None` when that paragraph does not ask for the field.
struct Points {
    /// The organisation, its contact and its data protection officer.
    who: &'static str,
    /// The purposes, or categories of processing.
    purposes: &'static str,
    /// The people and the categories of data.
    described: Option<&'static str>,
    /// The recipients.
    recipients: Option<&'static str>,
    /// Transfers outside the Union.
    transfers: &'static str,
    /// The retention period.
    retention: Option<&'static str>,
    /// The security measures.
    security: &'static str,
}

/// Art. 30(1): an activity carried out on the organisation's own behalf.
const OWN: Points = Points {
    who: "(1)(a)",
    purposes: "(1)(b)",
    described: Some("(1)(c)"),
    recipients: Some("(1)(d)"),
    transfers: "(1)(e)",
    retention: Some("(1)(f)"),
    security: "(1)(g)",
};

/// Art. 30(2): an activity carried out on a client's behalf.
const FOR_CLIENT: Points = Points {
    who: "(2)(a)",
    purposes: "(2)(b)",
    described: None,
    recipients: None,
    transfers: "(2)(c)",
    retention: None,
    security: "(2)(d)",
};

/// One field.
fn field(key: &'static str, label: String, reference: Option<String>, value: Value) -> Field {
    Field {
        key,
        label,
        reference,
        value,
    }
}

/// The art. 30 reference at `point`, if that paragraph asks for the field.
fn cite(r: &Reader<'_>, point: Option<&str>) -> Option<String> {
    point.and_then(|point| art30(r, point))
}

/// The fields of art. 30(1), for an activity carried out on the organisation's own behalf.
pub(super) fn controller_fields(r: &Reader<'_>, e: &EntryView<'_>) -> Vec<Field> {
    let lang = r.lang;
    let eu = r.under(Jurisdiction::Eu);
    let p = &OWN;
    let label = if eu {
        tr(lang, "Responsable du traitement", "Controller")
    } else {
        tr(lang, "Organisation", "Organization")
    };
    let mut fields = organisation_fields(r, "controller", label, p);
    fields.push(field(
        "officer",
        tr(lang, "Personne responsable", "Person in charge"),
        None,
        officer(r),
    ));
    if eu {
        fields.push(dpo_field(r, p));
        if !r.ruled_out("org.eu_representative") {
            fields.push(field(
                "representative",
                tr(
                    lang,
                    "Représentant dans l’Union",
                    "Representative in the Union",
                ),
                art30(r, p.who),
                representative(r),
            ));
        }
        fields.push(field(
            "joint",
            tr(lang, "Responsables conjoints", "Joint controllers"),
            art30(r, p.who),
            joint(r, e),
        ));
    }
    fields.push(purposes_field(r, e, tr(lang, "Finalités", "Purposes"), p));
    if !e.ruled_out("basis") {
        fields.push(field(
            "basis",
            tr(lang, "Base légale", "Lawful basis"),
            Some(Citation::Article("6(1)".into()).render(Jurisdiction::Eu, lang)),
            e.value("basis"),
        ));
    }
    fields.extend(described(r, e, p));
    fields.extend(handling(r, e, p, r.under(Jurisdiction::Qc)));
    fields
}

/// The fields of art. 30(2), for an activity carried out on a client's behalf.
pub(super) fn processor_fields(r: &Reader<'_>, e: &EntryView<'_>) -> Vec<Field> {
    let lang = r.lang;
    let p = &FOR_CLIENT;
    let label = tr(lang, "Sous-traitant", "Processor");
    let mut fields = organisation_fields(r, "processor", label, p);
    fields.push(field(
        "clients",
        tr(
            lang,
            "Responsables du traitement pour le compte desquels il agit",
            "Controllers on whose behalf it acts",
        ),
        art30(r, p.who),
        Value::to_fill(
            &tr(
                lang,
                "nom et coordonnées de chaque client",
                "name and contact details of each client",
            ),
            lang,
        ),
    ));
    if r.under(Jurisdiction::Eu) {
        fields.push(dpo_field(r, p));
    }
    let label = tr(
        lang,
        "Catégories de traitements",
        "Categories of processing",
    );
    fields.push(purposes_field(r, e, label, p));
    fields.extend(described(r, e, p));
    fields.extend(handling(r, e, p, false));
    fields
}

/// The organisation under its role's `key` and `label`, then its contact.
fn organisation_fields(r: &Reader<'_>, key: &'static str, label: String, p: &Points) -> Vec<Field> {
    vec![
        field(key, label, art30(r, p.who), organisation(r)),
        field(
            "contact",
            tr(r.lang, "Contact", "Contact"),
            art30(r, p.who),
            r.value("org.contact_email"),
        ),
    ]
}

/// The data protection officer's line.
fn dpo_field(r: &Reader<'_>, p: &Points) -> Field {
    field(
        "dpo",
        tr(
            r.lang,
            "Délégué à la protection des données",
            "Data protection officer",
        ),
        art30(r, p.who),
        dpo(r),
    )
}

/// The purposes, under the paragraph's `label`.
fn purposes_field(r: &Reader<'_>, e: &EntryView<'_>, label: String, p: &Points) -> Field {
    field("purposes", label, art30(r, p.purposes), purposes(e))
}

/// The people and information concerned, and where the information is kept.
fn described(r: &Reader<'_>, e: &EntryView<'_>, p: &Points) -> Vec<Field> {
    let lang = r.lang;
    let reference = cite(r, p.described);
    vec![
        field(
            "people",
            tr(lang, "Personnes concernées", "Data subjects"),
            reference.clone(),
            e.value("people"),
        ),
        field(
            "data",
            tr(lang, "Catégories de données", "Categories of data"),
            reference,
            e.value("what"),
        ),
        field(
            "storage",
            tr(lang, "Support", "Where it is kept"),
            None,
            e.value("storage"),
        ),
    ]
}

/// Who receives the information, where it goes (outside Québec too when
/// `quebec`), how long it is kept and how it is protected.
fn handling(r: &Reader<'_>, e: &EntryView<'_>, p: &Points, quebec: bool) -> Vec<Field> {
    let lang = r.lang;
    let mut fields = vec![field(
        "recipients",
        tr(lang, "Destinataires", "Recipients"),
        cite(r, p.recipients),
        recipients(r, e),
    )];
    if r.under(Jurisdiction::Eu) {
        fields.push(field(
            "transfers",
            tr(
                lang,
                "Transferts hors de l’Union européenne",
                "Transfers outside the European Union",
            ),
            art30(r, p.transfers),
            transfers(r, e),
        ));
    }
    if quebec {
        fields.push(field(
            "outside_quebec",
            tr(
                lang,
                "Communication hors du Québec",
                "Sharing outside Québec",
            ),
            Some(Citation::Section("17".into()).render(Jurisdiction::Qc, lang)),
            outside_quebec(r, e),
        ));
    }
    fields.push(field(
        "retention",
        tr(lang, "Durée de conservation", "Retention period"),
        cite(r, p.retention),
        retention(r, e),
    ));
    fields.push(field(
        "security",
        tr(lang, "Mesures de sécurité", "Security measures"),
        art30(r, p.security),
        security(r),
    ));
    fields
}
