//! The full-screen wizard. It only drives the flow and calls the library:
//! no condition, rule or report logic lives here.

pub mod app;
pub mod editor;
pub mod keys;
pub mod strings;
pub mod theme;
pub mod view;

use crate::bank::Bank;
use crate::i18n::Lang;
use crate::session::{Saved, SessionFile, library};
use app::{App, Effect, Msg};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::{Position, Rect};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Where the wizard starts.
#[derive(Debug, Clone)]
pub enum Start {
    /// The welcome screen.
    Welcome,
    /// A session file, created if it does not exist.
    Session(PathBuf),
}

/// Runs the wizard until the user quits or a signal (SIGTERM, SIGHUP, SIGINT)
/// asks it to stop. Every confirmed answer is already on disk; the terminal is
/// restored on every way out, panics included (ratatui's hook).
/// `lang`, when given (`--lang`), is the wizard's language and that of every
/// session it opens.
pub fn run(bank: Bank, start: Start, lang: Option<Lang>) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let data_dir = crate::session::library::sessions_dir();
    let shown = lang.unwrap_or(Lang::Fr);
    let mut app = App::welcome(bank, data_dir, shown, theme::Theme::from_env());
    app.forced_lang = lang;
    let mut file = None;
    if let Start::Session(path) = start {
        perform(&mut app, &mut file, Effect::Open(path));
    }
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &mut file, &stop);
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    if let Some(path) = &app.path {
        // Back in the shell: where the answers are, and how to go on.
        let w = strings::words(app.lang);
        let shown = crate::sanitize::terminal(&path.display().to_string()).into_owned();
        // Never say "saved" after a save that failed.
        let said = if app.unsaved { w.not_saved } else { w.saved_in };
        println!("{}", said.replace("{path}", &shown));
        println!("{}", w.resume_with.replace("{path}", &shown));
    }
    result
}

/// On SIGTERM, SIGHUP or SIGINT, asks the event loop to stop; if it has not
/// stopped half a second later (a read can spin on a terminal that is gone),
/// restores the terminal and exits. Every confirmed answer is already on disk.
fn watch_signals(stop: Arc<AtomicBool>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(500));
            let _ = execute!(
                std::io::stdout(),
                DisableMouseCapture,
                DisableBracketedPaste
            );
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    file: &mut Option<SessionFile>,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        // A terminal that was closed stops being one (its ioctls fail): leave,
        // every confirmed answer is on disk.
        if !std::io::stdout().is_terminal() {
            break;
        }
        terminal.draw(|frame| view::draw(frame, app))?;
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let event = event::read()?;
        let size = terminal.size()?;
        let Some(msg) = message(app, &event, Rect::new(0, 0, size.width, size.height)) else {
            continue;
        };
        if let Some(effect) = app.update(msg) {
            perform(app, file, effect);
        }
    }
    Ok(())
}

/// The message for a terminal event: keys through the key map, clicks by position.
fn message(app: &App, event: &Event, screen: Rect) -> Option<Msg> {
    let Event::Mouse(mouse) = event else {
        return keys::map(event, app.is_typing());
    };
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Msg::Up),
        MouseEventKind::ScrollDown => Some(Msg::Down),
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(mouse.column, mouse.row);
            let a = view::areas(screen, app);
            if a.sidebar.contains(at) {
                let row = usize::from(mouse.row.saturating_sub(a.sidebar.y + 1));
                return (row < app.bank.sections.len()).then_some(Msg::ClickSection(row));
            }
            view::clicked_row(app, screen, at).map(Msg::ClickRow)
        }
        _ => None,
    }
}

/// Does the work an update asked for, and feeds its outcome back, as the
/// event loop does after each message. `file` is the session file open for
/// editing, which saves go through.
pub fn perform(app: &mut App, file: &mut Option<SessionFile>, effect: Effect) {
    let outcome = match effect {
        Effect::Quit => None,
        Effect::Save => Some(Msg::Saved(save(app, file))),
        Effect::Export(path, format) => Some(Msg::Exported(export(app, &path, format))),
        Effect::ExportKit(dir) => Some(Msg::KitExported(export_kit(app, &dir))),
        Effect::Open(path) => open(app, file, path),
        Effect::CheckLogo(typed) => Some(Msg::LogoChecked(check_logo(app, &typed))),
        Effect::Welcome => {
            *file = None;
            app.show_welcome(library::list(&app.data_dir, &app.bank));
            None
        }
        Effect::Duplicate(path) => {
            match library::duplicate(&app.data_dir, &path, &app.bank, app.lang) {
                Ok((created, session)) => {
                    app.open(session, created.path().to_path_buf());
                    *file = Some(created);
                    None
                }
                Err(e) => Some(Msg::OpenFailed(e.describe(app.lang))),
            }
        }
        Effect::Rename(path, name) => {
            let done = library::rename(&path, &app.bank, &name, app.lang);
            relist(
                app,
                done.map(|()| strings::words(app.lang).renamed.to_string()),
            );
            None
        }
        Effect::Archive(path) => {
            let done = library::archive(&path).map(|to| {
                strings::words(app.lang)
                    .archived
                    .replace("{path}", &to.display().to_string())
            });
            relist(app, done);
            None
        }
        Effect::DeleteSession(path) => {
            let done =
                library::delete(&path).map(|()| strings::words(app.lang).deleted.to_string());
            relist(app, done);
            None
        }
        Effect::Create(lang, organisation) => {
            let session = app.new_session(lang, organisation);
            match library::create(&app.data_dir, &session) {
                Ok(created) => {
                    app.open(session, created.path().to_path_buf());
                    *file = Some(created);
                    None
                }
                Err(e) => Some(Msg::Saved(Err(e.describe(app.lang)))),
            }
        }
    };
    // What the outcome changes may ask for more work (a checked logo is saved).
    if let Some(effect) = outcome.and_then(|msg| app.update(msg)) {
        perform(app, file, effect);
    }
}

