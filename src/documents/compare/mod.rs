//! The comparison of two assessments of the same organisation: scores then
//! and now, gaps closed, new and still open (with how long), answers changed,
//! and answers set aside because the questionnaire changed between the two;
//! a document of its own, or a chapter of the report of an assessment
//! started from an earlier one.

mod changes;
mod chapter;

pub use chapter::{CHAPTER_ID, chapter, document, markdown, pdf};

use super::Reader;
use crate::bank::Bank;
use crate::i18n::Lang;
use crate::report::{BuildOptions, PlannedAction, Report, actions};
use crate::rules::evaluate_on;
use crate::session::Session;
use std::collections::BTreeSet;
use std::path::Path;

/// One area's score in each assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaChange {
    /// The area's title.
    pub title: String,
    /// Its score then, if it had one.
    pub old: Option<u8>,
    /// Its score now.
    pub new: Option<u8>,
    /// Why it had no score then, in words (empty with a score).
    pub old_unscored: String,
    /// Why it has no score now, in words (empty with a score).
    pub new_unscored: String,
}

/// An answer that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's short name.
    pub question: String,
    /// The answer then, as a reader sees it.
    pub old: String,
    /// The answer now.
    pub new: String,
}

/// A gap still open, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillOpen {
    /// The action, as the new assessment words it.
    pub action: PlannedAction,
    /// Whole months between the two assessments, at least.
    pub months: i32,
}

/// Two assessments compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The language written in.
    pub lang: Lang,
    /// The organisation, as the new assessment names it.
    pub organisation: String,
    /// The date of the earlier assessment.
    pub old_date: time::Date,
    /// The date of the later one.
    pub new_date: time::Date,
    /// The overall score then and now.
    pub overall: (Option<u8>, Option<u8>),
    /// The score of each area then and now, in the bank's order.
    pub areas: Vec<AreaChange>,
    /// Gaps of the earlier assessment that the later one no longer finds.
    pub closed: Vec<PlannedAction>,
    /// Gaps only the later assessment finds, after a change of the answers
    /// they read.
    pub opened: Vec<PlannedAction>,
    /// Gaps only the later assessment finds though the answers they read
    /// did not change: another finding covered them, or time passed.
    pub revealed: Vec<PlannedAction>,
    /// Gaps both find.
    pub still_open: Vec<StillOpen>,
    /// Answers that changed, in the interview's order.
    pub changed: Vec<AnswerChange>,
    /// Questions whose answers were set aside, in either session, because the
    /// questionnaire no longer asks them (retired or renamed): not counted as changes.
    pub retired: Vec<String>,
}

/// The date an assessment speaks for: its visit, else its last change.
pub fn date_of(session: &Session) -> time::Date {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    session
        .mission
        .visit_date
        .as_deref()
        .and_then(|d| time::Date::parse(d, &fmt).ok())
        .unwrap_or_else(|| session.updated.date())
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
fn months(from: time::Date, to: time::Date) -> i32 {
    let m = (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()));
    let m = if to.day() < from.day() { m - 1 } else { m };
    m.max(0)
}

/// An action's rule and, for a rule run on each entry of a list, the entry:
/// `tp.contract/mailchimp`.
fn rule_and_entry(id: &str) -> (&str, Option<&str>) {
    id.split_once('/').map_or((id, None), |(r, e)| (r, Some(e)))
}

/// What makes a finding the same gap in two assessments: the requirement
/// its rule checks (rules wording one gap differently share it), else the
/// rule, and the entry it is about (`ret.periods`, `tp.contract/mailchimp`).
fn gap_key(bank: &Bank, id: &str) -> String {
    let (rule, entry) = rule_and_entry(id);
    let base = bank
        .rule(rule)
        .and_then(|r| r.requirement.as_deref())
        .unwrap_or(rule);
    match entry {
        Some(entry) => format!("{base}/{entry}"),
        None => base.to_string(),
    }
}

/// Whether every answer the rule of action `id` reads is the same in both assessments.
fn reads_only_unchanged(bank: &Bank, id: &str, old: &Session, new: &Session) -> bool {
    bank.rule(rule_and_entry(id).0).is_some_and(|r| {
        r.when
            .top_level_questions()
            .iter()
            .all(|q| old.answers.get(*q) == new.answers.get(*q))
    })
}

