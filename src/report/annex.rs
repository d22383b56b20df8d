//! The annex: every answer given, section by section, with notes and marks.

use super::model::*;
use crate::answer::{Answer, Entry};
use crate::bank::{Bank, Kind, Question};
use crate::condition::{EntryScope, Scope};
use crate::flow::Visible;
use crate::i18n::colon;
use crate::i18n::{Lang, ui};
use crate::session::Session;
use std::collections::HashSet;

/// What the chapters already show.
#[derive(Debug, Default)]
pub struct Shown<'a> {
    /// The questions whose answers a checklist, a table or a finding shows.
    pub answers: HashSet<&'a str>,
    /// The questions whose note a finding carries.
    pub notes: HashSet<&'a str>,
    /// The chapters' titles in the session's words, in the bank's order of areas.
    pub chapters: Vec<String>,
}

/// The questions of the bank grouped as the report's chapters, in their
/// order and under their titles: each interview section goes to the
/// chapter whose checklists, tables and rules read most of its questions
/// (the first such chapter on a tie; a section no chapter reads keeps its
/// own title, after the chapters).
fn by_chapter<'b>(
    bank: &'b Bank,
    titles: &[String],
    lang: Lang,
) -> Vec<(String, Vec<&'b Question>)> {
    let mut reads: Vec<(&str, &str)> = Vec::new();
    for area in &bank.manifest.areas {
        for topic in &area.topics {
            // What a chapter shows weighs more than what its rules read.
            for q in topic.checklist.iter().chain(&topic.table) {
                reads.extend([(area.id.as_str(), q.as_str()); 5]);
            }
        }
    }
    for rule in &bank.rules {
        for q in rule.when.top_level_questions() {
            reads.push((rule.area.as_str(), q));
        }
    }
    let mut chapters: Vec<(String, Vec<&Question>)> = bank
        .manifest
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let title = titles.get(i).cloned();
            (
                title.unwrap_or_else(|| a.title.get(lang).to_string()),
                Vec::new(),
            )
        })
        .collect();
    let mut unread = Vec::new();
    for section in &bank.sections {
        let ids: HashSet<&str> = section.questions.iter().map(|q| q.id.as_str()).collect();
        let votes = |area: &str| {
            reads
                .iter()
                .filter(|(a, q)| *a == area && ids.contains(q))
                .count()
        };
        let best = bank
            .manifest
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (votes(&a.id), std::cmp::Reverse(i)))
            .max()
            .filter(|(count, _)| *count > 0);
        match best {
            Some((_, std::cmp::Reverse(i))) => chapters[i].1.extend(&section.questions),
            None => unread.push((
                section.title.get(lang).to_string(),
                section.questions.iter().collect(),
            )),
        }
    }
    chapters.extend(unread);
    chapters
}

/// The annex chapter: the answers given, section by section, less those in `shown.answers`.
pub fn annex(
    bank: &Bank,
    session: &Session,
    visible: &Visible<'_>,
    lang: Lang,
    shown: &Shown<'_>,
) -> ReportSection {
    let t = ui(lang);
    let notes_shown = &shown.notes;
    let chapters = by_chapter(bank, &shown.chapters, lang);
    let shown = &shown.answers;
    let intro = if shown.is_empty() {
        t.annex_intro
    } else {
        t.annex_intro_rest
    };
    let mut blocks = vec![Block::Paragraph {
        spans: vec![Span::plain(intro)],
    }];
    for (title, questions) in chapters {
        let answered: Vec<_> = questions
            .into_iter()
            .filter(|q| visible.answer(&q.id).is_some())
            .filter(|q| {
                // A note no finding carries keeps its answer in the annex.
                let lost_note =
                    session.notes.contains_key(&q.id) && !notes_shown.contains(q.id.as_str());
                !shown.contains(q.id.as_str()) || lost_note
            })
            .collect();
        if answered.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 2,
            text: title,
        });
        let rows = answered
            .iter()
            .map(|q| {
                let answer = visible
                    .answer(&q.id)
                    .map_or_else(String::new, |a| a.display(q, lang));
                let mut note = session.notes.get(&q.id).cloned().unwrap_or_default();
                let marks = [
                    (session.to_verify.contains(&q.id), t.status_verify),
                    (session.to_confirm.contains(&q.id), t.status_confirm),
                ];
                for (_, word) in marks.iter().filter(|(marked, _)| *marked) {
                    let mark = format!("({})", word.to_lowercase());
                    note = if note.is_empty() {
                        mark
                    } else {
                        format!("{mark} {note}")
                    };
                }
                AnswerRow {
                    question: q.short_label().get(lang).to_string(),
                    answer,
                    note,
                }
            })
            .collect();
        blocks.push(Block::Answers { rows });
        let groups = answered
            .iter()
            .filter(|q| q.kind == Kind::Group && !shown.contains(q.id.as_str()));
        for group in groups {
            let Some(entries) = visible.answer(&group.id).and_then(Answer::entries) else {
                continue;
            };
            if entries.is_empty() {
                continue;
            }
            blocks.push(Block::Heading {
                level: 3,
                text: group.short_label().get(lang).into(),
            });
            let (columns, cells) = entry_table(group, entries, visible, lang);
            let mut header = vec![String::new()];
            header.extend(columns);
            let rows = cells
                .into_iter()
                .enumerate()
                .map(|(i, cells)| {
                    let mut row = vec![format!("{}", i + 1)];
                    row.extend(cells);
                    row
                })
                .collect();
            blocks.push(Block::Table { header, rows });
        }
    }
    if !session.retired.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: t.retired_title.into(),
        });
        blocks.push(Block::Paragraph {
            spans: vec![Span::plain(t.retired_intro)],
        });
        let items = session
            .retired
            .iter()
            .map(|(id, value)| {
                vec![
                    Span::strong(format!("{id}{}", colon(lang))),
                    Span::plain(format!(" {value}")),
                ]
            })
            .collect();
        blocks.push(Block::Bullets { items });
    }
    ReportSection {
        id: "annex".into(),
        title: t.annex.into(),
        blocks,
    }
}

/// A group's entries as a table: the short names of the sub-questions that
/// some entry was asked, and each entry's answers to them. A sub-question no
/// entry was asked (a lawful basis outside the EU) has no column, and an
/// answer an entry was not asked is not shown.
pub(super) fn entry_table(
    group: &Question,
    entries: &[Entry],
    visible: &Visible<'_>,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    let scopes: Vec<EntryScope<'_>> = entries
        .iter()
        .map(|entry| EntryScope::new(group, entry, visible))
        .collect();
    let shown: Vec<&Question> = group
        .questions
        .iter()
        .filter(|sub| scopes.iter().any(|scope| scope.answer(&sub.id).is_some()))
        .collect();
    let columns = shown
        .iter()
        .map(|sub| sub.short_label().get(lang).to_string())
        .collect();
    let cells = scopes
        .iter()
        .map(|scope| {
            shown
                .iter()
                .map(|sub| {
                    scope
                        .answer(&sub.id)
                        .map_or_else(String::new, |a| a.display(sub, lang))
                })
                .collect()
        })
        .collect();
    (columns, cells)
}
