//! The plain mode: its logic against the wizard's on the same answers, and
//! the real binary in a pseudo-terminal (rexpect), to the end and after Ctrl-C.

mod common;

use common::{instant, mini_bank, mini_bank_dir};
use privaudit::i18n::Lang;
use privaudit::plain::interview::{Console, End, Interview};
use privaudit::session::{Saved, Session};
use privaudit::tui::app::App;
use privaudit::tui::keys::{map, press};
use privaudit::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use std::collections::VecDeque;
use std::io;

/// A console that replays typed lines and keeps the transcript.
struct Scripted {
    lines: VecDeque<String>,
    transcript: Vec<String>,
}

impl Scripted {
    fn new(lines: &[&str]) -> Scripted {
        Scripted {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            transcript: Vec::new(),
        }
    }
}

impl Console for Scripted {
    fn say(&mut self, text: &str) -> io::Result<()> {
        self.transcript.push(text.to_string());
        Ok(())
    }

    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let line = self.lines.pop_front();
        self.transcript
            .push(format!("{prompt}{}", line.as_deref().unwrap_or("<end>")));
        Ok(line)
    }
}

fn key(code: KeyCode) -> Event {
    press(code, KeyModifiers::NONE)
}

fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// The same answers through both front ends' logic: the wizard's update
/// driven by keys, and the plain interview driven by typed lines.
#[test]
fn both_front_ends_give_the_same_session_for_the_same_answers() {
    let bank = mini_bank();

    let dir = tempfile::tempdir().unwrap();
    let mut app = App::welcome(
        mini_bank(),
        dir.path().join("data"),
        Lang::Fr,
        Theme::plain(),
    );
    app.open(
        Session::new(&app.bank, Lang::Fr, instant()),
        dir.path().join("tui.json"),
    );
    let mut events = Vec::new();
    let enter = || key(KeyCode::Enter);
    let down = || key(KeyCode::Down);
    let space = || key(KeyCode::Char(' '));
    events.extend(typed("Atelier Nord"));
    events.push(enter());
    events.extend([down(), space(), down(), space(), enter()]); // Europe and Québec
    events.extend([down(), enter()]); // paper files: yes
    events.extend([down(), space(), down(), down(), space()]); // locked cabinet, other…
    events.extend(typed("Coffre"));
    events.push(enter());
    events.push(key(KeyCode::F(4))); // a note on the staff count
    events.extend(typed("Vérifier l’effectif"));
    events.push(enter());
    events.extend(typed("4"));
    events.push(enter());
    events.extend(typed("julie@atelier.ca"));
    events.push(enter());
    events.push(key(KeyCode::F(3))); // backups: don't know
    events.push(enter()); // no comments
    events.push(enter()); // add a vendor
    events.extend(typed("Nord Hébergement"));
    events.push(enter());
    events.extend([down(), enter()]); // abroad: yes
    events.extend([down(), down(), enter()]); // contract: no
    events.extend([down(), down(), enter()]); // done with vendors
    events.extend([down(), enter()]); // main vendor: the only one
    for event in &events {
        if let Some(msg) = map(event, app.is_typing()) {
            app.update(msg);
        }
    }
    let tui = app.session.clone().unwrap();

    let console = Scripted::new(&[
        "Atelier Nord",
        "1, 2",
        "1",
        "1,3",
        "Coffre",
        "#",
        "Vérifier l’effectif",
        "4",
        "julie@atelier.ca",
        "!",
        "",
        "a",
        "Nord Hébergement",
        "1",
        "2",
        "",
        "1",
    ]);
    let mut saves = 0;
    let mut interview = Interview::new(
        &bank,
        Session::new(&bank, Lang::Fr, instant()),
        console,
        |_: &Session| {
            saves += 1;
            Ok(Saved::Written)
        },
    );
    assert_eq!(interview.run().unwrap(), End::Finished);
    let plain = interview.session.clone();
    let transcript = interview.console().transcript.join("\n");
    drop(interview);

    assert_eq!(plain.answers, tui.answers, "{transcript}");
    assert_eq!(plain.notes, tui.notes);
    assert_eq!(plain.to_verify, tui.to_verify);
    assert_eq!(plain.organisation, "Atelier Nord");
    assert_eq!(plain.jurisdictions, tui.jurisdictions);
    assert!(plain.to_verify.contains("backup"));
    assert!(saves >= 12, "saved after every answer ({saves})");
}

