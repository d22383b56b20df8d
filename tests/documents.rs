//! The documents besides the report (record of processing, action tracker,
//! incident register) read back from the files a user opens.

mod common;

use assert_cmd::Command;
use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};
use predicates::prelude::*;
use privaudit::answer::Answer;
use privaudit::bank::Bank;
use privaudit::documents::{Reader, incidents, plan, register, sheet};
use privaudit::i18n::Lang;
use privaudit::law::Jurisdiction;
use privaudit::report::BuildOptions;
use privaudit::session::Session;
use std::collections::BTreeSet;

const DATE: time::Date = time::macros::date!(2026 - 11 - 29);

fn bank() -> Bank {
    Bank::embedded().unwrap()
}

fn example(bank: &Bank, name: &str) -> Session {
    privaudit::example::open(bank, name).unwrap()
}

/// Every sheet of an `.xlsx` file: its name and its cells as text, row by row.
fn read_back(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// Every sheet of an `.ods` file, as [`read_back`] gives an `.xlsx`.
fn read_back_ods(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: calamine::Ods<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|row| row.iter().map(|cell| cell.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

/// The sheets with the empty rows and cells at their end (and before their
/// first row) left out: what a reader sees, whatever each format stores.
fn seen(sheets: Vec<(String, Vec<Vec<String>>)>) -> Vec<(String, Vec<Vec<String>>)> {
    sheets
        .into_iter()
        .map(|(name, rows)| {
            let mut rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|mut row| {
                    while row.last().is_some_and(String::is_empty) {
                        row.pop();
                    }
                    row
                })
                .collect();
            while rows.last().is_some_and(Vec::is_empty) {
                rows.pop();
            }
            (name, rows)
        })
        .collect()
}

fn register_book(
    bank: &Bank,
    session: &Session,
    lang: Lang,
) -> privaudit::documents::sheet::Workbook {
    register::workbook(&Reader::new(bank, session, lang, DATE), DATE)
}

#[test]
fn the_register_reads_back_with_every_field_of_every_activity() {
    let bank = bank();
    for name in privaudit::example::names(&bank) {
        for lang in Lang::ALL {
            let session = example(&bank, name);
            let activities = register::activities(&Reader::new(&bank, &session, lang, DATE));
            assert!(!activities.is_empty(), "{name}: no activity");
            let sheets = read_back(sheet::xlsx(&register_book(&bank, &session, lang)).unwrap());
            assert_eq!(
                sheets.len(),
                1 + activities.len(),
                "{name}: one sheet per activity"
            );
            let overview = &sheets[0].1;
            for (i, activity) in activities.iter().enumerate() {
                assert!(
                    overview
                        .iter()
                        .any(|row| row.get(1) == Some(&activity.name)),
                    "{name}: {} missing from the list",
                    activity.name
                );
                let rows = &sheets[i + 1].1;
                for field in &activity.fields {
                    let row = rows
                        .iter()
                        .find(|row| row.first() == Some(&field.label))
                        .unwrap_or_else(|| panic!("{name} {lang:?}: no row {}", field.label));
                    assert_eq!(row[1], field.value.text, "{name}: {}", field.label);
                    assert!(
                        !row[1].trim().is_empty(),
                        "{name}: {} is blank",
                        field.label
                    );
                    assert!(
                        !row[1].contains("[À COMPLÉTER\u{a0}: [")
                            && !row[1].contains("[TO COMPLETE: ["),
                        "{name}: a placeholder inside a placeholder: {}",
                        row[1]
                    );
                    assert_eq!(
                        field.value.to_fill,
                        row[1].contains("[À COMPLÉTER") || row[1].contains("[TO COMPLETE"),
                        "{name}: {}",
                        field.label
                    );
                    if let Some(reference) = &field.reference {
                        assert_eq!(&row[2], reference);
                    }
                }
            }
        }
    }
}

#[test]
fn a_gdpr_register_covers_article_30_point_by_point() {
    let bank = bank();
    let mut checked = 0;
    for name in privaudit::example::names(&bank) {
        let session = example(&bank, name);
        if !session.cited_jurisdictions().contains(&Jurisdiction::Eu) {
            continue;
        }
        for activity in register::activities(&Reader::new(&bank, &session, Lang::Fr, DATE)) {
            let refs: BTreeSet<String> = activity
                .fields
                .iter()
                .filter_map(|f| f.reference.clone())
                .collect();
            let points: &[&str] = if activity.for_client {
                &["30(2)(a)", "30(2)(b)", "30(2)(c)", "30(2)(d)"]
            } else {
                &[
                    "30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)",
                    "30(1)(g)",
                ]
            };
            for point in points {
                assert!(
                    refs.contains(&format!("RGPD, art.\u{a0}{point}")),
                    "{name} / {}: nothing for art. {point}",
                    activity.name
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 3);
}

#[test]
fn an_inventory_outside_the_gdpr_cites_no_gdpr_article() {
    let bank = bank();
    let session = example(&bank, "boutique-en-ligne");
    assert!(!session.cited_jurisdictions().contains(&Jurisdiction::Eu));
    let book = register_book(&bank, &session, Lang::Fr);
    assert!(
        book.title
            .starts_with("Inventaire des renseignements personnels")
    );
    let text = sheet::csv(&book);
    assert!(!text.contains("RGPD") && !text.contains("Base légale"));
}

#[test]
fn missing_answers_become_visible_placeholders_never_statements() {
    let bank = bank();
    let mut session = example(&bank, "studio-lumen");
    session
        .answers
        .insert("org.address".into(), Answer::dont_know());
    if let Some(Answer::Group(group)) = session.answers.get_mut("info.types") {
        group.entries[0].remove("retention");
    }
    let reader = Reader::new(&bank, &session, Lang::Fr, DATE);
    let first = &register::activities(&reader)[0];
    let field = |key: &str| first.fields.iter().find(|f| f.key == key).unwrap();
    assert!(field("retention").value.to_fill);
    assert!(
        field("retention")
            .value
            .text
            .starts_with("[À COMPLÉTER\u{a0}: Durée de conservation — Demandes de contact]")
    );
    assert!(field("controller").value.to_fill);
    assert!(
        field("controller")
            .value
            .text
            .contains("[À COMPLÉTER\u{a0}: Adresse]")
    );
    assert!(!field("purposes").value.to_fill);
    let csv = sheet::csv(&register_book(&bank, &session, Lang::Fr));
    assert!(csv.contains("[À COMPLÉTER\u{a0}: Durée de conservation — Demandes de contact]"));
}

#[test]
fn the_register_says_what_the_answers_say_about_recipients_and_transfers() {
    let bank = bank();
    let session = example(&bank, "studio-lumen");
    let reader = Reader::new(&bank, &session, Lang::En, DATE);
    let activities = register::activities(&reader);
    let contact = &activities[0];
    let value = |key: &str| {
        contact
            .fields
            .iter()
            .find(|f| f.key == key)
            .unwrap()
            .value
            .text
            .clone()
    };
    assert!(
        value("recipients").contains("processor"),
        "{}",
        value("recipients")
    );
    assert_eq!(value("transfers"), "No transfer outside the European Union");
    // A business that shares nothing names no third party.
    let mut alone = session.clone();
    alone
        .answers
        .insert("tp.shares".into(), Answer::Bool(false));
    let reader = Reader::new(&bank, &alone, Lang::En, DATE);
    let first = &register::activities(&reader)[0];
    let recipients = &first
        .fields
        .iter()
        .find(|f| f.key == "recipients")
        .unwrap()
        .value;
    assert!(
        recipients.text.ends_with("External: no third party"),
        "{}",
        recipients.text
    );
}

#[test]
fn the_register_csv_has_one_row_per_activity() {
    let bank = bank();
    let session = example(&bank, "atelier-pixel");
    let activities = register::activities(&Reader::new(&bank, &session, Lang::Fr, DATE));
    let csv = sheet::csv(&register_book(&bank, &session, Lang::Fr));
    assert!(csv.starts_with('\u{feff}'));
    let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("N°,Activité,Rôle,Finalités")
    );
    for (i, activity) in activities.iter().enumerate() {
        assert!(
            csv.contains(&format!("\r\n{},{}", i + 1, activity.name))
                || csv.contains(&format!("\r\n{},\"{}\"", i + 1, activity.name))
        );
    }
}

#[test]
fn tracker_ids_stay_the_same_when_the_next_assessment_fixes_a_gap() {
    let bank = bank();
    let options = BuildOptions {
        lang: Lang::Fr,
        date: DATE,
    };
    for name in privaudit::example::names(&bank) {
        let session = example(&bank, name);
        let before = plan::planned(&bank, &session, options);
        let ids: BTreeSet<&str> = before.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), before.len(), "{name}: ids not unique");
        // The same session in English: the same ids.
        let english = plan::planned(
            &bank,
            &session,
            BuildOptions {
                lang: Lang::En,
                ..options
            },
        );
        assert_eq!(
            english
                .iter()
                .map(|a| a.id.as_str())
                .collect::<BTreeSet<_>>(),
            ids,
            "{name}: ids depend on the language"
        );
    }
    let session = example(&bank, "boutique-en-ligne");
    let before = plan::planned(&bank, &session, options);
    assert!(before.iter().any(|a| a.id == "sec.mfa.missing"));
    assert!(
        before
            .iter()
            .any(|a| a.id.starts_with("tp.contract.ca/northwind"))
    );
    let mut next = session.clone();
    next.answers.insert("sec.mfa".into(), Answer::Bool(true));
    let after = plan::planned(&bank, &next, options);
    let before_ids: BTreeSet<&str> = before.iter().map(|a| a.id.as_str()).collect();
    let after_ids: BTreeSet<&str> = after.iter().map(|a| a.id.as_str()).collect();
    assert!(!after_ids.contains("sec.mfa.missing"));
    assert!(
        after_ids.is_subset(&before_ids),
        "{:?}",
        after_ids.difference(&before_ids)
    );
    assert_eq!(after_ids.len() + 1, before_ids.len());
}

#[test]
fn the_tracker_reads_back_with_empty_follow_up_columns() {
    let bank = bank();
    let session = example(&bank, "harbour-yoga");
    let options = BuildOptions {
        lang: Lang::En,
        date: DATE,
    };
    let actions = plan::planned(&bank, &session, options);
    let book = plan::workbook(&bank, &session, options);
    let status = book.sheets[0]
        .columns
        .iter()
        .find(|c| c.header == "Status")
        .unwrap();
    assert_eq!(status.choices, plan::statuses(Lang::En));
    let sheets = read_back(sheet::xlsx(&book).unwrap());
    let rows = &sheets[0].1;
    let header = rows
        .iter()
        .position(|r| r.first().map(String::as_str) == Some("ID"))
        .unwrap();
    assert_eq!(
        rows[header],
        [
            "ID",
            "Priority",
            "Area",
            "Action",
            "Finding",
            "What to do",
            "References",
            "Owner",
            "Due date",
            "Status",
            "Comment"
        ]
    );
    for (action, row) in actions.iter().zip(&rows[header + 1..]) {
        assert_eq!(row[0], action.id);
        assert_eq!(row[1], action.priority);
        assert_eq!(row[3], action.task);
        assert_eq!(row[4], action.title);
        assert_eq!(row[5], action.action);
        assert_eq!(row[6], action.refs.join("\n"));
        assert!(row[7..].iter().all(String::is_empty));
    }
}

#[test]
fn each_workbook_reads_back_from_the_ods_cell_for_cell_as_from_the_xlsx() {
    let bank = bank();
    let mut books = Vec::new();
    for (name, lang) in [("harbour-yoga", Lang::En), ("atelier-pixel", Lang::Fr)] {
        let session = example(&bank, name);
        books.push(register_book(&bank, &session, lang));
        books.push(plan::workbook(
            &bank,
            &session,
            BuildOptions { lang, date: DATE },
        ));
        books.push(incidents::workbook(
            &session.cited_jurisdictions(),
            Some(&session.organisation),
            lang,
        ));
    }
    for book in &books {
        let xlsx = seen(read_back(sheet::xlsx(book).unwrap()));
        let ods = seen(read_back_ods(sheet::ods(book).unwrap()));
        assert!(
            xlsx.iter().all(|(_, rows)| rows.len() > 2),
            "{}",
            book.title
        );
        assert_eq!(ods, xlsx, "{}", book.title);
    }
}

#[test]
fn the_ods_tracker_offers_the_statuses_and_the_ods_register_marks_what_to_complete() {
    use spreadsheet_ods::read_ods_buf;
    let bank = bank();
    let session = example(&bank, "harbour-yoga");
    let options = BuildOptions {
        lang: Lang::En,
        date: DATE,
    };
    let book = plan::workbook(&bank, &session, options);
    let ods = read_ods_buf(&sheet::ods(&book).unwrap()).unwrap();
    let tracker = ods.sheet(0);
    let header = (0..20)
        .find(|&r| tracker.value(r, 0).as_str_or_default() == "ID")
        .unwrap();
    let status = (0..20)
        .find(|&c| tracker.value(header, c).as_str_or_default() == "Status")
        .unwrap();
    let rows = book.sheets[0].rows.len() as u32 + book.sheets[0].spare_rows;
    for row in header + 1..=header + rows {
        let name = tracker
            .validation(row, status)
            .unwrap_or_else(|| panic!("no drop-down on row {row}"));
        let condition = ods.validation(name).unwrap().condition().to_string();
        for choice in plan::statuses(Lang::En) {
            assert!(condition.contains(&format!("\"{choice}\"")), "{condition}");
        }
    }
    assert!(tracker.validation(header, status).is_none());
    assert!(tracker.validation(header + 1, 0).is_none());
    // The register's cells to complete are filled, the others are not.
    let (mut to_fill, mut plain) = (0, 0);
    for name in privaudit::example::names(&bank) {
        let book = register_book(&bank, &example(&bank, name), Lang::Fr);
        let ods = read_ods_buf(&sheet::ods(&book).unwrap()).unwrap();
        for (n, sheet) in book.sheets.iter().enumerate() {
            let written = ods.sheet(n);
            let header = (0..20)
                .find(|&r| written.value(r, 0).as_str_or_default() == sheet.columns[0].header)
                .unwrap();
            for (r, values) in sheet.rows.iter().enumerate() {
                for (c, value) in values.iter().enumerate() {
                    let style = written
                        .cellstyle(header + 1 + r as u32, c as u32)
                        .map(|s| s.as_ref().to_string());
                    assert_eq!(
                        style.as_deref() == Some("to-fill"),
                        value.to_fill,
                        "{}",
                        value.text
                    );
                    if value.to_fill {
                        to_fill += 1;
                    } else {
                        plain += 1;
                    }
                }
            }
        }
    }
    assert!(
        to_fill > 0 && plain > to_fill,
        "{to_fill} to fill, {plain} not"
    );
}

#[test]
fn the_incident_register_has_each_law_columns_and_clocks() {
    let cases: [(&[Jurisdiction], &[&str], &[&str]); 3] = [
        (
            &[Jurisdiction::Eu],
            &["Motifs du retard", "72\u{a0}heures"],
            &["Avis public", "24\u{a0}mois", "cinq ans"],
        ),
        (
            &[Jurisdiction::Ca],
            &["24\u{a0}mois", "Autres organisations avisées"],
            &["Motifs du retard", "72\u{a0}heures", "cinq ans"],
        ),
        (
            &[Jurisdiction::Qc],
            &["Avis public", "cinq ans", "par.\u{a0}7°"],
            &["Motifs du retard", "24\u{a0}mois"],
        ),
    ];
    for (laws, present, absent) in cases {
        let book = incidents::workbook(laws, Some("Boulangerie Martin"), Lang::Fr);
        let sheets = read_back(sheet::xlsx(&book).unwrap());
        assert_eq!(sheets.len(), 3);
        let all: String = sheets
            .iter()
            .flat_map(|(_, rows)| rows.iter().flatten())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n");
        for word in present {
            assert!(all.contains(word), "{laws:?}: {word} missing");
        }
        for word in absent {
            assert!(!all.contains(word), "{laws:?}: {word} should not be there");
        }
        let rows = &sheets[0].1;
        let example = rows
            .iter()
            .find(|r| r.first().map(String::as_str) == Some("EXEMPLE"));
        assert!(example.is_some(), "{laws:?}: no example row");
    }
}

fn privaudit() -> Command {
    let mut command = Command::cargo_bin("privaudit").unwrap();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

#[test]
fn each_document_is_written_private_and_never_over_the_session() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bank = bank();
    let session_path = dir.path().join("lumen.json");
    let session = example(&bank, "studio-lumen");
    std::fs::write(&session_path, serde_json::to_vec_pretty(&session).unwrap()).unwrap();
    for (command, file) in [
        ("register", "registre.xlsx"),
        ("plan", "actions.csv"),
        ("incidents", "incidents.xlsx"),
        ("register", "registre.ods"),
        ("plan", "actions.ods"),
    ] {
        let out = dir.path().join(file);
        privaudit()
            .args([command])
            .arg(&session_path)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{command}");
    }
    let before = std::fs::read(&session_path).unwrap();
    privaudit()
        .args(["register"])
        .arg(&session_path)
        .args(["-f", "xlsx", "-o"])
        .arg(&session_path)
        .assert()
        .failure()
        .stderr(predicates::str::contains("lumen.json"));
    assert_eq!(std::fs::read(&session_path).unwrap(), before);
    privaudit()
        .args(["plan", "--example", "studio-lumen", "-o"])
        .arg(dir.path().join("actions.txt"))
        .assert()
        .failure()
        .stderr(
            predicates::str::contains("actions.txt")
                .and(predicates::str::contains(".xlsx, .ods ou .csv")),
        );
}

#[test]
fn a_large_session_gets_its_documents_in_well_under_a_second() {
    let bank = bank();
    let session = privaudit::example::stress(&bank, 100, 1_000).unwrap();
    let start = std::time::Instant::now();
    let reader = Reader::new(&bank, &session, Lang::Fr, DATE);
    let book = register::workbook(&reader, DATE);
    assert_eq!(book.sheets.len(), 1 + register::activities(&reader).len());
    let bytes = sheet::xlsx(&book).unwrap();
    let policy = privaudit::documents::policy::build(&reader, DATE);
    let took = start.elapsed();
    eprintln!(
        "register ({} bytes) and policy ({} sections): {took:?}",
        bytes.len(),
        policy.sections.len()
    );
    assert!(
        took < std::time::Duration::from_secs(if cfg!(debug_assertions) { 10 } else { 1 }),
        "{took:?}"
    );
}

#[test]
fn the_kit_writes_every_document_of_each_session_in_its_own_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bank = bank();
    let mut sessions = Vec::new();
    for name in ["studio-lumen", "harbour-yoga"] {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_vec(&example(&bank, name)).unwrap()).unwrap();
        sessions.push(path);
    }
    let out = dir.path().join("kits");
    privaudit()
        .arg("kit")
        .args(&sessions)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "14\u{a0}documents écrits pour 2\u{a0}évaluations",
        ));
    for (name, files) in [
        (
            "studio-lumen",
            [
                "rapport.pdf",
                "politique-de-confidentialite.md",
                "politique-de-confidentialite.html",
                "politique-de-confidentialite.pdf",
                "registre-des-traitements.xlsx",
                "plan-d-action.xlsx",
                "registre-des-incidents.xlsx",
            ],
        ),
        (
            "harbour-yoga",
            [
                "report.pdf",
                "privacy-policy.md",
                "privacy-policy.html",
                "privacy-policy.pdf",
                "record-of-processing.xlsx",
                "action-tracker.xlsx",
                "incident-register.xlsx",
            ],
        ),
    ] {
        for file in files {
            let path = out.join(name).join(file);
            let meta = std::fs::metadata(&path).unwrap_or_else(|_| panic!("{name}/{file} missing"));
            assert!(meta.len() > 1000, "{name}/{file} is nearly empty");
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{name}/{file}");
        }
        let policy = std::fs::read(out.join(name).join(files[3])).unwrap();
        let text = common::pdf_text::text(&policy);
        assert!(
            text.contains("Studio Lumen") || text.contains("Harbour Yoga"),
            "{name}: the policy's PDF names the organisation"
        );
        let sheets = read_back(std::fs::read(out.join(name).join(files[4])).unwrap());
        assert!(
            sheets.len() > 1,
            "{name}: the record has its activity sheets"
        );
    }
}

