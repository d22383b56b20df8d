//! The plain interview: the same questions, order and conditions as the
//! wizard (both follow `flow` and record through `Session`), asked one line
//! at a time through a [`Console`]. Nothing here knows about a terminal.

use super::input::{Command, pick, pick_many, yes_no};
use super::strings::{Words, words};
use crate::answer::{self, Answer, OTHER, TextError, entry_name, format_number};
use crate::bank::{Bank, Kind, Question};
use crate::flow;
use crate::i18n::{Lang, ui};
use crate::rules::template::help_text;
use crate::session::history::History;
use crate::session::{DontKnowAction, Saved, Session};
use std::collections::BTreeSet;
use std::io;
use time::OffsetDateTime;

/// Where lines are printed and read.
pub trait Console {
    /// Prints one line.
    fn say(&mut self, text: &str) -> io::Result<()>;
    /// Prints `prompt` and reads one line; `None` when input ends.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>>;
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Every shown question has an answer.
    Finished,
    /// The input ended (Ctrl-D) before that.
    Stopped,
}

/// What became of one question.
pub(super) enum Step {
    Answered,
    Back,
    Stop,
    /// Ask this question next (the one an undo went back to).
    Revisit(String),
}

/// Saves the session after each change; says what it found on disk, or why it could not.
pub type Save<'a> = dyn FnMut(&Session) -> Result<Saved, String> + 'a;

/// An interview in progress.
pub struct Interview<'a, C: Console> {
    pub(super) bank: &'a Bank,
    /// The session being answered.
    pub session: Session,
    console: C,
    save: Box<Save<'a>>,
    section: Option<String>,
    /// Where saves go since another program changed the file in the same answers.
    diverted: Option<std::path::PathBuf>,
    /// The changes `%` can undo.
    history: History,
}

/// Where an answer goes: a question, or a sub-question of a group's entry.
#[derive(Clone)]
pub(super) struct Target<'q> {
    pub(super) question: &'q Question,
    pub(super) entry: Option<(&'q Question, usize)>,
}

impl<'a, C: Console> Interview<'a, C> {
    /// An interview of `session`, saved by `save` after every change.
    pub fn new(
        bank: &'a Bank,
        session: Session,
        console: C,
        save: impl FnMut(&Session) -> Result<Saved, String> + 'a,
    ) -> Self {
        Interview {
            bank,
            history: History::new(&session),
            session,
            console,
            save: Box::new(save),
            section: None,
            diverted: None,
        }
    }

    /// The file saves now go to, when it is no longer the one opened (another
    /// program changed that one in the same answers).
    pub fn saved_to(&self) -> Option<std::path::PathBuf> {
        self.diverted.clone()
    }

