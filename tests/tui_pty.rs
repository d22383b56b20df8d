//! The real binary in a pseudo-terminal: keys typed, screen read back through a
//! terminal emulator. Every step waits for text on screen, never for a delay.
#![cfg(unix)]

mod common;

use common::pty::Wizard;
use std::path::Path;

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const CTRL_Q: &str = "\x11";
const CTRL_U: &str = "\x15";
const F10: &str = "\x1b[21~";

/// The wizard on the mini bank, with `session` and a data folder of its own.
fn wizard(session: &Path, data: &Path) -> Wizard {
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-bank");
    let args = [
        std::ffi::OsStr::new("--questions"),
        bank.as_os_str(),
        session.as_os_str(),
    ];
    Wizard::start(
        &args,
        &[
            ("PRIVAUDIT_DATA_DIR", data.as_os_str()),
            ("NO_COLOR", "1".as_ref()),
        ],
        24,
        80,
    )
}

fn session(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_short_bank_answered_to_the_end_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    let mut w = wizard(&path, &dir.path().join("data"));
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Nord{ENTER}"), "Où ?");
    // Nothing is preselected: the first row is highlighted with ↓, Enter ticks it.
    w.step(&format!("{DOWN}{ENTER}"), "Dossiers papier");
    w.step(&format!("{DOWN}{ENTER}"), "Protections");
    w.step(&format!("{DOWN} {ENTER}"), "Effectif");
    w.step(&format!("4{ENTER}"), "Courriel");
    w.step(&format!("julie@{ENTER}"), "Adresse courriel invalide");
    w.step(&format!("atelier.ca{ENTER}"), "Sauvegardes");
    w.step(&format!("{DOWN}{DOWN}{ENTER}"), "Commentaires");
    w.step(ENTER, "Fournisseurs");
    w.step(ENTER, "Fournisseur 1 — Nom");
    w.step(&format!("Nord Hébergement{ENTER}"), "À l’étranger");
    w.step(&format!("{DOWN}{ENTER}"), "Contrat");
    w.step(&format!("{DOWN}{DOWN}{ENTER}"), "1. Nord Hébergement");
    w.step(&format!("{DOWN}{DOWN}{ENTER}"), "Fournisseur principal");
    w.step(&format!("{DOWN}{ENTER}"), "Revue des réponses");
    let report = dir.path().join("rapport.md");
    w.step(F10, "Exporter");
    w.step(
        &format!("{CTRL_U}{}{ENTER}", report.display()),
        "Rapport écrit",
    );
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());

    let s = session(&path);
    assert_eq!(s["organisation"], "Atelier Nord");
    assert_eq!(s["answers"]["email"], "julie@atelier.ca");
    assert_eq!(s["answers"]["size"], 4.0);
    assert_eq!(s["answers"]["vendors"]["entries"][0]["contract"], false);
    assert_eq!(s["answers"]["favourite"], "Nord Hébergement");
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.contains("Pas de contrat avec Nord Hébergement."), "{md}");
}

#[test]
fn killed_midway_keeps_every_confirmed_answer_and_resumes_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    let data = dir.path().join("data");
    let mut w = wizard(&path, &data);
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Sud{ENTER}"), "Où ?");
    w.step(&format!("{DOWN}{ENTER}"), "Dossiers papier");
    w.step(&format!("{DOWN}{DOWN}{ENTER}"), "Effectif");
    w.send("12");
    let pid = w.child.process_id().expect("a pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    w.wait_exit();
    let s = session(&path);
    assert_eq!(s["answers"]["org.name"], "Atelier Sud");
    assert_eq!(s["answers"]["org.where"], serde_json::json!(["eu"]));
    assert_eq!(s["answers"]["paper"], false);
    assert!(
        s["answers"].get("size").is_none(),
        "an answer not confirmed is not saved"
    );

    let mut again = wizard(&path, &data);
    again.wait_for("Effectif");
    assert!(again.contents().contains("Atelier Sud"));
    again.send(CTRL_Q);
    assert!(again.wait_exit().success());
}

#[test]
fn closing_the_terminal_stops_the_wizard_with_answers_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    let mut w = wizard(&path, &dir.path().join("data"));
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Ouest{ENTER}"), "Où ?");
    w.hang_up();
    w.wait_exit();
    assert_eq!(session(&path)["answers"]["org.name"], "Atelier Ouest");
}

/// The wizard on the mini bank at its welcome screen, with `home` as `$HOME`.
fn welcome(home: &Path) -> Wizard {
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-bank");
    let args = [std::ffi::OsStr::new("--questions"), bank.as_os_str()];
    let data = home.join("data");
    Wizard::start(
        &args,
        &[
            ("PRIVAUDIT_DATA_DIR", data.as_os_str()),
            ("HOME", home.as_os_str()),
            ("NO_COLOR", "1".as_ref()),
        ],
        24,
        80,
    )
}

#[test]
fn a_typed_path_with_a_tilde_is_expanded_and_its_folder_created() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("plain-file"), "not a folder").unwrap();
    let mut w = welcome(home.path());
    w.wait_for("Ouvrir un fichier de session");
    w.step(&format!("{DOWN}{ENTER}"), "Chemin du fichier de session");
    // A folder that cannot exist: said in place, before any question.
    w.step(
        &format!("~/plain-file/acme.json{ENTER}"),
        "Ouverture impossible",
    );
    assert!(w.contents().contains("Chemin du fichier de session"));
    w.step(
        &format!("{CTRL_U}~/clients/acme.json{ENTER}"),
        "Nom de l’organisation",
    );
    let path = home.path().join("clients/acme.json");
    assert!(
        path.is_file(),
        "the session is written before the first question"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(home.path().join("clients"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
    w.step(&format!("Atelier Nord{ENTER}"), "Où ?");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
    assert_eq!(session(&path)["organisation"], "Atelier Nord");
}

#[test]
fn ctrl_z_undoes_a_saved_answer_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    let mut w = wizard(&path, &dir.path().join("data"));
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Nord{ENTER}"), "Où ?");
    w.step(&format!("{DOWN}{ENTER}"), "Dossiers papier");
    assert_eq!(
        session(&path)["answers"]["org.where"],
        serde_json::json!(["eu"])
    );
    w.step("\x1a", "Modification annulée");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
    let s = session(&path);
    assert!(s["answers"].get("org.where").is_none(), "{s}");
    assert_eq!(s["organisation"], "Atelier Nord");
}
