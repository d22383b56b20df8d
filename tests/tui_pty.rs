//! The real binary in a pseudo-terminal: keys typed, screen read back through a
//! terminal emulator. Every step waits for text on screen, never for a delay.
#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const CTRL_Q: &str = "\x11";
const CTRL_U: &str = "\x15";
const F10: &str = "\x1b[21~";

struct Wizard {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Wizard {
    fn start(session: &Path, data: &Path) -> Wizard {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privaudit"));
        let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-bank");
        cmd.args([
            "--questions".as_ref(),
            bank.as_os_str(),
            session.as_os_str(),
        ]);
        cmd.env("PRIVAUDIT_DATA_DIR", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        std::mem::forget(pair.master);
        Wizard {
            child,
            writer,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on screen (10 s at most).
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?}; screen:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `keys`, then waits for `then` on screen.
    fn step(&mut self, keys: &str, then: &str) {
        self.send(keys);
        self.wait_for(then);
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the wizard did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn session(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_short_bank_answered_to_the_end_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    let mut w = Wizard::start(&path, &dir.path().join("data"));
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Nord{ENTER}"), "Où ?");
    w.step(&format!(" {ENTER}"), "Dossiers papier");
    w.step(ENTER, "Protections");
    w.step(&format!(" {ENTER}"), "Effectif");
    w.step(&format!("4{ENTER}"), "Courriel");
    w.step(&format!("julie@{ENTER}"), "Adresse courriel invalide");
    w.step(&format!("atelier.ca{ENTER}"), "Sauvegardes");
    w.step(&format!("{DOWN}{ENTER}"), "Commentaires");
    w.step(ENTER, "Fournisseurs");
    w.step(ENTER, "Fournisseur 1 — Nom");
    w.step(&format!("Nord Hébergement{ENTER}"), "À l’étranger");
    w.step(ENTER, "Contrat");
    w.step(&format!("{DOWN}{ENTER}"), "1. Nord Hébergement");
    w.step(&format!("{DOWN}{DOWN}{ENTER}"), "Fournisseur principal");
    w.step(ENTER, "Revue des réponses");
    let report = dir.path().join("rapport.md");
    w.step(F10, "Exporter le rapport");
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
    let mut w = Wizard::start(&path, &data);
    w.wait_for("Nom de l’organisation");
    w.step(&format!("Atelier Sud{ENTER}"), "Où ?");
    w.step(&format!(" {ENTER}"), "Dossiers papier");
    w.step(&format!("{DOWN}{ENTER}"), "Effectif");
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

    let mut again = Wizard::start(&path, &data);
    again.wait_for("Effectif");
    assert!(again.contents().contains("Atelier Sud"));
    again.send(CTRL_Q);
    assert!(again.wait_exit().success());
}