    pub(super) fn w(&self) -> &'static Words {
        words(self.session.lang)
    }

    pub(super) fn lang(&self) -> Lang {
        self.session.lang
    }

    /// The console, to say more after the interview.
    pub fn console(&mut self) -> &mut C {
        &mut self.console
    }

    /// Asks from the first unanswered question to the last one shown.
    pub fn run(&mut self) -> io::Result<End> {
        match flow::resume_at(self.bank, &self.session.answers, &self.session.to_confirm) {
            Some(first) => self.run_from(first.id.clone()),
            None => Ok(End::Finished),
        }
    }

    /// Lists every question shown with its answer, and reads which one to
    /// revise (`None`: none).
    pub fn review(&mut self) -> io::Result<Option<String>> {
        let lang = self.lang();
        let w = self.w();
        let questions: Vec<(String, String)> = flow::Visible::new(self.bank, &self.session.answers)
            .questions()
            .iter()
            .map(|q| {
                let answer = self
                    .session
                    .answers
                    .get(&q.id)
                    .map_or(ui(lang).not_answered.to_string(), |a| a.display(q, lang));
                (
                    q.id.clone(),
                    format!("{} — {answer}", q.short_label().get(lang)),
                )
            })
            .collect();
        for (n, (_, line)) in questions.iter().enumerate() {
            self.say(&format!("  {}. {line}", n + 1))?;
        }
        loop {
            let Some(line) = self.prompt(w.review_prompt)? else {
                return Ok(None);
            };
            let line = line.trim();
            if line.is_empty() {
                return Ok(None);
            }
            match pick(line, questions.len()) {
                Some(n) => return Ok(Some(questions[n].0.clone())),
                None => self.say(w.not_a_choice)?,
            }
        }
    }

    /// One top-level question with its header: a group's list or a single question.
    fn question(&mut self, question: &Question) -> io::Result<Step> {
        self.header(question)?;
        if question.kind == Kind::Group {
            self.group(question)
        } else {
            self.ask(Target {
                question,
                entry: None,
            })
        }
    }

    /// Asks question `id` again, then any question its new answer brings in.
    pub fn revise(&mut self, id: &str) -> io::Result<End> {
        let bank = self.bank;
        let Some(question) = bank.question(id) else {
            return self.run();
        };
        match self.question(question)? {
            Step::Stop => Ok(End::Stopped),
            Step::Revisit(id) => self.run_from(id),
            Step::Answered | Step::Back => self.run(),
        }
    }

    /// Asks from question `id` on, in the flow's order, to the last one shown.
    fn run_from(&mut self, id: String) -> io::Result<End> {
        let mut current = id;
        loop {
            let bank = self.bank;
            let Some(question) = bank.question(&current) else {
                return Ok(End::Finished);
            };
            match self.question(question)? {
                Step::Stop => return Ok(End::Stopped),
                Step::Revisit(id) => current = id,
                Step::Back => match flow::previous(bank, &self.session.answers, &current) {
                    Some(previous) => current = previous.id.clone(),
                    None => self.say(self.w().first_question)?,
                },
                Step::Answered => match flow::next_open(
                    bank,
                    &self.session.answers,
                    &self.session.to_confirm,
                    &current,
                ) {
                    Some(next) => current = next.id.clone(),
                    None => return Ok(End::Finished),
                },
            }
        }
    }

    pub(super) fn say(&mut self, text: &str) -> io::Result<()> {
        self.console.say(text)
    }

    pub(super) fn prompt(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let colon = if self.lang() == Lang::Fr {
            "\u{a0}:"
        } else {
            ":"
        };
        self.console.ask(&format!("{prompt}{colon} "))
    }

    /// Saves the session, recorded for undo; takes in what another program
    /// wrote meanwhile.
    pub(super) fn persist(&mut self) -> io::Result<()> {
        // A failed save is said and the interview goes on: the answers stay in
        // memory and the next change tries again.
        let saved = match (self.save)(&self.session) {
            Ok(saved) => saved,
            Err(e) => return self.say(&format!("{} {e}", self.w().save_failed)),
        };
        self.history.record(&self.session);
        let notice = saved.notice(self.lang());
        match saved {
            Saved::Written => {}
            Saved::Merged(session) => {
                // Undoing past another program's answers would drop them.
                self.history.reset(&session);
                self.session = *session;
            }
            Saved::Diverted { ours, .. } => self.diverted = Some(ours),
        }
        match notice {
            Some(notice) => self.say(&notice),
            None => Ok(()),
        }
    }

    /// The section title when it changes, then the question's number.
    fn header(&mut self, question: &Question) -> io::Result<()> {
        let lang = self.lang();
        if let Some(section) = self.bank.section_of(&question.id)
            && self.section.as_deref() != Some(section.id.as_str())
        {
            self.section = Some(section.id.clone());
            let index = self
                .bank
                .sections
                .iter()
                .position(|s| s.id == section.id)
                .unwrap_or(0);
            let title = format!(
                "== {} ({}/{}) ==",
                section.title.get(lang),
                index + 1,
                self.bank.sections.len()
            );
            self.say("")?;
            self.say(&title)?;
        }
        let progress = self.session.progress(self.bank);
        let position = flow::Visible::new(self.bank, &self.session.answers)
            .questions()
            .iter()
            .position(|q| q.id == question.id)
            .map_or(progress.done + 1, |p| p + 1);
        let line = format!("{} {}/{}", self.w().question, position, progress.total);
        self.say("")?;
        self.say(&line)
    }

    /// The answer a target has now.
    fn current(&self, target: &Target<'_>) -> Option<Answer> {
        match target.entry {
            None => self.session.answers.get(&target.question.id).cloned(),
            Some((group, index)) => self
                .session
                .answers
                .get(&group.id)
                .and_then(Answer::entries)
                .and_then(|e| e.get(index))
                .and_then(|e| e.get(&target.question.id))
                .cloned(),
        }
    }

    pub(super) fn commit(&mut self, target: &Target<'_>, answer: Answer) -> io::Result<()> {
        let now = OffsetDateTime::now_utc();
        match target.entry {
            None => self
                .session
                .set_answer(self.bank, &target.question.id, answer, now),
            Some((group, index)) => {
                self.session
                    .set_entry_answer(&group.id, index, &target.question.id, answer, now)
            }
        }
        self.persist()
    }

    /// An optional question left empty: its answer is cleared.
    fn clear(&mut self, target: &Target<'_>) -> io::Result<()> {
        let now = OffsetDateTime::now_utc();
        let id = &target.question.id;
        match target.entry {
            None => self.session.clear_answer(self.bank, id, now),
            Some((group, index)) => self.session.clear_entry_answer(&group.id, index, id, now),
        }
        self.persist()
    }

    /// Carries out a command typed at a prompt; `None` when the same question is asked again.
    pub(super) fn command(
        &mut self,
        target: &Target<'_>,
        command: Command,
    ) -> io::Result<Option<Step>> {
        let lang = self.lang();
        match command {
            Command::Help => {
                let help = target.question.help.as_ref().map_or_else(
                    || self.w().no_help.to_string(),
                    |h| help_text(self.bank, &self.session.answers, h.get(lang), lang),
                );
                self.say(&help)?;
                Ok(None)
            }
            Command::DontKnow => self.dont_know(target),
            Command::Undo => Ok(self.undo()?.map(Step::Revisit)),
            Command::Back => Ok(Some(Step::Back)),
            Command::Note => {
                // A note on an entry's sub-question belongs to the group, as in the wizard.
                let id = target
                    .entry
                    .map_or(&target.question.id, |(g, _)| &g.id)
                    .clone();
                let Some(note) = self.prompt(self.w().note_prompt)? else {
                    return Ok(Some(Step::Stop));
                };
                let note = note.trim().to_string();
                let message = if note.is_empty() {
                    self.session.notes.remove(&id);
                    self.w().note_removed
                } else {
                    self.session.notes.insert(id, note);
                    self.w().note_saved
                };
                self.session.updated = OffsetDateTime::now_utc();
                self.persist()?;
                self.say(message)?;
                Ok(None)
            }
        }
    }

    /// `!`: "don't know". A list with entries keeps them and is marked to
    /// verify; a real answer is only replaced once the user says yes.
    fn dont_know(&mut self, target: &Target<'_>) -> io::Result<Option<Step>> {
        let lang = self.lang();
        let current = match target.entry {
            None => self.session.answers.get(&target.question.id),
            Some((group, index)) => self
                .session
                .answers
                .get(&group.id)
                .and_then(Answer::entries)
                .and_then(|entries| entries.get(index))
                .and_then(|entry| entry.get(&target.question.id)),
        };
        match DontKnowAction::for_answer(target.question, current, lang) {
            DontKnowAction::Record => {}
            DontKnowAction::MarkList => {
                let now = OffsetDateTime::now_utc();
                self.session.mark_to_verify(&target.question.id, now);
                self.persist()?;
                self.say(ui(lang).list_marked)?;
                return Ok(Some(Step::Answered));
            }
            DontKnowAction::Confirm(shown) => {
                let question = ui(lang).replace_with_dont_know.replace("{answer}", &shown);
                match self.confirm(&question)? {
                    Some(true) => {}
                    Some(false) => return Ok(None),
                    None => return Ok(Some(Step::Stop)),
                }
            }
        }
        self.commit(target, Answer::dont_know())?;
        self.say(self.w().dont_know_saved)?;
        Ok(Some(Step::Answered))
    }

    /// Asks a yes-or-no question until it gets one; `None` when the input ends.
    pub(super) fn confirm(&mut self, question: &str) -> io::Result<Option<bool>> {
        loop {
            let prompt = format!("{question} {}", self.w().yes_no);
            let Some(line) = self.prompt(&prompt)? else {
                return Ok(None);
            };
            if let Some(answer) = yes_no(&line) {
                return Ok(Some(answer));
            }
        }
    }

    /// `%`: the session as it was before its last change; returns the
    /// question that change touched, to ask it again.
    fn undo(&mut self) -> io::Result<Option<String>> {
        let lang = self.lang();
        let Some(undone) = self.history.undo() else {
            self.say(ui(lang).nothing_to_undo)?;
            return Ok(None);
        };
        self.session = undone.session;
        self.session.updated = OffsetDateTime::now_utc();
        self.session.sync_bindings(self.bank);
        self.persist()?;
        let question = undone
            .question
            .filter(|id| flow::Visible::new(self.bank, &self.session.answers).is_shown(id));
        let label = question
            .as_deref()
            .and_then(|id| self.bank.question(id))
            .map_or(String::new(), |q| q.short_label().get(lang).to_string());
        self.say(&format!("{} {label}", ui(lang).undone))?;
        Ok(question)
    }

    /// Asks one question (not a group's list) until it is answered.
    pub(super) fn ask(&mut self, target: Target<'_>) -> io::Result<Step> {
        let lang = self.lang();
        let w = self.w();
        let q = target.question;
        let items: Vec<(String, String)> = match q.kind {
            Kind::YesNo => vec![
                ("yes".into(), ui(lang).yes.into()),
                ("no".into(), ui(lang).no.into()),
            ],
            Kind::Single | Kind::Multi => {
                let mut items = flow::options(self.bank, &self.session.answers, q, lang);
                if q.kind == Kind::Multi && q.other {
                    items.push((OTHER.into(), ui(lang).other_specify.into()));
                }
                items
            }
            _ => Vec::new(),
        };
        loop {
            let label = match target.entry {
                // The entry by its name once it has one, as in the wizard.
                Some((group, index)) => {
                    let entries = self
                        .session
                        .answers
                        .get(&group.id)
                        .and_then(Answer::entries)
                        .unwrap_or_default();
                    let name = entry_name(group, entries, index, lang);
                    format!("{name} — {}", q.label.get(lang))
                }
                None => q.label.get(lang).to_string(),
            };
            self.say(&label)?;
            if target.entry.is_none()
                && let Some(text) = flow::reminder(self.bank, &self.session.answers, q, lang)
            {
                self.say(&format!("→ {text}"))?;
            }
            for (n, (_, text)) in items.iter().enumerate() {
                self.say(&format!("  {}. {text}", n + 1))?;
            }
            let current = self.current(&target);
            if let Some(a) = &current {
                let shown = a.display(q, lang);
                self.say(&format!("{} {shown} ({})", w.current, w.keep_current))?;
            }
            let mut prompt = match q.kind {
                Kind::YesNo | Kind::Single => w.choice_prompt.to_string(),
                Kind::Multi => w.choices_prompt.to_string(),
                _ => w.text_prompt.to_string(),
            };
            if q.optional {
                prompt = format!("{prompt} ({})", w.optional);
            }
            let Some(line) = self.prompt(&prompt)? else {
                return Ok(Step::Stop);
            };
            let line = line.trim();
            if let Some(command) = Command::parse(line) {
                match self.command(&target, command)? {
                    Some(step) => return Ok(step),
                    None => continue,
                }
            }
            if line.is_empty()
                && let Some(kept) = current
            {
                // Keeping an answer confirms it (one carried over from a previous audit).
                if self.session.to_confirm.contains(&target.question.id) && target.entry.is_none() {
                    self.commit(&target, kept)?;
                }
                return Ok(Step::Answered);
            }
            // Enter alone on a list nobody answered: no number was wrong.
            if line.is_empty() && matches!(q.kind, Kind::YesNo | Kind::Single | Kind::Multi) {
                if q.optional {
                    return Ok(Step::Answered);
                }
                self.say(w.required)?;
                continue;
            }
            let answer = match q.kind {
                Kind::YesNo | Kind::Single => match pick(line, items.len()) {
                    Some(n) if q.kind == Kind::YesNo => Answer::Bool(n == 0),
                    Some(n) => Answer::Text(items[n].0.clone()),
                    None => {
                        self.say(w.not_a_choice)?;
                        continue;
                    }
                },
                Kind::Multi => {
                    let Some(picked) = pick_many(line, items.len()) else {
                        self.say(w.not_a_choice)?;
                        continue;
                    };
                    let checked: BTreeSet<String> =
                        picked.iter().map(|&n| items[n].0.clone()).collect();
                    let mut other = String::new();
                    if checked.contains(OTHER) {
                        let Some(text) = self.prompt(w.other_prompt)? else {
                            return Ok(Step::Stop);
                        };
                        other = text;
                    }
                    let ids: Vec<String> = items.iter().map(|(id, _)| id.clone()).collect();
                    answer::choices(&ids, &checked, &other)
                }
                _ => match answer::parse_text(q, line, lang) {
                    Ok(Some(a)) => a,
                    Ok(None) => {
                        self.clear(&target)?;
                        return Ok(Step::Answered);
                    }
                    Err(e) => {
                        let message = match e {
                            TextError::Required => w.required.to_string(),
                            TextError::NotANumber => w.number_expected.to_string(),
                            TextError::BelowMin(m) => {
                                format!("{} {}.", w.at_least, format_number(m, lang))
                            }
                            TextError::AboveMax(m) => {
                                format!("{} {}.", w.at_most, format_number(m, lang))
                            }
                            TextError::Format(message) => message,
                        };
                        self.say(&message)?;
                        continue;
                    }
                },
            };
            self.commit(&target, answer)?;
            return Ok(Step::Answered);
        }
    }
}
