//! A session: the answers of one assessment, with its notes and marks, and
//! how it is kept on disk.

pub mod file;
pub mod history;
pub mod library;
pub mod limits;
pub mod store;

pub use file::{Saved, SessionFile};
pub use store::{PRIVATE, SessionError, load, save, write_atomic};

use crate::answer::{Answer, Answers};
use crate::bank::Bank;
use crate::i18n::Lang;
use crate::law::Jurisdiction;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

/// The `format` field of every session file.
pub const FORMAT: &str = "privaudit-session";
/// The version of the session format this build writes and reads.
pub const VERSION: u32 = 1;

/// Which bank a session was answered with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankStamp {
    /// The bank's id.
    pub id: String,
    /// The bank's version.
    pub version: String,
}

/// One assessment in progress or done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Always `privaudit-session`.
    pub format: String,
    /// The session format version.
    pub version: u32,
    /// The bank the answers were given with.
    pub bank: BankStamp,
    /// The language of the interview and of the report by default.
    pub lang: Lang,
    /// The jurisdictions selected (kept in step with their question).
    #[serde(default)]
    pub jurisdictions: Vec<Jurisdiction>,
    /// The organisation's name (kept in step with its question).
    #[serde(default)]
    pub organisation: String,
    /// Who prepared the assessment (a consultant), shown on the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<String>,
    /// A PNG or JPEG logo for the report's cover, relative to the session file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<std::path::PathBuf>,
    /// The consultant's mission: firm, client contact, visit, scope (cover).
    #[serde(default, skip_serializing_if = "Mission::is_empty")]
    pub mission: Mission,
    /// Answers by question id; group entries keep their order.
    #[serde(default)]
    pub answers: Answers,
    /// Notes by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Questions marked "to verify".
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub to_verify: BTreeSet<String>,
    /// Answers carried over from a previous audit and not yet confirmed.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub to_confirm: BTreeSet<String>,
    /// The previous audit's session file this one was started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<std::path::PathBuf>,
    /// Answers to questions the current bank no longer has (or in a shape it no longer takes), kept so nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, serde_json::Value>,
    /// When the session was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// When it last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
}

/// A consultant's mission, for the report's cover and signature.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    /// The consultant's firm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    /// The client's contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The date of the visit, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_date: Option<String>,
    /// What the assessment covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl Mission {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        *self == Mission::default()
    }
}

/// How the bank a session was answered with compares with the bank at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankMatch {
    /// The same bank, same version.
    Same,
    /// The same bank, in a newer version: the session is re-stamped.
    Newer,
    /// The same bank, in an older (or unordered) version: the stamp is kept.
    Older,
    /// Another bank: its questions are not the session's.
    Other,
}

/// What "don't know" does to a question, given its current answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DontKnowAction {
    /// Nothing real is answered yet: record "don't know".
    Record,
    /// A list with entries: keep them and mark the list "to verify".
    MarkList,
    /// A real answer (shown here) would be replaced: ask first.
    Confirm(String),
}

impl DontKnowAction {
    /// The action for `question`, whose answer is `current`; never discards an answer silently.
    pub fn for_answer(
        question: &crate::bank::Question,
        current: Option<&Answer>,
        lang: Lang,
    ) -> DontKnowAction {
        match current {
            Some(answer) if answer.entries().is_some_and(|e| !e.is_empty()) => {
                DontKnowAction::MarkList
            }
            Some(answer) if answer.is_substantive() && answer.entries().is_none() => {
                DontKnowAction::Confirm(answer.display(question, lang))
            }
            _ => DontKnowAction::Record,
        }
    }
}

/// An answer set aside when a session meets a newer bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retired {
    /// The question id.
    pub id: String,
    /// Why it was set aside.
    pub reason: String,
}

impl Session {
    /// A new, empty session for `bank`.
    pub fn new(bank: &Bank, lang: Lang, now: OffsetDateTime) -> Session {
        Session {
            format: FORMAT.to_string(),
            version: VERSION,
            bank: BankStamp {
                id: bank.manifest.id.clone(),
                version: bank.manifest.version.clone(),
            },
            lang,
            jurisdictions: Vec::new(),
            organisation: String::new(),
            prepared_by: None,
            logo: None,
            mission: Mission::default(),
            answers: Answers::new(),
            notes: BTreeMap::new(),
            to_verify: BTreeSet::new(),
            to_confirm: BTreeSet::new(),
            previous: None,
            retired: BTreeMap::new(),
            created: now,
            updated: now,
        }
    }

