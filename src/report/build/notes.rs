//! The notes taken during the assessment, placed under their findings, and
//! the points left to verify.

use super::Ctx;
use crate::answer::{Answer, entry_name};
use crate::bank::Rule;
use crate::condition::Scope;
use crate::i18n::ui;
use crate::report::model::Span;
use crate::rules::Outcome;

impl Ctx<'_> {
    /// Where each note is printed, once: under a finding whose rule reads its
    /// question, preferably in the chapter of the question's own section (a
    /// note on third parties goes with the third-party findings), else the
    /// first such finding in the report's order. A note on a group is about
    /// one of its entries or all of them, which the report cannot tell: it is
    /// printed with the answers only, never under a finding about some
    /// entries (a note about one provider would read as a reservation on
    /// another's contract).
    pub(super) fn note_homes(&self) -> std::collections::HashMap<String, String> {
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

    /// The first entry a `for_each` rule applies to.
    pub(super) fn first_entry(&self, rule: &Rule) -> Option<usize> {
        self.applying()
            .find(|f| std::ptr::eq(f.rule, rule))
            .and_then(|f| f.entry)
    }

    /// The notes printed under the finding of `rule`, with each question's short name.
    pub(super) fn notes(&self, rule: &Rule) -> Vec<(String, String)> {
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
    pub(super) fn points_to_verify(&self) -> Vec<Vec<Span>> {
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
    pub(super) fn unknown_answers(&self, rule: &Rule) -> Vec<String> {
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
}
