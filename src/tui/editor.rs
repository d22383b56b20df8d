//! The input state of the question on screen, and how it becomes an answer.
//! What an answer means is the library's business; this only collects it.

use super::strings::words;
use crate::answer::{Answer, TextError, format_number};
use crate::bank::{Kind, Question};
use crate::i18n::{Lang, ui};
use std::collections::BTreeSet;
use tui_input::Input;

pub use crate::answer::OTHER;

/// Editing one question.
#[derive(Debug, Clone)]
pub enum Editor {
    /// Yes/no, single or multiple choice: a list with "don't know" last.
    Choice(ChoiceEditor),
    /// A line of text or a number.
    Text(TextEditor),
    /// A group: its entries, then "add" and "done".
    Group(GroupEditor),
}

/// A list of options: the items, then "none of these" (multiple choice
/// only), then "don't know".
#[derive(Debug, Clone)]
pub struct ChoiceEditor {
    /// (id, label) of each option, "other" included, "don't know" excluded.
    pub items: Vec<(String, String)>,
    /// Several may be ticked.
    pub multi: bool,
    /// The highlighted row, when `placed`.
    pub cursor: usize,
    /// Whether a row is highlighted at all: an unanswered question starts
    /// with none, so that Enter never records an answer nobody chose.
    pub placed: bool,
    /// Ticked ids (multiple choice).
    pub checked: BTreeSet<String>,
    /// The "other" text.
    pub other: Input,
    /// Yes/no question: ids are `yes` and `no`.
    pub yes_no: bool,
}

/// A text or number field.
#[derive(Debug, Clone)]
pub struct TextEditor {
    /// The editing line.
    pub input: Input,
    /// The last validation error.
    pub error: Option<String>,
}

/// A group's list of entries.
#[derive(Debug, Clone, Default)]
pub struct GroupEditor {
    /// The highlighted row: entries, then "add", then "done".
    pub cursor: usize,
}

impl Editor {
    /// An editor for `question`, showing its current answer.
    pub fn new(
        question: &Question,
        answer: Option<&Answer>,
        options: Vec<(String, String)>,
        lang: Lang,
    ) -> Editor {
        match question.kind {
            Kind::YesNo => {
                let t = ui(lang);
                let items = vec![("yes".into(), t.yes.into()), ("no".into(), t.no.into())];
                let cursor = match answer {
                    Some(Answer::Bool(false)) => 1,
                    Some(Answer::DontKnow(_)) => 2,
                    _ => 0,
                };
                Editor::Choice(ChoiceEditor {
                    items,
                    multi: false,
                    cursor,
                    placed: answer.is_some(),
                    checked: BTreeSet::new(),
                    other: Input::default(),
                    yes_no: true,
                })
            }
            Kind::Single | Kind::Multi => {
                let multi = question.kind == Kind::Multi;
                let mut items = options;
                if multi && question.other {
                    items.push((
                        OTHER.into(),
                        ui(lang)
                            .other_specify
                            .trim_end_matches([':', '\u{a0}'])
                            .to_string(),
                    ));
                }
                let mut checked = BTreeSet::new();
                let mut other = Input::default();
                let mut cursor = 0;
                match answer {
                    Some(Answer::Text(id)) => {
                        cursor = items.iter().position(|(i, _)| i == id).unwrap_or(0)
                    }
                    // "None of these", chosen explicitly.
                    Some(Answer::Choices(ids)) if ids.is_empty() => cursor = items.len(),
                    Some(Answer::Choices(ids)) => checked.extend(ids.iter().cloned()),
                    Some(Answer::ChoicesOther(c)) => {
                        checked.extend(c.selected.iter().cloned());
                        other = Input::new(c.other.clone());
                    }
                    Some(Answer::DontKnow(_)) => cursor = items.len() + usize::from(multi),
                    _ => {}
                }
                // An answered multiple choice opens on its first ticked option.
                if let Some(first) = items.iter().position(|(id, _)| checked.contains(id)) {
                    cursor = first;
                }
                Editor::Choice(ChoiceEditor {
                    items,
                    multi,
                    cursor,
                    placed: answer.is_some(),
                    checked,
                    other,
                    yes_no: false,
                })
            }
            Kind::Text | Kind::LongText | Kind::Number => {
                let value = match answer {
                    Some(Answer::Text(s)) => s.clone(),
                    Some(Answer::Number(n)) => format_number(*n, lang),
                    _ => String::new(),
                };
                Editor::Text(TextEditor {
                    input: Input::new(value),
                    error: None,
                })
            }
            Kind::Group => Editor::Group(GroupEditor::default()),
        }
    }

    /// Whether typed characters go to a text field (so Space, arrows and letters edit text).
    pub fn is_typing(&self) -> bool {
        match self {
            Editor::Text(_) => true,
            Editor::Choice(c) => c.on_other() && c.checked.contains(OTHER),
            Editor::Group(_) => false,
        }
    }
}

