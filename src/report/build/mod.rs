//! Builds the report from a bank, a session and the rules' evaluation.

mod notes;
mod plan;
mod summary;
mod texts;

pub use plan::{PlannedAction, actions};

use super::annex;
use super::model::*;
use crate::answer::{Answer, entry_name};
use crate::bank::{Area, Bank, Kind, Question, Topic};
use crate::condition::Scope;
use crate::flow::Visible;
use crate::i18n::{Lang, format_date, ui};
use crate::rules::{Evaluation, Finding, Outcome, evaluate_on};
use crate::session::Session;
use std::collections::HashSet;

/// Everything the report needs besides the answers.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// The language to write in.
    pub lang: Lang,
    /// The date printed on the report.
    pub date: time::Date,
}

/// Shared state while building.
struct Ctx<'a> {
    bank: &'a Bank,
    session: &'a Session,
    visible: Visible<'a>,
    eval: Evaluation<'a>,
    lang: Lang,
    /// For each question with a note, the rule under whose finding it is printed.
    note_homes: std::collections::HashMap<String, String>,
}

impl<'a> Ctx<'a> {
    /// The answers judged on the report's date, and their evaluation; notes not yet placed.
    fn new(bank: &'a Bank, session: &'a Session, options: BuildOptions) -> Self {
        Ctx {
            bank,
            session,
            visible: Visible::new(bank, &session.answers).on(options.date),
            eval: evaluate_on(bank, &session.answers, options.date),
            lang: options.lang,
            note_homes: Default::default(),
        }
    }
}

/// Builds the whole report, with the default annex (the answers not shown elsewhere).
pub fn build(bank: &Bank, session: &Session, options: BuildOptions) -> Report {
    build_with(bank, session, options, AnnexMode::default())
}

/// Builds the whole report, with the annex `annex` asks for.
pub fn build_with(
    bank: &Bank,
    session: &Session,
    options: BuildOptions,
    annex: AnnexMode,
) -> Report {
    let lang = options.lang;
    let t = ui(lang);
    let ctx = Ctx::new(bank, session, options);
    let ctx = Ctx {
        note_homes: ctx.note_homes(),
        ..ctx
    };
    let mut sections = vec![ctx.summary(), ctx.action_plan()];
    sections.extend(bank.manifest.areas.iter().map(|area| ctx.area(area)));
    if let (Some(by), Some(last)) = (&session.prepared_by, sections.last_mut()) {
        // The consultant signs at the end of the chapters, before the annex.
        let mut facts = vec![(t.prepared_by.to_string(), by.clone())];
        if let Some(firm) = &session.mission.firm {
            facts.push((t.firm.to_string(), firm.clone()));
        }
        facts.push((t.date.to_string(), format_date(options.date, lang)));
        last.blocks.push(Block::Heading {
            level: 2,
            text: t.sign_off.into(),
        });
        last.blocks.push(Block::Signature { facts });
    }
    if annex != AnnexMode::None {
        let shown = annex::Shown {
            answers: if annex == AnnexMode::Full {
                HashSet::new()
            } else {
                ctx.answers_shown()
            },
            notes: ctx.note_homes.keys().map(String::as_str).collect(),
            chapters: bank
                .manifest
                .areas
                .iter()
                .map(|a| ctx.words(&a.title))
                .collect(),
        };
        sections.push(annex::annex(bank, session, &ctx.visible, lang, &shown));
    }
    let progress = session.progress(bank);
    let meta = Meta {
        organisation: session.organisation.clone(),
        date: format_date(options.date, lang),
        date_iso: options.date.to_string(),
        jurisdictions: session
            .cited_jurisdictions()
            .iter()
            .map(|j| j.name(lang).to_string())
            .collect(),
        prepared_by: session.prepared_by.clone(),
        firm: session.mission.firm.clone(),
        contact: session.mission.contact.clone(),
        visit_date: session.mission.visit_date.as_deref().map(|d| {
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            time::Date::parse(d, &fmt)
                .map_or_else(|_| d.to_string(), |date| format_date(date, lang))
        }),
        scope: session.mission.scope.clone(),
        bank: bank.stamp(),
        completion: progress.percent(),
    };
    let evaluation = EvaluationSummary {
        overall: ctx.eval.overall,
        areas: ctx.eval.scores.clone(),
        rules: ctx
            .eval
            .rules
            .iter()
            .map(|f| RuleOutcome {
                rule: f.rule.id.clone(),
                area: f.rule.area.clone(),
                severity: f.severity,
                outcome: f.outcome,
            })
            .collect(),
    };
    Report {
        lang,
        title: t.report_title.into(),
        subtitle: t.report_subtitle.into(),
        meta,
        sections,
        evaluation,
        draft: progress.done < progress.total,
    }
}