#[test]
fn wrong_input_is_explained_and_asked_again_and_help_is_given() {
    let bank = mini_bank();
    // Enter alone on the name and on the first list, then a number off the list.
    let console = Scripted::new(&["", "Atelier", "", "7", "?", "1", "<"]);
    let mut interview = Interview::new(
        &bank,
        Session::new(&bank, Lang::En, instant()),
        console,
        |_: &Session| Ok(Saved::Written),
    );
    assert_eq!(interview.run().unwrap(), End::Stopped);
    let transcript = interview.console().transcript.join("\n");
    assert_eq!(
        transcript.matches("An answer is needed").count(),
        2,
        "{transcript}"
    );
    assert_eq!(
        transcript.matches("That number is not in the list").count(),
        1,
        "{transcript}"
    );
    assert!(transcript.contains("Help: Where."), "{transcript}");
    // Back from "Paper files?" is "Where?" again, with its answer shown.
    assert!(transcript.ends_with("Current answer: Europe (Enter to keep it)\nYour choices (numbers separated by commas, 0 for none): <end>"), "{transcript}");
}

/// Wizard review C7, plain mode: the reminder of the inventory follows the
/// question, as in the wizard.
#[test]
fn plain_mode_recalls_what_the_inventory_said() {
    let bank = common::embedded();
    let mut session = Session::new(&bank, Lang::En, instant());
    session.answers = common::answers(serde_json::json!({
        "org.name": "Harbour Bakery",
        "info.types": {"entries": [{"kind": "Cake orders", "what": ["health"], "storage": ["paper"]}]}
    }));
    session.sync_bindings(&bank);
    let console = Scripted::new(&[""]);
    let mut interview = Interview::new(&bank, session, console, |_: &Session| Ok(Saved::Written));
    interview.revise("sensitive.collects").unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("Do you collect sensitive or potentially sensitive information?\n→ You listed health information, an identification number or bank details for: Cake orders.\n"),
        "{transcript}"
    );
}

/// A finished mini-bank session with three vendors, in English.
fn filled_session(bank: &privaudit::bank::Bank) -> Session {
    let mut s = Session::new(bank, Lang::En, instant());
    s.answers = common::answers(serde_json::json!({
        "org.name": "Atelier Nord", "org.where": ["eu"], "paper": false, "size": 4,
        "email": "a@b.fr", "backup": "none",
        "vendors": {"entries": [{"name": "Nord"}, {"name": "Sud"}, {"name": "Est"}]},
        "favourite": "Sud"
    }));
    s.sync_bindings(bank);
    s
}

/// Wizard review C8, plain mode: the list says what an unfinished entry lacks.
#[test]
fn an_unfinished_entry_says_what_it_lacks_in_plain_mode() {
    let bank = mini_bank();
    let console = Scripted::new(&[""]);
    let mut interview = Interview::new(&bank, filled_session(&bank), console, |_: &Session| {
        Ok(Saved::Written)
    });
    interview.revise("vendors").unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("  1. Nord — 1 question unanswered"),
        "{transcript}"
    );
}

/// Wizard review 2: an entry's questions name the entry, as in the wizard,
/// not its number.
#[test]
fn an_entry_s_questions_name_the_entry() {
    let bank = mini_bank();
    let console = Scripted::new(&["m 2"]);
    let mut interview = Interview::new(&bank, filled_session(&bank), console, |_: &Session| {
        Ok(Saved::Written)
    });
    interview.revise("vendors").unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(transcript.contains("\nSud — Name"), "{transcript}");
}

#[test]
fn dont_know_on_a_filled_list_keeps_it_and_over_an_answer_asks_first() {
    let bank = mini_bank();
    let console = Scripted::new(&["!"]);
    let mut interview = Interview::new(&bank, filled_session(&bank), console, |_: &Session| {
        Ok(Saved::Written)
    });
    interview.revise("vendors").unwrap();
    assert_eq!(
        interview.session.answers["vendors"]
            .entries()
            .unwrap()
            .len(),
        3
    );
    assert!(interview.session.to_verify.contains("vendors"));

    let console = Scripted::new(&["!", "n", "!", "y"]);
    let mut interview = Interview::new(&bank, filled_session(&bank), console, |_: &Session| {
        Ok(Saved::Written)
    });
    interview.revise("size").unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("Replace the answer “4” with “Don’t know”? (y/n): n"),
        "{transcript}"
    );
    assert!(interview.session.answers["size"].is_dont_know());
}

