//! Checks of conditions: what they name, whether it fits, whether it is asked
//! before, and cycles between question conditions.

use super::{Checker, kind_str, kinds_str};
use crate::bank::{Kind, Pointer, Question};
use crate::condition::Condition;
use std::collections::{HashMap, HashSet};

/// Where a condition sits, which decides what it may refer to.
pub(super) struct CondCtx<'a> {
    /// The question, section or rule that owns the condition.
    pub(super) owner: &'a str,
    /// Top-level questions must come before this position (none for rules).
    pub(super) limit: Option<usize>,
    /// The group whose sub-question owns the condition, with that sub-question's index.
    pub(super) group: Option<(&'a Question, usize)>,
}

impl<'a> Checker<'a> {
    /// Checks what a condition refers to; `scope` is the group whose entries are in scope.
    /// Checks what a condition refers to; `scope` is the group whose entries are in scope.
    pub(super) fn condition(
        &mut self,
        c: &'a Condition,
        rel: &str,
        ptr: Pointer,
        ctx: &CondCtx<'a>,
        scope: Option<&'a Question>,
    ) {
        let key = condition_key(c);
        let here = ptr.at(key);
        match c {
            Condition::All(items) | Condition::Any(items) => {
                if items.is_empty() && matches!(c, Condition::Any(_)) {
                    self.push(
                        rel,
                        here.clone(),
                        Some(ctx.owner),
                        "an empty `any` is never true".into(),
                    );
                }
                for (i, item) in items.iter().enumerate() {
                    self.condition(item, rel, here.at(i), ctx, scope);
                }
            }
            Condition::Not(inner) => self.condition(inner, rel, here, ctx, scope),
            Condition::AnyEntry(t) | Condition::EveryEntry(t) => {
                let Some(group) = self.reference(&t.group, rel, &here, ctx, None) else {
                    return;
                };
                if group.kind != Kind::Group {
                    let msg = format!(
                        "`{key}` needs a group, `{}` is {}",
                        t.group,
                        kind_str(group.kind)
                    );
                    self.push(rel, here, Some(ctx.owner), msg);
                    return;
                }
                self.condition(&t.when, rel, here.at("when"), ctx, Some(group));
            }
            leaf => {
                let id = leaf.question().expect("leaf conditions name a question");
                let Some(q) = self.reference(id, rel, &here, ctx, scope) else {
                    return;
                };
                self.leaf_kind(leaf, q, rel, here, ctx.owner);
            }
        }
    }