impl Ctx<'_> {
    /// Up to three good practices to acknowledge, from different areas first.
    fn strengths(&self) -> Vec<Vec<Span>> {
        let good: Vec<&Finding<'_>> = self
            .bank
            .manifest
            .areas
            .iter()
            .flat_map(|area| {
                self.applying().filter(move |f| {
                    f.rule.area == area.id && f.severity == crate::bank::Severity::GoodPractice
                })
            })
            .collect();
        let mut chosen: Vec<&Finding<'_>> = Vec::new();
        for f in &good {
            if chosen.len() < 3 && chosen.iter().all(|c| c.rule.area != f.rule.area) {
                chosen.push(f);
            }
        }
        for f in &good {
            if chosen.len() < 3 && !chosen.iter().any(|c| std::ptr::eq(*c, *f)) {
                chosen.push(f);
            }
        }
        chosen
            .into_iter()
            .map(|f| {
                vec![
                    Span::strong(self.fill(f, f.rule.title.get(self.lang))),
                    Span::plain(format!(" — {}", self.area_title(&f.rule.area))),
                ]
            })
            .collect()
    }

    fn area(&self, area: &Area) -> ReportSection {
        let mut blocks = Vec::new();
        if let Some(intro) = &area.intro {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(self.words(intro))],
            });
        }
        // Why a priority was lowered is said once a chapter: after the first
        // low finding that gives a reason, those with the same one say nothing.
        let mut reasons = HashSet::new();
        blocks.extend(self.findings(&area.id, None, &mut reasons));
        for topic in &area.topics {
            blocks.extend(self.topic(area, topic, &mut reasons));
        }
        // Advice for practices the organisation does not have yet is read
        // last, together, after what it has to fix.
        let (advice, mut blocks): (Vec<Block>, Vec<Block>) = blocks
            .into_iter()
            .partition(|b| matches!(b, Block::Finding(f) if self.for_later(f)));
        // A topic left with its heading only loses it.
        blocks = drop_empty_headings(blocks);
        if !advice.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: ui(self.lang).in_future.into(),
            });
            blocks.extend(advice);
        }
        ReportSection {
            id: area.id.clone(),
            title: self.words(&area.title),
            blocks,
        }
    }

    /// Whether a finding is advice for a practice the organisation does not
    /// have (its rule applies on a single "no": no paper files, no marketing).
    fn for_later(&self, f: &FindingBlock) -> bool {
        f.severity == crate::bank::Severity::Advice
            && self
                .bank
                .rule(&f.rule)
                .is_some_and(|r| matches!(r.when, crate::condition::Condition::No(_)))
    }

    fn topic(&self, area: &Area, topic: &Topic, reasons: &mut HashSet<String>) -> Vec<Block> {
        let mut blocks = vec![Block::Heading {
            level: 2,
            text: self.words(&topic.title),
        }];
        if let Some(intro) = &topic.intro {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(self.words(intro))],
            });
        }
        if let Some(table) = topic.table.as_deref().and_then(|id| self.table(id)) {
            blocks.push(table);
        }
        let items: Vec<CheckItem> = topic
            .checklist
            .iter()
            .filter_map(|id| self.bank.question(id))
            .flat_map(|q| self.check_items(q))
            .collect();
        if !items.is_empty() {
            blocks.push(Block::Checklist { items });
        }
        blocks.extend(self.findings(&area.id, Some(&topic.id), reasons));
        if blocks.len() == 1 + usize::from(topic.intro.is_some()) {
            // Nothing under this heading: no table, checklist or finding applies.
            return Vec::new();
        }
        blocks
    }

    /// The findings that apply to an area (or one of its topics), in bank order.
    fn findings(
        &self,
        area: &str,
        topic: Option<&str>,
        reasons: &mut HashSet<String>,
    ) -> Vec<Block> {
        let gaps = self.eval.gaps();
        self.applying()
            .filter(|f| f.rule.area == area && f.rule.topic.as_deref() == topic)
            .map(|f| {
                let rule = f.rule;
                Block::Finding(FindingBlock {
                    rule: rule.id.clone(),
                    number: gaps.iter().position(|g| std::ptr::eq(*g, f)).map(|i| i + 1),
                    severity: f.severity,
                    label: ui(self.lang).severity(f.severity).into(),
                    title: self.fill(f, rule.title.get(self.lang)),
                    finding: self.one_law(self.finding_text(f, reasons)),
                    recommendation: self.one_law(self.recommendation(f)),
                    refs: if f.severity.is_gap() {
                        self.refs(f)
                    } else {
                        Vec::new()
                    },
                    // A rule found in several entries carries its notes once.
                    notes: if f.entry.is_none_or(|i| Some(i) == self.first_entry(rule)) {
                        self.notes(rule)
                    } else {
                        Vec::new()
                    },
                })
            })
            .collect()
    }

    /// The questions whose answers the chapters show: in a checklist, in a
    /// table, or read by a finding (which says what was answered).
    fn answers_shown(&self) -> HashSet<&str> {
        let in_topics = self
            .bank
            .manifest
            .areas
            .iter()
            .flat_map(|a| &a.topics)
            .flat_map(|topic| topic.checklist.iter().chain(&topic.table))
            .map(String::as_str);
        let read = self
            .applying()
            .flat_map(|f| f.rule.when.top_level_questions());
        in_topics.chain(read).collect()
    }
    fn applying(&self) -> impl Iterator<Item = &Finding<'_>> {
        self.eval.with_outcome(Outcome::Applies)
    }

    /// A group shown as a table, plus a column for each later group that refers to its entries.
    fn table(&self, group_id: &str) -> Option<Block> {
        let group = self.bank.question(group_id)?;
        let entries = self.visible.answer(group_id).and_then(Answer::entries)?;
        let lang = self.lang;
        let (mut header, cells) = annex::entry_table(group, entries, &self.visible, lang);
        let back_refs = self.back_references(group_id);
        header.extend(back_refs.iter().map(|_| ui(lang).shared_with.to_string()));
        let rows = cells
            .into_iter()
            .enumerate()
            .map(|(i, mut row)| {
                let name = entry_name(group, entries, i, lang);
                for (other, field) in &back_refs {
                    row.push(self.entries_selecting(other, field, &name).join(", "));
                }
                row
            })
            .collect();
        Some(Block::Table { header, rows })
    }

    /// Groups with a sub-question whose options come from `group_id`.
    fn back_references(&self, group_id: &str) -> Vec<(&Question, &Question)> {
        self.bank
            .questions()
            .filter(|(_, q)| q.kind == Kind::Group && self.visible.is_shown(&q.id))
            .flat_map(|(_, q)| {
                q.questions
                    .iter()
                    .filter(|s| s.options_from.as_ref().is_some_and(|f| f.group == group_id))
                    .map(move |s| (q, s))
            })
            .collect()
    }

    /// Names of the entries of `group` whose `field` selects `name`.
    fn entries_selecting(&self, group: &Question, field: &Question, name: &str) -> Vec<String> {
        let entries = self
            .visible
            .answer(&group.id)
            .and_then(Answer::entries)
            .unwrap_or_default();
        (0..entries.len())
            .filter(|&i| match entries[i].get(&field.id) {
                Some(Answer::Text(s)) => s == name,
                Some(a) => a
                    .selected()
                    .is_some_and(|ids| ids.iter().any(|id| id == name)),
                None => false,
            })
            .map(|i| entry_name(group, entries, i, self.lang))
            .collect()
    }

    /// Checklist items for a yes/no question (one) or a multiple choice (one per option).
    fn check_items(&self, q: &Question) -> Vec<CheckItem> {
        if !self.visible.is_shown(&q.id) {
            return Vec::new();
        }
        let answer = self.visible.answer(&q.id);
        let lang = self.lang;
        match q.kind {
            Kind::YesNo => {
                let status = match answer {
                    Some(Answer::Bool(true)) => Status::Done,
                    Some(Answer::Bool(false)) => Status::Todo,
                    _ => Status::ToVerify,
                };
                vec![CheckItem {
                    status,
                    text: q.short_label().get(lang).into(),
                }]
            }
            _ => {
                let selected: Option<HashSet<&str>> = answer
                    .and_then(Answer::selected)
                    .map(|ids| ids.iter().map(String::as_str).collect());
                q.options
                    .iter()
                    .map(|o| {
                        let status = match &selected {
                            Some(ids) if ids.contains(o.id.as_str()) => Status::Done,
                            Some(_) => Status::Todo,
                            None => Status::ToVerify,
                        };
                        CheckItem {
                            status,
                            text: o.label.get(lang).into(),
                        }
                    })
                    .collect()
            }
        }
    }
}

/// The blocks without the headings nothing follows before the next heading
/// (a topic whose only content was advice, moved to the chapter's end).
fn drop_empty_headings(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if matches!(block, Block::Heading { .. }) {
            while matches!(out.last(), Some(Block::Heading { .. })) {
                out.pop();
            }
        }
        out.push(block);
    }
    while matches!(out.last(), Some(Block::Heading { .. })) {
        out.pop();
    }
    out
}
