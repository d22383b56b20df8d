//! The action plan as a list of actions with stable ids, for the action
//! tracker and the comparison with an earlier assessment.

use super::{BuildOptions, Ctx};
use crate::answer::{Answer, entry_name};
use crate::bank::Bank;
use crate::condition::Scope;
use crate::i18n::Lang;
use crate::rules::Finding;
use crate::session::Session;

/// One action of the plan with a stable id, for the action tracker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAction {
    /// The rule's id, followed for a finding on one entry by that entry's
    /// name (`tp.contract/mailchimp`): the same gap keeps its id from one
    /// assessment to the next.
    pub id: String,
    /// Its severity.
    pub severity: crate::bank::Severity,
    /// The severity as a word.
    pub priority: String,
    /// The finding's title.
    pub title: String,
    /// What to do, in a few words.
    pub task: String,
    /// The area's title.
    pub area: String,
    /// What to do.
    pub action: String,
    /// The provisions behind it.
    pub refs: Vec<String>,
}

/// The action plan's gaps, most severe first, each with a stable id.
pub fn actions(bank: &Bank, session: &Session, options: BuildOptions) -> Vec<PlannedAction> {
    let ctx = Ctx::new(bank, session, options);
    // The report's own plan, in its order, each action with its id.
    let ids: Vec<String> = ctx.eval.gaps().iter().map(|f| ctx.action_id(f)).collect();
    ctx.actions()
        .into_iter()
        .zip(ids)
        .map(|(a, id)| PlannedAction {
            id,
            severity: a.severity,
            priority: a.priority,
            title: a.title,
            task: a.task,
            area: a.area,
            action: a.action,
            refs: a.refs,
        })
        .collect()
}

/// An entry's name as it may stand in an id: lower case, letters and digits
/// joined by hyphens (`Mailchimp Inc.` → `mailchimp-inc`).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Ctx<'_> {
    /// The finding's stable id: its rule, and the entry's name for a finding on one entry.
    pub(super) fn action_id(&self, f: &Finding<'_>) -> String {
        let entry = f.rule.for_each.as_deref().zip(f.entry).and_then(|(g, i)| {
            let group = self.bank.question(g)?;
            let entries = self.visible.answer(g).and_then(Answer::entries)?;
            (i < entries.len()).then(|| entry_name(group, entries, i, Lang::En))
        });
        match entry {
            Some(name) => format!("{}/{}", f.rule.id, slug(&name)),
            None => f.rule.id.clone(),
        }
    }
}
