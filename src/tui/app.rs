//! The wizard's state and its one place of change: `App::update` turns a
//! message into a new state and, at most, one effect for the event loop to
//! perform (save, export, quit). Nothing here draws or touches the terminal.

use super::editor::{ChoiceEditor, Editor, GroupEditor};
use super::strings::words;
use super::theme::Theme;
use crate::answer::{Answer, Entry, Group};
use crate::bank::{Bank, Kind, Question};
use crate::flow;
use crate::i18n::Lang;
use crate::render::Format;
use crate::session::library::Summary;
use crate::session::{Session, library};
use std::path::PathBuf;
use time::OffsetDateTime;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

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
    Saved(Result<(), String>),
    /// The result of an export.
    Exported(Result<PathBuf, String>),
    /// A session file could not be opened.
    OpenFailed(String),
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the session to its file.
    Save,
    /// Write the report.
    Export(PathBuf, Format),
    /// Open a session file (or start a new assessment there if it does not exist).
    Open(PathBuf),
    /// Start a new assessment in the data folder.
    Create(Lang, String),
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
    /// Typing a session file's path.
    OpenPath { input: Input },
}

/// A window over the current screen.
#[derive(Debug, Clone)]
pub enum Popup {
    /// Help for the question and the keys.
    Help,
    /// Editing the note of the current question.
    Note(Input),
    /// Choosing where to export.
    Export { format: Format, path: Input },
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
    /// The date printed on previews and exports.
    pub today: time::Date,
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
            today: OffsetDateTime::now_local()
                .unwrap_or_else(|_| OffsetDateTime::now_utc())
                .date(),
        }
    }

    /// Opens `session` (kept at `path`) where it was left: the first question not answered.
    pub fn open(&mut self, mut session: Session, path: PathBuf) {
        let retired = session.reconcile(&self.bank);
        if !retired.is_empty() {
            let ids: Vec<&str> = retired.iter().map(|r| r.id.as_str()).collect();
            self.status = Some((
                false,
                format!("{} {}", words(self.lang).open_failed, ids.join(", ")),
            ));
        }
        self.lang = session.lang;
        let first = flow::first_unanswered(&self.bank, &session.answers)
            .or_else(|| self.bank.questions().next().map(|(_, q)| q))
            .map(|q| q.id.clone());
        self.session = Some(session);
        self.path = Some(path);
        self.screen = Screen::Interview;
        self.go_to(first);
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
                    WelcomeStep::Organisation { .. } | WelcomeStep::OpenPath { .. }
                )
            }
            (None, Screen::Interview) => {
                self.sidebar.is_none() && self.active_editor().is_some_and(Editor::is_typing)
            }
            _ => false,
        }
    }

    /// Applies a message; returns the work the event loop must do.
    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        match msg {
            Msg::Quit => {
                self.quit = true;
                return Some(Effect::Quit);
            }
            Msg::Saved(Ok(())) => return None,
            Msg::Saved(Err(e)) => {
                self.status = Some((false, format!("{} {e}", words(self.lang).save_failed)));
                return None;
            }
            Msg::OpenFailed(e) => {
                self.status = Some((false, format!("{} {e}", words(self.lang).open_failed)));
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
            _ => {}
        }
        if self.popup.is_some() {
            return self.update_popup(msg);
        }
        match self.screen {
            Screen::Welcome(_) => self.update_welcome(msg),
            Screen::Interview => self.update_interview(msg),
            Screen::Review { .. } => self.update_review(msg),
            Screen::Preview { .. } => self.update_preview(msg),
        }
    }

    fn update_popup(&mut self, msg: Msg) -> Option<Effect> {
        let popup = self.popup.as_mut()?;
        match (popup, msg) {
            (_, Msg::Back) | (Popup::Help, Msg::Confirm | Msg::Help) => self.popup = None,
            (Popup::Note(input), Msg::Edit(ev))
            | (Popup::Export { path: input, .. }, Msg::Edit(ev)) => {
                input.handle_event(&ev);
            }
            (Popup::Note(input), Msg::Paste(text))
            | (Popup::Export { path: input, .. }, Msg::Paste(text)) => {
                paste(input, &text);
            }
            (Popup::Export { format, path }, Msg::Focus) => {
                *format = if *format == Format::Md {
                    Format::Json
                } else {
                    Format::Md
                };
                let value = std::path::Path::new(path.value()).with_extension(format.extension());
                *path = Input::new(value.display().to_string());
            }
            (Popup::Note(input), Msg::Confirm) => {
                let note = input.value().trim().to_string();
                let id = self.current.clone()?;
                let session = self.session.as_mut()?;
                if note.is_empty() {
                    session.notes.remove(&id);
                } else {
                    session.notes.insert(id, note);
                }
                session.updated = OffsetDateTime::now_utc();
                self.popup = None;
                return Some(Effect::Save);
            }
            (Popup::Export { format, path }, Msg::Confirm) => {
                let effect = Effect::Export(PathBuf::from(path.value().trim()), *format);
                self.popup = None;
                return Some(effect);
            }
            _ => {}
        }
        None
    }

    fn update_welcome(&mut self, msg: Msg) -> Option<Effect> {
        let Screen::Welcome(welcome) = &mut self.screen else {
            return None;
        };
        let rows = welcome.sessions.len() + 2;
        match (&mut welcome.step, msg) {
            (WelcomeStep::Menu, Msg::Up) => welcome.cursor = (welcome.cursor + rows - 1) % rows,
            (WelcomeStep::Menu, Msg::Down) => welcome.cursor = (welcome.cursor + 1) % rows,
            (WelcomeStep::Menu, Msg::ClickRow(row)) if row < rows => welcome.cursor = row,
            (WelcomeStep::Menu, Msg::Confirm) => {
                let cursor = welcome.cursor;
                if cursor == 0 {
                    welcome.step = WelcomeStep::Language {
                        cursor: usize::from(self.lang == Lang::En),
                    };
                } else if cursor == rows - 1 {
                    welcome.step = WelcomeStep::OpenPath {
                        input: Input::default(),
                    };
                } else {
                    return Some(Effect::Open(welcome.sessions[cursor - 1].path.clone()));
                }
            }
            (WelcomeStep::Language { cursor }, Msg::Up | Msg::Down) => *cursor = 1 - *cursor,
            (WelcomeStep::Language { cursor }, Msg::Confirm) => {
                let lang = if *cursor == 0 { Lang::Fr } else { Lang::En };
                self.lang = lang;
                welcome.step = WelcomeStep::Organisation {
                    lang,
                    input: Input::default(),
                };
            }
            (
                WelcomeStep::Organisation { input, .. } | WelcomeStep::OpenPath { input },
                Msg::Edit(ev),
            ) => {
                input.handle_event(&ev);
            }
            (
                WelcomeStep::Organisation { input, .. } | WelcomeStep::OpenPath { input },
                Msg::Paste(text),
            ) => {
                paste(input, &text);
            }
            (WelcomeStep::Organisation { lang, input }, Msg::Confirm) => {
                let name = input.value().trim().to_string();
                if name.is_empty() {
                    return None;
                }
                return Some(Effect::Create(*lang, name));
            }
            (WelcomeStep::OpenPath { input }, Msg::Confirm) => {
                return Some(Effect::Open(PathBuf::from(input.value().trim())));
            }
            (WelcomeStep::Menu, Msg::Back) => {}
            (_, Msg::Back) => welcome.step = WelcomeStep::Menu,
            _ => {}
        }
        None
    }

    /// A new session for `organisation`, in `lang`.
    pub fn new_session(&self, lang: Lang, organisation: String) -> Session {
        let now = OffsetDateTime::now_utc();
        let mut session = Session::new(&self.bank, lang, now);
        let name_question = self.bank.manifest.bindings.organisation.clone();
        session.set_answer(&self.bank, &name_question, Answer::Text(organisation), now);
        session
    }

    fn update_interview(&mut self, msg: Msg) -> Option<Effect> {
        if let Some(section) = self.sidebar {
            let n = self.bank.sections.len();
            match msg {
                Msg::Up => self.sidebar = Some((section + n - 1) % n),
                Msg::Down => self.sidebar = Some((section + 1) % n),
                Msg::Focus | Msg::Back => self.sidebar = None,
                Msg::Confirm => self.open_section(section),
                Msg::ClickSection(s) => self.open_section(s),
                _ => {}
            }
            return None;
        }
        match msg {
            Msg::Focus => self.sidebar = Some(self.current_section()),
            Msg::ClickSection(s) => self.open_section(s),
            Msg::Help => self.popup = Some(Popup::Help),
            Msg::Review => {
                self.screen = Screen::Review {
                    cursor: self.review_index(),
                }
            }
            Msg::Preview => self.screen = self.preview(),
            Msg::Export => self.popup = Some(self.export_popup()),
            Msg::Note => {
                let id = self.current.clone()?;
                let note = self
                    .session
                    .as_ref()?
                    .notes
                    .get(&id)
                    .cloned()
                    .unwrap_or_default();
                self.popup = Some(Popup::Note(Input::new(note)));
            }
            Msg::NextQuestion => {
                let session = self.session.as_ref()?;
                let next = flow::next(&self.bank, &session.answers, self.current.as_deref()?)
                    .map(|q| q.id.clone());
                if next.is_some() {
                    self.go_to(next);
                }
            }
            Msg::PreviousQuestion => return self.back(true),
            Msg::Back => return self.back(false),
            Msg::DontKnow => return self.commit(Answer::dont_know()),
            Msg::Confirm => return self.confirm(),
            other => self.edit(other),
        }
        None
    }

    /// Keys that change the editor without confirming.
    fn edit(&mut self, msg: Msg) {
        let group_len = self.group_entries().len();
        let editor = match self.entry.as_mut() {
            Some(e) => &mut e.editor,
            None => match self.editor.as_mut() {
                Some(e) => e,
                None => return,
            },
        };
        match (editor, msg) {
            (Editor::Choice(c), Msg::Up) => c.step(false),
            (Editor::Choice(c), Msg::Down) => c.step(true),
            (Editor::Choice(c), Msg::Toggle) => c.toggle(),
            (Editor::Choice(c), Msg::ClickRow(row)) if row < c.rows() => {
                c.cursor = row;
                c.toggle();
            }
            (Editor::Choice(c), Msg::Edit(ev)) => {
                c.other.handle_event(&ev);
            }
            (Editor::Choice(c), Msg::Paste(text)) if c.on_other() => paste(&mut c.other, &text),
            (Editor::Text(t), Msg::Edit(ev)) => {
                t.input.handle_event(&ev);
                t.error = None;
            }
            (Editor::Text(t), Msg::Paste(text)) => paste(&mut t.input, &text),
            (Editor::Group(g), Msg::Up) => g.cursor = (g.cursor + group_len + 1) % (group_len + 2),
            (Editor::Group(g), Msg::Down) => g.cursor = (g.cursor + 1) % (group_len + 2),
            (Editor::Group(g), Msg::ClickRow(row)) if row < group_len + 2 => g.cursor = row,
            (Editor::Group(g), Msg::Delete) if g.cursor < group_len => {
                let index = g.cursor;
                self.with_entries(|entries| {
                    entries.remove(index);
                });
            }
            (Editor::Group(g), Msg::MoveUp) if g.cursor > 0 && g.cursor < group_len => {
                let index = g.cursor;
                g.cursor -= 1;
                self.with_entries(|entries| entries.swap(index, index - 1));
            }
            (Editor::Group(g), Msg::MoveDown) if g.cursor + 1 < group_len => {
                let index = g.cursor;
                g.cursor += 1;
                self.with_entries(|entries| entries.swap(index, index + 1));
            }
            _ => {}
        }
    }

    /// Enter on the question on screen.
    fn confirm(&mut self) -> Option<Effect> {
        let lang = self.lang;
        let answer = match self.active_editor()? {
            Editor::Choice(c) => c.answer(),
            Editor::Text(t) => {
                let q = self.sub_question().or(self.question())?;
                match t.answer(q, lang) {
                    Ok(Some(a)) => Ok(a),
                    Ok(None) => return self.skip_optional(),
                    Err(e) => Err(e),
                }
            }
            Editor::Group(g) => return self.confirm_group(g.cursor),
        };
        match answer {
            Ok(a) => self.commit(a),
            Err(e) => {
                if let Some(Editor::Text(t)) = self
                    .entry
                    .as_mut()
                    .map(|e| &mut e.editor)
                    .or(self.editor.as_mut())
                {
                    t.error = Some(e);
                }
                None
            }
        }
    }

    /// Records an answer to the question (or entry sub-question) on screen and moves on.
    fn commit(&mut self, answer: Answer) -> Option<Effect> {
        if let Some(Editor::Group(_)) = self.editor.as_ref().filter(|_| self.entry.is_none()) {
            let id = self.current.clone()?;
            self.session
                .as_mut()?
                .set_answer(&self.bank, &id, answer, OffsetDateTime::now_utc());
            self.advance();
            return Some(Effect::Save);
        }
        if let Some(entry) = self.entry.as_ref() {
            let (index, sub) = (entry.index, entry.sub.clone());
            let is_dont_know = answer.is_dont_know();
            self.with_entries(|entries| {
                entries[index].insert(sub.clone(), answer);
            });
            if is_dont_know {
                let id = self.current.clone()?;
                self.session.as_mut()?.to_verify.insert(id);
            }
            self.next_sub();
            return Some(Effect::Save);
        }
        let id = self.current.clone()?;
        self.session
            .as_mut()?
            .set_answer(&self.bank, &id, answer, OffsetDateTime::now_utc());
        self.advance();
        Some(Effect::Save)
    }

    /// An optional question left empty: its answer is cleared and the interview goes on.
    fn skip_optional(&mut self) -> Option<Effect> {
        if let Some(entry) = self.entry.as_ref() {
            let (index, sub) = (entry.index, entry.sub.clone());
            self.with_entries(|entries| {
                entries[index].remove(&sub);
            });
            self.next_sub();
        } else {
            let id = self.current.clone()?;
            self.session.as_mut()?.answers.remove(&id);
            self.advance();
        }
        Some(Effect::Save)
    }

    /// Enter on a group's list: edit an entry, add one, or finish.
    fn confirm_group(&mut self, cursor: usize) -> Option<Effect> {
        let count = self.group_entries().len();
        if cursor == count + 1 {
            let id = self.current.clone()?;
            let session = self.session.as_mut()?;
            if !matches!(session.answers.get(&id), Some(Answer::Group(_))) {
                session.set_answer(
                    &self.bank,
                    &id,
                    Answer::Group(Group::default()),
                    OffsetDateTime::now_utc(),
                );
            }
            self.advance();
            return Some(Effect::Save);
        }
        let created = cursor == count;
        if created {
            self.with_entries(|entries| entries.push(Entry::new()));
        }
        let first = self.entry_subs(cursor).first().map(|q| q.id.clone())?;
        self.start_sub(cursor, first, created);
        None
    }

    /// Moves to the next shown sub-question of the entry, or back to the list.
    fn next_sub(&mut self) {
        let Some(entry) = self.entry.as_ref() else {
            return;
        };
        let (index, sub) = (entry.index, entry.sub.clone());
        let subs: Vec<String> = self
            .entry_subs(index)
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let group = self
            .question()
            .map(|q| q.questions.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default();
        let position = group.iter().position(|s| *s == sub).unwrap_or(0);
        let next = subs
            .into_iter()
            .find(|s| group.iter().position(|g| g == s).unwrap_or(0) > position);
        match next {
            Some(next) => self.start_sub(index, next, false),
            None => {
                self.entry = None;
                self.editor = Some(Editor::Group(GroupEditor { cursor: index }));
            }
        }
    }

    fn start_sub(&mut self, index: usize, sub: String, created: bool) {
        let (Some(group), Some(session)) = (self.question(), self.session.as_ref()) else {
            return;
        };
        let Some(question) = group.sub(&sub) else {
            return;
        };
        let answer = self
            .group_entries()
            .get(index)
            .and_then(|e| e.get(&sub))
            .cloned();
        let options = flow::options(&self.bank, &session.answers, question, self.lang);
        let editor = Editor::new(question, answer.as_ref(), options, self.lang);
        let created = created
            || self
                .entry
                .as_ref()
                .is_some_and(|e| e.created && e.index == index);
        self.entry = Some(EntryEdit {
            index,
            sub,
            editor,
            created,
        });
    }

    /// Esc: leave the entry, or go to the previous question.
    fn back(&mut self, question_only: bool) -> Option<Effect> {
        if let Some(entry) = self.entry.take() {
            let empty = self
                .group_entries()
                .get(entry.index)
                .is_some_and(|e| e.is_empty());
            if entry.created && empty {
                self.with_entries(|entries| {
                    entries.remove(entry.index);
                });
            }
            self.editor = Some(Editor::Group(GroupEditor {
                cursor: entry.index,
            }));
            if !question_only {
                return None;
            }
        }
        let session = self.session.as_ref()?;
        let previous = flow::previous(&self.bank, &session.answers, self.current.as_deref()?)
            .map(|q| q.id.clone());
        if previous.is_some() {
            self.go_to(previous);
        }
        None
    }

    /// Moves on after an answer: the next shown question, or the review when all are done.
    fn advance(&mut self) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let Some(current) = self.current.as_deref() else {
            return;
        };
        let next = flow::next(&self.bank, &session.answers, current).map(|q| q.id.clone());
        match next {
            Some(id) => self.go_to(Some(id)),
            None => {
                self.status = Some((true, words(self.lang).finished.to_string()));
                self.screen = Screen::Review {
                    cursor: self.review_index(),
                };
            }
        }
    }

    /// Shows a question with a fresh editor holding its answer.
    pub fn go_to(&mut self, id: Option<String>) {
        self.entry = None;
        self.sidebar = None;
        self.current = id;
        self.screen = Screen::Interview;
        self.editor = match (self.question(), self.session.as_ref()) {
            (Some(q), Some(s)) => {
                let options = flow::options(&self.bank, &s.answers, q, self.lang);
                Some(Editor::new(q, s.answers.get(&q.id), options, self.lang))
            }
            _ => None,
        };
    }

    fn open_section(&mut self, index: usize) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let visible = flow::Visible::new(&self.bank, &session.answers);
        let first = self
            .bank
            .sections
            .get(index)
            .and_then(|s| s.questions.iter().find(|q| visible.is_shown(&q.id)));
        if let Some(q) = first.map(|q| q.id.clone()) {
            self.go_to(Some(q));
        }
    }

    /// The index of the section of the question on screen.
    pub fn current_section(&self) -> usize {
        self.current
            .as_deref()
            .and_then(|id| self.bank.section_of(id))
            .and_then(|s| self.bank.sections.iter().position(|x| x.id == s.id))
            .unwrap_or(0)
    }

    /// The questions the review lists: every question shown.
    pub fn review_questions(&self) -> Vec<&Question> {
        match self.session.as_ref() {
            Some(s) => flow::Visible::new(&self.bank, &s.answers).questions(),
            None => Vec::new(),
        }
    }

    fn review_index(&self) -> usize {
        let current = self.current.as_deref();
        self.review_questions()
            .iter()
            .position(|q| Some(q.id.as_str()) == current)
            .unwrap_or(0)
    }

    fn update_review(&mut self, msg: Msg) -> Option<Effect> {
        let n = self.review_questions().len().max(1);
        let Screen::Review { cursor } = &mut self.screen else {
            return None;
        };
        match msg {
            Msg::Up => *cursor = (*cursor + n - 1) % n,
            Msg::Down => *cursor = (*cursor + 1) % n,
            Msg::ClickRow(row) if row < n => *cursor = row,
            Msg::Confirm => {
                let index = *cursor;
                let id = self.review_questions().get(index).map(|q| q.id.clone());
                self.go_to(id);
            }
            Msg::Back | Msg::Review => self.screen = Screen::Interview,
            Msg::Preview => self.screen = self.preview(),
            Msg::Export => self.popup = Some(self.export_popup()),
            _ => {}
        }
        None
    }

    fn update_preview(&mut self, msg: Msg) -> Option<Effect> {
        let Screen::Preview { scroll, .. } = &mut self.screen else {
            return None;
        };
        match msg {
            Msg::Up => *scroll = scroll.saturating_sub(1),
            Msg::Down => *scroll = scroll.saturating_add(1),
            Msg::PreviousQuestion => *scroll = scroll.saturating_sub(10),
            Msg::NextQuestion => *scroll = scroll.saturating_add(10),
            Msg::Back | Msg::Preview => self.screen = Screen::Interview,
            Msg::Review => {
                self.screen = Screen::Review {
                    cursor: self.review_index(),
                }
            }
            Msg::Export => self.popup = Some(self.export_popup()),
            _ => {}
        }
        None
    }

    /// The preview screen, with the report built once for the answers as they are.
    fn preview(&self) -> Screen {
        let options = crate::report::BuildOptions {
            lang: self.lang,
            date: self.today,
        };
        let session = self.session.as_ref().expect("the interview has a session");
        let report = crate::report::build(&self.bank, session, options);
        let text = crate::render::markdown::render(&report)
            .lines()
            .map(str::to_string)
            .collect();
        Screen::Preview {
            scroll: 0,
            report: Box::new(report),
            text,
        }
    }

    /// The export window, proposing a report file beside the session.
    fn export_popup(&self) -> Popup {
        let stem = self
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or("rapport".into(), |s| s.to_string_lossy().to_string());
        let dir = std::env::current_dir().unwrap_or_default();
        let path = dir.join(format!("{stem}-rapport.md"));
        Popup::Export {
            format: Format::Md,
            path: Input::new(path.display().to_string()),
        }
    }

    /// The entries of the group on screen.
    pub fn group_entries(&self) -> &[Entry] {
        let (Some(id), Some(session)) = (self.current.as_deref(), self.session.as_ref()) else {
            return &[];
        };
        session
            .answers
            .get(id)
            .and_then(Answer::entries)
            .unwrap_or_default()
    }

    /// The sub-questions shown for entry `index` of the group on screen.
    fn entry_subs(&self, index: usize) -> Vec<&Question> {
        let (Some(group), Some(session)) = (self.question(), self.session.as_ref()) else {
            return Vec::new();
        };
        let empty = Entry::new();
        let entry = self.group_entries().get(index).unwrap_or(&empty);
        flow::entry_questions(&self.bank, &session.answers, group, entry)
    }

    /// Changes the entries of the group on screen (creating the group answer if needed).
    fn with_entries(&mut self, change: impl FnOnce(&mut Vec<Entry>)) {
        let (Some(id), Some(session)) = (self.current.clone(), self.session.as_mut()) else {
            return;
        };
        let answer = session
            .answers
            .entry(id)
            .or_insert_with(|| Answer::Group(Group::default()));
        if !matches!(answer, Answer::Group(_)) {
            *answer = Answer::Group(Group::default());
        }
        if let Answer::Group(group) = answer {
            change(&mut group.entries);
        }
        session.updated = OffsetDateTime::now_utc();
    }

    /// Whether the question on screen is a group's list (not one of its entries).
    pub fn on_group_list(&self) -> bool {
        self.entry.is_none() && self.question().is_some_and(|q| q.kind == Kind::Group)
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
