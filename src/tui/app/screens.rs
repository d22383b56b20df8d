//! Updates of the welcome screen, the review, the preview and the popups.

use super::{App, Effect, ExportFormat, Msg, Pending, Popup, Screen, WelcomeStep, paste};
use crate::bank::Question;
use crate::flow;
use crate::i18n::Lang;
use crate::render::Format;
use crate::session::Session;
use crate::tui::strings::words;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// Rows that PgUp and PgDn move by in the review and the preview.
const PAGE: u16 = 10;

impl App {
    pub(super) fn update_popup(&mut self, msg: Msg) -> Option<Effect> {
        let popup = self.popup.as_mut()?;
        match (popup, msg) {
            (_, Msg::Back) | (Popup::Help, Msg::Confirm | Msg::Help) => self.popup = None,
            (Popup::Confirm { action, .. }, Msg::Confirm) => {
                let action = action.clone();
                self.popup = None;
                return self.do_pending(action);
            }
            (Popup::Note(input), Msg::Edit(ev))
            | (Popup::Export { path: input, .. }, Msg::Edit(ev)) => {
                input.handle_event(&ev);
            }
            (Popup::Note(input), Msg::Paste(text))
            | (Popup::Export { path: input, .. }, Msg::Paste(text)) => {
                paste(input, &text);
            }
            (Popup::Export { format, path }, Msg::Focus) => {
                let next = format.next();
                let typed = std::path::Path::new(path.value());
                let value = match next {
                    // The kit is a folder beside where the report was offered.
                    ExportFormat::Kit => export_path(self.path.as_deref(), typed.parent(), next),
                    ExportFormat::Report(f) if *format == ExportFormat::Kit => export_path(
                        self.path.as_deref(),
                        typed.parent(),
                        ExportFormat::Report(f),
                    ),
                    ExportFormat::Report(f) => typed.with_extension(f.extension()),
                };
                *format = next;
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
                self.status = Some((true, words(self.lang).note_saved.to_string()));
                return Some(Effect::Save);
            }
            (Popup::Export { format, path }, Msg::Confirm) => {
                let path = PathBuf::from(path.value().trim());
                // A file name typed with a report's extension says which format is wanted.
                let effect = match (Format::from_path(&path), *format) {
                    (Some(f), _) | (None, ExportFormat::Report(f)) => Effect::Export(path, f),
                    (None, ExportFormat::Kit) => Effect::ExportKit(path),
                };
                self.popup = None;
                return Some(effect);
            }
            _ => {}
        }
        None
    }

