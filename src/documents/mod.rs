//! The documents a client needs besides the report, each a view of the same
//! answers: the record of processing activities, the action tracker, the
//! incident register. Each builds a renderer-neutral [`sheet::Workbook`].

pub mod compare;
pub mod incidents;
pub mod kit;
pub mod plan;
pub mod policy;
pub mod register;
pub mod sheet;

use crate::answer::Answer;
use crate::bank::{Bank, Question};
use crate::condition::{EntryScope, Scope};
use crate::flow::Visible;
use crate::i18n::{Lang, Text};
use crate::law::Jurisdiction;
use crate::session::Session;
use std::path::Path;

/// One value of a document: what it says, and whether someone must still fill it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The text shown.
    pub text: String,
    /// The answers do not say it: the text is a "[À COMPLÉTER : …]" placeholder.
    pub to_fill: bool,
}

impl Value {
    /// A value the answers give.
    pub fn known(text: impl Into<String>) -> Value {
        Value {
            text: text.into(),
            to_fill: false,
        }
    }

    /// A visible placeholder saying what is missing: "[À COMPLÉTER : what]".
    pub fn to_fill(what: &str, lang: Lang) -> Value {
        let text = match lang {
            Lang::Fr => format!("[À COMPLÉTER\u{a0}: {what}]"),
            Lang::En => format!("[TO COMPLETE: {what}]"),
        };
        Value {
            text,
            to_fill: true,
        }
    }
}

/// Reads a session's answers as documents need them: only the questions the
/// interview shows, option labels in the document's language, and the
/// session's own legal vocabulary.
pub struct Reader<'a> {
    /// The bank.
    pub bank: &'a Bank,
    /// The session.
    pub session: &'a Session,
    /// The language of the document.
    pub lang: Lang,
    visible: Visible<'a>,
}

impl<'a> Reader<'a> {
    /// A reader of `session` writing in `lang`, judging dates on `today`.
    pub fn new(bank: &'a Bank, session: &'a Session, lang: Lang, today: time::Date) -> Reader<'a> {
        Reader {
            bank,
            session,
            lang,
            visible: Visible::new(bank, &session.answers).on(today),
        }
    }

    /// The answers as conditions see them.
    pub fn scope(&self) -> &dyn Scope {
        &self.visible
    }

    /// The laws the session falls under, in report order.
    pub fn laws(&self) -> Vec<Jurisdiction> {
        self.session.cited_jurisdictions()
    }

    /// Whether the session falls under `law`.
    pub fn under(&self, law: Jurisdiction) -> bool {
        self.laws().contains(&law)
    }

    /// A text in the document's language.
    pub fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }

    /// A word of the bank's vocabulary in the session's legal terms (`pi`, `incident`…).
    pub fn term(&self, id: &str) -> String {
        self.bank.manifest.terms.get(id).map_or_else(
            || id.to_string(),
            |t| t.pick(&self.visible).get(self.lang).to_string(),
        )
    }

    /// A bank text in the document's language, its vocabulary terms in the
    /// session's legal words (an area's title, for instance).
    pub fn words(&self, text: &Text) -> String {
        crate::rules::template::words(
            text.get(self.lang),
            self.bank,
            &self.visible,
            &self.session.organisation,
            self.lang,
        )
    }

    /// The answer to a top-level question, if shown and answered.
    pub fn answer(&self, id: &str) -> Option<&'a Answer> {
        // Shown and answered, as the interview sees it; borrowed from the session.
        self.visible.answer(id)?;
        self.session.answers.get(id)
    }

    /// The option id of a single-choice question, if shown and answered.
    pub fn choice(&self, id: &str) -> Option<&'a str> {
        match self.answer(id) {
            Some(Answer::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// Whether a yes/no question is answered yes (`Some(true)`), no, or neither.
    pub fn yes(&self, id: &str) -> Option<bool> {
        match self.answer(id) {
            Some(Answer::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// Whether earlier answers rule the question out (it is never asked).
    pub fn ruled_out(&self, id: &str) -> bool {
        self.visible.is_hidden(id)
    }

    /// The question's short name, for a placeholder.
    pub fn short(&self, id: &str) -> String {
        self.bank.question(id).map_or_else(
            || id.to_string(),
            |q| q.short_label().get(self.lang).to_string(),
        )
    }

    /// A top-level answer as a reader sees it, or a placeholder naming the question.
    pub fn value(&self, id: &str) -> Value {
        let question = self.bank.question(id);
        match (self.answer(id), question) {
            (Some(a), Some(q)) if a.is_substantive() => Value::known(a.display(q, self.lang)),
            _ => Value::to_fill(&self.short(id), self.lang),
        }
    }

    /// The entries of a group, each with its scope, if the group is shown.
    pub fn entries(&self, group: &str) -> Vec<EntryView<'_>> {
        let Some(question) = self.bank.question(group) else {
            return Vec::new();
        };
        let Some(entries) = self.answer(group).and_then(Answer::entries) else {
            return Vec::new();
        };
        entries
            .iter()
            .enumerate()
            .map(|(index, entry)| EntryView {
                reader: self,
                group: question,
                index,
                name: crate::answer::entry_name(question, entries, index, self.lang),
                scope: EntryScope::new(question, entry, &self.visible),
            })
            .collect()
    }
}

/// One entry of a group as a document reads it.
pub struct EntryView<'r> {
    reader: &'r Reader<'r>,
    /// The group question.
    pub group: &'r Question,
    /// Its position in the group.
    pub index: usize,
    /// Its name (its label field, else "Third party 2").
    pub name: String,
    scope: EntryScope<'r>,
}

impl EntryView<'_> {
    /// The answer to a sub-question, if shown and answered.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.scope.answer(id)
    }

    /// Whether earlier answers of the entry rule the sub-question out.
    pub fn ruled_out(&self, id: &str) -> bool {
        self.scope.is_hidden(id)
    }

    /// The selected option ids of a multiple-choice sub-question.
    pub fn selected(&self, id: &str) -> &[String] {
        self.answer(id)
            .and_then(Answer::selected)
            .unwrap_or_default()
    }

    /// The option id of a single-choice sub-question.
    pub fn choice(&self, id: &str) -> Option<&str> {
        match self.answer(id) {
            Some(Answer::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// A sub-question's answer as a reader sees it, or a placeholder naming it
    /// after the entry ("Purpose — Orders").
    pub fn value(&self, id: &str) -> Value {
        let lang = self.reader.lang;
        let sub = self.group.sub(id);
        match (self.answer(id), sub) {
            (Some(a), Some(q)) if a.is_substantive() => Value::known(a.display(q, lang)),
            _ => {
                let what = sub.map_or(id, |q| q.short_label().get(lang));
                Value::to_fill(&format!("{what} — {}", self.name), lang)
            }
        }
    }
}

/// Writes a document atomically with `mode`, after the check that it replaces
/// no session (none of `inputs`, no file holding one).
pub fn save(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    mode: u32,
    lang: Lang,
) -> anyhow::Result<()> {
    crate::files::check_output(path, inputs, lang)?;
    crate::session::write_atomic(path, bytes, mode).map_err(|e| {
        let said = crate::i18n::describe_io(&e, lang);
        match lang {
            Lang::Fr => anyhow::anyhow!("impossible d’écrire {}\u{a0}: {said}", path.display()),
            Lang::En => anyhow::anyhow!("cannot write {}: {said}", path.display()),
        }
    })
}
