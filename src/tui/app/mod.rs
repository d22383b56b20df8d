//! The wizard's state and its one place of change: `App::update` turns a
//! message into a new state and, at most, one effect for the event loop to
//! perform (save, export, open, quit). Nothing here draws, touches the
//! terminal or the disk. The interview's updates are in `interview.rs`, the
//! other screens' and the popups' in `screens.rs`.

mod entries;
mod interview;
mod mission;
mod screens;

pub use mission::MissionForm;

use super::editor::{ChoiceEditor, Editor};
use super::strings::words;
use super::theme::Theme;
use crate::bank::{Bank, Question};
use crate::flow;
use crate::i18n::Lang;
use crate::render::Format;
use crate::session::history::History;
use crate::session::library::Summary;
use crate::session::{Saved, Session, library};
use std::path::PathBuf;
use tui_input::Input;

/// What the user asked for, whatever key or click it came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    Confirm,
    Back,
    Toggle,
    DontKnow,
    Note,
    Help,
    Review,
    Preview,
    Export,
    Quit,
    NextQuestion,
    PreviousQuestion,
    Delete,
    MoveUp,
    MoveDown,
    Focus,
    /// A key for the text field being edited.
    Edit(ratatui::crossterm::event::Event),
    /// Text pasted from the terminal.
    Paste(String),
    /// A click on a row of the list on screen (0 for the first row).
    ClickRow(usize),
    /// A click on a section of the sidebar.
    ClickSection(usize),
    /// The result of a save.
    Saved(Result<Saved, String>),
    /// The result of an export.
    Exported(Result<PathBuf, String>),
    /// The result of writing the kit: its folder, or why not.
    KitExported(Result<PathBuf, String>),
    /// A session file could not be opened.
    OpenFailed(String),
    /// Undo the last change of an answer (Ctrl-Z).
    Undo,
    /// Switch the assessment to the other language (F6).
    SwitchLanguage,
    /// Open the mission screen (F7).
    Mission,
    /// The logo chosen on the mission screen: where it is kept, or why not.
    LogoChecked(Result<PathBuf, String>),
    /// Rename the highlighted assessment (welcome screen).
    Rename,
    /// Start a new audit from the highlighted assessment (welcome screen).
    Duplicate,
    /// Archive the highlighted assessment (welcome screen).
    Archive,
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the session to its file.
    Save,
    /// Write the report.
    Export(PathBuf, Format),
    /// Write every document (report, policy, registers, action tracker) into a folder.
    ExportKit(PathBuf),
    /// Open a session file (or start a new assessment there if it does not exist).
    Open(PathBuf),
    /// Start a new assessment in the data folder.
    Create(Lang, String),
    /// Close the assessment (saved already) and list the saved ones again.
    Welcome,
    /// Check that the logo typed on the mission screen is a readable image.
    CheckLogo(PathBuf),
    /// Rename the organisation of a saved assessment.
    Rename(PathBuf, String),
    /// Start a new audit from a saved assessment.
    Duplicate(PathBuf),
    /// Move a saved assessment to the archive folder.
    Archive(PathBuf),
    /// Delete a saved assessment (confirmed).
    DeleteSession(PathBuf),
    /// Leave the wizard.
    Quit,
}

/// The main screens.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Choose or start an assessment.
    Welcome(Welcome),
    /// Answer questions.
    Interview,
    /// Every answer, to jump back to one.
    Review { cursor: usize },
    /// The consultant's mission, for the report's cover.
    Mission(Box<MissionForm>),
    /// Scores, findings and the report text, built when the preview opens.
    Preview {
        /// The first line shown.
        scroll: u16,
        /// The report.
        report: Box<crate::report::Report>,
        /// The report as text, one entry per line.
        text: Vec<String>,
    },
}

/// The welcome screen's state.
#[derive(Debug, Clone)]
pub struct Welcome {
    /// Saved sessions, most recent first.
    pub sessions: Vec<Summary>,
    /// Highlighted row: "new", the sessions, then "open a file".
    pub cursor: usize,
    /// Where in the welcome dialogue we are.
    pub step: WelcomeStep,
}

