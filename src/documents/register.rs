//! The record of processing activities (GDPR art. 30), laid out like the
//! CNIL's model: one sheet listing the activities, one sheet per activity.
//! An organisation outside the GDPR gets the same inventory of its personal
//! information, without the article's references.

use super::sheet::{Column, Sheet, Workbook};
use super::{EntryView, Reader, Value};
use crate::answer::Answer;
use crate::i18n::{Lang, format_date, join_list};
use crate::law::{Citation, Jurisdiction};

/// One field of an activity's record.
#[derive(Debug, Clone)]
pub struct Field {
    /// Stable key (`purposes`, `recipients`…), for tests and the overview's columns.
    pub key: &'static str,
    /// The field's name.
    pub label: String,
    /// The provision that asks for it (GDPR only), e.g. "RGPD, art. 30(1)(b)".
    pub reference: Option<String>,
    /// What the answers say, or a placeholder.
    pub value: Value,
}

/// One processing activity: a kind of information the organisation collects.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Its name, from the interview.
    pub name: String,
    /// Carried out on behalf of a client (art. 30(2)) rather than for itself.
    pub for_client: bool,
    /// Its fields, in the record's order.
    pub fields: Vec<Field>,
}

/// The activities of a session, in the order entered.
pub fn activities(r: &Reader<'_>) -> Vec<Activity> {
    r.entries("info.types")
        .iter()
        .map(|entry| {
            let for_client = entry.answer("for_client") == Some(&Answer::Bool(true));
            let fields = if for_client {
                processor_fields(r, entry)
            } else {
                controller_fields(r, entry)
            };
            Activity {
                name: entry.name.clone(),
                for_client,
                fields,
            }
        })
        .collect()
}

