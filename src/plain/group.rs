//! Groups in the plain interview: the list of entries, and each entry's sub-questions.

use super::input::{Command, split_command};
use super::interview::{Console, Interview, Step, Target};
use crate::answer::{Answer, Entry, entry_name};
use crate::bank::Question;
use crate::flow;
use crate::i18n::ui;
use std::io;
use time::OffsetDateTime;

impl<C: Console> Interview<'_, C> {
    pub(super) fn entries(&self, group: &Question) -> Vec<Entry> {
        self.session
            .answers
            .get(&group.id)
            .and_then(Answer::entries)
            .map(<[Entry]>::to_vec)
            .unwrap_or_default()
    }

    /// A group: list its entries; add, edit or remove one; finish.
    pub(super) fn group(&mut self, group: &Question) -> io::Result<Step> {
        let lang = self.lang();
        let w = self.w();
        let target = Target {
            question: group,
            entry: None,
        };
        loop {
            self.say(group.label.get(lang))?;
            let entries = self.entries(group);
            if entries.is_empty() {
                self.say(w.no_entries)?;
            } else {
                self.say(w.group_entries)?;
                let missing =
                    flow::entries_missing(self.bank, &self.session.answers, group, &entries);
                for (i, &missing) in missing.iter().enumerate() {
                    let name = entry_name(group, &entries, i, lang);
                    let line = crate::i18n::entry_line(i + 1, &name, missing, lang);
                    self.say(&format!("  {line}"))?;
                }
            }
            let Some(line) = self.prompt(w.group_prompt)? else {
                return Ok(Step::Stop);
            };
            let line = line.trim().to_lowercase();
            if let Some(command) = Command::parse(&line) {
                match self.command(&target, command)? {
                    Some(step) => return Ok(step),
                    None => continue,
                }
            }
            let (command, number) = split_command(&line);
            let index = number
                .and_then(|n| n.checked_sub(1))
                .filter(|&i| i < entries.len());
            match (command, index) {
                ("", _) => {
                    let now = OffsetDateTime::now_utc();
                    self.session.finish_group(self.bank, &group.id, now);
                    self.persist()?;
                    return Ok(Step::Answered);
                }
                ("a", _) => {
                    let now = OffsetDateTime::now_utc();
                    self.session.entries_mut(&group.id, now).push(Entry::new());
                    match self.entry(group, entries.len(), true)? {
                        step @ (Step::Stop | Step::Revisit(_)) => return Ok(step),
                        Step::Answered | Step::Back => {}
                    }
                }
                ("m" | "e", Some(i)) => match self.entry(group, i, false)? {
                    step @ (Step::Stop | Step::Revisit(_)) => return Ok(step),
                    Step::Answered | Step::Back => {}
                },
                ("s" | "d", Some(i)) => {
                    let name = entry_name(group, &entries, i, lang);
                    let question = ui(lang).delete_entry.replace("{name}", &name);
                    match self.confirm(&question)? {
                        Some(true) => {
                            let now = OffsetDateTime::now_utc();
                            self.session.entries_mut(&group.id, now).remove(i);
                            self.persist()?;
                        }
                        Some(false) => {}
                        None => return Ok(Step::Stop),
                    }
                }
                _ => self.say(w.not_an_entry)?,
            }
        }
    }

    /// Asks the sub-questions of entry `index`, in the flow's order.
    pub(super) fn entry(
        &mut self,
        group: &Question,
        index: usize,
        created: bool,
    ) -> io::Result<Step> {
        let entry = self.entries(group).get(index).cloned().unwrap_or_default();
        let Some(mut sub) = flow::entry_questions(self.bank, &self.session.answers, group, &entry)
            .first()
            .map(|q| q.id.clone())
        else {
            return Ok(Step::Answered);
        };
        loop {
            let Some(question) = group.sub(&sub) else {
                return Ok(Step::Answered);
            };
            match self.ask(Target {
                question,
                entry: Some((group, index)),
            })? {
                step @ (Step::Stop | Step::Revisit(_)) => return Ok(step),
                Step::Back => {
                    let now = OffsetDateTime::now_utc();
                    if created && self.session.drop_empty_entry(&group.id, index, now) {
                        self.persist()?;
                    }
                    return Ok(Step::Answered);
                }
                Step::Answered => {
                    let values = self.entries(group).get(index).cloned().unwrap_or_default();
                    match flow::beside_in_entry(
                        self.bank,
                        &self.session.answers,
                        group,
                        &values,
                        &sub,
                        true,
                    ) {
                        Some(next) => sub = next.id.clone(),
                        None => return Ok(Step::Answered),
                    }
                }
            }
        }
    }
}