/// The steps of starting or opening an assessment.
#[derive(Debug, Clone)]
pub enum WelcomeStep {
    /// The main menu.
    Menu,
    /// Choosing the language of a new assessment.
    Language { cursor: usize },
    /// Typing the organisation's name.
    Organisation { lang: Lang, input: Input },
    /// Typing a new name for the assessment at `path`.
    Rename { path: PathBuf, input: Input },
    /// Typing a session file's path.
    OpenPath {
        input: Input,
        /// Why the last path typed could not be opened.
        error: Option<String>,
    },
}

/// A window over the current screen.
#[derive(Debug, Clone)]
pub enum Popup {
    /// Help for the question and the keys.
    Help,
    /// Editing the note of the current question.
    Note(Input),
    /// Choosing what to export, and where.
    Export { format: ExportFormat, path: Input },
    /// A question before a change that would discard something (Enter: yes, Esc: no).
    Confirm { message: String, action: Pending },
}

/// What the export window writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The report, in one format.
    Report(Format),
    /// Every document of the kit, in a folder.
    Kit,
}

impl ExportFormat {
    /// The next choice, as Tab cycles them: PDF, Markdown, JSON, the kit.
    pub fn next(self) -> ExportFormat {
        match self {
            ExportFormat::Report(Format::Pdf) => ExportFormat::Report(Format::Md),
            ExportFormat::Report(Format::Md) => ExportFormat::Report(Format::Json),
            ExportFormat::Report(Format::Json) => ExportFormat::Kit,
            ExportFormat::Kit => ExportFormat::Report(Format::Pdf),
        }
    }
}

/// A change waiting for the user's yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Replace the answer on screen with "don't know".
    DontKnow,
    /// Remove entry `index` of the list on screen.
    DeleteEntry(usize),
    /// Delete the saved assessment at this path.
    DeleteSession(PathBuf),
}

/// Editing one entry of a group.
#[derive(Debug, Clone)]
pub struct EntryEdit {
    /// Its index in the group.
    pub index: usize,
    /// The sub-question on screen.
    pub sub: String,
    /// Its editor.
    pub editor: Editor,
    /// Whether the entry was just added (removed again if left empty).
    pub created: bool,
}

/// The whole state of the wizard.
pub struct App {
    /// The question bank.
    pub bank: Bank,
    /// Colours.
    pub theme: Theme,
    /// The language shown.
    pub lang: Lang,
    /// The main screen.
    pub screen: Screen,
    /// The assessment, once one is open.
    pub session: Option<Session>,
    /// Its file.
    pub path: Option<PathBuf>,
    /// The question on screen.
    pub current: Option<String>,
    /// Its editor.
    pub editor: Option<Editor>,
    /// The group entry being edited, if any.
    pub entry: Option<EntryEdit>,
    /// A window over the screen.
    pub popup: Option<Popup>,
    /// The highlighted section when the sidebar has the focus.
    pub sidebar: Option<usize>,
    /// The last message: (is it good news, text).
    pub status: Option<(bool, String)>,
    /// Where new sessions are created.
    pub data_dir: PathBuf,
    /// Set when the user leaves.
    pub quit: bool,
    /// A first Ctrl-Q was refused because the text typed is not a valid
    /// answer: the next one quits without it.
    pub quit_anyway: bool,
    /// The date printed on previews and exports.
    pub today: time::Date,
    /// The changes that Ctrl-Z can undo.
    pub history: Option<History>,
    /// The language asked for on the command line: sessions opened take it.
    pub forced_lang: Option<Lang>,
    /// The last save failed: the latest changes are only in memory.
    pub unsaved: bool,
}

impl App {
    /// The welcome screen, listing the sessions in `data_dir`.
    pub fn welcome(bank: Bank, data_dir: PathBuf, lang: Lang, theme: Theme) -> App {
        let sessions = library::list(&data_dir, &bank);
        let welcome = Welcome {
            sessions,
            cursor: 0,
            step: WelcomeStep::Menu,
        };
        App {
            bank,
            theme,
            lang,
            screen: Screen::Welcome(welcome),
            session: None,
            path: None,
            current: None,
            editor: None,
            entry: None,
            popup: None,
            sidebar: None,
            status: None,
            data_dir,
            quit: false,
            quit_anyway: false,
            today: crate::i18n::local_now().date(),
            history: None,
            forced_lang: None,
            unsaved: false,
        }
    }

