//! The interview as a pure state machine: which questions are shown given the
//! answers so far, which comes next or before, and how far along it is.
//! Both front ends (full-screen and plain prompts) drive the interview through
//! these functions only.

use crate::answer::{Answer, Answers};
use crate::bank::{Bank, Question, Section};
use crate::condition::{Scope, Truth};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The answers of the questions currently shown, and which questions are shown.
///
/// A question is shown when its section's condition and its own are true on the
/// answers of the questions shown before it; hidden when one of them is false
/// (earlier answers rule it out); pending otherwise. Answers to questions not
/// shown are kept in the session but are invisible here, to conditions and rules.
pub struct Visible<'a> {
    bank: &'a Bank,
    answers: HashMap<&'a str, &'a Answer>,
    shown: HashSet<&'a str>,
    hidden: HashSet<&'a str>,
    /// Not shown yet because a question they depend on is still to answer
    /// (not because of a "don't know"): they will be shown or ruled out.
    pending: HashSet<&'a str>,
    /// The date the answers are judged on, for `older_than` conditions.
    today: Option<time::Date>,
}

impl Scope for Visible<'_> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id).copied()
    }

    fn is_hidden(&self, id: &str) -> bool {
        self.hidden.contains(id)
    }

    fn group(&self, id: &str) -> Option<&Question> {
        self.bank.question(id)
    }

    fn today(&self) -> Option<time::Date> {
        self.today
    }
}

impl<'a> Visible<'a> {
    /// Works out what is shown for these answers.
    pub fn new(bank: &'a Bank, answers: &'a Answers) -> Visible<'a> {
        Visible::of(bank, answers, bank.questions())
    }

    /// Works out what is shown among `questions` only, given in interview
    /// order: enough when every condition they carry (their own and their
    /// sections') reads only questions among them, as in the validator's
    /// reachability search. The other questions count as not yet reached.
    pub(crate) fn of(
        bank: &'a Bank,
        answers: &'a Answers,
        questions: impl Iterator<Item = (&'a Section, &'a Question)>,
    ) -> Visible<'a> {
        let mut v = Visible {
            bank,
            answers: HashMap::new(),
            shown: HashSet::new(),
            hidden: HashSet::new(),
            pending: HashSet::new(),
            today: None,
        };
        let mut section_truth: Option<(&Section, Truth)> = None;
        for (section, q) in questions {
            let truth = match section_truth {
                Some((s, t)) if std::ptr::eq(s, section) => t,
                _ => {
                    let t = section.when.as_ref().map_or(Truth::True, |c| c.eval(&v));
                    section_truth = Some((section, t));
                    t
                }
            };
            let truth = match truth {
                Truth::True => q.when.as_ref().map_or(Truth::True, |c| c.eval(&v)),
                other => other,
            };
            match truth {
                Truth::True => {
                    v.shown.insert(&q.id);
                    if let Some(a) = answers.get(&q.id) {
                        v.answers.insert(&q.id, a);
                    }
                }
                Truth::False => {
                    v.hidden.insert(&q.id);
                }
                Truth::Unknown => {
                    let open = |id: &str| {
                        v.pending.contains(id)
                            || (v.shown.contains(id)
                                && bank.question(id).is_some_and(|r| !is_done(r, answers)))
                    };
                    let waits = [section.when.as_ref(), q.when.as_ref()]
                        .into_iter()
                        .flatten()
                        .any(|c| c.top_level_questions().into_iter().any(open));
                    if waits {
                        v.pending.insert(&q.id);
                    }
                }
            }
        }
        v
    }

    /// The same, judging dates on `today` (the assessment's date).
    pub fn on(mut self, today: time::Date) -> Visible<'a> {
        self.today = Some(today);
        self
    }

    /// Whether the top-level question `id` waits on an answer still to give.
    pub fn is_pending(&self, id: &str) -> bool {
        self.pending.contains(id)
    }

    /// Whether the top-level question `id` is shown.
    pub fn is_shown(&self, id: &str) -> bool {
        self.shown.contains(id)
    }

    /// The questions shown, in interview order.
    pub fn questions(&self) -> Vec<&'a Question> {
        let bank = self.bank;
        bank.questions()
            .map(|(_, q)| q)
            .filter(|q| self.is_shown(&q.id))
            .collect()
    }

    /// The sub-questions of `group` shown for one entry, given its answers.
    fn entry_questions<'q>(
        &self,
        group: &'q Question,
        entry: &crate::answer::Entry,
    ) -> Vec<&'q Question> {
        let scope = crate::condition::EntryScope::new(group, entry, self);
        group
            .questions
            .iter()
            .enumerate()
            .filter(|&(i, _)| scope.truth(i) == Truth::True)
            .map(|(_, q)| q)
            .collect()
    }

    /// How many questions one entry of `group` shows and leaves unanswered
    /// (optional ones apart).
    fn entry_missing(&self, group: &Question, entry: &crate::answer::Entry) -> usize {
        self.entry_questions(group, entry)
            .into_iter()
            .filter(|q| !is_done(q, entry))
            .count()
    }

    /// Whether a shown question is done ([`is_done`]) and, for a list, every
    /// entry answers the questions it shows: an entry left half-way keeps
    /// the assessment unfinished.
    fn is_complete(&self, question: &Question, answers: &Answers) -> bool {
        is_done(question, answers)
            && answers
                .get(&question.id)
                .and_then(Answer::entries)
                .is_none_or(|entries| entries.iter().all(|e| self.entry_missing(question, e) == 0))
    }
}