#[test]
fn removing_an_entry_asks_and_percent_undoes_it() {
    let bank = mini_bank();
    let console = Scripted::new(&["s 2", "n", "s 2", "y", "%"]);
    let mut saved = Vec::new();
    let mut interview = Interview::new(&bank, filled_session(&bank), console, |s: &Session| {
        saved.push(s.answers["vendors"].entries().map_or(0, <[_]>::len));
        Ok(Saved::Written)
    });
    interview.revise("vendors").unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("Remove “Sud” and all its answers? (y/n): n"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Change undone: Vendors?"),
        "{transcript}"
    );
    assert_eq!(
        interview.session.answers["vendors"]
            .entries()
            .unwrap()
            .len(),
        3
    );
    drop(interview);
    // Saved without the entry, then with it again.
    assert_eq!(saved, vec![2, 3]);
}

#[cfg(unix)]
mod pty {
    use super::*;
    use rexpect::session::{PtySession, spawn_command};
    use std::path::Path;
    use std::process::Command;

    fn plain(session: &Path) -> PtySession {
        let mut command = Command::new(env!("CARGO_BIN_EXE_privaudit"));
        command
            .arg("--plain")
            .arg("--questions")
            .arg(mini_bank_dir())
            .arg(session)
            .env("NO_COLOR", "1")
            .env("PRIVAUDIT_DATA_DIR", session.parent().unwrap());
        spawn_command(command, Some(10_000)).expect("the binary starts in a pty")
    }

    fn answers(path: &Path) -> serde_json::Value {
        let s: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        s["answers"].clone()
    }

    /// Waits for `text`. rexpect reads the terminal byte by byte as Latin-1,
    /// so the needle is spelt the same way.
    fn expect(p: &mut PtySession, text: &str) {
        let bytes: String = text.bytes().map(char::from).collect();
        p.exp_string(&bytes)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    }

    fn answer(p: &mut PtySession, text: &str, line: &str) {
        expect(p, text);
        p.send_line(line).unwrap();
    }

