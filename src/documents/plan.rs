//! The action tracker: the report's action plan as a spreadsheet to follow
//! up, with empty owner, due date and status columns. Each action's id is its
//! rule's (plus the entry's name for a finding on one entry), so the tracker
//! of next year's assessment lines up with this one's.

use super::Value;
use super::sheet::{Column, Sheet, Workbook};
use crate::bank::Bank;
use crate::i18n::{Lang, format_date};
use crate::report::{BuildOptions, PlannedAction, actions};
use crate::session::Session;
use std::collections::BTreeMap;

/// The statuses the status column offers.
pub fn statuses(lang: Lang) -> Vec<String> {
    let words: [&str; 4] = match lang {
        Lang::Fr => ["À faire", "En cours", "Fait", "Abandonné"],
        Lang::En => ["To do", "In progress", "Done", "Dropped"],
    };
    words.iter().map(|w| w.to_string()).collect()
}

/// The plan's actions, most severe first, with ids made unique should two
/// entries share a name (`…/acme`, `…/acme-2`).
pub fn planned(bank: &Bank, session: &Session, options: BuildOptions) -> Vec<PlannedAction> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    actions(bank, session, options)
        .into_iter()
        .map(|mut a| {
            let n = seen.entry(a.id.clone()).or_default();
            *n += 1;
            if *n > 1 {
                a.id = format!("{}-{n}", a.id);
            }
            a
        })
        .collect()
}

/// The tracker as a workbook of one sheet.
pub fn workbook(bank: &Bank, session: &Session, options: BuildOptions) -> Workbook {
    let lang = options.lang;
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let title = tr("Suivi du plan d’action", "Action tracker");
    let actions = planned(bank, session, options);
    let columns = vec![
        Column::new("ID", 22.0),
        Column::new(tr("Priorité", "Priority"), 11.0),
        Column::new(tr("Domaine", "Area"), 20.0),
        Column::new(tr("À faire", "Action"), 36.0),
        Column::new(tr("Constat", "Finding"), 36.0),
        Column::new(tr("Ce qu’il faut faire", "What to do"), 60.0),
        Column::new(tr("Références", "References"), 26.0),
        Column::new(tr("Responsable", "Owner"), 18.0),
        Column::new(tr("Échéance", "Due date"), 12.0),
        Column::choosing(tr("Statut", "Status"), 12.0, statuses(lang)),
        Column::new(tr("Commentaire", "Comment"), 30.0),
    ];
    let rows = actions
        .iter()
        .map(|a| {
            let mut row: Vec<Value> = [&a.id, &a.priority, &a.area, &a.task, &a.title, &a.action]
                .into_iter()
                .map(|s| Value::known(s.clone()))
                .collect();
            row.push(Value::known(a.refs.join("\n")));
            row.extend((0..4).map(|_| Value::known("")));
            row
        })
        .collect();
    let intro = vec![
        format!(
            "{} — {} {}",
            session.organisation,
            tr("évaluation du", "assessment of"),
            format_date(options.date, lang)
        ),
        tr(
            "Les actions sont classées de la plus urgente à la moins urgente. Leur identifiant reste le même d’une évaluation à l’autre\u{a0}: reportez le responsable, l’échéance et le statut d’une année sur l’autre en les rapprochant par cet identifiant.",
            "Actions are listed most urgent first. Their id stays the same from one assessment to the next: carry the owner, due date and status over from one year to the next by matching on it.",
        ),
    ];
    Workbook {
        title: title.clone(),
        sheets: vec![Sheet {
            name: tr("Actions", "Actions"),
            title: format!("{title} — {}", session.organisation),
            intro,
            columns,
            rows,
            spare_rows: 30,
        }],
    }
}