    /// Back to the welcome screen, listing `sessions`; the assessment that was
    /// open (saved at every change) is closed.
    pub fn show_welcome(&mut self, sessions: Vec<Summary>) {
        let cursor = match &self.screen {
            Screen::Welcome(w) => w.cursor.min(sessions.len() + 1),
            _ => 0,
        };
        self.screen = Screen::Welcome(Welcome {
            sessions,
            cursor,
            step: WelcomeStep::Menu,
        });
        self.session = None;
        self.path = None;
        self.current = None;
        self.editor = None;
        self.entry = None;
        self.history = None;
        self.status = None;
    }

    /// Opens `session` (kept at `path`) where it was left: the first question not answered.
    pub fn open(&mut self, mut session: Session, path: PathBuf) {
        if let Some(lang) = self.forced_lang {
            session.lang = lang;
        }
        self.lang = session.lang;
        let retired = session.reconcile(&self.bank);
        if !retired.is_empty() {
            let ids: Vec<&str> = retired.iter().map(|r| r.id.as_str()).collect();
            self.status = Some((
                false,
                format!("{} {}", words(self.lang).set_aside, ids.join(", ")),
            ));
        }
        if let Some(warning) = session.newer_bank_warning(&self.bank, self.lang) {
            self.status = Some((false, warning));
        }
        let first = flow::resume_at(&self.bank, &session.answers, &session.to_confirm)
            .or_else(|| self.bank.questions().next().map(|(_, q)| q))
            .map(|q| q.id.clone());
        self.history = Some(History::new(&session));
        self.session = Some(session);
        self.path = Some(path);
        self.screen = Screen::Interview;
        self.go_to(first);
    }

    /// Switches the open assessment (and its report) to the other language.
    pub fn switch_language(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let lang = match session.lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        session.lang = lang;
        session.updated = time::OffsetDateTime::now_utc();
        self.lang = lang;
        if matches!(self.screen, Screen::Interview) {
            self.go_to(self.current.clone());
        } else if matches!(self.screen, Screen::Preview { .. }) {
            self.screen = self.preview();
        }
    }

    /// Takes in what a save found on disk: another program's answers merged
    /// in, or our answers kept beside a file it changed in the same places.
    fn saved(&mut self, saved: Saved) {
        let notice = saved.notice(self.lang);
        match saved {
            Saved::Written => {}
            Saved::Merged(session) => {
                // Undoing past another program's answers would drop them.
                if let Some(history) = self.history.as_mut() {
                    history.reset(&session);
                }
                self.session = Some(*session);
                // The editor on screen was made from the answers before the
                // merge: make it again so that Enter never puts ours back.
                if matches!(self.screen, Screen::Interview) && self.entry.is_none() {
                    self.go_to(self.current.clone());
                }
            }
            Saved::Diverted { ours, .. } => self.path = Some(ours),
        }
        if let Some(notice) = notice {
            self.status = Some((false, notice));
        }
    }

    /// The question on screen.
    pub fn question(&self) -> Option<&Question> {
        self.current
            .as_deref()
            .and_then(|id| self.bank.question(id))
    }

    /// The sub-question on screen when editing a group entry.
    pub fn sub_question(&self) -> Option<&Question> {
        let entry = self.entry.as_ref()?;
        self.question()?.sub(&entry.sub)
    }

    /// The editor that keys go to: the entry's, else the question's.
    pub fn active_editor(&self) -> Option<&Editor> {
        self.entry
            .as_ref()
            .map(|e| &e.editor)
            .or(self.editor.as_ref())
    }

    /// Whether keys should go to a text field.
    pub fn is_typing(&self) -> bool {
        match (&self.popup, &self.screen) {
            (Some(Popup::Note(_)) | Some(Popup::Export { .. }), _) => true,
            (Some(Popup::Help), _) => false,
            (None, Screen::Welcome(w)) => {
                matches!(
                    w.step,
                    WelcomeStep::Organisation { .. }
                        | WelcomeStep::OpenPath { .. }
                        | WelcomeStep::Rename { .. }
                )
            }
            (None, Screen::Interview) => {
                self.sidebar.is_none() && self.active_editor().is_some_and(Editor::is_typing)
            }
            (None, Screen::Mission(_)) => true,
            _ => false,
        }
    }

