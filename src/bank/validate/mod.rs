//! Every check a bank must pass before it is used: ids, translations, kinds,
//! references, condition order, cycles, reachability, rules and templates.
//! One `Checker` walks the bank; its checks are split by what they look at.

mod conditions;
mod questions;
mod rules;

use super::{Bank, Kind, Pointer, Raw};
use crate::i18n::Text;
use crate::law::Jurisdiction;
use std::collections::HashSet;

/// What validation found: the problems, and the questions and rules whose
/// reachability was not searched (see [`crate::bank::Bank::unchecked`]).
pub(crate) struct Found {
    pub(crate) raw: Vec<Raw>,
    pub(crate) unchecked: Vec<String>,
}

/// Every structural check; with `deep`, the search for questions that can
/// never be asked and rules that can never apply too (only `privaudit
/// validate` asks for it: its cost is bounded per condition, but it is still
/// the bulk of the time of loading a large bank), and the checks of what the
/// wizard shows but a report does not need (help on every question).
pub(crate) fn validate(bank: &Bank, deep: bool) -> Found {
    let mut c = Checker {
        bank,
        raw: Vec::new(),
        unchecked: Vec::new(),
        deep,
    };
    c.manifest();
    c.coverage();
    c.sections();
    c.rules();
    c.cycles();
    if deep && c.raw.is_empty() {
        c.reachability();
    }
    Found {
        raw: c.raw,
        unchecked: c.unchecked,
    }
}

struct Checker<'a> {
    bank: &'a Bank,
    raw: Vec<Raw>,
    unchecked: Vec<String>,
    /// Whether the checks for `privaudit validate` only run too.
    deep: bool,
}

impl<'a> Checker<'a> {
    fn push(&mut self, rel: &str, ptr: Pointer, id: Option<&str>, message: String) {
        self.raw.push(Raw::new(rel, ptr, id, message));
    }

    /// Reports `message` at `at` (file, place) when `key` was seen before.
    fn unique<'k>(
        &mut self,
        seen: &mut HashSet<&'k str>,
        key: &'k str,
        at: (&str, Pointer),
        id: &str,
        message: String,
    ) {
        if !seen.insert(key) {
            self.push(at.0, at.1, Some(id), message);
        }
    }

    fn text(&mut self, text: &Text, rel: &str, ptr: Pointer, id: &str) {
        for lang in text.missing() {
            let field = ptr
                .last()
                .map(|s| Pointer::default().at(s.clone()).to_string())
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
            self.unique(
                &mut areas,
                &area.id,
                (rel, ptr.at("id")),
                &area.id,
                "duplicate area id".into(),
            );
            self.text(&area.title, rel, ptr.at("title"), &area.id);
            self.opt_text(&area.intro, rel, ptr.at("intro"), &area.id);
            let mut topics = HashSet::new();
            for (ti, topic) in area.topics.iter().enumerate() {
                let ptr = ptr.at("topics").at(ti);
                self.id_syntax(&topic.id, rel, ptr.at("id"));
                self.unique(
                    &mut topics,
                    &topic.id,
                    (rel, ptr.at("id")),
                    &topic.id,
                    "duplicate topic id in this area".into(),
                );
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
            self.unique(
                &mut frameworks,
                &f.id,
                (rel, ptr.at("id")),
                &f.id,
                "duplicate framework id".into(),
            );
            self.text(&f.title, rel, ptr.at("title"), &f.id);
            let mut items = HashSet::new();
            for (ii, item) in f.items.iter().enumerate() {
                let iptr = ptr.at("items").at(ii);
                self.unique(
                    &mut items,
                    &item.id,
                    (rel, iptr.at("id")),
                    &item.id,
                    format!("duplicate item in `{}`", f.id),
                );
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
        if let Some(e) = &b.establishment {
            let at = ptr.at("establishment");
            if self.expect_kind(
                &e.question,
                &[Kind::Single],
                "bank.json",
                at.at("question"),
                "bindings",
            ) {
                let q = self.bank.question(&e.question).expect("checked");
                for option in e.jurisdictions.keys() {
                    if q.option(option).is_none() {
                        let msg = format!("`{}` has no option `{option}`", q.id);
                        self.push("bank.json", at.at("jurisdictions"), Some(&q.id), msg);
                    }
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