/// Whether a question counts as done: answered (even "don't know"), or optional.
pub fn is_done(question: &Question, answers: &Answers) -> bool {
    question.optional
        || answers
            .get(&question.id)
            .is_some_and(|a| !matches!(a, Answer::Text(s) if s.trim().is_empty()))
}

/// Where a section stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Every question shown is done.
    Done,
    /// Some questions are done.
    InProgress,
    /// No question is done yet.
    ToDo,
    /// A condition excludes the whole section, or all its questions.
    Skipped,
}

/// Progress of one section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionProgress {
    /// The section id.
    pub id: String,
    /// Questions shown and done.
    pub done: usize,
    /// Questions shown, and those still to come that wait on an answer.
    pub total: usize,
    /// Where it stands.
    pub status: SectionStatus,
}

/// Progress of the whole interview.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Questions shown and done.
    pub done: usize,
    /// Questions shown, and those still to come that wait on an answer.
    pub total: usize,
    /// Per section, in order.
    pub sections: Vec<SectionProgress>,
}

impl Progress {
    /// Done over total, in whole percent (100 when nothing is shown).
    pub fn percent(&self) -> u8 {
        (self.done * 100)
            .checked_div(self.total)
            .map_or(100, |p| p as u8)
    }
}

/// How far along the interview is.
pub fn progress(bank: &Bank, answers: &Answers) -> Progress {
    progress_of(bank, answers, &std::collections::BTreeSet::new())
}

/// How far along the interview is, the answers still `to_confirm` (carried
/// over from a previous audit) not counted as done.
pub fn progress_of(
    bank: &Bank,
    answers: &Answers,
    to_confirm: &std::collections::BTreeSet<String>,
) -> Progress {
    let visible = Visible::new(bank, answers);
    let sections: Vec<SectionProgress> = bank
        .sections
        .iter()
        .map(|section| {
            let shown: Vec<&Question> = section
                .questions
                .iter()
                .filter(|q| visible.is_shown(&q.id))
                .collect();
            let done = shown
                .iter()
                .filter(|q| visible.is_complete(q, answers) && !to_confirm.contains(&q.id))
                .count();
            // Questions still to come count from the start, so that answering
            // never makes the progress go back: a "yes" shows them (already
            // counted), a "no" rules them out (no longer counted).
            let waiting = section
                .questions
                .iter()
                .filter(|q| visible.is_pending(&q.id))
                .count();
            let total = shown.len() + waiting;
            let status = match (total, done) {
                (0, _) => SectionStatus::Skipped,
                (t, d) if d == t => SectionStatus::Done,
                (_, 0) => SectionStatus::ToDo,
                _ => SectionStatus::InProgress,
            };
            SectionProgress {
                id: section.id.clone(),
                done,
                total,
                status,
            }
        })
        .collect();
    Progress {
        done: sections.iter().map(|s| s.done).sum(),
        total: sections.iter().map(|s| s.total).sum(),
        sections,
    }
}

/// Where the interview goes after an answer to `current`: the first shown
/// question after it that has no answer yet (an optional one included) or
/// whose answer is still `to_confirm`; past the end, the first shown question
/// not done or to confirm from the start; `None` when everything is answered.
/// A changed answer thus leads to the questions it brought in, and answered
/// questions are not walked through again.
pub fn next_open<'a>(
    bank: &'a Bank,
    answers: &Answers,
    to_confirm: &std::collections::BTreeSet<String>,
    current: &str,
) -> Option<&'a Question> {
    let order = bank.order(current)?;
    let visible = Visible::new(bank, answers);
    let shown = visible.questions();
    let after = shown.iter().find(|q| {
        bank.order(&q.id).is_some_and(|o| o > order)
            && (!answers.contains_key(&q.id) || to_confirm.contains(&q.id))
    });
    let from_start = || {
        shown.iter().find(|q| {
            q.id != current && (!visible.is_complete(q, answers) || to_confirm.contains(&q.id))
        })
    };
    let id = &after.or_else(from_start)?.id;
    bank.question(id)
}

