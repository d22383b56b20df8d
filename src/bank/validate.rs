//! Every check a bank must pass before it is used: ids, translations, kinds,
//! references, condition order, cycles, reachability, rules and templates.

use super::{Bank, Kind, Pointer, Question, Raw, reach};
use crate::condition::Condition;
use crate::i18n::Text;
use crate::law::Jurisdiction;
use crate::rules::template;
use std::collections::{HashMap, HashSet};

/// Where a condition sits, which decides what it may refer to.
struct CondCtx<'a> {
    /// The question, section or rule that owns the condition.
    owner: &'a str,
    /// Top-level questions must come before this position (none for rules).
    limit: Option<usize>,
    /// The group whose sub-question owns the condition, with that sub-question's index.
    group: Option<(&'a Question, usize)>,
}

pub(crate) fn validate(bank: &Bank, deep: bool) -> Vec<Raw> {
    let mut c = Checker {
        bank,
        raw: Vec::new(),
    };
    c.manifest();
    c.coverage();
    c.sections();
    c.rules();
    c.cycles();
    if deep && c.raw.is_empty() {
        c.reachability();
    }
    c.raw
}

struct Checker<'a> {
    bank: &'a Bank,
    raw: Vec<Raw>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, rel: &str, ptr: Pointer, id: Option<&str>, message: String) {
        self.raw.push(Raw::new(rel, ptr, id, message));
    }

    fn text(&mut self, text: &Text, rel: &str, ptr: Pointer, id: &str) {
        for lang in text.missing() {
            let field = ptr
                .0
                .last()
                .map(|s| format!("{}", Pointer(vec![s.clone()])))
                .unwrap_or_default();
            let msg = format!(
                "`{field}` has no {} text (`{}` is missing or empty)",
                lang_name(lang.code()),
                lang.code()
            );
            self.push(rel, ptr.at(lang.code()), Some(id), msg);
        }
    }

    fn opt_text(&mut self, text: &Option<Text>, rel: &str, ptr: Pointer, id: &str) {
        if let Some(text) = text {
            self.text(text, rel, ptr, id);
        }
    }

    fn id_syntax(&mut self, id: &str, rel: &str, ptr: Pointer) {
        let ok = id
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-')
            });
        if !ok {
            let msg = format!("id `{id}` must be lowercase letters, digits, `_`, `.` or `-`");
            self.push(rel, ptr, Some(id), msg);
        }
    }

    fn manifest(&mut self) {
        let m = &self.bank.manifest;
        let rel = "bank.json";
        let root = Pointer::default();
        if m.id.trim().is_empty() || m.version.trim().is_empty() {
            self.push(
                rel,
                root.at("id"),
                None,
                "`id` and `version` must not be empty".into(),
            );
        }
        self.text(&m.title, rel, root.at("title"), &m.id);
        let mut seen = HashSet::new();
        for (i, id) in m.sections.iter().enumerate() {
            if !seen.insert(id) {
                self.push(
                    rel,
                    root.at("sections").at(i),
                    Some(id),
                    "section listed twice".into(),
                );
            }
        }
        self.bindings();
        let mut areas = HashSet::new();
        for (ai, area) in m.areas.iter().enumerate() {
            let ptr = root.at("areas").at(ai);
            self.id_syntax(&area.id, rel, ptr.at("id"));
            if !areas.insert(&area.id) {
                self.push(
                    rel,
                    ptr.at("id"),
                    Some(&area.id),
                    "duplicate area id".into(),
                );
            }
            self.text(&area.title, rel, ptr.at("title"), &area.id);
            self.opt_text(&area.intro, rel, ptr.at("intro"), &area.id);
            let mut topics = HashSet::new();
            for (ti, topic) in area.topics.iter().enumerate() {
                let ptr = ptr.at("topics").at(ti);
                self.id_syntax(&topic.id, rel, ptr.at("id"));
                if !topics.insert(&topic.id) {
                    self.push(
                        rel,
                        ptr.at("id"),
                        Some(&topic.id),
                        "duplicate topic id in this area".into(),
                    );
                }
                self.text(&topic.title, rel, ptr.at("title"), &topic.id);
                self.opt_text(&topic.intro, rel, ptr.at("intro"), &topic.id);
                if let Some(table) = &topic.table {
                    self.expect_kind(table, &[Kind::Group], rel, ptr.at("table"), &topic.id);
                }
                for (ci, q) in topic.checklist.iter().enumerate() {
                    self.expect_kind(
                        q,
                        &[Kind::YesNo, Kind::Multi],
                        rel,
                        ptr.at("checklist").at(ci),
                        &topic.id,
                    );
                }
            }
        }
    }

    fn coverage(&mut self) {
        let rel = "coverage.json";
        let mut frameworks = HashSet::new();
        for (fi, f) in self.bank.coverage.frameworks.iter().enumerate() {
            let ptr = Pointer::default().at("frameworks").at(fi);
            if !frameworks.insert(&f.id) {
                self.push(
                    rel,
                    ptr.at("id"),
                    Some(&f.id),
                    "duplicate framework id".into(),
                );
            }
            self.text(&f.title, rel, ptr.at("title"), &f.id);
            let mut items = HashSet::new();
            for (ii, item) in f.items.iter().enumerate() {
                let iptr = ptr.at("items").at(ii);
                if !items.insert(&item.id) {
                    self.push(
                        rel,
                        iptr.at("id"),
                        Some(&item.id),
                        format!("duplicate item in `{}`", f.id),
                    );
                }
                self.text(&item.label, rel, iptr.at("label"), &item.id);
            }
        }
    }

    /// Checks that each `framework:item` tag names an item of `coverage.json`.
    fn covers(&mut self, tags: &[String], rel: &str, ptr: Pointer, id: &str) {
        for (i, tag) in tags.iter().enumerate() {
            let known = tag.split_once(':').is_some_and(|(f, item)| {
                self.bank
                    .coverage
                    .frameworks
                    .iter()
                    .any(|fw| fw.id == f && fw.items.iter().any(|it| it.id == item))
            });
            if !known {
                let msg =
                    format!("`{tag}` is not an item of coverage.json (write `framework:item`)");
                self.push(rel, ptr.at(i), Some(id), msg);
            }
        }
    }

    fn bindings(&mut self) {
        let b = &self.bank.manifest.bindings;
        let ptr = Pointer::default().at("bindings");
        self.expect_kind(
            &b.organisation,
            &[Kind::Text],
            "bank.json",
            ptr.at("organisation"),
            "bindings",
        );
        if self.expect_kind(
            &b.jurisdictions,
            &[Kind::Multi],
            "bank.json",
            ptr.at("jurisdictions"),
            "bindings",
        ) {
            let q = self.bank.question(&b.jurisdictions).expect("checked");
            for o in &q.options {
                if Jurisdiction::parse(&o.id).is_none() {
                    let msg = format!(
                        "option `{}` of the jurisdictions question is not a jurisdiction (eu, ca, qc)",
                        o.id
                    );
                    self.push("bank.json", ptr.at("jurisdictions"), Some(&q.id), msg);
                }
            }
        }
    }

    /// Checks that `id` is a top-level question of one of `kinds`; says so and returns false if not.
    fn expect_kind(
        &mut self,
        id: &str,
        kinds: &[Kind],
        rel: &str,
        ptr: Pointer,
        owner: &str,
    ) -> bool {
        match self.bank.question(id) {
            None => self.push(rel, ptr, Some(owner), format!("unknown question `{id}`")),
            Some(q) if !kinds.contains(&q.kind) => {
                let msg = format!(
                    "question `{id}` is {}, expected {}",
                    kind_str(q.kind),
                    kinds_str(kinds)
                );
                self.push(rel, ptr, Some(owner), msg);
            }
            Some(_) => return true,
        }
        false
    }

    fn sections(&mut self) {
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
        self.opt_text(&q.help, rel, ptr.at("help"), &q.id);
        self.opt_text(&q.unit, rel, ptr.at("unit"), &q.id);
        self.opt_text(&q.item, rel, ptr.at("item"), &q.id);
        self.kind_fields(q, rel, &ptr, parent.map(|p| p.0));
        self.covers(&q.covers, rel, ptr.at("covers"), &q.id);
        let mut options = HashSet::new();
        for (oi, o) in q.options.iter().enumerate() {
            self.id_syntax(&o.id, rel, ptr.at("options").at(oi).at("id"));
            if !options.insert(&o.id) {
                self.push(
                    rel,
                    ptr.at("options").at(oi).at("id"),
                    Some(&q.id),
                    format!("duplicate option `{}`", o.id),
                );
            }
            self.text(&o.label, rel, ptr.at("options").at(oi).at("label"), &q.id);
            self.opt_text(&o.help, rel, ptr.at("options").at(oi).at("help"), &q.id);
        }
        if let Some(when) = &q.when {
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
            self.condition(when, rel, ptr.at("when"), &ctx, parent.map(|p| p.0));
        }
        if q.kind == Kind::Group {
            let mut subs = HashSet::new();
            for (si, sub) in q.questions.iter().enumerate() {
                let sptr = ptr.at("questions").at(si);
                if !subs.insert(&sub.id) {
                    self.push(
                        rel,
                        sptr.at("id"),
                        Some(&sub.id),
                        format!("duplicate sub-question id in group `{}`", q.id),
                    );
                }
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

    /// Checks what a condition refers to; `scope` is the group whose entries are in scope.
    fn condition(
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

    fn rules(&mut self) {
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

    /// Finds cycles among question conditions (a question shown depending on itself).
    fn cycles(&mut self) {
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

    /// Questions that can never be shown and rules that can never fire.
    fn reachability(&mut self) {
        let bank = self.bank;
        for (section, q) in bank.questions() {
            let conds: Vec<&Condition> = [section.when.as_ref(), q.when.as_ref()]
                .into_iter()
                .flatten()
                .collect();
            if q.when.is_some() && reach::never_true(bank, &conds) {
                let (rel, ptr) = self.question_place(&q.id);
                let msg = "this question can never be asked: no answers to the earlier questions make its condition true";
                self.push(&rel, ptr.at("when"), Some(&q.id), msg.into());
            }
        }
        for (rule, (rel, index)) in bank.rules.iter().zip(&bank.rule_origins) {
            if reach::never_true(bank, &[&rule.when]) {
                let ptr = Pointer::default().at("rules").at(*index).at("when");
                let msg = "this rule can never apply: no answers make its condition true";
                self.push(rel, ptr, Some(&rule.id), msg.into());
            }
        }
    }

    fn question_place(&self, id: &str) -> (String, Pointer) {
        let bank = self.bank;
        let section = bank.section_of(id).expect("known question");
        let index = section
            .questions
            .iter()
            .position(|q| q.id == id)
            .expect("known question");
        (
            format!("sections/{}.json", section.id),
            Pointer::default().at("questions").at(index),
        )
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
        Condition::AnyEntry(_) => "any_entry",
        Condition::EveryEntry(_) => "every_entry",
    }
}

fn kind_str(k: Kind) -> &'static str {
    match k {
        Kind::YesNo => "yes_no",
        Kind::Single => "single",
        Kind::Multi => "multi",
        Kind::Text => "text",
        Kind::LongText => "long_text",
        Kind::Number => "number",
        Kind::Group => "group",
    }
}

fn kinds_str(kinds: &[Kind]) -> String {
    kinds
        .iter()
        .map(|k| kind_str(*k))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn lang_name(code: &str) -> &'static str {
    match code {
        "fr" => "French",
        _ => "English",
    }
}

fn citation_forms(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Eu => "`article`, `other` or `none`",
        Jurisdiction::Ca => "`clause` (Schedule 1), `section`, `other` or `none`",
        Jurisdiction::Qc => "`section`, `other` or `none`",
    }
}