    #[test]
    fn a_short_bank_answered_to_the_end_in_a_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("client.json");
        let mut p = plain(&path);
        answer(&mut p, "Nom de l’organisation ?", "Atelier Nord");
        answer(&mut p, "Vos choix", "2");
        answer(&mut p, "Dossiers papier ?", "2");
        answer(&mut p, "Effectif ?", "douze");
        answer(&mut p, "Écrivez un nombre.", "12");
        answer(&mut p, "Courriel ?", "julie@atelier.ca");
        answer(&mut p, "Sauvegardes ?", "1");
        answer(&mut p, "Commentaires ?", "");
        answer(&mut p, "Entrée pour terminer", "a");
        answer(&mut p, "Fournisseur 1 — Nom", "Nord");
        answer(&mut p, "À l’étranger ?", "2");
        answer(&mut p, "Entrée pour terminer", "");
        answer(&mut p, "Fournisseur principal ?", "1");
        // Revise the staff count from the list of answers, then write the report.
        answer(&mut p, "r pour revoir une réponse", "r");
        expect(&mut p, "4. Effectif ? — 12");
        answer(&mut p, "Numéro de la question à revoir", "4");
        answer(&mut p, "Réponse actuelle\u{a0}: 12", "15");
        answer(&mut p, "r pour revoir une réponse", "");
        answer(&mut p, "Écrire le rapport PDF", "");
        expect(&mut p, "Rapport écrit");
        p.exp_eof().unwrap();
        let a = answers(&path);
        assert_eq!(a["org.where"], serde_json::json!(["qc"]));
        assert_eq!(a["size"], 15.0);
        assert_eq!(a["vendors"]["entries"][0]["abroad"], false);
        assert!(dir.path().join("client-rapport.pdf").exists());
    }

    #[test]
    fn ctrl_c_midway_keeps_the_answers_and_the_next_run_resumes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("client.json");
        let mut p = plain(&path);
        answer(&mut p, "Nom de l’organisation ?", "Atelier Nord");
        answer(&mut p, "Vos choix", "1");
        answer(&mut p, "Dossiers papier ?", "1");
        expect(&mut p, "Protections ?");
        // Ctrl-C where a user presses it: at the prompt, waiting for a line.
        expect(
            &mut p,
            "Vos choix (numéros séparés par des virgules, 0 pour aucun)",
        );
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let a = answers(&path);
        assert_eq!(a["org.name"], "Atelier Nord");
        assert_eq!(a["paper"], true);
        assert!(a.get("paper.measures").is_none());

        let mut again = plain(&path);
        expect(&mut again, "Question 4/");
        answer(&mut again, "Protections ?", "2");
        answer(&mut again, "Effectif ?", "3");
        expect(&mut again, "Courriel ?");
        again.send_control('d').unwrap();
        expect(&mut again, "privaudit --plain");
        again.exp_eof().unwrap();
        let a = answers(&path);
        assert_eq!(a["paper.measures"], serde_json::json!(["alarm"]));
        assert_eq!(a["size"], 3.0);
    }

    #[test]
    fn the_chooser_shows_hostile_names_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let bank = mini_bank();
        let name = "Acme\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m".to_string();
        let session = privaudit::session::Session::named(&bank, Lang::Fr, name, instant());
        privaudit::session::save(&session, &dir.path().join("evil.json")).unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_privaudit"));
        command
            .arg("--plain")
            .arg("--questions")
            .arg(mini_bank_dir())
            .env("NO_COLOR", "1")
            .env("PRIVAUDIT_DATA_DIR", dir.path());
        let mut p = spawn_command(command, Some(10_000)).unwrap();
        let listed = p.exp_string("0 pour une nouvelle").unwrap();
        assert!(listed.contains("Acme\\u{1b}]52"), "{listed:?}");
        for bad in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(!listed.contains(bad), "raw {bad:?} in {listed:?}");
        }
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();
    }
}

#[test]
fn percent_undoes_and_goes_back_to_the_question_it_undid() {
    let bank = mini_bank();
    let console = Scripted::new(&["Atelier Nord", "%"]);
    let mut interview = Interview::new(
        &bank,
        Session::new(&bank, Lang::En, instant()),
        console,
        |_: &Session| Ok(Saved::Written),
    );
    assert_eq!(interview.run().unwrap(), End::Stopped);
    let transcript = interview.console().transcript.join("\n");
    let asked = transcript.matches("Question 1/10").count();
    assert_eq!(asked, 2, "asked again after the undo:\n{transcript}");
    assert!(!interview.session.answers.contains_key("org.name"));
}

#[test]
fn a_new_audit_in_plain_mode_starts_at_the_answers_to_confirm_and_enter_confirms() {
    let bank = mini_bank();
    let last_year = filled_session(&bank);
    let this_year = last_year.next_audit(std::path::Path::new("a.json"), instant());
    let console = Scripted::new(&["", ""]);
    let mut interview = Interview::new(&bank, this_year, console, |_: &Session| Ok(Saved::Written));
    interview.run().unwrap();
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("Organisation name?"),
        "starts at the first answer to confirm:\n{transcript}"
    );
    assert!(!interview.session.to_confirm.contains("org.name"));
    assert!(!interview.session.to_confirm.contains("org.where"));
    assert!(interview.session.to_confirm.contains("size"));
}

#[test]
fn a_failed_save_is_said_and_the_interview_goes_on() {
    let bank = mini_bank();
    let console = Scripted::new(&["Atelier Nord", "1"]);
    let mut interview = Interview::new(
        &bank,
        Session::new(&bank, Lang::En, instant()),
        console,
        |_: &Session| Err("disk full".to_string()),
    );
    assert_eq!(interview.run().unwrap(), End::Stopped);
    let transcript = interview.console().transcript.join("\n");
    assert!(
        transcript.contains("Could not save") && transcript.contains("disk full"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Where?"),
        "the next question is still asked:\n{transcript}"
    );
    assert_eq!(interview.session.organisation, "Atelier Nord");
}