    /// A new session whose organisation's name is already answered.
    pub fn named(bank: &Bank, lang: Lang, organisation: String, now: OffsetDateTime) -> Session {
        let mut session = Session::new(bank, lang, now);
        let name_question = bank.manifest.bindings.organisation.clone();
        session.set_answer(bank, &name_question, Answer::Text(organisation), now);
        session
    }

    /// Records an answer; "don't know" also marks the question to verify, and
    /// a real answer clears the question's "to verify" mark.
    pub fn set_answer(&mut self, bank: &Bank, id: &str, answer: Answer, now: OffsetDateTime) {
        if answer.is_dont_know() {
            self.to_verify.insert(id.to_string());
        } else {
            self.to_verify.remove(id);
        }
        self.to_confirm.remove(id);
        self.answers.insert(id.to_string(), answer);
        self.sync_bindings(bank);
        self.updated = now;
    }

    /// Marks the question `id` "to verify", keeping its answer.
    pub fn mark_to_verify(&mut self, id: &str, now: OffsetDateTime) {
        self.to_verify.insert(id.to_string());
        self.updated = now;
    }

    /// The entries of group `id`, created empty if it has no group answer yet.
    pub fn entries_mut(&mut self, id: &str, now: OffsetDateTime) -> &mut Vec<crate::answer::Entry> {
        self.updated = now;
        let answer = self
            .answers
            .entry(id.to_string())
            .or_insert_with(|| Answer::Group(Default::default()));
        if !matches!(answer, Answer::Group(_)) {
            *answer = Answer::Group(Default::default());
        }
        match answer {
            Answer::Group(group) => &mut group.entries,
            _ => unreachable!("just made a group"),
        }
    }

    /// Records the answer to sub-question `sub` of entry `index` of group `group`;
    /// "don't know" marks the group to verify.
    pub fn set_entry_answer(
        &mut self,
        group: &str,
        index: usize,
        sub: &str,
        answer: Answer,
        now: OffsetDateTime,
    ) {
        if answer.is_dont_know() {
            self.to_verify.insert(group.to_string());
        }
        let entries = self.entries_mut(group, now);
        if let Some(entry) = entries.get_mut(index) {
            entry.insert(sub.to_string(), answer);
        }
    }

    /// Removes the answer to `id`: an optional question left empty.
    pub fn clear_answer(&mut self, bank: &Bank, id: &str, now: OffsetDateTime) {
        self.answers.remove(id);
        self.to_confirm.remove(id);
        self.sync_bindings(bank);
        self.updated = now;
    }

    /// Removes the answer to sub-question `sub` of entry `index` of group `group`.
    pub fn clear_entry_answer(
        &mut self,
        group: &str,
        index: usize,
        sub: &str,
        now: OffsetDateTime,
    ) {
        if let Some(entry) = self.entries_mut(group, now).get_mut(index) {
            entry.remove(sub);
        }
    }

    /// Closes a group's list: a group with no entries is answered too (none).
    /// Its entries are confirmed.
    pub fn finish_group(&mut self, bank: &Bank, id: &str, now: OffsetDateTime) {
        self.to_confirm.remove(id);
        if !matches!(self.answers.get(id), Some(Answer::Group(_))) {
            self.set_answer(bank, id, Answer::Group(Default::default()), now);
        }
    }

    /// Removes entry `index` of `group` if nothing was answered in it (an entry
    /// started, then abandoned); says whether it did.
    pub fn drop_empty_entry(&mut self, group: &str, index: usize, now: OffsetDateTime) -> bool {
        let empty = self
            .answers
            .get(group)
            .and_then(Answer::entries)
            .and_then(|entries| entries.get(index))
            .is_some_and(|entry| entry.is_empty());
        if empty {
            self.entries_mut(group, now).remove(index);
        }
        empty
    }

    /// Copies the organisation's name and jurisdictions from their questions.
    pub fn sync_bindings(&mut self, bank: &Bank) {
        let b = &bank.manifest.bindings;
        if let Some(Answer::Text(name)) = self.answers.get(&b.organisation) {
            self.organisation = name.trim().to_string();
        }
        if let Some(ids) = self
            .answers
            .get(&b.jurisdictions)
            .and_then(Answer::selected)
        {
            self.jurisdictions = Jurisdiction::ALL
                .into_iter()
                .filter(|j| ids.iter().any(|id| id == j.code()))
                .collect();
        }
    }

