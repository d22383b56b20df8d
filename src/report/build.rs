//! Builds the report from a bank, a session and the rules' evaluation.

use super::annex;
use super::model::*;
use crate::answer::{Answer, entry_name};
use crate::bank::{Area, Bank, Kind, Question, Rule, Topic};
use crate::condition::Scope;
use crate::flow::Visible;
use crate::i18n::{Lang, colon, format_date, percent, ui};
use crate::law::{Citation, Jurisdiction};
use crate::rules::{Evaluation, Finding, Outcome, evaluate_on, template};
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
    let ctx = Ctx {
        bank,
        session,
        visible: Visible::new(bank, &session.answers).on(options.date),
        eval: evaluate_on(bank, &session.answers, options.date),
        lang,
        note_homes: Default::default(),
    };
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
    /// The area's title.
    pub area: String,
    /// What to do.
    pub action: String,
    /// The provisions behind it.
    pub refs: Vec<String>,
}

/// The action plan's gaps, most severe first, each with a stable id.
pub fn actions(bank: &Bank, session: &Session, options: BuildOptions) -> Vec<PlannedAction> {
    let ctx = Ctx {
        bank,
        session,
        visible: Visible::new(bank, &session.answers).on(options.date),
        eval: evaluate_on(bank, &session.answers, options.date),
        lang: options.lang,
        note_homes: Default::default(),
    };
    let t = ui(options.lang);
    ctx.eval
        .gaps()
        .iter()
        .map(|f| PlannedAction {
            id: ctx.action_id(f),
            severity: f.severity,
            priority: t.severity(f.severity).into(),
            title: ctx.fill(f, f.rule.title.get(options.lang)),
            area: ctx.area_title(&f.rule.area),
            action: ctx.recommendation(f),
            refs: ctx.refs(f),
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
    fn action_id(&self, f: &Finding<'_>) -> String {
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

impl Ctx<'_> {
    fn summary(&self) -> ReportSection {
        let t = ui(self.lang);
        let progress = self.session.progress(self.bank);
        let gaps = self.eval.gaps();
        let count = |s| gaps.iter().filter(|f| f.severity == s).count();
        let by_severity: Vec<String> = [
            crate::bank::Severity::Critical,
            crate::bank::Severity::High,
            crate::bank::Severity::Medium,
            crate::bank::Severity::Low,
        ]
        .into_iter()
        .filter(|s| count(*s) > 0)
        .map(|s| {
            format!(
                "{}{} {}",
                t.severity(s).to_lowercase(),
                colon(self.lang),
                count(s)
            )
        })
        .collect();
        let gap_value = if by_severity.is_empty() {
            "0".to_string()
        } else {
            format!("{} ({})", gaps.len(), by_severity.join(", "))
        };
        let score =
            |s: Option<u8>| s.map_or_else(|| t.not_assessed.to_string(), |s| format!("{s}/100"));
        let figures = vec![
            KeyFigure {
                label: t.overall_score.into(),
                value: score(self.eval.overall),
            },
            KeyFigure {
                label: t.gaps_count.into(),
                value: gap_value,
            },
            KeyFigure {
                label: t.good_practices.into(),
                value: self
                    .applying()
                    .filter(|f| f.severity == crate::bank::Severity::GoodPractice)
                    .count()
                    .to_string(),
            },
            KeyFigure {
                label: t.to_verify_count.into(),
                value: self.points_to_verify().len().to_string(),
            },
            KeyFigure {
                label: t.completion.into(),
                value: format!(
                    "{}/{} ({})",
                    progress.done,
                    progress.total,
                    percent(progress.percent(), self.lang)
                ),
            },
        ];
        let scores = self
            .bank
            .manifest
            .areas
            .iter()
            .zip(&self.eval.scores)
            .map(|(area, s)| ScoreBar {
                label: self.words(&area.title),
                score: s.score,
                // Too few requirements for a number, but a gap among them:
                // say so, or the action plan's item reads as unassessed.
                missing: match (s.checked, s.gaps) {
                    _ if s.score.is_some() => String::new(),
                    (0, _) => t.not_assessed.to_string(),
                    (_, 0) => t.too_few_answers.to_string(),
                    (_, 1) => t.unscored_gap.to_string(),
                    (_, n) => t.unscored_gaps.replace("{n}", &n.to_string()),
                },
            })
            .collect();
        let mut blocks = vec![Block::KeyFigures { figures }];
        let unconfirmed = self.session.to_confirm.len();
        if unconfirmed > 0 {
            // A new audit started from an earlier one: say what is not yet checked.
            let text = t.unconfirmed.replace("{n}", &unconfirmed.to_string());
            blocks.push(Block::Paragraph {
                spans: vec![Span::strong(text)],
            });
        }
        blocks.push(Block::Heading {
            level: 2,
            text: t.strengths.into(),
        });
        let strengths = self.strengths();
        blocks.push(if strengths.is_empty() {
            Block::Paragraph {
                spans: vec![Span::plain(t.strengths_none)],
            }
        } else {
            Block::Bullets { items: strengths }
        });
        let first = self.first_steps();
        if !first.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: t.first_steps.into(),
            });
            blocks.push(Block::FirstSteps { items: first });
        }
        blocks.extend([
            Block::Heading {
                level: 2,
                text: t.scores_by_area.into(),
            },
            Block::Scores { scores },
            Block::Heading {
                level: 2,
                text: t.how_to_read.into(),
            },
            Block::Paragraph {
                spans: vec![Span::plain(t.how_to_read_text)],
            },
        ]);
        ReportSection {
            id: "summary".into(),
            title: t.summary.into(),
            blocks,
        }
    }

    fn action_plan(&self) -> ReportSection {
        let t = ui(self.lang);
        let gaps = self.eval.gaps();
        let mut blocks = Vec::new();
        if gaps.is_empty() {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.action_plan_empty)],
            });
        } else {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.action_plan_intro)],
            });
            blocks.push(Block::Actions {
                items: self.actions(),
            });
        }
        let to_verify = self.points_to_verify();
        if !to_verify.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: t.to_verify_title.into(),
            });
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.to_verify_intro)],
            });
            blocks.push(Block::Bullets { items: to_verify });
        }
        ReportSection {
            id: "action-plan".into(),
            title: t.action_plan.into(),
            blocks,
        }
    }

    /// The action plan: one action per gap, most urgent first, numbered from 1.
    fn actions(&self) -> Vec<Action> {
        let t = ui(self.lang);
        self.eval
            .gaps()
            .iter()
            .enumerate()
            .map(|(i, f)| Action {
                number: i + 1,
                rule: f.rule.id.clone(),
                severity: f.severity,
                priority: t.severity(f.severity).into(),
                title: self.fill(f, f.rule.title.get(self.lang)),
                area: self.area_title(&f.rule.area),
                action: self.recommendation(f),
                refs: self.refs(f),
            })
            .collect()
    }

    /// What to do first: the critical and high gaps, at least three and at
    /// most five actions of the plan.
    fn first_steps(&self) -> Vec<Action> {
        let actions = self.actions();
        let urgent = actions
            .iter()
            .filter(|a| a.severity <= crate::bank::Severity::High)
            .count();
        let n = urgent.clamp(3, 5).min(actions.len());
        actions.into_iter().take(n).collect()
    }

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
        blocks.extend(self.findings(&area.id, None));
        for topic in &area.topics {
            blocks.extend(self.topic(area, topic));
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

    fn topic(&self, area: &Area, topic: &Topic) -> Vec<Block> {
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
        blocks.extend(self.findings(&area.id, Some(&topic.id)));
        if blocks.len() == 1 + usize::from(topic.intro.is_some()) {
            // Nothing under this heading: no table, checklist or finding applies.
            return Vec::new();
        }
        blocks
    }

    /// The findings that apply to an area (or one of its topics), in bank order.
    fn findings(&self, area: &str, topic: Option<&str>) -> Vec<Block> {
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
                    finding: self.one_law(self.finding_text(f)),
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

    /// Where each note is printed, once: under a finding whose rule reads its
    /// question, preferably in the chapter of the question's own section (a
    /// note on third parties goes with the third-party findings), else the
    /// first such finding in the report's order. A note on a group is about
    /// one of its entries or all of them, which the report cannot tell: it is
    /// printed with the answers only, never under a finding about some
    /// entries (a note about one provider would read as a reservation on
    /// another's contract).
    fn note_homes(&self) -> std::collections::HashMap<String, String> {
        let in_order: Vec<&Rule> = self
            .bank
            .manifest
            .areas
            .iter()
            .flat_map(|area| self.applying().filter(move |f| f.rule.area == area.id))
            .map(|f| f.rule)
            .collect();
        self.session
            .notes
            .keys()
            .filter_map(|id| {
                let readers: Vec<&Rule> = in_order
                    .iter()
                    .copied()
                    .filter(|r| r.when.top_level_questions().contains(&id.as_str()))
                    .collect();
                if self
                    .bank
                    .question(id)
                    .is_some_and(|q| q.kind == crate::bank::Kind::Group)
                {
                    return None;
                }
                let own_area = self.bank.section_of(id).map(|s| s.id.as_str());
                let home = readers
                    .iter()
                    .find(|r| Some(r.area.as_str()) == own_area)
                    .or(readers.first())?;
                Some((id.clone(), home.id.clone()))
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

    /// The first entry a `for_each` rule applies to.
    fn first_entry(&self, rule: &Rule) -> Option<usize> {
        self.applying()
            .find(|f| std::ptr::eq(f.rule, rule))
            .and_then(|f| f.entry)
    }

    /// The notes printed under the finding of `rule`, with each question's short name.
    fn notes(&self, rule: &Rule) -> Vec<(String, String)> {
        self.session
            .notes
            .iter()
            .filter(|(id, _)| self.note_homes.get(*id) == Some(&rule.id))
            .filter_map(|(id, note)| {
                let question = self.bank.question(id)?;
                Some((
                    question.short_label().get(self.lang).to_string(),
                    note.clone(),
                ))
            })
            .collect()
    }

    /// The points to verify, as listed in the action plan and counted in the
    /// summary: the gaps the answers cannot decide, then the answers the
    /// user marked "to verify" while keeping them (a list kept with F3).
    fn points_to_verify(&self) -> Vec<Vec<Span>> {
        let t = ui(self.lang);
        // A point left open by a "don't know" is named by the question, not
        // by the gap's title, which would state a fault nobody answered.
        let mut seen = std::collections::HashSet::new();
        let rules: Vec<Vec<Span>> = self
            .eval
            .with_outcome(Outcome::ToVerify)
            .filter(|f| f.severity.is_gap())
            .filter_map(|f| {
                let area = self.area_title(&f.rule.area);
                let unknown = self.unknown_answers(f.rule);
                if unknown.is_empty() {
                    return Some(vec![
                        Span::strong(self.fill(f, f.rule.title.get(self.lang))),
                        Span::plain(format!(" — {area}")),
                    ]);
                }
                let label = crate::i18n::join_list(&unknown, self.lang);
                seen.insert(label.clone()).then(|| {
                    vec![
                        Span::strong(label),
                        Span::plain(format!(
                            " — {}",
                            t.answered_dont_know.replace("{area}", &area)
                        )),
                    ]
                })
            })
            .collect();
        let rules = rules.into_iter();
        let marked = self
            .bank
            .questions()
            .map(|(_, q)| q)
            .filter(|q| self.session.to_verify.contains(&q.id))
            .filter(|q| {
                self.visible
                    .answer(&q.id)
                    .is_some_and(Answer::is_substantive)
            })
            .map(|q| {
                vec![
                    Span::strong(q.short_label().get(self.lang)),
                    Span::plain(format!(" — {}", t.marked_to_verify)),
                ]
            });
        rules.chain(marked).collect()
    }

    /// The short names of the questions answered "don't know" that a rule
    /// reads (a group's sub-question with its entries' names).
    fn unknown_answers(&self, rule: &Rule) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        rule.when.walk(None, &mut |c, group| {
            let Some(id) = c.question() else { return };
            let label = match group {
                None => self
                    .visible
                    .answer(id)
                    .filter(|a| a.is_dont_know())
                    .and_then(|_| self.bank.question(id))
                    .map(|q| q.short_label().get(self.lang).to_string()),
                Some(g) => {
                    let group = self.bank.question(g);
                    let entries = self.visible.answer(g).and_then(Answer::entries);
                    group.zip(entries).and_then(|(group, entries)| {
                        let names: Vec<String> = entries
                            .iter()
                            .enumerate()
                            .filter(|(_, e)| e.get(id).is_some_and(Answer::is_dont_know))
                            .map(|(i, _)| entry_name(group, entries, i, self.lang))
                            .collect();
                        let sub = group.sub(id)?;
                        (!names.is_empty()).then(|| {
                            format!(
                                "{} ({})",
                                sub.short_label().get(self.lang),
                                crate::i18n::join_list(&names, self.lang)
                            )
                        })
                    })
                }
            };
            if let Some(label) = label
                && !out.contains(&label)
            {
                out.push(label);
            }
        });
        out
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

    /// A chapter's text with its vocabulary terms in the session's own legal words.
    fn words(&self, text: &crate::i18n::Text) -> String {
        template::words(
            text.get(self.lang),
            self.bank,
            &self.visible,
            &self.session.organisation,
            self.lang,
        )
    }

    /// A text of the finding's rule filled from the answers; a finding on
    /// one entry reads that entry's sub-questions.
    fn fill(&self, f: &Finding<'_>, text: &str) -> String {
        self.fill_under(f, text, None)
    }

    /// A text of the finding's rule, its vocabulary in the words of `law`
    /// when it is one law's own paragraph of a report under several.
    fn fill_under(&self, f: &Finding<'_>, text: &str, law: Option<Jurisdiction>) -> String {
        let group = f
            .rule
            .for_each
            .as_deref()
            .and_then(|g| self.bank.question(g));
        let entry = group.zip(f.entry).and_then(|(g, i)| {
            self.visible
                .answer(&g.id)
                .and_then(Answer::entries)
                .and_then(|entries| entries.get(i))
        });
        let fill = |scope: &dyn crate::condition::Scope| {
            template::render(
                text,
                &template::Fill {
                    bank: self.bank,
                    scope,
                    group,
                    rule: &f.rule.when,
                    org: &self.session.organisation,
                    lang: self.lang,
                },
            )
        };
        let several = self.session.cited_jurisdictions().len() > 1;
        let under = law
            .filter(|_| several)
            .map(|law| UnderLaw::new(self.bank, &self.visible, law));
        let outer: &dyn crate::condition::Scope = match &under {
            Some(u) => u,
            None => &self.visible,
        };
        match (group, entry) {
            (Some(g), Some(entry)) => fill(&crate::condition::EntryScope::new(g, entry, outer)),
            _ => fill(outer),
        }
    }

    /// The finding, and why its severity differs from the rule's own when a modifier set it.
    fn finding_text(&self, f: &Finding<'_>) -> String {
        let mut text = self.fill(f, f.rule.finding.get(self.lang));
        if let Some(because) = f.because {
            let t = ui(self.lang);
            let word = t.severity(f.severity).to_lowercase();
            let sentence = t
                .severity_because
                .replace("{severity}", &word)
                .replace("{Severity}", &capitalise(&word))
                .replace("{because}", &self.fill(f, because.get(self.lang)));
            text.push(' ');
            text.push_str(&sentence);
        }
        text
    }

    /// In a report under one law, a sentence need not say where it applies:
    /// « Dans l’Union européenne, notifiez… » reads « Notifiez… ».
    fn one_law(&self, text: String) -> String {
        match self.session.cited_jurisdictions().as_slice() {
            [only] => without_territory(&text, *only, self.lang),
            _ => text,
        }
    }

    /// The recommendation, followed by the notes for each jurisdiction cited.
    fn recommendation(&self, f: &Finding<'_>) -> String {
        let rule = f.rule;
        let mut text = self.fill(f, rule.recommendation.get(self.lang));
        for j in self.session.cited_jurisdictions() {
            if let Some(note) = rule.jurisdiction_notes.get(&j) {
                text.push(' ');
                text.push_str(&self.fill_under(f, note.get(self.lang), Some(j)));
            }
        }
        text
    }

    /// The rule's citations for the jurisdictions cited; one line when no law has a provision.
    /// A citation written out may name the law of the organisation's own
    /// country through a vocabulary term, filled like the other texts.
    fn refs(&self, f: &Finding<'_>) -> Vec<String> {
        let rule = f.rule;
        let cited = self.session.cited_jurisdictions();
        let citations: Vec<(Jurisdiction, &Citation)> = cited
            .into_iter()
            .filter_map(|j| rule.refs.get(&j).map(|c| (j, c)))
            .collect();
        if citations.iter().all(|(_, c)| **c == Citation::None) {
            return vec![ui(self.lang).no_legal_duty.to_string()];
        }
        citations
            .into_iter()
            .map(|(j, c)| self.fill_under(f, &c.render(j, self.lang), Some(j)))
            .collect()
    }

    fn area_title(&self, id: &str) -> String {
        self.bank
            .area(id)
            .map_or_else(String::new, |a| self.words(&a.title))
    }
}

/// The answers as one law's own paragraph reads them: that law alone among
/// the jurisdictions, and the place of establishment only when it is under
/// that law (a Québec firm's paragraph on the GDPR says « sous-traitant »,
/// not Québec's « prestataire de services »).
struct UnderLaw<'s> {
    inner: &'s dyn crate::condition::Scope,
    jurisdictions: &'s str,
    only: Answer,
    /// The establishment question, when its answer is not under the law.
    elsewhere: Option<&'s str>,
}

impl<'s> UnderLaw<'s> {
    fn new(bank: &'s Bank, inner: &'s dyn crate::condition::Scope, law: Jurisdiction) -> Self {
        let bindings = &bank.manifest.bindings;
        let elsewhere = bindings.establishment.as_ref().and_then(|e| {
            let place = match inner.answer(&e.question) {
                Some(Answer::Text(place)) => Some(place),
                _ => None,
            };
            let under_law = place.and_then(|p| e.jurisdictions.get(p)) == Some(&law);
            (!under_law).then_some(e.question.as_str())
        });
        UnderLaw {
            inner,
            jurisdictions: &bindings.jurisdictions,
            only: Answer::Choices(vec![law.code().to_string()]),
            elsewhere,
        }
    }
}

impl crate::condition::Scope for UnderLaw<'_> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        if id == self.jurisdictions {
            Some(&self.only)
        } else if Some(id) == self.elsewhere {
            None
        } else {
            self.inner.answer(id)
        }
    }

    fn is_hidden(&self, id: &str) -> bool {
        Some(id) == self.elsewhere || self.inner.is_hidden(id)
    }

    fn group(&self, id: &str) -> Option<&crate::bank::Question> {
        self.inner.group(id)
    }

    fn today(&self) -> Option<time::Date> {
        self.inner.today()
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

/// `text` without the words that open a sentence by naming the law's
/// territory (« Au Québec, », "In the European Union, "), the sentence then
/// starting with a capital.
fn without_territory(text: &str, law: Jurisdiction, lang: Lang) -> String {
    let prefixes: &[&str] = match (law, lang) {
        (Jurisdiction::Eu, Lang::Fr) => &["Dans l’Union européenne, "],
        (Jurisdiction::Eu, Lang::En) => &["In the European Union, ", "In the EU, "],
        (Jurisdiction::Qc, Lang::Fr) => &["Au Québec, "],
        (Jurisdiction::Qc, Lang::En) => &["In Québec, "],
        (Jurisdiction::Ca, Lang::Fr) => &["Au Canada, "],
        (Jurisdiction::Ca, Lang::En) => &["In Canada, "],
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let at_start = out.is_empty() || out.ends_with(". ");
        match prefixes.iter().find(|p| at_start && rest.starts_with(**p)) {
            Some(p) => {
                rest = &rest[p.len()..];
                let mut chars = rest.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    rest = chars.as_str();
                }
            }
            None => match rest.find(". ") {
                Some(end) => {
                    out.push_str(&rest[..end + 2]);
                    rest = &rest[end + 2..];
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            },
        }
    }
}

/// The text with its first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