    /// Applies a message; returns the work the event loop must do. Any change
    /// of the session's answers, notes or marks is recorded for undo and saved.
    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        // A message stays until the user does something else.
        let outcome = matches!(
            msg,
            Msg::Saved(_)
                | Msg::Exported(_)
                | Msg::KitExported(_)
                | Msg::OpenFailed(_)
                | Msg::LogoChecked(_)
        );
        if !outcome {
            self.status = None;
        }
        let effect = self.apply(msg);
        let changed = match (self.history.as_mut(), self.session.as_ref()) {
            (Some(history), Some(session)) => history.record(session),
            _ => false,
        };
        if changed && effect.is_none() {
            return Some(Effect::Save);
        }
        effect
    }

    fn apply(&mut self, msg: Msg) -> Option<Effect> {
        match msg {
            Msg::Quit => {
                // What was typed and not yet confirmed is kept; text that is
                // not a valid answer stops the first Ctrl-Q, which says why.
                return match self.keep_draft() {
                    Ok(kept) => {
                        self.quit = true;
                        Some(if kept { Effect::Save } else { Effect::Quit })
                    }
                    Err(e) if !self.quit_anyway => {
                        self.quit_anyway = true;
                        let w = words(self.lang);
                        self.status = Some((false, format!("{e} {}", w.quit_draft_invalid)));
                        None
                    }
                    Err(_) => {
                        self.quit = true;
                        Some(Effect::Quit)
                    }
                };
            }
            Msg::Undo if self.popup.is_none() && self.session.is_some() => return self.undo(),
            Msg::Mission if self.popup.is_none() && self.session.is_some() => {
                self.open_mission();
                return None;
            }
            Msg::SwitchLanguage if self.popup.is_none() && self.session.is_some() => {
                self.switch_language();
                return None;
            }
            Msg::Saved(Ok(saved)) => {
                self.unsaved = false;
                self.saved(saved);
                return None;
            }
            Msg::Saved(Err(e)) => {
                self.status = Some((false, format!("{} {e}", words(self.lang).save_failed)));
                self.unsaved = true;
                return None;
            }
            Msg::OpenFailed(e) => {
                let message = format!("{} {e}", words(self.lang).open_failed);
                // Said in place under the path typed, which stays to be corrected.
                if let Screen::Welcome(Welcome {
                    step: WelcomeStep::OpenPath { error, .. },
                    ..
                }) = &mut self.screen
                {
                    *error = Some(message);
                } else {
                    self.status = Some((false, message));
                }
                return None;
            }
            Msg::Exported(result) => {
                let w = words(self.lang);
                self.status = Some(match result {
                    Ok(path) => (true, format!("{} {}", w.exported, path.display())),
                    Err(e) => (false, format!("{} {e}", w.export_failed)),
                });
                return None;
            }
            Msg::KitExported(result) => {
                let w = words(self.lang);
                self.status = Some(match result {
                    Ok(dir) => (true, format!("{} {}", w.kit_exported, dir.display())),
                    Err(e) => (false, format!("{} {e}", w.export_failed)),
                });
                return None;
            }
            _ => {}
        }
        if self.popup.is_some() {
            return self.update_popup(msg);
        }
        match self.screen {
            Screen::Welcome(_) => self.update_welcome(msg),
            Screen::Interview => self.update_interview(msg),
            Screen::Review { .. } => self.update_review(msg),
            Screen::Mission(_) => self.update_mission(msg),
            Screen::Preview { .. } => self.update_preview(msg),
        }
    }

    /// A choice editor's list, for views.
    pub fn choice(&self) -> Option<&ChoiceEditor> {
        match self.active_editor()? {
            Editor::Choice(c) => Some(c),
            _ => None,
        }
    }
}

/// Inserts pasted text at the cursor (line breaks become spaces).
fn paste(input: &mut Input, text: &str) {
    for c in text.chars() {
        let c = if c == '\n' || c == '\r' { ' ' } else { c };
        input.handle(tui_input::InputRequest::InsertChar(c));
    }
}