    pub(super) fn update_welcome(&mut self, msg: Msg) -> Option<Effect> {
        let Screen::Welcome(welcome) = &mut self.screen else {
            return None;
        };
        let rows = welcome.sessions.len() + 2;
        match (&mut welcome.step, msg) {
            (WelcomeStep::Menu, Msg::Up) => welcome.cursor = (welcome.cursor + rows - 1) % rows,
            (WelcomeStep::Menu, Msg::Down) => welcome.cursor = (welcome.cursor + 1) % rows,
            (WelcomeStep::Menu, Msg::ClickRow(row)) if row < rows => welcome.cursor = row,
            (
                WelcomeStep::Menu,
                action @ (Msg::Rename | Msg::Duplicate | Msg::Archive | Msg::Delete),
            ) => {
                let chosen = welcome
                    .cursor
                    .checked_sub(1)
                    .and_then(|i| welcome.sessions.get(i))?;
                let path = chosen.path.clone();
                match action {
                    Msg::Rename => {
                        welcome.step = WelcomeStep::Rename {
                            input: Input::new(chosen.organisation.clone()),
                            path,
                        }
                    }
                    Msg::Duplicate => return Some(Effect::Duplicate(path)),
                    Msg::Archive => return Some(Effect::Archive(path)),
                    _ => {
                        let name = if chosen.organisation.is_empty() {
                            path.display().to_string()
                        } else {
                            chosen.organisation.clone()
                        };
                        let file = chosen.file_name();
                        let message = words(self.lang)
                            .delete_session
                            .replace("{name}", &name)
                            .replace("{file}", &file);
                        self.popup = Some(Popup::Confirm {
                            message,
                            action: Pending::DeleteSession(path),
                        });
                    }
                }
            }
            (WelcomeStep::Menu, Msg::Confirm) => {
                let cursor = welcome.cursor;
                if cursor == 0 {
                    welcome.step = WelcomeStep::Language {
                        cursor: usize::from(self.lang == Lang::En),
                    };
                } else if cursor == rows - 1 {
                    welcome.step = WelcomeStep::OpenPath {
                        input: Input::default(),
                        error: None,
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
                WelcomeStep::Organisation { input, .. } | WelcomeStep::Rename { input, .. },
                Msg::Edit(ev),
            ) => {
                input.handle_event(&ev);
            }
            (WelcomeStep::OpenPath { input, error }, Msg::Edit(ev)) => {
                input.handle_event(&ev);
                *error = None;
            }
            (
                WelcomeStep::Organisation { input, .. }
                | WelcomeStep::OpenPath { input, .. }
                | WelcomeStep::Rename { input, .. },
                Msg::Paste(text),
            ) => {
                paste(input, &text);
            }
            (WelcomeStep::Organisation { lang, input }, Msg::Confirm) => {
                let name = input.value().trim().to_string();
                if name.is_empty() {
                    self.status = Some((false, words(self.lang).organisation_required.to_string()));
                    return None;
                }
                return Some(Effect::Create(*lang, name));
            }
            (WelcomeStep::Rename { path, input }, Msg::Confirm) => {
                let name = input.value().trim().to_string();
                if name.is_empty() {
                    self.status = Some((false, words(self.lang).organisation_required.to_string()));
                    return None;
                }
                return Some(Effect::Rename(path.clone(), name));
            }
            (WelcomeStep::OpenPath { input, .. }, Msg::Confirm) => {
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
        Session::named(&self.bank, lang, organisation, OffsetDateTime::now_utc())
    }

    pub(super) fn update_review(&mut self, msg: Msg) -> Option<Effect> {
        let n = self.review_questions().len().max(1);
        let Screen::Review { cursor } = &mut self.screen else {
            return None;
        };
        match msg {
            Msg::Up => *cursor = (*cursor + n - 1) % n,
            Msg::Down => *cursor = (*cursor + 1) % n,
            // A page at a time, stopping at the ends.
            Msg::PreviousQuestion => *cursor = cursor.saturating_sub(usize::from(PAGE)),
            Msg::NextQuestion => *cursor = (*cursor + usize::from(PAGE)).min(n - 1),
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

    pub(super) fn update_preview(&mut self, msg: Msg) -> Option<Effect> {
        let Screen::Preview { scroll, .. } = &mut self.screen else {
            return None;
        };
        match msg {
            Msg::Up => *scroll = scroll.saturating_sub(1),
            Msg::Down => *scroll = scroll.saturating_add(1),
            Msg::PreviousQuestion => *scroll = scroll.saturating_sub(PAGE),
            Msg::NextQuestion => *scroll = scroll.saturating_add(PAGE),
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
    pub(super) fn preview(&self) -> Screen {
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
    pub(super) fn export_popup(&self) -> Popup {
        let format = ExportFormat::Report(Format::Pdf);
        let path = export_path(self.path.as_deref(), None, format);
        Popup::Export {
            format,
            path: Input::new(path.display().to_string()),
        }
    }

    /// The questions the review lists: every question shown.
    pub fn review_questions(&self) -> Vec<&Question> {
        match self.session.as_ref() {
            Some(s) => flow::Visible::new(&self.bank, &s.answers).questions(),
            None => Vec::new(),
        }
    }

    pub(super) fn review_index(&self) -> usize {
        let current = self.current.as_deref();
        self.review_questions()
            .iter()
            .position(|q| Some(q.id.as_str()) == current)
            .unwrap_or(0)
    }
}

/// Where an export goes by default, in `dir` if given, else beside the
/// answers file (`session`), where the user keeps this client's papers: the report
/// `client-rapport.pdf`, the kit the folder `client-documents`.
fn export_path(session: Option<&Path>, dir: Option<&Path>, format: ExportFormat) -> PathBuf {
    let stem = session
        .and_then(Path::file_stem)
        .map_or("rapport".into(), |s| s.to_string_lossy().to_string());
    let dir = dir
        .or_else(|| session.and_then(Path::parent))
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(
            || std::env::current_dir().unwrap_or_default(),
            |d| d.to_path_buf(),
        );
    match format {
        ExportFormat::Report(f) => dir.join(format!("{stem}-rapport.{}", f.extension())),
        ExportFormat::Kit => dir.join(format!("{stem}-documents")),
    }
}