#[test]
fn a_comparison_tells_closed_new_and_lasting_gaps_and_keeps_retired_answers_apart() {
    use privaudit::documents::compare;
    let bank = bank();
    let old = example(&bank, "boutique-en-ligne");
    let mut new = old.clone();
    new.updated = time::macros::datetime!(2027-11-10 10:00 UTC);
    new.answers.insert("sec.mfa".into(), Answer::Bool(true));
    new.answers.insert(
        "rights.requests".into(),
        Answer::Choices(vec!["rectification".into()]),
    );
    new.retired
        .insert("old.question".into(), serde_json::json!(true));
    let c = compare::compare(&bank, &old, &new, Lang::Fr);
    let ids = |actions: &[privaudit::report::PlannedAction]| -> Vec<String> {
        actions.iter().map(|a| a.id.clone()).collect()
    };
    assert_eq!(ids(&c.closed), ["sec.mfa.missing"]);
    assert_eq!(ids(&c.opened), ["rights.objection.missing"]);
    let lasting = c
        .still_open
        .iter()
        .find(|s| s.action.id == "inc.plan.missing")
        .unwrap();
    assert_eq!(lasting.months, 12);
    assert_eq!(c.changed.len(), 2, "{:?}", c.changed);
    assert!(
        c.changed
            .iter()
            .any(|ch| ch.old == "Non" && ch.new == "Oui")
    );
    assert_eq!(c.retired, ["old.question"]);
    assert!(c.overall.0.is_some() && c.overall.1.is_some());
    let text = compare::markdown(&c);
    assert!(text.contains("## Écarts corrigés\n\n- **Pas d’authentification à deux facteurs**"));
    assert!(text.contains("ouvert depuis au moins 12\u{a0}mois"));
    assert!(text.contains("- old.question\n"), "{text}");
    assert!(text.starts_with("# Évolution depuis la dernière évaluation — Boutique"));
    // The same session twice: nothing changed, nothing closed.
    let same = compare::compare(&bank, &old, &old, Lang::En);
    assert!(same.closed.is_empty() && same.opened.is_empty() && same.changed.is_empty());
}

