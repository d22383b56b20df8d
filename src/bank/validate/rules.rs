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
            if let Some(action) = &rule.action {
                self.text(action, rel, ptr.at("action"), id);
            }
            self.covers(&rule.covers, rel, ptr.at("covers"), id);
            self.text(&rule.finding, rel, ptr.at("finding"), id);
            self.text(&rule.recommendation, rel, ptr.at("recommendation"), id);
            for (j, text) in &rule.jurisdiction_notes {
                self.text(text, rel, ptr.at("jurisdiction_notes").at(j.code()), id);
            }
            let group = self.for_each_group(rule, rel, &ptr);
            if let Some(other) = &rule.dont_know_rule
                && bank.rules.iter().all(|r| &r.id != other)
            {
                let msg = format!("`dont_know_rule` names unknown rule `{other}`");
                self.push(rel, ptr.at("dont_know_rule"), Some(id), msg);
            }
            let notes = rule.jurisdiction_notes.iter().map(|(j, t)| (j.code(), t));
            let texts = [
                ("title", &rule.title),
                ("finding", &rule.finding),
                ("recommendation", &rule.recommendation),
            ]
            .into_iter()
            .chain(rule.action.iter().map(|a| ("action", a)))
            .chain(notes);
            for (field, text) in texts {
                for lang in crate::i18n::Lang::ALL {
                    if let Err(e) = template::check(text.get(lang), bank, group) {
                        let at = if rule.jurisdiction_notes.keys().any(|j| j.code() == field) {
                            ptr.at("jurisdiction_notes").at(field).at(lang.code())
                        } else {
                            ptr.at(field).at(lang.code())
                        };
                        self.push(rel, at, Some(id), e);
                    }
                }
            }
            let own = rule.own_jurisdictions();
            for (j, _) in rule.refs.iter().filter(|(j, _)| !own.contains(j)) {
                let msg = format!(
                    "a reference for `{}`, which the rule's `jurisdictions` leave out",
                    j.code()
                );
                self.push(rel, ptr.at("refs").at(j.code()), Some(id), msg);
            }
            for j in rule.severity_in.keys().filter(|j| !own.contains(j)) {
                let msg = format!(
                    "a severity for `{}`, which the rule's `jurisdictions` leave out",
                    j.code()
                );
                self.push(rel, ptr.at("severity_in").at(j.code()), Some(id), msg);
            }
            for j in own {
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
                        let at = ptr.at("refs").at(j.code()).at("other");
                        self.text(text, rel, at.clone(), id);
                        for lang in crate::i18n::Lang::ALL {
                            if let Err(e) = template::check(text.get(lang), bank, group) {
                                self.push(rel, at.at(lang.code()), Some(id), e);
                            }
                        }
                    }
                    Some(_) => {}
                }
            }
            let ctx = CondCtx {
                owner: id,
                limit: None,
                group: None,
            };
            self.condition(&rule.when, rel, ptr.at("when"), &ctx, group);
            for (i, modifier) in rule.modifiers.iter().enumerate() {
                let at = ptr.at("modifiers").at(i);
                self.text(&modifier.because, rel, at.at("because"), id);
                for lang in crate::i18n::Lang::ALL {
                    if let Err(e) = template::check(modifier.because.get(lang), bank, None) {
                        self.push(rel, at.at("because").at(lang.code()), Some(id), e);
                    }
                }
                // A per-entry rule's modifier reads the entry: its group's
                // sub-questions are in scope, as in the rule's own condition.
                self.condition(&modifier.when, rel, at.at("when"), &ctx, group);
                if let Some(g) = group
                    && reads_entries_of(&modifier.when, &g.id)
                {
                    let msg = format!(
                        "a modifier of a rule checked in each entry of `{0}` reads every entry of `{0}`: test the entry's own sub-questions, or one provider would raise another's finding",
                        g.id
                    );
                    self.push(rel, at.at("when"), Some(id), msg);
                }
            }
        }
        self.terms();
        self.chapter_texts();
    }

    /// Chapter titles, intros and sub-chapter titles may use vocabulary terms (the report fills them).
    fn chapter_texts(&mut self) {
        let bank = self.bank;
        for (i, area) in bank.manifest.areas.iter().enumerate() {
            let at = Pointer::default().at("areas").at(i);
            let mut texts: Vec<(Pointer, &crate::i18n::Text)> = vec![(at.at("title"), &area.title)];
            texts.extend(area.intro.iter().map(|t| (at.at("intro"), t)));
            for (k, topic) in area.topics.iter().enumerate() {
                let tp = at.at("topics").at(k);
                texts.push((tp.at("title"), &topic.title));
                texts.extend(topic.intro.iter().map(|t| (tp.at("intro"), t)));
            }
            for (ptr, text) in texts {
                for lang in crate::i18n::Lang::ALL {
                    if let Err(e) = template::check(text.get(lang), bank, None) {
                        self.push("bank.json", ptr.at(lang.code()), Some(&area.id), e);
                    }
                }
            }
        }
    }

    /// The group a `for_each` rule runs over, or an error when it names no group.
    fn for_each_group(
        &mut self,
        rule: &'a crate::bank::Rule,
        rel: &str,
        ptr: &Pointer,
    ) -> Option<&'a crate::bank::Question> {
        let name = rule.for_each.as_deref()?;
        let group = self
            .bank
            .question(name)
            .filter(|q| q.kind == crate::bank::Kind::Group);
        if group.is_none() {
            let msg = format!("`for_each` names `{name}`, which is not a group question");
            self.push(rel, ptr.at("for_each"), Some(&rule.id), msg);
        }
        group
    }

    /// The vocabulary of `bank.json`: texts in both languages, conditions on known questions.
    fn terms(&mut self) {
        let bank = self.bank;
        for (id, term) in &bank.manifest.terms {
            let ptr = Pointer::default().at("terms").at(id.as_str());
            self.text(&term.text, "bank.json", ptr.at("text"), id);
            let group = term.entry_of.as_ref().and_then(|name| {
                let group = bank
                    .question(name)
                    .filter(|q| q.kind == crate::bank::Kind::Group);
                if group.is_none() {
                    let msg = format!("`entry_of` names `{name}`, which is not a group question");
                    self.push("bank.json", ptr.at("entry_of"), Some(id), msg);
                }
                group
            });
            for (i, variant) in term.variants.iter().enumerate() {
                let at = ptr.at("variants").at(i);
                self.text(&variant.text, "bank.json", at.at("text"), id);
                let ctx = CondCtx {
                    owner: id,
                    limit: None,
                    group: None,
                };
                self.condition(&variant.when, "bank.json", at.at("when"), &ctx, group);
            }
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
            let when = rule.session_condition();
            match reach::search(bank, &[when.as_ref()], &mut budget) {
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

/// Whether the condition looks at the entries of `group` (`any_entry`, `every_entry`).
fn reads_entries_of(condition: &crate::condition::Condition, group: &str) -> bool {
    use crate::condition::Condition as C;
    match condition {
        C::AnyEntry(e) | C::EveryEntry(e) => e.group == group || reads_entries_of(&e.when, group),
        C::All(cs) | C::Any(cs) => cs.iter().any(|c| reads_entries_of(c, group)),
        C::Not(c) => reads_entries_of(c, group),
        _ => false,
    }
}
