//! Drives the real `privaudit` binary in a pseudo-terminal: keys typed in, the
//! screen read back through a terminal emulator. Shared by the end-to-end
//! tests and the wizard's benchmark harness.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The wizard running in a pseudo-terminal.
pub struct Wizard {
    /// The process.
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    reader: Option<(Arc<AtomicBool>, std::thread::JoinHandle<()>)>,
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
        // The reader polls its own copy of the master with a timeout, so that it
        // can be stopped and close it: only then does closing the master hang up.
        use std::os::fd::{AsRawFd, FromRawFd};
        let raw = pair.master.as_raw_fd().expect("a unix pty");
        // SAFETY: `dup` returns a new descriptor that the File alone owns.
        let mut reader = unsafe { std::fs::File::from_raw_fd(libc::dup(raw)) };
        let closing = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&closing);
        let sink = Arc::clone(&screen);
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::Relaxed) {
                let mut fd = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd for the duration of the call.
                if unsafe { libc::poll(&mut fd, 1, 20) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        // The master is kept for as long as the wizard runs: closing it hangs the terminal up.
        Wizard {
            child,
            writer,
            master: Some(pair.master),
            reader: Some((closing, thread)),
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

    /// Closes the terminal, as when its window is closed.
    pub fn hang_up(&mut self) {
        if let Some((closing, thread)) = self.reader.take() {
            closing.store(true, Ordering::Relaxed);
            thread.join().unwrap();
        }
        self.writer = Box::new(std::io::sink());
        self.master = None;
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