    /// Fits the session to `bank`: answers set aside earlier whose question is
    /// back (and takes them) return; answers to questions it no longer has, or
    /// in a shape it no longer takes, move to `retired` (kept, not evaluated)
    /// and are listed. The session is re-stamped only for a newer version of
    /// the same bank: never for another bank, never for an older version.
    pub fn reconcile(&mut self, bank: &Bank) -> Vec<Retired> {
        let returning: Vec<String> = self
            .retired
            .iter()
            .filter(|(id, value)| {
                !self.answers.contains_key(*id)
                    && bank.question(id).is_some_and(|q| {
                        serde_json::from_value::<Answer>((*value).clone())
                            .is_ok_and(|a| a.fits(q).is_ok())
                    })
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in returning {
            let value = self.retired.remove(&id).expect("listed");
            let answer = serde_json::from_value(value).expect("checked above");
            self.answers.insert(id, answer);
        }
        let mut retired = Vec::new();
        let ids: Vec<String> = self.answers.keys().cloned().collect();
        for id in ids {
            let reason = match bank.question(&id) {
                None => Some("the question is no longer in the bank".to_string()),
                Some(q) => self.answers[&id].fits(q).err(),
            };
            if let Some(reason) = reason {
                let answer = self.answers.remove(&id).expect("listed");
                let value = serde_json::to_value(answer).expect("answers serialise");
                self.retired.insert(id.clone(), value);
                retired.push(Retired { id, reason });
            }
        }
        if self.bank_match(bank) == BankMatch::Newer {
            self.bank = BankStamp {
                id: bank.manifest.id.clone(),
                version: bank.manifest.version.clone(),
            };
        }
        self.sync_bindings(bank);
        retired
    }

    /// How the bank the session was answered with compares with `bank`.
    pub fn bank_match(&self, bank: &Bank) -> BankMatch {
        if self.bank.id != bank.manifest.id {
            return BankMatch::Other;
        }
        let parse = |v: &str| semver::Version::parse(v).ok();
        match (parse(&self.bank.version), parse(&bank.manifest.version)) {
            (Some(ours), Some(theirs)) if theirs > ours => BankMatch::Newer,
            (Some(ours), Some(theirs)) if theirs < ours => BankMatch::Older,
            _ if self.bank.version == bank.manifest.version => BankMatch::Same,
            // Versions that are not semantic versions cannot be ordered: keep the stamp.
            _ => BankMatch::Older,
        }
    }

    /// Why this session must not be edited with `bank`, in `lang`, if it must
    /// not: it was answered with another bank, whose questions these are not.
    pub fn foreign_bank(&self, bank: &Bank, lang: Lang) -> Option<String> {
        (self.bank_match(bank) == BankMatch::Other).then(|| {
            crate::i18n::ui(lang)
                .foreign_bank
                .replace("{theirs}", &self.bank.id)
                .replace("{ours}", &bank.manifest.id)
        })
    }

    /// A warning in `lang` when the session was answered with a newer version
    /// of the bank than `bank` (some answers are then set aside until
    /// privaudit is updated).
    pub fn newer_bank_warning(&self, bank: &Bank, lang: Lang) -> Option<String> {
        (self.bank_match(bank) == BankMatch::Older && self.bank.version != bank.manifest.version)
            .then(|| {
                crate::i18n::ui(lang)
                    .newer_bank
                    .replace("{theirs}", &self.bank.version)
                    .replace("{ours}", &bank.manifest.version)
            })
    }

    /// How far along the assessment is; answers still to confirm do not count.
    pub fn progress(&self, bank: &Bank) -> crate::flow::Progress {
        crate::flow::progress_of(bank, &self.answers, &self.to_confirm)
    }

    /// A new audit started from this one (kept at `path`): the same answers,
    /// notes and marks, every answer to confirm, and a link back to `path`.
    pub fn next_audit(&self, path: &std::path::Path, now: OffsetDateTime) -> Session {
        let mut next = self.clone();
        next.to_confirm = self.answers.keys().cloned().collect();
        next.previous = Some(path.to_path_buf());
        // The visit is a new one; the consultant, firm, contact and scope carry over.
        next.mission.visit_date = None;
        next.created = now;
        next.updated = now;
        next
    }

    /// The jurisdictions to cite: those selected, or all when none is.
    pub fn cited_jurisdictions(&self) -> Vec<Jurisdiction> {
        if self.jurisdictions.is_empty() {
            Jurisdiction::ALL.to_vec()
        } else {
            self.jurisdictions.clone()
        }
    }
}
