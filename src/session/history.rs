//! Undo for both front ends: the session as it was before each change,
//! several levels deep, for as long as the interview runs.

use super::Session;

/// How many changes can be undone.
pub const DEPTH: usize = 100;

/// The states a session went through, most recent last.
#[derive(Debug, Clone)]
pub struct History {
    /// The session as of the last change recorded.
    last: Session,
    /// Earlier states, oldest first.
    earlier: Vec<Session>,
}

/// What an undo brought back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The session as it was before the last change.
    pub session: Session,
    /// The question whose answer (or note, or mark) that change touched.
    pub question: Option<String>,
}

impl History {
    /// A history that starts at `session`.
    pub fn new(session: &Session) -> History {
        History {
            last: session.clone(),
            earlier: Vec::new(),
        }
    }

    /// Records `session` as the new state if its content changed; returns whether it did.
    pub fn record(&mut self, session: &Session) -> bool {
        if same_content(&self.last, session) {
            return false;
        }
        let previous = std::mem::replace(&mut self.last, session.clone());
        self.earlier.push(previous);
        if self.earlier.len() > DEPTH {
            self.earlier.remove(0);
        }
        true
    }

    /// Starts again from `session` with nothing to undo (after another
    /// program's answers were merged in: undoing past them would drop them).
    pub fn reset(&mut self, session: &Session) {
        *self = History::new(session);
    }

    /// The session before the last change, and the question it touched.
    pub fn undo(&mut self) -> Option<Undone> {
        let session = self.earlier.pop()?;
        let question = first_difference(&session, &self.last);
        self.last = session.clone();
        Some(Undone { session, question })
    }
}

/// Whether two sessions hold the same answers, notes, marks and settings
/// (the time of the last change aside).
pub fn same_content(a: &Session, b: &Session) -> bool {
    a.answers == b.answers
        && a.notes == b.notes
        && a.to_verify == b.to_verify
        && a.to_confirm == b.to_confirm
        && a.retired == b.retired
        && a.lang == b.lang
        && a.prepared_by == b.prepared_by
        && a.logo == b.logo
        && a.mission == b.mission
}

/// The first question whose answer, note or mark differs between `a` and `b`.
fn first_difference(a: &Session, b: &Session) -> Option<String> {
    let differs = |id: &String| {
        a.answers.get(id) != b.answers.get(id)
            || a.notes.get(id) != b.notes.get(id)
            || a.to_verify.contains(id) != b.to_verify.contains(id)
            || a.to_confirm.contains(id) != b.to_confirm.contains(id)
    };
    a.answers
        .keys()
        .chain(b.answers.keys())
        .chain(a.notes.keys())
        .chain(b.notes.keys())
        .chain(a.to_verify.iter())
        .chain(b.to_verify.iter())
        .chain(a.to_confirm.iter())
        .chain(b.to_confirm.iter())
        .find(|id| differs(id))
        .cloned()
}
