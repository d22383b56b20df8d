//! Updates of the interview: answering, undoing, moving between questions
//! (a group's entries are in `entries.rs`).

use super::{App, Effect, Msg, Pending, Popup, Screen, paste};
use crate::answer::Answer;
use crate::flow;
use crate::i18n::ui;
use crate::session::DontKnowAction;
use crate::tui::editor::{Editor, Enter, GroupEditor};
use crate::tui::strings::words;
use time::OffsetDateTime;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

impl App {
    pub(super) fn update_interview(&mut self, msg: Msg) -> Option<Effect> {
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
                self.leave().ok()?;
                let session = self.session.as_ref()?;
                let next = flow::next(&self.bank, &session.answers, self.current.as_deref()?)
                    .map(|q| q.id.clone());
                if next.is_some() {
                    self.go_to(next);
                }
            }
            Msg::PreviousQuestion => {
                self.leave().ok()?;
                // In an entry, the previous question is the entry's own; from
                // its first, the list of entries.
                if self.entry.is_some() {
                    return if self.previous_sub() {
                        None
                    } else {
                        self.back(false)
                    };
                }
                return self.back(true);
            }
            Msg::Back => {
                let kept = self.leave().ok()?;
                // Back from the first question leaves the assessment: save
                // the text just kept first, and stay.
                return match self.back(false) {
                    Some(Effect::Welcome) if kept => Some(Effect::Save),
                    effect => effect,
                };
            }
            Msg::DontKnow => return self.dont_know(),
            Msg::Confirm => return self.confirm(),
            other => self.edit(other),
        }
        None
    }

    /// Keys that change the editor without confirming.
    pub(super) fn edit(&mut self, msg: Msg) {
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
                c.place(row);
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
            // The list stops at its ends: from « Done », ↓ must not land on
            // the first entry, where typing would change its name.
            (Editor::Group(g), Msg::Up) => g.cursor = g.cursor.saturating_sub(1),
            (Editor::Group(g), Msg::Down) => g.cursor = (g.cursor + 1).min(group_len + 1),
            (Editor::Group(g), Msg::ClickRow(row)) if row < group_len + 2 => g.cursor = row,
            (Editor::Group(g), Msg::Delete) if g.cursor < group_len => {
                let index = g.cursor;
                let name = self.entry_name(index);
                let message = ui(self.lang).delete_entry.replace("{name}", &name);
                self.popup = Some(Popup::Confirm {
                    message,
                    action: Pending::DeleteEntry(index),
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

    /// F3: "don't know" for the question (or entry sub-question) on screen. A
    /// list with entries keeps them and is marked to verify; a real answer is
    /// only replaced once the user says yes.
    pub(super) fn dont_know(&mut self) -> Option<Effect> {
        let question = self.sub_question().or(self.question())?;
        let session = self.session.as_ref()?;
        let current = match self.entry.as_ref() {
            Some(entry) => session
                .answers
                .get(self.current.as_deref()?)
                .and_then(Answer::entries)
                .and_then(|entries| entries.get(entry.index))
                .and_then(|e| e.get(&entry.sub)),
            None => session.answers.get(&question.id),
        };
        let w = ui(self.lang);
        match DontKnowAction::for_answer(question, current, self.lang) {
            DontKnowAction::Record => self.commit(Answer::dont_know()),
            DontKnowAction::MarkList => {
                let id = self.current.clone()?;
                let session = self.session.as_mut()?;
                session.mark_to_verify(&id, OffsetDateTime::now_utc());
                self.status = Some((true, w.list_marked.to_string()));
                Some(Effect::Save)
            }
            DontKnowAction::Confirm(shown) => {
                self.popup = Some(Popup::Confirm {
                    message: w.replace_with_dont_know.replace("{answer}", &shown),
                    action: Pending::DontKnow,
                });
                None
            }
        }
    }

    /// Does what the user confirmed.
    pub(super) fn do_pending(&mut self, action: Pending) -> Option<Effect> {
        match action {
            Pending::DontKnow => self.commit(Answer::dont_know()),
            Pending::DeleteSession(path) => Some(Effect::DeleteSession(path)),
            Pending::DeleteEntry(index) => {
                self.with_entries(|entries| {
                    if index < entries.len() {
                        entries.remove(index);
                    }
                });
                let len = self.group_entries().len();
                if let Some(Editor::Group(g)) = self.editor.as_mut() {
                    g.cursor = g.cursor.min(len);
                }
                Some(Effect::Save)
            }
        }
    }

    /// Ctrl-Z: the session as it was before its last change, with the
    /// question that change touched on screen.
    pub(super) fn undo(&mut self) -> Option<Effect> {
        let w = ui(self.lang);
        let Some(undone) = self.history.as_mut()?.undo() else {
            self.status = Some((false, w.nothing_to_undo.to_string()));
            return None;
        };
        let mut session = undone.session;
        session.updated = OffsetDateTime::now_utc();
        session.sync_bindings(&self.bank);
        self.session = Some(session);
        let target = undone
            .question
            .filter(|id| self.bank.question(id).is_some());
        let label = target
            .as_deref()
            .and_then(|id| self.bank.question(id))
            .map(|q| q.short_label().get(self.lang).to_string());
        self.go_to(target.or_else(|| self.current.clone()));
        self.status = Some((
            true,
            match label {
                Some(label) => format!("{} {label}", w.undone),
                None => w.undone.trim_end_matches([':', '\u{a0}']).to_string(),
            },
        ));
        Some(Effect::Save)
    }

    /// Enter on the question on screen.
    pub(super) fn confirm(&mut self) -> Option<Effect> {
        let lang = self.lang;
        let editor = self
            .entry
            .as_mut()
            .map(|e| &mut e.editor)
            .or(self.editor.as_mut());
        if let Some(Editor::Choice(c)) = editor {
            return match c.enter() {
                Enter::Answer(answer) => self.commit(answer),
                Enter::Choose => {
                    self.status = Some((false, words(lang).choose_first.to_string()));
                    None
                }
                Enter::TypeOther => None,
                Enter::OtherNeeded => {
                    self.status = Some((false, words(lang).other_needed.to_string()));
                    None
                }
            };
        }
        let answer = match self.active_editor()? {
            Editor::Choice(_) => return None,
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
                self.refuse_text(e);
                None
            }
        }
    }

    /// Records an answer to the question (or entry sub-question) on screen and moves on.
    pub(super) fn commit(&mut self, answer: Answer) -> Option<Effect> {
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
            let group = self.current.clone()?;
            self.session.as_mut()?.set_entry_answer(
                &group,
                index,
                &sub,
                answer,
                OffsetDateTime::now_utc(),
            );
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

    /// The text typed on screen and not yet confirmed with Enter, recorded
    /// where it stands when it is a valid answer that differs from the one
    /// stored: leaving a question (Esc, Ctrl-Q) never loses what was typed.
    /// `Ok(true)` when something was recorded; the reason when the text is
    /// not a valid answer (nothing is recorded then).
    pub(super) fn keep_draft(&mut self) -> Result<bool, String> {
        if !matches!(self.screen, Screen::Interview) || self.popup.is_some() {
            return Ok(false);
        }
        let Some(Editor::Text(t)) = self.active_editor() else {
            return Ok(false);
        };
        if t.input.value().trim().is_empty() {
            return Ok(false);
        }
        let Some(q) = self.sub_question().or(self.question()) else {
            return Ok(false);
        };
        let Some(answer) = t.answer(q, self.lang)? else {
            return Ok(false);
        };
        let now = OffsetDateTime::now_utc();
        let (Some(id), Some(session)) = (self.current.clone(), self.session.as_mut()) else {
            return Ok(false);
        };
        match &self.entry {
            Some(entry) => {
                let stored = session
                    .answers
                    .get(&id)
                    .and_then(Answer::entries)
                    .and_then(|entries| entries.get(entry.index))
                    .and_then(|e| e.get(&entry.sub));
                if stored == Some(&answer) {
                    return Ok(false);
                }
                session.set_entry_answer(&id, entry.index, &entry.sub, answer, now);
            }
            None => {
                if session.answers.get(&id) == Some(&answer) {
                    return Ok(false);
                }
                session.set_answer(&self.bank, &id, answer, now);
            }
        }
        Ok(true)
    }

    /// Before leaving the question on screen: keeps the text typed (see
    /// `keep_draft`), or shows why it cannot be kept and stays.
    fn leave(&mut self) -> Result<bool, ()> {
        self.keep_draft().map_err(|e| self.refuse_text(e))
    }

    /// Shows under the text field why what was typed is not an answer.
    fn refuse_text(&mut self, reason: String) {
        if let Some(Editor::Text(t)) = self
            .entry
            .as_mut()
            .map(|e| &mut e.editor)
            .or(self.editor.as_mut())
        {
            t.error = Some(reason);
        }
    }

    /// An optional question left empty: its answer is cleared and the interview goes on.
    pub(super) fn skip_optional(&mut self) -> Option<Effect> {
        let now = OffsetDateTime::now_utc();
        if let Some(entry) = self.entry.as_ref() {
            let (index, sub) = (entry.index, entry.sub.clone());
            let group = self.current.clone()?;
            self.session
                .as_mut()?
                .clear_entry_answer(&group, index, &sub, now);
            self.next_sub();
        } else {
            let id = self.current.clone()?;
            self.session.as_mut()?.clear_answer(&self.bank, &id, now);
            self.advance();
        }
        Some(Effect::Save)
    }

    /// Esc: leave the entry, or go to the previous question.
    pub(super) fn back(&mut self, question_only: bool) -> Option<Effect> {
        if let Some(entry) = self.entry.take() {
            if entry.created
                && let (Some(group), Some(session)) = (self.current.clone(), self.session.as_mut())
            {
                session.drop_empty_entry(&group, entry.index, OffsetDateTime::now_utc());
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
            return None;
        }
        // Esc on the first question: back to the list of assessments.
        (!question_only).then_some(Effect::Welcome)
    }

    /// Moves on after an answer: the next question still to answer (see
    /// `flow::next_open`), or the review when all are done.
    pub(super) fn advance(&mut self) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let Some(current) = self.current.as_deref() else {
            return;
        };
        let next = flow::next_open(&self.bank, &session.answers, &session.to_confirm, current)
            .map(|q| q.id.clone());
        match next {
            Some(id) => self.go_to(Some(id)),
            // Finished only when every question shown is answered (100 %).
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

    pub(super) fn open_section(&mut self, index: usize) {
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
}
