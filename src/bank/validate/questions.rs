//! Checks of sections and their questions: ids, texts, fields per kind, options.

use super::conditions::CondCtx;
use super::{Checker, kind_str, kinds_str};
use crate::bank::{Kind, Pointer, Question};
use std::collections::{HashMap, HashSet};

impl<'a> Checker<'a> {
    pub(super) fn sections(&mut self) {
        let bank = self.bank;
        let mut first_seen: HashMap<&str, String> = HashMap::new();
        for (si, section) in bank.sections.iter().enumerate() {
            let rel = format!("sections/{}.json", bank.manifest.sections[si]);
            let root = Pointer::default();
            if section.id != bank.manifest.sections[si] {
                let msg = format!("section id `{}` differs from its file name", section.id);
                self.push(&rel, root.at("id"), Some(&section.id), msg);
            }
            self.text(&section.title, &rel, root.at("title"), &section.id);
            self.opt_text(&section.intro, &rel, root.at("intro"), &section.id);
            if section.questions.is_empty() {
                self.push(
                    &rel,
                    root.at("questions"),
                    Some(&section.id),
                    "a section needs at least one question".into(),
                );
            }
            if let Some(when) = &section.when {
                let limit = section.questions.first().and_then(|q| bank.order(&q.id));
                let ctx = CondCtx {
                    owner: &section.id,
                    limit,
                    group: None,
                };
                self.condition(when, &rel, root.at("when"), &ctx, None);
            }
            for (qi, q) in section.questions.iter().enumerate() {
                let ptr = root.at("questions").at(qi);
                if let Some(other) = first_seen.get(q.id.as_str()) {
                    let msg = format!("duplicate question id (first defined in {other})");
                    self.push(&rel, ptr.at("id"), Some(&q.id), msg);
                } else {
                    first_seen.insert(&q.id, rel.clone());
                }
                self.question(q, &rel, ptr, None);
            }
        }
    }