/// Consultant review 2 of the documents: a gap reworded by another rule of
/// the same requirement stays open (not « closed » and « new »), a group's
/// change names the entry and the field, an unscored area says why, and a
/// gap a closed one was hiding is explained.
#[test]
fn a_reworded_gap_stays_open_and_a_changed_entry_names_its_field() {
    use privaudit::documents::compare;
    let bank = bank();
    let old = example(&bank, "harbour-yoga");
    let mut new = old.clone();
    new.updated = time::macros::datetime!(2027-11-20 10:00 UTC);
    // Website visits: a retention period now, where « don't know » was.
    if let Some(Answer::Group(g)) = new.answers.get_mut("info.types") {
        g.entries[2].insert("retention".into(), Answer::Text("1y".into()));
    }
    new.answers
        .insert("trans.cookie_consent".into(), Answer::Text("choice".into()));
    let c = compare::compare(&bank, &old, &new, Lang::En);
    let ids = |actions: &[privaudit::report::PlannedAction]| -> Vec<String> {
        actions.iter().map(|a| a.id.clone()).collect()
    };
    let retention = |id: &String| id.starts_with("ret.periods.");
    assert!(
        !ids(&c.closed).iter().any(retention),
        "{:?}",
        ids(&c.closed)
    );
    assert!(
        !ids(&c.opened).iter().any(retention),
        "{:?}",
        ids(&c.opened)
    );
    assert!(
        c.still_open.iter().any(|s| retention(&s.action.id)),
        "the retention gap is still open, worded for what is left"
    );
    let row = c
        .changed
        .iter()
        .find(|ch| ch.question.contains("Website visits"))
        .expect("the entry's change is named");
    assert!(row.question.contains("Retention"), "{row:?}");
    assert_eq!(
        (row.old.as_str(), row.new.as_str()),
        ("Don’t know", "About a year")
    );
    let governance = c.areas.iter().find(|a| a.title == "Governance").unwrap();
    assert!(governance.new.is_none() && governance.new_unscored.contains("gap"));
    let text = compare::markdown(&c);
    assert!(
        text.contains("| Governance | not scored: 1 gap to fix |"),
        "{text}"
    );
    // Said under its heading, before the gaps it explains.
    let (heading, why) = (
        text.find("## New gaps").unwrap(),
        text.find("or because a gap now closed was hiding it")
            .unwrap(),
    );
    let first_gap = heading + text[heading..].find("\n- ").unwrap();
    assert!(heading < why && why < first_gap, "{text}");
}