/// What Enter on a list does.
#[derive(Debug, Clone, PartialEq)]
pub enum Enter {
    /// Records this answer.
    Answer(Answer),
    /// Nothing is highlighted yet: the user must choose first.
    Choose,
    /// "Other" was just ticked: its text is to be typed first.
    TypeOther,
    /// "Other" is ticked but nothing says what it is: the cursor is on its field.
    OtherNeeded,
}

impl ChoiceEditor {
    /// Rows in the list: the options, "none of these" (multiple choice) and "don't know".
    pub fn rows(&self) -> usize {
        self.items.len() + usize::from(self.multi) + 1
    }

    /// The row of "none of these", in a multiple choice.
    pub fn none_row(&self) -> Option<usize> {
        self.multi.then_some(self.items.len())
    }

    /// The row of "don't know": the last.
    pub fn dont_know_row(&self) -> usize {
        self.rows() - 1
    }

    /// Whether row `row` is highlighted.
    pub fn is_highlighted(&self, row: usize) -> bool {
        self.placed && self.cursor == row
    }

    /// Highlights row `row` (a click).
    pub fn place(&mut self, row: usize) {
        self.cursor = row.min(self.rows() - 1);
        self.placed = true;
    }

    /// Whether the cursor is on "other, specify".
    pub fn on_other(&self) -> bool {
        self.items
            .get(self.cursor)
            .is_some_and(|(id, _)| id == OTHER)
    }

    /// Moves the cursor, wrapping around; the first move of an unanswered
    /// question highlights the first row (down) or the last (up).
    pub fn step(&mut self, down: bool) {
        let n = self.rows();
        if !self.placed {
            self.placed = true;
            self.cursor = if down { 0 } else { n - 1 };
            return;
        }
        self.cursor = if down {
            (self.cursor + 1) % n
        } else {
            (self.cursor + n - 1) % n
        };
    }

    /// Ticks or unticks the highlighted option (multiple choice); on a list
    /// where nothing is highlighted yet, the first option.
    pub fn toggle(&mut self) {
        if !self.multi {
            return;
        }
        if !self.placed {
            self.placed = true;
            self.cursor = 0;
        }
        if let Some((id, _)) = self.items.get(self.cursor)
            && !self.checked.remove(id)
        {
            self.checked.insert(id.clone());
        }
    }

    /// Enter on the list. In a multiple choice with nothing ticked, Enter
    /// ticks the highlighted option; with ticks, it records them as they are.
    /// An empty answer is recorded only from "none of these".
    pub fn enter(&mut self) -> Enter {
        if !self.placed {
            return Enter::Choose;
        }
        if self.cursor == self.dont_know_row() {
            return Enter::Answer(Answer::dont_know());
        }
        if self.yes_no {
            return Enter::Answer(Answer::Bool(self.cursor == 0));
        }
        if !self.multi {
            return Enter::Answer(Answer::Text(self.items[self.cursor].0.clone()));
        }
        if Some(self.cursor) == self.none_row() {
            self.checked.clear();
            return Enter::Answer(Answer::Choices(Vec::new()));
        }
        // Enter ticks the highlighted option only when nothing is ticked yet:
        // with ticks already made (or an answer being confirmed), it records
        // them as they are, never adding one the user did not tick.
        if self.checked.is_empty() {
            let id = self.items[self.cursor].0.clone();
            self.checked.insert(id.clone());
            if id == OTHER {
                return Enter::TypeOther;
            }
        }
        // "Other" ticked with nothing typed would be dropped from the answer:
        // go to its field instead.
        if self.checked.contains(OTHER) && self.other.value().trim().is_empty() {
            if let Some(row) = self.items.iter().position(|(id, _)| id == OTHER) {
                self.cursor = row;
            }
            return Enter::OtherNeeded;
        }
        let ids: Vec<String> = self.items.iter().map(|(id, _)| id.clone()).collect();
        Enter::Answer(crate::answer::choices(
            &ids,
            &self.checked,
            self.other.value(),
        ))
    }
}

impl TextEditor {
    /// The answer the field gives for `question`, or why it is refused.
    pub fn answer(&self, question: &Question, lang: Lang) -> Result<Option<Answer>, String> {
        let w = words(lang);
        crate::answer::parse_text(question, self.input.value(), lang).map_err(|e| match e {
            TextError::Required => w.required.to_string(),
            TextError::NotANumber => w.number_expected.to_string(),
            TextError::BelowMin(min) => format!("{} {}.", w.at_least, format_number(min, lang)),
            TextError::AboveMax(max) => format!("{} {}.", w.at_most, format_number(max, lang)),
            TextError::Format(message) => message,
        })
    }
}
