//! Drives the real `privaudit` binary in a pseudo-terminal: keys typed in, the
//! screen read back through a terminal emulator. Shared by the end-to-end
//! tests and the wizard's benchmark harness.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The wizard running in a pseudo-terminal.
pub struct Wizard {
    /// The process.
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// When the process was spawned.
    pub started: Instant,
}

impl Wizard {
    /// Starts the binary with `args` and `envs` in a `rows`×`cols` terminal.
    pub fn start<A: AsRef<OsStr>>(
        args: &[A],
        envs: &[(&str, &OsStr)],
        rows: u16,
        cols: u16,
    ) -> Wizard {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privaudit"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (key, value) in envs {
            cmd.env(key, value);
        }
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
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
        // The master must outlive the child: closing it would hang the terminal up.
        std::mem::forget(pair.master);
        Wizard {
            child,
            writer,
            screen,
            started,
        }
    }

    /// What the screen shows now.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on screen (10 s at most); returns the time since the start.
    pub fn wait_for(&self, text: &str) -> Duration {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return self.started.elapsed();
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        panic!(
            "timed out waiting for {text:?}; screen:\n{}",
            self.contents()
        );
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `keys`, then waits for `then` on screen.
    pub fn step(&mut self, keys: &str, then: &str) {
        self.send(keys);
        self.wait_for(then);
    }

    /// Waits for the process to end (10 s at most).
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
