//! Checks of rules (ids, areas, texts, placeholders, legal references) and
//! of reachability (questions never asked, rules that never apply).

use super::Checker;
use super::conditions::CondCtx;
use crate::bank::Pointer;
use crate::bank::reach::{self, Reach};
use crate::condition::Condition;
use crate::law::Jurisdiction;
use crate::rules::template;
use std::collections::HashMap;

impl<'a> Checker<'a> {
    pub(super) fn rules(&mut self) {
        let bank = self.bank;
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (rule, (rel, index)) in bank.rules.iter().zip(&bank.rule_origins) {
            let ptr = Pointer::default().at("rules").at(*index);
            let id = rule.id.as_str();
            self.id_syntax(id, rel, ptr.at("id"));
            if let Some(other) = seen.insert(id, rel) {
                self.push(
                    rel,
                    ptr.at("id"),
                    Some(id),
                    format!("duplicate rule id (also in {other})"),
                );
            }
            match bank.area(&rule.area) {
                None => self.push(
                    rel,
                    ptr.at("area"),
                    Some(id),
                    format!("unknown area `{}`", rule.area),
                ),
                Some(area) => {
                    if let Some(topic) = &rule.topic
                        && !area.topics.iter().any(|t| &t.id == topic)
                    {
                        let msg = format!("area `{}` has no topic `{topic}`", area.id);
                        self.push(rel, ptr.at("topic"), Some(id), msg);
                    }
                }
            }
            self.text(&rule.title, rel, ptr.at("title"), id);
            self.covers(&rule.covers, rel, ptr.at("covers"), id);
            self.text(&rule.finding, rel, ptr.at("finding"), id);
            self.text(&rule.recommendation, rel, ptr.at("recommendation"), id);
            for (j, text) in &rule.jurisdiction_notes {
                self.text(text, rel, ptr.at("jurisdiction_notes").at(j.code()), id);
            }
            let notes = rule.jurisdiction_notes.iter().map(|(j, t)| (j.code(), t));
            let texts = [
                ("finding", &rule.finding),
                ("recommendation", &rule.recommendation),
            ]
            .into_iter()
            .chain(notes);
            for (field, text) in texts {
                for lang in crate::i18n::Lang::ALL {
                    if let Err(e) = template::check(text.get(lang), bank) {
                        let at = if rule.jurisdiction_notes.keys().any(|j| j.code() == field) {
                            ptr.at("jurisdiction_notes").at(field).at(lang.code())
                        } else {
                            ptr.at(field).at(lang.code())
                        };
                        self.push(rel, at, Some(id), e);
                    }
                }
            }
            for j in Jurisdiction::ALL {
                match rule.refs.get(&j) {
                    None => {
                        let msg = format!(
                            "no reference for `{}`; write `\"{}\": \"none\"` when the law has no equivalent",
                            j.code(),
                            j.code()
                        );
                        self.push(rel, ptr.at("refs"), Some(id), msg);
                    }
                    Some(citation) if !j.accepts(citation) => {
                        let msg = format!("`{}` takes {}", j.code(), citation_forms(j));
                        self.push(rel, ptr.at("refs").at(j.code()), Some(id), msg);
                    }
                    Some(crate::law::Citation::Other(text)) => {
                        self.text(text, rel, ptr.at("refs").at(j.code()).at("other"), id)
                    }
                    Some(_) => {}
                }
            }
            let ctx = CondCtx {
                owner: id,
                limit: None,
                group: None,
            };
            self.condition(&rule.when, rel, ptr.at("when"), &ctx, None);
        }
    }

    /// Questions that can never be shown and rules that can never fire; the
    /// ids whose search was not done are kept in `unchecked`.
    pub(super) fn reachability(&mut self) {
        let bank = self.bank;
        let mut budget = reach::BUDGET;
        for (section, q) in bank.questions() {
            let Some(when) = &q.when else { continue };
            let conds: Vec<&Condition> = section.when.iter().chain([when]).collect();
            match reach::search(bank, &conds, &mut budget) {
                Reach::Reachable => {}
                Reach::Unchecked => self.unchecked.push(q.id.clone()),
                Reach::Never => {
                    let (rel, ptr) = self.question_place(&q.id);
                    let msg = "this question can never be asked: no answers to the earlier questions make its condition true";
                    self.push(&rel, ptr.at("when"), Some(&q.id), msg.into());
                }
            }
        }
        for (rule, (rel, index)) in bank.rules.iter().zip(&bank.rule_origins) {
            match reach::search(bank, &[&rule.when], &mut budget) {
                Reach::Reachable => {}
                Reach::Unchecked => self.unchecked.push(rule.id.clone()),
                Reach::Never => {
                    let ptr = Pointer::default().at("rules").at(*index).at("when");
                    let msg = "this rule can never apply: no answers make its condition true";
                    self.push(rel, ptr, Some(&rule.id), msg.into());
                }
            }
        }
    }
}

fn citation_forms(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Eu => "`article`, `other` or `none`",
        Jurisdiction::Ca => "`clause` (Schedule 1), `section`, `other` or `none`",
        Jurisdiction::Qc => "`section`, `other` or `none`",
    }
}