    /// Resolves a question a condition names, checking it is asked before the owner.
    fn reference(
        &mut self,
        id: &str,
        rel: &str,
        ptr: &Pointer,
        ctx: &CondCtx<'a>,
        scope: Option<&'a Question>,
    ) -> Option<&'a Question> {
        let bank = self.bank;
        if let Some(group) = scope
            && let Some(index) = group.questions.iter().position(|s| s.id == id)
        {
            let later = ctx
                .group
                .is_some_and(|(g, me)| std::ptr::eq(g, group) && index >= me);
            if later {
                self.order_problem(id, rel, ptr, ctx.owner);
            }
            return Some(&group.questions[index]);
        }
        let Some(q) = bank.question(id) else {
            let hint = if scope.is_some() {
                " (neither a sub-question of this group nor a top-level question)"
            } else {
                ""
            };
            self.push(
                rel,
                ptr.clone(),
                Some(ctx.owner),
                format!("condition names unknown question `{id}`{hint}"),
            );
            return None;
        };
        if let (Some(limit), Some(order)) = (ctx.limit, bank.order(id))
            && order >= limit
        {
            self.order_problem(id, rel, ptr, ctx.owner);
        }
        Some(q)
    }

    fn order_problem(&mut self, id: &str, rel: &str, ptr: &Pointer, owner: &str) {
        let msg = if id == owner {
            "condition refers to the question itself (a cycle)".to_string()
        } else {
            format!(
                "condition refers to `{id}`, which is asked later; a condition may only use earlier answers"
            )
        };
        self.push(rel, ptr.clone(), Some(owner), msg);
    }

    /// Checks that a leaf condition fits the kind of its question and names real options.
    fn leaf_kind(&mut self, c: &Condition, q: &Question, rel: &str, ptr: Pointer, owner: &str) {
        let key = condition_key(c);
        let allowed: &[Kind] = match c {
            Condition::Yes(_) | Condition::No(_) => &[Kind::YesNo],
            Condition::Equals(_) => &[Kind::Single, Kind::Text, Kind::LongText],
            Condition::Includes(_) => &[Kind::Multi],
            Condition::AtLeast(_) | Condition::AtMost(_) => &[Kind::Number],
            Condition::OlderThan(_) => &[Kind::Text],
            _ => return,
        };
        if !allowed.contains(&q.kind) {
            let msg = format!(
                "`{key}` needs {} question, `{}` is {}",
                kinds_str(allowed),
                q.id,
                kind_str(q.kind)
            );
            self.push(rel, ptr, Some(owner), msg);
            return;
        }
        if matches!(c, Condition::OlderThan(_)) && q.format != Some(crate::bank::TextFormat::Date) {
            let msg = format!(
                "`older_than` needs a date (`\"format\": \"date\"`), `{}` is free text",
                q.id
            );
            self.push(rel, ptr, Some(owner), msg);
            return;
        }
        let option = match c {
            Condition::Equals(e) if q.kind == Kind::Single => Some((&e.value, "value")),
            Condition::Includes(i) => Some((&i.option, "option")),
            _ => None,
        };
        if let Some((value, field)) = option {
            let exists = q.options_from.is_some()
                || q.option(value).is_some()
                || (q.other && value == "other");
            if !exists {
                let known: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                let msg = format!(
                    "`{}` has no option `{value}` (options: {})",
                    q.id,
                    known.join(", ")
                );
                self.push(rel, ptr.at(field), Some(owner), msg);
            }
        }
    }

    /// Finds cycles among question conditions (a question shown depending on itself).
    pub(super) fn cycles(&mut self) {
        let bank = self.bank;
        let mut edges: HashMap<&str, Vec<&str>> = HashMap::new();
        for (section, q) in bank.questions() {
            let mut deps = Vec::new();
            for c in [section.when.as_ref(), q.when.as_ref()]
                .into_iter()
                .flatten()
            {
                deps.extend(c.top_level_questions());
            }
            for sub in &q.questions {
                deps.extend(
                    sub.when
                        .iter()
                        .flat_map(|c| c.top_level_questions())
                        .filter(|d| q.sub(d).is_none()),
                );
            }
            edges.insert(&q.id, deps);
        }
        let mut reported = HashSet::new();
        for (_, q) in bank.questions() {
            let mut path = vec![q.id.as_str()];
            if let Some(cycle) = find_cycle(&edges, &mut path, &mut HashSet::new()) {
                let mut key: Vec<&str> = cycle[..cycle.len() - 1].to_vec();
                key.sort_unstable();
                if reported.insert(key) {
                    let (rel, ptr) = self.question_place(cycle[0]);
                    let msg = format!("condition cycle: {}", cycle.join(" → "));
                    self.push(&rel, ptr.at("when"), Some(cycle[0]), msg);
                }
            }
        }
    }
}

/// Depth-first search for a path that comes back to its start.
fn find_cycle<'e>(
    edges: &HashMap<&'e str, Vec<&'e str>>,
    path: &mut Vec<&'e str>,
    seen: &mut HashSet<&'e str>,
) -> Option<Vec<&'e str>> {
    let last = *path.last()?;
    for &next in edges.get(last).into_iter().flatten() {
        if next == path[0] {
            let mut cycle = path.clone();
            cycle.push(next);
            return Some(cycle);
        }
        if seen.insert(next) {
            path.push(next);
            if let Some(cycle) = find_cycle(edges, path, seen) {
                return Some(cycle);
            }
            path.pop();
        }
    }
    None
}

fn condition_key(c: &Condition) -> &'static str {
    match c {
        Condition::All(_) => "all",
        Condition::Any(_) => "any",
        Condition::Not(_) => "not",
        Condition::Answered(_) => "answered",
        Condition::Yes(_) => "yes",
        Condition::No(_) => "no",
        Condition::DontKnow(_) => "dont_know",
        Condition::Equals(_) => "equals",
        Condition::Includes(_) => "includes",
        Condition::AtLeast(_) => "at_least",
        Condition::AtMost(_) => "at_most",
        Condition::OlderThan(_) => "older_than",
        Condition::AnyEntry(_) => "any_entry",
        Condition::EveryEntry(_) => "every_entry",
    }
}