/// The logo typed on the mission screen, checked as a readable PNG or JPEG;
/// kept relative to the session's folder when it is inside it.
fn check_logo(app: &App, typed: &std::path::Path) -> Result<PathBuf, String> {
    // A relative path is the session folder's when the file is there (as the
    // mission screen shows a kept logo), else the current folder's.
    let folder = app.path.as_deref().and_then(std::path::Path::parent);
    let path = crate::files::expand_home(typed);
    let path = match folder.map(|dir| dir.join(&path)) {
        Some(beside) if path.is_relative() && beside.is_file() => beside,
        _ if path.is_relative() => {
            std::env::current_dir().map_or(path.clone(), |dir| dir.join(&path))
        }
        _ => path,
    };
    let w = strings::words(app.lang);
    let shown = path.display().to_string();
    let bytes = crate::files::read_regular(&path, crate::files::LOGO_MAX_BYTES)
        .map_err(|e| format!("{shown}\u{a0}: {}", crate::i18n::describe_io(&e, app.lang)))?;
    if !crate::render::pdf::Logo::is_image(&bytes) {
        return Err(format!("{shown}\u{a0}: {}", w.logo_not_image));
    }
    crate::render::pdf::Logo::from_bytes(&bytes)
        .map_err(|e| format!("{shown}\u{a0}: {} ({e})", w.logo_unreadable))?;
    let kept = folder
        .and_then(|dir| dir.canonicalize().ok())
        .and_then(|dir| {
            path.canonicalize()
                .ok()?
                .strip_prefix(dir)
                .ok()
                .map(PathBuf::from)
        })
        .unwrap_or(path);
    Ok(kept)
}

/// Lists the saved assessments again after a change, and says how it went.
fn relist(app: &mut App, outcome: Result<String, crate::session::SessionError>) {
    app.show_welcome(library::list(&app.data_dir, &app.bank));
    app.status = Some(match outcome {
        Ok(message) => (true, message),
        Err(e) => (false, e.describe(app.lang)),
    });
}

/// Opens a session file, or starts a new assessment there if it does not
/// exist. A session answered with another question bank is not opened.
fn open(app: &mut App, file: &mut Option<SessionFile>, path: PathBuf) -> Option<Msg> {
    let path = crate::files::expand_home(&path);
    if !path.exists() {
        let session =
            crate::session::Session::new(&app.bank, app.lang, time::OffsetDateTime::now_utc());
        return match SessionFile::create(&path, &session) {
            Ok(created) => {
                app.open(session, path);
                *file = Some(created);
                None
            }
            Err(e) => Some(Msg::OpenFailed(e.describe(app.lang))),
        };
    }
    match SessionFile::open(&path, &app.bank, app.lang) {
        Ok((opened, session)) => {
            app.open(session, path);
            *file = Some(opened);
            None
        }
        Err(e) => Some(Msg::OpenFailed(e.describe(app.lang))),
    }
}

/// Writes the session through its file, which merges what another program
/// wrote meanwhile rather than overwrite it.
fn save(app: &App, file: &mut Option<SessionFile>) -> Result<Saved, String> {
    match (&app.session, file) {
        (Some(session), Some(file)) => file.save(session).map_err(|e| e.describe(app.lang)),
        _ => Ok(Saved::Written),
    }
}

fn export(
    app: &App,
    path: &std::path::Path,
    format: crate::render::Format,
) -> Result<PathBuf, String> {
    let (session, options) = open_session(app)?;
    crate::render::export_session(
        &app.bank,
        session,
        app.path.as_deref(),
        options,
        format,
        path,
    )
    .map_err(|e| e.describe(app.lang))?;
    Ok(path.to_path_buf())
}

/// The open assessment and the options of its documents (its language, today).
fn open_session(
    app: &App,
) -> Result<(&crate::session::Session, crate::report::BuildOptions), String> {
    let session = app
        .session
        .as_ref()
        .ok_or_else(|| "no session".to_string())?;
    let options = crate::report::BuildOptions {
        lang: app.lang,
        date: app.today,
    };
    Ok((session, options))
}

/// Writes every document of the open assessment into `dir`, in its language.
fn export_kit(app: &App, dir: &std::path::Path) -> Result<PathBuf, String> {
    let (session, options) = open_session(app)?;
    let dir = crate::files::expand_home(dir);
    crate::documents::kit::write(
        &app.bank,
        session,
        app.path.as_deref(),
        &dir,
        options,
        &mut |_| {},
    )
    .map_err(|e| format!("{e:#}"))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_logo_beside_the_session_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let logo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.jpg");
        std::fs::copy(&logo, dir.path().join("logo.jpg")).unwrap();
        let bank = Bank::embedded().unwrap();
        let mut app = App::welcome(
            bank,
            dir.path().join("data"),
            Lang::Fr,
            theme::Theme::plain(),
        );
        app.path = Some(dir.path().join("acme.json"));
        // What the mission screen shows after the first save: relative to the session.
        let kept = check_logo(&app, std::path::Path::new("logo.jpg")).unwrap();
        assert_eq!(kept, PathBuf::from("logo.jpg"));
        let error = check_logo(&app, std::path::Path::new("missing.png")).unwrap_err();
        assert!(error.contains("introuvable"), "{error}");
    }
}
