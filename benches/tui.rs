//! The wizard's speed and memory, measured (not asserted):
//! - drawing one frame of the busiest screens at 120x40 (target: under 1 ms);
//! - the whole process from start to its first frame, in a pseudo-terminal (target: under 50 ms);
//! - peak resident memory over a scripted session (target: under 30 MB).
//!
//! Run with `cargo bench --bench tui`.

#[path = "../tests/common/pty.rs"]
mod pty;

use privaudit::bank::Bank;
use privaudit::example;
use privaudit::tui::app::{App, Msg};
use privaudit::tui::theme::Theme;
use privaudit::tui::view;
use pty::Wizard;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn main() {
    frames();
    first_frame();
    memory();
}

fn studio_app(dir: &std::path::Path) -> App {
    let bank = Bank::embedded().unwrap();
    let session = example::open(&bank, example::DEFAULT).unwrap();
    let mut app = App::welcome(bank, dir.to_path_buf(), session.lang, Theme::colour());
    app.open(session, dir.join("s.json"));
    app
}

fn frames() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = studio_app(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut measure = |name: &str, app: &App| {
        for _ in 0..20 {
            terminal.draw(|f| view::draw(f, app)).unwrap();
        }
        let mut times: Vec<Duration> = (0..300)
            .map(|_| {
                let start = Instant::now();
                terminal.draw(|f| view::draw(f, app)).unwrap();
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "frame 120x40 {name:<10} median {:>8.1?}  p99 {:>8.1?}",
            times[150], times[297]
        );
    };
    app.go_to(Some("tp.list".into()));
    measure("interview", &app);
    app.update(Msg::Review);
    measure("review", &app);
    app.update(Msg::Back);
    app.update(Msg::Preview);
    measure("preview", &app);
}

fn first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut times: Vec<Duration> = (0..20)
        .map(|_| {
            let mut w = Wizard::start::<&str>(
                &[],
                &[("PRIVAUDIT_DATA_DIR", dir.path().as_os_str())],
                40,
                120,
            );
            let elapsed = w.wait_for("Nouvelle évaluation");
            w.send("\x11");
            w.wait_exit();
            elapsed
        })
        .collect();
    times.sort();
    println!(
        "start to first frame (welcome, 120x40)  median {:>8.1?}  max {:>8.1?}",
        times[10], times[19]
    );
}

fn memory() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::embedded().unwrap();
    let session = example::open(&bank, example::DEFAULT).unwrap();
    let path = dir.path().join("studio.json");
    privaudit::session::save(&session, &path).unwrap();
    let mut w = Wizard::start(
        &[path.as_os_str()],
        &[("PRIVAUDIT_DATA_DIR", dir.path().as_os_str())],
        40,
        120,
    );
    w.wait_for("Studio Apportez le Pixel");
    // Walk the whole interview (every question), the review, the preview, and back.
    for key in ["\x1b[5~"; 150].iter().chain(["\x1b[6~"; 150].iter()) {
        w.send(key);
    }
    for key in ["\x1bOQ", "\x1b", "\x1b[15~", "\x1b[6~", "\x1b[6~", "\x1b"] {
        w.send(key);
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    let pid = w.child.process_id().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?")
        .to_string();
    let now = status
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .unwrap_or("VmRSS: ?")
        .to_string();
    println!(
        "memory over a full walk of the studio session: peak {}, at the end {}",
        peak.trim_start_matches("VmHWM:").trim(),
        now.trim_start_matches("VmRSS:").trim()
    );
    w.send("\x11");
    w.wait_exit();
}