#[test]
fn the_comparison_as_a_pdf_gives_both_dates_and_each_score_then_and_now() {
    use privaudit::documents::compare;
    use privaudit::i18n::{format_date, percent};
    let dir = tempfile::tempdir().unwrap();
    let bank = bank();
    for (name, lang) in [("harbour-yoga", Lang::En), ("atelier-pixel", Lang::Fr)] {
        let old = example(&bank, name);
        let mut new = old.clone();
        new.updated = time::macros::datetime!(2027-11-10 10:00 UTC);
        new.answers.insert("sec.mfa".into(), Answer::Bool(true));
        new.answers.insert("inc.plan".into(), Answer::Bool(true));
        let (old_path, new_path) = (dir.path().join("old.json"), dir.path().join("new.json"));
        std::fs::write(&old_path, serde_json::to_vec(&old).unwrap()).unwrap();
        std::fs::write(&new_path, serde_json::to_vec(&new).unwrap()).unwrap();
        let out = dir.path().join(format!("{name}.pdf"));
        Command::cargo_bin("privaudit")
            .unwrap()
            .arg("compare")
            .args([&old_path, &new_path])
            .args(["--lang", lang.code(), "-o"])
            .arg(&out)
            .assert()
            .success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let flat = |t: &str| {
            t.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let text = flat(&common::pdf_text::text(&bytes));
        let c = compare::compare(&bank, &old, &new, lang);
        let (then, now) = (format_date(c.old_date, lang), format_date(c.new_date, lang));
        assert!(
            text.contains(&flat(&then)) && text.contains(&flat(&now)),
            "{name}"
        );
        assert!(text.contains(&c.organisation), "{name}");
        // Each area's row reads: its title, the score then, the score now.
        let cell = |s: Option<u8>| s.map_or_else(|| "—".to_string(), |s| flat(&percent(s, lang)));
        // An area without a number says why, as on the report's summary.
        let area_cell = |s: Option<u8>, why: &str| match s {
            None if !why.is_empty() => flat(why),
            s => cell(s),
        };
        let overall = match lang {
            Lang::Fr => "Note globale",
            Lang::En => "Overall score",
        };
        let row = format!("{overall} {} {}", cell(c.overall.0), cell(c.overall.1));
        assert!(text.contains(&row), "{name}: no « {row} » in {text}");
        assert_ne!(
            c.overall.0, c.overall.1,
            "{name}: the change shows in the score"
        );
        for area in &c.areas {
            let row = format!(
                "{} {} {}",
                flat(&area.title),
                area_cell(area.old, &area.old_unscored),
                area_cell(area.new, &area.new_unscored)
            );
            assert!(text.contains(&row), "{name}: no « {row} »");
        }
        for closed in &c.closed {
            assert!(
                text.contains(&flat(&closed.title)),
                "{name}: {}",
                closed.title
            );
        }
    }
}

#[test]
fn the_report_of_an_audit_started_from_last_year_compares_the_two_while_the_old_file_is_readable() {
    use privaudit::session::library;
    let dir = tempfile::tempdir().unwrap();
    let bank = bank();
    let mut last_year = example(&bank, "boutique-en-ligne");
    last_year.mission.visit_date = Some("2025-11-10".into());
    let old_path = dir.path().join("boutique.json");
    std::fs::write(&old_path, serde_json::to_vec(&last_year).unwrap()).unwrap();
    // "New audit from this one" on the welcome screen, then one gap fixed.
    let (mut file, mut next) = library::duplicate(dir.path(), &old_path, &bank, Lang::Fr).unwrap();
    let new_path = file.path().to_path_buf();
    next.set_answer(
        &bank,
        "sec.mfa",
        Answer::Bool(true),
        time::OffsetDateTime::now_utc(),
    );
    file.save(&next).unwrap();
    let chapter = "Évolution depuis la dernière évaluation";
    let report = |out: &str| -> String {
        let out = dir.path().join(out);
        privaudit()
            .arg("report")
            .arg(&new_path)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        std::fs::read_to_string(out).unwrap()
    };
    let text = report("r1.md");
    let at = text
        .find(&format!("## 3. {chapter}"))
        .unwrap_or_else(|| panic!("the chapter after the action plan: {text}"));
    let section = &text[at..text[at + 3..]
        .find("\n## ")
        .map_or(text.len(), |i| at + 3 + i)];
    assert!(
        section.contains("comparée à celle du 10 novembre 2025"),
        "{section}"
    );
    assert!(
        section.contains("### Écarts corrigés\n\n- **Pas d’authentification à deux facteurs**"),
        "{section}"
    );
    assert!(
        section.contains("| Authentification à deux facteurs | Non | Oui |"),
        "{section}"
    );
    // The wizard's export and the kit build the same report.
    let options = BuildOptions {
        lang: Lang::Fr,
        date: DATE,
    };
    let exported = dir.path().join("wizard.md");
    privaudit::render::export_session(
        &bank,
        &next,
        Some(&new_path),
        options,
        privaudit::render::Format::Md,
        &exported,
    )
    .unwrap();
    assert!(
        std::fs::read_to_string(&exported)
            .unwrap()
            .contains(chapter)
    );
    // Archived from the welcome screen, last year's file is still found.
    library::archive(&old_path).unwrap();
    assert!(report("r2.md").contains(chapter));
    // Gone, the report is made without the chapter, and without an error.
    std::fs::remove_dir_all(dir.path().join("archive")).unwrap();
    let text = report("r3.md");
    assert!(!text.contains(chapter) && text.contains("## 3. "), "{text}");
    // An assessment not started from another has no such chapter.
    privaudit()
        .args(["report", "--example", "boutique-en-ligne"])
        .assert()
        .success()
        .stdout(predicates::str::contains(chapter).not());
}
