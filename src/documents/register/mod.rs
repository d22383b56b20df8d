//! The record of processing activities (GDPR art. 30), laid out like the
//! CNIL's model: one sheet listing the activities, one sheet per activity.
//! An organisation outside the GDPR gets the same inventory of its personal
//! information, without the article's references.

mod fields;
mod parties;
mod processing;
mod sharing;

use super::sheet::{Column, Sheet, Workbook};
use super::{Reader, Value};
use crate::answer::Answer;
use crate::i18n::{Lang, format_date};
use crate::law::{Citation, Jurisdiction};
use fields::{controller_fields, processor_fields};

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
    let mut sheets = vec![overview(r, &activities, title.clone(), intro)];
    sheets.extend(
        activities
            .iter()
            .enumerate()
            .map(|(i, a)| activity_sheet(r, i + 1, a)),
    );
    Workbook { title, sheets }
}

/// The first sheet: one row per activity, with the fields that tell them apart.
fn overview(r: &Reader<'_>, activities: &[Activity], title: String, intro: Vec<String>) -> Sheet {
    let lang = r.lang;
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
    Sheet {
        name: tr(lang, "Registre", "Record"),
        title,
        intro,
        columns,
        rows,
        spare_rows: 0,
    }
}

/// The sheet of activity number `n`: its fields, with their references when any.
fn activity_sheet(r: &Reader<'_>, n: usize, a: &Activity) -> Sheet {
    let lang = r.lang;
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
    Sheet {
        name: format!("{n} {}", a.name),
        title: format!("{} {n} — {}", tr(lang, "Fiche", "Activity"), a.name),
        intro: if role.is_empty() {
            Vec::new()
        } else {
            vec![role]
        },
        columns,
        rows,
        spare_rows: 0,
    }
}