/// Where a resumed interview continues: the first shown answer still to
/// confirm (a new audit started from an earlier one), else the first shown
/// question not done.
pub fn resume_at<'a>(
    bank: &'a Bank,
    answers: &Answers,
    to_confirm: &std::collections::BTreeSet<String>,
) -> Option<&'a Question> {
    let visible = Visible::new(bank, answers);
    let id = &visible
        .questions()
        .into_iter()
        .find(|q| to_confirm.contains(&q.id) || !visible.is_complete(q, answers))?
        .id;
    bank.question(id)
}

/// The first shown question not done yet: where a resumed interview continues.
pub fn first_unanswered<'a>(bank: &'a Bank, answers: &Answers) -> Option<&'a Question> {
    let visible = Visible::new(bank, answers);
    let id = &visible
        .questions()
        .into_iter()
        .find(|q| !visible.is_complete(q, answers))?
        .id;
    bank.question(id)
}

/// The shown question after `current` (with the answers as they are now).
pub fn next<'a>(bank: &'a Bank, answers: &Answers, current: &str) -> Option<&'a Question> {
    let order = bank.order(current)?;
    let visible = Visible::new(bank, answers);
    let id = &visible
        .questions()
        .into_iter()
        .find(|q| bank.order(&q.id).is_some_and(|o| o > order))?
        .id;
    bank.question(id)
}

/// The shown question before `current`.
pub fn previous<'a>(bank: &'a Bank, answers: &Answers, current: &str) -> Option<&'a Question> {
    let order = bank.order(current)?;
    let visible = Visible::new(bank, answers);
    let id = &visible
        .questions()
        .into_iter()
        .rev()
        .find(|q| bank.order(&q.id).is_some_and(|o| o < order))?
        .id;
    bank.question(id)
}

/// The sub-questions of a group shown for one entry, given that entry's answers.
pub fn entry_questions<'a>(
    bank: &'a Bank,
    answers: &Answers,
    group: &'a Question,
    entry: &crate::answer::Entry,
) -> Vec<&'a Question> {
    Visible::new(bank, answers).entry_questions(group, entry)
}

/// The question's reminder of what earlier answers said on its point, when
/// they say it, in the session's legal words; `{matching:GROUP/FIELD}` names
/// the entries that make its condition true, as in a rule.
pub fn reminder(
    bank: &Bank,
    answers: &Answers,
    question: &Question,
    lang: crate::i18n::Lang,
) -> Option<String> {
    use crate::rules::template::{Fill, render};
    let reminder = question.reminder.as_ref()?;
    let visible = Visible::new(bank, answers);
    (reminder.when.eval(&visible) == Truth::True).then(|| {
        let fill = Fill {
            bank,
            scope: &visible,
            group: None,
            rule: &reminder.when,
            org: "",
            lang,
        };
        render(reminder.text.get(lang), &fill)
    })
}

/// The options a choice question offers now, as (id, label): its own options,
/// or the names of the entries of the group it draws them from.
pub fn options(
    bank: &Bank,
    answers: &Answers,
    question: &Question,
    lang: crate::i18n::Lang,
) -> Vec<(String, String)> {
    match &question.options_from {
        None => question
            .options
            .iter()
            .map(|o| (o.id.clone(), o.label.get(lang).to_string()))
            .collect(),
        Some(from) => {
            let Some(group) = bank.question(&from.group) else {
                return Vec::new();
            };
            let entries = answers
                .get(&from.group)
                .and_then(Answer::entries)
                .unwrap_or_default();
            (0..entries.len())
                .map(|i| match entries[i].get(&from.field) {
                    Some(Answer::Text(s)) if !s.trim().is_empty() => s.trim().to_string(),
                    _ => crate::answer::entry_name(group, entries, i, lang),
                })
                .map(|name| (name.clone(), name))
                .collect()
        }
    }
}

/// How many questions each entry of a group shows and leaves unanswered
/// (optional ones apart): an entry left half-way says so in the list.
pub fn entries_missing(
    bank: &Bank,
    answers: &Answers,
    group: &Question,
    entries: &[crate::answer::Entry],
) -> Vec<usize> {
    let visible = Visible::new(bank, answers);
    entries
        .iter()
        .map(|entry| visible.entry_missing(group, entry))
        .collect()
}

/// The sub-question shown after (`forward`) or before `current` in one
/// entry of a group, given the entry's answers.
pub fn beside_in_entry<'a>(
    bank: &'a Bank,
    answers: &Answers,
    group: &'a Question,
    entry: &crate::answer::Entry,
    current: &str,
    forward: bool,
) -> Option<&'a Question> {
    let order = |id: &str| group.questions.iter().position(|q| q.id == id);
    let position = order(current)?;
    let shown = entry_questions(bank, answers, group, entry);
    let on_side = |q: &&Question| {
        order(&q.id).is_some_and(|p| if forward { p > position } else { p < position })
    };
    if forward {
        shown.into_iter().find(on_side)
    } else {
        shown.into_iter().rev().find(on_side)
    }
}