    fn question(
        &mut self,
        q: &'a Question,
        rel: &str,
        ptr: Pointer,
        parent: Option<(&'a Question, usize)>,
    ) {
        self.id_syntax(&q.id, rel, ptr.at("id"));
        self.text(&q.label, rel, ptr.at("label"), &q.id);
        self.opt_text(&q.short, rel, ptr.at("short"), &q.id);
        match &q.help {
            Some(help) => {
                self.text(help, rel, ptr.at("help"), &q.id);
                // Help may use the session's legal words (`{term:ID}`).
                for lang in crate::i18n::Lang::ALL {
                    if let Err(e) = crate::rules::template::check(help.get(lang), self.bank, None)
                    {
                        self.push(rel, ptr.at("help").at(lang.code()), Some(&q.id), e);
                    }
                }
            }
            None if self.deep => self.push(
                rel,
                ptr.at("id"),
                Some(&q.id),
                "no `help`: every question says why it is asked and what its words mean, in each language (the wizard shows it with F1)".into(),
            ),
            None => {}
        }
        self.opt_text(&q.unit, rel, ptr.at("unit"), &q.id);
        self.opt_text(&q.item, rel, ptr.at("item"), &q.id);
        self.kind_fields(q, rel, &ptr, parent.map(|p| p.0));
        self.covers(&q.covers, rel, ptr.at("covers"), &q.id);
        let mut options = HashSet::new();
        for (oi, o) in q.options.iter().enumerate() {
            self.id_syntax(&o.id, rel, ptr.at("options").at(oi).at("id"));
            self.unique(
                &mut options,
                &o.id,
                (rel, ptr.at("options").at(oi).at("id")),
                &q.id,
                format!("duplicate option `{}`", o.id),
            );
            self.text(&o.label, rel, ptr.at("options").at(oi).at("label"), &q.id);
            self.opt_text(&o.help, rel, ptr.at("options").at(oi).at("help"), &q.id);
        }
        let ctx = match parent {
            None => CondCtx {
                owner: &q.id,
                limit: self.bank.order(&q.id),
                group: None,
            },
            Some((g, index)) => CondCtx {
                owner: &q.id,
                limit: self.bank.order(&g.id),
                group: Some((g, index)),
            },
        };
        if let Some(when) = &q.when {
            self.condition(when, rel, ptr.at("when"), &ctx, parent.map(|p| p.0));
        }
        if let Some(reminder) = &q.reminder {
            let at = ptr.at("reminder");
            if parent.is_some() {
                let msg = "only a top-level question takes a `reminder`".to_string();
                self.push(rel, at.clone(), Some(&q.id), msg);
            }
            self.condition(
                &reminder.when,
                rel,
                at.at("when"),
                &ctx,
                parent.map(|p| p.0),
            );
            self.text(&reminder.text, rel, at.at("text"), &q.id);
            for lang in crate::i18n::Lang::ALL {
                let text = reminder.text.get(lang);
                if let Err(e) = crate::rules::template::check(text, self.bank, None) {
                    self.push(rel, at.at("text").at(lang.code()), Some(&q.id), e);
                }
            }
        }
        if q.kind == Kind::Group {
            let mut subs = HashSet::new();
            for (si, sub) in q.questions.iter().enumerate() {
                let sptr = ptr.at("questions").at(si);
                self.unique(
                    &mut subs,
                    &sub.id,
                    (rel, sptr.at("id")),
                    &sub.id,
                    format!("duplicate sub-question id in group `{}`", q.id),
                );
                if self.bank.question(&sub.id).is_some() {
                    let msg = "sub-question id is also a top-level question id; conditions could not tell them apart";
                    self.push(rel, sptr.at("id"), Some(&sub.id), msg.into());
                }
                self.question(sub, rel, sptr, Some((q, si)));
            }
        }
    }

    /// Fields that belong to one kind only, and what each kind requires.
    fn kind_fields(&mut self, q: &Question, rel: &str, ptr: &Pointer, parent: Option<&Question>) {
        let k = q.kind;
        let misplaced = |field: &str, present: bool, allowed: &[Kind]| {
            (present && !allowed.contains(&k)).then(|| (field.to_string(), kinds_str(allowed)))
        };
        let wrong: Vec<(String, String)> = [
            misplaced(
                "options",
                !q.options.is_empty(),
                &[Kind::Single, Kind::Multi],
            ),
            misplaced(
                "options_from",
                q.options_from.is_some(),
                &[Kind::Single, Kind::Multi],
            ),
            misplaced("other", q.other, &[Kind::Multi]),
            misplaced("format", q.format.is_some(), &[Kind::Text]),
            misplaced("min", q.min.is_some(), &[Kind::Number]),
            misplaced("max", q.max.is_some(), &[Kind::Number]),
            misplaced("unit", q.unit.is_some(), &[Kind::Number]),
            misplaced("item", q.item.is_some(), &[Kind::Group]),
            misplaced("entry_label", q.entry_label.is_some(), &[Kind::Group]),
            misplaced("questions", !q.questions.is_empty(), &[Kind::Group]),
        ]
        .into_iter()
        .flatten()
        .collect();
        for (field, allowed) in wrong {
            let msg = format!(
                "`{field}` is only for {allowed} questions, this one is {}",
                kind_str(k)
            );
            self.push(rel, ptr.at(field.as_str()), Some(&q.id), msg);
        }
        let is_choice = matches!(k, Kind::Single | Kind::Multi);
        if is_choice && q.options.is_empty() && q.options_from.is_none() {
            self.push(
                rel,
                ptr.at("options"),
                Some(&q.id),
                "a choice question needs `options` or `options_from`".into(),
            );
        }
        if is_choice && !q.options.is_empty() && q.options_from.is_some() {
            self.push(
                rel,
                ptr.at("options_from"),
                Some(&q.id),
                "give `options` or `options_from`, not both".into(),
            );
        }
        if let (Some(min), Some(max)) = (q.min, q.max)
            && min > max
        {
            self.push(
                rel,
                ptr.at("min"),
                Some(&q.id),
                format!("`min` ({min}) is above `max` ({max})"),
            );
        }
        if k == Kind::Group {
            if q.questions.is_empty() {
                self.push(
                    rel,
                    ptr.at("questions"),
                    Some(&q.id),
                    "a group needs at least one sub-question".into(),
                );
            }
            if parent.is_some() {
                self.push(
                    rel,
                    ptr.at("kind"),
                    Some(&q.id),
                    "groups cannot be nested in groups".into(),
                );
            }
            if let Some(label) = &q.entry_label
                && q.sub(label).is_none_or(|s| s.kind != Kind::Text)
            {
                let msg =
                    format!("`entry_label` must name a text sub-question, `{label}` is not one");
                self.push(rel, ptr.at("entry_label"), Some(&q.id), msg);
            }
        }
        if let Some(from) = &q.options_from {
            let ptr = ptr.at("options_from");
            let earlier = match (
                self.bank.order(&from.group),
                parent.map_or(Some(&q.id), |p| Some(&p.id)),
            ) {
                (Some(g), Some(me)) => self.bank.order(me).is_none_or(|m| g < m),
                _ => false,
            };
            match self.bank.question(&from.group) {
                Some(g) if g.kind == Kind::Group && earlier => {
                    if g.sub(&from.field).is_none_or(|s| s.kind != Kind::Text) {
                        let msg =
                            format!("`{}` has no text sub-question `{}`", from.group, from.field);
                        self.push(rel, ptr.at("field"), Some(&q.id), msg);
                    }
                }
                Some(g) if g.kind == Kind::Group => {
                    let msg = format!(
                        "options come from group `{}`, which is asked later",
                        from.group
                    );
                    self.push(rel, ptr.at("group"), Some(&q.id), msg);
                }
                _ => self.push(
                    rel,
                    ptr.at("group"),
                    Some(&q.id),
                    format!("unknown group `{}`", from.group),
                ),
            }
        }
    }
}
