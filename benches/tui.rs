//! The wizard's speed and memory, measured (not asserted):
//! - drawing one frame of the busiest screens at 120x40 (target: under 1 ms);
//! - the whole process from start to its first frame, in a pseudo-terminal (target: under 50 ms);
//! - peak resident memory over a scripted session (target: under 30 MB).
//!
//! Run with `cargo bench --bench tui`.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use privaudit::bank::Bank;
use privaudit::example;
use privaudit::tui::app::{App, Msg};
use privaudit::tui::theme::Theme;
use privaudit::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
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

/// The wizard running in a pty.
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Time from spawning to the first frame showing the expected text.
    elapsed: Duration,
}

/// Starts the release binary in a pty and waits for `text` on its screen.
fn start(args: &[&str], dir: &std::path::Path, text: &str) -> Running {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privaudit"));
    cmd.args(args);
    cmd.env("PRIVAUDIT_DATA_DIR", dir);
    cmd.env("TERM", "xterm-256color");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
    let started = Instant::now();
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let writer = pair.master.take_writer().unwrap();
    std::mem::forget(pair.master);
    while !screen.lock().unwrap().screen().contents().contains(text) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no first frame"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
    Running {
        child,
        writer,
        elapsed: started.elapsed(),
    }
}

fn first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut times: Vec<Duration> = (0..20)
        .map(|_| {
            let mut run = start(&[], dir.path(), "Nouvelle évaluation");
            run.writer.write_all(b"\x11").unwrap();
            run.child.wait().unwrap();
            run.elapsed
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
    let Running {
        mut child,
        mut writer,
        ..
    } = start(
        &[path.to_str().unwrap()],
        dir.path(),
        "Studio Apportez le Pixel",
    );
    // Walk the whole interview (every question), the review, the preview, and back.
    for key in ["\x1b[5~"; 150].iter().chain(["\x1b[6~"; 150].iter()) {
        writer.write_all(key.as_bytes()).unwrap();
    }
    for key in ["\x1bOQ", "\x1b", "\x1b[15~", "\x1b[6~", "\x1b[6~", "\x1b"] {
        writer.write_all(key.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.process_id().unwrap();
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
    writer.write_all(b"\x11").unwrap();
    child.wait().unwrap();
}