/// Compares `old` with `new`, both already checked against `bank`.
pub fn compare(bank: &Bank, old: &Session, new: &Session, lang: Lang) -> Comparison {
    let (old_date, new_date) = (date_of(old), date_of(new));
    let before = actions(
        bank,
        old,
        BuildOptions {
            lang,
            date: old_date,
        },
    );
    let after = actions(
        bank,
        new,
        BuildOptions {
            lang,
            date: new_date,
        },
    );
    // A gap is the same from one assessment to the next when its rule
    // checks the same requirement on the same entry, however it is worded.
    let before_keys: BTreeSet<String> = before.iter().map(|a| gap_key(bank, &a.id)).collect();
    let after_keys: BTreeSet<String> = after.iter().map(|a| gap_key(bank, &a.id)).collect();
    let closed = before
        .iter()
        .filter(|a| !after_keys.contains(&gap_key(bank, &a.id)))
        .cloned()
        .collect();
    let (revealed, opened): (Vec<PlannedAction>, Vec<PlannedAction>) = after
        .iter()
        .filter(|a| !before_keys.contains(&gap_key(bank, &a.id)))
        .cloned()
        .partition(|a| reads_only_unchanged(bank, &a.id, old, new));
    let still_open = after
        .iter()
        .filter(|a| before_keys.contains(&gap_key(bank, &a.id)))
        .map(|a| StillOpen {
            action: a.clone(),
            months: months(old_date, new_date),
        })
        .collect();
    let then = evaluate_on(bank, &old.answers, old_date);
    let now = evaluate_on(bank, &new.answers, new_date);
    let reader = Reader::new(bank, new, lang, new_date);
    let areas = bank
        .manifest
        .areas
        .iter()
        .map(|area| {
            let score = |scores: &[crate::rules::AreaScore]| {
                scores
                    .iter()
                    .find(|s| s.area == area.id)
                    .and_then(|s| s.score)
            };
            let unscored = |scores: &[crate::rules::AreaScore]| {
                scores
                    .iter()
                    .find(|s| s.area == area.id)
                    .map_or_else(String::new, |s| s.unscored(lang))
            };
            AreaChange {
                title: reader.words(&area.title),
                old: score(&then.scores),
                new: score(&now.scores),
                old_unscored: unscored(&then.scores),
                new_unscored: unscored(&now.scores),
            }
        })
        .collect();
    let changed = changes::answers(bank, old, new, lang);
    let retired: BTreeSet<String> = old
        .retired
        .keys()
        .chain(new.retired.keys())
        .cloned()
        .collect();
    Comparison {
        lang,
        organisation: new.organisation.clone(),
        old_date,
        new_date,
        overall: (then.overall, now.overall),
        areas,
        closed,
        opened,
        revealed,
        still_open,
        changed,
        retired: retired.into_iter().collect(),
    }
}

/// Adds to `report` of `session` (kept at `session_path`) the comparison with
/// the assessment it was started from, after the action plan, when that
/// earlier session can still be read; says whether it did.
pub fn attach(
    report: &mut Report,
    bank: &Bank,
    session: &Session,
    session_path: Option<&Path>,
) -> bool {
    let Some(old) = crate::session::library::previous(bank, session, session_path) else {
        return false;
    };
    let chapter = chapter(&compare(bank, &old, session, report.lang));
    let at = report
        .sections
        .iter()
        .position(|s| s.id == "action-plan")
        .map_or(report.sections.len(), |i| i + 1);
    report.sections.insert(at, chapter);
    true
}

#[cfg(test)]
mod tests {
    use super::months;
    use time::macros::date;

    #[test]
    fn months_are_whole_and_never_negative() {
        assert_eq!(months(date!(2025 - 11 - 05), date!(2026 - 11 - 05)), 12);
        assert_eq!(months(date!(2025 - 11 - 06), date!(2026 - 11 - 05)), 11);
        assert_eq!(months(date!(2026 - 11 - 05), date!(2025 - 11 - 05)), 0);
    }
}