/// French or English.
fn tr(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The art. 30 reference, when the GDPR applies.
fn art30(r: &Reader<'_>, point: &str) -> Option<String> {
    r.under(Jurisdiction::Eu)
        .then(|| Citation::Article(format!("30{point}")).render(Jurisdiction::Eu, r.lang))
}

fn field(key: &'static str, label: String, reference: Option<String>, value: Value) -> Field {
    Field {
        key,
        label,
        reference,
        value,
    }
}

/// The fields of art. 30(1), for an activity carried out on the organisation's own behalf.
fn controller_fields(r: &Reader<'_>, e: &EntryView<'_>) -> Vec<Field> {
    let lang = r.lang;
    let eu = r.under(Jurisdiction::Eu);
    let mut fields = vec![
        field(
            "controller",
            if eu {
                tr(lang, "Responsable du traitement", "Controller")
            } else {
                tr(lang, "Organisation", "Organization")
            },
            art30(r, "(1)(a)"),
            organisation(r),
        ),
        field(
            "contact",
            tr(lang, "Contact", "Contact"),
            art30(r, "(1)(a)"),
            r.value("org.contact_email"),
        ),
        field(
            "officer",
            tr(lang, "Personne responsable", "Person in charge"),
            None,
            officer(r),
        ),
    ];
    if eu {
        fields.push(dpo_field(r, "(1)(a)"));
        if !r.ruled_out("org.eu_representative") {
            fields.push(field(
                "representative",
                tr(
                    lang,
                    "Représentant dans l’Union",
                    "Representative in the Union",
                ),
                art30(r, "(1)(a)"),
                representative(r),
            ));
        }
        fields.push(field(
            "joint",
            tr(lang, "Responsables conjoints", "Joint controllers"),
            art30(r, "(1)(a)"),
            joint(r, e),
        ));
    }
    fields.push(field(
        "purposes",
        tr(lang, "Finalités", "Purposes"),
        art30(r, "(1)(b)"),
        purposes(e),
    ));
    if !e.ruled_out("basis") {
        fields.push(field(
            "basis",
            tr(lang, "Base légale", "Lawful basis"),
            Some(Citation::Article("6(1)".into()).render(Jurisdiction::Eu, lang)),
            e.value("basis"),
        ));
    }
    fields.extend(common_fields(r, e, "(1)(c)"));
    fields.push(field(
        "recipients",
        tr(lang, "Destinataires", "Recipients"),
        art30(r, "(1)(d)"),
        recipients(r, e),
    ));
    if eu {
        fields.push(transfers(r, e, "(1)(e)"));
    }
    if r.under(Jurisdiction::Qc) {
        fields.push(outside_quebec(r, e));
    }
    fields.push(field(
        "retention",
        tr(lang, "Durée de conservation", "Retention period"),
        art30(r, "(1)(f)"),
        retention(r, e),
    ));
    fields.push(security(r, "(1)(g)"));
    fields
}

/// The fields of art. 30(2), for an activity carried out on a client's behalf.
fn processor_fields(r: &Reader<'_>, e: &EntryView<'_>) -> Vec<Field> {
    let lang = r.lang;
    let eu = r.under(Jurisdiction::Eu);
    let mut fields = vec![
        field(
            "processor",
            tr(lang, "Sous-traitant", "Processor"),
            art30(r, "(2)(a)"),
            organisation(r),
        ),
        field(
            "contact",
            tr(lang, "Contact", "Contact"),
            art30(r, "(2)(a)"),
            r.value("org.contact_email"),
        ),
        field(
            "clients",
            tr(
                lang,
                "Responsables du traitement pour le compte desquels il agit",
                "Controllers on whose behalf it acts",
            ),
            art30(r, "(2)(a)"),
            Value::to_fill(
                &tr(
                    lang,
                    "nom et coordonnées de chaque client",
                    "name and contact details of each client",
                ),
                lang,
            ),
        ),
    ];
    if eu {
        fields.push(dpo_field(r, "(2)(a)"));
    }
    fields.push(field(
        "purposes",
        tr(
            lang,
            "Catégories de traitements",
            "Categories of processing",
        ),
        art30(r, "(2)(b)"),
        purposes(e),
    ));
    fields.extend(common_fields(r, e, ""));
    fields.push(field(
        "recipients",
        tr(lang, "Destinataires", "Recipients"),
        None,
        recipients(r, e),
    ));
    if eu {
        fields.push(transfers(r, e, "(2)(c)"));
    }
    fields.push(field(
        "retention",
        tr(lang, "Durée de conservation", "Retention period"),
        None,
        retention(r, e),
    ));
    fields.push(security(r, "(2)(d)"));
    fields
}

/// People and information concerned; cited under `point` when it is art. 30(1)(c).
fn common_fields(r: &Reader<'_>, e: &EntryView<'_>, point: &str) -> Vec<Field> {
    let lang = r.lang;
    let reference = (!point.is_empty()).then(|| art30(r, point)).flatten();
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

/// The organisation's name and address.
fn organisation(r: &Reader<'_>) -> Value {
    let name = r.value("org.name");
    let address = r.value("org.address");
    Value {
        text: format!("{}\n{}", name.text, address.text),
        to_fill: name.to_fill || address.to_fill,
    }
}

fn officer(r: &Reader<'_>) -> Value {
    match r.yes("org.officer") {
        Some(true) => r.value("org.officer_name"),
        Some(false) => Value::known(tr(r.lang, "Aucune personne désignée", "No one designated")),
        None => Value::to_fill(&r.short("org.officer"), r.lang),
    }
}

/// The data protection officer's line, citing art. 30 at `point`.
fn dpo_field(r: &Reader<'_>, point: &str) -> Field {
    field(
        "dpo",
        tr(
            r.lang,
            "Délégué à la protection des données",
            "Data protection officer",
        ),
        art30(r, point),
        dpo(r),
    )
}

fn dpo(r: &Reader<'_>) -> Value {
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

fn representative(r: &Reader<'_>) -> Value {
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

fn joint(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
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

fn purposes(e: &EntryView<'_>) -> Value {
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

fn recipients(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
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
fn transfers(r: &Reader<'_>, e: &EntryView<'_>, point: &str) -> Field {
    let lang = r.lang;
    let value = match receivers(r, e) {
        None => Value::to_fill(&r.short("tp.shares"), lang),
        Some(tps) => {
            let mut lines = Vec::new();
            let mut to_fill = false;
            for tp in tps.iter().filter(|tp| {
                tp.choice("country")
                    .is_some_and(|c| matches!(c, "us" | "other" | "ca" | "qc"))
            }) {
                let country = tp.value("country").text;
                let safeguard = if tp.ruled_out("safeguards") {
                    Value::to_fill(
                        &tr(lang, "garantie du transfert", "safeguard for the transfer"),
                        lang,
                    )
                } else {
                    tp.value("safeguards")
                };
                to_fill |= safeguard.to_fill;
                lines.push(format!(
                    "{} ({country}){} {}",
                    tp.name,
                    crate::i18n::colon(lang),
                    safeguard.text
                ));
            }
            if tps.iter().any(|tp| tp.choice("country").is_none()) {
                to_fill = true;
                lines.push(
                    Value::to_fill(
                        &tr(
                            lang,
                            "lieu d’hébergement de certains tiers",
                            "where some third parties host the information",
                        ),
                        lang,
                    )
                    .text,
                );
            }
            if lines.is_empty() {
                Value::known(tr(
                    lang,
                    "Aucun transfert hors de l’Union européenne",
                    "No transfer outside the European Union",
                ))
            } else {
                Value {
                    text: lines.join("\n"),
                    to_fill,
                }
            }
        }
    };
    field(
        "transfers",
        tr(
            lang,
            "Transferts hors de l’Union européenne",
            "Transfers outside the European Union",
        ),
        art30(r, point),
        value,
    )
}

/// Communications outside Québec and the assessment s. 17 asks for first.
fn outside_quebec(r: &Reader<'_>, e: &EntryView<'_>) -> Field {
    let lang = r.lang;
    let value = match receivers(r, e) {
        None => Value::to_fill(&r.short("tp.shares"), lang),
        Some(tps) => {
            let mut lines = Vec::new();
            let mut to_fill = false;
            for tp in tps
                .iter()
                .filter(|tp| tp.choice("country").is_some_and(|c| c != "qc"))
            {
                let assessed = match tp.answer("qc_assessment") {
                    Some(Answer::Bool(true)) => tr(
                        lang,
                        "évaluation des facteurs relatifs à la vie privée faite",
                        "privacy impact assessment done",
                    ),
                    Some(Answer::Bool(false)) => tr(
                        lang,
                        "sans évaluation des facteurs relatifs à la vie privée",
                        "no privacy impact assessment",
                    ),
                    _ => {
                        to_fill = true;
                        tp.value("qc_assessment").text
                    }
                };
                lines.push(format!(
                    "{} ({}){} {assessed}",
                    tp.name,
                    tp.value("country").text,
                    crate::i18n::colon(lang)
                ));
            }
            if lines.is_empty() {
                Value::known(tr(
                    lang,
                    "Aucune communication hors du Québec",
                    "Nothing shared outside Québec",
                ))
            } else {
                Value {
                    text: lines.join("\n"),
                    to_fill,
                }
            }
        }
    };
    field(
        "outside_quebec",
        tr(
            lang,
            "Communication hors du Québec",
            "Sharing outside Québec",
        ),
        Some(Citation::Section("17".into()).render(Jurisdiction::Qc, lang)),
        value,
    )
}

fn retention(r: &Reader<'_>, e: &EntryView<'_>) -> Value {
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
fn security(r: &Reader<'_>, point: &str) -> Field {
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
    let value = if !unsure.is_empty() {
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
    };
    field(
        "security",
        tr(lang, "Mesures de sécurité", "Security measures"),
        art30(r, point),
        value,
    )
}

/// The overview's columns: the fields that tell activities apart.
const OVERVIEW: [&str; 8] = [
    "purposes",
    "basis",
    "people",
    "data",
    "recipients",
    "transfers",
    "retention",
    "storage",
];

/// The record as a workbook: the list of activities, then one sheet each.
pub fn workbook(r: &Reader<'_>, date: time::Date) -> Workbook {
    let lang = r.lang;
    let activities = activities(r);
    let eu = r.under(Jurisdiction::Eu);
    let title = if eu {
        tr(
            lang,
            "Registre des activités de traitement",
            "Record of processing activities",
        )
    } else {
        tr(
            lang,
            &format!("Inventaire des {}", r.term("pi")),
            &format!("Inventory of {}", r.term("pi")),
        )
    };
    let org = r.value("org.name").text;
    let mut intro = vec![format!(
        "{org} — {} {}",
        tr(lang, "version du", "version of"),
        format_date(date, lang)
    )];
    intro.push(if eu {
        tr(
            lang,
            "Tenu en application de l’article 30 du RGPD, sur le modèle de la CNIL. Les cellules en jaune sont à compléter\u{a0}: les réponses ne les renseignent pas.",
            "Kept under GDPR Article 30, on the CNIL’s model. Cells in yellow are to complete: the answers do not say.",
        )
    } else {
        tr(
            lang,
            "Une fiche par activité\u{a0}: ce qui est recueilli, pourquoi, auprès de qui, qui le reçoit et combien de temps il est gardé. Les cellules en jaune sont à compléter\u{a0}: les réponses ne les renseignent pas.",
            "One sheet per activity: what is collected, why, from whom, who receives it and how long it is kept. Cells in yellow are to complete: the answers do not say.",
        )
    });
    let mut columns = vec![
        Column::new(tr(lang, "N°", "No."), 6.0),
        Column::new(tr(lang, "Activité", "Activity"), 24.0),
        Column::new(tr(lang, "Rôle", "Role"), 16.0),
    ];
    let shown: Vec<&str> = OVERVIEW
        .into_iter()
        .filter(|key| {
            activities
                .iter()
                .any(|a| a.fields.iter().any(|f| f.key == *key))
        })
        .collect();
    for key in &shown {
        let label = activities
            .iter()
            .flat_map(|a| a.fields.iter())
            .find(|f| f.key == *key)
            .map_or_else(String::new, |f| f.label.clone());
        columns.push(Column::new(label, 30.0));
    }
    let rows = activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut row = vec![
                Value::known(format!("{}", i + 1)),
                Value::known(a.name.clone()),
                Value::known(if a.for_client {
                    tr(lang, "Sous-traitant", "Processor")
                } else {
                    tr(lang, "Responsable", "Controller")
                }),
            ];
            for key in &shown {
                row.push(
                    a.fields
                        .iter()
                        .find(|f| f.key == *key)
                        .map_or_else(|| Value::known("—"), |f| f.value.clone()),
                );
            }
            row
        })
        .collect();
    let mut sheets = vec![Sheet {
        name: tr(lang, "Registre", "Record"),
        title: title.clone(),
        intro,
        columns,
        rows,
        spare_rows: 0,
    }];
    for (i, a) in activities.iter().enumerate() {
        let mut columns = vec![
            Column::new(tr(lang, "Rubrique", "Field"), 30.0),
            Column::new(tr(lang, "Contenu", "Content"), 70.0),
        ];
        let cited = a.fields.iter().any(|f| f.reference.is_some());
        if cited {
            columns.push(Column::new(tr(lang, "Référence", "Reference"), 22.0));
        }
        let rows = a
            .fields
            .iter()
            .map(|f| {
                let mut row = vec![Value::known(f.label.clone()), f.value.clone()];
                if cited {
                    row.push(Value::known(f.reference.clone().unwrap_or_default()));
                }
                row
            })
            .collect();
        let role = if a.for_client {
            let mut role = tr(
                lang,
                "Activité menée pour le compte d’un client",
                "Activity carried out on a client’s behalf",
            );
            if let Some(reference) = art30(r, "(2)") {
                role = format!("{role} ({reference})");
            }
            role
        } else {
            String::new()
        };
        sheets.push(Sheet {
            name: format!("{} {}", i + 1, a.name),
            title: format!("{} {} — {}", tr(lang, "Fiche", "Activity"), i + 1, a.name),
            intro: if role.is_empty() {
                Vec::new()
            } else {
                vec![role]
            },
            columns,
            rows,
            spare_rows: 0,
        });
    }
    Workbook { title, sheets }
}
