//! A group's entries in the interview: the list, and the sub-questions of
//! the entry being edited, one after the other.

use super::{App, Effect, EntryEdit};
use crate::answer::{Answer, Entry};
use crate::bank::{Kind, Question};
use crate::flow;
use crate::tui::editor::{Editor, GroupEditor};
use time::OffsetDateTime;

impl App {
    /// The name of entry `index` of the list on screen.
    pub(super) fn entry_name(&self, index: usize) -> String {
        match self.question() {
            Some(q) => crate::answer::entry_name(q, self.group_entries(), index, self.lang),
            None => String::new(),
        }
    }

    /// Enter on a group's list: edit an entry, add one, or finish.
    pub(super) fn confirm_group(&mut self, cursor: usize) -> Option<Effect> {
        let count = self.group_entries().len();
        if cursor == count + 1 {
            let id = self.current.clone()?;
            self.session
                .as_mut()?
                .finish_group(&self.bank, &id, OffsetDateTime::now_utc());
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
    pub(super) fn next_sub(&mut self) {
        let Some((index, next)) = self.sub_beside(true) else {
            return;
        };
        match next {
            Some(next) => self.start_sub(index, next, false),
            None => {
                self.entry = None;
                self.editor = Some(Editor::Group(GroupEditor { cursor: index }));
            }
        }
    }

    /// Moves to the previous shown sub-question of the entry; false on its first.
    pub(super) fn previous_sub(&mut self) -> bool {
        match self.sub_beside(false) {
            Some((index, Some(previous))) => {
                self.start_sub(index, previous, false);
                true
            }
            _ => false,
        }
    }

    /// The entry being edited, and its sub-question shown after (`forward`)
    /// or before the one on screen, if any.
    fn sub_beside(&self, forward: bool) -> Option<(usize, Option<String>)> {
        let entry = self.entry.as_ref()?;
        let index = entry.index;
        let beside = match (
            self.question(),
            self.session.as_ref(),
            self.group_entries().get(index),
        ) {
            (Some(group), Some(session), Some(values)) => flow::beside_in_entry(
                &self.bank,
                &session.answers,
                group,
                values,
                &entry.sub,
                forward,
            )
            .map(|q| q.id.clone()),
            _ => None,
        };
        Some((index, beside))
    }

    pub(super) fn start_sub(&mut self, index: usize, sub: String, created: bool) {
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
    pub(super) fn entry_subs(&self, index: usize) -> Vec<&Question> {
        let (Some(group), Some(session)) = (self.question(), self.session.as_ref()) else {
            return Vec::new();
        };
        let empty = Entry::new();
        let entry = self.group_entries().get(index).unwrap_or(&empty);
        flow::entry_questions(&self.bank, &session.answers, group, entry)
    }

    /// How many questions each entry of the group on screen shows and leaves unanswered.
    pub fn entries_missing(&self) -> Vec<usize> {
        match (self.question(), self.session.as_ref()) {
            (Some(group), Some(session)) => {
                flow::entries_missing(&self.bank, &session.answers, group, self.group_entries())
            }
            _ => vec![0; self.group_entries().len()],
        }
    }

    /// Changes the entries of the group on screen (creating the group answer if needed).
    pub(super) fn with_entries(&mut self, change: impl FnOnce(&mut Vec<Entry>)) {
        if let (Some(id), Some(session)) = (self.current.clone(), self.session.as_mut()) {
            change(session.entries_mut(&id, OffsetDateTime::now_utc()));
        }
    }

    /// Whether the question on screen is a group's list (not one of its entries).
    pub fn on_group_list(&self) -> bool {
        self.entry.is_none() && self.question().is_some_and(|q| q.kind == Kind::Group)
    }
}
